"""Country indicators (``data/indicators.csv``): population, land area and GDP, each value with
its year and source, for every state in the membership file and the world (``WLD``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from scobook.errors import DataError
from scobook.membership import is_country_code
from scobook.paths import data_path
from scobook.reading import read_csv_strict

#: indicator → (unit, what it is)
INDICATORS = {
    "population": ("persons", "Population, total (World Bank SP.POP.TOTL)"),
    "land_area_km2": ("km2", "Land area in square kilometres (World Bank AG.LND.TOTL.K2)"),
    "gdp_current_usd": ("current US$", "GDP at current US dollars (World Bank NY.GDP.MKTP.CD)"),
}
WORLD = "WLD"


def load_indicators(path: str | Path | None = None, *, today: dt.date | None = None) -> pd.DataFrame:
    """Tidy table ``iso3, indicator, year, value, unit, source``; ``value`` is NaN where the
    file leaves it empty (the ``source`` then says why)."""
    path = Path(path) if path is not None else data_path("indicators.csv")
    table = read_csv_strict(path, required=("iso3", "indicator", "year", "value", "unit", "source"))
    this_year = (today or dt.date.today()).year
    seen, records = {}, []
    for row, record in enumerate(table.to_dict("records"), start=2):
        if record["iso3"] != WORLD and not is_country_code(record["iso3"]):
            raise DataError(path, row, "iso3", f"{record['iso3']!r} is neither a country code nor {WORLD}")
        if record["indicator"] not in INDICATORS:
            raise DataError(path, row, "indicator", f"unknown indicator {record['indicator']!r}; expected one of {', '.join(INDICATORS)}")
        unit = INDICATORS[record["indicator"]][0]
        if record["unit"] != unit:
            raise DataError(path, row, "unit", f"{record['indicator']} is measured in {unit!r}, not {record['unit']!r}")
        if not record["year"].isdigit() or not 1990 <= int(record["year"]) <= this_year:
            raise DataError(path, row, "year", f"{record['year']!r} is not a year between 1990 and {this_year}")
        if not record["source"]:
            raise DataError(path, row, "source", "missing or empty")
        value = float("nan")
        if record["value"]:
            try:
                value = float(record["value"])
            except ValueError:
                raise DataError(path, row, "value", f"{record['value']!r} is not a number") from None
            if value < 0:
                raise DataError(path, row, "value", f"{record['value']} is negative")
        key = (record["iso3"], record["indicator"], record["year"])
        if key in seen:
            raise DataError(path, row, None, f"duplicate of row {seen[key]} ({', '.join(key)})")
        seen[key] = row
        records.append({**record, "year": int(record["year"]), "value": value})
    frame = pd.DataFrame(records)
    for column in ("iso3", "indicator", "unit", "source"):
        frame[column] = frame[column].astype("string")
    return frame


def latest_years(indicators: pd.DataFrame) -> dict[str, int]:
    """For each indicator, the latest year that has a world total (``{"population": 2023, ...}``):
    the year a "today" comparison uses."""
    world = indicators[(indicators["iso3"] == WORLD) & indicators["value"].notna()]
    return {name: int(year) for name, year in world.groupby("indicator")["year"].max().items()}


def share_of_world(indicators: pd.DataFrame, iso3s: list[str], indicator: str, year: int) -> dict:
    """The group's total and its share of the world for one indicator and year.

    Returns ``{"total", "world", "share", "missing"}``; ``missing`` lists the group's states with
    no value that year (their share is not counted, and charts must say so).
    """
    rows = indicators[(indicators["indicator"] == indicator) & (indicators["year"] == year)].set_index("iso3")["value"]
    if WORLD not in rows.index or pd.isna(rows[WORLD]):
        raise KeyError(f"no world total for {indicator} in {year}")
    values = rows.reindex(iso3s)
    total = float(values.sum(skipna=True))
    return {"total": total, "world": float(rows[WORLD]), "share": total / float(rows[WORLD]),
            "missing": sorted(values[values.isna()].index)}
