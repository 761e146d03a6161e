"""Who publishes each website the book cites (``data/outlets.yml``): its name and who owns or
funds it, so evidence is printed as "TASS (Russian state news agency)" rather than as a bare link
or "[1]"."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlsplit

from scobook.errors import DataError
from scobook.paths import data_path
from scobook.reading import expect_type, read_yaml, require_url


@functools.cache
def _load(path: Path, stamp: float) -> dict[str, dict]:
    raw = expect_type(path, read_yaml(path).get("outlets"), dict, None, "outlets")
    for host, entry in raw.items():
        where = f"outlet {host!r}"
        expect_type(path, entry, dict, where, None)
        for field in ("name", "about"):
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                raise DataError(path, where, field, "missing or empty")
        if entry.get("owner_source"):
            require_url(path, where, "owner_source", entry["owner_source"])
    return raw


def load_outlets(path: str | Path | None = None) -> dict[str, dict]:
    """``{host: {name, about, owner_source?}}``, checked."""
    path = Path(path) if path is not None else data_path("outlets.yml")
    return _load(path, path.stat().st_mtime if path.exists() else 0.0)


def host_of(url: str) -> str:
    return urlsplit(url.strip()).netloc.lower().removeprefix("www.")


def outlet_of(url: str, outlets: dict | None = None) -> dict | None:
    """The outlet that publishes ``url`` (``{name, about}``), or None when its host (and the hosts
    it is a subdomain of) are not in ``data/outlets.yml``."""
    outlets = load_outlets() if outlets is None else outlets
    host = host_of(url)
    while host:
        if host in outlets:
            return outlets[host]
        host = host.partition(".")[2] if host.count(".") > 1 else ""
    return None


def require_outlet(file, where, field: str, url: str) -> dict:
    """The outlet of ``url``; a :class:`DataError` naming ``file``, ``where`` and ``field`` when
    ``data/outlets.yml`` does not say who publishes it."""
    outlet = outlet_of(url)
    if outlet is None:
        raise DataError(file, where, field, f"{host_of(url)!r} is not in data/outlets.yml: add who publishes it "
                                            "(name and owner) there")
    return outlet


def label(url: str) -> str:
    """"TASS (Russian state news agency)" for a URL on tass.com."""
    outlet = outlet_of(url)
    return f"{outlet['name']} ({outlet['about']})" if outlet else host_of(url)
