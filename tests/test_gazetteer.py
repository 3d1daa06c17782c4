"""Tests of the offline gazetteer: names, transliteration variants, fuzzy guard, patterns."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from marsad.gazetteer import Gazetteer, Place, load_gazetteer, normalize_name, ruler_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def patterns(gazetteer: Gazetteer) -> list[dict[str, str]]:
    return gazetteer.entity_patterns()


def _best(gazetteer: Gazetteer, name: str) -> Place:
    found = gazetteer.candidates(name)
    assert found, f"{name!r} not found"
    return found[0]


@pytest.mark.parametrize(("first", "second"), [
    ("Yarmouk camp", "al-Yarmuk"),
    ("the al-Hajar al-Aswad neighbourhood", "Hajar Aswad"),
    ("Babbila", "Babila"),
    ("Deir ez-Zor", "Deir Ezzor"),
    ("Al-Raqqah", "Raqqa"),
    ("Darayya", "Daraiya"),
    ("Dār‘ā", "Dara'a"),
    ("اليرموك", "مخيم اليرموك"),
])
def test_normalize_name_unifies_variants(first: str, second: str) -> None:
    assert normalize_name(first) == normalize_name(second)


@pytest.mark.parametrize(("first", "second"), [
    ("Yalda", "Yabroud"),
    ("Homs", "Hama"),
    ("al-Qadam", "al-Qaboun"),
])
def test_normalize_name_keeps_places_apart(first: str, second: str) -> None:
    assert normalize_name(first) != normalize_name(second)


@pytest.mark.parametrize(("name", "expected", "kind", "admin1"), [
    ("Yarmouk camp", "Yarmouk Camp", "camp", "Damascus"),
    ("Yarmuk", "Yarmouk Camp", "camp", "Damascus"),
    ("al-Hajar al-Aswad", "al-Hajar al-Aswad", "town", "Rif Dimashq"),
    ("Hajar Aswad", "al-Hajar al-Aswad", "town", "Rif Dimashq"),
    ("al-Qadam", "al-Qadam", "neighbourhood", "Damascus"),
    ("al-Asali", "al-Asali", "neighbourhood", "Damascus"),
    ("al-Tadamun", "al-Tadamun", "neighbourhood", "Damascus"),
    ("Yalda", "Yalda", "town", "Rif Dimashq"),
    ("Bibla", "Babbila", "town", "Rif Dimashq"),
    ("Babila", "Babbila", "town", "Rif Dimashq"),
    ("Babbila", "Babbila", "town", "Rif Dimashq"),
    ("Beit Sahem", "Beit Sahem", "town", "Rif Dimashq"),
    ("Deir el-Zour", "Deir ez-Zor", "city", "Deir ez-Zor"),
    ("Deir Ezzor", "Deir ez-Zor", "city", "Deir ez-Zor"),
    ("Al-Raqqah", "Raqqa", "city", "Raqqa"),
    ("Douma", "Douma", "city", "Rif Dimashq"),
    ("Jobar", "Jobar", "neighbourhood", "Damascus"),
    ("Sheikh Maqsoud", "Sheikh Maqsoud", "neighbourhood", "Aleppo"),
    ("Khan Shaykhun", "Khan Sheikhoun", "town", "Idlib"),
    ("اليرموك", "Yarmouk Camp", "camp", "Damascus"),
    ("دمشق", "Damascus", "city", "Damascus"),
])
def test_candidates_resolve_syrian_places(gazetteer: Gazetteer, name: str, expected: str,
                                          kind: str, admin1: str) -> None:
    place = _best(gazetteer, name)
    assert (place.name, place.kind, place.iso2, place.admin1) == (expected, kind, "SY", admin1)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(("name", "country", "iso2"), [
    ("Colombia", "Colombia", "CO"),       # capital "Bogota" in the country table, "Bogotá" a city
    ("Monteria", "Colombia", "CO"),
    ("Brazil", "Brazil", "BR"),
    ("Sao Paulo", "Brazil", "BR"),
    ("Costa Rica", "Costa Rica", "CR"),
    ("Asuncion", "Paraguay", "PY"),
])
def test_countries_whose_capital_is_spelt_with_accents_have_places(
        gazetteer: Gazetteer, name: str, country: str, iso2: str) -> None:
    # (ranking among namesakes is find_places' job: "Colombia" is also a town in Cuba)
    assert (country, iso2) in {(p.country, p.iso2) for p in gazetteer.candidates(name)}


def test_yarmouk_keeps_its_geonames_identity(gazetteer: Gazetteer) -> None:
    place = _best(gazetteer, "Yarmouk camp")
    assert (place.geonameid, place.lat, place.lon) == (166716, 33.4699, 36.3018)


def test_spellings_added_to_a_geonames_town(gazetteer: Gazetteer,
                                            patterns: list[dict[str, str]]) -> None:
    """A row that only adds spellings (session 32: "Beletweyne" for Beledweyne) keeps the
    GeoNames entry's own names, is no curated place (it wins no ties), and the entity ruler
    answers to every spelling, accents off too ("Mocimboa da Praia")."""
    place = _best(gazetteer, "Beletweyne")
    assert (place.name, place.geonameid, place.curated) == ("Beledweyne", 64460, False)
    assert "harm" not in _best(gazetteer, "Harem").aliases  # a GeoNames search key
    assert _best(gazetteer, "Jenin").iso2 == "PS"  # GeoNames' spelling kept beside "Jenin RC"
    surfaces = {p["pattern"].lower() for p in patterns}
    assert {"beletweyne", "elwak", "mocimboa da praia"} <= surfaces


def test_curated_child_names_its_parent(gazetteer: Gazetteer) -> None:
    parent = gazetteer.parent_of(_best(gazetteer, "al-Asali"))
    assert parent is not None and parent.name == "al-Qadam"


@pytest.mark.parametrize(("name", "kind", "iso3"), [
    ("Syria", "country", "SYR"),
    ("Iraq", "country", "IRQ"),
    ("Rif Dimashq", "admin1", "SYR"),
    ("Idlib Governorate", "admin1", "SYR"),
    ("Nineveh", "admin1", "IRQ"),
    # Latin America's departments (scripts/build_admin1_rows.py, Natural Earth outlines)
    ("Usulutan", "admin1", "SLV"),
    ("Morazán", "admin1", "SLV"),
    ("Antioquia", "admin1", "COL"),
    ("Ayacucho", "admin1", "PER"),
    ("Quiché", "admin1", "GTM"),
])
def test_regions_have_kind_and_coordinates(gazetteer: Gazetteer, name: str, kind: str,
                                           iso3: str) -> None:
    place = next(p for p in gazetteer.candidates(name) if p.kind == kind)
    assert place.iso3 == iso3 and place.lat is not None


@pytest.mark.parametrize(("name", "expected"), [
    ("Yarmuok", "Yarmouk Camp"),
    ("Zamlka", "Zamalka"),
])
def test_fuzzy_finds_misspelt_places(gazetteer: Gazetteer, name: str, expected: str) -> None:
    assert not gazetteer.candidates(name)
    assert [p.name for p in gazetteer.fuzzy(name)][:1] == [expected]


@pytest.mark.parametrize("word", ["forces", "Forces", "control", "Control", "Monday",
                                  "Hezbollah", "regime", "Police", "Officer", "Sputnik"])
def test_fuzzy_does_not_match_ordinary_words(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.fuzzy(word) == []


def test_entity_patterns_are_well_formed(patterns: list[dict[str, str]]) -> None:
    surfaces = [p["pattern"].lower() for p in patterns]
    assert len(surfaces) == len(set(surfaces))
    assert {p["label"] for p in patterns} <= {"GPE", "LOC", "FAC"}
    assert all(len(p["pattern"]) >= 3 and p["id"] for p in patterns)


@pytest.mark.parametrize(("surface", "label"), [
    ("the Yarmouk camp", "LOC"), ("Yarmouk camp", "LOC"), ("Hajar Aswad", "GPE"),
    ("al-Tadamun", "LOC"), ("Tadamun", "LOC"), ("Syria", "GPE"), ("Rif Dimashq", "GPE"),
    ("دمشق", "GPE"), ("Aleppo", "GPE"), ("Beit Sahem", "GPE"),
])
def test_entity_patterns_cover_places(patterns: list[dict[str, str]], surface: str,
                                      label: str) -> None:
    labels = {p["label"] for p in patterns if p["pattern"].lower() == surface.lower()}
    assert labels == {label}


@pytest.mark.parametrize("word", ["has", "hit", "tank", "spring", "north", "police", "most",
                                  "Monday", "sam", "ali"])
def test_entity_patterns_skip_ordinary_words(patterns: list[dict[str, str]], word: str) -> None:
    assert word.lower() not in {p["pattern"].lower() for p in patterns}


def test_index_is_saved_once_and_reopened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The built index is written atomically under MARSAD_CACHE_DIR and read back equal."""
    from marsad import gazetteer as module

    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    built = module.load_gazetteer.__wrapped__()
    saved = list(tmp_path.glob("gazetteer-*.sqlite"))
    assert len(saved) == 1
    assert not list(tmp_path.glob("*.tmp"))
    reopened = module.load_gazetteer.__wrapped__()
    assert reopened.path == saved[0]
    assert reopened.candidates("Yarmouk")[0].key == built.candidates("Yarmouk")[0].key
    assert len(reopened.places) == len(built.places) > 200_000


def test_broken_index_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad import gazetteer as module

    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    path = module.index_path()
    assert path is not None
    path.write_bytes(b"not a database")
    assert module.load_gazetteer.__wrapped__().candidates("Douma")[0].name == "Douma"


def test_cache_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad import gazetteer as module

    monkeypatch.setenv("MARSAD_CACHE_DIR", "")
    assert module.index_path() is None


def test_gazetteer_pickles_as_a_reopen(gazetteer: Gazetteer) -> None:
    """A process pool gets the same places (the index is reopened, not copied)."""
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.path == gazetteer.path
    assert copy.candidates("Babila") == gazetteer.candidates("Babila")


def test_places_is_a_lazy_mapping(gazetteer: Gazetteer) -> None:
    place = gazetteer.candidates("Yarmouk camp")[0]
    assert gazetteer.places[place.key] == place == gazetteer.get(place.key)
    with pytest.raises(KeyError, match="no-such-place"):
        gazetteer.get("add:no-such-place")


@pytest.mark.parametrize("surface", ["Yarmouk camp", "the Yarmouk camp", "al-Hajar al-Aswad",
                                     "Syria", "Rif Dimashq", "دمشق", "Aleppo", "Beit Sahem"])
def test_ruler_patterns_agree_with_entity_patterns(gazetteer: Gazetteer,
                                                   patterns: list[dict[str, str]],
                                                   surface: str) -> None:
    first = next(p for p in patterns if ruler_key(p["pattern"]) == ruler_key(surface))
    assert gazetteer.ruler_patterns().get(ruler_key(surface)) == (first["label"], first["id"])


@pytest.mark.parametrize("key", ["has", "the", "yarmouk camp attack", "zzzz",
                                 "cai", "ist", "bey"])  # airport codes (Cairo, Istanbul, Beirut)
def test_ruler_patterns_miss_non_places(gazetteer: Gazetteer, key: str) -> None:
    assert gazetteer.ruler_patterns().get(key) is None


def test_ruler_patterns_take_additions_first_wins(gazetteer: Gazetteer) -> None:
    table = gazetteer.ruler_patterns()
    assert table.setdefault("syria", ("LOC", "x")) == ("GPE", "syria")
    assert table.setdefault("our new place", ("LOC", "our new place")) == ("LOC", "our new place")
    assert table["our new place"] == ("LOC", "our new place")
    assert pickle.loads(pickle.dumps(table)).get("our new place") == ("LOC", "our new place")


def test_a_department_is_its_countrys_division_with_its_towns(gazetteer: Gazetteer) -> None:
    # the admin1 code of admin1.csv is GeoNames', so towns carry their department's name
    town = next(p for p in gazetteer.candidates("Zacatecoluca") if p.iso2 == "SV")
    assert town.admin1 == "La Paz"
    department = next(p for p in gazetteer.candidates("Antioquia") if p.kind == "admin1")
    # placed at its largest city, Medellín
    assert (department.iso2, round(department.lat), round(department.lon)) == ("CO", 6, -76)


def test_generic_kinds_come_from_the_resource(gazetteer: Gazetteer) -> None:
    settings = gazetteer.settings
    assert settings.generic_kind("village") == "town"
    assert settings.generic_kind("quarter") == "neighbourhood"
    assert settings.generic_kind("refugee") == "camp"
    assert settings.generic_kind("camp") == "camp"  # an unlisted generic word is its own kind
    assert set(settings.generic_kinds) <= settings.generic_words, \
        "a generic_kinds key that is no generic word is never read"


def test_names_without_accents_only_in_capitals(gazetteer: Gazetteer) -> None:
    """Wire copy in capitals drops accents ("VINA DEL MAR"): the ruler's capitals-only table
    holds the spelling, the ordinary table does not (there "save", "than" are English)."""
    patterns = gazetteer.ruler_patterns()
    assert patterns.get("viña del mar") is not None
    assert patterns.get("vina del mar") is None
    assert patterns.in_capitals("vina del mar") == patterns.get("viña del mar")
    assert patterns.in_capitals("than") is None  # a stop word, never a place


def test_gazetteer_ruler_reads_unaccented_names_in_capitals_only() -> None:
    from marsad.context import get_context
    nlp = get_context().nlp
    caps = nlp("A BOMB EXPLODED TODAY IN VINA DEL MAR.")
    assert [e.text for e in caps.ents if e.label_ == "GPE"] == ["VINA DEL MAR"]
    plain = nlp("A bomb exploded, and the group vowed to save the town.")
    assert not [e for e in plain.ents if e.text.lower() == "save"]


def test_smaller_towns_abroad_answer_to_their_spellings_only(gazetteer: Gazetteer) -> None:
    """A town of 15,000-100,000 outside the focus countries is looked up under the other
    spellings of its name ("Kupiansk" of Kupyansk, "Cinkassé" of Sinkassé), not under other
    languages' names for it ("Khar", a Russian name of Haar, Germany: a town in Pakistan)."""
    assert "UA" in {p.iso2 for p in gazetteer.candidates("Kupiansk")}
    assert "TG" in {p.iso2 for p in gazetteer.candidates("Cinkassé")}
    assert "DE" not in {p.iso2 for p in gazetteer.candidates("Khar")}
    assert "PK" in {p.iso2 for p in gazetteer.candidates("Khar")}
    assert [p.kind for p in gazetteer.candidates("Chiapas")] == ["admin1"]


@pytest.mark.parametrize(("name", "iso2"), [
    ("Kolofata", "CM"), ("Quissanga", "MZ"), ("Pont-Sondé", "HT"), ("Khiam", "LB"),
    ("Mir Ali", "PK"), ("Zamzam", "SD"), ("Barsalogho", "BF"), ("Abu Salim", "LY"),
])
def test_conflict_hotspots_below_geonames_cutoff_are_known(gazetteer: Gazetteer, name: str,
                                                           iso2: str) -> None:
    """Towns, camps and neighbourhoods conflict news names again and again that GeoNames'
    cities of 15,000+ lack are curated rows of gazetteer_additions.csv (session 31)."""
    found = [p for p in gazetteer.candidates(name) if p.iso2 == iso2]
    assert found and found[0].curated, gazetteer.candidates(name)


@pytest.mark.parametrize(("town", "iso2", "admin1"), [
    ("Maroua", "CM", "Far North"), ("Garissa", "KE", "Garissa"), ("Pattani", "TH", "Pattani"),
    ("Cap-Haïtien", "HT", "North Department"), ("Gulu", "UG", "Northern Region"),
])
def test_towns_of_conflict_countries_carry_their_province(gazetteer: Gazetteer, town: str,
                                                          iso2: str, admin1: str) -> None:
    """admin1.csv lists every first-level division of the conflict countries (codes from
    the GeoNames code of each division's capital); a division whose name is a bare English
    word ("Northern", "Central") is listed under a longer form, never as a word the ruler
    would find in ordinary text."""
    place = next(p for p in gazetteer.candidates(town) if p.iso2 == iso2)
    assert place.admin1 == admin1
    assert not [p for p in gazetteer.candidates("Northern") if p.kind == "admin1"]
    assert not [p for p in gazetteer.candidates("Southern") if p.kind == "admin1"]
