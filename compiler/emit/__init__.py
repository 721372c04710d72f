"""The emitters: each turns the compiled corpus into files (rule packs, the site's pages).

Emitters are peers: each takes a :class:`compiler.emit.context.BuildContext` and returns
``{relative path: bytes}``; none reaches back into loading. They are registered
in :mod:`compiler.build`.

Contract: may import the pipeline, the checks, the diff and the shared core; never the build
that runs it, the evaluator (the pack consumer is independent of the packs' maker), or the
command layer.
"""
