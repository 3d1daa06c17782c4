"""Place extraction: gazetteer lookup of a document's place entities, disambiguated by context.

Why context: "Damascus" is a capital and a town in Oregon, "Aleppo" a city and a governorate.
The places a text resolves without doubt (and the countries it names) tell which country it is
about and where it is; the words around a mention ("near", "the outskirts of", "province",
"camp") tell what kind of place and how exact the location is (ACLED geo-precision).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial

from spacy.tokens import Doc, Span, Token

from marsad.extractors.numbers import parse_count
from marsad.extractors.place_names import (
    HYPHENS,
    NAMED_BY_PLACE_WORD,
    in_a_place_slot,
    names_a_known_place,
    place_name,
    read_as_place,
    surnames_in,
)
from marsad.gazetteer import (
    REGION_KINDS,
    Gazetteer,
    GazetteerSettings,
    OffsetSettings,
    Place,
    normalize_name,
)
from marsad.model import Location
from marsad.recase import doc_in_capitals, reads_as_word

CITY_KINDS = frozenset({"city", "town"})
AREA_KINDS = frozenset({"district", "area"})
"""Kinds of place that are an area, not a point: an event there is precision 2."""
NEAR_KM = 30.0
RESOLVE_ROUNDS = 2
"""Rounds of re-reading each mention in the context of the others' last choices."""
REGION_KM = 100.0
KM_PER_DEGREE_LAT = 111.19
"""A lower bound of great-circle km per degree of latitude difference (6371 km radius)."""
HOME_BONUS = 2.0
NEIGHBOURHOOD = "neighbourhood"
"""The kind a generic word such as "neighborhood" or "quarter" gives a name."""
NAMESAKE_SHARE = 0.1
"""A place under this share of a world city's size (``stray_max_population``) that has the
world city's name takes no home bonus against it."""
AMBIGUOUS_SHARE = 2.0
"""With nothing else in the text to tell its country, a town of a name that a town of another
country bears too must be this many times that one's size to be read (Homs, 650,000, over Al
Khums, Libya, 200,000; not Tire, Turkey, 47,000, over Et Tira, Israel, 27,000)."""
HOME_WINDOW = 1
"""Sentences either side whose places tell a mention's home before the whole text does."""
GOVERNMENT_DEPS = frozenset({"nsubj", "poss", "compound", "amod", "npadvmod"})
"""How a capital naming its government attaches ("Moscow said", "Ankara-backed")."""
GOVERNMENT_PREPOSITIONS = frozenset({"for", "by", "against", "with"})
"""A capital after these names its government: "the deadliest incident for Moscow", "backed by
Tehran", "sanctions against Moscow", "talks with Ankara"."""
POSSESSIVE_ENDINGS = ("'s", "’s")
"""A possessive "'s" as spaCy splits it off a name, with a straight or a curly apostrophe."""
DATELINE_REACH = 400
"""Characters from the start of the text in which a capitalised city can be a dateline."""
DATELINE_NEXT = re.compile(r"\s*(?:[(,:/\-\u2013\u2014]|[A-Z0-9])")  # ("CAIRO/GAZA -")
# A dateline written in title case opens the text and runs, through an optional agency or
# date, to a dash or a colon: "Hasakah, SANA –", "Kabul, June 3 (Reuters) -", "Goma:".
TITLED_DATELINE_NEXT = re.compile(
    r"(?:,\s*[A-Z][\w.' ]{0,40}?)?\s*(?:\([^()]{1,40}\)\s*)?(?:[:\u2013\u2014]|-\s)")
ADMIN1_BONUS = 1.0
ADMIN1_SIZE = 100_000
"""The size a province or department (population 0 in the gazetteer) counts as when scored
against namesakes elsewhere, as a town of 100,000: "Antioquia" under its own name is the
Colombian department, not Antakya, Turkey (400,000), whose Spanish alternate name it is (the
own-name bonus decides). Against a namesake town inside it, it counts nothing: a bare
"Aleppo", "Idlib", even "Quneitra" (4,000 people) is the town; the province needs a cue word."""
_CONTAINER = re.compile(r"^\s*,?\s*(?:area|neighbourhood|neighborhood|district|camp)?\s*"
                        r"(?:in|of|inside|within|at)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_COUNTRY_CUE = re.compile(r"^\s*,\s*(?:the\s+)?$")
_COMMA = re.compile(r"^\s*,\s*$")
# a list joined a name before it ("Aleppo, Idlib": see _list_goes_on for after it)
_LIST_JOINT = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*$")
_DECIMAL = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# "US-led", "London-based": hyphens that join a name to a suffix (not the dashes of HYPHENS)
_SIDE_SUFFIX = re.compile(r"[-\u2010\u2011\u2013]([A-Za-z]+)")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text, resolved to a gazetteer entry and located.

    ``location.char_span`` equals ``(start_char, end_char)`` and indexes ``doc.text``.
    """

    start_char: int
    end_char: int
    text: str
    location: Location
    sentence_index: int
    place: Place = field(repr=False)
    within: str | None = None
    """Text of the mentioned place this one lies in ("al-Asali ... in al-Qadam")."""
    names_side: bool = False
    """The place is the first half of "US-led", "London-based" (``side_suffixes``): whose side
    or where a body sits, not where anything happened."""


@dataclass
class _Mention:
    """A candidate mention while the document is being resolved."""

    start: int
    end: int
    start_token: int
    end_token: int
    candidates: list[Place]
    kind_hint: str | None = None
    key: str = ""
    country_cue: str | None = None
    # the country follows right after a comma and ends there ("ESSEX, GREAT BRITAIN,"): the
    # place is in it or is none (not "Baghdad, the U.S. Embassy", "Jordan, Lebanon and Turkey")
    strict_country_cue: bool = False
    relative: bool = False
    fuzzy: bool = False
    chosen: Place | None = None
    within: _Mention | None = None
    sentence: int = 0
    offset_km: float | None = None
    """Stated distance of the event from this place ("30 km east of X")."""
    bearing: str | None = None
    """Compass direction of the event from this place ("east of X": "E")."""
    far_end: bool = False
    """The second end of a stretch ("between X and *Y*"): a bound, not where it happened."""
    own_name: frozenset[str] = frozenset()
    """Keys of the candidates read under their own name, not a GeoNames alternate name
    (computed once: normalising names in every scoring round cost a fifth of the time)."""
    suffixed: bool = False
    """Followed by "-led", "-based" (``side_suffixes``)."""
    side: bool = False
    """The name is the first half of "London-based", "US-led": whose body or side, no vote
    for the country the text is about."""


def find_places(doc: Doc, gazetteer: Gazetteer, *, country_hint: str | None = None,
                names: Sequence[tuple[int, int]] = (),
                group_countries: Sequence[str] = ()) -> list[PlaceMention]:
    """Return the resolved place mentions of ``doc`` in text order.

    ``group_countries`` (ISO2, one per mention) are the countries of the groups the text
    names that fight in one country (actors.yaml ``operates_in``): each votes as a
    nationality word does ("Kenyan troops killed 20 al-Shabaab fighters in Gedo": Somalia's
    province, not Gēdo, Ethiopia).

    ``country_hint`` (ISO2) is the country the source is known to cover, if any. ``names``
    are the character spans of actors and sources: a name inside one ("Taliban", a town in
    Turkey's GeoNames; "Iraq" in "Islamic State in Iraq") is no place, and is dropped before
    it can vote for a country (a country or province that is the whole name stays). Mentions are
    resolved twice: the second time with the country context of the places chosen the first
    time ("Damascus" is ambiguous, but once read as the capital it tells the text is about
    Syria). A small place abroad that nothing else in the text points at is dropped (see
    :func:`_stray`).
    """
    text = doc.text  # once: Doc.text joins every token on each access
    sentence_starts = _sentence_starts(doc)  # once: has_annotation scans the whole doc
    settings = gazetteer.settings
    capitals = doc_in_capitals(doc)  # there "US", "MAY" are those words, not places
    surnames = surnames_in(doc, settings)
    entities = [ent for ent in doc.ents if read_as_place(ent, gazetteer)]
    mentions = [m for ent in entities
                if not (capitals and reads_as_word(ent.text))
                and (m := _mention(doc, text, ent, gazetteer, sentence_starts,
                                   surnames)) is not None
                and not _inside_a_name(m, names, text)]
    # ... and the names grammar gives where the model saw none ("the town of Hit"), unless
    # a name the model read covers them ("the city of Khan-Shaikhoun")
    mentions += [m for ent in _named_after_a_place_word(doc, gazetteer)
                 if not any(o.start < ent.end_char and ent.start_char < o.end for o in mentions)
                 and (m := _mention(doc, text, ent, gazetteer, sentence_starts,
                                    surnames)) is not None
                 and not _inside_a_name(m, names, text)]
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        mention.sentence = max(0, bisect_right(sentence_starts, mention.start) - 1)
    _link_containers(text, mentions, settings.division_nouns)
    _read_list_kinds(doc, mentions, settings)
    _read_country_cues(text, mentions)
    _read_sides(doc, text, mentions, settings.side_suffixes)
    _read_stretches(text, mentions, sentence_starts, settings)
    named = _demonym_countries(doc, settings)
    for code in group_countries:
        named[code] += 0.5  # type: ignore[assignment]  # (as a nationality word)
    for mention in mentions:
        # "Nigeria's military": a country's possessive naming its state votes as its
        # nationality word ("the Nigerian military") would. (Not "THE UNITED STATES SAID":
        # a Colombian commentary on the United States became a text about the United States.)
        state = next((p for p in mention.candidates if p.kind == "country"), None)
        if mention.side and not mention.suffixed and state is not None and state.iso2 \
                and _possessive(text, mention.end):
            named[state.iso2] += 0.5  # type: ignore[assignment]
    anchors = [m.candidates[0] for m in mentions if len(m.candidates) == 1]
    first = _country_context(mentions, country_hint, named, settings)
    famous = _Fame(settings.stray_max_population, settings.capital_min_population,
                   gazetteer.capitals)
    _resolve(mentions, lambda _m: (first, _NO_HOME), anchors, famous)
    base = _base_context(country_hint, named)
    for _ in range(RESOLVE_ROUNDS):
        votes = {id(m): _vote(m, settings) for m in mentions}
        sentences: dict[int, list[_Votes]] = {}
        for m in mentions:
            sentences.setdefault(m.sentence, []).append(votes[id(m)])
        context = partial(_context_of, votes=votes, totals=_sum_votes(votes.values()),
                          by_sentence={i: _sum_votes(v) for i, v in sentences.items()},
                          base=base, first=first)
        _resolve(mentions, context, anchors, famous)
    countries = _resolved_context(mentions, country_hint, named, settings) or first
    return [_place_mention(text, m, sentence_starts, settings) for m in mentions
            if m.chosen is not None and not _stray(
                m.chosen, m, _without_itself(m, mentions, countries, country_hint, named,
                                             settings)
                if capitals and not _vouches_for_itself(m, famous) else countries,
                settings, capitals, mentions)
            and not _namesake_of_elsewhere(m, mentions, famous)
            and not _outside_its_country(m)
            and not _names_a_government(doc, m, countries, gazetteer)
            and not _speaks(doc, m, settings.speaker_verbs)
            and not _namesake_of_a_neighbourhood(m, countries)]


def _vouches_for_itself(mention: _Mention, famous: _Fame) -> bool:
    """A world city or a national capital under its own name (``_Fame``), or the dateline that
    opens the text ("ARICA -- TWO BOLIVIANS ..."), is a place even where nothing else in the
    text points at its country: "SAN SALVADOR" in a report that also names the United States
    once. (So "THE GOVERNMENT SAID IT IN SAN JOSE" in a Salvadoran interview stays Costa
    Rica's capital.)"""
    place = mention.chosen
    # (a country, a province or a curated place is never a stray: no need to count votes)
    return mention.start_token == 0 or place is None or place.kind in REGION_KINDS \
        or place.curated or famous(place, mention)


def _without_itself(mention: _Mention, mentions: list[_Mention], countries: Counter[str],
                    country_hint: str | None, named: Counter[str],
                    settings: GazetteerSettings) -> Counter[str]:
    """The countries the text's other names point at: in text written in capitals, where the
    recogniser takes surnames for places, a city abroad does not vouch for itself ("THE
    CRISTIANI GOVERNMENT, PONCE, AND THE HIGH COMMAND" in a Salvadoran interview is no
    Puerto Rican city; "PONCE" written twice does not vouch for itself either). Empty when
    nothing else points anywhere (:func:`_stray` then keeps all but a hamlet:
    ``lone_min_population``)."""
    others = [m for m in mentions if m.key != mention.key]
    return _resolved_context(others, country_hint, named, settings)


def _namesake_of_elsewhere(mention: _Mention, mentions: list[_Mention],
                           famous: _Fame) -> bool:
    """A name places of several countries bear, read as a town of a country whose provinces
    the text never names, while it names another country's: "an attack on Palma ... in Cabo
    Delgado" is Mozambique's, not Palma, Spain, whose size alone makes it a sure reading. (Only
    provinces count: countries are named as actors, "France and Britain called for
    sanctions", and nationality words too, "Russian forces shelled Nikopol".)"""
    place = mention.chosen
    if place is None or place.kind in REGION_KINDS or place.curated or famous(place, mention) \
            or len({p.iso2 for p in mention.candidates}) < 2:
        return False
    provinces = {m.chosen.iso2 for m in mentions if m.chosen is not None and m.key != mention.key
                 and m.chosen.kind == "admin1" and not m.fuzzy and not m.side}
    return bool(provinces) and place.iso2 not in provinces


def _possessive(text: str, end: int) -> bool:
    """The name ending at ``end`` takes a possessive "'s" ("Nigeria's military")."""
    return text.startswith(POSSESSIVE_ENDINGS, end)


def _inside_a_name(mention: _Mention, names: Sequence[tuple[int, int]], text: str) -> bool:
    """The mention lies in an actor's or a source's name; one that is the whole name stays
    when it can be a country or province ("Turkey" as a name and a place), and so does a
    country whose forces the name is ("Nigeria's military": Nigeria still tells the text's
    country)."""
    for start, end in names:
        if start <= mention.start and mention.end <= end:
            whole = (start, end) == (mention.start, mention.end)
            possessive = start == mention.start and _possessive(text, mention.end)
            return not ((whole and any(p.kind in ("country", "admin1")
                                       for p in mention.candidates))
                        or (possessive and any(p.kind == "country" for p in mention.candidates)))
    return False


def _context_of(mention: _Mention, *, votes: dict[int, _Votes], totals: _Votes,
                by_sentence: dict[int, _Votes], base: Counter[str], first: Counter[str]
                ) -> tuple[Counter[str], _Home]:
    """The country context and home of one mention, from the other mentions' choices.

    Leave-one-out: a mention's own first guess must not vote for itself ("al-Mansoura" read
    as Al Mansurah, Egypt, must not make the text Egyptian). The home near the mention comes
    first: a report of strikes in Syria, then in Iraq, places the Iraqi paragraph's "Sinjar"
    in Iraq. ``by_sentence`` holds each sentence's summed votes (summed once per round, not
    once per mention: that was quadratic in the number of mentions).
    """
    own = votes[id(mention)]
    others = _minus(totals, own)
    countries = +(base + others.countries) or first
    window = range(mention.sentence - HOME_WINDOW, mention.sentence + HOME_WINDOW + 1)
    nearby = _minus(_sum_votes(by_sentence[i] for i in window if i in by_sentence), own)
    home = _home(Counter(), _Votes(home=nearby.local, admin1=nearby.admin1))
    return countries, home if home.iso2 is not None else _home(base, others)


@dataclass(frozen=True)
class _Fame:
    """Which places the news names without context: world cities (``stray_max_population``)
    and national capitals of some size (``capital_min_population``) named under their own
    name: "SAN SALVADOR" in a Salvadoran radio bulletin is the capital, not a hamlet of 1,000
    in Mexico; "al-Mallah" is no Malé, whose GeoNames alternate name it is."""

    world_city: int
    capital: int
    capitals: frozenset[tuple[str, float, float]]

    def __call__(self, place: Place, mention: _Mention) -> bool:
        if place.population >= self.world_city:
            # (under another of its names only where no place bears the name itself:
            # "Bombay" is Mumbai, but "GUADALUPE GARDENS" is no borough of Mexico City)
            return place.kind == "country" or place.key in mention.own_name \
                or not mention.own_name  # (a country's alias is its name: "US")
        return (place.population >= self.capital and place.kind in CITY_KINDS
                and place.key in mention.own_name
                and (place.iso2, place.lat, place.lon) in self.capitals)


def _resolve(mentions: list[_Mention],
             context: Callable[[_Mention], tuple[Counter[str], _Home]],
             anchors: list[Place], famous: _Fame) -> None:
    for mention in mentions:
        countries, home = context(mention)
        # "French President Hollande ... in Paris": a world city's small namesake in the
        # document's home country (Paris, Texas, in a text whose places point at the US) does
        # not take the home bonus from it; a big namesake (Tripoli, Lebanon) still does, as
        # does a province of another country than the world city's, whose size the gazetteer
        # does not give (La Paz department, El Salvador, is not La Paz, Bolivia, in a
        # Salvadoran report; but Lima in a Peruvian one is the city, not its province).
        known = [p for p in mention.candidates if famous(p, mention)]
        floor = NAMESAKE_SHARE * min(famous.world_city,
                                     max((p.population for p in known), default=0))
        scores = [_score(p, mention, countries, anchors, famous,
                         _NO_HOME if known and not p.curated and p.population < floor
                         and not _foreign_province(p, known) else home)
                  for p in mention.candidates]
        mention.chosen = mention.candidates[scores.index(max(scores))]


def _foreign_province(place: Place, famous: list[Place]) -> bool:
    """A province in another country than every famous place of its name."""
    return place.kind in REGION_KINDS and all(p.iso2 != place.iso2 for p in famous)


@dataclass(frozen=True)
class _Home:
    """Where the document is: the country (and governorate) its other places point at."""

    iso2: str | None = None
    admin1: str | None = None


_NO_HOME = _Home()


@dataclass
class _Votes:
    """What some mentions' chosen places say about the document's country and province."""

    countries: Counter[str] = field(default_factory=Counter)
    home: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    local: Counter[str] = field(default_factory=Counter)
    """Countries of the places below country level chosen under their own name."""


def _vote(mention: _Mention, settings: GazetteerSettings) -> _Votes:
    """The vote of one mention's chosen place (nothing unless it is a sure reading).

    A country's name does not vote for the document's *home*: texts about Syria name the
    US, Russia, Turkey as actors; the towns and provinces they name say where they are.
    """
    votes = _Votes()
    place = None if mention.side else mention.chosen
    if _town_for_a_neighbourhood(mention):
        return votes  # a neighbourhood read as a town of that name says nothing of the country
    if (place is not None and place.iso2 and not mention.fuzzy and place.kind != "country"
            and (place.curated or place.key in mention.own_name)):
        votes.local[place.iso2] += 1  # "Near Rawah, ... Near Sinjar": small places count here
    if (place is None or not place.iso2 or mention.fuzzy or not _is_sure(place, settings)
            or not (place.kind in REGION_KINDS or place.curated
                    or place.key in mention.own_name)):
        return votes
    votes.countries[place.iso2] += 1
    if place.kind == "country":
        return votes
    votes.home[place.iso2] += 1
    if place.admin1:
        votes.admin1[(place.iso2, place.admin1)] += 1
    return votes


def _sum_votes(votes: Iterable[_Votes]) -> _Votes:
    total = _Votes()
    for vote in votes:
        total.countries.update(vote.countries)
        total.home.update(vote.home)
        total.admin1.update(vote.admin1)
        total.local.update(vote.local)
    return total


def _minus(total: _Votes, own: _Votes) -> _Votes:
    return _Votes(countries=total.countries - own.countries, home=total.home - own.home,
                  admin1=total.admin1 - own.admin1, local=total.local - own.local)


def _home(base: Counter[str], others: _Votes) -> _Home:
    """The country that clearly leads the others' votes, and its leading governorate."""
    home = base + others.home
    ranked = home.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return _NO_HOME
    iso2 = ranked[0][0]
    provinces = Counter({name: n for (code, name), n in others.admin1.items() if code == iso2})
    top = provinces.most_common(2)
    admin1 = top[0][0] if top and (len(top) == 1 or top[1][1] < top[0][1]) else None
    return _Home(iso2, admin1)


def _mention(doc: Doc, text: str, ent: Span, gazetteer: Gazetteer,
             sentence_starts: list[int], surnames: frozenset[str] = frozenset()
             ) -> _Mention | None:
    """Turn an entity into a mention with its candidate places, or None if it is no place."""
    settings = gazetteer.settings
    named = place_name(doc, text, ent, gazetteer)
    if named is None:
        return None
    ent = _named_in_full(doc, named, gazetteer)
    candidates, kind_hint, relative = _exact_candidates(ent.text, gazetteer)
    if len(ent) == 1 and ent.text.lower() in surnames and not any(
            p.kind in ("country", "admin1") or p.curated for p in candidates):
        return None  # "MESA" alone, where the text wrote "ADOLFO MESA MENESES"
    fuzzy = False
    if not candidates and not _has_person_word(ent, settings.people_words):
        candidates, fuzzy = gazetteer.fuzzy(ent.text), True
    candidates = [p for p in candidates if p.lat is not None and p.lon is not None]
    if not candidates:
        return None
    key = normalize_name(ent.text)
    spelled = normalize_name(ent.text, fold_endings=False)
    mention = _Mention(ent.start_char, ent.end_char, ent.start, ent.end, candidates, fuzzy=fuzzy,
                       key=key, own_name=frozenset(
                           p.key for p in candidates
                           if key and normalize_name(p.name, fold_endings=False) == spelled))
    _read_surroundings(doc, text, mention, gazetteer, sentence_starts)
    mention.kind_hint = mention.kind_hint or kind_hint
    mention.relative = mention.relative or relative
    return mention


def _named_after_a_place_word(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Capitalised words the model tagged as no entity where the grammar puts a place.

    After "the town of", "the village of" any word is a place's name ("ISIS attacked the
    town of Hit": "Hit" is also a verb). After "the centre of", "residents of", "40 km west
    of", or "in", "near", a proper noun is one where the gazetteer knows it ("struck the
    centre of Hulyaipole", "near Mongbwalu": names spaCy's small model has never seen, so
    another spelling of one country's places will do: GeoNames' "Mangbwalu"); ordinary
    words are still left out (``place_name``)."""
    settings = gazetteer.settings
    found = []
    for token in doc:
        if token.dep_ != "pobj" or not token.is_title or token.ent_type_ != "":
            continue
        after_place_word = token.head.lower_ == "of" \
            and token.head.head.lower_ in settings.generic_words
        if not after_place_word:
            if not in_a_place_slot(token, settings) or token.pos_ != "PROPN":
                continue
        if token.is_sent_start or token.i <= token.sent.start:
            continue  # (the sentence last: finding a token's sentence walks the parse)
        start = min([token.i] + [c.i for c in token.children
                                 if c.dep_ == "compound" and c.is_title])
        if after_place_word:
            found.append(Span(doc, start, token.i + 1, label=NAMED_BY_PLACE_WORD))
        elif names_a_known_place(doc[start:token.i + 1].text, gazetteer, loosely=True):
            found.append(Span(doc, start, token.i + 1, label="GPE"))
    return found


def _named_in_full(doc: Doc, ent: Span, gazetteer: Gazetteer) -> Span:
    """The entity with the capitalised words before it that the model left out, when the
    gazetteer knows the longer name: spaCy reads "Sina" in "in Debre Sina" (a town of
    Ethiopia; "Sina" alone is a city of Iraq)."""
    start = ent.start
    for width in (2, 1):
        first = start - width
        if first < ent.sent.start:
            continue
        words = doc[first:start]
        if words[-1].text in POSSESSIVE_ENDINGS and first > ent.sent.start:
            first -= 1  # "Cox's" | "Bazar": a name with a possessive
            words = doc[first:start - 1]
        if all(w.is_alpha and w.is_title and w.pos_ == "PROPN" for w in words) and \
                gazetteer.candidates(doc[first:ent.end].text):
            return doc[first:ent.end]
    return ent


def _exact_candidates(name: str, gazetteer: Gazetteer) -> tuple[list[Place], str | None, bool]:
    """Candidates of an entity's text, with the readings news text needs beyond the name.

    Returns (candidates, kind hint, relative). spaCy often takes the cue word into the entity
    ("Raqa province": the province), and texts stripped of apostrophes write possessives as
    "Daraas Manshiyah" (a place in Daraa: Daraa, precision 2) or "Syrias".
    """
    candidates = gazetteer.candidates(name)
    words = name.split()
    if candidates:
        last = words[-1].lower() if len(words) > 1 else ""
        generic = last in gazetteer.settings.generic_words  # "Rukban camp" as one entity
        return candidates, gazetteer.settings.generic_kind(last) if generic else None, False
    if len(words) > 1 and words[-1].lower() in gazetteer.settings.admin1_words:
        named = gazetteer.candidates(" ".join(words[:-1]))
        provinces = [p for p in named if p.kind == "admin1"]
        if provinces:
            return provinces, "admin1", False
    owner = _possessive_owner(words[0])
    if owner is not None and len(owner) >= 4:
        candidates = gazetteer.candidates(owner)
        if candidates:
            return candidates, None, len(words) > 1
    return [], None, False


def _possessive_owner(word: str) -> str | None:
    """ "Daraa's" / "Daraa’s" / "Daraas" (apostrophe lost) -> "Daraa"; None if no possessive."""
    for ending in ("'s", "\u2019s", "s"):
        if word.endswith(ending) and len(word) > len(ending):
            return word[:-len(ending)]
    return None


def _has_person_word(ent: Span, person_names: frozenset[str]) -> bool:
    return any(token.lower_ in person_names for token in ent)


def _read_surroundings(doc: Doc, text: str, mention: _Mention, gazetteer: Gazetteer,
                       sentence_starts: list[int]) -> None:
    """Widen the span over "the ... camp" / "... province" and note kind and precision cues."""
    settings = gazetteer.settings
    following = doc[mention.end_token] if mention.end_token < len(doc) else None
    has_province = any(p.kind == "admin1" for p in mention.candidates)
    if following is not None and has_province and _possessed_countryside(doc, mention, settings):
        mention.kind_hint = "admin1"  # "Aleppo's (western) countryside"
    elif following is not None:
        word = following.lower_
        if word in settings.admin1_words and has_province:
            mention.kind_hint = "admin1"
            _extend_right(doc, mention)
        elif word in settings.relative_after:
            mention.relative = True
            _extend_right(doc, mention)
        elif word in settings.generic_words:
            mention.kind_hint = settings.generic_kind(word)
            _extend_right(doc, mention)
    first = doc[mention.start_token]
    previous = doc[mention.start_token - 1] if mention.start_token > 0 else None
    if previous is not None and previous.lower_ == "the" and first.lower_ != "the" and (
            mention.kind_hint is not None or mention.relative):
        mention.start, mention.start_token = previous.idx, previous.i
    before = _words_before(text, mention.start, sentence_starts, settings)
    if _ending_with(settings.relative_before).search(before):
        mention.relative = True
    if has_province and settings.admin1_before \
            and _ending_with(settings.admin1_before).search(before):
        mention.kind_hint = "admin1"  # "the countryside of Aleppo", "rural Idlib"
    _read_offset(before, mention, settings.offsets)
    word_before = doc[mention.start_token - 1].lower_ if mention.start_token > 0 else ""
    if word_before in settings.directions and any(p.kind in CITY_KINDS
                                                  for p in mention.candidates):
        mention.relative = True
        mention.kind_hint = mention.kind_hint or "city"


def _words_before(text: str, start: int, sentence_starts: list[int],
                  settings: GazetteerSettings) -> str:
    """The sentence before ``start``, lower-cased, without the words between a cue and a name.

    "near the nearby town of Saraqib" -> "near": fillers ("the", "nearby") and a generic
    word's "town of" / "the city of" are dropped, so cue lists need not spell them out.
    """
    sentence_start = sentence_starts[max(0, bisect_right(sentence_starts, start) - 1)]
    before = text[sentence_start:start].lower()
    return _filler_pattern(tuple(sorted(settings.relative_fillers)),
                           tuple(sorted(settings.generic_words))).sub("", before)


@cache
def _ending_with(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for "a text ending with any of the cues" (one search, not one per cue)."""
    ordered = sorted(cues, key=len, reverse=True)
    return re.compile(rf"(?:^|\W)(?:{'|'.join(re.escape(cue) for cue in ordered)})$")


@cache
def _filler_pattern(fillers: tuple[str, ...], generic: tuple[str, ...]) -> re.Pattern[str]:
    filler = "|".join(re.escape(word) for word in fillers)
    kinds = "|".join(re.escape(word) for word in generic)
    return re.compile(rf"(?:\s+(?:{filler}|(?:{kinds})s?\s+of))*\s*$")


def _read_offset(before: str, mention: _Mention, offsets: OffsetSettings) -> None:
    """Read a stated distance and direction right before a place ("30 km east of X").

    A parsed distance makes the mention relative and later decides its precision
    (``offsets.near_max_km``); a direction alone ("east of X") is recorded as the bearing.
    Counts are read by :func:`marsad.extractors.numbers.parse_count` ("two", "about 20",
    "a few"); decimals ("2.5 km") directly. An unreadable amount ("tens of km") records
    nothing: the relative cue lists still apply.
    """
    pattern, bearing_only = _offset_patterns(tuple(offsets.units_km), tuple(offsets.bearings),
                                             offsets.relations)
    found = pattern.search(before)
    if found is not None:
        distance = _distance(before[:found.start("unit")], offsets)
        if distance is not None:
            mention.offset_km = round(distance * offsets.units_km[found["unit"]], 3)
            mention.relative = True
            if found["bearing"]:
                mention.bearing = offsets.bearings[_spaced(found["bearing"])]
            return
    alone = bearing_only.search(before)
    if alone is not None:
        mention.bearing = offsets.bearings[_spaced(alone["bearing"])]


def _spaced(words: str) -> str:
    return " ".join(words.split())


@cache
def _offset_patterns(units: tuple[str, ...], bearings: tuple[str, ...],
                     relations: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(unit + direction/relation at the end of a text, direction + "of" at the end)."""
    def alternation(words: Iterable[str]) -> str:
        return "|".join(r"\s+".join(re.escape(part) for part in word.split())
                        for word in sorted(words, key=len, reverse=True))

    bearing = rf"(?P<bearing>{alternation(bearings)})\s+of"
    distance = re.compile(
        rf"(?:(?<=\d)|\b)(?P<unit>{alternation(units)})[.)]?\s+"
        rf"(?:(?:to\s+(?:the|its)\s+)?{bearing}|(?:{alternation(relations)}))$")
    # "the north of Aleppo" is a part of Aleppo (no bearing); "to the north of" is outside it.
    alone = rf"(?:to\s+(?:the|its)\s+|(?<!the )(?<!its )(?<![\w-])){bearing}$"
    return distance, re.compile(alone)


def _distance(head: str, offsets: OffsetSettings) -> float | None:
    """The amount that ends ``head`` ("a village 5", "about twenty", "3"), else None."""
    words = re.sub(r"[-()\[\];:]|,(?!\d{3}\b)", " ", head).split()[-4:]
    if not words:
        return None
    if _DECIMAL.fullmatch(words[-1]):
        return float(words[-1].replace(",", ""))
    if words[-1] in offsets.one_words:
        return 1.0
    for size in range(len(words), 0, -1):
        count = parse_count(" ".join(words[-size:]))
        if count is not None:
            return float(count.best)
    return None


def _read_stretches(text: str, mentions: list[_Mention], sentence_starts: list[int],
                    settings: GazetteerSettings) -> None:
    """Read two places named as the ends of a stretch; the *first-named* is the anchor.

    "between Palmyra and al-Sukhnah", "the road from Idlib to Saraqib", "the Damascus-Homs
    highway": ACLED codes one location. We take the first-named end, always (the text gives
    no reason to prefer the other, and a fixed rule is one an analyst can predict): it is a
    relative location (precision 2), and the second end is marked ``far_end``
    (``stretches.far_end_precision``, 3), so the event is placed once, at the anchor.
    """
    stretches = settings.stretches
    articles = "|".join(re.escape(word) for word in sorted(settings.articles))
    road_after = _road_pattern(tuple(sorted(stretches.roads)))
    for first, second in zip(mentions, mentions[1:], strict=False):
        if first.sentence != second.sentence:
            continue
        between = text[first.end:second.start]
        if between.strip() in HYPHENS and road_after.match(text[second.end:second.end + 40]):
            first.relative, second.far_end = True, True  # "the Damascus-Homs highway"
            continue
        before = _words_before(text, first.start, sentence_starts, settings)
        for opener, joiners in stretches.openers.items():
            if not _ending_with((opener,)).search(before):
                continue
            joined = "|".join(re.escape(word) for word in joiners)
            if re.fullmatch(rf"\s*(?:{joined})\s+(?:the\s+)?(?:(?:{articles})[\s-]+)?",
                            between, flags=re.I):
                first.relative, second.far_end = True, True
                break


@cache
def _road_pattern(roads: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(r"\s+".join(re.escape(part) for part in road.split())
                     for road in sorted(roads, key=len, reverse=True))
    return re.compile(rf"\s*(?:[\w-]+\s+)?(?:{words})\b", re.I)


def _possessed_countryside(doc: Doc, mention: _Mention, settings: GazetteerSettings) -> bool:
    """"Aleppo's countryside", "Aleppo's western countryside": a possessive, maybe a
    direction, then a word of ``admin1_words``."""
    after = [t.lower_ for t in doc[mention.end_token:mention.end_token + 3]]
    if not after or after[0] not in (*POSSESSIVE_ENDINGS, "s"):  # ("Aleppos": apostrophe lost)
        return False
    rest = after[1:]
    if rest and rest[0] in settings.directions:
        rest = rest[1:]
    return bool(rest) and rest[0] in settings.admin1_words


def _extend_right(doc: Doc, mention: _Mention) -> None:
    token = doc[mention.end_token]
    mention.end, mention.end_token = token.idx + len(token.text), token.i + 1


def _read_list_kinds(doc: Doc, mentions: list[_Mention], settings: GazetteerSettings) -> None:
    """Give every name of a list the kind its generic word says, a plural or a singular after
    "and" ("THE SANTA CLARA, SAN RAFAEL, ALTAMIRA, GUEVARA, FLORIDA, AND PERALTA NEIGHBORHOODS"
    are neighbourhoods, not the towns of Argentina and Brazil the gazetteer knows by those
    names), or "neighbourhoods" before "of". Between the names stand only commas, "and" and
    other names (no verb)."""
    by_end = {m.end_token: m for m in mentions}
    by_start = {m.start_token: m for m in mentions}
    for word in doc:
        plural = word.lower_.endswith("s") and word.lower_[:-1] in settings.generic_words
        if not plural and word.lower_ not in settings.generic_words:
            continue
        kind = settings.generic_kind(word.lower_[:-1] if plural else word.lower_)
        at, joined, listed = word.i, False, []
        while at > 0 and _list_word(doc[at - 1]):
            at -= 1
            joined = joined or doc[at].lower_ == "and"
            mention = by_end.get(at)
            if mention is not None:
                listed.append((mention, joined))
                at = mention.start_token
        for mention, after_and in listed:
            # (a singular word after a coordination is the kind of both: "SAN BENITO AND
            # ESCALON NEIGHBORHOOD"; of one name alone, _read_surroundings reads it)
            if plural or after_and:
                mention.kind_hint = mention.kind_hint or kind
        if plural and kind == NEIGHBOURHOOD and word.i + 1 < len(doc) \
                and doc[word.i + 1].lower_ == "of":
            # ... and "neighbourhoods of" is the kind of the list after it ("THE NEIGHBORHOODS
            # OF SANTA LUCIA, LA ROSA, AND SAN JOSE"; not "areas of", often towns)
            at = word.i + 2
            while at < len(doc) and (_list_word(doc[at]) or doc[at].lower_ == "the"):
                mention = by_start.get(at)
                if mention is not None:
                    mention.kind_hint = mention.kind_hint or kind
                    at = mention.end_token
                else:
                    at += 1


def _list_word(token: Token) -> bool:
    """A token that may stand in a list of names: a comma, "and", a word of a name."""
    return token.text == "," or token.lower_ == "and" or (
        token.is_alpha and (token.is_title or token.is_upper) and not token.is_stop)


def _town_for_a_neighbourhood(mention: _Mention) -> bool:
    """The text calls the name a neighbourhood ("LA COQUERA NEIGHBORHOOD", a list of them) and
    the place chosen is a town or a city of that name the gazetteer knows, no curated place.
    (Not an "area": "the areas of Kafr Nabl and Saraqib" are towns.)"""
    place = mention.chosen
    return mention.kind_hint == NEIGHBOURHOOD and place is not None and not place.curated \
        and place.kind not in (NEIGHBOURHOOD, *REGION_KINDS)


def _namesake_of_a_neighbourhood(mention: _Mention, countries: Counter[str]) -> bool:
    """Such a town abroad of the text's main country is the neighbourhood's namesake (it casts
    no vote for its country either: :func:`_vote`)."""
    place = mention.chosen
    if place is None or not _town_for_a_neighbourhood(mention) or not countries:
        return False
    return place.iso2 != countries.most_common(1)[0][0]


@cache
def _list_goes_on(division_nouns: frozenset[str]) -> re.Pattern[str]:
    """A list goes on after a name, a division's noun (``division_nouns``) between: "Idlib and
    Hama", "Douma, Harasta", "Raqqa province and Deir ez-Zor"."""
    nouns = "|".join(sorted(map(re.escape, division_nouns)))
    division = rf"(?:\s*(?:{nouns}))?" if nouns else ""
    return re.compile(division
                      + r"(?:\s*,\s*|\s+)(?:and|or|as well as)\s|\s*,\s*(?:al-|el-)?[A-Z]")


def _link_containers(text: str, mentions: list[_Mention],
                     division_nouns: frozenset[str]) -> None:
    """Record "X in (the southern) Y", "X, in Y" so X is resolved inside Y; and "X, Y" where Y
    may be a province and the two stand alone, not in a list ("in San Lorenzo, Esmeraldas
    province, near the border", "in Isabela City, Basilan, late Saturday"; not "in Aleppo,
    Idlib and Hama")."""
    for number, (inner, outer) in enumerate(zip(mentions, mentions[1:], strict=False)):
        between = text[inner.end:outer.start]
        if len(between) < 40 and _CONTAINER.match(between):
            inner.within = outer
        elif _COMMA.match(between) and any(p.kind == "admin1" for p in outer.candidates) \
                and not _list_goes_on(division_nouns).match(text, outer.end) \
                and not (number > 0 and _LIST_JOINT.match(
                    text[mentions[number - 1].end:inner.start])):
            inner.within = outer


def _outside_its_country(mention: _Mention) -> bool:
    """The text names the place's country after it and the gazetteer knows no place of that
    name there: "THE UNIVERSITY OF ESSEX, GREAT BRITAIN" is no Essex in the U.S. (the country
    that follows stays a place of its own)."""
    place = mention.chosen
    return mention.strict_country_cue and place is not None \
        and place.iso2 != mention.country_cue


def _read_country_cues(text: str, mentions: list[_Mention]) -> None:
    """Record "Anbar, Iraq" / "Palmyra, Syria": the country that follows names the place's."""
    for inner, outer in zip(mentions, mentions[1:], strict=False):
        countries = {p.iso2 for p in outer.candidates if p.kind == "country"}
        between = text[inner.end:outer.start]
        followed_by_word = text[outer.end:outer.end + 2].lstrip()[:1].isalpha()
        if "the" in between.lower().split() and followed_by_word:
            continue  # "in Paris, the US Defense Secretary said": the country modifies a noun
        if len(countries) == 1 and _COUNTRY_CUE.match(between):
            inner.country_cue = countries.pop()
            after = text[outer.end:outer.end + 2].lstrip()
            inner.strict_country_cue = between.strip() == "," and not any(
                p.kind == "country" for p in inner.candidates) and not after[:1].isalpha()


def _read_sides(doc: Doc, text: str, mentions: list[_Mention], suffixes: frozenset[str]) -> None:
    """Mark "London-based", "US-led": a place naming a side or a base (``side_suffixes``);
    and "the US refusal", "Turkey said": a country naming its state (the roles
    events/mentions.py reads the same way)."""
    for mention in mentions:
        after = _SIDE_SUFFIX.match(text, mention.end)  # not doc.text: it joins every token
        root = doc[mention.start_token:mention.end_token].root
        country = any(p.kind == "country" for p in mention.candidates)
        mention.suffixed = after is not None and after.group(1).lower() in suffixes
        mention.side = mention.suffixed or (country and root.dep_ in GOVERNMENT_DEPS)


def _country_context(mentions: Iterable[_Mention], country_hint: str | None,
                     named: Counter[str], settings: GazetteerSettings) -> Counter[str]:
    """Count the countries the document's unambiguous, well-known mentions point at.

    A name with one small reading abroad ("Golan": a village in Iran) says nothing about the
    document; only when nothing sure names a country do such names count.
    """
    countries = _base_context(country_hint, named)
    weak: Counter[str] = Counter()
    for mention in mentions:
        codes = {p.iso2 for p in mention.candidates if p.iso2}
        if len(codes) == 1 and not mention.fuzzy and not mention.side:
            code = codes.pop()
            if any(_is_sure(p, settings) for p in mention.candidates):
                countries[code] += 1
            else:
                weak[code] += 1
    return countries if +countries else weak


def _resolved_context(mentions: Iterable[_Mention], country_hint: str | None,
                      named: Counter[str], settings: GazetteerSettings) -> Counter[str]:
    """Count the countries of the well-known places chosen (empty when none is sure)."""
    countries = _base_context(country_hint, named)
    for mention in mentions:
        place = mention.chosen
        if (place is not None and place.iso2 and not mention.fuzzy and not mention.side
                and _is_sure(place, settings) and not _town_for_a_neighbourhood(mention)
                and (place.kind in REGION_KINDS or place.curated or place.key in mention.own_name)):
            countries[place.iso2] += 1  # not via a GeoNames alternate name ("Der" -> Győr)
    return +countries


def _base_context(country_hint: str | None, named: Counter[str]) -> Counter[str]:
    countries: Counter[str] = Counter()
    if country_hint:
        countries[country_hint.upper()] += 2
    for code, weight in named.items():
        countries[code] += weight
    return countries


def _demonym_countries(doc: Doc, settings: GazetteerSettings) -> Counter[str]:
    """Half a vote per nationality word ("Syrian", "Iraqis"): the country the text is about."""
    found: Counter[str] = Counter()
    for code, _span in nationality_words(doc, settings, every_word=True):
        found[code] += 0.5  # type: ignore[assignment]
    return found


def nationality_words(doc: Doc, settings: GazetteerSettings,
                      every_word: bool = False) -> list[tuple[str, Span]]:
    """The nationality words of ``doc`` with their country (ISO2), in text order. In text
    written in capitals every word is read: parsed in lower case, the recogniser misses most
    of them ("SALVADORAN TROOPS"); ``every_word`` reads every capitalised word too (the small
    model tags "Ukrainian troops" GPE, "Somali forces" nothing). A word after a
    ``region_prefixes`` word names a region ("THE CENTRAL AMERICAN UNIVERSITY", "Latin
    American", "Pan-American"), no country."""
    every_word = every_word or doc_in_capitals(doc)
    key = f"marsad_nationality_words:{every_word}:{id(settings)}"
    cached = doc.user_data.get(key)  # read by several extractors: once per doc (offsets
    if cached is None:  # only: user_data may be serialised with the doc)
        cached = doc.user_data[key] = [(code, span.start, span.end) for code, span
                                       in _nationality_words(doc, settings, every_word)]
    return [(code, doc[start:end]) for code, start, end in cached]


def _nationality_words(doc: Doc, settings: GazetteerSettings,
                       every_word: bool) -> Iterator[tuple[str, Span]]:
    by_word = settings.demonym_codes
    spans: Iterable[Span | Token] = (t for t in doc if t.text[:1].isupper()) if every_word \
        else (ent for ent in doc.ents if ent.label_ == "NORP")
    for item in spans:
        # (a token is made a span only once it reads as a nationality: in text in capitals
        # every word is looked at)
        start, end = (item.i, item.i + 1) if isinstance(item, Token) else (item.start, item.end)
        text = item.text.lower()
        pair = f"{doc[start - 1].lower_} {text}" if start > 0 else ""
        if end - start == 1 and pair in by_word:
            start, text = start - 1, pair  # "COSTA RICAN", read word by word
        code = by_word.get(text) or by_word.get(text[:-1] if text.endswith("s") else text)
        if code is None:
            continue
        before = start - 1
        if before >= 0 and doc[before].text == "-":
            before -= 1
        if not (before >= 0 and doc[before].lower_ in settings.region_prefixes):
            yield code, doc[start:end]


def nationality_place(doc: Doc, gazetteer: Gazetteer,
                      groups: Sequence[tuple[str, Span]] = (),
                      words: list[tuple[str, Span]] | None = None) -> PlaceMention | None:
    """The country the text's nationality words point at, for a text that names no place.

    "THE SALVADORAN DEFENSE MINISTRY ... THE MURDER OF THE SIX JESUITS" names no town, yet an
    analyst codes the murder in El Salvador (ACLED: the country, geo-precision 3). The span is
    the first such word, so the reading can be checked; none when two countries' words are
    as many ("Russian jets killed Syrian civilians": which country the text is in is not said).
    A foreign mission's nationality ("the Brazilian embassy": ``mission_nouns``) does not count.
    ``groups``: the countries (ISO2) the groups the text names fight in, one mention per
    group, vote as nationality words do, and decide where only those words would not ("THE FMLN'S
    TERRORIST ATTACKS AGAINST SALVADORANS ... COSTA RICAN PRESIDENT OSCAR ARIAS' OFFER TO HOLD
    A DIALOGUE ... IN COSTA RICAN TERRITORY" is about El Salvador).
    """
    missions = gazetteer.settings.mission_nouns
    if words is None:  # (``words``: nationality_words(doc, ..., every_word=True), if read)
        words = nationality_words(doc, gazetteer.settings, every_word=True)
    words = [(code, span) for code, span in words
             if span.end >= len(doc) or doc[span.end].lower_ not in missions]
    if not words:
        return None
    return country_of_words(doc, gazetteer, [*words, *groups])


def capital_mentions(doc: Doc, gazetteer: Gazetteer, home_iso2: str | None,
                     placed: set[int]) -> list[PlaceMention]:
    """"The capital" of a sentence that names no place (sentence index not in ``placed``): the
    capital city of the country a nationality word before it names ("THE SALVADORAN
    CAPITAL"), else of the text's own country (``home_iso2``): "FMLN GUERRILLAS ATTACKED
    ARMED FORCES POSITIONS IN THE NORTHERN AND SOUTHERN PARTS OF THE CAPITAL" is in San
    Salvador, not in the Geneva of the sentence before. "The capital of X" names X's, which
    the gazetteer reads itself; "capital punishment" is no place; after a lesser capital
    ("the provincial capital", ``lesser_capital_words``) "the capital" is that one."""
    starts = _sentence_starts(doc)
    found: list[PlaceMention] = []
    codes = gazetteer.settings.demonym_codes
    lesser = gazetteer.settings.lesser_capital_words
    for token in doc:
        if token.lower_ != "capital":
            continue
        if any(c.lower_ in lesser for c in token.children):
            break  # "the provincial capital Deir Ezzor ... part of the capital": that one
        head = token.head if token.dep_ in ("amod", "compound") and token.head.lower_ == "city" \
            else token  # "the capital city"
        if head is token and (token.pos_ not in ("NOUN", "PROPN")
                              or token.dep_ in ("amod", "compound")):
            continue
        index = max(0, bisect_right(starts, token.idx) - 1)
        if index in placed or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) \
                or not _inside_the_capital(head, gazetteer.settings):
            continue
        modifiers = [c for c in (*token.children, *head.children) if c.i < token.i]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in modifiers) or any(
                c.dep_ != "det" and c.lower_ not in codes for c in modifiers):
            continue  # ("the rebels' de facto capital", "the IS capital": no country's)
        code = next((codes[c.lower_] for c in modifiers if c.lower_ in codes), home_iso2)
        capital = gazetteer.capital_of(code) if code else None
        if capital is None:
            continue
        first = min(c.i for c in modifiers if c.dep_ == "det")
        span = doc[first:head.i + 1]
        mention = _Mention(span.start_char, span.end_char, span.start, span.end, [capital],
                           chosen=capital)
        found.append(_place_mention(doc.text, mention, starts, gazetteer.settings))
        placed.add(index)
    return found


def _inside_the_capital(head: Token, settings: GazetteerSettings) -> bool:
    """"the capital" is where the event is: after one of ``capital_prepositions`` ("IN THE
    CAPITAL"), or after "of" and one of ``capital_parts`` ("PARTS OF THE CAPITAL"), not after
    a bearing ("northeast of the capital") or "near", "outside", "from"; or what an event verb
    acts on ("SHELLS HIT THE CAPITAL", "the capital was shelled")."""
    if head.dep_ in ("dobj", "nsubjpass"):
        return True
    if head.dep_ != "pobj":
        return False
    preposition = head.head
    if preposition.lower_ in settings.capital_prepositions:
        return True
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in settings.capital_parts


def country_of_words(doc: Doc, gazetteer: Gazetteer,
                     words: Sequence[tuple[str, Span]]) -> PlaceMention | None:
    """The country (ISO2) most of ``words`` point at, placed at the first such word's span
    (precision 3); none when two countries are pointed at as often. For nationality words, and
    for the groups a text names that fight in one country (``operates_in`` in actors.yaml:
    "THE FMLN ... THE ASSASSINATION OF DR JOSE ANTONIO RODRIGUEZ PORTH" names no place)."""
    ranked = Counter(code for code, _span in words).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    code = ranked[0][0]
    country = gazetteer.places.get(f"country:{code}")
    if country is None or country.lat is None or country.lon is None:
        return None
    span = next(span for found, span in words if found == code)
    mention = _Mention(span.start_char, span.end_char, span.start, span.end, [country],
                       chosen=country)
    return _place_mention(doc.text, mention, _sentence_starts(doc), gazetteer.settings)


def _is_sure(place: Place, settings: GazetteerSettings) -> bool:
    """A reading that tells the document's country: a country, province, curated or big place."""
    return (place.kind in REGION_KINDS or place.curated
            or place.population >= settings.context_min_population)


def _stray(place: Place, mention: _Mention, countries: Counter[str],
           settings: GazetteerSettings, capitals: bool = False,
           mentions: Sequence[_Mention] = ()) -> bool:
    """Tell whether a chosen place is a namesake, not a place the text means: its country has
    too few votes (:func:`_unvouched`) and, in ordinary text, no other town of the text's
    ``mentions`` lies near it (:func:`_has_a_neighbour`; in capitals, where surnames are read
    as towns, a neighbour is no evidence)."""
    if place.curated:
        return _foreign_to_the_texts_towns(place, mention, countries, mentions)
    return _unvouched(place, mention, countries, settings, capitals) and (
        capitals or not _has_a_neighbour(mention, mentions))


OWN_VOTE = 1.0
"""The most a place's own mention votes for its country (:func:`_vote`)."""
NEIGHBOURING_KM = 1000.0
"""A curated place this near a town the text names is of the text's region, not a namesake
across the world (Kobani, ~350 km from Mosul; Marjah, Afghanistan, ~2,600 km from Aleppo)."""
CLEARLY_ABOUT = 3.0
"""Votes that make a country the one a text is about, beyond a passing mention."""


def _foreign_to_the_texts_towns(place: Place, mention: _Mention, countries: Counter[str],
                                mentions: Sequence[_Mention]) -> bool:
    """A curated place (vouched for by an analyst, whatever its country's votes: "Russian jets
    struck Jobar") is still a namesake when nothing points at its country, the text names
    towns of the country it is clearly about (``CLEARLY_ABOUT``) and none of them lies near
    it (``NEIGHBOURING_KM``): "the east Aleppo district of Marjeh" is no Marjah,
    Afghanistan."""
    if not countries or mention.within is not None \
            or countries[place.iso2 or ""] > OWN_VOTE or any(
                other.key != mention.key and other.chosen is not None
                and other.chosen.iso2 == place.iso2 for other in mentions):
        return False  # (its own mention's vote aside)
    top, top_votes = countries.most_common(1)[0]
    if top_votes < CLEARLY_ABOUT:
        return False  # "shot down near Saraqib ... the deadliest incident for Moscow"
    towns = [other.chosen for other in mentions if other.key != mention.key
             and other.chosen is not None and other.chosen.kind in CITY_KINDS
             and other.chosen.iso2 == top]
    # (a town of a neighbouring country is the text's: "pushed ISIL out of Kobane" in a
    # report on Iraq)
    return top != place.iso2 and bool(towns) \
        and not any(_km(place, town) <= NEIGHBOURING_KM for town in towns)


def _unvouched(place: Place, mention: _Mention, countries: Counter[str],
               settings: GazetteerSettings, capitals: bool) -> bool:
    """Tell whether nothing else in the text points at a chosen place's country.

    A town abroad that is not famous (under ``stray_max_population``) and whose country
    nothing else in the text points at is a person's name or a transliteration collision
    ("Obama" -> Obama, Japan; "Golan" -> Golan, Iran) in a text about another country; so is
    any place abroad that only a fuzzy spelling match found, however large. In text written in
    ``capitals``, where the recogniser cannot tell a surname from a town, so is a small town
    (``stray_weak_max_population``) of a country with under half the votes of the text's main
    one ("DUARTE", "PONCE": surnames in Salvadoran news, towns in the U.S.); in ordinary text
    such a town is most often a second country's place ("Manbij" in news about Iraq).
    """
    if place.kind in REGION_KINDS or place.curated or mention.country_cue:
        return False
    container = mention.within.chosen if mention.within is not None else None
    if container is not None and container.iso2 == place.iso2:
        return False  # the text puts it in a place of its own country: "near Penjwen, in
        # Sulaimani province" in a text that otherwise names only Iranians
    if any(p.kind == "admin1" and p.iso2 == place.iso2 for p in mention.candidates):
        return False  # a town of its province's name: no surname ("a Russian drone dropped
        # explosives on a bus in Kherson": Ukraine's, though the text names only Russians)
    if not countries:
        # in capitals, a hamlet with nothing else in the text to vouch for its country is a
        # word the recogniser took for a name ("IN THE ZONA ROSA": Zone, Italy, 867 people);
        # and a town whose name other countries' towns of its size bear too is a guess
        # ("the Tirah valley of Khyber district": Tire, Turkey, or Et Tira, Israel)
        return (capitals and place.population < settings.lone_min_population) or (
            place.kind not in REGION_KINDS and mention.within is None
            and place.population < settings.stray_max_population
            and place.population < AMBIGUOUS_SHARE * max(
                (p.population for p in mention.candidates if p.iso2 != place.iso2),
                default=0))
    # a spelling match is no evidence of fame: "Khazan" in Quneitra is not Kazan, Russia
    votes = countries[place.iso2 or ""]
    if votes <= 0:
        return mention.fuzzy or place.population < settings.stray_max_population
    # a small town of a country the text mentions in passing: a surname or a namesake too
    return capitals and 2 * votes < max(countries.values()) \
        and place.population < settings.stray_weak_max_population


def _has_a_neighbour(mention: _Mention, mentions: Sequence[_Mention]) -> bool:
    """Another name of the text is a town near the chosen one (``REGION_KM``): two towns of
    one country a few miles apart are the text's places, not two namesakes ("Chasiv Yar, a
    hilltop town west of Bakhmut" in a text whose only other word is "Russian"; "Sungai
    Kolok ... Narathiwat provincial police" beside "Malaysia's Rantau Panjang")."""
    place = mention.chosen
    return place is not None and place.kind not in REGION_KINDS and any(
        other.key != mention.key and other.chosen is not None
        and other.chosen.kind not in REGION_KINDS and other.chosen.iso2 == place.iso2
        and _km(place, other.chosen) <= REGION_KM for other in mentions)


def _speaks(doc: Doc, mention: _Mention, verbs: frozenset[str]) -> bool:
    """The name is the subject of a verb of saying ("Najib Ansari said", "Damascus denied"):
    a person or a government, not a place (``speaker_verbs``)."""
    root = doc[mention.start_token:mention.end_token].root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in verbs


def _names_a_government(doc: Doc, mention: _Mention, countries: Counter[str],
                        gazetteer: Gazetteer) -> bool:
    """Tell whether a foreign capital stands for its government ("Moscow said", "Washington's
    support", "Ankara-backed"), not for a place where something happened.

    Only capitals of a country other than the one the text is mostly about count, and only
    as the subject, possessor or modifier of a phrase (the same reading events/mentions.py gives a
    country's name), or after "for", "by", "against", "with"; "an attack in Moscow" stays a
    place.
    """
    place = mention.chosen
    if place is None or place.kind not in CITY_KINDS or not place.iso2 or not countries:
        return False
    others = countries - Counter({place.iso2: 1})  # the capital's own vote does not count
    if not others:
        return False
    top, count = others.most_common(1)[0]
    if place.iso2 == top or others[place.iso2] >= count:
        return False
    country = gazetteer.places.get(f"country:{place.iso2}")
    if country is None or (country.lat, country.lon) != (place.lat, place.lon):
        return False  # countries are placed at their capital: the same point is the capital
    root = doc[mention.start_token:mention.end_token].root
    return root.dep_ in GOVERNMENT_DEPS or (
        root.dep_ == "pobj" and root.head.lower_ in GOVERNMENT_PREPOSITIONS)


def _score(place: Place, mention: _Mention, countries: Counter[str],
           anchors: list[Place], famous: _Fame, home: _Home = _NO_HOME) -> float:
    """Score a candidate: country context, nearness to sure places, cues, size.

    The document's home country (and governorate) comes before population: an ambiguous
    "al-Mansoura" in a text whose other places are Syrian is the Syrian village, not the
    Egyptian city of 600,000.
    """
    score = 0.0
    if home.iso2 is not None and place.iso2 == home.iso2:
        score += HOME_BONUS
        if home.admin1 is not None and place.admin1 == home.admin1:
            score += ADMIN1_BONUS
    if mention.country_cue is not None:
        score += 5.0 if place.iso2 == mention.country_cue else -5.0
    if place.kind == "country":
        score += 5.0  # a country's name in the news means the country, not a namesake town
    if place.key in mention.own_name:
        score += 1.0  # its own name, not one of GeoNames' (noisy) alternate names
    if countries and place.iso2:
        # Saturating: a country named half as often as the most named one is as much "the
        # document's" (a text about Syria names the US as an actor often); size then decides.
        share = min(1.0, 2.0 * countries[place.iso2] / max(countries.values()))
        if famous(place, mention) or _province_of_famous(place, mention, famous):
            share = 1.0  # "MOSCOW (RIA Novosti)", "Moscow said": a world city needs no context
        score += 4.0 * share
    score += _proximity(place, anchors)
    if mention.within is not None:
        score += 3.0 * _inside(place, mention.within)
    if mention.kind_hint == "admin1":
        # (a town is no "region": "in Donetsk region" is Ukraine's province, not Donetsk,
        # Russia, a town of 50,000, however Russian the text's actors)
        score += 5.0 if place.kind == "admin1" else -3.0
    elif mention.kind_hint is not None:
        score += 3.0 if place.kind == mention.kind_hint or (
            mention.kind_hint == "city" and place.kind in CITY_KINDS) else 0.0
        score -= 3.0 if place.kind in REGION_KINDS else 0.0
    elif place.kind == "admin1" and _namesake_inside(place, mention):
        score -= 0.5  # a bare "Aleppo" is the city; the province needs a cue word (but a
        # province no town of its name lies in is itself: "in England", "Anbar")
    score += 1.0 if place.curated else 0.0
    return score + 0.3 * math.log10(_size(place, mention) + 1)


def _size(place: Place, mention: _Mention) -> int:
    """A place's population; a province's is ``ADMIN1_SIZE`` unless a namesake town of the
    mention lies in it, and so is a curated area's (an analyst added "Sinai" or "Golan Heights"
    because the news means the region: it is not outweighed by Sinnai, Italy, 16,000)."""
    if not place.population and place.curated and place.kind == "area":
        return ADMIN1_SIZE
    if place.population or place.kind != "admin1" or _namesake_inside(place, mention):
        return place.population
    return ADMIN1_SIZE


def _namesake_inside(province: Place, mention: _Mention) -> bool:
    """A town of the mention's name lies in the province: "Aleppo", "Idlib" ... bare are the
    town, and the province counts no size of its own."""
    return any(other.kind not in REGION_KINDS and other.iso2 == province.iso2
               and other.admin1 == province.admin1 for other in mention.candidates)


def _province_of_famous(province: Place, mention: _Mention, famous: _Fame) -> bool:
    """"The Odesa region": with a province word, the province of a world city of its name
    needs no more context than the city does."""
    return mention.kind_hint == "admin1" and province.kind == "admin1" and any(
        other.kind in CITY_KINDS and other.iso2 == province.iso2
        and other.admin1 == province.admin1 and famous(other, mention)
        for other in mention.candidates)


def _proximity(place: Place, anchors: list[Place]) -> float:
    best = 0.0
    for anchor in anchors:
        if anchor.key == place.key or anchor.kind == "country":
            continue
        if (place.lat is not None and anchor.lat is not None
                and abs(place.lat - anchor.lat) * KM_PER_DEGREE_LAT > REGION_KM):
            continue  # farther than the latitude difference alone allows: no trigonometry
        distance = _km(place, anchor)
        if distance <= NEAR_KM:
            return 3.0
        if distance <= REGION_KM:
            best = 1.5
    return best


def _inside(place: Place, outer: _Mention) -> float:
    """How well a candidate fits inside any reading of the containing mention (0..1)."""
    names = {normalize_name(p.name) for p in outer.candidates}
    if place.parent and normalize_name(place.parent) in names:
        return 1.0
    if {place.admin1, place.admin2, place.country} & {p.name for p in outer.candidates}:
        return 0.7
    return 0.5 if any(_km(place, p) <= NEAR_KM for p in outer.candidates) else 0.0


def _km(first: Place, second: Place) -> float:
    """Great-circle distance in kilometres."""
    if first.lat is None or first.lon is None or second.lat is None or second.lon is None:
        return math.inf
    lat1, lon1 = math.radians(first.lat), math.radians(first.lon)
    lat2, lon2 = math.radians(second.lat), math.radians(second.lon)
    a = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _precision(place: Place, mention: _Mention, settings: GazetteerSettings) -> int:
    """ACLED geo-precision: 1 the named place, 2 near it / part of it / an area, 3 a region.

    A stated distance decides between 2 and 3 (``offsets.near_max_km``): "5 km from Saraqib"
    is near Saraqib, "30 km east of Deir ez-Zor" only says the larger area. The far end of a
    stretch ("between X and *Y*") is a bound, not the place (``stretches.far_end_precision``).
    """
    if place.kind in REGION_KINDS:
        return 3
    if mention.far_end:
        return settings.stretches.far_end_precision
    if mention.offset_km is not None:
        return 2 if mention.offset_km <= settings.offsets.near_max_km else 3
    if mention.relative or place.kind in AREA_KINDS or (
            mention.kind_hint == "district" and place.kind in CITY_KINDS):
        return 2  # (a town named for its district: "10 km south of Kanyabayonga, in Lubero
        # territory" is somewhere in the district, not in Lubero town; "the X area" is X)
    return 1


def _sentence_starts(doc: Doc) -> list[int]:
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [sent.start_char for sent in doc.sents]


def _place_mention(doc_text: str, mention: _Mention, sentence_starts: list[int],
                   settings: GazetteerSettings) -> PlaceMention:
    place = mention.chosen
    assert place is not None  # callers pass resolved mentions only
    text = doc_text[mention.start:mention.end]
    location = Location(
        name=place.name, country=place.country, iso3=place.iso3, admin1=place.admin1,
        admin2=place.admin2, lat=place.lat, lon=place.lon, geonameid=place.geonameid,
        precision=_precision(place, mention, settings), text=text,  # type: ignore[arg-type]
        char_span=(mention.start, mention.end), feature=place.kind,
        offset_km=mention.offset_km, bearing=mention.bearing)
    within = mention.within
    return PlaceMention(
        start_char=mention.start, end_char=mention.end, text=text, location=location,
        sentence_index=max(0, bisect_right(sentence_starts, mention.start) - 1), place=place,
        within=doc_text[within.start:within.end] if within is not None else None,
        names_side=mention.suffixed)


def is_dateline(start: int, end: int, text: str) -> bool:
    """The capitals at ``text[start:end]`` are a dateline: "BEIRUT (Reuters) -", "MOSCOW
    October 18 (RIA Novosti) -", "BEIRUT Air strikes ...", "BUNIA, Congo -", "IMPHAL:", or
    the name opening the text in title case before an agency and a dash ("Hasakah, SANA
    –", ``TITLED_DATELINE_NEXT``): the city the
    report was filed from, near the top, is not where anything happened (ACLED codes the
    event's place, not the correspondent's), and said nothing."""
    letters = [c for c in text[start:end] if c.isalpha()]
    if start < DATELINE_REACH and len(letters) >= 4 and all(c.isupper() for c in letters) \
            and DATELINE_NEXT.match(text, end) is not None:
        return True
    return not text[:start].strip() and TITLED_DATELINE_NEXT.match(text, end) is not None
