"""``marsad serve`` as a real process: several workers, the cache on or off, same answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from fastapi.testclient import TestClient

QUERIES = ["/api/events?limit=5", "/api/events?event_type=Battles&sort=-fatalities",
           "/api/map?country=Syria", "/api/timeline?bucket=week"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(store_url: str, *options: str) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-c", "from marsad.cli import main; main()", "serve",
               "--db", store_url, "--port", str(port), *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, "MARSAD_TILES": ""})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"marsad serve exited with {process.returncode}: {output}")
            try:
                if httpx.get(f"{base}/api/events?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("marsad serve did not answer within 120 s")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        assert process.wait(timeout=30) is not None


@pytest.mark.parametrize("options", [("--workers", "2"), ("--cache-mb", "0"),
                                     ("--workers", "2", "--cache-mb", "0")])
def test_served_answers_match_the_app(store_url: str, client: TestClient,
                                      options: tuple[str, ...]) -> None:
    expected = {path: client.get(path).json() for path in QUERIES}
    with serve(store_url, *options) as base:
        for _ in range(3):  # new connections: with two workers both answer some
            for path in QUERIES:
                response = httpx.get(base + path, timeout=30)
                assert response.status_code == 200, (path, response.text)
                assert response.json() == expected[path], path
        assert httpx.post(base + "/api/events", timeout=30).status_code == 405
        page = httpx.get(base + "/", timeout=30)
        assert page.status_code == 200 and "script-src 'self'" in \
            page.headers["content-security-policy"]
