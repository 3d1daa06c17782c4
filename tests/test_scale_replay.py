"""The replayed stream behind the scale benchmarks: long, distinct, deterministic, readable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.scale.replay import BaseText, load_base_texts, replay_records, write_jsonl

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
TEXTS = [BaseText("Gunmen attacked a checkpoint. Two soldiers died. More later."),
         BaseText("A car bomb exploded in Aleppo.", published="2017-04-05", outlet="SANA")]


@pytest.mark.parametrize(("count", "start"), [(7, 0), (5, 123), (1, 9_999_999)])
def test_records_are_distinct_and_deterministic(count: int, start: int) -> None:
    records = list(replay_records(TEXTS, count, start=start))
    assert len(records) == count
    assert len({r["id"] for r in records}) == count
    assert len({r["text"] for r in records}) == count  # distinct content hashes
    assert records == list(replay_records(TEXTS, count, start=start))
    for offset, record in enumerate(records):  # base text i mod n, metadata kept
        base = TEXTS[(start + offset) % len(TEXTS)]
        assert record["text"].startswith(base.text)
        assert record.get("outlet") == base.outlet


@pytest.mark.parametrize(("max_chars", "expected"), [
    (None, "Gunmen attacked a checkpoint. Two soldiers died. More later."),
    (48, "Gunmen attacked a checkpoint. Two soldiers died."),  # ends right at the limit
    (47, "Gunmen attacked a checkpoint."),
    (35, "Gunmen attacked a checkpoint."),
    (10, "Gunmen att"),  # no full stop within the limit: a hard cut
])
def test_base_texts_are_cut_at_a_full_stop(tmp_path: Path, max_chars: int | None,
                                           expected: str) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    line = {"id": "a", "text": f"  {TEXTS[0].text}  "}
    (folder / "one.jsonl").write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    bases = load_base_texts(tmp_path, max_chars, files=["corpus/one.jsonl", "missing.jsonl"])
    assert [base.text for base in bases] == [expected]


def test_written_stream_reads_back_as_marsad_inputs(tmp_path: Path) -> None:
    from marsad.ingest import read_inputs
    from marsad.model import SourceDocument

    ids = write_jsonl(replay_records(TEXTS, 4), tmp_path / "replay.jsonl")
    read = [item for item in read_inputs([str(tmp_path / "replay.jsonl")])]
    assert all(isinstance(item, SourceDocument) for item in read)
    assert [item.id for item in read if isinstance(item, SourceDocument)] == ids


def test_shared_corpora_give_thousands_of_base_texts() -> None:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"dev corpora not found under {SHARED_DATA}")
    assert len(load_base_texts(SHARED_DATA, 240)) > 2000
