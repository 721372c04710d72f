"""The authorities' test suite: YAML scenarios and corpus properties run as pytest items.

Owns the pytest plugin (:mod:`~compiler.suite.pytest_plugin`, loaded by ``standards test``
with ``standards_pytest.ini``), the scenario files it collects
(:mod:`~compiler.suite.scenarios`) and the laws every corpus must keep
(:mod:`~compiler.suite.corpus_properties`).

Contract: it may import the pipeline, the checks, the evaluator and the shared core; nothing
imports it but the ``test`` command. pytest and hypothesis are imported only here, so that a
``pip install .`` without the ``test`` extra still builds.
"""
