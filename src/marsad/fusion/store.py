"""Read events for fusion and write incidents: the database side of ``marsad fuse``.

Incremental by watermark: ``fusion_runs`` records the last document (by ingest order) fused,
so a run reads only documents stored since, preloads the stored incidents whose dates they
could join, and rewrites only the incidents that changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, delete, func, insert, or_, select

from marsad.fusion.cluster import Cluster, Clusterer
from marsad.fusion.incident import build_incident
from marsad.fusion.model import Incident
from marsad.fusion.report import Report, make_report
from marsad.fusion.settings import FusionSettings
from marsad.model import Document, DocumentResult, Event
from marsad.store import Store
from marsad.store.tables import documents, events, fusion_runs, incident_members, incidents

# Ingest order of an event: document surrogate id, then position in the document.
ORDER_STRIDE = 100_000


@dataclass
class FuseSummary:
    """What a fusion run did, for the closing line on stderr."""

    events: int = 0
    created: int = 0
    updated: int = 0
    incidents: int = 0
    settings_changed: bool = False

    def line(self) -> str:
        text = (f"marsad: {self.events} new events fused, {self.created} incidents created, "
                f"{self.updated} updated, {self.incidents} incidents in the store")
        if self.settings_changed:
            text += " (fusion.yaml changed since the last run: use --rebuild to refuse all)"
        return text


def settings_hash(settings: FusionSettings) -> str:
    """Fingerprint the settings, so a run can tell that old incidents used other ones."""
    dumped = json.dumps(settings.model_dump(mode="json"), sort_keys=True)
    return hashlib.sha256(dumped.encode("utf-8")).hexdigest()[:16]


def fuse_store(store: Store, settings: FusionSettings, *, rebuild: bool = False) -> FuseSummary:
    """Fuse the events stored since the last run into incidents, in one transaction."""
    summary = FuseSummary()
    with store.engine.connect() as connection, connection.begin():
        if rebuild:
            connection.execute(delete(incident_members))
            connection.execute(delete(incidents))
            connection.execute(delete(fusion_runs))
        watermark, previous_hash = _watermark(connection)
        current_hash = settings_hash(settings)
        summary.settings_changed = previous_hash not in (None, current_hash)
        new = list(_reports_after(connection, watermark, settings.victim_inters))
        clusterer = Clusterer(settings)
        if new:
            _preload(connection, clusterer, new)
        preloaded = {cluster.incident_id for cluster in clusterer.clusters}
        for report in new:
            clusterer.add(report)
        changed = [cluster for cluster in clusterer.clusters if cluster.changed]
        _write(connection, changed, settings)
        summary.events = len(new)
        summary.created = sum(c.incident_id not in preloaded for c in changed)
        summary.updated = len(changed) - summary.created
        last = connection.scalar(select(func.max(documents.c.id))) or 0
        connection.execute(insert(fusion_runs), [{
            "fused_at": dt.datetime.now(dt.UTC), "last_document_id": max(last, watermark),
            "settings_hash": current_hash, "events_fused": len(new),
            "incidents_changed": len(changed)}])
        summary.incidents = int(connection.scalar(select(func.count()).select_from(incidents))
                                or 0)
    return summary


def iter_incidents(store: Store) -> Iterator[Incident]:
    """Yield every stored incident, earliest first."""
    query = select(incidents.c.record).order_by(incidents.c.date_start,
                                                incidents.c.incident_id)
    with store.engine.connect() as connection:
        for (record,) in connection.execution_options(yield_per=200).execute(query):
            yield Incident.model_validate(record)


def _watermark(connection: Connection) -> tuple[int, str | None]:
    row = connection.execute(select(fusion_runs.c.last_document_id, fusion_runs.c.settings_hash)
                             .order_by(fusion_runs.c.id.desc()).limit(1)).first()
    return (0, None) if row is None else (int(row[0]), str(row[1]))


def _reports_after(connection: Connection, watermark: int,
                   victim_inters: frozenset[int]) -> Iterator[Report]:
    """Yield the reports of documents stored after ``watermark``, in ingest order."""
    query = (select(documents.c.id, documents.c.result).where(documents.c.id > watermark)
             .order_by(documents.c.id))
    for surrogate, stored in connection.execution_options(yield_per=200).execute(query):
        result = DocumentResult.model_validate(stored)
        doc = result.doc.model_copy(update={"text": ""})  # fusion never reads the text
        for position, event in enumerate(result.events):
            yield make_report(surrogate * ORDER_STRIDE + position, doc, event, victim_inters)


def _preload(connection: Connection, clusterer: Clusterer, new: list[Report]) -> None:
    """Load the stored incidents that the new reports could join (dates within reach)."""
    dated = [r for r in new if r.start is not None and r.end is not None]
    slack = max(clusterer.settings.date_slack_days.values())
    conditions: list[ColumnElement[bool]] = [incidents.c.date_start.is_(None)]
    if dated:
        low = dt.date.fromordinal(min(r.start for r in dated if r.start) - 2 * slack)
        high = dt.date.fromordinal(max(r.end for r in dated if r.end) + 2 * slack)
        conditions.append((incidents.c.date_start <= high) & (incidents.c.date_end >= low))
    wanted = select(incidents.c.incident_id).where(or_(*conditions))
    query = (select(incident_members.c.incident_id, incident_members.c.position,
                    incident_members.c.score, events.c.record, documents.c.id,
                    documents.c.doc_id, documents.c.outlet, documents.c.published,
                    documents.c.url, documents.c.title)
             .join(events, events.c.event_id == incident_members.c.event_id)
             .join(documents, documents.c.doc_id == events.c.doc_id)
             .where(incident_members.c.incident_id.in_(wanted))
             .order_by(incident_members.c.incident_id, incident_members.c.position))
    grouped: dict[str, list[tuple[Report, float]]] = defaultdict(list)
    for row in connection.execute(query):
        doc = Document(id=row.doc_id, outlet=row.outlet, published=row.published, url=row.url,
                       title=row.title, text="")
        event = Event.model_validate(row.record)
        grouped[row.incident_id].append(
            (make_report(row.id * ORDER_STRIDE + row.position, doc, event,
                         clusterer.settings.victim_inters), row.score))
    for incident_id in sorted(grouped, key=lambda key: grouped[key][0][0].order):
        clusterer.preload(incident_id, grouped[incident_id])


def _write(connection: Connection, changed: list[Cluster], settings: FusionSettings) -> None:
    """Replace the rows of every changed incident (members in joining order)."""
    if not changed:
        return
    ids = [cluster.incident_id for cluster in changed]
    now = dt.datetime.now(dt.UTC)
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        connection.execute(delete(incident_members).where(
            incident_members.c.incident_id.in_(part)))
        connection.execute(delete(incidents).where(incidents.c.incident_id.in_(part)))
    rows, member_rows = [], []
    for cluster in changed:
        incident = build_incident(cluster, settings)
        rows.append(_incident_row(incident, now))
        member_rows += [{"event_id": report.event_id, "incident_id": cluster.incident_id,
                         "doc_id": report.doc_id, "position": position, "score": score}
                        for position, (report, score) in enumerate(
                            zip(cluster.members, cluster.scores, strict=True))]
    connection.execute(insert(incidents), rows)
    connection.execute(insert(incident_members), member_rows)


def _incident_row(incident: Incident, now: dt.datetime) -> dict[str, object]:
    date, place, deaths = incident.date, incident.location, incident.fatalities
    return {
        "incident_id": incident.incident_id, "sub_event_type": incident.sub_event_type,
        "event_type": incident.event_type, "disorder_type": incident.disorder_type,
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "location": place.name if place else None, "admin1": place.admin1 if place else None,
        "country": place.country if place else None, "iso3": place.iso3 if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "actor1": incident.actor1.name if incident.actor1 else None,
        "actor2": incident.actor2.name if incident.actor2 else None,
        "fatalities_low": deaths.low if deaths else None,
        "fatalities_best": deaths.best if deaths else None,
        "fatalities_high": deaths.high if deaths else None,
        "grade": incident.grade, "member_count": len(incident.members),
        "source_count": len(incident.sources), "updated_at": now,
        "record": incident.model_dump(mode="json", by_alias=True),
    }
