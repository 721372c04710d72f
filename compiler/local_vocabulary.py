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

This module reads those files into :class:`~compiler.model.LocalTerm` s, lets the
authority's documents use the terms (an "unknown term" finding for a defined local term is
withdrawn), and records on each rule's subject the national group it narrows, so that the
checks hold a local group's rules to the statutory rules for the national one. Packs export
the terms with their descriptions; the site lists them on the authority's page.
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

FIELDS = {"groups": "group", "events": "event", "conditions": "condition"}
"""The kinds of local term, and the word a finding uses for each."""


def read_local_terms(
    sources: Iterable[Source],
) -> tuple[dict[Path, tuple[LocalTerm, ...]], list[Finding]]:
    """The terms of each validated ``vocabulary.yaml``, and findings about bad ones.

    A local term may not reuse a national id (the two would be confused), and the term it
    narrows must be a national term of the same kind.
    """
    national = vocabulary()
    found: dict[Path, tuple[LocalTerm, ...]] = {}
    findings: list[Finding] = []
    for source in sources:
        terms = []
        for kind, entries in sorted(source.data.items()):
            known = national.terms(kind)
            for term_id, entry in entries.items():
                where = source.key_location((kind, term_id))
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
                    continue
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
                    continue
                narrows = entry.get("narrows")
                if narrows is not None and narrows not in known:
                    hint = suggest(narrows, known) or f"see schema/vocabulary/{kind}.yaml"
                    findings.append(
                        error(
                            "local-term-narrows",
                            f"the local {FIELDS[kind]} '{term_id}' narrows '{narrows}', which is "
                            f"not a national {FIELDS[kind]}",
                            source.location((kind, term_id, "narrows")),
                            hint,
                        )
                    )
                    continue
                terms.append(
                    LocalTerm(kind, term_id, entry["title"], entry["description"], narrows, where)
                )
        found[source.path.parent] = tuple(terms)
    return found, findings


def words_for(local: LocalTerms) -> Callable[[Path], Vocabulary | None]:
    """The vocabulary each document's timescales are read with, by the document's path.

    A document at ``<authority>/<document>/<version>.yaml`` reads its authority's own events
    and conditions as it reads national ones ("until the first Lifestages review"), by their
    ids and titles; other documents read the national vocabulary (None).
    """
    extended: dict[Path, Vocabulary] = {}
    national = vocabulary()
    for folder, terms in local.items():
        added = {kind: {t.id: _term(t) for t in terms if t.kind == kind} for kind in FIELDS}
        if added["events"] or added["conditions"]:
            extended[folder] = replace(
                national,
                events={**national.events, **added["events"]},
                conditions={**national.conditions, **added["conditions"]},
            )
    return lambda path: extended.get(path.parent.parent)


def _term(term: LocalTerm) -> Term:
    title = term.title.lower()
    return Term(term.id, term.title, term.description, (title, f"the {title}"))


def accept_local_terms(findings: list[Finding], path: Path, local: LocalTerms) -> list[Finding]:
    """``findings`` without the unknown-term errors for terms the file's authority defines.

    A document sits at ``<authority>/<document>/<version>.yaml``; its authority's local
    terms are valid wherever a national term of the same kind is.
    """
    defined = {(FIELDS[term.kind], term.id) for term in local.get(path.parent.parent, ())}
    if not defined:
        return findings
    return [f for f in findings if not (f.code == "unknown-term" and _names_local(f, defined))]


def _names_local(finding: Finding, defined: set[tuple[str, str]]) -> bool:
    # An unknown term's message is "unknown <group|event|condition> '<id>'".
    words = finding.message.split(" ", 2)
    return len(words) == 3 and (words[1], words[2].strip("'")) in defined


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

    def rule(r: Rule) -> Rule:
        if r.subject.group not in groups:
            return r
        own = groups[r.subject.group]
        return replace(r, subject=replace(r.subject, narrows=own.narrows, title=own.title))

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
