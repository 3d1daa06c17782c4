"""The bad-input battery through the real CLI: each bad input is one named error line, the
batch goes on, and the exit code and the closing summary count the failures.

Inputs are generated in ``tmp_path`` by ``fixtures.BAD_INPUTS`` (docs/reliability.md lists
each with its outcome). We run as root, so ``chmod 000`` cannot make a file unreadable; the
unreadable cases are a dangling symbolic link, a named pipe (which a plain read would block
on forever) and a directory whose name ends in ``.txt``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from marsad.cli import cli
from marsad.context import Context
from marsad.model import DocumentResult
from marsad.store import open_store, resolve_db_url

from .fixtures import BAD_INPUTS, REPORT, BadInput

SUMMARY_RE = re.compile(r"^marsad: (\d+) documents (?:extracted|read), .*?(\d+) failed$")


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


def _summary(stderr: str) -> tuple[int, int]:
    """(documents, failed) from the closing summary line, which must be the last line."""
    match = SUMMARY_RE.match(stderr.splitlines()[-1])
    assert match, stderr[-2000:]
    return int(match.group(1)), int(match.group(2))


def _write_all(folder: Path) -> tuple[int, int]:
    """Write every bad input and one good article into ``folder``; (documents, failures)."""
    for case in BAD_INPUTS:
        case.write(folder)
    (folder / "zz-good-last.txt").write_text("Shelling in Idlib\n" + REPORT + "\n",
                                             encoding="utf-8")
    failures = sum(case.expected_failures for case in BAD_INPUTS)
    documents = sum(case.records for case in BAD_INPUTS) - failures + 1
    return documents, failures


def _extract(path: Path, out: Path) -> Result:
    return CliRunner().invoke(cli, ["extract", str(path), "-o", str(out)])


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[case.name for case in BAD_INPUTS])
def test_each_bad_input_is_named_or_handled(ctx: Context, tmp_path: Path, case: BadInput) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = case.write(folder)
    out = tmp_path / "out.jsonl"
    result = _extract(path, out)
    errors = _errors(result.stderr)
    assert result.exit_code == (1 if case.expected_failures else 0), result.stderr[-2000:]
    assert len(errors) == case.expected_failures, errors
    for line in errors:
        assert line.startswith(f"Error: {path}"), line  # names the file (and record: file:N)
        assert "\n" not in line and "Traceback" not in result.stderr
    if case.error:
        assert any(case.error.lower() in line.lower() for line in errors), errors
    documents, failed = _summary(result.stderr)
    assert (documents, failed) == (case.records - case.expected_failures,
                                   case.expected_failures)
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    assert len(lines) == documents
    for line in lines:
        DocumentResult.model_validate_json(line)  # every handled result meets the contract


def test_arabic_cp1256_is_decoded_not_mojibake(ctx: Context, tmp_path: Path) -> None:
    [case] = [case for case in BAD_INPUTS if case.name == "windows-1256-arabic"]
    out = tmp_path / "out.jsonl"
    assert _extract(case.write(tmp_path), out).exit_code == 0
    result = DocumentResult.model_validate_json(out.read_text(encoding="utf-8"))
    assert result.doc.language == "ar" and "خان شيخون" in result.doc.text


def test_future_publication_date_is_kept_as_given(ctx: Context, tmp_path: Path) -> None:
    [case] = [case for case in BAD_INPUTS if case.name == "future-date"]
    out = tmp_path / "out.jsonl"
    assert _extract(case.write(tmp_path), out).exit_code == 0
    result = DocumentResult.model_validate_json(out.read_text(encoding="utf-8"))
    assert str(result.doc.published) == "2999-01-01"
    assert all(event.date is None or event.date.start <= event.date.end
               for event in result.events)


def test_whole_battery_in_one_directory_with_ingest(ctx: Context, tmp_path: Path) -> None:
    """``marsad ingest`` over a folder of every bad input: the good ones are all stored."""
    folder = tmp_path / "batch"
    folder.mkdir()
    documents, failures = _write_all(folder)
    db = tmp_path / "marsad.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--workers", "1",
                                      "--no-progress"])
    assert result.exit_code == 1, result.stderr[-2000:]
    assert _summary(result.stderr) == (documents, failures)
    assert len(_errors(result.stderr)) == failures
    # Several inputs carry the same report text: stored once, the rest "already stored".
    stored = re.search(r"(\d+) stored, (\d+) already stored", result.stderr)
    assert stored and int(stored.group(1)) + int(stored.group(2)) == documents
    with open_store(resolve_db_url(str(db))) as store:
        assert store.counts()["documents"] == int(stored.group(1)) > 1


def test_installed_marsad_runs_the_battery_in_a_subprocess(tmp_path: Path) -> None:
    """The real console script, as users run it: no traceback, exit 1, the summary counts."""
    folder = tmp_path / "batch"
    folder.mkdir()
    documents, failures = _write_all(folder)
    marsad = Path(sys.executable).with_name("marsad")
    out = tmp_path / "out.jsonl"
    done = subprocess.run([str(marsad), "extract", str(folder), "-o", str(out)],
                          capture_output=True, text=True, timeout=1800, check=False)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert _summary(done.stderr) == (documents, failures)
    assert len(_errors(done.stderr)) == failures
    assert len(out.read_text(encoding="utf-8").splitlines()) == documents
