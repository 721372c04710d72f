"""The browser tests' session: the bundled site served on localhost, and Debian's Chromium.

Chromium is a system package (``apt-get install -y chromium``; ``.ci/run`` installs it).
If it is missing these tests fail with that instruction: an accessibility test that
silently skips proves nothing.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_VERSION = "4.14.1"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def serve_folder(folder: Path) -> ThreadingHTTPServer:
    """Serve ``folder`` on a free port of 127.0.0.1 from a daemon thread."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_url(bundled_site: Path) -> Iterator[str]:
    """The bundled site over http, as a reader (and the search worker) gets it."""
    server = serve_folder(bundled_site / "site")
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def diff_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The diff fixture corpus built and served: the bundled one has no document with two
    versions, so it has no "what changed" page."""
    from compiler.build import build
    from tests.conftest import FIXTURES, SITE_DATE

    out = tmp_path_factory.mktemp("diff-site") / "build"
    build(FIXTURES / "diff" / "corpus", out, today=SITE_DATE)
    server = serve_folder(out / "site")
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


NATIONAL_AUTHORITIES = 20
"""The generated corpus the browser tests also read: enough authorities that a page which
grew with their number (a menu of all of them, a row each) would show it."""


@pytest.fixture(scope="session")
def national_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus of 20 authorities (benchmarks/generate_corpus.py), built: its site/."""
    from benchmarks.generate_corpus import generate_corpus
    from compiler.build import build
    from tests.conftest import SITE_DATE

    folder = tmp_path_factory.mktemp("national-site")
    corpus = generate_corpus(folder / "corpus", NATIONAL_AUTHORITIES)
    build(corpus, folder / "build", today=SITE_DATE)
    return folder / "build" / "site"


@pytest.fixture(scope="session")
def national_site_url(national_site: Path) -> Iterator[str]:
    """The generated national site over http."""
    server = serve_folder(national_site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by playwright (no browser download)."""
    chromium = CHROMIUM if CHROMIUM.exists() else None
    if chromium is None and shutil.which("chromium"):
        chromium = Path(str(shutil.which("chromium")))
    if chromium is None:
        pytest.fail(
            "Chromium is not installed: the browser tests need Debian's chromium package. "
            "Install it with `apt-get install -y chromium` (.ci/run does this), then run again."
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: run `pip install '.[test]'`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the open page with the WCAG 2.2 A and AA rules; its violations."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }));
        }""",
        WCAG_TAGS,
    )
