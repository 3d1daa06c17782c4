"""Fill every field of one event from its candidate: actors, place, date, tolls, notes.

Why separate: turning a candidate into the contract's ``Event`` draws on roles, sub-types,
tolls, locations and dates in a fixed order (the actors before the rule that an attack's
target is civilians, the tolls before the date of an aggregate toll); this module holds that
order, the event's confidence and its id.
"""

from __future__ import annotations

import hashlib

from marsad.context import Context
from marsad.extractors.actors import CIVILIANS_INTER, CROWD_INTER, RIOTERS_INTER, STATES_INTER
from marsad.extractors.attribution import attribution_for
from marsad.extractors.events.candidates import FATAL_KINDS, Candidate, Mentions
from marsad.extractors.events.dates import date_of
from marsad.extractors.events.locations import document_country, location_of
from marsad.extractors.events.roles import (
    accused_of,
    actor_by_adjective,
    actor_roles,
    acts_through,
    associates,
    author_from_alternates,
    canonical,
    civilians,
    conjoined_head,
    corrected_roles,
    crowd_of_civilians,
    default_initiator,
    fill_from_claimant,
    footage_author,
    foreign_foe,
    inside_source,
    names_author,
    on_one_side,
    plausible_initiator,
    side_acted_on,
    subject_of,
    victim_report,
)
from marsad.extractors.events.sub_types import (
    EXCESSIVE_FORCE,
    MOB_VIOLENCE,
    PROTESTS,
    REMOTE_VIOLENCE,
    RIOTS,
    against_civilians,
    attacked_nouns,
    bombed_by_unnamed,
    event_type_of,
    ground_bombing,
    police_search,
    state_bombing,
)
from marsad.extractors.events.time_clauses import background, same_line
from marsad.extractors.events.tolls import casualties_of, victim_span
from marsad.lexicon import PEACEFUL_PROTEST
from marsad.model import Actor, Casualties, Claim, DateRange, Document, Event, Location, TextSpan
from marsad.notes import event_notes

# The weight a generic attack word with its own dead counts as (`_confidence`): that of the
# specific words of Other (0.6), and above.
GENERIC_WEIGHT_WITH_DEAD = 0.65


def _by_a_mob(sub_event_type: str, actor1: Actor | None, ctx: Context) -> str:
    """Violence against civilians by rioters is a mob's (``context_typing.mob_retypes``)."""
    if actor1 is not None and actor1.inter == RIOTERS_INTER \
            and sub_event_type in ctx.lexicon.context_typing.mob_retypes:
        return MOB_VIOLENCE
    return sub_event_type


def to_event(candidate: Candidate, document: Document, mentions: Mentions, ctx: Context,
             warnings: list[str]) -> Event | None:
    """Fill every field of one event; None when it turns out to be only a denial."""
    trigger = candidate.trigger
    sentence = trigger.sent
    index = mentions.sentence_of(trigger.start_char)
    attribution = attribution_for(trigger.root, mentions.claims, mentions.publisher)
    if attribution and attribution[0].cue == "denied":
        return None
    claim_mentions = [c for c in mentions.claims
                      if c.governs(trigger.root) and not c.contrary]
    # (a side told only in the background of the news is not the news's, nor one of the
    # news the background's: "Hours after villagers complained to police about thefts, a
    # crowd beat a man to death"; measured against keeping the news's sides for the
    # background: FA-KES actor 0.887 vs 0.883, MUC-4 perpetrator precision 0.608 vs 0.603)
    # A withdrawal told as the background of who took the ground over shares the news's
    # sides (time_clauses.shares_news_sides).
    clauses = ctx.lexicon.time_clauses
    shared = candidate.sub_event_type in clauses.shares_news_sides
    line = background(trigger.root, clauses)
    sentence_actors = [a for a in mentions.actors if a.span.sent == sentence
                       and not inside_source(a, claim_mentions, trigger.root)
                       and (shared or same_line(line, a.span.root, clauses, doer=True))]
    victims = [span for c in mentions.casualties
               if sentence.start_char <= c.start_char < sentence.end_char
               and (span := victim_span(c)) is not None]
    initiators = ctx.lexicon.initiators
    actor1, actor2 = actor_roles(trigger, sentence_actors, ctx.lexicon.role_words, victims,
                                 two_sided=candidate.sub_event_type in initiators.two_sided,
                                 taken_from=candidate.sub_event_type in initiators.taken_from)
    actor1, actor2 = corrected_roles(actor1, actor2, trigger.root, initiators)
    if actor1 is not None and police_search(candidate, actor1, bool(victims), initiators):
        warnings.append(f"{trigger.text!r} by {actor1.span.text!r}: a police raid with "
                        "nobody killed or hurt is a search, no event of its own")
        return None
    if actor1 is None:
        in_sentence = [a for a in mentions.actors if a.span.sent == sentence]
        actor1, actor2 = author_from_alternates(candidate, in_sentence, claim_mentions,
                                                victims, ctx, (actor1, actor2))
        if actor1 is None:
            actor1 = footage_author(in_sentence, claim_mentions, trigger.root,
                                    event_type_of(candidate.sub_event_type, ctx))
    location = location_of(candidate)
    country = location.country if location and location.feature != "country" else (
        document_country(mentions) or (location.country if location else None))
    a1 = canonical(actor1.to_actor(country), ctx) if actor1 else None
    a2 = canonical(actor2.to_actor(country), ctx) if actor2 else None
    subject = actor1 is not None and subject_of(actor1.span.root, trigger.root)
    # the subject of the event verb did it ("Rebels blew up an oil pipeline", "ISIS
    # detonated a car bomb"), as does a modifier, an agent or a member ("planted by ISIS")
    direct = actor1 is not None and (names_author(actor1.span.root, trigger.root,
                                                  ctx.lexicon.role_words.members)
                                     or acts_through(actor1.span.root, trigger.root,
                                                     ctx.lexicon.role_words.reacting)
                                     or accused_of(actor1.span.root, trigger.root,
                                                   ctx.lexicon.initiators.accused.blame_verbs,
                                                   ctx.lexicon.initiators.accused.charge_words))
    # "Rebels bombed a police station", "TERRORIST RAIDS"
    planted = ground_bombing(candidate, a1, ctx, subject=subject, direct=subject or direct)
    if planted is not candidate:
        candidate, direct = planted, True  # the subject that bombed planted it
    elif actor1 is None:
        candidate = bombed_by_unnamed(candidate, ctx)  # "UNIDENTIFIED INDIVIDUALS BOMBED"
    a1, a2 = plausible_initiator(candidate.sub_event_type, a1, a2, ctx, direct=direct)
    # A bare toll's words name the dead ("100 Nusra terrorists killed"), never who struck.
    # A later word of the same type may carry it when nothing names the author ("Air strikes
    # in Syria kill 20 IS fighters Monitor US-led air strikes killed ...": one run-on sentence).
    words = (trigger, *candidate.alternates, *conjoined_head(trigger)) if a1 is None \
        else (trigger,)
    named = None if candidate.vague else next(
        (found for word in words
         if (found := actor_by_adjective(word, ctx, country, sentence_actors,
                                         mentions.actors)) is not None),
        None)
    named = canonical(named, ctx) if named is not None else None
    if named is not None and a1 is not None and ctx.lexicon.is_unidentified(named.name) \
            and not ctx.lexicon.is_unidentified(a1.name):
        named = None  # "terrorist rocket attacks ... terrorists from Jaish al-Fateh fired"
    ally = None  # "Russian and Syrian regime air raids": the adjective's ally struck with it
    if a1 is not None and a2 is not None and on_one_side(a1, a2, ctx):
        ally, a2 = a2, None  # "hit by the Russian and Assad regime warplanes": allies, no foes
    if named is not None and (a1 is None or a1.name != named.name):
        # "An Israeli airstrike ... killed pro-regime forces": the adjective on the event word
        # names who struck; whoever else was found is the target.
        if a1 is not None and ctx.lexicon.allied(a1.name, named.name):
            ally = a1
        else:
            a2 = a2 if a2 is not None and a2.name != named.name else a1
        a1 = named
        candidate = ground_bombing(candidate, a1, ctx, direct=True)  # "TERRORIST RAIDS"
    if a2 is None and event_type_of(candidate.sub_event_type, ctx) == REMOTE_VIOLENCE and \
            attacked_nouns(trigger.root, frozenset(ctx.lexicon.initiators.military_modifiers),
                           frozenset(ctx.lexicon.initiators.acted_on_words),
                           frozenset(ctx.lexicon.initiators.aimed_objects)) \
            & set(ctx.lexicon.initiators.civilian_targets):
        # "air strikes on a market", "the attack targeted a market": civilians were the target
        a2 = civilians(ctx, country)
    speaking_for = next((c.actor_name for c in claim_mentions if c.actor_name), None)
    # A side that confirms or reports the attack itself ("the attack was confirmed by a
    # spokesman for the National Guard") tells of it; only a claim ("Amaaq claimed the
    # attack") or a report of what it did ("the army said it shelled ...") names its author.
    confirmed = any(c.cue_span.root.lemma_.lower() in ctx.lexicon.telling_lemmas
                    and trigger.root.head == c.cue_span.root
                    and trigger.root.dep_ in ("dobj", "nsubjpass") for c in claim_mentions)
    if speaking_for is not None and not confirmed and not victim_report(candidate, a2, ctx) \
            and not side_acted_on(trigger, speaking_for, ctx):
        a1, a2 = fill_from_claimant(a1, a2, speaking_for, ctx, country,
                                    candidate.sub_event_type)
    assoc1, assoc2 = associates(sentence_actors, actor1, actor2, a1, a2, ctx, country)
    a2, assoc1 = foreign_foe(candidate.sub_event_type, a1, a2, assoc1, ctx)
    if ally is not None:
        assoc1 = [*(a for a in assoc1 if a.name != ally.name), ally]
        assoc2 = [a for a in assoc2 if a.name != ally.name]
    fatalities, injuries, attribution = casualties_of(candidate, sentence_actors, a1, a2,
                                                      mentions, attribution)
    date = date_of(candidate, index, mentions, attribution[0], fatalities, document, warnings,
                   ctx.lexicon.time_clauses)
    typed = state_bombing(against_civilians(
        candidate, a2, fatalities, ctx.lexicon.initiators, unharmed=injuries is None),
        candidate, a1, ctx)
    crowd_type = ctx.lexicon.context_typing.crowd_retypes.get(typed)
    if a1 is None and crowd_type is not None and crowd_of_civilians(
            trigger, sentence_actors, ctx.lexicon.context_typing.crowd_nouns):
        # villagers who lynch, youths who attack a police station: rioters, not civilians
        typed, a1 = crowd_type, default_initiator(crowd_type, ctx, country)
    event_type, sub = ctx.lexicon.sub_event(_by_a_mob(typed, a1, ctx))
    if event_type.disorder_type == "Political violence" and sub.name == "Attack" and a2 is None:
        a2 = civilians(ctx, country)  # ACLED: an Attack's target is civilians by definition
    if event_type.name == PROTESTS:
        # "Police used tear gas to disperse thousands of farmers": in a protest the people
        # are its protesters (inter 6), not civilians
        a1, a2 = (_as_protesters(a, ctx, country) for a in (a1, a2))
    if event_type.name in (PROTESTS, RIOTS) and sub.name != EXCESSIVE_FORCE:
        a1, a2 = _crowd_first(a1, a2, sub.name, ctx, country)

    if a1 is None:
        a1 = default_initiator(sub.name, ctx, country)  # "residents protested": Protesters
    a2, fatalities, injuries = _other_side(event_type.name, a1, a2, fatalities, injuries)
    if sub.name in ctx.lexicon.initiators.sole_actor:
        a2, assoc2 = None, []  # a peaceful protest has one side; police named acted elsewhere
    evidence = TextSpan(text=sentence.text, char_span=(sentence.start_char, sentence.end_char))
    event = Event(
        event_id=_event_id(document, candidate, location),
        disorder_type=event_type.disorder_type,
        event_type=event_type.name,
        sub_event_type=sub.name,
        trigger=TextSpan(text=trigger.text, char_span=(trigger.start_char, trigger.end_char)),
        evidence=evidence,
        date=date,
        location=location,
        actor1=a1,
        assoc_actors1=assoc1,
        actor2=a2,
        assoc_actors2=assoc2,
        fatalities=fatalities,
        injuries=injuries,
        attribution=attribution,
        confidence=_confidence(candidate, date, location, attribution),
    )
    return event.model_copy(update={"notes": event_notes(event)})


def _as_protesters(actor: Actor | None, ctx: Context, country: str | None) -> Actor | None:
    if actor is None or actor.inter != CIVILIANS_INTER:
        return actor
    protesters = default_initiator(PEACEFUL_PROTEST, ctx, country)
    return actor if protesters is None else protesters.model_copy(
        update={"text": actor.text, "char_span": actor.char_span})


def _crowd_first(a1: Actor | None, a2: Actor | None, sub_event_type: str, ctx: Context,
                 country: str | None) -> tuple[Actor | None, Actor | None]:
    """ACLED codes a protest's protesters and a riot's rioters as actor1, the state's forces
    that met them as actor2, whatever the sentence named first ("STREET CONFRONTATIONS BETWEEN
    POLICE AND DEMONSTRATORS"), or when the text names no crowd ("POLICE UNITS DISPERSED A
    DEMONSTRATION"); a riot's crowd are rioters. (Not excessive force against protesters:
    there the force is actor1.)"""
    if a1 is None or a1.inter not in STATES_INTER:
        return a1, a2  # (a group that marches is the crowd's associate, no side against it)
        # (foreign troops meet a crowd as the state's own do: "U.S. SOLDIERS" in Panama)
    crowd = default_initiator(sub_event_type, ctx, country)
    if a2 is not None and a2.inter in CROWD_INTER:
        if crowd is not None and crowd.inter in CROWD_INTER and crowd.inter != a2.inter:
            a2 = crowd.model_copy(update={"text": a2.text, "char_span": a2.char_span})
        return a2, a1
    if a2 is None and crowd is not None and crowd.inter in CROWD_INTER:
        return crowd, a1  # "POLICE UNITS DISPERSED A DEMONSTRATION": its crowd, unnamed
    return a1, a2


def _other_side(event_type: str, a1: Actor | None, a2: Actor | None,
                fatalities: Casualties | None, injuries: Casualties | None
                ) -> tuple[Actor | None, Casualties | None, Casualties | None]:
    """actor2 is the other side: never actor1 again ("500 regime soldiers had died since the
    campaign against ISIS": the regime twice), and in a battle never civilians (ACLED: battles
    are between armed groups; "the wounding of a war correspondent during clashes" does not
    make civilians a side). The opponent is then inferred from the article
    (``infer_opponents``); tolls of "actor2" name the same dead in their own words."""
    if a2 is None:
        return a2, fatalities, injuries
    if a1 is not None and a2.name == a1.name:
        victims = "actor1"
    elif event_type == "Battles" and a2.inter == CIVILIANS_INTER:
        victims = "civilians"
    else:
        return a2, fatalities, injuries
    tolls = [toll.model_copy(update={"victims": victims})
             if toll is not None and toll.victims == "actor2" else toll
             for toll in (fatalities, injuries)]
    return None, tolls[0], tolls[1]


def _confidence(candidate: Candidate, date: DateRange | None, location: Location | None,
                attribution: list[Claim]) -> float:
    """A first, uncalibrated score: trigger reliability times evidence completeness.

    A generic attack word that killed people ("raided the market ..., killing seven
    civilians") is told as surely as a specific one: the dead say it happened, and it is the
    news before what followed it ("Reinforcements were sent from Tillabéri")."""
    score = candidate.weight
    if candidate.generic and any(c.kind in FATAL_KINDS for c in candidate.casualties):
        score = max(score, GENERIC_WEIGHT_WITH_DEAD)
    score *= 1.0 if location is not None and not candidate.place_inherited else (
        0.85 if location is not None else 0.7)
    score *= 1.0 if date is not None and date.anchor != "published" else 0.9
    score *= 0.95 if attribution and attribution[0].hedged else 1.0
    return round(min(max(score, 0.0), 1.0), 3)


def _event_id(document: Document, candidate: Candidate, location: Location | None) -> str:
    key = "|".join([document.content_hash or document.id, candidate.sub_event_type,
                    str(candidate.trigger.start_char), location.name if location else "-"])
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
