"""Benchmark the book: build times against the stock `jupyter-book create` book, notebook
execution times against an empty notebook, and the transferred size of every page.

Run with `make bench` (or `.venv/bin/python benchmarks/run.py`). Prints tables; asserts nothing.
Needs Chromium for the page sizes (see CONTRIBUTING.md, "Browser tests").
"""

from __future__ import annotations

import ast
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from book import STRICT_FLAGS as FLAGS  # noqa: E402
from book import html_pages, notebooks  # noqa: E402

from browser import CHROMIUM_FLAGS, chromium_executable, serve_directory  # noqa: E402

PAGES = html_pages()
NOTEBOOKS = notebooks()
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")


def timed_build(source: Path, out: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([str(JUPYTER_BOOK), "build", *FLAGS, "--path-output", str(out), str(source)],
                          cwd=source, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"build of {source} failed:\n{(proc.stdout + proc.stderr)[-2000:]}")
    return elapsed


def build_figures(source: Path, out: Path, notebook: Path) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    cold = timed_build(source, out)
    warm = timed_build(source, out)
    notebook.touch()
    touched = timed_build(source, out)
    pages = len(list((out / "_build" / "html").rglob("*.html"))) - 2  # minus genindex and search
    return {"cold": cold, "warm": warm, "touched": touched, "pages": pages}


def notebook_seconds(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def median_seconds(path: Path, runs: int = 3) -> float:
    return statistics.median(notebook_seconds(path) for _ in range(runs))


def imports_only(out: Path) -> Path:
    """A notebook of the chapters' import lines and nothing else (pandas, matplotlib, ipywidgets and
    the package): the least any of them can take, since a student's Run All starts with them."""
    lines = {"import matplotlib.pyplot  # every chapter draws (scobook.charts.new_figure imports it)"}
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                tree = ast.parse(cell.source)  # the cells are plain Python (no magics)
                lines |= {ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))}
    setup = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(setup + "\n".join(sorted(lines)))]), out)
    return out


def page_weights(html: Path) -> list[tuple[str, int, int, int, int]]:
    """(page, bytes of the HTML, bytes of HTML + assets, the same gzip-compressed as a compressing
    web server such as GitHub Pages sends them, requests) for every page, with a cold cache."""
    import gzip

    from playwright.sync_api import sync_playwright

    rows = []
    with serve_directory(html) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
        for name in PAGES:
            context = browser.new_context()
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith((base, "data:")) else r.abort())
            page = context.new_page()
            bodies = []
            page.on("response", lambda r, bodies=bodies: bodies.append(r.body()) if r.url.startswith(base) and r.status < 400 else None)
            page.goto(f"{base}/{name}", wait_until="networkidle")
            own = len((html / name.split("?")[0]).read_bytes())
            compressed = sum(len(gzip.compress(b, 6)) for b in bodies)
            rows.append((name, own, sum(len(b) for b in bodies), compressed, len(bodies)))
            context.close()
        browser.close()
    return sorted(rows, key=lambda r: -r[2])


def main() -> None:
    print(f"# Benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()}: {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.machine()}\n")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours = build_figures(ROOT, tmp / "ours", NOTEBOOKS[0])
        subprocess.run([str(JUPYTER_BOOK), "create", str(tmp / "stock")], check=True, capture_output=True)
        stock = build_figures(tmp / "stock", tmp / "stock-out", tmp / "stock" / "notebooks.ipynb")

        print("## Build (strict flags, seconds)\n")
        print("| build | ours | stock book | ours per page | stock per page | ratio per page |")
        print("|---|---:|---:|---:|---:|---:|")
        for key, label in (("cold", "cold (empty _build)"), ("warm", "warm (nothing changed)"), ("touched", "after touching one notebook")):
            ours_pp, stock_pp = ours[key] / ours["pages"], stock[key] / stock["pages"]
            print(f"| {label} | {ours[key]:.1f} | {stock[key]:.1f} | {ours_pp:.2f} | {stock_pp:.2f} | {ours_pp / stock_pp:.2f}x |")
        print(f"\nPages: ours {ours['pages']}, stock {stock['pages']}.\n")

        empty = tmp / "empty.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")]), empty)
        notebook_seconds(empty)  # a first kernel start, not counted (after the builds, it can take seconds)
        baseline = median_seconds(empty)
        floor = median_seconds(imports_only(tmp / "imports.ipynb"))
        print("## Notebook execution (seconds, nbclient, from the notebook's folder, median of 3, as a student runs them)\n")
        print("| notebook | seconds | × empty notebook | × imports only |")
        print("|---|---:|---:|---:|")
        print(f"| (empty notebook) | {baseline:.2f} | 1.0 | |")
        print(f"| (the chapters' import lines only) | {floor:.2f} | {floor / baseline:.1f} | 1.0 |")
        for path in NOTEBOOKS:
            seconds = median_seconds(path)
            print(f"| {path.relative_to(ROOT)} | {seconds:.2f} | {seconds / baseline:.1f} | {seconds / floor:.1f} |")

        print("\n## Transferred size per page (HTML and every asset it loads, cold cache)\n")
        print("| page | HTML KB | KB with assets | KB gzip-compressed | requests |")
        print("|---|---:|---:|---:|---:|")
        for name, own, size, compressed, count in page_weights(tmp / "ours" / "_build" / "html"):
            print(f"| {name} | {own / 1024:.0f} | {size / 1024:.0f} | {compressed / 1024:.0f} | {count} |")


if __name__ == "__main__":
    main()
