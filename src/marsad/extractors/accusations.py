"""Accusations: who the text says carried out an attack that its own report leaves unnamed.

Why: the perpetrators of chemical attacks, air strikes on markets and car bombs are rarely
named in the sentence that reports the toll; they are named where somebody blames them
("France blamed Syrian regime forces for the attack", "Washington says forces loyal to Assad
were behind the attack", "the regime denied responsibility"). An analyst codes the accused side
as the initiator (ACLED codes the reported perpetrator) and keeps the allegation visible: the
actor's span points at the accusation, and the event's notes say the perpetrator is alleged.

Each accusation is read from the parse around an actor's name (``initiators.accused`` in
triggers.yaml lists the words), never from word order:
- object of a blame verb: "blamed X (for the attack)", "accused X of ...";
- after "on" of a blame verb: "blamed the attack on X"; after "to" of an attributing verb:
  "attributed the attack to (members of) X";
- subject of "be" with "behind" or "responsible": "X was behind the attack";
- after "at" of "point": "pointed their fingers at X";
- subject of a denial of responsibility: "X denied responsibility for the attack";
- agent of a perpetration verb: "the attack, believed to have been carried out by X";
- subject (or agent) of a planning verb whose object is the attack, named as known: "the
  Medellin cartel planned the attack", "the bombing was masterminded by X".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Token

from marsad.extractors.actors import FIGHTING_INTER, ActorMention, members_phrase, phrase_head
from marsad.lexicon import Accused


@dataclass(frozen=True)
class Accusation:
    """An armed actor the text blames, and the sentence that does."""

    mention: ActorMention
    sentence_start: int
    """Character offset of the accusing sentence (to measure its distance to an event)."""


def find_accusations(actors: list[ActorMention], rules: Accused,
                     known: tuple[str, ...]) -> list[Accusation]:
    """Every armed actor the parse shows as accused of an attack. ``known``: determiners of a
    known event (attribution.yaml ``known_determiners``: "planned the attack" names one)."""
    found = []
    for mention in actors:
        if mention.entry.inter not in FIGHTING_INTER:
            continue
        accused = _accused(phrase_head(mention.span.root), rules, known) or \
            _subject_before(mention, rules)
        sentence = mention.span.sent
        if accused and any(t.lower_ in rules.objects for t in sentence):  # about an attack
            found.append(Accusation(mention, sentence.start_char))
    return found


def prevailing(accused: list[str]) -> str | None:
    """The side (canonical actor name) blamed most often; none when two sides are blamed as
    often (each side blaming the other is a contested attack, not an alleged perpetrator)."""
    ranked = Counter(accused).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _subject_before(mention: ActorMention, rules: Accused) -> bool:
    """"forces loyal to Assad were behind the attack" parsed with the name under "loyal": the
    name right before a subjectless "were behind" / "is responsible" is its subject."""
    doc = mention.span.doc
    if mention.span.end >= len(doc):
        return False
    verb = doc[mention.span.end]
    return verb.lemma_.lower() == "be" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
        c.lower_ in rules.behind_words for c in verb.children)


def _accused(head: Token, rules: Accused, known: tuple[str, ...]) -> bool:
    head = members_phrase(head)  # "attributed the attack to members of the 17th Front of X"
    verb = head.head
    lemma = verb.lemma_.lower()
    if head.dep_ == "dobj" and lemma in rules.blame_verbs:
        return True
    if head.dep_ == "pobj":
        prep = verb
        governor = prep.head
        if prep.lower_ == "on" and (governor.dep_ == "dobj" and governor.head.lemma_.lower()
                                    in rules.blame_verbs or governor.lemma_.lower()
                                    in rules.blame_verbs):
            return True  # "blamed the attack on X", however the parser attaches the "on"
        if prep.lower_ == "to" and (governor.dep_ == "dobj" and governor.head.lemma_.lower()
                                    in rules.attribute_verbs or governor.lemma_.lower()
                                    in rules.attribute_verbs):
            return True  # "attributed the attack to members of the FARC"
        if prep.lower_ == "at" and governor.lemma_.lower() in rules.point_verbs:
            return True
        if prep.dep_ == "agent" and governor.lemma_.lower() in (
                *rules.perpetrate_verbs, *rules.plan_verbs):
            return True
    if head.dep_ == "nsubj":
        children = list(verb.children)
        if lemma in rules.plan_verbs and any(
                c.dep_ == "dobj" and c.lower_ in rules.objects and _known(c, known)
                for c in children):
            return True  # "the Medellin cartel planned the attack"
        if lemma == "be" and any(c.lower_ in rules.behind_words for c in children):
            return True
        if lemma in rules.denial_verbs and any(
                c.dep_ == "dobj" and c.lower_ in rules.denied for c in children):
            return True
    return False


def _known(word: Token, known: tuple[str, ...]) -> bool:
    """The word names a known attack: "the attack", "this attack", "their bombings" ("an
    attack" may be one still to come)."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in known for c in word.children)
