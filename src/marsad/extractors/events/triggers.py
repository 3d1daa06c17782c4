"""Trigger words of a sentence, and whether they report something that happened.

Why separate: whether a word is an event at all (negated, modal, only an aim, a past event
named by its year, a reference to an attack reported elsewhere, a word describing a place or
the dead) is decided before its type, place or actors, and from its own sentence alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from marsad.context import Context
from marsad.extractors.actors import ActorMention, phrase_head
from marsad.extractors.attribution import SUBJECT_DEPS
from marsad.extractors.casualties import load_casualty_terms
from marsad.extractors.events.candidates import FATAL_KINDS, Mentions
from marsad.extractors.events.time_clauses import background, dated_by_possessive, phrase_top
from marsad.extractors.numbers import load_quantifiers
from marsad.lexicon import (
    AGREEMENT,
    ARRESTS,
    DISRUPTED_WEAPONS_USE,
    PEACEFUL_PROTEST,
    TERRITORY_GAIN,
    BorrowedMeans,
    ExistingAgreement,
    NonConflict,
    ReactedTo,
    StateProtest,
    TimeClauses,
    TriggerEntry,
    escalated_to,
)
from marsad.nlp import NOT_TRIGGER, first_conjunct, governing_verb, prepositional_objects

# How many words before an agreement word its verb may stand ("breached the cessation of
# hostilities agreement": four between)
AGREEMENT_VERB_WINDOW = 6
# Prepositions that complete the noun they follow ("the use of", "actions against", "attacks
# on"): grammar, so here rather than in a knowledge file.
NOUN_COMPLEMENT_PREPOSITIONS = frozenset({"of", "on", "against"})
# Prepositions through which a purpose clause's verb acts on an event word ("to proceed with
# the bombing", "to participate in air bombings"); not "for" or "over", which give a reason
# ("to punish Assad for the gas attack": the attack happened)
PURPOSE_PREPOSITIONS = frozenset({"with", "in"})
# Entity labels whose name an agreement may bear ("the Sochi agreement", "the Esquipulas II
# agreement"); not organisations ("a Hamas-Fatah agreement" is often new)
AGREEMENT_NAME_ENTITIES = frozenset({"GPE", "LOC", "FAC", "PERSON", "EVENT", "LAW"})


def is_weapon_word(token: Token, weapons: frozenset[str]) -> bool:
    """The word, or its lemma, is one of ``weapons`` (``Lexicon.weapon_nouns``)."""
    return token.lemma_.lower() in weapons or token.lower_ in weapons


def has_own_subject(verb: Token) -> bool:
    """The verb has a subject of its own, not a pronoun pointing back at another clause's
    ("A SECOND DEVICE WAS DEACTIVATED", not "... AND WHO WERE PRESENTED")."""
    return any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in verb.children)


def is_infinitive(verb: Token) -> bool:
    """The verb is a "to" infinitive ("to protest", "to preserve democracy")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def among_the_dead(trigger: Span, index: int, mentions: Mentions) -> bool:
    """The trigger describes some of the dead, not an event: "eliminated 75 militants
    including the suicide bombers" (the bombers were killed; nobody blew himself up)."""
    among = load_casualty_terms().subcount_markers  # "including", "among" (casualty_terms.yaml)
    token = trigger.root
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    listed = False
    while token.dep_ in ("pobj", "conj", "appos") or (
            token.dep_ == "prep" and token.lower_ in among):
        if token.dep_ == "pobj" and token.head.lower_ not in among:
            return False
        listed = listed or token.dep_ == "prep"
        token = token.head
    if not listed:
        return False
    # the noun the list hangs on is in the toll ("75 militants killed"), or the object of
    # its verb ("eliminated over 75 ... militants")
    anchors = {token.idx}
    if token.dep_ in ("dobj", "nsubjpass"):
        anchors.add(token.head.idx)
    return any(c.sentence_index == index and c.kind in FATAL_KINDS
               and any(c.start_char <= at < c.end_char for at in anchors)
               for c in mentions.casualties)


def blamed_for(trigger: Span, ctx: Context) -> bool:
    """The trigger is what somebody is held responsible for or claims ("responsible for the
    attack", "claimed responsibility for the attacks", "behind the attack"): a reference to an
    attack reported elsewhere, which CASE codes as attribution, not a report of one
    (``initiators.accused``: ``blamed_for``, ``behind_words``)."""
    rules = ctx.lexicon.initiators.accused
    token = trigger.root
    while token.dep_ in ("compound", "amod", "det", "nummod") and token.head != token:
        token = token.head
    if token.dep_ not in ("pobj", "pcomp"):
        return False
    prep = token.head
    if prep.lower_ in rules.behind_words:
        return True
    governor = prep.head
    return prep.lower_ in ("for", "of") and (
        governor.lower_ in rules.blamed_for or governor.lemma_.lower() in rules.blamed_for)


def what_an_attack_did(entry: TriggerEntry, trigger: Span, ctx: Context) -> bool:
    """A word that says something was hit but not how ("hit", "targeted") whose subject is an
    attack word ("another attack hit a military base") tells what that attack did: the attack
    word is the event, not a shelling (``context_typing.open_means`` / ``open_attack``)."""
    rule = ctx.lexicon.context_typing
    if not entry.generic or trigger.text.lower() not in rule.open_means.words:
        return False
    return _attack_subject(trigger.root, rule.open_attack)


def _attack_subject(verb: Token, rule: BorrowedMeans) -> bool:
    """The verb's subject is an attack word, or a word standing for one ("a separate attack
    targeted Kenyan forces, and another hit a military base": ``elliptic_subjects``)."""
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        if child.lower_ in rule.words:
            return True
        if child.lower_ in rule.elliptic_subjects and verb.dep_ == "conj" and verb.head != verb:
            return _attack_subject(verb.head, rule)
    return False


def describes_a_place(trigger: Span, mentions: Mentions,
                      descriptions: tuple[str, ...] = ()) -> bool:
    """The trigger is in an appositive that describes a place, not an event of the sentence:
    "air strikes around Khan Sheikhoun, the site of the regime's chemical attack in April";
    also when the parser hangs the description on the verb ("... near the city of Aleppo, the
    scene of some of the country's fiercest fighting": ``place_descriptions``)."""
    token = trigger.root
    while token.dep_ in ("pobj", "prep", "compound", "amod", "poss", "nmod", "det") \
            and token.head != token:
        token = token.head
    if token.dep_ == "appos" and token != trigger.root and not _subjectless_after(token):
        # (the event word itself as the apposition is a misparse of the clause's subject:
        # "In Sialkot, a mob tortured ...", as is an apposition before a verb with no
        # subject: "In Kaunas district of Bujumbura, a grenade explosion ... left one dead")
        at = token.head.idx
        return any(p.start_char <= at < p.end_char for p in mentions.places)
    if token.dep_ == "npadvmod" and token.lemma_.lower() in descriptions \
            and token.left_edge.i >= 2 and token.doc[token.left_edge.i - 1].text == ",":
        place_end = token.doc[token.left_edge.i - 2].idx + len(token.doc[token.left_edge.i - 2])
        return any(p.end_char == place_end for p in mentions.places)
    return False


def _subjectless_after(phrase: Token) -> bool:
    """The verb the phrase hangs from ("In X, a grenade explosion ... left one dead": "left")
    comes after it and has no subject: the phrase is that subject."""
    verb = phrase.head
    while verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and verb.i > phrase.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def verb_object_events(sentence: Span, ctx: Context) -> list[tuple[TriggerEntry, Span]]:
    """Events named by a verb and its object ("seized ammunition", "set up a base") or what
    it ends in ("beat him to death")."""
    found = []
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        # "drove the terrorists out of": the parser often makes "out" a preposition, and
        # "away" an adverb ("were taken away by suspected jihadists")
        particles = [c.lower_ for c in token.children
                     if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "out")
                     or (c.dep_ == "advmod" and c.lower_ == "away")]
        verbs = {lemma} | {f"{lemma} {p}" for p in particles}
        rules = [rule for rule in ctx.lexicon.verb_object_rules if verbs & set(rule.verbs)]
        if not rules:
            continue  # (most verbs: what they act on is read only for a rule's verb)
        objects = _object_nouns(token)
        results = _results(token)
        purposes = {c.lemma_.lower() for c in token.children
                    if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)}
        subjects = _subject_nouns(token)
        for rule in rules:
            if (objects & set(rule.objects) or results & set(rule.results)
                    or purposes & set(rule.purposes) or subjects & set(rule.subjects)) \
                    and not objects & set(rule.not_objects) \
                    and not _falls_on(token) & set(rule.not_on):
                entry = TriggerEntry(sub_event_type=rule.becomes, weight=rule.weight, phrases=(),
                                     yields_to=rule.yields_to, generic=rule.generic)
                found.append((entry, sentence.doc[token.i:token.i + 1]))
                break
    return found


def _results(verb: Token) -> set[str]:
    """Lemmas of what a verb's act ends in or leaves its object as: a "to", "on", "into" or
    "over" phrase ("beat him to death", "set cars on fire", "took a leader into custody", "ran
    over a mine") or a complement ("set the office ablaze")."""
    found = prepositional_objects(verb, ("to", "on", "onto", "into", "over"))
    # (the parser hangs "ablaze", "alight" on the verb in many ways: complement, adverbial
    # clause, preposition, even object)
    return found | {c.lemma_.lower() for c in verb.children if c.i > verb.i}


def _falls_on(verb: Token) -> set[str]:
    """Lemmas of what a verb's act falls "on" ("inflicting losses on private properties"),
    the preposition hanging from the verb or from its object."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    return {obj.lemma_.lower() for head in heads for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon")
            for obj in prep.children if obj.dep_ == "pobj"}


def _object_nouns(verb: Token) -> set[str]:
    """Lemmas of what a verb acts on: objects, passive subjects, their conjuncts, compounds
    and "of" complements ("caches of weapons")."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
    if not heads:  # "discovered ammunition believed to belong to": parsed as a clause's subject
        heads = [g for c in verb.children if c.dep_ == "ccomp"
                 for g in c.children if g.dep_ == "nsubj" and g.i > verb.i]
    # a list the parser reads as an apposition ("confiscated 3 submachineguns, 4 AKM rifles,
    # 10 grenades"): its members are objects too
    heads += [a for h in heads for a in h.children if a.dep_ == "appos"]
    return _noun_lemmas(heads)


def _subject_nouns(verb: Token) -> set[str]:
    """Lemmas of who does an intransitive act ("Hundreds of Russian troops arrived", "a
    contingent of police officers landed"): the active subject, or the noun the verb hangs
    from when the parser makes it a clause on that noun."""
    heads = [c for c in verb.children if c.dep_ == "nsubj"]
    if not heads and verb.dep_ == "acl":
        heads = [verb.head]
    # (a noun the parser took as the "of" complement of the subject: "contingent of officers")
    heads += [h.head.head for h in heads if h.dep_ == "pobj" and h.head.lower_ == "of"]
    return _noun_lemmas(heads)


def _noun_lemmas(heads: list[Token]) -> set[str]:
    """Lemmas of nouns, their conjuncts, compounds and "of" complements ("caches of weapons",
    "a contingent of police officers")."""
    nouns: set[str] = set()
    for head in heads + [c for h in heads for c in h.conjuncts]:
        nouns.add(head.lemma_.lower())
        # ("recovered 15 landmines and bomb-making materials": the parser's nmod)
        nouns.update(c.lemma_.lower() for c in head.children
                     if c.dep_ in ("compound", "amod", "nmod"))
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                nouns.add(obj.lemma_.lower())
                nouns.update(c.lemma_.lower() for c in obj.conjuncts)
        nouns.update(_whose(head))
    return nouns


def _whose(noun: Token) -> set[str]:
    """Lemmas of who or what a clause on the object ties it to: "a vehicle loaded with
    terrorists", "vehicles used by ISIS", "a truck transferring terrorists" (the army's
    communiques): the object is that side's gear."""
    found: set[str] = set()
    # participles only: "his decision to form a coalition" is no gear of the coalition
    for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")):
        for child in clause.children:
            if child.dep_ in ("dobj", "obj"):
                found.add(child.lemma_.lower())
            elif child.dep_ in ("prep", "agent"):
                found.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return found


def armed(actors: list[ActorMention]) -> bool:
    """Whether any of ``actors`` is an armed actor (ACLED inter 1-5 or 8)."""
    return any(a.entry.inter in (1, 2, 3, 4, 5, 8) for a in actors)


def non_conflict_context(sentence: Span, actors: list[ActorMention], ctx: Context,
                         speakers: Sequence[tuple[int, int]] = ()) -> str | None:
    """"accident", "diplomatic" or "crime" when a sentence that names no armed actor talks
    about an accident or disaster, about weapons in diplomacy, or about ordinary crime; None
    otherwise (non_conflict in triggers.yaml). Police do not count as armed here: they attend
    every robbery and blast. "enforcement" when only a state's forces are named beside crime
    words ("The Sri Lankan navy ... seized 290 kilograms of heroin and two pistols, arresting
    six crew members"): a drug bust by soldiers, whose seizures and arrests are no event
    (``non_conflict.enforcement_types``), while their fights are. Diplomats who only tell
    the news (``speakers``: the character spans of the text's sources) make no diplomacy of
    it ("troop columns have been seen moving towards the border, diplomats said"); nor do
    the forces a sanction is laid on ("imposed sanctions on eleven military officers over
    the crackdown": ``_sanctioned``)."""
    rules = ctx.lexicon.non_conflict
    others = [a for a in actors
              if not a.entry.law_enforcement and not _sanctioned(a, rules.sanction_words)]
    padded = padded_words(sentence.text)
    crime = any(f" {w} " in padded for w in rules.crime)
    if armed(others):
        if armed([a for a in others if a.entry.state_of is None]):
            return None
        return "enforcement" if crime else None
    told = padded_words(_without_spans(sentence, speakers)) if speakers else padded
    if any(f" {w} " in told for w in rules.diplomatic):
        return "diplomatic"
    if crime:
        return "crime"
    return "accident" if names_an_accident(padded, rules) else None


def told_of_a_hazard(token: Token, rules: NonConflict) -> bool:
    """The word's clause, or the clause its participle hangs from, has a hazard for its doer
    or a hazard's verb (``hazard_subjects``, ``hazard_verbs``): "Lightning struck a military
    camp, killing four soldiers", "as Mount Nyiragongo erupted, ... killing at least 15
    people". No conflict, whoever the dead or the speakers are."""
    verb = token
    for _step in range(4):
        if verb.pos_ in ("VERB", "AUX"):
            if verb.lemma_.lower() in rules.hazard_verbs or any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in rules.hazard_subjects
                    for c in verb.children):
                return True
            if not (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp")):
                return False  # (a participle tells its head's toll: "..., killing four")
        if verb.head == verb:
            return False
        verb = verb.head
    return False


def _sanctioned(actor: ActorMention, sanction_words: frozenset[str]) -> bool:
    """The actor is what a sanction is laid on ("sanctions on eleven Myanmar military
    officers", "an arms embargo against the junta": ``non_conflict.sanction_words``): the
    object of diplomacy, not a side acting in the sentence."""
    token = phrase_head(actor.span.root)
    while token.dep_ in ("conj", "appos") and token.head != token:
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in ("on", "against"):
        return False
    return token.head.head.lower_ in sanction_words


def _without_spans(sentence: Span, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence's text with the words inside ``spans`` (document offsets) blanked."""
    text = sentence.text
    offset = sentence.start_char
    for start, end in spans:
        if offset <= start and end <= sentence.end_char:
            text = text[:start - offset] + " " * (end - start) + text[end - offset:]
    return text


def names_an_accident(padded: str, rules: NonConflict) -> bool:
    """The words (``padded_words``) name an accident or a disaster (``non_conflict.accident``),
    once the phrases that only sound like one are taken out (``not_accident``: "the collapse
    of the ceasefire")."""
    for phrase in rules.not_accident:
        padded = padded.replace(f" {phrase} ", " ")
    return any(f" {w} " in padded for w in rules.accident)


def padded_words(text: str) -> str:
    """Lower-cased words of ``text`` between single spaces, punctuation out: phrases match
    as " word word "."""
    return " " + re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text.casefold())) + " "


def drop_generic(triggers: list[tuple[TriggerEntry, Span]],
                 open_attack: frozenset[str] = frozenset(),
                 charged: frozenset[str] = frozenset(),
                 blaming: frozenset[str] = frozenset(),
                 clauses: TimeClauses | None = None) -> list[tuple[TriggerEntry, Span]]:
    """Generic words yield to any specific trigger; of generic ones keep the strongest type,
    after those that only say what another did. ``open_attack``: attack words that name no
    means (``context_typing.open_attack.words``). ``charged``: words of arresting or charging
    (``accused.charge_words``): the act someone is arrested for is an event of its own
    ("arrested three ISIS members for bombing a market"). ``blaming``: verbs of accusing
    (``accused.blame_verbs``): a specific word for what the victims were accused of is no
    reason to drop what was done to them ("Residents beat two men to death after accusing
    them of kidnapping a child"). ``clauses``: how the background is told
    (``time_clauses``): specific words told only as background leave the news's generic words
    standing ("After seizing cattle, the gunmen opened fire on farmers")."""
    specific = [(e, s) for e, s in triggers if not e.generic]
    if specific:
        if all(_accused_of_it(s.root, blaming) for _e, s in specific):
            return triggers
        if clauses is not None and all(background(s.root, clauses) is not None
                                       for _e, s in specific):
            news = [(e, s) for e, s in triggers
                    if e.generic and background(s.root, clauses) is None]
            return specific + drop_generic(news, open_attack)
        if all(e.sub_event_type == ARRESTS for e, _s in specific):
            # arrests follow an act of their own, not another word for it ("villagers beat
            # two traders to death ..., adding that five people have been detained")
            acts = drop_generic([(e, s) for e, s in triggers if e.generic], open_attack)
            return specific + acts
        return specific + [(e, s) for e, s in triggers if e.generic
                           and charge_word_over(s.root, charged) is not None]
    if not triggers:
        return []
    # A word that yields to another's type in the sentence leaves the choice to the rest ("the
    # strikes, which also destroyed a building used by the militants": the strikes' doing).
    typed = [(e.sub_event_type, s) for e, s in triggers]
    triggers = [(e, s) for e, s in triggers if not yields(e, s, typed)] or triggers
    # A verb whose subject is another event word tells what that did: "a twin bombing struck
    # a crowd" is a bombing, "an explosion destroyed the building" an explosion.
    roots = {s.root.i for _e, s in triggers}
    triggers = [(e, s) for e, s in triggers if not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i in roots and c.i != s.root.i
        for c in s.root.children if s.root.pos_ in ("VERB", "AUX"))] or triggers
    # An attack word that names no means, with a relative clause that tells what was done,
    # leaves the type to that clause, which stands whatever else the sentence holds: "the
    # attacks today come after Shining Path attacks during which at least 10 buses were burned"
    # (the earlier attacks were arson). A bomb's clause tells what the bomb did ("a bomb,
    # which destroyed the masonry, exploded"): no event of its own.
    told = [(e, s) for e, s in triggers if _in_clause_of_other(e, s, triggers, open_attack)]
    triggers = [(e, s) for e, s in triggers
                if not any(_in_clause_of(o, s) and o_e.sub_event_type != e.sub_event_type
                           for o_e, o in told)]
    strongest = max(triggers, key=lambda pair: pair[0].weight)[0].sub_event_type
    return [(e, s) for e, s in triggers if e.sub_event_type == strongest or (e, s) in told]


def _accused_of_it(root: Token, blaming: Collection[str]) -> bool:
    """The word is what someone is accused of: "after accusing them of kidnapping a child"."""
    token = root
    for _step in range(2):
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "of":
            return token.head.head.lemma_.lower() in blaming
        token = token.head
    return False


def charge_word_over(root: Token, charged: Collection[str]) -> Token | None:
    """The ``charge_words`` verb or noun whose "for"/"with" phrase holds the event word, also
    when the parser hangs the phrase on the person ("THE ARREST OF 45 SOLDIERS AND 2 OFFICERS
    FOR KILLING": "for" under "OFFICERS")."""
    token = root
    for _step in range(3):
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in ("for", "with"):
            holder = token.head.head
            for _up in range(5):
                if holder.lemma_.lower() in charged:
                    return holder
                if holder.dep_ not in ("conj", "pobj", "prep", "dobj", "nsubjpass", "appos") \
                        or holder.head == holder:
                    break
                holder = holder.head
            return None
        token = token.head
    return None


def _in_clause_of(span: Span, word: Span) -> bool:
    """``span``'s word stands in a relative clause on ``word``'s."""
    return any(c.dep_ == "relcl" and (c == span.root or c.is_ancestor(span.root))
               for c in word.root.children)


def _in_clause_of_other(entry: TriggerEntry, span: Span,
                        triggers: list[tuple[TriggerEntry, Span]],
                        open_attack: frozenset[str]) -> bool:
    """``span`` tells what an attack word of another type, naming no means, was."""
    return any(e.sub_event_type != entry.sub_event_type and s.text.lower() in open_attack
               and _in_clause_of(span, s) for e, s in triggers)


def yields(entry: TriggerEntry, span: Span, others: Iterable[tuple[str, Span]]) -> bool:
    """Whether a verb-object event gives way to an event of one of its ``yields_to`` types in
    the same sentence (``others``: type and word): "destroyed ammunition depots" after "the
    sorties" was the strike's target; not what it acts on itself ("destroyed rockets": the
    rockets are its object)."""
    return any(other in entry.yields_to and not span.root.is_ancestor(other_span.root)
               for other, other_span in others)


def triggers_in(sentence: Span, ctx: Context) -> list[tuple[TriggerEntry, Span]]:
    doc = sentence.doc
    found = []
    for key, start, end in _doc_trigger_matches(doc, ctx):
        if key == NOT_TRIGGER:
            continue  # a name that contains a trigger word ("riot police")
        if start >= sentence.start and end <= sentence.end:
            found.append((ctx.lexicon.triggers[int(key.split(":")[1])], doc[start:end]))
    return found


def _doc_trigger_matches(doc: Doc, ctx: Context) -> list[tuple[str, int, int]]:
    cached = doc.user_data.get("marsad_triggers")
    if cached is None:
        cached = ctx.matchers.triggers(doc)
        doc.user_data["marsad_triggers"] = cached
    return list(cached)


def happened(trigger: Span, entry: TriggerEntry, ctx: Context) -> bool:
    """False for negated, modal or merely intended events, and for words that only describe
    ("the destroyed homes", "the coalition fighting Daesh") or refer to what is already known
    (a state's diplomatic protest, an agreement made before)."""
    root = trigger.root
    # the word's head is negated for it ("did not launch an attack"), unless the word is a
    # verb with a subject of its own: a clause of its own, not what the head denies ("gunmen
    # abducted a dozen members ...; their families have not heard from them since")
    heads = [root, root.head] if root.head != root and not (
        root.pos_ == "VERB" and has_own_subject(root)) else [root]
    for token in heads:
        for child in token.children:
            if trigger.start <= child.i < trigger.end:
                continue  # the phrase's own "not": "have not been heard from since"
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
                return False
    sentence = trigger.sent
    previous = trigger.start - 1
    while previous > sentence.start and trigger.doc[previous].dep_ == "det":
        previous -= 1
    if previous >= sentence.start and trigger.doc[previous].lower_ in ctx.lexicon.negation_words:
        return False  # "entered the town without fighting", "not a single clash"
    if trigger.start - 2 >= sentence.start and trigger.doc[trigger.start - 1].text == "-" \
            and trigger.doc[trigger.start - 2].lower_ == "non":
        return False  # "died in a non-combat related incident"
    if any(a.dep_ == "prep" and a.lower_ in ctx.lexicon.negation_words
           for a in list(root.ancestors)[:3]):
        return False  # "A COUNTRY BEING INVADED WITHOUT A SHOT BEING FIRED"
    if root.head.lower_ in ("with", "to") and root.head.head.lemma_.lower() in \
            ctx.lexicon.mission_words:
        return False  # "the coalition tasked with fighting Daesh": a mission
    if _named_by_year(trigger):
        return False  # "the scene of a deadly 2017 chemical weapons attack": a past event
    if trigger[0].dep_ == "amod" and trigger[0].lower_ in ctx.lexicon.state_participles:
        return False  # "the rubble of the destroyed homes": a state the text describes
    if _history_of_a_place(root, ctx.lexicon.history_verbs):
        return False  # "the province has seen several rounds of heavy fighting"
    if _habitual(root, ctx.lexicon.habitual_adverbs):
        return False  # "Rebels regularly fire rockets into the west of the city"
    if len(trigger) == 1 and root.lower_ in ctx.lexicon.lowercase_only_words \
            and root.text != root.lower_:
        return False  # "on 5 March": a month, not a march
    if root.pos_ == "VERB" and root.lower_ in ctx.lexicon.noun_only_words:
        return False  # "to combat such threats to security and stability"
    if _charge_against_a_people(root, ctx):
        return False  # "THE FMLN IS ATTACKING THE CIVILIAN POPULATION": a charge
    if _undated_past(root, ctx.lexicon.history_adverbials):
        return False  # "the Shining Path has attacked Soviet interests in the past"
    if _defined(root):
        return False  # "Barrel bombs are improvised containers packed with explosives"
    if _says_who_they_are(root):
        return False  # "the militias who attack military positions": what they do
    if _in_another_sense(root, ctx.lexicon.intransitive_senses):
        return False  # "the courage demonstrated by the leadership": shown, no protest
    if _simulated(root, ctx.lexicon.simulation_words):
        return False  # "joint exercises simulating air strikes": played, not fought
    if _named_place(trigger, ctx.gazetteer.settings.generic_words):
        return False  # "the town of Hit": a name
    if _people_so_called(root):
        return False  # "families of the disappeared": people, not an event
    if entry.sub_event_type == TERRITORY_GAIN and _kept(root, ctx.lexicon.keeping_lemmas):
        return False  # "the army remained in control of the town": nothing changed hands
    if _reacted_to(root, ctx.lexicon.reacted_to):
        return False  # "The UN condemned the airstrike on the market": news of the reaction
    if _acted_on_by(root, ctx.lexicon.prevention_lemmas):
        return False  # "preventing sexual violence in conflict", "prevented an attack"
    if _asked_to_end(root, ctx.lexicon.cessation_lemmas):
        return False  # "Stop the bombings!", "urged the government to stop the bombings"
    if _blamed_known(root, ctx.lexicon.blame_lemmas):
        return False  # "blamed the Front for Thursday's wave of bombings": a claim over it
    if _prospective(root, ctx.lexicon.prospective_marks):
        return False  # "arrested two opposition leaders ahead of planned protests"
    if _hypothetical(root, ctx.lexicon.hypothetical_marks, ctx.lexicon.known_determiners):
        return False  # "unclear whether he was an accomplice or a hostage"
    violent = entry.sub_event_type == TERRITORY_GAIN or entry.sub_event_type in \
        ctx.lexicon.sub_event_types_of("Political violence")
    if violent and _against_abstract_foe(root, ctx.lexicon.abstract_foes,
                                         ctx.lexicon.fight_lemmas):
        return False  # "we will win this battle against terrorism": a policy (but "marched
        # against corruption" is a protest)
    if _said_in_words(root, ctx):
        return False  # "HARSHLY ATTACKED PERUVIAN PRESIDENT ALAN GARCIA": a war of words
    if violent and _responded_to(root, ctx.lexicon.reacted_to.to_lemmas):
        return False  # "vowing more operations in response to the occupation's raids": an
        # earlier act, whatever the sentence dates (a strike "in response to a shutdown call"
        # is the news)
    if _purpose(root, ctx.lexicon.reaction_lemmas) and violent:
        return False  # "used the hub to launch attacks on Palmyra": what it was for (but
        # "joined talks to achieve a peace agreement" are talks, an Agreement to ACLED)
    if not violent and _attempted(root, ctx.lexicon.attempt_lemmas) and not (
            entry.sub_event_type == PEACEFUL_PROTEST and escalated_to(
                (t.text for t in root.sent), ctx.lexicon.protest_escalation) is not None):
        return False  # "struggling to broker a ceasefire" (an attempted advance is a clash;
        # and a march the police stop, ACLED's protest with intervention: "When the doctors
        # tried to march towards Parliament House, police stopped them ... took 20 into custody")
    if _names_gear(trigger, ctx.lexicon.gear_heads, ctx.lexicon.gear_use_verbs) or (
            root.dep_ == "compound" and root.head.lemma_.lower() in ctx.lexicon.craft_heads
            and not _headline_verb(root)):
        return False  # "an artillery depot", "rocket launchers", "combat pilots": not an attack
        # (a participle is an act: "the captured pilot", "a downed helicopter")
    weapon = is_weapon_word(root, ctx.lexicon.weapon_nouns)
    if weapon and entry.sub_event_type != DISRUPTED_WEAPONS_USE and _in_inventory(
            root, ctx.lexicon.inventory_words, ctx.lexicon.firing_lemmas):
        return False  # "118 AUTOMATIC PISTOLS, ... FRAGMENTATION GRENADES": listed, not used
    if weapon and entry.sub_event_type != DISRUPTED_WEAPONS_USE and _struck_as_target(
            root, ctx.lexicon.struck_verbs):
        return False  # "one strike destroyed a VBIED": what the strike hit
    if weapon and (_handed_over(root, ctx.lexicon.transfer_verbs, ctx.lexicon.transfer_nouns)
                   or _listed_as_cargo(
            root, ctx.lexicon.transfer_verbs, ctx.lexicon.cargo_nouns, ctx.lexicon.weapon_nouns)):
        return False  # "HAVE GIVEN THE CONTRAS ... 300 SURFACE-TO-AIR MISSILES": supplied
    if root.dep_ == "acl" and root.lower_ in ctx.lexicon.role_participles:
        return False  # "the coalition fighting Daesh": who they are, not what happened
    state_protest = ctx.lexicon.non_conflict.state_protest
    if entry.sub_event_type in state_protest.types and _lodged_by_state(root, state_protest):
        return False  # "Turkey protested the move": diplomacy, not a demonstration
    if entry.sub_event_type in state_protest.types and _protest_as_purpose(
            root, state_protest.purpose_of):
        return False  # "ISSUED A NOTE TO PROTEST STATEMENTS BY ...": what the note was for
    existing = ctx.lexicon.non_conflict.existing_agreement
    if entry.sub_event_type in existing.types and _made_before(root, existing):
        return False  # "breached the cessation of hostilities agreement": an old agreement
    window = trigger.doc[max(sentence.start, trigger.start - 4):trigger.start]
    for token in window:
        if token.tag_ == "MD" and token.lower_ in ctx.lexicon.modal_words:
            return False
    window_text = " " + window.text.casefold() + " "
    if any(f" {m} " in window_text for m in ctx.lexicon.modal_words if " " in m):
        return False
    modal = ctx.lexicon.modal_lemmas
    if entry.sub_event_type != AGREEMENT and _agreed_to(root, ctx.lexicon.agreement_lemmas):
        return False  # "agreed at talks to a mutual withdrawal" (but "agreed on a ceasefire"
        # is the agreement)
    if not _told_as_done(root, modal):
        liking = ctx.lexicon.liking_lemmas
        for ancestor in list(root.ancestors)[:3]:
            if ancestor.lemma_ in modal or (ancestor.pos_ == "VERB" and ancestor.lemma_ in liking):
                return False
    if _demanded(root, ctx.lexicon.demand_lemmas):
        return False  # "demanded that the alliance be disbanded"
    if any(c.dep_ == "amod" and c.lemma_ in modal for c in root.children):
        return False  # "planning attacks", "a planned offensive"
    if _complement_of_modal_verb(root, ctx):
        return False  # "it will be the site of an apocalyptic battle": a prophecy
    if _still_to_come(root, ctx):
        return False  # "an agreement will be reached", "reinforcements will be brought in"
    if _subject_of_modal_be(root, ctx.lexicon.modal_words):
        return False  # "Capturing Manbij would be its most significant victory yet"
    if _in_a_modal_chain(root, ctx.lexicon.modal_words):
        return False  # "WE WILL NOT ALLOW THE GUERRILLAS TO REGROUP AND BEGIN ATTACKING AGAIN"
    if _shares_a_modal(root, ctx.lexicon.modal_words):
        return False  # "WILL ALLOW US TO LEARN MORE ... AND, IF POSSIBLE, MAKE SOME ARRESTS"
    if entry.sub_event_type == TERRITORY_GAIN:
        before = trigger.doc[trigger.start - 1] if trigger.start > sentence.start else None
        if before is not None and before.tag_ == "TO":
            return False  # "a campaign to gain control of": an aim, not a gain
    return True


def _agreed_to(root: Token, lemmas: tuple[str, ...]) -> bool:
    """The word is what sides agree to or on, still to come: it hangs on a verb of agreeing
    (``agreement_lemmas``) through its "to"/"on" phrase, object or infinitive ("agreed at
    talks in Sweden to a mutual withdrawal of forces", "agreed to withdraw"), not through a
    clause of what someone agrees is so ("observers agree that ... was prompted by the air
    force bombing")."""
    token = root
    for _step in range(4):
        head = token.head
        if head == token or token.dep_ in ("ccomp", "advcl", "relcl", "csubj"):
            return False
        if head.lemma_.lower() in lemmas:
            return token.dep_ in ("prep", "xcomp", "dobj")
        token = head
    return False


def _blamed_known(root: Token, lemmas: tuple[str, ...]) -> bool:
    """The event word names an event known by a possessive date ("Thursday's wave of bombings",
    "last week's bombing") that someone is blamed for, claims ("claimed Saturday's attack") or
    is said to be behind: the news
    is the claim, the event was reported before. An event told without such a date ("claimed
    responsibility for the attack on the embassy") may be reported by the claim itself."""
    node = phrase_top(root)
    for _ in range(3):  # "Thursday's wave of bombings", "Tuesday's attack on a convoy"
        if dated_by_possessive(node) or node.dep_ != "pobj" or \
                node.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        node = phrase_top(node.head.head)
    if node.dep_ == "pobj" and node.head.lower_ == "behind" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in node.children) \
            and any(dated_by_possessive(t) for t in node.sent if t.i != node.i):
        return True  # "claimed Saturday's attack ..., saying its fighters were behind the
        # assault": the known attack again
    if not dated_by_possessive(node):
        return False
    if node.dep_ == "dobj":  # "has claimed Saturday's attack on a Frontier Corps post"
        return node.head.lemma_.lower() in lemmas
    if node.dep_ != "pobj":
        return False
    preposition = node.head
    return preposition.lower_ == "behind" or (
        preposition.lower_ == "for" and preposition.head.lemma_.lower() in lemmas)


def _prospective(root: Token, marks: tuple[str, ...]) -> bool:
    """The event word's phrase is the object of a preposition of what is to come ("ahead of
    planned protests", "on the eve of the march"): not yet happened."""
    top = phrase_top(root)
    return top.dep_ == "pobj" and _preposition_in(top.head, marks)


def _preposition_in(preposition: Token, phrases: Collection[str]) -> bool:
    """The preposition, with the words before it, is one of ``phrases`` ("since", or the
    last word of "in accordance with", "ahead of")."""
    doc = preposition.doc
    return any(doc[max(0, preposition.i - len(p.split()) + 1):preposition.i + 1].text.lower() == p
               for p in phrases)


def _told_as_done(root: Token, modal: tuple[str, ...]) -> bool:
    """The event word has a relative clause in the past tense of its own ("the car bomb attack
    which destroyed the building had been planned since September"): it happened, whatever
    plan or threat the sentence also tells."""
    return _dated_participle(root) or any(
        child.dep_ == "relcl" and child.tag_ == "VBD" and child.lemma_ not in modal
        for child in phrase_top(root).children)


def _history_of_a_place(root: Token, verbs: tuple[str, ...]) -> bool:
    """The event word is what a place "has seen" or "has witnessed": its history, told in the
    present perfect ("has seen several rounds of heavy fighting"); "witnessed clashes on
    Monday" is an event."""
    token = phrase_top(root)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "dobj":
        token = token.head.head  # "has seen several rounds of heavy fighting"
    verb = token.head
    return token.dep_ == "dobj" and verb.lemma_.lower() in verbs and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _habitual(root: Token, adverbs: tuple[str, ...]) -> bool:
    """The event word's verb is in the present tense, or a bare participle, with an adverb of
    frequency ("Rebels regularly fire rockets", "Douma is regularly targeted", "with fighting
    regularly flaring"): what usually happens. The past ("repeatedly shelled the town on
    Monday") is an event."""
    verb = governing_verb(root)
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present = verb.tag_ in ("VBZ", "VBP") or any(
        c.tag_ in ("VBZ", "VBP") and c.lemma_ != "have" for c in auxiliaries) or (
        verb.tag_ == "VBG" and not auxiliaries)  # "with fighting regularly flaring"
    return present and any(c.dep_ == "advmod" and c.lower_ in adverbs for c in verb.children)


def _charge_against_a_people(root: Token, ctx: Context) -> bool:
    """An attack word (``open_attack``) in the present tense, simple or progressive, whose
    object is a whole people (``collective_targets``)."""
    if root.lower_ not in ctx.lexicon.context_typing.open_attack.words or root.pos_ != "VERB":
        return False
    present = root.tag_ in ("VBZ", "VBP") or (root.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in root.children))
    return present and any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.lexicon.collective_targets
                           for c in root.children)


def _undated_past(root: Token, adverbials: tuple[str, ...]) -> bool:
    """The event word's verb is in the present perfect with an adverbial of an undated past
    ("has attacked Soviet interests in the past", "has been shelled several times", "has
    been fought over since 2024"): a record, not an event; "has attacked the base" alone is
    news. The perfect infinitive too:
    "It is thought to have bombed weapons shipments ... several times"."""
    verb = governing_verb(root)
    if verb is None or not any(c.dep_ == "aux" and c.lemma_ == "have"
                               and c.tag_ in ("VBZ", "VBP", "VB") for c in verb.children):
        return False
    return any(c.dep_ in ("advmod", "prep", "npadvmod")
               and " ".join(t.lower_ for t in c.subtree) in adverbials for c in verb.children) \
        or any(_since_a_year(c) for c in verb.children)


def _since_a_year(word: Token) -> bool:
    """"since 2024": a span of years the perfect covers ("Solino has been fought over since
    gangs expelled police from neighbouring Nazon in 2024"), a record of the place."""
    if not (word.dep_ == "prep" and word.lower_ == "since") and not (
            word.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                         for c in word.children)):
        return False
    return any(t.like_num and len(t.text) == 4 and t.text.isdigit() for t in word.subtree)


LIST_PREPOSITIONS = frozenset({"including", "like", "as"})
"""Words that open a list of examples ("armaments, including missiles", "such as rockets")."""


def _handed_over(root: Token, verbs: tuple[str, ...], nouns: tuple[str, ...] = ()) -> bool:
    """The weapon noun, or the phrase that lists it, is what a verb of handing over acts on
    (``transfer_verbs``: "gave the Contras ... missiles", "missiles were delivered", "armed
    them with rockets"), or the "of" phrase of such a noun (``transfer_nouns``: "the sale of
    Apache attack helicopters and Hellfire missiles"): supplied, not used."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    for token in _lists_holding(root):
        if (token.dep_ == "pobj" and token.head.lower_ == "of"
                and token.head.head.lemma_.lower() in nouns) \
                or (token.i != root.i and token.lemma_.lower() in nouns):
            return True  # (the parser may join the last weapon to the sale itself: "sale of
            # Apache attack helicopters and Hellfire missiles")
        if token.dep_ in ("dobj", "nsubjpass", "dative") and _hands_over(token.head, verbs):
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "with" and any(
                _hands_over(t, verbs) for t in (token.head.head, token.head.head.head)):
            return True  # "armed them with rockets", "provided them with missiles"
    return False


def _struck_as_target(root: Token, verbs: tuple[str, ...]) -> bool:
    """The weapon noun, or the phrase that lists it, is the object of one of ``verbs``
    (active or passive): "destroyed a VBIED", "two VBIEDs were destroyed". Not through a
    compound or an "of" (:func:`_acted_on_by` reads those): "THE TARGET OF BOMB ATTACKS"
    names the bombs' targets."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in verbs
               for token in _lists_holding(root))


def _lists_holding(root: Token, steps: int = 6) -> list[Token]:
    """``root`` and the phrases that list it, innermost first: the conjunct or apposition it
    joins and the noun a list of examples hangs on ("WEAPONS, INCLUDING SURFACE-TO-AIR
    MISSILES": missiles, weapons), whose role in the sentence the list shares."""
    chain = [root]
    token = root
    for _step in range(steps):
        if token.dep_ in ("conj", "appos") or (
                token.dep_ == "pobj" and token.head.lower_ in LIST_PREPOSITIONS):
            token = token.head if token.dep_ != "pobj" else token.head.head
            chain.append(token)
            continue
        break
    return chain


def _hands_over(verb: Token, verbs: tuple[str, ...]) -> bool:
    """A verb of handing over or carrying, not "carry out" ("the attacks were carried out
    with grenades": used)."""
    return verb.lemma_.lower() in verbs and not any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _listed_as_cargo(root: Token, verbs: tuple[str, ...], cargo: tuple[str, ...],
                     weapons: frozenset[str]) -> bool:
    """The weapon noun is what a noun of cargo holds ("A SHIPMENT OF MISSILES"), or stands in
    a list after a colon that follows a noun of cargo a verb of handing over or carrying acts
    on, with no verb of its own: "THE PLANE WAS CARRYING THE
    FOLLOWING WEAPONS FOR THE ... TERRORISTS: 24 SAM-7, SOVIET-MADE SURFACE-TO-AIR MISSILES;
    21 GRENADES" (the parser makes the list a sentence of its own)."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    holders = _lists_holding(root)
    if any(head.dep_ == "pobj" and head.head.lower_ == "of"
           and head.head.head.lemma_.lower() in cargo for head in holders):
        return True  # "AN ALLEGED SHIPMENT OF SURFACE-TO-AIR MISSILES FOUND INSIDE A ... PLANE"
    if any(head.lemma_.lower() in cargo and not is_weapon_word(head, weapons)
           for head in holders[1:]):
        return True  # "SHIPMENTS OF WEAPONS, INCLUDING SURFACE-TO-AIR MISSILES" (but "fired
        # weapons, including missiles" is a use)
    if governing_verb(root) is not None:
        return False
    sentence = root.sent
    colon = next((t for t in reversed(sentence[:root.i - sentence.start]) if t.text == ":"),
                 None)
    return colon is not None and any(
        t.lemma_.lower() in cargo and t.dep_ in ("dobj", "nsubjpass")
        and _hands_over(t.head, verbs) for t in sentence[:colon.i - sentence.start])


def _in_inventory(root: Token, words: tuple[str, ...], firing: tuple[str, ...] = ()) -> bool:
    """The weapon noun is coordinated with small arms or gear (``inventory_words``): a list of
    what was held, found or seized, no use of it ("348 RIFLES, 118 PISTOLS, FRAGMENTATION
    GRENADES, AND EXPLOSIVE BLOCKS"); "rockets and mortars hit the city" is a shelling, and
    so is a list a verb of ``firing`` fires with ("opened fire with mortars and Grad
    launchers")."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    first = first_conjunct(root)
    if first.dep_ == "pobj" and first.head.lower_ == "with" and \
            first.head.head.lemma_.lower() in firing:
        return False
    group = [first, *(t for t in first.subtree if t.dep_ == "conj")]
    return any(t is not root and t.lemma_.lower() in words for t in group)


def _says_who_they_are(root: Token) -> bool:
    """The event verb is a relative clause in the simple present ("the militias who attack
    military positions are based at the farm"): what a group does, not an event; "the
    militias who attacked the post" and "who have attacked" tell one; "a tribe it has been
    battling" is what the tribe is to it."""
    if root.pos_ != "VERB" or root.dep_ != "relcl":
        return False
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if root.tag_ in ("VBP", "VBZ") and not auxiliaries:
        return True
    # ... or an ongoing one ("a tribe it has been battling": who they are to it)
    return root.tag_ == "VBG" and [a.lower_ for a in auxiliaries][-1:] == ["been"] \
        and auxiliaries[0].lower_ in ("has", "have")


def _defined(root: Token) -> bool:
    """The event word is the subject of a definition in the present tense ("Barrel bombs are
    improvised containers"), a word explained, not an event."""
    verb = root.head
    # written "is"/"are": "IS" is the group the tagger may take for the verb
    return root.dep_ == "nsubj" and verb.text in ("is", "are") and any(
        c.dep_ in ("attr", "acomp") for c in verb.children)


def _in_another_sense(root: Token, lemmas: tuple[str, ...]) -> bool:
    """An event verb of ``intransitive_senses`` with a direct object, a clause or a "by" agent
    means something else ("the courage demonstrated by", "demonstrated the risks": shown)."""
    return root.pos_ in ("VERB", "AUX") and root.lemma_.lower() in lemmas and any(
        c.dep_ in ("dobj", "obj", "ccomp", "agent", "auxpass") for c in root.children)


def _simulated(root: Token, words: tuple[str, ...]) -> bool:
    """The event word is what an exercise (``simulation_words``) plays: under one of those
    words ("exercises simulating air strikes") or in a clause whose subject is one ("the
    maneuvers consisted of raids"), within three steps up the parse."""
    for token in [root, *list(root.ancestors)[:3]]:
        if token is not root and token.lemma_.lower() in words:
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in words
               for c in token.children):
            return True
    return False


def _asked_to_end(root: Token, lemmas: tuple[str, ...]) -> bool:
    """The event word is what a verb of ending (``cessation_lemmas``) in the base form acts
    on: an order ("Stop the bombings!", "cease repression, stop assassinations"), a demand or
    an aim ("urged the government to stop the bombings"), or through a gerund ("stop using
    land mines", "stop killing civilians"). Nothing is reported done; "the army stopped an
    attack" (past) keeps its attack."""
    token = phrase_top(root)
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.pos_ == "NOUN" \
            and token.head.head.lemma_.lower() in lemmas:
        return True  # "demands an immediate halt to the bombardment", "an end to the shelling"
    while _inside_a_noun_phrase(token):
        # "stop ... the use of torture", "cease ... actions against demonstrations", "cease
        # the attacks on the freedom of expression in the form of assassinations"
        token = phrase_top(token.head.head)
    if token.pos_ in ("VERB", "AUX") and token is not root:
        verb = token  # "cease the attacks in the form of assassinations" (hung on the verb)
    elif token.tag_ == "VBG" and token.dep_ in ("xcomp", "dobj", "ccomp"):
        verb = token.head  # "stop killing civilians"
    elif token.dep_ in ("dobj", "obj"):
        verb = token.head
        if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "dobj", "ccomp"):
            verb = verb.head  # "stop using land mines"
    else:
        return False
    return verb.tag_ == "VB" and verb.lemma_.lower() in lemmas


def _inside_a_noun_phrase(token: Token) -> bool:
    """The word is the object of a preposition that completes a noun ("the use of torture",
    "actions against demonstrations", "attacks on the press", "in the form of
    assassinations"): what is said of that noun is said of it. "in" counts only before "of"
    ("in the form of"), not as the place or time of the noun ("the strike in Idlib"); the
    parser may hang that "in" on the verb instead ("cease the attacks ... in the form of")."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.head == preposition:
        return False
    if preposition.lower_ in NOUN_COMPLEMENT_PREPOSITIONS:
        return preposition.head.pos_ in ("NOUN", "PROPN")
    return preposition.lower_ == "in" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _against_abstract_foe(root: Token, foes: tuple[str, ...],
                          fights: tuple[str, ...] = ()) -> bool:
    """The fight is against an abstract foe (``abstract_foes``): its object, or its "against"
    or "on" complement, whether the parser hangs that on the word or on the verb the word is
    the object of ("win this battle against terrorism", "the war on drugs", "fighting
    corruption"): a policy, not a battle. An event noun's "of" complement counts too: "this
    explosion of freedom" is a figure of speech ("the bombing of drug labs" is of labs), and so
    is a passive whose agent is one ("Syria was hit by the unrest since 2011")."""
    token = phrase_top(root)
    holders = [root, token] + ([token.head] if token.dep_ in ("dobj", "obj") else [])
    for holder in holders:
        for child in holder.children:
            if holder is root and child.dep_ in ("dobj", "obj") and child.lemma_.lower() in foes:
                return True
            prepositions = ("against", "on", "of") if holder is root and root.pos_ == "NOUN" \
                else ("against", "on")
            if root.lemma_.lower() in fights:
                # a fight "for" one too: "BATTLING FOR OUR IDEAS AND FOR VOTES" (not a killing's
                # reason: "crucified two men for the crime of ..."; "the battle for Mosul" is
                # for no foe)
                prepositions = (*prepositions, "for")
            if child.dep_ == "prep" and child.lower_ in prepositions and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in foes for g in child.children):
                return True
    # ... or one it is for: "THE BATTLE TO PRESERVE DEMOCRACY AND DEFEAT VIOLENCE"
    if root.pos_ == "NOUN" and any(
            c.dep_ == "acl" and is_infinitive(c)
            and any(o.dep_ in ("dobj", "obj") and o.lemma_.lower() in foes
                    for v in (c, *(g for g in c.children if g.dep_ == "conj"))
                    for o in v.children) for c in root.children):
        return True
    # ... and one that strikes: "Syria was hit by the unrest" (its agent)
    return root.pos_ == "VERB" and any(
        c.dep_ == "agent" and any(g.dep_ == "pobj" and g.lemma_.lower() in foes
                                  for g in c.children) for c in root.children)


def _said_in_words(root: Token, ctx: Context) -> bool:
    """An attack word (``context_typing.open_attack``) whose verb has an adverb, or whose noun
    an adjective, of ``verbal_manner``: "HARSHLY ATTACKED PERUVIAN PRESIDENT ALAN GARCIA", "a
    scathing attack on the minister" are criticism, no violence."""
    if root.lower_ not in ctx.lexicon.context_typing.open_attack.words:
        return False
    manner = ctx.lexicon.verbal_manner
    return any(c.dep_ in ("advmod", "amod") and c.lower_ in manner for c in root.children)


def _hypothetical(root: Token, marks: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """The event word is in a condition ("if rebels attack": ``hypothetical_marks``) or a
    "whether" question ("whether strikes were carried out", "whether he was a hostage"),
    unless it is a known one ("if the shelling continues", "whether the strikes were carried
    out by Syrian or Russian planes" asks who, not whether). "It was unclear if the strikes
    ..." is such a question too. ``known``: ``known_determiners``."""
    if any(c.dep_ in ("det", "poss") and c.lower_ in known for c in root.children):
        return False  # "if these strikes were due to an error": known strikes
    for token in [root, *list(root.ancestors)[:3]]:
        mark = next((c.lower_ for c in token.children if c.dep_ == "mark" and c.lower_ in marks),
                    None)
        marked = mark is not None
        if mark == "whether":
            return True  # "it determines whether strikes were carried out by ...": a question
        if marked and token.dep_ == "advcl" and not any(
                c.dep_ == "acomp" for c in token.head.children):  # not "it was unclear if"
            return True
        if marked and token.lemma_ == "be" and phrase_top(root).dep_ == "attr":
            return True
    return False


def _purpose(root: Token, reactions: tuple[str, ...]) -> bool:
    """The event word is the object of a purpose clause ("used the hub to launch attacks",
    "crossed the border to carry out an attack", "pilots who are here to participate in air
    bombings"): what something was for, not what was done.
    A verb's own complement ("managed to repel the attack") is not a purpose, nor what a
    reaction is to ("stoppages to protest the assassination": ``reactions``)."""
    verb = root.head if root.dep_ == "dobj" else None
    if root.dep_ == "pobj" and root.head.lower_ in PURPOSE_PREPOSITIONS \
            and root.head.head.pos_ == "VERB":
        verb = root.head.head  # "in order to proceed with the bombing", "to take part in"
    return verb is not None and verb.dep_ in ("advcl", "acl") and is_infinitive(verb) \
        and verb.lemma_.lower() not in reactions


def _names_gear(trigger: Span, heads: tuple[str, ...], use_verbs: tuple[str, ...]) -> bool:
    """The trigger modifies, maybe through other modifiers, a noun of gear or a site ("an
    artillery and tank projectiles depot", "rocket launchers", "three chemical weapons
    facilities": ``gear_heads``)."""
    if _headline_verb(trigger.root) or trigger.root.pos_ in ("VERB", "AUX"):
        return False  # (a verb modifies no gear: "... and the team rendered it safe")
    token = trigger.root
    while token.dep_ in ("compound", "amod", "nmod", "conj") and token.head != token:
        token = token.head
        # Each noun up the chain, not only the last: "destroyed three tunnel entrances and
        # two fighting positions" climbs from "positions" on to "entrances" through "and".
        if token.lemma_.lower() in heads:
            return not _put_to_use(token, use_verbs)
    return False


def _put_to_use(noun: Token, use_verbs: tuple[str, ...]) -> bool:
    """The noun, or the list that names it, is what a verb of using acts on: "they used
    proscribed weapons, namely 110mm and 84mm mortar systems" fired the mortars. Used for a
    purpose the sentence names, the purpose is the event: "USED ROCKET LAUNCHERS AND SMALL
    ARMS FIRE ... TO AMBUSH THIS CONVOY" is an ambush."""
    top = noun
    while top.dep_ in ("conj", "appos") and top.head != top:
        top = top.head
    verb = top.head
    return top.dep_ == "dobj" and verb.lemma_.lower() in use_verbs and not any(
        c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children)
        for c in verb.children)



def _headline_verb(word: Token) -> bool:
    """A headline with no verb but the event word, which the tagger read as a noun after a
    plural subject: "Rebels attack army base in Idlib" (not "an attack helicopter", "the
    rebels' artillery base")."""
    sentence = word.sent
    if any(t.pos_ in ("VERB", "AUX") for t in sentence) or word.i == sentence.start:
        return False
    before = word.doc[word.i - 1]
    return before.tag_ in ("NNS", "NNPS") and before.i == sentence.start + (
        1 if sentence[0].pos_ in ("ADJ", "PROPN") and sentence[0].i != before.i else 0)


def _demanded(root: Token, lemmas: tuple[str, ...]) -> bool:
    """The word is in a clause under a verb of demanding ("demanded that it be disbanded to
    allow air strikes"); its object ("demanded an investigation into the attack") is not."""
    clausal = False
    for ancestor in [root, *list(root.ancestors)[:3]]:
        if ancestor.lemma_ in lemmas and ancestor.i != root.i:
            return clausal
        if ancestor.dep_ == "ccomp" and ancestor.tag_ == "VBD" and has_own_subject(ancestor):
            return False  # a told past: "fighters kidnapped the officer, ... are demanding ransom"
        clausal = clausal or ancestor.dep_ in ("ccomp", "xcomp")
    return False


def _acted_on_by(root: Token, verbs: tuple[str, ...]) -> bool:
    """The word is the object or passive subject of one of ``verbs`` ("breached the
    agreement", "the truce was violated"), or the "of" complement of one ("violations of the
    truce") or of its object ("breached the cessation of hostilities agreement"); conjuncts
    and compound heads are followed ("the ceasefire agreement")."""
    token = root
    for _ in range(3):  # "breached the cessation of hostilities agreement": through "of"
        token = phrase_top(token)
        head = token.head
        if token.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_.lower() in verbs:
            return True
        if token.dep_ != "pobj" or head.lower_ != "of":
            return False
        if head.head.lemma_.lower() in verbs:
            return True
        token = head.head
    return False


def _attempted(root: Token, attempts: tuple[str, ...]) -> bool:
    """The event word is what a verb or noun of trying aims at ("struggling to broker a
    ceasefire", "efforts to reach a truce"), within three words up; not who tried ("Hundreds
    of demonstrators attempted to storm the airport") nor what they did meanwhile ("...,
    throwing stones")."""
    path = [root]
    for ancestor in list(root.ancestors)[:3]:
        if ancestor.lemma_.lower() in attempts:
            return not any(word.dep_ in ("nsubj", "nsubjpass", "advcl", "conj") for word in path)
        path.append(ancestor)
    return False


def _named_place(trigger: Span, place_words: Collection[str]) -> bool:
    """A capitalised word after "the town of", "the city of" (gazetteer.yaml ``generic_words``)
    names the place: "ISIS attacked the town of Hit" (a town in Anbar)."""
    root = trigger.root
    return len(trigger) == 1 and root.is_title and root.i > root.sent.start \
        and root.dep_ == "pobj" and root.head.lower_ == "of" \
        and root.head.head.lower_ in place_words


def _people_so_called(root: Token) -> bool:
    """A participle used as a noun names people: "families of the disappeared", "the
    detained" (a subject, object or "of" object with its own article)."""
    return root.tag_ in ("VBN", "VBD") and root.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj") \
        and any(c.dep_ == "det" for c in root.children)


def _kept(root: Token, keeping: tuple[str, ...]) -> bool:
    """The control word is what a side keeps: the object of a verb of keeping or in its "in"
    phrase ("retained control of the city", "remained in control of the town")."""
    top = phrase_top(root)
    head = top.head.head if top.dep_ == "pobj" and top.head.lower_ == "in" else top.head
    return top.dep_ in ("dobj", "obj", "pobj") and head.lemma_.lower() in keeping


def _reacted_to(root: Token, words: ReactedTo) -> bool:
    """The event word's phrase is what a reaction is about, in a sentence with no date: the
    object of a verb of judging, or the "over"/"for" object of a reaction ("summoned the
    ambassador over the shelling"); attribution.yaml ``reacted_to``."""
    top = phrase_top(root)
    if any(t.ent_type_ in ("DATE", "TIME") and not _dates_as_known(t, top)
           and not _dates_the_reaction(t, words) for t in root.sent):
        return False  # "condemned the kidnapping of the senator in Medellin on Monday": dated,
        # the reaction reports it (the parse cannot tell whose the date is)
    if _reacted_phrase(top, words):
        return True
    # what a reacted-to event did, told in a clause on it: "a strong protest over the ceasefire
    # violations ..., which resulted in the martyrdom of two civilians"
    clause = next((a for a in root.ancestors if a.dep_ == "relcl"), None)
    if clause is None:
        return False
    node = phrase_top(clause.head)
    for _ in range(3):  # up through "along the LoC" to "violations"
        if _reacted_phrase(node, words):
            return True
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return False
        node = phrase_top(node.head.head)
    return False


def _responded_to(root: Token, lemmas: tuple[str, ...]) -> bool:
    """The event word's phrase is what a response answers ("in response to the raids":
    attribution.yaml ``reacted_to.to_lemmas``)."""
    top = phrase_top(root)
    return top.dep_ == "pobj" and top.head.lower_ == "to" \
        and top.head.head.lemma_.lower() in lemmas


def _reacted_phrase(top: Token, words: ReactedTo) -> bool:
    """The phrase is the object of a verb of judging or the "over"/"for" object of a
    reaction."""
    if top.dep_ in ("dobj", "obj") and top.head.lemma_.lower() in words.judging_lemmas:
        return True
    if top.dep_ != "pobj" or top.head.lower_ not in ("over", "for"):
        return False
    reacting = top.head.head
    # (the parser hangs "over" on the verb or on its object: "summoned the ambassador over")
    return reacting.lemma_.lower() in words.over_lemmas or (
        reacting.dep_ in ("dobj", "obj") and reacting.head.lemma_.lower() in words.over_lemmas)


def _dates_the_reaction(date_word: Token, words: ReactedTo) -> bool:
    """A date on a diplomatic act of reacting, on a verb joined to one, or on a statement:
    "summoned the chargé d'affaires on Sunday and lodged a protest over ..." dates the
    reaction, not what it is over. (Not a verb of judging after it: "condemned the kidnapping
    of the senator in Medellin on Monday" may date either, and the kidnapping is news; a date
    before the verb is the verb's.)"""
    verb = date_word
    while verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
        if verb.lemma_.lower() in words.speech_nouns:
            return True  # "condemned the attacks in a statement on Wednesday"
    if verb.lemma_.lower() in words.judging_lemmas and date_word.i < verb.i:
        return True  # "Mikati on Wednesday condemned the Israeli strike": before the verb
    lemmas = set(words.over_lemmas) - set(words.judging_lemmas)
    return verb.lemma_.lower() in lemmas or any(
        c.lemma_.lower() in lemmas for c in verb.conjuncts)


def _dates_as_known(date_word: Token, event: Token) -> bool:
    """A date word that names the event as a known one by possession: "Sunday's air strike",
    "last week's bombing" (its phrase is the possessor of the event noun)."""
    top = date_word
    while top.head != top and top.dep_ != "poss" and top.head.ent_type_ == top.ent_type_:
        top = top.head
    return top.dep_ == "poss" and top.head == event


def _made_before(root: Token, rule: ExistingAgreement) -> bool:
    """The agreement word names an agreement the news takes as given: broken or kept,
    ended, the background of a clause ("since a ceasefire collapsed", "despite a truce"),
    described as old ("the fragile ceasefire", "a February ceasefire"), saying what it holds
    ("what does the agreement say?"), or named or pointed back at and not made here ("the Tela
    agreements", "these agreements are a victory")."""
    if _acted_on_by(root, rule.verbs) or _after_its_verb(root, rule.verbs):
        return True
    if root.dep_ == "compound" and root.head.lemma_.lower() in rule.verbs:
        return True  # "reports of ceasefire violations"
    head = phrase_top(root)
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in (*rule.ended_by, *rule.content_verbs):
        return True  # "the truce collapsed", "what does the agreement say?"
    if head.dep_ == "pobj" and not (head.head.lower_ == "under" and _dated_participle(root)) \
            and _preposition_in(head.head, rule.prepositions):
        return True  # "since a ceasefire collapsed", "in accordance with the agreement"
    months = load_quantifiers().months
    if any((c.dep_ == "amod" and c.lower_ in rule.modifiers)
           or (c.dep_ in ("compound", "npadvmod", "nmod") and c.lower_ in months)
           for c in head.children):
        return True
    pointed_at = any(c.dep_ == "det" and c.lower_ in rule.demonstratives for c in head.children)
    return (pointed_at or _named_after(root)) and not (
        _acted_on_by(root, rule.making_verbs) or _after_its_verb(root, rule.making_verbs))


def _dated_participle(root: Token) -> bool:
    """The event word has a participle dated to a day ("Under a deal reached on Sunday, the
    fighters will be evacuated", "the raid carried out on Monday"): told as done, whatever
    preposition or modal frames it. A year ("the deal brokered by Russia in 2017") names an
    old one."""
    for verb in phrase_top(root).children:
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            continue
        dates = [t for t in verb.subtree if t.ent_type_ == "DATE"]
        if dates and not any(t.like_num and len(t.text) == 4 or t.lower_ in ("year", "years")
                             for t in dates):
            return True
    return False


def _named_after(root: Token) -> bool:
    """The word's name holds a place, a person or an event ("the Tela agreements", "the
    Esquipulas II agreement"): a known agreement, not one a "peace" or "ceasefire" describes.
    Only the word's own noun counts ("the Syria crisis, the nuclear agreement" is no name)."""
    head = root
    while head.dep_ == "compound" and head.head != head:
        head = head.head  # "the Sochi ceasefire agreement"
    modifiers = [c for c in head.children if c.dep_ in ("compound", "nmod")]
    while modifiers:
        modifier = modifiers.pop()
        if modifier.ent_type_ in AGREEMENT_NAME_ENTITIES:
            return True
        modifiers.extend(c for c in modifier.children if c.dep_ in ("compound", "nmod"))
    return False


def _after_its_verb(root: Token, verbs: tuple[str, ...]) -> bool:
    """"breached the cessation of hostilities agreement": the verb comes a few words before
    the agreement word with no other verb between; read from the words, as the parser often
    takes a long name's last word for a verb of its own."""
    doc = root.doc
    for token in reversed(doc[max(root.sent.start, root.i - AGREEMENT_VERB_WINDOW):root.i]):
        if token.lemma_.lower() in verbs:
            return True
        if token.pos_ in ("VERB", "AUX") or token.is_punct:
            return False
    return False


def _lodged_by_state(root: Token, rule: StateProtest) -> bool:
    """The protest word's subject or agent is a country, a capital or an office of state
    ("Turkey protested", "protested by Damascus", "the foreign ministry protested"), or a
    diplomatic adjective modifies it ("a formal protest")."""
    doers = [c for c in root.children if c.dep_ in ("nsubj", "poss")]
    doers += [g for c in root.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    for doer in doers:
        if _dateline(doer):
            continue  # "NAIROBI - Hundreds of nurses marched to parliament"
        compound = " ".join(t.lower_ for t in doer.subtree if t.dep_ == "compound" or t == doer)
        if doer.ent_type_ == "GPE" or doer.lemma_.lower() in rule.doers or compound in rule.doers:
            return True
    if root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in rule.lodging_verbs:
        return True  # "to lodge a strong protest": a complaint on paper
    return any(c.dep_ == "amod" and c.lower_ in rule.modifiers for c in root.children)


def _dateline(word: Token) -> bool:
    """The word opens its sentence before a dash: a dateline ("NAIROBI - ..."), which the
    parser may take for the subject."""
    return word.i == word.sent.start and word.i + 1 < len(word.doc) \
        and word.doc[word.i + 1].text in ("-", "--", "\u2013", "\u2014")


def _protest_as_purpose(root: Token, acts: tuple[str, ...]) -> bool:
    """The protest word is the infinitive of what one of ``acts`` was for ("THE OFFENSIVE HAS
    BEEN LAUNCHED TO PROTEST THE GOVERNMENT'S MEASURES", "THE FOREIGN MINISTRY ISSUED A NOTE TO
    PROTEST"): the act is the news."""
    if root.pos_ != "VERB" or not is_infinitive(root):
        return False
    head = root.head
    if root.dep_ in ("acl", "relcl") and head.head != head:
        head = head.head  # "issued a note to protest": the note's verb
    return head != root and head.lemma_.lower() in acts


def _complement_of_modal_verb(root: Token, ctx: Context) -> bool:
    """The event word is what a verb with a modal auxiliary is, does or is about ("it will be
    the site of a battle", "they would pay for the attack"): a future or a hypothesis. Only
    through complements: a modal's subject ("the strikes will be investigated") is an event
    reported as it is, and so is what an inquiry or a reaction is about ("an investigation
    will be conducted into the murders": ``inquiry_nouns``, ``reaction_lemmas``)."""
    if _dated_participle(root):
        return False  # "Under a deal reached on Sunday, the fighters will be evacuated"
    token = root
    while token.dep_ in ("pobj", "prep", "attr", "dobj", "compound", "amod") \
            and token.head != token:
        token = token.head
        if token.lower_ in ctx.lexicon.reason_words:
            return False  # "should be alert because of the rebels' attacks": they happened
        if token.pos_ in ("VERB", "AUX"):
            if token.lemma_.lower() in ctx.lexicon.reaction_lemmas or any(
                    c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower()
                    in ctx.lexicon.inquiry_nouns for c in token.children):
                return False  # "an investigation will be conducted into the murders"
            return _has_modal(token, ctx.lexicon.modal_words)
    return False


def _subject_of_modal_be(root: Token, modal_words: tuple[str, ...]) -> bool:
    """The event word heads the subject of "be" with a modal auxiliary: what it would be is a
    hypothesis ("Capturing Manbij would be its most significant victory yet", "Full control of
    Aleppo would be a huge prize"); "the strikes will be investigated" is a passive, no "be"
    of its own."""
    token = phrase_top(root)
    while token.dep_ in ("pobj", "prep") and token.head != token:
        token = token.head
    verb = token.head
    return token.dep_ in ("nsubj", "csubj") and verb.lemma_ == "be" and verb.pos_ == "AUX" \
        and _has_modal(verb, modal_words)


def _shares_a_modal(root: Token, modal_words: tuple[str, ...]) -> bool:
    """The event word's verb is a later conjunct, with no subject or auxiliary of its own, of
    a verb with a modal auxiliary: "THESE INVESTIGATIONS WILL ALLOW US TO LEARN MORE ... AND,
    IF POSSIBLE, MAKE SOME ARRESTS" (the "will" is the arrests' too)."""
    verb = governing_verb(root)
    if verb is None or verb.dep_ != "conj" or verb.tag_ not in ("VB", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False  # (a past or third-person verb is not under it: "will meet and attacked")
    return _has_modal(first_conjunct(verb), modal_words)


def _in_a_modal_chain(root: Token, modal_words: tuple[str, ...]) -> bool:
    """The event verb, a gerund or a base form, hangs through other gerunds and base forms
    (complements and conjuncts, or a passive's "by") on a verb with a modal auxiliary: "WILL
    NOT ALLOW THE GUERRILLAS TO REGROUP AND BEGIN ATTACKING", "AN OPERATION ... THAT WILL BE
    IMPLEMENTED NEXT WEEKEND BY POISONING WATER SUPPLIES AND ATTACKING COMMERCIAL CENTERS" (a
    finite verb on the way, "BEGAN ATTACKING", ends the chain: told as done)."""
    if root.tag_ not in ("VB", "VBG"):
        return False
    token = root
    for _step in range(4):
        head = token.head
        if token.dep_ == "pcomp" and head.dep_ in ("prep", "agent") and head.lower_ == "by":
            token, head = head, head.head  # "WILL BE IMPLEMENTED ... BY ... ATTACKING" (the
            # means; "will advance to Al-Bab after seizing Dabiq" tells a seizure done)
        elif token.dep_ not in ("xcomp", "ccomp", "conj"):
            return False
        if head == token or not (head.tag_ in ("VB", "VBG") or (
                head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children))):
            return False
        if _has_modal(head, modal_words):
            return True
        token = head
    return False


def _has_modal(verb: Token, modal_words: tuple[str, ...]) -> bool:
    """The verb has a modal auxiliary of ``modal_words`` ("will be", "might be imposed")."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in modal_words
               for c in verb.children)


def _still_to_come(root: Token, ctx: Context) -> bool:
    """The event word is the subject of a verb that brings it about (``coming_about_verbs``)
    with a modal auxiliary: "an agreement will be reached", "a state of emergency might be
    imposed". A modal's subject otherwise happened ("the strikes will be investigated")."""
    top = phrase_top(root)
    verb = top.head
    return top.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in \
        ctx.lexicon.coming_about_verbs and _has_modal(verb, ctx.lexicon.modal_words)


def _named_by_year(trigger: Span) -> bool:
    """A year inside the event word's noun phrase ("the 2013 chemical attack", "a deadly 2017
    bombing") names a past, known event as background, not a new one."""
    table = load_quantifiers()
    years = table.years
    root = trigger.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    # Only a modifier right before the event word: a dateline's year ("Tuesday 26 April 2016
    # Airstrikes kill ...") can hang off the same noun in a bad parse.
    modifiers = [t for t in trigger.doc[max(trigger.sent.start, trigger.start - 3):trigger.end]
                 if t.head == root and t.dep_ in ("nummod", "compound", "amod")]
    return any(t.is_digit and len(t.text) == 4 and years.low <= int(t.text) <= years.high
               and not _in_a_date(t, table.months) for t in modifiers)


def _in_a_date(year: Token, months: list[str]) -> bool:
    """The year ends a written date ("June 11 2016", "14 Nov 2017"): a dateline, not a
    modifier of the event word."""
    before = [t.lower_.rstrip(".") for t in year.doc[max(0, year.i - 2):year.i]]
    return any(word in months or word.isdigit() for word in before)
