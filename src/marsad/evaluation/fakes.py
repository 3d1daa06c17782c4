"""Score our events against FA-KES incident rows (Syrian war news, one gold row per incident).

Alignment rule (one article can carry several gold rows, one per incident):
1. Gold rows of one article with the same incident fields (location, actor, cause, counts) are
   one incident: they get the same prediction (FA-KES repeats rows that differ only in label/date).
2. Each predicted event of the article goes to the incident it matches best: same governorate
   first, then the closest fatality total (|log1p difference|), then the earlier row.
3. An incident's counts are those of its *lead* event: the first of its events (text order)
   with a non-aggregate toll. Not the sum over its events: the README of the dev data ("Meaning
   of the FA-KES gold columns") says "Each CSV row is **one incident reported in one
   article**" and "nb_civilians — number of civilians **killed** in the incident as stated by
   the article", and an article restates its incident's toll ("killed at least 31 people" in
   the lead, "at least 31 people were killed, including two medics" below) and recalls other
   incidents after it (inverted pyramid), so a sum counts the restatements twice and adds the
   background. Not the main event's either: that one is chosen by closeness to the gold toll.
   Its date, governorate, actor and cause come from its *main* event: the best match among
   its events (same order, then confidence). This is an optimistic (oracle) choice among the
   article's events, stated in the report.
4. An incident that received no event is scored as "no event": no location (abstention),
   actor and cause "unknown", counts 0, and the article's published date as its date.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, ValidationError

from marsad.errors import MarsadError
from marsad.evaluation.mappings import (
    actor_class,
    cause_class,
    governorate_class,
)
from marsad.evaluation.metrics import (
    abstention_scores,
    classification_scores,
    count_scores,
    date_scores,
    per_label_scores,
    top_confusions,
)
from marsad.evaluation.report import EvalReport
from marsad.model import Actor, DocumentResult, Event, Location

# ACLED inter code 7 = civilians: fatalities of such an actor are civilian deaths.
CIVILIAN_INTER = 7

DEFINITIONS = {
    "alignment": "each event goes to the article's gold row with the same governorate, then the "
                 "closest fatality total; a row's main event is its best match (optimistic)",
    "date": "main event's date range (else the article's inferred published date) vs gold "
            "date; exact_day needs a one-day range equal to it, within_7_days the range within "
            "7 days",
    "published": "the document's inferred published date vs gold date (published is not given)",
    "published_or_event": "issue #6 metric: right when the inferred published date, or the "
                          "one-day range of any event of the article, equals the gold date",
    "location": "admin1 of the main event's location, normalised to FA-KES governorates; no "
                "location is an abstention (precision ignores it, recall counts it wrong)",
    "nb_civilians": "non-aggregate fatalities.best of the row's lead event (its first event "
                    "with such a toll, text order) when its victims are civilians (or an actor "
                    "with inter 7); restatements of the toll in later events are not added",
    "nb_noncivilians": "same for victims = actor1/actor2 that is not inter 7; victims 'unknown' "
                       "count in neither, only in nb_killed, unless the toll tells civilians "
                       "and fighters apart (fatalities.civilians: the rest are fighters)",
    "nb_killed": "the lead event's non-aggregate fatalities.best vs gold civilians + "
                 "noncivilians",
    "actor": "who caused the deaths (the gold's meaning): the main event's actor1, or its actor2 "
             "when the event's dead are actor1's own (fatalities.victims = actor1: '35 IS "
             "jihadists killed in clashes with Kurdish fighters'), mapped to the 7 VDC classes "
             "(eval_mappings.yaml)",
    "cause": "main event's sub_event_type mapped to VDC causes of death (eval_mappings.yaml)",
}


class FakesGold(BaseModel):
    """The gold columns of one FA-KES row (see the dev data README)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    date: str
    location: str
    actor: str
    cause_of_death: str
    nb_civilians: int
    nb_noncivilians: int
    nb_children: int = 0
    nb_women: int = 0

    def incident_key(self) -> tuple[str, str, str, int, int]:
        """The fields that identify an incident (label and date can differ between copies)."""
        return (self.location, self.actor, self.cause_of_death,
                self.nb_civilians, self.nb_noncivilians)

    def day(self) -> dt.date:
        """Parse the gold ``M/D/YY`` date."""
        return dt.datetime.strptime(self.date, "%m/%d/%y").date()


@dataclass(frozen=True)
class FakesRow:
    """One gold row with the processed article it belongs to."""

    record_id: str
    article: str
    """Key of the processed article; rows with the same key share ``result``."""
    gold: FakesGold
    result: DocumentResult


@dataclass
class RowPrediction:
    """What we predict for one gold row."""

    main: Event | None = None
    events: list[Event] = field(default_factory=list)


def parse_gold(record_id: str, gold: object) -> FakesGold:
    """Validate a record's ``gold`` dict, naming the record when it is malformed."""
    try:
        parsed = FakesGold.model_validate(gold)
        parsed.day()
    except (ValidationError, ValueError) as err:
        raise MarsadError(f"FA-KES record {record_id}: bad gold: {err}".splitlines()[0]) from err
    return parsed


def event_governorate(location: Location | None) -> str | None:
    """The FA-KES governorate of a location; None when we only know the country or nothing."""
    if location is None:
        return None
    if location.admin1:
        return governorate_class(location.admin1)
    if location.feature == "admin1":
        return governorate_class(location.name)
    if location.iso3 not in (None, "SYR"):
        return governorate_class(location.country or location.iso3)  # abroad: a wrong answer
    return None


def fatalities_by_side(event: Event) -> tuple[int, int, int]:
    """Split an event's non-aggregate fatalities into (civilians, combatants, all)."""
    deaths = event.fatalities
    if deaths is None or deaths.aggregate:
        return 0, 0, 0
    if deaths.victims == "civilians":
        return deaths.best, 0, deaths.best
    victim = {"actor1": event.actor1, "actor2": event.actor2}.get(deaths.victims)
    if victim is None and deaths.civilians is not None:  # "31 jihadists and eight civilians"
        return deaths.civilians, deaths.best - deaths.civilians, deaths.best
    if victim is None:
        return 0, 0, deaths.best
    if victim.inter == CIVILIAN_INTER:
        return deaths.best, 0, deaths.best
    return 0, deaths.best, deaths.best


def match_score(gold: FakesGold, event: Event) -> tuple[int, float]:
    """How well an event fits a gold incident: same governorate, then closeness of the toll."""
    same_place = int(event_governorate(event.location) == gold.location)
    gold_total = gold.nb_civilians + gold.nb_noncivilians
    distance = abs(math.log1p(fatalities_by_side(event)[2]) - math.log1p(gold_total))
    return same_place, -distance


def align_article(golds: Sequence[FakesGold], events: Sequence[Event]) -> list[RowPrediction]:
    """Assign the events of one article to its gold rows (see the module docstring)."""
    keys = list(dict.fromkeys(gold.incident_key() for gold in golds))
    first_gold = {key: next(g for g in golds if g.incident_key() == key) for key in keys}
    by_key: dict[tuple[str, str, str, int, int], RowPrediction] = {
        key: RowPrediction() for key in keys}
    for event in events:
        best = max(keys, key=lambda key: (match_score(first_gold[key], event), -keys.index(key)))
        by_key[best].events.append(event)
    for key, prediction in by_key.items():
        if prediction.events:
            ranked = [(match_score(first_gold[key], event), event.confidence, -index)
                      for index, event in enumerate(prediction.events)]
            prediction.main = prediction.events[ranked.index(max(ranked))]
    return [by_key[gold.incident_key()] for gold in golds]


def _predicted_date(prediction: RowPrediction,
                    result: DocumentResult) -> tuple[dt.date, dt.date] | None:
    if prediction.main is not None and prediction.main.date is not None:
        return prediction.main.date.start, prediction.main.date.end
    published = result.doc.published
    return (published, published) if published is not None else None


def _published_or_event(gold: dt.date,
                        result: DocumentResult) -> tuple[dt.date, dt.date] | None:
    """The gold day when the published date or any event's one-day range equals it, else
    the published date (issue #6: the gold is the article's date, often an event's day)."""
    days = [result.doc.published] + [e.date.start for e in result.events
                                     if e.date is not None and e.date.start == e.date.end]
    if gold in days:
        return gold, gold
    published = result.doc.published
    return (published, published) if published is not None else None


def killer(event: Event | None) -> Actor | None:
    """The side that caused an event's deaths, FA-KES's ``actor``: actor1, unless the dead
    are actor1's own fighters and actor2 is named (a battle coded from the losers' side)."""
    if event is None:
        return None
    deaths = event.fatalities
    if deaths is not None and deaths.victims == "actor1" and event.actor2 is not None:
        return event.actor2
    return event.actor1


def lead_counts(events: Sequence[Event]) -> tuple[int, int, int]:
    """The (civilians, combatants, all) of an incident: its lead event's, i.e. the first event
    with a non-aggregate toll (see the module docstring, rule 3, for why not the sum)."""
    for event in sorted(events, key=lambda e: e.trigger.char_span[0]):
        sides = fatalities_by_side(event)
        if sides[2]:
            return sides
    return 0, 0, 0


def _class_labels(gold: Sequence[str], predicted: Sequence[str]) -> list[str]:
    return sorted(set(gold) | set(predicted))


def predict_rows(rows: Sequence[FakesRow]) -> tuple[list[RowPrediction], int]:
    """Align each article's events with its rows; also return the number of articles."""
    articles: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        articles.setdefault(row.article, []).append(index)
    preds: list[RowPrediction] = [RowPrediction() for _ in rows]
    for members in articles.values():
        aligned = align_article([rows[i].gold for i in members], rows[members[0]].result.events)
        for index, prediction in zip(members, aligned, strict=True):
            preds[index] = prediction
    return preds, len(articles)


def score_fakes(rows: Sequence[FakesRow]) -> EvalReport:
    """Score FA-KES rows; rows with the same ``article`` key are one article."""
    preds, n_articles = predict_rows(rows)
    golds = [row.gold for row in rows]
    days = [gold.day() for gold in golds]
    published = [(r.result.doc.published, r.result.doc.published)
                 if r.result.doc.published else None for r in rows]
    places = [event_governorate(p.main.location) if p.main else None for p in preds]
    sums = [lead_counts(p.events) for p in preds]
    actors = [actor_class(killer(p.main)) for p in preds]
    causes = [cause_class(p.main) for p in preds]
    gold_actors = [g.actor for g in golds]
    gold_causes = [g.cause_of_death for g in golds]
    gold_places = [g.location for g in golds]
    actor_labels = _class_labels(gold_actors, actors)
    cause_labels = _class_labels(gold_causes, causes)
    actor_summary, actor_table = classification_scores(gold_actors, actors, actor_labels)
    cause_summary, cause_table = classification_scores(gold_causes, causes, cause_labels)
    place_labels = sorted(set(gold_places) | {p for p in places if p is not None})
    shown_places = [p if p is not None else "NONE" for p in places]
    return EvalReport(
        dataset="fakes",
        n_records=len(rows),
        n_documents=n_articles,
        fields={
            "date": date_scores(days, [_predicted_date(p, r.result)
                                       for p, r in zip(preds, rows, strict=True)]),
            "published": date_scores(days, published),
            "published_or_event": date_scores(
                days, [_published_or_event(day, row.result) for day, row in zip(days, rows,
                                                                                 strict=True)]),
            "location": abstention_scores(gold_places, places),
            "nb_civilians": count_scores([g.nb_civilians for g in golds], [s[0] for s in sums]),
            "nb_noncivilians": count_scores([g.nb_noncivilians for g in golds],
                                            [s[1] for s in sums]),
            "nb_killed": count_scores([g.nb_civilians + g.nb_noncivilians for g in golds],
                                      [s[2] for s in sums]),
            "actor": actor_summary,
            "cause": cause_summary,
        },
        per_label={"actor": actor_table, "cause": cause_table,
                   "location": per_label_scores(gold_places, shown_places, place_labels)},
        confusions=sorted(top_confusions("actor", gold_actors, actors, 8)
                          + top_confusions("cause", gold_causes, causes, 8)
                          + top_confusions("location", gold_places, shown_places, 8),
                          key=lambda c: -c.count),
        definitions=DEFINITIONS,
    )
