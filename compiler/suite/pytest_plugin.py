"""The standards test suite as a pytest plugin: ``pytest`` inside a standards repository.

Installed with the distribution (entry point ``standards``), it collects each
``authority.yaml`` as a set of test items named so that a failure reads as a
sentence:

- ``st-helens: practice-standards@1.0 is valid`` (one per document version);
- ``st-helens: has no conflicting rules`` (one per check);
- ``st-helens: scenario: A CP plan starting the Friday before Christmas`` (one per case);
- ``st-helens: equivalent rules agree on generated dates`` and
  ``st-helens: no local due date is later than the statutory one`` (hypothesis).

``standards test PATH`` runs the same items through pytest.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from compiler.errors import Finding
from compiler.model import Authority
from compiler.pipeline import Compiled, compile_corpus
from compiler.suite.corpus_properties import (
    equivalent_rule_pairs,
    floor_pairs,
    search_disagreement,
    search_floor_breach,
)
from compiler.suite.scenarios import ScenarioResult, run_scenarios

CHECK_NAMES = {
    "no-conflicting-rules": "has no conflicting rules",
    "no-rule-looser-than-statute": "has no rule looser than the statutory minimum",
    "local-rule-silent-on-statutory-case": "names the children the law sets its own minimum for",
    "rule-words-not-in-text": "quotes its rules' words from their statements",
    "timescale-words-not-encoded": "reads every timescale in its words",
    "rule-disagrees-with-words": "has rules that say what their words say",
    "override-unknown-rule": "overrides only rules that exist",
    "override-cycle": "has no circle of overrides",
    "review-date-passed": "has no document past its review date",
    "rule-id-lost": "loses no rule between versions without withdrawing it",
    "withdrawn-moved-to-unknown": "says where withdrawn rules moved to, truthfully",
}
FILE_CODES_OWNED_BY_CHECKS = frozenset(CHECK_NAMES)


@cache
def _compiled(root: Path) -> Compiled:
    return compile_corpus(root, today=date.today())


class StandardsFailure(Exception):
    """A standards test item failed; the message is for a principal social worker."""


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name == "authority.yaml":
        return AuthorityFile.from_parent(parent, path=file_path)
    return None


class AuthorityFile(pytest.File):
    """One authority's folder, as test items."""

    def collect(self) -> Iterator[pytest.Item]:
        folder = self.path.parent
        compiled = _compiled(folder.parent.resolve())
        authority = next(
            (a for a in compiled.corpus.authorities if a.path.resolve() == folder.resolve()),
            None,
        )
        label = authority.id if authority is not None else folder.name
        yield FindingsItem.from_parent(
            self,
            name=f"{label}: authority.yaml is valid",
            findings=_file_findings(compiled, self.path),
        )
        for version_file in sorted(p for p in folder.glob("*/*.yaml") if p.parent.name != "tests"):
            yield FindingsItem.from_parent(
                self,
                name=f"{label}: {version_file.parent.name}@{version_file.stem} is valid",
                findings=_file_findings(compiled, version_file),
            )
        for scenario_file in sorted((folder / "tests").glob("*.y*ml")):
            # a scenario file that cannot be read has no cases to run: fail it here, or a bad
            # date in it would pass unseen
            yield FindingsItem.from_parent(
                self,
                name=f"{label}: tests/{scenario_file.name} is valid",
                findings=_file_findings(compiled, scenario_file),
            )
        if authority is None:
            return
        mine = [f for f in compiled.findings if _belongs(f, authority)]
        for code, sentence in CHECK_NAMES.items():
            yield FindingsItem.from_parent(
                self,
                name=f"{label}: {sentence}",
                findings=[f for f in mine if f.code == code],
            )
        for result in run_scenarios(compiled.corpus, authority):
            yield ScenarioItem.from_parent(
                self, name=f"{label}: scenario: {result.name}", result=result
            )
        yield PropertyItem.from_parent(
            self,
            name=f"{label}: equivalent rules agree on generated dates",
            compiled=compiled,
            authority=authority,
            kind="equivalent",
        )
        yield PropertyItem.from_parent(
            self,
            name=f"{label}: no local due date is later than the statutory one",
            compiled=compiled,
            authority=authority,
            kind="floor",
        )


def _belongs(finding: Finding, authority: Authority) -> bool:
    named = dict(finding.data).get("authority")
    return (
        named == authority.id or authority.path.resolve() in finding.location.path.resolve().parents
    )


def _file_findings(compiled: Compiled, path: Path) -> list[Finding]:
    return [
        f
        for f in compiled.findings
        if f.location.path.resolve() == path.resolve() and f.code not in FILE_CODES_OWNED_BY_CHECKS
    ]


class FindingsItem(pytest.Item):
    """Passes when there is no error among its findings; warnings are shown, not failed."""

    def __init__(self, *, findings: list[Finding], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.findings = findings

    def runtest(self) -> None:
        errors = [f for f in self.findings if f.fails]  # an accepted error fails nothing
        if errors:
            raise StandardsFailure("\n".join(f.render() for f in errors))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, StandardsFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, self.name


class ScenarioItem(FindingsItem):
    """One scenario case: expected dates against computed ones."""

    def __init__(self, *, result: ScenarioResult, **kwargs: Any) -> None:
        super().__init__(findings=[], **kwargs)
        self.result = result

    def runtest(self) -> None:
        if not self.result.passed:
            rule = f" (rule {self.result.rule})" if self.result.rule else ""
            lines = "\n".join(f"    {p}" for p in self.result.problems)
            raise StandardsFailure(f"{self.result.location}: {self.result.name}{rule}\n{lines}")


class PropertyItem(FindingsItem):
    """A hypothesis search over the authority's rules for a date that breaks a law."""

    def __init__(
        self, *, compiled: Compiled, authority: Authority, kind: str, **kwargs: Any
    ) -> None:
        super().__init__(findings=[], **kwargs)
        self.compiled = compiled
        self.authority = authority
        self.kind = kind

    def runtest(self) -> None:
        corpus = self.compiled.corpus
        if self.kind == "equivalent":
            problems = [
                problem
                for pair in equivalent_rule_pairs(corpus, self.authority)
                if (problem := search_disagreement(self.authority, *pair)) is not None
            ]
        else:
            problems = [
                problem
                for pair in floor_pairs(corpus, self.authority)
                if (problem := search_floor_breach(self.authority, *pair)) is not None
            ]
        if problems:
            raise StandardsFailure("\n".join(problems))
