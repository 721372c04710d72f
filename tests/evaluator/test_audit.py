"""``standards audit``: due dates and overdue days of a table of cases, from a pack alone.

The expected dates are counted by hand in the comments; the vectorised audit is
held to the case-by-case reference, byte for byte, on generated tables.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate_cases import generate_cases
from compiler.cli import standards
from compiler.evaluator.audit import audit
from compiler.evaluator.audit_reference import audit_case_by_case
from compiler.evaluator.audit_report import render_audit, summarise
from compiler.evaluator.cases import read_cases
from compiler.evaluator.evaluate import open_pack

ON = date(2026, 2, 2)
HEADER = "case_id,group,event,date,facts,qualifiers\n"


def run(packs: Path, table: Path, *extra: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        standards,
        ["audit", str(table), "--authority", "walsall", "--on", ON.isoformat(),
         "--packs", str(packs), *extra],
    )  # fmt: skip
    return result.exit_code, result.stdout, result.stderr


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_walsall_cases_are_judged_as_counted_by_hand(packs: Path, tmp_path: Path) -> None:
    table = tmp_path / "cases.csv"
    table.write_text(
        HEADER
        + "W1,child_in_need,plan_start,2025-12-01,,\n"
        + "W1,child_in_need,statutory_visit,2025-12-19,,\n"
        + '"W,2",child_in_need,plan_start,2026-01-05,,\n'
        + "W3,child_in_need,statutory_visit,2025-12-19,,\n"
    )
    code, out, err = run(packs, table)
    assert code == 0, err
    got = [
        (r["case_id"], r["activity"], r["last_done"], r["next_due"], r["status"], r["days_overdue"])
        for r in rows_of(out)
    ]
    assert got == [
        # Walsall: CIN visits every 6 weeks; 19 Dec 2025 + 42 days = Fri 30 Jan 2026,
        # 3 days before the audit date of Mon 2 Feb.
        ("W1", "statutory_visit", "2025-12-19", "2026-01-30", "overdue", "3"),
        # CIN reviews every 12 weeks from the plan: 1 Dec 2025 + 84 days = 23 Feb 2026.
        ("W1", "cin_meeting", "", "2026-02-23", "due", "0"),
        # Plan from 5 Jan 2026: first visit by 16 Feb (+42), first review by 30 Mar (+84).
        ("W,2", "statutory_visit", "", "2026-02-16", "due", "0"),
        ("W,2", "cin_meeting", "", "2026-03-30", "due", "0"),
        # A visit but no plan: no clock has started, and the case is still listed.
        ("W3", "", "", "", "not_started", ""),
    ]
    assert "1 overdue on at least one rule" in err


def test_rows_that_cannot_be_read_are_named_by_line_and_never_dropped(
    packs: Path, tmp_path: Path
) -> None:
    table = tmp_path / "cases.csv"
    table.write_text(
        HEADER
        + "W1,child_in_need,plan_start,2025-12-01,,\n"
        + "W2,child_in_nead,plan_start,2026-01-05,,\n"
        + "W3,child_in_need,plan_start,2026-02-30,,\n"
        + "W4,child_in_need,plan_start\n"
        + "W5,child_in_need,plan_start,2026-01-05,seen_alone=maybe,\n"
    )
    code, out, err = run(packs, table)
    assert code == 1
    assert f"{table}:3: unknown group 'child_in_nead': did you mean 'child_in_need'" in err
    assert f"{table}:4: '2026-02-30' is not a date" in err
    assert f"{table}:5: expected 6 fields" in err
    assert f"{table}:6: " in err
    assert "5 row(s) read, 4 could not be read (lines 3, 4, 5, 6)" in err
    assert {r["case_id"] for r in rows_of(out)} == {"W1"}


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("case,group,event,date\nX,child_in_need,plan_start,2026-01-01\n", "mean 'case_id'"),
        ("", "the table is empty"),
    ],
)
def test_a_table_that_cannot_be_used_at_all_exits_2_naming_the_file(
    packs: Path, tmp_path: Path, content: str, complaint: str
) -> None:
    table = tmp_path / "cases.csv"
    table.write_text(content)
    code, out, err = run(packs, table)
    assert code == 2
    assert err.startswith(f"{table}:1: error: ") and complaint in err
    assert out == ""
    assert "Traceback" not in err


def test_an_unknown_authority_or_packs_folder_exits_2(packs: Path, tmp_path: Path) -> None:
    table = tmp_path / "cases.csv"
    table.write_text(HEADER)
    result = CliRunner().invoke(
        standards, ["audit", str(table), "--authority", "walsal", "--on", "2026-02-02",
                    "--packs", str(packs)],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "did you mean 'walsall'" in result.stderr


def test_out_and_summary_are_written_whole(packs: Path, tmp_path: Path) -> None:
    table = tmp_path / "cases.csv"
    table.write_text(HEADER + "W1,child_in_need,plan_start,2025-12-01,,\n")
    out, summary = tmp_path / "result.csv", tmp_path / "summary.json"
    out.write_text("an earlier result\n")
    code, printed, err = run(packs, table, "--out", str(out), "--summary-json", str(summary))
    assert code == 0, err
    assert printed == ""
    assert [r["rule"] for r in rows_of(out.read_text())] == [
        "walsall/cin-visits-and-reviews/cin-home-visits",
        "walsall/cin-visits-and-reviews/cin-review-every-twelve-weeks",
    ]
    facts = json.loads(summary.read_text())
    assert (facts["rows"], facts["cases"], facts["case_rules_overdue"]) == (1, 1, 1)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("authority", ["england", "gloucestershire", "st-helens", "walsall"])
def test_vectorised_audit_matches_the_case_by_case_reference(packs: Path, authority: str) -> None:
    pack = open_pack(packs, authority, ON)
    raw = json.loads((packs / authority / f"{pack.name}.json").read_text())
    text = generate_cases(raw, 3000, on=ON, seed=7, bad_per_thousand=5)
    result = audit(read_cases(text, pack), pack, ON)
    expected, problems = audit_case_by_case(text, pack, ON)
    assert render_audit(result) == expected
    assert [(p.line, p.message) for p in summarise(result).unreadable] == problems
    assert problems, "the generator's unreadable rows were not reported"
    assert "overdue" in expected and ",due," in expected


EVENTS = ["plan_start", "statutory_visit", "cin_meeting", "placement_start", "visit"]


@settings(deadline=None, max_examples=60)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "C,1", 'D"2']),
            st.sampled_from(["child_in_need", "child_in_care", "child_protection"]),
            st.sampled_from(EVENTS),
            st.dates(date(2024, 1, 1), date(2026, 6, 1)),
            st.sampled_from(["", "child_seen_alone=false", "manager_approved=true"]),
        ),
        max_size=25,
    )
)
def test_any_small_table_is_judged_the_same_both_ways(packs: Path, rows: list[tuple]) -> None:
    pack = open_pack(packs, "walsall", ON)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER.strip().split(","))
    for case, group, event, day, facts in rows:
        writer.writerow([case, group, event, day.isoformat(), facts, ""])
    text = buffer.getvalue()
    result = audit(read_cases(text, pack), pack, ON)
    expected, problems = audit_case_by_case(text, pack, ON)
    assert render_audit(result) == expected
    assert [(p.line, p.message) for p in summarise(result).unreadable] == problems


def test_the_earliest_rule_of_a_case_binds_statutory_rules_beside_local_ones(
    packs: Path, tmp_path: Path
) -> None:
    # Issue 11, case 5, as an audit: a child placed for adoption in Gloucestershire, placed on
    # Mon 5 Jan 2026 and visited on Mon 12 Jan. The local rule allows 6 weeks (23 Feb); the
    # Adoption Agencies Regulations require weekly visits until the first review (19 Jan).
    table = tmp_path / "cases.csv"
    table.write_text(
        HEADER
        + "A1,child_in_care,placement_start,2026-01-05,,placement_type=placed_for_adoption\n"
        + "A1,child_in_care,statutory_visit,2026-01-12,,placement_type=placed_for_adoption\n"
    )
    pack = open_pack(packs, "gloucestershire", date(2026, 1, 20))
    result = render_audit(audit(read_cases(table.read_text(), pack), pack, date(2026, 1, 20)))
    visits = {r["rule"]: r for r in rows_of(result) if r["activity"] == "statutory_visit"}
    statutory = visits["england/adoption-agencies-regulations-2005/reg-36-visits"]
    local = visits["gloucestershire/home-visiting/cic-statutory-visit"]
    assert (statutory["next_due"], statutory["status"], statutory["binding"]) == (
        "2026-01-19",
        "overdue",
        "true",
    )
    assert (local["next_due"], local["binding"]) == ("2026-02-23", "false")
    expected, _ = audit_case_by_case(table.read_text(), pack, date(2026, 1, 20))
    assert result == expected
