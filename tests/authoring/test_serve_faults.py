"""``standards serve`` refuses a bad address and leaves no temporary folders when terminated.

Issue 13, defects 4 (``--address 127.0.0.1:-1`` was an internal error) and 9 (SIGTERM
left the preview's temporary folders behind).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import standards
from tests.authoring.test_serve import START, fetch, free_port, wait_for
from tests.conftest import ROOT


@pytest.mark.parametrize("address", ["127.0.0.1:-1", "127.0.0.1:70000", "localhost", ":80"])
def test_a_bad_address_is_a_usage_error(address: str) -> None:
    result = CliRunner().invoke(standards, ["serve", "--address", address])
    assert result.exit_code == 2
    assert "write HOST:PORT with a port from 0 to 65535" in result.output


def test_terminating_the_preview_removes_its_temporary_folders(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", START, "serve", str(ROOT / "standards" / "walsall"),
         "--address", f"127.0.0.1:{port}"],
        env={**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert wait_for(lambda: bool(fetch(f"http://127.0.0.1:{port}/")), seconds=60)
        assert any(scratch.iterdir())
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert sorted(p.name for p in scratch.iterdir()) == []
