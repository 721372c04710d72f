"""The quick validator (jsonschema-rs) passes exactly the files jsonschema finds nothing wrong with.

Findings are written from jsonschema's errors; the quick one only lets valid files
through sooner. If the two ever disagreed, a mistake could pass unreported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.discover import kind_of
from compiler.errors import FindingsError
from compiler.load import load
from compiler.schemas import quick_validator, validator
from tests.conftest import FIXTURES, ROOT

CORPORA = [ROOT / "standards", FIXTURES / "invalid", FIXTURES / "corpora"]


def _files() -> list[tuple[Path, str]]:
    found = []
    for corpus in CORPORA:
        for path in sorted(corpus.rglob("*.yaml")):
            found.append((path, kind_of(path)))
    return found


@pytest.mark.parametrize(("path", "kind"), _files(), ids=lambda v: str(v)[-60:])
def test_quick_and_full_validators_agree(path: Path, kind: str) -> None:
    try:
        source = load(path)
    except FindingsError:
        return  # not YAML the loader accepts: never validated
    full = not any(True for _ in validator(kind).iter_errors(source.data))
    assert quick_validator(kind).is_valid(source.data) == full


def test_some_fixtures_are_invalid_for_both() -> None:
    refused = 0
    for path, kind in _files():
        try:
            source = load(path)
        except FindingsError:
            continue
        refused += not quick_validator(kind).is_valid(source.data)
    assert refused >= 10
