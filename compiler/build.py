"""``standards build``: every authority, then the national files, then MkDocs, written atomically.

Each authority is a unit (:mod:`compiler.units`): load -> validate -> model -> check
(:mod:`compiler.pipeline`) with its statutory baseline, then its packs and pages, or
all of these taken from the previous build when nothing they depend on changed. The
national files (the packs' index and manifest, the home, comparison and downloads
pages, mkdocs.yml) are made from every authority's summary, and the site step runs
MkDocs over the staged Markdown. Everything lands in the output folder at once, or
not at all.

:func:`emit` runs the emitters over a whole compiled corpus instead (the live preview).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from jinja2 import Environment

from compiler.discover import discover
from compiler.emit.context import BuildContext, Emitter, Files, Progress
from compiler.emit.docs import emit_docs, national_docs
from compiler.emit.packs import PACKS, emit_packs, generated_at, national_pack_files
from compiler.emit.site import SiteBuilt, build_site
from compiler.emit.summary import AuthoritySummary
from compiler.emit.templates import environment
from compiler.errors import Finding, FindingsError, Location, Severity, error
from compiler.pipeline import Compiled
from compiler.units import Made, Options, make, plan
from compiler.util.gc_pause import no_garbage_collection
from compiler.util.write import BUILD_MARK, write_atomically

EMITTERS: tuple[tuple[str, Emitter], ...] = (("rule packs", emit_packs),)
"""Always run: (what they write, the emitter)."""
SITE_EMITTERS: tuple[tuple[str, Emitter], ...] = (("guidance site pages", emit_docs),)
"""Run when the site is built: they write its Markdown under docs/."""
SITE_FINISH: Callable[[Path, Path | None], SiteBuilt] | None = build_site
"""Runs MkDocs over the staged docs/ into site/, before the output is swapped into place;
the second argument is the previous output, whose cache of rendered pages it reuses."""


def build_date() -> date:
    """The date a build is made for: ``SOURCE_DATE_EPOCH`` if set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def emit(
    compiled: Compiled, today: date, *, site: bool = True, progress: Progress | None = None
) -> Files:
    """Run every emitter in turn; each sees the files of those before it.

    Packs come first, so the site can link to them.
    """
    say = progress or (lambda _: None)
    files: Files = {}
    for label, emitter in EMITTERS + (SITE_EMITTERS if site else ()):
        say(f"writing {label}")
        files.update(emitter(BuildContext(compiled, today, dict(files), site, say)))
    return files


@dataclass(frozen=True)
class Built:
    """What a build found: every finding of the checks, and how many authorities it made."""

    findings: tuple[Finding, ...]
    made: int
    reused: int


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
    today = today or build_date()
    options = Options(root, today, site, run_checks, generated_at())
    say("reading and checking the standards" if run_checks else "reading the standards")
    with no_garbage_collection():  # many small objects, no cycles: see compiler.util.gc_pause
        files, findings = discover(root)
        if any(f.severity is Severity.ERROR for f in findings):
            raise FindingsError([f for f in findings if f.severity is Severity.ERROR])
        units = plan(options, files)
        previous = out if (out / BUILD_MARK).is_file() else None
        templates = environment() if site else None
        made = make(options, units, previous, templates, say)
        if made.blocking:
            raise FindingsError(sorted(made.blocking, key=_order))  # nothing is written
        say("writing the national pages and the packs' index")
        output = dict(made.files)
        output.update(national(made, options, templates))
    say(f"authorities made: {made.made}, taken from the last build: {len(units) - made.made}")

    def finish(staging: Path) -> None:
        if site and SITE_FINISH is not None:
            say("building the site with MkDocs")
            built = SITE_FINISH(staging, previous)
            say(
                f"site pages rendered: {built.rendered}, reused from the last build: {built.reused}"
            )

    write_atomically(out, output, finish, reused=made.reused)
    say(f"done: {out}")
    found = tuple(sorted([*findings, *made.findings], key=_order))
    return Built(found, made.made, len(units) - made.made)


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
