"""Bank holidays kept between runs give exactly the ``holidays`` package's answer, or are not used.

The kept file only saves ``standards check`` the package's import; whatever is in it, the working
days counted must be those of the package itself (the reference here, asked directly).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from compiler import calendar
from compiler.calendar import YEARS, _bank_holidays
from tests.conftest import ROOT


def _reference(years: range = YEARS) -> tuple:
    return tuple(sorted(holidays.country_holidays("GB", subdiv="ENG", years=years).items()))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STANDARDS_CACHE_DIR", str(tmp_path))
    _bank_holidays.cache_clear()
    yield tmp_path
    _bank_holidays.cache_clear()


def _kept_files(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def test_the_first_run_keeps_the_packages_answer_and_the_next_reads_it(cache: Path) -> None:
    assert _bank_holidays("england-and-wales", YEARS) == _reference()
    [kept] = _kept_files(cache)
    assert "holidays-" in str(kept.parent) and "GB-ENG-2000-2070" in kept.name
    _bank_holidays.cache_clear()
    assert _bank_holidays("england-and-wales", YEARS) == _reference()


@pytest.mark.parametrize(
    "spoilt",
    [
        b"",
        b'[["2025-12-25", "Christmas Day"]',  # cut short
        b"{}",
        b"[]",
        b'[["2025-02-30", "no such day"]]',
        b'[["1999-12-25", "Christmas Day"]]',  # outside the years
        b'[[20251225, "Christmas Day"]]',
        b"\xff\xfe not json",
    ],
)
def test_a_spoilt_kept_file_is_worked_out_again_and_replaced(cache: Path, spoilt: bytes) -> None:
    _bank_holidays("england-and-wales", YEARS)
    [kept] = _kept_files(cache)
    kept.write_bytes(spoilt)
    _bank_holidays.cache_clear()
    assert _bank_holidays("england-and-wales", YEARS) == _reference()
    assert json.loads(kept.read_bytes())[0] == ["2000-01-01", "New Year's Day"]


def test_a_kept_file_missing_a_year_is_not_used(cache: Path) -> None:
    _bank_holidays("england-and-wales", YEARS)
    [kept] = _kept_files(cache)
    entries = [entry for entry in json.loads(kept.read_bytes()) if not entry[0].startswith("2026")]
    kept.write_text(json.dumps(entries), encoding="utf-8")
    _bank_holidays.cache_clear()
    assert _bank_holidays("england-and-wales", YEARS) == _reference()


def test_a_cache_folder_that_cannot_be_written_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("STANDARDS_CACHE_DIR", str(blocked))
    _bank_holidays.cache_clear()
    try:
        assert _bank_holidays("england-and-wales", YEARS) == _reference()
    finally:
        _bank_holidays.cache_clear()
    assert blocked.read_text(encoding="utf-8") == ""


def test_working_days_counted_from_kept_holidays_are_the_packages(cache: Path) -> None:
    calendar._load.cache_clear()
    first = calendar.load_calendar("england-and-wales")
    calendar._load.cache_clear()
    _bank_holidays.cache_clear()
    again = calendar.load_calendar("england-and-wales")  # from the kept file
    calendar._load.cache_clear()
    assert first.non_working == again.non_working
    assert {day for day, _ in _reference()} <= set(again.non_working)


def test_a_check_with_kept_holidays_does_not_import_the_package(tmp_path: Path) -> None:
    one_file = ROOT / "standards" / "gloucestershire" / "home-visiting" / "1.0.yaml"
    run = """
import sys
sys.argv = ["standards", "check", sys.argv[1]]
from compiler.cli import main
try:
    main()
except SystemExit:
    pass
print("holidays" in sys.modules)
"""
    environment = {"STANDARDS_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    said = [
        subprocess.run(
            [sys.executable, "-c", run, str(one_file)],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
        for _ in range(2)
    ]
    assert said == ["True", "False"]  # the first run works them out and keeps them
