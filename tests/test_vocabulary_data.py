"""The vocabulary files say what their authors wrote: no description cut short at a comma.

In a YAML flow mapping (``{title: ..., description: ...}``) an unquoted comma ends the value,
and the rest of the sentence silently becomes a key with no value. Every term's description is
shown on the site, in editors and by ``standards vocabulary``, so none may be lost that way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

FILES = sorted((ROOT / "schema" / "vocabulary").glob("*.yaml"))


def empty_keys(node: Any, path: str = "") -> list[str]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if value is None:
                found.append(f"{path}/{key}")
            found += empty_keys(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            found += empty_keys(item, path)
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_vocabulary_value_is_cut_short_at_a_comma(path: Path) -> None:
    assert empty_keys(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_the_connected_person_description_is_whole() -> None:
    data = yaml.safe_load((ROOT / "schema" / "vocabulary" / "qualifiers.yaml").read_text())
    assert data["placement_type"]["values"]["connected_person"]["description"] == (
        "A placement with a relative, friend or other connected person, including temporary "
        "approval under regulation 24."
    )
