"""Benchmark the analyst's desk on a store of 20,000 events (not a test: figures vary).

Usage: .venv/bin/python benchmarks/web_bench.py [--events 20000] [--rounds 10] [--loads 3]
       [--store bench.db] [--baseline-src DIR]

Builds the store by cloning real pipeline results (``examples/articles.jsonl`` through
``marsad ingest``) with shifted dates and places: every clone is a valid ``DocumentResult``
(spans still index the unchanged text). Then, against ``marsad serve`` on loopback, it
measures API list-query latency (p50 / p95 over a mix of filters; the first round, when the
desk's answer cache is cold, is reported apart) and, in Debian's Chromium, the time from
navigation start until the map's markers are drawn.

Servers measured in the same run, one after the other on the same store: this checkout
with its answer cache (``cached``) and without (``--cache-mb 0``, ``no cache``),
and with ``--baseline-src DIR`` an older ``src`` folder (``git archive <rev> src | tar -x
-C DIR``) on a copy of the store with the desk index of migration 0004 dropped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import free_port, launch_chromium  # noqa: E402

from marsad.model import DocumentResult  # noqa: E402
from marsad.store import open_store  # noqa: E402

QUERIES = [
    "", "event_type=Battles", "date_from=2019-01-01&date_to=2019-03-31",
    "bbox=35.5,32.5,37.5,34.5", "country=Syria&sort=-fatalities", "q=killed",
    "source=observatory", "actor=islamic+state", "fatalities_min=5&sort=date",
    "admin1=Damascus&offset=400", "limit=500",
]


def clone(result: DocumentResult, number: int, rng: random.Random) -> DocumentResult:
    """Copy ``result`` with new ids, dates shifted up to two years and places moved ~50 km."""
    days = dt.timedelta(days=rng.randint(0, 730))
    north, east = rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5)
    data = result.model_dump(mode="python", by_alias=True)
    doc = data["doc"]
    doc["id"] = f"{doc['id']}~{number}"
    doc["content_hash"] = f"bench:{doc['id']}"
    if doc["published"]:
        doc["published"] += days
    for event in data["events"]:
        event["event_id"] = f"{event['event_id']}~{number}"
        if event["date"]:
            event["date"]["start"] += days
            event["date"]["end"] += days
        place = event["location"]
        if place and place["lat"] is not None:
            place["lat"] = max(-90.0, min(90.0, place["lat"] + north))
            place["lon"] = max(-180.0, min(180.0, place["lon"] + east))
    return DocumentResult.model_validate(data)


def build_store(folder: Path, target: int) -> str:
    db = folder / "bench.db"
    run = [sys.executable, "-c", "from marsad.cli import main; main()"]
    subprocess.run([*run, "ingest", str(ROOT / "examples" / "articles.jsonl"), "--db", str(db)],
                   check=True)
    url = f"sqlite:///{db}"
    rng = random.Random(10)
    with open_store(url) as store:
        seeds = [result for result in store.iter_results() if result.events]
        events = store.counts()["events"]
        number = 0
        while events < target:
            seed = seeds[number % len(seeds)]
            take = min(len(seed.events), target - events)
            copy = clone(seed, number, rng)
            store.save(copy.model_copy(update={"events": copy.events[:take]}))
            events += take
            number += 1
        print(f"store: {store.counts()}", file=sys.stderr)
    return url


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by process ``pid`` and its live descendants."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, IndexError, ValueError):
            continue
        pending += [int(child) for child in children]
    return total


@contextmanager
def serving(db_url: str, *, workers: int = 1, cache: bool = True,
            src: Path | None = None, pids: list[int] | None = None) -> Iterator[str]:
    """Run ``marsad serve`` on a free loopback port (from ``src`` if given); yield its URL.

    ``pids``, when given, receives the server's process id (for ``cpu_seconds``)."""
    port = free_port()
    env = {**os.environ, "MARSAD_TILES": ""}
    if not cache:
        env["MARSAD_CACHE_MB"] = "0"
    if src is not None:
        env["PYTHONPATH"] = str(src)
    command = [sys.executable, "-c", "from marsad.cli import main; main()", "serve",
               "--db", db_url, "--port", str(port)]
    if workers > 1:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, env=env)
    if pids is not None:
        pids.append(process.pid)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/events?limit=1", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise RuntimeError("marsad serve did not start")
        if workers > 1:
            time.sleep(5)  # the first worker answered; give the others time to start too
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def baseline_store(url: str, folder: Path) -> str:
    """Copy the store for an older desk: the same data at migration 0003 (index dropped)."""
    source = Path(url.removeprefix("sqlite:///"))
    copy = folder / "baseline.db"
    with sqlite3.connect(source) as raw:  # fold the WAL in before copying the file
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(source, copy)
    with sqlite3.connect(copy) as raw:
        raw.execute("DROP INDEX IF EXISTS ix_events_desk")
        raw.execute("UPDATE alembic_version SET version_num = '0003'")
    return f"sqlite:///{copy}"


def store_url(folder: Path, events: int, store: Path | None) -> str:
    """Reuse ``store`` when it exists, else build one (kept at ``store`` when given)."""
    if store is not None and store.exists():
        return f"sqlite:///{store.resolve()}"
    url = build_store(folder, events)
    if store is None:
        return url
    (folder / "bench.db").replace(store)
    return f"sqlite:///{store.resolve()}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_api(base: str, rounds: int) -> dict[str, float]:
    """Time the query mix ``rounds`` times; the first round (cold cache) also on its own."""
    timings: list[float] = []
    first: list[float] = []
    with httpx.Client(base_url=base, timeout=60) as client:
        client.get("/api/events?limit=1&sort=date")  # warm the connection and SQLite's cache
        started = time.perf_counter()
        points = client.get("/api/map").json()
        map_ms = (time.perf_counter() - started) * 1000
        for number in range(rounds):
            for query in QUERIES:
                started = time.perf_counter()
                response = client.get(f"/api/events?{query}")
                timings.append((time.perf_counter() - started) * 1000)
                if number == 0:
                    first.append(timings[-1])
                response.raise_for_status()
    return {"requests": len(timings), "p50_ms": percentile(timings, 0.5),
            "p95_ms": percentile(timings, 0.95), "max_ms": max(timings),
            "first_p50_ms": percentile(first, 0.5), "first_max_ms": max(first),
            "map_points": len(points["points"]), "map_api_ms": map_ms}


def measure_map(base: str, loads: int, provinces: list[float] | None = None) -> list[float]:
    """Navigation start to markers drawn, per load; ``provinces`` receives the time the
    province outlines were drawn too (desks that draw them)."""
    from playwright.sync_api import sync_playwright

    drawn = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for _ in range(loads):
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(base + "/")
            page.wait_for_selector("#map[data-markers]", state="attached", timeout=120_000)
            drawn.append(float(page.evaluate("window.marsadMarkersDrawn")))
            if provinces is not None and page.evaluate("'marsadOutlines' in window"):
                page.wait_for_selector("#map[data-admin1]", state="attached", timeout=120_000)
                provinces.append(float(page.evaluate("window.marsadAdmin1Drawn")))
            page.close()
        browser.close()
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--store", type=Path, default=None,
                        help="SQLite file to use; built there first if missing (reuse it).")
    parser.add_argument("--baseline-src", type=Path, default=None,
                        help="Also measure the desk of this older src folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        url = store_url(Path(folder), args.events, args.store)
        print(f"store ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        servers: list[tuple[str, str, dict[str, object]]] = []
        if args.baseline_src:
            servers.append(("baseline", baseline_store(url, Path(folder)),
                            {"src": args.baseline_src.resolve()}))
        servers += [("no cache", url, {"cache": False}), ("cached", url, {})]
        lines = ["| desk | list p50 | list p95 | list max | first round p50 / max | "
                 "/api/map (all) | markers drawn (median; each) | province outlines drawn |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, db_url, options in servers:
            with serving(db_url, **options) as base:  # type: ignore[arg-type]
                api = measure_api(base, args.rounds)
                provinces: list[float] = []
                drawn = measure_map(base, args.loads, provinces)
            lines.append(
                f"| {name} | {api['p50_ms']:.1f} ms | {api['p95_ms']:.1f} ms | "
                f"{api['max_ms']:.0f} ms | {api['first_p50_ms']:.1f} / "
                f"{api['first_max_ms']:.0f} ms | {api['map_api_ms']:.0f} ms "
                f"({api['map_points']:.0f} points) | {statistics.median(drawn):,.0f} ms ("
                + ", ".join(f"{value:,.0f}" for value in drawn) + ") | "
                + (f"{statistics.median(provinces):,.0f} ms |" if provinces else "— |"))
            print(lines[-1], file=sys.stderr)
    print(f"{args.rounds} rounds of {len(QUERIES)} /api/events queries; {args.loads} map "
          f"loads ({os.cpu_count()} cores)")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
