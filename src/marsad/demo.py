"""``marsad demo``: ingest the bundled sample articles, export them, show what was found.

Why a command of its own: a newcomer's first run should end with real events on screen and
the paths of the database and the exports, not with a blank prompt.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad.errors import MarsadError
from marsad.model import DocumentResult

EXPORTS = {"jsonl": "events.jsonl", "acled": "events_acled.csv", "geojson": "events.geojson"}


def examples_dir() -> Path:
    """The repository's ``examples/`` folder (the demo runs from a source checkout)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "examples"
        if (candidate / "articles.jsonl").is_file():
            return candidate
    raise MarsadError("examples/ not found: run 'marsad demo --examples DIR' from a checkout")


def run_demo(db: str | None, examples: Path | None, out_dir: Path,
             console: Console | None = None) -> None:
    """Ingest, export and summarise; every path printed is where the user should look."""
    from marsad.cli import ingest_paths
    from marsad.export import write_export
    from marsad.store import open_store, resolve_db_url

    console = console or Console(stderr=False)
    folder = examples or examples_dir()
    url = resolve_db_url(db)
    console.print(f"[bold]marsad demo[/bold]: reading {folder} (first run loads models, ~1 min)")
    summary = ingest_paths((str(folder / "articles.jsonl"),), None, None, db)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_store(url) as store:
        results = list(store.iter_results())
        for fmt, name in EXPORTS.items():
            write_export(results, fmt, out_dir / name, timestamps=store.ingest_times())
        counts = store.counts()
    console.print(summary_table(results))
    console.print(
        f"{summary.stored} new documents stored, {summary.skipped} already there; the store "
        f"holds {counts['documents']} documents, {counts['events']} events, "
        f"{counts['claims']} claims.")
    console.print(f"Database: [bold]{url}[/bold]")
    for name in EXPORTS.values():
        console.print(f"Export:   [bold]{out_dir / name}[/bold]")
    console.print("Next: .venv/bin/marsad export --format acled -o my.csv   "
                  "(see README.md and docs/cli.md)")


def summary_table(results: list[DocumentResult], limit: int = 40) -> Table:
    """A readable table of events: when, what, where, who, toll, and who says so."""
    table = Table(title="Events found in the sample articles", show_lines=False)
    for column in ("date", "sub-event type", "location", "actor 1", "actor 2", "deaths",
                   "source (cue)"):
        table.add_column(column, overflow="fold")
    rows = [(r, e) for r in results for e in r.events]
    for _result, event in rows[:limit]:
        date = event.date.start.isoformat() if event.date else "?"
        if event.date and event.date.end != event.date.start:
            date += f"..{event.date.end.isoformat()}"
        deaths = ""
        if event.fatalities:
            deaths = str(event.fatalities.best) + (" (aggr.)" if event.fatalities.aggregate else "")
        claim = event.attribution[0] if event.attribution else None
        hedge = ", hedged" if claim and claim.hedged else ""
        source = f"{claim.source} ({claim.cue}{hedge})" if claim else ""
        table.add_row(date, event.sub_event_type, event.location.name if event.location else "",
                      event.actor1.name if event.actor1 else "",
                      event.actor2.name if event.actor2 else "", deaths, source)
    if len(rows) > limit:
        table.caption = f"... and {len(rows) - limit} more events (see the exports)"
    return table
