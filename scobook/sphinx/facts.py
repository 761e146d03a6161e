"""The present-tense facts of :mod:`scobook.facts` as MyST substitutions, so a page writes
``{{ members_now }}`` and the next data update changes it (``_config.yml`` enables the
``substitution`` extension)."""

from __future__ import annotations

from scobook.facts import facts


def add_substitutions(app, config) -> None:
    config.myst_substitutions = {**facts(), **(config.myst_substitutions or {})}


def setup(app):
    app.connect("config-inited", add_substitutions)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
