"""The Arabic knowledge files (``resources/ar/*``), validated and compiled once.

Why separate from ``marsad.lexicon``: the Arabic files only add surface forms; meaning
(taxonomy, inter codes, outlet kinds) stays in the English files, keyed by canonical English
names, so the two languages cannot drift apart. Unknown names fail at load with the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from marsad.arabic.normalize import fold
from marsad.arabic.tokens import PhraseIndex
from marsad.errors import MarsadError
from marsad.lexicon import TERRITORY_GAIN, Lexicon, load_lexicon
from marsad.resources import read_csv, read_yaml, validate_items


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ArabicTrigger(_Frozen):
    sub_event_type: str
    weight: float = Field(default=0.7, ge=0, le=1)
    generic: bool = False
    unless_previous: tuple[str, ...] = ()
    unless_next: tuple[str, ...] = ()
    phrases: tuple[str, ...]


class ArabicCue(_Frozen):
    cue: str
    forms: tuple[str, ...]
    hedged: bool = False
    denial: bool = False
    prepositional: bool = False


class ArabicGenericSource(_Frozen):
    phrase: str
    source: str
    kind: str
    affiliation: str | None = None


class ArabicPlaceRow(_Frozen):
    arabic: str
    name: str
    admin1: str
    lat: float
    lon: float
    kind: str


@dataclass(frozen=True)
class ActorAlias:
    """An Arabic surface form of a canonical actor; ``adjective`` ones only follow a trigger."""

    name: str
    adjective: bool


@dataclass(frozen=True)
class SourceName:
    """An Arabic name of a source: a registered outlet or a generic one."""

    source: str
    kind: str
    affiliation: str | None
    source_type: str | None


@dataclass(frozen=True)
class Vague:
    low: int
    best: int
    high: int


@dataclass(frozen=True)
class ArabicLexicon:
    """Compiled Arabic phrase indexes and word tables."""

    triggers: PhraseIndex[ArabicTrigger]
    negation: frozenset[str]
    modal: frozenset[str]
    context_words: frozenset[str]
    context_reach: int
    context_clause_words: frozenset[str]
    peaceful: PhraseIndex[str]
    year_words: frozenset[str]
    since_words: frozenset[str]
    actors: PhraseIndex[ActorAlias]
    sources: PhraseIndex[SourceName]
    cues: PhraseIndex[ArabicCue]
    hedges: PhraseIndex[str]
    killed: PhraseIndex[str]
    injured: PhraseIndex[str]
    victims: frozenset[str]
    civilians: frozenset[str]
    number_words: PhraseIndex[int]
    multipliers: dict[str, int]
    vague: PhraseIndex[Vague]
    modifiers: PhraseIndex[str]
    casualty_window: int
    months: PhraseIndex[int]
    weekdays: PhraseIndex[int]
    relative: PhraseIndex[int]
    ago_before: frozenset[str]
    ago_units: dict[str, int]
    past_words: frozenset[str]
    places: tuple[ArabicPlaceRow, ...]
    place_names: PhraseIndex[ArabicPlaceRow]


def _words(items: Any) -> frozenset[str]:
    return frozenset(fold(str(item)) for item in items or ())


def _check_actor(name: str, lexicon: Lexicon) -> str:
    try:
        lexicon.actor(name)
    except KeyError:
        raise MarsadError(f"ar/actors.yaml: unknown actor {name!r} (not in actors.yaml)") from None
    return name


def _check_trigger(trigger: ArabicTrigger, known: set[str]) -> ArabicTrigger:
    if trigger.sub_event_type not in known:
        raise MarsadError(f"ar/triggers.yaml: unknown sub_event_type {trigger.sub_event_type!r}")
    return trigger


def _source_names(lexicon: Lexicon) -> list[tuple[str, SourceName]]:
    entries: list[tuple[str, SourceName]] = []
    for name, aliases in (read_yaml("ar/outlets.yaml")["outlets"] or {}).items():
        outlet = lexicon.outlet(name)
        if outlet is None:
            raise MarsadError(f"ar/outlets.yaml: unknown outlet {name!r} (not in outlets.yaml)")
        source = SourceName(source=outlet.name, kind=outlet.kind,
                            affiliation=outlet.affiliation, source_type=outlet.type)
        entries += [(alias, source) for alias in aliases]
    cues_file = read_yaml("ar/cues.yaml")
    for generic in validate_items("ar/cues.yaml", cues_file["generic_sources"],
                                  ArabicGenericSource):
        entries.append((generic.phrase, SourceName(
            source=generic.source, kind=generic.kind, affiliation=generic.affiliation,
            source_type=None)))
    return entries


@cache
def load_arabic_lexicon() -> ArabicLexicon:
    """Read, check against the English files and compile the Arabic resources (once)."""
    english = load_lexicon()
    known = set(english.sub_event_names()) | {TERRITORY_GAIN}
    trigger_file = read_yaml("ar/triggers.yaml")
    triggers = [_check_trigger(t, known) for t in validate_items(
        "ar/triggers.yaml", trigger_file["triggers"], ArabicTrigger)]
    actor_entries: list[tuple[str, ActorAlias]] = []
    for name, forms in (read_yaml("ar/actors.yaml")["actors"] or {}).items():
        _check_actor(name, english)
        actor_entries += [(a, ActorAlias(name, False)) for a in forms.get("aliases") or ()]
        actor_entries += [(a, ActorAlias(name, True)) for a in forms.get("adjectives") or ()]
    cues_file = read_yaml("ar/cues.yaml")
    cues = validate_items("ar/cues.yaml", cues_file["cues"], ArabicCue)
    casualty_file = read_yaml("ar/casualties.yaml")
    dates_file = read_yaml("ar/dates.yaml")
    places = tuple(read_csv("ar/places.csv", ArabicPlaceRow))
    return ArabicLexicon(
        triggers=PhraseIndex((p, t) for t in triggers for p in t.phrases),
        negation=_words(trigger_file.get("negation")),
        modal=_words(trigger_file.get("modal")),
        context_words=_words((trigger_file.get("context") or {}).get("words")),
        context_reach=int((trigger_file.get("context") or {}).get("reach", 3)),
        context_clause_words=_words((trigger_file.get("context") or {}).get("clause_words")),
        peaceful=PhraseIndex((p, p) for p in trigger_file.get("peaceful") or ()),
        year_words=_words((trigger_file.get("historical") or {}).get("year_words")),
        since_words=_words((trigger_file.get("historical") or {}).get("since_words")),
        actors=PhraseIndex(actor_entries),
        sources=PhraseIndex(_source_names(english)),
        cues=PhraseIndex((form, cue) for cue in cues for form in cue.forms),
        hedges=PhraseIndex((h, h) for h in cues_file.get("hedges") or ()),
        killed=PhraseIndex((w, "killed") for w in casualty_file["killed"]),
        injured=PhraseIndex((w, "injured") for w in casualty_file["injured"]),
        victims=_words(casualty_file["victims"]),
        civilians=_words(casualty_file["civilians"]),
        number_words=PhraseIndex((str(w), int(v))
                                 for w, v in casualty_file["number_words"].items()),
        multipliers={fold(str(w)): int(v) for w, v in casualty_file["multipliers"].items()},
        vague=PhraseIndex((p, Vague(v["low"], v["best"], v["high"]))
                          for v in casualty_file["vague"] for p in v["phrases"]),
        modifiers=PhraseIndex((p, kind) for kind, phrases in casualty_file["modifiers"].items()
                              for p in phrases),
        casualty_window=int(casualty_file.get("window", 4)),
        months=PhraseIndex((n, int(m)) for m, names in dates_file["months"].items()
                           for n in names),
        weekdays=PhraseIndex((n, int(d)) for d, names in dates_file["weekdays"].items()
                             for n in names),
        relative=PhraseIndex(((str(p), int(d)) for p, d in dates_file["relative"].items()),
                            strip_article=False),
        ago_before=_words(dates_file["ago"]["before"]),
        ago_units={fold(str(u)): int(d) for u, d in dates_file["ago"]["units"].items()},
        past_words=_words(dates_file.get("past_words")),
        places=places,
        place_names=PhraseIndex((name, row) for row in places for name in row.arabic.split("|")),
    )
