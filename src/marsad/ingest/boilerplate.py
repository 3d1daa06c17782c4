"""The cues of page furniture, read from ``resources/boilerplate.yaml`` and checked.

Why a module of its own: two cleaners read the file (whole lines in ``clean``, furniture run
into a line in ``run_in``), and an analyst's typo in a regular expression or a word list must
fail with the file and entry named, once, when the file is first read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from marsad.errors import MarsadError
from marsad.resources import read_yaml, validate_items, validate_section

BOILERPLATE_FILE = "boilerplate.yaml"

PatternKind = Literal["appeal", "boilerplate", "link", "caption"]


def _check_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as err:
        raise ValueError(f"invalid regular expression: {err}") from err
    return pattern


class _CueEntry(BaseModel):
    """What every ``boilerplate.yaml`` entry has: a regular expression and where it was seen."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str
    note: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        return _check_regex(pattern)


class BoilerplateEntry(_CueEntry):
    """One entry of ``boilerplate.yaml`` ``patterns``: a line cue, its kind and line limit."""

    kind: PatternKind
    max_chars: int = Field(default=200, gt=0)


class TrailerEntry(_CueEntry):
    """One entry of ``boilerplate.yaml`` ``run_in_trailers``: a cue of furniture run into a
    line, and whether the article surely ends there."""

    ends_article: bool = False


class TagListRules(BaseModel):
    """``boilerplate.yaml`` ``run_in_tag_lists``: where a tag list run into a line starts,
    and the words that tell where the article's sentence after it starts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cues: tuple[str, ...]
    max_words: int = Field(gt=0)
    sentence_openers: frozenset[str]
    sentence_words: frozenset[str]
    note: str | None = None

    @field_validator("cues")
    @classmethod
    def _cues_compile(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_check_regex(cue) for cue in cues)


@dataclass(frozen=True)
class LinePattern:
    """A compiled cue: a line at most ``max_chars`` long matching ``regex`` is ``kind``."""

    kind: PatternKind
    regex: re.Pattern[str]
    max_chars: int


@cache
def _boilerplate_data() -> dict[str, object]:
    data = read_yaml(BOILERPLATE_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise MarsadError(f"{BOILERPLATE_FILE}: expected a mapping with a 'patterns' list")
    return data


@cache
def load_line_patterns() -> tuple[LinePattern, ...]:
    """Load and validate the cues of ``boilerplate.yaml`` (cached: resources are read-only)."""
    patterns = _boilerplate_data()["patterns"]
    assert isinstance(patterns, list)  # checked by _boilerplate_data
    entries = validate_items(BOILERPLATE_FILE, patterns, BoilerplateEntry)
    return tuple(
        LinePattern(entry.kind, re.compile(entry.pattern, re.IGNORECASE), entry.max_chars)
        for entry in entries
    )


@cache
def load_trailer_patterns() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The case-sensitive cues where furniture runs into a line (``run_in_trailers``), each
    with whether the article surely ends there."""
    items = _boilerplate_data().get("run_in_trailers") or []
    if not isinstance(items, list):
        raise MarsadError(f"{BOILERPLATE_FILE}: 'run_in_trailers' must be a list")
    entries = validate_items(BOILERPLATE_FILE, items, TrailerEntry)
    return tuple((re.compile(entry.pattern), entry.ends_article) for entry in entries)


@cache
def load_tag_list_rules() -> TagListRules | None:
    """The rules of ``run_in_tag_lists``, or None when the file has none."""
    item = _boilerplate_data().get("run_in_tag_lists")
    if item is None:
        return None
    return validate_section(BOILERPLATE_FILE, "run_in_tag_lists", item, TagListRules)


@cache
def tag_list_cue() -> re.Pattern[str] | None:
    """The tag-list cues as one case-sensitive alternation."""
    rules = load_tag_list_rules()
    if rules is None:
        return None
    return re.compile("|".join(f"(?:{cue})" for cue in rules.cues))
