"""Self-checks for the notebooks' exercises: ``check("ch2-new-members", answer)``.

Each exercise's expected answer is computed from the book's data by the package's own functions
(never typed in), so an exercise stays right when a data file is updated. :func:`check` compares
a student's answer with it and says, in words, whether it is right and, if not, what to look at.
It never raises for a wrong answer, an unanswered ``...`` or an answer of the wrong shape: a
student always gets a sentence back. Bad *parameters* (a date the data does not cover, an
unknown principle) raise :class:`~scobook.errors.InputError`, which also says what is allowed.

Why our own module and not Otter-Grader (Data 8's choice): Otter's checks are test files next to
each notebook that run with Otter installed; ours are computed from ``data/`` by the same code
as the quizzes, work in the static build, on Binder and offline with nothing more to install,
and are tested with the package (``tests/test_exercises.py``).
"""

from __future__ import annotations

import html
import numbers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import pandas as pd

from scobook.errors import InputError

RIGHT = "Right"
NOT_YET = "Not yet"
UNANSWERED = ("Not yet: replace the ... with your answer, then run the cell again "
              "(the worked solution is below, folded).")


@dataclass(frozen=True)
class Exercise:
    """One exercise: what kind of answer it takes, how to compute the expected one, a hint."""

    id: str
    kind: str  # "number", "text", "set" or "mapping"
    expected: Callable[..., object]
    hint: str
    describe: str  # the answer in words, used in the "Right" message: "{answer}"


@dataclass(frozen=True)
class Feedback:
    """What :func:`check` returns: true if right; shows one sentence in Jupyter and the book."""

    exercise: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        mark = "✓" if self.correct else "✗"
        kind = "right" if self.correct else "not-yet"
        return (f'<div class="sco-check sco-check-{kind}" role="status" '
                f'style="border-left:4px solid currentColor;padding:0.3em 0.7em;margin:0.3em 0">'
                f'<span aria-hidden="true">{mark}</span> {html.escape(self.message)}</div>')


# --- the data, loaded once per kernel -------------------------------------------------------

def _membership():
    from scobook.membership import shipped_membership

    return shipped_membership()  # the same cached table the quizzes use


@cache
def _paragraphs() -> pd.DataFrame:
    from scobook.article import load_article

    return load_article().paragraphs


def _today() -> pd.Timestamp:
    return _membership().attrs["as_of"]  # the date the data was checked up to


def _sco_members_today() -> set[str]:
    from scobook.membership import status_on

    on = status_on(_membership(), _today())
    return set(on.loc[on["status"] == "member", "iso3"])


# --- expected answers, one function per exercise ---------------------------------------------

def _security_per_paragraph() -> dict[int, int]:
    from scobook.text import count_terms

    return {int(n): count_terms(text, ["security"], case_sensitive=False)
            for n, text in zip(_paragraphs()["n"], _paragraphs()["text"])}


def _longest_sentence_paragraph() -> set[int]:
    from scobook.text import WORD, sentences

    lengths = [(len(WORD.findall(s)), int(n)) for n, text in zip(_paragraphs()["n"], _paragraphs()["text"])
               for s in sentences(text)]
    longest = max(length for length, _ in lengths)
    return {n for length, n in lengths if length == longest}


def _paragraphs_naming(name: str = "Russia") -> int:
    from scobook.article import load_name_list
    from scobook.text import count_terms

    names = load_name_list()
    row = names[names["name"] == name]
    if row.empty:
        raise InputError(f"{name!r} is not in the name list; the names are: {', '.join(names['name'])}.")
    patterns = row["patterns"].iloc[0].split("|")
    return sum(count_terms(text, patterns) > 0 for text in _paragraphs()["text"])


def _members_on(day="2005-12-31") -> set[str]:
    from scobook.membership import members_on

    return set(members_on(_membership(), day))


def _new_members_since_article() -> set[str]:
    from scobook.membership import ARTICLE_DATE, changes_between

    changes = changes_between(_membership(), ARTICLE_DATE, _today())
    return set(changes.loc[changes["after"] == "member", "country"])


def _dialogue_partner_peak() -> set[int]:
    from scobook.membership import counts_by_year

    counts = counts_by_year(_membership(), today=_today().date())
    peak = counts["dialogue_partner"].max()
    return {int(y) for y in counts.loc[counts["dialogue_partner"] == peak, "year"]}


def _principle_terms() -> dict[str, list[str]]:
    from scobook.spirit import load_principles

    return {p["id"]: p["terms"] for p in load_principles()}


def _principle_matrix():
    from scobook.spirit import principle_matrix

    return principle_matrix(_paragraphs(), _principle_terms())


def _most_widespread_principle() -> set[str]:
    spread = (_principle_matrix() > 0).sum()
    return set(spread[spread == spread.max()].index)


def _paragraphs_without_principle() -> set[int]:
    matrix = _principle_matrix()
    return {int(n) for n in matrix.index[matrix.sum(axis=1) == 0]}


def _principle_total(principle: str = "mutual_benefit") -> int:
    from scobook.spirit import PRINCIPLE_IDS

    if principle not in PRINCIPLE_IDS:
        raise InputError(f"{principle!r} is not one of the six principles; use one of: {', '.join(PRINCIPLE_IDS)}.")
    return int(_principle_matrix()[principle].sum())


def _shared_members() -> dict[str, int]:
    from scobook.blocs import BLOCS

    return {bloc: len(_sco_members_in(bloc)) for bloc in BLOCS}


def _bloc_sharing_most() -> set[str]:
    shared = _shared_members()
    return {bloc for bloc, n in shared.items() if n == max(shared.values())}


def _sco_members_in(bloc: str = "EAEU") -> set[str]:
    from scobook.blocs import load_blocs, members_of

    return _sco_members_today() & set(members_of(load_blocs(), bloc, _today()))


def _initiatives_before_article() -> int:
    from scobook.blocs import load_initiatives
    from scobook.membership import ARTICLE_DATE

    return int((load_initiatives()["date"] < ARTICLE_DATE).sum())


def _claims():
    from scobook.claims import load_claims

    return load_claims()


def _claims_by_type() -> dict[str, int]:
    return {str(k): int(v) for k, v in _claims()["type"].value_counts().items()}


def _paragraph_most_claims() -> set[int]:
    per = _claims()["paragraph"].astype(int).value_counts()
    return {int(n) for n in per.index[per == per.max()]}


def _classify_paragraph(paragraph: int = 13) -> dict[str, set[str]]:
    claims = _claims()
    rows = claims[claims["paragraph"].astype(int) == int(paragraph)]
    if rows.empty:
        raise InputError(f"the claims table has no claim in ¶{paragraph}; paragraphs with claims: "
                         f"{', '.join(sorted(set(claims['paragraph'].astype(str)), key=int))}.")
    return {row.id: {row.type} for row in rows.itertuples()}


EXERCISES: dict[str, Exercise] = {e.id: e for e in [
    Exercise("ch1-security-per-paragraph", "mapping", _security_per_paragraph,
             "count whole words, upper or lower case, in every paragraph (a paragraph without the "
             "word counts 0); `count_terms(text, [\"security\"], case_sensitive=False)` does one paragraph",
             "{answer}"),
    Exercise("ch1-longest-sentence", "number", _longest_sentence_paragraph,
             "split each paragraph with `sentences(text)`, count each sentence's words with the same "
             "WORD pattern as above, and keep the paragraph number of the longest",
             "the longest sentence is in ¶{answer}"),
    Exercise("ch1-paragraphs-naming", "number", _paragraphs_naming,
             "use the `mentions` table: a paragraph names the state when its count there is more than 0; "
             "count paragraphs, not mentions",
             "{answer} paragraphs"),
    Exercise("ch2-members-on", "set", _members_on,
             "keep the rows whose period covers your day (`start <= day`, and `end` empty or after it), "
             "then the rows whose status is \"member\" or \"shanghai_five\"",
             "{answer}"),
    Exercise("ch2-new-members", "set", _new_members_since_article,
             "compare the status on the article's date with the status today (`changes` above) and keep "
             "the states whose status *after* is \"member\"",
             "{answer}"),
    Exercise("ch2-dialogue-partner-peak", "number", _dialogue_partner_peak,
             "look at the `dialogue_partner` column of `counts`: find its largest value, then the year "
             "of that row (any of them, if several years share it)",
             "dialogue partners peaked in {answer}"),
    Exercise("ch3-most-widespread", "text", _most_widespread_principle,
             "turn the matrix into yes/no (`matrix > 0`), add up each column, and keep the column with "
             "the largest total; give its id, for example \"equality\"",
             "{answer}"),
    Exercise("ch3-no-principle", "set", _paragraphs_without_principle,
             "add up each row of the matrix (`matrix.sum(axis=1)`) and keep the paragraph numbers "
             "where the total is 0",
             "{answer}"),
    Exercise("ch3-principle-total", "number", _principle_total,
             "add up one column of the matrix, with the book's term lists (`terms`), not your own",
             "{answer} times"),
    Exercise("ch4-bloc-sharing-most", "text", _bloc_sharing_most,
             "for each bloc, count the states that are in both the bloc and the SCO's members today "
             "(the `overlap` table above), and keep the bloc with the most; give its short name, "
             "for example \"BRICS\"",
             "{answer}"),
    Exercise("ch4-members-in-bloc", "set", _sco_members_in,
             "keep the SCO members today that are also in the bloc today; give three-letter codes, "
             "for example [\"RUS\", ...]",
             "{answer}"),
    Exercise("ch4-initiatives-before", "number", _initiatives_before_article,
             "compare the `date` column of `initiatives` with ARTICLE_DATE and count the rows before it",
             "{answer} events"),
    Exercise("ch5-claims-by-type", "mapping", _claims_by_type,
             "count the rows of `claims` per value of its `type` column (`value_counts()`)",
             "{answer}"),
    Exercise("ch5-paragraph-most-claims", "number", _paragraph_most_claims,
             "count the rows of `claims` per `paragraph` and keep the paragraph with the most",
             "¶{answer}"),
    Exercise("ch5-classify", "mapping", _classify_paragraph,
             "reread the sentence and go through the model's four questions in order, stopping at the "
             "first yes: does it say what someone should do (recommendation)? what will happen "
             "(prediction)? could you check it without judging anything (fact)? otherwise it judges "
             "(opinion). Find the word that decided it",
             "{answer}"),
]}


# --- comparing ----------------------------------------------------------------------------------

def _norm(value) -> object:
    if isinstance(value, str):
        return value.strip().casefold()
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    return value


def _as_collection(answer) -> list | None:
    if isinstance(answer, pd.DataFrame):
        return None
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        return [answer]
    if isinstance(answer, Mapping):
        return None
    return list(answer)


def _as_mapping(answer) -> dict | None:
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0].to_dict()
    if not isinstance(answer, Mapping):
        return None
    return {_norm(k) if not isinstance(k, str) else k.strip().casefold(): v for k, v in answer.items()}


def _listing(values) -> str:
    values = sorted(values, key=lambda v: (isinstance(v, str), v))
    return ", ".join(str(v) for v in values)


def _compare(exercise: Exercise, answer, expected) -> tuple[bool, str]:
    """(right?, what to say) for one answer."""
    if exercise.kind in ("number", "text"):
        wanted = {_norm(v) for v in (expected if isinstance(expected, set) else {expected})}
        items = _as_collection(answer)
        if items is None or len(items) != 1:
            return False, f"the answer should be one {'number' if exercise.kind == 'number' else 'name'}, not {type(answer).__name__}"
        given = _norm(items[0])
        if exercise.kind == "number" and not isinstance(given, int):
            return False, f"the answer should be a whole number, not {items[0]!r}"
        if given in wanted:
            return True, ""
        return False, f"{items[0]!r} is not it"
    if exercise.kind == "set":
        items = _as_collection(answer)
        if items is None:
            return False, "the answer should be a list of names, not a table or a dictionary"
        given = {_norm(v) for v in items}
        spelt = {_norm(v): v for v in items}
        wanted = {_norm(v) for v in expected}
        missing, extra = wanted - given, given - wanted
        if not missing and not extra:
            return True, ""
        parts = []
        if missing:
            parts.append(f"{len(missing)} {'is' if len(missing) == 1 else 'are'} missing")
        if extra:
            parts.append(f"{len(extra)} should not be there ({_listing(spelt[v] for v in extra)})")
        return False, f"you have {len(given)}, the data has {len(wanted)}: " + " and ".join(parts)
    # mapping: every key of the expected answer, with its value (or one of its accepted values)
    given = _as_mapping(answer)
    if given is None:
        return False, "the answer should be a dictionary or a pandas Series (one value per key)"
    wrong = []
    for key, value in expected.items():
        got = given.get(_norm(key) if not isinstance(key, str) else key.casefold())
        accepted = {_norm(v) for v in (value if isinstance(value, set) else {value})}
        if got is None or _norm(got) not in accepted:
            wrong.append(f"{key}: {'missing' if got is None else repr(got)}")
    extra = [k for k in given if k not in {_norm(k) if not isinstance(k, str) else k.casefold() for k in expected}]
    if not wrong and not extra:
        return True, ""
    text = f"{len(wrong)} of {len(expected)} differ ({'; '.join(wrong[:3])}{'; …' if len(wrong) > 3 else ''})" if wrong else ""
    if extra:
        text += ("; " if text else "") + f"unexpected keys: {_listing(extra)}"
    return False, text


def _show(exercise: Exercise, expected) -> str:
    if isinstance(expected, Mapping):
        shown = ", ".join(f"{k}: {'/'.join(sorted(v)) if isinstance(v, set) else v}" for k, v in expected.items())
    elif isinstance(expected, set):
        shown = _listing(expected) if len(expected) != 1 else str(next(iter(expected)))
    else:
        shown = str(expected)
    return exercise.describe.format(answer=shown)


def _unanswered(answer) -> bool:
    """``...`` itself, or a list or dictionary that still holds one (a scaffold half filled in)."""
    if answer is ...:
        return True
    if isinstance(answer, Mapping):
        return any(v is ... for v in answer.values())
    return isinstance(answer, (list, tuple, set)) and any(v is ... for v in answer)


def check(exercise_id: str, answer, **params) -> Feedback:
    """Compare ``answer`` with the data's answer to exercise ``exercise_id`` and say so.

    ``params`` are the exercise's own choices (``day="2008-12-31"`` for "ch2-members-on").
    """
    if exercise_id not in EXERCISES:
        raise InputError(f"There is no exercise {exercise_id!r}; the exercises are: {', '.join(EXERCISES)}.")
    exercise = EXERCISES[exercise_id]
    if _unanswered(answer):
        return Feedback(exercise_id, False, UNANSWERED)
    expected = exercise.expected(**params)
    correct, why = _compare(exercise, answer, expected)
    if correct:
        return Feedback(exercise_id, True, f"{RIGHT}: {_show(exercise, expected)}.")
    return Feedback(exercise_id, False, f"{NOT_YET}: {why}. Look at this: {exercise.hint}.")
