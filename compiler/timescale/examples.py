"""Timescales that read, for an author whose phrase does not and has no close misspelling.

"did you mean 'more'?" for "or" misleads; a few whole timescales of the same shape show what
can be written instead. The forms are the README's table of the shorthand.
"""

from __future__ import annotations

import difflib

FORMS = (
    "within 24 hours of the visit",
    "within 5 working days of the visit",
    "within 1 working day of the referral being received",
    "at least 5 working days before the conference",
    "at least once before sentencing",
    "at least every 10 working days from the start of the plan",
    "every 6 weeks",
    "fortnightly",
    "weekly for the first month, then fortnightly where approved by the manager",
    "within one week of the start of the placement, then every 6 weeks",
    "twice a calendar month",
    "monthly (calendar month)",
)


def nearest_forms(text: str, most: int = 3) -> list[str]:
    """The ``most`` forms nearest ``text`` in shape (its words, in order).

    >>> nearest_forms("every 6 weeks or sooner", most=2)
    ['every 6 weeks', 'within one week of the start of the placement, then every 6 weeks']
    """
    words = text.lower().split()

    def likeness(form: str) -> float:
        return difflib.SequenceMatcher(None, words, form.split()).ratio()

    return sorted(FORMS, key=lambda form: (-likeness(form), FORMS.index(form)))[:most]


def forms_hint(text: str) -> str:
    """``timescales that read look like 'a', 'b' or 'c'`` for a message."""
    forms = [repr(form) for form in nearest_forms(text)]
    return "timescales that read look like " + ", ".join(forms[:-1]) + " or " + forms[-1]
