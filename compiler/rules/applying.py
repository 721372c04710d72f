"""The rules that apply to one case: its children, activity and facts, less overridden ones.

Corpus rules (scenarios, checks) and pack rules (the evaluator) are both
asked through :func:`applicable`, over :class:`Entry` values that name each
rule and the rules it overrides.

>>> from compiler.model import Subject
>>> from compiler.timescale.model import Duration, Phase, Recurrence
>>> from types import SimpleNamespace as Rule
>>> weeks = lambda n: Recurrence("placement_start", (Phase(Duration(n, "weeks")),))
>>> every_8 = Rule(subject=Subject("child_in_care"), activity="statutory_visit",
...                conditions=(), timescale=weeks(8))
>>> weekly = Rule(subject=Subject("child_in_care"), activity="statutory_visit",
...               conditions=(("manager_directs", True),), timescale=weeks(1))
>>> entries = [Entry("v/every-8", (), every_8, "8"), Entry("v/weekly", ("v/every-8",), weekly, "1")]
>>> applicable(entries, Subject("child_in_care"), "statutory_visit", {})
['8']
>>> applicable(entries, Subject("child_in_care"), "statutory_visit", {"manager_directs": True})
['1']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from compiler.model import Authority, Rule, Subject, Version
from compiler.rules.overrides import in_effect, rule_key, targets
from compiler.rules.scope import Includes, RuleLike, conditions_hold, covers

T = TypeVar("T")


@dataclass(frozen=True)
class Entry(Generic[T]):
    """A rule as the question "does it apply?" needs it: its key, what it overrides, a payload."""

    key: str
    overrides: tuple[str, ...]
    rule: RuleLike
    item: T

    def applies_under(self, facts: Mapping[str, bool]) -> bool:
        """Whether the case facts meet the rule's conditions."""
        return conditions_hold(self.rule.conditions, facts)


def applies(
    rule: RuleLike,
    subject: Subject,
    activity: str,
    facts: Mapping[str, bool],
    includes: Includes | None = None,
) -> bool:
    """Whether one rule is about this case (before overrides are considered)."""
    return (
        rule.activity == activity
        and covers(rule.subject, subject, includes)
        and conditions_hold(rule.conditions, facts)
    )


def applicable(
    entries: Sequence[Entry[T]],
    subject: Subject,
    activity: str,
    facts: Mapping[str, bool],
    includes: Includes | None = None,
) -> list[T]:
    """The payloads of the rules that apply to the case, less those an applicable rule overrides."""
    found = [
        (e.key, e.overrides, e.item)
        for e in entries
        if applies(e.rule, subject, activity, facts, includes)
    ]
    return in_effect(found)


def version_entries(versions: Sequence[Version]) -> list[Entry[tuple[Version, Rule]]]:
    """The rules in force of ``versions``, as entries whose payload is ``(version, rule)``."""
    return [
        Entry(rule_key(v.document_id, r), targets(v.document_id, r), r, (v, r))
        for v in versions
        for r in v.rules()
    ]


def authority_entries(authority: Authority, on: date) -> list[Entry[tuple[Version, Rule]]]:
    """The rules of ``authority`` in force on ``on``, as entries."""
    return version_entries(authority.in_force(on))
