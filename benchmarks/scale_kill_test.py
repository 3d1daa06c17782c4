"""Kill -9 test of ``marsad ingest`` at scale (issue #11): every document stored exactly once.

What it does, on a fresh SQLite file:
1. writes N distinct documents (default 5,000) replayed from ``../shared/data``
   (``marsad.scale.replay``: base text + a numbered sentence, so content hashes differ);
2. starts ``marsad ingest --workers W`` and SIGKILLs it once ``--kill-at`` of the documents
   are stored (several fractions = several kills in a row, each on a rerun);
3. checks the pool workers of the killed run exit by themselves (no orphans), and audits the
   store after each kill: nothing duplicated, no half-written document, no orphan rows;
4. reruns to completion and audits again: all N stored exactly once, complete, and every
   document stored before a kill still there (``marsad.scale.audit``).

Exit status 0 when every check passes. Usage (from the repository root):

    .venv/bin/python benchmarks/scale_kill_test.py --docs 5000 --workers 2 --kill-at 0.5
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from marsad.scale.audit import audit_store
from marsad.scale.replay import load_base_texts, replay_records, write_jsonl
from marsad.scale.runner import PARENT_CHECK_S
from marsad.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO / ".." / "shared" / "data"
POLL_S = 0.2


def stored_count(db: Path) -> int:
    """Documents committed so far (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def descendants(pid: int) -> set[int]:
    """Live processes below ``pid`` (the pool workers of a running ingest)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    family, grew = {pid}, True
    while grew:
        found = {child for child, parent in parents.items() if parent in family} - family
        family |= found
        grew = bool(found)
    return family - {pid}


def alive(pids: set[int]) -> set[int]:
    """The pids that still run (a zombie counts as gone)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.add(pid)
    return running


def start_ingest(corpus: Path, db: Path, workers: int, batch_size: int,
                 log: Path) -> subprocess.Popen[bytes]:
    marsad = Path(sys.executable).with_name("marsad")
    with log.open("ab") as handle:
        return subprocess.Popen(
            [str(marsad), "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
             "--batch-size", str(batch_size), "--no-progress"],
            stdout=handle, stderr=handle)


def run(args: argparse.Namespace, work: Path) -> dict[str, object]:
    """Ingest, kill at each fraction, rerun to the end; return the findings."""
    bases = load_base_texts(SHARED_DATA, args.max_chars)
    if not bases:
        raise SystemExit(f"no corpora under {SHARED_DATA}")
    corpus, db, log = work / "replay.jsonl", work / "marsad.db", work / "ingest.log"
    ids = write_jsonl(replay_records(bases, args.docs), corpus)
    words = sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))
    report: dict[str, object] = {"documents": args.docs, "words": words,
                                 "workers": args.workers, "batch_size": args.batch_size,
                                 "kills": []}
    kept: set[str] = set()
    started = time.monotonic()
    for fraction in args.kill_at:
        target = int(args.docs * fraction)
        before = stored_count(db)
        ingest = start_ingest(corpus, db, args.workers, args.batch_size, log)
        workers: set[int] = set()
        while stored_count(db) < target and ingest.poll() is None:
            workers |= descendants(ingest.pid)
            time.sleep(POLL_S)
        workers |= descendants(ingest.pid)
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait()
        killed_at = stored_count(db)
        time.sleep(3 * PARENT_CHECK_S)
        orphans = alive(workers)
        with open_store(f"sqlite:///{db}") as store:
            audit = audit_store(store, ids)
        stored_ids = set(ids) - set(audit.missing)
        lost = sorted(kept - stored_ids)
        kept = stored_ids
        report["kills"].append({  # type: ignore[union-attr]
            "fraction": fraction, "stored_before_run": before, "stored_at_kill": killed_at,
            "returncode": ingest.returncode, "workers_seen": len(workers),
            "orphan_workers": len(orphans), "duplicated": len(audit.duplicated),
            "incomplete": len(audit.incomplete), "unexpected": len(audit.unexpected),
            "orphan_rows": audit.orphan_events + audit.orphan_claims,
            "lost_since_previous_run": lost})
        for pid in orphans:  # only our own ingest's workers, by id
            os.kill(pid, signal.SIGKILL)
    rerun_start = time.monotonic()
    rerun = start_ingest(corpus, db, args.workers, args.batch_size, log)
    rerun_code = rerun.wait()
    rerun_s = time.monotonic() - rerun_start
    with open_store(f"sqlite:///{db}") as store:
        final = audit_store(store, ids)
    lines = log.read_text(encoding="utf-8").splitlines()
    summary = [line for line in lines if line.startswith("marsad:")]
    errors = [line[:300] for line in lines if line.startswith("Error:")]
    report.update({
        "rerun_returncode": rerun_code, "rerun_seconds": round(rerun_s, 1),
        "rerun_summary": summary[-1] if summary else "",
        "errors": len(errors), "first_errors": errors[:5],
        "total_seconds": round(time.monotonic() - started, 1),
        "final_documents": final.documents, "final_events": final.events,
        "final_claims": final.claims, "problems": final.problems(),
        "lost_documents_stored_before_a_kill": sorted(kept - (set(ids) - set(final.missing))),
    })
    kills = report["kills"]
    assert isinstance(kills, list)
    report["ok"] = bool(
        final.ok and rerun_code == 0 and final.documents == args.docs
        and not report["lost_documents_stored_before_a_kill"]
        and all(k["returncode"] == -signal.SIGKILL and 0 < k["stored_at_kill"] < args.docs
                and not (k["orphan_workers"] or k["duplicated"] or k["incomplete"]
                         or k["unexpected"] or k["orphan_rows"] or k["lost_since_previous_run"])
                for k in kills))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-chars", type=int, default=400,
                        help="cut each base text to its sentences within this many characters")
    parser.add_argument("--kill-at", type=float, nargs="+", default=[0.5],
                        help="kill when this fraction of the documents is stored (one per run)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report = run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="marsad-kill-") as folder:
            report = run(args, Path(folder))
    print(json.dumps(report, indent=2))
    sys.exit(0 if report["ok"] else 1)


if __name__ == "__main__":
    main()
