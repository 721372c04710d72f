"""A count per period ("at least once a month", "twice a year") read as an interval.

Read as a count, "once a month" allows a visit on 1 March and the next on 30 April: nearly
two months apart. Read as an interval, visits are no more than a month apart. A system that
schedules from our packs must never schedule later than the words allow, so the stricter
reading, the interval, is the one read; a note states it and the other reading, so that an
authority that means the count sees the choice and can write "once a calendar month".
Counts with no interval reading ("twice a month", "three times a week") stay refused.

>>> every_for(2, "year")
Duration(amount=6, unit='months', working_days=None)
>>> count_note("twice a year", 2, "year")
"'twice a year' is read as visits no more than 6 months apart; read as twice in each \
calendar year, it would allow nearly two years between visits"
"""

from __future__ import annotations

from compiler.timescale.model import Duration

INTERVALS: dict[tuple[str, int], Duration] = {
    ("week", 1): Duration(1, "weeks"),
    ("month", 1): Duration(1, "months"),
    ("year", 1): Duration(1, "years"),
    ("year", 2): Duration(6, "months"),
    ("year", 3): Duration(4, "months"),
    ("year", 4): Duration(3, "months"),
}
"""The interval each count per period is read as: ``(period, times)`` -> the longest gap."""

_APART = {
    Duration(1, "weeks"): "a week",
    Duration(1, "months"): "a calendar month",
    Duration(1, "years"): "a year",
}

_LONGEST_AS_COUNT = {"week": "13 days", "month": "nearly two months", "year": "nearly two years"}
"""The longest gap the count reading allows: the first visit early in one period, the next
late in the following one."""


def every_for(times: int, period: str) -> Duration | None:
    """The interval ``times`` a ``period`` is read as, or None if it has no interval reading."""
    return INTERVALS.get((period, times))


def count_note(words: str, times: int, period: str) -> str:
    """The note that states the reading taken and the other one."""
    every = INTERVALS[(period, times)]
    apart = _APART.get(every, f"{every.amount} {every.unit}")
    times_words = {1: "once", 2: "twice"}.get(times, f"{times} times")
    return (
        f"{words!r} is read as visits no more than {apart} apart; read as {times_words} in each "
        f"calendar {period}, it would allow {_LONGEST_AS_COUNT[period]} between visits"
    )
