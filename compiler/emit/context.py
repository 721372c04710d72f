"""What every emitter is given: the compiled corpus, the build date and the files so far.

It lives here, below the build and beside the emitters, so that the emitters need nothing from
:mod:`compiler.build` (which runs them): the build imports the emitters, never the other way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath

from compiler.pipeline import Compiled

Files = dict[PurePosixPath, bytes]
Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildContext:
    """What every emitter gets: the compiled corpus, the build date, and the files so far."""

    compiled: Compiled
    today: date
    files: Mapping[PurePosixPath, bytes]
    site: bool
    progress: Progress = field(default=lambda _: None)
    """Says how a long emitter is getting on (the site reports each authority)."""


Emitter = Callable[[BuildContext], Files]
