"""``standards serve``: an author saves a YAML file and the preview shows the change.

The preview runs as the author runs it, in its own process, on a free port of localhost.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

START = "from compiler.cli import main; main()"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(check: Callable[[], bool], seconds: float = 40) -> bool:
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        if check():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "standards" / "walsall", corpus / "walsall")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", START, "serve", str(corpus), "--address", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield corpus, f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_saved_edit_shows_and_a_broken_file_keeps_the_last_good_pages(
    preview: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    corpus, url, process = preview
    page = f"{url}/walsall/"
    assert wait_for(lambda: "Walsall Council" in fetch(page)), "the preview never served"

    authority = corpus / "walsall" / "authority.yaml"
    good = authority.read_text().replace("name: Walsall Council", "name: Walsall Edited")
    authority.write_text(good)
    assert wait_for(lambda: "Walsall Edited" in fetch(page)), "the saved edit never showed"

    authority.write_text(good + "broken: [\n")
    time.sleep(3)  # the watcher sees the save and tries to rebuild
    assert "Walsall Edited" in fetch(page), "a broken file took the last good pages away"

    authority.write_text(good.replace("Walsall Edited", "Walsall Mended"))
    assert wait_for(lambda: "Walsall Mended" in fetch(page)), "the preview stuck after an error"

    process.terminate()
    output, _ = process.communicate(timeout=10)
    assert "authority.yaml:" in output and "error: YAML syntax error" in output
    assert "the preview shows the last good pages" in output
    assert "Traceback" not in output


def test_serve_refuses_a_corpus_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "council").mkdir()
    (tmp_path / "council" / "authority.yaml").write_text("id: [\n")
    result = subprocess.run(
        [sys.executable, "-c", START, "serve", str(tmp_path), "--address", "127.0.0.1:1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "authority.yaml:" in result.stderr
    assert "nothing to preview" in result.stderr
    assert "Traceback" not in result.stderr
