"""Open the book's notebooks in real JupyterLab and Notebook 7 and drive them in headless Chromium.

    python tools/jupyter_ui.py [lab|notebook ...]   # every notebook: Run All, screenshots, errors

writes ``test-output/jupyter/<interface>/<notebook>-top.png`` (the first screen) and
``-chart.png`` (the first chart) and prints, per notebook, whether every cell ran without an
error. ``tests/test_where_notebooks_run.py`` uses the same functions to check the live quiz and
the year box by keyboard in the replayed hub environment.

The server runs on 127.0.0.1 with a random port and no token (nothing leaves the machine);
``expose_app_in_browser`` lets the script call Jupyter's own commands ("run all cells").
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from browser import CHROMIUM_FLAGS, chromium_executable  # noqa: E402

# "?reset": JupyterLab opens just this notebook instead of restoring the tabs of the last visit.
APPS = {"lab": ("jupyter-lab", "LabApp", "lab/tree/{}?reset"), "notebook": ("jupyter-notebook", "JupyterNotebookApp", "notebooks/{}")}


def clean_copy(destination: Path) -> Path:
    """What a fresh clone of this branch holds (tracked and not-ignored files; no ``.venv``,
    ``_build`` or caches), copied to ``destination``. Jupyter saves what it runs, so the
    notebooks are always driven in a copy, never in the checkout."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    """``with JupyterServer(python, root, "lab") as server:`` — a server on 127.0.0.1 and a
    Chromium page; ``server.open(path)`` opens a notebook and waits until it is ready."""

    def __init__(self, python: Path, root: Path, interface: str, browser=None):
        """``browser``: a running Playwright browser to use (the tests pass theirs: one process
        cannot run two Playwright sync sessions); without one, the server starts its own."""
        self.python, self.root, self.interface = Path(python), Path(root), interface
        self.port = free_port()
        self.browser, self.own_browser = browser, browser is None

    def __enter__(self):
        from playwright.sync_api import sync_playwright

        app, cls, self.path_template = APPS[self.interface]
        # A fresh workspace and settings folder, as a new student has: JupyterLab would otherwise
        # reopen the tabs of an earlier session, and the notebook under test would not be in front.
        self.scratch = Path(tempfile.mkdtemp(prefix=f"jupyter-{self.interface}-"))
        self.log = open(self.scratch / "server.log", "w")
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(self.scratch / "config"),
               "JUPYTERLAB_WORKSPACES_DIR": str(self.scratch / "workspaces")}
        env.pop("SCOBOOK_ROOT", None)
        self.process = subprocess.Popen(
            [str(self.python.parent / app), "--no-browser", "--allow-root", f"--port={self.port}",
             "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
             f"--{cls}.expose_app_in_browser=True", f"--ServerApp.root_dir={self.root}"],
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"the {self.interface} server did not start:\n"
                                       f"{(self.scratch / 'server.log').read_text()[-2000:]}") from None
                time.sleep(0.3)
        if self.own_browser:
            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
        self.context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        return self

    def __exit__(self, *exc):
        self.context.close()
        if self.own_browser:
            self.browser.close()
            self.playwright.stop()
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def open(self, notebook: str) -> None:
        page = self.page
        page.goto(f"http://127.0.0.1:{self.port}/{self.path_template.format(notebook)}")
        name = Path(notebook).name
        page.wait_for_function(f"window.jupyterapp?.shell.currentWidget?.context?.path?.endsWith({name!r})"
                               " && document.querySelector('.jp-Notebook .jp-Cell')", timeout=90_000)
        page.wait_for_function("window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'",
                               timeout=90_000)

    def run_all(self) -> None:
        """Jupyter's own "Run All Cells", then wait until every code cell has run."""
        page = self.page
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        # Read the notebook model, not the prompts: a folded cell (the setup cell) shows no prompt.
        page.wait_for_function(
            """() => { const panel = window.jupyterapp.shell.currentWidget;
                       const code = Array.from(panel.content.model.cells).filter(c => c.type === 'code');
                       return code.length && code.every(c => c.executionCount !== null)
                              && panel.sessionContext.session.kernel.status === 'idle'; }""",
            timeout=300_000)
        page.wait_for_timeout(1500)  # widgets render after the kernel's reply

    def scroll_to_cell(self, index: int) -> None:
        """Bring a cell to the top of the view (both interfaces render only what is in view)."""
        self.page.evaluate(f"""(() => {{ const nb = window.jupyterapp.shell.currentWidget.content;
            nb.activeCellIndex = {index}; return nb.scrollToItem({index}, 'start'); }})()""")
        self.page.wait_for_timeout(1500)

    def first_cell_with_image(self) -> int | None:
        index = self.page.evaluate("""(() => { const cells = Array.from(window.jupyterapp.shell.currentWidget.content.model.cells);
            return cells.findIndex(c => c.type === 'code' && Array.from({length: c.outputs.length}, (_, i) => c.outputs.get(i))
                .some(o => o.data['image/png'] || String(o.data['text/html'] || '').includes('<img'))); })()""")
        return None if index < 0 else index

    def errors(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "[data-mime-type='application/vnd.jupyter.error'], .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
            "nodes => nodes.map(n => n.innerText.slice(0, 300))")

    def active_cell(self) -> int:
        return self.page.evaluate(
            "[...document.querySelectorAll('.jp-Notebook .jp-Cell')].findIndex(c => c.classList.contains('jp-mod-active'))")


def check_keyboard(server: JupyterServer, notebook: str, shots: Path) -> dict:
    """Run the notebook, focus the first option of the live quiz, then Tab to the second option,
    Space to choose it, Tab to "Check answer" and Enter: the keyboard alone answers a question."""
    server.open(notebook)
    server.run_all()
    page = server.page
    options = page.locator(".sco-live-quiz .widget-toggle-button")
    options.first.wait_for(timeout=60_000)
    options.first.scroll_into_view_if_needed()
    options.first.focus()
    cell = server.active_cell()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.wait_for_timeout(500)
    chosen = page.locator(".sco-live-quiz .widget-toggle-button.mod-active").count() == 1
    for _ in range(6):  # past the remaining options to the question's "Check answer"
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Check answer":
            break
    page.keyboard.press("Enter")
    page.wait_for_timeout(1000)
    feedback = page.locator(".sco-live-quiz .widget-html-content").all_inner_texts()
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / f"{server.interface}-quiz-keyboard.png"))
    return {"chosen_by_keyboard": chosen, "active_cell_unchanged": server.active_cell() == cell,
            "feedback": " ".join(feedback)}


def check_year_box(server: JupyterServer, notebook: str, year: int, shots: Path) -> dict:
    """Type a year into the membership explorer's box and read what it redraws."""
    server.open(notebook)
    server.run_all()
    page = server.page
    box = page.locator(".widget-inline-hbox input[type=number]").first
    box.wait_for(timeout=60_000)
    box.scroll_into_view_if_needed()
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(str(year))
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.body.innerText.includes('31 December {year}')", timeout=30_000)
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / f"{server.interface}-year-box.png"))
    view = page.locator(".widget-html-content", has_text=f"31 December {year}").first.inner_text()
    return {"view": view}


def check_state_blocs(server: JupyterServer, notebook: str, state: str, year: int, shots: Path) -> dict:
    """Choose a state and a year in chapter 4's explorer (two drop-down lists) and read what it
    redraws. The explorer's cell is scrolled into view first: both interfaces lay out only the
    cells in view, and text out of view is not rendered."""
    server.open(notebook)
    server.run_all()
    page = server.page
    index = page.evaluate("""Array.from(window.jupyterapp.shell.currentWidget.content.model.cells)
        .findIndex(c => c.type === 'code' && c.sharedModel.getSource().includes('show_explorer("state-blocs")'))""")
    server.scroll_to_cell(index)
    states = page.locator(".widget-dropdown", has_text="State").locator("select").first
    years = page.locator(".widget-dropdown", has_text="Year").locator("select").first
    states.wait_for(timeout=60_000)
    states.scroll_into_view_if_needed()
    states.select_option(label=state)
    years.select_option(label=str(year))
    wanted = f"{state} on 31 December {year}"
    page.wait_for_function(f"[...document.querySelectorAll('.widget-html-content')].some(e => e.textContent.includes({wanted!r}))",
                           timeout=30_000)
    years.scroll_into_view_if_needed()
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / f"{server.interface}-state-blocs.png"))
    view = page.locator(".widget-html-content", has_text=wanted).first.text_content()
    return {"view": " ".join(view.split())}


def tour(interfaces: list[str]) -> int:
    """Every notebook in each interface, in a clean copy of the book: Run All, screenshots of the
    first screen and the first chart, and the error outputs (there should be none)."""
    notebooks = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)
    failures = 0
    copy = clean_copy(Path(tempfile.mkdtemp(prefix="sco-book-")) / "sco-book")
    for interface in interfaces:
        shots = ROOT / "test-output" / "jupyter" / interface
        shots.mkdir(parents=True, exist_ok=True)
        with JupyterServer(Path(sys.executable), copy, interface) as server:
            for notebook in notebooks:
                started = time.monotonic()
                server.open(notebook)
                server.run_all()
                name = Path(notebook).stem
                server.scroll_to_cell(0)
                server.page.screenshot(path=str(shots / f"{name}-top.png"))
                chart = server.first_cell_with_image()
                if chart is not None:
                    server.scroll_to_cell(chart)
                    output = server.page.locator(".jp-Notebook .jp-Cell.jp-mod-active .jp-OutputArea").first
                    output.scroll_into_view_if_needed()
                    server.page.wait_for_timeout(1000)
                    output.screenshot(path=str(shots / f"{name}-chart.png"))
                exercise = server.page.evaluate("""(() => Array.from(window.jupyterapp.shell.currentWidget.content.model.cells)
                    .findIndex(c => c.type === 'markdown' && c.sharedModel.getSource().startsWith('### Exercise 1')))()""")
                if exercise >= 0:  # the first exercise: the student's cell, its check, the folded solution
                    server.scroll_to_cell(exercise)
                    server.page.screenshot(path=str(shots / f"{name}-exercise.png"))
                errors = server.errors()
                failures += bool(errors)
                print(f"{interface:8} {notebook:55} {time.monotonic() - started:5.1f} s  "
                      f"{'errors: ' + ' | '.join(errors) if errors else 'no errors'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(tour(sys.argv[1:] or ["lab", "notebook"]))
