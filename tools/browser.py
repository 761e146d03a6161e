"""The headless Chromium and the local web server shared by the tests, the tools and the benchmark.

Defined once here; ``tests/conftest.py``, ``tools/handout.py``, ``tools/jupyter_ui.py`` and
``benchmarks/run.py`` import them (tests import from the code, never the other way round).
"""

from __future__ import annotations

import contextlib
import os
import shutil
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
