"""The date of an event that is the later (or earlier) of two others.

"Within one week of the placement, or of the notification if later" is read as a deadline
from one event, ``later_of_placement_and_notification``, whose vocabulary term says
``later_of: [placement_start, notification_received]``. A consumer that holds the two dates
gives the deadline the later of them. That is exact, not an approximation: adding days,
working days, weeks or months never puts the earlier of two dates after the later, so the
deadline from the later day is the later of the two single-event deadlines
(``tests/property/test_either_event.py`` checks it against a day-by-day count).

>>> from compiler.vocabulary import vocabulary
>>> term = vocabulary().events["later_of_placement_and_notification"]
>>> derived_date(term, {"placement_start": date(2026, 1, 5),
...                     "notification_received": date(2026, 1, 9)})
datetime.date(2026, 1, 9)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from compiler.vocabulary import Term


def derived_date(term: Term, dates: Mapping[str, date]) -> date | None:
    """The date of ``term`` from the dates of the events it is made of (None if not derived).

    Until both events have happened, the later of them has not: the result is None. The
    earlier of two has happened as soon as either has.
    """
    if term.later_of:
        known = [dates[event] for event in term.later_of if event in dates]
        return max(known) if len(known) == len(term.later_of) else None
    if term.earlier_of:
        known = [dates[event] for event in term.earlier_of if event in dates]
        return min(known) if known else None
    return dates.get(term.id)
