"""``standards check``: validate standards files and report findings."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from compiler.commands.options import format_option, standards_or_here
from compiler.util.gc_pause import no_garbage_collection

if TYPE_CHECKING:
    from compiler.errors import Finding


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@format_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--verbose", "-v", is_flag=True, help="Also list notes (information, not problems).")
def check(paths: tuple[Path, ...], output: str, strict: bool, verbose: bool) -> None:
    """Check standards files and report every problem with file, line and column.

    PATHS are corpus folders, authority folders or single files (default: the
    folder you are in, if it holds standards; else the bundled example). A
    file or folder inside an authority's folder is checked with the rest of
    that authority and the statutory baseline, as if the authority's folder
    had been named. Exit status: 0 clean, 1 findings, 2 usage error.

    Example: standards check standards/gloucestershire
    """
    # A check runs on every save in an editor: the cycle collector would rescan the many small
    # objects that importing and reading make (none in cycles) for a tenth of the run.
    with no_garbage_collection():
        from compiler.checks.drafts import DRAFT_NOTE
        from compiler.discover import checking_root
        from compiler.errors import Severity
        from compiler.pipeline import compile_corpus

        roots = tuple(dict.fromkeys(checking_root(p) for p in paths))
        findings: list[Finding] = []
        for root in roots or (standards_or_here(None),):
            findings.extend(compile_corpus(root).findings)
    if strict:  # an accepted finding stays accepted: --strict promotes warnings only
        findings = [_promote(f) for f in findings]
    failed = any(f.fails for f in findings)
    if output == "json":
        click.echo(json.dumps(_report(findings), indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            if verbose or finding.severity is not Severity.INFO or finding.code == DRAFT_NOTE:
                click.echo(finding.render())
        click.echo(_summary(findings), err=bool(findings))
    sys.exit(1 if failed else 0)


def _promote(finding: Finding) -> Finding:
    from compiler.errors import Severity

    if finding.severity is Severity.WARNING:
        return replace(finding, severity=Severity.ERROR)
    return finding


def _counts(findings: list[Finding]) -> dict[str, int]:
    from compiler.errors import Severity

    return {
        severity.value: sum(1 for f in findings if f.severity is severity) for severity in Severity
    }


def _summary(findings: list[Finding]) -> str:
    counts = _counts(findings)
    if not findings:
        return "no problems found"
    notes = f"{counts['info']} note(s)" + (" (--verbose lists them)" if counts["info"] else "")
    accepted = sum(1 for f in findings if f.accepted)
    errors = f"{counts['error']} error(s)" + (f" ({accepted} accepted)" if accepted else "")
    return f"{errors}, {counts['warning']} warning(s), {notes}"


def _report(findings: list[Finding]) -> dict[str, object]:
    return {"findings": [f.as_json() for f in findings], "summary": _counts(findings)}
