"""The paper lesson pack (``data/lesson.yml``): the sentences the worksheet and the check use, the
framing cards, the timed plans, the written task with its rubric and example answers, and the
documents the pack prints. Checked against the other data files, so a sentence, an outlet or a
discussion question that does not exist, a plan whose minutes do not add up, or an example answer
outside the task's length stops with a message naming the file and the field."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from scobook.article import load_article
from scobook.claims import CLAIM_TYPES, DECISION_FLOW, STEPS, load_claims, load_perspectives
from scobook.errors import DataError
from scobook.facts import fill_all
from scobook.outlets import require_outlet
from scobook.paths import book_root, data_path
from scobook.reading import expect_type, mappings, read_yaml, require_url
from scobook.simulation import load_roles

LEVELS = (4, 3, 2, 1)
STEP_FIELDS = ("activity", "where", "students", "say")
DOCUMENT_FIELDS = ("page", "title", "for", "copies")
#: The pack's pages, in the book; a document's ``page`` is relative to this folder
#: (``../teachers-guide`` for a page of the book the pack also prints).
PACK_FOLDER = "chapters/pack"


def _text(path, where, value, field) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DataError(path, where, field, "missing or empty")
    return " ".join(value.split())


def _texts(path, where, value, field) -> list[str]:
    items = expect_type(path, value, list, where, field)
    if not items:
        raise DataError(path, where, field, "expected a non-empty list")
    return [_text(path, where, item, f"{field} item {n}") for n, item in enumerate(items, start=1)]


def _claim_ids(path, field, value, claims) -> list[str]:
    ids = expect_type(path, value, list, None, field)
    for claim_id in ids:
        if claim_id not in claims.index:
            raise DataError(path, None, field, f"{claim_id!r} is not an id of data/claims.csv")
    if len(set(ids)) != len(ids):
        raise DataError(path, None, field, "a sentence is listed twice")
    return ids


def article_sentence(paragraph: int, text: str, article=None) -> str:
    """The whole sentence of the article (in ¶``paragraph``) that holds ``text``, a claim that may
    be only a clause of it. ``article`` is the loaded article, if the caller has it."""
    article = article if article is not None else load_article()
    for sentence in re.split(r"(?<=[.!?])\s+", article.paragraph(int(paragraph))):
        if text.rstrip(".").strip() in sentence:
            return sentence
    raise KeyError(f"{text!r} is not in paragraph {paragraph}")


def _also_accept(path, part: str, value, ids, claims) -> None:
    """``worksheet.also_accept`` / ``check.also_accept``: deciding words the key accepts besides the
    claims table's, for sentences of that part, each made of words of its sentence."""
    also = expect_type(path, value, dict, None, f"{part}.also_accept")
    for claim_id, words in also.items():
        if claim_id not in ids:
            raise DataError(path, None, f"{part}.also_accept.{claim_id}", f"not a sentence of the {part}")
        for word in _texts(path, None, words, f"{part}.also_accept.{claim_id}"):
            if word.lower() not in claims.loc[claim_id, "sentence"].lower():
                raise DataError(path, None, f"{part}.also_accept.{claim_id}", f"{word!r} is not in the sentence")


def _sharing_a_sentence(ids, others, claims) -> tuple[str, str] | None:
    """The first pair (one of ``ids``, one of ``others``) of claims that are clauses of one sentence."""
    article = load_article()
    whole = {claim_id: article_sentence(claims.loc[claim_id, "paragraph"], claims.loc[claim_id, "sentence"], article)
             for claim_id in {*ids, *others}}
    for claim_id in ids:
        for other in others:
            if claim_id != other and whole[claim_id] == whole[other]:
                return claim_id, other
    return None


def load_lesson(path: str | Path | None = None) -> dict:
    """The lesson pack's data, checked; the claims of the worksheet and the check come back as
    rows of the claims table (``worksheet_rows``, ``modelled_row``, ``check_rows``)."""
    path = Path(path) if path is not None else data_path("lesson.yml")
    raw = fill_all(read_yaml(path), path)  # {{ as_of_sco_membership }} and the other facts of scobook.facts
    claims = load_claims().set_index("id", drop=False)

    worksheet = expect_type(path, raw.get("worksheet"), dict, None, "worksheet")
    sentences = _claim_ids(path, "worksheet.sentences", worksheet.get("sentences"), claims)
    modelled = worksheet.get("modelled")
    if modelled not in claims.index:
        raise DataError(path, None, "worksheet.modelled", f"{modelled!r} is not an id of data/claims.csv")
    if modelled in sentences:
        raise DataError(path, None, "worksheet.modelled", "the modelled sentence is also one the students classify")
    if len(sentences) != 6:
        raise DataError(path, None, "worksheet.sentences", f"the worksheet has six sentences; found {len(sentences)}")
    kinds = set(claims.loc[sentences, "type"])
    if len(kinds) < 3:
        raise DataError(path, None, "worksheet.sentences", f"choose sentences of at least three kinds; found {sorted(kinds)}")
    _also_accept(path, "worksheet", worksheet.get("also_accept", {}), sentences, claims)
    check = _claim_ids(path, "check.sentences", (raw.get("check") or {}).get("sentences"), claims)
    if set(check) & {modelled, *sentences}:
        raise DataError(path, None, "check.sentences", "the check must use sentences that are not on the worksheet")
    shared = _sharing_a_sentence(check, [modelled, *sentences], claims)
    if shared:
        raise DataError(path, None, "check.sentences", f"{shared[0]} is a clause of the same sentence as "
                                                       f"{shared[1]}, which the worksheet uses")
    if set(claims.loc[check, "type"]) != set(CLAIM_TYPES):
        raise DataError(path, None, "check.sentences", "the check has one sentence of each of the four kinds")
    _also_accept(path, "check", (raw.get("check") or {}).get("also_accept", {}), check, claims)

    evidence = _claim_ids(path, "evidence_table", raw.get("evidence_table"), claims)
    if set(evidence) & {modelled, *sentences, *check}:
        raise DataError(path, None, "evidence_table", "the evidence table is for the written task: leave out the "
                                                      "worksheet's, the check's and the modelled sentence")
    shared = _sharing_a_sentence(evidence, [modelled, *sentences, *check], claims)
    if shared:
        raise DataError(path, None, "evidence_table", f"{shared[0]} is a clause of the same sentence as "
                                                      f"{shared[1]}, which the worksheet or the check uses")
    missing = [c for c in evidence if not claims.loc[c, "evidence"]]
    if missing:
        raise DataError(path, None, "evidence_table", f"no evidence in data/claims.csv for {', '.join(missing)}")

    outlets = {p["outlet"]: p for p in load_perspectives()}
    cards = _texts(path, None, raw.get("framing_cards"), "framing_cards")
    for outlet in cards:
        if outlet not in outlets:
            raise DataError(path, None, "framing_cards", f"{outlet!r} is not a confirmed outlet of data/perspectives.yml; "
                                                          f"the outlets are: {', '.join(outlets)}")

    _texts(path, None, raw.get("exit_slip"), "exit_slip")
    per_page = raw.get("exit_slips_per_page")
    if not isinstance(per_page, int) or not 1 <= per_page <= 4:
        raise DataError(path, None, "exit_slips_per_page", "a whole number from 1 to 4")

    lateral = mappings(path, raw.get("lateral_reading"), None, "lateral_reading")
    for n, item in enumerate(lateral, start=1):
        where = f"lateral_reading item {n}"
        for field in ("who", "publisher", "text", "source"):
            _text(path, where, item.get(field), field)
        require_url(path, where, "source", item["source"])
        require_outlet(path, where, "source", item["source"])

    lessons = mappings(path, raw.get("lessons"), None, "lessons")
    for n, lesson in enumerate(lessons, start=1):
        where = f"lesson {lesson.get('id') or n}"
        for field in ("id", "title", "before", "network"):
            _text(path, where, lesson.get(field), field)
        if lesson["network"] not in ("none", "optional"):
            raise DataError(path, where, "network", "'none' (a paper lesson) or 'optional' (screens if they work)")
        steps = mappings(path, lesson.get("steps"), where, "steps")
        for s, step in enumerate(steps, start=1):
            if not isinstance(step.get("minutes"), int) or step["minutes"] < 1:
                raise DataError(path, f"{where}, step {s}", "minutes", "a whole number of minutes, at least 1")
            for field in STEP_FIELDS:
                if not isinstance(step.get(field), str):
                    raise DataError(path, f"{where}, step {s}", field, "expected text (\"\" if there is none)")
        spare = lesson.setdefault("spare", 0)
        if not isinstance(spare, int) or spare < 0:
            raise DataError(path, where, "spare", "a whole number of minutes kept in hand (0 or more)")
        total = sum(step["minutes"] for step in steps) + spare
        if total != lesson.get("minutes"):
            raise DataError(path, where, "steps", f"the steps and {spare} spare minutes add up to {total}; "
                                                  f"the lesson has {lesson.get('minutes')}")

    for field in ("chair_script", "class_norms", "debrief"):
        _texts(path, None, raw.get(field), field)
    listen_for = expect_type(path, raw.get("listen_for", {}), dict, None, "listen_for")
    for lesson_id, boxes in listen_for.items():
        if lesson_id not in {lesson["id"] for lesson in lessons}:
            raise DataError(path, None, f"listen_for.{lesson_id}", "not the id of a lesson")
        for n, box in enumerate(mappings(path, boxes, None, f"listen_for.{lesson_id}"), start=1):
            for field in ("box", "points"):
                _text(path, f"listen_for.{lesson_id} item {n}", box.get(field), field)
    task = _load_task(path, raw.get("task"), claims, [modelled, *sentences, *check], evidence)
    _load_reflection(path, raw.get("reflection"), task["criteria"])
    documents = _load_documents(path, raw.get("documents"), {lesson["id"] for lesson in lessons})
    return {**raw, "task": task, "documents": documents,
            "worksheet_rows": [claims.loc[c] for c in sentences], "modelled_row": claims.loc[modelled],
            "check_rows": [claims.loc[c] for c in check],
            "evidence_rows": [claims.loc[c] for c in evidence],
            "framing": [outlets[o] for o in cards]}


def _load_task(path, task, claims, worksheet, evidence_ids=()) -> dict:
    task = expect_type(path, task, dict, None, "task")
    _text(path, "task", task.get("prompt"), "prompt")
    words = task.get("words")
    if not (isinstance(words, list) and len(words) == 2 and all(isinstance(w, int) for w in words) and words[0] < words[1]):
        raise DataError(path, "task", "words", "two whole numbers, the shortest and the longest answer, e.g. [250, 350]")
    for field in ("steps", "citing", "frames"):
        _texts(path, "task", task.get(field), field)
    for field in ("evidence", "stretch"):
        _text(path, "task", task.get(field), field)
    rubric = mappings(path, task.get("rubric"), "task", "rubric")
    criteria = []
    for row in rubric:
        name = _text(path, "task, rubric", row.get("criterion"), "criterion")
        criteria.append(name)
        for voice in ("teacher", "student"):
            levels = expect_type(path, row.get(voice), dict, f"task, rubric {name!r}", voice)
            if set(levels) != set(LEVELS):
                raise DataError(path, f"task, rubric {name!r}", voice, "needs levels 4, 3, 2 and 1")
            for level in LEVELS:
                _text(path, f"task, rubric {name!r}", levels[level], f"{voice}.{level}")
    for n, example in enumerate(mappings(path, task.get("examples"), "task", "examples"), start=1):
        where = f"task, example {n}"
        if example.get("claim") not in claims.index:
            raise DataError(path, where, "claim", f"{example.get('claim')!r} is not an id of data/claims.csv")
        if example["claim"] in worksheet or example["claim"] in evidence_ids:
            raise DataError(path, where, "claim", "an example answer must use a sentence that is on no student sheet "
                                                  "(students would copy it)")
        scores = expect_type(path, example.get("scores"), dict, where, "scores")
        if list(scores) != criteria:
            raise DataError(path, where, "scores", f"one score per criterion of the rubric, in its order: {', '.join(criteria)}")
        for name, value in scores.items():
            if not (isinstance(value, list) and len(value) == 2 and value[0] in LEVELS and isinstance(value[1], str)):
                raise DataError(path, where, f"scores.{name}", "a level (1-4) and the reason for it: [3, \"...\"]")
        if example.get("level") not in LEVELS:
            raise DataError(path, where, "level", "the level the example illustrates, 1-4")
        counted = len(_text(path, where, example.get("text"), "text").split())
        if not task["words"][0] <= counted <= task["words"][1]:
            raise DataError(path, where, "text", f"{counted} words; the task asks for {task['words'][0]}-{task['words'][1]}")
    return {**task, "criteria": criteria}


#: The simulation's reflection asks for "about 250 words": its example stays within this range.
REFLECTION_WORDS = (200, 300)


def _load_reflection(path, value, criteria) -> None:
    reflection = expect_type(path, value, dict, None, "reflection")
    _text(path, "reflection", reflection.get("prompt"), "prompt")
    marked = _texts(path, "reflection", reflection.get("criteria"), "criteria")
    unknown = set(marked) - set(criteria)
    if unknown:
        raise DataError(path, "reflection", "criteria", f"not rows of the task's rubric: {', '.join(sorted(unknown))}")
    example = expect_type(path, reflection.get("example"), dict, "reflection", "example")

    states = {role["iso3"] for role in load_roles()["roles"]}
    if example.get("state") not in states:
        raise DataError(path, "reflection, example", "state", f"{example.get('state')!r} is not a state with a role card")
    scores = expect_type(path, example.get("scores"), dict, "reflection, example", "scores")
    if list(scores) != marked:
        raise DataError(path, "reflection, example", "scores", f"one score per marked criterion: {', '.join(marked)}")
    for name, score in scores.items():
        if not (isinstance(score, list) and len(score) == 2 and score[0] in LEVELS and isinstance(score[1], str)):
            raise DataError(path, "reflection, example", f"scores.{name}", "a level (1-4) and the reason for it")
    counted = len(_text(path, "reflection, example", example.get("text"), "text").split())
    if not REFLECTION_WORDS[0] <= counted <= REFLECTION_WORDS[1]:
        raise DataError(path, "reflection, example", "text", f"{counted} words; the reflection asks for about 250 "
                                                             f"({REFLECTION_WORDS[0]}-{REFLECTION_WORDS[1]})")


def _load_documents(path, value, lesson_ids) -> list[dict]:
    documents = mappings(path, value, None, "documents")
    for n, document in enumerate(documents, start=1):
        where = f"document {document.get('page') or n}"
        for field in DOCUMENT_FIELDS:
            _text(path, where, document.get(field), field)
        if document["for"] not in ("teacher", "students"):
            raise DataError(path, where, "for", "'teacher' or 'students'")
        if document.get("lesson") not in lesson_ids:
            raise DataError(path, where, "lesson", f"one of {', '.join(sorted(lesson_ids))}")
        pack = book_root() / PACK_FOLDER
        source = (pack / f"{document['page']}.md").resolve()
        if not source.is_file() or not source.is_relative_to(pack.parent.resolve()):
            raise DataError(path, where, "page", f"no page chapters/pack/{document['page']}.md (a page of the pack, "
                                                 "or ../name for a page of the book's chapters/ folder)")
        if not isinstance(document.get("pages"), int) or document["pages"] < 1:
            raise DataError(path, where, "pages", "the number of A4 pages it prints on (measured by tests/test_pack.py)")
    return documents


@functools.cache
def shipped_lesson() -> dict:
    """The book's own lesson pack, loaded once."""
    return load_lesson()


def worked_example(row) -> list[tuple[int, str, str]]:
    """The model applied to one claim, step by step until the first "yes": ``(step number,
    question, answer)``. What the teacher says when modelling a sentence, and the worksheet's
    example row."""
    answer_step = STEPS[row["type"]]
    walk = []
    for step in DECISION_FLOW:
        if step.number < answer_step.number:
            walk.append((step.number, step.question, "No."))
        elif step.number == answer_step.number:
            walk.append((step.number, step.question, f"Yes: \u201c{row['deciding_word']}\u201d. Stop: "
                                                     f"{'an' if row['type'][0] in 'aeiou' else 'a'} {row['type']}."))
            break
    return walk


def modelling_script(row) -> str:
    """What the teacher says to model ``row`` (the run sheet's "Model one sentence" step): the
    model's questions in order up to the first "yes", and any judgement word it passes over."""
    walk = " ".join(f"{n}. {_short_question(question)} {answer}" for n, question, answer in worked_example(row))
    later = [s for s in DECISION_FLOW if s.number > STEPS[row["type"]].number]
    words = [cue for s in later for cue in s.cues if re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", row["sentence"], re.I)]
    listed = " and ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(words))
    tail = (f" {listed} {'is a judgement word' if len(words) == 1 else 'are judgement words'}, but we stopped at "
            "the first yes." if words else "")
    return f"Point to [{EXAMPLE_MARK}] in ¶{row['paragraph']} and think aloud: {walk}{tail}"


#: The example sentence's mark in the annotated article and on the worksheet.
EXAMPLE_MARK = "E"


def _short_question(question: str) -> str:
    """The model's question in a few words, for a script read aloud ("Should?")."""
    return {"recommendation": "Does it say what someone should do?", "prediction": "Will something happen?",
            "fact": "Checkable without judging?"}.get(
        next((s.kind for s in DECISION_FLOW if s.question == question), ""), question)
