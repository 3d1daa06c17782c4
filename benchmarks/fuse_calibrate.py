"""Calibrate fusion.yaml's threshold on the incident gold set: process once, sweep, print.

Run: .venv/bin/python benchmarks/fuse_calibrate.py [tests/gold/incidents/incidents_gold.jsonl]
Pick the threshold with the best B-cubed F1 (ties: the middle of the best plateau).
"""

from __future__ import annotations

import sys
from pathlib import Path

from marsad.context import get_context
from marsad.evaluation.incidents import process_gold, read_gold, threshold_sweep
from marsad.fusion.settings import load_fusion_settings

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "incidents" / "incidents_gold.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    gold = read_gold(path)
    results = process_gold(gold, get_context())
    print("threshold  pairwise_P  pairwise_R  pairwise_F1  bcubed_P  bcubed_R  bcubed_F1  "
          "predicted")
    for report in threshold_sweep(path, gold, results, load_fusion_settings()):
        s = report.scores
        print(f"{report.threshold:9.3f}  {s.pairwise_precision:10.3f}  {s.pairwise_recall:10.3f}  "
              f"{s.pairwise_f1:11.3f}  {s.bcubed_precision:8.3f}  {s.bcubed_recall:8.3f}  "
              f"{s.bcubed_f1:9.3f}  {report.predicted_incidents:9d}")


if __name__ == "__main__":
    main()
