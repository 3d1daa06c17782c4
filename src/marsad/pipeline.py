"""The pure core: ``process(SourceDocument, Context) -> DocumentResult``.

No file, network, database, clock or environment access here (STYLE.md), so the same
function runs in a test, in ``nlp.pipe`` batches, in a process pool and on a Dask cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from marsad.context import Context
from marsad.errors import MarsadError
from marsad.extractors.events import HISTORY_LEFT_OUT, extract_events
from marsad.ingest import prepare
from marsad.model import Document, DocumentResult, SourceDocument


@dataclass(frozen=True)
class ProcessingError:
    """A document that could not be processed: named, with the reason, the batch goes on."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def process(source: SourceDocument, ctx: Context) -> DocumentResult:
    """Clean, parse and extract one document."""
    document, warnings = prepare(source)
    return extract_result(document, ctx.nlp(document.text), ctx, warnings)


def process_many(sources: Iterable[SourceDocument], ctx: Context,
                 batch_size: int | None = None) -> Iterator[DocumentResult | ProcessingError]:
    """Process documents in ``nlp.pipe`` batches, yielding results in input order.

    A document that fails to prepare is reported as a ``ProcessingError`` and skipped.
    """
    def prepared() -> Iterator[tuple[str, tuple[Document, list[str]] | ProcessingError]]:
        for source in sources:
            try:
                document, warnings = prepare(source)
            except MarsadError as err:
                yield "", ProcessingError(source.origin, str(err))
                continue
            yield document.text, (document, warnings)

    batch = batch_size or ctx.settings.batch_size
    for doc, payload in ctx.nlp.pipe(prepared(), as_tuples=True, batch_size=batch):
        if isinstance(payload, ProcessingError):
            yield payload
            continue
        document, warnings = payload
        outcome: DocumentResult | ProcessingError
        try:
            outcome = extract_result(document, doc, ctx, warnings)
        except MarsadError as err:
            outcome = ProcessingError(document.id, str(err))
        except Exception as err:  # noqa: BLE001 - one article must not end a batch
            # A bug, not bad input: name the document and the error so it can be reported
            # and reproduced (marsad extract FILE), and let the rest of the batch go on.
            outcome = ProcessingError(document.id, f"internal error, please report: "
                                                   f"{type(err).__name__}: {err}")
        yield outcome


def extract_result(document: Document, doc: Doc, ctx: Context,
                   warnings: list[str]) -> DocumentResult:
    """Run the extractors on a parsed document; say why when nothing was found."""
    if document.language == "ar":
        # Arabic reporting has its own lexicons and tokenizer (marsad.arabic); the output is
        # the same contract, ACLED fields in English, spans into the Arabic text.
        from marsad.arabic.pipeline import extract_arabic

        events, extraction_warnings = extract_arabic(document, ctx)
    else:
        events, extraction_warnings = extract_events(document, doc, ctx)
    warnings = warnings + extraction_warnings
    if not document.text.strip():
        warnings.append("no events: the document has no text after cleaning")
    elif not events and any(w.startswith("classifier:") for w in extraction_warnings):
        warnings.append("no events: the classifier read every event sentence as no ACLED "
                        "event (see its warnings; MARSAD_TYPING=rules keeps the rules' events)")
    elif not events and any(w.endswith(HISTORY_LEFT_OUT) for w in extraction_warnings):
        warnings.append("no events: every event the text tells is its history, dated long "
                        "before its news (see the warnings above)")
    elif not events:
        warnings.append("no events: no sentence reports a conflict event "
                        "(no trigger word that is not negated, modal or hypothetical)")
    return DocumentResult(doc=document, events=events, warnings=warnings)
