"""Small results kept between runs in the user's cache folder, and never trusted blindly.

``standards check`` of one file runs in editors and pre-commit hooks on every save. Some of
its work gives the same answer every time for one version of a library: the bank holidays of
seventy years cost the ``holidays`` package about 90 ms to import and compute, a quarter of
such a check. Such results are kept here as JSON, under a name that says what made them (the
library's version among it), in the platform's user cache folder (``platformdirs``), or in
``STANDARDS_CACHE_DIR`` when that is set.

A cache only saves time. A file that cannot be read, or is not what its reader expects, is
ignored (the caller works the answer out again and writes it anew); a folder that cannot be
written is not used. A file is written under a temporary name and renamed into place, so a
reader never sees half of one.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

APP = "practice-standards"


def cache_folder() -> Path:
    """Where kept results live: ``STANDARDS_CACHE_DIR``, else the user's cache folder."""
    chosen = os.environ.get("STANDARDS_CACHE_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))


def read_kept(name: str) -> Any | None:
    """The JSON kept under ``name`` (a relative path), or None where there is none to use.

    >>> import tempfile, os
    >>> os.environ["STANDARDS_CACHE_DIR"] = tempfile.mkdtemp()
    >>> read_kept("example/answer.json") is None
    True
    >>> keep("example/answer.json", [1, "two"])
    >>> read_kept("example/answer.json")
    [1, 'two']
    >>> del os.environ["STANDARDS_CACHE_DIR"]
    """
    try:
        return json.loads((cache_folder() / name).read_bytes())
    except (OSError, ValueError):
        return None


def keep(name: str, value: Any) -> None:
    """Keep ``value`` as JSON under ``name``; quietly nothing where the folder is not writable."""
    path = cache_folder() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, staged = tempfile.mkstemp(prefix=".kept-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(json.dumps(value, ensure_ascii=False).encode("utf-8"))
            os.replace(staged, path)
        except BaseException:
            Path(staged).unlink(missing_ok=True)
            raise
    except OSError:
        return
