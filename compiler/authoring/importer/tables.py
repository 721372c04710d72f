"""The words that name a group, an activity or an event, and the events guessed for each activity.

Data, not logic: :mod:`compiler.authoring.importer.guesses` reads them. Patterns are most
specific first; every default here is a guess the importer marks ``confirm``.
"""

from __future__ import annotations

import re

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

GENERAL_EVENTS = frozenset(
    {"visit", "event", "meeting", "review", "contact", "plan_start", "placement_start",
     "supervision", "case_allocated", "referral_received", "assessment_completed"}
)  # fmt: skip
"""Events whose words are everywhere in a document ("the visit", "the review"): not evidence."""
