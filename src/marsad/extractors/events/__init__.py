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
   the same (type, place, date) read twice in one article is merged into one event, and a
   summary (a province, some days) into its only detail (a town in it, one of those days).

The modules, in the order ``extract_events`` uses them (each docstring says why it is apart):
``mentions`` (what the article names, read once), ``sentences`` (a sentence's candidates)
with ``triggers`` (which words report a happening), ``sub_types`` (the ACLED sub-event type
and its retyping from context) and ``locations``; ``fields`` (one ``Event`` from a
candidate) with ``roles`` (actor1, actor2), ``tolls`` (fatalities, injuries, each claimant's
figure) and ``dates``; ``document_passes`` (initiators and opponents from the whole article,
duplicates merged). ``candidates`` holds the ``Candidate`` and ``Mentions`` they all share.
"""

from __future__ import annotations

from spacy.tokens import Doc

from marsad.context import Context
from marsad.extractors.attribution import denial_of, link_denials
from marsad.extractors.events.candidates import Candidate
from marsad.extractors.events.document_passes import (
    HISTORY_LEFT_OUT,
    accused_perpetrator,
    civilian_targets,
    claimed_responsibility,
    fold_into_escalation,
    fold_summaries,
    forces_at_home_or_abroad,
    infer_opponents,
    inherit_actors,
    leave_out_history,
    merge_duplicates,
    only_capable_initiator,
    subsumed_after_retyping,
)
from marsad.extractors.events.fields import to_event
from marsad.extractors.events.mentions import find_mentions
from marsad.extractors.events.sentences import sentence_candidates
from marsad.extractors.events.sub_types import (
    attack_means_from_context,
    delivery_from_context,
    learned_typing,
    means_from_afar,
    type_from_context,
)
from marsad.extractors.events.time_clauses import news_days, note_publication
from marsad.model import Document, Event

__all__ = ["HISTORY_LEFT_OUT", "extract_events"]


def extract_events(document: Document, doc: Doc, ctx: Context) -> tuple[list[Event], list[str]]:
    """Read every event of ``document`` (already parsed as ``doc``); return events and warnings."""
    note_publication(doc, document.published)
    mentions = find_mentions(document, doc, ctx)
    warnings: list[str] = []
    candidates: list[Candidate] = []
    for index, sentence in enumerate(mentions.sentences):
        candidates += sentence_candidates(index, sentence, mentions, ctx, candidates)
    # An event told as background beside one told as news is that one's background ("retook
    # Kawkareik after a counter-offensive supported by airstrikes"; "A convoy carrying soldiers
    # from Friday's clash was hit by a roadside bomb"), whichever sentence tells the news.
    if any(not c.told_aside for c in candidates):
        for candidate in candidates:
            if candidate.told_aside:
                candidate.weight *= ctx.lexicon.time_clauses.weight
    if document.published is None:
        candidates = _without_history(candidates, doc, ctx, warnings)
    # "X denied that ...": the denied mention is no event, but it contests the event that
    # another sentence asserts (same type and place).
    denials = [d for c in candidates if (d := denial_of(
        c.trigger.root, c.sub_event_type, c.place.location.name if c.place else None,
        mentions.claims, mentions.publisher))]
    candidates = type_from_context(candidates, mentions, ctx)
    built = [(c, e) for c in candidates
             if (e := to_event(c, document, mentions, ctx, warnings)) is not None]
    built = means_from_afar(delivery_from_context(built, mentions, ctx), ctx)
    events = subsumed_after_retyping(learned_typing(attack_means_from_context(
        built, mentions, ctx), ctx, warnings), ctx,
        frozenset(c.trigger.start_char for c, _e in built if c.arrested_for))
    # Read evidence first: who the text blames, then who the nearest same-type event names.
    events = accused_perpetrator(events, mentions, ctx)
    events = inherit_actors(events, mentions, ctx)
    events = only_capable_initiator(events, mentions, ctx)
    events = claimed_responsibility(events, mentions, ctx)
    events = infer_opponents(events, mentions, ctx)
    events = leave_out_history(events, document, mentions, warnings)
    events = fold_summaries(merge_duplicates(fold_into_escalation(events, ctx), ctx), ctx)
    events = civilian_targets(forces_at_home_or_abroad(events, ctx), ctx)
    return link_denials(events, denials), warnings


def _without_history(candidates: list[Candidate], doc: Doc, ctx: Context,
                     warnings: list[str]) -> list[Candidate]:
    """Leave out what a text with no publication date tells as history beside its news: an
    event dated a year or more before it ("Al-Shabaab overran the base at Halgan in 2016")
    where another clause is dated to the news's own day ("... held talks in Ankara today").
    ``leave_out_history`` does the same by the calendar where the date of publication is
    known; here the text's own words of time stand in for it."""
    if not any(c.history for c in candidates):
        return candidates
    news = news_days(doc, ctx.lexicon.time_clauses)
    if not news:
        return candidates
    kept = []
    for candidate in candidates:
        if candidate.history:
            warnings.append(f"{candidate.sub_event_type} ({candidate.trigger.text!r}): dated a "
                            f"year or more before the text's news: {HISTORY_LEFT_OUT}")
            continue
        kept.append(candidate)
    return kept
