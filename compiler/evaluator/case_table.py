"""Reading the CSV of a table of case events into coded columns, at C speed where it can.

Each column comes back as its distinct values and, for every row, the index of
its value (a dictionary encoding), so that :mod:`compiler.evaluator.cases` checks each
distinct group, event or date once rather than once per row.

A plain table (no quotes, no carriage returns, no blank lines: what exports
write) is read by Apache Arrow's CSV reader, where a row's number is its line;
anything else goes through the standard library's ``csv`` module one line at a
time (:func:`records`). Both give the same :class:`Table`.

Every line is one row. No column of a case table (ids, groups, events, dates,
facts, qualifiers) holds a line break, so a quote left open at the end of a
line is a fault of that line alone: it is reported with its line number, and
the next line is read afresh. That is what keeps the promise that every data
line is either judged or reported: one stray quote in the first row once hid
the 999 rows after it, and a quoted field over the csv module's limit stopped
the whole audit.

>>> table = read_table("case_id,group\\nC1,cin\\nC2,cin\\nC3\\n")
>>> table.columns["group"].values, table.columns["group"].codes.tolist(), table.misshapen
(['cin'], [0, 0], {4: 1})
>>> read_table('case_id,group\\n"C1,cin\\nC2,cin\\n').unreadable
{2: 'a quote (") is opened and not closed on this line'}
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv


@dataclass(frozen=True)
class Column:
    """A column, dictionary-encoded: ``values[codes[row]]`` is the row's text."""

    codes: np.ndarray
    values: list[str]


@dataclass(frozen=True)
class Table:
    """The rows with as many fields as the header, as coded columns.

    ``lines`` holds the line of each of those rows; ``misshapen`` maps the line of
    every other (non-blank) row to how many fields it has, and ``unreadable`` the
    line of every row that is not CSV at all (an unclosed quote) to why.
    """

    header: list[str]
    columns: dict[str, Column]
    lines: np.ndarray
    misshapen: dict[int, int]
    unreadable: dict[int, str] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        """Rows read, whatever their shape (a blank line is no row)."""
        return len(self.lines) + len(self.misshapen) + len(self.unreadable)


def read_table(text: str) -> Table:
    """Read CSV ``text`` (header first) into a :class:`Table`."""
    text = text.removeprefix("\ufeff")
    first, _, body = text.partition("\n")
    if '"' in text or "\r" in text or "\n\n" in "\n" + body or not body.strip("\n"):
        return _read_with_csv(text)
    try:
        return _read_with_arrow(first, body)
    except pa.ArrowInvalid:  # a line longer than Arrow's block, say: the csv module copes
        return _read_with_csv(text)


def _read_with_arrow(first: str, body: str) -> Table:
    header = [name.strip() for name in first.split(",")]
    misshapen: dict[int, int] = {}

    def misshapen_row(row: pa_csv.InvalidRow) -> str:
        misshapen[row.number + 1] = row.actual_columns  # the header is line 1, not numbered
        return "skip"

    names = [f"c{index}" for index in range(len(header))]  # the header may repeat a name
    read = pa_csv.read_csv(
        io.BytesIO(body.encode("utf-8")),
        read_options=pa_csv.ReadOptions(column_names=names, use_threads=False),
        parse_options=pa_csv.ParseOptions(invalid_row_handler=misshapen_row),
        convert_options=pa_csv.ConvertOptions(
            column_types={name: pa.string() for name in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    columns = {}
    for name, chunked in zip(header, read.columns, strict=True):
        encoded = chunked.combine_chunks().dictionary_encode()
        codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        columns.setdefault(name, Column(codes, encoded.dictionary.to_pylist()))
    lines = np.arange(2, 2 + read.num_rows + len(misshapen), dtype=np.int64)
    if misshapen:
        lines = lines[~np.isin(lines, np.fromiter(misshapen, dtype=np.int64))]
    return Table(header, columns, lines, misshapen)


def _read_with_csv(text: str) -> Table:
    header: list[str] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    unreadable: dict[int, str] = {}
    for line, row in records(text):
        if line == 1:
            header = [name.strip() for name in row] if isinstance(row, list) else []
        elif isinstance(row, str):
            unreadable[line] = row
        elif row:
            rows.append(row)
            lines.append(line)
    widths = [len(row) for row in rows]
    misshapen = {
        line: width for line, width in zip(lines, widths, strict=True) if width != len(header)
    }
    shaped = [row for row, width in zip(rows, widths, strict=True) if width == len(header)]
    shaped_lines = [line for line, width in zip(lines, widths, strict=True) if width == len(header)]
    columns = {}
    for index, name in enumerate(header):
        values = [row[index] for row in shaped]
        table = {value: code for code, value in enumerate(dict.fromkeys(values))}
        codes = np.fromiter(map(table.__getitem__, values), dtype=np.int64, count=len(values))
        columns.setdefault(name, Column(codes, list(table)))
    return Table(header, columns, np.array(shaped_lines, dtype=np.int64), misshapen, unreadable)


_LINE_END = re.compile(r"\r\n|\r|\n")


def records(text: str) -> Iterator[tuple[int, list[str] | str]]:
    """Each line of ``text`` (1-based, the header first) as its fields, or why it is not CSV.

    A blank line gives no fields (``[]``). Lines without quotes are split on commas,
    as the csv module would split them; a line with quotes is read by the csv
    module on its own, so an unclosed quote cannot run on into the next line.
    """
    text = text.removeprefix("\ufeff")
    physical = _LINE_END.split(text)
    if physical and physical[-1] == "":
        physical.pop()
    for number, line in enumerate(physical, start=1):
        if not line:
            yield number, []
        elif '"' not in line:
            yield number, line.split(",")
        else:
            yield number, _one_line(line)


def _one_line(line: str) -> list[str] | str:
    try:
        return next(csv.reader((line,), strict=True), [])
    except csv.Error as exc:
        reason = str(exc)
        if "end of data" in reason or "newline inside string" in reason:
            return 'a quote (") is opened and not closed on this line'
        if "field larger" in reason:
            return f"a field longer than {csv.field_size_limit():,} characters"
        if "NUL" in reason:
            return "the line holds a NUL character; save the table as CSV text"
        return f"not CSV: {reason}"
