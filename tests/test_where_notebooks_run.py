"""The notebooks run where the book says they run, replayed as each place really sets them up.

- **Binder**: ``jupyter-repo2docker --no-build --debug`` prints the Dockerfile that Binder would
  build from a clean copy of the repository. The environment-assembly steps it prints (the
  ``pip install`` commands, ``postBuild`` if there is one) are replayed in a fresh venv, and every
  notebook is executed from its own folder.
- **A school's JupyterHub**: the hub's environment has the third-party packages of
  ``requirements.txt`` (installed once by the administrator) and JupyterLab / Notebook 7;
  nbgitpuller copies the repository into the student's home and installs nothing. Replayed with
  a fresh venv, a copy of the repository in a temporary "home", every notebook executed.

Each notebook is executed once per environment; every cell runs, widgets included, as a student's
"Run All" would. These tests take a few minutes (two fresh venvs): ``-m "not slow"`` skips them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import NOTEBOOKS, ROOT, STRICT_FLAGS

sys.path.insert(0, str(ROOT / "tools"))
import jupyter_ui  # noqa: E402
from jupyter_ui import clean_copy  # noqa: E402

pytestmark = pytest.mark.slow

#: Runs one notebook from its own folder with nbclient, every cell, inside the environment under
#: test; prints one line per cell error (there should be none).
RUN_NOTEBOOK = """
import sys, nbformat
from nbclient import NotebookClient
from pathlib import Path
path = Path(sys.argv[1])
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, timeout=180, kernel_name="python3", skip_cells_with_tag="(none)",
               resources={"metadata": {"path": str(path.parent)}}).execute()
shown = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.get("output_type") in ("display_data", "execute_result"))
print(f"executed {path.name}: {shown} displayed outputs")
"""


def fresh_venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(path)
    return path / "bin" / "python"


def outside_env() -> dict[str, str]:
    """The environment a student's kernel gets: nothing that points at this checkout."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "SCOBOOK_ROOT")}


def run_notebook(python: Path, notebook: Path) -> subprocess.CompletedProcess:
    # The kernel must be the environment's own, not this test's: put its bin/ first on PATH.
    env = {**outside_env(), "PATH": f"{python.parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run([str(python), "-c", RUN_NOTEBOOK, str(notebook)], cwd=notebook.parent,
                          capture_output=True, text=True, env=env, timeout=900)


def assert_ran(proc: subprocess.CompletedProcess, notebook: Path) -> None:
    assert proc.returncode == 0, f"{notebook.name} failed:\n{(proc.stdout + proc.stderr)[-4000:]}"
    assert f"executed {notebook.name}" in proc.stdout


# --- Binder: what repo2docker prints, replayed ----------------------------------------------------

def repo2docker_dockerfile(repository: Path) -> str:
    repo2docker = Path(sys.executable).with_name("jupyter-repo2docker")
    proc = subprocess.run([str(repo2docker), "--no-build", "--no-run", "--debug", str(repository)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    return proc.stdout + proc.stderr


def assembly_steps(dockerfile: str) -> list[str]:
    """The ``RUN`` commands after the repository is copied in: the steps that turn the
    repository's files into the environment (repo2docker's "assemble scripts")."""
    after_copy = dockerfile.split("COPY --chown=0:0 src/ ${REPO_DIR}/", 1)
    assert len(after_copy) == 2, "repo2docker's output no longer copies the repository as expected"
    steps = []
    for line in after_copy[1].splitlines():
        if line.startswith("RUN "):
            steps.append(line[len("RUN "):].strip())
        if line.startswith("LABEL "):
            break
    return steps


def replay_command(step: str, python: Path) -> list[str]:
    """One assembly step as a command for the fresh venv. ``--no-cache-dir`` is dropped: it only
    keeps Docker layers small, and pip's cache makes the replay fast. Any other kind of step is
    refused, so a change in what Binder runs fails this test instead of being skipped."""
    pip = re.fullmatch(r"\$\{(?:KERNEL|NB)_PYTHON_PREFIX\}/bin/pip install (.*)", step)
    if pip:
        args = [a.strip('"') for a in pip[1].split() if a != "--no-cache-dir"]
        return [str(python), "-m", "pip", "install", "--quiet", *args]
    if re.fullmatch(r"(chmod \+x )?(\./)?(binder/)?postBuild", step):
        return ["bash", "-c", step]
    pytest.fail(f"repo2docker runs a step this replay does not know: {step!r}")


@pytest.fixture(scope="module")
def binder(tmp_path_factory):
    """A clean copy of the repository, repo2docker's output for it, and a venv built by replaying
    that output's assembly steps in the copy (repo2docker's working directory is the repository)."""
    repository = clean_copy(tmp_path_factory.mktemp("binder") / "repo")
    dockerfile = repo2docker_dockerfile(repository)
    (ROOT / "test-output").mkdir(exist_ok=True)
    (ROOT / "test-output" / "repo2docker-dockerfile.txt").write_text(dockerfile)
    python = fresh_venv(tmp_path_factory.mktemp("binder-venv") / "venv")
    steps = assembly_steps(dockerfile)
    env = {**outside_env(), "PATH": f"{python.parent}{os.pathsep}{os.environ['PATH']}"}
    for step in steps:
        subprocess.run(replay_command(step, python), cwd=repository, env=env, check=True, timeout=900)
    return repository, dockerfile, steps, python


def test_binder_installs_requirements_and_then_the_repository(binder):
    _, dockerfile, steps, _ = binder
    assert "Building conda environment for python=3.11" in dockerfile  # runtime.txt was read
    assert 'pip install --no-cache-dir -r "requirements.txt"' in " ".join(steps)
    # Binder's extra `pip install .` puts a copy of scobook into site-packages, away from data/:
    # the notebooks must not depend on where the package is installed.
    assert any(step.endswith("pip install --no-cache-dir .") for step in steps), steps


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_binder(binder, notebook):
    repository, _, _, python = binder
    copy = repository / notebook.relative_to(ROOT)
    assert_ran(run_notebook(python, copy), copy)


def test_on_binder_a_students_own_code_finds_the_data_from_its_folder(binder):
    """Code without the notebooks' setup cell imports Binder's site-packages copy of scobook;
    the data must still be the copy of the book the code runs in, found from its folder."""
    repository, _, _, python = binder
    probe = ("import scobook, scobook.paths; from scobook.article import load_article; "
             "print(scobook.__file__); print(scobook.paths.data_dir()); print(len(load_article().paragraphs))")
    folder = repository / "chapters" / "02-membership"
    proc = subprocess.run([str(python), "-c", probe], cwd=folder, capture_output=True, text=True, env=outside_env())
    assert proc.returncode == 0, proc.stderr[-2000:]
    package, data, paragraphs = proc.stdout.split()
    assert "site-packages" in package, "this probe is meant to use the copy Binder installs"
    assert Path(data) == repository / "data"
    assert int(paragraphs) > 0


def test_binder_jupyterlab_accepts_the_pinned_widgets_extension(binder):
    """Binder's JupyterLab comes from repo2docker's base environment; the pinned ipywidgets'
    JupyterLab extension must declare support for that version, and pip must install into the
    environment the server runs from (kernel and server share one environment for python-3.11)."""
    _, dockerfile, _, python = binder
    prefixes = dict(re.findall(r"^ENV (KERNEL_PYTHON_PREFIX|NB_PYTHON_PREFIX)=(\S+)$", dockerfile, re.M))
    assert prefixes["KERNEL_PYTHON_PREFIX"] == "${NB_PYTHON_PREFIX}", prefixes
    import repo2docker

    lock = Path(repo2docker.__file__).parent / "buildpacks" / "conda" / "environment.py-3.11-linux-64.lock"
    lab = re.search(r"/jupyterlab-(\d+)\.(\d+)\.(\d+)-", lock.read_text())
    assert lab, f"no JupyterLab in {lock.name}"
    lab_version = tuple(int(v) for v in lab.groups())
    manifest = python.parent.parent / "share/jupyter/labextensions/@jupyter-widgets/jupyterlab-manager/package.json"
    wanted = json.loads(manifest.read_text())["dependencies"]["@jupyterlab/application"]
    assert caret_allows(wanted, lab_version), f"widgets extension wants JupyterLab {wanted}; Binder has {lab_version}"


def caret_allows(spec: str, version: tuple[int, int, int]) -> bool:
    """npm's ``^4.0.0 || ^3.1.0``: same major version, and not older."""
    for part in spec.split("||"):
        major, minor, patch = (int(v) for v in part.strip().lstrip("^").split("."))
        if version[0] == major and version >= (major, minor, patch):
            return True
    return False


def test_caret_ranges_are_read_like_npm():
    assert caret_allows("^4.0.0", (4, 4, 9)) and caret_allows("^3.0.0 || ^4.0.0", (3, 6, 1))
    assert not caret_allows("^4.0.0", (3, 6, 8)) and not caret_allows("^4.2.0", (4, 1, 0))


def test_binder_links_open_notebooks_that_exist(html_dir):
    """Every Binder launch link in the built book opens a notebook that is in the repository."""
    targets = set()
    for page in html_dir.rglob("*.html"):
        targets.update(re.findall(r"mybinder\.org/v2/gh/[^\"'?]+\?urlpath=lab/tree/([^\"'&]+)", page.read_text()))
    assert {str(p.relative_to(ROOT)) for p in NOTEBOOKS} <= targets
    assert all((ROOT / target).is_file() for target in targets), targets


# --- A school's JupyterHub: third-party packages only, the repository copied by nbgitpuller --------

def third_party_requirements() -> list[str]:
    """requirements.txt must be installable on a hub as it is: no local or editable installs."""
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    local = [line for line in lines if line.startswith(("-e", ".", "/")) or "file:" in line]
    assert local == [], f"requirements.txt installs local code, which a hub cannot: {local}"
    return [line for line in lines if line]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """The hub's environment (requirements.txt + JupyterLab/Notebook 7, nothing of ours) and a
    student's home into which nbgitpuller copied the repository (as ~/<repository name>)."""
    third_party_requirements()
    python = fresh_venv(tmp_path_factory.mktemp("hub-venv") / "venv")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(ROOT / "requirements.txt"),
                    "-r", str(ROOT / "requirements-jupyter.txt")], check=True, timeout=900)
    home = tmp_path_factory.mktemp("home")
    repository = clean_copy(home / "sco-book")
    return home, repository, python


def test_the_hub_environment_has_no_scobook_of_its_own(hub):
    home, _, python = hub
    proc = subprocess.run([str(python), "-c", "import scobook"], cwd=home, capture_output=True, text=True,
                          env=outside_env())
    assert proc.returncode != 0 and "No module named 'scobook'" in proc.stderr


def test_the_jupyter_book_way_builds_with_requirements_txt_alone(hub, tmp_path):
    """What every Jupyter Book README teaches, and what a hub user can run: with requirements.txt
    installed and nothing of ours, `jupyter-book build .` builds the book strictly (the book's
    extension is found beside _config.yml, `sphinx: local_extensions`)."""
    _, _, python = hub
    book = clean_copy(tmp_path / "sco-book")
    proc = subprocess.run([str(python.parent / "jupyter-book"), "build", *STRICT_FLAGS, "."], cwd=book,
                          capture_output=True, text=True, timeout=1200,
                          env={**outside_env(), "PATH": f"{python.parent}{os.pathsep}{os.environ['PATH']}"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (book / "_build" / "html" / "chapters" / "02-membership" / "membership.html").is_file()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_a_jupyterhub_after_nbgitpuller(hub, notebook):
    _, repository, python = hub
    copy = repository / notebook.relative_to(ROOT)
    assert_ran(run_notebook(python, copy), copy)


@pytest.mark.browser
@pytest.mark.parametrize("interface", ["lab", "notebook"])
def test_live_quiz_and_year_box_work_by_keyboard_on_the_hub(hub, interface, browser):
    """JupyterLab and Notebook 7 from the hub's environment, driven in headless Chromium: the
    live quiz is answered with Tab and Space only (Jupyter's arrow-key bindings cannot steal it),
    the membership explorer takes a typed year, and chapter 4's explorer a state and a year."""
    _, repository, python = hub
    with jupyter_ui.JupyterServer(python, repository, interface, browser=browser) as server:
        result = jupyter_ui.check_keyboard(server, "chapters/01-article/article-as-data.ipynb",
                                           ROOT / "test-output" / "jupyter")
        assert result["chosen_by_keyboard"], result
        assert result["active_cell_unchanged"], result
        assert "Not quite" in result["feedback"] or "Correct" in result["feedback"], result
        year = jupyter_ui.check_year_box(server, "chapters/02-membership/membership.ipynb", 2005,
                                         ROOT / "test-output" / "jupyter")
        assert "31 December 2005" in year["view"], year
        blocs = jupyter_ui.check_state_blocs(server, "chapters/04-eurasian-integration/integration.ipynb",
                                             "Armenia", 2014, ROOT / "test-output" / "jupyter")
        assert "EAEU: not yet a member (joined on 2 January 2015)." in blocs["view"], blocs
