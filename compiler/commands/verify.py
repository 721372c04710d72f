"""``standards verify``: check a folder of rule packs against its manifest."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def verify(folder: Path) -> None:
    """Check that the rule packs in FOLDER are exactly what the build wrote.

    Every file's SHA-256 is compared with packs/manifest.json. Exit status 0 when
    every file matches and none is missing or extra; 1 naming each file that is
    not (or when there is no manifest to check against).

    Example: standards verify build/packs
    """
    from compiler.evaluator.verify import ManifestError, packs_folder, verify_packs

    try:
        problems = verify_packs(folder)
    except ManifestError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    where = packs_folder(folder)
    for problem in problems:
        click.echo(f"{where / problem}", err=True)
    if problems:
        click.echo(f"{len(problems)} file(s) in {where} do not match the manifest", err=True)
        sys.exit(1)
    click.echo(f"{where}: every file matches the manifest")
