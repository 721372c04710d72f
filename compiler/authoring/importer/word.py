"""Reading a Word ``.docx`` file into blocks, with python-docx.

python-docx (maintained since 2013, pure Python over lxml) gives the body in
order with each paragraph's style, so headings ("Heading 2", "Title"),
numbered and bulleted lists ("List Bullet", or a paragraph with numbering) and
tables come through as the author made them. A ``.docx`` is a zip file: it is
refused before opening if it would unpack to more than a standards document
could hold (a zip bomb), and macros (``vbaProject.bin``, only in ``.docm``)
are never run, only reported.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from compiler.authoring.importer.blocks import Block, UnreadableDocument, clean, strip_bullet

MOST_UNPACKED_BYTES = 200_000_000
"""A Word file that unpacks to more than this is refused (pictures included, 200 MB is ample)."""


def read_word(path: Path) -> tuple[list[Block], list[str]]:
    """The blocks of a ``.docx`` file, and notes on what was left out (macros)."""
    notes = _inspect(path)
    import docx  # the `import` extra: loaded only when a Word file is imported
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as unreadable:  # python-docx raises many kinds for a damaged file
        raise UnreadableDocument(
            f"{path}: not a Word document python-docx can read ({unreadable}); save it again "
            "from Word as .docx"
        ) from None
    names = {style.style_id: style.name or "" for style in document.styles}
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph(item, names)
            if block is not None:
                blocks.append(block)
        elif isinstance(item, Table):
            blocks.extend(_table(item))
    return blocks, notes


def _inspect(path: Path) -> list[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as bad:
        raise UnreadableDocument(
            f"{path}: not a Word .docx file ({bad}); an old .doc file must be saved as .docx"
        ) from None
    if sum(entry.file_size for entry in entries) > MOST_UNPACKED_BYTES:
        raise UnreadableDocument(
            f"{path}: the file would unpack to more than {MOST_UNPACKED_BYTES // 1_000_000} MB, "
            "far more than a standards document; it was not opened"
        )
    if any(entry.filename.lower().endswith("vbaproject.bin") for entry in entries):
        return ["the Word file holds macros; they were ignored (never run), only its text was read"]
    return []


def _paragraph(paragraph: object, names: dict[str, str]) -> Block | None:
    """A heading, list item or paragraph, by the paragraph's style.

    The style is looked up by its id in ``names`` (python-docx's own lookup
    searches every style for each paragraph: 3 s for a 60-page document).
    """
    text = clean(paragraph.text)  # type: ignore[attr-defined]
    if not text:
        return None
    style = names.get(paragraph._p.style or "", "")  # type: ignore[attr-defined]
    if style == "Title":
        return Block("heading", text, 1)
    if style.startswith("Heading"):
        level = style.removeprefix("Heading").strip()
        return Block("heading", text, int(level) + 1 if level.isdigit() else 2)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None  # type: ignore[attr-defined]
    if style.startswith("List") or numbered:
        return Block("item", strip_bullet(text)[0])
    words, bulleted = strip_bullet(text)
    return Block("item" if bulleted else "paragraph", words)


def _table(table: object) -> list[Block]:
    rows = [
        tuple(clean(cell.text) for cell in _unique_cells(row))
        for row in table.rows  # type: ignore[attr-defined]
    ]
    if not rows:
        return []
    headings: tuple[str, ...] = ()
    if len(rows) > 1 and _is_heading_row(table):
        headings, rows = rows[0], rows[1:]
    blocks = []
    for cells in rows:
        filled = [c for c in cells if c]
        if not filled:
            continue
        text = filled[0] if len(filled) == 1 else ", ".join(filled[:-1]) + ": " + filled[-1]
        blocks.append(Block("row", text, cells=cells, headings=headings))
    return blocks


def _unique_cells(row: object) -> list[object]:
    """A row's cells, a merged cell once (python-docx repeats it for every grid column)."""
    seen: list[object] = []
    for cell in row.cells:  # type: ignore[attr-defined]
        if not any(cell._tc is other._tc for other in seen):  # type: ignore[attr-defined]
            seen.append(cell)
    return seen


def _is_heading_row(table: object) -> bool:
    """True if the first row is marked as a heading row, or all its text is bold."""
    first = table.rows[0]  # type: ignore[attr-defined]
    properties = first._tr.trPr  # type: ignore[attr-defined]
    if (
        properties is not None
        and properties.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    ):
        return True
    runs = [
        run for cell in first.cells for p in cell.paragraphs for run in p.runs if run.text.strip()
    ]
    return bool(runs) and all(run.bold for run in runs)
