"""Children's social care practice standards as code.

The pipeline is ``load -> validate -> model -> check -> emit``; see
:func:`compiler.pipeline.compile_corpus` for the whole of it in one place.
"""

__version__ = "0.1.0"
