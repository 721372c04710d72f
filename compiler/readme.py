"""The README's command reference, generated from the commands' own help so it cannot drift.

``python -m compiler.readme`` rewrites the part of README.md between the
``<!-- commands:start -->`` and ``<!-- commands:end -->`` markers; a test fails
when the README and the help differ.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from compiler.cli import standards

START, END = "<!-- commands:start -->", "<!-- commands:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"


def command_reference() -> str:
    """Every command's ``--help``, as Markdown."""
    parts = []
    group = click.Context(standards, info_name="standards", **standards.context_settings)
    for name in sorted(standards.commands):
        command = standards.commands[name]
        with click.Context(command, info_name=name, parent=group, terminal_width=100) as context:
            help_text = command.get_help(context)
        parts.append(f"### `standards {name}`\n\n```text\n{help_text}\n```\n")
    return "\n".join(parts)


def with_reference(readme: str) -> str:
    """The README text with its command reference replaced by the generated one."""
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(readme):
        raise ValueError(f"README.md has no {START} ... {END} section")
    return pattern.sub(lambda _: f"{START}\n\n{command_reference()}\n{END}", readme)


if __name__ == "__main__":
    README.write_text(with_reference(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote the command reference in {README}")
