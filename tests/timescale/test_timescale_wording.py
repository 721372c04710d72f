"""The ways authorities write timescales, construct by construct (issue 14).

Each construct is read, with what the words add (rule conditions, notes), or refused with a
reason that names the fix. The phrase bank (:mod:`tests.timescale.test_phrase_bank`) holds the same
constructs as published; these tests pin each one down on its own.
"""

from __future__ import annotations

import pytest

from compiler.timescale.model import Deadline, Duration, Once, Phase, Recurrence, TimescaleError
from compiler.timescale.parse import parse_timescale, read_timescale

WEEK = Duration(1, "weeks")


def every(amount: int, unit: str, event: str = "plan_start") -> Recurrence:
    return Recurrence(event, (Phase(Duration(amount, unit)),))


def refusal(text: str, event: str | None = "plan_start") -> TimescaleError:
    with pytest.raises(TimescaleError) as caught:
        read_timescale(text, event)
    return caught.value


@pytest.mark.parametrize(
    ("text", "event", "expected"),
    [
        (
            "no later than 3 working days after the strategy discussion",
            None,
            Deadline(Duration(3, "working_days"), "strategy_discussion"),
        ),
        (
            "no later than 7 calendar days before the agreed CPPM date",
            None,
            Deadline(Duration(7, "days"), "child_protection_conference", before=True),
        ),
        (
            "by the end of the next working day",
            "referral_received",
            Deadline(Duration(1, "working_days"), "referral_received"),
        ),
        ("on the same day", "visit", Once("visit")),
        ("On the day the child is placed", None, Once("placement_start")),
    ],
)
def test_a_deadline_said_the_other_way_round_is_read(
    text: str, event: str | None, expected: object
) -> None:
    assert read_timescale(text, event).timescale == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not less than fortnightly", every(2, "weeks")),
        ("no less often than every 6 weeks", every(6, "weeks")),
        ("not less than weekly", every(1, "weeks")),
    ],
)
def test_a_minimum_said_negatively_is_read(text: str, expected: Recurrence) -> None:
    assert read_timescale(text, "plan_start").timescale == expected


def test_not_less_than_every_is_refused_with_both_readings() -> None:
    """Literally a minimum gap between visits; meant, almost always, as a maximum one."""
    error = refusal("not less than every four weeks")
    assert "has two readings" in error.message
    assert "a minimum gap" in error.message
    assert error.readings == ("at least every 4 weeks",)


@pytest.mark.parametrize(
    "text",
    [
        "weekly for the first month, thereafter fortnightly",
        "weekly for the first month, then fortnightly",
        "weekly for the first month, after that fortnightly",
        "weekly for the first month, subsequently fortnightly",
    ],
)
def test_a_sequence_is_joined_by_any_of_the_words_documents_use(text: str) -> None:
    expected = Recurrence(
        "plan_start", (Phase(WEEK, lasts=Duration(1, "months")), Phase(Duration(2, "weeks")))
    )
    assert read_timescale(text, "plan_start").timescale == expected


@pytest.mark.parametrize(
    ("text", "lasts"),
    [
        ("every 6 weeks during the first year of the placement", Duration(1, "years")),
        ("every 6 weeks in the first 12 months", Duration(12, "months")),
        ("intervals of no more than 3months within the first year", Duration(1, "years")),
    ],
)
def test_a_window_ends_the_phase(text: str, lasts: Duration) -> None:
    timescale = read_timescale(text, "placement_start").timescale
    assert isinstance(timescale, Recurrence)
    assert timescale.phases[0].lasts == lasts


def test_once_a_week_until_an_event_is_read_as_the_regulations_are() -> None:
    reading = read_timescale("at least once a week until the first review", "placement_start")
    assert reading.timescale == Recurrence("placement_start", (Phase(WEEK, until="first_review"),))
    assert reading.notes == ("'once a week until' is read as visits no more than a week apart",)


@pytest.mark.parametrize(
    ("text", "conditions"),
    [
        (
            "at least every 10 days or as directed by the conference chair",
            (("conference_chair_directed_otherwise", False),),
        ),
        (
            "every 2 weeks unless the conference decides otherwise",
            (("conference_decided_otherwise", False),),
        ),
        ("every 12 weeks where the Head of Service agrees", (("head_of_service_agreed", True),)),
    ],
)
def test_an_exception_is_carried_as_a_rule_condition(text: str, conditions: tuple) -> None:
    reading = read_timescale(text, "plan_start")
    assert reading.conditions == conditions
    assert reading.timescale == every(*_amount(text))


def test_a_rule_shorthand_may_not_drop_an_exception() -> None:
    """ "parse_timescale" reads a rule's shorthand, which has no place for the condition."""
    with pytest.raises(TimescaleError, match="put the condition on the rule"):
        parse_timescale("every 10 days or as directed by the conference chair", "plan_start")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("every 6 weeks wherever possible", "wherever possible"),
        (
            "at least once every six weeks, more frequently if required",
            "more frequently if required",
        ),
        ("at least every 6 months and more often if required", "and more often if required"),
        (
            "at least every two weeks unless the Child Protection Plan requires more frequent "
            "monitoring",
            "unless the Child Protection Plan requires more frequent monitoring",
        ),
        ("within 7 days (calendar days, not working days)", "(calendar days, not working days)"),
    ],
)
def test_a_hedge_is_kept_as_a_note_and_does_not_move_the_date(text: str, note: str) -> None:
    reading = read_timescale(text, "visit")
    assert reading.notes == (note,)
    bare = text[: text.index(note)].rstrip(" ,")
    assert reading.timescale == read_timescale(bare, "visit").timescale


def test_a_hedge_never_swallows_the_phase_after_it() -> None:
    """Dropping "then weekly" would give a later date than the words: refuse instead."""
    with pytest.raises(TimescaleError, match="only the last phase may go on for ever"):
        read_timescale("every 4 weeks, more frequently if required, then weekly", "plan_start")


def test_a_note_that_contradicts_the_unit_is_refused() -> None:
    error = refusal("within 5 working days (not working days)", "visit")
    assert "make them agree" in error.message


@pytest.mark.parametrize(
    ("text", "which"),
    [
        ("within 7 days of the referral or of the notification, whichever is later", "later"),
        (
            "within 10 working days of the baby’s birth or within three months of the ICPC, "
            "whichever is soonest",
            "earlier",
        ),
    ],
)
def test_the_later_or_earlier_of_two_events_is_refused_naming_which(text: str, which: str) -> None:
    error = refusal(text, None)
    assert f"takes the {which} of two events or deadlines" in error.message
    assert "name the one that starts the clock" in error.message
    assert "add an event with 'later_of' or 'earlier_of' to the vocabulary" in error.message


@pytest.mark.parametrize(
    "text",
    [
        "within 7 days of the placement or of the notification, whichever is later",
        "within 1 week of placement (not working days) or the date when notification was "
        "received if later",
    ],
)
def test_the_later_of_two_events_the_vocabulary_defines_is_read_as_that_event(text: str) -> None:
    reading = read_timescale(text)
    assert reading.timescale == Deadline(
        WEEK if "week" in text else Duration(7, "days"), "later_of_placement_and_notification"
    )


def test_inclusive_counting_is_read_as_one_day_fewer_and_says_so() -> None:
    reading = read_timescale(
        "At least once every 20 working days (from and including the day of the visit)", "visit"
    )
    assert reading.timescale == every(19, "working_days", "visit")
    assert "read as one day fewer" in reading.notes[0]


def test_inclusive_counting_of_weeks_is_refused() -> None:
    error = refusal("every 2 weeks (including the day of the visit)", "visit")
    assert "one day shorter, in days or working days" in error.message


@pytest.mark.parametrize(
    ("text", "expected", "note"),
    [
        (
            "at least once a week",
            every(1, "weeks"),
            "'once a week' is read as visits no more than a week apart; read as once in each "
            "calendar week, it would allow 13 days between visits",
        ),
        (
            "at least once a month",
            every(1, "months"),
            "'once a month' is read as visits no more than a calendar month apart; read as once "
            "in each calendar month, it would allow nearly two months between visits",
        ),
        (
            "with a minimum of one per month",
            every(1, "months"),
            "'one per month' is read as visits no more than a calendar month apart; read as once "
            "in each calendar month, it would allow nearly two months between visits",
        ),
        (
            "twice a year",
            every(6, "months"),
            "'twice a year' is read as visits no more than 6 months apart; read as twice in each "
            "calendar year, it would allow nearly two years between visits",
        ),
        (
            "at least one unannounced visit to the foster home each year",
            every(1, "years"),
            "'one unannounced visit to the foster home each year' is read as visits no more than "
            "a year apart; read as once in each calendar year, it would allow nearly two years "
            "between visits",
        ),
    ],
)
def test_a_count_per_period_is_read_as_an_interval_with_both_readings_stated(
    text: str, expected: Recurrence, note: str
) -> None:
    """A count per week and per month are treated alike: the stricter reading, stated."""
    reading = read_timescale(text, "plan_start")
    assert reading.timescale == expected
    assert reading.notes == (note,)


def test_a_rule_s_shorthand_must_still_say_which_month_once_a_month_means() -> None:
    with pytest.raises(TimescaleError) as caught:
        parse_timescale("at least once a month", "plan_start")
    assert caught.value.readings == (
        "at least once a calendar month",
        "at least every calendar month",
        "at least every 4 weeks",
    )


def test_monthly_in_a_document_is_read_as_a_calendar_month_with_a_note() -> None:
    reading = read_timescale("at least monthly", "plan_start")
    assert reading.timescale == every(1, "months")
    assert reading.notes == (
        "'monthly' is read as visits no more than a calendar month apart; some authorities "
        "mean every 4 weeks, which a rule says as 'monthly (4 weeks)'",
    )
    with pytest.raises(TimescaleError, match="has two readings"):
        parse_timescale("at least monthly", "plan_start")  # a rule says which it means


def test_monthly_beside_another_ambiguity_is_still_refused() -> None:
    assert "working hours" in refusal("within 48 working hours, then monthly").message


def test_a_timescale_with_its_alternative_in_brackets_carries_the_condition() -> None:
    words = (
        "Thereafter, at intervals of not more than 6 weeks (or 3 months if the placement is "
        "intended to last until the child is 18)"
    )
    reading = read_timescale(words, "placement_start")
    assert reading.timescale == every(6, "weeks", "placement_start")
    assert reading.conditions == (("placement_intended_until_18", False),)
    assert reading.notes == (
        "(or 3 months if the placement is intended to last until the child is 18)",
    )
    with pytest.raises(TimescaleError, match="placement_intended_until_18: false"):
        parse_timescale(words, "placement_start")  # the rule must carry the condition


def test_an_alternative_in_brackets_beside_other_phases_is_refused() -> None:
    error = refusal(
        "within one week, then every 6 weeks (3 months if the placement is intended to last "
        "until the child is 18)",
        "placement_start",
    )
    assert "give a second timescale" in error.message


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("a maximum of 10 working days", "10 working days"),
        ("a maximum 45 working days", "45 working days"),
        ("Maximum 45 working days", "45 working days"),
    ],
)
def test_a_bare_maximum_is_a_deadline_with_the_reading_noted(text: str, amount: str) -> None:
    reading = read_timescale(text, "referral_received")
    assert reading.timescale == Deadline(
        Duration(int(amount.split()[0]), "working_days"), "referral_received"
    )
    assert reading.notes == (
        f"{text!r} is read as a deadline, within {amount} of the event; if it is the longest "
        f"gap between visits, write 'every {amount}'",
    )


def test_a_maximum_opening_a_later_part_is_the_longest_gap() -> None:
    reading = read_timescale("thereafter a maximum of 6 weeks", "placement_start")
    assert reading.timescale == every(6, "weeks", "placement_start")


def test_an_interval_said_twice_is_read_once_and_kept_as_a_note() -> None:
    reading = read_timescale(
        "every two weeks, 14 calendar day intervals (regardless of Public Holidays)", "plan_start"
    )
    assert reading.timescale == every(2, "weeks")
    assert reading.notes == ("14 calendar day intervals", "(regardless of Public Holidays)")
    assert (
        "is not the timescale before it"
        in refusal("every two weeks, 10 calendar day intervals").message
    )


def test_one_amount_of_time_each_year_is_not_a_count() -> None:
    assert "could be a deadline or an interval" in refusal("one week each year").message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ten (10) working days before the conference", Duration(10, "working_days")),
        ("within 3months", Duration(3, "months")),
    ],
)
def test_numbers_in_both_forms_and_typing_slips_are_read(text: str, expected: Duration) -> None:
    timescale = read_timescale(text, "child_protection_conference").timescale
    assert isinstance(timescale, Deadline)
    assert timescale.within == expected


def test_extra_spaces_are_a_typing_slip() -> None:
    assert read_timescale("every  6 weeks", "plan_start").timescale == every(6, "weeks")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ten (12) working days", "is not the number before it"),
        ("within a maximum of 63 (45 working) days", "gives two amounts"),
        ("every 4-6 weeks", "'4-6 weeks' at column 7 is a range, from 4 to 6"),
        ("every 6 to 8 weeks", "is a range, from 6 to 8"),
        ("between one and eight weeks before the review meeting", "is a range"),
        ("fortnightly between six weeks and six months", "is a range"),
        ("usually every 3 months", "makes the timescale approximate"),
        ("within 10 school days", "cannot count school days"),
        ("termly", "cannot count school terms"),
        ("for a period of up to 16 weeks", "says how long something lasts, not when it is due"),
        (
            "every 6 weeks (3 months if the placement is intended to last until 18, or 4 weeks)",
            "the words in brackets at column 15 give a second timescale",
        ),
    ],
)
def test_a_form_with_no_single_reading_is_refused_with_the_fix(text: str, message: str) -> None:
    assert message in refusal(text).message


def _amount(text: str) -> tuple[int, str]:
    words = text.split()
    at = words.index("every")
    return int(words[at + 1]), {"days": "days", "weeks": "weeks"}[words[at + 2]]


def test_the_latest_of_the_same_event_is_the_tools_count_and_is_kept_as_a_note() -> None:
    reading = read_timescale(
        "within 15 working days of the Strategy Discussion / Meeting, or the last strategy "
        "discussion if more than one has been held"
    )
    assert reading.timescale == Deadline(Duration(15, "working_days"), "strategy_discussion")
    assert reading.notes == ("or the last strategy discussion if more than one has been held",)
    refused = refusal("within 15 working days of the strategy discussion or the referral", None)
    assert "takes one of two events or deadlines" in refused.message


def test_working_hours_that_end_on_the_same_day_either_way_are_read() -> None:
    reading = read_timescale("within 4 working hours", "referral_received")
    assert reading.timescale == Deadline(
        Duration(4, "working_hours", working_days=1), "referral_received"
    )
    assert reading.notes == (
        "'4 working hours' is read as 1 working day: a working day of 8 hours or of 24 hours "
        "gives the same day (the tools count whole days)",
    )
    assert "has no single reading" in refusal("within 24 working hours").message
    with pytest.raises(TimescaleError, match="has no single reading"):
        parse_timescale("within 4 working hours", "referral_received")  # a rule says it


def test_clear_days_before_an_event_are_one_day_more() -> None:
    """Meeting Friday 12 June: 5 clear working days are Fri 5 to Thu 11, so send by Thu 4."""
    reading = read_timescale("at least 5 clear working days in advance of the Board meeting date")
    assert reading.timescale == Deadline(Duration(6, "working_days"), "meeting", before=True)
    assert reading.notes == (
        "'5 clear working days': clear days count neither the day it is done nor the day of "
        "the event, so read as one day more (6 working days before)",
    )


def test_clear_days_after_an_event_are_refused() -> None:
    assert "only in a notice before an event" in refusal("within 5 clear days", "visit").message
