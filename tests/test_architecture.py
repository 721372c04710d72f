"""The architecture holds: the import contracts in ``pyproject.toml`` are kept.

``lint-imports`` (import-linter) checks the layers, the pack consumer's distance from the
compiling side and the independence of the subsystems (see ARCHITECTURE.md). CI runs it in
``.ci/run``; running it here too means plain ``pytest`` catches an import that breaks one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# `lint-imports --no-cache`, run by the Python running the tests (its console script may not be
# on PATH); no cache, so every run reads the code as it is.
_LINT_IMPORTS = "from importlinter.cli import lint_imports_command as c; c(['--no-cache'])"


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` over the package in ``root``, reading ``root``'s pyproject.toml."""
    return subprocess.run(
        [sys.executable, "-c", _LINT_IMPORTS],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_import_contract_is_kept() -> None:
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_a_consumer_importing_the_compiling_side_breaks_a_contract(tmp_path: Path) -> None:
    """The contracts can fail: a copy of the package whose evaluator imports the build."""
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    package = copy / "compiler"
    _copy_sources(ROOT / "compiler", package)
    evaluate = package / "evaluator" / "evaluate.py"
    evaluate.write_text(evaluate.read_text() + "\nfrom compiler.build import build  # noqa\n")
    done = _lint_imports(copy)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "compiler.evaluator.evaluate -> compiler.build" in done.stdout
    assert "BROKEN" in done.stdout


def _copy_sources(source: Path, target: Path) -> None:
    for path in source.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(path.read_bytes())
