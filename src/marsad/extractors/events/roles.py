"""Who did it to whom: actor1, actor2 and their associates, read from the parse.

Why separate: the sides of an event come from its trigger's dependency tree (subject, agent,
modifier, object of a harm word), then from the adjective on the event word and the claimant
who speaks for a side; the same reading serves the sub-type decisions that depend on who
acts (territory gained by a state or by a non-state actor).
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator, Sequence

from spacy.tokens import Span, Token

from marsad.context import Context
from marsad.extractors.actors import (
    CIVILIANS_INTER,
    FIGHTING_INTER,
    REBEL_INTER,
    STATE_INTER,
    STATES_INTER,
    ActorMention,
    members_phrase,
    phrase_head,
    sole_group,
)
from marsad.extractors.attribution import ClaimMention, load_rules
from marsad.extractors.events.candidates import Candidate
from marsad.extractors.events.triggers import charge_word_over, has_own_subject
from marsad.lexicon import (
    TERRITORY_GAIN,
    Initiators,
    RoleWords,
    filled_country,
    same_entry,
)
from marsad.model import Actor
from marsad.nlp import first_conjunct, governing_verb
from marsad.recase import doc_in_capitals


def associated_with_other(token: Token, heads: set[int], cues: frozenset[str]) -> bool:
    """True when ``token`` hangs off another actor's phrase through an association cue, or is
    joined to it by "and" ("regime forces and Hezbollah"), unless both stand after "between":
    "clashes between the army and the Houthis" names the two sides."""
    words: set[str] = set()
    node = token
    while node.head != node:
        words.add(node.lower_)
        node = node.head
        if node.i in heads and node.i != token.i:
            return bool((words | {node.lower_}) & cues) or (
                token in node.conjuncts and not _between_sides(node))
    return False


def _between_sides(token: Token) -> bool:
    """The token is one of the sides named after "between" ("clashes between the army and the
    Houthis"), itself or as a conjunct of the first."""
    token = first_conjunct(token)
    return token.dep_ == "pobj" and token.head.lower_ == "between"


def actor_roles(trigger: Span, actors: Sequence[ActorMention], words: RoleWords,
                victims: Sequence[tuple[int, int]] = (), *, two_sided: bool = False,
                taken_from: bool = False) -> tuple[ActorMention | None, ActorMention | None]:
    """Pick actor1 (who acts) and actor2 (who is acted on) from the parse, then word order.

    ``victims`` are the character spans of the sentence's casualty mentions: an actor named
    among the dead or wounded ("killed 15 soldiers") is the target, not the initiator.
    ``taken_from``: the event's verb takes the losing side with "from" ("captured Gharyan from
    GNA forces"; ``initiators.taken_from``).
    ``words`` (``Lexicon.role_words``): among them the words that say who holds a place
    ("regime-held areas", "areas held by ISIS"): the holder never initiates, and is the target
    only when no one else is (the dead of "rebel shelling on regime-held areas killed 12
    people" are); and prepositions that tie an event to another act by time only: that act's
    subject is not this event's initiator.
    """
    cues, member_cues, acted_on = words.association, words.members, words.acted_on
    holding, times = words.holding, words.times
    first: list[ActorMention] = []
    accused: list[ActorMention] = []
    second: list[ActorMention] = []
    before: list[ActorMention] = []
    after: list[ActorMention] = []
    struck: list[ActorMention] = []  # objects of another harm word: targets, never a side
    holders: list[ActorMention] = []  # who holds the place hit: the target of last resort
    hit: set[int] = set()  # ids of mentions the event's own harm verb acts on: never a side
    root = trigger.root
    heads = {phrase_head(m.span.root).i for m in actors}
    # "Police arrested three ISIS members for bombing a market": the one arrested is the
    # act's alleged author, the one arresting no side of it
    charge = charge_word_over(root, words.charging)
    for mention in actors:
        token = phrase_head(mention.span.root)
        if associated_with_other(token, heads, cues):
            continue  # "regime forces" in "Hezbollah alongside regime forces": an associate
        if any(other.span.start > mention.span.start and _share_a_noun(mention, other)
               and phrase_head(other.span.root).is_ancestor(token) for other in actors):
            continue  # "Russian" in "Russian and Syrian warplanes": the noun's associate
        if _side_of_main_clause(token, root):
            continue  # "Fighting raged between rebels and regime loyalists as helicopters ..."
        if accused_of(mention.span.root, root, words.blaming):
            accused.append(mention)  # "Syria has accused Israel of bombarding an area": the
            continue  # accused did it, by the accuser's word (the claim stays hedged), before
            # any subject above ("M-19 COMMANDER ... RELEASED A COMMUNIQUE IN WHICH HE
            # ACCUSED THE COLOMBIAN ARMY OF ATTACKING AN M-19 GROUP")
        if token.dep_ == "nsubj" and _blames_for(token.head, root, words.blaming):
            continue  # ... and "Syria", the accuser, is a judge, no side of it
        if charge is not None and charge.is_ancestor(token):
            if (token.head == charge and token.dep_ == "nsubj") or (
                    token.dep_ == "pobj" and token.head.dep_ == "agent"
                    and token.head.head == charge):
                continue  # "Police arrested ...", "... were arrested by police"
            if accused_of(mention.span.root, root, (), words.charging):
                first.append(mention)
                continue
        if token.dep_ == "pobj" and token.head.i == trigger.end - 1 \
                and trigger.text.lower() in words.controlling:
            first.append(mention)  # "back under the control of the federal army": the taker
        elif any(start <= mention.span.start_char and mention.span.end_char <= end
                 for start, end in victims):
            second.append(mention)
        elif not two_sided and _holds_a_place(token, holding):
            holders.append(mention)  # (a battle's defender holds the place: a side)
        elif (_modifies(mention.span.root, root) or _misread_compound(mention.span[-1], root)) \
                and mention.entry.inter != 7:
            first.append(mention)  # "Daesh attack", "ISIS's car bomb": who carried it out
        elif token.dep_ == "nsubj" and token.head != root \
                and _before_or_after(root, token.head, times):
            continue  # "police raids began shortly after the kidnapping": another act's doer
        elif _reacts_to(token, root, words.reacting):
            continue  # "Kurdish forces condemned the bombing": a judge, not a side
        elif _defends_against(token, root, words.defending):
            second.append(mention)  # "... FENDING OFF FIERCE SALVADORAN AIR AND ARTILLERY ATTACKS"
            hit.add(id(mention))
        elif root.lemma_.lower() in words.yielding and (
                (token.dep_ == "nsubj" and token.head == root) or (
                    root.is_ancestor(token) and _child_on_path(token, root).dep_ == "nsubj")):
            second.append(mention)  # "Lashio, the regime's command, fell to the MNDAA": lost
        elif token.dep_ == "nsubj" and (token.head == root or token.head.is_ancestor(root)):
            if _below_a_clause_of_its_own(token, root):
                continue  # "ISIL has had control of Mosul ..., and the Iraqis have cleared
                # ... since the liberation of the city began": another clause's subject
            first.append(mention)
        elif token.dep_ == "nsubjpass" and (token.head == root or token.head.is_ancestor(root)):
            # "a Russian helicopter was shot down", "ISIS positions were targeted": the
            # subject of a passive harm verb is what was hit
            # ... as is that of any passive with an agent ("the army's base was seized by
            # fighters from the Islamic State")
            harmed = mention.entry.inter == 7 or token.head.lemma_.lower() in acted_on \
                or any(c.dep_ == "agent" for c in token.head.children)
            if harmed:
                second.append(mention)
                hit.add(id(mention))
            else:
                first.append(mention)
        elif root.is_ancestor(token) and _in_clause_of_its_own(token, root):
            continue  # "A BOMB EXPLODED ..., AND A SECOND DEVICE WAS DEACTIVATED BY THE POLICE"
        elif root.is_ancestor(token):
            path = _path_words(token, root)
            # "targeted by X", "at the hands of X", "a suicide bomber from Nusra"
            agent = _agent_of(token, root) or bool(path & member_cues) \
                or _yielded_to(token, root, words.yielding)
            if taken_from and is_taken_from(token, root):
                agent = False  # "recaptured the town from ISIS": the side that lost it
            # "Members of ISIS executed ...": a name inside the active subject's phrase acts.
            child = _child_on_path(token, root)
            if agent or child.dep_ == "nsubj":
                first.append(mention)
            elif child.dep_ == "prep" and child.lower_ == "on" and root.dep_ == "dobj" \
                    and root.head.lemma_.lower() in words.blaming:
                continue  # "blamed the attack on the regime": the accused (accusations.py)
            elif (child.dep_ in ("dobj", "obj", "nsubjpass") or (
                    child.dep_ == "prep" and child.lower_ in ("on", "upon", "against"))) \
                    and root.lemma_.lower() in acted_on:
                # ("inflicted casualties on U.S. Army troops", "an attack on the base")
                # "a key position for the terrorists was destroyed": what was hit, never the
                # side a two-sided battle turns into its initiator
                second.append(mention)
                hit.add(id(mention))
            else:
                second.append(mention)
        elif _acts_elsewhere(token, root):
            continue  # "... as regime forces pressed a campaign": the subject of another clause
        elif _acted_on(token, acted_on):
            struck.append(mention)  # "the elimination of Daesh command position"
        elif mention.span.start < trigger.start:
            before.append(mention)
        else:
            after.append(mention)
    ordered_first = accused + first + before + after
    if two_sided and not any(m.entry.inter != 7 for m in ordered_first):
        # "50 Jaysh al-Fateh fighters killed in clashes with the Syrian army": a battle's
        # sides are symmetric; the side not counted among the dead is the one named first.
        ordered_first = [m for m in second if id(m) not in hit and not any(
            start <= m.span.start_char and m.span.end_char <= end for start, end in victims)]
    actor1 = next((m for m in ordered_first if m.entry.inter != 7), None)
    second = second + struck + holders
    remaining = [m for m in second + after + before
                 if actor1 is None or (not same_entry(m.entry, actor1.entry)
                                       and not _alternative_to(m, actor1))]
    actor2 = remaining[0] if remaining else None
    if actor1 is None and actor2 is None:
        civilians = [m for m in actors if m.entry.inter == 7]
        return None, civilians[0] if civilians else None
    return actor1, actor2


def _side_of_main_clause(token: Token, root: Token) -> bool:
    """The actor is one of two sides named after "between" in the main clause, and the event
    word stands in an adverbial clause apart from it: "Fighting raged in Aleppo between rebels
    and regime loyalists as helicopters dropped a barrel bomb" (the rebels are no side of the
    barrel bomb)."""
    if not _between_sides(token):
        return False
    clause = root
    while clause.dep_ != "advcl" and clause.head != clause:
        clause = clause.head
    return clause.dep_ == "advcl" and not clause.is_ancestor(token)


def _reacts_to(token: Token, root: Token, reacting: frozenset[str]) -> bool:
    """The actor is the subject of a verb of reacting above the event word, or the noun a
    relative clause with that verb is about, or the noun it stands beside ("General Nunez,
    the Carabineros director, who described the latest terrorist attacks as isolated
    events")."""
    nouns = [token, token.head] if token.dep_ in ("appos", "conj") else [token]
    verbs = [token.head] if token.dep_ == "nsubj" else [
        c for noun in nouns for c in noun.children if c.dep_ == "relcl"
        and any(g.dep_ == "nsubj" and g.tag_ in ("WP", "WDT") for g in c.children)]
    return any(verb != root and verb.lemma_.lower() in reacting and verb.is_ancestor(root)
               for verb in verbs)


def _defends_against(token: Token, root: Token, defending: frozenset[str]) -> bool:
    """The actor is the subject of a verb of defending (``defending_verbs``) whose object holds
    the event word, or of the clause that verb hangs from when it has no subject of its own
    ("INSURGENTS ... STILL HELD KEY POSITIONS, FENDING OFF FIERCE ... ARTILLERY ATTACKS")."""
    verb = governing_verb(root)
    while token.dep_ == "appos" and token.head != token:
        token = token.head  # "... FRONT (FMLN)"
    token = members_phrase(token)  # "INSURGENTS FROM THE ... FMLN": the insurgents
    if verb is None or verb == root or verb.lemma_.lower() not in defending \
            or token.dep_ != "nsubj":
        return False
    if not any(c.dep_ in ("dobj", "obj") and _names_the_object(root, c) for c in verb.children):
        return False
    if has_own_subject(verb):
        return token.head == verb
    return verb.dep_ in ("advcl", "xcomp", "conj") and token.head == verb.head


def _names_the_object(word: Token, head: Token) -> bool:
    """``word`` is the object ``head`` or a word of its name, not of a phrase hung on it
    ("REPELLED THE INCURSION WITH ARTILLERY FIRE": the fire is the defenders' means)."""
    while word != head:
        if word.dep_ not in ("compound", "amod", "nmod", "conj") or word.head == word:
            return False
        word = word.head
    return True


def _alternative_to(mention: ActorMention, actor1: ActorMention) -> bool:
    """``mention`` is coordinated with ``actor1`` by "or" ("carried out by the Shining Path or
    the MRTA"): a second suspect, never the target."""
    head, other = phrase_head(mention.span.root), phrase_head(actor1.span.root)
    for first, second in ((head, other), (other, head)):
        token = first
        while token.dep_ in ("conj", "appos") and token.head != token:
            if token.dep_ == "conj" and token.head == second and any(
                    c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in second.children):
                return True
            token = token.head
    return False


def _misread_compound(word: Token, root: Token) -> bool:
    """An actor adjective the parser made an argument of the event noun right after it:
    "Rebel shelling" (shelling an ``acl`` of "Rebel"), "government airstrikes" ("government"
    the subject of "airstrikes" read as a verb)."""
    if root.i != word.i + 1:
        return False
    participle = root.dep_ == "acl" and root.tag_ in ("VBG", "NN", "NNS") and root.head == word
    return participle or (word.dep_ == "nsubj" and word.head == root)


def _holds_a_place(token: Token, holding: frozenset[str]) -> bool:
    """Whether the actor word says who holds a place: "regime(-)held", "held by ISIS"."""
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        token = token.head
    return token.head.i != token.i and token.head.lower_ in holding


def _acted_on(token: Token, words: frozenset[str]) -> bool:
    """The actor's phrase is the object of a harm word of its own clause ("destroying ISIS
    positions", "the elimination of Daesh command position", "an attack on SDF fighters",
    "struck the headquarters of Ahrar al-Sham"; not "against": "killed in battles against
    ISIL" names the other side) (``initiators.acted_on_words``), or stands in a clause that
    describes such an object ("hit two vehicles that had departed a large al-Qaida
    headquarters")."""
    head = phrase_head(token)
    while head.dep_ in ("compound", "amod", "poss", "nmod") and head.head != head:
        head = head.head  # "Daesh" -> "position" in "Daesh command position"
    if head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in words:
        return True
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "on"):
        owner = head.head.head
        # ... or of what a harm word hit: "the attack struck the headquarters of Ahrar al-Sham"
        return owner.lemma_.lower() in words or (
            head.head.lower_ == "of" and owner.dep_ in ("dobj", "obj")
            and owner.head.lemma_.lower() in words)
    if head.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") and head.head.dep_ in ("relcl", "acl"):
        hit = head.head.head  # ... or in a clause describing it: "hit two al-Qaida vehicles
        # that had departed a large al-Qaida headquarters" (no initiator in the headquarters)
        return hit.dep_ in ("dobj", "obj") and hit.head.lemma_.lower() in words
    return False


def _yielded_to(token: Token, root: Token, yielding: frozenset[str]) -> bool:
    """The actor is the "to" object of a verb of yielding ground: "Palma fell to the
    insurgents" (``initiators.yielding_verbs``)."""
    return root.lemma_.lower() in yielding and any(
        word.lower_ == "to" and word.head == root for word in _path(token, root))


def is_taken_from(token: Token, root: Token) -> bool:
    """The actor is the object of a "from" on the event's verb or on what the verb took
    ("captured the town of Gharyan from GNA forces"), not inside the taker's own phrase
    ("seized by fighters from the Islamic State")."""
    return any(word.lower_ == "from" and (word.head == root or (
        word.head.dep_ in ("dobj", "obj", "nsubjpass", "prt", "advmod")
        and word.head.head == root)  # (or on its particle: "wrested back from")
        or _on_what_was_taken(word.head, root))
        for word in _path(token, root))


def _on_what_was_taken(head: Token, root: Token) -> bool:
    """The "from" hangs on a noun inside what the event word took, through "of" and lists:
    "the recapture of Usaylan, Bayhan and Ain districts of Shabwa province from the Houthis"."""
    for _ in range(6):
        if head == root:
            return True
        if not (head.dep_ in ("pobj", "conj", "appos", "compound", "dobj", "obj", "nsubjpass")
                or (head.dep_ == "prep" and head.lower_ == "of")) or head.head == head:
            return False
        head = head.head
    return False


def _before_or_after(root: Token, verb: Token, times: frozenset[str]) -> bool:
    """The event word hangs under ``verb`` only through a preposition of time: the subject of
    ``verb`` did that other act, not necessarily this one ("The police raids began shortly
    after the kidnapping of Delgado Parker"; "troops entered the town after the massacre")."""
    if not verb.is_ancestor(root):
        return False
    path = list(_path(root, verb))
    # ... but "executed 20 men after capturing the town": a gerund after it shares the subject
    return any(word.dep_ == "prep" and word.lower_ in times
               and below.dep_ == "pobj" and below.pos_ in ("NOUN", "PROPN")
               for below, word in itertools.pairwise(path))


def _acts_elsewhere(token: Token, root: Token) -> bool:
    """``token`` is the subject of a verb in a clause of its own, one that neither governs the
    event word nor hangs under it ("A mortar attack killed two ... as regime forces pressed a
    campaign"): word order says nothing of its part in the event. (Only subjects: other words
    of such a clause, tried too, cost more rows of FA-KES dev than they won.)"""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb == root or verb.is_ancestor(root) or root.is_ancestor(verb):
        return False
    return verb.dep_ in ("advcl", "conj", "ccomp", "relcl", "ROOT")


def _in_clause_of_its_own(token: Token, root: Token) -> bool:
    """Between ``token`` and the event word stands a verb coordinated with the event's verb,
    with a subject of its own: the actor is a side of that other happening ("A BOMB EXPLODED
    ..., AND A SECOND DEVICE WAS DEACTIVATED BY THE POLICE"); with no subject of its own, or a
    pronoun for one ("STUDENTS WHO WERE ARRESTED ... AND WHO WERE PRESENTED BY THE TREASURY
    POLICE"), the clause goes on telling the event."""
    for word in _path(token, root):
        if word.dep_ == "conj" and word.pos_ in ("VERB", "AUX") and word.head == root \
                and word is not token.head and has_own_subject(word):
            return True
    return False


def _below_a_clause_of_its_own(token: Token, root: Token) -> bool:
    """Between the verb ``token`` is the subject of and the event word stands a verb
    coordinated with that verb, with a subject of its own: the event belongs to that clause
    (the mirror of :func:`_in_clause_of_its_own`)."""
    word = root.head
    while word != token.head and word.head != word:
        if word.dep_ == "conj" and word.pos_ in ("VERB", "AUX") and has_own_subject(word) \
                and not any((c.dep_ in ("nsubj", "nsubjpass") and c.is_ancestor(root))
                            or c == root for c in word.children):
            return True  # (not the event word's own clause: "but the latest assault was ...")
        word = word.head
    return False


ARGUMENT_DEPS = frozenset({"dobj", "obj", "pobj", "nsubj", "nsubjpass", "attr", "appos"})
MODIFIER_DEPS = ("compound", "poss", "nmod")
AGENT_WORDS = frozenset({"by", "hands"})


def names_author(token: Token, root: Token, member_cues: frozenset[str]) -> bool:
    """The actor is tied to the event word as its author: a modifier ("Daesh attack"), an
    agent ("shelling by the army") or a member ("a suicide bomber from the Nusra Front")."""
    if _modifies(token, root):
        return True
    head = phrase_head(token)
    return root.is_ancestor(head) and (
        _agent_of(head, root) or bool(_path_words(head, root) & member_cues))


def _agent_of(token: Token, root: Token) -> bool:
    """An agent word on the way from the actor up to the event word belongs to the event word
    ("targeted by X", "killed at the hands of X"), not to a clause inside its subject ("villages
    held by Islamic State have been captured by the SDF": IS holds, the SDF captures)."""
    return any(word.lower_ in AGENT_WORDS and root in (word.head, word.head.head)
               for word in _path(token, root))


def _modifies(token: Token, root: Token) -> bool:
    """The actor is a noun modifier of the event word ("Daesh attack"), of its subject
    ("Islamic State suicide bombers blew themselves up") or of the noun the event word is a
    compound of ("An ISIL terrorist car bomb attack": spaCy hangs ISIL on "attack")."""
    while token.dep_ in MODIFIER_DEPS and token.head != token and token.head != root \
            and token.head.dep_ in MODIFIER_DEPS:
        token = token.head  # "Islamic" -> "State" in "Islamic State suicide bombers"
    if token.dep_ not in MODIFIER_DEPS:
        return False
    head = token.head
    return head == root or (head.dep_ == "nsubj" and head.head == root) \
        or (root.dep_ == "compound" and root.head == head)


def _child_on_path(token: Token, root: Token) -> Token:
    """The child of ``root`` whose subtree holds ``token`` (``root`` must be its ancestor)."""
    while token.head != root and token.head != token:
        token = token.head
    return token


def _path(token: Token, root: Token) -> Iterator[Token]:
    """The words from ``token`` up to ``root`` (``root`` excluded), or to the sentence root."""
    while token != root and token.head != token:
        yield token
        token = token.head


def _path_words(token: Token, root: Token) -> set[str]:
    return {word.lower_ for word in _path(token, root)}


def author_from_alternates(candidate: Candidate, actors: list[ActorMention],
                           claims: list[ClaimMention], victims: list[tuple[int, int]],
                           ctx: Context,
                           found: tuple[ActorMention | None, ActorMention | None]
                           ) -> tuple[ActorMention | None, ActorMention | None]:
    """When the event word names no author, a later word of the same type in the sentence
    may ("Missile kills 18 ... a missile fired by Syrian forces"): only an author tied to it
    by the parse (modifier, agent, member, subject of its verb), never a guess from word
    order."""
    member_cues = ctx.lexicon.role_words.members
    taken_from = candidate.sub_event_type in (TERRITORY_GAIN, *ctx.lexicon.initiators.taken_from)
    for alternate in candidate.alternates:
        parties = [a for a in actors if not inside_source(a, claims, alternate.root)]
        # ("wrested back from the insurgents": the side that lost it, no member cue)
        actor1, actor2 = actor_roles(alternate, parties, ctx.lexicon.role_words, victims,
                                     taken_from=taken_from)
        # (the subject of a verb whose object the alternate is, "terrorists from Jaish
        # al-Fateh fired rocket shells"; not of an alternate verb: "government forces had
        # repelled it" repelled, they did not assault)
        if actor1 is not None and (names_author(actor1.span.root, alternate.root, member_cues)
                                   or (alternate.root.pos_ != "VERB"
                                       and acts_through(actor1.span.root, alternate.root,
                                                        ctx.lexicon.role_words.reacting))):
            return actor1, actor2
    return found


def subject_of(token: Token, verb: Token) -> bool:
    """The actor is the verb's subject, or named inside it by "of" or "from" ("Members of the
    FMLN bombed a bank", "fighters from ISIS bombed"): it did what the verb says."""
    head = members_phrase(token)
    return (head.dep_ == "nsubj" and head.head == verb) or _presumed_subject(head, verb)


def _presumed_subject(head: Token, verb: Token) -> bool:
    """"GUERRILLAS PRESUMED TO BE MEMBERS OF THE ELN TODAY DYNAMITED THE PIPELINE": the parser
    takes the participle for the main verb (with "to be" as its complement) and hangs the
    event verb under it; the actor's phrase (label and owner: ``actors._presumed_owner``) is
    rooted at the participle, or is its subject."""
    presumed = head.head if head.dep_ == "nsubj" else head
    return verb.head == presumed and presumed != verb and verb.dep_ in ("advcl", "conj") \
        and verb.i > presumed.i and presumed.tag_ in ("VBN", "VBD") \
        and any(c.dep_ == "nsubj" for c in presumed.children) \
        and any(c.dep_ == "xcomp" and any(g.lemma_ == "be" for g in c.subtree)
                for c in presumed.children if c.i < verb.i)


def acts_through(token: Token, word: Token, reacting: Collection[str] = ()) -> bool:
    """The actor did what the event word says by the parse's verbs: it is the subject of the
    event verb ("Rebels blew up an oil pipeline") or of the verb whose object or instrument
    the event noun is ("ISIS detonated a car bomb", "terrorists planted a bomb", "the rebels
    blew up the poles with dynamite"), or the agent of the verb whose passive subject the event
    noun is ("the car bomb was planted by ISIS", "the bombing was carried out by ISIS").
    A verb of reacting (``reacting``: attribution.yaml ``reaction_lemmas``) has a witness or a
    judge for subject, not the doer: "Kurdish forces condemned the bombing"."""
    if word.pos_ == "VERB":
        return subject_of(token, word)
    while word.dep_ == "compound" and word.head != word:
        word = word.head  # "carried out a car bomb attack": the phrase's head is "attack"
    if word.dep_ == "pobj" and word.head.lower_ == "with":
        word = word.head  # ("with dynamite": the phrase's head is "with")
    if word.dep_ == "prep" and word.lower_ == "with":
        return subject_of(token, word.head)
    verb = word.head
    if verb.lemma_.lower() in reacting:
        return False
    if word.dep_ == "nsubjpass":
        head = members_phrase(token)
        return head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head == verb
    return word.dep_ in ("dobj", "obj") and subject_of(token, verb)


def _blames_for(verb: Token, word: Token, blame_verbs: Collection[str]) -> bool:
    """The verb is one of blaming whose "of" governs the event word ("accused Israel of
    bombarding")."""
    return verb.lemma_.lower() in blame_verbs and any(
        c.dep_ == "prep" and c.lower_ == "of" and c.is_ancestor(word) for c in verb.children)


def accused_of(token: Token, word: Token, blame_verbs: Collection[str],
               charge_words: Collection[str] = ()) -> bool:
    """The actor is the object of a blame verb whose "of" governs the event word: "accused the
    regime of bombing a hospital" (the allegation stays visible: the claim's cue is
    "accused", hedged); or the one arrested or charged for it ("arrested three ISIS members
    for bombing a market", "the arrest of 45 soldiers for killing 6 clergymen")."""
    def charged_of(word: Token) -> bool:
        return word.dep_ == "pobj" and word.head.lower_ == "of" \
            and word.head.head.lemma_.lower() in charge_words

    # (not the members phrase: "the arrest of 45 soldiers" is no group named "arrest")
    head = token if charged_of(token) else members_phrase(token)
    verb = head.head
    if charged_of(head):
        verb = verb.head  # "the arrest of 45 soldiers for killing"
    elif head.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in (
            *blame_verbs, *charge_words):
        return False
    preps = ("of",) if verb.lemma_.lower() in blame_verbs else ("for", "with", "of")
    return any(c.dep_ == "prep" and c.lower_ in preps and c.is_ancestor(word)
               for c in [*verb.children, *head.children])


def crowd_of_civilians(trigger: Span, actors: Sequence[ActorMention],
                       crowd_nouns: Collection[str] = ()) -> bool:
    """The subject of the event word is a group of civilians ("Residents of Arendal village
    ... beat two suspected informers to death"): ACLED never codes civilians (inter 7) as the
    author of violence; a crowd that does violence is rioters."""
    verb = trigger.root
    verbs = [verb]
    while (verb.dep_ in ("conj", "dep", "xcomp") or (verb.dep_ == "advcl" and verb.tag_ == "VBG")) \
            and not has_own_subject(verb) and verb.head != verb:
        verb = verb.head  # "beat two men ..., doused them ... and set them on fire", "began
        # torching homes"
        verbs.append(verb)
    if any((c.dep_ == "nsubj" and c.lemma_.lower() in crowd_nouns) or (
            c.dep_ == "agent" and any(g.lemma_.lower() in crowd_nouns for g in c.children))
           for v in verbs for c in v.children):
        return True  # "A crowd of enraged men beat to death a woman", "dragged out ... by a crowd"
    # (not the dead a toll names: "leaving at least 38 people dead" are no crowd)
    return any(mention.entry.inter == CIVILIANS_INTER and mention.span.root.tag_ in ("NNS", "NNPS")
               and not trigger.start <= mention.span.root.i < trigger.end
               # (or its passive agent: "was set ablaze by residents of Ado-Ekiti")
               # ("A group of villagers beat ...": subject_of reads through "of")
               and any(subject_of(mention.span.root, v) or _agent_of(mention.span.root, v)
                       for v in verbs)
               for mention in actors)


def civilians(ctx: Context, country: str | None) -> Actor | None:
    """The dictionary's civilians actor (inter 7) of ``country``, without a span: inferred."""
    entry = next((e for e in ctx.lexicon.actors if e.inter == 7), None)
    if entry is None:
        return None
    return Actor(name=entry.name_for(country), inter=7)


def default_initiator(sub_event_type: str, ctx: Context, country: str | None) -> Actor | None:
    """The actor the dictionary names initiator of this type when the text names none
    (``initiator_of`` in actors.yaml: "Protesters (Syria)"), without a span: inferred."""
    entry = next((e for e in ctx.lexicon.actors if sub_event_type in e.initiator_of), None)
    return Actor(name=entry.name_for(country), inter=entry.inter) if entry else None


_STATE_AND_REBELS = frozenset({STATE_INTER, REBEL_INTER})
"""A state's forces and rebels: opposed unless ``allies`` says not."""


def associates(actors: list[ActorMention], mention1: ActorMention | None,
               mention2: ActorMention | None, a1: Actor | None, a2: Actor | None, ctx: Context,
               country: str | None) -> tuple[list[Actor], list[Actor]]:
    """Actors tied to actor1 or actor2 in the parse: coordinated with them ("regime forces and
    Hezbollah") or joined by an association cue ("backed by Russian jets", "alongside"); not
    a state's forces and a rebel group that are no allies: coordinated, they are the two
    sides ("THE ARMY AND REBELS HAVE SUSTAINED ... CASUALTIES ... AS A RESULT OF CLASHES")."""
    cues = set(ctx.lexicon.association_cues)
    chosen = {a.name for a in (a1, a2) if a}
    groups: tuple[list[Actor], list[Actor]] = ([], [])
    for slot, main in ((0, mention1), (1, mention2)):
        if main is None:
            continue
        head = phrase_head(main.span.root)
        for other in actors:
            if other is main:
                continue
            token = phrase_head(other.span.root)
            tied = token in head.conjuncts or _share_a_noun(main, other) or (
                head.is_ancestor(token) and bool(_path_words(token, head) & cues))
            actor = canonical(other.to_actor(country), ctx)
            side = (a1, a2)[slot]
            if side is not None and {side.inter, actor.inter} == _STATE_AND_REBELS \
                    and not ctx.lexicon.allied(side.name, actor.name):
                continue
            if tied and actor.name not in chosen:
                groups[slot].append(actor)
                chosen.add(actor.name)
    return groups


def _share_a_noun(one: ActorMention, other: ActorMention) -> bool:
    """Two nationality words joined before one noun ("Russian and Syrian warplanes"): a
    conjunct of one mention's words lies inside the other's span."""
    return any(other.span.start <= c.i < other.span.end
               for t in one.span for c in t.conjuncts) or any(
        one.span.start <= c.i < one.span.end for t in other.span for c in t.conjuncts)


def foreign_foe(sub_event_type: str, a1: Actor | None, a2: Actor | None, assoc1: list[Actor],
                 ctx: Context) -> tuple[Actor | None, list[Actor]]:
    """Two states' forces named together as the sides of a battle with no other side
    ("HONDURAN AND SALVADORAN TROOPS CLASHED"; ``initiators.two_sided``) fought each other,
    unless ``allies`` says they fight on one side: the second is actor2, no associate."""
    if a1 is None or a2 is not None or sub_event_type not in ctx.lexicon.initiators.two_sided \
            or a1.inter not in STATES_INTER:
        return a2, assoc1
    own = _state_code(a1.name, ctx)
    foe = next((a for a in assoc1 if a.inter in STATES_INTER and own is not None
                and _state_code(a.name, ctx) not in (None, own)
                and not ctx.lexicon.allied(a1.name, a.name)), None)
    return (foe, [a for a in assoc1 if a is not foe]) if foe is not None else (a2, assoc1)


def on_one_side(one: Actor, other: Actor, ctx: Context) -> bool:
    """Allies (``allies`` in actors.yaml), or one state's forces ("Police Forces of Colombia"
    and "Military Forces of Colombia"): never each other's target."""
    if ctx.lexicon.allied(one.name, other.name):
        return True
    if one.inter not in STATES_INTER or other.inter not in STATES_INTER:
        return False
    state = _state_code(one.name, ctx)
    return state is not None and state == _state_code(other.name, ctx)


def _state_code(name: str, ctx: Context) -> str | None:
    """The ISO3 code of the state whose forces ``name`` names ("Military Forces of Syria
    (2000-)", "Police Forces of Colombia"), None for any other actor."""
    try:
        entry = ctx.lexicon.actor(name)
    except KeyError:
        return None
    template = ctx.lexicon.template_of(name)
    if template is not None and template.state_of == "*":
        country = ctx.gazetteer.country_named(filled_country(template.name, name) or "")
        return country.iso3 if country is not None else None
    return entry.state_of if entry.state_of not in (None, "*") else None


def plausible_initiator(sub_event_type: str, a1: Actor | None, a2: Actor | None,
                        ctx: Context, *, direct: bool = False
                        ) -> tuple[Actor | None, Actor | None]:
    """Some event types name their initiator only in certain ways: air strikes are flown by
    state or foreign forces (a rebel group next to "air strikes" is their target), and a bomb's
    planter is rarely the group standing next to the word (``hidden_initiator`` in
    triggers.yaml)."""
    rules = ctx.lexicon.initiators
    if a1 is None:
        return a1, a2
    # ... unless the group names the bomb itself ("Islamic State suicide bombers"): ``direct``.
    hidden = sub_event_type in rules.hidden_initiator and a1.char_span is not None \
        and a1.inter != 7 and not direct
    if not can_initiate(a1.inter, sub_event_type, ctx) or hidden:
        return None, a2 if a2 is not None else a1
    return a1, a2


def can_initiate(inter: int, sub_event_type: str, ctx: Context) -> bool:
    """An actor of inter code ``inter`` can carry out an event of this type: any, unless
    ``allowed_inter`` lists the codes that can (air strikes: states and external forces)."""
    allowed = ctx.lexicon.initiators.allowed_inter.get(sub_event_type)
    return allowed is None or inter in allowed


def corrected_roles(actor1: ActorMention | None, actor2: ActorMention | None, trigger: Token,
                    initiators: Initiators) -> tuple[ActorMention | None, ActorMention | None]:
    """The sides :func:`actor_roles` picked, corrected where the parse shows that its actor1,
    found by word order, did not act: the owner of a site ("a police station"), the patient of
    an event noun ("a carabinero's assassination"), the addressee of a request ("called on
    the police to ..."). One pass each, in this order."""
    actor1, actor2 = site_owner_roles(actor1, actor2, trigger, initiators.site_nouns)
    actor1, actor2 = patient_roles(actor1, actor2, trigger, initiators.patient_nouns)
    return addressee_roles(actor1, actor2, trigger, initiators.addressee_verbs)


def patient_roles(actor1: ActorMention | None, actor2: ActorMention | None, trigger: Token,
                  nouns: Sequence[str]) -> tuple[ActorMention | None, ActorMention | None]:
    """An actor1 named as the possessor of an event noun that happens to someone ("a
    carabinero's assassination", "the army's kidnapped officer": ``initiators.patient_nouns``)
    is who it happened to, the target, when no "of" names another ("ISIS's killing of 20
    men": ISIS killed)."""
    if actor1 is None or not _possessor_is_patient(actor1.span.root, trigger, nouns):
        return actor1, actor2
    return None, actor1


def _possessor_is_patient(token: Token, trigger: Token, nouns: Sequence[str]) -> bool:
    """``token`` is the possessor of an event noun among ``nouns`` with no "of" victim."""
    return token.dep_ == "poss" and token.head == trigger and trigger.lemma_.lower() in nouns \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children)


def addressee_roles(actor1: ActorMention | None, actor2: ActorMention | None, trigger: Token,
                    verbs: Sequence[str]) -> tuple[ActorMention | None, ActorMention | None]:
    """An actor1 that is only asked to act ("called on the police to solve the murder",
    "urged the army to protect civilians": the object of one of ``initiators.addressee_verbs``
    or of its "on" / "to") did not do the event; none of the parse's words made it the
    author (word order did)."""
    if actor1 is None:
        return actor1, actor2
    head = phrase_head(actor1.span.root)
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ in ("on", "upon", "to"):
        verb = verb.head
    elif head.dep_ not in ("dobj", "obj"):
        return actor1, actor2
    if verb.lemma_.lower() not in verbs or verb == trigger or trigger.is_ancestor(verb):
        return actor1, actor2
    return None, actor2


def site_owner_roles(actor1: ActorMention | None, actor2: ActorMention | None, trigger: Token,
                     sites: Sequence[str]) -> tuple[ActorMention | None, ActorMention | None]:
    """An actor1 whose name only modifies a noun of a site or a thing ("a police station",
    "the army barracks": ``initiators.site_nouns``) says whose the site is, not who acted: no
    initiator; the target when the event word acts on the site itself ("an attack on a police
    station"), else no side ("a ceremony for a police station")."""
    if actor1 is None:
        return actor1, actor2
    root = actor1.span.root
    site = root.head
    if root.dep_ not in ("compound", "amod", "nmod", "poss") or site.i < actor1.span.end \
            or site.lemma_.lower() not in sites:
        return actor1, actor2
    on_site = site.head == trigger or (site.head.dep_ == "prep" and site.head.head == trigger)
    return None, actor2 if actor2 is not None or not on_site else actor1


def canonical(actor: Actor, ctx: Context) -> Actor:
    """"Military Forces of Syria" (from "the army" in Syria) is the dictionary's
    "Military Forces of Syria (2000-)" when that entry exists."""
    for entry in ctx.lexicon.actors:
        if entry.name.startswith(actor.name + " (") and entry.inter == actor.inter:
            return actor.model_copy(update={"name": entry.name})
    return actor


def conjoined_head(trigger: Span) -> tuple[Span, ...]:
    """The event noun the trigger is joined to ("government airstrikes and shelling": the
    shelling shares "government"), when the two stand side by side: ``()`` otherwise."""
    root = trigger.root
    head = root.head
    between = trigger.doc[head.i + 1:trigger.start]
    if root.dep_ != "conj" or head.i >= trigger.start or len(between) > 1 \
            or any(t.dep_ != "cc" and not t.is_punct for t in between):
        return ()
    return (trigger.doc[head.i:head.i + 1],)


def actor_by_adjective(trigger: Span, ctx: Context, country: str | None,
                       named: Sequence[ActorMention] = (),
                       document: Sequence[ActorMention] = ()) -> Actor | None:
    """"Russian air strikes", "regime shelling": an actor adjective right before the trigger,
    or before one of ``initiators.adjective_gap_words`` right before it ("Russian planes
    struck"), unless it is a word of a longer name (``named``): "allied" in "Syrian allied
    forces". A label's adjective is the one group of its kind the ``document`` names when
    it stands for it ("THE REBEL OFFENSIVE" in a report on the FMLN: ``sole_group``)."""
    doc = trigger.doc
    start = max(trigger.sent.start, trigger.start - 3)
    window = [t for t in doc[start:trigger.start + len(trigger) - 1]]
    for size in (3, 2, 1):
        for i in range(len(window) - size + 1):
            words = window[i:i + size]
            if any(t.is_punct and t.text != "-" for t in words):
                continue
            phrase = doc[words[0].i:words[-1].i + 1]
            gap = doc[phrase.end:trigger.start].text.strip()
            if phrase.end < trigger.start and gap and \
                    gap.lower() not in ctx.lexicon.initiators.adjective_gap_words:
                continue
            if words[-1].dep_ in ARGUMENT_DEPS and not _misread_compound(words[-1], trigger.root):
                continue  # "the coalition fighting Daesh captured ...": another verb's object
            if _possessor_is_patient(words[-1], trigger.root,
                                     ctx.lexicon.initiators.patient_nouns):
                continue  # "a carabinero's assassination": the victim
            entry = ctx.lexicon.adjective_actor(phrase.text, capitals=doc_in_capitals(doc))
            if entry is not None and entry.label:
                entry = sole_group(entry, phrase.text.lower(), document) or entry
            if entry is not None and not any(
                    m.span.start <= phrase.start and phrase.end <= m.span.end
                    and len(m.span) > len(phrase) for m in named):
                return Actor(name=entry.name_for(country), inter=entry.inter, text=phrase.text,
                             char_span=(phrase.start_char, phrase.end_char))
    return None


def inside_source(actor: ActorMention, claims: list[ClaimMention], trigger: Token) -> bool:
    """An actor named inside the claimant's description ("the ISIS-affiliated outlet") is not
    a party to the event. A claim verb's subject that holds the event word itself is a bad
    parse of a comma-less report ("A missile fired by Syrian forces killed 18 ... a monitoring
    group said"), not a claimant's description."""
    for claim in claims:
        span = claim.claim.char_span
        if span and span[0] <= actor.span.start_char and actor.span.end_char <= span[1]:
            return True
        sent = claim.cue_span.sent
        # (or its agent: "the attack was confirmed by a spokesman for the National Guard")
        subject = [t for t in claim.anchor_token.children if t.dep_ in ("nsubj", "nsubjpass")]
        subject += [g for t in claim.anchor_token.children if t.dep_ == "agent"
                    for g in t.children if g.dep_ == "pobj"]
        for token in subject:
            tokens = list(token.subtree)
            if tokens[0].i <= actor.span.start and actor.span.end <= tokens[-1].i + 1 \
                    and sent == actor.span.sent and not (tokens[0].i <= trigger.i <= tokens[-1].i):
                return True
    return False


def footage_author(actors: Sequence[ActorMention], claims: list[ClaimMention],
                   trigger: Token, event_type: str) -> ActorMention | None:
    """An armed group that publishes footage of an event nobody else is named doing is its
    author, not only its source: "ISIS published a video showing the savage execution of 17
    young men" (``footage_nouns``, ``footage_event_types`` in attribution.yaml)."""
    if event_type not in load_rules().footage_event_types:
        return None
    for claim in claims:
        span = claim.claim.char_span
        if span is None or not _shows_footage_of(claim, trigger):
            continue
        for actor in actors:
            if actor.entry.inter in FIGHTING_INTER \
                    and span[0] <= actor.span.start_char and actor.span.end_char <= span[1]:
                return actor
    return None


def _shows_footage_of(claim: ClaimMention, trigger: Token) -> bool:
    """The claim's verb publishes footage (``footage_nouns``) and governs the event word:
    "published a grisly video showing the savage execution of 17 young men" (spaCy hangs
    "showing" on the verb or on the noun)."""
    verb = claim.anchor_token
    footage = load_rules().footage_nouns
    return verb.is_ancestor(trigger) and any(
        child.dep_ in ("dobj", "obj") and child.lemma_.lower() in footage
        for child in verb.children)


def victim_report(candidate: Candidate, a2: Actor | None, ctx: Context) -> bool:
    """State media reporting a car bomb or the shelling of civilians speaks for the side that
    was hit, not for the one that struck: its side names neither actor of the event."""
    civilian_dead = any(c.victims == "civilians" for c in candidate.casualties)
    return civilian_dead or (a2 is not None and a2.inter == 7) or \
        candidate.sub_event_type in ctx.lexicon.initiators.hidden_initiator


def side_acted_on(trigger: Span, side: str, ctx: Context) -> bool:
    """The event a combatant's voice reports was done to its side, or provoked its side's
    act, so its side is no author: "A Russian military helicopter was shot down" (what was
    acted on bears the side's adjective), "the Israeli army said it targeted positions in
    retaliation for mortar fire" (``initiators.provoked_by``); or it tells of a weapon that
    arrived, the weapon the subject of a verb with no object and no owner ("Two rockets
    landed inside the Green Zone, the Iraqi military said": its own would be "its rockets
    struck ...")."""
    root = trigger.root
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB" and not any(
            c.dep_ in ("dobj", "obj") for c in root.head.children) \
            and not any(c.dep_ == "poss" for c in root.children):
        return True  # "Two rockets landed inside the Green Zone, the Iraqi military said"
    verb = governing_verb(root) or root
    acted_on = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    capitals = doc_in_capitals(trigger.doc)
    # (the words before the noun: "two drones launched ... towards Saudi Arabia" is no Saudi
    # drone)
    if any((entry := ctx.lexicon.adjective_actor(word.text, capitals=capitals)) is not None
           and entry.name == side for noun in acted_on for word in noun.subtree
           if word.i <= noun.i):
        return True
    provoked = frozenset(ctx.lexicon.initiators.provoked_by)
    return any(word.dep_ == "prep" and word.head.lemma_.lower() in provoked
               for word in _path(trigger.root, trigger.root.sent.root))


def fill_from_claimant(a1: Actor | None, a2: Actor | None, speaking_for: str | None,
                       ctx: Context, country: str | None,
                       sub_event_type: str) -> tuple[Actor | None, Actor | None]:
    """A belligerent's own outlet claiming an attack names its side ("Amaaq" -> ISIS), unless
    its side cannot have done it ("Rebels said barrel bombs fell on Daraya": rebels fly no
    aircraft, ``initiators.allowed_inter``): the initiator where none is named or only a
    kind of fighter of its own kind is ("Radio Venceremos said the rebels attacked": the
    FMLN), else the target where none is named and it is no ally of the initiator."""
    if speaking_for is None:
        return a1, a2
    names = {a.name for a in (a1, a2) if a}
    entry = ctx.lexicon.actor(speaking_for)
    if a1 is None and not can_initiate(entry.inter, sub_event_type, ctx):
        return a1, a2
    name = entry.name_for(country)
    if name in names:
        return a1, a2
    claimant = canonical(Actor(name=name, inter=entry.inter), ctx)
    if claimant.name in names:
        return a1, a2
    if a1 is None:
        return claimant, a2
    if a1.inter == claimant.inter and ctx.lexicon.is_label(a1.name):
        # the FMLN's radio saying "the rebels attacked": its own fighters, not its foes
        return claimant.model_copy(update={"text": a1.text, "char_span": a1.char_span}), a2
    if a2 is None and not ctx.lexicon.allied(a1.name, claimant.name):
        return a1, claimant
    return a1, a2


def named_first(kept: Actor | None, other: Actor | None, ctx: Context) -> Actor | None:
    """``kept``, or ``other`` where ``kept`` is missing or only a generic label's group."""
    if kept is None or (other is not None and ctx.lexicon.is_unidentified(kept.name)
                        and not ctx.lexicon.is_unidentified(other.name)):
        return other
    return kept
