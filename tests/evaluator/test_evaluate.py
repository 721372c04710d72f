"""The evaluator: due dates from a rule pack alone, agreeing with a hand count from its JSON.

Every expected date below was counted by hand on a calendar of December 2025 and
January 2026 (Christmas Day and Boxing Day fall on Thursday and Friday, New
Year's Day on a Thursday).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import standards
from compiler.evaluator.evaluate import (
    Due,
    PackError,
    due,
    open_pack,
    pack_from_json,
    read_pack,
    subject_of,
)
from compiler.model import Subject
from tests.conftest import PACKS_DATE

TODAY = PACKS_DATE  # the shared packs fixture (tests/conftest.py) is built for it


def test_a_due_date_counted_by_hand_from_the_pack_json_matches_the_evaluator(
    packs: Path,
) -> None:
    # Only the standard library's json: what any other tool would do with a pack.
    with (packs / "gloucestershire" / "2023-12-01.json").open(encoding="utf-8") as handle:
        pack = json.load(handle)
    (rule,) = [r for r in pack["rules"] if r["id"].endswith("/cp-statutory-visit")]
    (phase,) = rule["timescale"]["recurrence"]["phases"]
    assert phase["every"] == {"amount": 10, "unit": "working_days"}
    closed = set(pack["calendar"]["non_working_days"])
    last_visit = day = date(2025, 12, 19)
    counted = 0
    while counted < phase["every"]["amount"]:  # the Nth working day after the day of the visit
        day += timedelta(days=1)
        if day.weekday() < 5 and day.isoformat() not in closed:
            counted += 1
    assert day == date(2026, 1, 7)

    evaluated = due(
        read_pack(packs / "gloucestershire" / "2023-12-01.json"),
        Subject("child_protection"),
        "statutory_visit",
        start=date(2025, 12, 1),
        done=[last_visit],
    )
    assert [(d.rule.id, d.next_due) for d in evaluated] == [
        ("gloucestershire/home-visiting/cp-statutory-visit", date(2026, 1, 7))
    ]


def test_the_pack_in_force_on_a_date_is_chosen_from_the_index(packs: Path) -> None:
    assert open_pack(packs, "gloucestershire", date(2020, 1, 1)).name == "2017-05-01"
    assert open_pack(packs, "gloucestershire", date(2023, 12, 1)).name == "2023-12-01"
    assert open_pack(packs, "gloucestershire").name == "current"
    with pytest.raises(PackError, match="first takes effect on 2017-05-01"):
        open_pack(packs, "gloucestershire", date(2016, 12, 31))
    with pytest.raises(PackError, match="did you mean 'gloucestershire'"):
        open_pack(packs, "gloucestershre")


def test_a_rule_for_all_children_applies_to_each_group_of_children_but_not_adults(
    packs: Path,
) -> None:
    pack = open_pack(packs, "st-helens")
    # within 5 working days of Fri 19 Dec 2025: 22, 23, 24, 29, 30 December
    (found,) = due(pack, Subject("child_protection"), "case_recording", date(2025, 12, 19))
    assert found.rule.id == "st-helens/practice-standards/case-notes-within-five-working-days"
    assert found.next_due == date(2025, 12, 30)
    assert due(pack, Subject("social_worker"), "case_recording", date(2025, 12, 19)) == []


def test_a_rule_overridden_by_one_that_applies_drops_out(packs: Path) -> None:
    pack = open_pack(packs, "gloucestershire")
    long_term = subject_of("child_in_care", [("placement_type", "long_term_foster")])
    agreed = {"child_agrees": True, "in_placement_at_least_one_year": True, "iro_agreed": True}
    found = local(
        due(pack, long_term, "statutory_visit", date(2024, 1, 15), [date(2025, 6, 1)], agreed)
    )
    long_term_rule = "gloucestershire/home-visiting/cic-long-term-foster-visits"
    assert [f.rule.id for f in found] == [long_term_rule]
    assert found[0].next_due == date(2025, 12, 1)  # every 6 calendar months
    general = local(due(pack, long_term, "statutory_visit", date(2024, 1, 15), [date(2025, 6, 1)]))
    assert [g.rule.id for g in general] == ["gloucestershire/home-visiting/cic-statutory-visit"]


def local(results: list[Due]) -> list[Due]:
    """The local rules among the results (the pack carries the statutory ones beside them)."""
    return [r for r in results if not r.rule.inherited]


def test_the_earliest_applicable_rule_binds_and_a_statutory_one_is_never_dropped(
    packs: Path,
) -> None:
    # Issue 11, case 5: Gloucestershire's general rule allows 6 weeks after the visit on 12 Jan,
    # but the Adoption Agencies Regulations (reg 36) require weekly visits until the first
    # review: the visit was due on Mon 19 Jan, and the pack must say so.
    pack = open_pack(packs, "gloucestershire", date(2026, 1, 20))
    adoption = subject_of("child_in_care", [("placement_type", "placed_for_adoption")])
    results = due(pack, adoption, "statutory_visit", date(2026, 1, 5), [date(2026, 1, 12)])
    (binding,) = [r for r in results if r.binding]
    assert binding.rule.id == "england/adoption-agencies-regulations-2005/reg-36-visits"
    assert binding.next_due == date(2026, 1, 19)
    assert binding.next_due == min(r.next_due for r in results if r.next_due is not None)
    assert "gloucestershire/home-visiting/cic-statutory-visit allows 2026-02-23" in binding.why


def test_a_deadline_met_leaves_nothing_due_and_an_unmet_one_counts_days_overdue(
    packs: Path,
) -> None:
    pack = open_pack(packs, "gloucestershire")
    # within 24 hours of a visit on Mon 22 Dec 2025: by Tue 23 Dec
    (open_deadline,) = due(pack, Subject("child_protection"), "visit_recording", date(2025, 12, 22))
    assert open_deadline.next_due == date(2025, 12, 23)
    assert open_deadline.days_overdue(date(2025, 12, 23)) == 0
    assert open_deadline.days_overdue(date(2025, 12, 27)) == 4
    (met,) = due(
        pack,
        Subject("child_protection"),
        "visit_recording",
        date(2025, 12, 22),
        [date(2025, 12, 23)],
    )
    assert met.next_due is None and met.days_overdue(date(2026, 1, 1)) == 0


def test_dates_outside_the_pack_horizon_are_refused(packs: Path) -> None:
    pack = open_pack(packs, "gloucestershire")  # in force from 2023: 2003 to 2043
    with pytest.raises(
        PackError, match=r"2050-01-03 is outside the horizon .*2003-01-01 to 2043-12-31"
    ):
        due(pack, Subject("child_protection"), "statutory_visit", date(2050, 1, 3))


def test_terms_the_pack_does_not_know_are_refused_with_a_suggestion(packs: Path) -> None:
    pack = open_pack(packs, "gloucestershire")
    with pytest.raises(PackError, match="unknown activity 'statutory_vist': did you mean"):
        due(pack, Subject("child_protection"), "statutory_vist", date(2025, 1, 6))
    with pytest.raises(PackError, match="unknown condition 'manager_aproved'"):
        due(
            pack,
            Subject("child_protection"),
            "statutory_visit",
            date(2025, 1, 6),
            (),
            {"manager_aproved": True},
        )
    wrong = subject_of("child_in_care", [("placement_type", "fostr_care")])
    with pytest.raises(PackError, match="unknown placement_type 'fostr_care'"):
        due(pack, wrong, "statutory_visit", date(2025, 1, 6))


def test_a_pack_of_another_major_format_version_is_refused(packs: Path) -> None:
    data = json.loads((packs / "walsall" / "current.json").read_text())
    pack_from_json(data)  # the current format reads
    data["format_version"] = "3.7.2"
    pack_from_json(data)  # a later minor version still reads
    # 1.x packs left statutory rules out, 2.x counted the law's working days over office closures
    for other in ("1.0.0", "2.2.0", "4.0.0"):
        data["format_version"] = other
        with pytest.raises(PackError, match=rf"format version '{other}' cannot be read"):
            pack_from_json(data)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(standards, ["due", *args])
    return result.exit_code, result.output


def test_standards_due_prints_the_date_and_the_rule_in_words(packs: Path) -> None:
    code, output = run(
        "--packs", str(packs), "--authority", "gloucestershire", "--subject", "child_protection",
        "--activity", "statutory_visit", "--from", "2025-12-01", "--last", "2025-12-19",
        "--on", "2026-01-09",
    )  # fmt: skip
    assert code == 0, output
    assert output.splitlines() == [
        "next due Wed 7 Jan 2026, overdue by 2 working days (2 calendar days) on Fri 9 Jan 2026",
        "  binding: the local rule gloucestershire/home-visiting/cp-statutory-visit requires "
        "'every 10 working days from the start of the plan'; no other rule applies",
        "gloucestershire/home-visiting/cp-statutory-visit (must, binds)",
        "  every 10 working days from the start of the plan",
        "  Home Visiting - children in need, child subject to a child protection plan and "
        "children in our care (including statutory compliance & responsibilities), version 1.0, "
        '"6. What is the frequency of visits?": "At least every 10 working days"',
        "  clock started: plan_start on Mon 1 Dec 2025",
        "  next due: Wed 7 Jan 2026 (2026-01-07)",
        "  on Fri 9 Jan 2026: overdue by 2 working days (2 calendar days)",
    ]


def test_standards_due_as_json_with_qualifiers_facts_and_events(packs: Path) -> None:
    code, output = run(
        "--packs", str(packs), "--authority", "st-helens", "--subject", "child_in_care",
        "--qualifier", "placement_type=placed_for_adoption", "--activity", "statutory_visit",
        "--from", "2025-12-01", "--last", "2025-12-08", "--last", "2025-12-15",
        "--event", "first_review=2025-12-22", "--on", "2025-12-22", "--format", "json",
    )  # fmt: skip
    assert code == 0, output
    data = json.loads(output)
    (result,) = [r for r in data["results"] if r["binding"]]
    assert {r["rule"] for r in data["results"]} == {
        "st-helens/practice-standards/adoptive-placement-visits",
        "england/adoption-agencies-regulations-2005/reg-36-visits",
    }
    # Both give the same date; on a tie the statutory rule is named as binding.
    assert result["rule"] == "england/adoption-agencies-regulations-2005/reg-36-visits"
    assert (result["next_due"], result["overdue"], result["days_overdue"]) == (
        "2025-12-22",
        False,
        0,
    )


def test_standards_due_says_when_no_rule_applies(packs: Path) -> None:
    code, output = run(
        "--packs", str(packs), "--authority", "walsall", "--subject", "social_worker",
        "--activity", "statutory_visit", "--from", "2025-12-01",
    )  # fmt: skip
    assert code == 1
    assert "no rule of the walsall pack 2024-03-04 applies" in output


def test_standards_due_refuses_a_bad_fact_without_a_traceback(packs: Path) -> None:
    code, output = run(
        "--packs", str(packs), "--authority", "walsall", "--subject", "child_in_need",
        "--activity", "statutory_visit", "--from", "2025-12-01", "--fact", "manager_approved=yes",
    )  # fmt: skip
    assert code == 2
    assert "write true or false" in output
