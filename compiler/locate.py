"""Which standards a command works on when it is given no path: the user's, not the bundled copy.

A new user runs ``standards check`` inside the folder they are editing and expects it to check
that folder. So a command without a path looks where it is run:

- inside an authority's folder, or anywhere below one (a document folder, ``tests/``): that
  authority (its statutory floor is added from the bundled baseline as for any authority);
- in a corpus (a folder with authority folders one or two levels below, such as a repository
  that keeps them in ``standards/``): that corpus;
- anywhere else: the example standards bundled with the tool, saying so in one line.

Only the folder itself is searched for a corpus, never its parents: ``/tmp`` holding someone
else's corpus two levels down must not make ``/tmp/mine`` "inside a corpus".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from compiler.discover import AUTHORITY_FILE, authority_folders
from compiler.util.resources import bundled

BUNDLED_NOTE = (
    "note: no standards in this folder or above it, so the example standards bundled with "
    "the tool are used (give a folder, or run this inside your corpus or authority folder)"
)


def standards_here(folder: Path) -> Path | None:
    """The authority folder ``folder`` is in, or ``folder`` itself if it is a corpus; else None.

    >>> standards_here(bundled("standards") / "st-helens" / "tests").name
    'st-helens'
    """
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / AUTHORITY_FILE).is_file():
            return candidate
    if authority_folders(folder):
        return folder
    return None


def default_standards(say: Callable[[str], None]) -> Path:
    """The standards a command without a path works on; ``say`` hears the note on a fallback."""
    found = standards_here(Path.cwd())
    if found is not None:
        return found
    say(BUNDLED_NOTE)
    return bundled("standards")
