"""Word, HTML and PDF renderings of a hand-encoded document, for measuring the importer.

The bundled sources are text extractions; authorities publish Word files and
web pages. These renderings put the hand-encoded statements back into those
formats the way authorities lay them out: the title and section headings as
headings, statements as paragraphs, and a section whose statements are mostly
"group: frequency" as a two-column table with a heading row. The HTML page is
wrapped in the furniture of a council site (navigation, a cookie banner, a
script, a footer), which the importer must leave out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

TABLE_HEADINGS = ("Children", "Minimum frequency of visits")
_ROW = re.compile(r"^([^:]{3,120}): (.+)$", re.S)


def _in_force(section: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [s for s in section["statements"] if "withdrawn" not in s]


def _as_table(section: Mapping[str, Any]) -> bool:
    """True if most of the section's statements read "group: frequency" (a table row)."""
    statements = _in_force(section)
    rows = sum(1 for s in statements if _ROW.match(s["text"]))
    return len(statements) >= 3 and rows * 3 >= len(statements) * 2


def _pieces(document: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """("title"|"heading"|"paragraph"|"table", content) in the document's order."""
    yield "title", document["title"]
    for section in document["sections"]:
        yield "heading", section["title"]
        if _as_table(section):
            rows = []
            for statement in _in_force(section):
                match = _ROW.match(statement["text"])
                rows.append((match.group(1), match.group(2)) if match else (statement["text"], ""))
            yield "table", rows
        else:
            for statement in _in_force(section):
                yield "paragraph", statement["text"]


def render_html(document: Mapping[str, Any]) -> bytes:
    """The document as a council web page, furniture and all."""
    body = []
    for kind, content in _pieces(document):
        if kind == "title":
            body.append(f"<h1>{html.escape(content)}</h1>")
        elif kind == "heading":
            body.append(f"<h2>{html.escape(content)}</h2>")
        elif kind == "paragraph":
            body.append(f"<p>{html.escape(content)}</p>")
        else:
            cells = "".join(f"<th>{html.escape(h)}</th>" for h in TABLE_HEADINGS)
            lines = [f"<table><thead><tr>{cells}</tr></thead><tbody>"]
            for group, frequency in content:
                lines.append(
                    f"<tr><td>{html.escape(group)}</td><td>{html.escape(frequency)}</td></tr>"
                )
            body.append("\n".join([*lines, "</tbody></table>"]))
    page = (
        "<!DOCTYPE html><html lang='en'><head><title>Council</title>"
        "<style>body{font-family:sans-serif}</style>"
        "<script>document.write('Every 2 weeks, says the script')</script></head><body>"
        "<div class='cookie-banner'>We use cookies within 24 hours of your visit.</div>"
        "<header><a href='/'>Home</a></header>"
        "<nav><ul><li>Children's services</li><li>Visit us every week</li></ul></nav>"
        "<div class='breadcrumb'>Home &gt; Procedures</div>"
        "<main>" + "\n".join(body) + "</main>"
        "<footer>Last reviewed every 12 months. Copyright</footer>"
        "<script>alert('within 5 days')</script></body></html>"
    )
    return page.encode("utf-8")


def render_docx(document: Mapping[str, Any], path: Path) -> Path:
    """The document as a Word file (python-docx, from the `import` extra)."""
    import docx

    word = docx.Document()
    for kind, content in _pieces(document):
        if kind == "title":
            word.add_heading(content, level=0)
        elif kind == "heading":
            word.add_heading(content, level=1)
        elif kind == "paragraph":
            word.add_paragraph(content)
        else:
            table = word.add_table(rows=1, cols=2)
            for cell, heading in zip(table.rows[0].cells, TABLE_HEADINGS, strict=True):
                cell.paragraphs[0].add_run(heading).bold = True
            for group, frequency in content:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = group, frequency
    word.save(str(path))
    return path


def render_pdf(lines: list[str], path: Path) -> Path:
    """A one-font PDF with a text layer holding ``lines`` (a blank line between paragraphs).

    Written by hand (the PDF format's text operators), since no PDF writer is a
    dependency; only for tests and measurements.
    """
    pages: list[list[str]] = [lines[i : i + 50] for i in range(0, len(lines), 50)] or [[]]
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for page in pages:
        text = ["BT /F1 10 Tf 40 800 Td 14 TL"]
        for line in page:
            safe = line.encode("latin-1", "replace").decode("latin-1")
            safe = safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            text.append(f"({safe}) Tj T*")
        text.append("ET")
        stream = "\n".join(text).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b">> >> >> >>" % content
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path
