"""Reading an HTML page into blocks, with lxml.

Council sites and procedures manuals publish standards as web pages wrapped
in navigation, cookie banners, breadcrumbs and footers. lxml's HTML parser
(libxml2: fast, forgiving of broken markup, maintained) gives the tree; the
page furniture (``nav``, ``header``, ``footer``, ``aside``, ``form``, and
anything with a role or class that says navigation, banner, breadcrumb,
cookie or footer) and everything that is not text (``script``, ``style``,
``template``, ``iframe``, ``svg``...) are dropped, never run. ``main`` or
``article`` is read when the page has one. Headings, paragraphs, list items
and table rows (with the heading row's cells as the columns' headings)
become blocks; a nested list's items are items of their own.
"""

from __future__ import annotations

import re

from compiler.authoring.importer.blocks import Block, UnreadableDocument, clean

_NOT_TEXT = ("script", "style", "template", "noscript", "iframe", "object", "embed", "svg",
             "canvas", "video", "audio", "button", "select", "input", "textarea")  # fmt: skip
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "dialog")
_FURNITURE = re.compile(
    r"\b(nav|navigation|menu|banner|breadcrumbs?|cookies?|footer|skip|sidebar)\b", re.I
)
_BLOCKS = {"p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre"}
MOST_DEPTH = 200
"""Deeper nesting than any real page has; deeper parts are read as flat text."""


def read_html(raw: bytes, name: str) -> tuple[list[Block], list[str]]:
    """The blocks of an HTML page, and notes on what was left out."""
    import lxml.html  # the `import` extra: loaded only when a web page is imported

    try:  # UTF-8 unless it is not: libxml2 reads bytes without a charset as Latin-1
        page: str | bytes = re.sub(r"^\s*<\?xml[^>]*>", "", raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        page = raw  # the page's own <meta charset> then decides
    try:
        root = lxml.html.document_fromstring(page)
    except Exception as unreadable:  # lxml raises ParserError and others for no content
        raise UnreadableDocument(f"{name}: not an HTML page lxml can read ({unreadable})") from None
    dropped = 0
    for element in list(root.iter(*_NOT_TEXT, *_FURNITURE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
            dropped += 1
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments and processing instructions
            if element.getparent() is not None:
                element.drop_tree()
            continue
        marks = " ".join(
            filter(None, (element.get("role"), element.get("class"), element.get("id")))
        )
        furniture = marks and _FURNITURE.search(marks) and element.tag not in ("html", "body")
        if furniture and element.getparent() is not None:
            element.drop_tree()
            dropped += 1
    body = next(iter(root.iter("main", "article")), None)
    body = (
        body if body is not None else (root.find("body") if root.find("body") is not None else root)
    )
    blocks: list[Block] = []
    _walk(body, blocks, (), 0)
    notes = (
        [f"left out {dropped} parts of the page that are not its text (navigation, scripts)"]
        if dropped
        else []
    )
    return blocks, notes


def _walk(element: object, blocks: list[Block], headings: tuple[str, ...], depth: int) -> None:
    for child in element:  # type: ignore[attr-defined]
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "table":
            _table(child, blocks)
        elif tag in _BLOCKS or depth >= MOST_DEPTH:
            _block(child, tag, blocks)
            if tag == "li" and depth < MOST_DEPTH:
                for nested in child:  # its own nested lists (their lists in turn, by recursion)
                    if nested.tag in ("ul", "ol"):
                        _walk(nested, blocks, headings, depth + 1)
        else:
            text = (
                clean(child.text or "")
                if tag in ("div", "section", "main", "article", "body")
                else ""
            )
            if text:
                blocks.append(Block("paragraph", text))
            _walk(child, blocks, headings, depth + 1)
            tail = clean(child.tail or "")
            if tail and tag not in ("", "br"):
                blocks.append(Block("paragraph", tail))


def _block(element: object, tag: str, blocks: list[Block]) -> None:
    if tag == "li":  # the item's own words, without its nested lists
        own = [element.text or ""]  # type: ignore[attr-defined]
        for child in element:  # type: ignore[attr-defined]
            if child.tag in ("ul", "ol"):
                own.append(child.tail or "")
            else:
                own.append(child.text_content() + (child.tail or ""))
        text = clean(" ".join(own))
    else:
        text = clean(element.text_content())  # type: ignore[attr-defined]
    if not text:
        return
    if tag.startswith("h") and tag[1:].isdigit():
        blocks.append(Block("heading", text, int(tag[1:])))
    else:
        blocks.append(Block("item" if tag == "li" else "paragraph", text))


def _table(table: object, blocks: list[Block]) -> None:
    headings: tuple[str, ...] = ()
    for row in table.iter("tr"):  # type: ignore[attr-defined]
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        texts = tuple(clean(c.text_content()) for c in cells)
        if cells and all(c.tag == "th" for c in cells) and not headings:
            headings = texts
            continue
        filled = [t for t in texts if t]
        if not filled:
            continue
        text = filled[0] if len(filled) == 1 else ", ".join(filled[:-1]) + ": " + filled[-1]
        blocks.append(Block("row", text, cells=texts, headings=headings))
