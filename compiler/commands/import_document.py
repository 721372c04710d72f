"""``standards import``: bring a published document in as a draft version."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from compiler.commands.options import corpus_option, effective_option
from compiler.discover import AUTHORITY_ID


def _id(context: click.Context, parameter: click.Parameter, value: str) -> str:
    if not AUTHORITY_ID.match(value):
        raise click.BadParameter(f"'{value}' is not an id: use lower-case letters, digits, hyphens")
    return value


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--authority", required=True, callback=_id, help="The authority's id (its folder).")
@click.option("--document", required=True, callback=_id, help="The document's id (its folder).")
@click.option(
    "--version", "version", metavar="X", help="The new version (default: 1.0, or the next)."
)
@effective_option
@corpus_option
def import_command(
    file: Path,
    authority: str,
    document: str,
    version: str | None,
    effective: date | None,
    corpus: Path,
) -> None:
    """Import a published document (.txt, .md, .docx, .html, .pdf) as a draft version.

    Sections come from the headings; statements from paragraphs, list items and
    table rows, in the document's words. Every timescale phrase becomes a
    proposed rule, or a not_rules entry if it cannot be read; each guess is
    marked `confirm:` in the file, and listed here. Importing against a
    document that has versions writes the next one, keeping the ids of the
    statements that are recognisably the same, so standards diff shows the
    revision. It never overwrites a file. Word, HTML and PDF need the import
    extra: pip install 'practice-standards[import]'.

    Example: standards import standards.docx --authority st-helens --document
    practice-standards --corpus standards
    """
    from compiler.authoring.importer.blocks import UnreadableDocument
    from compiler.authoring.importer.importing import MissingExtra, import_document

    try:
        imported = import_document(corpus, file, authority, document, version, effective)
    except MissingExtra as missing:
        click.echo(f"error: {missing}", err=True)
        sys.exit(2)
    except UnreadableDocument as failed:
        click.echo(f"error: {failed}", err=True)
        sys.exit(2)
    for note in imported.notes:
        click.echo(f"note: {note}")
    kept = (
        f", {imported.kept_ids} statement ids kept from the previous version"
        if imported.kept_ids
        else ""
    )
    click.echo(
        f"wrote {imported.path}: version {imported.version} (draft), effective "
        f"{imported.effective_from}; {imported.sections} sections, {imported.statements} "
        f"statements, {imported.rules} proposed rules{kept}"
    )
    if not imported.confirmations:
        click.echo("nothing was guessed; check every rule against the words all the same")
        return
    click.echo(
        f"\n{len(imported.confirmations)} readings to confirm (each a confirm: line in the file):"
    )
    for item in imported.confirmations:
        click.echo(f"  {item.statement}, {item.what}: {item.confirm}")
    click.echo(
        "\nThen: standards check "
        f"{imported.path}  (the confirm lines are notes on a draft, errors once published)"
    )
