"""``standards new-version``: start a new version of a document from its latest one."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from compiler.commands.options import corpus_option, effective_option


@click.command("new-version")
@click.argument("document", metavar="AUTHORITY/DOCUMENT")
@click.option("--version", "version", metavar="X", help="The new version (default: the next).")
@effective_option
@corpus_option
def new_version(document: str, version: str | None, effective: date | None, corpus: Path) -> None:
    """Start a new version of a document as a draft copy of its latest version.

    The copy keeps every comment, id and line of the latest version; only its
    version, effective date, review date (moved by the same interval) and
    status (draft) change. It never overwrites a file. Edit the copy, then
    run standards diff to see what changed.

    Example: standards new-version st-helens/practice-standards --version 2.0
    --effective 2026-04-01 --corpus standards
    """
    from compiler.authoring.new_version import start_new_version
    from compiler.errors import StandardsError
    from compiler.pipeline import compile_corpus

    compiled = compile_corpus(corpus, run_checks=False)
    if compiled.blocking:
        for finding in compiled.blocking:
            click.echo(finding.render(), err=True)
        click.echo("error: fix the files above before starting a new version", err=True)
        sys.exit(2)
    try:
        started = start_new_version(compiled.corpus, document, version, effective)
    except StandardsError as failed:
        click.echo(f"error: {failed}", err=True)
        sys.exit(2)
    review = f", review by {started.review_by}" if started.review_by else ""
    click.echo(
        f"wrote {started.path}: version {started.version} (draft), effective "
        f"{started.effective_from}{review}, copied from {started.copied_from.key}"
    )
