"""``marsad serve``: run the analyst's desk on a local uvicorn server."""

from __future__ import annotations

import os
from typing import Any

import click

from marsad.store import resolve_db_url


@click.command()
@click.option("--db", envvar="MARSAD_DB", default=None, show_envvar=True,
              help="Database URL or SQLite path [default: ./marsad.db].")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default keeps the desk on this machine.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--tiles", envvar="MARSAD_TILES", default=None, show_envvar=True,
              help="Leaflet tile URL template for users online "
                   "(https://{s}.tile.example.org/{z}/{x}/{y}.png); offline base layer if unset.")
@click.option("--cache-mb", envvar="MARSAD_CACHE_MB", type=click.IntRange(0, 1_000_000),
              default=64, show_default=True, show_envvar=True,
              help="Memory per worker for answers kept until the store changes; 0 turns "
                   "the cache off.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes. SQLite in WAL mode serves concurrent readers, so more "
                   "workers answer more requests at once (each keeps its own answer cache).")
def serve(db: str | None, host: str, port: int, tiles: str | None, cache_mb: int,
          workers: int) -> None:
    """Serve the read-only analyst's desk: map, timeline, events and claims, JSON API.

    Example:

        marsad serve --db marsad.db --port 8000 --workers 4
    """
    import uvicorn

    from marsad.web.app import CACHE_ENV, DB_ENV, TILES_ENV, create_app

    # Opened here even with several workers: migrations run once, before they start, and a
    # bad URL fails at once with one message.
    db_url = resolve_db_url(db)
    cache_bytes = cache_mb * 1024 * 1024
    app = create_app(db_url, tile_url=tiles, cache_bytes=cache_bytes)
    plural = "" if workers == 1 else "s"
    click.echo(f"marsad: serving {app.state.store.url} on http://{host}:{port}/ with "
               f"{workers} worker{plural} (Ctrl+C stops)", err=True)
    options: dict[str, Any] = {"host": host, "port": port, "log_level": "warning",
               "limit_concurrency": 64, "timeout_keep_alive": 5}
    if workers == 1:
        uvicorn.run(app, **options)
        return
    app.state.store.close()
    os.environ[DB_ENV] = db_url
    os.environ[TILES_ENV] = tiles or ""
    os.environ[CACHE_ENV] = str(cache_bytes)
    uvicorn.run("marsad.web.app:create_app_from_env", factory=True, workers=workers,
                **options)
