"""Small SSD databases written by hand for the tests: tables with the real columns, few rows."""

from __future__ import annotations

import atexit
import functools
import glob
import os
import shutil
import socket
import subprocess
import tempfile
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
    """A real PostgreSQL server for the SSD tests, never a skip.

    `.ci/run` starts one and sets STANDARDS_TEST_POSTGRES_URL; without it the tests start a
    throwaway cluster themselves from the installed server (`apt-get install postgresql`),
    and fail, saying what to install, where there is none.
    """
    import pytest

    url = os.environ.get("STANDARDS_TEST_POSTGRES_URL") or _throwaway_cluster()
    if not url:
        pytest.fail(
            "no PostgreSQL server: install one (apt-get install postgresql) so the tests can "
            "start a throwaway cluster, or set STANDARDS_TEST_POSTGRES_URL (see .ci/postgres)"
        )
    return url


@functools.cache
def _throwaway_cluster() -> str | None:
    """Start a cluster in a temporary folder (as the postgres user when run as root), stopped
    when the test run ends; the URL of its database, or None without an installed server."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [shutil.which("initdb")]
    if not found[-1]:
        return None
    bin_dir = Path(found[-1]).parent
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="standards-pg-"))
    if as_user:
        shutil.chown(folder, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = str(folder / "data")
    quiet: dict[str, Any] = {"check": True, "capture_output": True}
    subprocess.run(
        [*as_user, bin_dir / "initdb", "-D", data, "-A", "trust", "-U", "postgres"], **quiet
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    log = str(folder / "server.log")
    subprocess.run(
        [*as_user, bin_dir / "pg_ctl", "-D", data, "-l", log, "-w", "-o", options, "start"], **quiet
    )

    def stop() -> None:
        subprocess.run([*as_user, bin_dir / "pg_ctl", "-D", data, "-m", "fast", "stop"], **quiet)
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(stop)
    subprocess.run(
        [*as_user, bin_dir / "createdb", "-h", "127.0.0.1", "-p", str(port), "ssd_test"], **quiet
    )
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/ssd_test"
