"""The ``marsad`` command line: one verb per command, each a thin layer over the library.

Data goes to stdout (or ``-o``); progress, warnings, errors and summaries go to stderr.
Exit codes: 0 every input processed; 1 some input failed (the rest were processed) or an
``eval`` score fell below its floor; 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from marsad.errors import MarsadError
from marsad.summary import BatchSummary

F = TypeVar("F", bound=Callable[..., Any])

EXTRACT_FORMATS = ("jsonl", "acled", "ucdp", "geojson", "csv")
EXPORT_FORMATS = ("jsonl", "acled", "ucdp", "geojson", "parquet", "csv")


def _date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date like 2018-05-08") from err


def input_options(function: F) -> F:
    """``PATH...``, ``--published`` and ``--outlet``, shared by extract and ingest."""
    function = click.option("--outlet", help="Publishing outlet of inputs that do not say.")(
        function)
    function = click.option("--published", metavar="YYYY-MM-DD",
                            help="Publication date of inputs that do not say.")(function)
    return click.argument("paths", nargs=-1, required=True)(function)


def db_option(function: F) -> F:
    return click.option("--db", envvar="MARSAD_DB", default=None, show_envvar=True,
                        help="Database URL or SQLite path [default: ./marsad.db].")(function)


def output_option(function: F) -> F:
    return click.option("-o", "--output", default="-", show_default=True,
                        help="Output file ('-' for stdout).")(function)


def _warn(message: str) -> None:
    click.echo(message, err=True)


def iter_results(paths: tuple[str, ...], published: str | None, outlet: str | None,
                 summary: BatchSummary, verbose: bool = False) -> Iterator[Any]:
    """Read, clean and extract every input; report bad ones on stderr and go on."""
    from marsad.context import get_context
    from marsad.ingest import InputError, read_inputs
    from marsad.model import SourceDocument
    from marsad.pipeline import ProcessingError, process_many

    def sources() -> Iterator[SourceDocument]:
        for item in read_inputs(paths, published=_date_option(published), outlet=outlet):
            if isinstance(item, InputError):
                summary.failed.append(str(item))
                _warn(f"Error: {item}")
            else:
                yield item

    ctx = get_context()
    for result in process_many(sources(), ctx):
        if isinstance(result, ProcessingError):
            summary.failed.append(str(result))
            _warn(f"Error: {result}")
            continue
        summary.documents += 1
        summary.events += len(result.events)
        if verbose or not result.events:
            for warning in result.warnings:
                _warn(f"{result.doc.id}: {warning}")
        yield result


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="marsad")
def cli() -> None:
    """marsad: conflict news -> structured, source-attributed, geocoded events."""


@cli.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(EXTRACT_FORMATS), default="jsonl",
              show_default=True)
@output_option
@click.option("-v", "--verbose", is_flag=True, help="Print every document's warnings.")
def extract(paths: tuple[str, ...], published: str | None, outlet: str | None, fmt: str,
            output: str, verbose: bool) -> None:
    """Extract events from articles and write them (one JSON line per document).

    Example:

        marsad extract ../shared/seed/*.txt --format jsonl -o events.jsonl
    """
    from marsad.export import write_export

    summary = BatchSummary()
    write_export(iter_results(paths, published, outlet, summary, verbose), fmt,
                 None if output == "-" else Path(output))
    _warn(summary.line("extracted"))
    sys.exit(summary.exit_code)


def scale_options(function: F) -> F:
    """``--workers``, ``--batch-size``, ``--dask``, ``--progress``: shared by ingest, watch."""
    function = click.option("--progress/--no-progress", default=None,
                            help="Progress bar on stderr [default: when it is a terminal].")(
        function)
    function = click.option("--dask", "dask_address", envvar="MARSAD_DASK", default=None,
                            metavar="tcp://HOST:PORT", show_envvar=True,
                            help="Run extraction on this Dask scheduler's cluster.")(function)
    function = click.option("--batch-size", type=click.IntRange(1), default=32,
                            show_default=True, help="Documents per batch and transaction.")(
        function)
    function = click.option("--fetch-timeout", type=click.FloatRange(0, min_open=True),
                            default=20.0, show_default=True,
                            help="Seconds allowed per feed or page request.")(function)
    function = click.option("--max-page-bytes", type=click.IntRange(1), default=5_000_000,
                            show_default=True, help="Larger pages are refused.")(function)
    function = click.option("--per-host-interval", type=click.FloatRange(0), default=1.0,
                            show_default=True,
                            help="Seconds between two requests to one host.")(function)
    return click.option("--workers", type=click.IntRange(1), default=None,
                        help="Worker processes [default: all cores].")(function)


def _fetch_limits(timeout: float, max_bytes: int, interval: float) -> Any:
    from marsad.scale.feeds import FetchLimits

    return FetchLimits(timeout_s=timeout, max_bytes=max_bytes, per_host_interval_s=interval)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--feed", "feeds", multiple=True, metavar="URL|FILE",
              help="RSS/Atom feed whose linked pages are fetched and ingested (repeatable).")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date of inputs that do not say.")
@click.option("--outlet", help="Publishing outlet of inputs that do not say.")
@db_option
@scale_options
@click.option("-v", "--verbose", is_flag=True, help="Print every document's warnings.")
def ingest(paths: tuple[str, ...], feeds: tuple[str, ...], published: str | None,
           outlet: str | None, db: str | None, workers: int | None, per_host_interval: float,
           max_page_bytes: int, fetch_timeout: float, batch_size: int,
           dask_address: str | None, progress: bool | None, verbose: bool) -> None:
    """Extract events from articles and feeds into the store, resumably, on all cores.

    Documents already stored are skipped before any parsing, so rerunning after a crash
    finishes the rest. Example:

        marsad ingest examples/ --db marsad.db --workers 2
    """
    if not paths and not feeds:
        raise click.UsageError("give at least one PATH or --feed")
    summary = ingest_paths(paths, published, outlet, db, verbose, feeds=feeds,
                           workers=workers, batch_size=batch_size, dask_address=dask_address,
                           progress=sys.stderr.isatty() if progress is None else progress,
                           fetch_limits=_fetch_limits(fetch_timeout, max_page_bytes,
                                                      per_host_interval))
    _warn(summary.line("read"))
    sys.exit(summary.exit_code)


def ingest_paths(paths: tuple[str, ...], published: str | None, outlet: str | None,
                 db: str | None, verbose: bool = False, *, feeds: tuple[str, ...] = (),
                 workers: int | None = 1, batch_size: int = 32,
                 dask_address: str | None = None, progress: bool = False,
                 fetch_limits: Any = None) -> BatchSummary:
    """Ingest files and feeds in batches (one transaction each; a crash loses none stored).

    ``workers=None`` means all cores; library callers default to this process only.
    """
    from marsad.scale.runner import IngestPlan, default_workers, ingest_all
    from marsad.store import resolve_db_url

    tally = ingest_all(IngestPlan(
        db_url=resolve_db_url(db), paths=paths, feeds=feeds, published=_date_option(published),
        outlet=outlet, workers=workers or default_workers(), batch_size=batch_size,
        dask_address=dask_address, progress=progress, verbose=verbose,
        fetch_limits=fetch_limits))
    return tally


@cli.command()
@click.argument("feed_list", metavar="FEEDS.txt", type=click.Path(exists=True, dir_okay=False))
@click.option("--every", default="15m", show_default=True, metavar="DURATION",
              help="Pause between rounds: 90s, 15m, 1h.")
@click.option("--rounds", type=click.IntRange(0), default=0, show_default=True,
              help="Stop after this many rounds (0: run until stopped).")
@db_option
@scale_options
def watch(feed_list: str, every: str, rounds: int, db: str | None, workers: int | None,
          per_host_interval: float, max_page_bytes: int, fetch_timeout: float,
          batch_size: int, dask_address: str | None, progress: bool | None) -> None:
    """Keep ingesting the feeds listed in FEEDS.txt (one URL per line), round after round.

    Example:

        marsad watch feeds.txt --every 15m --db marsad.db
    """
    from marsad.scale.watch import parse_duration, watch_feeds

    limits = _fetch_limits(fetch_timeout, max_page_bytes, per_host_interval)
    watch_feeds(Path(feed_list), parse_duration(every), rounds, lambda feeds: ingest_paths(
        (), None, None, db, feeds=feeds, workers=workers, batch_size=batch_size,
        dask_address=dask_address, progress=bool(progress), fetch_limits=limits), _warn)


@cli.command()
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False), default=None,
              help="JSON lines to measure on [default: ../shared/data/corpus/muc4_train_texts]")
@click.option("--limit", type=click.IntRange(1), default=300, show_default=True,
              help="Documents per measurement.")
@click.option("--pg", "pg_url", default=None, metavar="URL",
              help="PostgreSQL URL to measure ingest on [default: a throwaway local server].")
@click.option("--append", "append_to", type=click.Path(dir_okay=False), default=None,
              help="Also append the Markdown table to this file (docs/benchmarks.md).")
def bench(corpus: str | None, limit: int, pg_url: str | None, append_to: str | None) -> None:
    """Measure throughput: bare spaCy, the pipeline, 1 vs 2 workers, Dask, SQLite vs PostgreSQL.

    Example:

        marsad bench --limit 300 --append docs/benchmarks.md
    """
    from marsad.scale.bench import run_bench

    click.echo(run_bench(Path(corpus) if corpus else None, limit, pg_url,
                         Path(append_to) if append_to else None, _warn))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl",
              show_default=True)
@output_option
@db_option
@click.option("--incidents", is_flag=True, help="Write fused incidents (marsad fuse), not events.")
def export(fmt: str, output: str, db: str | None, incidents: bool) -> None:
    """Write the stored events (ACLED / UCDP columns, GeoJSON, JSON lines, Parquet, CSV).

    Example:

        marsad export --format acled -o events.csv
    """
    from marsad.export import write_export
    from marsad.store import open_store, resolve_db_url

    if incidents:
        from marsad.fusion.command import export_incidents
        return export_incidents(fmt, None if output == "-" else Path(output), db)
    with open_store(resolve_db_url(db)) as store:
        rows = write_export(store.iter_results(), fmt, None if output == "-" else Path(output),
                            timestamps=store.ingest_times())
    _warn(f"marsad: {rows} rows written" + ("" if rows else " (the store has no events yet)"))


@cli.command(name="eval")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--incidents", "incident_gold", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Score incident fusion against this gold JSONL instead.")
def evaluate(paths: tuple[str, ...], limit: int | None, as_json: bool,
             incident_gold: str | None) -> None:
    """Score extraction against gold files (FA-KES, CASE 2021); default: the dev sets.

    Example:

        marsad eval ../shared/data/dev/case2021_dev.jsonl --json
    """
    if incident_gold:
        from marsad.evaluation.incidents import run_incident_eval
        return run_incident_eval(Path(incident_gold), as_json)
    from marsad.context import get_context
    from marsad.evaluate import evaluate_file, format_report

    files = [Path(p) for p in paths] or default_eval_files()
    if not files:
        raise MarsadError("no evaluation file given and ../shared/data/dev/ not found")
    ctx = get_context()
    reports = [evaluate_file(path, ctx, limit=limit) for path in files]
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2, default=str))
    else:
        for report in reports:
            click.echo(format_report(report))


def default_eval_files() -> list[Path]:
    """The shared dev sets, looked for next to the working directory."""
    for base in (Path("../shared/data/dev"), Path("shared/data/dev")):
        files = [base / "fakes_dev.jsonl", base / "case2021_dev.jsonl"]
        if all(f.is_file() for f in files):
            return files
    return []


@cli.command()
@db_option
@click.option("--examples", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of sample articles [default: the bundled examples/].")
@click.option("--out", "out_dir", default="demo-output", show_default=True,
              help="Folder for the exports.")
def demo(db: str | None, examples: str | None, out_dir: str) -> None:
    """Ingest the bundled sample articles, export them and print a summary.

    Example:

        marsad demo
    """
    from marsad.demo import run_demo

    run_demo(db, Path(examples) if examples else None, Path(out_dir))


# Commands that live with their feature (web, fusion, ...) register here, so this module
# stays the one place that lists every verb.
def _register_feature_commands() -> None:
    from importlib import import_module

    for module_name, command_name in FEATURE_COMMANDS:
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as err:
            if not err.name or not module_name.startswith(err.name):
                raise  # a real missing dependency inside the feature, not a missing feature
            continue
        cli.add_command(getattr(module, command_name))


FEATURE_COMMANDS: list[tuple[str, str]] = [
    ("marsad.web.command", "serve"),
    ("marsad.fusion.command", "fuse"),
]
_register_feature_commands()


def main() -> None:
    """Entry point: user-fixable problems print one line, bugs keep their traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        _warn("Aborted.")
        sys.exit(1)
    except MarsadError as err:
        _warn(f"Error: {err}")
        sys.exit(1)
