"""Options that several commands share, declared once so they read and behave alike."""

from __future__ import annotations

from datetime import date
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


def _day(context: click.Context, parameter: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date: write YYYY-MM-DD") from None


effective_option = click.option(
    "--effective",
    metavar="DATE",
    callback=_day,
    help="When it takes effect, YYYY-MM-DD (default: today).",
)
"""When a new document version takes effect (``new-version``, ``import``)."""

corpus_option = click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The standards folder that holds the authority.",
)
"""The corpus a new document version is written into (``new-version``, ``import``)."""
