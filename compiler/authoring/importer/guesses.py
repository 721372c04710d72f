"""Who a rule is about, what it times and what it counts from: read from the words, else guessed.

The sentence is read first, then the table row's label and column headings, the
section title and the document title. :mod:`compiler.authoring.importer.propose` marks
whatever did not come from the sentence itself as a guess to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from compiler.authoring.importer.tables import ACTIVITIES, GENERAL_EVENTS, GROUPS
from compiler.authoring.importer.terms import best_activity, scored_activity
from compiler.vocabulary import vocabulary

_I = re.IGNORECASE
_SHOULD = re.compile(r"\bshould\b|\bexpect", _I)
_MUST = re.compile(r"\bmust\b|\bwill\b|\bminimum\b|\bat\s+least\b|\balways\b|\bensure\b", _I)


@lru_cache(maxsize=256)
def named_event(sentence: str) -> str | None:
    """A distinctive event the sentence names ("prior to sentencing", "care order"), if any.

    "Prior to sentencing, children seen once as a minimum": the timescale's words do not
    say sentencing, the sentence does. Still a guess, and marked as one.
    """
    words = " ".join(re.findall(r"[a-z0-9']+", sentence.lower()))
    found = sorted(
        (words.find(phrase), -len(phrase), term)
        for term, phrases in _event_phrases()
        for phrase in phrases
        if term not in GENERAL_EVENTS and re.search(rf"\b{re.escape(phrase)}\b", words)
    )
    return found[0][2] if found else None


@lru_cache(maxsize=1)
def _event_phrases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    terms = vocabulary().events
    return tuple(
        (
            term_id,
            tuple(
                _bare(p)
                for p in term.phrases
                if len(_bare(p).split()) > 1 or _bare(p) in ("sentencing", "notification")
            ),
        )
        for term_id, term in terms.items()
    )


def _bare(phrase: str) -> str:
    """An event phrase as the sentence may write it: lower case, without a leading "the"."""
    words = re.findall(r"[a-z0-9']+", phrase.lower())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def first_match(
    patterns: tuple[tuple[re.Pattern[str], str], ...], words: str
) -> tuple[str, bool] | None:
    """The term whose pattern matches earliest in ``words``, and whether only one term matched."""
    found = sorted(
        (match.start(), order, term)
        for order, (pattern, term) in enumerate(patterns)
        if (match := pattern.search(words))
    )
    if not found:
        return None
    return found[0][2], len({term for _, _, term in found}) == 1


@lru_cache(maxsize=256)
def about(sentence: str, text: str, context: tuple[str, ...]) -> tuple[str, bool, str]:
    """Who a sentence is about (and whether it says so itself), and its strength: once each."""
    group, sure = _group(sentence, text, context)
    strength = "should" if _SHOULD.search(sentence) and not _MUST.search(sentence) else "must"
    return group, sure, strength


def _group(sentence: str, text: str, context: Sequence[str]) -> tuple[str, bool]:
    """The group the words are about, and whether the sentence itself names it."""
    read = [first_match(GROUPS, words) for words in (sentence, text, *context)]
    for depth, match in enumerate(read):
        if match is None:
            continue
        term, only = match
        if term == "referred_child" and depth <= 1:
            # "respond to the referral" names the referral, not always a referred child: a
            # section about another group ("Early help") says whose referral it is
            heading = next((m[0] for m in read[2:] if m and m[0] != "referred_child"), None)
            if heading is not None:
                return heading, False
        return term, depth == 0 or (depth == 1 and only)
    return "all_children", False


def activity_of(
    around: tuple[str, str, str], group: str, context: Sequence[str], sentence: str = ""
) -> tuple[str, bool]:
    """What the clause times, and whether it says so itself (else the headings are read).

    The words before the timescale are read first ("I record visits within 24 hours");
    the words after it ("monthly supervision") when those before name no activity fully.
    A clause that names no activity at all is read with the rest of its ``sentence``
    ("As part of section 47 enquiries I have seen the child within 24 hours and spoken
    to them alone within the first week"), as a guess.
    """
    before, after, whole = around
    label, _, own = before.rpartition(": ")  # "Group: frequency": the frequency's words first
    found = [
        scored_activity(words, _regex_activity(words, group), nearest_end=words is not after)
        for words in ((own, before, after, whole) if label else (before, after, whole))
    ]
    # The nearest words that name a term clearly (over three quarters of its title) win:
    # "I circulate the notes from the CIN meeting within 10 days but the Plan within 5"
    # times the notes, even though the whole clause also names "plan circulation" fully.
    near = next((f for f in found[:-1] if f and f[1] >= 0.75), None)
    nearest = sorted(
        (-match.end(), order, term)
        for order, (pattern, term) in enumerate(ACTIVITIES)
        for match in pattern.finditer(before)
    )
    if nearest and not label and found[0] is None:
        # the words before name an activity plainly ("how often I will visit, which will be
        # no less than monthly"): they are read before a fuller title after the timescale
        return _settle(nearest[0][2], group, before), True
    full = next((f for f in found if f and f[1] == 1.0), None)
    best = near or full or next((f for f in found if f), None)
    if best is not None:
        return best[0], True
    if nearest:
        return _settle(nearest[0][2], group, before), True
    following = first_match(ACTIVITIES, after)
    if following is not None:
        return _settle(following[0], group, after), True
    in_sentence = scored_activity(sentence) if sentence else None
    if in_sentence is not None:
        return in_sentence[0], False
    for words in context:  # headings name a topic loosely: the plain words first
        match = first_match(ACTIVITIES, words)
        if match is not None:
            return _settle(match[0], group, words), False
        named = best_activity(words)
        if named is not None:
            return named, False
    return "statutory_visit", False


def _regex_activity(words: str, group: str) -> str | None:
    match = first_match(ACTIVITIES, words)
    return _settle(match[0], group, words) if match else None


def _settle(activity: str, group: str, words: str) -> str:
    """A general activity word made specific by the group (and the words)."""
    if activity == "minutes":
        return (
            "cin_meeting_notes_circulation"
            if group == "child_in_need"
            else "review_minutes_circulation"
        )
    if activity == "recording":
        return "visit_recording" if re.search(r"\bvisit", words, _I) else "case_recording"
    if activity == "review":
        return {
            "child_in_care": "looked_after_review",
            "child_in_need": "cin_meeting",
            "child_protection": "review_conference",
            "care_leaver": "pathway_plan_review",
            "early_help": "early_help_plan_review",
        }.get(group, "cin_meeting")
    if activity == "assessment":
        return "early_help_assessment" if group == "early_help" else "child_and_family_assessment"
    assert activity in vocabulary().activities, activity
    return activity
