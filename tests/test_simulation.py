"""The summit simulation's role cards are built from the data: one per member state, figures from
the indicators, history from the membership file, every position with its publisher's source."""

import pytest

from scobook.catalog import as_of
from scobook.membership import load_membership, members_on
from scobook.simulation import load_roles, role_cards


def test_one_card_per_member_with_figures_from_the_data():
    cards = role_cards()
    members = members_on(load_membership(), as_of("sco_membership.csv"))
    assert sorted(c["country"] for c in cards) == sorted(members)
    shares = [c["gdp_share"] for c in cards if c["gdp_share"] is not None]
    assert sum(shares) == pytest.approx(1.0)
    china = next(c for c in cards if c["country"] == "China")
    assert china["gdp_share"] == max(shares)  # the imbalance the debrief asks about
    assert all(c["history"] and c["source"].startswith("http") for c in cards)


def test_the_draft_touches_the_real_dividing_line():
    roles = load_roles()
    assert "Belt and Road" in roles["draft"]
    india = next(r for r in roles["roles"] if r["iso3"] == "IND")
    assert "sovereignty" in india["quote"]


def test_the_simulation_page_shows_every_card(html_dir):
    page = (html_dir / "chapters" / "summit-simulation.html").read_text()
    assert page.count('class="role-card"') == len(role_cards())
    assert "Draft paragraph" in page
