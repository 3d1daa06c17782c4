"""Where the time goes with 1 vs 2 workers (issue #11: "2 workers >= 1.7x one worker").

Runs the ``marsad ingest`` runner (``run_ingest`` into a fresh SQLite file) on the same
replayed documents, alternating serial (in-process) and a 2-process pool (and, with
``--dask``, a 2-worker ``LocalCluster``), ``--repeat`` times, so every configuration sees
the same machine load. For each run it records:

- wall time and documents/s;
- CPU seconds of the parent (reading, hashing, skip queries, unpickling, SQLite writes) and
  of the workers (``/proc/PID/stat``), per document: if the work per document is the same
  with 2 workers, any shortfall from 2x is waiting, not overhead;
- the idle CPU of the whole machine during the run (``/proc/stat``), in cores: on a shared
  2-core machine a second worker can only go as fast as the core other people leave free.

Start-up (model loading in each worker) is done before the clock starts: it is a fixed
cost per ``marsad ingest``, reported separately as ``startup_s``. Prints the runs and the
best and median ratio as JSON. Usage (from the repository root):

    .venv/bin/python benchmarks/scale_workers.py --docs 400 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from marsad.context import get_context
from marsad.model import SourceDocument
from marsad.scale.replay import load_base_texts, replay_records
from marsad.scale.runner import InlineBackend, PoolBackend, run_ingest
from marsad.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO / ".." / "shared" / "data"
TICKS = os.sysconf("SC_CLK_TCK")


def machine_idle_s() -> float:
    """Idle + iowait CPU seconds of the whole machine since boot (all cores)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    return (int(fields[3]) + int(fields[4])) / TICKS


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of one live process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def own_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker_pids(backend: Any) -> list[int]:
    """The pool's worker processes (none for the in-process backend)."""
    pool = getattr(backend, "_pool", None)
    if pool is not None:
        return [process.pid for process in pool._processes.values()]
    cluster = getattr(backend, "_cluster", None)
    if cluster is not None:
        return [pid for pid in backend._client.run(os.getpid).values()]
    return []


def open_backend(name: str, stack: ExitStack) -> Any:
    if name == "workers-1":
        get_context()
        return InlineBackend()
    if name == "dask-2":
        from marsad.scale.bench import _local_dask

        return stack.enter_context(_local_dask(2))
    return stack.enter_context(PoolBackend(2))


def measure(name: str, sources: list[SourceDocument], batch_size: int) -> dict[str, Any]:
    """One timed ingest of ``sources`` with the named backend, start-up excluded."""
    with tempfile.TemporaryDirectory(prefix="marsad-workers-") as folder, ExitStack() as stack:
        store = stack.enter_context(open_store(f"sqlite:///{folder}/bench.db"))
        started = time.perf_counter()
        backend = open_backend(name, stack)
        warm = [backend.submit(sources[:1]) for _ in range(2 * backend.workers)]
        for future in warm:
            future.result()
        startup = time.perf_counter() - started
        pids = worker_pids(backend)
        parent0, workers0 = own_cpu_s(), sum(cpu_s(pid) for pid in pids)
        idle0, wall0 = machine_idle_s(), time.perf_counter()
        tally = run_ingest(iter(sources), store, backend, batch_size=batch_size)
        wall = time.perf_counter() - wall0
        idle = machine_idle_s() - idle0
        parent = own_cpu_s() - parent0
        workers = sum(cpu_s(pid) for pid in pids) - workers0
    docs = len(sources)
    return {"run": name, "docs": docs, "stored": tally.stored, "wall_s": round(wall, 2),
            "docs_per_s": round(docs / wall, 2), "startup_s": round(startup, 1),
            "parent_cpu_ms_per_doc": round(1000 * parent / docs, 1),
            "worker_cpu_ms_per_doc": round(1000 * workers / docs, 1),
            "idle_cores": round(idle / wall, 2),
            "load_avg": float(Path("/proc/loadavg").read_text().split()[0])}


def ratios(runs: list[dict[str, Any]], top: str, bottom: str) -> list[float]:
    """Per-round ratio of documents/s (rounds pair runs measured back to back)."""
    tops = [r["docs_per_s"] for r in runs if r["run"] == top]
    bottoms = [r["docs_per_s"] for r in runs if r["run"] == bottom]
    return [round(a / b, 2) for a, b in zip(tops, bottoms, strict=True)]


def replayed(count: int, max_chars: int) -> Iterator[SourceDocument]:
    bases = load_base_texts(SHARED_DATA, max_chars)
    if not bases:
        raise SystemExit(f"no corpora under {SHARED_DATA}")
    for record in replay_records(bases, count, start=20_000_000):
        yield SourceDocument(id=record["id"], text=record["text"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--max-chars", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dask", action="store_true", help="also measure a 2-worker cluster")
    args = parser.parse_args()
    sources = list(replayed(args.docs, args.max_chars))
    names = ["workers-1", "workers-2"] + (["dask-2"] if args.dask else [])
    runs = []
    for _ in range(args.repeat):
        for name in names:
            runs.append(measure(name, sources, args.batch_size))
            print(json.dumps(runs[-1]), flush=True)
    summary: dict[str, Any] = {"docs": args.docs, "batch_size": args.batch_size,
                               "cpus": os.cpu_count()}
    for label, top, bottom in (("workers-2/workers-1", "workers-2", "workers-1"),
                               ("dask-2/workers-2", "dask-2", "workers-2")):
        if top in names:
            values = ratios(runs, top, bottom)
            summary[label] = {"each": values, "best": max(values),
                              "median": statistics.median(values)}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
