"""Where the bundled corpus, schemas and site templates live.

In a source checkout they are the top-level folders ``standards/``, ``schema/``
and ``site/``; in an installed wheel they are copied into
``compiler/_bundled/``. Everything that needs them asks here.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # compiler/, this module being in compiler/util/
_INSTALLED = _PACKAGE / "_bundled"


def bundled(name: str) -> Path:
    """The folder ``name`` (``standards``, ``schema`` or ``site``) that ships with the package.

    >>> bundled("schema").name
    'schema'
    """
    installed = _INSTALLED / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def shown(path: Path) -> str:
    """``path`` as a message shows it: a bundled file by its place in the bundle, not in
    ``site-packages``, which a user can neither find nor should edit.

    >>> shown(Path("standards/st-helens/authority.yaml"))
    'standards/st-helens/authority.yaml'
    >>> shown(_INSTALLED / "standards" / "england" / "authority.yaml")
    '(bundled) standards/england/authority.yaml'
    """
    if path.is_absolute() and path.is_relative_to(_INSTALLED):
        return f"(bundled) {path.relative_to(_INSTALLED).as_posix()}"
    return str(path)
