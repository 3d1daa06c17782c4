"""Session 31: merge two blind placements of conflict hotspots into gazetteer_additions.csv rows.

Run from the repository root: .venv/bin/python scripts/provenance/session31/hotspots_merge.py
hotspots_draft*.csv were written from memory by one helper, hotspots_second_placement.csv by
another given only hotspots_names.csv. Rows whose points agree within 15 km are kept at their
mean, unless already in the gazetteer within 25 km, named like another town of the country,
or an English word. The output (hotspots_rows.csv) was appended to gazetteer_additions.csv
after dropping 'Tina' (a given name) and the aliases Lido, Boni, Kojo.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
import csv, sys
sys.path.insert(0, str(HERE.parent))
from marsad.context import get_context
from two_placements import admin_names as read_admin_names, agreeing, curated_names, km, new_row
g = get_context().gazetteer
admin_names = read_admin_names()
existing = curated_names()
out = []; log = {'agree':0,'disagree':0,'unknown':0,'present':0,'conflict':0,'word':0}
seen = set()
for r, lat, lon, names in agreeing(HERE, ['hotspots_draft.csv', 'hotspots_draft_extra.csv'], log):
    same = [p for n in names for p in g.candidates(n) if p.iso2 == r['iso2'] and p.kind not in ('country','admin1')]
    near = [p for p in same if p.lat is not None and km(p.lat, p.lon, lat, lon) <= 25]
    if near:
        log['present'] += 1; print('PRESENT', r['name'], '->', near[0].name, file=sys.stderr); continue
    if same:
        log['conflict'] += 1; print('CONFLICT', r['name'], r['iso2'], '->', [(p.name, round(km(p.lat,p.lon,lat,lon))) for p in same][:2], file=sys.stderr); continue
    row = new_row(g, r, lat, lon, names, existing, seen, admin_names, log)
    if row is not None:
        out.append(row)
w = csv.writer(open(HERE / 'hotspots_rows.csv', 'w'), lineterminator='\n')
w.writerows(out)
print(log, len(out))
