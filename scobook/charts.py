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

#: Okabe & Ito (2008) colour-blind-safe palette, in the order charts use it.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
PALETTE_CYCLE = list(PALETTE.values())

#: Words that are not alt text on their own.
GENERIC_ALT = {"image", "chart", "figure", "plot", "graph", "picture", "img"}

#: Resolution of the PNG embedded in the page: sharp on phones, light enough for school networks.
DPI = 110


def new_figure(width: float = 7.5, height: float = 4.2, nrows: int = 1, ncols: int = 1) -> tuple[Figure, object]:
    """A figure in the book's style, made without pyplot so it is shown once, by :class:`Chart`."""
    fig = Figure(figsize=(width, height), layout="constrained")
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


@dataclass(frozen=True)
class Chart:
    """A finished chart: the figure, its alt text, its source line and the data drawn."""

    figure: Figure
    alt: str
    source: str
    data: pd.DataFrame
    name: str

    def png_bytes(self) -> bytes:
        """The chart as a 256-colour PNG: charts use few colours, and the palette image is about
        a third of the size of the full-colour one (pages stay light on school networks)."""
        from PIL import Image

        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=DPI)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
        palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        out = io.BytesIO()
        palette.save(out, format="PNG", optimize=True)
        return out.getvalue()

    def csv_text(self) -> str:
        return self.data.to_csv(index=False)

    def _repr_html_(self) -> str:
        png = base64.b64encode(self.png_bytes()).decode("ascii")
        width, height = (int(round(v * DPI)) for v in self.figure.get_size_inches())
        csv_href = "data:text/csv;charset=utf-8," + urllib.parse.quote(self.csv_text())
        return (
            f'<figure class="sco-chart">'
            f'<img src="data:image/png;base64,{png}" alt="{html.escape(self.alt)}" '
            f'width="{width}" height="{height}" style="max-width:100%;height:auto">'
            f"<figcaption>{html.escape(self.source)} "
            f'<a href="{html.escape(csv_href)}" download="{html.escape(self.name)}.csv">'
            f"Download this chart's data (CSV)</a></figcaption></figure>"
        )

    def __repr__(self) -> str:
        # What a reader without a graphical front end sees: the alt text and the source.
        return f"[Chart] {self.alt}\n{self.source}"


def finish_chart(
    fig: Figure,
    *,
    title: str,
    source: str,
    as_of: str,
    alt: str,
    data: pd.DataFrame,
    name: str,
) -> Chart:
    """Add the title and the source line, check the alt text, and return a displayable Chart.

    Every axis must already carry a label (with units, e.g. "Mentions (count)"); a chart
    without one is rejected rather than shown half-labelled.
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
    fig.suptitle(title, fontsize=13, fontweight="bold", x=0.01, ha="left")
    source_line = f"Source: {source}. As of {as_of}."
    fig.text(0.01, 0.0, source_line, fontsize=8, color="#333333", ha="left", va="bottom")
    fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))
    return Chart(figure=fig, alt=check_alt_text(alt), source=source_line, data=data.copy(), name=name)
