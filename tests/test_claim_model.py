"""The classification model agrees with itself: the claims table, the quizzes and their feedback
follow the model's questions in order ("stop at the first yes") and its cue words."""

import functools
import re

import pytest

from scobook.claims import CLAIM_TYPES, CUE_EXAMPLES, DECISION_FLOW, STEPS, cues_in, load_claims, model_kind
from scobook.quiz import load_all_banks
from scobook.quiz_items import classification_feedback


@functools.cache
def claims():
    return load_claims()


@pytest.mark.parametrize("claim_id", list(load_claims()["id"]))
def test_each_claim_has_the_kind_the_models_cue_words_give(claim_id):
    row = claims().set_index("id").loc[claim_id]
    step = model_kind(row["sentence"])
    assert step.kind == row["type"], (
        f"{claim_id} is a {row['type']} in claims.csv, but the model stops at step {step.number} ({step.kind}): "
        f"cues {cues_in(row['sentence'], step.kind)}")


def test_each_deciding_word_is_a_cue_of_its_kind_and_a_fact_has_none():
    for row in claims().itertuples():
        if row.type == "fact":
            for kind in ("recommendation", "prediction", "opinion"):
                assert not cues_in(row.deciding_word, kind), (row.id, kind)
        else:
            assert cues_in(row.deciding_word, row.type), f"{row.id}: {row.deciding_word!r} holds no {row.type} cue"


def test_the_model_is_four_steps_in_order_and_prints_only_its_own_cues():
    assert [s.number for s in DECISION_FLOW] == [1, 2, 3, 4]
    assert [s.kind for s in DECISION_FLOW] == ["recommendation", "prediction", "fact", "opinion"]
    assert set(s.kind for s in DECISION_FLOW) == set(CLAIM_TYPES)
    for kind, examples in CUE_EXAMPLES.items():
        assert set(examples) <= set(STEPS[kind].cues), kind


def test_a_sentence_that_holds_cues_of_two_steps_goes_to_the_first():
    assert model_kind("China and Russia will play vital roles").kind == "prediction"
    assert model_kind("they should play a huge role").kind == "recommendation"
    assert model_kind("it has a huge influence").kind == "opinion"
    assert model_kind("India and Pakistan joined in 2017").kind == "fact"
    assert model_kind("a willing partner and a closed door").kind == "fact"  # whole words only


def classification_items():
    return [(bank.name, q) for bank in load_all_banks() for q in bank.questions if q.type == "fact_or_opinion"]


def test_every_classification_item_has_one_answer_the_models():
    by_sentence = {row.sentence: row for row in claims().itertuples()}
    assert len(classification_items()) >= 10
    for bank, q in classification_items():
        sentence = re.search(r"\u201c(.+)\u201d", q.prompt)[1]
        row = by_sentence[sentence]
        assert [q.options[i].text.lower() for i in q.correct_indices] == [model_kind(row.sentence).kind], (bank, q.id)


def test_every_classification_feedback_is_specific_to_its_sentence_and_keeps_the_answer_back():
    """No two sentences get the same feedback for the same wrong kind; each message quotes its
    sentence; the right kind's message names the deciding word; and no wrong kind's message names
    the right kind (the answer is shown after a second try or on request)."""
    seen = {}
    for row in claims().itertuples():
        feedback = classification_feedback(row._asdict())
        opening = " ".join(row.sentence.split()[:6])
        assert row.deciding_word in feedback[row.type], (row.id, feedback[row.type])
        for kind, text in feedback.items():
            assert opening in text or row.deciding_word in text, (row.id, kind, text)
            if kind != row.type:
                assert not re.search(rf"\b{row.type}\b", text), (row.id, kind, text)
                assert text not in seen, f"{row.id} and {seen.get(text)} share the feedback for {kind}: {text}"
                seen[text] = row.id


def test_no_feedback_or_explanation_grades_an_opinion_or_recommendation():
    """The quizzes may say what happened since; they do not call a recommendation "followed" or an
    opinion "accurate"."""
    verdict = re.compile(r"\b(partly followed|was followed|broadly accurate|the claim was accurate)\b", re.I)
    for bank in load_all_banks():
        for q in bank.questions:
            for text in [q.explanation, *(o.feedback for o in q.options)]:
                assert not verdict.search(text), (bank.name, q.id, text)
