"""Calibrate fusion.yaml's threshold on the incident gold set: process once, sweep, print.

Run: .venv/bin/python benchmarks/fuse_calibrate.py [tests/gold/incidents/incidents_gold.jsonl]
Pick the threshold with the best B-cubed F1 (ties: the middle of the best plateau).

Honesty check: the gold set is small (68 articles), so the sweep's best point may be luck.
The second table splits the gold *incidents* into folds, picks the threshold on the other
folds and scores the held-out fold with it (documents of one incident never straddle
folds); a held-out F1 far below the sweep's best means the threshold is fitted to noise.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

from marsad.context import get_context
from marsad.evaluation.incidents import (
    GoldDocument,
    IncidentEvalReport,
    process_gold,
    read_gold,
    threshold_sweep,
)
from marsad.fusion.settings import load_fusion_settings
from marsad.model import DocumentResult

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "incidents" / "incidents_gold.jsonl"
FOLDS = 4


def best_threshold(reports: Sequence[IncidentEvalReport]) -> float:
    """The middle of the longest run of thresholds sharing the best B-cubed F1."""
    top = max(report.scores.bcubed_f1 for report in reports)
    runs: list[list[float]] = [[]]
    for report in reports:
        if report.scores.bcubed_f1 == top:
            runs[-1].append(report.threshold)
        elif runs[-1]:
            runs.append([])
    longest = max(runs, key=len)
    return longest[(len(longest) - 1) // 2]


def cross_validate(path: Path, gold: list[GoldDocument], results: list[DocumentResult]) -> None:
    """Print, per fold, the threshold chosen without it and its held-out B-cubed F1."""
    settings = load_fusion_settings()
    incidents = sorted({item.incident for item in gold})
    held_out_f1 = []
    print(f"\n{FOLDS}-fold check (folds by gold incident)\nfold  chosen  held-out_bcubed_F1")
    for fold in range(FOLDS):
        test = set(incidents[fold::FOLDS])
        train = [i for i, item in enumerate(gold) if item.incident not in test]
        held = [i for i, item in enumerate(gold) if item.incident in test]
        chosen = best_threshold(threshold_sweep(path, [gold[i] for i in train],
                                                [results[i] for i in train], settings))
        (report,) = threshold_sweep(path, [gold[i] for i in held], [results[i] for i in held],
                                    settings, [chosen])
        held_out_f1.append(report.scores.bcubed_f1)
        print(f"{fold:4d}  {chosen:6.3f}  {report.scores.bcubed_f1:18.3f}")
    print(f"mean held-out B-cubed F1 {statistics.mean(held_out_f1):.3f}")


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    gold = read_gold(path)
    results = process_gold(gold, get_context())
    print("threshold  pairwise_P  pairwise_R  pairwise_F1  bcubed_P  bcubed_R  bcubed_F1  "
          "predicted")
    sweep = threshold_sweep(path, gold, results, load_fusion_settings())
    for report in sweep:
        s = report.scores
        print(f"{report.threshold:9.3f}  {s.pairwise_precision:10.3f}  {s.pairwise_recall:10.3f}  "
              f"{s.pairwise_f1:11.3f}  {s.bcubed_precision:8.3f}  {s.bcubed_recall:8.3f}  "
              f"{s.bcubed_f1:9.3f}  {report.predicted_incidents:9d}")
    print(f"best plateau's middle: {best_threshold(sweep)}")
    cross_validate(path, gold, results)


if __name__ == "__main__":
    main()
