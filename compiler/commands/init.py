"""``standards init``: start a new authority, or a new corpus with one authority in it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

JURISDICTION_CALENDARS = ("england-and-wales",)
"""The calendars of the statutory baselines shipped: an authority counts with its jurisdiction's."""


@click.command("init")
@click.argument("folder", required=False, type=click.Path(path_type=Path), default=Path("."))
@click.option(
    "--authority",
    "authority_id",
    prompt="The authority's id (lower-case letters, digits, hyphens; e.g. barsetshire)",
    help="The new authority's id, which is also its folder's name.",
)
@click.option(
    "--name", prompt="The authority's name", help="The authority's name as it publishes it."
)
@click.option(
    "--calendar",
    type=click.Choice(JURISDICTION_CALENDARS),
    default="england-and-wales",
    show_default=True,
    help="Bank holidays to count working days with: the jurisdiction's (England's is the "
    "only statutory baseline shipped), so the law's working days are counted as the law counts "
    "them. Office closures go under closures: in authority.yaml.",
)
def init_command(folder: Path, authority_id: str, name: str, calendar: str) -> None:
    """Start a new authority in FOLDER (default: here), with a draft document to edit.

    FOLDER is a corpus (a folder of authority folders), new or existing. It gets the
    authority's folder with authority.yaml, a first document as a draft with one worked
    statement and rule, a scenario test of that rule, and the JSON Schemas that the files'
    first lines point an editor at. Nothing is overwritten. Then edit, and run standards
    check, standards serve and standards build in the new folder.

    Example: standards init our-standards --authority barsetshire --name "Barsetshire County
    Council"
    """
    from compiler.authoring.init import InitError, init

    try:
        started = init(folder, authority_id, name, calendar, date.today())
    except InitError as refused:
        click.echo(f"error: {refused}", err=True)
        sys.exit(2)
    for path in started.files:
        click.echo(f"wrote {_shown(path)}")
    here = _shown(started.authority)
    click.echo(
        f"next: cd {here} && standards check (then standards serve to preview the site; "
        "set status: published when the document is approved)"
    )


def _shown(path: Path) -> str:
    """A path relative to where the command was run, where it is below it."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
