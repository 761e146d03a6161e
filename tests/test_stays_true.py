"""A number in prose is a copy of the data (issue 22): a present-tense count of members or
partners written by hand goes stale at the next summit. Prose, quiz banks and notebooks either
compute it from data/ or date it ("ten members by 2024")."""

import json
import re

import pytest

from conftest import ROOT

COUNT = re.compile(r"(?<![-/\w])(ten|eleven|twelve|10|11|12)(-| )(full )?(member states?|members?)\b"
                   r"|\b(fifteen|sixteen|seventeen|eighteen|nineteen|1[5-9]) (SCO )?partners\b", re.IGNORECASE)
DATED_AFTER = re.compile(r"^\W{0,3}(by|in|until|on) (\d{1,2} \w+ )?(19|20)\d\d")
DATED_BEFORE = re.compile(r"(19|20)\d\d\b[^.;\n]*:[^.;\n]*$|\bby (19|20)\d\d\W{0,3}$")


def texts():
    for path in [ROOT / "intro.md", *sorted((ROOT / "chapters").rglob("*.md")), *sorted((ROOT / "data").rglob("*.yml"))]:
        yield path, path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "chapters").rglob("*.ipynb")):
        yield path, "\n".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"])


def undated_counts(text: str) -> list[str]:
    found = []
    for match in COUNT.finditer(text):
        after, before = text[match.end():match.end() + 24], text[max(0, match.start() - 40):match.start()]
        if not (DATED_AFTER.search(after) or DATED_BEFORE.search(before)):
            found.append(text[max(0, match.start() - 30):match.end() + 15].replace("\n", " "))
    return found


@pytest.mark.parametrize(("text", "flagged"), [
    ("the SCO has ten members; many", True), ("grew to ten members by 2024", False),
    ("2023 and 2024: Iran and then Belarus join: ten members.", False), ("17 SCO partners", True),
    ("ten members in 2024", False), ("with ten member states by 2024", False),
])
def test_the_check_tells_a_dated_count_from_an_undated_one(text, flagged):
    assert bool(undated_counts(text)) is flagged


def test_no_present_tense_count_is_written_by_hand():
    found = [f"{path.relative_to(ROOT)}: {hit!r}" for path, text in texts() for hit in undated_counts(text)]
    assert found == [], "compute these from data/ or date them ('ten members by 2024'):\n" + "\n".join(found)


def undated_rosters(text: str, names: list[str]) -> list[str]:
    """Lists of (nearly) all of today's members with no year in or just before the list: a roster
    written as a literal, which the next accession makes incomplete."""
    pattern = re.compile("|".join(map(re.escape, names)))
    found, matches, end = [], list(pattern.finditer(text)), -1
    for i, match in enumerate(matches):
        if match.start() < end:
            continue
        window = [m for m in matches[i:] if m.start() - match.start() < 300]
        if len({m[0] for m in window}) >= len(names) - 2:
            span = text[max(0, match.start() - 100):window[-1].end()]
            if not re.search(r"\b(19|20)\d\d\b", span):
                found.append(" ".join(span.split())[-160:])
            end = window[-1].end()
    return found


def test_no_roster_of_todays_members_is_written_by_hand():
    from scobook.catalog import as_of
    from scobook.membership import load_membership, members_on

    names = members_on(load_membership(), as_of("sco_membership.csv"))
    assert undated_rosters("The members: " + ", ".join(names) + ".", names)  # the check finds one
    assert not undated_rosters("Members after the 2025 summit: " + ", ".join(names) + ".", names)
    found = [f"{path.relative_to(ROOT)}: {hit!r}" for path, text in prose() for hit in undated_rosters(text, names)]
    assert found == [], "compute these from data/ or date them ('members by 2024: ...'):\n" + "\n".join(found)


def prose():
    """What readers read: pages, data texts and the notebooks' Markdown (code names its variables)."""
    for path, text in texts():
        if path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        yield path, text
