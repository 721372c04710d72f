"""Recurrences: phases, their ends and conditions, an earlier first deadline, and a cap.

"within one week of the start of the placement, then every 6 weeks for the first year, then
every 3 months where the placement is intended to last until the child is 18" is a first
deadline and two phases; "weekly for the first month, then fortnightly where approved by my
manager, never further apart than 4 weekly" is two phases and a cap.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler.timescale.amounts import AmountReader
from compiler.timescale.model import Duration, Phase, Recurrence, Timescale
from compiler.timescale.tokens import Token
from compiler.timescale.words import ADVERBS, Lexicon

Build = Callable[[str], Timescale]
"""A timescale read but for its start event, which may come from the rule instead."""

LINKS = ("of", "from", "after", "following")
"""Words that join a timescale to the event that starts its clock."""


class PhaseReader(AmountReader):
    """Reads recurrences, and the events that start their clocks."""

    def __init__(self, text: str, words: Lexicon) -> None:
        super().__init__(text)
        self.lexicon = words
        self.start_event: tuple[str, Token] | None = None

    def event(self) -> None:
        """An event that starts the clock; every one the text names must be the same."""
        term, token = self.match(self.lexicon.events, "event")
        if self.start_event is None:
            self.start_event = (term, token)
        elif self.start_event[0] != term:
            earlier, where = self.start_event
            self.fail_at(
                token,
                f"the timescale names two events that start the clock: {earlier!r} at column "
                f"{where.column} and {term!r} at column {token.column}",
            )

    def then_recurrence(self, first: Duration) -> Build | None:
        """After a deadline, "then every ..." makes it a recurrence's first deadline.

        Further deadlines may come before the phases, each counted from the
        occurrence before: "within 20 working days of the child becoming
        looked after, then within 3 months, then every 6 months".
        """
        deadlines = [first]
        save = self.pos
        self.separators()
        while self.at("within"):
            self.pos += 1
            deadlines.append(self.duration())
            save_inner = self.pos
            self.separators()
            if not (self.at("within") or self.starts_phase()):
                self.pos = save_inner
                break
        if self.starts_phase():
            return self.recurrence(tuple(deadlines))
        if len(deadlines) > 1:
            self.fail("a frequency after the deadlines, as in 'then every 6 months'")
        self.pos = save
        return None

    def recurrence(self, first: tuple[Duration, ...] = ()) -> Build:
        phases: list[Phase] = []
        cap = None
        while True:
            begins = self.token
            if phases and phases[-1].lasts is None and phases[-1].until is None:
                self.fail_at(
                    begins,
                    "only the last phase may go on for ever: say how long the phase before "
                    f"column {begins.column} lasts ('for the first month', "
                    "'until the first review')",
                )
            phases.append(self.phase(opening=not phases))
            save = self.pos
            self.separators()
            if self.at("never"):
                cap = self.cap()
                break
            if not self.starts_phase():
                self.pos = save
                break
        stages = tuple(phases)
        return lambda event: Recurrence(event, stages, first, cap)

    def phase(self, opening: bool) -> Phase:
        interval = self.leads()
        if self.at("once") and self.peek().value in ("every", "each"):
            self.pos += 1
        every = self.frequency(bare=interval)
        lasts: Duration | None = None
        until: str | None = None
        where: dict[str, bool] = {}
        while True:
            save = self.pos
            while self.accept(","):
                pass
            token = self.token
            if self.noise():
                continue
            if self.at_one_of("for", "until") and (lasts or until):
                self.fail_at(token, "a phase ends either after a duration or at an event, not both")
            if self.accept("for"):
                first_unit = self.accept("the", "first")  # "for the first month"
                lasts = self.duration(number_optional=first_unit)
            elif self.accept("until"):
                until, _ = self.match(self.lexicon.events, "event")
            elif self.at_one_of("where", "unless", "if"):
                if opening:
                    self.fail_at(
                        token,
                        "the first phase of a recurrence cannot depend on a condition: "
                        "put the condition on the rule instead",
                    )
                self.conditions(where)
            elif self.at_one_of(*LINKS):
                self.pos += 1
                self.event()
            else:
                self.pos = save
                return Phase(every, lasts, until, tuple(sorted(where.items())))

    def conditions(self, where: dict[str, bool]) -> None:
        holds = self.token.value != "unless"
        self.pos += 1
        while True:
            fact, token = self.match(self.lexicon.conditions, "condition")
            if fact in where:
                self.fail_at(token, f"the condition {fact!r} is named twice in one phase")
            where[fact] = holds
            after = self.peek()
            if not self.at("and"):
                return
            if after.value in ("where", "unless", "if"):
                holds = after.value != "unless"
                self.pos += 2
            elif self.lexicon.conditions.match(self.values, self.pos + 1):
                if not holds:
                    self.fail_at(after, "after 'unless', write 'and unless ...' or 'and where ...'")
                self.pos += 1
            else:
                return

    def cap(self) -> Duration:
        self.pos += 1  # never
        self.accept("be")
        if not (self.accept("further", "apart", "than") or self.accept("more", "than")):
            self.fail("'further apart than', as in 'never further apart than 4 weekly'")
        cap = self.frequency(bare=True)
        save = self.pos
        self.separators()
        if self.at_one_of(*LINKS):
            self.pos += 1
            self.event()
        else:
            self.pos = save
        return cap

    def separators(self) -> None:
        while self.accept(",") or self.accept(";") or self.accept("then") or self.accept("and"):
            self.noise()
        self.noise()

    def starts_phase(self) -> bool:
        """Whether a phase begins here (looking ahead only)."""
        save = self.pos
        try:
            interval = self.leads()
            if self.at("once") and self.peek().value in ("every", "each"):
                self.pos += 1
            if self.at_one_of("every", "each", "on", *ADVERBS):
                return True
            if self.number_ahead():
                return interval or self.peek().value in ("weekly", "monthly")
            return False
        finally:
            self.pos = save
