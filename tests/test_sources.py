"""Every fact in data/ cites its publisher, never a copy of it (issue 14): no URL in a data file
points to a mirror, an aggregator, an encyclopedia or a code host that merely held a copy."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from scobook.paths import data_dir

DATA_DIR = data_dir()

URL = re.compile(r"https?://[^\s,;\"'<>)\]]+")

#: Hosts that republish other publishers' texts. Each was once cited in data/ and replaced by the
#: publisher's own page (data/README.md, "Sources: publishers, not copies").
COPIES = {
    "docslib.org", "worldjpn.net", "glostat.com", "travel168.net", "pubt.io", "libyannewswire.com",
    "photius.com", "jawawa.id", "wikipedia.org", "chinausfocus.com", "pressreader.com",
    "scribd.com", "github.com", "raw.githubusercontent.com", "docs.cntd.ru", "newsghana.com.gh",
    "greatpowerrelations.com", "kankanews.com", "mbalib.com",
}

DATA_FILES = sorted(p for p in DATA_DIR.rglob("*") if p.suffix in {".csv", ".yml", ".yaml"})


def copies_cited(text: str) -> list[str]:
    found = []
    for url in URL.findall(text):
        host = (urlparse(url).hostname or "").removeprefix("www.")
        if any(host == copy or host.endswith("." + copy) for copy in COPIES):
            found.append(url)
    return found


def test_the_check_finds_a_copy_and_passes_a_publisher():
    assert copies_cited("source: https://docslib.org/doc/1 ; see http://en.wikipedia.org/wiki/SCO.") == [
        "https://docslib.org/doc/1", "http://en.wikipedia.org/wiki/SCO."]
    assert copies_cited("https://tass.com/world/2010381 ; http://language.chinadaily.com.cn/x.htm") == []


def test_the_data_files_are_all_checked():
    names = {p.name for p in DATA_FILES}
    assert {"sco_membership.csv", "shanghai_spirit.yml", "glossary.yml", "perspectives.yml",
            "claims.csv", "blocs.csv", "initiatives.csv", "summits.csv", "indicators.csv"} <= names


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(DATA_DIR)))
def test_no_data_file_cites_a_copy_instead_of_its_publisher(path):
    assert copies_cited(path.read_text(encoding="utf-8")) == [], path.name


#: Words that address the book's authors rather than its readers: notes left while drafting
#: ("see NOTES.md", "not confirmed through the tool", "treat as nominal"), and words in capitals that
#: shout at the editor ("SOURCES DISAGREE", "AMBIGUOUS"). A data file is read by students and
#: teachers too (the sources page links every file), so its notes are written for them.
AUTHOR_NOTES = re.compile(
    r"NOTES\.md|\bthrough the tool\b|\bthe search tool\b|\bretrieved excerpts\b|\btreat(ed)? as nominal\b"
    r"|\bTODO\b|\bFIXME\b|\bGenerated\b|\bunless you accept\b|Wikipedia-derived"
    r"|\b[A-Z]{4,}(?: [A-Z]{3,})+\b|\b(?:NOT|SOURCES|DISAGREE|AMBIGUOUS|DISPUTED|INACTIVE|FROZE|UNCONFIRMED|CHECK)\b")


def test_the_note_check_finds_drafting_notes_and_passes_readers_notes():
    for note in ("see NOTES.md for sources", "not confirmed through the tool", "SOURCES DISAGREE: x",
                 "AMBIGUOUS: invited", "NOT confirmed in the retrieved excerpts", "treat as nominal"):
        assert AUTHOR_NOTES.search(note), note
    for note in ("Sources disagree on the day it entered into force", "SCO, CSTO and BRICS members",
                 "the talking is only the tool", "Status unclear: invited in Aug 2023"):
        assert not AUTHOR_NOTES.search(note), note


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(DATA_DIR)))
def test_data_files_hold_no_notes_addressed_to_the_books_authors(path):
    text = URL.sub("", path.read_text(encoding="utf-8"))
    assert [m.group(0) for m in AUTHOR_NOTES.finditer(text)] == [], path.name
