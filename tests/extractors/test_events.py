"""Table-driven event cases from tests/data/event_cases.yaml (extend the YAML, not this file)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad.context import Context
from marsad.evaluation.case2021 import most_confident
from marsad.model import Event, SourceDocument, span_mismatches
from marsad.pipeline import process

CASES = yaml.safe_load(
    (Path(__file__).parent.parent / "data" / "event_cases.yaml").read_text(encoding="utf-8")
)["cases"]


def _matches(event: Event, want: dict[str, Any]) -> bool:
    checks = {
        "sub_event_type": lambda v: event.sub_event_type == v,
        "location": lambda v: event.location is not None and v in event.location.name,
        "admin1": lambda v: event.location is not None and event.location.admin1 == v,
        "country": lambda v: event.location is not None and event.location.country == v,
        "date": lambda v: event.date is not None and event.date.start == v,
        "date_end": lambda v: event.date is not None and event.date.end == v,
        "fatalities": lambda v: event.fatalities is not None and event.fatalities.best == v,
        "no_fatalities": lambda v: (event.fatalities is None) == v,
        "aggregate": lambda v: event.fatalities is not None and event.fatalities.aggregate == v,
        "victims": lambda v: event.fatalities is not None and event.fatalities.victims == v,
        "civilians": lambda v: event.fatalities is not None and event.fatalities.civilians == v,
        "source": lambda v: bool(event.attribution) and event.attribution[0].source == v,
        "hedged": lambda v: bool(event.attribution) and event.attribution[0].hedged == v,
        "actor1": lambda v: event.actor1 is not None and v in event.actor1.name,
        "inter1": lambda v: event.actor1 is not None and event.actor1.inter == v,
        "no_actor1": lambda v: (event.actor1 is None) == v,
        "actor2": lambda v: event.actor2 is not None and v in event.actor2.name,
        "no_actor2": lambda v: (event.actor2 is None) == v,
        "assoc1": lambda v: any(v in a.name for a in event.assoc_actors1),
        "no_assoc1": lambda v: (not event.assoc_actors1) == v,
        "notes": lambda v: v in event.notes,
        "mentions": lambda v: len(event.mentions) == v,
    }
    return all(checks[key](value) for key, value in want.items())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_event_case(case: dict[str, Any], ctx: Context) -> None:
    # "events: []" alone would assert nothing: say what must be absent, or no_events
    assert case.get("no_events") or case.get("events") or any(key in case for key in (
        "absent_sub_event_types", "absent_locations", "absent_before", "absent_actors",
        "main_event")), \
        f"case {case['id']} asserts nothing"
    published = case["published"]
    source = SourceDocument(id=case["id"], text=case["text"], outlet=case.get("outlet"),
                            published=published if isinstance(published, dt.date) else None)
    result = process(source, ctx)
    assert span_mismatches(result) == []
    # One side is never both sides (two reports of one event joined, an inferred opponent).
    assert not [e.actor1.name for e in result.events
                if e.actor1 is not None and e.actor2 is not None
                and e.actor1.name == e.actor2.name]
    if case.get("no_events"):
        assert result.events == [], [e.notes for e in result.events]
        assert any(w.startswith("no events") for w in result.warnings)
        return
    unwanted = set(case.get("absent_sub_event_types", ()))
    assert not [e.sub_event_type for e in result.events if e.sub_event_type in unwanted]
    elsewhere = set(case.get("absent_locations", ()))
    assert not [e.location.name for e in result.events
                if e.location is not None and e.location.name in elsewhere]
    if "absent_before" in case:
        assert not [e.date.start for e in result.events
                    if e.date is not None and e.date.start < case["absent_before"]]
    named = {a.name for e in result.events for a in (e.actor1, e.actor2) if a is not None}
    assert not named & set(case.get("absent_actors", ())), named
    if "main_event" in case:
        main = most_confident(result.events)
        assert main is not None and main.sub_event_type == case["main_event"], \
            [(e.sub_event_type, e.confidence) for e in result.events]
    for want in case.get("events", ()):
        assert any(_matches(e, want) for e in result.events), (
            want, [e.model_dump(include={"sub_event_type", "date", "location", "fatalities",
                                         "actor1", "actor2", "attribution"})
                   for e in result.events])


def test_same_event_mentioned_twice_is_one_event_with_both_spans(ctx: Context) -> None:
    text = ("Russian warplanes struck Saraqib on Monday, killing five civilians, activists said. "
            "The air strikes on Saraqib on Monday also destroyed a school.")
    result = process(SourceDocument(id="twice", text=text, published=dt.date(2019, 2, 5)), ctx)
    strikes = [e for e in result.events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    assert [m.text for m in strikes[0].mentions] == [
        "The air strikes on Saraqib on Monday also destroyed a school."]
    assert span_mismatches(result) == []


def test_at_after_an_object_is_where_not_what_was_hit(ctx: Context) -> None:
    """sub_types.attacked_nouns: "attacked a group of paratroopers at the INSA factory" hit
    the paratroopers (the factory is no property target); "opened fire at a bus" aims at it."""
    from marsad.extractors.events.sub_types import attacked_nouns

    doc = ctx.nlp("FMLN FORCES ATTACKED A GROUP OF PARATROOPERS AT THE INSA FACTORY IN SOYAPANGO.")
    aimed = frozenset(ctx.lexicon.initiators.aimed_objects)
    verb = next(t for t in doc if t.lower_ == "attacked")
    assert "factory" not in attacked_nouns(verb, aimed=aimed)
    doc = ctx.nlp("Gunmen opened fire at a bus near Kabul.")
    verb = next(t for t in doc if t.lower_ == "opened")
    assert "bus" in attacked_nouns(verb, aimed=aimed)
