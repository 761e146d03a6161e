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

from scobook.errors import MARKER, ReaderError

#: Environment variable naming the book's folder explicitly.
ROOT_VARIABLE = "SCOBOOK_ROOT"
#: Set while the book's build executes the notebooks (``scobook.sphinx``): what only the online
#: book needs (phone renditions of charts, "run it in Jupyter" directions) is made only then.
BUILD_VARIABLE = "SCOBOOK_BUILD"


def in_book_build() -> bool:
    """True while the book's build executes the notebooks, False in a student's Jupyter."""
    return bool(os.environ.get(BUILD_VARIABLE))


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
