"""The formatter: plain English a social worker reads, which is also shorthand that reads back."""

from __future__ import annotations

import pytest

from compiler.timescale.format import format_timescale
from compiler.timescale.model import (
    Count,
    Deadline,
    Duration,
    Once,
    Phase,
    Recurrence,
    Timescale,
    TimescaleError,
)
from compiler.timescale.parse import parse_timescale

WEEK = Duration(1, "weeks")
FORTNIGHT = Duration(2, "weeks")
MONTH = Duration(1, "months")


def every(amount: int, unit: str) -> Recurrence:
    return Recurrence("plan_start", (Phase(Duration(amount, unit)),))


CASES: list[tuple[Timescale, str]] = [
    (Deadline(Duration(24, "hours"), "visit"), "within 24 hours of the visit"),
    (
        Deadline(Duration(5, "working_days"), "child_protection_conference", before=True),
        "at least 5 working days before the conference",
    ),
    (Deadline(WEEK, "supervision"), "within one week of the supervision session"),
    (
        Deadline(Duration(1, "working_days"), "referral_received"),
        "within one working day of the referral being received",
    ),
    (
        Deadline(Duration(48, "working_hours", working_days=2), "failed_visit"),
        "within 48 working hours (2 working days) of the failed visit",
    ),
    (
        Deadline(Duration(1, "working_hours", working_days=1), "visit"),
        "within one working hour (1 working day) of the visit",
    ),
    (
        Deadline(MONTH, "fostering_application"),
        "within one calendar month of the start of the fostering assessment",
    ),
    (Deadline(Duration(5, "months"), "carer_approved"), "within 5 months of the carer's approval"),
    (Once("sentencing"), "at least once before sentencing"),
    (Once("second_review"), "at least once before the second review"),
    (Count(2, "calendar_month", "plan_start"), "twice a calendar month from the start of the plan"),
    (Count(1, "week", "plan_start"), "once a calendar week from the start of the plan"),
    (Count(3, "year", "plan_start"), "3 times a calendar year from the start of the plan"),
    (every(10, "working_days"), "every 10 working days from the start of the plan"),
    (every(1, "months"), "every calendar month from the start of the plan"),
    (every(3, "months"), "every 3 months from the start of the plan"),
    (every(1, "days"), "daily from the start of the plan"),
    (every(1, "weeks"), "weekly from the start of the plan"),
    (every(2, "weeks"), "fortnightly from the start of the plan"),
    (every(4, "weeks"), "every 4 weeks from the start of the plan"),
    (every(1, "years"), "every year from the start of the plan"),
    (every(1, "hours"), "every hour from the start of the plan"),
    (every(1, "working_days"), "every working day from the start of the plan"),
    (
        Recurrence(
            "plan_start",
            (Phase(WEEK, lasts=MONTH), Phase(FORTNIGHT, where=(("manager_approved", True),))),
            cap=Duration(4, "weeks"),
        ),
        "weekly for the first month from the start of the plan, then fortnightly where approved "
        "by the manager, never further apart than 4 weeks",
    ),
    (
        Recurrence(
            "placement_start",
            (
                Phase(Duration(6, "weeks"), lasts=Duration(1, "years")),
                Phase(Duration(3, "months"), where=(("placement_intended_until_18", True),)),
            ),
            first=(WEEK,),
        ),
        "within one week of the start of the placement, then every 6 weeks for the first year, "
        "then every 3 months where the placement is intended to last until the child is 18",
    ),
    (
        Recurrence(
            "placement_start", (Phase(WEEK, until="first_review"), Phase(Duration(4, "weeks")))
        ),
        "weekly from the start of the placement until the first review, then every 4 weeks",
    ),
    (
        Recurrence(
            "plan_start",
            (
                Phase(WEEK, lasts=Duration(6, "weeks")),
                Phase(FORTNIGHT, lasts=Duration(3, "months")),
                Phase(
                    Duration(4, "weeks"),
                    where=(
                        ("child_agrees", False),
                        ("iro_agreed", True),
                        ("manager_approved", True),
                    ),
                ),
            ),
        ),
        "weekly for the first 6 weeks from the start of the plan, then fortnightly for 3 months, "
        "then every 4 weeks unless the child agrees and where agreed by the IRO and approved by "
        "the manager",
    ),
    (
        Recurrence(
            "plan_start",
            (
                Phase(WEEK, lasts=MONTH),
                Phase(FORTNIGHT, where=(("child_agrees", False), ("iro_agreed", False))),
            ),
        ),
        "weekly for the first month from the start of the plan, then fortnightly unless the child "
        "agrees and unless agreed by the IRO",
    ),
]


@pytest.mark.parametrize(("timescale", "words"), CASES)
def test_timescale_written_as_a_practitioner_says_it(timescale: Timescale, words: str) -> None:
    assert format_timescale(timescale) == words


@pytest.mark.parametrize(("timescale", "words"), CASES)
def test_written_words_read_back_to_the_same_timescale(timescale: Timescale, words: str) -> None:
    assert parse_timescale(words) == timescale


def test_an_event_outside_the_vocabulary_is_written_as_its_id() -> None:
    assert format_timescale(Once("court_hearing")) == "at least once before court_hearing"


def test_anything_else_is_refused() -> None:
    with pytest.raises(TimescaleError, match="not a timescale"):
        format_timescale("within 24 hours")  # type: ignore[arg-type]
