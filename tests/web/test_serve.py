"""``marsad serve`` as a real process: several workers, the cache on or off, same answers."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient
from tests.web.serving import serve

QUERIES = ["/api/events?limit=5", "/api/events?event_type=Battles&sort=-fatalities",
           "/api/map?country=Syria", "/api/timeline?bucket=week"]


@pytest.mark.parametrize("options", [("--workers", "2"), ("--cache-mb", "0"),
                                     ("--workers", "2", "--cache-mb", "0")])
def test_served_answers_match_the_app(store_url: str, client: TestClient,
                                      options: tuple[str, ...]) -> None:
    expected = {path: client.get(path).json() for path in QUERIES}
    with serve(store_url, *options) as base:
        for _ in range(3):  # new connections: with two workers both answer some
            for path in QUERIES:
                response = httpx.get(base + path, timeout=30)
                assert response.status_code == 200, (path, response.text)
                assert response.json() == expected[path], path
        assert httpx.post(base + "/api/events", timeout=30).status_code == 405
        page = httpx.get(base + "/", timeout=30)
        assert page.status_code == 200 and "script-src 'self'" in \
            page.headers["content-security-policy"]
