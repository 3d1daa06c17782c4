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


def new_row(g, r: dict[str, str], lat: float, lon: float, names: list[str], existing: set[str],
            seen: set[str], admin_names: dict[str, set[str]], log: dict[str, int]) -> list | None:
    """The gazetteer_additions.csv row of a new place, or None: already curated or drafted
    under that name, or named like an English word (aliases that are words are dropped)."""
    key = normalize_name(r['name'])
    if key in existing or key in seen:
        return None
    bad = [n for n in names
           if g.is_ordinary_word(n) or n.lower() in g.settings.common_words or len(n) < 4]
    if r['name'] in bad:
        log['word'] += 1
        print('WORD', r['name'], file=sys.stderr)
        return None
    aliases = [a for a in names[1:] if a not in bad and normalize_name(a) != key]
    seen.add(key)
    admin1 = r['admin1'] if r['admin1'] in admin_names.get(r['iso2'], set()) else ''
    return [r['name'], '|'.join(dict.fromkeys(aliases)), r['kind'], r['iso2'], admin1, '', lat, lon,
            '', 'curated (approximate: two independent recollections within 15 km)', '']
