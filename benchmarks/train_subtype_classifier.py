"""Train (and honestly score) the learned sub-event typer of ``marsad.learned.typing``.

Usage:
    .venv/bin/python benchmarks/train_subtype_classifier.py [CASE_JSONL] [--write]

1. Runs the rules-only pipeline (MARSAD_TYPING=rules) on every CASE 2021 snippet: the rules'
   answer is the most confident event's sub-event type (or NONE) and its evidence sentence.
2. Embeds that sentence (the whole snippet when the rules found nothing) with the NumPy
   MiniLM encoder.
3. Scores rules alone vs rules + classifier by stratified 5-fold cross-validation, three
   shuffles, for several thresholds: the figures to quote, since ``marsad eval`` on the same
   dev set is in-sample once the weights are trained on it.
4. With ``--write``: fits on all snippets and writes resources/learned/subtype_classifier.npz.

Needs scikit-learn (a dev dependency: training only; inference is NumPy).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

os.environ["MARSAD_TYPING"] = "rules"

from marsad.context import get_context  # noqa: E402
from marsad.evaluation.mappings import load_mappings  # noqa: E402
from marsad.learned.encoder import get_encoder  # noqa: E402
from marsad.learned.typing import NO_EVENT  # noqa: E402
from marsad.model import SourceDocument  # noqa: E402
from marsad.pipeline import process  # noqa: E402
from marsad.resources import RESOURCE_DIR  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "dev" / "case2021_dev.jsonl"
C = 16.0
THRESHOLDS = (0.5, 0.6, 0.7)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT_DATA
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    names = load_mappings().case2021_codes
    gold = np.array([names.get(r["label"], NO_EVENT) for r in rows])
    ctx = get_context()
    rule, sentences = [], []
    for r in rows:
        result = process(SourceDocument(id=r["id"], text=r["text"]), ctx)
        best = max(result.events, key=lambda e: e.confidence, default=None)
        rule.append(best.sub_event_type if best else NO_EVENT)
        sentences.append(best.evidence.text if best else r["text"])
    labels = sorted(set(gold) | {NO_EVENT})
    index = {label: i for i, label in enumerate(labels)}
    onehot = np.zeros((len(rows), len(labels)), dtype=np.float32)
    for row, label in enumerate(rule):
        if label in index:
            onehot[row, index[label]] = 1.0
    features = np.hstack([get_encoder().encode(sentences), onehot])
    rules = np.array(rule)
    report(gold, rules, "rules alone")
    for threshold in THRESHOLDS:
        scores = []
        for seed in (0, 1, 2):
            pred, prob = cross_validate(features, gold, seed)
            hybrid = np.where(prob >= threshold, pred, rules)
            scores.append(metrics(gold, hybrid))
        mean = np.mean(scores, axis=0)
        print(f"rules + classifier, threshold {threshold}, 5-fold CV x3: "
              + fmt(mean))
    if "--write" in sys.argv:
        model = LogisticRegression(C=C, max_iter=5000).fit(features, gold)
        order = [list(model.classes_).index(label) for label in labels]
        out = RESOURCE_DIR / "learned" / "subtype_classifier.npz"
        np.savez_compressed(out, labels=np.array(labels), coef=model.coef_[order].astype(
            np.float32), intercept=model.intercept_[order].astype(np.float32))
        print(f"wrote {out} ({len(labels)} labels, {features.shape[1]} features, "
              f"{len(rows)} snippets)")


def cross_validate(features: np.ndarray, gold: np.ndarray,
                   seed: int) -> tuple[np.ndarray, np.ndarray]:
    pred = np.empty(len(gold), dtype=object)
    prob = np.zeros(len(gold))
    folds = StratifiedKFold(5, shuffle=True, random_state=seed)
    for train, test in folds.split(features, gold):
        model = LogisticRegression(C=C, max_iter=5000).fit(features[train], gold[train])
        pred[test] = model.predict(features[test])
        prob[test] = model.predict_proba(features[test]).max(axis=1)
    return pred.astype(str), prob


def metrics(gold: np.ndarray, pred: np.ndarray) -> list[float]:
    """subtask-1 accuracy, weighted F1, macro F1 (ACLED snippets), accuracy on all."""
    acled = gold != NO_EVENT
    labels = sorted(set(gold[acled]))
    return [accuracy_score(gold[acled], pred[acled]),
            f1_score(gold[acled], pred[acled], average="weighted", labels=labels),
            f1_score(gold[acled], pred[acled], average="macro", labels=labels),
            accuracy_score(gold, pred)]


def fmt(values: list[float] | np.ndarray) -> str:
    acc, weighted, macro, overall = values
    return (f"subtask1 acc {acc:.3f} weighted F1 {weighted:.3f} macro F1 {macro:.3f}; "
            f"all 30 labels acc {overall:.3f}")


def report(gold: np.ndarray, pred: np.ndarray, name: str) -> None:
    print(f"{name}: {fmt(metrics(gold, pred))}")


if __name__ == "__main__":
    main()
