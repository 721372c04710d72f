"""Read a timescale's readable shorthand into its canonical form.

Authors write timescales the way their documents do ("within 24 hours of the visit", "weekly
for the first month, then fortnightly where approved by my manager, never further apart than
4 weekly"); packs export the structured form of :mod:`compiler.timescale.model`. This module
is the bridge, a small recursive-descent reader:

    timescale  := lead* (deadline | once | count | recurrence) trailing* ["."]
    deadline   := ("within" | "in") ["a maximum" ["of"]] ["the first"] duration [link event]
                  [then recurrence]                          (an earlier first deadline)
                | duration ("before" | "prior to" | "notice" [link]) event       (before=True)
                | duration ("after" | "following") event [then recurrence]
    once       := ["once"] ("before" | "prior to" | "by") event | "once"
    count      := ("once" | "twice" | number "times") ("a" | "per" | "each") period [link event]
    recurrence := phase (separator* phase)* [", never further apart than" frequency]
    phase      := lead* frequency ("for" ["the first"] duration | "until" event
                  | ("where" | "unless" | "if") condition ("and" ...)* | link event)*
    frequency  := "every"/"each" [number] unit | daily | weekly | fortnightly | quarterly
                | annually | N "weekly" | N "monthly" | "on a weekly basis"
                | duration                                   (after "a minimum of" and the like)

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
from compiler.timescale.model import Count, Deadline, Once, Timescale, TimescaleError
from compiler.timescale.phases import LINKS, Build, PhaseReader
from compiler.timescale.words import PERIODS, lexicon
from compiler.vocabulary import Vocabulary
from compiler.vocabulary import vocabulary as bundled_vocabulary

_PERIODS = sorted(PERIODS.items(), key=lambda period: -len(period[0]))


def parse_timescale(
    text: str, event: str | None = None, vocabulary: Vocabulary | None = None
) -> Timescale:
    """The canonical timescale that ``text`` states, counted from ``event`` if it names none.

    ``event`` is the rule's event; if the text names one as well, they must agree.

    >>> parse_timescale("every 10 working days", event="plan_start")
    Recurrence(event='plan_start', phases=(Phase(every=Duration(amount=10, unit='working_days', \
working_days=None), lasts=None, until=None, where=()),), first=(), cap=None)
    """
    if not isinstance(text, str) or not text.strip():
        raise TimescaleError(
            "the timescale is empty: write one such as 'within 24 hours of the visit'"
        )
    reader = _Reader(text, lexicon(vocabulary or bundled_vocabulary()))
    build = reader.timescale()
    if reader.ambiguities:  # before the event: a bare 'monthly' first needs its reading
        raise ambiguity.ambiguity_error(text, reader.ambiguities)
    return build(reader.resolve_event(event))


class _Reader(PhaseReader):
    """The grammar of the module docstring: the forms a whole timescale takes."""

    def timescale(self) -> Build:
        start = self.pos
        interval = self.leads()
        if self.at_one_of("within", "in"):
            build = self.deadline()
        elif self.at_one_of("by", "before") or self.at("prior", "to"):
            build = self.once()
        elif self.at("once") and self.peek().value in ("a", "an", "per", "each"):
            build = self.count()
        elif self.at("once") and self.peek().value != "every":
            build = self.once()
        elif self.at("twice") or (self.number_ahead() and self.peek().value == "times"):
            build = self.count()
        elif self.number_ahead() and self.peek().value not in ("weekly", "monthly"):
            build = self.from_duration(interval, start)
        elif self.starts_phase():
            self.pos = start
            build = self.recurrence()
        else:
            self.fail(
                "a timescale, such as 'within 24 hours of the visit', 'every 10 working days' "
                "or 'once before sentencing'"
            )
        while self.accept(",") or self.accept(";") or self.accept("then") or self.noise():
            pass
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

    def deadline(self) -> Build:
        self.pos += 1  # within, in
        if not self.accept("a", "maximum", "of"):
            self.accept("a", "maximum")
        first_unit = self.accept("the", "first")  # "within the first week"
        within = self.duration(number_optional=first_unit)
        if self.at_one_of(*LINKS):
            self.pos += 1
            self.event()
        return self.then_recurrence(within) or (lambda event: Deadline(within, event))

    def from_duration(self, interval: bool, start: int) -> Build:
        first = self.token
        within = self.duration()
        if self.accept("before") or self.accept("prior", "to"):
            self.event()
            return lambda event: Deadline(within, event, before=True)
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
        self.fail_at(
            first,
            f"{written!r} at column {first.column} could be a deadline or an interval: "
            f"write 'within {written}' or 'every {written}' (or '{written} before' an event)",
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
            self.expect("times")
        if not (self.accept("a") or self.accept("an") or self.accept("per") or self.accept("each")):
            self.fail("'a', 'per' or 'each' and a period, as in 'twice a calendar month'")
        period = self.token
        found, per = self.accept_entry(_PERIODS)
        if not found:
            self.fail("a period: 'week', 'calendar month' or 'year'")
        if per is None:
            self.ambiguities.append(
                ambiguity.count_per_month(
                    self.text, start.start, period.start, self.previous_end, times
                )
            )
            per = "calendar_month"
        if self.at_one_of(*LINKS):
            self.pos += 1
            self.event()
        return lambda event: Count(times, per, event)
