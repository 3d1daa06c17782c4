"""Where an event is: the places of its sentence, or of the sentences around it.

Why separate: a sentence often names no place ("The strikes also hit ..."); its event takes
the place of the sentence that elaborates it or of the sentences before it, and a foreign
country or a headline's country alone does not place an event of an article about a town.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from marsad.extractors.events.candidates import Candidate, Mentions
from marsad.extractors.events.time_clauses import background, same_line
from marsad.extractors.places import AREA_KINDS, PlaceMention
from marsad.gazetteer import REGION_KINDS, GazetteerSettings
from marsad.lexicon import TimeClauses
from marsad.model import Location

# How far a sentence with no place looks for one: the next sentence may elaborate it ("The
# block ... is located in X"); the three before it are the paragraph it continues.
PLACE_LOOKAHEAD = 1
PLACE_LOOKBACK = 3
# The headline and the lead sum up what the sentences after them tell in detail ("killed 21
# civilians in northern Syria. ... 15 were killed in raids on Manbij"): their events may take
# the next sentence's place even when it reports events of its own; later sentences' may not.
SUMMARY_SENTENCES = 2
# "the camp" may speak of the camp named a paragraph above: how far back to look for it.
BACK_REFERENCE_LOOKBACK = 6


def places_for(index: int, mentions: Mentions, settings: GazetteerSettings,
               reports_events: Callable[[int], bool] = lambda _index: False,
               ) -> tuple[list[PlaceMention], bool]:
    """Places of sentence ``index``; else of the sentence elaborating it; else of earlier ones.

    A sentence that says "the city" (``settings.back_references``) speaks of a place named before
    it; the next sentence elaborates nothing when its place is abroad ("negotiations in
    Geneva") or, after the headline and the lead, when it reports events of its own
    (``reports_events``: "... shells on al-Midan neighborhood. Civilians were injured in
    rocket attacks on western Ghouta").

    A sentence that only names a foreign country ("(banned in Russia)", "the US-led
    coalition") does not place an event of an article about another country: a town in the
    sentences around it does, and that country is only the last resort. Nor does a headline
    that only names the country ("Kurdish Forces Kill 16 ISIL Terrorists in Syria"): its lead
    sentence says where.
    """
    home = document_country(mentions)

    def usable(places: list[PlaceMention]) -> list[PlaceMention]:
        return [p for p in places if not (
            p.location.feature == "country" and home and p.location.country != home)]

    own = _specific_places(_without_origins(
        [p for p in mentions.places if p.sentence_index == index], mentions.sentences[index],
        settings))
    headline_country = index == 0 and bool(own) and all(
        p.location.feature == "country" for p in own)
    if usable(own) and not headline_country:
        return usable(own), False
    own_countries = {p.location.country for p in own}
    nouns = _referred_nouns(mentions.sentences[index], settings.back_references)
    if nouns:
        # "Two barrel bombs were dropped on the camp": the last sentence that spoke of a camp
        for back in range(index - 1, max(-1, index - 1 - BACK_REFERENCE_LOOKBACK), -1):
            if nouns & {t.lower_ for t in mentions.sentences[back]}:
                earlier = usable(_specific_places(
                    [p for p in mentions.places if p.sentence_index == back]))
                if earlier:
                    return earlier[-1:], True
    for ahead in range(index + 1, min(index + 1 + PLACE_LOOKAHEAD, len(mentions.sentences))):
        if nouns or (index >= SUMMARY_SENTENCES and reports_events(ahead)):
            break
        later = [p for p in usable(_specific_places(
            [p for p in mentions.places if p.sentence_index == ahead]))
            if (not home or p.location.country == home)
            and (index < SUMMARY_SENTENCES or p.location.feature != "country")]
        # (after the lead, a country elaborates nothing: "The strike was carried out on
        # Tuesday morning. The coalition has been carrying out airstrikes in Syria and Iraq
        # since 2014")
        if headline_country:  # "... in Syria. MOSCOW (RIA Novosti) - ...": not a dateline abroad
            later = [p for p in later if p.location.country in own_countries]
        if later:
            return later[:1], True
    for back in range(index - 1, max(-1, index - 1 - PLACE_LOOKBACK), -1):
        earlier = usable(_specific_places(
            [p for p in mentions.places if p.sentence_index == back]))
        if earlier:
            return earlier[-1:], True
    if own:
        home_named = _home_instead(own, home, mentions, index)
        if home_named is not None:
            return [home_named], True
        return own, False
    fallback = [p for p in mentions.places if p.location.feature != "country"]
    if fallback:
        return fallback[:1], True
    dateline = mentions.dateline
    nationality = mentions.nationality
    if nationality is not None and home == nationality.location.country and not any(
            p.location.country == home for p in mentions.places):
        return [nationality], True  # "COLOMBIAN VOTERS ... EXTRADITION TO THE UNITED STATES"
        # names no place of the text's own country: its nationality words place it
    if mentions.places:  # the document's own country first ("PRESSURE FROM THE UNITED STATES")
        first = sorted(mentions.places, key=lambda p: p.location.country != home)[:1]
        if dateline is not None and dateline.location.country == first[0].location.country:
            return [dateline], True  # "MOGADISHU (AP) - ... in Somalia's capital"
        return first, True
    if dateline is not None and (nationality is None
                                 or nationality.location.country == dateline.location.country):
        return [dateline], True  # "NEW DELHI - Police ... disperse thousands of farmers"
    return ([nationality] if nationality is not None else []), True


# Where a foreign country named in a sentence is an aside, not where its events are: inside a
# relative clause or a participle about a noun ("the agency, whose main offices are in Mexico";
# "peace talks being held in Astana, Kazakhstan"), or naming who acts ("Turkey sees a
# threat"), who reports, or where aircraft came from.
ASIDE_CLAUSES = frozenset({"relcl", "acl"})
ASIDE_ROLES = frozenset({"nsubj", "nsubjpass"})
ASIDE_PREPOSITIONS = frozenset({"by", "from"})
DESTINATION_PREPOSITIONS = frozenset({"to", "towards", "toward"})
# The prepositions between a speaker and the place it sits in: "officials in Dumaguete",
# "the governor of Kharkiv", "a spokesman at the base", "sources from Idlib".
SEAT_PREPOSITIONS = frozenset({"in", "of", "at", "from"})


def _home_instead(own: list[PlaceMention], home: str | None, mentions: Mentions,
                  index: int) -> PlaceMention | None:
    """The article's own country, named elsewhere, when the sentence names only foreign
    countries and each only as an aside: "A REPORT BY CERIGUA -- WHOSE MAIN OFFICES ARE IN
    MEXICO -- SAYS THAT A GUERRILLA COLUMN ATTACKED THE FARM" in a report on Guatemala;
    "clashed with IS (banned in Russia)" in a report on Syria. A foreign country the sentence
    places its events in ("strikes on Lebanon", "aid convoys in Syria") stays."""
    if not home or any(p.location.feature != "country" or p.location.country == home
                       or not _aside(p, mentions.sentences[index]) for p in own):
        return None
    named = [p for p in mentions.places
             if p.location.feature == "country" and p.location.country == home]
    counts = Counter(p.location.country for p in mentions.places)
    if not named or any(counts[p.location.country] > counts[home] for p in own):
        return None  # a report from Moscow on Syria: Syria, named most, is no aside
    before = [p for p in named if p.sentence_index <= index]
    return before[-1] if before else named[0]


def _aside(place: PlaceMention, sentence: Span) -> bool:
    """Whether the country mention is an aside of its sentence (``ASIDE_CLAUSES``,
    ``ASIDE_ROLES``, ``ASIDE_PREPOSITIONS``, or within brackets: "(banned in Russia)")."""
    before = sentence.text[:place.start_char - sentence.start_char]  # (not Doc.text: rebuilt
    # from every token on each access)
    if before.count("(") > before.count(")"):
        return True
    token = _first_conjunct(place, sentence.doc)  # "The government and Russia have accused"
    if token is None:
        return False
    if token.dep_ in ASIDE_ROLES:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ASIDE_PREPOSITIONS:
        return True
    while token.head != token and token.i >= sentence.start:
        if token.dep_ in ASIDE_CLAUSES:
            return True
        token = token.head
    return False


def _without_origins(places: list[PlaceMention], sentence: Span,
                     settings: GazetteerSettings) -> list[PlaceMention]:
    """Drop the places something or someone came from (or was heading to) when the sentence
    names another as fine, and where its speaker sits when it names another at all
    (``_speakers_seat``):
    "DEFUSED A CHARGE OF DYNAMITE FOUND IN A PLANE THAT ARRIVED IN MEDELLIN FROM PEREIRA" is
    in Medellin; "rockets fired from Gaza hit Sderot" in Sderot; "a shelter for 50 families
    from Aleppo" is not in Aleppo (``origin_verbs``, or a noun's "from"). "expelled rebels from
    Deir al-Zor city ... the province bordering Iraq" stays in Deir al-Zor."""
    def origin(place: PlaceMention) -> bool:
        token = _first_conjunct(place, sentence.doc)  # "families from Aleppo, Raqqa and Homs"
        if token is None or token.dep_ != "pobj":
            return False
        preposition = token.head
        if preposition.lower_ in DESTINATION_PREPOSITIONS:
            # where someone was heading, or a road leads: "abducted passengers travelling
            # towards Gusau", "on the road to Bourzanga"
            goer = preposition.head
            return goer.lemma_.lower() in settings.destination_verbs \
                or goer.lower_ in settings.stretches.roads
        if preposition.lower_ == "of" and preposition.head.lower_ in settings.origin_sides \
                and preposition.head.dep_ == "pobj" and preposition.head.head.lower_ == "from":
            return True  # "advancing from the direction of Jarablus"
        if preposition.lower_ != "from" and preposition.dep_ in ("pcomp", "prep") \
                and preposition.head.lower_ == "from":
            preposition = preposition.head  # "artillery fired from across the Dnipro"
        if preposition.lower_ != "from":
            return False
        holder = preposition.head
        if holder.lower_ in settings.stretches.roads \
                and place.location.precision > _kind_precision(place):
            return False  # "the road from Idlib to Saraqib": a stretch's anchor (read as
            # relative), no origin; "near Damboa on the road from Maiduguri" is Damboa's
        return holder.pos_ in ("NOUN", "PROPN") or holder.lemma_.lower() in settings.origin_verbs

    seats = [p for p in places if _speakers_seat(p, sentence, settings)]
    if seats and len(seats) < len(places):
        places = [p for p in places if p not in seats]
    origins = [p for p in places if origin(p)]
    rest = [p for p in places if p not in origins]
    if not origins or not rest:
        return places
    # (by the kind of place, not the cue around it: "shelled villages on the outskirts of
    # Manbij" is finer than where the shelling came from, a town)
    finest = min(_kind_precision(p) for p in rest)
    return [p for p in places if p in rest or _kind_precision(p) < finest]


def _kind_precision(place: PlaceMention) -> int:
    """The precision the kind of place gives, whatever words around it make it relative: a
    province 3, a district or an area 2, a town 1."""
    if place.location.feature in REGION_KINDS:
        return 3
    return 2 if place.location.feature in AREA_KINDS else 1


def _speakers_seat(place: PlaceMention, sentence: Span, settings: GazetteerSettings) -> bool:
    """The place only says where the text's speaker sits: "..., the government in N'Djamena
    said", "officials in Dumaguete said", "the Kharkiv regional prosecutor's office said"
    (the subject of a verb of saying, ``speaker_verbs``, or the noun right before one), or
    where a statement was issued ("said in a statement issued in N'Djamena")."""
    name = _first_conjunct(place, sentence.doc)
    if name is None:
        return False
    if name.dep_ == "pobj" and name.head.lower_ in ("in", "from"):
        holder = name.head.head
        if holder.lemma_.lower() in settings.speaker_verbs:
            return True  # "said in Bangui", "told AFP by telephone from the capital"
        if _statement(holder, settings):
            return True  # "said in a statement issued in N'Djamena", "a communique from Bamako"
        span = _span_of(place, sentence.doc)
        after = sentence.doc[span.end] if span is not None and span.end < len(sentence.doc) \
            else None
        if after is not None and after.pos_ == "VERB" \
                and after.lemma_.lower() in settings.speaker_verbs \
                and holder.pos_ in ("NOUN", "PROPN"):
            return True  # "..., a regional official in Fada N'Gourma said" (no subject parsed)
    token = name
    while token.dep_ in ("pobj", "prep", "compound", "amod", "nmod", "poss") \
            and token.head != token:
        if token.dep_ == "prep" and token.lower_ not in SEAT_PREPOSITIONS:
            return False  # "A drone strike on a market in Mellit ... said": a speaker sits
            # in a place, not on one (the parser made the strike the subject of "said")
        token = token.head
    return token.i != name.i and token.dep_ == "nsubj" \
        and token.head.lemma_.lower() in settings.speaker_verbs


def _statement(word: Token, settings: GazetteerSettings) -> bool:
    """A statement noun (``statement_nouns``), or a participle issuing one ("a statement
    released in Bangui")."""
    if word.lemma_.lower() in settings.statement_nouns:
        return True
    return word.dep_ == "acl" and word.lemma_.lower() in settings.issue_verbs \
        and word.head.lemma_.lower() in settings.statement_nouns


def places_of_word(trigger: Span, places: list[PlaceMention | None],
                   inherited: bool, clauses: TimeClauses | None = None
                   ) -> list[PlaceMention | None]:
    """The places of its sentence (``places``, from ``places_for``) an event noun governs, when
    it governs some: "SUSPEND THE TALKS -- THE FIRST ROUND HELD IN MEXICO CITY, THE SECOND IN
    SAN JOSE -- FOLLOWING THE ATTACK ON A LABOR UNION HEADQUARTERS IN SAN SALVADOR" is one
    attack, in San Salvador. A verb governs its clause, which may hold every place; a noun
    that governs none takes them all ("clashes erupted in Idlib and Hama"). Places told as
    background (``clauses``: a clause of time, ...) are that happening's, and the other
    places the main line's ("Days after he led a sit-in in Turbat, a student leader was bundled
    into a vehicle in Karachi")."""
    if inherited or len(places) < 2:
        return places
    if clauses is not None:
        places = _same_line(trigger, places, clauses)
    if len(places) < 2 or trigger.root.pos_ != "NOUN":
        return places
    words = range(trigger.root.left_edge.i, trigger.root.right_edge.i + 1)
    governed = [p for p in places if p is not None and any(
        t.i in words for t in _span_of(p, trigger.doc) or ())]
    return list(governed) or places


def _same_line(trigger: Span, places: list[PlaceMention | None],
               clauses: TimeClauses) -> list[PlaceMention | None]:
    """The places told in the same line as the event word (time_clauses.same_line); all of
    them when none is."""
    doc = trigger.doc
    line = background(trigger.root, clauses)
    spans = [_span_of(p, doc) if p is not None else None for p in places]
    return [p for p, span in zip(places, spans, strict=True)
            if span is not None and same_line(line, span.root, clauses)] or places


def _span_of(place: PlaceMention, doc: Doc) -> Span | None:
    return doc.char_span(place.start_char, place.end_char, alignment_mode="expand")


def _first_conjunct(place: PlaceMention, doc: Doc) -> Token | None:
    """The head word of the mention, or of the first of the conjuncts or appositions it is one
    of ("Aleppo, Raqqa and Homs": Aleppo's), whose role in the sentence it shares."""
    span = _span_of(place, doc)
    if span is None:
        return None
    token = span.root
    while token.dep_ in ("conj", "appos") and token.head != token:
        token = token.head
    return token


def _referred_nouns(sentence: Span, back_references: tuple[str, ...]) -> set[str]:
    """The place nouns the sentence refers back with ("the city", "the camp":
    ``back_references``)."""
    words = [t.lower_ for t in sentence]
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    return {phrase.split()[-1] for phrase in back_references if phrase in pairs}


def _specific_places(places: list[PlaceMention]) -> list[PlaceMention]:
    """Drop places that only contain other places of the same sentence (countries, provinces)."""
    if not places:
        return []
    finest = min(p.location.precision for p in places)
    kept = [p for p in places if p.location.precision == finest]
    # a distance stated from a place measures the event from it; a road's end or a place it
    # is only near is where it is told to lie: "on the Kabul-Kandahar highway about 20 km
    # south of Ghazni city" is Ghazni's
    kept = [p for p in kept if p.location.offset_km is not None] or kept
    kept = [p for p in kept if not any(
        other.location.admin2 == p.location.name or other.location.admin1 == p.location.name
        or other.within == p.text  # "near Mongbwalu in Djugu territory": Djugu holds it
        or (p.location.feature == "country" and other.location.feature != "country"
            and other.location.country == p.location.country)
        for other in kept if other is not p)] or kept
    unique: dict[str, PlaceMention] = {}
    for place in kept:
        unique.setdefault(place.location.name, place)
    return list(unique.values())


def location_of(candidate: Candidate) -> Location | None:
    if candidate.place is None:
        return None
    return candidate.place.location


# Nationality words that make a text's own country outweigh a foreign country it names once
# (and no town): a report ("THE COLOMBIAN PRESIDENCY ... COLOMBIAN VOTERS ... THE COLOMBIAN
# CONGRESS"), not a one-line item that names a nationality in passing.
OWN_NATIONALITY_WORDS = 3


def document_country(mentions: Mentions) -> str | None:
    """The country most of the article's specific places are in (countries named as such
    count only when no finer place is known). Between two named as often, the one the text's
    nationality words point at ("SALVADORAN ... PRESSURE FROM THE UNITED STATES ... TO
    DISCREDIT EL SALVADOR"), else the first named; and that one, where the text names no town
    and each country once, if at least ``OWN_NATIONALITY_WORDS`` words point at it."""
    own = mentions.nationality.location.country if mentions.nationality else None
    finer = [p for p in mentions.places if p.location.feature != "country"]
    for places in (finer, mentions.places):
        counts = Counter(p.location.country for p in places if p.location.country)
        if counts:
            top = max(counts.values())
            leaders = [country for country, n in counts.items() if n == top]  # first named first
            if places is not finer and top == 1 and own is not None and own not in counts \
                    and mentions.nationality_words >= OWN_NATIONALITY_WORDS:
                return own  # "THE COLOMBIAN PRESIDENCY ... COLOMBIAN VOTERS ... EXTRADITION TO
                # THE UNITED STATES": a country named once weighs less than the words
            return own if own in leaders else leaders[0]
    return None
