"""Shared fixtures: the repository root, and the book built once per test session, strictly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from book import STRICT_FLAGS, notebooks, toc_files  # noqa: E402,F401  (defined once; tests import them here)

import browser as browser_tools  # noqa: E402
from browser import CHROMIUM_FLAGS, serve_directory  # noqa: E402,F401  (fixtures below; tests import them here)

NOTEBOOKS = notebooks()


def pytest_collection_modifyitems(items):
    """Mark tests by what they need, so lanes can be chosen (make test-fast): a test that uses the
    built book is "build", one that drives Chromium is "browser"."""
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if needs & {"built_book", "html_dir", "site"}:
            item.add_marker(pytest.mark.build)
        if needs & {"browser", "quiz_page", "visited"}:
            item.add_marker(pytest.mark.browser)


def assert_rejected(load, path, text: str, expected: str, **kwargs) -> None:
    """Write ``text`` to ``path``, load it, and check the DataError names the file and says ``expected``."""
    from scobook.errors import DataError

    path.write_text(text)
    with pytest.raises(DataError) as error:
        load(path, **kwargs)
    assert str(error.value).startswith(f"{path}, "), str(error.value)
    assert expected in str(error.value)


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


# --- The built book served on 127.0.0.1, and a headless Chromium to read it -----------------

OUTPUT_DIR = ROOT / "test-output"


def chromium_executable() -> str | None:
    """The browser the tests drive (see ``tools/browser.py``); fails, not skips, without one."""
    try:
        return browser_tools.find_browser()[0]
    except browser_tools.NoBrowser as exc:
        pytest.fail(str(exc))


def pytest_report_header(config):
    """Say which browser the browser tests drive (found, or installed by Playwright)."""
    if config.getoption("markexpr", "") and "not browser" in config.getoption("markexpr"):
        return None
    try:
        return f"browser: {browser_tools.find_browser()[1]}"
    except browser_tools.NoBrowser as exc:
        return f"browser: none found ({str(exc).splitlines()[0]})"


@pytest.fixture(scope="session")
def site(html_dir):
    """The built book, served for the whole test session."""
    with serve_directory(html_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = chromium_executable()
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""
    def luminance(css):
        channels = [int(v) / 255 for v in re.findall(r"\d+", css)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)



def offline_context(browser, width: int = 1280, height: int = 900, **options):
    """A fresh browser context in which every request that is not to 127.0.0.1 is blocked,
    as on a school network with no internet. Blocked URLs are recorded on ``context.blocked``.
    ``options`` go to Playwright's ``new_context`` (``is_mobile``, ``color_scheme``, ...)."""
    from urllib.parse import urlparse

    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    context.blocked = []

    def route(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            context.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context
