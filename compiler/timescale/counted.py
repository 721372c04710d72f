"""Counts per period read as intervals, and an interval said twice: the reader's parts for them.

"at least once a month" and "at least one unannounced visit to the foster home each year" are
read as the stricter interval (:mod:`compiler.timescale.counts`); "every two weeks, 14 calendar
day intervals" and "every year with no more than 12 months between each review" say the
interval twice, and are read once, the second saying kept as a note, after checking it is the
same interval; "a maximum of 45 working days" alone is a deadline, with a note saying so; an
alternative in brackets with a condition is a rule condition only beside one phase.
"""

from __future__ import annotations

from compiler.timescale import ambiguity
from compiler.timescale.counts import count_note, every_for
from compiler.timescale.model import Duration, Phase, Recurrence, Timescale, TimescaleError
from compiler.timescale.phases import LINKS, Build, PhaseReader
from compiler.timescale.tokens import Token

WHICH = ("each", "every", "a", "per")

ONE_EACH_PERIOD = (
    *(((which, unit), unit) for unit in ("week", "month", "year") for which in WHICH),
    (("throughout", "the", "year"), "year"),
)
"""How "at least one <thing> each year" ends: the period, by its words."""

MAXIMUM_LEADS = (("a", "maximum", "of"), ("maximum", "of"), ("a", "maximum"), ("maximum",))
"""Words before a bare amount that make it the most time allowed: "a maximum of 45 working days".

Alone, the amount is read as a deadline from the event, with a note saying so; opening the
later part of a sequence ("thereafter, a maximum of 6 weeks") it is the longest gap.
"""


def maximum_note(words: str, amount: str) -> str:
    """The note on "a maximum of 45 working days": the reading taken and how to write the other."""
    return (
        f"{words!r} is read as a deadline, within {amount} of the event; if it is the longest "
        f"gap between visits, write 'every {amount}'"
    )


def same_interval(timescale: Timescale, words: Token, restated: Duration) -> None:
    """The interval said again ("every two weeks, 14 calendar day intervals") must be the same."""
    if isinstance(timescale, Recurrence) and len(timescale.phases) == 1:
        said = (timescale.phases[0].every, *timescale.first)
        if all(same_length(amount, restated) for amount in said):
            return
    raise TimescaleError(
        f"the interval at column {words.column} is not the timescale before it: write the one "
        "interval that is meant",
        column=words.column,
    )


def same_length(one: Duration, other: Duration) -> bool:
    """ "2 weeks" and "14 calendar days", "every year" and "12 months": always the same length."""
    in_days = {"days": 1, "weeks": 7}
    in_months = {"months": 1, "years": 12}
    for scale in (in_days, in_months):
        if one.unit in scale and other.unit in scale:
            return one.amount * scale[one.unit] == other.amount * scale[other.unit]
    return one == other


def one_phase_beside_brackets(timescale: Timescale, opening: Token) -> None:
    """A condition in brackets is read as the whole rule's only where the rule is one phase.

    "Thereafter, every 6 weeks (3 months if ...)" is one interval for one case; beside a
    first deadline or other phases the condition would wrongly take them too.
    """
    one_phase = isinstance(timescale, Recurrence) and len(timescale.phases) == 1
    if one_phase and not (timescale.first or timescale.cap):
        return
    raise TimescaleError(
        f"the words in brackets at column {opening.column} give a second timescale: write "
        "each as its own phase or rule, with the condition that chooses it ('then every 3 "
        "months where the placement is intended to last until the child is 18')",
        column=opening.column,
    )


class CountedReader(PhaseReader):
    """Reads counts per period as intervals, and an interval said a second time."""

    def restated_interval(self) -> bool:
        """ "every two weeks, 14 calendar day intervals": the interval said again, as a note.

        :func:`read_timescale` checks that it is the same interval once the timescale is read.
        """
        first = self.token
        at = self.pos + 1 + self._unit_at(self.pos + 1)
        if self.values[at] != "intervals":
            return False
        self.restated = (first, self.duration())
        self.pos = at + 1
        self.note(first.start, self.text[first.start : self.previous_end])
        return True

    def restated_longest_gap(self) -> bool:
        """ "... then every year with no more than 12 months between each review": said again.

        :func:`read_timescale` checks that it is the interval read; the words are a note.
        """
        for lead in (("with", "no", "more", "than"), ("with", "not", "more", "than")):
            if self.at(*lead) and self._amount_at(self.pos + len(lead)):
                first = self.token
                self.pos += len(lead)
                self.restated = (first, self.duration())
                self.note(first.start, self.text[first.start : self.previous_end])
                return True
        return False

    def period_ending_one_thing(self) -> tuple[int, str] | None:
        """Where "one <thing> each year" ends and its period (None if this is not the form).

        Only a period that ends the clause (before a comma or the end) is read.
        """
        end = self.pos
        while self.values[end] not in ("", ".", ";", ","):
            end += 1
        for words, period in ONE_EACH_PERIOD:
            at = end - len(words)
            if at > self.pos + 1 and tuple(self.values[at:end]) == words:
                return end, period
        return None

    def one_thing_each_period(self) -> Build:
        """ "at least one unannounced visit to the foster home each year": once a year.

        The words between "one" and the period name what is done, which the rule's activity
        says; the count is read as an interval, as "once a year" is.
        """
        found = self.period_ending_one_thing()
        assert found is not None  # the caller asks first
        start = self.token
        self.pos = found[0]
        return self.as_interval(start, 1, found[1])

    def as_interval(self, start: Token, times: int, period: str) -> Build:
        """ "at least once a month": visits no more than a month apart, with a note saying so.

        The stricter of the two readings (:mod:`compiler.timescale.counts`).
        """
        every = every_for(times, period)
        assert every is not None  # the callers ask first
        note = count_note(self.text[start.start : self.previous_end], times, period)
        if period == "month":  # a rule's shorthand must still say which month it means
            self.ambiguities.append(
                ambiguity.once_a_month(self.text, start.start, self.previous_end, note)
            )
        else:
            self.note(start.start, note)
        if self.at_one_of(*LINKS):
            self.pos += 1
            self.event()
        return lambda event: Recurrence(event, (Phase(every),))
