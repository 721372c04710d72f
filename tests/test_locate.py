"""A command without a path works on the standards of the folder it runs in, never silently on
the copy bundled inside the installed package; its messages never point into site-packages."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compiler.locate import BUNDLED_NOTE, standards_here
from tests.conftest import ROOT


def cli(*args: str, cwd: Path, pythonpath: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compiler.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(pythonpath), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A user's corpus: one authority (a copy of Walsall's) in its own folder."""
    root = tmp_path / "our-standards"
    shutil.copytree(ROOT / "standards" / "walsall", root / "walsall")
    return root


def test_inside_an_authority_or_below_it_that_authority_is_used(corpus: Path) -> None:
    authority = corpus / "walsall"
    assert standards_here(authority) == authority.resolve()
    below = next(p for p in authority.iterdir() if p.is_dir() and p.name != "tests")
    assert standards_here(below) == authority.resolve()


def test_in_a_corpus_or_a_repository_holding_one_the_corpus_is_used(corpus: Path) -> None:
    assert standards_here(corpus) == corpus.resolve()
    assert standards_here(corpus.parent) == corpus.parent.resolve()  # the corpus is one level down


def test_outside_any_corpus_nothing_is_found(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    assert standards_here(tmp_path / "elsewhere") is None


def test_a_corpus_beside_the_folder_does_not_count(corpus: Path) -> None:
    """``/tmp/x`` is not inside the corpus ``/tmp/our-standards`` just because /tmp holds it."""
    beside = corpus.parent / "notes"
    beside.mkdir()
    assert standards_here(beside) is None


def test_check_without_a_path_checks_the_authority_it_runs_in(corpus: Path) -> None:
    tests_folder = corpus / "walsall" / "tests"
    tests_folder.mkdir(exist_ok=True)
    (corpus / "walsall" / "authority.yaml").write_text(
        (corpus / "walsall" / "authority.yaml").read_text() + "surprise: field\n"
    )
    done = cli("check", cwd=tests_folder)
    assert done.returncode == 1
    assert BUNDLED_NOTE not in done.stderr
    assert f"{(corpus / 'walsall' / 'authority.yaml').resolve()}:" in done.stdout


def test_outside_any_corpus_the_bundled_example_is_used_and_said_once(tmp_path: Path) -> None:
    done = cli("build", "--no-site", "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == BUNDLED_NOTE
    assert done.stderr.count(BUNDLED_NOTE) == 1
    assert (tmp_path / "build" / "packs" / "st-helens" / "current.json").is_file()


def test_the_bundled_note_reads_as_one_line() -> None:
    assert BUNDLED_NOTE == (
        "note: no standards in this folder or above it, so the example standards bundled with "
        "the tool are used (give a folder, or run this inside your corpus or authority folder)"
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package laid out as a wheel installs it: the corpus, schemas and site inside it."""
    site_packages = tmp_path_factory.mktemp("venv") / "lib" / "site-packages"
    package = site_packages / "compiler"
    shutil.copytree(ROOT / "compiler", package, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("standards", "schema", "site"):
        shutil.copytree(ROOT / name, package / "_bundled" / name)
    return site_packages


def test_messages_about_bundled_files_never_point_into_site_packages(
    installed: Path, tmp_path: Path
) -> None:
    done = cli("check", "--strict", cwd=tmp_path, pythonpath=installed)
    output = done.stdout + done.stderr
    assert done.returncode == 1  # the bundled example has findings: their paths are shown
    assert "(bundled) standards/" in done.stdout
    assert "site-packages" not in output
    assert done.stderr.startswith(BUNDLED_NOTE + "\n")


def test_a_users_authority_is_checked_against_the_bundled_floor_without_site_packages(
    installed: Path, tmp_path: Path
) -> None:
    """A floor finding's "see also" names the bundled statutory rule by its place in the bundle
    (St Helens' standards have floor findings against England's baseline, which it lacks)."""
    authority = tmp_path / "st-helens"
    shutil.copytree(ROOT / "standards" / "st-helens", authority)
    done = cli("check", cwd=authority, pythonpath=installed)
    assert done.returncode == 1
    assert "see also (bundled) standards/england/" in done.stdout
    assert "site-packages" not in done.stdout + done.stderr
    assert BUNDLED_NOTE not in done.stderr
