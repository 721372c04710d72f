"""The audit of the records authorities hold (``standards audit --ssd`` and ``--annex-a``).

The records are read into the evaluator's cases (:mod:`compiler.sources`), the
pack is cut to the rules they can judge (:mod:`compiler.sources.judgeable`),
and then the same :func:`compiler.evaluator.audit.audit` as for a CSV gives the snapshot
on ``--on``; with ``--from``, :mod:`compiler.evaluator.audit_history` gives every
interval of the period that ran late. What cannot be judged (a rule, a row)
is said, with why, and counted.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np

from compiler.evaluator.audit import audit as run_audit
from compiler.evaluator.audit_history import history, render_history, shares
from compiler.evaluator.audit_report import render_audit, summarise
from compiler.evaluator.cases import Cases
from compiler.evaluator.evaluate import Pack
from compiler.sources import ssd_mapping
from compiler.sources.database import open_database
from compiler.sources.judgeable import judgeable
from compiler.sources.source_audit import SourceAudit
from compiler.sources.ssd import CaseRecords, SourceProblem, read_ssd
from compiler.util.write import write_file_atomically


def open_only(records: CaseRecords, on: date) -> tuple[Cases, np.ndarray]:
    """The cases open on ``on``: begun by then, not ended (a closed plan is not judged)."""
    cases = records.cases
    day = np.datetime64(on, "D")
    keep = np.isnat(records.end) | (records.end > day) if len(records.end) else np.zeros(0, bool)
    if records.start is not None and len(records.start):
        keep &= np.isnat(records.start) | (records.start <= day)
    number = np.cumsum(keep) - 1
    rows = keep[cases.row_case] if len(cases.row_case) else np.zeros(0, dtype=bool)
    chosen = np.flatnonzero(keep)
    subset = Cases(
        rows=cases.rows,
        problems=[],
        case_ids=[cases.case_ids[i] for i in chosen],
        case_group=[cases.case_group[i] for i in chosen],
        row_case=number[cases.row_case[rows]],
        row_kind=cases.row_kind[rows],
        row_date=cases.row_date[rows],
        kinds=cases.kinds,
        facts={int(number[i]): f for i, f in cases.facts.items() if keep[i]},
        qualifiers={int(number[i]): q for i, q in cases.qualifiers.items() if keep[i]},
    )
    return subset, chosen


def audit_ssd(
    location: str, schema: str | None, pack: Pack, on: date, period: tuple[date, date] | None
) -> SourceAudit:
    """Read the SSD at ``location`` and judge it on ``on`` (and over ``period``)."""
    last = max(on, period[1]) if period else on
    records = read_ssd(open_database(location, schema), pack, last)
    missing = frozenset(records.missing_tables)
    judged = judgeable(
        pack,
        "the SSD",
        ssd_mapping.groups(missing),
        lambda group: ssd_mapping.kinds(group, missing),
        lambda group: ssd_mapping.qualifiers(group, missing),
    )
    records_on = read_ssd(open_database(location, schema), pack, on) if last != on else records
    open_cases, _ = open_only(records_on, on)
    result = run_audit(open_cases, judged.pack, on)
    summary = summarise(result).as_json()
    found = SourceAudit(location, on, pack, judged, records, render_audit(result), summary)
    if period:
        found.period = period
        found.intervals = history(
            records.cases,
            judged.pack,
            period[0],
            period[1],
            records.person,
            records.team,
            records.worker,
            records.end,
        )
        found.history_csv = render_history(found.intervals)
    return found


def report_json(found: SourceAudit) -> dict:
    """The summary as JSON: the snapshot's figures, what was not judged, the history's shares."""
    return {
        "source": found.source,
        "on": found.on.isoformat(),
        "pack": f"{found.pack.authority} {found.pack.name}",
        "snapshot": found.summary,
        "rules_not_judged": [{"rule": u.rule, "why": u.reason} for u in found.judged.unjudged],
        "readings": [{"rule": u.rule, "note": u.reason} for u in found.judged.readings],
        "rows_not_judged": [
            {"table": p.table, "key": p.key, "reason": p.reason} for p in found.records.problems
        ],
        "rows_left_out": [
            {"table": t, "reason": r, "rows": n}
            for (t, r), n in sorted(found.records.left_out.items())
        ],
        "tables_missing": found.records.missing_tables,
        "columns_used": found.notes,
        "history": None
        if found.period is None
        else {
            "from": found.period[0].isoformat(),
            "to": found.period[1].isoformat(),
            "intervals": len(found.intervals),
            "late": sum(i.late for i in found.intervals),
            "shares": [
                {"by": s.by, "value": s.value, "on_time": s.on_time, "late": s.late}
                for s in shares(found.intervals)
            ],
        },
    }


def summary_text(found: SourceAudit) -> str:
    """What a person reads on standard error."""
    snap = found.summary
    lines = [
        f"audit of {found.source} on {found.on.isoformat()} with the "
        f"{found.pack.authority} {found.pack.name} pack:",
        f"  {found.records.cases.rows} row(s) read; {len(found.records.problems)} could not be "
        f"judged; {sum(found.records.left_out.values())} left out on purpose",
        f"  {snap['cases']} open case(s); {snap['cases_overdue']} overdue on at least one rule",
        f"  {len(found.judged.unjudged)} rule(s) of the pack cannot be judged from these records:",
    ]
    lines += [f"    {u.rule}: {u.reason}" for u in found.judged.unjudged]
    lines += [f"  used: {note}" for note in found.notes]
    lines += [f"  note: {u.rule}: {u.reason}" for u in found.judged.readings]
    if found.records.missing_tables:
        lines.append("  tables not found: " + ", ".join(found.records.missing_tables))
    for (table, reason), count in sorted(found.records.left_out.items()):
        lines.append(f"  left out: {table}: {reason}: {count} row(s)")
    if found.period:
        late = sum(i.late for i in found.intervals)
        lines.append(
            f"  {found.period[0].isoformat()} to {found.period[1].isoformat()}: "
            f"{len(found.intervals)} interval(s) due, {late} late"
        )
    return "\n".join(lines)


def problems_text(problems: list[SourceProblem], shown: int = 50) -> list[str]:
    lines = [f"{p.render()}" for p in problems[:shown]]
    if len(problems) > shown:
        lines.append(f"... and {len(problems) - shown} more (all are in --summary-json)")
    return lines


def write_outputs(found: SourceAudit, history_out: Path | None, summary_json: Path | None) -> None:
    if history_out is not None:
        write_file_atomically(history_out, found.history_csv or render_history([]))
    if summary_json is not None:
        write_file_atomically(summary_json, json.dumps(report_json(found), indent=2) + "\n")
