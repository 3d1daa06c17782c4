"""A document restating its own report: one voice per incident, no decoy incidents.

Hand-built events (the contract models) scored with the real ``fusion.yaml``, plus the
written Khan Shaykhun reports through the real pipeline: Enab Baladi's article names the
town's capture and, restating it, the clashes before it; without restatements the clash
started a second incident.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.fusion.builders import DAY, MAARAT, STRIKE, strike_report

from marsad.evaluation.incidents import lead_event
from marsad.fusion import fuse_results
from marsad.fusion.cluster import Clusterer, cluster_reports
from marsad.fusion.incident import build_incident
from marsad.fusion.report import Report
from marsad.fusion.scoring import explain, restates
from marsad.fusion.settings import FusionSettings, load_fusion_settings
from marsad.model import (
    Actor,
    DateRange,
    DocumentResult,
)

REBELS = Actor(name="Opposition Rebels (Syria)", inter=2)


def report(doc: str, position: int = 0, evidence: str = STRIKE, **changes: Any) -> Report:
    """An air strike on Ariha on ``DAY`` as event ``position`` of document ``doc``."""
    return strike_report(doc, evidence, position, load_fusion_settings().victim_inters,
                         **changes)


def restating(settings: FusionSettings) -> FusionSettings:
    return settings.with_restatement(enabled=True)


@pytest.mark.parametrize(("later", "restated"), [
    (report("a", 1, "The strike destroyed the building.", fatalities=None), True),
    (report("a", 1, sub_event_type="Shelling/artillery/missile attack"), True),  # vague source
    (report("a", 1, actor1=REBELS), False),  # named sides contradict: another event
    (report("a", 1, location=MAARAT), False),  # 19 km away: another strike
    (report("a", 1, date=DateRange(start=DAY - dt.timedelta(days=7),
                                   end=DAY - dt.timedelta(days=7), precision=1)), False),
    (report("a", 1, sub_event_type="Peaceful protest", event_type="Protests",
            disorder_type="Demonstrations"), False),
    (report("b", 1), False),  # another document: a match, not a restatement
])
def test_restates(later: Report, restated: bool) -> None:
    settings = restating(load_fusion_settings())
    assert (restates(later, report("a"), settings) is not None) == restated
    assert restates(later, report("a"), settings.with_restatement(enabled=False)) is None


def test_restatement_joins_its_event_instead_of_a_decoy_incident() -> None:
    """Document b's lead scores higher with a's restatement than with a's lead; without
    restatements that restatement is a decoy incident and b's lead joins it, apart from a's."""
    detail = "Regime warplanes struck a residential building in Ariha, killing five people."
    first = report("a", 0, "Ariha came under fire on Monday.", fatalities=None,
                   sub_event_type="Shelling/artillery/missile attack")
    restated, other = report("a", 1, detail), report("b", 0, detail)
    settings = load_fusion_settings()
    apart = cluster_reports([first, restated, other], settings.with_restatement(enabled=False))
    together = cluster_reports([first, restated, other], restating(settings))
    assert [len(c.members) for c in apart] == [1, 2]
    assert [[m.event_id for m in c.members] for c in together] == [
        ["ev-a-0", "ev-a-1", "ev-b-0"]]
    assert [m.event_id for m in together[0].voices] == ["ev-a-0", "ev-b-0"]


def test_two_events_of_one_document_stay_apart() -> None:
    settings = restating(load_fusion_settings())
    clusters = cluster_reports([report("a", 0), report("a", 1, location=MAARAT)], settings)
    assert len(clusters) == 2


def test_preloaded_incident_has_one_voice_per_document() -> None:
    """Stored incidents reload with the same voices as when they were built (incremental)."""
    settings = restating(load_fusion_settings())
    built = cluster_reports([report("a", 0), report("a", 1, fatalities=None)], settings)[0]
    clusterer = Clusterer(settings)
    clusterer.preload(built.incident_id, zip(built.members, built.scores, strict=True))
    assert [m.event_id for m in clusterer.clusters[0].voices] == ["ev-a-0"]
    assert clusterer.add(report("b", 0)) is clusterer.clusters[0]


def test_restatement_keeps_its_document_toll() -> None:
    """A restatement without a toll does not erase its document's toll from the estimate."""
    settings = restating(load_fusion_settings())
    members = [report("a", 0), report("a", 1, "The strike destroyed the building.",
                                      fatalities=None)]
    (cluster,) = cluster_reports(members, settings)
    incident = build_incident(cluster, settings)
    assert incident.fatalities is not None and incident.fatalities.best == 5


@pytest.mark.parametrize(("second", "veto", "present"), [
    (report("b"), "", ["type", "place", "date", "actors", "fatalities", "text"]),
    (report("b", location=MAARAT), "place", ["type", "date", "actors", "fatalities", "text"]),
    (report("a", 1), "same document", ["type", "place", "date", "actors", "fatalities",
                                       "text"]),
])
def test_explain_names_the_veto(second: Report, veto: str, present: list[str]) -> None:
    why = explain(report("a"), second, load_fusion_settings())
    assert why.veto == veto
    assert [name for name, value in why.components.items() if value is not None] == present
    assert (why.score is None) == bool(veto)


def test_written_capture_reports_form_one_incident(results: dict[str, DocumentResult]) -> None:
    """Real pipeline: the three Khan Shaykhun reports (one restates itself) fuse into one."""
    chosen = [results[doc] for doc in ("w-khanshaykhun-sana", "w-khanshaykhun-sohr",
                                       "w-khanshaykhun-enab")]
    settings = load_fusion_settings()
    assert settings.restatement.enabled

    def lead_incidents(chosen_settings: FusionSettings) -> set[str]:
        incident_of = {m.event_id: i.incident_id for i in fuse_results(chosen, chosen_settings)
                       for m in i.members}
        return {incident_of[lead.event_id] for result in chosen
                if (lead := lead_event(result)) is not None}

    assert len(lead_incidents(settings)) == 1
    assert len(lead_incidents(settings.with_restatement(enabled=False))) == 2
