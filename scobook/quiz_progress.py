"""What a quiz says to a student and how it scores, once for all three renderers: the live
ipywidgets quiz (:mod:`scobook.quiz_widgets`), the static book (``sco-quiz.js`` gets the messages
as JSON from :mod:`scobook.sphinx.quizzes`) and the answer key."""

from __future__ import annotations

#: Every sentence a quiz says to a student, once, for all three renderers: the live ipywidgets
#: quiz (:mod:`scobook.quiz_widgets`), the static book (the ``{quiz}`` directive passes them to
#: ``sco-quiz.js`` as JSON) and the answer key. ``{name}`` marks a value filled in by the renderer.
MESSAGES = {
    "choose_first": "Choose an answer first.",
    "correct": "\u2713 Correct.",
    "wrong": "\u2717 Not quite.",
    "left_out_one": "You left out 1 correct option.",
    "left_out_many": "You left out {missed} correct options.",
    "try_again": "Read the feedback and try again: the answer and the explanation show after your second try, "
                 "or open \u201cShow the answer\u201d.",
    "answer_is": "The answer: {answer}.",
    "score": "Right first time: {right} of {total} ({answered} answered).",
    "score_later": "{later} more right after a retry.",
}


def message(key: str, **values) -> str:
    """A quiz message with its values filled in: ``message("score", right=1, total=13, answered=2)``."""
    return MESSAGES[key].format(**values)


class QuizProgress:
    """The honest score of one quiz, shared by every renderer: a question counts as right only if
    its *first* try was right; one answered right after a retry counts apart ("after a retry"); a
    question whose answer was shown before a right try counts as neither. The static
    book's ``sco-quiz.js`` follows the same rules (tests/test_browser_quiz.py)."""

    def __init__(self, total: int):
        self.total = total
        self.first: dict[str, bool] = {}  # question id -> right on its first try
        self.final: dict[str, bool] = {}  # question id -> right on its latest try
        self.tries: dict[str, int] = {}
        self.revealed: set[str] = set()  # answers shown on request, before a right try

    def attempt(self, qid: str, ok: bool) -> bool:
        """Record a try; True when the answer and the explanation may now be shown (a right
        answer, or a second try or later)."""
        self.tries[qid] = self.tries.get(qid, 0) + 1
        self.first.setdefault(qid, ok)
        self.final[qid] = ok
        return ok or self.tries[qid] >= 2

    def reveal(self, qid: str) -> None:
        """The student asked for the answer: a question not yet right first time stays not right."""
        if not self.final.get(qid):
            self.revealed.add(qid)
        self.first.setdefault(qid, False)
        self.final.setdefault(qid, False)

    def text(self) -> str:
        right = sum(self.first.values())
        later = sum(1 for q, ok in self.final.items() if ok and not self.first.get(q) and q not in self.revealed)
        score = message("score", right=right, total=self.total, answered=len(self.first))
        return score + (" " + message("score_later", later=later) if later else "")
