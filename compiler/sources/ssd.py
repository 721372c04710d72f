"""The Standard Safeguarding Dataset read into the audit's cases, by the declared mapping.

:func:`read_ssd` reads each table of :mod:`compiler.sources.ssd_mapping` from
the database, links every dated row to its case and returns
:class:`compiler.evaluator.cases.Cases` for :func:`compiler.evaluator.audit.audit` (the evaluator
itself, unchanged), with what a report needs beside it: each case's person,
team, worker and end. Nothing is dropped silently: a row that cannot be
judged is a :class:`SourceProblem` (table, key, reason), and a row left out
on purpose (a cancelled review, a date after the one judged) is counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from compiler.evaluator.cases import Cases
from compiler.evaluator.evaluate import Pack
from compiler.sources import ssd_mapping as mapping
from compiler.sources.columns import DAY, days, flags, positions, strings, text
from compiler.sources.database import Database, SourceError

NAT = np.datetime64("NaT", "D")


@dataclass(frozen=True)
class SourceProblem:
    """A row that cannot be judged: its table, its key and why."""

    table: str
    key: str
    reason: str

    def render(self) -> str:
        return f"{self.table} {self.key or '(no key)'}: {self.reason}"


@dataclass
class CaseRecords:
    """The cases of the SSD, as the audit reads them, and what the report shows beside them."""

    cases: Cases
    person: list[str]
    team: list[str]
    worker: list[str]
    end: np.ndarray
    problems: list[SourceProblem] = field(default_factory=list)
    start: np.ndarray | None = None  # each case's start (NaT: none recorded)
    left_out: Counter = field(default_factory=Counter)
    missing_tables: list[str] = field(default_factory=list)


@dataclass
class _Group:
    """One group's cases while they are read: keys sorted, and columns per case."""

    spec: mapping.CaseTable
    keys: list[str]
    person: list[str]
    start: np.ndarray
    end: np.ndarray
    team: list[str]
    worker: list[str]


def read_ssd(database: Database, pack: Pack, until: date) -> CaseRecords:
    """Every case of the SSD in ``database`` with its events dated on or before ``until``."""
    problems: list[SourceProblem] = []
    left_out: Counter = Counter()
    missing: list[str] = []
    rows: dict[str, int] = {}  # per table: a table read for two purposes counts once
    groups: dict[str, _Group] = {}
    for spec in mapping.CASES:
        if not database.has_table(spec.table):
            missing.append(spec.table)
            continue
        group, rows[spec.table] = _read_cases(database, spec, problems)
        groups[spec.group] = group
    if not groups:
        raise SourceError(
            "no SSD case table found (looked for "
            + ", ".join(spec.table for spec in mapping.CASES)
            + "): is this the Standard Safeguarding Dataset? With SQL Server or PostgreSQL, "
            "give the schema that holds it with --ssd-schema"
        )
    parts: list[tuple[str, np.ndarray, str, np.ndarray]] = []  # (group, case, kind, date)
    for group in groups.values():
        if group.spec.start_event:
            chosen = ~np.isnat(group.start)
            parts.append(
                (
                    group.spec.group,
                    np.flatnonzero(chosen),
                    group.spec.start_event,
                    group.start[chosen],
                )
            )
    for source in mapping.EVENTS:
        if source.group not in groups:
            continue
        if not database.has_table(source.table):
            missing.append(source.table)
            continue
        found, rows[source.table] = _read_events(
            database, source, groups[source.group], problems, left_out
        )
        parts += found
    parts += _derived(parts)
    qualifiers = _qualifiers(database, groups, until, missing, left_out)
    _teams(database, groups, until, missing)
    horizon = tuple(np.datetime64(d, "D") for d in pack.horizon)
    cases = _to_cases(
        groups, parts, qualifiers, until, horizon, sum(rows.values()), problems, left_out
    )
    everyone = [g for g in groups.values()]
    return CaseRecords(
        cases=cases,
        person=[p for g in everyone for p in g.person],
        team=[t for g in everyone for t in g.team],
        worker=[w for g in everyone for w in g.worker],
        end=np.concatenate([g.end for g in everyone]) if everyone else np.zeros(0, DAY),
        start=np.concatenate([g.start for g in everyone]) if everyone else np.zeros(0, DAY),
        problems=sorted(problems, key=lambda p: (p.table, p.key, p.reason)),
        left_out=left_out,
        missing_tables=sorted(set(missing)),
    )


def _read_cases(
    database: Database, spec: mapping.CaseTable, problems: list[SourceProblem]
) -> tuple[_Group, int]:
    wanted = [c for c in (spec.key, spec.person, spec.start, spec.end, spec.team, spec.worker) if c]
    read = database.columns(spec.table, list(dict.fromkeys(wanted)))
    key_text = text(read[spec.key])
    start = days(read[spec.start]) if spec.start else np.full(len(key_text), NAT)
    end = days(read[spec.end]) if spec.end else np.full(len(key_text), NAT)
    keyed = ~np.asarray(key_text.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    for _ in range(int((~keyed).sum())):
        problems.append(SourceProblem(spec.table, "", f"no {spec.key}: the row is no case"))
    if spec.start:
        for i in np.flatnonzero(keyed & np.isnat(start)):
            reason = f"no {spec.start} (or not a date): no clock starts"
            problems.append(SourceProblem(spec.table, str(key_text[int(i)]), reason))
    ordered = sorted(pc.unique(key_text.filter(pa.array(keyed))).to_pylist())
    code = positions(key_text, ordered)
    rows = np.flatnonzero(code >= 0)
    code = code[rows]
    # Several rows of one key (a period of care's episodes): the earliest start, the latest
    # end, open if any is open; person, team and worker of its first row.
    never = np.iinfo(np.int64).max
    begun = np.full(len(ordered), never, dtype=np.int64)
    np.minimum.at(begun, code, np.where(np.isnat(start[rows]), never, start[rows].view(np.int64)))
    ended = np.full(len(ordered), NAT).view(np.int64)
    np.maximum.at(ended, code, end[rows].view(np.int64))
    still_open = np.zeros(len(ordered), dtype=bool)
    if spec.end:
        np.logical_or.at(still_open, code, np.isnat(end[rows]))
    else:
        still_open[:] = True
    first = np.full(len(ordered), len(rows), dtype=np.int64)
    np.minimum.at(first, code, np.arange(len(rows)))
    chosen = pa.array(rows[first])

    def per_case(column: str | None) -> list[str]:
        if not column:
            return [""] * len(ordered)
        return [v or "" for v in text(read[column]).take(chosen).to_pylist()]

    begun_days = np.where(begun == never, NAT, begun.view(DAY))
    return (
        _Group(
            spec,
            ordered,
            per_case(spec.person),
            begun_days.astype(DAY),
            np.where(still_open, NAT, ended.view(DAY)).astype(DAY),
            per_case(spec.team),
            per_case(spec.worker),
        ),
        len(key_text),
    )


def _read_events(
    database: Database,
    source: mapping.EventSource,
    group: _Group,
    problems: list[SourceProblem],
    left_out: Counter,
    with_keys: bool = False,
) -> tuple[list[tuple[str, np.ndarray, str, np.ndarray]], int]:
    """The rows of one event source, linked to their cases.

    The rows' own keys are read only when a row cannot be judged and must be named (the
    table is then read again, keys and all): ten million visit ids cost as much as the rest.
    """
    extra = [source.case, source.person, source.seen, source.cancelled]
    extra.append(source.only[0] if source.only else None)
    wanted = [source.date, *(c for c in extra if c)] + ([source.key] if with_keys else [])
    read = database.columns(source.table, list(dict.fromkeys(wanted)))
    count = len(read[source.date])
    keep = np.ones(count, dtype=bool)
    if source.only:
        values = text(read[source.only[0]]).to_pylist()
        keep &= np.array([v in source.only[1] for v in values], dtype=bool)
    cancelled = flags(read[source.cancelled], "Y") & keep if source.cancelled else None
    if cancelled is not None:
        keep &= ~cancelled
    dated = days(read[source.date])
    case = np.full(count, -1, dtype=np.int64)
    if source.case:
        case = positions(read[source.case], group.keys)
    unlinked = np.flatnonzero(case < 0)
    if source.person and len(unlinked):  # by person and date only where the key did not link
        people = read[source.person].take(pa.array(unlinked))
        case[unlinked] = _link_by_person(group, people, dated[unlinked], source.within_case)
    unjudged = keep & (np.isnat(dated) | (case < 0)) if source.every_row else np.zeros(count, bool)
    if unjudged.any() and not with_keys:
        return _read_events(database, source, group, problems, left_out, with_keys=True)
    if cancelled is not None and cancelled.any():
        left_out[(source.table, f"{source.cancelled} = Y (cancelled)")] += int(cancelled.sum())
    keys = strings(read[source.key]) if with_keys else []
    for i in np.flatnonzero(unjudged):
        if np.isnat(dated[i]):
            reason = f"no {source.date} (or not a date)"
        else:
            reason = (
                f"no {group.spec.group} case in {group.spec.table} to link it to"
                + (f" (by {source.case})" if source.case else "")
                + (f" (by {source.person} and the date)" if source.person else "")
            )
        problems.append(SourceProblem(source.table, keys[i] or "", reason))
    keep &= ~np.isnat(dated) & (case >= 0)
    failed = flags(read[source.seen], "N") & keep if source.seen else None
    if failed is None or not failed.any():
        return [(group.spec.group, case[keep], source.kind, dated[keep])], count
    seen = keep & ~failed
    return [
        (group.spec.group, case[seen], source.kind, dated[seen]),
        (group.spec.group, case[failed], "failed_visit", dated[failed]),
    ], count


def _link_by_person(
    group: _Group, person: pa.Array, dated: np.ndarray, within_case: bool
) -> np.ndarray:
    """Each row's case: the person's case open on the row's date (latest started), or -1."""
    people = sorted(set(group.person) - {""})  # a case without a person links no row
    row_person = positions(person, people)
    case_person = positions(pa.array(group.person, type=pa.string()), people)
    if not within_case:
        first = {}
        for index, p in enumerate(case_person.tolist()):
            first[p] = index
        lookup = np.array([first.get(p, -1) for p in range(len(people))] or [-1], dtype=np.int64)
        return np.where(row_person >= 0, lookup[np.maximum(row_person, 0)], -1)
    base = np.datetime64("1900-01-01", "D")
    shift = 1 << 18
    start = np.where(np.isnat(group.start), base, group.start)
    case_key = case_person * shift + (start - base).astype(np.int64)
    order = np.argsort(case_key, kind="stable")
    sorted_key = case_key[order]
    row_day = np.where(np.isnat(dated), base, dated)
    row_key = row_person * shift + (row_day - base).astype(np.int64)
    at = np.searchsorted(sorted_key, row_key, side="right") - 1
    inside = np.maximum(at, 0)
    candidate = order[inside]
    same = (at >= 0) & (row_person >= 0) & (case_person[candidate] == row_person)
    end = group.end[candidate]
    open_then = np.isnat(end) | (row_day <= np.where(np.isnat(end), row_day, end))
    return np.where(same & open_then & ~np.isnat(dated), candidate, -1)


def _derived(parts: list[tuple[str, np.ndarray, str, np.ndarray]]) -> list:
    """``first_review``: each case's earliest review (reg 28(3), (4): "until the first review")."""
    found = []
    for name, (of, _) in mapping.DERIVED.items():
        for group, case, kind, dated in parts:
            if kind != of or not len(case):
                continue
            order = np.lexsort((dated, case))
            first = np.ones(len(order), dtype=bool)
            first[1:] = case[order][1:] != case[order][:-1]
            found.append((group, case[order][first], name, dated[order][first]))
    return found


def _qualifiers(
    database: Database, groups: dict[str, _Group], until: date, missing: list, left_out: Counter
) -> dict[tuple[str, int], dict[str, str]]:
    """Each case's qualifiers: the latest coded row on or before ``until``."""
    chosen: dict[tuple[str, int], dict[str, str]] = {}
    limit = np.datetime64(until, "D")
    for source in mapping.QUALIFIERS:
        group = groups.get(source.group)
        if group is None:
            continue
        if not database.has_table(source.table):
            missing.append(source.table)
            continue
        wanted = [
            c for c in (source.key, source.date, source.value, source.case, source.person) if c
        ]
        read = database.columns(source.table, list(dict.fromkeys(wanted)))
        dated = days(read[source.date])
        case = positions(read[source.case], group.keys) if source.case else None
        if source.person:
            by_person = _link_by_person(group, read[source.person], dated, True)
            case = by_person if case is None else np.where(case >= 0, case, by_person)
        codes = text(read[source.value]).to_pylist()
        usable = np.flatnonzero((case >= 0) & ~np.isnat(dated) & (dated <= limit))
        latest: dict[int, tuple] = {}
        # the latest row wins; rows of one day in code order, whatever order the database gives
        for i in sorted(usable.tolist(), key=lambda i: (dated[i], codes[i] or "")):
            latest[int(case[i])] = (codes[i],)
        for index, (code,) in sorted(latest.items()):
            value = source.codes.get((code or "").upper())
            if value is None:
                left_out[(source.table, f"{source.value} '{code}' has no {source.qualifier}")] += 1
                continue
            chosen.setdefault((source.group, index), {})[source.qualifier] = value
    return chosen


def _teams(database: Database, groups: dict[str, _Group], until: date, missing: list) -> None:
    """Team and worker from ssd_involvements for cases whose own table has none."""
    table, key, person, team, worker, started = mapping.TEAMS
    needed = [g for g in groups.values() if not g.spec.team]
    if not needed:
        return
    if not database.has_table(table):
        missing.append(table)
        return
    read = database.columns(table, [key, person, team, worker, started])
    dated = days(read[started])
    limit = np.datetime64(until, "D")
    people, teams, workers = (strings(read[c]) for c in (person, team, worker))
    latest: dict[str, tuple] = {}
    usable = np.flatnonzero(~np.isnat(dated) & (dated <= limit))
    for i in sorted(usable.tolist(), key=lambda i: (dated[i], teams[i] or "", workers[i] or "")):
        if people[i]:
            latest[people[i]] = (teams[i] or "", workers[i] or "")
    for group in needed:
        found = [latest.get(p, ("", "")) for p in group.person]
        group.team = [t for t, _ in found]
        group.worker = [w for _, w in found]


def _to_cases(
    groups: dict[str, _Group],
    parts: list[tuple[str, np.ndarray, str, np.ndarray]],
    qualifiers: dict[tuple[str, int], dict[str, str]],
    until: date,
    horizon: tuple[np.datetime64, np.datetime64],
    rows: int,
    problems: list[SourceProblem],
    left_out: Counter,
) -> Cases:
    offset, number = {}, 0
    for name, group in groups.items():
        offset[name] = number
        number += len(group.keys)
    limit = np.datetime64(until, "D")
    kinds = sorted({kind for _, _, kind, _ in parts})
    row_case, row_kind, row_date = [], [], []
    for group, case, kind, dated in parts:
        if not len(dated) or (dated.min() >= horizon[0] and dated.max() <= min(limit, horizon[1])):
            row_case.append(case + offset[group])  # all inside: no masks over millions of rows
            row_kind.append(np.full(len(case), kinds.index(kind), dtype=np.int64))
            row_date.append(dated)
            continue
        later = dated > limit
        outside = (dated < horizon[0]) | (dated > horizon[1])
        if later.any():
            left_out[(kind, f"dated after {until.isoformat()}, the date judged")] += int(
                later.sum()
            )
        if outside.any():
            problems.append(
                SourceProblem(
                    kind,
                    "",
                    f"{int(outside.sum())} row(s) dated outside the pack's "
                    f"horizon ({horizon[0]} to {horizon[1]})",
                )
            )
        if later.any() or outside.any():
            keep = ~later & ~outside
            case, dated = case[keep], dated[keep]
        row_case.append(case + offset[group])
        row_kind.append(np.full(len(case), kinds.index(kind), dtype=np.int64))
        row_date.append(dated)
    return Cases(
        rows=rows,
        problems=[],
        case_ids=[k for g in groups.values() for k in g.keys],
        case_group=[name for name, g in groups.items() for _ in g.keys],
        row_case=np.concatenate(row_case) if row_case else np.zeros(0, np.int64),
        row_kind=np.concatenate(row_kind) if row_kind else np.zeros(0, np.int64),
        row_date=np.concatenate(row_date) if row_date else np.zeros(0, DAY),
        kinds=kinds,
        facts={},
        qualifiers={offset[g] + i: q for (g, i), q in sorted(qualifiers.items())},
    )
