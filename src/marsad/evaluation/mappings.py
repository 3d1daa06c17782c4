"""Label crosswalks between our ACLED-style output and the gold label sets (``eval_mappings.yaml``).

Why a separate module: the evaluation must translate, not re-extract. Every decision of the form
"our X counts as their Y" lives in the YAML file so analysts can review it; this module only
validates the file and applies it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from marsad.errors import MarsadError
from marsad.model import Actor, Event
from marsad.resources import read_yaml

MAPPINGS_FILE = "eval_mappings.yaml"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GovernorateEntry(_Frozen):
    gold: str
    spellings: tuple[str, ...]


class ActorClassEntry(_Frozen):
    class_: str = Field(alias="class")
    names: tuple[str, ...]


class CauseEntry(_Frozen):
    cause: str
    sub_event_types: tuple[str, ...]


class ExecutionRule(_Frozen):
    cause: str
    sub_event_types: tuple[str, ...]
    cues: tuple[str, ...]


class EvalMappings(_Frozen):
    """The validated content of ``eval_mappings.yaml``."""

    version: int
    input_fields: dict[str, tuple[str, ...]]
    governorate_articles: tuple[str, ...]
    governorate_suffixes: tuple[str, ...]
    governorates: tuple[GovernorateEntry, ...]
    actor_classes: tuple[ActorClassEntry, ...]
    actor_class_for_inter: dict[int, str]
    actor_class_fallback_inter: dict[int, str]
    actor_class_default: str
    causes: tuple[CauseEntry, ...]
    execution: ExecutionRule
    cause_default: str
    case2021_codes: dict[str, str]
    case2021_non_acled: tuple[str, ...]
    muc4_incident_types: dict[str, tuple[str, ...]]


@cache
def load_mappings() -> EvalMappings:
    """Read and validate ``eval_mappings.yaml`` once, naming the bad key on failure."""
    data = read_yaml(MAPPINGS_FILE)
    try:
        return EvalMappings.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise MarsadError(f"{MAPPINGS_FILE}: {where}: {first['msg']}") from err


def _fold(text: str) -> str:
    """Lower-case and strip accents, keeping letters, digits and single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    plain = re.sub(r"['\u2019`]", "", plain)  # Dar'a -> dara: apostrophes join, not split
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def normalise_governorate_name(name: str) -> str:
    """Reduce a governorate spelling to a comparable key ("Al-Hasakah" -> "hasakah")."""
    mappings = load_mappings()
    words = _fold(name).split()
    if len(words) > 1 and words[0] in mappings.governorate_articles:
        words = words[1:]
    while len(words) > 1 and words[-1] in mappings.governorate_suffixes:
        words = words[:-1]
    return "".join(words)


@cache
def _governorate_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in load_mappings().governorates:
        for spelling in (entry.gold, *entry.spellings):
            index[normalise_governorate_name(spelling)] = entry.gold
    return index


def governorate_class(name: str | None) -> str | None:
    """Map any spelling of a Syrian governorate to its FA-KES value; None stays None.

    An unknown name comes back folded ("United States" -> "united states"), so it is scored
    as a (wrong) prediction rather than silently dropped.
    """
    if name is None or not name.strip():
        return None
    return _governorate_index().get(normalise_governorate_name(name), _fold(name))


@cache
def _actor_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for entry in load_mappings().actor_classes:
        alternatives = "|".join(re.escape(_fold(name)) for name in entry.names)
        patterns.append((entry.class_, re.compile(rf"\b(?:{alternatives})\b")))
    return tuple(patterns)


def actor_class(actor: Actor | None) -> str:
    """Map our actor1 to one of the 7 VDC perpetrator classes used by FA-KES."""
    mappings = load_mappings()
    if actor is None:
        return mappings.actor_class_default
    if actor.inter in mappings.actor_class_for_inter:
        return mappings.actor_class_for_inter[actor.inter]
    folded = _fold(actor.name)
    for class_name, pattern in _actor_patterns():
        if pattern.search(folded):
            return class_name
    return mappings.actor_class_fallback_inter.get(actor.inter, mappings.actor_class_default)


@cache
def _execution_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(_fold(cue)) for cue in load_mappings().execution.cues)
    return re.compile(rf"\b(?:{cues})")


def cause_class(event: Event | None) -> str:
    """Map an event's sub-event type (and execution wording) to a VDC cause of death. The
    wording may be in any report of the event ("has killed 33 young men ... slit the throats
    of the men")."""
    mappings = load_mappings()
    if event is None:
        return mappings.cause_default
    rule = mappings.execution
    if event.sub_event_type in rule.sub_event_types:
        words = _fold(" ".join([event.trigger.text, event.evidence.text,
                                *(mention.text for mention in event.mentions)]))
        if _execution_pattern().search(words):
            return rule.cause
    for entry in mappings.causes:
        if event.sub_event_type in entry.sub_event_types:
            return entry.cause
    return mappings.cause_default


@cache
def _case_codes_by_sub_event() -> dict[str, str]:
    return {name: code for code, name in load_mappings().case2021_codes.items()}


def case2021_code(sub_event_type: str | None) -> str:
    """Return the CASE 2021 code of one of our sub-event types ("NONE" for no event).

    A sub-event type outside the ACLED list keeps its own name, so it shows up in confusions.
    """
    if sub_event_type is None:
        return "NONE"
    return _case_codes_by_sub_event().get(sub_event_type, sub_event_type)


def input_fields(dataset: str) -> tuple[str, ...]:
    """Return the record fields of ``dataset`` that may reach the pipeline."""
    fields = load_mappings().input_fields
    if dataset not in fields:
        raise MarsadError(f"{MAPPINGS_FILE}: input_fields has no entry for dataset {dataset!r}")
    return fields[dataset]
