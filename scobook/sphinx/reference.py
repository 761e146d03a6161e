"""Pages built from ``data/`` so they cannot drift from it: the glossary, the discussion
questions, the list of sources, the classification model, the SCO's security side and the summit
simulation's role cards."""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from scobook.chapters import book_chapters
from scobook.claims import CUE_EXAMPLES, DECISION_FLOW, KIND_LABELS
from scobook.glossary import load_discussion, load_glossary, term_id
from scobook.lesson import load_lesson
from scobook.outlets import label
from scobook.paths import data_path
from scobook.reading import read_yaml
from scobook.security import SIDES, load_security
from scobook.simulation import load_roles, role_cards, share_percent
from scobook.sphinx.article import para_ref
from scobook.sphinx.fold import folded
from scobook.sphinx.pack import word_definitions, write_lines


class ClaimModelDirective(SphinxDirective):
    """``{claim-model}``: the book's one way of classifying a sentence (``scobook.claims.DECISION_FLOW``),
    as a numbered decision flow with its cue words, so the chapter, the handout and the worksheet
    cannot drift apart."""

    def run(self) -> list[nodes.Node]:

        steps = nodes.enumerated_list(classes=["claim-model"])
        for step in DECISION_FLOW:
            item = nodes.list_item()
            para = nodes.paragraph()
            para += nodes.Text(step.question + " ")
            if step.kind in CUE_EXAMPLES:
                words = ", ".join(f"\u201c{w}\u201d" for w in CUE_EXAMPLES[step.kind])
                para += nodes.Text(f"({'judgement words such as ' if step.kind == 'opinion' else ''}{words}) ")
            para += nodes.strong("", f"\u2192 {KIND_LABELS[step.kind]}.")
            para += nodes.Text(" " + step.then)
            item += para
            steps += item
        rule = nodes.paragraph(classes=["claim-model-rule"])  # the rule comes first, with the steps
        rule += nodes.strong("", "Ask the questions in order and stop at the first \u201cyes\u201d; "
                                 "note the word that decided it.")
        note = nodes.paragraph(classes=["claim-model-note"])
        note += nodes.Text("Classify sentences (or clauses), not paragraphs: a sentence with \u201cwill\u201d is a "
                           "prediction even if it also holds a judgement word. If you read a sentence "
                           "differently from the book, argue from its words and the model: the written task "
                           "rewards an argued reading.")
        return [rule, steps, note]

class RoleCards(SphinxDirective):
    """``{role-cards}``: the summit simulation's draft paragraph and one card per member state,
    built from the data by :func:`scobook.simulation.role_cards` (status history, population,
    GDP and share of the members' GDP, a stated position with its source). ``:draft-on-each:``
    prints the draft on every card (the pack's cards, one for each group's table)."""

    option_spec = {"draft-on-each": directives.flag}

    def run(self) -> list[nodes.Node]:

        for name in ("roles.yml", "sco_membership.csv", "indicators.csv", "lesson.yml", "glossary.yml", "outlets.yml"):
            self.env.note_dependency(str(data_path(name)))
        esc = html.escape
        roles = load_roles()
        draft = (f'<blockquote class="sco-draft"><p><strong>Draft paragraph ({esc(roles["topic"])}):</strong> '
                 f'{esc(roles["draft"])}</p></blockquote>')
        each = "draft-on-each" in self.options
        cards = [] if each else [draft]
        reflection = load_lesson()["reflection"]
        homework = (" ".join(reflection["prompt"].split())
                    + f" Marked with the written task's {' and '.join(reflection['criteria'])} rows.")
        for card in role_cards():
            years = card["years"]
            population = "no data" if card["population"] is None else f'{card["population"] / 1e6:,.1f} million ({years["population"]})'
            if card["gdp"] is None:
                gdp = "no data"
            else:
                share = share_percent(card["gdp_share"])
                gdp = f"US$ {card['gdp'] / 1e9:,.0f} billion ({years['gdp_current_usd']}), {share}% of the members' total"
            concern = ""
            if card.get("concern"):
                c = card["concern"]
                concern = (f'<p><strong>A concern your government has raised</strong> ({esc(c["speaker"])}, '
                           f'{esc(c["occasion"])}, {esc(c["date"])}): {esc(c["text"])} &ldquo;{esc(c["quote"])}&rdquo; '
                           f'<a href="{esc(c["source"])}">Source: {esc(label(c["source"]))}</a>.</p>')
            extra = ""
            if each:  # a card per student on paper: the homework, and the words of this card
                words = word_definitions(" ".join([roles["draft"], card["position"], card["quote"],
                                                   card.get("concern", {}).get("text", "")]))
                extra = (f'<p class="sco-card-homework"><strong>Homework:</strong> {esc(homework)}</p>'
                         + ('<p class="sco-card-words"><strong>Words on this card.</strong> '
                            + "; ".join(f"<em>{esc(t)}</em>: {esc(d)}" for t, d in words) + ".</p>" if words else ""))
            cards.append(
                f'<section class="role-card" aria-label="Role card: {esc(card["country"])}">'
                f'<h3>{esc(card["country"])}</h3>{draft if each else ""}'
                f'<p><strong>In the SCO:</strong> {esc(card["history"])}.</p>'
                f'<p><strong>Population:</strong> {esc(population)}. <strong>GDP:</strong> {esc(gdp)}.</p>'
                f'<p><strong>Your government has said</strong> ({esc(card["speaker"])}, {esc(card["occasion"])}, '
                f'{esc(card["date"])}): {esc(card["position"])} '
                f'&ldquo;{esc(card["quote"])}&rdquo; <a href="{esc(card["source"])}">Source: '
                f'{esc(label(card["source"]))}</a>.</p>{concern}{extra}</section>')
        return [nodes.raw("", "\n".join(cards), format="html")]

class GlossaryDirective(SphinxDirective):
    """``{glossary-from-data}``: the entries of ``data/glossary.yml`` as definition lists: the
    SCO's terms, with their Chinese and Russian forms (marked where unconfirmed) and a source each,
    then the words for reading (plain definitions, the article's word bank among them, with the ¶
    each comes from). Each entry has the anchor the book's links to it use (``term-...``)."""

    def run(self) -> list[nodes.Node]:

        for name in ("glossary.yml", "article.yml"):
            self.env.note_dependency(str(data_path(name)))
        entries = load_glossary()
        out: list[nodes.Node] = []
        for kind, title, intro in (
            ("term", "Terms of the SCO and its world",
             "With their Chinese and Russian forms where the SCO, China or Russia use them. A form marked "
             "\u201c(unconfirmed)\u201d was found in reports but not in an official text of the SCO, China or "
             "Russia, so it may not be the official wording."),
            ("word", "Words for reading",
             "Everyday and technical words of the article and the notebooks, in plain English; the pages "
             "link each word, where it first appears, to its entry here."),
        ):
            section = nodes.section(ids=[nodes.make_id(f"glossary-{kind}s")])
            section += nodes.title("", title)
            section += nodes.paragraph("", intro)
            dl = nodes.definition_list(classes=["sco-glossary", f"sco-glossary-{kind}s"])
            for entry in (e for e in entries if e["kind"] == kind):
                item = nodes.definition_list_item()
                term = nodes.term("", entry["term"], ids=[term_id(entry["term"])])  # the <dt> carries the anchor
                if entry.get("paragraph"):
                    term += nodes.Text(" ")
                    term += para_ref(entry["paragraph"])
                item += term
                body = nodes.definition()
                body += nodes.paragraph("", entry["definition"])
                if kind == "term":
                    forms = nodes.paragraph(classes=["sco-glossary-forms"])
                    unconfirmed = set(entry.get("unconfirmed") or [])
                    for key, language, lang in (("zh", "Chinese", "zh"), ("ru", "Russian", "ru")):
                        if entry.get(key):
                            forms += nodes.Text(f"{language}: ")
                            forms += nodes.raw("", f'<span lang="{lang}">{html.escape(entry[key])}</span>', format="html")
                            forms += nodes.Text(" (unconfirmed)  " if key in unconfirmed else "  ")
                    # named for where it goes: every entry's link would otherwise be read as "source"
                    forms += nodes.reference("", f"Source for \u201c{entry['term']}\u201d", refuri=entry["source"])
                    body += forms
                item += body
                dl += item
            section += dl
            out.append(section)
        return out


class DiscussionDirective(SphinxDirective):
    """``{discussion-questions}``: the questions of ``data/discussion.yml`` for the chapters of
    ``_toc.yml``, in their order (a chapter left out of the book leaves its questions out); with
    ``:notes:``, each with the teacher's notes (the guide), without them for students."""

    option_spec = {"notes": directives.flag}

    def run(self) -> list[nodes.Node]:
        path = data_path("discussion.yml")
        self.env.note_dependency(str(path))
        self.env.note_dependency(str(Path(self.env.srcdir) / "_toc.yml"))
        questions = load_discussion(path)
        items = nodes.enumerated_list(classes=["sco-discussion"])
        for chapter in book_chapters(Path(self.env.srcdir)):
            for q in questions:
                if q["chapter"] != chapter.folder:
                    continue
                item = nodes.list_item()
                para = nodes.paragraph("", q["question"] + " ")
                for n in q.get("paragraphs", []):
                    para += para_ref(n)
                    para += nodes.Text(" ")
                item += para
                if "notes" in self.options:
                    note = nodes.paragraph(classes=["teacher-notes"])
                    note += nodes.strong("", "Notes for the teacher: ")
                    note += nodes.Text(" ".join(q["teacher_notes"].split()))
                    item += note
                items += item
        return [items]

class DataSourcesDirective(SphinxDirective):
    """``{data-sources}``: for every data file in ``data/catalog.yml``, its title, "as of" date,
    source summary, and every distinct URL its rows cite (collected from the files themselves)."""

    def run(self) -> list[nodes.Node]:

        catalog_path = data_path("catalog.yml")
        self.env.note_dependency(str(catalog_path))
        catalog = read_yaml(catalog_path)
        output: list[nodes.Node] = []
        for name, entry in catalog.items():
            path = data_path(name)
            self.env.note_dependency(str(path))
            section = nodes.section(ids=[nodes.make_id(f"source-{name}")])
            section += nodes.title("", f"{entry['title']} ({name})")
            summary = nodes.paragraph()
            summary += nodes.strong("", "Source: ")
            summary += nodes.Text(f"{entry['source']}. ")
            summary += nodes.strong("", "As of: ")
            summary += nodes.Text(str(entry["as_of"]) + ".")
            if entry.get("not_included"):
                summary += nodes.strong("", " Not included: ")
                summary += nodes.Text(f"{entry['not_included']}.")
            section += summary
            if entry.get("checked_with"):
                checked = nodes.paragraph()
                checked += nodes.strong("", "Checked with: ")
                for i, url in enumerate(entry["checked_with"]):
                    checked += nodes.Text("; " if i else "")
                    checked += nodes.reference("", label(url), refuri=url)
                checked += nodes.Text(".")
                section += checked
            urls = cited_urls(path)
            if urls:
                listing = nodes.bullet_list(classes=["sco-source-urls"])
                for url in urls:
                    item = nodes.list_item()
                    para = nodes.paragraph()
                    para += nodes.reference("", url, refuri=url)
                    item += para
                    listing += item
                # folded under one line: the sources page stays short on a phone
                section += folded(f"The {len(urls)} source{'s' if len(urls) != 1 else ''} this file cites "
                                  "(open the list)", listing)
            output.append(section)
        return output

class SecuritySide(SphinxDirective):
    """``{security-side}``: the SCO's security side as evidence to weigh (``data/security.yml``):
    what supports the article's opinion on its role in peace and security and what complicates it,
    each item with its source named by its publisher. ``:task:`` adds the lesson 2 sheet's grid."""

    option_spec = {"task": directives.flag}

    def run(self) -> list[nodes.Node]:

        for name in ("security.yml", "claims.csv", "outlets.yml"):
            self.env.note_dependency(str(data_path(name)))
        try:
            data = load_security()
        except ValueError as exc:
            raise self.error(str(exc)) from exc
        claim = data["claim"]
        out: list[nodes.Node] = []
        intro = nodes.paragraph()
        intro += nodes.Text("The article's opinion: \u201c" + claim["sentence"] + "\u201d (")
        intro += para_ref(int(claim["paragraph"]))
        intro += nodes.Text(f"). Its judgement words are \u201c{claim['deciding_word']}\u201d: what would a major "
                            "role look like? Weigh the evidence on both sides.")
        out.append(intro)
        table = nodes.table(classes=["sco-table", "sco-security-table", "colwidths-given"])
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=50)
        group += nodes.colspec(colwidth=50)
        head = nodes.thead()
        head += nodes.row("", *(nodes.entry("", nodes.paragraph("", title))
                               for title in ("What supports it", "What complicates it")))
        group += head
        row = nodes.row()
        for side in SIDES:
            listing = nodes.bullet_list(classes=[f"sco-security-{side}"])
            for item in (i for i in data["items"] if i["side"] == side):
                para = nodes.paragraph()
                if item.get("when"):
                    para += nodes.strong("", f"{item['when']}. ")
                para += nodes.Text(item["text"] + " ")
                para += nodes.Text("Source: " if len(item["sources"]) == 1 else "Sources: ")
                for n, url in enumerate(item["sources"]):
                    if n:
                        para += nodes.Text("; ")
                    para += nodes.reference("", label(url), refuri=url)
                listing += nodes.list_item("", para)
            row += nodes.entry("", listing)
        group += nodes.tbody("", row)
        out.append(table)
        if "task" in self.options:
            grid = nodes.enumerated_list(classes=["sco-security-task"])
            for prompt in (f"Our definition of \u201c{claim['deciding_word']}\u201d:", "The strongest evidence for it:",
                           "The strongest evidence against it:"):
                grid += nodes.list_item("", nodes.paragraph("", prompt), write_lines(3))
            out.append(grid)
        box = nodes.container(classes=["sco-security", "sco-pack"])  # "sco-pack": laid out for paper too
        box.extend(out)
        return [box]


def cited_urls(path: Path) -> list[str]:
    """Every distinct http(s) URL in a data file's text, in order of first appearance."""
    if path.suffix not in {".csv", ".yml", ".yaml"}:
        return []
    found = re.findall(r"https?://[^\s,;\"')\]]+", path.read_text(encoding="utf-8"))
    return list(dict.fromkeys(url.rstrip(".") for url in found))


def setup(app):
    app.add_directive("claim-model", ClaimModelDirective)
    app.add_directive("role-cards", RoleCards)
    app.add_directive("glossary-from-data", GlossaryDirective)
    app.add_directive("discussion-questions", DiscussionDirective)
    app.add_directive("data-sources", DataSourcesDirective)
    app.add_directive("security-side", SecuritySide)
