"""The glossary (``data/glossary.yml``) and the discussion questions (``data/discussion.yml``),
each used on more than one page (glossary, handout, teacher's guide)."""

from __future__ import annotations

from pathlib import Path

from scobook.article import ARTICLE_PARAGRAPHS, PARAGRAPH_COUNT
from scobook.errors import DataError
from scobook.paths import data_path
from scobook.reading import expect_type, mappings, read_yaml, require_url


def _load_list(path: Path, key: str) -> list[dict]:
    return mappings(path, read_yaml(path).get(key), None, key)


def load_glossary(path: str | Path | None = None) -> list[dict]:
    """Terms with ``term, definition, zh, ru, source`` (and optional ``unconfirmed``: which of
    zh/ru could not be confirmed), sorted alphabetically."""
    path = Path(path) if path is not None else data_path("glossary.yml")
    terms, seen = _load_list(path, "terms"), set()
    for n, entry in enumerate(terms, start=1):
        where = f"term {entry.get('term')!r}" if entry.get("term") else f"term {n}"
        for field in ("term", "definition", "source"):
            if not str(entry.get(field) or "").strip():
                raise DataError(path, where, field, "missing or empty")
            expect_type(path, entry[field], str, where, field)
        require_url(path, where, "source", entry["source"])
        if entry["term"].lower() in seen:
            raise DataError(path, where, "term", "duplicate term")
        seen.add(entry["term"].lower())
        unconfirmed = expect_type(path, entry.get("unconfirmed") or [], list, where, "unconfirmed")
        if not set(map(str, unconfirmed)) <= {"zh", "ru"}:
            raise DataError(path, where, "unconfirmed", "may list only zh and ru")
    return sorted(terms, key=lambda t: t["term"].strip('"').lower())


def load_discussion(path: str | Path | None = None) -> list[dict]:
    """Discussion questions: ``id, chapter, question, teacher_notes, paragraphs``."""
    path = Path(path) if path is not None else data_path("discussion.yml")
    questions = _load_list(path, "questions")
    for n, entry in enumerate(questions, start=1):
        where = f"question {entry.get('id') or n!r}"
        for field in ("id", "chapter", "question", "teacher_notes"):
            if not str(entry.get(field) or "").strip():
                raise DataError(path, where, field, "missing or empty")
        if any(p not in ARTICLE_PARAGRAPHS for p in expect_type(path, entry.get("paragraphs", []), list, where, "paragraphs")):
            raise DataError(path, where, "paragraphs", f"must be article paragraphs 1-{PARAGRAPH_COUNT}")
    return questions
