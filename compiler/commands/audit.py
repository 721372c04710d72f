"""``standards audit``: each case's next due dates and which are overdue, from its events."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import NoReturn

import click

from compiler.commands.audit_records import records_given, records_options, run_records
from compiler.commands.options import DATE, packs_option


@click.command(name="audit")
@click.argument(
    "cases", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--authority", required=True, help="The authority whose pack to use.")
@click.option(
    "--on",
    required=True,
    type=DATE,
    help="The date to judge on; the pack in force then is used.",
)
@packs_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the result table here instead of to standard output.",
)
@click.option(
    "--summary-json",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the summary as JSON here.",
)
@records_options
def audit_command(
    cases: Path | None,
    authority: str,
    on: datetime,
    packs: Path,
    out: Path | None,
    summary_json: Path | None,
    **records: object,
) -> None:
    """Judge every case in CASES (a CSV table of events) against the authority's rule pack.

    \b
    CASES has a header row and one row per event on a case:
      case_id,group,event,date,facts,qualifiers
      C1,child_protection,plan_start,2025-12-01,,
      C1,child_protection,statutory_visit,2025-12-19,,
      C2,child_in_care,placement_start,2025-11-03,manager_approved=true,placement_type=foster_care
    group is a group of children; event is an event that starts a clock (plan_start, visit) or
    an activity that happened (statutory_visit, visit_recording); date is YYYY-MM-DD. facts
    (name=true;name=false) and qualifiers (name=value;name=value) are optional columns; a case
    (its case_id and group) has the latest facts and qualifiers its rows state.

    \b
    What is assumed, and said in the summary:
    - an activity that happened is also the event its name implies, so a statutory_visit row
      starts the clock of "within 24 hours of the visit": statutory_visit, additional_visit,
      initial_visit, unannounced_visit and revisit_after_failed_visit imply visit;
      initial_child_protection_conference and review_conference imply
      child_protection_conference; first_core_group, core_group, cin_meeting and
      family_action_meeting imply meeting; looked_after_review implies review;
      child_and_family_assessment and early_help_assessment imply assessment_completed;
    - a row dated after --on has not happened on that day: it is listed by line and left
      out, not judged as if it had happened.

    \b
    The result (CSV, one row per case and rule that applies and has started):
      case_id,group,activity,rule,strength,clock_event,clock_started,last_done,next_due,
      status,days_overdue,binding,working_days_overdue
    status is overdue, due, done (nothing more is due) or not_started (no rule's clock has
    started for the case). Every rule that applies has a row, statutory rules beside local
    ones; binding is true on the row with the earliest next_due of the case's rules for the
    activity: the date to schedule by. days_overdue counts calendar days;
    working_days_overdue, for a rule whose timescale counts working days, the working days.
    A summary goes to standard error. A row that cannot be read is reported there with its
    line number and left out; the exit status is then 1.
    If nothing can be judged (no pack, a bad header) it says why and exits 2.

    Instead of CASES, --ssd reads the Standard Safeguarding Dataset from a database (a .duckdb
    file, a folder of ssd_*.csv or ssd_*.parquet, sqlite:///FILE or an SQLAlchemy URL such as
    postgresql+psycopg://user@host/db; pip install 'practice-standards[ssd]'), and --annex-a
    reads Ofsted's Annex A workbook (Lists 3 to 8). Both say which rules the records cannot
    judge and why. With --ssd, --from and --to judge every visit and review due in that period
    (--history: one row per interval; --report: an HTML report with charts).

    \b
    Example: standards audit cases.csv --authority st-helens --on 2026-01-09 --out result.csv
    Example: standards audit --ssd ssd.duckdb --authority walsall --on 2026-01-09
             --from 2025-04-01 --to 2025-12-31 --report audit.html
    """
    from compiler.evaluator.assumptions import assume
    from compiler.evaluator.audit import audit as run_audit
    from compiler.evaluator.audit_report import render_audit, summarise
    from compiler.evaluator.cases import CasesError, read_cases
    from compiler.evaluator.evaluate import PackError, open_pack
    from compiler.util.safe_files import UnsafeFileError, read_regular
    from compiler.util.write import write_file_atomically

    for written in (out, summary_json):
        if written is not None and _same_file(written, cases):
            _refuse(
                f"error: {written} is the table being audited: give --out and --summary-json "
                "a file of their own, so the cases are not overwritten"
            )
    try:
        pack = open_pack(packs, authority, on.date())
    except PackError as exc:
        _refuse(f"error: {exc}")
    if records_given(records) or cases is None:
        if cases is not None:
            _refuse("error: give CASES, --ssd or --annex-a, not more than one")
        run_records(pack, on.date(), out, summary_json, records, packs)
        return
    try:
        table = read_cases(read_regular(cases).decode("utf-8"), pack)
        table, assumed = assume(table, on.date(), {rule.event for rule in pack.rules})
        result = run_audit(table, pack, on.date())
    except CasesError as exc:  # the header or the whole table: line 1
        _refuse(f"{cases}:1: error: {exc}")
    except PackError as exc:
        _refuse(f"error: {exc}")
    except UnicodeDecodeError as exc:
        _refuse(f"{cases}: error: byte {exc.start} is not UTF-8; save the table as CSV (UTF-8)")
    except UnsafeFileError as exc:
        _refuse(f"{cases}: error: not read: {exc.reason}; {exc.hint}")
    except OSError as exc:
        _refuse(f"{cases}: error: cannot be read: {exc.strerror}")
    text = render_audit(result)
    summary = summarise(result)
    try:
        if out is None:
            click.echo(text, nl=False)
        else:
            write_file_atomically(out, text)
        if summary_json is not None:
            facts = {**summary.as_json(), **assumed.as_json()}
            write_file_atomically(summary_json, json.dumps(facts, indent=2) + "\n")
    except OSError as exc:
        _refuse(f"error: could not write {exc.filename}: {exc.strerror}")
    for problem in summary.unreadable:
        click.echo(problem.render(cases), err=True)
    click.echo(
        summary.text(str(cases), on.date().isoformat(), f"{authority} {pack.name}"), err=True
    )
    for line in assumed.lines(on.date()):
        click.echo(line, err=True)
    if summary.unreadable:
        sys.exit(1)


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (through links, or by different spellings)."""
    try:
        return first.exists() and first.samefile(second)
    except OSError:
        return False


def _refuse(message: str) -> NoReturn:
    """Nothing could be judged: say why and exit 2, writing nothing."""
    click.echo(message, err=True)
    sys.exit(2)
