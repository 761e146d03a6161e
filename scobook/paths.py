"""Where the book's data lives. Every loader reads by path from here, never from the network.

The book's folder is found from **where the reader is**, not from where this package happens to
be installed (Binder's ``pip install .`` puts a copy in ``site-packages``, a school hub may not
install it at all). In order:

1. ``$SCOBOOK_ROOT``, for unusual layouts: a folder that holds ``data/catalog.yml``;
2. the working directory or the nearest folder above it that holds ``data/catalog.yml``
   (a notebook runs in its own folder, ``chapters/<chapter>/``, two levels below the book);
3. the folder above this package, when that is a copy of the book (an editable install used
   from elsewhere, e.g. a script run from another directory).

If none holds the data, :class:`BookNotFound` says in one sentence what is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

from scobook.errors import ReaderError

#: The file that marks a folder as the book: the catalogue of the shipped data files.
MARKER = Path("data") / "catalog.yml"
#: Environment variable naming the book's folder explicitly.
ROOT_VARIABLE = "SCOBOOK_ROOT"


class BookNotFound(ReaderError, FileNotFoundError):
    """This code runs outside a copy of the book, so there is no ``data/`` to read."""


def book_root(start: str | Path | None = None) -> Path:
    """The folder of the book in use (it holds ``data/`` and ``chapters/``); see the module doc."""
    explicit = os.environ.get(ROOT_VARIABLE)
    if explicit:
        root = Path(explicit).expanduser().resolve()
        if not (root / MARKER).is_file():
            raise BookNotFound(f"{ROOT_VARIABLE} is set to {root}, but that folder has no {MARKER.as_posix()}: "
                               f"point it at the book's folder, or unset it.")
        return root
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    package_parent = Path(__file__).resolve().parent.parent
    if (package_parent / MARKER).is_file():
        return package_parent
    raise BookNotFound(
        "This notebook or script is part of the book 'The SCO through one article' and needs the book's "
        "data/ folder, which is not in this folder or any folder above it. Open it from a full copy of the "
        "book (download the whole repository, or use the Binder link in the online book)."
    )


def data_dir() -> Path:
    """The ``data/`` folder of the book in use."""
    return book_root() / "data"


def data_path(name: str) -> Path:
    """Return the path of a shipped data file, e.g. ``data_path("article.yml")``."""
    path = data_dir() / name
    if not path.exists():
        raise BookNotFound(f"{name} is not in the book's data folder {path.parent}; "
                           f"data/README.md lists the files that belong there.")
    return path


def catalog_entry(name: str) -> dict:
    """The catalogue entry of a data file (``data/catalog.yml``): title, as_of, source."""
    from scobook.reading import read_yaml

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
    import datetime

    import yaml

    from scobook.errors import DataError
    from scobook.reading import read_yaml

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
