"""Notebooks are written for every place they are read: plain CommonMark + HTML in markdown cells
(no MyST roles or directives, which show as raw text in JupyterLab, Notebook 7, VS Code and on
GitHub), one shared setup cell, a "How to run" section and the passage they study."""

import json
import re
import shutil
import sys
from types import SimpleNamespace

import pytest

from conftest import NOTEBOOKS, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import notebook_setup  # noqa: E402

#: MyST syntax that plain Jupyter shows raw: roles ({doc}`x`), directive fences (```{note},
#: :::{note}), directive options (:class:), targets ((label)=), substitutions ({{ x }}).
MYST = {
    "role": re.compile(r"\{[a-z][\w:.-]*\}`"),
    "directive": re.compile(r"^\s*(```+|~~~+|:::+)\s*\{", re.M),
    "directive option": re.compile(r"^:[a-z-]+:\s", re.M),
    "target": re.compile(r"^\([\w.-]+\)=\s*$", re.M),
    "substitution": re.compile(r"\{\{\s*\w+\s*\}\}"),
}


def cells(notebook) -> list[SimpleNamespace]:
    """The notebook's cells with ``source`` joined into one string (read as the JSON it is; the
    nbformat package takes seconds to import, too slow for the fast lane)."""
    return [SimpleNamespace(cell_type=c["cell_type"], source="".join(c["source"]), metadata=c.get("metadata", {}))
            for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]]


def markdown_cells(notebook):
    return [(i, c.source) for i, c in enumerate(cells(notebook)) if c.cell_type == "markdown"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_markdown_has_no_myst_syntax(notebook):
    found = [(i, kind, pattern.search(text)[0]) for i, text in markdown_cells(notebook)
             for kind, pattern in MYST.items() if pattern.search(text)]
    assert found == [], f"MyST syntax in markdown cells (cell, kind, text): {found}"


@pytest.mark.parametrize("text", ["see {doc}`index`", "({para}`10`)", "```{admonition} Note\n:class: note\nx\n```",
                                  ":::{note}\nx\n:::", "(my-label)=\n# Heading", "{{ today }}"])
def test_the_myst_check_catches_each_kind(text):
    assert any(pattern.search(text) for pattern in MYST.values())


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_paragraph_links_point_at_the_article_anchors(notebook):
    """¶ references are ordinary links to ``#para-N``: the book resolves them to the article's
    paragraph, and the notebook's passage cell carries the same anchors."""
    links = [int(n) for _, text in markdown_cells(notebook) for n in re.findall(r"\[¶(\d+)\]\(#para-\1\)", text)]
    bare = [m for _, text in markdown_cells(notebook) for m in re.findall(r"\[¶\d+\]\((?!#para-)[^)]*\)", text)]
    assert bare == []
    assert all(1 <= n <= 15 for n in links)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_starts_with_how_to_run_the_shared_setup_and_the_passage(notebook):
    all_cells = cells(notebook)
    headings = [c.source.splitlines()[0] for c in all_cells if c.cell_type == "markdown"]
    assert headings[1] == "## How to run this notebook"
    first_code = next(c for c in all_cells if c.cell_type == "code")
    assert first_code.source == notebook_setup.CELL, "run: python tools/notebook_setup.py"
    assert {"setup", "hide-input"} <= set(first_code.metadata["tags"])
    assert first_code.metadata["jupyter"]["source_hidden"] is True
    assert any(c.cell_type == "code" and "show_passage(" in c.source for c in all_cells)


@pytest.mark.slow  # starts a kernel
def test_a_notebook_copied_out_of_the_book_stops_with_one_sentence(tmp_path):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    alone = tmp_path / "Downloads" / "membership.ipynb"
    alone.parent.mkdir()
    shutil.copy(ROOT / "chapters" / "02-membership" / "membership.ipynb", alone)
    nb = nbformat.read(alone, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(alone.parent)}})
    with pytest.raises(CellExecutionError):
        client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert len(errors) == 1 and errors[0].ename == "NotInTheBook"
    assert len(errors[0].traceback) == 1, "Jupyter should show one sentence, not a traceback"
    assert "one chapter of the book 'The SCO through one article'" in errors[0].traceback[0]
    assert "full copy of the book" in errors[0].traceback[0]
