"""Who says so: reporting cues, their sources, hedging, claim dates, relay chains, denials.

Why per event and not per document: most facts in conflict news are claims by interested
parties ("Amaaq claimed ...", "pro-regime media reported ..."), and different sentences of one
article carry different claimants. A trigger is covered by the reporting cues that govern it:
in the parse, as a sentence-final reporting clause ("... killed five, a monitor said"), as
"according to X" anywhere in its sentence, or as the speaker of a quotation that contains it
(across sentences). With no cue, the publisher is the source (SCHEMA.md).

Continuations ("'Amaaq' also claimed ...", "The general said that ...", "he added") take the
claimant of the nearest earlier claim; a sentence with no cue of its own that reads as more of
the claim before it (a quotation running on, "Five of them died ...", "They ...") takes that
claim (``continued_claim``). "X denied ..." yields the cue ``denied`` (no event), and
"contrary to Y's claims" marks the claim ``contested`` and records Y's contrary version; a
denial in another sentence contests the event it denies through ``link_denials``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from marsad.context import Context
from marsad.extractors.actors import ActorMention
from marsad.extractors.place_names import PLACE_LABELS
from marsad.extractors.places import is_dateline
from marsad.lexicon import CueEntry
from marsad.model import Claim, Event, Relay
from marsad.recase import doc_in_capitals
from marsad.resources import read_yaml

PREPOSITIONAL_CUES = {"according to"}
PREPOSITION_FORMS = {"according", "citing", "quoting", "per", "cited", "quoted"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERIT_DEPS = ("conj", "advcl", "xcomp")
"""A subject-less cue verb in these relations speaks with its head verb's subject
("did not say X but said Y", "said ..., adding that ...")."""
NP_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct", "quantmod",
           "advmod", "appos", "prep", "pobj", "acl", "cc", "conj", "npadvmod", "predet"}
"""Dependents kept in a source's noun phrase; relative clauses are not its name."""
NAME_DEPS = {"det", "amod", "compound", "poss", "nmod", "case", "punct", "quantmod", "nummod"}
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "attr", "oprd"}
"""A cue verb with one of these after it has its content after it: it is not a tail clause."""
FALLBACK_SOURCE = "unnamed sources"
QUOTE_GAP_CHARS = 40
"""The most characters between a closing quotation mark and the cue that claims the quote."""
DEFINITE = {"the", "this", "that", "these", "those"}


class ContinuationRules(BaseModel):
    """The `rules.continuation` block: how a cue-less sentence shows it continues a claim."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pronoun_subjects: frozenset[str]
    first_person: frozenset[str]
    openers: tuple[str, ...]
    count_openers: frozenset[str]
    partitive_of: tuple[str, ...]


class AttributionRules(BaseModel):
    """The `rules` block of attribution.yaml: words that tie a claim to its claimant."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    referring_nouns: frozenset[str]
    official_titles: frozenset[str]
    contrary: tuple[str, ...]
    speaker_nouns: frozenset[str]
    noun_forms: frozenset[str]
    continuation: ContinuationRules
    source_body_prepositions: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    footage_nouns: frozenset[str] = frozenset()
    footage_event_types: frozenset[str] = frozenset()


@cache
def load_rules() -> AttributionRules:
    """Read the attribution rules once (they do not change at run time)."""
    return AttributionRules.model_validate(read_yaml("attribution.yaml")["rules"])


@dataclass(frozen=True)
class ClaimMention:
    """A reporting cue in the text with the source it names and the text it covers."""

    cue: CueEntry
    cue_span: Span
    claim: Claim
    actor_name: str | None = None
    """The ACLED actor the source speaks for, when the source is a belligerent's own voice."""
    relays: list[Relay] = field(default_factory=list)
    scope: tuple[int, int] | None = None
    """Characters of a quotation this claim covers beyond its sentence."""
    tail_start: int | None = None
    """Token index where a sentence-final reporting clause starts: it covers what precedes."""
    contrary: bool = False
    """"contrary to Y's claims": Y's version, which contests the events of its sentence."""
    fallback: bool = False
    """No source named ("reportedly", "were reported killed"): yields to a named claimant."""
    phrase: str = ""
    """The noun phrase naming the source ("Observatory head Rami Abdel Rahman")."""

    @property
    def anchor_token(self) -> Token:
        return self.cue_span.root

    def governs(self, token: Token) -> bool:
        """True when ``token`` (an event trigger) is part of what this cue reports."""
        if self.scope is not None and self.scope[0] <= token.idx < self.scope[1]:
            return True
        if token.sent != self.cue_span.sent:
            return False
        head = self.cue_span.root
        if self.cue.cue in PREPOSITIONAL_CUES or head.pos_ not in ("VERB", "AUX") or self.contrary:
            return True
        if head.is_ancestor(token) or head == token:
            return True
        return self.tail_start is not None and token.i < self.tail_start


def publisher_claim(outlet: str | None, ctx: Context) -> Claim:
    """The default attribution: the publishing outlet reports it, as fact, unhedged."""
    entry = ctx.lexicon.outlet(outlet) if outlet else None
    if entry is None:
        return Claim(source=outlet or "unknown publisher", source_kind="media", cue="reported",
                     source_type="unknown")
    return Claim(source=entry.name, source_kind=entry.kind,  # type: ignore[arg-type]
                 affiliation=entry.affiliation, cue="reported", source_type=entry.type)


def find_claims(doc: Doc, ctx: Context, actors: list[ActorMention],
                claim_dates: dict[int, dt.date]) -> list[ClaimMention]:
    """Every reporting cue with its source; ``claim_dates`` maps a cue token index to a date."""
    rules = load_rules()
    cues = {c.cue: c for c in ctx.lexicon.cues}
    sources = ctx.matchers.sources(doc)
    quotes = _quotations(doc.text)
    claims: list[ClaimMention] = []
    for key, start, end in ctx.matchers.cues(doc):
        cue = _effective_cue(cues[key], doc[start:end], cues)
        cue_span = doc[start:end]
        mention = _claim_at(cue, cue_span, sources, actors, claims, ctx, rules)
        if mention is None:
            continue
        date = claim_dates.get(cue_span.root.i)
        if date is None and claims and claims[-1].claim.source == mention.claim.source:
            date = claims[-1].claim.date  # "'Amaaq' also claimed ...": the same statement
        claim = mention.claim.model_copy(update={
            "cue": cue.cue, "hedged": _hedged(cue, cue_span, ctx) or mention.claim.hedged,
            "date": date})
        claims.append(ClaimMention(
            cue, cue_span, claim, mention.actor_name, mention.relays or _relays(
                cue_span, sources, ctx),
            scope=_quote_scope(cue_span, quotes), tail_start=_tail_start(cue_span, sources),
            fallback=mention.fallback, phrase=mention.phrase))
    claims += _contrary_claims(doc, sources, actors, ctx, rules)
    return _generic_as_named(claims, sources, ctx)


def _generic_as_named(claims: list[ClaimMention], sources: list[tuple[str, int, int]],
                      ctx: Context) -> list[ClaimMention]:
    """"The Britain-based Syrian Observatory ... said. The monitor added ...": a generic
    description of a kind of source (``same_as_type`` in outlets.yaml) is the one registered
    outlet of that type the article names; with none or several, it stays generic."""
    named = {key.removeprefix("outlet:") for key, _s, _e in sources if key.startswith("outlet:")}
    entries = [e for name in named if (e := ctx.lexicon.outlet(name)) is not None]
    generic = {g.source: g for g in ctx.lexicon.generic_sources if g.same_as_type}
    resolved = []
    for mention in claims:
        rule = generic.get(mention.claim.source) if mention.claim.source_type == "generic" \
            else None
        same = [e for e in entries if rule is not None and e.type == rule.same_as_type]
        if len(same) == 1:
            entry = same[0]
            mention = replace(mention, claim=mention.claim.model_copy(update={
                "source": entry.name, "source_kind": entry.kind,
                "affiliation": entry.affiliation, "source_type": entry.type}))
        resolved.append(mention)
    return resolved


def attribution_for(token: Token, claims: list[ClaimMention], publisher: Claim) -> list[Claim]:
    """The attribution chain of an event whose trigger is ``token`` (innermost source first).

    The innermost governing cue (deepest in the parse) is the claimant, outer ones relay it
    (``via``); a denial that governs a claim marks it contested and follows it as a second
    entry; "contrary to Y" contests whatever its sentence reports. A trigger no cue governs
    takes the claim its sentence continues (``continued_claim``), else the publisher's.
    """
    governing = [c for c in claims if c.governs(token)]
    contrary = [c for c in governing if c.contrary]
    governing = [c for c in governing if not c.contrary]
    if not governing:
        carried = continued_claim(token.sent, claims, publisher)
        chain = carried if carried is not None else [publisher]
    else:
        chain = _chain(governing, publisher)
    if contrary:
        chain[0] = chain[0].model_copy(update={"contested": True})
        chain += [c.claim for c in contrary if c.claim.source != chain[0].source]
    return chain


def continued_claim(sentence: Span, claims: list[ClaimMention],
                    publisher: Claim) -> list[Claim] | None:
    """The claim a cue-less sentence continues, or None when it is the publisher's own.

    Why: claimants speak for more than one sentence ('... the Observatory said. Five of them
    died in air strikes ...'; a quotation running on; 'They were killed when ...'). A sentence
    continues the sentence before it (same paragraph) when it has no cue of its own and shows
    it is not the journalist's narration (``is_continuation``); the chain walks back through
    such sentences to the nearest one with a cue, and takes the claim that governs that
    sentence's main verb. A denial or a claim that governs only part of its sentence is not
    carried on: what follows it may be the journalist's again.
    """
    rules = load_rules().continuation
    cued = {c.cue_span.sent.start for c in claims}
    if sentence.start in cued:
        return None
    current = sentence
    while True:
        if not is_continuation(current, rules):
            return None
        if current.start == 0:
            return None
        previous = current.doc[current.start - 1].sent
        if "\n\n" in current.doc[previous.start:current.start].text_with_ws:
            return None  # a paragraph ends the claim
        if previous.start in cued:
            break
        current = previous
    governing = [c for c in claims if c.governs(previous.root) and not c.contrary]
    if not governing:
        return None
    chain = _chain(governing, publisher)
    if chain[0].cue == "denied" or chain[0].contested:
        return None
    return chain


def is_continuation(sentence: Span, rules: ContinuationRules) -> bool:
    """Whether a sentence reads as more of someone's claim rather than the journalist's own:
    it lies in a quotation, speaks in the first person, or opens with a back-reference (a
    subject pronoun, "The group", "Five of them", "Among the dead")."""
    words = [t for t in sentence if not (t.is_space or t.is_punct and t.text not in QUOTE_MARKS)]
    if not words:
        return False
    if words[0].text in QUOTE_MARKS or _inside_open_quote(sentence):
        return True
    if any(t.lower_ in rules.first_person and t.pos_ == "PRON" for t in words):
        return True
    first = words[0]
    if first.lower_ in rules.pronoun_subjects and first.dep_ in SUBJECT_DEPS:
        return True
    opening = " ".join(t.lower_ for t in words[:5])
    if any(opening == o or opening.startswith(o + " ") for o in rules.openers):
        return True
    if first.lower_ in rules.count_openers and len(words) > 1 and words[1].like_num:
        return True
    if first.like_num or first.pos_ == "NUM" or first.lower_ in ("some", "most", "many", "all"):
        rest = " ".join(t.lower_ for t in words[1:5])
        return any(rest == p or rest.startswith(p + " ") for p in rules.partitive_of)
    return False


QUOTE_MARKS = {'"', "“", "”"}


def _inside_open_quote(sentence: Span) -> bool:
    """The sentence before leaves a quotation open (an odd number of straight marks, or more
    opening than closing curly ones). Only the sentence before counts: with marks lost or
    unpaired (FA-KES) a count over the whole paragraph drifts."""
    if sentence.start == 0:
        return False
    text = sentence.doc[sentence.start - 1].sent.text
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _chain(governing: list[ClaimMention], publisher: Claim) -> list[Claim]:
    """The chain the governing (non-contrary) cues of a trigger make: the innermost claims,
    the outer ones relay it, a governing denial contests it."""
    named = [c for c in governing if not c.fallback]
    if named and len(named) < len(governing):
        governing = named
    governing = sorted(governing, key=lambda c: (-_depth(c.anchor_token), -c.anchor_token.i))
    inner = governing[0]
    outer = [c for c in governing[1:] if c.claim.source != inner.claim.source]
    deniers = [c for c in outer if c.cue.denial] if not inner.cue.denial else []
    outer = [c for c in outer if c not in deniers]
    via = list(inner.relays) + [Relay(source=c.claim.source, cue=c.claim.cue) for c in outer]
    if publisher.source not in {r.source for r in via} and \
            publisher.source != inner.claim.source:
        via.append(Relay(source=publisher.source, cue="reported"))
    hedged = inner.claim.hedged or any(c.claim.hedged for c in outer)
    first = inner.claim.model_copy(update={"via": via, "hedged": hedged,
                                           "contested": bool(deniers)})
    return [first] + [d.claim.model_copy(update={"contested": True}) for d in deniers]


Denial = tuple[str, str | None, Claim]
"""A denied event mention: (sub-event type, place name or None, the denial claim)."""


def denial_of(token: Token, sub_event_type: str, place: str | None,
              claims: list[ClaimMention], publisher: Claim) -> Denial | None:
    """The denial an event mention is, when the cue governing its trigger is "denied".

    Why: a denied mention is not an event, but what it denies may be asserted in another
    sentence of the article; ``link_denials`` marks that event contested.
    """
    chain = attribution_for(token, claims, publisher)
    if not chain or chain[0].cue != "denied":
        return None
    return sub_event_type, place, chain[0].model_copy(update={"contested": True, "via": []})


def link_denials(events: list[Event], denials: list[Denial]) -> list[Event]:
    """Mark the events a denial elsewhere in the article denies: their claims ``contested``
    and the denial claim appended (cue "denied"), as a denial within one sentence does.

    A denial matches events of its sub-event type whose place is its place; with no place on
    either side it matches only when the type alone singles out one event (an article with
    several air strikes and "Russia denied its jets struck" names none of them). A denial that
    matches nothing is dropped, as before: it asserts no event of its own.
    """
    linked = list(events)
    for sub_event_type, place, denial in denials:
        same_type = [i for i, e in enumerate(linked) if e.sub_event_type == sub_event_type]
        wanted = place.casefold() if place else None
        exact = [i for i in same_type if wanted and _place_name(linked[i]) == wanted]
        loose = [i for i in same_type if wanted is None or _place_name(linked[i]) is None]
        for i in exact or (loose if len(loose) == 1 else []):
            linked[i] = _contest(linked[i], denial)
    return linked


def _place_name(event: Event) -> str | None:
    return event.location.name.casefold() if event.location is not None else None


def _contest(event: Event, denial: Claim) -> Event:
    """The event with its asserting claims contested and ``denial`` appended (once)."""
    chain = [c if c.cue == "denied" else c.model_copy(update={"contested": True})
             for c in event.attribution]
    if not any(c.cue == "denied" and c.source == denial.source for c in chain):
        chain.append(denial)
    return event.model_copy(update={"attribution": chain})


@dataclass(frozen=True)
class _Found:
    """Who a cue names: the claim (cue, date, hedging filled in later) and its side."""

    claim: Claim
    actor_name: str | None = None
    relays: list[Relay] = field(default_factory=list)
    fallback: bool = False
    phrase: str = ""
    """The whole noun phrase naming the source, for later back-references by surname."""


def _claim_at(cue: CueEntry, cue_span: Span, sources: list[tuple[str, int, int]],
              actors: list[ActorMention], claims: list[ClaimMention], ctx: Context,
              rules: AttributionRules) -> _Found | None:
    """The claim a cue makes (its cue, date and scope filled in later), or None."""
    root = cue_span.root
    subject = _source_head(cue, cue_span, rules)
    if subject is None:
        if root.lower_ in rules.noun_forms or (root.pos_ in ("NOUN", "PROPN")
                                               and cue.cue not in ("claimed", "reported")):
            return None  # "no immediate claim of responsibility": not a claim on its own
        nearby = _nearby_source(cue_span, sources)
        if nearby is not None:
            found = _registered(nearby, sources, ctx)
            if found is not None:
                return _Found(found[0], found[1], phrase=nearby.text)
        if root.pos_ in ("VERB", "AUX") and not _passive(root) and cue.cue != "alleged" \
                and root.lower_ not in ("reportedly", "allegedly"):
            return None  # an imperative or a parse without a subject: no claimant to name
        passive = _passive(root)
        return _Found(Claim(source=FALLBACK_SOURCE, source_kind="unnamed", source_type="unknown",
                            hedged=passive or cue.hedged), fallback=True)
    if subject.lower_ in RELATIVE_PRONOUNS and root.dep_ == "relcl":
        subject = root.head
    if _run_on_conjunct(root, subject):
        before = _speaker_before(cue_span, rules)
        if before is not None:  # "... leaving 12 dead a source at the Police Command told SANA"
            return _claim_at_head(before, actors, claims, sources, ctx, rules)
    span = _phrase(subject)
    registered = _registered(span, sources, ctx)
    if registered is not None:
        return _Found(registered[0], registered[1], phrase=span.text)
    if not _plausible_speaker(span, subject, rules):
        before = _speaker_before(cue_span, rules)
        if before is not None:  # "... killed dozens the Russian army said"
            return _claim_at_head(before, actors, claims, sources, ctx, rules)
        close = _nearby_source(cue_span, sources)
        known = _registered(close, sources, ctx) if close is not None else None
        return _Found(known[0], known[1], phrase=close.text) if known and close else None
    named = _named_before(subject, claims)
    if named is not None:  # "Abdel Rahman told AFP" after "Observatory head Rami Abdel Rahman"
        return _Found(named.claim.model_copy(update={
            "text": span.text, "char_span": (span.start_char, span.end_char), "hedged": False}),
            named.actor_name, phrase=named.phrase)
    inside = [a for a in actors if a.span.start >= span.start and a.span.end <= span.end]
    if claims and not inside and _refers_back(subject, span, rules):
        previous = _antecedent(subject, claims)
        claim = previous.claim.model_copy(update={
            "text": span.text, "char_span": (span.start_char, span.end_char), "hedged": False})
        return _Found(claim, previous.actor_name, previous.relays, phrase=previous.phrase)
    if subject.pos_ == "PRON":
        return None  # "it was said", "we reported": no antecedent claim to follow
    unregistered = _unregistered(span, subject, actors, rules)
    return None if unregistered is None else _Found(
        unregistered.claim, unregistered.actor_name, phrase=span.text)


def _run_on_conjunct(verb: Token, subject: Token) -> bool:
    """Whether ``verb`` took ``subject`` from a verb it was joined to with no "and" or comma:
    in text stripped of commas (FA-KES) the parser joins "Terrorists fired shells ... a source
    at the Police Command told SANA" as "fired ... told", and the terrorists would be telling."""
    if verb.dep_ != "conj" or subject.head == verb:
        return False
    between = verb.doc[verb.head.i + 1:verb.i]
    return not any(t.dep_ == "cc" or t.is_punct for t in between
                   if t.head in (verb, verb.head))


def _speaker_before(cue_span: Span, rules: AttributionRules) -> Token | None:
    """The head of a speaker noun phrase ending right before the cue ("the Russian army said")."""
    position = cue_span.start - 1
    if position < cue_span.sent.start:
        return None
    head = cue_span.doc[position]
    if head.pos_ in ("NOUN", "PROPN") and _plausible_speaker(head.doc[position:position + 1],
                                                              head, rules):
        return head
    return None


def _claim_at_head(head: Token, actors: list[ActorMention], claims: list[ClaimMention],
                   sources: list[tuple[str, int, int]], ctx: Context,
                   rules: AttributionRules) -> _Found | None:
    """Name the source whose noun phrase ends at ``head`` (its left modifiers included)."""
    start = head.i
    while start - 1 >= head.sent.start and head.doc[start - 1].dep_ in NAME_DEPS | {"amod"} \
            and head.doc[start - 1].head.i > start - 1:
        start -= 1
    span = head.doc[start:head.i + 1]
    registered = _registered(span, sources, ctx)
    if registered is not None:
        return _Found(registered[0], registered[1], phrase=span.text)
    if claims and _refers_back(head, span, rules):
        previous = _antecedent(head, claims)
        return _Found(previous.claim.model_copy(update={
            "text": span.text, "char_span": (span.start_char, span.end_char), "hedged": False}),
            previous.actor_name, previous.relays, phrase=previous.phrase)
    found = _unregistered(span, head, actors, rules)
    return None if found is None else _Found(found.claim, found.actor_name, phrase=span.text)


def _plausible_speaker(span: Span, head: Token, rules: AttributionRules) -> bool:
    """Whether a parse subject can be whoever speaks: a name, a pronoun, or a speaker noun.

    Without commas (FA-KES strips them) the parser often makes the content the subject
    ("... killed dozens the Russian army said" -> "dozens"); a clause is never a speaker.
    """
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "acl")
           for t in span) or (len(span) and span[0].lower_ == "no"):
        return False  # a clause, or "no group announced responsibility"
    if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY"):
        return False  # "... on Saturday said": a date the parser took for the subject
    if head.pos_ in ("PRON", "PROPN") or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if head.pos_ == "NUM" or head.lower_ in ("one", "some", "several", "many", "most"):
        members = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"]  # "one of Assad's generals"
        return any(_plausible_speaker(span, member, rules) for member in members)
    return head.lemma_.lower() in rules.speaker_nouns or head.lower_ in rules.speaker_nouns


def _named_before(head: Token, claims: list[ClaimMention]) -> ClaimMention | None:
    """An earlier claim whose source phrase contains this name ("Abdel Rahman")."""
    if head.pos_ != "PROPN":
        return None
    name = " ".join(t.text for t in head.doc[_name_start(head):head.i + 1]).casefold()
    for claim in reversed(claims):
        if claim.phrase and name in claim.phrase.casefold() and \
                claim.claim.source.casefold() != name:
            return claim
    return None


def _name_start(head: Token) -> int:
    start = head.i
    while start - 1 >= head.sent.start and head.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return start


def _effective_cue(cue: CueEntry, cue_span: Span, cues: dict[str, CueEntry]) -> CueEntry:
    """A negated denial ("did not deny") is not a denial: it concedes the claim."""
    if cue.denial and any(child.dep_ == "neg" for child in cue_span.root.children):
        return cues.get("stated", cue)
    return cue


def _source_head(cue: CueEntry, cue_span: Span, rules: AttributionRules) -> Token | None:
    """The head word of whoever makes the claim, from the parse (None: none named)."""
    doc = cue_span.doc
    root = cue_span.root
    if cue.cue in PREPOSITIONAL_CUES or root.lower_ in PREPOSITION_FORMS and root.dep_ != "ROOT":
        after = cue_span.end
        if after < len(doc) and doc[after].sent == cue_span.sent:
            head = doc[after]
            while head.head != head and after <= head.head.i < head.sent.end \
                    and head.dep_ in ("compound", "amod", "det", "poss", "nmod", "case"):
                head = head.head
            if head.lower_ in rules.noun_forms:  # "citing a statement from X"
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                        objects = [c for c in child.children if c.dep_ == "pobj"]
                        if objects:
                            return objects[0]
            if head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X"):
                return head
        return None
    if root.pos_ in ("VERB", "AUX"):
        if cue.accusing and root.dep_ == "acl" and root.tag_ == "VBN":
            return None  # "executed a man accused of spying": the participle names the one
            # accused, and no accuser
        return _verb_subject(root)
    if root.pos_ in ("NOUN", "PROPN"):  # "SANA's report", "a statement by the ministry"
        for child in root.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
                return child
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].lower_ not in rules.noun_forms:
                    return objects[0]
        if root.dep_ == "dobj" and root.head.pos_ == "VERB":  # "the SDF issued a statement"
            return _verb_subject(root.head)
    return None


def _dateline_word(token: Token) -> bool:
    """The text's first word is its dateline, in a text not written in capitals ("BUNIA,
    Congo -", "MOGADISHU (AP) -"): the place a report was filed from."""
    return token.i == 0 and not doc_in_capitals(token.doc) \
        and is_dateline(token.idx, token.idx + len(token.text), token.doc.text)


def _verb_subject(verb: Token, hops: int = 2) -> Token | None:
    """The subject of a reporting verb; the agent of a passive; inherited along conj/advcl.
    A dateline the parser made a subject is none ("BUNIA, Congo - ADF rebels killed ..., a
    local civil society leader said": BUNIA said nothing)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and not _dateline_word(child):
            return child
    for child in verb.children:
        if child.dep_ == "agent":  # "it was reported by X"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    if _passive(verb):
        return None  # "six people were reported killed": the subject is the content
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a military source who said"
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):  # "a statement saying"
        if verb.tag_ == "VBN":
            return verb.head  # "..., the website Sabq.org reported on Saturday": the parser
            # hung the reporting verb on its subject
        noun = verb.head
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and hops:
            return _verb_subject(noun.head, hops - 1)
        return None
    if hops and verb.dep_ in INHERIT_DEPS and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_subject(verb.head, hops - 1)
    return None


def _passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def _phrase(head: Token) -> Span:
    """The noun phrase around ``head``: its name, appositions and attachments, no clauses."""
    keep = {head.i}
    frontier = [head]
    while frontier:
        token = frontier.pop()
        for child in token.children:
            if child.dep_ in NP_DEPS and child.i not in keep:
                keep.add(child.i)
                frontier.append(child)
    # A contiguous block around the head: a stray far-away token would swallow the sentence.
    start = end = head.i
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    span = head.doc[start:end + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].dep_ in ("cc", "case")):
        span = span[:-1]
    while len(span) > 1 and (span[0].is_punct or span[0].dep_ == "advmod"):
        span = span[1:]
    return span


def _name(span: Span, head: Token) -> Span:
    """The shortest name of a source: the head with its left modifiers ("coalition spokesman
    Lt. Col. Thomas Gilleran" from "... Gilleran using the Arabic acronym")."""
    start = head.i
    while start - 1 >= span.start and (span.doc[start - 1].dep_ in NAME_DEPS
                                       or span.doc[start - 1].pos_ == "PROPN"):
        start -= 1
    end = head.i + 1
    while end < span.end and span.doc[end].pos_ == "PROPN":
        end += 1  # "Jaish al-Islam spokesman Islam Alloush"
    name = span.doc[start:end]
    while len(name) > 1 and (name[0].is_punct or name[0].dep_ == "case"):
        name = name[1:]
    return name


def _registered(span: Span, sources: list[tuple[str, int, int]],
                ctx: Context) -> tuple[Claim, str | None] | None:
    """A registered outlet, else a generic source ("activists") named inside ``span``."""
    inside = [(k, s, e) for k, s, e in sources if s >= span.start and e <= span.end]
    # "Syria's SANA state news agency": the outlet's name right beside a generic description
    beside = [(k, s, e) for k, s, e in sources if k.startswith("outlet:") and (
        e == span.start or s == span.end) and span.doc[s].sent == span.sent]
    outlets = [m for m in inside if m[0].startswith("outlet:")] or (
        beside if any(m[0].startswith("generic:") for m in inside) else [])
    generic = [m for m in inside if m[0].startswith("generic:")]
    for key, start, end in outlets[:1]:
        entry = ctx.lexicon.outlet(key.removeprefix("outlet:"))
        assert entry is not None  # keys come from the registry
        text = span.doc[start:end]
        return Claim(source=entry.name, source_kind=entry.kind,  # type: ignore[arg-type]
                     affiliation=entry.affiliation, text=text.text, source_type=entry.type,
                     char_span=(text.start_char, text.end_char)), \
            (entry.speaks_for if entry.combatant_voice else None)
    for key, start, end in generic[:1]:
        phrase = key.removeprefix("generic:")
        entry_g = next(g for g in ctx.lexicon.generic_sources if g.phrase == phrase)
        body = _body_of_source(span.doc, end, span.end) if entry_g.kind == "unnamed" else None
        if body is not None:  # "a source at Aleppo Police Command": the body speaks
            official = bool({t.lower_ for t in body} & load_rules().official_titles)
            text = span.doc[start:body.end]
            return Claim(source=body.text, source_kind="official" if official else "unnamed",
                         text=text.text, char_span=(text.start_char, text.end_char),
                         source_type="government" if official else "unknown"), None
        text = span.doc[start:end]
        return Claim(source=entry_g.source, source_kind=entry_g.kind,  # type: ignore[arg-type]
                     affiliation=entry_g.affiliation, text=text.text, source_type="generic",
                     char_span=(text.start_char, text.end_char)), None
    return None


def _body_of_source(doc: Doc, after: int, limit: int) -> Span | None:
    """The named body an unnamed source speaks from: "a source at Aleppo Police Command", "a
    source in the Asayesh security forces" (one of ``source_body_prepositions`` right after the
    source, then a phrase with a proper name that is not a place: "a source in Hassakeh city",
    ``place_nouns``, is where the source is, not who)."""
    rules = load_rules()
    if after >= limit or doc[after].lower_ not in rules.source_body_prepositions:
        return None
    objects = [c for c in doc[after].children if c.dep_ == "pobj" and c.i < limit]
    if not objects:
        return None
    head = objects[0]
    phrase = doc[head.left_edge.i:min(head.i + 1, limit)]
    while len(phrase) > 1 and phrase[0].dep_ == "det":
        phrase = phrase[1:]
    names_a_body = any(t.pos_ == "PROPN" for t in phrase) and head.pos_ in ("NOUN", "PROPN") \
        and head.ent_type_ not in PLACE_LABELS and head.lower_ not in rules.place_nouns
    return phrase if names_a_body else None


def _refers_back(head: Token, span: Span, rules: AttributionRules) -> bool:
    """A pronoun ("he added") or a definite description ("the general said") of a source."""
    if head.pos_ == "PRON" and head.lower_ not in ("we", "i", "you"):
        return head.lower_ not in ("this", "that", "which", "what", "who", "it") or \
            head.lower_ == "it"
    has_name = any(t.pos_ == "PROPN" for t in span) or any(
        e.label_ in ("PERSON", "ORG", "GPE", "NORP") for e in span.ents)
    determiner = span[0].lower_ if len(span) else ""
    return (not has_name and head.lemma_.lower() in rules.referring_nouns
            and determiner in DEFINITE and len(span) <= 4)


def _antecedent(head: Token, claims: list[ClaimMention]) -> ClaimMention:
    """The earlier claim a back-reference points to: the nearest whose source shares the
    head word ("the general" -> "one of Assad's generals"), else the nearest one."""
    lemma = head.lemma_.lower()
    for claim in reversed(claims[-6:]):
        text = (claim.claim.text or claim.claim.source).lower()
        if lemma and lemma in text and head.pos_ != "PRON":
            return claim
    return claims[-1]


def _unregistered(span: Span, head: Token, actors: list[ActorMention],
                  rules: AttributionRules) -> _Found | None:
    """A source the registry does not know: a party's voice, a government, a person, a noun."""
    name = _name(span, head) if len(span) > 6 else span
    text_span = (name.start_char, name.end_char)
    speaking_for = [a for a in actors if a.span.start >= span.start and a.span.end <= span.end]
    titles = {t.lower_ for t in span} & rules.official_titles
    if speaking_for:
        actor = speaking_for[0].entry
        kind = "official" if actor.inter in (1, 8) else "partisan"
        claim = Claim(source=name.text, source_kind=kind,  # type: ignore[arg-type]
                      affiliation=actor.name, text=name.text, char_span=text_span,
                      source_type="government" if kind == "official" else "armed group")
        # The police report the attacks they investigate: their word is no claim of their own.
        return _Found(claim, None if actor.law_enforcement else actor.name)
    governments = [e for e in span.ents if e.label_ in ("GPE", "NORP")]
    if head.ent_type_ == "GPE" or (governments and titles):
        country = governments[0].text if governments else head.text
        claim = Claim(source=name.text, source_kind="official", affiliation=country,
                      text=name.text, char_span=text_span, source_type="government")
        return _Found(claim)
    if head.pos_ not in ("NOUN", "PROPN", "NUM", "X") and not span.ents:
        return None
    kind = "official" if titles else "unnamed"
    claim = Claim(source=name.text, source_kind=kind,  # type: ignore[arg-type]
                  text=name.text, char_span=text_span,
                  source_type="government" if titles else "unknown")
    return _Found(claim)


def _nearby_source(cue_span: Span, sources: list[tuple[str, int, int]]) -> Span | None:
    """A registered source right before or after the cue ("..., the Observatory said"), for
    parses that do not make it the subject."""
    doc = cue_span.doc
    sent = cue_span.sent
    best: tuple[int, int, int] | None = None
    for _key, start, end in sources:
        if start < sent.start or end > sent.end or (
                cue_span.root.lower_ == "told" and start >= cue_span.end):
            continue  # "told Sputnik": the addressee relays, it does not speak
        gap = cue_span.start - end if end <= cue_span.start else start - cue_span.end
        if 0 <= gap <= 2 and (best is None or gap < best[0]):
            best = (gap, start, end)
    return doc[best[1]:best[2]] if best else None


def _tail_start(cue_span: Span, sources: list[tuple[str, int, int]]) -> int | None:
    """Where a sentence-final reporting clause begins ("... killed five, a monitor said"):
    its subtree runs to the end of the sentence and carries no content of its own."""
    root = cue_span.root
    if root.pos_ not in ("VERB", "AUX") or root.dep_ == "ROOT" and root.i == root.sent.start:
        return None
    subtree = list(root.subtree)
    sent = root.sent
    if subtree[-1].i < sent.end - 1 and not all(
            t.is_punct or t.is_space for t in root.doc[subtree[-1].i + 1:sent.end]):
        return None
    registered = {i for _k, s, e in sources for i in range(s, e)}
    for child in root.children:
        if child.i > root.i and child.dep_ in CONTENT_DEPS and child.i not in registered:
            return None
    return subtree[0].i if subtree[0].i > sent.start else None


def _quotations(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations (curly pairs, or straight quotes paired per paragraph)."""
    found = [(m.start(), m.end()) for m in re.finditer(r"“[^”]{20,}?”", text)]
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        marks = [i for i, ch in enumerate(line) if ch == '"']
        for open_at, close_at in zip(marks[::2], marks[1::2], strict=False):
            if close_at - open_at > 20:
                found.append((match.start() + open_at, match.start() + close_at + 1))
    return sorted(found)


def _quote_scope(cue_span: Span, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation a cue introduces or closes ('"...," he said'; 'X said: "..."')."""
    root = cue_span.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    for start, end in quotes:
        if 0 <= cue_span.start_char - end <= QUOTE_GAP_CHARS \
                and root.sent.start_char <= end + 2:
            return (start, end)
        # Doc.text joins every token on each access: read it only for a quote right here.
        if 0 <= start - cue_span.end_char <= 3 and cue_span.doc.text[
                cue_span.end_char:start].strip() in ("", ":", ","):
            return (start, end)
    return None


def _contrary_claims(doc: Doc, sources: list[tuple[str, int, int]],
                     actors: list[ActorMention], ctx: Context,
                     rules: AttributionRules) -> list[ClaimMention]:
    """"Contrary to Y's claims, ...": Y's version, which contests its sentence's events."""
    found: list[ClaimMention] = []
    lowered = [t.lower_ for t in doc]
    for phrase in rules.contrary:
        words = phrase.split()
        for i in range(len(doc) - len(words)):
            if lowered[i:i + len(words)] != words:
                continue
            cue_span = doc[i:i + len(words)]
            after = doc[i + len(words):cue_span.sent.end]
            if not len(after):
                continue
            head = after[0]
            while head.head != head and head.head.i >= after.start and head.head.i < after.end \
                    and head.dep_ in ("compound", "amod", "det", "poss", "case", "nmod"):
                head = head.head
            span = _phrase(head)
            claim = _registered(span, sources, ctx)
            if claim is not None:
                statement, actor = claim
            else:
                stub = _unregistered(span, head, actors, rules)
                if stub is None:
                    continue
                statement, actor = stub.claim, stub.actor_name
            cue = CueEntry(cue="denied", forms=(phrase,), denial=True)
            found.append(ClaimMention(
                cue, cue_span, statement.model_copy(update={"cue": "denied", "contested": True}),
                actor, contrary=True))
    return found


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _relays(cue_span: Span, sources: list[tuple[str, int, int]], ctx: Context) -> list[Relay]:
    """Outlets the claim was made *to* ("told Sputnik"): they relay it to the publisher."""
    root = cue_span.root
    if root.lower_ != "told":
        return []
    relays = []
    for child in root.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            subtree = list(child.subtree)
            for key, start, end in sources:
                if start >= subtree[0].i and end <= subtree[-1].i + 1 and key.startswith("outlet:"):
                    entry = ctx.lexicon.outlet(key.removeprefix("outlet:"))
                    if entry is not None:
                        relays.append(Relay(source=entry.name, cue="reported"))
    return relays


def _hedged(cue: CueEntry, cue_span: Span, ctx: Context) -> bool:
    """Hedged by the cue itself or by a hedge word in what the cue reports.

    "claimed the lives of" is a death, not a claim, so it does not hedge.
    """
    if cue.hedged and not _claims_lives(cue_span.root):
        return True
    root = cue_span.root
    words = list(root.subtree) if root.pos_ in ("VERB", "AUX") and root.dep_ != "ROOT" \
        else list(cue_span.sent)
    if root.pos_ in ("VERB", "AUX") and root.dep_ == "ROOT":
        words = list(cue_span.sent)
    text = " ".join(t.lower_ for t in words if not _claims_lives(t))
    return any(f" {h} " in f" {text} " for h in ctx.lexicon.hedges)


def _claims_lives(token: Token) -> bool:
    return token.lower_.startswith("claim") and any(
        c.lower_ in ("lives", "life") for c in token.children)
