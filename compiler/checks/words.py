"""Checks that the words and the rules of a statement agree."""

from __future__ import annotations

from collections.abc import Iterable

from compiler.errors import Finding, error
from compiler.model import Corpus


def rule_words_are_quoted(corpus: Corpus) -> Iterable[Finding]:
    """Every rule's ``words`` (and every not_rules entry) appear in its statement's text.

    A rule cites the words it reads; if they are not in the text, the text was
    edited without the rule, or the rule quotes the wrong statement.
    """
    for authority in corpus.authorities:
        for document in authority.documents:
            for version in document.versions:
                for statement in version.statements():
                    text = _normalise(statement.text)
                    for rule in statement.rules:
                        if _normalise(rule.words) not in text:
                            yield error(
                                "rule-words-not-in-text",
                                f"rule '{rule.id}' quotes words that are not in its statement: "
                                f"'{rule.words}'",
                                rule.location,
                                "quote the words exactly as the statement's text has them, or "
                                "move the rule to the statement it reads",
                            )
                    for item in statement.not_rules:
                        if _normalise(item.words) not in text:
                            yield error(
                                "not-rule-words-not-in-text",
                                f"not_rules quotes words that are not in the statement: "
                                f"'{item.words}'",
                                item.location,
                                "quote the words exactly as the statement's text has them",
                            )


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()
