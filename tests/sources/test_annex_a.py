"""``standards audit --annex-a``: Lists 3 to 8 found by pattern; the snapshot the SSD implies."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from benchmarks.generate_annex_a import write_annex_a
from benchmarks.generate_ssd import generate_ssd, write_duckdb
from compiler.cli import standards
from compiler.evaluator.evaluate import open_pack
from compiler.sources.annex_a import normalised, read_annex_a
from compiler.sources.annex_a_audit import audit_annex_a
from compiler.sources.audit_html import render_report
from compiler.sources.records_audit import audit_ssd, report_json

ON = date(2026, 1, 9)


@pytest.fixture(scope="module")
def generated() -> dict:
    return generate_ssd(300, until=ON, seed=7)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("authority", ["gloucestershire", "walsall"])
def test_an_annex_a_made_from_the_ssd_gives_the_snapshot_the_ssd_gives(
    generated: dict, packs: Path, tmp_path: Path, authority: str
) -> None:
    write_duckdb(generated, tmp_path / "ssd.duckdb")
    write_annex_a(generated, ON, tmp_path / "annex.xlsx")
    pack = open_pack(packs, authority, ON)
    ssd = audit_ssd(str(tmp_path / "ssd.duckdb"), None, pack, ON, None)
    annex = audit_annex_a(tmp_path / "annex.xlsx", pack, ON)
    both = {r.id for r in ssd.judged.pack.rules} & {r.id for r in annex.judged.pack.rules}
    plain = {r.id for r in pack.rules if not r.subject.qualifiers and r.id in both}
    person = dict(zip(ssd.records.cases.case_ids, ssd.records.person, strict=True))

    def key(row: dict[str, str], ids: dict[str, str]) -> tuple[str, ...]:
        return (ids.get(row["case_id"], row["case_id"]), row["group"], row["rule"],
                row["last_done"], row["next_due"], row["status"], row["days_overdue"])  # fmt: skip

    # Annex A has no placement type: a child the SSD knows is placed with parents under a
    # care order is judged by the general rule from Annex A (the report says so); leave them out.
    cases = ssd.records.cases
    qualified = {person[cases.case_ids[i]] for i in cases.qualifiers} - {
        person[cases.case_ids[i]] for i, q in cases.qualifiers.items() if not _special(pack, q)
    }
    from_ssd = {key(r, person) for r in rows(ssd.table) if r["rule"] in plain}
    from_annex = {key(r, {}) for r in rows(annex.table) if r["rule"] in plain}
    from_ssd = {k for k in from_ssd if k[0] not in qualified}
    from_annex = {k for k in from_annex if k[0] not in qualified}
    assert len(from_ssd) > 50 and any(k[5] == "overdue" for k in from_ssd)
    assert from_annex == from_ssd


def _special(pack: object, qualifiers: dict[str, str]) -> bool:
    """Whether a rule for particular placements or orders covers a case with ``qualifiers``."""
    return any(
        rule.subject.qualifiers
        and all(qualifiers.get(name) in values for name, values in rule.subject.qualifiers)
        for rule in pack.rules  # type: ignore[attr-defined]
    )


def test_headers_are_matched_whatever_their_spacing_case_and_punctuation(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "LIST 7 (CP)"
    sheet.append(["Annex A, List 7"])
    sheet.append([" CHILD unique-ID ", "Child protection plan start date:",
                  "Date of last statutory visit ", "Allocated  Team"])  # fmt: skip
    sheet.append(["A1", "01/12/2025", date(2025, 12, 19), "North"])
    sheet.append(["A2", "not a date", None, "North"])
    book.save(tmp_path / "annex.xlsx")
    annex = read_annex_a(tmp_path / "annex.xlsx", ON)
    assert annex.kinds == {"child_protection": frozenset({"plan_start", "statutory_visit"})}
    assert "'Date of last statutory visit ' -> statutory_visit" in " ".join(annex.used)
    assert "List 6: no tab found (looked for a name with 'list 6')" in annex.used
    problems = [(p.table, p.key, p.reason) for p in annex.records.problems]
    assert problems == [
        ("List 7 row 4", "A2", "'not a date' in 'Child protection plan start date:' is not a date")
    ]
    assert normalised(" Date of Last  Statutory-Visit ") == "date of last statutory visit"


def test_a_list_without_a_required_column_exits_2_naming_it(packs: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "List 8"
    book.active.append(["Child Unique ID", "Date of Latest Statutory Review"])
    book.save(tmp_path / "annex.xlsx")
    result = CliRunner().invoke(
        standards,
        ["audit", "--annex-a", str(tmp_path / "annex.xlsx"), "--authority", "walsall",
         "--on", ON.isoformat(), "--packs", str(packs)],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "List 8" in result.stderr and "last social work visit" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_no_workbook_exits_2(packs: Path, tmp_path: Path) -> None:
    (tmp_path / "annex.xlsx").write_text("case_id\n", encoding="utf-8")
    result = CliRunner().invoke(
        standards,
        ["audit", "--annex-a", str(tmp_path / "annex.xlsx"), "--authority", "walsall",
         "--on", ON.isoformat(), "--packs", str(packs)],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "cannot be read as an .xlsx workbook" in result.stderr


def test_lists_3_4_and_5_start_the_assessment_and_conference_clocks(
    packs: Path, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    book.active.title = "List 3"
    for row in (
        ["Child Unique ID", "Date of Referral", "Referral NFA?"],
        ["R1", date(2025, 12, 19), "b) No"],
        ["R2", date(2025, 12, 19), "a) Yes"],
    ):
        book.active.append(row)  # fmt: skip
    four = book.create_sheet("List 4")
    four.append(["Child Unique ID", "Continuous Assessment Start Date",
                 "Continuous Assessment Date of Authorisation"])  # fmt: skip
    four.append(["R1", date(2025, 12, 22), None])
    five = book.create_sheet("List 5")
    for row in (
        [
            "Child Unique ID",
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?",
            "Date of Initial Child Protection Conference",
        ],
        ["S1", date(2025, 12, 19), "No", None],
        ["S2", date(2025, 12, 19), "Yes", None],
        ["S3", date(2025, 12, 19), "No", date(2026, 1, 14)],
    ):
        five.append(row)  # fmt: skip
    book.save(tmp_path / "annex.xlsx")
    on = date(2026, 1, 16)
    found = audit_annex_a(tmp_path / "annex.xlsx", open_pack(packs, "walsall", on), on)
    got = {(r["case_id"], r["activity"]): r for r in rows(found.table)}
    # 45 working days from Friday 19 December 2025, across Christmas: 25 February 2026.
    assert got[("R1", "child_and_family_assessment")]["next_due"] == "2026-02-25"
    # 15 working days from 19 December (22-24, 29-31 Dec, 2, 5-9, 12-14 Jan): 14 January.
    assert got[("S1", "initial_child_protection_conference")]["next_due"] == "2026-01-14"
    assert got[("S1", "initial_child_protection_conference")]["days_overdue"] == "2"
    assert got[("S3", "initial_child_protection_conference")]["status"] == "done"
    assert ("R2", "child_and_family_assessment") not in got
    assert ("S2", "initial_child_protection_conference") not in got
    assert sum(found.records.left_out.values()) == 2
    assert "List 5 (tab &#x27;List 5&#x27;)" in render_report(found)
    used = report_json(found)["columns_used"]
    assert used[0].startswith("List 3 (tab 'List 3'): 'Child Unique ID' -> id;")
    assert (
        "'Date of Initial Child Protection Conference' -> initial_child_protection_conference"
        in (used[2])
    )


def test_a_count_per_month_is_not_judged_from_annex_a(
    generated: dict, packs: Path, tmp_path: Path
) -> None:
    from dataclasses import replace

    write_annex_a(generated, ON, tmp_path / "annex.xlsx")
    pack = open_pack(packs, "unnamed-trust", ON)
    twice = "unnamed-trust/planning-and-seeing-children/cp-seen-twice-a-month"
    # The trust's "seen twice a calendar month", as if it counted statutory visits.
    pack = replace(pack, rules=tuple(
        replace(r, activity="statutory_visit") if r.id == twice else r for r in pack.rules
    ))  # fmt: skip
    found = audit_annex_a(tmp_path / "annex.xlsx", pack, ON)
    why = {u.rule: u.reason for u in found.judged.unjudged}
    assert "Annex A has the latest only" in why[twice]
    assert twice not in found.table
