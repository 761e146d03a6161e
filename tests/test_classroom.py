"""The classroom kit: the offline class pack, the printable handout, Binder's environment and
the JupyterHub launch link."""

import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, STRICT_FLAGS
from scobook.article import load_article

sys.path.insert(0, str(ROOT / "tools"))
import classpack  # noqa: E402
import handout  # noqa: E402


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


def test_handout_pdf_has_every_paragraph_and_fits_on_a_few_a4_pages(html_dir, tmp_path, browser):
    from pypdf import PdfReader  # imported here: the fast lane does not need it
    pdf = handout.print_handout(html_dir, tmp_path / "handout.pdf", browser)
    reader = PdfReader(pdf)
    assert 2 <= len(reader.pages) <= 10  # the article, model, key terms, word bank, evidence pack, questions
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5  # A4 in points
    # NFKC undoes the ligatures ("ﬀ") of text extraction; Sphinx's smart quotes turn ' into ’
    text = unicodedata.normalize("NFKC", " ".join(" ".join(page.extract_text() for page in reader.pages).split()))
    text = text.replace("\u2019", "'")
    for n, paragraph in zip(load_article().paragraphs["n"], load_article().paragraphs["text"]):
        assert f"¶{n}" in text
        assert " ".join(paragraph.split()[:8]) in text, f"¶{n} is missing from the handout"
    assert "Key terms" in text and "Discussion questions" in text


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


def test_the_published_site_carries_the_handout_pdf(html_dir):
    """The handout page links handout.pdf beside it; the Pages workflow prints it there."""
    page = (html_dir / "chapters" / "handout.html").read_text()
    assert 'href="handout.pdf"' in page
    assert (html_dir / handout.PDF).parent == (html_dir / handout.PAGE).parent
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text()
    assert workflow.index("make book") < workflow.index("make handout") < workflow.index("upload-pages-artifact")


def test_the_handout_carries_the_reading_aids_and_no_data_labels(html_dir):
    from bs4 import BeautifulSoup

    from scobook.article import load_article

    page = (html_dir / "chapters" / "handout.html").read_text()
    assert "(unconfirmed)" not in page and ">source<" not in page
    text = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split()).replace("\u2019", "'")
    for word in load_article().word_bank:
        assert word["meaning"] in text, word["term"]
    assert "F: factual claim" in page  # the classification model, printed
    from scobook.claims import load_perspectives

    for heading in ("Principle and practice", "How others framed the Qingdao summit", "What changed since the article"):
        assert heading in text  # the evidence pack, built from data/
    assert all(p["outlet"] in text for p in load_perspectives())
