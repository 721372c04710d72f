"""``standards import``: a published document (text, Markdown, Word, HTML, PDF) becomes a draft.

Each format has its reader (:mod:`~compiler.authoring.importer.text`, ``docx``, ``html``,
``pdf``), which turns the file into the same flat list of
:class:`~compiler.authoring.importer.blocks.Block` (headings, paragraphs, list items,
table rows, in the document's order). :mod:`~compiler.authoring.importer.structure`
makes sections and statements of them, :mod:`~compiler.authoring.importer.propose`
proposes a rule (or a ``not_rules`` entry) for every timescale phrase, each
guess marked ``confirm``, and :mod:`~compiler.authoring.importer.draft` writes the new
version without ever overwriting a file.
"""
