"""The guidance site: pages from the model, MkDocs in strict mode, deterministic output."""

from __future__ import annotations

import doctest
import filecmp
import importlib
import io
import json
import re
import shutil
import sys
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import pytest

from benchmarks.bench_site import differing
from compiler.build import build
from compiler.calendar import load_calendar
from compiler.emit.context import BuildContext
from compiler.emit.docs import emit_docs
from compiler.emit.site import SiteBuildError, build_site
from compiler.emit.timeline import TimelineRow, draw, latest_dates
from compiler.pipeline import compile_corpus
from compiler.timescale.parse import parse_timescale
from compiler.util.write import write_atomically
from tests.conftest import ROOT, SITE_DATE


class _Ids(HTMLParser):
    """Every element id in a page, and the text inside the element with one id."""

    def __init__(self, wanted: str = "") -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.wanted, self.depth, self.text = wanted, 0, ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs).get("id")
        if found:
            self.ids.add(found)
        if self.depth:
            self.depth += 1
        elif found and found == self.wanted:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text += data


def page_ids(path: Path) -> set[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


def text_of(path: Path, element_id: str) -> str:
    parser = _Ids(element_id)
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.text.split())


def test_site_modules_doctests_hold() -> None:
    for name in (
        "compiler.util.escaping",
        "compiler.emit.timeline",
        "compiler.emit.views",
        "compiler.emit.templates",
        "compiler.emit.safe_markdown",
        "compiler.emit.pages.downloads",
        "compiler.emit.pages.pack_format",
        "compiler.emit.search_split",
    ):
        module = importlib.import_module(name)
        assert doctest.testmod(module).failed == 0, name


def test_bundled_corpus_builds_every_page_kind(bundled_site: Path) -> None:
    site = bundled_site / "site"
    for page in (
        "index.html",
        "walsall/index.html",
        "walsall/cin-visits-and-reviews/5.0.html",
        "st-helens/practice-standards/1.0.html",
        "england/care-planning-regulations-2010/2015.html",
        "compare/index.html",
        "compare/statutory-visit.html",
        "compare/visit-recording.html",
        "downloads.html",
        "pack-format.html",
    ):
        assert (site / page).is_file(), page
    config = (bundled_site / "docs" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "strict: true" in config
    assert "anchors: warn" in config
    assert "font: false" in config


def test_every_statement_keeps_its_id_as_its_anchor(bundled_site: Path) -> None:
    compiled = compile_corpus(ROOT / "standards", today=SITE_DATE)
    walsall = compiled.corpus.authority("walsall")
    version = walsall.document("cin-visits-and-reviews").latest
    ids = page_ids(bundled_site / "site" / "walsall" / "cin-visits-and-reviews" / "5.0.html")
    assert {s.id for s in version.statements()} <= ids
    assert "cin-seen-at-home-every-six-weeks" in ids
    assert "rule--cin-home-visits" in ids


def test_statement_shows_its_rule_beside_the_words(bundled_site: Path) -> None:
    page = bundled_site / "site" / "walsall" / "cin-visits-and-reviews" / "5.0.html"
    text = text_of(page, "cin-seen-at-home-every-six-weeks")
    assert "Children in Need must be seen at home at least every 6 weeks" in text
    assert "Rule cin-home-visits: must (minimum standard)" in text
    assert "When: every 6 weeks from the start of the plan" in text
    assert "no statutory rule sets a timescale for this" in text


def test_local_rule_says_in_words_how_it_compares_to_the_floor(bundled_site: Path) -> None:
    page = bundled_site / "site" / "unnamed-trust" / "planning-and-seeing-children" / "1.0.html"
    html = page.read_text(encoding="utf-8")
    rule = html[html.index('id="rule--cic-matched-long-term-visits"') :]
    rule = rule[: rule.index("</div>")]
    assert "this rule is looser than" in rule
    assert "reg 28(2)" in rule
    assert "For example, for a case starting" in rule


def test_authority_page_lists_timescales_documents_and_findings(bundled_site: Path) -> None:
    page = bundled_site / "site" / "st-helens" / "index.html"
    glance = text_of(page, "at-a-glance")
    assert "Thu 15 Jan 2026" in glance
    html = page.read_text(encoding="utf-8")
    assert "Tue 1 Oct 2019 (review date passed)" in html
    assert "no-conflicting-rules" in html
    assert "case-notes-within-five-working-days" in html
    # Another authority's finding does not leak onto this page.
    assert "cic-care-proceedings-visits" not in html


def test_at_a_glance_row_links_to_its_statement(bundled_site: Path) -> None:
    markdown = (bundled_site / "docs" / "pages" / "walsall" / "index.md").read_text()
    row = next(line for line in markdown.splitlines() if "every 6 weeks from the start" in line)
    assert row.startswith("| Child in need | Statutory visit |")
    assert "(cin-visits-and-reviews/5.0.md#cin-seen-at-home-every-six-weeks)" in row


def test_comparison_page_sets_authorities_beside_the_floor(bundled_site: Path) -> None:
    markdown = (bundled_site / "docs" / "pages" / "compare" / "statutory-visit.md").read_text()
    assert "## Child in need {#child-in-need}" in markdown
    assert "## Child in care (looked after) {#child-in-care}" in markdown
    assert "this is the statutory minimum" in markdown
    assert "no statutory timescale: the standard is the authority's own" in markdown
    assert "![" in markdown and "statutory-visit--child-in-care.svg" in markdown
    svg = bundled_site / "site" / "compare" / "statutory-visit--child-in-care.svg"
    assert svg.read_text().startswith("<svg")


def test_timeline_dates_are_the_latest_permitted_from_the_example_start() -> None:
    # From Fri 19 Dec 2025, the 10th working day skips 25, 26 Dec and 1 Jan: Wed 7 Jan 2026;
    # then 10 more working days: Wed 21 Jan.
    every_ten = parse_timescale("every 10 working days from the start of the plan")
    row = TimelineRow("A council", "Child protection", every_ten, (), False)
    dates = latest_dates(row, load_calendar("england-and-wales"))
    assert [d.isoformat() for d in dates[:2]] == ["2026-01-07", "2026-01-21"]
    assert dates[-1].isoformat() <= "2026-03-19"
    picture = draw("Title <&>", [row], [dates]).decode()
    assert "<title>Title &lt;&amp;&gt;</title>" in picture
    assert picture.count("<circle") == len(dates)


def test_statutory_rows_are_drawn_as_diamonds_not_only_another_colour() -> None:
    weekly = parse_timescale("weekly from the start of the placement")
    rows = [TimelineRow("England", "Child in care", weekly, (), True)]
    picture = draw("t", rows, [[SITE_DATE]]).decode()
    assert "<path" in picture and "<circle" not in picture
    assert "1. England (statutory)" in picture


def test_print_stylesheet_hides_the_navigation(bundled_site: Path) -> None:
    page = (bundled_site / "site" / "walsall" / "cin-visits-and-reviews" / "5.0.html").read_text()
    assert 'href="../../assets/stylesheets/print.css"' in page
    css = (bundled_site / "site" / "assets" / "stylesheets" / "print.css").read_text()
    assert "@media print" in css
    assert re.search(r"\.md-sidebar,[^}]*display: none", css)


def test_two_builds_give_identical_files(bundled_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(ROOT / "standards", again, today=SITE_DATE)
    differing = []
    for first in sorted(bundled_site.rglob("*")):
        if first.is_file():
            second = again / first.relative_to(bundled_site)
            if not second.is_file() or not filecmp.cmp(first, second, shallow=False):
                differing.append(str(first.relative_to(bundled_site)))
    assert differing == []
    assert len(list(again.rglob("*.html"))) == len(list(bundled_site.rglob("*.html")))


def test_search_index_is_national_with_a_part_per_local_authority(bundled_site: Path) -> None:
    search = bundled_site / "site" / "search"
    national = json.loads((search / "search_index.json").read_bytes())
    assert national["parts"] == {
        name: f"authorities/{name}.json"
        for name in ("gloucestershire", "st-helens", "unnamed-trust", "walsall")
    }
    locations = [doc["location"] for doc in national["docs"]]
    assert any(loc.startswith("england/") and "#" in loc for loc in locations)  # in full
    walsall = [doc for doc in national["docs"] if doc["location"].startswith("walsall/")]
    assert walsall and all("#" not in doc["location"] and not doc["text"] for doc in walsall)
    part = json.loads((search / "authorities" / "walsall.json").read_bytes())
    assert all(doc["location"].startswith("walsall/") for doc in part["docs"])
    assert any("interpreter" in doc["text"] for doc in part["docs"])
    assert not any("interpreter" in doc["text"] for doc in walsall)


def test_search_finds_a_rule_in_its_statement_not_in_the_table_that_repeats_it(
    bundled_site: Path,
) -> None:
    """The authority page's "at a glance" table repeats every rule in force (a quarter of an
    authority's search data at national scale); search leads to the statement instead."""
    part = json.loads(
        (bundled_site / "site" / "search" / "authorities" / "walsall.json").read_bytes()
    )
    locations = [doc["location"] for doc in part["docs"]]
    assert "walsall/index.html" in locations and "walsall/index.html#documents" in locations
    assert not any(location.endswith("#at-a-glance") for location in locations)
    page = (bundled_site / "site" / "walsall" / "index.html").read_text(encoding="utf-8")
    assert 'id="at-a-glance"' in page  # still on the page, only out of the search
    seen_at_home = [
        doc for doc in part["docs"] if "seen at home at least every 6 weeks" in doc["text"]
    ]
    assert seen_at_home and all(
        "/cin-visits-and-reviews/" in doc["location"] for doc in seen_at_home
    )


def test_an_english_site_carries_no_search_support_for_other_languages(
    bundled_site: Path,
) -> None:
    index = json.loads((bundled_site / "site" / "search" / "search_index.json").read_bytes())
    assert index["config"]["lang"] == ["en"]
    assert not (bundled_site / "site" / "assets" / "javascripts" / "lunr").exists()
    assert list((bundled_site / "site" / "assets" / "javascripts" / "workers").glob("search.*.js"))


def test_the_page_cache_key_covers_our_markdown_extension(
    bundled_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.config import load_config

    from compiler.emit.site_cache import site_key

    docs = bundled_site / "docs"
    config = load_config(str(docs / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    before = site_key(docs, config)
    assert site_key(docs, config) == before
    changed = tmp_path / "safe_markdown.py"
    changed.write_text("# a new escaping rule\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules["compiler.emit.safe_markdown"], "__file__", str(changed))
    assert site_key(docs, config) != before  # pages escaped the old way are not reused


def test_a_build_after_editing_one_document_renders_only_its_pages_and_matches_a_full_build(
    bundled_site: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "standards"
    shutil.copytree(ROOT / "standards", corpus)
    document = corpus / "walsall" / "cin-visits-and-reviews" / "5.0.yaml"
    text = document.read_text(encoding="utf-8")
    edited = text.replace(
        "a non family interpreter should", "an interpreter from outside the family should"
    )
    assert edited != text
    document.write_text(edited, encoding="utf-8")

    incremental = tmp_path / "incremental"
    shutil.copytree(bundled_site, incremental)  # the previous build, with its cache
    said: list[str] = []
    build(corpus, incremental, today=SITE_DATE, progress=said.append)
    counts = next(line for line in said if line.startswith("site pages rendered"))
    rendered, reused = (int(n) for n in re.findall(r"\d+", counts))
    assert rendered == 1, counts  # the document's page: nothing else shows the statement's words
    assert reused == len(list((bundled_site / "docs" / "pages").rglob("*.md"))) - 1 > 50

    full = tmp_path / "full"
    build(corpus, full, today=SITE_DATE)
    assert differing(incremental, full) == []
    page = incremental / "site" / "walsall" / "cin-visits-and-reviews" / "5.0.html"
    assert "an interpreter from outside the family should" in page.read_text(encoding="utf-8")


def _staged(tmp_path: Path, files: dict[PurePosixPath, bytes]) -> Path:
    staging = tmp_path / "staging"
    for relative, content in files.items():
        path = staging.joinpath(*relative.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return staging


def _walsall_context(files: dict[PurePosixPath, bytes] | None = None) -> BuildContext:
    compiled = compile_corpus(ROOT / "standards" / "walsall", today=SITE_DATE)
    return BuildContext(compiled, SITE_DATE, files or {}, True)


@pytest.mark.parametrize(
    ("link", "complaint"),
    [
        ("[gone](../missing.md)", "missing.md"),
        ("[gone](cin-visits-and-reviews/5.0.md#no-such-statement)", "no-such-statement"),
    ],
)
def test_a_broken_internal_link_fails_the_build(tmp_path: Path, link: str, complaint: str) -> None:
    files = emit_docs(_walsall_context())
    page = PurePosixPath("docs/pages/walsall/index.md")
    files[page] = files[page] + f"\n\nSee {link}.\n".encode()
    with pytest.raises(SiteBuildError, match=complaint):
        build_site(_staged(tmp_path, files))


def test_downloads_offer_whatever_the_packs_emitter_wrote(tmp_path: Path) -> None:
    fake = {
        PurePosixPath("packs/manifest.json"): b'{"files": []}\n',
        PurePosixPath("packs/walsall/2026-01-15.csv"): b"authority,rule,timescale\n",
    }
    files = emit_docs(_walsall_context(fake))
    archive = zipfile.ZipFile(
        io.BytesIO(files[PurePosixPath("docs/pages/downloads/packs/walsall.zip")])
    )
    assert archive.namelist() == ["walsall/2026-01-15.csv"]
    assert archive.read("walsall/2026-01-15.csv") == b"authority,rule,timescale\n"
    assert files[PurePosixPath("docs/pages/downloads/packs/manifest.json")] == b'{"files": []}\n'
    markdown = files[PurePosixPath("docs/pages/downloads.md")].decode()
    assert "[walsall.zip](downloads/packs/walsall.zip)" in markdown
    assert "rule packs of Walsall Council, zipped (1 file)" in markdown
    assert "manifest: every file with its SHA-256 digest" in markdown
    pack_format = files[PurePosixPath("docs/pages/pack-format.md")].decode()
    assert "| timescale | 3 |" in pack_format
    staging = _staged(tmp_path, files)
    build_site(staging)  # strict: every link on the page resolves
    assert (staging / "site" / "downloads" / "packs" / "manifest.json").is_file()


def test_pack_format_documents_the_canonical_timescale(bundled_site: Path) -> None:
    markdown = (bundled_site / "docs" / "pages" / "pack-format.md").read_text()
    assert "## Timescale (canonical form) {#timescale-schema}" in markdown
    assert "### recurrence {#timescale-schema--recurrence}" in markdown
    assert "| phases | list of phase | required |" in markdown


def test_build_reports_progress_for_each_authority(tmp_path: Path) -> None:
    said: list[str] = []
    build(ROOT / "standards" / "walsall", tmp_path / "out", today=SITE_DATE, progress=said.append)
    assert "site pages: Walsall Council" in said
    assert "site pages: England (statutory baseline)" in said
    assert said[-3:] == [
        "building the site with MkDocs",
        # 29: issue 14's two baseline documents and a comparison (foster carer approval reviews);
        # 31: the Children's Homes Regulations 2015 (its document and version pages)
        "site pages rendered: 31, reused from the last build: 0",  # a new folder: no cache
        f"done: {tmp_path / 'out'}",
    ]


def test_a_failed_site_build_leaves_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_atomically(out, {PurePosixPath("site/index.html"): b"old"})
    files = emit_docs(_walsall_context())
    files[PurePosixPath("docs/pages/index.md")] += b"\n[broken](nowhere.md)\n"
    with pytest.raises(SiteBuildError):
        write_atomically(out, files, build_site)
    assert (out / "site" / "index.html").read_bytes() == b"old"


def test_context_without_progress_still_emits() -> None:
    context = replace(_walsall_context(), progress=lambda _: None)
    assert PurePosixPath("docs/mkdocs.yml") in emit_docs(context)
