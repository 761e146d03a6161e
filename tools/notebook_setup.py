"""The first code cell of every notebook, kept here once and written into the notebooks.

The cell lets a notebook import the book's helper package and read its data wherever Jupyter
runs: a checkout with ``make``, Binder (which also installs a copy of ``scobook`` into
site-packages), or a school's JupyterHub where nbgitpuller copies the repository and nothing
installs ``scobook`` at all. It puts the book's folder (two levels above ``chapters/<chapter>/``,
or ``$SCOBOOK_ROOT``) first on ``sys.path``. A notebook copied out of the book stops there with
one sentence instead of a traceback.

    python tools/notebook_setup.py          # rewrite the setup cell of every notebook
    python tools/notebook_setup.py --check  # exit 1 if a notebook's setup cell differs

The cell is tagged ``setup`` and ``hide-input``, and ``metadata.jupyter.source_hidden`` is set,
so the book shows it behind "Show code" and JupyterLab / Notebook 7 show it collapsed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAG = "setup"

CELL = '''\
# Setup: use the helper package (scobook/) and the data (data/) of the book this notebook is in.
import os
import sys
from pathlib import Path

BOOK = Path(os.environ.get("SCOBOOK_ROOT", "../..")).resolve()


class NotInTheBook(Exception):
    def _render_traceback_(self):  # Jupyter shows this one sentence instead of a traceback
        return [f"NotInTheBook: {self}"]


if not (BOOK / "scobook").is_dir() or not (BOOK / "data" / "catalog.yml").is_file():
    raise NotInTheBook(
        "This notebook is one chapter of the book 'The SCO through one article' and needs the book's "
        "scobook/ and data/ folders, two levels above it. Open it from a full copy of the book: "
        "download the whole repository, or use the Binder link in the online book."
    )
sys.path.insert(0, str(BOOK))

from scobook.help import explain_errors  # noqa: E402

explain_errors()  # a KeyError names the nearest column instead of a long traceback'''


def notebooks() -> list[Path]:
    return sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def setup_cell_index(nb) -> int | None:
    """The index of the cell tagged ``setup``, or None."""
    for i, cell in enumerate(nb.cells):
        if TAG in cell.get("metadata", {}).get("tags", []):
            return i
    return None


def sync(path: Path) -> bool:
    """Write :data:`CELL` into the notebook's setup cell (after its first markdown cells if it has
    none yet). Returns True if the file changed."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    index = setup_cell_index(nb)
    cell = nbformat.v4.new_code_cell(CELL, metadata={"tags": [TAG, "hide-input"], "jupyter": {"source_hidden": True}})
    cell.pop("id", None)
    if index is None:
        first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
        nb.cells.insert(first_code, cell)
    elif nb.cells[index].source == CELL and nb.cells[index].metadata == cell.metadata:
        return False
    else:
        nb.cells[index] = cell
    nbformat.write(nb, path)
    return True


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in notebooks():
        if check:
            import nbformat

            nb = nbformat.read(path, as_version=4)
            index = setup_cell_index(nb)
            if index is None or nb.cells[index].source != CELL:
                stale.append(path)
        elif sync(path):
            print(f"updated {path.relative_to(ROOT)}")
    for path in stale:
        print(f"{path.relative_to(ROOT)}: setup cell differs from tools/notebook_setup.py (run it without --check)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
