"""Event detection: triggers -> ACLED sub-event types, split and merged the ACLED way.

How an event is read (see docs/architecture.md):
1. Trigger phrases from ``triggers.yaml`` are matched; a trigger that is negated ("no clashes"),
   modal ("threatened to shell") or, for territory, only an aim ("a campaign to gain control")
   is not an event. Generic words ("explosion") yield to specific ones ("air strike") in the
   same sentence, and a territory change absorbs the clash that won it.
2. ACLED codes one event per (sub-event type, place, day): a sentence with two types and two
   places gives four events. A sentence with no place takes the place of the sentence that
   elaborates it ("The block ... is located in X") or of the preceding sentences.
3. Each event gets its date, actors, casualties and attribution from the helpers of this package;
   the same (type, place, date) read twice in one article is merged into one event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from marsad.context import Context
from marsad.extractors.accusations import find_accusations, prevailing
from marsad.extractors.actors import (
    FIGHTING_INTER,
    ActorMention,
    actor_for_side,
    find_actors,
    phrase_head,
)
from marsad.extractors.attribution import (
    FALLBACK_SOURCE,
    ClaimMention,
    attribution_for,
    denial_of,
    find_claims,
    link_denials,
    publisher_claim,
)
from marsad.extractors.casualties import (
    CasualtyMention,
    find_casualties,
    load_casualty_terms,
    names_war_total,
)
from marsad.extractors.numbers import load_quantifiers
from marsad.extractors.places import PlaceMention, find_places
from marsad.extractors.time import DateMention, find_dates, on_or_before, resolve_relative_to
from marsad.gazetteer import GazetteerSettings
from marsad.learned.typing import NO_EVENT
from marsad.lexicon import TERRITORY_GAIN, BorrowedMeans, Initiators, TriggerEntry
from marsad.model import (
    Actor,
    Casualties,
    Claim,
    DateRange,
    Document,
    Event,
    Location,
    Relay,
    TextSpan,
)
from marsad.nlp import NOT_TRIGGER
from marsad.notes import event_notes

FATAL_KINDS = {"killed"}
INJURY_KINDS = {"injured"}
PLACE_LOOKAHEAD = 1
TOLL_LOOKBACK = 3
# Remote violence by one side, repeated through an article ("the strikes"): the unnamed
# initiator of a later mention is the one named earlier. Not for bombs or clashes, where the
# nearest named group is as likely the target.
PLACE_LOOKBACK = 3
DATE_LOOKBACK = 3


@dataclass
class Candidate:
    """An event before it is turned into the contract's ``Event``."""

    sub_event_type: str
    trigger: Span
    weight: float
    place: PlaceMention | None = None
    place_inherited: bool = False
    casualties: list[CasualtyMention] = field(default_factory=list)
    generic: bool = False
    vague: bool = False
    """A bare toll or "the attack": its means may come from a nearby event (context_typing)."""
    open_means: bool = False
    """"The bombing", "bombs hit": bombed, but not said how (context_typing.open_means)."""
    alternates: tuple[Span, ...] = ()
    """Later words of the same type in the sentence ("Missile kills 18 ... A missile fired by
    Syrian forces ..." run together): one event, but their parse may name its author."""


@dataclass(frozen=True)
class Mentions:
    """Everything found in one document, computed once and shared by all events."""

    text: str
    """The clean text (``Doc.text`` rebuilds it from the tokens on every access)."""
    sentences: list[Span]
    places: list[PlaceMention]
    dates: list[DateMention]
    actors: list[ActorMention]
    casualties: list[CasualtyMention]
    claims: list[ClaimMention]
    publisher: Claim

    @cached_property
    def claim_date_starts(self) -> frozenset[int]:
        """Start offsets of date mentions that date a claim rather than an event (computed
        once per document, not once per event)."""
        starts = set()
        for claim in self.claims:
            if claim.claim.date is None:
                continue
            doc = claim.cue_span.doc
            for mention in self.dates:
                span = doc.char_span(mention.start_char, mention.end_char,
                                     alignment_mode="expand")
                if span is not None and span.sent == claim.cue_span.sent and (
                        span.root.head == claim.anchor_token
                        or span.root.head.head == claim.anchor_token):
                    starts.add(mention.start_char)
        return frozenset(starts)

    @cached_property
    def claimant_spans(self) -> list[tuple[int, int]]:
        """Where the text describes a claimant: its name and an appositive after it ("said
        Baba Kura, a member of a vigilante force set up to fight jihadists"); no trigger
        inside one is an event. Computed once per document."""
        spans = []
        for claim in self.claims:
            if not claim.claim.char_span:
                continue
            start, end = claim.claim.char_span
            spans.append((start, end))
            named = claim.cue_span.doc.char_span(start, end, alignment_mode="expand")
            if named is None:
                continue
            for appositive in (c for c in named.root.children if c.dep_ == "appos"):
                words = list(appositive.subtree)
                spans.append((words[0].idx, words[-1].idx + len(words[-1])))
        return spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sent.start_char for sent in self.sentences]

    def paragraph_of(self, start_char: int) -> int:
        """Paragraphs are separated by blank lines in the clean text."""
        return self.text.count("\n\n", 0, start_char)

    def sentence_of(self, start_char: int) -> int:
        """Index of the sentence holding ``start_char`` (the last one when none does);
        a bisection: it is asked for every pair of events of a document."""
        index = bisect_right(self._sentence_starts, start_char) - 1
        if index >= 0 and start_char < self.sentences[index].end_char:
            return index
        return len(self.sentences) - 1


def extract_events(document: Document, doc: Doc, ctx: Context) -> tuple[list[Event], list[str]]:
    """Read every event of ``document`` (already parsed as ``doc``); return events and warnings."""
    mentions = _find_mentions(document, doc, ctx)
    warnings: list[str] = []
    candidates: list[Candidate] = []
    for index, sentence in enumerate(mentions.sentences):
        candidates += _sentence_candidates(index, sentence, mentions, ctx, candidates)
    # "X denied that ...": the denied mention is no event, but it contests the event that
    # another sentence asserts (same type and place).
    denials = [d for c in candidates if (d := denial_of(
        c.trigger.root, c.sub_event_type, c.place.location.name if c.place else None,
        mentions.claims, mentions.publisher))]
    candidates = _type_from_context(candidates, mentions, ctx)
    built = [(c, e) for c in candidates
             if (e := _to_event(c, document, mentions, ctx, warnings)) is not None]
    events = _learned_typing(_attack_means_from_context(built, mentions, ctx), ctx, warnings)
    # Read evidence first: who the text blames, then who the nearest same-type event names.
    events = _accused_perpetrator(events, mentions, ctx)
    events = _inherit_actors(events, mentions, ctx)
    events = _only_capable_initiator(events, mentions, ctx)
    events = _claimed_responsibility(events, mentions, ctx)
    events = _infer_opponents(events, mentions, ctx)
    return link_denials(_merge_duplicates(events, ctx), denials), warnings


def _find_mentions(document: Document, doc: Doc, ctx: Context) -> Mentions:
    dates = find_dates(document.text, document.published)
    actors = find_actors(doc, ctx)
    claim_dates = _claim_dates(doc, dates, ctx)
    names = [(a.span.start_char, a.span.end_char) for a in actors]
    # A source's name is never a place, even when the gazetteer has it ("SANA" is a village).
    sources = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
               for _k, s, e in ctx.matchers.sources(doc)]
    text = document.text  # Doc.text would rebuild it from the tokens on every access
    head = [c for c in text[:DATELINE_REACH] if c.isalpha()]
    cased = sum(c.islower() for c in head) > len(head) // 5  # all-capitals wires: no datelines
    # ... nor an actor's: find_places drops both before they can vote for a country.
    places = [p for p in find_places(doc, ctx.gazetteer, names=names + sources)
              if not _country_as_modifier(p, doc, ctx.gazetteer.settings)
              and not (cased and _dateline(p, text))]
    return Mentions(
        text=document.text,
        sentences=list(doc.sents),
        places=places,
        dates=dates,
        actors=actors,
        casualties=find_casualties(doc),
        claims=find_claims(doc, ctx, actors, claim_dates),
        publisher=publisher_claim(document.outlet, ctx),
    )


DATELINE_REACH = 400
"""Characters from the start of the text in which a capitalised city can be a dateline."""
DATELINE_NEXT = re.compile(r"\s*(?:[(,\-\u2013\u2014]|[A-Z0-9])")


def _dateline(place: PlaceMention, text: str) -> bool:
    """"BEIRUT (Reuters) -", "MOSCOW October 18 (RIA Novosti) -", "BEIRUT Air strikes ...":
    the city the report was filed from, in capitals near the top, is not where anything
    happened (ACLED codes the event's place, not the correspondent's)."""
    letters = [c for c in place.text if c.isalpha()]
    return (place.start_char < DATELINE_REACH and len(letters) >= 4
            and all(c.isupper() for c in letters)
            and DATELINE_NEXT.match(text, place.end_char) is not None)


HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})


def _country_as_modifier(place: PlaceMention, doc: Doc, settings: GazetteerSettings) -> bool:
    """"U.S. raids", "Syria's army", "US-led strikes": a country naming whose forces act, not
    where; "near the border with Iraq": a country giving a bearing (``side_suffixes``,
    ``bearing_before`` in gazetteer.yaml)."""
    if place.location.feature != "country":
        return False
    span = doc.char_span(place.start_char, place.end_char, alignment_mode="expand")
    if span is None:
        return False
    if span.end < len(doc) - 1 and doc[span.end].text in HYPHENS and \
            doc[span.end + 1].lower_ in settings.side_suffixes:
        return True
    for phrase in settings.bearing_before:
        words = phrase.split()
        if [t.lower_ for t in doc[max(0, span.start - len(words)):span.start]] == words:
            return True
    return span.root.dep_ in ("compound", "amod", "nmod", "poss", "nsubj")


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
            root = span.root
            if root.head == cue or root.head.head == cue or cue.head == root:
                attached.append((abs(span.start - cue.i), mention))
        if attached:
            found[cue.i] = min(attached, key=lambda pair: pair[0])[1].end
    return found


def _among_the_dead(trigger: Span, index: int, mentions: Mentions) -> bool:
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


def _blamed_for(trigger: Span, ctx: Context) -> bool:
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


def _what_an_attack_did(entry: TriggerEntry, trigger: Span, ctx: Context) -> bool:
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


def _describes_a_place(trigger: Span, mentions: Mentions) -> bool:
    """The trigger is in an appositive that describes a place, not an event of the sentence:
    "air strikes around Khan Sheikhoun, the site of the regime's chemical attack in April"."""
    token = trigger.root
    while token.dep_ in ("pobj", "prep", "compound", "amod", "poss", "nmod", "det") \
            and token.head != token:
        token = token.head
    if token.dep_ != "appos":
        return False
    at = token.head.idx
    return any(p.start_char <= at < p.end_char for p in mentions.places)


def _sentence_candidates(index: int, sentence: Span, mentions: Mentions, ctx: Context,
                         earlier: list[Candidate]) -> list[Candidate]:
    """The (sub-event type, place) pairs of one sentence."""
    doc = sentence.doc
    triggers = [(entry, span) for entry, span in _triggers_in(sentence, ctx)
                if _happened(span, entry, ctx) and not _what_an_attack_did(entry, span, ctx)]
    triggers = _drop_generic(triggers + [(entry, span) for entry, span in
                                         _verb_object_events(sentence, ctx)
                                         if _happened(span, entry, ctx)])
    # A word inside a claimant's name is no event: "according to vigilantes", "rebel sources".
    sources = mentions.claimant_spans
    triggers = [(e, t) for e, t in triggers
                if not any(a <= t.start_char and t.end_char <= b for a, b in sources)
                and not _among_the_dead(t, index, mentions)
                and not _describes_a_place(t, mentions)
                and not (e.generic and _blamed_for(t, ctx))]
    sentence_actors = [a for a in mentions.actors if a.span.sent == sentence]
    context = _non_conflict_context(sentence, sentence_actors, ctx)
    if context is None and index > 0 and not _armed(sentence_actors) and \
            mentions.paragraph_of(sentence.start_char) == mentions.paragraph_of(
                mentions.sentences[index - 1].start_char):
        # "A tank at the chemical plant exploded. The blast ...": the accident goes on.
        previous = mentions.sentences[index - 1]
        if _non_conflict_context(previous, [a for a in mentions.actors if a.span.sent ==
                                            previous], ctx) == "accident":
            context = "accident"
    if context == "diplomatic":
        return []
    if context == "accident":
        triggers = [(e, s) for e, s in triggers if not e.generic]
    by_type: dict[str, tuple[TriggerEntry, Span]] = {}
    same_type: dict[str, list[Span]] = {}
    for entry, span in triggers:
        sub = _means_by_agent(_resolve_sub_type(entry.sub_event_type, span, sentence_actors,
                                                ctx), span, ctx)
        sub = _needs_crowd(sub, span, index, mentions, ctx)
        by_type.setdefault(sub, (entry, span))
        same_type.setdefault(sub, []).append(span)
    protest = next((p for p in (PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION) if p in by_type),
                   None)
    if protest is not None:
        # Also from an intervention phrase that swallowed the protest word ("dispersed the
        # protesters ... with live fire" is excessive force).
        stronger = _protest_escalation(index, mentions, ctx)
        if stronger is not None:
            by_type.setdefault(stronger, by_type[protest])
    for sub, (entry, span) in list(by_type.items()):
        if sub == entry.sub_event_type and any(
                # "destroyed rockets": the rockets are its object, no shelling of their own
                other in entry.yields_to and not span.root.is_ancestor(other_span.root)
                for other, (_e, other_span) in by_type.items()):
            del by_type[sub]  # "the sorties ... destroying ammo depots": the strike's targets
    for sub in list(by_type):
        for weaker in ctx.lexicon.subsumes.get(sub, ()):
            by_type.pop(weaker, None)  # the same happening, read the more specific way
    killed = [c for c in mentions.casualties
              if c.sentence_index == index and c.kind in FATAL_KINDS | INJURY_KINDS]
    if not by_type and killed and _continue_toll(index, killed, mentions, ctx, earlier):
        return []
    # A toll with no event word is an event: the dead, or the wounded when an armed actor is
    # named ("the army killed and wounded scores of terrorists": one combined figure).
    harmed = [c for c in killed if c.kind in FATAL_KINDS] or (
        killed if _armed(sentence_actors) else [])
    if all(c.aggregate for c in harmed) and names_war_total(sentence.text):
        harmed = []  # "More than 170000 people have been killed in Syria's civil war"
    if not by_type and context is None and harmed:
        victim = harmed[0]
        sub = "Attack" if victim.victims == "civilians" else "Armed clash"
        kill_span = doc.char_span(victim.start_char, victim.end_char, alignment_mode="expand")
        if kill_span is not None:
            # "Russia's Aerospace Forces have killed 304 militants": the killer names the means
            # (a toll so typed is no longer vague: it keeps its type).
            sub = _means_by_agent(sub, kill_span, ctx)
            by_type[sub] = (TriggerEntry(sub_event_type=sub, weight=0.45, generic=True,
                                         phrases=()), kill_span)
    if not by_type:
        return []
    places, inherited = _places_for(index, mentions)
    slots: list[PlaceMention | None] = list(places) or [None]
    determiners = set(ctx.lexicon.context_typing.anaphora_determiners)
    open_words = set(ctx.lexicon.context_typing.open_means.words)
    candidates = [Candidate(sub, span, entry.weight, place, inherited, generic=entry.generic,
                            vague=_vague(entry, span, determiners),
                            open_means=entry.generic and span.text.lower() in open_words,
                            alternates=tuple(same_type.get(sub, [])[1:]))
                  for sub, (entry, span) in by_type.items() for place in slots]
    violent = [c for c in candidates if _disorder_of(c.sub_event_type, ctx) == "Political violence"]
    if killed and violent:
        # Casualties belong to one event, never repeated per place: the violent event whose
        # trigger is nearest to the toll ("killed by regime shelling after a pilot was executed").
        toll_at = killed[0].start_char
        nearest = min(violent, key=lambda c: abs(c.trigger.start_char - toll_at))
        nearest.casualties = killed
    return candidates


def _means_by_agent(sub: str, trigger: Span, ctx: Context) -> str:
    """"Turkish jets destroyed weapon depots", "Saudi jets fired missiles": the subject (or
    passive agent) of the event's verb is a weapon that names the means
    (``context_typing.means_by_agent``)."""
    rules = [r for r in ctx.lexicon.context_typing.means_by_agent if sub in r.retypes]
    if not rules:
        return sub
    verb = trigger.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return sub
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for doer in doers:
        # the doer's word, its lemma, and it with the compound before it ("air force")
        before = doer.i - 1
        words = {doer.lower_, doer.lemma_.lower()}
        if before >= 0 and doer.doc[before].dep_ == "compound" and doer.doc[before].head == doer:
            words.add(f"{doer.doc[before].lower_} {doer.lower_}")
        for rule in rules:
            if words & set(rule.agents):
                return rule.becomes
    return sub


def _needs_crowd(sub: str, trigger: Span, index: int, mentions: Mentions, ctx: Context) -> str:
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


def _has_determiner(root: Token, determiners: set[str]) -> bool:
    """"the attack", "these strikes": the word refers back (``anaphora_determiners``)."""
    return any(c.dep_ == "det" and c.lower_ in determiners for c in root.children)


def _vague(entry: TriggerEntry, trigger: Span, determiners: set[str]) -> bool:
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


def _type_from_context(candidates: list[Candidate], mentions: Mentions,
                       ctx: Context) -> list[Candidate]:
    """Give a vague candidate the means of the nearest specific event of the article: the
    toll of the air strikes reported two sentences earlier is the air strikes' toll. Words
    that say something was bombed but not how ("bombs hit the market", "the bombardment")
    take the means of the nearest air strike or shelling the same way."""
    rule = ctx.lexicon.context_typing
    determiners = set(rule.anaphora_determiners)
    specific = [c for c in candidates if not c.vague and not c.open_means]
    for candidate in candidates:
        if candidate.vague:
            types = rule.donor_types
        elif candidate.open_means:
            types = rule.open_means.donor_types
        else:
            continue
        donors = [c for c in specific if c.sub_event_type in types]
        donor = _nearest_donor(candidate, donors, mentions, rule.window)
        if donor is None and candidate.vague and \
                _has_determiner(candidate.trigger.root, determiners):
            # "the attack" far below the lead is the lead's attack (inverted pyramid): the
            # article's first specific event before it, at a compatible place
            donor = next((c for c in donors if c.trigger.start_char < candidate.trigger.start_char
                          and _compatible_places(candidate.place, c.place)), None)
        if donor is not None:
            candidate.sub_event_type = donor.sub_event_type
    return candidates


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


def _attack_means_from_context(built: list[tuple[Candidate, Event]], mentions: Mentions,
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
    donors = [(c, e) for c, e in built if not c.vague
              and e.sub_event_type in rule.open_attack.donor_types]
    events = []
    for candidate, event in built:
        if candidate.generic and not candidate.vague and candidate.trigger.text.lower() in words:
            by_same_hand = [(c, donor) for c, donor in donors
                            if _same_hand(event.actor1, donor.actor1, ctx)]
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
                update["actor1"] = _named_first(event.actor1, donor_event.actor1, ctx)
                event = _retyped(event, donor.sub_event_type, ctx, **update)
        events.append(event)
    return events


def _same_hand(one: Actor | None, other: Actor | None, ctx: Context) -> bool:
    """Two initiators that may be one: the same, or either unnamed or only an unidentified
    group ("Nusra attacks kill 12 ... shelling by militants killed 11")."""
    if one is None or other is None or one.name == other.name:
        return True
    return ctx.lexicon.is_unidentified(one.name) or ctx.lexicon.is_unidentified(other.name)


def _retyped(event: Event, sub_event_type: str, ctx: Context, **extra: object) -> Event:
    """``event`` as ``sub_event_type``, with its event and disorder types and notes to match."""
    retyped = event.model_copy(update={
        "sub_event_type": sub_event_type, "event_type": _event_type_of(sub_event_type, ctx),
        "disorder_type": _disorder_of(sub_event_type, ctx), **extra})
    return retyped.model_copy(update={"notes": event_notes(retyped)})


def _verb_object_events(sentence: Span, ctx: Context) -> list[tuple[TriggerEntry, Span]]:
    """Events named by a verb and its object ("seized ammunition", "set up a base")."""
    found = []
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        # "drove the terrorists out of": the parser often makes "out" a preposition
        particles = [c.lower_ for c in token.children
                     if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "out")]
        verbs = {lemma} | {f"{lemma} {p}" for p in particles}
        objects = _object_nouns(token)
        for rule in ctx.lexicon.verb_object_rules:
            if verbs & set(rule.verbs) and objects & set(rule.objects) \
                    and not _falls_on(token) & set(rule.not_on):
                entry = TriggerEntry(sub_event_type=rule.becomes, weight=rule.weight, phrases=(),
                                     yields_to=rule.yields_to)
                found.append((entry, sentence.doc[token.i:token.i + 1]))
                break
    return found


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
    nouns: set[str] = set()
    for head in heads + [c for h in heads for c in h.conjuncts]:
        nouns.add(head.lemma_.lower())
        nouns.update(c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod"))
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                nouns.add(obj.lemma_.lower())
                nouns.update(c.lemma_.lower() for c in obj.conjuncts)
    return nouns


PEACEFUL_PROTEST = "Peaceful protest"
PROPERTY_DESTRUCTION = "Looting/property destruction"
REMOTE_VIOLENCE = "Explosions/Remote violence"
PROTEST_WITH_INTERVENTION = "Protest with intervention"


def _protest_escalation(index: int, mentions: Mentions, ctx: Context) -> str | None:
    """The stronger protest type the sentence (or the next one) reports, if any."""
    text = mentions.sentences[index].text
    if index + 1 < len(mentions.sentences):
        text += " " + mentions.sentences[index + 1].text
    padded = " " + re.sub(r"[^\w\s-]", " ", text.casefold()) + " "
    padded = re.sub(r"\s+", " ", padded)
    for rule in ctx.lexicon.protest_escalation:
        if any(f" {word} " in padded for word in rule.words):
            return rule.becomes
    return None


def _continue_toll(index: int, killed: list[CasualtyMention], mentions: Mentions, ctx: Context,
                   earlier: list[Candidate]) -> bool:
    """A toll with no event word of its own ("The death toll rose to 70") belongs to the violent
    event of the sentences just before it in the same paragraph, when that has no toll yet.
    An aggregate toll ("More than 170000 people have been killed in Syria's civil war") is
    no one event's: it stays an aggregate event of its own."""
    if all(c.aggregate for c in killed):
        return False
    paragraph = mentions.paragraph_of(mentions.sentences[index].start_char)
    for candidate in reversed(earlier):
        at = mentions.sentence_of(candidate.trigger.start_char)
        if index - at > TOLL_LOOKBACK or mentions.paragraph_of(candidate.trigger.start_char) \
                != paragraph:
            return False
        if _disorder_of(candidate.sub_event_type, ctx) != "Political violence":
            continue
        if any(c.kind in FATAL_KINDS for c in candidate.casualties):
            return False
        candidate.casualties = candidate.casualties + killed
        return True
    return False


def _learned_typing(events: list[Event], ctx: Context, warnings: list[str]) -> list[Event]:
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


def _inherit_actors(events: list[Event], mentions: Mentions, ctx: Context) -> list[Event]:
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
            allowed = ctx.lexicon.initiators.allowed_inter.get(event.sub_event_type)
            donor = next((e.actor1 for e in order if e.actor1 is not None
                          and e.sub_event_type == event.sub_event_type and e.actor1.inter != 7
                          and (allowed is None or e.actor1.inter in allowed)
                          and (event.actor2 is None or e.actor1.name != event.actor2.name)
                          and (event.sub_event_type in rule.anywhere or abs(
                              mentions.sentence_of(e.trigger.char_span[0]) - at) <= rule.window)),
                         None)
            if donor is not None:
                event = _with_initiator(
                    event, donor.model_copy(update={"text": None, "char_span": None}))
        filled.append(event)
    return filled


def _only_capable_initiator(events: list[Event], mentions: Mentions,
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


def _claimed_responsibility(events: list[Event], mentions: Mentions,
                            ctx: Context) -> list[Event]:
    """Code the group that claimed an attack as its initiator when the attack's own sentence
    names none, or only an unidentified group ("gunmen killed ...; IS later claimed
    responsibility"). The actor keeps the span of its name in the claim: read, not guessed."""
    rules = ctx.lexicon.initiators.responsibility
    claimants = [m for m in mentions.actors if _claims_responsibility(m, rules.verbs,
                                                                      rules.objects)]
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
            actor1 = _canonical(nearest.to_actor(country), ctx)
            if event.actor2 is None or event.actor2.name != actor1.name:
                event = _with_initiator(event, actor1)
        filled.append(event)
    return filled


ALLEGED_NOTE = " Perpetrator as alleged in the text (accused), not established."


def _with_initiator(event: Event, actor1: Actor, note: str = "") -> Event:
    """``event`` with ``actor1`` as its initiator and notes to match (``note`` appended)."""
    event = event.model_copy(update={"actor1": actor1})
    return event.model_copy(update={"notes": event_notes(event) + note})


def _accused_perpetrator(events: list[Event], mentions: Mentions, ctx: Context) -> list[Event]:
    """Code the side the text blames for an attack as the initiator of the attacks nearby whose
    own sentence names none (``initiators.accused``): the chemical attack "believed carried out
    by regime jets", "blamed on Assad's forces". The actor's span is the accusation's, and the
    notes say the perpetrator is alleged, so the claim is never flattened into a fact."""
    rules = ctx.lexicon.initiators.accused
    accusations = find_accusations(mentions.actors, rules)
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
            accused = [(a, _canonical(a.mention.to_actor(country), ctx)) for a in near]
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


def _infer_opponents(events: list[Event], mentions: Mentions, ctx: Context) -> list[Event]:
    """A battle has two sides: when the sentence names only one ("regime forces attempted to
    advance"), the other is the armed actor the article names most often besides it (ISIS in
    an article about the regime's offensive on ISIS). Recorded without a span: inferred."""
    counts: dict[str, int] = {}
    entries = {}
    for mention in mentions.actors:
        if mention.entry.inter in FIGHTING_INTER:
            counts[mention.entry.name] = counts.get(mention.entry.name, 0) + 1
            entries[mention.entry.name] = mention
    filled = []
    for event in events:
        if event.event_type == "Battles" and event.actor1 is not None and event.actor2 is None:
            own = {event.actor1.name} | {a.name for a in event.assoc_actors1}
            country = event.location.country if event.location else None
            options = []
            for name, count in counts.items():
                actor = _canonical(entries[name].to_actor(country), ctx)
                if actor.name not in own and entries[name].entry.inter != event.actor1.inter:
                    options.append((count, actor))
            if options:
                best = max(options, key=lambda pair: pair[0])[1]
                event = event.model_copy(update={
                    "actor2": best.model_copy(update={"text": None, "char_span": None})})
        filled.append(event)
    return filled


def _armed(actors: list[ActorMention]) -> bool:
    """Whether any of ``actors`` is an armed actor (ACLED inter 1-5 or 8)."""
    return any(a.entry.inter in (1, 2, 3, 4, 5, 8) for a in actors)


def _non_conflict_context(sentence: Span, actors: list[ActorMention], ctx: Context) -> str | None:
    """"accident" or "diplomatic" when a sentence that names no armed actor talks about an
    accident or disaster, or about weapons in diplomacy; None otherwise (non_conflict in
    triggers.yaml)."""
    if _armed(actors):
        return None
    padded = " " + re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", sentence.text.casefold())) + " "
    rules = ctx.lexicon.non_conflict
    if any(f" {w} " in padded for w in rules.diplomatic):
        return "diplomatic"
    if any(f" {w} " in padded for w in rules.accident):
        return "accident"
    return None


def _drop_generic(triggers: list[tuple[TriggerEntry, Span]]) -> list[tuple[TriggerEntry, Span]]:
    """Generic words yield to any specific trigger; of generic ones keep the strongest type."""
    specific = [(e, s) for e, s in triggers if not e.generic]
    if specific:
        return specific
    if not triggers:
        return []
    strongest = max(triggers, key=lambda pair: pair[0].weight)[0].sub_event_type
    return [(e, s) for e, s in triggers if e.sub_event_type == strongest]


def _triggers_in(sentence: Span, ctx: Context) -> list[tuple[TriggerEntry, Span]]:
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


def _happened(trigger: Span, entry: TriggerEntry, ctx: Context) -> bool:
    """False for negated, modal or merely intended events."""
    root = trigger.root
    heads = [root, root.head] if root.head != root else [root]
    for token in heads:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
                return False
    sentence = trigger.sent
    previous = trigger.start - 1
    while previous > sentence.start and trigger.doc[previous].dep_ == "det":
        previous -= 1
    if previous >= sentence.start and trigger.doc[previous].lower_ in ctx.lexicon.negation_words:
        return False  # "entered the town without fighting", "not a single clash"
    if root.head.lower_ in ("with", "to") and root.head.head.lemma_.lower() in \
            ctx.lexicon.mission_words:
        return False  # "the coalition tasked with fighting Daesh": a mission
    if _named_by_year(trigger):
        return False  # "the scene of a deadly 2017 chemical weapons attack": a past event
    window = trigger.doc[max(sentence.start, trigger.start - 4):trigger.start]
    for token in window:
        if token.tag_ == "MD" and token.lower_ in ctx.lexicon.modal_words:
            return False
    window_text = " " + window.text.casefold() + " "
    if any(f" {m} " in window_text for m in ctx.lexicon.modal_words if " " in m):
        return False
    modal = ctx.lexicon.modal_lemmas
    for ancestor in list(root.ancestors)[:3]:
        if ancestor.lemma_ in modal:
            return False
    if any(c.dep_ == "amod" and c.lemma_ in modal for c in root.children):
        return False  # "planning attacks", "a planned offensive"
    if _complement_of_modal_verb(root, ctx):
        return False  # "it will be the site of an apocalyptic battle": a prophecy
    if entry.sub_event_type == TERRITORY_GAIN:
        before = trigger.doc[trigger.start - 1] if trigger.start > sentence.start else None
        if before is not None and before.tag_ == "TO":
            return False  # "a campaign to gain control of": an aim, not a gain
    return True


def _complement_of_modal_verb(root: Token, ctx: Context) -> bool:
    """The event word is what a verb with a modal auxiliary is, does or is about ("it will be
    the site of a battle", "they would pay for the attack"): a future or a hypothesis. Only
    through complements: a modal's subject ("the strikes will be investigated") is an event
    reported as it is."""
    token = root
    while token.dep_ in ("pobj", "prep", "attr", "dobj", "compound", "amod") \
            and token.head != token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in
                       ctx.lexicon.modal_words for c in token.children)
    return False


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


def _event_type_of(sub_event_type: str, ctx: Context) -> str:
    if sub_event_type == TERRITORY_GAIN:
        return "Battles"
    return ctx.lexicon.sub_event(sub_event_type)[0].name


def _disorder_of(sub_event_type: str, ctx: Context) -> str:
    return ctx.lexicon.sub_event(sub_event_type)[0].disorder_type


def _resolve_sub_type(sub: str, trigger: Span, actors: list[ActorMention], ctx: Context) -> str:
    """Apply the object rules ("seized weapons" is not a territory gain), then decide a
    territory gain by who gains: a state's forces or a non-state actor."""
    cues = frozenset(ctx.lexicon.association_cues)
    taker = _actor_roles(trigger, actors, cues=cues)[0]
    state = taker is not None and taker.entry.state_of is not None
    if taker is not None and not state:
        # "Hezbollah fighters alongside regime forces recaptured ...": the state's side gains
        head = phrase_head(taker.span.root)
        state = any(m.entry.state_of is not None and _associated_with_other(
            phrase_head(m.span.root), {head.i}, cues) for m in actors)
    objects = _object_words(trigger)
    for rule in ctx.lexicon.object_rules:
        if rule.trigger_type == sub and objects & set(rule.objects):
            return rule.if_state if state and rule.if_state else rule.becomes
    if sub != TERRITORY_GAIN:
        return sub
    return "Government regains territory" if state else "Non-state actor overtakes territory"


def _object_words(trigger: Span) -> set[str]:
    """Lower-cased heads of what the trigger acts on (object, passive subject, 'of' object)."""
    words = set()
    for token in trigger:
        for child in token.children:
            if child.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and child.i >= trigger.start - 3:
                words.add(child.lower_)
                words.update(c.lower_ for c in child.conjuncts)
        if token.dep_ in ("amod", "acl") and token.head.pos_ == "NOUN":
            words.add(token.head.lower_)  # "the seized weapons"
    if trigger.root.dep_ == "auxpass" or trigger.root.tag_ == "VBN":
        words.update(c.lower_ for c in trigger.root.children if c.dep_ == "nsubjpass")
    return words


def _places_for(index: int, mentions: Mentions) -> tuple[list[PlaceMention], bool]:
    """Places of sentence ``index``; else of the sentence elaborating it; else of earlier ones.

    A sentence that only names a foreign country ("(banned in Russia)", "the US-led
    coalition") does not place an event of an article about another country: a town in the
    sentences around it does, and that country is only the last resort. Nor does a headline
    that only names the country ("Kurdish Forces Kill 16 ISIL Terrorists in Syria"): its lead
    sentence says where.
    """
    home = _document_country(mentions)

    def usable(places: list[PlaceMention]) -> list[PlaceMention]:
        return [p for p in places if not (
            p.location.feature == "country" and home and p.location.country != home)]

    own = _specific_places([p for p in mentions.places if p.sentence_index == index])
    headline_country = index == 0 and bool(own) and all(
        p.location.feature == "country" for p in own)
    if usable(own) and not headline_country:
        return usable(own), False
    own_countries = {p.location.country for p in own}
    for ahead in range(index + 1, min(index + 1 + PLACE_LOOKAHEAD, len(mentions.sentences))):
        later = usable(_specific_places(
            [p for p in mentions.places if p.sentence_index == ahead]))
        if headline_country:  # "... in Syria. MOSCOW (RIA Novosti) - ...": not a dateline abroad
            later = [p for p in later if p.location.country in own_countries]
        if later:
            return later[:1], True
    for back in range(index - 1, max(-1, index - 1 - PLACE_LOOKBACK), -1):
        earlier = usable(_specific_places(
            [p for p in mentions.places if p.sentence_index == back]))
        if earlier:
            return earlier[-1:], True
    if own:
        return own, False
    fallback = [p for p in mentions.places if p.location.feature != "country"]
    if fallback:
        return fallback[:1], True
    countries = [p for p in mentions.places]
    return countries[:1], True


def _specific_places(places: list[PlaceMention]) -> list[PlaceMention]:
    """Drop places that only contain other places of the same sentence (countries, provinces)."""
    if not places:
        return []
    finest = min(p.location.precision for p in places)
    kept = [p for p in places if p.location.precision == finest]
    kept = [p for p in kept if not any(
        other.location.admin2 == p.location.name or other.location.admin1 == p.location.name
        for other in kept if other is not p)] or kept
    unique: dict[str, PlaceMention] = {}
    for place in kept:
        unique.setdefault(place.location.name, place)
    return list(unique.values())


def _associated_with_other(token: Token, heads: set[int], cues: frozenset[str]) -> bool:
    """True when ``token`` hangs off another actor's phrase through an association cue."""
    words: set[str] = set()
    node = token
    while node.head != node:
        words.add(node.lower_)
        node = node.head
        if node.i in heads and node.i != token.i:
            return bool((words | {node.lower_}) & cues) or token in node.conjuncts
    return False


def _actor_roles(trigger: Span, actors: Sequence[ActorMention],
                 victims: Sequence[tuple[int, int]] = (),
                 cues: frozenset[str] = frozenset(), *, two_sided: bool = False,
                 member_cues: frozenset[str] = frozenset(),
                 acted_on: frozenset[str] = frozenset(), taken_from: bool = False
                 ) -> tuple[ActorMention | None, ActorMention | None]:
    """Pick actor1 (who acts) and actor2 (who is acted on) from the parse, then word order.

    ``victims`` are the character spans of the sentence's casualty mentions: an actor named
    among the dead or wounded ("killed 15 soldiers") is the target, not the initiator.
    ``taken_from``: the event's verb takes the losing side with "from" ("captured Gharyan from
    GNA forces"; ``initiators.taken_from``).
    """
    first: list[ActorMention] = []
    second: list[ActorMention] = []
    before: list[ActorMention] = []
    after: list[ActorMention] = []
    struck: list[ActorMention] = []  # objects of another harm word: targets, never a side
    root = trigger.root
    heads = {phrase_head(m.span.root).i for m in actors}
    for mention in actors:
        token = phrase_head(mention.span.root)
        if _associated_with_other(token, heads, cues):
            continue  # "regime forces" in "Hezbollah alongside regime forces": an associate
        if any(start <= mention.span.start_char and mention.span.end_char <= end
               for start, end in victims):
            second.append(mention)
        elif _modifies(mention.span.root, root) and mention.entry.inter != 7:
            first.append(mention)  # "Daesh attack", "ISIS's car bomb": who carried it out
        elif token.dep_ == "nsubj" and (token.head == root or token.head.is_ancestor(root)):
            first.append(mention)
        elif token.dep_ == "nsubjpass" and (token.head == root or token.head.is_ancestor(root)):
            # "a Russian helicopter was shot down", "ISIS positions were targeted": the
            # subject of a passive harm verb is what was hit
            # ... as is that of any passive with an agent ("the army's base was seized by
            # fighters from the Islamic State")
            harmed = mention.entry.inter == 7 or token.head.lemma_.lower() in acted_on \
                or any(c.dep_ == "agent" for c in token.head.children)
            (second if harmed else first).append(mention)
        elif root.is_ancestor(token):
            path = _path_words(token, root)
            # "targeted by X", "at the hands of X", "a suicide bomber from Nusra"
            agent = bool(path & (AGENT_WORDS | member_cues))
            if taken_from and _taken_from(token, root):
                agent = False  # "recaptured the town from ISIS": the side that lost it
            # "Members of ISIS executed ...": a name inside the active subject's phrase acts.
            in_subject = _child_on_path(token, root).dep_ == "nsubj"
            (first if agent or in_subject else second).append(mention)
        elif _acts_elsewhere(token, root):
            continue  # "... as regime forces pressed a campaign": the subject of another clause
        elif _acted_on(token, acted_on):
            struck.append(mention)  # "the elimination of Daesh command position"
        elif mention.span.start < trigger.start:
            before.append(mention)
        else:
            after.append(mention)
    ordered_first = first + before + after
    if two_sided and not any(m.entry.inter != 7 for m in ordered_first):
        # "50 Jaysh al-Fateh fighters killed in clashes with the Syrian army": a battle's
        # sides are symmetric; the side not counted among the dead is the one named first.
        ordered_first = [m for m in second if not any(
            start <= m.span.start_char and m.span.end_char <= end for start, end in victims)]
    actor1 = next((m for m in ordered_first if m.entry.inter != 7), None)
    second = second + struck
    remaining = [m for m in second + after + before
                 if actor1 is None or m.entry.name != actor1.entry.name]
    actor2 = remaining[0] if remaining else None
    if actor1 is None and actor2 is None:
        civilians = [m for m in actors if m.entry.inter == 7]
        return None, civilians[0] if civilians else None
    return actor1, actor2


def _acted_on(token: Token, words: frozenset[str]) -> bool:
    """The actor's phrase is the object of a harm word of its own clause ("destroying ISIS
    positions", "the elimination of Daesh command position", "an attack on SDF fighters";
    not "against": "killed in battles against ISIL" names the other side)
    (``initiators.acted_on_words``)."""
    head = phrase_head(token)
    while head.dep_ in ("compound", "amod", "poss", "nmod") and head.head != head:
        head = head.head  # "Daesh" -> "position" in "Daesh command position"
    if head.dep_ in ("dobj", "obj"):
        return head.head.lemma_.lower() in words
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "on"):
        return head.head.head.lemma_.lower() in words
    return False


def _taken_from(token: Token, root: Token) -> bool:
    """The actor is the object of a "from" on the event's verb or on what the verb took
    ("captured the town of Gharyan from GNA forces"), not inside the taker's own phrase
    ("seized by fighters from the Islamic State")."""
    while token != root and token.head != token:
        if token.lower_ == "from" and (token.head == root or (
                token.head.dep_ in ("dobj", "obj", "nsubjpass") and token.head.head == root)):
            return True
        token = token.head
    return False


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


MODIFIER_DEPS = ("compound", "poss", "nmod")
AGENT_WORDS = frozenset({"by", "hands"})


def _names_author(token: Token, root: Token, member_cues: frozenset[str]) -> bool:
    """The actor is tied to the event word as its author: a modifier ("Daesh attack"), an
    agent ("shelling by the army") or a member ("a suicide bomber from the Nusra Front")."""
    if _modifies(token, root):
        return True
    head = phrase_head(token)
    return root.is_ancestor(head) and bool(
        _path_words(head, root) & (AGENT_WORDS | member_cues))


def _modifies(token: Token, root: Token) -> bool:
    """The actor is a noun modifier of the event word ("Daesh attack") or of its subject
    ("Islamic State suicide bombers blew themselves up")."""
    while token.dep_ in MODIFIER_DEPS and token.head != token and token.head != root \
            and token.head.dep_ in MODIFIER_DEPS:
        token = token.head  # "Islamic" -> "State" in "Islamic State suicide bombers"
    if token.dep_ not in MODIFIER_DEPS:
        return False
    head = token.head
    return head == root or (head.dep_ == "nsubj" and head.head == root)


def _child_on_path(token: Token, root: Token) -> Token:
    """The child of ``root`` whose subtree holds ``token`` (``root`` must be its ancestor)."""
    while token.head != root and token.head != token:
        token = token.head
    return token


def _path_words(token: Token, root: Token) -> set[str]:
    words = set()
    while token != root and token.head != token:
        words.add(token.lower_)
        token = token.head
    return words


def _to_event(candidate: Candidate, document: Document, mentions: Mentions, ctx: Context,
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
    sentence_actors = [a for a in mentions.actors if a.span.sent == sentence
                       and not _inside_source(a, claim_mentions, trigger.root)]
    victims = [span for c in mentions.casualties
               if sentence.start_char <= c.start_char < sentence.end_char
               and (span := _victim_span(c)) is not None]
    actor1, actor2 = _actor_roles(trigger, sentence_actors, victims,
                                  frozenset(ctx.lexicon.association_cues),
                                  two_sided=candidate.sub_event_type
                                  in ctx.lexicon.initiators.two_sided,
                                  member_cues=frozenset(ctx.lexicon.member_cues),
                                  acted_on=frozenset(ctx.lexicon.initiators.acted_on_words),
                                  taken_from=candidate.sub_event_type
                                  in ctx.lexicon.initiators.taken_from)
    if actor1 is None:
        actor1, actor2 = _author_from_alternates(
            candidate, [a for a in mentions.actors if a.span.sent == sentence], claim_mentions,
            victims, ctx, (actor1, actor2))
    location = _location_of(candidate)
    country = location.country if location and location.feature != "country" else (
        _document_country(mentions) or (location.country if location else None))
    a1 = _canonical(actor1.to_actor(country), ctx) if actor1 else None
    a2 = _canonical(actor2.to_actor(country), ctx) if actor2 else None
    direct = actor1 is not None and _names_author(actor1.span.root, trigger.root,
                                                   frozenset(ctx.lexicon.member_cues))
    a1, a2 = _plausible_initiator(candidate.sub_event_type, a1, a2, ctx, direct=direct)
    # A bare toll's words name the dead ("100 Nusra terrorists killed"), never who struck.
    # A later word of the same type may carry it when nothing names the author ("Air strikes
    # in Syria kill 20 IS fighters Monitor US-led air strikes killed ...": one run-on sentence).
    words = (trigger, *candidate.alternates) if a1 is None else (trigger,)
    named = None if candidate.vague else next(
        (found for word in words
         if (found := _actor_by_adjective(word, ctx, country, sentence_actors)) is not None),
        None)
    named = _canonical(named, ctx) if named is not None else None
    if named is not None and a1 is not None and ctx.lexicon.is_unidentified(named.name) \
            and not ctx.lexicon.is_unidentified(a1.name):
        named = None  # "terrorist rocket attacks ... terrorists from Jaish al-Fateh fired"
    if named is not None and (a1 is None or a1.name != named.name):
        # "An Israeli airstrike ... killed pro-regime forces": the adjective on the event word
        # names who struck; whoever else was found is the target.
        a2 = a2 if a2 is not None and a2.name != named.name else a1
        a1 = named
    speaking_for = next((c.actor_name for c in claim_mentions if c.actor_name), None)
    if not _victim_report(candidate, a2, ctx):
        a1, a2 = _fill_from_claimant(a1, a2, speaking_for, ctx, country)
    assoc1, assoc2 = _associates(sentence_actors, actor1, actor2, a1, a2, ctx, country)
    if a2 is None and _event_type_of(candidate.sub_event_type, ctx) == REMOTE_VIOLENCE and \
            _attacked_nouns(trigger.root, frozenset(ctx.lexicon.initiators.military_modifiers)) \
            & set(ctx.lexicon.initiators.civilian_targets):
        a2 = _civilians(ctx, country)  # "air strikes on a market": civilians were the target
    fatalities, injuries, attribution = _casualties_of(candidate, sentence_actors, a1, a2,
                                                       mentions, attribution)
    date = _date_of(candidate, index, mentions, attribution[0], fatalities, document, warnings)
    event_type, sub = ctx.lexicon.sub_event(_state_bombing(_against_civilians(
        candidate, a2, fatalities, ctx.lexicon.initiators, unharmed=injuries is None),
        candidate, a1, ctx))
    if event_type.disorder_type == "Political violence" and sub.name == "Attack" and a2 is None:
        a2 = _civilians(ctx, country)  # ACLED: an Attack's target is civilians by definition
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


def _victim_span(mention: CasualtyMention) -> tuple[int, int] | None:
    """Where a casualty mention names the harmed: all of it ("killed 15 soldiers"), but for a
    running toll only its victim words ("the death toll from the Daesh attack reached 51":
    Daesh is no victim), or nothing when it has none."""
    if not mention.toll:
        return mention.start_char, mention.end_char
    if mention.victim_text and (at := mention.text.find(mention.victim_text)) >= 0:
        start = mention.start_char + at
        return start, start + len(mention.victim_text)
    return None


def _author_from_alternates(candidate: Candidate, actors: list[ActorMention],
                            claims: list[ClaimMention], victims: list[tuple[int, int]],
                            ctx: Context,
                            found: tuple[ActorMention | None, ActorMention | None]
                            ) -> tuple[ActorMention | None, ActorMention | None]:
    """When the event word names no author, a later word of the same type in the sentence
    may ("Missile kills 18 ... a missile fired by Syrian forces"): only an author tied to it
    by the parse (modifier, agent, member, subject of its verb), never a guess from word
    order."""
    member_cues = frozenset(ctx.lexicon.member_cues)
    for alternate in candidate.alternates:
        parties = [a for a in actors if not _inside_source(a, claims, alternate.root)]
        actor1, actor2 = _actor_roles(alternate, parties, victims,
                                      frozenset(ctx.lexicon.association_cues),
                                      member_cues=member_cues)
        if actor1 is not None and (_names_author(actor1.span.root, alternate.root, member_cues)
                                   or _subject_of_its_verb(actor1.span.root, alternate.root)):
            return actor1, actor2
    return found


def _subject_of_its_verb(token: Token, word: Token) -> bool:
    """The actor is the subject of the verb whose object the event word is ("terrorists from
    Jaish al-Fateh fired rocket shells")."""
    head = phrase_head(token)
    return word.dep_ in ("dobj", "obj") and head.dep_ == "nsubj" and head.head == word.head


def _state_bombing(sub_event_type: str, candidate: Candidate, actor1: Actor | None,
                   ctx: Context) -> str:
    """A generic "bombing" by a state's or a foreign force is an air raid (``state_bombing``
    in triggers.yaml); anything else keeps ``sub_event_type``."""
    rule = ctx.lexicon.initiators.state_bombing
    if rule.becomes and candidate.generic and actor1 is not None and actor1.inter in rule.inter \
            and candidate.trigger.text.lower() in rule.words:
        return rule.becomes
    return sub_event_type


def _civilians(ctx: Context, country: str | None) -> Actor | None:
    """The dictionary's civilians actor (inter 7) of ``country``, without a span: inferred."""
    entry = next((e for e in ctx.lexicon.actors if e.inter == 7), None)
    if entry is None:
        return None
    return Actor(name=entry.name_for(country), inter=7)


def _attacked_nouns(root: Token, military: frozenset[str] = frozenset()) -> set[str]:
    """What an attack word is aimed at: its object, or the noun after "on" / "at" /
    "against" ("opened fire on a bus", "attacked a village", "an attack on a mosque"); a
    noun a ``military`` word modifies is left out ("an attack on a training camp")."""
    targets = [c for c in root.children if c.dep_ in ("dobj", "obj")]
    for prep in (c for c in root.children if c.dep_ == "prep"
                 and c.lower_ in ("on", "at", "against", "upon")):
        targets += [c for c in prep.children if c.dep_ == "pobj"]
    return {t.lower_ for t in targets if not any(
        c.dep_ in ("amod", "compound") and c.lower_ in military for c in t.children)}


def _against_civilians(candidate: Candidate, actor2: Actor | None,
                       fatalities: Casualties | None, rules: Initiators, *,
                       unharmed: bool = False) -> str:
    """A generic attack ("gunmen attacked a village, killing 20 people") on civilians is
    Violence against civilians, not a battle; one on property that harms nobody ("attacks on
    properties") is property destruction; a named battle word ("clashes") stays a battle."""
    if candidate.sub_event_type != "Armed clash" or not candidate.generic:
        return candidate.sub_event_type
    aimed_at = _attacked_nouns(candidate.trigger.root, frozenset(rules.military_modifiers)) \
        if actor2 is None else set()
    if aimed_at & set(rules.property_targets) and fatalities is None and unharmed:
        return PROPERTY_DESTRUCTION
    targets_civilians = (actor2 is not None and actor2.inter == 7) or bool(
        aimed_at & set(rules.civilian_targets))
    civilian_dead = fatalities is not None and fatalities.victims == "civilians"
    return "Attack" if targets_civilians or civilian_dead else candidate.sub_event_type


def _associates(actors: list[ActorMention], mention1: ActorMention | None,
                mention2: ActorMention | None, a1: Actor | None, a2: Actor | None, ctx: Context,
                country: str | None) -> tuple[list[Actor], list[Actor]]:
    """Actors tied to actor1 or actor2 in the parse: coordinated with them ("regime forces and
    Hezbollah") or joined by an association cue ("backed by Russian jets", "alongside")."""
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
            tied = token in head.conjuncts or (
                head.is_ancestor(token) and bool(_path_words(token, head) & cues))
            actor = _canonical(other.to_actor(country), ctx)
            if tied and actor.name not in chosen:
                groups[slot].append(actor)
                chosen.add(actor.name)
    return groups


def _plausible_initiator(sub_event_type: str, a1: Actor | None, a2: Actor | None,
                         ctx: Context, *, direct: bool = False
                         ) -> tuple[Actor | None, Actor | None]:
    """Some event types name their initiator only in certain ways: air strikes are flown by
    state or foreign forces (a rebel group next to "air strikes" is their target), and a bomb's
    planter is rarely the group standing next to the word (``hidden_initiator`` in
    triggers.yaml)."""
    rules = ctx.lexicon.initiators
    if a1 is None:
        return a1, a2
    allowed = rules.allowed_inter.get(sub_event_type)
    # ... unless the group names the bomb itself ("Islamic State suicide bombers"): ``direct``.
    hidden = sub_event_type in rules.hidden_initiator and a1.char_span is not None \
        and a1.inter != 7 and not direct
    if (allowed is not None and a1.inter not in allowed) or hidden:
        return None, a2 if a2 is not None else a1
    return a1, a2


def _canonical(actor: Actor, ctx: Context) -> Actor:
    """"Military Forces of Syria" (from "the army" in Syria) is the dictionary's
    "Military Forces of Syria (2000-)" when that entry exists."""
    for entry in ctx.lexicon.actors:
        if entry.name.startswith(actor.name + " (") and entry.inter == actor.inter:
            return actor.model_copy(update={"name": entry.name})
    return actor


def _actor_by_adjective(trigger: Span, ctx: Context, country: str | None,
                        named: Sequence[ActorMention] = ()) -> Actor | None:
    """"Russian air strikes", "regime shelling": an actor adjective right before the trigger,
    unless it is a word of a longer name (``named``): "allied" in "Syrian allied forces"."""
    doc = trigger.doc
    start = max(trigger.sent.start, trigger.start - 3)
    window = [t for t in doc[start:trigger.start + len(trigger) - 1]]
    for size in (3, 2, 1):
        for i in range(len(window) - size + 1):
            words = window[i:i + size]
            if any(t.is_punct and t.text != "-" for t in words):
                continue
            phrase = doc[words[0].i:words[-1].i + 1]
            if phrase.end < trigger.start and doc[phrase.end:trigger.start].text.strip() not in (
                    "", "air", "artillery", "military", "army", "government", "forces"):
                continue
            entry = ctx.lexicon.actor_adjectives.get(phrase.text.casefold())
            if entry is not None and not any(
                    m.span.start <= phrase.start and phrase.end <= m.span.end
                    and len(m.span) > len(phrase) for m in named):
                return Actor(name=entry.name_for(country), inter=entry.inter, text=phrase.text,
                             char_span=(phrase.start_char, phrase.end_char))
    return None


def _inside_source(actor: ActorMention, claims: list[ClaimMention], trigger: Token) -> bool:
    """An actor named inside the claimant's description ("the ISIS-affiliated outlet") is not
    a party to the event. A claim verb's subject that holds the event word itself is a bad
    parse of a comma-less report ("A missile fired by Syrian forces killed 18 ... a monitoring
    group said"), not a claimant's description."""
    for claim in claims:
        span = claim.claim.char_span
        if span and span[0] <= actor.span.start_char and actor.span.end_char <= span[1]:
            return True
        sent = claim.cue_span.sent
        subject = [t for t in claim.anchor_token.children if t.dep_ in ("nsubj", "nsubjpass")]
        for token in subject:
            tokens = list(token.subtree)
            if tokens[0].i <= actor.span.start and actor.span.end <= tokens[-1].i + 1 \
                    and sent == actor.span.sent and not (tokens[0].i <= trigger.i <= tokens[-1].i):
                return True
    return False


def _victim_report(candidate: Candidate, a2: Actor | None, ctx: Context) -> bool:
    """State media reporting a car bomb or the shelling of civilians speaks for the side that
    was hit, not for the one that struck: its side names neither actor of the event."""
    civilian_dead = any(c.victims == "civilians" for c in candidate.casualties)
    return civilian_dead or (a2 is not None and a2.inter == 7) or \
        candidate.sub_event_type in ctx.lexicon.initiators.hidden_initiator


def _fill_from_claimant(a1: Actor | None, a2: Actor | None, speaking_for: str | None,
                        ctx: Context, country: str | None) -> tuple[Actor | None, Actor | None]:
    """A belligerent's own outlet claiming an attack names its side ("Amaaq" -> ISIS)."""
    if speaking_for is None:
        return a1, a2
    names = {a.name for a in (a1, a2) if a}
    entry = ctx.lexicon.actor(speaking_for)
    name = entry.name_for(country)
    if name in names:
        return a1, a2
    claimant = Actor(name=name, inter=entry.inter)
    if a1 is None:
        return claimant, a2
    if a2 is None:
        return a1, claimant
    return a1, a2


def _location_of(candidate: Candidate) -> Location | None:
    if candidate.place is None:
        return None
    return candidate.place.location


def _document_country(mentions: Mentions) -> str | None:
    """The country most of the article's specific places are in (countries named as such
    count only when no finer place is known)."""
    for places in ([p for p in mentions.places if p.location.feature != "country"],
                   mentions.places):
        countries = [p.location.country for p in places if p.location.country]
        if countries:
            return max(countries, key=countries.count)
    return None


def _casualties_of(candidate: Candidate, actors: list[ActorMention], a1: Actor | None,
                   a2: Actor | None, mentions: Mentions, attribution: list[Claim]
                   ) -> tuple[Casualties | None, Casualties | None, list[Claim]]:
    """The event's fatalities and injuries, and its attribution with each claimant's toll.

    Each casualty mention belongs to the claimant whose reporting cue governs it ("SANA said
    5 were killed"), else to the event's own claimant (``attribution[0]``). One claimant's
    counts add up (``_combine``); named claimants that count the same victims differently
    make conflicting claims, not additions: each claim keeps its own figure and the event
    spans them (``_conflict``). A claimant that gives a toll but does not govern the event
    word joins the attribution with its figure.
    """
    fatal = [c for c in candidate.casualties if c.kind in FATAL_KINDS]
    hurt = [c for c in candidate.casualties if c.kind in INJURY_KINDS]
    main = attribution[0] if attribution else None
    fatal_by = _by_claimant(fatal, mentions.claims, main)
    claims = _with_tolls(attribution, "fatalities", fatal_by, actors, a1, a2, mentions)
    hurt_by = _by_claimant(hurt, mentions.claims, main)
    claims = _with_tolls(claims, "injuries", hurt_by, actors, a1, a2, mentions)
    one_class = len({c.victims for c in fatal} - {"unknown"}) <= 1  # else not a conflict
    fatalities = (_conflict(_named_tolls(claims)) if one_class else None) or _combine(
        fatal, actors, a1, a2)
    hurt_named = [(speaker.claim if speaker is not None else main,
                   _combine(items, actors, a1, a2)) for source, (speaker, items) in hurt_by.items()
                  if speaker is not None or (main is not None and source == main.source
                                              and main.char_span is not None)]
    injuries = _conflict([(c, t) for c, t in hurt_named if c is not None and t is not None]) \
        or _combine(hurt, actors, a1, a2)
    return fatalities, injuries, claims


def _with_tolls(claims: list[Claim], toll_field: str,
                by_claimant: dict[str | None, tuple[ClaimMention | None, list[CasualtyMention]]],
                actors: list[ActorMention], a1: Actor | None, a2: Actor | None,
                mentions: Mentions) -> list[Claim]:
    """Put each claimant's toll (``toll_field``: "fatalities" or "injuries") on its claim; a
    claimant with a toll that is not yet in the attribution joins it, relayed by the
    publisher."""
    tolls = {source: _combine(items, actors, a1, a2)
             for source, (_m, items) in by_claimant.items()}
    claims = [claim.model_copy(update={toll_field: tolls[claim.source]})
              if claim.source in tolls else claim for claim in claims]
    present = {claim.source for claim in claims}
    for source, (claim_mention, _items) in by_claimant.items():
        if source in present or claim_mention is None or source is None:
            continue
        via = list(claim_mention.relays)
        if mentions.publisher.source not in {r.source for r in via} | {source}:
            via.append(Relay(source=mentions.publisher.source, cue="reported"))
        claims.append(claim_mention.claim.model_copy(
            update={"via": via, toll_field: tolls[source]}))
        present.add(source)
    return claims


def _by_claimant(items: list[CasualtyMention], claims: list[ClaimMention], main: Claim | None
                 ) -> dict[str | None, tuple[ClaimMention | None, list[CasualtyMention]]]:
    """Group casualty mentions by the source of the innermost named cue that governs them;
    a mention no cue governs belongs to the event's own claimant ``main`` (no mention then)."""
    own = main.source if main is not None else None
    groups: dict[str | None, tuple[ClaimMention | None, list[CasualtyMention]]] = {}
    for item in items:
        speaker = _toll_speaker(item, claims)
        source = speaker.claim.source if speaker is not None else own
        if source == own:
            speaker = None
        held = groups.get(source, (speaker, []))
        groups[source] = (held[0] or speaker, [*held[1], item])
    return groups


def _toll_speaker(item: CasualtyMention, claims: list[ClaimMention]) -> ClaimMention | None:
    """The named claim whose cue governs a casualty mention (the innermost cue), if any."""
    if not claims:
        return None
    doc = claims[0].cue_span.doc
    span = doc.char_span(item.start_char, item.end_char, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    speakers = [c for c in claims if c.governs(token) and not c.contrary
                and not c.cue.denial and not c.fallback]
    if not speakers:
        return None
    return max(speakers, key=lambda c: (len(list(c.anchor_token.ancestors)), c.anchor_token.i))


def _named_tolls(claims: list[Claim], toll_field: str = "fatalities"
                 ) -> list[tuple[Claim, Casualties]]:
    """The tolls (``toll_field``: "fatalities" or "injuries") of claimants named in the text
    (the publisher's own voice has no span, and "reportedly" names nobody)."""
    return [(c, getattr(c, toll_field)) for c in claims if getattr(c, toll_field) is not None
            and c.char_span is not None and c.source != FALLBACK_SOURCE]


def _conflict(tolls: list[tuple[Claim, Casualties]]) -> Casualties | None:
    """The event's figure when named claimants give conflicting counts; None when they do not.

    Conflicting: two or more per-event counts of the same victims (same class, or one of them
    unknown) from different named claimants. Low is the lowest low and high the highest high
    (UCDP's spread over sources). Best follows UCDP's "most reliable" figure: the claims of
    non-partisan sources (monitors, media, NGOs) are preferred to a belligerent's, and of
    those the fullest count is taken, because two figures in one article are far more often a
    running toll and its update, or a monitor's fuller tally, than two independent estimates
    (FA-KES dev, articles where two claimants' tolls differ and one is gold: the higher in
    16, the lower in 5; docs/benchmarks.md).
    When only belligerents give figures, the lowest is taken (ACLED's conservative rule:
    parties inflate their enemy's losses). Span, victims, names, children and women are those
    of the claim that gave best. Counts of different victims ("the army said it killed 30
    militants; activists said 5 civilians died") add up instead, as one claimant's counts do.
    """
    per_event = [(c, t) for c, t in tolls if not t.aggregate]
    if len({c.source for c, _t in per_event}) < 2 or \
            len({t.victims for _c, t in per_event} - {"unknown"}) > 1:
        return None
    neutral = [t for c, t in per_event if c.source_kind != "partisan"]
    best = max(neutral, key=lambda t: t.best) if neutral else min(
        (t for _c, t in per_event), key=lambda t: t.best)
    return best.model_copy(update={"low": min(t.low for _c, t in per_event),
                                   "high": max(t.high for _c, t in per_event)})


def _restated(kept: Casualties | None, other: Casualties | None) -> Casualties | None:
    """One source's figure for one event read twice: low/high span both and best is the fuller
    count; a per-event count beats a campaign total."""
    if kept is None or (kept.aggregate and other is not None and not other.aggregate):
        return other
    if other is not None and not other.aggregate and not kept.aggregate:
        fuller, lesser = (other, kept) if other.best > kept.best else (kept, other)
        return fuller.model_copy(update={
            "low": min(kept.low, other.low), "high": max(kept.high, other.high),
            "children": fuller.children if fuller.children is not None else lesser.children,
            "women": fuller.women if fuller.women is not None else lesser.women})
    return kept


def _merged_claims(kept: list[Claim], other: list[Claim]) -> list[Claim]:
    """Claims of two reports of one event: one per source; a source's two tolls merge."""
    claims = list(kept)
    for toll_field in ("fatalities", "injuries"):
        tolls = {c.source: getattr(c, toll_field) for c in other
                 if getattr(c, toll_field) is not None}
        claims = [c.model_copy(update={toll_field: _restated(getattr(c, toll_field),
                                                             tolls[c.source])})
                  if c.source in tolls else c for c in claims]
    sources = {c.source for c in kept}
    return claims + [c for c in other if c.source not in sources]


def _combine(items: list[CasualtyMention], actors: list[ActorMention], a1: Actor | None,
             a2: Actor | None) -> Casualties | None:
    """Sum the counts of one event's casualty mentions; a per-event count never adds an
    aggregate one (they are different things). Children and women are parts of the count:
    summed over the mentions that state them, None when none does."""
    if not items:
        return None
    per_event = [c for c in items if not c.aggregate]
    chosen = per_event or items
    first = chosen[0]
    victims = {_victims(c, actors, a1, a2) for c in chosen}
    names = [n for c in chosen for n in c.names]
    text = first.text if len(chosen) == 1 else None
    span = (first.start_char, first.end_char) if len(chosen) == 1 else None
    return Casualties(
        low=sum(c.low for c in chosen), best=sum(c.best for c in chosen),
        high=sum(c.high for c in chosen), text=text, char_span=span,
        victims=victims.pop() if len(victims) == 1 else "unknown",  # type: ignore[arg-type]
        aggregate=not per_event, names=names,
        children=_part([c.children for c in chosen]), women=_part([c.women for c in chosen]))


def _part(values: list[int | None]) -> int | None:
    stated = [v for v in values if v is not None]
    return sum(stated) if stated else None


def _victims(item: CasualtyMention, actors: list[ActorMention], a1: Actor | None,
             a2: Actor | None) -> str:
    if item.victims == "civilians":
        return "civilians"
    side = actor_for_side(item.victim_side_text or "", actors) if item.victim_side_text else None
    if side is not None:
        for slot, actor in (("actor1", a1), ("actor2", a2)):
            if actor is not None and actor.name.startswith(side.entry.name.split("(")[0].strip()):
                return slot
    if item.victims == "combatants" and side is None and a2 is not None and a2.inter != 7:
        return "actor2"  # fighters killed, no side named: the side that was acted on
    if item.victims == "unknown" and a2 is not None and a2.inter == 7:
        return "civilians"  # "a strike on a market killed 12": the target was civilians
    return "unknown"


def _date_of(candidate: Candidate, index: int, mentions: Mentions, claim: Claim,
             fatalities: Casualties | None, document: Document,
             warnings: list[str]) -> DateRange | None:
    """The event's date: its own sentence, else the claim's date, else the governing date of
    the preceding sentences, else the publication date (precision 2, with a warning)."""
    claim_starts = mentions.claim_date_starts
    sentence = mentions.sentences[index]
    own = [m for m in mentions.dates
           if sentence.start_char <= m.start_char < sentence.end_char
           and m.start_char not in claim_starts]
    if fatalities is not None and fatalities.aggregate:
        return _aggregate_period(own, claim, document)
    if own:
        best = min(own, key=lambda m: abs(m.start_char - candidate.trigger.start_char))
        if claim.date is not None and best.kind != "explicit":
            # "Amaaq said on Sunday that it killed 30 soldiers yesterday": read against the claim
            best = resolve_relative_to(document.text, best, claim.date)
            return _range(best, "claim")
        return _range(best, "explicit" if best.kind == "explicit" else "published")
    if claim.date is not None:
        start, end, precision = on_or_before(claim.date)
        return DateRange(start=start, end=end, precision=precision,  # type: ignore[arg-type]
                         anchor="claim")
    paragraph = mentions.paragraph_of(sentence.start_char)
    for back in range(index - 1, max(-1, index - 1 - DATE_LOOKBACK), -1):
        if mentions.paragraph_of(mentions.sentences[back].start_char) != paragraph:
            break  # a date governs only its own paragraph
        earlier = [m for m in mentions.dates if mentions.sentence_of(m.start_char) == back
                   and m.start_char not in claim_starts]
        if earlier:
            return _range(earlier[-1], "context")
    if document.published is not None:
        warnings.append(f"{candidate.sub_event_type} ({candidate.trigger.text!r}): "
                        "no date found; used the week up to the publication date")
        start, end, precision = on_or_before(document.published)
        return DateRange(start=start, end=end, precision=precision,  # type: ignore[arg-type]
                         anchor="published")
    warnings.append(f"{candidate.sub_event_type} ({candidate.trigger.text!r}): "
                    "no date found and no publication date")
    return None


def _aggregate_period(own: list[DateMention], claim: Claim, document: Document) -> DateRange | None:
    """An aggregate toll covers a period: from the earliest date named to the claim date."""
    end = claim.date or document.published
    if not own or end is None:
        return None
    start = min(m.start for m in own)
    if start > end:
        return None
    precision = 2 if (end - start).days <= 7 else 3
    first = min(own, key=lambda m: m.start)
    return DateRange(start=start, end=end, precision=precision, text=first.text,  # type: ignore[arg-type]
                     char_span=(first.start_char, first.end_char), anchor="explicit")


def _range(mention: DateMention, anchor: str) -> DateRange:
    return DateRange(start=mention.start, end=mention.end,
                     precision=min(max(mention.precision, 1), 3),  # type: ignore[arg-type]
                     text=mention.text, char_span=(mention.start_char, mention.end_char),
                     anchor=anchor)  # type: ignore[arg-type]


def _confidence(candidate: Candidate, date: DateRange | None, location: Location | None,
                attribution: list[Claim]) -> float:
    """A first, uncalibrated score: trigger reliability times evidence completeness."""
    score = candidate.weight
    score *= 1.0 if location is not None and not candidate.place_inherited else (
        0.85 if location is not None else 0.7)
    score *= 1.0 if date is not None and date.anchor != "published" else 0.9
    score *= 0.95 if attribution and attribution[0].hedged else 1.0
    return round(min(max(score, 0.0), 1.0), 3)


def _event_id(document: Document, candidate: Candidate, location: Location | None) -> str:
    key = "|".join([document.content_hash or document.id, candidate.sub_event_type,
                    str(candidate.trigger.start_char), location.name if location else "-"])
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _named_first(kept: Actor | None, other: Actor | None, ctx: Context) -> Actor | None:
    """``kept``, or ``other`` where ``kept`` is missing or only a generic label's group."""
    if kept is None or (other is not None and ctx.lexicon.is_unidentified(kept.name)
                        and not ctx.lexicon.is_unidentified(other.name)):
        return other
    return kept


def _merge_duplicates(events: list[Event], ctx: Context) -> list[Event]:
    """One event per (sub-event type, place, day): merge repeated mentions, keep every claim.
    The initiator is the first mention's, unless only a later one names the group ("terrorist
    rocket attacks on Aleppo ... terrorists from Jaish al-Fateh fired rocket shells")."""
    merged: dict[tuple[str, ...], Event] = {}
    order: list[tuple[str, ...]] = []
    for event in events:
        # Precision is part of the key: a dated report and an undated one that only defaulted
        # to the same day are not known to be the same event.
        key = (event.sub_event_type, event.location.name if event.location else "-",
               event.date.start.isoformat() if event.date else "-",
               event.date.end.isoformat() if event.date else "-",
               str(event.date.precision) if event.date else "-")
        if key not in merged:
            merged[key] = event
            order.append(key)
            continue
        kept = merged[key]
        claims = _merged_claims(kept.attribution, event.attribution)
        # Named sources that disagree span the event's figure (ACLED's conservative best);
        # otherwise two reports of one event: the fuller count (``_restated``).
        fatalities = _conflict(_named_tolls(claims)) or _restated(kept.fatalities,
                                                                  event.fatalities)
        mentions = kept.mentions
        if event.evidence.char_span != kept.evidence.char_span and event.evidence not in mentions:
            mentions = [*mentions, event.evidence]
        merged[key] = kept.model_copy(update={
            "attribution": claims, "fatalities": fatalities, "mentions": mentions,
            "actor1": _named_first(kept.actor1, event.actor1, ctx),
            "actor2": kept.actor2 or event.actor2,
            "injuries": _conflict(_named_tolls(claims, "injuries")) or kept.injuries
            or event.injuries,
            "confidence": max(kept.confidence, event.confidence)})
    return [merged[k] for k in order]
