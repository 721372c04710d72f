"""Oracle for "within N of A or of B, whichever is later (or earlier)".

The reader turns those words into a deadline from one derived event (see
:mod:`compiler.timescale.either`). Safety needs the derived deadline never to be later than
what the words allow: for "whichever is later", it must be exactly the later of the two
single-event deadlines (never later than both, never earlier than either); for "whichever is
earlier", exactly the earlier. The reference counts day by day with the calendar's working
days, independently of the date arithmetic the tools use.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

from compiler.calendar import load_calendar
from compiler.timescale.due import deadline
from compiler.timescale.either import derived_date
from compiler.timescale.model import Deadline, Duration, TimescaleError
from compiler.timescale.parse import read_timescale
from compiler.vocabulary import Term

CALENDAR = load_calendar("england-and-wales")
LATER = Term("later_of_a_and_b", "Later", "The later of a and b.", later_of=("a", "b"))
EARLIER = Term("earlier_of_a_and_b", "Earlier", "The earlier of a and b.", earlier_of=("a", "b"))

days = st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31))
durations = st.builds(
    Duration,
    st.integers(min_value=1, max_value=40),
    st.sampled_from(("days", "working_days", "weeks", "months")),
)


def reference_deadline(start: date, within: Duration) -> date:
    """Count as a person would: day by day for working days, a calendar for the rest."""
    if within.unit == "working_days":
        day, counted = start, 0
        while counted < within.amount:
            day += timedelta(days=1)
            counted += CALENDAR.is_working_day(day)
        return day
    if within.unit == "months":
        return start + relativedelta(months=within.amount)
    return start + timedelta(days=within.amount * (7 if within.unit == "weeks" else 1))


@settings(deadline=None, max_examples=300)
@given(days, days, durations)
@example(date(2025, 12, 19), date(2025, 12, 24), Duration(3, "working_days"))  # over Christmas
@example(date(2026, 1, 31), date(2026, 1, 30), Duration(1, "months"))  # month ends
def test_the_later_of_two_events_is_due_on_the_later_single_deadline(
    a: date, b: date, within: Duration
) -> None:
    start = derived_date(LATER, {"a": a, "b": b})
    assert start is not None
    due = deadline(Deadline(within, LATER.id), start, CALENDAR)
    assert due == max(reference_deadline(a, within), reference_deadline(b, within))


@settings(deadline=None, max_examples=300)
@given(days, days, durations)
def test_the_earlier_of_two_events_is_never_later_than_either_single_deadline(
    a: date, b: date, within: Duration
) -> None:
    start = derived_date(EARLIER, {"a": a, "b": b})
    assert start is not None
    due = deadline(Deadline(within, EARLIER.id), start, CALENDAR)
    assert due == min(reference_deadline(a, within), reference_deadline(b, within))


def test_the_later_of_two_events_has_not_happened_until_both_have() -> None:
    assert derived_date(LATER, {"a": date(2026, 1, 5)}) is None
    assert derived_date(EARLIER, {"b": date(2026, 1, 5)}) == date(2026, 1, 5)


def test_whichever_is_later_reads_as_the_derived_event_and_a_second_amount_is_refused() -> None:
    reading = read_timescale(
        "within 7 days of the placement or of the notification, whichever is later"
    )
    assert reading.timescale == Deadline(Duration(7, "days"), "later_of_placement_and_notification")
    with pytest.raises(TimescaleError, match="the later of two events"):
        read_timescale(
            "within 7 days of the placement or within 3 months of the notification, whichever "
            "is later"
        )
