"""The candidate events of one sentence: its (sub-event type, place) pairs.

Why separate: this is where ACLED's split is made: one event per (sub-event type, place),
after the triggers that did not happen are dropped, generic words yield to specific ones and
a bare toll becomes an event (or continues the one before it).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from marsad.context import Context
from marsad.extractors.casualties import (
    CasualtyMention,
    load_casualty_terms,
    names_war_total,
    war_background_spans,
)
from marsad.extractors.events.candidates import FATAL_KINDS, INJURY_KINDS, Candidate, Mentions
from marsad.extractors.events.locations import places_for, places_of_word
from marsad.extractors.events.roles import crowd_of_civilians
from marsad.extractors.events.sub_types import (
    EXCESSIVE_FORCE,
    MOB_VIOLENCE,
    PROPERTY_DESTRUCTION,
    PROTEST_WITH_INTERVENTION,
    disorder_of,
    means_by_agent,
    needs_crowd,
    protest_escalation,
    resolve_sub_type,
    struck_on_the_ground,
    vague,
    work_stoppage,
)
from marsad.extractors.events.time_clauses import (
    background,
    distance,
    opening_marks,
    same_line,
    time_clause,
    told_as_history,
)
from marsad.extractors.events.tolls import continue_toll
from marsad.extractors.events.triggers import (
    among_the_dead,
    armed,
    blamed_for,
    charge_word_over,
    describes_a_place,
    drop_generic,
    happened,
    has_own_subject,
    is_weapon_word,
    names_an_accident,
    non_conflict_context,
    padded_words,
    told_of_a_hazard,
    triggers_in,
    verb_object_events,
    what_an_attack_did,
    yields,
)
from marsad.extractors.places import PlaceMention
from marsad.lexicon import ARRESTS, PEACEFUL_PROTEST, NonConflict, TriggerEntry
from marsad.nlp import governing_verb


def sentence_candidates(index: int, sentence: Span, mentions: Mentions, ctx: Context,
                        earlier: list[Candidate]) -> list[Candidate]:
    """The (sub-event type, place) pairs of one sentence."""
    doc = sentence.doc
    sentence_actors = [a for a in mentions.actors if a.span.sent == sentence]
    told = ctx.lexicon.time_clauses  # how the background of the news is told
    found = [(entry, span, happened(span, entry, ctx))
             for entry, span in triggers_in(sentence, ctx)]
    hazards = ctx.lexicon.non_conflict
    triggers = [(entry, span) for entry, span, done in found
                if done and not what_an_attack_did(entry, span, ctx)
                and not (entry.generic and told_of_a_hazard(span.root, hazards))]
    not_done = [span for _entry, span, done in found if not done]
    # (a verb read with its object inside a phrase of the same type is that phrase:
    # "de-occupied the village" is not also "occupied the village")
    worded = {(i, entry.sub_event_type) for entry, span in triggers
              for i in range(span.start, span.end)}
    triggers += [(entry, span) for entry, span in verb_object_events(sentence, ctx)
                 if happened(span, entry, ctx)
                 and (span.start, entry.sub_event_type) not in worded]
    # What a word acts on may make it another type, or none ("documents that were seized"),
    # read once per word. A specific word made none leaves the generic words their say
    # ("Coalition aircraft destroyed 14 ISIL tanks and other equipment captured near Palmyra").
    resolved_types: dict[tuple[int, int, str], str | None] = {}

    def resolved(entry: TriggerEntry, span: Span) -> str | None:
        key = (span.start, span.end, entry.sub_event_type)
        if key not in resolved_types:
            # (who gains is a side of the word's own line: "after ISWAP overran the base in
            # April, troops re-entered the town" is the troops' gain)
            line = background(span.root, told)
            sides = [a for a in sentence_actors if same_line(line, a.span.root, told, doer=True)]
            resolved_types[key] = resolve_sub_type(entry.sub_event_type, span, sides, ctx)
        return resolved_types[key]

    triggers = drop_generic([(entry, span) for entry, span in triggers
                             if entry.generic or resolved(entry, span) is not None],
                            frozenset(ctx.lexicon.context_typing.open_attack.words),
                            frozenset(ctx.lexicon.initiators.accused.charge_words),
                            frozenset(ctx.lexicon.initiators.accused.blame_verbs),
                            told)
    framed = [(e, t) for e, t in triggers if _framed(t, ctx.lexicon.frame_phrases)]
    if len(framed) < len(triggers):
        triggers = [pair for pair in triggers if pair not in framed]
    # A word inside a claimant's name is no event: "according to vigilantes", "rebel sources".
    # A word inside a phrase naming the whole war is the war: "since the fighting began in 2011".
    offset = sentence.start_char
    not_events = mentions.claimant_spans + ([(offset + a, offset + b)
                                             for a, b in war_background_spans(sentence.text)]
                                            if triggers else [])
    triggers = [(e, t) for e, t in triggers
                if not any(a <= t.start_char and t.end_char <= b for a, b in not_events)
                and not among_the_dead(t, index, mentions)
                and not describes_a_place(t, mentions, ctx.lexicon.place_descriptions)
                and not (e.generic and blamed_for(t, ctx))]
    # (a side that only tells of it is no side in it: "A 6.3-magnitude earthquake struck Herat
    # province, killing hundreds, the Taliban government said", "..., Taliban officials said")
    context = non_conflict_context(sentence, [
        a for a in sentence_actors if not mentions.names_a_claimant(a.span)], ctx,
        mentions.claimant_spans)
    if context is None and index > 0 and not armed(sentence_actors) and \
            mentions.paragraph_of(sentence.start_char) == mentions.paragraph_of(
                mentions.sentences[index - 1].start_char):
        # "A tank at the chemical plant exploded. The blast ...": the accident goes on, and
        # so does a crime ("an attempted robbery ... He threatened them with a grenade").
        previous = mentions.sentences[index - 1]
        carried = non_conflict_context(previous, [a for a in mentions.actors
                                                  if a.span.sent == previous], ctx)
        if carried in ("accident", "crime"):
            context = carried
    if context == "crime":
        # a crowd's violence over a crime it believed is mob violence, not the crime's news
        # ("villagers beat two cattle traders to death on suspicion that they were smuggling")
        crowd = ctx.lexicon.context_typing
        triggers = [(e, s) for e, s in triggers if e.sub_event_type == MOB_VIOLENCE or (
            e.sub_event_type in crowd.crowd_retypes
            and crowd_of_civilians(s, sentence_actors, crowd.crowd_nouns))]
    if context == "enforcement":
        triggers = [(e, s) for e, s in triggers if resolved(e, s) not in
                    ctx.lexicon.non_conflict.enforcement_types]
    if context == "diplomatic":
        # an agreement signed is diplomacy's own event ("signed an accord to release the
        # political prisoners in exchange for the opposition lifting calls for sanctions")
        triggers = [(e, s) for e, s in triggers if not e.generic
                    and resolved(e, s) in ctx.lexicon.non_conflict.diplomatic_types]
    if context in ("diplomatic", "crime", "enforcement") and not triggers:
        return []
    if context == "accident":
        # "An attack on a warehouse killed 20": an attack is deliberate, never an accident;
        # "a Su-24 warplane crashed": an aircraft named in an accident made no strike
        # (aircraft only: "a roadside bomb hidden in a gas cylinder went off" is a bomb)
        deliberate = set(ctx.lexicon.context_typing.open_attack.words)
        # ... and fighting told only as the background of a disaster is not its news
        # ("agencies that suspended convoys after last month's fighting said a landslide ...");
        # a weapon that hits a plant or a warehouse was aimed ("A drone hit a factory in
        # Yelabuga": the factory is no accident's)
        triggers = [(e, s) for e, s in triggers
                    if (not e.generic or s.text.lower() in deliberate
                        or _done_by_a_weapon(s, ctx.lexicon.weapon_nouns))
                    and s.text.lower() not in ctx.lexicon.aircraft_agents
                    and background(s.root, told) is None]
    by_type: dict[str, tuple[TriggerEntry, Span]] = {}
    same_type: dict[str, list[Span]] = {}
    for entry, span in triggers:
        sub_type = resolved(entry, span)
        if sub_type is None:
            continue  # "documents that were seized": what was taken makes it no event
        on_foot = struck_on_the_ground(sub_type, span, sentence_actors, ctx)
        stoppage = work_stoppage(means_by_agent(on_foot, span, ctx), span, ctx)
        if stoppage is None:
            continue  # "the strike" again after a stoppage or an "armed strike"
        sub = needs_crowd(stoppage, span, index, mentions, ctx)
        # (the first word of a type stands for it, even one told as background: preferring
        # the main line's, "A week after herders fought over land, gunmen stormed the
        # village", made MUC-4's "moments after the attack ... began a military operation to
        # find those responsible" a clash of its own: perpetrator precision 0.608 -> 0.603)
        by_type.setdefault(sub, (entry, span))
        same_type.setdefault(sub, []).append(span)
    charged = frozenset(ctx.lexicon.initiators.accused.charge_words)

    def arrested_for(span: Span) -> bool:
        """The act someone is arrested for ("detained a party leader in connection with an
        arson attack during the hartal"): another happening than the arrest, told before it."""
        return ARRESTS in by_type and charge_word_over(span.root, charged) is not None

    protest = next((p for p in (PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION) if p in by_type),
                   None)
    if protest is not None:
        # Also from an intervention phrase that swallowed the protest word ("dispersed the
        # protesters ... with live fire" is excessive force).
        # A protest told in a clause of time is another happening than the sentence's main
        # line: "police arrested four opposition leaders, a day after they led a rally" is
        # an arrest, not a rally broken up; only the clause's own words escalate it.
        aside = time_clause(by_type[protest][1].root, opening_marks(), phrases=True)
        if aside is not None and distance(aside, told.day_units) is None:
            aside = None
        stronger = protest_escalation(index, mentions, ctx, within=aside,
                                      apart=() if aside is not None else _days_away(sentence, ctx))
        if stronger == PROTEST_WITH_INTERVENTION and arrested_for(by_type[protest][1]):
            stronger = None  # the arrest, later, is no intervention in the protest
        if stronger is not None:
            by_type.setdefault(stronger, by_type[protest])
    for sub, (entry, span) in list(by_type.items()):
        if sub == entry.sub_event_type and yields(
                entry, span, [(other, other_span) for other, (_e, other_span) in by_type.items()]):
            del by_type[sub]  # "the sorties ... destroying ammo depots": the strike's targets
    killed = [c for c in mentions.casualties
              if c.sentence_index == index and c.kind in FATAL_KINDS | INJURY_KINDS]
    if protest is not None and not any(_takes_dead(kind, ctx) for kind in by_type) and any(
            c.kind in FATAL_KINDS and not c.aggregate and c.victims in ("civilians", "unknown")
            and not _about(c, by_type[protest][1], doc) for c in killed):
        by_type.setdefault(EXCESSIVE_FORCE, by_type[protest])  # protesters met with lethal force
    for sub in list(by_type):
        for weaker in ctx.lexicon.subsumes.get(sub, ()):
            if weaker in by_type and sub in ctx.lexicon.subsumes_per_clause and \
                    _own_clauses(by_type[sub][1], by_type[weaker][1]):
                continue  # "A BOMB EXPLODED ..., AND A SECOND DEVICE WAS DEACTIVATED"
            if weaker in by_type and weaker in ctx.lexicon.subsumes_same_act.get(sub, ()) and \
                    not _verb_of(sub, by_type[weaker][1], ctx):
                continue  # "overran a military post, seizing weapons": two acts
            if weaker == ARRESTS and weaker in by_type and arrested_for(by_type[sub][1]):
                continue  # "arrested ... in connection with violence during the rally"
            by_type.pop(weaker, None)  # the same happening, read the more specific way
    if not by_type and killed and continue_toll(index, killed, mentions, ctx, earlier):
        return []
    # A toll with no event word is an event: the dead, or the wounded when an armed actor is
    # named ("the army killed and wounded scores of terrorists": one combined figure).
    harmed = [c for c in killed if c.kind in FATAL_KINDS] or (
        killed if armed(sentence_actors) else [])
    # (the toll of a happening the sentence tells as no news is that happening's: "claimed
    # responsibility for Sunday's twin bombings at the cathedral, which killed 20 people")
    harmed = [c for c in harmed if not _toll_of_a_word(c, not_done, doc)
              and not _toll_of_a_hazard(c, doc, hazards)]
    if harmed and all(c.aggregate for c in harmed) and names_war_total(sentence.text):
        harmed = []  # "More than 170000 people have been killed in Syria's civil war"
    era = load_casualty_terms().war_total_min
    if harmed and all(c.best >= era for c in harmed):
        harmed = []  # "razed towns, devastated economies, and the death of 70,000 people"
    if harmed and all(_disaster_toll(c, doc, ctx) for c in harmed):
        harmed = []  # "flash floods washed away dozens of homes, killing 14", troops or none
    if context is None and harmed:
        victim = harmed[0]
        sub = "Attack" if victim.victims == "civilians" else "Armed clash"
        kill_span = victim.span_in(doc)
        if kill_span is not None:
            # "Russia's Aerospace Forces have killed 304 militants": the killer names the means
            # (a toll so typed is no longer vague: it keeps its type) ...
            means = means_by_agent(sub, kill_span, ctx)
            # ... even beside a generic battle word: "... killed 304 militants as the
            # offensive continues" is an air strike's toll (the nearest event word takes it);
            # a specific word keeps it ("Suicide bomber kills 4": no aircraft in "bomber")
            toll = TriggerEntry(sub_event_type=means, weight=0.45, generic=True, phrases=())
            # (a burning whose toll a participle tells: "began torching homes ..., killing
            # three people" is an attack on them; "KILLED A PEASANT ... AND BURNED A TANK
            # TRUCK" stays as it was read, MUC-4's arson: two acts)
            burning = set(by_type) == {PROPERTY_DESTRUCTION} and kill_span.root.tag_ == "VBG" \
                and sub == "Attack"
            if (not by_type or burning or (means != sub and means not in by_type and all(
                    entry.generic for entry, _ in by_type.values())) or _charged_killing(
                        kill_span, by_type, ctx)) and happened(kill_span, toll, ctx):
                # (a killing only prepared or threatened is none: "the mercenaries who were
                # preparing to assassinate one of the cartel leaders")
                by_type[means] = (toll, kill_span)
                if burning and means in ctx.lexicon.subsumes \
                        and PROPERTY_DESTRUCTION in ctx.lexicon.subsumes[means]:
                    del by_type[PROPERTY_DESTRUCTION]  # ACLED: the killing, the burning with it
    if not by_type:
        return []
    places, inherited = places_for(
        index, mentions, ctx.gazetteer.settings,
        lambda ahead: any(happened(span, entry, ctx) for entry, span
                          in triggers_in(mentions.sentences[ahead], ctx)))
    slots: list[PlaceMention | None] = list(places) or [None]
    determiners = set(ctx.lexicon.context_typing.anaphora_determiners)
    open_words = set(ctx.lexicon.context_typing.open_means.words)
    candidates = [Candidate(sub, span, entry.weight, place, inherited, generic=entry.generic,
                            vague=vague(entry, span, determiners),
                            open_means=entry.generic and span.text.lower() in open_words,
                            alternates=tuple(same_type.get(sub, [])[1:]),
                            time_clause=time_clause(span.root, opening_marks(), phrases=True),
                            background=background(span.root, told) is not None,
                            arrested_for=sub != ARRESTS and arrested_for(span),
                            history=told_as_history(span.root, told))
                  for sub, (entry, span) in by_type.items()
                  for place in places_of_word(span, slots, inherited, told)]
    violent = [c for c in candidates if _takes_dead(c.sub_event_type, ctx)]
    if killed and violent:
        # Casualties belong to one event, never repeated per place: the violent event whose
        # trigger is nearest to the toll ("killed by regime shelling after a pilot was executed").
        toll_at = killed[0].start_char
        nearest = min(violent, key=lambda c: abs(c.trigger.start_char - toll_at))
        nearest.casualties = killed
        clauses = [_other_happening(doc, c, nearest.trigger) for c in killed]
        if not all(clauses):
            nearest.casualties = [c for c, clause in zip(killed, clauses, strict=True)
                                  if clause is None]
            for clause in {clause for clause in clauses if clause is not None}:
                inside = [c for c in violent if clause.start <= c.trigger.root.i < clause.end]
                if inside:
                    inside[0].casualties = [c for c, other in zip(killed, clauses, strict=True)
                                            if other == clause]
    return candidates


def _days_away(sentence: Span, ctx: Context) -> tuple[Span, ...]:
    """The clauses of time of the sentence told a day or more away from its main line ("A day
    after police clashed with students, ...")."""
    marks = opening_marks()
    clauses = {clause.start: clause for token in sentence
               if token.dep_ in ("advcl", "pcomp", "pobj")
               and (clause := time_clause(token, marks, phrases=True)) is not None}
    return tuple(c for c in clauses.values()
                 if distance(c, ctx.lexicon.time_clauses.day_units) is not None)


def _disaster_toll(toll: CasualtyMention, doc: Doc, ctx: Context) -> bool:
    """The toll is told as what a disaster or an accident did (``non_conflict.accident``
    words): the subject of the clause it completes ("flash floods ... washed away dozens of
    homes, killing at least 14 people") or a clause of its own verb ("died along with ten
    officers when their aircraft crashed on landing"), whatever armed actors the sentence
    names besides."""
    span = toll.span_in(doc)
    if span is None:
        return False
    verb = governing_verb(span.root) or span.root.sent.root
    causes = [c for c in verb.children if c.dep_ == "advcl"]
    if verb.dep_ in ("advcl", "xcomp", "conj"):
        causes += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = " ".join(t.text for cause in causes for t in cause.subtree)
    return names_an_accident(padded_words(words), ctx.lexicon.non_conflict)


def _verb_of(sub_event_type: str, span: Span, ctx: Context) -> bool:
    """``span``'s word is a verb some verb-object rule of ``sub_event_type`` reads ("seized"
    for Disrupted weapons use): the same act may be that type (``subsumes_same_act``)."""
    lemma = span.root.lemma_.lower()
    return any(rule.becomes == sub_event_type and lemma in rule.verbs
               for rule in ctx.lexicon.verb_object_rules)


def _own_clauses(one: Span, other: Span) -> bool:
    """The two event words are in coordinated clauses, each with a subject of its own (not a
    pronoun, which points back at the other's)."""
    first, second = governing_verb(one.root), governing_verb(other.root)
    if first is None or second is None or first == second:
        return False
    if not (second.dep_ == "conj" and second.head == first
            or first.dep_ == "conj" and first.head == second):
        return False
    return has_own_subject(first) and has_own_subject(second)


def _toll_of_a_hazard(casualty: CasualtyMention, doc: Doc, rules: NonConflict) -> bool:
    """The toll is told in a disaster's clause (``told_of_a_hazard``)."""
    span = casualty.span_in(doc)
    return span is not None and told_of_a_hazard(span.root, rules)


def _toll_of_a_word(casualty: CasualtyMention, words: list[Span], doc: Doc) -> bool:
    """The toll is told in a clause on one of ``words`` or on a noun of its phrase
    ("bombings ..., which killed 20 people"): it is that word's."""
    span = casualty.span_in(doc)
    if span is None or not words:
        return False
    token = span.root
    while token.head != token:
        if token.dep_ in ("relcl", "acl") and any(
                w.start <= token.head.i < w.end or w.root.is_ancestor(token.head) for w in words):
            return True  # (or on a noun of its phrase: "bombings at the cathedral in Jolo,
            # which killed 20 people")
        token = token.head
    return False


def _takes_dead(sub_event_type: str, ctx: Context) -> bool:
    """Events of this type take the dead of their sentence (political violence, and
    ``toll_takers``: protesters shot dead)."""
    return disorder_of(sub_event_type, ctx) == "Political violence" \
        or sub_event_type in ctx.lexicon.toll_takers


def _charged_killing(kill_span: Span, by_type: dict[str, tuple[TriggerEntry, Span]],
                     ctx: Context) -> bool:
    """The killing someone is arrested, charged or sentenced for is an event beside the arrest,
    as a trigger word is ("THE ARREST OF 45 SOLDIERS ... FOR KILLING 6 CLERGYMEN"); a sentence
    that already holds a violent event gives it the toll."""
    return not any(_takes_dead(kind, ctx) for kind in by_type) and charge_word_over(
        kill_span.root, ctx.lexicon.role_words.charging) is not None


# Verbs (lemmas) whose object is a protest its own people hold: "held a rally to demand
# justice for three men killed" (grammar of the protest word, not knowledge of the world)
PROTEST_HOLDING_VERBS = frozenset({"hold", "stage", "organise", "organize", "lead", "join"})


def _about(toll: CasualtyMention, trigger: Span, doc: Doc) -> bool:
    """The toll is what the protest is about, or part of what the protesters did: it lies
    under the protest word ("protested the killing of 12 civilians", "a protest over the
    killing of 12"), or in the clause the protest word is the subject of ("protesters gathered
    to mourn dozens killed last month"). Protests that others suppressed are not."""
    span = toll.span_in(doc)
    if span is None:
        return False
    word = trigger.root
    while word.dep_ == "conj" and word.head != word:
        word = word.head  # "a prayer gathering and rally"
    # the protest's subject, or what was held ("held a rally ... to demand justice for three
    # men killed in a shooting last week"): the whole clause says what it was about
    if word.dep_ in ("nsubj", "nsubjpass") or (
            word.dep_ == "dobj" and word.head.lemma_.lower() in PROTEST_HOLDING_VERBS):
        word = word.head
    if not word.left_edge.i <= span.root.i <= word.right_edge.i:
        return False
    # a relative clause tells who took part, not what about; comma-less scrapes hang the rest
    # of the sentence on it ("protests in which 1500 people took part ... killing 27")
    return not any(child.dep_ == "relcl" and child.left_edge.i <= span.root.i
                   <= child.right_edge.i for child in word.children)


def _other_happening(doc: Doc, toll: CasualtyMention, trigger: Span) -> Span | None:
    """The clause of time ("after a pilot was killed by rebels") that holds ``toll`` and not
    ``trigger``: it tells another happening (``other_happening_marks``); None when none does."""
    span = toll.span_in(doc)
    if span is None:
        return None
    clause = time_clause(span.root, opening_marks())
    if clause is None or clause.start <= trigger.root.i < clause.end:
        return None
    return clause


def _framed(trigger: Span, phrases: tuple[str, ...]) -> bool:
    """The event noun's phrase follows a frame phrase (triggers.yaml ``frame_phrases``): the
    act of the sentence is done under it ("Under the agreement reached on Thursday,
    fighters pulled out of ..."), so it is no event beside that act."""
    root = trigger.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    start = root.left_edge.i
    doc = trigger.doc
    for phrase in phrases:
        words = phrase.split()
        first = start - len(words)
        if first >= root.sent.start and [t.lower_ for t in doc[first:start]] == words:
            return True
    return False


def _done_by_a_weapon(trigger: Span, weapons: frozenset[str]) -> bool:
    """The event verb's subject is a weapon ("A drone hit a factory", "missiles struck the
    plant"; ``Lexicon.weapon_nouns``)."""
    verb = trigger.root
    return verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and is_weapon_word(c, weapons) for c in verb.children)
