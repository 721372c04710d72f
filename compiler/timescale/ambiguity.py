"""Phrases with more than one reading, and the exact shorthand for each reading.

The parser never guesses. When it meets "monthly", "twice a month" or "48 working hours" it
notes an :class:`Ambiguity` (the words, where they are, and the text that states each reading),
reads on with a placeholder so that a plain mistake further on is still reported first, and at
the end raises one :class:`TimescaleError` whose ``readings`` are whole timescales the author
can paste back, one per reading.

>>> error = ambiguity_error("monthly", [monthly("monthly", 0, 7)])
>>> error.readings
('monthly (calendar month)', 'monthly (4 weeks)')
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from compiler.timescale.model import TimescaleError

MOST_READINGS = 64
"""Beyond this many combined readings, a phrase written more than once is read alike."""


@dataclass(frozen=True)
class Reading:
    """One reading of an ambiguous phrase: what it means and how to write it unambiguously.

    Writing it replaces ``text[start:end]`` with ``replacement`` (``start == end`` inserts).
    """

    meaning: str
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Ambiguity:
    """An ambiguous phrase, as written, with every reading it allows."""

    words: str
    column: int
    why: str
    readings: tuple[Reading, ...]
    read_as: str = ""
    """In a document's words, the note on the reading taken ("" if none is taken): a rule's
    shorthand must still say which reading it means."""

    def describe(self) -> str:
        meanings = [reading.meaning for reading in self.readings]
        listed = meanings[0] if len(meanings) == 1 else ", ".join(meanings[:-1])
        if len(meanings) > 1:
            listed += ", or " + meanings[-1]
        return f"{self.words!r} at column {self.column} {self.why}: {listed}"


def monthly(text: str, start: int, end: int) -> Ambiguity:
    """ "monthly", "every month", "on a monthly basis": a calendar month, or 4 weeks."""
    return Ambiguity(
        text[start:end],
        start + 1,
        "has two readings",
        (
            Reading("a calendar month", end, end, " (calendar month)"),
            Reading("4 weeks", end, end, " (4 weeks)"),
        ),
        f"{text[start:end]!r} is read as visits no more than a calendar month apart; some "
        "authorities mean every 4 weeks, which a rule says as 'monthly (4 weeks)'",
    )


def working_hours(text: str, start: int, end: int, amount: int) -> Ambiguity:
    """ "48 working hours": 2 working days of 24 hours, or 6 working days of 8 hours."""
    day_lengths: dict[int, list[str]] = {}
    for hours_a_day, length in ((24, "a 24-hour"), (8, "an 8-hour")):
        day_lengths.setdefault(math.ceil(amount / hours_a_day), []).append(length)
    read_as = ""
    if len(day_lengths) == 1:  # "4 working hours": 1 working day, however long the day
        read_as = (
            f"{text[start:end]!r} is read as {_days(next(iter(day_lengths)))}: a working day of "
            "8 hours or of 24 hours gives the same day (the tools count whole days)"
        )
    return Ambiguity(
        text[start:end],
        start + 1,
        "has no single reading",
        tuple(
            Reading(
                f"{_days(days)} ({' or '.join(lengths)} working day)", end, end, f" ({_days(days)})"
            )
            for days, lengths in day_lengths.items()
        ),
        read_as,
    )


def count_per_month(text: str, start: int, month: int, end: int, times: int) -> Ambiguity:
    """ "twice a month": twice in each calendar month (a count), or every 2 weeks (an interval).

    ``start`` is where the count begins ("twice"), ``month`` where the word "month" begins.
    """
    times_words = {1: "once", 2: "twice"}.get(times, f"{times} times")
    readings = [
        Reading(f"{times_words} in each calendar month (a count)", month, end, "calendar month")
    ]
    if times == 1:
        readings.append(
            Reading("every calendar month (an interval)", start, end, "every calendar month")
        )
        readings.append(Reading("every 4 weeks (an interval)", start, end, "every 4 weeks"))
    elif times == 2:
        readings.append(Reading("every 2 weeks (an interval)", start, end, "every 2 weeks"))
    why = "has no single reading" if len(readings) == 1 else f"has {_count(len(readings))} readings"
    return Ambiguity(text[start:end], start + 1, why, tuple(readings))


def once_a_month(text: str, start: int, end: int, read_as: str) -> Ambiguity:
    """ "at least once a month": in a document, read as every calendar month (``read_as``).

    A rule's shorthand must say which of the three readings it means, as for "monthly".
    """
    return Ambiguity(
        text[start:end],
        start + 1,
        "has three readings",
        (
            Reading("once in each calendar month (a count)", start, end, "once a calendar month"),
            Reading("every calendar month (an interval)", start, end, "every calendar month"),
            Reading("every 4 weeks (an interval)", start, end, "every 4 weeks"),
        ),
        read_as,
    )


def count_per_period(
    text: str, start: int, period: int, end: int, times: int, unit: str, article: str = ""
) -> Ambiguity:
    """ "once a week", "twice a year": a count in each calendar week or year, or an interval.

    Read as a count, "once a week" allows 13 days between visits (Monday of one week, Sunday
    of the next); read as an interval, no more than 7. ``unit`` is "week" or "year".
    """
    times_words = {1: "once", 2: "twice"}.get(times, f"{times} times")
    readings = [
        Reading(
            f"{times_words} in each calendar {unit} (a count)",
            period,
            end,
            f"{article}calendar {unit}",
        )
    ]
    interval = {("week", 1): "every week", ("year", 1): "every year", ("year", 2): "every 6 months"}
    interval |= {("year", 3): "every 4 months", ("year", 4): "every 3 months"}
    if (unit, times) in interval:
        every = interval[unit, times]
        readings.append(Reading(f"{every} (an interval)", start, end, every))
    why = "has no single reading" if len(readings) == 1 else f"has {_count(len(readings))} readings"
    return Ambiguity(text[start:end], start + 1, why, tuple(readings))


def ambiguity_error(text: str, ambiguities: Sequence[Ambiguity]) -> TimescaleError:
    """One error for every ambiguous phrase, with the combined readings as shorthand.

    Every reading offered is a whole timescale that reads. When the combinations run past
    :data:`MOST_READINGS`, a phrase written more than once is read the same way each time.
    """
    readings = tuple(dict.fromkeys(_rewrite(text, choice) for choice in _choices(ambiguities)))
    write = "write one of: " if len(readings) > 1 else "write: "
    message = "; ".join(a.describe() for a in ambiguities)
    message += "; " + write + ", ".join(repr(reading) for reading in readings)
    return TimescaleError(message, column=ambiguities[0].column, readings=readings)


def _choices(ambiguities: Sequence[Ambiguity]) -> list[tuple[Reading, ...]]:
    if math.prod(len(a.readings) for a in ambiguities) <= MOST_READINGS:
        return list(itertools.product(*(a.readings for a in ambiguities)))
    alike: dict[tuple[tuple[str, str], ...], list[Ambiguity]] = {}
    for ambiguity in ambiguities:
        key = tuple((r.meaning, r.replacement) for r in ambiguity.readings)
        alike.setdefault(key, []).append(ambiguity)
    groups = list(alike.values())
    if math.prod(len(group[0].readings) for group in groups) > MOST_READINGS:
        ranges = [range(len(groups[0][0].readings))] + [range(1)] * (len(groups) - 1)
    else:
        ranges = [range(len(group[0].readings)) for group in groups]
    return [
        tuple(a.readings[index] for group, index in zip(groups, picks, strict=True) for a in group)
        for picks in itertools.product(*ranges)
    ]


def _rewrite(text: str, readings: Sequence[Reading]) -> str:
    for reading in sorted(readings, key=lambda r: r.start, reverse=True):
        text = text[: reading.start] + reading.replacement + text[reading.end :]
    return text.strip()


def _days(days: int) -> str:
    return f"{days} working day" + ("" if days == 1 else "s")


def _count(number: int) -> str:
    return {2: "two", 3: "three"}.get(number, str(number))
