"""Tests for marsad.extractors.time: date expressions, their periods and precisions."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extractors.time import (
    DateMention,
    find_dates,
    governs_later_sentences,
    parse_iso_or_none,
)

SEED = Path(__file__).parent.parent / "data" / "seed_enab_baladi.txt"  # Enab Baladi, 2018-05-08
SEED_ANCHOR = date(2018, 5, 8)  # a Tuesday, the seed article's publication day
KINDS = {"explicit", "weekday", "relative", "range", "since", "vague", "duration"}
ANCHORED_KINDS = {"weekday", "relative", "since", "vague", "duration"}


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _only(text: str, anchor: date | None) -> DateMention:
    mentions = find_dates(text, anchor)
    assert len(mentions) == 1, mentions
    return mentions[0]


def _d(iso: str) -> date:
    return date.fromisoformat(iso)


# ----------------------------------------------------------------------------------------
# The seed article, anchored on its publication day


@pytest.mark.parametrize(
    ("context", "expected_text", "start", "end", "precision", "kind"),
    [
        ("their campaign on Monday to gain", "Monday", "2018-05-07", "2018-05-07", 1,
         "weekday"),
        ("the day on Monday 7 May, while", "Monday 7 May", "2018-05-07", "2018-05-07", 1,
         "explicit"),
        ("Agency claimed on Sunday that", "Sunday", "2018-05-06", "2018-05-06", 1, "weekday"),
        ("toward this end since Sunday.", "since Sunday", "2018-05-06", "2018-05-08", 2,
         "since"),
        # The campaign's start is dated later in the text (Thursday 19 April): the vaguer
        # restatement of that start is narrowed to it.
        ("which started three weeks ago.", "three weeks ago", "2018-04-19", "2018-04-19", 1,
         "relative"),
        ("had died since the beginning of the military campaign against",
         "since the beginning of the military campaign", "2018-04-19", "2018-05-08", 3,
         "since"),
        ("southern Damascus on Thursday 19 April, which", "Thursday 19 April", "2018-04-19",
         "2018-04-19", 1, "explicit"),
        ("has also reported in recent days that", "in recent days", "2018-05-01",
         "2018-05-08", 2, "vague"),
        ("Yarmouk Camp – May 6. 2018 (Damascus", "May 6. 2018", "2018-05-06", "2018-05-06",
         1, "explicit"),
    ],
)
def test_seed_mentions(context: str, expected_text: str, start: str, end: str,
                       precision: int, kind: str) -> None:
    text = _seed_text()
    # The article separates some words with no-break spaces: any space matches any space.
    found = re.search(re.escape(context).replace(r"\ ", r"\s+"), text)
    assert found is not None
    inside = [m for m in find_dates(text, SEED_ANCHOR)
              if found.start() <= m.start_char and m.end_char <= found.end()]
    assert [(m.text, m.start, m.end, m.precision, m.kind) for m in inside] == [
        (expected_text, _d(start), _d(end), precision, kind)]


def test_seed_finds_exactly_these_mentions() -> None:
    mentions = find_dates(_seed_text(), SEED_ANCHOR)
    assert [m.text for m in mentions] == [
        "May 6. 2018", "May 6. 2018", "Monday", "Monday 7 May", "since Sunday", "Sunday",
        "Sunday", "since the beginning of the military campaign", "three weeks ago", "Sunday",
        "Thursday 19 April", "in recent days"]


def test_seed_without_anchor_keeps_only_full_dates() -> None:
    mentions = find_dates(_seed_text(), None)
    assert [(m.text, m.start) for m in mentions] == [
        ("May 6. 2018", _d("2018-05-06")), ("May 6. 2018", _d("2018-05-06"))]


def test_three_weeks_ago_is_centred_on_21_days_back() -> None:
    mention = _only("The campaign started three weeks ago.", SEED_ANCHOR)
    centre = mention.start + (mention.end - mention.start) / 2
    assert centre == _d("2018-04-17")


# ----------------------------------------------------------------------------------------
# Forms, anchored on Tuesday 2018-05-08


@pytest.mark.parametrize(
    ("text", "expected_text", "start", "end", "precision", "kind"),
    [
        # explicit days, with and without year
        ("on 19 December", "19 December", "2017-12-19", "2017-12-19", 1, "explicit"),
        ("on 7 May 2018", "7 May 2018", "2018-05-07", "2018-05-07", 1, "explicit"),
        ("on May 7, 2018", "May 7, 2018", "2018-05-07", "2018-05-07", 1, "explicit"),
        ("on April 19th", "April 19th", "2018-04-19", "2018-04-19", 1, "explicit"),
        ("on the 19th of April", "19th of April", "2018-04-19", "2018-04-19", 1, "explicit"),
        ("on Monday, May 7", "Monday, May 7", "2018-05-07", "2018-05-07", 1, "explicit"),
        ("on Sept. 7", "Sept. 7", "2017-09-07", "2017-09-07", 1, "explicit"),
        ("on 7 Sept 2017", "7 Sept 2017", "2017-09-07", "2017-09-07", 1, "explicit"),
        ("dated 19/04/2018", "19/04/2018", "2018-04-19", "2018-04-19", 1, "explicit"),
        ("dated 19.04.2018", "19.04.2018", "2018-04-19", "2018-04-19", 1, "explicit"),
        ("dated 04/19/2018", "04/19/2018", "2018-04-19", "2018-04-19", 1, "explicit"),
        ("dated 05/04/2018", "05/04/2018", "2018-04-05", "2018-04-05", 1, "explicit"),
        ("dated 2018-04-19", "2018-04-19", "2018-04-19", "2018-04-19", 1, "explicit"),
        ("on 29 February", "29 February", "2016-02-29", "2016-02-29", 1, "explicit"),
        # weekdays: the latest such day on or before the anchor
        ("on Tuesday", "Tuesday", "2018-05-08", "2018-05-08", 1, "weekday"),
        ("on Wednesday", "Wednesday", "2018-05-02", "2018-05-02", 1, "weekday"),
        ("last Tuesday", "last Tuesday", "2018-05-01", "2018-05-01", 1, "weekday"),
        ("on Monday night", "Monday night", "2018-05-07", "2018-05-07", 1, "weekday"),
        ("at dawn on Monday", "Monday", "2018-05-07", "2018-05-07", 1, "weekday"),
        ("Sunday's attack", "Sunday", "2018-05-06", "2018-05-06", 1, "weekday"),
        # scrapes that drop the apostrophe (FA-KES): "Sundays attack" is still Sunday's
        ("Sundays attack", "Sundays", "2018-05-06", "2018-05-06", 1, "weekday"),
        ("in Saturdays blast", "Saturdays", "2018-05-05", "2018-05-05", 1, "weekday"),
        ("yesterdays bombing", "yesterdays", "2018-05-07", "2018-05-07", 1, "relative"),
        ("todays raid", "todays", "2018-05-08", "2018-05-08", 1, "relative"),
        # counted from the anchor
        ("today", "today", "2018-05-08", "2018-05-08", 1, "relative"),
        ("yesterday", "yesterday", "2018-05-07", "2018-05-07", 1, "relative"),
        ("last night", "last night", "2018-05-07", "2018-05-07", 1, "relative"),
        ("the day before yesterday", "the day before yesterday", "2018-05-06", "2018-05-06",
         1, "relative"),
        ("clashes overnight", "overnight", "2018-05-07", "2018-05-08", 2, "relative"),
        ("raided at dawn", "at dawn", "2018-05-08", "2018-05-08", 1, "relative"),
        ("early this morning", "early this morning", "2018-05-08", "2018-05-08", 1,
         "relative"),
        ("two days ago", "two days ago", "2018-05-06", "2018-05-06", 1, "relative"),
        ("3 days ago", "3 days ago", "2018-05-05", "2018-05-05", 1, "relative"),
        ("a few days ago", "a few days ago", "2018-05-03", "2018-05-06", 2, "relative"),
        ("a week ago", "a week ago", "2018-04-28", "2018-05-04", 2, "relative"),
        ("two months ago", "two months ago", "2018-02-21", "2018-03-23", 3, "relative"),
        ("last week", "last week", "2018-05-01", "2018-05-07", 2, "relative"),
        ("this week", "this week", "2018-05-07", "2018-05-08", 2, "relative"),
        ("over the weekend", "over the weekend", "2018-05-05", "2018-05-06", 2, "relative"),
        ("last month", "last month", "2018-04-01", "2018-04-30", 3, "relative"),
        ("earlier this month", "earlier this month", "2018-05-01", "2018-05-08", 3,
         "relative"),
        ("last year", "last year", "2017-01-01", "2017-12-31", 3, "relative"),
        # vague recent periods and durations up to the anchor
        ("in the past few days", "in the past few days", "2018-05-01", "2018-05-08", 2,
         "vague"),
        ("has recently", "recently", "2018-04-08", "2018-05-08", 3, "vague"),
        ("over the past two weeks", "over the past two weeks", "2018-04-24", "2018-05-08", 3,
         "duration"),
        ("in the last 24 hours", "in the last 24 hours", "2018-05-07", "2018-05-08", 2,
         "duration"),
        ("during the past week", "during the past week", "2018-05-01", "2018-05-08", 2,
         "duration"),
        # months and parts of months (the part's 10 days or so make precision 3)
        ("in May", "May", "2018-05-01", "2018-05-08", 3, "explicit"),
        ("in June", "June", "2017-06-01", "2017-06-30", 3, "explicit"),
        ("last May", "last May", "2017-05-01", "2017-05-31", 3, "explicit"),
        ("in May 2018", "May 2018", "2018-05-01", "2018-05-31", 3, "explicit"),
        ("Jan 2018", "Jan 2018", "2018-01-01", "2018-01-31", 3, "explicit"),
        ("early May", "early May", "2018-05-01", "2018-05-08", 3, "explicit"),
        ("since mid-April", "since mid-April", "2018-04-11", "2018-05-08", 3, "since"),
        ("mid-April", "mid-April", "2018-04-11", "2018-04-20", 3, "explicit"),
        ("late May", "late May", "2017-05-21", "2017-05-31", 3, "explicit"),
        ("at the end of April 2017", "the end of April 2017", "2017-04-21", "2017-04-30", 3,
         "explicit"),
        # years
        ("in 2017", "2017", "2017-01-01", "2017-12-31", 3, "explicit"),
        ("in late 2017", "late 2017", "2017-09-01", "2017-12-31", 3, "explicit"),
        ("since 2011", "since 2011", "2011-01-01", "2018-05-08", 3, "since"),
        # ranges
        ("between 3 and 5 May", "between 3 and 5 May", "2018-05-03", "2018-05-05", 2,
         "range"),
        ("from 3 to 5 May", "from 3 to 5 May", "2018-05-03", "2018-05-05", 2, "range"),
        ("on 3-5 May", "3-5 May", "2018-05-03", "2018-05-05", 2, "range"),
        ("on May 3-5, 2018", "May 3-5, 2018", "2018-05-03", "2018-05-05", 2, "range"),
        ("from 1 to 20 April", "from 1 to 20 April", "2018-04-01", "2018-04-20", 3, "range"),
        ("from Sunday to Tuesday", "from Sunday to Tuesday", "2018-05-06", "2018-05-08", 2,
         "range"),
        ("between 30 April and 2 May", "between 30 April and 2 May", "2018-04-30",
         "2018-05-02", 2, "range"),
        ("between 2011 and 2017", "between 2011 and 2017", "2011-01-01", "2017-12-31", 3,
         "range"),
        ("on 6-10 May", "6-10 May", "2018-05-06", "2018-05-08", 2, "range"),
        # since
        ("since Sunday", "since Sunday", "2018-05-06", "2018-05-08", 2, "since"),
        ("since 19 April", "since 19 April", "2018-04-19", "2018-05-08", 3, "since"),
        ("since the beginning of the month", "since the beginning of the month",
         "2018-05-01", "2018-05-08", 2, "since"),
        ("ever since last week", "ever since last week", "2018-05-01", "2018-05-08", 2,
         "since"),
        ("since April", "since April", "2018-04-01", "2018-05-08", 3, "since"),
        ("since 2011 this war has", "since 2011", "2011-01-01", "2018-05-08", 3, "since"),
        # wire copy in capitals (MUC-4 style)
        ("CAPTURED ON 2 FEBRUARY BY TROOPS", "2 FEBRUARY", "2018-02-02", "2018-02-02", 1,
         "explicit"),
        ("BEGAN IN SEPTEMBER IN MEXICO", "SEPTEMBER", "2017-09-01", "2017-09-30", 3,
         "explicit"),
        ("AT DAYBREAK ON MONDAY", "MONDAY", "2018-05-07", "2018-05-07", 1, "weekday"),
        ("SINCE 16 DECEMBER", "SINCE 16 DECEMBER", "2017-12-16", "2018-05-08", 3, "since"),
    ],
)
def test_forms(text: str, expected_text: str, start: str, end: str, precision: int,
               kind: str) -> None:
    mention = _only(text, SEED_ANCHOR)
    assert (mention.text, mention.start, mention.end, mention.precision, mention.kind) == (
        expected_text, _d(start), _d(end), precision, kind)
    assert mention.text == text[mention.start_char:mention.end_char]


@pytest.mark.parametrize(
    ("text", "anchor", "start", "end"),
    [
        ("on 19 December", "2018-05-08", "2017-12-19", "2017-12-19"),
        ("on 15 January", "2018-01-03", "2017-01-15", "2017-01-15"),  # (a day of the coming
        # week is that day: test_a_day_of_the_coming_week_is_not_last_years)
        ("on 3 January", "2018-01-03", "2018-01-03", "2018-01-03"),
        ("on Sunday", "2018-01-02", "2017-12-31", "2017-12-31"),
        ("last month", "2018-01-15", "2017-12-01", "2017-12-31"),
        ("in December", "2018-01-15", "2017-12-01", "2017-12-31"),
        ("early December", "2018-01-15", "2017-12-01", "2017-12-10"),
        ("three weeks ago", "2018-01-10", "2017-12-17", "2017-12-23"),
        ("this week", "2018-01-01", "2018-01-01", "2018-01-01"),
        ("between 28 December and 2 January 2018", "2018-05-08", "2017-12-28", "2018-01-02"),
    ],
)
def test_year_comes_from_the_anchor_and_never_passes_it(text: str, anchor: str, start: str,
                                                        end: str) -> None:
    mention = _only(text, _d(anchor))
    assert (mention.start, mention.end) == (_d(start), _d(end))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting on 7 May 2018 and on Monday.", [("7 May 2018", "2018-05-07")]),
        ("Published 2018-04-19, updated yesterday.", [("2018-04-19", "2018-04-19")]),
        ("in May 2018, and in June", [("May 2018", "2018-05-01")]),
        ("from 3 to 5 May 2018", [("from 3 to 5 May 2018", "2018-05-03")]),
        ("in 2017", [("2017", "2017-01-01")]),
        ("since 19 April", []),
        ("three weeks ago, on Thursday 19 April, in recent days", []),
    ],
)
def test_without_anchor_only_dates_with_a_year(text: str,
                                               expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.start) for m in find_dates(text, None)] == [
        (t, _d(s)) for t, s in expected]


@pytest.mark.parametrize(
    "text",
    [
        "The regime gained 500 metres of ground.",
        "ISIS controls around 70% of the camp.",
        "The group killed 30 of the regime's soldiers.",
        "Gunmen abducted 2 women and 3 children.",
        "Clashes resumed at 10:30 near the gate.",
        "See page 5, paragraph 3.",
        "They may attack the camp; civilians may flee.",
        "THEY MAY ATTACK THE CAMP.",
        "THE SUNDAY TIMES REPORTED",
        "May they rest in peace.",
        "Theresa May said the strikes were justified.",
        "In May's cabinet, opinions differed.",
        "The Sunday Times reported the clashes.",
        "Fighters will attack next Monday.",
        "on the last day of the siege",
        "Version 1.5.18 was released.",
        "The 3rd Division and the 5th Corps.",
        "Resolution 2254 was cited.",
        "In 2000 attacks, 30 died.",
        "On Mondays the market is closed.",
        "Mondays and Thursdays are market days.",
        "The fighting on Sundays.",
        "on 31 April",
        # a day that names a place, a unit or a movement; a clock time (date_name_nouns)
        "IN THE 27 SEPTEMBER NEIGHBORHOOD",
        "ON BOYACA AND 9 OCTOBER AVENUES",
        "the bus station and April 7th Street",
        "members of the April 6 Youth Movement",
        "the 17 February Brigade",
        "BETWEEN 1310 AND 1350 (1910 AND 1950 GMT)",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, SEED_ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "expected_texts"),
    [
        ("on Monday and Tuesday", ["Monday", "Tuesday"]),
        ("on 3 and 5 May", ["5 May"]),
        ("yesterday at dawn", ["yesterday"]),
        ("overnight Sunday", ["Sunday"]),
        # a day with its year is a date whatever word follows (a dateline, then a headline)
        ("Wednesday 30 November 2016 Coalition Letter to UN", ["Wednesday 30 November 2016"]),
        ("on Monday, clashes; on Sunday, strikes", ["Monday", "Sunday"]),
        ("Monday 7 May", ["Monday 7 May"]),
        ("claimed on\xa0Sunday, three\xa0weeks ago", ["Sunday", "three\xa0weeks ago"]),
    ],
)
def test_separate_or_joined_mentions(text: str, expected_texts: list[str]) -> None:
    assert [m.text for m in find_dates(text, SEED_ANCHOR)] == expected_texts


def test_datetime_anchor_is_read_as_its_day() -> None:
    mention = _only("on Monday", datetime(2018, 5, 8, 23, 59))
    assert mention.start == _d("2018-05-07")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-05-08", date(2018, 5, 8)),
        (" 2018-05-08 ", date(2018, 5, 8)),
        ("2018-05-08T10:00:00Z", date(2018, 5, 8)),
        ("2018-05-08 10:00:00+03:00", date(2018, 5, 8)),
        ("8 May 2018", None),
        ("", None),
        ("2018-13-01", None),
    ],
)
def test_parse_iso_or_none(value: str, expected: date | None) -> None:
    assert parse_iso_or_none(value) == expected


# ----------------------------------------------------------------------------------------
# Properties

_FRAGMENTS = st.sampled_from([
    "on Monday", "Monday 7 May", "since Sunday", "three weeks ago", "in recent days",
    "May 6. 2018", "19/04/2018", "2018-04-19", "between 3 and 5 May", "from Sunday to",
    " and ", "-", " to ", "late May", "in May", "since", "the past", "yesterday", "at dawn",
    "overnight", "in 2017", "29 February", "31 April", "a few days ago", "last", "the",
    "500 metres", "70%", "10:30", "Sept.", "7", "2018", "mid-", "early", ",", ".", " ",
])
_TEXTS = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, anchor=st.one_of(st.none(), st.dates()))
def test_find_dates_properties(text: str, anchor: date | None) -> None:
    mentions = find_dates(text, anchor)
    previous_end = 0
    for mention in mentions:
        assert mention.text == text[mention.start_char:mention.end_char]
        assert previous_end <= mention.start_char < mention.end_char
        previous_end = mention.end_char
        assert mention.start <= mention.end
        assert mention.precision in (1, 2, 3)
        assert mention.kind in KINDS
        if mention.kind in ANCHORED_KINDS:
            assert anchor is not None and mention.end <= anchor


# ----------------------------------------------------------------------------------------
# The table of expressions, anchors and expected ranges (tests/data/date_cases.yaml)

DATE_CASES = Path(__file__).parent.parent / "data" / "date_cases.yaml"


def _date_cases() -> list[dict[str, object]]:
    import yaml

    return list(yaml.safe_load(DATE_CASES.read_text(encoding="utf-8"))["cases"])


@pytest.mark.parametrize("case", _date_cases(), ids=lambda case: str(case["text"])[:50])
def test_date_cases(case: dict[str, object]) -> None:
    anchor = case["anchor"]
    assert anchor is None or isinstance(anchor, date)
    found = find_dates(str(case["text"]), anchor, str(case.get("language", "en")))
    assert [[m.text, m.start, m.end, m.precision, m.kind] for m in found] == case["expect"]


# ----------------------------------------------------------------------------------------
# Anchors: campaign starts and claim dates


@pytest.mark.parametrize(
    ("text", "noun", "start"),
    [
        ("Assad's forces began their military campaign in southern Damascus on Thursday 19 "
         "April, which was followed by an agreement.", "campaign", "2018-04-19"),
        ("The offensive, which was launched on 2 May, goes on.", "offensive", "2018-05-02"),
        ("Since the beginning of the campaign, which started three weeks ago, 500 died.",
         "campaign", "2018-04-14"),
        ("The campaign goes on. Clashes began on Monday.", None, None),
        ("The ceasefire came into effect on 1 May.", "ceasefire", "2018-05-01"),
    ],
)
def test_find_campaign_anchors(text: str, noun: str | None, start: str | None) -> None:
    from marsad.extractors.time import best_campaign_start, find_campaign_anchors

    anchors = find_campaign_anchors(text, find_dates(text, SEED_ANCHOR))
    if noun is None:
        assert anchors == []
        return
    best = best_campaign_start(anchors, noun)
    assert best is not None and best.start == _d(str(start))


def test_seed_campaign_anchor_prefers_the_precise_start() -> None:
    from marsad.extractors.time import best_campaign_start, find_campaign_anchors

    text = _seed_text()
    anchors = find_campaign_anchors(text, find_dates(text, SEED_ANCHOR))
    best = best_campaign_start(anchors, "campaign")
    # "which started three weeks ago" (14-20 April) and "on Thursday 19 April" both date
    # it; the day-precise one wins (find_dates has already narrowed the other to it).
    assert best is not None and (best.start, best.end, best.precision) == (
        _d("2018-04-19"), _d("2018-04-19"), 1)


@pytest.mark.parametrize(
    ("text", "claim_day", "start", "end", "precision"),
    [
        # "Amaaq said on Sunday that it killed 30 soldiers yesterday": Saturday
        ("yesterday", "2018-05-06", "2018-05-05", "2018-05-05", 1),
        ("on Friday", "2018-05-06", "2018-05-04", "2018-05-04", 1),
        ("since Friday", "2018-05-06", "2018-05-04", "2018-05-06", 2),
        ("7 May 2018", "2018-05-06", "2018-05-07", "2018-05-07", 1),  # a full date stays
    ],
)
def test_resolve_relative_to_claim_day(text: str, claim_day: str, start: str, end: str,
                                       precision: int) -> None:
    from marsad.extractors.time import resolve_relative_to

    sentence = f"The group said it killed 30 soldiers {text}."
    mention = find_dates(sentence, SEED_ANCHOR)[0]
    moved = resolve_relative_to(sentence, mention, _d(claim_day))
    assert (moved.start, moved.end, moved.precision) == (_d(start), _d(end), precision)
    assert (moved.start_char, moved.end_char) == (mention.start_char, mention.end_char)


def test_event_inside_a_claim_is_on_or_before_the_claim_day() -> None:
    from marsad.extractors.time import on_or_before

    start, end, precision = on_or_before(_d("2018-05-06"))
    assert end == _d("2018-05-06") and start < end and precision == 2


def test_language_sections() -> None:
    from marsad.errors import MarsadError
    from marsad.extractors.time import supported_languages

    assert "en" in supported_languages()
    with pytest.raises(MarsadError, match="no section for language 'xx'"):
        find_dates("on Monday", SEED_ANCHOR, "xx")


@pytest.mark.parametrize(
    ("clause", "governs"),
    [
        ("Rebels shelled the town on Saturday", True),
        ("Regime forces besieged the town in July 2015", True),
        ("Rebels have shelled the town since Monday", True),  # short: cut at the anchor
        ("Rebels have held the town since 2013", False),  # opens a period of years
        ("The town was the scene of fierce fighting last year", False),  # a whole year
        ("The town was captured in 2012", False),
        ("The conflict erupted five years ago", False),
        ("held by rebels since shortly after the crisis began in March 2011", False),
    ],
)
def test_which_dates_govern_later_sentences(clause: str, governs: bool) -> None:
    [mention] = find_dates(clause, date(2016, 7, 15))
    assert governs_later_sentences(mention, clause[:mention.start_char]) is governs


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a day of the coming week is that coming day, not the same day last year
        ("A general strike was scheduled for 1 November", date(1989, 10, 31), date(1989, 11, 1)),
        ("Peace talks on 2 January", date(2018, 12, 30), date(2019, 1, 2)),  # a new year
        # a day just past, or more than a week ahead (last year's), is read as before
        ("Rebels attacked the town on 30 October", date(1989, 10, 31), date(1989, 10, 30)),
        ("Rebels attacked the town on 30 December", date(2018, 1, 2), date(2017, 12, 30)),
        ("The massacre of 20 November", date(1989, 10, 31), date(1988, 11, 20)),
    ],
)
def test_a_day_of_the_coming_week_is_not_last_years(text: str, anchor: date,
                                                    expected: date) -> None:
    assert [m.start for m in find_dates(text, anchor)] == [expected]
