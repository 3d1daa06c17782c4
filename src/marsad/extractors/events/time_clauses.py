"""Clauses of time ("after they led a rally", "a day after a rally", "two weeks before the
vote"): where in a sentence another happening than its main line is told, and how far apart.

Why a module: three readers need the same clause. A toll inside one is another event's
(sentences), an event word inside one is background to the main line's and, told a day or more
away, neither escalated by the main line's words (sentences) nor dated by its date (dates).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from marsad.extractors.casualties import load_casualty_terms
from marsad.extractors.numbers import parse_count


@dataclass(frozen=True)
class Distance:
    """How far a clause of time is from the main line: ``low``..``high`` days, earlier
    (``sign`` -1: "a day after the rally") or later (+1: "two days before the vote")."""

    sign: int
    low: int
    high: int
    start_char: int
    """Where the words of the distance ("a day after") start and end in the text."""
    end_char: int


@cache
def opening_marks() -> frozenset[str]:
    """The words that open a clause of time (casualty_terms.yaml ``other_happening_marks``)."""
    return frozenset(load_casualty_terms().other_happening_marks)


def time_clause(word: Token, marks: Collection[str], phrases: bool = False) -> Span | None:
    """The clause of time opened by one of ``marks`` ("after they led a rally") that holds
    ``word``, the innermost one; with ``phrases`` also a noun phrase so opened ("after a
    rally"); None when ``word`` is in the sentence's main line."""
    doc = word.doc
    while word.head != word:
        opened = (word.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks
                                               for c in word.children)) \
            or (word.dep_ == "pcomp" and word.head.lower_ in marks) \
            or (phrases and word.dep_ == "pobj" and word.head.lower_ in marks)
        if opened:
            return doc[word.left_edge.i:word.right_edge.i + 1]
        word = word.head
    return None


def _opener(clause: Span) -> Token:
    """The word that opens the clause: its "after" mark, or the preposition it hangs from."""
    top = clause.root
    return next((c for c in top.children if c.dep_ == "mark"), top.head)


def distance(clause: Span, day_units: dict[str, int],
             earlier_marks: Collection[str] = ("after",)) -> Distance | None:
    """How far the clause is told from the main line when a time unit of ``day_units`` (days
    per unit) measures it beside its opening word ("a day after", "two weeks before", "days
    after"); None when it is not measured in days or more ("hours after", plain "after")."""
    opener = _opener(clause)
    # (the unit hangs from the clause, its opening word, or the main verb right before the
    # opening word: "arrested 20 activists two days following the march")
    near = [*clause.root.children, *opener.children, opener.head]
    if opener.i > 0:
        near.append(opener.doc[opener.i - 1])
    unit = next((t for t in near if t.dep_ == "npadvmod" and t.lower_ in day_units), None)
    if unit is None:
        return None
    days = day_units[unit.lower_]
    numbers = [c for c in unit.children if c.dep_ in ("nummod", "amod", "quantmod")]
    count = parse_count(" ".join(t.text for t in numbers)) if numbers else None
    if count is None and unit.tag_ == "NNS":
        count = parse_count("several")  # "days after": some, as quantifiers.yaml reads them
    low, high = (count.low, count.high) if count is not None else (1, 1)  # "a day after"
    sign = -1 if opener.lower_ in earlier_marks else 1
    first = min(unit.left_edge.i, opener.i)
    last = max(unit.i, opener.i)
    doc = clause.doc
    return Distance(sign=sign, low=low * days, high=high * days,
                    start_char=doc[first].idx, end_char=doc[last].idx + len(doc[last]))
