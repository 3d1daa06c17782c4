"""Clauses of time and their distance from the main line, read from the real parse."""

from __future__ import annotations

import pytest

from marsad.context import Context
from marsad.extractors.events.time_clauses import distance, time_clause

MARKS = {"after", "before", "following"}


Away = tuple[int, int, int] | None


def _clause_of(ctx: Context, text: str, word: str) -> tuple[str | None, Away]:
    doc = ctx.nlp(text)
    token = next(t for t in doc if t.text == word)
    clause = time_clause(token, MARKS, phrases=True)
    if clause is None:
        return None, None
    away = distance(clause, ctx.lexicon.time_clauses.day_units,
                    ctx.lexicon.time_clauses.earlier_marks)
    return clause.text, None if away is None else (away.sign, away.low, away.high)


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Police arrested four opposition leaders on Tuesday, a day after they led a rally.",
     "rally", (-1, 1, 1)),
    ("Police arrested 20 activists two weeks after the march in the capital.",
     "march", (-1, 14, 14)),
    ("They were seized days after the rally.", "rally", (-1, 2, 9)),
    ("Police arrested 20 activists two days following the march.", "march", (-1, 2, 2)),
    ("Troops were deployed to the square three days before the vote.", "vote", (1, 3, 3)),
    ("Police fired tear gas hours after the march began.", "march", None),
    ("Troops retook the town after a counter-offensive supported by airstrikes.",
     "airstrikes", None),
])
def test_distance_of_a_time_clause(ctx: Context, text: str, word: str,
                                   expected: tuple[int, int, int] | None) -> None:
    clause, away = _clause_of(ctx, text, word)
    assert clause is not None
    assert away == expected


def test_main_line_word_is_in_no_time_clause(ctx: Context) -> None:
    clause, _ = _clause_of(ctx, "Police arrested four leaders a day after they led a rally.",
                           "arrested")
    assert clause is None
