"""The summit simulation: one role card per member state, built from the data (status history,
population and GDP from the World Bank, share of the members' output) and a stated position with
its source (``data/roles.yml``). Students in these roles must agree one paragraph of a declaration
by consensus (teacher's guide, "Summative task")."""

from __future__ import annotations

from pathlib import Path

from scobook.catalog import as_of
from scobook.errors import DataError
from scobook.indicators import latest_years, load_indicators
from scobook.membership import STATUS_HISTORY_WORDS, load_membership, members_on, require_country_code, status_history
from scobook.paths import data_path
from scobook.reading import expect_type, mappings, read_yaml, require_url

#: A concern is a second stated position that gives a state a reason to object to part of the draft.
CONCERN_FIELDS = ("speaker", "occasion", "date", "text", "quote", "source")


def load_roles(path: str | Path | None = None) -> dict:
    """``{"topic", "draft", "roles": [{iso3, speaker, occasion, position, quote, source, date,
    concern?}]}``: one role per member state on the "as of" date, each position (and each
    ``concern``: speaker, occasion, date, text, quote, source) with the URL of its publisher."""

    path = Path(path) if path is not None else data_path("roles.yml")
    raw = read_yaml(path)
    for field in ("topic", "draft"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            raise DataError(path, None, field, "missing or empty")
    roles = mappings(path, raw.get("roles"), None, "roles")
    for n, role in enumerate(roles, start=1):
        where = f"role {role.get('iso3') or n}"
        for field in ("iso3", "speaker", "occasion", "position", "quote", "source", "date"):
            if not str(role.get(field) or "").strip():
                raise DataError(path, where, field, "missing or empty")
            expect_type(path, role[field], str, where, field)
        require_country_code(path, where, "iso3", role["iso3"])
        require_url(path, where, "source", role["source"])
        if "concern" in role:
            concern = role["concern"]
            if not isinstance(concern, dict):
                raise DataError(path, where, "concern", "expected a mapping with speaker, occasion, date, text, quote and source")
            for field in CONCERN_FIELDS:
                if not str(concern.get(field) or "").strip():
                    raise DataError(path, where, f"concern.{field}", "missing or empty")
                expect_type(path, concern[field], str, where, f"concern.{field}")
            require_url(path, where, "concern.source", concern["source"])
    membership = load_membership()
    members = set(membership.loc[membership["country"].isin(members_on(membership, as_of("sco_membership.csv"))), "iso3"])
    have = {r["iso3"] for r in roles}
    if have != members:
        raise DataError(path, None, "roles", f"needs one role per member state; missing {sorted(members - have)}, "
                                             f"not members {sorted(have - members)}")
    return {"topic": raw["topic"].strip(), "draft": " ".join(raw["draft"].split()), "roles": roles}


def share_percent(share: float | None) -> str:
    """A state's share of the members' GDP as the cards and the run sheet print it: "72.4",
    "under 0.1" or "no data"."""
    if share is None:
        return "no data"
    return "under 0.1" if share < 0.001 else f"{100 * share:.1f}"


def role_cards() -> list[dict]:
    """One card per member state: name, status history, latest population and GDP with their
    year, its share of the members' combined GDP, and the stated position with its source."""

    membership, indicators = load_membership(), load_indicators()
    latest = latest_years(indicators)
    roles = load_roles()["roles"]

    def value(iso3, indicator):
        rows = indicators[(indicators["iso3"] == iso3) & (indicators["indicator"] == indicator)
                          & (indicators["year"] == latest[indicator])]["value"]
        return None if rows.empty or rows.isna().all() else float(rows.iloc[0])

    gdp_total = sum(value(r["iso3"], "gdp_current_usd") or 0 for r in roles)
    cards = []
    for role in roles:
        history = status_history(membership, role["iso3"])
        gdp = value(role["iso3"], "gdp_current_usd")
        cards.append({
            **role,
            "country": str(history["country"].iloc[0]),
            "history": "; ".join(f"{STATUS_HISTORY_WORDS[str(r.status)]} from {r.start:%B %Y}" for r in history.itertuples()),
            "population": value(role["iso3"], "population"),
            "gdp": gdp,
            "gdp_share": None if gdp is None else gdp / gdp_total,
            "years": latest,
        })
    return sorted(cards, key=lambda c: c["country"])
