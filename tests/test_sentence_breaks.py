"""The dateline component: a wire dateline is its own sentence, and the lede after it starts one."""

from __future__ import annotations

import pytest

from marsad.context import Context
from marsad.sentence_breaks import DATELINE_BREAKS


def sentences(ctx: Context, text: str) -> list[str]:
    return [s.text for s in ctx.nlp(text).sents]


def test_component_runs_before_the_parser(ctx: Context) -> None:
    names = ctx.nlp.pipe_names
    assert names.index(DATELINE_BREAKS) < names.index("parser")


@pytest.mark.parametrize(("text", "expected"), [
    ("Ranchi, Jun 18 (PTI) A group of villagers beat two traders to death, police said.",
     ["Ranchi, Jun 18 (PTI)", "A group of villagers beat two traders to death, police said."]),
    ("DAMASCUS, April 5 (Reuters) - Syrian forces shelled the town.",
     ["DAMASCUS, April 5 (Reuters) -", "Syrian forces shelled the town."]),
    # a headline glued before the dateline: three pieces, the dateline whole
    ("Naxals abduct panchayat secretary in Narayanpur Raipur, Oct 8 (IANS) Suspected Maoists "
     "took a panchayat secretary.",
     ["Naxals abduct panchayat secretary in Narayanpur", "Raipur, Oct 8 (IANS)",
      "Suspected Maoists took a panchayat secretary."]),
])
def test_dateline_is_a_sentence_of_its_own(ctx: Context, text: str, expected: list[str]) -> None:
    assert sentences(ctx, text) == expected


def test_bracket_inside_a_sentence_breaks_nothing(ctx: Context) -> None:
    # a weekday in brackets after a date, the sentence going on in lower case
    text = "He said on May 5 (Tuesday) that troops left the town."
    assert sentences(ctx, text) == [text]


def test_subject_after_the_dateline_is_the_verb_subject(ctx: Context) -> None:
    doc = ctx.nlp("Ranchi, Jun 18 (PTI) A group of villagers beat two cattle traders to death.")
    group = next(t for t in doc if t.text == "group")
    assert group.dep_ == "nsubj" and group.head.text == "beat"
