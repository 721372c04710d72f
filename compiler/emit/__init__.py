"""The emitters: each turns the compiled corpus into files (rule packs, the site's pages).

Emitters are peers: each takes a :class:`compiler.build.BuildContext` and returns
``{relative path: bytes}``; none reaches back into loading. They are registered
in :mod:`compiler.build`.
"""
