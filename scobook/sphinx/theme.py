"""Workarounds for the book theme, each with the upstream issue and when it can go.

- ``sco-toggle-fix.js``: the visible sidebar toggles do nothing with pydata-sphinx-theme 0.17
  (pydata-sphinx-theme#2451, sphinx-book-theme#988/#999); drop it with a release that binds every
  toggle (fix proposed in sphinx-book-theme PR #991).
- :func:`tidy_page_context`: sphinx-thebe adds its inline config twice (a JavaScript error on every
  page), and the navigation's expand/collapse ``<summary>`` has no accessible name; drop each part
  when sphinx-thebe / pydata-sphinx-theme stop doing so (checked with 0.3.1 / 0.17.1).
- :data:`FONTAWESOME_JS`: the theme loads a 1.5 MB icon script it offers no option to turn
  off; drop when pydata-sphinx-theme makes it optional.
- ``sco-phone.css``: the book on a 375 px phone: the search icon over the query (a consequence of
  dropping fontawesome.js), the clipped "Next" chevron (pydata-sphinx-theme 0.17.1), and tables
  marked ``sco-table`` stacked as cards, whose cells :func:`label_table_cells` names.
- :func:`name_code_toggles`: MyST-NB names every code fold "Toggle hidden content" while it shows
  "Show code cell source"; drop when myst-nb stops adding that aria-label (checked with 1.4.0).
- :func:`name_download_items`: the download menu's items are named ".md", ".ipynb", ".pdf"
  (sphinx-book-theme 1.3.0); they show their purpose too.
- :data:`EMPTY_MODE`: on a first visit the theme logs "Got invalid theme mode" as a console
  error (Lighthouse's best-practices audit "errors-in-console"); drop when pydata-sphinx-theme's
  head script falls back to ``auto`` itself (checked with 0.17.1).

- ``scobook/templates/layout.html`` and :data:`DEFERRABLE_SCRIPTS`: the theme's ``<head>`` held
  the search index and eight scripts the first paint waited for (Lighthouse mobile LCP 2.6-2.9 s);
  the index now loads on the search page only, and the scripts are deferred. Drop the template when
  pydata-sphinx-theme loads its search tools only with ``search_as_you_type`` (checked with 0.17.1).

Every fix is made where Sphinx allows, in the page's context (:func:`tidy_page_context`: scripts,
navigation toggles, the download menu's names), except three that the theme writes from inside its
Jinja templates and macros, which offer no option, context value or block to change them without
copying the theme's files (pinned versions change them): :data:`FONTAWESOME_JS` (the script tag
is in pydata-sphinx-theme's ``webpack-macros.html``), :data:`EMPTY_MODE` (an inline script in its
``layout.html``) and :data:`ICON` (the ``<i>`` of every icon, written by both themes' macros).
These three are applied to the written pages (:func:`rewrite_built_pages`); each names the
version it was checked with and goes when the theme fixes it.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.builders.html._assets import _JavaScript

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
#: ``layout.html`` there leaves the search index off the pages that do not use it.
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

#: Scripts that Sphinx, the theme and its extensions put in ``<head>`` without ``defer``, so the
#: browser stops drawing the page until each has downloaded and run (on a slow phone network the
#: first paint waited for all of them). Each one only sets up handlers that run once the page has
#: loaded (``_ready``, ``runWhenDOMLoaded``, ``DOMContentLoaded``), which deferred scripts still run
#: before, in the same order. ``documentation_options.js`` stays: inline scripts after it write
#: into ``DOCUMENTATION_OPTIONS`` at once. The search page keeps all of them as they are, since its
#: search tools load without ``defer`` and call them.
DEFERRABLE_SCRIPTS = frozenset({"doctools.js", "sphinx_highlight.js", "clipboard.min.js", "copybutton.js",
                                "sphinx-book-theme.js", "togglebutton.js", "design-tabs.js"})


def add_static_files(app, config) -> None:
    config.html_static_path.append(str(STATIC_DIR))
    config.templates_path.append(str(TEMPLATES_DIR))


def defer_scripts(scripts: list) -> list:
    """The page's scripts with those in :data:`DEFERRABLE_SCRIPTS` marked ``defer``."""
    deferred = []
    for script in scripts:
        filename = str(getattr(script, "filename", "") or "")
        attributes = dict(getattr(script, "attributes", {}) or {})
        name = filename.split("?")[0].rsplit("/", 1)[-1]
        if name in DEFERRABLE_SCRIPTS and not ({"defer", "async"} & attributes.keys()):
            script = _JavaScript(filename, priority=script.priority, **attributes, defer="defer")
        deferred.append(script)
    return deferred

def tidy_page_context(app, pagename, templatename, context, doctree) -> None:
    """Three fixes to the theme's output, made where the HTML is generated:

    - defer the scripts that need not hold up the first paint (:data:`DEFERRABLE_SCRIPTS`);
    - drop repeated inline scripts (sphinx-thebe adds its config twice, and the second
      ``const THEBE_JS_URL`` is a JavaScript error on every page);
    - give the sidebar's expand/collapse toggles an accessible name (an empty ``<summary>``
      is a serious axe-core violation, and a screen reader announces nothing for it).
    """
    scripts = context.get("script_files")
    if scripts:
        seen, unique = set(), []
        for script in scripts:
            attributes = getattr(script, "attributes", {}) or {}
            key = (str(getattr(script, "filename", script) or ""), tuple(sorted((k, str(v)) for k, v in attributes.items())))
            if key not in seen:
                seen.add(key)
                unique.append(script)
        context["script_files"] = unique if pagename == "search" else defer_scripts(unique)

    name_download_items(context.get("header_buttons") or [])

    generate = context.get("generate_toctree_html")
    if generate is not None and not getattr(generate, "labels_toggles", False):

        def generate_with_labels(*args, **kwargs):
            return label_toctree_toggles(generate(*args, **kwargs))

        generate_with_labels.labels_toggles = True
        context["generate_toctree_html"] = generate_with_labels

    if context.get("body"):
        context["body"] = name_paragraph_links(label_table_cells(name_code_toggles(context["body"])))

#: MyST-NB's fold of a hidden code cell: its <summary> says "Show code cell source" on screen but
#: carries aria-label="Toggle hidden content", so a screen reader hears other words than a sighted
#: reader sees and a voice command with the visible words finds nothing (WCAG 2.5.3, 4.1.2).
#: Without the aria-label its name is its visible text. Drop when MyST-NB stops adding it
#: (checked with myst-nb 1.4.0).
CODE_TOGGLE = '<summary aria-label="Toggle hidden content">'


def name_code_toggles(body: str) -> str:
    """The notebook pages' code folds named by their visible words."""
    return body.replace(CODE_TOGGLE, "<summary>")


#: A link to a paragraph of the article, written "¶10": NVDA does not speak "¶" at its default
#: punctuation level, so the link was announced "link 10" (WCAG 2.4.4). The name says "paragraph".
PARAGRAPH_LINK = re.compile(r'<a\b(?![^>]*\baria-label=)([^>]*)>((?:<span\b[^>]*>)?)¶(\d+)(?:[\u2013-](\d+))?((?:</span>)?)</a>')


def name_paragraph_links(body: str) -> str:
    """Every "¶10" link named "paragraph 10" (and "¶10-15" "paragraphs 10 to 15")."""
    def named(m):
        label = f"paragraphs {m[3]} to {m[4]}" if m[4] else f"paragraph {m[3]}"
        return f'<a{m[1]} aria-label="{label}">{m[2]}¶{m[3]}{"–" + m[4] if m[4] else ""}{m[5]}</a>'
    return PARAGRAPH_LINK.sub(named, body)


def label_toctree_toggles(toctree):
    """Name each ``<summary>`` of the navigation (a BeautifulSoup tree) after the page whose
    sections it shows."""
    for summary in toctree.select("details > summary"):
        if not summary.get_text(strip=True) and not summary.get("aria-label"):
            link = summary.find_parent("details").find_previous_sibling("a")
            title = link.get_text(strip=True) if link else "this page"
            summary["aria-label"] = f"Show or hide the sections of {title}"
    return toctree

#: The class of tables shown as stacked cards on a phone (``scobook/static/sco-phone.css``); the
#: notebooks' tables carry it themselves (``scobook.tables.readable`` and the HTML tables they build).
STACKED_TABLE = "sco-table"
_TABLE_TAG = re.compile(r"<table\b[^>]*>|</table\s*>", re.IGNORECASE)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def _stacked(opening_tag: str) -> bool:
    found = _CLASS.search(opening_tag)
    classes = set((found.group(1) or found.group(2) or "").split()) if found else set()
    return STACKED_TABLE in classes


def label_table_cells(body: str) -> str:
    """Give every cell of a stacked table (class ``sco-table``) a ``data-label``: the text of its
    column's header, which the phone layout shows above the cell once the header row is hidden.

    Only those tables are parsed and rewritten; the rest of the page is left byte for byte. A cell
    that already has a ``data-label`` keeps it. The table also gets explicit table roles, because a
    browser may drop a table's semantics for screen readers once CSS displays its rows as blocks.
    """
    if "<table" not in body:
        return body
    out, position, depth, start = [], 0, 0, None
    for tag in _TABLE_TAG.finditer(body):
        if tag.group(0).startswith("</"):
            depth -= 1
            if depth == 0 and start is not None:
                out.append(body[position:start])
                out.append(_label_table(body[start:tag.end()]))
                position, start = tag.end(), None
        else:
            if depth == 0 and _stacked(tag.group(0)):
                start = tag.start()
            depth += 1
    out.append(body[position:])
    return "".join(out)


#: A cell whose value is a few words (a code, a date, a number, a name) sits on one line beside its
#: label in the stacked layout instead of under it (its content goes into one ``<div>``, the grid's
#: second column, so that text, links and emphasis stay one run): the cards of a table such as "bloc / name /
#: shared members / which" take half the height. Longer text keeps the full width under its label.
SHORT_CELL = "sco-short"
SHORT_TEXT = 28


def _short(cell) -> bool:
    blocks = cell.find_all(["ul", "ol", "table", "div", "details", "pre"])
    return not blocks and len(cell.get_text(" ", strip=True)) <= SHORT_TEXT


def _label_table(fragment: str) -> str:
    soup = BeautifulSoup(fragment, "html.parser")
    table = soup.find("table")
    header_rows = table.select(":scope > thead > tr")
    names: list[str] = []
    if header_rows:
        for cell in header_rows[-1].find_all(["th", "td"], recursive=False):
            names += [cell.get_text(" ", strip=True)] * int(cell.get("colspan", 1) or 1)
    table["role"] = "table"
    for row in table.select(":scope > thead > tr, :scope > tbody > tr, :scope > tr"):
        row["role"] = "row"
        in_head = row.parent.name == "thead"
        column = 0
        for cell in row.find_all(["th", "td"], recursive=False):
            if in_head:
                cell["role"] = "columnheader"
            elif cell.name == "th":
                cell["role"] = "rowheader"
            else:
                cell["role"] = "cell"
                if column < len(names) and names[column] and not cell.has_attr("data-label"):
                    cell["data-label"] = names[column]
                if cell.has_attr("data-label") and _short(cell):
                    cell["class"] = [*cell.get("class", []), SHORT_CELL]
                    value = soup.new_tag("div")
                    value.extend(list(cell.contents))
                    cell.append(value)
            column += int(cell.get("colspan", 1) or 1)
    for group in table.find_all(["thead", "tbody"], recursive=False):
        group["role"] = "rowgroup"
    return str(soup)


#: pydata-sphinx-theme ships the same icons twice: as web fonts in its CSS (about 250 KB, used by
#: every ``<i class="fa-...">``) and as ``fontawesome.js``, which swaps each icon for an SVG. The
#: script is 60 % of what a first visit downloads, and the theme offers no option to turn it off,
#: so it is removed from the built pages; the icons keep rendering from the web fonts.
FONTAWESOME_JS = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')

#: pydata-sphinx-theme's head script sets ``dataset.mode = localStorage.getItem("mode") || ""``:
#: on a first visit (and with no ``default_mode``) the mode is empty, which the theme's JavaScript
#: rejects with ``console.error("Got invalid theme mode: . Resetting to auto.")`` before using
#: ``auto``. Falling back to ``"auto"`` in that script does the same without the error. (Setting
#: ``default_mode`` instead would also put ``data-theme="auto"`` on ``<html>``, which no stylesheet
#: rule matches, so a reader without JavaScript would lose the light theme's colours.)
EMPTY_MODE = re.compile(r'(dataset\.mode = localStorage\.getItem\("mode"\) \|\| )""')

#: The theme's icons (``<i class="fa-solid fa-list">``) are drawn with a private-use glyph that
#: a screen reader reads into the names around them: the "Contents" landmark was named
#: "\uF03A Contents" (WCAG 1.1.1, 4.1.2). Decorative: hidden from the accessibility tree.
ICON = re.compile(r'<i class="([^"]*\bfa-[\w-]+[^"]*)"(?![^>]*aria-hidden)')
PAGE_FIXES = ((FONTAWESOME_JS, ""), (EMPTY_MODE, r'\1"auto"'), (ICON, r'<i class="\1" aria-hidden="true"'))

def name_download_items(buttons: list[dict]) -> None:
    """The download menu's items show only ".md", ".ipynb" and ".pdf" (their purpose is a tooltip):
    each shows its purpose too, "Download source file (.md)", so its name says what it does
    (WCAG 2.4.4, 2.5.3). Made in the buttons sphinx-book-theme puts in the page's context."""
    for group in buttons:
        for button in group.get("buttons") or []:
            text, tooltip = button.get("text") or "", button.get("tooltip") or ""
            if text.startswith(".") and tooltip:
                button["text"] = f"{tooltip} ({text})"


def rewrite_built_pages(app, exception) -> None:
    """Apply :data:`PAGE_FIXES` to every written HTML page."""
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = fixed = page.read_text(encoding="utf-8")
        for pattern, replacement in PAGE_FIXES:
            fixed = pattern.sub(replacement, fixed)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def setup(app):
    app.connect("config-inited", add_static_files)
    app.add_js_file("sco-toggle-fix.js", defer="defer")
    app.add_css_file("sco-phone.css")
    app.add_js_file("sco-phone-code.js", defer="defer")  # a phone folds the lesson's code cells
    app.add_js_file("sco-a11y.js", defer="defer")  # Escape closes tooltips; Contents moves focus
    app.connect("html-page-context", tidy_page_context, priority=900)
    app.connect("build-finished", rewrite_built_pages)
