"""Membership data: the shipped files load, the questions give hand-checked answers, and every
kind of bad input is rejected with a message naming the file, the row and the field."""

import datetime as dt

import pandas as pd
import pytest

from conftest import assert_rejected
from scobook.catalog import as_of
from scobook.membership import (
    changes_between,
    counts_by_year,
    load_membership,
    load_summits,
    members_on,
    status_history,
    status_on,
)

HEADER = "country,iso3,status,start,end,source,notes\n"
GOOD = "India,IND,observer,2005-07-05,2017-06-09,https://example.org/a,\nIndia,IND,member,2017-06-09,,https://example.org/b,\n"


@pytest.fixture(scope="module")
def membership():
    return load_membership()


# --- hand-checked answers -------------------------------------------------------------

def test_eight_members_at_the_qingdao_summit(membership):
    assert members_on(membership, "2018-06-09") == [
        "China", "India", "Kazakhstan", "Kyrgyzstan", "Pakistan", "Russia", "Tajikistan", "Uzbekistan"]


def test_six_founding_members_and_the_shanghai_five_before(membership):
    assert len(members_on(membership, "2001-06-15")) == 6
    assert "Uzbekistan" not in members_on(membership, "2001-06-14")
    assert set(status_on(membership, "1996-04-26")["iso3"]) == {"CHN", "RUS", "KAZ", "KGZ", "TJK"}


def test_iran_and_belarus_join_on_their_summit_days(membership):
    assert "Iran" not in members_on(membership, "2023-07-03") and "Iran" in members_on(membership, "2023-07-04")
    assert "Belarus" not in members_on(membership, "2024-07-03") and "Belarus" in members_on(membership, "2024-07-04")


def test_ten_members_and_seventeen_partners_after_tianjin(membership):
    today = status_on(membership, "2025-09-02")["status"].value_counts()
    assert today["member"] == 10 and today["partner"] == 17
    assert today["observer"] == 0 and today["dialogue_partner"] == 0


def test_the_2018_observers_and_dialogue_partners(membership):
    on = status_on(membership, "2018-06-09")
    assert sorted(on.loc[on["status"] == "observer", "country"]) == ["Afghanistan", "Belarus", "Iran", "Mongolia"]
    assert sorted(on.loc[on["status"] == "dialogue_partner", "country"]) == [
        "Armenia", "Azerbaijan", "Cambodia", "Nepal", "Sri Lanka", "Turkey"]


def test_counts_by_year(membership):
    checked = dt.date.fromisoformat(as_of("sco_membership.csv"))
    counts = counts_by_year(membership, today=checked).set_index("year")
    assert counts.loc[1996, "shanghai_five"] == 5 and counts.loc[1996, "member"] == 0
    assert counts.loc[2001, "member"] == 6 and counts.loc[2017, "member"] == 8
    assert counts.loc[2024, "member"] == 10 and counts.loc[2025, "partner"] == 17
    assert counts.index[-1] == checked.year  # the last row is the "as of" date, not the year's end
    assert counts.iloc[-1]["date"] == pd.Timestamp(checked)


def test_changes_since_the_article(membership):
    changes = changes_between(membership, "2018-06-06", as_of("sco_membership.csv")).set_index("iso3")
    assert changes.loc["IRN", ["before", "after"]].tolist() == ["observer", "member"]
    assert changes.loc["BLR", ["before", "after"]].tolist() == ["observer", "member"]
    assert changes.loc["LAO", ["before", "after"]].tolist() == ["none", "partner"]
    assert "IND" not in changes.index  # a member before and after


def test_every_state_has_a_source_and_typed_columns(membership):
    assert (membership["source"].str.len() > 0).all()
    assert str(membership["start"].dtype).startswith("datetime64")
    assert membership["status"].dtype.name == "category"


def test_summits_include_qingdao(membership):
    summits = load_summits()
    qingdao = summits[summits["city"] == "Qingdao"]
    assert len(qingdao) == 1 and qingdao.iloc[0]["date_start"] == pd.Timestamp("2018-06-09")
    assert summits["date_start"].is_monotonic_increasing


# --- malformed input ------------------------------------------------------------------

BAD_MEMBERSHIP = {
    "missing-column": ("country,iso3,status,start,end\nIndia,IND,member,2017-06-09,\n", "row 1, field 'source': missing column(s): source"),
    "unknown-status": (HEADER + "India,IND,associate,2017-06-09,,https://x,\n", "row 2, field 'status': unknown status 'associate'"),
    "bad-date": (HEADER + "India,IND,member,09/06/2017,,https://x,\n", "row 2, field 'start': '09/06/2017' is not an ISO date"),
    "future-date": (HEADER + "India,IND,member,2099-01-01,,https://x,\n", "row 2, field 'start': 2099-01-01 is in the future"),
    "end-before-start": (HEADER + "India,IND,observer,2017-06-09,2005-07-05,https://x,\n", "row 2, field 'end': 2005-07-05 is not after start 2017-06-09"),
    "overlap": (HEADER + "India,IND,observer,2005-07-05,2017-06-10,https://x,\nIndia,IND,member,2017-06-09,,https://y,\n",
                "row 3, field 'start': IND's member period from 2017-06-09 overlaps its observer period of row 2"),
    "open-overlap": (HEADER + "India,IND,observer,2005-07-05,,https://x,\nIndia,IND,member,2017-06-09,,https://y,\n",
                     "overlaps its observer period of row 2 (ends never)"),
    "not-a-country": (HEADER + "Atlantis,ATL,member,2017-06-09,,https://x,\n", "row 2, field 'iso3': 'ATL' is not an ISO 3166-1 alpha-3 country code"),
    "lower-case-code": (HEADER + "India,ind,member,2017-06-09,,https://x,\n", "row 2, field 'iso3': 'ind' is not"),
    "member-without-source": (HEADER + "India,IND,member,2017-06-09,,,\n", "row 2, field 'source': the member period of India has no source"),
    "duplicate-row": (HEADER + GOOD + "India,IND,member,2017-06-09,,https://example.org/b,\n", "row 4: duplicate of row 3"),
    "short-row": (HEADER + "India,IND,member,2017-06-09\n", "row 2: has 4 fields, the header has 7"),
    "empty-country": (HEADER + ",IND,member,2017-06-09,,https://x,\n", "row 2, field 'country': missing or empty"),
    "two-names-one-code": (HEADER + "India,IND,observer,2005-07-05,2017-06-09,https://x,\nBharat,IND,member,2017-06-09,,https://y,\n",
                           "row 3, field 'country': IND is called 'India' in an earlier row"),
}


@pytest.mark.parametrize("case", BAD_MEMBERSHIP, ids=str)
def test_bad_membership_file_is_rejected(tmp_path, case):
    text, expected = BAD_MEMBERSHIP[case]
    assert_rejected(load_membership, tmp_path / f"{case}.csv", text, expected, today=dt.date(2026, 11, 27))


def test_a_good_file_loads(tmp_path):
    path = tmp_path / "good.csv"
    path.write_text(HEADER + GOOD)
    assert members_on(load_membership(path), "2018-01-01") == ["India"]


SUMMIT_HEADER = "year,date_start,date_end,city,host_country,host_iso3,source\n"
BAD_SUMMITS = {
    "end-before-start": (SUMMIT_HEADER + "2018,2018-06-10,2018-06-09,Qingdao,China,CHN,https://x\n", "row 2, field 'date_end'"),
    "year-mismatch": (SUMMIT_HEADER + "2017,2018-06-09,2018-06-10,Qingdao,China,CHN,https://x\n", "row 2, field 'year': 2017 does not match"),
    "bad-host": (SUMMIT_HEADER + "2018,2018-06-09,2018-06-10,Qingdao,China,PRC,https://x\n", "row 2, field 'host_iso3'"),
    "no-source": (SUMMIT_HEADER + "2018,2018-06-09,2018-06-10,Qingdao,China,CHN,\n", "row 2, field 'source': missing or empty"),
    "bad-date": (SUMMIT_HEADER + "2018,9 June 2018,,Qingdao,China,CHN,https://x\n", "row 2, field 'date_start'"),
}


@pytest.mark.parametrize("case", BAD_SUMMITS, ids=str)
def test_bad_summit_file_is_rejected(tmp_path, case):
    text, expected = BAD_SUMMITS[case]
    assert_rejected(load_summits, tmp_path / f"{case}.csv", text, expected, today=dt.date(2026, 11, 27))


@pytest.mark.parametrize(("date", "message"), [
    ("1996-04-25", "begins on 26 April 1996"),
    ("1990", "begins on 26 April 1996"),
    ("2099-01-01", "checked up to"),
    ("2018-13-45", "is not a date: write it as YYYY-MM-DD"),
    ("next June", "is not a date"),
])
def test_dates_outside_the_data_get_a_sentence_saying_what_is_allowed(membership, date, message):
    from scobook.catalog import as_of
    from scobook.errors import InputError

    with pytest.raises(InputError, match=message) as error:
        status_on(membership, date)
    last = pd.Timestamp(as_of("sco_membership.csv"))
    assert f"from 26 April 1996 to {last:%-d %B %Y}" in str(error.value)


def test_the_as_of_date_itself_is_allowed(membership):
    from scobook.catalog import as_of

    assert not status_on(membership, as_of("sco_membership.csv")).empty


def test_status_history_by_name_or_code(membership):
    by_name = status_history(membership, "india")
    assert list(by_name["status"].astype(str)) == ["observer", "member"]
    assert by_name.equals(status_history(membership, "IND"))


def test_an_unknown_state_gets_the_list_of_names(membership):
    from scobook.errors import InputError

    with pytest.raises(InputError, match="No state called 'Indai'") as error:
        status_history(membership, "Indai")
    assert all(name in str(error.value) for name in membership["country"].unique())


def test_the_status_vocabulary_is_declared_once():
    """Issue 22: each status's words and style live in one record (``STATUS_TABLE``); the labels,
    plurals, phrases, card words and styles are views of it, and no other module keeps a table
    keyed by status (simulation.py had its own history words)."""
    import re

    from conftest import ROOT
    from scobook.membership import STATUS_LABELS, STATUS_PHRASES, STATUS_PLURALS, STATUS_STYLE, STATUS_TABLE, STATUSES

    keys = [status.key for status in STATUS_TABLE]
    assert list(STATUSES) == keys and len(set(keys)) == len(keys)
    for view in (STATUS_LABELS, STATUS_PLURALS, STATUS_STYLE):
        assert set(view) == set(keys)
    assert set(STATUS_PHRASES) == {*keys, "none"}
    elsewhere = [path.name for path in (ROOT / "scobook").rglob("*.py")
                 if path.name != "membership.py" and re.search(r'["\']dialogue_partner["\']\s*:', path.read_text())]
    assert elsewhere == []
