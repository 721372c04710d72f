"""Long documents are read in parts (compiler.emit.parts): no page passes 150 KB, and every
link to a statement lands on the part that shows it."""

from __future__ import annotations

import importlib
import re
from dataclasses import replace
from pathlib import Path

import pytest

from compiler.build import build
from compiler.emit.parts import PART_BUDGET, part_page, parts, section_weight, statement_page
from compiler.pipeline import compile_corpus
from tests.conftest import ROOT, SITE_DATE
from tests.emit.test_site import page_ids

PAGE_LIMIT = 150_000


def _st_helens():  # type: ignore[no-untyped-def]
    corpus = compile_corpus(ROOT / "standards", today=SITE_DATE, run_checks=False).corpus
    authority = corpus.authority("st-helens")
    assert authority is not None
    document = authority.document("practice-standards")
    assert document is not None
    return authority, document.latest


def test_no_page_of_the_bundled_site_passes_150_kb(bundled_site: Path) -> None:
    sizes = {p: p.stat().st_size for p in (bundled_site / "site").rglob("*.html")}
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] <= PAGE_LIMIT, f"{largest} is {sizes[largest]} bytes"


def test_a_long_document_is_cut_between_sections_into_parts_of_about_the_same_size() -> None:
    _, version = _st_helens()
    found = parts(version)
    assert len(found) == 2, "St Helens' practice standards (over 200 KB on one page) are cut"
    assert tuple(s for p in found for s in p.sections) == version.sections  # in order, each once
    weights = [sum(section_weight(s) for s in p.sections) for p in found]
    assert all(w <= PART_BUDGET for w in weights)
    assert max(weights) < 1.5 * min(weights), weights
    short = replace(version, sections=version.sections[:2])
    assert len(parts(short)) == 1, "a short document is one part, on the version's page"


def test_every_statement_is_on_the_page_links_to_it_name(bundled_site: Path) -> None:
    authority, version = _st_helens()
    site = bundled_site / "site"
    pages = {
        p.number: page_ids(site / part_page(authority, version, p.number).with_suffix(".html"))
        for p in parts(version)
    }
    for statement in version.all_statements():
        page = statement_page(authority, version, statement.id)
        holding = [n for n, ids in pages.items() if statement.id in ids]
        assert len(holding) == 1, statement.id
        assert page == part_page(authority, version, holding[0]), statement.id


def test_the_authority_page_links_each_rule_to_the_part_that_shows_it(bundled_site: Path) -> None:
    authority, version = _st_helens()
    page = (bundled_site / "site" / "st-helens" / "index.html").read_text(encoding="utf-8")
    targets = set(re.findall(r'href="practice-standards/([^"#]+)#', page))
    assert targets == {
        part_page(authority, version, p.number).with_suffix(".html").name
        for p in parts(version)
        if any(s.rules for section in p.sections for s in section.statements)
    }


def test_each_part_lists_every_part_and_links_the_others(bundled_site: Path) -> None:
    authority, version = _st_helens()
    found = parts(version)
    for part in found:
        page = part_page(authority, version, part.number).with_suffix(".html")
        html = (bundled_site / "site" / page).read_text(encoding="utf-8")
        assert f"The document in {len(found)} parts" in html
        for other in found:
            name = part_page(authority, version, other.number).with_suffix(".html").name
            assert (f'href="{name}"' in html) is (other.number != part.number), (part, name)


def test_a_comparison_too_long_for_one_page_gets_a_page_per_group_of_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 150 authorities the statutory visits' names alone passed 150 KB; here any is too long."""
    compare = importlib.import_module("compiler.emit.pages.compare")
    monkeypatch.setattr(compare, "PART_BUDGET", 1)
    build(ROOT / "standards", tmp_path / "build", today=SITE_DATE)  # strict: every link resolves
    folder = tmp_path / "build" / "site" / "compare"
    groups = sorted(folder.glob("statutory-visit--*.html"))
    names = {g.name for g in groups}
    assert {"statutory-visit--child-in-care.html", "statutory-visit--child-in-need.html"} <= names
    activity = (folder / "statutory-visit.html").read_text(encoding="utf-8")
    assert all(f'href="{g.name}"' in activity for g in groups)
    assert "table-filter" not in activity, "the rows are on the groups' pages"
    for group in groups:
        html = group.read_text(encoding="utf-8")
        assert html.count('class="table-filter"') == 1
        assert 'href="statutory-visit.html"' in html  # the way back to the activity
