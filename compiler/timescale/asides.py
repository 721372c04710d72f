"""Words beside a timescale: hedges kept as notes, and wording refused with the reason why.

Published documents rarely state a timescale bare. They add hedges that do not move a due
date ("more frequently if required", "(not working days)", "wherever possible"), which are
read and kept as notes; and they use forms that have no single reading, which are refused
with a reason that names the fix:

- a range ("every 4-6 weeks", "between one and eight weeks"): which bound is meant?
- inclusive counting ("from and including the day of the visit"): a day earlier than the
  usual count, or the usual count?
- an alternative in brackets ("6 weeks (3 months if ...)"): a second timescale;
- vague words ("usually", "or so") and units the tools cannot count ("school days",
  "termly", "clear days").

Dropping a hedge never makes a due date later: each one only allows more frequent contact,
or says the count the reader already uses.

>>> reader = AsideReader("more frequently if required")
>>> reader.noise(), reader.notes
(True, ['more frequently if required'])
"""

from __future__ import annotations

from compiler.timescale.amounts import AmountReader
from compiler.timescale.cursor import quote
from compiler.timescale.lexicon import NUMBER_WORDS, UNIT_WORDS
from compiler.timescale.tokens import Token

MORE_OFTEN = (
    ("more", "frequently"),
    ("more", "often"),
    ("more", "frequent"),
    ("more", "regularly"),
    ("sooner",),
    ("earlier",),
)
"""Words that only ever ask for contact sooner than the timescale: a hedge, not a rule."""

POSSIBLE = (("wherever", "possible"), ("where", "possible"), ("if", "possible"))

AS_LONG_AS = ("for", "as", "long", "as")

COUNTING_WORDS = frozenset(
    [
        "not",
        "working",
        "calendar",
        "days",
        "day",
        "weeks",
        ",",
        "only",
        "regardless",
        "of",
        "public",
        "bank",
        "holidays",
    ]
)
"""The words of a bracketed note that only says how days are counted: "(not working days)",
"(regardless of Public Holidays)"."""

VAGUE = (("or", "so"), ("usually",), ("approximately",), ("roughly",), ("about",))

UNCOUNTABLE = {
    ("school", "days"): "school days",
    ("school", "day"): "school days",
    ("termly",): "school terms",
    ("term",): "school terms",
}
"""Units the tools cannot count, with the name a message gives them."""

CLAUSE_ENDS = frozenset((".", ";", ""))

INCLUSIVE = "the day of the event is day 1: read as one day fewer"


class AsideReader(AmountReader):
    """Reads the hedges beside a timescale into notes, and refuses what has no single reading."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.inclusive_at: Token | None = None
        """Where words say the day of the event counts as day 1, if they do."""
        self.noted: dict[int, str] = {}
        """Hedges by where they start; a look-ahead that reads one again keeps one copy."""

    def noise(self) -> bool:
        """Skip words that do not change the timescale, keeping hedges as notes."""
        if super().noise():
            return True
        self.refuse_vague()
        self.refuse_between()
        return self.inclusive() or self.hedge() or self.bracketed() or self.agreed_within()

    def agreed_within(self) -> bool:
        """ "at intervals agreed in the review but not more than 6 weeks": the bound is read.

        Whatever interval the review agrees, the words cap it, so the cap is the timescale
        and the agreement is kept as a note.
        """
        if not self.at("at", "intervals", "agreed"):
            return False
        end = self._clause_end(self.pos)
        for at in range(self.pos + 3, end):
            if self.values[at] == "but" and self.values[at + 1 : at + 4] in (
                ["not", "more", "than"],
                ["no", "more", "than"],
            ):
                first = self.tokens[self.pos + 1]
                self.note(first.start, self.text[first.start : self.tokens[at - 1].end])
                self.pos = at + 1
                return True
        return False

    def hedge(self) -> bool:
        """ "(or) more frequently if required", "unless ... more frequent ...", "where possible"."""
        first = self.pos
        while self.values[first] in (",", "or", "and"):
            first += 1
        last = first
        unless_more = self.values[first] == "unless" and self._ahead_of(first, MORE_OFTEN)
        if unless_more and self._ahead_of(first, (("then",), ("thereafter",), (",",))):
            unless_more = self._hedge_end(first) > first and any(
                self._words_at(at, words)
                for at in range(first, self._hedge_end(first))
                for words in MORE_OFTEN
            )
        more = any(self._words_at(first, words) for words in MORE_OFTEN)
        if unless_more or more or self._words_at(first, AS_LONG_AS):
            last = self._hedge_end(first)
        else:
            for words in POSSIBLE:
                if self._words_at(first, words):
                    last = first + len(words)
        if last == first:
            return False
        start = self.pos if self.values[self.pos] in ("or", "and") else first
        while self.values[start] == ",":
            start += 1
        begins = self.tokens[start].start
        self.note(begins, self.text[begins : self.tokens[last - 1].end])
        self.pos = last
        return True

    @property
    def notes(self) -> list[str]:
        """The hedges read, in the order the text gives them."""
        return [self.noted[start] for start in sorted(self.noted)]

    def note(self, start: int, words: str) -> None:
        self.noted[start] = words

    def bracketed(self) -> bool:
        """A note in brackets that only says how days are counted, such as "(not working days)".

        A bracket that gives another amount ("6 weeks (3 months if ...)") is refused: it is a
        second timescale, which the reader will not guess how to join to the first.
        """
        if not self.at("("):
            return False
        close = self.pos + 1
        while self.values[close] not in (")", ""):
            close += 1
        inside = self.values[self.pos + 1 : close]
        opening = self.token
        if self.values[close] == ")" and inside and set(inside) <= COUNTING_WORDS:
            self._check_counting(inside, opening.column)
            self.note(opening.start, self.text[opening.start : self.tokens[close].end])
            self.pos = close + 1
            return True
        amount_at = self.pos + 1 + (inside[:1] == ["or"])
        if inside[:1] in (["or"], ["every"]) or self._amount_at(amount_at):
            self.fail_at(
                opening,
                f"the words in brackets at column {opening.column} give a second timescale: "
                "write each as its own phase or rule, with the condition that chooses it "
                "('then every 3 months where the placement is intended to last until the "
                "child is 18')",
            )
        return False

    def inclusive(self) -> bool:
        """ "(from and including the day of the visit)": the day of the event is day 1.

        The tools count the day after the event as day 1, so the words are read as one day
        fewer, which :func:`compiler.timescale.parse.read_timescale` applies and notes.
        """
        first = self.pos + (self.at("(") or self.at(","))
        for opening in (("from", "and", "including"), ("including", "the", "day"), ("inclusive",)):
            if self._words_at(first, opening):
                last = first
                while self.values[last] not in (")", *CLAUSE_ENDS):
                    last += 1
                token = self.tokens[first]
                self.inclusive_at = token
                words = self.text[token.start : self.tokens[last - 1].end]
                self.note(token.start, f"{words} ({INCLUSIVE})")
                self.pos = last + (self.values[last] == ")")
                return True
        return False

    def refuse_between(self) -> None:
        """ "between one and eight weeks", "between six weeks and six months": a range."""
        if not self.at("between"):
            return
        token = self.token
        if self.peek().value in ("each", "every") and self._longest_gap_before():
            end = self._clause_end(self.pos)  # "no more than 4 months between each PEP review"
            self.note(token.start, self.text[token.start : self.tokens[end - 1].end])
            self.pos = end
            return
        if self.peek().value in ("each", "every"):
            words = self.text[token.start : self.tokens[self._clause_end(self.pos) - 1].end]
            self.fail_at(
                token,
                f"{quote(words)} at column {token.column} counts visits between events, which "
                "the tools do not hold: write the longest gap allowed ('at least every 6 "
                "weeks'), or a deadline before the event ('at least once before the review "
                "conference')",
            )
        last = self.pos + 1
        while self.values[last] not in CLAUSE_ENDS and self.values[last] != "and":
            last += 1
        if self.values[last] == "and":
            last += 1
            while self.values[last] not in CLAUSE_ENDS and not self._unit_at(last):
                last += 1
            last += self._unit_at(last)
        words = self.text[token.start : self.tokens[last - 1].end]
        self.fail_at(
            token,
            f"{quote(words)} at column {token.column} is a range, not one timescale: write the "
            "bound that must be met ('within 8 weeks', 'at least 1 week before'), or one phase "
            "for each stretch ('weekly for the first 6 weeks, then fortnightly')",
        )

    def _longest_gap_before(self) -> bool:
        """Whether "between each" follows the longest gap allowed: "no more than 4 months".

        Then the words name what is spaced out ("between each PEP review"): the gap is the
        interval. After "once", or a least gap ("a minimum of 6 weeks between each"), not.
        """
        if not self._unit_at(self.pos - 1) and not self._unit_at(self.pos - 2):
            return False
        before = set(self.values[: self.pos])
        maximum = "maximum" in before or {"more", "than"} <= before
        return maximum and not before & {"minimum", "least", "less", "once"}

    def refuse_vague(self) -> None:
        for words in VAGUE:
            if self.at(*words):
                token = self.token
                written = self.text[token.start : self.tokens[self.pos + len(words) - 1].end]
                self.fail_at(
                    token,
                    f"{quote(written)} at column {token.column} makes the timescale approximate: "
                    "write the longest gap or latest date that is allowed",
                )

    def refuse_uncountable(self) -> None:
        """Called where a unit is expected: "school days", "termly", "clear days"."""
        for words, name in UNCOUNTABLE.items():
            if self.at(*words):
                token = self.token
                written = self.text[token.start : self.tokens[self.pos + len(words) - 1].end]
                self.fail_at(
                    token,
                    f"{quote(written)} at column {token.column}: the tools cannot count {name} "
                    "(they differ from place to place): write it in days, working days, weeks "
                    "or months",
                )

    def refuse_range(self, first_index: int, amount: int) -> None:
        """After an amount, another amount ("4-6 weeks", "6 to 8 weeks") makes a range."""
        second = self.pos + (self.values[self.pos] in ("to", "or"))
        token = self.tokens[second]
        if second == self.pos and token.kind != "number":
            return
        if not (token.kind == "number" or token.value in NUMBER_WORDS):
            return
        if not self._unit_at(second + 1) and self.values[second + 1] not in ("weekly", "monthly"):
            return
        end = second + 1 + max(self._unit_at(second + 1), 1)
        first = self.tokens[first_index]
        words = self.text[first.start : self.tokens[end - 1].end]
        bound = token.value if token.kind == "number" else NUMBER_WORDS[token.value]
        self.fail_at(
            first,
            f"{quote(words)} at column {first.column} is a range, from {amount} to {bound}: "
            f"write the one amount that must be met ({amount} is the stricter bound)",
        )

    def _check_counting(self, inside: list[str], column: int) -> None:
        working = "working" in inside and "not" not in inside
        if self.last_unit == "days" and working:
            self.fail_at(
                self.token,
                f"the note in brackets at column {column} says working days but the amount "
                "before it is in calendar days: make them agree",
            )
        if self.last_unit == "working_days" and {"not", "calendar", "regardless"} & set(inside):
            self.fail_at(
                self.token,
                f"the note in brackets at column {column} says calendar days but the amount "
                "before it is in working days: make them agree",
            )

    def _words_at(self, index: int, words: tuple[str, ...]) -> bool:
        return tuple(self.values[index : index + len(words)]) == words

    def _ahead_of(self, index: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
        end = self._clause_end(index)
        return any(self._words_at(at, words) for at in range(index, end) for words in phrases)

    def _hedge_end(self, index: int) -> int:
        """Where a hedge ends: at a comma or "then", so that a later phase is never swallowed."""
        index += 1
        while self.values[index] not in CLAUSE_ENDS | {",", "then", "thereafter"}:
            index += 1
        return index

    def _clause_end(self, index: int) -> int:
        while self.values[index] not in CLAUSE_ENDS:
            index += 1
        return index

    def _unit_at(self, index: int) -> int:
        """How many words the unit of time at ``index`` takes (0 if none)."""
        for words in sorted(UNIT_WORDS, key=len, reverse=True):
            if self._words_at(index, words):
                return len(words)
        return 0

    def _amount_at(self, index: int) -> bool:
        token = self.tokens[index]
        return (token.kind == "number" or token.value in NUMBER_WORDS) and bool(
            self._unit_at(index + 1)
        )
