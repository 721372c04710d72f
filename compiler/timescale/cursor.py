"""A cursor over the tokens of a timescale, and the errors that point at a column.

The grammar (:mod:`compiler.timescale.parse`) reads through a :class:`Cursor`: it asks
whether the next words are some phrase (``at``), takes them (``accept``), and when it cannot go
on it calls ``fail``, which names the word it could not read, its 1-based column, and what was
expected or the closest word the grammar knows ("did you mean 'fortnightly'?").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import NoReturn, TypeVar

from compiler.timescale.examples import forms_hint
from compiler.timescale.lexicon import KNOWN_WORDS, PhraseIndex
from compiler.timescale.model import TimescaleError
from compiler.timescale.tokens import Token, tokenize

STOP_WORDS = frozenset(
    ("then", "and", "where", "unless", "if", "until", "for", "from", "never", "thereafter")
)
"""Words that end the quoted phrase when an event or condition is not in the vocabulary."""

_LONGEST_QUOTE = 60

_LOOKAHEAD = 16

_HINTED_WORDS = [word for word in KNOWN_WORDS if len(word) > 3]
"""Words worth suggesting: short ones ("the", "of") are close to too much ("they", "off")."""

V = TypeVar("V")


class Cursor:
    """The text, its tokens and the position of the next token to read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.values = [token.value for token in self.tokens] + [""] * _LOOKAHEAD
        """Token values, padded past the end so that looking ahead never runs off the list."""
        self.pos = 0

    @property
    def token(self) -> Token:
        """The next token (the ``end`` token once everything is read)."""
        return self.tokens[self.pos]

    def peek(self, ahead: int = 1) -> Token:
        """The token ``ahead`` places after the next one."""
        return self.tokens[min(self.pos + ahead, len(self.tokens) - 1)]

    @property
    def previous_end(self) -> int:
        """Where the last token read ends in the text."""
        return self.tokens[self.pos - 1].end if self.pos else 0

    def at(self, *words: str) -> bool:
        """Whether the next tokens are exactly ``words``."""
        return tuple(self.values[self.pos : self.pos + len(words)]) == words

    def at_one_of(self, *words: str) -> bool:
        """Whether the next token is one of ``words``."""
        return self.token.value in words

    def accept(self, *words: str) -> bool:
        """Read ``words`` if they come next."""
        if self.at(*words):
            self.pos += len(words)
            return True
        return False

    def accept_entry(self, table: Sequence[tuple[tuple[str, ...], V]]) -> tuple[bool, V | None]:
        """Read the first entry of ``table`` (longest first) whose words come next.

        Returns whether one was read, and its value.
        """
        for words, value in table:
            if self.accept(*words):
                return True, value
        return False, None

    def expect(self, *words: str) -> None:
        """Read ``words`` or fail saying they were expected."""
        if not self.accept(*words):
            self.fail(repr(" ".join(words)))

    def match(self, index: PhraseIndex, kind: str) -> tuple[str, Token]:
        """Read the longest vocabulary phrase of ``index``; fail naming ``kind`` if none fits."""
        token = self.token
        found = index.match(self.values, self.pos)
        if found is None:
            self.fail_unknown(index, kind)
        term, length = found
        self.pos += length
        return term, token

    def fail(self, expected: str, token: Token | None = None) -> NoReturn:
        """Stop at ``token`` (default: the next one), quoting it, with a hint or what to write."""
        token = token or self.token
        if token.kind == "end":
            message = f"the timescale ends too early at column {token.column}: expected {expected}"
        else:
            misspelt = token.kind == "word" and token.value not in KNOWN_WORDS
            hint = _typo_hint(token.value) if misspelt else ""
            message = f"could not read {quote(token.text)} at column {token.column}"
            message += f"; {hint}" if hint else f": expected {expected}"
            # a word the grammar does not know, with no near miss and no example of its own
            if misspelt and not hint and token.value.isalpha() and "'" not in expected:
                message += f"; {forms_hint(self.text)}"
        raise TimescaleError(message, column=token.column)

    def fail_unknown(self, index: PhraseIndex, kind: str) -> NoReturn:
        """Stop at words that should name an event or condition but name none."""
        first = self.pos
        last = first
        while (
            self.tokens[last].kind in ("word", "number")
            and self.values[last] not in STOP_WORDS
            and last - first < 8
        ):
            last += 1
        if last == first:
            self.fail(f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}")
        start = self.tokens[first]
        words = self.text[start.start : self.tokens[last - 1].end]
        hint = _hint(" ".join(self.values[first:last]), index.phrases, most=3, sharing=True)
        message = f"could not read {quote(words)} at column {start.column}: "
        message += f"it names no {kind} in the vocabulary"
        if not hint:  # nothing close: show whole timescales that read instead
            hint = forms_hint(self.text)
        message += f"; {hint} (standards vocabulary {kind}s lists them all)"
        raise TimescaleError(message, column=start.column)

    def fail_at(self, token: Token, message: str) -> NoReturn:
        """Stop at ``token`` with a message of the grammar's own."""
        raise TimescaleError(message, column=token.column)


def quote(words: str) -> str:
    """``words`` in quotes for a message, shortened if very long."""
    if len(words) > _LONGEST_QUOTE:
        words = words[: _LONGEST_QUOTE - 3] + "..."
    return repr(words)


def _typo_hint(word: str) -> str:
    """ "did you mean 'working'?" for a likely misspelling of a word the grammar reads.

    Only for words of four letters or more, and a suggestion of about the same length: "or" is
    not a misspelt "more", nor "whenever" a misspelt "never".
    """
    if len(word) < 4:
        return ""
    similar = [w for w in _HINTED_WORDS if abs(len(w) - len(word)) <= 2]
    return _hint(word, similar, most=1)


def _shares_a_word(written: str, phrase: str) -> bool:
    """Whether a content word of ``written`` is (nearly) a word of ``phrase``: "the visitt" and
    "the visit" do; "the end of the next working day" and "the start of the reporting period"
    share only "the" and "of", so one is no likely misspelling of the other."""
    ours = [w for w in written.split() if w not in _LINKING_WORDS]
    theirs = [w for w in phrase.lower().split() if w not in _LINKING_WORDS]
    return any(difflib.SequenceMatcher(None, a, b).ratio() >= 0.8 for a in ours for b in theirs)


_LINKING_WORDS = frozenset(("the", "a", "an", "of", "to", "by", "in", "on", "at", "is", "being"))


def _hint(words: str, choices: Iterable[str], most: int, sharing: bool = False) -> str:
    """ "did you mean 'the ICPC'?": the closest choices, as the vocabulary writes them.

    With ``sharing``, a choice must also share a content word with ``words``.
    """
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(words.lower(), list(by_lower), n=most, cutoff=0.6)
    if sharing:
        close = [c for c in close if _shares_a_word(words.lower(), c)]
    if not close:
        return ""
    return "did you mean " + " or ".join(repr(by_lower[choice]) for choice in close) + "?"
