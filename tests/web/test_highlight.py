"""Segments of the article text: cut at every span boundary, fields named, text intact."""

from __future__ import annotations

import pytest

from marsad.web.filters import FilterError, parse_filter
from marsad.web.highlight import FieldSpan, segments

TEXT = "Airstrikes killed five civilians in Douma on Tuesday."


@pytest.mark.parametrize(("spans", "expected"), [
    ([], [("Airstrikes killed five civilians in Douma on Tuesday.", ())]),
    ([FieldSpan("trigger", 0, 10, "Airstrikes")],
     [("Airstrikes", ("trigger",)), (" killed five civilians in Douma on Tuesday.", ())]),
    # nested: the evidence sentence holds the place
    ([FieldSpan("evidence", 0, 53, TEXT), FieldSpan("location", 36, 41, "Douma")],
     [("Airstrikes killed five civilians in ", ("evidence",)),
      ("Douma", ("evidence", "location")), (" on Tuesday.", ("evidence",))]),
    # overlapping spans, and one outside the text (ignored)
    ([FieldSpan("fatalities", 11, 32, "killed five civilians"),
      FieldSpan("actor2", 23, 32, "civilians"), FieldSpan("date", 50, 99, "x")],
     [("Airstrikes ", ()), ("killed five ", ("fatalities",)),
      ("civilians", ("fatalities", "actor2")), (" in Douma on Tuesday.", ())]),
])
def test_segments(spans: list[FieldSpan], expected: list[tuple[str, tuple[str, ...]]]) -> None:
    pieces = segments(TEXT, spans)
    assert [(piece.text, piece.fields) for piece in pieces] == expected
    assert "".join(piece.text for piece in pieces) == TEXT


@pytest.mark.parametrize(("fields", "kinds"), [
    (("e2.claim[1]", "e2.evidence"), ("claim", "evidence")),
    (("assoc_actors1[0]",), ("assoc_actors1",)),
])
def test_kinds_drop_numbers(fields: tuple[str, ...], kinds: tuple[str, ...]) -> None:
    from marsad.web.highlight import Segment

    assert Segment("x", 0, fields).kinds == kinds


@pytest.mark.parametrize(("params", "message"), [
    ({"date_from": "2018-02-30"}, "date_from: not a date"),
    ({"bbox": "1,2,3,4,5"}, "bbox: expected west,south,east,north"),
    ({"bbox": "10,0,-10,5"}, "bbox: need"),
    ({"fatalities_max": "٣"}, "fatalities_max: not a whole number"),
    ({"actor": "a" * 201}, "actor: longer than 200"),
])
def test_bad_filters(params: dict[str, str], message: str) -> None:
    with pytest.raises(FilterError, match=message):
        parse_filter(params)


def test_empty_values_mean_no_filter() -> None:
    assert parse_filter({name: "" for name in ("date_from", "bbox", "q", "fatalities_min")}) \
        == parse_filter({})
