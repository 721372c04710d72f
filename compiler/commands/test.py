"""``standards test``: the standards test suite (documents, checks, scenarios, properties)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from compiler.commands.options import standards_or_here

MISSING_TEST_EXTRA = (
    "error: `standards test` needs pytest and hypothesis, which a plain `pip install` leaves out.\n"
    "Install them with: pip install 'practice-standards[test]' "
    "(in a source checkout: pip install '.[test]')"
)
_TEST_EXTRA = {"pytest", "_pytest", "hypothesis", "pluggy", "iniconfig"}


@click.command("test")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("-k", "keyword", default="", help="Only run tests whose names match (pytest -k).")
@click.option("-v", "--verbose", is_flag=True, help="List every test, passed or failed.")
def test(path: Path | None, keyword: str, verbose: bool) -> None:
    """Run the standards test suite over PATH (default: see below).

    Every document must validate; every check runs as its own test per
    authority ("st-helens: has no conflicting rules"); every scenario case is a
    test; hypothesis searches each authority's rules for a date that breaks
    what the checks claim. The same tests run under plain `pytest` in a
    standards repository. Without PATH: the folder you are in, if it holds
    standards; else the bundled example. Exit status: 0 all passed, 1
    failures, 2 usage error.

    Example: standards test standards/gloucestershire
    """
    try:  # the test extra is optional: every other command works without it
        import pytest

        from compiler.suite import pytest_plugin
    except ModuleNotFoundError as missing:
        if (missing.name or "").split(".")[0] not in _TEST_EXTRA:
            raise
        click.echo(MISSING_TEST_EXTRA, err=True)
        sys.exit(2)
    root = standards_or_here(path).resolve()
    args = [
        str(root),
        "-o",
        "addopts=",
        "-p",
        "no:standards",
        "-p",
        "no:cacheprovider",
        "-W",
        "ignore::pytest.PytestAssertRewriteWarning",
        "--rootdir",
        str(root if root.is_dir() else root.parent),
        "-c",
        str(Path(pytest_plugin.__file__).with_name("standards_pytest.ini")),
        "-v" if verbose else "-q",
        "--no-header",  # pytest's header names this machine's folders (site-packages)
    ]
    if keyword:
        args += ["-k", keyword]
    code = pytest.main(args, plugins=[pytest_plugin])
    sys.exit(0 if code == 0 else (2 if code in (3, 4) else 1))
