"""Print the lesson pack to A4 PDFs with headless Chromium (no network): every document listed in
``data/lesson.yml``, each from its built page, beside that page, so the published site carries them.

    python tools/print_pack.py [HTML_DIR]     # default: _build/html; writes _build/html/chapters/pack/*.pdf

Used by `make print`; the book must be built first (`make book`). The page size and margins come
from the book's print stylesheet (A4, ``scobook/static/sco-print.css``); the footer names the
document and numbers its pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from browser import CHROMIUM_FLAGS, chromium_executable  # noqa: E402

PACK_DIR = "chapters/pack"


def documents() -> list[dict]:
    from scobook.lesson import load_lesson

    return load_lesson()["documents"]


def print_page(browser, page_path: Path, out: Path, title: str) -> Path:
    """Print one built page to ``out`` (A4, the print stylesheet's margins, a numbered footer)."""
    if not page_path.exists():
        raise SystemExit(f"{page_path} does not exist: build the book first (make book)")
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page = context.new_page()
    page.goto(page_path.as_uri(), wait_until="load")
    page.emulate_media(media="print")
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), prefer_css_page_size=True, tagged=True, outline=True,  # tagged: headings, lists, tables for screen readers
             display_header_footer=True, header_template="<span></span>",
             footer_template='<div style="font-size:8px;width:100%;text-align:center;font-family:sans-serif">'
                             f'The SCO through one article - {title} - page <span class="pageNumber"></span> '
                             'of <span class="totalPages"></span></div>')
    context.close()
    return out


def print_pack(html_dir: Path, browser=None, out_dir: Path | None = None) -> list[Path]:
    """Print every document of the pack; pass a running Playwright ``browser`` to reuse it (the
    tests do) and ``out_dir`` to write the PDFs elsewhere than beside their pages."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
            try:
                return print_pack(html_dir, launched, out_dir)
            finally:
                launched.close()
    out_dir = out_dir or html_dir / PACK_DIR
    from scobook.sphinx.pack import pdf_name

    return [print_page(browser, (html_dir / PACK_DIR / f"{d['page']}.html").resolve(), out_dir / pdf_name(d["page"]),
                       d["title"]) for d in documents()]


if __name__ == "__main__":
    html_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "html"
    for pdf in print_pack(html_dir):
        print(f"written {pdf}")
