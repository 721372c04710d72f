"""``standards diff``: each output format, exit codes like diff, and clear errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import standards
from compiler.schemas import validator

FIXTURES = Path(__file__).parent.parent / "fixtures" / "diff"
BASE = str(FIXTURES / "corpus" / "diff-council" / "cp-visits" / "1.0.yaml")
ST_HELENS = (
    "st-helens/practice-standards@1.0#children-in-care-visits",
    "st-helens/children-in-care-web@1.0",
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(standards, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_marks_words_and_says_looser_with_dates() -> None:
    code, out, _ = run(BASE, str(FIXTURES / "every-15-working-days.yaml"))
    assert code == 1
    assert "LOOSER changed cp-visit (child protection, statutory visit)" in out
    assert (
        "timescale: every 10 working days from the start of the plan → every 15 working days "
        "from the start of the plan"
    ) in out
    assert "for the start of the plan on Wed 1 Jan 2020, every 15 working days" in out
    assert "at least [-every 10 working days.-]{+every 15 working days.+}" not in out
    assert "at least every [-10-]{+15+} working days." in out
    assert "\x1b[" not in out  # not a terminal: no colour


def test_same_version_exits_zero() -> None:
    code, out, _ = run(BASE, BASE)
    assert (code, out.splitlines()[-1]) == (0, "no changes")


def test_json_follows_the_published_schema() -> None:
    code, out, _ = run(BASE, str(FIXTURES / "fortnightly.yaml"), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert list(validator("diff").iter_errors(data)) == []
    (diff,) = data["diffs"]
    (rule,) = diff["rules"]
    assert (rule["id"], rule["effect"], rule["timescale"]["relation"]) == (
        "cp-visit",
        "incomparable",
        "incomparable",
    )
    later = next(w for w in rule["timescale"]["witnesses"] if w["start"] == "2020-01-04")
    assert (later["new_date"], later["old_date"]) == ("2020-01-18", "2020-01-17")


def test_st_helens_markdown_shows_the_dropped_statement_and_small_rewordings() -> None:
    code, out, _ = run(*ST_HELENS, "--format", "markdown")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "## `st-helens/practice-standards@1.0#children-in-care-visits` → "
        "`st-helens/children-in-care-web@1.0`"
    )
    assert "15 statements: 14 reworded, 1 removed" in out
    removed = [line for line in lines if line.startswith("- **removed**")]
    assert removed == ["- **removed** `cic-legal-orders` in `children-in-care-visits`"]
    assert "  - I consider the appropriateness of any legal orders in place for the child" in out
    assert "~~foster carers~~**Foster Carer’s**" in out
    assert "Good ~~Direct~~**direct** work" in out
    assert out.count("(capitals and punctuation only)") == 14
    # the one rule keeps its timescale
    assert "- **Equivalent** reworded `cic-statutory-visits`" in out


def test_st_helens_json_validates() -> None:
    code, out, _ = run(*ST_HELENS, "--format", "json")
    assert code == 1
    assert list(validator("diff").iter_errors(json.loads(out))) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("st-helens/practice-standards@9.9", BASE), "has no version '9.9' (it has: 1.0)"),
        (("st-helens/nothing@1.0", BASE), "st-helens has no document 'nothing'"),
        ((f"{BASE}#no-such-section", BASE), "has no section 'no-such-section'"),
        (("missing.yaml", BASE), "no such file: 'missing.yaml'"),
        (("just-words", BASE), "is neither a file nor a document version"),
        ((BASE,), "give two sides to compare"),
        ((BASE, BASE, "--git", "a..b"), "not both"),
        (("--git", "..b"), "is not a range"),
    ],
)
def test_usage_errors_exit_two_with_a_message(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err


def test_unreadable_file_names_file_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: visits\ntitle: [unclosed\n", encoding="utf-8")
    code, _, err = run(str(broken), BASE)
    assert code == 2
    assert f"{broken}:3:1: error: YAML syntax error" in err


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def test_git_range_compares_each_changed_document(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    council = corpus / "diff-council"
    (council / "cp-visits").mkdir(parents=True)
    shutil.copy(FIXTURES / "corpus" / "diff-council" / "authority.yaml", council)
    shutil.copy(BASE, council / "cp-visits" / "1.0.yaml")
    _git(corpus, "init", "-q")
    _git(corpus, "add", ".")
    _git(corpus, "commit", "-qm", "first")
    text = (FIXTURES / "every-15-working-days.yaml").read_text(encoding="utf-8")
    (council / "cp-visits" / "1.1.yaml").write_text(text, encoding="utf-8")
    _git(corpus, "add", ".")
    _git(corpus, "commit", "-qm", "second")
    code, out, _ = run("--git", "HEAD~1..HEAD", "--corpus", str(corpus))
    assert code == 1
    assert out.splitlines()[:2] == [
        "--- HEAD~1:diff-council/cp-visits@1.0  Visiting children on a child protection plan",
        "+++ HEAD:diff-council/cp-visits@1.1  Visiting children on a child protection plan",
    ]
    assert "LOOSER changed cp-visit" in out
    code, out, _ = run("--git", "HEAD..HEAD", "--corpus", str(corpus))
    assert (code, out) == (0, "no documents changed\n")


def test_git_range_defaults_to_the_repository_it_is_run_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    council = tmp_path / "diff-council"
    (council / "cp-visits").mkdir(parents=True)
    shutil.copy(FIXTURES / "corpus" / "diff-council" / "authority.yaml", council)
    shutil.copy(BASE, council / "cp-visits" / "1.0.yaml")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first")
    shutil.copy(FIXTURES / "fortnightly.yaml", council / "cp-visits" / "1.1.yaml")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "second")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("--git", "HEAD~1..HEAD")
    assert code == 1
    assert "INCOMPARABLE changed cp-visit" in out


def test_git_outside_a_repository_says_so(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "corpus", tmp_path / "corpus")
    code, _, err = run("--git", "HEAD~1..HEAD", "--corpus", str(tmp_path / "corpus"))
    assert code == 2
    assert "is not in a git repository" in err
