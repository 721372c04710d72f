"""The audit's results as a CSV table and a summary a person can read.

The table has one row per (case, rule), in :data:`compiler.evaluator.audit.OUTPUT_COLUMNS`;
it is written column by column (numpy turns a million dates into text at
once), not row by row.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from compiler.evaluator.assumptions import counts_in_working_days
from compiler.evaluator.audit import OUTPUT_COLUMNS, Audit
from compiler.evaluator.cases import RowProblem
from compiler.util.gc_pause import no_garbage_collection
from compiler.util.spreadsheet import spreadsheet_safe

_SPECIAL = (",", '"', "\n", "\r")


@dataclass(frozen=True)
class Summary:
    """The figures of an audit, for people and tools."""

    rows: int
    unreadable: tuple[RowProblem, ...]
    cases: int
    judged: int
    overdue: int
    overdue_cases: int
    not_started: int
    by_rule: tuple[tuple[str, int, int], ...]
    """(rule id, cases judged, cases overdue), in the pack's rule order."""

    def as_json(self) -> dict[str, object]:
        return {
            "rows": self.rows,
            "unreadable_rows": [{"line": p.line, "message": p.message} for p in self.unreadable],
            "cases": self.cases,
            "case_rules_judged": self.judged,
            "case_rules_overdue": self.overdue,
            "cases_overdue": self.overdue_cases,
            "cases_not_started": self.not_started,
            "by_rule": [{"rule": r, "cases": c, "overdue": o} for r, c, o in self.by_rule],
        }

    def text(self, source: str, on: str, pack: str) -> str:
        lines = [
            f"audit of {source} on {on} with the {pack} pack:",
            f"  {self.rows} row(s) read, {len(self.unreadable)} could not be read"
            + (f" (lines {_lines(self.unreadable)})" if self.unreadable else ""),
            f"  {self.cases} case(s); {self.overdue_cases} overdue on at least one rule; "
            f"{self.not_started} with no rule's clock started",
            f"  {self.judged} case-rule pair(s) judged, {self.overdue} overdue",
        ]
        lines += [
            f"    {rule}: {judged} case(s), {late} overdue" for rule, judged, late in self.by_rule
        ]
        return "\n".join(lines)


def summarise(result: Audit) -> Summary:
    """Count what the audit found."""
    judged = result.rule >= 0
    late = result.days_overdue > 0
    per_rule = Counter(result.rule[judged].tolist())
    late_rule = Counter(result.rule[judged & late].tolist())
    return Summary(
        rows=result.cases.rows,
        unreadable=tuple(result.cases.problems),
        cases=len(result.cases.case_ids),
        judged=int(judged.sum()),
        overdue=int((judged & late).sum()),
        overdue_cases=len(np.unique(result.case[late])),
        not_started=int((~judged).sum()),
        by_rule=tuple(
            (rule.id, per_rule[number], late_rule[number])
            for number, rule in enumerate(result.pack.rules)
            if per_rule[number]
        ),
    )


def render_audit(result: Audit) -> str:
    """The result table as CSV text (header first, ``\\n`` line endings)."""
    with no_garbage_collection():
        return _render(result)


def _render(result: Audit) -> str:
    rules = result.pack.rules
    judged = result.rule >= 0
    number = np.where(judged, result.rule, 0)

    def per_rule(values: list[str]) -> np.ndarray:
        table = np.array([*values, ""], dtype=object)
        return table[np.where(judged, number, len(values))]

    names = [spreadsheet_safe(name) for name in result.cases.case_ids]  # ids are data
    if any(c in "\x00".join(names) for c in _SPECIAL):
        names = [_quoted(c) for c in names]
    case_ids = np.array(names, dtype=object)
    groups = np.array(result.cases.case_group, dtype=object)
    late = result.days_overdue
    status = np.where(
        ~judged,
        "not_started",
        np.where(np.isnat(result.next_due), "done", np.where(late > 0, "overdue", "due")),
    )
    columns = [
        case_ids[result.case],
        groups[result.case],
        per_rule([r.activity for r in rules]),
        per_rule([r.id for r in rules]),
        per_rule([r.strength for r in rules]),
        per_rule([r.event for r in rules]),
        _dates(result.started),
        _dates(result.last),
        _dates(result.next_due),
        status.astype(object),
        np.where(judged, late.astype(str), "").astype(object),
        np.where(judged, np.where(result.binding, "true", "false"), "").astype(object),
        _working_days_late(result, judged),
    ]
    body = "\n".join(map(",".join, zip(*columns, strict=True)))
    return ",".join(OUTPUT_COLUMNS) + "\n" + (body + "\n" if body else "")


def _working_days_late(result: Audit, judged: np.ndarray) -> np.ndarray:
    """Working days overdue, for the rows of rules that count working days; else empty."""
    counting = np.array([counts_in_working_days(r.timescale) for r in result.pack.rules] + [False])
    shown = judged & counting[np.where(judged, result.rule, len(result.pack.rules))]
    on = np.datetime64(result.on, "D") + 1
    after = np.where(np.isnat(result.next_due), on, result.next_due + 1)
    pack = result.pack
    count = np.busday_count(np.minimum(after, on), on, busdaycal=pack.calendar.busdaycalendar)
    if pack.law_calendar is not None:  # a statutory rule's days late are the law's working days
        law = np.busday_count(np.minimum(after, on), on, busdaycal=pack.law_calendar.busdaycalendar)
        statutory = np.array([r.inherited for r in pack.rules] + [False])
        count = np.where(statutory[np.where(judged, result.rule, len(pack.rules))], law, count)
    words = np.array([str(n) for n in range(int(count.max(initial=0)) + 1)], dtype=object)
    return np.where(shown, words[count], "")


def _dates(days: np.ndarray) -> np.ndarray:
    """Dates as text, each distinct day written once (a result has a few thousand of them)."""
    known = ~np.isnat(days)
    if not known.any():
        return np.full(len(days), "", dtype=object)
    offset = days.astype(np.int64)
    first = offset[known].min()
    span = np.arange(first, offset[known].max() + 1).astype("datetime64[D]")
    words = np.array([*np.datetime_as_string(span, unit="D"), ""], dtype=object)
    return words[np.where(known, offset - first, len(span))]


def _quoted(value: str) -> str:
    if any(c in value for c in _SPECIAL):
        return '"' + value.replace('"', '""') + '"'
    return value


def _lines(problems: tuple[RowProblem, ...], shown: int = 20) -> str:
    listed = ", ".join(str(p.line) for p in problems[:shown])
    more = len(problems) - shown
    return listed + (f" and {more} more" if more > 0 else "")
