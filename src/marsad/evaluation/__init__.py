"""Scoring of marsad's output against the evaluation sets (``marsad eval``).

One module per dataset (``fakes``, ``case2021``, ``re3d``), shared arithmetic in ``metrics``,
label crosswalks in ``mappings`` (data in ``resources/eval_mappings.yaml``), the report in
``report`` and the file runner in ``runner``.
"""

from marsad.evaluation.report import EvalReport, check_floors, format_report
from marsad.evaluation.runner import detect_dataset, evaluate_file, source_document

__all__ = ["EvalReport", "check_floors", "detect_dataset", "evaluate_file", "format_report",
           "source_document"]
