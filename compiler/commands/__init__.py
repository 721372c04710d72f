"""The commands of the ``standards`` CLI, one module each."""

from compiler.commands.audit import audit_command
from compiler.commands.build import build
from compiler.commands.check import check
from compiler.commands.diff import diff
from compiler.commands.due import due_command
from compiler.commands.import_document import import_command
from compiler.commands.init import init_command
from compiler.commands.new_version import new_version
from compiler.commands.serve import serve
from compiler.commands.test import test
from compiler.commands.timescale import compare, timescale
from compiler.commands.verify import verify
from compiler.commands.vocabulary import vocabulary_command

COMMANDS = (
    init_command,
    check,
    test,
    timescale,
    compare,
    diff,
    new_version,
    import_command,
    build,
    serve,
    verify,
    vocabulary_command,
    due_command,
    audit_command,
)
