"""Author text that once rendered wrongly: an apostrophe in a source URL, bidi overrides.

Issue 13, defect 7: a source URL with an apostrophe (``children's-guide``) became a
broken link whose title swallowed the publisher; right-to-left override characters
(U+202E) from author text reached page titles unchanged.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import PurePosixPath

import markdown

from compiler.emit.docs import _nav
from compiler.emit.pages import Page
from compiler.util.escaping import markdown_inline, web_link


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self.links.append((self._href, ""))

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None


def rendered_links(line: str) -> tuple[list[tuple[str, str]], str]:
    html = markdown.markdown(line, extensions=["compiler.emit.safe_markdown", "tables"])
    parser = Links()
    parser.feed(html)
    return parser.links, html


def test_a_source_url_with_an_apostrophe_stays_one_link_with_its_own_title() -> None:
    url = "https://example.org/children's-guide"
    publisher = markdown_inline("St Helens Council's 'Children' team")
    line = f"[{markdown_inline('Guide')}]({web_link(url)}), {publisher}, dated 2020"
    links, html = rendered_links(line)
    assert links == [("https://example.org/children%27s-guide", "Guide")]
    assert "St Helens Council" in html.split("</a>")[1]


def test_bidi_overrides_never_reach_headings_or_navigation() -> None:
    title = "Walsall \u202etxt.exe\u202c \u2067x\u2069"
    assert "\u202e" not in str(markdown_inline(title))
    page = Page(PurePosixPath("a.md"), b"", nav=("Authorities", title))
    flattened = repr(_nav([page]))
    for character in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert character not in flattened
    assert "Walsall txt.exe x" in flattened
