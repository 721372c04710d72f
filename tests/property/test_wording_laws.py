"""Laws of the words documents add around a timescale (issue 14).

A hedge such as "more frequently if required" only ever asks for contact sooner, so reading
it must never change the timescale: it is kept as a note. Counting the day of the event as
day 1 must never give a later date than the usual count.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.calendar import load_calendar
from compiler.timescale.due import schedule
from compiler.timescale.format import format_timescale
from compiler.timescale.model import Duration, Phase, Recurrence, TimescaleError
from compiler.timescale.parse import read_timescale
from tests.property.test_timescale_roundtrip import timescales

HEDGES = (
    "more frequently if required",
    "wherever possible",
    "or more frequently if indicated in the plan",
    "unless the plan requires more frequent visits",
)

CALENDAR = load_calendar("england-and-wales")


@settings(deadline=None, max_examples=200)
@given(timescales, st.sampled_from(HEDGES))
def test_a_hedge_is_a_note_and_never_changes_the_timescale(timescale, hedge: str) -> None:
    words = format_timescale(timescale)
    try:
        plain = read_timescale(words).timescale
    except TimescaleError:
        return  # the formatter's words read back (another law); nothing to compare here
    hedged = read_timescale(f"{words}, {hedge}")
    assert hedged.timescale == plain
    assert hedged.notes == (hedge,)


@settings(deadline=None, max_examples=200)
@given(
    st.integers(2, 60),
    st.sampled_from(("days", "working_days")),
    st.dates(date(2020, 1, 1), date(2030, 12, 31)),
)
def test_counting_the_event_day_as_day_one_is_never_later(amount: int, unit: str, start) -> None:
    written = f"every {amount} {unit.replace('_', ' ')} (from and including the day of the visit)"
    inclusive = read_timescale(written, "visit").timescale
    usual = Recurrence("visit", (Phase(Duration(amount, unit)),))
    sooner = list(schedule(inclusive, start, CALENDAR, {}, occurrences=3))
    later = list(schedule(usual, start, CALENDAR, {}, occurrences=3))
    assert all(a <= b for a, b in zip(sooner, later, strict=True))
    assert sooner[0] < later[0]
