"""A chapter belongs to itself (issue 22): its number, quiz banks, exercises and discussion
questions are found from _toc.yml and its own files, so a teacher who removes a chapter from
_toc.yml edits nothing else, and the book says what no chapter uses any more."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from scobook.chapters import book_chapters, chapter_of, check_discussion_chapters, unused
from scobook.errors import DataError
from scobook.exercises import EXERCISES
from scobook.glossary import load_discussion
from scobook.quiz import bank_names
from tools.book import STRICT_FLAGS

DROPPED = "04-eurasian-integration"
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "_build", "test-output", ".pytest_cache", ".ruff_cache",
                                     "*.egg-info", "__pycache__", ".ipynb_checkpoints", "node_modules")


def book_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "book"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    return copy


def strict_build(root: Path) -> str:
    """Build a copy of the book as its owner would (``jupyter-book build`` with the strict flags,
    from its folder); fail on a non-zero exit or any warning; return the log."""
    proc = subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "build", *STRICT_FLAGS, "."],
                          cwd=root, capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore", "SCOBOOK_ROOT": str(root)})
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-3000:]
    # Sphinx's warnings; not the kernel's teardown noise ("ERROR:tornado.general: ... ZMQError"),
    # which the notebooks' executor logs at random when a kernel shuts down
    assert not re.findall(r"\b(?:WARNING|ERROR|CRITICAL):(?!tornado\.).*", log)
    return log


def drop_chapter(root: Path, folder: str) -> None:
    """Remove a chapter's three lines from _toc.yml, as a teacher would, and nothing else."""
    toc = root / "_toc.yml"
    text = toc.read_text()
    block = re.compile(rf"^      - file: chapters/{folder}/index\n        sections:\n(?:          - file: .+\n)+", re.M)
    assert block.search(text), f"_toc.yml does not list chapters/{folder}"
    toc.write_text(block.sub("", text, count=1))


def test_the_chapters_are_those_of_the_toc_in_its_order_with_what_they_use():
    chapters = book_chapters()
    assert [c.number for c in chapters] == list(range(1, len(chapters) + 1))
    assert all(c.notebooks for c in chapters)  # the lesson pack, a folder of pages, is not a chapter
    # every bank, exercise and discussion question of the shipped book is used by a chapter
    assert unused() == {"quiz banks": [], "exercises": [], "discussion questions": []}
    assert {b for c in chapters for b in c.banks} == set(bank_names())
    assert {e for c in chapters for e in c.exercises} == set(EXERCISES)
    assert chapter_of("chapters/02-membership/membership").folder == "02-membership"
    assert chapter_of("chapters/teachers-guide") is None


def test_dropping_a_chapter_renumbers_the_rest_and_reports_what_it_used(tmp_path, monkeypatch):
    root = book_copy(tmp_path)
    monkeypatch.setenv("SCOBOOK_ROOT", str(root))
    before = {c.folder: c for c in book_chapters(root)}
    drop_chapter(root, DROPPED)
    after = book_chapters(root)
    assert DROPPED not in [c.folder for c in after]
    assert [c.number for c in after] == list(range(1, len(before)))
    assert after[-1].folder == "05-reading-critically" and after[-1].number == before["05-reading-critically"].number - 1
    left = unused(root)
    assert left["quiz banks"] == list(before[DROPPED].banks)
    assert left["exercises"] == list(before[DROPPED].exercises)
    assert left["discussion questions"] == [q["id"] for q in load_discussion(root / "data/discussion.yml")
                                            if q["chapter"] == DROPPED]


def test_a_discussion_question_naming_no_chapter_is_reported(tmp_path, monkeypatch):
    root = book_copy(tmp_path)
    path = root / "data/discussion.yml"
    path.write_text(path.read_text().replace("chapter: 02-membership", "chapter: 02-members", 1))
    monkeypatch.chdir(root)  # the message names the file from where the reader is
    with pytest.raises(DataError) as error:
        check_discussion_chapters(root)
    message = str(error.value)
    assert message.startswith("data/discussion.yml, question 'd3-new-members', field 'chapter'"), message
    assert "'02-members' is not a chapter folder; use one of: 01-article, 02-membership" in message


def test_a_book_without_a_chapter_builds_strictly_and_everything_follows(built_book, tmp_path):
    """The walk of issue 22: remove chapter 4 from _toc.yml and change nothing else."""
    root = book_copy(tmp_path)
    drop_chapter(root, DROPPED)
    cache = built_book.html.parent / ".jupyter_cache"  # the session's build: the notebooks are unchanged
    if cache.is_dir():
        shutil.copytree(cache, root / "_build" / ".jupyter_cache")
    log = strict_build(root)
    html = root / "_build" / "html"
    chapters = book_chapters(root)

    def page(name: str) -> BeautifulSoup:
        return BeautifulSoup((html / name).read_text(), "html.parser")

    # the home page's list and the guide's objectives table: the four chapters left, in order
    assert [li.a.get_text(strip=True) for li in page("intro.html").select("#chapters ol > li")] == [c.title for c in chapters]
    rows = page("chapters/teachers-guide.html").select("table")[0].select("tbody tr")
    assert [r.get_text(" ", strip=True).split(" ", 1)[0] for r in rows] == [f"{c.number}." for c in chapters]
    # the answer key keeps the quizzes the book still shows, numbered by the chapters' new places
    key = [h.get_text(strip=True).rstrip("#") for h in page("chapters/answer-key.html").select("section[id^=answers-] > h2")]
    assert not any("Eurasian" in title for title in key), key
    assert "Chapter 4: Reading critically" in key
    # the discussion notes leave out the removed chapter's questions
    discussion = page("chapters/teachers-guide.html").select("ol.sco-discussion > li")
    kept = [q for q in load_discussion(root / "data/discussion.yml") if q["chapter"] != DROPPED]
    assert len(discussion) == len(kept)
    # chapter 3's "What's next" leads to the chapter that now follows it; figures follow the new numbers
    following = page("chapters/03-shanghai-spirit/spirit.html").select_one("#what-s-next")
    assert following.find("a", href="../05-reading-critically/index.html") is not None
    assert "Continue with chapter 4" in following.get_text()
    numbers = [n.get_text(strip=True) for n in page("chapters/05-reading-critically/claims.html").select(".sco-chart-number")]
    assert numbers and all(n.startswith("Figure 4.") for n in numbers), numbers
    # prose says each chapter by its new number ({{ chapter_reading_critically }}): no page of a
    # four-chapter book says "chapter 5", and the removed chapter is "not in this edition"
    texts = {built.relative_to(html).as_posix(): " ".join(BeautifulSoup(built.read_text(), "html.parser").get_text(" ").split())
             for built in html.rglob("*.html") if "_static" not in built.parts}
    assert not [page for page, words in texts.items() if re.search(r"\b[Cc]hapter 5\b", words)]
    guide = texts["chapters/teachers-guide.html"]
    assert "the three lenses of international relations (a chapter not in this edition)" in guide
    assert f"The {['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'][len(kept)]} discussion questions" in guide
    assert "the end of chapter 4" in texts["chapters/01-article/index.html"]  # was "chapter 5"
    # no page links to the removed chapter; the build log names what it used
    for built in html.rglob("*.html"):
        assert f"{DROPPED}/" not in "".join(a.get("href", "") for a in BeautifulSoup(built.read_text(), "html.parser").find_all("a")), built
    assert "not used by any chapter in _toc.yml: quiz banks: ch4-integration" in log
    assert "exercises: ch4-bloc-sharing-most, ch4-members-in-bloc, ch4-initiatives-before" in log
