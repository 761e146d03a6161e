"""Words explained where they stand (issue 24): the glossary holds the words a 15-18-year-old
reader may not know, every page links a word where it first appears to its glossary entry, and
each chapter page lists its words; all made from data/glossary.yml and the article's word bank."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import assert_rejected
from scobook.glossary import load_glossary, term_id

#: Words issue 24's student did not know, from the passage, the quizzes and the notebooks.
STUDENT_WORDS = ["enlargement", "acquainted with", "capitalize on", "cohesion", "strike a balance", "facilitate",
                 "bloc", "Sino-Russian", "backbone", "accession", "endorse", "consensus", "status period", "mask",
                 "assert", "NaT", "memorandum", "hatching", "small multiples", "as of", "WDI (World Development Indicators)",
                 "GDP (current US$)", "folded", "index (of a table)", "crosstab", "borne out", "framing", "outlet"]


def test_the_glossary_explains_every_word_the_student_met():
    known = {entry["term"].lower() for entry in load_glossary()}
    assert [w for w in STUDENT_WORDS if w.lower() not in known] == []


def test_a_word_may_not_be_both_in_the_glossary_and_in_the_word_bank(tmp_path):
    assert_rejected(load_glossary, tmp_path / "g.yml",
                    "terms:\n- term: cohesion\n  kind: word\n  definition: how well a group holds together\n",
                    "also in the article's word bank")


@pytest.mark.parametrize(("body", "expected"), [
    ("terms:\n- term: x\n  kind: verb\n  definition: d\n", "field 'kind': 'verb'; expected one of term, word"),
    ("terms:\n- term: x\n  definition: d\n", "field 'source': missing or empty"),  # a term needs its source
    ("terms:\n- term: x\n  kind: word\n  definition: d\n  match: [1]\n", "field 'match'"),
])
def test_a_broken_entry_is_rejected(tmp_path, body, expected):
    assert_rejected(load_glossary, tmp_path / "g.yml", body, expected)


def links(html_dir, page):
    soup = BeautifulSoup((html_dir / page).read_text(encoding="utf-8"), "html.parser")
    return soup, [(a.get_text(), a["href"]) for a in soup.select("article a.sco-word")]


@pytest.mark.parametrize("page", ["chapters/01-article/index.html", "chapters/02-membership/membership.html",
                                  "chapters/05-reading-critically/claims.html"])
def test_a_page_links_each_word_once_to_its_glossary_entry(html_dir, page):
    soup, found = links(html_dir, page)
    assert len(found) >= 8
    glossary = BeautifulSoup((html_dir / "chapters" / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    anchors = {element["id"] for element in glossary.select("[id]")}
    targets = [href.split("#")[1] for _, href in found]
    assert len(targets) == len(set(targets)), "a word is linked once a page, where it first appears"
    assert set(targets) <= anchors
    assert all(href.startswith("../glossary.html#") or href.startswith("glossary.html#") for _, href in found)
    for a in soup.select("a.sco-word"):  # never inside a heading, a code block or another link
        assert not a.find_parent(["h1", "h2", "h3", "pre", "code"]) and a.parent.name != "a"


def test_the_article_links_its_hard_words_to_their_meanings(html_dir):
    _, found = links(html_dir, "chapters/01-article/index.html")
    words = {text.lower() for text, _ in found}
    assert {"cohesion", "capitalize on", "acquainted with", "strike a balance", "sino-russian"} <= words


@pytest.mark.parametrize("chapter", ["01-article", "02-membership", "03-shanghai-spirit", "04-eurasian-integration",
                                     "05-reading-critically"])
def test_each_chapter_page_has_its_words_box(html_dir, chapter):
    soup = BeautifulSoup((html_dir / "chapters" / chapter / "index.html").read_text(encoding="utf-8"), "html.parser")
    box = soup.select_one("dl.sco-chapter-words")
    assert box is not None and box.find_parent("details") is not None
    summary = box.find_parent("details").select_one("summary").get_text()
    assert re.match(r"Words for this chapter \(\d+\)", summary)
    for link in box.select("dt a"):
        assert link["href"].endswith("#" + term_id(link.get_text()))
