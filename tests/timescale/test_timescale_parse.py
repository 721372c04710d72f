"""The readable shorthand: every form it reads, and every way it refuses to guess."""

from __future__ import annotations

import dataclasses

import pytest

from compiler.timescale.format import format_timescale
from compiler.timescale.lexicon import PhraseIndex
from compiler.timescale.model import (
    Count,
    Deadline,
    Duration,
    Once,
    Phase,
    Recurrence,
    TimescaleError,
)
from compiler.timescale.parse import parse_timescale
from compiler.vocabulary import Term, vocabulary

HOURS_24 = Duration(24, "hours")
WEEK = Duration(1, "weeks")
FORTNIGHT = Duration(2, "weeks")
MONTH = Duration(1, "months")


def every(amount: int, unit: str, event: str = "plan_start") -> Recurrence:
    return Recurrence(event, (Phase(Duration(amount, unit)),))


def refusal(text: str, event: str | None = "plan_start") -> TimescaleError:
    with pytest.raises(TimescaleError) as caught:
        parse_timescale(text, event)
    return caught.value


# -- units and numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "amount", "unit"),
    [
        ("1 hour", 1, "hours"),
        ("4 hours", 4, "hours"),
        ("2 hr", 2, "hours"),
        ("48 hrs", 48, "hours"),
        ("48hrs", 48, "hours"),
        ("5 days", 5, "days"),
        ("5 calendar days", 5, "days"),
        ("1 working day", 1, "working_days"),
        ("five working days", 5, "working_days"),
        ("a week", 1, "weeks"),
        ("two weeks", 2, "weeks"),
        ("one month", 1, "months"),
        ("3 months", 3, "months"),
        ("five month", 5, "months"),
        ("a calendar month", 1, "months"),
        ("12 months", 12, "months"),
        ("an hour", 1, "hours"),
        ("a year", 1, "years"),
        ("2 years", 2, "years"),
        ("twenty days", 20, "days"),
        ("sixty days", 60, "days"),
        ("Five Working Days", 5, "working_days"),
    ],
)
def test_units_and_numbers_in_a_deadline(written: str, amount: int, unit: str) -> None:
    expected = Deadline(Duration(amount, unit), "visit")
    assert parse_timescale(f"within {written} of the visit") == expected


def test_working_hours_with_their_working_days_stated() -> None:
    assert parse_timescale("within 48 working hours (2 working days) of the failed visit") == (
        Deadline(Duration(48, "working_hours", working_days=2), "failed_visit")
    )


# -- deadlines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within 24 hours of the visit", Deadline(HOURS_24, "visit")),
        ("Within 24 hours of the Visit.", Deadline(HOURS_24, "visit")),
        ("within 24 hours from the visit", Deadline(HOURS_24, "visit")),
        ("within 24 hours after the visit", Deadline(HOURS_24, "visit")),
        ("within a maximum 48 hours of the visit", Deadline(Duration(48, "hours"), "visit")),
        ("within a maximum of 48 hours of the visit", Deadline(Duration(48, "hours"), "visit")),
        ("within the first week of the visit", Deadline(WEEK, "visit")),
        ("in 15 days of the visit", Deadline(Duration(15, "days"), "visit")),
        ("one month after the visit", Deadline(MONTH, "visit")),
        (
            "within 15 working days of the initial strategy meeting",
            Deadline(Duration(15, "working_days"), "strategy_discussion"),
        ),
        (
            "within 10 working days of the ICPC",
            Deadline(Duration(10, "working_days"), "initial_child_protection_conference"),
        ),
        (
            "within 5 days of the review conference",
            Deadline(Duration(5, "days"), "review_conference"),
        ),
        ("within 5 days of plan_start", Deadline(Duration(5, "days"), "plan_start")),
    ],
)
def test_deadline_after_an_event(text: str, expected: Deadline) -> None:
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "at least 5 working days before the conference",
        "5 working days before the conference",
        "at least 5 working days prior to the conference",
        "a minimum of 5 working days before the conference",
        "at least five working days notice of the conference",
        "at least five working days' notice before the conference",
    ],
)
def test_deadline_before_an_event(text: str) -> None:
    expected = Deadline(Duration(5, "working_days"), "child_protection_conference", before=True)
    assert parse_timescale(text) == expected


def test_notice_takes_the_event_from_the_rule() -> None:
    assert parse_timescale("at least five working days notice", "meeting") == Deadline(
        Duration(5, "working_days"), "meeting", before=True
    )


# -- one-off minimums and counts -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "at least once before sentencing",
        "once before sentencing",
        "once prior to sentencing",
        "once as a minimum prior to sentencing",
        "by sentencing",
        "before the sentencing hearing",
        "prior to sentencing",
    ],
)
def test_once_before_an_event(text: str) -> None:
    assert parse_timescale(text) == Once("sentencing")


def test_at_least_once_takes_the_event_from_the_rule() -> None:
    assert parse_timescale("at least once", "sentencing") == Once("sentencing")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("once a calendar week", Count(1, "week", "plan_start")),
        ("twice a calendar month", Count(2, "calendar_month", "plan_start")),
        ("at least twice a calendar week", Count(2, "week", "plan_start")),
        ("3 times per calendar year", Count(3, "year", "plan_start")),
        ("two times each calendar year", Count(2, "year", "plan_start")),
        (
            "once a calendar month from the start of the plan",
            Count(1, "calendar_month", "plan_start"),
        ),
    ],
)
def test_count_per_calendar_period(text: str, expected: Count) -> None:
    assert parse_timescale(text, "plan_start") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("once a week", every(1, "weeks")),
        ("at least once a week", every(1, "weeks")),
        ("twice a year", every(6, "months")),
        ("3 times per year", every(4, "months")),
        ("at a minimum of twice yearly", every(6, "months")),
    ],
)
def test_a_count_per_week_or_year_is_read_as_the_stricter_interval(
    text: str, expected: Recurrence
) -> None:
    """ "Once a week" as a count allows 13 days between visits; as an interval, 7: the
    interval is read, so that nothing scheduled from it is later than the words allow."""
    assert parse_timescale(text, "plan_start") == expected


def test_a_count_per_week_with_no_interval_reading_is_still_refused() -> None:
    error = refusal("twice a week")
    assert error.readings == ("twice a calendar week",)
    parse_timescale("twice a calendar week", "plan_start")


# -- recurrences -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("every 10 working days", 10, "working_days"),
        ("at least every 10 working days", 10, "working_days"),
        ("at least once every 20 working days", 20, "working_days"),
        ("every four weeks", 4, "weeks"),
        ("every week", 1, "weeks"),
        ("each week", 1, "weeks"),
        ("minimum each week", 1, "weeks"),
        ("every year", 1, "years"),
        ("each year", 1, "years"),
        ("every 12 months", 12, "months"),
        ("every calendar month", 1, "months"),
        ("at intervals of not more than 6 weeks", 6, "weeks"),
        ("at intervals of no more than 6 months", 6, "months"),
        ("no more than 6 months", 6, "months"),
        ("no less than fortnightly", 2, "weeks"),
        ("not less than weekly", 1, "weeks"),
        ("no less often than every 6 weeks", 6, "weeks"),
        ("a minimum of 6 weeks", 6, "weeks"),
        ("at a minimum of 6 weeks", 6, "weeks"),
        ("minimum of 12 weeks", 12, "weeks"),
        ("minimum every 20 working days", 20, "working_days"),
        ("thereafter a maximum of three months", 3, "months"),
        ("daily", 1, "days"),
        ("weekly", 1, "weeks"),
        ("on a weekly basis", 1, "weeks"),
        ("on weekly basis", 1, "weeks"),
        ("fortnightly", 2, "weeks"),
        ("4 weekly", 4, "weeks"),
        ("4-weekly", 4, "weeks"),
        ("4 weekly as a minimum.", 4, "weeks"),
        ("as a minimum weekly", 1, "weeks"),
        ("6 monthly", 6, "months"),
        ("6-monthly", 6, "months"),
        ("quarterly", 3, "months"),
        ("annually", 1, "years"),
        ("yearly", 1, "years"),
        ("every 3 months thereafter", 3, "months"),
        ("every 10 working days from the start of the plan", 10, "working_days"),
        ("every 10 working days of the start of the plan", 10, "working_days"),
    ],
)
def test_recurrence_of_one_phase(text: str, amount: int, unit: str) -> None:
    assert parse_timescale(text, "plan_start") == every(amount, unit)


def test_phases_each_ending_after_a_duration() -> None:
    expected = Recurrence("plan_start", (Phase(WEEK, lasts=MONTH), Phase(FORTNIGHT)))
    assert parse_timescale("weekly for the first month, then fortnightly", "plan_start") == expected
    assert parse_timescale("weekly for the first month then fortnightly", "plan_start") == expected


@pytest.mark.parametrize(
    ("lasting", "lasts"),
    [
        ("for the first year", Duration(1, "years")),
        ("for the first 6 weeks", Duration(6, "weeks")),
        ("for 6 weeks", Duration(6, "weeks")),
        ("for one calendar month", MONTH),
    ],
)
def test_how_long_a_phase_lasts(lasting: str, lasts: Duration) -> None:
    text = f"every 6 weeks {lasting}, then every 3 months"
    expected = Recurrence(
        "placement_start", (Phase(Duration(6, "weeks"), lasts), Phase(Duration(3, "months")))
    )
    assert parse_timescale(text, "placement_start") == expected


def test_phase_until_an_event() -> None:
    expected = Recurrence(
        "placement_start", (Phase(WEEK, until="first_review"), Phase(Duration(4, "weeks")))
    )
    text = "at least weekly until the first review, then every four weeks"
    assert parse_timescale(text, "placement_start") == expected


def test_conditional_phases() -> None:
    where = (("manager_approved", True),)
    expected = Recurrence("plan_start", (Phase(WEEK, lasts=MONTH), Phase(FORTNIGHT, where=where)))
    for text in (
        "weekly for the first month, then fortnightly where approved by my manager",
        "weekly for the first month, then fortnightly where it is approved by my manager",
        "weekly for the first month, then fortnightly if approved by the manager",
    ):
        assert parse_timescale(text, "plan_start") == expected


def test_unless_and_several_conditions() -> None:
    text = (
        "weekly for the first month, then fortnightly where approved by the manager "
        "and agreed by the IRO and unless the child agrees"
    )
    phase = parse_timescale(text, "plan_start").phases[1]
    assert phase.where == (
        ("child_agrees", False),
        ("iro_agreed", True),
        ("manager_approved", True),
    )


def test_cap_on_every_gap() -> None:
    expected = Recurrence(
        "plan_start",
        (Phase(WEEK, lasts=MONTH), Phase(FORTNIGHT, where=(("manager_approved", True),))),
        cap=Duration(4, "weeks"),
    )
    for cap in ("4 weekly", "every 4 weeks", "4 weeks", "four weeks"):
        text = (
            "weekly for the first month, then fortnightly where approved by my manager, "
            f"never further apart than {cap}"
        )
        assert parse_timescale(text, "plan_start") == expected
    text = "weekly for the first month, then fortnightly where approved by my manager, they will "
    error = refusal(text + "never be further apart than 4 weekly")
    assert error.message == "could not read 'they' at column 76; did you mean 'then'?"


def test_earlier_first_deadline_then_phases() -> None:
    expected = Recurrence(
        "placement_start",
        (Phase(Duration(6, "weeks"), lasts=Duration(1, "years")), Phase(Duration(3, "months"))),
        first=(WEEK,),
    )
    text = (
        "within one week of the start of the placement, then every 6 weeks for the first year, "
        "then every 3 months"
    )
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "one month after completing the assessment and then every 3 months thereafter",
        "within one month of completing the assessment and thereafter a maximum of three months",
        "within 1 month of completing the assessment, then every 3 months",
    ],
)
def test_first_deadline_written_as_after_or_within(text: str) -> None:
    expected = Recurrence("assessment_completed", (Phase(Duration(3, "months")),), first=(MONTH,))
    assert parse_timescale(text) == expected


def test_start_event_named_after_a_phase() -> None:
    text = "every 6 weeks for the first year of the placement, then every 3 months"
    assert parse_timescale(text).event == "placement_start"


def test_the_last_phase_may_end_at_an_event() -> None:
    text = "within the first week then every week thereafter until the first LAC review"
    expected = Recurrence("placement_start", (Phase(WEEK, until="first_review"),), first=(WEEK,))
    assert parse_timescale(text, "placement_start") == expected


# -- the start event -------------------------------------------------------------------------


def test_event_named_in_the_text_and_by_the_rule_must_agree() -> None:
    assert parse_timescale("within 24 hours of the visit", "visit") == Deadline(HOURS_24, "visit")
    error = refusal("within 24 hours of the visit", "meeting")
    assert error.message == (
        "the timescale names the event 'visit' at column 20 but the rule's event is 'meeting': "
        "make them agree, or leave the event out of one"
    )
    assert error.column == 20


def test_event_must_be_named_somewhere() -> None:
    error = refusal("within 24 hours", None)
    assert error.message == (
        "say which event starts the clock: name it in the timescale "
        "('within 24 hours of the visit') or give the rule an event"
    )
    assert error.column == 0


def test_one_clock_only() -> None:
    error = refusal("within one week of the placement, then weekly from the start of the plan")
    assert error.column == 52
    assert error.message == (
        "the timescale names two events that start the clock: 'placement_start' at column 20 "
        "and 'plan_start' at column 52"
    )


def test_events_match_the_longest_phrase_in_any_case() -> None:
    text = "within 5 days of the visit at which the child was not seen alone"
    assert parse_timescale(text).event == "visit_not_seen_alone"
    assert parse_timescale("by the 4-month review") == Once("second_review")
    assert parse_timescale("within 24 hours of the CPC").event == "child_protection_conference"


def test_vocabulary_can_be_given() -> None:
    bundled = vocabulary()
    events = {"hearing": Term("hearing", "Hearing", "A court hearing.", ("the hearing",))}
    custom = dataclasses.replace(bundled, events=events)
    assert parse_timescale("once before the hearing", vocabulary=custom) == Once("hearing")
    assert parse_timescale("once before the visit") == Once("visit")
    with pytest.raises(TimescaleError, match="names no event"):
        parse_timescale("once before the visit", vocabulary=custom)


def test_a_phrase_naming_two_terms_is_refused() -> None:
    with pytest.raises(TimescaleError, match="the phrase 'The Hearing' names both 'a' and 'b'"):
        PhraseIndex.of({"a": ("the hearing",), "b": ("The Hearing",)})


# -- ambiguous phrases -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "column"),
    [
        ("monthly", "monthly", 1),
        ("every month", "every month", 1),
        ("each month", "each month", 1),
        ("no less than monthly", "monthly", 14),
        ("as a minimum monthly", "monthly", 14),
        ("on a monthly basis", "on a monthly basis", 1),
        ("1 monthly", "1 monthly", 1),
    ],
)
def test_monthly_is_a_calendar_month_or_four_weeks(text: str, written: str, column: int) -> None:
    error = refusal(text)
    start = column - 1
    end = start + len(written)
    readings = (
        f"{text[:end]} (calendar month){text[end:]}",
        f"{text[:end]} (4 weeks){text[end:]}",
    )
    assert error.readings == readings
    assert error.column == column
    assert error.message == (
        f"'{written}' at column {column} has two readings: a calendar month, or 4 weeks; "
        f"write one of: '{readings[0]}', '{readings[1]}'"
    )
    assert parse_timescale(readings[0], "plan_start") == every(1, "months")
    assert parse_timescale(readings[1], "plan_start") == every(4, "weeks")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every calendar month", every(1, "months")),
        ("monthly (calendar month)", every(1, "months")),
        ("monthly (a calendar month)", every(1, "months")),
        ("monthly (every calendar month)", every(1, "months")),
        ("monthly (4 weeks)", every(4, "weeks")),
        ("monthly (every 4 weeks)", every(4, "weeks")),
        ("no less than monthly (calendar month)", every(1, "months")),
        ("as a minimum monthly (4 weeks)", every(4, "weeks")),
        ("every month (4 weeks)", every(4, "weeks")),
    ],
)
def test_monthly_with_its_reading_stated(text: str, expected: Recurrence) -> None:
    assert parse_timescale(text, "plan_start") == expected


def test_monthly_stated_as_something_else_is_refused() -> None:
    error = refusal("monthly (6 weeks)")
    assert error.message == (
        "'monthly' at column 1 means a calendar month or 4 weeks: "
        "write '(calendar month)' or '(4 weeks)'"
    )
    assert error.column == 10


def test_once_a_month_is_a_count_or_an_interval() -> None:
    error = refusal("at least once a month")
    assert error.readings == (
        "at least once a calendar month",
        "at least every calendar month",
        "at least every 4 weeks",
    )
    assert error.message == (
        "'once a month' at column 10 has three readings: once in each calendar month (a count), "
        "every calendar month (an interval), or every 4 weeks (an interval); write one of: "
        "'at least once a calendar month', 'at least every calendar month', "
        "'at least every 4 weeks'"
    )
    assert [parse_timescale(reading, "plan_start") for reading in error.readings] == [
        Count(1, "calendar_month", "plan_start"),
        every(1, "months"),
        every(4, "weeks"),
    ]


@pytest.mark.parametrize("text", ["twice a month", "two times a month"])
def test_twice_a_month_is_a_count_or_every_two_weeks(text: str) -> None:
    error = refusal(text)
    times = text.removesuffix(" a month")
    assert error.readings == (f"{times} a calendar month", "every 2 weeks")
    assert error.message == (
        f"'{text}' at column 1 has two readings: twice in each calendar month (a count), "
        f"or every 2 weeks (an interval); write one of: '{times} a calendar month', "
        "'every 2 weeks'"
    )
    assert parse_timescale(error.readings[0], "plan_start") == Count(
        2, "calendar_month", "plan_start"
    )
    assert parse_timescale(error.readings[1], "plan_start") == every(2, "weeks")


def test_three_times_a_month_must_say_which_month() -> None:
    error = refusal("3 times a month")
    assert error.readings == ("3 times a calendar month",)
    assert error.message == (
        "'3 times a month' at column 1 has no single reading: 3 times in each calendar month "
        "(a count); write: '3 times a calendar month'"
    )


def test_working_hours_must_say_how_many_working_days() -> None:
    error = refusal("within 48 working hours of the last failed visit", None)
    assert error.readings == (
        "within 48 working hours (2 working days) of the last failed visit",
        "within 48 working hours (6 working days) of the last failed visit",
    )
    assert error.column == 8
    assert error.message == (
        "'48 working hours' at column 8 has no single reading: 2 working days (a 24-hour working "
        "day), or 6 working days (an 8-hour working day); write one of: "
        "'within 48 working hours (2 working days) of the last failed visit', "
        "'within 48 working hours (6 working days) of the last failed visit'"
    )
    assert parse_timescale(error.readings[1]) == Deadline(
        Duration(48, "working_hours", working_days=6), "failed_visit"
    )


def test_working_hours_that_read_the_same_either_way_still_say_so() -> None:
    error = refusal("within 8 working hours of the visit", None)
    assert error.readings == ("within 8 working hours (1 working day) of the visit",)
    assert "1 working day (a 24-hour or an 8-hour working day)" in error.message


def test_every_ambiguity_is_reported_with_combined_readings() -> None:
    error = refusal("within 48 working hours of the visit, then monthly", None)
    assert error.column == 8
    assert error.readings == (
        "within 48 working hours (2 working days) of the visit, then monthly (calendar month)",
        "within 48 working hours (2 working days) of the visit, then monthly (4 weeks)",
        "within 48 working hours (6 working days) of the visit, then monthly (calendar month)",
        "within 48 working hours (6 working days) of the visit, then monthly (4 weeks)",
    )
    assert "'48 working hours' at column 8 has no single reading" in error.message
    assert "; 'monthly' at column 44 has two readings" in error.message
    assert parse_timescale(error.readings[3]) == Recurrence(
        "visit",
        (Phase(Duration(4, "weeks")),),
        first=(Duration(48, "working_hours", working_days=6),),
    )


def test_too_many_combined_readings_reads_a_repeated_phrase_alike() -> None:
    phases = ", then ".join(["monthly for one month"] * 6 + ["monthly"])
    error = refusal(phases)
    assert error.readings == (
        phases.replace("monthly", "monthly (calendar month)"),
        phases.replace("monthly", "monthly (4 weeks)"),
    )
    assert error.message.count("has two readings") == 7
    for reading in error.readings:
        parse_timescale(reading, "plan_start")


def test_a_plain_mistake_is_reported_before_an_ambiguity() -> None:
    error = refusal("monthly from the start of the plann")
    assert error.message.startswith("could not read 'the start of the plann' at column 14")


# -- words it cannot read --------------------------------------------------------------------


def test_misspelt_word_is_quoted_with_its_column_and_a_suggestion() -> None:
    error = refusal("every fortnighly")
    assert error.message == "could not read 'fortnighly' at column 7; did you mean 'fortnightly'?"
    assert error.column == 7


def test_unknown_event_is_quoted_whole_with_suggestions() -> None:
    error = refusal("within 24 hours of the visitt", None)
    assert error.message == (
        "could not read 'the visitt' at column 20: it names no event in the vocabulary; "
        "did you mean 'the visit' or 'a visit' or 'the failed visit'? "
        "(standards vocabulary events lists them all)"
    )
    assert error.column == 20


def test_unknown_condition_is_quoted() -> None:
    error = refusal("weekly for the first month, then fortnightly where the moon is full")
    assert error.message == (
        "could not read 'the moon is full' at column 52: it names no condition in the "
        "vocabulary; timescales that read look like 'weekly for the first month, then "
        "fortnightly where approved by the manager', 'at least every 10 working days from the "
        "start of the plan' or 'within one week of the start of the placement, then every 6 "
        "weeks' (standards vocabulary conditions lists them all)"
    )
    assert error.column == 52


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        (
            "within " + "9" * 100 + " days",
            "'" + "9" * 57 + "...' at column 8 is too large",
            8,
        ),
        (
            "immediately",
            "could not read 'immediately' at column 1: expected a timescale, such as 'within 24 "
            "hours of the visit', 'every 10 working days' or 'once before sentencing'",
            1,
        ),
        ("", "the timescale is empty: write one such as 'within 24 hours of the visit'", 0),
        ("  \n ", "the timescale is empty: write one such as 'within 24 hours of the visit'", 0),
        (
            "within 24",
            "the timescale ends too early at column 10: expected a unit of time: "
            "hours, working hours, days, working days, weeks, months or years",
            10,
        ),
        ("within 24 hours of", "the timescale ends too early at column 19: expected an event", 19),
        (
            "every 10 working days blah",
            "could not read 'blah' at column 23: expected the end of the timescale; timescales "
            "that read look like 'at least every 10 working days from the start of the plan', "
            "'within 5 working days of the visit' or 'at least 5 working days before the "
            "conference'",
            23,
        ),
        (
            "within 1½ hours",
            "could not read '½' at column 9: expected a unit of time: hours, "
            "working hours, days, working days, weeks, months or years",
            9,
        ),
        (
            "within 24 hours # of the visit",
            "could not read '#' at column 17: expected the end of the timescale",
            17,
        ),
        (
            "6 weeks",
            "'6 weeks' at column 1 could be a deadline or an interval: write "
            "'within 6 weeks' or 'every 6 weeks' (or '6 weeks before' an event)",
            1,
        ),
        (
            "at least 6 weeks",
            "'6 weeks' at column 10 could be a deadline or an interval: write "
            "'within 6 weeks' or 'every 6 weeks' (or '6 weeks before' an event)",
            10,
        ),
        ("within 0 days", "an amount at column 8 must be at least 1, not 0", 8),
        ("within 10000001 days", "'10000001' at column 8 is too large", 8),
        (
            "twice a fortnight",
            "could not read 'fortnight' at column 9; did you mean 'fortnightly'?",
            9,
        ),
        (
            "weekly, then fortnightly",
            "only the last phase may go on for ever: say how long the "
            "phase before column 14 lasts ('for the first month', 'until the first review')",
            14,
        ),
        (
            "weekly where approved by the manager",
            "the first phase of a recurrence cannot depend "
            "on a condition: put the condition on the rule instead",
            8,
        ),
        (
            "weekly for the first month until the first review",
            "a phase ends either after a duration or at an event, not both",
            28,
        ),
        (
            "weekly for a month, then fortnightly unless the child agrees and approved by the "
            "manager",
            "after 'unless', write 'and unless ...' or 'and where ...'",
            66,
        ),
        (
            "weekly for a month, then fortnightly where the child agrees and where the child "
            "agrees",
            "the condition 'child_agrees' is named twice in one phase",
            71,
        ),
        (
            "weekly, never closer than 4 weekly",
            "could not read 'closer' at column 15: expected "
            "'further apart than', as in 'never further apart than 4 weekly'",
            15,
        ),
        (
            "on a fortnight basis",
            "could not read 'fortnight' at column 6; did you mean 'fortnightly'?",
            6,
        ),
        (
            "within 48 working hours (2 weeks)",
            "could not read 'weeks' at column 28: expected how "
            "many working days it means, as in '48 working hours (2 working days)'",
            28,
        ),
    ],
)
def test_unreadable_text_is_refused_at_its_column(text: str, message: str, column: int) -> None:
    error = refusal(text)
    assert (error.message, error.column) == (message, column)


def test_two_first_deadlines_then_a_frequency() -> None:
    # Regulation 33: the first review within 20 working days, the second within 3 months of
    # the first, then every 6 months.
    text = (
        "within 20 working days of the child becoming looked after, then within 3 months, "
        "then every 6 months"
    )
    expected = Recurrence(
        "became_looked_after",
        (Phase(Duration(6, "months")),),
        first=(Duration(20, "working_days"), Duration(3, "months")),
    )
    assert parse_timescale(text) == expected
    # the site writes the event's first phrase
    assert format_timescale(expected) == (
        "within 20 working days of the child coming into care, then within 3 months, "
        "then every 6 months"
    )
    assert parse_timescale(format_timescale(expected)) == expected


def test_a_second_deadline_needs_a_frequency_after_it() -> None:
    with pytest.raises(TimescaleError, match="a frequency after the deadlines"):
        parse_timescale(
            "within 20 working days of the child becoming looked after, then within 3 months"
        )
