"""Local rules measured against the statutory floor of their jurisdiction."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from compiler.calendar import load_calendar
from compiler.checks.comparing import RuleComparison, compare_rules, describe
from compiler.checks.conflicts import overridden
from compiler.checks.scope import rule_key, same_scope, subject_covers
from compiler.errors import Finding, Location, Severity, error
from compiler.model import Authority, Corpus, Rule, Version
from compiler.timescale.compare import spoken
from compiler.vocabulary import vocabulary


def floors_for(rule: Rule, statutory: Authority, on: date) -> list[tuple[Version, Rule]]:
    """The statutory rules in force on ``on`` that are ``rule``'s floor.

    Those about the same activity, children and facts; a statutory rule drops
    out when another one that certainly applies to every case of ``rule``
    overrides it (regulation 28(2) gives way to 28(4) for a child placed with
    parents under an interim care order).
    """
    candidates = [(v, s) for v, s in statutory.rules_in_force(on) if same_scope(rule, s)]
    excused = overridden(statutory)
    certain = {
        rule_key(v.document_id, s)
        for v, s in candidates
        if subject_covers(s.subject, rule.subject)
        and all(dict(rule.conditions).get(f) == value for f, value in s.conditions)
    }
    return [
        (v, s)
        for v, s in candidates
        if not any((winner, rule_key(v.document_id, s)) in excused for winner in certain)
    ]


def no_rule_looser_than_statute(corpus: Corpus, today: date) -> Iterable[Finding]:
    """No local rule is looser than, or incomparable with, its statutory floor."""
    for authority in corpus.authorities:
        statutory = corpus.jurisdiction_of(authority)
        if statutory is not None:
            yield from _floors(authority, statutory)


def _floors(authority: Authority, statutory: Authority) -> Iterator[Finding]:
    calendar = load_calendar(authority.calendar, authority.closures)
    excused = overridden(authority)
    reported: set[tuple[str, str]] = set()
    for day in _dates(authority, statutory):
        in_force = [(rule_key(v.document_id, r), r) for v, r in authority.rules_in_force(day)]
        for key, rule in in_force:
            for floor_version, floor in floors_for(rule, statutory, day):
                floor_key = rule_key(floor_version.document_id, floor)
                if (key, floor_key) in reported:
                    continue
                if _handed_over(key, floor, in_force, excused):
                    continue
                reported.add((key, floor_key))
                result = compare_rules(rule, floor, calendar)
                if result.relation in ("looser", "incomparable"):
                    yield _finding(authority, day, key, rule, floor_key, floor, result)


def _handed_over(
    key: str, floor: Rule, in_force: list[tuple[str, Rule]], excused: set[tuple[str, str]]
) -> bool:
    """True if a more specific local rule overrides this one for every case of the floor.

    The trust's general "Child in Care" row gives way to its own row for children
    placed with parents under an interim care order; that row, not the general
    one, answers to regulation 28(4).
    """
    return any(
        (other_key, key) in excused
        and same_scope(other, floor)
        and subject_covers(other.subject, floor.subject)
        for other_key, other in in_force
    )


def _dates(authority: Authority, statutory: Authority) -> list[date]:
    return sorted(set(authority.change_dates()) | set(statutory.change_dates()))


def _finding(
    authority: Authority,
    day: date,
    key: str,
    rule: Rule,
    floor_key: str,
    floor: Rule,
    result: RuleComparison,
) -> Finding:
    how = "looser than" if result.relation == "looser" else "not always as strict as"
    citation = f" ({floor.citation})" if floor.citation else ""
    witness = result.witness_text(f"'{describe(rule)}'", f"the statutory '{describe(floor)}'")
    finding = error(
        "no-rule-looser-than-statute",
        f"{key} ('{describe(rule)}') is {how} the statutory minimum {floor_key}{citation}, "
        f"'{describe(floor)}', in force from {spoken(day)}. For example, {witness}",
        rule.location,
        "a local standard may be stricter than the law, never looser: tighten the local rule, "
        "or narrow its subject or conditions if it is not meant to cover these cases",
    )
    return replace(
        finding,
        related=(floor.location,),
        data=(("authority", authority.id), ("rules", f"{key} {floor_key}")),
        severity=Severity.ERROR,
    )


def statutory_duties_are_addressed(corpus: Corpus, today: date) -> Iterable[Finding]:
    """A statutory duty no local document addresses is inherited: say so, as information."""
    for authority in corpus.authorities:
        statutory = corpus.jurisdiction_of(authority)
        if statutory is None:
            continue
        local = [rule for _, rule in authority.rules_in_force(today)]
        for version, duty in statutory.rules_in_force(today):
            if any(same_scope(rule, duty) for rule in local):
                continue
            words = vocabulary()
            yield Finding(
                Severity.INFO,
                "statutory-duty-inherited",
                f"{authority.name}'s documents do not address "
                f"{words.activities[duty.activity].title.lower()} for "
                f"{words.groups[duty.subject.group].title.lower()}: the statutory rule "
                f"{rule_key(version.document_id, duty)} ('{describe(duty)}') applies as it is",
                Location(authority.path / "authority.yaml", 1, 1),
                "nothing to do, unless the authority means to set its own standard",
                data=(("authority", authority.id),),
            )
