"""Who says so: reporting cues, their sources, hedging, claim dates and relay chains.

Why per event and not per document: most facts in conflict news are claims by interested
parties ("Amaaq claimed ...", "pro-regime media reported ..."), and different sentences of one
article carry different claimants. A trigger is covered by the reporting cues that govern it
in the parse (or by "according to X" anywhere in its sentence); with no cue, the publisher is
the source (SCHEMA.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from marsad.context import Context
from marsad.extractors.actors import ActorMention
from marsad.lexicon import CueEntry
from marsad.model import Claim, Relay

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
PREPOSITIONAL_CUES = {"according to"}


@dataclass(frozen=True)
class ClaimMention:
    """A reporting cue in the text with the source it names."""

    cue: CueEntry
    cue_span: Span
    claim: Claim
    actor_name: str | None = None
    """The ACLED actor the source speaks for, when the source is a belligerent's own voice."""
    relays: list[Relay] = field(default_factory=list)

    @property
    def anchor_token(self) -> Token:
        return self.cue_span.root

    def governs(self, token: Token) -> bool:
        """True when ``token`` (an event trigger) is part of what this cue reports."""
        if token.sent != self.cue_span.sent:
            return False
        head = self.cue_span.root
        if self.cue.cue in PREPOSITIONAL_CUES or head.pos_ not in ("VERB", "AUX"):
            return True
        return head.is_ancestor(token) or head == token


def publisher_claim(outlet: str | None, ctx: Context) -> Claim:
    """The default attribution: the publishing outlet reports it, as fact, unhedged."""
    entry = ctx.lexicon.outlet(outlet) if outlet else None
    if entry is None:
        return Claim(source=outlet or "unknown publisher", source_kind="media", cue="reported")
    return Claim(source=entry.name, source_kind=entry.kind,  # type: ignore[arg-type]
                 affiliation=entry.affiliation, cue="reported")


def find_claims(doc: Doc, ctx: Context, actors: list[ActorMention],
                claim_dates: dict[int, dt.date]) -> list[ClaimMention]:
    """Every reporting cue with its source; ``claim_dates`` maps a cue token index to a date."""
    cues = {c.cue: c for c in ctx.lexicon.cues}
    sources = ctx.matchers.sources(doc)
    claims: list[ClaimMention] = []
    for key, start, end in ctx.matchers.cues(doc):
        cue = cues[key]
        cue_span = doc[start:end]
        source_span = _source_span(cue, cue_span)
        if source_span is not None and _is_pronoun_like(source_span) and claims:
            previous = claims[-1]
            claim = previous.claim.model_copy(update={
                "cue": cue.cue, "hedged": _hedged(cue, cue_span, ctx),
                "date": claim_dates.get(cue_span.root.i, previous.claim.date),
                "text": source_span.text,
                "char_span": (source_span.start_char, source_span.end_char)})
            claims.append(ClaimMention(cue, cue_span, claim, previous.actor_name, previous.relays))
            continue
        found, actor_name = _identify_source(source_span, sources, actors, doc, ctx)
        if found is None or found.source_kind == "unnamed":
            nearby = _nearby_source(cue_span, sources)
            if nearby is not None:
                found, actor_name = _identify_source(nearby, sources, actors, doc, ctx)
        if found is None:
            if cue.cue not in ("reported", "said", "claimed", "alleged") or source_span is not None:
                continue  # e.g. "statement" or "report" as a plain noun: not a claim on its own
            found = Claim(source="unnamed sources", source_kind="unnamed")
        claim = found
        date = claim_dates.get(cue_span.root.i)
        if date is None and claims and claims[-1].claim.source == claim.source:
            date = claims[-1].claim.date  # "'Amaaq' also claimed ...": the same statement
        claim = claim.model_copy(update={
            "cue": cue.cue, "hedged": _hedged(cue, cue_span, ctx), "date": date})
        relays = _relays(cue_span, sources, doc, ctx)
        claims.append(ClaimMention(cue, cue_span, claim, actor_name, relays))
    return claims


def attribution_for(token: Token, claims: list[ClaimMention], publisher: Claim) -> list[Claim]:
    """The attribution chain of an event whose trigger is ``token`` (innermost source first)."""
    governing = [c for c in claims if c.governs(token)]
    if not governing:
        return [publisher]
    # The innermost cue (deepest in the parse) is the claimant; outer ones relay it.
    governing.sort(key=lambda c: -_depth(c.anchor_token))
    inner, outer = governing[0], governing[1:]
    via = list(inner.relays) + [Relay(source=c.claim.source, cue=c.claim.cue) for c in outer]
    if publisher.source not in {r.source for r in via} and publisher.source != inner.claim.source:
        via.append(Relay(source=publisher.source, cue="reported"))
    hedged = inner.claim.hedged or any(c.claim.hedged for c in outer)
    return [inner.claim.model_copy(update={"via": via, "hedged": hedged})]


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _source_span(cue: CueEntry, cue_span: Span) -> Span | None:
    """The noun phrase naming who makes the claim, from the parse."""
    doc = cue_span.doc
    root = cue_span.root
    if cue.cue in PREPOSITIONAL_CUES or root.lower_ in ("citing", "quoting", "per"):
        after = cue_span.end
        if after < len(doc):
            head = doc[after]
            while (head.head != head and after <= head.head.i < head.sent.end
                   and head.head.pos_ in ("NOUN", "PROPN")
                   and head.dep_ in ("compound", "amod", "det")):
                head = head.head
            return doc[min(t.i for t in head.subtree):max(t.i for t in head.subtree) + 1]
        return None
    if root.pos_ in ("VERB", "AUX"):
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.dep_ != "expl":
                subtree = list(child.subtree)
                return doc[subtree[0].i:subtree[-1].i + 1]
            if child.dep_ == "agent":  # "it was reported by X"
                subtree = list(child.subtree)
                return doc[subtree[0].i + 1:subtree[-1].i + 1] if len(subtree) > 1 else None
        if root.dep_ in ("relcl", "acl") and root.head.pos_ in ("NOUN", "PROPN"):
            head = root.head
            return doc[min(t.i for t in head.lefts) if list(head.lefts) else head.i:head.i + 1]
    return None


def _nearby_source(cue_span: Span, sources: list[tuple[str, int, int]]) -> Span | None:
    """A registered source right before or after the cue ("..., the Observatory said"), for
    parses that do not make it the subject."""
    doc = cue_span.doc
    sent = cue_span.sent
    best: tuple[int, int, int] | None = None
    for _key, start, end in sources:
        if start < sent.start or end > sent.end:
            continue
        gap = cue_span.start - end if end <= cue_span.start else start - cue_span.end
        if 0 <= gap <= 3 and (best is None or gap < best[0]):
            best = (gap, start, end)
    return doc[best[1]:best[2]] if best else None


def _is_pronoun_like(span: Span) -> bool:
    if len(span) == 0:
        return False
    return len(span) <= 3 and (span.root.lower_ in PRONOUNS or span.root.pos_ == "PRON"
                               or (span[0].lower_ == "the" and span.root.pos_ == "NOUN"
                                   and not span.ents))


def _identify_source(span: Span | None, sources: list[tuple[str, int, int]],
                     actors: list[ActorMention], doc: Doc,
                     ctx: Context) -> tuple[Claim | None, str | None]:
    """Name the source of ``span``: a registered outlet, a generic source, or a party's voice."""
    if span is None:
        return None, None
    inside = [(k, s, e) for k, s, e in sources if s >= span.start and e <= span.end]
    outlets = [m for m in inside if m[0].startswith("outlet:")]
    generic = [m for m in inside if m[0].startswith("generic:")]
    for key, start, end in outlets[:1] or []:
        entry = ctx.lexicon.outlet(key.removeprefix("outlet:"))
        assert entry is not None  # keys come from the registry
        text = doc[start:end]
        return Claim(source=entry.name, source_kind=entry.kind,  # type: ignore[arg-type]
                     affiliation=entry.affiliation, text=text.text,
                     char_span=(text.start_char, text.end_char)), \
            _outlet_actor(entry.affiliation, ctx)
    for key, start, end in generic[:1]:
        phrase = key.removeprefix("generic:")
        entry_g = next(g for g in ctx.lexicon.generic_sources if g.phrase == phrase)
        text = doc[start:end]
        source = entry_g.source
        return Claim(source=source, source_kind=entry_g.kind,  # type: ignore[arg-type]
                     affiliation=entry_g.affiliation, text=text.text,
                     char_span=(text.start_char, text.end_char)), None
    speaking_for = [a for a in actors if a.span.start >= span.start and a.span.end <= span.end]
    text = span
    if speaking_for:
        actor = speaking_for[0].entry
        kind = "official" if actor.inter in (1, 8) else "partisan"
        return Claim(source=text.text, source_kind=kind, affiliation=actor.name,  # type: ignore[arg-type]
                     text=text.text, char_span=(text.start_char, text.end_char)), actor.name
    named = any(ent.label_ in ("PERSON", "ORG", "NORP") for ent in span.ents)
    if named or span.root.pos_ == "PROPN":
        return Claim(source=text.text, source_kind="unnamed", text=text.text,
                     char_span=(text.start_char, text.end_char)), None
    if span.root.pos_ == "NOUN":
        return Claim(source=text.text, source_kind="unnamed", text=text.text,
                     char_span=(text.start_char, text.end_char)), None
    return None, None


def _outlet_actor(affiliation: str | None, ctx: Context) -> str | None:
    """The actor a partisan outlet speaks for (Amaaq -> Islamic State), by alias match."""
    if not affiliation:
        return None
    wanted = affiliation.casefold()
    for actor in ctx.lexicon.actors:
        if wanted == actor.name.casefold() or wanted in (a.casefold() for a in actor.aliases):
            return actor.name
    return None


def _relays(cue_span: Span, sources: list[tuple[str, int, int]], doc: Doc,
            ctx: Context) -> list[Relay]:
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
    sentence = cue_span.sent.text.casefold()
    return cue.hedged or any(f" {h} " in f" {sentence} " for h in ctx.lexicon.hedges)
