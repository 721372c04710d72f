"""``standards init``: a new user's first hour, init -> edit -> check -> build -> serve."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from compiler.authoring import init as init_module
from compiler.authoring.init import InitError, init
from tests.authoring.test_serve import fetch, free_port, wait_for
from tests.conftest import ROOT

DRAFT_NOTE = (
    "practice-standards/0.1.yaml:6:1: info: practice-standards@0.1 is a draft: its rules are "
    "checked, but it is not in force and no rule pack includes it\n"
    "    hint: set status: published (and effective_from) when the document is approved\n"
)


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compiler.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


@pytest.fixture
def started(tmp_path: Path) -> Path:
    """A new corpus with one new authority, made as a user makes it; returns the corpus."""
    done = cli(
        "init", "our-standards", "--authority", "barsetshire", "--name", "Barsetshire", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "wrote our-standards/schema\n"
        "wrote our-standards/barsetshire/authority.yaml\n"
        "wrote our-standards/barsetshire/practice-standards/0.1.yaml\n"
        "wrote our-standards/barsetshire/tests/practice-standards.yaml\n"
        "next: cd our-standards/barsetshire && standards check (then standards serve to preview "
        "the site; set status: published when the document is approved)\n"
    )
    return tmp_path / "our-standards"


def test_check_on_a_new_authority_passes_and_says_the_document_is_a_draft(started: Path) -> None:
    authority = started / "barsetshire"
    done = cli("check", cwd=authority)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == f"{authority.resolve()}/{DRAFT_NOTE}"
    assert re.fullmatch(
        r"0 error\(s\), 0 warning\(s\), \d+ note\(s\) \(--verbose lists them\)\n", done.stderr
    )


def test_the_new_scenario_test_runs_and_passes(started: Path) -> None:
    done = cli("test", cwd=started / "barsetshire")
    assert done.returncode == 0, done.stdout
    assert "passed" in done.stdout


def test_every_file_points_an_editor_at_a_schema_that_exists(started: Path) -> None:
    files = sorted((started / "barsetshire").rglob("*.yaml"))
    assert len(files) == 3
    for path in files:
        first = path.read_text().splitlines()[0]
        found = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert found, f"{path}: {first}"
        schema = (path.parent / found[1]).resolve()
        assert schema.is_relative_to(started.resolve()), "the schema must travel with the corpus"
        assert json.loads(schema.read_text())["$schema"].startswith("https://json-schema.org/")
    assert (started / "schema" / "vocabulary" / "activities.yaml").is_file()


def test_init_edit_check_build_serve(started: Path) -> None:
    authority = started / "barsetshire"
    document = authority / "practice-standards" / "0.1.yaml"
    text = document.read_text()
    text = text.replace("status: draft", "status: published")
    text = text.replace("effective_from: " + date.today().isoformat(), "effective_from: 2025-01-01")
    text = text.replace("within 24 hours", "within 2 working days")  # text, rule and words
    document.write_text(text)
    scenario = authority / "tests" / "practice-standards.yaml"
    scenario.write_text(scenario.read_text().replace("due: [2025-12-20]", "due: [2025-12-23]"))

    checked = cli("check", cwd=authority)
    assert checked.returncode == 0, checked.stdout
    assert "is a draft" not in checked.stdout
    assert cli("test", cwd=authority).returncode == 0

    built = cli("build", "--quiet", cwd=authority)
    assert built.returncode == 0, built.stderr
    pack = json.loads((authority / "build" / "packs" / "barsetshire" / "current.json").read_text())
    local = [r for r in pack["rules"] if not r.get("inherited")]
    assert [r["id"] for r in local] == ["barsetshire/practice-standards/cp-visit-recording"]
    assert "within 2 working days" in json.dumps(local[0])
    assert (authority / "build" / "site" / "index.html").is_file()

    port = free_port()
    serving = subprocess.Popen(
        [sys.executable, "-m", "compiler.cli", "serve", "--address", f"127.0.0.1:{port}"],
        cwd=authority,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    try:
        page = f"http://127.0.0.1:{port}/barsetshire/"
        assert wait_for(lambda: "Barsetshire" in fetch(page)), "the preview never served"
        (authority / "authority.yaml").write_text(
            (authority / "authority.yaml").read_text().replace('"Barsetshire"', '"Barchester"')
        )
        assert wait_for(lambda: "Barchester" in fetch(page)), "the saved edit never showed"
    finally:
        serving.terminate()
        output, _ = serving.communicate(timeout=10)
    assert "Traceback" not in output
    assert "bundled" not in output


def test_a_second_authority_shares_the_corpus_schemas(started: Path) -> None:
    second = init(started, "barchester", "Barchester", "england-and-wales", date(2026, 1, 5))
    assert started / "schema" not in second.files
    first_line = (second.authority / "authority.yaml").read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/authority.schema.json"


def test_a_repository_with_schema_beside_its_corpus_is_not_given_a_copy(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    started = init(tmp_path / "standards", "barsetshire", "B", "england-and-wales", date.today())
    assert not (tmp_path / "standards" / "schema").exists()
    document = started.authority / "practice-standards" / "0.1.yaml"
    first_line = document.read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../../../schema/document.schema.json"


def test_an_authority_that_exists_is_refused_and_nothing_is_written(started: Path) -> None:
    before = sorted(started.rglob("*"))
    done = cli("init", ".", "--authority", "barsetshire", "--name", "B", cwd=started)
    assert done.returncode == 2
    assert done.stderr == (
        f"error: '{(started / 'barsetshire').resolve()}' already exists: choose another id, "
        "or another folder\n"
    )
    assert sorted(started.rglob("*")) == before


def test_an_id_that_cannot_be_a_folder_name_is_refused(tmp_path: Path) -> None:
    done = cli("init", "--authority", "Barset Shire", "--name", "B", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "error: 'Barset Shire' cannot be an authority id: use lower-case letters, digits and "
        "single hyphens, such as barsetshire or st-helens\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_init_inside_an_authority_points_at_the_corpus(started: Path) -> None:
    with pytest.raises(InitError, match="is inside the authority folder"):
        init(started / "barsetshire" / "tests", "x", "X", "england-and-wales", date.today())


def test_the_readme_shows_what_init_really_prints(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    command = (
        'standards init our-standards --authority barsetshire --name "Barsetshire County Council"'
    )
    assert f"```sh\n{command}\n```" in readme
    shown = readme.split(f"```sh\n{command}\n```\n\n```text\n", 1)[1].split("```", 1)[0]
    done = cli(*shlex.split(command)[1:], cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout == shown


class _Yaml12Loader(yaml.SafeLoader):
    """Reads dates as text, as an editor's YAML 1.2 language server does."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_the_copied_schemas_alone_validate_the_new_files_as_an_editor_would(started: Path) -> None:
    """Resolving each $schema line and its relative $refs from the files on disk only."""

    def retrieve(uri: str) -> Resource:
        return Resource.from_contents(json.loads(Path(unquote(urlparse(uri).path)).read_text()))

    registry = Registry(retrieve=retrieve)
    for path in sorted((started / "barsetshire").rglob("*.yaml")):
        first = path.read_text().splitlines()[0]
        schema_path = (path.parent / first.split("$schema=", 1)[1]).resolve()
        schema = {**json.loads(schema_path.read_text()), "$id": schema_path.as_uri()}
        data = yaml.load(path.read_text(), Loader=_Yaml12Loader)
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(data))
        assert errors == [], f"{path}: {[e.message for e in errors]}"
    # the vocabulary is reached through a relative $ref: an unknown activity is refused
    document = started / "barsetshire" / "practice-standards" / "0.1.yaml"
    schema_path = started / "schema" / "document.schema.json"
    schema = {**json.loads(schema_path.read_text()), "$id": schema_path.resolve().as_uri()}
    text = document.read_text().replace("activity: visit_recording", "activity: phone_the_boss")
    errors = Draft202012Validator(schema, registry=registry).iter_errors(
        yaml.load(text, Loader=_Yaml12Loader)
    )
    assert any("phone_the_boss" in e.message for e in errors)


def test_a_failure_while_writing_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = Path.write_text

    def failing(self: Path, text: str, **kwargs: object) -> int:
        if self.name == f"{init_module.FIRST_VERSION}.yaml":
            raise OSError(28, "No space left on device", str(self))
        return real_write(self, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", failing)
    with pytest.raises(InitError, match="No space left on device"):
        init(tmp_path, "barsetshire", "B", "england-and-wales", date(2026, 1, 5))
    assert list(tmp_path.iterdir()) == []


def test_a_folder_named_schema_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "notes.txt").write_text("mine")
    with pytest.raises(InitError, match="holds no schemas of this tool"):
        init(tmp_path, "barsetshire", "B", "england-and-wales", date(2026, 1, 5))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schema"]
