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
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import pandas as pd

from scobook.article import load_article, load_name_list
from scobook.blocs import BLOCS, load_blocs, load_initiatives, members_of
from scobook.claims import CLAIM_TYPES, load_claims
from scobook.errors import InputError
from scobook.membership import ARTICLE_DATE, changes_between, counts_by_year, members_on, shipped_membership, status_on
from scobook.paths import BUILD_VARIABLE, in_book_build  # noqa: F401  (tests read BUILD_VARIABLE here)
from scobook.spirit import PRINCIPLE_IDS, load_principles, principle_matrix
from scobook.text import WORD, count_terms, sentences

RIGHT = "Right"
NOT_YET = "Not yet"
UNANSWERED = ("Not yet: replace the ... with your answer, then run the cell again "
              "(the worked solution is below, folded).")
#: What an unanswered exercise says in the online book, where nothing runs (the book's build
#: executes the notebooks with $SCOBOOK_BUILD set; scobook.sphinx): a direction, not a red cross.
IN_THE_BOOK = ("This is your cell: in Jupyter, replace the ... with your answer and run it to check it. "
               "To run it, open the notebook with the rocket button at the top of the page.")


@dataclass(frozen=True)
class Exercise:
    """One exercise: what kind of answer it takes, how to compute the expected one, a hint that
    points to the idea (not to a method's name), the answer in words for the "Right" message, the
    likely mix-ups the checker can recognise in a wrong answer, and the words an answer may use."""

    id: str
    kind: str  # "number", "text", "set" or "mapping"
    expected: Callable[..., object]
    hint: str
    describe: str  # the answer in words, used in the "Right" message: "{answer}"
    #: given a wrong answer (a plain value) and the exercise's parameters, a sentence naming the
    #: mix-up it shows ("26 looks like a row number"), or None
    mixup: Callable[..., str | None] | None = None
    #: for a set or a mapping, the words its items (or values) may be, and what they are called
    vocabulary: Callable[[], tuple[str, list[str]]] | None = None


@dataclass(frozen=True)
class Feedback:
    """What :func:`check` returns: true if right; shows one sentence in Jupyter and the book."""

    exercise: str
    correct: bool
    message: str
    neutral: bool = False  # a direction (the online book), neither right nor wrong

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        mark = "\u2192" if self.neutral else "\u2713" if self.correct else "\u2717"
        kind = "info" if self.neutral else "right" if self.correct else "not-yet"
        # `code` in a message shows as code, not as backticks
        text = re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(self.message))
        return (f'<div class="sco-check sco-check-{kind}" role="status" '
                f'style="border-left:4px solid currentColor;padding:0.3em 0.7em;margin:0.3em 0">'
                f'<span aria-hidden="true">{mark}</span> {text}</div>')


# --- the data, loaded once per kernel -------------------------------------------------------

def _membership():

    return shipped_membership()  # the same cached table the quizzes use


@cache
def _paragraphs() -> pd.DataFrame:

    return load_article().paragraphs


def _today() -> pd.Timestamp:
    return _membership().attrs["as_of"]  # the date the data was checked up to


def _sco_members_today() -> set[str]:

    on = status_on(_membership(), _today())
    return set(on.loc[on["status"] == "member", "iso3"])


# --- expected answers, one function per exercise ---------------------------------------------

def _security_per_paragraph() -> dict[int, int]:

    return {int(n): count_terms(text, ["security"], case_sensitive=False)
            for n, text in zip(_paragraphs()["n"], _paragraphs()["text"])}


def _longest_sentence_paragraph() -> set[int]:

    lengths = [(len(WORD.findall(s)), int(n)) for n, text in zip(_paragraphs()["n"], _paragraphs()["text"])
               for s in sentences(text)]
    longest = max(length for length, _ in lengths)
    return {n for length, n in lengths if length == longest}


def _paragraphs_naming(name: str = "Russia") -> int:

    names = load_name_list()
    row = names[names["name"] == name]
    if row.empty:
        raise InputError(f"{name!r} is not in the name list; the names are: {', '.join(names['name'])}.")
    patterns = row["patterns"].iloc[0].split("|")
    return sum(count_terms(text, patterns) > 0 for text in _paragraphs()["text"])


def _members_on(day="2005-12-31") -> set[str]:

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(day).strip()):
        raise InputError(f"{day!r} is not a date the way the data writes them: use year-month-day, "
                         f"for example \"2009-12-31\" for 31 December 2009.")
    return set(members_on(_membership(), day))


def _new_members_since_article() -> set[str]:

    changes = changes_between(_membership(), ARTICLE_DATE, _today())
    return set(changes.loc[changes["after"] == "member", "country"])


def _dialogue_partner_peak() -> set[int]:

    counts = counts_by_year(_membership(), today=_today().date())
    peak = counts["dialogue_partner"].max()
    return {int(y) for y in counts.loc[counts["dialogue_partner"] == peak, "year"]}


def _principle_terms() -> dict[str, list[str]]:

    return {p["id"]: p["terms"] for p in load_principles()}


def _principle_matrix():

    return principle_matrix(_paragraphs(), _principle_terms())


def _most_widespread_principle() -> set[str]:
    spread = (_principle_matrix() > 0).sum()
    return set(spread[spread == spread.max()].index)


def _paragraphs_without_principle() -> set[int]:
    matrix = _principle_matrix()
    return {int(n) for n in matrix.index[matrix.sum(axis=1) == 0]}


def _principle_total(principle: str = "mutual_benefit") -> int:

    if principle not in PRINCIPLE_IDS:
        raise InputError(f"{principle!r} is not one of the six principles; use one of: {', '.join(PRINCIPLE_IDS)}.")
    return int(_principle_matrix()[principle].sum())


def _shared_members() -> dict[str, int]:

    return {bloc: len(_sco_members_in(bloc)) for bloc in BLOCS}


def _bloc_sharing_most() -> set[str]:
    shared = _shared_members()
    return {bloc for bloc, n in shared.items() if n == max(shared.values())}


def _sco_members_in(bloc: str = "EAEU") -> set[str]:

    return _sco_members_today() & set(members_of(load_blocs(), bloc, _today()))


def _initiatives_before_article() -> int:

    return int((load_initiatives()["date"] < ARTICLE_DATE).sum())


def _claims():

    return load_claims()


def _claims_by_type(first: int = 10, last: int = 15) -> dict[str, int]:
    """Claims per type in paragraphs ``first`` to ``last`` (the article's recommendations, ¶10-¶15)."""
    claims = _claims()
    part = claims[claims["paragraph"].astype(int).between(int(first), int(last))]
    return {str(k): int(v) for k, v in part["type"].value_counts().items()}


def _paragraph_most_claims() -> set[int]:
    per = _claims()["paragraph"].astype(int).value_counts()
    return {int(n) for n in per.index[per == per.max()]}


def _classify_paragraph(paragraph: int = 7) -> dict[str, set[str]]:
    claims = _claims()
    rows = claims[claims["paragraph"].astype(int) == int(paragraph)]
    if rows.empty:
        raise InputError(f"the claims table has no claim in ¶{paragraph}; paragraphs with claims: "
                         f"{', '.join(sorted(set(claims['paragraph'].astype(str)), key=int))}.")
    return {row.id: {row.type} for row in rows.itertuples()}


def _statuses() -> tuple[str, list[str]]:
    return "statuses", sorted(_membership()["status"].astype(str).unique())


def _kinds() -> tuple[str, list[str]]:

    return "kinds", list(CLAIM_TYPES)


def _peak_mixup(given, **_) -> str | None:

    counts = counts_by_year(_membership(), today=_today().date())
    if given == int(counts["dialogue_partner"].max()):
        return f"{given} is the largest number of dialogue partners; the question asks for the year it happened"
    if 0 <= given < len(counts):
        return (f"{given} looks like a row number (a row label of the table, its index), not a year: "
                "take the year from that row's year column")
    return None


def _paragraph_mixup(given, **_) -> str | None:
    paragraphs = len(_paragraphs())
    if given > paragraphs:
        return f"the article has {paragraphs} paragraphs, so {given} cannot be a paragraph number: is it a count?"
    return None


def _busiest_paragraph_mixup(given, **_) -> str | None:
    claims = _claims()
    per = claims["paragraph"].astype(int).value_counts()
    if given == int(per.max()) and given not in per.index[per == per.max()]:
        return f"{given} is how many claims the busiest paragraph holds; the question asks which paragraph it is"
    if len(_paragraphs()) < given < len(claims):
        return (f"{given} looks like a row number of the claims table (its index), not a paragraph: "
                "take the paragraph column's value in that row")
    return _paragraph_mixup(given)


def _longest_sentence_mixup(given, **_) -> str | None:

    longest = max(len(WORD.findall(s)) for text in _paragraphs()["text"] for s in sentences(text))
    if given == longest:
        return f"{given} is the number of words in the longest sentence; the question asks for its paragraph"
    return _paragraph_mixup(given)


EXERCISES: dict[str, Exercise] = {e.id: e for e in [
    Exercise("ch1-security-per-paragraph", "mapping", _security_per_paragraph,
             "count the word in every paragraph, as a whole word in upper or lower case; a paragraph "
             "without it counts 0, and each count belongs to its paragraph number",
             "{answer}"),
    Exercise("ch1-longest-sentence", "number", _longest_sentence_paragraph,
             "split each paragraph into sentences, count the words of each sentence, and keep the "
             "number of the paragraph that holds the longest one",
             "the longest sentence is in ¶{answer}", mixup=_longest_sentence_mixup),
    Exercise("ch1-paragraphs-naming", "number", _paragraphs_naming,
             "a paragraph names the state when it mentions it at least once; count paragraphs, not mentions",
             "{answer} paragraphs", mixup=lambda given, **_: _paragraph_mixup(given)),
    Exercise("ch2-members-on", "set", _members_on,
             "keep the periods that cover your day (they started on or before it and had not ended), "
             "then those whose status counts as membership: a member, or one of the Shanghai Five",
             "{answer}", vocabulary=_statuses),
    Exercise("ch2-new-members", "set", _new_members_since_article,
             "compare each state's status on the article's day with its status now, and keep the "
             "states that are members now",
             "{answer}", vocabulary=_statuses),
    Exercise("ch2-dialogue-partner-peak", "number", _dialogue_partner_peak,
             "find the largest number of dialogue partners in the table of counts, then the year of "
             "the row where it occurs: a year, not the row's number",
             "dialogue partners peaked in {answer}", mixup=_peak_mixup),
    Exercise("ch3-most-widespread", "text", _most_widespread_principle,
             "for each principle, count the paragraphs that use it at least once, and keep the "
             "principle used in most paragraphs; give its id, for example \"equality\"",
             "{answer}"),
    Exercise("ch3-no-principle", "set", _paragraphs_without_principle,
             "add up each paragraph's row of the matrix and keep the paragraphs whose total is 0",
             "{answer}"),
    Exercise("ch3-principle-total", "number", _principle_total,
             "add up one principle's column of the matrix, made with the book's term lists, not your own",
             "{answer} times"),
    Exercise("ch4-bloc-sharing-most", "text", _bloc_sharing_most,
             "for each bloc, count the states that are in both the bloc and the SCO's members today "
             "(the overlap table above), and keep the bloc with the most; give its short name, "
             "for example \"BRICS\"",
             "{answer}"),
    Exercise("ch4-members-in-bloc", "set", _sco_members_in,
             "keep the SCO members today that are also in the bloc today; give three-letter codes, "
             "for example [\"RUS\", ...]",
             "{answer}"),
    Exercise("ch4-initiatives-before", "number", _initiatives_before_article,
             "count the events dated before the article's day",
             "{answer} events"),
    Exercise("ch5-claims-by-type", "mapping", _claims_by_type,
             "keep the claims of paragraphs 10 to 15, then count how many there are of each type, "
             "starting again from the claims table",
             "{answer}", vocabulary=_kinds),
    Exercise("ch5-paragraph-most-claims", "number", _paragraph_most_claims,
             "count the claims in each paragraph, and keep the paragraph (not the count) with the most",
             "¶{answer}", mixup=_busiest_paragraph_mixup),
    Exercise("ch5-classify", "mapping", _classify_paragraph,
             "for the sentence that differs, go through the model's four questions in order and stop "
             "at the first yes: does it say what someone should do? what will happen? could you check "
             "it without judging anything? otherwise it judges. Which word decided it?",
             "{answer}", vocabulary=_kinds),
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


def _plain(value) -> str:
    """A value as a student wrote it, without numpy's wrapping: 14, 'Iran', 2015-12-31."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else f"{float(value):g}"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, str):
        return f"'{value}'"
    return str(value)


def _listing(values) -> str:
    values = sorted(values, key=lambda v: (isinstance(v, str), str(v)))
    return ", ".join(_plain(v) if not isinstance(v, str) else v for v in values)


def _codes_for_names(values) -> dict[str, str]:
    """{code: name} for the values that are three-letter codes of the membership data (BLR: Belarus)."""
    names = dict(zip(_membership()["iso3"], _membership()["country"]))
    return {v: names[v.strip().upper()] for v in values if isinstance(v, str) and v.strip().upper() in names}


def _outside_vocabulary(exercise: Exercise, values) -> str | None:
    """"'opinon' is not one of the kinds: ..." for the first word an answer may not use."""
    if exercise.vocabulary is None:
        return None
    name, words = exercise.vocabulary()
    allowed = {w.casefold() for w in words}
    for value in values:
        if isinstance(value, str) and value.strip().casefold() not in allowed:
            return f"'{value}' is not one of the {name} in the data (check the spelling): {', '.join(words)}"
    return None


def _compare(exercise: Exercise, answer, expected, params) -> tuple[bool, str]:
    """(right?, what to say) for one answer."""
    if exercise.kind in ("number", "text"):
        wanted = {_norm(v) for v in (expected if isinstance(expected, set) else {expected})}
        items = _as_collection(answer)
        if items and len(items) > 1 and all(_norm(i) in wanted for i in items):
            return True, ""  # every one of them is a right answer (a tie)
        if items is None or len(items) != 1:
            what = "number" if exercise.kind == "number" else "name"
            shape = "a table" if isinstance(answer, (pd.DataFrame, pd.Series)) else f"{len(items)} values" if items else "nothing"
            return False, f"the answer should be one {what}, and yours is {shape}"
        given = _norm(items[0])
        if exercise.kind == "number" and not isinstance(given, int):
            return False, f"the answer should be a whole number, not {_plain(items[0])}"
        if given in wanted:
            return True, ""
        mixup = exercise.mixup(given, **params) if exercise.mixup and isinstance(given, int) else None
        return False, mixup or f"{_plain(items[0])} is not the answer"
    if exercise.kind == "set":
        items = _as_collection(answer)
        if items is None:
            return False, "the answer should be a list of names, not a table or a dictionary"
        wanted = {_norm(v) for v in expected}
        items = [i for i in items if i is not None and not (isinstance(i, str) and not i.strip())]
        if not items and wanted:
            if exercise.vocabulary is not None:
                name, words = exercise.vocabulary()
                return False, (f"your answer is empty, so the condition you wrote matched no row. Check which "
                               f"{name} count (the hint) and the values you compared with: the {name} in the data "
                               f"are {', '.join(words)}")
            return False, "your answer is empty, so the condition you wrote matched no row"
        given = {_norm(v) for v in items}
        spelt = {_norm(v): v for v in items}
        missing, extra = wanted - given, given - wanted
        if not missing and not extra:
            return True, ""
        spelt_expected = {_norm(v): v for v in expected}
        codes = _codes_for_names(spelt[v] for v in extra)
        if codes and {_norm(n) for n in codes.values()} & missing:
            return False, (f"{_listing(codes)} {'is a code' if len(codes) == 1 else 'are codes'}; the question "
                           "asks for the states' names as the data writes them (the country column)")
        parts = []
        if missing and len(given & wanted) >= len(wanted) / 2:  # name them once half the answer is there
            parts.append(f"{len(missing)} {'is' if len(missing) == 1 else 'are'} missing "
                         f"({_listing(spelt_expected[v] for v in missing)})")
        elif missing:
            parts.append(f"{len(missing)} {'is' if len(missing) == 1 else 'are'} missing")
        if extra and len(extra) <= len(given & wanted) + 1:  # a long list of extras gives the answer away
            parts.append(f"{len(extra)} should not be there ({_listing(spelt[v] for v in extra)})")
        elif extra:
            parts.append(f"{len(extra)} should not be there")
        return False, f"you have {len(given)}, the data has {len(wanted)}: " + " and ".join(parts)
    # mapping: every key of the expected answer, with its value (or one of its accepted values)
    given = _as_mapping(answer)
    if given is None:
        return False, "the answer should be a dictionary or a pandas Series (one value for each key)"
    outside = _outside_vocabulary(exercise, given.values())
    if exercise.vocabulary is not None and not outside:
        name, words = exercise.vocabulary()
        if {str(k).casefold() for k in expected} <= {w.casefold() for w in words}:  # the keys are the words
            outside = _outside_vocabulary(exercise, given.keys())
    if outside:
        return False, outside
    wrong, missing = [], []
    for key, value in expected.items():
        got = given.get(_norm(key) if not isinstance(key, str) else key.casefold())
        accepted = {_norm(v) for v in (value if isinstance(value, set) else {value})}
        if got is None:
            missing.append(_plain(key) if not isinstance(key, str) else key)
        elif _norm(got) not in accepted:
            wrong.append(f"{key}: {_plain(got)}")
    expected_keys = {_norm(k) if not isinstance(k, str) else k.casefold() for k in expected}
    extra = [k for k in given if k not in expected_keys and _norm(given[k]) != 0]  # a 0 count may stay
    if not wrong and not missing and not extra:
        return True, ""
    parts = []
    if wrong:
        verb = "differs" if len(wrong) == 1 else "differ"
        parts.append(f"{len(wrong)} of {len(expected)} {verb} from the data (yours: {'; '.join(wrong[:3])}{'; …' if len(wrong) > 3 else ''})")
    if missing:
        parts.append(f"{len(missing)} {'is' if len(missing) == 1 else 'are'} missing ({', '.join(map(str, missing))})")
    if extra:
        parts.append(f"{_listing(extra)} should not be in the answer")
    return False, "; ".join(parts)


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
        if in_book_build():
            return Feedback(exercise_id, False, IN_THE_BOOK, neutral=True)
        return Feedback(exercise_id, False, UNANSWERED)
    expected = exercise.expected(**params)
    correct, why = _compare(exercise, answer, expected, params)
    if correct:
        return Feedback(exercise_id, True, f"{RIGHT}: {_show(exercise, expected)}.")
    hint = exercise.hint if exercise.hint.endswith("?") else exercise.hint + "."
    return Feedback(exercise_id, False, f"{NOT_YET}: {why}{'' if why.endswith('?') else '.'} Hint: {hint}")
