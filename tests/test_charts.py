"""Chart standards are enforced: alt text, axis labels, source line, data download."""

import base64
import io
import re
import urllib.parse

import pandas as pd
import pytest
from PIL import Image

from scobook.charts import PALETTE, check_alt_text, finish_chart, new_figure

DATA = pd.DataFrame({"country": ["China", "Russia"], "mentions": [14, 14]})
ALT = "Bar chart of mentions: China 14 and Russia 14, equal."


def labelled_figure():
    fig, ax = new_figure()
    ax.bar(DATA["country"], DATA["mentions"])
    ax.set_ylabel("Mentions (count)")
    return fig


@pytest.mark.parametrize("alt", ["", "   ", "Image", "chart.", "figure_1.png", "Bar chart of mentions"])
def test_alt_text_that_says_nothing_is_rejected(alt):
    with pytest.raises(ValueError, match="alt text"):
        check_alt_text(alt)


def test_finished_chart_html_has_alt_source_and_csv_download():
    chart = finish_chart(labelled_figure(), title="Mentions", source="The article", as_of="2018-06-06",
                         alt=ALT + ' <script>"x"</script>', data=DATA, name="mentions")
    html = chart._repr_html_()
    assert 'alt="Bar chart of mentions: China 14 and Russia 14, equal. &lt;script&gt;&quot;x&quot;&lt;/script&gt;"' in html
    assert "<script>" not in html
    png = re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1)
    assert base64.b64decode(png)[:8] == b"\x89PNG\r\n\x1a\n"
    assert Image.open(io.BytesIO(base64.b64decode(png))).mode == "P"  # 256-colour palette, light
    href = re.search(r'href="data:text/csv;charset=utf-8,([^"]+)" download="mentions.csv"', html).group(1)
    assert urllib.parse.unquote(href.replace("&amp;", "&")) == "country,mentions\nChina,14\nRussia,14\n"
    assert "Source: The article. As of 2018-06-06." in html
    assert repr(chart).startswith("[Chart] Bar chart of mentions")


def test_a_chart_with_an_unlabelled_axis_is_refused():
    fig, ax = new_figure()
    ax.bar(DATA["country"], DATA["mentions"])
    with pytest.raises(ValueError, match="label with units"):
        finish_chart(fig, title="T", source="S", as_of="2018", alt=ALT, data=DATA, name="t")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"source": ""}, "source line"), ({"as_of": ""}, "as of"), ({"title": " "}, "title"),
     ({"data": DATA.iloc[0:0]}, "data it draws"), ({"name": "Bad Name"}, "lower-case")],
)
def test_a_chart_missing_its_metadata_is_refused(kwargs, message):
    args = {"title": "T", "source": "S", "as_of": "2018", "alt": ALT, "data": DATA, "name": "t"} | kwargs
    with pytest.raises(ValueError, match=message):
        finish_chart(labelled_figure(), **args)


def test_palette_is_okabe_ito():
    assert PALETTE["blue"] == "#0072B2" and PALETTE["vermillion"] == "#D55E00" and len(PALETTE) == 8
