"""The words of the timescale shorthand: units, numbers, frequencies and vocabulary phrases.

Kept apart from the parser so that the grammar's vocabulary can be read (and tested) in one
place, and so that the formatter and the parser agree on the same words.

>>> PhraseIndex.of({"visit": ("the visit",)}).match(["within", "the", "visit"], 1)
('visit', 2)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from compiler.timescale.model import TimescaleError
from compiler.timescale.tokens import words_of
from compiler.vocabulary import Term, Vocabulary

UNIT_WORDS: dict[tuple[str, ...], str] = {
    **{("working", word): "working_hours" for word in ("hour", "hours", "hr", "hrs")},
    **{("working", word): "working_days" for word in ("day", "days")},
    **{("calendar", word): "days" for word in ("day", "days")},
    **{("calendar", word): "months" for word in ("month", "months")},
    **{(word,): "hours" for word in ("hour", "hours", "hr", "hrs")},
    **{(word,): "days" for word in ("day", "days")},
    **{(word,): "weeks" for word in ("week", "weeks")},
    **{(word,): "months" for word in ("month", "months")},
    **{(word,): "years" for word in ("year", "years")},
}
"""Unit of time by its words; "months" alone is calendar months once a number is given."""

NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        (  # noqa: SIM905 (a sentence of words reads better than a column of them)
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen twenty"
        ).split(),
        start=1,
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}

LARGEST_NUMBER = 1_000_000
"""Amounts above this are refused as typing slips (and keep ``int()`` away from huge digit runs)."""

ADVERBS: dict[str, tuple[int, str] | None] = {
    "daily": (1, "days"),
    "weekly": (1, "weeks"),
    "fortnightly": (2, "weeks"),
    "monthly": None,  # a calendar month or 4 weeks: the author must say which
    "quarterly": (3, "months"),
    "annually": (1, "years"),
    "yearly": (1, "years"),
}

PERIODS: dict[tuple[str, ...], str | None] = {
    ("calendar", "week"): "week",
    ("week",): "week",
    ("calendar", "month"): "calendar_month",
    ("month",): None,  # a calendar month or 4 weeks: the author must say which
    ("calendar", "year"): "year",
    ("year",): "year",
}
"""Count periods by their words (singular: "twice a calendar month")."""

LEADS: dict[tuple[str, ...], bool] = {
    ("at", "least"): False,
    ("as", "a", "minimum"): False,
    ("no", "less", "than"): False,
    ("not", "less", "than"): False,
    ("no", "less", "often", "than"): False,
    ("not", "less", "often", "than"): False,
    ("a", "maximum"): False,
    ("at", "a", "maximum", "period", "of"): False,
    ("maximum",): False,
    ("at", "a", "minimum"): False,
    ("at", "no", "more", "than"): True,
    ("at", "intervals", "not", "exceeding"): True,
    ("intervals", "not", "exceeding"): True,
    ("at", "a", "minimum", "of"): True,
    ("a", "minimum", "of"): True,
    ("minimum", "of"): True,
    ("minimum",): True,
    ("at", "intervals", "of", "not", "more", "than"): True,
    ("at", "intervals", "of", "no", "more", "than"): True,
    ("at", "intervals", "of"): True,
    ("at", "intervals", "of", ",", "no", "more", "than"): True,
    ("intervals", "of", "not", "more", "than"): True,
    ("intervals", "of", "no", "more", "than"): True,
    ("of", "intervals", "not", "more", "than"): True,  # a slip for "at intervals", published
    ("of", "intervals", "no", "more", "than"): True,
    ("with", "a", "minimum", "of"): True,
    ("not", "more", "than"): True,
    ("no", "more", "than"): True,
    ("a", "maximum", "of"): True,
    ("maximum", "of"): True,
}
"""Words that may open a timescale or phase; True if a bare duration after them is an interval.

"a minimum of 6 weeks" and "at intervals of not more than 6 weeks" are intervals; "at least
6 weeks" on its own could be an interval or an earliest date, so it is not read.
"""

KEYWORDS = (  # noqa: SIM905 (a sentence of words reads better than a column of them)
    "within in of from after following before prior to by once twice times a an per each every "
    "at least minimum maximum as no not less more than intervals then thereafter and for the first "
    "until where unless if never further apart be notice on basis calendar working during "
    "subsequently"
).split()

KNOWN_WORDS = tuple(
    sorted(
        set(KEYWORDS)
        | {word for words in UNIT_WORDS for word in words}
        | set(NUMBER_WORDS)
        | set(ADVERBS)
    )
)
"""Every word the grammar itself reads, for "did you mean" hints."""


@dataclass(frozen=True)
class PhraseIndex:
    """Vocabulary terms by the token words of their phrases, matched longest first."""

    by_first_word: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    phrases: tuple[str, ...]
    """Every phrase and id as written in the vocabulary, for "did you mean" hints."""

    @classmethod
    def of(cls, terms: Mapping[str, Sequence[str]]) -> PhraseIndex:
        """Index ``{term id: phrases}``; the id itself is a phrase too ("plan_start")."""
        owner: dict[tuple[str, ...], str] = {}
        written: dict[str, None] = {}
        for term, phrases in terms.items():
            for phrase in (*phrases, term):
                words = words_of(phrase)
                written[phrase] = None
                if words and owner.setdefault(words, term) != term:
                    raise TimescaleError(
                        f"the phrase {phrase!r} names both {owner[words]!r} and {term!r}; "
                        "give each term its own phrases"
                    )
        grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, term in owner.items():
            grouped.setdefault(words[0], []).append((words, term))
        by_first_word = {
            first: tuple(sorted(entries, key=lambda entry: -len(entry[0])))
            for first, entries in grouped.items()
        }
        return cls(by_first_word, tuple(written))

    def match(self, values: Sequence[str], start: int) -> tuple[str, int] | None:
        """The term whose phrase starts at ``values[start]`` and how many words it takes."""
        if start >= len(values):
            return None
        for words, term in self.by_first_word.get(values[start], ()):
            if tuple(values[start : start + len(words)]) == words:
                return term, len(words)
        return None


@dataclass(frozen=True)
class Lexicon:
    """The events and conditions a timescale may name, indexed for the parser."""

    events: PhraseIndex
    conditions: PhraseIndex
    derived: Mapping[tuple[str, frozenset[str]], str]
    """Events that are the later or earlier of two others: ``("later", {a, b})`` -> event."""


_LEXICONS: dict[int, tuple[Vocabulary, Lexicon]] = {}


def lexicon(vocabulary: Vocabulary) -> Lexicon:
    """The (cached) lexicon of a vocabulary."""
    cached = _LEXICONS.get(id(vocabulary))
    if cached is None or cached[0] is not vocabulary:
        built = Lexicon(
            events=PhraseIndex.of(_phrases(vocabulary.events)),
            conditions=PhraseIndex.of(_phrases(vocabulary.conditions)),
            derived=MappingProxyType(_derived(vocabulary.events)),
        )
        cached = _LEXICONS[id(vocabulary)] = (vocabulary, built)
    return cached[1]


def _phrases(terms: Mapping[str, Term]) -> dict[str, tuple[str, ...]]:
    return {key: term.phrases for key, term in terms.items()}


def _derived(terms: Mapping[str, Term]) -> dict[tuple[str, frozenset[str]], str]:
    found: dict[tuple[str, frozenset[str]], str] = {}
    for key, term in terms.items():
        for which, events in (("later", term.later_of), ("earlier", term.earlier_of)):
            if events:
                found[(which, frozenset(events))] = key
    return found
