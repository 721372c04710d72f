"""The pack consumer: judges case records against rule packs, reading nothing but JSON packs.

Owns reading a pack (:mod:`~compiler.evaluator.evaluate`, :mod:`~compiler.evaluator.verify`),
reading case events (:mod:`~compiler.evaluator.cases`, :mod:`~compiler.evaluator.case_table`)
and the audit that judges them (``audit*``, :mod:`~compiler.evaluator.assumptions`).

Contract (enforced by import-linter, see ``pyproject.toml``): it may import the shared core
(:mod:`compiler.rules`, :mod:`compiler.timescale`, :mod:`compiler.model`,
:mod:`compiler.calendar`, :mod:`compiler.vocabulary`, :mod:`compiler.util`,
:mod:`compiler.errors`) and nothing from the compiling side (loading, validation, checks,
emitters, the build), so an authority's case system can judge cases with a pack alone.
"""
