"""The claims table (``data/claims.csv``): sentences of the article classified as fact, opinion,
prediction or recommendation, with the reasoning and, for facts and predictions, the evidence
available now."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from scobook.article import load_article
from scobook.errors import DataError, InputError
from scobook.paths import data_path
from scobook.reading import mappings, read_csv_strict, read_yaml, require_url

CLAIM_TYPES = ("fact", "opinion", "prediction", "recommendation")
#: The book's one model: a sentence has a *kind* (type); factual claims are checked against the
#: evidence (accurate / partly / inaccurate) and predictions against events (borne out ...).
#: Opinions (evaluations) and recommendations get no verdict: the table says what happened since
#: (or what evidence there is to weigh), and the reader judges the argument.
OUTCOMES = {
    "fact": ("accurate", "partly_accurate", "inaccurate"),
    "prediction": ("borne_out", "partly_borne_out", "not_borne_out", "too_early"),
    "opinion": ("",),
    "recommendation": ("",),
}
OUTCOME_LABELS = {
    "accurate": "Accurate", "partly_accurate": "Partly accurate", "inaccurate": "Inaccurate",
    "borne_out": "Borne out", "partly_borne_out": "Partly borne out", "not_borne_out": "Not borne out",
    "too_early": "Too early to say",
}
NO_OUTCOME_LABELS = {
    "opinion": "Opinion: no verdict; weigh its argument and the evidence",
    "recommendation": "Recommendation: no verdict; see what happened since",
}
#: Words that open a verdict; an opinion's or a recommendation's evidence must not start with one
#: (it says what happened since, or what there is to weigh, and leaves the judging to the reader).
VERDICT_WORDS = ("accurate", "inaccurate", "partly", "broadly", "followed", "not followed", "borne out",
                 "achieved", "right", "wrong", "true", "false", "correct")


@dataclass(frozen=True)
class Step:
    """One question of the model: its number, the question, the kind a "yes" gives, the cue words
    that make the answer "yes" (for the opinion step: judgement words the article uses), and what
    to do with a sentence of that kind."""

    number: int
    question: str
    kind: str
    cues: tuple[str, ...]
    then: str


#: The decision flow a student follows for one sentence (or clause), in this order: stop at the
#: first "yes". It is the book's only statement of the model: chapter 5, the handout, the worksheet
#: and the quizzes' feedback render it (``{claim-model}``), and the claims table is checked against
#: its cue words (tests/test_claim_model.py).
DECISION_FLOW = (
    Step(1, "Does it say what someone should do?", "recommendation",
         ("should", "must", "ought to", "need to", "needs to", "would require", "it is vital that",
          "it is of vital importance that"),
         "Judge its argument: who benefits, and what would it cost? Then look at what happened since."),
    Step(2, "Does it say what will happen?", "prediction",
         ("will", "is set to", "is expected to", "is going to"),
         "Check it later: borne out, partly borne out, not borne out, or too early to say."),
    Step(3, "Could you check it against a record (a date, a number, a document) without weighing or "
            "judging anything?", "fact", (),
         "A factual claim is checkable, not necessarily true: check it (accurate, partly accurate, inaccurate)."),
    Step(4, "Otherwise it judges, praises or explains: find the judgement word.", "opinion",
         ("great", "major", "close", "sound and constructive", "on an equal footing", "huge", "vital",
          "won them the trust", "soul", "most prominent", "remarkable"),
         "An opinion (an evaluation): no verdict of true or false; weigh its argument and the evidence."),
)
STEPS = {step.kind: step for step in DECISION_FLOW}
#: The cue words the model prints beside each question, as examples.
CUE_EXAMPLES = {"recommendation": ("should", "must", "it is vital that", "it is of vital importance that"),
                "prediction": ("will", "is set to"),
                "opinion": ("major", "huge", "remarkable")}
KIND_LABELS = {"fact": "F: factual claim", "opinion": "O: opinion (evaluation)", "prediction": "P: prediction",
               "recommendation": "R: recommendation"}


def cues_in(text: str, kind: str) -> list[str]:
    """The cue words of ``kind``'s step found in ``text`` (whole words, any case)."""
    return [cue for cue in STEPS[kind].cues if re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", text, re.I)]


def model_kind(sentence: str) -> Step:
    """The step at which the model's cue words say "yes" for ``sentence``: a recommendation cue
    first, then a prediction cue; with neither, a judgement word makes it an opinion, and a
    sentence with none of these is a factual claim. A check of the table, not a classifier: a
    judgement word the article has not used is not on the list."""
    for kind in ("recommendation", "prediction", "opinion"):
        if cues_in(sentence, kind):
            return STEPS[kind]
    return STEPS["fact"]


def outcome_label(kind: str, outcome: str) -> str:
    """What a reader sees in the outcome column: "Accurate", "Partly borne out", or, for an
    opinion or a recommendation, that it gets no verdict."""
    return OUTCOME_LABELS[outcome] if outcome else NO_OUTCOME_LABELS[kind]


COLUMNS = ("id", "paragraph", "sentence", "type", "deciding_word", "reasoning", "evidence", "evidence_source",
           "outcome", "as_of")


def load_claims(path: str | Path | None = None) -> pd.DataFrame:
    """``id, paragraph, sentence, type, deciding_word, reasoning, evidence, evidence_source,
    outcome, as_of``. ``deciding_word`` is the word or phrase of the sentence that decides its
    kind (the cue, or for a fact the part you would check).

    Every sentence must appear word for word in its paragraph of the article; facts and
    predictions must carry evidence with a source; an opinion's or recommendation's evidence must
    not open with a verdict."""
    path = Path(path) if path is not None else data_path("claims.csv")
    table = read_csv_strict(path, required=COLUMNS)
    article = load_article()
    seen = {}
    for row, record in enumerate(table.to_dict("records"), start=2):
        for field in ("id", "paragraph", "sentence", "type", "deciding_word", "reasoning"):
            if not record[field]:
                raise DataError(path, row, field, "missing or empty")
        if record["id"] in seen:
            raise DataError(path, row, "id", f"duplicate id {record['id']!r} (first in row {seen[record['id']]})")
        seen[record["id"]] = row
        if not record["paragraph"].isdigit() or not 1 <= int(record["paragraph"]) <= len(article.paragraphs):
            raise DataError(path, row, "paragraph", f"{record['paragraph']!r} is not a paragraph of the article (1-{len(article.paragraphs)})")
        if record["sentence"] not in article.paragraph(int(record["paragraph"])):
            raise DataError(path, row, "sentence", f"not found word for word in ¶{record['paragraph']}")
        if record["type"] not in CLAIM_TYPES:
            raise DataError(path, row, "type", f"unknown type {record['type']!r}; expected one of {', '.join(CLAIM_TYPES)}")
        if record["deciding_word"] not in record["sentence"]:
            raise DataError(path, row, "deciding_word", f"{record['deciding_word']!r} is not in the sentence")
        allowed = OUTCOMES[record["type"]]
        if record["outcome"] not in allowed:
            expected = ("empty: an opinion or a recommendation gets no verdict" if allowed == ("",)
                        else f"one of {', '.join(allowed)}")
            raise DataError(path, row, "outcome", f"outcome {record['outcome']!r} does not fit the type {record['type']!r}; expected {expected}")
        if record["type"] in ("fact", "prediction") and not (record["evidence"] and record["evidence_source"]):
            raise DataError(path, row, "evidence_source", f"a {record['type']} needs evidence and its source")
        if record["type"] in ("opinion", "recommendation"):
            opening = re.sub(r"^(since 2018|evidence to weigh|for discussion):\s*", "", record["evidence"].lower())
            verdict = next((w for w in VERDICT_WORDS if re.match(rf"{w}\b", opening)), None)
            if verdict:
                raise DataError(path, row, "evidence", f"an {record['type']}'s evidence says what happened since, "
                                                       f"with no verdict; it opens with {verdict!r}")
    table["paragraph"] = table["paragraph"].astype(int)
    return table


def compare_readings(claims: pd.DataFrame, mine: dict[str, str]) -> pd.DataFrame:
    """A student's classification beside the book's: one row per sentence with ``sentence``,
    ``yours``, ``ours``, ``deciding word``, ``our reasoning`` and ``then`` (the same reading, or
    "you differ: argue your case"). There is no mark: differences are for discussion."""
    table = claims.set_index("id")
    rows = []
    for claim_id, kind in mine.items():
        if claim_id not in table.index:
            raise InputError(f"{claim_id!r} is not a claim id; use one of {', '.join(table.index)} "
                             f"(the 'id' column of data/claims.csv).")
        kind = str(kind).strip().lower()
        if kind not in CLAIM_TYPES:
            raise InputError(f"{kind!r} is not a kind; write one of {', '.join(CLAIM_TYPES)}.")
        row = table.loc[claim_id]
        step = STEPS[row["type"]]
        then = ("same reading" if kind == row["type"] else
                f"you differ: our step {step.number} said yes because of \u201c{row['deciding_word']}\u201d; "
                "argue your case in one sentence")
        rows.append({"¶": row["paragraph"], "sentence": row["sentence"], "yours": kind, "ours": row["type"],
                     "deciding word": row["deciding_word"], "our reasoning": row["reasoning"], "then": then})
    return pd.DataFrame(rows)


def load_perspectives(path: str | Path | None = None) -> list[dict]:
    """Other framings of the 2018 summit (``data/perspectives.yml``): only confirmed items,
    each with outlet, country, date, title, URL, a summary and how it contrasts with the article."""
    path = Path(path) if path is not None else data_path("perspectives.yml")
    items = mappings(path, read_yaml(path).get("perspectives"), None, "perspectives")
    confirmed = []
    for n, item in enumerate(items, start=1):
        where = f"perspective {n}"
        for field in ("outlet", "country", "date", "title", "url", "outlet_type", "summary", "contrast"):
            if not str(item.get(field) or "").strip():
                raise DataError(path, where, field, "missing or empty")
        require_url(path, where, "url", item["url"])
        if item.get("confirmed") is True:
            confirmed.append(item)
    if len(confirmed) < 2:
        raise DataError(path, None, "perspectives", "at least two confirmed perspectives are needed")
    return confirmed
