"""Office closures are the office's, not the law's: a pack never counts a statutory deadline
over them.

An authority may close between Christmas and New Year (``closures:`` in authority.yaml), and
its own working-day rules skip those days. The law's working days do not: "an initial child
protection conference within 15 working days of the strategy discussion" (Working Together
2023) counts only weekends and bank holidays out. Hypothesis draws closure days, a local rule
and a strategy discussion date; the oracle counts working days with a plain loop over the
``holidays`` library (sharing no code with the tools), and the law held is:

- the pack's due date is never later than the statutory deadline counted without closures;
- it is the earlier of that and the local deadline counted with them.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path, PurePosixPath

import holidays
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from compiler.checks.floors import FLOOR_CODES
from compiler.emit.context import BuildContext
from compiler.emit.packs import emit_packs
from compiler.errors import Location
from compiler.evaluator.audit import audit
from compiler.evaluator.audit_reference import audit_case_by_case
from compiler.evaluator.audit_report import render_audit
from compiler.evaluator.cases import read_cases
from compiler.evaluator.evaluate import Pack, due, pack_from_json, subject_of
from compiler.pipeline import Compiled, compile_corpus
from compiler.suite.scenarios import run_case

TODAY = date(2026, 1, 1)
FIRST = date(2025, 11, 1)
STATUTORY_DAYS = 15  # Working Together 2023: the initial conference
LOCAL_DAYS = (10, 15, 20)
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG", years=range(2025, 2028))


def working_day_deadline(start: date, days: int, closed: frozenset[date]) -> date:
    """The ``days``-th working day after ``start``: the oracle, one day at a time."""
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in BANK_HOLIDAYS and day not in closed:
            counted += 1
    return day


def _compiled(closures: list[date], local_days: int, *, run_checks: bool = False) -> Compiled:
    rule = {
        "id": "conference",
        "subject": {"group": "child_protection"},
        "activity": "initial_child_protection_conference",
        "timescale": f"within {local_days} working days of the strategy discussion",
        "strength": "must",
        "words": f"within {local_days} working days of the strategy discussion",
    }
    document = {
        "id": "conferences",
        "title": "Conferences",
        "version": "1.0",
        "status": "published",
        "effective_from": "2024-01-01",
        "source": {"title": "Conferences", "date": "2024"},
        "sections": [
            {
                "id": "conferences",
                "title": "Conferences",
                "statements": [{"id": "s", "text": rule["words"], "rules": [rule]}],
            }
        ],
    }
    with tempfile.TemporaryDirectory() as folder:
        council = Path(folder) / "closing-council"
        (council / "conferences").mkdir(parents=True)
        (council / "authority.yaml").write_text(
            "id: closing-council\nname: Closing Council\njurisdiction: england\n"
            f"calendar: england-and-wales\nclosures: [{', '.join(map(str, closures))}]\n"
        )
        (council / "conferences" / "1.0.yaml").write_text(json.dumps(document))
        compiled = compile_corpus(Path(folder), run_checks=run_checks, today=TODAY)
    assert compiled.blocking == (), [f.render() for f in compiled.blocking]
    return compiled


def _pack(closures: list[date], local_days: int) -> Pack:
    files = emit_packs(BuildContext(_compiled(closures, local_days), TODAY, {}, site=False))
    return pack_from_json(json.loads(files[PurePosixPath("packs/closing-council/current.json")]))


CHRISTMAS = [date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)]


def drawn_cases(test: Callable[..., None]) -> Callable[..., None]:
    """Closure days, a local rule's working days and a start, with a discussion on 17 Dec 2025
    before a closure of 29-31 December always tried."""
    drawn = given(
        closures=st.lists(st.dates(FIRST, date(2026, 3, 31)), max_size=12, unique=True),
        local_days=st.sampled_from(LOCAL_DAYS),
        start_day=st.integers(0, 120),
    )
    pinned = example(closures=CHRISTMAS, local_days=15, start_day=46)
    tried = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    return tried(drawn(pinned(test)))


@drawn_cases
def test_a_pack_never_counts_a_statutory_deadline_over_the_offices_closures(
    closures: list[date], local_days: int, start_day: int
) -> None:
    pack = _pack(sorted(closures), local_days)
    start = FIRST + timedelta(days=start_day)
    results = due(
        pack,
        subject_of("child_protection", []),
        "initial_child_protection_conference",
        start,
        [],
        {},
        {"strategy_discussion": start},
    )
    (binding,) = [r for r in results if r.binding]
    law = working_day_deadline(start, STATUTORY_DAYS, frozenset())
    local = working_day_deadline(start, local_days, frozenset(closures))
    assert binding.next_due <= law
    assert binding.next_due == min(law, local)


@drawn_cases
def test_an_audit_of_case_records_counts_the_law_as_the_law_does(
    closures: list[date], local_days: int, start_day: int
) -> None:
    """The same law through the audit of a case table, both its array and its case-by-case
    implementations, with the working days late of a statutory row counted as the law's."""
    pack = _pack(sorted(closures), local_days)
    start = FIRST + timedelta(days=start_day)
    on = start + timedelta(days=60)
    text = (
        "case_id,group,event,date,facts,qualifiers\n"
        f"A,child_protection,strategy_discussion,{start.isoformat()},,\n"
    )
    rendered = render_audit(audit(read_cases(text, pack), pack, on))
    expected, problems = audit_case_by_case(text, pack, on)
    assert (rendered, problems) == (expected, [])
    rows = {r["rule"]: r for r in csv.DictReader(io.StringIO(rendered))}
    law = working_day_deadline(start, STATUTORY_DAYS, frozenset())
    statutory = rows["england/working-together/initial-child-protection-conference"]
    assert statutory["next_due"] == law.isoformat()
    late = sum(
        1
        for n in range(1, (on - law).days + 1)
        if (d := law + timedelta(days=n)).weekday() < 5 and d not in BANK_HOLIDAYS
    )
    assert statutory["working_days_overdue"] == str(late)


@drawn_cases
def test_an_authoritys_scenario_expects_the_law_as_the_law_counts_it(
    closures: list[date], local_days: int, start_day: int
) -> None:
    """``standards test``: a case expecting the earlier of the law and the local rule passes."""
    compiled = _compiled(sorted(closures), local_days)
    start = FIRST + timedelta(days=start_day)
    law = working_day_deadline(start, STATUTORY_DAYS, frozenset())
    local = working_day_deadline(start, local_days, frozenset(closures))
    case = {
        "name": "a conference after a strategy discussion",
        "start": start.isoformat(),
        "subject": {"group": "child_protection"},
        "activity": "initial_child_protection_conference",
        "events": {"strategy_discussion": start.isoformat()},
        "expect": {"next_due": min(law, local).isoformat()},
    }
    council = compiled.corpus.authority("closing-council")
    assert council is not None
    result = run_case(compiled.corpus, council, case, Location(Path("case.yaml")))
    assert result.problems == ()


@drawn_cases
def test_the_floor_check_reports_a_local_rule_exactly_when_closures_make_it_later_than_the_law(
    closures: list[date], local_days: int, start_day: int
) -> None:
    """``standards check``: the local rule counts over the closures, the law does not. It is
    reported exactly when some strategy discussion in the check's twenty years of start dates
    gives it a later deadline than the law's (the oracle tries every one)."""
    del start_day  # the check tries every start date itself
    compiled = _compiled(sorted(closures), local_days, run_checks=True)
    reported = [
        f
        for f in compiled.findings
        if f.code in FLOOR_CODES and "conferences/conference" in f.message
    ]
    closed = frozenset(closures)
    later = any(
        working_day_deadline(start, local_days, closed)
        > working_day_deadline(start, STATUTORY_DAYS, frozenset())
        for start in (date(2024, 1, 1) + timedelta(days=n) for n in range(366 * 3))
    )  # the closures lie in 2025-26 and a deadline counts 20 working days at most
    assert bool(reported) == later
    pack = _pack(sorted(closures), local_days)  # and the pack marks the rule as the check does
    (own,) = [r for r in pack.rules if r.id == "closing-council/conferences/conference"]
    marked = ("looser", "england/working-together/initial-child-protection-conference")
    assert (marked in own.floor) == later
