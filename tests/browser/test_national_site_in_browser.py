"""The site of a generated corpus of 20 authorities in a real browser: the pages a national
build makes stay accessible, usable by keyboard, printable and searchable offline, and no page
carries a menu of every authority."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import AXE_VERSION, NATIONAL_AUTHORITIES, axe_violations

WALSALL_COPY = "synthetic-0003"
"""The generator copies the bundled authorities in turn: the fourth is Walsall's copy."""
PAGE_TYPES = {
    "home": "index.html",
    "authority": f"{WALSALL_COPY}/index.html",
    "document version": f"{WALSALL_COPY}/cin-visits-and-reviews/5.0.html",
    "large document version": "synthetic-0001/practice-standards/1.0.html",
    "large document, second part": "synthetic-0001/practice-standards/1.0-part-2.html",
    "comparison": "compare/statutory-visit.html",
    "comparison index": "compare/index.html",
    "downloads": "downloads.html",
}


def _changes_page(site: Path) -> str:
    found = sorted(site.rglob("*-changes.html"))
    assert found, "the generated corpus has second versions, so it has what-changed pages"
    return found[0].relative_to(site).as_posix()


@pytest.mark.parametrize("kind", [*PAGE_TYPES, "what changed"])
def test_axe_finds_no_wcag_violations_at_national_scale(
    page: Any, national_site: Path, national_site_url: str, kind: str
) -> None:
    path = _changes_page(national_site) if kind == "what changed" else PAGE_TYPES[kind]
    page.goto(f"{national_site_url}/{path}")
    violations = axe_violations(page)
    assert violations == [], f"axe-core {AXE_VERSION} on the {kind} page: {violations}"


def test_no_page_carries_a_menu_of_every_authority(page: Any, national_site_url: str) -> None:
    for path in (PAGE_TYPES["home"], PAGE_TYPES["document version"]):
        page.goto(f"{national_site_url}/{path}")
        menu_links = page.locator(".md-sidebar--primary a[href*='synthetic-']")
        assert menu_links.count() == 0, path


def test_keyboard_alone_filters_the_authorities_and_opens_one(
    page: Any, national_site_url: str
) -> None:
    page.goto(f"{national_site_url}/index.html")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "search" and page.evaluate(
            "!document.activeElement.classList.contains('md-search__input')"
        ):
            break
    else:
        pytest.fail("Tab never reached the box that filters the authorities")
    label = page.evaluate("document.activeElement.labels[0].textContent")
    assert label == "Show only rows containing"
    page.keyboard.type("authority 0017")
    table = page.locator("article table").first
    visible = table.locator("tbody tr:visible")
    assert visible.count() == 1
    status = page.locator(".table-filter__status").first.inner_text()
    assert status == f"showing 1 of {NATIONAL_AUTHORITIES + 1} rows"  # and the statutory baseline
    page.keyboard.press("Tab")
    assert "Synthetic authority 0017" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    page.wait_for_url("**/synthetic-0017/index.html")


def test_comparison_rows_filter_by_authority(page: Any, national_site_url: str) -> None:
    page.goto(f"{national_site_url}/compare/statutory-visit.html")
    statutory_rows = page.evaluate(
        """[...document.querySelectorAll('article table')].map(table => [...table.tBodies[0].rows]
            .findIndex(row => row.textContent.includes('this is the statutory minimum')))"""
    )
    assert 0 in statutory_rows  # some group has a statutory row ...
    assert set(statutory_rows) <= {0, -1}  # ... and wherever there is one, it comes first
    box = page.get_by_label("Show only rows containing").first
    table = page.locator("article table").first  # the table under the first box
    every = table.locator("tbody tr").count()
    box.fill("no such authority")
    assert table.locator("tbody tr:visible").count() == 0
    assert page.locator(".table-filter__status").first.inner_text() == f"showing 0 of {every} rows"
    name = table.locator("tbody tr a").last.inner_text()
    box.fill(name)
    rows = table.locator("tbody tr:visible")
    assert rows.count() >= 1
    for index in range(rows.count()):
        assert name in rows.nth(index).inner_text()
    box.fill("")
    assert table.locator("tbody tr:visible").count() == every


def test_search_fetches_the_national_index_and_the_readers_authority_only(
    page: Any, national_site_url: str
) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{national_site_url}/{PAGE_TYPES['document version']}")
    page.locator("input.md-search__input").click()
    page.keyboard.type("interpreter")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    # read every address at once: the list is redrawn while results arrive
    addresses = results.evaluate_all("links => links.map(link => link.getAttribute('href') || '')")
    assert any(f"{WALSALL_COPY}/cin-visits-and-reviews/5.0.html" in a for a in addresses), (
        addresses,
        fetched,
    )
    assert not any("synthetic-0007/" in a for a in addresses), addresses  # another Walsall copy
    search_files = sorted(url.split("/search/", 1)[1] for url in fetched if "/search/" in url)
    assert search_files == [f"authorities/{WALSALL_COPY}.json", "search_index.json"]


def test_a_document_prints_without_the_navigation_at_national_scale(
    page: Any, national_site_url: str
) -> None:
    page.goto(f"{national_site_url}/{PAGE_TYPES['document version']}")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("#cin-seen-at-home-every-six-weeks").is_visible()
    page.emulate_media(media="screen")
    page.goto(f"{national_site_url}/compare/statutory-visit.html")
    assert page.locator(".table-filter__control").first.is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".table-filter__control").first.is_visible()
    assert page.locator("article table").first.is_visible()
