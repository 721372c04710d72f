"""Is one timescale stricter than another? Exactly, and with dates that show why.

Rule A is at least as strict as rule B if, for every start date in the
horizon and every k, A's latest permitted date for its k-th occurrence is no
later than B's. An occurrence a rule does not require at all counts as later
than any date. So "every 10 working days" and "fortnightly" are incomparable:
each is later than the other for some start dates, around weekends and bank
holidays, and the witnesses say which.

>>> from compiler.calendar import load_calendar
>>> from compiler.timescale.model import Duration, Phase, Recurrence
>>> fortnightly = Recurrence("plan_start", (Phase(Duration(2, "weeks")),))
>>> every_14_days = Recurrence("plan_start", (Phase(Duration(14, "days")),))
>>> compare(fortnightly, every_14_days, load_calendar("england-and-wales")).relation
'equivalent'
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from compiler.calendar import Calendar
from compiler.timescale.dates import add_months
from compiler.timescale.due import schedule
from compiler.timescale.model import Recurrence, Timescale
from compiler.timescale.vectorised import DAY, schedule_array

EVENT_OFFSETS: tuple[int | None, ...] = (None, 28, 0, 1, 182)
"""Days after the start on which an event that ends a phase ("until the first review") is
tried: never, after four weeks, on the start day itself, the day after, after six months.
Comparing with the event never happening alone would hide every phase after it ("weekly until
the first review, then every 4 weeks" would equal "..., then every 26 weeks"). On the start
day the first phase never governs a gap; from the day after it governs the first; later
offsets show the phases after it within the compared occurrences.
tests/property/test_phased_comparison.py holds these five to a reference that tries every
day from the start to eight months on."""

EventScenario = tuple[tuple[str, int | None], ...]
"""``(event, days after the start or None for never)`` pairs, sorted by event."""

RELATIONS = ("equivalent", "stricter", "looser", "incomparable")

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NEVER = 1 << 40
"""A day number later than any date: what a missing occurrence counts as."""


def spoken(day: date) -> str:
    """A date as a person reads it, whatever the locale: ``Fri 19 Dec 2025``.

    >>> spoken(date(2025, 12, 19))
    'Fri 19 Dec 2025'
    """
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``22nd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def until_events(*timescales: Timescale) -> tuple[str, ...]:
    """Every event that ends a phase of one of ``timescales``, sorted."""
    found = {
        phase.until
        for t in timescales
        if isinstance(t, Recurrence)
        for phase in t.phases
        if phase.until is not None
    }
    return tuple(sorted(found))


def event_scenarios(*timescales: Timescale) -> tuple[EventScenario, ...]:
    """Every combination of :data:`EVENT_OFFSETS` for the events that end the timescales' phases.

    >>> from compiler.timescale.model import Duration, Phase
    >>> weekly = Phase(Duration(1, "weeks"), until="first_review")
    >>> then = Recurrence("placement_start", (weekly, Phase(Duration(4, "weeks"))))
    >>> [dict(s)['first_review'] for s in event_scenarios(then)]
    [None, 28, 0, 1, 182]
    """
    names = until_events(*timescales)
    return tuple(
        tuple(zip(names, offsets, strict=True))
        for offsets in itertools.product(EVENT_OFFSETS, repeat=len(names))
    )


@dataclass(frozen=True)
class Witness:
    """A start date and occurrence where two rules give different latest dates.

    ``a_date`` or ``b_date`` is None where that rule does not require a
    ``k``-th occurrence at all. ``events`` holds the dates of the events that
    ended phases in this witness (none: they never happened).
    """

    start: date
    k: int
    a_date: date | None
    b_date: date | None
    events: tuple[tuple[str, date], ...] = ()

    @property
    def a_later(self) -> bool:
        """True where rule A gives the later date (or does not require the occurrence)."""
        return self.a_date is None or (self.b_date is not None and self.a_date > self.b_date)

    def describe(self, label_a: str, label_b: str, start_noun: str = "a plan starting") -> str:
        """The difference in words, for a person.

        >>> Witness(date(2025, 12, 19), 1, date(2026, 1, 7), date(2026, 1, 2)).describe(
        ...     "every 10 working days", "fortnightly")
        'for a plan starting Fri 19 Dec 2025, every 10 working days gives Wed 7 Jan 2026 and fortnightly gives Fri 2 Jan 2026'
        """  # noqa: E501
        which = "" if self.k == 1 else f" the {ordinal(self.k)} time:"
        events = "".join(
            f" and {name.replace('_', ' ')} on {spoken(day)}" for name, day in self.events
        )
        return (
            f"for {start_noun} {spoken(self.start)}{events},{which} "
            f"{_gives(label_a, self.a_date)} and {_gives(label_b, self.b_date)}"
        )


def _gives(label: str, day: date | None) -> str:
    return f"{label} gives {spoken(day)}" if day is not None else f"{label} does not require it"


@dataclass(frozen=True)
class Comparison:
    """How rule A relates to rule B, and the dates that show it.

    ``relation`` is one of :data:`RELATIONS`, saying what A is relative to B.
    ``witnesses`` holds, first where A is earlier than B and then where A is
    later, the earliest start (smallest k) that differs and, if it is another,
    the one with the largest difference in days (a missing occurrence is the
    largest difference of all).
    """

    relation: str
    witnesses: tuple[Witness, ...] = ()


def horizon(start: date, years: int = 20, days: int | None = None) -> np.ndarray:
    """Every start date from ``start``, for ``years`` calendar years or ``days`` days."""
    end = add_months(start, 12 * years) if days is None else start + timedelta(days=days)
    return np.arange(np.datetime64(start, "D"), np.datetime64(end, "D"), dtype=DAY)


def compare(
    a: Timescale,
    b: Timescale,
    calendar: Calendar,
    facts: Mapping[str, bool] | None = None,
    horizon_years: int = 20,
    occurrences: int = 12,
    horizon_start: date = date(2020, 1, 1),
    horizon_days: int | None = None,
    calendar_b: Calendar | None = None,
) -> Comparison:
    """Compare two timescales over every start date in the horizon, all at once.

    Events that end phases are tried on each of :func:`event_scenarios` (the
    same date for both rules); ``facts`` hold for both rules.
    ``horizon_days``, if given, replaces ``horizon_years``. ``calendar_b``, if given, is
    the one ``b`` counts working days with (the law's, where ``a`` is a local rule
    counted over the office's closures).
    """
    starts = horizon(horizon_start, horizon_years, horizon_days)
    blocks_a, blocks_b, scenario_of = [], [], []
    for scenario in event_scenarios(a, b):
        events = {name: _event_dates(starts, offset) for name, offset in scenario}
        blocks_a.append(schedule_array(a, starts, calendar, facts, events, occurrences))
        blocks_b.append(
            schedule_array(b, starts, calendar_b or calendar, facts, events, occurrences)
        )
        scenario_of.append(scenario)
    a_dates = _day_numbers(np.concatenate(blocks_a))
    b_dates = _day_numbers(np.concatenate(blocks_b))
    a_earlier, a_later = a_dates < b_dates, a_dates > b_dates
    difference = np.abs(a_dates - b_dates)
    difference[(a_dates == _NEVER) != (b_dates == _NEVER)] = _NEVER
    witnesses: list[Witness] = []
    for differs in (a_earlier, a_later):
        if not differs.any():
            continue
        flat = differs.ravel()
        earliest = int(np.argmax(flat))
        largest = int(np.argmax(np.where(flat, difference.ravel(), -1)))
        for index in dict.fromkeys((earliest, largest)):
            row, column = divmod(index, occurrences)
            block, row = divmod(row, len(starts))
            start = starts[row].item()
            witnesses.append(
                Witness(
                    start,
                    column + 1,
                    _as_date(a_dates[block * len(starts) + row, column]),
                    _as_date(b_dates[block * len(starts) + row, column]),
                    _event_days(scenario_of[block], start),
                )
            )
    return Comparison(_relation(bool(a_earlier.any()), bool(a_later.any())), tuple(witnesses))


def compare_brute_force(
    a: Timescale,
    b: Timescale,
    calendar: Calendar,
    facts: Mapping[str, bool] | None = None,
    horizon_years: int = 20,
    occurrences: int = 12,
    horizon_start: date = date(2020, 1, 1),
    horizon_days: int | None = None,
    calendar_b: Calendar | None = None,
) -> Comparison:
    """:func:`compare`, one start date and one occurrence at a time, with the scalar rules.

    Slow and plain: the reference the tests hold :func:`compare` to on small horizons.
    """
    facts = facts or {}
    found: dict[bool, list[tuple[float, Witness]]] = {True: [], False: []}
    for scenario in event_scenarios(a, b):
        for start in horizon(horizon_start, horizon_years, horizon_days).tolist():
            events = dict(_event_days(scenario, start))
            a_dates = _padded(
                schedule(a, start, calendar, facts, events, occurrences=occurrences), occurrences
            )
            b_dates = _padded(
                schedule(b, start, calendar_b or calendar, facts, events, occurrences=occurrences),
                occurrences,
            )
            for k, (a_date, b_date) in enumerate(zip(a_dates, b_dates, strict=True), start=1):
                if a_date == b_date:
                    continue
                a_is_earlier = b_date is None or (a_date is not None and a_date < b_date)
                gap = math.inf if None in (a_date, b_date) else abs((a_date - b_date).days)
                seen = found[a_is_earlier]
                witness = Witness(start, k, a_date, b_date, _event_days(scenario, start))
                if not seen:
                    seen.extend([(gap, witness), (gap, witness)])
                elif gap > seen[1][0]:
                    seen[1] = (gap, witness)
    witnesses: list[Witness] = []
    for a_is_earlier in (True, False):
        if found[a_is_earlier]:
            (_, earliest), (_, largest) = found[a_is_earlier]
            witnesses.extend(dict.fromkeys((earliest, largest)))
    return Comparison(_relation(bool(found[True]), bool(found[False])), tuple(witnesses))


def _event_dates(starts: np.ndarray, offset: int | None) -> np.ndarray:
    if offset is None:
        return np.full(starts.shape, np.datetime64("NaT"), dtype=DAY)
    return starts + np.timedelta64(offset, "D")


def _event_days(scenario: EventScenario, start: date) -> tuple[tuple[str, date], ...]:
    return tuple(
        (name, start + timedelta(days=offset)) for name, offset in scenario if offset is not None
    )


def _relation(a_earlier_somewhere: bool, a_later_somewhere: bool) -> str:
    if a_earlier_somewhere and a_later_somewhere:
        return "incomparable"
    if a_earlier_somewhere:
        return "stricter"
    if a_later_somewhere:
        return "looser"
    return "equivalent"


def _day_numbers(dates: np.ndarray) -> np.ndarray:
    """Days since 1970 as integers, a missing occurrence as :data:`_NEVER`."""
    return np.where(np.isnat(dates), _NEVER, dates.astype(np.int64))


def _as_date(day_number: np.int64) -> date | None:
    if day_number == _NEVER:
        return None
    return np.datetime64(int(day_number), "D").item()


def _padded(dates: tuple[date, ...], occurrences: int) -> list[date | None]:
    return [*dates, *([None] * (occurrences - len(dates)))]
