"""What sessions 31 and 32's hotspot merges share: two blind placements of one drafted list.

Run from the repository root (paths are the repository's); imported by
`session31/hotspots_merge.py` and `session32/hotspots_merge.py`.
"""
import csv
import math
import sys
from collections.abc import Iterator
from pathlib import Path

from marsad.gazetteer import normalize_name

AGREE_KM = 15
"""Two recollections of a place agree when their points lie this close."""


def km(a: float, b: float, c: float, d: float) -> float:
    """Distance in km between (a, b) and (c, d), equirectangular (fine at these distances)."""
    p = math.pi / 180
    x = (d - b) * p * math.cos((a + c) / 2 * p)
    y = (c - a) * p
    return 6371 * math.hypot(x, y)


def admin_names() -> dict[str, set[str]]:
    """The names of admin1.csv's divisions, per country."""
    names: dict[str, set[str]] = {}
    for r in csv.reader(line for line in open('src/marsad/resources/admin1.csv')
                        if not line.startswith('#')):
        if r[0] != 'iso2':
            names.setdefault(r[0], set()).add(r[2])
    return names


def curated_names() -> set[str]:
    """Normalised names of the rows gazetteer_additions.csv already has."""
    return {normalize_name(line.split(',')[0])
            for line in open('src/marsad/resources/gazetteer_additions.csv')
            if not line.startswith('#') and not line.startswith('name,')}


def agreeing(here: Path, drafts: list[str], log: dict[str, int]
             ) -> Iterator[tuple[dict[str, str], float, float, list[str]]]:
    """The draft rows whose second placement agrees: (row, mean lat, mean lon, names), and
    the unknown and disagreeing ones counted in ``log``."""
    draft = [r for name in drafts for r in csv.DictReader(open(here / name))]
    check = {int(r['id']): r for r in csv.DictReader(open(here / 'hotspots_second_placement.csv'))}
    for i, r in enumerate(draft):
        c = check[i]
        if not c['lat']:
            log['unknown'] += 1
            continue
        lat1, lon1, lat2, lon2 = float(r['lat']), float(r['lon']), float(c['lat']), float(c['lon'])
        d = km(lat1, lon1, lat2, lon2)
        if d > AGREE_KM:
            log['disagree'] += 1
            print('DISAGREE', r['name'], r['iso2'], round(d), file=sys.stderr)
            continue
        log['agree'] += 1
        names = [r['name']] + [a for a in r['aliases'].split('|') if a]
        yield r, round((lat1 + lat2) / 2, 4), round((lon1 + lon2) / 2, 4), names
