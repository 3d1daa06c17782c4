"""The analyst's desk: ``marsad serve`` (JSON API, map, timeline, claims next to the text)."""

from marsad.web.app import create_app

__all__ = ["create_app"]
