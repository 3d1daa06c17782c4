"""Score geocoding against a gold set of place mentions with true coordinates (issue #7).

Gold format (``tests/gold/places/*.jsonl``), one document per line::

    {"id": ..., "text": ...} or {"id": ..., "doc": {"file": <path relative to the gold
     file>, "id": <record id in that JSON Lines file>}, "sha256": <hash of the text>},
    "places": [{"begin", "end", "value", "name", "lat", "lon", "geonameid",
                "coord_source", "relative"}]}

Why pointers to the text: the re3d subsets carry different licences (BBC is non-commercial),
so the gold holds offsets and coordinates, not copies of the articles.

Each document is run through the place extractor alone (spaCy + gazetteer ruler +
``find_places``) on its raw text, so gold offsets index our spans directly. A gold mention
is matched to the predicted mention that overlaps it most; none overlapping is a miss.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.errors import MarsadError
from marsad.evaluation.metrics import ratio
from marsad.evaluation.report import EvalReport

if TYPE_CHECKING:
    from marsad.context import Context
    from marsad.extractors.places import PlaceMention

EXACT_KM = 1.0
"""Gold points without a GeoNames id count as exact within this distance (rounding)."""
NEAR_KM = 5.0
FIELD_KM = 161.0
"""The geoparsing literature's usual cut-off (100 miles), as in Mordecai and GeoNorm."""

DEFINITIONS = {
    "all": "every gold mention; countries and provinces are placed at their capital",
    "subnational": "gold mentions below country level (cities, towns, camps, provinces...)",
    "relative": "gold mentions that are relative ('west of Damascus'): truth is the anchor; "
                "precision2 = share we marked precision 2",
    "matching": "a gold mention is found when one of our place spans overlaps it (the most "
                "overlapping wins); exact = same GeoNames id, or within 1 km when the gold "
                "point is not a GeoNames entry",
}


@dataclass(frozen=True)
class GoldPlace:
    """One gold place mention."""

    begin: int
    end: int
    value: str
    lat: float
    lon: float
    geonameid: int | None
    country_level: bool
    relative: bool


@dataclass(frozen=True)
class PlacesRow:
    """One gold document with the place mentions we found in it."""

    record_id: str
    gold: list[GoldPlace]
    predicted: list[PlaceMention]


def is_places_gold(record: dict[str, Any]) -> bool:
    """Tell whether a record is a geocoding gold document."""
    return isinstance(record.get("places"), list) and ("text" in record or "doc" in record)


def gold_places(record: dict[str, Any]) -> list[GoldPlace]:
    """Parse a record's gold mentions (raises ``MarsadError`` on a malformed entry)."""
    try:
        return [GoldPlace(begin=int(p["begin"]), end=int(p["end"]), value=str(p["value"]),
                          lat=float(p["lat"]), lon=float(p["lon"]),
                          geonameid=int(p["geonameid"]) if p.get("geonameid") else None,
                          country_level="country" in str(p.get("coord_source", "")),
                          relative=bool(p.get("relative", False)))
                for p in record["places"]]
    except (KeyError, TypeError, ValueError) as err:
        raise MarsadError(f"bad gold place entry: {err}") from err


def document_text(record: dict[str, Any], gold_path: Path,
                  documents: dict[Path, dict[str, str]]) -> str:
    """Return the record's text: inline, or read from the file its ``doc`` pointer names.

    ``documents`` caches each pointed-to file's ``{id: text}``; the text's sha256 must match
    the record's, so a changed source file cannot silently shift the gold offsets.
    """
    if "text" in record:
        return str(record["text"])
    pointer = record["doc"]
    source = (gold_path.parent / str(pointer["file"])).resolve()
    if source not in documents:
        if not source.is_file():
            raise MarsadError(f"{gold_path.name}: the documents file {source} is missing")
        lines = source.read_text(encoding="utf-8").splitlines()
        documents[source] = {str(d["id"]): str(d["text"]) for d in map(json.loads, lines) if d}
    text = documents[source].get(str(pointer["id"]))
    if text is None:
        raise MarsadError(f"no document {pointer['id']!r} in {source.name}")
    expected = record.get("sha256")
    if expected and hashlib.sha256(text.encode("utf-8")).hexdigest() != expected:
        raise MarsadError(f"document {pointer['id']!r} in {source.name} has changed "
                          "(sha256 differs): the gold offsets no longer apply")
    return text


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2)
         * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def best_match(gold: GoldPlace, predicted: Iterable[PlaceMention]) -> PlaceMention | None:
    """The predicted mention overlapping the gold span most (first on ties), or None."""
    best: PlaceMention | None = None
    best_overlap = 0
    for mention in predicted:
        overlap = min(gold.end, mention.end_char) - max(gold.begin, mention.start_char)
        if overlap > best_overlap:
            best, best_overlap = mention, overlap
    return best


@dataclass
class _Tally:
    n: int = 0
    missed: int = 0
    exact: int = 0
    within5: int = 0
    within161: int = 0
    precision2: int = 0

    def add(self, gold: GoldPlace, mention: PlaceMention | None) -> None:
        self.n += 1
        location = mention.location if mention is not None else None
        if location is None or location.lat is None or location.lon is None:
            self.missed += 1
            return
        km = km_between(gold.lat, gold.lon, location.lat, location.lon)
        same_id = gold.geonameid is not None and location.geonameid == gold.geonameid
        self.exact += same_id or (gold.geonameid is None and km <= EXACT_KM)
        self.within5 += km <= NEAR_KM
        self.within161 += km <= FIELD_KM
        self.precision2 += location.precision == 2

    def metrics(self) -> dict[str, float]:
        return {"n": float(self.n), "exact": ratio(self.exact, self.n),
                "within_5km": ratio(self.within5, self.n),
                "within_161km": ratio(self.within161, self.n),
                "missed": ratio(self.missed, self.n), "n_missed": float(self.missed)}


def score_places(rows: Sequence[PlacesRow]) -> EvalReport:
    """Exact-match, within-5-km, within-161-km and missed shares, overall and by subset."""
    tallies = {"all": _Tally(), "subnational": _Tally(), "relative": _Tally()}
    errors: list[str] = []
    for row in rows:
        for gold in row.gold:
            mention = best_match(gold, row.predicted)
            tallies["all"].add(gold, mention)
            if not gold.country_level:
                tallies["subnational"].add(gold, mention)
            if gold.relative:
                tallies["relative"].add(gold, mention)
            if mention is None or mention.location.lat is None or mention.location.lon is None:
                errors.append(f"{row.record_id}: missed {gold.value!r}")
            elif km_between(gold.lat, gold.lon, mention.location.lat,
                            mention.location.lon) > NEAR_KM:
                errors.append(f"{row.record_id}: {gold.value!r} -> {mention.location.name} "
                              f"({mention.location.country})")
    fields = {name: tally.metrics() for name, tally in tallies.items()}
    fields["relative"]["precision2"] = ratio(tallies["relative"].precision2,
                                             tallies["relative"].n - tallies["relative"].missed)
    return EvalReport(dataset="places", n_records=len(rows), n_documents=len(rows),
                      fields=fields, definitions=DEFINITIONS,
                      warnings=[f"wrong or missed: {line}" for line in errors])


def evaluate_places(path: Path, records: Sequence[tuple[str, dict[str, Any]]], ctx: Context,
                    progress: Callable[[int], None] | None = None) -> EvalReport:
    """Geocode each gold document with ``ctx`` and score it; ``records`` are (origin, data).

    A record whose text or gold cannot be read is skipped with a warning naming it.
    """
    import time

    from marsad.extractors.places import find_places  # the core, loaded only to run it

    warnings: list[str] = []
    documents: dict[Path, dict[str, str]] = {}
    rows: list[PlacesRow] = []
    started = time.perf_counter()
    for origin, data in records:
        if not is_places_gold(data):
            warnings.append(f"{origin}: skipped: not a places gold record")
            continue
        try:
            text, gold = document_text(data, path, documents), gold_places(data)
        except MarsadError as err:
            warnings.append(f"{origin}: skipped: {err}")
            continue
        rows.append(PlacesRow(record_id=str(data.get("id") or origin), gold=gold,
                              predicted=find_places(ctx.nlp(text), ctx.gazetteer)))
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - started
    return score_places(rows).timed(path, seconds, len(rows), warnings)
