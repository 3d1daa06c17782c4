"""Incident fusion: reports of one event from several documents become one incident.

``fuse_results`` clusters in memory (evaluation, notebooks); ``fuse_store`` (in ``store``)
fuses a database incrementally; ``write_incident_export`` writes incidents in every export
format.
"""

from __future__ import annotations

from collections.abc import Iterable

from marsad.fusion.cluster import cluster_reports
from marsad.fusion.export import write_incident_export
from marsad.fusion.incident import build_incident
from marsad.fusion.model import Incident
from marsad.fusion.report import make_report
from marsad.fusion.settings import FusionSettings, load_fusion_settings
from marsad.model import DocumentResult

ORDER_STRIDE = 100_000


def fuse_results(results: Iterable[DocumentResult],
                 settings: FusionSettings | None = None) -> list[Incident]:
    """Fuse the events of ``results`` (in the order given) into incidents."""
    chosen = settings or load_fusion_settings()
    reports = [make_report(number * ORDER_STRIDE + position, result.doc, event,
                           chosen.victim_inters)
               for number, result in enumerate(results)
               for position, event in enumerate(result.events)]
    return [build_incident(cluster, chosen) for cluster in cluster_reports(reports, chosen)]


__all__ = ["FusionSettings", "Incident", "fuse_results", "load_fusion_settings",
           "write_incident_export"]
