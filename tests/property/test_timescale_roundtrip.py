"""Laws of the shorthand: what the formatter writes reads back, and no text crashes the reader."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from compiler.timescale.format import format_timescale
from compiler.timescale.lexicon import KNOWN_WORDS, LARGEST_NUMBER
from compiler.timescale.model import (
    LONGEST,
    PERIODS,
    UNITS,
    Count,
    Deadline,
    Duration,
    Once,
    Phase,
    Recurrence,
    Timescale,
    TimescaleError,
)
from compiler.timescale.parse import parse_timescale
from compiler.vocabulary import vocabulary

VOCABULARY = vocabulary()
EVENTS = sorted(VOCABULARY.events)
FACTS = sorted(VOCABULARY.conditions)

events = st.sampled_from(EVENTS)
amounts = st.integers(1, 30) | st.integers(1, LARGEST_NUMBER)


@st.composite
def any_duration(draw: st.DrawFn) -> Duration:
    """Any amount up to the longest a timescale may give (about a century) of any unit."""
    unit = draw(st.sampled_from(UNITS))
    longest = st.integers(1, 30) | st.integers(1, LONGEST[unit])
    working_days = draw(st.integers(1, 30) | st.integers(1, LONGEST["working_days"]))
    return Duration(draw(longest), unit, working_days if unit == "working_hours" else None)


conditions = st.dictionaries(st.sampled_from(FACTS), st.booleans(), max_size=3).map(
    lambda facts: tuple(sorted(facts.items()))
)


@st.composite
def phases(
    draw: st.DrawFn, durations: st.SearchStrategy[Duration], opening: bool, last: bool
) -> Phase:
    end = draw(st.sampled_from(("lasts", "until", None) if last else ("lasts", "until")))
    return Phase(
        every=draw(durations),
        lasts=draw(durations) if end == "lasts" else None,
        until=draw(events) if end == "until" else None,
        where=() if opening else draw(conditions),
    )


@st.composite
def recurrences(
    draw: st.DrawFn, durations: st.SearchStrategy[Duration], most_phases: int
) -> Recurrence:
    count = draw(st.integers(1, most_phases))
    return Recurrence(
        event=draw(events),
        phases=tuple(
            draw(phases(durations, index == 0, index == count - 1)) for index in range(count)
        ),
        first=tuple(draw(st.lists(durations, max_size=2))),
        cap=draw(st.none() | durations),
    )


def timescales_of(
    durations: st.SearchStrategy[Duration], most_phases: int = 4
) -> st.SearchStrategy[Timescale]:
    return st.one_of(
        st.builds(Deadline, durations, events, st.booleans()),
        st.builds(Once, events),
        st.builds(Count, amounts, st.sampled_from(PERIODS), events),
        recurrences(durations, most_phases),
    )


timescales = timescales_of(any_duration())


def start_event(timescale: Timescale) -> str:
    return timescale.before if isinstance(timescale, Once) else timescale.event


@settings(deadline=None, max_examples=400)
@given(timescales)
@example(Deadline(Duration(1, "working_hours", working_days=1), "visit"))
@example(Count(1, "year", "plan_start"))  # "once a year" is a count, "every year" an interval
@example(Count(1, "calendar_month", "plan_start"))
@example(
    Recurrence(
        "placement_start",
        (
            Phase(Duration(6, "weeks"), lasts=Duration(1, "years")),
            Phase(Duration(3, "months"), where=(("placement_intended_until_18", True),)),
        ),
        first=(Duration(1, "weeks"),),
    )
)
@example(  # a condition that itself says "until", after a phase that ends at an event
    Recurrence(
        "placement_start",
        (
            Phase(Duration(1, "weeks"), until="first_review"),
            Phase(
                Duration(1, "months"),
                where=(("child_agrees", False), ("placement_intended_until_18", True)),
            ),
        ),
        cap=Duration(1, "months"),
    )
)
def test_what_the_formatter_writes_reads_back(timescale: Timescale) -> None:
    words = format_timescale(timescale)
    assert parse_timescale(words) == timescale
    assert parse_timescale(words, event=start_event(timescale)) == timescale


SHORTHAND_WORDS = [
    *KNOWN_WORDS,
    *(phrase for term in VOCABULARY.events.values() for phrase in term.phrases),
    *(phrase for term in VOCABULARY.conditions.values() for phrase in term.phrases),
    *["0", "1", "2", "4", "6", "10", "48", "99999999", ",", ";", ".", "(", ")", "-", "½"],
    "(calendar month)",
    "(4 weeks)",
    "(2 working days)",
    "never further apart than",
    # the words of real documents (issue 14): hedges, exceptions, openings, refusals
    "more frequently if required",
    "wherever possible",
    "(not working days)",
    "(from and including the day of the visit)",
    "or as directed by the conference chair",
    "unless the conference decides otherwise",
    "no later than",
    "between",
    "usually",
    "or so",
    "termly",
    "school days",
    "whichever is later",
    "after that",
    "once a week until",
    "not less than every",
    "on the day",
    "by the end of the next working day",
]
grammar_soup = st.lists(st.sampled_from(SHORTHAND_WORDS), max_size=20).map(" ".join)


@st.composite
def damaged_shorthand(draw: st.DrawFn) -> str:
    """What the formatter writes, with a word dropped, repeated or replaced."""
    words = format_timescale(draw(timescales)).split(" ")
    at = draw(st.integers(0, len(words) - 1))
    change = draw(st.sampled_from(("drop", "repeat", "replace")))
    if change == "drop":
        del words[at]
    elif change == "repeat":
        words.insert(at, words[at])
    else:
        words[at] = draw(st.sampled_from(SHORTHAND_WORDS))
    return " ".join(words)


@settings(deadline=None, max_examples=400)
@given(st.text() | grammar_soup | damaged_shorthand(), st.sampled_from([None, "visit"]))
@example("", None)
@example("9" * 5000 + " days", "visit")  # int() refuses over 4300 digits with a ValueError
@example("monthly (", "visit")
@example("monthly", None)  # its two readings are said before the missing event
@example("every month from accommodation first being provided", "visit")  # and before a clash
@example("within 1½ hours of the visit", None)
@example("twice a month from the start of the plan, then weekly", None)
@example("within 48 working hours (", "visit")
@example("\x00\u202e\U0001f600 within", None)
@example("not less than every one hour of accommodation first being provided", None)  # the reading
def test_any_text_reads_or_is_refused_with_a_column(text: str, event: str | None) -> None:
    try:
        timescale = parse_timescale(text, event)
    except TimescaleError as error:
        assert 0 <= error.column <= len(text) + 1
        for reading in error.readings:  # every reading of an ambiguous phrase reads
            try:
                parse_timescale(reading, event)
            except TimescaleError as unread:  # the ambiguity is said first, then the event
                assert any(
                    words in unread.message
                    for words in ("which event starts the clock", "make them agree")
                ), unread.message
    else:
        assert parse_timescale(format_timescale(timescale)) == timescale


AMBIGUOUS_ONCE_WRITTEN = st.sampled_from(
    [
        Duration(1, "months"),
        Duration(4, "weeks"),
        Duration(48, "working_hours", working_days=2),
        Duration(48, "working_hours", working_days=6),
        Duration(16, "working_hours", working_days=2),
    ]
)
MONTHLY = ("monthly", "every month", "each month", "on a monthly basis", "as a minimum monthly")


@st.composite
def blurred(draw: st.DrawFn) -> tuple[Timescale, str]:
    """A timescale, and its words with every stated reading taken out again."""
    timescale = draw(timescales_of(AMBIGUOUS_ONCE_WRITTEN, most_phases=2))
    words = format_timescale(timescale)
    words = re.sub(r" \(\d+ working days?\)", "", words)
    words = words.replace("every calendar month", draw(st.sampled_from(MONTHLY)))
    words = words.replace(" a calendar month", " a month")
    return timescale, words


@settings(deadline=None, max_examples=300)
@given(blurred())
@example(  # seven ambiguous phrases: more combinations than are listed, so alike read alike
    (
        Recurrence(
            "accommodation_provided",
            (
                Phase(Duration(1, "months"), lasts=Duration(48, "working_hours", working_days=2)),
                Phase(Duration(1, "months"), lasts=Duration(48, "working_hours", working_days=2)),
            ),
            first=(Duration(48, "working_hours", working_days=2),) * 2,
            cap=Duration(48, "working_hours", working_days=2),
        ),
        "within 48 working hours of accommodation first being provided, then within 48 working"
        " hours, then monthly for the first 48 working hours, then monthly for 48 working hours,"
        " never further apart than 48 working hours",
    )
)
@example((Count(2, "calendar_month", "plan_start"), "twice a month from the start of the plan"))
@example((Count(1, "calendar_month", "plan_start"), "once a month from the start of the plan"))
def test_one_of_the_readings_offered_is_what_was_meant(case: tuple[Timescale, str]) -> None:
    timescale, words = case
    try:
        read = parse_timescale(words)
    except TimescaleError as error:
        assert error.readings, error.message
        offered = {parse_timescale(reading) for reading in error.readings}
        if timescale not in offered:  # only when too many to list, and read two ways at once
            ambiguous = _ambiguous_durations(timescale)
            assert len(ambiguous) > 6, error.message
            assert {d.working_days for d in ambiguous if d.amount == 48} == {2, 6}, error.message
    else:
        assert read == timescale


def _ambiguous_durations(timescale: Timescale) -> list[Duration]:
    """The durations in a timescale whose words, blurred, have more than one reading."""
    found = []
    if isinstance(timescale, Deadline):
        found = [timescale.within]
    elif isinstance(timescale, Recurrence):
        found = [*timescale.first, *([timescale.cap] if timescale.cap else [])]
        for phase in timescale.phases:
            found += [phase.every, *([phase.lasts] if phase.lasts else [])]
    return [d for d in found if d.unit in ("months", "working_hours")]
