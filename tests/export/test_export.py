"""Every export format written from hand-built results and parsed back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from marsad.errors import MarsadError
from marsad.export import (
    FLAT_COLUMNS,
    FORMATS,
    acled_event_date,
    acled_fatalities,
    date_prec,
    events_frame,
    exportable_events,
    interaction,
    type_of_violence,
    where_prec,
    write_export,
)
from marsad.model import Actor, Casualties, DateRange, DocumentResult, Location, span_mismatches

from .sample import REGIME, airstrike, campaign_toll, clash, make_result, sample_results

# Exactly SCHEMA.md "Flat exports" (ACLED's own column names and order).
ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]
UCDP_HEADER = [
    "id", "relid", "year", "type_of_violence", "side_a", "side_b", "source_article",
    "source_original", "where_coordinates", "where_prec", "latitude", "longitude", "country",
    "adm_1", "adm_2", "date_start", "date_end", "date_prec", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low",
]


def export_text(fmt: str, results: list[DocumentResult] | None = None,
                **options: Any) -> tuple[int, str]:
    buffer = io.StringIO()
    written = write_export(results if results is not None else sample_results(), fmt, buffer,
                           **options)
    return written, buffer.getvalue()


def read_csv_rows(content: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(content))
    return list(reader.fieldnames or []), list(reader)


def test_sample_spans_index_the_text() -> None:
    assert [span_mismatches(result) for result in sample_results()] == [[], []]


def test_formats_are_the_documented_ones() -> None:
    assert FORMATS == ("jsonl", "acled", "ucdp", "geojson", "parquet", "csv")


def test_jsonl_is_the_contract_line_by_line() -> None:
    written, content = export_text("jsonl")
    lines = content.splitlines()
    assert written == len(lines) == 2
    assert [json.loads(line)["schema"] for line in lines] == ["marsad/1", "marsad/1"]
    assert [DocumentResult.model_validate_json(line) for line in lines] == sample_results()


def test_acled_rows() -> None:
    written, content = export_text("acled", timestamps={"doc-1": 1525824000})
    header, rows = read_csv_rows(content)
    assert header == ACLED_HEADER
    assert written == len(rows) == 3
    assert rows[0] == {
        "event_id_cnty": "ev-strike", "event_date": "2018-05-07", "year": "2018",
        "time_precision": "1", "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "actor1": REGIME, "assoc_actor_1": "", "inter1": "1", "actor2": "Civilians (Syria)",
        "assoc_actor_2": "", "inter2": "7", "interaction": "17",
        "civilian_targeting": "Civilian targeting", "iso": "760", "region": "Middle East",
        "country": "Syria", "admin1": "Damascus", "admin2": "Damascus", "admin3": "",
        "location": "Yarmouk Camp", "latitude": "33.4699", "longitude": "36.3018",
        "geo_precision": "1", "source": "Syrian Observatory for Human Rights",
        "source_scale": "Other",
        "notes": "Regime warplanes struck Yarmouk camp, killing 30 civilians.",
        "fatalities": "30", "tags": "", "timestamp": "1525824000",
    }
    clash_row, toll_row = rows[1], rows[2]
    assert (clash_row["event_date"], clash_row["time_precision"], clash_row["interaction"],
            clash_row["assoc_actor_1"], clash_row["civilian_targeting"], clash_row["tags"],
            clash_row["fatalities"]) == ("2018-05-12", "2", "12", "Foreign fighters", "", "claimed",
                                         "12")
    # No stated source: the publishing outlet; an aggregate toll is not this event's dead.
    assert (toll_row["source"], toll_row["fatalities"], toll_row["interaction"],
            toll_row["region"], toll_row["timestamp"]) == ("Enab Baladi", "0", "", "",
                                                           "1525824000")


def test_acled_without_timestamps_leaves_timestamp_empty() -> None:
    _, content = export_text("acled")
    assert {row["timestamp"] for row in read_csv_rows(content)[1]} == {""}


def test_ucdp_rows() -> None:
    written, content = export_text("ucdp")
    header, rows = read_csv_rows(content)
    assert header == UCDP_HEADER
    assert written == len(rows) == 3
    picked = ["id", "relid", "type_of_violence", "side_a", "side_b", "where_prec", "date_prec",
              "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "low",
              "high", "source_original"]
    assert [[row[key] for key in picked] for row in rows] == [
        ["ev-strike", "doc-1-1", "3", REGIME, "Civilians (Syria)", "1", "1",
         "0", "0", "30", "0", "30", "30", "30", "Syrian Observatory for Human Rights"],
        # State-based: the state is side_a, so the regime's dead are deaths_a.
        ["ev-clash", "doc-1-2", "1", REGIME, "Islamic State (Syria)", "2", "2",
         "12", "0", "0", "0", "12", "12", "12", "Amaaq News Agency"],
        ["ev-toll", "doc-1-3", "", "", "", "", "4", "0", "0", "0", "0", "0", "0", "0",
         "Enab Baladi"],
    ]
    assert rows[0]["source_article"] == (
        "Enab Baladi, 2018-05-08, Yarmouk under fire, https://example.org/yarmouk")


def test_geojson_keeps_events_with_coordinates() -> None:
    written, content = export_text("geojson")
    collection = json.loads(content)
    assert collection["type"] == "FeatureCollection"
    assert written == len(collection["features"]) == 1
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.3018, 33.4699]}
    assert feature["id"] == "ev-strike"
    properties = feature["properties"]
    assert {key: properties[key] for key in ("doc_id", "title", "outlet", "published")} == {
        "doc_id": "doc-1", "title": "Yarmouk under fire", "outlet": "Enab Baladi",
        "published": "2018-05-08"}
    assert properties["fatalities"]["victims"] == "civilians"
    assert [len(exportable_events(result, "geojson")) for result in sample_results()] == [1, 0]
    assert [len(exportable_events(result, "acled")) for result in sample_results()] == [3, 0]


def test_geojson_of_nothing_is_an_empty_collection() -> None:
    written, content = export_text("geojson", results=[])
    assert (written, json.loads(content)) == (0, {"type": "FeatureCollection", "features": []})


def test_csv_has_the_flat_columns() -> None:
    written, content = export_text("csv")
    header, rows = read_csv_rows(content)
    assert header == list(FLAT_COLUMNS)
    assert written == len(rows) == 3
    assert [(row["event_id"], row["interaction"], row["hedged"], row["fatalities_aggregate"],
             row["latitude"]) for row in rows] == [
        ("ev-strike", "17", "false", "false", "33.4699"),
        ("ev-clash", "12", "true", "false", ""),
        ("ev-toll", "", "false", "true", ""),
    ]


def test_parquet_round_trips_through_pandas(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_export(sample_results(), "parquet", path) == 3
    frame = pd.read_parquet(path)
    assert list(frame.columns) == list(FLAT_COLUMNS)
    assert frame["event_id"].tolist() == ["ev-strike", "ev-clash", "ev-toll"]
    assert frame["fatalities_best"].tolist() == [30, 12, 200]
    assert frame["date_start"].tolist() == [pd.Timestamp("2018-05-07"),
                                            pd.Timestamp("2018-05-06"),
                                            pd.Timestamp("2018-04-19")]
    assert frame["latitude"].isna().tolist() == [False, True, True]
    assert frame["sources"].tolist() == ["Syrian Observatory for Human Rights",
                                         "Amaaq News Agency", "Enab Baladi"]


def test_parquet_to_a_binary_stream() -> None:
    buffer = io.BytesIO()
    assert write_export(sample_results(), "parquet", buffer) == 3
    assert pd.read_parquet(io.BytesIO(buffer.getvalue()))["event_id"].tolist() == [
        "ev-strike", "ev-clash", "ev-toll"]


@pytest.mark.parametrize("out", [None, io.StringIO()])
def test_parquet_needs_a_file(out: io.StringIO | None) -> None:
    with pytest.raises(MarsadError, match="^parquet is a binary format"):
        write_export(sample_results(), "parquet", out)


def test_unknown_format_is_a_user_error() -> None:
    with pytest.raises(MarsadError, match="^unknown export format 'xlsx'; choose one of jsonl"):
        write_export(sample_results(), "xlsx", io.StringIO())


@pytest.mark.parametrize("fmt", ["jsonl", "acled", "ucdp", "geojson", "csv"])
def test_text_formats_write_the_same_to_paths_and_binary_streams(tmp_path: Path,
                                                                 fmt: str) -> None:
    _, expected = export_text(fmt)
    path = tmp_path / f"out.{fmt}"
    binary = io.BytesIO()
    write_export(sample_results(), fmt, path)
    write_export(sample_results(), fmt, binary)
    assert path.read_text(encoding="utf-8") == expected
    assert binary.getvalue().decode("utf-8") == expected
    assert not binary.closed


def test_stdout_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert write_export(sample_results(), "jsonl", None) == 2
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_events_frame_types_and_empty_input() -> None:
    frame = events_frame(sample_results())
    assert (len(frame), list(frame.columns)) == (3, list(FLAT_COLUMNS))
    assert {column: str(frame[column].dtype)
            for column in ("inter2", "latitude", "hedged", "date_end")} == {
        "inter2": "Int64", "latitude": "Float64", "hedged": "boolean",
        "date_end": "datetime64[s]"}
    assert frame["inter2"].isna().tolist() == [False, False, True]
    empty = events_frame([])
    assert (len(empty), list(empty.columns)) == (0, list(FLAT_COLUMNS))
    assert empty.dtypes.equals(frame.dtypes)


# --- coding rules, table-driven -------------------------------------------------------


def actor(inter: int | None, name: str = "Someone") -> Actor | None:
    return None if inter is None else Actor(name=name, inter=inter)


@pytest.mark.parametrize(("inter1", "inter2", "expected"), [
    (1, 2, 12),
    (2, 1, 12),     # smaller code first, whatever the actor order
    (1, 7, 17),
    (8, 8, 88),
    (3, None, 30),  # a lone actor: its code times ten (ACLED "sole" interaction)
    (None, 6, 60),
    (0, 2, 20),     # inter 0 (type unknown) does not count
    (None, None, None),
])
def test_interaction(inter1: int | None, inter2: int | None, expected: int | None) -> None:
    assert interaction(clash(actor1=actor(inter1), actor2=actor(inter2))) == expected


@pytest.mark.parametrize(("fatalities", "expected"), [
    (None, 0),
    (Casualties(low=30, best=30, high=30), 30),
    (Casualties(low=10, best=12, high=20), 12),  # conservative: best, never high
    (Casualties(low=200, best=200, high=200, aggregate=True), 0),
    (Casualties(low=0, best=0, high=0), 0),
])
def test_acled_fatalities(fatalities: Casualties | None, expected: int) -> None:
    assert acled_fatalities(clash(fatalities=fatalities)) == expected


@pytest.mark.parametrize(("start", "end", "precision", "expected"), [
    ("2018-05-07", "2018-05-07", 1, "2018-05-07"),
    ("2018-05-06", "2018-05-12", 2, "2018-05-12"),
    ("2018-05-01", "2018-05-31", 3, "2018-05-31"),
])
def test_acled_event_date(start: str, end: str, precision: int, expected: str) -> None:
    date = DateRange(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end),
                     precision=precision)  # type: ignore[arg-type]
    assert acled_event_date(date) == dt.date.fromisoformat(expected)
    assert acled_event_date(None) is None


@pytest.mark.parametrize(("event_type", "disorder", "inter1", "inter2", "victims", "expected"), [
    ("Battles", "Political violence", 1, 2, "actor2", 1),
    ("Battles", "Political violence", 3, 1, "unknown", 1),
    ("Battles", "Political violence", 8, 4, "unknown", 1),
    ("Explosions/Remote violence", "Political violence", 1, None, "unknown", 1),
    ("Battles", "Political violence", 2, 4, "unknown", 2),
    ("Battles", "Political violence", 2, None, "unknown", None),
    ("Violence against civilians", "Political violence", 2, None, "unknown", 3),
    ("Explosions/Remote violence", "Political violence", 1, 7, "civilians", 3),
    ("Explosions/Remote violence", "Political violence", 1, None, "civilians", 1),
    ("Protests", "Demonstrations", 6, 1, "unknown", None),
])
def test_type_of_violence(event_type: str, disorder: str, inter1: int | None,
                          inter2: int | None, victims: str, expected: int | None) -> None:
    event = clash(event_type=event_type, disorder_type=disorder, actor1=actor(inter1),
                  actor2=actor(inter2),
                  fatalities=Casualties(low=1, best=1, high=1, victims=victims))  # type: ignore[arg-type]
    assert type_of_violence(event) == expected


@pytest.mark.parametrize(("precision", "feature", "expected"), [
    (1, "camp", 1),
    (2, None, 2),
    (2, "district", 3),
    (3, "admin1", 4),
    (3, "country", 6),
])
def test_where_prec(precision: int, feature: str | None, expected: int) -> None:
    place = Location(name="X", precision=precision, feature=feature)  # type: ignore[arg-type]
    assert where_prec(place) == expected


@pytest.mark.parametrize(("start", "end", "precision", "expected"), [
    ("2018-05-07", "2018-05-07", 1, 1),
    ("2018-05-06", "2018-05-08", 2, 2),
    ("2018-05-01", "2018-05-10", 2, 3),
    ("2018-05-01", "2018-05-31", 3, 4),
    ("2018-01-01", "2018-12-31", 3, 5),
])
def test_date_prec(start: str, end: str, precision: int, expected: int) -> None:
    date = DateRange(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end),
                     precision=precision)  # type: ignore[arg-type]
    assert date_prec(date) == expected


@pytest.mark.parametrize(("victims", "deaths"), [
    ("actor1", {"deaths_a": "0", "deaths_b": "7", "deaths_civilians": "0",
                "deaths_unknown": "0"}),   # actor1 (IS) is side_b once the state is side_a
    ("actor2", {"deaths_a": "7", "deaths_b": "0", "deaths_civilians": "0",
                "deaths_unknown": "0"}),
    ("civilians", {"deaths_a": "0", "deaths_b": "0", "deaths_civilians": "7",
                   "deaths_unknown": "0"}),
    ("unknown", {"deaths_a": "0", "deaths_b": "0", "deaths_civilians": "0",
                 "deaths_unknown": "7"}),
])
def test_ucdp_deaths_follow_the_victims(victims: str, deaths: dict[str, str]) -> None:
    event = clash(fatalities=Casualties(low=7, best=7, high=9, victims=victims))  # type: ignore[arg-type]
    _, content = export_text("ucdp", results=[make_result([event])])
    row = read_csv_rows(content)[1][0]
    assert {key: row[key] for key in deaths} == deaths
    assert (row["best"], row["low"], row["high"]) == ("7", "7", "9")


def test_ucdp_deaths_keep_the_civilians_told_apart() -> None:
    deaths = Casualties(low=39, best=39, high=39, victims="unknown", civilians=8)
    _, content = export_text("ucdp", results=[make_result([clash(fatalities=deaths)])])
    row = read_csv_rows(content)[1][0]
    assert (row["deaths_civilians"], row["deaths_unknown"], row["best"]) == ("8", "31", "39")


def test_civilians_cannot_outnumber_the_dead() -> None:
    with pytest.raises(ValueError, match="civilians 9 is more than best 8"):
        Casualties(low=8, best=8, high=8, civilians=9)


@pytest.mark.parametrize(("iso3", "iso", "region"), [
    ("SYR", "760", "Middle East"),
    ("lby", "434", "Northern Africa"),
    ("YEM", "887", "Middle East"),
    ("FRA", "", ""),   # not in regions.csv: left empty, never guessed
    (None, "", ""),
])
def test_acled_region_from_resource(iso3: str | None, iso: str, region: str) -> None:
    place = Location(name="X", iso3=iso3, lat=1.0, lon=2.0)
    _, content = export_text("acled", results=[make_result([airstrike(location=place)])])
    row = read_csv_rows(content)[1][0]
    assert (row["iso"], row["region"]) == (iso, region)


def test_unused_sample_builders_are_valid() -> None:
    assert span_mismatches(make_result([campaign_toll(), clash()])) == []


@pytest.mark.parametrize(("make", "expected"), [
    (airstrike, ("AIR_STRIKE", "195", "ASSAULT")),
    (clash, ("ARMED_CLASH", "19", "ASSAULT")),
])
def test_flat_rows_carry_the_taxonomy_crosswalk(make: Any, expected: tuple[str, str, str]) -> None:
    frame = events_frame([make_result([make()])])
    row = frame.iloc[0]
    assert (row["case_code"], row["cameo_root"], row["plover_type"]) == expected
