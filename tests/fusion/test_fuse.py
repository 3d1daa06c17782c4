"""``marsad fuse`` on a real SQLite store of real pipeline results; migrations; exports."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import create_engine

from marsad.cli import cli
from marsad.fusion import fuse_results, load_fusion_settings
from marsad.fusion.report import make_report
from marsad.fusion.scoring import restates
from marsad.fusion.store import iter_incidents
from marsad.model import DocumentResult
from marsad.store import open_store
from marsad.store.repository import MIGRATIONS_DIR

AZAZ = ("w-azaz-anadolu", "w-azaz-sohr", "w-azaz-step")


def ingest(path: Path, results: list[DocumentResult]) -> None:
    with open_store(f"sqlite:///{path}") as store:
        for result in results:
            store.save(result)


def fuse(path: Path, *extra: str) -> str:
    outcome = CliRunner().invoke(cli, ["fuse", "--db", str(path), *extra])
    assert outcome.exit_code == 0, outcome.output
    return outcome.output


def stored(path: Path) -> dict[str, list[str]]:
    """Map incident id -> member event ids, as stored."""
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT incident_id, event_id FROM incident_members "
                           "ORDER BY incident_id, position").fetchall()
    found: dict[str, list[str]] = {}
    for incident_id, event_id in rows:
        found.setdefault(incident_id, []).append(event_id)
    return found


def incident_of(path: Path, doc_id: str, results: dict[str, DocumentResult]) -> str:
    lead = results[doc_id].events[0].event_id
    return next(i for i, members in stored(path).items() if lead in members)


def test_fuse_groups_reports_of_one_car_bomb(tmp_path: Path,
                                             results: dict[str, DocumentResult]) -> None:
    path = tmp_path / "marsad.db"
    ingest(path, list(results.values()))
    output = fuse(path)
    assert output.startswith(f"marsad: {sum(len(r.events) for r in results.values())} new "
                             "events fused")
    azaz = {incident_of(path, doc_id, results) for doc_id in AZAZ}
    assert len(azaz) == 1
    with open_store(f"sqlite:///{path}") as store:
        incident = next(i for i in iter_incidents(store) if i.incident_id in azaz)
    assert {m.doc_id for m in incident.members} == set(AZAZ)
    assert incident.sub_event_type == "Remote explosive/landmine/IED"
    assert incident.location is not None and incident.location.name == "Azaz"
    # 6 (Anadolu), 8 (SOHR), 7 (Step): one incident toll, never 21.
    assert incident.fatalities is not None
    assert (incident.fatalities.low, incident.fatalities.high) == (6, 8)
    assert incident.grade == "confirmed"  # SOHR is an independent monitor and they agree
    assert [d.field for d in incident.disagreements][:1] == ["fatalities"]


def test_events_of_one_document_share_an_incident_only_as_restatements(
        tmp_path: Path, results: dict[str, DocumentResult]) -> None:
    """Two events of one document in one incident: the later restates the earlier."""
    path = tmp_path / "marsad.db"
    ingest(path, list(results.values()))
    fuse(path)
    with sqlite3.connect(path) as raw:
        shared = raw.execute("SELECT incident_id, doc_id, group_concat(event_id, ' ') FROM "
                             "(SELECT * FROM incident_members ORDER BY position) "
                             "GROUP BY 1, 2 HAVING count(*) > 1").fetchall()
        events = raw.execute("SELECT count(*) FROM events").fetchone()
        assert raw.execute("SELECT count(*) FROM incident_members").fetchone() == events
    assert shared, "the chosen articles include a restatement (w-khanshaykhun-enab)"
    settings = load_fusion_settings()
    for _, doc_id, event_ids in shared:
        result = results[doc_id]
        reports = {event.event_id: make_report(number, result.doc, event,
                                               settings.victim_inters)
                   for number, event in enumerate(result.events)}
        members = [reports[event_id] for event_id in event_ids.split()]
        for position, later in enumerate(members[1:], start=1):
            assert any(restates(later, earlier, settings) is not None
                       for earlier in members[:position])


def test_fusing_twice_changes_nothing(tmp_path: Path, results: dict[str, DocumentResult]) -> None:
    path = tmp_path / "marsad.db"
    ingest(path, list(results.values()))
    fuse(path)
    first = stored(path)
    assert fuse(path).startswith("marsad: 0 new events fused, 0 incidents created, 0 updated")
    assert stored(path) == first
    fuse(path, "--rebuild")
    assert stored(path) == first


def test_new_documents_join_stored_incidents(tmp_path: Path,
                                             results: dict[str, DocumentResult]) -> None:
    path = tmp_path / "marsad.db"
    ingest(path, [results["w-azaz-anadolu"], results["w-azaz-sohr"]])
    fuse(path)
    before = incident_of(path, "w-azaz-anadolu", results)
    ingest(path, [results["w-azaz-step"]])
    output = fuse(path)
    assert ", 1 updated," in output
    assert incident_of(path, "w-azaz-step", results) == before
    assert len(stored(path)[before]) == 3


def test_incremental_equals_batch(tmp_path: Path, results: dict[str, DocumentResult]) -> None:
    ordered = list(results.values())
    one_go, in_steps = tmp_path / "batch.db", tmp_path / "steps.db"
    ingest(one_go, ordered)
    fuse(one_go)
    for result in ordered:
        ingest(in_steps, [result])
        fuse(in_steps)
    assert stored(in_steps) == stored(one_go)


def test_in_memory_fusion_matches_the_store(tmp_path: Path,
                                            results: dict[str, DocumentResult]) -> None:
    path = tmp_path / "marsad.db"
    ingest(path, list(results.values()))
    fuse(path)
    in_memory = {i.incident_id: [m.event_id for m in i.members]
                 for i in fuse_results(results.values())}
    assert in_memory == stored(path)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "acled", "ucdp", "geojson", "parquet"])
def test_export_incidents(tmp_path: Path, results: dict[str, DocumentResult], fmt: str) -> None:
    path = tmp_path / "marsad.db"
    ingest(path, list(results.values()))
    fuse(path)
    out = tmp_path / f"incidents.{fmt}"
    outcome = CliRunner().invoke(cli, ["export", "--incidents", "--format", fmt, "--db",
                                       str(path), "-o", str(out)])
    assert outcome.exit_code == 0, outcome.output
    count = len(stored(path))
    if fmt == "jsonl":
        lines = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(lines) == count and lines[0]["schema"] == "marsad/1"
        assert {"incident_id", "grade", "members", "claims", "disagreements"} <= set(lines[0])
    elif fmt == "geojson":
        features = json.loads(out.read_text())["features"]
        assert 0 < len(features) <= count
        assert features[0]["properties"]["incident_id"] == features[0]["id"]
    elif fmt == "parquet":
        assert len(pd.read_parquet(out)) == count
    else:
        assert len(pd.read_csv(out)) == count
    assert f"marsad: {count if fmt != 'geojson' else len(features)} incidents written" \
        in outcome.output


def head_revision() -> str:
    """The newest migration (later issues add revisions after 0002)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None and head >= "0002"
    return head


def test_migration_on_fresh_db(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with open_store(f"sqlite:///{path}"):
        pass
    with sqlite3.connect(path) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master "
                                                 "WHERE type = 'table'")}
        assert {"incidents", "incident_members", "fusion_runs"} <= tables
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),)


def test_upgrade_from_0001_keeps_data(tmp_path: Path,
                                      results: dict[str, DocumentResult]) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    # Writing through the store would migrate first, so write rows at revision 0001 by hand.
    result = results["w-azaz-sohr"]
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO documents (doc_id, content_hash, published_source, language, "
                    "text, dropped, warnings, ingested_at, result) VALUES (?, 'h', 'given', "
                    "'en', ?, '[]', '[]', '2025-01-01 00:00:00', ?)",
                    (result.doc.id, result.doc.text, result.model_dump_json(by_alias=True)))
    with open_store(f"sqlite:///{path}") as store:
        assert store.counts()["documents"] == 1
        assert [r.doc.id for r in store.iter_results()] == [result.doc.id]
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),)
