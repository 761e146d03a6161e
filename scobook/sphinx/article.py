"""The article and its ¶ references: ``{article-text}`` (every paragraph with a stable anchor
``para-N``), ``{article-passage} 9-11``, the ``{para}`` role (a ``pending_xref`` that Sphinx
resolves to the paragraph), and the reading aids built from ``data/article.yml``
(``{article-summaries}``, ``{word-bank}``, ``{article-readability}``)."""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.util.docutils import SphinxDirective, SphinxRole

from scobook.article import Article, load_article, parse_range
from scobook.paths import data_path
from scobook.text import readability


def para_label(n: int) -> str:
    return f"para-{n}"

def para_ref(n: int) -> pending_xref:
    ref = pending_xref("", refdomain="std", reftype="ref", reftarget=para_label(n), refexplicit=True, refwarn=True)
    ref += nodes.inline("", f"¶{n}", classes=["para-num"])
    return ref

class _ArticleDirective(SphinxDirective):
    def article(self) -> Article:
        path = data_path("article.yml")
        self.env.note_dependency(str(path))
        return load_article(path)

class ArticleText(_ArticleDirective):
    """The whole article, one numbered paragraph each, with anchors ``para-1`` ... ``para-15``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        article = self.article()
        std = self.env.get_domain("std")
        container = nodes.container(classes=["article-text"])
        for n, text in zip(article.paragraphs["n"], article.paragraphs["text"]):
            label = para_label(int(n))
            para = nodes.paragraph(ids=[label], classes=["article-para"])
            para += nodes.reference("", f"¶{n}", refid=label, classes=["para-num"])
            para += nodes.Text(" " + str(text))
            container += para
            std.note_hyperlink_target(label, self.env.docname, label, f"¶{n}")
        note = nodes.paragraph(classes=["article-author-note"])
        note += nodes.emphasis("", article.author_note)
        container += note
        return [container]

class ArticlePassage(_ArticleDirective):
    """Quote paragraphs of the article by number, e.g. ``{article-passage} 9-12``."""

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        article = self.article()
        try:
            numbers = parse_range(self.arguments[0], len(article.paragraphs))
        except ValueError as exc:
            raise self.error(str(exc)) from exc
        quote = nodes.block_quote(classes=["article-passage", *self.options.get("class", [])])
        for n in numbers:
            para = nodes.paragraph(classes=["article-para"])
            para += para_ref(n)
            para += nodes.Text(" " + article.paragraph(n))
            quote += para
        quote += nodes.attribution("", f"{article.citation()} (opinion article)")
        return [quote]

class ParaRole(SphinxRole):
    """``{para}`7``` → "¶7", linked to paragraph 7 of the article."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if not re.fullmatch(r"\d+", self.text.strip()):
            msg = self.inliner.reporter.error(f"{{para}} takes one paragraph number, got {self.text!r}", line=self.lineno)
            return [nodes.problematic(self.rawtext, self.rawtext)], [msg]
        return [para_ref(int(self.text))], []

class ArticleSummaries(_ArticleDirective):
    """``{article-summaries}``: one plain-English line per paragraph, clearly marked as the book's
    paraphrase (``summary`` in ``data/article.yml``), each linked to its paragraph."""

    def run(self) -> list[nodes.Node]:
        article = self.article()
        note = nodes.paragraph()
        note += nodes.emphasis("", "These one-line summaries are ours, written in plain English to help you read; "
                                   "they are not the author's words. Quote the article, not them.")
        items = nodes.bullet_list(classes=["article-summaries"])
        for n in article.paragraphs["n"]:
            item = nodes.list_item()
            para = nodes.paragraph()
            para += para_ref(int(n))
            para += nodes.Text(" " + article.summaries[int(n)])
            item += para
            items += item
        return [note, items]

class WordBank(_ArticleDirective):
    """``{word-bank}``: the article's idioms and hard words with a plain meaning (``word_bank``)."""

    def run(self) -> list[nodes.Node]:
        entries = nodes.definition_list(classes=["word-bank"])
        for word in self.article().word_bank:
            item = nodes.definition_list_item()
            term = nodes.term("", word["term"] + " ")
            if word["paragraph"] is None:
                term += nodes.emphasis("", "(title)")
            else:
                term += para_ref(word["paragraph"])
            item += term
            definition = nodes.definition()
            definition += nodes.paragraph("", word["meaning"])
            item += definition
            entries += item
        return [entries]

class ArticleReadabilityDirective(_ArticleDirective):
    """``{article-readability}``: one sentence with the article's length and reading level,
    computed from ``data/article.yml`` by :func:`scobook.text.readability` (the same function the
    chapter 1 notebook checks its step-by-step pandas against)."""

    def run(self) -> list[nodes.Node]:

        figures = readability(list(self.article().paragraphs["text"]))
        para = nodes.paragraph()
        para += nodes.Text(
            f"The article has {figures['words']} words in {figures['sentences']} sentences, about "
            f"{figures['words_per_sentence']:.0f} words a sentence; its Flesch-Kincaid grade is "
            f"{figures['grade']:.0f} (university level), computed from data/article.yml as in the chapter 1 notebook.")
        return [para]


def setup(app):
    app.add_directive("article-text", ArticleText)
    app.add_directive("article-passage", ArticlePassage)
    app.add_role("para", ParaRole())
    app.add_directive("article-summaries", ArticleSummaries)
    app.add_directive("word-bank", WordBank)
    app.add_directive("article-readability", ArticleReadabilityDirective)
