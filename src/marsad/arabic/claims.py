"""Who says so in Arabic: reporting cues ("أفاد", "بحسب") and their sources.

Why both sides: Arabic news is verb-first ("أفاد المرصد السوري بمقتل ..."), so a verb cue's
source is looked for after it first, then before it ("المرصد السوري أفاد"); a prepositional
cue ("بحسب", "وفق") always has its source after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.arabic.lexicon import ArabicCue, ArabicLexicon, SourceName
from marsad.arabic.tokens import Match, Token
from marsad.model import Claim, Relay

SOURCE_WINDOW = 6
"""Tokens between a cue and its source ("أفاد مراسل عنب بلدي في ريف دمشق")."""


@dataclass(frozen=True)
class ArabicClaim:
    """A cue in a sentence with the source it names (None: nobody identifiable)."""

    sentence: int
    cue: ArabicCue
    cue_match: Match[ArabicCue]
    source: Match[SourceName] | None
    hedged: bool


def _source_for(cue: Match[ArabicCue], sources: Sequence[Match[SourceName]],
                tokens: Sequence[Token]) -> Match[SourceName] | None:
    sentence = tokens[cue.first].sentence
    same = [s for s in sources if tokens[s.first].sentence == sentence]
    after = [s for s in same if 0 <= s.first - cue.last <= SOURCE_WINDOW]
    if after:
        return after[0]
    if cue.payload.prepositional:
        return None
    before = [s for s in same if 0 <= cue.first - s.last <= SOURCE_WINDOW]
    return before[-1] if before else None


def find_claims(tokens: Sequence[Token], lexicon: ArabicLexicon,
                sources: Sequence[Match[SourceName]]) -> list[ArabicClaim]:
    """Every reporting cue of the text with its source and whether it is hedged."""
    hedged_sentences = {tokens[m.first].sentence for m in lexicon.hedges.find(tokens)}
    claims = []
    for cue in lexicon.cues.find(tokens):
        sentence = tokens[cue.first].sentence
        claims.append(ArabicClaim(
            sentence=sentence, cue=cue.payload, cue_match=cue,
            source=_source_for(cue, sources, tokens),
            hedged=cue.payload.hedged or sentence in hedged_sentences))
    return claims


def claim_of(found: ArabicClaim, tokens: Sequence[Token], text: str,
             publisher: Claim) -> Claim:
    """The contract ``Claim`` of a found cue; the publisher relays it (``via``)."""
    if found.source is None:
        return publisher.model_copy(update={
            "cue": found.cue.cue, "hedged": found.hedged or publisher.hedged})
    source = found.source.payload
    first = min(found.source.first, found.cue_match.first)
    last = max(found.source.last, found.cue_match.last)
    start, end = tokens[first].start, tokens[last - 1].end
    via = [] if source.source == publisher.source else [Relay(source=publisher.source,
                                                               cue="reported")]
    return Claim(source=source.source, source_kind=source.kind,  # type: ignore[arg-type]
                 affiliation=source.affiliation, cue=found.cue.cue, hedged=found.hedged,
                 text=text[start:end], char_span=(start, end), via=via,
                 source_type=source.source_type)
