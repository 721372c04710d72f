"""The built site in a real headless browser: a reader's path, accessibility, keyboard, print.

Screenshots of the authority page and the comparison page are written to
``docs/screenshots/`` on every run (the committed pair shows the site as built).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import AXE, AXE_VERSION, axe_violations, serve_folder
from tests.conftest import FIXTURES, ROOT, SITE_DATE

SCREENSHOTS = ROOT / ".screenshots"
"""Taken on every run, into a folder git ignores; docs/screenshots/ holds copies for readers."""

PAGE_TYPES = {
    "home": "index.html",
    "authority": "st-helens/index.html",
    "document version": "st-helens/practice-standards/1.0.html",
    "statutory document version": "england/care-planning-regulations-2010/2015.html",
    "comparison": "compare/statutory-visit.html",
    "comparison index": "compare/index.html",
    "downloads": "downloads.html",
    "pack format": "pack-format.html",
    "what changed": "diff-council/cp-visits/3.0-changes.html",
}
ON_THE_DIFF_SITE = {"what changed"}
"""Page kinds the bundled corpus has none of: they are checked on the diff fixture's site."""


def test_a_reader_goes_from_home_to_an_authority_a_document_and_a_statement(
    page: Any, site_url: str
) -> None:
    page.goto(f"{site_url}/index.html")
    page.get_by_role("link", name="Walsall Council", exact=True).first.click()
    page.wait_for_url("**/walsall/index.html")
    assert page.locator("h1").inner_text() == "Walsall Council"

    title = "Social Work Visits and Reviews in Respect of Children Subject to a Child in Need Plan"
    page.locator("article").get_by_role("link", name=title, exact=True).click()
    page.wait_for_url("**/walsall/cin-visits-and-reviews/5.0.html")
    assert "Child in Need Plan" in page.locator("h1").inner_text()

    page.go_back()
    page.wait_for_url("**/walsall/index.html")
    page.get_by_role("link", name="cin-seen-at-home-every-six-weeks").click()
    page.wait_for_url("**/cin-visits-and-reviews/5.0.html#cin-seen-at-home-every-six-weeks")
    statement = page.locator("#cin-seen-at-home-every-six-weeks")
    assert "Children in Need must be seen at home at least every 6 weeks" in statement.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == (
        "cin-seen-at-home-every-six-weeks"
    )


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_finds_no_wcag_violations(
    page: Any, site_url: str, kind: str, request: pytest.FixtureRequest
) -> None:
    base = request.getfixturevalue("diff_site_url") if kind in ON_THE_DIFF_SITE else site_url
    page.goto(f"{base}/{PAGE_TYPES[kind]}")
    violations = axe_violations(page)
    assert violations == [], f"axe-core {AXE_VERSION} on the {kind} page: {violations}"


def test_axe_is_the_vendored_version() -> None:
    assert f"axe v{AXE_VERSION}" in AXE.read_text(encoding="utf-8")[:300]


def test_keyboard_alone_reaches_an_authority(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "document.activeElement.closest('article') ? document.activeElement.textContent : ''"
        )
        if focused.strip() == "St Helens Council":
            break
    else:
        pytest.fail("Tab never reached the link to St Helens Council in the page's content")
    page.keyboard.press("Enter")
    page.wait_for_url("**/st-helens/index.html")


def test_search_finds_a_statement_without_a_network(page: Any, site_url: str) -> None:
    # A reader in Walsall's pages searches the national index and Walsall's own part.
    page.goto(f"{site_url}/walsall/index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type("interpreter")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    addresses = [link.get_attribute("href") or "" for link in results.all()]
    assert any("walsall/cin-visits-and-reviews/5.0.html" in a for a in addresses), addresses


def test_search_from_home_finds_an_authority_by_name(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Walsall")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    addresses = [link.get_attribute("href") or "" for link in results.all()]
    assert any(a.endswith("walsall/index.html") for a in addresses), addresses


def test_tables_have_header_cells(page: Any, site_url: str) -> None:
    for path in ("st-helens/index.html", "compare/statutory-visit.html", "downloads.html"):
        page.goto(f"{site_url}/{path}")
        tables = page.locator("article table")
        assert tables.count() > 0
        for index in range(tables.count()):
            assert tables.nth(index).locator("thead th").count() >= 2, (path, index)


def test_a_document_prints_without_the_navigation(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/walsall/cin-visits-and-reviews/5.0.html")
    assert page.locator(".md-sidebar--primary").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator("#cin-seen-at-home-every-six-weeks").is_visible()


def test_screenshots_of_the_authority_and_comparison_pages(page: Any, site_url: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{site_url}/st-helens/index.html")
    page.screenshot(path=str(SCREENSHOTS / "authority.png"))
    page.goto(f"{site_url}/compare/statutory-visit.html#child-protection")
    page.locator("#child-protection").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "comparison.png"))
    for name in ("authority.png", "comparison.png"):
        assert (SCREENSHOTS / name).stat().st_size > 10_000


def test_hostile_author_text_runs_no_script(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from compiler.build import build

    out = tmp_path_factory.mktemp("hostile-browser") / "build"
    build(FIXTURES / "corpora" / "hostile", out, today=SITE_DATE)
    server = serve_folder(out / "site")
    dialogs: list[str] = []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        base = f"http://127.0.0.1:{server.server_address[1]}"
        for path in ("index.html", "hostile-council/index.html", "hostile-council/visits/1.0.html"):
            page.goto(f"{base}/{path}")
            for link in page.locator("article a").all()[:40]:
                link.hover()
        page.locator("input.md-search__input").click()
        page.keyboard.type("alert")
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.wait_for_timeout(300)
        assert "<script>alert(1)</script>" in page.locator("#cp-visits").inner_text()
    finally:
        context.close()
        server.shutdown()
    assert dialogs == []


def test_the_search_dialog_has_a_name_and_the_footer_text_has_contrast(
    page: Any, site_url: str
) -> None:
    # Material's defaults fail both (axe aria-dialog-name, a best-practice rule, and WCAG
    # color-contrast at 4.47:1): the theme override and site.css fix them.
    page.goto(f"{site_url}/index.html")
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Search"
    colour = page.evaluate("getComputedStyle(document.querySelector('.md-copyright')).color")
    page.evaluate("document.querySelectorAll('link[href$=\"site.css\"]').forEach(l => l.remove())")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-copyright')).color") != colour
    )
