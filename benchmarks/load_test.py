"""Bounded load test of ``marsad serve`` on loopback (not a test: figures vary by machine).

Usage: .venv/bin/python benchmarks/load_test.py [--events 20000] [--clients 50] [--seconds 30]
       [--store bench.db] [--workers 1 2] [--no-cache] [--baseline-src DIR]
       [--append docs/benchmarks.md]

Builds a SQLite store of ``--events`` events with web_bench's generator (real pipeline results
cloned with shifted dates and places), starts ``marsad serve`` on a free loopback port, then
runs ``--clients`` concurrent connections of wrk (Debian's ``wrk``; ``--client httpx``: Python
httpx.AsyncClient loops instead) for ``--seconds``, each request drawn
from a fixed mix of filtered ``/api/events`` list queries and ``/api/map`` queries. Reports
throughput, p50 / p99 / max latency and errors (non-200 answers and transport errors), per
endpoint and overall. Targets (issue #12): zero errors, p99 under 250 ms.

Each ``--workers`` count is a run of its own (``marsad serve --workers N``); ``--no-cache``
adds runs with the desk's answer cache off (``--cache-mb 0``: every request queries SQLite),
and ``--baseline-src`` a first run of an older ``src`` folder on a copy of the store at
migration 0003 (see web_bench.py), so before and after are measured in one go.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from web_bench import (  # noqa: E402
    baseline_store,
    cpu_seconds,
    percentile,
    serving,
    store_url,
)

LIST_QUERIES = [
    "event_type=Battles", "date_from=2019-01-01&date_to=2019-03-31",
    "bbox=35.5,32.5,37.5,34.5", "country=Syria&sort=-fatalities", "q=killed",
    "source=observatory", "actor=islamic+state", "fatalities_min=5&sort=date",
    "admin1=Damascus&offset=400", "limit=200&sort=-date", "",
]
MAP_QUERIES = [
    "event_type=Explosions%2FRemote+violence", "date_from=2019-06-01&date_to=2019-12-31",
    "bbox=36,33,38,35", "fatalities_min=1", "country=Syria",
]
WRK = "wrk"
MAP_SHARE = 0.3
"""Share of requests that are map queries (the rest are list queries)."""


@dataclass
class Tally:
    """Latencies (ms) per endpoint and the errors seen."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {"list": [], "map": []})
    per_query: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    # CPU seconds used during the timed run by the server (all workers) and this client.
    server_cpu: float = 0.0
    client_cpu: float = 0.0


async def client_loop(base: str, deadline: float, seed: int, tally: Tally) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.perf_counter() < deadline:
            kind = "map" if rng.random() < MAP_SHARE else "list"
            query = rng.choice(MAP_QUERIES if kind == "map" else LIST_QUERIES)
            path = f"/api/map?{query}" if kind == "map" else f"/api/events?{query}"
            started = time.perf_counter()
            try:
                response = await client.get(path)
                if response.status_code != 200:
                    tally.errors.append(f"{path}: HTTP {response.status_code}")
            except httpx.HTTPError as err:
                tally.errors.append(f"{path}: {type(err).__name__}")
                continue
            elapsed = (time.perf_counter() - started) * 1000
            tally.latencies[kind].append(elapsed)
            tally.per_query.setdefault(path, []).append(elapsed)


async def warm_up(base: str, rounds: int) -> None:
    """Ask each list query and the map once per round, as a running desk would have been."""
    for _ in range(rounds):  # new connections: each worker gets some of the rounds
        async with httpx.AsyncClient(base_url=base, timeout=60) as warm:
            for query in LIST_QUERIES:  # warm SQLite's page cache and the answer cache
                await warm.get(f"/api/events?{query}")
            await warm.get("/api/map")


async def run_load(base: str, clients: int, seconds: float,
                   warm_rounds: int = 1, pid: int | None = None) -> tuple[Tally, float]:
    tally = Tally()
    await warm_up(base, warm_rounds)
    started = time.perf_counter()
    server_before = cpu_seconds(pid) if pid else 0.0
    client_before = time.process_time()
    deadline = started + seconds
    await asyncio.gather(*(client_loop(base, deadline, seed, tally)
                           for seed in range(clients)))
    tally.server_cpu = (cpu_seconds(pid) if pid else 0.0) - server_before
    tally.client_cpu = time.process_time() - client_before
    return tally, time.perf_counter() - started


WRK_SCRIPT = """
local list = {%(list)s}
local map = {%(map)s}
math.randomseed(7)
request = function()
  local path
  if math.random() < %(share)s then path = "/api/map?" .. map[math.random(#map)]
  else path = "/api/events?" .. list[math.random(#list)] end
  return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %%d %%.3f %%.3f %%.3f %%d %%d\\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def run_wrk(base: str, clients: int, seconds: float, warm_rounds: int,
            pid: int) -> dict[str, float]:
    """Drive the same request mix with wrk (C, one thread): the client barely uses a core.

    Why: the httpx client is one Python process that needs most of a core at 200 req/s, so
    on a 2-core machine it competes with the server it measures. wrk sends
    ``Accept-Encoding: gzip`` as browsers do (the desk serves cached gzip bodies).
    """
    asyncio.run(warm_up(base, warm_rounds))
    quoted = lambda queries: ", ".join(f'"{query}"' for query in queries)  # noqa: E731
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"list": quoted(LIST_QUERIES), "map": quoted(MAP_QUERIES),
                                   "share": MAP_SHARE})
    server_before = cpu_seconds(pid)
    client_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    output = subprocess.run(
        [WRK, "-t1", f"-c{clients}", f"-d{int(seconds)}s", "--timeout", "10s", "--latency",
         "-s", script.name, base], capture_output=True, text=True, check=True).stdout
    elapsed = time.perf_counter() - started
    client_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    os.unlink(script.name)
    line = next(row for row in output.splitlines() if row.startswith("WRK "))
    requests, p50, p99, longest, non_200, failed = line.split()[1:]
    return {"requests": int(requests), "elapsed": elapsed, "p50": float(p50),
            "p99": float(p99), "max": float(longest), "errors": int(non_200) + int(failed),
            "server_cpu": cpu_seconds(pid) - server_before,
            "client_cpu": (client_after.ru_utime + client_after.ru_stime)
            - (client_before.ru_utime + client_before.ru_stime)}


def report_wrk(figures: dict[str, float], events: int, clients: int, server: str) -> str:
    """The Markdown summary of one wrk run (overall figures: wrk keeps no per-query ones)."""
    requests = figures["requests"] or 1
    verdict = "meets" if not figures["errors"] and figures["p99"] < 250 else "misses"
    return "\n".join([
        f"Load on {server}: {clients} concurrent wrk connections for "
        f"{figures['elapsed']:.0f} s on {events:,} events ({platform.machine()}, "
        f"{os.cpu_count()} cores).", "",
        "| requests | throughput | p50 | p99 | max | errors | server CPU per request | "
        "client CPU |", "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {figures['requests']:,} | {figures['requests'] / figures['elapsed']:.0f} req/s | "
        f"{figures['p50']:.0f} ms | {figures['p99']:.0f} ms | {figures['max']:.0f} ms | "
        f"{figures['errors']} | {1000 * figures['server_cpu'] / requests:.1f} ms | "
        f"{figures['client_cpu']:.1f} s |", "",
        f"Load average at the end: {os.getloadavg()[0]:.1f}. Target (zero errors, p99 < 250 "
        f"ms): {verdict}."])


def report(tally: Tally, elapsed: float, events: int, clients: int, server: str) -> str:
    every = tally.latencies["list"] + tally.latencies["map"]
    lines = [
        f"Load on {server}: {clients} concurrent clients for {elapsed:.0f} s on {events:,} "
        f"events ({platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}).",
        "",
        "| requests | throughput | p50 | p99 | max | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, values in (("all", every), ("/api/events list", tally.latencies["list"]),
                         ("/api/map", tally.latencies["map"])):
        if not values:
            continue
        lines.append(f"| {name} ({len(values):,}) | {len(values) / elapsed:.0f} req/s | "
                     f"{percentile(values, 0.5):.0f} ms | {percentile(values, 0.99):.0f} ms | "
                     f"{max(values):.0f} ms | "
                     f"{len(tally.errors) if name == 'all' else '-'} |")
    lines += ["", "| query | requests | p50 | p99 |", "|---|---:|---:|---:|"]
    for path, values in sorted(tally.per_query.items(), key=lambda item: -percentile(
            item[1], 0.5)):
        lines.append(f"| `{path}` | {len(values)} | {percentile(values, 0.5):.0f} ms | "
                     f"{percentile(values, 0.99):.0f} ms |")
    if every:
        lines += ["", f"CPU during the run: server {tally.server_cpu:.1f} s "
                      f"({1000 * tally.server_cpu / len(every):.1f} ms per request), load "
                      f"client {tally.client_cpu:.1f} s, of {elapsed * (os.cpu_count() or 1):.0f} "
                      f"core-seconds; load average {os.getloadavg()[0]:.1f}."]
    verdict = ("meets" if not tally.errors and every and percentile(every, 0.99) < 250
               else "misses")
    lines += ["", f"Target (zero errors, p99 < 250 ms): {verdict}."]
    if tally.errors:
        lines.append("First errors: " + "; ".join(tally.errors[:5]))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--store", type=Path, default=None,
                        help="SQLite file to use; built there first if missing (reuse it).")
    parser.add_argument("--workers", type=int, nargs="+", default=[1],
                        help="Server processes; one run per value.")
    parser.add_argument("--no-cache", action="store_true",
                        help="Also run each worker count with the answer cache off.")
    parser.add_argument("--baseline-src", type=Path, default=None,
                        help="First run the desk of this older src folder (one worker).")
    parser.add_argument("--client", choices=["auto", "wrk", "httpx"], default="auto",
                        help="Load client: wrk (Debian's 'wrk', C) or the Python httpx loops; "
                             "auto picks wrk when it is installed.")
    parser.add_argument("--append", type=Path, default=None,
                        help="Append the Markdown table to this file.")
    args = parser.parse_args()
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which(WRK))
    texts = []
    with tempfile.TemporaryDirectory() as folder:
        url = store_url(Path(folder), args.events, args.store)
        runs: list[tuple[str, str, dict[str, object]]] = []
        if args.baseline_src:
            runs.append((f"the baseline desk ({args.baseline_src})",
                         baseline_store(url, Path(folder)), {"src": args.baseline_src.resolve()}))
        for workers in args.workers:
            name = f"{workers} worker{'' if workers == 1 else 's'}"
            if args.no_cache:
                runs.append((f"`marsad serve --workers {workers} --cache-mb 0` ({name}, no "
                             "answer cache)", url, {"workers": workers, "cache": False}))
            runs.append((f"`marsad serve --workers {workers}` ({name}, answer cache)", url,
                         {"workers": workers}))
        for server, db_url, options in runs:
            pids: list[int] = []
            with serving(db_url, pids=pids, **options) as base:  # type: ignore[arg-type]
                warm = 2 * int(options.get("workers", 1))  # type: ignore[call-overload]
                if use_wrk:
                    figures = run_wrk(base, args.clients, args.seconds, warm, pids[0])
                    texts.append(report_wrk(figures, args.events, args.clients, server))
                else:
                    tally, elapsed = asyncio.run(run_load(base, args.clients, args.seconds,
                                                          warm, pids[0]))
                    texts.append(report(tally, elapsed, args.events, args.clients, server))
            print(texts[-1] + "\n", flush=True)
    text = "\n\n".join(texts)
    if args.append:
        with args.append.open("a", encoding="utf-8") as out:
            out.write("\n" + text + "\n")


if __name__ == "__main__":
    main()
