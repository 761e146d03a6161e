"""The explorers (issue 23): one definition in scobook/explorers.py, two renderings (ipywidgets in
a live kernel, plain HTML and sco-explorer.js in the online book) that show the same view for the
same value; keyboard-operable, announced, 44 px targets, readable in dark mode, loaded lazily."""

from __future__ import annotations

import gzip
import html
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, offline_context
from scobook.blocs import load_blocs
from scobook.catalog import as_of
from scobook.errors import InputError
from scobook.explorers import explorer_names, get_explorer, map_svg
from scobook.membership import ARTICLE_DATE, load_membership, status_on

#: Where each explorer lives in the book, and two values to try besides the first.
PLACES = {
    "membership-on-date": ("chapters/02-membership/membership.html", ["2005", "2024"]),
    "principle": ("chapters/03-shanghai-spirit/spirit.html", ["equality", "consultation"]),
    "state-blocs": ("chapters/04-eurasian-integration/integration.html", ["RUS|2018", "ARM|2014", "IND|2016"]),
    "claims": ("chapters/05-reading-critically/claims.html", ["prediction|all|all", "all|none|9", "fact|borne_out|1"]),
}


def text(fragment: str) -> str:
    return " ".join(BeautifulSoup(fragment, "html.parser").get_text(" ").split())


def test_every_explorer_has_a_place_in_the_book_and_views_for_every_value():
    assert set(explorer_names()) == set(PLACES)
    for name in explorer_names():
        explorer = get_explorer(name)
        if explorer.kind == "filter":
            everything = explorer.view("all|all|all")
            assert everything.announce == f"{len(explorer.rows)} of {len(explorer.rows)} claims shown."
            assert explorer.view(explorer.initial).announce.startswith("6 of ")
            continue
        assert explorer.initial in explorer.values and len(explorer.labels) == len(explorer.values)
        views = explorer.views()
        assert set(views) == set(explorer.values)
        assert all(v.announce.endswith(".") and v.html for v in views.values())
    with pytest.raises(InputError, match="no explorer 'nope'; the explorers are membership-on-date"):
        get_explorer("nope")


def test_the_membership_explorer_counts_as_the_data_do_up_to_the_as_of_day():
    explorer = get_explorer("membership-on-date")
    checked = pd.Timestamp(as_of("sco_membership.csv"))
    assert explorer.values[0] == "1996" and explorer.values[-1] == str(checked.year)
    membership = load_membership()
    for year in ("1996", "2001", "2017", explorer.values[-1]):
        view = explorer.view(year)
        day = min(pd.Timestamp(f"{year}-12-31"), checked)
        now = status_on(membership, day)
        assert view.statuses == dict(zip(now["iso3"], now["status"]))
        assert view.announce.startswith(f"{day:%-d %B %Y}: ")
        members = (now["status"] == "member").sum()
        if members:
            assert f"{members} members" in view.announce
    then = status_on(membership, ARTICLE_DATE)
    for year in ("2017", "2018", "2005"):  # the states listed as differing are those whose status differs
        day = min(pd.Timestamp(f"{year}-12-31"), checked)
        now = status_on(membership, day)
        differing = set(then["iso3"]) ^ set(now["iso3"]) | {
            code for code, status in zip(now["iso3"], now["status"])
            if code in set(then["iso3"]) and dict(zip(then["iso3"], then["status"]))[code] != status}
        shown = explorer.view(year).html
        if differing:
            assert f"{len(differing)} states had a different status on the article's day" in shown, year
        else:
            assert "No state's status differs from the article's day" in shown, year
    latest = explorer.view(explorer.values[-1]).html
    assert "Iran: observer \u2192 member" in latest and "Belarus: observer \u2192 member" in latest


def test_a_states_blocs_follow_the_chosen_year():
    """Chapter 4's explorer: a state's blocs on 31 December of the chosen year (the "as of" day in
    the last year), each membership with its first day, and a later one named as still to come."""
    explorer = get_explorer("state-blocs")
    checked = pd.Timestamp(as_of("blocs.csv"))
    assert explorer.initial == f"KAZ|{checked.year}"
    assert [v for v, _ in explorer.filters[1][2]] == [str(y) for y in range(1996, checked.year + 1)]
    assert explorer.view(f"KAZ|{checked.year}").announce.startswith(f"Kazakhstan on {checked:%-d %B %Y}: ")
    before, after = explorer.view("ARM|2014"), explorer.view("ARM|2015")
    assert "EAEU" not in before.announce and "EAEU" in after.announce
    assert "EAEU</strong>: not yet a member (joined on 2 January 2015)." in before.html
    assert "EAEU</strong>: member since 2 January 2015." in after.html
    assert "SCO</strong>: no status yet (a dialogue partner from " in before.html
    assert "SCO</strong>: no status yet (an SCO partner from " in explorer.view("LAO|2020").html
    assert "SCO</strong>: observer since" in explorer.view("IND|2016").html
    assert "SCO</strong>: member since" in explorer.view("IND|2017").html and "the SCO" in explorer.view("IND|2017").announce
    # before 15 June 2001 there was no SCO: its founders were the Shanghai Five, not full members
    founders = explorer.view("CHN|1996")
    assert "the SCO" not in founders.announce and "Shanghai Five" in founders.html
    # an ended membership, with the caveat of its row shown beside it
    uzbekistan = explorer.view("UZB|2013").html
    assert "CSTO</strong>: no longer a member (a member from 16 August 2006; the membership ended on 19 December 2012)." in uzbekistan
    blocs = load_blocs()
    caveat = blocs.loc[(blocs["bloc"] == "CSTO") & (blocs["iso3"] == "UZB"), "caveat"].iloc[0]
    assert caveat and html.escape(caveat) in uzbekistan
    # Armenia's CSTO membership, in Armenia's own words (its prime minister's), and its formal
    # standing; the sentence a screen reader hears says so from the day of the freeze
    armenia = explorer.view("ARM|2025")
    shown = html.unescape(armenia.html)
    assert "CSTO</strong>: member since 7 October 2002." in shown
    assert "Participation frozen from 22 February 2024: Armenia’s prime minister said that day" in shown
    assert "“outside the CSTO”; Armenia has not formally withdrawn" in shown
    assert armenia.announce.endswith("the EAEU and the CSTO (participation frozen).")
    assert explorer.view("ARM|2023").announce.endswith("the EAEU and the CSTO.")
    assert "Note: 7 October 2002 is the day the CSTO Charter was signed" in explorer.view("KAZ|2024").html
    # a membership in doubt is called unclear in the sentence a screen reader hears
    assert explorer.view("SAU|2024").announce.endswith("a full member of BRICS (unclear).")
    assert "(unclear)" not in explorer.view("IRN|2024").announce
    with pytest.raises(InputError, match="give a state's code and a year"):
        explorer.view("KAZ")
    with pytest.raises(InputError, match="'XXX' is not a state"):
        explorer.view("XXX|2018")


def test_the_map_fills_each_state_with_its_status_pattern_and_hatching():
    svg = map_svg({"CHN": "member", "IRN": "observer"})
    assert 'data-iso3="CHN"' in svg and 'fill="url(#sco-map-member)"' in svg and 'fill="url(#sco-map-observer)"' in svg
    assert re.search(r'<pattern id="sco-map-observer".*?<path d="M0,0 L8,8"', svg)  # hatched, not colour alone
    assert len(gzip.compress(map_svg().encode())) < 20_000


def test_the_live_rendering_shows_the_definitions_view():
    """show_explorer (ipywidgets) and the definition agree for every value tried."""
    from scobook.explorers import show_explorer

    for name, (_page, values) in PLACES.items():
        explorer = get_explorer(name)
        box = show_explorer(name)
        controls, view = box.children
        for value in values:
            if explorer.kind in ("filter", "lists"):
                for widget, choice in zip(controls.children, value.split("|")):
                    widget.value = choice
            elif explorer.kind == "year":
                controls.children[0].value = int(value)
            else:
                controls.value = value
            assert explorer.view(value).html in view.value


def test_the_static_explorers_are_in_their_pages_with_their_data_files(html_dir):
    script = (ROOT / "scobook/static/sco-explorer.js").read_bytes()
    assert len(gzip.compress(script)) < 10_000  # the budget for every explorer's code together
    for name, (page, _values) in PLACES.items():
        soup = BeautifulSoup((html_dir / page).read_text(), "html.parser")
        section = soup.select_one(f'section.sco-explorer[data-explorer="{name}"]')
        assert section is not None, page
        data = (html_dir / page).parent / section["data-src"]
        assert data.is_file(), data
        explorer = get_explorer(name)
        # without JavaScript: the first view is in the page, and the controls wait for the script
        assert text(explorer.view(explorer.initial).html) in text(str(section.select_one(".sco-explorer-view")))
        assert section.select_one(".sco-explorer-controls").has_attr("hidden")
        assert section.select_one('[role="status"][aria-live="polite"]') is not None
        assert not soup.find("script", src=re.compile(r"_explorers/"))  # loaded only when scrolled to


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (1280, "dark"), (375, "light"), (375, "dark")])
def test_both_renderings_show_the_same_view_for_the_same_value(browser, site, width, scheme):
    """In Chromium, at desktop and phone width, light and dark: the controls work from the
    keyboard, the view, the announcement and the map are those of the definition, the targets are
    44 px, and axe-core finds no serious violation in the explorer."""
    from axe_playwright_python.sync_playwright import Axe

    phone = width < 500
    context = offline_context(browser, width=width, height=900, color_scheme=scheme, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for name, (path, values) in PLACES.items():
        explorer = get_explorer(name)
        page.goto(f"{site}/{path}")
        section = page.locator(f'section.sco-explorer[data-explorer="{name}"]')
        assert page.evaluate(f"!![...document.scripts].find(s => s.src.includes('_explorers/{name}'))") is False
        section.scroll_into_view_if_needed()
        page.wait_for_selector(f'section[data-explorer="{name}"] .sco-explorer-controls:not([hidden])', timeout=10_000)
        if explorer.kind == "year":
            box = section.locator("input[type=number]")
            box.focus()
            page.keyboard.press("Tab")  # Tab goes from the box to the slider
            assert page.evaluate("document.activeElement.type") == "range"
            box.focus()
            page.keyboard.press("ArrowUp")  # the arrow keys move the year by one
            expected = str(int(explorer.initial) + 1)
            assert section.locator("input[type=range]").input_value() == expected  # box and slider together
            for value in values:
                box.fill(value)
                box.press("Enter")
                compare(page, section, explorer, value)
            slider = section.locator("input[type=range]")
            slider.focus()
            page.keyboard.press("ArrowLeft")
            compare(page, section, explorer, str(int(values[-1]) - 1))
        elif explorer.kind == "filter":
            first = section.locator("select").first
            first.focus()
            page.keyboard.press("ArrowUp")  # from "Prediction" to the kind before it
            kinds = [value for value, _label in explorer.filters[0][2]]
            before = kinds[kinds.index(explorer.initial.split("|")[0]) - 1]
            compare(page, section, explorer, "|".join([before, "all", "all"]))
            for value in values:
                for field_list, choice in zip(section.locator("select").all(), value.split("|")):
                    field_list.select_option(choice)
                compare(page, section, explorer, value)
        elif explorer.kind == "lists":
            first = section.locator("select").first
            first.focus()
            page.keyboard.press("ArrowDown")  # the next state, the same year
            states = [value for value, _label in explorer.filters[0][2]]
            state, year = explorer.initial.split("|")
            compare(page, section, explorer, f"{states[states.index(state) + 1]}|{year}")
            for value in values:
                for field_list, choice in zip(section.locator("select").all(), value.split("|")):
                    field_list.select_option(choice)
                compare(page, section, explorer, value)
        else:
            select = section.locator("select")
            select.focus()
            page.keyboard.press("ArrowDown")
            compare(page, section, explorer, explorer.values[explorer.values.index(explorer.initial) + 1])
            for value in values:
                select.select_option(value)
                compare(page, section, explorer, value)
        sizes = section.locator(".sco-explorer-controls input, .sco-explorer-controls select").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().height)")
        assert min(sizes) >= 44, sizes
        if phone:
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        colours = section.locator(".sco-explorer-view").evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(document.body).backgroundColor]")
        assert colours[0] != colours[1]
        results = Axe().run(page, context=f'section[data-explorer="{name}"]')
        serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], (name, serious)
    assert errors == [] and context.blocked == []
    context.close()


def compare(page, section, explorer, value: str) -> None:
    page.wait_for_function(f"document.querySelector('section[data-explorer=\"{explorer.name}\"]')"
                           f".getAttribute('data-value') === '{value}'", timeout=5000)
    view = explorer.view(value)
    shown = section.locator(".sco-explorer-view").evaluate("e => e.textContent")
    assert "".join(shown.split()) == "".join(BeautifulSoup(view.html, "html.parser").get_text("").split())
    assert section.locator('[role="status"]').inner_text() == view.announce
    if explorer.has_map:
        fills = section.locator("[data-iso3]").evaluate_all(
            "els => Object.fromEntries(els.map(e => [e.getAttribute('data-iso3'), e.getAttribute('fill')]))")
        painted = {code: fill.removeprefix("url(#sco-map-").removesuffix(")") for code, fill in fills.items()
                   if fill.startswith("url(")}
        assert painted == {code: status for code, status in view.statuses.items() if code in fills}
