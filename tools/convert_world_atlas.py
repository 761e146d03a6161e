#!/usr/bin/env python3
"""Convert world-atlas@2.0.2 countries-110m.json (TopoJSON) into a compact
plain-JSON country-shapes file for matplotlib maps (no geopandas needed).

Usage:
    python3 convert_world_atlas.py [path/to/countries-110m.json] [out.json]

Defaults: input  = node_modules/world-atlas/countries-110m.json (cwd) or
                   /tmp/wa/node_modules/world-atlas/countries-110m.json
          output = countries_110m.json next to this script

Stdlib only.

What it does
------------
* TopoJSON arcs are quantized: each arc is a list of integer deltas. They are
  delta-decoded (running sum) and then mapped to lon/lat with
  lon = x * scale[0] + translate[0], lat = y * scale[1] + translate[1].
* A ring is a list of arc indices; index i >= 0 means arc i as stored, a
  negative index means arc ~i (i.e. -i-1) reversed. Consecutive arcs share
  their joining point, so the first point of every following arc is dropped.
* Only OUTER rings are kept (holes dropped). In the 110m file the only
  polygon with a hole is South Africa (the hole is Lesotho, which is its own
  feature) -- draw smaller polygons on top of bigger ones and the result
  looks identical.
* Coordinates are rounded to 2 decimals; consecutive duplicate points removed;
  rings are kept closed (first point == last point). Rings that collapse to
  fewer than 4 points after rounding are dropped.
* If the output would exceed MAX_BYTES, consecutive points closer than
  SIMPLIFY_DEG are dropped (ring closure kept).
* Feature ids are ISO 3166-1 numeric codes (strings); they are mapped to
  alpha-3 with the embedded table below. The three features without an id
  (Kosovo, N. Cyprus, Somaliland) get codes from the ISO user-assigned range
  X?? so the map has no gaps in Serbia / Cyprus / Somalia; they are listed in
  the output under "non_iso_codes".
* Antimeridian: Natural Earth shapefiles are cut at +-180, but world-atlas
  v2's TopoJSON stitches rings across +-180. Rings
  with a longitude jump > 180 deg between consecutive points (Russia's
  mainland+Chukotka ring, a Russian Arctic island, Fiji, Antarctica) are cut
  at +-180 with interpolated boundary points (Antarctica is closed via the
  South Pole), so every output ring stays within [-180, 180] and has no
  jumps; planar plots show no horizontal streaks.
"""
import json
import math
import os
import sys

PACKAGE = "world-atlas@2.0.2"
MAX_BYTES = 400_000
SIMPLIFY_DEG = 0.2

# ISO 3166-1 numeric -> alpha-3 (covers every id in world-atlas 110m plus a
# few small states that are absent at 110m, e.g. Bahrain, Maldives, Singapore).
NUM_TO_A3 = {
    "004": "AFG", "008": "ALB", "010": "ATA", "012": "DZA", "024": "AGO",
    "031": "AZE", "032": "ARG", "036": "AUS", "040": "AUT", "044": "BHS",
    "048": "BHR", "050": "BGD", "051": "ARM", "056": "BEL", "064": "BTN",
    "068": "BOL", "070": "BIH", "072": "BWA", "076": "BRA", "084": "BLZ",
    "090": "SLB", "096": "BRN", "100": "BGR", "104": "MMR", "108": "BDI",
    "112": "BLR", "116": "KHM", "120": "CMR", "124": "CAN", "140": "CAF",
    "144": "LKA", "148": "TCD", "152": "CHL", "156": "CHN", "158": "TWN",
    "170": "COL", "178": "COG", "180": "COD", "188": "CRI", "191": "HRV",
    "192": "CUB", "196": "CYP", "203": "CZE", "204": "BEN", "208": "DNK",
    "214": "DOM", "218": "ECU", "222": "SLV", "226": "GNQ", "231": "ETH",
    "232": "ERI", "233": "EST", "238": "FLK", "242": "FJI", "246": "FIN",
    "250": "FRA", "260": "ATF", "262": "DJI", "266": "GAB", "268": "GEO",
    "270": "GMB", "275": "PSE", "276": "DEU", "288": "GHA", "300": "GRC",
    "304": "GRL", "320": "GTM", "324": "GIN", "328": "GUY", "332": "HTI",
    "340": "HND", "348": "HUN", "352": "ISL", "356": "IND", "360": "IDN",
    "364": "IRN", "368": "IRQ", "372": "IRL", "376": "ISR", "380": "ITA",
    "384": "CIV", "388": "JAM", "392": "JPN", "398": "KAZ", "400": "JOR",
    "404": "KEN", "408": "PRK", "410": "KOR", "414": "KWT", "417": "KGZ",
    "418": "LAO", "422": "LBN", "426": "LSO", "428": "LVA", "430": "LBR",
    "434": "LBY", "440": "LTU", "442": "LUX", "450": "MDG", "454": "MWI",
    "458": "MYS", "462": "MDV", "466": "MLI", "478": "MRT", "484": "MEX",
    "496": "MNG", "498": "MDA", "499": "MNE", "504": "MAR", "508": "MOZ",
    "512": "OMN", "516": "NAM", "524": "NPL", "528": "NLD", "540": "NCL",
    "548": "VUT", "554": "NZL", "558": "NIC", "562": "NER", "566": "NGA",
    "578": "NOR", "586": "PAK", "591": "PAN", "598": "PNG", "600": "PRY",
    "604": "PER", "608": "PHL", "616": "POL", "620": "PRT", "624": "GNB",
    "626": "TLS", "630": "PRI", "634": "QAT", "642": "ROU", "643": "RUS",
    "646": "RWA", "682": "SAU", "686": "SEN", "688": "SRB", "694": "SLE",
    "702": "SGP", "703": "SVK", "704": "VNM", "705": "SVN", "706": "SOM",
    "710": "ZAF", "716": "ZWE", "724": "ESP", "728": "SSD", "729": "SDN",
    "732": "ESH", "740": "SUR", "748": "SWZ", "752": "SWE", "756": "CHE",
    "760": "SYR", "762": "TJK", "764": "THA", "768": "TGO", "780": "TTO",
    "784": "ARE", "788": "TUN", "792": "TUR", "795": "TKM", "800": "UGA",
    "804": "UKR", "807": "MKD", "818": "EGY", "826": "GBR", "834": "TZA",
    "840": "USA", "854": "BFA", "858": "URY", "860": "UZB", "862": "VEN",
    "887": "YEM", "894": "ZMB",
}

# Features that carry no ISO numeric id in world-atlas (name -> code).
# Codes are from the ISO 3166-1 user-assigned range (XAA-XZZ); XKX is the
# code commonly used for Kosovo (EU, IMF); the others are local choices.
NO_ID_CODES = {
    "Kosovo": "XKX",
    "N. Cyprus": "XNC",
    "Somaliland": "XSL",
}


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def ring_from_arcs(arc_idx, arcs):
    ring = []
    for i in arc_idx:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts if not ring else pts[1:])
    return ring


def clean_ring(ring, min_step=0.0):
    """Round to 2 dp, drop consecutive duplicates (or points closer than
    min_step degrees to the last kept point), keep the ring closed."""
    r = [(round(lon, 2), round(lat, 2)) for lon, lat in ring]
    out = [r[0]]
    for p in r[1:-1]:
        q = out[-1]
        if p == q:
            continue
        if min_step and math.hypot(p[0] - q[0], p[1] - q[1]) < min_step:
            continue
        out.append(p)
    last = r[-1]
    if last != out[-1] or len(out) == 1:
        out.append(last)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def split_antimeridian(ring):
    """Cut a closed ring wherever consecutive points jump > 180 deg in
    longitude (the edge crosses the antimeridian). TopoJSON from world-atlas v2
    stitches polygons across +-180 (Russia/Chukotka, Fiji, Antarctica), so
    planar plotting would draw streaks without this.

    A boundary point interpolated at exactly +-180 is added on both sides of
    every cut. Even number of cuts: the ring falls into pieces, each closed
    along the antimeridian. Odd number (a ring enclosing a pole, i.e.
    Antarctica): the ring is opened at the cut and closed via the pole.
    Returns a list of closed rings."""
    n = len(ring)
    cuts = [i for i in range(n - 1) if abs(ring[i][0] - ring[i + 1][0]) > 180]
    if not cuts:
        return [ring]

    def crossing(a, b):
        # returns (lon_end_of_a_side, lat, lon_start_of_b_side)
        if a[0] > b[0]:          # eastward over +180
            b_lon, edge = b[0] + 360.0, 180.0
        else:                    # westward over -180
            b_lon, edge = b[0] - 360.0, -180.0
        t = (edge - a[0]) / (b_lon - a[0]) if b_lon != a[0] else 0.0
        lat = a[1] + t * (b[1] - a[1])
        return edge, lat, -edge

    pieces, cur = [], [ring[0]]
    for i in range(n - 1):
        a, b = ring[i], ring[i + 1]
        if i in cuts:
            e, lat, s = crossing(a, b)
            cur.append((e, lat))
            pieces.append(cur)
            cur = [(s, lat), b]
        else:
            cur.append(b)
    pieces.append(cur)
    # ring[0] == ring[-1]: the last piece continues into the first one
    first = pieces.pop(0)
    pieces[-1] = pieces[-1] + first[1:]
    if len(cuts) % 2 == 0:
        return [p + [p[0]] for p in pieces if len(p) >= 3]
    # odd: single open path from one side of the antimeridian to the other
    path = pieces[0]
    pole = -90.0 if sum(q[1] for q in path) < 0 else 90.0
    e0, e1 = path[-1][0], path[0][0]          # +-180 and -+180
    along = [(e0 + (e1 - e0) * k / 4.0, pole) for k in range(5)]  # 90-deg steps
    path = path + along + [path[0]]
    return [path]


def convert(topo, min_step=0.0):
    arcs = decode_arcs(topo)
    countries, skipped, non_iso, n_split = {}, [], {}, 0
    for g in topo["objects"]["countries"]["geometries"]:
        name = g.get("properties", {}).get("name", "")
        fid = g.get("id")
        if fid is not None:
            code = NUM_TO_A3.get(fid)
            if code is None:
                skipped.append(f"{name} (id {fid}): numeric id not in table")
                continue
        elif name in NO_ID_CODES:
            code = NO_ID_CODES[name]
            non_iso[code] = f"{name}: no ISO 3166-1 code; user-assigned code"
        else:
            skipped.append(f"{name}: no id and no fallback code")
            continue
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            skipped.append(f"{name}: geometry type {g['type']}")
            continue
        rings = []
        for poly in polys:
            outer = ring_from_arcs(poly[0], arcs)  # poly[1:] are holes: dropped
            pieces = split_antimeridian(outer)
            n_split += len(pieces) > 1 or pieces[0] is not outer
            for piece in pieces:
                r = clean_ring(piece, min_step)
                if r:
                    rings.append([[lon, lat] for lon, lat in r])
        if code in countries:
            skipped.append(f"{name}: duplicate code {code}")
            continue
        countries[code] = {"name": name, "polygons": rings}
    return countries, skipped, non_iso, n_split


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cands = [
        "node_modules/world-atlas/countries-110m.json",
        "/tmp/wa/node_modules/world-atlas/countries-110m.json",
    ]
    src = sys.argv[1] if len(sys.argv) > 1 else next(
        (c for c in cands if os.path.exists(c)), cands[0])
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, "countries_110m.json")
    with open(src, encoding="utf-8") as f:
        topo = json.load(f)

    def build(min_step):
        countries, skipped, non_iso, n_split = convert(topo, min_step)
        doc = {
            "source": "Natural Earth 1:110m Admin 0 countries (v4.1.0) via "
                      "world-atlas countries-110m.json "
                      "(https://github.com/topojson/world-atlas)",
            "licence": "public domain (Natural Earth)",
            "package_licence": "ISC (world-atlas packaging/TopoJSON build, "
                               "Copyright 2013-2019 Michael Bostock)",
            "package": PACKAGE,
            "scale": "1:110m",
            "converted_by": "convert_world_atlas.py",
            "notes": "outer rings only (holes dropped: only South Africa's "
                     "Lesotho hole is affected); coordinates [lon, lat] in "
                     "degrees rounded to 2 decimals; rings crossing +-180 cut at the "
                     "antimeridian (Russia/Chukotka, Fiji; Antarctica closed "
                     "via the South Pole)"
                     + (f"; points closer than {min_step} deg dropped"
                        if min_step else ""),
            "non_iso_codes": non_iso,
            "skipped": skipped,
            "countries": countries,
        }
        text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
        return doc, text, n_split

    doc, text, n_split = build(0.0)
    if len(text.encode("utf-8")) > MAX_BYTES:
        print(f"{len(text)} bytes > {MAX_BYTES}: simplifying "
              f"(drop points closer than {SIMPLIFY_DEG} deg)")
        doc, text, n_split = build(SIMPLIFY_DEG)
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text)
    c = doc["countries"]
    print(f"wrote {dst}: {len(text.encode('utf-8'))} bytes, {len(c)} countries, "
          f"{sum(len(v['polygons']) for v in c.values())} rings, "
          f"{sum(len(r) for v in c.values() for r in v['polygons'])} points")
    print("non-ISO codes:", doc["non_iso_codes"])
    print("skipped:", doc["skipped"] or "none")
    print("rings cut at the antimeridian:", n_split)


if __name__ == "__main__":
    main()
