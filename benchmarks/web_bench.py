"""Benchmark the analyst's desk on a store of 20,000 events (not a test: figures vary).

Usage: .venv/bin/python benchmarks/web_bench.py [--events 20000] [--rounds 20]

Builds the store by cloning real pipeline results (``examples/articles.jsonl`` through
``marsad ingest``) with shifted dates and places: every clone is a valid ``DocumentResult``
(spans still index the unchanged text). Then, against ``marsad serve`` on loopback, it
measures API list-query latency (p50 / p95 over a mix of filters) and, in Debian's
Chromium, the time from navigation start until the map's markers are drawn.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import launch_chromium, serving  # noqa: E402

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


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_api(base: str, rounds: int) -> dict[str, float]:
    timings: list[float] = []
    with httpx.Client(base_url=base, timeout=60) as client:
        client.get("/api/events")  # warm the connection and SQLite's page cache
        for _ in range(rounds):
            for query in QUERIES:
                started = time.perf_counter()
                response = client.get(f"/api/events?{query}")
                timings.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
        started = time.perf_counter()
        points = client.get("/api/map").json()
        map_ms = (time.perf_counter() - started) * 1000
    return {"requests": len(timings), "p50_ms": percentile(timings, 0.5),
            "p95_ms": percentile(timings, 0.95), "max_ms": max(timings),
            "map_points": len(points["points"]), "map_api_ms": map_ms}


def measure_map(base: str, loads: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    drawn = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for _ in range(loads):
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(base + "/")
            page.wait_for_selector("#map[data-markers]", state="attached", timeout=120_000)
            drawn.append(float(page.evaluate("window.marsadMarkersDrawn")))
            page.close()
        browser.close()
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--loads", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        url = build_store(Path(folder), args.events)
        print(f"store built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        with serving(url) as base:
            api = measure_api(base, args.rounds)
            drawn = measure_map(base, args.loads)
    print(f"API list queries: {api['requests']} requests, p50 {api['p50_ms']:.1f} ms, "
          f"p95 {api['p95_ms']:.1f} ms, max {api['max_ms']:.1f} ms")
    print(f"/api/map: {api['map_points']} points in {api['map_api_ms']:.0f} ms")
    print("map markers drawn (ms from navigation start): "
          + ", ".join(f"{value:.0f}" for value in drawn)
          + f"; median {statistics.median(drawn):.0f}")


if __name__ == "__main__":
    main()
