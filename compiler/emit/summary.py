"""What the national pages need of one authority, as plain data kept between builds.

A build makes each authority's files (its packs, its pages) from its own standards and
the statutory baseline alone, and keeps them, keyed by content, for the next build
(:mod:`compiler.util.build_cache`). The pages that put every authority side by side (the
home page, the comparisons, the downloads, the pack format) and the packs' index and
manifest are then made from an :class:`AuthoritySummary` of each: an authority whose
files did not change is never read again, yet those pages come out the same.

Everything here round-trips through JSON (:meth:`AuthoritySummary.to_json` and
:meth:`AuthoritySummary.from_json`); a test holds the round trip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any


@dataclass(frozen=True)
class CompareRow:
    """One authority's rule in force for an activity and group, as the comparison shows it."""

    activity: str
    group: str
    authority_id: str
    authority_name: str
    statutory: bool
    who: str
    timescale: str
    strength: str
    floors: str
    page: PurePosixPath
    statement: str
    dates: tuple[str, ...]
    """The latest permitted dates in the example window, in words (the table)."""
    days: tuple[str, ...]
    """The same dates in ISO form (the picture)."""


@dataclass(frozen=True)
class OfferedZip:
    """An authority's packs zipped for the downloads page: its name, size, digest and kind."""

    name: str
    size: int
    digest: str
    kind: str


@dataclass(frozen=True)
class AuthoritySummary:
    """One authority as the national pages, the packs' index and the manifest see it."""

    id: str
    name: str
    statutory: bool
    documents: int = 0
    """Documents in force on the build date."""
    rules: int = 0
    """Rules in force on the build date."""
    errors: int = 0
    warnings: int = 0
    listing: dict[str, Any] = field(default_factory=dict)
    """Its entry in ``packs/index.json``."""
    pack_files: tuple[tuple[str, str], ...] = ()
    """Its files under ``packs/`` (path inside packs/, SHA-256), sorted."""
    csv_columns: tuple[str, ...] = ()
    """The columns of its first CSV pack (the pack format page shows one)."""
    offered: OfferedZip | None = None
    compare: tuple[CompareRow, ...] = ()

    @property
    def sort_key(self) -> tuple[bool, str, str]:
        """Statutory baselines first, then by name: the order of every national list."""
        return (not self.statutory, self.name.lower(), self.id)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data (``dataclasses.asdict`` copies deeply: a second at 150 authorities)."""
        return {
            **vars(self),
            "pack_files": [list(pair) for pair in self.pack_files],
            "csv_columns": list(self.csv_columns),
            "offered": dict(vars(self.offered)) if self.offered else None,
            "compare": [
                {**vars(r), "page": str(r.page), "dates": list(r.dates), "days": list(r.days)}
                for r in self.compare
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AuthoritySummary:
        rows = tuple(
            CompareRow(
                **{
                    **row,
                    "page": PurePosixPath(row["page"]),
                    "dates": tuple(row["dates"]),
                    "days": tuple(row["days"]),
                }
            )
            for row in data["compare"]
        )
        offered = OfferedZip(**data["offered"]) if data["offered"] else None
        return cls(
            **{
                **data,
                "pack_files": tuple((str(a), str(b)) for a, b in data["pack_files"]),
                "csv_columns": tuple(data["csv_columns"]),
                "offered": offered,
                "compare": rows,
            }
        )
