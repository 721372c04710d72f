"""Messages a social worker can act on, each shown with its exact text.

Each test makes one realistic mistake in a copy of a bundled authority (or a case table) and
checks the whole message, so a change of wording is a deliberate change of this file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compiler.pipeline import compile_corpus
from compiler.timescale.model import TimescaleError
from compiler.timescale.parse import parse_timescale
from tests.conftest import ROOT

WALSALL_DOCUMENT = Path("walsall/cin-visits-and-reviews/5.0.yaml")


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compiler.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


def mistaken(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of Walsall's standards with ``old`` replaced once by ``new``; returns the file."""
    source = ROOT / "standards" / WALSALL_DOCUMENT
    target = tmp_path / WALSALL_DOCUMENT
    target.parent.mkdir(parents=True)
    (tmp_path / "walsall" / "authority.yaml").write_text(
        (ROOT / "standards" / "walsall" / "authority.yaml").read_text()
    )
    text = source.read_text()
    assert old in text
    target.write_text(text.replace(old, new, 1))
    return target


def rendered(path: Path) -> list[str]:
    return [f.render() for f in compile_corpus(path.parent.parent).findings]


def errors(path: Path) -> list[str]:
    return [text for text in rendered(path) if ": error: " in text]


# -- unknown vocabulary terms: the closest terms, and where the full list is ----------------------


def test_a_misspelt_group_in_check_suggests_the_term_and_the_full_list(tmp_path: Path) -> None:
    document = mistaken(tmp_path, "{group: child_in_need}", "{group: child_in_ned}")
    assert f"{document}:35:30: error: unknown group 'child_in_ned'\n" + (
        "    hint: did you mean 'child_in_need' or 'child_in_care'? (standards vocabulary groups "
        "lists them all); or define the authority's own term in its vocabulary.yaml"
    ) in rendered(document)


def test_an_activity_far_from_any_term_lists_the_nearest_in_check(tmp_path: Path) -> None:
    document = mistaken(tmp_path, "activity: manager_discussion", "activity: phone_the_boss")
    assert f"{document}:49:23: error: unknown activity 'phone_the_boss'\n" + (
        "    hint: no activity is close; the nearest are 'conference_minutes', "
        "'early_help_assessment' and 'conference_notice' (standards vocabulary activities "
        "lists them all)"
    ) in rendered(document)


def test_no_vocabulary_hint_names_a_folder_outside_the_users_corpus(tmp_path: Path) -> None:
    document = mistaken(tmp_path, "activity: manager_discussion", "activity: phone_the_boss")
    assert not any("schema/vocabulary" in text for text in rendered(document))


def test_due_words_an_unknown_activity_as_check_does(packs: Path) -> None:
    done = cli(
        "due",
        "--packs",
        str(packs),
        "--authority",
        "st-helens",
        "--subject",
        "child_protection",
        "--activity",
        "statutory_vist",
        "--from",
        "2025-12-01",
        "--on",
        "2026-01-09",
    )
    assert done.returncode == 1  # as for every case the pack cannot answer (standards due --help)
    assert done.stderr == (
        "error: unknown activity 'statutory_vist': did you mean 'statutory_visit' or "
        "'supervisory_visit'? (standards vocabulary activities lists them all)\n"
    )


def test_audit_words_an_unknown_group_and_event_as_check_does(packs: Path, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(
        "case_id,group,event,date,facts,qualifiers\n"
        "C1,child_protektion,plan_start,2025-12-01,,\n"
        "C2,child_protection,statutory_vist,2025-12-19,,\n"
    )
    done = cli(
        "audit", str(cases), "--packs", str(packs), "--authority", "st-helens", "--on", "2026-01-09"
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0] == (
        f"{cases}:2: unknown group 'child_protektion': did you mean 'child_protection'? "
        "(standards vocabulary groups lists them all)"
    )
    assert lines[1] == (
        f"{cases}:3: unknown event 'statutory_vist' (neither an event nor an activity): did you "
        "mean 'statutory_visit' or 'supervisory_visit'? (standards vocabulary events and "
        "standards vocabulary activities list them all)"
    )


def test_the_vocabulary_command_lists_every_term_a_hint_points_at() -> None:
    done = cli("vocabulary", "activities")
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].endswith(" activity terms:")
    assert (
        "statutory_visit: Statutory visit. Seeing the child where they live, alone where "
        "appropriate, as the visit the law or the local standard requires." in done.stdout
    )


# -- a bad date is reported once, counted once --------------------------------------------------


@pytest.mark.parametrize("written", ["24-03-04", "2024/03/04", "4 March 2024", "2024-3-4"])
def test_a_badly_written_date_is_reported_once_and_counted_once(
    tmp_path: Path, written: str
) -> None:
    document = mistaken(tmp_path, "effective_from: 2024-03-04", f"effective_from: {written}")
    done = cli("check", str(tmp_path))
    assert done.returncode == 1
    assert done.stdout == (
        f"{document}:6:17: error: '{written}' is not a valid date for 'effective_from'\n"
        "    hint: write dates as YYYY-MM-DD, such as 2017-05-01\n"
    )
    assert done.stderr.startswith("1 error(s), 0 warning(s)")


# -- timescales that cannot be read get a suggestion that makes sense --------------------------


def timescale_refusal(text: str) -> str:
    with pytest.raises(TimescaleError) as refused:
        parse_timescale(text, "visit")
    return refused.value.message


def test_a_short_word_gets_no_far_fetched_suggestion_but_forms_that_read() -> None:
    assert timescale_refusal("every 6 weeks so") == (
        "could not read 'so' at column 15: expected the end of the timescale; timescales that "
        "read look like 'every 6 weeks', 'within one week of the start of the placement, then "
        "every 6 weeks' or 'at least every 10 working days from the start of the plan'"
    )


def test_whenever_is_not_taken_for_a_misspelt_never() -> None:
    assert "did you mean" not in timescale_refusal("whenever needed")


def test_a_typo_still_gets_its_did_you_mean() -> None:
    assert timescale_refusal("every 10 wokring days") == (
        "could not read 'wokring' at column 10; did you mean 'working'?"
    )


def test_an_unknown_event_sharing_no_word_gets_forms_not_an_unrelated_event() -> None:
    # ('by the end of the next working day' is read since the grammar of real wording)
    assert timescale_refusal("within 5 days of the tribunal") == (
        "could not read 'the tribunal' at column 18: it names no event in the vocabulary; "
        "timescales that read look like 'within 5 working days of the visit', 'within 24 hours "
        "of the visit' or 'at least 5 working days before the conference' (standards vocabulary "
        "events lists them all)"
    )


def test_a_bare_monthly_in_a_document_explains_its_two_readings_at_once(tmp_path: Path) -> None:
    document = mistaken(
        tmp_path,
        "timescale: at least every 6 weeks from the start of the plan",
        "timescale: monthly",
    )
    assert f"{document}:37:24: error: cannot read the timescale: 'monthly' at column 1 has two " + (
        "readings: a calendar month, or 4 weeks; write one of: 'monthly (calendar month)', "
        "'monthly (4 weeks)'\n"
        "    hint: choose the reading the document means, and say why in the rule's "
        "interpretation"
    ) in rendered(document)


# -- compare reads as English ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "line"),
    [
        (
            "fortnightly",
            "weekly",
            "'fortnightly from the event' is looser than 'weekly from the event'",
        ),
        (
            "weekly",
            "fortnightly",
            "'weekly from the event' is stricter than 'fortnightly from the event'",
        ),
        (
            "every 2 weeks",
            "fortnightly",
            "'fortnightly from the event' is equivalent to 'fortnightly from the event'",
        ),
        (
            "every 10 working days",
            "fortnightly",
            "'every 10 working days from the event' is incomparable with 'fortnightly from the "
            "event' (earlier on some dates, later on others)",
        ),
    ],
)
def test_compare_says_looser_than_not_looser_compared_with(
    first: str, second: str, line: str
) -> None:
    done = cli("compare", first, second)
    assert done.stdout.splitlines()[0] == line


# -- the site's words, and a quiet build ---------------------------------------------------------


def test_the_home_page_names_the_statutory_baseline_once(bundled_site: Path) -> None:
    home = (bundled_site / "docs" / "pages" / "index.md").read_text()
    rows = [line for line in home.splitlines() if line.startswith("| [England")]
    assert rows == [
        "| [England (statutory baseline)](england/index.md) | 8 | 22 | 0 errors, 0 warnings |"
    ]


def test_conditions_keep_their_capitals_in_the_site(bundled_site: Path) -> None:
    pages = "\n".join(p.read_text() for p in (bundled_site / "docs").rglob("*.md"))
    # One wording of conditions everywhere (compiler.wording): "where A and B", as timescales say it
    assert (
        "where the child agrees and the child has been in the placement for at least one year "
        "and agreed by the IRO" in pages
    )
    assert "agreed by the iro" not in pages


def test_build_quiet_prints_nothing_on_success(tmp_path: Path) -> None:
    done = cli(
        "build", str(ROOT / "standards" / "walsall"), "--out", str(tmp_path / "b"), "--quiet"
    )
    assert done.returncode == 0
    assert (done.stdout, done.stderr) == ("", "")


def test_build_quiet_still_says_why_it_stopped(tmp_path: Path) -> None:
    document = mistaken(tmp_path, "status: published", "status: publish")
    done = cli("build", str(tmp_path), "--out", str(tmp_path / "b"), "--quiet")
    assert done.returncode == 1
    assert f"{document}:5:9: error: 'publish' is not allowed for 'status'" in done.stderr


# -- the YAML parser's jargon comes with the likely cause ---------------------------------------


def test_a_colon_in_a_title_is_explained_with_the_fix(tmp_path: Path) -> None:
    document = mistaken(
        tmp_path,
        "title: Social Work Visits and Reviews in Respect of Children Subject to a Child in "
        "Need Plan",
        "title: Visits: children in need",
    )
    assert errors(document) == [
        f"{document}:3:14: error: YAML syntax error: mapping values are not allowed in this "
        "context\n"
        "    hint: likely cause: the value holds a colon followed by a space, which YAML reads as "
        'the start of another field; put the whole value in double quotes: title: "Visits: '
        'children in need"'
    ]


def test_a_line_indented_too_far_is_explained_as_indentation(tmp_path: Path) -> None:
    document = mistaken(
        tmp_path,
        "      - id: non-family-interpreter\n",
        "      - id: non-family-interpreter\n         text: oops\n",
    )
    assert errors(document) == [
        f"{document}:30:14: error: YAML syntax error: mapping values are not allowed in this "
        "context\n"
        "    hint: likely cause: this line is indented further than the field before it, so YAML "
        "reads it as part of that field's value; line it up with the fields of its level"
    ]


def test_standards_test_fails_a_scenario_file_with_a_bad_date_and_says_it_once(
    tmp_path: Path,
) -> None:
    mistaken(tmp_path, "status: published", "status: published")
    scenario = tmp_path / "walsall" / "tests" / "cin-visits-and-reviews.yaml"
    scenario.parent.mkdir()
    original = (ROOT / "standards" / "walsall" / "tests" / scenario.name).read_text()
    assert "due: [2026-01-30, 2026-03-13]" in original
    scenario.write_text(original.replace("due: [2026-01-30", "due: [2026-02-30", 1))
    done = cli("test", str(tmp_path / "walsall"))
    assert done.returncode == 1
    message = f"{scenario}:10:13: error: '2026-02-30' is not a valid date for 'due'"
    assert done.stdout.count(message) == 1
    assert "walsall: tests/cin-visits-and-reviews.yaml is valid\n1 failed, " in done.stdout
