"""Where the book's data lives. Every loader reads by path from here, never from the network."""

from pathlib import Path

#: The repository (or class pack) root: the folder that holds ``data/`` and ``scobook/``.
ROOT = Path(__file__).resolve().parent.parent

#: The shipped data files, documented in ``data/README.md``.
DATA_DIR = ROOT / "data"


def data_path(name: str) -> Path:
    """Return the path of a shipped data file, e.g. ``data_path("article.yml")``.

    Raises FileNotFoundError naming the folder searched, so a student who moved a notebook
    out of the book sees where the data was expected.
    """
    path = DATA_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"{name} is not in the book's data folder {DATA_DIR}")
    return path
