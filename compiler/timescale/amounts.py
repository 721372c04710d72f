"""Amounts of time and how often: the words every form of timescale is built from.

"48 hours", "a week", "five working days", "48 working hours (2 working days)" are durations;
"every 10 working days", "fortnightly", "4 weekly", "on a weekly basis" and, after "a minimum
of" or "at intervals of not more than", a bare "6 weeks" are frequencies. "Monthly" and
working hours have two readings; they are noted as ambiguities (with the placeholder reading
a calendar month, and a 24-hour working day) for :func:`compiler.timescale.parse` to refuse.
"""

from __future__ import annotations

import math

from compiler.timescale import ambiguity
from compiler.timescale.cursor import Cursor, quote
from compiler.timescale.lexicon import ADVERBS, LARGEST_NUMBER, LEADS, NUMBER_WORDS, UNIT_WORDS
from compiler.timescale.model import Duration
from compiler.timescale.tokens import Token

_LEADS = sorted(LEADS.items(), key=lambda lead: -len(lead[0]))
_UNITS = sorted(UNIT_WORDS.items(), key=lambda unit: -len(unit[0]))


class AmountReader(Cursor):
    """Reads durations, numbers, frequencies and the lead words before them."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.ambiguities: list[ambiguity.Ambiguity] = []
        self.last_unit: str | None = None
        """The unit of the last duration read, to check a note such as "(not working days)"."""
        self.clear_at: Token | None = None
        """Where an amount of "clear" days begins, if one does ("5 clear working days")."""
        self.clear_end = 0

    def frequency(self, bare: bool) -> Duration:
        start = self.token
        if self.accept("every") or self.accept("each"):
            if self.at_one_of("month", "months"):
                self.pos += 1
                return self.month(start)
            return self.duration(number_optional=True)
        adverb_after = self.peek(2).value in ("weekly", "monthly")
        if self.at("at") and self.number_ahead_at(1) and adverb_after:
            self.pos += 1  # "at 6 weekly intervals"
            return self.frequency(bare)
        if self.accept("on"):
            self.accept("a")
            if self.number_ahead() and self.peek().value in ("weekly", "monthly"):
                every = self.frequency(bare)
                self.expect("basis")
                return every
            if not self.at_one_of(*ADVERBS):
                self.fail("a word such as 'weekly', as in 'on a weekly basis'")
            adverb = ADVERBS[self.token.value]
            self.pos += 1
            self.expect("basis")
            return self.month(start) if adverb is None else Duration(*adverb)
        if self.at_one_of(*ADVERBS):
            adverb = ADVERBS[start.value]
            self.pos += 1
            return self.month(start) if adverb is None else Duration(*adverb)
        if self.number_ahead() and self.peek().value in ("weekly", "monthly"):
            amount = self.number()
            if self.accept("weekly"):
                every = Duration(amount, "weeks")
            else:
                self.pos += 1
                every = self.month(start) if amount == 1 else Duration(amount, "months")
            self.accept("intervals")  # "at 6 weekly intervals"
            return every
        if bare and self.number_ahead():
            return self.duration()
        self.refuse_uncountable()
        self.fail("how often, such as 'every 2 weeks', 'fortnightly' or 'every 10 working days'")

    def month(self, start: Token) -> Duration:
        """After "monthly" or "every month": "(calendar month)" or "(4 weeks)", else ambiguous."""
        if not self.accept("("):
            self.ambiguities.append(ambiguity.monthly(self.text, start.start, self.previous_end))
            return Duration(1, "months")
        if not self.accept("every"):
            self.accept("a")
        inside = self.token
        stated = Duration(1, "months") if self.accept("calendar", "month") else self.duration()
        if stated not in (Duration(1, "months"), Duration(4, "weeks")):
            self.fail_at(
                inside,
                f"{start.text!r} at column {start.column} means a calendar month or 4 weeks: "
                "write '(calendar month)' or '(4 weeks)'",
            )
        self.expect(")")
        return stated

    def duration(self, number_optional: bool = False) -> Duration:
        start = self.token
        amount = self.number(optional=number_optional) or 1
        clear = self.at("clear") and self.clear_at is None  # "5 clear working days before"
        if clear:
            self.clear_at = start
            self.pos += 1
        found, unit = self.accept_entry(_UNITS)
        if clear:
            self.clear_end = self.previous_end
        if not found or unit is None:
            self.refuse_uncountable()
            self.fail(
                "a unit of time: hours, working hours, days, working days, weeks, months or years"
            )
        self.last_unit = unit
        if unit != "working_hours":
            return Duration(amount, unit)
        if not self.accept("("):
            self.ambiguities.append(
                ambiguity.working_hours(self.text, start.start, self.previous_end, amount)
            )
            return Duration(amount, unit, working_days=math.ceil(amount / 24))
        days = self.number()
        if not (self.accept("working", "days") or self.accept("working", "day")):
            self.fail("how many working days it means, as in '48 working hours (2 working days)'")
        self.expect(")")
        return Duration(amount, unit, working_days=days)

    def number(self, optional: bool = False) -> int:
        """A number in digits or words, or "a"/"an" before a unit; 0 if optional and absent."""
        token = self.token
        if token.kind == "number":
            if len(token.value) > len(str(LARGEST_NUMBER)) or int(token.value) > LARGEST_NUMBER:
                self.fail_at(token, f"{quote(token.text)} at column {token.column} is too large")
            if int(token.value) == 0:
                self.fail_at(token, f"an amount at column {token.column} must be at least 1, not 0")
            self.pos += 1
            return self.after_amount(int(token.value))
        if token.value in NUMBER_WORDS:
            self.pos += 1
            return self.after_amount(NUMBER_WORDS[token.value])
        if self.number_ahead():  # "a week", "an hour"
            self.pos += 1
            return 1
        if optional:
            return 0
        self.fail("a number")

    def after_amount(self, amount: int) -> int:
        """ "ten (10)" reads as 10; "63 (45 working) days" and "4-6 weeks" are refused."""
        first = self.pos - 1
        if self.at("(") and self.peek().kind == "number":
            echo = self.peek()
            if self.peek(2).value == ")":
                if int(echo.value) != amount:
                    self.fail_at(
                        echo,
                        f"the number in brackets at column {echo.column} ({echo.text}) is not "
                        f"the number before it ({amount}): write one number",
                    )
                self.pos += 3
                return amount
            close = self.pos
            while self.values[close] not in (")", ""):
                close += 1
            written = self.text[self.tokens[first].start : self.tokens[close].end]
            unit = self.peek(close - self.pos + 1)
            if unit.kind == "word":
                written = self.text[self.tokens[first].start : unit.end]
            self.fail_at(
                self.tokens[first],
                f"{quote(written)} at column {self.tokens[first].column} gives two amounts: "
                "write the one that must be met, in one unit",
            )
        self.refuse_range(first, amount)
        return amount

    def refuse_range(self, first_index: int, amount: int) -> None:
        """Refuse an amount followed by another ("4-6 weeks"); see :mod:`asides`."""

    def refuse_uncountable(self) -> None:
        """Refuse a unit the tools cannot count ("school days"); see :mod:`asides`."""

    def number_ahead_at(self, ahead: int) -> bool:
        """Whether an amount starts ``ahead`` tokens on."""
        save = self.pos
        self.pos = min(self.pos + ahead, len(self.tokens) - 1)
        try:
            return self.number_ahead()
        finally:
            self.pos = save

    def number_ahead(self) -> bool:
        token = self.token
        if token.kind == "number" or token.value in NUMBER_WORDS:
            return True
        after = self.values[self.pos + 1 : self.pos + 3]  # a unit is one or two words
        return token.value in ("a", "an") and any(
            tuple(after[: len(words)]) == words for words in UNIT_WORDS
        )

    def leads(self) -> bool:
        """Skip "at least", "a minimum of" and the like.

        True if one of them makes a bare duration an interval ("a minimum of 6 weeks").
        """
        interval = False
        while True:
            found, makes_interval = self.accept_entry(_LEADS)
            if not found:
                return interval
            interval = interval or bool(makes_interval)

    def noise(self) -> bool:
        return self.accept("thereafter") or self.accept("as", "a", "minimum")
