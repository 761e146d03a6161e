"""The article loader and the word lists: the real data loads, bad input names file, row and field."""

import textwrap

import pytest

from conftest import ROOT
from scobook.article import load_article, load_name_list, load_stopwords
from scobook.errors import DataError

GOOD_HEADER = """\
title: T
author: A
author_note: N
outlet: O
published: 2018-06-06
genre: opinion
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def test_the_shipped_article_has_fifteen_numbered_paragraphs():
    article = load_article()
    assert list(article.paragraphs["n"]) == list(range(1, 16))
    assert article.paragraph(1).startswith("The Shanghai Cooperation Organization Summit in Qingdao")
    assert "soul of the organization" in article.paragraph(14)
    assert article.citation() == 'Xing Guangcheng, "Sino-Russian ties backbone of SCO", China Daily, 6 June 2018'


def test_the_web_page_leftovers_are_gone():
    text = " ".join(load_article().paragraphs["text"])
    for leftover in ("Adjust font size", "Comment(s)", "Print E-mail", "ChinaNews App", "Follow on Twitter"):
        assert leftover not in text


def test_asking_for_a_missing_paragraph_says_which_exist():
    with pytest.raises(KeyError, match="¶1 to ¶15"):
        load_article().paragraph(16)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (GOOD_HEADER.replace("author: A\n", ""), "field 'author': missing or empty"),
        (GOOD_HEADER.replace("2018-06-06", "6 June 2018") + "paragraphs:\n  - {n: 1, text: x}\n", "field 'published': expected an ISO date"),
        (GOOD_HEADER + "paragraphs:\n  - {n: 1, text: x}\n  - {n: 3, text: y}\n", "row 2, field 'n': paragraph numbers must run 1, 2, 3"),
        (GOOD_HEADER + "paragraphs:\n  - {n: 1, text: '  '}\n", "row 1, field 'text': missing or empty"),
        (GOOD_HEADER + "paragraphs: [\n", "not valid YAML"),
    ],
    ids=["missing-author", "bad-date", "gap-in-numbers", "empty-text", "broken-yaml"],
)
def test_bad_article_files_are_rejected_with_file_row_and_field(tmp_path, body, expected):
    path = write(tmp_path, "article.yml", body)
    with pytest.raises(DataError) as error:
        load_article(path)
    assert str(error.value).startswith(str(path))
    assert expected in str(error.value)


def test_name_list_loads_and_every_name_has_patterns():
    names = load_name_list()
    assert {"China", "Russia", "India", "Pakistan"} <= set(names["name"])
    assert (names["patterns"].str.len() > 0).all()


@pytest.mark.parametrize(
    ("csv", "expected"),
    [
        ("name,kind\nChina,country\n", "row 1, field 'patterns': missing column(s): patterns"),
        ("name,kind,patterns\nChina,nation,China\n", "row 2, field 'kind': unknown kind 'nation'"),
        ("name,kind,patterns\nChina,country,China||PRC\n", "row 2, field 'patterns': an empty pattern"),
        ("name,kind,patterns\nChina,country,China\nChina,country,PRC\n", "row 3, field 'name': duplicate name 'China'"),
        ("name,kind,patterns\nChina,country\n", "row 2: has 2 fields, the header has 3"),
    ],
    ids=["missing-column", "unknown-kind", "empty-pattern", "duplicate", "short-row"],
)
def test_bad_name_lists_are_rejected(tmp_path, csv, expected):
    path = write(tmp_path, "names.csv", csv)
    with pytest.raises(DataError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        load_name_list(path)


def test_stopwords_skip_comments_and_reject_non_words(tmp_path):
    assert {"the", "and", "of"} <= load_stopwords()
    assert "china" not in load_stopwords()
    path = write(tmp_path, "stop.txt", "# comment\nthe\nnot a word\n")
    with pytest.raises(DataError, match="row 3, field 'word'"):
        load_stopwords(path)


def test_readability_counts_words_sentences_and_syllables():
    from scobook.text import readability, sentences, syllables

    assert sentences("The cat sat. The dog ran! Did it? \u201cYes.\u201d") == ["The cat sat.", "The dog ran!", "Did it?", "\u201cYes.\u201d"]
    assert [syllables(w) for w in ("cat", "summit", "make", "table", "the", "organisation")] == [1, 2, 1, 2, 1, 5]
    figures = readability(["The cat sat. The dog ran."])
    assert (figures["words"], figures["sentences"]) == (6, 2)
    assert abs(figures["grade"] - (0.39 * 3 + 11.8 * 1 - 15.59)) < 1e-9


def test_the_guide_prints_the_readability_computed_from_the_article(html_dir):
    from scobook.text import readability

    figures = readability(list(load_article().paragraphs["text"]))
    page = (html_dir / "chapters" / "teachers-guide.html").read_text()
    assert f"The article has {figures['words']} words in {figures['sentences']} sentences" in page
    assert f"Flesch-Kincaid grade is {figures['grade']:.0f}" in page


def test_every_paragraph_has_a_summary_and_the_word_bank_words_occur_where_it_says(tmp_path):
    article = load_article()
    assert set(article.summaries) == set(article.paragraphs["n"])
    assert len(article.word_bank) >= 8
    path = tmp_path / "a.yml"
    text = (ROOT / "data" / "article.yml").read_text().replace('{term: "inked (an agreement)"', '{term: "signed off (an agreement)"')
    path.write_text(text)
    with pytest.raises(DataError, match="'signed off' does not occur in ¶4"):
        load_article(path)
