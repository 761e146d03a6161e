"""The Shanghai Spirit (``data/shanghai_spirit.yml``): six principles with their Chinese and
Russian wordings, the variants in official texts, an explanation, an example, the terms used to
find them in the article, the paragraphs that invoke them, and evidence from practice."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from scobook.article import ARTICLE_PARAGRAPHS, PARAGRAPH_COUNT
from scobook.errors import DataError, InputError
from scobook.outlets import label
from scobook.paths import data_path
from scobook.reading import expect_type, is_url, mappings, read_yaml, require_url
from scobook.text import count_terms, highlight_terms

PRINCIPLE_IDS = ("mutual_trust", "mutual_benefit", "equality", "consultation",
                 "respect_for_diversity", "common_development")


def load_principles(path: str | Path | None = None) -> list[dict]:
    """The six principles, in the order the article lists them, each checked."""
    path = Path(path) if path is not None else data_path("shanghai_spirit.yml")
    principles = mappings(path, read_yaml(path).get("principles"), None, "principles")
    ids = [p.get("id") for p in principles]
    if ids != list(PRINCIPLE_IDS):
        raise DataError(path, None, "principles", f"expected the ids {', '.join(PRINCIPLE_IDS)} in that order, got {ids}")
    with_practice = 0
    for principle in principles:
        where = f"principle '{principle['id']}'"
        for field in ("name_en", "name_zh", "name_ru", "explanation", "term_search_caveat"):
            if field == "term_search_caveat":
                if principle.get(field) is not None:
                    expect_type(path, principle[field], str, where, field)
                continue
            if not isinstance(principle.get(field), str) or not principle[field].strip():
                raise DataError(path, where, field, "missing or empty")
        wordings = principle.get("wordings")
        if not isinstance(wordings, list) or not wordings:
            raise DataError(path, where, "wordings", "needs at least one wording from an official text")
        for n, wording in enumerate(wordings, start=1):
            expect_type(path, wording, dict, where, f"wordings[{n}]")
            for field in ("text", "document", "year", "source"):
                if not wording.get(field):
                    raise DataError(path, where, f"wordings[{n}].{field}", "missing or empty")
            require_url(path, where, f"wordings[{n}].source", wording["source"])
        example = expect_type(path, principle.get("example") or {}, dict, where, "example")
        if not example.get("text") or not is_url(example.get("source", "")):
            raise DataError(path, where, "example", "needs a text and a source URL")
        terms = principle.get("terms")
        if not isinstance(terms, list) or not terms or any(not isinstance(t, str) or t != t.lower() or not t.strip() for t in terms):
            raise DataError(path, where, "terms", "needs a list of lower-case words or phrases")
        paragraphs = principle.get("paragraphs")
        if not isinstance(paragraphs, list) or any(p not in ARTICLE_PARAGRAPHS for p in paragraphs):
            raise DataError(path, where, "paragraphs", f"must list article paragraph numbers between 1 and {PARAGRAPH_COUNT}")
        practice = principle.get("practice")
        if practice:
            expect_type(path, practice, dict, where, "practice")
            for side in ("supports", "complicates"):
                item = expect_type(path, practice.get(side) or {}, dict, where, f"practice.{side}")
                if not item.get("text") or not is_url(item.get("source", "")):
                    raise DataError(path, where, f"practice.{side}", "needs a text and a source URL")
            with_practice += 1
    if with_practice < 3:
        raise DataError(path, None, "practice", f"at least three principles need evidence from practice; {with_practice} have it")
    return principles


def principle_matrix(paragraphs: pd.DataFrame, terms: dict[str, list[str]]) -> pd.DataFrame:
    """How often each principle's terms occur in each paragraph (case-insensitive, whole words).

    ``paragraphs`` has columns ``n`` and ``text``; ``terms`` maps a principle id to its term list.
    Returns a table with one row per paragraph (index ``n``) and one column per principle.
    A key that is not one of the six principle ids, or a term list that is not a list of words,
    raises an :class:`InputError` saying what is allowed.
    """
    for pid, words in terms.items():
        if pid not in PRINCIPLE_IDS:
            raise InputError(f"{pid!r} is not one of the six principles; use one of: {', '.join(PRINCIPLE_IDS)}.")
        if isinstance(words, str) or not all(isinstance(w, str) and w.strip() for w in words):
            raise InputError(f"the terms for {pid!r} should be a list of words in quotes, for example "
                             f'["equal", "equality"]; got {words!r}.')
    table = pd.DataFrame(
        {pid: [count_terms(text, words, case_sensitive=False) for text in paragraphs["text"]]
         for pid, words in terms.items()},
        index=pd.Index(paragraphs["n"], name="paragraph"),
    )
    return table


def principle_card_html(principle: dict, paragraphs: pd.DataFrame) -> str:
    """A principle's card: its names in English, Chinese and Russian, its wordings in official
    texts, a plain explanation, an example, and the article's paragraphs that invoke it with the
    principle's terms marked. All text from the data file is escaped."""
    import html


    esc = html.escape
    wordings = "".join(
        f'<li>&ldquo;{esc(w["text"])}&rdquo; &mdash; {esc(w["document"])} ({esc(str(w["year"]))}), '
        f'<a href="{esc(w["source"])}">Source: {esc(label(w["source"]))}</a></li>'
        for w in principle["wordings"]
    )
    quoted = "".join(
        f'<li><strong>¶{n}</strong> {highlight_terms(text, principle["terms"])}</li>'
        for n, text in zip(paragraphs["n"], paragraphs["text"]) if n in principle["paragraphs"]
    )
    example = principle["example"]
    return (
        f'<section class="spirit-card" aria-label="{esc(principle["name_en"])}">'
        f'<h3>{esc(principle["name_en"].capitalize())}</h3>'
        f'<p>Chinese: <span lang="zh">{esc(principle["name_zh"])}</span> &middot; '
        f'Russian: <span lang="ru">{esc(principle["name_ru"])}</span></p>'
        f'<p>{esc(principle["explanation"])}</p>'
        f'<p><strong>Example.</strong> {esc(example["text"])} <a href="{esc(example["source"])}">Source: {esc(label(example["source"]))}</a>.</p>'
        f"<details><summary>Wordings in official texts</summary><ul>{wordings}</ul></details>"
        f'<p><strong>Where the article invokes it</strong> (terms searched: {esc(", ".join(principle["terms"]))}):</p>'
        f"<ul>{quoted or '<li>No paragraph, in our reading.</li>'}</ul></section>"
    )
