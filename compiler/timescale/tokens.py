"""Split a timescale's readable shorthand into words, numbers and marks, each with its column.

Authors paste timescales from Word documents and PDFs, so the tokenizer is forgiving about
layout: any run of spaces, line breaks and hyphens separates words ("4-weekly" reads as
"4 weekly", "the 4-month review" as "the 4 month review"), curly apostrophes read as straight
ones, and digits glued to a unit split off ("48hrs" reads as "48 hrs"). It never fails: a
character it does not know becomes a ``junk`` token, which the parser reports with its column.

>>> [token.value for token in tokenize("Within 48hrs of the Visit.")]
['within', '48', 'hrs', 'of', 'the', 'visit', '.', '']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
      (?P<number>[0-9]+)
    | (?P<word>[^\W\d_]\w*(?:['’]\w+)*['’]?)
    | (?P<mark>[,;.()])
    | (?P<space>[\s\-‐‑–—]+)
    | (?P<junk>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    """One word, number or mark of the shorthand, with where it was written.

    ``value`` is what the grammar compares (lower case, straight apostrophes, no trailing
    apostrophe: "Days’" reads as "days"); ``text`` is what the author wrote, for messages.
    ``kind`` is ``word``, ``number``, ``mark``, ``junk`` or ``end`` (one ``end`` token closes
    every token list).
    """

    kind: str
    text: str
    value: str
    start: int
    end: int

    @property
    def column(self) -> int:
        """The 1-based column, as editors count."""
        return self.start + 1


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, always ending with an ``end`` token."""
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "junk"
        if kind == "space":
            continue
        written = match.group()
        value = written.lower().replace("’", "'").rstrip("'") if kind == "word" else written
        tokens.append(Token(kind, written, value, match.start(), match.end()))
    tokens.append(Token("end", "", "", len(text), len(text)))
    return tokens


def words_of(phrase: str) -> tuple[str, ...]:
    """The values a phrase's tokens must have to match it ("the 4-month review" -> 4 words)."""
    return tuple(token.value for token in tokenize(phrase) if token.kind != "end")
