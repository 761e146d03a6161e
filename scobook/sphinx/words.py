"""Words explained where they stand: every page links a glossary word, where it first appears,
to its entry on the glossary page, and ``{chapter-words}`` lists the words for reading a chapter
uses (its page and its notebook's text). Both are made from ``data/glossary.yml`` (with the
article's word bank), so a word added there is linked everywhere at the next build."""

from __future__ import annotations

import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from scobook.article import load_article
from scobook.glossary import form_pattern, load_glossary, term_id, words_in
from scobook.paths import data_path
from scobook.quiz import load_bank
from scobook.sphinx.fold import folded

GLOSSARY_DOC = "chapters/glossary"
#: Pages that do not link their words: the glossary itself, and the lesson pack, made for paper.
SKIP_DOCS = re.compile(r"^(chapters/glossary|chapters/pack/.*)$")
#: Text inside these is never linked: titles, links, code, raw HTML, definition-list terms.
SKIP_PARENTS = (nodes.title, nodes.subtitle, nodes.reference, nodes.literal, nodes.literal_block, nodes.raw,
                nodes.term, nodes.rubric, nodes.caption, nodes.attribution, nodes.target)


def glossary_patterns() -> list[tuple[str, re.Pattern]]:
    """``(term, pattern)`` for every form of every glossary entry, longest form first."""

    forms = [(entry["term"], form) for entry in load_glossary() for form in entry["forms"]]
    return [(term, form_pattern(form)) for term, form in sorted(forms, key=lambda f: -len(f[1]))]


def _linkable(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, SKIP_PARENTS) or {"para-num", "sco-chapter-words"} & set(parent.get("classes", [])):
            return False
        parent = parent.parent
    return True


def link_glossary_words(app, doctree, docname: str) -> None:
    """Link the first appearance of each glossary word on a page to its entry (HTML builds)."""
    if app.builder.format != "html" or SKIP_DOCS.match(docname):
        return

    patterns = glossary_patterns()
    target = app.builder.get_relative_uri(docname, GLOSSARY_DOC)
    linked: set[str] = set()
    for text in list(doctree.findall(nodes.Text)):  # one pass, in reading order
        if not _linkable(text):
            continue
        parent, index, value = text.parent, text.parent.index(text), str(text)
        pieces: list[nodes.Node] = []
        while True:  # link every new word of this text, earliest first, then go on with the rest
            hits = [(m.start(), term, m) for term, p in patterns if term not in linked for m in [p.search(value)] if m]
            if not hits:
                break
            _, term, match = min(hits, key=lambda h: h[0])
            linked.add(term)
            if match.start():
                pieces.append(nodes.Text(value[:match.start()]))
            pieces.append(nodes.reference("", match.group(0), refuri=f"{target}#{term_id(term)}", classes=["sco-word"]))
            value = value[match.end():]
        if not pieces:
            continue
        if value:
            pieces.append(nodes.Text(value))
        parent.remove(text)
        for offset, piece in enumerate(pieces):
            parent.insert(index + offset, piece)


def chapter_text(folder: Path) -> str:
    """The words a reader of a chapter meets: its page(s), the article's paragraphs they quote,
    the quizzes they hold (questions, options, feedback) and its notebooks' markdown cells."""

    pages = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))]
    parts = list(pages)
    article = load_article()
    for page in pages:
        for first, last in re.findall(r"\{article-passage\}\s+(\d+)(?:-(\d+))?", page):
            parts += [article.paragraph(n) for n in range(int(first), int(last or first) + 1)]
        for name in re.findall(r"\{quiz\}\s+([\w-]+)", page):
            for question in load_bank(name, shuffle=False).questions:
                parts += [question.prompt, question.explanation]
                parts += [f"{o.text} {o.feedback}" for o in question.options]
    for notebook in sorted(folder.glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        parts += ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    return "\n".join(parts)


class ChapterWords(SphinxDirective):
    """``{chapter-words}``: the glossary's terms and words for reading that this chapter's page,
    quizzes and notebook use, each
    with its plain definition, folded under one line ("Words for this chapter")."""

    def run(self) -> list[nodes.Node]:

        for name in ("glossary.yml", "article.yml"):
            self.env.note_dependency(str(data_path(name)))
        folder = Path(self.env.doc2path(self.env.docname)).parent
        for path in [*folder.glob("*.ipynb"), *data_path("quizzes").glob("*.yml")]:
            self.env.note_dependency(str(path))
        words = words_in(chapter_text(folder), kinds=("term", "word"))
        if not words:
            raise self.error("no word of data/glossary.yml appears in this chapter")
        dl = nodes.definition_list(classes=["sco-chapter-words"])
        for entry in words:
            item = nodes.definition_list_item()
            term = nodes.term()
            term += nodes.reference("", entry["term"], refuri=f"{self.env.app.builder.get_relative_uri(self.env.docname, GLOSSARY_DOC)}#{term_id(entry['term'])}"
                                    if hasattr(self.env.app.builder, "get_relative_uri") else f"#{term_id(entry['term'])}")
            item += term
            item += nodes.definition("", nodes.paragraph("", entry["definition"]))
            dl += item
        return folded(f"Words for this chapter ({len(words)}): what they mean (open the list)", dl)


def setup(app):
    app.add_directive("chapter-words", ChapterWords)
    app.connect("doctree-resolved", link_glossary_words)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
