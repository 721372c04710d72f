"""Reading the CSV of a table of case events into coded columns, at C speed where it can.

Each column comes back as its distinct values and, for every row, the index of
its value (a dictionary encoding), so that :mod:`compiler.cases` checks each
distinct group, event or date once rather than once per row.

A plain table (no quotes, no carriage returns, no blank lines: what exports
write) is read by Apache Arrow's CSV reader, where a row's number is its line;
anything else goes through the standard library's ``csv`` module, which keeps
count of the lines a quoted field spans. Both give the same :class:`Table`.

>>> table = read_table("case_id,group\\nC1,cin\\nC2,cin\\nC3\\n")
>>> table.columns["group"].values, table.columns["group"].codes.tolist(), table.misshapen
(['cin'], [0, 0], {4: 1})
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

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

    ``lines`` holds the line each of those rows starts on; ``misshapen`` maps the
    line of every other (non-blank) row to how many fields it has.
    """

    header: list[str]
    columns: dict[str, Column]
    lines: np.ndarray
    misshapen: dict[int, int]

    @property
    def rows(self) -> int:
        """Rows read, whatever their shape (a blank line is no row)."""
        return len(self.lines) + len(self.misshapen)


def read_table(text: str) -> Table:
    """Read CSV ``text`` (header first) into a :class:`Table`."""
    text = text.removeprefix("\ufeff")
    first, _, body = text.partition("\n")
    if '"' in text or "\r" in text or "\n\n" in "\n" + body or not body.strip("\n"):
        return _read_with_csv(text)
    return _read_with_arrow(first, body)


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
    reader = csv.reader(io.StringIO(text))
    header = [name.strip() for name in next(reader, [])]
    rows, lines = data_rows(reader)
    widths = [len(row) for row in rows]
    misshapen = {
        line: width
        for line, width in zip(lines, widths, strict=True)
        if width not in (0, len(header))
    }
    shaped = [row for row, width in zip(rows, widths, strict=True) if width == len(header)]
    shaped_lines = [line for line, width in zip(lines, widths, strict=True) if width == len(header)]
    columns = {}
    for index, name in enumerate(header):
        values = [row[index] for row in shaped]
        table = {value: code for code, value in enumerate(dict.fromkeys(values))}
        codes = np.fromiter(map(table.__getitem__, values), dtype=np.int64, count=len(values))
        columns.setdefault(name, Column(codes, list(table)))
    return Table(header, columns, np.array(shaped_lines, dtype=np.int64), misshapen)


def data_rows(reader: Iterator[list[str]]) -> tuple[list[list[str]], list[int]]:
    """Every row after the header, and the line each starts on (a quoted field may span lines)."""
    rows, lines, ended = [], [], reader.line_num  # type: ignore[attr-defined]
    for row in reader:
        rows.append(row)
        lines.append(ended + 1)
        ended = reader.line_num  # type: ignore[attr-defined]
    return rows, lines
