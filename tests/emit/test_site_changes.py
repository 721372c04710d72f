"""The site's "what changed since the previous version" pages: linked, loosest first, escaped."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from compiler.build import build
from tests.conftest import FIXTURES, SITE_DATE


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("changes") / "build"
    build(FIXTURES / "diff" / "corpus", out, today=SITE_DATE)  # MkDocs strict: links hold
    return out / "site" / "diff-council" / "cp-visits"


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_each_version_with_a_previous_one_has_a_changes_page_linked_from_it(site: Path) -> None:
    assert sorted(p.name for p in site.glob("*-changes.html")) == [
        "2.0-changes.html",
        "3.0-changes.html",
    ]
    assert 'href="2.0-changes.html"' in article(site / "2.0.html")
    assert 'href="3.0-changes.html"' in article(site / "3.0.html")
    assert "-changes.html" not in article(site / "1.0.html")


def test_looser_changes_come_first_with_their_reasons(site: Path) -> None:
    text = words(article(site / "2.0-changes.html"))
    lost = text.index("Looser removed without being withdrawn cp-chronology-update")
    withdrawn = text.index("Looser withdrawn cp-visit-recording")
    assert lost < withdrawn < text.index("Statements, in the document's order")
    assert "was: every 3 months from the start of the plan (must)" in text
    # the previous and this version are linked
    html = article(site / "2.0-changes.html")
    assert 'href="1.0.html"' in html and 'href="2.0.html"' in html


def test_reworded_words_are_marked_deleted_and_inserted(site: Path) -> None:
    html = article(site / "3.0-changes.html")
    assert (
        "<del>every 10 working days.</del>"
        "<ins>fortnightly, and more often if the plan says so.</ins>" in html
    )
    text = words(html)
    assert "Incomparable changed cp-visit" in text
    assert "for the start of the plan on Sat 4 Jan 2020, fortnightly" in text


def test_withdrawn_statement_is_marked_on_its_version_page(site: Path) -> None:
    text = words(article(site / "2.0.html"))
    assert (
        "Withdrawn in this version, no longer in force: Recording is now set by the recording "
        "guide. (moved to recording-guide/cp-recording)"
    ) in text


def test_hostile_text_on_a_changes_page_stays_text(tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(FIXTURES / "corpora" / "hostile", out, today=SITE_DATE)
    html = article(out / "site" / "hostile-council" / "visits" / "2.0-changes.html")
    assert "<img" not in html and "<script" not in html
    assert 'href="javascript' not in html
    text = words(html)
    assert "~~<img src=x onerror=alert('diff')>~~" in text  # the author's tildes stay tildes
    assert (
        "why: <script>alert('withdrawn')</script> [w](javascript:alert('withdrawn')) **bold**"
        in (text)
    )
