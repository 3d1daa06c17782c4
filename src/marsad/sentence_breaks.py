"""Sentence breaks around a wire dateline, set before the parser runs.

A wire story opens "Ranchi, Jun 18 (PTI) A group of villagers beat two traders to death", and
a scraped snippet often glues the headline before it ("Naxals abduct panchayat secretary in
Narayanpur Raipur, Oct 8 (IANS) Suspected Maoists ..."). Parsed as one sentence, the dateline
swallows the lede's subject ("group" hangs as an apposition of "Ranchi"), and every rule that
reads who did what loses it. The parser keeps sentence starts set before it runs, so this
component marks two: the lede after the agency's bracket, and the dateline itself when words
come before it.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from marsad.extractors.numbers import load_quantifiers

DATELINE_BREAKS = "marsad_dateline_breaks"

_DASHES = frozenset({"-", "--", "—", "–", ":"})
_ENDINGS = frozenset({".", "!", "?", "\n"})


@cache
def _months() -> frozenset[str]:
    return frozenset(load_quantifiers().months)


@Language.component(DATELINE_BREAKS)
def dateline_breaks(doc: Doc) -> Doc:
    months = _months()
    for close in (t for t in doc if t.text == ")"):
        opening = _agency_opening(close)
        if opening is None:
            continue
        month = _dated(doc, opening.i, months)
        if month is None:
            continue
        lede = close.i + 1
        while lede < len(doc) and doc[lede].text in _DASHES:
            lede += 1
        if lede >= len(doc) or not (doc[lede].text[:1].isupper() or doc[lede].is_digit):
            continue  # "on May 5 (Tuesday) that troops left": the sentence goes on
        doc[lede].is_sent_start = True
        place = _place_before(doc, month)
        if place is not None:
            doc[place].is_sent_start = True
        # (the dateline is one piece: "Raipur | , Oct 8 (IANS)" is no break)
        for token in doc[(place if place is not None else month) + 1:lede]:
            token.is_sent_start = False
    return doc


def _agency_opening(close: Token) -> Token | None:
    """The "(" of "(PTI)", "(Reuters)", "(AP Photo)": one to three words, the first capitalised."""
    doc = close.doc
    for width in (2, 3, 4):
        start = close.i - width
        if start < 0:
            return None
        if doc[start].text == "(":
            inner = doc[start + 1:close.i]
            if all(t.is_alpha for t in inner) and (inner[0].is_upper or inner[0].is_title):
                return doc[start]
            return None
    return None


def _dated(doc: Doc, opening: int, months: frozenset[str]) -> int | None:
    """The month token of the date right before the bracket ("Jun 18", "18 June 2019,"), or
    None."""
    window = doc[max(0, opening - 4):opening]
    month = next((t.i for t in window if t.lower_.rstrip(".") in months), None)
    if month is None or not any(t.is_digit for t in window):
        return None
    return month


def _place_before(doc: Doc, month: int) -> int | None:
    """Where the dateline's place starts when words precede it ("... in Narayanpur Raipur,
    Oct 8"): the one capitalised word before the comma; None at the text's start or after a
    full stop (a sentence start already)."""
    if month < 2 or doc[month - 1].text != ",":
        return None
    place = doc[month - 2]
    if not (place.is_alpha and (place.is_title or place.is_upper)):
        return None
    if place.i == 0 or doc[place.i - 1].text.strip() == "" or doc[place.i - 1].text in _ENDINGS:
        return None
    return place.i
