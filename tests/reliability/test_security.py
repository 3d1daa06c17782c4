"""Security checks the web and feed tests do not already make, against real servers.

Already covered elsewhere (not repeated): injection strings in every filter
(tests/web/test_api.py::test_injection_strings_never_fail), escaping of hostile article text,
titles and outlets in Chromium (tests/web/test_browser.py), non-http(s) links, size caps and
timeouts of the feed fetcher (tests/scale/test_feeds.py). Here: ``marsad serve`` binds to
loopback by default (checked in the kernel's socket table), refuses writes, bodies, huge URLs,
huge headers and oversized pages over real HTTP, and the fetcher refuses every non-http(s)
scheme and a server that drips a page slowly forever.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.scale.feeds import Fetcher, FetchError, FetchLimits
from marsad.store import open_store
from marsad.web.app import MAX_OFFSET, MAX_URL_BYTES
from marsad.web.queries import MAX_PAGE

START_LIMIT_S = 120  # a safety net for a loaded machine, not a timing assertion


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening_addresses(port: int) -> set[str]:
    """Local addresses in LISTEN state on ``port``, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: TCP_LISTEN
                found.add(address)
    return found


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """``marsad serve`` with no --host, as a user starts it, over an empty store."""
    db = tmp_path_factory.mktemp("serve") / "marsad.db"
    open_store(f"sqlite:///{db}").close()
    port = free_port()
    marsad = Path(sys.executable).with_name("marsad")
    server = subprocess.Popen([str(marsad), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_LIMIT_S
    while True:
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        try:
            httpx.get(base + "/api/events", timeout=5)
            break
        except httpx.TransportError:
            assert time.monotonic() < deadline, "marsad serve did not start"
            time.sleep(0.3)
    yield base, port
    server.terminate()
    server.wait(timeout=30)


def test_serve_help_shows_loopback_default() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "[default: 127.0.0.1]" in " ".join(result.output.split())


def test_serve_listens_only_on_loopback(served: tuple[str, int]) -> None:
    _, port = served
    # 0100007F is 127.0.0.1 in /proc's little-endian hex; 00000000 would be every interface.
    assert listening_addresses(port) == {"0100007F"}


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
@pytest.mark.parametrize("path", ["/api/events", "/", "/api/events/x", "/static/map.js"])
def test_no_write_endpoints_over_http(served: tuple[str, int], method: str, path: str) -> None:
    base, _ = served
    response = httpx.request(method, base + path, timeout=30)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize(("request_args", "status"), [
    ({"content": b"x" * 1000}, 413),
    ({"content": iter([b"chunked ", b"body"])}, 413),  # Transfer-Encoding: chunked, no length
    ({"params": {"q": "a" * (MAX_URL_BYTES + 1)}}, 414),
    ({"params": {"limit": str(MAX_PAGE + 1)}}, 422),
    ({"params": {"offset": str(MAX_OFFSET + 1)}}, 422),
    ({"params": {"limit": "-1"}}, 422),
])
def test_request_size_and_page_limits(served: tuple[str, int], request_args: dict[str, object],
                                      status: int) -> None:
    base, _ = served
    response = httpx.request("GET", base + "/api/events", timeout=30,
                             **request_args)  # type: ignore[arg-type]
    assert response.status_code == status, response.text[:300]


def test_security_headers_on_every_answer(served: tuple[str, int]) -> None:
    base, _ = served
    for path in ("/", "/api/events", "/no/such/page"):
        headers = httpx.get(base + path, timeout=30).headers
        assert "default-src" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_huge_header_is_refused_and_server_lives_on(served: tuple[str, int]) -> None:
    base, port = served
    with socket.create_connection(("127.0.0.1", port), timeout=30) as raw:
        raw.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000
                    + b"\r\n\r\n")
        try:
            answer = raw.recv(1024)
        except ConnectionResetError:
            answer = b""
    assert not answer.startswith(b"HTTP/1.1 200")
    assert httpx.get(base + "/api/events", timeout=30).status_code == 200


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/_", "data:text/html,<p>x",
    "javascript:alert(1)", "//127.0.0.1/no-scheme", "127.0.0.1/no-scheme", "",
])
def test_fetcher_refuses_non_http_schemes(url: str) -> None:
    with Fetcher(FetchLimits(per_host_interval_s=0)) as fetcher, \
            pytest.raises(FetchError, match="^refused: .* scheme is not http"):
        fetcher.fetch(url)


@pytest.fixture
def dripping_server() -> Iterator[str]:
    """Answers 200 and then sends one byte every 0.1 s, for ever (a slow-loris page)."""
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/page"
    httpd.shutdown()
    httpd.server_close()


def test_fetcher_gives_up_on_a_dripping_page(dripping_server: str) -> None:
    """Each byte arrives within the read timeout; only the overall deadline stops it."""
    limits = FetchLimits(timeout_s=1.0, max_bytes=1_000_000, per_host_interval_s=0)
    with Fetcher(limits) as fetcher, pytest.raises(FetchError, match="timed out after 1 s"):
        fetcher.fetch(dripping_server)
