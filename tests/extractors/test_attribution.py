"""Claim attribution: who says each event happened (issue #5), on real parses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad.context import Context
from marsad.extractors.actors import find_actors
from marsad.extractors.attribution import attribution_for, find_claims, publisher_claim
from marsad.lexicon import load_lexicon
from marsad.model import Claim
from marsad.resources import read_yaml

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


def test_registry_entries_are_complete() -> None:
    outlets = read_yaml("outlets.yaml")["outlets"]
    for entry in outlets:
        assert entry["kind"] in SOURCE_KINDS, entry["name"]
        assert {"type", "country", "language", "affiliation"} <= set(entry), entry["name"]
    for entry in read_yaml("outlets.yaml")["generic_sources"]:
        assert entry["kind"] in SOURCE_KINDS, entry["phrase"]
