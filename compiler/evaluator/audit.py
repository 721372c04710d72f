"""``standards audit``: every case's next due dates and whether it is overdue, from a pack alone.

For each case (a case id and a group, see :mod:`compiler.evaluator.cases`) and each rule
of the pack that applies to it (its group and qualifiers, its facts, less
rules overridden by another that applies), the rule's clock starts on the
latest row of its event; the activity's rows are the occurrences. A rule whose
event never happened to the case has not started and is not reported; a case
with no started rule gets one row saying so, so that no case disappears.

The work is done rule by rule over arrays of cases (numpy), never row by row:
the rows are sorted once by (case, event, date), each rule looks up its cases'
start and occurrence dates with ``searchsorted``, and the due dates come from
:mod:`compiler.timescale.vectorised`. :mod:`compiler.evaluator.audit_reference` does
the same case by case with the scalar code, and the tests hold the two to the
same output, byte for byte.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

import numpy as np

from compiler.calendar import Calendar, CalendarError
from compiler.evaluator.cases import Cases
from compiler.evaluator.evaluate import Pack, PackError, PackRule, is_before, subject_of
from compiler.timescale.due import next_due
from compiler.timescale.model import Count, Deadline, Once, Recurrence, facts_of
from compiler.timescale.vectorised import NAT, ArrayPlan, add_array

OUTPUT_COLUMNS = (
    "case_id",
    "group",
    "activity",
    "rule",
    "strength",
    "clock_event",
    "clock_started",
    "last_done",
    "next_due",
    "status",
    "days_overdue",
    "binding",
    "working_days_overdue",
)
"""The result table's columns. status: overdue, due (on or after the audit date), done (nothing
more is due) or not_started (no rule's clock has started for the case: its other columns are empty).
binding: true on the row whose next due date is the earliest of the case's rules for the activity
(ties: a statutory rule, then the first by id), the date a system must schedule by; every rule that
applies, local and statutory, has its own row. days_overdue counts calendar days;
working_days_overdue, only for a rule whose timescale counts working days, the working days in
the same span.
"""

_SHIFT = 16  # bits for a day within the horizon (41 years < 2**16 days)


@dataclass(frozen=True)
class Audit:
    """One row per (case, rule): arrays, in case order then rule order (rule -1: none started)."""

    pack: Pack
    on: date
    cases: Cases
    case: np.ndarray
    rule: np.ndarray
    started: np.ndarray
    last: np.ndarray
    next_due: np.ndarray

    @property
    def binding(self) -> np.ndarray:
        """Per row: the earliest next due date of its case's rules for the same activity.

        The same choice as :func:`compiler.evaluator.evaluate.bind`: earliest date, then a
        statutory rule before a local one, then the rule first by id (the pack's order).
        """
        rules = self.pack.rules
        timed = np.flatnonzero((self.rule >= 0) & ~np.isnat(self.next_due))
        chosen = np.zeros(len(self.case), dtype=bool)
        if not len(timed):
            return chosen
        codes = {name: code for code, name in enumerate(sorted({r.activity for r in rules}))}
        rule = self.rule[timed]
        activity = np.array([codes[r.activity] for r in rules])[rule]
        local = np.array([not r.inherited for r in rules])[rule]
        key = self.case[timed] * len(codes) + activity
        order = np.lexsort((rule, local, self.next_due[timed].astype(np.int64), key))
        first = np.ones(len(order), dtype=bool)
        first[1:] = key[order][1:] != key[order][:-1]
        chosen[timed[order[first]]] = True
        return chosen

    @property
    def days_overdue(self) -> np.ndarray:
        late = np.datetime64(self.on, "D") - self.next_due
        return np.where(np.isnat(self.next_due), 0, np.maximum(late.astype(np.int64), 0))


def audit(cases: Cases, pack: Pack, on: date) -> Audit:
    """Judge every case of ``cases`` on ``on`` by the rules of ``pack``."""
    pack.check_date(on, "audit date")
    index = _Index(cases, pack)
    facts = _fact_arrays(cases, pack)
    applies = _applicable(cases, pack, facts)
    parts = []
    for number, rule in enumerate(pack.rules):
        chosen = np.flatnonzero(applies[number])
        if len(chosen):
            try:
                parts.append(_judge(rule, number, chosen, index, facts, pack))
            except CalendarError:
                raise PackError(
                    f"{rule.id}: a due date falls outside the horizon of the {pack.authority} "
                    f"pack {pack.name} (to {pack.horizon[1].isoformat()})"
                ) from None
    case, rule, started, last, due = (
        np.concatenate([p[i] for p in parts]) if parts else np.zeros(0, dtype=t)
        for i, t in enumerate(
            (np.int64, np.int64, "datetime64[D]", "datetime64[D]", "datetime64[D]")
        )
    )
    idle = np.flatnonzero(np.bincount(case, minlength=len(cases.case_ids)) == 0)
    case = np.concatenate([case, idle])
    rule = np.concatenate([rule, np.full(len(idle), -1)])
    never = np.full(len(idle), NAT)
    started, last, due = (np.concatenate([a, never]) for a in (started, last, due))
    order = np.lexsort((rule, case))
    return Audit(pack, on, cases, case[order], rule[order], started[order], last[order], due[order])


class _Index:
    """The rows sorted by (case, kind, date), packed into one int64 each, for searchsorted."""

    def __init__(self, cases: Cases, pack: Pack) -> None:
        self.kinds = {name: code for code, name in enumerate(cases.kinds)}
        self.width = max(len(cases.kinds), 1)
        self.base = np.datetime64(pack.horizon[0], "D")
        offset = (cases.row_date - self.base).astype(np.int64)
        key = cases.row_case * self.width + cases.row_kind
        self.packed = np.sort((key << _SHIFT) | offset)
        self.keys = self.packed >> _SHIFT

    def date_at(self, positions: np.ndarray) -> np.ndarray:
        return self.base + (self.packed[positions] & ((1 << _SHIFT) - 1)).astype("timedelta64[D]")

    def latest(self, case: np.ndarray, kind: str) -> np.ndarray:
        """Each case's latest date of ``kind``, NaT if none."""
        if kind not in self.kinds:
            return np.full(len(case), NAT)
        key = case * self.width + self.kinds[kind]
        end = np.searchsorted(self.keys, key, side="right")
        found = (end > 0) & (self.keys[np.maximum(end - 1, 0)] == key)
        return np.where(found, self.date_at(np.maximum(end - 1, 0)), NAT)

    def earliest(self, case: np.ndarray, kind: str) -> np.ndarray:
        """Each case's earliest date of ``kind``, NaT if none."""
        return self.first_from(case, kind, np.full(len(case), self.base))

    def first_from(self, case: np.ndarray, kind: str, since: np.ndarray) -> np.ndarray:
        """Each case's first date of ``kind`` on or after ``since``, NaT if none."""
        if kind not in self.kinds:
            return np.full(len(case), NAT)
        key = case * self.width + self.kinds[kind]
        at = np.searchsorted(self.packed, (key << _SHIFT) | self._offset(since), side="left")
        inside = np.minimum(at, len(self.packed) - 1)
        found = (at < len(self.packed)) & (self.keys[inside] == key)
        return np.where(found, self.date_at(inside), NAT)

    def count_from(self, case: np.ndarray, kind: str, since: np.ndarray) -> np.ndarray:
        """How many rows of ``kind`` each case has on or after ``since``."""
        if kind not in self.kinds:
            return np.zeros(len(case), dtype=np.int64)
        key = case * self.width + self.kinds[kind]
        at = np.searchsorted(self.packed, (key << _SHIFT) | self._offset(since), side="left")
        end = np.searchsorted(self.keys, key, side="right")
        return np.maximum(end - at, 0)

    def all_dates(self, case: int, kind: str) -> list[date]:
        if kind not in self.kinds:
            return []
        key = case * self.width + self.kinds[kind]
        start, end = np.searchsorted(self.keys, [key, key + 1])
        return [d.item() for d in self.date_at(np.arange(start, end))]

    def _offset(self, days: np.ndarray) -> np.ndarray:
        return (days - self.base).astype(np.int64)


def _applicable(cases: Cases, pack: Pack, facts: dict[str, np.ndarray]) -> np.ndarray:
    """``applies[rule, case]``: the rule applies to the case (subject, facts, not overridden)."""
    subjects = {(group, ()): code for code, group in enumerate(dict.fromkeys(cases.case_group))}
    case_subject = np.fromiter(
        (subjects[group, ()] for group in cases.case_group),
        dtype=np.int64,
        count=len(cases.case_group),
    )
    for case, stated in cases.qualifiers.items():  # the few cases with qualifiers
        key = (cases.case_group[case], tuple(sorted(stated.items())))
        case_subject[case] = subjects.setdefault(key, len(subjects))
    subject_list = [subject_of(group, pairs) for group, pairs in subjects]
    applies = np.zeros((len(pack.rules), len(cases.case_group)), dtype=bool)
    for number, rule in enumerate(pack.rules):
        covered = np.array([pack.covers(rule, s) for s in subject_list] or [False], dtype=bool)
        mask = covered[case_subject] if len(case_subject) else np.zeros(0, dtype=bool)
        for name, wanted in rule.conditions:
            mask &= facts[name] == wanted
        applies[number] = mask
    position = {rule.id: number for number, rule in enumerate(pack.rules)}
    overridden = np.zeros_like(applies)
    for number, rule in enumerate(pack.rules):
        for target in rule.overrides:
            other = position.get(target)
            if other is not None and pack.rules[other].activity == rule.activity:
                overridden[other] |= applies[number]
    return applies & ~overridden


def _fact_arrays(cases: Cases, pack: Pack) -> dict[str, np.ndarray]:
    """Per case, each fact the rules use (false unless a row of the case says true)."""
    names = {name for rule in pack.rules for name, _ in rule.conditions}
    names |= {name for rule in pack.rules for name in facts_of(rule.timescale)}
    arrays = {name: np.zeros(len(cases.case_group), dtype=bool) for name in names}
    for case, stated in cases.facts.items():
        for name, value in stated.items():
            if name in arrays:
                arrays[name][case] = value
    return arrays


def _started(index: _Index, case: np.ndarray, event: str, pack: Pack) -> np.ndarray:
    """Each case's latest date of ``event``, NaT if none.

    For the later of two events, the later of their latest dates, once both have happened
    (NaT propagates through ``maximum``); for the earlier, the earlier of those that have.
    """
    derived = pack.derived_events.get(event)
    if derived is None:
        return index.latest(case, event)
    which, parts = derived
    combine = np.maximum if which == "later" else np.fmin
    return functools.reduce(combine, [index.latest(case, part) for part in parts])


def _judge(
    rule: PackRule,
    number: int,
    chosen: np.ndarray,
    index: _Index,
    facts: dict[str, np.ndarray],
    pack: Pack,
) -> tuple[np.ndarray, ...]:
    """The started cases of one rule: (case, rule, started, last done, next due)."""
    started = _started(index, chosen, rule.event, pack)
    running = ~np.isnat(started)
    case, start = chosen[running], started[running]
    t = rule.timescale
    calendar = pack.calendar_for(rule)  # the law's, for a statutory rule
    last = index.latest(case, rule.activity)
    if isinstance(t, Count):  # needs every occurrence per period: case by case
        due = np.array(
            [
                next_due(t, s.item(), calendar, index.all_dates(int(c), rule.activity))
                for c, s in zip(case, start, strict=True)
            ],
            dtype="datetime64[D]",
        ).reshape(-1)
    elif isinstance(t, Deadline | Once):
        if is_before(t):
            done = index.earliest(case, rule.activity) <= start
        else:
            done = index.count_from(case, rule.activity, start) > 0
        if isinstance(t, Once):
            due = np.where(done, NAT, start)
        else:
            due = add_array(np.where(done, NAT, start), t.within, calendar, -1 if t.before else 1)
    else:
        count = index.count_from(case, rule.activity, start)
        due = _recurrence_due(t, case, start, count, last, index, facts, calendar)
    return case, np.full(len(case), number), start, last, due


def _recurrence_due(
    t: Recurrence,
    case: np.ndarray,
    start: np.ndarray,
    count: np.ndarray,
    last: np.ndarray,
    index: _Index,
    facts: dict[str, np.ndarray],
    calendar: Calendar,
) -> np.ndarray:
    """:func:`compiler.timescale.due.next_due` for every case, grouped by occurrences so far.

    With none, the first deadline counts from the start; with k fewer than the
    recurrence's own first deadlines, the (k+1)th counts from the latest; after
    those, the phases govern the gap after the latest.
    """
    case_facts = {name: facts[name][case] for name in facts_of(t)}
    events = {p.until: index.first_from(case, p.until, start) for p in t.phases if p.until}
    plan = ArrayPlan(t, start, calendar, case_facts, events)
    after = np.where(count > 0, last, start)
    step = np.minimum(count, len(t.first))
    due = np.full(len(case), NAT)
    for k in range(len(t.first) + 1):
        chosen = step == k
        if chosen.any():
            days = np.where(chosen, after, NAT)
            moved = plan.due_after(days, k) if k < len(t.first) else plan.next_after(days)
            due = np.where(chosen, moved, due)
    return due
