"""Match score of two reports: could they describe the same real-world event, and how well?

Each component (type, place, date, actors, fatalities, text) scores in [0, 1]; the match score
is their weighted mean (weights in ``fusion.yaml``). Hard limits return None instead (a veto):
incompatible types, places farther apart than their precision allows, dates that cannot
overlap, two events of one document. Unknown values score a neutral 0.5-ish, never a veto,
because reports of one event often leave out different things; the one exception is a date:
a report with no date at all is compared with undated reports only (it cannot be placed in
time, and pairing it with everything of its country would be guessing).

Cross-lingual pairs (an Arabic and an English report, ``Report.script``): word overlap across
scripts is always ~0, so their text component is the multilingual sentence encoder's
similarity (``marsad.fusion.semantic``, ``encoder`` in ``fusion.yaml``) when it is on and the
caller passes the run's ``EvidenceVectors``; otherwise the text component is left out and the
structured ones are averaged (canonical English actor names, gazetteer places, ACLED types,
dates and tolls are language-independent by construction).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz

from marsad.fusion.report import Report
from marsad.fusion.semantic import EvidenceVectors, semantic_score
from marsad.fusion.settings import FusionSettings

EARTH_RADIUS_KM = 6371.0088
NEUTRAL = 0.5
# Place scores when one side is only known to the province or the country: the same province
# is plausible, never strong evidence.
SAME_ADMIN1 = 0.6
SAME_COUNTRY = 0.35
NO_PLACE = 0.3
# Date scores by the coarser precision of the pair when the ranges themselves overlap.
DATE_OVERLAP = {1: 1.0, 2: 0.8, 3: 0.6}
DISJOINT_ACTORS = 0.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def is_precise(report: Report) -> bool:
    """True when the report has coordinates we may measure distances with (precision 1-2)."""
    return report.lat is not None and report.lon is not None and report.geo_precision <= 2


def place_score(first: Report, second: Report, settings: FusionSettings) -> float | None:
    """Score by distance for precise places, by admin1 / country otherwise; None if apart."""
    if is_precise(first) and is_precise(second):
        limit = settings.distance_km[max(first.geo_precision, second.geo_precision)]
        distance = haversine_km(first.lat, first.lon, second.lat, second.lon)  # type: ignore[arg-type]
        return None if distance > limit else 1.0 - distance / limit
    if not (first.iso3 or second.iso3 or first.admin1 or second.admin1):
        return NO_PLACE
    if first.iso3 and second.iso3 and first.iso3 != second.iso3:
        return None
    if first.admin1 and second.admin1:
        return SAME_ADMIN1 if first.admin1 == second.admin1 else None
    if first.iso3 is None or second.iso3 is None:
        return None
    return SAME_COUNTRY


def date_score(first: Report, second: Report, settings: FusionSettings) -> float | None:
    """Score overlapping ranges by precision, near misses within the slack lower; else None."""
    if first.start is None or second.start is None:
        return NEUTRAL if first.start is None and second.start is None else None
    assert first.end is not None and second.end is not None
    gap = max(first.start, second.start) - min(first.end, second.end)
    if gap <= 0:
        return DATE_OVERLAP[max(first.date_precision, second.date_precision)]
    slack = (settings.date_slack_days[first.date_precision]
             + settings.date_slack_days[second.date_precision])
    if gap > slack:
        return None
    return 0.6 * (1.0 - (gap - 1) / (slack + 1))


def actor_score(first: Report, second: Report) -> float:
    """Shared actor: 1; both named but none shared: low (sources blame different sides)."""
    if not first.actors or not second.actors:
        return NEUTRAL
    return 1.0 if first.actors & second.actors else DISJOINT_ACTORS


def fatality_score(first: Report, second: Report, settings: FusionSettings) -> float:
    """Agreeing tolls: 1; otherwise the ratio of the smaller to the larger."""
    if first.deaths is None or second.deaths is None:
        return NEUTRAL
    low, high = sorted((first.deaths, second.deaths))
    rule = settings.fatality_agreement
    if high - low <= rule.absolute or low >= rule.ratio * high:
        return 1.0
    return low / high


def text_score(first: Report, second: Report) -> float:
    """Word-set similarity of the evidence sentences (rapidfuzz ``token_set_ratio``)."""
    return fuzz.token_set_ratio(first.evidence, second.evidence) / 100.0


def uses_encoder(first: Report, second: Report, settings: FusionSettings) -> bool:
    """Whether the sentence encoder scores this pair's text (``encoder.pairs``)."""
    encoder = settings.encoder
    return encoder.enabled and (encoder.pairs == "all" or first.script != second.script)


def text_part(first: Report, second: Report, settings: FusionSettings,
              vectors: EvidenceVectors | None) -> tuple[float, float]:
    """(weight, score) of the text component; weight 0 leaves it out of the mean."""
    if vectors is not None and uses_encoder(first, second, settings):
        encoder = settings.encoder
        semantic = semantic_score(vectors.cosine(first, second), encoder)
        if first.script != second.script:
            return encoder.weight, semantic
        return encoder.weight, (encoder.mix * semantic
                                + (1.0 - encoder.mix) * text_score(first, second))
    if first.script != second.script:  # cross-lingual, no encoder: structured components only
        return 0.0, 0.0
    return settings.weights["text"], text_score(first, second)


def match_score(first: Report, second: Report, settings: FusionSettings,
                type_part: float | None = None,
                vectors: EvidenceVectors | None = None,
                same_document: bool = False) -> float | None:
    """Return the weighted match score of two reports, or None when they cannot match.

    ``type_part`` may be passed in by callers that cache ``settings.type_score``;
    ``vectors`` (the run's evidence vectors) lets the sentence encoder score the text when
    ``settings.encoder`` is on; without it the pair is scored as with the encoder off.
    ``same_document=True`` lifts the same-document veto (restatement checks only).
    """
    if first.doc_id == second.doc_id and not same_document:
        return None
    if type_part is None:
        type_part = settings.type_score(first.sub_event_type, second.sub_event_type)
    if type_part == 0:
        return None
    date_part = date_score(first, second, settings)
    if date_part is None:
        return None
    place_part = place_score(first, second, settings)
    if place_part is None:
        return None
    weights = settings.weights
    total = (weights["type"] * type_part + weights["date"] * date_part
             + weights["place"] * place_part
             + weights["actors"] * actor_score(first, second)
             + weights["fatalities"] * fatality_score(first, second, settings))
    text_weight, text = text_part(first, second, settings, vectors)
    every = sum(weights.values())  # the usual denominator, kept exact when it applies
    return (total + text_weight * text) / (
        every if text_weight == weights["text"] else every - weights["text"] + text_weight)


@dataclass(frozen=True)
class PairExplanation:
    """Every component of a pair's match score and why it vetoes (for analysts and tools).

    ``components`` holds the scores of the components that were computed (a vetoed
    component is None); ``veto`` names the first hard limit that failed, else "".
    """

    components: dict[str, float | None]
    veto: str
    score: float | None


def explain(first: Report, second: Report, settings: FusionSettings,
            vectors: EvidenceVectors | None = None) -> PairExplanation:
    """Score ``first`` against ``second`` component by component (``match_score``'s reasons)."""
    type_part = settings.type_score(first.sub_event_type, second.sub_event_type)
    components: dict[str, float | None] = {
        "type": type_part, "place": place_score(first, second, settings),
        "date": date_score(first, second, settings), "actors": actor_score(first, second),
        "fatalities": fatality_score(first, second, settings),
        "text": text_part(first, second, settings, vectors)[1]}
    veto = ("same document" if first.doc_id == second.doc_id
            else "type" if type_part == 0
            else "date" if components["date"] is None
            else "place" if components["place"] is None else "")
    return PairExplanation(components, veto, match_score(first, second, settings,
                                                         vectors=vectors))


def restates(later: Report, earlier: Report, settings: FusionSettings) -> float | None:
    """Score with which ``later`` restates ``earlier`` of the same document, else None.

    Same rules as two documents' reports (``match_score``), stricter: the score must reach
    ``restatement.threshold`` and named actors must not contradict (``min_actors``).
    """
    rule = settings.restatement
    if not rule.enabled or later.doc_id != earlier.doc_id \
            or actor_score(later, earlier) < rule.min_actors:
        return None
    score = match_score(later, earlier, settings, same_document=True)
    return score if score is not None and score >= rule.threshold else None
