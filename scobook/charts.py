"""Chart styling for the book: one colour-blind-safe palette, a source line on every chart,
alt text that states what the data shows, and a link to download the chart's data as CSV.

Notebooks draw with matplotlib as usual (the code students learn from stays in the notebook)
and hand the finished figure to :func:`finish_chart`, which checks the standards and returns
a :class:`Chart` that displays the same way in Jupyter, on Binder and in the static book.
"""

from __future__ import annotations

import base64
import html
import io
import re
import urllib.parse
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from scobook.palette import PALETTE, PALETTE_CYCLE, SEQUENTIAL  # noqa: F401  (notebooks import them from here)
from scobook.paths import in_book_build
from scobook.tables import FOLD_CLASS

#: Words that are not alt text on their own.
GENERIC_ALT = {"image", "chart", "figure", "plot", "graph", "picture", "img"}

#: Resolution of the PNG embedded in the page: sharp on phones, light enough for school networks.
DPI = 110
#: Every chart also has a phone rendition, shown below 600 px: the same figure redrawn
#: 3.6 inches wide with no text under 9.5 pt, the x axis with fewer ticks, long category labels
#: wrapped and the legend below the plot. Shown about 343 CSS px wide on a 375 px phone, its
#: smallest text is then about 12.6 CSS px (9.5 pt at 110 dpi is 14.5 px, scaled by 343/396).
PHONE_WIDTH = 3.6
PHONE_MIN_PT = 9.5
PHONE_MEDIA = "(max-width: 600px)"


def new_figure(width: float = 7.5, height: float = 4.2, nrows: int = 1, ncols: int = 1) -> tuple[Figure, object]:
    """A figure in the book's style, made like ``plt.subplots``: in Jupyter the cell that draws it
    shows the chart when it runs (change a colour, run it, see the change). :func:`finish_chart`
    then closes it, so the finished :class:`Chart` is the one the book shows (the drawing cell is
    tagged ``remove-output`` there)."""
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols)
    for ax in (axes.flat if hasattr(axes, "flat") else [axes]):
        ax.set_prop_cycle(color=PALETTE_CYCLE)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="both", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    return fig, axes


def legend_handles(styles: dict[str, dict], labels: dict[str, str], keys=None) -> list:
    """Legend entries that show colour *and* hatch (and marker), with a label in words."""
    from matplotlib.patches import Patch

    return [
        Patch(facecolor=styles[k]["color"], hatch=styles[k].get("hatch") or None,
              edgecolor="#333333", label=labels[k])
        for k in (keys or styles)
    ]


def check_alt_text(alt: str) -> str:
    """Reject alt text that is empty, a file name or a generic word; return it tidied."""
    text = " ".join(str(alt or "").split())
    if not text:
        raise ValueError("alt text is empty: say what the chart shows, with its key numbers")
    if text.lower().strip(".") in GENERIC_ALT:
        raise ValueError(f"alt text {text!r} is a generic word: say what the chart shows")
    if re.fullmatch(r"[\w.-]+\.(png|svg|jpe?g|gif)", text, flags=re.I):
        raise ValueError(f"alt text {text!r} is a file name: say what the chart shows")
    if len(text.split()) < 6:
        raise ValueError(f"alt text {text!r} is too short to state what the data shows")
    return text


def short_alt(alt: str) -> str:
    """The alt text an image carries: the description's first sentence (two if the first is under
    six words), what the chart shows; the whole description is written beside the chart, so a
    screen reader is not read 700 characters before it can move on (WCAG 1.1.1 with 2.4.4)."""
    sentences = re.findall(r".+?[.!?](?=\s|$)", alt) or [alt]
    short = sentences[0]
    if len(short.split()) < 6 and len(sentences) > 1:
        short = f"{short} {sentences[1].strip()}"
    if len(short) > SHORT_ALT_CHARS and ": " in short[:SHORT_ALT_CHARS]:  # "Bar chart of ...: India 12 years; ..."
        short = short[:short.index(": ")] + "."
    elif len(short) > SHORT_ALT_CHARS:  # cut at a word, and say so
        short = short[:SHORT_ALT_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " \u2026"
    return short.strip()


#: The longest alt text an image carries; the whole description is beside the chart.
SHORT_ALT_CHARS = 160


@dataclass(frozen=True)
class Chart:
    """A finished chart: the figure, its alt text, its source line and the data drawn."""

    figure: Figure
    alt: str
    source: str
    data: pd.DataFrame
    name: str
    title: str = ""
    phone: Figure | None = None  # a layout drawn for phones; otherwise the figure is redrawn

    def png_bytes(self, phone: bool = False) -> bytes:
        """The chart as a 256-colour PNG: charts use few colours, and the palette image is about
        a third of the size of the full-colour one (pages stay light on school networks).
        ``phone=True`` gives the phone rendition (:data:`PHONE_WIDTH`)."""
        from PIL import Image

        buffer = io.BytesIO()
        if phone and self.phone is not None:
            self.phone.savefig(buffer, format="png", dpi=DPI)
        elif phone:
            with PhoneLayout(self.figure):
                self.figure.savefig(buffer, format="png", dpi=DPI)
        else:
            self.figure.savefig(buffer, format="png", dpi=DPI)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
        palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        out = io.BytesIO()
        # zlib's extra passes make the book's file about 8% smaller and cost up to 0.1 s a chart:
        # worth it for pages read on school networks, not in a student's Run All.
        palette.save(out, format="PNG", optimize=in_book_build())
        return out.getvalue()

    def csv_text(self) -> str:
        return self.data.to_csv(index=False)

    def _repr_html_(self) -> str:
        png = base64.b64encode(self.png_bytes()).decode("ascii")
        phone_source = ""
        if in_book_build():  # the phone rendition is for the online book; a student's Jupyter skips it
            phone = base64.b64encode(self.png_bytes(phone=True)).decode("ascii")
            phone_inches = self.phone.get_size_inches() if self.phone is not None else phone_size(self.figure)
            phone_width, phone_height = (int(round(v * DPI)) for v in phone_inches)
            phone_source = (f'<source media="{PHONE_MEDIA}" srcset="data:image/png;base64,{phone}" '
                            f'width="{phone_width}" height="{phone_height}">')
        width, height = (int(round(v * DPI)) for v in self.figure.get_size_inches())
        csv_href = "data:text/csv;charset=utf-8," + urllib.parse.quote(self.csv_text())
        title = f'<span class="sco-chart-title">{html.escape(self.title)}.</span> ' if self.title else ""
        short = short_alt(self.alt)
        words_id = f"{self.name}-in-words"
        described = f' aria-describedby="{words_id}"' if short != self.alt else ""
        in_words = (f'<details class="{FOLD_CLASS} sco-chart-words"><summary>The chart in words</summary>'
                    f'<p id="{words_id}">{html.escape(self.alt)}</p></details>' if described else "")
        return (
            f'<figure class="sco-chart"><picture>{phone_source}'
            f'<img src="data:image/png;base64,{png}" alt="{html.escape(short)}"{described} '
            f'width="{width}" height="{height}" style="max-width:100%;height:auto"></picture>{in_words}'
            f"<figcaption>{title}{html.escape(self.source)} "
            f'<a href="{html.escape(csv_href)}" download="{html.escape(self.name)}.csv">'
            f"Download this chart's data (CSV)</a></figcaption></figure>"
        )

    def __repr__(self) -> str:
        # What a reader without a graphical front end sees: the alt text and the source.
        return f"[Chart] {self.alt}\n{self.source}"


def _grid(figure: Figure) -> tuple[int, int]:
    """(rows, columns) of the figure's grid of axes: (1, 1) for a single chart."""
    specs = [ax.get_subplotspec() for ax in figure.axes if ax.get_subplotspec() is not None]
    if not specs:
        return 1, 1
    return specs[0].get_gridspec().get_geometry()


def phone_size(figure: Figure) -> tuple[float, float]:
    """The phone rendition's size in inches. Panels side by side are stacked in one column; a
    chart with a fixed aspect (a map) keeps each panel's proportions; any other chart gets
    taller as it gets narrower, to keep room for its labels."""
    width, height = figure.get_size_inches()
    rows, cols = _grid(figure)
    panel_w, panel_h = width / cols, height / rows
    panels = rows * cols
    if any(ax.get_aspect() != "auto" for ax in figure.axes):
        return PHONE_WIDTH, panels * panel_h * PHONE_WIDTH / panel_w + (0.8 if panels > 1 else 0)
    return PHONE_WIDTH, panels * max(panel_h, min(panel_h * panel_w / PHONE_WIDTH * 0.5, 2 * panel_h))


class PhoneLayout:
    """Redraw a figure as its phone rendition for the duration of a ``with`` block, then restore it.

    The phone rendition is :data:`PHONE_WIDTH` inches wide with no text under
    :data:`PHONE_MIN_PT`; panels are stacked in one column; the x axis gets fewer ticks and long
    category names wrap; a long list of categories on the y axis is written inside the plot;
    legends of ordinary charts move below the plot, one entry a line; titles wrap.
    """

    def __init__(self, figure: Figure):
        self.figure = figure
        self.undo: list = []

    def _set(self, obj, getter: str, setter: str, value) -> None:
        self.undo.append((getattr(obj, setter), getattr(obj, getter)()))
        getattr(obj, setter)(value)

    def _later(self, action) -> None:
        self.undo.append((action, None))

    def __enter__(self) -> Figure:
        import textwrap

        from matplotlib.dates import AutoDateLocator, DateFormatter
        from matplotlib.gridspec import GridSpec
        from matplotlib.text import Annotation, Text
        from matplotlib.ticker import AutoLocator, MaxNLocator

        fig = self.figure
        size = phone_size(fig)
        rows, cols = _grid(fig)
        if cols > 1:  # side by side → one above the other
            column = GridSpec(rows * cols, 1, figure=fig)
            for i, ax in enumerate(fig.axes):
                self._set(ax, "get_subplotspec", "set_subplotspec", column[i])
        self._set(fig, "get_size_inches", "set_size_inches", size)
        for ax in fig.axes:
            self._set(ax.title, "get_text", "set_text", textwrap.fill(ax.title.get_text(), 44))
            axis = ax.xaxis
            locator = axis.get_major_locator()
            if isinstance(locator, AutoDateLocator):  # a year every few years, not every year
                self._set(axis, "get_major_locator", "set_major_locator", AutoDateLocator(maxticks=4))
                self._set(axis, "get_major_formatter", "set_major_formatter", DateFormatter("%Y"))
            elif isinstance(locator, AutoLocator):
                self._set(axis, "get_major_locator", "set_major_locator", MaxNLocator(nbins=4, steps=[1, 2, 5, 10]))
            labels = [t.get_text() for t in ax.get_xticklabels()]
            named = [label for label in labels if label and not label.lstrip("-−").replace(".", "").isdigit()]
            if named and (len(labels) > 8 or (len(labels) > 4 and max(map(len, named)) > 4)):  # many: upright
                ticks = ax.get_xticks()
                self._later(lambda ax=ax, ticks=ticks, labels=labels: ax.set_xticks(ticks, labels))
                ax.set_xticks(ticks, [textwrap.fill(label, 16) for label in labels], rotation=90)
            elif any(len(label) > 10 for label in named):  # long category names on two lines
                ticks = ax.get_xticks()
                self._later(lambda ax=ax, ticks=ticks, labels=labels: ax.set_xticks(ticks, labels))
                ax.set_xticks(ticks, [textwrap.fill(label, 10) for label in labels])
            for label in (ax.xaxis.label, ax.yaxis.label):  # long axis labels on two lines
                if len(label.get_text()) > 30:
                    self._set(label, "get_text", "set_text", textwrap.fill(label.get_text(), 30))
            names = [t.get_text() for t in ax.get_yticklabels()]
            if ax.containers and len(names) > 8 and max(map(len, names)) > 12 and any(n and not n.lstrip("-−").replace(".", "").isdigit() for n in names):
                # many named rows (a timeline of states): names inside the plot, over a white box
                ticks = ax.get_yticks()
                self._later(lambda ax=ax, ticks=ticks, names=names: ax.set_yticks(ticks, names))
                ax.set_yticks(ticks, [textwrap.fill(n, 24) for n in names], ha="left", bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                                                             "ec": "none", "alpha": 0.85})
                self._later(lambda ax=ax, kw=dict(ax.yaxis._major_tick_kw): setattr(ax.yaxis, "_major_tick_kw", kw))
                ax.tick_params(axis="y", direction="in", pad=-4, length=0)
                self._set(ax, "get_axisbelow", "set_axisbelow", "line")  # the names above the bars
                # a clear band on the left for the names, so that they cover no bar (the Shanghai Five's)
                longest = max(len(line) for n in names for line in textwrap.fill(n, 24).splitlines())
                band = min(0.45, 0.55 * PHONE_MIN_PT / 72 * longest / (PHONE_WIDTH * 0.8) + 0.03)
                left, right = ax.get_xlim()
                self._set(ax, "get_xlim", "set_xlim", (left - band / (1 - band) * (right - left), right))
            elif names and max(map(len, names)) > 14 and not any(n.lstrip("-−").replace(".", "").isdigit() for n in names):
                ticks = ax.get_yticks()  # long row names on two or three lines
                self._later(lambda ax=ax, ticks=ticks, names=names: ax.set_yticks(ticks, names))
                ax.set_yticks(ticks, [textwrap.fill(n, 14) for n in names])
            legend = ax.get_legend()
            if legend is not None and ax.get_aspect() == "auto":  # below the plot, not over the data
                self._set(legend, "get_visible", "set_visible", False)
                below = fig.legend(handles=legend.legend_handles,
                                   labels=[textwrap.fill(t.get_text(), 38) for t in legend.get_texts()],
                                   loc="outside lower left", ncols=1, fontsize=PHONE_MIN_PT, frameon=False)
                self._later(below.remove)
        for ax in fig.axes:  # notes on the plot: wrapped, and never allowed to squeeze the plot away
            for note in ax.texts:
                if len(note.get_text()) > 28:
                    self._set(note, "get_text", "set_text", textwrap.fill(note.get_text(), 28))
                self._set(note, "get_in_layout", "set_in_layout", False)
                if isinstance(note, Annotation) and note.get_anncoords() == "offset points":
                    xy = (ax.convert_xunits(note.xy[0]), ax.convert_yunits(note.xy[1]))  # dates become numbers
                    x_axes = ax.transAxes.inverted().transform(ax.transData.transform(xy))[0]
                    if x_axes > 0.55 and note.get_horizontalalignment() == "left":  # a note near the right
                        self._set(note, "get_horizontalalignment", "set_horizontalalignment", "right")
                        dx, dy = note.xyann  # edge opens to the left of its point instead
                        self.undo.append((lambda note=note, xy=(dx, dy): setattr(note, "xyann", xy), None))
                        note.xyann = (-dx, dy)
                    elif (len(ax.patches) > 8 and note.xyann[0] == 0 and 0 <= note.xyann[1] <= 5
                          and note.get_horizontalalignment() == "center"
                          and note.get_verticalalignment() == "bottom"):  # bar_label's values over narrow bars
                        self._set(note, "get_rotation", "set_rotation", 90)
                    elif x_axes > 0.7 and note.get_horizontalalignment() == "center":  # would run off the right
                        self._set(note, "get_horizontalalignment", "set_horizontalalignment", "right")
                    elif x_axes < 0.3 and note.get_horizontalalignment() == "center":  # or off the left
                        self._set(note, "get_horizontalalignment", "set_horizontalalignment", "left")
        for text in fig.findobj(Text):
            if text.get_fontsize() < PHONE_MIN_PT:
                self._set(text, "get_fontsize", "set_fontsize", PHONE_MIN_PT)
        relabel = [ax.sco_relabel for ax in fig.axes if hasattr(ax, "sco_relabel")]
        if relabel:  # labels placed to avoid each other (maps): placed again at the phone's sizes
            fig.draw_without_rendering()
            for again in relabel:
                again(lambda note, xy: self.undo.append((lambda note=note, xy=xy: setattr(note, "xyann", xy), None)))
        for ax in fig.axes:  # ticks made after this (the new locators) get the phone size too
            for axis in (ax.xaxis, ax.yaxis):
                self._later(lambda axis=axis, kw=dict(axis._major_tick_kw): setattr(axis, "_major_tick_kw", kw))
            ax.tick_params(labelsize=PHONE_MIN_PT)
        return fig

    def __exit__(self, *exc) -> bool:
        for setter, value in reversed(self.undo):
            setter() if value is None else setter(value)
        for ax in self.figure.axes:
            ax.xaxis.reset_ticks()
            ax.yaxis.reset_ticks()
        self.undo.clear()
        return False


def finish_chart(
    fig: Figure,
    *,
    title: str,
    source: str,
    as_of: str,
    alt: str,
    data: pd.DataFrame,
    name: str,
    phone: Figure | None = None,
) -> Chart:
    """Add the title and the source line, check the alt text, and return a displayable Chart.

    Every axis must already carry a label (with units, e.g. "Mentions (count)"); a chart
    without one is rejected rather than shown half-labelled. ``phone`` is an optional second
    figure drawn for phones (for example a heatmap turned on its side); without it, the phone
    rendition is the same figure redrawn by :class:`PhoneLayout`. It must be at most
    :data:`PHONE_WIDTH` inches wide with no text under :data:`PHONE_MIN_PT`.
    """
    if not title.strip():
        raise ValueError("a chart needs a title")
    if not source.strip() or not as_of.strip():
        raise ValueError("a chart needs a source line and an 'as of' date")
    for ax in fig.axes:
        if ax.get_visible() and ax.axison and not (ax.get_xlabel() or ax.get_ylabel()):
            raise ValueError(f"every axis needs a label with units; axis {ax!r} has none")
    if data is None or data.empty:
        raise ValueError("a chart needs the data it draws, for the CSV download")
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ValueError(f"chart name {name!r} must be lower-case letters, digits and hyphens")
    if phone is not None:
        from matplotlib.text import Text

        small = sorted({t.get_text() for t in phone.findobj(Text) if t.get_text() and t.get_fontsize() < PHONE_MIN_PT})
        if phone.get_size_inches()[0] > PHONE_WIDTH + 1e-9 or small:
            raise ValueError(f"the phone figure must be at most {PHONE_WIDTH} in wide with text of at least "
                             f"{PHONE_MIN_PT} pt; too small: {small[:5]}")
        for ax in phone.axes:
            if ax.get_visible() and ax.axison and not (ax.get_xlabel() or ax.get_ylabel()):
                raise ValueError(f"every axis needs a label with units; axis {ax!r} of the phone figure has none")
    # The title and the source line are the caption's, not the image's: the source appears once
    # and is never clipped at a phone's edge; the book numbers each caption ("Figure 2.3").
    source_line = f"Source: {source}. As of {as_of}."
    import matplotlib.pyplot as plt

    for figure in (fig, phone):  # no second, unfinished copy at the end of the finishing cell
        if figure is not None:
            plt.close(figure)
    return Chart(figure=fig, alt=check_alt_text(alt), source=source_line, data=data.copy(), name=name,
                 title=" ".join(title.split()), phone=phone)
