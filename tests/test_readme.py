"""The README stays true: its command reference is the commands' own help."""

from __future__ import annotations

from compiler.cli import standards
from compiler.readme import README, command_reference, with_reference


def test_readme_command_reference_matches_the_help() -> None:
    text = README.read_text(encoding="utf-8")
    assert with_reference(text) == text, "run: python -m compiler.readme"


def test_every_command_is_documented_with_an_example() -> None:
    reference = command_reference()
    for name, command in standards.commands.items():
        assert f"### `standards {name}`" in reference
        assert "Example:" in (command.help or ""), f"standards {name} has no example"
