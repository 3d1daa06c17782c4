"""The attribution scorer (issue #5): pair matching, hedging accuracy, the gold file itself."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from marsad.context import Context
from marsad.evaluation.attribution import (
    AttributionRow,
    GoldClaim,
    GoldEvent,
    evaluate_attribution,
    gold_events,
    is_attribution_gold,
    same_source,
    score_attribution,
    source_document,
)
from marsad.evaluation.runner import detect_dataset
from marsad.model import Claim, Document, DocumentResult, Event, TextSpan

GOLD = Path(__file__).resolve().parents[1] / "gold" / "attribution" / "attribution_gold.jsonl"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "dev"


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    ("Syrian Observatory for Human Rights", ("Syrian Observatory for Human Rights",), True),
    ("a war monitor", ("Syrian Observatory for Human Rights", "a war monitor"), True),
    ("the bodys spokesman", ("spokesman",), True),
    ("The Russian army", ("Russian army",), True),
    ("Al-Ahram", ("Syrian Observatory for Human Rights",), False),
    ("", ("spokesman",), False),
])
def test_same_source(predicted: str, gold: tuple[str, ...], same: bool) -> None:
    assert same_source(predicted, gold) is same


def _event(trigger: str, start: int, claims: list[Claim]) -> Event:
    return Event(event_id=f"e{start}", disorder_type="Political violence", event_type="Battles",
                 sub_event_type="Armed clash",
                 trigger=TextSpan(text=trigger, char_span=(start, start + len(trigger))),
                 evidence=TextSpan(text=trigger, char_span=(start, start + len(trigger))),
                 attribution=claims)


def test_score_counts_pairs_hedging_and_unjudged() -> None:
    result = DocumentResult(doc=Document(id="d", text="x" * 200), events=[
        _event("shelling", 10, [Claim(source="activists", cue="said", hedged=False)]),
        _event("raids", 50, [Claim(source="Amaaq News Agency", cue="claimed", hedged=False),
                             Claim(source="Enab Baladi", cue="reported")]),
        _event("clashes", 120, [Claim(source="Enab Baladi")]),
    ])
    gold = [GoldEvent("shelling", 12, (GoldClaim(("activists",), "said", False),)),
            GoldEvent("raids", 50, (GoldClaim(("Amaaq News Agency",), "claimed", True),)),
            GoldEvent("strikes", 90, (GoldClaim(("SANA",), "reported", False),))]
    report = score_attribution([AttributionRow("d", gold, result)])
    assert report.fields["pairs"] == {"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3,
                                      "n_gold": 3, "n_predicted": 3, "n_correct": 2}
    assert report.fields["hedged"] == {"accuracy": 0.5, "n": 2}
    assert report.fields["events"]["n_unjudged"] == 1
    assert any("no event at 'strikes'" in w for w in report.warnings)


def test_a_mention_merged_into_an_event_is_that_event() -> None:
    """"Air strikes hit Idlib. ... bombs hit the market": merged into one event with both
    spans; the gold's "hit" is judged against that event's claims, not missed."""
    strike = _event("strikes", 4, [Claim(source="Syrian Observatory for Human Rights")])
    strike = strike.model_copy(update={"mentions": [
        strike.evidence, TextSpan(text="bombs hit the market", char_span=(60, 80))]})
    result = DocumentResult(doc=Document(id="d", text="x" * 200), events=[strike])
    gold = [GoldEvent("strikes", 4, (GoldClaim(("Syrian Observatory for Human Rights",),
                                               "said", False),)),
            GoldEvent("hit", 66, (GoldClaim(("Syrian Observatory for Human Rights",),
                                            "said", False),)),
            GoldEvent("raid", 120, (GoldClaim(("SANA",), "said", False),))]
    report = score_attribution([AttributionRow("d", gold, result)])
    assert report.fields["pairs"]["n_correct"] == 2
    assert report.fields["pairs"]["recall"] == 2 / 3
    assert report.fields["events"]["n_unjudged"] == 0
    assert any("no event at 'raid'" in w for w in report.warnings)


def test_gold_records_parse_and_are_detected() -> None:
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    assert len(records) >= 41
    for record in records:
        assert is_attribution_gold(record) and detect_dataset(record) == "attribution"
        assert gold_events(record), record["id"]


@pytest.mark.skipif(not SHARED.is_dir(), reason="dev data ../shared/data/dev not present")
def test_gold_texts_are_unchanged() -> None:
    for line in GOLD.read_text("utf-8").splitlines():
        record = json.loads(line)
        source = source_document(record, GOLD)
        assert hashlib.sha256((source.text or "").encode()).hexdigest() == record["sha256"]


def test_seed_article_claims_all_right(ctx: Context) -> None:
    seed = next(json.loads(line) for line in GOLD.read_text("utf-8").splitlines()
                if json.loads(line)["id"] == "seed-enab-baladi")
    report = evaluate_attribution(GOLD, [("seed", seed)], ctx)
    assert report.fields["pairs"]["precision"] == 1.0
    assert report.fields["pairs"]["recall"] == 1.0
    assert report.fields["hedged"]["accuracy"] == 1.0
