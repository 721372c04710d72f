"""``standards import``: a published document becomes a draft a person confirms, then publishes."""

from __future__ import annotations

import shutil
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from benchmarks.render_documents import render_docx, render_html, render_pdf
from compiler.authoring.importer.blocks import UnreadableDocument
from compiler.authoring.importer.importing import _write_new, import_document
from compiler.authoring.importer.propose import propose
from compiler.authoring.importer.text import read_text
from compiler.checks import check
from compiler.cli import standards
from compiler.errors import Severity
from compiler.load import load
from compiler.pipeline import compile_corpus

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "tests" / "fixtures" / "sources"
WALSALL = SOURCES / "004_6d33ae2342e50ab1.txt"
TRUST = ROOT / "standards" / "unnamed-trust" / "planning-and-seeing-children" / "1.0.yaml"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus with the statutory baseline and Walsall's authority, but none of its documents."""
    root = tmp_path / "standards"
    shutil.copytree(ROOT / "standards" / "england", root / "england")
    (root / "walsall").mkdir()
    shutil.copy(ROOT / "standards" / "walsall" / "authority.yaml", root / "walsall")
    return root


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(standards, ["import", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def imported(corpus: Path, file: Path, version: str = "1.0", **options: object) -> dict:
    done = import_document(
        corpus, file, "walsall", "cin-visits", version=version,
        effective=options.get("effective", date(2024, 3, 4)),  # type: ignore[arg-type]
    )  # fmt: skip
    return load(done.path).data


def statements(data: dict) -> list[dict]:
    return [t for s in data["sections"] for t in s["statements"]]


def test_text_import_keeps_the_words_in_order_and_proposes_marked_rules(corpus: Path) -> None:
    code, out, err = cli(
        str(WALSALL), "--authority", "walsall", "--document", "cin-visits",
        "--effective", "2024-03-04", "--corpus", str(corpus),
    )  # fmt: skip
    assert code == 0, err
    draft = corpus / "walsall" / "cin-visits" / "1.0.yaml"
    assert f"wrote {draft}: version 1.0 (draft)" in out
    assert "readings to confirm" in out
    data = load(draft).data
    assert data["status"] == "draft"
    texts = [s["text"] for s in statements(data)]
    lines = [line for line in WALSALL.read_text().splitlines()[1:] if line.strip()]
    assert texts[1].startswith("When English is not the child's first language")
    assert texts.index(lines[3]) < texts.index(lines[4])  # the document's order
    rules = [r for s in statements(data) for r in s.get("rules", [])]
    every_six_weeks = next(r for r in rules if r["words"] == "at least every 6 weeks")
    assert every_six_weeks["subject"] == {"group": "child_in_need"}
    assert every_six_weeks["activity"] == "statutory_visit"
    assert "plan_start" in every_six_weeks["confirm"]  # the words do not say "from the plan"


def test_the_draft_passes_the_schema_and_check_runs_on_it(corpus: Path) -> None:
    imported(corpus, WALSALL)
    compiled = compile_corpus(corpus)
    assert not compiled.blocking
    notes = [f for f in compiled.findings if f.code == "reading-not-confirmed"]
    assert notes and all(f.severity is Severity.INFO for f in notes)


def test_a_confirm_left_in_a_published_version_is_an_error(corpus: Path) -> None:
    imported(corpus, WALSALL)
    draft = corpus / "walsall" / "cin-visits" / "1.0.yaml"
    draft.write_text(draft.read_text().replace("status: draft", "status: published"))
    findings = check(compile_corpus(corpus, run_checks=False).corpus, date(2024, 4, 1))
    errors = [f for f in findings if f.code == "reading-not-confirmed"]
    assert errors and all(f.severity is Severity.ERROR for f in errors)
    assert "1.0.yaml" in str(errors[0].location)


@pytest.mark.parametrize("setting", ["off", "warning", "info"])
def test_no_authority_setting_lets_a_published_guess_through(corpus: Path, setting: str) -> None:
    imported(corpus, WALSALL)
    authority = corpus / "walsall" / "authority.yaml"
    settings = yaml.safe_load(authority.read_text())
    settings.setdefault("checks", {})["reading-not-confirmed"] = setting
    authority.write_text(yaml.safe_dump(settings, sort_keys=False))
    draft = corpus / "walsall" / "cin-visits" / "1.0.yaml"
    notes = check(compile_corpus(corpus, run_checks=False).corpus, date(2024, 4, 1))
    on_draft = [f for f in notes if f.code == "reading-not-confirmed"]
    assert on_draft == [] if setting == "off" else on_draft  # a draft's notes are the authority's
    draft.write_text(draft.read_text().replace("status: draft", "status: published"))
    compiled = compile_corpus(corpus)
    errors = [f for f in compiled.findings if f.code == "reading-not-confirmed"]
    assert errors and all(f.severity is Severity.ERROR for f in errors)
    result = CliRunner().invoke(standards, ["check", str(corpus / "walsall")])
    assert result.exit_code == 1 and "still needs confirming" in result.output


def test_the_same_file_gives_the_same_ids(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    first = imported(corpus, WALSALL)
    second = imported(other, WALSALL)
    assert [s["id"] for s in statements(first)] == [s["id"] for s in statements(second)]
    ids = [s["id"] for s in statements(first)]
    assert len(ids) == len(set(ids))


def test_an_import_never_overwrites_a_file(corpus: Path) -> None:
    imported(corpus, WALSALL)
    draft = corpus / "walsall" / "cin-visits" / "1.0.yaml"
    before = draft.read_bytes()
    with pytest.raises(UnreadableDocument, match="must be above the latest"):
        import_document(corpus, WALSALL, "walsall", "cin-visits", version="1.0")
    assert draft.read_bytes() == before
    with pytest.raises(UnreadableDocument, match="already exists: it was not overwritten"):
        _write_new(draft, "id: other\n")
    assert draft.read_bytes() == before


def test_reimport_keeps_ids_and_diff_shows_the_revision(corpus: Path, tmp_path: Path) -> None:
    first = imported(corpus, WALSALL)
    revised = tmp_path / "revised.txt"
    text = WALSALL.read_text()
    text = text.replace("at least every 6 weeks", "at least every 4 weeks")
    text = text.replace("In some circumstances it will be appropriate to review the child's plan "
                        "more frequently.\n", "")  # fmt: skip
    revised.write_text(text)
    done = import_document(corpus, revised, "walsall", "cin-visits", effective=date(2025, 1, 1))
    assert done.version == "1.1" and done.kept_ids > 15
    second = load(done.path).data
    old_ids = {s["id"] for s in statements(first)}
    new = {s["id"]: s for s in statements(second)}
    assert old_ids <= set(new)  # kept, or kept withdrawn
    dropped = [s for s in new.values() if "withdrawn" in s]
    assert [s["text"][:20] for s in dropped] == ["In some circumstance"]
    assert "confirm it was dropped on purpose" in dropped[0]["withdrawn"]["confirm"]
    assert any(c.what.startswith("withdrawal of") for c in done.confirmations)
    findings = compile_corpus(corpus).findings
    flagged = [
        f for f in findings if f.code == "reading-not-confirmed" and "withdrawal" in f.message
    ]
    assert flagged and all(f.severity is Severity.INFO for f in flagged)
    visits = next(s for s in new.values() if "at least every 4 weeks" in s["text"])
    old_visits = next(s for s in statements(first) if "at least every 6 weeks" in s["text"])
    assert visits["id"] == old_visits["id"]
    assert visits["rules"][0]["id"] == old_visits["rules"][0]["id"]
    result = CliRunner().invoke(
        standards, ["diff", str(corpus / "walsall/cin-visits/1.0.yaml"), str(done.path)]
    )
    assert result.exit_code == 1, result.output
    assert "stricter" in result.output
    assert "withdrawn" in result.output


def test_word_tables_keep_their_column_headings_as_context(corpus: Path, tmp_path: Path) -> None:
    word = render_docx(load(TRUST).data, tmp_path / "trust.docx")
    data = imported(corpus, word)
    texts = [s["text"] for s in statements(data)]
    assert "Children in Need: Every 20 working days." in texts
    rules = {
        (r["subject"]["group"], r["activity"], r["timescale"])
        for s in statements(data)
        for r in s.get("rules", [])
    }
    assert ("child_protection", "statutory_visit", "every 15 working days") in rules
    headings = [s["title"] for s in data["sections"]]
    assert "Minimum timescales" in headings


def test_html_page_furniture_and_scripts_are_left_out(corpus: Path, tmp_path: Path) -> None:
    page = tmp_path / "walsall.html"
    page.write_bytes(
        render_html(load(ROOT / "standards/walsall/cin-visits-and-reviews/5.0.yaml").data)
    )
    code, out, err = cli(
        str(page), "--authority", "walsall", "--document", "cin-visits", "--corpus", str(corpus),
        "--effective", "2024-03-04",
    )  # fmt: skip
    assert code == 0, err
    assert "left out" in out
    text = (corpus / "walsall/cin-visits/1.0.yaml").read_text()
    for furniture in ("cookies", "alert(", "document.write", "Copyright", "Home &gt;", "Visit us"):
        assert furniture not in text
    assert "Children in Need must be seen at home at least every 6 weeks." in text


def test_a_pdf_text_layer_is_read(corpus: Path, tmp_path: Path) -> None:
    lines = ["Visiting standards", "", "Children in Need must be seen at least every 6 weeks."]
    data = imported(corpus, render_pdf(lines, tmp_path / "visits.pdf"))
    assert any("at least every 6 weeks" in s["text"] for s in statements(data))
    assert data["title"] == "Visiting standards"


def test_unreadable_phrases_keep_their_words_and_say_so(corpus: Path, tmp_path: Path) -> None:
    file = tmp_path / "odd.md"
    file.write_text("# Odd\n\nThe plan lasts for the first year, give or take.\n")
    data = imported(corpus, file)
    statement = statements(data)[0]
    assert statement["text"] == "The plan lasts for the first year, give or take."
    assert statement["not_rules"][0]["words"] == "first year"
    assert "could not read" in statement["not_rules"][0]["confirm"]


def test_markdown_headings_lists_and_tables(corpus: Path, tmp_path: Path) -> None:
    file = tmp_path / "standards.md"
    file.write_text(
        "# Visiting\n\n## Children in care\n\n- I visit **weekly** for the first month\n"
        "- I record visits within 24 hours of the visit\n\n"
        "| Group | Frequency |\n| --- | --- |\n| Care leavers | every 8 weeks |\n"
    )
    data = imported(corpus, file)
    assert [s["title"] for s in data["sections"]] == ["Children in care"]
    texts = [s["text"] for s in statements(data)]
    assert texts == [
        "I visit weekly for the first month",
        "I record visits within 24 hours of the visit",
        "Care leavers: every 8 weeks",
    ]
    recording = statements(data)[1]["rules"][0]
    assert (recording["activity"], recording["timescale"]) == (
        "visit_recording",
        "within 24 hours of the visit",
    )
    assert "event" not in recording  # the words name it: nothing guessed
    assert statements(data)[2]["rules"][0]["subject"] == {"group": "care_leaver"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00\x01\x02" * 10, "not a text file"),
        ("macro.docm", b"PK", "save it from Word as .docx"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "save it from Word as .docx"),
        ("notes.rtf", b"{\\rtf1}", "cannot import a '.rtf' file"),
        ("broken.docx", b"not a zip", "not a Word .docx file"),
        ("broken.pdf", b"%PDF-1.4 nothing", "not a PDF pypdf can read"),
        ("empty.md", b"\n\n", "no text was found"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(
    corpus: Path, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    file = tmp_path / name
    file.write_bytes(content)
    code, _, err = cli(
        str(file), "--authority", "walsall", "--document", "x", "--corpus", str(corpus)
    )
    assert code == 2
    assert message in err
    assert not (corpus / "walsall" / "x").exists()


def test_a_huge_file_is_refused_before_it_is_read(corpus: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(60_000_000)  # sparse: nothing is written
    code, _, err = cli(
        str(huge), "--authority", "walsall", "--document", "x", "--corpus", str(corpus)
    )
    assert code == 2 and "far larger than a standards document" in err


def test_a_file_of_endless_timescales_is_refused(corpus: Path, tmp_path: Path) -> None:
    endless = tmp_path / "endless.txt"
    endless.write_text("Children are seen weekly and recorded within 24 hours. " * 5000)
    code, _, err = cli(
        str(endless), "--authority", "walsall", "--document", "x", "--corpus", str(corpus)
    )
    assert code == 2 and "far more than a standards document has" in err


def test_a_zip_bomb_word_file_is_not_opened(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 2_000_000)  # 2 MB of zeros packs to 2 kB
    monkeypatch.setattr("compiler.authoring.importer.word.MOST_UNPACKED_BYTES", 1_000_000)
    assert bomb.stat().st_size < 10_000
    code, _, err = cli(
        str(bomb), "--authority", "walsall", "--document", "x", "--corpus", str(corpus)
    )
    assert code == 2 and "would unpack to more than" in err


def test_word_macros_are_never_run_and_are_reported(corpus: Path, tmp_path: Path) -> None:
    word = render_docx(load(TRUST).data, tmp_path / "trust.docx")
    with zipfile.ZipFile(word, "a") as archive:
        archive.writestr("word/vbaProject.bin", b'Sub AutoOpen() Shell "calc" End Sub')
    code, out, err = cli(
        str(word), "--authority", "walsall", "--document", "x", "--corpus", str(corpus),
        "--effective", "2024-10-01",
    )  # fmt: skip
    assert code == 0, err
    assert "macros; they were ignored (never run)" in out


def test_deeply_nested_html_lists_are_read_without_failing(corpus: Path, tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    depth = 3000
    page.write_text(
        "<html><body><h1>Deep</h1>" + "<ul><li>visit within 5 working days" * depth
        + "</li></ul>" * depth + "<p>Record within 24 hours of the visit.</p></body></html>"
    )  # fmt: skip
    code, _, err = cli(
        str(page), "--authority", "walsall", "--document", "x", "--corpus", str(corpus)
    )
    assert code in (0, 2), err
    if code == 2:
        assert "error:" in err


def test_word_html_and_pdf_say_what_to_install_without_the_extra(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<h1>x</h1><p>weekly</p>")
    monkeypatch.setitem(sys.modules, "lxml.html", None)
    code, _, err = cli(
        str(page), "--authority", "walsall", "--document", "x", "--corpus", str(corpus)
    )
    assert code == 2
    assert "pip install 'practice-standards[import]'" in err


def test_an_unknown_authority_is_a_usage_error(corpus: Path) -> None:
    code, _, err = cli(
        str(WALSALL), "--authority", "nowhere", "--document", "x", "--corpus", str(corpus)
    )
    assert code == 2 and "no authority 'nowhere'" in err


def test_every_source_imports_into_a_draft_that_reads_back(corpus: Path) -> None:
    for number, source in enumerate(sorted(SOURCES.glob("*.txt"))):
        done = import_document(
            corpus, source, "walsall", f"source-{number}", effective=date(2024, 3, 4)
        )
        assert done.statements > 5
    compiled = compile_corpus(corpus)
    assert not compiled.blocking, [f.render() for f in compiled.blocking]
    assert yaml.safe_load((corpus / "walsall/source-0/1.0.yaml").read_text())["status"] == "draft"


def test_the_review_page_lists_each_confirmation_beside_its_rule(
    corpus: Path, tmp_path: Path
) -> None:
    from compiler.build import build

    shutil.copytree(ROOT / "standards" / "walsall" / "cin-visits-and-reviews",
                    corpus / "walsall" / "cin-visits-and-reviews")  # fmt: skip
    done = import_document(
        corpus, WALSALL, "walsall", "cin-visits-and-reviews", effective=date(2025, 1, 1)
    )
    assert done.confirmations
    build(corpus, tmp_path / "build", today=date(2025, 2, 1))
    page = (tmp_path / "build/docs/pages/walsall/cin-visits-and-reviews/5.1.md").read_text()
    assert f"Review: {len(done.confirmations)} readings to confirm" in page
    first = done.confirmations[0]
    assert f"[{first.statement}](#{first.statement})" in page
    assert page.count("**To confirm**") == len(done.confirmations)
    html = (tmp_path / "build/site/walsall/cin-visits-and-reviews/5.1.html").read_text()
    assert "readings to confirm" in html


@pytest.mark.parametrize("kind", ["text", "docx", "html", "pdf"])
def test_import_confirm_publish_and_diff_in_every_format(
    corpus: Path, tmp_path: Path, kind: str
) -> None:
    hand = load(ROOT / "standards/walsall/cin-visits-and-reviews/5.0.yaml").data
    if kind == "text":
        file = WALSALL
    elif kind == "docx":
        file = render_docx(hand, tmp_path / "walsall.docx")
    elif kind == "html":
        file = tmp_path / "walsall.html"
        file.write_bytes(render_html(hand))
    else:
        lines = [hand["title"], ""]
        for statement in statements(hand):
            lines += [statement["text"][i : i + 90] for i in range(0, len(statement["text"]), 90)]
            lines.append("")
        file = render_pdf(lines, tmp_path / "walsall.pdf")
    first = import_document(corpus, file, "walsall", "cin-visits", effective=date(2024, 3, 4))
    assert first.rules >= 4 and first.confirmations
    # a person confirms every reading, then publishes
    data = yaml.safe_load(first.path.read_text())
    for statement in statements(data):
        for entry in [*statement.get("rules", []), *statement.get("not_rules", [])]:
            entry.pop("confirm", None)
    data["status"] = "published"
    first.path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    findings = check(compile_corpus(corpus, run_checks=False).corpus, date(2024, 4, 1))
    assert not [f for f in findings if f.code == "reading-not-confirmed"]
    assert not compile_corpus(corpus, run_checks=False).blocking
    # the revised document comes in as the next version, and diff shows the change
    revised = tmp_path / "revised.md"
    revised.write_text(
        WALSALL.read_text().replace("at least every 6 weeks", "at least every 8 weeks")
    )
    second = import_document(corpus, revised, "walsall", "cin-visits", effective=date(2025, 1, 1))
    assert second.version == "1.1"
    result = CliRunner().invoke(standards, ["diff", str(first.path), str(second.path)])
    assert result.exit_code == 1, result.output
    assert "looser" in result.output


def test_a_web_page_without_a_charset_is_read_as_utf8(corpus: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes("<h1>Visits</h1><p>I record the child’s visit within 24 hours.</p>".encode())
    data = imported(corpus, page)
    assert statements(data)[0]["text"] == "I record the child’s visit within 24 hours."


def test_the_cli_loads_none_of_the_import_extra(tmp_path: Path) -> None:
    """`pip install .` without extras must still give a working `standards build`."""
    import subprocess

    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, compiler.cli, compiler.build; "
         "print(sorted(m for m in ('docx', 'lxml', 'pypdf') if m in sys.modules))"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    assert loaded.stdout.strip() == "[]"


def test_the_measure_gives_full_marks_to_the_hand_encoding_itself() -> None:
    from benchmarks.bench_import import hand_encoded, measure

    version = hand_encoded()["004_6d33ae2342e50ab1.txt"]
    raw = load(version.path).data
    for statement in statements(raw):  # the hand encoding states its events in the words
        for rule in statement.get("rules", []):
            rule["words"] = rule["timescale"]
            rule.pop("event", None)
    perfect = measure(version, version, raw, 0.0)
    assert (perfect.exact, perfect.missed, perfect.wrong) == (perfect.rules, 0, 0)
    assert perfect.same_words == perfect.statements == 22
    assert perfect.unmarked == 0


def test_the_walsall_chapter_yields_its_hand_encoded_rules(tmp_path: Path) -> None:
    """A floor under the measured figure (6 of 6 when this was written), so it cannot slip far."""
    from benchmarks.bench_import import hand_encoded, import_one, measure

    version = hand_encoded()["004_6d33ae2342e50ab1.txt"]
    draft, raw, seconds = import_one(version, WALSALL, tmp_path)
    measured = measure(version, draft, raw, seconds)
    assert measured.exact >= 5 and measured.wrong <= 1
    assert measured.unmarked == 0


def test_a_list_item_is_read_with_the_sentence_that_introduced_it(
    corpus: Path, tmp_path: Path
) -> None:
    file = tmp_path / "visits.md"
    file.write_text(
        "# Home visiting\n\nA child subject to a child protection plan must be seen:\n\n"
        "- At least every 10 working days\n- Or more often if the plan says so\n"
    )
    rule = statements(imported(corpus, file))[1]["rules"][0]
    assert (rule["subject"], rule["activity"], rule["timescale"]) == (
        {"group": "child_protection"},
        "statutory_visit",
        "At least every 10 working days",
    )
    assert "who:" in rule["confirm"] and "plan_start" in rule["confirm"]


def test_the_words_nearest_a_timescale_name_what_it_times() -> None:
    sentence = (
        "I will circulate the notes from the CIN meeting within 10 days "
        "but will circulate the Plan within 5 days"
    )
    first, second = propose(sentence, ("Children in need",)).rules
    assert (first.words, first.activity) == ("within 10 days", "cin_meeting_notes_circulation")
    assert (second.words, second.activity) == ("within 5 days", "plan_circulation")


def test_phases_split_by_other_words_are_one_marked_rule() -> None:
    sentence = (
        "We see children weekly for the first month they come into care and reduce our visits "
        "to fortnightly where it is approved by the manager. We record the schedule."
    )
    (rule,) = propose(sentence, ("Children in care",)).rules
    assert rule.words == (
        "weekly for the first month they come into care and reduce our visits to fortnightly "
        "where it is approved by the manager"
    )
    assert rule.words in sentence
    assert rule.timescale == (
        "weekly for the first month, then fortnightly where approved by the manager"
    )
    assert rule.event == "became_looked_after"
    assert "read as one timescale" in rule.confirm


def test_a_cap_after_split_phases_joins_them_and_unrelated_phrases_stay_apart() -> None:
    capped = propose(
        "I visit children subject to a plan weekly for the first month where it is approved "
        "by my manager I will reduce my visits to fortnightly, they will never be further apart "
        "than 4 weekly.",
        (),
    ).rules
    assert [r.timescale for r in capped] == [
        "weekly for the first month, then fortnightly where it is approved by my manager, "
        "never further apart than 4 weekly"
    ]
    apart = propose(
        "Children in care are seen weekly for the first month. Records are written up fortnightly.",
        (),
    ).rules
    assert len(apart) == 2


def test_a_clause_naming_no_activity_is_read_with_its_sentence_as_a_guess() -> None:
    sentence = (
        "During section 47 enquiries the child is seen within 24 hours, or as the manager "
        "directs, and spoken to alone within the first week."
    )
    seen, alone = propose(sentence, ()).rules
    assert seen.activity == "s47_child_seen" and "what:" not in seen.confirm
    assert alone.activity == "s47_child_seen_alone"
    assert "what: the activity 's47_child_seen_alone' is a guess" in alone.confirm


def test_a_record_timed_from_the_visit_is_the_visits_record() -> None:
    (rule,) = propose("The case record is completed within 48 hours of the visit.", ()).rules
    assert rule.activity == "visit_recording"
    (other,) = propose("The case record is completed within 48 hours of the meeting.", ()).rules
    assert other.activity == "case_recording"


def test_of_two_activities_named_as_fully_the_one_nearest_the_timescale_wins() -> None:
    (rule,) = propose(
        "Where a strategy discussion is needed the referral is progressed within 4 hours.", ()
    ).rules
    assert rule.activity == "referral_progression"
    (other,) = propose(
        "Where the referral is progressed a strategy discussion is held within 4 hours.", ()
    ).rules
    assert other.activity == "strategy_discussion"


def test_an_early_help_review_is_the_early_help_plan_review() -> None:
    sentence = "I review one month after completing the EHA and then every 3 months thereafter"
    (rule,) = propose(sentence, ()).rules
    assert (rule.group, rule.activity) == ("early_help", "early_help_plan_review")


def test_an_activity_named_plainly_before_the_timescale_beats_a_title_after_it() -> None:
    (rule,) = propose(
        "I have said how often I will visit which will be no less than monthly and have "
        "discussed my schedule of visits with my manager.",
        ("Children in need",),
    ).rules
    assert rule.activity == "statutory_visit"


def test_a_referral_in_a_section_about_another_group_is_that_groups_marked() -> None:
    sentence = "My team manager will respond to the referral within 24 hours."
    (in_section,) = propose(sentence, ("Early help",)).rules
    assert in_section.group == "early_help" and "who:" in in_section.confirm
    (alone,) = propose(sentence, ()).rules
    assert alone.group == "referred_child"


def test_a_short_line_stating_a_timescale_is_a_statement_not_a_heading() -> None:
    blocks = read_text(
        "Visits\n\nI hold review meetings monthly\n\nI have introduced myself\n\n"
        "Care Order – every 6 weeks\n\nCore groups\n"
    )
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Visits"),
        ("paragraph", "I hold review meetings monthly"),
        ("paragraph", "I have introduced myself"),
        ("paragraph", "Care Order – every 6 weeks"),
        ("heading", "Core groups"),
    ]
