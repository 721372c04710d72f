"""Reading a table of case events for ``standards audit``, column by column.

The table is CSV with a header row; one row per event on a case::

    case_id,group,event,date,facts,qualifiers
    C1,child_protection,plan_start,2025-12-01,,
    C1,child_protection,statutory_visit,2025-12-19,,
    C2,child_in_care,placement_start,2025-11-03,manager_approved=true,placement_type=foster_care

- ``case_id``: any text naming the case; a case is its id and its group, so
  a child who moves from a child in need plan to a child protection plan is two
  cases, each judged by its own rules;
- ``group``: the group of children, from the pack's vocabulary;
- ``event``: an event that starts a clock (``plan_start``, ``visit``) or an
  activity that happened (``statutory_visit``, ``visit_recording``); a name that
  is both (``review_conference``) counts as both;
- ``date``: YYYY-MM-DD, within the pack's horizon;
- ``facts`` (optional): case facts as ``name=true;name=false``; a case's facts
  are the latest stated on any of its rows (by date), a fact never stated is false;
- ``qualifiers`` (optional): ``placement_type=foster_care;legal_status=care_order``,
  merged the same way.

A row that cannot be read is never dropped silently: it is reported with its
line number and the reason, and the rest of the table is read. The CSV is
read into dictionary-encoded columns (:mod:`compiler.evaluator.case_table`, Apache Arrow's
reader for plain tables), so each distinct group, event, date, facts or
qualifiers text is checked once, not once per row: a million rows take about
a third of a second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from compiler.errors import StandardsError, clip
from compiler.evaluator.case_table import Column, read_table
from compiler.evaluator.evaluate import Pack
from compiler.unknown_terms import unknown_term_hint
from compiler.util.gc_pause import no_garbage_collection
from compiler.vocabulary import suggest

REQUIRED = ("case_id", "group", "event", "date")
OPTIONAL = ("facts", "qualifiers")
DAY = "datetime64[D]"


class CasesError(StandardsError):
    """A table that cannot be read at all (no header, unknown columns)."""


@dataclass(frozen=True)
class RowProblem:
    """A row that could not be read: its line in the file and why."""

    line: int
    message: str

    def render(self, path: Path | str) -> str:
        return f"{path}:{self.line}: {self.message}"


@dataclass
class Cases:
    """The readable rows of a table, as arrays, and the problems with the others.

    Row arrays (``row_*``) hold one entry per readable row; case arrays one per
    case (its id and group). ``kinds`` names the codes in ``row_kind``.
    """

    rows: int
    problems: list[RowProblem]
    case_ids: list[str]
    case_group: list[str]
    row_case: np.ndarray
    row_kind: np.ndarray
    row_date: np.ndarray
    kinds: list[str]
    facts: dict[int, dict[str, bool]] = field(default_factory=dict)
    qualifiers: dict[int, dict[str, str]] = field(default_factory=dict)
    row_line: np.ndarray | None = None
    """The line of the table each readable row is on, for reporting a row after reading it."""


def read_cases(text: str, pack: Pack) -> Cases:
    """Read the CSV ``text`` of a table of case events, checking each row against ``pack``."""
    with no_garbage_collection():
        return _read(text, pack)


def _read(text: str, pack: Pack) -> Cases:
    table = read_table(text)
    header = table.header
    check_header(header)
    bad = {line: width_problem(header, width) for line, width in table.misshapen.items()}
    bad.update(table.unreadable)
    empty = Column(np.zeros(len(table.lines), dtype=np.int64), [""])
    column = {name: table.columns.get(name, empty) for name in (*REQUIRED, *OPTIONAL)}

    dates, date_check = _dates(column["date"], pack)
    case_code, case_names = column["case_id"].codes, column["case_id"].values
    group_code, groups = column["group"].codes, column["group"].values
    kind_code, kinds = column["event"].codes, column["event"].values
    fact_code, fact_texts = column["facts"].codes, column["facts"].values
    qualifier_code, qualifier_texts = column["qualifiers"].codes, column["qualifiers"].values
    facts = [read_facts(pack, text) for text in fact_texts]
    qualifiers = [read_qualifiers(pack, text) for text in qualifier_texts]
    checks = [
        _check(case_code, [("" if v.strip() else "no case_id") for v in case_names]),
        _check(group_code, [term_problem(pack, "groups", v, "group") for v in groups]),
        _check(kind_code, [kind_problem(pack, v) for v in kinds]),
        date_check,
        _check(fact_code, [why for _, why in facts]),
        _check(qualifier_code, [why for _, why in qualifiers]),
    ]
    wrong = np.zeros(len(table.lines), dtype=bool)
    for flagged, _ in checks:
        wrong |= flagged
    for index in np.flatnonzero(wrong):
        reasons = (why(int(index)) for flagged, why in checks if flagged[index])
        bad[int(table.lines[index])] = "; ".join(reasons)

    keep = ~wrong
    case_of_row, case_ids, case_group = _number_cases(case_code[keep], group_code[keep])
    row_date = dates[keep]
    return Cases(
        rows=table.rows,
        problems=[RowProblem(line, clip(message)) for line, message in sorted(bad.items())],
        case_ids=[case_names[i] for i in case_ids],
        case_group=[groups[i] for i in case_group],
        row_case=case_of_row,
        row_kind=kind_code[keep],
        row_date=row_date,
        kinds=kinds,
        facts=_merge(case_of_row, fact_code[keep], row_date, [f for f, _ in facts]),
        qualifiers=_merge(case_of_row, qualifier_code[keep], row_date, [q for q, _ in qualifiers]),
        row_line=np.asarray(table.lines)[keep],
    )


def check_header(header: Sequence[str]) -> None:
    if not header or header == [""]:
        raise CasesError(
            f"the table is empty: its first line names the columns, {','.join(REQUIRED)}"
        )
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in REQUIRED + OPTIONAL]
    if unknown:
        hint = suggest(unknown[0], REQUIRED + OPTIONAL) or "the columns are " + ",".join(
            REQUIRED + OPTIONAL
        )
        raise CasesError(f"unknown column '{unknown[0]}': {hint}")
    if missing:
        raise CasesError(
            f"the header has no column '{missing[0]}': the table needs {','.join(REQUIRED)} "
            f"(and may have {','.join(OPTIONAL)})"
        )
    if len(set(header)) != len(header):
        raise CasesError("a column is named twice in the header")


Check = tuple[np.ndarray, Callable[[int], str]]


def _check(codes: np.ndarray, reasons: list[str]) -> Check:
    """Rows whose value has a reason to be refused, and that reason for a row."""
    refused = np.array([bool(r) for r in reasons], dtype=bool)
    flagged = refused[codes] if len(reasons) else np.zeros(len(codes), dtype=bool)
    return flagged, lambda row: reasons[codes[row]]


def _dates(column: Column, pack: Pack) -> tuple[np.ndarray, Check]:
    """The dates, NaT where unreadable, and which rows to refuse (bad or outside the horizon).

    Each distinct date is read once: a million rows hold a few thousand dates.
    """
    distinct = parse_dates(column.values)
    first, last = (np.datetime64(day, "D") for day in pack.horizon)
    refused = np.isnat(distinct) | (distinct < first) | (distinct > last)
    codes = column.codes
    return distinct[codes], (
        refused[codes],
        lambda row: read_date(pack, column.values[codes[row]])[1],
    )


_DIGITS = np.array([0, 1, 2, 3, 5, 6, 8, 9])


def parse_dates(values: Sequence[str]) -> np.ndarray:
    """Dates written exactly YYYY-MM-DD, NaT for anything else, without a loop over values.

    >>> parse_dates(["2024-02-29", "2023-02-29", "2025-1-01", "2025-01-01T10", ""])
    array(['2024-02-29', 'NaT', 'NaT', 'NaT', 'NaT'], dtype='datetime64[D]')
    """
    text = np.array(values, dtype="<U11") if len(values) else np.zeros(0, dtype="<U11")
    code = text.view(np.int32).reshape(len(text), 11)
    digits = code[:, _DIGITS] - ord("0")
    shaped = (
        ((digits >= 0) & (digits <= 9)).all(axis=1)
        & (code[:, 4] == ord("-"))
        & (code[:, 7] == ord("-"))
        & (code[:, 10] == 0)
    )
    digits = np.where(shaped[:, None], digits, 0)
    year = digits[:, 0] * 1000 + digits[:, 1] * 100 + digits[:, 2] * 10 + digits[:, 3]
    month = digits[:, 4] * 10 + digits[:, 5]
    day = digits[:, 6] * 10 + digits[:, 7]
    good = shaped & (month >= 1) & (month <= 12) & (day >= 1)
    months = ((year - 1970) * 12 + np.clip(month, 1, 12) - 1).astype("datetime64[M]")
    length = ((months + 1).astype(DAY) - months.astype(DAY)).astype(np.int64)
    good &= day <= length
    dates = months.astype(DAY) + (np.maximum(day, 1) - 1).astype("timedelta64[D]")
    return np.where(good, dates, np.datetime64("NaT", "D"))


def read_date(pack: Pack, value: str) -> tuple[date | None, str]:
    """A date written YYYY-MM-DD within the pack's horizon, or why it cannot be read."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or day.isoformat() != value:
        return None, f"'{value}' is not a date: write YYYY-MM-DD, such as 2025-12-19"
    first, last = pack.horizon
    if not first <= day <= last:
        return None, (
            f"the date {value} is outside the pack's horizon "
            f"({first.isoformat()} to {last.isoformat()})"
        )
    return day, ""


def width_problem(header: Sequence[str], found: int) -> str:
    return f"expected {len(header)} fields ({','.join(header)}), found {found}"


def term_problem(pack: Pack, kind: str, value: str, noun: str) -> str:
    if value in pack.terms.get(kind, ()):
        return ""
    hint = unknown_term_hint(value, pack.terms.get(kind, ()), kind)
    return f"unknown {noun} '{value}': {hint}"


def kind_problem(pack: Pack, value: str) -> str:
    if value in pack.terms.get("events", ()) or value in pack.terms.get("activities", ()):
        return ""
    known = sorted(pack.terms.get("events", set()) | pack.terms.get("activities", set()))
    hint = unknown_term_hint(value, known, "events", "activities")
    return f"unknown event '{value}' (neither an event nor an activity): {hint}"


def _pairs(text: str) -> list[tuple[str, str]] | str:
    pairs = []
    for part in text.split(";"):
        if not part.strip():
            continue
        name, sign, value = part.partition("=")
        if not sign or not name.strip() or not value.strip():
            return f"'{part.strip()}' is not name=value"
        pairs.append((name.strip(), value.strip()))
    return pairs


def read_facts(pack: Pack, text: str) -> tuple[dict[str, bool], str]:
    """``manager_approved=true;child_agrees=false`` -> the facts, or why they cannot be read."""
    pairs = _pairs(text)
    if isinstance(pairs, str):
        return {}, f"facts: {pairs} (write name=true;name=false)"
    facts = {}
    for name, value in pairs:
        if name not in pack.terms.get("conditions", ()):
            hint = unknown_term_hint(name, pack.terms.get("conditions", ()), "conditions")
            return {}, f"unknown fact '{name}': {hint}"
        if value.lower() not in ("true", "false"):
            return {}, f"the fact {name}={value} is neither true nor false"
        facts[name] = value.lower() == "true"
    return facts, ""


def read_qualifiers(pack: Pack, text: str) -> tuple[dict[str, str], str]:
    """``placement_type=foster_care`` -> the qualifiers, or why they cannot be read."""
    pairs = _pairs(text)
    if isinstance(pairs, str):
        return {}, f"qualifiers: {pairs} (write name=value;name=value)"
    chosen: dict[str, str] = {}
    for name, value in pairs:
        if name not in pack.qualifiers:
            hint = unknown_term_hint(name, pack.qualifiers, "qualifiers")
            return {}, f"unknown qualifier '{name}': {hint}"
        if value not in pack.qualifiers[name]:
            hint = unknown_term_hint(value, pack.qualifiers[name], "qualifiers")
            return {}, f"unknown {name} '{value}': {hint}"
        if name in chosen:
            return {}, f"the qualifier {name} is given twice"
        chosen[name] = value
    return chosen, ""


def _number_cases(
    case_code: np.ndarray, group_code: np.ndarray
) -> tuple[np.ndarray, list[int], list[int]]:
    """Number the (case_id, group) pairs in order of first appearance.

    Returns each row's case number, and for each case its case_id code and group code.
    """
    if not len(case_code):
        return np.zeros(0, dtype=np.int64), [], []
    groups = int(group_code.max()) + 1
    pair = case_code * groups + group_code
    unique, first_seen, inverse = np.unique(pair, return_index=True, return_inverse=True)
    order = np.argsort(first_seen, kind="stable")
    renumber = np.empty_like(order)
    renumber[order] = np.arange(len(order))
    ordered = unique[order]
    return (
        renumber[inverse].astype(np.int64),
        (ordered // groups).tolist(),
        (ordered % groups).tolist(),
    )


def _merge(
    row_case: np.ndarray, codes: np.ndarray, dates: np.ndarray, parsed: list[dict]
) -> dict[int, dict]:
    """Per case, the values stated on its rows, the later (by date) overriding the earlier."""
    stated = (
        np.flatnonzero(np.array([bool(p) for p in parsed], dtype=bool)[codes]) if parsed else []
    )
    merged: dict[int, dict] = {}
    if len(stated) == 0:
        return merged
    order = stated[np.lexsort((dates[stated], row_case[stated]))]
    for case, code in zip(row_case[order].tolist(), codes[order].tolist(), strict=True):
        merged.setdefault(case, {}).update(parsed[code])
    return merged
