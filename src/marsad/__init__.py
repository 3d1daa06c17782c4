"""marsad: structured, source-attributed, geocoded event data from armed-conflict news.

The notebook API::

    import marsad
    result = marsad.extract(text, published="2018-05-08", outlet="Enab Baladi")
    frame = marsad.to_dataframe([result])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from marsad.model import DocumentResult, Event, SourceDocument

if TYPE_CHECKING:
    import pandas

__version__ = "0.1.0"
__all__ = ["DocumentResult", "Event", "SourceDocument", "__version__", "extract", "to_dataframe"]


def extract(text: str, *, published: str | dt.date | None = None, outlet: str | None = None,
            title: str | None = None, url: str | None = None,
            doc_id: str | None = None) -> DocumentResult:
    """Extract events from one article's text; the same records ``marsad extract`` writes."""
    from marsad.context import get_context
    from marsad.pipeline import process

    when = dt.date.fromisoformat(published) if isinstance(published, str) else published
    source = SourceDocument(id=doc_id, text=text, published=when, outlet=outlet, title=title,
                            url=url, origin="<python>")
    return process(source, get_context())


def to_dataframe(results: Iterable[DocumentResult]) -> pandas.DataFrame:
    """One row per event with flat columns (the parquet/csv export's columns)."""
    from marsad.export import events_frame

    return events_frame(results)
