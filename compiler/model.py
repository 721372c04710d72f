"""The immutable model of a corpus: authorities, documents, versions, sections, statements, rules.

Built by :mod:`compiler.assemble` from validated files. Every object knows
where it was written (``location``), so checks can point at it. Versions of a
document are sorted by effective date, and an authority answers "what is in
force on this date" (:meth:`Authority.in_force`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from compiler.errors import Location
from compiler.timescale.model import Conditions, Timescale

Qualifiers = tuple[tuple[str, tuple[str, ...]], ...]
"""Sorted ``(qualifier, allowed values)`` pairs; a qualifier left out means any value."""


@dataclass(frozen=True)
class Subject:
    """Who a rule is about: a group, narrowed by qualifiers.

    Whether a subject covers or overlaps another is answered in one place,
    :mod:`compiler.rules.scope`, for the checks, the packs and the evaluator alike.
    """

    group: str
    qualifiers: Qualifiers = ()
    narrows: str | None = None
    """For an authority's own group, the national group it is part of (``care_leaver``)."""
    title: str | None = field(default=None, compare=False)
    """For an authority's own group, its title as the document says it ("Lifestages team")."""
    own_values: tuple[tuple[str, str, str | None, str], ...] = field(default=(), compare=False)
    """The authority's own qualifier values the subject names: ``(qualifier, value, national
    value it narrows or None, title)``; a case with one is covered as one with the national."""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"group": self.group}
        for name, values in self.qualifiers:
            data[name] = values[0] if len(values) == 1 else list(values)
        return data


@dataclass(frozen=True)
class Override:
    """A rule's deliberate precedence over another rule, with the reason."""

    rule: str
    reason: str
    location: Location


@dataclass(frozen=True)
class Withdrawal:
    """Why a rule or statement was retired, and where it moved to, if anywhere.

    A retired rule or statement stays in the new version's file, marked
    withdrawn, so that a diff reports it as withdrawn rather than lost.
    ``moved_to`` is ``id`` (same document) or ``document/id``, or empty.
    """

    reason: str
    moved_to: str = ""
    location: Location | None = field(default=None, compare=False)
    confirm: str = field(default="", compare=False)


@dataclass(frozen=True)
class Rule:
    """The machine-readable reading of one timescale in a statement's words.

    A rule marked ``withdrawn`` is kept in the file but is no longer in force.
    """

    id: str
    subject: Subject
    activity: str
    timescale: Timescale
    strength: str
    words: str
    location: Location
    conditions: Conditions = ()
    interpretation: str = ""
    citation: str = ""
    shorthand: str = ""
    overrides: tuple[Override, ...] = ()
    timescale_location: Location | None = None
    withdrawn: Withdrawal | None = None
    confirm: str = ""


@dataclass(frozen=True)
class NotRule:
    """Words that look like a timescale but are not one a rule can encode, with the reason."""

    words: str
    reason: str
    location: Location
    confirm: str = ""


@dataclass(frozen=True)
class Statement:
    """One statement in the document's own words, with its rules.

    ``rules`` holds every rule written under the statement, withdrawn ones
    included; :meth:`rules_in_force` leaves those out. A statement marked
    ``withdrawn`` is kept in the file, and none of its rules is in force.
    """

    id: str
    text: str
    location: Location
    kind: str = "standard"
    rules: tuple[Rule, ...] = ()
    not_rules: tuple[NotRule, ...] = ()
    replaces: str = ""
    unread_rule_words: tuple[str, ...] = ()
    """Words of rules whose timescale could not be read (already reported), so that the
    words check does not report them a second time."""
    withdrawn: Withdrawal | None = None

    def rules_in_force(self) -> tuple[Rule, ...]:
        """The rules not withdrawn, or none if the statement itself is withdrawn."""
        if self.withdrawn is not None:
            return ()
        return tuple(r for r in self.rules if r.withdrawn is None)


@dataclass(frozen=True)
class Section:
    """A section of a document, its statements in the document's order."""

    id: str
    title: str
    location: Location
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class SourceReference:
    """Where a version's words come from."""

    title: str
    date: str
    publisher: str = ""
    url: str = ""
    file: str = ""


@dataclass(frozen=True)
class Version:
    """One complete version of one document."""

    document_id: str
    version: str
    title: str
    status: str
    effective_from: date
    source: SourceReference
    path: Path
    location: Location
    sections: tuple[Section, ...] = ()
    review_by: date | None = None
    approved_by: str = ""
    notes: str = ""

    @property
    def key(self) -> str:
        """``document@version``, as the diff command names versions."""
        return f"{self.document_id}@{self.version}"

    def statements(self) -> tuple[Statement, ...]:
        """The statements in force (not withdrawn), in document order."""
        return tuple(s for s in self.all_statements() if s.withdrawn is None)

    def rules(self) -> tuple[Rule, ...]:
        """The rules in force, in document order: not withdrawn, in a statement not withdrawn.

        This is what checks, packs and scenarios mean by "the rules of a version".
        """
        return tuple(r for s in self.all_statements() for r in s.rules_in_force())

    def all_statements(self) -> tuple[Statement, ...]:
        """Every statement written in the file, withdrawn ones included, in document order."""
        return tuple(s for section in self.sections for s in section.statements)

    def all_rules(self) -> tuple[Rule, ...]:
        """Every rule written in the file, withdrawn ones included, in document order."""
        return tuple(r for s in self.all_statements() for r in s.rules)


@dataclass(frozen=True)
class Document:
    """A document and all its versions, oldest effective date first."""

    id: str
    versions: tuple[Version, ...]

    def in_force(self, on: date) -> Version | None:
        """The published version in force on ``on``: the latest effective on or before it."""
        current = None
        for version in self.versions:
            if version.status != "draft" and version.effective_from <= on:
                current = version
        return current if current is not None and current.status == "published" else None

    @property
    def latest(self) -> Version:
        return self.versions[-1]


@dataclass(frozen=True)
class ScenarioFile:
    """A file of scenario tests written by the authority."""

    path: Path
    cases: tuple[dict[str, object], ...]
    locations: tuple[Location, ...]


@dataclass(frozen=True)
class LocalTerm:
    """One of an authority's own terms: "Lifestages team", part of the national care leavers.

    ``kind`` is ``groups``, ``events``, ``conditions`` or ``qualifiers`` (a value of the
    national qualifier ``qualifier``); ``narrows`` the national term of that kind whose cases
    it is part of, if any.
    """

    kind: str
    id: str
    title: str
    description: str
    narrows: str | None
    location: Location
    qualifier: str | None = None
    """For a qualifier value, the national qualifier it is a value of (``placement_type``)."""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "narrows": self.narrows,
        }
        if self.qualifier is not None:
            data["qualifier"] = self.qualifier
        return data


@dataclass(frozen=True)
class Acceptance:
    """A finding an authority has seen and accepts until a date (``accepted.yaml``)."""

    finding: str
    rules: tuple[str, ...]
    reason: str
    accepted_by: str
    until: date
    location: Location


@dataclass(frozen=True)
class Authority:
    """An authority (or a jurisdiction, when ``statutory``) and its documents."""

    id: str
    name: str
    jurisdiction: str
    calendar: str
    path: Path
    location: Location
    statutory: bool = False
    closures: tuple[date, ...] = ()
    documents: tuple[Document, ...] = ()
    description: str = ""
    notes: str = ""
    contacts: tuple[tuple[str, str, str], ...] = ()
    check_severities: tuple[tuple[str, str], ...] = ()
    scenarios: tuple[ScenarioFile, ...] = ()
    local_terms: tuple[LocalTerm, ...] = ()
    """The authority's own vocabulary terms, from its ``vocabulary.yaml``."""
    accepted: tuple[Acceptance, ...] = ()
    calendar_location: Location | None = field(default=None, compare=False)
    """Where ``calendar`` is written in authority.yaml, for a finding about it."""

    def in_force(self, on: date) -> tuple[Version, ...]:
        """Every document version in force on ``on``, one per document at most."""
        versions = (document.in_force(on) for document in self.documents)
        return tuple(v for v in versions if v is not None)

    def rules_in_force(self, on: date) -> tuple[tuple[Version, Rule], ...]:
        """Every rule in force on ``on``, with the version it comes from."""
        return tuple((v, r) for v in self.in_force(on) for r in v.rules())

    def document(self, document_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == document_id), None)

    def change_dates(self) -> tuple[date, ...]:
        """Every date on which the set of versions in force changes."""
        return tuple(
            sorted(
                {
                    v.effective_from
                    for d in self.documents
                    for v in d.versions
                    if v.status != "draft"
                }
            )
        )


@dataclass(frozen=True)
class Corpus:
    """Every authority in a standards folder."""

    root: Path
    authorities: tuple[Authority, ...] = field(default=())

    def authority(self, authority_id: str) -> Authority | None:
        return next((a for a in self.authorities if a.id == authority_id), None)

    def jurisdiction_of(self, authority: Authority) -> Authority | None:
        """The statutory authority whose rules are ``authority``'s floor (None for itself)."""
        if authority.statutory:
            return None
        found = self.authority(authority.jurisdiction)
        return found if found is not None and found.statutory else None
