"""How much faster the strict loader is with PyYAML's C parser than with the pure-Python one.

Run: python benchmarks/bench_loader.py [CORPUS]

Loads every YAML file of the corpus (default: the bundled standards) through
compiler.load.load with the C parser and with the pure-Python parser, in the
same run, and prints the median times and their ratio (target: at least 3x).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compiler.load import load
from compiler.util.resources import bundled

TARGET = 3.0


def time_loading(files: list[Path], *, fast: bool, repeats: int = 7) -> float:
    """Median seconds to load every file once."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        for path in files:
            load(path, fast=fast)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled("standards")
    files = sorted(root.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in files)
    c_time = time_loading(files, fast=True)
    python_time = time_loading(files, fast=False)
    ratio = python_time / c_time
    print(f"corpus: {root} ({len(files)} files, {size / 1024:.0f} KiB)")
    print(f"C loader:      {c_time * 1000:8.1f} ms")
    print(f"Python loader: {python_time * 1000:8.1f} ms")
    verdict = "PASS" if ratio >= TARGET else "MISS"
    print(f"ratio: {ratio:.1f}x faster with the C loader (target >= {TARGET}x) {verdict}")


if __name__ == "__main__":
    main()
