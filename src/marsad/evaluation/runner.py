"""Run the pipeline over an evaluation file and score it (``marsad eval``).

Why the care with inputs: the gold must never reach ``process``. A record becomes a
``SourceDocument`` built only from the input fields listed for its dataset in
``eval_mappings.yaml`` (FA-KES ``published`` is left out: it is the gold date).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from marsad.errors import MarsadError
from marsad.evaluation.arabic import evaluate_arabic, is_arabic_gold
from marsad.evaluation.attribution import evaluate_attribution, is_attribution_gold
from marsad.evaluation.case2021 import CaseRow, score_case2021, scored_gold
from marsad.evaluation.crosslingual import evaluate_crosslingual, is_crosslingual_gold
from marsad.evaluation.fakes import FakesRow, parse_gold, score_fakes
from marsad.evaluation.mappings import input_fields
from marsad.evaluation.muc4 import MucRow, score_muc4
from marsad.evaluation.places import evaluate_places, is_places_gold
from marsad.evaluation.re3d import Re3dRow, score_re3d
from marsad.evaluation.report import EvalReport
from marsad.model import Document, DocumentResult, SourceDocument

if TYPE_CHECKING:
    from marsad.context import Context


@dataclass(frozen=True)
class Record:
    """One parsed line of an evaluation file."""

    origin: str
    data: dict[str, Any]


def detect_dataset(record: dict[str, Any]) -> str | None:
    """Tell which evaluation set a record comes from by its gold fields (None: unknown)."""
    gold = record.get("gold")
    if isinstance(gold, dict) and "cause_of_death" in gold:
        return "fakes"
    if "label" in record and "subtask" in record:
        return "case2021"
    if isinstance(gold, dict) and "templates" in gold:
        return "muc4"
    if isinstance(record.get("entities"), list):
        return "re3d"
    if is_arabic_gold(record):
        return "arabic"
    if is_crosslingual_gold(record):
        return "crosslingual"
    if is_places_gold(record):
        return "places"
    if is_attribution_gold(record):
        return "attribution"
    return None


def source_document(record: dict[str, Any], dataset: str, origin: str) -> SourceDocument:
    """Build the pipeline input from the dataset's input fields only (never the gold)."""
    allowed = input_fields(dataset)
    fields = {name: record[name] for name in allowed if record.get(name) is not None}
    return SourceDocument(**fields, origin=origin)


def document_key(source: SourceDocument) -> str:
    """Hash of what the pipeline sees (minus id and origin): equal keys give equal results."""
    content = source.model_dump_json(exclude={"id", "origin"})
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def read_records(path: Path, limit: int | None, warnings: list[str]) -> list[Record]:
    """Read a JSON Lines file; a bad line is skipped with a warning naming file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise MarsadError(f"cannot read {path}: {err}") from err
    records: list[Record] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if limit is not None and len(records) >= limit:
            break
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            warnings.append(f"{path.name}:{number}: skipped: invalid JSON ({err.msg})")
            continue
        if not isinstance(data, dict):
            warnings.append(f"{path.name}:{number}: skipped: not a JSON object")
            continue
        records.append(Record(origin=f"{path.name}:{number}", data=data))
    return records


def _dataset_of(path: Path, records: list[Record]) -> str:
    for record in records:
        dataset = detect_dataset(record.data)
        if dataset is not None:
            return dataset
    raise MarsadError(f"{path}: no record looks like FA-KES, CASE 2021, MUC-4, re3d or places gold")


def check_gold(dataset: str, record: Record) -> None:
    """Raise ``MarsadError`` when a record's gold cannot be scored (it is then skipped)."""
    if dataset == "fakes":
        parse_gold(_record_id(record), record.data["gold"])
    elif dataset == "case2021":
        scored_gold(_record_id(record), str(record.data["label"]))


def _record_id(record: Record) -> str:
    return str(record.data.get("id") or record.origin)


def _score(dataset: str, records: list[Record], keys: list[str],
           results: dict[str, DocumentResult]) -> EvalReport:
    pairs = [(record, key, results[key]) for record, key in zip(records, keys, strict=True)]
    if dataset == "fakes":
        return score_fakes([FakesRow(record_id=_record_id(r), article=key,
                                     gold=parse_gold(_record_id(r), r.data["gold"]), result=result)
                            for r, key, result in pairs])
    if dataset == "case2021":
        return score_case2021([CaseRow(record_id=_record_id(r), label=str(r.data["label"]),
                                       result=result) for r, _, result in pairs])
    if dataset == "muc4":
        return score_muc4([MucRow(record_id=_record_id(r), gold=r.data["gold"], result=result)
                           for r, _, result in pairs])
    if dataset == "re3d":
        return score_re3d([Re3dRow(record_id=_record_id(r), entities=r.data["entities"],
                                   result=result) for r, _, result in pairs])
    raise MarsadError(f"no scorer for dataset {dataset!r}")


def _empty_result(source: SourceDocument, reason: str) -> DocumentResult:
    """The result of a document the pipeline rejected: no events, the reason as a warning."""
    return DocumentResult(doc=Document(id=source.id or source.origin, text=""),
                          warnings=[f"not processed: {reason}"])


@dataclass
class _Processed:
    """The records kept for scoring, each with the key of its (shared) result."""

    records: list[Record]
    keys: list[str]
    results: dict[str, DocumentResult]


def _source_or_skip(record: Record, dataset: str, warnings: list[str]) -> SourceDocument | None:
    """The pipeline input of a record, or None (with a warning) when it cannot be scored."""
    if detect_dataset(record.data) != dataset:
        warnings.append(f"{record.origin}: skipped: not a {dataset} record")
        return None
    try:
        check_gold(dataset, record)
        return source_document(record.data, dataset, record.origin)
    except ValidationError as err:
        warnings.append(f"{record.origin}: skipped: {err.errors()[0]['msg']}")
    except MarsadError as err:
        warnings.append(f"{record.origin}: skipped: {err}")
    return None


def _process_records(records: list[Record], dataset: str, ctx: Context,
                     progress: Callable[[int], None] | None,
                     warnings: list[str]) -> _Processed:
    """Run ``process`` once per distinct input; a rejected document gets an empty result."""
    from marsad.pipeline import process  # the core; imported late so scoring loads without it

    done = _Processed(records=[], keys=[], results={})
    for record in records:
        source = _source_or_skip(record, dataset, warnings)
        if source is None:
            continue
        key = document_key(source)
        if key not in done.results:
            try:
                done.results[key] = process(source, ctx)
            except MarsadError as err:  # scored as "no event", so the gold row still counts
                warnings.append(f"{record.origin}: no result: {err}")
                done.results[key] = _empty_result(source, str(err))
            except Exception as err:  # a bug: keep the traceback, name the record
                err.add_note(f"while processing {record.origin} ({source.id})")
                raise
        done.records.append(record)
        done.keys.append(key)
        if progress is not None:
            progress(1)
    return done


def evaluate_file(path: Path, ctx: Context, *, limit: int | None = None,
                  progress: Callable[[int], None] | None = None) -> EvalReport:
    """Process every record of an evaluation file once per distinct text and score it.

    ``progress`` is called with 1 after each record (an increment, as click's
    ``bar.update`` expects). Records that are not of the detected dataset, or have no text,
    are skipped with a warning in the report; a document ``process`` rejects is scored as
    having no events (so the score does not rise by dropping it). ``seconds`` times the
    processing only, not the scoring.
    """
    warnings: list[str] = []
    records = read_records(path, limit, warnings)
    dataset = _dataset_of(path, records)
    if dataset == "places":  # geocoding gold: scored on find_places alone, not on events
        report = evaluate_places(path, [(r.origin, r.data) for r in records], ctx, progress)
        return report.model_copy(update={"warnings": warnings + report.warnings})
    if dataset == "arabic":  # Arabic extraction gold (issue #13): scored on whole results
        report = evaluate_arabic(path, [(r.origin, r.data) for r in records], ctx, progress)
        return report.model_copy(update={"warnings": warnings + report.warnings})
    if dataset == "crosslingual":  # EN/AR linking by incident fusion (issue #13)
        report = evaluate_crosslingual(path, [(r.origin, r.data) for r in records], ctx, progress)
        return report.model_copy(update={"warnings": warnings + report.warnings})
    if dataset == "attribution":  # claim attribution gold (issue #5): scored on whole results
        report = evaluate_attribution(path, [(r.origin, r.data) for r in records], ctx, progress)
        return report.model_copy(update={"warnings": warnings + report.warnings})
    started = time.perf_counter()
    done = _process_records(records, dataset, ctx, progress, warnings)
    seconds = time.perf_counter() - started
    report = _score(dataset, done.records, done.keys, done.results)
    return report.timed(path, seconds, len(done.results), warnings,
                        n_records=len(done.records), n_documents=len(done.results))
