"""Which rules of a pack the records can judge, and why the others cannot.

A rule is judged from a source only if, for some group of children the
source holds cases of, the source dates the rule's clock event and its
activity, and gives every qualifier the rule names. A condition the source
has no field for is read as false (the audit's reading of a fact never
stated): a rule that needs it true cannot be judged; a timescale that
changes with it is judged by its "otherwise" reading, and the report says so.
An unjudged rule is left out of the pack the audit uses, so that a rule
whose activity the source never records is not reported overdue for ever.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from compiler.evaluator.evaluate import Pack, PackRule
from compiler.timescale.model import facts_of


@dataclass(frozen=True)
class Unjudged:
    """A rule the source cannot judge, and why, in words a data analyst can act on."""

    rule: str
    reason: str


@dataclass(frozen=True)
class Judgeable:
    """The pack cut down to the rules the source can judge, with what was left out and read."""

    pack: Pack
    unjudged: tuple[Unjudged, ...]
    readings: tuple[Unjudged, ...]  # judged, with a fact the source lacks read as false


def judgeable(
    pack: Pack,
    source: str,
    groups: frozenset[str],
    kinds: Callable[[str], frozenset[str]],
    qualifiers: Callable[[str], frozenset[str]],
) -> Judgeable:
    """Split ``pack``'s rules into those ``source`` can judge and those it cannot."""
    kept: list[PackRule] = []
    unjudged, readings = [], []
    for rule in pack.rules:
        why = _why_not(pack, rule, source, groups, kinds, qualifiers)
        if why:
            unjudged.append(Unjudged(rule.id, why))
            continue
        kept.append(rule)
        lacking = sorted(facts_of(rule.timescale))
        if lacking:
            readings.append(
                Unjudged(
                    rule.id,
                    f"{source} has no field for {', '.join(lacking)}: read as false, so the "
                    "timescale's reading without it is used",
                )
            )
    return Judgeable(replace(pack, rules=tuple(kept)), tuple(unjudged), tuple(readings))


def _why_not(
    pack: Pack,
    rule: PackRule,
    source: str,
    groups: frozenset[str],
    kinds: Callable[[str], frozenset[str]],
    qualifiers: Callable[[str], frozenset[str]],
) -> str:
    group = rule.subject.group
    covered = sorted(g for g in groups if g == group or g in pack.group_includes.get(group, ()))
    if not covered:
        return f"{source} holds no cases of the group {group}"
    needed_true = sorted(name for name, wanted in rule.conditions if wanted)
    if needed_true:
        return f"{source} has no field for the condition {needed_true[0]}, which the rule needs"
    reasons: dict[str, list[str]] = {}
    for name in covered:
        known = kinds(name)
        if rule.event not in known:
            why = f"{source} has no date of {rule.event} (the rule's clock)"
        elif rule.activity not in known:
            why = f"{source} has no date of {rule.activity}"
        elif missing := sorted(q for q, _ in rule.subject.qualifiers if q not in qualifiers(name)):
            why = f"{source} has no field for {missing[0]}"
        else:
            return ""
        reasons.setdefault(why, []).append(name)
    why, named = next(iter(reasons.items()))
    if len(reasons) == 1 and len(named) > 1:
        return f"{why} for any group it holds ({', '.join(named)})"
    return f"{why} for {', '.join(named)}"
