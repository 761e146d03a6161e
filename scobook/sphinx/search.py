"""Search results with their snippets, without downloading every page found.

Sphinx 7.4's search page shows, under each result, a few words around the searched words. To find
them, ``searchtools.js`` fetches the whole page of every result (``content_root + docname +
DOCUMENTATION_OPTIONS.FILE_SUFFIX``) and reads the text of its ``[role="main"]`` element, or of
the section named by the result's anchor. Our notebook pages are 100-200 KB of HTML each, so a
search for "Shanghai Spirit" downloaded 17 of them: 317 KB gzip-compressed, on top of the search
page's own 182 KB, over a school's or a phone's network.

Beside every page the build writes ``<page>.summary.txt``: the page's article text with its
section ids, and nothing else (no scripts, images, maps, outputs' markup or attributes), and the
search page (``scobook/templates/layout.html``) sets ``FILE_SUFFIX`` to ``.summary.txt`` so the
snippets are read from it. Links to the results are unchanged (``LINK_SUFFIX``). The files are
``.txt`` so that a web server sends them compressed as text; ``searchtools.js`` parses what it
fetches as HTML whatever its type.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

#: What the search page fetches for a result's snippet, instead of the result's ``.html`` page.
SUMMARY_SUFFIX = ".summary.txt"

#: Elements a snippet does not quote: those without text; code and printed outputs (``pre``), a
#: third of a notebook page's text; and folds (``details``: passages, reference cards, solutions,
#: word lists), half of what is left, which the reader would not see on opening the page. A result
#: found only there opens with the start of its section, as the page does.
_NOT_QUOTED = ("script", "style", "svg", "img", "picture", "source", "noscript", "iframe", "video", "audio",
               "button", "select", "input", "textarea", "template", "canvas", "pre", "details")

#: Elements whose text the page shows apart from what follows it.
_BLOCKS = frozenset({"p", "div", "section", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "pre",
                     "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "figure", "figcaption", "blockquote", "br"})

_ARTICLE = '<article class="bd-article"'


def summary_html(page: str) -> str | None:
    """The text of a built page's article for the search snippets: ``<div role="main">`` with the
    article's text and only its elements that have an id (a result's anchor names a section);
    None for a page without the theme's article (the search page itself)."""
    start, end = page.find(_ARTICLE), page.rfind("</article>")
    if start < 0 or end < start:
        return None
    soup = BeautifulSoup(page[start:end + len("</article>")], "html.parser")
    for tag in soup.find_all(class_="headerlink"):  # the "#" after each heading
        tag.decompose()
    for tag in soup.find_all(_NOT_QUOTED):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.get("id"):  # a section or an anchor a result may name
            tag.attrs = {"id": tag["id"]}
            continue
        if tag.name in _BLOCKS:  # keep words of neighbouring blocks apart, as the page shows them
            tag.insert_after("\n")
        tag.unwrap()  # its text stays; 3,600 highlighted-code <span>s go
    text = re.sub(r"\n\s*\n", "\n\n", str(soup))  # runs of blank lines left by the markup
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><meta name="robots" content="noindex">'
            f'<title>Text for search snippets</title></head><body><div role="main">{text}</div></body></html>\n')


def write_summaries(app, exception) -> None:
    """Write ``<page>.summary.txt`` beside every page of the HTML build."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for docname in sorted(app.env.found_docs):
        page = outdir / f"{docname}.html"
        if not page.is_file():
            continue
        text = summary_html(page.read_text(encoding="utf-8"))
        if text is not None:
            (outdir / f"{docname}{SUMMARY_SUFFIX}").write_text(text, encoding="utf-8")


def page_context(app, pagename, templatename, context, doctree) -> None:
    context["sco_search_summary_suffix"] = SUMMARY_SUFFIX


def setup(app):
    app.connect("html-page-context", page_context)
    app.connect("build-finished", write_summaries)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
