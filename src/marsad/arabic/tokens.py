"""Arabic tokens, sentences and phrase matching on normalised tokens.

Why our own matcher: Arabic attaches conjunctions, prepositions and the article to the
word ("وبالقصف" = "and by the shelling"). spaCy's Arabic tokenizer splits punctuation and
numbers but not these proclitics, so each token carries the keys it can match as: its folded
form and the forms with proclitics removed. A phrase token matches when the keys meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

import spacy
from spacy.language import Language

from marsad.arabic.normalize import fold

Payload = TypeVar("Payload")

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
MIN_STEM = 3
"""A proclitic is only stripped when at least this many letters remain ("بنش" stays)."""

_PIECES = re.compile(r"\d+(?:[.,]\d+)*|[\w\u0610-\u061A\u064B-\u065F\u0670\u0640]+|[^\w\s]")
"""Sub-split spaCy tokens: it leaves "2018." and "مارس/آذار" whole; Arabic marks are not \\w."""

SENTENCE_ENDS = frozenset({".", "؟", "?", "!", "؛", ";", "\n"})
CLAUSE_ENDS = SENTENCE_ENDS | {"،", ","}


def _proclitics() -> tuple[str, ...]:
    """Every conjunction + preposition + article combination, longest first ("وبال", "لل")."""
    found = set()
    for conjunction in _CONJUNCTIONS:
        for preposition in _PREPOSITIONS:
            for article in ("", "ال"):
                if preposition == "ل" and article:
                    found.add(conjunction + "لل")
                else:
                    found.add(conjunction + preposition + article)
    found.discard("")
    return tuple(sorted(found, key=len, reverse=True))


PROCLITICS = _proclitics()


@cache
def tokenizer() -> Language:
    """spaCy's blank Arabic pipeline (tokenizer only), built once per process."""
    return spacy.blank("ar")


@dataclass(frozen=True)
class Token:
    """One token: its span in the original text and the folded keys it matches as."""

    index: int
    start: int
    end: int
    text: str
    folded: str
    keys: frozenset[str]
    sentence: int
    clause: int


def token_keys(folded: str) -> frozenset[str]:
    """The folded form and every form left after removing a proclitic."""
    keys = {folded}
    for prefix in PROCLITICS:
        if folded.startswith(prefix) and len(folded) - len(prefix) >= MIN_STEM:
            keys.add(folded[len(prefix):])
    return frozenset(keys)


def phrase_keys(word: str, strip_article: bool = True) -> frozenset[str]:
    """What a lexicon word may match: itself, and without its article ("القصف" ~ "قصف")."""
    folded = fold(word)
    if strip_article and folded.startswith("ال") and len(folded) - 2 >= MIN_STEM:
        return frozenset({folded, folded[2:]})
    return frozenset({folded})


def tokenize(text: str) -> list[Token]:
    """Tokenize ``text`` and number sentences and clauses (split on Arabic punctuation)."""
    tokens: list[Token] = []
    sentence = clause = 0
    for spacy_token in tokenizer()(text):
        if spacy_token.text.isspace():
            if "\n" in spacy_token.text:
                sentence, clause = sentence + 1, clause + 1
            continue
        for piece in _PIECES.finditer(spacy_token.text):
            raw = piece.group()
            folded = fold(raw)
            start = spacy_token.idx + piece.start()
            tokens.append(Token(index=len(tokens), start=start, end=start + len(raw), text=raw,
                                folded=folded, keys=token_keys(folded), sentence=sentence,
                                clause=clause))
            if raw in SENTENCE_ENDS:
                sentence += 1
            if raw in CLAUSE_ENDS:
                clause += 1
    return tokens


@dataclass(frozen=True)
class Match(Generic[Payload]):
    """A phrase found at tokens ``[first, last)``."""

    first: int
    last: int
    payload: Payload

    def span(self, tokens: Sequence[Token]) -> tuple[int, int]:
        return tokens[self.first].start, tokens[self.last - 1].end


class PhraseIndex(Generic[Payload]):
    """Phrases of folded words -> payloads; finds longest non-overlapping matches."""

    def __init__(self, entries: Iterable[tuple[str, Payload]], *,
                 strip_article: bool = True) -> None:
        """``strip_article=False`` for words whose article is part of them ("اليوم" != "يوم")."""
        self._by_first: dict[str, list[tuple[tuple[frozenset[str], ...], Payload]]] = {}
        for phrase, payload in entries:
            words = tuple(phrase_keys(word, strip_article) for word in phrase.split())
            if not words:
                continue
            for key in words[0]:
                self._by_first.setdefault(key, []).append((words, payload))
        for options in self._by_first.values():
            options.sort(key=lambda option: -len(option[0]))

    def find(self, tokens: Sequence[Token], *, overlapping: bool = False) -> list[Match[Payload]]:
        """Longest match at each token; without ``overlapping`` a match skips past its end."""
        found: list[Match[Payload]] = []
        position = 0
        while position < len(tokens):
            match = self.match_at(tokens, position)
            if match is None:
                position += 1
                continue
            found.append(match)
            position = position + 1 if overlapping else match.last
        return found

    def match_at(self, tokens: Sequence[Token], position: int) -> Match[Payload] | None:
        """The longest phrase starting at token ``position`` (within one sentence)."""
        if not 0 <= position < len(tokens):
            return None
        best: Match[Payload] | None = None
        seen: set[int] = set()
        for key in tokens[position].keys:
            for words, payload in self._by_first.get(key, ()):
                if id(words) in seen:
                    continue
                seen.add(id(words))
                end = position + len(words)
                if end > len(tokens) or (best is not None and end <= best.last):
                    continue
                window = tokens[position:end]
                if window[-1].sentence != tokens[position].sentence:
                    continue
                if all(token.keys & word for token, word in zip(window, words, strict=True)):
                    best = Match(first=position, last=end, payload=payload)
        return best
