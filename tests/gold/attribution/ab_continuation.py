"""A/B benchmark for issue #5: claim scope across sentences and denials across sentences.

Scores the attribution gold three times on one snapshot of the tree, switching the new code
off and on in memory, so concurrent changes elsewhere do not blur the comparison:
no continuation, + ``continued_claim``, + ``link_denials`` wired as proposed for
``extractors/events.py`` (a copy of ``extract_events`` with the two proposed lines; once they
are in ``events.py`` the third run equals the second). Run from the repository root:

    .venv/bin/python tests/gold/attribution/ab_continuation.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import marsad.extractors.attribution as at
import marsad.extractors.events as ev
import marsad.pipeline as pl
from marsad.context import Context, get_context
from marsad.evaluation.attribution import evaluate_attribution

GOLD = Path(__file__).parent / "attribution_gold.jsonl"


def _with_denials(document: Any, doc: Any, ctx: Context) -> tuple[list[Any], list[str]]:
    mentions = ev._find_mentions(document, doc, ctx)
    warnings: list[str] = []
    candidates: list[ev.Candidate] = []
    for index, sentence in enumerate(mentions.sentences):
        candidates += ev._sentence_candidates(index, sentence, mentions, ctx, candidates)
    denials = [d for c in candidates if (d := at.denial_of(
        c.trigger.root, c.sub_event_type, c.place.location.name if c.place else None,
        mentions.claims, mentions.publisher))]
    built = [ev._to_event(c, document, mentions, ctx, warnings) for c in candidates]
    events = ev._infer_opponents(ev._inherit_actors([e for e in built if e is not None]),
                                 mentions, ctx)
    return at.link_denials(ev._merge_duplicates(events), denials), warnings


def main() -> None:
    ctx = get_context()
    records = [(f"{GOLD.name}:{i}", json.loads(line))
               for i, line in enumerate(GOLD.read_text("utf-8").splitlines()) if line.strip()]
    original, extract = at.continued_claim, pl.extract_events
    runs = [("no continuation", lambda *_a: None, extract),
            ("+ continuation", original, extract),
            ("+ link_denials", original, _with_denials)]
    previous: set[str] | None = None
    for name, continued, extractor in runs:
        at.continued_claim = continued  # type: ignore[assignment]
        pl.extract_events = extractor  # type: ignore[assignment]
        report = evaluate_attribution(GOLD, records, ctx)
        pairs = report.fields["pairs"]
        print(f"{name}: P {pairs['precision']:.3f} R {pairs['recall']:.3f} "
              f"F1 {pairs['f1']:.3f} correct {pairs['n_correct']:.0f} / predicted "
              f"{pairs['n_predicted']:.0f} / gold {pairs['n_gold']:.0f}; "
              f"hedged {report.fields['hedged']['accuracy']:.3f}")
        wrong = {w for w in report.warnings if "predicted" in w or "no event" in w}
        if previous is not None:
            for line in sorted(previous - wrong):
                print("  fixed:", line)
            for line in sorted(wrong - previous):
                print("  new wrong:", line)
        previous = wrong
    at.continued_claim, pl.extract_events = original, extract


if __name__ == "__main__":
    main()
