"""Country shapes (Natural Earth 1:110m, ``data/countries_110m.json``) drawn with matplotlib
alone, in a Lambert azimuthal equal-area projection centred on Central Asia (75°E, 40°N):
areas are true to scale, which matters when a map compares the size of states.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.collections import PolyCollection

from scobook.errors import DataError
from scobook.paths import data_path
from scobook.reading import expect_type, read_json

EARTH_RADIUS_KM = 6371.0
CENTRE = (75.0, 40.0)
#: The map window (km from the centre): Egypt and Belarus in the west, Laos in the east,
#: the Maldives in the south. Russia's Far East is cut off.
WINDOW = (-5150.0, 3800.0, -4700.0, 2900.0)
#: States too small for the 1:110m shapes, drawn as a marker at their capital (lon, lat).
SMALL_STATES = {"MDV": ("Maldives", 73.51, 4.18), "BHR": ("Bahrain", 50.58, 26.23)}
NO_STATUS_COLOUR = "#e8e6e1"
#: Rings with a point more than about 100 degrees from the centre (cosine below this) would wrap
#: around the projection's edge, so they are left out.
FAR_SIDE_COS = -0.17
#: A small state's code is written this far (km, projected) above its capital's marker.
SMALL_STATE_LABEL_OFFSET_KM = 180.0
#: A country's label is kept this far (km, x and y) inside the map's window, so it is not cut.
LABEL_MARGIN_KM = (300.0, 200.0)


def load_country_shapes(path: str | Path | None = None) -> dict[str, dict]:
    """``{ISO3: {"name": ..., "polygons": [[[lon, lat], ...], ...]}}``, checked."""
    path = Path(path) if path is not None else data_path("countries_110m.json")
    countries = read_json(path).get("countries")
    if not isinstance(countries, dict) or not countries:
        raise DataError(path, None, "countries", "missing or empty")
    for code, country in countries.items():
        expect_type(path, country, dict, f"country {code}", None)
        rings = expect_type(path, country.get("polygons"), list, f"country {code}", "polygons")
        if not rings or any(not isinstance(ring, list) or len(ring) < 3 for ring in rings):
            raise DataError(path, f"country {code}", "polygons", "a country needs rings of at least three points")
    return countries


def laea(lon, lat, lon0: float = CENTRE[0], lat0: float = CENTRE[1]):
    """Spherical Lambert azimuthal equal-area projection: degrees in, km out."""
    lam = np.radians(np.asarray(lon, dtype=float) - lon0)
    phi, phi0 = np.radians(np.asarray(lat, dtype=float)), np.radians(lat0)
    cos_c = np.sin(phi0) * np.sin(phi) + np.cos(phi0) * np.cos(phi) * np.cos(lam)
    k = np.sqrt(2.0 / np.maximum(1.0 + cos_c, 1e-12))
    x = EARTH_RADIUS_KM * k * np.cos(phi) * np.sin(lam)
    y = EARTH_RADIUS_KM * k * (np.cos(phi0) * np.sin(phi) - np.sin(phi0) * np.cos(phi) * np.cos(lam))
    return x, y


def _projected_rings(shapes: dict[str, dict]) -> list[tuple[str, np.ndarray]]:
    rings = []
    for code, country in shapes.items():
        for ring in country["polygons"]:
            points = np.asarray(ring, dtype=float)
            # keep the half of the globe facing the centre; farther rings would wrap around
            lam = np.radians(points[:, 0] - CENTRE[0])
            phi, phi0 = np.radians(points[:, 1]), np.radians(CENTRE[1])
            if (np.sin(phi0) * np.sin(phi) + np.cos(phi0) * np.cos(phi) * np.cos(lam)).min() < FAR_SIDE_COS:
                continue
            x, y = laea(points[:, 0], points[:, 1])
            rings.append((code, np.column_stack([x, y])))
    # big rings first, so enclaves are painted on top of the country around them
    rings.sort(key=lambda item: -abs(_twice_area(item[1])))
    return rings


def _twice_area(ring: np.ndarray) -> float:
    """Twice the signed area of a ring (the shoelace formula)."""
    a, b = ring[:-1], ring[1:]
    return float((a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]).sum())


def projected_rings(shapes: dict[str, dict]) -> list[tuple[str, np.ndarray]]:
    """Every ring of every country, projected (km), biggest first (see :func:`draw_status_map`)."""
    return _projected_rings(shapes)


def draw_status_map(ax, shapes: dict[str, dict], statuses: dict[str, str], styles: dict[str, dict],
                    labels: dict[str, str] | None = None) -> None:
    """Fill each country by its status (colour and hatch from ``styles``); others stay grey.

    ``statuses`` maps ISO3 to a status key of ``styles``; ``labels`` maps ISO3 to a short text
    written on the country (e.g. its code), so the map can be read without colour.
    """
    rings = _projected_rings(shapes)
    faces, hatches = [], []
    for code, _ in rings:
        style = styles.get(statuses.get(code, ""), {})
        faces.append(style.get("color", NO_STATUS_COLOUR))
        hatches.append(style.get("hatch", ""))
    ax.set_facecolor("#f4f8fb")
    for hatch in sorted(set(hatches)):  # one collection per hatch: matplotlib hatches per collection
        chosen = [i for i, h in enumerate(hatches) if h == hatch]
        ax.add_collection(PolyCollection(
            [rings[i][1] for i in chosen], facecolors=[faces[i] for i in chosen],
            edgecolors="#ffffff" if hatch == "" else "#333333", linewidths=0.4, hatch=hatch or None,
        ))
    for code, (_name, lon, lat) in SMALL_STATES.items():
        style = styles.get(statuses.get(code, ""), {})
        if style:
            x, y = laea(lon, lat)
            ax.plot(x, y, marker="o", markersize=6, markerfacecolor=style["color"], markeredgecolor="#333333")
    anchors = {code: _label_point(shapes, code) for code in (labels or {})}
    anchors = {code: where for code, where in anchors.items() if where is not None}
    texts = {code: labels[code] for code in anchors}
    placed = spread_labels(ax, texts, anchors, LABEL_FONT_PT)
    notes = {}
    for code, (x, y) in placed.items():  # a leader line joins a label that moved to its country
        notes[code] = ax.annotate(labels[code], anchors[code], xytext=(x, y), textcoords="data", ha="center",
                                  va="center", fontsize=LABEL_FONT_PT, fontweight="bold",
                                  bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                                  arrowprops={"arrowstyle": "-", "color": "#333333", "lw": 0.6})

    def relabel(keep):
        """Spread the labels again at their present size (the phone rendition enlarges them);
        ``keep(note, xy)`` records each old place so that it can be restored."""
        font = max(note.get_fontsize() for note in notes.values()) if notes else LABEL_FONT_PT
        for code, xy in spread_labels(ax, texts, anchors, font).items():
            keep(notes[code], notes[code].xyann)
            notes[code].xyann = xy

    ax.sco_relabel = relabel
    ax.set_xlim(WINDOW[0], WINDOW[1])
    ax.set_ylim(WINDOW[2], WINDOW[3])
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])


#: The size of the country codes written on a map (points).
LABEL_FONT_PT = 7


def spread_labels(ax, labels: dict[str, str], anchors: dict[str, tuple[float, float]], font_pt: float,
                  rounds: int = 200) -> dict[str, tuple[float, float]]:
    """Where to write each label (data coordinates, km) so that no two overlap: labels start on
    their country and are pushed apart, vertically first, until their boxes (estimated from the
    font size, the text's length and the axes' size on the figure) are clear of each other. A
    label that moved gets a leader line to its country (see :func:`draw_status_map`)."""
    fig = ax.figure
    width_in = fig.get_size_inches()[0] * ax.get_position().width
    height_in = fig.get_size_inches()[1] * ax.get_position().height
    km_per_pt = max((WINDOW[1] - WINDOW[0]) / (width_in * 72), (WINDOW[3] - WINDOW[2]) / (height_in * 72))
    size = {code: ((0.72 * font_pt * len(text) + 4) * km_per_pt, (font_pt + 4) * km_per_pt)
            for code, text in labels.items()}
    where = {code: np.array(anchors[code], dtype=float) for code in labels}
    codes = sorted(labels)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                dx, dy = where[b] - where[a]
                overlap_x = (size[a][0] + size[b][0]) / 2 - abs(dx)
                overlap_y = (size[a][1] + size[b][1]) / 2 - abs(dy)
                if overlap_x > 0 and overlap_y > 0:
                    moved = True
                    if overlap_y <= overlap_x:  # the smaller push: up and down
                        step = (overlap_y / 2 + 1) * (1 if dy > 0 or (dy == 0 and a < b) else -1)
                        where[a][1] -= step
                        where[b][1] += step
                    else:
                        step = (overlap_x / 2 + 1) * (1 if dx > 0 else -1)
                        where[a][0] -= step
                        where[b][0] += step
        if not moved:
            break
    return {code: (float(x), float(y)) for code, (x, y) in where.items()}


def _label_point(shapes: dict[str, dict], code: str):
    if code in SMALL_STATES:
        _, lon, lat = SMALL_STATES[code]
        x, y = laea(lon, lat)
        return float(x), float(y) + SMALL_STATE_LABEL_OFFSET_KM
    if code not in shapes:
        return None
    biggest = max(shapes[code]["polygons"], key=len)
    points = np.asarray(biggest, dtype=float)
    x, y = laea(points[:, 0].mean(), points[:, 1].mean())
    x = min(max(float(x), WINDOW[0] + LABEL_MARGIN_KM[0]), WINDOW[1] - LABEL_MARGIN_KM[0])
    y = min(max(float(y), WINDOW[2] + LABEL_MARGIN_KM[1]), WINDOW[3] - LABEL_MARGIN_KM[1])
    return x, y
