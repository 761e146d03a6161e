"""The chapter list, the teacher's objectives table and "What's next", made from ``_toc.yml``
(:mod:`scobook.chapters`), so that removing, reordering or adding a chapter there needs no other
edit:

- ``{chapter-list}`` (the home page): each chapter of ``_toc.yml``, numbered in its order, with
  its page's ``description``;
- ``{chapter-objectives}`` (the teacher's guide): a table of each chapter's ``objectives``
  (front matter of its page);
- a notebook's "What's next" section is kept as written while its links lead to the next chapter
  of ``_toc.yml``; otherwise (that chapter was removed or moved) the page says where to go next;
- a link to a chapter's page or notebook that ``_toc.yml`` no longer lists (a teacher's edition
  without it) becomes its text and "(not in this edition)", instead of a broken link;
- when the build ends, the quiz banks, exercises and discussion questions no chapter uses are
  reported in the build log (information, not a warning: a teacher's edition may leave some out).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join, logging
from sphinx.util.docutils import SphinxDirective

from scobook.chapters import Chapter, book_chapters, chapter_folders, doc_title, unused

logger = logging.getLogger(__name__)
WHATS_NEXT = "What's next"
NOT_IN_EDITION = " (not in this edition)"


def _chapters(app) -> list[Chapter]:
    return book_chapters(Path(app.srcdir))


def doc_link(docname: str, text: str | None = None) -> addnodes.pending_xref:
    """A reference to a document, resolved (with its title when ``text`` is None) by Sphinx."""
    ref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + docname,
                                refexplicit=text is not None, refwarn=True)
    ref += nodes.inline("", text or docname)
    return ref


class ChapterListDirective(SphinxDirective):
    """``{chapter-list}``: the chapters of ``_toc.yml`` in order, each with its description."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(Path(self.env.srcdir) / "_toc.yml"))
        items = nodes.enumerated_list()
        for chapter in _chapters(self.env.app):
            self.env.note_dependency(str(Path(self.env.srcdir) / f"{chapter.page}.md"))
            para = nodes.paragraph()
            para += doc_link(chapter.page)
            if chapter.description:
                para += nodes.Text(f": {chapter.description}")
            items += nodes.list_item("", para)
        return [items]


class ChapterObjectivesDirective(SphinxDirective):
    """``{chapter-objectives}``: a table, one row per chapter: its page and its objectives."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(Path(self.env.srcdir) / "_toc.yml"))
        table = nodes.table()
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=1)
        group += nodes.colspec(colwidth=3)
        head = nodes.thead()
        group += head
        head += nodes.row("", *(nodes.entry("", nodes.paragraph("", text))
                               for text in ("Chapter", "Students will be able to")))
        body = nodes.tbody()
        group += body
        for chapter in _chapters(self.env.app):
            self.env.note_dependency(str(Path(self.env.srcdir) / f"{chapter.page}.md"))
            if not chapter.objectives:
                raise self.error(f"{chapter.page}.md has no 'objectives' in its front matter "
                                 "(one line for the teacher's guide)")
            link = nodes.paragraph("", f"{chapter.number}. ")
            link += doc_link(chapter.page)
            body += nodes.row("", nodes.entry("", link), nodes.entry("", nodes.paragraph("", chapter.objectives)))
        return [table]


def _target_doc(node: addnodes.pending_xref, env) -> str | None:
    """The document a reference points to (a ``{doc}`` role or a Markdown link), or None."""
    if node.get("reftype") == "myst" and node.get("refdomain") == "doc":
        return node["reftarget"]
    if node.get("refdomain") == "std" and node.get("reftype") == "doc":
        return docname_join(node.get("refdoc", env.docname), node["reftarget"]).lstrip("/")
    return None


class WhatsNext(SphinxTransform):
    """Keep a notebook's "What's next" while it leads to the next chapter of ``_toc.yml``;
    otherwise replace its text with a pointer to the chapter that now follows (or the end)."""

    default_priority = 880

    def apply(self) -> None:
        chapters = _chapters(self.app)
        here = next((c for c in chapters if self.env.docname in c.notebooks), None)
        if here is None:
            return
        following = chapters[here.number] if here.number < len(chapters) else None
        chapter_docs = {doc for c in chapter_folders(Path(self.app.srcdir)) for doc in c}
        for section in self.document.findall(nodes.section):
            if not section.children or section[0].astext().replace("\u2019", "'") != WHATS_NEXT:
                continue
            targets = {_target_doc(ref, self.env) for ref in section.findall(addnodes.pending_xref)}
            linked_chapters = targets & chapter_docs
            if following is not None and linked_chapters and linked_chapters <= set(following.docs):
                continue
            if following is None and not linked_chapters:
                continue
            title = section[0]
            for child in list(section.children):
                if child is not title:
                    section.remove(child)
            para = nodes.paragraph()
            if following is None:
                para += nodes.Text("This is the last chapter of the book. ")
                para += doc_link("chapters/teachers-guide")
                para += nodes.Text(" shows how its chapters make lessons.")
            else:
                para += nodes.Text(f"Continue with chapter {following.number}: read ")
                para += doc_link(following.page)
                para += nodes.Text(", then open its notebook, ")
                para += doc_link(following.notebooks[0])
                para += nodes.Text(".")
            section += para


class NotInThisEdition(SphinxPostTransform):
    """A link to a chapter left out of ``_toc.yml`` becomes its text and "(not in this edition)"."""

    default_priority = 8  # before MyST's resolver (9) and Sphinx's (10), which would warn

    def run(self, **kwargs) -> None:
        on_disk = {doc for c in chapter_folders(Path(self.app.srcdir)) for doc in c}
        for ref in list(self.document.findall(addnodes.pending_xref)):
            target = _target_doc(ref, self.env)
            if target in on_disk and target not in self.env.all_docs:
                text = ref.astext() if ref.get("refexplicit") or ref.get("reftype") == "myst" \
                    else doc_title(Path(self.app.srcdir), target)
                ref.replace_self(nodes.inline("", text + NOT_IN_EDITION, classes=["sco-not-in-edition"]))


def report_unused(app, exception) -> None:
    if exception is not None or not (Path(app.srcdir) / "_toc.yml").is_file():
        return
    left = {kind: names for kind, names in unused(Path(app.srcdir)).items() if names}
    for kind, names in left.items():
        logger.info(f"[scobook] not used by any chapter in _toc.yml: {kind}: {', '.join(names)}")


def setup(app):
    app.add_directive("chapter-list", ChapterListDirective)
    app.add_directive("chapter-objectives", ChapterObjectivesDirective)
    app.add_transform(WhatsNext)
    app.add_post_transform(NotInThisEdition)
    app.connect("build-finished", report_unused)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
