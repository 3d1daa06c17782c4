"""Infer when an article was published from its own text, when nobody told us.

Why: an event's date is usually relative ("on Monday"), so a missing publication date
makes every event date unknown. News text carries good evidence: the date of the lead
photo's caption (the article is published on or after it), a dateline at the start
("DAMASCUS, April 5 (Reuters) -"), or at least the explicit dates it mentions.

Pure: no clock, no network. Candidate strings are found with the patterns of
``resources/publication_dates.yaml`` (stamp words, dateline and header shapes, the words that
put a date inside a sentence; month and weekday names from ``time_expressions.yaml``) and
month-name dates are parsed with dateparser (restricted to English, no relative dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

import dateparser
from pydantic import BaseModel, ConfigDict, Field

from marsad.errors import MarsadError
from marsad.extractors.time import calendar_names
from marsad.extractors.time import find_dates as find_date_mentions
from marsad.resources import read_yaml, validate_items

PUBLICATION_FILE = "publication_dates.yaml"
DEFAULT_LANGUAGE = "en"

CAPTION_CREDIT_RE = re.compile(r"\((?P<credit>[^()]{2,40})\)\s*$")
"""A photo credit in brackets closing a line: '... – May 6. 2018 (Damascus Now)'."""

_SENTENCE_END_RE = re.compile(r"[.!?…\"”’]\s*$")

_PARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
}


# ----------------------------------------------------------------------------------------
# The resource file: words and date shapes of stamps, datelines and headers


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Settings(_Model):
    min_year: int = Field(ge=1)
    caption_max_chars: int = Field(ge=1)
    caption_horizon_days: int = Field(ge=0)
    early_chars: int = Field(ge=1)
    two_digit_year_pivot: int = Field(ge=0, le=99)


class _Parts(_Model):
    day: str
    year4: str
    year_any: str
    iso: str
    numeric: str


class _Patterns(_Model):
    full_dates: list[str] = Field(min_length=1)
    dateline_prefix: str
    datelines: list[str] = Field(min_length=1)
    stamp_prefix: str
    stamps: list[str] = Field(min_length=1)
    weekday_headers: list[str]
    header_followers: list[str] = Field(min_length=1)


class _Section(_Model):
    settings: _Settings
    weekday_abbreviations: list[str]
    stamp_words: list[str] = Field(min_length=1)
    stamp_joiners: list[str]
    prose_words: list[str]
    parts: _Parts
    patterns: _Patterns


class _PublicationFile(_Model):
    languages: dict[str, _Section] = Field(min_length=1)


@dataclass(frozen=True)
class _Rules:
    """One language's section with its patterns compiled (built once per language)."""

    settings: _Settings
    prose_words: frozenset[str]
    full_dates: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...]
    stamps: tuple[re.Pattern[str], ...]
    weekday_headers: tuple[re.Pattern[str], ...]
    header_next: re.Pattern[str]


def _alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of words, longest first; a space matches any run of spaces."""
    unique = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


def _fill(template: str, slots: dict[str, str]) -> str:
    """Replace the <placeholders> of a pattern template; an unknown one is an error."""
    def slot(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in slots:
            raise MarsadError(f"{PUBLICATION_FILE}: unknown placeholder <{name}> in {template!r}")
        return slots[name]
    return re.sub(r"<(\w+)>", slot, template)


def _compile(name: str, source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(source, flags)
    except re.error as err:
        raise MarsadError(f"{PUBLICATION_FILE}: pattern {name} is not a valid regular "
                          f"expression: {err}") from err


@cache
def _rules(language: str = DEFAULT_LANGUAGE) -> _Rules:
    """Load ``publication_dates.yaml`` and compile one language's patterns (once)."""
    sections = validate_items(PUBLICATION_FILE, [read_yaml(PUBLICATION_FILE)],
                              _PublicationFile)[0].languages
    if language not in sections:
        raise MarsadError(f"{PUBLICATION_FILE}: no section for language {language!r}")
    data = sections[language]
    months, weekdays = calendar_names(language)
    parts = data.parts
    slots = {
        "day": parts.day, "year4": parts.year4, "year_any": parts.year_any,
        "iso": parts.iso, "numeric": parts.numeric,
        "month": f"(?P<month>{_alternation(set(months))})",
        "weekday": f"(?:{_alternation(set(weekdays) | set(data.weekday_abbreviations))})"
                   r"\.?,?",
        "stamp_words": _alternation(data.stamp_words),
        "stamp_joiners": _alternation(data.stamp_joiners) or "(?!)",
    }
    patterns = data.patterns
    slots["dateline_prefix"] = _fill(patterns.dateline_prefix, slots)
    slots["stamp_prefix"] = _fill(patterns.stamp_prefix, slots)

    def compiled(name: str, templates: list[str], prefix: str = "") -> tuple[re.Pattern[str], ...]:
        return tuple(_compile(f"{name}[{index}]", _fill(prefix + template, slots))
                     for index, template in enumerate(templates))

    followers = "|".join(f"(?:{_fill(f, slots)})" for f in patterns.header_followers)
    return _Rules(
        settings=data.settings,
        prose_words=frozenset(w.lower() for w in data.prose_words),
        full_dates=compiled("full_dates", patterns.full_dates),
        datelines=compiled("datelines", patterns.datelines, "<dateline_prefix>"),
        stamps=compiled("stamps", patterns.stamps, "<stamp_prefix>"),
        weekday_headers=compiled("weekday_headers", patterns.weekday_headers),
        header_next=_compile("header_followers", rf"\s*(?:{followers})", flags=0),
    )


@dataclass(frozen=True)
class FoundDate:
    """A full calendar date found in text, with the exact string it came from."""

    date: dt.date
    text: str
    start: int
    end: int


PublicationSource = Literal["stamp", "caption", "dateline", "header", "latest"]
"""Which evidence gave an inferred publication date, strongest first."""

@dataclass(frozen=True)
class PublicationEvidence:
    """An inferred publication date, the string that gave it and the kind of evidence."""

    date: dt.date
    text: str
    source: PublicationSource


def infer_published(text: str) -> tuple[dt.date, str] | None:
    """Infer the publication date of an article from its text, with the evidence used.

    The (date, evidence string) form of ``infer_publication``; see there for the order.
    """
    found = infer_publication(text)
    return None if found is None else (found.date, found.text)


def infer_publication(text: str) -> PublicationEvidence | None:
    """Infer the publication date of an article from its text, saying what it rests on.

    Order of trust: a publication stamp ("Published: 6 May 2018"); the latest dated photo
    caption, moved to the latest explicit day the text reports within
    ``caption_horizon_days`` after it (a caption only bounds the date from below); a dateline
    opening the article ("DAMASCUS, April 5 (Reuters) -", "21.08.2013", "Wed 05 Apr 2017");
    a header date in the first ``early_chars`` (after a title or agency name: "... Reuters
    Monday 2 Feb 2015", "... Middle East 1449 09.04.2017"); the latest explicit full date in
    the text. Returns None when the text holds no usable date: we never guess from a clock.
    The words and date shapes of each kind of evidence are in ``publication_dates.yaml``.
    """
    rules = _rules()
    stamp = _first_match(rules.stamps, text)
    if stamp:
        return PublicationEvidence(stamp.date, stamp.text, "stamp")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    captioned = [(found, line) for line in lines if (found := caption_date(line))]
    if captioned:
        found, line = max(captioned, key=lambda pair: pair[0].date)
        return PublicationEvidence(_after_caption(text, found.date), line, "caption")
    dates = find_dates(text)
    latest = max(dates, key=lambda found: found.date, default=None)
    for line in lines[:2]:
        dateline = dateline_date(line, fallback_year=latest.date.year if latest else None)
        if dateline:
            return PublicationEvidence(dateline.date, dateline.text, "dateline")
    early = rules.settings.early_chars
    header = _first_match(rules.weekday_headers, text[:early]) or next(
        (found for found in dates if found.start < early and _is_header(text, found)), None)
    if header:
        return PublicationEvidence(header.date, header.text, "header")
    if latest:
        return PublicationEvidence(latest.date, latest.text, "latest")
    return None


def _is_header(text: str, found: FoundDate) -> bool:
    """Tell a header date from one in a sentence: a header date is not governed by a word
    ("on", "since", "of") and is followed by a time, an agency, a title or nothing.

    "... Raqqa 21 November 2016 SANA Aircrafts ..." and "... Military 07-08-2013 0147 PM"
    are headers; "... was lifted on 7 May 2018, residents said" is prose.
    """
    rules = _rules()
    before = text[max(0, found.start - 12):found.start].split()
    if before and before[-1].lower().strip(",") in rules.prose_words:
        return False
    return rules.header_next.match(text, found.end) is not None


def _after_caption(text: str, caption_day: dt.date) -> dt.date:
    """The latest explicit day the text reports, up to ``caption_horizon_days`` after a
    caption (a caption dates the photo; the article follows it, never by more than that).

    The seed article's caption says 6 May and its text "Monday 7 May": it was published on
    or after 7 May. Day-precise explicit dates only ("7 May", "Monday 7 May"), read with the
    horizon as their anchor so a year-less date takes the caption's year.
    """
    horizon = caption_day + dt.timedelta(days=_rules().settings.caption_horizon_days)
    days = [mention.start for mention in find_date_mentions(text, horizon)
            if mention.kind == "explicit" and mention.precision == 1
            and caption_day <= mention.start <= horizon]
    return max(days, default=caption_day)


def find_dates(text: str) -> list[FoundDate]:
    """Find every explicit full date (day, month and year) in ``text``, in text order."""
    found: dict[int, FoundDate] = {}
    for pattern in _rules().full_dates:
        for match in pattern.finditer(text):
            parsed = _parse_match(match)
            if parsed and match.start() not in found:
                found[match.start()] = FoundDate(parsed, match.group(0), *match.span())
    return [found[start] for start in sorted(found)]


def _first_match(patterns: tuple[re.Pattern[str], ...], text: str) -> FoundDate | None:
    """Return the earliest-placed parsable date that any of ``patterns`` finds in ``text``."""
    found = [
        FoundDate(parsed, match.group(0).strip(), *match.span())
        for pattern in patterns
        for match in pattern.finditer(text)
        if (parsed := _parse_match(match))
    ]
    return min(found, key=lambda item: item.start, default=None)


def caption_date(line: str) -> FoundDate | None:
    """Return the date of a dated photo caption line, or None if ``line`` is not one.

    A caption is a short line closed by a bracketed credit, not a sentence, holding a date.
    """
    if not looks_like_credited_caption(line):
        return None
    dates = find_dates(line)
    return max(dates, key=lambda found: found.date) if dates else None


def looks_like_credited_caption(line: str) -> bool:
    """Say whether ``line`` has the shape of a photo caption ending in '(Credit)'."""
    match = CAPTION_CREDIT_RE.search(line)
    if match is None or len(line) > _rules().settings.caption_max_chars:
        return False
    before = line[: match.start()].rstrip()
    # A caption describes a photo in words: "(REPORTER) (QUESTION INDISTINCT)" is not one.
    return (len(before.split()) >= 2 and not before.startswith("(")
            and not _SENTENCE_END_RE.search(before))


def dateline_date(line: str, *, fallback_year: int | None = None) -> FoundDate | None:
    """Return the date of a dateline opening ``line`` ('DAMASCUS, April 5 (Reuters) -').

    A dateline without a year takes ``fallback_year`` (the year of the latest full date
    in the article), or gives nothing when there is none: we never guess from a clock.
    """
    for pattern in _rules().datelines:
        match = pattern.search(line)
        if match is None:
            continue
        if match.groupdict().get("monthnum"):
            if parsed := _parse_match(match):
                return FoundDate(parsed, match.group(0).strip(), *match.span())
            continue
        # A lower-case "may" is the verb ("Troops, 10 may have died"), not the month.
        if not match.group("month")[0].isupper():
            continue
        year = _expand_year(match.group("year"), fallback_year)
        if year is None:
            continue
        parsed = parse_date(match.group("day"), match.group("month"), year)
        if parsed:
            return FoundDate(parsed, match.group(0).strip(), *match.span())
    return None


def parse_date(day: str, month: str, year: int) -> dt.date | None:
    """Parse a day, month name or number, and year into a date (None if impossible)."""
    if year < _rules().settings.min_year:
        return None
    return _parse_normalised(f"{int(day)} {month.rstrip('.')} {year}")


@cache
def _parse_normalised(candidate: str) -> dt.date | None:
    parsed = dateparser.parse(candidate, languages=["en"], settings=_PARSER_SETTINGS)
    if parsed is None or parsed.year < _rules().settings.min_year:
        return None
    return parsed.date()


def _parse_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = groups.get("month") or groups.get("monthnum")
    if month is None:
        return None
    if groups.get("monthnum"):
        # Numeric dates need no dateparser heuristics: ISO is year-month-day, the others
        # day first unless the month position holds a day ("04/19/2018").
        day, month_number = int(groups["day"]), int(month)
        if month_number > 12 >= day:
            day, month_number = month_number, day
        try:
            return dt.date(int(groups["year"]), month_number, day)
        except ValueError:
            return None
    return parse_date(groups["day"], month, int(groups["year"]))


def _expand_year(year: str | None, fallback_year: int | None) -> int | None:
    if year is None:
        return fallback_year
    digits = year.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    # Two-digit years appear in wire datelines ("4 FEB 90"); pivot as wire archives do.
    number = int(digits)
    return 1900 + number if number >= _rules().settings.two_digit_year_pivot else 2000 + number
