"""Small SSD databases written by hand for the tests: tables with the real columns, few rows."""

from __future__ import annotations

import os
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


def postgres_url() -> str:
    """The PostgreSQL server `.ci/run` starts; under CI its absence fails the test, never skips."""
    import pytest

    url = os.environ.get("STANDARDS_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "STANDARDS_TEST_POSTGRES_URL is not set: .ci/run starts PostgreSQL and sets it "
                "(see .ci/postgres); the PostgreSQL tests must run in CI"
            )
        pytest.skip("no PostgreSQL: `source .ci/postgres` starts one and sets the URL")
    return url
