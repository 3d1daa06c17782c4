"""Clustering scores and ``marsad eval --incidents`` on a small gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.evaluation.incidents import GoldDocument, bcubed_scores, pairwise_scores

GOLD = {"a": "1", "b": "1", "c": "2", "d": "2"}


@pytest.mark.parametrize(("predicted", "pairwise", "bcubed"), [
    ({"a": "x", "b": "x", "c": "y", "d": "y"}, (1.0, 1.0, 1.0), (1.0, 1.0, 1.0)),
    ({"a": "x", "b": "y", "c": "z", "d": "w"}, (1.0, 0.0, 0.0), (1.0, 0.5, 2 / 3)),
    ({"a": "x", "b": "x", "c": "x", "d": "x"}, (1 / 3, 1.0, 0.5), (0.5, 1.0, 2 / 3)),
])
def test_scores(predicted: dict[str, str], pairwise: tuple[float, ...],
                bcubed: tuple[float, ...]) -> None:
    assert pairwise_scores(predicted, GOLD) == pytest.approx(pairwise)
    assert bcubed_scores(predicted, GOLD) == pytest.approx(bcubed)


def test_eval_incidents_command(tmp_path: Path, gold: list[GoldDocument]) -> None:
    chosen = [item for item in gold if item.doc.id.startswith(("w-azaz", "w-ariha"))]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({**item.doc.model_dump(mode="json", exclude={"origin"}),
                                        "incident": item.incident}) + "\n" for item in chosen))
    outcome = CliRunner().invoke(cli, ["eval", "--incidents", str(path), "--json"])
    assert outcome.exit_code == 0, outcome.output
    report = json.loads(outcome.output)
    assert (report["documents"], report["gold_incidents"]) == (5, 2)
    assert report["scores"]["bcubed_f1"] == 1.0
