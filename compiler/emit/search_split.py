"""The search index in parts: a national one fetched first, and one per authority.

MkDocs' search plugin writes ``search/search_index.json`` with every section of
every page; at 150 authorities that was 14 MB, fetched whole before a reader's
first search returned anything. After MkDocs has built the site this splits it:

- ``search/search_index.json`` keeps every national page in full (home,
  comparisons, downloads, the statutory baselines' documents), the title of
  every page of every authority (so any authority or document is found by name
  from anywhere), and ``parts``: the file holding each authority's full text;
- ``search/authorities/<authority>.json`` holds that authority's sections.

The site's script (``site/assets/javascripts/site.js``) serves the theme the
national index merged with the part of the authority the reader is in, so a
first search fetches the national index and at most one authority's part.

>>> docs = [{"location": "index.html", "title": "Home", "text": "hello"},
...         {"location": "walsall/index.html", "title": "Walsall", "text": "w"},
...         {"location": "walsall/index.html#at-a-glance", "title": "At a glance", "text": "x"}]
>>> national, parts = split_index({"config": {}, "docs": docs}, ["walsall"])
>>> [d["location"] for d in national["docs"]], national["parts"]
(['index.html', 'walsall/index.html'], {'walsall': 'authorities/walsall.json'})
>>> [d["location"] for d in parts["walsall"]["docs"]]
['walsall/index.html', 'walsall/index.html#at-a-glance']
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PARTS_FOLDER = "authorities"


def split_index(
    index: dict[str, Any], authorities: Iterable[str]
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The national index and each authority's part, from MkDocs' whole index.

    ``authorities`` are the ids (top folders) whose pages move to parts of
    their own; every other page stays in the national index in full.
    """
    local = set(authorities)
    national_docs: list[dict[str, Any]] = []
    parts: dict[str, list[dict[str, Any]]] = {}
    for doc in index["docs"]:
        folder = folder_of(doc["location"])
        if folder not in local:
            national_docs.append(doc)
            continue
        parts.setdefault(folder, []).append(doc)
        if "#" not in doc["location"]:  # the page itself: found by its title from anywhere
            national_docs.append({"location": doc["location"], "title": doc["title"], "text": ""})
    national = {
        **{key: value for key, value in index.items() if key != "docs"},
        "docs": national_docs,
        "parts": {folder: f"{PARTS_FOLDER}/{folder}.json" for folder in sorted(parts)},
    }
    config = index.get("config", {})
    return national, {
        folder: {"config": config, "docs": docs} for folder, docs in sorted(parts.items())
    }


def folder_of(location: str) -> str:
    """The top folder of a page's address: an authority's id, or "" for the home page."""
    return location.split("/", 1)[0] if "/" in location else ""


def split_search_index(site_dir: Path, authorities: Iterable[str]) -> None:
    """Rewrite ``site_dir/search`` in parts (see the module's docstring).

    An English-only site also loses the theme's files for searching other languages.

    Written compactly and in a fixed order, so two builds give the same bytes.
    """
    folder = site_dir / "search"
    whole = folder / "search_index.json"
    if not whole.is_file():
        return
    index = json.loads(whole.read_bytes())
    if index.get("config", {}).get("lang") == ["en"]:
        _drop_other_languages(site_dir)
    national, parts = split_index(index, authorities)
    for name, part in parts.items():
        write_compact(folder / PARTS_FOLDER / f"{name}.json", part)
    write_compact(whole, national)


def _drop_other_languages(site_dir: Path) -> None:
    """Remove the theme's search support for other languages (0.9 MB), which English never loads.

    Material's search worker fetches ``assets/javascripts/lunr/`` only for a
    language other than English (workers/search.*.js: ``n!=="en"``); the theme
    copies it into every site all the same.
    """
    shutil.rmtree(site_dir / "assets" / "javascripts" / "lunr", ignore_errors=True)


def write_compact(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` as compact JSON into a new file at ``path``.

    A file already there is removed first, never written into: on the fast path
    (:mod:`compiler.emit.site_search`) it may be a hard link to the previous site's.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_bytes(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
