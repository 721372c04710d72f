"""How fast are due dates and comparisons? Figures measured in one run, beside their targets.

Run from the project root::

    python benchmarks/bench_timescales.py

It measures next-due dates for 1,000,000 cases on the vectorised path, the
same on a plain Python loop over the scalar reference (on fewer cases; the
rate is what counts), bare ``numpy.busday_offset`` on the same dates (the
floor the vectorised path cannot beat by much), and one exact comparison of
two phased timescales over a 20-year horizon. Each time is the median of
several runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compiler.calendar import load_calendar
from compiler.timescale.compare import compare
from compiler.timescale.due import next_due
from compiler.timescale.model import Duration, Phase, Recurrence
from compiler.timescale.vectorised import DAY, due_array

CASES = 1_000_000
LOOP_CASES = 20_000
EVERY_10_WORKING_DAYS = Recurrence("plan_start", (Phase(Duration(10, "working_days")),))
# St Helens, children in care: weekly for the first month, then fortnightly where the
# manager approves, never further apart than 4-weekly.
ST_HELENS = Recurrence(
    "placement_start",
    (
        Phase(Duration(1, "weeks"), lasts=Duration(1, "months")),
        Phase(Duration(2, "weeks"), where=(("manager_approved", True),)),
    ),
    cap=Duration(4, "weeks"),
)
# Reg 28(2): within a week, every 6 weeks for the first year, then every 3 months where
# the placement is intended to last until 18.
REGULATION_28 = Recurrence(
    "placement_start",
    (
        Phase(Duration(6, "weeks"), lasts=Duration(1, "years")),
        Phase(Duration(3, "months"), where=(("placement_until_18", True),)),
    ),
    first=(Duration(1, "weeks"),),
)


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def report(name: str, figure: str, target: str = "", passed: bool | None = None) -> None:
    verdict = "" if passed is None else ("PASS" if passed else "MISS")
    print(f"{name:<52} {figure:>14}   {target:<16} {verdict}")


def main() -> None:
    england = load_calendar("england-and-wales")
    random = np.random.default_rng(2026)
    starts = np.datetime64("2024-01-01") + random.integers(0, 365, CASES).astype("timedelta64[D]")
    last = starts + random.integers(0, 400, CASES).astype("timedelta64[D]")
    last[random.random(CASES) < 0.05] = np.datetime64("NaT")  # not yet visited
    last = last.astype(DAY)

    def vectorised() -> np.ndarray:
        return due_array(EVERY_10_WORKING_DAYS, starts, england, last)

    def bare() -> np.ndarray:
        return np.busday_offset(last, 10, roll="backward", busdaycal=england.busdaycalendar)

    scalar_starts = starts[:LOOP_CASES].tolist()
    scalar_last = [[] if d is None else [d] for d in last[:LOOP_CASES].tolist()]

    def loop() -> list[date | None]:
        return [
            next_due(EVERY_10_WORKING_DAYS, start, england, done)
            for start, done in zip(scalar_starts, scalar_last, strict=True)
        ]

    vectorised()  # warm up numpy and the calendar's busdaycalendar
    assert [d for d in vectorised()[:LOOP_CASES].tolist()] == loop(), "paths disagree"

    vectorised_time = median_seconds(vectorised, 7)
    bare_time = median_seconds(bare, 7)
    loop_time = median_seconds(loop, 3)
    vectorised_rate = CASES / vectorised_time
    loop_rate = LOOP_CASES / loop_time
    facts = {"manager_approved": True, "placement_until_18": True}
    compare(ST_HELENS, REGULATION_28, england, facts)
    compare_time = median_seconds(lambda: compare(ST_HELENS, REGULATION_28, england, facts), 21)

    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}")
    report(
        f"next due, vectorised ({CASES:,} cases)",
        f"{vectorised_rate / 1e6:.1f} M/s",
        f"({vectorised_time * 1e3:.0f} ms)",
    )
    report(f"next due, Python loop ({LOOP_CASES:,} cases)", f"{loop_rate / 1e3:.0f} k/s")
    ratio = vectorised_rate / loop_rate
    report("vectorised rate / Python loop rate", f"{ratio:.0f}x", "target >= 50x", ratio >= 50)
    slowdown = vectorised_time / bare_time
    report(
        f"vectorised time / bare busday_offset ({bare_time * 1e3:.0f} ms)",
        f"{slowdown:.2f}x",
        "target <= 2x",
        slowdown <= 2,
    )
    report(
        "compare two phased timescales, 20-year horizon",
        f"{compare_time * 1e3:.2f} ms",
        "target < 10 ms",
        compare_time < 0.010,
    )


if __name__ == "__main__":
    main()
