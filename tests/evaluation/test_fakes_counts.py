"""FA-KES count mapping: an incident's counts are its lead event's, not the sum over events.

Why: one gold row is one incident (dev data README, "Meaning of the FA-KES gold columns");
an article restates its toll and recalls other incidents, so summing the events of a row
counted restatements twice (issue #8 follow-up, docs/benchmarks.md "Casualties").
"""

from __future__ import annotations

import pytest

from marsad.evaluation.fakes import FakesGold, FakesRow, lead_counts, score_fakes
from marsad.model import (
    Actor,
    Casualties,
    Document,
    DocumentResult,
    Event,
    TextSpan,
)

TEXT = ("Air strikes killed at least 31 people in Douma. He said at least 31 people were "
        "killed including two medics. Army troops killed 16 militants. "
        "The war has killed 300000 people since 2011.")
ARMY = Actor(name="Military Forces of Syria (2000-)", inter=1)
REBELS = Actor(name="Opposition Rebels (Syria)", inter=2)


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _event(trigger: str, killed: str, best: int, victims: str, aggregate: bool = False,
           actor2: Actor | None = None) -> Event:
    return Event(
        event_id=f"e-{trigger}", disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        trigger=TextSpan(text=trigger, char_span=_span(trigger)),
        evidence=TextSpan(text=killed, char_span=_span(killed)),
        actor1=ARMY, actor2=actor2,
        fatalities=Casualties(low=best, best=best, high=best, text=killed,
                              char_span=_span(killed), victims=victims,  # type: ignore[arg-type]
                              aggregate=aggregate))


LEAD = _event("Air strikes", "killed at least 31 people", 31, "civilians")
RESTATED = _event("were killed", "at least 31 people were killed", 31, "civilians")
CLASH = _event("Army troops", "killed 16 militants", 16, "actor2", actor2=REBELS)
WAR = _event("The war", "has killed 300000 people", 300000, "civilians", aggregate=True)


MIXED = _event("Army troops", "killed 16 militants", 16, "unknown", actor2=REBELS).model_copy(
    update={"fatalities": Casualties(low=16, best=16, high=16, victims="unknown", civilians=3)})


@pytest.mark.parametrize(("events", "expected"), [
    ([LEAD, RESTATED], (31, 0, 31)),            # a restated toll is not added
    ([MIXED], (3, 13, 16)),                     # civilians told apart from fighters
    ([RESTATED, LEAD], (31, 0, 31)),            # text order, not list order
    ([WAR, LEAD, CLASH], (31, 0, 31)),          # aggregates never lead
    ([CLASH, WAR], (0, 16, 16)),                # combatants (actor2, not inter 7)
    ([WAR], (0, 0, 0)),                         # only a campaign total: nothing stated
    ([], (0, 0, 0)),
])
def test_lead_counts(events: list[Event], expected: tuple[int, int, int]) -> None:
    assert lead_counts(events) == expected


@pytest.mark.parametrize(("civilians", "exact"), [(31, 1.0), (62, 0.0)])
def test_score_fakes_counts_the_restated_toll_once(civilians: int, exact: float) -> None:
    gold = FakesGold(date="7/2/16", location="damascus", actor="unknown",
                     cause_of_death="shelling", nb_civilians=civilians, nb_noncivilians=0)
    result = DocumentResult(doc=Document(id="d", text=TEXT), events=[LEAD, RESTATED, WAR])
    report = score_fakes([FakesRow(record_id="r", article="a", gold=gold, result=result)])
    assert report.fields["nb_civilians"]["exact"] == exact
    assert report.fields["nb_killed"]["exact"] == exact
