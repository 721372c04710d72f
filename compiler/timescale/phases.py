"""Recurrences: phases, their ends and conditions, an earlier first deadline, and a cap.

"within one week of the start of the placement, then every 6 weeks for the first year, then
every 3 months where the placement is intended to last until the child is 18" is a first
deadline and two phases; "weekly for the first month, then fortnightly where approved by my
manager, never further apart than 4 weekly" is two phases and a cap.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler.timescale.asides import AsideReader
from compiler.timescale.cursor import quote
from compiler.timescale.lexicon import ADVERBS, Lexicon
from compiler.timescale.model import Duration, Phase, Recurrence, Timescale
from compiler.timescale.tokens import Token

Build = Callable[[str], Timescale]
"""A timescale read but for its start event, which may come from the rule instead."""

LINKS = ("of", "from", "after", "following")
"""Words that join a timescale to the event that starts its clock."""


JOINING = frozenset(("then", "thereafter", "subsequently"))
"""Words after which another phase must follow ("and" may join a condition or a hedge)."""

ONCE_A_WEEK_UNTIL = "'once a week until' is read as visits no more than a week apart"

LATER = frozenset(("later", "latest"))
LATEST = frozenset(("last", "latest", "recent"))
"""Words that name the latest occurrence of the same event: "or the last strategy discussion"."""
EARLIER = frozenset(("earlier", "earliest", "sooner", "soonest"))
EITHER_LEADS = frozenset(
    ("of", "the", "date", "day", "when", "on", "which", "last", "latest", "most", "recent")
)
"""Words between "or" and the second event: "or the date when notification was received"."""
EITHER_LINKS = frozenset(("was", "is", "has", "been", "received", "made", "if", "whichever", ","))
"""Words between the second event and "later": "was received if later", ", whichever is later"."""
WINDOWS = (
    ("for", "the", "duration", "of", "the", "first"),
    ("for", "the", "first"),
    ("in", "the", "first"),
    ("during", "the", "first"),
    ("within", "the", "first"),
)
"""Words that end a phase after a duration: "for the first year", "during the first year"."""


class PhaseReader(AsideReader):
    """Reads recurrences, and the events that start their clocks."""

    def __init__(self, text: str, words: Lexicon) -> None:
        super().__init__(text)
        self.lexicon = words
        self.start_event: tuple[str, Token] | None = None
        self.rule_conditions: dict[str, bool] = {}
        """Conditions on the whole rule ("or as directed by the conference chair")."""
        self.rule_condition_at: tuple[Token, str] | None = None
        self.alternative_at: Token | None = None
        self.restated: tuple[Token, Duration] | None = None
        """The interval said a second time ("14 calendar day intervals"), if it is."""
        """Where a bracket gives the timescale for when a condition holds, if one does."""

    def event(self) -> None:
        """An event that starts the clock; every one the text names must be the same."""
        term, token = self.match(self.lexicon.events, "event")
        term = self.later_or_earlier(term)
        self.refuse_second_event(token)
        if self.start_event is None:
            self.start_event = (term, token)
        elif self.start_event[0] != term:
            earlier, where = self.start_event
            self.fail_at(
                token,
                f"the timescale names two events that start the clock: {earlier!r} at column "
                f"{where.column} and {term!r} at column {token.column}",
            )

    def later_or_earlier(self, term: str) -> str:
        """ "of the placement, or the date when notification was received if later".

        Read as one event, the later (or earlier) of the two, when the vocabulary has such an
        event (``later_of`` / ``earlier_of``): the same amount from the later of two days is
        due on the later of the two deadlines. Anything else between "or" and "later" (a
        second amount, "or within three months of ...") leaves the words to be refused.
        """
        after = self.pos + (self.values[self.pos] == ",")
        if self.values[after] != "or":
            return term
        at = after + 1
        found = self.lexicon.events.match(self.values, at)
        while found is None and self.values[at] in EITHER_LEADS:
            at += 1
            found = self.lexicon.events.match(self.values, at)
        if found is None:
            return term
        other, length = found
        if other == term and set(self.values[after + 1 : at + length]) & LATEST:
            # "or the last strategy discussion if more than one has been held": the tools
            # count from the latest occurrence of an event already, so the words are a note.
            end = self._clause_end(at)
            first = self.tokens[after + 1 if self.values[after] == "or" else after]
            self.note(first.start, self.text[self.tokens[after].start : self.tokens[end - 1].end])
            self.pos = end
            return term
        at += length
        while self.values[at] in EITHER_LINKS:
            at += 1
        which = (
            "later" if self.values[at] in LATER else "earlier" if self.values[at] in EARLIER else ""
        )
        derived = self.lexicon.derived.get((which, frozenset((term, other))))
        if derived is None:
            return term
        self.pos = at + 1
        return derived

    def refuse_second_event(self, first: Token, alternative: int | None = None) -> None:
        """ "of the placement, or the date when notification was received if later"."""
        after = self.pos + (self.values[self.pos] == ",")
        if alternative is not None:
            after = alternative
        if self.values[after] != "or" or self.values[after + 1] in ("as", "more", "so"):
            return
        rest = set(self.values[after:])
        which = "the later" if rest & LATER else "the earlier" if rest & EARLIER else "one"
        if alternative is not None:
            first = self.tokens[alternative]
        words = self.text[first.start : self.tokens[self._clause_end(after) - 1].end]
        self.fail_at(
            first,
            f"{quote(words)} at column {first.column} takes {which} of two events or deadlines: "
            "a timescale counts from one event; name the one that starts the clock, write "
            "a rule for each (where two rules apply, the earlier due date binds), or, for the "
            "same amount from the later or earlier of two events, add an event with "
            "'later_of' or 'earlier_of' to the vocabulary",
        )

    def bracketed(self) -> bool:
        """ "6 weeks (3 months if the placement is intended to last until the child is 18)".

        The bracket gives the timescale where a condition holds: the words before it are read
        as the rule where the condition does not, which the rule must carry as
        ``{condition: false}``; the bracket is kept as a note, since the other case needs a
        rule of its own. Any other bracket is the aside reader's.
        """
        if not self.at("("):
            return False
        at = self.pos + 1 + (self.values[self.pos + 1] == "or")
        if not self._amount_at(at):
            return super().bracketed()
        at += 1 + self._unit_at(at + 1)
        found = None
        if self.values[at] in ("if", "where"):
            found = self.lexicon.conditions.match(self.values, at + 1)
        if found is None or self.values[at + 1 + found[1]] != ")":
            return super().bracketed()
        fact, length = found
        opening, close = self.token, at + 1 + length
        if self.rule_conditions.get(fact, False):
            return super().bracketed()  # the words also say it holds: refuse
        self.rule_conditions[fact] = False
        self.alternative_at = opening
        if self.rule_condition_at is None:
            self.rule_condition_at = (
                opening,
                f"the words in brackets at column {opening.column} give the timescale where "
                f"{fact!r} holds: put {{{fact}: false}} in the rule's conditions, leave the "
                "brackets out of the timescale, and write a rule for the other case",
            )
        self.note(opening.start, self.text[opening.start : self.tokens[close].end])
        self.pos = close + 1
        return True

    def rule_condition(self, opening_phase: bool) -> None:
        """ "if there is an unplanned placement change", "or as directed by the conference chair".

        The condition is on the whole rule, not on a phase; :func:`read_timescale` returns it,
        :func:`parse_timescale` asks for it on the rule.
        """
        token = self.token
        if self.accept("or", "as"):
            holds = False
        elif self.accept("but", "only") or self.accept("only"):
            holds = True
            self.pos += 1  # where, if
        else:
            holds = self.token.value != "unless"
            self.pos += 1
        fact, _ = self.match(self.lexicon.conditions, "condition")
        if self.rule_condition_at is None:
            why = (
                "the first phase of a recurrence cannot depend on a condition: put the "
                "condition on the rule instead"
                if opening_phase
                else f"the words at column {token.column} make the whole rule depend on a "
                f"condition: put {{{fact}: {str(holds).lower()}}} in the rule's conditions "
                "and leave the words out of the timescale"
            )
            self.rule_condition_at = (token, why)
        self.rule_conditions[fact] = holds

    def at_rule_condition(self) -> bool:
        """Whether a condition on the whole rule begins here."""
        if self.at("or", "as"):
            return self.lexicon.conditions.match(self.values, self.pos + 2) is not None
        if self.at("but", "only") or self.at("only"):
            return True
        return self.at_one_of("where", "if", "unless")

    def once_until(self) -> int:
        """ "once a week until the first review": the words before "until" (0 if not this form).

        The regulations' "at least once a week until the first review" is read, as the
        Care Planning guidance reads it, as visits no more than a week apart.
        """
        for words in (("once", "a", "week"), ("once", "each", "week"), ("once", "per", "week")):
            if self.at(*words) and self.values[self.pos + len(words)] == "until":
                return len(words)
        return 0

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
                joined = any(self.values[at] in JOINING for at in range(save, self.pos))
                if joined and self.token.kind != "end" and not self.at_rule_condition():
                    self.fail("how often, such as 'every 6 weeks', after 'then' or 'thereafter'")
                self.pos = save
                break
        stages = tuple(phases)
        return lambda event: Recurrence(event, stages, first, cap)

    def phase(self, opening: bool) -> Phase:
        interval = self.leads()
        if self.at("once") and self.peek().value in ("every", "each"):
            self.pos += 1
        if self.once_until():
            self.pos += self.once_until()
            every = Duration(1, "weeks")
            self.note(self.token.start, ONCE_A_WEEK_UNTIL)
        else:
            every = self.frequency(bare=interval)
        lasts: Duration | None = None
        until: str | None = None
        where: dict[str, bool] = {}
        while True:
            save = self.pos
            while self.accept(","):
                pass
            token = self.token
            if self.at("thereafter") and self.phase_follows(1):
                self.pos = save  # "..., thereafter at intervals of": the next phase's words
                return Phase(every, lasts, until, tuple(sorted(where.items())))
            if self.noise():
                continue
            if self.at_one_of("for", "until") and (lasts or until):
                self.fail_at(token, "a phase ends either after a duration or at an event, not both")
            window = next((words for words in WINDOWS if self.at(*words)), None)
            if window or self.at("for"):
                self.pos += len(window) if window else 1
                lasts = self.duration(number_optional=bool(window))
            elif self.accept("until"):
                until, _ = self.match(self.lexicon.events, "event")
            elif opening and self.at_rule_condition():
                self.rule_condition(opening_phase=True)
            elif self.at_one_of("where", "unless", "if"):
                self.conditions(where)
            elif self.at_one_of(*LINKS) and self.peek().value in (",", ";", ".", ""):
                self.pos += 1  # "a minimum of every 4 weeks after"
            elif self.at("after", "that") or self.at("after", "this"):
                self.pos += 2  # "at least every two months after that"
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
        while (
            self.accept(",")
            or self.accept(";")
            or self.accept("then")
            or self.accept("and")
            or self.accept("after", "this")
            or self.accept("after", "that")
            or self.accept("subsequently")
        ):
            self.noise()
        self.noise()

    def phase_follows(self, ahead: int) -> bool:
        """Whether the words ``ahead`` tokens on (after a comma) open a phase of their own."""
        save = self.pos
        self.pos += ahead
        self.accept(",")
        try:
            return self.starts_phase() or self.at("at", "intervals")
        finally:
            self.pos = save

    def starts_phase(self) -> bool:
        """Whether a phase begins here (looking ahead only)."""
        save = self.pos
        try:
            interval = self.leads()
            if self.at("once") and self.peek().value in ("every", "each"):
                self.pos += 1
            if self.once_until() or self.at_one_of("every", "each", "on", *ADVERBS):
                return True
            if self.at("at") and self.number_ahead_at(1):
                return self.peek(2).value in ("weekly", "monthly")
            if self.number_ahead():
                return interval or self.peek().value in ("weekly", "monthly")
            return False
        finally:
            self.pos = save
