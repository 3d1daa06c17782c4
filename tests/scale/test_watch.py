"""``marsad watch``: durations, rounds, and a failing round that does not stop the monitor."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.scale.watch import parse_duration, watch_feeds


@pytest.mark.parametrize(("text", "seconds"), [
    ("90s", 90), ("15m", 900), ("1h", 3600), ("2 min", 120), ("1d", 86400), ("45", 45),
    ("0.5m", 30), ("0s", 0),
])
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "fifteen minutes", "-5m", "10w", "m"])
def test_parse_duration_refuses_nonsense(text: str) -> None:
    with pytest.raises(MarsadError, match="is not a duration like 90s, 15m or 1h"):
        parse_duration(text)


class Summary:
    def __init__(self, text: str) -> None:
        self.text = text

    def line(self, verb: str) -> str:
        return f"marsad: {self.text} {verb}"


def test_rounds_sleep_between_and_survive_a_failing_round(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# none yet\n", encoding="utf-8")
    seen: list[tuple[str, ...]] = []
    slept: list[float] = []
    lines: list[str] = []

    def ingest(listed: tuple[str, ...]) -> Summary:
        seen.append(listed)
        if len(seen) == 1:
            raise MarsadError("cannot open database 'x'")
        feeds.unlink()  # the next round cannot read the list
        return Summary("2 documents")

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        if len(slept) == 1:
            feeds.write_text("http://a/feed\n", encoding="utf-8")

    assert watch_feeds(feeds, 60.0, 4, ingest, lines.append, sleep) == 4
    assert lines[0] == f"marsad watch: round 1: {feeds} lists no feed"
    assert lines[1] == "marsad watch: round 2 failed: cannot open database 'x'"
    assert lines[2].startswith("marsad watch: round 3: 2 documents read")
    assert lines[3].startswith("marsad watch: round 4 failed: [Errno 2]")
    assert slept == [60.0, 60.0, 60.0]
