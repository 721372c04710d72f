"""Which rules are about the same children, under the same facts: the scope the checks compare.

Two rules can only conflict, and a statutory rule can only be a local rule's
floor, when some case is covered by both: the same group of children (where
``all_children`` covers every group of children, but not adults), qualifiers
that share a value, and conditions that can hold together.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import product

from compiler.model import Rule, Subject
from compiler.timescale.model import Conditions, facts_of
from compiler.vocabulary import vocabulary

ALL_CHILDREN = "all_children"


def _group_matches(a: str, b: str) -> bool:
    if a == b:
        return True
    adults = vocabulary().adult_groups
    if ALL_CHILDREN in (a, b):
        other = b if a == ALL_CHILDREN else a
        return other not in adults
    return False


def subjects_overlap(a: Subject, b: Subject) -> bool:
    """True if some case is described by both subjects.

    >>> subjects_overlap(Subject("all_children"), Subject("child_in_care"))
    True
    >>> subjects_overlap(Subject("all_children"), Subject("foster_carer"))
    False
    """
    if not _group_matches(a.narrows or a.group, b.narrows or b.group):
        return False
    mine, theirs = dict(a.qualifiers), dict(b.qualifiers)
    return all(set(mine[q]) & set(theirs[q]) for q in mine.keys() & theirs.keys())


def subject_covers(a: Subject, b: Subject) -> bool:
    """True if every case described by ``b`` is described by ``a``.

    An authority's own group is covered by the national group it narrows (``b.narrows``).
    """
    if a.group != b.group and not (
        a.group == b.narrows
        or (a.group == ALL_CHILDREN and _group_matches(a.group, b.narrows or b.group))
    ):
        return False
    theirs = dict(b.qualifiers)
    return all(q in theirs and set(theirs[q]) <= set(v) for q, v in a.qualifiers)


def conditions_compatible(a: Conditions, b: Conditions) -> bool:
    """True if both sets of case facts can hold at once (no fact required both ways)."""
    wanted = dict(a)
    return all(wanted.get(fact, value) == value for fact, value in b)


def same_scope(a: Rule, b: Rule) -> bool:
    """Same activity, overlapping children, compatible conditions: one case can meet both."""
    return (
        a.activity == b.activity
        and subjects_overlap(a.subject, b.subject)
        and conditions_compatible(a.conditions, b.conditions)
    )


def fact_cases(*rules: Rule) -> Iterator[Mapping[str, bool]]:
    """Every combination of the facts the rules depend on, with their own conditions fixed.

    Two timescales are only equivalent if they agree whatever the facts their
    phases depend on ("fortnightly where approved by the manager").
    """
    fixed: dict[str, bool] = {}
    for rule in rules:
        fixed.update(rule.conditions)
    free = sorted(set().union(*(facts_of(r.timescale) for r in rules)) - fixed.keys())
    for values in product((False, True), repeat=len(free)):
        yield {**fixed, **dict(zip(free, values, strict=True))}


def rule_key(document_id: str, rule: Rule) -> str:
    """``document/rule``: how a rule is named across an authority."""
    return f"{document_id}/{rule.id}"
