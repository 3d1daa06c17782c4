"""Read an article's mentions once: dates, actors, places, casualties, claims, publisher.

Why separate: every event of a document is read against the same mentions, so they are
found once, before any trigger; the place mentions that are no event's place (a dateline's
city, a country naming a side or a bearing) are dropped here, before they can place one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.tokens import Doc, Token

from marsad.context import Context
from marsad.extractors.actors import ActorMention, find_actors, localised
from marsad.extractors.attribution import find_claims, publisher_claim
from marsad.extractors.casualties import find_casualties
from marsad.extractors.events.candidates import Mentions
from marsad.extractors.events.locations import document_country
from marsad.extractors.place_names import persons_origin
from marsad.extractors.places import (
    DATELINE_REACH,
    PlaceMention,
    capital_mentions,
    country_of_words,
    find_places,
    is_dateline,
    nationality_place,
    nationality_words,
)
from marsad.extractors.time import DateMention, dates_verb, find_dates
from marsad.gazetteer import GazetteerSettings
from marsad.model import Document


def find_mentions(document: Document, doc: Doc, ctx: Context) -> Mentions:
    dates = find_dates(document.text, document.published)
    actors = find_actors(doc, ctx)
    claim_dates = _claim_dates(doc, dates, ctx)
    names = [(a.span.start_char, a.span.end_char) for a in actors]
    # A source's name is never a place, even when the gazetteer has it ("SANA" is a village).
    settings = ctx.gazetteer.settings
    sources = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
               for _k, s, e in ctx.matchers.sources(doc)
               if not _named_as_place(doc, s, settings)]
    text = document.text  # Doc.text would rebuild it from the tokens on every access
    head = [c for c in text[:DATELINE_REACH] if c.isalpha()]
    cased = sum(c.islower() for c in head) > len(head) // 5  # all-capitals wires: no datelines
    # ... nor an actor's: find_places drops both before they can vote for a country.
    found = [p for p in find_places(doc, ctx.gazetteer, names=names + sources,
                                    group_countries=[a.entry.operates_in for a in actors
                                                     if a.entry.operates_in is not None])
             if not _place_as_modifier(p, doc, ctx.gazetteer.settings)]
    datelines = [p for p in found if cased and is_dateline(p.start_char, p.end_char, text)]
    places = [p for p in found if p not in datelines]
    groups = [(a.entry.operates_in, a.span) for a in actors if a.entry.operates_in is not None]
    first_of_each = list({a.entry.name: (a.entry.operates_in, a.span) for a in reversed(actors)
                          if a.entry.operates_in is not None}.values())
    words = nationality_words(doc, ctx.gazetteer.settings, every_word=True)
    nationality = nationality_place(doc, ctx.gazetteer, first_of_each, words) \
        or country_of_words(doc, ctx.gazetteer, groups)
    own_iso3 = nationality.location.iso3 if nationality is not None else None
    missions = ctx.gazetteer.settings.mission_nouns
    own_words = sum(1 for code, word in words
                    if own_iso3 and (word.end >= len(doc) or doc[word.end].lower_ not in missions)
                    and getattr(ctx.gazetteer.places.get(f"country:{code}"), "iso3",
                                None) == own_iso3)
    # "THE REGIME" of a Salvadoran text is not Syria's (actors.yaml home_aliases)
    actors = localised(actors, {p.location.iso3 for p in [*places, nationality]
                                if p is not None and p.location.iso3}, ctx.lexicon)
    actors = [a for a in actors if not _place_possessive(a, places)]
    mentions = Mentions(
        text=document.text,
        sentences=list(doc.sents),
        places=places,
        nationality=nationality,
        nationality_words=own_words,
        dateline=_near(datelines[0]) if datelines and datelines[0].location.feature != "country"
        else None,
        dates=dates,
        actors=actors,
        casualties=find_casualties(doc),
        claims=find_claims(doc, ctx, actors, claim_dates),
        publisher=publisher_claim(document.outlet, ctx),
    )
    return _with_capitals(mentions, doc, ctx)


def _with_capitals(mentions: Mentions, doc: Doc, ctx: Context) -> Mentions:
    """The mentions and "the capital" of each sentence that names no place, the capital of the
    text's own country unless a nationality word says whose (:func:`capital_mentions`)."""
    if not any(token.lower_ == "capital" for token in doc):
        return mentions  # (most texts: no lookups)
    home = document_country(mentions)
    country = ctx.gazetteer.country_named(home) if home else None
    placed = {p.sentence_index for p in mentions.places}
    capitals = capital_mentions(doc, ctx.gazetteer, country.iso2 if country else None, placed)
    if not capitals:
        return mentions
    places = sorted([*mentions.places, *capitals], key=lambda p: p.start_char)
    return dataclasses.replace(mentions, places=places)


def _named_as_place(doc: Doc, start: int, settings: GazetteerSettings) -> bool:
    """"the town of Mayadeen": an outlet's name after "<town, city, village...> of" is the
    place it was named after (al-Mayadeen TV, the town of Mayadin), not the outlet."""
    return start >= 2 and doc[start - 1].lower_ == "of" \
        and doc[start - 2].lower_ in settings.generic_words




def _place_as_modifier(place: PlaceMention, doc: Doc, settings: GazetteerSettings) -> bool:
    """"US-led strikes", "the New York-based committee": a place naming whose side acts or
    where a body sits, not where the event is (``side_suffixes``); "U.S. raids", "Syria's
    army": a country naming whose forces act, or whose people ("U.S. CITIZEN JENNIFER
    CASOLO": ``modifier_nouns``, read by word where the parse of text in capitals fails); "near
    the border with Iraq": a country giving a bearing (``bearing_before`` in gazetteer.yaml);
    "sent to the United States": a destination (``destination_verbs``); "Mario Accurso of
    Rome": where a person is from."""
    if place.names_side:  # read once by find_places
        return True
    span = doc.char_span(place.start_char, place.end_char, alignment_mode="expand")
    if span is None:
        return False
    if persons_origin(span.root, settings):
        return True  # "MARIO ACCURSO OF ROME ... WERE TAKEN HOSTAGE": where he is from
    if _place_of_speaking(span.root, settings):
        return True  # "IT WAS OFFICIALLY REPORTED TODAY IN LIMA THAT ...": where it was said
    if place.location.feature != "country":
        # "backed by South West State forces": a state or province naming its own forces
        return place.location.feature == "admin1" and span.root.dep_ == "compound" \
            and span.root.head.lower_ in settings.force_nouns
    for phrase in settings.bearing_before:
        words = phrase.split()
        if [t.lower_ for t in doc[max(0, span.start - len(words)):span.start]] == words:
            return True
    if span.end < len(doc) and doc[span.end].lower_ in settings.modifier_nouns:
        return True
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "for") \
            and root.head.head.lemma_.lower() in settings.destination_verbs:
        return True  # "their bodies will be sent to the United States": a destination
    return root.dep_ in ("compound", "amod", "nmod", "poss", "nsubj")


def _place_of_speaking(root: Token, settings: GazetteerSettings) -> bool:
    """The place is where a verb of saying was said ("REPORTED TODAY IN LIMA THAT PERUVIAN
    SECURITY FORCES KILLED 14", "THE GOVERNMENT SAID IT IN SAN JOSE", "TOLD EFE IN BOGOTA"):
    not where the event it tells of happened. A verb whose object or passive subject is a
    noun tells the event itself ("reported fighting in Idlib", "FIGHTING WAS ALSO REPORTED IN
    LA PAZ"), and a place before the verb is where the report is from ("IN HUANCAYO, IT HAS
    BEEN CONFIRMED THAT ...")."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "at"):
        return False
    verb = root.head.head
    # (a participle on a noun tells that noun: "the attack reported by the media this
    # morning in the Khan Sheikhun area")
    return verb.pos_ == "VERB" and verb.i < root.i and verb.dep_ not in ("acl", "relcl") \
        and verb.lemma_.lower() in settings.speaker_verbs and not any(
            c.dep_ in ("dobj", "obj", "nsubjpass") and c.pos_ == "NOUN" for c in verb.children)


def _claim_dates(doc: Doc, dates: list[DateMention], ctx: Context) -> dict[int, dt.date]:
    """Map a reporting verb's token to the date of the claim ("claimed on Sunday that ...")."""
    found: dict[int, dt.date] = {}
    for _key, start, end in ctx.matchers.cues(doc):
        cue = doc[start:end].root
        attached = []
        for mention in dates:
            span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
            if span is None or span.sent != cue.sent:
                continue
            if dates_verb(span.root, cue):
                attached.append((abs(span.start - cue.i), mention))
        if attached:
            found[cue.i] = min(attached, key=lambda pair: pair[0])[1].end
    return found


def _place_possessive(actor: ActorMention, places: list[PlaceMention]) -> bool:
    """A one-word actor name that is a place of the text with an "s": the place's possessive
    in a text that lost its apostrophes ("Hamas recent upsurge in violence" in a report on
    Hama), not the group."""
    word = actor.span.text.casefold()
    return len(actor.span) == 1 and any(p.text.casefold() + "s" == word for p in places)


def _near(place: PlaceMention) -> PlaceMention:
    """The dateline as an event's last-resort place: near the city (ACLED precision 2)."""
    return dataclasses.replace(place, location=place.location.model_copy(
        update={"precision": max(2, place.location.precision)}))
