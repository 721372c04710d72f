"""An authority's own vocabulary terms: kept as the document names them, checked as national.

A document's own categories ("Lifestages team", "Reg 24 not approved") are not forced into
the nearest national word: an authority defines them in ``<authority>/vocabulary.yaml``
(schema ``schema/local-vocabulary.schema.json``), each with a title, a description and the
national term it narrows, if any::

    groups:
      lifestages_team:
        title: Lifestages team
        description: Young people aged 16 to 25 supported by the Lifestages team.
        narrows: care_leaver

Qualifier values sit under the national qualifier they belong to (``qualifiers:
placement_type: {lifestages_long_term: {..., narrows: long_term_foster}}``).

This module reads those files into :class:`~compiler.model.LocalTerm` s, lets the
authority's documents use the terms (an "unknown term" finding for a defined local term is
withdrawn; timescales read its events and conditions, :func:`words_for`), and records on each
rule's subject the national group and qualifier values it narrows, so that the checks hold a
local group's rules to the statutory rules for the national one (events and conditions are
narrowed in the checks, :mod:`compiler.rules.narrowing`). Packs export the terms with their
descriptions; the site lists them on the authority's page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from compiler.errors import Finding, error
from compiler.load import Source
from compiler.model import Authority, Corpus, LocalTerm, Rule, Section, Statement, Version
from compiler.vocabulary import Term, Vocabulary, suggest, vocabulary

LocalTerms = Mapping[Path, tuple[LocalTerm, ...]]
"""Each authority folder's own terms."""

TERM_ID = re.compile(r"[a-z][a-z0-9_]*")
"""How a term's id is written, like the national ones."""

FIELDS = {
    "groups": "group",
    "events": "event",
    "conditions": "condition",
    "qualifiers": "qualifier value",
}
"""The kinds of local term, and the word a finding uses for each."""


def read_local_terms(
    sources: Iterable[Source],
) -> tuple[dict[Path, tuple[LocalTerm, ...]], list[Finding]]:
    """The terms of each validated ``vocabulary.yaml``, and findings about bad ones.

    A local term may not reuse a national id (the two would be confused), and the term it
    narrows must be a national term of the same kind; a local qualifier value belongs to a
    national qualifier and narrows one of its values.
    """
    national = vocabulary()
    found: dict[Path, tuple[LocalTerm, ...]] = {}
    findings: list[Finding] = []
    for source in sources:
        terms = []
        for kind, entries in sorted(source.data.items()):
            if kind != "qualifiers":
                for term_id, entry in entries.items():
                    known = national.terms(kind)
                    terms.append(_term(source, (kind, term_id), entry, known, None, findings))
                continue
            for qualifier, values in sorted(entries.items()):
                if qualifier not in national.qualifiers:
                    findings.append(
                        error(
                            "local-term-qualifier",
                            f"'{qualifier}' is not a national qualifier: an authority's own "
                            "qualifier values belong to one",
                            source.key_location((kind, qualifier)),
                            suggest(qualifier, national.qualifiers)
                            or "see schema/vocabulary/qualifiers.yaml",
                        )
                    )
                    continue
                known = national.qualifiers[qualifier].values
                for term_id, entry in values.items():
                    path = (kind, qualifier, term_id)
                    terms.append(_term(source, path, entry, known, qualifier, findings))
        found[source.path.parent] = tuple(t for t in terms if t is not None)
    return found, findings


def _term(
    source: Source,
    path: tuple[str, ...],
    entry: Mapping[str, str],
    known: Mapping[str, object],
    qualifier: str | None,
    findings: list[Finding],
) -> LocalTerm | None:
    """One local term, or None with a finding if its id or the term it narrows is wrong."""
    kind, term_id = path[0], path[-1]
    where = source.key_location(path)
    if not TERM_ID.fullmatch(str(term_id)):
        findings.append(
            error(
                "local-term-id",
                f"the local {FIELDS[kind]} id '{term_id}' may only use lower-case "
                "letters, digits and underscores, starting with a letter",
                where,
                "for example 'lifestages_team'; the title says it as the document does",
            )
        )
        return None
    if term_id in known:
        findings.append(
            error(
                "local-term-national",
                f"the local {FIELDS[kind]} '{term_id}' has the id of a national term",
                where,
                "give the local term its own id, or use the national term and "
                "leave it out of vocabulary.yaml",
            )
        )
        return None
    narrows = entry.get("narrows")
    if narrows is not None and narrows not in known:
        hint = suggest(narrows, known) or f"see schema/vocabulary/{kind}.yaml"
        findings.append(
            error(
                "local-term-narrows",
                f"the local {FIELDS[kind]} '{term_id}' narrows '{narrows}', which is "
                f"not a national {FIELDS[kind]}",
                source.location((*path, "narrows")),
                hint,
            )
        )
        return None
    return LocalTerm(kind, term_id, entry["title"], entry["description"], narrows, where, qualifier)


def words_for(local: LocalTerms) -> Callable[[Path], Vocabulary | None]:
    """The vocabulary each document's timescales are read with, by the document's path.

    A document at ``<authority>/<document>/<version>.yaml`` reads its authority's own events
    and conditions as it reads national ones ("until the first Lifestages review"), by their
    ids and titles; other documents read the national vocabulary (None).
    """
    extended: dict[Path, Vocabulary] = {}
    national = vocabulary()
    for folder, terms in local.items():
        added = {kind: {t.id: _phrased(t) for t in terms if t.kind == kind} for kind in FIELDS}
        if added["events"] or added["conditions"]:
            extended[folder] = replace(
                national,
                events={**national.events, **added["events"]},
                conditions={**national.conditions, **added["conditions"]},
            )
    return lambda path: extended.get(path.parent.parent)


def _phrased(term: LocalTerm) -> Term:
    title = term.title.lower()
    return Term(term.id, term.title, term.description, (title, f"the {title}"))


def accept_local_terms(findings: list[Finding], path: Path, local: LocalTerms) -> list[Finding]:
    """``findings`` without the unknown-term errors for terms the file's authority defines.

    A document sits at ``<authority>/<document>/<version>.yaml``; its authority's local
    terms are valid wherever a national term of the same kind is (a qualifier value,
    wherever a value of its qualifier is).
    """
    defined = {_unknown(term) for term in local.get(path.parent.parent, ())}
    if not defined:
        return findings
    return [f for f in findings if not (f.code == "unknown-term" and f.message in defined)]


def _unknown(term: LocalTerm) -> str:
    """The message an unknown-term finding gives for ``term`` (:mod:`compiler.validate`)."""
    if term.qualifier is not None:
        noun = vocabulary().qualifiers[term.qualifier].title.lower()
    else:
        noun = FIELDS[term.kind]
    return f"unknown {noun} '{term.id}'"


def with_local_terms(corpus: Corpus, local: LocalTerms) -> Corpus:
    """The corpus with each authority's local terms, and its rules' local groups narrowed."""
    authorities = []
    for authority in corpus.authorities:
        terms = local.get(authority.path, ())
        if terms:
            authority = _narrowed(replace(authority, local_terms=terms), terms)
        authorities.append(authority)
    return replace(corpus, authorities=tuple(authorities))


def _narrowed(authority: Authority, terms: tuple[LocalTerm, ...]) -> Authority:
    groups = {t.id: t for t in terms if t.kind == "groups"}
    values = {(t.qualifier, t.id): t for t in terms if t.qualifier is not None}

    def rule(r: Rule) -> Rule:
        subject = r.subject
        own = groups.get(subject.group)
        if own is not None:
            subject = replace(subject, narrows=own.narrows, title=own.title)
        named = [values[q, v] for q, vs in subject.qualifiers for v in vs if (q, v) in values]
        if named:
            own_values = tuple((t.qualifier or "", t.id, t.narrows, t.title) for t in named)
            subject = replace(subject, own_values=own_values)
        return r if subject is r.subject else replace(r, subject=subject)

    def statement(s: Statement) -> Statement:
        return replace(s, rules=tuple(rule(r) for r in s.rules))

    def section(s: Section) -> Section:
        return replace(s, statements=tuple(statement(t) for t in s.statements))

    def version(v: Version) -> Version:
        return replace(v, sections=tuple(section(s) for s in v.sections))

    documents = tuple(
        replace(d, versions=tuple(version(v) for v in d.versions)) for d in authority.documents
    )
    return replace(authority, documents=documents)
