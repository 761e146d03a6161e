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
])
def test_a_typo_is_one_line_naming_the_file_the_row_and_the_field(tmp_path, file, old, new, line):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = check(tmp_path)
    assert done.returncode == 1 and done.stderr == ""
    assert len(done.stdout.splitlines()) == 1 and done.stdout.startswith(line), done.stdout
