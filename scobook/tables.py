"""Reading the book's CSV files strictly: every value as text, every row checked against the header."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from scobook.errors import DataError
from scobook.reading import read_text


def read_csv_strict(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    """Read a CSV as text (no type guessing), checking the header and the width of every row."""
    try:
        rows = list(csv.reader(io.StringIO(read_text(path), newline="")))
    except csv.Error as exc:
        raise DataError(path, None, None, f"not valid CSV ({exc})") from None
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
    if not records:
        raise DataError(path, 2, None, "the file has a header but no data rows")
    return pd.DataFrame(records, columns=header, dtype="string").fillna("")
