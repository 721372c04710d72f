"""Scenario tests: an authority's own cases, with the dates a practitioner expects.

A case names a rule (``document/rule``), or a group of children and an
activity: then every rule in force on the start date that applies to the case
is used, the authority's own and the statutory ones it inherits alike, and
the case is due on the earliest of their dates, as ``standards due`` answers
from a pack (:func:`compiler.evaluator.evaluate.earliest`). The runner computes the dates from
the rule and compares them with the case's expectations; every mismatch is
worded so that a principal social worker can see which side is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from compiler.calendar import CalendarError, load_calendar
from compiler.errors import Location
from compiler.evaluator.evaluate import earliest
from compiler.model import Authority, Corpus, Rule, Subject, Version
from compiler.rules.applying import applicable as rules_applicable
from compiler.rules.applying import authority_entries
from compiler.timescale.compare import spoken
from compiler.timescale.due import next_due, schedule


@dataclass(frozen=True)
class ScenarioResult:
    """One case's outcome: passed, or the differences between expected and computed dates."""

    authority: str
    name: str
    location: Location
    problems: tuple[str, ...]
    rule: str = ""

    @property
    def passed(self) -> bool:
        return not self.problems


def run_scenarios(corpus: Corpus, authority: Authority) -> list[ScenarioResult]:
    """Every scenario case of ``authority``, run against the corpus."""
    return [
        _run_within_the_calendar(corpus, authority, case, where)
        for scenario in authority.scenarios
        for case, where in zip(scenario.cases, scenario.locations, strict=True)
    ]


def _run_within_the_calendar(
    corpus: Corpus, authority: Authority, case: Mapping[str, Any], where: Location
) -> ScenarioResult:
    """:func:`run_case`, with a case dated outside the calendar's years failing, not crashing."""
    try:
        return run_case(corpus, authority, case, where)
    except CalendarError as outside:
        return ScenarioResult(authority.id, case["name"], where, (str(outside),))


def run_case(
    corpus: Corpus, authority: Authority, case: Mapping[str, Any], where: Location
) -> ScenarioResult:
    """Compute one case's dates and compare them with what it expects."""
    start = date.fromisoformat(case["start"])
    facts: dict[str, bool] = dict(case.get("facts", {}))
    found = _resolve(corpus, authority, case, start, facts)
    if isinstance(found, str):
        return ScenarioResult(authority.id, case["name"], where, (found,))
    local_calendar = load_calendar(authority.calendar, authority.closures)
    law_calendar = load_calendar(authority.calendar)  # statutory rules skip no office closure
    events = {k: date.fromisoformat(v) for k, v in case.get("events", {}).items()}
    done = sorted(date.fromisoformat(d) for d in case.get("done", []))
    # Every rule that applies must be met: the case is due on the earliest of their dates,
    # and the rule that gives it binds, exactly as ``standards due`` chooses (evaluate.earliest).
    calendars = [local_calendar if owner == authority.id else law_calendar for owner, _, _ in found]
    nexts = [
        next_due(r.timescale, start, calendar, done, facts, events)
        for calendar, (_, _, r) in zip(calendars, found, strict=True)
    ]
    chosen = earliest(
        [
            (day, owner != authority.id, f"{owner}/{v.document_id}/{r.id}")
            for day, (owner, v, r) in zip(nexts, found, strict=True)
        ]
    )
    owner, version, rule = found[chosen if chosen is not None else 0]
    calendar = calendars[chosen if chosen is not None else 0]
    following = nexts[chosen] if chosen is not None else None
    rule_name = f"{version.document_id}/{rule.id}"
    if owner != authority.id:
        rule_name = f"{owner}/{rule_name}"
    expect = case["expect"]
    problems: list[str] = []
    if "due" in expect:  # the dates of the rule that binds
        wanted = [date.fromisoformat(d) for d in expect["due"]]
        got = list(schedule(rule.timescale, start, calendar, facts, events, len(wanted)))
        if got != wanted:
            problems.append(f"due dates: expected {_dates(wanted)}, computed {_dates(got)}")
    if "next_due" in expect:
        wanted_next = date.fromisoformat(expect["next_due"]) if expect["next_due"] else None
        if following != wanted_next:
            problems.append(f"next due: expected {_date(wanted_next)}, computed {_date(following)}")
    for day in map(date.fromisoformat, expect.get("overdue_on", [])):
        if following is None or not following < day:
            problems.append(
                f"expected overdue on {spoken(day)}, but the next is due {_date(following)}"
            )
    for day in map(date.fromisoformat, expect.get("in_time_on", [])):
        if following is not None and following < day:
            problems.append(f"expected in time on {spoken(day)}, but it was due {_date(following)}")
    return ScenarioResult(authority.id, case["name"], where, tuple(problems), rule_name)


def _resolve(
    corpus: Corpus,
    authority: Authority,
    case: Mapping[str, Any],
    start: date,
    facts: Mapping[str, bool],
) -> list[tuple[str, Version, Rule]] | str:
    """The rules the case is run against, each with its owner's id: the rule it names, or
    every rule that applies to it, the authority's own and the statutory ones alike (as a
    pack holds them), or a message saying why there is none."""
    if "rule" in case:
        document_id, rule_id = case["rule"].split("/")
        document = authority.document(document_id)
        if document is None:
            return f"no document '{document_id}' in {authority.id}"
        version = document.in_force(start) or document.latest
        rule = next((r for r in version.rules() if r.id == rule_id), None)
        if rule is None:
            return f"no rule '{rule_id}' in {version.key}"
        return [(authority.id, version, rule)]
    subject = Subject(
        case["subject"]["group"],
        tuple(
            sorted(
                (k, tuple(v) if isinstance(v, list) else (v,))
                for k, v in case["subject"].items()
                if k != "group"
            )
        ),
    )
    owners = [authority, *filter(None, [corpus.jurisdiction_of(authority)])]
    candidates = [
        (owner.id, version, rule)
        for owner in owners
        for version, rule in applicable(owner, subject, case["activity"], start, facts)
    ]
    if not candidates:
        return (
            f"no rule applies to this case ({subject.group}, {case['activity']}, "
            f"from {spoken(start)}); check its subject and activity, or name the rule to test "
            "with 'rule: document/rule'"
        )
    return candidates


def applicable(
    authority: Authority, subject: Subject, activity: str, on: date, facts: Mapping[str, bool]
) -> list[tuple[Version, Rule]]:
    """The rules in force on ``on`` that apply to a case: its group, activity and facts.

    The one answer of :func:`compiler.rules.applying.applicable`: a rule applies
    when its subject covers the case's and every condition it names holds; a
    rule overridden by another rule that applies to the case drops out.
    """
    return rules_applicable(authority_entries(authority, on), subject, activity, facts)


def _date(day: date | None) -> str:
    return "never (nothing more is due)" if day is None else spoken(day)


def _dates(days: list[date]) -> str:
    return ", ".join(spoken(d) for d in days) or "none"
