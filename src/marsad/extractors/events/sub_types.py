"""Choose an event's ACLED sub-event type, and retype it from its context.

Why separate: a trigger's type is only where the reading starts. The agent names the means
("Turkish jets destroyed ..."), a vague toll or "the attack" borrows the means of the nearest
specific event (``context_typing``), who gains decides a territory change, civilian targets
make an attack Violence against civilians, and the learned typer may overrule the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from marsad.context import Context
from marsad.extractors.actors import (
    FIGHTING_INTER,
    NON_STATE_ARMED_INTER,
    ActorMention,
    phrase_head,
)
from marsad.extractors.casualties import load_casualty_terms
from marsad.extractors.events.candidates import Candidate, Mentions
from marsad.extractors.events.roles import (
    actor_roles,
    acts_through,
    associated_with_other,
    can_initiate,
    is_taken_from,
    named_first,
    subject_of,
)
from marsad.extractors.events.triggers import is_infinitive, is_weapon_word
from marsad.extractors.numbers import load_quantifiers
from marsad.extractors.places import PlaceMention
from marsad.learned.typing import NO_EVENT
from marsad.lexicon import (
    AIR_STRIKE,
    TERRITORY_GAIN,
    ActorEntry,
    Initiators,
    StateBombing,
    TriggerEntry,
    escalated_to,
)
from marsad.model import Actor, Casualties, Event
from marsad.nlp import first_conjunct, governing_verb, proper_name_words
from marsad.notes import event_notes


def means_by_agent(sub: str, trigger: Span, ctx: Context) -> str:
    """"Turkish jets destroyed weapon depots", "Saudi jets fired missiles", "bombs dropped
    from a helicopter": the subject (or passive agent, or where it came from) of the event's
    verb, of the clause saying how it happened, or of a participle describing the event word
    is a weapon that names the means (``context_typing.means_by_agent``)."""
    rules = [r for r in ctx.lexicon.context_typing.means_by_agent if sub in r.retypes]
    if not rules:
        return sub
    verb = governing_verb(trigger.root)
    # and of the clause that says how ("26 were killed when the air force pounded the town"),
    # and of the participle after the event word ("killed by bombs dropped by helicopters")
    verbs = [*(c for c in trigger.root.children if c.dep_ == "acl")]
    if verb is not None:
        # (a weapon names its own means whatever flies in a clause beside it: "MORTAR SHOTS
        # WERE HEARD, WHILE AIR FORCE HELICOPTERS OVERFLEW THE CITY")
        verbs += [verb, *(c for c in verb.children if c.dep_ == "advcl"
                          and not is_weapon_word(trigger.root, ctx.lexicon.weapon_nouns))]
        first = first_conjunct(verb)  # "planes have been strafing and bombing": its subject
        if first is not verb and verb.lemma_ != "be" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verbs.append(first)
    doers = []
    if verb is not None and verb.dep_ in ("xcomp", "advcl") and is_infinitive(verb):
        # "the air force used 15 aircraft to bomb civilians": the subject of "used" and,
        # of a verb of using, its object
        verbs.append(verb.head)
        if verb.head.lemma_.lower() in ctx.lexicon.context_typing.instrument_verbs:
            doers += [c for c in verb.head.children if c.dep_ in ("dobj", "obj")]
    if verb is not None and verb.dep_ == "advcl" and verb.tag_ == "VBG" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verbs.append(verb.head)  # "a gunship hovered over the islands, raining fire on canoes"
    idle = set(ctx.lexicon.context_typing.non_striking_verbs)
    # ("DETECTED BY PLANES"; nor a copula: "the blast ... was due to a rocket bomb" says what
    # the blast was)
    verbs = [v for v in verbs if v.lemma_.lower() not in idle and v.lemma_ != "be"]
    doers += [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
    # a relative clause's "that" stands for the noun it describes: "THE BULLETS THAT HIT HIM"
    doers += [v.head for v in verbs if v.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in v.children)]
    # (and the event word's own "by", which the parser may not call an agent: "the effects
    # of shelling Saturday by a U.S. drone on Raqqa")
    own = [trigger.root] if trigger.root.lemma_.lower() not in idle \
        and trigger.root.pos_ == "VERB" else []  # (a noun's "by" is often another's: "FLIGHTS
    # NEAR THE SCENE OF THE MASSACRE BY U.S. AIR FORCE CHINOOK HELICOPTERS")
    doers += [g for v in [*verbs, *own] for c in v.children
              if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("from", "by"))
              for g in c.children if g.dep_ == "pobj"]
    # "ONE OF THE BULLETS HIT MAKEIL", "some of the jets": the part's whole
    doers += [whole for doer in doers for whole in _part_of(doer)]
    for doer in doers:
        if trigger.start <= doer.i < trigger.end:
            continue  # inside a toll it is the victim: "6 ISIS Bombers Killed" (a headline)
        # the doer's word, its lemma, and it with the compound before it ("air force")
        before = doer.i - 1
        words = {doer.lower_, doer.lemma_.lower()}
        if before >= 0 and doer.doc[before].dep_ == "compound" and doer.doc[before].head == doer:
            words.add(f"{doer.doc[before].lower_} {doer.lower_}")
        for rule in rules:
            if words & set(rule.agents):
                return rule.becomes
    if not doers and trigger.root.pos_ == "VERB":
        patients = {c.lower_ for c in trigger.root.children if c.dep_ in ("dobj", "nsubjpass")}
        for rule in rules:
            if patients & set(rule.patients):
                return rule.becomes  # "HE WAS HIT FIVE TIMES": shot
    return sub


def struck_on_the_ground(sub: str, trigger: Span, actors: list[ActorMention],
                         ctx: Context) -> str:
    """The verb "strike" whose doer is a non-state armed group ("THE INSURGENTS ... STRUCK A
    POWERFUL NEW BLOW", "THE FMLN HAD TO ... STRIKE AT THE SMALL FORCES") is an attack, not an
    air strike: such a group has no air force (``context_typing.ground_strikes``; a drone or
    plane it uses is the verb's subject, which ``means_by_agent`` reads after this)."""
    rule = ctx.lexicon.context_typing.ground_strikes
    if rule is None or sub != rule.sub_event_type or trigger.root.pos_ != "VERB" \
            or trigger.text.lower() not in rule.words:
        return sub
    subject = _subject_of_verb(trigger.root)
    if subject is not None and any(
            m.span.start <= subject.i < m.span.end and m.entry.inter in NON_STATE_ARMED_INTER
            for m in actors):
        return rule.becomes
    return sub


def _subject_of_verb(verb: Token) -> Token | None:
    """The subject of ``verb``: its own, the first conjunct's ("REGROUPED THEIR FORCES ... AND
    STRUCK"), or the subject of the verb a "to" infinitive completes ("HAD TO CHANGE ITS
    STRATEGY TO STRIKE AT"). (A relative pronoun is no doer: "a truck bombing that struck".)"""
    for _step in range(4):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if verb.dep_ == "acl" and is_infinitive(verb) and verb.head.dep_ in ("dobj", "obj"):
            verb = verb.head.head  # "CHANGE ITS STRATEGY TO STRIKE AT": who changes it
            continue
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head == verb:
            return None
        verb = verb.head
    return None


def needs_crowd(sub: str, trigger: Span, index: int, mentions: Mentions, ctx: Context) -> str:
    """Arson or vandalism is a violent demonstration only where its sentence or the one
    before names a crowd (``context_typing.needs_crowd``)."""
    for rule in ctx.lexicon.context_typing.needs_crowd:
        if sub != rule.sub_event_type or trigger.text.lower() not in rule.words:
            continue
        first = max(0, index - 1)
        words = {t.lower_ for sentence in mentions.sentences[first:index + 1] for t in sentence}
        if not words & set(rule.crowd):
            return rule.otherwise
    return sub


def work_stoppage(sub: str, trigger: Span, ctx: Context) -> str | None:
    """A bare "strike" whose phrase, or the subject of the verb it is the object of, names who
    stops work or why is a stoppage ("THE STRIKE BY JUDICIAL BRANCH EMPLOYEES", "workers
    staged a strike"), not an air strike (``context_typing.work_stoppage``); "the strike"
    after a stoppage or a shutdown a group ordered is that one again: None, no event."""
    rule = ctx.lexicon.context_typing.work_stoppage
    if rule is None or sub != rule.sub_event_type or trigger.text.lower() not in rule.words:
        return sub
    root = trigger.root
    if _names_striker(root, rule.signals):
        return rule.becomes
    if any(c.dep_ in ("amod", "compound") and c.lower_ in rule.shutdowns for c in root.children):
        return None  # an "armed strike" the not_triggers missed (tokens glued to quotes)
    determiners = set(ctx.lexicon.context_typing.anaphora_determiners)
    definite = _has_determiner(root, determiners)
    # (or a bare one right after it, saying what it is: "THREE 'ARMED STRIKES' -- STRIKES
    # ENFORCED BY DEATH THREATS")
    if any(token.lower_ in rule.words and (definite or trigger.start - token.i <= 4) and (
            _names_striker(token, rule.signals) or any(
                c.dep_ in ("amod", "compound") and c.lower_ in rule.shutdowns
                for c in token.children))
           for token in trigger.doc[:trigger.start]):
        return None  # "THE 72-HOUR 'ARMED STRIKE' ... PARALYZED DURING THE STRIKE"
    return sub


def _names_striker(root: Token, signals: tuple[str, ...]) -> bool:
    """Whether the phrase of the strike word ``root`` names who stops work or why."""
    # who strikes or why: its modifiers ("the teachers' strike", "a general strike"), its "by"
    # or "of" phrase, a clause about it ("a strike to demand higher pay"), not what it hits
    # ("strikes on the bus", "the aftermath of the strikes with civil defence workers")
    words = [root, *(t for c in root.children
                     if c.dep_ in ("compound", "amod", "poss", "nmod", "acl", "relcl")
                     or (c.dep_ == "prep" and c.lower_ in ("by", "of"))
                     for t in c.subtree)]
    if root.dep_ in ("dobj", "obj") or (root.dep_ == "pobj" and root.head.head != root.head):
        verb = root.head if root.dep_ != "pobj" else root.head.head
        doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not doers and verb.dep_ == "xcomp":
            # "ASKED THE SALVADORAN WORKERS TO STAGE A STRIKE": who is asked, else who asks
            doers = [c for c in verb.head.children if c.dep_ in ("dobj", "obj")] or [
                c for c in verb.head.children if c.dep_ == "nsubj"]
        # (the doer's own phrase, not a clause on it: "the 10 civilians killed in strikes on
        # the bus ... 21 others died in intense strikes" names no striker)
        words += [t for c in doers for t in _phrase_words(c)]
    if root.dep_ == "appos":
        words.append(root.head)  # "AN 'ARMED STOPPAGE,' THAT IS, A STRIKE UNDER THE THREAT"
    wanted = set(signals)
    return any(t.lower_ in wanted or t.lemma_.lower() in wanted for t in words)


def _phrase_words(head: Token) -> list[Token]:
    """The words of a noun's phrase without the clauses hung on it (participles, relative
    clauses): "WORKERS OF THE STATE TELEPHONE COMPANY", not "... civilians killed in ..."."""
    return [head, *(t for c in head.children if c.dep_ not in ("acl", "relcl", "advcl")
                    for t in c.subtree)]


def _has_determiner(root: Token, determiners: set[str]) -> bool:
    """"the attack", "these strikes": the word refers back (``anaphora_determiners``)."""
    return any(c.dep_ == "det" and c.lower_ in determiners for c in root.children)


def vague(entry: TriggerEntry, trigger: Span, determiners: set[str]) -> bool:
    """A toll with no event word (no phrases), or a generic attack word read anaphorically
    ("the attack") with no actor of its own: it names no means."""
    if not entry.generic or entry.sub_event_type not in ("Armed clash", "Attack"):
        return False
    if not entry.phrases:
        return True
    root = trigger.root
    has_det = _has_determiner(root, determiners)
    # "the Israeli attack" has an author; "the suspected attack" has none.
    has_actor = any(c.dep_ in ("poss", "compound", "nsubj")
                    or (c.dep_ == "amod" and c.text[:1].isupper()) for c in root.children)
    return has_det and not has_actor


def type_from_context(candidates: list[Candidate], mentions: Mentions,
                      ctx: Context) -> list[Candidate]:
    """Give a vague candidate the means of the nearest specific event of the article: the
    toll of the air strikes reported two sentences earlier is the air strikes' toll. Words
    that say something was bombed but not how ("bombs hit the market", "the bombardment")
    take the means of the nearest air strike or shelling the same way."""
    rule = ctx.lexicon.context_typing
    determiners = set(rule.anaphora_determiners)
    # (an air-raid word a ground group is the subject of is a planted bomb, retyped once its
    # actor is read: "THE SHINING PATH BOMBED A BUS" lends no air strike to "THE ATTACKS")
    specific = [c for c in candidates if not c.vague and not c.open_means
                and not _bombed_by_ground_group(c, mentions, ctx)]
    # Open-means words first: one that found no air strike or shelling to take its means from
    # keeps its planted bomb, and lends it ("the terrorist bombings in Istanbul ... the
    # victims in the cowardly terrorist attack": one bombing).
    ordered = [c for c in candidates if c.open_means and not c.vague] + \
        [c for c in candidates if c.vague]
    for candidate in ordered:
        if candidate.vague:
            types = rule.donor_types
            bombs = _bombings_before(candidate, candidates, ctx)
        else:
            types = rule.open_means.donor_types
            bombs = []
        donors = [c for c in specific if c.sub_event_type in types]
        hand = _named_hand(candidate, mentions)
        if hand is not None:
            # "ISIL has killed 70 members of the tribe" is no toll of "the Coalition has
            # launched 8,000 strikes" two sentences on: another hand's means
            donors = [c for c in donors if _named_hand(c, mentions) in (None, hand)
                      and can_initiate(hand.inter, c.sub_event_type, ctx)]
        donor = _nearest_donor(candidate, donors, mentions, rule.window)
        if donor is None and candidate.vague and \
                _has_determiner(candidate.trigger.root, determiners):
            # "the attack" far below the lead is the lead's attack (inverted pyramid): the
            # article's first specific event before it, at a compatible place
            donor = next((c for c in donors if c.trigger.start_char < candidate.trigger.start_char
                          and _compatible_places(candidate.place, c.place)), None)
        if donor is None:
            donor = _nearest_donor(candidate, bombs, mentions, rule.window)  # a bombing last
        if donor is not None:
            candidate.sub_event_type = donor.sub_event_type
            candidate.borrowed = True
    return candidates


def _bombings_before(candidate: Candidate, candidates: list[Candidate],
                     ctx: Context) -> list[Candidate]:
    """Bombings told before an attack word that points back ("the attack"), which found no
    air strike or shelling to take their means from: planted bombs it may be one of. Only
    for such a word (a toll, or "attacks" with no determiner, may be a strike's, whatever
    bombing was told before), and only nouns ("the terrorist bombings"; a verb may be an air
    force's: "ACCUSED ... OF INDISCRIMINATELY BOMBING POOR NEIGHBORHOODS")."""
    rule = ctx.lexicon.context_typing
    if candidate.trigger.text.lower() not in rule.open_attack.words or not _has_determiner(
            candidate.trigger.root, set(rule.anaphora_determiners)):
        return []
    return [c for c in candidates if c.open_means and not c.vague and not c.borrowed
            and c.trigger.root.pos_ == "NOUN"
            and c.trigger.start_char < candidate.trigger.start_char
            and c.sub_event_type in rule.donor_types
            and c.sub_event_type not in rule.open_means.donor_types]


def _named_hand(candidate: Candidate, mentions: Mentions) -> ActorEntry | None:
    """The armed actor the parse makes the doer of the candidate's word: its subject, or the
    subject of the verb that acts through it ("ISIL has killed", "the Coalition has launched
    strikes"), else None."""
    root = candidate.trigger.root
    return next((m.entry for m in mentions.actors if m.entry.inter in FIGHTING_INTER and (
        subject_of(m.span.root, root) or acts_through(m.span.root, root))), None)


def _bombed_by_ground_group(candidate: Candidate, mentions: Mentions, ctx: Context) -> bool:
    """The air-raid word's subject is an armed group that flies no aircraft: what
    :func:`ground_bombing` will retype as a planted bomb, so no donor of air strikes."""
    return any(_planted_by(candidate, m.entry.inter, ctx)
               and subject_of(m.span.root, candidate.trigger.root) for m in mentions.actors)


def _nearest_donor(candidate: Candidate, donors: list[Candidate], mentions: Mentions,
                   window: int) -> Candidate | None:
    """The donor nearest ``candidate`` within ``window`` sentences (an earlier one first on a
    tie), at the same place or where either names none."""
    at = mentions.sentence_of(candidate.trigger.start_char)
    near = []
    for donor in donors:
        distance = mentions.sentence_of(donor.trigger.start_char) - at
        if abs(distance) <= window and _compatible_places(candidate.place, donor.place):
            near.append(((donor.generic, abs(distance), distance > 0), donor))
    return min(near, key=lambda pair: pair[0])[1] if near else None


def _compatible_places(one: PlaceMention | None, other: PlaceMention | None) -> bool:
    """Places that may be one event's: the same, either unnamed, or a country or province and a
    place in it ("US air strikes killed 50 in northern Syria ... the attacks west of Aleppo";
    "a car bomb in Inkhil ... the attack in Daraa province")."""
    if one is None or other is None or one.location.name == other.location.name:
        return True
    pair = (one.location, other.location)
    return any((place.feature == "country" and place.iso3 is not None
                and place.iso3 == rest.iso3)
               or (place.feature == "admin1" and place.admin1 is not None
                   and place.admin1 == rest.admin1 and place.iso3 == rest.iso3)
               for place, rest in (pair, pair[::-1]))


def attack_means_from_context(built: list[tuple[Candidate, Event]], mentions: Mentions,
                              ctx: Context) -> list[Event]:
    """An attack word that names no means ("terrorist attacks on Aleppo", "Militants attack
    Idlib") reports the means of the nearest specific event of the article by the same hand:
    SANA's "terrorist attacks on Aleppo ... terrorists fired rocket shells on residential
    areas" is one shelling, as an ACLED coder would code it. Same window and place rule as
    ``context_typing``; the two initiators must not differ (either may be unnamed, or only an
    unidentified group: then the attack takes the donor's named hand)."""
    rule = ctx.lexicon.context_typing
    words = set(rule.open_attack.words)
    # A generic blast or strike word names its means too ("a blast hit their bus", "a bomb
    # attack"); _nearest_donor prefers a specific word. Only a vague toll lends none.
    # ("targeted", "hit" name no weapon: their default type is no means to lend)
    weaponless = set(rule.open_means.weaponless)
    donors = [(c, e) for c, e in built if not c.vague
              and e.sub_event_type in rule.open_attack.donor_types
              and (c.borrowed or c.trigger.text.lower() not in weaponless
                   or _with_a_weapon(c.trigger.root, ctx.lexicon.weapon_nouns))]
    events = []
    for candidate, event in built:
        # (one its own agent already typed keeps its means: "THE AIR FORCE ... RESUMED ITS
        # ATTACKS" are air strikes whatever explosions are heard later)
        if candidate.generic and not candidate.vague and candidate.trigger.text.lower() in words \
                and event.sub_event_type not in rule.open_attack.donor_types:
            # (never a means its own initiator cannot use: FMLN fighters fly no helicopter)
            by_same_hand = [(c, donor) for c, donor in donors
                            if c is not candidate and _same_hand(event.actor1, donor.actor1, ctx)
                            and (event.actor1 is None
                                 or can_initiate(event.actor1.inter, donor.sub_event_type, ctx))]
            donor = _nearest_donor(candidate, [c for c, _e in by_same_hand], mentions,
                                   rule.window)
            if donor is not None:
                # ACLED's "an Attack targets civilians" no longer holds once it is a strike:
                # only civilians the text names stay its target.
                inferred = event.actor2 is not None and event.actor2.text is None \
                    and event.sub_event_type == "Attack"
                update: dict[str, object] = {"actor2": None} if inferred else {}
                # One incident, one hand: "terrorist attacks" is al-Nusra's shelling
                donor_event = next(e for c, e in by_same_hand if c is donor)
                update["actor1"] = named_first(event.actor1, donor_event.actor1, ctx)
                # (the donor's event's type: an earlier pass may have retyped it)
                event = _retyped(event, donor_event.sub_event_type, ctx, **update)
        events.append(event)
    return events


def _with_a_weapon(word: Token, weapons: frozenset[str]) -> bool:
    """"targeted the neighbourhoods with a number of explosive ammunition": the weapon the
    word itself is done with."""
    return any(c.dep_ == "prep" and c.lower_ == "with"
               and any(is_weapon_word(t, weapons) for t in c.subtree) for c in word.children)


def delivery_from_context(built: list[tuple[Candidate, Event]], mentions: Mentions,
                          ctx: Context) -> list[tuple[Candidate, Event]]:
    """A definite strike or shelling that refers back to a chemical attack by the same hand is
    how the attack was delivered ("rockets with poisonous gas heads ... hundreds were killed
    or injured in the shelling"): one Chemical weapon event (``context_typing.delivery``).
    What it refers back to is the last strike, shelling or chemical attack told before it
    (``_antecedent``): "the strike" after another strike, the US cruise missiles fired in
    reply, is that strike. A place the strike's own sentence does not name is no evidence of
    another place."""
    rule = ctx.lexicon.context_typing
    determiners = set(rule.anaphora_determiners)
    retyped = []
    for candidate, event in built:
        types = {d.becomes for d in rule.delivery if event.sub_event_type in d.types}
        if types and not candidate.vague and not candidate.open_means \
                and _has_determiner(candidate.trigger.root, determiners):
            kinds = types | {d_type for d in rule.delivery if d.becomes in types
                             for d_type in d.types}
            antecedent = _antecedent(candidate, [(c, e) for c, e in built
                                                 if e.sub_event_type in kinds],
                                     mentions, rule.window)
            if antecedent is not None and antecedent[1].sub_event_type in types \
                    and _same_hand(event.actor1, antecedent[1].actor1, ctx) \
                    and (candidate.place_inherited
                         or _compatible_places(candidate.place, antecedent[0].place)):
                event = _retyped(event, antecedent[1].sub_event_type, ctx)
        retyped.append((candidate, event))
    return retyped


def means_from_afar(built: list[tuple[Candidate, Event]],
                    ctx: Context) -> list[tuple[Candidate, Event]]:
    """An attack word that names no means, by an actor that fights only from afar in the
    event's country ("an Israeli attack on a training camp near the Golan", "the coalition
    attacks on Manbij"), is that actor's means there (``actors.yaml strikes_from_afar``): an
    air strike, not a clash with the camp's fighters."""
    rule = ctx.lexicon.context_typing
    words = {*rule.open_attack.words, *rule.open_means.words}
    retyped = []
    for candidate, event in built:
        means = ctx.lexicon.distant_means.get(event.actor1.name if event.actor1 else "", {})
        country = event.location.iso3 if event.location else None
        if candidate.generic and candidate.trigger.text.lower() in words \
                and event.sub_event_type in rule.from_afar_retypes and country in means:
            event = _retyped(event, means[country], ctx)
        retyped.append((candidate, event))
    return retyped


def _antecedent(candidate: Candidate, built: list[tuple[Candidate, Event]], mentions: Mentions,
                window: int) -> tuple[Candidate, Event] | None:
    """What a definite event word refers back to: the last of ``built`` told before it, within
    ``window`` sentences, that is not itself a bare toll or an anaphoric attack word."""
    at = mentions.sentence_of(candidate.trigger.start_char)
    before = [(c, e) for c, e in built if not c.vague
              and c.trigger.start_char < candidate.trigger.start_char
              and at - mentions.sentence_of(c.trigger.start_char) <= window]
    return max(before, key=lambda pair: pair[0].trigger.start_char) if before else None


def _same_hand(one: Actor | None, other: Actor | None, ctx: Context) -> bool:
    """Two initiators that may be one: the same, or either unnamed or only an unidentified
    group ("Nusra attacks kill 12 ... shelling by militants killed 11")."""
    if one is None or other is None or one.name == other.name:
        return True
    return ctx.lexicon.is_unidentified(one.name) or ctx.lexicon.is_unidentified(other.name)


def _retyped(event: Event, sub_event_type: str, ctx: Context, **extra: object) -> Event:
    """``event`` as ``sub_event_type``, with its event and disorder types and notes to match."""
    retyped = event.model_copy(update={
        "sub_event_type": sub_event_type, "event_type": event_type_of(sub_event_type, ctx),
        "disorder_type": disorder_of(sub_event_type, ctx), **extra})
    return retyped.model_copy(update={"notes": event_notes(retyped)})


EXCESSIVE_FORCE = "Excessive force against protesters"
PROPERTY_DESTRUCTION = "Looting/property destruction"
REMOTE_VIOLENCE = "Explosions/Remote violence"
PROTESTS = "Protests"
RIOTS = "Riots"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTEST_WITH_INTERVENTION = "Protest with intervention"
MOB_VIOLENCE = "Mob violence"


def protest_escalation(index: int, mentions: Mentions, ctx: Context,
                       within: Span | None = None,
                       apart: tuple[Span, ...] = ()) -> str | None:
    """The stronger protest type the sentence (or the next one) reports, if any; only from
    the words of ``within`` when given (a protest told in a clause of time), never from those
    of ``apart`` (clauses of another day's happening: "A day after police clashed with
    students, teachers staged a silent march"). What a verb of reacting acts on is another,
    earlier event ("rallied to mourn dozens of demonstrators killed last month in a raid": a
    peaceful protest), so its words do not count."""
    sentences = [within] if within is not None else mentions.sentences[index:index + 2]
    reacting = set(ctx.lexicon.reaction_lemmas)
    mourned = {t.i for sentence in sentences for verb in sentence
               if verb.lemma_.lower() in reacting and verb.pos_ == "VERB"
               for child in verb.children if child.dep_ in ("dobj", "obj")
               for t in child.subtree}
    # (a participle that describes a noun is no act here: "demanding the release of detained
    # opposition figure Halvorsen")
    described = {t.i for sentence in sentences for t in sentence
                 if t.dep_ == "amod" and t.tag_ == "VBN"}
    elsewhere = {t.i for clause in apart for t in clause}
    return escalated_to((t.text for sentence in sentences for t in sentence
                         if t.i not in mourned and t.i not in described and t.i not in elsewhere),
                        ctx.lexicon.protest_escalation)


def learned_typing(events: list[Event], ctx: Context, warnings: list[str]) -> list[Event]:
    """Let the classifier re-type (or drop) the events of a sentence that holds one event
    type, where it is confident (``resources/learned/typing.yaml``); one encoder pass."""
    typer = ctx.typer
    if typer is None or not events:
        return events
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for position, event in enumerate(events):
        by_sentence.setdefault(event.evidence.char_span, []).append(position)
    groups = [group for group in by_sentence.values()
              if len({events[i].sub_event_type for i in group}) == 1]
    verdicts = typer.judge([events[g[0]].evidence.text for g in groups],
                           [events[g[0]].sub_event_type for g in groups])
    result: list[Event | None] = list(events)
    for group, verdict in zip(groups, verdicts, strict=True):
        rule = events[group[0]].sub_event_type
        if verdict.label == rule or verdict.probability < typer.settings.threshold:
            continue
        if verdict.label == NO_EVENT:
            if typer.settings.drop_when_no_event and \
                    verdict.probability >= typer.settings.drop_threshold:
                warnings.append(f"classifier: {rule} event dropped, the sentence reads as no "
                                f"ACLED event (p={verdict.probability:.2f}): "
                                f"{events[group[0]].evidence.text[:80]!r}")
                for i in group:
                    result[i] = None
            continue
        for i in group:
            result[i] = _retyped(events[i], verdict.label, ctx, typed_by="classifier")
    return [e for e in result if e is not None]


def event_type_of(sub_event_type: str, ctx: Context) -> str:
    if sub_event_type == TERRITORY_GAIN:
        return "Battles"
    return ctx.lexicon.sub_event(sub_event_type)[0].name


def disorder_of(sub_event_type: str, ctx: Context) -> str:
    return ctx.lexicon.sub_event(sub_event_type)[0].disorder_type


def resolve_sub_type(sub: str, trigger: Span, actors: list[ActorMention],
                     ctx: Context) -> str | None:
    """Apply the object rules ("seized weapons" is not a territory gain; "seized documents"
    is no event: None), then decide a territory gain by who gains: a state's forces or a
    non-state actor."""
    cues = ctx.lexicon.role_words.association
    # ("seized from the terrorists": the side that lost it, not the taker)
    taker = actor_roles(trigger, actors, ctx.lexicon.role_words,
                        taken_from=sub == TERRITORY_GAIN
                        or sub in ctx.lexicon.initiators.taken_from)[0]
    state = taker is not None and taker.entry.state_of is not None
    if taker is None and sub == TERRITORY_GAIN:
        # "wrested back the district headquarters from the insurgents": no taker named, but
        # ground taken from a non-state armed group is the state's to retake
        state = any(m.entry.state_of is None and m.entry.inter in NON_STATE_ARMED_INTER
                    and is_taken_from(phrase_head(m.span.root), trigger.root) for m in actors) \
            or trigger.root.lemma_.lower() in ctx.lexicon.initiators.unnamed_state_gains \
            or trigger.text.lower() in ctx.lexicon.initiators.unnamed_state_gains \
            or _raises_a_states_flag(trigger, ctx)
    if taker is not None and not state:
        # "Hezbollah fighters alongside regime forces recaptured ...": the state's side gains
        head = phrase_head(taker.span.root)
        state = any(m.entry.state_of is not None and associated_with_other(
            phrase_head(m.span.root), {head.i}, cues) for m in actors)
    rules = [rule for rule in ctx.lexicon.object_rules if rule.trigger_type == sub]
    objects = _object_words(trigger, lambda head: _persons_name(head, ctx)) if rules else set()
    if rules and trigger.text.lower() in ctx.lexicon.initiators.control_phrases:
        # "fell into the hands of the TPLF fighters": the "of" object is the taker; what was
        # taken is the subject ("Kombolcha and Dessie", "the pilot")
        taken = [c for c in trigger.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        objects = _words_of([*taken, *(c for t in taken for c in t.conjuncts)],
                            lambda head: _persons_name(head, ctx))
    for rule in rules:
        if (rule.triggers and trigger.text.lower() not in rule.triggers) or \
                trigger.text.lower() in rule.unless_triggers:
            continue
        if rule.subjects:
            doers = _words_of(_doers(trigger), lambda _head: False)
            if doers and doers <= set(rule.subjects):
                return rule.becomes
            continue
        if objects & set(rule.objects) and not objects & set(rule.unless_objects):
            return rule.if_state if state and rule.if_state else rule.becomes
    if sub != TERRITORY_GAIN:
        return sub
    return "Government regains territory" if state else "Non-state actor overtakes territory"


def _raises_a_states_flag(trigger: Span, ctx: Context) -> bool:
    """The ground is marked with a state's flag ("Iraqi flags were raised again over the
    municipal building", "the national flag was hoisted"): the state's gain, no taker named
    (``initiators.state_flag_words`` and nationality words)."""
    marks = ctx.lexicon.initiators.state_flag_words | ctx.gazetteer.settings.demonym_words
    return any(
        flag.lemma_.lower() == "flag" and any(
            c.dep_ in ("amod", "compound", "nmod") and c.lower_ in marks for c in flag.children)
        for flag in trigger.root.children if flag.dep_ in ("dobj", "nsubjpass"))


def _object_words(trigger: Span, is_person: Callable[[Token], bool] = lambda _t: False
                  ) -> set[str]:
    """Lower-cased heads of what the trigger acts on (object, passive subject, 'of' object),
    as written and as lemmas;
    "person" for a person's name among them (``is_person``: "ROBERTO MENA WAS CAPTURED",
    "the seizure of Virgilio Ortiz")."""
    heads = []
    for token in trigger:
        for child in token.children:
            if child.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and child.i >= trigger.start - 3:
                heads += [child, *child.conjuncts]
        if token.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in token.children):
            # "CAPTURED AND BLINDFOLDED 10 UNIVERSITY GUARDS": the verbs share the object
            heads += [c for verb in token.children if verb.dep_ == "conj" and verb.pos_ == "VERB"
                      and verb.i > token.i for c in verb.children if c.dep_ == "dobj"]
        if token.dep_ in ("amod", "acl") and token.head.pos_ == "NOUN" and not any(
                c.dep_ == "mark" for c in token.head.children):
            heads.append(token.head)  # "the seized weapons", "prisoners of war captured"
            # (not a clause's subject the parser hung the verb on: "a hill that Al-Nusra
            # Front jihadist rebels seized")
    if trigger.root.dep_ == "auxpass" or trigger.root.tag_ == "VBN":
        heads += [c for c in trigger.root.children if c.dep_ == "nsubjpass"]
        heads += _subject_of_the_clause(trigger.root)
    if trigger.root.dep_ == "relcl" and any(h.tag_ == "WDT" for h in heads):
        heads.append(trigger.root.head)  # "documents that were seized": the documents
    heads += [word for head in heads for word in _renamed_as(head)]
    heads += [word for head in heads for word in _part_of(head)]  # "ONE OF THE TERRORISTS"
    return _words_of(heads, is_person)


def _doers(trigger: Span) -> list[Token]:
    """The subjects of the trigger's words, with their conjuncts ("fighters and their
    families began leaving": both)."""
    subjects = [c for token in trigger for c in token.children if c.dep_ == "nsubj"]
    return [word for subject in subjects for word in (subject, *subject.conjuncts)]


def _words_of(heads: list[Token], is_person: Callable[[Token], bool]) -> set[str]:
    """The heads as written and as lemmas, lower-cased, and "person" for a person's name."""
    words = {head.lower_ for head in heads} | {head.lemma_.lower() for head in heads}
    if any(is_person(head) for head in heads):
        words.add("person")
    return words


def _subject_of_the_clause(participle: Token) -> list[Token]:
    """A passive participle with no subject of its own in a phrase before the main clause is
    about that clause's subject: "After being captured in Fialaka, he was transferred",
    "Despite being captured by American forces, Qanbar was later decorated" (people taken,
    no ground)."""
    if any(c.dep_ == "nsubjpass" for c in participle.children) or not any(
            c.dep_ == "auxpass" for c in participle.children):
        return []
    clause = participle
    while clause.dep_ in ("pcomp", "advcl", "prep") and clause.head != clause:
        clause = clause.head
    if clause is participle or clause.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def _renamed_as(head: Token) -> list[Token]:
    """What an apposition says the word is, two appositions deep, with the "of" complement of
    a number ("VICTOR POLAY CAMPOS, ALIAS COMRADE ROLANDO, ONE OF THE TOP LEADERS OF THE
    MRTA, HAS BEEN CAPTURED": leaders; "captured Abu Ahmed, a senior commander": commander)."""
    found: list[Token] = []
    frontier = [head]
    for _ in range(2):
        frontier = [c for word in frontier for c in word.children if c.dep_ == "appos"]
        for word in frontier:
            found.append(word)
            found += _part_of(word)
    return found


def _part_of(word: Token) -> list[Token]:
    """The whole a number or "one", "some", "several" is part of ("ONE OF THE TERRORISTS",
    "two of the gunmen"), and what an amount or a weight is of ("LARGE AMOUNTS OF WAR
    MATERIEL", "ONE TON OF COCAINE")."""
    table = load_quantifiers()  # (part_words, amount_nouns)
    if not (word.pos_ == "NUM" or word.lower_ in table.part_words
            or word.lemma_.lower() in table.amount_nouns):
        return []
    return [g for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


def _persons_name(head: Token, ctx: Context) -> bool:
    """A proper name that begins with a given name or surname (the gazetteer's ``name_words``)
    and is no place the gazetteer knows: a person ("Roberto Mena"; not "Hasan Kalesi", a
    town; not "the Omar oil field", whose head is no name); or a nationality's plural
    ("Colombians", "Syrians")."""
    if head.lower_.endswith("s") and head.lower_[:-1] in ctx.gazetteer.settings.demonym_words:
        return True  # "THE NUMBER OF COLOMBIANS THAT HAVE BEEN SEIZED": people of a nation
    if head.pos_ != "PROPN":
        return False
    words = proper_name_words(head)
    phrase = " ".join(t.text for t in words)
    return words[0].lower_ in ctx.gazetteer.settings.name_words \
        and not ctx.gazetteer.candidates(phrase)


def state_bombing(sub_event_type: str, candidate: Candidate, actor1: Actor | None,
                  ctx: Context) -> str:
    """A generic "bombing" by a state's or a foreign force is an air raid (``state_bombing``
    in triggers.yaml); anything else keeps ``sub_event_type``."""
    rule = ctx.lexicon.initiators.state_bombing
    if rule.becomes and candidate.generic and actor1 is not None and actor1.inter in rule.inter \
            and candidate.trigger.text.lower() in rule.words:
        return rule.becomes
    return sub_event_type


def police_search(candidate: Candidate, actor1: ActorMention, hurt: bool,
                  rules: Initiators) -> bool:
    """A generic raid word done by law enforcement with nobody killed or hurt in its sentence
    (``police_raids`` in triggers.yaml) is a search, no event of its own: "the raids carried
    out by the police" (a deadly police raid stays a clash)."""
    return actor1.entry.law_enforcement and candidate.generic and not hurt \
        and candidate.trigger.text.lower() in rules.police_raids


def ground_bombing(candidate: Candidate, actor1: Actor | None, ctx: Context, *,
                   subject: bool = False, direct: bool = False) -> Candidate:
    """An air-raid word whose ``subject`` (actor1 named as the verb's subject) flies no
    aircraft is a planted bomb (``ground_bombing`` in triggers.yaml): "Rebels bombed a police
    station"; an aircraft or a state keeps the air strike. Its "raids", named as their author
    in any way (``direct``), went in on the ground (``ground_raids``)."""
    initiators = ctx.lexicon.initiators
    for rule, named in ((initiators.ground_bombing, subject), (initiators.ground_raids, direct)):
        if named and actor1 is not None and rule.becomes \
                and _planted_by(candidate, actor1.inter, ctx, rule):
            return replace(candidate, sub_event_type=rule.becomes)
    return candidate


def bombed_by_unnamed(candidate: Candidate, ctx: Context) -> Candidate:
    """An air-raid verb ("bombed", ``ground_bombing.words``) whose subject no actor names is a
    planted bomb when that subject is an organisation's name or a noun of people
    (``ground_bombing.unnamed_doers``): "THE PATRIOTIC LIBERATION FRONT BOMBED THREE IMPORTANT
    PUBLIC BUILDINGS IN LIMA", "UNIDENTIFIED INDIVIDUALS BOMBED A BANK". Only aircraft, states
    and armies bomb from the air, and those are actors or air agents."""
    rule = ctx.lexicon.initiators.ground_bombing
    verb = candidate.trigger.root
    if not rule.becomes or candidate.sub_event_type != AIR_STRIKE or verb.pos_ != "VERB" \
            or verb.lower_ not in rule.words:
        return candidate
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(s.ent_type_ == "ORG" and not any(t.like_num for t in s.doc[s.left_edge.i:s.i + 1])
           or s.lemma_.lower() in rule.unnamed_doers for s in subjects):
        return replace(candidate, sub_event_type=rule.becomes)
    return candidate


def _planted_by(candidate: Candidate, inter: int, ctx: Context,
                rule: StateBombing | None = None) -> bool:
    """An air-raid word (``ground_bombing.words``, or those of ``rule``) of an air strike whose
    doer, of inter code ``inter``, flies no aircraft (``allowed_inter``) and is no civilian: a
    planted bomb."""
    rule = rule or ctx.lexicon.initiators.ground_bombing
    return bool(rule.becomes) and candidate.sub_event_type == AIR_STRIKE \
        and not can_initiate(inter, AIR_STRIKE, ctx) and inter != 7 \
        and candidate.trigger.text.lower() in rule.words


def attacked_nouns(root: Token, military: frozenset[str] = frozenset(),
                   hitting: frozenset[str] = frozenset(),
                   aimed: frozenset[str] = frozenset()) -> set[str]:
    """What an attack word is aimed at: its object, or the noun after "on" / "at" /
    "against" ("opened fire on a bus", "attacked a village", "an attack on a mosque"), or the
    object of a ``hitting`` verb it is the subject of ("the attack targeted a market"), or
    what was "the target of" it ("a Mercedes was the target of the attack"); a noun a
    ``military`` word modifies is left out ("an attack on a training camp"). After an object
    that is not one of ``aimed`` ("fire"), or a passive's subject, "at" says where, not what
    was hit."""
    targets = [c for c in root.children if c.dep_ in ("dobj", "obj")]
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in hitting:
        targets += [c for c in root.head.children if c.dep_ in ("dobj", "obj")]
    target = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if target is not None and target.lemma_.lower() == "target" and target.dep_ == "attr":
        # "a Mercedes 4WD was the target of the early morning attack"
        targets += [c for c in target.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # ("at" after an object is where: "ATTACKED A GROUP OF PARATROOPERS AT THE INSA FACTORY";
    # "opened fire at a bus" aims it)
    # (nor after a passive's subject, what was attacked: "GENERAL LEIGH WAS ATTACKED AT HIS
    # OFFICE")
    at_aims = not any(c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() not in aimed
                      for c in root.children)
    for prep in (c for c in root.children if c.dep_ == "prep"
                 and (c.lower_ in ("on", "against", "upon") or (c.lower_ == "at" and at_aims))):
        targets += [c for c in prep.children if c.dep_ == "pobj"]
    # (who is in it: "on a group of gold miners", "on dozens of villagers")
    targets += [o for t in list(targets) for p in t.children
                if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return {t.lower_ for t in targets if not any(
        c.dep_ in ("amod", "compound") and c.lower_ in military for c in t.children)}


@cache
def _civilian_words() -> frozenset[str]:
    """The victim words a casualty count calls civilians (casualty_terms.yaml), read once,
    with their regular plurals: the targets are read as written ("opened fire on gold
    miners")."""
    words = load_casualty_terms().victims.get("civilians", ())
    return frozenset([*words, *(f"{w}s" for w in words), *(f"{w}es" for w in words)])


def against_civilians(candidate: Candidate, actor2: Actor | None,
                      fatalities: Casualties | None, rules: Initiators, *,
                      unharmed: bool = False) -> str:
    """A generic attack ("gunmen attacked a village, killing 20 people") on civilians is
    Violence against civilians, not a battle; one on property that harms nobody ("attacks on
    properties") is property destruction; a named battle word ("clashes") stays a battle."""
    if candidate.sub_event_type != "Armed clash" or not candidate.generic:
        return candidate.sub_event_type
    aimed_at = attacked_nouns(candidate.trigger.root, frozenset(rules.military_modifiers),
                              aimed=frozenset(rules.aimed_objects)) \
        if actor2 is None else set()
    if aimed_at & set(rules.property_targets) and fatalities is None and unharmed:
        return PROPERTY_DESTRUCTION
    # (sites and crowds the rules list, and anyone a casualty count calls a civilian: "opened
    # fire on a village headman and his wife", "on a teacher")
    targets_civilians = (actor2 is not None and actor2.inter == 7) or bool(
        aimed_at & set(rules.civilian_targets)) or bool(aimed_at & _civilian_words())
    civilian_dead = fatalities is not None and fatalities.victims == "civilians"
    return "Attack" if targets_civilians or civilian_dead else candidate.sub_event_type
