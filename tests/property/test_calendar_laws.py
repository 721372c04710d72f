"""Laws of working-day arithmetic, on every calendar and random closure days."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from compiler.calendar import Calendar, load_calendar
from compiler.timescale.due import schedule
from compiler.timescale.model import Deadline

from .strategies import calendars, durations, recurrences, starts

ENGLAND = load_calendar("england-and-wales")
amounts = st.integers(-40, 40)


def day_by_day(calendar: Calendar, day: date, n: int) -> date:
    """The simplest reading: step one day at a time, counting the working days passed."""
    step = timedelta(days=1 if n > 0 else -1)
    counted = 0
    while counted < abs(n):
        day += step
        counted += calendar.is_working_day(day)
    return day


@given(calendars(), starts, amounts)
@example(ENGLAND, date(2025, 12, 20), 5)  # a Saturday before Christmas
@example(ENGLAND, date(2025, 12, 25), -1)  # counting back from a bank holiday
@example(ENGLAND, date(2021, 12, 26), 1)  # a Sunday before two substitute days
def test_add_working_days_agrees_with_counting_day_by_day(
    calendar: Calendar, day: date, n: int
) -> None:
    assert calendar.add_working_days(day, n) == day_by_day(calendar, day, n)


@given(calendars(), starts, amounts, amounts)
def test_add_working_days_is_strictly_monotonic_in_n(
    calendar: Calendar, day: date, n: int, m: int
) -> None:
    low, high = sorted((n, m))
    if low < high:
        assert calendar.add_working_days(day, low) < calendar.add_working_days(day, high)


@given(calendars(), starts, st.integers(0, 20), amounts)
def test_add_working_days_is_monotonic_in_the_date(
    calendar: Calendar, day: date, later_by: int, n: int
) -> None:
    later = day + timedelta(days=later_by)
    assert calendar.add_working_days(day, n) <= calendar.add_working_days(later, n)


@given(calendars(), starts, amounts.filter(bool))
def test_a_working_day_count_always_lands_on_a_working_day(
    calendar: Calendar, day: date, n: int
) -> None:
    assert calendar.is_working_day(calendar.add_working_days(day, n))


@given(calendars(), starts, recurrences(working_only=True))
def test_working_day_recurrences_are_never_due_on_a_non_working_day(
    calendar: Calendar, start: date, recurrence
) -> None:
    assert all(calendar.is_working_day(day) for day in schedule(recurrence, start, calendar))


@given(calendars(), starts, durations(working_only=True), st.booleans())
def test_working_day_deadlines_are_never_due_on_a_non_working_day(
    calendar: Calendar, start: date, within, before: bool
) -> None:
    (due,) = schedule(Deadline(within, "start", before), start, calendar)
    assert calendar.is_working_day(due)
