"""Print the built handout page to an A4 PDF with headless Chromium (no network).

    python tools/handout.py [HTML_DIR] [OUT_PDF]   # defaults: _build/html, _build/html/chapters/handout.pdf

Used by `make handout`; the book must be built first (`make book`). The PDF is written next to the
handout page, which links it, so the published site carries it (the Pages workflow runs this).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from browser import CHROMIUM_FLAGS, chromium_executable  # noqa: E402

PAGE = "chapters/handout.html"
#: Beside the page, which links it as "handout.pdf".
PDF = "chapters/handout.pdf"


def print_handout(html_dir: Path, out: Path, browser=None) -> Path:
    """Print the handout; pass a running Playwright ``browser`` to reuse it (the tests do)."""
    page_path = html_dir / PAGE
    if not page_path.exists():
        raise SystemExit(f"{page_path} does not exist: build the book first (make book)")
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
            try:
                return print_handout(html_dir, out, launched)
            finally:
                launched.close()
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page = context.new_page()
    page.goto(page_path.as_uri(), wait_until="load")
    page.emulate_media(media="print")
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"},
             display_header_footer=True, header_template="<span></span>",
             footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                             'The SCO through one article - handout - page <span class="pageNumber"></span> '
                             'of <span class="totalPages"></span></div>')
    context.close()
    return out


if __name__ == "__main__":
    html_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "html"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else html_dir / PDF
    print(f"Handout written to {print_handout(html_dir, out)}")
