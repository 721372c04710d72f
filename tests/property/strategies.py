"""Hypothesis strategies for calendars, dates, durations and timescales."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from compiler.calendar import Calendar, load_calendar
from compiler.timescale.model import Count, Deadline, Duration, Once, Phase, Recurrence

CALENDAR_IDS = ("england-and-wales", "scotland", "northern-ireland")
EVENTS = ("first_review", "court_hearing")
FACTS = ("manager_approved", "child_agrees")

starts = st.dates(date(2018, 1, 1), date(2030, 12, 31))


@st.composite
def calendars(draw: st.DrawFn) -> Calendar:
    """A nation's calendar, with random closure days and perhaps a Christmas-week closure."""
    closures = set(draw(st.lists(st.dates(date(2018, 1, 1), date(2032, 12, 31)), max_size=40)))
    if draw(st.booleans()):
        closures |= {date(year, 12, day) for year in range(2018, 2060) for day in (29, 30, 31)}
    return load_calendar(draw(st.sampled_from(CALENDAR_IDS)), closures)


def durations(working_only: bool = False) -> st.SearchStrategy[Duration]:
    """Durations in every unit (or only the working-day ones), with small amounts."""
    working = [
        st.builds(Duration, st.integers(1, 20), st.just("working_days")),
        st.builds(Duration, st.integers(1, 48), st.just("working_hours"), st.integers(1, 5)),
    ]
    if working_only:
        return st.one_of(working)
    return st.one_of(
        *working,
        st.builds(Duration, st.integers(1, 72), st.just("hours")),
        st.builds(Duration, st.integers(1, 30), st.just("days")),
        st.builds(Duration, st.integers(1, 8), st.just("weeks")),
        st.builds(Duration, st.integers(1, 6), st.just("months")),
        st.builds(Duration, st.integers(1, 2), st.just("years")),
    )


conditions = st.lists(st.tuples(st.sampled_from(FACTS), st.booleans()), max_size=2).map(
    lambda pairs: tuple(sorted(dict(pairs).items()))
)


@st.composite
def phases(draw: st.DrawFn, first: bool, last: bool, working_only: bool) -> Phase:
    end = draw(st.sampled_from(("lasts", "until") if not last else ("lasts", "until", None)))
    return Phase(
        every=draw(durations(working_only)),
        lasts=draw(durations(working_only)) if end == "lasts" else None,
        until=draw(st.sampled_from(EVENTS)) if end == "until" else None,
        where=() if first else draw(conditions),
    )


@st.composite
def recurrences(draw: st.DrawFn, working_only: bool = False) -> Recurrence:
    count = draw(st.integers(1, 3))
    return Recurrence(
        event="start",
        phases=tuple(
            draw(phases(first=i == 0, last=i == count - 1, working_only=working_only))
            for i in range(count)
        ),
        first=tuple(draw(st.lists(durations(working_only), max_size=2))),
        cap=draw(st.none() | durations(working_only)),
    )


def timescales() -> st.SearchStrategy[Deadline | Once | Recurrence | Count]:
    return st.one_of(
        st.builds(Deadline, durations(), st.just("start"), st.booleans()),
        st.builds(Once, st.just("start")),
        st.builds(
            Count,
            st.integers(1, 3),
            st.sampled_from(("week", "calendar_month", "year")),
            st.just("start"),
        ),
        recurrences(),
    )


def simple_recurrences() -> st.SearchStrategy[Recurrence]:
    """One phase, no first, no cap: the shapes that are often comparable."""
    return st.builds(
        lambda every: Recurrence("start", (Phase(every),)),
        st.one_of(
            st.builds(Duration, st.integers(1, 3), st.just("weeks")),
            st.builds(Duration, st.sampled_from((7, 10, 14, 15, 21)), st.just("days")),
            st.builds(Duration, st.sampled_from((5, 10, 15)), st.just("working_days")),
            st.builds(Duration, st.integers(1, 2), st.just("months")),
        ),
    )


facts = st.fixed_dictionaries({}, optional={fact: st.booleans() for fact in FACTS})


@st.composite
def events_near(draw: st.DrawFn, start: date) -> dict[str, date]:
    """Some of the phase-ending events, from a month before ``start`` to a year after."""
    offsets = draw(
        st.fixed_dictionaries({}, optional={event: st.integers(-30, 365) for event in EVENTS})
    )
    return {event: start + timedelta(days=offset) for event, offset in offsets.items()}
