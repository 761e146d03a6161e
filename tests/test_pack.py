"""The paper lesson pack: every document prints on A4 on the number of pages the pack states, the
students' sheets hold what the lessons use and not the answers, the run sheets hold the answers,
and a broken data/lesson.yml stops with a message naming the file and the field."""

import functools
import re
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, assert_rejected
from scobook.lesson import load_lesson
from scobook.sphinx.pack import pdf_name

sys.path.insert(0, str(ROOT / "tools"))
import print_pack  # noqa: E402


@functools.cache
def lesson():
    return load_lesson()


def plain(text: str) -> str:
    """PDF text with ligatures undone, smart quotes straightened and whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


@pytest.fixture(scope="module")
def printed(html_dir, browser, tmp_path_factory):
    """Every document of the pack printed once, as `make print` prints it: {page: (pages, text)}."""
    from pypdf import PdfReader

    out = tmp_path_factory.mktemp("pack")
    result = {}
    for pdf in print_pack.print_pack(html_dir, browser, out):
        reader = PdfReader(pdf)
        width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
        assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5, f"{pdf.name} is not A4"
        result[pdf.stem] = (len(reader.pages), plain(" ".join(page.extract_text() for page in reader.pages)))
        catalog = reader.trailer["/Root"]  # a tagged PDF: a screen reader gets headings, lists and tables
        assert bool(catalog.get("/MarkInfo", {}).get("/Marked")) and "/StructTreeRoot" in catalog, pdf.name
    return result


def test_every_document_prints_on_the_pages_the_pack_states(printed):
    """The page counts on the pack's page and in the guide come from data/lesson.yml; this is
    where they are measured."""
    measured = {page: pages for page, (pages, _) in printed.items()}
    stated = {Path(pdf_name(d["page"])).stem: d["pages"] for d in lesson()["documents"]}
    assert measured == stated
    # lessons 1 and 3 on one page; lesson 2's answers on the back of its sheet
    assert stated["handout"] <= 5 and stated["run-sheet-1"] == stated["run-sheet-3"] == 1 and stated["run-sheet-2"] == 2
    assert stated["worksheet"] == 1 and stated["exit-slip"] == 1


def test_the_handout_holds_the_article_with_summaries_the_model_the_check_cards_and_evidence(printed):
    from scobook.article import load_article
    from scobook.outlets import outlet_of

    _, text = printed["handout"]
    unmarked = re.sub(r"\[(\d|E)\] ?", "", text)  # the worksheet's numbers sit inside the paragraphs
    article = load_article()
    for n in article.paragraphs["n"]:
        paragraph = plain(article.paragraph(int(n)))
        assert f"¶{n}" in text and " ".join(paragraph.split()[:6]) in unmarked, f"¶{n} is missing"
        assert " ".join(plain(article.summaries[int(n)]).split()[:5]) in text, f"the summary of ¶{n} is missing"
    assert "stop at the first" in text.lower()
    for row in lesson()["check_rows"]:
        assert " ".join(plain(row["sentence"]).split()[:5]) in text
    for card in lesson()["framing"]:
        assert card["outlet"] in text and " ".join(card["outlet_type"].split()[:3]) in text
        assert " ".join(plain(card["summary"]).split()[:6]) in text
        assert " ".join(plain(card["contrast"]).split()[:6]) not in text  # what students are to find
    for row in lesson()["evidence_rows"]:
        for url in row["evidence_source"].split(";"):
            assert outlet_of(url)["name"] in text, url
    assert "[E]" in text and all(f"[{n}]" in text for n in range(1, 7))


def test_the_students_sheets_hold_no_answers_and_the_run_sheet_holds_them_all(printed):
    _, worksheet = printed["worksheet"]
    _, run_sheet = printed["run-sheet-1"]
    modelled = lesson()["modelled_row"]
    assert f'"{modelled["deciding_word"]}"' in worksheet  # the example row, filled in
    for row in lesson()["worksheet_rows"]:
        assert " ".join(plain(row["sentence"]).split()[:5]) in worksheet
        assert f'"{plain(row["deciding_word"])}"' not in worksheet
    for row in lesson()["worksheet_rows"]:
        assert f'"{plain(row["deciding_word"])}"' in run_sheet
    for n in range(1, 7):
        assert re.search(rf"\b{n} ¶\d+", run_sheet)
    assert "Point to [E]" in run_sheet  # the modelled sentence, worked aloud
    for norm in lesson()["class_norms"]:  # read aloud in lesson 1 already
        assert plain(norm)[:40] in run_sheet


def test_the_check_opens_lesson_2_with_its_answers_on_that_run_sheet(printed):
    """The check is lesson 2's do-now (recall a lesson later); its answers, with what else to
    accept, are on the back of run sheet 2, not on run sheet 1, and each box of the lesson 2 sheet
    has what to listen for."""
    _, lesson_1 = printed["run-sheet-1"]
    _, lesson_2 = printed["run-sheet-2"]
    steps = {s["activity"] for s in lesson()["lessons"][1]["steps"]}
    assert any("check" in step for step in steps)
    assert not any("check" in s["activity"].lower() for s in lesson()["lessons"][0]["steps"])
    for n, row in enumerate(lesson()["check_rows"], start=1):
        assert f'"{plain(row["deciding_word"])}"' in lesson_2
        assert re.search(rf"\b{chr(64 + n)} ¶{row['paragraph']}\b", lesson_2)
        assert not re.search(rf"\b{chr(64 + n)} ¶{row['paragraph']}\b", lesson_1)
    for word in lesson()["check"].get("also_accept", {}).get("c28", []):
        assert f'"{word}"' in lesson_2
    assert "Answers: what to listen for" in lesson_2
    for box in lesson()["listen_for"]["lesson-2"]:
        assert plain(box["box"]) in lesson_2 and " ".join(plain(box["points"]).split()[:8]) in lesson_2


def test_lesson_1_sets_lesson_2s_homework_on_paper(printed):
    _, sheet = printed["lesson-2-sheet"]
    assert "Homework before lesson 2" in sheet and "No internet" in sheet
    assert any("homework" in s["activity"].lower() and "lesson 2 sheet" in s["where"]
               for s in lesson()["lessons"][0]["steps"])


def test_run_sheet_3_gives_every_members_gdp_for_the_debrief_and_the_cards_end_with_slips(printed):
    from scobook.simulation import role_cards

    _, run_sheet = printed["run-sheet-3"]
    _, cards = printed["role-cards"]
    for card in role_cards():
        assert card["country"] in run_sheet
        assert f"{card['gdp'] / 1e9:,.0f}" in run_sheet
    assert "Slips for the draw and the tables" in cards


def test_the_teacher_reads_the_guide_and_the_backgrounders_on_paper(printed):
    _, guide = printed["teachers-guide"]
    _, backgrounders = printed["teachers-backgrounders"]
    assert "Class norms for contested topics" in guide and "The simulation's reflection" in guide
    for topic in ("Ukraine", "Xinjiang", "Kashmir", "Afghanistan", "Looking after the class"):
        assert topic in backgrounders


def test_each_lesson_plan_is_printed_with_its_minutes(printed):
    for number, lesson_ in enumerate(lesson()["lessons"], start=1):
        _, text = printed[f"run-sheet-{number}"]
        assert f"({lesson_['minutes']} minutes" in text
        start = 0
        for step in lesson_["steps"]:
            assert f"{start}-{start + step['minutes']}" in text, (lesson_["id"], step["activity"])
            start += step["minutes"]


def test_the_lesson_2_sheet_and_the_task_sheet_work_without_a_screen(printed):
    _, sheet = printed["lesson-2-sheet"]
    for item in lesson()["lateral_reading"]:
        assert " ".join(plain(item["text"]).split()[:6]) in sheet
    assert "Regional Anti-Terrorist Structure" in sheet  # the security side
    _, task = printed["task-sheet"]
    assert "250-350 words" in task and "How to cite it" in task
    for row in lesson()["task"]["rubric"]:
        assert plain(row["student"][4])[:30] in task


def test_the_exit_slips_repeat_on_one_page(printed):
    pages, text = printed["exit-slip"]
    assert pages == 1
    assert text.count("Exit slip \u2014 name") == lesson()["exit_slips_per_page"]


# --- the loader's checks (fast lane) -------------------------------------------------------

def edited(**changes) -> str:
    data = yaml.safe_load((ROOT / "data" / "lesson.yml").read_text())
    for key, value in changes.items():
        target = data
        *path, last = key.split("__")
        for part in path:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize(("changes", "expected"), [
    ({"worksheet__sentences": ["c04", "c07", "c11", "c17", "c18", "c99"]},
     "field 'worksheet.sentences': 'c99' is not an id of data/claims.csv"),
    ({"worksheet__sentences": ["c04", "c07", "c11", "c17", "c18"]}, "the worksheet has six sentences; found 5"),
    ({"check__sentences": ["c04", "c20", "c22", "c28"]}, "the check must use sentences that are not on the worksheet"),
    ({"check__sentences": ["c16", "c20", "c22", "c23"]}, "one sentence of each of the four kinds"),
    ({"framing_cards": ["Deutsche Welle (DW)", "The Guardian"]}, "'The Guardian' is not a confirmed outlet"),
    ({"lessons__0__steps__0__minutes": 5}, "lesson lesson-1, field 'steps': the steps and 5 spare minutes add up to 46"),
    ({"check__also_accept": {"c16": ["explains why"]}}, "'explains why' is not in the sentence"),
    ({"check__also_accept": {"c04": ["will"]}}, "field 'check.also_accept.c04': not a sentence of the check"),
    ({"listen_for": {"lesson-9": []}}, "field 'listen_for.lesson-9': not the id of a lesson"),
    ({"listen_for": {"lesson-2": [{"box": "1. What others say"}]}}, "listen_for.lesson-2 item 1, field 'points'"),
    ({"documents__0__page": "../no-such-page"}, "field 'page': no page chapters/pack/../no-such-page.md"),
    ({"documents__0__page": "../../README"}, "field 'page': no page chapters/pack/../../README.md"),
    ({"task__examples__0__claim": "c04"}, "an example answer must use a sentence that is on no student sheet"),
    ({"task__examples__0__claim": "c13"}, "an example answer must use a sentence that is on no student sheet"),
    ({"task__examples__0__text": "Too short."}, "task, example 1, field 'text': 2 words; the task asks for 250-350"),
    ({"evidence_table": ["c02", "c11"]}, "the evidence table is for the written task"),
    ({"evidence_table": ["c02", "c05"]}, "c05 is a clause of the same sentence as c04, which the worksheet"),
    ({"check__sentences": ["c10", "c16", "c22", "c28"]}, "c10 is a clause of the same sentence as c11"),
    ({"worksheet__also_accept": {"c07": ["signed a treaty"]}}, "'signed a treaty' is not in the sentence"),
    ({"worksheet__also_accept": {"c09": ["expected"]}}, "also_accept.c09': not a sentence of the worksheet"),
    ({"lateral_reading__0__source": "https://unknown.example.org/page"},
     "'unknown.example.org' is not in data/outlets.yml"),
    ({"documents__1__pages": 0}, "document run-sheet-1, field 'pages'"),
])
def test_a_broken_lesson_file_is_rejected(tmp_path, changes, expected):
    assert_rejected(load_lesson, tmp_path / "lesson.yml", edited(**changes), expected)
