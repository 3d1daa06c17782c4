"""``marsad fuse``: group stored events into incidents (registered in ``cli.FEATURE_COMMANDS``)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--db", envvar="MARSAD_DB", default=None, show_envvar=True,
              help="Database URL or SQLite path [default: ./marsad.db].")
@click.option("--rebuild", is_flag=True,
              help="Drop every incident and fuse all stored events again.")
def fuse(db: str | None, rebuild: bool) -> None:
    """Group stored events from several documents into incidents, with grades.

    Only documents stored since the last run are read; they join the stored incidents
    or start new ones.

    Example:

        marsad ingest articles/ --db marsad.db && marsad fuse --db marsad.db
    """
    from marsad.fusion.settings import load_fusion_settings
    from marsad.fusion.store import fuse_store
    from marsad.store import open_store, resolve_db_url

    settings = load_fusion_settings()
    with open_store(resolve_db_url(db)) as store:
        summary = fuse_store(store, settings, rebuild=rebuild)
    click.echo(summary.line(), err=True)


def export_incidents(fmt: str, out: Path | None, db: str | None) -> None:
    """Body of ``marsad export --incidents``: write the stored incidents as ``fmt``."""
    from marsad.fusion.export import write_incident_export
    from marsad.fusion.store import iter_incidents
    from marsad.store import open_store, resolve_db_url

    with open_store(resolve_db_url(db)) as store:
        rows = write_incident_export(iter_incidents(store), fmt, out)
    click.echo(f"marsad: {rows} incidents written"
               + ("" if rows else " (no incidents yet: run marsad fuse)"), err=True)
