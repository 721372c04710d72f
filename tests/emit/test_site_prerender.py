"""Pages rendered by forked workers (compiler.emit.site_prerender) give the same site, byte for
byte, as MkDocs rendering them one by one, and a broken link still fails the build."""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex

import compiler.emit.site_prerender as site_prerender
from compiler.emit.docs import emit_docs
from compiler.emit.site import SiteBuildError, build_site
from tests.emit.test_site import _staged, _walsall_context


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_pages_rendered_by_workers_give_the_same_site_as_one_by_one(
    bundled_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[int] = []
    prerender = site_prerender.prerender

    def counting(*args: Any) -> dict[str, Any]:
        result = prerender(*args)
        rendered.append(len(result))
        return result

    monkeypatch.setattr("compiler.emit.site_cache.prerender", counting)
    parsed: list[str] = []  # pages whose HTML Material's search plugin parsed in this process
    parse = SearchIndex.add_entry_from_context
    pid = os.getpid()

    def spying(index: SearchIndex, page: Any) -> None:
        if os.getpid() == pid:
            parsed.append(page.file.src_uri)
        parse(index, page)

    monkeypatch.setattr(SearchIndex, "add_entry_from_context", spying)
    sites = {}
    for cores in (1, 2):
        monkeypatch.setattr(site_prerender, "workers", lambda cores=cores: cores)
        staging = tmp_path / f"cores-{cores}"
        shutil.copytree(bundled_site / "docs", staging / "docs")
        build_site(staging)
        sites[cores] = staging
    assert rendered[0] == 0 and rendered[1] >= site_prerender.MIN_PAGES, rendered
    pages = len(list((bundled_site / "docs" / "pages").rglob("*.md")))
    assert len(parsed) == pages + pages - rendered[1]  # the workers' entries were taken
    names = _files(sites[1])
    assert names == _files(sites[2])
    _, mismatch, errors = filecmp.cmpfiles(sites[1], sites[2], names, shallow=False)
    assert mismatch == [] and errors == []


def test_a_broken_link_on_a_page_rendered_by_a_worker_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site_prerender, "workers", lambda: 2)
    monkeypatch.setattr(site_prerender, "MIN_PAGES", 1)
    files = emit_docs(_walsall_context())
    page = PurePosixPath("docs/pages/walsall/index.md")
    files[page] = files[page] + b"\n\nSee [gone](../missing.md).\n"
    with pytest.raises(SiteBuildError, match=r"missing\.md"):
        build_site(_staged(tmp_path, files))
