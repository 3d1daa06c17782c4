"""Tests for marsad.extractors.numbers: counts, conventions and what is not a count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.extractors.numbers import Count, find_numbers, parse_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30", Count(30, 30, 30)),
        ("1,200", Count(1200, 1200, 1200)),
        ("٣٠", Count(30, 30, 30)),
        ("١٬٢٠٠", Count(1200, 1200, 1200)),
        ("thirty-two", Count(32, 32, 32)),
        ("a dozen", Count(12, 12, 12)),
        ("two dozen", Count(24, 24, 24)),
        ("two hundred", Count(200, 200, 200)),
        ("one hundred and fifty", Count(150, 150, 150)),
        ("a thousand", Count(1000, 1000, 1000)),
        ("1.5 million", Count(1_500_000, 1_500_000, 1_500_000)),
        ("between 10 and 15", Count(10, 10, 15, qualifier="range")),
        ("10 to 15", Count(10, 10, 15, qualifier="range")),
        ("10-15", Count(10, 10, 15, qualifier="range")),
        ("two or three", Count(2, 2, 3, qualifier="range")),
        ("more than 20", Count(20, 20, 20, qualifier="more-than")),
        ("over 100", Count(100, 100, 100, qualifier="more-than")),
        ("at least 7", Count(7, 7, 7, qualifier="at-least")),
        ("nearly 40", Count(36, 40, 40, qualifier="nearly")),
        ("almost 40", Count(36, 40, 40, qualifier="nearly")),
        ("up to 100", Count(50, 100, 100, qualifier="up-to")),
        ("about 50", Count(45, 50, 55, qualifier="about")),
        ("some 300", Count(270, 300, 330, qualifier="about")),
        ("fewer than 10", Count(5, 9, 9, qualifier="less-than")),
        ("several", Count(2, 3, 9, vague=True, qualifier="vague")),
        ("a few", Count(2, 3, 5, vague=True, qualifier="vague")),
        ("tens", Count(10, 10, 99, vague=True, qualifier="vague")),
        ("dozens", Count(12, 12, 99, vague=True, qualifier="vague")),
        ("scores", Count(20, 20, 199, vague=True, qualifier="vague")),
        ("hundreds", Count(100, 100, 999, vague=True, qualifier="vague")),
        ("thousands", Count(1000, 1000, 9999, vague=True, qualifier="vague")),
        ("tens of thousands", Count(10000, 10000, 99999, vague=True, qualifier="vague")),
        ("a number of", Count(2, 3, 10, vague=True, qualifier="vague")),
    ],
)
def test_parse_count_reads_amounts_by_the_codebook(text: str, expected: Count) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "a", "two and three", "soldiers", "2018", "500 metres", "70%", "3 km", "7 May",
     "Resolution 2254", "3.5", "killed 30"],
)
def test_parse_count_rejects_what_is_not_one_count(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("500 metres of ground had been gained", []),
        ("ISIS fighters control around 70% of the Yarmouk camp", []),
        ("3 km from the town and 50 kilometres away", []),
        ("on Monday 7 May in 2018", []),
        ("under Resolution 2254", []),
        ("which started three weeks ago at 10:30", []),
        ("a 10-year-old boy and a MiG-29", []),
        ("destroyed 10 tanks", ["10"]),
        ("we do not know how many dead there are", []),
        ("too many lives have been lost", []),
        ("so many people fled", []),
        ("as many as 200 died", ["as many as 200"]),
        ("many people died", ["many"]),
        ("29-06-2016 7 Civilians Killed", ["7"]),
        ("on 7/5/2018 5 people and on 01.10.2014 3 more", ["5", "3"]),
        ("two women and three children", ["two", "three"]),
        ("the group had killed 30 of the regime’s soldiers", ["30"]),
        ("killing 15 civilians including 5 children", ["15", "5"]),
        ("dozens of troops heading", ["dozens of"]),
        ("at least 12 civilians", ["at least 12"]),
        ("2000 people fled", ["2000"]),
    ],
)
def test_find_numbers_skips_measures_dates_and_labels(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end, _ in find_numbers(text)] == expected


@given(st.text(max_size=200))
def test_find_numbers_spans_and_bounds_are_consistent(text: str) -> None:
    for start, end, count in find_numbers(text):
        assert 0 <= start < end <= len(text)
        assert 0 <= count.low <= count.best <= count.high
