"""Fixtures of the scale tests: the shared MUC-4 corpus and short documents cut from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
MUC4 = SHARED / "data" / "corpus" / "muc4_train_texts.jsonl"
SHORT_CHARS = 400


@pytest.fixture(scope="session")
def muc4_lines() -> list[dict[str, str]]:
    """MUC-4 records (id, text), skipped with a reason when ../shared is absent."""
    if not MUC4.is_file():
        pytest.skip(f"MUC-4 corpus not found at {MUC4}")
    with MUC4.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_short_corpus(records: list[dict[str, str]], path: Path, count: int) -> list[str]:
    """Write ``count`` records cut to their first sentences; return their ids."""
    with path.open("w", encoding="utf-8") as handle:
        for record in records[:count]:
            text = record["text"][:SHORT_CHARS].rsplit(".", 1)[0] + "."
            handle.write(json.dumps({"id": record["id"], "text": text}) + "\n")
    return [record["id"] for record in records[:count]]
