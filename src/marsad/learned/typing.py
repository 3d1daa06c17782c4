"""Second opinion on an event's sub-event type from a classifier over sentence embeddings.

Why: trigger rules explain themselves but miss what a sentence says as a whole ("clashes
erupted as police dispersed the march" is a violent demonstration, not a battle; a wildfire
that "hit" a village is no event). A logistic regression over the sentence's MiniLM
embedding plus the rules' own answer (one-hot) re-types an event only when it is confident
(``typing.yaml: threshold``), and only where the sentence holds one event type, so split
events ("air strikes and shelling on ...") are never collapsed. The output says which
decided (``Event.typed_by``). Weights come from ``benchmarks/train_subtype_classifier.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, Field

from marsad.errors import MarsadError
from marsad.learned.encoder import SentenceEncoder, get_encoder
from marsad.resources import read_yaml, resource_path

NO_EVENT = "NONE"


class TypingSettings(BaseModel):
    """``resources/learned/typing.yaml``."""

    threshold: float = Field(ge=0, le=1)
    drop_threshold: float = Field(ge=0, le=1)
    drop_when_no_event: bool = True
    weights: str


@dataclass(frozen=True)
class Verdict:
    """The classifier's answer for one sentence."""

    label: str
    """A sub-event type name, or ``NONE`` (no ACLED event)."""
    probability: float


class SubtypeClassifier:
    """Multinomial logistic regression: [embedding, one-hot rule type] -> label."""

    def __init__(self, labels: list[str], coef: NDArray[np.float32],
                 intercept: NDArray[np.float32], encoder: SentenceEncoder,
                 settings: TypingSettings) -> None:
        if coef.shape != (len(labels), encoder.words.shape[1] + len(labels)):
            raise MarsadError(f"{settings.weights}: weights do not fit {len(labels)} labels")
        self.labels = labels
        self.index = {label: i for i, label in enumerate(labels)}
        self.coef = coef
        self.intercept = intercept
        self.encoder = encoder
        self.settings = settings

    def features(self, sentences: list[str], rule_labels: list[str]) -> NDArray[np.float32]:
        """The model's input rows: embedding beside the one-hot of what the rules said."""
        onehot = np.zeros((len(sentences), len(self.labels)), dtype=np.float32)
        for row, label in enumerate(rule_labels):
            if label in self.index:
                onehot[row, self.index[label]] = 1.0
        return np.hstack([self.encoder.encode(sentences), onehot])

    def judge(self, sentences: list[str], rule_labels: list[str]) -> list[Verdict]:
        """One verdict per sentence (batched: one encoder pass per document)."""
        if not sentences:
            return []
        logits = self.features(sentences, rule_labels) @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        best = probs.argmax(axis=1)
        return [Verdict(self.labels[i], float(probs[row, i])) for row, i in enumerate(best)]


def load_classifier(encoder: SentenceEncoder | None = None) -> SubtypeClassifier:
    """Read ``typing.yaml`` and its weights file (packaged resources)."""
    settings = TypingSettings.model_validate(read_yaml("learned/typing.yaml"))
    path = resource_path(f"learned/{settings.weights}")
    with np.load(path, allow_pickle=False) as data:
        labels = [str(label) for label in data["labels"]]
        coef = data["coef"].astype(np.float32)
        intercept = data["intercept"].astype(np.float32)
    return SubtypeClassifier(labels, coef, intercept, encoder or get_encoder(), settings)


@cache
def get_classifier() -> SubtypeClassifier:
    """The process's classifier (built on the shared encoder)."""
    return load_classifier()
