"""Facts about the present come from the data (issue 22): named once in scobook.facts, used by
pages ({{ members_now }}), by data texts the pack prints, and by every computed chart, quiz and
exercise, so that the walk "a partner becomes a member" changes them all and nothing else."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from test_chapters import book_copy, strict_build
from test_stays_true import undated_counts

from scobook.catalog import as_of
from scobook.errors import DataError
from scobook.facts import facts, fill, fill_all
from scobook.lesson import load_lesson
from scobook.membership import load_membership, members_on, status_on


def test_the_facts_are_those_of_the_membership_file_on_its_as_of_day():
    named = facts()
    membership = load_membership()
    day = as_of("sco_membership.csv")
    assert int(named["members_now"]) == len(members_on(membership, day))
    assert int(named["partners_now"]) == (status_on(membership, day)["status"] == "partner").sum()
    assert int(named["family_now"]) == int(named["members_now"]) + int(named["partners_now"])
    assert named["as_of_sco_membership"] == f"{pd.Timestamp(day):%-d %B %Y}"


def test_an_unknown_fact_names_the_file_and_the_field():
    with pytest.raises(DataError) as error:
        fill_all({"task": {"citing": ["fine", "as of {{ as_of_membership }}"]}}, "data/lesson.yml")
    assert str(error.value).startswith("data/lesson.yml, field 'task.citing[1]': unknown fact {{ as_of_membership }}")
    assert "as_of_sco_membership" in str(error.value)  # the names it could have meant
    assert fill("{{members_now}} members", "x", None, "f") == f"{facts()['members_now']} members"


def test_the_pack_prints_the_membership_date_from_the_catalogue():
    citing = " ".join(load_lesson()["task"]["citing"])
    assert f"membership data, as of {facts()['as_of_sco_membership']}" in citing
    assert "{{" not in citing


def promote_a_partner(root: Path, iso3: str = "AZE", day: str = "2026-01-15") -> str:
    """The data walk: a partner becomes a member on ``day`` (before the file's "as of" date), with
    the role card the build insists on; returns the state's name. Only files of data/ change."""
    path = root / "data/sco_membership.csv"
    lines = path.read_text().splitlines()
    partner = next(i for i, line in enumerate(lines) if line.startswith(f"{line.split(',')[0]},{iso3},partner,"))
    name, code, _, start, _end, *rest = lines[partner].split(",", 5)
    lines[partner] = ",".join([name, code, "partner", start, day, *rest])
    lines.insert(partner + 1, f"{name},{code},member,{day},,https://tass.com/world/2010381,walk test: not a real event")
    path.write_text("\n".join(lines) + "\n")
    roles = root / "data/roles.yml"
    roles.write_text(roles.read_text().replace("roles:\n", f"""roles:
  - iso3: {iso3}
    speaker: its president (walk test)
    occasion: SCO summit, Tianjin
    date: '2025-09-01'
    position: {name} wants new transport corridors across the SCO space.
    quote: We support new transport corridors.
    source: https://tass.com/world/2010381
""", 1))
    return name


def page_counts(html: Path) -> dict[str, list[str]]:
    """Every count of members or partners in a page's text or alt text that is not dated."""
    found = {}
    for page in sorted(html.rglob("*.html")):
        if "_static" in page.parts or page.name in ("search.html", "genindex.html"):
            continue
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        text = re.sub(r"\s+", " ", soup.get_text(" ") + " " + " ".join(img.get("alt", "") for img in soup.find_all("img")))
        if hits := undated_counts(text):
            found[page.relative_to(html).as_posix()] = hits
    return found


def test_when_a_partner_becomes_a_member_every_page_says_the_new_count(built_book, tmp_path):
    """The walk of issue 22, on a copy: edit data/ only, build strictly, read every page."""
    root = book_copy(tmp_path)
    before = facts()
    name = promote_a_partner(root)
    check = subprocess.run([sys.executable, "tools/check_data.py"], cwd=root, capture_output=True, text=True,
                           env={**os.environ, "SCOBOOK_ROOT": str(root)})
    assert check.returncode == 0 and check.stdout == "", check.stdout
    strict_build(root)
    members, partners = int(before["members_now"]) + 1, int(before["partners_now"]) - 1
    counts = page_counts(root / "_build/html")
    stale = re.compile(rf"\b({before['members_now']}|{before['members_now_words']}) members|"
                       rf"\b({before['partners_now']}|{before['partners_now_words']}) (SCO )?partners", re.I)
    assert not {page: [h for h in hits if stale.search(h)] for page, hits in counts.items()
                if any(stale.search(h) for h in hits)}, counts
    new = re.compile(rf"\b{members} members|\b{partners} SCO partners")
    says_new = {page for page, hits in counts.items() if any(new.search(h) for h in hits)}
    # the membership notebook (text, map alt text), the Shanghai Spirit notebook (GDP shares) and the
    # blocs notebook (overlap chart) compute their counts: all three say the new ones
    assert {"chapters/02-membership/membership.html", "chapters/03-shanghai-spirit/spirit.html",
            "chapters/04-eurasian-integration/integration.html"} <= says_new, counts
    html = root / "_build/html"
    # the new member has its role card, and the exercise "new members since the article" counts it
    assert name in (html / "chapters/pack/role-cards.html").read_text()
    new_members = subprocess.run(
        [sys.executable, "-c", "from scobook.exercises import EXERCISES; print(sorted(EXERCISES['ch2-new-members'].expected()))"],
        cwd=root, capture_output=True, text=True, env={**os.environ, "SCOBOOK_ROOT": str(root)})
    assert name in new_members.stdout, new_members.stdout + new_members.stderr


def test_the_execution_cache_empties_when_the_data_change(tmp_path):
    """jupyter-cache keys a notebook's outputs on its cells only: after a data edit, make book
    would serve the old charts. scobook.sphinx.cache empties it when data/ or scobook/ change."""
    from types import SimpleNamespace

    from scobook.sphinx.cache import STAMP, inputs_hash, refresh_cache

    root = book_copy(tmp_path)
    cache = root / "_build" / ".jupyter_cache"
    app = SimpleNamespace(srcdir=str(root), outdir=str(root / "_build" / "html"))
    config = SimpleNamespace(nb_execution_mode="cache", nb_execution_cache_path="")
    refresh_cache(app, config)
    (cache / "global.db").write_text("outputs of the old data")
    refresh_cache(app, config)  # nothing changed: the cache stays
    assert (cache / "global.db").is_file()
    before = inputs_hash(root)
    (root / "scobook/sphinx/theme.py").write_text("# the extension is not what the kernels import\n")
    assert inputs_hash(root) == before
    path = root / "data/sco_membership.csv"
    path.write_text(path.read_text().replace("2024-07-04,,", "2024-07-05,,", 1))
    assert inputs_hash(root) != before
    refresh_cache(app, config)
    assert not (cache / "global.db").exists()
    assert (cache / STAMP).read_text().strip() == inputs_hash(root)
