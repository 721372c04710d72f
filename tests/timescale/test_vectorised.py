"""Due dates for many cases at once: worked examples (the property tests hold it to the scalar)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from compiler.calendar import CalendarError, load_calendar
from compiler.timescale.model import Count, Deadline, Duration, Once, Phase, Recurrence
from compiler.timescale.vectorised import DAY, due_array, schedule_array

ENGLAND = load_calendar("england-and-wales")
WEEKLY_THEN_FORTNIGHTLY = Recurrence(
    "plan_start",
    (Phase(Duration(1, "weeks"), lasts=Duration(1, "months")), Phase(Duration(2, "weeks"))),
)
WEEKLY_UNTIL_REVIEW = Recurrence("placement_start", (Phase(Duration(1, "weeks"), until="review"),))


def dates(*values: str) -> np.ndarray:
    return np.array(values, dtype=DAY)


def test_design_example_for_two_cases_at_once() -> None:
    found = schedule_array(
        WEEKLY_THEN_FORTNIGHTLY, dates("2026-01-01", "2026-01-02"), ENGLAND, occurrences=6
    )
    assert found.tolist() == [
        [date(2026, 1, d) for d in (8, 15, 22, 29)] + [date(2026, 2, 5), date(2026, 2, 19)],
        [date(2026, 1, d) for d in (9, 16, 23, 30)] + [date(2026, 2, 6), date(2026, 2, 20)],
    ]


def test_a_rule_that_ends_leaves_no_occurrence_after_it() -> None:
    reviews = {"review": dates("2026-01-28", "NaT")}
    found = schedule_array(
        WEEKLY_UNTIL_REVIEW,
        dates("2026-01-05", "2026-01-05"),
        ENGLAND,
        events=reviews,
        occurrences=5,
    )
    assert found[0].tolist() == [date(2026, 1, d) for d in (12, 19, 26)] + [date(2026, 2, 2), None]
    assert found[1].tolist()[-1] == date(2026, 2, 9)  # no review yet: weekly goes on


@pytest.mark.parametrize(
    ("timescale", "expected"),
    [
        (Deadline(Duration(24, "hours"), "visit"), [date(2025, 11, 4), None, None]),
        (Once("sentencing"), [date(2025, 11, 3), None, None]),
        (Count(2, "week", "plan_start"), [date(2025, 11, 9)] * 2 + [date(2025, 11, 16)]),
    ],
)
def test_one_off_timescales_fill_the_first_column(timescale, expected: list[date | None]) -> None:
    assert schedule_array(timescale, dates("2025-11-03"), ENGLAND, occurrences=3).tolist() == [
        expected
    ]


def test_due_array_counts_from_each_case_s_last_visit() -> None:
    every_10 = Recurrence("plan_start", (Phase(Duration(10, "working_days")),))
    found = due_array(
        every_10,
        dates("2025-12-01", "2025-12-01", "2025-12-01"),
        ENGLAND,
        last=dates("NaT", "2025-12-19", "2025-11-28"),  # the last was before the plan started
    )
    assert found.tolist() == [date(2025, 12, 15), date(2026, 1, 7), date(2025, 12, 15)]


def test_due_array_for_a_deadline_is_empty_once_done() -> None:
    record = Deadline(Duration(24, "hours"), "visit")
    found = due_array(
        record, dates("2025-11-03", "2025-11-03"), ENGLAND, dates("NaT", "2025-11-04")
    )
    assert found.tolist() == [date(2025, 11, 4), None]


def test_working_days_past_the_calendar_are_refused() -> None:
    every_10 = Recurrence("plan_start", (Phase(Duration(10, "working_days")),))
    with pytest.raises(CalendarError, match="outside the england-and-wales calendar"):
        schedule_array(every_10, dates("2020-01-01", "2070-12-01"), ENGLAND, occurrences=3)


def test_starts_must_be_one_dimensional() -> None:
    with pytest.raises(ValueError, match="one-dimensional"):
        schedule_array(WEEKLY_UNTIL_REVIEW, dates("2026-01-05").reshape(1, 1), ENGLAND)
