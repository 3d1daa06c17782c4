"""Clauses of time and their distance from the main line, read from the real parse."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.context import Context
from marsad.extractors.events.time_clauses import (
    dating,
    distance,
    news_days,
    note_publication,
    time_clause,
)

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


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Al-Shabaab overran an army base at Bulo Burde in 2015.", "overran", "history"),
    ("A bomb exploded at a bakery in Mysuru in January, injuring six.", "exploded", "earlier"),
    ("Security forces opened live fire on demonstrators on Friday.", "opened", "news"),
    ("This morning a farmer was killed near the village.", "killed", "news"),
    ("Gunmen attacked a village on 3 May.", "attacked", None),
    ("Gunmen attacked a village near the border.", "attacked", None),
    # a clause with no date of its own takes the date of the clause it hangs from
    ("The town was seized by Islamic State in 2014 and retaken by Iraqi forces three years "
     "later.", "retaken", "history"),
    ("Solenzo was emptied once before, in 2023, when residents fled fighting between "
     "auxiliaries and jihadists.", "fighting", "history"),
    # a date the parser hung on a name, and a date inside a clause of the adverbial
    ("In March 2018 the town's main square became the centre of a revolt that brought down a "
     "governor.", "brought", "history"),
    ("Following the ambush that killed four policemen last week, troops combing the forest on "
     "Sunday stumbled upon a bomb and detonated it.", "detonated", None),
    ("Russian forces tried to advance on the front last week and were repelled.", "advance",
     "earlier"),
])
def test_what_dates_an_event_word(ctx: Context, text: str, word: str,
                                  expected: str | None) -> None:
    doc = ctx.nlp(text)
    note_publication(doc, None)
    token = next(t for t in doc if t.text == word)
    dated = dating(token, ctx.lexicon.time_clauses)
    assert (dated[1] if dated else None) == expected


@pytest.mark.parametrize(("published", "expected"), [
    (dt.date(2016, 8, 17), None),  # the report's own day: its news
    (dt.date(2016, 11, 2), "earlier"),
    (dt.date(2018, 1, 5), "history"),
])
def test_dates_read_against_the_publication(ctx: Context, published: dt.date,
                                            expected: str | None) -> None:
    doc = ctx.nlp("Militants fired rockets at the town on 17 August 2016, officials said.")
    note_publication(doc, published)
    dated = dating(next(t for t in doc if t.text == "fired"), ctx.lexicon.time_clauses)
    assert (dated[1] if dated else None) == expected


def test_news_days_are_found_wherever_the_parser_hangs_them(ctx: Context) -> None:
    doc = ctx.nlp("Ministers meeting in Vientiane on Thursday called for an end to violence. "
                  "Fighting shook the town in April 2023.")
    assert [span.text for span in news_days(doc, ctx.lexicon.time_clauses)] == ["Thursday"]


def test_a_length_of_time_is_no_date(ctx: Context) -> None:
    doc = ctx.nlp("The town was held until June 2020 by a militia, which fought alongside the army "
                  "during their 14-month offensive on the capital.")
    note_publication(doc, None)
    dated = dating(next(t for t in doc if t.text == "fought"), ctx.lexicon.time_clauses)
    assert dated is not None and dated[1] == "history"  # the held clause's date, not "14-month"
