"""Pages built from ``data/`` so they cannot drift from it: the glossary, the discussion
questions, the list of sources, the classification model, the handout's evidence pack and the
summit simulation's role cards."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from scobook.paths import data_path
from scobook.sphinx.article import para_ref
from scobook.sphinx.fold import folded


class ClaimModelDirective(SphinxDirective):
    """``{claim-model}``: the book's one way of classifying a sentence (``scobook.claims.DECISION_FLOW``),
    as a numbered decision flow with its cue words, so the chapter, the handout and the worksheet
    cannot drift apart."""

    def run(self) -> list[nodes.Node]:
        from scobook.claims import CUE_EXAMPLES, DECISION_FLOW, KIND_LABELS

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
        note = nodes.paragraph(classes=["claim-model-note"])
        note += nodes.Text("Stop at the first \u201cyes\u201d, and note the word that decided it. Classify "
                           "sentences (or clauses), not paragraphs: a sentence with \u201cwill\u201d is a "
                           "prediction even if it also holds a judgement word. If you read a sentence "
                           "differently from the book, argue from its words and the model: the written task "
                           "rewards an argued reading.")
        return [steps, note]

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
                # folded under one line: the sources page stays short on a phone
                section += folded(f"The {len(urls)} source{'s' if len(urls) != 1 else ''} this file cites "
                                  "(open the list)", listing)
            output.append(section)
        return output

def cited_urls(path: Path) -> list[str]:
    """Every distinct http(s) URL in a data file's text, in order of first appearance."""
    if path.suffix not in {".csv", ".yml", ".yaml"}:
        return []
    found = re.findall(r"https?://[^\s,;\"')\]]+", path.read_text(encoding="utf-8"))
    return list(dict.fromkeys(url.rstrip(".") for url in found))


def setup(app):
    app.add_directive("claim-model", ClaimModelDirective)
    app.add_directive("evidence-pack", EvidencePack)
    app.add_directive("role-cards", RoleCards)
    app.add_directive("glossary-from-data", GlossaryDirective)
    app.add_directive("discussion-questions", DiscussionDirective)
    app.add_directive("data-sources", DataSourcesDirective)
