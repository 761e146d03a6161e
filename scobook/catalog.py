"""The catalogue of the data files (``data/catalog.yml``): each file's title, source, the date up to
which it was checked (``as_of``) and what is known to be missing after it (``not_included``).
The one place for a file's "as of" date: charts, pages and the pack take it from here."""

from __future__ import annotations

import datetime

import yaml

from scobook.errors import DataError
from scobook.paths import data_dir, data_path
from scobook.reading import read_yaml, require_url


def catalog_entry(name: str) -> dict:
    """The catalogue entry of a data file (``data/catalog.yml``): title, as_of, source."""
    catalog = read_yaml(data_path("catalog.yml"))
    if name not in catalog:
        raise KeyError(f"{name} has no entry in data/catalog.yml")
    return catalog[name]


def not_included(name: str) -> str:
    """What is known to be missing from a data file after its "as of" date ("" if nothing)."""
    return str(catalog_entry(name).get("not_included") or "")


def as_of(name: str) -> str:
    """The date (YYYY-MM-DD) up to which a data file was checked, from ``data/catalog.yml``."""
    return str(catalog_entry(name)["as_of"])


def check_catalog() -> dict:
    """``data/catalog.yml``, checked: every data file has an entry with a title, a source and an
    ISO ``as_of`` date, every entry names a file that exists, and no other YAML file writes its
    own ``as_of`` (the catalogue is the one place for it, so the two cannot disagree)."""
    path = data_path("catalog.yml")
    catalog = read_yaml(path)
    folder = data_dir()
    files = {p.name for p in folder.iterdir() if p.is_file() and p.name not in ("README.md", "catalog.yml")}
    for name in sorted(files - set(catalog)):
        raise DataError(path, None, name, "the file has no entry: add its title, as_of and source")
    for name, entry in catalog.items():
        if name not in files:
            raise DataError(path, None, name, f"no file data/{name}: remove the entry or add the file")
        for field in ("title", "source"):
            if not str((entry or {}).get(field) or "").strip():
                raise DataError(path, None, f"{name}.{field}", "missing or empty")
        for url in (entry or {}).get("checked_with") or []:
            require_url(path, None, f"{name}.checked_with", url)
        value = (entry or {}).get("as_of")
        try:
            datetime.date.fromisoformat(str(value))
        except ValueError:
            raise DataError(path, None, f"{name}.as_of", f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    for name in sorted(f for f in files if f.endswith((".yml", ".yaml"))):
        raw = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
        if isinstance(raw, dict) and "as_of" in raw:
            raise DataError(folder / name, None, "as_of", "the date is kept once, in data/catalog.yml "
                                                         f"({name}: as_of {catalog[name]['as_of']}); remove it here")
    return catalog
