"""Stage 5, emit: each emitter turns the compiled model into files (see :mod:`compiler.build`)."""
