"""Twelve SSD cases whose dates were counted by hand, across Christmas 2025 and Easter 2025/2026.

Gloucestershire's pack: a child on a child protection plan is seen at least every 10 working
days from the start of the plan; a child in need every 20 working days; a child in care within
one week of a placement, then every 6 weeks; reviews of children in care (reg 33) within 20
working days of coming into care. Bank holidays of England and Wales: 25, 26 December 2025,
1 January 2026; Good Friday 18 April and Easter Monday 21 April 2025, early May 5 May 2025;
Good Friday 3 April and Easter Monday 6 April 2026.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from benchmarks.generate_ssd import write_duckdb, write_sqlalchemy
from compiler.evaluator.evaluate import open_pack
from compiler.sources.records_audit import audit_ssd as audit_records
from tests.ssd_tables import postgres_url, sqlite_of, tables

D = date
ON = D(2026, 1, 9)
Source = tuple[str, str | None]  # the database's location, and the schema holding the SSD
CP_VISITS = "gloucestershire/home-visiting/cp-statutory-visit"
CIN_VISITS = "gloucestershire/home-visiting/cin-statutory-visit"
CIC_VISITS = "gloucestershire/home-visiting/cic-statutory-visit"
REG_33 = "england/care-planning-regulations-2010/reg-33-reviews"
PATHWAY = "england/care-leavers-regulations-2010/pathway-plan-review"

RECORDS = {
    "ssd_cp_plans": [
        # C1: plan from Friday 19 December 2025, no visit: due Wed 7 January 2026 (22, 23,
        # 24 Dec, 29, 30, 31 Dec, 2, 5, 6, 7 Jan), overdue by 2 on 9 January.
        ("C1", "P1", D(2025, 12, 19), None),
        # C2: plan from Mon 1 Dec; due Mon 15 Dec (2-5, 8-12, 15); seen Fri 19 Dec, 4 days
        # late; then due Wed 7 Jan, still not seen on 9 Jan.
        ("C2", "P2", D(2025, 12, 1), None),
        # C3: Easter 2025: plan from Thu 10 April; due Mon 28 April (11, 14-17, 22-25, 28:
        # Good Friday and Easter Monday skipped); seen 28 April, on time; then due Tue 13 May
        # (29, 30 Apr, 1, 2, 6-9, 12, 13 May: 5 May is a bank holiday); seen 14 May, 1 day late.
        # The plan ended on 20 May 2025: not judged on 9 January 2026.
        ("C3", "P3", D(2025, 4, 10), D(2025, 5, 20)),
        # C6: plan from 19 Dec; a visit on 5 Jan with the child not seen is no statutory visit.
        ("C6", "P6", D(2025, 12, 19), None),
        # C12: Easter 2026: plan from Mon 23 March; due Wed 8 April (24-27, 30, 31 Mar, 1, 2,
        # 7, 8 Apr: Good Friday 3 and Easter Monday 6 April skipped); seen Thu 9 April, 1 late.
        ("C12", "P12", D(2026, 3, 23), None),
    ],
    "ssd_cp_visits": [
        ("V2", "P2", "C2", D(2025, 12, 19), "Y", "Y"),
        ("V3a", "P3", "C3", D(2025, 4, 28), "Y", "Y"),
        ("V3b", "P3", "C3", D(2025, 5, 14), "Y", "N"),
        ("V6", "P6", "C6", D(2026, 1, 5), "N", "N"),
        ("V12", "P12", None, D(2026, 4, 9), "Y", "Y"),  # no plan id: linked by person and date
        # C10: a visit of a person with no plan: reported with its table and key, never dropped.
        ("V10", "P10", None, D(2025, 12, 10), "Y", "Y"),
    ],
    "ssd_cin_plans": [
        # C4: CIN plan from Mon 1 Dec; first due Wed 31 Dec (20 working days: 2-5, 8-12,
        # 15-19, 22-24, 29-31); seen Mon 22 Dec, on time; then due Thu 22 Jan 2026 (23, 24,
        # 29, 30, 31 Dec, 2 Jan, 5-9, 12-16, 19-22 Jan).
        ("C4", "P4", D(2025, 12, 1), None, "Team A", "W1"),
        # C5: the same child's earlier plan, closed: the visit of 22 Dec is not its.
        ("C5old", "P4", D(2025, 1, 6), D(2025, 3, 31), "Team A", "W1"),
    ],
    "ssd_cin_visits": [("CV4", "P4", D(2025, 12, 22), "Y")],
    "ssd_cla_episodes": [
        # C7: in care from Sat 20 Dec 2025; reg 33 first review within 20 working days:
        # 22-24, 29-31 Dec, 2, 5-9, 12-16, 19-21 Jan -> Wed 21 January 2026.
        ("E7", "P7", "LA7", D(2025, 12, 20), None, D(2025, 12, 20)),
        # C8: in care from 1 Sep 2025; a new placement on Mon 1 Dec must be visited within a
        # week, by 8 Dec; no visit since: overdue by 32 days on 9 January.
        ("E8", "P8", "LA8", D(2025, 9, 1), None, D(2025, 9, 1)),
        # C11: left care on 10 January 2025 (care leaver below).
        ("E11", "P11", "LA11", D(2022, 1, 10), D(2025, 1, 10), D(2022, 1, 10)),
    ],
    "ssd_cla_placement": [
        # C7: placed Sat 20 Dec; first visit due within one week, Sat 27 Dec; seen Wed 24 Dec;
        # then every 6 weeks: due 4 February 2026.
        ("PL7", "LA7", "P7", D(2025, 12, 20), "U6", None),
        ("PL8a", "LA8", "P8", D(2025, 9, 1), "U6", D(2025, 11, 30)),
        ("PL8b", "LA8", "P8", D(2025, 12, 1), "K2", None),
    ],
    "ssd_cla_visits": [
        ("CLV7", "LA7", "P7", D(2025, 12, 24), "Y"),
        ("CLV8a", "LA8", "P8", D(2025, 9, 5), "Y"),
        ("CLV8b", "LA8", "P8", D(2025, 10, 10), "Y"),
    ],
    "ssd_cla_reviews": [
        # C9: a cancelled review is left out, and counted.
        ("R8", "LA8", D(2025, 9, 29), D(2025, 9, 29), "Y"),
    ],
    "ssd_care_leavers": [
        # C11: pathway plan reviewed 10 July 2025; every 6 months from leaving care: due
        # 10 January 2026, so still due (not overdue) on 9 January.
        ("CL11", "P11", D(2025, 11, 1), D(2025, 7, 10)),
    ],
}


@pytest.fixture(scope="module", params=["sqlite", "duckdb", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Source:
    """The same records in SQLite, DuckDB and PostgreSQL (in a schema of its own, read with
    --ssd-schema): each must give the hand-counted dates."""
    folder = tmp_path_factory.mktemp("ssd")
    if request.param == "sqlite":
        return sqlite_of(RECORDS, folder / "hand.sqlite"), None
    if request.param == "duckdb":
        write_duckdb(tables(RECORDS), folder / "hand.duckdb")
        return str(folder / "hand.duckdb"), None
    server = postgres_url()
    write_sqlalchemy(tables(RECORDS), server, schema="hand_worked")
    return server, "hand_worked"


def snapshot(url: Source, packs: Path, on: date) -> dict[tuple[str, str], dict[str, str]]:
    pack = open_pack(packs, "gloucestershire", on)
    found = audit_records(*url, pack, on, None)
    return {(r["case_id"], r["rule"]): r for r in csv.DictReader(io.StringIO(found.table))}


def test_the_snapshot_on_9_january_2026_matches_the_hand_count(url: Source, packs: Path) -> None:
    rows = snapshot(url, packs, ON)
    expected = {
        ("C1", CP_VISITS): ("", "2026-01-07", "overdue", "2"),
        ("C2", CP_VISITS): ("2025-12-19", "2026-01-07", "overdue", "2"),
        ("C6", CP_VISITS): ("", "2026-01-07", "overdue", "2"),
        ("C4", CIN_VISITS): ("2025-12-22", "2026-01-22", "due", "0"),
        ("LA7", CIC_VISITS): ("2025-12-24", "2026-02-04", "due", "0"),
        ("LA7", REG_33): ("", "2026-01-21", "due", "0"),
        ("LA8", CIC_VISITS): ("2025-10-10", "2025-12-08", "overdue", "32"),
        ("P11", PATHWAY): ("2025-07-10", "2026-01-10", "due", "0"),
    }
    for key, (last, due, status, late) in expected.items():
        row = rows[key]
        assert (row["last_done"], row["next_due"], row["status"], row["days_overdue"]) == (
            last,
            due,
            status,
            late,
        ), key
    assert not any(case in ("C3", "C5old", "C12") for case, _ in rows)  # closed or not begun


def test_easter_2026_the_plan_from_23_march_is_due_on_8_april(url: Source, packs: Path) -> None:
    row = snapshot(url, packs, D(2026, 4, 8))[("C12", CP_VISITS)]
    assert (row["next_due"], row["status"]) == ("2026-04-08", "due")
    row = snapshot(url, packs, D(2026, 4, 10))[("C12", CP_VISITS)]
    assert (row["last_done"], row["next_due"]) == ("2026-04-09", "2026-04-23")


def test_the_history_finds_each_late_interval_counted_by_hand(url: Source, packs: Path) -> None:
    pack = open_pack(packs, "gloucestershire", ON)
    found = audit_records(*url, pack, ON, (D(2025, 4, 1), D(2026, 4, 30)))
    got = {
        (i.case_id, i.activity, i.since.isoformat(), i.due.isoformat()): (
            i.done.isoformat() if i.done else "",
            i.days_late,
            i.late,
        )
        for i in found.intervals
        if i.activity == "statutory_visit"
    }
    expected = {
        ("C3", "statutory_visit", "2025-04-10", "2025-04-28"): ("2025-04-28", 0, False),
        ("C3", "statutory_visit", "2025-04-28", "2025-05-13"): ("2025-05-14", 1, True),
        ("C2", "statutory_visit", "2025-12-01", "2025-12-15"): ("2025-12-19", 4, True),
        ("C12", "statutory_visit", "2026-03-23", "2026-04-08"): ("2026-04-09", 1, True),
        ("C4", "statutory_visit", "2025-12-01", "2025-12-31"): ("2025-12-22", 0, False),
        ("LA7", "statutory_visit", "2025-12-20", "2025-12-27"): ("2025-12-24", 0, False),
        ("LA8", "statutory_visit", "2025-12-01", "2025-12-08"): ("", 143, True),
    }
    for key, value in expected.items():
        assert got[key] == value, key
    # C3's plan ended on 20 May 2025, before its next visit was due (29 May): nothing more.
    assert not [k for k in got if k[0] == "C3" and k[3] > "2025-05-20"]


def test_rows_that_cannot_be_judged_are_named_and_cancelled_reviews_counted(
    url: Source, packs: Path
) -> None:
    pack = open_pack(packs, "gloucestershire", ON)
    found = audit_records(*url, pack, ON, None)
    assert [(p.table, p.key) for p in found.records.problems] == [("ssd_cp_visits", "V10")]
    assert "cppv_person_id" in found.records.problems[0].reason
    cancelled = ("ssd_cla_reviews", "clar_cla_review_cancelled = Y (cancelled)")
    assert found.records.left_out[cancelled] == 1


def test_when_two_rules_time_one_visit_the_earlier_due_date_binds(
    packs: Path, tmp_path: Path
) -> None:
    """Two rules for the same visits counting from different events: the earlier binds (the
    safety reading), and the interval names that rule."""
    from dataclasses import replace

    pack = open_pack(packs, "gloucestershire", ON)
    plan_rule = next(r for r in pack.rules if r.id == CP_VISITS)
    icpc_rule = replace(
        plan_rule,
        id="test/from-the-conference",
        timescale=replace(plan_rule.timescale, event="initial_child_protection_conference"),
    )
    pack = replace(pack, rules=(*pack.rules, icpc_rule))
    url = sqlite_of(
        {
            "ssd_cp_plans": [("C1", "P1", D(2025, 12, 1), None)],
            # the conference on Fri 5 Dec: 10 working days -> Fri 19 Dec; from the plan's
            # start on Mon 1 Dec -> Mon 15 Dec, which binds.
            "ssd_initial_cp_conference": [("I1", "P1", "C1", D(2025, 12, 5))],
            "ssd_cp_visits": [("V1", "P1", "C1", D(2025, 12, 17), "Y", "Y")],
        },
        tmp_path / "two.sqlite",
    )
    found = audit_records(url, None, pack, ON, (D(2025, 12, 1), D(2025, 12, 31)))
    first = next(i for i in found.intervals if i.activity == "statutory_visit")
    assert (first.rule.id, first.due, first.done, first.days_late) == (
        CP_VISITS,
        D(2025, 12, 15),
        D(2025, 12, 17),
        2,
    )
