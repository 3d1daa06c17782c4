"""Tests of the geocoding scorer (``marsad eval`` on tests/gold/places) on real files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from marsad.context import get_context
from marsad.errors import MarsadError
from marsad.evaluation import detect_dataset, evaluate_file
from marsad.evaluation.places import document_text, gold_places, km_between

GOLD = Path(__file__).resolve().parents[1] / "gold" / "places" / "re3d_places.jsonl"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "dev" / "re3d"

TEXT = "Airstrikes hit Douma and the Yarmouk camp on Monday, while Jordan stayed quiet."


def _place(text: str, value: str, lat: float, lon: float, geonameid: int | None) -> dict:
    begin = text.index(value)
    return {"begin": begin, "end": begin + len(value), "value": value, "lat": lat, "lon": lon,
            "geonameid": geonameid, "coord_source": "test", "relative": False}


@pytest.mark.parametrize(("gold", "expected"), [
    # right place by GeoNames id, and a wrong point 30 km off: exact 1/2, within 161 km 2/2
    ([_place(TEXT, "Douma", 33.5722, 36.4011, 170592),
      _place(TEXT, "the Yarmouk camp", 33.70, 36.30, None)],
     {"n": 2.0, "exact": 0.5, "within_5km": 0.5, "within_161km": 1.0, "missed": 0.0}),
    # a span we do not find at all ("Monday") is a miss
    ([_place(TEXT, "Monday", 33.5, 36.3, None)],
     {"n": 1.0, "exact": 0.0, "within_5km": 0.0, "within_161km": 0.0, "missed": 1.0}),
])
def test_scorer_counts_matches_and_misses(tmp_path: Path, gold: list[dict],
                                          expected: dict[str, float]) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "t1", "text": TEXT, "places": gold}) + "\n",
                    encoding="utf-8")
    report = evaluate_file(path, get_context())
    assert report.dataset == "places"
    assert {k: report.fields["all"][k] for k in expected} == expected


def test_detects_places_gold() -> None:
    assert detect_dataset({"id": "x", "text": "t", "places": []}) == "places"
    assert detect_dataset({"id": "x", "text": "t"}) is None


def test_pointer_text_must_match_its_hash(tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "d", "text": "abc"}) + "\n",
                                         encoding="utf-8")
    record = {"doc": {"file": "docs.jsonl", "id": "d"},
              "sha256": hashlib.sha256(b"abc").hexdigest(), "places": []}
    assert document_text(record, tmp_path / "gold.jsonl", {}) == "abc"
    with pytest.raises(MarsadError, match="has changed"):
        document_text({**record, "sha256": "0" * 64}, tmp_path / "gold.jsonl", {})


@pytest.mark.parametrize(("first", "second", "km"), [
    ((33.5102, 36.2913), (33.5102, 36.2913), 0.0),
    ((36.2012, 37.1612), (33.5102, 36.2913), 309.0),  # Aleppo - Damascus
])
def test_km_between(first: tuple[float, float], second: tuple[float, float], km: float) -> None:
    assert km_between(*first, *second) == pytest.approx(km, abs=2.0)


@pytest.mark.skipif(not (SHARED / "re3d_docs.jsonl").is_file(),
                    reason="re3d dev data (../shared/data/dev/re3d) not present")
def test_gold_file_is_consistent() -> None:
    """Every gold span names its value in the re3d text, with coordinates in Syria's region."""
    documents: dict[Path, dict[str, str]] = {}
    total = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = document_text(record, GOLD, documents)
        for place in gold_places(record):
            total += 1
            assert text[place.begin:place.end] == place.value
            assert 10 < place.lat < 45 and 25 < place.lon < 60
    assert total >= 200
