"""Every timescale phrase in the five source documents, and what the shorthand makes of it.

Each row quotes a document (``raw``, checked against the copy in ``tests/fixtures/sources``;
" … " separates fragments of one statement), gives the shorthand where the document's sentence
is not itself a timescale (``shorthand``: only connective words are rewritten), the rule's own
event where the words name none, and the expected canonical form, written by hand from the
document. Phrases with two readings are expected to be refused with the readings listed;
time words that are not a timescale the model can hold ("immediately", "for at least one
year" as a condition) are expected to be refused at the word named.

Left out, because they are not timescales of any rule: St Helens' "the child's experiences on
a daily basis" and "their experiences on a daily basis" (descriptions), "within the timescales
relevant to the type and duration of the placement" (a pointer to other rules), "prior to and
after every decision" (a habit of thought); the trust's "seen again within the month" (the
words of the "twice a month" rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from compiler.timescale.model import (
    Deadline,
    Duration,
    Once,
    Phase,
    Recurrence,
    Timescale,
    TimescaleError,
)
from compiler.timescale.parse import parse_timescale

SOURCES = Path(__file__).parent.parent / "fixtures" / "sources"
WEB = "000_e6a7342433a519c0.txt"  # St Helens Safeguarding Children Partnership, web page
TRUST = "001_6d1e4a492e4b61eb.txt"  # the children's trust's practice guide, October 2024
ST_HELENS = "002_b04aba23dd423252.txt"  # St Helens Practice Standards, October 2018
GLOUCESTERSHIRE = "003_e51c6fb3b978c932.txt"  # Home Visiting guidance, May 2017
WALSALL = "004_6d33ae2342e50ab1.txt"  # CIN visits and reviews, March 2024


@dataclass(frozen=True)
class Refused:
    """The phrase is refused: with these readings if ambiguous, else at the words quoted."""

    readings: tuple[str, ...] = ()
    message_starts: str = ""

    def __post_init__(self) -> None:
        assert self.readings or self.message_starts, "say how the phrase is refused"


@dataclass(frozen=True)
class Row:
    source: str
    raw: str
    expected: Timescale | Refused
    event: str | None = None
    shorthand: str | None = None

    @property
    def text(self) -> str:
        return self.raw if self.shorthand is None else self.shorthand


def hours(n: int) -> Duration:
    return Duration(n, "hours")


def days(n: int) -> Duration:
    return Duration(n, "days")


def working_days(n: int) -> Duration:
    return Duration(n, "working_days")


def weeks(n: int) -> Duration:
    return Duration(n, "weeks")


def months(n: int) -> Duration:
    return Duration(n, "months")


def years(n: int) -> Duration:
    return Duration(n, "years")


def every(interval: Duration, event: str) -> Recurrence:
    return Recurrence(event, (Phase(interval),))


MONTHLY = Refused(("monthly (calendar month)", "monthly (4 weeks)"))
TWICE_A_MONTH = Refused(("twice a calendar month", "every 2 weeks"))
MANAGER_APPROVED = (("manager_approved", True),)
WEEKLY_THEN_FORTNIGHTLY_WHERE_APPROVED = (
    Phase(weeks(1), lasts=months(1)),
    Phase(weeks(2), where=MANAGER_APPROVED),
)


def not_a_timescale(words: str) -> Refused:
    return Refused(message_starts=f"could not read {words!r} at column 1")


ROWS = [
    # -- St Helens Practice Standards (2018) --------------------------------------------------
    Row(ST_HELENS, "every four weeks", every(weeks(4), "worker_started"), event="worker_started"),
    Row(ST_HELENS, "within one week of formal supervision", Deadline(weeks(1), "supervision")),
    Row(
        ST_HELENS,
        "Early Help Workers will receive monthly supervision",
        MONTHLY,
        event="worker_started",
        shorthand="monthly",
    ),
    Row(
        ST_HELENS,
        "Family intervention coordinators will receive monthly supervision",
        MONTHLY,
        event="worker_started",
        shorthand="monthly",
    ),
    Row(
        ST_HELENS,
        "Family intervention workers will receive monthly supervision",
        MONTHLY,
        event="worker_started",
        shorthand="monthly",
    ),
    Row(
        ST_HELENS,
        "case notes will be recorded within five working days",
        Deadline(working_days(5), "event"),
        event="event",
        shorthand="within five working days",
    ),
    Row(
        ST_HELENS,
        "the Case Chronology is updated on a monthly basis",
        Refused(("on a monthly basis (calendar month)", "on a monthly basis (4 weeks)")),
        event="case_allocated",
        shorthand="on a monthly basis",
    ),
    Row(
        ST_HELENS,
        "reviewed within one hour of been received",
        Deadline(hours(1), "referral_received"),
        shorthand="within one hour of the referral being received",
    ),
    Row(
        ST_HELENS,
        "screening required within 1 working day",
        Deadline(working_days(1), "referral_received"),
        event="referral_received",
        shorthand="within 1 working day",
    ),
    Row(
        ST_HELENS,
        "within 4 hours of the referral been received",
        Deadline(hours(4), "referral_received"),
    ),
    Row(
        ST_HELENS,
        "sent to the relevant team duty inbox within 24 hours",
        Deadline(hours(24), "referral_received"),
        event="referral_received",
        shorthand="within 24 hours",
    ),
    Row(
        ST_HELENS,
        "re referrals within 12 weeks of the case closure",
        Refused(
            message_starts="could not read 'the case closure' at column 20: it names no "
            "event in the vocabulary"
        ),
        shorthand="within 12 weeks of the case closure",
    ),
    Row(
        ST_HELENS,
        "within 5 days of the referral been received",
        Deadline(days(5), "referral_received"),
    ),
    Row(
        ST_HELENS,
        "My team manager will respond to the referral within 24 hours",
        Deadline(hours(24), "referral_received"),
        event="referral_received",
        shorthand="within 24 hours",
    ),
    Row(
        ST_HELENS,
        "I complete actions allocated via the referral within 5 working days",
        Deadline(working_days(5), "case_allocated"),
        event="case_allocated",
        shorthand="within 5 working days",
    ),
    Row(
        ST_HELENS,
        "within 20 days of the agreement to complete the asses",
        Deadline(days(20), "assessment_agreed"),
        shorthand="within 20 days of the agreement to complete the assessment",
    ),
    Row(
        ST_HELENS,
        "one month after completing the EHA and then every 3 months thereafter",
        Recurrence("assessment_completed", (Phase(months(3)),), first=(months(1),)),
    ),
    Row(
        ST_HELENS,
        "within 15 working days of the date that it was agreed to happen",
        Deadline(working_days(15), "meeting_agreed"),
    ),
    Row(
        ST_HELENS,
        "within 10 working days of the Family Action Meeting",
        Deadline(working_days(10), "family_action_meeting"),
    ),
    Row(
        ST_HELENS,
        "within one month of the initial Family Action Meeting and thereafter a "
        "maximum of three months",
        Recurrence("family_action_meeting", (Phase(months(3)),), first=(months(1),)),
    ),
    Row(ST_HELENS, "within 15 days of the Meeting", Deadline(days(15), "meeting")),
    Row(
        ST_HELENS,
        "I have completed my assessment in 15 days",
        Deadline(days(15), "assessment_started"),
        event="assessment_started",
        shorthand="in 15 days",
    ),
    Row(
        ST_HELENS,
        "where I know it will exceed 15 days",
        not_a_timescale("exceed"),
        event="assessment_started",
        shorthand="exceed 15 days",
    ),
    Row(
        ST_HELENS,
        "I have arranged a Child In Need meeting prior to completion of the assessment",
        Once("assessment_completed"),
        shorthand="prior to the assessment being completed",
    ),
    Row(
        ST_HELENS,
        "when a significant incident has occurred or every 12 months",
        every(months(12), "assessment_completed"),
        event="assessment_completed",
        shorthand="every 12 months",
    ),
    Row(
        ST_HELENS,
        "which will be no less than monthly",
        Refused(("no less than monthly (calendar month)", "no less than monthly (4 weeks)")),
        event="plan_start",
        shorthand="no less than monthly",
    ),
    Row(
        ST_HELENS,
        "I hold review meetings monthly",
        MONTHLY,
        event="plan_start",
        shorthand="monthly",
    ),
    Row(
        ST_HELENS,
        "I will circulate the notes from the CIN meeting within 10 days",
        Deadline(days(10), "meeting"),
        event="meeting",
        shorthand="within 10 days",
    ),
    Row(
        ST_HELENS,
        "will circulate the Plan within 5 days",
        Deadline(days(5), "meeting"),
        event="meeting",
        shorthand="within 5 days",
    ),
    Row(
        ST_HELENS,
        "circulated to professionals involved within 24 hours",
        Deadline(hours(24), "strategy_discussion"),
        event="strategy_discussion",
        shorthand="within 24 hours",
    ),
    Row(
        ST_HELENS,
        "I have seen the child within 24 hours",
        Deadline(hours(24), "s47_started"),
        event="s47_started",
        shorthand="within 24 hours",
    ),
    Row(
        ST_HELENS,
        "spoken to them alone (where appropriate) within the first week",
        Deadline(weeks(1), "s47_started"),
        event="s47_started",
        shorthand="within the first week",
    ),
    Row(
        ST_HELENS,
        "at least five working days notice",
        Deadline(working_days(5), "child_protection_conference", before=True),
        event="child_protection_conference",
    ),
    Row(
        ST_HELENS,
        "the conference is convened within 15 days of the initial strategy meeting "
        "agreeing the S47",
        Deadline(days(15), "strategy_discussion"),
        shorthand="within 15 days of the initial strategy meeting",
    ),
    Row(
        ST_HELENS,
        "at least 2 days prior to the meetings",
        Deadline(days(2), "child_protection_conference", before=True),
        shorthand="at least 2 days prior to the conference",
    ),
    Row(
        ST_HELENS,
        "within 10 working days of the ICPC",
        Deadline(working_days(10), "initial_child_protection_conference"),
    ),
    Row(
        ST_HELENS,
        "circulated to all members of the Core Group within 5 working days",
        Deadline(working_days(5), "meeting"),
        event="meeting",
        shorthand="within 5 working days",
    ),
    Row(
        ST_HELENS,
        "the core group meets regularly (as a minimum monthly)",
        Refused(("as a minimum monthly (calendar month)", "as a minimum monthly (4 weeks)")),
        event="initial_child_protection_conference",
        shorthand="as a minimum monthly",
    ),
    Row(
        ST_HELENS,
        "at least 48 hours before the Review Conference",
        Deadline(hours(48), "review_conference", before=True),
    ),
    Row(
        ST_HELENS,
        "weekly for the first month where it is approved by my manager I will reduce "
        "my frequency of visits to fortnightly, they will never be further apart than 4 weekly",
        Recurrence("plan_start", WEEKLY_THEN_FORTNIGHTLY_WHERE_APPROVED, cap=weeks(4)),
        event="plan_start",
        shorthand=(
            "weekly for the first month, then fortnightly where it is approved by my manager, "
            "never further apart than 4 weekly"
        ),
    ),
    Row(
        ST_HELENS,
        "prior to the day of conference",
        Deadline(days(1), "child_protection_conference", before=True),
        shorthand="at least one day before the conference",
    ),
    Row(
        ST_HELENS, "within 24 hours of the CPC", Deadline(hours(24), "child_protection_conference")
    ),
    Row(
        ST_HELENS,
        "within 15 days of the Child Protection Conference",
        Deadline(days(15), "child_protection_conference"),
    ),
    Row(
        ST_HELENS,
        "within 5 working days of the placement",
        Deadline(working_days(5), "placement_start"),
    ),
    Row(
        ST_HELENS,
        "at least every 12 months",
        every(months(12), "became_looked_after"),
        event="became_looked_after",
    ),
    Row(
        ST_HELENS,
        "within 20 days of coming into care and annually",
        Recurrence("became_looked_after", (Phase(years(1)),), first=(days(20),)),
    ),
    Row(ST_HELENS, "by the 4-month review", Once("second_review")),
    Row(
        ST_HELENS,
        "weekly for the first month they come into care and reduce my visits to "
        "fortnightly where it is approved by my manager",
        Recurrence("became_looked_after", WEEKLY_THEN_FORTNIGHTLY_WHERE_APPROVED),
        shorthand=(
            "weekly for the first month of coming into care, then fortnightly where it is "
            "approved by my manager"
        ),
    ),
    Row(
        ST_HELENS,
        "the C&F assessment which I complete each year",
        every(years(1), "became_looked_after"),
        event="became_looked_after",
        shorthand="each year",
    ),
    Row(
        ST_HELENS,
        "contribute to the foster carers annual review",
        not_a_timescale("annual"),
        event="carer_approved",
        shorthand="annual review",
    ),
    Row(ST_HELENS, "within 5 days of the contact", Deadline(days(5), "contact")),
    Row(
        ST_HELENS,
        "by completing 6 monthly reports",
        every(months(6), "worker_started"),
        event="worker_started",
        shorthand="6 monthly",
    ),
    Row(
        ST_HELENS,
        "I send out my recommendations within 5 days of the review",
        Deadline(days(5), "review"),
        shorthand="within 5 days of the review",
    ),
    Row(ST_HELENS, "within 20 days of the review", Deadline(days(20), "review")),
    Row(
        ST_HELENS,
        "I prepare a plan of introductions prior to the child being placed with adopters",
        Once("placement_start"),
        shorthand="prior to the placement",
    ),
    Row(ST_HELENS, "prior to introductions commencing", Once("introductions_started")),
    Row(
        ST_HELENS,
        "I will visit the child with the adopters at least once",
        Once("placement_start"),
        event="placement_start",
        shorthand="at least once",
    ),
    Row(
        ST_HELENS,
        "contact the adopters and the foster carers daily",
        every(days(1), "introductions_started"),
        event="introductions_started",
        shorthand="daily",
    ),
    Row(
        ST_HELENS,
        "Before the child is placed for adoption",
        Once("placement_start"),
        shorthand="before the placement",
    ),
    Row(
        ST_HELENS,
        "within the first week then every week thereafter until the first LAC review",
        Recurrence("placement_start", (Phase(weeks(1), until="first_review"),), first=(weeks(1),)),
        event="placement_start",
    ),
    Row(
        ST_HELENS,
        "when the child has been placed for ten weeks",
        not_a_timescale("placed"),
        event="placement_start",
        shorthand="placed for ten weeks",
    ),
    Row(
        ST_HELENS,
        "Within two weeks of the profiling meeting",
        Deadline(weeks(2), "profiling_meeting"),
    ),
    Row(
        ST_HELENS,
        "on weekly basis",
        every(weeks(1), "family_finding_started"),
        event="family_finding_started",
    ),
    Row(
        ST_HELENS,
        "progressed to panel within five month",
        Deadline(months(5), "fostering_application"),
        event="fostering_application",
        shorthand="within five month",
    ),
    Row(
        ST_HELENS,
        "Foster carers I am assessing will receive a copy of their assessment report "
        "to comment on prior to it being presented to panel",
        Refused(
            message_starts="could not read 'it being presented to panel' at column 10: it "
            "names no event in the vocabulary"
        ),
        shorthand="prior to it being presented to panel",
    ),
    Row(
        ST_HELENS,
        "at least every six weeks",
        every(weeks(6), "carer_approved"),
        event="carer_approved",
    ),
    Row(
        ST_HELENS,
        "undertake an unannounced visit annually",
        every(years(1), "carer_approved"),
        event="carer_approved",
        shorthand="annually",
    ),
    Row(
        ST_HELENS,
        "immediately rearrange supervision",
        not_a_timescale("immediately"),
        event="supervision",
        shorthand="immediately",
    ),
    Row(
        ST_HELENS,
        "I discuss it immediately with my manager",
        not_a_timescale("immediately"),
        event="event",
        shorthand="immediately",
    ),
    Row(
        ST_HELENS,
        "I record contact with children within 5 days of the contact but strive to do "
        "this immediately where possible",
        not_a_timescale("immediately"),
        event="contact",
        shorthand="immediately",
    ),
    Row(
        ST_HELENS,
        "will immediately seek agreement to ‘family find’ outside of TFA",
        not_a_timescale("immediately"),
        event="family_finding_started",
        shorthand="immediately",
    ),
    Row(
        ST_HELENS,
        "share these with the ‘Front Door’ team immediately",
        not_a_timescale("immediately"),
        event="event",
        shorthand="immediately",
    ),
    Row(
        ST_HELENS,
        "the adoption team should be notified immediately",
        not_a_timescale("immediately"),
        event="event",
        shorthand="immediately",
    ),
    Row(
        ST_HELENS,
        "I notify my Manager immediately",
        not_a_timescale("immediately"),
        event="event",
        shorthand="immediately",
    ),
    # -- St Helens web page (a later copy of the children in care section) --------------------
    Row(
        WEB,
        "weekly for the first month they come into care and reduce my visits to "
        "fortnightly where it is approved by my Manager",
        Recurrence("became_looked_after", WEEKLY_THEN_FORTNIGHTLY_WHERE_APPROVED),
        shorthand=(
            "weekly for the first month of coming into care, then fortnightly where it is "
            "approved by my Manager"
        ),
    ),
    Row(
        WEB,
        "the C&F assessment which I complete each year",
        every(years(1), "became_looked_after"),
        event="became_looked_after",
        shorthand="each year",
    ),
    Row(
        WEB,
        "contribute to the Foster Carer’s annual review",
        not_a_timescale("annual"),
        event="carer_approved",
        shorthand="annual review",
    ),
    # -- the trust's Planning and Seeing our Children practice guide (2024) -------------------
    Row(
        TRUST,
        "Initial home visit within 10 working days",
        Deadline(working_days(10), "case_allocated"),
        event="case_allocated",
        shorthand="within 10 working days",
    ),
    Row(TRUST, "at least every 3 weeks", every(weeks(3), "case_allocated"), event="case_allocated"),
    Row(TRUST, "Every 20 working days.", every(working_days(20), "plan_start"), event="plan_start"),
    Row(
        TRUST,
        "The statutory child protection visit should be every 15 working days",
        every(working_days(15), "plan_start"),
        event="plan_start",
        shorthand="every 15 working days",
    ),
    Row(
        TRUST,
        "within the month to complete direct work as a minimum. This means that children "
        "are seen twice a month.",
        TWICE_A_MONTH,
        event="plan_start",
        shorthand="twice a month",
    ),
    Row(
        TRUST,
        "Minimum every 20 working days however there is an expectation",
        every(working_days(20), "became_looked_after"),
        event="became_looked_after",
        shorthand="Minimum every 20 working days",
    ),
    Row(
        TRUST,
        "during the month to complete direct work. This means that children are seen "
        "twice a month.",
        TWICE_A_MONTH,
        event="became_looked_after",
        shorthand="twice a month",
    ),
    Row(
        TRUST,
        "Within 1 week of the start of the placement, then at a minimum of 6 weeks.",
        Recurrence("placement_start", (Phase(weeks(6)),), first=(weeks(1),)),
    ),
    Row(
        TRUST,
        "Visit minimum of 12 weeks.",
        every(weeks(12), "placement_start"),
        event="placement_start",
        shorthand="minimum of 12 weeks.",
    ),
    Row(
        TRUST,
        "Interim Care Order – minimum every 20 working days",
        every(working_days(20), "placement_start"),
        event="placement_start",
        shorthand="minimum every 20 working days",
    ),
    Row(
        TRUST,
        "Care Order – every 6 weeks.",
        every(weeks(6), "care_order_made"),
        event="care_order_made",
        shorthand="every 6 weeks.",
    ),
    Row(
        TRUST,
        "Keeping in touch visit every 8 weeks.",
        every(weeks(8), "leaving_care"),
        event="leaving_care",
        shorthand="every 8 weeks.",
    ),
    Row(
        TRUST,
        "Children living in Residential Homes	Every 6 weeks.",
        every(weeks(6), "placement_start"),
        event="placement_start",
        shorthand="Every 6 weeks.",
    ),
    Row(
        TRUST,
        "Children with stable care packages - every 12 weeks.",
        every(weeks(12), "plan_start"),
        event="plan_start",
        shorthand="every 12 weeks.",
    ),
    Row(
        TRUST,
        "Initial visit within 7 working days, then at a minimum of 6 weeks.",
        Recurrence("notification_received", (Phase(weeks(6)),), first=(working_days(7),)),
        event="notification_received",
        shorthand="within 7 working days, then at a minimum of 6 weeks.",
    ),
    Row(TRUST, "Every 10 days.", every(days(10), "placement_start"), event="placement_start"),
    Row(
        TRUST, "4 weekly as a minimum.", every(weeks(4), "placement_start"), event="placement_start"
    ),
    Row(
        TRUST,
        "Minimum each week for duration of the arrangement.",
        every(weeks(1), "arrangement_started"),
        event="arrangement_started",
        shorthand="Minimum each week",
    ),
    Row(
        TRUST,
        "Prior to sentencing, children seen once as a minimum",
        Once("sentencing"),
        shorthand="once as a minimum prior to sentencing",
    ),
    Row(TRUST, "within a maximum 48 hours of the visit", Deadline(hours(48), "visit")),
    Row(
        TRUST,
        "Significant events should be recorded immediately.",
        not_a_timescale("immediately"),
        event="event",
        shorthand="immediately",
    ),
    # -- Gloucestershire home visiting guidance (2017) ----------------------------------------
    Row(
        GLOUCESTERSHIRE,
        "At least once every 20 working days",
        every(working_days(20), "plan_start"),
        event="plan_start",
    ),
    Row(
        GLOUCESTERSHIRE,
        "At least every 10 working days",
        every(working_days(10), "plan_start"),
        event="plan_start",
    ),
    Row(
        GLOUCESTERSHIRE,
        "within 24 hours of the child protection visit having taken place",
        Deadline(hours(24), "visit"),
        shorthand="within 24 hours of the child protection visit",
    ),
    Row(
        GLOUCESTERSHIRE,
        "within 48 working hours of the last failed visit",
        Refused(
            (
                "within 48 working hours (2 working days) of the last failed visit",
                "within 48 working hours (6 working days) of the last failed visit",
            )
        ),
    ),
    Row(
        GLOUCESTERSHIRE,
        "within 48 working hours of the last failed visit",
        Deadline(Duration(48, "working_hours", working_days=2), "failed_visit"),
        shorthand="within 48 working hours (2 working days) of the last failed visit",
    ),
    Row(
        GLOUCESTERSHIRE,
        "Within one week of the start of any placement; … At intervals of not "
        "more than 6 weeks for the first year of any placement; … Thereafter, at intervals of not "
        "more than 6 weeks (3 months if the placement … is intended to last until the child is 18)",
        Recurrence(
            "placement_start",
            (
                Phase(weeks(6), lasts=years(1)),
                Phase(months(3), where=(("placement_intended_until_18", True),)),
            ),
            first=(weeks(1),),
        ),
        shorthand=(
            "within one week of the start of the placement; at intervals of not more than 6 "
            "weeks for the first year; thereafter, at intervals of not more than 3 months where "
            "the placement is intended to last until the child is 18"
        ),
    ),
    Row(
        GLOUCESTERSHIRE,
        "the responsible authority must ensure visits at intervals of no more than 6 months",
        every(months(6), "placement_start"),
        event="placement_start",
        shorthand="at intervals of no more than 6 months",
    ),
    Row(
        GLOUCESTERSHIRE,
        "has been in that placement for at least one year",
        Refused(message_starts="'for at least one year' at column 1 says how long something lasts"),
        event="placement_start",
        shorthand="for at least one year",
    ),
    Row(
        GLOUCESTERSHIRE,
        "must be brought to the attention of the Team Manager immediately",
        not_a_timescale("immediately"),
        event="failed_visit",
        shorthand="immediately",
    ),
    # -- Walsall CIN visits and reviews (2024) ------------------------------------------------
    Row(
        WALSALL,
        "Children in Need must be seen at home at least every 6 weeks.",
        every(weeks(6), "plan_start"),
        event="plan_start",
        shorthand="at least every 6 weeks.",
    ),
    Row(
        WALSALL,
        "the social worker should discuss this with their Manager within 48hrs",
        Deadline(hours(48), "visit_not_seen_alone"),
        event="visit_not_seen_alone",
        shorthand="within 48hrs",
    ),
    Row(
        WALSALL,
        "a timeframe agreed for a further visit within 5 working days",
        Deadline(working_days(5), "visit_not_seen_alone"),
        event="visit_not_seen_alone",
        shorthand="within 5 working days",
    ),
    Row(
        WALSALL,
        "CIN review meetings which should take place at least every 12 weeks",
        every(weeks(12), "plan_start"),
        event="plan_start",
        shorthand="at least every 12 weeks",
    ),
    Row(WALSALL, "within 5 days of the review", Deadline(days(5), "review")),
    Row(WALSALL, "within 5 working days of the event", Deadline(working_days(5), "event")),
    Row(
        WALSALL,
        "this should be discussed with a manager as soon as possible",
        not_a_timescale("as"),
        event="event",
        shorthand="as soon as possible",
    ),
]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("\u2022", " ")).strip()


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.source[:3]}:{row.raw[:50]}" for row in ROWS])
def test_source_phrase(row: Row) -> None:
    if isinstance(row.expected, Refused):
        with pytest.raises(TimescaleError) as caught:
            parse_timescale(row.text, row.event)
        assert caught.value.readings == row.expected.readings, caught.value.message
        assert caught.value.message.startswith(row.expected.message_starts)
        for reading in row.expected.readings:
            parse_timescale(reading, row.event)
    else:
        assert parse_timescale(row.text, row.event) == row.expected


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.source[:3]}:{row.raw[:50]}" for row in ROWS])
def test_each_row_quotes_its_document(row: Row) -> None:
    document = _flat((SOURCES / row.source).read_text(encoding="utf-8"))
    for fragment in row.raw.split(" … "):
        assert _flat(fragment) in document


def test_every_document_has_rows() -> None:
    assert {row.source for row in ROWS} == {WEB, TRUST, ST_HELENS, GLOUCESTERSHIRE, WALSALL}
    assert len(ROWS) == 114
