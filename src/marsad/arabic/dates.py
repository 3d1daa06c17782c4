"""Arabic date expressions -> date ranges, anchored on the publication date.

Why our own patterns first: dateparser (``languages=["ar"]``) reads Gregorian months and
"أمس"/"اليوم" but returns nothing for Levantine months ("12 آذار 2018"), "آذار/مارس" pairs or
"قبل ثلاثة أيام" (checked with the pinned dateparser), which local Syrian reporting uses
throughout; everything it does read, the tables in ``resources/ar/dates.yaml`` read too, so
it is not called (one table, one behaviour; no per-token parser calls).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.arabic.lexicon import ArabicLexicon
from marsad.arabic.tokens import Token


@dataclass(frozen=True)
class ArabicDate:
    """A date expression: tokens ``[first, last)``, its range and ACLED precision."""

    first: int
    last: int
    start: dt.date
    end: dt.date
    precision: int
    relative: bool


def _year_at(tokens: Sequence[Token], position: int) -> int | None:
    if position < len(tokens) and tokens[position].folded.isdecimal():
        value = int(tokens[position].folded)
        if 1990 <= value <= 2100:
            return value
    return None


def _month_at(tokens: Sequence[Token], position: int,
              lexicon: ArabicLexicon) -> tuple[int, int] | None:
    """Month number and the token after it, reading "آذار/مارس" and "آذار (مارس)" as one."""
    match = lexicon.months.match_at(tokens, position)
    if match is None:
        return None
    last = match.last
    if last + 1 < len(tokens) and tokens[last].text in "/(-" \
            and lexicon.months.match_at(tokens, last + 1) is not None:
        second = lexicon.months.match_at(tokens, last + 1)
        assert second is not None
        last = second.last + (1 if second.last < len(tokens)
                              and tokens[second.last].text == ")" else 0)
    return match.payload, last


def _day_month(tokens: Sequence[Token], position: int, lexicon: ArabicLexicon,
               anchor: dt.date | None) -> ArabicDate | None:
    """"12 آذار 2018", "12 من آذار", "آذار 2018" (a month: precision 2)."""
    day = None
    cursor = position
    if tokens[cursor].folded.isdecimal() and len(tokens[cursor].folded) <= 2:
        day = int(tokens[cursor].folded)
        cursor += 1
        if cursor < len(tokens) and tokens[cursor].folded == "من":
            cursor += 1
    found = _month_at(tokens, cursor, lexicon) if cursor < len(tokens) else None
    if found is None:
        return None
    month, last = found
    year = _year_at(tokens, last)
    if year is not None:
        last += 1
    elif anchor is not None:
        year = anchor.year if (month, day or 1) <= (anchor.month, anchor.day) else anchor.year - 1
    else:
        return None
    try:
        if day is not None:
            start = dt.date(year, month, day)
            return ArabicDate(position, last, start, start, 1, False)
        first = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return ArabicDate(position, last, first, following - dt.timedelta(days=1), 2, False)
    except ValueError:
        return None


def _weekday(tokens: Sequence[Token], position: int, lexicon: ArabicLexicon,
             anchor: dt.date | None) -> ArabicDate | None:
    """"يوم الخميس (الماضي)": the latest such day on or before publication."""
    match = lexicon.weekdays.match_at(tokens, position)
    if match is None or anchor is None:
        return None
    last = match.last
    strictly_past = last < len(tokens) and tokens[last].folded in lexicon.past_words
    if strictly_past:
        last += 1
    back = (anchor.weekday() - match.payload) % 7
    if back == 0 and strictly_past:
        back = 7
    day = anchor - dt.timedelta(days=back)
    first = position - 1 if position and tokens[position - 1].folded in ("يوم", "ليله") \
        else position
    return ArabicDate(first, last, day, day, 1, True)


def _relative(tokens: Sequence[Token], position: int, lexicon: ArabicLexicon,
              anchor: dt.date | None) -> ArabicDate | None:
    """"أمس", "فجر اليوم", "قبل ثلاثة أيام"."""
    if anchor is None:
        return None
    match = lexicon.relative.match_at(tokens, position)
    if match is not None:
        day = anchor - dt.timedelta(days=match.payload)
        return ArabicDate(position, match.last, day, day, 1, True)
    if tokens[position].folded in lexicon.ago_before and position + 1 < len(tokens):
        count = 1
        cursor = position + 1
        number = lexicon.number_words.match_at(tokens, cursor)
        if tokens[cursor].folded.isdecimal():
            count, cursor = int(tokens[cursor].folded), cursor + 1
        elif number is not None:
            count, cursor = number.payload, number.last
        if cursor < len(tokens) and tokens[cursor].folded in lexicon.ago_units:
            unit = lexicon.ago_units[tokens[cursor].folded]
            days = unit if tokens[cursor].folded in ("يومين", "اسبوعين") else count * unit
            day = anchor - dt.timedelta(days=days)
            return ArabicDate(position, cursor + 1, day, day, 2 if unit > 1 else 1, True)
    return None


def find_dates(tokens: Sequence[Token], lexicon: ArabicLexicon,
               anchor: dt.date | None) -> list[ArabicDate]:
    """Every date expression, left to right, without overlaps."""
    found: list[ArabicDate] = []
    position = 0
    while position < len(tokens):
        date = (_day_month(tokens, position, lexicon, anchor)
                or _weekday(tokens, position, lexicon, anchor)
                or _relative(tokens, position, lexicon, anchor))
        if date is None:
            position += 1
            continue
        if found and found[-1].relative and found[-1].last == date.first and not date.relative:
            # "يوم الخميس 8 آذار": the weekday names the explicit date that follows it
            date = ArabicDate(found.pop().first, date.last, date.start, date.end,
                              date.precision, False)
        found.append(date)
        position = max(date.last, position + 1)
    return found
