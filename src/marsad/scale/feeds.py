"""Read RSS/Atom feeds and fetch the pages they link to, politely and defensively.

Why so defensive: a monitor reads outlets it does not control, unattended. Every page is
fetched with a connect/read timeout and an overall deadline, a size cap (checked on the
declared length and again while reading), only over http(s), following at most a few
redirects and never to another scheme (``file:``, ``ftp:``...), and no more often than once
per ``per_host_interval_s`` per host. Each entry gets a stable id from its link, so a
rerun (``marsad watch``) asks the store which entries it has before fetching anything.
A bad feed or page is one ``InputError`` naming it and the reason; the rest goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from marsad.ingest import InputError
from marsad.model import SourceDocument

ALLOWED_SCHEMES = frozenset({"http", "https"})
USER_AGENT = "marsad/1 (conflict news monitor; +https://github.com/marsad)"


@dataclass(frozen=True)
class FetchLimits:
    """Limits on every request (operators tune them with ``marsad ingest/watch`` options)."""

    timeout_s: float = 20.0
    max_bytes: int = 5_000_000
    per_host_interval_s: float = 1.0
    max_redirects: int = 5


class FetchError(Exception):
    """A page or feed could not be fetched; the message says why, in one line."""


class Fetcher(AbstractContextManager["Fetcher"]):
    """An HTTP client that enforces ``FetchLimits`` and a per-host request interval."""

    def __init__(self, limits: FetchLimits | None = None) -> None:
        self.limits = limits or FetchLimits()
        self._client = httpx.Client(
            follow_redirects=False, timeout=httpx.Timeout(self.limits.timeout_s),
            headers={"User-Agent": USER_AGENT}, trust_env=False)
        self._last_request: dict[str, float] = {}

    def __exit__(self, *exc_info: object) -> None:
        self._client.close()

    def fetch(self, url: str) -> tuple[str, str]:
        """Return ``(final url, decoded body)``; raise ``FetchError`` on any violation."""
        for _ in range(self.limits.max_redirects + 1):
            _check_scheme(url)
            self._wait_for(url)
            try:
                with self._client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code != httpx.codes.OK:
                        raise FetchError(f"HTTP {response.status_code}")
                    body = self._read_capped(response)
                    return url, body.decode(response.encoding or "utf-8", errors="replace")
            except httpx.TimeoutException as err:
                raise FetchError(f"timed out after {self.limits.timeout_s:g} s") from err
            except httpx.HTTPError as err:
                raise FetchError(f"cannot fetch ({type(err).__name__}: {err})") from err
        raise FetchError(f"more than {self.limits.max_redirects} redirects")

    def _read_capped(self, response: httpx.Response) -> bytes:
        cap = self.limits.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(f"page of {int(declared)} bytes is over the {cap}-byte cap")
        deadline = time.monotonic() + self.limits.timeout_s
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(f"page is over the {cap}-byte cap")
            if time.monotonic() > deadline:
                raise FetchError(f"timed out after {self.limits.timeout_s:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for(self, url: str) -> None:
        """Sleep until this host may be asked again (one request per interval per host)."""
        host = (urlsplit(url).hostname or "").lower()
        ready = self._last_request.get(host, float("-inf")) + self.limits.per_host_interval_s
        pause = ready - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last_request[host] = time.monotonic()


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the link to fetch and what the feed says about it."""

    link: str
    title: str | None
    published: dt.date | None
    outlet: str | None

    @property
    def doc_id(self) -> str:
        """A stable document id from the link: a rerun recognises the entry unfetched."""
        return "url-" + hashlib.sha256(self.link.encode("utf-8")).hexdigest()[:16]


def read_feed(location: str, fetcher: Fetcher) -> list[FeedEntry]:
    """Parse the feed at a URL or in a local file; raise ``FetchError`` when unusable."""
    if _is_url(location):
        base, body = fetcher.fetch(location)
        parsed: Any = feedparser.parse(body)
    else:
        path = Path(location)
        try:
            raw = path.read_bytes()
        except OSError as err:
            raise FetchError(f"cannot read ({err.strerror or err})") from err
        base = path.resolve().as_uri()
        parsed = feedparser.parse(raw)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise FetchError(f"no entries in the feed{reason}")
    outlet = parsed.feed.get("title") or None
    return [FeedEntry(link=urljoin(base, entry.get("link", "")).strip(),
                      title=entry.get("title") or None,
                      published=_entry_date(entry), outlet=outlet)
            for entry in parsed.entries]


def feed_documents(locations: Iterable[str], fetcher: Fetcher,
                   stored: Callable[[list[str]], set[str]] = lambda ids: set(),
                   ) -> Iterator[SourceDocument | InputError]:
    """Yield a document per new feed entry (its page fetched) and an error per bad one.

    ``stored`` returns which entry ids the store already has: those are not fetched.
    """
    for location in locations:
        try:
            entries = read_feed(location, fetcher)
        except FetchError as err:
            yield InputError(location, str(err))
            continue
        known = stored([entry.doc_id for entry in entries])
        for entry in entries:
            if entry.doc_id not in known:
                yield entry_document(entry, fetcher)


def entry_document(entry: FeedEntry, fetcher: Fetcher) -> SourceDocument | InputError:
    """Fetch an entry's page and wrap it as a ``SourceDocument`` (html cleaned later)."""
    if urlsplit(entry.link).scheme.lower() not in ALLOWED_SCHEMES:
        return InputError(entry.link or "<entry without link>", "not an http(s) link")
    try:
        url, html = fetcher.fetch(entry.link)
    except FetchError as err:
        return InputError(entry.link, str(err))
    if not html.strip():
        return InputError(entry.link, "empty page")
    return SourceDocument(id=entry.doc_id, url=url, title=entry.title, outlet=entry.outlet,
                          published=entry.published, html=html, origin=entry.link)


def read_feed_list(path: Path) -> list[str]:
    """Read FEEDS.txt: one feed URL or file per line; blank lines and ``#`` comments skipped."""
    lines = (line.split("#", 1)[0].strip() for line in
             path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(f"refused: {scheme or 'no'} scheme is not http(s)")


def _is_url(location: str) -> bool:
    return "://" in location


def _entry_date(entry: Any) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    except ValueError:
        return None
