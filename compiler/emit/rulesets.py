"""Which rules a pack holds: an authority's own rules in force, and every statutory rule in force.

A local authority's pack answers "what must be done for this child on this
date" without a second look-up, and safely: its own rules in force, and
every statutory rule of its jurisdiction in force (marked as inherited),
whether or not a local rule covers the same children. A consumer applies
every rule that covers a case and takes the earliest due date
(:mod:`compiler.evaluator.evaluate`), so whatever the local documents say, a date from
the pack is never later than the law's. A local rule that can be later than
a statutory rule for some case (:mod:`compiler.rules.floor`) carries the
statutory rules it misses, so a consumer can show why the law binds.

A pack is made for each date on which that set changes: the authority's own
change dates, and its jurisdiction's change dates from the authority's first
one on. A date on which nothing in the pack changes (a statutory change to
rules every local rule already covers) gets no pack of its own.

This is the first of the three steps that make a pack (see :mod:`compiler.emit.packs`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from compiler.calendar import load_calendar
from compiler.model import Authority, Rule, Section, Statement, Version
from compiler.rules.applying import Entry, authority_entries, version_entries
from compiler.rules.floor import Located, horizon_start, law_calendar, misses
from compiler.rules.narrowing import Narrowing
from compiler.rules.periodic import cycle_holds
from compiler.timescale.model import Timescale


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
    if len(_SHARED) >= _SHARED_MAX or len(_IN_PLAY) >= _SHARED_MAX:
        _SHARED.clear()  # bounded: a long-lived process never grows without end
        _IN_PLAY.clear()
    in_play = {
        activity: _in_play(local, statutory, floor.id, activity)
        for activity in {e.rule.activity for e in local}
    }
    law = law_calendar(authority)  # the statutory rules' working days skip no closure
    calendar_number = _IN_PLAY.setdefault((calendar, law), len(_IN_PLAY))
    marks = {}
    narrowing = Narrowing.of(authority)  # its own events and conditions, as national ones
    for version in authority.in_force(on):
        for rule in version.rules():
            number, timescales, statutory_from = in_play[rule.activity]
            same = (e for e in local if e.rule.activity == rule.activity)
            position = next(i for i, e in enumerate(same) if e.rule is rule)
            tried_from = horizon_start(version.effective_from)
            # Where the rule and the statutory rules it is compared with count calendar days,
            # weeks, months and years only, whether it is ever later depends on no calendar
            # and no year (compiler.rules.periodic), so neither is part of the key.
            days = (tried_from, *statutory_from)
            dateless = all(
                cycle_holds((rule.timescale, *timescales), day) for day in (min(days), max(days))
            )
            dated = None if dateless else (tried_from, calendar_number, statutory_from)
            key = (number, position, dated, narrowing.key)
            if key not in _SHARED:
                found = misses(
                    rule, local, statutory, calendar, version.effective_from, None, narrowing, law
                )
                _SHARED[key] = tuple(
                    sorted(
                        ("looser" if m.explicit else "silent", f"{floor.id}/{m.statutory_key}")
                        for m in found
                    )
                )
            marks[id(rule)] = _SHARED[key]
    return marks


def _in_play(
    local: list[Entry[Located]],
    statutory: list[Entry[Located]],
    floor_id: str,
    activity: str,
) -> tuple[int, tuple[Timescale, ...], tuple[date, ...]]:
    """A number for the rules of one activity in play (what :func:`compiler.rules.floor.misses`
    reads of them, but for dates), the statutory timescales, and the first start date each
    statutory rule is tried from."""
    local = [e for e in local if e.rule.activity == activity]
    statutory = [e for e in statutory if e.rule.activity == activity]
    content = (floor_id, _content(local), _content(statutory))
    return (
        _IN_PLAY.setdefault(content, len(_IN_PLAY)),  # hashed once, not per rule
        tuple(e.rule.timescale for e in statutory),
        tuple(horizon_start(e.item[0].effective_from) for e in statutory),
    )


_SHARED: dict[tuple[Any, ...], tuple[tuple[str, str], ...]] = {}
"""Floor marks by everything they depend on (:func:`_content` of the rules in play, the
calendar, the rule's place and the year its start dates are tried from): authorities whose
rules say the same (copies of one template, as many are) share them, in one build and the next."""
_SHARED_MAX = 65536
_IN_PLAY: dict[tuple[Any, ...], int] = {}
"""A number for each distinct set of rules in play, so that a rule's key is cheap to hash."""


def _content(entries: list[Entry[Located]]) -> tuple[Any, ...]:
    """What :func:`compiler.rules.floor.misses` reads of the rules in play, but for dates:
    their keys, overrides, children, activity, conditions and timescales."""
    return tuple(
        (
            e.key,
            e.overrides,
            e.rule.subject,
            e.rule.activity,
            e.rule.conditions,
            e.rule.timescale,
        )
        for e in entries
    )


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
