"""Helping an author write standards: new versions, a new corpus, imports, a live preview.

Owns ``standards init`` (:mod:`~compiler.authoring.init`), ``new-version``
(:mod:`~compiler.authoring.new_version`), ``import`` (:mod:`compiler.authoring.importer`) and the
preview behind ``serve`` (:mod:`~compiler.authoring.preview`).

Contract: it sits above the pipeline and the build (it may import them, and the shared core);
nothing below it imports it, and the evaluator never does.
"""
