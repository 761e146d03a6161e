"""The claims table (``data/claims.csv``): sentences of the article classified as fact, opinion,
prediction or recommendation, with the reasoning and, for facts and predictions, the evidence
available now."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from scobook.article import load_article
from scobook.errors import DataError, InputError
from scobook.paths import data_path
from scobook.reading import mappings, read_yaml, require_url
from scobook.tables import read_csv_strict

CLAIM_TYPES = ("fact", "opinion", "prediction", "recommendation")
#: The book's one model: a sentence has a *kind* (type); factual claims are checked against the
#: evidence (accurate / partly / inaccurate) and predictions against events (borne out ...).
#: Opinions (evaluations) and recommendations have no outcome: they are judged by argument.
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
    "opinion": "Opinion: judged by argument, not by evidence",
    "recommendation": "Recommendation: judged by argument, not by evidence",
}


#: The decision flow a student follows for one sentence (or clause), in this order. It is the
#: book's only statement of the model: chapter 5 and the handout render it (``{claim-model}``).
DECISION_FLOW = (
    ("Does it say what someone should do (\u201cshould\u201d, \u201cmust\u201d, \u201cit is vital that\u201d)?",
     "recommendation", "Judge it by its argument: who benefits, and what would it cost?"),
    ("Does it say what will happen (\u201cwill\u201d, \u201cis set to\u201d)?",
     "prediction", "Check it later: borne out, partly borne out, not borne out, or too early to say."),
    ("Could you check it against a record (a date, a number, a document) without weighing anything?",
     "fact", "A factual claim is checkable, not necessarily true: check it (accurate, partly accurate, inaccurate)."),
    ("Otherwise it judges, praises or explains (\u201cmajor\u201d, \u201chuge\u201d, \u201cremarkable\u201d).",
     "opinion", "An opinion (an evaluation): judge it by the argument and evidence offered, not as true or false."),
)
KIND_LABELS = {"fact": "F: factual claim", "opinion": "O: opinion (evaluation)", "prediction": "P: prediction",
               "recommendation": "R: recommendation"}


def outcome_label(kind: str, outcome: str) -> str:
    """What a reader sees in the outcome column: "Accurate", "Partly borne out", or, for an
    opinion or a recommendation, that it is judged by argument."""
    return OUTCOME_LABELS[outcome] if outcome else NO_OUTCOME_LABELS[kind]


def load_claims(path: str | Path | None = None) -> pd.DataFrame:
    """``id, paragraph, sentence, type, reasoning, evidence, evidence_source, also_accepted,
    also_because, outcome, as_of``. ``also_accepted`` names a second defensible kind for a
    borderline sentence, and ``also_because`` the argument for it.

    Every sentence must appear word for word in its paragraph of the article; facts and
    predictions must carry evidence with a source."""
    path = Path(path) if path is not None else data_path("claims.csv")
    table = read_csv_strict(path, required=("id", "paragraph", "sentence", "type", "reasoning", "evidence",
                                            "evidence_source", "also_accepted", "also_because", "outcome", "as_of"))
    article = load_article()
    seen = {}
    for row, record in enumerate(table.to_dict("records"), start=2):
        for field in ("id", "paragraph", "sentence", "type", "reasoning"):
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
        allowed = OUTCOMES[record["type"]]
        if record["outcome"] not in allowed:
            expected = ("empty: an opinion or a recommendation is judged by argument" if allowed == ("",)
                        else f"one of {', '.join(allowed)}")
            raise DataError(path, row, "outcome", f"outcome {record['outcome']!r} does not fit the type {record['type']!r}; expected {expected}")
        if record["also_accepted"] and (record["also_accepted"] not in CLAIM_TYPES or record["also_accepted"] == record["type"]):
            raise DataError(path, row, "also_accepted", f"{record['also_accepted']!r} must be another of {', '.join(CLAIM_TYPES)}")
        if bool(record["also_accepted"]) != bool(record["also_because"]):
            raise DataError(path, row, "also_because", "an accepted alternative needs its argument, and an argument its alternative")
        if record["type"] in ("fact", "prediction") and not (record["evidence"] and record["evidence_source"]):
            raise DataError(path, row, "evidence_source", f"a {record['type']} needs evidence and its source")
    table["paragraph"] = table["paragraph"].astype(int)
    return table


def compare_readings(claims: pd.DataFrame, mine: dict[str, str]) -> pd.DataFrame:
    """A student's classification beside the book's: one row per sentence with ``sentence``,
    ``yours``, ``ours``, ``also accepted``, ``our reasoning`` and ``then`` (agree / an accepted
    reading / "you differ: argue your case"). There is no mark: differences are for discussion."""
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
        then = ("same reading" if kind == row["type"] else
                f"an accepted reading: {row['also_because']}" if kind == row["also_accepted"] else
                "you differ: argue your case in one sentence")
        rows.append({"¶": row["paragraph"], "sentence": row["sentence"], "yours": kind, "ours": row["type"],
                     "also accepted": row["also_accepted"] or "-", "our reasoning": row["reasoning"], "then": then})
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
