"""The Arabic gold set scores above pinned floors through ``marsad eval``'s runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.context import get_context
from marsad.evaluation.runner import detect_dataset, evaluate_file, read_records

GOLD = Path(__file__).resolve().parents[1] / "gold" / "arabic" / "arabic_gold.jsonl"

FLOORS = {("event", "f1"): 0.88, ("event", "precision"): 0.88, ("place", "accuracy"): 0.93,
          ("casualty_exact", "accuracy"): 0.8, ("source", "accuracy"): 0.95}


def test_gold_has_forty_paragraphs_detected_as_arabic() -> None:
    records = read_records(GOLD, None, [])
    assert len(records) >= 40
    assert {detect_dataset(record.data) for record in records} == {"arabic"}


@pytest.mark.parametrize(("field", "metric"), list(FLOORS))
def test_floor(field: str, metric: str) -> None:
    report = evaluate_file(GOLD, get_context())
    assert report.dataset == "arabic"
    assert report.fields[field][metric] >= FLOORS[(field, metric)]
