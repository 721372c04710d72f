"""Hypothesis searches over an authority's rules: the laws the checks claim, tested independently.

The checks compare timescales exactly over a fixed horizon. These searches
try start dates far outside it (2000 to 2060) and every combination of case
facts, looking for a date on which two rules the checks call equivalent
disagree, or on which a local rule allows a later date than its statutory
floor. They report the first such case, shrunk to its simplest form.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.calendar import load_calendar
from compiler.checks import floors as floor_check
from compiler.checks.comparing import compare_rules, describe
from compiler.checks.conflicts import overridden
from compiler.model import Authority, Corpus, Rule
from compiler.rules.applying import authority_entries, version_entries
from compiler.rules.floor import context, floors_for, law_calendar, misses
from compiler.rules.overrides import rule_key
from compiler.rules.scope import fact_cases, same_scope
from compiler.timescale.compare import spoken
from compiler.timescale.due import schedule

OCCURRENCES = 8
EARLIEST, LATEST = date(2000, 1, 1), date(2060, 12, 31)
"""Start dates to search: the calendars cover 2000-2070, which leaves room for the occurrences."""
SEARCH = settings(
    max_examples=150,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)

Pair = tuple[tuple[str, Rule], tuple[str, Rule]]


def equivalent_rule_pairs(corpus: Corpus, authority: Authority) -> list[Pair]:
    """Pairs of rules in force together, in the same scope, that the checks call equivalent."""
    calendar = load_calendar(authority.calendar, authority.closures)
    excused = overridden(authority)
    pairs: dict[tuple[str, str], Pair] = {}
    for day in authority.change_dates():
        in_force = [(rule_key(v.document_id, r), r) for v, r in authority.rules_in_force(day)]
        for i, (key_a, a) in enumerate(in_force):
            for key_b, b in in_force[i + 1 :]:
                if (key_a, key_b) in pairs or not same_scope(a, b):
                    continue
                if (key_a, key_b) in excused or (key_b, key_a) in excused:
                    continue
                if compare_rules(a, b, calendar).relation == "equivalent":
                    pairs[(key_a, key_b)] = ((key_a, a), (key_b, b))
    return list(pairs.values())


def floor_pairs(corpus: Corpus, authority: Authority) -> list[Pair]:
    """(local rule, statutory floor) pairs that the floor check accepts: never later, case by case.

    Read as the check reads them (:mod:`compiler.rules.floor`): each rule among the local
    rules in force around it (their overrides decide where it applies), against the
    statutory rules that apply to its cases, on every date either side changes; a pair the
    check would report (a miss) is left out, so the search tries what the check passes.
    """
    statutory = corpus.jurisdiction_of(authority)
    if statutory is None:
        return []
    calendar = load_calendar(authority.calendar, authority.closures)
    law = law_calendar(authority)
    pairs: dict[tuple[str, str], Pair] = {}
    missed: set[tuple[str, str]] = set()
    days = sorted(set(authority.change_dates()) | set(statutory.change_dates()))
    for day in days:
        floor = authority_entries(statutory, day)
        for version in authority.in_force(day):
            local = version_entries(context(authority, version, day))
            for rule in version.rules():
                key = rule_key(version.document_id, rule)
                for miss in misses(
                    rule,
                    local,
                    floor,
                    calendar,
                    version.effective_from,
                    floor_check.HORIZON_DAYS,
                    law=law,
                ):
                    missed.add((key, miss.statutory_key))
                for floor_version, statutory_rule in floors_for(rule, local, floor):
                    pair = (key, rule_key(floor_version.document_id, statutory_rule))
                    pairs.setdefault(pair, ((pair[0], rule), (pair[1], statutory_rule)))
    return [found for pair, found in pairs.items() if pair not in missed]


def search_disagreement(
    authority: Authority, first: tuple[str, Rule], second: tuple[str, Rule]
) -> str | None:
    """A start date and facts on which two supposedly equivalent rules give different dates."""
    return _search(
        authority,
        first,
        second,
        _differ,
        "give different dates although the checks call them equivalent",
    )


def search_floor_breach(
    authority: Authority, local: tuple[str, Rule], floor: tuple[str, Rule]
) -> str | None:
    """A start date and facts on which a local rule allows a later date than its statutory floor."""
    return _search(
        authority, local, floor, _later, "allows a later date than its statutory floor", law=True
    )


def _differ(a: tuple[date, ...], b: tuple[date, ...]) -> bool:
    return a != b


def _later(local: tuple[date, ...], floor: tuple[date, ...]) -> bool:
    return any(k >= len(local) or local[k] > required for k, required in enumerate(floor))


def _search(authority, first, second, broken, what, law: bool = False) -> str | None:
    """``law``: the second rule is statutory, and counts working days without the closures."""
    (key_a, a), (key_b, b) = first, second
    calendar = load_calendar(authority.calendar, authority.closures)
    calendar_b = (law_calendar(authority) if law else None) or calendar
    cases = [dict(facts) for facts in fact_cases(a, b)]
    found: list[tuple[date, Mapping[str, bool], tuple[date, ...], tuple[date, ...]]] = []

    @SEARCH
    @given(start=st.dates(EARLIEST, LATEST), facts=st.sampled_from(cases))
    def law(start: date, facts: Mapping[str, bool]) -> None:
        dates_a = schedule(a.timescale, start, calendar, facts, occurrences=OCCURRENCES)
        dates_b = schedule(b.timescale, start, calendar_b, facts, occurrences=OCCURRENCES)
        if broken(dates_a, dates_b):
            found.append((start, facts, dates_a, dates_b))
            raise AssertionError("law broken")

    try:
        law()
    except AssertionError:
        start, facts, dates_a, dates_b = found[-1]
        shown = ", ".join(k for k, v in facts.items() if v) or "no special facts"
        return (
            f"{key_a} ('{describe(a)}') and {key_b} ('{describe(b)}') {what}: for a case "
            f"starting {spoken(start)} ({shown}), {key_a} gives "
            f"{', '.join(spoken(d) for d in dates_a) or 'nothing'} and {key_b} gives "
            f"{', '.join(spoken(d) for d in dates_b) or 'nothing'}"
        )
    return None
