"""Quiz questions computed from the book's data (``computed: {generator: NAME, ...}`` in a bank):
their prompt, options and feedback are made from ``data/`` when the bank is loaded, so the answers
cannot drift from the data. :data:`GENERATORS` names them; :data:`GENERATOR_DATA` says which data
files each reads."""

from __future__ import annotations

from scobook.claims import STEPS, load_claims
from scobook.membership import (
    PARTNER_STATUS_DATE,
    STATUS_LABELS,
    STATUS_PHRASES,
    members_on,
    shipped_membership,
    status_on,
)
from scobook.text import long_date as _day

#: The four answers of a "fact_or_opinion" question, in the order the model asks about them.
FACT_OR_OPINION = ("Fact", "Opinion", "Prediction", "Recommendation")


def _membership():
    """The membership table, read once (a bank computes many questions from it)."""

    return shipped_membership()



def members_on_date(date) -> dict:
    """How many members on a date? Options: the right count and three neighbours."""

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


GENERATORS = {
    "classify_claim": classify_claim,
    "members_on_date": members_on_date,
    "status_of_country": status_of_country,
    "joined_as_member_in": joined_as_member_in,
    "partners_on_date": partners_on_date,
}
