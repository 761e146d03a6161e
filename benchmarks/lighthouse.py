"""Lighthouse on the built book, served the way GitHub Pages serves it (gzip-compressed text).

    python benchmarks/lighthouse.py [--html _build/html] [--out test-output/lighthouse] [--runs 3] [--page PATH ...]

Audits the home page, every notebook page and one chapter page with a quiz with Lighthouse's
mobile preset (its default: simulated slow 4G and a 4x slower CPU) and the categories
performance, accessibility, best practices and SEO. Prints a table of the scores and the Largest
Contentful Paint, then the audits that cost each page points; writes every raw JSON report to
``--out``. Prints figures and asserts nothing. ``make bench`` runs it after ``make book``.

Lighthouse is an npm package, pinned in ``benchmarks/package.json`` and ``package-lock.json`` and
installed into ``benchmarks/node_modules`` (git-ignored) with ``npm ci`` on first use; it drives
the system Chromium (``$CHROME_PATH``, else what ``tools/browser.py`` finds).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tools"))
from book import toc_files  # noqa: E402

from browser import CHROMIUM_FLAGS, NoBrowser, chromium_executable  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: What GitHub Pages compresses (gzip): text, scripts, styles, SVG and JSON; not images or fonts.
COMPRESSED_TYPES = ("text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml",
                    "application/json", "text/plain")
RUN_TIMEOUT = 240  # seconds for one Lighthouse run (a run takes about 15 s on 2 cores)


def audited_pages() -> list[str]:
    """The home page, every notebook page (a _toc.yml entry with an .ipynb source), and chapter 2's
    page, which holds a quiz."""
    files = toc_files()
    pages = ["index.html"]
    pages += [f"{f}.html" for f in files if (ROOT / f"{f}.ipynb").exists()]
    pages += ["chapters/02-membership/index.html"]
    return pages


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files like GitHub Pages: gzip-compressed text when the client accepts it (with the
    compressed Content-Length and ``Vary: Accept-Encoding``), ``Cache-Control: max-age=600``, and
    persistent HTTP/1.1 connections. (GitHub Pages speaks HTTP/2, which Lighthouse's simulation
    models as one multiplexed connection; over HTTP/1.0, with a new connection per file, the
    simulated load would be far slower than the real site's.)"""

    protocol_version = "HTTP/1.1"

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".mjs": "application/javascript",
                      ".woff2": "font/woff2", ".woff": "font/woff", ".svg": "image/svg+xml",
                      ".json": "application/json", ".txt": "text/plain", ".ipynb": "application/json"}
    _cache: dict[tuple[str, float], bytes] = {}

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (os.path.isfile(path) and accepts and ctype.split(";")[0] in COMPRESSED_TYPES):
            return super().send_head()
        key = (path, os.path.getmtime(path))
        body = self._cache.get(key)
        if body is None:
            body = self._cache[key] = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8" if ctype.startswith("text/") else ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(key[1])))
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser closed a connection: normal
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_gzip(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port) in a thread, compressed; yields the base URL."""
    import functools

    server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def ensure_lighthouse() -> Path:
    """benchmarks/node_modules/.bin/lighthouse at the pinned version, installed with npm ci if needed."""
    pinned = json.loads((HERE / "package.json").read_text())["dependencies"]["lighthouse"]
    installed = HERE / "node_modules" / "lighthouse" / "package.json"
    if LIGHTHOUSE.exists() and installed.exists() and json.loads(installed.read_text())["version"] == pinned:
        return LIGHTHOUSE
    npm = shutil.which("npm")
    missing = [tool for tool in ("node", "npm") if not shutil.which(tool)]
    if missing:
        sys.exit(f"Lighthouse needs Node.js 18.16 or newer and npm (Debian/Ubuntu: apt-get install nodejs npm) to "
                 f"install lighthouse {pinned} into benchmarks/node_modules; not found on PATH: {', '.join(missing)}.")
    print(f"Installing lighthouse {pinned} into benchmarks/node_modules (npm ci) ...", flush=True)
    proc = subprocess.run([npm, "ci", "--prefix", str(HERE), "--no-audit", "--no-fund"],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0 or not LIGHTHOUSE.exists():
        sys.exit(f"npm ci --prefix benchmarks failed (exit {proc.returncode}):\n{(proc.stdout + proc.stderr)[-2000:]}")
    return LIGHTHOUSE


def find_chrome() -> str:
    path = os.environ.get("CHROME_PATH")
    if not path:
        try:
            path = chromium_executable()
        except NoBrowser as exc:
            sys.exit(f"Lighthouse needs Chromium. {exc}")
    if not path or not shutil.which(path):
        sys.exit(f"Lighthouse needs a Chromium executable; {path!r} is not one (set CHROME_PATH=/usr/bin/chromium).")
    return shutil.which(path)


def chrome_version(chrome: str) -> str:
    proc = subprocess.run([chrome, "--version"], capture_output=True, text=True, timeout=30)
    return proc.stdout.strip() or "unknown version"


def run_lighthouse(lighthouse: Path, chrome: str, url: str, report: Path) -> dict | None:
    """One Lighthouse run of ``url``; writes the JSON report and returns it (None on failure)."""
    flags = " ".join(CHROMIUM_FLAGS)
    command = [str(lighthouse), url, "--output=json", f"--output-path={report}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}",
               "--max-wait-for-load=60000"]
    try:
        proc = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True,
                              text=True, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        print(f"  {url}: Lighthouse did not finish in {RUN_TIMEOUT} s", file=sys.stderr)
        return None
    if proc.returncode != 0 or not report.exists():
        print(f"  {url}: Lighthouse failed (exit {proc.returncode}):\n{(proc.stdout + proc.stderr)[-1500:]}",
              file=sys.stderr)
        return None
    result = json.loads(report.read_text())
    if result.get("runtimeError"):
        print(f"  {url}: {result['runtimeError'].get('message')}", file=sys.stderr)
        return None
    unscored = [name for name in CATEGORIES if result["categories"].get(name, {}).get("score") is None]
    if unscored:  # e.g. NO_LCP: a metric could not be measured in this run
        failed = {audit: a.get("errorMessage") for audit, a in result["audits"].items()
                  if a.get("scoreDisplayMode") == "error" and any(
                      ref["id"] == audit and ref["weight"] > 0
                      for name in unscored for ref in result["categories"][name]["auditRefs"])}
        print(f"  {url}: no {', '.join(unscored)} score in this run ({failed}); run ignored", file=sys.stderr)
        return None
    return result


def score(result: dict, category: str) -> str:
    value = result["categories"].get(category, {}).get("score")
    return "error" if value is None else f"{round(value * 100)}"


def median_run(results: list[dict]) -> dict:
    """The run with the median performance score (Lighthouse's advice: report the median of runs)."""
    ranked = sorted(results, key=lambda r: r["categories"]["performance"].get("score") or 0)
    return ranked[(len(ranked) - 1) // 2]


def lost_points(result: dict) -> list[str]:
    """Each category below 100: the audits that cost it points (weight > 0, score < 1), and for
    performance the metrics and the largest savings Lighthouse estimates."""
    audits, lines = result["audits"], []
    for name in CATEGORIES:
        category = result["categories"][name]
        if (category.get("score") or 0) >= 1:
            continue
        total = sum(ref["weight"] for ref in category["auditRefs"])
        losses = []
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                lost = ref["weight"] * (1 - audit["score"]) / total * 100
                shown = f" {audit['displayValue']}" if audit.get("displayValue") else ""
                losses.append((lost, f"{ref['id']}{shown} (-{lost:.0f})"))
        lines.append(f"{category['title']} {score(result, name)}: " + ", ".join(t for _, t in sorted(losses, reverse=True)))
        if name == "performance":
            savings = [(audits[a].get("metricSavings", {}) or {}, a) for a in audits]
            hints = []
            for metric_savings, audit_id in savings:
                ms = max((metric_savings.get(k) or 0) for k in ("LCP", "FCP")) if metric_savings else 0
                if ms >= 100:
                    hints.append((ms, f"{audit_id} {audits[audit_id].get('displayValue', '')}".strip() + f" (LCP/FCP -{ms / 1000:.1f} s)"))
            lcp_element = audits.get("largest-contentful-paint-element", {}).get("details", {})
            element = next((item.get("node", {}).get("snippet") for block in lcp_element.get("items", [])
                            for item in block.get("items", []) if isinstance(item, dict) and item.get("node")), None)
            if hints:
                lines.append("  savings: " + ", ".join(t for _, t in sorted(hints, reverse=True)))
            weight = audits.get("total-byte-weight", {})
            heaviest = [f"{item['url'].rsplit('/', 1)[-1].split('?')[0]} {item['totalBytes'] / 1024:.0f} KiB"
                        for item in weight.get("details", {}).get("items", [])[:4]]
            if heaviest:
                lines.append(f"  {weight.get('displayValue', 'transferred')}; largest: " + ", ".join(heaviest))
            if element:
                lines.append(f"  LCP element: {element[:160]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built book (default _build/html)")
    parser.add_argument("--out", type=Path, default=ROOT / "test-output" / "lighthouse", help="where the JSON reports go")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the table shows the median run (default 3)")
    parser.add_argument("--page", action="append", dest="pages", metavar="PATH",
                        help="audit this page (relative to --html; repeatable) instead of the usual set")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    if not (args.html / "index.html").exists():
        sys.exit(f"No built book at {args.html}; run 'make book' first.")
    lighthouse, chrome = ensure_lighthouse(), find_chrome()
    args.out.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([str(lighthouse), "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    print(f"# Lighthouse {version}, {time.strftime('%Y-%m-%d')}: mobile preset (simulated throttling), "
          f"{chrome_version(chrome)}, {os.cpu_count()} cores, pages served gzip-compressed as on GitHub Pages; "
          f"each page's median of {args.runs} run(s), with the range of performance scores in brackets\n")

    rows, notes, broken = [], [], set()
    with serve_gzip(args.html) as base:
        for page in args.pages or audited_pages():
            results = []
            for run in range(args.runs):
                suffix = f"-{run + 1}" if args.runs > 1 else ""
                report = args.out / (page.replace("/", "_").removesuffix(".html") + f"{suffix}.json")
                report.unlink(missing_ok=True)
                result = run_lighthouse(lighthouse, chrome, f"{base}/{page}", report)
                if result:
                    results.append(result)
                    broken.update(audit for audit, a in result["audits"].items() if a.get("scoreDisplayMode") == "error")
            if not results:
                rows.append((page, "error", "error", "error", "error", "-"))
                continue
            result = median_run(results)
            lcp = result["audits"].get("largest-contentful-paint", {}).get("numericValue")
            spread = ""
            if len(results) > 1:
                perf = [round(r["categories"]["performance"]["score"] * 100) for r in results]
                spread = f" ({min(perf)}-{max(perf)})" if min(perf) != max(perf) else ""
            shown = page if result["finalDisplayedUrl"].endswith(page) else f"{page} → {result['finalDisplayedUrl'].removeprefix(base + '/')}"
            rows.append((shown, score(result, "performance") + spread, score(result, "accessibility"),
                         score(result, "best-practices"), score(result, "seo"),
                         "-" if lcp is None else f"{lcp / 1000:.1f}"))
            notes.append((shown, lost_points(result)))

    print("| page | performance | accessibility | best practices | SEO | LCP (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\n## What cost points\n")
    for page, lines in notes:
        print(f"- {page}: " + ("all 100" if not lines else "\n  ".join(lines)))
    if broken:
        print(f"\nAudits that failed to run (not scored; Lighthouse {version} with this Chromium): {', '.join(sorted(broken))}")
    print(f"\nRaw reports: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
