"""Indicators and map shapes: shipped files load; bad input names file, row and field."""

import datetime as dt
import json

import pytest

from conftest import assert_rejected
from scobook.errors import DataError
from scobook.indicators import latest_years, load_indicators, share_of_world
from scobook.maps import SMALL_STATES, laea, load_country_shapes
from scobook.membership import load_membership

HEADER = "iso3,indicator,year,value,unit,source\n"


def test_every_state_in_the_membership_file_has_indicator_rows():
    indicators = load_indicators()
    states = set(load_membership()["iso3"])
    assert states | {"WLD"} == set(indicators["iso3"])
    for indicator in ("population", "land_area_km2", "gdp_current_usd"):
        assert {2001, 2018} <= set(indicators.loc[indicators["indicator"] == indicator, "year"])


def test_share_of_world_adds_up_and_reports_missing(tmp_path):
    path = tmp_path / "i.csv"
    path.write_text(HEADER + "CHN,population,2018,100,persons,x\nRUS,population,2018,,persons,not found\n"
                    "WLD,population,2018,400,persons,x\n")
    result = share_of_world(load_indicators(path), ["CHN", "RUS"], "population", 2018)
    assert result == {"total": 100.0, "world": 400.0, "share": 0.25, "missing": ["RUS"]}


def test_latest_years_need_a_world_total(tmp_path):
    path = tmp_path / "i.csv"
    path.write_text(HEADER + "CHN,population,2024,1,persons,x\nWLD,population,2023,9,persons,x\n"
                    "WLD,population,2024,,persons,not yet published\nWLD,land_area_km2,2022,5,km2,x\n")
    assert latest_years(load_indicators(path)) == {"land_area_km2": 2022, "population": 2023}
    assert latest_years(load_indicators()) == {"gdp_current_usd": 2023, "land_area_km2": 2022, "population": 2023}


BAD = {
    "not-a-country": (HEADER + "XXX,population,2018,1,persons,x\n", "row 2, field 'iso3'"),
    "unknown-indicator": (HEADER + "CHN,people,2018,1,persons,x\n", "row 2, field 'indicator'"),
    "wrong-unit": (HEADER + "CHN,population,2018,1,people,x\n", "row 2, field 'unit': population is measured in 'persons'"),
    "bad-year": (HEADER + "CHN,population,20xx,1,persons,x\n", "row 2, field 'year'"),
    "future-year": (HEADER + "CHN,population,2099,1,persons,x\n", "row 2, field 'year'"),
    "not-a-number": (HEADER + "CHN,population,2018,\"1,392,730,000\",persons,x\n", "row 2, field 'value': '1,392,730,000' is not a number"),
    "negative": (HEADER + "CHN,population,2018,-5,persons,x\n", "row 2, field 'value': -5 is negative"),
    "no-source": (HEADER + "CHN,population,2018,1,persons,\n", "row 2, field 'source'"),
    "duplicate": (HEADER + "CHN,population,2018,1,persons,x\nCHN,population,2018,2,persons,y\n", "row 3: duplicate of row 2"),
}


@pytest.mark.parametrize("case", BAD, ids=str)
def test_bad_indicator_file_is_rejected(tmp_path, case):
    text, expected = BAD[case]
    assert_rejected(load_indicators, tmp_path / f"{case}.csv", text, expected, today=dt.date(2026, 11, 27))


def test_shapes_cover_every_state_of_the_membership_file():
    shapes = load_country_shapes()
    missing = set(load_membership()["iso3"]) - set(shapes)
    assert missing == set(SMALL_STATES)  # drawn as dots instead


def test_broken_shapes_file_is_rejected(tmp_path):
    path = tmp_path / "shapes.json"
    path.write_text(json.dumps({"countries": {"CHN": {"name": "China", "polygons": [[[0, 0], [1, 1]]]}}}))
    with pytest.raises(DataError, match="country CHN, field 'polygons'"):
        load_country_shapes(path)
    path.write_text("{not json")
    with pytest.raises(DataError, match="not valid JSON"):
        load_country_shapes(path)


def test_projection_centre_maps_to_origin_and_is_equal_area():
    x, y = laea(75, 40)
    assert abs(x) < 1e-9 and abs(y) < 1e-9
    # a 1-degree cell at the centre and one 30 degrees east cover the same area on the sphere only
    # if scaled by cos(latitude); at equal latitude and symmetric offsets, areas match
    def cell_area(lon, lat):
        xs, ys = laea([lon, lon + 1, lon + 1, lon], [lat, lat, lat + 1, lat + 1])
        return 0.5 * abs(sum(xs[i] * ys[(i + 1) % 4] - xs[(i + 1) % 4] * ys[i] for i in range(4)))
    assert cell_area(75, 40) == pytest.approx(cell_area(105, 40), rel=0.01)


@pytest.mark.parametrize("layout", [(6.4, 5.0, 1, False), (3.6, 3.0, 1, False), (7.2, 6.0, 2, False),
                                    (6.4, 5.0, 1, True), (9, 8, 2, True)],
                         ids=["desktop", "phone", "small-multiples", "phone-rendition", "small-multiples-phone-rendition"])
def test_the_members_codes_on_a_map_do_not_overlap(layout):
    """Issue 24: UZB, KGZ and TJK overlapped on every map. Labels are now spread apart and measured
    here as matplotlib draws them, at the book's desktop, phone and small-multiple sizes, and in
    the phone rendition (scobook.charts.PhoneLayout), whose larger text overlapped again until the
    labels were spread a second time at its sizes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from scobook.charts import PhoneLayout
    from scobook.maps import draw_status_map, load_country_shapes
    from scobook.membership import shipped_membership, status_on

    width, height, grid, rendition = layout
    membership = shipped_membership()
    on = status_on(membership, membership.attrs["as_of"]).set_index("iso3")
    statuses = {code: str(status) for code, status in on["status"].items()}
    members = {code: code for code, status in statuses.items() if status == "member"}
    fig, axes = plt.subplots(grid, grid, figsize=(width, height), squeeze=False)
    styles = {"member": {"color": "#0072B2", "hatch": ""}, "partner": {"color": "#56B4E9", "hatch": "//"}}
    for ax in axes.flat:
        draw_status_map(ax, load_country_shapes(), statuses, styles, labels=members)

    def measure():
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for ax in axes.flat:
            boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts]
            assert sorted(text for text, _ in boxes) == sorted(members)
            overlapping = [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:] if box_a.overlaps(box_b)]
            assert overlapping == []

    if rendition:
        before = [t.xyann for ax in axes.flat for t in ax.texts]
        with PhoneLayout(fig):
            measure()
        assert [t.xyann for ax in axes.flat for t in ax.texts] == before  # the desktop layout comes back
    else:
        measure()
    plt.close(fig)
