"""The contents of one rule pack: its rules, calendar and vocabulary as JSON-ready data, and CSV.

Everything a consumer needs to compute a due date is in the pack itself: each
rule's canonical timescale (``schema/timescale.schema.json``) with its event
filled in, the case facts it applies under, the calendar's non-working
weekdays over the pack's horizon, and the vocabulary's terms, so that a tool
can tell a misspelt event from one no rule uses. See ``schema/rulepack.schema.json``.

The horizon is fixed by the pack's effective date, not by the day of the build,
so that the same corpus gives the same pack: from 1 January twenty years
before the year the rule set takes effect (a child's case can run that long)
to 31 December twenty years after it.

This is the second of the three steps that make a pack (see :mod:`compiler.emit.packs`).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from functools import lru_cache
from typing import Any

import orjson

from compiler.calendar import load_calendar
from compiler.emit.rulesets import PackedRule
from compiler.model import Authority
from compiler.rules.overrides import target_key
from compiler.timescale.format import format_timescale
from compiler.timescale.model import Timescale
from compiler.util.spreadsheet import spreadsheet_safe
from compiler.vocabulary import vocabulary

FORMAT_VERSION = "3.0.0"
"""The pack format's version (semantic versioning): a new major version breaks readers.

2.0.0: a pack carries every statutory rule in force beside the local rules (1.x left out a
statutory rule when a local rule covered the same group and activity), so a reader must apply
every rule that covers a case and take the earliest due date; each rule has ``floor``.
2.1.0: the vocabulary adds ``derived_events`` (events that are the later or earlier of two
others) and, for an authority with its own terms, ``local``.
2.2.0: ``local`` adds ``qualifiers``, an authority's own qualifier values, each with the
national qualifier it belongs to and the national value it narrows.
3.0.0: a statutory rule (``inherited``) counts working days without the calendar's
``closures`` that are not bank holidays: the law's working days are not the office's. The
fields are those of 2.2.0, but a 2.x reader would count a statutory deadline over a closure,
later than the law allows, so it must refuse a 3.x pack rather than read it."""

HORIZON_YEARS = 20
"""Years of calendar a pack carries on each side of the year its rule set takes effect."""

CSV_COLUMNS = (
    "id",
    "inherited",
    "activity",
    "group",
    "qualifiers",
    "conditions",
    "strength",
    "reading",
    "timescale",
    "citation",
    "interpretation",
    "overrides",
    "authority",
    "document",
    "document_title",
    "version",
    "effective_from",
    "section",
    "section_title",
    "statement",
    "words",
    "floor",
)
"""The CSV's columns, in order. Lists inside a cell are separated by ``;``."""


def horizon(effective_from: date) -> tuple[date, date]:
    """The first and last day a pack taking effect on ``effective_from`` has a calendar for.

    >>> horizon(date(2017, 5, 1))
    (datetime.date(1997, 1, 1), datetime.date(2037, 12, 31))
    """
    return (
        date(effective_from.year - HORIZON_YEARS, 1, 1),
        date(effective_from.year + HORIZON_YEARS, 12, 31),
    )


def pack_json(
    authority: Authority,
    name: str,
    effective_from: date | None,
    superseded_on: date | None,
    rules: list[dict[str, Any]],
    documents: list[dict[str, Any]],
    anchor: date,
    generated_at: str | None,
) -> dict[str, Any]:
    """One pack as JSON-ready data; ``anchor`` is the date its horizon is counted from."""
    first, last = horizon(anchor)
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "pack": name,
        "authority": {
            "id": authority.id,
            "name": authority.name,
            "jurisdiction": authority.jurisdiction,
            "statutory": authority.statutory,
        },
        "effective_from": _iso(effective_from),
        "superseded_on": _iso(superseded_on),
        "horizon": {
            "from": first.isoformat(),
            "to": last.isoformat(),
            "description": (
                f"The calendar covers {first.year} to {last.year}: {HORIZON_YEARS} years either "
                "side of the year this rule set took effect. Dates outside it cannot be counted "
                "in working days with this pack."
            ),
        },
        "calendar": calendar_json(authority.calendar, authority.closures, first.year, last.year),
        "vocabulary": _with_local(vocabulary_json(), authority),
        "documents": documents,
        "rules": rules,
    }
    if generated_at is not None:
        data["generated_at"] = generated_at
    return data


def rule_json(packed: PackedRule) -> dict[str, Any]:
    """One rule in canonical form, with its plain-English reading and provenance."""
    rule, version = packed.rule, packed.version
    document = version.document_id
    return {
        "id": packed.id,
        "inherited": packed.inherited,
        "subject": rule.subject.to_json(),
        "activity": rule.activity,
        "strength": rule.strength,
        "conditions": dict(rule.conditions),
        "timescale": rule.timescale.to_json(),
        "reading": reading(rule.timescale),
        "interpretation": rule.interpretation,
        "citation": rule.citation,
        "floor": [{"kind": kind, "rule": statutory} for kind, statutory in packed.floor],
        "overrides": [
            {
                "rule": f"{packed.owner.id}/{target_key(document, o)}",
                "reason": o.reason,
            }
            for o in rule.overrides
        ],
        "provenance": {
            "authority": packed.owner.id,
            "document": document,
            "document_title": version.title,
            "version": version.version,
            "effective_from": version.effective_from.isoformat(),
            "section": packed.section.id,
            "section_title": packed.section.title,
            "statement": packed.statement.id,
            "words": rule.words,
        },
    }


@lru_cache(maxsize=4096)
def reading(timescale: Timescale) -> str:
    """The timescale in plain English (cached: a corpus repeats its timescales)."""
    return format_timescale(timescale)


@lru_cache(maxsize=256)
def calendar_json(
    calendar_id: str, closures: tuple[date, ...], first_year: int, last_year: int
) -> dict[str, Any]:
    """The calendar over the horizon: its bank holidays by name, closures, non-working weekdays."""
    kept = tuple(d for d in closures if first_year <= d.year <= last_year)
    calendar = load_calendar(calendar_id, kept, range(first_year, last_year + 1))
    return {
        "id": calendar_id,
        "weekend": ["saturday", "sunday"],
        "bank_holidays": {day.isoformat(): name for day, name in calendar.named_holidays},
        "closures": [day.isoformat() for day in sorted(set(kept))],
        "non_working_days": [d.isoformat() for d in calendar.non_working if d.weekday() < 5],
    }


@lru_cache(maxsize=1)
def vocabulary_json() -> dict[str, Any]:
    """The vocabulary's terms, so a consumer can refuse a term it does not know."""
    words = vocabulary()
    children = sorted(g for g in words.groups if g not in words.adult_groups)
    return {
        "activities": sorted(words.activities),
        "conditions": sorted(words.conditions),
        "events": sorted(words.events),
        "groups": sorted(words.groups),
        "group_includes": {"all_children": [g for g in children if g != "all_children"]},
        "qualifiers": {q.id: sorted(q.values) for q in words.qualifiers.values()},
        "derived_events": {
            term.id: {"later_of": list(term.later_of)}
            if term.later_of
            else {"earlier_of": list(term.earlier_of)}
            for term in words.events.values()
            if term.later_of or term.earlier_of
        },
    }


def _with_local(national: dict[str, Any], authority: Authority) -> dict[str, Any]:
    """The pack's vocabulary, with the authority's own terms if it has any.

    A local term is listed beside the national ones (a case may use it), and a local group
    is included in the national group it narrows and in the umbrella groups that include
    that one, so that a consumer applies the statutory rules for the national group to it.
    """
    if not authority.local_terms:
        return national
    words = {**national, "group_includes": dict(national["group_includes"])}
    local: dict[str, list[dict[str, object]]] = {}
    for term in sorted(authority.local_terms, key=lambda t: (t.kind, t.qualifier or "", t.id)):
        local.setdefault(term.kind, []).append(term.to_json())
        if term.qualifier is not None:  # a value of a national qualifier
            values = words.setdefault("qualifiers", dict(national["qualifiers"]))
            words["qualifiers"] = {
                **values,
                term.qualifier: sorted({*values[term.qualifier], term.id}),
            }
            continue
        words[term.kind] = sorted({*words[term.kind], term.id})
        if term.kind == "groups" and term.narrows is not None:
            for umbrella, included in list(words["group_includes"].items()):
                if term.narrows in included:
                    words["group_includes"][umbrella] = sorted({*included, term.id})
            narrower = words["group_includes"].get(term.narrows, [])
            words["group_includes"][term.narrows] = sorted({*narrower, term.id})
    return {**words, "local": local}


def render_json(data: dict[str, Any]) -> bytes:
    """The one way every pack file is written: sorted keys, two-space indent, UTF-8, newline.

    orjson writes exactly what ``json.dumps(data, sort_keys=True, indent=2,
    ensure_ascii=False)`` would, 15 times faster (the standard library's C encoder
    is not used when indenting).
    """
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return orjson.dumps(data, option=options)


def render_csv(rules: list[dict[str, Any]]) -> bytes:
    """The pack's rules as a flat table, one row per rule, columns in :data:`CSV_COLUMNS`.

    A cell that a spreadsheet would run as a formula (starting ``=``, ``+``,
    ``-`` or ``@``) is written with a leading apostrophe: author text is data.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rule in rules:
        writer.writerow([_cell(value) for value in _csv_row(rule)])
    return out.getvalue().encode()


def _csv_row(rule: dict[str, Any]) -> tuple[str, ...]:
    where = rule["provenance"]
    subject = rule["subject"]
    qualifiers = ";".join(
        f"{name}={'|'.join(value) if isinstance(value, list) else value}"
        for name, value in sorted(subject.items())
        if name != "group"
    )
    return (
        rule["id"],
        "true" if rule["inherited"] else "false",
        rule["activity"],
        subject["group"],
        qualifiers,
        ";".join(f"{k}={'true' if v else 'false'}" for k, v in sorted(rule["conditions"].items())),
        rule["strength"],
        rule["reading"],
        json.dumps(rule["timescale"], sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        rule["citation"],
        rule["interpretation"],
        ";".join(o["rule"] for o in rule["overrides"]),
        where["authority"],
        where["document"],
        where["document_title"],
        where["version"],
        where["effective_from"],
        where["section"],
        where["section_title"],
        where["statement"],
        where["words"],
        ";".join(f"{f['kind']}:{f['rule']}" for f in rule["floor"]),
    )


def _cell(value: str) -> str:
    return spreadsheet_safe(value)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
