"""The glossary (``data/glossary.yml``) and the discussion questions (``data/discussion.yml``),
each used on more than one page (glossary, handout, teacher's guide)."""

from __future__ import annotations

from pathlib import Path

import yaml

from scobook.errors import DataError
from scobook.paths import data_path


def _load_list(path: Path, key: str) -> list[dict]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DataError(path, None, None, f"not valid YAML ({exc})") from exc
    items = raw.get(key)
    if not isinstance(items, list) or not items:
        raise DataError(path, None, key, "expected a non-empty list")
    return items


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
        if not str(entry["source"]).startswith("http"):
            raise DataError(path, where, "source", "should be a URL")
        if entry["term"].lower() in seen:
            raise DataError(path, where, "term", "duplicate term")
        seen.add(entry["term"].lower())
        unconfirmed = entry.get("unconfirmed") or []
        if not set(unconfirmed) <= {"zh", "ru"}:
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
        if any(p not in range(1, 16) for p in entry.get("paragraphs", [])):
            raise DataError(path, where, "paragraphs", "must be article paragraphs 1-15")
    return questions
