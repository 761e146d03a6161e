"""Charts in the built book are files, not data URIs: each chart's PNG and its CSV download.

A notebook shows a chart (:class:`scobook.charts.Chart`) as HTML with the PNG and the CSV inside
``data:`` URIs, which is what a live notebook needs (nothing to serve). In the HTML book that
makes every chart part of its page: nothing can load lazily, and the CSV link is not a file a
reader can share. When a page's doctree is resolved, this handler writes each chart's PNG and
CSV into ``_charts/`` of the output and points the chart at them: the image gets
``loading="lazy"`` (its width and height are already set, so nothing shifts), opens full size
when tapped, and the CSV becomes a real ``.csv`` file next to it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import urllib.parse
from pathlib import Path

from docutils import nodes
from sphinx.util.osutil import relative_uri

CHART_DIR = "_charts"
_IMG = re.compile(r'<img src="data:image/png;base64,([^"]+)"')
_CSV = re.compile(r'<a href="data:text/csv;charset=utf-8,([^"]+)" download="([a-z0-9-]+)\.csv">')


def chart_files(raw_html: str) -> tuple[bytes, str, str] | None:
    """The PNG bytes, the CSV text and the chart's name in one chart's HTML, or None."""
    image, table = _IMG.search(raw_html), _CSV.search(raw_html)
    if not (image and table):
        return None
    csv_text = urllib.parse.unquote(html.unescape(table[1]))
    return base64.b64decode(image[1]), csv_text, table[2]


def rewrite_chart(raw_html: str, png_uri: str, csv_uri: str) -> str:
    """The chart's HTML with the data URIs replaced by file links."""
    raw_html = _IMG.sub(f'<a class="sco-chart-full" href="{png_uri}" title="Open the chart full size">'
                        f'<img src="{png_uri}" loading="lazy" decoding="async"', raw_html, count=1)
    raw_html = raw_html.replace('style="max-width:100%;height:auto">',
                                'style="max-width:100%;height:auto"></a>', 1)
    return _CSV.sub(lambda m: f'<a href="{csv_uri}" download="{m[2]}.csv">', raw_html, count=1)


def write_chart_files(app, doctree, docname: str) -> None:
    if app.builder.format != "html":
        return
    out = Path(app.outdir) / CHART_DIR
    page = app.builder.get_target_uri(docname)
    for node in doctree.findall(nodes.raw):
        if "html" not in node.get("format", "") or 'class="sco-chart"' not in node.astext():
            continue
        found = chart_files(node.astext())
        if found is None:
            continue
        png, csv_text, name = found
        stem = f"{name}-{hashlib.sha1(png).hexdigest()[:8]}"
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{stem}.png").write_bytes(png)
        (out / f"{stem}.csv").write_text(csv_text, encoding="utf-8")
        text = rewrite_chart(node.astext(), relative_uri(page, f"{CHART_DIR}/{stem}.png"),
                             relative_uri(page, f"{CHART_DIR}/{stem}.csv"))
        node.replace_self(nodes.raw("", text, format="html"))


def setup(app):
    app.connect("doctree-resolved", write_chart_files)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
