"""What reading a document's words gives: the timescale, and what the words add around it.

:func:`compiler.timescale.parse.read_timescale` returns a :class:`TimescaleReading`; this
module also applies inclusive counting ("from and including the day of the visit"), which
is known only once the whole timescale is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler.timescale.model import (
    Conditions,
    Deadline,
    Duration,
    Phase,
    Recurrence,
    Timescale,
    TimescaleError,
)
from compiler.timescale.tokens import Token


@dataclass(frozen=True)
class TimescaleReading:
    """A timescale read from a document's words, with what the words add around it.

    ``conditions`` are conditions on the whole rule that the words carry ("or as directed by
    the conference chair" is ``(("conference_chair_directed_otherwise", False),)``): a rule
    that encodes the words must carry them. ``notes`` are hedges that do not move a due date
    ("more frequently if required", "(not working days)"), kept so that a reader sees them.
    """

    timescale: Timescale
    conditions: Conditions = ()
    notes: tuple[str, ...] = ()
    condition_message: str = ""
    condition_column: int = 0


def counted_inclusively(timescale: Timescale, words: Token) -> Timescale:
    """ "every 20 working days (from and including the day of the visit)" is every 19.

    Counting the day of the event as day 1 ends the count one day sooner than the tools'
    count, which starts the day after. Only one amount in days can be shortened so.
    """
    amount = None
    if isinstance(timescale, Deadline) and not timescale.before:
        amount = timescale.within
    elif isinstance(timescale, Recurrence) and len(timescale.phases) == 1:
        only = timescale.phases[0]
        if not (timescale.first or timescale.cap or only.lasts or only.until):
            amount = only.every
    if amount is None or amount.unit not in ("days", "working_days") or amount.amount < 2:
        raise TimescaleError(
            f"the words at column {words.column} count the day of the event as day 1: write "
            "the timescale one day shorter, in days or working days, and leave the words out",
            column=words.column,
        )
    shorter = Duration(amount.amount - 1, amount.unit)
    if isinstance(timescale, Deadline):
        return Deadline(shorter, timescale.event)
    return Recurrence(timescale.event, (Phase(shorter),))


def counted_clear(timescale: Timescale, words: Token, written: str) -> tuple[Timescale, str]:
    """ "at least 5 clear working days before the meeting" is 6 working days before it.

    Clear days leave out both the day something is done and the day of the event; the
    tools' "5 working days before" leaves out only the event's day, so clear days are one
    more. Only a notice before an event, in days or working days, is read so; anything else
    in clear days is refused. Returns the timescale and the note that says so.
    """
    amount = timescale.within if isinstance(timescale, Deadline) and timescale.before else None
    if amount is None or amount.unit not in ("days", "working_days"):
        raise TimescaleError(
            f"{written!r} at column {words.column}: the tools count clear days only in a notice "
            "before an event ('at least 5 clear working days before the conference'): write "
            "the timescale in days, working days, weeks or months",
            column=words.column,
        )
    longer = Duration(amount.amount + 1, amount.unit)
    unit = amount.unit.replace("_", " ")
    note = (
        f"{written!r}: clear days count neither the day it is done nor the day of the event, "
        f"so read as one day more ({longer.amount} {unit} before)"
    )
    return Deadline(longer, timescale.event, before=True), note
