"""The notebooks' self-checks: the expected answers come from the data, a right answer is
accepted in the shapes a student is likely to give, and a wrong or missing one gets "Not yet"
with something to look at. The built book proves every exercise solvable: each worked solution
ends with ``assert check(...)``, which the strict build (no errors allowed) ran."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from conftest import NOTEBOOKS, ROOT
from scobook.errors import InputError
from scobook.exercises import EXERCISES, IN_THE_BOOK, NOT_YET, RIGHT, UNANSWERED, check


@pytest.fixture(autouse=True)
def _outside_the_book(monkeypatch):
    """These tests play a student in Jupyter: no book build around them (a Sphinx build earlier in
    the same process sets $SCOBOOK_BUILD)."""
    from scobook.exercises import BUILD_VARIABLE

    monkeypatch.delenv(BUILD_VARIABLE, raising=False)


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
    assert check("ch5-classify", {"c14": "prediction", "c15": ..., "c16": ...}).message == UNANSWERED
    assert check("ch2-new-members", ["Iran", ...]).message == UNANSWERED


def test_answers_in_the_shapes_students_give_are_accepted():
    members_2005 = EXERCISES["ch2-members-on"].expected(day="2005-12-31")
    assert check("ch2-members-on", pd.Series(sorted(members_2005)), day="2005-12-31")
    assert check("ch2-members-on", [m.upper() for m in members_2005], day="2005-12-31")
    assert check("ch2-new-members", {"Iran", "Belarus"})
    by_type = check("ch5-claims-by-type", pd.Series(EXERCISES["ch5-claims-by-type"].expected()))
    assert by_type.correct
    assert check("ch1-paragraphs-naming", pd.Series([10]).iloc[0])  # a numpy integer


def test_a_wrong_answer_names_what_is_missing_and_what_is_extra():
    feedback = check("ch2-new-members", ["Iran", "India"])
    assert str(feedback).startswith("Not yet: you have 2, the data has 2: 1 is missing (Belarus) and 1 should not "
                                    "be there (India)")
    per_paragraph = EXERCISES["ch1-security-per-paragraph"].expected()
    shifted = pd.Series(list(per_paragraph.values()))  # indexed 0..14 instead of by ¶ number
    assert "0 should not be in the answer" in str(check("ch1-security-per-paragraph", shifted))
    assert "1 is missing (c16)" in str(check("ch5-classify", {"c14": "prediction", "c15": "recommendation"}))


def test_numbers_are_plain_and_a_likely_mix_up_is_named():
    """Issue 24: "np.int64(14) is not it" and "26 is not it" taught nothing."""
    import numpy as np

    from scobook.membership import counts_by_year, shipped_membership

    membership = shipped_membership()
    counts = counts_by_year(membership, today=membership.attrs["as_of"].date())
    peak = int(counts["dialogue_partner"].max())
    row = int(counts["dialogue_partner"].idxmax())  # what idxmax() gives on the default index
    as_count = str(check("ch2-dialogue-partner-peak", np.int64(peak)))
    assert "np.int64" not in as_count and as_count.startswith(f"Not yet: {peak} is the largest number of dialogue partners")
    assert str(check("ch2-dialogue-partner-peak", np.int64(row))).startswith(f"Not yet: {row} looks like a row number")
    assert "is not the answer" in str(check("ch2-dialogue-partner-peak", 1999))
    assert "Hint:" in as_count and "Look at this" not in as_count


def test_a_word_the_data_does_not_use_is_named_before_any_comparison():
    feedback = str(check("ch5-classify", {"c14": "predicton", "c15": "recommendation", "c16": "prediction"}))
    assert feedback.startswith("Not yet: 'predicton' is not one of the kinds in the data (check the spelling): "
                               "fact, opinion, prediction, recommendation.")
    assert "from the data (" not in feedback  # no comparison was made
    empty = str(check("ch2-members-on", [], day="2008-12-31"))
    assert "your answer is empty, so the condition you wrote matched no row" in empty
    assert "the statuses in the data are dialogue_partner, member, observer, partner, shanghai_five" in empty


def test_missing_names_are_named_only_once_half_the_answer_is_there():
    """A student found that naming every missing state gives the answer away (2026-12-06)."""
    expected = sorted(EXERCISES["ch2-members-on"].expected(day="2008-12-31"))
    almost = str(check("ch2-members-on", expected[:-1], day="2008-12-31"))
    assert f"1 is missing ({expected[-1]})" in almost
    little = str(check("ch2-members-on", expected[:2], day="2008-12-31"))
    assert f"{len(expected) - 2} are missing." in little and expected[-1] not in little
    for nothing in ("", None, [""]):
        assert "your answer is empty" in str(check("ch2-members-on", nothing, day="2008-12-31"))


def test_a_long_list_of_extras_is_counted_not_named():
    """Giving every member for 'new members since the article' named the eight old members as extras,
    which leaves the answer by subtraction."""
    from scobook.membership import members_on, shipped_membership

    everyone = members_on(shipped_membership(), shipped_membership().attrs["as_of"])
    feedback = str(check("ch2-new-members", everyone))
    assert f"{len(everyone) - 2} should not be there." in feedback and "China" not in feedback


def test_codes_given_for_names_are_named_as_codes():
    feedback = str(check("ch2-new-members", ["BLR", "IRN"]))
    assert feedback.startswith("Not yet: BLR, IRN are codes; the question asks for the states' names")
    assert "Belarus" not in feedback and "Iran" not in feedback


def test_a_kind_counted_zero_times_may_stay_in_the_answer_and_a_misspelt_kind_is_named():
    from scobook.claims import CLAIM_TYPES, load_claims

    claims = load_claims()
    late = claims[claims["paragraph"] >= 10]["type"].value_counts().reindex(CLAIM_TYPES, fill_value=0)
    assert (late == 0).any()  # the notebook's own method keeps a 0 for a kind with no sentence there
    assert check("ch5-claims-by-type", late)
    assert str(check("ch5-claims-by-type", {"opinon": 3})).startswith("Not yet: 'opinon' is not one of the kinds")
    whole = str(check("ch5-claims-by-type", claims["type"].value_counts()))
    assert "differ from the data (yours: " in whole


def test_a_row_number_of_the_claims_table_is_named_as_one():
    from scobook.claims import load_claims

    row = int(load_claims()["paragraph"].idxmax())  # what idxmax() gives on the default index
    feedback = str(check("ch5-paragraph-most-claims", row))
    assert feedback.startswith(f"Not yet: {row} looks like a row number of the claims table")
    assert "?." not in feedback


def test_every_tied_peak_year_together_is_right():
    peaks = EXERCISES["ch2-dialogue-partner-peak"].expected()
    assert check("ch2-dialogue-partner-peak", pd.Series(sorted(peaks)))


def test_a_european_date_is_refused_with_the_way_to_write_it():
    with pytest.raises(InputError, match='use year-month-day, for example "2009-12-31"'):
        check("ch2-members-on", ["China"], day="31.12.2009")


def test_the_hints_point_to_the_idea_not_to_a_method():
    for exercise in EXERCISES.values():
        assert not re.search(r"`|\w+\(\)|value_counts|idxmax|isin|groupby|crosstab", exercise.hint), exercise.id


def test_reusing_the_notebooks_by_type_table_does_not_pass_exercise_1():
    """Chapter 5's exercise 1 counts paragraphs 10-15 only, so the whole table's counts (by_type) are wrong."""
    from scobook.claims import load_claims

    whole = load_claims()["type"].value_counts()
    assert not check("ch5-claims-by-type", whole)


def test_an_unanswered_exercise_in_the_online_book_gives_a_direction_not_a_cross(monkeypatch):
    from scobook.exercises import BUILD_VARIABLE, IN_THE_BOOK

    monkeypatch.setenv(BUILD_VARIABLE, "1")
    feedback = check("ch2-new-members", ...)
    assert feedback.message == IN_THE_BOOK and feedback.neutral
    assert "\u2717" not in feedback._repr_html_() and "sco-check-info" in feedback._repr_html_()


def test_a_classification_takes_the_models_one_answer():
    """c14 ("will play vital roles") holds the judgement word "vital", but "will" comes first: the
    model makes it a prediction, and only that reading passes; c15's "would require" is advice."""
    expected = EXERCISES["ch5-classify"].expected()
    assert expected == {"c14": {"prediction"}, "c15": {"recommendation"}, "c16": {"prediction"}}
    assert check("ch5-classify", {"c14": "prediction", "c15": "recommendation", "c16": "prediction"})
    assert not check("ch5-classify", {"c14": "opinion", "c15": "recommendation", "c16": "prediction"})


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
    assert "<code>" not in html and "`" not in check("ch2-new-members", ["x"])._repr_html_()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_the_build_ran_every_solution_to_right_and_every_blank_exercise_to_a_direction(notebook, built_book, html_dir):
    """The executed copy of the notebook that the build rendered (MyST-NB's jupyter_execute): in
    the online book a blank exercise says how to run it in Jupyter, not "Not yet" with a cross."""
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
        assert shown(cell) == IN_THE_BOOK, "".join(cell["source"])
