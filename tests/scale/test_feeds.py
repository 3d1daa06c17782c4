"""Feeds against a real HTTP server on loopback: good, huge, slow, non-http, redirected pages."""

from __future__ import annotations

import itertools
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.ingest import InputError
from marsad.model import SourceDocument
from marsad.scale.feeds import (
    FeedEntry,
    Fetcher,
    FetchError,
    FetchLimits,
    feed_documents,
    read_feed_list,
)
from marsad.store import open_store

PAGE = (Path(__file__).resolve().parents[1] / "data" / "ingest" / "news_page.html").read_text(
    encoding="utf-8")
SECOND_PAGE = PAGE.replace("Four civilians", "Five civilians").replace("Khan Shaykhun", "Kafr Nabl")
CAP = 20_000
LIMITS = FetchLimits(timeout_s=0.5, max_bytes=CAP, per_host_interval_s=0.0)
SLOW_S = 3.0

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Levant Monitor</title><link>{base}/</link>
<item><title>Shelling kills four</title><link>{base}/article/good</link>
  <pubDate>Thu, 14 Mar 2019 09:30:00 +0200</pubDate></item>
<item><title>Huge</title><link>{base}/article/big</link></item>
<item><title>Huge, no length</title><link>{base}/article/big-stream</link></item>
<item><title>Slow</title><link>{base}/article/slow</link></item>
<item><title>FTP</title><link>ftp://127.0.0.1/article.txt</link></item>
<item><title>Redirect</title><link>{base}/article/to-file</link></item>
<item><title>Gone</title><link>{base}/article/missing</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Shellfire kills five</title><link href="/article/second"/>
<id>urn:x:1</id><updated>2019-03-15T08:00:00Z</updated></entry></feed>"""


@dataclass
class Server:
    base: str
    requests: list[tuple[str, float]] = field(default_factory=list)

    def hits(self, path: str) -> int:
        return sum(1 for seen, _ in self.requests if seen == path)


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server(base="")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            state.requests.append((self.path, time.monotonic()))
            try:
                self._answer()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the fetcher gave up on a slow or huge page, as it should

        def _answer(self) -> None:
            routes = {"/feed.xml": RSS.format(base=state.base), "/atom.xml": ATOM,
                      "/article/good": PAGE, "/article/second": SECOND_PAGE,
                      "/article/big": "x" * (CAP * 3)}
            if self.path == "/article/slow":
                time.sleep(SLOW_S)
            if self.path == "/article/to-file":
                self.send_response(302)
                self.send_header("Location", "file:///etc/passwd")
                self.end_headers()
            elif self.path == "/article/big-stream":
                self.send_response(200)  # HTTP/1.0, no Content-Length: read until close
                self.end_headers()
                for _ in range(6):
                    self.wfile.write(b"y" * (CAP // 2))
            elif self.path in routes:
                body = routes[self.path].encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


def test_feed_entries_become_documents_or_named_errors(server: Server) -> None:
    with Fetcher(LIMITS) as fetcher:
        items = list(feed_documents([f"{server.base}/feed.xml"], fetcher))
    base = server.base
    outcome = [(item.origin, item.title if isinstance(item, SourceDocument) else item.reason)
               for item in items]
    assert outcome == [
        (f"{base}/article/good", "Shelling kills four"),
        (f"{base}/article/big", f"page of {CAP * 3} bytes is over the {CAP}-byte cap"),
        (f"{base}/article/big-stream", f"page is over the {CAP}-byte cap"),
        (f"{base}/article/slow", "timed out after 0.5 s"),
        ("ftp://127.0.0.1/article.txt", "not an http(s) link"),
        (f"{base}/article/to-file", "refused: file scheme is not http(s)"),
        (f"{base}/article/missing", "HTTP 404"),
    ]
    good = items[0]
    assert isinstance(good, SourceDocument)
    assert (good.outlet, str(good.published), good.html) == ("Levant Monitor", "2019-03-14", PAGE)
    assert good.id == FeedEntry(f"{base}/article/good", None, None, None).doc_id


@pytest.mark.parametrize(("location", "reason"), [
    ("/article/missing", "HTTP 404"),
    ("/article/good", "no entries in the feed"),  # a page, not a feed
    ("file:///etc/hostname", "refused: file scheme is not http(s)"),
])
def test_bad_feeds_are_named_errors(server: Server, location: str, reason: str) -> None:
    url = location if "://" in location else server.base + location
    with Fetcher(LIMITS) as fetcher:
        items = list(feed_documents([url], fetcher))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].reason.startswith(reason)


def test_requests_to_one_host_are_spaced(server: Server) -> None:
    interval = 0.3
    with Fetcher(FetchLimits(per_host_interval_s=interval)) as fetcher:
        for _ in range(3):
            fetcher.fetch(f"{server.base}/article/good")
    times = [when for _, when in server.requests]
    # A lower bound the fetcher guarantees by sleeping, not a speed measurement.
    assert all(later - earlier >= interval * 0.9 for earlier, later in itertools.pairwise(times))


def test_fetcher_refuses_non_http_urls() -> None:
    with Fetcher(LIMITS) as fetcher, pytest.raises(FetchError, match="^refused: ftp scheme"):
        fetcher.fetch("ftp://127.0.0.1/x")


def test_ingest_feed_then_watch_fetches_only_new_entries(server: Server, tmp_path: Path) -> None:
    db = tmp_path / "feeds.db"
    feed = f"{server.base}/atom.xml"
    limits = ["--fetch-timeout", "0.5", "--max-page-bytes", str(CAP), "--per-host-interval", "0"]
    done = CliRunner().invoke(cli, ["ingest", "--feed", feed, "--db", str(db), "--workers", "1",
                                    *limits])
    assert done.exit_code == 0, done.output
    assert "1 documents read" in done.output
    feeds_txt = tmp_path / "feeds.txt"
    feeds_txt.write_text(f"# outlets\n{feed}\n\n{server.base}/feed.xml  # main\n",
                         encoding="utf-8")
    assert read_feed_list(feeds_txt) == [feed, f"{server.base}/feed.xml"]
    watched = CliRunner().invoke(cli, ["watch", str(feeds_txt), "--every", "0s", "--rounds", "2",
                                       "--db", str(db), "--workers", "1", *limits])
    assert watched.exit_code == 0, watched.output
    rounds = [line for line in watched.output.splitlines() if "marsad watch: round" in line]
    # Round 2 fetches nothing stored; the six bad entries are tried again (and fail again).
    assert [re.sub(r"\d+ events", "N events", line) for line in rounds] == [
        "marsad watch: round 1: 1 documents read, N events, 1 stored, 0 already stored, "
        "6 failed",
        "marsad watch: round 2: 0 documents read, N events, 6 failed",
    ]
    assert server.hits("/article/second") == 1 and server.hits("/article/good") == 1
    with open_store(f"sqlite:///{db}") as store:
        assert sorted(r.doc.title or "" for r in store.iter_results()) == [
            "Shellfire kills five", "Shelling kills four"]
