"""Sections and statements from a document's blocks, with ids made of its words.

A heading starts a section; every paragraph, list item and table row under it
is a statement, in the document's order and in its own words. Ids are made
from the first words of the text, so the same file always gives the same ids
and a reader can tell what an id names ("children-in-need-must-be-seen").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from compiler.authoring.importer.blocks import Block

_STOP_WORDS = frozenset(
    re.findall(
        r"\S+",
        "a an the and or of to on at for by with is are be will should must i my we our it "
        "this that their they as from",
    )
)
ID_WORDS = 6
"""How many words of the text make a statement's id."""


@dataclass
class DraftStatement:
    """A statement as imported: its words, kind and the table context a rule proposal reads."""

    id: str
    text: str
    kind: str = "standard"
    row_headings: tuple[str, ...] = ()
    row_cells: tuple[str, ...] = ()
    lead_in: str = ""
    """For a list item: the sentence that introduced the list ("A child ... must be seen:")."""


@dataclass
class DraftSection:
    """A section as imported: its heading and statements."""

    id: str
    title: str
    statements: list[DraftStatement] = field(default_factory=list)


def slug(text: str, most_words: int = ID_WORDS) -> str:
    """An id from the first significant words of ``text``.

    >>> slug("Children in Need must be seen at home at least every 6 weeks.")
    'children-in-need-seen-home-least'
    >>> slug("6. What is the frequency of visits?")
    '6-what-frequency-visits'
    """
    text = re.sub(r"['’]s\b|['’]", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    kept = [w for w in words if w not in _STOP_WORDS] or words
    return "-".join(kept[:most_words])[:60].strip("-") or "statement"


class Ids:
    """Hands out ids unique within a document: a repeated id gets ``-2``, ``-3``..."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())

    def claim(self, wanted: str) -> str:
        candidate, number = wanted, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{wanted}-{number}"
        self.taken.add(candidate)
        return candidate


def structure(blocks: list[Block], title: str) -> list[DraftSection]:
    """The sections of a document whose blocks are ``blocks`` and whose title is ``title``."""
    sections: list[DraftSection] = []
    section_ids, statement_ids = Ids(), Ids()
    current = DraftSection(section_ids.claim(slug(title)), title)
    waiting: list[DraftStatement] = []  # headings with nothing under them yet: kept as words
    lead_in = ""
    for block in blocks:
        if block.kind == "heading":
            lead_in = ""
            if block.text == title and not sections and not current.statements:
                continue  # the title itself
            if current.statements:
                sections.append(current)
            elif current.title == block.text:
                continue
            elif sections or current.title != title:  # a heading straight after a heading
                waiting.append(
                    DraftStatement(
                        statement_ids.claim(slug(current.title)), current.title, "heading"
                    )
                )
            current = DraftSection(section_ids.claim(slug(block.text)), block.text)
            current.statements.extend(waiting)
            waiting = []
            continue
        statement = DraftStatement(
            statement_ids.claim(slug(block.text)),
            block.text,
            row_headings=block.headings,
            row_cells=block.cells,
            lead_in=lead_in if block.kind == "item" else "",
        )
        current.statements.append(statement)
        if block.kind != "item":
            lead_in = block.text if block.text.endswith(":") else ""
    if current.statements:
        sections.append(current)
    elif current.title != title:  # a last heading with nothing under it keeps its words
        heading = DraftStatement(statement_ids.claim(slug(current.title)), current.title, "heading")
        if sections:
            sections[-1].statements.append(heading)
        else:
            sections.append(DraftSection(current.id, current.title, [heading]))
    return sections
