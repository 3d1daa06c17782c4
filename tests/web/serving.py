"""Run ``marsad serve`` as its own process on a free loopback port (browser and serve tests)."""

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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(store_url: str, *options: str) -> Iterator[str]:
    """Start the server, wait until the API answers (120 s at most), yield its base URL."""
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
