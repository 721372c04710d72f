"""``standards build``: every authority, then the national files, then MkDocs, written atomically.

Each authority is a unit (:mod:`compiler.units`): load -> validate -> model -> check
(:mod:`compiler.pipeline`) with its statutory baseline, then its packs and pages, or
all of these taken from the previous build when nothing they depend on changed. The
national files (the packs' index and manifest, the home, comparison and downloads
pages, mkdocs.yml) are made from every authority's summary, and the site step runs
MkDocs over the staged Markdown. Everything lands in the output folder at once, or
not at all.

``standards serve`` makes its files the same way (:func:`make_files`), into its own folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath

from jinja2 import Environment

from compiler.discover import discover
from compiler.emit.context import Files, Progress
from compiler.emit.docs import national_docs
from compiler.emit.packs import PACKS, generated_at, national_pack_files
from compiler.emit.site import SiteBuilt, build_site
from compiler.emit.summary import AuthoritySummary
from compiler.emit.templates import environment
from compiler.errors import Finding, FindingsError, Location, Severity, error
from compiler.units import Made, Options, make, plan
from compiler.util.gc_pause import no_garbage_collection
from compiler.util.write import BUILD_MARK, write_atomically

SITE_FINISH: Callable[[Path, Path | None], SiteBuilt] | None = build_site
"""Runs MkDocs over the staged docs/ into site/, before the output is swapped into place;
the second argument is the previous output, whose cache of rendered pages it reuses."""


def build_date() -> date:
    """The date a build is made for: ``SOURCE_DATE_EPOCH`` if set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


@dataclass(frozen=True)
class Built:
    """What a build made: its files (written, and linked from the last build), every finding
    of the checks, and how many authorities it made and took from the last build."""

    files: Files
    reused: dict[PurePosixPath, Path]
    findings: tuple[Finding, ...]
    made: int
    kept: int


def build(
    root: Path,
    out: Path,
    *,
    site: bool = True,
    run_checks: bool = True,
    today: date | None = None,
    progress: Progress | None = None,
) -> Built:
    """Build rule packs (and, with ``site``, the guidance site) from ``root`` into ``out``.

    ``run_checks=False`` skips the consistency checks: rule packs hold no findings
    (the site shows them), so a packs-only build need not pay for them.

    Each authority is made on its own (:mod:`compiler.units`); one whose files and
    baseline did not change since the build already in ``out`` is taken from it.
    """
    say = progress or (lambda _: None)
    previous = out if (out / BUILD_MARK).is_file() else None
    built = make_files(root, previous, site=site, run_checks=run_checks, today=today, progress=say)

    def finish(staging: Path) -> None:
        if site and SITE_FINISH is not None:
            say("building the site with MkDocs")
            done = SITE_FINISH(staging, previous)
            say(f"site pages rendered: {done.rendered}, reused from the last build: {done.reused}")

    write_atomically(out, built.files, finish, reused=built.reused)
    say(f"done: {out}")
    return built


def make_files(
    root: Path,
    previous: Path | None,
    *,
    site: bool = True,
    run_checks: bool = True,
    today: date | None = None,
    progress: Progress | None = None,
) -> Built:
    """Every file of a build of ``root`` but the HTML, taking what it can from ``previous``.

    ``previous`` is the folder of an earlier build (its ``.build-cache``); the files taken
    from it are in :attr:`Built.reused`. Raises :class:`FindingsError` if the standards
    cannot be read.
    """
    say = progress or (lambda _: None)
    today = today or build_date()
    options = Options(root, today, site, run_checks, generated_at())
    say("reading and checking the standards" if run_checks else "reading the standards")
    with no_garbage_collection():  # many small objects, no cycles: see compiler.util.gc_pause
        files, findings = discover(root)
        if any(f.severity is Severity.ERROR for f in findings):
            raise FindingsError([f for f in findings if f.severity is Severity.ERROR])
        units = plan(options, files)
        templates = environment() if site else None
        made = make(options, units, previous, templates, say)
        if made.blocking:
            raise FindingsError(sorted(made.blocking, key=_order))  # nothing is written
        say("writing the national pages and the packs' index")
        output = dict(made.files)
        output.update(national(made, options, templates))
    kept = len(units) - made.made
    say(f"authorities made: {made.made}, taken from the last build: {kept}")
    found = tuple(sorted([*findings, *made.findings], key=_order))
    return Built(output, made.reused, found, made.made, kept)


def national(made: Made, options: Options, templates: Environment | None) -> Files:
    """The packs' index and manifest, and with the site its national pages and mkdocs.yml."""
    digests = {PACKS / path: sha for summary in made.summaries for path, sha in summary.pack_files}
    listed = [summary.listing for summary in made.summaries]
    _no_two_alike(made.summaries)
    packs = national_pack_files(listed, digests, options.stamp)
    if templates is None:
        return packs
    return {**packs, **national_docs(made.summaries, options.today, packs, templates)}


def _no_two_alike(summaries: list[AuthoritySummary]) -> None:
    """Two authority folders with one id would write the same files: refuse, naming the id."""
    seen: set[str] = set()
    for summary in summaries:
        if summary.id in seen:
            raise FindingsError(
                [
                    error(
                        "duplicate-authority",
                        f"two authority folders have the id '{summary.id}'",
                        Location(Path(summary.id)),
                        "give each authority its own id in its authority.yaml",
                    )
                ]
            )
        seen.add(summary.id)


def _order(finding: Finding) -> tuple[str, int, int, str]:
    where = finding.location
    return (str(where.path), where.line, where.column, finding.message)
