"""Checks that the words and the rules of a statement agree.

The words are the authority's; the rules are our reading of them. When
someone edits one without the other, these checks notice: a rule quoting
words that are not in the text, timescale words that no rule reads, a rule
whose timescale says something its words do not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from compiler.errors import Finding, error, warning
from compiler.model import Corpus, Statement, Version
from compiler.timescale.format import format_timescale
from compiler.timescale.phrases import Phrase, find_phrases, timescale_readings


def _statements(corpus: Corpus) -> Iterator[tuple[Version, Statement]]:
    for authority in corpus.authorities:
        for document in authority.documents:
            for version in document.versions:
                for statement in version.statements():
                    yield version, statement


def rule_words_are_quoted(corpus: Corpus, today: date) -> Iterable[Finding]:
    """Every rule's ``words`` (and every not_rules entry) appear in its statement's text.

    A rule cites the words it reads; if they are not in the text, the text was
    edited without the rule, or the rule quotes the wrong statement.
    """
    for _, statement in _statements(corpus):
        text = _normalise(statement.text)
        for rule in statement.rules_in_force():
            if _normalise(rule.words) not in text:
                yield error(
                    "rule-words-not-in-text",
                    f"rule '{rule.id}' quotes words that are not in its statement: '{rule.words}'",
                    rule.location,
                    "quote the words exactly as the statement's text has them, or move the "
                    "rule to the statement it reads",
                )
        for item in statement.not_rules:
            if _normalise(item.words) not in text:
                yield error(
                    "not-rule-words-not-in-text",
                    f"not_rules quotes words that are not in the statement: '{item.words}'",
                    item.location,
                    "quote the words exactly as the statement's text has them",
                )


def timescale_words_are_encoded(corpus: Corpus, today: date) -> Iterable[Finding]:
    """Every timescale phrase in a statement is read by a rule or listed in not_rules."""
    for _, statement in _statements(corpus):
        text = _normalise(statement.text)
        spans = [
            _span(text, _normalise(words))
            for words in [
                *(r.words for r in statement.rules_in_force()),
                *(n.words for n in statement.not_rules),
                *statement.unread_rule_words,
            ]
        ]
        for phrase in find_phrases(text):
            if not any(
                s is not None and s[0] <= phrase.start and phrase.end <= s[1] for s in spans
            ):
                yield warning(
                    "timescale-words-not-encoded",
                    f"the words '{phrase.words}' in statement '{statement.id}' look like a "
                    "timescale, but no rule reads them",
                    statement.location,
                    "add a rule whose words include them, or list them under not_rules with "
                    "the reason they are not a timescale",
                )


def rules_say_what_their_words_say(corpus: Corpus, today: date) -> Iterable[Finding]:
    """Each rule's timescale states the amounts of time its words state, and no others."""
    for _, statement in _statements(corpus):
        for rule in statement.rules_in_force():
            phrases = find_phrases(rule.words)
            stated = timescale_readings(rule.timescale)
            unread = [p for p in phrases if not (p.readings & stated)]
            said = set().union(*(p.readings for p in phrases)) if phrases else set()
            unsaid = stated - said
            if unread or unsaid:
                yield error(
                    "rule-disagrees-with-words",
                    f"rule '{rule.id}' reads '{format_timescale(rule.timescale)}' but its words "
                    f"say '{rule.words}'{_detail(unread, unsaid)}",
                    rule.timescale_location or rule.location,
                    "make the timescale say what the words say (working days are not days; "
                    "a month is not four weeks), or correct the words the rule quotes",
                )


def _detail(unread: list[Phrase], unsaid: set[tuple[str, int]]) -> str:
    parts = []
    if unread:
        parts.append("the rule does not read " + ", ".join(f"'{p.words}'" for p in unread))
    if unsaid:
        parts.append(
            "the words do not state " + ", ".join(f"{n} {unit}" for unit, n in sorted(unsaid))
        )
    return ": " + "; ".join(parts)


def _span(text: str, words: str) -> tuple[int, int] | None:
    start = text.find(words)
    return None if start < 0 else (start, start + len(words))


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()
