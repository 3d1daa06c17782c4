"""Score where marsad places each snippet's main event against a geocoding probe.

    .venv/bin/python benchmarks/probes/geo/event_locations.py \
        benchmarks/probes/geo/geo_probe1.jsonl [-v]

`marsad eval` on the same file scores every place mention the extractor finds (spans, exact
and within-161-km matches); this scores what an analyst sees: the location of the most
confident event of each snippet, end to end. A country is right when the event's country is
the gold one (or the point lies within 50 km of the gold point, for border towns). The gold
points were written by a helper from memory (to about 10 km), so "within 25 km" is the
strictest figure worth reading.
"""

from __future__ import annotations

import json
import sys

import marsad
from marsad.evaluation.case2021 import most_confident
from marsad.evaluation.places import km_between

# The probe writers' short names of countries GeoNames names otherwise (session 31: "DR Congo"
# counted Kanyabayonga placed in Lubero as a wrong country).
COUNTRY_ALIASES = {"dr congo": "democratic republic of the congo",
                   "drc": "democratic republic of the congo"}


def _country_key(name: str | None) -> str:
    lowered = (name or "").lower()
    return COUNTRY_ALIASES.get(lowered, lowered)[:5]


def main(path: str, verbose: bool) -> None:
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    right_country = near = field = unplaced = 0
    for row in rows:
        gold = row["places"][0]
        event = most_confident(marsad.extract(row["text"]).events)
        location = event.location if event else None
        if location is None or location.lat is None or location.lon is None:
            unplaced += 1
            if verbose:
                print(f"NONE {row['id']} {gold['value']!r} ({row['country']})")
            continue
        km = km_between(location.lat, location.lon, gold["lat"], gold["lon"])
        country = _country_key(location.country) == _country_key(row["country"]) or km < 50
        right_country += country
        near += km < 25
        field += km < 161
        if verbose and km >= 25:
            print(f"{'FAR ' if country else 'CTRY'} {row['id']} {gold['value']!r} "
                  f"({row['country']}) -> {location.name} ({location.country}), "
                  f"precision {location.precision}, {km:.0f} km")
    n = len(rows)
    print(f"snippets {n}: country {right_country / n:.3f}, within 25 km {near / n:.3f}, "
          f"within 161 km {field / n:.3f}, no location {unplaced / n:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv[2:])
