"""Charts in the built book are numbered files, not data URIs: each chart's PNG, its phone
rendition and its CSV download.

A notebook shows a chart (:class:`scobook.charts.Chart`) as HTML with the PNGs and the CSV inside
``data:`` URIs, which is what a live notebook needs (nothing to serve). In the HTML book that
makes every chart part of its page: nothing can load lazily, and the CSV link is not a file a
reader can share. When a page's doctree is resolved, this handler writes each chart's PNGs and
CSV into ``_charts/`` of the output and points the chart at them: the image gets
``loading="lazy"`` (its width and height are already set, so nothing shifts), opens full size
when tapped, and the CSV becomes a real ``.csv`` file next to it. Each chart of a chapter's
page is numbered in its caption, "Figure 2.3" for the third chart of the second chapter of ``_toc.yml``, with an anchor
(``#figure-2-3``) that text and quizzes can link to.
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

from scobook.chapters import chapter_of

CHART_DIR = "_charts"
_IMG = re.compile(r'<img src="data:image/png;base64,([^"]+)"')
_PHONE = re.compile(r'<source media="([^"]+)" srcset="data:image/png;base64,([^"]+)"')
_CSV = re.compile(r'<a href="data:text/csv;charset=utf-8,([^"]+)" download="([a-z0-9-]+)\.csv">')


def chart_files(raw_html: str) -> tuple[bytes, bytes | None, str, str] | None:
    """The PNG bytes, the phone PNG (or None), the CSV text and the chart's name, or None."""
    image, table = _IMG.search(raw_html), _CSV.search(raw_html)
    if not (image and table):
        return None
    phone = _PHONE.search(raw_html)
    csv_text = urllib.parse.unquote(html.unescape(table[1]))
    return base64.b64decode(image[1]), base64.b64decode(phone[2]) if phone else None, csv_text, table[2]


def chapter_number(app, docname: str) -> int | None:
    """The place in ``_toc.yml`` of the chapter ``docname`` belongs to (2 for the membership
    notebook in the book as shipped); None for a page outside the chapters."""
    chapter = chapter_of(docname, Path(app.srcdir))
    return chapter.number if chapter else None


def rewrite_chart(raw_html: str, png_uri: str, csv_uri: str, phone_uri: str | None = None,
                  number: str | None = None) -> str:
    """The chart's HTML with the data URIs replaced by file links (and its number, if given)."""
    # The link goes around the whole <picture>: an <img> must stay the picture's own child, or the
    # browser ignores the phone <source>.
    name = f"Open Figure {number} full size" if number else "Open the chart full size"
    link = f'<a class="sco-chart-full" href="{png_uri}" aria-label="{name}">'
    raw_html = _IMG.sub(f'<img src="{png_uri}" loading="lazy" decoding="async"', raw_html, count=1)
    if "<picture>" in raw_html:
        raw_html = raw_html.replace("<picture>", link + "<picture>", 1).replace("</picture>", "</picture></a>", 1)
    else:
        raw_html = raw_html.replace("<img ", link + "<img ", 1).replace(
            'style="max-width:100%;height:auto">', 'style="max-width:100%;height:auto"></a>', 1)
    if phone_uri:
        raw_html = _PHONE.sub(lambda m: f'<source media="{m[1]}" srcset="{phone_uri}"', raw_html, count=1)
    if number:
        anchor = "figure-" + number.replace(".", "-")
        raw_html = raw_html.replace('<figure class="sco-chart">', f'<figure class="sco-chart" id="{anchor}">', 1)
        raw_html = raw_html.replace("<figcaption>", f'<figcaption><span class="sco-chart-number">Figure {number}.</span> ', 1)
    return _CSV.sub(lambda m: f'<a href="{csv_uri}" download="{m[2]}.csv">', raw_html, count=1)


def write_chart_files(app, doctree, docname: str) -> None:
    if app.builder.format != "html":
        return
    out = Path(app.outdir) / CHART_DIR
    page = app.builder.get_target_uri(docname)
    chapter = chapter_number(app, docname)
    count = 0
    for node in list(doctree.findall(nodes.raw)):
        if "html" not in node.get("format", "") or 'class="sco-chart"' not in node.astext():
            continue
        found = chart_files(node.astext())
        if found is None:
            continue
        png, phone, csv_text, name = found
        count += 1
        stem = f"{name}-{hashlib.sha1(png).hexdigest()[:8]}"
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{stem}.png").write_bytes(png)
        (out / f"{stem}.csv").write_text(csv_text, encoding="utf-8")
        phone_uri = None
        if phone is not None:
            (out / f"{stem}-phone.png").write_bytes(phone)
            phone_uri = relative_uri(page, f"{CHART_DIR}/{stem}-phone.png")
        text = rewrite_chart(node.astext(), relative_uri(page, f"{CHART_DIR}/{stem}.png"),
                             relative_uri(page, f"{CHART_DIR}/{stem}.csv"), phone_uri,
                             f"{chapter}.{count}" if chapter is not None else None)
        node.replace_self(nodes.raw("", text, format="html"))


def setup(app):
    app.connect("doctree-resolved", write_chart_files)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
