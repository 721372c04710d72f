"""``standards serve``: preview the guidance site while editing the standards."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from pathlib import Path

import click

from compiler.commands.options import standards_or_here


def _address(context: click.Context, parameter: click.Parameter, value: str) -> str:
    """HOST:PORT with a port from 0 to 65535 (a bad port was an internal error)."""
    host, sign, port = value.rpartition(":")
    if not sign or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise click.BadParameter(
            f"'{value}': write HOST:PORT with a port from 0 to 65535, such as 127.0.0.1:8000"
        )
    return value


def _stop_on_terminate() -> None:
    """Treat SIGTERM as Ctrl+C, so the temporary folders are removed on the way out."""

    def stop(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


@click.command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--address",
    default="127.0.0.1:8000",
    show_default=True,
    callback=_address,
    help="Where to serve the preview.",
)
def serve(path: Path | None, address: str) -> None:
    """Preview the guidance site built from PATH, rebuilt each time a file is saved.

    PATH is a corpus or an authority's folder (default: the
    folder you are in, if it holds standards; else the bundled example).
    The page in the browser reloads by itself after each save. If a file cannot
    be read, the problems are printed and the last good pages stay. Stop with
    Ctrl+C.

    Example: standards serve standards/st-helens
    """
    from compiler.authoring.preview import HOOK_FILE, ROOT_VARIABLE, write_pages
    from compiler.errors import FindingsError
    from compiler.util.resources import shown

    root = standards_or_here(path).resolve()
    _stop_on_terminate()
    with tempfile.TemporaryDirectory(prefix="standards-serve-") as folder:
        staging = Path(folder)
        try:
            write_pages(root, staging)
        except FindingsError as failed:
            for finding in failed.findings:
                click.echo(finding.render(), err=True)
            click.echo("the standards could not be read: nothing to preview", err=True)
            sys.exit(1)
        os.environ[ROOT_VARIABLE] = str(root)
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        from mkdocs.commands.serve import serve as mkdocs_serve

        click.echo(f"previewing {shown(root)} at http://{address}/ (Ctrl+C to stop)", err=True)
        mkdocs_serve(
            config_file=str(staging / "docs" / "mkdocs.yml"),
            livereload=True,
            watch=[str(root)],
            dev_addr=address,
            hooks=[str(HOOK_FILE)],
        )
