"""The classroom kit: the offline class pack, the lesson pack's PDFs on the published site,
Binder's environment and the JupyterHub launch link (the pack's printing: tests/test_pack.py)."""

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, STRICT_FLAGS

sys.path.insert(0, str(ROOT / "tools"))
import classpack  # noqa: E402
import print_pack  # noqa: E402


@pytest.mark.slow  # runs a notebook in a kernel
def test_classpack_unpacks_and_runs_a_notebook_with_its_own_copy_of_everything(tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient
    archive = classpack.write_pack(tmp_path / "pack.zip")
    with zipfile.ZipFile(archive) as pack:
        names = set(pack.namelist())
        pack.extractall(tmp_path / "unpacked")
    root = tmp_path / "unpacked" / classpack.PACK_NAME
    for required in ("START-HERE.md", "requirements.txt", "pyproject.toml", "data/sco_membership.csv",
                     "data/countries_110m.json", "scobook/membership.py", "chapters/02-membership/membership.ipynb"):
        assert f"{classpack.PACK_NAME}/{required}" in names, required
    assert "pip install -r requirements.txt" in (root / "START-HERE.md").read_text()
    # the kernel must import the pack's helper package and read the pack's data, not the repository's
    notebook = root / "chapters" / "02-membership" / "membership.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import scobook, scobook.paths\n"
        f"assert scobook.__file__.startswith({str(root)!r}), scobook.__file__\n"
        f"assert str(scobook.paths.data_dir()).startswith({str(root)!r}), scobook.paths.data_dir()"))
    NotebookClient(nb, timeout=120, kernel_name="python3", skip_cells_with_tag="(none)",
                   resources={"metadata": {"path": str(notebook.parent)}}).execute()


@pytest.mark.build  # builds the book with another configuration
def test_setting_a_jupyterhub_url_adds_an_nbgitpuller_launch_link(tmp_path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["launch_buttons"]["jupyterhub_url"] = "https://hub.example.edu"
    config["execute"]["execute_notebooks"] = "off"  # only the launch links are looked at here
    config_path = tmp_path / "_config.yml"
    config_path.write_text(yaml.safe_dump(config))
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run([str(jupyter_book), "build", *STRICT_FLAGS, "--config", str(config_path),
                           "--path-output", str(tmp_path), str(ROOT)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    page = (tmp_path / "_build/html/chapters/02-membership/membership.html").read_text()
    link = re.search(r'https://hub\.example\.edu/hub/user-redirect/git-pull\?[^"\']+', page)
    assert link, "no JupyterHub launch link"
    assert "urlpath=lab/tree/sco-book/chapters/02-membership/membership.ipynb" in link.group(0)


def test_the_published_site_carries_the_pack_pdfs():
    """The pack's page links each document's PDF beside the pages; the Pages workflow prints them
    there with `make print` after building the book."""
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text()
    assert workflow.index("make book") < workflow.index("make print") < workflow.index("upload-pages-artifact")
    assert print_pack.PACK_DIR == "chapters/pack"


def test_the_pack_page_links_every_pdf(html_dir):
    from scobook.lesson import load_lesson

    page = (html_dir / "chapters" / "pack" / "index.html").read_text()
    from scobook.sphinx.pack import pdf_name

    for document in load_lesson()["documents"]:
        assert f'href="{pdf_name(document["page"])}"' in page, document["page"]
