"""The one way in for every data file: read it as UTF-8 text, parse it, and check its shape.

Every loader in the package reads through these functions, so every kind of broken file (not
UTF-8, empty, broken YAML/JSON/CSV syntax, the wrong type at the top level or in a field) stops
with a :class:`~scobook.errors.DataError` that names the file, and the line, row or entry and the
field where there is one, instead of a raw ``UnicodeDecodeError``, ``KeyError`` or
``AttributeError``. The rules particular to a file (required fields, allowed values, dates) stay
in its loader, next to its documentation in ``data/README.md``.

We keep this small module rather than adopting a schema library (Frictionless, pandera): the
files mix CSV, YAML and JSON, their checks need the article and the country codes, and the
messages are written for teachers editing a file by hand.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

from scobook.errors import DataError

_KIND = {dict: "a mapping (key: value lines)", list: "a list (lines starting with '- ')", str: "text"}


def kind_of(value) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def read_text(path: str | Path) -> str:
    """The file's text; not UTF-8, missing or empty is a :class:`DataError`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(path, None, None, "the file does not exist") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(path, f"line {line}", None, f"is not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
    if not text.strip():
        raise DataError(path, None, None, "the file is empty")
    return text.removeprefix("\ufeff")


def read_yaml(path: str | Path, expect: type = dict):
    """Parse a YAML file safely and check that its top level is ``expect`` (a mapping by default)."""
    import yaml

    text = read_text(path)
    try:
        # libyaml's parser when PyYAML has it (ten times faster), with the same safe constructor
        value = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError(path, where, None, f"not valid YAML ({problem})") from None
    return expect_type(path, value, expect, None, None, "at the top level")


def read_json(path: str | Path, expect: type = dict):
    """Parse a JSON file and check that its top level is ``expect`` (a mapping by default)."""
    text = read_text(path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(path, f"line {exc.lineno}", None, f"not valid JSON ({exc.msg})") from None
    return expect_type(path, value, expect, None, None, "at the top level")


def expect_type(path, value, expect: type, where, field, context: str = ""):
    """``value`` if it is an ``expect``; otherwise a :class:`DataError` saying what was found."""
    if not isinstance(value, expect) or isinstance(value, bool) and expect is not bool:
        found = kind_of(value)
        raise DataError(path, where, field, f"expected {_KIND.get(expect, expect.__name__)}{' ' + context if context else ''}, "
                                            f"found {found}")
    return value


def is_url(value) -> bool:
    """A web address (every source in ``data/`` is the URL of its publisher's page)."""
    return str(value).startswith(("http://", "https://"))


def require_url(path, where, field: str, value) -> str:
    if not is_url(value):
        raise DataError(path, where, field, "should be the URL of the publisher's page")
    return str(value)


def mappings(path, value, where: str, field: str) -> list[dict]:
    """A non-empty list whose every item is a mapping (entries of a YAML file)."""
    items = expect_type(path, value, list, where, field)
    if not items:
        raise DataError(path, where, field, "expected a non-empty list")
    for n, item in enumerate(items, start=1):
        expect_type(path, item, dict, f"{field} item {n}" if where is None else f"{where}, item {n}", field)
    return items


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
