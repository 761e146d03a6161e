"""The table of contents and the chapters folder agree, and notebooks are stored clean."""

import json
from pathlib import Path

import pytest

from conftest import NOTEBOOKS, ROOT, toc_files


def source_file(entry: str) -> Path | None:
    for suffix in (".md", ".ipynb"):
        if (ROOT / f"{entry}{suffix}").exists():
            return ROOT / f"{entry}{suffix}"
    return None


def test_every_toc_entry_exists():
    missing = [entry for entry in toc_files() if source_file(entry) is None]
    assert missing == []


def test_every_chapter_file_is_in_the_toc():
    listed = {source_file(entry) for entry in toc_files()}
    pages = [p for p in (ROOT / "chapters").rglob("*") if p.suffix in {".md", ".ipynb"} and ".ipynb_checkpoints" not in p.parts]
    assert pages, "no chapter files found"
    assert sorted(str(p.relative_to(ROOT)) for p in pages if p not in listed) == []



@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_stored_without_outputs(notebook):
    cells = json.loads(notebook.read_text())["cells"]
    dirty = [i for i, c in enumerate(cells) if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert dirty == [], f"cells with outputs or execution counts: {dirty}"
