"""The split search index of a fast site build: the previous one with the changed pages' entries.

Material's search plugin indexes a page from its finished HTML, which is most of
a site build's time when every page goes through MkDocs. On the fast path
(:mod:`compiler.emit.site_fast`) only the changed pages are indexed; every other
page's entries are taken from the previous build's split index
(:mod:`compiler.emit.search_split`), which holds them in MkDocs' page order:
the national index in full for national pages and by title for the authorities'
pages, each authority's part in full. Entries of a page are those whose location
is the page's address, with or without an anchor. Rebuilt here are only the
national index and the parts of the authorities whose pages changed; the other
parts are linked from the previous site. The bytes are those
:func:`~compiler.emit.search_split.split_search_index` would write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from compiler.emit.search_split import PARTS_FOLDER, folder_of, write_compact

Entry = dict[str, Any]


class StaleIndex(Exception):
    """The previous search index is missing or not what a build writes: build in full."""


def national_index(previous: Path) -> dict[str, Any]:
    """The previous site's national index (``previous`` is its ``search/`` folder)."""
    national = _load(previous / "search_index.json")
    config = national.get("config")
    if not isinstance(config, dict) or not {"lang", "separator", "pipeline"} <= config.keys():
        raise StaleIndex(f"{previous}: the search index has no configuration")
    return national


def merge_search_index(
    previous: Path,
    national: dict[str, Any],
    target: Path,
    order: Sequence[str],
    fresh: Mapping[str, list[Entry]],
    authorities: Iterable[str],
) -> None:
    """Write ``target`` (a site's ``search/``) from ``previous`` and the changed pages' entries.

    ``national`` is the previous national index (:func:`national_index`), ``order``
    every page's address in MkDocs' order, ``fresh`` the changed pages' entries by
    address, as the search plugin made them.
    """
    local = set(authorities)
    groups = _by_page(national["docs"])
    changed_parts = sorted({folder_of(url) for url in fresh} & local)
    for url, entries in fresh.items():
        if folder_of(url) in local:  # found by its title from anywhere (see search_split)
            entries = [
                {"location": each["location"], "title": each["title"], "text": ""}
                for each in entries
                if "#" not in each["location"]
            ]
        groups[url] = entries
    parts = {folder: f"{PARTS_FOLDER}/{folder}.json" for folder in national.get("parts", {})}
    for folder in changed_parts:
        listed = folder in national.get("parts", {})  # else the authority had nothing to find
        part = _load(previous / PARTS_FOLDER / f"{folder}.json") if listed else {"docs": []}
        part_groups = _by_page(part["docs"])
        part_groups.update({url: fresh[url] for url in fresh if folder_of(url) == folder})
        docs = _in_order(part_groups, (url for url in order if folder_of(url) == folder))
        parts.pop(folder, None)
        if docs:
            parts[folder] = f"{PARTS_FOLDER}/{folder}.json"
            whole_part = {"config": national.get("config", {}), "docs": docs}
            write_compact(target / PARTS_FOLDER / f"{folder}.json", whole_part)
    whole = {key: value for key, value in national.items() if key not in ("docs", "parts")}
    whole["docs"] = _in_order(groups, order)
    whole["parts"] = dict(sorted(parts.items()))
    write_compact(target / "search_index.json", whole)


def rewritten(fresh: Mapping[str, list[Entry]], authorities: Iterable[str]) -> set[str]:
    """The files of ``search/`` that :func:`merge_search_index` writes (the rest are linked)."""
    local = set(authorities)
    parts = {folder_of(url) for url in fresh} & local
    return {"search/search_index.json"} | {
        f"search/{PARTS_FOLDER}/{folder}.json" for folder in parts
    }


def _load(path: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(path.read_bytes())
    except (OSError, ValueError) as failed:
        raise StaleIndex(f"{path}: {failed}") from None
    if not isinstance(loaded, dict) or not isinstance(loaded.get("docs"), list):
        raise StaleIndex(f"{path}: not a search index")
    return loaded


def _by_page(docs: list[Entry]) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = {}
    for doc in docs:
        groups.setdefault(str(doc["location"]).split("#", 1)[0], []).append(doc)
    return groups


def _in_order(groups: Mapping[str, list[Entry]], order: Iterable[str]) -> list[Entry]:
    return [doc for url in order for doc in groups.get(url, ())]
