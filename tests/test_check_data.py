"""`make check-data` (tools/check_data.py): every data file and the rules between them, checked in
seconds without building the book; one line per problem, nothing else (issue 22)."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def check(root) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "check_data.py")], capture_output=True, text=True,
                          env={**os.environ, "SCOBOOK_ROOT": str(root)}, timeout=120)


def test_the_shipped_data_passes_in_silence():
    done = check(ROOT)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


@pytest.mark.parametrize(("file", "old", "new", "line"), [
    ("sco_membership.csv", "Russia,RUS,member,2001-06-15", "Russia,RUS,member,2001-06-31",
     "data/sco_membership.csv, row 5, field 'start': '2001-06-31' is not an ISO date (YYYY-MM-DD)"),
    ("claims.csv", "c02,1,", "c02,one,", "data/claims.csv, row 3, field 'paragraph'"),
    ("roles.yml", "  - iso3: BLR", "  - iso3: XXX", "data/roles.yml"),
    ("glossary.yml", "terms:", "as_of: '2026-11-27'\nterms:",
     "data/glossary.yml, field 'as_of': the date is kept once, in data/catalog.yml"),
    ("catalog.yml", "  as_of: 2025-07-01", "  as_of: July 2025", "data/catalog.yml, field 'indicators.csv.as_of'"),
    ("catalog.yml", "security.yml:", "securty.yml:", "data/catalog.yml, field 'security.yml': the file has no entry"),
])
def test_a_typo_is_one_line_naming_the_file_the_row_and_the_field(tmp_path, file, old, new, line):
    for folder in ("data", "chapters"):  # a copy of the book (the pack's documents are pages of chapters/)
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.ipynb_checkpoints"))
    path = tmp_path / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = check(tmp_path)
    assert done.returncode == 1 and done.stderr == ""
    assert len(done.stdout.splitlines()) == 1 and done.stdout.startswith(line), done.stdout


def test_the_data_dictionary_states_each_files_as_of_date_as_the_catalog_does():
    """The "as of" date lives in data/catalog.yml; where data/README.md repeats it for a file, the
    two agree (a summit update that moves one and not the other fails here)."""
    import re

    import yaml

    catalog = yaml.safe_load((ROOT / "data" / "catalog.yml").read_text())
    readme = (ROOT / "data" / "README.md").read_text()
    sections = re.split(r"^## ", readme, flags=re.M)
    checked = 0
    for section in sections:
        named = re.findall(r"`([\w.]+\.(?:csv|yml|json|txt))`", section.splitlines()[0]) if section else []
        for stated in re.findall(r"\*\*As of\*\*: (\d{4}-\d{2}-\d{2})", section):
            assert named, section.splitlines()[0]
            assert stated in {str(catalog[name]["as_of"]) for name in named}, (named, stated)
            checked += 1
    assert checked >= 15
