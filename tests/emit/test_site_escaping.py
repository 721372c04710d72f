"""Author text on the site is always text: never live HTML, never a live javascript: link.

A fixture corpus (``tests/fixtures/corpora/hostile``) puts markup, Markdown links to
``javascript:``, block syntax and a breaking ``</title>`` into every field the site shows.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from compiler.build import build
from compiler.emit.safe_markdown import SafeMarkdown
from compiler.emit.templates import UnescapedTextError, environment
from tests.conftest import FIXTURES, SITE_DATE
from tests.emit.test_site import text_of

UNSAFE = ("javascript:", "data:", "vbscript:")


class _Live(HTMLParser):
    """Collects whatever in a page could run: handlers, script text, unsafe addresses."""

    def __init__(self) -> None:
        super().__init__()
        self.live: list[str] = []
        self.in_script = False
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}={value}>")
            address = "".join((value or "").split()).lower()
            if name in ("href", "src", "action") and address.startswith(UNSAFE):
                self.live.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "object", "embed"):
            self.live.append(f"<{tag}>")
        if tag == "img":
            self.images.append(dict(attrs).get("src") or "")
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert" in data:
            self.live.append(f"<script>{data[:60]}")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "build"
    build(FIXTURES / "corpora" / "hostile", out, today=SITE_DATE)
    return out / "site"


def test_no_author_text_becomes_live_in_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser = _Live()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.live == [], page
        assert all(src.endswith(".svg") for src in parser.images), page


def test_statement_with_script_and_javascript_link_shows_them_as_text(hostile_site: Path) -> None:
    page = hostile_site / "hostile-council" / "visits" / "1.0.html"
    text = text_of(page, "cp-visits")
    assert "<script>alert(1)</script>" in text
    assert "[x](javascript:alert(1))" in text
    assert "![y](javascript:alert(3))" in text
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html


def test_markdown_and_block_syntax_in_author_text_stays_text(hostile_site: Path) -> None:
    page = hostile_site / "hostile-council" / "visits" / "1.0.html"
    text = text_of(page, "block-syntax")
    assert "/// html | script" in text
    assert "!!! danger" in text
    html = page.read_text(encoding="utf-8")
    assert '<div class="admonition danger"' not in html
    assert (
        "<strong>bold</strong>" not in (hostile_site / "hostile-council" / "index.html").read_text()
    )


def test_titles_and_navigation_show_markup_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "hostile-council" / "index.html").read_text(encoding="utf-8")
    assert (
        "<title>Hostile &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; Council - "
        "Practice standards</title>"
    ) in html
    assert "Hostile &lt;script&gt;alert('name')&lt;/script&gt; Council" in html
    assert "</title><script>alert('notes')" not in html


def test_an_author_url_is_a_link_only_when_http_and_stays_inside_its_attribute(
    hostile_site: Path,
) -> None:
    html = (hostile_site / "hostile-council" / "visits" / "1.0.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/a%22%3E%3Cscript%3Ealert' in html


def test_search_index_holds_author_markup_escaped(hostile_site: Path) -> None:
    parts = sorted((hostile_site / "search").rglob("*.json"))  # the national index and parts
    assert len(parts) == 2
    index = "".join(part.read_text(encoding="utf-8") for part in parts)
    documents = [d for part in parts for d in json.loads(part.read_bytes())["docs"]]
    assert any("alert(1)" in d["text"] for d in documents)
    assert "<script>alert" not in index
    assert not any("<script" in d["title"] for d in documents)


def test_markdown_extension_drops_raw_html_and_unsafe_links_on_its_own() -> None:
    source = (
        "<script>alert(1)</script>\n\n"
        "<div onclick=alert(2)>x</div>\n\n"
        "[a](javascript:alert(3)) [b](JaVaScRiPt:alert(4)) [c](data:text/html,x) "
        "![d](javascript:alert(5)) [ok](https://example.org) [page](other.md#part) "
        "<span onmouseover=alert(6)>y</span>"
    )
    html = markdown.markdown(source, extensions=[SafeMarkdown()])
    assert "<script" not in html and "<div" not in html and "<span onmouseover" not in html
    assert "javascript" not in html.lower().replace("&lt;", "")
    assert 'href="https://example.org"' in html
    assert 'href="other.md#part"' in html
    assert "<img" not in html


def test_a_template_that_prints_without_an_escaping_filter_fails() -> None:
    env = environment()
    with pytest.raises(UnescapedTextError):
        env.from_string("{{ words }}").render(words="<b>")
    assert env.from_string("{{ words | inline }}").render(words="<b>") == "&lt;b&gt;"
