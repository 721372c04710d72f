"""One generated SSD in DuckDB (a file, a folder of CSV, a folder of Parquet), SQLite and a real
PostgreSQL server gives the same audit, byte for byte: the snapshot, the history, the problems.

The PostgreSQL server is the one `.ci/run` starts (STANDARDS_TEST_POSTGRES_URL); under CI the
tests fail without it, so that a missing server can never pass as a skipped test.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import duckdb
import pytest

from benchmarks.generate_ssd import generate_ssd, write_duckdb, write_sqlalchemy, write_sqlite
from compiler.evaluator.evaluate import open_pack
from compiler.sources.records_audit import audit_ssd, report_json
from tests.ssd_tables import postgres_url

ON = date(2026, 1, 9)
PERIOD = (date(2025, 4, 1), date(2026, 1, 9))


@pytest.fixture(scope="module")
def generated() -> dict:
    return generate_ssd(400, until=ON, seed=16)


@pytest.fixture(scope="module")
def duckdb_file(generated: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("duck") / "ssd.duckdb"
    write_duckdb(generated, path)
    return path


@pytest.fixture(scope="module")
def postgres(generated: dict) -> str:
    url = postgres_url()
    write_sqlalchemy(generated, url)
    return url


def judged(url: str, packs: Path, authority: str) -> tuple[str, str, dict]:
    pack = open_pack(packs, authority, ON)
    found = audit_ssd(url, None, pack, ON, PERIOD)
    return found.table, found.history_csv, report_json(found)


def copies(duckdb_file: Path, folder: Path, kind: str) -> str:
    folder.mkdir(exist_ok=True)
    connection = duckdb.connect(str(duckdb_file), read_only=True)
    names = connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
    for (name,) in names:
        options = "(HEADER)" if kind == "csv" else "(FORMAT PARQUET)"
        connection.execute(f"COPY {name} TO '{folder / name}.{kind}' {options}")
    connection.close()
    return str(folder)


@pytest.mark.parametrize("authority", ["gloucestershire", "walsall", "unnamed-trust"])
def test_duckdb_sqlite_csv_and_parquet_give_the_same_audit(
    generated: dict, duckdb_file: Path, packs: Path, tmp_path: Path, authority: str
) -> None:
    write_sqlite(generated, tmp_path / "ssd.sqlite")
    first = judged(str(duckdb_file), packs, authority)
    assert first[0].count("\n") > 100 and "late" in first[1]
    for other in (
        f"sqlite:///{tmp_path / 'ssd.sqlite'}",
        copies(duckdb_file, tmp_path / "csv", "csv"),
        copies(duckdb_file, tmp_path / "parquet", "parquet"),
    ):
        again = judged(other, packs, authority)
        assert again[0] == first[0], other
        assert again[1] == first[1], other
        assert {k: v for k, v in again[2].items() if k != "source"} == {
            k: v for k, v in first[2].items() if k != "source"
        }, other


@pytest.mark.parametrize("batch", [100_000, 37])  # rows come from the server in batches
def test_postgresql_gives_the_same_audit_as_duckdb(
    duckdb_file: Path, postgres: str, packs: Path, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compiler.sources import database

    monkeypatch.setattr(database, "_BATCH", batch)
    first = judged(str(duckdb_file), packs, "walsall")
    again = judged(postgres, packs, "walsall")
    assert again[0] == first[0]
    assert again[1] == first[1]
    assert again[2]["history"] == first[2]["history"]


@pytest.mark.parametrize("authority", ["walsall", "gloucestershire", "st-helens", "unnamed-trust"])
def test_the_history_still_open_at_its_end_is_the_snapshot_overdue_then(
    duckdb_file: Path, packs: Path, authority: str
) -> None:
    """Two ways to one answer: the history's gaps still open and late on the period's last day
    are exactly the earliest overdue due date per case and activity of the snapshot that day."""
    pack = open_pack(packs, authority, ON)
    found = audit_ssd(str(duckdb_file), None, pack, ON, PERIOD)
    snapshot: dict[tuple[str, str], str] = {}
    for row in csv.DictReader(io.StringIO(found.table)):
        if row["status"] == "overdue":
            key = (row["case_id"], row["activity"])
            snapshot[key] = min(snapshot.get(key, row["next_due"]), row["next_due"])
    history = {
        (i.case_id, i.activity): i.due.isoformat()
        for i in found.intervals
        if i.done is None and i.late and i.end_of_period == PERIOD[1]  # open cases only
    }
    overdue_in_period = {k: v for k, v in snapshot.items() if v >= PERIOD[0].isoformat()}
    assert history == overdue_in_period
    assert len(history) > 20


def test_the_order_the_database_returns_rows_in_changes_nothing(
    generated: dict, duckdb_file: Path, packs: Path, tmp_path: Path
) -> None:
    import random

    rng = random.Random(16)
    shuffled = {}
    for name, columns in generated.items():
        order = list(range(len(next(iter(columns.values())))))
        rng.shuffle(order)
        shuffled[name] = {c: [values[i] for i in order] for c, values in columns.items()}
    write_duckdb(shuffled, tmp_path / "shuffled.duckdb")
    first = judged(str(duckdb_file), packs, "st-helens")
    again = judged(str(tmp_path / "shuffled.duckdb"), packs, "st-helens")
    assert again[:2] == first[:2]
    assert {k: v for k, v in again[2].items() if k != "source"} == {
        k: v for k, v in first[2].items() if k != "source"
    }
