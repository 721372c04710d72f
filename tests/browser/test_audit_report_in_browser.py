"""The audit's HTML report in a real browser: no WCAG violations (axe), it prints, and an id that
looks like markup stays text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate_ssd import generate_ssd, write_sqlite
from compiler.evaluator.evaluate import open_pack
from compiler.sources.audit_html import render_report
from compiler.sources.records_audit import audit_ssd
from tests.browser.conftest import AXE_VERSION, axe_violations, serve_folder

ON = date(2026, 1, 9)
HOSTILE = '<img src=x onerror="window.pwned=1">'


@pytest.fixture(scope="module")
def report_url(packs: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("report")
    tables = generate_ssd(150, until=ON, seed=5)
    teams = tables["ssd_cin_plans"]["cinp_cin_plan_team"]
    teams[: len(teams) // 2] = [HOSTILE] * (len(teams) // 2)  # records' text is escaped too
    write_sqlite(tables, folder / "ssd.sqlite")
    pack = open_pack(packs, "gloucestershire", ON)
    found = audit_ssd(f"sqlite:///{folder / 'ssd.sqlite'}", None, pack, ON, (date(2025, 4, 1), ON))
    (folder / "report.html").write_text(render_report(found), encoding="utf-8")
    server = serve_folder(folder)
    yield f"http://127.0.0.1:{server.server_address[1]}/report.html"
    server.shutdown()


def test_axe_finds_no_wcag_violations_in_the_report(page: Any, report_url: str) -> None:
    page.goto(report_url)
    assert page.locator("svg[role=img]").count() >= 4  # overdue by rule; on time by month...
    violations = axe_violations(page)
    assert violations == [], f"axe-core {AXE_VERSION} on the audit report: {violations}"


def test_every_chart_has_a_text_alternative_and_a_table_of_its_figures(
    page: Any, report_url: str
) -> None:
    page.goto(report_url)
    charts = page.locator("figure svg[role=img]")
    for index in range(charts.count()):
        label = charts.nth(index).get_attribute("aria-label") or ""
        assert any(c.isdigit() for c in label)  # the figures, not just a title
        caption = label.split(":")[0]
        assert page.locator("table caption", has_text=caption).count() == 1, caption


def test_the_report_prints_and_an_id_that_looks_like_markup_runs_nothing(
    page: Any, report_url: str
) -> None:
    page.goto(report_url)
    assert page.evaluate("window.pwned") is None
    assert page.get_by_text(HOSTILE).count() >= 1
    page.emulate_media(media="print")
    colour = page.evaluate("getComputedStyle(document.querySelector('header')).color")
    assert colour == "rgb(0, 0, 0)"
    assert page.pdf()[:4] == b"%PDF"
