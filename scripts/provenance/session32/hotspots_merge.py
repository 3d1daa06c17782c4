"""Session 32: merge two blind placements of conflict hotspots into gazetteer_additions.csv rows.

Run from the repository root: .venv/bin/python scripts/provenance/session31/hotspots_merge.py
hotspots_draft*.csv were written from memory by one helper, hotspots_second_placement.csv by
another given only hotspots_names.csv. Rows whose points agree within 15 km are kept at their
mean, unless already in the gazetteer within 25 km, named like another town of the country,
or an English word (a namesake of the country over 100 km away does not count). A place already in the gazetteer within 25 km under a GeoNames entry gets
the spellings that do not find it yet, as an enrichment row (geonameid set). The output
(hotspots_rows.csv, after the LEFT_OUT / BAD_ALIASES reading below) was appended to
gazetteer_additions.csv.
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
out = []; log = {'agree':0,'disagree':0,'unknown':0,'present':0,'conflict':0,'word':0,'aliases':0}
FAR_NAMESAKE_KM = 100
enriched = {f'gn:{r["geonameid"]}' for r in csv.DictReader(l for l in open('src/marsad/resources/gazetteer_additions.csv') if not l.startswith('#')) if r['geonameid']}
seen = set()
for r, lat, lon, names in agreeing(HERE, ['hotspots_draft.csv'], log):
    same = [p for n in names for p in g.candidates(n) if p.iso2 == r['iso2'] and p.kind not in ('country','admin1')]
    near = [p for p in same if p.lat is not None and km(p.lat, p.lon, lat, lon) <= 25]
    if near:
        log['present'] += 1; print('PRESENT', r['name'], '->', near[0].name, file=sys.stderr)
        base = near[0]
        # spellings news uses that do not find the place yet ("Beletweyne" for Beledweyne):
        # an enrichment row adds them to the GeoNames entry (curated rows are left alone)
        missing = [n for n in names if base.key not in {p.key for p in g.candidates(n)}
                   and not g.is_ordinary_word(n) and n.lower() not in g.settings.common_words
                   and len(n) >= 4]
        if missing and base.key.startswith('gn:') and base.key not in enriched:
            enriched.add(base.key)
            log['aliases'] += 1
            out.append([base.name, '|'.join(dict.fromkeys(missing)), base.kind, r['iso2'], '', '', '', '',
                        '', f'GeoNames {base.geonameid} (aliases: two independent recollections within 15 km)',
                        base.geonameid])
        continue
    # (a namesake of the same country more than 100 km away is another place: "Dungu" of
    # Haut-Uele beside another Dungu of Congo; the text's province tells them apart)
    if [p for p in same if km(p.lat, p.lon, lat, lon) <= FAR_NAMESAKE_KM]:
        log['conflict'] += 1; print('CONFLICT', r['name'], r['iso2'], '->', [(p.name, round(km(p.lat,p.lon,lat,lon))) for p in same][:2], file=sys.stderr); continue
    row = new_row(g, r, lat, lon, names, existing, seen, admin_names, log)
    if row is not None:
        out.append(row)
# Read by hand before appending (session 32): names that are words, peoples, languages or
# given names elsewhere ("Hindi", "Bodo", "Lama", "Ariel"), and enrichments whose curated flag
# would let a small namesake beat a better-known place of the same name ("Rafah" of Egypt over
# Gaza's, "Bali" of Cameroon, "San Fernando" of Tamaulipas), are left out; so are aliases
# that spell something else ("New York" for Niu-York, "Roma", "Namsan", "City of God").
LEFT_OUT = {'Hindi', 'Bodo', 'Brass', 'Lama', 'Ariel', 'Sabri', 'Bali', 'Madera', 'San Fernando',
            'Corinto', 'Suárez', 'Mier', 'Chana', 'Rafaḩ', 'Dūmā', 'Ramu', 'Bonny', 'Ibo'}
BAD_ALIASES = {'Roma', 'Loki', 'City of God', 'Darra', 'Al-Ahli', 'Namsan', 'New York', 'Ngala',
               'Buri', 'Jana'}
kept = []
for row in out:
    if row[0] in LEFT_OUT:
        continue
    row[1] = '|'.join(a for a in row[1].split('|') if a and a not in BAD_ALIASES)
    if row[10] and not row[1]:
        continue  # an enrichment left with no alias adds nothing
    kept.append(row)
out = kept
w = csv.writer(open(HERE / 'hotspots_rows.csv', 'w'), lineterminator='\n')
w.writerows(out)
print(log, len(out))
