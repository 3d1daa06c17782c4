"""Memory over a long replayed stream (issue #11: "memory flat over 100,000 documents").

Streams N distinct documents (``marsad.scale.replay``: the ``../shared/data`` texts, each
with a numbered sentence, so every document brings strings the model has never seen, as
news does) through one process and samples its RSS (``/proc/self/status`` VmRSS) and the
size of spaCy's ``StringStore`` every ``--sample-every`` documents. Modes:

- ``ingest``: the real path, ``run_ingest`` with the in-process backend into a SQLite file
  (memory-zoned ``process_batch`` + one transaction per batch);
- ``pipeline`` / ``pipeline-nozone``: ``process_batch`` (memory zones) vs plain
  ``process_many`` in batches, no store;
- ``tokenizer`` / ``tokenizer-nozone``: only spaCy's tokenizer, with and without memory
  zones: cheap enough for 100,000 documents in a few minutes on one core, and what the
  vocabulary growth comes from.

Prints one JSON object: start (after the first batch), peak and end RSS, the slope of RSS
(least squares over the samples after the first 10%, in MB per 10,000 documents) and the
StringStore sizes; ``--csv`` writes every sample. ``--minutes`` stops early (the report
says how many documents were streamed). Usage (from the repository root):

    .venv/bin/python benchmarks/scale_memory_replay.py --mode tokenizer --docs 100000
    .venv/bin/python benchmarks/scale_memory_replay.py --mode ingest --docs 20000 --minutes 15
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from marsad.context import get_context
from marsad.model import SourceDocument
from marsad.scale.replay import BaseText, load_base_texts, replay_records

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO / ".." / "shared" / "data"
MODES = ("ingest", "pipeline", "pipeline-nozone", "tokenizer", "tokenizer-nozone")
START_OFFSET = 10_000_000  # numbers no other benchmark or test uses


def rss_mb() -> float:
    """This process's resident set size now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sources(bases: list[BaseText], count: int) -> Iterator[SourceDocument]:
    for record in replay_records(bases, count, start=START_OFFSET):
        yield SourceDocument(id=record["id"], text=record["text"],
                             published=record.get("published"), outlet=record.get("outlet"))


def batches(items: Iterator[SourceDocument], size: int) -> Iterator[list[SourceDocument]]:
    batch: list[SourceDocument] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Sampler:
    """Records (documents, seconds, RSS, strings) every ``every`` documents."""

    def __init__(self, every: int, deadline: float) -> None:
        self.every, self.deadline = every, deadline
        self.strings = get_context().nlp.vocab.strings
        self.samples: list[tuple[int, float, float, int]] = []
        self.done, self._next, self._start = 0, 0, time.monotonic()

    def advance(self, count: int) -> None:
        self.done += count
        if self.done >= self._next:
            self.record()
            self._next = self.done + self.every

    def record(self) -> None:
        self.samples.append((self.done, time.monotonic() - self._start, rss_mb(),
                             len(self.strings)))

    @property
    def out_of_time(self) -> bool:
        return time.monotonic() > self.deadline


def run_mode(mode: str, stream: Iterator[SourceDocument], batch_size: int,
             sampler: Sampler) -> None:
    """Stream every document through ``mode``, sampling as batches finish."""
    ctx = get_context()
    if mode == "ingest":
        _run_ingest(stream, batch_size, sampler)
        return
    for batch in batches(stream, batch_size):
        if mode.startswith("tokenizer"):
            zone: AbstractContextManager[object] = (
                nullcontext() if mode.endswith("nozone") else ctx.nlp.memory_zone())
            with zone:
                for doc in ctx.nlp.tokenizer.pipe([source.text or "" for source in batch]):
                    del doc
        elif mode == "pipeline":
            from marsad.scale.runner import process_batch

            process_batch(batch)
        else:
            from marsad.pipeline import process_many

            list(process_many(batch, ctx))
        sampler.advance(len(batch))
        if sampler.out_of_time:
            return


def _run_ingest(stream: Iterator[SourceDocument], batch_size: int, sampler: Sampler) -> None:
    from marsad.scale.runner import InlineBackend, run_ingest
    from marsad.store import open_store

    def until_deadline() -> Iterator[SourceDocument]:
        for source in stream:
            if sampler.out_of_time:
                return
            yield source

    with tempfile.TemporaryDirectory(prefix="marsad-replay-") as folder:
        with open_store(f"sqlite:///{folder}/replay.db") as store:
            run_ingest(until_deadline(), store, InlineBackend(), batch_size=batch_size,
                       advance=sampler.advance)


def slope_per_10k(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of (documents, MB), in MB per 10,000 documents."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var = sum((x - mean_x) ** 2 for x, _ in points)
    cov = sum((x - mean_x) * (y - mean_y) for x, y in points)
    return cov / var * 10_000 if var else 0.0


def summarise(mode: str, samples: list[tuple[int, float, float, int]],
              load_mb: float) -> dict[str, object]:
    docs, seconds = samples[-1][0], samples[-1][1]
    steady = [(d, rss) for d, _, rss, _ in samples if d >= docs * 0.1]
    return {
        "mode": mode, "documents": docs, "seconds": round(seconds, 1),
        "docs_per_s": round(docs / seconds, 1) if seconds else 0.0,
        "rss_after_load_mb": round(load_mb, 1),
        "rss_start_mb": round(samples[0][2], 1),
        "rss_peak_mb": round(max(rss for _, _, rss, _ in samples), 1),
        "rss_end_mb": round(samples[-1][2], 1),
        "slope_mb_per_10k_docs": round(slope_per_10k(steady), 2),
        "strings_start": samples[0][3], "strings_end": samples[-1][3],
        "samples": len(samples),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=MODES, default="ingest")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--max-chars", type=int, default=240,
                        help="cut each base text to its sentences within this many characters")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--sample-every", type=int, default=0,
                        help="documents between samples [default: docs/200]")
    parser.add_argument("--minutes", type=float, default=0, help="stop after this long")
    parser.add_argument("--csv", type=Path, help="write every sample here")
    args = parser.parse_args()
    bases = load_base_texts(SHARED_DATA, args.max_chars)
    if not bases:
        raise SystemExit(f"no corpora under {SHARED_DATA}")
    get_context()
    load_mb = rss_mb()
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else float("inf")
    sampler = Sampler(args.sample_every or max(args.batch_size, args.docs // 200), deadline)
    run_mode(args.mode, sources(bases, args.docs), args.batch_size, sampler)
    sampler.record()
    if args.csv:
        with args.csv.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["documents", "seconds", "rss_mb", "strings"])
            writer.writerows(sampler.samples)
    print(json.dumps(summarise(args.mode, sampler.samples, load_mb)))


if __name__ == "__main__":
    main()
