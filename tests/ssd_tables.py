"""Small SSD databases written by hand for the tests: tables with the real columns, few rows."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from benchmarks.generate_ssd import COLUMNS, Tables, write_sqlite


def tables(rows: dict[str, list[tuple[Any, ...]]]) -> Tables:
    """Every SSD table the mapping reads, empty unless ``rows`` gives it rows (in column order)."""
    found: Tables = {name: {c: [] for c in columns} for name, columns in COLUMNS.items()}
    for name, listed in rows.items():
        for row in listed:
            for column, value in zip(COLUMNS[name], row, strict=True):
                if isinstance(value, date):
                    value = datetime(value.year, value.month, value.day)
                found[name][column].append(value)
    return found


def sqlite_of(rows: dict[str, list[tuple[Any, ...]]], path: Path) -> str:
    """Write the tables into a new SQLite file; its URL."""
    write_sqlite(tables(rows), path)
    return f"sqlite:///{path}"
