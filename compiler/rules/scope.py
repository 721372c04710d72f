"""Which children a rule covers, and whether two rules can meet one case.

A subject is a group of children narrowed by qualifiers. ``all_children``
covers every group of children (never adults); a rule naming a qualifier
covers a case only when the case states that qualifier, with values the rule
allows. Every tool answers "does this rule cover this child?" with
:func:`covers`, so the checks, the packs and the evaluator cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from itertools import product
from typing import Protocol

from compiler.model import Subject
from compiler.timescale.model import Conditions, Timescale, facts_of
from compiler.vocabulary import vocabulary

ALL_CHILDREN = "all_children"

Includes = Mapping[str, frozenset[str]]
"""Umbrella groups and the groups each covers: ``{"all_children": {...every child group}}``."""


class RuleLike(Protocol):
    """What scope needs of a rule: a corpus rule and a pack rule both have it."""

    @property
    def subject(self) -> Subject: ...
    @property
    def activity(self) -> str: ...
    @property
    def conditions(self) -> Conditions: ...
    @property
    def timescale(self) -> Timescale: ...


@cache
def group_includes() -> Includes:
    """The vocabulary's umbrella groups: ``all_children`` covers each group of children."""
    words = vocabulary()
    children = frozenset(g for g in words.groups if g not in words.adult_groups) - {ALL_CHILDREN}
    return {ALL_CHILDREN: children}


def group_covers(group: str, other: str, includes: Includes | None = None) -> bool:
    """True if every child of ``other`` is in ``group``.

    >>> group_covers("all_children", "child_protection")
    True
    >>> group_covers("child_in_care", "all_children")
    False
    """
    return group == other or other in (includes or group_includes()).get(group, ())


def covers(rule: Subject, case: Subject, includes: Includes | None = None) -> bool:
    """True if every child ``case`` describes is one ``rule`` is about.

    >>> placed = Subject("child_in_care", (("placement_type", ("placed_for_adoption",)),))
    >>> covers(Subject("all_children"), placed), covers(placed, Subject("child_in_care"))
    (True, False)
    """
    national = case.narrows  # an authority's own group is covered as the group it narrows
    if not (
        group_covers(rule.group, case.group, includes)
        or (national is not None and group_covers(rule.group, national, includes))
    ):
        return False
    given = dict(case.qualifiers)
    national = _national_values(case)  # an authority's own value is covered as the national
    return all(
        q in given and all(value in v or national.get((q, value)) in v for value in given[q])
        for q, v in rule.qualifiers
    )


def _national_values(subject: Subject) -> dict[tuple[str, str], str | None]:
    """Each of the authority's own qualifier values ``subject`` names, by the national one."""
    return {(q, value): narrows for q, value, narrows, _ in subject.own_values}


def overlaps(a: Subject, b: Subject, includes: Includes | None = None) -> bool:
    """True if some child is described by both subjects.

    >>> overlaps(Subject("all_children"), Subject("child_in_care"))
    True
    >>> overlaps(Subject("all_children"), Subject("foster_carer"))
    False
    """
    first, second = a.narrows or a.group, b.narrows or b.group  # local groups as national
    if not (
        group_covers(a.group, b.group, includes)
        or group_covers(b.group, a.group, includes)
        or group_covers(first, second, includes)
        or group_covers(second, first, includes)
    ):
        return False
    mine, theirs = _widened(a), _widened(b)
    return all(mine[q] & theirs[q] for q in mine.keys() & theirs.keys())


def _widened(subject: Subject) -> dict[str, set[str]]:
    """The qualifier values of ``subject``, each own value with the national one it narrows."""
    national = _national_values(subject)
    return {
        q: {*values, *(n for v in values if (n := national.get((q, v))) is not None)}
        for q, values in subject.qualifiers
    }


def conditions_hold(conditions: Conditions, facts: Mapping[str, bool]) -> bool:
    """Whether the case facts meet a rule's conditions (a fact not given is false)."""
    return all(facts.get(name, False) == wanted for name, wanted in conditions)


def conditions_compatible(a: Conditions, b: Conditions) -> bool:
    """True if both sets of case facts can hold at once (no fact required both ways)."""
    wanted = dict(a)
    return all(wanted.get(fact, value) == value for fact, value in b)


def same_scope(a: RuleLike, b: RuleLike) -> bool:
    """Same activity, overlapping children, compatible conditions: one case can meet both."""
    return (
        a.activity == b.activity
        and overlaps(a.subject, b.subject)
        and conditions_compatible(a.conditions, b.conditions)
    )


def fact_cases(*rules: RuleLike) -> Iterator[Mapping[str, bool]]:
    """Every combination of the facts the rules' timescales depend on, their conditions fixed.

    Two timescales are only equivalent if they agree whatever the facts their
    phases depend on ("fortnightly where approved by the manager").
    """
    fixed: dict[str, bool] = {}
    for rule in rules:
        fixed.update(rule.conditions)
    free = sorted(set().union(*(facts_of(r.timescale) for r in rules)) - fixed.keys())
    for values in product((False, True), repeat=len(free)):
        yield {**fixed, **dict(zip(free, values, strict=True))}
