"""Memory over a long stream: the task every backend runs frees what each batch adds.

``process_batch`` runs ``process_many`` inside spaCy memory zones so a worker's vocabulary
does not grow with every new name and number of a news stream. These tests check both
halves of that promise on replayed documents (each brings strings the model never saw):
the ``StringStore`` is as large after a batch as before it, and the results are exactly
those of ``process_many`` without zones (nothing read a string after its zone closed).
The 100,000-document replay with RSS samples is ``benchmarks/scale_memory_replay.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.context import get_context
from marsad.model import DocumentResult, SourceDocument
from marsad.pipeline import ProcessingError, process_many
from marsad.scale.replay import BaseText, load_base_texts, replay_records
from marsad.scale.runner import process_batch

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
BATCH = 16
MAX_CHARS = 240

Output = list[DocumentResult | ProcessingError]


@pytest.fixture(scope="module")
def bases() -> list[BaseText]:
    """The shared corpora's texts, skipped with a reason when ../shared is absent."""
    found = load_base_texts(SHARED_DATA, MAX_CHARS)
    if not found:
        pytest.skip(f"dev corpora not found under {SHARED_DATA}")
    return found


def _sources(bases: list[BaseText], count: int, start: int) -> list[SourceDocument]:
    return [SourceDocument(id=record["id"], text=record["text"])
            for record in replay_records(bases, count, start=start)]


def _without_zones(sources: list[SourceDocument]) -> Output:
    return list(process_many(sources, get_context()))


@pytest.mark.parametrize(("run", "grows"), [
    (process_batch, False),  # memory zones: the batch's new strings are freed after it
    (_without_zones, True),  # the control: plain process_many keeps them for ever
])
def test_string_store_size_after_a_batch_depends_on_memory_zones(
        bases: list[BaseText], run: Callable[[list[SourceDocument]], Output],
        grows: bool) -> None:
    strings = get_context().nlp.vocab.strings
    # Start numbers far apart so neither run sees the other's "Dispatch NNNNNNN" strings.
    start = 5_000_000 if grows else 6_000_000
    run(_sources(bases, BATCH, start))  # warm-up: lazily added permanent strings
    before = len(strings)
    run(_sources(bases, BATCH, start + BATCH))
    assert (len(strings) > before) is grows


def test_results_in_memory_zones_equal_results_without(bases: list[BaseText]) -> None:
    sources = _sources(bases, 3 * BATCH, start=7_000_000)
    zoned: Output = []
    for first in range(0, len(sources), BATCH):  # one closed zone per batch, in turn
        zoned += process_batch(sources[first:first + BATCH])
    plain = _without_zones(sources)
    assert [_dump(item) for item in zoned] == [_dump(item) for item in plain]
    assert any(isinstance(item, DocumentResult) and item.events for item in zoned)


def _dump(item: DocumentResult | ProcessingError) -> object:
    return item.model_dump(mode="json") if isinstance(item, DocumentResult) else str(item)
