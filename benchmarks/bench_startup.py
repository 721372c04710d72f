"""How long the ``standards`` command takes to start, beside a bare Python in the same run.

Run: python benchmarks/bench_startup.py [--repeat 7]

Each figure is the best of REPEAT fresh processes (a process is the unit an editor hook or a
pre-commit hook pays for): ``python -c pass`` (the floor nothing can beat), ``standards --help``
and ``standards check`` of one bundled file. The command runs as ``python -m compiler.cli`` from
this checkout, so the figures are of this tree's code, not of whatever is installed. Like an
editor's second save, the runs after the first read the bank holidays the first one kept in the
user cache folder (``compiler/util/user_cache.py``), rather than importing ``holidays``.

Targets: ``--help`` under 0.2 s, ``check`` of one file under 0.4 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import best_of

ROOT = Path(__file__).resolve().parent.parent
ONE_FILE = ROOT / "standards" / "gloucestershire" / "home-visiting" / "1.0.yaml"
TARGETS = {"standards --help": 0.2, "standards check FILE": 0.4}


def _runner(arguments: list[str]) -> object:
    """A function that runs one fresh Python process with ``arguments`` and waits for it."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run() -> None:
        subprocess.run(
            [sys.executable, *arguments],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    commands = {
        "python -c pass": ["-c", "pass"],
        "standards --help": ["-m", "compiler.cli", "--help"],
        "standards check FILE": ["-m", "compiler.cli", "check", str(ONE_FILE)],
    }
    floor = None
    missed = False
    for label, arguments in commands.items():
        seconds = best_of(_runner(arguments), args.repeat)
        floor = seconds if floor is None else floor
        line = f"{label:<22} {seconds:6.3f} s  ({seconds / floor:5.1f}x python -c pass)"
        if label in TARGETS:
            target = TARGETS[label]
            verdict = "PASS" if seconds < target else "MISS"
            missed = missed or verdict == "MISS"
            line += f"  target < {target} s: {verdict}"
        print(line)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
