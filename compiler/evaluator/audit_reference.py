"""The audit done the plain way: row by row, case by case, with the scalar due-date code.

Slow (a Python loop over every row and every case), and deliberately simple:
it is what :mod:`compiler.evaluator.audit` must agree with, byte for byte, and what the
audit benchmark measures the vectorised path against. It shares only the
wording of row problems with :mod:`compiler.evaluator.cases`.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from compiler.errors import clip
from compiler.evaluator.assumptions import counts_in_working_days, working_days_late
from compiler.evaluator.audit import OUTPUT_COLUMNS
from compiler.evaluator.case_table import records
from compiler.evaluator.cases import (
    check_header,
    kind_problem,
    read_date,
    read_facts,
    read_qualifiers,
    term_problem,
    width_problem,
)
from compiler.evaluator.evaluate import Pack, PackRule, subject_of
from compiler.timescale.due import next_due
from compiler.timescale.model import Recurrence
from compiler.util.spreadsheet import spreadsheet_safe


def audit_case_by_case(text: str, pack: Pack, on: date) -> tuple[str, list[tuple[int, str]]]:
    """The result table as CSV text, and the (line, message) of each row that cannot be read."""
    every = list(records(text))
    first = every[0][1] if every else []
    header = [name.strip() for name in first] if isinstance(first, list) else []
    check_header(header)
    problems: list[tuple[int, str]] = []
    cases: dict[tuple[str, str], list[tuple[date, str, dict, dict]]] = {}
    for line, row in every[1:]:
        if isinstance(row, str):
            problems.append((line, clip(row)))
            continue
        if not row:
            continue
        if len(row) != len(header):
            problems.append((line, clip(width_problem(header, len(row)))))
            continue
        fields: dict[str, Any] = {
            "facts": "",
            "qualifiers": "",
            **dict(zip(header, row, strict=True)),
        }
        day, date_problem = read_date(pack, fields["date"])
        facts, facts_problem = read_facts(pack, fields["facts"])
        qualifiers, qualifiers_problem = read_qualifiers(pack, fields["qualifiers"])
        reasons = [
            "" if fields["case_id"].strip() else "no case_id",
            term_problem(pack, "groups", fields["group"], "group"),
            kind_problem(pack, fields["event"]),
            date_problem,
            facts_problem,
            qualifiers_problem,
        ]
        if any(reasons):
            problems.append((line, clip("; ".join(r for r in reasons if r))))
            continue
        key = (fields["case_id"], fields["group"])
        cases.setdefault(key, []).append((day, fields["event"], facts, qualifiers))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    for (case_id, group), events in cases.items():
        judged = _judge_case(pack, group, events, on)
        for result in judged or [["", "", "", "", "", "", "", "not_started", "", "", ""]]:
            writer.writerow([spreadsheet_safe(case_id), group, *result])
    return out.getvalue(), problems


def _judge_case(
    pack: Pack, group: str, events: list[tuple[date, str, dict, dict]], on: date
) -> list[list[str]]:
    facts: dict[str, bool] = {}
    qualifiers: dict[str, str] = {}
    for _, _, stated_facts, stated_qualifiers in sorted(events, key=lambda e: e[0]):
        facts.update(stated_facts)
        qualifiers.update(stated_qualifiers)
    subject = subject_of(group, qualifiers.items())
    dates: dict[str, list[date]] = {}
    for day, kind, _, _ in events:
        dates.setdefault(kind, []).append(day)
    results = []
    timed: list[tuple[PackRule, date | None]] = []
    for rule in pack.rules:
        if rule not in pack.rules_for(subject, rule.activity, facts):
            continue
        start = _start(rule.event, dates, pack)
        if start is None:
            continue  # its clock has not started
        done = sorted(dates.get(rule.activity, []))
        ends = {}
        if isinstance(rule.timescale, Recurrence):
            for phase in rule.timescale.phases:
                later = [d for d in dates.get(phase.until or "", []) if d >= start]
                if phase.until and later:
                    ends[phase.until] = min(later)
        following = next_due(rule.timescale, start, pack.calendar_for(rule), done, facts, ends)
        late = max((on - following).days, 0) if following is not None else 0
        status = "done" if following is None else "overdue" if late else "due"
        results.append(
            [
                rule.activity,
                rule.id,
                rule.strength,
                rule.event,
                start.isoformat(),
                done[-1].isoformat() if done else "",
                following.isoformat() if following else "",
                status,
                str(late),
                "",  # binding, filled in below once every rule's date is known
                str(working_days_late(pack.calendar_for(rule), following, on))
                if following is not None and counts_in_working_days(rule.timescale)
                else ("0" if counts_in_working_days(rule.timescale) else ""),
            ]
        )
        timed.append((rule, following))
    return [[*row[:-2], _binding_of(row, timed), row[-1]] for row in results]


def _binding_of(row: list[str], timed: list[tuple[PackRule, date | None]]) -> str:
    """ "true" for the rule with the earliest date among the case's rules for the activity."""
    rivals = [(d, not r.inherited, r.id) for r, d in timed if r.activity == row[0] and d]
    if not row[6] or not rivals:
        return "false"
    return "true" if min(rivals)[2] == row[1] else "false"


def _start(event: str, dates: dict[str, list[date]], pack: Pack) -> date | None:
    """The latest date of ``event``; for the later (earlier) of two, of their latest dates."""
    which, parts = pack.derived_events.get(event, ("", (event,)))
    latest = [max(dates[part]) for part in parts if part in dates]
    if not latest or (which != "earlier" and len(latest) < len(parts)):
        return None
    return min(latest) if which == "earlier" else max(latest)
