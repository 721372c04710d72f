"""Rules of one authority that are in force together and disagree."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from itertools import combinations

from compiler.calendar import load_calendar
from compiler.checks.comparing import RuleComparison, compare_rules, describe
from compiler.errors import Finding, Severity, error
from compiler.model import Authority, Corpus, Rule, Version
from compiler.rules.overrides import rule_key, targets
from compiler.rules.scope import same_scope
from compiler.timescale.compare import spoken
from compiler.vocabulary import title_of, vocabulary


def no_conflicting_rules(corpus: Corpus, today: date) -> Iterable[Finding]:
    """Two rules in force on the same date, for the same children and activity, must agree.

    "Agree" means equivalent timescales under the authority's calendar,
    whatever the case facts. A rule may override another explicitly (naming it,
    with a reason); the pair is then not a conflict.
    """
    for authority in corpus.authorities:
        yield from _conflicts(authority)


def overrides_are_valid(corpus: Corpus, today: date) -> Iterable[Finding]:
    """Every override names a rule of the same authority, and no overrides go round in a circle."""
    for authority in corpus.authorities:
        known = {
            rule_key(v.document_id, r): r
            for d in authority.documents
            for v in d.versions
            for r in v.rules()
        }
        graph = {key: _targets(key.split("/")[0], rule) for key, rule in known.items()}
        for key, rule in known.items():
            for override, target in zip(rule.overrides, graph[key], strict=True):
                if target not in known:
                    yield error(
                        "override-unknown-rule",
                        f"rule '{key}' overrides '{override.rule}', which is not a rule of "
                        f"{authority.id}",
                        override.location,
                        "name the overridden rule as rule-id (same document) or "
                        "document-id/rule-id",
                    )
        for cycle in _cycles(graph):
            rule = known[cycle[0]]
            yield error(
                "override-cycle",
                "rules override each other in a circle: " + " -> ".join([*cycle, cycle[0]]),
                rule.overrides[0].location if rule.overrides else rule.location,
                "an override says which rule wins; remove one so that the chain has an end",
            )


def _targets(document_id: str, rule: Rule) -> list[str]:
    return list(targets(document_id, rule))


def _cycles(graph: dict[str, list[str]]) -> Iterator[list[str]]:
    reported: set[frozenset[str]] = set()
    for start in sorted(graph):
        path = [start]
        seen = {start}
        node = start
        while graph.get(node):
            node = graph[node][0]
            if node == start:
                if frozenset(path) not in reported:
                    reported.add(frozenset(path))
                    yield path
                break
            if node in seen or node not in graph:
                break
            seen.add(node)
            path.append(node)


def overridden(authority: Authority) -> set[tuple[str, str]]:
    """Every (winner, overridden) pair of rule keys, following chains of overrides."""
    direct = {
        (rule_key(v.document_id, r), target)
        for d in authority.documents
        for v in d.versions
        for r in v.rules()
        for target in _targets(v.document_id, r)
    }
    closure = set(direct)
    changed = True
    while changed:
        extra = {(a, d) for a, b in closure for c, d in closure if b == c} - closure
        closure |= extra
        changed = bool(extra)
    return closure


def _conflicts(authority: Authority) -> Iterator[Finding]:
    calendar = load_calendar(authority.calendar, authority.closures)
    excused = overridden(authority)
    reported: set[tuple[str, str]] = set()
    for day, in_force, draft in _timeline(authority):
        for (va, a), (vb, b) in combinations(in_force, 2):
            if draft is not None and draft not in (va, vb):
                continue  # a conflict between published versions is reported on its own
            if draft is not None and vb is draft:  # point at the draft's rule
                (va, a), (vb, b) = (vb, b), (va, a)
            key_a, key_b = rule_key(va.document_id, a), rule_key(vb.document_id, b)
            pair = (min(key_a, key_b), max(key_a, key_b), id(draft))
            if pair in reported or not same_scope(a, b):
                continue
            if (key_a, key_b) in excused or (key_b, key_a) in excused:
                continue
            reported.add(pair)
            result = compare_rules(a, b, calendar)
            if result.relation == "equivalent":
                continue
            yield _finding(authority, day, (key_a, a), (key_b, b), result, draft)


def _timeline(
    authority: Authority,
) -> Iterator[tuple[date, list[tuple[Version, Rule]], Version | None]]:
    """The rules in force together on each date the set changes, then each draft's.

    A draft is checked as if published on its effective date, beside the other
    documents in force then and later: what would conflict if it were approved.
    """
    for day in authority.change_dates():
        yield day, list(authority.rules_in_force(day)), None
    for document in authority.documents:
        for draft in (v for v in document.versions if v.status == "draft"):
            days = [draft.effective_from] + [
                d for d in authority.change_dates() if d > draft.effective_from
            ]
            for day in days:
                others = [v for v in authority.in_force(day) if v.document_id != document.id]
                yield day, [(v, r) for v in [*others, draft] for r in v.rules()], draft


def _finding(
    authority: Authority,
    day: date,
    first: tuple[str, Rule],
    second: tuple[str, Rule],
    result: RuleComparison,
    draft: Version | None = None,
) -> Finding:
    (key_a, a), (key_b, b) = first, second
    words = vocabulary()
    group = title_of("groups", a.subject.group).lower()
    if a.subject.group != b.subject.group:
        group += " / " + title_of("groups", b.subject.group).lower()
    activity = words.activities[a.activity].title.lower()
    relation = {
        "stricter": "the first is stricter",
        "looser": "the first is looser",
        "incomparable": "neither is always the stricter",
    }[result.relation]
    witness = result.witness_text(f"'{describe(a)}'", f"'{describe(b)}'")
    drafted = f"draft {draft.key}: " if draft is not None else ""
    finding = error(
        "no-conflicting-rules",
        f"{drafted}conflicting timescales for {activity} ({group}) in force together from "
        f"{spoken(day)}: {key_a} says '{describe(a)}' and {key_b} says '{describe(b)}'; "
        f"{relation}. For example, {witness}",
        a.location,
        f"make the two rules agree, or, if one should win, add to it: overrides: "
        f"[{{rule: {key_b}, reason: ...}}]",
    )
    return replace(
        finding,
        related=(b.location,),
        data=(
            ("authority", authority.id),
            ("rules", f"{key_a} {key_b}"),
            *((("version", draft.key), ("draft", "true")) if draft is not None else ()),
        ),
        severity=Severity.ERROR,
    )
