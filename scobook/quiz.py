"""Quiz banks (``data/quizzes/*.yml``): loading, validation and the questions computed from data.

One bank per chapter. The same questions appear in three places: the live ipywidgets quiz
(:mod:`scobook.quiz_widgets`), the static book (the ``{quiz}`` directive of
:mod:`scobook.sphinx.quizzes`, working without a kernel or internet) and the teacher's answer key.

Schema of a bank (``data/quizzes/README.md`` documents it in full)::

    title: Chapter 1 - the article
    questions:
      - id: ch1-q1                    # unique across all banks
        type: single                  # single | multiple | true_false | fact_or_opinion
        prompt: Who wrote the article?
        options:
          - {text: Xing Guangcheng, correct: true, feedback: Yes - see the by-line.}
          - {text: Vladimir Putin, feedback: No - Putin is named in ¶3.}
        explanation: The by-line and the note under the article name the author.
        source: ¶1                    # an article paragraph (¶N) or a data file (data/...)

A question may instead say ``computed: {generator: NAME, ...}``: its prompt, options and
feedback are then made from the book's data at build time (see :data:`GENERATORS`), so the
answers cannot drift from the data.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from scobook.errors import DataError
from scobook.paths import data_dir
from scobook.reading import read_yaml

TYPES = ("single", "multiple", "true_false", "fact_or_opinion")
FACT_OR_OPINION = ("Fact", "Opinion", "Prediction", "Recommendation")
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


#: What a question asks a student to do (after Bloom): each question names its level, so a bank
#: can be checked for balance (at most half recall, at least two evaluate).
LEVELS = ("recall", "understand", "apply", "analyse", "evaluate")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str
    source: str
    level: str = "recall"

    @property
    def correct_indices(self) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.options) if o.correct)

    def is_correct(self, chosen: set[int] | list[int] | tuple[int, ...]) -> bool:
        """A multiple-choice answer needs exactly the correct set; any other question takes one
        option, the correct one."""
        if self.type == "multiple":
            return set(chosen) == set(self.correct_indices)
        return len(set(chosen)) == 1 and set(chosen) <= set(self.correct_indices)


@dataclass(frozen=True)
class Bank:
    name: str
    title: str
    questions: tuple[Question, ...] = field(default_factory=tuple)


def quiz_dir() -> Path:
    """The folder of the quiz banks, ``data/quizzes/`` of the book in use."""
    return data_dir() / "quizzes"


def bank_path(name: str) -> Path:
    return quiz_dir() / f"{name}.yml"


def bank_names() -> list[str]:
    """The banks that ship with the book, in chapter order."""
    return sorted(p.stem for p in quiz_dir().glob("*.yml"))


def load_bank(name_or_path: str | Path, *, shuffle: bool = True) -> Bank:
    """Load, compute and validate a bank. Options are shuffled reproducibly (seeded by the
    question id), except for true/false and fact-or-opinion questions, which keep their order."""
    path = Path(name_or_path) if str(name_or_path).endswith(".yml") else bank_path(str(name_or_path))
    if not path.exists():
        raise DataError(path, None, None, f"no such quiz bank; the banks are: {', '.join(bank_names())}")
    raw = read_yaml(path)
    if not isinstance(raw.get("questions"), list) or not raw["questions"]:
        raise DataError(path, None, "questions", "a bank needs a non-empty list of questions")
    if not str(raw.get("title", "")).strip():
        raise DataError(path, None, "title", "missing or empty")
    questions, seen = [], set()
    for number, entry in enumerate(raw["questions"], start=1):
        if not isinstance(entry, dict):
            raise DataError(path, f"question {number}", None, "expected a mapping")
        qid = str(entry.get("id") or "").strip()
        where = f"question {qid!r}" if qid else f"question {number}"
        if not qid:
            raise DataError(path, where, "id", "missing or empty")
        if qid in seen:
            raise DataError(path, where, "id", "duplicate id")
        seen.add(qid)
        if "computed" in entry:
            entry = _compute(path, where, entry)
        question = _validate(path, where, entry)
        if shuffle and question.type in ("single", "multiple"):
            options = list(question.options)
            if all(re.fullmatch(r"\d+", o.text) for o in options):
                options.sort(key=lambda o: int(o.text))  # numbers read best in order
            else:
                random.Random(question.id).shuffle(options)
            question = Question(**{**question.__dict__, "options": tuple(options)})
        questions.append(question)
    return Bank(name=path.stem, title=str(raw["title"]).strip(), questions=tuple(questions))


def load_all_banks() -> list[Bank]:
    """Every bank, checked; ids must be unique across banks too."""
    banks, owner = [], {}
    for name in bank_names():
        bank = load_bank(name)
        for question in bank.questions:
            if question.id in owner:
                raise DataError(bank_path(name), f"question {question.id!r}", "id", f"also used in {owner[question.id]}.yml")
            owner[question.id] = name
        banks.append(bank)
    return banks


def _text(path, where, entry, key) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(path, where, key, "missing or empty")
    return " ".join(value.split())


def _validate(path: Path, where: str, entry: dict) -> Question:
    qtype = entry.get("type")
    if qtype not in TYPES:
        raise DataError(path, where, "type", f"unknown type {qtype!r}; expected one of {', '.join(TYPES)}")
    prompt = _text(path, where, entry, "prompt")
    explanation = _text(path, where, entry, "explanation")
    source = _text(path, where, entry, "source")
    if not re.fullmatch(r"(¶\d+(, ¶\d+)*|data/[\w./-]+)(; .+)?", source):
        raise DataError(path, where, "source", f"{source!r} should cite the article (¶N) or a data file (data/...)")
    raw_options = entry.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        raise DataError(path, where, "options", "a question needs at least two options")
    options = []
    for n, raw in enumerate(raw_options, start=1):
        if not isinstance(raw, dict):
            raise DataError(path, where, f"options[{n}]", "expected a mapping with text, feedback and optionally correct")
        text = raw.get("text")
        if isinstance(text, bool):  # YAML reads an unquoted True/False as a boolean
            text = "True" if text else "False"
        if not isinstance(text, (str, int, float)) or not str(text).strip():
            raise DataError(path, where, f"options[{n}].text", "missing or empty")
        text = " ".join(str(text).split())
        feedback = raw.get("feedback")
        if isinstance(feedback, bool):
            raise DataError(path, where, f"options[{n}].feedback", f"option {text!r}: YAML read the feedback as "
                            f"{str(feedback).lower()}; put it in quotes")
        if not isinstance(feedback, str) or not feedback.strip():
            raise DataError(path, where, f"options[{n}].feedback", f"option {text!r} has no feedback")
        if not isinstance(raw.get("correct", False), bool):
            raise DataError(path, where, f"options[{n}].correct", "must be true or false")
        options.append(Option(text=text, correct=raw.get("correct", False), feedback=" ".join(feedback.split())))
    texts = [o.text for o in options]
    if len(set(texts)) != len(texts):
        raise DataError(path, where, "options", "two options have the same text")
    correct = sum(o.correct for o in options)
    if correct == 0:
        raise DataError(path, where, "options", "no option is marked correct")
    if qtype != "multiple" and correct > 1:
        raise DataError(path, where, "options", f"{correct} options are marked correct in a {qtype} question (only one may be)")
    if qtype == "true_false" and texts != ["True", "False"]:
        raise DataError(path, where, "options", "a true_false question has exactly the options True and False, in that order")
    if qtype == "fact_or_opinion" and not set(texts) <= set(FACT_OR_OPINION):
        raise DataError(path, where, "options", f"fact_or_opinion options must be among {', '.join(FACT_OR_OPINION)}")
    level = entry.get("level")
    if level not in LEVELS:
        raise DataError(path, where, "level", f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    return Question(id=str(entry["id"]), type=qtype, prompt=prompt, options=tuple(options),
                    explanation=explanation, source=source, level=level)


# --- questions computed from the data ---------------------------------------------------

def _compute(path: Path, where: str, entry: dict) -> dict:
    spec = entry["computed"]
    if not isinstance(spec, dict) or spec.get("generator") not in GENERATORS:
        raise DataError(path, where, "computed", f"unknown generator; expected one of {', '.join(GENERATORS)}")
    try:
        made = GENERATORS[spec["generator"]](**{k: v for k, v in spec.items() if k != "generator"})
    except (TypeError, KeyError, ValueError) as exc:
        raise DataError(path, where, "computed", f"cannot compute the question: {exc}") from exc
    return {**made, **{k: v for k, v in entry.items() if k not in ("computed",)}, "options": made["options"]}


def _membership():
    """The membership table, read once (a bank computes many questions from it)."""
    from scobook.membership import shipped_membership

    return shipped_membership()


def _day(value) -> str:
    import pandas as pd

    return f"{pd.Timestamp(value):%-d %B %Y}"


def members_on_date(date) -> dict:
    """How many members on a date? Options: the right count and three neighbours."""
    from scobook.membership import members_on

    members = members_on(_membership(), date)
    n = len(members)
    choices = sorted({n, n + 1, n + 2, max(n - 2, 1), max(n - 1, 1)} - {0})[:4]
    if n not in choices:
        choices = sorted(choices[:3] + [n])
    return {
        "type": "single",
        "prompt": f"How many member states did the SCO have on {_day(date)}?",
        "options": [
            {"text": str(c), "correct": c == n,
             "feedback": (f"Yes: {', '.join(members)}." if c == n else
                          f"Not quite: on {_day(date)} there were {'more' if c < n else 'fewer'} than {c}.")}
            for c in choices
        ],
        "source": "data/sco_membership.csv",
    }


def status_of_country(iso3: str, date) -> dict:
    """What was a country's status on a date? Options: the statuses of that era."""
    from scobook.membership import PARTNER_STATUS_DATE, STATUS_LABELS, STATUS_PHRASES, status_on

    membership = _membership()
    on = status_on(membership, date).set_index("iso3")
    name = membership.loc[membership["iso3"] == iso3, "country"].iloc[0]
    status = str(on.loc[iso3, "status"]) if iso3 in on.index else "none"
    import pandas as pd

    merged = pd.Timestamp(date) >= PARTNER_STATUS_DATE
    era = ["member", "partner"] if merged else ["member", "observer", "dialogue_partner"]
    labels = {**STATUS_LABELS, "none": "No SCO status"}
    choices = era + ["none"]
    if status not in choices:
        choices.append(status)
    return {
        "type": "single",
        "prompt": f"What was {name}'s status in the SCO on {_day(date)}?",
        "options": [
            {"text": labels[c], "correct": c == status,
             "feedback": (f"Yes: {name} {STATUS_PHRASES[status]} then." if c == status else
                          f"No: {name} {STATUS_PHRASES[c].replace('was ', 'was not ', 1).replace('had no', 'did have an')} "
                          f"then. Find {name} in the table of status changes on the chapter's page (its status in June 2018 and now).")}
            for c in choices
        ],
        "source": "data/sco_membership.csv",
    }


def joined_as_member_in(year: int) -> dict:
    """Which state became a member in a year? Distractors: states that were partners then."""
    membership = _membership()
    members = membership[membership["status"] == "member"]
    joined = members[members["start"].dt.year == int(year)]
    if len(joined) != 1:
        raise ValueError(f"{len(joined)} states became members in {year}; the generator needs exactly one")
    answer = joined.iloc[0]
    others = (membership[(membership["status"] != "member") & (~membership["iso3"].isin(members["iso3"]))]
              .drop_duplicates("iso3").sort_values("country"))
    distractors = list(others["country"].sample(3, random_state=int(year)))
    return {
        "type": "single",
        "prompt": f"Which state became a full member of the SCO in {year}?",
        "options": [{"text": answer["country"], "correct": True,
                     "feedback": f"Yes: {answer['country']} joined on {_day(answer['start'])}."}]
        + [{"text": c, "correct": False,
            "feedback": f"No: {c} has never been a full member; it is now an SCO partner."} for c in distractors],
        "source": "data/sco_membership.csv",
    }


def partners_on_date(date) -> dict:
    """How many SCO partners on a date (after the 2025 merger)?"""
    membership = _membership()
    from scobook.membership import status_on

    on = status_on(membership, date)
    n = int((on["status"] == "partner").sum())
    choices = [n + offset for offset in PARTNER_COUNT_OFFSETS]
    return {
        "type": "single",
        "prompt": f"How many states were 'SCO partners' on {_day(date)}?",
        "options": [{"text": str(c), "correct": c == n,
                     "feedback": ("Yes: the former observers and dialogue partners, and Laos." if c == n else
                                  f"No: count the SCO partners in the table of status changes on the chapter's page; there were {'more' if c < n else 'fewer'} than {c}.")}
                    for c in choices],
        "source": "data/sco_membership.csv",
    }


#: The options of "how many SCO partners?": the right count and wrong ones far enough from it
#: that a student must count rather than guess the neighbour.
PARTNER_COUNT_OFFSETS = (-7, -3, 0, 4)

#: Words a quoted snippet should not start or end with ("… should help the", "… of the").
_EDGE_WORDS = {"the", "a", "an", "of", "in", "on", "to", "and", "as", "with", "its", "their", "also", "that"}


def _snippet(sentence: str, phrase: str) -> str:
    """A few words of ``sentence`` around ``phrase`` (a phrase of three words or more stands
    alone): enough to say which sentence a feedback is about."""
    if len(phrase.split()) >= 3:
        return phrase
    at = sentence.index(phrase)
    head = sentence[:at].split()[-2:]
    tail = sentence[at + len(phrase):].split()[:2]
    while head and head[0].lower().strip(",") in _EDGE_WORDS:
        head = head[1:]
    while tail and tail[-1].lower().strip(",") in _EDGE_WORDS:
        tail = tail[:-1]
    return " ".join([*head, phrase, *tail]).strip(" ,.;")


def _article(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def classification_feedback(row) -> dict[str, str]:
    """Feedback for each of the four kinds, for one row of the claims table, in the terms of the
    model (:data:`scobook.claims.DECISION_FLOW`): the right kind names its step and the deciding
    words; a kind whose step comes *before* the right one says why that step's answer is no; a kind
    whose step comes *after* it says that an earlier question already says yes, without naming it
    (the answer is shown after a second try). Every message quotes the sentence's own words, so no
    two sentences get the same feedback, and no wrong kind's message names the right kind."""
    from scobook.claims import STEPS

    kind, word = row["type"], row["deciding_word"]
    right = STEPS[kind]
    quoted = f"\u201c{_snippet(row['sentence'], word)}\u201d"
    opening = f"\u201c{' '.join(row['sentence'].split()[:6])} \u2026\u201d"
    why_yes = (f"{quoted} can be checked against a record without judging anything" if kind == "fact"
               else f"of {quoted}")
    why_no = {
        "recommendation": f"Step 1 says no: {opening} tells no one what they should do (no \u201cshould\u201d, \u201cmust\u201d or \u201cit is vital that\u201d)",
        "prediction": f"Step 2 says no: nothing in {opening} says what will happen (no \u201cwill\u201d or \u201cis set to\u201d)",
        "fact": f"Step 3 says no: to check {quoted} against a record you would first have to judge what \u201c{word}\u201d means",
    }
    feedback = {}
    for option in ("fact", "opinion", "prediction", "recommendation"):
        step = STEPS[option]
        if option == kind:
            feedback[option] = (f"Yes, {_article(kind)}: step {right.number} says yes, because {why_yes}. "
                                f"{row['reasoning']}")
        elif step.number < right.number:
            feedback[option] = f"Not {_article(option)}. {why_no[option]}. Go on to the next question."
        else:  # the student went past the first "yes"; which step it was is the answer, shown after a retry
            feedback[option] = (f"Not {_article(option)}: stop at the first yes. For {opening}, one of the questions "
                                f"before step {step.number} already says yes: go back through them in order.")
    return feedback


def classify_claim(claim: str) -> dict:
    """Fact, opinion, prediction or recommendation? From a row of ``data/claims.csv``; one answer,
    the model's (the claims table is checked against the model's cue words)."""
    from scobook.claims import load_claims

    row = load_claims().set_index("id").loc[claim]
    explanation = row["reasoning"] + (f" Evidence now: {row['evidence']}" if row["evidence"] else "")
    feedback = classification_feedback(row)
    return {
        "type": "fact_or_opinion",
        "prompt": f"Fact, opinion, prediction or recommendation? \u201c{row['sentence']}\u201d (¶{row['paragraph']})",
        "options": [{"text": t, "correct": t.lower() == row["type"], "feedback": feedback[t.lower()]}
                    for t in FACT_OR_OPINION],
        "explanation": explanation,
        "source": f"¶{row['paragraph']}; data/claims.csv",
    }


#: The data files each generator reads, so a book rebuilds a quiz when one of them changes.
GENERATOR_DATA = {
    "classify_claim": ("claims.csv", "article.yml"),
    "members_on_date": ("sco_membership.csv",),
    "status_of_country": ("sco_membership.csv",),
    "joined_as_member_in": ("sco_membership.csv",),
    "partners_on_date": ("sco_membership.csv",),
}


def bank_data_files(path: Path) -> list[str]:
    """The data files (names in ``data/``) a bank's computed questions are made from."""
    raw = read_yaml(path)
    names = {(q.get("computed") or {}).get("generator") for q in raw.get("questions") or [] if isinstance(q, dict)}
    return sorted({f for name in names if name in GENERATOR_DATA for f in GENERATOR_DATA[name]})


GENERATORS = {
    "classify_claim": classify_claim,
    "members_on_date": members_on_date,
    "status_of_country": status_of_country,
    "joined_as_member_in": joined_as_member_in,
    "partners_on_date": partners_on_date,
}
