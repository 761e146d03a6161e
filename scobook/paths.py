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


def catalog_entry(name: str) -> dict:
    """The catalogue entry of a data file (``data/catalog.yml``): title, as_of, source."""
    import yaml

    catalog = yaml.safe_load(data_path("catalog.yml").read_text(encoding="utf-8"))
    if name not in catalog:
        raise KeyError(f"{name} has no entry in data/catalog.yml")
    return catalog[name]


def as_of(name: str) -> str:
    """The date (YYYY-MM-DD) up to which a data file was checked, from ``data/catalog.yml``."""
    return str(catalog_entry(name)["as_of"])
