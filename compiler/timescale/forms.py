"""The forms of timescale the reader accepts, to offer the nearest when it refuses one.

A principal social worker who pastes "every 4-6 weeks" and is told it is a range wants to
see what would be read instead. These are the forms of the README's table, one example each;
:func:`nearest_forms` picks the closest to the words refused, by their words.

>>> nearest_forms("every 4-6 weeks")[0]
'every 6 weeks'
"""

from __future__ import annotations

import difflib

from compiler.timescale.tokens import words_of

FORMS = (
    "within 24 hours of the visit",
    "within 5 working days",
    "no later than 3 working days after the strategy discussion",
    "by the end of the next working day",
    "on the day the child is placed",
    "at least 5 working days before the conference",
    "at least once before sentencing",
    "at least every 10 working days from the start of the plan",
    "every 6 weeks",
    "fortnightly",
    "4 weekly",
    "at 6 weekly intervals",
    "not less than fortnightly",
    "monthly (calendar month)",
    "monthly (4 weeks)",
    "every 6 weeks during the first year of the placement",
    "at least once a week until the first review, thereafter every 4 weeks",
    "weekly for the first month, then fortnightly where approved by the manager",
    "within one week of the start of the placement, then every 6 weeks for the first year",
    "every 2 weeks or as directed by the conference chair",
    "every 4 weeks, more frequently if required",
    "twice a calendar month",
    "once a calendar week",
    "within 48 working hours (2 working days)",
    "within 4 working hours",
    "at least once a month",
    "twice a year",
    "at least one unannounced visit each year",
    "a maximum of 45 working days",
    "thereafter, every 6 weeks (3 months if the placement is intended to last until the "
    "child is 18)",
    "at least 5 clear working days before the meeting",
    "every two weeks, 14 calendar day intervals",
    "no more than 4 months between each review",
)
"""One example of each form the reader accepts (see the README's table of timescale forms)."""


def nearest_forms(words: str, most: int = 3) -> list[str]:
    """The accepted forms closest to ``words``, closest first (ties in the table's order)."""
    wanted = words_of(words)

    def likeness(form: str) -> float:
        return difflib.SequenceMatcher(None, wanted, words_of(form)).ratio()

    ranked = sorted(FORMS, key=lambda form: -likeness(form))
    return ranked[:most]
