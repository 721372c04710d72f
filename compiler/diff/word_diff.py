"""Word-level differences between two texts, with :mod:`difflib`.

A word is a run of characters between spaces, punctuation included, as
``git diff --word-diff`` counts them: "manager." and "Manager" are two
different words. That keeps every marked change a whole word, which both
reads well and renders safely as Markdown (``~~manager.~~ **Manager**``).
The spaces are kept as runs of their own, so the old and new texts can be
rebuilt exactly from the segments.
"""

from __future__ import annotations

import difflib
import re

from compiler.diff.model import Rewording, Segment

_TOKENS = re.compile(r"\s+|\S+")
_NOT_A_LETTER = re.compile(r"[^\w\s]|_")


def reword(old: str, new: str) -> Rewording:
    """How ``old`` became ``new``, word by word.

    >>> r = reword("agreed by my manager.", "agreed by my Manager")
    >>> [(s.op, s.old, s.new) for s in r.segments]
    [('equal', 'agreed by my ', 'agreed by my '), ('replace', 'manager.', 'Manager')]
    >>> r.minor
    True
    >>> reword("visit fortnightly", "visit every 15 working days").minor
    False
    """
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs = [
        (tag, "".join(a[i1:i2]), "".join(b[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    return Rewording(tuple(_merged(runs)), minor=only_capitals_and_punctuation(old, new))


def only_capitals_and_punctuation(old: str, new: str) -> bool:
    """True if the texts have the same words once capitals, punctuation and spacing are ignored.

    >>> only_capitals_and_punctuation("the foster carers annual review,", "the Foster Carer’s annual review;")
    True
    """  # noqa: E501
    return _bare(old) == _bare(new)


def _bare(text: str) -> list[str]:
    return _NOT_A_LETTER.sub("", text).lower().split()


def _merged(runs: list[tuple[str, str, str]]) -> list[Segment]:
    """Join changes separated only by spaces into one, so "a b" for "c d" reads as one change."""
    segments: list[Segment] = []
    for tag, old, new in runs:
        previous = segments[-1] if segments else None
        if (
            previous is not None
            and len(segments) >= 2
            and tag != "equal"
            and previous.op == "equal"
            and not previous.old.strip()
            and segments[-2].op != "equal"
        ):
            changed = segments[-2]
            segments[-2:] = [
                _segment(changed.old + previous.old + old, changed.new + previous.new + new)
            ]
        elif previous is not None and tag != "equal" and previous.op != "equal":
            segments[-1] = _segment(previous.old + old, previous.new + new)
        else:
            segments.append(Segment(tag, old, new) if tag == "equal" else _segment(old, new))
    return segments


def _segment(old: str, new: str) -> Segment:
    if not old:
        return Segment("insert", "", new)
    if not new:
        return Segment("delete", old, "")
    return Segment("replace", old, new)


def marked(text: str, opening: str, closing: str) -> str:
    """Wrap ``text`` in markers, leaving its leading and trailing spaces outside them.

    >>> marked(" Manager. ", "**", "**")
    ' **Manager.** '
    """
    core = text.strip()
    if not core:
        return text
    start = text.index(core)
    return f"{text[:start]}{opening}{core}{closing}{text[start + len(core) :]}"
