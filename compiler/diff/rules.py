"""Matching the rules of two versions by id, and saying what each change does.

A rule's timescale is compared exactly (:func:`compiler.timescale.compare.compare`,
the new rule against the old), under every combination of the case facts
its phases depend on, so "the new rule is looser" is a fact with dates to
show it, not an impression. The other parts of a rule (whom it is about,
what it times, under which facts, must or should) are said in words.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from compiler.calendar import Calendar
from compiler.diff.model import (
    AspectChange,
    ChangeWitness,
    RuleChange,
    RuleSummary,
    TimescaleChange,
    WithdrawalNote,
)
from compiler.diff.word_diff import reword
from compiler.model import Rule, Statement, Subject, Version
from compiler.timescale.compare import Comparison, compare
from compiler.timescale.format import format_timescale
from compiler.timescale.model import Conditions, Timescale, facts_of
from compiler.vocabulary import vocabulary
from compiler.wording import activity_title, conditions_words, in_a_sentence, subject_words

Located = tuple[Statement, Rule]


def diff_rules(old: Version, new: Version, calendar: Calendar) -> tuple[RuleChange, ...]:
    """Every rule added, removed, withdrawn, reinstated or changed, in the new version's order.

    Rules removed from the new version follow, in the old version's order.
    """
    before, after = _rules(old), _rules(new)
    changes = []
    for rule_id, (statement, rule) in after.items():
        change = _change(before.get(rule_id), (statement, rule), new, after, calendar)
        if change is not None:
            changes.append(change)
    for rule_id, (statement, rule) in before.items():
        if rule_id not in after and _in_force(statement, rule):
            changes.append(
                RuleChange(rule_id, "removed", "looser", old=summarise(statement, rule), lost=True)
            )
    return tuple(changes)


def _rules(version: Version) -> dict[str, Located]:
    return {r.id: (s, r) for s in version.all_statements() for r in s.rules}


def _in_force(statement: Statement, rule: Rule) -> bool:
    return statement.withdrawn is None and rule.withdrawn is None


def _change(
    before: Located | None,
    now: Located,
    new: Version,
    after: dict[str, Located],
    calendar: Calendar,
) -> RuleChange | None:
    statement, rule = now
    was_in_force = before is not None and _in_force(*before)
    if not _in_force(statement, rule):
        if not was_in_force or before is None:
            return None  # withdrawn on both sides, or arriving already withdrawn
        withdrawal = _withdrawal(statement, rule)
        return RuleChange(
            rule.id,
            "withdrawn",
            "looser",
            old=summarise(*before),
            withdrawal=withdrawal,
            successor=_successor(withdrawal, before[1], new.document_id, after, calendar)
            if rule.withdrawn is not None
            else None,
        )
    if not was_in_force:
        return RuleChange(
            rule.id,
            "added" if before is None else "reinstated",
            "stricter",
            old=summarise(*before) if before is not None else None,
            new=summarise(statement, rule),
        )
    assert before is not None
    timescale = compare_timescales(rule, before[1], calendar)
    aspects = _aspects(before, now)
    if timescale is None and not aspects:
        return None
    return RuleChange(
        rule.id,
        "changed",
        _effect(timescale, aspects),
        old=summarise(*before),
        new=summarise(statement, rule),
        timescale=timescale,
        aspects=aspects,
    )


def _withdrawal(statement: Statement, rule: Rule) -> WithdrawalNote:
    if rule.withdrawn is not None:
        return WithdrawalNote(rule.withdrawn.reason, rule.withdrawn.moved_to)
    assert statement.withdrawn is not None
    return WithdrawalNote(
        f"its statement '{statement.id}' was withdrawn: {statement.withdrawn.reason}",
        statement.withdrawn.moved_to,
    )


def _successor(
    withdrawal: WithdrawalNote,
    old_rule: Rule,
    document_id: str,
    after: dict[str, Located],
    calendar: Calendar,
) -> TimescaleChange | None:
    """How the rule a withdrawn rule moved to compares with it, if that rule is in this version."""
    document, _, target = withdrawal.moved_to.rpartition("/")
    found = after.get(target)
    if found is None or not _in_force(*found) or document not in ("", document_id):
        return None
    return compare_timescales(found[1], old_rule, calendar, always=True)


def _effect(timescale: TimescaleChange | None, aspects: tuple[AspectChange, ...]) -> str:
    directions = {a.effect for a in aspects if a.effect}
    if timescale is not None and timescale.relation != "equivalent":
        directions.add(timescale.relation)
    if not directions:
        return "equivalent"
    if len(directions) == 1:
        return directions.pop()
    return "incomparable"


def compare_timescales(
    new: Rule, old: Rule, calendar: Calendar, *, always: bool = False
) -> TimescaleChange | None:
    """The new rule's timescale against the old one's, or None if they are the same.

    Facts both rules are conditioned on alike are held; every other fact their
    timescales depend on is tried both ways. Stricter under some facts and
    looser under others is incomparable. ``always`` compares even identical
    timescales (for a rule that moved to another id).
    """
    if new.timescale == old.timescale and not always:
        return None
    shared = dict(set(new.conditions) & set(old.conditions))
    free = sorted((facts_of(new.timescale) | facts_of(old.timescale)) - shared.keys())
    results: list[tuple[Comparison, Conditions]] = []
    for values in product((False, True), repeat=len(free)):
        facts = tuple(sorted({**shared, **dict(zip(free, values, strict=True))}.items()))
        results.append((_compare(new.timescale, old.timescale, calendar, facts), facts))
    relations = {result.relation for result, _ in results} - {"equivalent"}
    relation = (
        "equivalent"
        if not relations
        else relations.pop()
        if len(relations) == 1
        else "incomparable"
    )
    new_reading, old_reading = format_timescale(new.timescale), format_timescale(old.timescale)
    labels = (new_reading, old_reading) if new_reading != old_reading else ("the new", "the old")
    noun = _start_noun(new.timescale, old.timescale)
    witnesses: list[ChangeWitness] = []
    shown: set[str] = set()
    for result, facts in results:
        if result.relation == "equivalent" or result.relation in shown:
            continue
        shown.add(result.relation)
        witnesses.extend(
            ChangeWitness(
                w.start, w.k, w.a_date, w.b_date, facts, w.describe(*labels, noun) + _facts(facts)
            )
            for w in result.witnesses
        )
    return TimescaleChange(
        relation,
        old_reading,
        new_reading,
        old.timescale.to_json(),
        new.timescale.to_json(),
        tuple(witnesses),
    )


@lru_cache(maxsize=4096)
def _compare(new: Timescale, old: Timescale, calendar: Calendar, facts: Conditions) -> Comparison:
    return compare(new, old, calendar, dict(facts))


def _start_noun(new: Timescale, old: Timescale) -> str:
    """ "the start of the plan on" when both count from the same event, else "a case starting"."""
    if new.event != old.event:
        return "a case starting"
    term = vocabulary().events.get(new.event)
    return f"{term.phrases[0]} on" if term is not None and term.phrases else "a case starting"


def _facts(facts: Conditions) -> str:
    if not facts:
        return ""
    titles = vocabulary().conditions
    said = [
        f"{titles[name].title.lower() if name in titles else name}: {'yes' if value else 'no'}"
        for name, value in facts
    ]
    return f" ({'; '.join(said)})"


def _aspects(before: Located, now: Located) -> tuple[AspectChange, ...]:
    (old_statement, old), (new_statement, new) = before, now
    found: list[AspectChange] = []
    if old.strength != new.strength:
        stricter = new.strength == "must"
        found.append(
            AspectChange(
                "strength",
                old.strength,
                new.strength,
                "now a minimum standard (must), no longer an expectation (should)"
                if stricter
                else "now an expectation (should), no longer a minimum standard (must)",
                "stricter" if stricter else "looser",
            )
        )
    for aspect, old_value, new_value, words in (
        ("subject", _subject(old.subject), _subject(new.subject), "now about"),
        ("activity", _activity(old.activity), _activity(new.activity), "now times"),
        (
            "conditions",
            _conditions(old.conditions),
            _conditions(new.conditions),
            "now applies",
        ),
        ("statement", old_statement.id, new_statement.id, "now reads statement"),
        ("overrides", _overrides(old), _overrides(new), "now overrides"),
    ):
        if old_value != new_value:
            found.append(
                AspectChange(aspect, old_value, new_value, f"{words} {new_value}; was {old_value}")
            )
    for aspect, old_text, new_text in (
        ("words", old.words, new.words),
        ("interpretation", old.interpretation, new.interpretation),
        ("citation", old.citation, new.citation),
    ):
        if old_text != new_text:
            found.append(
                AspectChange(
                    aspect,
                    old_text,
                    new_text,
                    f"the {aspect} changed",
                    rewording=reword(old_text, new_text),
                )
            )
    return tuple(found)


def _subject(subject: Subject) -> str:
    return subject_words(subject, in_sentence=True)


def _activity(activity: str) -> str:
    return in_a_sentence(activity_title(activity))


def _conditions(conditions: Conditions) -> str:
    """A rule's conditions as every output says them; "always" where it has none."""
    return conditions_words(conditions) or "always"


def _overrides(rule: Rule) -> str:
    return ", ".join(sorted(o.rule for o in rule.overrides)) or "nothing"


def summarise(statement: Statement, rule: Rule) -> RuleSummary:
    """What a rule says, in words and canonical form."""
    return RuleSummary(
        id=rule.id,
        statement=statement.id,
        subject=_subject(rule.subject),
        activity=_activity(rule.activity),
        strength=rule.strength,
        reading=format_timescale(rule.timescale),
        conditions=_conditions(rule.conditions),
        words=rule.words,
        subject_json=rule.subject.to_json(),
        canonical=rule.timescale.to_json(),
    )
