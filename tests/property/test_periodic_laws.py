"""The four-year cycle (compiler.rules.periodic): four years of start dates say what twenty do.

The floor and the packs compare calendar-day timescales over 1461 start dates, with no
calendar, instead of twenty years on the authority's calendar; these laws hold the short
comparison to the long one, witnesses included, and show that the calendar and the year
do not matter where the cycle is said to hold.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from compiler.calendar import load_calendar
from compiler.rules.periodic import CYCLE_DAYS, NO_CALENDAR, cycle_holds, cycle_horizon
from compiler.timescale.compare import compare
from compiler.timescale.model import Count, Duration, Phase, Recurrence

from .strategies import calendars, facts, starts, timescales

ENGLAND = load_calendar("england-and-wales")


def every(amount: int, unit: str) -> Recurrence:
    return Recurrence("start", (Phase(Duration(amount, unit)),))


QUICK = settings(
    max_examples=40,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
"""Each example compares over twenty years; the soak profile's long runs are for the oracles.
Many drawn timescales count working days or calendar periods and are filtered out, which a
loaded machine's health check can take for a bad strategy."""


@QUICK
@given(timescales(), timescales(), calendars(), starts, facts)
@example(every(1, "months"), every(30, "days"), ENGLAND, date(2024, 1, 1), {})
@example(every(12, "months"), every(1, "years"), ENGLAND, date(2023, 3, 1), {})
def test_four_years_of_start_dates_say_what_twenty_do(a, b, calendar, start, case_facts) -> None:
    days = cycle_horizon(a, b, start)
    assume(days is not None)
    assert days == CYCLE_DAYS
    long = compare(a, b, calendar, case_facts, horizon_start=start)
    short = compare(a, b, NO_CALENDAR, case_facts, horizon_start=start, horizon_days=days)
    assert short == long


@QUICK
@given(timescales(), timescales(), st.integers(2017, 2040), st.integers(2017, 2040), facts)
def test_where_the_cycle_holds_the_year_does_not_change_the_relation(
    a, b, year, other_year, case_facts
) -> None:
    first, second = date(year, 1, 1), date(other_year, 1, 1)
    assume(cycle_holds([a, b], first) and cycle_holds([a, b], second))
    one = compare(a, b, NO_CALENDAR, case_facts, horizon_start=first, horizon_days=CYCLE_DAYS)
    two = compare(a, b, NO_CALENDAR, case_facts, horizon_start=second, horizon_days=CYCLE_DAYS)
    assert one.relation == two.relation


def test_working_days_and_calendar_periods_are_outside_the_cycle() -> None:
    monthly = every(1, "months")
    assert cycle_horizon(monthly, every(10, "working_days"), date(2024, 1, 1)) is None
    assert cycle_horizon(monthly, Count(2, "week", "start"), date(2024, 1, 1)) is None
    assert cycle_horizon(monthly, monthly, date(2095, 1, 1)) is None  # 2100 is no leap year
    assert cycle_horizon(monthly, monthly, date(2024, 1, 1)) == CYCLE_DAYS
