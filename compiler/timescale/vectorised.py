"""Due dates for many cases at once, with numpy.

The same counting rules as :mod:`compiler.timescale.due` (the reference, which
the tests hold this module to, date for date), over an array of start dates:
working days by ``numpy.busday_offset`` on the calendar's ``busdaycalendar``,
months by arithmetic on ``datetime64[M]`` with clipping to the month's end,
phases chosen per case with ``np.where``. The loop runs over occurrences (a
dozen), never over cases (a million), which is what makes comparing two rules
over every start date of a 20-year horizon take milliseconds.

``NaT`` means "no such occurrence": the rule has ended, or an event never
happened.

>>> from compiler.calendar import load_calendar
>>> from compiler.timescale.model import Duration, Phase, Recurrence
>>> every_10 = Recurrence("plan_start", (Phase(Duration(10, "working_days")),))
>>> starts = np.array(["2025-12-19", "2025-12-20"], dtype="datetime64[D]")
>>> schedule_array(every_10, starts, load_calendar("england-and-wales"), occurrences=2)
array([['2026-01-07', '2026-01-21'],
       ['2026-01-07', '2026-01-21']], dtype='datetime64[D]')
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from compiler.calendar import Calendar
from compiler.timescale.dates import calendar_days, months_of, working_days_of
from compiler.timescale.model import (
    Conditions,
    Count,
    Deadline,
    Duration,
    Once,
    Recurrence,
    Timescale,
    TimescaleError,
)

DAY = "datetime64[D]"
NAT = np.datetime64("NaT", "D")

Facts = Mapping[str, "bool | np.ndarray"]
Events = Mapping[str, "object"]
"""Each event's date: a ``date``, a ``datetime64`` or an array with one date per case."""


def add_array(
    days: np.ndarray, duration: Duration, calendar: Calendar, sign: int = 1
) -> np.ndarray:
    """:func:`compiler.timescale.dates.add` (``sign=-1``: ``subtract``) for an array of dates."""
    fixed = calendar_days(duration)
    if fixed is not None:
        return days + np.timedelta64(sign * fixed, "D")
    months = months_of(duration)
    if months is not None:
        return add_months_array(days, sign * months)
    working = working_days_of(duration)
    assert working is not None, duration
    return add_working_days_array(days, sign * working, calendar)


def add_months_array(days: np.ndarray, months: int) -> np.ndarray:
    """Whole calendar months, clipped to the end of a shorter month.

    >>> add_months_array(np.array(["2024-01-31", "2023-01-31"], dtype="datetime64[D]"), 1)
    array(['2024-02-29', '2023-02-28'], dtype='datetime64[D]')
    """
    month = days.astype("datetime64[M]")
    first = month.astype(DAY)
    target = month + months
    target_first = target.astype(DAY)
    length = (target + 1).astype(DAY) - target_first
    return target_first + np.minimum(days - first, length - np.timedelta64(1, "D"))


def add_working_days_array(days: np.ndarray, n: int, calendar: Calendar) -> np.ndarray:
    """The ``n``th working day after each date (before it when ``n`` is negative).

    ``roll="backward"`` makes a weekend or holiday count as the working day
    before it, which is "the nth working day after the day" (``roll="forward"``
    is the mirror for counting back). Counting that starts or ends outside the
    calendar's years raises, as the scalar path does.
    """
    if n == 0:
        return days
    forward = n > 0
    _check_range(days, calendar, before_first=forward, after_last=not forward)
    result = np.busday_offset(
        days, n, roll="backward" if forward else "forward", busdaycal=calendar.busdaycalendar
    )
    _check_range(result, calendar, before_first=not forward, after_last=forward)
    return result


def _check_range(
    days: np.ndarray, calendar: Calendar, before_first: bool, after_last: bool
) -> None:
    """Raise the calendar's error for the first date outside its years (``NaT`` is never)."""
    outside = np.zeros(days.shape, dtype=bool)
    if before_first:
        outside |= days < np.datetime64(calendar.first_day, "D")
    if after_last:
        outside |= days > np.datetime64(calendar.last_day, "D")
    if outside.any():
        calendar.check(days[outside].flat[0].item())


def schedule_array(
    t: Timescale,
    starts: np.ndarray,
    calendar: Calendar,
    facts: Facts | None = None,
    events: Events | None = None,
    occurrences: int = 12,
) -> np.ndarray:
    """:func:`compiler.timescale.due.schedule` for every start date at once.

    Returns shape ``(len(starts), occurrences)``, ``datetime64[D]``, ``NaT``
    where there is no such occurrence.
    """
    starts = _dates(starts)
    out = np.full((starts.shape[0], occurrences), NAT)
    if isinstance(t, Deadline):
        out[:, 0] = add_array(starts, t.within, calendar, -1 if t.before else 1)
    elif isinstance(t, Once):
        out[:, 0] = starts
    elif isinstance(t, Count):
        first = first_period_array(t.per, starts)
        for k in range(occurrences):
            out[:, k] = period_end_array(t.per, first, k // t.times)
    else:
        plan = ArrayPlan(t, starts, calendar, facts or {}, events or {})
        due = plan.first_due()
        for k in range(occurrences):
            out[:, k] = due
            if k + 1 < occurrences:
                due = plan.due_after(due, k + 1)
    return out


def due_array(
    t: Timescale,
    starts: np.ndarray,
    calendar: Calendar,
    last: np.ndarray | None = None,
    facts: Facts | None = None,
    events: Events | None = None,
) -> np.ndarray:
    """One next due date per case, given each case's latest occurrence (``NaT``: none yet).

    The same as :func:`compiler.timescale.due.next_due` with ``done=[last]``.
    A count needs every occurrence in each period, not just the latest, so it
    is refused here.

    >>> from compiler.calendar import load_calendar
    >>> from compiler.timescale.model import Duration, Phase, Recurrence
    >>> fortnightly = Recurrence("plan_start", (Phase(Duration(2, "weeks")),))
    >>> starts = np.array(["2026-01-01", "2026-01-01"], dtype="datetime64[D]")
    >>> last = np.array(["NaT", "2026-02-03"], dtype="datetime64[D]")
    >>> due_array(fortnightly, starts, load_calendar("england-and-wales"), last)
    array(['2026-01-15', '2026-02-17'], dtype='datetime64[D]')
    """
    starts = _dates(starts)
    last = np.full(starts.shape, NAT) if last is None else _dates(last)
    if isinstance(t, Count):
        raise TimescaleError(
            "a count per period needs every occurrence, not only the latest: "
            "use compiler.timescale.due.next_due"
        )
    if isinstance(t, Deadline | Once):
        before = isinstance(t, Once) or t.before
        done = (last <= starts) if before else (last >= starts)
        if isinstance(t, Once):
            return np.where(done, NAT, starts)
        return add_array(np.where(done, NAT, starts), t.within, calendar, -1 if t.before else 1)
    plan = ArrayPlan(t, starts, calendar, facts or {}, events or {})
    counted = last >= starts
    if len(t.first) > 1:
        raise TimescaleError(
            "a recurrence with more than one first deadline needs the number of past "
            "occurrences, not only the latest: use compiler.timescale.due.next_due"
        )
    if not t.first:
        return plan.next_after(np.where(counted, last, starts))
    return np.where(
        counted, plan.next_after(np.where(counted, last, NAT)), plan.first_due(~counted)
    )


class ArrayPlan:
    """A recurrence laid out for every case: each phase's start per case and its interval.

    ``governing[k]`` is, per case, the index into ``durations`` of the interval
    in force during phase ``k`` (a phase whose facts do not hold keeps the
    previous one's). ``end`` is the day the rule stops, ``NaT`` for never.
    """

    def __init__(
        self,
        t: Recurrence,
        starts: np.ndarray,
        calendar: Calendar,
        facts: Facts,
        events: Events,
    ) -> None:
        self.recurrence = t
        self.starts = starts
        self.calendar = calendar
        self.durations = list(dict.fromkeys(phase.every for phase in t.phases))
        self.phase_starts: list[np.ndarray] = []
        self.governing: list[np.ndarray] = []
        begins = starts
        every = np.zeros(starts.shape, dtype=np.intp)
        for phase in t.phases:
            every = np.where(
                _applies_array(phase.where, facts), self.durations.index(phase.every), every
            )
            self.phase_starts.append(begins)
            self.governing.append(every)
            begins = self._phase_end(phase.lasts, phase.until, begins, events)
        self.end = begins

    def _phase_end(
        self, lasts: Duration | None, until: str | None, begins: np.ndarray, events: Events
    ) -> np.ndarray:
        if lasts is not None:
            return add_array(begins, lasts, self.calendar)
        if until is not None and until in events:
            happens = np.broadcast_to(np.asarray(events[until], dtype=DAY), begins.shape)
            never = np.isnat(happens) | np.isnat(begins)
            return np.where(never, NAT, np.maximum(happens, begins))
        return np.full(begins.shape, NAT)

    def first_due(self, wanted: np.ndarray | bool = True) -> np.ndarray:
        """Each case's first due date (only where ``wanted``; ``NaT`` elsewhere)."""
        return self.due_after(np.where(wanted, self.starts, NAT), 0)

    def due_after(self, days: np.ndarray, occurred: int) -> np.ndarray:
        """The next due dates after ``days``, when ``occurred`` occurrences have happened."""
        first = self.recurrence.first
        if occurred >= len(first):
            return self.next_after(days)
        active = np.where(days >= self.end, NAT, days)
        return self._capped(add_array(active, first[occurred], self.calendar), active)

    def next_after(self, days: np.ndarray) -> np.ndarray:
        """The next due date after an occurrence on each of ``days`` (``NaT`` stays ``NaT``)."""
        active = np.where(days >= self.end, NAT, days)
        every = self.governing[0]
        for begins, governing in zip(self.phase_starts[1:], self.governing[1:], strict=True):
            every = np.where(active >= begins, governing, every)
        if len(self.durations) == 1:
            due = add_array(active, self.durations[0], self.calendar)
        else:
            due = np.full(active.shape, NAT)
            for index, duration in enumerate(self.durations):
                chosen = every == index
                if chosen.any():
                    moved = add_array(np.where(chosen, active, NAT), duration, self.calendar)
                    due = np.where(chosen, moved, due)
        return self._capped(due, active)

    def _capped(self, due: np.ndarray, days: np.ndarray) -> np.ndarray:
        cap = self.recurrence.cap
        return due if cap is None else np.minimum(due, add_array(days, cap, self.calendar))


def first_period_array(per: str, starts: np.ndarray) -> np.ndarray:
    """:func:`compiler.timescale.due.first_period` for an array of start dates."""
    if per == "week":
        weekday = (starts.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
        return starts + ((-weekday) % 7).astype("timedelta64[D]")
    unit = "datetime64[M]" if per == "calendar_month" else "datetime64[Y]"
    period = starts.astype(unit)
    return np.where(starts == period.astype(DAY), starts, (period + 1).astype(DAY))


def period_end_array(per: str, first: np.ndarray, index: int) -> np.ndarray:
    """The last day of period ``index`` (0 is the first whole period)."""
    if per == "week":
        return first + np.timedelta64(7 * (index + 1) - 1, "D")
    months = (index + 1) * (1 if per == "calendar_month" else 12)
    return add_months_array(first, months) - np.timedelta64(1, "D")


def _applies_array(where: Conditions, facts: Facts) -> np.ndarray | bool:
    result: np.ndarray | bool = True
    for fact, wanted in where:
        result = result & (np.asarray(facts.get(fact, False)) == wanted)
    return result


def _dates(values: object) -> np.ndarray:
    days = np.asarray(values, dtype=DAY)
    if days.ndim != 1:
        raise ValueError(f"expected a one-dimensional array of dates, not shape {days.shape}")
    return days
