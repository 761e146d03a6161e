"""The SCO's security side as evidence to weigh (``data/security.yml``): items that support or
complicate the article's opinion on the SCO's role in peace and security, each with its source."""

from __future__ import annotations

from pathlib import Path

from scobook.claims import load_claims
from scobook.errors import DataError
from scobook.outlets import require_outlet
from scobook.paths import data_path
from scobook.reading import mappings, read_yaml, require_url

SIDES = ("supports", "complicates")


def load_security(path: str | Path | None = None) -> dict:
    """``{"claim": row of the claims table, "items": [{side, when?, text, source, sources}]}``, checked:
    a known claim, a side of each item, a text and the URL (or a list of URLs, where parties speak in
    their own words) of publishers named in data/outlets.yml; ``sources`` is always a list."""

    path = Path(path) if path is not None else data_path("security.yml")
    raw = read_yaml(path)
    claims = load_claims().set_index("id", drop=False)
    if raw.get("claim") not in claims.index:
        raise DataError(path, None, "claim", f"{raw.get('claim')!r} is not an id of data/claims.csv")
    items = mappings(path, raw.get("items"), None, "items")
    for n, item in enumerate(items, start=1):
        where = f"item {n}"
        if item.get("side") not in SIDES:
            raise DataError(path, where, "side", f"{item.get('side')!r}; expected one of {', '.join(SIDES)}")
        if not str(item.get("text") or "").strip():
            raise DataError(path, where, "text", "missing or empty")
        sources = item.get("source")
        sources = sources if isinstance(sources, list) else [sources]
        if not sources:
            raise DataError(path, where, "source", "missing: the URL of the publisher's page (or a list of them)")
        for url in sources:
            require_url(path, where, "source", url)
            require_outlet(path, where, "source", url)
        item["sources"] = sources
    if {item["side"] for item in items} != set(SIDES):
        raise DataError(path, None, "items", "give evidence on both sides: some that supports the claim and some that complicates it")
    return {"claim": claims.loc[raw["claim"]], "items": items}
