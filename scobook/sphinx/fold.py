"""Reference material folded under one line in the built pages (an HTML ``<details>`` block that
opens on a click or Enter, and that ``sco-print.js`` opens for printing): the answer key per quiz,
the source list per data file. Notebook outputs fold the same way (``scobook.tables.Folded``)."""

from __future__ import annotations

import html

from docutils import nodes

from scobook.tables import FOLD_CLASS


def folded(summary: str, content: nodes.Node) -> list[nodes.Node]:
    """``content`` inside ``<details class="sco-fold">`` with ``summary`` as its one visible line."""
    return [
        nodes.raw("", f'<details class="{FOLD_CLASS}"><summary>{html.escape(summary)}</summary>', format="html"),
        content,
        nodes.raw("", "</details>", format="html"),
    ]
