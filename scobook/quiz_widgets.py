"""The live quiz: one call in a notebook cell shows a chapter's quiz with ipywidgets.

    from scobook.quiz_widgets import show_quiz
    show_quiz("ch1-article")

Works wherever ipywidgets 8 does (JupyterLab 4, Notebook 7, VS Code, Binder). The keyboard:
**Tab** moves from option to option and **Space** or **Enter** chooses one. A single choice is a
column of toggle buttons, not radio buttons: on a focused radio button JupyterLab 4 and Notebook 7
take ArrowDown to move to the next cell, so a student could not change the answer; a toggle button
needs no arrow keys. Multiple choice uses checkboxes (Space toggles them). The chosen option is
marked with "✓" as well as by colour, and the verdict is said in words ("Correct" / "Not quite").
Prompts and feedback are escaped, so text from a bank is shown as text.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from scobook.charts import PALETTE
from scobook.quiz import Bank, Question, load_bank
from scobook.quiz_progress import QuizProgress, message


class QuestionWidget:
    """One question: the choice widget(s), "Check answer", "Try again", "Show the answer" and the
    feedback area. A wrong first try shows the feedback written for the option chosen; the answer
    and the explanation show after a second try, or when the student asks for them."""

    def __init__(self, number: int, question: Question, progress: QuizProgress, on_change):
        self.question = question
        self.progress = progress
        self._on_change = on_change
        hint = " (choose all that apply)" if question.type == "multiple" else " (choose one)"
        self.prompt = widgets.HTML(f"<b>{number}. {html.escape(question.prompt)}{hint}</b>")
        if question.type == "multiple":
            self.boxes = [widgets.Checkbox(value=False, description=o.text, indent=False,
                                           layout=widgets.Layout(width="auto"))
                          for o in question.options]
            self.choice = widgets.VBox(self.boxes)
        else:
            self.boxes = []
            self.choice = widgets.ToggleButtons(options=[(o.text, i) for i, o in enumerate(question.options)],
                                                value=None, layout=widgets.Layout(width="100%"))
        self.check = widgets.Button(description="Check answer", tooltip="Check your answer")
        self.retry = widgets.Button(description="Try again", layout=widgets.Layout(display="none"))
        self.show = widgets.Button(description="Show the answer", layout=widgets.Layout(display="none"))
        self.feedback = widgets.HTML("")
        self.answer = widgets.HTML("")
        self.check.on_click(lambda _: self.check_answer())
        self.retry.on_click(lambda _: self.reset())
        self.show.on_click(lambda _: self.show_answer())
        self.box = widgets.VBox([self.prompt, self.choice, widgets.HBox([self.check, self.retry, self.show]),
                                 self.feedback, self.answer],
                                layout=widgets.Layout(border_bottom="1px solid #ccc", padding="6px 0"))

    def chosen(self) -> list[int]:
        if self.boxes:
            return [i for i, box in enumerate(self.boxes) if box.value]
        return [] if self.choice.value is None else [self.choice.value]

    def answer_html(self) -> str:
        answer = "; ".join(self.question.options[i].text for i in self.question.correct_indices)
        return (f"<p>{html.escape(message('answer_is', answer=answer))} {html.escape(self.question.explanation)} "
                f"<i>Source: {html.escape(self.question.source)}</i></p>")

    def check_answer(self) -> bool | None:
        chosen = self.chosen()
        if not chosen:
            self.feedback.value = f"<p>{message('choose_first')}</p>"
            return None
        ok = self.question.is_correct(chosen)
        lines = [f"<p><b>{message('correct' if ok else 'wrong')}</b></p>"]
        lines += [f"<p>{html.escape(self.question.options[i].text)}: {html.escape(self.question.options[i].feedback)}</p>"
                  for i in chosen]
        missed = set(self.question.correct_indices) - set(chosen)
        if not ok and self.question.type == "multiple" and missed:
            lines.append(f"<p>{message('left_out_one' if len(missed) == 1 else 'left_out_many', missed=len(missed))}</p>")
        if self.progress.attempt(self.question.id, ok):
            self.answer.value = self.answer_html()
            self.show.layout.display = "none"
        else:
            lines.append(f"<p>{html.escape(message('try_again'))}</p>")
            self.show.layout.display = None
        self.feedback.value = "".join(lines)
        self.retry.layout.display = None if not ok else "none"
        self._on_change()
        return ok

    def show_answer(self) -> None:
        self.progress.reveal(self.question.id)
        self.answer.value = self.answer_html()
        self.show.layout.display = "none"
        self._on_change()

    def reset(self) -> None:
        """Clear the choice for another try; the first try still counts."""
        if self.boxes:
            for box in self.boxes:
                box.value = False
        else:
            self.choice.value = None
        self.feedback.value = ""
        self.retry.layout.display = "none"


#: Lays the toggle buttons out as a column of full-width rows whose text wraps (ipywidgets cuts
#: button text to one line), and marks the chosen one with a tick, not by colour alone.
QUIZ_CSS = """<style>
.sco-live-quiz .widget-toggle-buttons > div { display: flex; flex-direction: column; align-items: stretch; width: 100%; }
.sco-live-quiz .widget-toggle-buttons .widget-toggle-button {
  width: auto; height: auto; min-height: 2.2em; white-space: normal; text-align: left;
  overflow: visible; padding: 0.3em 0.7em; margin: 2px 0; }
.sco-live-quiz .widget-toggle-button.mod-active::before { content: "✓ "; font-weight: bold; }
.sco-live-quiz .jupyter-button:focus-visible { outline: 3px solid """ + PALETTE["main"] + """; outline-offset: 1px; }
</style>"""
KEYBOARD_HINT = "<p><small>Keyboard: Tab moves between options, Space or Enter chooses.</small></p>"


class LiveQuiz:
    """A chapter's quiz as widgets, with the honest score of :class:`scobook.quiz_progress.QuizProgress`.
    Display it, or use :func:`show_quiz`."""

    def __init__(self, bank: Bank):
        self.bank = bank
        self.progress = QuizProgress(len(bank.questions))
        self.score = widgets.HTML()
        self.questions = [QuestionWidget(n, q, self.progress, self._update_score)
                          for n, q in enumerate(bank.questions, start=1)]
        self._update_score()
        header = widgets.HTML(f"{QUIZ_CSS}<h3>{html.escape(bank.title)}</h3>{KEYBOARD_HINT}")
        self.widget = widgets.VBox([header, self.score] + [q.box for q in self.questions])
        self.widget.add_class("sco-live-quiz")

    def _update_score(self) -> None:
        self.score.value = f"<p><b>{html.escape(self.progress.text())}</b></p>"

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def show_quiz(name: str) -> LiveQuiz:
    """The quiz of a chapter (a bank name such as ``"ch1-article"``), ready to display."""
    return LiveQuiz(load_bank(name))
