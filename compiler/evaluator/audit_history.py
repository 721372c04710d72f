"""History: every interval of a period that ran longer than the rules allowed, and on-time shares.

With full visit and review histories (the SSD), "who is overdue today" is the
least of it: a manager or an inspector asks how many visits were on time last
quarter, by team and by month. For each case and activity, each occurrence
(and the gap still open at the end) is judged against the due date the pack's
rules gave *before* it happened: :func:`compiler.evaluator.evaluate.due`, the evaluator's
own answer, asked with the occurrences up to then. The earliest due date of
the rules that apply binds (the safety reading: the statutory rule too), and
the interval is counted if that date falls within the period.

An interval is ``on_time`` (done by its due date), ``late`` (done after it, or
still not done by the end of the period) or not counted: due after the period
ends, or after the case closed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from compiler.evaluator.cases import Cases
from compiler.evaluator.evaluate import Pack, PackRule, due, subject_of
from compiler.model import Subject
from compiler.timescale.model import Recurrence

INTERVAL_COLUMNS = (
    "case_id",
    "person",
    "group",
    "team",
    "worker",
    "activity",
    "rule",
    "strength",
    "since",
    "due",
    "done",
    "days_late",
    "status",
)


@dataclass(frozen=True)
class Interval:
    """One gap judged: from ``since`` (the clock or the previous occurrence) to ``done``."""

    case_id: str
    person: str
    group: str
    team: str
    worker: str
    activity: str
    rule: PackRule
    since: date
    due: date
    done: date | None
    end_of_period: date

    @property
    def late(self) -> bool:
        return (self.done or self.end_of_period) > self.due

    @property
    def days_late(self) -> int:
        return max(((self.done or self.end_of_period) - self.due).days, 0)

    def row(self) -> list[str]:
        return [
            self.case_id,
            self.person,
            self.group,
            self.team,
            self.worker,
            self.activity,
            self.rule.id,
            self.rule.strength,
            self.since.isoformat(),
            self.due.isoformat(),
            self.done.isoformat() if self.done else "",
            str(self.days_late),
            "late" if self.late else "on_time",
        ]


@dataclass(frozen=True)
class Share:
    """On-time and late counts for one slice (a group, a team, a worker or a month)."""

    by: str
    value: str
    on_time: int
    late: int

    @property
    def rate(self) -> float:
        total = self.on_time + self.late
        return self.on_time / total if total else 1.0


def history(
    cases: Cases,
    pack: Pack,
    start: date,
    end: date,
    people: list[str],
    teams: list[str],
    workers: list[str],
    closed: np.ndarray,
) -> list[Interval]:
    """Every interval of ``cases`` whose due date falls from ``start`` to ``end``, in case order."""
    clocks = _Clocks(pack)
    order = np.lexsort((cases.row_date, cases.row_kind, cases.row_case))
    rows_of: dict[int, dict[str, list[date]]] = defaultdict(lambda: defaultdict(list))
    for case, kind, day in zip(
        cases.row_case[order].tolist(),
        cases.row_kind[order].tolist(),
        cases.row_date[order].tolist(),
        strict=True,
    ):
        rows_of[case][cases.kinds[kind]].append(day)
    activities = sorted({rule.activity for rule in pack.rules})
    found: list[Interval] = []
    for case in range(len(cases.case_ids)):
        dates = rows_of.get(case, {})
        closing = closed[case] if len(closed) else np.datetime64("NaT")
        limit = end if np.isnat(closing) else min(end, closing.item())
        subject = subject_of(cases.case_group[case], cases.qualifiers.get(case, {}).items())
        facts = cases.facts.get(case, {})
        who = (
            cases.case_ids[case],
            people[case],
            cases.case_group[case],
            teams[case],
            workers[case],
        )
        for activity in activities:
            done = dates.get(activity, [])
            for k in range(len(done) + 1):
                by_event = clocks.of(subject, activity, facts)
                judged = _binding(by_event, dates, subject, activity, facts, done, k, limit)
                if judged is None:
                    continue
                rule, since, due_date = judged
                if not start <= due_date <= limit or (k == len(done) and due_date >= limit):
                    continue
                occurred = done[k] if k < len(done) else None
                found.append(Interval(*who, activity, rule, since, due_date, occurred, limit))
    return found


class _Clocks:
    """For a kind of case and an activity, the rules that apply, grouped by the event they count
    from: :func:`compiler.evaluator.evaluate.due` takes one start date, and a placement's visits
    and a period of care's reviews start on different days. Overrides are settled first, over all
    the rules, exactly as the evaluator settles them for the snapshot."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.known: dict[tuple, dict[str, Pack]] = {}

    def of(self, subject: Subject, activity: str, facts: dict[str, bool]) -> dict[str, Pack]:
        key = (subject, activity, tuple(sorted(facts.items())))
        if key not in self.known:
            chosen = self.pack.rules_for(subject, activity, facts)
            self.known[key] = {
                event: replace(self.pack, rules=tuple(r for r in chosen if r.event == event))
                for event in dict.fromkeys(r.event for r in chosen)
            }
        return self.known[key]


def _binding(
    by_event: dict[str, Pack],
    dates: dict[str, list[date]],
    subject: Subject,
    activity: str,
    facts: dict[str, bool],
    done: list[date],
    k: int,
    limit: date,
) -> tuple[PackRule, date, date] | None:
    """The earliest due date, before the k-th occurrence, of the rules for ``activity``."""
    upto = done[k] if k < len(done) else limit
    best = None
    for event, sub_pack in by_event.items():
        starts = [d for d in dates.get(event, []) if d < upto or (d == upto and event != activity)]
        if not starts:
            continue
        clock = starts[-1]
        before = [d for d in done[:k] if d >= clock]
        ends = _phase_ends(sub_pack, activity, dates, clock)
        for answer in due(sub_pack, subject, activity, clock, before, facts, ends):
            if answer.next_due is None:
                continue
            since = before[-1] if before else clock
            if best is None or answer.next_due < best[2]:
                best = (answer.rule, since, answer.next_due)
    return best


def _phase_ends(
    pack: Pack, activity: str, dates: dict[str, list[date]], clock: date
) -> dict[str, date]:
    """The first date from the clock of each event that ends a phase ("until the first review")."""
    ends: dict[str, date] = {}
    for rule in pack.rules:
        if rule.activity == activity and isinstance(rule.timescale, Recurrence):
            for phase in rule.timescale.phases:
                later = [d for d in dates.get(phase.until or "", []) if d >= clock]
                if phase.until and later:
                    ends[phase.until] = later[0]
    return ends


def shares(intervals: list[Interval]) -> list[Share]:
    """On-time shares by group, team, worker (where the records name them) and month due."""
    counts: Counter = Counter()
    for interval in intervals:
        for by, value in (
            ("group", interval.group),
            ("team", interval.team),
            ("worker", interval.worker),
            ("month", interval.due.strftime("%Y-%m")),
            ("activity", interval.activity),
        ):
            if value:
                counts[(by, value, interval.late)] += 1
    slices = sorted({(by, value) for by, value, _ in counts})
    return [
        Share(by, value, counts[(by, value, False)], counts[(by, value, True)])
        for by, value in slices
    ]


def render_history(intervals: list[Interval]) -> str:
    """The intervals as CSV text (header first); ids only, no names."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(INTERVAL_COLUMNS)
    writer.writerows(interval.row() for interval in intervals)
    return out.getvalue()
