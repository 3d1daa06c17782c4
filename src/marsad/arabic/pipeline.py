"""Events from Arabic reporting: ``extract_arabic(document, ctx) -> (events, warnings)``.

Runs on the original Arabic clean text (``document.text``); every span indexes it. The output
is the English contract: ACLED names, actor names and ``notes`` in English. The steps follow
the English extractor (``marsad.extractors.events``): mentions once per document, triggers per
sentence (negated / modal ones dropped, generic ones yield to specific ones, ``subsumes``
applied), one event per (sub-event type, place), then per-event date, actors, casualties and
attribution, and a merge of repeats on (type, place, day).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.arabic.casualties import ArabicCasualty, find_casualties
from marsad.arabic.claims import ArabicClaim, claim_of, find_claims
from marsad.arabic.dates import ArabicDate, find_dates
from marsad.arabic.lexicon import ActorAlias, ArabicLexicon, ArabicTrigger, load_arabic_lexicon
from marsad.arabic.normalize import fold
from marsad.arabic.places import ArabicPlace, find_places
from marsad.arabic.tokens import Match, Token, tokenize
from marsad.context import Context
from marsad.extractors.attribution import publisher_claim
from marsad.lexicon import TERRITORY_GAIN
from marsad.model import Actor, Casualties, Claim, DateRange, Document, Event, Location, TextSpan
from marsad.notes import event_notes

CIVILIANS = "Civilians ({country})"
PROTESTERS = "Protesters ({country})"
NEGATION_REACH = 2
MODAL_REACH = 3
ADJECTIVE_REACH = 3
TARGET_WORDS = frozenset({"ضد", "علي", "مواقع", "نقاط", "مع", "عناصر", "حاجز"})
BETWEEN = "بين"
DEFAULT_COUNTRY = "Syria"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
TERRITORY_TYPES = frozenset({TERRITORY_GAIN, "Government regains territory",
                             "Non-state actor overtakes territory"})
COORDINATION_GAP = 4
"""A trigger joined by "و" at most this many tokens after a context trigger shares its context."""
YEAR_DIGITS = 4
CLAUSE_REACH = 12
"""How far back a clause-wide context word ("يقضي ب") is looked for (tokens, same clause)."""


@dataclass(frozen=True)
class Mentions:
    """Everything found once per document."""

    tokens: list[Token]
    triggers: list[Match[ArabicTrigger]]
    actors: list[Match[ActorAlias]]
    places: list[ArabicPlace]
    dates: list[ArabicDate]
    casualties: list[ArabicCasualty]
    claims: list[ArabicClaim]
    context: frozenset[int]
    """Token index of each trigger that is background to another event ("بعد انسحاب")."""
    peaceful: frozenset[int]
    """Sentences saying a place changed hands without fighting ("دون اشتباكات")."""


@dataclass(frozen=True)
class Candidate:
    """One (sub-event type, place) reading of a trigger."""

    sub_event_type: str
    trigger: Match[ArabicTrigger]
    place: ArabicPlace | None
    sentence: int
    first_in_sentence: bool
    context: bool = False


def _covered(matches: Sequence[Match[Any]]) -> set[int]:
    return {i for m in matches for i in range(m.first, m.last)}


def _inside_longer(match: Match[ArabicTrigger], others: Sequence[Match[Any]]) -> bool:
    return any(o.first <= match.first and match.last <= o.last
               and (o.last - o.first) > (match.last - match.first) for o in others)


def _happened(match: Match[ArabicTrigger], tokens: Sequence[Token],
              lexicon: ArabicLexicon, names: set[int]) -> bool:
    """False when a negation or modal word stands just before the trigger, or the next word
    gives the phrase another sense (``unless_next``).

    Actor names between are not counted: "هددت هيئة تحرير الشام بقصف" is a threat.
    """
    sentence = tokens[match.first].sentence
    for position, senses in ((match.last, match.payload.unless_next),
                             (match.first - 1, match.payload.unless_previous)):
        if senses and 0 <= position < len(tokens) and tokens[position].sentence == sentence \
                and tokens[position].keys & {fold(word) for word in senses}:
            return False
    for reach, words in ((NEGATION_REACH, lexicon.negation), (MODAL_REACH, lexicon.modal)):
        for position in _words_before(match.first, reach, names):
            token = tokens[position]
            if token.sentence == sentence and token.keys & words:
                return False
    return True


def _words_before(first: int, reach: int, skip: set[int]) -> list[int]:
    """Up to ``reach`` token positions before ``first``, not counting those in ``skip``."""
    found: list[int] = []
    position = first - 1
    while position >= 0 and len(found) < reach:
        if position not in skip:
            found.append(position)
        position -= 1
    return found


def _context_triggers(triggers: Sequence[Match[ArabicTrigger]], tokens: Sequence[Token],
                      lexicon: ArabicLexicon) -> frozenset[int]:
    """Triggers that are background ("بعد انسحاب", "بموجب اتفاق", "يقضي بتسليم")."""
    context: set[int] = set()
    previous: Match[ArabicTrigger] | None = None
    for match in triggers:
        clause = tokens[match.first].clause
        cued = any(tokens[i].clause == clause and tokens[i].keys & lexicon.context_words
                   for i in range(max(0, match.first - lexicon.context_reach), match.first)) \
            or any(t.clause == clause and t.keys & lexicon.context_clause_words
                   for t in tokens[max(0, match.first - CLAUSE_REACH):match.first])
        joined = (previous is not None and previous.first in context
                  and tokens[previous.first].clause == clause
                  and 0 <= match.first - previous.last <= COORDINATION_GAP
                  and tokens[match.first].folded.startswith("و"))
        if cued or joined:
            context.add(match.first)
        previous = match
    return frozenset(context)


def _historical_sentences(tokens: Sequence[Token], dates: Sequence[ArabicDate],
                          lexicon: ArabicLexicon, published: date | None) -> set[int]:
    """Sentences that recall an earlier year and carry no date of their own."""
    if published is None:
        return set()
    dated = {tokens[d.first].sentence for d in dates}
    found: set[int] = set()
    for token in tokens[1:]:
        before = tokens[token.index - 1]
        if not (token.folded.isdigit() and len(token.folded) == YEAR_DIGITS
                and before.keys & lexicon.year_words):
            continue
        since = token.index >= 2 and tokens[token.index - 2].keys & lexicon.since_words
        if int(token.folded) < published.year and not since and token.sentence not in dated:
            found.add(token.sentence)
    return found


def find_mentions(document: Document, lexicon: ArabicLexicon, ctx: Context) -> Mentions:
    """Tokens, triggers, actors, places, dates, casualties and claims of a document."""
    tokens = tokenize(document.text)
    sources = lexicon.sources.find(tokens)
    source_tokens = _covered(sources)
    actors = [m for m in lexicon.actors.find(tokens)
              if not source_tokens & set(range(m.first, m.last))]
    names = [m for m in actors if not m.payload.adjective]
    name_tokens = _covered(names)
    dates = find_dates(tokens, lexicon, document.published)
    historical = _historical_sentences(tokens, dates, lexicon, document.published)
    triggers = [m for m in lexicon.triggers.find(tokens)
                if not _inside_longer(m, [*names, *sources])
                and _happened(m, tokens, lexicon, name_tokens)
                and tokens[m.first].sentence not in historical]
    casualty_words = [*lexicon.killed.find(tokens), *lexicon.injured.find(tokens)]
    claims = find_claims(tokens, lexicon, sources)
    blocked = (_covered(triggers) | _covered(names) | source_tokens | _covered(casualty_words)
               | _covered([c.cue_match for c in claims])
               | {i for d in dates for i in range(d.first, d.last)})
    places = find_places(tokens, document.text, ctx.gazetteer, lexicon, blocked)
    peaceful = frozenset(tokens[m.first].sentence for m in lexicon.peaceful.find(tokens))
    return Mentions(tokens=tokens, triggers=triggers, actors=actors, places=places,
                    dates=dates, casualties=find_casualties(tokens, lexicon), claims=claims,
                    context=_context_triggers(triggers, tokens, lexicon), peaceful=peaceful)


def _sentence_triggers(sentence: int, mentions: Mentions,
                       ctx: Context) -> list[Match[ArabicTrigger]]:
    tokens = mentions.tokens
    found = [m for m in mentions.triggers if tokens[m.first].sentence == sentence]
    specific_clauses = {tokens[m.first].clause for m in found if not m.payload.generic}
    found = [m for m in found
             if not (m.payload.generic and tokens[m.first].clause in specific_clauses)]
    types = {_subsuming_name(m.payload.sub_event_type) for m in found}
    subsumed = {name for kind in types for name in ctx.lexicon.subsumes.get(kind, ())}
    return [m for m in found if m.payload.sub_event_type not in subsumed]


def _subsuming_name(sub_event_type: str) -> str:
    """A territory gain subsumes the clash that won it, whoever gained."""
    return "Non-state actor overtakes territory" if sub_event_type == TERRITORY_GAIN \
        else sub_event_type


def _places_for(trigger: Match[ArabicTrigger], mentions: Mentions) -> list[ArabicPlace]:
    """Places of the trigger's clause, else its sentence, else the last place before it."""
    tokens = mentions.tokens
    clause, sentence = tokens[trigger.first].clause, tokens[trigger.first].sentence
    in_clause = [p for p in mentions.places if tokens[p.first].clause == clause]
    towns_next = [p for p in mentions.places if tokens[p.first].clause == clause + 1
                  and tokens[p.first].sentence == sentence and p.location.precision == 1]
    if in_clause and towns_next and all(p.location.precision > 1 for p in in_clause):
        return towns_next  # "في ريف درعا الشرقي، بلدات X وY": the towns, not the governorate
    if in_clause:
        return _specific(in_clause)
    in_sentence = [p for p in mentions.places if tokens[p.first].sentence == sentence]
    if in_sentence:
        after = [p for p in in_sentence if p.first > trigger.first]
        return _specific(after or in_sentence)[:1]
    earlier = [p for p in mentions.places if p.first < trigger.first]
    if earlier:
        return [earlier[-1]]
    return mentions.places[:1]


def _specific(places: list[ArabicPlace]) -> list[ArabicPlace]:
    """Drop a governorate or region named only to situate a town ("كفرنبل في ريف إدلب").

    Every town of the finest precision is kept ("بلدات X وY"); without a town, the first of the
    finest (a place with a stated distance, precision 2, before a governorate, precision 3).
    """
    specific = [p for p in places if p.location.precision == 1]
    if specific or not places:
        return specific
    finest = min(p.location.precision for p in places)
    return [next(p for p in places if p.location.precision == finest)]


def _actor(name: str, country: str, match: Match[ActorAlias] | None,
           mentions: Mentions, ctx: Context, text: str) -> Actor:
    entry = ctx.lexicon.actor(name)
    if match is None:
        return Actor(name=entry.name_for(country), inter=entry.inter)
    start, end = match.span(mentions.tokens)
    return Actor(name=entry.name_for(country), inter=entry.inter,
                 text=text[start:end], char_span=(start, end))


def _roles(trigger: Match[ArabicTrigger], mentions: Mentions
           ) -> tuple[Match[ActorAlias] | None, Match[ActorAlias] | None]:
    """actor1 and actor2 by Arabic word order: "اشتباكات بين X وY", "قصفت X مواقع Y"."""
    tokens = mentions.tokens
    sentence = tokens[trigger.first].sentence
    in_sentence = [m for m in mentions.actors if tokens[m.first].sentence == sentence]
    armed = [m for m in in_sentence if not m.payload.adjective
             and m.payload.name not in (CIVILIANS, PROTESTERS)]
    adjectives = [m for m in in_sentence if m.payload.adjective
                  and 0 <= m.first - trigger.last < ADJECTIVE_REACH]
    between = [t.index for t in tokens[trigger.last:trigger.last + 3] if BETWEEN in t.keys]
    if between:
        pair = [m for m in armed if m.first > between[0]]
        if len(pair) >= 2:
            return pair[0], pair[1]
    targets = [m for m in armed if m.first > 0 and tokens[m.first - 1].keys & TARGET_WORDS]
    doers = [m for m in armed if m not in targets]
    after = [m for m in doers if m.first >= trigger.last]
    before = [m for m in doers if m.last <= trigger.first]
    actor1 = adjectives[0] if adjectives else (after[0] if after else
                                               (before[-1] if before else None))
    actor2 = next((m for m in targets if actor1 is None or m.payload.name != actor1.payload.name),
                  None)
    return actor1, actor2


def _resolve_type(sub_event_type: str, actor1: Match[ActorAlias] | None, ctx: Context,
                  peaceful: bool = False) -> str:
    """Who gained decides a territory gain; "دون اشتباكات" in the sentence makes it non-violent."""
    if peaceful and sub_event_type in TERRITORY_TYPES:
        return NON_VIOLENT_TRANSFER
    if sub_event_type != TERRITORY_GAIN:
        return sub_event_type
    if actor1 is not None and ctx.lexicon.actor(actor1.payload.name).state_of is not None:
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _date_of(candidate: Candidate, mentions: Mentions, document: Document,
             text: str) -> tuple[DateRange | None, bool]:
    """The sentence's date, else the last one before it, else publication (second: defaulted)."""
    tokens = mentions.tokens
    own = [d for d in mentions.dates if tokens[d.first].sentence == candidate.sentence]
    earlier = [d for d in mentions.dates if d.first < candidate.trigger.first]
    chosen = own[0] if own else (earlier[-1] if earlier else None)
    if chosen is not None:
        start, end = tokens[chosen.first].start, tokens[chosen.last - 1].end
        anchor = "explicit" if not chosen.relative else "published"
        if not own:
            anchor = "context"
        return DateRange(start=chosen.start, end=chosen.end,
                         precision=chosen.precision,  # type: ignore[arg-type]
                         text=text[start:end], char_span=(start, end),
                         anchor=anchor), False  # type: ignore[arg-type]
    if document.published is None:
        return None, True
    return DateRange(start=document.published, end=document.published, precision=2,
                     anchor="published"), True


def _casualties(items: list[ArabicCasualty], kind: str, mentions: Mentions,
                text: str) -> Casualties | None:
    chosen = next((c for c in items if c.kind == kind), None)
    if chosen is None:
        return None
    start, end = mentions.tokens[chosen.first].start, mentions.tokens[chosen.last - 1].end
    return Casualties(low=chosen.low, best=chosen.best, high=chosen.high,
                      text=text[start:end], char_span=(start, end),
                      victims="civilians" if chosen.civilians else "unknown")


def _claim_for(sentence: int, mentions: Mentions, text: str, publisher: Claim) -> list[Claim]:
    """The sentence's named claim (a cue with a source first), else the publisher."""
    own = [c for c in mentions.claims if c.sentence == sentence and not c.cue.denial]
    own.sort(key=lambda claim: claim.source is None)
    if not own:
        return [publisher]
    return [claim_of(own[0], mentions.tokens, text, publisher)]


def _candidates(mentions: Mentions, ctx: Context) -> list[Candidate]:
    tokens = mentions.tokens
    sentences = sorted({tokens[m.first].sentence for m in mentions.triggers})
    found: list[Candidate] = []
    for sentence in sentences:
        seen: set[tuple[str, str]] = set()
        for number, trigger in enumerate(_sentence_triggers(sentence, mentions, ctx)):
            places: list[ArabicPlace | None] = [*_places_for(trigger, mentions)] or [None]
            for place in places:
                key = (trigger.payload.sub_event_type,
                       place.location.name if place is not None else "-")
                if key in seen:
                    continue
                seen.add(key)
                found.append(Candidate(sub_event_type=trigger.payload.sub_event_type,
                                       trigger=trigger, place=place, sentence=sentence,
                                       first_in_sentence=number == 0,
                                       context=trigger.first in mentions.context))
    return [c for c in found if not (c.context and _has_main(c, found))]


def _has_main(candidate: Candidate, found: Sequence[Candidate]) -> bool:
    """A non-context reading in the same sentence at the same place (or with no place)."""
    def place(c: Candidate) -> str | None:
        return c.place.location.name if c.place is not None else None
    return any(not other.context and other.sentence == candidate.sentence
               and (place(other) == place(candidate) or None in (place(other), place(candidate)))
               for other in found)


def _sentence_span(sentence: int, tokens: Sequence[Token], text: str) -> TextSpan:
    inside = [t for t in tokens if t.sentence == sentence]
    start, end = inside[0].start, inside[-1].end
    return TextSpan(text=text[start:end], char_span=(start, end))


def _is_violent(sub_event_type: str, ctx: Context) -> bool:
    event_type, _ = ctx.lexicon.sub_event(sub_event_type)
    return event_type.disorder_type == "Political violence" \
        and event_type.name != "Strategic developments"


def _to_event(candidate: Candidate, mentions: Mentions, document: Document, ctx: Context,
              publisher: Claim, toll_taken: set[int]) -> tuple[Event, bool]:
    text = document.text
    tokens = mentions.tokens
    match1, match2 = _roles(candidate.trigger, mentions)
    sub_event_type = _resolve_type(candidate.sub_event_type, match1, ctx,
                                   candidate.sentence in mentions.peaceful)
    event_type, _ = ctx.lexicon.sub_event(sub_event_type)
    location: Location | None = candidate.place.location if candidate.place else None
    country = (location.country if location and location.country else DEFAULT_COUNTRY)
    actor1 = _actor(match1.payload.name, country, match1, mentions, ctx, text) if match1 else None
    actor2 = _actor(match2.payload.name, country, match2, mentions, ctx, text) if match2 else None
    items = [c for c in mentions.casualties if tokens[c.first].sentence == candidate.sentence]
    fatalities = injuries = None
    if _is_violent(sub_event_type, ctx) and candidate.sentence not in toll_taken:
        toll_taken.add(candidate.sentence)
        fatalities = _casualties(items, "killed", mentions, text)
        injuries = _casualties(items, "injured", mentions, text)
    civilians_hit = any(c.civilians for c in items)
    if actor2 is None and civilians_hit and _is_violent(sub_event_type, ctx):
        actor2 = _actor(CIVILIANS, country, None, mentions, ctx, text)
    if actor1 is None and event_type.name == "Protests":
        actor1 = _actor(PROTESTERS, country, None, mentions, ctx, text)
    date, defaulted = _date_of(candidate, mentions, document, text)
    attribution = _claim_for(candidate.sentence, mentions, text, publisher)
    start, end = candidate.trigger.span(tokens)
    event = Event(
        event_id=_event_id(document, sub_event_type, start, location),
        disorder_type=event_type.disorder_type, event_type=event_type.name,
        sub_event_type=sub_event_type,
        trigger=TextSpan(text=text[start:end], char_span=(start, end)),
        evidence=_sentence_span(candidate.sentence, tokens, text),
        date=date, location=location, actor1=actor1, actor2=actor2,
        fatalities=fatalities, injuries=injuries, attribution=attribution,
        confidence=_confidence(candidate, location, defaulted, attribution))
    return _with_notes(event), defaulted


def _confidence(candidate: Candidate, location: Location | None, defaulted: bool,
                attribution: list[Claim]) -> float:
    score = candidate.trigger.payload.weight
    score *= 1.0 if location is not None else 0.6
    score *= 0.9 if defaulted else 1.0
    score *= 0.95 if attribution and attribution[0].hedged else 1.0
    return round(min(max(score, 0.0), 1.0), 3)


def _event_id(document: Document, sub_event_type: str, start: int,
              location: Location | None) -> str:
    key = "|".join([document.content_hash or document.id, "ar", sub_event_type, str(start),
                    location.name if location else "-"])
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _with_notes(event: Event) -> Event:
    return event.model_copy(update={"notes": event_notes(event, report_language="Arabic")})


def _merge(events: list[Event]) -> list[Event]:
    """One event per (sub-event type, place, day): repeats become ``mentions``, claims union."""
    merged: dict[tuple[str, ...], Event] = {}
    for event in events:
        key = (event.sub_event_type, event.location.name if event.location else "-",
               event.date.start.isoformat() if event.date else "-",
               event.date.end.isoformat() if event.date else "-")
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
            continue
        sources = {claim.source for claim in kept.attribution}
        merged[key] = kept.model_copy(update={
            "attribution": kept.attribution + [c for c in event.attribution
                                               if c.source not in sources],
            "fatalities": kept.fatalities or event.fatalities,
            "injuries": kept.injuries or event.injuries,
            "actor1": kept.actor1 or event.actor1, "actor2": kept.actor2 or event.actor2,
            "mentions": kept.mentions + ([event.evidence] if event.evidence != kept.evidence
                                         and event.evidence not in kept.mentions else [])})
    return [_with_notes(event) for event in merged.values()]


def extract_arabic(document: Document, ctx: Context) -> tuple[list[Event], list[str]]:
    """Extract contract events from an Arabic document; warnings say what was guessed."""
    lexicon = load_arabic_lexicon()
    mentions = find_mentions(document, lexicon, ctx)
    publisher = publisher_claim(document.outlet, ctx)
    events: list[Event] = []
    defaulted_dates = 0
    toll_taken: set[int] = set()
    for candidate in _candidates(mentions, ctx):
        event, defaulted = _to_event(candidate, mentions, document, ctx, publisher, toll_taken)
        events.append(event)
        defaulted_dates += defaulted
    warnings = []
    if defaulted_dates:
        warnings.append(f"{defaulted_dates} Arabic event(s) have no date in the text: "
                        "dated to publication with precision 2")
    return _merge(events), warnings

