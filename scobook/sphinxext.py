"""Sphinx extension: render the article from ``data/article.yml`` so pages never copy it by hand.

- ``{article-text}`` (chapter 1): every paragraph, numbered ¶1 to ¶15, each with a stable
  anchor ``para-N`` that the whole book can link to.
- ``{article-passage} 9-12``: the paragraphs a chapter studies, quoted with their numbers and
  an attribution; the numbers link back to the full text.
- ``{para}`7``: an inline citation "¶7" linking to paragraph 7.
- ``{quiz} ch1-article``: a quiz bank from ``data/quizzes/`` as forms that work offline.
- ``{quiz-answer-key}``: every bank's answers, for the teacher's answer key.
- ``{glossary-from-data}``, ``{discussion-questions}``, ``{data-sources}``: the glossary, the
  discussion questions and the list of sources, each built from ``data/``.

Unresolvable numbers are reported as Sphinx errors, so the strict build (-W) fails on them.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.util.docutils import SphinxDirective, SphinxRole

from scobook.article import Article, load_article, parse_range
from scobook.paths import ROOT_VARIABLE, data_path
from scobook.quiz import MESSAGES, Bank, bank_names, bank_path, load_all_banks, load_bank

ARTICLE_DOC = "chapters/01-article/index"
STATIC_DIR = Path(__file__).resolve().parent / "static"


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


class QuizDirective(SphinxDirective):
    """``{quiz} ch1-article``: the bank's questions as accessible HTML forms that work in the
    static book without a kernel or network (``sco-quiz.js``), with every answer's feedback, a
    running score, "Try again", and a "Show the answer" fallback that needs no JavaScript."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        path = bank_path(self.arguments[0])
        self.env.note_dependency(str(path))
        for data_file in ("sco_membership.csv", "claims.csv", "article.yml"):  # computed questions
            self.env.note_dependency(str(data_path(data_file)))
        try:
            bank = load_bank(path)
        except ValueError as exc:
            raise self.error(str(exc)) from exc
        return [nodes.raw("", render_quiz_html(bank, self.source_link), format="html")]

    def source_link(self, source: str) -> str:
        """Turn "¶6; data/claims.csv" into HTML, linking each ¶ number to the article."""
        uri = self.env.app.builder.get_relative_uri(self.env.docname, ARTICLE_DOC)
        return re.sub(r"¶(\d+)", lambda m: f'<a href="{uri}#para-{m[1]}">¶{m[1]}</a>', html.escape(source))


def render_quiz_html(bank: Bank, link) -> str:
    parts = [
        f'<section class="sco-quiz" data-quiz="{html.escape(bank.name)}" aria-label="Quiz: {html.escape(bank.title)}" '
        f'data-messages="{html.escape(json.dumps(MESSAGES))}">',
        f'<p class="sco-quiz-score" aria-live="polite">{len(bank.questions)} questions.</p>',
        '<noscript><p>This quiz needs JavaScript to check answers; without it, open "Show the answer" '
        "under each question.</p></noscript>",
    ]
    for number, q in enumerate(bank.questions, start=1):
        kind = "checkbox" if q.type == "multiple" else "radio"
        hint = " (choose all that apply)" if q.type == "multiple" else ""
        qid = html.escape(q.id)
        parts.append(f'<form class="sco-quiz-q" id="quiz-{qid}" data-type="{q.type}" '
                     f'data-correct="{",".join(map(str, q.correct_indices))}">')
        parts.append(f'<fieldset><legend>{number}. {html.escape(q.prompt)}{hint}</legend>')
        for i, option in enumerate(q.options):
            # the whole row is the label: a tap anywhere on it chooses the option
            parts.append(f'<label class="sco-quiz-option" for="{qid}-{i}"><input type="{kind}" name="{qid}" '
                         f'id="{qid}-{i}" value="{i}"><span>{html.escape(option.text)}</span></label>')
        parts.append("</fieldset>")
        parts.append('<button type="submit">Check answer</button>'
                     '<button type="button" class="sco-quiz-retry" hidden>Try again</button>')
        parts.append('<div class="sco-quiz-feedback" role="status" aria-live="polite"></div>')
        for i, option in enumerate(q.options):
            parts.append(f'<p data-feedback="{i}" hidden>{html.escape(option.text)}: {html.escape(option.feedback)}</p>')
        explanation = f"{html.escape(q.explanation)} <em>Source: {link(q.source)}</em>"
        parts.append(f'<p class="sco-quiz-explanation" hidden>{explanation}</p>')
        answer = "; ".join(html.escape(q.options[i].text) for i in q.correct_indices)
        parts.append(f'<details class="sco-quiz-answer"><summary>Show the answer</summary>'
                     f"<p><strong>Answer:</strong> {answer}. {explanation}</p></details>")
        parts.append("</form>")
    parts.append("</section>")
    return "\n".join(parts)


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


class EvidencePack(SphinxDirective):
    """``{evidence-pack}``: the evidence a class without computers needs, built from ``data/``:
    each principle with the evidence that supports and complicates it, the other outlets' framings
    with who publishes them, and the status changes since the article. For the printed handout,
    so it shows no links (sources are named in the online book)."""

    def run(self) -> list[nodes.Node]:
        from scobook.claims import load_perspectives
        from scobook.membership import ARTICLE_DATE, STATUS_PHRASES, changes_between, load_membership
        from scobook.paths import as_of
        from scobook.spirit import load_principles

        for name in ("shanghai_spirit.yml", "perspectives.yml", "sco_membership.csv"):
            self.env.note_dependency(str(data_path(name)))
        out: list[nodes.Node] = []

        def section(title: str) -> nodes.section:
            node = nodes.section(ids=[nodes.make_id(f"evidence-{title}")])
            node += nodes.title("", title)
            out.append(node)
            return node

        practice = section("Principle and practice")
        items = nodes.bullet_list()
        for p in load_principles():
            if not p.get("practice"):
                continue
            item = nodes.list_item()
            para = nodes.paragraph()
            para += nodes.strong("", p["name_en"].capitalize() + ". ")
            para += nodes.emphasis("", "Supports: ")
            para += nodes.Text(" ".join(p["practice"]["supports"]["text"].split()) + " ")
            para += nodes.emphasis("", "Complicates: ")
            para += nodes.Text(" ".join(p["practice"]["complicates"]["text"].split()))
            item += para
            items += item
        practice += items

        framings = section("How others framed the Qingdao summit")
        items = nodes.bullet_list()
        for p in load_perspectives():
            item = nodes.list_item()
            para = nodes.paragraph()
            para += nodes.strong("", f"{p['outlet']} ({p['country']}; {p['outlet_type']}). ")
            para += nodes.Text(" ".join(p["contrast"].split()))
            item += para
            items += item
        framings += items

        checked = as_of("sco_membership.csv")
        since = section("What changed since the article")
        changes = changes_between(load_membership(), ARTICLE_DATE, checked)
        items = nodes.bullet_list()
        for row in changes.itertuples():
            before = STATUS_PHRASES[row.before].replace("was ", "", 1).replace("had ", "", 1)
            after = STATUS_PHRASES[row.after].replace("was ", "", 1).replace("had ", "", 1)
            day = f"{dt.date.fromisoformat(checked):%-d %B %Y}"
            items += nodes.list_item("", nodes.paragraph("", f"{row.country}: {before} in June 2018, {after} by {day}."))
        since += items
        pack = nodes.container(classes=["evidence-pack"])
        pack.extend(out)
        return [pack]


class RoleCards(SphinxDirective):
    """``{role-cards}``: the summit simulation's draft paragraph and one card per member state,
    built from the data by :func:`scobook.simulation.role_cards` (status history, population,
    GDP and share of the members' GDP, a stated position with its source)."""

    def run(self) -> list[nodes.Node]:
        from scobook.simulation import load_roles, role_cards

        for name in ("roles.yml", "sco_membership.csv", "indicators.csv"):
            self.env.note_dependency(str(data_path(name)))
        esc = html.escape
        roles = load_roles()
        cards = [f'<blockquote class="sco-draft"><p><strong>Draft paragraph ({esc(roles["topic"])}):</strong> '
                 f'{esc(roles["draft"])}</p></blockquote>']
        for card in role_cards():
            years = card["years"]
            population = "no data" if card["population"] is None else f'{card["population"] / 1e6:,.1f} million ({years["population"]})'
            if card["gdp"] is None:
                gdp = "no data"
            else:
                share = "under 0.1" if card["gdp_share"] < 0.001 else f"{100 * card['gdp_share']:.1f}"
                gdp = f"US$ {card['gdp'] / 1e9:,.0f} billion ({years['gdp_current_usd']}), {share}% of the members' total"
            cards.append(
                f'<section class="role-card" aria-label="Role card: {esc(card["country"])}">'
                f'<h3>{esc(card["country"])}</h3>'
                f'<p><strong>In the SCO:</strong> {esc(card["history"])}.</p>'
                f'<p><strong>Population:</strong> {esc(population)}. <strong>GDP:</strong> {esc(gdp)}.</p>'
                f'<p><strong>Your government has said</strong> ({esc(card["speaker"])}, {esc(card["occasion"])}, '
                f'{esc(card["date"])}): {esc(card["position"])} '
                f'&ldquo;{esc(card["quote"])}&rdquo; <a href="{esc(card["source"])}">Source</a>.</p></section>')
        return [nodes.raw("", "\n".join(cards), format="html")]


class ArticleReadabilityDirective(_ArticleDirective):
    """``{article-readability}``: one sentence with the article's length and reading level,
    computed from ``data/article.yml`` by :func:`scobook.text.readability` (the same function the
    chapter 1 notebook checks its step-by-step pandas against)."""

    def run(self) -> list[nodes.Node]:
        from scobook.text import readability

        figures = readability(list(self.article().paragraphs["text"]))
        para = nodes.paragraph()
        para += nodes.Text(
            f"The article has {figures['words']} words in {figures['sentences']} sentences, about "
            f"{figures['words_per_sentence']:.0f} words a sentence; its Flesch-Kincaid grade is "
            f"{figures['grade']:.0f} (university level), computed from data/article.yml as in the chapter 1 notebook.")
        return [para]


class ClaimModelDirective(SphinxDirective):
    """``{claim-model}``: the book's one way of classifying a sentence (``scobook.claims.DECISION_FLOW``),
    as a numbered decision flow, so the chapter and the handout cannot drift apart."""

    def run(self) -> list[nodes.Node]:
        from scobook.claims import DECISION_FLOW, KIND_LABELS

        steps = nodes.enumerated_list(classes=["claim-model"])
        for question, kind, then in DECISION_FLOW:
            item = nodes.list_item()
            para = nodes.paragraph()
            para += nodes.Text(question + " ")
            para += nodes.strong("", f"\u2192 {KIND_LABELS[kind]}.")
            para += nodes.Text(" " + then)
            item += para
            steps += item
        note = nodes.paragraph(classes=["claim-model-note"])
        note += nodes.Text("Classify sentences (or clauses), not paragraphs. When a sentence mixes a checkable "
                           "core with a judgement word, say which part you classify and why: some sentences have "
                           "two defensible readings, and the quizzes accept both when the argument is sound.")
        return [steps, note]


class AnswerKeyDirective(SphinxDirective):
    """``{quiz-answer-key}``: every bank's questions with the answer, explanation and source."""

    def run(self) -> list[nodes.Node]:
        for path in sorted(bank_path(name) for name in bank_names()):
            self.env.note_dependency(str(path))
        output: list[nodes.Node] = []
        for bank in load_all_banks():
            section = nodes.section(ids=[f"answers-{bank.name}"])
            section += nodes.title("", bank.title)
            items = nodes.enumerated_list()
            for q in bank.questions:
                item = nodes.list_item()
                prompt = nodes.paragraph("", q.prompt + " ")
                prompt += nodes.emphasis("", f"(Level: {q.level}.)")
                item += prompt
                answer = nodes.paragraph()
                answer += nodes.strong("", "Answer: " if len(q.correct_indices) == 1 or q.type == "multiple"
                                       else "Accepted answers: ")
                answer += nodes.Text("; ".join(q.options[i].text for i in q.correct_indices) + ". " + q.explanation + " ")
                answer += nodes.emphasis("", f"Source: {q.source}.")
                item += answer
                items += item
            section += items
            output.append(section)
        return output


class GlossaryDirective(SphinxDirective):
    """``{glossary-from-data}``: the terms of ``data/glossary.yml`` as a definition list, with
    Chinese and Russian forms (marked where unconfirmed) and a source for each. ``:only:`` takes
    a ``;``-separated list of terms (the handout's key terms); ``:print:`` leaves out the
    Chinese and Russian forms and the source links, which mean nothing on paper."""

    option_spec = {"only": directives.unchanged, "print": directives.flag}

    def run(self) -> list[nodes.Node]:
        from scobook.glossary import load_glossary

        path = data_path("glossary.yml")
        self.env.note_dependency(str(path))
        entries = load_glossary(path)
        if "only" in self.options:
            wanted = [t.strip() for t in self.options["only"].split(";") if t.strip()]
            known = {e["term"]: e for e in entries}
            missing = [t for t in wanted if t not in known]
            if missing:
                raise self.error(f"not in data/glossary.yml: {', '.join(missing)}")
            entries = [known[t] for t in wanted]
        dl = nodes.definition_list(classes=["sco-glossary"])
        for entry in entries:
            item = nodes.definition_list_item(ids=[nodes.make_id(f"term-{entry['term']}")])
            item += nodes.term("", entry["term"])
            body = nodes.definition()
            body += nodes.paragraph("", entry["definition"])
            if "print" in self.options:
                item += body
                dl += item
                continue
            forms = nodes.paragraph(classes=["sco-glossary-forms"])
            unconfirmed = set(entry.get("unconfirmed") or [])
            for key, language, lang in (("zh", "Chinese", "zh"), ("ru", "Russian", "ru")):
                if entry.get(key):
                    forms += nodes.Text(f"{language}: ")
                    forms += nodes.raw("", f'<span lang="{lang}">{html.escape(entry[key])}</span>', format="html")
                    forms += nodes.Text(" (unconfirmed)  " if key in unconfirmed else "  ")
            source = nodes.reference("", "source", refuri=entry["source"])
            forms += source
            body += forms
            item += body
            dl += item
        return [dl]


class DiscussionDirective(SphinxDirective):
    """``{discussion-questions}``: the questions of ``data/discussion.yml``; with ``:notes:``,
    each with the teacher's notes (the guide), without them for students (the handout)."""

    option_spec = {"notes": directives.flag, "chapter": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        from scobook.glossary import load_discussion

        path = data_path("discussion.yml")
        self.env.note_dependency(str(path))
        items = nodes.enumerated_list(classes=["sco-discussion"])
        for q in load_discussion(path):
            if "chapter" in self.options and q["chapter"] != self.options["chapter"]:
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
        from scobook.reading import read_yaml

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
            section += summary
            urls = cited_urls(path)
            if urls:
                listing = nodes.bullet_list(classes=["sco-source-urls"])
                for url in urls:
                    item = nodes.list_item()
                    para = nodes.paragraph()
                    para += nodes.reference("", url, refuri=url)
                    item += para
                    listing += item
                section += listing
            output.append(section)
        return output


def cited_urls(path: Path) -> list[str]:
    """Every distinct http(s) URL in a data file's text, in order of first appearance."""
    if path.suffix not in {".csv", ".yml", ".yaml"}:
        return []
    found = re.findall(r"https?://[^\s,;\"')\]]+", path.read_text(encoding="utf-8"))
    return list(dict.fromkeys(url.rstrip(".") for url in found))


def add_static_files(app, config) -> None:
    config.html_static_path.append(str(STATIC_DIR))


def tidy_page_context(app, pagename, templatename, context, doctree) -> None:
    """Two fixes to the theme's output, made where the HTML is generated:

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
        context["script_files"] = unique

    generate = context.get("generate_toctree_html")
    if generate is not None and not getattr(generate, "labels_toggles", False):

        def generate_with_labels(*args, **kwargs):
            return label_toctree_toggles(generate(*args, **kwargs))

        generate_with_labels.labels_toggles = True
        context["generate_toctree_html"] = generate_with_labels


def label_toctree_toggles(toctree):
    """Name each ``<summary>`` of the navigation (a BeautifulSoup tree) after the page whose
    sections it shows."""
    for summary in toctree.select("details > summary"):
        if not summary.get_text(strip=True) and not summary.get("aria-label"):
            link = summary.find_parent("details").find_previous_sibling("a")
            title = link.get_text(strip=True) if link else "this page"
            summary["aria-label"] = f"Show or hide the sections of {title}"
    return toctree


FONTAWESOME_JS = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')


def drop_fontawesome_js(app, exception) -> None:
    """Remove the theme's 1.5 MB Font Awesome JavaScript from every page.

    pydata-sphinx-theme ships the same icons twice: as web fonts in its CSS (about 250 KB, used
    by every ``<i class="fa-...">``) and as ``fontawesome.js``, which swaps each icon for an SVG.
    The script is 60 % of what a first visit downloads, and the theme offers no option to turn
    it off, so it is removed from the built pages; the icons keep rendering from the web fonts.
    """
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        lighter = FONTAWESOME_JS.sub("", text)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")


def setup(app):
    # Read the data of the book being built (and let the notebooks' kernels, which inherit the
    # environment, do the same), wherever the build was started from.
    os.environ.setdefault(ROOT_VARIABLE, str(Path(app.srcdir).resolve()))
    app.connect("config-inited", add_static_files)
    app.add_js_file("sco-quiz.js", defer="defer")
    # Theme workaround: the visible sidebar toggles do nothing with pydata-sphinx-theme 0.17
    # (pydata-sphinx-theme#2451, sphinx-book-theme#988/#999); see the file's header.
    app.add_js_file("sco-toggle-fix.js", defer="defer")
    app.add_directive("quiz", QuizDirective)
    app.add_directive("quiz-answer-key", AnswerKeyDirective)
    app.add_directive("claim-model", ClaimModelDirective)
    app.add_directive("article-readability", ArticleReadabilityDirective)
    app.add_directive("article-summaries", ArticleSummaries)
    app.add_directive("word-bank", WordBank)
    app.add_directive("role-cards", RoleCards)
    app.add_directive("evidence-pack", EvidencePack)
    app.add_directive("glossary-from-data", GlossaryDirective)
    app.add_directive("discussion-questions", DiscussionDirective)
    app.add_directive("data-sources", DataSourcesDirective)
    app.connect("html-page-context", tidy_page_context, priority=900)
    app.connect("build-finished", drop_fontawesome_js)
    app.add_directive("article-text", ArticleText)
    app.add_directive("article-passage", ArticlePassage)
    app.add_role("para", ParaRole())
    app.setup_extension("scobook.sphinx_charts")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
