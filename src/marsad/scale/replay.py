"""Replay the development corpora as an arbitrarily long stream of distinct documents.

Why: the scale targets (kill -9 in a 5,000-document ingest, memory flat over 100,000
documents) need far more documents than ``../shared/data`` holds (~2,300 texts). Repeating
them verbatim would not do: the store deduplicates by content hash, so a repeat is skipped
rather than stored, and a repeated text adds no new strings to spaCy's vocabulary, hiding
exactly the growth a long stream causes. So document ``i`` is base text ``i mod n`` with a
sentence carrying a reference number no other document has: every document is distinct,
has a distinct content hash, and (like a real news stream, full of new names and numbers)
brings at least one string the model has never seen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPLAY_FILES = ("corpus/muc4_train_texts.jsonl", "dev/muc4_dev.jsonl", "dev/fakes_dev.jsonl",
                "dev/case2021_dev.jsonl", "dev/re3d/re3d_docs.jsonl")
"""The corpora under ``../shared/data`` replayed, in this order (all carry ``id``, ``text``)."""

REPLAY_ID_PREFIX = "replay-"


@dataclass(frozen=True)
class BaseText:
    """One text of a corpus, with the metadata ``marsad ingest`` reads from JSON lines."""

    text: str
    published: str | None = None
    outlet: str | None = None


def load_base_texts(data_dir: Path, max_chars: int | None = None,
                    files: Sequence[str] = REPLAY_FILES) -> list[BaseText]:
    """Read the corpora's texts, each cut to its sentences within ``max_chars`` (if given).

    Short texts make long replays affordable on a small machine; cutting at a full stop
    keeps them readable sentences rather than fragments.
    """
    bases: list[BaseText] = []
    for name in files:
        path = data_dir / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                text = _cut(str(record.get("text") or ""), max_chars)
                if text:
                    bases.append(BaseText(text, record.get("published"), record.get("outlet")))
    return bases


def _cut(text: str, max_chars: int | None) -> str:
    text = text.strip()
    if max_chars is None or len(text) <= max_chars:
        return text
    stop = text[:max_chars + 1].rfind(". ")  # + 1: a full stop right at the limit counts
    return text[:stop + 1] if stop > 0 else text[:max_chars]


def replay_records(bases: Sequence[BaseText], count: int,
                   start: int = 0) -> Iterator[dict[str, str]]:
    """Yield ``count`` documents, numbered from ``start``, as ``marsad ingest`` JSON lines.

    Deterministic: the same arguments give the same records, so a rerun (or a checker)
    can regenerate the stream instead of keeping it.
    """
    if not bases:
        raise ValueError("no base texts to replay")
    for index in range(start, start + count):
        base = bases[index % len(bases)]
        record = {"id": replay_id(index), "text": f"{base.text} Dispatch {index:07d} ends."}
        if base.published:
            record["published"] = base.published
        if base.outlet:
            record["outlet"] = base.outlet
        yield record


def replay_id(index: int) -> str:
    """The document id of the ``index``-th replayed document."""
    return f"{REPLAY_ID_PREFIX}{index:07d}"


def write_jsonl(records: Iterable[dict[str, str]], path: Path) -> list[str]:
    """Write records as JSON lines (the format ``marsad ingest`` streams); return their ids."""
    ids = []
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            ids.append(record["id"])
    return ids
