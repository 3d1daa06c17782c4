"""Check a store after an interrupted ingest: every document once, none lost, none half-written.

Why a checker of its own: "resumable" is a promise about the database, not about the exit
code of the rerun, so the kill tests (``benchmarks/scale_kill_test.py`` and
``tests/test_scale_kill.py``) read the store back and compare it with the input. A document
is *complete* when the event and claim rows stored beside it are exactly the events and
claims of the ``result`` JSON stored in its own row: a batch cut short between the
``documents`` insert and the ``events`` insert would show as a document whose rows disagree
with its result. Works on SQLite and PostgreSQL (SQLAlchemy Core only).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import func, select

from marsad.store import Store
from marsad.store.tables import claims, documents, events

AUDIT_FETCH_ROWS = 500
"""Rows fetched at a time when reading stored results back (keeps the checker's memory flat)."""


@dataclass(frozen=True)
class StoreAudit:
    """What a store holds compared with the documents that were fed to it."""

    documents: int
    events: int
    claims: int
    missing: list[str] = field(default_factory=list)  # fed, not stored
    unexpected: list[str] = field(default_factory=list)  # stored, never fed
    duplicated: list[str] = field(default_factory=list)  # doc_id or content_hash twice
    incomplete: list[str] = field(default_factory=list)  # rows disagree with the result
    orphan_events: int = 0  # events whose document is not stored
    orphan_claims: int = 0  # claims whose event is not stored

    @property
    def ok(self) -> bool:
        """Every fed document stored exactly once, complete, with nothing left over."""
        return not (self.missing or self.unexpected or self.duplicated or self.incomplete
                    or self.orphan_events or self.orphan_claims)

    def problems(self) -> list[str]:
        """One line per kind of problem, with up to five examples each."""
        lines = []
        for label, found in (("missing", self.missing), ("unexpected", self.unexpected),
                             ("duplicated", self.duplicated),
                             ("incomplete", self.incomplete)):
            if found:
                lines.append(f"{len(found)} {label}: {', '.join(sorted(found)[:5])}")
        if self.orphan_events:
            lines.append(f"{self.orphan_events} events without their document")
        if self.orphan_claims:
            lines.append(f"{self.orphan_claims} claims without their event")
        return lines


def audit_store(store: Store, expected_ids: Collection[str]) -> StoreAudit:
    """Compare the store's documents, events and claims with the ids that were ingested."""
    with store.engine.connect() as connection:
        def count(query: object) -> int:
            return int(connection.execute(query).scalar_one())  # type: ignore[call-overload]

        totals = [count(select(func.count()).select_from(table))
                  for table in (documents, events, claims)]
        id_counts: Counter[str] = Counter()
        hash_counts: Counter[str] = Counter()
        stored_events: dict[str, Counter[str]] = {}
        for doc_id, event_id in connection.execute(select(events.c.doc_id, events.c.event_id)):
            stored_events.setdefault(doc_id, Counter())[event_id] += 1
        claims_per_event: Counter[str] = Counter(
            event_id for (event_id,) in connection.execute(select(claims.c.event_id)))
        incomplete: list[str] = []
        rows = connection.execution_options(yield_per=AUDIT_FETCH_ROWS).execute(
            select(documents.c.doc_id, documents.c.content_hash, documents.c.result))
        for doc_id, content_hash, result in rows:
            id_counts[doc_id] += 1
            hash_counts[content_hash] += 1
            if not _complete(result, stored_events.pop(doc_id, Counter()), claims_per_event):
                incomplete.append(doc_id)
        orphan_events = sum(sum(found.values()) for found in stored_events.values())
        orphan_claims = count(select(func.count()).select_from(claims).where(
            claims.c.event_id.not_in(select(events.c.event_id))))
    expected = set(expected_ids)
    duplicated = {doc_id for doc_id, seen in id_counts.items() if seen > 1}
    duplicated |= {f"content_hash {key[:16]}" for key, seen in hash_counts.items() if seen > 1}
    return StoreAudit(
        documents=totals[0], events=totals[1], claims=totals[2],
        missing=sorted(expected - id_counts.keys()),
        unexpected=sorted(id_counts.keys() - expected),
        duplicated=sorted(duplicated), incomplete=incomplete,
        orphan_events=orphan_events, orphan_claims=orphan_claims)


def _complete(result: dict[str, object], stored: Counter[str],
              claims_per_event: Counter[str]) -> bool:
    """True when a document's event and claim rows match its stored result exactly."""
    listed = result.get("events")
    if not isinstance(listed, list):
        return False
    expected = Counter(str(event.get("event_id")) for event in listed)
    if expected != stored:
        return False
    return all(claims_per_event[str(event.get("event_id"))] == len(event.get("attribution") or [])
               for event in listed)
