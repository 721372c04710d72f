"""Reading a PDF's text layer into blocks, with pypdf.

pypdf is pure Python, maintained, and reads the text a PDF carries (it runs
no scripts and fetches nothing). A scanned PDF has no text layer: it is
refused with that said, since reading pictures of words (OCR) would put
words in the authority's mouth that it may not have written. The text is
then read as plain text (:mod:`compiler.authoring.importer.text`).
"""

from __future__ import annotations

from pathlib import Path

from compiler.authoring.importer.blocks import Block, UnreadableDocument
from compiler.authoring.importer.text import read_text

MOST_PAGES = 1_000


def read_pdf(path: Path) -> tuple[list[Block], list[str]]:
    """The blocks of a PDF's text, and notes."""
    import pypdf  # the `import` extra: loaded only when a PDF is imported

    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            raise UnreadableDocument(f"{path}: the PDF is encrypted; save an unprotected copy")
        if len(reader.pages) > MOST_PAGES:
            raise UnreadableDocument(
                f"{path}: {len(reader.pages)} pages is far longer than a standards document"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except Exception as unreadable:  # pypdf raises many kinds for a damaged file
        raise UnreadableDocument(f"{path}: not a PDF pypdf can read ({unreadable})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise UnreadableDocument(
            f"{path}: the PDF has no text layer (it is a scan); import the Word or web version, "
            "or a text copy"
        )
    return read_text(text), []
