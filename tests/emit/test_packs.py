"""Rule packs: reproducible to the byte, valid against their published schemas, atomic.

Expected values were read off the standards files by hand: Gloucestershire's
home visiting guidance takes effect on 1 May 2017; the England baseline changes
on 1 July 2005, 30 December 2005, 1 April 2011, 1 April 2015 and 1 December
2023 (Working Together 2023), so Gloucestershire's rule set changes on 1 May
2017 and again on 1 December 2023, when it inherits Working Together's rules.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path, PurePosixPath

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from compiler import build as build_module
from compiler.build import build
from compiler.emit.context import BuildContext
from compiler.emit.packfile import CSV_COLUMNS, render_csv
from compiler.emit.packs import emit_packs
from compiler.errors import FindingsError
from compiler.pipeline import compile_corpus
from compiler.util.resources import bundled
from tests.conftest import PACKS_DATE

TODAY = PACKS_DATE  # the shared packs fixture (tests/conftest.py) is built for it


def read(packs: Path, name: str) -> dict:
    return json.loads((packs / name).read_text(encoding="utf-8"))


def rule(pack: dict, rule_id: str) -> dict:
    (found,) = [r for r in pack["rules"] if r["id"] == rule_id]
    return found


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_building_the_corpus_twice_gives_byte_identical_packs(packs: Path, tmp_path: Path) -> None:
    build(bundled("standards"), tmp_path / "again", site=False, run_checks=False, today=TODAY)
    first, second = files_under(packs), files_under(tmp_path / "again" / "packs")
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    assert len(first) > 30


def test_packs_carry_no_timestamp_unless_source_date_epoch_is_set(
    packs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = {n: c for n, c in files_under(packs).items() if not n.startswith("schema/")}
    assert all(b"generated_at" not in content for content in written.values())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    build(bundled("standards") / "walsall", tmp_path / "out", site=False, run_checks=False)
    stamped = tmp_path / "out" / "packs"
    assert read(stamped, "walsall/current.json")["generated_at"] == "2026-01-01T00:00:00Z"
    assert read(stamped, "index.json")["generated_at"] == "2026-01-01T00:00:00Z"
    assert read(stamped, "manifest.json")["generated_at"] == "2026-01-01T00:00:00Z"


def published_validator(packs: Path, name: str) -> Draft202012Validator:
    """A validator built from the schemas published beside the packs, and nothing else."""
    folder = packs / "schema"
    resources = [
        (p.name, Resource.from_contents(json.loads(p.read_text()), DRAFT202012))
        for p in folder.glob("*.schema.json")
    ]
    registry = Registry().with_resources(resources)
    return Draft202012Validator(
        {"$ref": name},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def test_every_pack_is_valid_against_the_published_schema(packs: Path) -> None:
    validator = published_validator(packs, "rulepack.schema.json")
    names = sorted(p for p in packs.glob("*/*.json") if p.parent.name != "schema")
    assert len(names) == 16
    for path in names:
        errors = [e.message for e in validator.iter_errors(json.loads(path.read_text()))]
        assert errors == [], path
    index = published_validator(packs, "rulepack-index.schema.json")
    assert list(index.iter_errors(read(packs, "index.json"))) == []
    manifest = published_validator(packs, "rulepack-manifest.schema.json")
    assert list(manifest.iter_errors(read(packs, "manifest.json"))) == []


def test_the_schema_refuses_a_pack_with_a_timescale_that_names_no_event(packs: Path) -> None:
    pack = read(packs, "walsall/current.json")
    del pack["rules"][0]["timescale"]["recurrence"]["from"]
    assert list(published_validator(packs, "rulepack.schema.json").iter_errors(pack))


def test_an_authority_gets_a_pack_for_each_date_its_rule_set_changes(packs: Path) -> None:
    entry = next(
        a for a in read(packs, "index.json")["authorities"] if a["id"] == "gloucestershire"
    )
    assert [(p["pack"], p["superseded_on"]) for p in entry["packs"]] == [
        ("2017-05-01", "2023-12-01"),
        ("2023-12-01", None),
    ]
    assert entry["current"]["effective_from"] == "2023-12-01"
    england = next(a for a in read(packs, "index.json")["authorities"] if a["id"] == "england")
    assert [p["pack"] for p in england["packs"]] == [
        "2005-07-01",
        "2005-12-30",
        "2011-04-01",
        "2015-04-01",
        "2023-12-01",
    ]


def test_the_current_pack_is_the_dated_pack_in_force_on_the_build_date(packs: Path) -> None:
    current = read(packs, "gloucestershire/current.json")
    dated = read(packs, "gloucestershire/2023-12-01.json")
    assert current["pack"] == "current"
    assert {**current, "pack": "2023-12-01"} == dated


def test_a_local_rule_is_packed_in_canonical_form_with_its_reading_and_provenance(
    packs: Path,
) -> None:
    packed = rule(
        read(packs, "gloucestershire/2017-05-01.json"),
        "gloucestershire/home-visiting/cp-statutory-visit",
    )
    assert packed["inherited"] is False
    assert packed["subject"] == {"group": "child_protection"}
    assert packed["activity"] == "statutory_visit"
    assert packed["strength"] == "must"
    assert packed["conditions"] == {}
    assert packed["timescale"] == {
        "recurrence": {
            "from": "plan_start",
            "phases": [{"every": {"amount": 10, "unit": "working_days"}}],
        }
    }
    assert packed["reading"] == "every 10 working days from the start of the plan"
    assert packed["provenance"] == {
        "authority": "gloucestershire",
        "document": "home-visiting",
        "document_title": "Home Visiting - children in need, child subject to a child "
        "protection plan and children in our care (including statutory compliance & "
        "responsibilities)",
        "version": "1.0",
        "effective_from": "2017-05-01",
        "section": "frequency-of-visits",
        "section_title": "6. What is the frequency of visits?",
        "statement": "cp-visit-frequency",
        "words": "At least every 10 working days",
    }


def test_every_statutory_rule_in_force_is_carried_beside_the_local_rules(packs: Path) -> None:
    pack = read(packs, "gloucestershire/current.json")
    ids = {r["id"]: r["inherited"] for r in pack["rules"]}
    # Gloucestershire sets no ICPC timescale: Working Together's applies, inherited.
    assert ids["england/working-together/initial-child-protection-conference"] is True
    # Its own children-in-care visits rule covers regulation 28(2)'s children and activity; the
    # statutory rules stay in the pack all the same (format 2.0.0), so that a consumer taking
    # the earliest date can never schedule later than the law.
    assert ids["england/care-planning-regulations-2010/reg-28-2-visits"] is True
    assert ids["england/adoption-agencies-regulations-2005/reg-36-visits"] is True
    statutory = {r["id"] for r in read(packs, "england/current.json")["rules"]}
    assert statutory <= {f"england/{i.split('/', 1)[1]}" for i in ids if ids[i]} | set()
    assert {i for i in ids if ids[i]} == statutory
    # The local rule that is silent on the adoption regulations is marked as such.
    local = rule(pack, "gloucestershire/home-visiting/cic-statutory-visit")
    adoption = "england/adoption-agencies-regulations-2005/reg-36-visits"
    assert {"kind": "silent", "rule": adoption} in local["floor"]
    assert rule(pack, "england/care-planning-regulations-2010/reg-28-2-visits")["floor"] == []
    # Before Working Together 2023 took effect, it is not in force at all.
    before = {r["id"] for r in read(packs, "gloucestershire/2017-05-01.json")["rules"]}
    assert "england/working-together/initial-child-protection-conference" not in before
    statutory = read(packs, "england/current.json")["rules"]
    assert not any(r["inherited"] for r in statutory)


def test_overrides_name_the_overridden_rule_by_its_full_id(packs: Path) -> None:
    packed = rule(
        read(packs, "gloucestershire/current.json"),
        "gloucestershire/home-visiting/cic-long-term-foster-visits",
    )
    assert [o["rule"] for o in packed["overrides"]] == [
        "gloucestershire/home-visiting/cic-statutory-visit"
    ]


def test_the_calendar_lists_non_working_weekdays_over_the_horizon(packs: Path) -> None:
    pack = read(packs, "gloucestershire/2023-12-01.json")
    assert pack["horizon"]["from"] == "2003-01-01"
    assert pack["horizon"]["to"] == "2043-12-31"
    calendar = pack["calendar"]
    assert calendar["id"] == "england-and-wales"
    days = calendar["non_working_days"]
    assert days == sorted(days)
    assert days[0].startswith("2003-") and days[-1].startswith("2043-")
    assert "2025-12-25" in days and "2025-12-26" in days
    assert "2020-05-08" in days  # May Day moved for VE Day
    assert "2020-05-04" not in days
    assert "2022-12-27" in days  # Christmas Day fell on a Sunday: its substitute day
    assert "2022-12-25" not in days  # a Sunday is not listed: weekends never work
    assert calendar["bank_holidays"]["2022-12-27"] == "Christmas Day (substitute day)"


def test_a_current_pack_before_the_first_document_holds_the_statutory_rules(
    tmp_path: Path,
) -> None:
    compiled = compile_corpus(bundled("standards") / "gloucestershire", run_checks=False)
    files = emit_packs(BuildContext(compiled, date(2016, 1, 1), {}, site=False))
    current = json.loads(files[PurePosixPath("packs/gloucestershire/current.json")])
    assert current["effective_from"] is None
    assert current["superseded_on"] == "2017-05-01"
    assert current["rules"] and all(r["inherited"] for r in current["rules"])


def test_the_csv_has_one_row_per_rule_in_the_fixed_columns(packs: Path) -> None:
    text = (packs / "walsall/current.csv").read_text(encoding="utf-8")
    assert "\r" not in text and text.endswith("\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == (
        "id", "inherited", "activity", "group", "qualifiers", "conditions", "strength",
        "reading", "timescale", "citation", "interpretation", "overrides", "authority",
        "document", "document_title", "version", "effective_from", "section",
        "section_title", "statement", "words", "floor",
    )  # fmt: skip
    pack = read(packs, "walsall/current.json")
    assert [row[0] for row in rows[1:]] == [r["id"] for r in pack["rules"]]
    visits = next(row for row in rows if row[0] == "walsall/cin-visits-and-reviews/cin-home-visits")
    assert visits[CSV_COLUMNS.index("reading")] == "every 6 weeks from the start of the plan"
    assert json.loads(visits[CSV_COLUMNS.index("timescale")]) == {
        "recurrence": {"from": "plan_start", "phases": [{"every": {"amount": 6, "unit": "weeks"}}]}
    }


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_escaped(packs: Path) -> None:
    packed = dict(read(packs, "walsall/current.json")["rules"][0])
    packed["provenance"] = {**packed["provenance"], "words": '=HYPERLINK("http://x","y")'}
    rows = list(csv.reader(io.StringIO(render_csv([packed]).decode())))
    assert rows[1][CSV_COLUMNS.index("words")] == '\'=HYPERLINK("http://x","y")'


def test_rule_ids_are_stable_across_versions_of_a_document(tmp_path: Path) -> None:
    corpus = tmp_path / "standards"
    shutil.copytree(bundled("standards") / "walsall", corpus / "walsall")
    first = corpus / "walsall" / "cin-visits-and-reviews" / "5.0.yaml"
    text = first.read_text(encoding="utf-8")
    second = text.replace('version: "5.0"', 'version: "6.0"').replace(
        "effective_from: 2024-03-04", "effective_from: 2025-01-06"
    )
    (first.parent / "6.0.yaml").write_text(second, encoding="utf-8")
    build(corpus, tmp_path / "out", site=False, run_checks=False, today=TODAY)
    packs = tmp_path / "out" / "packs"
    old = rule(
        read(packs, "walsall/2024-03-04.json"), "walsall/cin-visits-and-reviews/cin-home-visits"
    )
    new = rule(
        read(packs, "walsall/2025-01-06.json"), "walsall/cin-visits-and-reviews/cin-home-visits"
    )
    assert (old["provenance"]["version"], new["provenance"]["version"]) == ("5.0", "6.0")
    assert read(packs, "walsall/2024-03-04.json")["superseded_on"] == "2025-01-06"


def test_a_failed_emitter_leaves_the_previous_packs_untouched(
    packs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "build"
    shutil.copytree(packs.parent, out)
    before = files_under(out)

    def broken(*_: object) -> dict:
        raise RuntimeError("an emitter failed")

    monkeypatch.setattr(build_module, "national_pack_files", broken)  # after every authority
    with pytest.raises(RuntimeError, match="an emitter failed"):
        build(bundled("standards"), out, site=False, run_checks=False, today=date(2030, 1, 1))
    assert files_under(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]  # no staging left behind


def test_a_corpus_that_cannot_be_read_leaves_the_previous_packs_untouched(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "standards"
    shutil.copytree(bundled("standards") / "walsall", corpus / "walsall")
    out = tmp_path / "build"
    build(corpus, out, site=False, run_checks=False, today=TODAY)
    before = files_under(out)
    document = corpus / "walsall" / "cin-visits-and-reviews" / "5.0.yaml"
    document.write_text(document.read_text().replace("status: published", "status: [x"))
    with pytest.raises(FindingsError):
        build(corpus, out, site=False, run_checks=False, today=TODAY)
    assert files_under(out) == before


def test_a_build_never_replaces_a_folder_it_did_not_write(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from compiler.cli import standards

    corpus = tmp_path / "standards"
    shutil.copytree(bundled("standards") / "walsall", corpus / "walsall")
    before = files_under(corpus)
    result = CliRunner().invoke(
        standards, ["build", str(corpus), "--out", str(corpus / "walsall"), "--no-site"]
    )
    assert result.exit_code == 2
    assert f"{corpus / 'walsall'} holds files that `standards build` did not write" in result.stderr
    assert "Traceback" not in result.output
    assert files_under(corpus) == before
    out = tmp_path / "build"  # an earlier build's folder is replaced, as before
    build(corpus, out, site=False, run_checks=False, today=TODAY)
    (out / "packs" / "stale.json").write_text("{}")
    build(corpus, out, site=False, run_checks=False, today=TODAY)
    assert not (out / "packs" / "stale.json").exists()


def test_a_packs_only_build_does_not_run_the_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from compiler import pipeline
    from compiler.cli import standards

    def no_checks(*args: object) -> list:
        raise AssertionError("the checks ran")

    monkeypatch.setattr(pipeline, "check", no_checks)
    result = CliRunner().invoke(
        standards,
        ["build", str(bundled("standards") / "walsall"), "--no-site", "--out", str(tmp_path / "o")],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "packs" / "walsall" / "current.json").is_file()


def test_a_withdrawn_rule_leaves_the_pack_of_the_version_that_withdraws_it(
    tmp_path: Path,
) -> None:
    corpus = Path(__file__).parent.parent / "fixtures" / "diff" / "corpus"
    build(corpus, tmp_path / "build", site=False, today=date(2025, 6, 1))
    folder = tmp_path / "build" / "packs" / "diff-council"

    def local(name: str) -> list[str]:
        pack = json.loads((folder / name).read_text(encoding="utf-8"))
        return [r["id"] for r in pack["rules"] if r["id"].startswith("diff-council/")]

    # cp-visits 1.0 has the recording rule; 2.0 withdraws it (the recording guide holds it now)
    assert local("2024-01-01.json") == [
        "diff-council/cp-visits/cp-chronology-update",
        "diff-council/cp-visits/cp-visit",
        "diff-council/cp-visits/cp-visit-recording",
    ]
    assert local("2025-04-01.json") == [
        "diff-council/cp-visits/cp-visit",
        "diff-council/recording-guide/cp-visit-recording",
    ]
