"""Quiz banks: the shipped banks are valid and computed from the data; broken banks are rejected
with file, question id and field; the live ipywidgets quiz works when driven headlessly."""

import re
import textwrap

import pytest

from conftest import assert_rejected
from scobook.errors import DataError
from scobook.membership import load_membership, members_on
from scobook.quiz import bank_names, load_all_banks, load_bank
from scobook.quiz_widgets import show_quiz


def test_every_chapter_bank_loads_with_at_least_eight_questions():
    banks = load_all_banks()
    assert [b.name for b in banks] == bank_names() and len(banks) >= 3
    for bank in banks:
        if bank.name[2:3].isdigit():  # a chapter quiz (ch1-...); the before/after check has five
            assert len(bank.questions) >= 8, bank.name
    assert len(load_bank("check-before-after").questions) == 5


def test_computed_answers_follow_the_data():
    question = next(q for q in load_bank("ch2-membership").questions if q.id == "ch2-members-2018")
    [answer] = [question.options[i].text for i in question.correct_indices]
    assert answer == str(len(members_on(load_membership(), "2018-06-09"))) == "8"
    iran = next(q for q in load_bank("ch2-membership").questions if q.id == "ch2-iran-2018")
    assert [iran.options[i].text for i in iran.correct_indices] == ["Observer"]


def test_claim_questions_come_from_the_claims_table():
    question = next(q for q in load_bank("ch1-article").questions if q.id == "ch1-claim-landmark")
    assert "set to become another landmark" in question.prompt
    assert [question.options[i].text for i in question.correct_indices] == ["Prediction"]


def test_shuffling_is_reproducible_and_keeps_the_answer():
    first, second = load_bank("ch1-article"), load_bank("ch1-article")
    assert first == second
    unshuffled = load_bank("ch1-article", shuffle=False)
    for a, b in zip(first.questions, unshuffled.questions):
        assert {a.options[i].text for i in a.correct_indices} == {b.options[i].text for i in b.correct_indices}


GOOD_Q = """\
  - id: q1
    level: recall
    type: single
    prompt: Pick one
    options:
      - {text: A, correct: true, feedback: right}
      - {text: B, feedback: nope}
    explanation: because
    source: ¶1
"""

BAD_BANKS = {
    "no-correct": (GOOD_Q.replace("correct: true, ", ""), "question 'q1', field 'options': no option is marked correct"),
    "two-correct-single": (GOOD_Q.replace("{text: B, feedback", "{text: B, correct: true, feedback"),
                           "question 'q1', field 'options': 2 options are marked correct in a single question"),
    "duplicate-id": (GOOD_Q + GOOD_Q, "question 'q1', field 'id': duplicate id"),
    "unknown-type": (GOOD_Q.replace("type: single", "type: essay"), "question 'q1', field 'type': unknown type 'essay'"),
    "empty-prompt": (GOOD_Q.replace("prompt: Pick one", "prompt: ''"), "question 'q1', field 'prompt': missing or empty"),
    "missing-feedback": (GOOD_Q.replace("{text: B, feedback: nope}", "{text: B}"), "question 'q1', field 'options[2].feedback': option 'B' has no feedback"),
    "one-option": (GOOD_Q.replace("      - {text: B, feedback: nope}\n", ""), "question 'q1', field 'options': a question needs at least two options"),
    "bad-source": (GOOD_Q.replace("source: ¶1", "source: the internet"), "question 'q1', field 'source'"),
    "no-explanation": (GOOD_Q.replace("    explanation: because\n", ""), "question 'q1', field 'explanation': missing or empty"),
    "true-false-options": (GOOD_Q.replace("type: single", "type: true_false"), "question 'q1', field 'options': a true_false question"),
    "unknown-generator": ("  - id: q1\n    computed: {generator: guess}\n", "question 'q1', field 'computed': unknown generator"),
    "bad-generator-argument": ("  - id: q1\n    computed: {generator: joined_as_member_in, year: 2017}\n",
                               "question 'q1', field 'computed': cannot compute the question: 2 states became members in 2017"),
    "yaml-boolean-feedback": (GOOD_Q.replace("feedback: nope", "feedback: no"),
                              "question 'q1', field 'options[2].feedback': option 'B': YAML read the feedback as false; put it in quotes"),
    "missing-id": (GOOD_Q.replace("id: q1", "id: ''"), "question 1, field 'id': missing or empty"),
    "missing-level": (GOOD_Q.replace("    level: recall\n", ""), "question 'q1', field 'level': unknown level None"),
    "unknown-level": (GOOD_Q.replace("level: recall", "level: memorise"), "question 'q1', field 'level': unknown level 'memorise'"),
}


@pytest.mark.parametrize("case", BAD_BANKS, ids=str)
def test_broken_bank_is_rejected_naming_file_question_and_field(tmp_path, case):
    body, expected = BAD_BANKS[case]
    assert_rejected(load_bank, tmp_path / f"{case}.yml", "title: Test\nquestions:\n" + body, expected)


def test_yaml_is_loaded_safely(tmp_path):
    path = tmp_path / "unsafe.yml"
    path.write_text("title: !!python/object/apply:os.system ['echo hacked']\nquestions: []\n")
    with pytest.raises(DataError, match="not valid YAML"):
        load_bank(path)


def test_live_quiz_gives_feedback_then_the_answer_after_a_second_try():
    """A wrong first try gets the feedback written for the option chosen, not the answer or the
    explanation; "Try again" clears the choice; the second try shows the explanation; the score
    counts the first try."""
    quiz = show_quiz("ch1-article")
    first = quiz.questions[0]
    wrong = next(i for i in range(len(first.question.options)) if i not in first.question.correct_indices)
    first.choice.value = wrong
    first.check.click()
    assert "Not quite" in first.feedback.value
    assert first.question.options[wrong].feedback.split(" - ")[0][:20] in first.feedback.value
    assert first.question.explanation[:30] not in first.feedback.value + first.answer.value
    assert first.show.layout.display is None  # "Show the answer" is offered
    total = len(load_bank("ch1-article").questions)  # the count comes from the bank, not a literal
    assert f"Right first time: 0 of {total} (1 answered).</b>" in quiz.score.value
    first.retry.click()
    assert first.feedback.value == "" and first.choice.value is None
    first.choice.value = first.question.correct_indices[0]
    first.check.click()
    assert "✓ Correct." in first.feedback.value and "Source: data/article.yml" in first.answer.value
    assert f"Right first time: 0 of {total} (1 answered). 1 more right after a retry." in quiz.score.value


def test_live_quiz_four_wrong_first_tries_do_not_score_as_right():
    """The student of issue 24: four wrong first answers, then every answer put right, scored 10
    of 10; now the score says how many were right first time."""
    quiz = show_quiz("ch1-article")
    singles = [q for q in quiz.questions if q.question.type != "multiple"]
    for q in singles[:4]:
        q.choice.value = next(i for i in range(len(q.question.options)) if i not in q.question.correct_indices)
        q.check.click()
        q.retry.click()
    for q in singles:
        q.choice.value = q.question.correct_indices[0]
        q.check.click()
    n = len(singles)
    assert f"Right first time: {n - 4} of {len(quiz.questions)} ({n} answered). 4 more right after a retry." in quiz.score.value


def test_showing_the_answer_before_a_right_try_does_not_count_as_right():
    from scobook.quiz_progress import QuizProgress

    progress = QuizProgress(3)
    progress.reveal("a")
    assert progress.attempt("a", True)  # the answer shows once right
    progress.attempt("b", True)
    assert progress.text() == "Right first time: 1 of 3 (2 answered)."
    quiz = show_quiz("ch1-article")
    first = quiz.questions[0]
    first.choice.value = next(i for i in range(len(first.question.options)) if i not in first.question.correct_indices)
    first.check.click()
    first.show.click()
    assert first.question.explanation[:30] in first.answer.value
    assert "Right first time: 0 of" in quiz.score.value


def test_live_quiz_multiple_choice_and_no_answer():
    quiz = show_quiz("ch1-article")
    multiple = next(q for q in quiz.questions if q.question.type == "multiple")
    multiple.check.click()
    assert multiple.feedback.value == "<p>Choose an answer first.</p>"
    for i in multiple.question.correct_indices:
        multiple.boxes[i].value = True
    multiple.check.click()
    assert "✓ Correct." in multiple.feedback.value


def test_live_quiz_shows_markup_as_text(tmp_path, monkeypatch):
    path = tmp_path / "x.yml"
    path.write_text(textwrap.dedent("""\
        title: T
        questions:
          - id: q1
            level: recall
            type: single
            prompt: "<script>alert(1)</script> pick"
            options:
              - {text: "<b>A</b>", correct: true, feedback: "<img src=x onerror=alert(1)>"}
              - {text: B, feedback: nope}
            explanation: e
            source: ¶1
        """))
    from scobook import quiz_widgets

    monkeypatch.setattr(quiz_widgets, "load_bank", lambda name: load_bank(path))
    live = quiz_widgets.show_quiz("x")
    question = live.questions[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in question.prompt.value and "<script>" not in question.prompt.value
    question.choice.value = question.question.correct_indices[0]
    question.check.click()
    assert "<img" not in question.feedback.value and "&lt;img src=x" in question.feedback.value


def test_live_single_choice_uses_toggle_buttons_that_keep_the_keyboard():
    """Radio buttons lose ArrowDown to Jupyter's "next cell" (JupyterLab 4, Notebook 7); toggle
    buttons are chosen with Tab and Space. The chosen one is marked by a tick, not colour alone."""
    import ipywidgets as widgets

    from scobook.quiz_widgets import QUIZ_CSS, show_quiz

    quiz = show_quiz("ch1-article")
    singles = [q for q in quiz.questions if q.question.type != "multiple"]
    assert singles and all(isinstance(q.choice, widgets.ToggleButtons) for q in singles)
    assert all(q.choice.value is None for q in singles)  # nothing chosen until the student chooses
    assert "sco-live-quiz" in quiz.widget._dom_classes
    assert '.mod-active::before { content: "✓ "' in QUIZ_CSS


def test_status_feedback_reads_naturally_for_every_state_and_status():
    """Every sentence status_of_country can generate, for every state at dates that give every
    status (none included): no raw codes, no "was no ... status"; the right option names the
    status, a wrong one names only what the state was not (the answer comes after a retry)."""
    from scobook.membership import STATUS_PHRASES, load_membership, status_on
    from scobook.quiz_items import status_of_country

    membership = load_membership()
    seen = set()
    for date in ["1996-04-26", "2018-06-09", "2025-09-01"]:  # between them, every status occurs
        on = status_on(membership, date).set_index("iso3")
        for iso3 in membership["iso3"].unique():
            question = status_of_country(iso3, date)
            status = str(on.loc[iso3, "status"]) if iso3 in on.index else "none"
            seen.add(status)
            for option in question["options"]:
                text = option["feedback"]
                assert (STATUS_PHRASES[status] in text) == option["correct"], text
                assert not re.search(r"\b(shanghai_five|dialogue_partner|was no |was member)\b", text), text
                assert "sco status" not in text  # "SCO" is written in capitals
    assert seen == set(STATUS_PHRASES)


def test_a_classification_question_has_one_answer_and_feedback_in_the_models_terms():
    """c14 ("will play vital roles") holds a judgement word but "will" comes first in the model: the
    only accepted answer is Prediction; Opinion is told to stop at the first yes (without being told
    which), Recommendation why step 1 says no; c11's Fact is told why step 3 says no."""
    from scobook.quiz_items import classify_claim

    def options(claim):
        return {o["text"]: o for o in classify_claim(claim)["options"]}

    c14 = options("c14")
    assert [t for t, o in c14.items() if o["correct"]] == ["Prediction"]
    assert c14["Opinion"]["feedback"].startswith("Not an opinion: stop at the first yes.")
    assert "before step 4 already says yes" in c14["Opinion"]["feedback"]
    assert "prediction" not in c14["Opinion"]["feedback"].lower()
    assert c14["Recommendation"]["feedback"].startswith("Not a recommendation. Step 1 says no:")
    c11 = options("c11")
    assert [t for t, o in c11.items() if o["correct"]] == ["Opinion"]
    assert "Step 3 says no: to check \u201ctaken any major steps\u201d" in c11["Fact"]["feedback"]
    assert "what \u201cmajor steps\u201d means" in c11["Fact"]["feedback"]


def test_a_fact_or_opinion_question_takes_one_answer(tmp_path):
    assert_rejected(load_bank, tmp_path / "two.yml",
                    "title: T\nquestions:\n  - id: q1\n    level: apply\n    type: fact_or_opinion\n"
                    "    prompt: P\n    options:\n      - {text: Fact, correct: true, feedback: a}\n"
                    "      - {text: Opinion, correct: true, feedback: b}\n    explanation: E\n    source: ¶1\n",
                    "2 options are marked correct in a fact_or_opinion question (only one may be)")


def test_the_quiz_words_live_once_for_every_renderer():
    """The static quiz script and the live widgets say nothing of their own: the sentences come
    from scobook.quiz_progress.MESSAGES."""
    from pathlib import Path

    import scobook
    from scobook.quiz_progress import MESSAGES

    script = (Path(scobook.__file__).parent / "static" / "sco-quiz.js").read_text()
    widgets_source = (Path(scobook.__file__).parent / "quiz_widgets.py").read_text()
    for text in MESSAGES.values():
        fixed = max(re.split(r"\{\w+\}", text), key=len).strip()  # the longest piece between placeholders
        assert len(fixed) >= 5 and fixed not in script and fixed not in widgets_source, fixed
