"""Timescales: the canonical form, the readable shorthand, calendars, due dates and comparison.

Also the phrase finder (:mod:`~compiler.timescale.phrases`) that spots timescale words in a
document's text, for the checks and the importer.

Contract: shared core. It may import only the calendar, the vocabulary, :mod:`compiler.wording`,
the errors and the utilities: the model, the rules and everything above build on it.
"""
