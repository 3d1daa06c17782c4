"""Why incident fusion splits or merges gold incidents: every error, with its score components.

Run: .venv/bin/python benchmarks/fuse_misses.py [GOLD] [--cache FILE] [--threshold T]

For each gold incident whose articles land in more than one predicted incident (a recall
loss), it prints every article's lead event (type, date, place, actors, toll) and, for each
pair of articles split apart, the match score's components (type, place, date, actors,
fatalities, text), the veto that stopped them (type / date / place) or the score against the
threshold, and the average-linkage score of the later lead against the earlier one's whole
predicted incident (a pair may score well and still be kept out by another member). Then
every predicted incident that mixes gold incidents (a precision loss). ``--cache`` keeps the
pipeline results in a JSON-lines file so reruns after a fusion.yaml change take seconds
(delete it when extraction changes).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from marsad.evaluation.incidents import (
    cached_results,
    cluster_scores,
    lead_event,
    predicted_labels,
    read_gold,
)
from marsad.fusion import ORDER_STRIDE
from marsad.fusion.cluster import Cluster, cluster_reports
from marsad.fusion.report import Report, make_report
from marsad.fusion.scoring import explain
from marsad.fusion.settings import FusionSettings, load_fusion_settings
from marsad.model import DocumentResult

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "incidents" / "incidents_gold.jsonl"
COMPONENTS = ("type", "place", "date", "actors", "fatalities", "text")


def describe(report: Report) -> str:
    """One line: what fusion compares of a lead event."""
    event = report.event
    date = (f"{event.date.start}..{event.date.end} p{event.date.precision}"
            if event.date else "undated")
    place = (f"{event.location.name} ({event.location.admin1}, p{event.location.precision})"
             if event.location else "no place")
    actors = ", ".join(sorted(report.actors)) or "-"
    return (f"{event.sub_event_type} | {date} | {place} | actors: {actors} | "
            f"deaths: {report.deaths}")


def leads(results: list[DocumentResult], settings: FusionSettings) -> dict[str, Report]:
    """The lead event of each document as a fusion report."""
    found = {}
    for number, result in enumerate(results):
        lead = lead_event(result)
        if lead is not None:
            position = result.events.index(lead)
            found[result.doc.id] = make_report(number * 100_000 + position, result.doc, lead,
                                               settings.victim_inters)
    return found


def linkage_line(report: Report, cluster: Cluster, settings: FusionSettings) -> str:
    """Why ``report`` is not in ``cluster``: a member's veto, or the average score."""
    total = 0.0
    for member in cluster.members:
        why = explain(report, member, settings)
        if why.veto:
            return f"vetoed by member {member.doc_id}#{member.order % ORDER_STRIDE}: {why.veto}"
        total += why.score or 0.0
    average = total / len(cluster.members)
    return f"average {average:.3f} over {len(cluster.members)} members"


def joined_with(report: Report, clusters: dict[str, Cluster]) -> str:
    """The score with which ``report`` joined its incident (1.0: it started it)."""
    for cluster in clusters.values():
        for member, score in zip(cluster.members, cluster.scores, strict=True):
            if member.event_id == report.event_id:
                return f"{score:.3f}" if member is not cluster.members[0] else "none (started it)"
    return "?"


def pair_line(first: Report, second: Report, settings: FusionSettings) -> str:
    """The components of one pair and the reason it was not joined."""
    why = explain(first, second, settings)
    shown = {name: "VETO" if value is None else f"{value:.2f}"
             for name, value in why.components.items()}
    parts = "  ".join(f"{name} {shown[name]}" for name in COMPONENTS)
    verdict = (f"veto: {why.veto}" if why.veto else
               f"score {why.score:.3f} {'<' if (why.score or 0) < settings.threshold else '>='} "
               f"threshold {settings.threshold}")
    return f"{parts}  => {verdict}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--restatement", type=float, default=None, metavar="T",
                        help="restatement threshold (0 turns restatements off)")
    args = parser.parse_args()
    settings = load_fusion_settings()
    if args.threshold is not None:
        settings = settings.with_threshold(args.threshold)
    if args.restatement is not None:
        settings = settings.with_restatement(enabled=args.restatement > 0,
                                             threshold=args.restatement or 1.0)
    gold = read_gold(args.gold)
    results = cached_results(gold, args.cache)
    gold_labels = {item.doc.id: item.incident for item in gold}
    predicted = predicted_labels(results, settings)
    scores = cluster_scores(predicted, gold_labels)
    print(f"pairwise P/R/F1 {scores.pairwise_precision:.3f} / {scores.pairwise_recall:.3f} / "
          f"{scores.pairwise_f1:.3f}   B-cubed P/R/F1 {scores.bcubed_precision:.3f} / "
          f"{scores.bcubed_recall:.3f} / {scores.bcubed_f1:.3f}")
    lead = leads(results, settings)
    clusters = {cluster.incident_id: cluster for cluster in cluster_reports(
        [make_report(number * ORDER_STRIDE + position, result.doc, event, settings.victim_inters)
         for number, result in enumerate(results)
         for position, event in enumerate(result.events)], settings)}
    members = {name: {m.event_id for m in cluster.members} for name, cluster in clusters.items()}
    by_gold: dict[str, list[str]] = defaultdict(list)
    by_predicted: dict[str, list[str]] = defaultdict(list)
    for doc_id in gold_labels:
        by_gold[gold_labels[doc_id]].append(doc_id)
        by_predicted[predicted[doc_id]].append(doc_id)
    split = [name for name, docs in by_gold.items() if len({predicted[d] for d in docs}) > 1]
    print(f"\n== {len(split)} gold incidents split ==")
    for name in split:
        docs = by_gold[name]
        print(f"\n# {name}")
        for doc_id in docs:
            where = predicted[doc_id][:12]
            print(f"  {doc_id:28s} [{where}] "
                  f"{describe(lead[doc_id]) if doc_id in lead else 'no event'}")
        for index, first in enumerate(docs):
            for second in docs[index + 1:]:
                if predicted[first] == predicted[second] or first not in lead \
                        or second not in lead:
                    continue
                print(f"    {first} ~ {second}: "
                      f"{pair_line(lead[first], lead[second], settings)}")
                print(f"      {second} into {first}'s incident: "
                      f"{linkage_line(lead[second], clusters[predicted[first]], settings)}; "
                      f"joined its own with {joined_with(lead[second], clusters)}")
        for cluster_id in sorted({predicted[d] for d in docs}):
            cluster = clusters[cluster_id]
            print(f"    incident {cluster_id[:12]}: " + ", ".join(
                f"{m.doc_id}#{m.order % ORDER_STRIDE} {m.sub_event_type} ({s:.2f})"
                for m, s in zip(cluster.members, cluster.scores, strict=True)))
        others = {doc_id: [event.sub_event_type for event in result.events
                           if any(event.event_id in ids for ids in
                                  (members.get(predicted[d], set()) for d in docs if d != doc_id))]
                  for result in results for doc_id in [result.doc.id] if doc_id in docs}
        for doc_id, hits in others.items():
            if hits:
                print(f"    note: {doc_id} has non-lead event(s) {hits} in a sibling's incident")
    merged = [name for name, docs in by_predicted.items()
              if len({gold_labels[d] for d in docs}) > 1]
    print(f"\n== {len(merged)} predicted incidents mixing gold incidents ==")
    for name in merged:
        print(f"\n# {name[:12]}")
        for doc_id in by_predicted[name]:
            print(f"  {doc_id:28s} gold {gold_labels[doc_id]:34s} "
                  f"{describe(lead[doc_id]) if doc_id in lead else 'no event'}")


if __name__ == "__main__":
    main()
