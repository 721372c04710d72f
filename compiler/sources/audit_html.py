"""The audit as one HTML page: on-time charts with their data, overdue cases, what was not judged.

A manager reads it on screen or on paper. Every chart is an SVG with a text
alternative and the table of its figures beside it (WCAG: information is
never in a picture alone); every overdue case names the rule, the document,
the statement and the quoted words that set its timescale. The page holds
the ids of the input and nothing else about a child, and says so. Every value
is escaped; the page needs no network and no script.
"""

from __future__ import annotations

import csv
import io
from html import escape
from urllib.parse import quote

from compiler.evaluator.audit_history import Share, shares
from compiler.sources.source_audit import SourceAudit

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:0}
header{background:#3f51b5;color:#fff;padding:1rem 2rem}main{padding:1rem 2rem;max-width:70rem}
h1{font-size:1.6rem;margin:0}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;font-size:.9rem}
th{background:#eef}td{vertical-align:top}.day{white-space:nowrap}.late{color:#a00000}
.note{background:#fff8e1;padding:.5rem 1rem;
border-left:4px solid #b26a00}figure{margin:0 0 1rem}svg text{font-size:11px;fill:#1b1b1b}
@media print{header{background:none;color:#000}main{padding:0}a{color:#000}
figure,table{break-inside:avoid}}
"""


def render_report(found: SourceAudit, site: str | None = None) -> str:
    """The report for one audit, as a complete HTML document.

    With ``site`` (the guidance site's address), each rule links to the statement whose
    words set its timescale: ``SITE/<authority>/<document>/<version>.html#<statement>``.
    """
    title = f"Audit of case records: {found.pack.authority}, {found.on.isoformat()}"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<header><h1>{escape(title)}</h1></header><main>",
        '<p class="note">This report holds no personal data beyond the case and person ids of '
        "the input records: no names, addresses or dates of birth. Keep it as you keep the "
        "records it was made from.</p>",
        f"<p>Records: {escape(found.source)}. Pack: {escape(found.pack.authority)} "
        f"{escape(found.pack.name)}. Judged on {found.on.isoformat()}.</p>",
    ]
    parts += _snapshot(found, site)
    if found.period:
        parts += _history(found, site)
    parts += _unjudged(found)
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _snapshot(found: SourceAudit, site: str | None) -> list[str]:
    snap = found.summary
    rules = {rule.id: rule for rule in found.pack.rules}
    lines = [
        "<h2>Overdue on the day judged</h2>",
        f"<p>{snap['cases']} open case(s); {snap['cases_overdue']} overdue on at least one "
        "rule.</p>",
    ]
    overdue = [
        row for row in csv.DictReader(io.StringIO(found.table)) if row["status"] == "overdue"
    ]
    if not overdue:
        return [*lines, "<p>No case is overdue.</p>"]
    by_rule: dict[str, int] = {}
    for row in overdue:
        by_rule[row["rule"]] = by_rule.get(row["rule"], 0) + 1
    lines += _count_chart("Overdue cases by rule", sorted(by_rule.items()))
    lines.append(
        "<table><caption>Overdue cases, most overdue first</caption><thead><tr>"
        '<th scope="col">Case</th><th scope="col">Group</th><th scope="col">Activity</th>'
        '<th scope="col">Due</th><th scope="col">Days overdue</th>'
        '<th scope="col">Rule and the words that set it</th></tr></thead><tbody>'
    )
    for row in sorted(overdue, key=lambda r: (-int(r["days_overdue"]), r["case_id"]))[:500]:
        lines.append(
            f"<tr><td>{escape(row['case_id'])}</td><td>{escape(row['group'])}</td>"
            f'<td>{escape(row["activity"])}</td><td class="day">{escape(row["next_due"])}</td>'
            f'<td class="late">{escape(row["days_overdue"])}</td>'
            f"<td>{_provenance(rules.get(row['rule']), row['rule'], site)}</td></tr>"
        )
    lines.append("</tbody></table>")
    if len(overdue) > 500:
        lines.append(f"<p>and {len(overdue) - 500} more in the CSV output.</p>")
    return lines


def _provenance(rule: object, rule_id: str, site: str | None) -> str:
    if rule is None:
        return escape(rule_id)
    where = rule.provenance  # type: ignore[attr-defined]
    name = f"<strong>{escape(rule_id)}</strong>"
    if site:
        path = "/".join(quote(where.get(k, "")) for k in ("authority", "document", "version"))
        href = f"{site.rstrip('/')}/{path}.html#{quote(where.get('statement', ''))}"
        name = f'<a href="{escape(href)}">{name}</a>'
    return (
        f"{name}: {escape(where.get('document_title', ''))} "
        f"{escape(where.get('version', ''))}, statement {escape(where.get('statement', ''))}: "
        f"&ldquo;{escape(where.get('words', ''))}&rdquo;"
    )


def _history(found: SourceAudit, site: str | None) -> list[str]:
    start, end = found.period  # type: ignore[misc]
    all_shares = shares(found.intervals)
    late = [i for i in found.intervals if i.late]
    lines = [
        f"<h2>{start.isoformat()} to {end.isoformat()}: visits and reviews on time</h2>",
        f"<p>{len(found.intervals)} interval(s) due in the period; {len(late)} late.</p>",
    ]
    for by, caption in (
        ("month", "On time by month due"),
        ("group", "On time by group of children"),
        ("activity", "On time by activity"),
        ("team", "On time by team"),
    ):
        chosen = [s for s in all_shares if s.by == by]
        if chosen:
            lines += _chart(caption, chosen)
    worker = [s for s in all_shares if s.by == "worker"]
    if worker:
        lines += _table("On time by worker", worker)
    if late:
        rules = {rule.id: rule for rule in found.pack.rules}
        lines.append(
            "<table><caption>Late intervals, longest first (first 200; all are in --history)"
            '</caption><thead><tr><th scope="col">Case</th><th scope="col">Activity</th>'
            '<th scope="col">Since</th><th scope="col">Due</th><th scope="col">Done</th>'
            '<th scope="col">Days late</th><th scope="col">Rule</th></tr></thead><tbody>'
        )
        for i in sorted(late, key=lambda i: (-i.days_late, i.case_id, i.due))[:200]:
            lines.append(
                f"<tr><td>{escape(i.case_id)}</td><td>{escape(i.activity)}</td>"
                f'<td class="day">{i.since.isoformat()}</td>'
                f'<td class="day">{i.due.isoformat()}</td>'
                f"<td>{i.done.isoformat() if i.done else 'not by ' + i.end_of_period.isoformat()}"
                f'</td><td class="late">{i.days_late}</td>'
                f"<td>{_provenance(rules.get(i.rule.id), i.rule.id, site)}</td></tr>"
            )
        lines.append("</tbody></table>")
    return lines


def _count_chart(caption: str, counts: list[tuple[str, int]]) -> list[str]:
    """A bar chart of counts, with its figures in a table after it."""
    width, bar, gap = 640, 18, 6
    height = len(counts) * (bar + gap) + 10
    most = max(count for _, count in counts) or 1
    alt = f"{caption}: " + "; ".join(f"{name} {count}" for name, count in counts)
    svg = [
        f'<figure><svg role="img" aria-label="{escape(alt)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    for row, (name, count) in enumerate(counts):
        y = 5 + row * (bar + gap)
        length = round(300 * count / most)
        svg.append(
            f'<text x="0" y="{y + 13}">{escape(name.split("/")[-1][:38])}</text>'
            f'<rect x="270" y="{y}" width="{length}" height="{bar}" fill="#a00000"></rect>'
            f'<text x="{275 + length}" y="{y + 13}">{count}</text>'
        )
    svg.append(f"</svg><figcaption>{escape(caption)} (figures below)</figcaption></figure>")
    body = "".join(
        f'<tr><th scope="row">{escape(name)}</th><td>{count}</td></tr>' for name, count in counts
    )
    return [
        "".join(svg),
        f'<table><caption>{escape(caption)}</caption><thead><tr><th scope="col">Rule</th>'
        f'<th scope="col">Cases overdue</th></tr></thead><tbody>{body}</tbody></table>',
    ]


def _chart(caption: str, chosen: list[Share]) -> list[str]:
    """A bar chart of on-time percentages, with its figures in a table after it."""
    width, bar, gap = 640, 18, 6
    height = len(chosen) * (bar + gap) + 10
    alt = f"{caption}: " + "; ".join(f"{s.value} {s.rate:.0%}" for s in chosen)
    svg = [
        f'<figure><svg role="img" aria-label="{escape(alt)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    for row, s in enumerate(chosen):
        y = 5 + row * (bar + gap)
        length = round(400 * s.rate)
        svg.append(
            f'<text x="0" y="{y + 13}">{escape(s.value[:22])}</text>'
            f'<rect x="170" y="{y}" width="{length}" height="{bar}" fill="#3f51b5"></rect>'
            f'<text x="{175 + length}" y="{y + 13}">{s.rate:.0%}</text>'
        )
    svg.append(f"</svg><figcaption>{escape(caption)} (figures below)</figcaption></figure>")
    return ["".join(svg), *_table(caption, chosen)]


def _table(caption: str, chosen: list[Share]) -> list[str]:
    rows = "".join(
        f'<tr><th scope="row">{escape(s.value)}</th><td>{s.on_time}</td><td>{s.late}</td>'
        f"<td>{s.rate:.1%}</td></tr>"
        for s in chosen
    )
    return [
        f'<table><caption>{escape(caption)}</caption><thead><tr><th scope="col">'
        f'{escape(chosen[0].by)}</th><th scope="col">On time</th><th scope="col">Late</th>'
        f'<th scope="col">Share on time</th></tr></thead><tbody>{rows}</tbody></table>'
    ]


def _unjudged(found: SourceAudit) -> list[str]:
    lines = []
    if found.notes:
        lines.append("<h2>What was read</h2><ul>")
        lines += [f"<li>{escape(note)}</li>" for note in found.notes]
        lines.append("</ul>")
    lines.append("<h2>What these records cannot judge</h2>")
    if found.judged.unjudged:
        lines.append("<ul>")
        lines += [
            f"<li><strong>{escape(u.rule)}</strong>: {escape(u.reason)}</li>"
            for u in found.judged.unjudged
        ]
        lines.append("</ul>")
    if found.judged.readings:
        lines.append("<ul>")
        lines += [f"<li>{escape(u.rule)}: {escape(u.reason)}</li>" for u in found.judged.readings]
        lines.append("</ul>")
    problems = found.records.problems
    lines.append(f"<p>{len(problems)} row(s) could not be judged.</p>")
    if problems:
        lines.append(
            '<table><caption>Rows not judged (first 200)</caption><thead><tr><th scope="col">'
            'Table</th><th scope="col">Key</th><th scope="col">Why</th></tr></thead><tbody>'
        )
        lines += [
            f"<tr><td>{escape(p.table)}</td><td>{escape(p.key)}</td><td>{escape(p.reason)}</td></tr>"
            for p in problems[:200]
        ]
        lines.append("</tbody></table>")
    return lines
