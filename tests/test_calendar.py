"""Calendars: bank holidays as gov.uk publishes them, closure days, working-day counting."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from compiler.calendar import CalendarError, load_calendar
from compiler.errors import StandardsError

# England and Wales bank holidays 2018-2027, typed from the gov.uk list (including
# substitute days, never the weekend date they replace).
ENGLAND_AND_WALES = {
    2018: "01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26",
    2019: "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26",
    # VE day: the early May bank holiday moved to Friday 8 May; Boxing Day on a
    # Saturday, substitute Monday 28 December.
    2020: "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
    # Christmas Day and Boxing Day on a weekend: substitutes 27 and 28 December.
    2021: "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
    # New Year's Day substitute 3 January; spring bank holiday Thursday 2 June,
    # Platinum Jubilee Friday 3 June; State Funeral Monday 19 September;
    # Christmas Day substitute Tuesday 27 December.
    2022: "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
    # New Year's Day substitute 2 January; Coronation Monday 8 May.
    2023: "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
    2024: "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
    2025: "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
    2026: "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
    2027: "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28",
}


def test_england_and_wales_bank_holidays_match_the_published_list() -> None:
    england = load_calendar("england-and-wales")
    listed = [day for day, _ in england.bank_holidays(date(2018, 1, 1), date(2027, 12, 31))]
    expected = [
        date.fromisoformat(f"{year}-{month_day}")
        for year, days in ENGLAND_AND_WALES.items()
        for month_day in days.split()
    ]
    assert listed == expected


def test_substitute_days_are_named_as_gov_uk_names_them() -> None:
    england = load_calendar("england-and-wales")
    assert england.bank_holidays(date(2022, 12, 24), date(2022, 12, 31)) == [
        (date(2022, 12, 26), "Boxing Day"),
        (date(2022, 12, 27), "Christmas Day (substitute day)"),
    ]


def test_a_weekend_holiday_is_not_a_working_day_nor_is_its_substitute() -> None:
    england = load_calendar("england-and-wales")
    assert not england.is_working_day(date(2021, 12, 25))  # Saturday
    assert not england.is_working_day(date(2021, 12, 27))  # its substitute Monday
    assert england.is_working_day(date(2021, 12, 29))


@pytest.mark.parametrize(
    ("calendar_id", "day", "working"),
    [
        ("scotland", date(2023, 11, 30), False),  # St Andrew's Day, a Thursday
        ("scotland", date(2025, 12, 1), False),  # St Andrew's Day (Sunday) substitute
        ("scotland", date(2025, 1, 2), False),  # 2 January
        ("scotland", date(2025, 4, 21), True),  # no Easter Monday in Scotland
        ("scotland", date(2025, 8, 4), False),  # summer bank holiday: first Monday of August
        ("scotland", date(2025, 8, 25), True),
        ("northern-ireland", date(2025, 3, 17), False),  # St Patrick's Day
        ("northern-ireland", date(2024, 3, 18), False),  # St Patrick's Day (Sunday) substitute
        ("northern-ireland", date(2023, 7, 12), False),  # Battle of the Boyne
        ("northern-ireland", date(2025, 1, 2), True),
        ("northern-ireland", date(2025, 4, 21), False),  # Easter Monday
        ("england-and-wales", date(2023, 11, 30), True),
        ("england-and-wales", date(2025, 3, 17), True),
    ],
)
def test_each_nation_has_its_own_bank_holidays(calendar_id: str, day: date, working: bool) -> None:
    assert load_calendar(calendar_id).is_working_day(day) is working


def test_closure_days_are_not_working_days_but_not_bank_holidays() -> None:
    closed = [date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)]
    authority = load_calendar("england-and-wales", closed)
    assert not authority.is_working_day(date(2025, 12, 30))
    assert load_calendar("england-and-wales").is_working_day(date(2025, 12, 30))
    assert authority.bank_holidays(date(2025, 12, 27), date(2026, 1, 1)) == [
        (date(2026, 1, 1), "New Year's Day")
    ]


def test_closure_days_push_working_day_deadlines_back() -> None:
    closed = [date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)]
    # 22, 23, 24 Dec; (25, 26 bank holidays; 29-31 closed; 1 Jan bank holiday);
    # 2, 5, 6, 7, 8, 9, 12 Jan.
    assert load_calendar("england-and-wales", closed).add_working_days(
        date(2025, 12, 19), 10
    ) == date(2026, 1, 12)


def test_calendars_are_cached_on_id_and_closures_in_any_order() -> None:
    first = load_calendar("england-and-wales", [date(2025, 12, 30), date(2025, 12, 29)])
    again = load_calendar("england-and-wales", (date(2025, 12, 29), date(2025, 12, 30)))
    assert first is again
    assert first is not load_calendar("england-and-wales")


def test_unknown_calendar_suggests_the_nearest_id() -> None:
    with pytest.raises(CalendarError, match="did you mean 'england-and-wales'") as caught:
        load_calendar("england-wales")
    assert isinstance(caught.value, StandardsError)


def test_unknown_calendar_with_nothing_close_lists_the_known_ids() -> None:
    with pytest.raises(CalendarError, match="use one of england-and-wales, northern-ireland"):
        load_calendar("wales")


@pytest.mark.parametrize("day", [date(1999, 12, 31), date(2071, 1, 1)])
def test_dates_outside_the_calendar_are_refused_not_guessed(day: date) -> None:
    with pytest.raises(CalendarError, match="outside the england-and-wales calendar"):
        load_calendar("england-and-wales").is_working_day(day)


def test_counting_past_the_end_of_the_calendar_is_refused() -> None:
    with pytest.raises(CalendarError, match="2071-01-06 is outside"):
        load_calendar("england-and-wales").add_working_days(date(2070, 12, 30), 5)


def test_a_closure_day_outside_the_calendar_is_refused() -> None:
    with pytest.raises(CalendarError, match="closure day 1990-12-27 is outside"):
        load_calendar("england-and-wales", [date(1990, 12, 27)])


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        # DOMAIN.md: within 5 working days of a Friday, or of a Saturday, is the next Friday.
        (date(2025, 11, 7), 5, date(2025, 11, 14)),
        (date(2025, 11, 8), 5, date(2025, 11, 14)),
        (date(2025, 11, 9), 5, date(2025, 11, 14)),
        (date(2025, 11, 10), 1, date(2025, 11, 11)),
        (date(2025, 11, 14), 1, date(2025, 11, 17)),
        # Across Easter 2025: Good Friday 18 April and Easter Monday 21 April.
        (date(2025, 4, 17), 1, date(2025, 4, 22)),
        # From a bank holiday, counting starts the next working day.
        (date(2025, 12, 25), 1, date(2025, 12, 29)),
        # Across Christmas: 22, 23, 24, 29, 30, 31 Dec, 2, 5, 6, 7 Jan.
        (date(2025, 12, 19), 10, date(2026, 1, 7)),
        (date(2025, 12, 20), 5, date(2025, 12, 30)),
        # Counting back: the working day before a Monday, or a Sunday, is the Friday.
        (date(2025, 11, 10), -1, date(2025, 11, 7)),
        (date(2025, 11, 9), -1, date(2025, 11, 7)),
        (date(2026, 1, 2), -3, date(2025, 12, 29)),
        (date(2025, 4, 22), -1, date(2025, 4, 17)),
        (date(2025, 11, 8), 0, date(2025, 11, 8)),
    ],
)
def test_working_days_are_counted_after_the_day(day: date, n: int, expected: date) -> None:
    assert load_calendar("england-and-wales").add_working_days(day, n) == expected


def test_scotland_counts_through_easter_monday() -> None:
    assert load_calendar("scotland").add_working_days(date(2025, 4, 17), 1) == date(2025, 4, 21)


def test_busdaycalendar_counts_the_same_working_days() -> None:
    closed = [date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)]
    authority = load_calendar("england-and-wales", closed)
    starts = np.array(["2025-12-19", "2025-12-20", "2025-04-17"], dtype="datetime64[D]")
    moved = np.busday_offset(starts, 10, roll="backward", busdaycal=authority.busdaycalendar)
    # From 17 April 2025: 22-25 April, 28-30 April, 1, 2 May, (5 May bank holiday), 6 May.
    assert moved.tolist() == [date(2026, 1, 12), date(2026, 1, 12), date(2025, 5, 6)]
