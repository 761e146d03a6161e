"""The notebooks' self-checks: the expected answers come from the data, a right answer is
accepted in the shapes a student is likely to give, and a wrong or missing one gets "Not yet"
with something to look at. The built book proves every exercise solvable: each worked solution
ends with ``assert check(...)``, which the strict build (no errors allowed) ran."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import NOTEBOOKS, ROOT
from scobook.errors import InputError
from scobook.exercises import EXERCISES, NOT_YET, RIGHT, UNANSWERED, check


def a_right_answer(exercise_id):
    exercise = EXERCISES[exercise_id]
    expected = exercise.expected()
    if exercise.kind in ("number", "text"):
        return sorted(expected)[0] if isinstance(expected, set) else expected
    if exercise.kind == "set":
        return sorted(expected)
    return {k: sorted(v)[0] if isinstance(v, set) else v for k, v in expected.items()}


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_datas_answer_is_right_and_a_wrong_one_is_not_yet(exercise_id):
    right = check(exercise_id, a_right_answer(exercise_id))
    assert right.correct and str(right).startswith(f"{RIGHT}: ")
    wrong = {"number": 999, "text": "nothing", "set": ["Atlantis"], "mapping": {"x": 1}}[EXERCISES[exercise_id].kind]
    feedback = check(exercise_id, wrong)
    assert not feedback.correct
    assert str(feedback).startswith(f"{NOT_YET}: ") and EXERCISES[exercise_id].hint in str(feedback)
    assert check(exercise_id, ...).message == UNANSWERED


def test_a_scaffold_still_holding_dots_is_unanswered_not_wrong():
    assert check("ch5-classify", {"c24": "opinion", "c25": ..., "c26": ...}).message == UNANSWERED
    assert check("ch2-new-members", ["Iran", ...]).message == UNANSWERED


def test_answers_in_the_shapes_students_give_are_accepted():
    members_2005 = EXERCISES["ch2-members-on"].expected(day="2005-12-31")
    assert check("ch2-members-on", pd.Series(sorted(members_2005)), day="2005-12-31")
    assert check("ch2-members-on", [m.upper() for m in members_2005], day="2005-12-31")
    assert check("ch2-new-members", {"Iran", "Belarus"})
    by_type = check("ch5-claims-by-type", pd.Series(EXERCISES["ch5-claims-by-type"].expected()))
    assert by_type.correct
    assert check("ch1-paragraphs-naming", pd.Series([10]).iloc[0])  # a numpy integer


def test_a_wrong_answer_says_what_is_missing_or_extra_without_giving_it_away():
    feedback = check("ch2-new-members", ["Iran", "India"])
    assert str(feedback).startswith("Not yet: you have 2, the data has 2: 1 is missing and 1 should not be there (India)")
    assert "Belarus" not in str(feedback)
    per_paragraph = EXERCISES["ch1-security-per-paragraph"].expected()
    shifted = pd.Series(list(per_paragraph.values()))  # indexed 0..14 instead of by ¶ number
    assert "unexpected keys: 0" in str(check("ch1-security-per-paragraph", shifted))


def test_a_classification_takes_the_models_one_answer():
    """c25 ("a huge influence") holds the judgement word "huge": the model makes it an opinion, and
    only that reading passes."""
    expected = EXERCISES["ch5-classify"].expected()
    assert expected["c25"] == {"opinion"}
    assert check("ch5-classify", {"c24": "opinion", "c25": "opinion", "c26": "opinion"})
    assert not check("ch5-classify", {"c24": "opinion", "c25": "fact", "c26": "opinion"})


@pytest.mark.parametrize(("exercise_id", "params", "message"), [
    ("ch2-members-on", {"day": "1990-01-01"}, "choose a date from 26 April 1996"),
    ("ch2-members-on", {"day": "2040-01-01"}, "was checked up to"),
    ("ch3-principle-total", {"principle": "harmony"}, "not one of the six principles"),
    ("ch1-paragraphs-naming", {"name": "Atlantis"}, "not in the name list"),
    ("ch5-classify", {"paragraph": 99}, "has no claim in ¶99"),
])
def test_an_exercise_choice_out_of_range_says_what_is_allowed(exercise_id, params, message):
    with pytest.raises(InputError, match=message):
        check(exercise_id, ["x"], **params)


def test_an_unknown_exercise_lists_the_exercises():
    with pytest.raises(InputError, match="ch2-members-on"):
        check("ch9-nothing", 1)


def test_feedback_html_says_right_or_not_yet_in_words_not_colour_alone():
    html = check("ch2-new-members", ["Iran", "Belarus"])._repr_html_()
    assert 'role="status"' in html and "Right:" in html
    assert "Not yet:" in check("ch2-new-members", [])._repr_html_()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_the_build_ran_every_solution_to_right_and_every_blank_exercise_to_not_yet(notebook, built_book, html_dir):
    """The executed copy of the notebook that the build rendered (MyST-NB's jupyter_execute)."""
    executed = html_dir.parent / "jupyter_execute" / notebook.relative_to(ROOT)
    nb = json.loads(executed.read_text(encoding="utf-8"))

    def shown(cell):
        return " ".join("".join(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", [])).strip()

    solutions = [c for c in nb["cells"] if "solution" in c.get("metadata", {}).get("tags", [])]
    blanks = [c for c in nb["cells"] if "exercise" in c.get("metadata", {}).get("tags", [])]
    assert len(solutions) >= 3 and len(blanks) == len(solutions)
    for cell in solutions:  # `assert check(...)`: it ran, and printed nothing (no answer given away)
        assert cell["execution_count"] is not None and cell["outputs"] == [], "".join(cell["source"])
    for cell in blanks:
        assert shown(cell).startswith("Not yet: replace the ..."), "".join(cell["source"])
