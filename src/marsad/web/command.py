"""``marsad serve``: run the analyst's desk on a local uvicorn server."""

from __future__ import annotations

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
def serve(db: str | None, host: str, port: int, tiles: str | None) -> None:
    """Serve the read-only analyst's desk: map, timeline, events and claims, JSON API.

    Example:

        marsad serve --db marsad.db --port 8000
    """
    import uvicorn

    from marsad.web.app import create_app

    app = create_app(resolve_db_url(db), tile_url=tiles)
    click.echo(f"marsad: serving {app.state.store.url} on http://{host}:{port}/ "
               "(Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning",
                limit_concurrency=64, timeout_keep_alive=5)
