"""Which rules a pack holds: an authority's own rules in force, and every statutory rule in force.

A local authority's pack answers "what must be done for this child on this
date" without a second look-up, and safely: its own rules in force, and
every statutory rule of its jurisdiction in force (marked as inherited),
whether or not a local rule covers the same children. A consumer applies
every rule that covers a case and takes the earliest due date
(:mod:`compiler.evaluate`), so whatever the local documents say, a date from
the pack is never later than the law's. A local rule that can be later than
a statutory rule for some case (:mod:`compiler.rules.floor`) carries the
statutory rules it misses, so a consumer can show why the law binds.

A pack is made for each date on which that set changes: the authority's own
change dates, and its jurisdiction's change dates from the authority's first
one on. A date on which nothing in the pack changes (a statutory change to
rules every local rule already covers) gets no pack of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from compiler.calendar import load_calendar
from compiler.model import Authority, Rule, Section, Statement, Version
from compiler.rules.applying import authority_entries, version_entries
from compiler.rules.floor import misses


@dataclass(frozen=True)
class PackedRule:
    """One rule as a pack holds it: its owner, the version and place it comes from."""

    owner: Authority
    version: Version
    section: Section
    statement: Statement
    rule: Rule
    inherited: bool
    floor: tuple[tuple[str, str], ...] = ()
    """``(looser | silent, statutory pack rule id)`` for each statutory rule this local rule
    can be later than (:mod:`compiler.rules.floor`); empty for a statutory rule."""

    @property
    def id(self) -> str:
        """``<authority>/<document>/<rule>``: the same in every version and every pack."""
        return f"{self.owner.id}/{self.version.document_id}/{self.rule.id}"


Marks = dict[tuple[tuple[int, ...], tuple[int, ...]], dict[int, tuple[tuple[str, str], ...]]]
"""Floor marks by the versions in force (local, statutory) and rule, for one authority's packs:
a pack date on which neither set changes reuses them."""


def rules_in_pack(
    authority: Authority, floor: Authority | None, on: date, marks: Marks | None = None
) -> list[PackedRule]:
    """The rules an ``authority`` pack for ``on`` holds, sorted by id.

    ``floor`` is the authority's jurisdiction (None for a statutory authority); ``marks``
    keeps the floor marks between the pack dates of one authority.
    """
    marks = {} if marks is None else marks
    packed = [p for version in authority.in_force(on) for p in _placed(authority, version, False)]
    if floor is not None:
        versions = (tuple(map(id, authority.in_force(on))), tuple(map(id, floor.in_force(on))))
        if versions not in marks:
            marks[versions] = _floor_marks(authority, floor, on)
        packed = [replace(p, floor=marks[versions].get(id(p.rule), ())) for p in packed]
        for version in floor.in_force(on):
            packed.extend(_placed(floor, version, True))
    return sorted(packed, key=lambda p: p.id)


def _floor_marks(
    authority: Authority, floor: Authority, on: date
) -> dict[int, tuple[tuple[str, str], ...]]:
    """Each local rule in force on ``on``, marked with the statutory rules it can be later than.

    Start dates are tried from the rule's version's effective date, as the floor check
    does, so the comparisons are shared with it and between pack dates.
    """
    calendar = load_calendar(authority.calendar, authority.closures)
    local = version_entries(authority.in_force(on))
    statutory = authority_entries(floor, on)
    marks = {}
    for version in authority.in_force(on):
        for rule in version.rules():
            found = misses(rule, local, statutory, calendar, version.effective_from)
            marks[id(rule)] = tuple(
                sorted(
                    ("looser" if m.explicit else "silent", f"{floor.id}/{m.statutory_key}")
                    for m in found
                )
            )
    return marks


def pack_dates(authority: Authority, floor: Authority | None) -> list[date]:
    """The dates on which the pack's rule set may change, oldest first.

    >>> from pathlib import Path
    >>> from compiler.errors import Location
    >>> empty = Authority("x", "X", "england", "england-and-wales", Path("x"), Location(Path("x")))
    >>> pack_dates(empty, None)
    []
    """
    own = authority.change_dates()
    if not own:
        return []
    later = [d for d in (floor.change_dates() if floor is not None else ()) if d > own[0]]
    return sorted(set(own) | set(later))


def _placed(owner: Authority, version: Version, inherited: bool) -> list[PackedRule]:
    return [
        PackedRule(owner, version, section, statement, rule, inherited)
        for section in version.sections
        for statement in section.statements
        for rule in statement.rules_in_force()  # withdrawn rules are not in force
    ]
