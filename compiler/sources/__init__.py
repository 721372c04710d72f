"""The case records authorities really hold, read into the audit's table of case events.

- :mod:`compiler.sources.database`: a DuckDB file or folder, SQLite, or any
  SQLAlchemy URL, read a table's named columns at a time;
- :mod:`compiler.sources.ssd_mapping`: which Standard Safeguarding Dataset
  column is which event, activity or qualifier of our vocabulary (declared
  once, documented in the README);
- :mod:`compiler.sources.ssd`: the SSD tables turned into
  :class:`compiler.evaluator.cases.Cases`, with every row that cannot be judged named;
- :mod:`compiler.sources.annex_a`: Ofsted's Annex A workbook (Lists 3 to 8);
- :mod:`compiler.sources.judgeable`: which rules the records can judge, and why not the others;
- :mod:`compiler.sources.records_audit` and :mod:`compiler.sources.annex_a_audit`: the audit of
  the records (the command only parses options and prints);
  :mod:`compiler.sources.source_audit` and :mod:`compiler.sources.audit_html`: what it found,
  and its HTML report.

Contract: the pack consumer's side, like :mod:`compiler.evaluator`, which it builds on: nothing
from the compiling side (loading, checks, emitters, the build).
"""
