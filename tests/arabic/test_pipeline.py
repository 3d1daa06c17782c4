"""End to end: a prepared Arabic document through ``extract_arabic`` (real gazetteer, lexicon)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.arabic.lexicon import load_arabic_lexicon
from marsad.arabic.pipeline import extract_arabic
from marsad.context import Context, get_context
from marsad.ingest import prepare
from marsad.model import DocumentResult, SourceDocument, span_mismatches


@pytest.fixture(scope="module")
def ctx() -> Context:
    return get_context()


def _run(text: str, ctx: Context, outlet: str = "Enab Baladi",
         published: dt.date = dt.date(2018, 3, 10)) -> DocumentResult:
    document, _ = prepare(SourceDocument(text=text, outlet=outlet, published=published))
    assert document.language == "ar"
    events, warnings = extract_arabic(document, ctx)
    return DocumentResult(doc=document, events=events, warnings=warnings)


CASES = [
    ("أفاد المرصد السوري لحقوق الإنسان بمقتل 12 مدنياً جراء غارات جوية روسية استهدفت مدينة "
     "دوما يوم الخميس 8 آذار/مارس 2018.",
     [("Air/drone strike", "Douma", "2018-03-08", "Military Forces of Russia (2000-)", 12,
       "Syrian Observatory for Human Rights", "reported")]),
    ("ودارت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة على أطراف حرستا أمس.",
     [("Armed clash", "Harasta", "2018-03-09", "Military Forces of Syria (2000-)", None,
       "Enab Baladi", "reported")]),
    ("بحسب الدفاع المدني، قتل 9 مدنيين في قصف مدفعي لقوات النظام على بلدة حمورية يوم السبت.",
     [("Shelling/artillery/missile attack", "Hamouriyah", "2018-03-10",
       "Military Forces of Syria (2000-)", 9, "Syrian Civil Defence", "according to")]),
    ("سيطرت قوات سوريا الديمقراطية على مدينة الرقة اليوم بعد معارك ضد تنظيم الدولة.",
     [("Non-state actor overtakes territory", "Raqqa", "2018-03-10",
       "SDF: Syrian Democratic Forces", None, "Enab Baladi", "reported")]),
    ("زعمت وسائل إعلام موالية أن قوات النظام سيطرت على بلدة مديرا قبل ثلاثة أيام.",
     [("Government regains territory", "Mudeira", "2018-03-07",
       "Military Forces of Syria (2000-)", None, "pro-regime media", "claimed")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events(text: str, expected: list[tuple[object, ...]], ctx: Context) -> None:
    result = _run(text, ctx)
    found = [(e.sub_event_type, e.location.name if e.location else None,
              e.date.start.isoformat() if e.date else None,
              e.actor1.name if e.actor1 else None,
              e.fatalities.best if e.fatalities else None,
              e.attribution[0].source, e.attribution[0].cue) for e in result.events]
    assert found == expected
    assert span_mismatches(result) == []
    assert all(event.notes.isascii() for event in result.events)


@pytest.mark.parametrize("text", [
    "لم تسجل أي اشتباكات في مدينة حرستا اليوم.",
    "هددت قوات النظام بقصف مدينة دوما.",
])
def test_negated_or_threatened_triggers_yield_no_event(text: str, ctx: Context) -> None:
    assert _run(text, ctx).events == []


def test_claimed_is_hedged_and_relayed_by_the_publisher(ctx: Context) -> None:
    result = _run("زعمت وسائل إعلام موالية أن قوات النظام سيطرت على بلدة مديرا اليوم.", ctx)
    claim = result.events[0].attribution[0]
    assert (claim.hedged, [relay.source for relay in claim.via]) == (True, ["Enab Baladi"])


def test_resources_cover_every_sub_event_type(ctx: Context) -> None:
    lexicon = load_arabic_lexicon()
    covered = {payload.sub_event_type for options in lexicon.triggers._by_first.values()
               for _, payload in options}
    assert set(ctx.lexicon.sub_event_names()) - covered - {
        "Government regains territory", "Non-state actor overtakes territory"} == set()
