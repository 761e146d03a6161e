"""Shared fixtures: the repository root, and the book built once per test session, strictly."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRICT_FLAGS = ["--all", "-n", "-W", "--keep-going"]
NOTEBOOKS = sorted(p for p in ROOT.glob("chapters/**/*.ipynb") if ".ipynb_checkpoints" not in p.parts)


@dataclass
class BuiltBook:
    returncode: int
    log: str
    html: Path


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> BuiltBook:
    """Build the book with the strict flags into a temporary folder (not the user's _build)."""
    out = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run(
        [str(jupyter_book), "build", *STRICT_FLAGS, "--path-output", str(out), str(ROOT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    log = proc.stdout + proc.stderr
    (out / "build.log").write_text(log)
    return BuiltBook(proc.returncode, log, out / "_build" / "html")


@pytest.fixture(scope="session")
def html_dir(built_book) -> Path:
    """The built HTML; fails (not skips) every dependent test when the strict build failed."""
    if built_book.returncode != 0:
        pytest.fail(f"the strict build failed (exit {built_book.returncode}); log tail:\n{built_book.log[-3000:]}")
    return built_book.html
