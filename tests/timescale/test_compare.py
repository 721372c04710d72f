"""Comparing timescales: exact relations and the dated witnesses that explain them."""

from __future__ import annotations

from datetime import date

import pytest

import compiler.timescale.compare
from compiler.calendar import load_calendar
from compiler.timescale.compare import Witness, compare, compare_brute_force
from compiler.timescale.model import Deadline, Duration, Phase, Recurrence

ENGLAND = load_calendar("england-and-wales")


def every(amount: int, unit: str) -> Recurrence:
    return Recurrence("plan_start", (Phase(Duration(amount, unit)),))


EVERY_10_WORKING_DAYS = every(10, "working_days")
FORTNIGHTLY = every(2, "weeks")


def test_working_days_and_fortnightly_are_incomparable_around_christmas() -> None:
    found = compare(
        EVERY_10_WORKING_DAYS,
        FORTNIGHTLY,
        ENGLAND,
        horizon_start=date(2025, 12, 19),
        horizon_days=30,
        occurrences=1,
    )
    assert found.relation == "incomparable"
    assert found.witnesses == (
        # Where 10 working days is earlier: the first weekend start without a holiday
        # in the next fortnight (a Saturday: a day earlier), then the largest gap (a Sunday).
        Witness(date(2026, 1, 3), 1, date(2026, 1, 16), date(2026, 1, 17)),
        Witness(date(2026, 1, 4), 1, date(2026, 1, 16), date(2026, 1, 18)),
        # Where it is later: Fri 19 Dec, over Christmas and New Year, which is also the
        # largest difference (five days).
        Witness(date(2025, 12, 19), 1, date(2026, 1, 7), date(2026, 1, 2)),
    )


def test_working_days_and_fortnightly_over_twenty_years() -> None:
    found = compare(EVERY_10_WORKING_DAYS, FORTNIGHTLY, ENGLAND)
    assert found.relation == "incomparable"
    earlier, *_ = found.witnesses
    # Sat 4 Jan 2020: 10 working days is Fri 17 Jan, a fortnight Sat 18 Jan.
    assert earlier == Witness(date(2020, 1, 4), 1, date(2020, 1, 17), date(2020, 1, 18))
    # From Wed 1 Jan 2020 the two agree until Easter: the 8th visit is due Fri 24 Apr
    # (Good Friday and Easter Monday pushed it back) against Wed 22 Apr.
    later = next(w for w in found.witnesses if w.a_date > w.b_date)
    assert later == Witness(date(2020, 1, 1), 8, date(2020, 4, 24), date(2020, 4, 22))


def test_every_two_weeks_is_every_fourteen_days() -> None:
    found = compare(FORTNIGHTLY, every(14, "days"), ENGLAND)
    assert found.relation == "equivalent"
    assert found.witnesses == ()


def test_fifteen_working_days_is_looser_than_ten() -> None:
    found = compare(every(15, "working_days"), EVERY_10_WORKING_DAYS, ENGLAND)
    assert found.relation == "looser"
    # From Wed 1 Jan 2020 (a bank holiday): 15 working days is Wed 22 Jan, 10 is Wed 15 Jan.
    assert found.witnesses[0] == Witness(date(2020, 1, 1), 1, date(2020, 1, 22), date(2020, 1, 15))
    assert all(w.a_date > w.b_date for w in found.witnesses)
    assert compare(EVERY_10_WORKING_DAYS, every(15, "working_days"), ENGLAND).relation == "stricter"


def test_a_deadline_is_looser_than_a_recurrence_after_its_one_date() -> None:
    within_a_week = Deadline(Duration(1, "weeks"), "plan_start")
    found = compare(within_a_week, every(1, "weeks"), ENGLAND, occurrences=2)
    assert found.relation == "looser"
    assert found.witnesses == (Witness(date(2020, 1, 1), 2, None, date(2020, 1, 15)),)


def test_conditional_phases_compare_under_the_facts_given() -> None:
    where_approved = Recurrence(
        "plan_start",
        (
            Phase(Duration(1, "weeks"), lasts=Duration(1, "months")),
            Phase(Duration(2, "weeks"), where=(("manager_approved", True),)),
        ),
    )
    assert compare(where_approved, every(1, "weeks"), ENGLAND).relation == "equivalent"
    approved = compare(where_approved, every(1, "weeks"), ENGLAND, {"manager_approved": True})
    assert approved.relation == "looser"


def test_the_witness_says_it_in_words() -> None:
    witness = Witness(date(2025, 12, 19), 1, date(2026, 1, 7), date(2026, 1, 2))
    assert witness.describe("every 10 working days", "fortnightly") == (
        "for a plan starting Fri 19 Dec 2025, every 10 working days gives Wed 7 Jan 2026 "
        "and fortnightly gives Fri 2 Jan 2026"
    )


def test_a_later_occurrence_and_a_missing_one_are_said_plainly() -> None:
    witness = Witness(date(2020, 1, 1), 2, None, date(2020, 1, 15))
    assert witness.describe("within a week", "weekly", start_noun="a child placed on") == (
        "for a child placed on Wed 1 Jan 2020, the 2nd time: within a week does not require it "
        "and weekly gives Wed 15 Jan 2020"
    )


@pytest.mark.parametrize(
    "k, word", [(1, "1st"), (3, "3rd"), (11, "11th"), (12, "12th"), (22, "22nd")]
)
def test_ordinals(k: int, word: str) -> None:
    assert compiler.timescale.compare.ordinal(k) == word


def test_brute_force_agrees_on_the_christmas_example() -> None:
    arguments = dict(horizon_start=date(2025, 12, 1), horizon_days=45, occurrences=4)
    assert compare_brute_force(EVERY_10_WORKING_DAYS, FORTNIGHTLY, ENGLAND, **arguments) == compare(
        EVERY_10_WORKING_DAYS, FORTNIGHTLY, ENGLAND, **arguments
    )
