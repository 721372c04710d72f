"""Whom a rule is about and under which facts, in words: one wording for every output.

The guidance site, the diff between versions, the checks' messages and the written timescale
all describe a rule's subject and conditions. They used to do it four ways ("where manager
approved; unless child agrees to fewer visits" on the site, "where not child agrees to fewer
visits, and where manager approved" in the diff), so a reader comparing two outputs could not
tell whether they meant the same rule. Every output now asks here.

Conditions are said with each fact's first vocabulary phrase (the way the documents say it,
and the words the timescale reader reads back), "unless" repeated for every fact that must not
hold:

>>> from compiler.model import Subject
>>> conditions_words((("manager_approved", True), ("iro_agreed", True), ("child_agrees", False)))
'where approved by the manager and agreed by the IRO and unless the child agrees'
>>> subject_words(Subject("child_in_care", (("placement_type", ("residential",)),)))
"Child in care (looked after) (placement type: residential (children's home))"
>>> subject_words(Subject("child_in_care", ()), in_sentence=True)
'child in care (looked after)'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from compiler.vocabulary import Term, Vocabulary, vocabulary

if TYPE_CHECKING:  # the model imports nothing from here; only its shapes are named
    from compiler.model import Subject


def in_a_sentence(title: str) -> str:
    """A title lower-cased to sit inside a sentence, keeping abbreviations as written.

    >>> in_a_sentence("Agreed by the IRO")
    'agreed by the IRO'
    """
    return " ".join(
        word if sum(c.isupper() for c in word) > 1 else word.lower() for word in title.split(" ")
    )


def group_title(group: str, words: Vocabulary | None = None) -> str:
    """A group of children by its title ("Child in care (looked after)"), or its id if unknown."""
    term = (words or vocabulary()).groups.get(group)
    return term.title if term else group


def activity_title(activity: str, words: Vocabulary | None = None) -> str:
    """An activity by its title ("Statutory visit"), or its id if unknown."""
    term = (words or vocabulary()).activities.get(activity)
    return term.title if term else activity


def subject_title(subject: Subject, words: Vocabulary | None = None) -> str:
    """The group a rule is about, by its title: an authority's own group by its own title."""
    return subject.title or group_title(subject.group, words)


def subject_words(subject: Subject, *, in_sentence: bool = False) -> str:
    """The children a rule is about: the group, then its qualifiers in brackets.

    An authority's own group or qualifier value is named by its own title. ``in_sentence``
    lower-cases the group's title (keeping abbreviations) for text that goes on after other
    words ("now about child in care ...").
    """
    words = vocabulary()
    own = {(q, value): title for q, value, _, title in subject.own_values}  # local: its title
    parts = []
    for name, values in subject.qualifiers:
        qualifier = words.qualifiers.get(name)
        if qualifier is None:
            parts.append(f"{name}: {' or '.join(values)}")
            continue
        titles = [
            qualifier.values[v].title if v in qualifier.values else own.get((name, v), v)
            for v in values
        ]
        parts.append(f"{in_a_sentence(qualifier.title)}: {' or '.join(map(in_a_sentence, titles))}")
    title = subject_title(subject, words)
    if in_sentence:
        title = in_a_sentence(title)
    if subject.narrows is not None:  # an authority's own group: say which national one
        parts.insert(0, f"part of {group_title(subject.narrows, words).lower()}")
    return f"{title} ({'; '.join(parts)})" if parts else title


def conditions_words(
    conditions: Iterable[tuple[str, bool]], words: Vocabulary | None = None
) -> str:
    """``where A and B and unless C``, or empty when the rule has no conditions.

    "unless" is repeated for each fact that must not hold: "unless C and D" would be unclear.
    """
    terms = (words or vocabulary()).conditions
    text = []
    previous: bool | None = None
    for fact, holds in conditions:
        keyword = "where" if holds else "unless"
        if previous is not None:
            keyword = "and" if previous and holds else f"and {keyword}"
        text.append(f"{keyword} {first_phrase(terms, fact)}")
        previous = holds
    return " ".join(text)


def who_words(subject: Subject, conditions: Iterable[tuple[str, bool]]) -> str:
    """The children a rule is about, with its conditions: ``Child in care, where ...``."""
    said = conditions_words(conditions)
    return f"{subject_words(subject)}, {said}" if said else subject_words(subject)


def first_phrase(terms: Mapping[str, Term], term: str) -> str:
    """A vocabulary term (an event, a condition) as written: its first phrase, else its id."""
    known = terms.get(term)
    return known.phrases[0] if known is not None and known.phrases else term
