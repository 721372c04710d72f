"""``standards audit --ssd`` end to end: outputs, exit codes and messages, never a traceback."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.generate_ssd import generate_ssd, write_duckdb
from compiler.cli import standards
from tests.ssd_tables import sqlite_of

ON = date(2026, 1, 9)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ssd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ssd") / "ssd.duckdb"
    write_duckdb(generate_ssd(120, until=ON, seed=3), path)
    return path


def run(packs: Path, *arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        standards,
        ["audit", "--authority", "walsall", "--on", ON.isoformat(), "--packs", str(packs),
         *arguments],
    )  # fmt: skip
    return result.exit_code, result.stdout, result.stderr


def test_a_full_audit_writes_the_table_history_summary_and_report(
    ssd: Path, packs: Path, tmp_path: Path
) -> None:
    code, out, err = run(
        packs, "--ssd", str(ssd), "--from", "2025-04-01", "--to", "2025-12-31",
        "--history", str(tmp_path / "h.csv"), "--report", str(tmp_path / "r.html"),
        "--summary-json", str(tmp_path / "s.json"), "--out", str(tmp_path / "o.csv"),
    )  # fmt: skip
    assert code == 0, err
    assert out == ""
    table = list(csv.DictReader(io.StringIO((tmp_path / "o.csv").read_text(encoding="utf-8"))))
    assert {r["status"] for r in table} >= {"due", "overdue"}
    history = (tmp_path / "h.csv").read_text(encoding="utf-8").splitlines()
    assert history[0].startswith("case_id,person,group,team,worker,activity,rule")
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    why = {u["rule"]: u["why"] for u in summary["rules_not_judged"]}
    assert why["england/working-together/first-core-group"] == (
        "the SSD has no date of first_core_group for child_protection"
    )
    assert "private_fostering" in why["england/private-fostering-regulations-2005/reg-8-visits"]
    assert summary["history"]["late"] == sum(line.endswith(",late") for line in history)
    shares = {(s["by"], s["value"]) for s in summary["history"]["shares"]}
    assert ("month", "2025-06") in shares and ("team", "Children in Care") in shares
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "no personal data beyond the case and person ids" in report
    assert '<svg role="img"' in report and "<caption>On time by month due</caption>" in report
    assert "cannot be judged" in err and "interval(s) due" in err


def test_a_row_that_cannot_be_judged_is_named_and_exits_1(packs: Path, tmp_path: Path) -> None:
    url = sqlite_of(
        {
            "ssd_cp_plans": [("C1", "P1", date(2025, 12, 1), None)],
            "ssd_cp_visits": [("V1", "P1", "C1", "2025-02-30", "Y", "Y")],
        },
        tmp_path / "ssd.sqlite",
    )
    code, out, err = run(packs, "--ssd", url)
    assert code == 1
    assert "ssd_cp_visits V1: no cppv_cp_visit_date (or not a date)" in err
    # Walsall sets no visiting rule for child protection (national guidance sets none), and the
    # review conference counts from an initial conference the records do not have: not started.
    assert "C1,child_protection,,,,,,,,not_started," in out


def test_a_table_without_a_column_of_the_ssd_exits_2_naming_both(
    packs: Path, tmp_path: Path
) -> None:
    import sqlite3

    connection = sqlite3.connect(tmp_path / "ssd.sqlite")
    connection.execute("CREATE TABLE ssd_cp_plans (cppl_cp_plan_id, cppl_person_id)")
    connection.commit()
    code, _, err = run(packs, "--ssd", f"sqlite:///{tmp_path / 'ssd.sqlite'}")
    assert code == 2
    assert "the table ssd_cp_plans has no column cppl_cp_plan_start_date" in err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--ssd", "/no/such.duckdb"], "no database at /no/such.duckdb"),
        (["--ssd", "sqlite:////no/such.sqlite"], "no SQLite database at /no/such.sqlite"),
        (["--ssd", "x.duckdb", "--annex-a", __file__], "not both"),
        (["--from", "2025-01-01"], "give CASES (a CSV of case events), --ssd URL or --annex-a"),
        (["--ssd", "x", "--to", "2025-01-01"], "--to needs --from"),
        (["--ssd", "x", "--from", "2025-06-01", "--to", "2025-01-01"], "is after --to"),
        (["--ssd", "x", "--history", "h.csv"], "--history needs --from"),
        (["--ssd", "nosuchdriver://u@h/db"], "cannot connect to the database"),
    ],
)
def test_usage_errors_exit_2_with_what_to_do(
    packs: Path, arguments: list[str], message: str
) -> None:
    code, _, err = run(packs, *arguments)
    assert code == 2, err
    assert message in err
    assert "Traceback" not in err


def test_without_the_ssd_extra_it_says_what_to_install_and_build_still_works(
    ssd: Path, tmp_path: Path
) -> None:
    blocked = (
        "import sys\n"
        "for name in ('duckdb', 'sqlalchemy', 'openpyxl', 'psycopg'):\n"
        "    sys.modules[name] = None\n"
        "from compiler.cli import main\n"
        "sys.argv = ['standards', *sys.argv[1:]]\n"
        "main()\n"
    )
    script = tmp_path / "blocked.py"
    script.write_text(blocked, encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    built = subprocess.run(
        [sys.executable, str(script), "build", str(ROOT / "standards" / "walsall"), "--no-site",
         "--quiet", "--out", str(tmp_path / "build")],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    audited = subprocess.run(
        [sys.executable, str(script), "audit", "--ssd", str(ssd), "--authority", "walsall",
         "--on", ON.isoformat(), "--packs", str(tmp_path / "build" / "packs")],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    assert audited.returncode == 2
    assert "pip install 'practice-standards[ssd]'" in audited.stderr


def test_the_readme_shows_the_mapping_the_code_declares() -> None:
    from compiler.sources.ssd_mapping import describe

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- ssd-mapping:start -->")[1].split("<!-- ssd-mapping:end -->")[0]
    assert block.strip() == describe().strip()


def test_every_rule_in_the_report_links_to_its_statement_on_the_site(
    ssd: Path, bundled_site: Path, tmp_path: Path
) -> None:
    import re

    packs = bundled_site / "packs"
    code, _, err = run(packs, "--ssd", str(ssd), "--report", str(tmp_path / "r.html"))
    assert code == 0, err
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    links = set(re.findall(r'<a href="([^"]+)">', report))
    assert links
    site = (bundled_site / "site").resolve().as_uri()
    for link in links:
        assert link.startswith(site + "/")
        page, anchor = link.removeprefix(site + "/").split("#")
        html = (bundled_site / "site" / page).read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, link


def test_a_database_without_any_ssd_table_exits_2(packs: Path, tmp_path: Path) -> None:
    import sqlite3

    folder = tmp_path / "a folder?#with odd name"
    folder.mkdir()
    sqlite3.connect(folder / "other.sqlite").execute("CREATE TABLE people (id)").connection.commit()
    code, _, err = run(packs, "--ssd", f"sqlite:///{folder / 'other.sqlite'}")
    assert code == 2
    assert "no SSD case table found (looked for ssd_cp_plans, ssd_cin_plans" in err
    assert "--ssd-schema" in err
    code, _, err = run(packs, "--ssd", str(folder))  # a folder with no ssd_*.csv
    assert code == 2
    assert "no SSD case table found" in err


def test_sql_server_without_its_driver_says_what_to_install(
    packs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyodbc", None)  # as on a machine without it
    url = "mssql+pyodbc://user:secret@server/ssd?driver=ODBC+Driver+18+for+SQL+Server"
    code, _, err = run(packs, "--ssd", url, "--ssd-schema", "ssd_development")
    assert code == 2
    assert "SQL Server needs pyodbc and Microsoft's ODBC driver" in err


def test_a_folder_of_csv_tables_with_english_dates_is_read(packs: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ssd"
    folder.mkdir()
    (folder / "ssd_cin_plans.csv").write_text(
        "cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date,cinp_cin_plan_end_date,"
        "cinp_cin_plan_team,cinp_cin_plan_worker_id\n"
        "N1, P1 ,01/12/2025,,Team A,W1\n",
        encoding="utf-8",
    )
    (folder / "ssd_cin_visits.csv").write_text(
        "cinv_cin_visit_id,cinv_person_id,cinv_cin_visit_date,cinv_cin_visit_seen\n"
        "V1,P1,22/12/2025,Y\nV2,P1,31/11/2025,Y\n",
        encoding="utf-8",
    )
    code, out, err = run(packs, "--ssd", str(folder))
    assert code == 1  # V2: 31 November does not exist
    assert "ssd_cin_visits V2: no cinv_cin_visit_date (or not a date)" in err
    # Walsall: a child in need is seen every six weeks: 22 December + 6 weeks = 2 February.
    assert (
        "N1,child_in_need,statutory_visit,walsall/cin-visits-and-reviews/cin-home-visits,"
        "must,plan_start,2025-12-01,2025-12-22,2026-02-02,due,0" in out
    )


def test_a_missing_table_makes_its_rules_unjudged_not_overdue(packs: Path, tmp_path: Path) -> None:
    import sqlite3

    from benchmarks.generate_ssd import COLUMNS

    episode = ("E1", "P1", "LA1", date(2025, 9, 1), None, date(2025, 9, 1))
    url = sqlite_of({"ssd_cla_episodes": [episode]}, tmp_path / "ssd.sqlite")
    connection = sqlite3.connect(tmp_path / "ssd.sqlite")
    connection.execute("DROP TABLE ssd_cla_reviews")
    connection.commit()
    assert "ssd_cla_reviews" in COLUMNS
    result = CliRunner().invoke(
        standards,
        ["audit", "--ssd", url, "--authority", "walsall", "--on", ON.isoformat(), "--packs",
         str(packs), "--summary-json", str(tmp_path / "s.json")],
    )  # fmt: skip
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    why = {u["rule"]: u["why"] for u in summary["rules_not_judged"]}
    reviews = "england/care-planning-regulations-2010/reg-33-reviews"
    assert why[reviews] == "the SSD has no date of looked_after_review for child_in_care"
    assert reviews not in result.stdout
    assert "ssd_cla_reviews" in summary["tables_missing"]
