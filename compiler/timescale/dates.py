"""Adding a duration to a date, as practitioners count it.

The counting rules are decided once, in ``DESIGN.md``, so that every tool
agrees on them:

- hours round up to whole calendar days, because a case record holds dates
  only: within 24 hours of Monday is Tuesday, and so is within 1 hour;
- working hours mean the number of working days the author stated;
- working days are counted after the day of the event (see
  :meth:`compiler.calendar.Calendar.add_working_days`);
- days and weeks are calendar days; months are calendar months, clipped to
  the end of a shorter month (31 January + 1 month is 28 or 29 February);
  years are 12 months (29 February + 1 year is 28 February).

>>> from compiler.calendar import load_calendar
>>> add(date(2024, 1, 31), Duration(1, "months"), load_calendar("england-and-wales"))
datetime.date(2024, 2, 29)
"""

from __future__ import annotations

import calendar as gregorian
from datetime import date, timedelta

from compiler.calendar import Calendar
from compiler.timescale.model import Duration


def add(day: date, duration: Duration, calendar: Calendar) -> date:
    """The last day within ``duration`` of ``day``.

    >>> from compiler.calendar import load_calendar
    >>> add(date(2025, 12, 22), Duration(48, "hours"), load_calendar("england-and-wales"))
    datetime.date(2025, 12, 24)
    """
    return _shift(day, duration, calendar, 1)


def subtract(day: date, duration: Duration, calendar: Calendar) -> date:
    """The latest day at least ``duration`` before ``day`` (the mirror of :func:`add`).

    >>> from compiler.calendar import load_calendar
    >>> subtract(date(2025, 3, 31), Duration(1, "months"), load_calendar("england-and-wales"))
    datetime.date(2025, 2, 28)
    """
    return _shift(day, duration, calendar, -1)


def calendar_days(duration: Duration) -> int | None:
    """How many calendar days a duration always is, or None if that depends on the date.

    >>> calendar_days(Duration(2, "weeks")), calendar_days(Duration(1, "months"))
    (14, None)
    """
    if duration.unit == "hours":
        return -(-duration.amount // 24)
    if duration.unit == "days":
        return duration.amount
    if duration.unit == "weeks":
        return 7 * duration.amount
    return None


def months_of(duration: Duration) -> int | None:
    """How many calendar months a duration in months or years is, else None."""
    if duration.unit == "months":
        return duration.amount
    if duration.unit == "years":
        return 12 * duration.amount
    return None


def working_days_of(duration: Duration) -> int | None:
    """How many working days a duration in working days or working hours is, else None."""
    if duration.unit == "working_days":
        return duration.amount
    if duration.unit == "working_hours":
        return duration.working_days
    return None


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clipped to the end of a shorter month.

    >>> add_months(date(2023, 3, 31), -1)
    datetime.date(2023, 2, 28)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = gregorian.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _shift(day: date, duration: Duration, calendar: Calendar, sign: int) -> date:
    days = calendar_days(duration)
    if days is not None:
        return day + timedelta(days=sign * days)
    months = months_of(duration)
    if months is not None:
        return add_months(day, sign * months)
    working = working_days_of(duration)
    assert working is not None, duration
    return calendar.add_working_days(day, sign * working)
