"""Reading the book's CSV files strictly: every value as text, every row checked against the header."""

from __future__ import annotations

import pandas as pd

from scobook.statuses import STATUS_LABELS
from scobook.text import FOREIGN_RUNS, lang_html

#: Column names that readers see as headings in words (the rest: "_" becomes a space, first letter capital).
COLUMN_HEADINGS = {
    "iso3": "Code", "gdp_current_usd": "GDP (current US$)", "land_area_km2": "Land area (km\u00b2)",
    "share_percent": "Share (%)", "states_without_data": "States without data", "n": "\u00b6",
}


def column_heading(column) -> str:
    """A table column's heading in words: "shanghai_five" as "Shanghai Five", "iso3" as "Code"."""
    name = str(column)
    if name in COLUMN_HEADINGS:
        return COLUMN_HEADINGS[name]
    if name in STATUS_LABELS:
        return STATUS_LABELS[name]
    words = name.replace("_", " ")
    return words[:1].upper() + words[1:]


#: Codes that readers see as words in tables (statuses, and the "none" of a state with no status).
CODE_LABELS = {"none": "no status"}
#: The CSS class of wide tables made for readers: the book's stylesheet stacks them as cards on a
#: phone. A table narrow enough for a 375 px screen (about 48 characters a row) keeps its rows and
#: gets :data:`COMPACT_TABLE_CLASS` instead: cards would only make it longer.
READER_TABLE_CLASS = "sco-table"
COMPACT_TABLE_CLASS = "sco-table-compact"
PHONE_ROW_CHARACTERS = 48


#: The class of a block folded under one line (an HTML ``<details>``) in pages and notebook outputs;
#: the book's stylesheet styles it and ``sco-print.js`` opens it for printing.
FOLD_CLASS = "sco-fold"


def fold_html(summary: str, inner_html: str) -> str:
    """``inner_html`` folded under ``summary`` (escaped), the one way the book folds HTML."""
    import html

    return f'<details class="{FOLD_CLASS}"><summary>{html.escape(summary)}</summary>{inner_html}</details>'


class Folded:
    """A long table folded under a one-line summary (an HTML ``<details>`` block) that opens on
    a click or Enter: in the book, in JupyterLab and in Notebook 7 alike."""

    def __init__(self, summary: str, styler):
        self.summary, self.styler = summary, styler

    def _repr_html_(self) -> str:
        return fold_html(self.summary, self.styler.to_html())

    def __repr__(self) -> str:
        return f"{self.summary}\n{self.styler.data.to_string(index=False)}"


def _has_foreign(text: str) -> bool:
    return any(pattern.search(text) for _, pattern in FOREIGN_RUNS)


def readable(frame: pd.DataFrame, *, caption: str | None = None, end_columns: tuple[str, ...] = ("end",),
             fold: str | None = None):
    """A table for readers, not coders: status codes as labels ("Shanghai Five", not
    ``shanghai_five``), dates as "9 Jun 2018", an empty end date as "present", True/False as
    yes/no, column names in words, and no 0…n index. Returns a pandas ``Styler`` (HTML in
    Jupyter and in the book), or, with ``fold="All 18 rows"``, the table folded under that
    summary (long tables keep a page short on a phone). The data itself is left unchanged."""
    labels = {**STATUS_LABELS, **CODE_LABELS}
    shown = frame.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_bool_dtype(values):
            shown[column] = values.map({True: "yes", False: "no"})
        elif pd.api.types.is_datetime64_any_dtype(values):
            empty = "present" if column in end_columns else ""
            shown[column] = values.dt.strftime("%-d %b %Y").astype(object).where(values.notna(), empty)
        elif pd.api.types.is_float_dtype(values):
            shown[column] = values.map(lambda v: "" if pd.isna(v) else f"{v:,.1f}")
        else:
            text = values.astype("string")
            present = text.dropna()
            # a column of statuses (the "none" of a state without one only counts beside real statuses)
            if len(present) and present.isin(labels.keys()).all() and present.isin(STATUS_LABELS.keys()).any():
                shown[column] = text.map(labels)
    shown.columns = [column_heading(c) for c in shown.columns]
    widths = [max([len(str(column)), *(len(str(v)) for v in shown[column])]) for column in shown.columns]
    wide = sum(widths) + 2 * len(widths) > PHONE_ROW_CHARACTERS
    css_class = READER_TABLE_CLASS if wide else COMPACT_TABLE_CLASS
    styler = shown.style.hide(axis="index").set_table_attributes(f'class="{css_class}"')
    foreign = [c for c in shown.columns if shown[c].map(lambda v: isinstance(v, str) and _has_foreign(v)).any()]
    if foreign:  # Russian and Chinese in a <span lang>, so a screen reader pronounces them (WCAG 3.1.2)

        styler = styler.format(lambda v: lang_html(v) if isinstance(v, str) else v, subset=foreign)
    if caption:
        styler = styler.set_caption(caption)
    return Folded(fold, styler) if fold else styler
