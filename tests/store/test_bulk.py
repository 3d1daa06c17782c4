"""Bulk writes and cheap resume lookups (``save_many``, ``stored_keys``) on both backends."""

from __future__ import annotations

import pytest

from marsad.errors import MarsadError
from marsad.model import DocumentResult
from marsad.store import Store, document_hash

from .sample import SEED_TEXT, make_result


def _result(name: str, text_suffix: str | None = None) -> DocumentResult:
    return make_result(name, text=f"{SEED_TEXT} ({text_suffix or name})",
                       event_ids=(f"{name}1", f"{name}2"))


@pytest.mark.parametrize(("stored_first", "batch", "expected"), [
    ([], ["a", "b", "c"], [True, True, True]),
    (["b"], ["a", "b", "c"], [True, False, True]),     # already stored
    ([], ["a", "a"], [True, False]),                    # repeated within the batch
    ([], [], []),
])
def test_save_many_stores_each_new_document_once(store: Store, stored_first: list[str],
                                                 batch: list[str],
                                                 expected: list[bool]) -> None:
    for name in stored_first:
        assert store.save(_result(name))
    assert store.save_many([_result(name) for name in batch]) == expected
    documents = len(set(stored_first) | set(batch))
    assert store.counts() == {"documents": documents, "events": 2 * documents,
                              "claims": 2 * documents}


def test_save_many_dedups_by_cleaned_text_across_ids(store: Store) -> None:
    same_text = [_result("x", "same"), _result("y", "same")]
    assert store.save_many(same_text) == [True, False]
    assert store.has(document_hash(same_text[0].doc))


def test_save_many_falls_back_so_only_the_broken_document_fails(store: Store) -> None:
    store.save(_result("a"))
    clash = make_result("b", text=SEED_TEXT + " (b)", event_ids=("a1", "b2"))  # a1 is taken
    with pytest.raises(MarsadError, match="^cannot store document 'b'"):
        store.save_many([_result("c"), clash, _result("d")])
    # the documents after the broken one are stored too
    assert store.stored_keys(doc_ids=["a", "b", "c", "d"]) == {"a", "c", "d"}


@pytest.mark.parametrize(("doc_ids", "hashes", "expected"), [
    (["d1", "nope"], [], {"d1"}),
    ([], ["src:1", "src:zzz"], {"src:1"}),
    (["d2"], ["src:2"], {"d2", "src:2"}),
    ([], [], set()),
])
def test_stored_keys_finds_ids_and_source_hashes(store: Store, doc_ids: list[str],
                                                 hashes: list[str], expected: set[str]) -> None:
    assert store.save_many([_result("d1"), _result("d2")], ["src:1", "src:2"]) == [True, True]
    assert store.stored_keys(doc_ids=doc_ids, source_hashes=hashes) == expected


def test_save_many_rejects_unaligned_hashes(store: Store) -> None:
    with pytest.raises(ValueError, match="parallel"):
        store.save_many([_result("a")], [])
