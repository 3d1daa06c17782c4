"""Arabic casualty counts: "مقتل 12 مدنياً", "سقوط 7 قتلى", "عشرات الجرحى", "مقتل طفل".

Why a token window and not a parse: there is no offline Arabic parser we can install; counts
sit within a few tokens of the casualty word in news Arabic, after it ("مقتل 12") or before it
("12 قتيلاً"), so the nearest count in the window wins, after first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.arabic.lexicon import ArabicLexicon
from marsad.arabic.tokens import Match, Token


@dataclass(frozen=True)
class ArabicCasualty:
    """A killed or injured count with its tokens ``[first, last)``."""

    kind: str
    first: int
    last: int
    low: int
    best: int
    high: int
    civilians: bool


@dataclass(frozen=True)
class _Count:
    first: int
    last: int
    low: int
    best: int
    high: int


def _count_at(tokens: Sequence[Token], position: int, lexicon: ArabicLexicon) -> _Count | None:
    token = tokens[position]
    modifier = lexicon.modifiers.match_at(tokens, position)
    if modifier is not None and modifier.last < len(tokens):
        inner = _count_at(tokens, modifier.last, lexicon)
        if inner is None:
            return None
        if modifier.payload == "about":
            return _Count(position, inner.last, round(inner.best * 0.9), inner.best,
                          round(inner.best * 1.1))
        return _Count(position, inner.last, inner.best, inner.best, inner.best)
    if token.folded.isdecimal() and len(token.folded) <= 5:
        value = int(token.folded)
        following = tokens[position + 1].folded if position + 1 < len(tokens) else ""
        value *= lexicon.multipliers.get(following, 1) if following in ("الاف", "الف") else 1
        return _Count(position, position + 1, value, value, value)
    number = lexicon.number_words.match_at(tokens, position)
    if number is not None:
        return _Count(position, number.last, number.payload, number.payload, number.payload)
    vague = lexicon.vague.match_at(tokens, position)
    if vague is not None:
        amount = vague.payload
        return _Count(position, vague.last, amount.low, amount.best, amount.high)
    return None


def _nearest_count(tokens: Sequence[Token], keyword: Match[str],
                   lexicon: ArabicLexicon) -> _Count | None:
    sentence = tokens[keyword.first].sentence
    window = lexicon.casualty_window
    after = range(keyword.last, min(len(tokens), keyword.last + window))
    before = range(keyword.first - 1, max(-1, keyword.first - window - 1), -1)
    for position in [*after, *before]:
        if tokens[position].sentence != sentence:
            continue
        if lexicon.months.match_at(tokens, position + 1) is not None:
            continue  # "12 آذار" is a date
        count = _count_at(tokens, position, lexicon)
        if count is not None:
            return count
    return None


def _civilians(tokens: Sequence[Token], first: int, last: int, lexicon: ArabicLexicon) -> bool:
    return any(tokens[i].keys & lexicon.civilians
               for i in range(max(0, first - 2), min(len(tokens), last + 3)))


def find_casualties(tokens: Sequence[Token], lexicon: ArabicLexicon) -> list[ArabicCasualty]:
    """Killed and injured counts; a casualty word with no count before a victim noun is 1."""
    found: list[ArabicCasualty] = []
    keywords = [*lexicon.killed.find(tokens), *lexicon.injured.find(tokens)]
    used: set[int] = set()
    for keyword in sorted(keywords, key=lambda match: match.first):
        count = _nearest_count(tokens, keyword, lexicon)
        if count is not None and count.first in used:
            continue
        if count is None:
            following = tokens[keyword.last] if keyword.last < len(tokens) else None
            if following is None or not following.keys & lexicon.victims:
                continue
            count = _Count(keyword.last, keyword.last + 1, 1, 1, 1)
        used.add(count.first)
        first, last = min(keyword.first, count.first), max(keyword.last, count.last)
        found.append(ArabicCasualty(kind=keyword.payload, first=first, last=last, low=count.low,
                                    best=count.best, high=count.high,
                                    civilians=_civilians(tokens, first, last, lexicon)))
    return found
