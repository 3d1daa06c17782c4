"""Score cross-lingual linking: do Arabic and English reports of one incident end up fused?

Issue #13, item 5. Gold (``tests/gold/crosslingual/crosslingual_gold.jsonl``), one document
per line::

    {"id", "link", "language", "outlet", "published", "title", "text"}

Documents with the same ``link`` report one incident, one in English and one in Arabic;
``link`` null marks a distractor (another incident close in time and place, no counterpart).
Only ``id``, ``outlet``, ``published``, ``title`` and ``text`` reach the pipeline: the
language is detected, not given, and ``link`` is the gold.

Scoring: every document is processed, all results are fused together (``fuse_results``,
``fusion.yaml`` as it stands), and each document is labelled with the incident of its lead
event (as ``marsad eval --incidents`` does). Over every (English, Arabic) document pair, a
link is gold when both have the same non-null ``link`` and predicted when both carry the
same incident label. Precision, recall and F1 count those pairs.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.evaluation.metrics import f1, ratio
from marsad.evaluation.report import EvalReport
from marsad.model import DocumentResult, SourceDocument

if TYPE_CHECKING:
    from marsad.context import Context

LANGUAGES = ("en", "ar")
DEFINITIONS = {
    "linking": "over every (English, Arabic) document pair: gold link = same non-null 'link'; "
               "predicted link = the lead events of both documents are in one fused incident",
    "language": "share of documents whose detected language equals the gold 'language'",
}


def is_crosslingual_gold(record: dict[str, Any]) -> bool:
    """Tell whether a record is a cross-lingual linking gold document."""
    return "link" in record and record.get("language") in LANGUAGES and "text" in record


def gold_links(records: Sequence[dict[str, Any]]) -> set[tuple[str, str]]:
    """(English id, Arabic id) pairs that report one incident."""
    link = {str(record["id"]): record["link"] for record in records}
    return {(english, arabic) for english, arabic in _pairs(records)
            if link[english] is not None and link[english] == link[arabic]}


def predicted_links(records: Sequence[dict[str, Any]],
                    labels: dict[str, str]) -> set[tuple[str, str]]:
    """(English id, Arabic id) pairs whose lead events share an incident."""
    return {(english, arabic) for english, arabic in _pairs(records)
            if labels[english] == labels[arabic]}


def link_scores(gold: set[tuple[str, str]], predicted: set[tuple[str, str]]) -> dict[str, float]:
    """Precision, recall, F1 and counts of predicted against gold links."""
    correct = len(gold & predicted)
    precision = ratio(correct, len(predicted)) if predicted else 1.0
    recall = ratio(correct, len(gold))
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall),
            "n_gold": len(gold), "n_predicted": len(predicted), "n_correct": correct}


def _pairs(records: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    english = [str(r["id"]) for r in records if r["language"] == "en"]
    arabic = [str(r["id"]) for r in records if r["language"] == "ar"]
    return list(itertools.product(english, arabic))


def evaluate_crosslingual(path: Path, records: Sequence[tuple[str, dict[str, Any]]],
                          ctx: Context,
                          progress: Callable[[int], None] | None = None) -> EvalReport:
    """Process and fuse the gold documents, then score EN/AR links."""
    from marsad.evaluation.incidents import predicted_labels  # loads fusion only when used
    from marsad.fusion.settings import load_fusion_settings
    from marsad.pipeline import process  # the core, loaded only to run it

    warnings: list[str] = []
    kept: list[dict[str, Any]] = []
    results: list[DocumentResult] = []
    started = time.perf_counter()
    for origin, data in records:
        if not is_crosslingual_gold(data) or not data.get("id"):
            warnings.append(f"{origin}: skipped: not a cross-lingual gold record with an id")
            continue
        source = SourceDocument(id=str(data["id"]), outlet=data.get("outlet"),
                                published=data.get("published"), title=data.get("title"),
                                text=data["text"], origin=origin)
        results.append(process(source, ctx))
        kept.append(data)
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - started
    labels = predicted_labels(results, load_fusion_settings())
    gold, predicted = gold_links(kept), predicted_links(kept, labels)
    warnings += [f"missed link {english} ~ {arabic}" for english, arabic in
                 sorted(gold - predicted)]
    warnings += [f"wrong link {english} ~ {arabic}" for english, arabic in
                 sorted(predicted - gold)]
    detected = sum(result.doc.language == data["language"]
                   for result, data in zip(results, kept, strict=True))
    return EvalReport(
        dataset="crosslingual", path=str(path), n_records=len(kept), n_documents=len(kept),
        fields={"linking": link_scores(gold, predicted),
                "language": {"accuracy": ratio(detected, len(kept)), "n": len(kept)}},
        definitions=DEFINITIONS, warnings=warnings, seconds=seconds,
        docs_per_second=len(kept) / seconds if seconds else 0.0)
