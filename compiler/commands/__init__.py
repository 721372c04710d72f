"""The commands of the ``standards`` CLI, one module each."""

from compiler.commands.check import check
from compiler.commands.test import test

COMMANDS = (check, test)
