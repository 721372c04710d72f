"""The fast path of the site step (compiler.emit.site_fast): the same site, byte for byte.

Each test stages the bundled corpus's docs as a build would, edits them, builds the site
with the session's bundled build as the previous output, and compares every file of
``site/`` with a full MkDocs build of the same docs. A spy on the full path says which path
was taken, so a fast path that quietly fell back would fail the tests that expect it.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import compiler.emit.site as site_module
from benchmarks.bench_site import differing
from compiler.emit.site import SiteBuildError, SiteBuilt, build_site
from compiler.emit.site_cache import CACHE_FOLDER
from compiler.emit.site_manifest import MANIFEST

VERSION_PAGE = Path("pages/walsall/cin-visits-and-reviews/5.0.md")
WORDS = ("a non family interpreter should", "an interpreter from outside the family should")
Edit = Callable[[Path], None]


@pytest.fixture
def full_builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The staging folders the full path built (the fast path builds none)."""
    built: list[Path] = []
    full = site_module._full

    def spy(staging: Path, cache_from: Path | None) -> SiteBuilt:
        built.append(staging)
        return full(staging, cache_from)

    monkeypatch.setattr(site_module, "_full", spy)
    return built


def _replace(relative: Path, old: str, new: str) -> Edit:
    def edit(docs: Path) -> None:
        path = docs / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def _staged(tmp_path: Path, name: str, previous: Path, edits: list[Edit]) -> Path:
    staging = tmp_path / name
    shutil.copytree(previous / "docs", staging / "docs")
    for edit in edits:
        edit(staging / "docs")
    return staging


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _incremental_and_full(
    tmp_path: Path, previous: Path, edits: list[Edit]
) -> tuple[Path, Path, SiteBuilt]:
    incremental = _staged(tmp_path, "incremental", previous, edits)
    built = build_site(incremental, previous)
    full = _staged(tmp_path, "full", previous, edits)
    build_site(full)
    return incremental, full, built


@pytest.fixture(scope="module")
def previous(bundled_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled build (its docs, site and cache), which tests may damage."""
    copy = tmp_path_factory.mktemp("previous") / "build"
    shutil.copytree(bundled_site, copy)
    return copy


@pytest.mark.parametrize(
    ("edits", "rendered"),
    [
        pytest.param([_replace(VERSION_PAGE, *WORDS)], 1, id="one page"),
        pytest.param(
            [
                _replace(VERSION_PAGE, *WORDS),
                _replace(Path("pages/index.md"), "This site shows", "This site sets out"),
                _replace(Path("pages/walsall/index.md"), "# Walsall Council", "# Walsall Borough"),
                _replace(Path("pages/compare/statutory-visit.md"), "must", "shall"),
            ],
            4,
            id="several pages, national and local, titles and search entries",
        ),
        pytest.param(
            [
                _replace(Path("pages/assets/stylesheets/site.css"), "{", "{ "),
                _replace(Path("pages/compare/sdq--child-in-care.svg"), "<svg", "<svg "),
            ],
            0,
            id="a stylesheet and a picture",
        ),
    ],
)
def test_the_fast_path_gives_the_full_builds_site(
    tmp_path: Path, previous: Path, full_builds: list[Path], edits: list[Edit], rendered: int
) -> None:
    before = _digests(previous)
    incremental, full, built = _incremental_and_full(tmp_path, previous, edits)
    assert full_builds == [full]  # the incremental build took the fast path
    assert built.rendered == rendered
    assert built.reused == len(list((full / "docs" / "pages").rglob("*.md"))) - rendered
    assert differing(incremental / "site", full / "site") == []
    assert _digests(previous) == before  # nothing of the previous output was written
    again = _staged(tmp_path, "again", incremental, [])  # the new cache serves the next build
    assert build_site(again, incremental).rendered == 0
    assert full_builds == [full]
    assert differing(again / "site", full / "site") == []


def _add_page(docs: Path) -> None:
    (docs / "pages" / "walsall" / "notes.md").write_text("# Notes\n\nA new page.\n")


@pytest.mark.parametrize(
    "edits",
    [
        pytest.param([_add_page], id="a page added"),
        pytest.param([_replace(Path("mkdocs.yml"), "Practice standards", "Standards")], id="key"),
    ],
)
def test_a_changed_page_set_or_key_builds_in_full_with_the_same_site(
    tmp_path: Path, previous: Path, full_builds: list[Path], edits: list[Edit]
) -> None:
    incremental, full, _ = _incremental_and_full(tmp_path, previous, edits)
    assert full_builds == [incremental, full]
    assert differing(incremental / "site", full / "site") == []


def test_a_page_removed_builds_in_full_with_the_same_site(
    tmp_path: Path, previous: Path, full_builds: list[Path]
) -> None:
    with_notes = _staged(tmp_path, "with-notes", previous, [_add_page])
    build_site(with_notes, previous)
    incremental, full, _ = _incremental_and_full(tmp_path, with_notes, [_remove_notes])
    assert full_builds == [with_notes, incremental, full]
    assert differing(incremental / "site", full / "site") == []
    assert not (incremental / "site" / "walsall" / "notes.html").exists()


def _remove_notes(docs: Path) -> None:
    (docs / "pages" / "walsall" / "notes.md").unlink()


def _truncate_manifest(build: Path) -> None:
    manifest = build / CACHE_FOLDER / MANIFEST
    manifest.write_bytes(manifest.read_bytes()[:-10])


def _edit_manifest(build: Path) -> None:
    manifest = build / CACHE_FOLDER / MANIFEST
    manifest.write_bytes(manifest.read_bytes().replace(b"walsall", b"walsalk", 1))


def _manifest_naming_a_file_outside(build: Path) -> None:
    """A manifest that passes its own check but would link a file from outside the build."""
    (build.parent / "outside.html").write_text("not ours")
    manifest = build / CACHE_FOLDER / MANIFEST
    body = manifest.read_bytes().split(b"\n", 1)[1]
    body = body.replace(b'"site":[', b'"site":["../../outside.html",', 1)
    manifest.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def _remove_site_file(build: Path) -> None:
    (build / "site" / "compare" / "statutory-visit.html").unlink()


def _remove_search_part(build: Path) -> None:
    (build / "site" / "search" / "authorities" / "walsall.json").unlink()


def _remove_cache(build: Path) -> None:
    shutil.rmtree(build / CACHE_FOLDER)


@pytest.mark.parametrize(
    "damage",
    [
        _truncate_manifest,
        _edit_manifest,
        _manifest_naming_a_file_outside,
        _remove_site_file,
        _remove_search_part,
        _remove_cache,
    ],
)
def test_a_damaged_previous_build_builds_in_full_with_the_same_site(
    tmp_path: Path, bundled_site: Path, full_builds: list[Path], damage: Callable[[Path], None]
) -> None:
    previous = tmp_path / "previous"
    shutil.copytree(bundled_site, previous)
    damage(previous)
    incremental, full, _ = _incremental_and_full(
        tmp_path, previous, [_replace(VERSION_PAGE, *WORDS)]
    )
    assert full_builds == [incremental, full]
    assert differing(incremental / "site", full / "site") == []


@pytest.mark.parametrize(
    ("link", "complaint"),
    [
        ("[gone](cin-visits-and-reviews/5.0.md#no-such-statement)", "no-such-statement"),
        ("[gone](cin-visits-and-reviews/9.0.md)", "cin-visits-and-reviews/9.0.md"),
    ],
)
def test_a_changed_page_linking_to_a_missing_anchor_or_page_fails(
    tmp_path: Path, previous: Path, full_builds: list[Path], link: str, complaint: str
) -> None:
    edit = _replace(Path("pages/walsall/index.md"), "\n\n", f"\n\n{link}\n\n")
    staging = _staged(tmp_path, "staging", previous, [edit])
    with pytest.raises(SiteBuildError, match=rf"walsall/index\.md.*{complaint}"):
        build_site(staging, previous)
    assert full_builds == []  # found on the fast path


def test_an_unchanged_page_linking_to_an_anchor_a_changed_page_removed_fails(
    tmp_path: Path, previous: Path, full_builds: list[Path]
) -> None:
    anchor = "cin-seen-at-home-every-six-weeks"
    edit = _replace(VERSION_PAGE, f'[id="{anchor}"]', '[id="seen-at-home"]')
    staging = _staged(tmp_path, "staging", previous, [edit])
    with pytest.raises(SiteBuildError, match=rf"compare/statutory-visit\.md.*{anchor}"):
        build_site(staging, previous)
    assert full_builds == []
