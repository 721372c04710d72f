"""Write a canonical timescale as plain English that reads back to the same timescale.

The guidance site shows every rule's timescale beside the document's own words, and a rule
pack's CSV carries it for spreadsheet users: practitioners read it, so it is written the way
they speak ("weekly", "fortnightly", "within one working day"), using the first phrase of each
event and condition in the vocabulary. It is also valid shorthand, and reading it back gives
the same timescale: ``parse_timescale(format_timescale(t)) == t``.

>>> from compiler.timescale.model import Deadline, Duration
>>> format_timescale(Deadline(Duration(5, "working_days"), "child_protection_conference", True))
'at least 5 working days before the conference'
"""

from __future__ import annotations

from compiler.timescale.model import (
    Count,
    Deadline,
    Duration,
    Once,
    Recurrence,
    Timescale,
    TimescaleError,
)
from compiler.vocabulary import Vocabulary
from compiler.vocabulary import vocabulary as bundled_vocabulary
from compiler.wording import conditions_words, first_phrase

_UNIT_NAMES = {
    "hours": ("hour", "hours"),
    "working_hours": ("working hour", "working hours"),
    "days": ("day", "days"),
    "working_days": ("working day", "working days"),
    "weeks": ("week", "weeks"),
    "months": ("calendar month", "months"),
    "years": ("year", "years"),
}

_EVERY_ONE = {
    "hours": "every hour",
    "days": "daily",
    "working_days": "every working day",
    "weeks": "weekly",
    "months": "every calendar month",
    "years": "every year",
}

_PERIOD_NAMES = {
    "week": "calendar week",
    "calendar_month": "calendar month",
    "year": "calendar year",
}


def format_timescale(timescale: Timescale, vocabulary: Vocabulary | None = None) -> str:
    """The timescale in the words a social worker would use, valid as shorthand.

    >>> from compiler.timescale.model import Phase, Recurrence, Duration
    >>> format_timescale(Recurrence("plan_start", (Phase(Duration(10, "working_days")),)))
    'every 10 working days from the start of the plan'
    """
    words = vocabulary or bundled_vocabulary()
    if isinstance(timescale, Deadline):
        event = first_phrase(words.events, timescale.event)
        if timescale.before:
            return f"at least {duration(timescale.within)} before {event}"
        return f"within {duration(timescale.within)} of {event}"
    if isinstance(timescale, Once):
        return f"at least once before {first_phrase(words.events, timescale.before)}"
    if isinstance(timescale, Count):
        times = {1: "once", 2: "twice"}.get(timescale.times, f"{timescale.times} times")
        period = _PERIOD_NAMES[timescale.per]
        return f"{times} a {period} from {first_phrase(words.events, timescale.event)}"
    if isinstance(timescale, Recurrence):
        return _recurrence(timescale, words)
    raise TimescaleError(f"not a timescale: {timescale!r}")


def duration(amount: Duration) -> str:
    """ "one week", "48 hours", "48 working hours (2 working days)"."""
    singular, plural = _UNIT_NAMES[amount.unit]
    text = f"one {singular}" if amount.amount == 1 else f"{amount.amount} {plural}"
    return text + _working_days(amount)


def frequency(every: Duration) -> str:
    """ "weekly", "fortnightly", "every calendar month", "every 10 working days"."""
    if every == Duration(2, "weeks"):
        return "fortnightly"
    if every.amount == 1 and every.unit in _EVERY_ONE:
        return _EVERY_ONE[every.unit]
    return f"every {duration(every)}"


def _recurrence(recurrence: Recurrence, words: Vocabulary) -> str:
    start = f"from {first_phrase(words.events, recurrence.event)}"
    parts = []
    for index, phase in enumerate(recurrence.phases):
        opening = index == 0 and not recurrence.first
        text = frequency(phase.every)
        if phase.until is not None:
            text += f" {start}" if opening else ""
            text += f" until {first_phrase(words.events, phase.until)}"
        elif phase.lasts is not None:
            lasts = _first(phase.lasts) if index == 0 else duration(phase.lasts)
            text += f" for the first {lasts}" if index == 0 else f" for {lasts}"
            text += f" {start}" if opening else ""
        elif opening:
            text += f" {start}"
        said = conditions_words(phase.where, words)
        parts.append(f"{text} {said}" if said else text)
    text = ", then ".join(parts)
    if recurrence.first:
        event = first_phrase(words.events, recurrence.event)
        deadlines = [f"within {duration(recurrence.first[0])} of {event}"]
        deadlines += [f"within {duration(d)}" for d in recurrence.first[1:]]
        text = ", then ".join([*deadlines, text])
    if recurrence.cap is not None:
        text += f", never further apart than {duration(recurrence.cap)}"
    return text


def _first(lasts: Duration) -> str:
    """ "for the first month", "for the first 6 weeks"."""
    if lasts.amount != 1:
        return duration(lasts)
    singular = "month" if lasts.unit == "months" else _UNIT_NAMES[lasts.unit][0]
    return singular + _working_days(lasts)


def _working_days(amount: Duration) -> str:
    if amount.working_days is None:
        return ""
    return f" ({amount.working_days} working day{'' if amount.working_days == 1 else 's'})"
