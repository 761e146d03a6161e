"""The explorers in the online book, where no kernel runs (:mod:`scobook.explorers` declares them).

A notebook cell that calls ``show_explorer("name")`` (tagged ``skip-execution``: its widgets need
a kernel) gets the same explorer as plain HTML under it, and a page may place one with
``{explorer} name``. The HTML holds the control (a labelled number box and slider kept together,
or a labelled drop-down list), a status line that screen readers announce (``aria-live``), and the
first view, folded under its one-sentence result: what a reader without JavaScript keeps, and
short on a phone until the explorer is used (the script shows the view unfolded). Every view is written at build time
into ``_explorers/<name>.js``, which ``sco-explorer.js`` loads only when the explorer scrolls into
view (a script, not a fetch, so it also works from ``file://``, as the class pack is opened).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from scobook.explorers import ALL, FILTER_ANNOUNCE, FILTER_EMPTY, Explorer, get_explorer, map_key_html, map_svg
from scobook.maps import NO_STATUS_COLOUR
from scobook.tables import FOLD_CLASS

DATA_DIR = "_explorers"
CALL = re.compile(r"""show_explorer\(\s*["']([\w-]+)["']""")
PLACEHOLDER = "sco-explorer-src:"
MAP_PREFIX = "sco-map"


def explorer_html(explorer: Explorer) -> str:
    """The static explorer: controls (shown by the script), the announced status, the first view."""
    name = html.escape(explorer.name)
    first = explorer.view(explorer.initial)
    if explorer.kind == "year":
        low, high = explorer.values[0], explorer.values[-1]
        control = (f'<label for="{name}-year">{html.escape(explorer.label)}</label> '
                   f'<input type="number" id="{name}-year" min="{low}" max="{high}" value="{explorer.initial}" '
                   f'inputmode="numeric"> '
                   f'<input type="range" id="{name}-range" min="{low}" max="{high}" value="{explorer.initial}" '
                   f'aria-label="{html.escape(explorer.label)} (slider)">')
    elif explorer.kind in ("filter", "lists"):
        control = ""
        for (label, field, options), initial in zip(explorer.filters, explorer.initial.split("|")):
            choices = "".join(f'<option value="{html.escape(v)}"{" selected" if v == initial else ""}>'
                              f"{html.escape(text)}</option>" for v, text in options)
            control += (f'<span class="sco-explorer-filter"><label for="{name}-{field}">{html.escape(label)}</label> '
                        f'<select id="{name}-{field}" data-field="{field}">{choices}</select></span>')
    else:
        options = "".join(f'<option value="{html.escape(v)}"{" selected" if v == explorer.initial else ""}>'
                          f"{html.escape(label)}</option>" for v, label in zip(explorer.values, explorer.labels))
        control = (f'<label for="{name}-choice">{html.escape(explorer.label)}</label> '
                   f'<select id="{name}-choice">{options}</select>')
    picture = '<div class="sco-explorer-map" hidden></div>' if explorer.has_map else ""
    return (f'<section class="sco-explorer" data-explorer="{name}" data-src="{PLACEHOLDER}{name}" '
            f'aria-labelledby="{name}-title">'
            f'<p class="sco-explorer-title" id="{name}-title"><strong>Explore: {html.escape(explorer.title)}</strong></p>'
            f'<div class="sco-explorer-controls" hidden>{control}</div>'
            f'<p class="sco-explorer-status sco-sr-only" role="status" aria-live="polite"></p>'
            f'<div class="sco-explorer-view"><details class="{FOLD_CLASS}"><summary>{html.escape(first.announce)} '
            f'(open to read)</summary>{first.html}</details></div>{picture}'
            f"<noscript><p>This explorer needs JavaScript to change its {html.escape(explorer.label.lower())}; "
            f"without it, it shows the first view, and the maps and tables of this page show the rest.</p></noscript>"
            f"</section>")


def explorer_data(explorer: Explorer) -> str:
    """``_explorers/<name>.js``: every view, and for a map the SVG and its key."""
    if explorer.kind == "filter":
        data = {"rows": [{"html": row, "fields": fields} for row, fields in explorer.rows],
                "announce": FILTER_ANNOUNCE, "empty": FILTER_EMPTY, "all": ALL}
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return f"window.scoExplorerData&&scoExplorerData({json.dumps(explorer.name)},{payload});\n"
    data = {"views": {value: {"html": v.html, "announce": v.announce, "statuses": v.statuses}
                      for value, v in explorer.views().items()}}
    if explorer.has_map:
        data.update(svg=map_svg(None, MAP_PREFIX), key=map_key_html(MAP_PREFIX), prefix=MAP_PREFIX, none=NO_STATUS_COLOUR)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.scoExplorerData&&scoExplorerData({json.dumps(explorer.name)},{payload});\n"


def _placed(env, name: str) -> nodes.raw:
    explorer = get_explorer(name)
    if not hasattr(env, "sco_explorers"):
        env.sco_explorers = set()
    env.sco_explorers.add(name)
    return nodes.raw("", explorer_html(explorer), format="html")


class ExplorerDirective(SphinxDirective):
    """``{explorer} name``: an explorer of :mod:`scobook.explorers` on a page."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        try:
            return [_placed(self.env, self.arguments[0])]
        except ValueError as exc:
            raise self.error(str(exc)) from exc


class ExplorerCells(SphinxTransform):
    """Under a notebook cell that calls ``show_explorer("name")``, the same explorer as HTML."""

    default_priority = 870

    def apply(self) -> None:
        for cell in list(self.document.findall(nodes.container)):
            if cell.get("nb_element") != "cell_code":
                continue
            source = "".join(n.astext() for n in cell.findall(nodes.literal_block))
            found = CALL.search(source)
            if found:
                cell += _placed(self.env, found[1])


def resolve_sources(app, doctree, docname: str) -> None:
    """Point each explorer at its data file, relative to the page."""
    if app.builder.format != "html":
        return
    page = app.builder.get_target_uri(docname)
    for node in list(doctree.findall(nodes.raw)):
        if PLACEHOLDER in node.astext():
            text = re.sub(re.escape(PLACEHOLDER) + r"([\w-]+)",
                          lambda m: relative_uri(page, f"{DATA_DIR}/{m[1]}.js"), node.astext())
            node.replace_self(nodes.raw("", text, format="html"))


def merge(app, env, docnames, other) -> None:
    env.sco_explorers = getattr(env, "sco_explorers", set()) | getattr(other, "sco_explorers", set())


def write_data(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir) / DATA_DIR
    for name in sorted(getattr(app.env, "sco_explorers", set())):
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{name}.js").write_text(explorer_data(get_explorer(name)), encoding="utf-8")


def setup(app):
    app.add_directive("explorer", ExplorerDirective)
    app.add_transform(ExplorerCells)
    app.add_js_file("sco-explorer.js", defer="defer")
    app.connect("doctree-resolved", resolve_sources)
    app.connect("env-merge-info", merge)
    app.connect("build-finished", write_data)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
