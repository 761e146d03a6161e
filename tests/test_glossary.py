"""Glossary and discussion questions: shipped files load; bad entries name file, entry and field."""

import pytest

from conftest import assert_rejected
from scobook.chapters import book_chapters
from scobook.errors import DataError
from scobook.glossary import load_discussion, load_glossary


def test_glossary_has_the_key_terms_with_chinese_forms():
    terms = {t["term"]: t for t in load_glossary()}
    assert len(terms) >= 20
    assert terms["Shanghai Spirit"]["zh"] == "上海精神"
    assert [t for t in terms if t.lower().startswith("sco partner")]


def test_discussion_questions_cover_every_chapter():
    assert {q["chapter"] for q in load_discussion()} == {c.folder for c in book_chapters()}


@pytest.mark.parametrize(("body", "expected"), [
    ("terms:\n  - {term: SCO, definition: '', source: https://x}\n", "term 'SCO', field 'definition': missing or empty"),
    ("terms:\n  - {term: SCO, definition: d, source: a book}\n", "term 'SCO', field 'source': should be the URL of the publisher's page"),
    ("terms:\n  - {term: SCO, definition: d, source: https://x}\n  - {term: sco, definition: d, source: https://y}\n",
     "term 'sco', field 'term': duplicate term"),
    ("terms:\n  - {term: SCO, definition: d, source: https://x, unconfirmed: [fr]}\n", "field 'unconfirmed'"),
    ("terms: []\n", "field 'terms': expected a non-empty list"),
])
def test_bad_glossary_is_rejected(tmp_path, body, expected):
    assert_rejected(load_glossary, tmp_path / "g.yml", body, expected)


def test_bad_discussion_question_is_rejected(tmp_path):
    path = tmp_path / "d.yml"
    path.write_text("questions:\n  - {id: d1, chapter: 1, question: q, teacher_notes: n, paragraphs: [20]}\n")
    with pytest.raises(DataError, match="question 'd1', field 'paragraphs'"):
        load_discussion(path)
