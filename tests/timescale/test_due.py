"""Due dates, one case at a time: the worked examples behind DESIGN.md's counting rules."""

from __future__ import annotations

from datetime import date

import pytest

from compiler.calendar import load_calendar
from compiler.timescale.due import next_due, schedule
from compiler.timescale.model import Count, Deadline, Duration, Once, Phase, Recurrence

ENGLAND = load_calendar("england-and-wales")
APPROVED = (("manager_approved", True),)


def days(*pairs: tuple[int, int], year: int = 2026) -> tuple[date, ...]:
    """``days((1, 8), (2, 5))`` -> 8 January and 5 February of ``year``."""
    return tuple(date(year, month, day) for month, day in pairs)


def every(amount: int, unit: str, **phase: object) -> Phase:
    return Phase(Duration(amount, unit), **phase)  # type: ignore[arg-type]


WEEKLY_FOR_A_MONTH = every(1, "weeks", lasts=Duration(1, "months"))
WEEKLY_THEN_FORTNIGHTLY = Recurrence("plan_start", (WEEKLY_FOR_A_MONTH, every(2, "weeks")))
WEEKLY_THEN_FORTNIGHTLY_WHERE_APPROVED = Recurrence(
    "placement_start", (WEEKLY_FOR_A_MONTH, every(2, "weeks", where=APPROVED))
)
WEEKLY_UNTIL_REVIEW_THEN_4_WEEKLY = Recurrence(
    "placement_start", (every(1, "weeks", until="first_review"), every(4, "weeks"))
)
WEEKLY_UNTIL_REVIEW = Recurrence("placement_start", (every(1, "weeks", until="first_review"),))
EVERY_10_WORKING_DAYS = Recurrence("plan_start", (every(10, "working_days"),))


def test_design_example_weekly_for_the_first_month_then_fortnightly() -> None:
    # The gap from 29 January starts inside the first month, so it is a week long.
    assert schedule(WEEKLY_THEN_FORTNIGHTLY, date(2026, 1, 1), ENGLAND, occurrences=7) == days(
        (1, 8), (1, 15), (1, 22), (1, 29), (2, 5), (2, 19), (3, 5)
    )


def test_a_gap_starting_on_the_day_a_phase_ends_follows_the_next_phase() -> None:
    two_weeks_weekly = Recurrence(
        "plan_start", (every(1, "weeks", lasts=Duration(2, "weeks")), every(2, "weeks"))
    )
    # The first phase covers 1-14 January; the gap from 15 January is fortnightly.
    assert schedule(two_weeks_weekly, date(2026, 1, 1), ENGLAND, occurrences=3) == days(
        (1, 8), (1, 15), (1, 29)
    )


def test_working_day_recurrence_across_christmas() -> None:
    assert schedule(EVERY_10_WORKING_DAYS, date(2025, 12, 19), ENGLAND, occurrences=3) == days(
        (1, 7), (1, 21), (2, 4)
    )


def test_working_day_recurrence_across_easter() -> None:
    # From Fri 27 Mar 2026: 30, 31 Mar, 1, 2 Apr, (3, 6 Apr Easter), 7-10 Apr, 13, 14 Apr.
    assert schedule(EVERY_10_WORKING_DAYS, date(2026, 3, 27), ENGLAND, occurrences=1) == days(
        (4, 14)
    )


def test_monthly_recurrence_clips_each_step_to_the_month_end() -> None:
    monthly = Recurrence("plan_start", (every(1, "months"),))
    # Each gap starts from the previous due date: 31 Jan, 28 Feb, 28 Mar, 28 Apr.
    assert schedule(monthly, date(2026, 1, 31), ENGLAND, occurrences=3) == days(
        (2, 28), (3, 28), (4, 28)
    )


def test_two_first_deadlines_then_the_phases_reg_33_reviews() -> None:
    # First review within 20 working days of becoming looked after (Mon 5 Jan 2026: Mon 2 Feb),
    # the second within 3 months of the first (Sat 2 May), then every 6 months.
    reviews = Recurrence(
        "became_looked_after",
        (every(6, "months"),),
        first=(Duration(20, "working_days"), Duration(3, "months")),
    )
    assert schedule(reviews, date(2026, 1, 5), ENGLAND, occurrences=4) == (
        date(2026, 2, 2),
        date(2026, 5, 2),
        date(2026, 11, 2),
        date(2027, 5, 2),
    )
    # After a first review held early, on 20 January, the second is due 20 April.
    assert next_due(reviews, date(2026, 1, 5), ENGLAND, [date(2026, 1, 20)]) == date(2026, 4, 20)


def test_first_deadline_comes_before_the_first_interval() -> None:
    # Reg 28(2): within one week of the placement, then at intervals of six weeks.
    placement = Recurrence("placement_start", (every(6, "weeks"),), first=(Duration(1, "weeks"),))
    assert schedule(placement, date(2025, 9, 3), ENGLAND, occurrences=3) == days(
        (9, 10), (10, 22), (12, 3), year=2025
    )


def test_cap_shortens_any_gap_longer_than_itself() -> None:
    monthly_capped = Recurrence("plan_start", (every(1, "months"),), cap=Duration(4, "weeks"))
    # 1 Jan + 4 weeks = 29 Jan (a month: 1 Feb); from 26 Mar a month is 26 Apr, 4 weeks 23 Apr.
    assert schedule(monthly_capped, date(2026, 1, 1), ENGLAND, occurrences=4) == days(
        (1, 29), (2, 26), (3, 26), (4, 23)
    )


def test_cap_in_working_days_bites_across_christmas() -> None:
    three_weekly = Recurrence("plan_start", (every(3, "weeks"),), cap=Duration(10, "working_days"))
    assert schedule(three_weekly, date(2025, 12, 19), ENGLAND, occurrences=1) == days((1, 7))


def test_unapproved_conditional_phase_leaves_the_previous_one_in_force() -> None:
    dates = schedule(
        WEEKLY_THEN_FORTNIGHTLY_WHERE_APPROVED, date(2026, 1, 1), ENGLAND, occurrences=6
    )
    assert dates == days((1, 8), (1, 15), (1, 22), (1, 29), (2, 5), (2, 12))


def test_approved_conditional_phase_applies() -> None:
    dates = schedule(
        WEEKLY_THEN_FORTNIGHTLY_WHERE_APPROVED,
        date(2026, 1, 1),
        ENGLAND,
        facts={"manager_approved": True},
        occurrences=6,
    )
    assert dates == days((1, 8), (1, 15), (1, 22), (1, 29), (2, 5), (2, 19))


def test_a_skipped_middle_phase_hands_over_to_the_next_on_time() -> None:
    # Weekly for a month, fortnightly for two months where approved, then 4-weekly.
    phased = Recurrence(
        "plan_start",
        (
            WEEKLY_FOR_A_MONTH,
            every(2, "weeks", lasts=Duration(2, "months"), where=APPROVED),
            every(4, "weeks"),
        ),
    )
    weekly_to_april = days(
        (1, 8), (1, 15), (1, 22), (1, 29), (2, 5), (2, 12), (2, 19), (2, 26), (3, 5), (3, 12)
    ) + days((3, 19), (3, 26), (4, 2), (4, 30))
    assert schedule(phased, date(2026, 1, 1), ENGLAND, occurrences=14) == weekly_to_april
    approved = schedule(phased, date(2026, 1, 1), ENGLAND, {"manager_approved": True}, {}, 10)
    assert approved == days(
        (1, 8), (1, 15), (1, 22), (1, 29), (2, 5), (2, 19), (3, 5), (3, 19), (4, 2), (4, 30)
    )


def test_phase_ends_at_its_until_event() -> None:
    dates = schedule(
        WEEKLY_UNTIL_REVIEW_THEN_4_WEEKLY,
        date(2026, 1, 5),
        ENGLAND,
        events={"first_review": date(2026, 1, 28)},
        occurrences=6,
    )
    # The gap from 26 January starts before the review, so it is still a week.
    assert dates == days((1, 12), (1, 19), (1, 26), (2, 2), (3, 2), (3, 30))


def test_an_event_that_has_not_happened_never_ends_the_phase() -> None:
    dates = schedule(WEEKLY_UNTIL_REVIEW_THEN_4_WEEKLY, date(2026, 1, 5), ENGLAND, occurrences=6)
    assert dates == days((1, 12), (1, 19), (1, 26), (2, 2), (2, 9), (2, 16))


def test_the_rule_ends_when_its_last_phase_ends_at_an_event() -> None:
    review = {"first_review": date(2026, 1, 28)}
    dates = schedule(WEEKLY_UNTIL_REVIEW, date(2026, 1, 5), ENGLAND, events=review)
    assert dates == days((1, 12), (1, 19), (1, 26), (2, 2))


def test_a_rule_whose_event_has_already_happened_asks_for_nothing() -> None:
    review = {"first_review": date(2026, 1, 5)}
    assert schedule(WEEKLY_UNTIL_REVIEW, date(2026, 1, 5), ENGLAND, events=review) == ()


def test_a_last_phase_with_a_duration_ends_the_rule_too() -> None:
    for_a_month = Recurrence("plan_start", (WEEKLY_FOR_A_MONTH,))
    assert schedule(for_a_month, date(2026, 1, 1), ENGLAND) == days(
        (1, 8), (1, 15), (1, 22), (1, 29), (2, 5)
    )


@pytest.mark.parametrize(
    ("deadline", "start", "expected"),
    [
        # Record within 24 hours of a Monday visit.
        (Deadline(Duration(24, "hours"), "visit"), date(2025, 11, 3), date(2025, 11, 4)),
        # ICPC within 15 working days of the strategy discussion.
        (
            Deadline(Duration(15, "working_days"), "strategy_discussion"),
            date(2025, 12, 1),
            date(2025, 12, 22),
        ),
        # Reports at least 5 working days before a Monday conference.
        (
            Deadline(Duration(5, "working_days"), "review_conference", before=True),
            date(2026, 1, 12),
            date(2026, 1, 5),
        ),
        (
            Deadline(Duration(3, "working_days"), "review_conference", before=True),
            date(2026, 1, 5),
            date(2025, 12, 30),
        ),
        # Second looked-after review within three months of the first.
        (Deadline(Duration(3, "months"), "first_review"), date(2025, 11, 30), date(2026, 2, 28)),
    ],
)
def test_a_deadline_has_one_date(deadline: Deadline, start: date, expected: date) -> None:
    assert schedule(deadline, start, ENGLAND) == (expected,)


def test_once_before_an_event_is_due_on_the_day_of_it() -> None:
    assert schedule(Once("sentencing"), date(2026, 3, 2), ENGLAND) == (date(2026, 3, 2),)


def test_count_per_calendar_month_starts_at_the_first_whole_month() -> None:
    twice_a_month = Count(2, "calendar_month", "plan_start")
    assert schedule(twice_a_month, date(2026, 1, 15), ENGLAND, occurrences=5) == days(
        (2, 28), (2, 28), (3, 31), (3, 31), (4, 30)
    )
    assert schedule(twice_a_month, date(2026, 1, 1), ENGLAND, occurrences=2) == days(
        (1, 31), (1, 31)
    )


def test_count_per_week_counts_monday_to_sunday() -> None:
    weekly = Count(1, "week", "plan_start")
    # Thursday 1 January 2026: the first whole week is Monday 5 to Sunday 11 January.
    assert schedule(weekly, date(2026, 1, 1), ENGLAND, occurrences=2) == days((1, 11), (1, 18))
    assert schedule(weekly, date(2026, 1, 5), ENGLAND, occurrences=1) == days((1, 11))


def test_count_per_year_counts_calendar_years() -> None:
    yearly = Count(1, "year", "plan_start")
    assert schedule(yearly, date(2025, 6, 1), ENGLAND, occurrences=2) == (
        date(2026, 12, 31),
        date(2027, 12, 31),
    )


class TestNextDue:
    def test_recurrence_counts_from_the_last_actual_visit(self) -> None:
        done = [date(2025, 12, 5), date(2025, 12, 19)]
        due = next_due(EVERY_10_WORKING_DAYS, date(2025, 12, 1), ENGLAND, done)
        assert due == date(2026, 1, 7)

    def test_recurrence_without_visits_is_due_one_interval_after_the_start(self) -> None:
        assert next_due(EVERY_10_WORKING_DAYS, date(2025, 12, 1), ENGLAND, []) == date(2025, 12, 15)

    def test_visits_before_the_start_do_not_count(self) -> None:
        due = next_due(EVERY_10_WORKING_DAYS, date(2025, 12, 1), ENGLAND, [date(2025, 11, 28)])
        assert due == date(2025, 12, 15)

    def test_the_interval_is_the_one_in_force_on_the_last_visit(self) -> None:
        start = date(2026, 1, 1)
        in_first_month = [date(2026, 1, 10), date(2026, 1, 30)]
        assert next_due(WEEKLY_THEN_FORTNIGHTLY, start, ENGLAND, in_first_month) == date(2026, 2, 6)
        assert next_due(WEEKLY_THEN_FORTNIGHTLY, start, ENGLAND, [date(2026, 2, 3)]) == date(
            2026, 2, 17
        )

    def test_first_deadline_when_nothing_is_done(self) -> None:
        placement = Recurrence(
            "placement_start", (every(6, "weeks"),), first=(Duration(1, "weeks"),)
        )
        assert next_due(placement, date(2025, 9, 3), ENGLAND, []) == date(2025, 9, 10)
        assert next_due(placement, date(2025, 9, 3), ENGLAND, [date(2025, 9, 8)]) == date(
            2025, 10, 20
        )

    def test_nothing_is_due_after_the_rule_has_ended(self) -> None:
        review = {"first_review": date(2026, 1, 28)}
        start = date(2026, 1, 5)
        assert (
            next_due(WEEKLY_UNTIL_REVIEW, start, ENGLAND, [date(2026, 1, 29)], {}, review) is None
        )
        assert next_due(
            WEEKLY_UNTIL_REVIEW, start, ENGLAND, [date(2026, 1, 27)], {}, review
        ) == date(2026, 2, 3)

    def test_a_deadline_is_due_until_it_is_done(self) -> None:
        record = Deadline(Duration(24, "hours"), "visit")
        assert next_due(record, date(2025, 11, 3), ENGLAND, []) == date(2025, 11, 4)
        assert next_due(record, date(2025, 11, 3), ENGLAND, [date(2025, 11, 5)]) is None

    def test_a_before_deadline_is_done_only_by_something_before_the_event(self) -> None:
        reports = Deadline(Duration(5, "working_days"), "review_conference", before=True)
        conference = date(2026, 1, 12)
        assert next_due(reports, conference, ENGLAND, [date(2026, 1, 13)]) == date(2026, 1, 5)
        assert next_due(reports, conference, ENGLAND, [date(2026, 1, 8)]) is None

    def test_once_is_due_on_the_event_until_done(self) -> None:
        sentencing = date(2026, 3, 2)
        assert next_due(Once("sentencing"), sentencing, ENGLAND, []) == sentencing
        assert next_due(Once("sentencing"), sentencing, ENGLAND, [date(2026, 2, 20)]) is None

    @pytest.mark.parametrize(
        ("done", "expected"),
        [
            ([], date(2026, 1, 31)),
            ([date(2026, 1, 5)], date(2026, 1, 31)),
            ([date(2026, 1, 5), date(2026, 1, 20), date(2026, 2, 3)], date(2026, 2, 28)),
            (
                [date(2026, 1, 5), date(2026, 1, 6), date(2026, 2, 1), date(2026, 2, 2)],
                date(2026, 3, 31),
            ),
            # Two visits in February do not make up for none in January.
            ([date(2026, 2, 1), date(2026, 2, 2)], date(2026, 1, 31)),
        ],
    )
    def test_a_count_is_due_at_the_end_of_the_first_short_period(
        self, done: list[date], expected: date
    ) -> None:
        twice_a_month = Count(2, "calendar_month", "plan_start")
        assert next_due(twice_a_month, date(2026, 1, 1), ENGLAND, done) == expected
