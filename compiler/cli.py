"""The ``standards`` command: a thin layer over the library.

Each command lives in its own module under :mod:`compiler.commands`; its
docstring is its help, with an example. The library raises
:class:`~compiler.errors.StandardsError`; here it becomes a message and an
exit code (0 clean, 1 findings, 2 usage error), never a traceback.
"""

from __future__ import annotations

import os
import sys

import click

from compiler import __version__
from compiler.commands import COMMANDS
from compiler.errors import StandardsError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="standards")
def standards() -> None:
    """Children's social care practice standards as code.

    Check standards files, read timescales, build the guidance site and rule
    packs, and compare versions. Run `standards COMMAND --help` for each.
    """


for _command in COMMANDS:
    standards.add_command(_command)


def main() -> None:
    """Entry point of the console script."""
    try:
        standards.main(prog_name="standards", standalone_mode=True)
    except StandardsError as exc:  # pragma: no cover - commands catch their own
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # never show a traceback to an author
        if os.environ.get("STANDARDS_DEBUG"):
            raise
        click.echo(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in the standards tool, not in your files. Run again with "
            "STANDARDS_DEBUG=1 to see the details, and report them.",
            err=True,
        )
        sys.exit(3)


if __name__ == "__main__":  # pragma: no cover
    main()
