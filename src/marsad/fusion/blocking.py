"""Candidate blocking: which incidents a new report could belong to, without comparing all.

Why keys of (place cell, week): two reports of one event must have dates that overlap once
widened by their precision's slack, and places within the distance limit. Precise places
(precision 1-2) go into a grid of ``grid_degrees`` cells and are looked up in the cells around;
province-level places (precision 3) only match by admin1, country-level ones by country, so
they get keys of their own. Weeks rather than days keep a month-wide range to a few keys.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterator

from marsad.fusion.report import Report
from marsad.fusion.scoring import is_precise
from marsad.fusion.settings import FusionSettings

DAYS_PER_BUCKET = 7
KM_PER_DEGREE = 111.0

Key = tuple[Hashable, ...]


class BlockIndex:
    """Map blocking keys to the incidents (by key) whose members have them."""

    def __init__(self, settings: FusionSettings) -> None:
        self._settings = settings
        self._index: dict[Key, set[int]] = defaultdict(set)

    def add(self, report: Report, incident: int) -> None:
        """Register ``report`` as a member of ``incident``."""
        for key in self._own_keys(report):
            self._index[key].add(incident)

    def candidates(self, report: Report) -> set[int]:
        """Return the incidents that ``report`` could join (to be scored)."""
        found: set[int] = set()
        for key in self._query_keys(report):
            found |= self._index.get(key, set())
        return found

    def _weeks(self, report: Report, slack: int) -> range:
        if report.start is None or report.end is None:
            return range(-1, 0)  # one pseudo week: undated reports meet undated ones
        return range((report.start - slack) // DAYS_PER_BUCKET,
                     (report.end + slack) // DAYS_PER_BUCKET + 1)

    def _own_keys(self, report: Report) -> Iterator[Key]:
        for week in self._weeks(report, 0):
            if is_precise(report):
                yield ("cell", *self._cell(report), week)
            else:
                yield ("vague-admin1", report.iso3, report.admin1, week)
                yield ("vague-country", report.iso3, week)
            yield ("admin1", report.iso3, report.admin1, week)
            yield ("country", report.iso3, week)

    def _query_keys(self, report: Report) -> Iterator[Key]:
        slack = max(self._settings.date_slack_days.values())
        for week in self._weeks(report, slack):
            if is_precise(report):
                row, column = self._cell(report)
                rows, columns = self._reach(report)
                for d_row in range(-rows, rows + 1):
                    for d_column in range(-columns, columns + 1):
                        yield ("cell", row + d_row, column + d_column, week)
                yield ("vague-admin1", report.iso3, report.admin1, week)
                yield ("vague-country", report.iso3, week)
            elif report.admin1 is not None:
                yield ("admin1", report.iso3, report.admin1, week)
                yield ("vague-country", report.iso3, week)
            else:
                yield ("country", report.iso3, week)

    def _cell(self, report: Report) -> tuple[int, int]:
        size = self._settings.grid_degrees
        assert report.lat is not None and report.lon is not None
        return math.floor(report.lat / size), math.floor(report.lon / size)

    def _reach(self, report: Report) -> tuple[int, int]:
        """Cells to look at on each side: a degree of longitude shrinks towards the poles."""
        size = self._settings.grid_degrees
        limit = max(self._settings.distance_km.values())
        assert report.lat is not None
        width = KM_PER_DEGREE * size * max(math.cos(math.radians(report.lat)), 0.05)
        return 1, max(1, math.ceil(limit / width))
