"""The checks: one module per family, one function per invariant (see :mod:`compiler.check`)."""
