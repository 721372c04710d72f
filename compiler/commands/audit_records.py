"""The options of ``standards audit`` that read real records (--ssd, --annex-a), and their run."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from compiler.commands.options import DATE
from compiler.errors import StandardsError
from compiler.util.write import write_file_atomically

if TYPE_CHECKING:
    from compiler.evaluator.evaluate import Pack

_OPTIONS = (
    click.option(
        "--ssd",
        metavar="URL",
        help="Read the Standard Safeguarding Dataset here instead of CASES (see above).",
    ),
    click.option(
        "--ssd-schema",
        metavar="NAME",
        help="The database schema holding the SSD tables (SQL Server: often ssd_development).",
    ),
    click.option(
        "--annex-a",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Read Ofsted's Annex A workbook (.xlsx) instead of CASES.",
    ),
    click.option("--from", "period_from", type=DATE, help="With --ssd: the period's first day."),
    click.option("--to", "period_to", type=DATE, help="With --ssd: its last day (default --on)."),
    click.option(
        "--history",
        type=click.Path(dir_okay=False, path_type=Path),
        help="With --from: write every interval due in the period here (CSV).",
    ),
    click.option(
        "--report",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write an HTML report (on-time charts, overdue cases, rules not judged) here.",
    ),
    click.option(
        "--site-url",
        metavar="URL",
        help="With --report: the guidance site each rule links to "
        "[default: the site built beside --packs].",
    ),
)


def records_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the real-records options to a command."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def records_given(records: dict[str, object]) -> bool:
    return bool(records.get("ssd") or records.get("annex_a"))


def run_records(
    pack: Pack,
    on: date,
    out: Path | None,
    summary_json: Path | None,
    records: dict[str, Any],
    packs: Path,
) -> None:
    """Audit --ssd or --annex-a; exit 2 if they cannot be read, 1 if rows could not be judged."""
    from compiler.sources import records_audit
    from compiler.sources.annex_a_audit import audit_annex_a

    ssd, annex = records.get("ssd"), records.get("annex_a")
    if not ssd and not annex:
        _refuse("error: give CASES (a CSV of case events), --ssd URL or --annex-a FILE")
    if ssd and annex:
        _refuse("error: give --ssd or --annex-a, not both")
    start, end = records.get("period_from"), records.get("period_to")
    period = None
    if start is not None or end is not None:
        if not ssd:
            _refuse("error: --from and --to need --ssd: Annex A holds the latest dates only")
        if start is None:
            _refuse("error: --to needs --from: give the period's first day")
        period = (_day(start), _day(end) if end is not None else on)
        if period[0] > period[1]:
            _refuse(f"error: --from {period[0]} is after --to {period[1]}")
    if records.get("history") and period is None:
        _refuse("error: --history needs --from (and --to): the period to judge")
    try:
        if ssd:
            found = records_audit.audit_ssd(ssd, records.get("ssd_schema"), pack, on, period)
        else:
            found = audit_annex_a(annex, pack, on)
        if out is None:
            click.echo(found.table, nl=False)
        else:
            write_file_atomically(out, found.table)
        records_audit.write_outputs(found, records.get("history"), summary_json)
        if records.get("report"):
            from compiler.sources.audit_html import render_report

            site = records.get("site_url")
            if site is None and (packs.parent / "site" / "index.html").is_file():
                site = (packs.parent / "site").resolve().as_uri()
            write_file_atomically(records["report"], render_report(found, site))
    except StandardsError as exc:
        _refuse(f"error: {exc}")
    except OSError as exc:
        _refuse(f"error: could not write {exc.filename}: {exc.strerror}")
    for line in records_audit.problems_text(found.records.problems):
        click.echo(line, err=True)
    click.echo(records_audit.summary_text(found), err=True)
    if found.records.problems:
        sys.exit(1)


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _refuse(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(2)
