"""Cross-lingual linking (issue #13, item 5): scoring arithmetic and the real gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.evaluation.crosslingual import (
    gold_links,
    is_crosslingual_gold,
    link_scores,
    predicted_links,
)
from marsad.evaluation.runner import detect_dataset

GOLD = Path(__file__).resolve().parents[1] / "gold" / "crosslingual" / "crosslingual_gold.jsonl"
RECORDS: list[dict[str, Any]] = [
    {"id": "en1", "link": "x", "language": "en", "text": "."},
    {"id": "ar1", "link": "x", "language": "ar", "text": "."},
    {"id": "en2", "link": "y", "language": "en", "text": "."},
    {"id": "ar2", "link": "y", "language": "ar", "text": "."},
    {"id": "ar3", "link": None, "language": "ar", "text": "."},
]


def test_gold_links_pair_english_with_arabic_only() -> None:
    assert gold_links(RECORDS) == {("en1", "ar1"), ("en2", "ar2")}


@pytest.mark.parametrize(("labels", "expected"), [
    ({"en1": "a", "ar1": "a", "en2": "b", "ar2": "b", "ar3": "c"}, (1.0, 1.0, 2)),
    ({"en1": "a", "ar1": "a", "en2": "b", "ar2": "c", "ar3": "c"}, (1.0, 0.5, 1)),
    # A distractor in the same incident costs precision.
    ({"en1": "a", "ar1": "a", "en2": "b", "ar2": "b", "ar3": "a"}, (2 / 3, 1.0, 3)),
    ({"en1": "a", "ar1": "b", "en2": "c", "ar2": "d", "ar3": "e"}, (1.0, 0.0, 0)),
])
def test_link_scores(labels: dict[str, str], expected: tuple[float, float, int]) -> None:
    scores = link_scores(gold_links(RECORDS), predicted_links(RECORDS, labels))
    assert (scores["precision"], scores["recall"], scores["n_predicted"]) == \
        pytest.approx(expected)


@pytest.mark.parametrize(("record", "dataset"), [
    (RECORDS[0], "crosslingual"),
    ({"id": "x", "language": "en", "text": "."}, None),  # no link: not this gold
    ({"id": "x", "link": None, "language": "fr", "text": "."}, None),
])
def test_detection(record: dict[str, Any], dataset: str | None) -> None:
    assert is_crosslingual_gold(record) == (dataset is not None)
    assert detect_dataset(record) == dataset


def test_gold_set_shape() -> None:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    links = [r["link"] for r in records if r["link"] is not None]
    assert len(set(links)) >= 20
    for link in set(links):  # every linked incident: one English and one Arabic report
        assert sorted(r["language"] for r in records if r["link"] == link) == ["ar", "en"]


def test_marsad_eval_links_arabic_and_english_reports() -> None:
    """The real pipeline (both languages) and fusion on the 20 pairs: the issue's target."""
    outcome = CliRunner().invoke(cli, ["eval", str(GOLD), "--json"])
    assert outcome.exit_code == 0, outcome.output
    (report,) = json.loads(outcome.stdout)
    assert report["dataset"] == "crosslingual"
    assert report["fields"]["language"]["accuracy"] == 1.0
    assert report["fields"]["linking"]["n_gold"] == 20
    assert report["fields"]["linking"]["f1"] >= 0.9
