"""Take the desk's screenshots (docs/screenshots/*.png) in Debian's Chromium.

Usage: .venv/bin/python scripts/screenshots.py [--db URL]

Without ``--db`` it ingests ``examples/articles.jsonl`` with the real pipeline into a
temporary SQLite store and fuses it (when ``marsad fuse`` is installed), so the pictures show
what a new user sees. ``serving`` and ``launch_chromium`` are reused by
``benchmarks/web_bench.py``.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-gpu",
                 "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(db_url: str) -> Iterator[str]:
    """Run ``marsad serve`` on a free loopback port; yield its base URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", "from marsad.cli import main; main()",
                                "serve", "--db", db_url, "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/events?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise RuntimeError("marsad serve did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def launch_chromium(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def example_store(folder: Path) -> str:
    """Ingest the bundled examples (and fuse them) into ``folder/desk.db``; return its URL."""
    db = folder / "desk.db"
    run = [sys.executable, "-c", "from marsad.cli import main; main()"]
    subprocess.run([*run, "ingest", str(ROOT / "examples" / "articles.jsonl"), "--db", str(db)],
                   check=True)
    subprocess.run([*run, "fuse", "--db", str(db)], check=False)  # absent before issue #9
    return f"sqlite:///{db}"


def take(base: str) -> list[Path]:
    """Screenshot the map, an event, its document and (when fused) an incident."""
    from playwright.sync_api import sync_playwright

    events = httpx.get(f"{base}/api/events?sort=-fatalities&limit=1&country=Syria",
                       timeout=30).json()["events"]
    pages = {"map": "/", "event": f"/events/{events[0]['event_id']}",
             "document": f"/documents/{events[0]['doc_id']}", "api": "/api/docs"}
    incidents = httpx.get(f"{base}/api/incidents?limit=200", timeout=30)
    if incidents.status_code == 200 and incidents.json()["incidents"]:
        biggest = max(incidents.json()["incidents"], key=lambda row: row.get("member_count", 0))
        pages["incident"] = f"/incidents/{biggest['incident_id']}"
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        for name, path in pages.items():
            page.goto(base + path)
            if name == "map":
                page.wait_for_selector("#map[data-markers]", state="attached")
                page.wait_for_selector("#map[data-admin1]", state="attached")  # provinces
                page.wait_for_timeout(800)  # let the cluster animation settle
            target = OUT / f"{name}.png"
            page.screenshot(path=str(target))
            written.append(target)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store URL (default: a fresh store of the examples)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or example_store(Path(folder))
        with serving(url) as base:
            for path in take(base):
                print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
