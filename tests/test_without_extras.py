"""A plain ``pip install .`` (no ``test`` extra) gives every command but ``standards test``.

The optional packages are hidden from a fresh interpreter (``sys.modules[name] = None`` makes
``import name`` fail as if it were not installed), which is how a new user's machine looks.
``.ci/run`` proves the same with a real virtual environment.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import compiler
from tests.conftest import ROOT

OPTIONAL = ("pytest", "_pytest", "hypothesis", "playwright", "ruff", "pluggy")
HIDE = f"import sys\nfor name in {OPTIONAL!r}:\n    sys.modules[name] = None\n"
# The modules that exist only to serve `standards test` (they are imported by it, lazily).
TEST_ONLY = {"compiler.suite.pytest_plugin", "compiler.suite.corpus_properties"}


def run_without_extras(code: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", HIDE + code],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_without_extras(
        f"sys.argv = ['standards', *{list(args)!r}]\nfrom compiler.cli import main\nmain()", cwd
    )


def test_every_module_but_the_test_suite_imports_without_the_extras() -> None:
    names = sorted(
        m.name
        for m in pkgutil.walk_packages(compiler.__path__, "compiler.")
        if m.name not in TEST_ONLY
    )
    assert "compiler.commands.test" in names
    imports = f"import importlib\nfor n in {names!r}:\n    importlib.import_module(n)"
    done = run_without_extras(imports)
    assert done.returncode == 0, done.stderr


def test_hiding_the_extras_does_hide_them() -> None:
    """The check above can fail: the test suite's own plugin does need pytest."""
    done = run_without_extras("import compiler.suite.pytest_plugin")
    assert done.returncode == 1
    assert "ModuleNotFoundError" in done.stderr


def test_help_works_without_the_extras() -> None:
    done = cli("--help")
    assert done.returncode == 0, done.stderr
    assert "Commands:" in done.stdout


def test_build_works_without_the_extras(tmp_path: Path) -> None:
    walsall = str(ROOT / "standards" / "walsall")
    done = cli("build", walsall, "--out", str(tmp_path / "b"), "--quiet")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "b" / "packs" / "walsall" / "current.json").is_file()
    assert (tmp_path / "b" / "site" / "index.html").is_file()


def test_standards_test_says_what_to_install_and_exits_2() -> None:
    done = cli("test", str(ROOT / "standards" / "walsall"))
    assert done.returncode == 2
    assert done.stderr == (
        "error: `standards test` needs pytest and hypothesis, which a plain `pip install` "
        "leaves out.\n"
        "Install them with: pip install 'practice-standards[test]' "
        "(in a source checkout: pip install '.[test]')\n"
    )
