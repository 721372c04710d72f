"""Which vocabulary term the words name, scored on the terms' own titles.

The activities vocabulary grows with every authority encoded ("family action
plan circulation", "adoption profile"); a fixed list of patterns would not.
So an activity is chosen by how many of the words of its title (and id) the
clause uses, compared by their first five letters so that "circulate" meets
"circulation" and "recorded" meets "recording". Ties go to the term listed
first in the vocabulary, where the common activities are.

>>> best_activity("I circulate the Family Action Plan within 10 working days")
'family_action_plan_circulation'
>>> best_activity("Records of supervision are to be added to the system")
'supervision_recording'
"""

from __future__ import annotations

import re
from functools import cache

from compiler.vocabulary import vocabulary

_IGNORED = frozenset(
    re.findall(
        r"\S+",
        "a an the of to in on for and or with by during after before from child children "
        "their his her its is are be",
    )
)
SYNONYMS = {"minut": "minut", "notes": "minut", "recor": "recor", "write": "recor"}


def stems(text: str) -> set[str]:
    """The words of ``text`` as comparable stems (first five letters), common words left out."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("&", " and "))
    found = {w[:5] for w in words if w not in _IGNORED}
    return {SYNONYMS.get(s, s) for s in found}


@cache
def _activities() -> tuple[tuple[str, frozenset[str]], ...]:
    terms = vocabulary().activities
    return tuple(
        (term_id, frozenset(stems(f"{term.title} {term_id.replace('_', ' ')}")))
        for term_id, term in terms.items()
    )


def best_activity(clause: str, preferred: str | None = None) -> str | None:
    """The activity whose title the clause says most fully (over half its words), or None.

    Between equally good terms, ``preferred`` wins if it is one of them.
    """
    found = scored_activity(clause, preferred)
    return found[0] if found else None


def scored_activity(
    clause: str, preferred: str | None = None, nearest_end: bool = False
) -> tuple[str, float] | None:
    """:func:`best_activity` with the share of the term's title words the clause says.

    With ``nearest_end`` (the clause ends where its timescale begins), of equally
    good terms the one named last is nearest the timescale and wins: "if a strategy
    discussion is required the referral is progressed ... within 4 hours" times the
    referral's progress.
    """
    said = stems(clause)
    scored = []
    for term_id, words in _activities():
        matched = len(words & said)
        if words and matched / len(words) > 0.5:
            scored.append(((matched / len(words), matched), term_id))
    if not scored:
        return None
    best = max(score for score, _ in scored)
    tied = [term_id for score, term_id in scored if score == best]
    if nearest_end and len(tied) > 1:
        order = _stem_positions(clause)
        named_at = {
            term_id: min(order[s] for s in dict(_activities())[term_id] if s in order)
            for term_id in tied
        }
        nearest = max(named_at.values())
        tied = [term_id for term_id in tied if named_at[term_id] == nearest]
    return (preferred if preferred in tied else tied[0]), best[0]


def _stem_positions(clause: str) -> dict[str, int]:
    """Where each stem of ``clause`` is first said, counted in words."""
    positions: dict[str, int] = {}
    for at, word in enumerate(re.findall(r"[a-z0-9]+", clause.lower().replace("&", " and "))):
        if word not in _IGNORED:
            positions.setdefault(SYNONYMS.get(word[:5], word[:5]), at)
    return positions
