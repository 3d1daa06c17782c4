"""The evaluation report: its model, its plain-text rendering and the floor check for CI.

Why pydantic: ``marsad eval --json`` writes the report for dashboards and CI, so the same
class defines what is written and what a reader may rely on.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from marsad.evaluation.mappings import load_mappings
from marsad.evaluation.metrics import Confusion


class EvalReport(BaseModel):
    """Scores of one evaluation file.

    ``fields`` maps a scored field ("location", "actor", "subtask1", ...) to its metrics;
    ``per_label`` maps a table name to ``{label: {precision, recall, f1, support}}``;
    ``definitions`` says in words how each field was scored (alignment, abstention rules).
    """

    dataset: str
    path: str = ""
    n_records: int
    n_documents: int
    fields: dict[str, dict[str, float]] = Field(default_factory=dict)
    per_label: dict[str, dict[str, dict[str, float]]] = Field(default_factory=dict)
    confusions: list[Confusion] = Field(default_factory=list)
    definitions: dict[str, str] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    docs_per_second: float = 0.0

    def timed(self, path: Path | str, seconds: float, documents: int,
              warnings: list[str], **extra: Any) -> EvalReport:
        """The report stamped with where it came from, how long processing took, and the
        reader's warnings ahead of the scorer's (every evaluator finishes this way)."""
        return self.model_copy(update={
            "path": str(path), "seconds": seconds,
            "docs_per_second": documents / seconds if seconds else 0.0,
            "warnings": warnings + self.warnings, **extra})

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (for ``marsad eval --json``)."""
        return self.model_dump(mode="json")


def _format_value(name: str, value: float) -> str:
    """Counts ("n", "n_gold", "support") as integers, scores with 3 decimals."""
    is_count = name in ("n", "support") or name.startswith("n_")
    return str(round(value)) if is_count else f"{value:.3f}"


MAX_CELL = 40
"""Longer labels are cut in the text table (the JSON report keeps them whole)."""


def _cut(cell: str) -> str:
    return cell if len(cell) <= MAX_CELL else cell[:MAX_CELL - 1] + "…"


def _is_number(cell: str) -> bool:
    return cell.replace(".", "", 1).lstrip("-").isdigit()


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Aligned columns: numbers to the right, words (and the first column) to the left."""
    rows = [[_cut(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    numeric = [i > 0 and all(_is_number(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [cell.rjust(width) if right else cell.ljust(width)
                 for cell, width, right in zip(row, widths, numeric, strict=True)]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def format_report(report: EvalReport) -> str:
    """Render a report as aligned plain-text tables (what ``marsad eval`` prints).

    Fields with the same metrics share one table, one row per field.
    """
    lines = [f"dataset {report.dataset}  {report.path}".rstrip(),
             f"records {report.n_records}  documents {report.n_documents}  "
             f"time {report.seconds:.1f}s  ({report.docs_per_second:.2f} docs/s)", ""]
    groups: dict[tuple[str, ...], list[str]] = {}
    for name, metrics in report.fields.items():
        groups.setdefault(tuple(metrics), []).append(name)
    for metric_names, field_names in groups.items():
        rows = [[name, *(_format_value(metric, report.fields[name][metric])
                         for metric in metric_names)] for name in field_names]
        lines += _table(["field", *metric_names], rows) + [""]
    for name, table in report.per_label.items():
        columns = list(dict.fromkeys(key for scores in table.values() for key in scores))
        rows = [[label, *(_format_value(key, scores.get(key, 0.0)) for key in columns)]
                for label, scores in table.items()]
        lines += _table([name, *columns], rows) + [""]
    if report.confusions:
        rows = [[c.field, c.gold, c.predicted, str(c.count)] for c in report.confusions]
        lines += ["top confusions (gold -> predicted)"]
        lines += _table(["field", "gold", "predicted", "count"], rows) + [""]
    for name, text in report.definitions.items():
        lines.append(f"{name}: {text}")
    lines += [f"warning: {warning}" for warning in report.warnings]
    return "\n".join(lines).rstrip() + "\n"


def _floors_for(report: EvalReport, floors: Mapping[str, Any],
                datasets: frozenset[str]) -> dict[str, float]:
    """Flatten ``floors`` to ``{"field.metric": minimum}`` for this report's dataset.

    Accepts ``{"field": {"metric": min}}``, ``{"field.metric": min}``, and either of these
    nested under dataset names (sections of other datasets are ignored).
    """
    if report.dataset in floors and isinstance(floors[report.dataset], Mapping):
        floors = floors[report.dataset]
    flat: dict[str, float] = {}
    for key, value in floors.items():
        if key in datasets:
            continue
        if isinstance(value, Mapping):
            flat.update({f"{key}.{metric}": float(minimum) for metric, minimum in value.items()})
        else:
            flat[key] = float(value)
    return flat


def check_floors(report: EvalReport, floors: Mapping[str, Any]) -> list[str]:
    """Return one message per metric below its floor (empty list: all pass).

    A floor naming a field or metric the report lacks is a failure too, so a typo in a CI
    floor file cannot pass silently. Error metrics (``mae_*``) are ceilings, not floors.
    """
    datasets = frozenset(load_mappings().input_fields)
    failures = []
    for key, limit in _floors_for(report, floors, datasets).items():
        field, _, metric = key.rpartition(".")
        value = report.fields.get(field, {}).get(metric)
        if value is None:
            failures.append(f"{report.dataset}: no metric {key} in the report")
        elif metric.startswith("mae") and value > limit:
            failures.append(f"{report.dataset}: {key} = {value:.3f} above ceiling {limit:.3f}")
        elif not metric.startswith("mae") and value < limit:
            failures.append(f"{report.dataset}: {key} = {value:.3f} below floor {limit:.3f}")
    return failures
