"""``standards diff``: what changed between two versions of a document, and does it matter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from compiler.commands.options import standards_or_here

if TYPE_CHECKING:
    from compiler.diff.model import VersionDiff


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option(
    "--git",
    "revisions",
    metavar="REV1..REV2",
    help="Compare every document whose files changed between two git revisions of the corpus.",
)
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The corpus that authority/document@version names (default: the folder "
    "you are in, if it holds standards, else the bundled example; with --git, the current "
    "folder).",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text for a terminal, markdown for a pull request, json for tools.",
)
def diff(
    old: str | None, new: str | None, revisions: str | None, corpus: Path | None, output: str
) -> None:
    """Show what changed from OLD to NEW: rules stricter or looser, statements reworded.

    OLD and NEW are each a document version (authority/document@version) or a
    file; either may end in #section-id to compare one section. With --git,
    every document changed between two revisions of the corpus is compared.
    Rules are listed looser changes first, each with dates that show it.
    Exit status, like diff: 0 no changes, 1 changes, 2 usage error or
    unreadable input.

    Example: standards diff st-helens/practice-standards@1.0#children-in-care-visits
    st-helens/children-in-care-web@1.0 --format markdown
    """
    from compiler.diff.as_json import render_json
    from compiler.diff.compare import DiffError
    from compiler.diff.render import render_markdown, render_text

    root = corpus or (Path(".") if revisions else standards_or_here(None))
    try:
        diffs = _diffs(old, new, revisions, root)
    except DiffError as failed:
        click.echo(f"error: {failed}", err=True)
        sys.exit(2)
    if output == "json":
        click.echo(render_json(diffs), nl=False)
    elif output == "markdown":
        click.echo(render_markdown(diffs), nl=False)
    else:
        colour = sys.stdout.isatty()
        click.echo(render_text(diffs, colour=colour) if diffs else "no documents changed")
    sys.exit(1 if any(d.changed for d in diffs) else 0)


def _diffs(
    old: str | None, new: str | None, revisions: str | None, root: Path
) -> list[VersionDiff]:
    from compiler.diff.compare import DiffError, diff_versions
    from compiler.diff.git import diff_revisions, parse_range
    from compiler.diff.sides import load_side

    if revisions is not None:
        if old is not None or new is not None:
            raise DiffError("give either OLD and NEW, or --git REV1..REV2, not both")
        return diff_revisions(root, *parse_range(revisions))
    if old is None or new is None:
        raise DiffError(
            "give two sides to compare (OLD and NEW), or --git REV1..REV2; "
            "see standards diff --help"
        )
    before, after = load_side(old, root), load_side(new, root)
    calendar = after.calendar
    return [
        diff_versions(
            before.version, after.version, calendar, old_side=before.side, new_side=after.side
        )
    ]
