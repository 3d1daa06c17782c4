"""The command line on real files and a real SQLite store (click's CliRunner, same process)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import SEED

from marsad.cli import cli
from marsad.context import Context
from marsad.model import DocumentResult, span_mismatches

EXAMPLES = Path(__file__).parent.parent / "examples" / "articles.jsonl"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_extract_seed_writes_contract_valid_jsonl(runner: CliRunner, ctx: Context) -> None:
    result = runner.invoke(cli, ["extract", str(SEED), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["schema"] == "marsad/1"
    parsed = DocumentResult.model_validate(record)
    assert span_mismatches(parsed) == []
    assert parsed.events
    assert "1 documents extracted" in result.stderr


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unsupported"),
    ("binary.txt", b"%PDF-1.4\n\x00\x01\x02binary", "binary"),
    ("notes.docx", b"PK\x03\x04", "unsupported"),
])
def test_bad_input_is_named_and_the_batch_goes_on(runner: CliRunner, ctx: Context, tmp_path: Path,
                                                  name: str, content: bytes, reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    result = runner.invoke(cli, ["extract", str(bad), str(SEED)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1
    assert name in errors[0]
    assert reason in errors[0].lower()
    assert len(result.stdout.strip().splitlines()) == 1  # the seed still came out
    assert "1 failed" in result.stderr


def test_invalid_jsonl_line_is_reported_with_its_line(runner: CliRunner, ctx: Context,
                                                      tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    good = {"id": "a", "text": "Warplanes struck the town of Saraqib in Idlib on Monday, "
                                "killing 5 civilians, activists said."}
    batch.write_text(json.dumps(good) + "\n{not json\n"
                     + json.dumps({**good, "id": "b", "text": good["text"] + " Again."}) + "\n",
                     encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(batch), "--published", "2019-02-05"])
    assert result.exit_code == 1
    assert f"{batch}:2" in result.stderr
    records = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [r["doc"]["id"] for r in records] == ["a", "b"]
    strike = records[0]["events"][0]
    assert strike["sub_event_type"] == "Air/drone strike"
    assert strike["date"]["start"] == "2019-02-04"
    assert strike["fatalities"]["best"] == 5


def test_ingest_is_idempotent_and_export_reads_the_store(runner: CliRunner, ctx: Context,
                                                        tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    first = runner.invoke(cli, ["ingest", str(SEED), "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    assert "1 stored, 0 already stored" in first.stderr
    again = runner.invoke(cli, ["ingest", str(SEED), "--db", str(db)])
    assert "0 stored, 1 already stored" in again.stderr
    exported = runner.invoke(cli, ["export", "--format", "acled", "--db", str(db)])
    assert exported.exit_code == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert rows
    assert {"event_id_cnty", "event_date", "sub_event_type", "latitude", "source"} <= set(rows[0])
    strikes = [r for r in rows if r["sub_event_type"] == "Air/drone strike"]
    assert any(r["location"] == "Yarmouk Camp" and r["event_date"] == "2018-05-07"
               for r in strikes)


def test_export_of_an_empty_store_says_so(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["export", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 0
    assert "no events yet" in result.stderr


def test_demo_ingests_examples_and_prints_where_to_look(runner: CliRunner, ctx: Context,
                                                       tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    out = tmp_path / "out"
    result = runner.invoke(cli, ["demo", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert str(db) in result.stdout
    assert (out / "events_acled.csv").is_file()
    geojson = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    assert "Yarmouk" in result.stdout
    assert EXAMPLES.is_file()


def test_console_script_runs_outside_the_test_process(tmp_path: Path) -> None:
    """The installed entry point itself (a fresh process: loads the model once)."""
    marsad = Path(sys.executable).parent / "marsad"
    done = subprocess.run([str(marsad), "extract", str(tmp_path / "missing.txt")],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 1
    assert "missing.txt" in done.stderr
    assert "Traceback" not in done.stderr


def test_every_command_is_documented_with_its_example() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"marsad {name}" in docs, name
        example = (command.help or "").split("Example:")[-1].strip().splitlines()[0].strip()
        assert example in docs, example
