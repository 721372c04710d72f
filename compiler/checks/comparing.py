"""Comparing two rules exactly, under every combination of the facts they depend on.

Shared by the conflict and floor checks. Results are cached by timescale,
calendar and facts, because a corpus repeats the same timescales many times
(every authority compares its children-in-care visits with regulation 28).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from compiler.calendar import Calendar
from compiler.model import Rule
from compiler.rules.scope import fact_cases
from compiler.timescale.compare import Comparison, compare
from compiler.timescale.format import format_timescale
from compiler.timescale.model import Timescale
from compiler.vocabulary import title_of


@dataclass(frozen=True)
class RuleComparison:
    """How rule A compares with rule B, and under which facts the difference shows."""

    relation: str
    comparison: Comparison
    facts: tuple[tuple[str, bool], ...]

    def witness_text(self, label_a: str, label_b: str) -> str:
        """A witness in words, in the direction claimed, with the facts it needs ("" if equivalent).

        For "looser" or "incomparable" it is one where A gives the later date (what
        a reader is being warned of); for "stricter", one where A is earlier.
        """
        if not self.comparison.witnesses:
            return ""
        later = self.relation in ("looser", "incomparable")
        chosen = next(
            (w for w in self.comparison.witnesses if w.a_later == later),
            self.comparison.witnesses[0],
        )
        text = chosen.describe(label_a, label_b, "a case starting")
        conditions = [fact for fact, value in self.facts if value]
        if conditions:
            titles = ", ".join(title_of("conditions", c).lower() for c in conditions)
            text += f" (where: {titles})"
        return text


def compare_rules(
    a: Rule, b: Rule, calendar: Calendar, law: Calendar | None = None
) -> RuleComparison:
    """A compared with B under every fact case; the first case that is not equivalent wins.

    Over all fact cases, the relation is the combination: stricter in one
    case and looser in another is incomparable. ``law``, if given, is the calendar B
    counts with (a statutory rule, without the office's closures).
    """
    results = [
        (_compare(a.timescale, b.timescale, calendar, tuple(sorted(facts.items())), law), facts)
        for facts in fact_cases(a, b)
    ]
    relations = {result.relation for result, _ in results} - {"equivalent"}
    if not relations:
        result, facts = results[0]
        return RuleComparison("equivalent", result, tuple(sorted(facts.items())))
    relation = relations.pop() if len(relations) == 1 else "incomparable"
    result, facts = next((r, f) for r, f in results if r.relation != "equivalent")
    return RuleComparison(relation, result, tuple(sorted(facts.items())))


@lru_cache(maxsize=65536)
def _compare(
    a: Timescale,
    b: Timescale,
    calendar: Calendar,
    facts: tuple[tuple[str, bool], ...],
    law: Calendar | None = None,
) -> Comparison:
    return compare(a, b, calendar, dict(facts), calendar_b=law)


def describe(rule: Rule) -> str:
    """A rule's timescale in plain English."""
    return format_timescale(rule.timescale)
