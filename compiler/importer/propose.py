"""Proposing rules from a statement's words: read what is there, guess nothing silently.

Every timescale phrase the checks would look for (:func:`compiler.phrases.find_phrases`)
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

from compiler.importer.terms import best_activity, scored_activity
from compiler.phrases import Phrase, find_phrases
from compiler.timescale.model import TimescaleError
from compiler.timescale.parse import parse_timescale
from compiler.vocabulary import vocabulary

_I = re.IGNORECASE
GROUPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, _I), group)
    for pattern, group in (
        (r"child(?:ren)?\s+protection|\bCP\b|section\s+47|\bs47\b|subject\s+to\s+a\s+plan",
         "child_protection"),
        (r"child(?:ren)?\s+in\s+need|\bCIN\b", "child_in_need"),
        (r"early\s+help\s+workers?|family\s+intervention\s+(?:workers?|coordinators?)",
         "early_help_worker"),
        (r"care\s+leaver|pathway\s+plan|personal\s+adviser|leaving\s+care", "care_leaver"),
        (r"private(?:ly)?\s+fost", "private_fostering"),
        (r"early\s+help|family\s+support\s+worker|\bEHAT?\b|family\s+action", "early_help"),
        (r"youth\s+justice|sentenc", "youth_justice"),
        (r"disabled|disabilit|\bCCHDT\b", "disabled_children"),
        (r"prospective\s+foster\s+carers?|fostering\s+assessments?|recruited\s+foster",
         "prospective_foster_carer"),
        (r"foster\s+carers?\b|supervising\s+social\s+worker", "foster_carer"),
        (r"\bin\s+(?:our\s+)?care\b|looked[\s-]+after|\bCiC\b|\bLAC\b|\bCLA\b|placement|placed|"
         r"residential", "child_in_care"),
        (r"\bsupervision\b", "social_worker"),
        (r"referrals?\b|front\s+door|\bMASH\b|screening", "referred_child"),
    )
)  # fmt: skip
"""Words that name a group, most specific first; the earliest match in the words wins."""

ACTIVITIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, _I), activity)
    for pattern, activity in (
        (r"\bsupervision\b", "supervision"),
        (r"chronolog", "chronology_update"),
        (r"\bfirst\s+core\s+group", "first_core_group"),
        (r"core\s+group", "core_group"),
        (r"initial\s+child\s+protection\s+conference|\bICPC\b",
         "initial_child_protection_conference"),
        (r"review\s+(?:child\s+protection\s+)?conference", "review_conference"),
        (r"strategy\s+(?:discussion|meeting)", "strategy_discussion"),
        (r"\bminutes\b|\bnotes\s+of\b", "minutes"),
        (r"\brecord(?:ed|ing|s)?\b|\bwr(?:ite|itten)\s+up\b|case\s+notes", "recording"),
        (r"\bSDQ\b", "sdq"),
        (r"pathway\s+plan", "pathway_plan_review"),
        (r"(?:\bCIN\b|child\s+in\s+need)\s+(?:review|meeting)|review\s+meetings?", "cin_meeting"),
        (r"\breview", "review"),
        (r"assessment", "assessment"),
        (r"further\s+visit|re-?visit|another\s+visit", "revisit_after_failed_visit"),
        (r"initial\s+(?:home\s+)?visit|first\s+visit", "initial_visit"),
        (r"\bvisit|\bseen\b|\bsee\b|keeping\s+in\s+touch", "statutory_visit"),
        (r"referral", "referral_decision"),
    )
)  # fmt: skip
"""Words that name what a timescale times; ``minutes``, ``recording``, ``review`` and
``assessment`` are settled by the group (see :func:`_settle`)."""

EVENTS: dict[tuple[str, str], str] = {
    ("statutory_visit", "child_in_care"): "placement_start",
    ("statutory_visit", "private_fostering"): "notification_received",
    ("statutory_visit", "early_help"): "case_allocated",
    ("statutory_visit", "care_leaver"): "leaving_care",
    ("initial_visit", "private_fostering"): "notification_received",
    ("initial_visit", "early_help"): "case_allocated",
    ("looked_after_review", "child_in_care"): "became_looked_after",
}
ACTIVITY_GROUPS: dict[str, str] = {
    **dict.fromkeys(
        ("strategy_discussion", "strategy_record_circulation", "s47_child_seen",
         "s47_child_seen_alone", "initial_child_protection_conference", "conference_notice",
         "conference_report_sharing", "conference_minutes", "child_protection_plan_completion",
         "first_core_group", "core_group", "core_group_minutes", "review_conference",
         "review_conference_report"),
        "child_protection",
    ),
    **dict.fromkeys(
        ("looked_after_review", "review_recommendations", "review_minutes_circulation",
         "iro_report", "iro_contact_recording", "permanence_plan", "adoption_profile",
         "family_finding_update", "visit_in_introductions", "contact_during_introductions",
         "care_planning_meeting", "sdq"),
        "child_in_care",
    ),
    **dict.fromkeys(("cin_meeting", "cin_meeting_notes_circulation"), "child_in_need"),
    **dict.fromkeys(
        ("early_help_assessment", "early_help_actions", "early_help_plan_review",
         "family_action_meeting", "family_action_plan_circulation", "family_action_plan_review",
         "modified_family_action_plan_circulation"),
        "early_help",
    ),
    **dict.fromkeys(
        ("referral_review", "referral_screening", "referral_progression", "referral_decision",
         "referrer_notification", "referral_response"),
        "referred_child",
    ),
    **dict.fromkeys(("supervision", "supervision_recording"), "social_worker"),
    **dict.fromkeys(("supervisory_visit", "unannounced_visit"), "foster_carer"),
    "fostering_assessment": "prospective_foster_carer",
    "pathway_plan_review": "care_leaver",
}  # fmt: skip
"""Whom an activity is about when the words and headings name no group: a guess, marked."""

EVENTS_OF_ACTIVITY: dict[str, str] = {
    "visit_recording": "visit",
    "case_recording": "event",
    "manager_discussion": "visit_not_seen_alone",
    "revisit_after_failed_visit": "visit_not_seen_alone",
    "cin_meeting_notes_circulation": "meeting",
    "review_minutes_circulation": "review",
    "initial_visit": "referral_received",
    "referral_decision": "referral_received",
    "child_and_family_assessment": "referral_received",
    "early_help_assessment": "assessment_agreed",
    "supervision": "worker_started",
    "first_core_group": "initial_child_protection_conference",
    "initial_child_protection_conference": "strategy_discussion",
    "strategy_discussion": "s47_started",
    "referral_review": "referral_received",
    "referral_screening": "referral_received",
    "referral_progression": "referral_received",
    "referrer_notification": "referral_received",
    "referral_response": "referral_received",
    "chronology_update": "case_allocated",
    "early_help_actions": "case_allocated",
    "family_action_meeting": "meeting_agreed",
    "family_action_plan_circulation": "family_action_meeting",
    "modified_family_action_plan_circulation": "meeting",
    "family_action_plan_review": "family_action_meeting",
    "early_help_plan_review": "assessment_completed",
    "strategy_record_circulation": "strategy_discussion",
    "s47_child_seen": "s47_started",
    "s47_child_seen_alone": "s47_started",
    "conference_notice": "child_protection_conference",
    "conference_report_sharing": "initial_child_protection_conference",
    "review_conference_report": "review_conference",
    "core_group_minutes": "meeting",
    "child_protection_plan_completion": "child_protection_conference",
    "conference_minutes": "child_protection_conference",
    "care_planning_meeting": "placement_start",
    "reassessment": "assessment_completed",
    "permanence_plan": "became_looked_after",
    "looked_after_review": "became_looked_after",
    "review_recommendations": "review",
    "iro_report": "reporting_period_start",
    "adoption_profile": "profiling_meeting",
    "family_finding_update": "family_finding_started",
    "fostering_assessment": "fostering_application",
    "supervisory_visit": "carer_approved",
    "unannounced_visit": "carer_approved",
    "supervision_recording": "supervision",
    "plan_circulation": "meeting",
    "contact_during_introductions": "introductions_started",
    "visit_in_introductions": "introductions_started",
}
"""What a timescale counts from when its words do not say: a guess, always marked."""

_LEADS = frozenset(
    re.findall(
        r"\S+",
        "within every each at least a an minimum maximum of then than no not more later in once "
        "twice prior to before after following by as intervals interval the",
    )
)
_MOST_LEAD_WORDS = 6
MOST_PHRASES_IN_A_RULE = 6
_MOST_RULE_CHARACTERS = 240
_LINK = re.compile(
    r"\s*(?:,\s*)?(?:of|from|after|following|before|prior|until|then|where|for|since|by|"
    r"unless|if|when|never|at|and\s+then|thereafter|as|on)\b",
    re.I,
)
"""A rule's words hold at most this many timescale phrases (bounding the work on hostile text)."""
_MOST_TRAILING_WORDS = 10
_SENTENCE = re.compile(r"[^.!?;]+(?:[.!?;]+|$)")
_COUNT = re.compile(r"\s*(?:at\s+least\s+)?(?:once|twice|\w+\s+times)\s+(?:a|per|each)\b", _I)
_RECURRING = re.compile(r"\b(?:every|each|annually|yearly|monthly|weekly)\b", _I)
_SHOULD = re.compile(r"\bshould\b|\bexpect", _I)
_MUST = re.compile(r"\bmust\b|\bwill\b|\bminimum\b|\bat\s+least\b|\balways\b|\bensure\b", _I)


@dataclass(frozen=True)
class ProposedRule:
    """A rule read from the words, with what a person must confirm (empty if nothing)."""

    words: str
    timescale: str
    group: str
    activity: str
    strength: str
    event: str | None = None
    confirm: str = ""


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
            rules.append(rule)
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
    group, group_sure, strength = _about(sentence, text, tuple(context))
    activity, activity_sure = _activity(around, group, activity_context)
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
        _named_event(sentence.replace(window, " "))  # an event the window names is its own
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


GENERAL_EVENTS = frozenset(
    {"visit", "event", "meeting", "review", "contact", "plan_start", "placement_start",
     "supervision", "case_allocated", "referral_received", "assessment_completed"}
)  # fmt: skip
"""Events whose words are everywhere in a document ("the visit", "the review"): not evidence."""


@lru_cache(maxsize=256)
def _named_event(sentence: str) -> str | None:
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


def _first_match(
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
def _about(sentence: str, text: str, context: tuple[str, ...]) -> tuple[str, bool, str]:
    """Who a sentence is about (and whether it says so itself), and its strength: once each."""
    group, sure = _group(sentence, text, context)
    strength = "should" if _SHOULD.search(sentence) and not _MUST.search(sentence) else "must"
    return group, sure, strength


def _group(sentence: str, text: str, context: Sequence[str]) -> tuple[str, bool]:
    """The group the words are about, and whether the sentence itself names it."""
    for depth, words in enumerate((sentence, text, *context)):
        match = _first_match(GROUPS, words)
        if match is not None:
            term, only = match
            return term, depth == 0 or (depth == 1 and only)
    return "all_children", False


def _activity(around: tuple[str, str, str], group: str, context: Sequence[str]) -> tuple[str, bool]:
    """What the clause times, and whether it says so itself (else the headings are read).

    The words before the timescale are read first ("I record visits within 24 hours");
    the words after it ("monthly supervision") when those before name no activity fully.
    """
    before, after, whole = around
    label, _, own = before.rpartition(": ")  # "Group: frequency": the frequency's words first
    found = [
        scored_activity(words, _regex_activity(words, group))
        for words in ((own, before, after, whole) if label else (before, after, whole))
    ]
    full = next((f for f in found if f and f[1] == 1.0), None)
    best = full or next((f for f in found if f), None)
    if best is not None:
        return best[0], True
    nearest = sorted(
        (-match.end(), order, term)
        for order, (pattern, term) in enumerate(ACTIVITIES)
        for match in pattern.finditer(before)
    )
    if nearest:
        return _settle(nearest[0][2], group, before), True
    following = _first_match(ACTIVITIES, after)
    if following is not None:
        return _settle(following[0], group, after), True
    for words in context:
        named = best_activity(words, _regex_activity(words, group))
        if named is not None:
            return named, False
        match = _first_match(ACTIVITIES, words)
        if match is not None:
            return _settle(match[0], group, words), False
    return "statutory_visit", False


def _regex_activity(words: str, group: str) -> str | None:
    match = _first_match(ACTIVITIES, words)
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
        }.get(group, "cin_meeting")
    if activity == "assessment":
        return "early_help_assessment" if group == "early_help" else "child_and_family_assessment"
    assert activity in vocabulary().activities, activity
    return activity
