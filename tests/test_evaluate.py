"""Tests of the evaluation library: scoring on hand-built, contract-valid results.

The results are built like ``process()`` builds them (real text, spans that index it); the
scorers are the real ones, so a wrong alignment or label mapping fails here.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from marsad.context import Context
from marsad.errors import MarsadError
from marsad.evaluation import (
    check_floors,
    detect_dataset,
    evaluate_file,
    format_report,
    source_document,
)
from marsad.evaluation.case2021 import CaseRow, score_case2021, scored_gold
from marsad.evaluation.fakes import (
    FakesGold,
    FakesRow,
    align_article,
    killer,
    parse_gold,
    score_fakes,
)
from marsad.evaluation.mappings import actor_class, cause_class, governorate_class
from marsad.evaluation.metrics import Confusion, count_scores, date_scores
from marsad.evaluation.muc4 import MucRow, score_muc4
from marsad.evaluation.re3d import Re3dRow, score_re3d
from marsad.evaluation.report import EvalReport
from marsad.evaluation.runner import read_records
from marsad.model import (
    Actor,
    Casualties,
    DateRange,
    Document,
    DocumentResult,
    Event,
    Location,
    TextSpan,
)
from marsad.resources import read_yaml

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"  # next to the checkout
needs_dev_data = pytest.mark.skipif(not DEV.is_dir(), reason=f"dev data not at {DEV}")
FAKES = DEV / "fakes_dev.jsonl"
CASE = DEV / "case2021_dev.jsonl"
RE3D = DEV / "re3d" / "re3d_docs.jsonl"
MUC4 = DEV / "muc4_dev.jsonl"

SYRIA_ARMY = ("Military Forces of Syria (2000-)", 1)
ISIS = ("Islamic State (Syria)", 2)
CIVILIANS = ("Civilians (Syria)", 7)


@cache
def event_types() -> dict[str, tuple[str, str]]:
    """sub_event_type -> (disorder_type, event_type), from the real taxonomy file."""
    found = {}
    for event_type in read_yaml("taxonomy.yaml")["event_types"]:
        for sub in event_type["sub_event_types"]:
            found[sub["name"]] = (event_type["disorder_type"], event_type["name"])
    return found


def span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def make_event(text: str, sub_event_type: str, trigger: str, *,
               admin1: str | None = None, actor1: tuple[str, int] | None = None,
               actor2: tuple[str, int] | None = None, killed: str | None = None,
               victims: str = "unknown", day: dt.date | None = None,
               confidence: float = 0.5) -> Event:
    """An event whose every span quotes ``text`` (phrases must occur in it)."""
    disorder_type, event_type = event_types()[sub_event_type]
    sentence = next(s for s in text.split(". ") if trigger in s)

    def actor(value: tuple[str, int] | None) -> Actor | None:
        return Actor(name=value[0], inter=value[1]) if value else None

    fatalities = None
    if killed is not None:
        best = int("".join(ch for ch in killed if ch.isdigit()))
        fatalities = Casualties(low=best, best=best, high=best, text=killed,
                                char_span=span_of(text, killed), victims=victims)  # type: ignore[arg-type]
    return Event(
        event_id=f"e-{trigger}-{killed}", disorder_type=disorder_type, event_type=event_type,
        sub_event_type=sub_event_type,
        trigger=TextSpan(text=trigger, char_span=span_of(text, trigger)),
        evidence=TextSpan(text=sentence, char_span=span_of(text, sentence)),
        date=DateRange(start=day, end=day, precision=1) if day else None,
        location=Location(name=admin1, country="Syria", iso3="SYR", admin1=admin1,
                          precision=3, feature="admin1") if admin1 else None,
        actor1=actor(actor1), actor2=actor(actor2), fatalities=fatalities,
        confidence=confidence)


def make_result(text: str, events: list[Event], published: dt.date | None = None) -> DocumentResult:
    return DocumentResult(doc=Document(id="doc", text=text, published=published,
                                       published_source="inferred" if published else "unknown"),
                          events=events)


def fakes_gold(location: str, actor: str, cause: str, civilians: int, noncivilians: int,
               date: str = "5/7/18") -> FakesGold:
    return FakesGold(date=date, location=location, actor=actor, cause_of_death=cause,
                     nb_civilians=civilians, nb_noncivilians=noncivilians)


ISIS_CLASS = "the organization of the islamic state in iraq and the levant - isis"
GOV_CLASS = "syrian government or russian troops"

# --- label crosswalks -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("Deir ez-Zor", "deir ezzor"), ("deir ezzor", "deir ezzor"), ("Dayr az Zawr", "deir ezzor"),
    ("Al-Hasakah", "hasakeh"), ("Hasakah", "hasakeh"), ("hasakeh", "hasakeh"),
    ("Latakia", "lattakia"), ("Tartus", "tartous"), ("Dar'a", "daraa"), ("Daraa", "daraa"),
    ("Ar-Raqqah", "raqqa"), ("Raqqa", "raqqa"), ("Rif Dimashq", "damascus"),
    ("Damascus Countryside", "damascus"), ("Idleb Governorate", "idlib"),
    ("Ḥamāh", "hama"), ("As-Suwayda", "suwayda"), ("Baghdad", "baghdad"),
    ("United States", "united states"), (None, None), ("", None),
])
def test_governorate_spellings_meet_fakes_values(name: str | None, expected: str | None) -> None:
    assert governorate_class(name) == expected


@pytest.mark.parametrize(("actor", "expected"), [
    (SYRIA_ARMY, GOV_CLASS),
    (("Military Forces of Russia (2000-)", 8), GOV_CLASS),
    (("Hezbollah", 3), GOV_CLASS),
    (ISIS, ISIS_CLASS),
    (("Global Coalition Against Daesh", 8), "international coalition forces"),
    (("Military Forces of the United States (2017-2021)", 8), "international coalition forces"),
    (("SDF: Syrian Democratic Forces", 2), "self administration forces"),
    (("YPG: Peoples Protection Units", 2), "self administration forces"),
    (("Hayat Tahrir al-Sham", 2), "al-nusra front"),
    (("Free Syrian Army", 2), "armed opposition groups"),
    (("Syrian National Army", 2), "armed opposition groups"),
    (("Liwa Something Unlisted", 2), "armed opposition groups"),
    (("Unidentified Armed Group (Syria)", 3), "unknown"),
    (CIVILIANS, "unknown"),
    # FA-KES files Turkish forces under the coalition ("Turkish Bombardment Kills 20 Civilians")
    (("Military Forces of Turkey (2002-)", 8), "international coalition forces"),
    (None, "unknown"),
])
def test_actor_maps_to_vdc_class(actor: tuple[str, int] | None, expected: str) -> None:
    value = Actor(name=actor[0], inter=actor[1]) if actor else None
    assert actor_class(value) == expected


CAUSE_TEXT = ("Warplanes bombed Idlib. A car bomb exploded in Afrin. Gunmen executed 4 men. "
              "Gunmen shot 2 men. Sarin gas killed dozens. Protesters marched in Daraa.")


@pytest.mark.parametrize(("sub_event_type", "trigger", "expected"), [
    ("Air/drone strike", "bombed", "shelling"),
    ("Shelling/artillery/missile attack", "bombed", "shelling"),
    ("Remote explosive/landmine/IED", "car bomb", "explosion"),
    ("Suicide bomb", "car bomb", "explosion"),
    ("Chemical weapon", "Sarin gas", "chemical and toxic gases"),
    ("Attack", "executed", "execution"),
    ("Attack", "shot", "shooting"),
    # Battles are left to cause_default: FA-KES codes a clash's dead "unknown" most often.
    ("Armed clash", "shot", "unknown"),
    ("Peaceful protest", "marched", "unknown"),
])
def test_sub_event_type_maps_to_vdc_cause(sub_event_type: str, trigger: str,
                                          expected: str) -> None:
    assert cause_class(make_event(CAUSE_TEXT, sub_event_type, trigger)) == expected


def test_no_event_has_unknown_cause() -> None:
    assert cause_class(None) == "unknown"


# --- FA-KES -----------------------------------------------------------------------------------

STRIKE_TEXT = ("Syrian warplanes struck Douma on Monday killing 12 civilians. "
               "Islamic State fighters stormed the air base near Deir ez-Zor killing 346 soldiers. "
               "Army troops later killed 170 militants there.")


def perfect_fakes_rows() -> list[FakesRow]:
    day = dt.date(2018, 5, 7)
    strike = make_event(STRIKE_TEXT, "Air/drone strike", "struck", admin1="Rif Dimashq",
                        actor1=SYRIA_ARMY, actor2=CIVILIANS, killed="killing 12 civilians",
                        victims="civilians", day=day)
    storm = make_event(STRIKE_TEXT, "Non-state actor overtakes territory", "stormed",
                       admin1="Deir ez-Zor", actor1=ISIS, actor2=SYRIA_ARMY,
                       killed="killing 346 soldiers", victims="actor2", day=day)
    rows = [
        ("r1", "a1", fakes_gold("damascus", GOV_CLASS, "shelling", 12, 0), [strike]),
        ("r2", "a2", fakes_gold("deir ezzor", ISIS_CLASS, "unknown", 0, 346), [storm]),
    ]
    return [FakesRow(record_id=rid, article=article, gold=gold,
                     result=make_result(STRIKE_TEXT, events, published=day))
            for rid, article, gold, events in rows]


@pytest.mark.parametrize(("field", "metric"), [
    ("date", "exact_day"), ("date", "within_7_days"), ("published", "exact_day"),
    ("location", "accuracy"), ("location", "f1"), ("nb_civilians", "exact"),
    ("nb_noncivilians", "exact"), ("nb_killed", "within_10pct"), ("actor", "accuracy"),
    ("actor", "macro_f1"), ("cause", "accuracy"), ("cause", "macro_f1"),
])
def test_perfect_fakes_predictions_score_one(field: str, metric: str) -> None:
    report = score_fakes(perfect_fakes_rows())
    assert report.fields[field][metric] == 1.0
    assert report.fields["nb_civilians"]["mae_log1p"] == 0.0
    assert report.confusions == []


def test_wrong_fakes_actor_is_the_confusion_pair() -> None:
    rows = perfect_fakes_rows()
    rows[1] = FakesRow(record_id="r2", article="a2", result=rows[1].result,
                       gold=fakes_gold("deir ezzor", "al-nusra front", "unknown", 0, 346))
    report = score_fakes(rows)
    assert report.fields["actor"]["accuracy"] == 0.5
    assert report.confusions == [Confusion(field="actor", gold="al-nusra front",
                                           predicted=ISIS_CLASS, count=1)]


@pytest.mark.parametrize(("victims", "expected"), [
    ("actor1", GOV_CLASS),  # ISIS's own dead: the army killed them (FA-KES: who caused them)
    ("actor2", ISIS_CLASS),
    ("unknown", ISIS_CLASS),
])
def test_fakes_actor_is_who_caused_the_deaths(victims: str, expected: str) -> None:
    battle = make_event(STRIKE_TEXT, "Armed clash", "stormed", admin1="Deir ez-Zor",
                        actor1=ISIS, actor2=SYRIA_ARMY, killed="killing 346 soldiers",
                        victims=victims)
    assert actor_class(killer(battle)) == expected


def test_fakes_two_gold_rows_of_one_article_get_their_own_events() -> None:
    storm = make_event(STRIKE_TEXT, "Non-state actor overtakes territory", "stormed",
                       admin1="Deir ez-Zor", actor1=ISIS, actor2=SYRIA_ARMY,
                       killed="killing 346 soldiers", victims="actor2")
    counter = make_event(STRIKE_TEXT, "Armed clash", "killed 170", admin1="Deir ez-Zor",
                         actor1=SYRIA_ARMY, actor2=ISIS, killed="killed 170 militants",
                         victims="actor2")
    golds = [fakes_gold("deir ezzor", GOV_CLASS, "shooting", 0, 170),
             fakes_gold("deir ezzor", ISIS_CLASS, "shooting", 0, 346)]
    aligned = align_article(golds, [storm, counter])
    assert [p.main for p in aligned] == [counter, storm]
    result = make_result(STRIKE_TEXT, [storm, counter])
    report = score_fakes([FakesRow(record_id=f"r{i}", article="one", gold=gold, result=result)
                          for i, gold in enumerate(golds)])
    assert report.n_documents == 1
    assert report.fields["nb_noncivilians"]["exact"] == 1.0
    assert report.fields["actor"]["accuracy"] == 1.0


def test_fakes_repeated_incident_rows_share_the_prediction() -> None:
    strike = make_event(STRIKE_TEXT, "Air/drone strike", "struck", admin1="Rif Dimashq",
                        actor1=SYRIA_ARMY, killed="killing 12 civilians", victims="civilians")
    golds = [fakes_gold("damascus", GOV_CLASS, "shelling", 12, 0, date="5/7/18"),
             fakes_gold("damascus", GOV_CLASS, "shelling", 12, 0, date="5/8/18")]
    aligned = align_article(golds, [strike])
    assert aligned[0] is aligned[1]
    assert aligned[0].main == strike


def test_fakes_no_event_abstains_on_location() -> None:
    rows = perfect_fakes_rows()
    rows[1] = FakesRow(record_id="r2", article="a2", gold=rows[1].gold,
                       result=make_result(STRIKE_TEXT, []))
    location = score_fakes(rows).fields["location"]
    assert (location["precision"], location["recall"], location["coverage"]) == (1.0, 0.5, 0.5)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@needs_dev_data
def test_every_dev_fakes_gold_row_parses_and_its_governorate_is_known() -> None:
    golds = [parse_gold(r["id"], r["gold"]) for r in read_jsonl(FAKES)]
    assert len(golds) == 300
    assert {governorate_class(g.location) == g.location for g in golds} == {True}
    assert {g.day().year for g in golds} <= set(range(2011, 2019))


@needs_dev_data
def test_every_dev_case_label_has_a_scored_gold() -> None:
    labels = {scored_gold(r["id"], r["label"]) for r in read_jsonl(CASE)}
    assert len(labels) == 26 and "NONE" in labels


# --- CASE 2021 --------------------------------------------------------------------------------

CASE_TEXT = ("Warplanes bombed the village killing 6 civilians. Rebels and troops clashed near "
             "the border. The minister condemned the sanctions.")


def case_row(label: str, events: list[Event]) -> CaseRow:
    return CaseRow(record_id=label, label=label, result=make_result(CASE_TEXT, events))


def test_perfect_case_predictions_score_one() -> None:
    rows = [case_row("AIR_STRIKE", [make_event(CASE_TEXT, "Air/drone strike", "bombed")]),
            case_row("ARMED_CLASH", [make_event(CASE_TEXT, "Armed clash", "clashed")]),
            case_row("DIPLO", [])]
    report = score_case2021(rows)
    assert report.fields["subtask1"]["accuracy"] == 1.0
    assert report.fields["subtask1"]["macro_f1"] == 1.0
    assert report.fields["subtask1"]["micro_f1"] == 1.0
    assert report.fields["all"]["accuracy"] == 1.0
    assert report.confusions == []


@pytest.mark.parametrize(("label", "events", "correct"), [
    ("DIPLO", [], True),
    ("NATURAL_DISASTER", [], True),
    ("DIPLO", [("Attack", "condemned")], False),
    ("AIR_STRIKE", [], False),
])
def test_non_acled_case_label_is_right_only_without_event(
        label: str, events: list[tuple[str, str]], correct: bool) -> None:
    row = case_row(label, [make_event(CASE_TEXT, sub, trigger) for sub, trigger in events])
    assert score_case2021([row]).fields["all"]["accuracy"] == float(correct)


def test_wrong_case_label_is_the_confusion_pair() -> None:
    strike = make_event(CASE_TEXT, "Air/drone strike", "bombed", confidence=0.4)
    shelling = make_event(CASE_TEXT, "Shelling/artillery/missile attack", "bombed",
                          confidence=0.9)
    report = score_case2021([case_row("AIR_STRIKE", [strike, shelling]),
                             case_row("ARMED_CLASH", [make_event(CASE_TEXT, "Armed clash",
                                                                 "clashed")])])
    assert report.fields["subtask1"]["accuracy"] == 0.5
    assert report.confusions == [Confusion(field="label", gold="AIR_STRIKE",
                                           predicted="ART_MISS_ATTACK", count=1)]
    assert report.per_label["case2021"]["AIR_STRIKE"]["recall"] == 0.0


def test_case_most_confident_event_ties_go_to_the_first() -> None:
    first = make_event(CASE_TEXT, "Armed clash", "clashed", confidence=0.6)
    second = make_event(CASE_TEXT, "Air/drone strike", "bombed", confidence=0.6)
    report = score_case2021([case_row("ARMED_CLASH", [first, second])])
    assert report.fields["subtask1"]["accuracy"] == 1.0


# --- MUC-4 and re3d -------------------------------------------------------------------------

def muc_template(kind: str, number: str = "1") -> dict[str, list[str]]:
    return {"MESSAGE: TEMPLATE": [number], "INCIDENT: TYPE": [kind]}


@pytest.mark.parametrize(("templates", "sub_event_types", "recall"), [
    ([muc_template("ATTACK")], ["Attack"], 1.0),
    ([muc_template("BOMBING")], ["Attack"], 0.0),
    ([muc_template("BOMBING / ATTACK")], ["Armed clash"], 1.0),
    ([muc_template("KIDNAPPING"), muc_template("ARSON", "2 (OPTIONAL)")],
     ["Abduction/forced disappearance"], 1.0),
    ([muc_template("KIDNAPPING"), muc_template("ARSON")], ["Abduction/forced disappearance"], 0.5),
])
def test_muc4_incident_type_recall(templates: list[dict[str, list[str]]],
                                   sub_event_types: list[str], recall: float) -> None:
    events = [make_event(CASE_TEXT, sub, "clashed") for sub in sub_event_types]
    row = MucRow(record_id="m", gold={"relevant": True, "templates": templates},
                 result=make_result(CASE_TEXT, events))
    fields = score_muc4([row]).fields
    assert fields["incident_type"]["recall"] == recall
    assert fields["relevance"]["accuracy"] == 1.0


@pytest.mark.parametrize(("location", "recall", "precision"), [
    ("SYRIA: ALEPPO (CITY)", 1.0, 1.0),   # make_event places its events in Syria
    ("COLOMBIA: MEDELLIN", 0.0, 0.0),
    ("-", None, None),                     # no country: the template is not counted
])
def test_muc4_incident_country(location: str, recall: float | None,
                               precision: float | None) -> None:
    template = {**muc_template("ATTACK"), "INCIDENT: LOCATION": [location]}
    event = make_event(CASE_TEXT, "Attack", "clashed", admin1="Aleppo")
    row = MucRow(record_id="m", gold={"relevant": True, "templates": [template]},
                 result=make_result(CASE_TEXT, [event]))
    country = score_muc4([row]).fields["incident_country"]
    if recall is None:
        assert country["n"] == 0
    else:
        assert (country["recall"], country["precision"], country["n"]) == (recall, precision, 1)


@pytest.mark.parametrize(("sub_event_types", "relevant", "relevance", "incident"), [
    (["Agreement"], False, 0.0, 1.0),   # an agreement alone is no terrorist incident
    (["Agreement", "Attack"], True, 1.0, 1.0),
    ([], True, 0.0, 0.0),
])
def test_muc4_relevance_incident_counts_only_incident_types(
        sub_event_types: list[str], relevant: bool, relevance: float, incident: float) -> None:
    events = [make_event(CASE_TEXT, sub, "clashed") for sub in sub_event_types]
    row = MucRow(record_id="m", gold={"relevant": relevant, "templates": []},
                 result=make_result(CASE_TEXT, events))
    fields = score_muc4([row]).fields
    assert fields["relevance"]["accuracy"] == relevance
    assert fields["relevance_incident"]["accuracy"] == incident


@pytest.mark.parametrize(("org", "sub_event_type", "actor1", "recall", "precision"), [
    # the key's alternatives all count; the dictionary name holds "FMLN"
    ('"FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"', "Remote explosive/landmine/IED",
     ("FMLN: Farabundo Marti National Liberation Front", 2), 1.0, 1.0),
    ('"THE EXTRADITABLES" / "EXTRADITABLES"', "Attack", ("The Extraditables", 3), 1.0, 1.0),
    # a named perpetrator of an event of another incident type is not the template's
    ('"FMLN"', "Agreement", ("FMLN: Farabundo Marti National Liberation Front", 2), 0.0, 0.0),
    ('"FMLN"', "Attack", ("Military Forces of El Salvador", 1), 0.0, 0.0),
    ('"FMLN"', "Attack", None, 0.0, 0.0),
])
def test_muc4_perpetrator_org(org: str, sub_event_type: str, actor1: tuple[str, int] | None,
                              recall: float, precision: float) -> None:
    template = {**muc_template("BOMBING / ATTACK"), "PERP: ORGANIZATION ID": [org]}
    event = make_event(CASE_TEXT, sub_event_type, "clashed", actor1=actor1)
    row = MucRow(record_id="m", gold={"relevant": True, "templates": [template]},
                 result=make_result(CASE_TEXT, [event]))
    perp = score_muc4([row]).fields["perpetrator_org"]
    assert (perp["recall"], perp["n"]) == (recall, 1)
    assert perp["precision"] == precision


def test_muc4_perpetrator_org_skips_templates_without_one() -> None:
    template = {**muc_template("ATTACK"), "PERP: ORGANIZATION ID": ["-"]}
    event = make_event(CASE_TEXT, "Attack", "clashed", actor1=("The Extraditables", 3))
    row = MucRow(record_id="m", gold={"relevant": True, "templates": [template]},
                 result=make_result(CASE_TEXT, [event]))
    assert score_muc4([row]).fields["perpetrator_org"]["n"] == 0


RE3D_TEXT = "Islamic State fighters attacked Aleppo. Airstrikes hit the city."


def test_re3d_names_quoted_by_our_spans_are_recalled() -> None:
    event = make_event(RE3D_TEXT, "Attack", "attacked", actor1=ISIS)
    event = event.model_copy(update={
        "actor1": Actor(name=ISIS[0], inter=ISIS[1], text="Islamic State fighters",
                        char_span=span_of(RE3D_TEXT, "Islamic State fighters")),
        "location": Location(name="Aleppo", admin1="Aleppo", text="Aleppo",
                             char_span=span_of(RE3D_TEXT, "Aleppo"))})
    entities = [{"type": "Organisation", "value": "Islamic State", "confidence": 0.9},
                {"type": "Location", "value": "Aleppo", "confidence": 1.0},
                {"type": "Location", "value": "Syria", "confidence": 0.0},
                {"type": "Location", "value": "the city", "confidence": 0.6}]
    fields = score_re3d([Re3dRow(record_id="r", entities=entities,
                                 result=make_result(RE3D_TEXT, [event]))]).fields
    assert (fields["Organisation"]["recall"], fields["Location"]["recall"]) == (1.0, 0.5)
    assert fields["Location"]["precision"] == 1.0


# --- metrics ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    ([10], [10], {"exact": 1.0, "within_10pct": 1.0, "mae_log1p": 0.0}),
    ([10], [11], {"exact": 0.0, "within_10pct": 1.0}),
    ([10], [12], {"exact": 0.0, "within_10pct": 0.0}),
    ([0], [1], {"exact": 0.0, "within_10pct": 0.0}),
    ([0, 100], [0, 95], {"exact": 0.5, "within_10pct": 1.0}),
])
def test_count_scores(gold: list[int], predicted: list[int], expected: dict[str, float]) -> None:
    scores = count_scores(gold, predicted)
    assert {key: scores[key] for key in expected} == expected


@pytest.mark.parametrize(("predicted", "exact", "near"), [
    ((dt.date(2018, 5, 7), dt.date(2018, 5, 7)), 1.0, 1.0),
    ((dt.date(2018, 5, 1), dt.date(2018, 5, 1)), 0.0, 1.0),
    ((dt.date(2018, 4, 1), dt.date(2018, 5, 30)), 0.0, 1.0),
    ((dt.date(2018, 4, 1), dt.date(2018, 4, 29)), 0.0, 0.0),
    (None, 0.0, 0.0),
])
def test_date_scores(predicted: tuple[dt.date, dt.date] | None, exact: float,
                     near: float) -> None:
    scores = date_scores([dt.date(2018, 5, 7)], [predicted])
    assert (scores["exact_day"], scores["within_7_days"]) == (exact, near)


# --- inputs: the gold never reaches the pipeline ----------------------------------------------

def first_record(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return dict(json.loads(handle.readline()))


@needs_dev_data
@pytest.mark.parametrize(("path", "dataset"), [
    (FAKES, "fakes"), (CASE, "case2021"), (MUC4, "muc4"), (RE3D, "re3d"),
])
def test_dataset_is_detected_from_the_record(path: Path, dataset: str) -> None:
    assert detect_dataset(first_record(path)) == dataset


@needs_dev_data
@pytest.mark.parametrize(("path", "dataset", "expected_fields"), [
    (FAKES, "fakes", {"id", "title", "outlet", "text", "origin"}),
    (CASE, "case2021", {"id", "text", "origin"}),
])
def test_source_document_carries_only_input_fields(path: Path, dataset: str,
                                                   expected_fields: set[str]) -> None:
    record = first_record(path)
    assert "published" in record or dataset == "case2021"
    source = source_document(record, dataset, origin=f"{path.name}:1")
    assert set(source.model_dump(exclude_none=True)) == expected_fields
    assert source.published is None
    assert source.text == record["text"]


def test_source_document_drops_gold_keys() -> None:
    record = {"id": "x", "text": "Rebels shelled Hama.", "published": "2017-01-02",
              "gold": {"date": "1/2/17"}, "label": "ART_MISS_ATTACK", "subtask": 1}
    source = source_document(record, "fakes", origin="t:1")
    assert source.model_dump(exclude_none=True) == {"id": "x", "text": "Rebels shelled Hama.",
                                                    "origin": "t:1"}


def test_read_records_skips_bad_lines_with_warnings(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "a", "text": "x"}\nnot json\n\n[1, 2]\n{"id": "b", "text": "y"}\n',
                    encoding="utf-8")
    warnings: list[str] = []
    records = read_records(path, None, warnings)
    assert [r.origin for r in records] == ["mixed.jsonl:1", "mixed.jsonl:5"]
    assert warnings == ["mixed.jsonl:2: skipped: invalid JSON (Expecting value)",
                        "mixed.jsonl:4: skipped: not a JSON object"]
    assert len(read_records(path, 1, [])) == 1


# --- report -----------------------------------------------------------------------------------

def sample_report() -> EvalReport:
    return EvalReport(dataset="fakes", n_records=3, n_documents=2,
                      fields={"location": {"accuracy": 0.5}, "nb_killed": {"mae_log1p": 0.8}})


@pytest.mark.parametrize(("floors", "failures"), [
    ({"location": {"accuracy": 0.4}}, []),
    ({"location.accuracy": 0.6}, ["fakes: location.accuracy = 0.500 below floor 0.600"]),
    ({"fakes": {"location": {"accuracy": 0.6}}, "case2021": {"all": {"accuracy": 0.9}}},
     ["fakes: location.accuracy = 0.500 below floor 0.600"]),
    ({"case2021": {"all": {"accuracy": 0.9}}}, []),
    ({"nb_killed": {"mae_log1p": 0.5}}, ["fakes: nb_killed.mae_log1p = 0.800 above ceiling 0.500"]),
    ({"nb_killed": {"mae_log1p": 1.0}}, []),
    ({"locaton": {"accuracy": 0.1}}, ["fakes: no metric locaton.accuracy in the report"]),
])
def test_check_floors(floors: dict[str, Any], failures: list[str]) -> None:
    assert check_floors(sample_report(), floors) == failures


def test_format_report_aligns_tables() -> None:
    text = format_report(score_fakes(perfect_fakes_rows()))
    lines = text.splitlines()
    assert lines[0].startswith("dataset fakes")
    assert "field     accuracy  precision  recall     f1  coverage  n" in lines
    assert "location     1.000      1.000   1.000  1.000     1.000  2" in lines
    assert any(line.startswith("the organization of the islamic state i…  ") for line in lines)
    assert "actor" in score_fakes(perfect_fakes_rows()).to_dict()["per_label"]


# --- integration with the pipeline ------------------------------------------------------------

@needs_dev_data
@pytest.mark.parametrize(("path", "dataset", "fields"), [
    (FAKES, "fakes", {"date", "location", "nb_civilians", "nb_noncivilians", "actor", "cause"}),
    (CASE, "case2021", {"subtask1", "all", "non_acled"}),
    (MUC4, "muc4", {"relevance", "relevance_incident", "incident_type", "incident_country",
                    "perpetrator_org"}),
    (RE3D, "re3d", {"Location", "Organisation"}),
])
def test_evaluate_file_on_dev_head(path: Path, dataset: str, fields: set[str],
                                   ctx: Context) -> None:
    seen: list[int] = []
    report = evaluate_file(path, ctx, limit=10, progress=seen.append)
    assert (report.dataset, report.n_records, sum(seen)) == (dataset, 10, 10)
    assert fields <= set(report.fields)
    for metrics in report.fields.values():
        for name, value in metrics.items():
            if name != "n" and not name.startswith(("mae", "n_")):
                assert 0.0 <= value <= 1.0, (name, value)
    assert json.loads(json.dumps(report.to_dict()))["dataset"] == dataset


def test_evaluate_file_refuses_a_file_without_gold(tmp_path: Path, ctx: Context) -> None:
    path = tmp_path / "plain.jsonl"
    path.write_text('{"id": "a", "text": "Rebels shelled Hama."}\n', encoding="utf-8")
    with pytest.raises(MarsadError, match="no record looks like FA-KES"):
        evaluate_file(path, ctx)
