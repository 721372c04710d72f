"""``due`` and ``audit`` say what they assumed: implied events, dates after --on, --last before
--from, and overdue counts in working days with the calendar days beside them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.calendar import load_calendar
from compiler.evaluator.assumptions import IMPLIED_EVENTS, working_days_late
from compiler.vocabulary import vocabulary
from tests.conftest import ROOT

HEADER = "case_id,group,event,date,facts,qualifiers\n"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compiler.cli", *args],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


def audit(packs: Path, tmp_path: Path, rows: str, authority: str, on: str):
    table = tmp_path / "cases.csv"
    table.write_text(HEADER + rows)
    done = cli("audit", str(table), "--packs", str(packs), "--authority", authority, "--on", on)
    return done, table


# -- implied events --------------------------------------------------------------------------


def test_every_implied_event_and_activity_is_in_the_vocabulary() -> None:
    words = vocabulary()
    for activity, events in IMPLIED_EVENTS.items():
        assert activity in words.activities, activity
        assert all(event in words.events for event in events), events
        # an implied row is never counted as an occurrence of an activity (see assume)
        assert not any(event in words.activities for event in events), events


def test_audit_help_says_which_activities_imply_which_events() -> None:
    help_text = " ".join(cli("audit", "--help").stdout.split())
    by_event: dict[str, list[str]] = {}
    for activity, events in IMPLIED_EVENTS.items():
        for event in events:
            by_event.setdefault(event, []).append(activity)
    for event, activities in by_event.items():
        listed = ", ".join(activities[:-1]) + " and " + activities[-1] if activities[1:] else ""
        said = f"{listed or activities[0]} {'imply' if activities[1:] else 'implies'} {event}"
        assert said in help_text, said


def test_a_statutory_visit_starts_the_clock_of_recording_within_48_hours_of_the_visit(
    packs: Path, tmp_path: Path
) -> None:
    rows = (
        "C1,child_protection,plan_start,2025-12-01,,\n"
        "C1,child_protection,statutory_visit,2026-01-05,,\n"
    )
    done, _ = audit(packs, tmp_path, rows, "unnamed-trust", "2026-01-09")
    assert done.returncode == 0, done.stderr
    assert (
        "C1,child_protection,visit_recording,unnamed-trust/planning-and-seeing-children/"
        "visit-recorded-within-48-hours,should,visit,2026-01-05,,2026-01-07,overdue,2,true,"
    ) in done.stdout.splitlines()
    assert "  assumed: 1 statutory_visit row(s) also count as the event visit" in (
        done.stderr.splitlines()
    )


def test_an_implied_visit_beside_a_recorded_one_on_the_same_day_starts_the_same_clock(
    packs: Path, tmp_path: Path
) -> None:
    rows = (
        "C1,child_protection,plan_start,2025-12-01,,\n"
        "C1,child_protection,visit,2026-01-05,,\n"
        "C1,child_protection,statutory_visit,2026-01-05,,\n"
        "C1,child_protection,visit_recording,2026-01-06,,\n"
    )
    done, _ = audit(packs, tmp_path, rows, "unnamed-trust", "2026-01-09")
    recording = [line for line in done.stdout.splitlines() if ",visit_recording," in line]
    assert recording == [
        "C1,child_protection,visit_recording,unnamed-trust/planning-and-seeing-children/"
        "visit-recorded-within-48-hours,should,visit,2026-01-05,2026-01-06,,done,0,false,"
    ]


# -- dates after --on, and --last before --from ----------------------------------------------


def test_audit_reports_rows_after_the_audit_date_and_does_not_count_them(
    packs: Path, tmp_path: Path
) -> None:
    rows = (
        "C1,child_protection,plan_start,2025-12-01,,\n"
        "C1,child_protection,statutory_visit,2025-12-05,,\n"
        "C1,child_protection,statutory_visit,2026-02-01,,\n"
    )
    done, _ = audit(packs, tmp_path, rows, "st-helens", "2026-01-09")
    assert (
        "  1 row(s) dated after 2026-01-09 (--on) left out, not judged as if they had happened "
        "(lines 4)"
    ) in done.stderr.splitlines()
    visits = [line for line in done.stdout.splitlines() if ",statutory_visit," in line]
    assert visits == [
        "C1,child_protection,statutory_visit,st-helens/practice-standards/cp-statutory-visits,"
        "must,plan_start,2025-12-01,2025-12-05,2025-12-12,overdue,28,true,"
    ]


DUE = (
    "due", "--authority", "st-helens", "--subject", "child_protection",
    "--activity", "statutory_visit", "--from", "2025-12-01", "--on", "2026-01-09",
)  # fmt: skip


def test_due_notes_a_last_before_from_and_dates_after_on(packs: Path) -> None:
    done = cli(
        *DUE, "--packs", str(packs), "--last", "2025-11-01", "--last", "2026-02-01",
        "--event", "first_review=2026-03-01",
    )  # fmt: skip
    assert done.returncode == 0
    assert done.stderr.splitlines() == [
        "note: --last 2025-11-01 is before --from 2025-12-01: it happened before the clock "
        "started, so it is not counted",
        "note: --last 2026-02-01 is after --on 2026-01-09: left out, not judged as if it had "
        "happened",
        "note: --event first_review=2026-03-01 is after --on 2026-01-09: left out, not judged "
        "as if it had happened",
    ]
    alone = cli(*DUE, "--packs", str(packs))
    assert done.stdout == alone.stdout  # neither date changed the answer


# -- working days overdue --------------------------------------------------------------------


def test_due_counts_a_working_day_rule_late_in_working_days_beside_calendar_days(
    packs: Path,
) -> None:
    done = cli(
        "due", "--packs", str(packs), "--authority", "st-helens", "--subject",
        "child_protection", "--activity", "case_recording", "--from", "2025-12-19",
        "--on", "2026-01-09",
    )  # fmt: skip
    # Due Tue 30 Dec; then Wed 31 Dec, Fri 2, Mon 5 to Fri 9 Jan (New Year's Day is a bank
    # holiday): 7 working days, 10 calendar days.
    assert "  on Fri 9 Jan 2026: overdue by 7 working days (10 calendar days)" in done.stdout


def test_audit_gives_working_days_overdue_only_for_working_day_rules(
    packs: Path, tmp_path: Path
) -> None:
    rows = "C1,child_protection,event,2025-12-19,,\n"
    done, _ = audit(packs, tmp_path, rows, "st-helens", "2026-01-09")
    recording = [line for line in done.stdout.splitlines() if ",case_recording," in line]
    assert recording == [
        "C1,child_protection,case_recording,st-helens/practice-standards/"
        "case-notes-within-five-working-days,must,event,2025-12-19,,2025-12-30,overdue,10,true,7"
    ]


ENGLAND = load_calendar("england-and-wales")


@settings(max_examples=200, deadline=None)
@given(st.dates(date(2024, 1, 1), date(2027, 12, 31)), st.integers(0, 60))
def test_working_days_late_counts_as_a_day_by_day_loop(due: date, gap: int) -> None:
    on = due + timedelta(days=gap)
    by_hand = sum(ENGLAND.is_working_day(due + timedelta(days=n)) for n in range(1, gap + 1))
    assert working_days_late(ENGLAND, due, on) == by_hand
