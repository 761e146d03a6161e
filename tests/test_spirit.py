"""The Shanghai Spirit data and the principle-by-paragraph analysis (hand-checked counts)."""

import pytest
import yaml

from scobook.article import load_article
from scobook.errors import DataError
from scobook.paths import data_path
from scobook.spirit import PRINCIPLE_IDS, load_principles, principle_card_html, principle_matrix
from scobook.text import count_terms, highlight_terms


@pytest.fixture(scope="module")
def matrix():
    principles = load_principles()
    return principle_matrix(load_article().paragraphs, {p["id"]: p["terms"] for p in principles})


def test_six_principles_with_chinese_names_in_the_articles_order():
    principles = load_principles()
    assert [p["id"] for p in principles] == list(PRINCIPLE_IDS)
    assert [p["name_zh"] for p in principles] == ["互信", "互利", "平等", "协商", "尊重多样文明", "谋求共同发展"]


def test_paragraph_10_names_each_principle_once(matrix):
    assert matrix.loc[10].to_dict() == dict.fromkeys(PRINCIPLE_IDS, 1)


def test_paragraph_13_hand_checked(matrix):
    # "mutual benefit on an equal footing ... respect for diversity and inclusiveness ... the trust and esteem"
    assert matrix.loc[13].to_dict() == {"mutual_trust": 1, "mutual_benefit": 1, "equality": 1, "consultation": 0,
                                        "respect_for_diversity": 2, "common_development": 0}


def test_equally_is_not_equality_and_development_counts_twice_in_15(matrix):
    # "Equally important" must not count as equality; "smooth development" and "areas of development" do count
    assert matrix.loc[15, "equality"] == 0
    assert matrix.loc[15, "common_development"] == 2


def test_longest_term_wins_so_mutual_trust_counts_once():
    assert count_terms("a relationship of mutual trust and trust", ["trust", "mutual trust"], case_sensitive=False) == 2
    assert count_terms("Mutual Trust", ["mutual trust"], case_sensitive=False) == 1
    assert count_terms("Mutual Trust", ["mutual trust"]) == 0


def test_cards_escape_text_and_mark_terms():
    principle = {**load_principles()[0], "explanation": "<script>alert(1)</script>"}
    card = principle_card_html(principle, load_article().paragraphs)
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert '<span lang="zh">互信</span>' in card and "<mark>mutual trust</mark>" in card
    assert highlight_terms("a < b trust", ["trust"]) == "a &lt; b <mark>trust</mark>"


def broken(tmp_path, change):
    raw = yaml.safe_load(data_path("shanghai_spirit.yml").read_text())
    change(raw)
    path = tmp_path / "spirit.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True))
    return path


CASES = {
    "wrong-order": (lambda r: r["principles"].reverse(), "field 'principles': expected the ids"),
    "no-chinese": (lambda r: r["principles"][1].update(name_zh=""), "principle 'mutual_benefit', field 'name_zh': missing or empty"),
    "wording-without-source": (lambda r: r["principles"][2]["wordings"][0].update(source=""),
                               "principle 'equality', field 'wordings[1].source': missing or empty"),
    "upper-case-term": (lambda r: r["principles"][3].update(terms=["Consultation"]), "principle 'consultation', field 'terms'"),
    "paragraph-out-of-range": (lambda r: r["principles"][4].update(paragraphs=[16]), "principle 'respect_for_diversity', field 'paragraphs'"),
    "example-without-source": (lambda r: r["principles"][5]["example"].update(source="a book"), "principle 'common_development', field 'example'"),
    "too-little-practice": (lambda r: [p.pop("practice", None) for p in r["principles"][:4]], "field 'practice': at least three principles"),
}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_spirit_file_is_rejected(tmp_path, case):
    change, expected = CASES[case]
    path = broken(tmp_path, change)
    with pytest.raises(DataError) as error:
        load_principles(path)
    assert str(path) in str(error.value) and expected in str(error.value)


def test_a_misspelt_principle_gets_the_six_ids():
    from scobook.errors import InputError

    paragraphs = load_article().paragraphs
    with pytest.raises(InputError, match="'equalty' is not one of the six principles") as error:
        principle_matrix(paragraphs, {"equalty": ["equal"]})
    assert all(pid in str(error.value) for pid in PRINCIPLE_IDS)
    with pytest.raises(InputError, match="should be a list of words in quotes"):
        principle_matrix(paragraphs, {"equality": "equal"})
