"""Adding durations to dates: the counting rules of DESIGN.md, by worked example."""

from __future__ import annotations

from datetime import date

import pytest

from compiler.calendar import load_calendar
from compiler.timescale.dates import add, add_months, subtract
from compiler.timescale.model import Duration

ENGLAND = load_calendar("england-and-wales")
MONDAY = date(2025, 11, 3)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1, date(2025, 11, 4)),  # within 1 hour of Monday: the record is due Tuesday
        (24, date(2025, 11, 4)),  # within 24 hours of Monday is Tuesday
        (25, date(2025, 11, 5)),
        (48, date(2025, 11, 5)),
        (72, date(2025, 11, 6)),
    ],
)
def test_hours_round_up_to_whole_days(amount: int, expected: date) -> None:
    assert add(MONDAY, Duration(amount, "hours"), ENGLAND) == expected


def test_hours_ignore_weekends_and_bank_holidays() -> None:
    christmas_eve = date(2025, 12, 24)
    assert add(christmas_eve, Duration(48, "hours"), ENGLAND) == date(2025, 12, 26)


def test_working_hours_mean_the_working_days_the_author_stated() -> None:
    friday = date(2025, 12, 19)
    assert add(friday, Duration(48, "working_hours", working_days=2), ENGLAND) == date(2025, 12, 23)


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        (date(2025, 11, 3), Duration(7, "days"), date(2025, 11, 10)),
        (date(2025, 12, 19), Duration(2, "weeks"), date(2026, 1, 2)),
        (date(2025, 12, 19), Duration(10, "working_days"), date(2026, 1, 7)),
        # Easter 2026: Good Friday 3 April, Easter Monday 6 April.
        (date(2026, 4, 2), Duration(2, "working_days"), date(2026, 4, 8)),
        (date(2024, 1, 31), Duration(1, "months"), date(2024, 2, 29)),
        (date(2023, 1, 31), Duration(1, "months"), date(2023, 2, 28)),
        (date(2025, 8, 31), Duration(1, "months"), date(2025, 9, 30)),
        (date(2025, 11, 30), Duration(3, "months"), date(2026, 2, 28)),
        (date(2025, 10, 31), Duration(6, "months"), date(2026, 4, 30)),
        (date(2025, 12, 15), Duration(1, "months"), date(2026, 1, 15)),
        (date(2024, 2, 29), Duration(1, "years"), date(2025, 2, 28)),
        (date(2024, 2, 29), Duration(4, "years"), date(2028, 2, 29)),
        (date(2025, 6, 30), Duration(2, "years"), date(2027, 6, 30)),
    ],
)
def test_add(start: date, duration: Duration, expected: date) -> None:
    assert add(start, duration, ENGLAND) == expected


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        (date(2025, 11, 4), Duration(24, "hours"), MONDAY),
        (date(2025, 3, 31), Duration(1, "months"), date(2025, 2, 28)),
        (date(2024, 3, 31), Duration(1, "months"), date(2024, 2, 29)),
        (date(2026, 1, 15), Duration(1, "months"), date(2025, 12, 15)),
        (date(2025, 2, 28), Duration(1, "years"), date(2024, 2, 28)),
        # At least 5 working days before a Monday conference is the Monday before.
        (date(2026, 1, 12), Duration(5, "working_days"), date(2026, 1, 5)),
        # Back across New Year: 2 Jan, (1 Jan bank holiday), 31, 30 Dec.
        (date(2026, 1, 5), Duration(3, "working_days"), date(2025, 12, 30)),
        (date(2026, 1, 2), Duration(2, "weeks"), date(2025, 12, 19)),
    ],
)
def test_subtract(start: date, duration: Duration, expected: date) -> None:
    assert subtract(start, duration, ENGLAND) == expected


def test_add_months_crosses_year_ends_both_ways() -> None:
    assert add_months(date(2025, 11, 30), 14) == date(2027, 1, 30)
    assert add_months(date(2025, 1, 31), -13) == date(2023, 12, 31)
