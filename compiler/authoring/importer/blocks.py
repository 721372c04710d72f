"""The one form every reader produces: the document as a list of blocks, in order.

A Word file, a web page and a text file all come down to headings,
paragraphs, list items and table rows. Keeping that list format-free means
the structuring and the rule proposals are written (and tested) once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from compiler.errors import StandardsError

MOST_BLOCKS = 20_000
"""More blocks than any practice-standards document has; beyond it the file is refused."""

MOST_CHARACTERS = 2_000_000
"""About 300,000 words: far beyond a standards document, and quick to refuse."""


class UnreadableDocument(StandardsError):
    """A file that cannot be imported, and what to do about it."""


@dataclass(frozen=True)
class Block:
    """One piece of the document.

    ``kind`` is ``heading`` (with ``level``, 1 the highest), ``paragraph``,
    ``item`` (a list item) or ``row`` (a table row: ``cells``, and the
    table's column ``headings`` when it has a heading row).
    """

    kind: str
    text: str
    level: int = 0
    cells: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()


_SPACES = re.compile(r"\s+")
_INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}
_BULLETS = "•·▪◦‣●○■□➢➤►–-*\uf0b7\uf0a7\uf076\uf0d8\uf0fc"


def clean(text: str) -> str:
    """The words of ``text`` with runs of white space made one space and control marks dropped.

    >>> clean("  Children in Need\\tmust be seen\\u00ad  ")
    'Children in Need must be seen'
    """
    kept = "".join(
        " " if unicodedata.category(c) in ("Cc", "Zs", "Zl", "Zp") else c
        for c in text
        if c not in _INVISIBLE
    )
    return _SPACES.sub(" ", kept).strip()


def strip_bullet(text: str) -> tuple[str, bool]:
    """``text`` without a leading bullet mark, and whether it had one.

    >>> strip_bullet("• I visit weekly")
    ('I visit weekly', True)
    >>> strip_bullet("-1 is not a bullet")
    ('-1 is not a bullet', False)
    """
    stripped = text.lstrip()
    if stripped[:1] and stripped[0] in _BULLETS and stripped[1:2] in (" ", "\t", ""):
        return stripped[1:].strip(), True
    return text.strip(), False


def bounded(blocks: list[Block], name: str) -> list[Block]:
    """``blocks`` if the document is of a size a standards document can have, else refuse."""
    characters = sum(len(b.text) for b in blocks)
    if len(blocks) > MOST_BLOCKS or characters > MOST_CHARACTERS:
        raise UnreadableDocument(
            f"{name}: {len(blocks)} paragraphs and {characters} characters is far larger than "
            "a practice-standards document; it was not imported. Split it, or import the "
            "chapter that holds the standards"
        )
    return [b for b in blocks if b.text]
