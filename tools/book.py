"""Build the book strictly: the one place that says how (``make book`` runs this; the tests and
the benchmark import :data:`STRICT_FLAGS`).

    python tools/book.py [extra jupyter-book arguments ...]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Every page rebuilt, nitpicky references, warnings are errors, and all problems reported at once.
STRICT_FLAGS = ["--all", "-n", "-W", "--keep-going"]


def notebooks() -> list[Path]:
    """Every notebook of the book, in path order."""
    return sorted(p for p in ROOT.glob("chapters/**/*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def toc_files() -> list[str]:
    """Every document of _toc.yml (root, chapters, sections), without suffix, in order."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections", []))
            walk(entry.get("chapters", []))

    walk(toc.get("parts", []))
    return files


def html_pages() -> list[str]:
    """The HTML pages the built book must have: every _toc.yml entry, plus the search page."""
    return [f"{p}.html" for p in toc_files()] + ["search.html?q=Shanghai+Spirit"]


def jupyter_book() -> str:
    """The jupyter-book of the Python running this (the project's venv)."""
    return str(Path(sys.executable).with_name("jupyter-book"))


def main(argv: list[str]) -> int:
    proc = subprocess.run([jupyter_book(), "build", *STRICT_FLAGS, *argv, str(ROOT)], cwd=ROOT)
    if proc.returncode == 0:
        print(f"The book is at file://{ROOT / '_build' / 'html' / 'index.html'}")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
