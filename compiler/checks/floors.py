"""Local rules measured against the statutory floor of their jurisdiction.

The case-by-case reading is :mod:`compiler.rules.floor`; this module turns
each local rule's misses into one finding a person can act on: the first line
says which rule and how many statutory cases it misses, the lines after it
list each case with its statutory rule and one witness in the direction
claimed (the local rule later), dated when both rules are in force.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from compiler.calendar import load_calendar
from compiler.checks.comparing import describe
from compiler.errors import Finding, Location, Severity
from compiler.model import Authority, Corpus, Rule, Version
from compiler.rules.applying import Entry, authority_entries, version_entries
from compiler.rules.floor import Located, Miss, Standing, law_calendar, standings
from compiler.rules.floor import floors_for as _floors_for
from compiler.rules.overrides import rule_key
from compiler.rules.scope import same_scope
from compiler.vocabulary import vocabulary
from compiler.wording import conditions_words, subject_words

HORIZON_DAYS: int | None = None
"""Days of start dates the floor tries (None: 20 years); the oracle tests shorten it."""

FLOOR_CODES = ("no-rule-looser-than-statute", "local-rule-silent-on-statutory-case")
"""The codes of floor findings: an error where looser, a warning where silent."""

FIRST_LINE = 200
"""The longest first line of a floor finding; the detail goes on the lines after it."""


def floors_for(
    rule: Rule, statutory: Authority, on: date, local: tuple[Version, ...] = ()
) -> list[Located]:
    """The statutory rules in force on ``on`` that apply to some case ``rule`` applies to.

    ``local`` holds the local versions in force with the rule (their overrides
    decide where it applies); without them the rule is taken alone.
    """
    entries = version_entries(local) or [Entry(rule.id, (), rule, (None, rule))]
    return _floors_for(rule, entries, authority_entries(statutory, on))


def no_rule_looser_than_statute(corpus: Corpus, today: date) -> Iterable[Finding]:
    """No local rule, in any version that is or will be in force, can be later than the law.

    One finding per local rule: an error when it sets a looser timescale for
    children a statutory rule is about, a warning when it is only silent about
    children the law singles out (the pack applies the law there).
    """
    for authority in corpus.authorities:
        statutory = corpus.jurisdiction_of(authority)
        if statutory is None:
            continue
        calendar = load_calendar(authority.calendar, authority.closures)
        law = law_calendar(authority)  # the law's working days skip no office closure
        for standing in standings(authority, statutory, calendar, today, HORIZON_DAYS, law):
            if standing.misses:
                yield floor_finding(standing)


def floor_finding(standing: Standing) -> Finding:
    """One local rule's misses as one finding: a short first line, a line per statutory case."""
    ordered = sorted(standing.misses, key=lambda m: m.statutory_key)
    explicit = [m for m in ordered if m.explicit]
    silent = [m for m in ordered if not m.explicit]
    draft = "draft " if standing.version.status == "draft" else ""
    what = (
        f"is looser than the law for {_count(len(explicit))}"
        + (f" and silent on {len(silent)} more" if silent else "")
        if explicit
        else f"is silent on {_count(len(silent))} (the law applies there)"
    )
    head = f"{standing.key} ({draft}version {standing.version.version}) {what}: "
    head += _labels([*explicit, *silent], FIRST_LINE - len(head))
    if len(head) >= FIRST_LINE:
        head = head[: FIRST_LINE - 4] + "..."
    lines = [head, f"  the local rule: '{describe(standing.rule)}'"]
    lines += [_line(miss) for miss in [*explicit, *silent]]
    code = "no-rule-looser-than-statute" if explicit else "local-rule-silent-on-statutory-case"
    finding = Finding(
        Severity.ERROR if explicit else Severity.WARNING,
        code,
        "\n".join(lines),
        standing.rule.location,
        "a local standard may be stricter than the law, never looser: tighten the local rule, "
        "or narrow its subject or conditions if it is not meant to cover these cases"
        if explicit
        else "nothing is unsafe (packs apply the statutory rule beside this one), but say in the "
        "standard what applies to these children, or narrow the rule's subject",
    )
    return replace(
        finding,
        related=tuple(m.statutory.location for m in [*explicit, *silent]),
        data=(
            ("authority", standing.authority.id),
            ("rules", " ".join([standing.key, *(m.statutory_key for m in [*explicit, *silent])])),
            ("version", standing.version.key),
            *((("draft", "true"),) if draft else ()),
        ),
    )


def _count(n: int) -> str:
    return f"{n} statutory case{'s' if n != 1 else ''}"


def _labels(misses: list[Miss], room: int) -> str:
    labels = [_label(m) for m in misses]
    shown: list[str] = []
    for number, label in enumerate(labels):
        rest = len(labels) - number - 1
        more = f" and {rest} more" if rest else ""
        if len("; ".join([*shown, label]) + more) > room and shown:
            return "; ".join(shown) + f" and {len(labels) - number} more"
        shown.append(label)
    return "; ".join(shown)


def _label(miss: Miss) -> str:
    return f"{_short_who(miss)} ({short_citation(miss.statutory.citation) or miss.statutory_key})"


def _short_who(miss: Miss) -> str:
    """The children the statutory rule singles out, by its qualifiers' values alone."""
    words = vocabulary()
    subject = miss.statutory.subject
    values = [
        words.qualifiers[name].values[value].title.lower()
        if name in words.qualifiers and value in words.qualifiers[name].values
        else value
        for name, chosen in subject.qualifiers
        for value in chosen
    ]
    group = words.groups[subject.group].title.lower() if subject.group in words.groups else ""
    facts = [
        words.conditions[name].title.lower() if name in words.conditions else name
        for name, value in miss.statutory.conditions
        if value
    ]
    return ", ".join(values or [group or subject.group]) + (
        f", where {', '.join(facts)}" if facts else ""
    )


def short_citation(citation: str) -> str:
    """The provision alone, for a first line: "reg 28(2)" from the instrument's full citation.

    >>> short_citation("Care Planning ... Regulations 2010 (SI 2010/959), reg 28(2)")
    'reg 28(2)'
    """
    return citation.rsplit(", ", 1)[-1]


def _who(miss: Miss) -> str:
    statutory = miss.statutory
    said = conditions_words(statutory.conditions)
    who = subject_words(statutory.subject, in_sentence=True)
    return f"{who}, {said}" if said else who


def _line(miss: Miss) -> str:
    kind = "looser" if miss.explicit else "silent"
    witness = miss.witness.describe("the local rule", "the statutory rule", "a case starting")
    facts = [n for n, v in miss.facts if v]
    where = f" (facts: {', '.join(facts)})" if facts else ""
    return (
        f"  - {kind}: {_who(miss)}: {miss.statutory_key} ({miss.statutory.citation}) "
        f"'{describe(miss.statutory)}'; {witness}{where}"
    )


def statutory_duties_are_addressed(corpus: Corpus, today: date) -> Iterable[Finding]:
    """A statutory duty no local document addresses is inherited: say so, as information."""
    for authority in corpus.authorities:
        statutory = corpus.jurisdiction_of(authority)
        if statutory is None:
            continue
        yield from _inherited(authority, statutory, today)


def _inherited(authority: Authority, statutory: Authority, today: date) -> Iterator[Finding]:
    local = [rule for _, rule in authority.rules_in_force(today)]
    words = vocabulary()
    for version, duty in statutory.rules_in_force(today):
        if any(same_scope(rule, duty) for rule in local):
            continue
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


__all__ = ["Located", "floors_for", "no_rule_looser_than_statute", "statutory_duties_are_addressed"]
