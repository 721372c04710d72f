"""When things are due: the scalar reference for every timescale.

This module is the plain reading of the counting rules in ``DESIGN.md``, one
case at a time; :mod:`compiler.timescale.vectorised` computes the same dates for
a million cases at once and is tested against it.

A recurrence is a chain of phases. Phase 1 starts on the start date, each next
phase when the previous one ends (after ``lasts``, or on the date of its
``until`` event; an event that is not given never happens). The interval that
governs a gap is the one of the phase in force on the date the gap starts: a
visit on 29 January inside "weekly for the first month" is next due a week
later, even though February is fortnightly. A phase whose ``where`` facts do
not hold leaves the previous phase in force through its span. When the last
phase ends, so does the rule: a gap that starts on or after that day is not
required. ``cap`` shortens any gap longer than itself.

>>> from compiler.calendar import load_calendar
>>> from compiler.timescale.model import Duration, Phase, Recurrence
>>> weekly_then_fortnightly = Recurrence("plan_start", (
...     Phase(Duration(1, "weeks"), lasts=Duration(1, "months")),
...     Phase(Duration(2, "weeks")),
... ))
>>> dates = schedule(weekly_then_fortnightly, date(2026, 1, 1),
...                  load_calendar("england-and-wales"), occurrences=6)
>>> [d.isoformat() for d in dates]
['2026-01-08', '2026-01-15', '2026-01-22', '2026-01-29', '2026-02-05', '2026-02-19']
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from compiler.calendar import Calendar
from compiler.timescale.dates import add, add_months, subtract
from compiler.timescale.model import (
    Conditions,
    Count,
    Deadline,
    Duration,
    Once,
    Recurrence,
    Timescale,
)

NO_FACTS: Mapping[str, bool] = MappingProxyType({})
NO_EVENTS: Mapping[str, date] = MappingProxyType({})


def schedule(
    t: Timescale,
    start: date,
    calendar: Calendar,
    facts: Mapping[str, bool] = NO_FACTS,
    events: Mapping[str, date] = NO_EVENTS,
    occurrences: int = 12,
) -> tuple[date, ...]:
    """The latest permitted date of each of the first ``occurrences`` occurrences.

    Each occurrence is assumed to happen on its latest permitted date, so the
    result is the slowest schedule the rule allows. ``start`` is the date of
    the timescale's start event (for a before-deadline or a once-before, the
    date of the event it is before). A deadline or a once has one occurrence;
    a recurrence may stop early when its last phase ends.
    """
    if isinstance(t, Deadline):
        return (deadline(t, start, calendar),)
    if isinstance(t, Once):
        return (start,)
    if isinstance(t, Count):
        return tuple(
            period_end(t.per, first_period(t.per, start), math.ceil(k / t.times) - 1)
            for k in range(1, occurrences + 1)
        )
    plan = Plan.of(t, start, calendar, facts, events)
    found: list[date] = []
    due = plan.first_due()
    while due is not None and len(found) < occurrences:
        found.append(due)
        due = plan.due_after(due, len(found))
    return tuple(found)


def next_due(
    t: Timescale,
    start: date,
    calendar: Calendar,
    done: Sequence[date],
    facts: Mapping[str, bool] = NO_FACTS,
    events: Mapping[str, date] = NO_EVENTS,
) -> date | None:
    """When the next occurrence is due, given the dates it actually happened on.

    A recurrence is due one governing interval after its latest occurrence on
    or after ``start`` (or its first due date if there is none), and never
    again once its last phase has ended. A deadline or once is due on its
    deadline until an occurrence on the right side of the event is recorded,
    then never. A count is due at the end of the earliest period that has had
    fewer than ``times`` occurrences. The result may be in the past: overdue.

    >>> from compiler.calendar import load_calendar
    >>> from compiler.timescale.model import Duration, Phase, Recurrence
    >>> every_10 = Recurrence("plan_start", (Phase(Duration(10, "working_days")),))
    >>> next_due(every_10, date(2025, 12, 1), load_calendar("england-and-wales"),
    ...          done=[date(2025, 12, 19)])
    datetime.date(2026, 1, 7)
    """
    if isinstance(t, Deadline):
        counted = [d for d in done if (d <= start if t.before else d >= start)]
        return None if counted else deadline(t, start, calendar)
    if isinstance(t, Once):
        return None if any(d <= start for d in done) else start
    if isinstance(t, Count):
        return _count_next_due(t, start, done)
    plan = Plan.of(t, start, calendar, facts, events)
    counted = [d for d in done if d >= start]
    return plan.due_after(max(counted), len(counted)) if counted else plan.first_due()


def deadline(t: Deadline, start: date, calendar: Calendar) -> date:
    """``within`` after ``start``, or the latest day at least ``within`` before it."""
    return (subtract if t.before else add)(start, t.within, calendar)


def applies(where: Conditions, facts: Mapping[str, bool]) -> bool:
    """Whether the case facts meet a phase's conditions (a missing fact is False)."""
    return all(facts.get(fact, False) == wanted for fact, wanted in where)


@dataclass(frozen=True)
class Span:
    """The dates a phase covers, ``[start, end)`` (``end`` None: for ever), and its interval."""

    start: date
    end: date | None
    every: Duration


@dataclass(frozen=True)
class Plan:
    """A recurrence laid out on the calendar for one case: its phases' spans in order."""

    recurrence: Recurrence
    start: date
    calendar: Calendar
    spans: tuple[Span, ...]

    @classmethod
    def of(
        cls,
        t: Recurrence,
        start: date,
        calendar: Calendar,
        facts: Mapping[str, bool],
        events: Mapping[str, date],
    ) -> Plan:
        spans: list[Span] = []
        begins: date | None = start
        every = t.phases[0].every
        for phase in t.phases:
            if begins is None:
                break  # the previous phase never ends, so this one never starts
            if applies(phase.where, facts):
                every = phase.every
            end: date | None = None
            if phase.lasts is not None:
                end = add(begins, phase.lasts, calendar)
            elif phase.until is not None and phase.until in events:
                end = max(events[phase.until], begins)
            spans.append(Span(begins, end, every))
            begins = end
        return cls(t, start, calendar, tuple(spans))

    @property
    def end(self) -> date | None:
        """The day the rule stops (its last phase ends), or None if it never does."""
        return self.spans[-1].end

    def interval_at(self, day: date) -> Duration | None:
        """The interval that governs a gap starting on ``day``; None once the rule has ended."""
        for span in self.spans:
            if span.start <= day and (span.end is None or day < span.end):
                return span.every
        return None

    def first_due(self) -> date | None:
        """The first occurrence's latest date: its own deadline if given, else one interval."""
        return self.due_after(self.start, 0)

    def due_after(self, day: date, occurred: int) -> date | None:
        """The next latest date after ``day``, when ``occurred`` occurrences have happened.

        The first few follow the recurrence's own ``first`` deadlines, each
        counted from the one before; then the phases govern.
        """
        first = self.recurrence.first
        if occurred >= len(first):
            return self.next_after(day)
        if self.interval_at(day) is None:
            return None
        return self._capped(add(day, first[occurred], self.calendar), day)

    def next_after(self, day: date) -> date | None:
        """The next occurrence's latest date after one on ``day``."""
        every = self.interval_at(day)
        if every is None:
            return None
        return self._capped(add(day, every, self.calendar), day)

    def _capped(self, due: date, day: date) -> date:
        cap = self.recurrence.cap
        return due if cap is None else min(due, add(day, cap, self.calendar))


def first_period(per: str, start: date) -> date:
    """The first day of the first whole period that starts on or after ``start``.

    >>> first_period("week", date(2026, 1, 1)), first_period("calendar_month", date(2026, 1, 1))
    (datetime.date(2026, 1, 5), datetime.date(2026, 1, 1))
    """
    if per == "week":
        return start + timedelta(days=-start.weekday() % 7)
    if per == "calendar_month":
        return start if start.day == 1 else add_months(start.replace(day=1), 1)
    return start if (start.month, start.day) == (1, 1) else date(start.year + 1, 1, 1)


def period_start(per: str, first: date, index: int) -> date:
    """The first day of period ``index`` (0 is ``first``)."""
    if per == "week":
        return first + timedelta(weeks=index)
    return add_months(first, index * (1 if per == "calendar_month" else 12))


def period_end(per: str, first: date, index: int) -> date:
    """The last day of period ``index`` (0 is ``first``)."""
    return period_start(per, first, index + 1) - timedelta(days=1)


def period_index(per: str, first: date, day: date) -> int:
    """Which period (0 is ``first``) ``day`` falls in; negative before the first."""
    if per == "week":
        return (day - first).days // 7
    if per == "calendar_month":
        return (day.year - first.year) * 12 + day.month - first.month
    return day.year - first.year


def _count_next_due(t: Count, start: date, done: Sequence[date]) -> date:
    first = first_period(t.per, start)
    seen = Counter(period_index(t.per, first, d) for d in done if d >= first)
    index = 0
    while seen[index] >= t.times:
        index += 1
    return period_end(t.per, first, index)
