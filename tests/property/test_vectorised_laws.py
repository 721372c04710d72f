"""The vectorised path gives exactly the scalar reference's dates, case for case."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from compiler.calendar import Calendar, load_calendar
from compiler.timescale.due import next_due, schedule
from compiler.timescale.model import Count, Duration, Phase, Recurrence, TimescaleError
from compiler.timescale.vectorised import DAY, due_array, schedule_array

from .strategies import calendars, events_near, facts, starts, timescales

ENGLAND = load_calendar("england-and-wales")
OCCURRENCES = 8
WEEKLY_FOR_A_MONTH_THEN_FORTNIGHTLY_WHERE_APPROVED = Recurrence(
    "start",
    (
        Phase(Duration(1, "weeks"), lasts=Duration(1, "months")),
        Phase(Duration(2, "weeks"), where=(("manager_approved", True),)),
    ),
    cap=Duration(10, "working_days"),
)
offsets = st.lists(st.integers(0, 90), min_size=1, max_size=8)


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[date], dict[str, date]]:
    """Start dates for a few cases within three months, and events near the first."""
    base = draw(starts)
    return [base + timedelta(days=n) for n in draw(offsets)], draw(events_near(base))


def as_dates(row: np.ndarray) -> list[date | None]:
    return [None if np.isnat(day) else day.item() for day in row]


@given(timescales(), calendars(), cases(), facts)
@example(
    WEEKLY_FOR_A_MONTH_THEN_FORTNIGHTLY_WHERE_APPROVED,
    ENGLAND,
    ([date(2025, 12, 1), date(2025, 12, 19), date(2025, 12, 20), date(2026, 1, 1)], {}),
    {"manager_approved": True},
).via("a cap in working days over Christmas")
@example(
    Recurrence(
        "start",
        (Phase(Duration(1, "weeks"), lasts=Duration(2, "weeks")), Phase(Duration(2, "weeks"))),
    ),
    ENGLAND,
    ([date(2026, 1, 1)], {}),
    {},
).via("an occurrence on the day a phase ends")
def test_schedule_array_matches_schedule(
    timescale, calendar: Calendar, starts_and_events, case_facts
) -> None:
    case_starts, events = starts_and_events
    found = schedule_array(
        timescale, np.array(case_starts, dtype=DAY), calendar, case_facts, events, OCCURRENCES
    )
    assert found.shape == (len(case_starts), OCCURRENCES)
    for row, start in zip(found, case_starts, strict=True):
        expected = list(schedule(timescale, start, calendar, case_facts, events, OCCURRENCES))
        assert as_dates(row) == expected + [None] * (OCCURRENCES - len(expected))


@given(timescales(), calendars(), starts, offsets, st.lists(st.integers(-30, 365) | st.none()))
def test_events_may_differ_per_case(
    timescale, calendar: Calendar, base: date, days_later: list[int], reviews: list[int | None]
) -> None:
    case_starts = [base + timedelta(days=n) for n in days_later]
    per_case = [
        None if offset is None else start + timedelta(days=offset)
        for start, offset in zip(case_starts, reviews + [None] * len(case_starts), strict=False)
    ]
    reviews_array = np.array([day or "NaT" for day in per_case], dtype=DAY)
    found = schedule_array(
        timescale,
        np.array(case_starts, dtype=DAY),
        calendar,
        {},
        {"first_review": reviews_array},
        6,
    )
    for row, start, review in zip(found, case_starts, per_case, strict=True):
        events = {} if review is None else {"first_review": review}
        expected = list(schedule(timescale, start, calendar, {}, events, 6))
        assert as_dates(row) == expected + [None] * (6 - len(expected))


@given(st.data(), timescales(), calendars(), cases(), facts)
def test_due_array_matches_next_due(
    data, timescale, calendar: Calendar, starts_and_events, case_facts
) -> None:
    case_starts, events = starts_and_events
    last = [
        data.draw(st.none() | st.integers(-20, 200).map(lambda n, s=start: s + timedelta(days=n)))
        for start in case_starts
    ]
    last_array = np.array([day or "NaT" for day in last], dtype=DAY)
    needs_every_occurrence = isinstance(timescale, Count) or (
        isinstance(timescale, Recurrence) and len(timescale.first) > 1
    )
    if needs_every_occurrence:
        with pytest.raises(TimescaleError, match=r"use compiler\.timescale\.due\.next_due"):
            due_array(timescale, np.array(case_starts, dtype=DAY), calendar, last_array)
        return
    found = due_array(
        timescale, np.array(case_starts, dtype=DAY), calendar, last_array, case_facts, events
    )
    expected = [
        next_due(timescale, start, calendar, [] if done is None else [done], case_facts, events)
        for start, done in zip(case_starts, last, strict=True)
    ]
    assert as_dates(found) == expected
