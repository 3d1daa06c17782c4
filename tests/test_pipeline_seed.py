"""End to end on the seed article: what an analyst must get out of it."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.conftest import SEED

from marsad.context import Context
from marsad.model import DocumentResult, SourceDocument, span_mismatches
from marsad.pipeline import process


@pytest.fixture(scope="module")
def seed(ctx: Context) -> DocumentResult:
    text = SEED.read_text(encoding="utf-8")
    return process(SourceDocument(text=text, outlet="Enab Baladi", origin=str(SEED)), ctx)


@pytest.fixture(scope="module")
def seed_given_date(ctx: Context) -> DocumentResult:
    text = SEED.read_text(encoding="utf-8")
    return process(SourceDocument(text=text, outlet="Enab Baladi", origin=str(SEED),
                                  published=dt.date(2018, 5, 8)), ctx)


def test_every_span_indexes_the_clean_text(seed: DocumentResult) -> None:
    assert span_mismatches(seed) == []
    assert seed.events, seed.warnings


def test_cleaning_drops_appeal_and_second_caption(seed: DocumentResult) -> None:
    kinds = [d.kind for d in seed.doc.dropped]
    assert kinds.count("caption") == 2
    assert "appeal" in kinds
    assert "Click here to support" not in seed.doc.text
    assert "Damascus Now)" not in seed.doc.text


def test_publication_date_inferred_from_dated_text(seed: DocumentResult) -> None:
    assert seed.doc.published_source == "inferred"
    assert seed.doc.published == dt.date(2018, 5, 7)


@pytest.mark.parametrize("fixture", ["seed", "seed_given_date"])
def test_air_strike_on_yarmouk_on_7_may_per_voice_of_the_capital(
        fixture: str, request: pytest.FixtureRequest) -> None:
    result: DocumentResult = request.getfixturevalue(fixture)
    strikes = [e for e in result.events if e.sub_event_type == "Air/drone strike"
               and e.location is not None and "Yarmouk" in e.location.name]
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.date is not None
    assert (strike.date.start, strike.date.end, strike.date.precision) == (
        dt.date(2018, 5, 7), dt.date(2018, 5, 7), 1)
    assert strike.attribution[0].source == "Voice of the Capital"
    assert strike.attribution[0].via[-1].source == "Enab Baladi"
    assert strike.location.admin1 is not None and "Damascus" in strike.location.admin1


def test_four_events_from_strikes_and_shelling_on_two_places(seed: DocumentResult) -> None:
    pairs = {(e.sub_event_type, e.location.name if e.location else None) for e in seed.events
             if e.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack")}
    assert len(pairs) == 4


def test_amaaq_claim_of_30_soldiers_is_hedged_and_not_aggregate(seed: DocumentResult) -> None:
    claimed = [e for e in seed.events if e.fatalities is not None and e.fatalities.best == 30]
    assert len(claimed) == 1
    event = claimed[0]
    claim = event.attribution[0]
    assert claim.source == "Amaaq News Agency"
    assert claim.hedged is True
    assert claim.cue == "claimed"
    assert claim.date == dt.date(2018, 5, 6)
    assert event.fatalities is not None and event.fatalities.aggregate is False
    assert {a.name for a in (event.actor1, event.actor2) if a} >= {"Islamic State (Syria)"}


def test_no_casualties_from_metres_or_percent(seed: DocumentResult) -> None:
    for event in seed.events:
        for toll in (event.fatalities, event.injuries):
            if toll is not None:
                assert toll.best not in (70,)
                assert "metres" not in (toll.text or "")
        assert "70%" not in event.trigger.text


def test_campaign_total_of_500_is_an_aggregate(seed: DocumentResult) -> None:
    totals = [e for e in seed.events if e.fatalities is not None and e.fatalities.best == 500]
    assert totals, [e.fatalities for e in seed.events]
    assert all(e.fatalities is not None and e.fatalities.aggregate for e in totals)


def test_regime_gains_territory_in_al_hajar_al_aswad(seed: DocumentResult) -> None:
    gains = [e for e in seed.events if e.sub_event_type == "Government regains territory"]
    assert len(gains) == 1
    gain = gains[0]
    assert gain.actor1 is not None and gain.actor1.name == "Military Forces of Syria (2000-)"
    assert gain.location is not None and "Hajar" in gain.location.name
    assert gain.attribution[0].source == "local media"


def test_aim_to_gain_control_is_not_an_event(seed: DocumentResult) -> None:
    assert not [e for e in seed.events if e.trigger.text.lower().startswith("gain control")]
