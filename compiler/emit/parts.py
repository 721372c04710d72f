"""Long documents are read in parts: one page per run of sections, so no page passes 150 KB.

A version's page shows every statement beside its rules; a long local standards
document (five hundred statements) made a page of over 200 KB, most of it the
document's own words. Such a version is cut, between sections, into parts: the
first stays on the version's page (with its details and a list of the parts), the
others get a page each (``<version>-part-<n>.md``).

Where the cut falls is worked out from the model alone (an estimate of each
section's size), never from rendered pages, so that every page linking to a
statement (an authority's "at a glance" table, a comparison row, a floor) can
ask :func:`statement_page` for the part that holds it before the version's page
is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from compiler.model import Authority, Section, Version

PART_BUDGET = 140_000
"""A part's estimated size in bytes of HTML (see :func:`section_weight`): with the theme's
own 15 KB per page and the estimate's error, a part stays well under 150 KB."""
STATEMENT_WEIGHT = 250
"""The HTML around each statement (its block, anchor and classes), beside its words."""
RULE_WEIGHT = 1_300
"""A rule's reading in words and its comparison with each statutory floor."""


@dataclass(frozen=True)
class Part:
    """A run of a version's sections shown on one page; ``number`` counts from 1."""

    number: int
    sections: tuple[Section, ...]


def section_weight(section: Section) -> int:
    """An estimate of the section's HTML in bytes: its words, its statements and its rules."""
    return len(section.title) + sum(
        len(s.text) + STATEMENT_WEIGHT + RULE_WEIGHT * len(s.rules) for s in section.statements
    )


def parts(version: Version) -> tuple[Part, ...]:
    """The version's sections in as few runs of about the same size as :data:`PART_BUDGET` allows.

    A version whose sections fit the budget together is one part, on its own page.
    Worked out once per version object (pages ask for it once per link to a statement).
    """
    known = _parts.get(id(version))
    if known is not None and known[0] is version:
        return known[1]
    if len(_parts) > 4096:  # a long `standards serve` compiles the corpus again on every save
        _parts.clear()
    weights = [section_weight(section) for section in version.sections]
    count = max(1, -(-sum(weights) // PART_BUDGET))  # as few parts as the budget allows
    share = sum(weights) / count  # of about the same size: each section goes to the part
    runs: list[list[Section]] = [[] for _ in range(count)]  # its middle falls in
    size = 0
    for section, weight in zip(version.sections, weights, strict=True):
        runs[min(count - 1, int((size + weight / 2) // share))].append(section)
        size += weight
    runs = [run for run in runs if run]
    found = tuple(Part(n, tuple(run)) for n, run in enumerate(runs, start=1))
    _parts[id(version)] = (version, found)
    return found


_parts: dict[int, tuple[Version, tuple[Part, ...]]] = {}
"""By the version object's identity: hashing a frozen version would walk all its words."""


def part_page(authority: Authority, version: Version, number: int) -> PurePosixPath:
    """The page of part ``number``: the version's own page for the first part."""
    page = PurePosixPath(authority.id, version.document_id, f"{version.version}.md")
    return page if number == 1 else page.with_name(f"{version.version}-part-{number}.md")


def statement_page(authority: Authority, version: Version, statement_id: str) -> PurePosixPath:
    """The page that shows statement ``statement_id`` of ``version`` (its anchor is its id)."""
    for part in parts(version):
        if any(s.id == statement_id for section in part.sections for s in section.statements):
            return part_page(authority, version, part.number)
    return part_page(authority, version, 1)
