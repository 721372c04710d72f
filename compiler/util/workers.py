"""How many worker processes a build may fork: one per core it may use, when forking is safe."""

from __future__ import annotations

import multiprocessing
import os
import threading


def workers() -> int:
    """The cores this process may use (one if the platform cannot fork safely)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1:  # forking a threaded process (the live preview) is unsafe
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
