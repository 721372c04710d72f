"""When twenty years of start dates say no more than four: comparisons without a calendar.

The floor compares a local rule with a statutory one over twenty years of start
dates (:func:`compiler.timescale.compare.compare`), which is most of the cost of
building rule packs. For timescales counted in calendar days, weeks, months and
years alone (no working days, no calendar weeks or months of a :class:`Count`),
a schedule depends on the start date only through its place in the four-year
leap cycle: between 1 March 1900 and 28 February 2100 every four years hold
exactly 1461 days, so moving a start date (and the events, which are dated from
it) by 1461 days moves every due date by 1461 days. Twenty years of start dates
from any day hold every place in the cycle, and the first 1461 of them hold each
place first. So over those 1461 start dates :func:`compare` finds the same
relation and the very same witnesses (the earliest difference and the first
largest one, in the same order) as over twenty years, at a fifth of the cost;
and no calendar is consulted, so authorities with different bank holidays or
closures share the comparison.

tests/property/test_periodic_laws.py holds the two horizons to each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from compiler.calendar import Calendar
from compiler.timescale.dates import add_months
from compiler.timescale.model import Deadline, Duration, Once, Recurrence, Timescale

CYCLE_DAYS = 1461
"""Days in four Gregorian years that hold one 29 February (every four years, 1901-2099)."""

_CYCLE_FROM, _CYCLE_UNTIL = date(1900, 3, 1), date(2100, 2, 28)
"""The days over which every four years hold exactly :data:`CYCLE_DAYS` days."""

NO_CALENDAR = Calendar("no calendar", (), range(_CYCLE_FROM.year, _CYCLE_UNTIL.year + 1))
"""Handed to :func:`compare` where a comparison consults no calendar (a cache key shared by all)."""

_CALENDAR_UNITS = frozenset({"hours", "days", "weeks", "months", "years"})
_REACH_DAYS = {"hours": 1, "days": 1, "weeks": 7, "months": 31, "years": 366}
"""An upper bound on the days one unit can span, for bounding how far a schedule reaches."""


def durations(timescale: Timescale) -> tuple[Duration, ...] | None:
    """Every duration a timescale counts with, or None if it also counts calendar periods."""
    if isinstance(timescale, Deadline):
        return (timescale.within,)
    if isinstance(timescale, Once):
        return ()
    if isinstance(timescale, Recurrence):
        found = [*timescale.first, *([timescale.cap] if timescale.cap else [])]
        for phase in timescale.phases:
            found.extend([phase.every, *([phase.lasts] if phase.lasts else [])])
        return tuple(found)
    return None  # a Count's calendar weeks fall on weekdays, which repeat every 400 years only


def cycle_horizon(
    a: Timescale,
    b: Timescale,
    since: date,
    horizon_years: int = 20,
    occurrences: int = 12,
) -> int | None:
    """:data:`CYCLE_DAYS` if comparing ``a`` and ``b`` over that many start dates from ``since``
    is exactly comparing them over ``horizon_years``; None if it may not be.

    >>> from compiler.timescale.model import Phase
    >>> monthly = Recurrence("plan_start", (Phase(Duration(1, "months")),))
    >>> every_10 = Recurrence("plan_start", (Phase(Duration(10, "working_days")),))
    >>> cycle_horizon(monthly, monthly, date(2024, 1, 1))
    1461
    >>> cycle_horizon(monthly, every_10, date(2024, 1, 1)) is None
    True
    """
    return CYCLE_DAYS if cycle_holds((a, b), since, horizon_years, occurrences) else None


def cycle_holds(
    timescales: Iterable[Timescale], since: date, horizon_years: int = 20, occurrences: int = 12
) -> bool:
    """Whether any two of ``timescales`` compare alike over twenty years of start dates from
    any 1 January on or after ``since`` that keeps them where the cycle holds: then whether
    one is ever later than the other depends neither on that year nor on a calendar."""
    reaches = []
    for timescale in timescales:
        spans = durations(timescale)
        if spans is None or any(d.unit not in _CALENDAR_UNITS for d in spans):
            return False
        reaches.append(occurrences * sum(d.amount * _REACH_DAYS[d.unit] for d in spans))
    # Every date a schedule can reach, from the first start to the last due date, must lie
    # where the cycle holds; the events are at most half a year after the start.
    reach = sum(sorted(reaches)[-2:]) + 366
    first = since - timedelta(days=reach)  # "within N before an event" counts backwards
    last = add_months(since, 12 * horizon_years) + timedelta(days=reach)
    return first >= _CYCLE_FROM and last <= _CYCLE_UNTIL
