"""Reading named columns of SSD tables from a database, whichever kind the authority runs.

The location is a URL or a path:

- ``ssd.duckdb`` (or ``duckdb:///ssd.duckdb``): a DuckDB database file, the
  embedded default; a folder holding ``ssd_*.csv`` or ``ssd_*.parquet`` files
  is read by DuckDB too, one table per file;
- ``sqlite:///ssd.sqlite``: SQLite, through the standard library;
- any other SQLAlchemy URL: ``postgresql+psycopg://user@host/db``,
  ``mssql+pyodbc://user:pass@dsn`` (SQL Server, with Microsoft's ODBC driver and
  ``pip install pyodbc``), and so on.

Only plain ``SELECT column, ... FROM table`` is sent, so every dialect reads
the same. Columns come back as Apache Arrow arrays, whatever the driver's types.
DuckDB and SQLAlchemy are optional (``pip install 'practice-standards[ssd]'``);
a missing one is a :class:`SourceError` saying what to install.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa

from compiler.errors import StandardsError

INSTALL = "pip install 'practice-standards[ssd]'"


class SourceError(StandardsError):
    """A database that cannot be opened or read, or a table without a column we need."""


class Database(Protocol):
    """A connection that answers two questions about SSD tables."""

    def has_table(self, table: str) -> bool: ...

    def columns(self, table: str, names: Sequence[str]) -> dict[str, pa.Array]: ...


def open_database(location: str, schema: str | None = None) -> Database:
    """The database at ``location`` (a path or URL, see the module's description)."""
    if location.startswith("sqlite:///"):
        return _Sqlite(Path(location.removeprefix("sqlite:///")))
    if location.startswith("duckdb:///"):
        return _DuckDB(Path(location.removeprefix("duckdb:///")), schema)
    if "://" in location:
        return _SqlAlchemy(location, schema)
    return _DuckDB(Path(location), schema)


def _check_columns(table: str, found: Sequence[str], names: Sequence[str]) -> None:
    known = {name.lower() for name in found}
    missing = [name for name in names if name.lower() not in known]
    if missing:
        raise SourceError(
            f"the table {table} has no column {missing[0]}: this tool reads the SSD as "
            "defined by data-to-insight/ssd-data-model (see the README's SSD mapping); "
            "check the extract's version"
        )


class _DuckDB:
    def __init__(self, path: Path, schema: str | None) -> None:
        try:
            import duckdb
        except ImportError:
            raise SourceError(f"reading DuckDB needs the duckdb package: {INSTALL}") from None
        self.schema = schema or "main"
        if path.is_dir():
            self.connection = duckdb.connect()
            for file in sorted(path.iterdir()):
                reader = {".csv": "read_csv", ".parquet": "read_parquet"}.get(file.suffix)
                if reader and file.stem.startswith("ssd_"):
                    options = ", all_varchar = true, header = true" if reader == "read_csv" else ""
                    literal = str(file).replace("'", "''")
                    source = f"{reader}('{literal}'{options})"
                    self.connection.execute(f'CREATE VIEW "{file.stem}" AS SELECT * FROM {source}')
        elif path.exists():
            try:
                self.connection = duckdb.connect(str(path), read_only=True)
            except duckdb.Error as exc:
                raise SourceError(f"{path} cannot be opened as a DuckDB database: {exc}") from None
        else:
            raise SourceError(f"no database at {path}: give a .duckdb file, a folder or a URL")

    def _names(self, table: str) -> list[str]:
        rows = self.connection.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = ? AND table_schema = ?",
            [table, self.schema],
        ).fetchall()
        return [row[0] for row in rows]

    def has_table(self, table: str) -> bool:
        return bool(self._names(table))

    def columns(self, table: str, names: Sequence[str]) -> dict[str, pa.Array]:
        _check_columns(table, self._names(table), names)
        listed = ", ".join(f'"{name}"' for name in names)
        read = self.connection.sql(
            f'SELECT {listed} FROM "{self.schema}"."{table}"'
        ).to_arrow_table()
        return {name: read.column(i) for i, name in enumerate(names)}  # chunked: no copy


def _from_rows(names: Sequence[str], rows: list[Sequence[Any]]) -> dict[str, pa.Array]:
    values = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return {name: _array(list(column)) for name, column in zip(names, values, strict=True)}


def _array(values: list[Any]) -> pa.Array:
    """An Arrow array of driver values; mixed types (SQLite's dynamic typing) become text."""
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in values], type=pa.string())


_BATCH = 100_000


def _joined(chunks: list[pa.Array]) -> pa.ChunkedArray:
    """Batches as one column: an all-empty batch takes the others' type, mixed types are text."""
    kinds = {chunk.type for chunk in chunks if chunk.type != pa.null()}
    kind = kinds.pop() if len(kinds) == 1 else pa.string() if kinds else pa.null()
    return pa.chunked_array([chunk.cast(kind) for chunk in chunks], type=kind)


class _Sqlite:
    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise SourceError(f"no SQLite database at {path}")
        self.connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)

    def _names(self, table: str) -> list[str]:
        try:
            return [row[1] for row in self.connection.execute(f'PRAGMA table_info("{table}")')]
        except sqlite3.DatabaseError as exc:
            raise SourceError(f"the SQLite database cannot be read: {exc}") from None

    def has_table(self, table: str) -> bool:
        return bool(self._names(table))

    def columns(self, table: str, names: Sequence[str]) -> dict[str, pa.Array]:
        _check_columns(table, self._names(table), names)
        listed = ", ".join(f'"{name}"' for name in names)
        cursor = self.connection.execute(f'SELECT {listed} FROM "{table}"')
        chunks = []
        while batch := cursor.fetchmany(_BATCH):
            chunks.append(_from_rows(names, batch))
        return {name: _joined([chunk[name] for chunk in chunks]) for name in names}


class _SqlAlchemy:
    def __init__(self, url: str, schema: str | None) -> None:
        try:
            import sqlalchemy
        except ImportError:
            raise SourceError(f"reading {url.split(':')[0]} needs SQLAlchemy: {INSTALL}") from None
        self.sqlalchemy = sqlalchemy
        self.schema = schema
        try:
            self.engine = sqlalchemy.create_engine(url)
            self.inspector = sqlalchemy.inspect(self.engine)
        except ImportError as exc:
            raise SourceError(
                f"the database driver for {url.split('://')[0]} is not installed ({exc.name}): "
                f"{INSTALL} gives PostgreSQL's; SQL Server needs pyodbc and Microsoft's ODBC driver"
            ) from None
        except sqlalchemy.exc.SQLAlchemyError as exc:
            raise SourceError(f"cannot connect to the database: {exc}") from None

    def _names(self, table: str) -> list[str]:
        if not self.inspector.has_table(table, schema=self.schema):
            return []
        return [c["name"] for c in self.inspector.get_columns(table, schema=self.schema)]

    def has_table(self, table: str) -> bool:
        return bool(self._names(table))

    def columns(self, table: str, names: Sequence[str]) -> dict[str, pa.Array]:
        _check_columns(table, self._names(table), names)
        preparer = self.engine.dialect.identifier_preparer
        listed = ", ".join(preparer.quote(name) for name in names)
        where = preparer.quote(table)
        if self.schema:
            where = f"{preparer.quote_schema(self.schema)}.{where}"
        chunks: list[dict[str, pa.Array]] = []
        with self.engine.connect() as connection:  # a server-side cursor, a batch at a time
            query = self.sqlalchemy.text(f"SELECT {listed} FROM {where}")
            result = connection.execution_options(stream_results=True).execute(query)
            for batch in result.partitions(_BATCH):
                chunks.append(_from_rows(names, [tuple(row) for row in batch]))
        return {name: _joined([chunk[name] for chunk in chunks]) for name in names}
