"""Streaming, batched, multi-process ingestion behind ``marsad ingest``.

How it works: the reader streams inputs and cuts them into batches; each batch is filtered
against the store (documents already stored are skipped *before* any cleaning or parsing),
handed to a backend that runs the pure ``process_many`` on it (in this process, in a pool
of worker processes, or on a Dask cluster), and its results are written by this process
with one transaction per batch. At most ``2 x workers`` batches are in flight, so memory
stays flat however long the stream is.

Resuming after a crash: a batch is stored in one transaction, so a kill loses at most the
batches in flight and never leaves half a document. A rerun skips a document when its id
(inputs that carry one, such as JSON lines) or the hash of its raw input (``source_hash``:
id, text and html, hashed in microseconds) is stored, so skipping costs one indexed query
per batch and no cleaning. A document whose raw input changed but whose *cleaned* text did
not is parsed again, and then not stored twice: ``Store.save_many`` deduplicates by the
content hash of the cleaned text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from multiprocessing import get_context as get_mp_context
from pathlib import Path
from typing import Protocol

from marsad.errors import MarsadError
from marsad.ingest import InputError
from marsad.model import DocumentResult, SourceDocument
from marsad.pipeline import ProcessingError
from marsad.scale.feeds import FetchLimits
from marsad.store import Store
from marsad.summary import BatchSummary

DEFAULT_BATCH_SIZE = 32
"""Documents per batch: one ``nlp.pipe`` call in a worker and one transaction in the store."""

IN_FLIGHT_PER_WORKER = 2
"""Batches queued per worker: enough to keep every worker busy, few enough to bound memory."""

PARENT_CHECK_S = 2.0
"""How often a pool worker checks that ``marsad ingest`` is still alive (exits if not)."""

BatchOutput = list[DocumentResult | ProcessingError]


class BatchFuture(Protocol):
    """The part of ``concurrent.futures.Future`` and ``distributed.Future`` the runner uses."""

    def result(self) -> BatchOutput: ...


class Backend(Protocol):
    """Where batches are processed: in process, in a process pool, on a Dask cluster."""

    workers: int

    def submit(self, batch: list[SourceDocument]) -> BatchFuture: ...


@dataclass(frozen=True)
class _Pending:
    """A batch handed to a backend, with the raw-input hashes to store alongside."""

    future: BatchFuture
    source_hashes: list[str]  # parallel to the batch (process_many yields one per input)


def process_batch(sources: list[SourceDocument]) -> BatchOutput:
    """Process one batch with this process's context (the task every backend runs).

    Inside spaCy memory zones (spaCy >= 3.8): every new string and lexeme a batch adds to
    the vocabulary (names, numbers, typos: a news stream never runs out of them) is freed
    when the batch is done. Without them the ``StringStore`` of a long-running worker
    grows with every document (spaCy issues #285, #3618; docs/scale.md has the measured
    growth). Safe because the results are plain pydantic models: no ``Doc``, ``Token`` or
    string hash outlives the batch.
    """
    from marsad.arabic.tokens import tokenizer as arabic_tokenizer
    from marsad.context import get_context
    from marsad.pipeline import process_many

    ctx = get_context()
    with ctx.nlp.memory_zone(), arabic_tokenizer().memory_zone():
        return list(process_many(sources, ctx))


def source_hash(source: SourceDocument) -> str:
    """Hash the raw input (id, text, html): equal raw inputs clean to equal documents."""
    digest = hashlib.sha256()
    for part in (source.id, source.text, source.html):
        digest.update((part or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return "src:" + digest.hexdigest()


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class InlineBackend:
    """Process batches in this process (``--workers 1``): no start-up cost, one model."""

    workers = 1

    def submit(self, batch: list[SourceDocument]) -> BatchFuture:
        done: Future[BatchOutput] = Future()
        done.set_result(process_batch(batch))
        return done


class PoolBackend(AbstractContextManager["PoolBackend"]):
    """Process batches in ``workers`` spawned processes, each loading the model once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=get_mp_context("spawn"),
            initializer=_start_worker, initargs=(os.getpid(),))

    def submit(self, batch: list[SourceDocument]) -> BatchFuture:
        return self._pool.submit(process_batch, batch)

    def __exit__(self, *exc_info: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(parent_pid: int) -> None:
    """Load the context, and exit when ``marsad ingest`` dies (kill -9 leaves no orphans)."""
    def watch_parent() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch_parent, name="marsad-parent-watch", daemon=True).start()
    from marsad.context import get_context

    get_context()


def open_backend(workers: int, dask_address: str | None, stack: ExitStack) -> Backend:
    """Pick the backend: a Dask cluster when an address is given, else local processes."""
    if dask_address:
        from marsad.scale.dask import DaskBackend

        return stack.enter_context(DaskBackend(dask_address))
    if workers <= 1:
        return InlineBackend()
    return stack.enter_context(PoolBackend(workers))


def batched(items: Iterable[SourceDocument | InputError],
            size: int) -> Iterator[list[SourceDocument | InputError]]:
    """Cut a stream into lists of ``size`` items (the last may be shorter)."""
    batch: list[SourceDocument | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_ingest(items: Iterable[SourceDocument | InputError], store: Store, backend: Backend,
               *, batch_size: int = DEFAULT_BATCH_SIZE,
               warn: Callable[[str], None] = lambda message: None,
               advance: Callable[[int], None] = lambda count: None,
               verbose: bool = False) -> BatchSummary:
    """Ingest a stream of inputs into ``store``; report each bad input through ``warn``.

    ``advance`` is called with the number of inputs finished (stored, skipped or failed),
    for a progress bar.
    """
    tally = BatchSummary()
    pending: deque[_Pending] = deque()
    window = max(1, backend.workers * IN_FLIGHT_PER_WORKER)
    for batch in batched(items, batch_size):
        sources = _drop_errors(batch, tally, warn)
        todo = _unstored(sources, store)
        tally.skipped += len(sources) - len(todo)
        advance(len(batch) - len(todo))
        if todo:
            pending.append(_Pending(backend.submit([source for source, _ in todo]),
                                    [key for _, key in todo]))
        while len(pending) >= window:
            _finish(pending.popleft(), store, tally, warn, advance, verbose)
    while pending:
        _finish(pending.popleft(), store, tally, warn, advance, verbose)
    return tally


def _drop_errors(batch: Sequence[SourceDocument | InputError], tally: BatchSummary,
                 warn: Callable[[str], None]) -> list[SourceDocument]:
    sources = []
    for item in batch:
        if isinstance(item, InputError):
            tally.failed.append(str(item))
            warn(f"Error: {item}")
        else:
            sources.append(item)
    return sources


def _unstored(sources: list[SourceDocument],
              store: Store) -> list[tuple[SourceDocument, str]]:
    """Return the sources not stored yet, each with its raw-input hash."""
    keyed = [(source, source_hash(source)) for source in sources]
    stored = store.stored_keys(doc_ids=[source.id for source in sources if source.id],
                               source_hashes=[key for _, key in keyed])
    return [(source, key) for source, key in keyed
            if source.id not in stored and key not in stored]


def _finish(batch: _Pending, store: Store, tally: BatchSummary, warn: Callable[[str], None],
            advance: Callable[[int], None], verbose: bool) -> None:
    """Wait for a batch, report its failures and warnings, and store it in one transaction."""
    results: list[DocumentResult] = []
    hashes: list[str] = []
    outputs = batch.future.result()
    for output, key in zip(outputs, batch.source_hashes, strict=True):
        if isinstance(output, ProcessingError):
            tally.failed.append(str(output))
            warn(f"Error: {output}")
            continue
        tally.documents += 1
        tally.events += len(output.events)
        if verbose or not output.events:
            for warning in output.warnings:
                warn(f"{output.doc.id}: {warning}")
        results.append(output)
        hashes.append(key)
    _store_batch(store, results, hashes, tally, warn)
    advance(len(outputs))


def _store_batch(store: Store, results: list[DocumentResult], hashes: list[str],
                 tally: BatchSummary, warn: Callable[[str], None]) -> None:
    """Store a batch in one transaction; if one document is refused, store the rest singly."""
    try:
        saved = store.save_many(results, hashes)
    except MarsadError:
        saved = []
        for result, key in zip(results, hashes, strict=True):
            try:
                saved.append(store.save(result, key))
            except MarsadError as err:
                tally.failed.append(f"{result.doc.id}: {err}")
                warn(f"Error: {result.doc.id}: {err}")
    tally.stored += sum(saved)
    tally.skipped += len(saved) - sum(saved)


def count_inputs(paths: Sequence[str]) -> int | None:
    """Count the documents ``paths`` hold without parsing them (for the progress ETA).

    JSON lines count their non-blank lines; stdin cannot be counted (None).
    """
    from marsad.ingest.readers import JSONL_SUFFIXES, SUPPORTED_SUFFIXES

    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if not file.is_file() or suffix not in SUPPORTED_SUFFIXES:
                continue
            if suffix in JSONL_SUFFIXES:
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total


@dataclass(frozen=True)
class IngestPlan:
    """Everything ``marsad ingest`` was asked to do."""

    db_url: str
    paths: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    published: dt.date | None = None
    outlet: str | None = None
    workers: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    dask_address: str | None = None
    progress: bool = False
    verbose: bool = False
    fetch_limits: FetchLimits | None = None


def ingest_all(plan: IngestPlan) -> BatchSummary:
    """Read the plan's files and feeds and ingest them into its store."""
    from marsad.ingest import read_inputs
    from marsad.scale.feeds import Fetcher, feed_documents
    from marsad.scale.progress import ingest_progress
    from marsad.store import open_store

    total = count_inputs(plan.paths) if plan.progress and not plan.feeds else None
    with ExitStack() as stack:
        store = stack.enter_context(open_store(plan.db_url))
        advance, warn = stack.enter_context(ingest_progress(total, plan.progress))
        backend = open_backend(plan.workers, plan.dask_address, stack)
        items: Iterable[SourceDocument | InputError] = read_inputs(
            plan.paths, published=plan.published, outlet=plan.outlet)
        if plan.feeds:
            fetcher = stack.enter_context(Fetcher(plan.fetch_limits))
            known = store.stored_keys
            items = itertools.chain(items, feed_documents(
                plan.feeds, fetcher, stored=lambda ids: known(doc_ids=ids)))
        return run_ingest(items, store, backend, batch_size=plan.batch_size, warn=warn,
                          advance=advance, verbose=plan.verbose)
