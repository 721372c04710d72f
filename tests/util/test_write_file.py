"""Writing one output file: whole or not at all, and never over a device or pipe.

``standards audit --out /dev/null`` once renamed a temporary file over ``/dev/null``:
as root that replaced the device with a regular file that every program then wrote
into. These tests use a named pipe, which takes the same path as a device without
risking the machine's own ``/dev/null``.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from compiler.util.write import write_file_atomically


def test_a_named_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()), daemon=True)
    reader.start()
    write_file_atomically(pipe, "case_id,status\nC1,overdue\n")
    reader.join(timeout=10)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode), "the pipe is still a pipe"
    assert received == ["case_id,status\nC1,overdue\n"]


def test_a_link_to_a_file_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_file_atomically(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


def test_a_folder_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    with pytest.raises(IsADirectoryError):
        write_file_atomically(folder, "x")
    assert (folder / "keep.txt").read_text() == "mine"


def test_a_regular_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "result.csv"
    target.write_text("old\n")
    write_file_atomically(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["result.csv"], "no temporary file is left"
