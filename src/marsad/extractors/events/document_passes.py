"""Passes over all events of one article: fill initiators and opponents, merge duplicates.

Why separate: these steps read the whole article, not one sentence: an event with no named
initiator takes the one blamed, named for the nearest event of its type, the only force that
can fly it or the group that claimed it; a battle's unnamed side is the armed actor named
most often; and ACLED's one event per (type, place, day) merges repeated mentions.
"""

from __future__ import annotations

import datetime as dt

from marsad.context import Context
from marsad.extractors.accusations import find_accusations, prevailing
from marsad.extractors.actors import (
    FIGHTING_INTER,
    MEMBER_PREPOSITIONS,
    ActorMention,
    phrase_head,
)
from marsad.extractors.events.candidates import Mentions
from marsad.extractors.events.locations import SUMMARY_SENTENCES
from marsad.extractors.events.roles import can_initiate, canonical, civilians, named_first
from marsad.extractors.events.sub_types import REMOTE_VIOLENCE, VIOLENCE_AGAINST_CIVILIANS
from marsad.extractors.events.tolls import conflict, merged_claims, named_tolls, restated
from marsad.extractors.time import history_days
from marsad.lexicon import ARRESTS, Responsibility
from marsad.model import Actor, Casualties, Document, Event, Location
from marsad.notes import event_notes


def inherit_actors(events: list[Event], mentions: Mentions, ctx: Context) -> list[Event]:
    """An event with no named initiator takes the one named for the nearest event of the same
    sub-event type in the article ("Russian air strikes ... the strikes also hit ..."); for
    the types of ``initiators.inherit.nearby`` only within a few sentences ("IS crucified two
    men ... a further 19 were executed on Thursday"), as one article may report attacks by
    several hands."""
    rule = ctx.lexicon.initiators.inherit
    filled = []
    for position, event in enumerate(events):
        if event.actor1 is None and event.sub_event_type in rule.anywhere + rule.nearby:
            at = mentions.sentence_of(event.trigger.char_span[0])
            order = list(reversed(events[:position])) + events[position + 1:]
            donor = next((e.actor1 for e in order if e.actor1 is not None
                          and e.sub_event_type == event.sub_event_type and e.actor1.inter != 7
                          and can_initiate(e.actor1.inter, event.sub_event_type, ctx)
                          and (event.actor2 is None or e.actor1.name != event.actor2.name)
                          and (event.sub_event_type in rule.anywhere or abs(
                              mentions.sentence_of(e.trigger.char_span[0]) - at) <= rule.window)),
                         None)
            if donor is not None:
                event = _with_initiator(
                    event, donor.model_copy(update={"text": None, "char_span": None}))
        filled.append(event)
    return filled


def only_capable_initiator(events: list[Event], mentions: Mentions,
                           ctx: Context) -> list[Event]:
    """An air strike with no named initiator was flown by one of the forces the article names
    that can fly one (``initiators.allowed_inter``): the one it names most often. Recorded
    without a span: inferred, not read."""
    allowed = ctx.lexicon.initiators.allowed_inter
    filled = []
    for event in events:
        kinds = allowed.get(event.sub_event_type)
        if event.actor1 is None and kinds:
            target = event.actor2.name if event.actor2 else None
            counts: dict[str, int] = {}
            for mention in mentions.actors:
                if mention.entry.inter in kinds and "{country}" not in mention.entry.name \
                        and mention.entry.name != target:
                    counts[mention.entry.name] = counts.get(mention.entry.name, 0) + 1
            if counts:
                name = max(counts, key=lambda n: counts[n])
                inter = next(m.entry.inter for m in mentions.actors if m.entry.name == name)
                event = _with_initiator(event, Actor(name=name, inter=inter))
        filled.append(event)
    return filled


def claimed_responsibility(events: list[Event], mentions: Mentions,
                           ctx: Context) -> list[Event]:
    """Code the group that claimed an attack as its initiator when the attack's own sentence
    names none, or only an unidentified group ("gunmen killed ...; IS later claimed
    responsibility"). The actor keeps the span of its name in the claim: read, not guessed."""
    rules = ctx.lexicon.initiators.responsibility
    claimants = [m for m in mentions.actors
                 if _claims_responsibility(m, rules.verbs, rules.objects)
                 or _says_it_did_it(m, rules)]
    if not claimants:
        return events
    filled = []
    for event in events:
        # "Terrorist Bomb Targets Bus": the adjective's unidentified group is unnamed too
        unnamed = event.actor1 is None or ctx.lexicon.is_unidentified(event.actor1.name)
        if unnamed and event.sub_event_type in rules.types and event.trigger is not None:
            at = event.trigger.char_span[0]
            nearest = min(claimants, key=lambda m: abs(m.span.start_char - at))
            country = event.location.country if event.location else None
            actor1 = canonical(nearest.to_actor(country), ctx)
            if event.actor2 is None or event.actor2.name != actor1.name:
                event = _with_initiator(event, actor1)
        filled.append(event)
    return filled


ALLEGED_NOTE = " Perpetrator as alleged in the text (accused), not established."


def _with_initiator(event: Event, actor1: Actor, note: str = "") -> Event:
    """``event`` with ``actor1`` as its initiator and notes to match (``note`` appended)."""
    event = event.model_copy(update={"actor1": actor1})
    return event.model_copy(update={"notes": event_notes(event) + note})


def _with_target(event: Event, actor2: Actor) -> Event:
    """``event`` with ``actor2`` as its target and notes to match (the summary sentence names
    the target; an allegation note stays)."""
    note = ALLEGED_NOTE if event.notes.endswith(ALLEGED_NOTE) else ""
    event = event.model_copy(update={"actor2": actor2})
    return event.model_copy(update={"notes": event_notes(event) + note})


def accused_perpetrator(events: list[Event], mentions: Mentions, ctx: Context) -> list[Event]:
    """Code the side the text blames for an attack as the initiator of the attacks nearby whose
    own sentence names none (``initiators.accused``): the chemical attack "believed carried out
    by regime jets", "blamed on Assad's forces". The actor's span is the accusation's, and the
    notes say the perpetrator is alleged, so the claim is never flattened into a fact."""
    rules = ctx.lexicon.initiators.accused
    accusations = find_accusations(mentions.actors, rules, ctx.lexicon.known_determiners)
    if not accusations:
        return events
    filled = []
    for event in events:
        if event.actor1 is None and event.sub_event_type in rules.types:
            at = event.trigger.char_span[0]
            index = mentions.sentence_of(at)
            country = event.location.country if event.location else None
            near = [a for a in accusations
                    if abs((where := mentions.sentence_of(a.sentence_start)) - index)
                    <= rules.window and _same_area(event.location, where, mentions)]
            accused = [(a, canonical(a.mention.to_actor(country), ctx)) for a in near]
            side = prevailing([actor.name for _a, actor in accused])
            chosen = [(a, actor) for a, actor in accused if actor.name == side]
            if chosen:
                actor1 = min(chosen, key=lambda pair: abs(pair[0].mention.span.start_char - at))[1]
                if event.actor2 is None or event.actor2.name != actor1.name:
                    event = _with_initiator(event, actor1, ALLEGED_NOTE)
        filled.append(event)
    return filled


def _same_area(location: Location | None, index: int, mentions: Mentions) -> bool:
    """Sentence ``index`` may speak of an event at ``location``: it names no place below the
    country, or one in the same province ("accused government forces of the attack in Saraqib,
    Idlib" is not about a chemical attack in Aleppo)."""
    named = [p.location for p in mentions.places
             if p.sentence_index == index and p.location.feature != "country"]
    if location is None or not named:
        return True
    return any(place.name == location.name or (place.admin1 or place.name) == (
        location.admin1 or location.name) for place in named)


def _claims_responsibility(mention: ActorMention, verbs: tuple[str, ...],
                           objects: tuple[str, ...]) -> bool:
    """``mention`` is the subject ("X claimed responsibility") or the agent ("claimed by
    X") of a claim verb whose object is responsibility or the attack, and nothing negates it."""
    if mention.entry.inter == 7:
        return False
    head = phrase_head(mention.span.root)
    if head.dep_ == "nsubj":
        verb = head.head
    elif head.dep_ == "pobj" and head.head.dep_ == "agent":
        verb = head.head.head
    else:
        return False
    if verb.lemma_.lower() not in verbs or any(c.dep_ == "neg" for c in verb.children):
        return False
    if head.dep_ == "pobj":  # passive: "the attack, claimed by X" / "was claimed by X"
        target = verb.head if verb.dep_ == "acl" else next(
            (c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return target is not None and target.lower_ in objects
    return any(c.dep_ == "dobj" and c.lower_ in objects for c in verb.children)


PRONOUN_SUBJECTS = frozenset({"it", "they", "we"})


def _says_it_did_it(mention: ActorMention, rules: Responsibility) -> bool:
    """``mention`` says of itself that it did it: "ISIS said it was responsible for the
    bombing", "an anonymous call from the Extraditables, who said they were responsible for
    the action" (the saying verb a relative clause of the group's phrase, or of the noun the
    group's "from" / "of" phrase hangs on: the parser ties "who said" to "call")."""
    if mention.entry.inter == 7:
        return False
    head = phrase_head(mention.span.root)
    holders = [head]
    if head.dep_ == "pobj" and head.head.lower_ in MEMBER_PREPOSITIONS:
        holders.append(head.head.head)
    verbs = [head.head] if head.dep_ == "nsubj" else []
    verbs += [c for holder in holders for c in holder.children if c.dep_ == "relcl"]
    for verb in verbs:
        if verb.lemma_.lower() not in rules.speech_verbs:
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if not any(c.dep_ == "nsubj" and c.lower_ in PRONOUN_SUBJECTS
                       for c in clause.children) or any(c.dep_ == "neg" for c in clause.children):
                continue
            for word in clause.subtree:
                if word.lower_ in rules.own_words and any(
                        prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.lower_ in rules.objects
                                                    for o in prep.children)
                        for prep in [word, *word.children]):
                    return True
    return False


def infer_opponents(events: list[Event], mentions: Mentions, ctx: Context) -> list[Event]:
    """A battle has two sides: when the sentence names only one ("regime forces attempted to
    advance"), the other is the armed actor the article names most often besides it and its
    allies (ISIS in an article about the regime's offensive on ISIS; ``allies`` in
    actors.yaml). Recorded without a span: inferred."""
    counts: dict[str, int] = {}
    entries = {}
    spans: dict[str, set[tuple[int, int]]] = {}
    # Police named as the source ("the police reported ...") report the battle, they are no
    # side of it; a combatant's own voice ("the army said") speaks for a side and counts.
    for mention in mentions.actors:
        if mention.entry.law_enforcement and mentions.names_a_claimant(mention.span):
            continue  # ("police sources said")
        if mention.entry.inter in FIGHTING_INTER:
            counts[mention.entry.name] = counts.get(mention.entry.name, 0) + 1
            entries[mention.entry.name] = mention
            spans.setdefault(mention.entry.name, set()).add(
                (mention.span.start_char, mention.span.end_char))
    filled = []
    for event in events:
        if event.event_type == "Battles" and event.actor1 is not None and event.actor2 is None:
            own = {event.actor1.name} | {a.name for a in event.assoc_actors1}
            country = event.location.country if event.location else None
            options = []
            for name, count in counts.items():
                if spans[name] == {event.actor1.char_span}:
                    continue  # the initiator's own words, renamed ("militants" in Amaaq's voice)
                actor = canonical(entries[name].to_actor(country), ctx)
                if actor.name not in own and entries[name].entry.inter != event.actor1.inter \
                        and not ctx.lexicon.allied(event.actor1.name, actor.name):
                    options.append((count, actor))
            if options:
                best = max(options, key=lambda pair: pair[0])[1]
                event = _with_target(event, best.model_copy(update={"text": None,
                                                                    "char_span": None}))
        filled.append(event)
    return filled


def _place_and_day(event: Event) -> tuple[str, ...]:
    """Where and when, as :func:`merge_duplicates` compares them. Precision is part of it: a
    dated report and an undated one that only defaulted to the same day are not known to be
    the same event."""
    return (event.location.name if event.location else "-",
            event.date.start.isoformat() if event.date else "-",
            event.date.end.isoformat() if event.date else "-",
            str(event.date.precision) if event.date else "-")


def fold_into_escalation(events: list[Event], ctx: Context) -> list[Event]:
    """ACLED codes one demonstration per place and day, by what it came to: "police used water
    cannons to disperse BJP activists ... The march convened by the BJP started from ..." is
    one Protest with intervention, the march its second mention. An event of a type in
    ``subsumed_per_place_and_day`` joins an event of the same place and day whose type
    subsumes it, wherever in the article either is told."""
    folding = set(ctx.lexicon.subsumed_per_place_and_day)
    result = list(events)
    for event in events:
        if event.sub_event_type not in folding:
            continue
        host = next((i for i, other in enumerate(result) if other is not event
                     and event.sub_event_type in ctx.lexicon.subsumes.get(other.sub_event_type, ())
                     and _place_and_day(other) == _place_and_day(event)), None)
        if host is not None:
            result[host] = _joined(result[host], event, ctx)
            result = [e for e in result if e is not event]
    return result


def merge_duplicates(events: list[Event], ctx: Context) -> list[Event]:
    """One event per (sub-event type, place, day): merge repeated mentions, keep every claim.
    The initiator is the first mention's, unless only a later one names the group ("terrorist
    rocket attacks on Aleppo ... terrorists from Jaish al-Fateh fired rocket shells")."""
    merged: dict[tuple[str, ...], Event] = {}
    order: list[tuple[str, ...]] = []
    for event in events:
        key: tuple[str, ...] = (event.sub_event_type, *_place_and_day(event))
        while key in merged and _other_dead(merged[key], event):
            key = (*key, "+")  # one more event of the same type, place and day
        if key not in merged:
            merged[key] = event
            order.append(key)
            continue
        merged[key] = _joined(merged[key], event, ctx)
    return [merged[k] for k in order]


def _joined(kept: Event, event: Event, ctx: Context) -> Event:
    """``kept`` with a second report of it, ``event``: every claim, both sentences, and the
    initiator the first report names, unless only the second names the group."""
    claims = merged_claims(kept.attribution, event.attribution)
    actor1 = named_first(kept.actor1, event.actor1, ctx)
    actor2 = next((a for a in (kept.actor2, event.actor2)
                   if a is not None and (actor1 is None or a.name != actor1.name)), None)
    deaths, wounded = (_relabelled(toll, event, (actor1, actor2), ctx)
                       for toll in (event.fatalities, event.injuries))
    mentions = [*kept.mentions]
    for span in (event.evidence, *event.mentions):
        if span.char_span != kept.evidence.char_span and span not in mentions:
            mentions.append(span)
    # Named sources that disagree span the event's figure (ACLED's conservative best);
    # otherwise two reports of one event: the fuller count (``restated``).
    return kept.model_copy(update={
        "attribution": claims, "mentions": mentions,
        "fatalities": conflict(named_tolls(claims)) or restated(kept.fatalities, deaths),
        "injuries": conflict(named_tolls(claims, "injuries")) or kept.injuries or wounded,
        "actor1": actor1, "actor2": actor2,
        "confidence": max(kept.confidence, event.confidence)})


def fold_summaries(events: list[Event], ctx: Context) -> list[Event]:
    """A summary and its detail are one event: "Daesh has killed 33 young men in eastern
    Syria" (the province, some day this week) and, later, "Daesh members slit the throats of
    the men ... near the town of Mayadeen on Wednesday" are one killing told twice, the second
    time more precisely. An event folds into the only other event of its sub-type whose place
    lies within its own (the same place, or a place in its province) and whose day
    lies within its own date range, when it is less precise in one of the two, the same
    voices tell both, the dead are not others' and at most one toll is given, or the same (a
    wider report with a bigger toll is most often the campaign's, not this event's). The
    folded event keeps the words of the report told first and takes the detail's place and
    date (ACLED codes the most precise of a report's figures). Folding reports told by other
    voices was tried: FA-KES dates +0.013, but each voice then seemed to say what only the
    other said (attribution gold pairs, precision 0.876 -> 0.842)."""
    folded = list(events)
    index = 0
    while index < len(folded):
        event = folded[index]
        details = [other for other in folded if other is not event and _detail_of(event, other)]
        if len(details) != 1:
            index += 1
            continue
        detail = details[0]
        first, later = sorted((event, detail), key=lambda e: e.trigger.char_span[0])
        merged = _joined(first, later, ctx).model_copy(
            update={"location": detail.location, "date": detail.date})
        at = min(index, folded.index(detail))
        folded = [e for e in folded if e is not event and e is not detail]
        folded.insert(at, merged)
        index = 0  # a fold can make another summary's detail unique
    return folded


def _detail_of(summary: Event, other: Event) -> bool:
    """``other`` tells ``summary``'s event more precisely (see :func:`fold_summaries`)."""
    if other.sub_event_type != summary.sub_event_type or _other_dead(summary, other):
        return False
    said = [{c.source for c in e.attribution} for e in (summary, other)]
    if said[0] != said[1]:
        return False  # told by other voices: kept apart, so that each says only its own
    one_toll, other_toll = summary.fatalities, other.fatalities
    if one_toll is not None and other_toll is not None and one_toll.best != other_toll.best:
        return False  # "92 killed on Thursday" and "359 killed since the offensive began"
    for side in ("actor1", "actor2"):  # a toll of "actor2" means one side
        one, two = getattr(summary, side), getattr(other, side)
        if one is not None and two is not None and one.name != two.name:
            return False
    wide, narrow = summary.location, other.location
    if wide is None or narrow is None or summary.date is None or other.date is None:
        return False
    same_place = wide.name == narrow.name
    # A province, not a country: "Russian jets have been bombing Syria" is no one strike's
    within = same_place or (wide.feature == "admin1" and narrow.admin1 == wide.name)
    dated_within = summary.date.start <= other.date.start and other.date.end <= summary.date.end
    wider_dates = (summary.date.start, summary.date.end) != (other.date.start, other.date.end)
    return within and dated_within and (not same_place or wider_dates)


def _relabelled(toll: Casualties | None, source: Event,
                sides: tuple[Actor | None, Actor | None], ctx: Context) -> Casualties | None:
    """``toll`` of ``source`` told in terms of the ``sides`` (actor1, actor2) of the event it
    joins: the dead of one of ``source``'s sides are those of the side of the same name or of
    its ally ("180 army troops" killed were the army, actor1 of the toll's sentence and actor2
    of the battle it joins; a Hezbollah fighter killed in clashes is on the army's side);
    otherwise the side keeps its place (a side named "terrorists" in one report and al-Nusra
    in the other is the same side)."""
    if toll is None or toll.victims not in ("actor1", "actor2"):
        return toll
    own = source.actor1 if toll.victims == "actor1" else source.actor2
    if own is None:
        return toll
    for label, side in zip(("actor1", "actor2"), sides, strict=True):
        if side is not None and side.name == own.name:
            return toll.model_copy(update={"victims": label})
    for label, side in zip(("actor1", "actor2"), sides, strict=True):
        if side is not None and ctx.lexicon.allied(side.name, own.name):
            return toll.model_copy(update={"victims": label})
    return toll


def _other_dead(kept: Event, event: Event) -> bool:
    """Two tolls of different victims (the lead strike's "eight volunteers" and "30 Daesh
    fighters" of an attack told later, both undated) are two happenings, not one figure
    read twice: merging would keep only the fuller count."""
    first, second = kept.fatalities, event.fatalities
    return first is not None and second is not None \
        and "unknown" not in (first.victims, second.victims) and first.victims != second.victims


HISTORY_LEFT_OUT = "background, left out"
"""How a warning ends that tells an event was left out as the article's history."""


def leave_out_history(events: list[Event], document: Document, mentions: Mentions,
                      warnings: list[str]) -> list[Event]:
    """Drop the article's background: events that ended more than ``history_days`` before
    publication, told after the lead ("Hundreds died in a sarin attack in Ghouta in August
    2013" in a 2017 report; "an Islamist uprising in 1982"). They were news when they
    happened; a lead that reports an old event (an anniversary, a late finding) keeps it."""
    if document.published is None:
        return events
    days = history_days()
    oldest = document.published - dt.timedelta(days=days)
    lead_end = mentions.sentences[min(SUMMARY_SENTENCES, len(mentions.sentences)) - 1].end_char \
        if mentions.sentences else 0
    kept = []
    for event in events:
        if event.date is not None and event.date.end < oldest \
                and event.evidence.char_span[0] >= lead_end:
            warnings.append(f"{event.sub_event_type} ({event.trigger.text!r}): dated "
                            f"{event.date.start}..{event.date.end}, over "
                            f"{days} days before publication: {HISTORY_LEFT_OUT}")
            continue
        kept.append(event)
    return kept


def subsumed_after_retyping(events: list[Event], ctx: Context,
                            arrested_for: frozenset[int] = frozenset()) -> list[Event]:
    """Apply ``subsumes`` again to the events of one sentence and place once their types are
    final: a type given while the event was filled ("Rioters stabbed a shopkeeper": the
    stabbing is the rioters' Mob violence) subsumes the riot the word "rioters" made, as it
    would have in the sentence pass. Per-clause types are left as they are, and so is an
    arrest beside what it is for (``arrested_for``: start offsets of those events' words)."""
    per_clause = set(ctx.lexicon.subsumes_per_clause)

    def place(event: Event) -> str | None:
        return event.location.name if event.location else None

    return [event for event in events if not any(
        other is not event and other.sub_event_type not in per_clause
        and not (event.sub_event_type == ARRESTS
                 and other.trigger.char_span[0] in arrested_for)
        and event.sub_event_type in ctx.lexicon.subsumes.get(other.sub_event_type, ())
        and other.evidence.char_span == event.evidence.char_span
        and place(other) == place(event) for other in events)]


def forces_at_home_or_abroad(events: list[Event], ctx: Context) -> list[Event]:
    """ACLED's inter code of a state's forces depends on where they fight: state forces (1)
    in their own country, external forces (8) elsewhere ("Military Forces of Kenya" in
    Somalia, of Turkey against the PKK in Turkey or in Syria). The dictionary states each
    entry's country (``state_of``); a ``{country}`` entry's filled name ("Military Forces of
    Kenya", from "Kenyan troops") is at home where the event's country fills it so."""
    return [event.model_copy(update={
        field: _placed_forces(actor, event.location, ctx)
        for field in ("actor1", "actor2")
        if (actor := getattr(event, field)) is not None}) for event in events]


def _placed_forces(actor: Actor, location: Location | None, ctx: Context) -> Actor:
    if location is None or actor.inter not in (1, 8):
        return actor
    try:
        entry = ctx.lexicon.actor(actor.name)
    except KeyError:
        return actor
    if entry.state_of is None or entry.law_enforcement:
        return actor
    if entry.state_of != "*":
        if location.iso3 is None:
            return actor
        home = entry.state_of == location.iso3
    else:
        template = ctx.lexicon.template_of(actor.name)
        home = location.country is not None and template is not None \
            and canonical(Actor(name=template.name_for(location.country), inter=actor.inter),
                          ctx).name == actor.name
    inter = 1 if home else 8
    return actor if actor.inter == inter else actor.model_copy(update={"inter": inter})


def civilian_targets(events: list[Event], ctx: Context) -> list[Event]:
    """Civilians are the target (ACLED's actor2) of a strike or a bomb whose dead are
    civilians ("an air strike killed five members of one family") and, by definition, of
    violence against civilians with no target named ("Gunmen abducted more than 300
    schoolgirls"; an Attack's are filled with its fields). Run last: a target filled earlier
    would keep two reports of one event from folding into one."""
    filled = []
    for event in events:
        deaths = event.fatalities
        if event.actor2 is None and (event.event_type == VIOLENCE_AGAINST_CIVILIANS or (
                event.event_type == REMOTE_VIOLENCE and deaths is not None
                and deaths.victims == "civilians" and not deaths.aggregate)):
            struck = civilians(ctx, event.location.country if event.location else None)
            if struck is not None and (event.actor1 is None or event.actor1.name != struck.name):
                event = _with_target(event, struck)
        filled.append(event)
    return filled
