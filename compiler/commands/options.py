"""Options that several commands share, declared once so they read and behave alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from compiler.locate import default_standards

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years a date given on the command line may fall in, as in standards files."""


class _BoundedDate(click.DateTime):
    """A date written YYYY-MM-DD, in the years 1900 to 2200: counting a century of timescales
    from it stays inside the calendar (a start in 9999 overflowed into an internal error)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        day = super().convert(value, param, ctx)
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.fail(
                f"{day.date().isoformat()} is outside the years {FIRST_YEAR} to {LAST_YEAR}",
                param,
                ctx,
            )
        return day


DATE = _BoundedDate(["%Y-%m-%d"])
"""A date written YYYY-MM-DD, in the years 1900 to 2200."""

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
