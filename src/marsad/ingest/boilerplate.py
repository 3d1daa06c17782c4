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

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from marsad.errors import MarsadError
from marsad.resources import read_yaml, validate_items, validate_section

BOILERPLATE_FILE = "boilerplate.yaml"

PatternKind = Literal["appeal", "boilerplate", "link", "caption"]

OPENING_PUNCTUATION = "\"“‘'(["
"""What may come before a word's first letter ('"Over the past two days'')."""


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


class RunInList(BaseModel):
    """One kind of list run into a line of prose (``boilerplate.yaml`` ``run_in_lists``):
    the cue that opens it and what tells where the article's sentence after it starts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cues: tuple[str, ...]
    max_words: int = Field(gt=0)
    skip_words: int = Field(default=0, ge=0)
    sentence_words: frozenset[str] = frozenset()
    title_words: frozenset[str] | None = None
    may_end_line: bool = False
    note: str | None = None

    @field_validator("cues")
    @classmethod
    def _cues_compile(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_check_regex(cue) for cue in cues)

    @model_validator(mode="after")
    def _one_way_to_end(self) -> RunInList:
        if bool(self.sentence_words) == (self.title_words is not None):
            raise ValueError("give either sentence_words (a list may hold any lower-case "
                             "word but these) or title_words (only these)")
        return self

    def ends_run(self, word: str) -> bool:
        """A lower-case word the list cannot hold: the article's sentence has begun."""
        bare = word.lstrip(OPENING_PUNCTUATION)
        if not bare or not bare[0].islower():
            return False
        if self.title_words is not None:
            return bare not in self.title_words
        return bare in self.sentence_words


class RunInLists(BaseModel):
    """``boilerplate.yaml`` ``run_in_lists``: the kinds of run-in lists, in the order they are
    cut, and the words that open a sentence and are never part of a list."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence_openers: frozenset[str]
    kinds: dict[str, RunInList]


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
def load_run_in_lists() -> RunInLists:
    """The rules of ``run_in_lists`` (none when the file has no such section)."""
    item = _boilerplate_data().get("run_in_lists")
    if item is None:
        return RunInLists(sentence_openers=frozenset(), kinds={})
    return validate_section(BOILERPLATE_FILE, "run_in_lists", item, RunInLists)


@cache
def run_in_cues() -> tuple[tuple[RunInList, re.Pattern[str]], ...]:
    """Each kind of run-in list with its cues as one case-sensitive alternation."""
    return tuple((kind, re.compile("|".join(f"(?:{cue})" for cue in kind.cues)))
                 for kind in load_run_in_lists().kinds.values())
