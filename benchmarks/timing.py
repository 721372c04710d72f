"""Timing shared by the benchmarks: the best of a few runs, leaving out noise from the machine."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(
    run: Callable[[], object], repeat: int, before: Callable[[], object] | None = None
) -> float:
    """The fastest of ``repeat`` runs of ``run``, in seconds; ``before`` runs untimed before each.

    >>> best_of(lambda: None, 3) < 0.1
    True
    """
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)
