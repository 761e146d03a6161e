"""Quiz banks (``data/quizzes/*.yml``): the model of a bank, loading and validation. The questions
computed from data are made by :mod:`scobook.quiz_items`; what a quiz says and how it scores is
:mod:`scobook.quiz_progress`.

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
feedback are then made from the book's data at build time (see :data:`scobook.quiz_items.GENERATORS`), so the
answers cannot drift from the data.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from scobook.errors import DataError
from scobook.facts import fill_all
from scobook.paths import data_dir
from scobook.quiz_items import FACT_OR_OPINION, GENERATOR_DATA, GENERATORS
from scobook.reading import read_yaml

TYPES = ("single", "multiple", "true_false", "fact_or_opinion")
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
    raw = fill_all(read_yaml(path), path)  # {{ chapter_reading_critically }} and the other facts
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


def bank_data_files(path: Path) -> list[str]:
    """The data files (names in ``data/``) a bank's computed questions are made from."""
    raw = read_yaml(path)
    names = {(q.get("computed") or {}).get("generator") for q in raw.get("questions") or [] if isinstance(q, dict)}
    return sorted({f for name in names if name in GENERATOR_DATA for f in GENERATOR_DATA[name]})
