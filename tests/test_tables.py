"""Tables for readers show labels, not codes (issue 12: no shanghai_five, NaT, True/False or 0…n index)."""

import pandas as pd

from scobook.tables import COMPACT_TABLE_CLASS, READER_TABLE_CLASS, readable


def test_codes_become_words_and_the_index_is_hidden():
    frame = pd.DataFrame({
        "country": ["China", "India"],
        "status": ["shanghai_five", "member"],
        "before": ["none", "observer"],
        "start": pd.to_datetime(["1996-04-26", "2017-06-09"]),
        "end": pd.to_datetime(["2001-06-15", None]),
        "named": [True, False],
        "share_percent": [18.5, 17.8],
    })
    styler = readable(frame, caption="Two states")
    html = styler.to_html()
    for code in ("shanghai_five", "NaT", "True", "False", ">none<", "share_percent"):
        assert code not in html, code
    for label in ("Shanghai Five", "Member", "no status", "Observer", "26 Apr 1996", "present", "yes", "no",
                  "Share (%)", "Country", "<caption>Two states</caption>", f'class="{READER_TABLE_CLASS}"'):
        assert label in html, label
    assert 'class="row_heading' not in html  # no index column
    assert list(frame["status"]) == ["shanghai_five", "member"]  # the data itself is unchanged


def test_free_text_columns_are_left_alone():
    html = readable(pd.DataFrame({"word": ["member", "security"]})).to_html()
    assert ">member<" in html and ">security<" in html


def test_a_long_table_can_be_folded_under_a_summary():
    frame = pd.DataFrame({"country": [f"State {i}" for i in range(20)], "status": ["member"] * 20})
    folded = readable(frame, fold="All 20 states")
    html = folded._repr_html_()
    assert html.startswith('<details class="sco-fold"><summary>All 20 states</summary>')
    assert html.count("<tr>") == 21 and ">Member<" in html and html.endswith("</details>")
    assert repr(folded).startswith("All 20 states\n")


def test_a_column_of_none_alone_is_not_a_status_and_decimals_are_rounded():
    html = readable(pd.DataFrame({"mark": ["none", "none"], "share": [11.9, 2.345]})).to_html()
    assert ">none<" in html and "no status" not in html
    assert ">11.9<" in html and ">2.3<" in html and "11.900000" not in html


def test_only_a_table_too_wide_for_a_phone_is_stacked_as_cards():
    narrow = readable(pd.DataFrame({"bloc": ["EAEU", "CSTO"], "shared": [4, 5]})).to_html()
    wide = readable(pd.DataFrame({"state": ["United Arab Emirates"], "note": ["a long note that needs the width"]})).to_html()
    assert f'class="{COMPACT_TABLE_CLASS}"' in narrow and f'class="{READER_TABLE_CLASS}"' in wide


def test_column_headings_are_words_a_reader_knows():
    from scobook.tables import column_heading

    assert [column_heading(c) for c in ["gdp_current_usd", "iso3", "dialogue_partner", "states_without_data", "year"]] == [
        "GDP (current US$)", "Code", "Dialogue partner", "States without data", "Year"]
