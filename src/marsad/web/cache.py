"""Answers of the desk kept per store revision: computed once, served until the store changes.

Why: analysts and their colleagues open the same views over and over (the unfiltered map,
this month's battles, a shared link), and the store only changes when ``marsad ingest`` or
``marsad fuse`` commits. So an answer is keyed by the store's revision (``revision()``, read
in the same transaction as the answer) and the request, and stays valid until a commit moves
the revision on; then every older entry is dropped at once. The cache lives on the app (one
per worker process), holds at most ``max_bytes``, and evicts the least recently used first.
JSON answers are kept with their gzip form and an ETag, so a repeat costs neither SQL nor
serialisation nor compression, and a browser that revalidates gets ``304 Not Modified``.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, func, select

from marsad.store.tables import documents, fusion_runs

T = TypeVar("T")

# Bodies smaller than this are sent as they are: gzip would save too little to pay for.
GZIP_MIN_BYTES = 1024
# zlib level: 5 compresses the map's JSON ~8x at a third of level 9's cost.
GZIP_LEVEL = 5
# How long a request waits for another's make() of the same answer before making its own.
MAKE_WAIT_SECONDS = 60.0
# Rough cost of a cached value that is not bytes (a count, a list of facet names).
SMALL_ENTRY_BYTES = 256


def revision(connection: Connection) -> tuple[Any, ...]:
    """Return a value that changes whenever the store's content changes.

    The store only appends documents (with their events and claims) and ``marsad fuse``
    logs every run, rebuilds included, in ``fusion_runs``; so the last document id, the
    document count and the last fusion run name a state of the store.
    """
    parts = (select(func.max(documents.c.id)), select(func.count()).select_from(documents),
             select(func.max(fusion_runs.c.id)), select(func.count()).select_from(fusion_runs),
             select(func.max(fusion_runs.c.fused_at)))
    # One statement (one round trip): it runs before every cached answer.
    return tuple(connection.execute(select(*(part.scalar_subquery() for part in parts))).one())


@dataclass(frozen=True)
class Body:
    """A JSON answer ready to send: its bytes, their gzip form (if worth it) and an ETag."""

    data: bytes
    gzipped: bytes | None
    etag: str

    @classmethod
    def of(cls, data: bytes) -> Body:
        """Wrap ``data``, compressing it once here rather than on every send."""
        packed = gzip.compress(data, GZIP_LEVEL, mtime=0) if len(data) >= GZIP_MIN_BYTES \
            else None
        digest = hashlib.blake2b(data, digest_size=12).hexdigest()
        return cls(data, packed if packed and len(packed) < len(data) else None, f'"{digest}"')

    @property
    def size(self) -> int:
        return len(self.data) + len(self.gzipped or b"")


class RevisionCache:
    """A thread-safe LRU of values for one store revision at a time (see module docs)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._revision: Hashable = None
        self._entries: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        # Keys being made now, by (revision, key): later requests wait on the event.
        self._making: dict[tuple[Hashable, Hashable], threading.Event] = {}
        self.hits = 0
        self.misses = 0

    def get_or_make(self, store_revision: Hashable, key: Hashable, make: Callable[[], T]) -> T:
        """Return the value cached for ``key`` at ``store_revision``, else ``make()`` it.

        ``make`` runs outside the lock, so one slow query never blocks other keys. Requests
        for a key being made wait for that one ``make`` instead of each running it: under
        load (50 clients, issue #12) a cold map query was otherwise computed by a dozen
        threads at once, each taking seconds of the two cores, and p99 went from 0.25 s to
        2.5 s.
        """
        if self.max_bytes <= 0:
            return make()
        while True:
            with self._lock:
                self._start_revision(store_revision)
                found = self._entries.get(key)
                if found is not None:
                    self._entries.move_to_end(key)
                    self.hits += 1
                    return found[0]  # type: ignore[no-any-return]
                making = self._making.get((store_revision, key))
                if making is None:
                    making = self._making[(store_revision, key)] = threading.Event()
                    self.misses += 1
                    break
            # Another request is making it: wait, then look again. If it failed (or was too
            # big to keep) the loop makes it here; after a long wait, make it unshared.
            if not making.wait(MAKE_WAIT_SECONDS):
                return make()
        try:
            value = make()
            self._keep(store_revision, key, value)
        finally:
            with self._lock:
                self._making.pop((store_revision, key), None)
            making.set()
        return value

    def _start_revision(self, store_revision: Hashable) -> None:
        """Drop every entry when the store has moved on (call with the lock held)."""
        if store_revision != self._revision:
            self._entries.clear()
            self._bytes = 0
            self._revision = store_revision

    def _keep(self, store_revision: Hashable, key: Hashable, value: Any) -> None:
        size = value.size if isinstance(value, Body) else SMALL_ENTRY_BYTES
        with self._lock:
            if store_revision == self._revision and size <= self.max_bytes \
                    and key not in self._entries:
                self._entries[key] = (value, size)
                self._bytes += size
                while self._bytes > self.max_bytes:
                    _, (_, dropped) = self._entries.popitem(last=False)
                    self._bytes -= dropped

    def peek(self, store_revision: Hashable, key: Hashable) -> Any:
        """Return the value cached for ``key`` at ``store_revision``, or None."""
        with self._lock:
            if store_revision != self._revision:
                return None
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found[0]

    def stats(self) -> dict[str, int]:
        """Entries, bytes, hits and misses so far (for the benchmark and tests)."""
        with self._lock:
            return {"entries": len(self._entries), "bytes": self._bytes, "hits": self.hits,
                    "misses": self.misses}
