"""Read input documents and clean them into the ``Document`` every extractor indexes.

``read_inputs`` streams ``SourceDocument``s (or ``InputError``s for bad inputs) from
files, directories and stdin; ``prepare`` turns one into a clean ``Document``.
"""

from marsad.ingest.clean import clean_text, guess_language, prepare
from marsad.ingest.published import infer_published
from marsad.ingest.readers import InputDefaults, InputError, read_inputs

__all__ = [
    "InputDefaults",
    "InputError",
    "clean_text",
    "guess_language",
    "infer_published",
    "prepare",
    "read_inputs",
]
