"""Reading the book's CSV files strictly: every value as text, every row checked against the header."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from scobook.errors import DataError


def read_csv_strict(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    """Read a CSV as text (no type guessing), checking the header and the width of every row."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise DataError(path, None, None, "the file is empty")
    header = [h.strip() for h in rows[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise DataError(path, 1, missing[0], f"missing column(s): {', '.join(missing)}")
    records = []
    for row_number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise DataError(path, row_number, None, f"has {len(cells)} fields, the header has {len(header)}")
        records.append([c.strip() for c in cells])
    return pd.DataFrame(records, columns=header, dtype="string").fillna("")
