"""Actor mentions: dictionary matches -> canonical ACLED actor names with inter codes.

Why a dictionary, not NER labels: ACLED actor names are canonical ("Military Forces of Syria
(2000-)") and news names them in dozens of ways ("regime forces", "Assad's army", "SAA");
an analyst extends ``actors.yaml``, no retraining needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from marsad.context import Context
from marsad.extractors.places import POSSESSIVE_ENDINGS, nationality_words
from marsad.gazetteer import Place
from marsad.lexicon import ActorEntry, Lexicon, national_entry
from marsad.model import Actor
from marsad.nlp import NOT_ACTOR

FIGHTING_INTER = frozenset({1, 2, 3, 4, 8})
"""ACLED inter codes of the forces and groups that fight (not rioters, protesters, civilians)."""
NON_STATE_ARMED_INTER = frozenset({2, 3, 4})
"""ACLED inter codes of rebels, political militias and identity militias."""
CIVILIANS_INTER = 7
"""ACLED's inter code of civilians."""
STATE_INTER = 1
"""ACLED's inter code of a state's forces at home (army, police)."""
STATES_INTER = frozenset({1, 8})
"""ACLED inter codes of a state's forces, at home or abroad (external forces)."""
REBEL_INTER = 2
"""ACLED's inter code of rebel groups."""
RIOTERS_INTER = 5
"""ACLED's inter code of rioters (a violent crowd or mob)."""
CROWD_INTER = frozenset({5, 6})
"""ACLED inter codes of rioters and protesters."""


@dataclass(frozen=True)
class ActorMention:
    """One mention of a known actor, with its token span for syntax checks."""

    entry: ActorEntry
    span: Span

    def to_actor(self, country: str | None) -> Actor:
        """The contract's ``Actor``; ``{country}`` in the name becomes the event's country."""
        return Actor(name=self.entry.name_for(country), inter=self.entry.inter, text=self.span.text,
                     char_span=(self.span.start_char, self.span.end_char))


def find_actors(doc: Doc, ctx: Context) -> list[ActorMention]:
    """Every actor mention in ``doc`` (longest match wins, no overlaps), plus phrases like
    "the group" resolved to the last armed group named before them."""
    # A not_actors phrase wins as the longest match and names nobody ("the Syrian National
    # Coalition" is the political opposition, not the coalition against the Islamic State).
    opposed = frozenset(ctx.lexicon.opposed_prefixes)
    mentions = _named_over_generic([mention for key, start, end in ctx.matchers.actors(doc)
                                    if key != NOT_ACTOR and not _opposed(doc, start, opposed)
                                    and not _indefinite(
                                        mention := ActorMention(ctx.lexicon.actor(key),
                                                                doc[start:end]))],
                                   frozenset(ctx.lexicon.group_of_cues))
    mentions = _national(doc, mentions, ctx)
    mentions = _countries_striking(doc, mentions, ctx)
    # "The terrorist group" is the group named before it, not a second, unidentified one: an
    # anaphoric phrase replaces the generic label inside it.
    anaphoric = _anaphora(doc, mentions, ctx)
    held = {i for m in anaphoric for i in range(m.span.start, m.span.end)}
    kept = [m for m in mentions if held.isdisjoint(range(m.span.start, m.span.end))]
    return sorted(kept + anaphoric, key=lambda m: m.span.start)


def localised(mentions: list[ActorMention], place_countries: set[str],
              lexicon: Lexicon) -> list[ActorMention]:
    """Read a state's ``home_aliases`` as the ``elsewhere`` entry in a text whose places
    (``place_countries``, ISO3) are all in other countries: "THE REGIME" of Salvadoran
    guerrilla radio is the Salvadoran army, not Syria's. A text with no place keeps them."""
    if not place_countries:
        return mentions
    return [ActorMention(lexicon.actor(m.entry.elsewhere), m.span)
            if m.entry.elsewhere is not None and m.entry.state_of not in place_countries
            and _alias_of(m) in m.entry.home_aliases else m
            for m in mentions]


def _national(doc: Doc, mentions: list[ActorMention], ctx: Context) -> list[ActorMention]:
    """A nationality word right before any state's forces ("Ukrainian troops", "Nigerian
    police") or before a ``national_nouns`` word ("Somali forces") makes them that state's
    wherever the event is: filled with the event's country, Ukrainian troops shelling Russian
    positions were Russia's. A state with an entry of its own ("Syrian troops") is matched by
    that entry first, and the nationality word is then inside its mention."""
    words = [(code, word) for code, word in nationality_words(doc, ctx.gazetteer.settings,
                                                               every_word=True)
             if len(word) == 1] + _possessive_countries(doc, ctx) + _country_modifiers(doc, ctx)
    if not words:
        return mentions
    at = {m.span.start: m for m in mentions}
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    nouns = [noun.split() for noun in ctx.lexicon.national_nouns]
    military = next(e for e in ctx.lexicon.actors if e.state_of == "*" and not e.law_enforcement)
    made: dict[int, ActorEntry] = {}  # where a state's forces were named: the kind named
    for code, word in words:
        country = ctx.gazetteer.places.get(f"country:{code}")
        if word.start in taken or country is None:
            continue
        # a participle between says what they do, not whose they are: "THE U.S. INVADING
        # TROOPS", "Russian deployed forces" (an adjective may not: "Syrian rebel forces")
        end = word.end + 1 if word.end < len(doc) - 1 and doc[word.end].tag_ in ("VBG", "VBN") \
            and doc[word.end].dep_ == "amod" and word.end not in taken else word.end
        forces = at.get(end)
        if forces is not None:
            if forces.entry.state_of == "*":
                at[end] = ActorMention(_state_entry(forces.entry, country, ctx),
                                       doc[word.start:forces.span.end])
                made[word.start] = forces.entry
            continue
        noun = next((n for n in nouns if [t.lower_ for t in doc[end:end + len(n)]] == n), None)
        if noun is not None:
            at[end] = ActorMention(_state_entry(military, country, ctx),
                                   doc[word.start:end + len(noun)])
            made[word.start] = military
    # "HONDURAN AND SALVADORAN TROOPS CLASHED", "Russian and Syrian warplanes": the first
    # nationality of a pair shares the forces the second names
    police = next(e for e in ctx.lexicon.actors if e.state_of == "*" and e.law_enforcement)
    for mention in at.values():
        if mention.entry.state_of not in (None, "*") and mention.span.start not in made:
            made[mention.span.start] = police if mention.entry.law_enforcement else military
    for code, word in words:
        country = ctx.gazetteer.places.get(f"country:{code}")
        # (not "either Russian or Syrian warplanes": one of them, unknown which)
        after = word.end
        while after < len(doc) and doc[after].lower_ in (",", "and"):
            after += 1
        if country is None or word.start in taken or after == word.end or after not in made \
                or word.start in made:
            continue
        at[word.start] = ActorMention(_state_entry(made[after], country, ctx), word)
    return sorted(at.values(), key=lambda m: m.span.start)


def _countries_striking(doc: Doc, mentions: list[ActorMention],
                        ctx: Context) -> list[ActorMention]:
    """A country that does a verb of armed force ("Israel bombed a military airport", "IT WAS
    BOMBED BY THE UNITED STATES": subject or passive agent of ``striking_verbs``) names its
    military forces, as its nationality word before "forces" would. (As the subject of any
    other verb it is a government speaking or acting, no party to the fighting.)"""
    verbs = frozenset(ctx.lexicon.striking_verbs)
    if not verbs:
        return mentions
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    military = next(e for e in ctx.lexicon.actors if e.state_of == "*" and not e.law_enforcement)
    blaming = frozenset(ctx.lexicon.initiators.accused.blame_verbs)
    named: list[tuple[Span, Place | None]] = [
        (ent, _country_named(ent, ctx)) for ent in doc.ents if ent.label_ == "GPE"]
    named += [(span, ctx.gazetteer.places.get(f"country:{code}"))
              for code, span in _the_nationals(doc, ctx)]
    found = []
    for span, country in named:
        if country is None or taken.intersection(range(span.start, span.end)):
            continue
        root = span.root
        verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "agent" else (
            root.head if root.dep_ == "nsubj" else _accused_of_doing(root, blaming))
        if verb is not None and verb.lemma_.lower() in verbs:
            found.append(ActorMention(_state_entry(military, country, ctx), span))
    return sorted(mentions + found, key=lambda m: m.span.start) if found else mentions


def _the_nationals(doc: Doc, ctx: Context) -> list[tuple[str, Span]]:
    """A people named by its plural demonym with "the" ("The Iraqis retook the town", "shelled
    by the Turks"): as the doer of armed force, that state's forces, as its name would be.
    Without "the" ("Syrians attacked a shop") the words name people, not an army."""
    return [(code, span) for code, span in nationality_words(doc, ctx.gazetteer.settings)
            if len(span) == 1 and span.root.tag_ in ("NNPS", "NNS")
            and span.text.lower().endswith("s") and span.start > 0
            and doc[span.start - 1].lower_ == "the"]


def _accused_of_doing(word: Token, blame_verbs: frozenset[str]) -> Token | None:
    """The verb a country is accused of doing ("Syria has accused Israel of bombarding an
    area west of Damascus": bombarding), else None."""
    verb = word.head
    if word.dep_ != "dobj" or verb.lemma_.lower() not in blame_verbs:
        return None
    return next((c for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for c in prep.children if c.dep_ == "pcomp"), None)


def _country_modifiers(doc: Doc, ctx: Context) -> list[tuple[str, Span]]:
    """A country's name written before a noun as its nationality word would be ("U.S.
    AIRPLANES", "THE U.S. INVADING TROOPS"): its ISO2 code and the span of the name."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "GPE" or ent.end >= len(doc) or not doc[ent.end].is_alpha:
            continue
        country = _country_named(ent, ctx)
        if country is not None and country.iso2:
            found.append((country.iso2, ent))
    return found


def _possessive_countries(doc: Doc, ctx: Context) -> list[tuple[str, Span]]:
    """A country's name with "'s" ("Ukraine's air force", "Somalia's army"): its ISO2 code
    and the span of name and "'s", as a nationality word is read."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "GPE" or ent.end >= len(doc) \
                or doc[ent.end].lower_ not in POSSESSIVE_ENDINGS:
            continue
        country = _country_named(ent, ctx)
        if country is not None and country.iso2:
            found.append((country.iso2, doc[ent.start:ent.end + 1]))
    return found


def _country_named(ent: Span, ctx: Context) -> Place | None:
    """The country a place entity's name spells ("U.S.", "Ukraine"), if it spells one."""
    return ctx.gazetteer.country_named(ent.text)


def _state_entry(template: ActorEntry, country: Place, ctx: Context) -> ActorEntry:
    """The one entry of ``country``'s forces of the template's kind ("Russian fighter jets":
    "Military Forces of Russia (2000-)"), else the template filled with the country (also
    where two entries claim one state: Libya's rival armies)."""
    own = [e for e in ctx.lexicon.actors if e.state_of == country.iso3
           and e.law_enforcement == template.law_enforcement and e.inter in (1, 8)]
    return own[0] if len(own) == 1 else national_entry(template, country.name, country.iso3)


def _opposed(doc: Doc, start: int, prefixes: frozenset[str]) -> bool:
    """The name follows an ``opposed_prefixes`` word and a hyphen ("anti-regime groups",
    "anti-ISIS fighters"): it names what the phrase opposes, not an actor in it."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in prefixes \
        or start >= 1 and any(doc[start - 1].lower_ == f"{p}-" for p in prefixes)


def _indefinite(mention: ActorMention) -> bool:
    """A ``definite_aliases`` noun with "a"/"an": a new entity, not the known actor ("the SDF
    is an Arab-Kurdish coalition")."""
    if mention.span.text.casefold() not in mention.entry.definite_aliases:
        return False
    head = phrase_head(mention.span.root)
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)


def _named_over_generic(mentions: list[ActorMention],
                        group_of: frozenset[str]) -> list[ActorMention]:
    """"Militants of the Islamic State", "Islamic State militants", "guerrillas of the FMLN":
    one mention of the named group spanning both, not a generic label or a kind of fighter
    (``generic``, ``label`` in actors.yaml) beside a named one."""
    labels = [m for m in mentions if m.entry.generic or m.entry.label]
    # only a fighting group owns fighters: "rebels" beside "civilians" stay rebels
    named_at = {token.i: m for m in mentions if m not in labels
                and m.entry.inter in FIGHTING_INTER for token in m.span}
    absorbed: set[int] = set()
    result = []
    bare: list[ActorMention] = []
    owners: dict[str, set[str]] = {}  # label entry -> the named groups it was said of
    for mention in labels:
        owner = _owner(mention.span, named_at, group_of)
        if owner is None:
            bare.append(mention)
            continue
        doc = mention.span.doc
        start = min(mention.span.start, owner.span.start)
        end = max(mention.span.end, owner.span.end)
        result.append(ActorMention(owner.entry, doc[start:end]))
        absorbed.add(id(owner))
        owners.setdefault(mention.entry.name, set()).add(owner.entry.name)
    named = [m for m in mentions if m not in labels]
    result += [m for m in named if id(m) not in absorbed]
    result += [_said_of_one(m, owners, named) for m in bare]
    return sorted(result, key=lambda m: m.span.start)


def _said_of_one(mention: ActorMention, owners: dict[str, set[str]],
                 named: list[ActorMention]) -> ActorMention:
    """A kind of fighter (``label``) the text elsewhere says is of one named group, and of no
    other ("FMLN guerrillas ... the guerrillas attacked"), is that group wherever it stands
    alone, when no other group of that group's kind is named: the writer's "the guerrillas";
    so is one the only group named is known by (:func:`sole_group`)."""
    said_of = owners.get(mention.entry.name, set())
    if mention.entry.generic and not said_of:
        return _known_as(mention, named)
    if not mention.entry.label:
        return mention
    if not said_of:
        group = sole_group(mention.entry, _alias_of(mention), named)
        return mention if group is None else ActorMention(group, mention.span)
    if len(said_of) != 1:
        return mention
    (name,) = said_of
    group = next(m.entry for m in named if m.entry.name == name)
    if any(m.entry.inter == group.inter and m.entry.name != name and not m.entry.label
           for m in named):
        return mention
    return ActorMention(group, mention.span)


def sole_group(label: ActorEntry, alias: str, named: Sequence[ActorMention]
               ) -> ActorEntry | None:
    """The one group of a label's kind the text names, when the label's words (``alias``,
    lower case, no determiner) stand for it: a ``sole_group_aliases`` word ("the guerrillas"
    of the FMLN), or one the group is known by (``known_as``: "the rebels", "the rebel
    offensive" of the FMLN; not of ISIS, whose Syrian texts call other groups rebels)."""
    groups = {m.entry.name: m.entry for m in named
              if m.entry.inter == label.inter and not m.entry.label}
    if not label.label or len(groups) != 1:
        return None
    (group,) = groups.values()
    return group if alias in label.sole_group_aliases or alias in group.known_as else None


def _known_as(mention: ActorMention, named: list[ActorMention]) -> ActorMention:
    """A generic label the one non-state armed group the text names is known by
    (``known_as``: "the terrorists" in a Peruvian report naming only the Shining Path) is
    that group; with two such groups named, a group not known so (ISIS), or a label of
    another kind ("drug terrorists" in a text naming only the M-19), it stays."""
    groups = {m.entry.name: m.entry for m in named if m.entry.state_of is None
              and m.entry.inter in NON_STATE_ARMED_INTER and not m.entry.label}
    span = mention.span
    if len(groups) != 1 or any(c.dep_ in ("compound", "nmod") and not span.start <= c.i < span.end
                               for c in span.root.children):
        return mention  # "drug terrorists" are of another kind than the one group named
    (group,) = groups.values()
    return ActorMention(group, mention.span) if _alias_of(mention) in group.known_as \
        else mention


def _alias_of(mention: ActorMention) -> str:
    """The words of the alias a mention matched, without a determiner ("the guerrillas")."""
    words = [t for t in mention.span if t.dep_ != "det"]
    return " ".join(t.lower_ for t in words)


def _owner(span: Span, named_at: dict[int, ActorMention],
           group_of: frozenset[str]) -> ActorMention | None:
    """The named group a generic label belongs to: a modifier of its head, or the object of a
    following ``group_of_cues`` word ("of", "loyal to", "affiliated with": actors.yaml)."""
    head = span.root
    for child in head.children:
        if child.dep_ in ("compound", "nmod", "amod", "poss") and child.i in named_at:
            return named_at[child.i]
        if child.dep_ in ("prep", "acl", "amod") and child.lower_ in group_of:
            for grand in child.subtree:
                if grand.i in named_at and grand.i != child.i:
                    return named_at[grand.i]
    return _presumed_owner(span, named_at, group_of)


def _presumed_owner(span: Span, named_at: dict[int, ActorMention],
                    group_of: frozenset[str]) -> ActorMention | None:
    """"Gunmen believed to be members of the Islamic State killed ...": a participle of
    presumption right after the label, which the parser often takes for the main verb; the
    named group before the next verb is the owner. Read from the words, as the parse fails."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in group_of \
            or doc[span.end].tag_ not in ("VBN", "VBD"):
        return None
    for token in doc[span.end + 1:min(len(doc), span.end + 10)]:
        if token.i in named_at:
            return named_at[token.i]
        if token.pos_ == "VERB" or (token.is_punct and token.text != "-"):
            return None  # (a hyphen: "the pro-Castro Army of National Liberation")
    return None


def _anaphora(doc: Doc, named: list[ActorMention], ctx: Context) -> list[ActorMention]:
    lowered = doc.text.casefold()
    taken = {i for m in named if not m.entry.generic for i in range(m.span.start, m.span.end)}
    found = []
    for phrase in ctx.lexicon.actor_anaphora:
        start = lowered.find(phrase)
        while start >= 0:
            span = doc.char_span(start, start + len(phrase))
            start = lowered.find(phrase, start + 1)
            if span is None or taken & set(range(span.start, span.end)):
                continue
            # the last *named* group: "terrorists" earlier is a label, not an antecedent
            earlier = [m for m in named if m.span.end <= span.start and m.entry.inter in (2, 3, 4)
                       and not m.entry.generic]
            if earlier:
                found.append(ActorMention(earlier[-1].entry, span))
    return found


def actor_for_side(side_text: str, mentions: list[ActorMention]) -> ActorMention | None:
    """The mention whose alias text contains ``side_text`` ("regime" in "regime's soldiers")."""
    wanted = side_text.casefold()
    for mention in mentions:
        if wanted and (wanted in mention.span.text.casefold()
                       or mention.span.text.casefold() in wanted):
            return mention
    return None


def phrase_head(token: Token) -> Token:
    """Climb from a name to the noun phrase it modifies ("HTS" in "HTS fighters" -> "fighters")."""
    while token.dep_ in ("compound", "amod", "nmod", "poss", "det", "case") and token.head != token:
        token = token.head
    return token


MEMBER_PREPOSITIONS = frozenset({"of", "from"})
"""Prepositions that put a named group inside the phrase of its members ("members of the FMLN",
"fighters from ISIS"): the phrase stands for the group in the sentence."""


def members_phrase(token: Token) -> Token:
    """The phrase a name stands in as the group of its members: "the FARC" in "members of the
    17th Front of the FARC" -> "members" (through each "of" / "from"); else its phrase head."""
    head = phrase_head(token)
    while head.dep_ == "pobj" and head.head.lower_ in MEMBER_PREPOSITIONS \
            and head.head.head != head.head:
        head = phrase_head(head.head.head)
    return head
