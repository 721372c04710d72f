"""Laws of calendar-month arithmetic: clipping, never overflowing into the next month."""

from __future__ import annotations

import calendar as gregorian
from datetime import date

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from compiler.timescale.dates import add_months
from compiler.timescale.vectorised import add_months_array

days = st.dates(date(2000, 1, 1), date(2060, 12, 31))
months = st.integers(-120, 120)


@given(days, months)
@example(date(2024, 1, 31), 1)  # into a leap February
@example(date(2023, 3, 31), -1)  # back into a short February
@example(date(2025, 12, 31), 2)  # across a year end
def test_adding_months_lands_in_the_right_month_and_never_overflows(day: date, n: int) -> None:
    moved = add_months(day, n)
    assert moved.year * 12 + moved.month == day.year * 12 + day.month + n
    assert moved.day <= day.day
    if moved.day < day.day:
        assert moved.day == gregorian.monthrange(moved.year, moved.month)[1]


@given(days, months)
def test_adding_months_keeps_the_day_when_the_month_has_it(day: date, n: int) -> None:
    moved = add_months(day, n)
    if day.day <= 28:
        assert moved.day == day.day


@given(st.lists(days, min_size=1, max_size=20), months)
def test_vectorised_months_agree_with_scalar_months(dates: list[date], n: int) -> None:
    moved = add_months_array(np.array(dates, dtype="datetime64[D]"), n)
    assert moved.tolist() == [add_months(day, n) for day in dates]
