"""Each command imports what it uses: a fact about ``sys.modules``, not a timing.

``standards --help`` and ``standards check`` run on every save in an editor and on every commit
in a pre-commit hook, so they must not pay for pyarrow, MkDocs, Jinja, pytest or hypothesis,
which other commands need. The start-up times themselves are measured by
``benchmarks/bench_startup.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

_RUN = """
import json, sys
sys.argv = ["standards", *json.loads(sys.argv[1])]
from compiler.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""

NEVER_AT_START = ("pyarrow", "mkdocs", "material", "jinja2", "pytest", "hypothesis")
DATABASES = ("sqlalchemy", "duckdb", "psycopg", "openpyxl", "docx", "lxml", "pypdf")


def _imported(*arguments: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, json.dumps(arguments)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_help_imports_no_library_a_command_needs() -> None:
    imported = _imported("--help")
    heavy = (*NEVER_AT_START, *DATABASES, "numpy", "jsonschema", "holidays", "yaml")
    assert imported.isdisjoint(heavy), sorted(imported.intersection(heavy))


@pytest.mark.parametrize("command", ["audit", "build", "due", "import", "serve", "test"])
def test_each_commands_help_stays_light(command: str) -> None:
    imported = _imported(command, "--help")
    assert imported.isdisjoint((*NEVER_AT_START, *DATABASES)), command


def test_checking_a_valid_file_needs_neither_the_site_nor_the_slow_validator() -> None:
    one_file = ROOT / "standards" / "gloucestershire" / "home-visiting" / "1.0.yaml"
    imported = _imported("check", str(one_file))
    assert "compiler" in imported and "yaml" in imported  # it did check the file
    # jsonschema words the errors of an invalid file; a valid one passes jsonschema-rs alone
    assert imported.isdisjoint((*NEVER_AT_START, *DATABASES, "jsonschema")), sorted(
        imported.intersection((*NEVER_AT_START, *DATABASES, "jsonschema"))
    )
