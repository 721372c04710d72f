"""Ofsted's Annex A workbook (Lists 3 to 8) read into the audit's cases.

Annex A has one tab per list and the latest dates only. Authorities word the
tabs and headers a little differently ("List 7 - Child Protection",
"Date of last statutory visit "), so, as SocialFinanceDigitalLabs' liia-tools
does, a tab is found by its list number and a column by a pattern over its
normalised header (lower case, punctuation and spacing collapsed). Every list
and column used is reported, and a required column that no header matches is
an error naming the list and the pattern.

The latest date of an activity is enough for the snapshot of a recurring rule:
its next due date depends on the last occurrence only (a count per month,
"twice a month", needs every occurrence and is not judged from Annex A). Lists 3
(referrals), 4 (assessments) and 5 (section 47 enquiries) give the clocks of the
assessment and conference deadlines; a referral marked NFA, or an enquiry whose
conference was deemed unnecessary, starts no clock (counted as left out).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np

from compiler.evaluator.cases import Cases
from compiler.sources.database import INSTALL, SourceError
from compiler.sources.ssd import CaseRecords, SourceProblem


@dataclass(frozen=True)
class Column:
    """A column of a list: header pattern, and the event or role it gives."""

    pattern: str
    role: str  # an event or activity, or: id, end, team, worker
    required: bool = True


@dataclass(frozen=True)
class AnnexList:
    number: int
    group: str
    columns: tuple[Column, ...]


LISTS = (
    AnnexList(
        3,
        "referred_child",
        (
            Column(r"child.*(unique )?id", "id"),
            Column(r"date of.*referral", "referral_received"),
            Column(r"referral nfa", "unless:referral_received", required=False),
        ),
    ),
    AnnexList(
        4,
        "referred_child",
        (
            Column(r"child.*(unique )?id", "id"),
            Column(r"(continuous )?assessment start date", "assessment_started"),
            Column(
                r"(continuous )?assessment date of authorisation|assessment completion date",
                "child_and_family_assessment",
                required=False,
            ),
        ),
    ),
    AnnexList(
        5,
        "child_protection",
        (
            Column(r"child.*(unique )?id", "id"),
            Column(r"strategy discussion.*section 47.*start date", "strategy_discussion"),
            Column(
                r"date of initial child protection conference",
                "initial_child_protection_conference",
                required=False,
            ),
            Column(
                r"initial child protection conference deemed unnecessary",
                "unless:strategy_discussion",
                required=False,
            ),
        ),
    ),
    AnnexList(
        6,
        "child_in_need",
        (
            Column(r"child.*(unique )?id", "id"),
            Column(r"cin start date", "plan_start"),  # the episode's start, read as the plan's
            Column(r"date child was last seen", "statutory_visit"),
            Column(r"cin closure date", "end", required=False),
            Column(r"allocated team", "team", required=False),
            Column(r"allocated worker", "worker", required=False),
        ),
    ),
    AnnexList(
        7,
        "child_protection",
        (
            Column(r"child.*(unique )?id", "id"),
            Column(r"child protection plan start date", "plan_start"),
            Column(r"date of (the )?last statutory visit", "statutory_visit"),
            Column(r"date of (the )?latest review conference", "review_conference", False),
            Column(r"child protection plan end date", "end", required=False),
            Column(r"allocated team", "team", required=False),
            Column(r"allocated worker", "worker", required=False),
        ),
    ),
    AnnexList(
        8,
        "child_in_care",
        (
            Column(r"child.*(unique )?id", "id"),
            Column(r"date started to be looked after", "became_looked_after", False),
            Column(r"start date of (the )?most recent placement", "placement_start", False),
            Column(r"date of (the )?last social work visit", "statutory_visit"),
            Column(r"date of (the )?latest statutory review", "looked_after_review", False),
            Column(r"date ceased to be looked after", "end", required=False),
            Column(r"allocated team", "team", required=False),
            Column(r"allocated worker", "worker", required=False),
        ),
    ),
)
ROLES = ("id", "end", "team", "worker")


def normalised(text: object) -> str:
    """``" Date of Last  Statutory-Visit "`` -> ``"date of last statutory visit"``."""
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()


@dataclass
class AnnexA:
    """The cases of an Annex A, the lists and columns used, and the kinds each group has."""

    records: CaseRecords
    used: list[str]
    kinds: dict[str, frozenset[str]]


def read_annex_a(path: Path, until: date) -> AnnexA:
    """Read Lists 6, 7 and 8 of the workbook at ``path`` (dates after ``until`` are left out)."""
    try:
        import openpyxl
    except ImportError:
        raise SourceError(f"reading Annex A needs openpyxl: {INSTALL}") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise SourceError(f"{path} cannot be read as an .xlsx workbook: {exc}") from None
    rows: list[tuple[str, str, str, date]] = []
    cases: dict[tuple[str, str], list] = {}
    problems: list[SourceProblem] = []
    left_out: Counter = Counter()
    used: list[str] = []
    kinds: dict[str, frozenset[str]] = {}
    for annex in LISTS:
        sheet = _sheet(book, annex.number)
        if sheet is None:
            used.append(
                f"List {annex.number}: no tab found (looked for a name with 'list {annex.number}')"
            )
            continue
        table = list(sheet.iter_rows(values_only=True))
        header_at, found = _header(table, annex, sheet.title)
        used.append(
            f"List {annex.number} (tab '{sheet.title}'): "
            + "; ".join(f"'{table[header_at][i]}' -> {role}" for role, i in found.items())
        )
        listed = frozenset(r for r in found if r not in ROLES and ":" not in r)
        kinds[annex.group] = kinds.get(annex.group, frozenset()) | listed
        for number, row in enumerate(table[header_at + 1 :], start=header_at + 2):
            if not any(v not in (None, "") for v in row):
                continue
            child = str(row[found["id"]]).strip() if row[found["id"]] is not None else ""
            where = f"List {annex.number} row {number}"
            if not child:
                problems.append(SourceProblem(where, "", "no child id"))
                continue
            case = cases.setdefault((annex.group, child), [None, "", ""])
            unless = {
                role.split(":")[1]
                for role, index in found.items()
                if role.startswith("unless:") and _yes(row[index] if index < len(row) else None)
            }
            for role, index in found.items():
                value = row[index] if index < len(row) else None
                if role.startswith("unless:"):
                    continue
                if role in unless:
                    left_out[
                        (
                            f"List {annex.number}",
                            f"{role} with '{table[header_at][found[f'unless:{role}']]}' yes",
                        )
                    ] += 1
                    continue
                if role in ("team", "worker"):
                    case[1 if role == "team" else 2] = str(value or "").strip()
                    continue
                if role == "id" or value in (None, ""):
                    continue
                day = _date(value)
                if day is None:
                    problems.append(
                        SourceProblem(
                            where, child, f"'{value}' in '{table[header_at][index]}' is not a date"
                        )
                    )
                elif role == "end":
                    case[0] = day
                elif day <= until:
                    rows.append((child, annex.group, role, day))
    records = _records(cases, rows, problems)
    records.left_out = left_out
    return AnnexA(records, used, kinds)


def _yes(value: object) -> bool:
    """Annex A's yes: "Y", "Yes", "a) Yes" (liia-tools' cell patterns)."""
    text = normalised(value)
    return text.startswith("y") or text.startswith("a yes")


def _sheet(book: object, number: int) -> object | None:
    for sheet in book.worksheets:  # type: ignore[attr-defined]
        if re.search(rf"\blist {number}\b", normalised(sheet.title)):
            return sheet
    return None


def _header(table: list[tuple], annex: AnnexList, title: str) -> tuple[int, dict[str, int]]:
    """The header row (within the first ten) and the column of each role."""
    for at, row in enumerate(table[:10]):
        names = [normalised(v) for v in row]
        found: dict[str, int] = {}
        for column in annex.columns:
            for index, name in enumerate(names):
                if column.role not in found and re.fullmatch(rf".*{column.pattern}.*", name):
                    found[column.role] = index
        if "id" in found:
            missing = [c for c in annex.columns if c.required and c.role not in found]
            if missing:
                raise SourceError(
                    f"Annex A tab '{title}' (List {annex.number}) has no column matching "
                    f"'{missing[0].pattern}' (for {missing[0].role}); its headers are: "
                    + ", ".join(str(v) for v in row if v)
                )
            return at, found
    raise SourceError(
        f"Annex A tab '{title}' (List {annex.number}) has no header row with a child id column "
        "in its first ten rows"
    )


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for form in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(text[:10], form).date()
        except ValueError:
            continue
    return None


def _records(
    cases: dict[tuple[str, str], list], rows: list[tuple[str, str, str, date]], problems: list
) -> CaseRecords:
    keys = sorted(cases, key=lambda k: (k[0], k[1]))
    number = {key: i for i, key in enumerate(keys)}
    kinds = sorted({kind for _, _, kind, _ in rows})
    ordered = sorted(rows, key=lambda r: (number[(r[1], r[0])], r[2], r[3]))
    return CaseRecords(
        cases=Cases(
            rows=len(rows),
            problems=[],
            case_ids=[k[1] for k in keys],
            case_group=[k[0] for k in keys],
            row_case=np.array([number[(g, c)] for c, g, _, _ in ordered], dtype=np.int64),
            row_kind=np.array([kinds.index(k) for _, _, k, _ in ordered], dtype=np.int64),
            row_date=np.array([d for _, _, _, d in ordered], dtype="datetime64[D]"),
            kinds=kinds,
        ),
        person=[k[1] for k in keys],
        team=[cases[k][1] for k in keys],
        worker=[cases[k][2] for k in keys],
        end=np.array([cases[k][0] or np.datetime64("NaT") for k in keys], dtype="datetime64[D]"),
        problems=problems,
    )
