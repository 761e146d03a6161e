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
