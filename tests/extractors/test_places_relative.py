"""Relative locations with a distance, a direction or a stretch (issue #7, item 4).

Through the real pipeline (spaCy model, gazetteer index, events): the event is placed at the
anchor place; a stated distance sets the precision (``offsets.near_max_km`` in
gazetteer.yaml: near -> 2, farther -> 3) and is kept in ``Location.offset_km`` / ``bearing``;
of a stretch ("between X and Y", "the X-Y highway") the first-named end is the anchor.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from marsad.context import Context, get_context
from marsad.evaluation.places import document_text, gold_places
from marsad.extractors.places import PlaceMention, find_places
from marsad.gazetteer import load_settings
from marsad.model import Location, SourceDocument
from marsad.pipeline import process

FAKES_GOLD = Path(__file__).resolve().parents[1] / "gold" / "places" / "fakes_places.jsonl"
FAKES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "dev" / "fakes_dev.jsonl"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return get_context()


def _event_location(ctx: Context, text: str) -> Location:
    result = process(SourceDocument(text=text, published="2018-05-08"), ctx)
    located = [e.location for e in result.events if e.location is not None]
    assert len(located) == 1, f"{text!r}: {[e.location for e in result.events]}"
    return located[0]


@pytest.mark.parametrize(("text", "name", "precision", "offset_km", "bearing"), [
    # a stated distance: near (<= 25 km) -> 2, farther -> 3; the anchor's point either way
    ("Clashes broke out 30 km east of Deir ez-Zor on Monday.", "Deir ez-Zor", 3, 30, "E"),
    ("Regime aircraft struck a village 5 kilometres from Saraqib on Monday.",
     "Saraqib", 2, 5, None),
    ("A car bomb exploded 10 miles north of Mosul on Monday.", "Mosul", 2, 16.09, "N"),
    ("An air strike hit a market about 20 kilometers south-west of Aleppo on Monday.",
     "Aleppo", 2, 20, "SW"),
    ("The army shelled positions some 60 km north of Homs on Monday.", "Homs", 3, 60, "N"),
    ("An IED exploded two kilometres outside Raqqa on Monday.", "Raqqa", 2, 2, None),
    ("Clashes erupted 500 metres from the Yarmouk camp on Monday.",
     "Yarmouk Camp", 2, 0.5, None),
    ("The blast hit a bus roughly fifteen kilometres northeast of Kirkuk on Monday.",
     "Kirkuk", 2, 15, "NE"),
    ("A drone struck a car 3km west of Qamishli on Monday.", "Qamishli", 2, 3, "W"),
    ("Shelling hit a village 12 km to the south of Daraa on Monday.", "Dar‘ā", 2, 12, "S"),
    ("The militants attacked a checkpoint 2.5 km south-east of Kirkuk on Monday.",
     "Kirkuk", 2, 2.5, "SE"),
    ("Clashes were reported 150 km west of Baghdad on Monday.", "Baghdad", 3, 150, "W"),
    ("A car bomb went off a kilometre from Azaz on Monday.", "Azaz", 2, 1, None),
    ("An air strike hit a village a few kilometres from Maarat al-Numan on Monday.",
     "Maarat al-Numan", 2, 3, None),
    ("Clashes broke out some 30 kilometres (19 miles) east of Deir ez-Zor on Monday.",
     "Deir ez-Zor", 3, 30.6, "E"),
    # a direction or a cue without a distance: near the place (2), bearing when outside it
    ("Jets struck positions to the north of Aleppo on Monday.", "Aleppo", 2, None, "N"),
    ("Fighting raged in the north of Aleppo on Monday.", "Aleppo", 2, None, None),
    ("Clashes erupted near the town of Saraqib on Monday.", "Saraqib", 2, None, None),
    # a stretch: the first-named end is the anchor, one event
    ("Gunmen attacked a checkpoint on the Damascus-Homs highway on Monday.",
     "Damascus", 2, None, None),
    ("ISIS fighters clashed with regime forces between Palmyra and al-Sukhnah on Monday.",
     "Palmyra", 2, None, None),
    ("Jets struck a convoy on the road between Idlib and Saraqib on Monday.",
     "Idlib", 2, None, None),
    ("A bomb exploded on the road from Idlib to Saraqib on Monday.", "Idlib", 2, None, None),
    ("Clashes took place between the towns of Kafr Nabl and Saraqib on Monday.",
     "Kafr Nabl", 2, None, None),
    # the named place is where it happened; the distant reference only describes it
    ("Fighters attacked the town of Tal Afar, 65 kilometres west of Mosul, on Monday.",
     "Tall ‘Afar", 1, None, None),
    # a distance stated from a place beats the road the event was on, and where the road or
    # the travellers were heading
    ("Taliban militants stopped a bus on the Kabul-Kandahar highway about 20 km south of "
     "Ghazni city on Monday and abducted 14 passengers.", "Ghazni", 2, 20, "S"),
    ("Jihadists attacked a convoy about 40 km south of Djibo, on the road to Bourzanga, "
     "on Monday.", "Djibo", 3, 40, "S"),
    ("Bandits blocked the highway about 15 kilometres south of Tsafe on Wednesday and "
     "abducted 30 passengers travelling towards Gusau.", "Tsafe", 2, 15, "S"),
    # where the shells came from is no place of the shelling
    ("Turkish-backed factions advancing from the direction of Jarablus shelled villages on "
     "the outskirts of Manbij on Monday.", "Manbij", 2, None, None),
    # a town named with its district is somewhere in the district
    ("Soldiers clashed with M23 rebels around 10 km south of Kanyabayonga, in Lubero "
     "territory, on Saturday.", "Kanyobagonga", 2, 10, "S"),
])
def test_relative_location_of_the_event(ctx: Context, text: str, name: str, precision: int,
                                        offset_km: float | None, bearing: str | None) -> None:
    location = _event_location(ctx, text)
    assert (location.name, location.precision, location.bearing) == (name, precision, bearing)
    if offset_km is None:
        assert location.offset_km is None
    else:
        assert location.offset_km == pytest.approx(offset_km, abs=0.1)
    assert location.lat is not None and location.text is not None


def _places(ctx: Context, text: str) -> dict[str, PlaceMention]:
    return {m.text: m for m in find_places(ctx.nlp(text), ctx.gazetteer)}


@pytest.mark.parametrize(("text", "precisions"), [
    ("Jets bombed the Aleppo-Gaziantep road on Monday.", {"Aleppo": 2, "Gaziantep": 3}),
    ("Clashes raged between Palmyra and Homs on Monday.", {"Palmyra": 2, "Homs": 3}),
    # not stretches: two places named together, or a journey
    ("Fighters from Idlib and Hama attacked army posts on Monday.", {"Idlib": 1, "Hama": 1}),
    ("Aircraft struck Idlib and Saraqib on Monday.", {"Idlib": 1, "Saraqib": 1}),
])
def test_stretch_ends(ctx: Context, text: str, precisions: dict[str, int]) -> None:
    found = _places(ctx, text)
    assert {name: found[name].location.precision for name in precisions} == precisions


@pytest.mark.parametrize(("near_max_km", "precision"), [(25.0, 3), (50.0, 2), (29.0, 3)])
def test_distance_threshold_comes_from_settings(ctx: Context, near_max_km: float,
                                                precision: int) -> None:
    settings = load_settings()
    offsets = settings.offsets.model_copy(update={"near_max_km": near_max_km})
    gazetteer = dataclasses.replace(
        ctx.gazetteer, settings=settings.model_copy(update={"offsets": offsets}))
    doc = ctx.nlp("Clashes broke out 30 km east of Deir ez-Zor on Monday.")
    (mention,) = find_places(doc, gazetteer)
    assert (mention.location.precision, mention.location.offset_km) == (precision, 30.0)


@pytest.mark.skipif(not FAKES.is_file(), reason="FA-KES dev data (../shared/data/dev) absent")
def test_fakes_gold_file_is_consistent() -> None:
    """Every FA-KES gold span names its value in the text, at a point inside Syria."""
    documents: dict[Path, dict[str, str]] = {}
    total = 0
    for line in FAKES_GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = document_text(record, FAKES_GOLD, documents)
        for place in gold_places(record):
            total += 1
            assert text[place.begin:place.end] == place.value
            assert 32.3 <= place.lat <= 37.4 and 35.6 <= place.lon <= 42.4, place
    assert total >= 50
