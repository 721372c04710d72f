"""Laws of comparison: an order on timescales, and the same answer as brute force."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import event, example, given
from hypothesis import strategies as st

from compiler.calendar import Calendar, load_calendar
from compiler.timescale.compare import Comparison, compare, compare_brute_force
from compiler.timescale.model import Duration, Phase, Recurrence

from .strategies import calendars, facts, simple_recurrences, starts, timescales

ENGLAND = load_calendar("england-and-wales")
MIRROR = {"equivalent": "equivalent", "stricter": "looser", "looser": "stricter"}
MIRROR["incomparable"] = "incomparable"
AT_LEAST_AS_STRICT = ("stricter", "equivalent")
SMALL = dict(horizon_days=60, occurrences=6)


def every(amount: int, unit: str) -> Recurrence:
    return Recurrence("start", (Phase(Duration(amount, unit)),))


def small(a, b, calendar: Calendar, start: date, case_facts=None) -> Comparison:
    return compare(a, b, calendar, case_facts, horizon_start=start, **SMALL)


@given(timescales(), calendars(), starts, facts)
def test_every_timescale_is_equivalent_to_itself(timescale, calendar, start, case_facts) -> None:
    assert small(timescale, timescale, calendar, start, case_facts) == Comparison("equivalent")


@given(timescales(), timescales(), calendars(), starts, facts)
@example(every(10, "working_days"), every(2, "weeks"), ENGLAND, date(2025, 12, 1), {})
def test_stricter_one_way_is_looser_the_other(a, b, calendar, start, case_facts) -> None:
    forward = small(a, b, calendar, start, case_facts)
    backward = small(b, a, calendar, start, case_facts)
    assert backward.relation == MIRROR[forward.relation]
    # The same witnesses, seen from the other side: where A was earlier, B is later.
    swapped = {replace(w, a_date=w.b_date, b_date=w.a_date) for w in forward.witnesses}
    assert set(backward.witnesses) == swapped


@st.composite
def chains(draw: st.DrawFn) -> tuple[Recurrence, Recurrence, Recurrence]:
    """Three recurrences, often ordered (same unit, rising amounts), sometimes mixed."""
    unit = draw(st.sampled_from(("days", "working_days", "weeks", "months")))
    amounts = sorted(draw(st.lists(st.integers(1, 15), min_size=3, max_size=3)))
    chain = [every(amount, unit) for amount in amounts]
    swap = draw(st.integers(0, 3))
    if swap < 3:
        chain[swap] = draw(simple_recurrences())
    return chain[0], chain[1], chain[2]


@given(chains(), calendars(), starts)
@example(
    (every(14, "days"), every(2, "weeks"), every(10, "working_days")), ENGLAND, date(2025, 12, 1)
)
def test_at_least_as_strict_is_transitive(triple, calendar, start) -> None:
    a, b, c = triple
    a_b = small(a, b, calendar, start).relation
    b_c = small(b, c, calendar, start).relation
    a_c = small(a, c, calendar, start).relation
    event(f"a to b {a_b}, b to c {b_c}")
    if a_b in AT_LEAST_AS_STRICT and b_c in AT_LEAST_AS_STRICT:
        assert a_c == ("equivalent" if a_b == b_c == "equivalent" else "stricter")


@given(timescales(), timescales(), calendars(), st.one_of(st.none(), calendars()), starts, facts)
@example(every(10, "working_days"), every(2, "weeks"), ENGLAND, None, date(2025, 12, 1), {})
def test_vectorised_comparison_agrees_with_brute_force(
    a, b, calendar, calendar_b, start, case_facts
) -> None:
    """``calendar_b``: b counting with another calendar (a statutory rule, without closures)."""
    arguments = dict(horizon_start=start, horizon_days=40, occurrences=5, calendar_b=calendar_b)
    assert compare(a, b, calendar, case_facts, **arguments) == compare_brute_force(
        a, b, calendar, case_facts, **arguments
    )
