"""Infer when an article was published from its own text, when nobody told us.

Why: an event's date is usually relative ("on Monday"), so a missing publication date
makes every event date unknown. News text carries good evidence: the date of the lead
photo's caption (the article is published on or after it), a dateline at the start
("DAMASCUS, April 5 (Reuters) -"), or at least the explicit dates it mentions.

Pure: no clock, no network. Candidate strings are found with the regexes below and parsed
with dateparser (restricted to English, no relative dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

import dateparser

from marsad.extractors.time import find_dates as find_date_mentions

MIN_YEAR = 1900
"""Years before this are page numbers, casualty counts or ids, not publication years."""

CAPTION_MAX_CHARS = 300
"""Photo captions are one short line; longer lines are prose that happens to end in '(X)'."""

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<year>(?:19|20)\d\d)"
_YEAR_ANY = r"(?P<year>(?:19|20)\d\d|'?\d\d)"

# "6 May 2018", "06 May, 2018", "6th of May 2018"
_DAY_MONTH_YEAR = rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR4}\b"
# "May 6, 2018", "May 6. 2018" (Enab Baladi captions), "May 6th 2018"
_MONTH_DAY_YEAR = rf"\b{_MONTH}\.?\s+{_DAY}[.,]?\s+{_YEAR4}\b"
# "2018-05-06"
_ISO = r"\b(?P<year>(?:19|20)\d\d)-(?P<monthnum>[01]\d)-(?P<day>[0-3]\d)\b"
# "21.08.2013", "15-09-2013", "19/04/2018": day first (the order of every outlet we read);
# month first only when the second number cannot be a month ("04/19/2018"). Scrapes glue
# the next word on ("09.04.2017Get short URL"), so only digits may not follow.
_NUMERIC = (r"(?<![\d.:/-])(?P<day>[0-3]?\d)(?P<sep>[./-])(?P<monthnum>[0-3]?\d)(?P=sep)"
            r"(?P<year>(?:19|20)\d\d)(?![\d.:/-]\d|\d)")

FULL_DATE_RES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO, _NUMERIC)
)

# A dateline opens the first paragraph: optional PLACE, optional weekday, a date whose
# year may be missing or two-digit ("BEIRUT, 4 FEB 90 (ACAN-EFE)").
_DATELINE_PREFIX = rf"^\W{{0,3}}(?:[A-Z][\w.'’ -]{{1,40}},\s*)?(?:{_WEEKDAY}\s+)?"
DATELINE_RES = tuple(
    re.compile(_DATELINE_PREFIX + pattern, re.IGNORECASE)
    for pattern in (
        rf"{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?(?:\s+{_YEAR_ANY})?\b",
        rf"{_MONTH}\.?\s+{_DAY}(?:[.,]?\s+{_YEAR_ANY})?\b",
    )
)
NUMERIC_DATELINE_RE = re.compile(_DATELINE_PREFIX + _NUMERIC)

# A publication stamp states the date outright: "Published: 6 May 2018", "Last updated at
# Apr 23 2017" (scrapes glue day and year: "Apr 232017"). Trusted before anything else.
_STAMP_PREFIX = (
    rf"\b(?:(?:last\s+)?(?:updated|published|posted|modified)|date\s+of\s+publication)"
    rf"(?:\s+(?:on|at))?\s*:?\s*"
    rf"(?:{_WEEKDAY}\s+)?"
)
STAMP_RES = tuple(
    re.compile(_STAMP_PREFIX + pattern, re.IGNORECASE)
    for pattern in (
        rf"{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR4}\b",
        rf"{_MONTH}\.?\s+{_DAY}[.,]?\s*{_YEAR4}\b",
        _ISO,
    )
)

# A weekday-dated full date early in the text is a dateline even after a title or
# agency name ("Syria air strikes kill 32 Monitor AFP Monday 2 Feb 2015 Syrian ...").
EARLY_CHARS = 300
WEEKDAY_DATE_RES = tuple(
    re.compile(rf"\b{_WEEKDAY}\s+" + pattern, re.IGNORECASE)
    for pattern in (
        rf"{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR4}\b",
        rf"{_MONTH}\.?\s+{_DAY}[.,]?\s+{_YEAR4}\b",
    )
)

CAPTION_CREDIT_RE = re.compile(r"\((?P<credit>[^()]{2,40})\)\s*$")
"""A photo credit in brackets closing a line: '... – May 6. 2018 (Damascus Now)'."""

_SENTENCE_END_RE = re.compile(r"[.!?…\"”’]\s*$")

_PARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
}


@dataclass(frozen=True)
class FoundDate:
    """A full calendar date found in text, with the exact string it came from."""

    date: dt.date
    text: str
    start: int
    end: int


PublicationSource = Literal["stamp", "caption", "dateline", "header", "latest"]
"""Which evidence gave an inferred publication date, strongest first."""

CAPTION_HORIZON = dt.timedelta(days=31)
"""A caption dates the photo: the article may follow it by up to this long (and then is
dated by the latest explicit day it reports, never by one further out)."""


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
    caption, moved to the latest explicit day the text reports within ``CAPTION_HORIZON``
    after it (a caption only bounds the date from below); a dateline opening the article
    ("DAMASCUS, April 5 (Reuters) -", "21.08.2013", "Wed 05 Apr 2017"); a header date in
    the first ``EARLY_CHARS`` (after a title or agency name: "... Reuters Monday 2 Feb 2015",
    "... Middle East 1449 09.04.2017"); the latest explicit full date in the text. Returns
    None when the text holds no usable date: we never guess from a clock.
    """
    stamp = _first_match(STAMP_RES, text)
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
    header = _first_match(WEEKDAY_DATE_RES, text[:EARLY_CHARS]) or next(
        (found for found in dates if found.start < EARLY_CHARS and _is_header(text, found)),
        None)
    if header:
        return PublicationEvidence(header.date, header.text, "header")
    if latest:
        return PublicationEvidence(latest.date, latest.text, "latest")
    return None


_HEADER_NEXT = re.compile(r"\s*(?:\(|[A-Z]{2,}\b|\d{3,4}\b|(?:at\s+)?\d{1,2}:\d\d|[A-Z]\w*\s+[A-Z]"
                          r"|Get\b|$)")


def _is_header(text: str, found: FoundDate) -> bool:
    """Tell a header date from one in a sentence: a header date is not governed by a word
    ("on", "since", "of") and is followed by a time, an agency, a title or nothing.

    "... Raqqa 21 November 2016 SANA Aircrafts ..." and "... Military 07-08-2013 0147 PM"
    are headers; "... was lifted on 7 May 2018, residents said" is prose.
    """
    before = text[max(0, found.start - 12):found.start].split()
    if before and before[-1].lower().strip(",") in _PROSE_WORDS:
        return False
    return _HEADER_NEXT.match(text, found.end) is not None


_PROSE_WORDS = frozenset({"on", "since", "of", "from", "until", "till", "to", "by", "before",
                          "after", "between", "and", "dated", "in", "the"})


def _after_caption(text: str, caption_day: dt.date) -> dt.date:
    """The latest explicit day the text reports, up to ``CAPTION_HORIZON`` after a caption.

    The seed article's caption says 6 May and its text "Monday 7 May": it was published on
    or after 7 May. Day-precise explicit dates only ("7 May", "Monday 7 May"), read with the
    horizon as their anchor so a year-less date takes the caption's year.
    """
    horizon = caption_day + CAPTION_HORIZON
    days = [mention.start for mention in find_date_mentions(text, horizon)
            if mention.kind == "explicit" and mention.precision == 1
            and caption_day <= mention.start <= horizon]
    return max(days, default=caption_day)


def find_dates(text: str) -> list[FoundDate]:
    """Find every explicit full date (day, month and year) in ``text``, in text order."""
    found: dict[int, FoundDate] = {}
    for pattern in FULL_DATE_RES:
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
    if match is None or len(line) > CAPTION_MAX_CHARS:
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
    numeric = NUMERIC_DATELINE_RE.search(line)
    if numeric and (parsed := _parse_match(numeric)):
        return FoundDate(parsed, numeric.group(0).strip(), *numeric.span())
    for pattern in DATELINE_RES:
        match = pattern.search(line)
        # A lower-case "may" is the verb ("Troops, 10 may have died"), not the month.
        if match is None or not match.group("month")[0].isupper():
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
    if year < MIN_YEAR:
        return None
    return _parse_normalised(f"{int(day)} {month.rstrip('.')} {year}")


@cache
def _parse_normalised(candidate: str) -> dt.date | None:
    parsed = dateparser.parse(candidate, languages=["en"], settings=_PARSER_SETTINGS)
    if parsed is None or parsed.year < MIN_YEAR:
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
    return 1900 + number if number >= 40 else 2000 + number
