"""What ``due`` and ``audit`` assume about the dates they are given, said out loud.

A practitioner's record says "statutory visit on 19 December"; a rule says "record within 24
hours of the visit". The evaluator reads the first as the second's event too, and says so.
A date after the day being judged has not happened yet on that day: it is reported and left
out, never judged as if it had. Overdue counts are given in the rule's own unit where that is
working days ("3 working days overdue"), with the calendar days beside them.

These are input and wording rules around the evaluator (:mod:`compiler.evaluator.evaluate`,
:mod:`compiler.evaluator.audit`), kept apart from its due-date semantics.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

import numpy as np

from compiler.calendar import Calendar
from compiler.evaluator.cases import Cases, RowProblem
from compiler.timescale.model import Duration

IMPLIED_EVENTS: dict[str, tuple[str, ...]] = {
    "statutory_visit": ("visit",),
    "additional_visit": ("visit",),
    "initial_visit": ("visit",),
    "unannounced_visit": ("visit",),
    "revisit_after_failed_visit": ("visit",),
    "initial_child_protection_conference": ("child_protection_conference",),
    "review_conference": ("child_protection_conference",),
    "first_core_group": ("meeting",),
    "core_group": ("meeting",),
    "cin_meeting": ("meeting",),
    "family_action_meeting": ("meeting",),
    "looked_after_review": ("review",),
    "child_and_family_assessment": ("assessment_completed",),
    "early_help_assessment": ("assessment_completed",),
}
"""Each activity that, having happened, is also the event its name implies: a statutory visit
is a visit (its recording is due within 24 hours of it), a core group is a meeting (its
minutes follow it). An activity whose id is itself an event (``supervision``) is both anyway.
The help of ``standards audit`` lists this table; a test keeps the two in step."""


@dataclasses.dataclass(frozen=True)
class Assumed:
    """What was assumed of a table: rows left out as after the audit date, events implied."""

    after: tuple[RowProblem, ...]
    implied: tuple[tuple[str, str, int], ...]
    """(activity, event, rows) for each implication used."""

    def lines(self, on: date) -> list[str]:
        """The summary's lines about these assumptions (none when nothing was assumed)."""
        said = []
        if self.after:
            shown = ", ".join(str(p.line) for p in self.after[:20])
            more = f" and {len(self.after) - 20} more" if len(self.after) > 20 else ""
            said.append(
                f"  {len(self.after)} row(s) dated after {on.isoformat()} (--on) left out, not "
                f"judged as if they had happened (lines {shown}{more})"
            )
        for activity, event, rows in self.implied:
            said.append(f"  assumed: {rows} {activity} row(s) also count as the event {event}")
        return said

    def as_json(self) -> dict[str, object]:
        return {
            "rows_after_audit_date": [{"line": p.line, "message": p.message} for p in self.after],
            "implied_events": [{"activity": a, "event": e, "rows": n} for a, e, n in self.implied],
        }


def assume(cases: Cases, on: date, known_events: Iterable[str]) -> tuple[Cases, Assumed]:
    """``cases`` without rows dated after ``on``, plus a row of each event an activity implies.

    An implied event is added only where some rule counts from it (``known_events``). A row
    repeated on the same day changes nothing (clocks start on an event's latest date, phases
    end on its first), and no implied event is also an activity, whose rows are counted; so
    an implied visit beside a recorded one needs no removing.
    """
    late = cases.row_date > np.datetime64(on, "D")
    lines = cases.row_line if cases.row_line is not None else np.zeros(len(late), dtype=int)
    after = tuple(
        RowProblem(int(line), f"dated after the audit date {on.isoformat()}: left out")
        for line in sorted(lines[late].tolist())
    )
    keep = ~late
    row_case, row_kind, row_date = cases.row_case[keep], cases.row_kind[keep], cases.row_date[keep]
    kinds = list(cases.kinds)
    events = set(known_events)
    added_case, added_kind, added_date = [row_case], [row_kind], [row_date]
    implied = []
    for activity, implies in IMPLIED_EVENTS.items():
        if activity not in kinds:
            continue
        happened = row_kind == kinds.index(activity)
        for event in implies:
            if event not in events or not happened.any():
                continue
            if event not in kinds:
                kinds.append(event)
            added_case.append(row_case[happened])
            added_kind.append(np.full(int(happened.sum()), kinds.index(event)))
            added_date.append(row_date[happened])
            implied.append((activity, event, int(happened.sum())))
    if not implied and not after:
        return cases, Assumed((), ())
    merged = replace(
        cases,
        row_case=np.concatenate(added_case),
        row_kind=np.concatenate(added_kind),
        row_date=np.concatenate(added_date),
        kinds=kinds,
        row_line=None,
    )
    return merged, Assumed(after, tuple(implied))


def counts_in_working_days(timescale: object) -> bool:
    """Whether any amount of time in ``timescale`` is in working days (or working hours)."""
    return any(d.unit in ("working_days", "working_hours") for d in _durations(timescale))


def _durations(value: object) -> Iterable[Duration]:
    if isinstance(value, Duration):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for each in dataclasses.fields(value):
            yield from _durations(getattr(value, each.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _durations(item)


def working_days_late(calendar: Calendar, due: date, on: date) -> int:
    """The working days after ``due`` up to and including ``on``: Mon due, Thu judged: 3."""
    if on <= due:
        return 0
    start = np.datetime64(due, "D") + 1
    end = np.datetime64(on, "D") + 1
    return int(np.busday_count(start, end, busdaycal=calendar.busdaycalendar))


def overdue_words(calendar_days: int, working_days: int | None) -> str:
    """``overdue by 3 working days (5 calendar days)``, or ``overdue by 5 days`` for a rule
    that does not count working days."""
    if working_days is None:
        return f"overdue by {calendar_days} day{'s' if calendar_days != 1 else ''}"
    plural = "s" if working_days != 1 else ""
    return f"overdue by {working_days} working day{plural} ({calendar_days} calendar days)"
