"""Score Arabic extraction against the Arabic gold set (issue #13).

Gold format (``tests/gold/arabic/arabic_gold.jsonl``), one document per line::

    {"id", "outlet", "published", "language": "ar", "text",
     "arabic_events": [{"sub_event_type", "place", "admin1", "date", "actor1",
                        "fatalities", "source", "cue"}]}

``place`` is an English gazetteer name with its governorate; the scorer puts it on the map
with the gazetteer (the Syrian candidate in that governorate), so a predicted place matches
when it is the same name or lies within 5 km. Only ``id``, ``outlet``, ``published`` and
``text`` reach the pipeline; the language is detected, not given.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.evaluation.metrics import ratio
from marsad.evaluation.report import EvalReport
from marsad.gazetteer import normalize_name
from marsad.model import DocumentResult, Event, SourceDocument

if TYPE_CHECKING:
    from marsad.context import Context

PLACE_KM = 5.0
DEFINITIONS = {
    "event": "a gold event is found by one predicted event (one to one) with the same "
             "sub-event type, the same place (name or within 5 km) and a date range "
             "containing the gold day",
    "place": "share of gold events whose place is the place of some predicted event of the "
             "document (name or within 5 km)",
    "casualty_exact": "matched events: predicted fatalities best == gold (none == none)",
    "source": "matched events: the first claim's source == gold source",
    "cue": "matched events: the first claim's cue == gold cue",
}


def is_arabic_gold(record: dict[str, Any]) -> bool:
    """Tell whether a record is an Arabic extraction gold document."""
    return isinstance(record.get("arabic_events"), list) and "text" in record


@dataclass(frozen=True)
class GoldPoint:
    """A gold place put on the map."""

    name: str
    lat: float | None
    lon: float | None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def gold_point(gold: dict[str, Any], ctx: Context) -> GoldPoint:
    """The gold place's coordinates: the Syrian gazetteer entry in the gold governorate."""
    places = [p for p in ctx.gazetteer.candidates(gold["place"]) if p.iso2 == "SY"]
    in_admin = [p for p in places if p.admin1 == gold.get("admin1")] or places
    if in_admin:
        return GoldPoint(gold["place"], in_admin[0].lat, in_admin[0].lon)
    return GoldPoint(gold["place"], gold.get("lat"), gold.get("lon"))


def same_place(event: Event, point: GoldPoint) -> bool:
    location = event.location
    if location is None:
        return False
    if normalize_name(location.name) == normalize_name(point.name):
        return True
    if None in (location.lat, location.lon, point.lat, point.lon):
        return False
    return _km(location.lat, location.lon, point.lat, point.lon) <= PLACE_KM  # type: ignore[arg-type]


def _matches(event: Event, gold: dict[str, Any], point: GoldPoint) -> bool:
    if event.sub_event_type != gold["sub_event_type"] or not same_place(event, point):
        return False
    day = gold["date"]
    return event.date is not None and \
        event.date.start.isoformat() <= day <= event.date.end.isoformat()


@dataclass
class _Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    place_found: int = 0
    casualty_exact: int = 0
    source_right: int = 0
    cue_right: int = 0


def score_document(result: DocumentResult, golds: Sequence[dict[str, Any]], ctx: Context,
                   tally: _Tally, warnings: list[str], record_id: str) -> None:
    """Align one document's events with its gold (greedy, one to one) and count."""
    tally.gold += len(golds)
    tally.predicted += len(result.events)
    free = list(result.events)
    for gold in golds:
        point = gold_point(gold, ctx)
        if any(same_place(event, point) for event in result.events):
            tally.place_found += 1
        found = next((event for event in free if _matches(event, gold, point)), None)
        if found is None:
            warnings.append(f"{record_id}: missed {gold['sub_event_type']} in {gold['place']} "
                            f"on {gold['date']}")
            continue
        free.remove(found)
        tally.matched += 1
        best = found.fatalities.best if found.fatalities else None
        tally.casualty_exact += best == gold.get("fatalities")
        claim = found.attribution[0] if found.attribution else None
        tally.source_right += claim is not None and claim.source == gold.get("source")
        tally.cue_right += claim is not None and claim.cue == gold.get("cue")
    for event in free:
        warnings.append(f"{record_id}: spurious {event.sub_event_type} in "
                        f"{event.location.name if event.location else '-'}")


def evaluate_arabic(path: Path, records: Sequence[tuple[str, dict[str, Any]]], ctx: Context,
                    progress: Callable[[int], None] | None = None) -> EvalReport:
    """Run the pipeline on each Arabic gold document and score events, places, tolls, sources."""
    from marsad.pipeline import process  # the core, loaded only to run it

    tally = _Tally()
    warnings: list[str] = []
    started = time.perf_counter()
    n_documents = 0
    for origin, data in records:
        if not is_arabic_gold(data):
            warnings.append(f"{origin}: skipped: not an Arabic gold record")
            continue
        source = SourceDocument(id=data.get("id"), outlet=data.get("outlet"),
                                published=data.get("published"), text=data["text"],
                                origin=origin)
        result = process(source, ctx)
        if result.doc.language != "ar":
            warnings.append(f"{origin}: language detected as {result.doc.language!r}")
        score_document(result, data["arabic_events"], ctx, tally, warnings,
                       str(data.get("id") or origin))
        n_documents += 1
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - started
    precision = ratio(tally.matched, tally.predicted)
    recall = ratio(tally.matched, tally.gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return EvalReport(
        dataset="arabic", path=str(path), n_records=n_documents, n_documents=n_documents,
        fields={
            "event": {"precision": precision, "recall": recall, "f1": f1,
                      "n_gold": tally.gold, "n_predicted": tally.predicted},
            "place": {"accuracy": ratio(tally.place_found, tally.gold), "n_gold": tally.gold},
            "casualty_exact": {"accuracy": ratio(tally.casualty_exact, tally.matched),
                               "n_matched": tally.matched},
            "source": {"accuracy": ratio(tally.source_right, tally.matched),
                       "n_matched": tally.matched},
            "cue": {"accuracy": ratio(tally.cue_right, tally.matched),
                    "n_matched": tally.matched},
        },
        definitions=DEFINITIONS, warnings=warnings, seconds=seconds,
        docs_per_second=n_documents / seconds if seconds else 0.0)
