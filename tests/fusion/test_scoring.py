"""Pair scoring rules of ``marsad.fusion.scoring``: what makes two reports one incident.

Reports are built from real ``Event`` models (the contract), varied one field at a time, and
scored with the real ``fusion.yaml``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.fusion.builders import ARIHA, CIVILIANS, DAY, MAARAT, SYRIA_ARMY, strike_report

from marsad.fusion.report import Report, evidence_script
from marsad.fusion.scoring import actor_score, date_score, match_score, place_score
from marsad.fusion.settings import load_fusion_settings
from marsad.model import Actor, DateRange, Location

RUSSIA = Actor(name="Military Forces of Russia (2000-)", inter=8)
ENGLISH = "Warplanes struck a residential building in Ariha, killing five civilians."
ARABIC = "قتل خمسة مدنيين بغارة جوية استهدفت بناءً سكنياً في مدينة أريحا"


def report(doc: str = "a", evidence: str = ENGLISH, **changes: Any) -> Report:
    """A report of an air strike on civilians in Ariha on ``DAY``; ``changes`` replace Event
    fields."""
    return strike_report(doc, evidence, **{"actor2": CIVILIANS, **changes})


@pytest.mark.parametrize(("first", "second", "expected"), [
    # Civilians are named by nearly every strike report: sharing them is no evidence.
    ({"actor1": SYRIA_ARMY}, {"actor1": RUSSIA}, 0.0),
    ({"actor1": None}, {"actor1": RUSSIA}, 0.5),
    ({"actor1": SYRIA_ARMY}, {"actor1": SYRIA_ARMY}, 1.0),
    ({"actor1": None}, {"actor1": None}, 0.5),
])
def test_actor_score_ignores_victims(first: dict[str, Any], second: dict[str, Any],
                                     expected: float) -> None:
    assert actor_score(report("a", **first), report("b", **second)) == expected


@pytest.mark.parametrize(("first", "second", "expected"), [
    (DateRange(start=DAY, end=DAY, precision=1), None, None),  # undated meets undated only
    (None, None, 0.5),
    (DateRange(start=DAY, end=DAY, precision=1), DateRange(start=DAY, end=DAY, precision=1), 1.0),
    (DateRange(start=DAY, end=DAY, precision=1),
     DateRange(start=DAY + dt.timedelta(days=5), end=DAY + dt.timedelta(days=5), precision=1),
     None),
])
def test_date_score(first: DateRange | None, second: DateRange | None,
                    expected: float | None) -> None:
    settings = load_fusion_settings()
    assert date_score(report("a", date=first), report("b", date=second), settings) == expected
    assert date_score(report("b", date=second), report("a", date=first), settings) == expected


@pytest.mark.parametrize(("second", "joins"), [
    (ARIHA, True),
    (ARIHA.model_copy(update={"name": "Ariha east", "lat": 35.8129, "lon": 36.6679}), True),
    (MAARAT, False),  # 19 km: two towns, two incidents
    (Location(name="Idlib", iso3="SYR", admin1="Idlib", precision=3), True),
    (Location(name="Aleppo", iso3="SYR", admin1="Aleppo", precision=3), False),
])
def test_place_limits(second: Location, joins: bool) -> None:
    score = place_score(report("a"), report("b", location=second), load_fusion_settings())
    assert (score is not None) == joins


@pytest.mark.parametrize(("text", "script"), [
    (ENGLISH, "latin"), (ARABIC, "arabic"), ("قصف على Ariha في ريف إدلب", "arabic"), ("", "latin"),
])
def test_evidence_script(text: str, script: str) -> None:
    assert evidence_script(text.casefold()) == script


def test_cross_lingual_pairs_are_scored_on_structured_fields() -> None:
    """An Arabic and an English report of one strike: text overlap is not counted."""
    settings = load_fusion_settings()
    weights = settings.weights
    english, arabic = report("en"), report("ar", evidence=ARABIC)
    assert (english.script, arabic.script) == ("latin", "arabic")
    structured = sum(weights.values()) - weights["text"]
    # type, place, date, actors, fatalities all agree: the full structured score.
    assert match_score(english, arabic, settings) == pytest.approx(structured / structured)
    # Within one script the (zero-overlap) text would have pulled the same pair down.
    latin_arabic = report("ar2", evidence="qtl khmsa mdnyyn bghara jwya")
    assert match_score(english, latin_arabic, settings) < 0.9  # type: ignore[operator]


def test_same_document_never_matches() -> None:
    assert match_score(report("a"), report("a"), load_fusion_settings()) is None
