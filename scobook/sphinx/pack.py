"""The paper lesson pack, built from ``data/lesson.yml`` and the files it draws on (claims,
perspectives, discussion questions, the membership data): the timed plans, the worksheet and its
answers, the paper check, the annotated article, the framing cards, the claims evidence table, the
exit slips, the lateral-reading excerpts, the written task with its rubric and example answers, the
chair's script and the class norms. Each directive makes docutils nodes, so the same content shows
in the online book and prints on A4 (``tools/print_pack.py``; the print rules are in
``static/sco-print.css``, for the pages holding a ``sco-pack`` block).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from scobook.article import load_article
from scobook.catalog import as_of
from scobook.claims import DECISION_FLOW, KIND_LABELS, STEPS, load_claims
from scobook.glossary import words_in
from scobook.lesson import EXAMPLE_MARK, LEVELS, load_lesson, modelling_script
from scobook.membership import ARTICLE_DATE, STATUS_LABELS, changes_between, load_membership
from scobook.outlets import label as outlet_label
from scobook.paths import data_path
from scobook.simulation import role_cards, share_percent
from scobook.sphinx.article import para_ref

#: The class of every block the pack prints; the print stylesheet lays out a page that holds one.
PACK = "sco-pack"
#: Where the pack's pages live (one page per document of ``data/lesson.yml``).
PACK_DIR = "chapters/pack"


def _table(headers: list[str], rows: list[list], classes: list[str], widths: list[int] | None = None,
           caption: str | None = None) -> nodes.Element:
    """A docutils table; a cell is text or a node (or a list of nodes). A caption is a bold line
    above the table, not a table title, which the book would number ("Table 6") like a figure."""
    # "colwidths-given" makes Sphinx write the widths as <col style="width: N%">
    table = nodes.table(classes=[*classes, "colwidths-given"] if widths else classes)
    if caption:
        box = nodes.container(classes=["sco-captioned"])
        box += _para(nodes.strong("", caption), classes=["sco-caption"])
        box += _table(headers, rows, classes, widths)
        return box
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths or [1] * len(headers):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for text in headers:
        row += nodes.entry("", nodes.paragraph("", text))
    head += row
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            if isinstance(cell, nodes.Node):
                entry += cell if not isinstance(cell, nodes.Text) else nodes.paragraph("", "", cell)
            elif isinstance(cell, list):
                entry.extend(cell)
            else:
                entry += nodes.paragraph("", str(cell))
            row += entry
        body += row
    group += body
    return table


def _para(*parts, classes: list[str] | None = None) -> nodes.paragraph:
    para = nodes.paragraph(classes=classes or [])
    for part in parts:
        para += nodes.Text(part) if isinstance(part, str) else part
    return para


def _quote(row) -> nodes.paragraph:
    """“sentence” (¶N), the ¶ linked to the article."""
    return _para(f"\u201c{row['sentence']}\u201d ", para_ref(int(row["paragraph"])))


def _blank() -> nodes.inline:
    """Room to write in a table cell or after a prompt: one ruled line on paper."""
    return nodes.inline("", "", classes=["sco-blank"])


def write_lines(count: int) -> nodes.container:
    """Room to write under a prompt: ``count`` ruled lines on paper."""
    box = nodes.container(classes=["sco-lines"])
    for _ in range(count):
        box += nodes.paragraph("", "", classes=["sco-line"])
    return box


class _PackDirective(SphinxDirective):
    def lesson(self) -> dict:

        for name in ("lesson.yml", "claims.csv", "perspectives.yml", "discussion.yml", "outlets.yml", "article.yml"):
            self.env.note_dependency(str(data_path(name)))
        app = self.env.app  # one build reads the pack's data once, not once a directive
        if getattr(app, "_scobook_lesson", None) is None:
            try:
                app._scobook_lesson = load_lesson()
            except ValueError as exc:
                raise self.error(str(exc)) from exc
        return app._scobook_lesson

    def block(self, *children: nodes.Node, kind: str) -> list[nodes.Node]:
        box = nodes.container(classes=[PACK, f"sco-pack-{kind}"])
        box.extend(children)
        return [box]


class LessonPlan(_PackDirective):
    """``{lesson-plan} lesson-1``: what to prepare, and the timed plan as a table (start-end
    minutes computed from the steps). ``:script:`` adds what the teacher says."""

    required_arguments = 1
    option_spec = {"script": directives.flag}

    def run(self) -> list[nodes.Node]:

        lesson_data = self.lesson()
        lessons = {lesson["id"]: lesson for lesson in lesson_data["lessons"]}
        if self.arguments[0] not in lessons:
            raise self.error(f"no lesson {self.arguments[0]!r} in data/lesson.yml; the lessons are: {', '.join(lessons)}")
        lesson = lessons[self.arguments[0]]
        script = "script" in self.options
        network = ("On paper: no screen or network needed." if lesson["network"] == "none"
                   else "Screens if they work; every step has a paper version.")
        before = _para(nodes.strong("", "Before the lesson. "), " ".join(lesson["before"].split()) + " ",
                       nodes.emphasis("", network))
        rows, start = [], 0
        for step in lesson["steps"]:
            end = start + step["minutes"]
            say = (step["say"].replace("{modelled}", modelling_script(lesson_data["modelled_row"]))
                   .replace("{framing}", " ".join(f"Card {chr(65 + n)} ({p['outlet']}): {' '.join(p['contrast'].split())}"
                                                  for n, p in enumerate(lesson_data["framing"][:2]))))
            what = [_para(nodes.strong("", step["activity"]))]
            if step["where"]:
                what.append(_para(step["where"], classes=["sco-where"]))
            cells = [f"{start}-{end}", what, step["students"]]
            if script:
                cells.append(" ".join(say.split()))
            rows.append(cells)
            start = end
        headers = ["Min", "Step, and where", "Students"] + (["You say or do"] if script else [])
        widths = [5, 16, 29] + ([50] if script else [])
        table = _table(headers, rows, ["sco-table", "sco-plan"], widths,
                       caption=f"{lesson['title']} ({lesson['minutes']} minutes"
                               + (f": {start} planned, {lesson['spare']} in hand)" if lesson["spare"] else ")"))
        return self.block(before, table, kind="plan")


class Worksheet(_PackDirective):
    """``{worksheet}``: the students' one-page grid: a box for the prediction, the example row
    filled in, and the six sentences with room for the kind, the step and the deciding word."""

    def run(self) -> list[nodes.Node]:

        lesson = self.lesson()
        predict = nodes.container()
        predict += _para(nodes.strong("", "1. Predict. "),
                         "Xing Guangcheng directs an institute of China's state academy of social sciences. He wrote "
                         "this opinion article in China Daily, a newspaper owned by the Chinese state, on 6 June 2018, "
                         "three days before the SCO summit China hosted. What do you expect him to say about the SCO?")
        predict += write_lines(3)
        model = _para(nodes.strong("", "The model: stop at the first yes. "),
                      " ".join(f"{s.number}. {s.question} \u2192 {KIND_LABELS[s.kind][0]}." for s in DECISION_FLOW))
        example = lesson["modelled_row"]
        rows = [[EXAMPLE_MARK, _quote(example), KIND_LABELS[example["type"]].split(":")[0],
                 str(STEPS[example["type"]].number), f"\u201c{example['deciding_word']}\u201d"]]
        for n, row in enumerate(lesson["worksheet_rows"], start=1):
            rows.append([str(n), _quote(row), _blank(), _blank(), _blank()])
        grid = _table(["No.", "Sentence", "Kind (F, O, P, R)", "Step that said yes", "Deciding word(s)"], rows,
                      ["sco-table", "sco-grid"], [5, 45, 11, 9, 30],
                      caption="2. Classify the six numbered sentences (the example is done for you)")
        return self.block(predict, model, grid, kind="worksheet")


class AnswerGrid(_PackDirective):
    """``{answer-grid} worksheet`` or ``{answer-grid} check``: the teacher's answers (kind, step,
    deciding word and what else to accept, from the claims table) to the worksheet's sentences
    (lesson 1) or to the paper check (lesson 2's do-now)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:

        lesson = self.lesson()
        part = self.arguments[0]
        if part not in ("worksheet", "check"):
            raise self.error(f"{part!r}: expected 'worksheet' or 'check'")
        also = {**lesson["worksheet"].get("also_accept", {}), **(lesson["check"].get("also_accept") or {})}
        labelled = (((str(n), r) for n, r in enumerate(lesson["worksheet_rows"], 1)) if part == "worksheet"
                    else ((chr(64 + n), r) for n, r in enumerate(lesson["check_rows"], 1)))
        rows = []
        for label, row in labelled:
            rows.append([label, _para(f"¶{row['paragraph']} \u201c{_shorten(row['sentence'], chars=38)}\u201d"),
                         KIND_LABELS[row["type"]].split(":")[0], str(STEPS[row["type"]].number),
                         f"\u201c{row['deciding_word']}\u201d",
                         ", ".join(f"\u201c{w}\u201d" for w in also.get(row["id"], [])) or "-"])
        caption = (f"Answers to the worksheet (1-{len(rows)})" if part == "worksheet"
                   else f"Answers to the check (A-{chr(64 + len(rows))})")
        return self.block(_table(["No.", "Sentence", "Kind", "Step", "Deciding word", "Also accept"], rows,
                                 ["sco-table", "sco-answers"], [5, 45, 6, 6, 21, 17], caption=caption), kind="answers")


def _shorten(sentence: str, words: int = 9, chars: int | None = None) -> str:
    """The first ``words`` words of a sentence (or as many whole words as fit in ``chars``), "…" if cut."""
    parts = sentence.split()
    if chars is not None:
        kept = []
        for part in parts:
            if len(" ".join([*kept, part])) > chars:
                break
            kept.append(part)
        words = len(kept)
    return sentence if len(parts) <= words else " ".join(parts[:words]) + " \u2026"


class PaperCheck(_PackDirective):
    """``{paper-check}``: four sentences not on the worksheet, one of each kind, to classify alone."""

    def run(self) -> list[nodes.Node]:
        lesson = self.lesson()
        rows = [[chr(64 + n), _quote(row), _blank(), _blank()] for n, row in enumerate(lesson["check_rows"], start=1)]
        intro = _para("On your own: classify each sentence with the model and write the word that decided it.")
        return self.block(intro, _table(["No.", "Sentence", "Kind (F, O, P, R)", "Deciding word(s)"], rows,
                                        ["sco-table", "sco-grid"], [5, 60, 13, 22]), kind="check")


class AnnotatedArticle(_PackDirective):
    """``{annotated-article}``: the whole article, one row per paragraph, with the book's plain
    summary and the word bank's glosses beside it and room to annotate; the worksheet's sentences
    are underlined and numbered, the modelled one marked "E"."""

    def run(self) -> list[nodes.Node]:

        lesson = self.lesson()
        article = load_article()
        marks = {row["sentence"]: str(n) for n, row in enumerate(lesson["worksheet_rows"], start=1)}
        marks[lesson["modelled_row"]["sentence"]] = EXAMPLE_MARK
        glosses: dict[int, list] = {}
        for word in article.word_bank:
            glosses.setdefault(word["paragraph"], []).append(word)
        rows = []
        for n in article.paragraphs["n"]:
            n = int(n)
            text = nodes.paragraph(classes=["article-para"])
            text += para_ref(n)
            text += nodes.Text(" ")
            _marked_text(text, article.paragraph(n), marks)
            side = [_para(nodes.emphasis("", article.summaries[n]))]
            for word in glosses.get(n, []):
                side.append(_para(nodes.strong("", word["term"]), f": {word['meaning']}", classes=["sco-gloss"]))
            rows.append([text, side])
        note = _para(f"{article.citation()}. The summaries beside each paragraph are ours, not the author's: "
                     "quote the article, not them. ",
                     nodes.strong("", "Underlined and numbered: "), "the six sentences of the worksheet; ",
                     nodes.strong("", f"[{EXAMPLE_MARK}]"), ": the example your teacher works through.")
        if None in glosses:
            note += nodes.Text(" " + "; ".join(f"\u201c{w['term']}\u201d (the title): {w['meaning']}" for w in glosses[None]) + ".")
        table = _table(["The article", "In plain English (ours), and hard words"], rows,
                       ["sco-table", "sco-annotated-article"], [64, 36])
        return self.block(note, table, kind="article")


def _marked_text(para: nodes.paragraph, text: str, marks: dict[str, str]) -> None:
    """``text`` into ``para`` with each sentence of ``marks`` underlined and numbered."""
    spans = sorted((text.index(s), s) for s in marks if s in text)
    at = 0
    for start, sentence in spans:
        if start < at:
            continue
        para += nodes.Text(text[at:start])
        para += nodes.strong("", f"[{marks[sentence]}]", classes=["sco-mark-number"])
        para += nodes.inline("", sentence, classes=["sco-marked"])
        at = start + len(sentence)
    para += nodes.Text(text[at:])


class FramingCards(_PackDirective):
    """``{framing-cards}``: the pack's framing cards (outlet, who publishes it, date, headline and
    what it said); with ``:teacher:``, also how each differs from the article (the answer)."""

    option_spec = {"teacher": directives.flag, "count": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        lesson = self.lesson()
        cards = []
        teacher = "teacher" in self.options
        for n, p in enumerate(lesson["framing"][: self.options.get("count")], start=1):
            card = nodes.container(classes=["sco-framing-card"])
            heading = _para(nodes.strong("", f"Card {chr(64 + n)}. {p['outlet']}"))
            if teacher:  # the teacher has the handout; the run sheet gives what each card shows
                heading += nodes.Text(f": {' '.join(p['contrast'].split())}")
                card += heading
            else:
                title = re.sub(r"\s*\([^()]*\d{4}\)\s*$", "", p["title"])  # the date is given once, below
                heading += nodes.Text(f" \u2014 {' '.join(p['outlet_type'].split())}. {_day(p['date'])}: \u201c{title}\u201d")
                card += heading
                card += _para(" ".join(p["summary"].split()))
            cards.append(card)
        if not teacher:
            words = words_line(" ".join(p["summary"] + " " + p["title"] for p in lesson["framing"][: self.options.get("count")]))
            if words is not None:
                cards.append(words)
        intro = (_para(nodes.strong("", "What the framing cards show, compared with the article:")) if teacher else
                 _para("What each outlet reported after the summit, in our words. Who publishes it, what does it "
                       "put first, and what does it stress that the article, written three days before the summit, does not?"))
        return self.block(intro, *cards, kind="framing")


def words_line(text: str) -> nodes.paragraph | None:
    """"Words: allusion: a remark that points to something ...; ..." for the glossary's words for
    reading that ``text`` uses (cards printed for students, who have no links on paper)."""
    words = word_definitions(text)
    if not words:
        return None
    para = _para(nodes.strong("", "Words on these cards. "), classes=["sco-card-words"])
    for n, (term, definition) in enumerate(words):
        para += nodes.emphasis("", term)
        para += nodes.Text(f": {definition}" + ("; " if n < len(words) - 1 else "."))
    return para


def word_definitions(text: str) -> list[tuple[str, str]]:
    """(term, definition) for the glossary's words for reading that ``text`` uses, each definition
    in lower case without its full stop, to run on in a line ("allusion: a remark that ...")."""

    return [(e["term"], e["definition"][0].lower() + e["definition"][1:].rstrip(".")) for e in words_in(text)]


def _day(value) -> str:
    text = str(value)
    try:
        return f"{dt.date.fromisoformat(text):%-d %B %Y}"
    except ValueError:
        return f"{dt.date.fromisoformat(text + '-01'):%B %Y}" if len(text) == 7 else text


class ClaimsEvidence(_PackDirective):
    """``{claims-evidence}``: the evidence for the sentences ``data/lesson.yml`` chooses for the
    written task (none a student sheet asks about), each source named with who publishes it."""

    def run(self) -> list[nodes.Node]:

        lesson = self.lesson()
        rows = []
        for row in lesson["evidence_rows"]:
            sources = "; ".join(dict.fromkeys(outlet_label(u) for u in row["evidence_source"].split(";") if u.strip()))
            rows.append([_para(f"{row['id']}, ", para_ref(int(row["paragraph"])), f" \u201c{_shorten(row['sentence'], chars=60)}\u201d"),
                         row["evidence"], sources])

        caption = (f"The claims table: evidence for sentences you may choose for the written task "
                   f"(checked up to {_day(as_of('claims.csv'))})")
        return self.block(_table(["Sentence", "What the evidence says", "Sources (who publishes them)"], rows,
                                 ["sco-table", "sco-evidence"], [19, 47, 34], caption=caption), kind="evidence")


class ExitSlips(_PackDirective):
    """``{exit-slips}``: the exit slip, repeated to be cut apart."""

    def run(self) -> list[nodes.Node]:
        lesson = self.lesson()
        slips = []
        for _ in range(lesson["exit_slips_per_page"]):
            slip = nodes.container(classes=["sco-slip"])
            slip += _para(nodes.strong("", "Exit slip"), " \u2014 name: ", _blank())
            for n, prompt in enumerate(lesson["exit_slip"], start=1):
                slip += _para(f"{n}. {prompt}")
                slip += write_lines(3 if n == 2 else 2)
            slips.append(slip)
        return self.block(*slips, kind="slips")


class LateralReading(_PackDirective):
    """``{lateral-reading}``: the paper fallback of the lateral-reading homework: what others say
    about the author and the outlet, each with who says it and who publishes it."""

    def run(self) -> list[nodes.Node]:
        lesson = self.lesson()
        rows = [[[_para(nodes.strong("", item["who"])), _para(item["publisher"], classes=["sco-where"])],
                 f"\u201c{item['text']}\u201d"] for item in lesson["lateral_reading"]]
        return self.block(_table(["Who says it, published by whom and when", "What they say"], rows,
                                 ["sco-table", "sco-lateral"], [36, 64]), kind="lateral")


class SinceTheArticle(_PackDirective):
    """``{since-the-article}``: every state whose SCO status changed between the article and the
    data's "checked up to" date, as a compact table (from ``data/sco_membership.csv``)."""

    def run(self) -> list[nodes.Node]:

        self.env.note_dependency(str(data_path("sco_membership.csv")))
        checked = as_of("sco_membership.csv")
        labels = {**STATUS_LABELS, "none": "no status"}
        groups: dict[tuple[str, str], list[str]] = {}
        for row in changes_between(load_membership(), ARTICLE_DATE, checked).itertuples():
            groups.setdefault((row.before, row.after), []).append(row.country)
        rows = [[labels.get(before, before), labels.get(after, after), ", ".join(sorted(states))]
                for (before, after), states in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))]
        return self.block(_table(["June 2018", _day(checked), "States"], rows, ["sco-table", "sco-since"], [18, 22, 60],
                                 caption=f"Whose SCO status changed between the article and {_day(checked)}"),
                          kind="since")


class TaskSheet(_PackDirective):
    """``{task-sheet}``: the written task for students: the task, its steps, what counts as
    evidence and how to cite it, sentence frames, the stretch, and the rubric in students' words."""

    def run(self) -> list[nodes.Node]:
        task = self.lesson()["task"]
        low, high = task["words"]
        parts: list[nodes.Node] = [
            _para(nodes.strong("", f"The task ({low}-{high} words). "), " ".join(task["prompt"].split())),
            _list("Steps", task["steps"], ordered=True),
            _para(nodes.strong("", "What counts as evidence. "), " ".join(task["evidence"].split())),
            _list("How to cite it", task["citing"]),
            _list("Sentence frames, if you want them", task["frames"]),
            _para(nodes.strong("", "Stretch. "), task["stretch"]),
            _rubric(task, "student", caption="How it is marked: what each level looks like (4 is the highest)"),
        ]
        return self.block(*parts, kind="task")


def _list(title: str, items: list[str], ordered: bool = False) -> nodes.container:
    box = nodes.container()
    box += _para(nodes.strong("", title + "."))
    listing = nodes.enumerated_list() if ordered else nodes.bullet_list()
    for item in items:
        listing += nodes.list_item("", nodes.paragraph("", " ".join(item.split())))
    box += listing
    return box


def _rubric(task: dict, voice: str, caption: str) -> nodes.table:

    rows = [[nodes.strong("", row["criterion"]), *(" ".join(str(row[voice][level]).split()) for level in LEVELS)]
            for row in task["rubric"]]
    return _table(["Criterion", *(str(level) for level in LEVELS)], rows, ["sco-table", "sco-rubric"],
                  [16, 21, 21, 21, 21], caption=caption)


class Rubric(_PackDirective):
    """``{task-rubric}``: the written task and its rubric in the teacher's words (the guide)."""

    def run(self) -> list[nodes.Node]:
        task = self.lesson()["task"]
        low, high = task["words"]
        prompt = _para(nodes.strong("", f"Task ({low}-{high} words): "), nodes.emphasis("", " ".join(task["prompt"].split())))
        return self.block(prompt, _rubric(task, "teacher", caption="Rubric (each row scores 1-4; 16 in all)"), kind="rubric")


class ExampleAnswers(_PackDirective):
    """``{example-answers}``: the example answers at each level, with a score and a reason for
    every row of the rubric and the total (teacher's guide)."""

    def run(self) -> list[nodes.Node]:

        task = self.lesson()["task"]
        claims = load_claims().set_index("id")
        out: list[nodes.Node] = []
        for example in task["examples"]:
            row = claims.loc[example["claim"]]
            total = sum(score for score, _ in example["scores"].values())
            section = nodes.container(classes=["sco-example-answer"])
            section += _para(nodes.strong("", f"Example at level {example['level']} ({total} of {4 * len(example['scores'])}), "
                                              f"{len(example['text'].split())} words, on "),
                             para_ref(int(row["paragraph"])), nodes.strong("", f" \u201c{row['sentence']}\u201d"))
            quote = nodes.block_quote()
            for paragraph in example["text"].split("\n\n"):
                quote += nodes.paragraph("", " ".join(paragraph.split()))
            section += quote
            section += _table(["Criterion", "Score", "Why"],
                              [[name, str(score), why] for name, (score, why) in example["scores"].items()],
                              ["sco-table", "sco-scores"], [20, 8, 72])
            out.append(section)
        return self.block(*out, kind="examples")


class ReflectionExample(_PackDirective):
    """``{reflection}``: the simulation's written reflection, and with ``:example:`` the example
    reflection with its scores (teacher's guide)."""

    option_spec = {"example": directives.flag}

    def run(self) -> list[nodes.Node]:

        reflection = self.lesson()["reflection"]
        out: list[nodes.Node] = [_para(nodes.strong("", "Written reflection (homework). "),
                                       nodes.emphasis("", " ".join(reflection["prompt"].split())),
                                       f" Marked with the rubric's {' and '.join(reflection['criteria'])} rows.")]
        if "example" in self.options:
            example = reflection["example"]
            country = next(c["country"] for c in role_cards() if c["iso3"] == example["state"])
            total = sum(score for score, _ in example["scores"].values())
            out.append(_para(nodes.strong("", f"Example reflection, as {country} ({total} of {4 * len(example['scores'])}, "
                                              f"{len(example['text'].split())} words)")))
            quote = nodes.block_quote()
            for paragraph in example["text"].split("\n\n"):
                quote += nodes.paragraph("", " ".join(paragraph.split()))
            out.append(quote)
            out.append(_table(["Criterion", "Score", "Why"], [[n, str(s), w] for n, (s, w) in example["scores"].items()],
                              ["sco-table", "sco-scores"], [20, 8, 72]))
        return self.block(*out, kind="reflection")


#: The lists of ``data/lesson.yml`` that ``{pack-list}`` prints.
LISTS = ("chair_script", "class_norms", "debrief")


class TextList(_PackDirective):
    """``{pack-list} chair_script`` (or ``class_norms``, ``debrief``): a list of ``data/lesson.yml``.
    ``:columns:`` sets it in two columns on paper (a run sheet's norms, to keep it to one page)."""

    required_arguments = 1
    option_spec = {"columns": directives.flag}

    def run(self) -> list[nodes.Node]:
        field = self.arguments[0]
        if field not in LISTS:
            raise self.error(f"{{pack-list}} takes one of {', '.join(LISTS)}")
        listing = nodes.enumerated_list() if field in ("chair_script", "debrief") else nodes.bullet_list()
        if "columns" in self.options:
            listing["classes"].append("sco-two-columns")
        for item in self.lesson()[field]:
            listing += nodes.list_item("", nodes.paragraph("", " ".join(item.split())))
        return self.block(listing, kind=field.replace("_", "-"))


class WriteLines(SphinxDirective):
    """``{write-lines} 3``: room to write, as ruled lines on paper."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        if not self.arguments[0].isdigit() or not 1 <= int(self.arguments[0]) <= 12:
            raise self.error("{write-lines} takes a number of lines from 1 to 12")
        box = nodes.container(classes=[PACK, "sco-lines"])
        for _ in range(int(self.arguments[0])):
            box += nodes.paragraph("", "", classes=["sco-line"])
        return [box]


class PackDocuments(_PackDirective):
    """``{pack-documents}``: what the pack prints, for whom, how many copies for a class, and on
    how many A4 pages (the count tests/test_pack.py measures), each linked to its page and PDF."""

    def run(self) -> list[nodes.Node]:
        lesson = self.lesson()
        titles = {lesson_["id"]: lesson_["title"].split(":")[0] for lesson_ in lesson["lessons"]}
        rows = []
        here = posixpath.dirname(self.env.docname)
        for document in lesson["documents"]:
            link = nodes.paragraph()
            ref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget=posixpath.normpath(f"/{PACK_DIR}/{document['page']}"),
                                        refexplicit=True, refwarn=True)
            ref += nodes.inline("", document["title"])
            link += ref
            pdf_path = posixpath.relpath(f"{PACK_DIR}/{pdf_name(document['page'])}", here or ".")
            pdf = nodes.reference("", f"{document['title']} (PDF)", refuri=pdf_path)
            rows.append([titles[document["lesson"]], link, document["for"], document["copies"],
                         str(document["pages"]), nodes.paragraph("", "", pdf)])
        total = sum(d["pages"] for d in lesson["documents"])
        return self.block(_table(["Lesson", "Document", "For", "Copies", "A4 pages", "PDF"], rows,
                                 ["sco-table", "sco-documents"], [10, 30, 10, 22, 8, 20],
                                 caption=f"The pack: {len(rows)} documents, {total} A4 pages in all"), kind="documents")


class ListenFor(_PackDirective):
    """``{listen-for} lesson-2``: what the teacher listens for in each box of a lesson's sheet
    (``listen_for`` in ``data/lesson.yml``): the points a good answer makes, for the run sheet."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        lesson = self.lesson()
        boxes = lesson.get("listen_for", {}).get(self.arguments[0])
        if not boxes:
            raise self.error(f"no listen_for.{self.arguments[0]} in data/lesson.yml")
        rows = [[_para(nodes.strong("", box["box"])), " ".join(box["points"].split())] for box in boxes]
        return self.block(_table(["Box", "What a good answer says"], rows, ["sco-table", "sco-listen"], [18, 82],
                                 caption="Answers: what to listen for"), kind="answers")


class RoleFigures(_PackDirective):
    """``{role-figures}``: every member's GDP and its share of the members' GDP in one table (the
    figures each role card shows for its own state), for lesson 3's debrief."""

    def run(self) -> list[nodes.Node]:

        for name in ("roles.yml", "indicators.csv", "sco_membership.csv"):
            self.env.note_dependency(str(data_path(name)))
        cards = sorted(role_cards(), key=lambda c: -(c["gdp"] or 0))
        years = cards[0]["years"]
        rows = []
        for card in cards:
            gdp = "no data" if card["gdp"] is None else f"{card['gdp'] / 1e9:,.0f}"
            rows.append([card["country"], gdp, share_percent(card["gdp_share"])])
        return self.block(_table(["Member", f"GDP, US$ bn ({years['gdp_current_usd']})", "Share of members' GDP, %"],
                                 rows, ["sco-table", "sco-figures"], [34, 33, 33],
                                 caption="The members' GDP, largest first"),
                          kind="figures")


class StateSlips(_PackDirective):
    """``{state-slips}``: the members' names in large type, to cut out: one set for the bag the
    groups draw from at the end of lesson 2, one to label the tables in lesson 3."""

    def run(self) -> list[nodes.Node]:

        listing = nodes.bullet_list(classes=["sco-state-slips"])  # a list, not a layout table
        for card in role_cards():
            listing += nodes.list_item("", nodes.paragraph("", card["country"]))
        return self.block(listing, kind="state-slips")


def pdf_name(page: str) -> str:
    """The PDF of a pack document, beside the pack's pages (``make print`` writes it): named after
    its page, also for a page of the book outside the pack (``../teachers-guide``)."""
    return f"{posixpath.basename(page)}.pdf"


def setup(app):
    app.add_css_file("sco-print.css", media="print")
    for name, directive in {
        "lesson-plan": LessonPlan, "worksheet": Worksheet, "answer-grid": AnswerGrid, "paper-check": PaperCheck,
        "annotated-article": AnnotatedArticle, "framing-cards": FramingCards, "claims-evidence": ClaimsEvidence,
        "exit-slips": ExitSlips, "lateral-reading": LateralReading, "since-the-article": SinceTheArticle,
        "task-sheet": TaskSheet, "task-rubric": Rubric, "reflection": ReflectionExample, "example-answers": ExampleAnswers, "pack-list": TextList,
        "pack-documents": PackDocuments, "write-lines": WriteLines, "listen-for": ListenFor,
        "role-figures": RoleFigures, "state-slips": StateSlips,
    }.items():
        app.add_directive(name, directive)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
