"""Read counts ("30", "1,200", "٣٠", "thirty-two", "between 10 and 15", "dozens") from text.

Why a module of its own: fatalities, injuries and other counts all start from the same
question, "how many does this phrase say?", and the answer must follow one documented set
of conventions (``resources/quantifiers.yaml``, after CODEBOOK.md "Fatalities") so that a
count means the same thing whichever extractor read it. Measurements, percentages, dates,
years and labels ("Resolution 2254") are not counts and are never returned.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict

from marsad.errors import MarsadError
from marsad.resources import read_yaml, validate_items

QUANTIFIERS_FILE = "quantifiers.yaml"

# Digits with thousands separators (Latin or Arabic) or plain digits, optionally decimal;
# never the digits inside a word ("7th", "M4", "F-16" keeps "16" but "F" blocks it).
_TOKEN = re.compile(
    r"\d{1,3}(?:[,٬]\d{3})+(?:\.\d+)?(?!\w)"
    r"|\d+(?:\.\d+)?(?!\w)"
    r"|\w+(?:['’]\w+)?"
    r"|[^\w\s]"
)


@dataclass(frozen=True)
class Count:
    """A count with UCDP-style spread; ``vague`` when read from a word like "dozens".

    ``qualifier`` names the modifier that shaped the spread ("more-than", "about", "range",
    "vague", ...; "" for an exact number) so that notes can say "more than 20".
    """

    low: int
    best: int
    high: int
    vague: bool = False
    qualifier: str = ""


class _Bound(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    factor: float
    offset: int = 0

    def apply(self, value: int) -> int:
        return round(value * self.factor) + self.offset


class _Vague(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    phrases: tuple[str, ...]
    low: int
    best: int
    high: int


class _Modifier(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    phrases: tuple[str, ...]
    low: _Bound
    best: _Bound
    high: _Bound


class _Years(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    low: int
    high: int


class Quantifiers(BaseModel):
    """The validated content of ``quantifiers.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    number_words: dict[str, int]
    multipliers: dict[str, int]
    articles: list[str]
    vague: list[_Vague]
    modifiers: list[_Modifier]
    range_words: list[str]
    range_openers: dict[str, str]
    units: list[str]
    not_after: list[str]
    not_before_vague: list[str]
    months: list[str]
    years: _Years
    part_words: list[str] = []
    """Words that, with "of", name a part of a whole ("ONE OF THE TERRORISTS")."""
    amount_nouns: list[str] = []
    """Nouns (lemmas) of an amount or a weight: what they are "of" is the thing counted
    ("LARGE AMOUNTS OF WAR MATERIEL", "ONE TON OF COCAINE")."""


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    lower: str


@cache
def load_quantifiers() -> Quantifiers:
    """Load and validate ``quantifiers.yaml`` (cached)."""
    raw = read_yaml(QUANTIFIERS_FILE)
    if not isinstance(raw, dict):
        raise MarsadError(f"{QUANTIFIERS_FILE}: expected a mapping at the top level")
    (table,) = validate_items(QUANTIFIERS_FILE, [raw], Quantifiers)
    return table


def _tokenize(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group().lower().replace("’", "'"))
            for m in _TOKEN.finditer(text)]


@cache
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a quantifiers.yaml phrase; cached (a fixed set) as re-tokenising every
    phrase at every token took over half the pipeline's time (docs/benchmarks.md, Scale)."""
    return tuple(token.lower for token in _tokenize(phrase))


@cache
def _phrase_index(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases' word tuples by first word (a fixed set: built once per list)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = _phrase_words(phrase)
        if words:
            index.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in index.items()}


@cache
def _count_starters() -> frozenset[str]:
    """Every word a count can begin with, besides digits (a fixed set: built once).

    Why: ``find_numbers`` tries to read a count at every token of every sentence, and
    trying each modifier and vague phrase there cost ~8 % of the whole pipeline; a word that
    starts none of them (most words) is skipped with one set lookup.
    """
    table = load_quantifiers()
    words = set(table.number_words) | set(table.articles) | set(table.range_openers)
    phrases = [phrase for entry in table.vague for phrase in entry.phrases]
    phrases += [phrase for entry in table.modifiers for phrase in entry.phrases]
    words.update(found[0] for found in map(_phrase_words, phrases) if found)
    return frozenset(words)


def _match_phrase(tokens: list[_Token], i: int, phrases: tuple[str, ...]) -> int:
    """Return how many tokens from ``i`` the longest of ``phrases`` covers (0: none)."""
    if i >= len(tokens):
        return 0
    best = 0
    for words in _phrase_index(phrases).get(tokens[i].lower, ()):
        if len(words) > best and tuple(t.lower for t in tokens[i:i + len(words)]) == words:
            best = len(words)
    return best


def _digit_value(lower: str) -> float | None:
    cleaned = lower.replace(",", "").replace("٬", "")
    try:
        return float(cleaned) if "." in cleaned else int(cleaned)
    except ValueError:
        return None


def _read_cardinal(tokens: list[_Token], i: int, table: Quantifiers) -> tuple[int, int] | None:
    """Read one cardinal at ``i``: digits, or number words; return (value, tokens used)."""
    if i >= len(tokens):
        return None
    digits = _digit_value(tokens[i].lower)
    if digits is not None:
        used = 1
        if i + 1 < len(tokens) and tokens[i + 1].lower in table.multipliers:
            digits = digits * table.multipliers[tokens[i + 1].lower]
            used = 2
        if isinstance(digits, float) and not digits.is_integer():
            return None  # "3.5" alone is a measure, not a count of people
        return int(digits), used
    return _read_number_words(tokens, i, table)


def _read_number_words(tokens: list[_Token], i: int, table: Quantifiers) -> tuple[int, int] | None:
    """Read "two hundred and fifty", "thirty-two", "a thousand", "a dozen".

    A small grammar, so that "two and three" or "one two" are not read as one number:
    units follow nothing, a tens word, a hyphen after a tens word, or a scale word;
    "and" only joins a scale word to what follows ("one hundred and fifty").
    """
    total, current, j, last = 0, 0, i, ""
    while j < len(tokens):
        word = tokens[j].lower
        nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
        value = table.number_words.get(word)
        if value is not None and _may_follow(value, last):
            current += value
            last = "unit" if value < 10 else "teen" if value < 20 else "tens"
        elif word in table.multipliers and last in ("unit", "teen", "tens", "mult", "article") \
                and not (word == "score" and last == "article"):
            scale = table.multipliers[word]
            if scale >= 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
            last = "mult"
        elif word in table.articles and not last and nxt in table.multipliers:
            current, last = 1, "article"
        elif word == "-" and last == "tens" and table.number_words.get(nxt, 99) < 10:
            last = "hyphen"
        elif word == "and" and last == "mult" and nxt in table.number_words:
            last = "and"
        else:
            break
        j += 1
    if last in ("", "article"):
        return None
    return total + current, j - i


def _may_follow(value: int, last: str) -> bool:
    if value < 10:
        return last in ("", "tens", "hyphen", "mult", "and")
    return last in ("", "mult", "and")


def _read_vague(tokens: list[_Token], i: int, table: Quantifiers) -> tuple[Count, int] | None:
    best_len, found = 0, None
    for entry in table.vague:
        used = _match_phrase(tokens, i, entry.phrases)
        if used > best_len:
            best_len, found = used, entry
    if found is None:
        return None
    if i > 0 and tokens[i - 1].lower in table.not_before_vague:
        return None  # "how many dead", "too many lives": no amount is stated
    return Count(found.low, found.best, found.high, vague=True, qualifier="vague"), best_len


def _read_amount(tokens: list[_Token], i: int, table: Quantifiers) -> tuple[Count, int] | None:
    """Read a range, a cardinal or a vague amount at ``i`` (no leading modifier)."""
    closer = table.range_openers.get(tokens[i].lower) if i < len(tokens) else None
    if closer is not None:
        first = _read_cardinal(tokens, i + 1, table)
        if first is not None:
            k = i + 1 + first[1]
            if k < len(tokens) and tokens[k].lower == closer:
                second = _read_cardinal(tokens, k + 1, table)
                if second is not None:
                    return _range(first[0], second[0]), k + 1 + second[1] - i
    # Vague phrases first: "a dozen" is a number but "a few" and "dozens" are not.
    cardinal = _read_cardinal(tokens, i, table)
    vague = _read_vague(tokens, i, table)
    if vague is not None and (cardinal is None or vague[1] > cardinal[1]):
        return vague
    if cardinal is None:
        return None
    value, used = cardinal
    k = i + used
    if k + 1 < len(tokens) and tokens[k].lower in table.range_words:
        second = _read_cardinal(tokens, k + 1, table)
        if second is not None and second[0] > value:
            return _range(value, second[0]), used + 1 + second[1]
    return Count(value, value, value), used


def _range(first: int, second: int) -> Count:
    low, high = min(first, second), max(first, second)
    # CODEBOOK: ranges -> low/high at the ends, best the lower end.
    return Count(low, low, high, qualifier="range")


def _apply_modifier(count: Count, modifier: _Modifier) -> Count:
    if count.vague or count.qualifier == "range":
        return count  # "about dozens", "around 10 to 15": the amount already has a spread
    value = count.best
    best = max(0, modifier.best.apply(value))
    low = min(best, max(0, modifier.low.apply(value)))
    high = max(best, modifier.high.apply(value))
    return Count(low, best, math.ceil(high), qualifier=modifier.name)


def _read_count(tokens: list[_Token], i: int, table: Quantifiers) -> tuple[Count, int] | None:
    """Read an optional modifier followed by an amount, starting at token ``i``."""
    best_len, modifier = 0, None
    for entry in table.modifiers:
        used = _match_phrase(tokens, i, entry.phrases)
        if used > best_len:
            best_len, modifier = used, entry
    if modifier is not None:
        amount = _read_amount(tokens, i + best_len, table)
        if amount is not None:
            return _apply_modifier(amount[0], modifier), best_len + amount[1]
    return _read_amount(tokens, i, table)


def _is_excluded(tokens: list[_Token], i: int, used: int, table: Quantifiers) -> bool:
    """Tell whether the amount at ``tokens[i:i+used]`` is a measure, date, year or label."""
    before = _previous_word(tokens, i)
    after = tokens[i + used].lower if i + used < len(tokens) else ""
    after2 = tokens[i + used + 1].lower if i + used + 1 < len(tokens) else ""
    if after in table.units or (after == "-" and after2 in table.units):
        return True
    if after in table.months or before in table.months:
        return True
    if before in table.not_after or before in ("$", "£", "€"):
        return True
    if i >= 2 and tokens[i - 1].lower == "-" and tokens[i - 2].end == tokens[i - 1].start \
            and tokens[i - 1].end == tokens[i].start and tokens[i - 2].lower.isalpha():
        return True  # a name's number, written on to letters: "M-19", "AK-47", "COVID-19"
    if after in (":", "/") and i + used + 1 < len(tokens) \
            and _digit_value(after2) is not None:
        return True  # "10:30", "7/5/2018"
    joined = i >= 2 and tokens[i - 1].start == tokens[i - 2].end
    if joined and tokens[i - 1].lower in (":", "/", ".") \
            and _digit_value(tokens[i - 2].lower) is not None:
        return True  # the "30" of "10:30", the "2018" of "7/5/2018"
    return used == 1 and _looks_like_year(tokens, i, table)


def _previous_word(tokens: list[_Token], i: int) -> str:
    """The word before ``i``, looking through a joining hyphen ("MiG-29", "T-72")."""
    if i == 0:
        return ""
    if tokens[i - 1].lower == "-" and i >= 2 and tokens[i - 2].end == tokens[i - 1].start:
        return tokens[i - 2].lower
    return tokens[i - 1].lower


def _looks_like_year(tokens: list[_Token], i: int, table: Quantifiers) -> bool:
    word = tokens[i].lower
    if not (len(word) == 4 and word.isdigit()):
        return False
    if not table.years.low <= int(word) <= table.years.high:
        return False
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    # "2000 people", "2000 civilians": a plural noun right after makes it a count.
    return not (after == "people" or (after.isalpha() and after.endswith("s") and len(after) > 3))


# Numeric dates ("29-06-2016", "7/5/2018", "01.10.2014"): none of their parts is a count.
_NUMERIC_DATE = re.compile(r"(?<![\w.])\d{1,4}([-/.])\d{1,2}\1\d{1,4}(?![\w])")


def find_numbers(text: str) -> list[tuple[int, int, Count]]:
    """Find every count in ``text`` as ``(start, end, Count)``, ``text[start:end]`` its words."""
    table = load_quantifiers()
    dates = [m.span() for m in _NUMERIC_DATE.finditer(text)]
    tokens = [t for t in _tokenize(text) if not any(a <= t.start < b for a, b in dates)]
    found: list[tuple[int, int, Count]] = []
    starters = _count_starters()
    i = 0
    while i < len(tokens):
        word = tokens[i].lower
        read = _read_count(tokens, i, table) if word in starters or word[0].isdigit() \
            else None
        if read is None:
            i += 1
            continue
        count, used = read
        if not _is_excluded(tokens, i, used, table):
            found.append((tokens[i].start, tokens[i + used - 1].end, count))
        i += used
    return found


def parse_count(text: str) -> Count | None:
    """Parse ``text`` as one whole count expression ("more than 20", "dozens"), else None."""
    table = load_quantifiers()
    tokens = _tokenize(text.strip())
    if not tokens:
        return None
    read = _read_count(tokens, 0, table)
    if read is None or read[1] != len(tokens) or _is_excluded(tokens, 0, read[1], table):
        return None  # not one count, or a year such as "2018"
    return read[0]
