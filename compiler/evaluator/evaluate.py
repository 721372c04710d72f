"""The reference consumer of rule packs: due dates computed from a pack and nothing else.

A case-management system that raises "visit due" alerts needs the rules, the
calendar and the counting rules; a pack carries the first two and this module
is the third. It reads only the pack's JSON (never the standards' YAML): the
calendar is rebuilt from the pack's non-working days, each timescale from its
canonical form, and the counting is :mod:`compiler.timescale.due`, the same
code the checks and the scenario tests use. If a pack alone is enough here,
it is enough for any other tool.

For example, after ``standards build``::

    pack = open_pack(Path("build/packs"), "gloucestershire", on=date(2026, 1, 9))
    [d.next_due for d in due(pack, Subject("child_protection"), "statutory_visit",
                             start=date(2025, 12, 1), done=[date(2025, 12, 19)])]
    # [datetime.date(2026, 1, 7)]: ten working days after 19 December, across Christmas
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from compiler.calendar import Calendar, CalendarError
from compiler.errors import StandardsError
from compiler.evaluator.verify import TrustedPacks, UntrustedPackError, trusted_packs
from compiler.model import Subject
from compiler.rules.applying import Entry, applicable
from compiler.rules.scope import covers
from compiler.timescale.due import next_due
from compiler.timescale.model import (
    Conditions,
    Deadline,
    Once,
    Timescale,
    TimescaleError,
    conditions_from_json,
    timescale_from_json,
)
from compiler.unknown_terms import unknown_term_hint
from compiler.util.safe_files import UnsafeFileError, read_regular
from compiler.vocabulary import suggest

READS_MAJOR = 3
"""The pack format major version this evaluator reads (any 3.y.z): packs that carry every
statutory rule beside the local ones, for the evaluator to take the earliest due date, and
whose statutory rules count working days without the office's closures."""


HORIZON_YEARS = (1900, 2300)
"""The years a pack's horizon may span: its calendar is rebuilt for each of them, so a
tampered horizon of thousands of years would cost minutes before anything is answered."""


class PackError(StandardsError):
    """A pack that cannot be read or used, or a question it cannot answer."""


@dataclass(frozen=True)
class PackRule:
    """One rule of a pack, ready to compute with."""

    id: str
    inherited: bool
    subject: Subject
    activity: str
    strength: str
    conditions: Conditions
    timescale: Timescale
    reading: str
    overrides: tuple[str, ...]
    provenance: Mapping[str, str]
    floor: tuple[tuple[str, str], ...] = ()
    """``(looser | silent, statutory rule id)``: the statutory rules this local rule can be
    later than."""

    @property
    def event(self) -> str:
        """The event that starts the rule's clock (for a "before" rule: the event it precedes)."""
        return start_event(self.timescale)

    def holds(self, facts: Mapping[str, bool]) -> bool:
        """Whether the case facts meet the rule's conditions (a fact not given is false)."""
        return all(facts.get(name, False) == wanted for name, wanted in self.conditions)


@dataclass(frozen=True)
class Pack:
    """A rule pack as read from its JSON."""

    authority: str
    name: str
    effective_from: date | None
    superseded_on: date | None
    horizon: tuple[date, date]
    calendar: Calendar
    rules: tuple[PackRule, ...]
    terms: Mapping[str, frozenset[str]] = field(default_factory=dict)
    group_includes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    qualifiers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    derived_events: Mapping[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    """Events that are the ``"later"`` (or ``"earlier"``) of others: event -> (which, events)."""
    own_values: tuple[tuple[str, str, str | None, str], ...] = ()
    """The authority's own qualifier values (``vocabulary.local.qualifiers``), as
    :attr:`compiler.model.Subject.own_values`: a case with one is covered as the national."""
    law_calendar: Calendar | None = None
    """The calendar statutory rules count with: :attr:`calendar` without the authority's
    office closures. The law's working days are not the office's; counting a statutory
    deadline over a closure would put it later than the law allows."""

    def calendar_for(self, rule: PackRule) -> Calendar:
        """The calendar ``rule`` counts working days with: the law's for a statutory rule."""
        if rule.inherited and self.law_calendar is not None:
            return self.law_calendar
        return self.calendar

    def with_own_values(self, subject: Subject) -> Subject:
        """``subject`` knowing which of its qualifier values are the authority's own."""
        named = {(q, v) for q, values in subject.qualifiers for v in values}
        own = tuple(o for o in self.own_values if (o[0], o[1]) in named)
        return replace(subject, own_values=own) if own else subject

    def covers(self, rule: PackRule, subject: Subject) -> bool:
        """Whether every child ``subject`` describes is one ``rule`` is about.

        The one answer of :func:`compiler.rules.scope.covers`, with the pack's
        own vocabulary of umbrella groups (all_children covers each group of
        children it lists).
        """
        return covers(rule.subject, self.with_own_values(subject), self.group_includes)

    def rules_for(
        self, subject: Subject, activity: str, facts: Mapping[str, bool]
    ) -> list[PackRule]:
        """The rules that apply to a case (children, activity, facts), less overridden ones.

        Local and statutory rules alike: an override names a rule of its own
        authority, so a local rule never hides a statutory one, and an override
        hides a rule only for the cases the overriding rule applies to
        (:func:`compiler.rules.applying.applicable`).
        """
        case = self.with_own_values(subject)
        return applicable(self.entries, case, activity, facts, self.group_includes)

    @cached_property
    def entries(self) -> list[Entry[PackRule]]:
        return [Entry(rule.id, rule.overrides, rule, rule) for rule in self.rules]

    def check_term(self, kind: str, value: str) -> None:
        """Refuse a term the pack's vocabulary does not know, with a "did you mean"."""
        known = self.terms.get(kind, frozenset())
        if value not in known:
            noun = {"activities": "activity", "groups": "group"}.get(kind, kind.rstrip("s"))
            hint = unknown_term_hint(value, known, kind)
            raise PackError(f"unknown {noun} '{value}': {hint}")

    def check_date(self, day: date, what: str = "date") -> None:
        """Refuse a date outside the horizon, where the pack has no calendar."""
        first, last = self.horizon
        if not first <= day <= last:
            raise PackError(
                f"the {what} {day.isoformat()} is outside the horizon of the {self.authority} "
                f"pack {self.name} ({first.isoformat()} to {last.isoformat()}): working days "
                "cannot be counted there without its bank holidays; use a pack whose horizon "
                "covers it"
            )


@dataclass(frozen=True)
class Due:
    """When a rule is next due for one case; ``next_due`` None means nothing more is due.

    ``binding`` marks the rule whose date is the earliest of all the rules that
    apply to the case (the one a system must schedule by); ``why`` says so in
    words, naming the rules it is earlier than.
    """

    rule: PackRule
    start: date
    next_due: date | None
    binding: bool = False
    why: str = ""

    def days_overdue(self, on: date) -> int:
        """How many days past its due date the case is on ``on`` (0 if it is not overdue)."""
        if self.next_due is None or self.next_due >= on:
            return 0
        return (on - self.next_due).days


def due(
    pack: Pack,
    subject: Subject,
    activity: str,
    start: date,
    done: Sequence[date] = (),
    facts: Mapping[str, bool] | None = None,
    events: Mapping[str, date] | None = None,
) -> list[Due]:
    """When each rule that applies to a case is next due.

    ``start`` is the date of the event that starts the rules' clocks (the
    start of the plan, the visit to record); ``done`` the dates the activity
    happened; ``facts`` the case facts; ``events`` the dates of events that end
    a phase ("until the first review").
    """
    facts = dict(facts or {})
    events = dict(events or {})
    _check_case(pack, subject, activity, facts, events)
    for day, what in [(start, "start date"), *((d, "date done") for d in done)]:
        pack.check_date(day, what)
    for name, day in events.items():
        pack.check_date(day, f"date of {name}")
    results = []
    for rule in pack.rules_for(subject, activity, facts):
        try:
            following = next_due(
                rule.timescale, start, pack.calendar_for(rule), sorted(done), facts, events
            )
        except CalendarError:
            raise PackError(
                f"{rule.id}: the due date after {start.isoformat()} falls outside the horizon of "
                f"the {pack.authority} pack {pack.name} (to {pack.horizon[1].isoformat()})"
            ) from None
        results.append(Due(rule, start, following))
    return bind(results)


def bind(results: Sequence[Due]) -> list[Due]:
    """Mark the binding result: the earliest next due date of all the rules that apply.

    Every rule that applies must be met, so the case is next due on the
    earliest of their dates; the rule giving it binds (ties: statutory first,
    then by id). When nothing more is due under any rule, none binds.
    """
    index = earliest([(r.next_due, r.rule.inherited, r.rule.id) for r in results])
    if index is None:
        return list(results)
    chosen = results[index]
    others = [r for r in results if r is not chosen]
    return [replace(r, binding=True, why=_why(r, others)) if r is chosen else r for r in results]


def earliest(dues: Sequence[tuple[date | None, bool, str]]) -> int | None:
    """Which of ``(next due, statutory?, rule id)`` binds: the earliest date; ties: statutory
    first, then by id. None when nothing more is due under any. The scenario runner
    (:mod:`compiler.suite.scenarios`) asks this too, so a test and ``due`` pick the same rule.

    >>> local, statutory = (date(2026, 2, 1), False, "b"), (date(2026, 1, 5), True, "a")
    >>> earliest([local, statutory, (None, False, "c")])
    1
    """
    timed = [i for i, (day, _, _) in enumerate(dues) if day is not None]
    if not timed:
        return None
    return min(timed, key=lambda i: (dues[i][0], not dues[i][1], dues[i][2]))


def _why(chosen: Due, others: Sequence[Due]) -> str:
    rule = chosen.rule
    source = rule.provenance.get("document_title", "") if rule.inherited else ""
    who = f"the statutory rule {rule.id}" if rule.inherited else f"the local rule {rule.id}"
    if rule.inherited and source:
        who += f" ({source})"
    text = f"{who} requires '{rule.reading}'"
    later = [o for o in others if o.next_due != chosen.next_due]
    if not later:
        return text + ("; no other rule applies" if not others else "; the others agree")
    allows = "; ".join(
        f"{o.rule.id} allows "
        + (o.next_due.isoformat() if o.next_due is not None else "nothing more")
        for o in later
    )
    return f"{text}, due {chosen.next_due.isoformat()}; {allows}"


def _check_case(
    pack: Pack,
    subject: Subject,
    activity: str,
    facts: Mapping[str, bool],
    events: Mapping[str, date],
) -> None:
    pack.check_term("groups", subject.group)
    pack.check_term("activities", activity)
    for name in facts:
        pack.check_term("conditions", name)
    for name in events:
        pack.check_term("events", name)
    for name, values in subject.qualifiers:
        if name not in pack.qualifiers:
            hint = unknown_term_hint(name, pack.qualifiers, "qualifiers")
            raise PackError(f"unknown qualifier '{name}': {hint}")
        for value in values:
            if value not in pack.qualifiers[name]:
                hint = unknown_term_hint(value, pack.qualifiers[name], "qualifiers")
                raise PackError(f"unknown {name} '{value}': {hint}")


def start_event(timescale: Timescale) -> str:
    """The event a timescale's clock counts from (or, for a "before" rule, back from)."""
    if isinstance(timescale, Once):
        return timescale.before
    return timescale.event


def is_before(timescale: Timescale) -> bool:
    """True for a rule met by doing the activity on or before its event."""
    return isinstance(timescale, Once) or (isinstance(timescale, Deadline) and timescale.before)


def read_pack(path: Path) -> Pack:
    """Read one pack file."""
    try:
        data = json.loads(read_regular(path).decode("utf-8"))
    except FileNotFoundError:
        raise PackError(f"no pack at {path}") from None
    except UnsafeFileError as exc:
        raise UnusablePackError(str(exc)) from None
    except (OSError, ValueError, RecursionError) as exc:  # ValueError: bad JSON, 5000 digits
        raise PackError(f"{path} cannot be read as JSON: {exc!s:.200}") from None
    try:
        return pack_from_json(data)
    except (KeyError, TypeError, ValueError, TimescaleError) as exc:
        raise PackError(f"{path} is not a rule pack this evaluator can read: {exc}") from None


def open_pack(folder: Path, authority: str, on: date | None = None) -> Pack:
    """The pack of ``authority`` in force on ``on`` (the current pack when ``on`` is None).

    ``folder`` is the packs folder (``build/packs``); its ``index.json`` says
    which pack is in force when. Every file read is first checked against the
    folder's manifest (:func:`compiler.evaluator.verify.trusted_packs`): a changed,
    foreign or unsafe file raises :class:`UnusablePackError` naming it.
    """
    try:
        packs = trusted_packs(folder, READS_MAJOR)
        index = packs.read_json("index.json")
        where = packs.folder / "index.json"
        _check_version(index.get("format_version") if isinstance(index, dict) else None, where)
        entries = _index_entries(index, where)
    except (UntrustedPackError, PackError) as exc:
        raise UnusablePackError(str(exc)) from None
    entry = next((a for a in entries if a["id"] == authority), None)
    if entry is None:
        known = [a["id"] for a in entries]
        hint = suggest(authority, known) or "the packs hold: " + ", ".join(known)
        raise PackError(f"no packs for the authority '{authority}' in {folder}: {hint}")
    if on is None:
        return _read_trusted(packs, entry["current"]["json"])
    for pack in entry["packs"]:
        starts, ends = pack["effective_from"], pack["superseded_on"]
        if starts <= on and (ends is None or on < ends):
            return _read_trusted(packs, pack["json"])
    first = entry["packs"][0]["effective_from"] if entry["packs"] else None
    raise PackError(
        f"no {authority} pack is in force on {on.isoformat()}"
        + (f": the first takes effect on {first.isoformat()}" if first else "")
    )


class UnusablePackError(PackError):
    """A packs folder or pack that must not be used: changed, foreign, unsafe or malformed."""


def _read_trusted(packs: TrustedPacks, name: str) -> Pack:
    try:
        data = packs.read_json(name)
    except UntrustedPackError as exc:
        raise UnusablePackError(str(exc)) from None
    try:
        return pack_from_json(data)
    except (PackError, TimescaleError, CalendarError) as exc:
        raise UnusablePackError(f"{packs.folder / name}: {exc}") from None
    except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise UnusablePackError(
            f"{packs.folder / name} is not a rule pack this evaluator can read: {exc!r:.200}"
        ) from None


def _index_entries(index: Any, where: Path) -> list[dict[str, Any]]:
    """The authorities of ``index.json``, their dates parsed, or an error naming the file."""
    try:
        entries = []
        for raw in index["authorities"]:
            packs = [
                {
                    **p,
                    "effective_from": _date(p["effective_from"]),
                    "superseded_on": _date(p["superseded_on"]),
                }
                for p in raw["packs"]
            ]
            if not isinstance(raw["id"], str) or not isinstance(raw["current"]["json"], str):
                raise TypeError("an authority's id and current pack must be text")
            if not all(isinstance(p["json"], str) and p["effective_from"] for p in packs):
                raise TypeError("every pack needs a file name and an effective date")
            entries.append({**raw, "packs": packs})
        return entries
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise UntrustedPackError(
            f"{where} is not a packs index this evaluator can read ({type(exc).__name__}: "
            f"{exc!s:.200}); rebuild the packs"
        ) from None


def pack_from_json(data: Mapping[str, Any]) -> Pack:
    """A :class:`Pack` from a pack's parsed JSON."""
    _check_version(data.get("format_version"), data.get("pack", "pack"))
    first, last = (date.fromisoformat(data["horizon"][k]) for k in ("from", "to"))
    if not (HORIZON_YEARS[0] <= first.year <= last.year <= HORIZON_YEARS[1]):
        raise PackError(
            f"its horizon {first.isoformat()} to {last.isoformat()} is not within the years "
            f"{HORIZON_YEARS[0]} to {HORIZON_YEARS[1]}"
        )
    calendar_data = data["calendar"]
    holidays = tuple(
        (date.fromisoformat(day), name) for day, name in calendar_data["bank_holidays"].items()
    )
    non_working = tuple(map(date.fromisoformat, calendar_data["non_working_days"]))
    closures = set(map(date.fromisoformat, calendar_data.get("closures", []))) - {
        day for day, _ in holidays
    }
    years = range(first.year, last.year + 1)
    calendar = Calendar(calendar_data["id"], non_working, years, holidays)
    law_calendar = Calendar(
        calendar_data["id"], tuple(d for d in non_working if d not in closures), years, holidays
    )
    words = data["vocabulary"]
    return Pack(
        authority=data["authority"]["id"],
        name=data["pack"],
        effective_from=_date(data["effective_from"]),
        superseded_on=_date(data["superseded_on"]),
        horizon=(first, last),
        calendar=calendar,
        law_calendar=law_calendar if closures else None,
        rules=tuple(_rule(rule) for rule in data["rules"]),
        terms={kind: frozenset(words[kind]) for kind in _TERM_KINDS},
        group_includes={k: frozenset(v) for k, v in words["group_includes"].items()},
        qualifiers={k: frozenset(v) for k, v in words["qualifiers"].items()},
        derived_events={
            event: ("later", tuple(parts["later_of"]))
            if "later_of" in parts
            else ("earlier", tuple(parts["earlier_of"]))
            for event, parts in words.get("derived_events", {}).items()
        },
        own_values=tuple(
            (term["qualifier"], term["id"], term["narrows"], term["title"])
            for term in words.get("local", {}).get("qualifiers", ())
        ),
    )


_TERM_KINDS = ("activities", "conditions", "events", "groups")


def subject_from_json(data: Mapping[str, Any]) -> Subject:
    """``{"group": ..., qualifier: value or [values]}`` -> :class:`Subject`."""
    qualifiers = tuple(
        sorted(
            (name, tuple(sorted(value if isinstance(value, list) else [value])))
            for name, value in data.items()
            if name != "group"
        )
    )
    return Subject(data["group"], qualifiers)


def subject_of(group: str, qualifiers: Iterable[tuple[str, str]] = ()) -> Subject:
    """A case's subject from its group and ``(qualifier, value)`` pairs."""
    chosen: dict[str, list[str]] = {}
    for name, value in qualifiers:
        chosen.setdefault(name, []).append(value)
    return Subject(group, tuple(sorted((k, tuple(sorted(v))) for k, v in chosen.items())))


def _rule(data: Mapping[str, Any]) -> PackRule:
    return PackRule(
        id=data["id"],
        inherited=bool(data["inherited"]),
        subject=subject_from_json(data["subject"]),
        activity=data["activity"],
        strength=data["strength"],
        conditions=conditions_from_json(data["conditions"]),
        timescale=timescale_from_json(data["timescale"]),
        reading=data["reading"],
        overrides=tuple(o["rule"] for o in data["overrides"]),
        provenance=dict(data["provenance"]),
        floor=tuple((f["kind"], f["rule"]) for f in data["floor"]),
    )


def _check_version(version: object, where: object) -> None:
    major = str(version).split(".")[0]
    if not isinstance(version, str) or major != str(READS_MAJOR):
        raise PackError(
            f"{where}: format version {version!r} cannot be read by this evaluator, which reads "
            f"{READS_MAJOR}.x; use a matching version of the standards tool"
        )


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)
