"""Calibrate fusion.yaml's threshold on the incident gold set: process once, sweep, print.

Run: .venv/bin/python benchmarks/fuse_calibrate.py [GOLD] [--cache FILE]
(``--cache`` keeps the pipeline results between runs; delete it when extraction changes.)
Pick the threshold with the best B-cubed F1 (ties: the middle of the best plateau).

Honesty check: the gold set is small (68 articles), so the sweep's best point may be luck.
The second table splits the gold *incidents* into folds, picks the threshold on the other
folds and scores the held-out fold with it (documents of one incident never straddle
folds); a held-out F1 far below the sweep's best means the threshold is fitted to noise.
The third table does the same for the pair (threshold, restatement threshold) together, and
prints the held-out score of fusion.yaml's own pair next to it (leave-incidents-out view of
the shipped settings).
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Sequence
from pathlib import Path

from marsad.evaluation.incidents import (
    GoldDocument,
    IncidentEvalReport,
    cached_results,
    read_gold,
    threshold_sweep,
)
from marsad.fusion.settings import FusionSettings, load_fusion_settings
from marsad.model import DocumentResult

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "incidents" / "incidents_gold.jsonl"
FOLDS = 4
RESTATEMENT_THRESHOLDS = (0.0, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)  # 0: restatements off
JOINT_THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7)


def variant(settings: FusionSettings, threshold: float, restatement: float) -> FusionSettings:
    """``settings`` with another threshold and restatement threshold (0: restatements off)."""
    return settings.with_threshold(threshold).with_restatement(
        enabled=restatement > 0, threshold=restatement or 1.0)


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


def joint_cross_validate(path: Path, gold: list[GoldDocument],
                         results: list[DocumentResult]) -> None:
    """Choose (threshold, restatement threshold) on three folds, score the fourth."""
    settings = load_fusion_settings()
    shipped = (settings.threshold,
               settings.restatement.threshold if settings.restatement.enabled else 0.0)
    grid = [(t, r) for t in JOINT_THRESHOLDS for r in RESTATEMENT_THRESHOLDS]
    incidents = sorted({item.incident for item in gold})
    chosen_f1, shipped_f1 = [], []
    print(f"\n{FOLDS}-fold check of (threshold, restatement) together\n"
          "fold  chosen        held-out_F1  shipped_held-out_F1")
    for fold in range(FOLDS):
        test = set(incidents[fold::FOLDS])
        train = [i for i, item in enumerate(gold) if item.incident not in test]
        held = [i for i, item in enumerate(gold) if item.incident in test]

        def f1_on(rows: list[int], pair: tuple[float, float]) -> float:
            (report,) = threshold_sweep(path, [gold[i] for i in rows],
                                        [results[i] for i in rows],
                                        variant(settings, *pair), [pair[0]])
            return report.scores.bcubed_f1

        # Best train F1; ties: the smaller restatement threshold, then the middle threshold.
        train_f1 = {pair: f1_on(train, pair) for pair in grid}
        top = max(train_f1.values())
        ties = [pair for pair in grid if train_f1[pair] == top]
        best = ties[(len(ties) - 1) // 2]
        chosen_f1.append(f1_on(held, best))
        shipped_f1.append(f1_on(held, shipped))
        print(f"{fold:4d}  {best[0]:.3f}/{best[1]:.2f}  {chosen_f1[-1]:11.3f}  "
              f"{shipped_f1[-1]:19.3f}")
    print(f"mean held-out B-cubed F1 {statistics.mean(chosen_f1):.3f} (chosen per fold), "
          f"{statistics.mean(shipped_f1):.3f} (fusion.yaml's {shipped[0]}/{shipped[1]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    path = args.gold
    gold = read_gold(path)
    results = cached_results(gold, args.cache)
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
    joint_cross_validate(path, gold, results)


if __name__ == "__main__":
    main()
