"""What to tell an author who wrote a vocabulary term that does not exist.

The same words in ``check``, ``due`` and ``audit``: the closest terms (a "did you mean" when one
is close, else the nearest few, so a guess far off still shows what terms look like), and where
the full list is. The full list is a command, ``standards vocabulary``, because it works for
every user; a folder such as ``schema/vocabulary/`` exists only in this project's repository.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

KIND_NOUNS = {
    "groups": "group",
    "qualifiers": "qualifier",
    "activities": "activity",
    "events": "event",
    "conditions": "condition",
    "calendars": "calendar",
}


def closest(word: str, choices: Iterable[str], most: int = 3) -> tuple[list[str], bool]:
    """The terms nearest ``word``, and whether they are close enough to be a likely typo.

    >>> closest("statutory_vist", ["statutory_visit", "supervision", "case_recording"])
    (['statutory_visit'], True)
    >>> closest("home_call", ["statutory_visit", "supervision", "case_recording"], most=2)
    (['case_recording', 'statutory_visit'], False)
    """
    options = sorted({str(c) for c in choices})
    close = difflib.get_close_matches(str(word), options, n=most, cutoff=0.6)
    if close:
        return close, True
    lowered = str(word).lower()

    def likeness(option: str) -> float:
        return difflib.SequenceMatcher(None, lowered, option.lower()).ratio()

    return sorted(options, key=lambda o: (-likeness(o), o))[:most], False


def unknown_term_hint(word: str, choices: Iterable[str], kind: str, *more_kinds: str) -> str:
    """The hint for an unknown term of vocabulary ``kind`` (``activities``, ``qualifiers``...);
    ``more_kinds`` when ``choices`` mix vocabularies (a case table's events and activities).

    >>> unknown_term_hint("statutory_vist", ["statutory_visit", "supervision"], "activities")
    "did you mean 'statutory_visit'? (standards vocabulary activities lists them all)"
    """
    terms, near = closest(word, choices)
    commands = [f"standards vocabulary {k}" for k in (kind, *more_kinds)]
    full = " and ".join(commands) + (" list" if more_kinds else " lists") + " them all"
    if not terms:
        return full
    if near:
        return f"did you mean {_spoken(terms, 'or')}? ({full})"
    noun = KIND_NOUNS.get(kind, "term")
    return f"no {noun} is close; the nearest are {_spoken(terms, 'and')} ({full})"


def _spoken(terms: list[str], conjunction: str) -> str:
    quoted = [repr(t) for t in terms]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + f" {conjunction} " + quoted[-1]
