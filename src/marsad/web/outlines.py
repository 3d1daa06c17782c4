"""Admin-1 outlines of the map's offline base layer, named as the rest of marsad names them.

Why: the vendored Natural Earth outlines (``static/vendor/natural-earth-admin1``, rebuilt by
``scripts/build_admin1_outlines.py``) carry Natural Earth's spelling ("Dayr Az Zawr"), but
events, the province labels and the ``admin1`` filter use ``resources/admin1.csv``'s
("Deir ez-Zor"). Both carry the GeoNames admin1 code, so at start-up each outline whose code
that file lists gets our name as its ``admin1`` property; the map filters by that name only.
Joining here rather than at build time keeps the outlines right when admin1.csv changes.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")

HERE = Path(__file__).resolve().parent
ADMIN1_OUTLINES_FILE = HERE / "static" / "vendor" / "natural-earth-admin1" / "admin1-10m.json"
# The TopoJSON object holding the divisions (``-rename-layers`` in the build script).
OBJECT = "admin1"


@dataclass(frozen=True)
class Division:
    """A row of ``resources/admin1.csv`` as the join needs it."""

    iso2: str
    admin1code: str
    name: str

    @property
    def code(self) -> str:
        """The GeoNames admin1 code, as Natural Earth's ``gn_a1_code`` spells it."""
        return f"{self.iso2}.{self.admin1code}"


def named_outlines(topology: dict[str, Any], divisions: Iterable[Division]) -> dict[str, Any]:
    """Return ``topology`` with ``admin1`` (our name, or None) on every division.

    A code Natural Earth splits across several polygons names them all; a division of ours
    without a polygon (created after Natural Earth drew the map) names none.
    """
    names = {division.code: division.name for division in divisions}
    for geometry in topology["objects"][OBJECT]["geometries"]:
        properties = geometry.setdefault("properties", {})
        properties["admin1"] = names.get(properties.get("code") or "")
    return topology


def country_bounds(topology: dict[str, Any]) -> dict[str, list[float]]:
    """Return ``{iso: [west, south, east, north]}`` over each country's divisions.

    Why: the map meshes a country's inner borders only when the country comes into view
    (meshing the world's takes ~0.3 s of the browser's main thread), and needs each
    country's extent to know when that is without decoding its arcs first.
    """
    arcs = topology["arcs"]
    arc_boxes: list[tuple[int, int, int, int]] = []
    for arc in arcs:  # delta-encoded, quantised: decode the running sum
        x = y = 0
        west = south = 1 << 62
        east = north = -(1 << 62)
        for dx, dy in arc:
            x += dx
            y += dy
            west, east = min(west, x), max(east, x)
            south, north = min(south, y), max(north, y)
        arc_boxes.append((west, south, east, north))
    boxes: dict[str, list[int]] = {}
    for geometry in topology["objects"][OBJECT]["geometries"]:
        iso = (geometry.get("properties") or {}).get("iso") or ""
        for index in _arc_indices(geometry.get("arcs") or []):
            west, south, east, north = arc_boxes[index if index >= 0 else ~index]
            box = boxes.setdefault(iso, [west, south, east, north])
            box[:] = [min(box[0], west), min(box[1], south), max(box[2], east),
                      max(box[3], north)]
    (scale_x, scale_y), (move_x, move_y) = (topology["transform"]["scale"],
                                            topology["transform"]["translate"])
    return {iso: [round(box[0] * scale_x + move_x, 3), round(box[1] * scale_y + move_y, 3),
                  round(box[2] * scale_x + move_x, 3), round(box[3] * scale_y + move_y, 3)]
            for iso, box in boxes.items()}


def _arc_indices(nested: Any) -> Iterable[int]:
    """Every arc index of a Polygon's or MultiPolygon's nested ``arcs`` lists."""
    for item in nested:
        if isinstance(item, int):
            yield item
        else:
            yield from _arc_indices(item)


def unmatched(topology: dict[str, Any], divisions: Iterable[Division]) -> list[Division]:
    """Our divisions that no outline carries (for tests and the build script's report)."""
    codes = {(geometry.get("properties") or {}).get("code")
             for geometry in topology["objects"][OBJECT]["geometries"]}
    return [division for division in divisions if division.code not in codes]


def load_named(divisions: Iterable[Division], path: Path = ADMIN1_OUTLINES_FILE) -> bytes:
    """Read the vendored outlines, name them, add ``country_bbox`` (``country_bounds``) and
    return the compact JSON to serve."""
    topology = named_outlines(json.loads(path.read_bytes()), divisions)
    topology["country_bbox"] = country_bounds(topology)
    return json.dumps(topology, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Lazy(Generic[T]):
    """A value made on first use, once, whichever thread asks first (the others wait)."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._value: list[T] = []

    def get(self) -> T:
        with self._lock:
            if not self._value:
                self._value.append(self._make())
            return self._value[0]
