"""Plain scoring arithmetic shared by the dataset scorers (no dataset knowledge here).

Why our own and not scikit-learn: it is not a dependency, and the few metrics we need must
treat abstentions ("no event", "no location") explicitly, which is easier to state here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel


class Confusion(BaseModel):
    """One kind of mistake: how often gold label ``gold`` was predicted as ``predicted``."""

    field: str
    gold: str
    predicted: str
    count: int


def ratio(numerator: float, denominator: float) -> float:
    """Divide, giving 0.0 for an empty denominator (no items means no credit)."""
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall."""
    return ratio(2 * precision * recall, precision + recall)


def per_label_scores(gold: Sequence[str], predicted: Sequence[str],
                     labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support of each label in ``labels``."""
    table: dict[str, dict[str, float]] = {}
    for label in labels:
        true_positive = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_predicted = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        precision = ratio(true_positive, n_predicted)
        recall = ratio(true_positive, n_gold)
        table[label] = {"precision": precision, "recall": recall,
                        "f1": f1(precision, recall), "support": float(n_gold)}
    return table


def classification_scores(gold: Sequence[str], predicted: Sequence[str],
                          labels: Sequence[str]) -> tuple[dict[str, float],
                                                          dict[str, dict[str, float]]]:
    """Score single-label predictions: accuracy, macro, micro and weighted P/R/F1 over ``labels``.

    Macro averages skip labels that are neither in the gold nor predicted (nothing to score).
    Micro counts only predictions and gold items inside ``labels``, so an abstention label
    left out of ``labels`` (e.g. "NONE") lowers recall but not precision.
    """
    table = per_label_scores(gold, predicted, labels)
    scored = [row for label, row in table.items()
              if row["support"] or any(p == label for p in predicted)]
    label_set = set(labels)
    pairs = list(zip(gold, predicted, strict=True))
    true_positive = sum(1 for g, p in pairs if g == p and g in label_set)
    micro_precision = ratio(true_positive, sum(1 for _, p in pairs if p in label_set))
    micro_recall = ratio(true_positive, sum(1 for g, _ in pairs if g in label_set))
    summary = {
        "accuracy": ratio(sum(1 for g, p in pairs if g == p), len(pairs)),
        "macro_precision": ratio(sum(row["precision"] for row in scored), len(scored)),
        "macro_recall": ratio(sum(row["recall"] for row in scored), len(scored)),
        "macro_f1": ratio(sum(row["f1"] for row in scored), len(scored)),
        "micro_precision": micro_precision,
        "micro_recall": micro_recall,
        "micro_f1": f1(micro_precision, micro_recall),
        # CASE 2021's ranking metric: per-label F1 weighted by gold support.
        "weighted_f1": ratio(sum(row["f1"] * row["support"] for row in scored),
                             sum(row["support"] for row in scored)),
        "n": float(len(pairs)),
    }
    return summary, table


def top_confusions(field: str, gold: Sequence[str], predicted: Sequence[str],
                   limit: int = 10) -> list[Confusion]:
    """The most frequent (gold -> predicted) mistakes, largest first, ties by name."""
    counts = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Confusion(field=field, gold=g, predicted=p, count=count)
            for (g, p), count in ranked[:limit]]


def abstention_scores(gold: Sequence[str], predicted: Sequence[str | None]) -> dict[str, float]:
    """Accuracy plus P/R/F1 where a ``None`` prediction is an abstention, not a mistake."""
    pairs = list(zip(gold, predicted, strict=True))
    correct = sum(1 for g, p in pairs if p is not None and g == p)
    answered = sum(1 for _, p in pairs if p is not None)
    precision = ratio(correct, answered)
    recall = ratio(correct, len(pairs))
    return {"accuracy": recall, "precision": precision, "recall": recall,
            "f1": f1(precision, recall), "coverage": ratio(answered, len(pairs)),
            "n": float(len(pairs))}


def count_scores(gold: Sequence[int], predicted: Sequence[int]) -> dict[str, float]:
    """Exact-match and within-10% accuracy, and mean absolute error on log1p of the counts.

    Within 10%: ``|predicted - gold| <= 0.1 * gold``, so a gold 0 needs exactly 0.
    """
    pairs = list(zip(gold, predicted, strict=True))
    return {
        "exact": ratio(sum(1 for g, p in pairs if g == p), len(pairs)),
        "within_10pct": ratio(sum(1 for g, p in pairs if abs(p - g) <= 0.1 * g), len(pairs)),
        "mae_log1p": ratio(sum(abs(math.log1p(p) - math.log1p(g)) for g, p in pairs),
                           len(pairs)),
        "n": float(len(pairs)),
    }


def days_off(gold: dt.date, start: dt.date, end: dt.date) -> int:
    """Days between ``gold`` and the range ``[start, end]`` (0 when inside it)."""
    if gold < start:
        return (start - gold).days
    if gold > end:
        return (gold - end).days
    return 0


def date_scores(gold: Sequence[dt.date],
                predicted: Sequence[tuple[dt.date, dt.date] | None]) -> dict[str, float]:
    """Exact-day accuracy (a one-day range equal to gold) and within-7-days accuracy.

    A missing date counts as wrong for both; ``coverage`` says how often we had one.
    """
    pairs = list(zip(gold, predicted, strict=True))
    exact = sum(1 for g, p in pairs if p is not None and p[0] == p[1] == g)
    near = sum(1 for g, p in pairs if p is not None and days_off(g, *p) <= 7)
    return {"exact_day": ratio(exact, len(pairs)), "within_7_days": ratio(near, len(pairs)),
            "coverage": ratio(sum(1 for _, p in pairs if p is not None), len(pairs)),
            "n": float(len(pairs))}
