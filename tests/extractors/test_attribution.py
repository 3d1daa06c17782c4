"""Claim attribution: who says each event happened (issue #5), on real parses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad.context import Context
from marsad.errors import MarsadError
from marsad.extractors.actors import find_actors
from marsad.extractors.attribution import (
    Denial,
    attribution_for,
    denial_of,
    find_claims,
    link_denials,
    publisher_claim,
)
from marsad.lexicon import OutletEntry, load_lexicon
from marsad.model import Claim, Event, SourceDocument
from marsad.pipeline import process
from marsad.resources import read_yaml, validate_items

CASES = yaml.safe_load((Path(__file__).parent / "attribution_cases.yaml").read_text("utf-8"))
SOURCE_KINDS = {"partisan", "official", "media", "ngo", "local", "unnamed"}


def _chain(ctx: Context, text: str, trigger: str) -> list[Claim]:
    doc = ctx.nlp(text)
    claims = find_claims(doc, ctx, find_actors(doc, ctx), {})
    token = next(t for t in doc if t.text == trigger)
    return attribution_for(token, claims, publisher_claim("Enab Baladi", ctx))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_attribution_case(ctx: Context, case: dict[str, Any]) -> None:
    chain = _chain(ctx, case["text"], case["trigger"])
    first = chain[0]
    if "source" in case:
        assert first.source == case["source"]
    else:
        assert case["source_contains"] in first.source
    assert (first.cue, first.hedged) == (case["cue"], case["hedged"])
    assert first.contested is case.get("contested", False)
    for key in ("source_kind", "source_type"):
        if key in case:
            assert getattr(first, key) == case[key]
    if "via" in case:
        assert [r.source for r in first.via][:len(case["via"])] == case["via"]


def test_contrary_claim_follows_as_a_denial(ctx: Context) -> None:
    chain = _chain(ctx, "Contrary to the claims of state media, regime helicopters dropped "
                        "barrel bombs on Daraya, activists said.", "dropped")
    assert [(c.source, c.cue, c.contested) for c in chain] == [
        ("activists", "said", True), ("state media", "denied", True)]


def test_claim_spans_index_the_text(ctx: Context) -> None:
    text = "Regime jets struck Saraqib on Monday, the Syrian Observatory for Human Rights said."
    doc = ctx.nlp(text)
    for mention in find_claims(doc, ctx, find_actors(doc, ctx), {}):
        span = mention.claim.char_span
        assert span is not None and text[span[0]:span[1]] == mention.claim.text


def test_claim_date_is_carried(ctx: Context) -> None:
    doc = ctx.nlp("Amaaq claimed on Sunday that its fighters killed 30 soldiers.")
    cue = next(t for t in doc if t.text == "claimed")
    claims = find_claims(doc, ctx, find_actors(doc, ctx), {cue.i: dt.date(2018, 5, 6)})
    chain = attribution_for(next(t for t in doc if t.text == "killed"), claims,
                            publisher_claim("Enab Baladi", ctx))
    assert (chain[0].source, chain[0].date, chain[0].via[-1].source) == (
        "Amaaq News Agency", dt.date(2018, 5, 6), "Enab Baladi")


@pytest.mark.parametrize(("outlet", "source", "kind", "source_type"), [
    ("Enab Baladi", "Enab Baladi", "local", "independent"),
    ("sana", "SANA", "official", "state media"),
    ("Some Blog", "Some Blog", "media", "unknown"),
    (None, "unknown publisher", "media", "unknown"),
])
def test_publisher_claim(ctx: Context, outlet: str | None, source: str, kind: str,
                         source_type: str) -> None:
    claim = publisher_claim(outlet, ctx)
    assert (claim.source, claim.source_kind, claim.source_type, claim.cue, claim.hedged) == (
        source, kind, source_type, "reported", False)


def test_registry_covers_the_syrian_war_outlets() -> None:
    lexicon = load_lexicon()
    for name in ("SANA", "Amaaq", "Sputnik", "RT", "Enab Baladi", "SOHR", "SNHR", "Step News",
                 "Smart News", "Qasioun", "Damascus Now", "Voice of the Capital",
                 "Mukhayim Post", "Revolution Spring", "ANHA", "Hawar News", "White Helmets",
                 "OCHA", "Reuters", "AFP", "AP", "أعماق", "سانا", "عنب بلدي"):
        assert lexicon.outlet(name) is not None, name


def test_every_combatant_voice_speaks_for_a_known_actor() -> None:
    lexicon = load_lexicon()
    actors = {entry.name for entry in lexicon.actors}
    voices = [o for o in lexicon.outlets if o.combatant_voice]
    assert len(voices) >= 10
    assert all(o.speaks_for in actors for o in voices), [o.name for o in voices]


def test_a_combatant_voice_without_its_side_is_refused() -> None:
    entry = {"name": "X Command", "kind": "official", "aliases": ["X"], "combatant_voice": True}
    with pytest.raises(MarsadError, match="^outlets.yaml: entry 1: Value error, "
                                          "combatant_voice needs speaks_for"):
        validate_items("outlets.yaml", [entry], OutletEntry)


def test_registry_entries_are_complete() -> None:
    outlets = read_yaml("outlets.yaml")["outlets"]
    for entry in outlets:
        assert entry["kind"] in SOURCE_KINDS, entry["name"]
        assert {"type", "country", "language", "affiliation"} <= set(entry), entry["name"]
    for entry in read_yaml("outlets.yaml")["generic_sources"]:
        assert entry["kind"] in SOURCE_KINDS, entry["phrase"]


DENIAL_TEXT = ("Russian jets struck a market in Maarat al-Numan on Monday, killing 20 civilians, "
               "the Syrian Observatory for Human Rights said. The Russian defence ministry denied "
               "that its aircraft carried out air strikes in Maarat al-Numan.")


def _denial(ctx: Context, text: str, trigger: str, sub: str,
            place: str | None) -> tuple[list[Event], Denial | None]:
    """The pipeline's events of ``text`` and the denial its ``trigger`` word makes."""
    result = process(SourceDocument(id="denial", text=text, outlet="Enab Baladi"), ctx)
    doc = ctx.nlp(result.doc.text)
    claims = find_claims(doc, ctx, find_actors(doc, ctx), {})
    token = [t for t in doc if t.text == trigger][-1]
    return result.events, denial_of(token, sub, place, claims, publisher_claim("Enab Baladi", ctx))


def test_denial_in_another_sentence_contests_the_asserted_event(ctx: Context) -> None:
    events, denial = _denial(ctx, DENIAL_TEXT, "strikes", "Air/drone strike", "Maarat al-Numan")
    assert denial is not None and denial[2].cue == "denied"
    linked = link_denials(events, [denial])
    strike = next(e for e in linked if e.sub_event_type == "Air/drone strike")
    assert [(c.source, c.cue, c.contested) for c in strike.attribution] == [
        ("Syrian Observatory for Human Rights", "said", True),
        (denial[2].source, "denied", True)]
    assert denial[2].source == "Russian Ministry of Defence"
    again = link_denials(linked, [denial])  # linking twice appends the denial once
    assert again == linked


def test_an_asserted_trigger_is_no_denial(ctx: Context) -> None:
    _events, denial = _denial(ctx, DENIAL_TEXT, "struck", "Air/drone strike", None)
    assert denial is None


@pytest.mark.parametrize(("events_at", "denial_at", "sub", "contested"), [
    (["Maarat al-Numan"], "Maarat al-Numan", "Air/drone strike", [True]),
    (["Maarat al-Numan"], "Douma", "Air/drone strike", [False]),  # another place
    (["Maarat al-Numan"], "Maarat al-Numan", "Armed clash", [False]),  # another type
    ([None], "Maarat al-Numan", "Air/drone strike", [True]),  # the only strike, no place
    (["Douma"], None, "Air/drone strike", [True]),  # a placeless denial, one strike
    (["Douma", "Harasta"], None, "Air/drone strike", [False, False]),  # ambiguous: none
    (["Douma", "Harasta"], "Harasta", "Air/drone strike", [False, True]),
    (["Douma", None], "Douma", "Air/drone strike", [True, False]),  # the exact place wins
])
def test_link_denials_matches_type_and_place(
        ctx: Context, events_at: list[str | None], denial_at: str | None, sub: str,
        contested: list[bool]) -> None:
    events, denial = _denial(ctx, DENIAL_TEXT, "strikes", sub, denial_at)
    assert denial is not None
    template = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert template.location is not None
    variants = [template.model_copy(update={
        "event_id": f"ev-{i}", "location": None if place is None else
        template.location.model_copy(update={"name": place})})
        for i, place in enumerate(events_at)]
    linked = link_denials(variants, [denial])
    assert [e.attribution[0].contested for e in linked] == contested
    assert [len(e.attribution) for e in linked] == [2 if c else 1 for c in contested]
