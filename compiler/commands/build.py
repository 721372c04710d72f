"""``standards build``: rule packs and the guidance site from a corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from compiler.commands.options import standards_or_here


@click.command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Output folder: packs/, docs/ and site/ are written inside it.",
)
@click.option(
    "--no-site",
    is_flag=True,
    help="Write the rule packs only, without running the checks (run `standards check` for them).",
)
@click.option("--quiet", is_flag=True, help="Print nothing unless the standards cannot be read.")
def build(path: Path | None, out: Path, no_site: bool, quiet: bool) -> None:
    """Build rule packs and the guidance site from PATH (default: see below).

    Nothing is written if the standards cannot be read; the previous build is
    left as it was. The output folder is replaced whole, so it must be new,
    empty or an earlier build. Findings of the checks are shown on the site
    and counted here. Without PATH, the standards of the folder you are in
    (a corpus, an authority's folder or below one) are built; elsewhere, the
    bundled example.

    Example: standards build standards/st-helens --out /tmp/st-helens
    """
    from compiler.build import build as build_all
    from compiler.errors import FindingsError, Severity
    from compiler.util.write import OutputError

    say = (lambda _: None) if quiet else (lambda text: click.echo(f"... {text}", err=True))
    root = standards_or_here(path)
    try:
        built = build_all(root, out, site=not no_site, run_checks=not no_site, progress=say)
    except FindingsError as failed:
        for finding in failed.findings:
            click.echo(finding.render(), err=True)
        click.echo(
            f"build stopped: {len(failed.findings)} error(s) in the standards files; "
            f"nothing was written to {out}",
            err=True,
        )
        sys.exit(1)
    except OutputError as refused:
        click.echo(f"error: {refused}", err=True)
        sys.exit(2)
    if quiet:  # on success, nothing: a script checks the exit status
        return
    if no_site:
        click.echo(f"built {out}: rule packs only; the checks were not run", err=True)
        return
    counts = {s: sum(1 for f in built.findings if f.severity is s) for s in Severity}
    click.echo(
        f"built {out}: {counts[Severity.ERROR]} error(s) and {counts[Severity.WARNING]} "
        "warning(s) found by the checks (see `standards check`)",
        err=True,
    )
