"""Score incident fusion against a gold set of documents labelled with incident ids.

Gold file (JSON lines): ``{"id", "title"?, "outlet"?, "published"?, "text", "incident"}``;
documents with the same ``incident`` report the same real-world event. Scoring is per
document: a document's predicted incident is the incident of its *lead event* (the first
political-violence event in the text, else its first event: news ledes state the main
incident first). Pairwise precision / recall / F1 count document pairs put together; B-cubed
averages, per document, the share of its predicted cluster that is right and of its gold
cluster that was found (Bagga & Baldwin 1998).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import click
from pydantic import BaseModel

from marsad.context import Context, get_context
from marsad.errors import MarsadError
from marsad.evaluation.metrics import f1, ratio
from marsad.fusion import fuse_results
from marsad.fusion.settings import FusionSettings, load_fusion_settings
from marsad.model import DocumentResult, Event, SourceDocument
from marsad.pipeline import ProcessingError, process_many

LEAD_DISORDER = "Political violence"
DEFAULT_THRESHOLDS = tuple(round(0.40 + 0.025 * step, 3) for step in range(17))


class ClusterScores(BaseModel):
    """Pairwise and B-cubed precision / recall / F1 of one clustering."""

    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float


class IncidentEvalReport(BaseModel):
    """Scores on one gold file, with its size, for ``marsad eval --incidents``."""

    path: str
    documents: int
    gold_incidents: int
    predicted_incidents: int
    threshold: float
    scores: ClusterScores


class GoldDocument(BaseModel):
    doc: SourceDocument
    incident: str


def read_gold(path: Path) -> list[GoldDocument]:
    """Read a gold JSONL file; a bad line raises ``MarsadError`` naming file and line."""
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            incident = record.pop("incident")
            gold.append(GoldDocument(doc=SourceDocument(
                **{k: v for k, v in record.items() if k in SourceDocument.model_fields},
                origin=f"{path.name}:{number}"), incident=str(incident)))
        except (ValueError, KeyError, TypeError) as err:
            raise MarsadError(f"{path}:{number}: not a gold incident record: {err}") from err
    return gold


def pairwise_scores(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, ...]:
    """Precision, recall, F1 over pairs of items clustered together."""
    items = sorted(gold)
    together_predicted = together_gold = both = 0
    for index, first in enumerate(items):
        for second in items[index + 1:]:
            same_predicted = predicted[first] == predicted[second]
            same_gold = gold[first] == gold[second]
            together_predicted += same_predicted
            together_gold += same_gold
            both += same_predicted and same_gold
    precision = ratio(both, together_predicted) if together_predicted else 1.0
    recall = ratio(both, together_gold) if together_gold else 1.0
    return precision, recall, f1(precision, recall)


def bcubed_scores(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, ...]:
    """B-cubed precision, recall, F1 (per-item averages)."""
    by_predicted: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        by_predicted[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        overlap = len(by_predicted[predicted[item]] & by_gold[gold[item]])
        precision += overlap / len(by_predicted[predicted[item]])
        recall += overlap / len(by_gold[gold[item]])
    count = len(gold) or 1
    precision, recall = precision / count, recall / count
    return precision, recall, f1(precision, recall)


def cluster_scores(predicted: Mapping[str, str], gold: Mapping[str, str]) -> ClusterScores:
    """Both families of clustering scores, rounded to 4 places."""
    pairwise, bcubed = pairwise_scores(predicted, gold), bcubed_scores(predicted, gold)
    values = [round(value, 4) for value in (*pairwise, *bcubed)]
    return ClusterScores(**dict(zip(ClusterScores.model_fields, values, strict=True)))


def lead_event(result: DocumentResult) -> Event | None:
    """The event a document is mainly about: its first political-violence event."""
    ordered = sorted(result.events, key=lambda event: event.evidence.char_span[0])
    violent = [event for event in ordered if event.disorder_type == LEAD_DISORDER]
    chosen = violent or ordered
    return chosen[0] if chosen else None


def predicted_labels(results: Sequence[DocumentResult], settings: FusionSettings) -> dict[str, str]:
    """Map each document id to the incident of its lead event (itself when it has none)."""
    incident_of = {member.event_id: incident.incident_id
                   for incident in fuse_results(results, settings)
                   for member in incident.members}
    labels = {}
    for result in results:
        lead = lead_event(result)
        labels[result.doc.id] = incident_of[lead.event_id] if lead else f"none:{result.doc.id}"
    return labels


def process_gold(gold: Sequence[GoldDocument], ctx: Context) -> list[DocumentResult]:
    """Run the pipeline on every gold document (in file order)."""
    results = []
    for result in process_many((item.doc for item in gold), ctx):
        if isinstance(result, ProcessingError):
            raise MarsadError(f"cannot process gold document: {result}")
        results.append(result)
    return results


def cached_results(gold: Sequence[GoldDocument], cache: Path | None,
                   ctx: Context | None = None) -> list[DocumentResult]:
    """Pipeline results of ``gold``, read from / written to the JSON-lines file ``cache``.

    For calibration and error-analysis scripts that rerun fusion many times: extraction is
    the slow part. Delete the cache when extraction changes (it is not checked).
    """
    if cache is not None and cache.exists():
        results = [DocumentResult.model_validate_json(line)
                   for line in cache.read_text(encoding="utf-8").splitlines() if line.strip()]
        if [result.doc.id for result in results] == [item.doc.id for item in gold]:
            return results
    results = process_gold(gold, ctx or get_context())
    if cache is not None:
        cache.write_text("".join(result.model_dump_json() + "\n" for result in results),
                         encoding="utf-8")
    return results


def evaluate_incidents(path: Path, ctx: Context | None = None,
                       settings: FusionSettings | None = None) -> IncidentEvalReport:
    """Process, fuse and score the gold file at ``path``."""
    chosen = settings or load_fusion_settings()
    gold = read_gold(path)
    results = process_gold(gold, ctx or get_context())
    return score_results(path, gold, results, chosen)


def score_results(path: Path, gold: Sequence[GoldDocument], results: Sequence[DocumentResult],
                  settings: FusionSettings) -> IncidentEvalReport:
    """Score already processed gold documents with ``settings``."""
    gold_labels = {result.doc.id: item.incident
                   for item, result in zip(gold, results, strict=True)}
    predicted = predicted_labels(results, settings)
    return IncidentEvalReport(
        path=str(path), documents=len(results), gold_incidents=len(set(gold_labels.values())),
        predicted_incidents=len(set(predicted.values())), threshold=settings.threshold,
        scores=cluster_scores(predicted, gold_labels))


def threshold_sweep(path: Path, gold: Sequence[GoldDocument], results: Sequence[DocumentResult],
                    settings: FusionSettings,
                    thresholds: Iterable[float] = DEFAULT_THRESHOLDS) -> list[IncidentEvalReport]:
    """Score every threshold (how ``fusion.yaml``'s threshold is calibrated)."""
    return [score_results(path, gold, results, settings.with_threshold(value))
            for value in thresholds]


def format_incident_report(report: IncidentEvalReport) -> str:
    """A few lines for the terminal."""
    scores = report.scores
    return "\n".join([
        f"{report.path}: {report.documents} documents, {report.gold_incidents} gold incidents, "
        f"{report.predicted_incidents} predicted (threshold {report.threshold})",
        f"  pairwise  P {scores.pairwise_precision:.3f}  R {scores.pairwise_recall:.3f}  "
        f"F1 {scores.pairwise_f1:.3f}",
        f"  B-cubed   P {scores.bcubed_precision:.3f}  R {scores.bcubed_recall:.3f}  "
        f"F1 {scores.bcubed_f1:.3f}",
    ])


def run_incident_eval(path: Path, as_json: bool) -> None:
    """Body of ``marsad eval --incidents FILE``: score and print."""
    report = evaluate_incidents(path)
    click.echo(report.model_dump_json(indent=2) if as_json else format_incident_report(report))
