"""Write incidents in every export format (``marsad export --incidents``).

Rows are incidents: the consensus fields, the incident toll (never a sum over reports),
the grade and the independent sources. ``jsonl`` keeps the whole record (claims table and
disagreements); the flat formats join lists with "; ".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from marsad.errors import MarsadError
from marsad.export import (
    ACLED_COLUMNS,
    FORMATS,
    UCDP_COLUMNS,
    acled_event_date,
    date_prec,
    text_output,
    where_prec,
)
from marsad.fusion.model import Incident

INCIDENT_COLUMNS = (
    "incident_id", "disorder_type", "event_type", "sub_event_type", "date_start", "date_end",
    "date_precision", "location", "admin1", "admin2", "country", "iso3", "latitude",
    "longitude", "geo_precision", "actor1", "inter1", "actor2", "inter2", "fatalities_low",
    "fatalities_best", "fatalities_high", "grade", "member_count", "source_count", "sources",
    "event_ids", "doc_ids", "disagreements", "notes",
)

Row = dict[str, Any]


def write_incident_export(incidents: Iterable[Incident], fmt: str,
                          out: BinaryIO | TextIO | Path | str | None) -> int:
    """Write ``incidents`` as ``fmt`` to ``out`` (None: stdout); return the rows written."""
    if fmt not in FORMATS:
        raise MarsadError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _write_parquet(incidents, out)
    with text_output(out) as handle:
        if fmt == "jsonl":
            written = 0
            for incident in incidents:
                handle.write(incident.to_json() + "\n")
                written += 1
            return written
        if fmt == "geojson":
            return _write_geojson(incidents, handle)
        builders = {"csv": (incident_row, INCIDENT_COLUMNS),
                    "acled": (acled_incident_row, ACLED_COLUMNS),
                    "ucdp": (ucdp_incident_row, UCDP_COLUMNS)}
        build, columns = builders[fmt]
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        written = 0
        for incident in incidents:
            row = build(incident)
            writer.writerow([_cell(row[column]) for column in columns])
            written += 1
        return written


def incident_row(incident: Incident) -> Row:
    """Project an incident onto ``INCIDENT_COLUMNS``."""
    date, place, deaths = incident.date, incident.location, incident.fatalities
    return {
        "incident_id": incident.incident_id, "disorder_type": incident.disorder_type,
        "event_type": incident.event_type, "sub_event_type": incident.sub_event_type,
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "location": place.name if place else None, "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None, "country": place.country if place else None,
        "iso3": place.iso3 if place else None, "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "actor1": incident.actor1.name if incident.actor1 else None,
        "inter1": incident.actor1.inter if incident.actor1 else None,
        "actor2": incident.actor2.name if incident.actor2 else None,
        "inter2": incident.actor2.inter if incident.actor2 else None,
        "fatalities_low": deaths.low if deaths else None,
        "fatalities_best": deaths.best if deaths else None,
        "fatalities_high": deaths.high if deaths else None,
        "grade": incident.grade, "member_count": len(incident.members),
        "source_count": len(incident.sources), "sources": "; ".join(incident.sources),
        "event_ids": "; ".join(member.event_id for member in incident.members),
        "doc_ids": "; ".join(dict.fromkeys(member.doc_id for member in incident.members)),
        "disagreements": "; ".join(item.summary for item in incident.disagreements),
        "notes": incident.notes,
    }


def acled_incident_row(incident: Incident) -> Row:
    """Project an incident onto ACLED's columns: one row per incident, not per report."""
    flat = incident_row(incident)
    day = acled_event_date(incident.date)
    inters = sorted(code for code in (flat["inter1"], flat["inter2"]) if code)
    interaction = (inters[0] * 10 + (inters[1] if len(inters) > 1 else 0)) if inters else None
    return {
        "event_id_cnty": incident.incident_id, "event_date": day,
        "year": day.year if day else None, "time_precision": flat["date_precision"],
        "disorder_type": incident.disorder_type, "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type, "actor1": flat["actor1"],
        "assoc_actor_1": "", "inter1": flat["inter1"], "actor2": flat["actor2"],
        "assoc_actor_2": "", "inter2": flat["inter2"], "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if flat["inter2"] == 7 else "",
        "iso": None, "region": "", "country": flat["country"], "admin1": flat["admin1"],
        "admin2": flat["admin2"], "admin3": None, "location": flat["location"],
        "latitude": flat["latitude"], "longitude": flat["longitude"],
        "geo_precision": flat["geo_precision"], "source": flat["sources"],
        "source_scale": "Other", "notes": incident.notes,
        "fatalities": incident.fatalities.best if incident.fatalities else 0,
        "tags": incident.grade, "timestamp": None,
    }


def ucdp_incident_row(incident: Incident) -> Row:
    """Project an incident onto UCDP GED's columns (deaths unsplit: deaths_unknown)."""
    flat = incident_row(incident)
    deaths = incident.fatalities
    best = deaths.best if deaths else 0
    return {
        "id": incident.incident_id, "relid": incident.incident_id,
        "year": incident.date.start.year if incident.date else None, "type_of_violence": None,
        "side_a": flat["actor1"], "side_b": flat["actor2"],
        "source_article": flat["doc_ids"], "source_original": flat["sources"],
        "where_coordinates": flat["location"],
        "where_prec": where_prec(incident.location) if incident.location else None,
        "latitude": flat["latitude"], "longitude": flat["longitude"],
        "country": flat["country"], "adm_1": flat["admin1"], "adm_2": flat["admin2"],
        "date_start": flat["date_start"], "date_end": flat["date_end"],
        "date_prec": date_prec(incident.date) if incident.date else None,
        "deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": best,
        "best": best, "high": deaths.high if deaths else 0, "low": deaths.low if deaths else 0,
    }


def _write_geojson(incidents: Iterable[Incident], handle: TextIO) -> int:
    """A FeatureCollection of incidents with coordinates (no silent centroid for the rest)."""
    handle.write('{"type": "FeatureCollection", "features": [')
    written = 0
    for incident in incidents:
        place = incident.location
        if place is None or place.lat is None or place.lon is None:
            continue
        feature = {"type": "Feature", "id": incident.incident_id,
                   "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                   "properties": incident.model_dump(mode="json", by_alias=True)}
        handle.write(("\n" if written == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        written += 1
    handle.write("\n]}\n")
    return written


def _write_parquet(incidents: Iterable[Incident],
                   out: BinaryIO | TextIO | Path | str | None) -> int:
    import pandas as pd  # only this format needs it; keeps `marsad fuse` quick to start

    if out is None or isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
        raise MarsadError("parquet is a binary format: give an output file (-o incidents.parquet)")
    frame = pd.DataFrame.from_records([incident_row(i) for i in incidents],
                                      columns=list(INCIDENT_COLUMNS))
    frame = frame.astype({column: "Int64" for column in (
        "date_precision", "geo_precision", "inter1", "inter2", "fatalities_low",
        "fatalities_best", "fatalities_high", "member_count", "source_count")})
    frame = frame.astype({"latitude": "Float64", "longitude": "Float64",
                          "date_start": "datetime64[s]", "date_end": "datetime64[s]"})
    frame.to_parquet(out, index=False)
    return len(frame)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
