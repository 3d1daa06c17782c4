"""An event's fatalities and injuries, and each claimant's figure for them.

Why separate: a toll belongs to the claimant whose cue governs it; one claimant's counts add
up, named claimants that disagree span the event's figure (UCDP's low/best/high), and two
reports of one event keep the fuller count. The same rules serve one event and the merging
of an article's duplicates.
"""

from __future__ import annotations

from marsad.context import Context
from marsad.extractors.actors import ActorMention, actor_for_side
from marsad.extractors.attribution import FALLBACK_SOURCE, ClaimMention
from marsad.extractors.casualties import CasualtyMention
from marsad.extractors.events.candidates import FATAL_KINDS, INJURY_KINDS, Candidate, Mentions
from marsad.extractors.events.sub_types import disorder_of
from marsad.model import Actor, Casualties, Claim, Relay

TOLL_LOOKBACK = 3
# "nine rebels were also killed" says which event it adds to, the last one told, even after
# a quoted witness or two: it may look further back.
ADDITIONAL_TOLL_LOOKBACK = 6


def continue_toll(index: int, killed: list[CasualtyMention], mentions: Mentions, ctx: Context,
                  earlier: list[Candidate]) -> bool:
    """A toll with no event word of its own ("The death toll rose to 70") belongs to the violent
    event of the sentences just before it in the same paragraph, when that has no toll yet or
    the toll says it adds to it ("nine rebels were also killed"). An aggregate toll ("More
    than 170000 people have been killed in Syria's civil war") is no one event's: it stays an
    aggregate event of its own."""
    if all(c.aggregate for c in killed):
        return False
    paragraph = mentions.paragraph_of(mentions.sentences[index].start_char)
    # "also killed" adds to the event told before unless it says where, as a new event would
    # ("26 civilians were also killed when jets pounded al-Maghayer")
    additional = all(c.additional for c in killed) and not any(
        p.sentence_index == index for p in mentions.places)
    lookback = ADDITIONAL_TOLL_LOOKBACK if additional else TOLL_LOOKBACK
    for candidate in reversed(earlier):
        at = mentions.sentence_of(candidate.trigger.start_char)
        if index - at > lookback or mentions.paragraph_of(candidate.trigger.start_char) \
                != paragraph:
            return False
        if disorder_of(candidate.sub_event_type, ctx) != "Political violence":
            continue
        if any(c.kind in FATAL_KINDS for c in candidate.casualties) and not additional:
            return False
        candidate.casualties = candidate.casualties + killed
        return True
    return False


def victim_span(mention: CasualtyMention) -> tuple[int, int] | None:
    """Where a casualty mention names the harmed: all of it ("killed 15 soldiers"), but for a
    running toll only its victim words ("the death toll from the Daesh attack reached 51":
    Daesh is no victim), or nothing when it has none."""
    if not mention.toll:
        return mention.start_char, mention.end_char
    if mention.victim_text and (at := mention.text.find(mention.victim_text)) >= 0:
        start = mention.start_char + at
        return start, start + len(mention.victim_text)
    return None


def casualties_of(candidate: Candidate, actors: list[ActorMention], a1: Actor | None,
                  a2: Actor | None, mentions: Mentions, attribution: list[Claim]
                  ) -> tuple[Casualties | None, Casualties | None, list[Claim]]:
    """The event's fatalities and injuries, and its attribution with each claimant's toll.

    Each casualty mention belongs to the claimant whose reporting cue governs it ("SANA said
    5 were killed"), else to the event's own claimant (``attribution[0]``). One claimant's
    counts add up (``_combine``); named claimants that count the same victims differently
    make conflicting claims, not additions: each claim keeps its own figure and the event
    spans them (``conflict``). A claimant that gives a toll but does not govern the event
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
    fatalities = (conflict(named_tolls(claims)) if one_class else None) or _combine(
        fatal, actors, a1, a2)
    hurt_named = [(speaker.claim if speaker is not None else main,
                   _combine(items, actors, a1, a2)) for source, (speaker, items) in hurt_by.items()
                  if speaker is not None or (main is not None and source == main.source
                                              and main.char_span is not None)]
    injuries = conflict([(c, t) for c, t in hurt_named if c is not None and t is not None]) \
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
    span = item.span_in(doc)
    if span is None:
        return None
    token = span.root
    speakers = [c for c in claims if c.governs(token) and not c.contrary
                and not c.cue.denial and not c.fallback]
    if not speakers:
        return None
    return max(speakers, key=lambda c: (len(list(c.anchor_token.ancestors)), c.anchor_token.i))


def named_tolls(claims: list[Claim], toll_field: str = "fatalities"
                ) -> list[tuple[Claim, Casualties]]:
    """The tolls (``toll_field``: "fatalities" or "injuries") of claimants named in the text
    (the publisher's own voice has no span, and "reportedly" names nobody)."""
    return [(c, getattr(c, toll_field)) for c in claims if getattr(c, toll_field) is not None
            and c.char_span is not None and c.source != FALLBACK_SOURCE]


def conflict(tolls: list[tuple[Claim, Casualties]]) -> Casualties | None:
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


def restated(kept: Casualties | None, other: Casualties | None) -> Casualties | None:
    """One source's figure for one event read twice: low/high span both and best is the fuller
    count; a per-event count beats a campaign total."""
    if kept is None or (kept.aggregate and other is not None and not other.aggregate):
        return other
    if other is not None and not other.aggregate and not kept.aggregate:
        fuller, lesser = (other, kept) if other.best > kept.best else (kept, other)
        return fuller.model_copy(update={
            "low": min(kept.low, other.low), "high": max(kept.high, other.high),
            "children": fuller.children if fuller.children is not None else lesser.children,
            "women": fuller.women if fuller.women is not None else lesser.women,
            "civilians": fuller.civilians})
    return kept


def merged_claims(kept: list[Claim], other: list[Claim]) -> list[Claim]:
    """Claims of two reports of one event: one per source; a source's two tolls merge."""
    claims = list(kept)
    for toll_field in ("fatalities", "injuries"):
        tolls = {c.source: getattr(c, toll_field) for c in other
                 if getattr(c, toll_field) is not None}
        claims = [c.model_copy(update={toll_field: restated(getattr(c, toll_field),
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
    each = [_victims(c, actors, a1, a2) for c in chosen]
    victims = set(each)
    names = [n for c in chosen for n in c.names]
    text = first.text if len(chosen) == 1 else None
    span = (first.start_char, first.end_char) if len(chosen) == 1 else None
    return Casualties(
        low=sum(c.low for c in chosen), best=sum(c.best for c in chosen),
        high=sum(c.high for c in chosen), text=text, char_span=span,
        victims=victims.pop() if len(victims) == 1 else "unknown",  # type: ignore[arg-type]
        aggregate=not per_event, names=names,
        children=_part([c.children for c in chosen]), women=_part([c.women for c in chosen]),
        civilians=_civilian_part(chosen, each))


def _civilian_part(chosen: list[CasualtyMention], each: list[str]) -> int | None:
    """The civilians among counts of civilians and of fighters of a side ("31 jihadists and
    eight civilians"); None when the dead are of one kind or some are of no known kind."""
    kinds = set(each)
    if "civilians" not in kinds or len(kinds) == 1 or "unknown" in kinds:
        return None
    return sum(c.best for c, kind in zip(chosen, each, strict=True) if kind == "civilians")


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
