"""Public entry points of ``marsad eval`` (the implementation lives in ``marsad.evaluation``).

Why this module: DESIGN.md names ``evaluate.py`` as the scoring entry point; the code grew into
a package with one module per dataset, and this keeps the documented import path working.
"""

from marsad.evaluation import (
    EvalReport,
    check_floors,
    detect_dataset,
    evaluate_file,
    format_report,
    source_document,
)

__all__ = ["EvalReport", "check_floors", "detect_dataset", "evaluate_file", "format_report",
           "source_document"]
