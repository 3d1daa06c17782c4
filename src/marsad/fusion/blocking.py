"""Candidate screening: which incidents a new report could join, without scoring them all.

Why two stages: with 50,000 events, a report known only to the country (or the month) meets
hundreds of incidents in its blocking keys, and scoring each member in Python is what made
fusion quadratic. So every member's comparable fields live once in numpy columns (dates as
day numbers, places in radians, ids for types, countries, provinces and documents), and a
new report is screened against all gathered members in a handful of vector operations:
the hard limits of ``scoring`` (type, date, place, same document) veto whole incidents, and
the rest get an *upper bound* of their average-linkage score (the text component counted
as a perfect 1, at the largest weight the word score or the sentence encoder may give it).
``Clusterer`` then scores exactly, best bound first, and stops as soon as no bound can beat
the best exact score: the result is the same as scoring every candidate.

Blocking keys are (place, time bucket): precise places (precision 1-2) in a grid of
``grid_degrees`` cells, registered in the cells around their own (so a query reads one
cell); every member also under its country,
split into precise and vague members so that each pair kind is gathered once. An incident
is a candidate only if *all* its members were gathered: a member outside the keys lies
beyond the date slack or the distance limit, which vetoes the incident anyway. "Members"
here are an incident's voices (``cluster.Cluster.voices``, one per document): restatements
are not indexed, because linkage does not score them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterator

import numpy as np
import numpy.typing as npt

from marsad.fusion.report import Report
from marsad.fusion.scoring import (
    DATE_OVERLAP,
    DISJOINT_ACTORS,
    EARTH_RADIUS_KM,
    NEUTRAL,
    NO_PLACE,
    SAME_ADMIN1,
    SAME_COUNTRY,
    is_precise,
)
from marsad.fusion.settings import FusionSettings

# Time buckets at several levels (days): a member goes into the finest level its date range
# fits, so it sits in at most two buckets and a query gathers it at most twice, however long
# its range ("2016") or the query's.
BUCKET_DAYS = (8, 64, 512, 4096)
KM_PER_DEGREE = 111.0
# Screening must never veto a pair that exact scoring accepts: numpy and math may differ in
# the last bit of a distance, so the vector check allows this much more.
TOLERANCE = 1e-9
NONE = -1

Key = tuple[Hashable, ...]
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
# Row-major tables (one row per member): a query gathers each member's fields in one read.
INT_FIELDS = ("cluster", "doc", "type", "start", "end", "dated", "dprec", "precise", "gprec",
              "iso3", "admin1", "deaths", "actors")
FLOAT_FIELDS = ("lat", "lon")
BOOL_FIELDS = ("dated", "precise")
ACTOR_BITS = 63


CLUSTER, DOC, TYPE = (INT_FIELDS.index(name) for name in ("cluster", "doc", "type"))
DEATHS, ACTORS = INT_FIELDS.index("deaths"), INT_FIELDS.index("actors")


def _fields(ints: IntArray, floats: FloatArray | None) -> dict[str, np.ndarray]:
    """Name the columns of gathered table rows (views, no copies)."""
    named: dict[str, np.ndarray] = {name: ints[:, index] for index, name in enumerate(INT_FIELDS)}
    for name in BOOL_FIELDS:
        named[name] = named[name] != 0
    if floats is not None:
        named.update({name: floats[:, index] for index, name in enumerate(FLOAT_FIELDS)})
    return named


class _Ids:
    """Small integer ids for strings (None -> NONE), so numpy can compare them."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def __call__(self, value: str | None) -> int:
        if value is None:
            return NONE
        return self._ids.setdefault(value, len(self._ids))

    def __len__(self) -> int:
        return len(self._ids)


class BlockIndex:
    """Members' comparable fields in numpy columns, and blocking keys -> member rows."""

    def __init__(self, settings: FusionSettings) -> None:
        self._settings = settings
        self._keys: dict[Key, list[int]] = defaultdict(list)
        self._size = 0
        self._ints = np.zeros((1024, len(INT_FIELDS)), dtype=np.int64)
        self._floats = np.zeros((1024, len(FLOAT_FIELDS)))
        self._cluster_sizes = np.zeros(1024, dtype=np.int64)
        self._docs, self._types, self._iso3, self._admin1 = _Ids(), _Ids(), _Ids(), _Ids()
        self._actor_ids = _Ids()
        self._type_names: list[str] = []
        self._type_matrix = np.zeros((0, 0))
        weights = settings.weights
        # The text component counts as a perfect 1 at the largest weight it may have (the
        # encoder's may differ): (S + w) / (W - text + w) grows with w, so this bounds all.
        self._text_weight = settings.text_weight_bound
        self._total_weight = sum(weights.values()) - weights["text"] + self._text_weight
        self._slack = np.array([0, *(settings.date_slack_days[p] for p in (1, 2, 3))])
        self._overlap = np.array([0.0, *(DATE_OVERLAP[p] for p in (1, 2, 3))])
        self._limit = np.array([0.0, settings.distance_km[1], settings.distance_km[2], 0.0])

    def add(self, report: Report, incident: int) -> None:
        """Register ``report`` as a member of ``incident``."""
        row = self._size
        if row == len(self._ints):
            self._ints = np.concatenate([self._ints, np.zeros_like(self._ints)])
            self._floats = np.concatenate([self._floats, np.zeros_like(self._floats)])
        if incident >= len(self._cluster_sizes):
            self._cluster_sizes = np.resize(self._cluster_sizes,
                                            max(2 * len(self._cluster_sizes), incident + 1))
            self._cluster_sizes[incident:] = 0
        precise = is_precise(report)
        values = {
            "cluster": incident, "doc": self._docs(report.doc_id),
            "type": self._type_id(report.sub_event_type),
            "start": report.start or 0, "end": report.end or 0,
            "dated": report.start is not None and report.end is not None,
            "dprec": report.date_precision,
            "lat": math.radians(report.lat) if precise and report.lat is not None else 0.0,
            "lon": math.radians(report.lon) if precise and report.lon is not None else 0.0,
            "precise": precise, "gprec": report.geo_precision,
            "iso3": self._iso3(report.iso3), "admin1": self._admin1(report.admin1),
            "deaths": NONE if report.deaths is None else report.deaths,
            "actors": self._actor_mask(report.actors),
        }
        self._ints[row] = [int(values[name]) for name in INT_FIELDS]
        self._floats[row] = [float(values[name]) for name in FLOAT_FIELDS]
        self._cluster_sizes[incident] += 1
        self._size += 1
        for key in self._own_keys(report):
            self._keys[key].append(row)

    def screen(self, report: Report) -> list[tuple[float, int]]:
        """Return ``(upper bound, incident)`` for every incident ``report`` could join.

        Incidents that a hard limit vetoes, or whose bound is below the threshold, are left
        out; the bound is at least the exact average-linkage score (``Clusterer`` checks
        exactly).
        """
        gathered: list[int] = []
        for key in self._query_keys(report):
            bucket = self._keys.get(key)
            if bucket:
                gathered += bucket
        if not gathered:
            return []
        rows = np.array(gathered, dtype=np.int64)  # a member may be there twice
        # Veto in stages, cheapest first; each stage only sees the rows left by the last.
        ints = np.take(self._ints, rows, axis=0)
        own_type = self._type_id(report.sub_event_type)  # may grow the matrix: first
        type_part = self._type_matrix[own_type][ints[:, TYPE]]
        date_part, date_ok = self._date(report, _fields(ints, None))
        ok = date_ok & (type_part > 0) & (ints[:, DOC] != self._docs(report.doc_id))
        if not ok.any():
            return []
        rows, ints, type_part, date_part = rows[ok], ints[ok], type_part[ok], date_part[ok]
        place_part, ok = self._place(report, _fields(
            ints, np.take(self._floats, rows, axis=0) if is_precise(report) else None))
        rows, first = np.unique(rows[ok], return_index=True)
        ints = ints[ok][first]
        # An incident is a candidate only if none of its members was vetoed or left out.
        incidents, inverse, counts = np.unique(ints[:, CLUSTER], return_inverse=True,
                                               return_counts=True)
        hopeful = counts == self._cluster_sizes[incidents]
        if not hopeful.any():
            return []
        weights, total = self._settings.weights, self._total_weight * counts
        fixed = (weights["type"] * type_part[ok][first] + weights["date"] * date_part[ok][first]
                 + weights["place"] * place_part[ok][first]
                 + weights["fatalities"] * self._fatalities(report, ints[:, DEATHS])
                 + self._text_weight * 1.0)
        bounds = np.bincount(inverse, weights=fixed + weights["actors"] * self._actor_bound(
            report, ints[:, ACTORS])) / total
        hopeful &= bounds + TOLERANCE >= self._settings.threshold
        return list(zip((bounds[hopeful] + TOLERANCE).tolist(), incidents[hopeful].tolist(),
                        strict=True))

    def _actor_mask(self, actors: frozenset[str]) -> int:
        """One bit per actor name (names share bits once there are more than 63)."""
        mask = 0
        for name in actors:
            mask |= 1 << (self._actor_ids(name) % ACTOR_BITS)
        return mask

    def _actor_bound(self, report: Report, masks: IntArray) -> FloatArray:
        """At least ``scoring.actor_score``: bits in common may be two names sharing a bit."""
        if not report.actors:
            return np.full(len(masks), NEUTRAL)
        shared = (masks & self._actor_mask(report.actors)) != 0
        return np.where(masks == 0, NEUTRAL, np.where(shared, 1.0, DISJOINT_ACTORS))

    def _type_id(self, name: str) -> int:
        """Id of a sub-event type; the type-score matrix grows with each new type."""
        known = len(self._types)
        number = self._types(name)
        if number == known:
            self._type_names.append(name)
            matrix = np.zeros((known + 1, known + 1))
            matrix[:known, :known] = self._type_matrix
            for other, other_name in enumerate(self._type_names):
                score = self._settings.type_score(name, other_name)
                matrix[number, other] = matrix[other, number] = score
            self._type_matrix = matrix
        return number

    def _date(self, report: Report, column: dict[str, np.ndarray]) -> tuple[FloatArray,
                                                                             npt.NDArray[np.bool_]]:
        """``scoring.date_score`` over the gathered rows, and where it does not veto."""
        score = np.full(len(column["start"]), NEUTRAL)
        dated = column["dated"]
        if report.start is None or report.end is None:  # undated meets undated only
            return score, ~dated
        gap = (np.maximum(column["start"], report.start)
               - np.minimum(column["end"], report.end))
        coarser = np.maximum(column["dprec"], report.date_precision)
        slack = self._slack[column["dprec"]] + self._slack[report.date_precision]
        near = 0.6 * (1.0 - (gap - 1) / (slack + 1))
        score = np.where(~dated, NEUTRAL, np.where(gap <= 0, self._overlap[coarser], near))
        return score, dated & (gap <= slack)

    def _place(self, report: Report, column: dict[str, np.ndarray]) -> tuple[
            FloatArray, npt.NDArray[np.bool_]]:
        """``scoring.place_score`` over the gathered rows (NaN where it vetoes)."""
        count = len(column["iso3"])
        iso3, admin1 = self._iso3(report.iso3), self._admin1(report.admin1)
        both_precise = column["precise"] & is_precise(report)
        score = np.full(count, np.nan)
        if is_precise(report):
            assert report.lat is not None and report.lon is not None
            lat, lon = math.radians(report.lat), math.radians(report.lon)
            half = (np.sin((column["lat"] - lat) / 2) ** 2 + math.cos(lat) * np.cos(column["lat"])
                    * np.sin((column["lon"] - lon) / 2) ** 2)
            distance = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(half)))
            limit = self._limit[np.maximum(column["gprec"], report.geo_precision)]
            near = distance <= limit * (1 + TOLERANCE) + TOLERANCE
            score = np.where(both_precise & near,
                             np.maximum(0.0, 1.0 - distance / np.where(limit > 0, limit, 1.0)),
                             score)
        # The vague rules of ``place_score``, in its order (the first that applies wins).
        nothing = (iso3 == NONE) & (admin1 == NONE) & (column["iso3"] == NONE) & (
            column["admin1"] == NONE)
        other_country = (iso3 != NONE) & (column["iso3"] != NONE) & (column["iso3"] != iso3)
        both_admin1 = (admin1 != NONE) & (column["admin1"] != NONE)
        vague = np.select(
            [nothing, other_country, both_admin1 & (column["admin1"] == admin1), both_admin1,
             (iso3 == NONE) | (column["iso3"] == NONE)],
            [NO_PLACE, np.nan, SAME_ADMIN1, np.nan, np.nan], default=SAME_COUNTRY)
        score = np.where(both_precise, score, vague)
        vetoed = np.isnan(score)
        return np.where(vetoed, 0.0, score), ~vetoed

    def _fatalities(self, report: Report, deaths: IntArray) -> FloatArray:
        """``scoring.fatality_score`` over the gathered rows."""
        if report.deaths is None:
            return np.full(len(deaths), NEUTRAL)
        rule = self._settings.fatality_agreement
        low, high = np.minimum(deaths, report.deaths), np.maximum(deaths, report.deaths)
        agree = (high - low <= rule.absolute) | (low >= rule.ratio * high)
        ratio = low / np.where(high > 0, high, 1)
        return np.where(deaths == NONE, NEUTRAL, np.where(agree, 1.0, ratio))

    def _own_spans(self, report: Report) -> list[Hashable]:
        """Time keys of a member: the one or two buckets of the finest level that fits it."""
        if report.start is None or report.end is None:
            return [None]  # undated reports meet undated ones only
        for size in BUCKET_DAYS:
            if report.end - report.start < size:
                return [(size, bucket) for bucket in range(report.start // size,
                                                           report.end // size + 1)]
        return [(0, 0)]  # longer than every level: one bucket for all of time

    def _query_spans(self, report: Report) -> list[Hashable]:
        """Time keys a report must look in: every level's buckets that its window touches."""
        if report.start is None or report.end is None:
            return [None]
        # The widest gap two reports may have: this report's slack plus the largest one.
        slack = (self._settings.date_slack_days[report.date_precision]
                 + max(self._settings.date_slack_days.values()))
        low, high = report.start - slack, report.end + slack
        return [(0, 0), *((size, bucket) for size in BUCKET_DAYS
                          for bucket in range(low // size, high // size + 1))]

    def _own_keys(self, report: Report) -> Iterator[Key]:
        # A precise member goes into every cell around its own, so a query reads one cell.
        cells = self._around(report) if is_precise(report) else []
        for span in self._own_spans(report):
            for cell in cells:
                yield ("cell", *cell, span)
            if cells:
                yield ("precise-country", report.iso3, span)
            else:
                yield ("vague-country", report.iso3, span)

    def _query_keys(self, report: Report) -> Iterator[Key]:
        cell = self._cell(report) if is_precise(report) else None
        for span in self._query_spans(report):
            if cell is not None:
                yield ("cell", *cell, span)
            else:
                yield ("precise-country", report.iso3, span)
            yield ("vague-country", report.iso3, span)

    def _around(self, report: Report) -> list[tuple[int, int]]:
        """The cells within the largest distance limit of ``report``'s cell."""
        row, column = self._cell(report)
        rows, columns = self._reach(report)
        return [(row + d_row, column + d_column) for d_row in range(-rows, rows + 1)
                for d_column in range(-columns, columns + 1)]

    def _cell(self, report: Report) -> tuple[int, int]:
        size = self._settings.grid_degrees
        assert report.lat is not None and report.lon is not None
        return math.floor(report.lat / size), math.floor(report.lon / size)

    def _reach(self, report: Report) -> tuple[int, int]:
        """Cells to cover on each side: a degree of longitude shrinks towards the poles.

        The width is taken at the cell edge nearer the pole, so that a report anywhere in
        the neighbouring rows is covered too.
        """
        size = self._settings.grid_degrees
        limit = max(self._settings.distance_km.values())
        assert report.lat is not None
        polar = min(90.0, abs(report.lat) + 2 * size)
        width = KM_PER_DEGREE * size * max(math.cos(math.radians(polar)), 0.05)
        return 1, max(1, math.ceil(limit / width))
