"""``standards build``: the whole pipeline, then every emitter, written atomically.

load -> validate -> model -> check (see :mod:`compiler.pipeline`), then each
emitter turns the model into files (rule packs, the site's Markdown), and the
site step runs MkDocs over the staged Markdown. Everything lands in the output
folder at once, or not at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from compiler.emit.context import BuildContext, Emitter, Files, Progress
from compiler.emit.docs import emit_docs
from compiler.emit.packs import emit_packs
from compiler.emit.site import SiteBuilt, build_site
from compiler.errors import FindingsError
from compiler.pipeline import Compiled, compile_corpus
from compiler.util.gc_pause import no_garbage_collection
from compiler.util.write import write_atomically

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


def build(
    root: Path,
    out: Path,
    *,
    site: bool = True,
    run_checks: bool = True,
    today: date | None = None,
    progress: Progress | None = None,
) -> Compiled:
    """Build rule packs (and, with ``site``, the guidance site) from ``root`` into ``out``.

    ``run_checks=False`` skips the consistency checks: rule packs hold no findings
    (the site shows them), so a packs-only build need not pay for them.
    """
    say = progress or (lambda _: None)
    today = today or build_date()
    say("reading and checking the standards" if run_checks else "reading the standards")
    with no_garbage_collection():  # many small objects, no cycles: see compiler.util.gc_pause
        compiled = compile_corpus(root, run_checks=run_checks, today=today)  # load -> ... -> check
        if compiled.blocking:
            raise FindingsError(list(compiled.blocking))  # nothing is written
        files = emit(compiled, today, site=site, progress=say)  # emit: packs, then site pages

    def finish(staging: Path) -> None:
        if site and SITE_FINISH is not None:
            say("building the site with MkDocs")
            built = SITE_FINISH(staging, out if out.is_dir() else None)
            say(
                f"site pages rendered: {built.rendered}, reused from the last build: {built.reused}"
            )

    write_atomically(out, files, finish)
    say(f"done: {out}")
    return compiled
