"""The book's colours, in one place: the Okabe & Ito (2008) colour-blind-safe palette under the
*roles* the charts and pages give them, so another palette is one edit here.

Charts use ``PALETTE["main"]``, ``PALETTE["contrast"]`` and so on (never a colour's name or value),
a status's style (``scobook.statuses``), and :data:`SEQUENTIAL` for a heat map. The page styles
(``_static/scobook.css``) use the same colours as CSS variables, ``var(--sco-main)``; its
``:root`` block is :func:`css_variables` exactly, which ``tests/test_charts.py`` checks. Nothing
in a chart or a page rests on colour alone: each colour comes with a hatch, a marker or a label.
"""

from __future__ import annotations

#: role -> colour, in the order charts use them (``PALETTE_CYCLE``).
PALETTE = {
    "main": "#0072B2",  # Okabe-Ito blue: the first series, members, the SCO
    "contrast": "#E69F00",  # orange: the second series, what is compared or highlighted
    "third": "#009E73",  # bluish green
    "fourth": "#D55E00",  # vermillion
    "fifth": "#56B4E9",  # sky blue
    "sixth": "#CC79A7",  # reddish purple
    "light": "#F0E442",  # yellow: fills only, never text on white
    "ink": "#000000",
}
PALETTE_CYCLE = list(PALETTE.values())
#: The colour map for counts in a grid (a heat map): light to dark in the main colour's hue.
SEQUENTIAL = "Blues"


def css_variables() -> str:
    """The ``:root`` block of ``_static/scobook.css``: one ``--sco-<role>`` variable per role."""
    lines = [f"  --sco-{role}: {colour};" for role, colour in PALETTE.items()]
    return ":root {\n" + "\n".join(lines) + "\n}"
