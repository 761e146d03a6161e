"""Facts about the present, computed once from ``data/``, under names that pages and data texts
use as ``{{ name }}`` (MyST's substitution syntax): a page says "{{ members_now }} members on
{{ as_of_sco_membership }}", and the next data update changes both.

In the book's pages the names are MyST substitutions (``scobook.sphinx.facts`` sets them); in
texts of ``data/`` that the pack prints (``lesson.yml``), :func:`fill` replaces them, and an
unknown name is a :class:`~scobook.errors.DataError` naming the file and the field.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from scobook.catalog import as_of
from scobook.chapters import chapter_names
from scobook.errors import DataError
from scobook.membership import load_membership, members_on, status_on
from scobook.paths import data_path
from scobook.reading import read_yaml
from scobook.text import in_words, long_date

NAME = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
def facts() -> dict[str, str]:
    """Every named fact: ``as_of_<file>`` for each file of the catalogue (``as_of_sco_membership``,
    ``as_of_claims``, ...), and the SCO on its membership file's "as of" day: ``members_now``
    (``members_now_words``), ``partners_now`` (``partners_now_words``), ``family_now`` (members
    and partners), ``newest_member``; and from ``_toc.yml``, ``chapter_<name>`` ("chapter 2" for
    ``chapter_membership``) and ``discussion_count`` (:func:`scobook.chapters.chapter_names`)."""
    named = {f"as_of_{Path(name).stem}": long_date(entry["as_of"])
             for name, entry in read_yaml(data_path("catalog.yml")).items()}
    membership = load_membership()
    today = pd.Timestamp(as_of("sco_membership.csv"))
    members = members_on(membership, today)
    now = status_on(membership, today)
    partners = now[now["status"] == "partner"]
    joined = membership[membership["status"] == "member"].sort_values("start", kind="stable")
    named.update({
        "members_now": str(len(members)), "members_now_words": in_words(len(members)),
        "partners_now": str(len(partners)), "partners_now_words": in_words(len(partners)),
        "family_now": str(len(members) + len(partners)),
        "newest_member": str(joined.iloc[-1]["country"]),
    })
    named.update(chapter_names())  # {{ chapter_membership }}: "chapter 2", from _toc.yml
    return named


def fill(text: str, path: Path | str, where: str | None, field: str, known: dict[str, str] | None = None) -> str:
    """``text`` with each ``{{ name }}`` replaced by its fact; an unknown name is a DataError."""
    known = facts() if known is None else known

    def value(match: re.Match) -> str:
        if match[1] not in known:
            raise DataError(path, where, field, f"unknown fact {{{{ {match[1]} }}}}; known: {', '.join(sorted(known))}")
        return known[match[1]]

    return NAME.sub(value, text)


def fill_all(data, path: Path | str, field: str = "", known: dict[str, str] | None = None):
    """A YAML document (dicts, lists, strings) with every string filled; fields named like
    ``worksheet.sentences[2]`` in errors."""
    if isinstance(data, str):
        if "{{" not in data:
            return data
        return fill(data, path, None, field, facts() if known is None else known)
    if isinstance(data, dict):
        known = facts() if known is None and _has_names(data) else known
        return {key: fill_all(value, path, f"{field}.{key}" if field else str(key), known) for key, value in data.items()}
    if isinstance(data, list):
        known = facts() if known is None and _has_names(data) else known
        return [fill_all(value, path, f"{field}[{i}]", known) for i, value in enumerate(data)]
    return data


def _has_names(data) -> bool:
    return "{{" in repr(data)
