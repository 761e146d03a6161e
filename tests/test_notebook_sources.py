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


# --- One skeleton for every notebook (issue 13): the lesson in view, exercises, the plumbing folded

#: The headings every notebook has, in this order (the lesson's own sections go between
#: "How to run this notebook" and "Exercises").
SKELETON = ["# ", "## Overview", "## How to run this notebook", "## Exercises", "## Check your understanding",
            "## Summary", "## What's next", "## Resources"]
#: A visible code cell longer than this is split, or folded if it is presentation, not lesson.
MAX_VISIBLE_LINES = 15


def headings(notebook) -> list[str]:
    return [line.strip() for c in cells(notebook) if c.cell_type == "markdown"
            for line in c.source.splitlines() if re.match(r"#{1,2} ", line)]


def folded(cell) -> bool:
    """Folded in the book ("Show code") and in JupyterLab/Notebook 7 (source hidden)."""
    tags = cell.metadata.get("tags", [])
    return bool({"hide-input", "hide-cell"} & set(tags)) and cell.metadata.get("jupyter", {}).get("source_hidden") is True


def folded_with_output(cell) -> bool:
    """A worked solution: code *and* its "Right: ..." folded, in the book and in Jupyter."""
    return ("hide-cell" in cell.metadata.get("tags", []) and folded(cell)
            and cell.metadata["jupyter"].get("outputs_hidden") is True)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_follows_the_skeleton_in_order(notebook):
    found = headings(notebook)
    positions = []
    for wanted in SKELETON:
        match = [i for i, h in enumerate(found) if (h.startswith(wanted) if wanted == "# " else h == wanted)]
        assert match, f"{notebook.name} has no heading {wanted!r}; its headings: {found}"
        positions.append(match[0])
    assert positions == sorted(positions), f"{notebook.name}: headings out of order: {found}"
    lesson = found[positions[2] + 1:positions[3]]
    assert len(lesson) >= 2, f"{notebook.name}: the lesson needs its own sections between 'How to run' and 'Exercises'"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_three_exercises_each_with_a_cell_a_check_and_a_folded_solution(notebook):
    all_cells = cells(notebook)
    exercises = [i for i, c in enumerate(all_cells) if c.cell_type == "markdown"
                 and re.match(r"### Exercise \d+", c.source)]
    assert len(exercises) >= 3, f"{notebook.name}: {len(exercises)} exercises"
    numbers = [int(re.match(r"### Exercise (\d+)", all_cells[i].source)[1]) for i in exercises]
    assert numbers == list(range(1, len(numbers) + 1))
    ids = []
    for start, end in zip(exercises, [*exercises[1:], len(all_cells)]):
        block = all_cells[start + 1:end]
        work = [c for c in block if "exercise" in c.metadata.get("tags", [])]
        solution = [c for c in block if "solution" in c.metadata.get("tags", [])]
        assert len(work) == 1 and len(solution) == 1, f"{notebook.name}: {all_cells[start].source[:40]!r}"
        checked = re.findall(r'check\("([a-z0-9-]+)"', work[0].source)
        assert checked and checked == re.findall(r'check\("([a-z0-9-]+)"', solution[0].source)
        assert "..." in work[0].source, "the student's cell leaves ... to replace"
        assert solution[0].source.strip().splitlines()[-1].startswith("assert check("), "a solution proves itself"
        assert not folded(work[0]) and folded_with_output(solution[0])
        ids += checked
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_the_exercises_open_with_the_python_they_need(notebook):
    """Issue 24: a short "Python you need" box before the exercises: masks, & and |, the index,
    what a KeyError says and how to list a table's columns."""
    all_cells = cells(notebook)
    start = next(i for i, c in enumerate(all_cells) if c.cell_type == "markdown" and c.source.startswith("## Exercises"))
    box = all_cells[start + 1]
    assert box.cell_type == "markdown" and box.source.startswith("**Python you need for these exercises**")
    for idea in ("KeyError", ".columns", "index"):
        assert idea in box.source, (notebook.name, idea)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_visible_code_cell_is_longer_than_15_lines(notebook):
    long = [(i, len(c.source.strip().splitlines())) for i, c in enumerate(cells(notebook))
            if c.cell_type == "code" and not folded(c) and len(c.source.strip().splitlines()) > MAX_VISIBLE_LINES]
    assert long == [], f"{notebook.name}: visible code cells (index, lines) over {MAX_VISIBLE_LINES}: {long}"


#: Idioms a student with one earlier Python class got lost in (issue 24), each with the plainer form
#: the lesson code uses instead. They may appear in folded plumbing and "# Presentation" cells only.
HARD_IDIOMS = {
    "starred unpacking in a loop": re.compile(r"for [^:\n]*\*\w+"),
    "assert_frame_equal": re.compile(r"assert_frame_equal"),
    "itertuples(name=None) into a set": re.compile(r"itertuples\(name=None|itertuples\(index=False, name=None"),
    "agg(lambda ...)": re.compile(r"\.agg\(\s*lambda"),
    "arithmetic with % and a conditional expression": re.compile(r"%\s*\d+\s*\+\s*\d+\)\s*\*\s*\(\d+ if"),
    "matplotlib date numbers": re.compile(r"date2num"),
}


@pytest.mark.parametrize("text", ["for i, (label, *_rest) in enumerate(x):", "pd.testing.assert_frame_equal(a, b)",
                                  "set(t.itertuples(name=None))", 'g["c"].agg(lambda c: ", ".join(c))',
                                  "y = (i % 3 + 1) * (1 if i % 2 == 0 else -1)", "mdates.date2num(end)"])
def test_the_idiom_check_catches_each_idiom(text):
    assert any(pattern.search(text) for pattern in HARD_IDIOMS.values())


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_the_lesson_code_avoids_idioms_a_first_year_student_cannot_follow(notebook):
    found = [(i, kind) for i, c in enumerate(cells(notebook))
             if c.cell_type == "code" and not folded(c) and not c.source.startswith("# Presentation")
             for kind, pattern in HARD_IDIOMS.items() if pattern.search(c.source)]
    assert found == [], f"{notebook.name}: visible lesson code (cell, idiom): {found}"


def test_every_exercise_of_the_package_is_used_by_a_notebook():
    from scobook.exercises import EXERCISES

    used = {i for nb in NOTEBOOKS for c in cells(nb) if "solution" in c.metadata.get("tags", [])
            for i in re.findall(r'check\("([a-z0-9-]+)"', c.source)}
    assert used == set(EXERCISES)
