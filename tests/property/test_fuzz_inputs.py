"""Fuzzing: valid standards files and case tables, mutated at random, never crash or hang the tool.

Hypothesis breaks a valid input (the catalogue's corpus: authority, document and
scenario files; or a case table) with a few byte-level and token-level mutations,
and runs the commands a person would run on it. Whatever the input:

- the exit status is 0, 1 or 2, never an internal error (exit 3, a traceback);
- each input finishes within :data:`SECONDS` (an alarm fails the example otherwise);
- Python's allocations stay under :data:`MEMORY` (tracemalloc's peak), and the process
  under :data:`RESIDENT`;
- a failed build writes nothing (no output folder, no litter beside it), and a failed
  audit writes no result file.

The quick profile runs a few dozen examples; the soak run (``HYPOTHESIS_PROFILE=soak``,
see tests/property/conftest.py) runs many more, and with ``FUZZ_STATS`` set, each
example appends its figures (seconds, peak bytes, exit status) to that file.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from compiler.cli import standards
from tests.conftest import FIXTURES

BASE = FIXTURES / "invalid" / "catalogue"
FILES = {
    "sample/authority.yaml": (BASE / "authority.yaml").read_bytes(),
    "sample/sample/1.0.yaml": (BASE / "document.yaml").read_bytes(),
    "sample/tests/cases.yaml": (BASE / "scenario.yaml").read_bytes(),
}
TABLE = (
    b"case_id,group,event,date,facts,qualifiers\n"
    b"C1,child_in_need,plan_start,2025-05-01,,\n"
    b"C1,child_in_need,statutory_visit,2025-05-20,,\n"
    b'"C2",child_in_care,placement_start,2025-05-02,manager_approved=true,'
    b"placement_type=foster_care\n"
    b"C3,child_protection,plan_start,2025-05-03,,\n"
)
SECONDS = 30
MEMORY = 400 * 1024 * 1024
RESIDENT = 2 * 1024 * 1024 * 1024
"""The whole process's high-water mark (C libraries too): a /dev/zero read once took 23 GB."""
EXAMPLES = max(10, settings.default.max_examples // 15)

BROKEN_FILES = st.sampled_from(sorted(FILES)).flatmap(
    lambda name: st.tuples(st.just(name), mutated(FILES[name]))
)
TOKENS = [
    b'"', b"'", b":", b": ", b"- ", b"[", b"]", b"{", b"}", b",", b"#", b"&a ", b"*a", b"!!str ",
    b"!!python/object ", b"\t", b"\x00", b"\x07", b"\r", b"\n", b"\n---\n", b"\xef\xbb\xbf",
    b"\xff", "\u202e".encode(), b"9999-12-31", b"0000-01-01", b"2020-02-30", b"1000000",
    b"9" * 400, b"[" * 300, b"{a: " * 200, b"every 9999 years", b"monthly", b"fortnightly",
    b"=HYPERLINK(1)", b"~", b"null", b"true", b"no", b"1.5", b"-1", b"0",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, original: bytes, start: int = 0) -> bytes:
    """``original`` with one to five mutations: flips, inserted tokens, cuts, repeated lines.

    ``start`` keeps the bytes before it (a table's header) as they are.
    """
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 5))):
        where = draw(st.integers(min(start, len(data)), len(data)))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "token-run"]))
        if kind == "flip" and where < len(data):
            data[where] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[where:where] = draw(st.sampled_from(TOKENS))
        elif kind == "delete":
            del data[where : where + draw(st.integers(1, 40))]
        elif kind == "repeat":
            start = data.rfind(b"\n", 0, where) + 1
            end = data.find(b"\n", where)
            line = bytes(data[start : end + 1 if end >= 0 else len(data)])
            data[start:start] = line * draw(st.integers(1, 50))
        else:
            data[where:where] = draw(st.sampled_from(TOKENS)) * draw(st.integers(2, 2000))
    return bytes(data)


@contextmanager
def bounded(stats: dict[str, object]) -> Iterator[None]:
    """Fail an example that takes longer than SECONDS or allocates more than MEMORY."""

    def too_slow(_signal: int, _frame: object) -> None:
        raise TimeoutError(f"an input took longer than {SECONDS} s")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(SECONDS)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        stats.update(seconds=round(time.perf_counter() - started, 3), peak=peak)
        record(stats)
    assert peak < MEMORY, f"an input made Python allocate {peak:,} bytes"
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    assert resident < RESIDENT, f"the process grew to {resident:,} bytes"


def record(stats: dict[str, object]) -> None:
    target = os.environ.get("FUZZ_STATS")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(stats) + "\n")


def invoke(*args: str) -> int:
    result = CliRunner().invoke(standards, list(args))
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, f"{args[0]} crashed: {result.exception!r}\n{result.output[-2000:]}"
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert result.exit_code in (0, 1, 2), result.output[-2000:]
    return result.exit_code


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(BROKEN_FILES)
@example(("sample/authority.yaml", b"- " * 60 + b"\x00" + FILES["sample/authority.yaml"]))
@example(
    (
        "sample/authority.yaml",
        FILES["sample/authority.yaml"].replace(b"england\n", b"9" * 400 + b"england\n", 1),
    )
)
def test_a_mutated_corpus_never_crashes_or_hangs_and_a_failed_build_writes_nothing(
    broken: tuple[str, bytes],
) -> None:
    name, content = broken
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "corpus"
        for relative, original in FILES.items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_bytes(content if relative == name else original)
        out = Path(scratch) / "out" / "build"
        stats: dict[str, object] = {"kind": "corpus", "file": name, "size": len(content)}
        with bounded(stats):
            stats["check"] = invoke("check", str(root))
            stats["build"] = built = invoke("build", str(root), "--no-site", "--out", str(out))
        if built != 0:
            assert not (Path(scratch) / "out").exists() or not any(
                (Path(scratch) / "out").iterdir()
            ), "a failed build wrote something"
        else:
            assert (out / "packs" / "manifest.json").is_file()


@pytest.fixture(scope="module")
def packs_copy(packs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "packs"
    shutil.copytree(packs, folder)
    return folder


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(TABLE) | mutated(TABLE, start=TABLE.index(b"\n") + 1))
def test_a_mutated_case_table_never_crashes_or_hangs_and_a_refused_audit_writes_nothing(
    packs_copy: Path, table: bytes
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        cases, out = Path(scratch) / "cases.csv", Path(scratch) / "result.csv"
        cases.write_bytes(table)
        stats: dict[str, object] = {"kind": "cases", "size": len(table)}
        with bounded(stats):
            stats["audit"] = code = invoke(
                "audit", str(cases), "--authority", "walsall", "--on", "2025-06-02",
                "--packs", str(packs_copy), "--out", str(out),
            )  # fmt: skip
        assert out.exists() == (code != 2), "a refused audit wrote its result"


PACK = "walsall/2024-03-04.json"


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_mutated_pack_signed_again_never_crashes_or_hangs_due(
    packs_copy: Path, data: st.DataObject
) -> None:
    """A forger who also rewrites the manifest gets past the digests: the reader still copes."""
    original = (packs_copy / PACK).read_bytes()
    name = data.draw(st.sampled_from([PACK, "index.json"]))
    content = data.draw(mutated((packs_copy / name).read_bytes()))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "packs"
        shutil.copytree(packs_copy, folder)
        (folder / name).write_bytes(content)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest["files"][name] = hashlib.sha256(content).hexdigest()
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        stats: dict[str, object] = {"kind": "packs", "file": name, "size": len(content)}
        with bounded(stats):
            stats["due"] = invoke(
                "due", "--authority", "walsall", "--subject", "child_in_need", "--activity",
                "statutory_visit", "--from", "2025-05-01", "--on", "2025-06-02",
                "--packs", str(folder),
            )  # fmt: skip
    assert (packs_copy / PACK).read_bytes() == original
