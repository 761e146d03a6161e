"""Quizzes in the static book and the teacher's answer key: ``{quiz} ch1-article`` renders a bank
as accessible HTML forms driven by ``sco-quiz.js`` (no kernel, no network, a no-JavaScript
fallback); ``{quiz-answer-key}`` lists every bank with levels, answers and sources."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from scobook.chapters import banks_in_book, book_chapters, toc_docnames
from scobook.paths import data_path
from scobook.quiz import Bank, bank_data_files, bank_path, load_bank
from scobook.quiz_progress import MESSAGES
from scobook.sphinx.fold import folded


class QuizDirective(SphinxDirective):
    """``{quiz} ch1-article``: the bank's questions as accessible HTML forms that work in the
    static book without a kernel or network (``sco-quiz.js``): the feedback written for the chosen
    answer, "Try again", the answer and explanation after a second try or on request, an honest
    score of first tries, and a "Show the answer" fallback that needs no JavaScript."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        path = bank_path(self.arguments[0])
        self.env.note_dependency(str(path))
        try:
            for data_file in bank_data_files(path):  # what its computed questions are made from
                self.env.note_dependency(str(data_path(data_file)))
            bank = load_bank(path)
        except ValueError as exc:
            raise self.error(str(exc)) from exc
        return [nodes.raw("", render_quiz_html(bank, source_link), format="html")]


def source_link(source: str) -> str:
    """Turn "¶6; data/claims.csv" into HTML with a placeholder link for each ¶ number;
    :func:`resolve_para_links` points it at the paragraph once every label is known."""
    return re.sub(r"¶(\d+)", lambda m: f'<a class="sco-para" href="{PARA_PLACEHOLDER}{m[1]}">¶{m[1]}</a>',
                  html.escape(source))


#: Stands in the raw HTML for the page that holds paragraph N until the references are resolved.
PARA_PLACEHOLDER = "sco-para-ref:"


def resolve_para_links(app, doctree, docname: str) -> None:
    """Point the quizzes' ¶ links at the page that defines the label ``para-N`` (registered in
    Sphinx's standard domain by ``{article-text}``), as the ``{para}`` role's references are."""
    std = app.env.get_domain("std")

    def target(match: re.Match) -> str:
        label = f"para-{match[1]}"
        if label not in std.labels:
            return f'#{label}'
        uri = app.builder.get_relative_uri(docname, std.labels[label][0])
        return f"{uri}#{label}"

    for node in doctree.findall(nodes.raw):
        if PARA_PLACEHOLDER in node.astext():
            text = re.sub(re.escape(PARA_PLACEHOLDER) + r"(\d+)", target, node.astext())
            node.replace_self(nodes.raw("", text, format="html"))

def render_quiz_html(bank: Bank, link) -> str:
    parts = [
        f'<section class="sco-quiz" data-quiz="{html.escape(bank.name)}" aria-label="Quiz: {html.escape(bank.title)}" '
        f'data-messages="{html.escape(json.dumps(MESSAGES))}">',
        # not a live region: each question's status region announces the score once, where the student is
        f'<p class="sco-quiz-score">{len(bank.questions)} questions.</p>',
        '<noscript><p>This quiz needs JavaScript to check answers; without it, open "Show the answer" '
        "under each question.</p></noscript>",
    ]
    for number, q in enumerate(bank.questions, start=1):
        kind = "checkbox" if q.type == "multiple" else "radio"
        hint = " (choose all that apply)" if q.type == "multiple" else ""
        qid = html.escape(q.id)
        answer_text = "; ".join(q.options[i].text for i in q.correct_indices)
        parts.append(f'<form class="sco-quiz-q" id="quiz-{qid}" data-type="{q.type}" '
                     f'data-correct="{",".join(map(str, q.correct_indices))}" data-answer="{html.escape(answer_text)}">')
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

class AnswerKeyDirective(SphinxDirective):
    """``{quiz-answer-key}``: the questions of every quiz the book shows (its pages and notebooks
    in ``_toc.yml``, in reading order) with the answer, explanation and source. A bank that no
    page of the book shows is not in the key (``scobook.chapters.unused`` reports it)."""

    def run(self) -> list[nodes.Node]:
        root = Path(self.env.srcdir)
        self.env.note_dependency(str(root / "_toc.yml"))
        for doc in toc_docnames(root):  # a page or notebook that starts or stops showing a quiz
            for suffix in (".md", ".ipynb"):
                if (root / f"{doc}{suffix}").is_file():
                    self.env.note_dependency(str(root / f"{doc}{suffix}"))
        names = banks_in_book(root)
        chapter_showing = {}  # a chapter's own quiz is headed with the chapter's number
        for chapter in book_chapters(root):
            for name in chapter.banks:
                chapter_showing.setdefault(name, []).append(chapter.number)
        for name in names:
            self.env.note_dependency(str(bank_path(name)))
        try:
            banks = [load_bank(name) for name in names]
        except ValueError as exc:
            raise self.error(str(exc)) from exc
        output: list[nodes.Node] = []
        for bank in banks:
            section = nodes.section(ids=[f"answers-{bank.name}"])
            shown_by = chapter_showing.get(bank.name, [])
            section += nodes.title("", f"Chapter {shown_by[0]}: {bank.title}" if len(shown_by) == 1 else bank.title)
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
            # Each chapter's answers fold under one line, so the key is a short page on a phone.
            section += folded(f"The answers to the {len(bank.questions)} questions of this quiz (open to read them)", items)
            output.append(section)
        return output


def setup(app):
    app.add_js_file("sco-quiz.js", defer="defer")
    app.add_js_file("sco-print.js", defer="defer")  # folded blocks open when a page is printed
    app.connect("doctree-resolved", resolve_para_links)
    app.add_directive("quiz", QuizDirective)
    app.add_directive("quiz-answer-key", AnswerKeyDirective)
