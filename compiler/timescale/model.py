"""The canonical, structured form of a timescale.

Every timescale in the standards, however an author wrote it, ends up as one of
four shapes (see ``schema/timescale.schema.json`` for the same structure as
JSON, which is what rule packs export):

- :class:`Deadline`: once, within N units of an event, or at least N units
  before one ("within 24 hours of the visit"; "at least five working days
  before the conference");
- :class:`Once`: at least once before an event, with no interval ("seen once
  before sentencing");
- :class:`Recurrence`: again and again, at intervals of not more than N units,
  counted from an event; a sequence of phases, each ending after a duration or
  at an event, each optionally applying only where a condition holds, with an
  optional earlier first deadline and an optional cap ("within one week of the
  start of the placement, then every 6 weeks for the first year, then every 3
  months where the placement is intended to last until the child is 18");
- :class:`Count`: a number of times per calendar period, which is not an
  interval ("twice a calendar month").

>>> weekly = Duration(1, "weeks")
>>> Recurrence("plan_start", (Phase(weekly),)).to_json()
{'recurrence': {'from': 'plan_start', 'phases': [{'every': {'amount': 1, 'unit': 'weeks'}}]}}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from compiler.errors import StandardsError

UNITS = ("hours", "working_hours", "days", "working_days", "weeks", "months", "years")
LONGEST_YEARS = 100
LONGEST = {
    "hours": 24 * 36_525,
    "working_hours": 24 * 36_525,
    "days": 36_525,
    "working_days": 26_100,
    "weeks": 5_218,
    "months": 1_200,
    "years": LONGEST_YEARS,
}
"""The largest amount of each unit: about a century. Nothing a standard times is longer, and
with dates bounded to the years 1900-2200 every count stays inside the calendar's range."""
PERIODS = ("week", "calendar_month", "year")

Conditions = tuple[tuple[str, bool], ...]
"""Case facts a phase or rule depends on, as sorted ``(fact, required value)`` pairs."""


class TimescaleError(StandardsError):
    """A timescale that cannot be read: bad structure, ambiguous or unknown words.

    ``column`` is the 1-based position in the shorthand text of the word that
    could not be read (0 when it does not apply); ``readings`` lists the exact
    shorthand for each reading of an ambiguous phrase.
    """

    def __init__(self, message: str, column: int = 0, readings: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.column = column
        self.readings = readings


def conditions_from_json(data: Mapping[str, Any]) -> Conditions:
    """``{"manager_approved": True}`` -> ``(("manager_approved", True),)``, sorted."""
    return tuple(sorted((str(k), bool(v)) for k, v in data.items()))


def conditions_to_json(conditions: Conditions) -> dict[str, bool]:
    return dict(conditions)


@dataclass(frozen=True)
class Duration:
    """An amount of a unit of time: ``Duration(10, "working_days")``.

    ``working_hours`` has no single reading, so a duration in working hours
    must state how many working days it means (``working_days``): "48 working
    hours" is usually read as 2 working days.
    """

    amount: int
    unit: str
    working_days: int | None = None

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise TimescaleError(f"unknown unit {self.unit!r}; use one of {', '.join(UNITS)}")
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 1:
            raise TimescaleError(
                f"an amount of time must be a whole number of at least 1, not {self.amount!r}"
            )
        if self.amount > LONGEST[self.unit] or (self.working_days or 0) > LONGEST["working_days"]:
            raise TimescaleError(
                f"{self.amount} {self.unit.replace('_', ' ')} is longer than "
                f"{LONGEST_YEARS} years, the longest amount of time a timescale may give "
                f"(at most {LONGEST[self.unit]:,} {self.unit.replace('_', ' ')}): check for a "
                "typing mistake"
            )
        if self.unit == "working_hours":
            if self.working_days is None or self.working_days < 1:
                raise TimescaleError(
                    f"{self.amount} working hours has no single reading: state how many "
                    "working days it means (working_days)"
                )
        elif self.working_days is not None:
            raise TimescaleError("working_days is only used to read a duration in working hours")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"amount": self.amount, "unit": self.unit}
        if self.working_days is not None:
            data["working_days"] = self.working_days
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Duration:
        return cls(data["amount"], data["unit"], data.get("working_days"))


@dataclass(frozen=True)
class Deadline:
    """Once: within ``within`` of ``event`` or, if ``before``, at least that long before it."""

    within: Duration
    event: str
    before: bool = False

    def to_json(self) -> dict[str, Any]:
        side = "before" if self.before else "after"
        return {"deadline": {"within": self.within.to_json(), side: self.event}}


@dataclass(frozen=True)
class Once:
    """At least once, no later than the day of ``event`` ("seen once before sentencing")."""

    before: str

    def to_json(self) -> dict[str, Any]:
        return {"once": {"before": self.before}}


@dataclass(frozen=True)
class Phase:
    """One stretch of a recurrence: at intervals of not more than ``every``.

    A phase ends ``lasts`` after it starts ("for the first month"), or when
    ``until`` happens ("until the first review"), or never (the last phase).
    ``where`` makes the phase apply only when the case facts hold; when they do
    not, the previous phase carries on through this one's span.
    """

    every: Duration
    lasts: Duration | None = None
    until: str | None = None
    where: Conditions = ()

    def __post_init__(self) -> None:
        if self.lasts is not None and self.until is not None:
            raise TimescaleError("a phase ends either after a duration or at an event, not both")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"every": self.every.to_json()}
        if self.lasts is not None:
            data["for"] = self.lasts.to_json()
        if self.until is not None:
            data["until"] = self.until
        if self.where:
            data["where"] = conditions_to_json(self.where)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Phase:
        return cls(
            every=Duration.from_json(data["every"]),
            lasts=Duration.from_json(data["for"]) if "for" in data else None,
            until=data.get("until"),
            where=conditions_from_json(data.get("where", {})),
        )


@dataclass(frozen=True)
class Recurrence:
    """At intervals of not more than each phase's ``every``, counted from ``event``.

    The first occurrence is due one interval after ``event`` unless ``first``
    gives its own deadlines: ``first[0]`` after the event, then ``first[1]``
    after that occurrence, and so on ("within 20 working days of the child
    becoming looked after, then within 3 months, then every 6 months").
    ``cap`` bounds every gap whatever the phase ("never further apart than 4
    weekly").
    """

    event: str
    phases: tuple[Phase, ...]
    first: tuple[Duration, ...] = ()
    cap: Duration | None = None

    def __post_init__(self) -> None:
        if not self.phases:
            raise TimescaleError("a recurrence needs at least one phase")
        if self.phases[0].where:
            raise TimescaleError(
                "the first phase of a recurrence cannot depend on a condition: "
                "put the condition on the rule instead"
            )
        for phase in self.phases[:-1]:
            if phase.lasts is None and phase.until is None:
                raise TimescaleError(
                    "only the last phase may go on for ever; say how long the others last"
                )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"from": self.event}
        if self.first:
            data["first"] = [duration.to_json() for duration in self.first]
        data["phases"] = [phase.to_json() for phase in self.phases]
        if self.cap is not None:
            data["cap"] = self.cap.to_json()
        return {"recurrence": data}


@dataclass(frozen=True)
class Count:
    """At least ``times`` occurrences in each calendar ``per`` period from ``event``.

    Periods are calendar weeks (Monday to Sunday), calendar months or calendar
    years; the first period counted is the first whole one that starts on or
    after the day of ``event``.
    """

    times: int
    per: str
    event: str

    def __post_init__(self) -> None:
        if self.per not in PERIODS:
            raise TimescaleError(f"unknown period {self.per!r}; use one of {', '.join(PERIODS)}")
        if isinstance(self.times, bool) or not isinstance(self.times, int) or self.times < 1:
            raise TimescaleError(
                f"a count must be a whole number of at least 1, not {self.times!r}"
            )

    def to_json(self) -> dict[str, Any]:
        return {"count": {"times": self.times, "per": self.per, "from": self.event}}


Timescale = Deadline | Once | Recurrence | Count


def timescale_from_json(data: Mapping[str, Any], event: str | None = None) -> Timescale:
    """Build a timescale from its canonical JSON form.

    ``event`` fills in the event when the structure leaves it out (a rule may
    name its event once, beside the timescale).

    >>> within_a_day = {"deadline": {"within": {"amount": 24, "unit": "hours"}}}
    >>> timescale_from_json(within_a_day, "visit").event
    'visit'
    """
    if not isinstance(data, Mapping) or len(data) != 1:
        raise TimescaleError("a timescale is one of deadline, once, recurrence or count")
    ((kind, body),) = data.items()
    try:
        if kind == "deadline":
            before = "before" in body
            chosen = body.get("before") or body.get("after") or event
            return Deadline(Duration.from_json(body["within"]), _need_event(chosen), before)
        if kind == "once":
            return Once(_need_event(body.get("before") or event))
        if kind == "recurrence":
            return Recurrence(
                event=_need_event(body.get("from") or event),
                phases=tuple(Phase.from_json(p) for p in body["phases"]),
                first=tuple(Duration.from_json(d) for d in body.get("first", [])),
                cap=Duration.from_json(body["cap"]) if "cap" in body else None,
            )
        if kind == "count":
            return Count(body["times"], body["per"], _need_event(body.get("from") or event))
    except (KeyError, TypeError) as exc:
        raise TimescaleError(f"incomplete {kind} timescale: missing {exc}") from None
    raise TimescaleError(
        f"unknown kind of timescale {kind!r}; use deadline, once, recurrence or count"
    )


def _need_event(event: object) -> str:
    if not isinstance(event, str) or not event:
        raise TimescaleError(
            "say which event starts the clock: name it in the timescale or give the rule an 'event'"
        )
    return event


def facts_of(timescale: Timescale) -> frozenset[str]:
    """Every case fact that a timescale's phases depend on."""
    if isinstance(timescale, Recurrence):
        return frozenset(fact for phase in timescale.phases for fact, _ in phase.where)
    return frozenset()
