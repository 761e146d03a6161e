"""Chart standards are enforced: alt text, axis labels, source line, data download."""

import base64
import io
import re
import urllib.parse

import pandas as pd
import pytest
from PIL import Image

from conftest import NOTEBOOKS, ROOT
from scobook.charts import PALETTE, check_alt_text, finish_chart, new_figure
from scobook.palette import css_variables
from scobook.paths import BUILD_VARIABLE

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
    assert 'alt="Bar chart of mentions: China 14 and Russia 14, equal." aria-describedby="mentions-in-words"' in html
    assert ('<summary>The chart in words</summary><p id="mentions-in-words">Bar chart of mentions: China 14 and '
            'Russia 14, equal. &lt;script&gt;&quot;x&quot;&lt;/script&gt;</p>') in html
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
    assert PALETTE["main"] == "#0072B2" and PALETTE["fourth"] == "#D55E00" and len(PALETTE) == 8


def test_title_and_source_are_in_the_caption_once_not_in_the_image():
    fig = labelled_figure()
    chart = finish_chart(fig, title="Mentions of two states", source="The article", as_of="2018-06-06",
                         alt=ALT, data=DATA, name="mentions")
    assert fig.texts == [] and fig._suptitle is None  # nothing drawn into the picture
    html = chart._repr_html_()
    assert html.count("Source: The article.") == 1
    assert '<span class="sco-chart-title">Mentions of two states.</span>' in html


def test_the_phone_rendition_is_narrow_with_text_of_at_least_the_phone_minimum_and_is_undone(monkeypatch):
    from matplotlib.text import Text

    from scobook.charts import DPI, PHONE_MIN_PT, PHONE_WIDTH, PhoneLayout

    fig, axes = new_figure(width=9, height=4, ncols=2)
    for ax in axes:
        ax.barh([f"State number {i}" for i in range(12)], range(12), label="count")
        ax.set_xlabel("Mentions (count)")
        ax.legend(fontsize=7)
        ax.set_title("A long title that a phone has to wrap onto two lines of text", fontsize=8)
    before = (tuple(fig.get_size_inches()), [ax.get_subplotspec().get_geometry() for ax in axes],
              sorted(t.get_fontsize() for t in fig.findobj(Text)), len(fig.legends))
    with PhoneLayout(fig):
        assert fig.get_size_inches()[0] == PHONE_WIDTH
        assert [ax.get_subplotspec().get_geometry()[:2] for ax in axes] == [(2, 1), (2, 1)]  # stacked
        fig.canvas.draw() if hasattr(fig.canvas, "draw") else None
        shown = [t for t in fig.findobj(Text) if t.get_text() and t.get_visible()]
        assert min(t.get_fontsize() for t in shown) >= PHONE_MIN_PT
        assert "\n" in axes[0].get_title()
    after = (tuple(fig.get_size_inches()), [ax.get_subplotspec().get_geometry() for ax in axes],
             sorted(t.get_fontsize() for t in fig.findobj(Text)), len(fig.legends))
    assert after == before
    chart = finish_chart(fig, title="T", source="S", as_of="2018", alt=ALT, data=DATA, name="t")
    phone = Image.open(io.BytesIO(chart.png_bytes(phone=True)))
    assert phone.width == round(PHONE_WIDTH * DPI)
    monkeypatch.setenv(BUILD_VARIABLE, "1")  # the book's build: the page carries the phone rendition
    assert '<source media="(max-width: 600px)" srcset="data:image/png;base64,' in chart._repr_html_()
    monkeypatch.delenv(BUILD_VARIABLE)  # a student's Jupyter draws only what it shows: no phone rendition
    assert "<source" not in chart._repr_html_()


def test_a_note_placed_at_a_date_turns_to_the_left_on_a_phone_near_the_right_edge():
    """The lesson code writes dates as dates (``ax.annotate("x", (pd.Timestamp(...), 1))``), not
    matplotlib's date numbers; the phone layout places such a note like any other."""
    import pandas as pd

    from scobook.charts import PhoneLayout

    fig, ax = new_figure(width=8, height=3)
    ax.scatter([pd.Timestamp("2001-06-15"), pd.Timestamp("2025-09-01")], [0, 1])
    left = ax.annotate("founded", (pd.Timestamp("2001-06-15"), 0), xytext=(5, 0), textcoords="offset points")
    right = ax.annotate("partners", (pd.Timestamp("2025-09-01"), 1), xytext=(5, 0), textcoords="offset points")
    with PhoneLayout(fig):
        assert (left.get_horizontalalignment(), right.get_horizontalalignment()) == ("left", "right")
        assert right.xyann == (-5, 0)
    assert right.get_horizontalalignment() == "left" and right.xyann == (5, 0)


def test_a_centred_note_near_an_edge_opens_away_from_it_on_a_phone():
    """Chapter 2's "Belarus: 10th member" and "partner status" were cut at the phone chart's edge."""
    from scobook.charts import PhoneLayout

    fig, ax = new_figure(width=8, height=3)
    ax.plot([1996, 2025], [0, 17])
    notes = [ax.annotate(t, (x, 1), xytext=(0, 10), textcoords="offset points", ha="center")
             for t, x in [("SCO founded", 1997), ("middle", 2010), ("Belarus: 10th member", 2024)]]
    with PhoneLayout(fig):
        assert [n.get_horizontalalignment() for n in notes] == ["left", "center", "right"]
        fig.canvas.draw()
        figure_box = fig.bbox
        for note in notes:
            box = note.get_window_extent()
            assert figure_box.x0 <= box.x0 and box.x1 <= figure_box.x1, note.get_text()
    assert [n.get_horizontalalignment() for n in notes] == ["center"] * 3


def test_a_chart_may_bring_its_own_phone_layout_which_must_be_narrow_and_legible(monkeypatch):
    from scobook.charts import PHONE_WIDTH

    phone, ax = new_figure(width=PHONE_WIDTH, height=5)
    ax.barh(DATA["country"], DATA["mentions"])
    ax.set_xlabel("Mentions (count)")
    ax.tick_params(labelsize=10)
    chart = finish_chart(labelled_figure(), title="T", source="S", as_of="2018", alt=ALT, data=DATA, name="t",
                         phone=phone)
    assert chart.png_bytes(phone=True)[:8] == b"\x89PNG\r\n\x1a\n"
    monkeypatch.setenv(BUILD_VARIABLE, "1")
    assert f'width="{round(PHONE_WIDTH * 110)}" height="550"' in chart._repr_html_()
    wide, ax = new_figure(width=6, height=5)
    ax.set_xlabel("Mentions (count)")
    with pytest.raises(ValueError, match="phone figure must be at most"):
        finish_chart(labelled_figure(), title="T", source="S", as_of="2018", alt=ALT, data=DATA, name="t", phone=wide)


def test_bar_values_over_narrow_bars_stand_upright_on_a_phone():
    """Chapter 2's grouped bars printed "42%42%" side by side in the phone rendition."""
    from scobook.charts import PhoneLayout

    fig, ax = new_figure(width=8, height=4)
    for i in range(4):
        bars = ax.bar([j + i * 0.2 for j in range(3)], [42, 25, 22], 0.2, label=str(i))
        ax.bar_label(bars, labels=["42%", "25%", "22%"], fontsize=7)
    ax.set_ylabel("Share (%)")
    with PhoneLayout(fig):
        assert {note.get_rotation() for note in ax.texts} == {90}
    assert {note.get_rotation() for note in ax.texts} == {0}


def test_an_image_carries_the_descriptions_first_sentence_and_the_page_the_whole_of_it():
    from scobook.charts import short_alt

    assert short_alt("Four maps of the SCO. 15 June 2001: 6 members. 9 June 2018: 8 members.") == (
        "Four maps of the SCO. 15 June 2001: 6 members.")  # a first sentence under six words takes the next
    assert short_alt("Timeline of 27 states from 1996 to 2025. Iran joined in 2023.") == "Timeline of 27 states from 1996 to 2025."
    long = "Bar chart of the years each later member waited: " + "; ".join(f"state {n} {n} years" for n in range(30)) + "."
    assert short_alt(long) == "Bar chart of the years each later member waited."
    chart = finish_chart(labelled_figure(), title="T", source="S", as_of="2018", alt="A chart of six words here.",
                         data=DATA, name="t")
    assert "The chart in words" not in chart._repr_html_()  # one sentence: nothing more to write beside it


def test_row_names_written_inside_a_phone_timeline_cover_no_bar():
    """Chapter 2's timeline on a phone: the states' names, written inside the plot, covered the
    Shanghai Five's bars (1996-2001). A band on the left now holds them."""
    from scobook.charts import PhoneLayout

    names = ["China", "Russia", "United Arab Emirates", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan",
             "Saudi Arabia", "Afghanistan", "Azerbaijan"]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig, ax = new_figure(width=8.5, height=6)
    FigureCanvasAgg(fig)  # a canvas that draws, to measure what it drew
    ax.barh(names, [29] * len(names), left=1996)
    ax.set_xlabel("Year")
    with PhoneLayout(fig):
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        bars = [bar.get_window_extent(renderer) for bar in ax.patches]
        labels = [label.get_window_extent(renderer) for label in ax.get_yticklabels() if label.get_text()]
        assert len(labels) == len(names)
        assert not any(label.overlaps(bar) for label in labels for bar in bars)
    assert ax.get_xlim()[0] > 1990  # the desktop chart is unchanged


def _cells_of(notebook):
    import json

    return json.loads(notebook.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_a_visible_chart_cell_shows_its_chart_and_the_book_only_the_finished_one(notebook, html_dir):
    """Issue 22: a student who changes a colour and runs the visible cell that draws a chart sees the
    chart (it draws like plt.subplots); the folded cell that finishes it shows the finished chart
    only, not a second copy; and the online book shows only the finished chart (the drawing cell's
    own image is removed there, ``remove-output``). Read from the copy the build executed."""
    from bs4 import BeautifulSoup

    executed = _cells_of(html_dir.parent / "jupyter_execute" / notebook.relative_to(ROOT))
    drawing = finishing = 0
    for cell in executed:
        if cell["cell_type"] != "code":
            continue
        source, tags = "".join(cell["source"]), cell.get("metadata", {}).get("tags", [])
        kinds = [set(o.get("data", {})) for o in cell.get("outputs", []) if o["output_type"] in ("display_data", "execute_result")]
        if "new_figure(" in source and not {"hide-input", "hide-cell"} & set(tags):
            drawing += 1
            assert "remove-output" in tags, source[:80]
            assert any("image/png" in k for k in kinds), f"the drawing cell shows no chart when run: {source[:80]}"
        if "finish_chart(" in source:
            finishing += 1
            assert not any("image/png" in k for k in kinds), f"a second, unfinished copy: {source[:80]}"
    page = html_dir / notebook.relative_to(ROOT).with_suffix(".html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    raw = [img for img in soup.select("div.cell_output img") if not img.find_parent("figure", class_="sco-chart")]
    assert raw == [], raw[:2]
    assert drawing <= finishing


def test_the_palettes_colours_are_written_once_in_palette_py():
    """Issue 22: a palette change is one edit. No other module and no notebook writes one of the
    palette's colours as a literal (they use ``PALETTE[...]``, or a status's style); fails on the
    copies the membership module, the live quiz's CSS and chapter 2's share chart held."""
    palette = {value.lower() for value in PALETTE.values()}
    css = (ROOT / "_static/scobook.css").read_text()
    assert css_variables() in css  # the page styles' :root block is the palette's, role by role
    outside = css.replace(css_variables(), "")
    written = [f"scobook.css: {h}" for h in re.findall(r"#[0-9A-Fa-f]{6}\b", outside) if h.lower() in palette]
    written += [f"scobook.css: var(--sco-{role}) is not a role" for role in re.findall(r"var\(--sco-([a-z]+)\)", outside)
                if role not in PALETTE]
    for path in sorted((ROOT / "scobook").rglob("*.py")):
        if path.name != "palette.py":
            written += [f"{path.name}: {h}" for h in re.findall(r"#[0-9A-Fa-f]{6}\b", path.read_text()) if h.lower() in palette]
    for notebook in NOTEBOOKS:
        for cell in _cells_of(notebook):
            source = "".join(cell["source"])
            written += [f"{notebook.name}: {h}" for h in re.findall(r"#[0-9A-Fa-f]{6}\b", source) if h.lower() in palette]
    assert written == []
