"""``marsad watch FEEDS.txt --every 15m``: ingest a list of feeds round after round.

Why a plain loop: each round is an ordinary resumable ingest (entries already stored are
not even fetched), so a monitor needs nothing more than "ingest, sleep, repeat", and a
crash or restart loses nothing. The feed list is re-read every round, so an analyst can add
an outlet without restarting. A failing round is reported and the next one still runs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from marsad.errors import MarsadError
from marsad.scale.feeds import read_feed_list

_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


class RoundSummary(Protocol):
    """What a round returns (``marsad.summary.BatchSummary``)."""

    def line(self, verb: str) -> str: ...


def parse_duration(text: str) -> float:
    """Read ``90s``, ``15m``, ``1h``, ``1d`` or plain seconds; raise ``MarsadError`` if not."""
    match = _DURATION_RE.match(text)
    if not match:
        raise MarsadError(f"{text!r} is not a duration like 90s, 15m or 1h")
    return float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]


def watch_feeds(feed_list: Path, every_s: float, rounds: int,
                ingest: Callable[[tuple[str, ...]], RoundSummary],
                report: Callable[[str], None],
                sleep: Callable[[float], None] = time.sleep) -> int:
    """Run ``rounds`` rounds (0: forever), ``every_s`` seconds apart; return rounds run."""
    done = 0
    while rounds == 0 or done < rounds:
        if done:
            sleep(every_s)
        done += 1
        try:
            feeds = tuple(read_feed_list(feed_list))
            if not feeds:
                report(f"marsad watch: round {done}: {feed_list} lists no feed")
                continue
            report(f"marsad watch: round {done}: " + ingest(feeds).line("read").removeprefix(
                "marsad: "))
        except (MarsadError, OSError) as err:
            report(f"marsad watch: round {done} failed: {err}")
    return done
