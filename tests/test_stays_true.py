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
