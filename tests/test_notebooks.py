"""Every notebook runs top to bottom from its own folder, as a student's Jupyter or Binder runs it."""

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import NOTEBOOKS, ROOT


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_executes_from_its_own_folder(notebook):
    nb = nbformat.read(notebook, as_version=4)
    # Cells tagged skip-execution (live widgets) are skipped by the book build, not here:
    # a student runs every cell, so the test does too.
    client = NotebookClient(nb, timeout=120, kernel_name="python3", skip_cells_with_tag="(none)",
                            resources={"metadata": {"path": str(notebook.parent)}})
    client.execute()  # raises CellExecutionError naming the cell on any error
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("text/html" in o.get("data", {}) or "text/plain" in o.get("data", {}) for o in outputs)
