"""Reference material folded under one line in the built pages (an HTML ``<details>`` block that
opens on a click or Enter, and that ``sco-print.js`` opens for printing): the answer key per quiz,
the source list per data file, and on each notebook page the "How to run this notebook" steps and
the body of each exercise. Notebook outputs fold the same way (``scobook.tables.Folded``)."""

from __future__ import annotations

import html
import re

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from scobook.tables import FOLD_CLASS

#: Sections of every notebook (tests/test_notebook_sources.py) that a student in Jupyter needs in
#: full but that a reader of the online book, where nothing runs, meets as reference: the page folds
#: their bodies under their headings, which stay in the page and in its "On this page" outline.
HOW_TO_RUN = "How to run this notebook"
HOW_TO_RUN_SUMMARY = "To run or change the code, open it in Jupyter: the rocket button at the top (details)"
EXERCISES = "Exercises"
EXERCISE_SUMMARY = "The task, your cell and a worked solution (open to read; run it in Jupyter)"
#: The box of Python each notebook's exercises need (issue 24), reference for the online reader.
PYTHON_BOX = "Python you need for these exercises"
PYTHON_BOX_SUMMARY = "Python you need for these exercises: masks, the index, KeyError (open to read)"


def fill(title: str, substitutions: dict) -> str:
    """A fold's title with MyST substitutions (``{{ discussion_count_words }}``) filled in: a
    directive's argument is not parsed as Markdown, so MyST leaves them as written."""
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(substitutions.get(m[1], m[0])), title)


def folded(summary: str, content: nodes.Node) -> list[nodes.Node]:
    """``content`` inside ``<details class="sco-fold">`` with ``summary`` as its one visible line."""
    return [
        nodes.raw("", f'<details class="{FOLD_CLASS}"><summary>{html.escape(summary)}</summary>', format="html"),
        content,
        nodes.raw("", "</details>", format="html"),
    ]


def _fold_body(section: nodes.section, summary: str) -> None:
    """Move everything in ``section`` after its title into a fold."""
    title = section[0]
    body = [child for child in section.children if child is not title]
    if not body:
        return
    box = nodes.container()
    for child in body:
        section.remove(child)
        box += child
    section.extend(folded(summary, box))


def _fold_python_box(section: nodes.section) -> None:
    """Fold the "Python you need" paragraph and the list under it (the exercises' introduction)."""
    children = list(section.children)
    for i, child in enumerate(children):
        if isinstance(child, nodes.paragraph) and child.astext().startswith(PYTHON_BOX):
            box = nodes.container()
            moving = [child] + ([children[i + 1]] if i + 1 < len(children) and isinstance(children[i + 1], nodes.bullet_list) else [])
            for node in moving:
                section.remove(node)
                box += node
            position = section.index(children[i - 1]) + 1 if i else 1
            for offset, node in enumerate(folded(PYTHON_BOX_SUMMARY, box)):
                section.insert(position + offset, node)
            return


def _title(section: nodes.section) -> str:
    return section[0].astext() if section.children and isinstance(section[0], nodes.title) else ""


def fold_notebook_reference(app, doctree, docname) -> None:
    """On a notebook's page (HTML builds): fold the body of "How to run this notebook" and of each
    exercise under "Exercises" (their introduction stays open)."""
    if app.builder.format != "html" or not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    for section in list(doctree.findall(nodes.section)):
        if _title(section) == HOW_TO_RUN:
            _fold_body(section, HOW_TO_RUN_SUMMARY)
        elif _title(section) == EXERCISES:
            _fold_python_box(section)
            for exercise in [child for child in section.children if isinstance(child, nodes.section)]:
                _fold_body(exercise, EXERCISE_SUMMARY)


class FoldDirective(SphinxDirective):
    """``{fold} Summary line``: the directive's content folded under the summary line (for a page's
    own reference material, or answers a reader should open only after trying an activity)."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        box = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, box)
        return folded(fill(self.arguments[0], self.env.config.myst_substitutions or {}), box)


def setup(app):
    app.add_directive("fold", FoldDirective)
    app.connect("doctree-resolved", fold_notebook_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
