"""Screening (``BlockIndex.screen``) must pick exactly what scoring every incident picks.

The reference below scores each report against *every* incident in Python (the definition
of average-linkage assignment); the clusterer screens in numpy and scores only the best
bounds. Reports are real pipeline results, cloned with small shifts of date and place so
that many clones land within each other's limits (and many just outside them).
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from marsad.fusion.cluster import Cluster, Clusterer, cluster_reports
from marsad.fusion.report import Report, make_report
from marsad.fusion.settings import load_fusion_settings
from marsad.model import DocumentResult


class EveryIncident(Clusterer):
    """Reference: score every incident in Python."""

    def _best(self, report: Report) -> tuple[int | None, float]:
        best, best_score = None, self.settings.threshold
        for position, cluster in enumerate(self.clusters):
            score = self._linkage(report, cluster)
            if score is not None and score >= best_score and (
                    best is None or score > best_score):
                best, best_score = position, score
        return best, best_score


ARABIC = "قتل مدنيون جراء قصف استهدف البلدة"


def shifted_reports(results: dict[str, DocumentResult], copies: int, seed: int) -> list[Report]:
    """Clones of every result, dates moved up to 5 days and places up to ~40 km; every third
    copy has Arabic evidence (the sentence encoder, or no text, against the others)."""
    rng = random.Random(seed)
    reports = []
    for copy in range(copies):
        for number, result in enumerate(results.values()):
            days = dt.timedelta(days=rng.randrange(-5, 6))
            d_lat, d_lon = rng.uniform(-0.35, 0.35), rng.uniform(-0.35, 0.35)
            doc = result.doc.model_copy(update={"id": f"{result.doc.id}-{copy}"})
            for position, event in enumerate(result.events):
                update: dict[str, object] = {"event_id": f"{event.event_id}-{copy}"}
                if copy % 3 == 2:  # an "Arabic report": cross-script pairs skip the text
                    update["evidence"] = event.evidence.model_copy(update={"text": ARABIC})
                if event.date:
                    update["date"] = event.date.model_copy(update={
                        "start": event.date.start + days, "end": event.date.end + days})
                place = event.location
                if place and place.lat is not None and place.lon is not None:
                    update["location"] = place.model_copy(update={
                        "lat": place.lat + d_lat, "lon": place.lon + d_lon})
                reports.append(make_report((copy * 100 + number) * 1000 + position, doc,
                                           event.model_copy(update=update)))
    return reports


def membership(clusters: list[Cluster]) -> list[tuple[list[str], list[float]]]:
    return [([m.event_id for m in cluster.members], cluster.scores) for cluster in clusters]


@pytest.mark.parametrize(("threshold", "seed", "encoder"), [
    (0.5, 1, {}), (0.5, 2, {}), (0.35, 3, {}), (0.7, 5, {}),
    # The encoder's weight above the word score's: the screening bound must follow it.
    (0.5, 6, {"enabled": True, "weight": 3.0}), (0.6, 7, {"enabled": False})])
def test_screening_assigns_like_scoring_every_incident(
        results: dict[str, DocumentResult], threshold: float, seed: int,
        encoder: dict[str, object]) -> None:
    settings = load_fusion_settings().with_threshold(threshold).with_encoder(**encoder)
    reports = shifted_reports(results, copies=10, seed=seed)
    reference = EveryIncident(settings)
    for report in reports:
        reference.add(report)
    screened = cluster_reports(reports, settings)
    assert sum(len(cluster.members) > 1 for cluster in screened) > 5  # merges do happen
    assert membership(screened) == membership(reference.clusters)
