"""What search engines and link previews read about each page: a ``<meta name="description">``
on every page, and a proper home page (``index.html``) instead of a bare redirect.

The description is, in order of preference:

1. the page's front matter ``description`` (a ``.md`` page's YAML front matter, or the notebook's
   metadata, which MyST-NB passes on as front matter), used as written;
2. else the first paragraph of body text of at least :data:`MIN_LENGTH` characters: prose that is
   not inside an admonition, sidebar, quotation, list, table, figure caption, footnote, code cell
   output or other container (the article passages and the quizzes are containers);
3. else the page title and the book's title.

It is plain text, whitespace collapsed, cut to at most :data:`MAX_LENGTH` characters at a word
boundary (with an ellipsis), and HTML-escaped. A page that already has a description (MyST's
``html_meta`` front matter) is left as it is.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

#: Search engines show about 155 characters; Lighthouse only checks that there is a description.
MAX_LENGTH = 155
#: Shorter paragraphs are lead-ins ("Three questions for this passage:"), not descriptions.
MIN_LENGTH = 50

#: A paragraph inside one of these is not the page's own prose.
NOT_BODY_TEXT = (
    nodes.Admonition, nodes.sidebar, nodes.topic, nodes.block_quote, nodes.list_item, nodes.table,
    nodes.caption, nodes.legend, nodes.footnote, nodes.citation, nodes.field_list, nodes.definition_list,
    nodes.container, nodes.docinfo, nodes.line_block, addnodes.only, addnodes.compact_paragraph,
)
#: Inline nodes whose text is not prose: footnote and citation marks, system messages.
NOT_TEXT = (nodes.footnote_reference, nodes.citation_reference, nodes.problematic, nodes.system_message)


def plain_text(node: nodes.Node) -> str:
    parts = [text.astext() for text in node.findall(nodes.Text)
             if not any(isinstance(parent, NOT_TEXT) for parent in ancestors(text))]
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def ancestors(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def first_paragraph(doctree: nodes.document) -> str | None:
    """The text of the page's first paragraph of body text of at least MIN_LENGTH characters."""
    for paragraph in doctree.findall(nodes.paragraph):
        if any(isinstance(parent, NOT_BODY_TEXT) for parent in ancestors(paragraph)):
            continue
        text = plain_text(paragraph)
        if len(text) >= MIN_LENGTH:
            return text
    return None


def shorten(text: str, limit: int = MAX_LENGTH) -> str:
    """``text`` with whitespace collapsed, cut at the last word boundary that fits ``limit``
    characters including the ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-(") + "…"


def book_title(app) -> str:
    """The book's title (Jupyter Book's ``title`` becomes ``html_title``; ``project`` is unset)."""
    return app.config.html_title or app.config.project


def page_description(app, pagename: str, context: dict, doctree: nodes.document | None) -> str:
    metadata = app.env.metadata.get(pagename, {}) if pagename in app.env.all_docs else {}
    written = metadata.get("description")
    if isinstance(written, str) and written.strip():
        return shorten(written)
    found = first_paragraph(doctree) if doctree is not None else None
    if found:
        return shorten(found)
    title = re.sub(r"<[^>]+>", "", context.get("title") or "").strip()
    return shorten(f"{html.unescape(title)}: {book_title(app)}" if title else book_title(app))


HAS_DESCRIPTION = re.compile(r"""<meta\s[^>]*name=["']description["']""", re.IGNORECASE)


def add_description(app, pagename, templatename, context, doctree) -> None:
    """Append ``<meta name="description">`` to the page's ``metatags`` (rendered in ``<head>``)."""
    if app.builder.format != "html":
        return
    metatags = context.get("metatags", "")
    if HAS_DESCRIPTION.search(metatags):
        return
    description = html.escape(page_description(app, pagename, context, doctree), quote=True)
    context["metatags"] = f'{metatags}\n    <meta name="description" content="{description}" />'


HOME_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>{title}</title>
  <meta name="description" content="{description}" />
  <link rel="canonical" href="{target}" />{icon_link}
  <meta http-equiv="Refresh" content="0; url={target}" />
</head>
<body>
  <p><a href="{target}">{title}</a></p>
</body>
</html>
"""


def write_home_page(app, exception) -> None:
    """Write ``index.html`` as a small HTML page that redirects to the book's first page.

    sphinx-external-toc writes ``index.html`` as one ``<meta http-equiv="Refresh">`` line when the
    root page is not called ``index``; that is the first page a visitor (and a search engine) gets
    from GitHub Pages, and it has no language, title, description or icon, so the browser also
    asks for ``/favicon.ico`` (a 404, and a console error). This writes the same redirect with a
    proper head, before sphinx-external-toc's handler, which then leaves the existing file alone.
    """
    if exception is not None or app.builder.format != "html" or app.builder.name != "html":
        return
    root = app.config.root_doc
    if root == "index":
        return
    target = f"{root}.html"
    description = ""
    if root in app.env.all_docs:
        doctree = app.env.get_doctree(root)
        description = page_description(app, root, {"title": book_title(app)}, doctree)
    icon = app.config.html_favicon or ""
    icon_href = f"_static/{Path(icon).name}" if icon and "://" not in icon else icon
    icon_link = f'\n  <link rel="icon" href="{html.escape(icon_href)}" />' if icon_href else ""
    page = HOME_PAGE.format(lang=html.escape(app.config.language or "en"), title=html.escape(book_title(app)),
                            description=html.escape(description, quote=True), target=html.escape(target),
                            icon_link=icon_link)
    Path(app.outdir, "index.html").write_text(page, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", add_description)
    app.connect("build-finished", write_home_page, priority=400)  # before sphinx-external-toc (500)
