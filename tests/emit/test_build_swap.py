"""A build's swap: old or new output in place at every instant, no litter, nothing of yours deleted.

Issue 13, defects 3 and 6 and the mode in 9: 32 kills mid-build left 24 staging
folders no later build removed; a kill between the two renames left no output
and the next build did not put it back; a neighbouring `.<out>-old` folder was
deleted unasked, and so was a corpus kept inside the output folder; outputs
became mode 0700. The kills here are injected at each step of the swap
(``STANDARDS_FAULT_AT`` ends the process there, as ``kill -9`` would), not timed.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from compiler.cli import standards
from compiler.util.write import BUILD_MARK, STEPS, OutputError, write_atomically
from tests.conftest import ROOT

WRITE = """
import json, sys
from pathlib import Path, PurePosixPath
from compiler.util.write import write_atomically
files = {PurePosixPath(k): v.encode() for k, v in json.loads(sys.argv[2]).items()}
write_atomically(Path(sys.argv[1]), files)
"""
OLD = {"packs/a.json": "old", "packs/b.json": "old", "site/index.html": "old"}
NEW = {"packs/a.json": "new", "packs/b.json": "new", "packs/c.json": "new"}


def write_in_child(out: Path, files: dict[str, str], **env: str) -> int:
    child = subprocess.run(
        [sys.executable, "-c", WRITE, str(out), json.dumps(files)],
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in child.stderr, child.stderr
    return child.returncode


def contents(out: Path) -> dict[str, str]:
    return {
        path.relative_to(out).as_posix(): path.read_text()
        for path in out.rglob("*")
        if path.is_file() and path.name != BUILD_MARK
    }


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_leaves_a_whole_output_and_the_next_build_no_litter(
    tmp_path: Path, step: str, exchange: bool
) -> None:
    out = tmp_path / "build"
    env = {} if exchange else {"STANDARDS_NO_EXCHANGE": "1"}
    assert write_in_child(out, OLD, **env) == 0
    killed = write_in_child(out, NEW, STANDARDS_FAULT_AT=step, **env)
    reached = step not in (("moved-aside",) if exchange else ("exchanged",))
    assert killed == (137 if reached else 0)
    if out.exists():
        assert contents(out) in (OLD, NEW)
    else:  # only between the two renames, where there is no exchange
        assert (step, exchange) == ("moved-aside", False)
    assert write_in_child(out, OLD, **env) == 0  # the next build recovers and cleans up
    assert contents(out) == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_a_moved_aside_output_is_put_back_before_the_next_build_reads_it(tmp_path: Path) -> None:
    out = tmp_path / "build"
    env = {"STANDARDS_NO_EXCHANGE": "1"}
    assert write_in_child(out, OLD, **env) == 0
    assert write_in_child(out, NEW, STANDARDS_FAULT_AT="moved-aside", **env) == 137
    assert not out.exists()
    from compiler.util.write import recover

    recover(out.resolve())
    assert contents(out) == OLD


def test_litter_of_a_running_build_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "build"
    write_atomically(out, {PurePosixPath("packs/a.json"): b"1"})
    busy = tmp_path / f".build.standards-{os.getppid()}-abcd"  # a live process's staging
    busy.mkdir()
    (busy / BUILD_MARK).write_text("x")
    write_atomically(out, {PurePosixPath("packs/a.json"): b"2"})
    assert busy.exists()


def test_folders_it_did_not_mark_are_never_removed(tmp_path: Path) -> None:
    out = tmp_path / "build"
    write_atomically(out, {PurePosixPath("packs/a.json"): b"1"})
    yours = [tmp_path / ".build-old", tmp_path / ".build.standards-1-x"]  # no mark inside
    for folder in yours:
        folder.mkdir()
        (folder / "notes.txt").write_text("mine")
    write_atomically(out, {PurePosixPath("packs/a.json"): b"2"})
    assert all((folder / "notes.txt").read_text() == "mine" for folder in yours)


def test_a_corpus_inside_the_output_folder_is_not_deleted(tmp_path: Path) -> None:
    out = tmp_path / "o2"
    runner = CliRunner()
    walsall = ROOT / "standards" / "walsall"
    assert runner.invoke(standards, ["build", str(walsall), "--out", str(out), "--no-site"])
    shutil.copytree(walsall, out / "standards" / "walsall")
    result = runner.invoke(
        standards, ["build", str(out / "standards"), "--out", str(out), "--no-site"]
    )
    assert result.exit_code == 2, result.output
    assert "'standards', which `standards build` did not write" in result.output
    assert (out / "standards" / "walsall" / "authority.yaml").is_file()


def test_the_output_folder_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "build"
    write_atomically(out, {PurePosixPath("packs/a.json"): b"1"})
    os.chmod(out, 0o755)
    write_atomically(out, {PurePosixPath("packs/a.json"): b"2"})
    assert stat.S_IMODE(out.stat().st_mode) == 0o755


def test_a_new_output_folder_follows_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "build"
    write_atomically(out, {PurePosixPath("packs/a.json"): b"1"})
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~mask


def test_an_output_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(OutputError, match="cannot make the folder"):
        write_atomically(tmp_path / "file.txt" / "build", {PurePosixPath("packs/a"): b""})
    walsall, under_a_file = ROOT / "standards" / "walsall", tmp_path / "file.txt" / "b"
    result = CliRunner().invoke(
        standards, ["build", str(walsall), "--out", str(under_a_file), "--no-site"]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_tilde_in_out_means_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    write_atomically(Path("~/x"), {PurePosixPath("packs/a.json"): b"1"})
    assert (tmp_path / "home" / "x" / "packs" / "a.json").is_file()
    assert not (tmp_path / "~").exists()


def test_staging_folders_of_earlier_versions_are_removed_once_abandoned(tmp_path: Path) -> None:
    out = tmp_path / "build"
    write_atomically(out, {PurePosixPath("packs/a.json"): b"1"})
    legacy = [tmp_path / ".build-ab12cd34", tmp_path / ".build-zz99yy88"]
    for folder in legacy:
        folder.mkdir()
        (folder / BUILD_MARK).write_text("x")
    os.utime(legacy[0], (0, 0))  # killed long ago; the other may still be in use
    write_atomically(out, {PurePosixPath("packs/a.json"): b"2"})
    assert [folder.exists() for folder in legacy] == [False, True]


def test_every_folder_a_build_writes_may_be_replaced_by_the_next() -> None:
    from compiler.emit.site_cache import CACHE_FOLDER
    from compiler.util.write import OUTPUT_NAMES

    assert CACHE_FOLDER in OUTPUT_NAMES
