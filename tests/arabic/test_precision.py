"""Issue #13 precision and distance rules, through the real Arabic pipeline (table-driven).

Each row is a paragraph in the style of local reporting with the (sub-event type, place,
precision) readings that must come out: background triggers ("بعد انسحاب", "بموجب اتفاق",
"يقضي بتسليم"), threats, refusals, historical references, "X جنوب Y", "ريف <town>", and
stated distances ("على بعد 10 كم من X", "جنوب X بنحو 15 كم").
"""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.arabic.pipeline import extract_arabic
from marsad.context import Context, get_context
from marsad.gazetteer import load_settings
from marsad.ingest import prepare
from marsad.model import DocumentResult, Event, SourceDocument, span_mismatches

PUBLISHED = dt.date(2019, 8, 24)
NEAR_MAX_KM = load_settings().offsets.near_max_km


@pytest.fixture(scope="module")
def ctx() -> Context:
    return get_context()


def _run(text: str, ctx: Context) -> DocumentResult:
    document, _ = prepare(SourceDocument(text=text, outlet="Enab Baladi", published=PUBLISHED))
    assert document.language == "ar"
    events, warnings = extract_arabic(document, ctx)
    return DocumentResult(doc=document, events=events, warnings=warnings)


def _readings(events: list[Event]) -> list[tuple[str, str | None, int | None]]:
    return [(e.sub_event_type, e.location.name if e.location else None,
             e.location.precision if e.location else None) for e in events]


EVENTS = [
    pytest.param("دخلت قوات النظام بلدة مورك في ريف حماة الشمالي، اليوم، دون اشتباكات، بعد انسحاب "
                 "فصائل المعارضة منها.",
                 [("Non-violent transfer of territory", "Mūrak", 1)], id="entry-without-clashes"),
    pytest.param("سيطرت قوات النظام على بلدة قلعة المضيق في ريف حماة الغربي، اليوم، بعد انسحاب "
                 "فصائل المعارضة منها إثر قصف جوي ومدفعي مكثف.",
                 [("Government regains territory", "Qal‘at al Maḑīq", 1)],
                 id="after-withdrawal-and-coordinated-shelling-are-background"),
    pytest.param("قتل ثلاثة مدنيين إثر قصف مدفعي على بلدة كفرنبل اليوم.",
                 [("Shelling/artillery/missile attack", "Kafr Nabl", 1)],
                 id="background-word-alone-keeps-its-event"),
    pytest.param("خرجت اليوم الدفعة الأولى من المسلحين وعائلاتهم من مدينة نوى باتجاه "
                 "الشمال السوري، بموجب اتفاق المصالحة.",
                 [("Non-violent transfer of territory", "Nawa", 1)], id="under-an-agreement"),
    pytest.param("توصلت اللجنة المركزية في مدينة طفس إلى اتفاق مع الجانب الروسي، اليوم، يقضي "
                 "بتسليم السلاح الثقيل وتهجير الرافضين إلى الشمال السوري.",
                 [("Agreement", "Tafas", 1)], id="terms-of-an-agreement"),
    pytest.param("هددت هيئة تحرير الشام بقصف مواقع قوات النظام في ريف حماة، في حين قصفت "
                 "قوات النظام بالمدفعية الثقيلة بلدة كفرنبل جنوبي إدلب، اليوم.",
                 [("Shelling/artillery/missile attack", "Kafr Nabl", 1)],
                 id="threat-across-actor-name-and-situating-city"),
    pytest.param("تستعد قوات النظام لاقتحام بلدة جاسم، بعد رفض وجهائها تسليم المطلوبين، فيما داهمت "
                 "دورية منازل في مدينة نوى واعتقلت شابين.",
                 [("Arrests", "Nawa", 1)], id="plan-refusal-handing-over-people"),
    pytest.param("قُتل شاب برصاص قناص في مدينة التل اليوم. ويأتي ذلك بعد تسع سنوات على مجزرة "
                 "الحولة عام 2012.",
                 [("Attack", "At Tall", 1)], id="historical-reference"),
    pytest.param("قُتل شاب برصاص قناص في مدينة التل اليوم، في أعنف تصعيد منذ عام 2012.",
                 [("Attack", "At Tall", 1)], id="since-a-year-is-about-now"),
    pytest.param("سقطت قذائف صاروخية مصدرها مناطق سيطرة قوات النظام على مدينة عفرين اليوم.",
                 [("Shelling/artillery/missile attack", "Afrin", 1)],
                 id="areas-of-control-is-a-state"),
    pytest.param("اختطف مسلحون مجهولون ناشطاً في مدينة الباب شرق حلب اليوم.",
                 [("Abduction/forced disappearance", "al-Bab", 1)],
                 id="unknown-gunmen-yield-and-situating-city-dropped"),
    pytest.param("شنت طائرات حربية غارات جوية على بلدات في ريف جسر الشغور اليوم.",
                 [("Air/drone strike", "Jisr al-Shughur", 2)], id="countryside-of-a-town"),
    pytest.param("شنت طائرات حربية غارات جوية على بلدات في ريف إدلب الجنوبي اليوم.",
                 [("Air/drone strike", "Idlib", 3)], id="countryside-of-a-governorate-seat"),
    pytest.param("قصفت قوات النظام بلدات في ريف إدلب الجنوبي، كفرنبل وسراقب، اليوم.",
                 [("Shelling/artillery/missile attack", "Kafr Nabl", 1),
                  ("Shelling/artillery/missile attack", "Saraqib", 1)],
                 id="towns-after-a-governorate"),
]


@pytest.mark.parametrize(("text", "expected"), EVENTS)
def test_readings(text: str, expected: list[tuple[str, str, int]], ctx: Context) -> None:
    result = _run(text, ctx)
    assert _readings(result.events) == expected
    assert span_mismatches(result) == []


DISTANCES = [
    pytest.param("انفجرت عبوة ناسفة على طريق يقع على بعد 10 كم من مدينة الميادين اليوم.",
                 "Mayadin", 10.0, None, id="at-a-distance-from"),
    pytest.param("اندلعت اشتباكات مع خلايا تنظيم الدولة جنوب مدينة الشدادي بنحو 15 كم اليوم.",
                 "al-Shaddadi", 15.0, "S", id="bearing-then-distance-after"),
    pytest.param("اندلعت اشتباكات مع خلايا تنظيم الدولة على بعد 40 كم شمال مدينة الميادين اليوم.",
                 "Mayadin", 40.0, "N", id="far-distance-with-bearing"),
    pytest.param("انفجرت عبوة ناسفة على بعد 500 متر من مدينة الميادين اليوم.",
                 "Mayadin", 0.5, None, id="metres"),
    pytest.param("انفجر لغم أرضي على بعد عشرة كيلومترات عن بلدة كفرنبل اليوم.",
                 "Kafr Nabl", 10.0, None, id="number-word-and-an"),
]


@pytest.mark.parametrize(("text", "place", "km", "bearing"), DISTANCES)
def test_distances(text: str, place: str, km: float, bearing: str | None, ctx: Context) -> None:
    events = _run(text, ctx).events
    assert len(events) == 1
    location = events[0].location
    assert location is not None and location.name == place
    assert location.offset_km == pytest.approx(km)
    assert location.bearing == bearing
    assert location.precision == (2 if km <= NEAR_MAX_KM else 3)


def test_no_distance_keeps_town_precision(ctx: Context) -> None:
    location = _run("انفجرت عبوة ناسفة في مدينة الميادين اليوم بـ 3 قذائف.", ctx).events[0].location
    assert location is not None
    assert (location.offset_km, location.precision) == (None, 1)
