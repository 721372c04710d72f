"""Proposing rules from a statement's words: read what is there, guess nothing silently.

Every timescale phrase the checks would look for (:func:`compiler.timescale.phrases.find_phrases`)
becomes a proposed rule or a ``not_rules`` entry. The timescale is the
document's own words, the longest run around the phrase that the timescale
reader accepts ("within 1 week of the start of the placement, then at a
minimum of 6 weeks"); who it is about, what it times and what it counts
from are read from the sentence, the table row and the headings. Whatever
had to be guessed (a group or activity not named in the sentence, an event
the words do not give, a reading of "monthly") is written into the rule's
``confirm``, so that ``standards check`` keeps asking until a person answers.

>>> [(r.group, r.activity, r.timescale) for r in propose("Children in Need must be seen "
...     "at home at least every 6 weeks.", context=()).rules]
[('child_in_need', 'statutory_visit', 'at least every 6 weeks')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from compiler.authoring.importer.guesses import about, activity_of, named_event
from compiler.authoring.importer.phased import join_phases
from compiler.authoring.importer.proposed import ProposedRule
from compiler.authoring.importer.tables import ACTIVITY_GROUPS, EVENTS, EVENTS_OF_ACTIVITY
from compiler.timescale.model import TimescaleError
from compiler.timescale.parse import parse_timescale
from compiler.timescale.phrases import Phrase, find_phrases

_LEADS = frozenset(
    re.findall(
        r"\S+",
        "within every each at least a an minimum maximum of then than no not more later in once "
        "twice prior to before after following by as intervals interval the",
    )
)
_I = re.IGNORECASE
_MOST_LEAD_WORDS = 6
MOST_PHRASES_IN_A_RULE = 6
"""A rule's words hold at most this many timescale phrases (bounding the work on hostile text)."""
_MOST_RULE_CHARACTERS = 240
_LINK = re.compile(
    r"\s*(?:,\s*)?(?:of|from|after|following|before|prior|until|then|where|for|since|by|"
    r"unless|if|when|never|at|and\s+then|thereafter|as|on)\b",
    re.I,
)
_MOST_TRAILING_WORDS = 10
_SENTENCE = re.compile(r"[^.!?;]+(?:[.!?;]+|$)")
_COUNT = re.compile(r"\s*(?:at\s+least\s+)?(?:once|twice|\w+\s+times)\s+(?:a|per|each)\b", _I)
_RECURRING = re.compile(r"\b(?:every|each|annually|yearly|monthly|weekly)\b", _I)


@dataclass(frozen=True)
class Unread:
    """Timescale-like words the reader could not turn into a timescale."""

    words: str
    why: str


@dataclass(frozen=True)
class Proposal:
    """Everything proposed for one statement."""

    rules: tuple[ProposedRule, ...] = ()
    unread: tuple[Unread, ...] = field(default=())


def propose(text: str, context: Sequence[str], row_label: str = "") -> Proposal:
    """A rule for every timescale phrase in ``text`` that the reader can read, else an unread.

    ``context`` is the text around the statement, nearest first (the table row's
    first cell and column headings, the section title, the document title): where
    the sentence does not say who or what, it is read from there, and marked.
    A table row's label (its first cell) names whom the row is about, never what
    it times, so ``row_label`` is read for the group only.
    """
    activity_context = tuple(context)
    context = (*((row_label,) if row_label else ()), *context)
    rules: list[ProposedRule] = []
    unread: list[Unread] = []
    for sentence in _SENTENCE.finditer(text):
        phrases = find_phrases(sentence.group(0))
        index = clause = 0
        read_here: list[ProposedRule] = []
        while index < len(phrases):
            read = _read(
                sentence.group(0), phrases, index, clause, text, (context, activity_context)
            )
            if read is None:
                unread.append(
                    Unread(
                        phrases[index].words,
                        "the importer could not read these words as a timescale",
                    )
                )
                index += 1
                continue
            rule, index, clause = read
            read_here.append(rule)
        rules.extend(join_phases(sentence.group(0), read_here))
    return Proposal(tuple(_extra_visits(rules)), tuple(unread))


def _extra_visits(rules: list[ProposedRule]) -> list[ProposedRule]:
    """Visits counted per month beside a visiting interval are extra visits, not the same ones.

    "Every 15 working days ... children are seen twice a month" asks for visits on top
    of the statutory ones (to complete direct work): the count is an additional visit.
    """
    interval = any(r.activity == "statutory_visit" and not _COUNT.match(r.timescale) for r in rules)
    if not interval:
        return rules
    return [
        replace(
            rule,
            activity="additional_visit",
            confirm="; ".join(
                filter(None, [rule.confirm, "what: read as visits on top of the statutory ones"])
            ),
        )
        if rule.activity == "statutory_visit" and _COUNT.match(rule.timescale)
        else rule
        for rule in rules
    ]


def _read(
    sentence: str,
    phrases: list[Phrase],
    first: int,
    clause: int,
    text: str,
    contexts: tuple[Sequence[str], Sequence[str]],
) -> tuple[ProposedRule, int, int] | None:
    """The rule read from the longest window of ``sentence`` starting at phrase ``first``.

    ``clause`` is where the words about this timescale begin (after the previous
    rule's words): the activity is read between there and the window's end.
    Returns the rule, the next phrase to read, and where the next clause begins.
    """
    for last in range(min(len(phrases), first + MOST_PHRASES_IN_A_RULE) - 1, first - 1, -1):
        if phrases[last].end - phrases[first].start > _MOST_RULE_CHARACTERS:
            continue
        for start in _starts(sentence, phrases[first].start):
            for end in _ends(sentence, phrases[last].end):
                window = sentence[start:end].strip(" ,;:-–.")
                if not window:
                    continue
                if not _readable(window):
                    continue
                following = phrases[last + 1].start if last + 1 < len(phrases) else None
                around = (
                    sentence[clause:start],
                    sentence[end:following],
                    sentence[clause:following],
                )
                rule = _rule(window, sentence, around, text, contexts)
                if rule is not None:
                    return rule, last + 1, end
    return None


@lru_cache(maxsize=4096)
def _readable(window: str) -> bool:
    """True if the reader accepts ``window`` as a timescale, given some event (cheap to ask)."""
    return _timescale(window, "plan_start")[0] is not None


def _starts(sentence: str, at: int) -> list[int]:
    """Where a window may start: at the phrase, or up to a few lead words before it."""
    starts = [at]
    for _ in range(_MOST_LEAD_WORDS):
        near = max(0, starts[-1] - 40)  # a lead word is short: look only just before
        before = re.search(r"([A-Za-z]+)[\s,]*$", sentence[near : starts[-1]])
        if before is None or before.group(1).lower() not in _LEADS:
            break
        starts.append(near + before.start(1))
    return starts[::-1]


def _ends(sentence: str, at: int) -> list[int]:
    """Where a window may end: up to a few words after the phrase (longest first), or at it."""
    ends = [at]
    if not _LINK.match(sentence, at):
        return ends
    for word in re.finditer(r"\S+", sentence[at : at + 400]):
        ends.append(at + word.end())
        if len(ends) > _MOST_TRAILING_WORDS:
            break
    return ends[::-1]


def _rule(
    window: str,
    sentence: str,
    around: tuple[str, str, str],
    text: str,
    contexts: tuple[Sequence[str], Sequence[str]],
) -> ProposedRule | None:
    """The rule ``window`` states, if the timescale reader accepts it (with a guessed event).

    ``around`` is the clause's words before and after the window, and the whole clause.
    """
    context, activity_context = contexts
    group, group_sure, strength = about(sentence, text, tuple(context))
    activity, activity_sure = activity_of(around, group, activity_context, sentence)
    if activity == "case_recording" and re.search(r"\bvisit", window, _I):
        activity = "visit_recording"  # a record timed from the visit is the visit's record
    if group == "all_children" and activity in ACTIVITY_GROUPS:
        group = ACTIVITY_GROUPS[activity]
    if activity == "review_minutes_circulation" and group == "child_in_need":
        activity = "cin_meeting_notes_circulation"  # a CIN review is a child in need meeting
    if activity == "statutory_visit" and re.search(
        r"failed\s+visit|not\s+seen\s+alone", window, _I
    ):
        activity = "revisit_after_failed_visit"  # timed from a failed visit: the visit again
    if activity == "child_and_family_assessment" and _RECURRING.search(window):
        activity = "reassessment"  # an assessment that comes round again is a re-assessment
    if activity == "initial_visit" and re.search(r",?\s+then\b", window, _I):
        activity = (
            "statutory_visit"  # "initial visit within 7 days, then every 6 weeks": the visits
        )
    guessed_event = (
        named_event(sentence.replace(window, " "))  # an event the window names is its own
        or EVENTS.get((activity, group))
        or EVENTS_OF_ACTIVITY.get(activity, "plan_start")
    )
    confirms = []
    if not group_sure:
        confirms.append(f"who: the group '{group}' was read from the headings, not the sentence")
    if not activity_sure:
        confirms.append(f"what: the activity '{activity}' is a guess")
    timescale, event, reading = _timescale(window, guessed_event)
    if timescale is None:
        return None
    if event is not None:
        confirms.append(
            f"from: the words do not say what the time counts from; '{event}' is a guess"
        )
    if reading:
        confirms.append(reading)
    return ProposedRule(
        words=window,
        timescale=timescale,
        group=group,
        activity=activity,
        strength=strength,
        event=event,
        confirm="; ".join(confirms),
    )


def _timescale(window: str, event: str) -> tuple[str | None, str | None, str]:
    """The timescale text, the event given to it (if the words name none), and a reading chosen."""
    for given in (None, event):
        try:
            parse_timescale(window, event=given)
            return window, given, ""
        except TimescaleError as unread:
            if unread.readings:
                chosen = unread.readings[0]
                try:
                    parse_timescale(chosen, event=given)
                except TimescaleError:
                    continue
                others = "', '".join(unread.readings[1:])
                return (
                    chosen,
                    given,
                    f"reading: the words '{window}' have more than one reading; '{chosen}' was "
                    f"chosen, not '{others}'",
                )
    return None, None, ""
