"""Find the date expressions of a text ("on Monday", "Thursday 19 April", "three weeks ago").

Why our own finder: the "When" of an event is written in a handful of patterns, most of them
relative to the day the article was published ("yesterday", "since Sunday"). Generic date
searchers (``dateparser.search``) are slow and match numbers that are not dates ("500
metres", "30 of the regime's soldiers"); compiled patterns built from the words in
``resources/time_expressions.yaml`` are fast, precise and extendable by analysts.

Conventions (CODEBOOK "Precision codes", ACLED time_precision):

- ``anchor`` is the reference day (publication or claim date). A date without a year, a
  weekday or a relative phrase is read as the latest such day on or before the anchor and is
  skipped when there is no anchor; full dates ("7 May 2018", "2018-05-07") never need one.
- A period that reaches past the anchor is cut at the anchor ("in May" on 8 May ends 8 May).
- Precision comes from the period the words name, before any cut: a single day -> 1, start
  and end at most 7 days apart -> 2, longer -> 3. So "early May" (days 1-10) and "in May" are
  3, "last week" and "3-5 May" are 2, "since Sunday" is 2 when Sunday is at most a week back.
- ``kind``: "explicit" names a calendar day, month or year; "weekday" a bare weekday;
  "relative" counts from the anchor ("yesterday", "three weeks ago", "last month"); "range"
  two dates joined ("3-5 May", "from Sunday to Tuesday"); "since" a date up to the anchor;
  "vague" an unspecific recent period ("in recent days", "recently"); "duration" a stretch
  ending at the anchor ("over the past two weeks").
- A weekday or fixed phrase whose possessive apostrophe a scrape dropped still names its
  day ("Saturdays blast", "yesterdays attack"; ``possessive_endings`` in the resource).
- Numeric dates are read day first ("19/04/2018"), unless the first number cannot be a month
  position ("04/19/2018" is read as 19 April).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from spacy.tokens import Token

from marsad.errors import MarsadError
from marsad.resources import read_yaml, validate_items

TIME_FILE = "time_expressions.yaml"
DEFAULT_LANGUAGE = "en"

Kind = Literal["explicit", "weekday", "relative", "range", "since", "vague", "duration"]

# Kinds that may open a range or follow "since": a day, month or year named on its own.
_POINT_KINDS = frozenset({"explicit", "weekday", "relative"})

# A day of the month, with an optional ordinal suffix ("19th").
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR_DIGITS = r"(?:1[89]|20)\d{2}"
# Not inside a number, a time or a list of figures ("1.5", "10:30", "3/4").
_NUMBER_START = r"(?<![\w.,:/%])"
# After a day number: no further digits, percent, time or decimal ("May 60", "May 6.5%").
_DAY_END = r"(?![\w%:]|[.,]\d)"


@dataclass(frozen=True)
class DateMention:
    """One date expression: where it is in the text and the period it names."""

    start_char: int
    end_char: int
    text: str
    start: date
    end: date
    precision: int
    kind: str


def dates_verb(date_root: Token, verb: Token) -> bool:
    """The date (its root token) modifies ``verb`` itself: "said on Sunday", "said Sunday",
    "Sunday's statement"; not a date of the clause the verb reports ("police said that a bomb
    went off last night": "night" hangs on "went", itself under "said")."""
    return date_root.head == verb or verb.head == date_root or (
        date_root.head.head == verb and date_root.head.dep_ in ("prep", "agent"))


# ----------------------------------------------------------------------------------------
# The resource file


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Named(_Model):
    number: int
    names: list[str] = Field(min_length=1)


class _CountWords(_Model):
    words: list[str] = Field(min_length=1)
    low: int = Field(ge=1)
    high: int = Field(ge=1)


class _Unit(_Model):
    names: list[str] = Field(min_length=1)
    days: float = Field(gt=0)
    spread_days: int = Field(ge=0)
    bare: bool = False


class _AnchoredPhrase(_Model):
    phrases: list[str] = Field(min_length=1)
    start: int = Field(le=0)
    end: int = Field(le=0)
    kind: Kind
    yields_to_date: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> _AnchoredPhrase:
        if self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class _CalendarPhrase(_Model):
    phrases: list[str] = Field(min_length=1)
    unit: Literal["week", "weekend", "month", "year"]
    offset: int = Field(le=0)
    first_days: int | None = Field(default=None, ge=1)
    kind: Kind


class _PeriodPart(_Model):
    words: list[str] = Field(min_length=1)
    month_days: tuple[int, int]
    year_months: tuple[int, int]


class _Campaigns(_Model):
    nouns: list[str] = Field(min_length=1)
    start_verbs: list[str] = Field(min_length=1)
    since_openers: list[str] = Field(min_length=1)
    window_chars: int = Field(ge=10)


class _TimeExpressions(_Model):
    months: list[_Named] = Field(min_length=12, max_length=12)
    weekdays: list[_Named] = Field(min_length=7, max_length=7)
    weekday_blockers: list[str]
    date_name_nouns: list[str] = Field(default_factory=list)
    times_of_day: list[str]
    counts: list[_CountWords]
    units: list[_Unit]
    ago_words: list[str] = Field(min_length=1)
    duration_openers: list[str]
    duration_pasts: list[str] = Field(min_length=1)
    anchored_phrases: list[_AnchoredPhrase]
    calendar_phrases: list[_CalendarPhrase]
    period_parts: list[_PeriodPart]
    month_prepositions: list[str] = Field(min_length=1)
    year_prepositions: list[str] = Field(min_length=1)
    plural_nouns: list[str]
    not_plurals: list[str]
    past_modifiers: list[str] = Field(min_length=1)
    future_modifiers: list[str] = Field(min_length=1)
    since_words: list[str] = Field(min_length=1)
    range_openers: list[str] = Field(min_length=1)
    range_joiners: list[str] = Field(min_length=1)
    campaigns: _Campaigns
    possessive_endings: list[str] = Field(default_factory=list)
    possessive_blockers: list[str] = Field(default_factory=list)
    claim_lookback_days: int = Field(ge=0)
    context_max_days: int = Field(default=31, ge=0)
    history_days: int = Field(default=365, ge=1)

    @model_validator(mode="after")
    def _numbers(self) -> _TimeExpressions:
        if sorted(m.number for m in self.months) != list(range(1, 13)):
            raise ValueError("months must be numbered 1..12 once each")
        if sorted(w.number for w in self.weekdays) != list(range(7)):
            raise ValueError("weekdays must be numbered 0..6 (Monday = 0) once each")
        return self


class _TimeFile(_Model):
    languages: dict[str, _TimeExpressions] = Field(min_length=1)


def _norm(phrase: str) -> str:
    """Lower-case a phrase and collapse its spaces: the key of every word lookup."""
    return " ".join(phrase.lower().split())


def _alternation(words: list[str], ignore_case: bool = True) -> str:
    """Build a regex alternation, longest first, where any run of spaces matches a space."""
    unique = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def _with_capitals(names: list[str]) -> list[str]:
    """Return the names followed by their all-capitals forms ("May", "MAY")."""
    return names + [n.upper() for n in names if n.upper() != n]


@dataclass(frozen=True)
class _Lexicon:
    """One language's section of the resource file with its lookups and compiled patterns."""

    language: str
    data: _TimeExpressions
    month_numbers: dict[str, int]
    weekday_numbers: dict[str, int]
    counts: dict[str, _CountWords]
    units: dict[str, _Unit]
    phrases: dict[str, _AnchoredPhrase | _CalendarPhrase]
    parts: dict[str, _PeriodPart]
    patterns: dict[str, re.Pattern[str]]


@cache
def _sections() -> dict[str, _TimeExpressions]:
    """Load and validate ``time_expressions.yaml``: one section per language (once)."""
    return validate_items(TIME_FILE, [read_yaml(TIME_FILE)], _TimeFile)[0].languages


def supported_languages() -> tuple[str, ...]:
    """The languages ``time_expressions.yaml`` has a section for ("en", ...)."""
    return tuple(sorted(_sections()))


def calendar_names(language: str = DEFAULT_LANGUAGE) -> tuple[dict[str, int], dict[str, int]]:
    """The month names (lower case -> 1..12) and weekday names (lower case -> 0..6, Monday
    = 0) of one language's section: the one list other readers of dates (publication-date
    inference) build on, so a name added for events is also known to datelines."""
    lex = _lexicon(language)
    return dict(lex.month_numbers), dict(lex.weekday_numbers)


@cache
def _lexicon(language: str = DEFAULT_LANGUAGE) -> _Lexicon:
    """The compiled lookups and patterns of one language's section (once per language)."""
    sections = _sections()
    if language not in sections:
        raise MarsadError(f"{TIME_FILE}: no section for language {language!r} "
                          f"(have: {', '.join(sorted(sections))})")
    data = sections[language]
    month_numbers = {_norm(n): m.number for m in data.months for n in m.names}
    # Names match as written or in capitals (wire copy such as MUC-4 is all upper case);
    # never in lower case, which keeps out the verb "may".
    full_months = _with_capitals([m.names[0] for m in data.months])
    short_months = _with_capitals([n for m in data.months for n in m.names[1:]])
    phrases: dict[str, _AnchoredPhrase | _CalendarPhrase] = {}
    entries: list[_AnchoredPhrase | _CalendarPhrase] = [*data.anchored_phrases,
                                                          *data.calendar_phrases]
    for entry in entries:
        phrases.update({_norm(p): entry for p in entry.phrases})
    words = {
        "month_full": _alternation(full_months, ignore_case=False),
        "month_any": "(?:{}|{})".format(
            _alternation(full_months, ignore_case=False)[3:-1],
            "|".join(f"{re.escape(n)}\\.?" for n in sorted(short_months, key=len,
                                                             reverse=True))),
        "weekday": _alternation(_with_capitals([n for w in data.weekdays for n in w.names]),
                                ignore_case=False),
        "count": _alternation([w for c in data.counts for w in c.words]) + r"|\d{1,3}",
        "unit": _alternation([n for u in data.units for n in u.names]),
    }
    return _Lexicon(
        language=language,
        data=data,
        month_numbers=month_numbers,
        weekday_numbers={_norm(n): w.number for w in data.weekdays for n in w.names},
        counts={_norm(w): c for c in data.counts for w in c.words},
        units={_norm(n): u for u in data.units for n in u.names},
        phrases=phrases,
        parts={_norm(w): p for p in data.period_parts for w in p.words},
        patterns=_compile_patterns(data, words, list(phrases)),
    )


def _compile_patterns(data: _TimeExpressions, words: dict[str, str],
                      phrases: list[str]) -> dict[str, re.Pattern[str]]:
    """Compile one pattern per form; the handlers in ``_HANDLERS`` read their groups."""
    month_any, month_full = words["month_any"], words["month_full"]
    weekday, count, unit = words["weekday"], words["count"], words["unit"]
    opener = _alternation(data.range_openers)
    joiner = _alternation(data.range_joiners)
    the = r"(?:(?i:the)\s+)?"
    # "Saturdays blast": a scrape dropped the apostrophe of "Saturday's". A lower-case noun
    # must follow, not a blocker ("Mondays and Thursdays", "On Mondays the ..." are plurals).
    blockers = (rf"(?!{_alternation(data.possessive_blockers)}\b)"
                if data.possessive_blockers else "")
    possessive = (rf"(?:{_alternation(data.possessive_endings)}(?=\s+{blockers}[a-z]))?"
                  if data.possessive_endings else "")
    weekday_prefix = rf"(?:(?P<wd>{weekday}),?\s+{the})?"
    year = rf"(?P<year>{_YEAR_DIGITS})(?!\d)"
    sources = {
        "iso": r"(?<![\w./:-])(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)"
               r"(?P<day>\d{1,2})(?![\w/:-]|\.\d)",
        "numeric": r"(?<![\w./:-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)"
                   r"(?P<year>\d{4}|\d{2})(?![\w/:-]|\.\d)",
        "day_month": rf"{_NUMBER_START}{weekday_prefix}(?P<day>{_DAY}){_ORDINAL}"
                     rf"(?:\s+(?i:of))?\s+(?P<month>{month_any})(?:,?\s+{year})?(?!\w)",
        "month_day": rf"{_NUMBER_START}{weekday_prefix}(?P<month>{month_any})\s+"
                     rf"(?P<day>{_DAY}){_ORDINAL}(?:[,.]?\s*{year})?{_DAY_END}",
        "day_day_month": rf"{_NUMBER_START}(?:(?P<opener>{opener})\s+{the})?(?P<d1>{_DAY})"
                         rf"{_ORDINAL}\s*(?P<join>{joiner})\s*{the}(?P<d2>{_DAY}){_ORDINAL}"
                         rf"(?:\s+(?i:of))?\s+(?P<month>{month_any})(?:,?\s+{year})?(?!\w)",
        "month_day_day": rf"{_NUMBER_START}(?:(?P<opener>{opener})\s+)?(?P<month>{month_any})"
                         rf"\s+(?P<d1>{_DAY}){_ORDINAL}\s*(?P<join>{joiner})\s*"
                         rf"(?P<d2>{_DAY}){_ORDINAL}(?:,?\s+{year})?{_DAY_END}",
        "period_part": rf"(?<!\w){the}(?P<part>{_alternation(list(_part_words(data)))})"
                       rf"(?:\s+|-)(?:(?i:of)\s+)?(?:(?P<month>{month_full})(?:,?\s+{year})?"
                       rf"|(?P<part_year>{_YEAR_DIGITS}))(?![\w'’]|-\d)",
        "month_prep": rf"(?<!\w)(?:(?P<prep>{_alternation(data.month_prepositions)})\s+)?"
                      rf"(?:(?P<mod>{_alternation(data.past_modifiers)})\s+)?"
                      rf"(?P<month>{month_full})(?:,?\s+{year})?(?![\w'’])",
        "month_year": rf"(?<!\w)(?P<month>{month_any}),?\s+{year}(?![\w'’]|-\d)",
        "year_prep": rf"(?<!\w)(?P<prep>{_alternation(data.year_prepositions)})\s+"
                     rf"(?P<year>{_YEAR_DIGITS})(?![\w%]|[.,]\d|\s*[-–]\s*\d)",
        "weekday": rf"(?<!\w)(?:(?P<mod>"
                   rf"{_alternation(data.past_modifiers + data.future_modifiers)})\s+)?"
                   rf"(?P<wd>{weekday}){possessive}(?!\s+{_alternation(data.weekday_blockers)}"
                   rf"(?!\w))(?:(?:\s+|-)(?P<tod>{_alternation(data.times_of_day)}))?(?!\w)",
        "phrase": rf"(?<!\w)(?P<phrase>{_alternation(phrases)}){possessive}(?!\w)",
        "ago": rf"(?<![\w.,])(?P<count>{count})\s+(?P<unit>{unit})\s+"
               rf"{_alternation(data.ago_words)}(?!\w)",
        "duration": rf"(?<!\w)(?:{_alternation(data.duration_openers)}\s+)?(?i:the)\s+"
                    rf"{_alternation(data.duration_pasts)}\s+(?:(?P<count>{count})\s+)?"
                    rf"(?P<unit>{unit})(?!\w)",
        "range_gap": rf"\s*(?P<join>{joiner})\s*{the}",
        "range_opener": rf"(?<!\w)(?P<opener>{opener})\s+{the}\Z",
        "since": rf"(?<!\w){_alternation(data.since_words)}\s+\Z",
        "since_word": rf"(?<!\w){_alternation(data.since_words)}(?!\w)",
        "campaign_since": rf"(?<!\w){_alternation(data.campaigns.since_openers)}\s+"
                          rf"(?:[\w-]+\s+){{0,3}}?(?P<noun>"
                          rf"{_alternation(data.campaigns.nouns)})(?!\w)",
        "campaign_noun": rf"(?<!\w)(?P<noun>{_alternation(data.campaigns.nouns)})(?!\w)",
        "campaign_verb": rf"(?<!\w){_alternation(data.campaigns.start_verbs)}(?!\w)",
        "date_name": rf"\s+(?:{_alternation(data.date_name_nouns)})(?!\w)"
                     if data.date_name_nouns else r"(?!)",
    }
    return {name: re.compile(source) for name, source in sources.items()}


def _part_words(data: _TimeExpressions) -> Iterator[str]:
    """List the words of every period part ("early", "the end of", ...)."""
    for part in data.period_parts:
        yield from part.words


# ----------------------------------------------------------------------------------------
# Calendar arithmetic


def _precision(start: date, end: date) -> int:
    """ACLED time_precision of a period: 1 one day, 2 within a week, 3 longer."""
    days = (end - start).days
    return 1 if days <= 0 else 2 if days <= 7 else 3


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# A day and month without a year up to this many days after the publication date are that
# coming day, not the same day a year before: "SCHEDULED A GENERAL STRIKE ON 1 NOVEMBER" in a
# report of 31 October is planned for the next day, and "Shelling hit Douma on 9 May" in an
# article dated 8 May tells of the 9th (a publication date a day or two behind its text, as
# time zones and updates make it), never of last year's.
NEAR_FUTURE_DAYS = 7


def _day_on_or_before(month: int, day: int, anchor: date) -> date | None:
    """Return the latest ``day``/``month`` on or before the anchor (29 February included),
    or the coming one when it is at most ``NEAR_FUTURE_DAYS`` away."""
    try:
        coming = date(anchor.year + (month < anchor.month), month, day)
    except ValueError:
        coming = None
    if coming is not None and 0 < (coming - anchor).days <= NEAR_FUTURE_DAYS:
        return coming
    for back in range(5):
        try:
            candidate = date(anchor.year - back, month, day)
        except ValueError:
            continue
        if candidate <= anchor:
            return candidate
    return None


def _month_year(month: int, anchor: date, strictly_past: bool) -> int:
    """Return the year of the latest ``month`` not after the anchor's (before, if strict)."""
    if month < anchor.month or (month == anchor.month and not strictly_past):
        return anchor.year
    return anchor.year - 1


def _shift_months(day: date, months: int) -> date:
    """Return the first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _calendar_period(entry: _CalendarPhrase, anchor: date) -> tuple[date, date]:
    """Return the calendar week/weekend/month/year ``entry.offset`` units from the anchor's."""
    if entry.unit == "week":
        start = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=entry.offset)
        end = start + timedelta(days=6)
    elif entry.unit == "weekend":
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        start = saturday + timedelta(weeks=entry.offset)
        end = start + timedelta(days=1)
    elif entry.unit == "month":
        start = _shift_months(anchor, entry.offset)
        end = _month_end(start.year, start.month)
    else:
        start = date(anchor.year + entry.offset, 1, 1)
        end = date(start.year, 12, 31)
    if entry.first_days is not None:
        end = min(end, start + timedelta(days=entry.first_days - 1))
    return start, end


# ----------------------------------------------------------------------------------------
# Handlers: one per pattern, each turning a match into a candidate (or None)


@dataclass(frozen=True)
class _Found:
    """A candidate mention before overlaps are resolved."""

    start_char: int
    end_char: int
    start: date
    end: date
    precision: int
    kind: str
    yields: bool = False


def _found(match: re.Match[str], start: date, end: date, kind: str,
           anchor: date | None = None, span: tuple[int, int] | None = None,
           yields: bool = False) -> _Found | None:
    """Build a candidate; with an anchor, cut the period there (precision from the uncut)."""
    precision = _precision(start, end)
    if anchor is not None:
        if start > anchor:
            return None
        end = min(end, anchor)
    start_char, end_char = span if span is not None else match.span()
    return _Found(start_char, end_char, start, end, precision, kind, yields)


def _month_of(lex: _Lexicon, name: str) -> int:
    return lex.month_numbers[_norm(name.rstrip("."))]


def _day_date(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "19 April", "Monday 7 May", "May 7, 2018", "April 19th", "May 6. 2018"."""
    month, day = _month_of(lex, match["month"]), int(match["day"])
    if match["year"]:
        found = date(int(match["year"]), month, day)
        return _found(match, found, found, "explicit")
    if anchor is None:
        return None
    resolved = _day_on_or_before(month, day, anchor)
    return None if resolved is None else _found(match, resolved, resolved, "explicit")


def _iso_date(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "2018-04-19" and "2018/04/19" (year first, so never ambiguous)."""
    found = date(int(match["year"]), int(match["month"]), int(match["day"]))
    return _found(match, found, found, "explicit")


def _numeric_date(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "19/04/2018" day first; "04/19/2018" only when the day cannot come first."""
    first, second, year_text = int(match["a"]), int(match["b"]), match["year"]
    if len(year_text) == 2 and match["sep"] != "/":
        return None  # "1.5.18" is more often a version or a figure than a date
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    day, month = (second, first) if second > 12 >= first else (first, second)
    found = date(year, month, day)
    return _found(match, found, found, "explicit")


def _day_range(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "3-5 May", "from 3 to 5 May", "between 3 and 5 May 2018", "May 3-5"."""
    if _norm(match["join"]) == "and" and not match["opener"]:
        return None  # "on 3 and 5 May" names two days, not a range
    month, first, last = _month_of(lex, match["month"]), int(match["d1"]), int(match["d2"])
    if first >= last:
        return None
    if match["year"]:
        year = int(match["year"])
        return _found(match, date(year, month, first), date(year, month, last), "range")
    if anchor is None:
        return None
    start = _day_on_or_before(month, first, anchor)
    if start is None:
        return None
    return _found(match, start, date(start.year, month, last), "range", anchor)


def _period_part(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "early May", "mid-April 2018", "the end of May", "late 2017"."""
    part = lex.parts[_norm(match["part"])]
    if match["part_year"]:
        year = int(match["part_year"])
        first, last = part.year_months
        return _found(match, date(year, first, 1), _month_end(year, last), "explicit")
    month = _month_of(lex, match["month"])
    if match["year"]:
        year, cut = int(match["year"]), None
    elif anchor is None:
        return None
    else:
        year, cut = _month_year(month, anchor, strictly_past=False), anchor
    start, end = _month_part(year, month, part)
    if cut is not None and start > cut:
        start, end = _month_part(year - 1, month, part)  # "late May" read on 8 May 2018
    return _found(match, start, end, "explicit", cut)


def _month_part(year: int, month: int, part: _PeriodPart) -> tuple[date, date]:
    """Return the days of ``part`` ("early": 1-10) in a month, cut at the month's end."""
    last_of_month = _month_end(year, month).day
    first_day, last_day = part.month_days
    return (date(year, month, min(first_day, last_of_month)),
            date(year, month, min(last_day, last_of_month)))


def _month(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "in May", "last May", "since April", "May 2018" (whole month, precision 3)."""
    month = _month_of(lex, match["month"])
    modifier = match.groupdict().get("mod")
    if "prep" in match.groupdict() and not match["prep"] and not modifier:
        return None  # a bare capitalised "May" may be a name or start a sentence
    span_start = match.start("mod") if modifier else match.start("month")
    span = (span_start, match.end())
    if match["year"] and not modifier:
        year = int(match["year"])
        return _found(match, date(year, month, 1), _month_end(year, month), "explicit",
                      span=span)
    if anchor is None:
        return None
    year = _month_year(month, anchor, strictly_past=bool(modifier))
    return _found(match, date(year, month, 1), _month_end(year, month), "explicit", anchor,
                  span)


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _year(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "in 2017", "since 2011" (the year alone is the span), not "in 2000 attacks"."""
    following = _NEXT_WORD.match(match.string, match.end())
    if following is not None and _counts_things(following[1], lex.data):
        return None
    year = int(match["year"])
    return _found(match, date(year, 1, 1), date(year, 12, 31), "explicit",
                  span=match.span("year"))


def _weekday(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "on Monday", "last Sunday", "Monday night": the latest such day up to the anchor.

    An article dated Tuesday that says "on Tuesday" means that same day, so the anchor's own
    weekday is the anchor; "last Tuesday" then means a week before.
    """
    if anchor is None:
        return None
    modifier = _norm(match["mod"] or "")
    if modifier in {_norm(w) for w in lex.data.future_modifiers}:
        return None
    back = (anchor.weekday() - lex.weekday_numbers[_norm(match["wd"])]) % 7
    if back == 0 and modifier:
        back = 7
    day = anchor - timedelta(days=back)
    return _found(match, day, day, "weekday")


def _phrase(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read fixed phrases: "yesterday", "last week", "in recent days", "this month"."""
    if anchor is None:
        return None
    entry = lex.phrases[_norm(match["phrase"])]
    if isinstance(entry, _CalendarPhrase):
        start, end = _calendar_period(entry, anchor)
        return _found(match, start, end, entry.kind, anchor)
    return _found(match, anchor + timedelta(days=entry.start),
                  anchor + timedelta(days=entry.end), entry.kind, anchor,
                  yields=entry.yields_to_date)


def _count_bounds(lex: _Lexicon, text: str | None) -> tuple[int, int]:
    if text is None:
        return 1, 1
    if text.isdigit():
        return int(text), int(text)
    words = lex.counts[_norm(text)]
    return words.low, words.high


def _ago(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "three weeks ago" as anchor - 21 days +- the unit's spread ("+-3 days")."""
    if anchor is None:
        return None
    low, high = _count_bounds(lex, match["count"])
    unit = lex.units[_norm(match["unit"])]
    start = anchor - timedelta(days=round(high * unit.days) + unit.spread_days)
    end = anchor - timedelta(days=round(low * unit.days) - unit.spread_days)
    return _found(match, start, end, "relative", anchor)


def _duration(match: re.Match[str], lex: _Lexicon, anchor: date | None) -> _Found | None:
    """Read "over the past two weeks", "in the last 24 hours": from then up to the anchor."""
    unit = lex.units[_norm(match["unit"])]
    if anchor is None or (match["count"] is None and not unit.bare):
        return None  # "the last day of ..." is not a stretch of time
    _, high = _count_bounds(lex, match["count"])
    start = anchor - timedelta(days=max(1, round(high * unit.days)))
    return _found(match, start, anchor, "duration", anchor)


def _counts_things(word: str, data: _TimeExpressions) -> bool:
    """Tell whether ``word`` after a number makes it a count ("2000 attacks", "2000 people")."""
    if word in data.plural_nouns:
        return True
    return (word.islower() and len(word) >= 4 and word.endswith("s")
            and not word.endswith("ss") and word not in data.not_plurals)


_Handler = Callable[[re.Match[str], _Lexicon, date | None], _Found | None]

# Pattern name -> handler. Phrases win ties in length (they are listed first).
_HANDLERS: dict[str, _Handler] = {
    "phrase": _phrase,
    "iso": _iso_date,
    "numeric": _numeric_date,
    "day_month": _day_date,
    "month_day": _day_date,
    "day_day_month": _day_range,
    "month_day_day": _day_range,
    "period_part": _period_part,
    "month_prep": _month,
    "month_year": _month,
    "year_prep": _year,
    "weekday": _weekday,
    "ago": _ago,
    "duration": _duration,
}


# ----------------------------------------------------------------------------------------
# Putting the candidates together


_YEAR_WRITTEN = re.compile(r"\b\d{4}\b")


def _candidates(text: str, anchor: date | None, lex: _Lexicon) -> list[tuple[int, _Found]]:
    """(pattern rank, candidate) for every match of every pattern, but those of a name."""
    found: list[tuple[int, _Found]] = []
    for rank, (name, handler) in enumerate(_HANDLERS.items()):
        for match in lex.patterns[name].finditer(text):
            try:
                item = handler(match, lex, anchor)
            except (ValueError, OverflowError):
                continue  # "31 April", or a date outside the calendar's range
            if item is not None:
                found.append((rank, item))
    # "the 27 SEPTEMBER NEIGHBORHOOD" names a place, not a day; so no part of it is a date
    # either ("and April" of "the bus station and April 7th Street"). A day with its year is
    # a date whatever follows (a dateline before a headline: "30 November 2016 Coalition
    # Letter to UN ...").
    dated = [f for _, f in found
             if f.precision == 1 and _YEAR_WRITTEN.search(text, f.start_char, f.end_char)]
    names = [f for _, f in found if lex.patterns["date_name"].match(text, f.end_char)
             and not any(_overlap(f, d) for d in dated)]
    return [(rank, f) for rank, f in found if not any(_overlap(f, n) for n in names)]


def _overlap(one: _Found, other: _Found) -> bool:
    return one.start_char < other.end_char and other.start_char < one.end_char


def _select(candidates: list[tuple[int, _Found]]) -> list[_Found]:
    """Keep the longest candidates that do not overlap, in text order."""
    ordered = sorted(candidates, key=lambda c: (c[1].start_char - c[1].end_char, c[0],
                                                c[1].start_char))
    taken: list[_Found] = []
    for _, found in ordered:
        if not any(_overlap(found, t) for t in taken):
            taken.append(found)
    return sorted(taken, key=lambda f: f.start_char)


_NEXT_TO = re.compile(r"[\s,]*(?:(?i:on|of|in)\b)?[\s,]*")


def _drop_yielding(text: str, found: list[_Found]) -> list[_Found]:
    """Drop "at dawn"/"overnight" written next to another date: that date says the day."""
    kept = []
    for index, item in enumerate(found):
        neighbours = [found[i] for i in (index - 1, index + 1)
                      if 0 <= i < len(found) and not found[i].yields]
        if item.yields and any(
                _NEXT_TO.fullmatch(text[min(item.end_char, n.end_char):
                                        max(item.start_char, n.start_char)])
                for n in neighbours):
            continue
        kept.append(item)
    return kept


def _merge_ranges(text: str, found: list[_Found], lex: _Lexicon) -> list[_Found]:
    """Join "from Sunday to Tuesday", "between 30 April and 2 May" into one range."""
    merged: list[_Found] = []
    index = 0
    while index < len(found):
        first = found[index]
        second = found[index + 1] if index + 1 < len(found) else None
        joined = None if second is None else _joined(text, first, second, lex)
        merged.append(joined or first)
        index += 2 if joined else 1
    return merged


def _joined(text: str, first: _Found, second: _Found, lex: _Lexicon) -> _Found | None:
    if first.kind not in _POINT_KINDS or second.kind not in _POINT_KINDS:
        return None
    gap = lex.patterns["range_gap"].fullmatch(text, first.end_char, second.start_char)
    if gap is None or first.start > second.end:
        return None
    window = max(0, first.start_char - 30)
    opener = lex.patterns["range_opener"].search(text[window:first.start_char])
    if _norm(gap["join"]) == "and" and (opener is None or _norm(opener["opener"]) == "from"):
        return None  # "on Monday and Tuesday" names two days
    start_char = window + opener.start() if opener else first.start_char
    return _Found(start_char, second.end_char, first.start, second.end,
                  _precision(first.start, second.end), "range")


def _extend_since(text: str, found: list[_Found], anchor: date | None,
                  lex: _Lexicon) -> list[_Found]:
    """Turn "since Sunday" into Sunday .. anchor (precision 2 up to a week, else 3)."""
    if anchor is None:
        return found
    extended = []
    for item in found:
        window = max(0, item.start_char - 30)
        since = lex.patterns["since"].search(text[window:item.start_char])
        if since is not None and item.kind in _POINT_KINDS and item.start <= anchor:
            item = replace(item, start_char=window + since.start(), end=anchor,
                           precision=_precision(item.start, anchor), kind="since")
        extended.append(item)
    return extended


def find_dates(text: str, anchor: date | None,
               language: str = DEFAULT_LANGUAGE) -> list[DateMention]:
    """Return every date expression of ``text``, non-overlapping, in text order.

    ``anchor`` is the day relative expressions count from (publication or claim date);
    without it only dates that carry their own year are returned. ``language`` picks the
    section of ``time_expressions.yaml``. A campaign whose start the text dates ("the
    campaign ... began on Thursday 19 April") anchors "since the beginning of the campaign".
    """
    if isinstance(anchor, datetime):
        anchor = anchor.date()  # a datetime does not compare with a date
    lex = _lexicon(language)
    found = _select(_candidates(text, anchor, lex))
    found = _drop_yielding(text, found)
    found = _merge_ranges(text, found, lex)
    found = _extend_since(text, found, anchor, lex)
    found = _campaign_since(text, found, anchor, lex)
    return [_mention(text, f) for f in found]


def _mention(text: str, found: _Found) -> DateMention:
    return DateMention(found.start_char, found.end_char, text[found.start_char:found.end_char],
                       found.start, found.end, found.precision, found.kind)


# ----------------------------------------------------------------------------------------
# Campaign anchors: "since the beginning of the campaign" starts when the text says it began


@dataclass(frozen=True)
class CampaignAnchor:
    """A dated campaign start: "began their military campaign ... on Thursday 19 April"."""

    noun: str
    """The campaign's head noun, normalised ("campaign", "offensive")."""
    mention: DateMention
    """The date mention that dates the start."""


_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“‘'(]?[A-Z0-9])|\n")


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The start and end offsets of the sentence around ``position`` (punctuation-based)."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    after = _SENTENCE_END.search(text, position)
    return start, after.end() if after else len(text)


def find_campaign_anchors(text: str, mentions: list[DateMention],
                          language: str = DEFAULT_LANGUAGE) -> list[CampaignAnchor]:
    """Find dated campaign starts: a campaign noun, a start verb and a date mention close
    together in one sentence ("Assad's forces began their military campaign in southern
    Damascus on Thursday 19 April"; "the campaign, which started three weeks ago").

    The noun may sit inside "since the beginning of the campaign, which started three weeks
    ago": the relative clause still dates the start. Mentions that are themselves "since"
    periods are not starts. Returned in text order.
    """
    lex = _lexicon(language)
    window = lex.data.campaigns.window_chars
    anchors = []
    for mention in mentions:
        if mention.kind in {"since", "vague", "duration"}:
            continue
        low, high = _sentence_bounds(text, mention.start_char)
        low, high = max(low, mention.start_char - window), min(high, mention.end_char + window)
        verbs = list(lex.patterns["campaign_verb"].finditer(text, low, high))
        nouns = list(lex.patterns["campaign_noun"].finditer(text, low, high))
        if not verbs or not nouns:
            continue
        noun = min(nouns, key=lambda n: min(abs(n.start() - v.start()) for v in verbs))
        anchors.append(CampaignAnchor(_norm(noun["noun"]), mention))
    return anchors


def best_campaign_start(anchors: list[CampaignAnchor], noun: str) -> DateMention | None:
    """The most precise dated start of the campaign called ``noun`` (ties: the first)."""
    same = [a.mention for a in anchors if a.noun == _norm(noun)]
    return min(same, key=lambda m: (m.precision, (m.end - m.start).days), default=None)


def _campaign_since(text: str, found: list[_Found], anchor: date | None,
                    lex: _Lexicon) -> list[_Found]:
    """Date "since the beginning of the campaign" from the campaign's dated start, and narrow
    a vaguer restatement of that start ("which started three weeks ago") to it."""
    phrases = list(lex.patterns["campaign_since"].finditer(text))
    if anchor is None or not phrases:
        return found
    anchors = find_campaign_anchors(text, [_mention(text, f) for f in found], lex.language)
    result = list(found)
    for phrase in phrases:
        start = best_campaign_start(anchors, phrase["noun"])
        if start is None or start.start > anchor:
            continue
        if any(f.start_char < phrase.end() and phrase.start() < f.end_char for f in result):
            continue
        result.append(_Found(phrase.start(), phrase.end(), start.start, anchor,
                             _precision(start.start, anchor), "since"))
        result = [_narrowed(f, start, anchors) for f in result]
    return sorted(result, key=lambda f: f.start_char)


def _narrowed(item: _Found, start: DateMention, anchors: list[CampaignAnchor]) -> _Found:
    """Narrow a campaign-start mention that contains the best start's day to that day."""
    dates_start = any(a.mention.start_char == item.start_char for a in anchors)
    if (dates_start and item.precision > start.precision
            and item.start <= start.start and start.end <= item.end):
        return replace(item, start=start.start, end=start.end, precision=start.precision)
    return item


# ----------------------------------------------------------------------------------------
# Claim anchors: a claim dated D ("Amaaq claimed on Sunday that it had killed ...")


def resolve_relative_to(text: str, mention: DateMention, anchor: date,
                        language: str = DEFAULT_LANGUAGE) -> DateMention:
    """Read ``mention`` again with another anchor: a claim's own date rather than the
    publication date ("Amaaq said on Sunday that it killed 30 soldiers yesterday" ->
    Saturday). Explicit dates with a year do not change; the mention keeps its span.
    """
    window = text[mention.start_char:mention.end_char]
    again = [m for m in find_dates(window, anchor, language)
             if m.start_char == 0 and m.end_char == len(window)]
    if not again:
        return mention
    return replace(mention, start=again[0].start, end=again[0].end,
                   precision=again[0].precision, kind=again[0].kind)


def on_or_before(claim_day: date, language: str = DEFAULT_LANGUAGE) -> tuple[date, date, int]:
    """The period of an undated event inside a claim dated ``claim_day``: it happened on or
    before that day, within ``claim_lookback_days`` (resource). Returns (start, end,
    precision): precision 2 (within a week) unless the look-back is zero."""
    days = _lexicon(language).data.claim_lookback_days
    start = claim_day - timedelta(days=days)
    return start, claim_day, _precision(start, claim_day)


def governs_later_sentences(mention: DateMention, clause_before: str,
                            language: str = DEFAULT_LANGUAGE) -> bool:
    """Whether ``mention`` may date the undated events of the sentences after it.

    A date that opens a period ("since 2011", "has been held by rebels since shortly after the
    crisis began in March 2011") or names more than ``context_max_days`` ("in 2012", "last
    year", "five years ago") is background: the next sentence's "warplanes hit Idlib" is
    not of that time. ``clause_before`` is the text of the date's clause before it.
    """
    if names_a_long_period(mention, language):
        return False  # "since Monday" (cut at the anchor) is short enough to date what follows
    return not _lexicon(language).patterns["since_word"].search(clause_before)


def history_days(language: str = DEFAULT_LANGUAGE) -> int:
    """Days before publication beyond which an event told after the lead is background."""
    return _lexicon(language).data.history_days


def names_a_long_period(mention: DateMention, language: str = DEFAULT_LANGUAGE) -> bool:
    """Whether ``mention`` names more than ``context_max_days`` ("in 2012", "last year"):
    the time of a background fact rather than of a day's event."""
    return (mention.end - mention.start).days > _lexicon(language).data.context_max_days


def parse_iso_or_none(value: str) -> date | None:
    """Read an ISO date or timestamp ("2018-05-08", "2018-05-08T10:00:00Z"); None otherwise.

    Publication dates come from page metadata in either form; an unreadable one is not an
    error, the caller falls back to dates found in the text.
    """
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None
