"""Other blocs (``data/blocs.csv``: the Eurasian Economic Union, ASEAN, BRICS and the CSTO, for
the states of the SCO membership file) and the timeline of Eurasian initiatives
(``data/initiatives.csv``)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from scobook.errors import DataError, InputError
from scobook.membership import check_overlaps, held_on, parse_date, require_country_code
from scobook.paths import data_path
from scobook.reading import read_csv_strict

#: How a caveat begins when the membership itself is in doubt (``data/blocs.csv``, column ``caveat``).
UNCLEAR = "Unclear:"
#: How a caveat begins when a member has frozen its participation without leaving, from a day on:
#: "Frozen from 2024-02-22: ..." (Armenia in the CSTO).
FROZEN = re.compile(r"Frozen from (\d{4}-\d{2}-\d{2}): ")

BLOCS = {
    "EAEU": "Eurasian Economic Union",
    "CSTO": "Collective Security Treaty Organization",
    "BRICS": "BRICS",
    "ASEAN": "Association of Southeast Asian Nations",
}

#: Each bloc's short name as it reads in a sentence: "a member of the EAEU", but "of BRICS" and
#: "of ASEAN", which are said without "the".
IN_A_SENTENCE = {"EAEU": "the EAEU", "CSTO": "the CSTO", "BRICS": "BRICS", "ASEAN": "ASEAN"}


def load_blocs(path: str | Path | None = None, *, today: dt.date | None = None) -> pd.DataFrame:
    """Full memberships: ``bloc, country, iso3, start, end, source, notes, caveat`` (``end``
    exclusive; ``caveat`` is what a reader is told beside the dates, "Unclear: ..." when the
    membership itself is in doubt)."""
    path = Path(path) if path is not None else data_path("blocs.csv")
    table = read_csv_strict(path, required=("bloc", "country", "iso3", "start", "end", "source"))
    for optional in ("notes", "caveat"):
        if optional not in table:
            table[optional] = ""
    records = []
    for row, record in enumerate(table.to_dict("records"), start=2):
        if record["bloc"] not in BLOCS:
            raise DataError(path, row, "bloc", f"unknown bloc {record['bloc']!r}; expected one of {', '.join(BLOCS)}")
        require_country_code(path, row, "iso3", record["iso3"])
        if not record["source"]:
            raise DataError(path, row, "source", "missing or empty")
        if record["caveat"].startswith("Frozen"):
            match = FROZEN.match(record["caveat"])
            if not match:
                raise DataError(path, row, "caveat", "a frozen participation begins 'Frozen from YYYY-MM-DD: '")
            parse_date(path, row, "caveat", match.group(1), today=today)
        start = parse_date(path, row, "start", record["start"], today=today)
        end = parse_date(path, row, "end", record["end"], today=today) if record["end"] else pd.NaT
        if end is not pd.NaT and end <= start:
            raise DataError(path, row, "end", f"{record['end']} is not after start {record['start']}")
        records.append({**record, "status": record["bloc"], "start": start, "end": end, "row": row})
    frame = pd.DataFrame(records)
    check_overlaps(path, frame, by=("bloc", "iso3"))
    return frame.drop(columns=["row", "status"]).reset_index(drop=True)


def members_of(blocs: pd.DataFrame, bloc: str, date) -> list[str]:
    """ISO3 codes of a bloc's members (among the states in the file) on a date."""
    if bloc not in BLOCS:
        raise InputError(f"Unknown bloc {bloc!r}; the blocs in the data are {', '.join(BLOCS)}.")
    day = pd.Timestamp(date)
    rows = blocs[(blocs["bloc"] == bloc) & held_on(blocs, day)]
    return sorted(rows["iso3"])


def load_initiatives(path: str | Path | None = None, *, today: dt.date | None = None) -> pd.DataFrame:
    """The timeline: ``date, event, actors, source, notes``, sorted by date."""
    path = Path(path) if path is not None else data_path("initiatives.csv")
    table = read_csv_strict(path, required=("date", "event", "actors", "source"))
    dates = []
    for row, record in enumerate(table.to_dict("records"), start=2):
        for field in ("event", "actors", "source"):
            if not record[field]:
                raise DataError(path, row, field, "missing or empty")
        dates.append(parse_date(path, row, "date", record["date"], today=today))
    table["date"] = dates
    return table.sort_values("date", kind="stable").reset_index(drop=True)
