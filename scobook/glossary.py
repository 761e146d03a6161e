"""The glossary (``data/glossary.yml``) and the discussion questions (``data/discussion.yml``),
each used on more than one page (glossary, handout, teacher's guide)."""

from __future__ import annotations

from pathlib import Path

from scobook.article import ARTICLE_PARAGRAPHS, PARAGRAPH_COUNT, load_article
from scobook.errors import DataError
from scobook.facts import fill_all
from scobook.paths import data_path
from scobook.reading import expect_type, mappings, read_yaml, require_url


def _load_list(path: Path, key: str) -> list[dict]:
    return mappings(path, read_yaml(path).get(key), None, key)


KINDS = ("term", "word")


def load_glossary(path: str | Path | None = None, *, with_word_bank: bool = True) -> list[dict]:
    """Entries with ``term, kind, definition, forms`` (the words the book links to the entry)
    and, for a ``term`` of the SCO's vocabulary, ``zh, ru, source`` (and optional ``unconfirmed``:
    which of zh/ru could not be confirmed), sorted alphabetically. A ``word`` is a word for reading
    (a plain definition, no source); the article's word bank (``data/article.yml``) joins them, each
    with the ¶ it comes from, unless ``with_word_bank`` is false."""
    path = Path(path) if path is not None else data_path("glossary.yml")
    terms, seen = _load_list(path, "terms"), set()
    for n, entry in enumerate(terms, start=1):
        where = f"term {entry.get('term')!r}" if entry.get("term") else f"term {n}"
        entry.setdefault("kind", "term")
        if entry["kind"] not in KINDS:
            raise DataError(path, where, "kind", f"{entry['kind']!r}; expected one of {', '.join(KINDS)}")
        required = ("term", "definition", "source") if entry["kind"] == "term" else ("term", "definition")
        for field in required:
            if not str(entry.get(field) or "").strip():
                raise DataError(path, where, field, "missing or empty")
            expect_type(path, entry[field], str, where, field)
        if entry["kind"] == "term":
            require_url(path, where, "source", entry["source"])
        if entry["term"].lower() in seen:
            raise DataError(path, where, "term", "duplicate term")
        seen.add(entry["term"].lower())
        unconfirmed = expect_type(path, entry.get("unconfirmed") or [], list, where, "unconfirmed")
        if not set(map(str, unconfirmed)) <= {"zh", "ru"}:
            raise DataError(path, where, "unconfirmed", "may list only zh and ru")
        match = expect_type(path, entry.get("match") or [], list, where, "match")
        if any(not isinstance(form, str) or not form.strip() for form in match):
            raise DataError(path, where, "match", "a list of words or phrases as they appear in the text")
        entry["forms"] = match or [entry["term"].split(" (")[0].strip('"')]
    if with_word_bank:

        for word in load_article().word_bank:
            name = word["term"]
            if name.lower() in seen:
                raise DataError(path, f"term {name!r}", "term", "also in the article's word bank (data/article.yml); "
                                                                 "keep one of them")
            seen.add(name.lower())
            meaning = word["meaning"]  # written for the handout's margin: "make use of"; a glossary writes sentences
            meaning = meaning[:1].upper() + meaning[1:] + ("" if meaning.endswith((".", "?", "!")) else ".")
            terms.append({"term": name, "kind": "word", "definition": meaning, "paragraph": word["paragraph"],
                          "forms": [name.split(" (")[0]]})
    return sorted(terms, key=lambda t: t["term"].strip('"').lower())


def form_pattern(form: str):
    """A glossary word or phrase as a whole word; case-sensitive only when it has capitals (GDP, NaT)."""
    import re

    flags = 0 if any(c.isupper() for c in form) else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", flags)


def words_in(text: str, kinds: tuple[str, ...] = ("word",)) -> list[dict]:
    """The glossary's entries of ``kinds`` (words for reading by default; ``("term", "word")`` for
    the SCO's terms too) that ``text`` uses, in the glossary's order."""
    return [entry for entry in load_glossary() if entry["kind"] in kinds
            and any(form_pattern(form).search(text) for form in entry["forms"])]


def term_id(term: str) -> str:
    """The anchor of a glossary entry on the glossary page: ``term-cohesion``."""
    from docutils.nodes import make_id

    return make_id(f"term-{term}")


def load_discussion(path: str | Path | None = None) -> list[dict]:
    """Discussion questions: ``id, chapter, question, teacher_notes, paragraphs``."""
    path = Path(path) if path is not None else data_path("discussion.yml")
    questions = fill_all(_load_list(path, "questions"), path, "questions")  # {{ chapter_article }} and the facts
    for n, entry in enumerate(questions, start=1):
        where = f"question {entry.get('id') or n!r}"
        for field in ("id", "chapter", "question", "teacher_notes"):
            if not str(entry.get(field) or "").strip():
                raise DataError(path, where, field, "missing or empty")
        if any(p not in ARTICLE_PARAGRAPHS for p in expect_type(path, entry.get("paragraphs", []), list, where, "paragraphs")):
            raise DataError(path, where, "paragraphs", f"must be article paragraphs 1-{PARAGRAPH_COUNT}")
    return questions
