"""The multilingual sentence encoder in fusion (issue #13 item 5): real USE model, no mocks.

What must hold: an English sentence and its Arabic paraphrase are closer than unrelated
sentences; an EN/AR pair that the structured fields alone leave below the threshold is linked
once the encoder scores their evidence; switched off (``fusion.yaml`` or
``MARSAD_FUSION_ENCODER=off``) fusion scores exactly as before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.fusion.builders import DAY, strike_report

from marsad.errors import MarsadError
from marsad.fusion.blocking import BlockIndex
from marsad.fusion.cluster import Clusterer, cluster_reports
from marsad.fusion.report import Report
from marsad.fusion.scoring import match_score
from marsad.fusion.semantic import EvidenceVectors, semantic_score
from marsad.fusion.settings import ENCODER_ENV, EncoderSettings, load_fusion_settings
from marsad.model import DateRange, Location

IDLIB_PROVINCE = Location(name="Idlib", iso3="SYR", admin1="Idlib", precision=3)
ENGLISH = "Warplanes struck a residential building in Ariha, killing five civilians."
ARABIC = "قتل خمسة مدنيين بغارة جوية استهدفت بناءً سكنياً في مدينة أريحا"

# (English, its Arabic paraphrase, an unrelated Arabic sentence)
PARAPHRASES = [
    (ENGLISH, ARABIC, "أعلن البنك المركزي رفع أسعار الفائدة نصف نقطة يوم الثلاثاء"),
    ("A car bomb exploded near the main market in Azaz, killing eight people.",
     "انفجرت سيارة مفخخة قرب السوق الرئيسي في مدينة اعزاز ما أدى إلى مقتل ثمانية أشخاص",
     "افتتحت وزارة التربية عشر مدارس جديدة في ريف دمشق"),
    ("Security forces arrested twelve young men during a raid in Tafas.",
     "اعتقلت قوات الأمن اثني عشر شاباً خلال حملة مداهمة في بلدة طفس",
     "انفجرت سيارة مفخخة قرب السوق الرئيسي في مدينة اعزاز"),
]


def report(doc: str, evidence: str, **changes: Any) -> Report:
    """A report of an air strike in Ariha on ``DAY``; ``changes`` replace Event fields."""
    return strike_report(doc, evidence, **changes)


def weak_arabic(evidence: str) -> Report:
    """An Arabic report whose structured fields only weakly agree with ``report("en", ...)``:
    another (compatible) sub-type, a day later, the province only, no actor, no toll.

    Structured score 0.59, with the encoder 0.63: either side of the 0.60 threshold (two
    days later, 0.55 / 0.59, links no longer since the threshold rose from 0.55; that
    stress case is in docs/benchmarks.md, "Incident fusion")."""
    later = DAY + dt.timedelta(days=1)
    return report("ar", evidence, sub_event_type="Shelling/artillery/missile attack",
                  event_type="Explosions/Remote violence", location=IDLIB_PROVINCE,
                  date=DateRange(start=later, end=later, precision=1), actor1=None,
                  fatalities=None)


@pytest.mark.parametrize(("english", "arabic", "unrelated"), PARAPHRASES)
def test_paraphrase_across_scripts_scores_above_unrelated(english: str, arabic: str,
                                                          unrelated: str) -> None:
    vectors = EvidenceVectors()
    first, same, other = report("en", english), report("ar", arabic), report("x", unrelated)
    assert vectors.cosine(first, same) > vectors.cosine(first, other) + 0.2
    encoder = load_fusion_settings().encoder
    assert semantic_score(vectors.cosine(first, same), encoder) > semantic_score(
        vectors.cosine(first, other), encoder)


def test_each_sentence_is_encoded_once_per_run() -> None:
    vectors = EvidenceVectors()
    reports = [report("a", ENGLISH), report("b", ENGLISH), report("c", ARABIC)]
    vectors.prefetch(reports)
    vectors.prefetch(reports)
    assert vectors.cosine(reports[0], reports[1]) == pytest.approx(1.0, abs=1e-5)
    assert vectors.encoded == 2  # two distinct sentences, encoded in one batch


@pytest.mark.parametrize(("cosine", "expected"), [
    (-0.3, 0.0), (0.35, 0.0), (0.55, 0.5), (0.75, 1.0), (0.95, 1.0)])
def test_cosine_ramp(cosine: float, expected: float) -> None:
    assert semantic_score(cosine, EncoderSettings(floor=0.35, full=0.75)) == \
        pytest.approx(expected)


@pytest.mark.parametrize(("arabic", "linked_with_encoder"), [
    (ARABIC, True),  # the same strike in Arabic: the evidence lifts the pair over the line
    ("اعتقلت قوات الأمن اثني عشر شاباً خلال حملة مداهمة في ريف إدلب", False),
])
def test_encoder_links_a_pair_the_structured_match_leaves_below_threshold(
        arabic: str, linked_with_encoder: bool) -> None:
    on = load_fusion_settings().with_encoder(enabled=True)
    off = on.with_encoder(enabled=False)
    english, other = report("en", ENGLISH), weak_arabic(arabic)
    structured = match_score(english, other, off)
    assert structured is not None and structured < off.threshold
    assert len(cluster_reports([english, other], off)) == 2
    assert (len(cluster_reports([english, other], on)) == 1) == linked_with_encoder


@pytest.mark.parametrize("weight", [0.5, 1.5, 3.0])
def test_screening_bound_covers_the_encoder_weight(weight: float) -> None:
    """``BlockIndex.screen`` bounds the exact score even when the encoder outweighs words."""
    settings = load_fusion_settings().with_encoder(enabled=True, weight=weight)
    english, arabic = report("en", ENGLISH), weak_arabic(ARABIC)  # structured: imperfect
    index = BlockIndex(settings)
    index.add(english, 0)
    ((bound, incident),) = index.screen(arabic)
    exact = match_score(arabic, english, settings, vectors=EvidenceVectors())
    assert incident == 0 and exact is not None and settings.threshold <= exact <= bound


def test_switched_off_scores_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off by environment: no vectors, and cross-script pairs average the structured fields."""
    monkeypatch.setenv(ENCODER_ENV, "off")
    settings = load_fusion_settings()
    assert not settings.encoder.enabled
    assert Clusterer(settings).vectors is None
    english, arabic = report("en", ENGLISH), weak_arabic(ARABIC)
    weights = settings.weights
    structured = match_score(english, arabic, settings, vectors=EvidenceVectors())
    total = sum(weights.values()) - weights["text"]
    # A day apart, exact days (slack 1 + 1): 0.6 * (1 - (1 - 1) / 3) = 0.6.
    parts = {"type": 0.7, "date": 0.6, "place": 0.6, "actors": 0.5, "fatalities": 0.5}
    assert structured == pytest.approx(sum(weights[k] * v for k, v in parts.items()) / total)
    # Same-script pairs keep the word score whether or not the encoder is on.
    on = settings.with_encoder(enabled=True)
    latin = report("b", ENGLISH.replace("five", "six"))
    assert match_score(english, latin, settings) == match_score(english, latin, on,
                                                                vectors=EvidenceVectors())


@pytest.mark.parametrize(("value", "enabled"), [("off", False), ("OFF", False), ("0", False),
                                                ("on", True), ("", True)])
def test_environment_switch(monkeypatch: pytest.MonkeyPatch, value: str, enabled: bool) -> None:
    monkeypatch.setenv(ENCODER_ENV, value)
    assert load_fusion_settings().encoder.enabled is enabled


def test_bad_switch_and_bad_ramp_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENCODER_ENV, "maybe")
    with pytest.raises(MarsadError, match=ENCODER_ENV):
        load_fusion_settings()
    monkeypatch.delenv(ENCODER_ENV)
    with pytest.raises(ValueError, match="full"):
        load_fusion_settings().with_encoder(floor=0.8, full=0.5)
