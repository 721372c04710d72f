"""Options that several commands share, declared once so they read and behave alike."""

from __future__ import annotations

from pathlib import Path

import click

from compiler.locate import default_standards

DATE = click.DateTime(["%Y-%m-%d"])
"""A date written YYYY-MM-DD."""

format_option = click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for tools.",
)


def standards_or_here(path: Path | None) -> Path:
    """``path`` if given; else the standards of the folder the command runs in (see
    :mod:`compiler.locate`), or the bundled example with a one-line note on standard error."""
    if path is not None:
        return path
    return default_standards(lambda note: click.echo(note, err=True))


packs_option = click.option(
    "--packs",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build/packs"),
    show_default=True,
    help="The packs folder written by `standards build`.",
)
