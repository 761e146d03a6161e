"""Quizzes that make students think, checked from the banks: a level on every question, at least
two evaluate-level questions and at most half recall per bank, feedback written for every wrong
option, the right option not a length cue, no question repeated across banks, no two evaluate
questions alike, and the classification questions in agreement with the claims table."""

import functools
import re

import pytest

from scobook.claims import load_claims
from scobook.quiz import LEVELS, bank_names, load_all_banks


@functools.cache
def banks():
    return {bank.name: bank for bank in load_all_banks()}


def norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


@pytest.mark.parametrize("name", bank_names())
def test_levels_are_balanced(name):
    bank = banks()[name]
    levels = [q.level for q in bank.questions]
    assert set(levels) <= set(LEVELS)
    assert levels.count("evaluate") >= 2, "each bank needs at least two evaluate-level questions"
    assert levels.count("recall") <= len(levels) / 2, f"{levels.count('recall')} of {len(levels)} are recall"


@pytest.mark.parametrize("name", bank_names())
def test_every_wrong_option_has_its_own_feedback(name):
    bank = banks()[name]
    for q in bank.questions:
        wrong = [norm(o.feedback) for o in q.options if not o.correct]
        assert len(set(wrong)) == len(wrong), f"{q.id}: two wrong options share their feedback"
        assert not any(f.startswith("not the best fit") for f in wrong), q.id


@pytest.mark.parametrize("name", bank_names())
def test_the_right_option_is_not_a_length_cue(name):
    """Among single-choice questions with worded options (not numbers, not the four fixed labels),
    the right option is the single longest in at most 40%: a student who picks the longest answer
    must not do better than chance suggests."""
    bank = banks()[name]
    worded = [q for q in bank.questions
              if q.type == "single" and not all(re.fullmatch(r"\d+", o.text) for o in q.options)]
    longest_right = []
    for q in worded:
        lengths = sorted((len(o.text), o.correct) for o in q.options)
        if lengths[-1][1] and lengths[-1][0] > lengths[-2][0]:
            longest_right.append(q.id)
    assert len(longest_right) <= 0.4 * len(worded), f"{len(longest_right)} of {len(worded)}: {longest_right}"


#: Words that carry no topic, left out when comparing two prompts.
STOP = set("a an the of to in on and or is are was were be it its this that which what how why who by for with as "
           "at from best most says say your you their they there".split())


def words(text: str) -> set[str]:
    return {w for w in norm(text).split() if w not in STOP}


def test_no_two_evaluate_questions_ask_the_same_thing():
    """Evaluate-level questions across all banks: no two prompts share more than 40% of their
    words (a near-duplicate teaches nothing the first did not)."""
    evaluate = [(bank.name, q) for bank in banks().values() for q in bank.questions if q.level == "evaluate"]
    for i, (bank_a, a) in enumerate(evaluate):
        for bank_b, b in evaluate[i + 1:]:
            wa, wb = words(a.prompt), words(b.prompt)
            overlap = len(wa & wb) / len(wa | wb)
            assert overlap <= 0.4, f"{bank_a}:{a.id} and {bank_b}:{b.id} share {overlap:.0%} of their words"


@pytest.mark.parametrize("name", bank_names())
def test_no_wrong_options_feedback_names_the_right_answer(name):
    """A wrong answer gets the feedback written for it; the right answer is shown only after a
    second try or on request, so that feedback must not give it away."""
    for q in banks()[name].questions:
        rights = [q.options[i].text for i in q.correct_indices]
        for option in (o for o in q.options if not o.correct):
            for right in rights:
                if q.type == "fact_or_opinion":
                    assert not re.search(rf"\b{right}\b", option.feedback, re.I), (q.id, option.text, option.feedback)
                elif len(right) >= 4:
                    assert right.lower() not in option.feedback.lower(), (q.id, option.text, option.feedback)


def test_no_question_repeats_another():
    prompts = [norm(q.prompt) for bank in banks().values() for q in bank.questions]
    assert len(set(prompts)) == len(prompts)


def test_classification_questions_agree_with_the_claims_table():
    claims = load_claims()
    by_sentence = {norm(s): t for s, t in zip(claims["sentence"], claims["type"])}
    checked = 0
    for bank in banks().values():
        for q in bank.questions:
            if q.type != "fact_or_opinion":
                continue
            quoted = norm(re.search(r"\u201c(.+)\u201d", q.prompt)[1])
            assert quoted in by_sentence, f"{q.id}: the sentence is not in data/claims.csv"
            accepted = [q.options[i].text.lower() for i in q.correct_indices]
            assert accepted == [by_sentence[quoted]], q.id
            checked += 1
    assert checked >= 10
