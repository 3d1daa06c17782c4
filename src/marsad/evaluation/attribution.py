"""Score claim attribution against a reviewed gold set (issue #5): who says each event happened.

Gold format (``tests/gold/attribution/*.jsonl``), one document per line::

    {"id": ..., "outlet": <publisher>, "sha256": <hash of the source text>,
     "text": ... | "doc": {"file": <path relative to the gold file>, "id": <record id>?},
     "events": [{"trigger": "air strikes", "char_span": [start, end], "sub_event_type": ...,
                 "sentence": <its first 80 characters, for reading>,
                 "claims": [{"source": "Syrian Observatory for Human Rights" | [alternatives],
                             "cue": "said", "hedged": false}]}]}

``doc.file`` is a JSON Lines file (the record ``doc.id`` gives ``text``, ``title`` and
``published``) or a plain-text file (its whole text). ``char_span`` indexes the cleaned text
(``DocumentResult.doc.text``); an event is the trigger mention of one or more predicted
events, and its claims are every claimant of the events read from that mention (merged
mentions included), so the unit scored is the pair (trigger mention, source).

Why sources may be lists: "a monitor said" in an AFP article is the Syrian Observatory; a
prediction naming either is right. An unregistered source matches when one normalised name
contains the other ("the bodys spokesman" ~ "spokesman").
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.errors import MarsadError
from marsad.evaluation.metrics import f1, ratio
from marsad.evaluation.report import EvalReport
from marsad.model import DocumentResult, SourceDocument

if TYPE_CHECKING:
    from marsad.context import Context

MAX_SHIFT = 300
"""Most characters a trigger may have moved (cleaning changes) and still be the same mention."""

DEFINITIONS = {
    "pairs": "(trigger mention, source) pairs; a gold event is the predicted event with the "
             "same trigger text nearest its char_span (within 300 characters), else the event "
             "a mention of that sentence was merged into (one event, both spans); precision counts "
             "only predicted mentions the gold judges (unjudged ones are reported apart)",
    "hedged": "share of matched pairs whose hedged flag equals the gold's",
    "cue": "share of matched pairs whose cue equals the gold's",
    "source match": "same name after lower-casing and dropping 'the'; one name containing the "
                    "other; any of a gold list of alternatives",
}


@dataclass(frozen=True)
class GoldClaim:
    """One claimant of a gold event."""

    sources: tuple[str, ...]
    cue: str
    hedged: bool


@dataclass(frozen=True)
class GoldEvent:
    trigger: str
    start: int
    claims: tuple[GoldClaim, ...]


@dataclass(frozen=True)
class AttributionRow:
    """One gold document with the pipeline's result on it."""

    record_id: str
    gold: list[GoldEvent]
    result: DocumentResult


def is_attribution_gold(record: dict[str, Any]) -> bool:
    """Tell whether a record is an attribution gold document."""
    events = record.get("events")
    return isinstance(events, list) and ("text" in record or "doc" in record) and all(
        isinstance(e, dict) and "claims" in e for e in events)


def gold_events(record: dict[str, Any]) -> list[GoldEvent]:
    """Parse a record's gold events (raises ``MarsadError`` on a malformed entry)."""
    try:
        return [GoldEvent(
            trigger=str(e["trigger"]), start=int(e["char_span"][0]),
            claims=tuple(GoldClaim(
                sources=tuple(c["source"]) if isinstance(c["source"], list) else (c["source"],),
                cue=str(c["cue"]), hedged=bool(c["hedged"])) for c in e["claims"]))
            for e in record["events"]]
    except (KeyError, TypeError, ValueError, IndexError) as err:
        raise MarsadError(f"bad gold attribution entry: {err!r}") from err


def source_document(record: dict[str, Any], gold_path: Path) -> SourceDocument:
    """The pipeline input of a gold record: inline text, or the document its pointer names."""
    fields: dict[str, Any] = {"id": str(record.get("id") or ""), "outlet": record.get("outlet")}
    if "text" in record:
        fields["text"] = str(record["text"])
    else:
        pointer = record["doc"]
        path = (gold_path.parent / str(pointer["file"])).resolve()
        if not path.is_file():
            raise MarsadError(f"{gold_path.name}: the documents file {path} is missing")
        if path.suffix == ".jsonl":
            found = _jsonl_record(path, str(pointer["id"]))
            fields.update({k: found.get(k) for k in ("title", "published", "text")})
        else:
            fields["text"] = path.read_text(encoding="utf-8")
    expected = record.get("sha256")
    digest = hashlib.sha256(str(fields["text"]).encode("utf-8")).hexdigest()
    if expected and digest != expected:
        raise MarsadError(f"document {fields['id']!r} has changed (sha256 differs): the gold "
                          "no longer applies")
    return SourceDocument(**{k: v for k, v in fields.items() if v is not None},
                          origin=f"{gold_path.name}:{fields['id']}")


def _jsonl_record(path: Path, record_id: str) -> dict[str, Any]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            if str(data.get("id")) == record_id:
                return dict(data)
    raise MarsadError(f"no document {record_id!r} in {path.name}")


def same_source(predicted: str, gold: Sequence[str]) -> bool:
    """Whether a predicted source name is one of the gold's (see the module docstring)."""
    wanted = _normal(predicted)
    for name in gold:
        other = _normal(name)
        if wanted and other and (wanted == other or wanted in other or other in wanted):
            return True
    return False


def _normal(name: str) -> str:
    words = name.casefold().replace("’", "'").split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


MentionKey = tuple[str | None, int, int]
"""(trigger text, start, end): a predicted event's trigger (text, start, start), or one of
the mentions merged into it (None, sentence start, sentence end)."""


def _predicted_mentions(result: DocumentResult) -> dict[MentionKey, list[tuple[str, str, bool]]]:
    """Claims per predicted mention: the event's trigger and every mention merged into it
    ("the same event mentioned twice is one event with both spans"), each with the event's
    claims [(source, cue, hedged)]."""
    found: dict[MentionKey, list[tuple[str, str, bool]]] = {}
    for event in result.events:
        start = event.trigger.char_span[0]
        keys: list[MentionKey] = [(event.trigger.text.casefold(), start, start)]
        keys += [(None, *m.char_span) for m in event.mentions
                 if m.char_span != event.evidence.char_span]
        for key in keys:
            claims = found.setdefault(key, [])
            for claim in event.attribution:
                item = (claim.source, claim.cue, claim.hedged)
                if item not in claims:
                    claims.append(item)
    return found


def _mention_for(event: GoldEvent, predicted: dict[MentionKey, list[tuple[str, str, bool]]],
                 used: set[MentionKey]) -> MentionKey | None:
    """The predicted mention of a gold event: the same trigger text nearest its start, else a
    merged mention whose sentence holds it."""
    own = [k for k in predicted if k[0] == event.trigger.casefold()
           and abs(k[1] - event.start) <= MAX_SHIFT and k not in used]
    if own:
        return min(own, key=lambda k: abs(k[1] - event.start))
    return next((k for k in predicted if k[0] is None and k[1] <= event.start < k[2]
                 and k not in used), None)


def score_attribution(rows: Sequence[AttributionRow]) -> EvalReport:
    """Precision / recall of (event, source) pairs and accuracy of hedged and cue."""
    n_gold = n_predicted = n_correct = n_hedged = n_cue = 0
    matched_events = gold_total = unjudged = 0
    misses: list[str] = []
    for row in rows:
        predicted = _predicted_mentions(row.result)
        used: set[MentionKey] = set()
        for event in row.gold:
            gold_total += 1
            n_gold += len(event.claims)
            key = _mention_for(event, predicted, used)
            if key is None:
                misses.append(f"{row.record_id}: no event at {event.trigger!r} ({event.start})")
                continue
            used.add(key)
            matched_events += 1
            claims = predicted[key]
            n_predicted += len(claims)
            for source, cue, hedged in claims:
                gold = next((g for g in event.claims if same_source(source, g.sources)), None)
                if gold is None:
                    misses.append(f"{row.record_id}: {event.trigger!r} ({event.start}): "
                                  f"predicted {source!r}, gold "
                                  f"{[g.sources[0] for g in event.claims]}")
                    continue
                n_correct += 1
                n_hedged += hedged == gold.hedged
                n_cue += cue == gold.cue
        unjudged += len([k for k in predicted if k[0] is not None and k not in used])
    precision, recall = ratio(n_correct, n_predicted), ratio(n_correct, n_gold)
    return EvalReport(
        dataset="attribution", n_records=len(rows), n_documents=len(rows),
        fields={
            "pairs": {"precision": precision, "recall": recall, "f1": f1(precision, recall),
                      "n_gold": n_gold, "n_predicted": n_predicted, "n_correct": n_correct},
            "hedged": {"accuracy": ratio(n_hedged, n_correct), "n": n_correct},
            "cue": {"accuracy": ratio(n_cue, n_correct), "n": n_correct},
            "events": {"coverage": ratio(matched_events, gold_total), "n_gold": gold_total,
                       "n_unjudged": unjudged},
        },
        definitions=DEFINITIONS, warnings=misses)


def evaluate_attribution(path: Path, records: Sequence[tuple[str, dict[str, Any]]],
                         ctx: Context,
                         progress: Callable[[int], None] | None = None) -> EvalReport:
    """Run the pipeline on each gold document and score its attribution.

    A record whose text or gold cannot be read is skipped with a warning naming it; the
    report's other warnings list every wrong or missing pair, for error analysis.
    """
    from marsad.pipeline import process  # the core, loaded only to run it

    warnings: list[str] = []
    rows: list[AttributionRow] = []
    started = time.perf_counter()
    for origin, data in records:
        if not is_attribution_gold(data):
            warnings.append(f"{origin}: skipped: not an attribution gold record")
            continue
        try:
            source, gold = source_document(data, path), gold_events(data)
        except MarsadError as err:
            warnings.append(f"{origin}: skipped: {err}")
            continue
        rows.append(AttributionRow(record_id=str(data.get("id") or origin), gold=gold,
                                   result=process(source, ctx)))
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - started
    return score_attribution(rows).timed(path, seconds, len(rows), warnings)
