"""A build one authority at a time (compiler.units): the same findings and bytes as the whole.

The laws: the findings of every unit together are the findings of the whole corpus
compiled at once; a build whose units are made on two cores is the same as on one;
a build that takes unchanged authorities from the last one is the same as a build
from nothing, and takes exactly those whose inputs did not change.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import compiler.units as units_module
from benchmarks.bench_site import differing
from benchmarks.generate_corpus import generate_corpus
from compiler.build import build
from compiler.discover import discover
from compiler.emit.summary import AuthoritySummary
from compiler.errors import Severity
from compiler.pipeline import compile_corpus
from compiler.units import Options, make, plan
from compiler.util.build_cache import CACHE_FOLDER, finding_from_json, finding_to_json
from tests.conftest import ROOT, SITE_DATE


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six generated authorities (copies of the bundled ones, renamed) and the baseline."""
    return generate_corpus(tmp_path_factory.mktemp("synthetic") / "corpus", 6)


def _unit_findings(root: Path) -> list[str]:
    files, found = discover(root)
    options = Options(root, SITE_DATE, site=False, run_checks=True, stamp=None)
    made = make(options, plan(options, files), None, None, lambda _: None)
    return sorted(f.render() for f in [*found, *made.findings])


@pytest.mark.parametrize("corpus", ["bundled", "synthetic", "one authority"])
def test_the_units_find_what_the_whole_corpus_finds(corpus: str, synthetic: Path) -> None:
    root = {
        "bundled": ROOT / "standards",
        "synthetic": synthetic,
        "one authority": ROOT / "standards" / "walsall",  # its baseline from the bundle
    }[corpus]
    whole = sorted(f.render() for f in compile_corpus(root, today=SITE_DATE).findings)
    assert whole  # the law is not shown on an empty list
    assert _unit_findings(root) == whole


def test_units_made_on_two_cores_give_the_same_build_as_on_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(units_module, "MIN_UNITS", 1)
    said: dict[int, list[str]] = {}
    for cores in (1, 2):
        monkeypatch.setattr(units_module, "workers", lambda cores=cores: cores)
        said[cores] = []
        build(
            ROOT / "standards",
            tmp_path / f"cores-{cores}",
            today=SITE_DATE,
            progress=said[cores].append,
        )
    assert differing(tmp_path / "cores-1", tmp_path / "cores-2") == []
    assert said[1][:-1] == said[2][:-1]  # the last line names the output folder
    assert "site pages: Walsall Council" in said[2]


def _made(said: list[str]) -> tuple[int, int]:
    line = next(x for x in said if x.startswith("authorities made"))
    made, kept = (int(n) for n in line.replace(",", "").split() if n.isdigit())
    return made, kept


@pytest.mark.parametrize(
    ("edit", "remade"),
    [
        ("walsall/cin-visits-and-reviews/5.0.yaml", 1),  # one authority's document
        ("england/working-together/2023.yaml", 5),  # the baseline: all
    ],
)
def test_a_rebuild_remakes_what_the_edit_touches_and_equals_a_build_from_nothing(
    tmp_path: Path, edit: str, remade: int
) -> None:
    corpus = tmp_path / "standards"
    shutil.copytree(ROOT / "standards", corpus)
    out = tmp_path / "out"
    build(corpus, out, today=SITE_DATE)
    edited = corpus / edit
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    said: list[str] = []
    build(corpus, out, today=SITE_DATE, progress=said.append)
    assert _made(said) == (remade, 5 - remade)
    build(corpus, tmp_path / "fresh", today=SITE_DATE)
    assert differing(out, tmp_path / "fresh") == []


def test_a_damaged_or_emptied_cache_is_not_read_and_the_build_is_the_same(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(ROOT / "standards", out, today=SITE_DATE)
    entries = sorted((out / CACHE_FOLDER).glob("*.json"))
    entries[0].write_text("{not json", encoding="utf-8")  # damaged
    data = json.loads(entries[1].read_text(encoding="utf-8"))
    data["outputs"] = {"../../etc/passwd": 1}  # a path out of the build folder
    entries[1].write_text(json.dumps(data), encoding="utf-8")
    listed = json.loads(entries[2].read_text(encoding="utf-8"))["outputs"]
    (out / next(iter(listed))).unlink()  # an output gone from the folder
    listed = json.loads(entries[3].read_text(encoding="utf-8"))["outputs"]
    planted = out / next(iter(listed))
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"x" * planted.stat().st_size)
    planted.unlink()
    planted.symlink_to(secret)  # the same size, but a link to a file outside the build
    said: list[str] = []
    build(ROOT / "standards", out, today=SITE_DATE, progress=said.append)
    assert _made(said) == (4, 1)
    build(ROOT / "standards", tmp_path / "fresh", today=SITE_DATE)
    assert differing(out, tmp_path / "fresh") == []


def test_another_date_remakes_every_authority(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(ROOT / "standards", out, today=SITE_DATE)
    said: list[str] = []
    build(
        ROOT / "standards",
        out,
        today=SITE_DATE.replace(year=SITE_DATE.year + 1),
        progress=said.append,
    )
    assert _made(said) == (5, 0)


def test_summaries_and_findings_survive_their_json(tmp_path: Path) -> None:
    files, _ = discover(ROOT / "standards")
    options = Options(ROOT / "standards", SITE_DATE, site=True, run_checks=True, stamp=None)
    from compiler.emit.templates import environment

    made = make(options, plan(options, files), None, environment(), lambda _: None)
    assert made.summaries and any(s.compare for s in made.summaries)
    for summary in made.summaries:
        assert AuthoritySummary.from_json(json.loads(json.dumps(summary.to_json()))) == summary
    assert any(f.related or f.data for f in made.findings)
    assert {f.severity for f in made.findings} >= {Severity.ERROR, Severity.WARNING}
    for finding in made.findings:
        assert finding_from_json(json.loads(json.dumps(finding_to_json(finding)))) == finding


@pytest.mark.parametrize("named", ["../england", "x" * 300, "england/../england"])
def test_a_jurisdiction_that_is_not_an_id_is_reported_not_looked_up(
    named: str, tmp_path: Path
) -> None:
    """An unchecked authority.yaml is read to plan the units; its jurisdiction is no path."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "standards" / "walsall", corpus / "walsall")
    identity = corpus / "walsall" / "authority.yaml"
    text = identity.read_text(encoding="utf-8")
    assert "jurisdiction: england" in text
    identity.write_text(text.replace("jurisdiction: england", f"jurisdiction: '{named}'"))
    files, _ = discover(corpus)
    options = Options(corpus, SITE_DATE, site=False, run_checks=True, stamp=None)
    units = plan(options, files)
    assert [u.folder for u in units] == [corpus / "walsall"]  # no baseline found by that name
    made = make(options, units, None, None, lambda _: None)
    assert any(
        f.severity is Severity.ERROR and f.location.path.name == "authority.yaml"
        for f in made.findings
    )
