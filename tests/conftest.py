"""Shared helpers for the project's tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


SITE_DATE = date(2026, 1, 15)
"""The date the test builds are made for: review dates before it have passed (the trust's
1 October 2025), and the at-a-glance tables do not change as the calendar moves on."""


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus built once per test session (packs, pages and HTML)."""
    from compiler.build import build

    out = tmp_path_factory.mktemp("bundled") / "build"
    build(ROOT / "standards", out, today=SITE_DATE)
    return out


PACKS_DATE = date(2025, 6, 2)
"""The date the shared packs build is made for."""


@pytest.fixture(scope="session")
def packs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus's rule packs (no site, no checks), built once per test session."""
    from compiler.build import build

    out = tmp_path_factory.mktemp("packs") / "build"
    build(ROOT / "standards", out, site=False, run_checks=False, today=PACKS_DATE)
    return out / "packs"
