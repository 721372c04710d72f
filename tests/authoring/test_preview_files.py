"""The files behind ``standards serve``: after a save, only what the edit touches is remade.

The preview keeps the build cache in its own folder (compiler.authoring.preview), so a
save makes the edited authority's files again, and the national pages, as a build would.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from compiler.authoring.preview import write_pages
from compiler.build import build, build_date
from tests.conftest import ROOT


def test_a_save_remakes_the_edited_authority_only_and_gives_a_builds_files(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "standards"
    shutil.copytree(ROOT / "standards", corpus)
    staging = tmp_path / "preview"
    first = write_pages(corpus, staging)
    assert any(str(path).startswith("docs/pages/st-helens/") for path in first)

    document = corpus / "walsall" / "cin-visits-and-reviews" / "5.0.yaml"
    text = document.read_text(encoding="utf-8")
    edited = text.replace("a non family interpreter should", "an interpreter from outside it")
    assert edited != text
    document.write_text(edited, encoding="utf-8")
    changed = {str(path) for path in write_pages(corpus, staging)}

    assert "docs/pages/walsall/cin-visits-and-reviews/5.0.md" in changed
    assert not [path for path in changed if "st-helens" in path or "gloucestershire" in path]

    out = tmp_path / "build"
    build(corpus, out, today=build_date())
    for folder in ("docs", "packs"):
        made = {p.relative_to(out) for p in (out / folder).rglob("*") if p.is_file()}
        kept = {p.relative_to(staging) for p in (staging / folder).rglob("*") if p.is_file()}
        assert made == kept
        assert all(filecmp.cmp(out / p, staging / p, shallow=False) for p in made)
