"""Every loader meets the same families of bad input and stops with a DataError naming the file
(and the row, line or entry and the field where there is one): wrong top-level type, wrong field
type, empty, not UTF-8, broken syntax, missing field, unknown value. The bad files are made from
the shipped ones, so each family breaks exactly one thing."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from scobook.article import load_article, load_name_list, load_stopwords
from scobook.blocs import load_blocs, load_initiatives
from scobook.claims import load_claims, load_perspectives
from scobook.errors import DataError
from scobook.glossary import load_discussion, load_glossary
from scobook.indicators import load_indicators
from scobook.lesson import load_lesson
from scobook.maps import load_country_shapes
from scobook.membership import load_membership, load_summits
from scobook.outlets import load_outlets
from scobook.quiz import load_bank
from scobook.security import load_security
from scobook.simulation import load_roles
from scobook.spirit import load_principles

DATA = ROOT / "data"
#: libyaml's safe loader and dumper where PyYAML has them (making the bad files at collection time)
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
TODAY = dt.date(2026, 11, 28)


# --- CSV files: (loader, file, column to drop, (column, bad value of the wrong type), (column, unknown value))
CSV = {
    "sco_membership.csv": (lambda p: load_membership(p, today=TODAY), "status", ("start", "yesterday"), ("status", "ally")),
    "summits.csv": (lambda p: load_summits(p, today=TODAY), "city", ("date_start", "soon"), ("host_iso3", "XXX")),
    "indicators.csv": (lambda p: load_indicators(p, today=TODAY), "unit", ("value", "lots"), ("indicator", "happiness")),
    "blocs.csv": (lambda p: load_blocs(p, today=TODAY), "bloc", ("start", "someday"), ("bloc", "NATO")),
    "initiatives.csv": (lambda p: load_initiatives(p, today=TODAY), "event", ("date", "1 May"), None),
    "claims.csv": (load_claims, "type", ("paragraph", "ten"), ("type", "rumour")),
    "article_names.csv": (load_name_list, "kind", None, ("kind", "planet")),
}


def csv_rows(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((DATA / name).read_text(encoding="utf-8"), newline="")))


def csv_text(rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def csv_cases():
    for name, (load, drop, wrong, unknown) in CSV.items():
        rows = csv_rows(name)
        header = rows[0]
        yield name, "empty", load, ""
        yield name, "not UTF-8", load, csv_text(rows[:3]).encode("utf-8").replace(b"\n", "\n\u00e9".encode("latin-1"), 1)
        yield name, "broken syntax (a row with an extra field)", load, csv_text(rows[:2] + [rows[2] + ["extra"]])
        yield name, "header only", load, csv_text(rows[:1])
        i = header.index(drop)
        yield name, f"missing field {drop}", load, csv_text([r[:i] + r[i + 1:] for r in rows[:3]])
        for family, change in (("wrong field type", wrong), ("unknown value", unknown)):
            if change:
                column, value = change
                bad = copy.deepcopy(rows[:3])
                bad[1][header.index(column)] = value
                yield name, f"{family} in {column}", load, csv_text(bad)


# --- YAML and JSON files: (loader, file, format, [(family, change to the parsed data)])
def _del(keys):
    def change(data):
        target = data
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]
    return change


def _set(keys, value):
    def change(data):
        target = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    return change


STRUCTURED = {
    "article.yml": (load_article, "yaml", [("missing field title", _del(["title"])),
                                          ("wrong field type: paragraphs as text", _set(["paragraphs"], "one long text")),
                                          ("wrong field type: title as a list", _set(["title"], ["a", "b"]))]),
    "shanghai_spirit.yml": (load_principles, "yaml", [
        ("missing field name_zh", _del(["principles", 0, "name_zh"])),
        ("wrong field type: a wording as text", _set(["principles", 0, "wordings", 0], "mutual trust")),
        ("wrong field type: example as text", _set(["principles", 0, "example"], "an example")),
        ("unknown value: principle id", _set(["principles", 0, "id"], "harmony"))]),
    "glossary.yml": (load_glossary, "yaml", [
        ("missing field definition", _del(["terms", 0, "definition"])),
        ("wrong field type: unconfirmed as a number", _set(["terms", 0, "unconfirmed"], 5)),
        ("wrong field type: a term as text", _set(["terms", 0], "SCO")),
        ("unknown value: unconfirmed language", _set(["terms", 0, "unconfirmed"], ["fr"]))]),
    "discussion.yml": (load_discussion, "yaml", [
        ("missing field question", _del(["questions", 0, "question"])),
        ("wrong field type: paragraphs as a number", _set(["questions", 0, "paragraphs"], 3)),
        ("unknown value: paragraph 99", _set(["questions", 0, "paragraphs"], [99]))]),
    "perspectives.yml": (load_perspectives, "yaml", [
        ("missing field url", _del(["perspectives", 0, "url"])),
        ("wrong field type: an item as text", _set(["perspectives", 0], "DW, 10 June 2018")),
        ("unknown value: url not a web address", _set(["perspectives", 0, "url"], "dw.com"))]),
    "quizzes/ch1-article.yml": (load_bank, "yaml", [
        ("missing field prompt", _del(["questions", 0, "prompt"])),
        ("wrong field type: options as text", _set(["questions", 0, "options"], "True or False")),
        ("unknown value: question type", _set(["questions", 0, "type"], "essay"))]),
    "roles.yml": (load_roles, "yaml", [
        ("missing field source", _del(["roles", 0, "source"])),
        ("wrong field type: a role as text", _set(["roles", 0], "China")),
        ("unknown value: not a country code", _set(["roles", 0, "iso3"], "XXX")),
        ("missing role: one member left out", _del(["roles", 1]))]),
    "lesson.yml": (load_lesson, "yaml", [
        ("missing field worksheet", _del(["worksheet"])),
        ("wrong field type: a step's minutes as text", _set(["lessons", 0, "steps", 0, "minutes"], "four")),
        ("unknown value: a claim id", _set(["worksheet", "modelled"], "c99"))]),
    "outlets.yml": (load_outlets, "yaml", [
        ("missing field name", _del(["outlets", "tass.com", "name"])),
        ("wrong field type: an outlet as text", _set(["outlets", "tass.com"], "TASS")),
        ("unknown value: owner_source not a web address", _set(["outlets", "tass.com", "owner_source"], "tass"))]),
    "security.yml": (load_security, "yaml", [
        ("missing field text", _del(["items", 0, "text"])),
        ("wrong field type: items as text", _set(["items"], "RATS")),
        ("unknown value: side", _set(["items", 0, "side"], "neutral"))]),
    "countries_110m.json": (load_country_shapes, "json", [
        ("missing field countries", _del(["countries"])),
        ("wrong field type: a country as text", _set(["countries", "CHN"], "China")),
        ("wrong field type: polygons as a number", _set(["countries", "CHN", "polygons"], 1))]),
}


def structured_cases():
    for name, (load, fmt, changes) in STRUCTURED.items():
        original = (DATA / name).read_text(encoding="utf-8")
        dump = (lambda d: yaml.dump(d, Dumper=FAST_DUMPER, allow_unicode=True)) if fmt == "yaml" else json.dumps
        parsed = yaml.load(original, Loader=FAST_LOADER) if fmt == "yaml" else json.loads(original)
        yield name, "empty", load, ""
        yield name, "not UTF-8", load, original.encode("utf-8")[:200] + b"\xff\xfe" + original.encode("utf-8")[200:400]
        yield name, "broken syntax", load, "title: [not closed\n  - x: {\n" if fmt == "yaml" else '{"countries": {'
        yield name, "wrong top-level type (a list)", load, "- one\n- two\n" if fmt == "yaml" else "[1, 2]"
        for family, change in changes:
            data = copy.deepcopy(parsed)
            change(data)
            yield name, family, load, dump(data)
    yield "stopwords_en.txt", "empty", load_stopwords, ""
    yield "stopwords_en.txt", "not UTF-8", load_stopwords, b"the\n\xe9t\xe9\n"
    yield "stopwords_en.txt", "wrong field type: two words on a line", load_stopwords, "the\nof the\n"


CASES = list(csv_cases()) + list(structured_cases())


@pytest.mark.parametrize(("name", "family", "load", "content"), CASES,
                         ids=[f"{name}: {family}" for name, family, *_ in CASES])
def test_bad_input_stops_with_a_data_error_naming_the_file(tmp_path, name, family, load, content):
    path = tmp_path / Path(name).name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load(path)
    assert str(error.value).startswith(f"{path}"), str(error.value)


def test_every_shipped_data_file_has_a_loader_in_the_families():
    covered = set(CSV) | set(STRUCTURED) | {"stopwords_en.txt", "catalog.yml", "README.md"}
    shipped = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file()}
    quiz_banks = {n for n in shipped if n.startswith("quizzes/") and n.endswith(".yml")}
    assert shipped - covered - quiz_banks - {"quizzes/README.md"} == set()
