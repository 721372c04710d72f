"""The controlled vocabularies: groups, qualifiers, activities, events, conditions, calendars.

They are data (``schema/vocabulary/*.yaml``), each term with a title and a
description written for a principal social worker; events and conditions also
carry the phrases a timescale's shorthand may use for them. The JSON Schemas
offer the same terms to editors (see :mod:`compiler.schemas`).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from compiler.util.resources import bundled

KINDS = ("groups", "qualifiers", "activities", "events", "conditions", "calendars")


@dataclass(frozen=True)
class Term:
    """One word of a vocabulary: its id, title, description and shorthand phrases.

    An event may be the later (``later_of``) or the earlier (``earlier_of``) of two other
    events: "within one week of the placement, or of the notification if later" counts from
    the later of the two days, which is exact because adding time never reverses two dates.
    """

    id: str
    title: str
    description: str
    phrases: tuple[str, ...] = ()
    later_of: tuple[str, ...] = ()
    earlier_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Qualifier:
    """A qualifier of a group (``placement_type``) and its allowed values."""

    id: str
    title: str
    description: str
    values: Mapping[str, Term]


@dataclass(frozen=True)
class Vocabulary:
    """All the controlled vocabularies, read once from ``schema/vocabulary``."""

    groups: Mapping[str, Term]
    group_qualifiers: Mapping[str, tuple[str, ...]]
    adult_groups: frozenset[str]
    qualifiers: Mapping[str, Qualifier]
    activities: Mapping[str, Term]
    events: Mapping[str, Term]
    conditions: Mapping[str, Term]
    calendars: Mapping[str, Mapping[str, str]]

    def terms(self, kind: str) -> Mapping[str, Any]:
        """The terms of one vocabulary by name (``"activities"``)."""
        return getattr(self, kind)


def title_of(kind: str, term: str) -> str:
    """A term's title, or, for an authority's own term (not in the national vocabulary), its id.

    >>> title_of("groups", "care_leaver"), title_of("groups", "lifestages_team")
    ('Care leaver', 'lifestages_team')
    """
    found = vocabulary().terms(kind).get(term)
    return found.title if found is not None else term


def suggest(word: str, choices: object) -> str:
    """A "did you mean" hint for an unknown term, or an empty string.

    >>> suggest("statutory_vist", ["statutory_visit", "supervision"])
    "did you mean 'statutory_visit'?"
    """
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=3, cutoff=0.6)
    if not close:
        return ""
    return "did you mean " + " or ".join(repr(c) for c in close) + "?"


def _terms(data: Mapping[str, Any]) -> dict[str, Term]:
    return {
        key: Term(
            key,
            value["title"],
            value["description"],
            tuple(value.get("phrases", ())),
            tuple(value.get("later_of", ())),
            tuple(value.get("earlier_of", ())),
        )
        for key, value in data.items()
    }


def load_vocabulary(folder: Path | None = None) -> Vocabulary:
    """Read the vocabularies from ``folder`` (default: the bundled ``schema/vocabulary``)."""
    folder = folder or bundled("schema") / "vocabulary"
    raw = {kind: _read(folder / f"{kind}.yaml") for kind in KINDS}
    return Vocabulary(
        groups=_terms(raw["groups"]),
        group_qualifiers={k: tuple(v.get("qualifiers", ())) for k, v in raw["groups"].items()},
        adult_groups=frozenset(k for k, v in raw["groups"].items() if v.get("adults")),
        qualifiers={
            key: Qualifier(key, value["title"], value["description"], _terms(value["values"]))
            for key, value in raw["qualifiers"].items()
        },
        activities=_terms(raw["activities"]),
        events=_terms(raw["events"]),
        conditions=_terms(raw["conditions"]),
        calendars={key: dict(value) for key, value in raw["calendars"].items()},
    )


def _read(path: Path) -> dict[str, Any]:
    # The C parser when PyYAML has it: the vocabulary is read on every run, and the
    # pure-Python parser takes a tenth of a second over it.
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


@cache
def vocabulary() -> Vocabulary:
    """The bundled vocabulary, read once per process."""
    return load_vocabulary()
