"""The SCO's statuses (member, Shanghai Five, observer, dialogue partner, SCO partner), each with
every word and style the book uses for it, declared once: tables, legends, sentences, role cards,
maps and charts take them from here."""

from __future__ import annotations

from dataclasses import dataclass

from scobook.palette import PALETTE


@dataclass(frozen=True)
class Status:
    """One SCO status, with every word and style the book uses for it, declared once here."""

    key: str
    label: str  #: in tables and legends: "Dialogue partner"
    plural: str  #: in sentences: "10 members and 17 SCO partners"
    phrase: str  #: what a state "was" on a date: "was an observer"
    history: str  #: on a role card: "observer from June 2005"
    style: dict  #: an Okabe-Ito colour *and* a hatch (and a marker), so status never rests on colour alone


#: The statuses, in the order the book lists them (closest first): the one place for their words
#: and styles. The dictionaries below are views of it, for notebooks and tables.
STATUS_TABLE = (
    Status("member", "Member", "members", "was a member", "member",
           {"color": PALETTE["main"], "hatch": "", "marker": "o"}),
    Status("shanghai_five", "Shanghai Five", "Shanghai Five states", "was one of the Shanghai Five",
           "one of the Shanghai Five", {"color": PALETTE["fifth"], "hatch": "//", "marker": "s"}),
    Status("observer", "Observer", "observers", "was an observer", "observer",
           {"color": PALETTE["contrast"], "hatch": "\\\\", "marker": "^"}),
    Status("dialogue_partner", "Dialogue partner", "dialogue partners", "was a dialogue partner", "dialogue partner",
           {"color": PALETTE["third"], "hatch": "..", "marker": "D"}),
    Status("partner", "SCO partner (2025-)", "SCO partners", "was an SCO partner", "SCO partner",
           {"color": PALETTE["sixth"], "hatch": "xx", "marker": "P"}),
)
STATUSES = tuple(status.key for status in STATUS_TABLE)
STATUS_STYLE = {status.key: status.style for status in STATUS_TABLE}
#: Words in the order of history (the Shanghai Five first): legends and sentences list them so.
_IN_HISTORY = sorted(STATUS_TABLE, key=lambda status: status.key != "shanghai_five")
STATUS_LABELS = {status.key: status.label for status in _IN_HISTORY}
STATUS_PLURALS = {status.key: status.plural for status in _IN_HISTORY}
STATUS_HISTORY_WORDS = {status.key: status.history for status in _IN_HISTORY}
#: What a state "was" on a date, for generated sentences: "Laos had no SCO status then".
STATUS_PHRASES = {**{status.key: status.phrase for status in _IN_HISTORY}, "none": "had no SCO status"}
