"""Explorers: one definition, two renderings, as the quizzes have.

An explorer is declared once here: its control (a year, or a choice from a list) and, for each
value of the control, what it shows (:class:`View`: an HTML fragment, the one sentence a screen
reader hears, and for a map each state's status), computed from ``data/``. Two renderings use
the same views:

- in Jupyter, :func:`show_explorer` draws it with ipywidgets (a year box and a slider kept
  together, or a drop-down list) and computes the view of each value when it is chosen;
- in the online book, where nothing runs, ``scobook.sphinx.explorers`` writes the same control as
  plain HTML, every view into a small data file loaded when the explorer scrolls into view, and
  ``sco-explorer.js`` (no framework, no network) shows the view of the chosen value. Without
  JavaScript the page keeps the first view and the tables and maps around it.

``tests/test_explorers.py`` checks that both renderings show the same view for the same value.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from scobook.article import load_article
from scobook.blocs import BLOCS, FROZEN, IN_A_SENTENCE, UNCLEAR, load_blocs
from scobook.catalog import as_of
from scobook.claims import CLAIM_TYPES, OUTCOME_LABELS, load_claims, outcome_label
from scobook.errors import InputError
from scobook.maps import NO_STATUS_COLOUR, SMALL_STATES, WINDOW, laea, load_country_shapes, projected_rings
from scobook.membership import ARTICLE_DATE, held_on, load_membership, status_on
from scobook.outlets import label as outlet_label
from scobook.palette import PALETTE
from scobook.spirit import load_principles, principle_card_html
from scobook.statuses import STATUS_LABELS, STATUS_PHRASES, STATUS_PLURALS, STATUS_STYLE
from scobook.text import long_date as _day


@dataclass(frozen=True)
class View:
    """What an explorer shows for one value of its control."""

    html: str  # the result: counts, lists, a card (no script, no style attribute)
    announce: str  # one sentence a screen reader hears when the value changes (aria-live)
    statuses: dict[str, str] = field(default_factory=dict)  # ISO3 -> status key, for a map


@dataclass(frozen=True)
class Explorer:
    name: str
    title: str
    kind: str  # "year": a number box and a slider; "choice": a drop-down list; "lists": several
    #: drop-down lists, the value their choices joined by "|"; "filter": lists that filter rows
    label: str  # the control's visible label
    values: tuple[str, ...]  # every value of the control, in order
    labels: tuple[str, ...]  # what the reader sees for each value
    initial: str
    view: Callable[[str], View]
    has_map: bool = False
    #: for a "lists" explorer: its drop-down lists, (label, field, ((value, label), ...)).
    #: For a "filter" explorer: its drop-down lists, (label, field, ((value, label), ...)), each
    #: with "all" first; its value is one choice per list joined by "|", "all|all|all"; and its rows,
    #: (html, {field: value}), which the book's script filters as :func:`filter_view` does
    filters: tuple = ()
    rows: tuple = ()

    def views(self) -> dict[str, View]:
        """Every view, computed once: what the online book precomputes at build time (a filter
        explorer's views are its rows, filtered in the page)."""
        return {value: self.view(value) for value in self.values}



def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- chapter 2: the SCO on any date ---------------------------------------------------------

def _membership_day(year: str) -> pd.Timestamp:
    checked = pd.Timestamp(as_of("sco_membership.csv"))
    return min(pd.Timestamp(year=int(year), month=12, day=31), checked)


def membership_view(year: str) -> View:
    """The SCO on 31 December of ``year`` (or on the "as of" day in its last year): the counts by
    status, each state by status, and the states whose status differs from the article's day."""
    membership = load_membership()
    day = _membership_day(year)
    now = status_on(membership, day)
    counts = now["status"].value_counts()
    parts = [f"{counts[s]} {STATUS_PLURALS[s]}" for s in STATUS_LABELS if counts.get(s, 0)]
    announce = f"{_day(day)}: {_join(parts) if parts else 'no state had an SCO status'}."
    then = dict(zip(status_on(membership, ARTICLE_DATE)["iso3"], status_on(membership, ARTICLE_DATE)["status"]))
    names = dict(zip(membership["iso3"], membership["country"]))
    statuses = dict(zip(now["iso3"], now["status"]))
    rows = []
    for status in STATUS_LABELS:
        states = sorted(now.loc[now["status"] == status, "country"])
        if states:
            rows.append(f"<li><strong>{html.escape(STATUS_LABELS[status])}</strong> ({len(states)}): "
                        f"{html.escape(', '.join(states))}</li>")
    changed = sorted((names[code], then.get(code, "none"), statuses.get(code, "none"))
                     for code in set(then) | set(statuses) if then.get(code, "none") != statuses.get(code, "none"))
    word = {**{k: v.lower() for k, v in STATUS_LABELS.items()}, "none": "no status"}
    if day == ARTICLE_DATE or not changed:
        differs = f"<p>No state's status differs from the article's day ({_day(ARTICLE_DATE)}).</p>"
    else:
        items = "".join(f"<li>{html.escape(name)}: {html.escape(word[a])} \u2192 {html.escape(word[b])}</li>"
                        for name, a, b in changed)
        differs = (f"<p>{len(changed)} states had a different status on the article's day "
                   f"({_day(ARTICLE_DATE)}), shown as then \u2192 on {_day(day)}:</p><ul>{items}</ul>")
    body = (f'<p class="sco-explorer-result"><strong>{html.escape(announce)}</strong></p>'
            f"<ul>{''.join(rows)}</ul>{differs}")
    return View(body, announce, statuses)


def _membership_explorer() -> Explorer:
    last = pd.Timestamp(as_of("sco_membership.csv")).year
    years = tuple(str(y) for y in range(1996, last + 1))
    labels = tuple(y if int(y) < last else f"{y} (to {_day(as_of('sco_membership.csv'))})" for y in years)
    return Explorer("membership-on-date", "The SCO in any year", "year", "Year", years, labels,
                    str(ARTICLE_DATE.year), membership_view, has_map=True)


# --- chapter 3: one principle at a time ----------------------------------------------------

def principle_view(principle_id: str) -> View:
    principles = {p["id"]: p for p in load_principles()}
    if principle_id not in principles:
        raise InputError(f"{principle_id!r} is not a principle; choose one of {', '.join(principles)}")
    principle = principles[principle_id]
    paragraphs = load_article().paragraphs
    card = principle_card_html(principle, paragraphs)
    practice = principle.get("practice") or {}
    evidence = "".join(
        f'<li><strong>{heading}</strong> {html.escape(item["text"])} '
        f'<a href="{html.escape(item["source"])}">Source: {html.escape(outlet_label(item["source"]))}</a></li>'
        for key, heading in (("supports", "Supports the article:"), ("complicates", "Complicates it:"))
        if (item := practice.get(key)))
    if evidence:
        card += f"<p><strong>In practice</strong> (evidence to weigh, not a verdict):</p><ul>{evidence}</ul>"
    used = [int(n) for n in principle.get("paragraphs") or []]
    where = (f"the article invokes it in {_join([f'¶{n}' for n in used])}" if used
             else "the article does not invoke it by name")
    announce = f"{principle['name_en'].capitalize()}: {where}."
    return View(card, announce)


def _principle_explorer() -> Explorer:
    principles = load_principles()
    ids = tuple(p["id"] for p in principles)
    return Explorer("principle", "One principle of the Shanghai Spirit", "choice", "Principle", ids,
                    tuple(p["name_en"].capitalize() for p in principles), ids[0], principle_view)


# --- chapter 4: a state's blocs ------------------------------------------------------------

def _blocs_data() -> tuple[pd.DataFrame, pd.DataFrame, pd.Timestamp]:
    """What every view of the explorer reads: the SCO statuses, the blocs and their "as of" day."""
    return load_membership(), load_blocs(), pd.Timestamp(as_of("blocs.csv"))


def _status_word(status: str) -> str:
    """"observer", "dialogue partner", "SCO partner": a status's label as words in a sentence."""
    label = re.sub(r"\s*\(.*\)$", "", STATUS_LABELS[status])
    return label if label[:2].isupper() else label[0].lower() + label[1:]


def _sco_row(membership: pd.DataFrame, iso3: str, day: pd.Timestamp) -> tuple[str, bool]:
    """The SCO line of a state's blocs on ``day``, and whether it was a full member then."""
    periods = membership[membership["iso3"] == iso3]
    running = periods[held_on(periods, day)]
    founded = membership.loc[membership["status"] == "member", "start"].min()
    if not len(running):
        later = periods[periods["start"] > day].sort_values("start")
        if len(later):
            first = later.iloc[0]
            became = STATUS_PHRASES[first["status"]].removeprefix("was ")  # "an SCO partner", "an observer"
            return f"no status yet ({became} from {_day(first['start'])})", False
        return "no status", False
    status, since = running["status"].iloc[0], running["start"].iloc[0]
    if status == "shanghai_five":
        return (f"not founded yet (founded on {_day(founded)}); one of the Shanghai Five, "
                f"its forerunner, since {_day(since)}"), False
    return f"{_status_word(status)} since {_day(since)}", status == "member"


def _bloc_row(periods: pd.DataFrame, day: pd.Timestamp) -> tuple[str, str, bool]:
    """One bloc's line on ``day`` (every period of the state's membership, in date order), its
    caveats, and whether the state was a member then (``end`` is the first day it no longer was)."""
    periods = periods.sort_values("start")
    if not len(periods):
        return "not a member", "", False
    running = periods[held_on(periods, day)]
    others = []
    for p in periods.itertuples():
        if len(running) and p.start == running["start"].iloc[0]:
            continue
        if p.start > day:
            others.append(f"joined on {_day(p.start)}")
        else:
            others.append(f"a member from {_day(p.start)}; the membership ended on {_day(p.end)}")
    if len(running):
        head = f"member since {_day(running['start'].iloc[0])}"
    elif (periods["start"] > day).all():
        head = "not yet a member"
    else:
        head = "no longer a member"
    line = head + (f" ({'; '.join(others)})" if others else "")
    caveats = " ".join(c for c in periods["caveat"] if c)
    return line, caveats, bool(len(running))


def _caveat(caveats: str, day: pd.Timestamp) -> tuple[str | None, str]:
    """What the one-sentence result adds after a bloc on ``day`` ("unclear", "participation
    frozen", or None), and the caveat as the reader is shown it."""
    if caveats.startswith(UNCLEAR):
        return "unclear", caveats
    frozen = FROZEN.match(caveats)
    if frozen:
        since = pd.Timestamp(frozen.group(1))
        return ("participation frozen" if day >= since else None,
                f"Participation frozen from {_day(since)}: {caveats[frozen.end():]}")
    return None, f"Note: {caveats}"


def blocs_view(value: str, data: tuple[pd.DataFrame, pd.DataFrame, pd.Timestamp] | None = None) -> View:
    """Which of the SCO, the EAEU, the CSTO, BRICS and ASEAN a state belongs to on a date, with
    the dates of each membership and the data's caveats: ``value`` is "ISO3|year", the day
    31 December of that year (or the "as of" day of the bloc data in its last year). ``data`` is
    :func:`_blocs_data`'s, read once for the 800-odd views the book precomputes."""
    iso3, _, year = value.partition("|")
    if not year.isdigit():
        raise InputError(f"{value!r}: give a state's code and a year, joined by '|', for example 'KAZ|2018'")
    membership, blocs, checked = data or _blocs_data()
    names = dict(zip(membership["iso3"], membership["country"]))
    if iso3 not in names:
        raise InputError(f"{iso3!r} is not a state of the membership file")
    day = min(pd.Timestamp(year=int(year), month=12, day=31), checked)
    sco, in_sco = _sco_row(membership, iso3, day)
    rows = [f"<li><strong>SCO</strong>: {html.escape(sco)}.</li>"]
    member_of = ["the SCO"] if in_sco else []
    for bloc in BLOCS:
        line, caveats, member = _bloc_row(blocs[(blocs["iso3"] == iso3) & (blocs["bloc"] == bloc)], day)
        name = IN_A_SENTENCE[bloc]
        qualifier, shown = _caveat(caveats, day)
        if member:
            member_of.append(f"{name} ({qualifier})" if qualifier else name)
        note = f'<br><span class="sco-explorer-note">{html.escape(shown)}</span>' if caveats else ""
        rows.append(f"<li><strong>{html.escape(bloc)}</strong>: {html.escape(line)}.{note}</li>")
    announce = (f"{names[iso3]} on {_day(day)}: a full member of {_join(member_of)}." if member_of
                else f"{names[iso3]} on {_day(day)}: not a full member of any of these five.")
    body = f'<p class="sco-explorer-result"><strong>{html.escape(announce)}</strong></p><ul>{"".join(rows)}</ul>'
    return View(body, announce)


def _blocs_explorer() -> Explorer:
    data = _blocs_data()
    membership, _blocs, checked = data
    now = status_on(membership, checked).sort_values("country")
    years = [str(y) for y in range(1996, checked.year + 1)]
    year_labels = [y if int(y) < checked.year else f"{y} (to {_day(checked)})" for y in years]
    states = list(zip(now["iso3"], now["country"]))
    lists = (("State", "state", tuple(states)),
             ("Year (31 December)", "year", tuple(zip(years, year_labels))))
    values = tuple(f"{code}|{year}" for code, _ in states for year in years)
    first = "KAZ" if "KAZ" in set(now["iso3"]) else now["iso3"].iloc[0]
    # it opens on the "as of" day; a reader goes back to the article's year or before
    return Explorer("state-blocs", "A state's blocs on a date", "lists", "State and year", values, values,
                    f"{first}|{checked.year}", lambda value: blocs_view(value, data), filters=lists)


# --- chapter 5: the claims table as a filter ------------------------------------------------

ALL = "all"
NOT_JUDGED = "none"
#: The words of a filter's result, shared with the book's script (``{shown}``, ``{total}`` filled in).
FILTER_ANNOUNCE = "{shown} of {total} claims shown."
FILTER_EMPTY = "<p>No claim matches all three choices.</p>"


def _claim_rows() -> tuple:
    claims = load_claims()
    rows = []
    for claim in claims.itertuples():
        outcome = claim.outcome or NOT_JUDGED
        judged = f" <em>Outcome: {html.escape(outcome_label(claim.type, claim.outcome))}.</em>"
        evidence = ""
        if claim.evidence:
            sources = "; ".join(f'<a href="{html.escape(u.strip())}">{html.escape(outlet_label(u.strip()))}</a>'
                                for u in claim.evidence_source.split(";") if u.strip())
            evidence = f"<br>Evidence: {html.escape(claim.evidence)} (Source: {sources})"
        rows.append((f"<li><strong>\u00b6{claim.paragraph}, {html.escape(claim.type)}</strong> "
                     f"({html.escape(claim.id)}): \u201c{html.escape(claim.sentence)}\u201d{judged}{evidence}</li>",
                     {"kind": claim.type, "outcome": outcome, "paragraph": str(claim.paragraph)}))
    return tuple(rows)


def filter_view(explorer: Explorer, value: str) -> View:
    """The rows whose fields match every list's choice ("all" matches any)."""
    chosen = value.split("|")
    if len(chosen) != len(explorer.filters):
        raise InputError(f"{value!r}: give one choice per list, joined by '|', for example 'all|all|all'")
    wanted = {field: choice for (_label, field, _options), choice in zip(explorer.filters, chosen)}
    shown = [row for row, fields in explorer.rows if all(c == ALL or fields[f] == c for f, c in wanted.items())]
    announce = FILTER_ANNOUNCE.format(shown=len(shown), total=len(explorer.rows))
    body = (f'<p class="sco-explorer-result"><strong>{html.escape(announce)}</strong></p>'
            + (f'<ul>{"".join(shown)}</ul>' if shown else FILTER_EMPTY))
    return View(body, announce)


def _claims_explorer() -> Explorer:
    claims = load_claims()
    outcomes = [o for o in OUTCOME_LABELS if o in set(claims["outcome"])]
    filters = (
        ("Kind", "kind", ((ALL, "All kinds"), *((k, k.capitalize()) for k in CLAIM_TYPES))),
        ("Outcome", "outcome", ((ALL, "All outcomes"), *((o, OUTCOME_LABELS[o]) for o in outcomes),
                                (NOT_JUDGED, "Not judged"))),
        ("Paragraph", "paragraph", ((ALL, "All paragraphs"),
                                    *((str(n), f"\u00b6{n}") for n in sorted(set(claims["paragraph"].astype(int)))))),
    )
    # it opens on the predictions, the claims whose outcome the years since 2018 show
    explorer = Explorer("claims", "The claims, filtered", "filter", "Filter", (), (), f"prediction|{ALL}|{ALL}",
                        lambda value: View("", ""), filters=filters, rows=_claim_rows())
    return Explorer(**{**explorer.__dict__, "view": lambda value: filter_view(explorer, value)})


# --- the explorers, and how Jupyter shows them -----------------------------------------------

@cache
def _declared() -> dict[str, Callable[[], Explorer]]:
    return {"membership-on-date": _membership_explorer, "principle": _principle_explorer,
            "state-blocs": _blocs_explorer, "claims": _claims_explorer}


def explorer_names() -> list[str]:
    return list(_declared())


def get_explorer(name: str) -> Explorer:
    if name not in _declared():
        raise InputError(f"no explorer {name!r}; the explorers are {', '.join(_declared())}")
    return _declared()[name]()


# --- the map: one SVG, each state filled by its status (colour and hatching) -----------------

#: A status's hatching in the map's SVG, as in the charts (``STATUS_STYLE[...]["hatch"]``).
_HATCH_LINES = {"": "", "//": "M0,8 L8,0", "\\\\": "M0,0 L8,8", "..": "M2,2 h1 M6,6 h1", "xx": "M0,8 L8,0 M0,0 L8,8"}
MAP_SCALE_KM = 10  # one SVG unit is 10 km


def _rings_svg() -> dict[str, str]:
    """``{ISO3: path data}`` of every country in the map's window, in SVG units."""
    x0, x1, y0, y1 = WINDOW
    paths: dict[str, list[str]] = {}
    for code, ring in projected_rings(load_country_shapes()):
        if ring[:, 0].max() < x0 or ring[:, 0].min() > x1 or ring[:, 1].max() < y0 or ring[:, 1].min() > y1:
            continue
        points = np.round(np.column_stack([ring[:, 0] - x0, y1 - ring[:, 1]]) / MAP_SCALE_KM).astype(int)
        keep = [points[0]]
        for point in points[1:]:
            if abs(point - keep[-1]).max() >= 2:  # drop points closer than 20 km to the last kept
                keep.append(point)
        if len(keep) < 3:
            continue
        paths.setdefault(code, []).append("M" + " ".join(f"{x},{y}" for x, y in keep) + "Z")
    return {code: "".join(parts) for code, parts in paths.items()}


def map_svg(statuses: dict[str, str] | None = None, prefix: str = "sco-map") -> str:
    """The map as SVG: each country a ``<path data-iso3="...">`` filled with its status's pattern
    (the status's colour, and its hatching as on the charts), grey without a status; small states
    as circles. With ``statuses`` None the fills are left grey, for ``sco-explorer.js`` to set."""
    statuses = statuses or {}
    x0, x1, y0, y1 = WINDOW
    width, height = round((x1 - x0) / MAP_SCALE_KM), round((y1 - y0) / MAP_SCALE_KM)
    defs = []
    for status, style in STATUS_STYLE.items():
        lines = _HATCH_LINES.get(style.get("hatch", ""), "")
        stroke = f'<path d="{lines}" stroke="#333" stroke-width="0.9"/>' if lines else ""
        defs.append(f'<pattern id="{prefix}-{status}" patternUnits="userSpaceOnUse" width="8" height="8">'
                    f'<rect width="8" height="8" fill="{style["color"]}"/>{stroke}</pattern>')

    def fill(code):
        return f"url(#{prefix}-{statuses[code]})" if code in statuses else NO_STATUS_COLOUR

    shapes = [f'<path data-iso3="{code}" d="{d}" fill="{fill(code)}"/>' for code, d in _rings_svg().items()]
    for code, (_name, lon, lat) in SMALL_STATES.items():
        x, y = laea(lon, lat)
        shapes.append(f'<circle data-iso3="{code}" cx="{round((float(x) - x0) / MAP_SCALE_KM)}" '
                      f'cy="{round((y1 - float(y)) / MAP_SCALE_KM)}" r="9" fill="{fill(code)}" stroke="#333"/>')
    return (f'<svg class="sco-explorer-svg" viewBox="0 0 {width} {height}" role="img" aria-hidden="true" '
            f'focusable="false"><defs>{"".join(defs)}</defs><rect width="{width}" height="{height}" fill="#f4f8fb"/>'
            f'<g stroke="#ffffff" stroke-width="1">{"".join(shapes)}</g></svg>')


def map_key_html(prefix: str = "sco-map") -> str:
    """The map's key: each status's colour and hatching (the map's own patterns) with its name;
    the map is not read by colour alone, as the counts and the lists name every state."""
    items = []
    for status, label in STATUS_LABELS.items():
        items.append(f'<li><svg width="24" height="16" aria-hidden="true"><rect width="24" height="16" '
                     f'fill="url(#{prefix}-{status})" stroke="#333" stroke-width="0.5"/></svg> {html.escape(label)}</li>')
    return f'<ul class="sco-explorer-key">{"".join(items)}</ul>'


def show_explorer(name: str):
    """The explorer as ipywidgets, for a live notebook: the control, then the view of its value."""
    import ipywidgets as widgets

    explorer = get_explorer(name)
    view = widgets.HTML()
    if explorer.kind == "year":
        first, last = int(explorer.values[0]), int(explorer.values[-1])
        control = widgets.BoundedIntText(value=int(explorer.initial), min=first, max=last, description=explorer.label)
        slider = widgets.IntSlider(value=int(explorer.initial), min=first, max=last, readout=False,
                                   continuous_update=False, description="", layout=widgets.Layout(width="60%"))
        widgets.jslink((control, "value"), (slider, "value"))
        controls = widgets.HBox([control, slider])
    elif explorer.kind in ("filter", "lists"):
        lists = [widgets.Dropdown(options=[(label, value) for value, label in options], value=initial, description=label,
                                  style={"description_width": "initial"})  # the whole label, "Year (31 December)"
                 for (label, _field, options), initial in zip(explorer.filters, explorer.initial.split("|"))]
        controls = widgets.HBox(lists, layout=widgets.Layout(flex_flow="row wrap"))
        control = _Joined(lists)
    else:
        control = widgets.Dropdown(options=list(zip(explorer.labels, explorer.values)), value=explorer.initial,
                                   description=explorer.label)
        controls = control

    def show(change=None):
        shown = explorer.view(str(control.value))
        picture = map_svg(shown.statuses) + map_key_html() if explorer.has_map else ""
        view.value = f'<div class="sco-explorer-live">{shown.html}{picture}</div>'

    control.observe(show, names="value")
    show()
    return widgets.VBox([controls, view])


class _Joined:
    """A filter explorer's drop-down lists seen as one control: its value is their choices
    joined by "|", and observing it observes each list."""

    def __init__(self, lists):
        self.lists = lists

    @property
    def value(self) -> str:
        return "|".join(str(w.value) for w in self.lists)

    def observe(self, handler, names):
        for widget in self.lists:
            widget.observe(handler, names=names)


#: The accent colour of the controls (the palette's main colour), for the static explorer's CSS.
ACCENT = PALETTE["main"]
