"""SCO membership: who held which status when (``data/sco_membership.csv``), the summits
(``data/summits.csv``), and the questions the book asks of them.

A status period runs from ``start`` (inclusive) to ``end`` (exclusive; empty = still current),
so a country whose observer period ends on the day its membership starts has exactly one
status on every date. Loaders reject bad input with a :class:`~scobook.errors.DataError` that
names the file, the row and the field.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pandas as pd
import pycountry

from scobook.catalog import as_of
from scobook.errors import DataError, InputError
from scobook.paths import data_path
from scobook.reading import read_csv_strict

# the status vocabulary, declared in scobook.statuses; notebooks import it from here too
from scobook.statuses import (  # noqa: F401
    STATUS_HISTORY_WORDS,
    STATUS_LABELS,
    STATUS_PHRASES,
    STATUS_PLURALS,
    STATUS_STYLE,
    STATUS_TABLE,
    STATUSES,
    Status,
)

MEMBERSHIP_COLUMNS = ("country", "iso3", "status", "start", "end", "source")
SUMMIT_COLUMNS = ("year", "date_start", "date_end", "city", "host_country", "host_iso3", "source")

#: The article's publication date and the summit it was written for.
ARTICLE_DATE = pd.Timestamp("2018-06-06")
QINGDAO_SUMMIT = pd.Timestamp("2018-06-09")
#: The Tianjin Council of Heads of State merged observers and dialogue partners into "SCO partner".
PARTNER_STATUS_DATE = pd.Timestamp("2025-09-01")


def is_country_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code of a country (upper case)."""
    return code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def require_country_code(path: Path, row: int | str, field: str, code: str) -> str:
    """``code`` if it is a real ISO 3166-1 alpha-3 country code; otherwise a :class:`DataError`."""
    if not is_country_code(code):
        raise DataError(path, row, field, f"{code!r} is not an ISO 3166-1 alpha-3 country code")
    return code


def parse_date(path: Path, row: int, field: str, text: str, *, today: dt.date | None = None) -> pd.Timestamp:
    """An ISO date (YYYY-MM-DD) that is not in the future."""
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise DataError(path, row, field, f"{text!r} is not an ISO date (YYYY-MM-DD)") from None
    if value > (today or dt.date.today()):
        raise DataError(path, row, field, f"{text} is in the future")
    return pd.Timestamp(value)


def load_membership(path: str | Path | None = None, *, today: dt.date | None = None) -> pd.DataFrame:
    """One row per status period: ``country, iso3, status, start, end, source, notes``.

    ``start``/``end`` are timestamps (``end`` is NaT while the status is current) and ``status``
    is an ordered categorical. Every rule in ``data/README.md`` is checked.
    """
    shipped = path is None
    path = Path(path) if path is not None else data_path("sco_membership.csv")
    table = read_csv_strict(path, required=MEMBERSHIP_COLUMNS)
    if "notes" not in table:
        table["notes"] = ""
    records, seen, names = [], {}, {}
    for row, record in enumerate(table.to_dict("records"), start=2):
        for field in ("country", "iso3", "status", "start"):
            if not record[field]:
                raise DataError(path, row, field, "missing or empty")
        if record["status"] not in STATUSES:
            raise DataError(path, row, "status", f"unknown status {record['status']!r}; expected one of {', '.join(STATUSES)}")
        require_country_code(path, row, "iso3", record["iso3"])
        if not record["source"]:
            raise DataError(path, row, "source", f"the {record['status']} period of {record['country']} has no source")
        if names.setdefault(record["iso3"], record["country"]) != record["country"]:
            raise DataError(path, row, "country", f"{record['iso3']} is called {names[record['iso3']]!r} in an earlier row")
        start = parse_date(path, row, "start", record["start"], today=today)
        end = parse_date(path, row, "end", record["end"], today=today) if record["end"] else pd.NaT
        if end is not pd.NaT and end <= start:
            raise DataError(path, row, "end", f"{record['end']} is not after start {record['start']}")
        key = (record["iso3"], record["status"], start)
        if key in seen:
            raise DataError(path, row, None, f"duplicate of row {seen[key]} ({record['country']}, {record['status']}, {record['start']})")
        seen[key] = row
        records.append({**record, "start": start, "end": end, "row": row})
    frame = pd.DataFrame(records)
    check_overlaps(path, frame)
    frame = frame.drop(columns="row")
    frame["status"] = pd.Categorical(frame["status"], categories=STATUSES, ordered=True)
    for column in ("country", "iso3", "source", "notes"):
        frame[column] = frame[column].astype("string")
    frame = frame.reset_index(drop=True)
    if shipped:  # the book's own file: dates after the day it was checked up to are refused
        frame.attrs["as_of"] = pd.Timestamp(as_of("sco_membership.csv"))
    return frame


def check_overlaps(path: Path, frame: pd.DataFrame, by: tuple[str, ...] = ("iso3",)) -> None:
    """No two periods of the same ``by`` group (a state, or a state in one bloc) may overlap.
    ``frame`` needs ``iso3, status, start, end, row`` columns."""
    ordered = frame.sort_values([*by, "start"]).reset_index(drop=True)
    keys = ordered[list(by)].astype(object)
    same_group = (keys == keys.shift()).all(axis=1)  # the first row's shifted keys are NaN: never equal
    previous_runs_on = ordered["end"].isna().shift(fill_value=False)  # the previous period has no end
    overlapping = ordered.index[same_group & (previous_runs_on | (ordered["start"] < ordered["end"].shift()))]
    if len(overlapping):  # the first overlap, in the order of states and dates
        period, previous = (ordered.loc[i].to_dict() for i in (overlapping[0], overlapping[0] - 1))
        period["row"], previous["row"] = int(period["row"]), int(previous["row"])  # "row 3", not NumPy's 3
        ends = "never" if pd.isna(previous["end"]) else f"{previous['end']:%Y-%m-%d}"
        raise DataError(
            path, period["row"], "start",
            f"{period['iso3']}'s {period['status']} period from {period['start']:%Y-%m-%d} overlaps its "
            f"{previous['status']} period of row {previous['row']} (ends {ends})",
        )


def held_on(periods: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    """True for each period (a row with ``start`` and ``end``) that was running on ``day``:
    it had started (``start <= day``) and not yet ended (``end`` empty, or after ``day``)."""
    return (periods["start"] <= day) & (periods["end"].isna() | (day < periods["end"]))


def checked_day(membership: pd.DataFrame, date) -> pd.Timestamp:
    """``date`` as a timestamp, if the membership data covers it; otherwise an :class:`InputError`
    that says which dates are allowed (for students trying their own dates)."""
    first = membership["start"].min()
    last = membership.attrs.get("as_of")
    allowed = f"from {first:%-d %B %Y}" + (f" to {last:%-d %B %Y}" if last is not None else "")
    try:
        day = pd.Timestamp(date)
    except (ValueError, TypeError):
        day = pd.NaT
    if pd.isna(day):
        raise InputError(f"{date!r} is not a date: write it as YYYY-MM-DD, for example \"2018-06-09\" "
                         f"(dates {allowed}).")
    if day < first:
        raise InputError(f"The membership data begins on {first:%-d %B %Y}, the first meeting of the "
                         f"Shanghai Five; choose a date {allowed}.")
    if last is not None and day > last:
        raise InputError(f"The membership data was checked up to {last:%-d %B %Y}, so it cannot say who "
                         f"held which status on {day:%-d %B %Y}; choose a date {allowed}.")
    return day


def status_on(membership: pd.DataFrame, date) -> pd.DataFrame:
    """Every state that held a status on ``date``: ``country, iso3, status`` (one row each)."""
    day = checked_day(membership, date)
    current = membership[held_on(membership, day)]
    return current[["country", "iso3", "status"]].sort_values(["status", "country"]).reset_index(drop=True)


def members_on(membership: pd.DataFrame, date) -> list[str]:
    """The member states on ``date`` (Shanghai Five states count as members before 2001), by name."""
    current = status_on(membership, date)
    return sorted(current.loc[current["status"].isin(["member", "shanghai_five"]), "country"])


def status_history(membership: pd.DataFrame, country: str) -> pd.DataFrame:
    """Every status period of one state, given by its English name as in the data ("India") or
    its ISO 3166-1 alpha-3 code ("IND"), in either case: ``status, start, end``."""
    wanted = str(country).strip().casefold()
    match = membership[(membership["country"].str.casefold() == wanted) | (membership["iso3"].str.casefold() == wanted)]
    if match.empty:
        names = ", ".join(sorted(membership["country"].unique()))
        raise InputError(f"No state called {country!r} has ever had an SCO status. The states in the data "
                         f"are: {names} (or use a three-letter code such as \"IND\").")
    return match[["country", "status", "start", "end"]].sort_values("start").reset_index(drop=True)


def counts_by_year(membership: pd.DataFrame, first: int = 1996, today: dt.date | None = None) -> pd.DataFrame:
    """How many states held each status at the end of each year (and today for this year).

    Columns: ``year, date`` and one column per status, in :data:`STATUSES` order.
    """
    today = pd.Timestamp(today or dt.date.today())
    rows = []
    for year in range(first, today.year + 1):
        day = min(pd.Timestamp(year=year, month=12, day=31), today)
        counts = status_on(membership, day)["status"].value_counts()
        rows.append({"year": year, "date": day, **{s: int(counts.get(s, 0)) for s in STATUSES}})
    return pd.DataFrame(rows)


def changes_between(membership: pd.DataFrame, before, after) -> pd.DataFrame:
    """States whose status differs between two dates: ``country, iso3, before, after``."""
    old = status_on(membership, before).set_index("iso3")
    new = status_on(membership, after).set_index("iso3")
    names = pd.concat([old["country"], new["country"]]).groupby(level=0).first()
    table = pd.DataFrame({
        "country": names,
        "before": old["status"].astype("string").reindex(names.index),
        "after": new["status"].astype("string").reindex(names.index),
    }).fillna({"before": "none", "after": "none"})
    changed = table[table["before"] != table["after"]]
    return changed.rename_axis("iso3").reset_index().sort_values(["after", "country"]).reset_index(drop=True)


def load_summits(path: str | Path | None = None, *, today: dt.date | None = None) -> pd.DataFrame:
    """Heads-of-state meetings: ``year, date_start, date_end, city, host_country, host_iso3, format, source``.

    Rows marked planned (a future date) are kept out: only meetings that took place are loaded.
    """
    path = Path(path) if path is not None else data_path("summits.csv")
    table = read_csv_strict(path, required=SUMMIT_COLUMNS)
    today = today or dt.date.today()
    records = []
    for row, record in enumerate(table.to_dict("records"), start=2):
        for field in ("year", "date_start", "city", "host_country", "host_iso3", "source"):
            if not record[field]:
                raise DataError(path, row, field, "missing or empty")
        require_country_code(path, row, "host_iso3", record["host_iso3"])
        try:
            start = dt.date.fromisoformat(record["date_start"])
        except ValueError:
            raise DataError(path, row, "date_start", f"{record['date_start']!r} is not an ISO date (YYYY-MM-DD)") from None
        if start > today:
            continue  # a planned summit: listed in the file, not yet history
        end = parse_date(path, row, "date_end", record["date_end"] or record["date_start"], today=today)
        if end < pd.Timestamp(start):
            raise DataError(path, row, "date_end", f"{record['date_end']} is before date_start {record['date_start']}")
        if str(start.year) != record["year"]:
            raise DataError(path, row, "year", f"{record['year']} does not match date_start {record['date_start']}")
        records.append({**record, "year": start.year, "date_start": pd.Timestamp(start), "date_end": end})
    frame = pd.DataFrame(records)
    return frame.sort_values("date_start").reset_index(drop=True)


def shipped_membership() -> pd.DataFrame:
    """The book's own membership file, read once per data folder and process: the quizzes and the
    exercises' self-checks ask it many questions. Treat the table as read-only."""
    return _shipped_from(data_path("sco_membership.csv"))


@functools.cache
def _shipped_from(path: Path) -> pd.DataFrame:
    return load_membership()  # the shipped file at ``path``, with its "as of" limit
