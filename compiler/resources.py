"""Where the bundled corpus, schemas and site templates live.

In a source checkout they are the top-level folders ``standards/``, ``schema/``
and ``site/``; in an installed wheel they are copied into
``compiler/_bundled/``. Everything that needs them asks here.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The folder ``name`` (``standards``, ``schema`` or ``site``) that ships with the package.

    >>> bundled("schema").name
    'schema'
    """
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
