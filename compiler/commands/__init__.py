"""The commands of the ``standards`` CLI, one module each."""

from compiler.commands.check import check

COMMANDS = (check,)
