"""The headless Chromium and the local web server shared by the tests, the tools and the benchmark.

Defined once here; ``tests/conftest.py``, ``tools/handout.py``, ``tools/jupyter_ui.py`` and
``benchmarks/run.py`` import them (tests import from the code, never the other way round).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: Headless, and nothing that phones home: the tests run with the network cut.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


class NoBrowser(RuntimeError):
    pass


def chromium_executable() -> str | None:
    """The Chromium to drive: ``$CHROMIUM``, else the system's. ``CHROMIUM=playwright`` means
    Playwright's own browser (``playwright install chromium``, where the internet allows), for
    which Playwright wants no path (None)."""
    wanted = os.environ.get("CHROMIUM", "")
    if wanted == "playwright":
        return None
    found = wanted or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        raise NoBrowser(
            "No Chromium found for the browser tests. Install one (Debian/Ubuntu: apt-get install chromium), "
            "set CHROMIUM=/path/to/chrome, or with internet run '.venv/bin/playwright install chromium' "
            "and set CHROMIUM=playwright."
        )
    return found


@functools.cache
def find_browser() -> tuple[str | None, str]:
    """The browser to drive and a line saying which: the system Chromium (or ``$CHROMIUM``) when
    there is one; otherwise Playwright's own build, installed into the user's cache with
    ``playwright install chromium`` (this needs the internet). Raises :class:`NoBrowser` with
    what to do when neither works."""
    try:
        path = chromium_executable()
    except NoBrowser as missing:
        install = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"],
                                 capture_output=True, text=True)
        if install.returncode != 0:
            raise NoBrowser(f"{missing}\n'playwright install chromium' failed too:\n{install.stderr[-800:]}") from None
        return None, "Playwright's own Chromium (installed with 'playwright install chromium')"
    return path, (f"system Chromium: {path}" if path else "Playwright's own Chromium (CHROMIUM=playwright)")


@contextlib.contextmanager
def serve_directory(directory: Path):
    """Serve a folder on 127.0.0.1 (a random free port) in a thread; yields the base URL."""
    import functools
    import http.server
    import threading

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
