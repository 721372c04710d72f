"""Working-day calendars: a nation's bank holidays plus an authority's closure days.

"Within 10 working days" means nothing without a calendar: England and Wales,
Scotland and Northern Ireland each have their own bank holidays, and some
authorities also close between Christmas and New Year. Bank holidays come from
the maintained ``holidays`` package, never from a hand-typed list, so that a
new coronation or state funeral arrives with an upgrade rather than an edit.
Which package country and subdivision a calendar id means is data, in
``schema/vocabulary/calendars.yaml``.

A calendar covers a fixed range of years. Outside it, the holidays are not
loaded, so asking whether a day is a working day there is an error rather than
a silent "every weekday works".

>>> england = load_calendar("england-and-wales")
>>> england.add_working_days(date(2025, 12, 19), 10)  # across Christmas and New Year
datetime.date(2026, 1, 7)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property, lru_cache
from importlib.metadata import version
from typing import TYPE_CHECKING

from compiler.errors import StandardsError
from compiler.util.user_cache import keep, read_kept
from compiler.vocabulary import suggest, vocabulary

if TYPE_CHECKING:
    import numpy as np

YEARS = range(2000, 2071)
"""Default years a calendar covers: 2018's standards plus a 20-year horizon, 12 yearly
occurrences beyond it and margin on both sides."""

WEEKMASK = "1111100"
"""Monday to Friday work, Saturday and Sunday do not (numpy's weekmask)."""


class CalendarError(StandardsError):
    """A calendar that cannot be used: an unknown id, or a date outside its years."""


@dataclass(frozen=True)
class Calendar:
    """The non-working weekdays of one calendar over a range of years.

    ``non_working`` holds every bank holiday (including the package's
    weekend "original date" entries, which are harmless for counting) and
    every closure day, sorted. ``named_holidays`` keeps the bank holidays with their
    names, as gov.uk lists them, for display.
    """

    id: str
    non_working: tuple[date, ...]
    years: range
    named_holidays: tuple[tuple[date, str], ...] = ()

    @cached_property
    def first_day(self) -> date:
        return date(self.years.start, 1, 1)

    @cached_property
    def last_day(self) -> date:
        return date(self.years[-1], 12, 31)

    @cached_property
    def _closed_weekdays(self) -> tuple[date, ...]:
        # Only non-working weekdays change a count of working days.
        return tuple(d for d in self.non_working if d.weekday() < 5)

    @cached_property
    def _closed_set(self) -> frozenset[date]:
        return frozenset(self._closed_weekdays)

    @cached_property
    def busdaycalendar(self) -> np.busdaycalendar:
        """The same calendar for ``numpy.busday_offset``, used by the vectorised path."""
        import numpy as np  # only the vectorised path needs it: `standards check` starts faster

        return np.busdaycalendar(
            weekmask=WEEKMASK, holidays=np.array(self._closed_weekdays, dtype="datetime64[D]")
        )

    def check(self, day: date) -> None:
        """Raise :class:`CalendarError` if ``day`` is outside the years this calendar covers."""
        if not self.first_day <= day <= self.last_day:
            raise CalendarError(
                f"{day.isoformat()} is outside the {self.id} calendar, which covers "
                f"{self.first_day.year} to {self.last_day.year}; working days cannot be "
                "counted there without its bank holidays (load_calendar takes other years)"
            )

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and neither a bank holiday nor a closure day.

        >>> load_calendar("england-and-wales").is_working_day(date(2025, 12, 26))
        False
        """
        self.check(day)
        return day.weekday() < 5 and day not in self._closed_set

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``th working day after ``day`` (before it when ``n`` is negative).

        The day itself never counts, working or not: from a Friday or a
        Saturday, 5 working days is the next Friday; -1 from a Monday or a
        Sunday is the Friday before. ``n == 0`` gives ``day`` back.

        >>> england = load_calendar("england-and-wales")
        >>> england.add_working_days(date(2025, 12, 20), 5)  # skips 25 and 26 December
        datetime.date(2025, 12, 30)
        """
        self.check(day)
        step = 1 if n > 0 else -1
        current, remaining = day, abs(n)
        # Jump over whole weekdays, then again over the closed weekdays the jump crossed.
        while remaining:
            target = _add_weekdays(current, remaining * step)
            self.check(target)
            remaining = self._closed_between(current, target)
            current = target
        return current

    def _closed_between(self, start: date, end: date) -> int:
        """Closed weekdays in (start, end] going forward, or in [end, start) going back."""
        closed = self._closed_weekdays
        if end > start:
            return bisect.bisect_right(closed, end) - bisect.bisect_right(closed, start)
        return bisect.bisect_left(closed, start) - bisect.bisect_left(closed, end)

    def bank_holidays(self, start: date, end: date) -> list[tuple[date, str]]:
        """The bank holidays from ``start`` to ``end`` inclusive, as gov.uk lists them.

        The package also lists a weekend holiday's original date beside its
        substitute day; those are left out here.

        >>> load_calendar("england-and-wales").bank_holidays(date(2022, 12, 24), date(2022, 12, 31))
        [(datetime.date(2022, 12, 26), 'Boxing Day'), (datetime.date(2022, 12, 27), 'Christmas Day (substitute day)')]
        """  # noqa: E501
        return [(day, name) for day, name in self.named_holidays if start <= day <= end]


def _add_weekdays(day: date, n: int) -> date:
    """The ``n``th Monday-to-Friday day after ``day`` (before it when negative), no holidays."""
    if n > 0:
        base = day - timedelta(days=max(day.weekday() - 4, 0))  # a weekend counts as its Friday
        weeks, rest = divmod(n, 5)
        extra = 2 if base.weekday() + rest > 4 else 0
        return base + timedelta(days=7 * weeks + rest + extra)
    base = day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 4 else 0)
    weeks, rest = divmod(-n, 5)
    extra = 2 if base.weekday() - rest < 0 else 0
    return base - timedelta(days=7 * weeks + rest + extra)


def load_calendar(
    calendar_id: str, closures: Iterable[date] = (), years: range = YEARS
) -> Calendar:
    """The calendar ``calendar_id`` (from the calendars vocabulary) with an authority's closures.

    Cached, so every rule of an authority shares one calendar.

    >>> closed = [date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)]
    >>> load_calendar("england-and-wales", closed).is_working_day(date(2025, 12, 30))
    False
    """
    return _load(calendar_id, tuple(sorted(set(closures))), years)


@lru_cache(maxsize=64)
def _load(calendar_id: str, closures: tuple[date, ...], years: range) -> Calendar:
    listed = _bank_holidays(calendar_id, years)
    calendar = Calendar(
        id=calendar_id,
        non_working=tuple(sorted({day for day, _ in listed} | set(closures))),
        years=years,
        named_holidays=tuple(
            (day, name.replace("(observed)", "(substitute day)"))
            for day, name in listed
            if day.weekday() < 5
        ),
    )
    outside = [day for day in closures if not calendar.first_day <= day <= calendar.last_day]
    if outside:
        raise CalendarError(
            f"closure day {outside[0].isoformat()} is outside the {calendar_id} calendar, which "
            f"covers {years[0]} to {years[-1]}; remove it or load the calendar with more years"
        )
    return calendar


@cache
def _bank_holidays(calendar_id: str, years: range) -> tuple[tuple[date, str], ...]:
    """Every entry the ``holidays`` package lists for the calendar, weekend originals too."""
    known = vocabulary().calendars
    if calendar_id not in known:
        hint = suggest(calendar_id, known) or "use one of " + ", ".join(sorted(known))
        raise CalendarError(f"unknown calendar {calendar_id!r}; {hint}")
    if years.step != 1 or not years:
        raise CalendarError(f"a calendar covers consecutive years, not {years!r}")
    entry = known[calendar_id]
    name = (
        f"bank-holidays/holidays-{version('holidays')}/"
        f"{entry['country']}-{entry['subdivision']}-{years[0]}-{years[-1]}.json"
    )
    kept = _as_holidays(read_kept(name), years)
    if kept is not None:
        return kept
    import holidays  # about 90 ms: it imports every country's module

    listed = holidays.country_holidays(entry["country"], subdiv=entry["subdivision"], years=years)
    worked_out = tuple(sorted(listed.items()))
    keep(name, [[day.isoformat(), title] for day, title in worked_out])
    return worked_out


def _as_holidays(kept: object, years: range) -> tuple[tuple[date, str], ...] | None:
    """Bank holidays kept by an earlier run, or None unless they are exactly such a list.

    >>> _as_holidays([["2025-12-25", "Christmas Day"]], range(2025, 2026))
    ((datetime.date(2025, 12, 25), 'Christmas Day'),)
    >>> _as_holidays([["2025-12-25", "Christmas Day"]], range(2000, 2001)) is None  # not its years
    True
    >>> _as_holidays([["25/12/2025", 1]], range(2025, 2026)) is None
    True
    """
    if not isinstance(kept, list) or not kept:
        return None
    listed: list[tuple[date, str]] = []
    for entry in kept:
        if not (
            isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry)
        ):
            return None
        try:
            day = date.fromisoformat(entry[0])
        except ValueError:
            return None
        if day.year not in years or (listed and listed[-1] > (day, entry[1])):
            return None
        listed.append((day, entry[1]))
    if {day.year for day, _ in listed} != set(years):  # a year without a bank holiday: cut short
        return None
    return tuple(listed)
