"""``marsad bench``: throughput of each way of running marsad, on the same texts, in one run.

Why one fresh process per measurement: peak RSS (``ru_maxrss``) only grows, so a clean
process is the only honest way to report each configuration's memory; it also keeps one
measurement's caches from helping the next. Model loading and worker start-up are done
before the clock starts (the steady state is what a 100,000-document day sees). Measured:

- ``spacy``: bare ``nlp.pipe`` with the same spaCy model (``spacy.load``), no marsad;
- ``pipeline``: ``process_many`` (cleaning, parse, every extractor) in one process;
- ``workers-1`` / ``workers-2``: the ``marsad ingest`` runner into SQLite, inline and with
  a pool of two processes; ``dask-2``: the same runner on a two-worker ``LocalCluster``;
- ``store-sqlite`` / ``store-postgresql``: writing precomputed results with ``save_many``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.model import SourceDocument

DEFAULT_CORPUS = Path("data") / "corpus" / "muc4_train_texts.jsonl"
MEASUREMENTS = ("spacy", "pipeline", "workers-1", "workers-2", "dask-2", "store-sqlite",
                "store-postgresql")
WARMUP_DOCS = 4
RUNNER_BATCH = 8
"""Batch size of the runner rows. With the CLI's 32 and a 150-document bench, 5 batches
split 3 / 2 between two workers, so 2 workers could never beat 1.74x (the last batch runs
alone); batches of 8 cost the same CPU per document (measured) and leave a tail of <= 8."""


@dataclass(frozen=True)
class Measurement:
    """One configuration's figures."""

    name: str
    documents: int
    words: int
    seconds: float
    peak_rss_mb: float
    worker_peak_rss_mb: float
    cpu_seconds: float = 0.0  # this process's CPU time: the work, whatever the machine's load

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def find_corpus() -> Path | None:
    """Look for the MUC-4 corpus in ``../shared`` from the working directory or the repo."""
    repo = Path(__file__).resolve().parents[3]
    for base in (Path.cwd() / ".." / "shared", Path.cwd() / "shared", repo / ".." / "shared"):
        if (base / DEFAULT_CORPUS).is_file():
            return (base / DEFAULT_CORPUS).resolve()
    return None


def run_bench(corpus: Path | None, limit: int, pg_url: str | None, append_to: Path | None,
              report: Callable[[str], None]) -> str:
    """Run every measurement in its own process and return the Markdown table."""
    from marsad.scale.pgserver import missing_reason, temporary_postgres

    corpus = corpus or find_corpus()
    if corpus is None:
        raise MarsadError("no corpus given and ../shared/data/corpus/ not found")
    results: list[Measurement] = []
    with ExitStack() as stack:
        if pg_url is None and missing_reason() is None:
            pg_url = stack.enter_context(temporary_postgres())
        for name in MEASUREMENTS:
            if name == "store-postgresql" and pg_url is None:
                report(f"marsad bench: skipping {name}: {missing_reason()}")
                continue
            report(f"marsad bench: measuring {name} on {limit} documents...")
            results.append(_measure_in_child(name, corpus, limit, pg_url))
    table = format_table(results, corpus, limit)
    if append_to:
        with append_to.open("a", encoding="utf-8") as handle:
            handle.write("\n" + table)
    return table


def format_table(results: list[Measurement], corpus: Path, limit: int) -> str:
    """Render the figures and the issue's target ratios as Markdown."""
    by_name = {result.name: result for result in results}
    lines = [f"Corpus: `{corpus.name}`, first {limit} documents; "
             f"{os.cpu_count()} CPUs visible.", "",
             "| run | docs | docs/s | words/s | peak RSS (MB) | worker peak RSS (MB) |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {r.name} | {r.documents} | {r.docs_per_s:.1f} | {r.words_per_s:,.0f} | "
              f"{r.peak_rss_mb:.0f} | {r.worker_peak_rss_mb:.0f} |" for r in results]
    lines += ["", "| ratio | value | target |", "|---|---:|---|"]
    spacy, pipeline = by_name.get("spacy"), by_name.get("pipeline")
    if spacy and pipeline and pipeline.cpu_seconds:
        # Both run in one process: CPU time compares the work even on a loaded machine.
        value = (spacy.cpu_seconds / spacy.documents) / (pipeline.cpu_seconds / pipeline.documents)
        lines.append(f"| pipeline / bare spaCy, CPU time | {value:.2f} | >= 0.75 |")
    for label, top, bottom, target in (
            ("pipeline / bare spaCy", "pipeline", "spacy", ">= 0.75"),
            ("2 workers / 1 worker", "workers-2", "workers-1", ">= 1.7"),
            ("Dask (2) / local pool (2)", "dask-2", "workers-2", ">= 0.85"),
            ("PostgreSQL / SQLite writes", "store-postgresql", "store-sqlite", "-")):
        if top in by_name and bottom in by_name and by_name[bottom].docs_per_s:
            value = by_name[top].docs_per_s / by_name[bottom].docs_per_s
            lines.append(f"| {label} | {value:.2f} | {target} |")
    return "\n".join(lines) + "\n"


def _measure_in_child(name: str, corpus: Path, limit: int, pg_url: str | None) -> Measurement:
    command = [sys.executable, "-m", "marsad.scale.bench", name, str(corpus), str(limit),
               pg_url or ""]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise MarsadError(f"benchmark {name} failed: {done.stderr.strip()[-800:]}")
    return Measurement(**json.loads(done.stdout.strip().splitlines()[-1]))


def _sources(corpus: Path, limit: int) -> list[SourceDocument]:
    from marsad.ingest import read_inputs

    found = [item for item in read_inputs([str(corpus)]) if isinstance(item, SourceDocument)]
    return found[:limit]


def _timed(name: str, sources: list[SourceDocument], run: Callable[[], Any]) -> Measurement:
    start, cpu_start = time.perf_counter(), time.process_time()
    run()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                   _live_descendants_peak_mb())
    words = sum(len((source.text or source.html or "").split()) for source in sources)
    return Measurement(name, len(sources), words, seconds, own, children, cpu)


def _live_descendants_peak_mb() -> float:
    """Peak RSS (VmHWM) of the largest live descendant: pool and Dask workers still run."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    family, grew = {os.getpid()}, True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in family} - family
        family |= found
        grew = bool(found)
    peak = 0.0
    for pid in family - {os.getpid()}:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) / 1024)
    return peak


def measure(name: str, corpus: Path, limit: int, pg_url: str | None) -> Measurement:
    """Run one measurement in this process (called in a fresh child by ``run_bench``)."""
    sources = _sources(corpus, limit)
    if name == "spacy":
        import spacy

        from marsad.context import Settings

        nlp = spacy.load(Settings.from_env().spacy_model)
        texts = [source.text or "" for source in sources]
        list(nlp.pipe(texts[:WARMUP_DOCS]))
        return _timed(name, sources, lambda: list(nlp.pipe(texts, batch_size=32)))
    if name == "pipeline":
        from marsad.context import get_context
        from marsad.pipeline import process_many

        ctx = get_context()
        list(process_many(sources[:WARMUP_DOCS], ctx))
        return _timed(name, sources, lambda: list(process_many(sources, ctx)))
    if name.startswith("store-"):
        return _measure_store(name, sources, pg_url)
    return _measure_runner(name, sources)


def _measure_runner(name: str, sources: list[SourceDocument]) -> Measurement:
    from marsad.scale.runner import InlineBackend, PoolBackend, run_ingest
    from marsad.store import open_store

    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        store = stack.enter_context(open_store(f"sqlite:///{folder}/bench.db"))
        backend: Any
        if name == "dask-2":
            backend = stack.enter_context(_local_dask(2))
        elif name == "workers-2":
            backend = stack.enter_context(PoolBackend(2))
        else:
            backend = InlineBackend()
        warm = [backend.submit(sources[:1]) for _ in range(2 * backend.workers)]
        for future in warm:
            future.result()
        return _timed(name, sources, lambda: run_ingest(iter(sources), store, backend,
                                                        batch_size=RUNNER_BATCH))


def _local_dask(workers: int) -> Any:
    from distributed import LocalCluster

    from marsad.scale.dask import DaskBackend

    class _ClusterBackend(DaskBackend):
        def __init__(self) -> None:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                         processes=True, dashboard_address=None)
            super().__init__(self._cluster.scheduler_address)
            self._client.run(_load_context)

        def __exit__(self, *exc_info: object) -> None:
            super().__exit__(*exc_info)
            self._cluster.close()

    return _ClusterBackend()


def _load_context() -> None:
    from marsad.context import get_context

    get_context()


def _measure_store(name: str, sources: list[SourceDocument], pg_url: str | None) -> Measurement:
    from marsad.context import get_context
    from marsad.model import DocumentResult
    from marsad.pipeline import process_many
    from marsad.store import open_store

    results = [r for r in process_many(sources, get_context()) if isinstance(r, DocumentResult)]
    with tempfile.TemporaryDirectory() as folder:
        url = pg_url if name == "store-postgresql" else f"sqlite:///{folder}/bench.db"
        assert url
        with open_store(url) as store:
            if name == "store-postgresql":
                _empty_postgres(store.engine)

            def write() -> None:
                for batch in _chunks(results, 32):
                    store.save_many(batch)

            return _timed(name, sources, write)


def _empty_postgres(engine: Any) -> None:
    from sqlalchemy import text

    with engine.begin() as connection:
        connection.execute(text("TRUNCATE documents, events, claims CASCADE"))


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def main() -> None:
    """Child entry point: ``python -m marsad.scale.bench NAME CORPUS LIMIT [PG_URL]``."""
    name, corpus, limit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    pg_url = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
    result = measure(name, corpus, limit, pg_url)
    sys.stdout.write(json.dumps(result.__dict__) + "\n")


if __name__ == "__main__":
    main()
