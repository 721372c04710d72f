"""Reading plain text and Markdown into blocks.

Text extracted from a PDF or a Word file is noisy: lines wrapped mid-sentence,
bullets as odd characters, page furniture. Paragraphs are runs of lines
between blank lines; a bullet starts a new list item; a Markdown heading, a
short numbered title ("6. What is the frequency of visits?") or a short line
standing alone without closing punctuation is a heading; a Markdown pipe
table or tab-separated lines are table rows.

>>> [(b.kind, b.text) for b in read_text("# Visits\\n\\n- weekly\\n- then fortnightly\\n")]
[('heading', 'Visits'), ('item', 'weekly'), ('item', 'then fortnightly')]
"""

from __future__ import annotations

import re

from compiler.authoring.importer.blocks import Block, UnreadableDocument, clean, strip_bullet
from compiler.timescale.phrases import find_phrases

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBERED_TITLE = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
_NUMBERED_ITEM = re.compile(r"^\s*(?:\d+[.)]|[a-z][.)]|\([a-z0-9]+\))\s+(\S.*)$")
_LINK = re.compile(r"<a\s[^>]*>(.*?)</a>|\[([^\]]+)\]\((?:https?://|mailto:)[^)]*\)", re.I)
_MARKUP = re.compile(r"\[bookmark: [^\]]*\]|</?(?:b|i|u|em|strong|span|br)\b[^>]*>|\*\*|__", re.I)
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")


def decode(raw: bytes, name: str) -> str:
    """The text of a file: UTF-8 (with or without a byte-order mark), else Windows-1252."""
    if b"\x00" in raw[:4096]:
        raise UnreadableDocument(
            f"{name}: this is not a text file (it holds binary data); import a .txt, .md, "
            ".docx, .html or .pdf file"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def unmark(text: str) -> str:
    """Text without Markdown emphasis, bookmarks and link markup (the link's words kept).

    >>> unmark('see <a href="https://x.org">www.x.org</a> and **minimum timescales**')
    'see www.x.org and minimum timescales'
    """
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    return _MARKUP.sub("", text)


def read_text(text: str) -> list[Block]:
    """The blocks of a plain-text or Markdown document, in order."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    kind = "paragraph"
    table_headings: tuple[str, ...] = ()

    def flush() -> None:
        nonlocal paragraph, kind
        if paragraph:
            blocks.append(_paragraph(paragraph, kind))
        paragraph, kind = [], "paragraph"

    lines = text.splitlines()
    one_per_line = sum(1 for line in lines if not line.strip()) * 10 < len(lines)
    for line in lines:
        raw = unmark(line.rstrip(" \r\n"))
        if not raw.strip():
            flush()
            table_headings = ()
            continue
        heading = _MARKDOWN_HEADING.match(raw.strip())
        if heading:
            flush()
            blocks.append(Block("heading", clean(heading.group(2)), len(heading.group(1))))
            continue
        if "\t" in raw.strip(" ") or raw.lstrip().startswith("|"):
            if _TABLE_SEPARATOR.match(raw):
                if blocks and blocks[-1].kind == "row" and not blocks[-1].headings:
                    table_headings = blocks.pop().cells  # the row above was the heading row
                continue
            cells = tuple(clean(c) for c in re.split(r"\t|\|", raw.strip().strip("|")))
            if any(cells):
                flush()
                blocks.append(_row(cells, table_headings, blocks))
            continue
        words, bulleted = strip_bullet(raw)
        numbered = _NUMBERED_ITEM.match(raw) if not bulleted else None
        if bulleted or (numbered and not _NUMBERED_TITLE.match(raw.strip())):
            flush()
            paragraph, kind = [numbered.group(1) if numbered else words], "item"
            continue
        if not blocks and not paragraph and _title(words):  # the document's first line
            blocks.append(Block("heading", clean(words), 1))
            continue
        if one_per_line and kind == "paragraph":  # a file with no blank lines between paragraphs
            flush()
        paragraph.append(words)
    flush()
    return [b for b in blocks if any(c.isalnum() for c in b.text)]


def _title(line: str) -> bool:
    """True if the document's first line reads as its title."""
    text = clean(line)
    return 0 < len(text.split()) <= 20 and text[-1] not in ".;:,"


def _row(cells: tuple[str, ...], headings: tuple[str, ...], blocks: list[Block]) -> Block:
    """A table row; a row whose first cell is empty continues the row above's first cell."""
    if not cells[0] and blocks and blocks[-1].kind == "row" and blocks[-1].cells:
        cells = (blocks[-1].cells[0], *cells[1:])
    filled = [c for c in cells if c]
    text = filled[0] if len(filled) == 1 else ", ".join(filled[:-1]) + ": " + filled[-1]
    return Block("row", text, cells=cells, headings=headings)


def _paragraph(lines: list[str], kind: str) -> Block:
    """One paragraph or list item of wrapped lines; a lone short line may be a heading."""
    text = clean(" ".join(lines))
    if kind == "paragraph" and len(lines) == 1:
        level = _heading_level(text, lines[0])
        if level:
            return Block("heading", text.rstrip(" *").strip(), level)
    return Block(kind, text)


def _heading_level(text: str, line: str) -> int:
    """The level of a paragraph that reads as a heading, else 0."""
    if len(text) > 100 or not text[:1].isalnum():
        return 0
    if text.endswith(" *"):
        return 2
    numbered = _NUMBERED_TITLE.match(text)
    if numbered and text[-1] not in ".;,":
        return numbered.group(1).count(".") + 1
    words = text.split()
    if len(words) <= 9 and text[-1] not in ".;:,!\"”'" and text[0].isupper():
        # a short line that states a timescale ("I hold review meetings monthly", "Care
        # Order – every 6 weeks") is a statement whose rule must not be lost to a heading,
        # and so is one a practitioner says ("I have ensured all present have introduced
        # themselves"): headings name topics, they do not speak in the first person
        return 0 if find_phrases(text) or words[0] in ("I", "We") else 3
    return 0
