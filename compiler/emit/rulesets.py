"""Which rules a pack holds: an authority's own rules in force, plus the statutory ones inherited.

A local authority's pack answers "what must be done for this child on this
date" without a second look-up: its own rules in force, and every statutory
rule of its jurisdiction that no local rule in force speaks to (the same
activity, overlapping children, compatible conditions:
:func:`compiler.checks.scope.same_scope`), marked as inherited.

A pack is made for each date on which that set changes: the authority's own
change dates, and its jurisdiction's change dates from the authority's first
one on. A date on which nothing in the pack changes (a statutory change to
rules every local rule already covers) gets no pack of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from compiler.checks.scope import same_scope
from compiler.model import Authority, Rule, Section, Statement, Version


@dataclass(frozen=True)
class PackedRule:
    """One rule as a pack holds it: its owner, the version and place it comes from."""

    owner: Authority
    version: Version
    section: Section
    statement: Statement
    rule: Rule
    inherited: bool

    @property
    def id(self) -> str:
        """``<authority>/<document>/<rule>``: the same in every version and every pack."""
        return f"{self.owner.id}/{self.version.document_id}/{self.rule.id}"


def rules_in_pack(authority: Authority, floor: Authority | None, on: date) -> list[PackedRule]:
    """The rules an ``authority`` pack for ``on`` holds, sorted by id.

    ``floor`` is the authority's jurisdiction (None for a statutory authority).
    """
    packed = [p for version in authority.in_force(on) for p in _placed(authority, version, False)]
    # A rule for an authority's own group speaks only for part of the national group it
    # narrows: the statutory rule stays in the pack for the rest (and binds where earlier).
    local = [p.rule for p in packed if p.rule.subject.narrows is None]
    if floor is not None:
        for version in floor.in_force(on):
            packed.extend(
                p
                for p in _placed(floor, version, True)
                if not any(same_scope(rule, p.rule) for rule in local)
            )
    return sorted(packed, key=lambda p: p.id)


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
