"""Read a timescale's readable shorthand into its canonical form.

Authors write timescales the way their documents do ("within 24 hours of the visit", "weekly
for the first month, then fortnightly where approved by my manager, never further apart than
4 weekly"); packs export the structured form of :mod:`compiler.timescale.model`. This module
is the bridge, a small recursive-descent reader:

    timescale  := opening* lead* (deadline | once | count | recurrence) trailing* ["."]
    opening    := "then" | "thereafter" | "subsequently" | ","   (a later part of a sequence)
    deadline   := ("within" | "in" | "no later than" | "not later than" | "no longer than")
                  ["a maximum" ["of"]] ["a period of"] ["the first"] duration
                  [link event | "before" event] [then recurrence]
                | "by the end of the next working day" [link event]
                | "on the same day" [link event] | "on the day" ["of"|"that"] event  (Once)
                | duration ("before" | "prior to" | "notice" [link]) event       (before=True)
                | duration ("after" | "following") event [then recurrence]
                | ("a maximum" ["of"] | "maximum") duration [link event]  (a deadline, noted)
    once       := ["once"] ("before" | "prior to" | "by") event | "once"
    count      := ("once" | "twice" | number "times") ("a" | "per" | "each") period [link event]
                | "one" words ("each" | "a" | "per" | "every") period
                | "one" words "throughout the year"
                  (a count per week, month or year with an interval reading is read as that
                  interval, with a note: :mod:`compiler.timescale.counted`)
    recurrence := phase (separator* phase)* [", never further apart than" frequency]
    phase      := lead* frequency ("for" ["the first"] duration | "until" event
                  | ("where" | "unless" | "if") condition ("and" ...)* | link event)*
    frequency  := "every"/"each" [number] unit | daily | weekly | fortnightly | quarterly
                | annually | N "weekly" | N "monthly" | "on a weekly basis"
                | duration                                   (after "a minimum of" and the like)

Around any of these, :mod:`compiler.timescale.asides` reads hedges into notes and refuses
ranges, vague words and uncountable units; "or as directed by ...", "unless ...", "where ..."
on the opening phase or after a deadline are conditions on the whole rule, which
:func:`read_timescale` returns and :func:`parse_timescale` refuses (the rule must carry them).

Events and conditions are the phrases of ``schema/vocabulary`` (longest match, any case).
A phrase with two readings ("monthly", "twice a month", "48 working hours") is refused with
every reading spelled out (:mod:`compiler.timescale.ambiguity`); unreadable words are refused
with their column. Nothing but :class:`TimescaleError` ever escapes, whatever the text.

>>> parse_timescale("within 24 hours of the visit")
Deadline(within=Duration(amount=24, unit='hours', working_days=None), event='visit', before=False)
>>> parse_timescale("fortnightly", event="plan_start").phases[0].every
Duration(amount=2, unit='weeks', working_days=None)
"""

from __future__ import annotations

from compiler.timescale import ambiguity
from compiler.timescale.counted import (
    MAXIMUM_LEADS,
    CountedReader,
    maximum_note,
    one_phase_beside_brackets,
    same_interval,
)
from compiler.timescale.counts import every_for
from compiler.timescale.cursor import quote
from compiler.timescale.lexicon import PERIODS, lexicon
from compiler.timescale.model import (
    Count,
    Deadline,
    Duration,
    Once,
    Timescale,
    TimescaleError,
)
from compiler.timescale.phases import LINKS, Build
from compiler.timescale.reading import TimescaleReading, counted_clear, counted_inclusively
from compiler.vocabulary import Vocabulary
from compiler.vocabulary import vocabulary as bundled_vocabulary

_PERIODS = sorted(PERIODS.items(), key=lambda period: -len(period[0]))

ADVERB_PERIODS = {"weekly": "week", "yearly": "year", "annually": "year"}
"""Periods said as an adverb after a count: "twice yearly"."""

OPENINGS = ("then", "thereafter", "subsequently", "and")
"""Words that open the later part of a sequence: the rule's event is where that part starts."""

DEADLINE_LEADS = (
    ("no", "later", "than"),
    ("not", "later", "than"),
    ("no", "longer", "than"),
    ("not", "longer", "than"),
)
"""Words that say a deadline the other way round: "no later than 3 working days after X"."""


def parse_timescale(
    text: str, event: str | None = None, vocabulary: Vocabulary | None = None
) -> Timescale:
    """The canonical timescale that ``text`` states, counted from ``event`` if it names none.

    ``event`` is the rule's event; if the text names one as well, they must agree.

    >>> parse_timescale("every 10 working days", event="plan_start")
    Recurrence(event='plan_start', phases=(Phase(every=Duration(amount=10, unit='working_days', \
working_days=None), lasts=None, until=None, where=()),), first=(), cap=None)
    """
    reading = _read(text, event, vocabulary, shorthand=True)
    if reading.conditions:
        raise TimescaleError(reading.condition_message, column=reading.condition_column)
    return reading.timescale


def read_timescale(
    text: str, event: str | None = None, vocabulary: Vocabulary | None = None
) -> TimescaleReading:
    """Read a document's timescale words: the timescale, its rule conditions and its notes.

    Where :func:`parse_timescale` reads a rule's shorthand, this reads the words as a
    document writes them; both refuse, with the reason, anything without a single reading.

    >>> reading = read_timescale("every 10 days or as directed by the conference chair", "visit")
    >>> reading.conditions
    (('conference_chair_directed_otherwise', False),)
    """
    return _read(text, event, vocabulary, shorthand=False)


def _read(
    text: str, event: str | None, vocabulary: Vocabulary | None, shorthand: bool
) -> TimescaleReading:
    """Read ``text``; a rule's ``shorthand`` must also say which month "monthly" means."""
    if not isinstance(text, str) or not text.strip():
        raise TimescaleError(
            "the timescale is empty: write one such as 'within 24 hours of the visit'"
        )
    reader = _Reader(text, lexicon(vocabulary or bundled_vocabulary()))
    build = reader.timescale()
    if reader.ambiguities:  # before the event: a bare 'monthly' first needs its reading
        refusal = ambiguity.ambiguity_error(text, reader.ambiguities)
        if shorthand or not all(found.read_as for found in reader.ambiguities):
            raise refusal
        for found in reader.ambiguities:  # "at least monthly" in a document: a calendar month
            reader.note(found.column - 1, found.read_as)
    timescale = build(reader.resolve_event(event))
    if reader.restated is not None:
        same_interval(timescale, *reader.restated)
    if reader.alternative_at is not None:
        one_phase_beside_brackets(timescale, reader.alternative_at)
    if reader.inclusive_at is not None:
        timescale = counted_inclusively(timescale, reader.inclusive_at)
    if reader.clear_at is not None:
        words = reader.text[reader.clear_at.start : reader.clear_end]
        timescale, note = counted_clear(timescale, reader.clear_at, words)
        reader.note(reader.clear_at.start, note)
    token, message = reader.rule_condition_at or (None, "")
    return TimescaleReading(
        timescale,
        tuple(sorted(reader.rule_conditions.items())),
        tuple(reader.notes),
        message,
        token.column if token else 0,
    )


class _Reader(CountedReader):
    """The grammar of the module docstring: the forms a whole timescale takes."""

    def timescale(self) -> Build:
        continuing = False  # "Thereafter, at intervals of": the rule's event starts this part
        while self.at_one_of(",", *OPENINGS):
            continuing = continuing or self.token.value != ","
            self.pos += 1
        self.noise()
        start = self.pos
        interval = self.leads()
        self.refuse_not_less_than_every(start)
        if self.at_one_of("within", "in") and not self.at("in", "advance"):
            build = self.deadline()
        elif any(self.at(*words) for words in DEADLINE_LEADS):
            build = self.deadline(skip=3)
        elif self.at("on", "the", "same", "day") or self.at("the", "same", "day"):
            self.same_day_note(3 + self.at("on"))
            self.pos += 3 + self.at("on")
            if self.at_one_of(*LINKS, "as", "that"):
                self.pos += 1
                self.event()
            build = Once
        elif self.at("on", "the", "day"):
            self.same_day_note(3)
            self.pos += 3
            self.accept("of") or self.accept("that") or self.accept("when")
            self.event()
            build = Once
        elif self.accept("by", "the", "end", "of", "the", "next", "working", "day") or self.accept(
            "by", "the", "next", "working", "day"
        ):
            within = Duration(1, "working_days")
            if self.at_one_of(*LINKS):
                self.pos += 1
                self.event()
            build = lambda event: Deadline(within, event)  # noqa: E731
        elif self.at_one_of("by", "before") or self.at("prior", "to"):
            build = self.once()
        elif self.once_until():
            self.pos = start
            build = self.recurrence()
        elif self.at("once") and self.peek().value in ("a", "an", "per", "each", *ADVERB_PERIODS):
            build = self.count()
        elif self.at("once") and self.peek().value != "every":
            build = self.once()
        elif self.at("one") and not self._unit_at(self.pos + 1) and self.period_ending_one_thing():
            build = self.one_thing_each_period()
        elif self.at("twice") or (self.number_ahead() and self.peek().value in ("times", "per")):
            build = self.count()
        elif self.number_ahead() and self.peek().value not in ("weekly", "monthly"):
            lead = tuple(self.values[start : self.pos])
            maximum = lead in MAXIMUM_LEADS  # deadline or interval
            build = self.from_duration(
                interval and (continuing or not maximum), start, maximum and not continuing
            )
        elif self.starts_phase():
            self.pos = start
            build = self.recurrence()
        else:
            self.refuse_uncountable()
            self.refuse_period()
            self.fail(
                "a timescale, such as 'within 24 hours of the visit', 'every 10 working days' "
                "or 'once before sentencing'"
            )
        while True:
            if self.accept(",") or self.accept(";") or self.accept("then") or self.noise():
                continue
            if self.at_rule_condition():
                self.rule_condition(opening_phase=False)
                continue
            if self._amount_at(self.pos) and self.restated_interval():
                continue
            if self.at("with") and self.restated_longest_gap():
                continue
            if self.at("or") and self.start_event is not None:
                term, token = self.start_event
                either = self.later_or_earlier(term)
                if either != term:
                    self.start_event = (either, token)
                    continue
            if self.at("or"):
                self.refuse_second_event(self.token, alternative=self.pos)
            break
        self.accept(".")
        if self.token.kind != "end":
            self.fail("the end of the timescale")
        return build

    def resolve_event(self, given: str | None) -> str:
        """The start event: the one the text names, else the rule's; both must agree."""
        if self.start_event is not None:
            named, token = self.start_event
            if given and given != named:
                self.fail_at(
                    token,
                    f"the timescale names the event {named!r} at column {token.column} but the "
                    f"rule's event is {given!r}: make them agree, or leave the event out of one",
                )
            return named
        if given:
            return given
        raise TimescaleError(
            "say which event starts the clock: name it in the timescale "
            "('within 24 hours of the visit') or give the rule an event"
        )

    def refuse_period(self) -> None:
        """ "for a period of up to 16 weeks": how long something lasts, not when it is due."""
        if not self.at("for"):
            return
        token = self.token
        words = self.text[token.start : self.tokens[self._clause_end(self.pos) - 1].end]
        self.fail_at(
            token,
            f"{quote(words)} at column {token.column} says how long something lasts, not when "
            "it is due: write the deadline or interval it sets ('within 16 weeks of the start "
            "of the placement'), or a phase of one ('weekly for the first month, then ...')",
        )

    def refuse_not_less_than_every(self, start: int) -> None:
        """ "not less than every four weeks" sets a minimum gap, literally: refuse, with both."""
        opening = self.tokens[start]
        lead = tuple(self.values[start : self.pos])
        if lead not in (("not", "less", "than"), ("no", "less", "than")) or not self.at("every"):
            return
        save = self.pos
        self.pos += 1
        every = self.duration(number_optional=True)
        written = self.text[opening.start : self.previous_end]
        rest = self.text[self.previous_end :]  # the reading offered keeps the words around
        self.pos = save
        unit = every.unit.replace("_", " ")
        reading = f"{self.text[: opening.start]}at least every {every.amount} {unit}{rest}"
        raise TimescaleError(
            f"{written!r} at column {opening.column} has two readings: visits no more than "
            f"{every.amount} {every.unit.replace('_', ' ')} apart (write "
            f"'at least every {every.amount} {every.unit.replace('_', ' ')}'), or visits at "
            "least that far apart, a minimum gap the tools do not hold",
            column=opening.column,
            readings=(reading,),
        )

    def deadline(self, skip: int = 1) -> Build:
        self.pos += skip  # within, in, no later than
        if not self.accept("a", "maximum", "of"):
            self.accept("a", "maximum")
        self.accept("a", "period", "of")  # "within a period of three months"
        first_unit = self.accept("the", "first")  # "within the first week"
        within = self.duration(number_optional=first_unit)
        self.bracketed()  # "within 1 week (not working days) of placement"
        if self.accept("before") or self.accept("prior", "to"):  # "no later than 7 days before"
            self.event()
            return lambda event: Deadline(within, event, before=True)
        if self.at_one_of(*LINKS):
            self.pos += 1
            self.event()
        return self.then_recurrence(within) or (lambda event: Deadline(within, event))

    def from_duration(self, interval: bool, start: int, maximum: bool = False) -> Build:
        first = self.token
        within = self.duration()
        before = self.accept("before") or self.accept("prior", "to")
        if before or self.accept("in", "advance", "of"):
            self.event()
            return lambda event: Deadline(within, event, before=True)
        self.accept("written")  # "14 days' written notice of"
        if self.accept("notice"):
            if self.accept("of") or self.accept("before") or self.accept("prior", "to"):
                self.event()
            return lambda event: Deadline(within, event, before=True)
        if self.accept("after") or self.accept("following"):
            self.event()
            return self.then_recurrence(within) or (lambda event: Deadline(within, event))
        if interval:
            self.pos = start
            return self.recurrence()
        written = self.text[first.start : self.previous_end]
        if maximum:  # "a maximum of 45 working days" from the referral
            self.note(
                self.tokens[start].start,
                maximum_note(self.text[self.tokens[start].start : self.previous_end], written),
            )
            if self.at_one_of(*LINKS):
                self.pos += 1
                self.event()
            return lambda event: Deadline(within, event)
        self.fail_at(
            first,
            f"{written!r} at column {first.column} could be a deadline or an interval: "
            f"write 'within {written}' or 'every {written}' (or '{written} before' an event)",
        )

    def same_day_note(self, words: int) -> None:
        """Say that "on the same day" is the event's own day, which the reading includes."""
        first = self.token
        written = self.text[first.start : self.tokens[self.pos + words - 1].end]
        self.note(
            first.start,
            f"{written!r} is read as 'at least once before' the event, the event's own day "
            "included: the last permitted date is the day of the event",
        )

    def once(self) -> Build:
        self.accept("once")
        self.noise()
        if self.accept("by") or self.accept("before") or self.accept("prior", "to"):
            self.event()
        return Once  # Once(event) once the event is known

    def count(self) -> Build:
        start = self.token
        if self.accept("once") or self.accept("twice"):
            times = 1 if start.value == "once" else 2
        else:
            times = self.number()
            if not self.at("per"):  # "one per month"
                self.expect("times")
        if self.at_one_of(*ADVERB_PERIODS):  # "twice yearly": a count, or an interval?
            period, per = self.token, ADVERB_PERIODS[self.token.value]
            self.pos += 1
            if every_for(times, per):
                return self.as_interval(start, times, per)
            self.ambiguities.append(
                ambiguity.count_per_period(
                    self.text, start.start, period.start, self.previous_end, times, per, "a "
                )
            )
            return lambda event: Count(times, per, event)
        if not (self.accept("a") or self.accept("an") or self.accept("per") or self.accept("each")):
            self.fail("'a', 'per' or 'each' and a period, as in 'twice a calendar month'")
        period = self.token
        found, per = self.accept_entry(_PERIODS)
        if not found:
            self.fail("a period: 'week', 'calendar month' or 'year'")
        if per is None and every_for(times, "month"):  # "at least once a month"
            return self.as_interval(start, times, "month")
        if period.value != "calendar" and per is not None and every_for(times, per):
            return self.as_interval(start, times, per)  # "once a week", "twice a year"
        if per is None:
            self.ambiguities.append(
                ambiguity.count_per_month(
                    self.text, start.start, period.start, self.previous_end, times
                )
            )
            per = "calendar_month"
        elif period.value != "calendar":  # "once a week": a count, or an interval?
            self.ambiguities.append(
                ambiguity.count_per_period(
                    self.text, start.start, period.start, self.previous_end, times, per
                )
            )
        if self.at_one_of(*LINKS):
            self.pos += 1
            self.event()
        return lambda event: Count(times, per, event)
