"""An event's date: its own sentence's, the claim's, the paragraph's, or the publication week.

Why separate: a date is chosen against the claims and the paragraph around an event, and an
aggregate toll covers a period, not a day; each fallback is recorded in the date's anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span

from marsad.extractors.casualties import war_background_spans
from marsad.extractors.events.candidates import Candidate, Mentions
from marsad.extractors.events.time_clauses import distance
from marsad.extractors.time import (
    DateMention,
    governs_later_sentences,
    names_a_long_period,
    on_or_before,
    resolve_relative_to,
)
from marsad.lexicon import TimeClauses
from marsad.model import Casualties, Claim, DateRange, Document

DATE_LOOKBACK = 3
RELATIVE_CLAUSE_DEPS = frozenset({"relcl"})
"""Dependency labels of a clause that describes a noun; a date inside one is the noun's."""
_CLAUSE_BREAK_RE = re.compile(r"[,;:]")


def date_of(candidate: Candidate, index: int, mentions: Mentions, claim: Claim,
            fatalities: Casualties | None, document: Document,
            warnings: list[str], clauses: TimeClauses | None = None) -> DateRange | None:
    """The event's date: its own sentence, else the claim's date, else the governing date of
    the preceding sentences, else the publication date (precision 2, with a warning). An
    event told in a clause of time measured in days (``clauses``: triggers.yaml
    ``time_clauses``, "a day after they led a rally") is dated that far from its sentence's
    date."""
    claim_starts = mentions.claim_date_starts
    sentence = mentions.sentences[index]
    own = [m for m in mentions.dates
           if sentence.start_char <= m.start_char < sentence.end_char
           and m.start_char not in claim_starts
           and not _dates_another_clause(m, candidate.trigger)]
    if fatalities is not None and fatalities.aggregate:
        return _aggregate_period(own, claim, document)
    if own:
        best = min(own, key=lambda m: abs(m.start_char - candidate.trigger.start_char))
        if claim.date is not None and best.kind != "explicit":
            # "Amaaq said on Sunday that it killed 30 soldiers yesterday": read against the claim
            best = resolve_relative_to(document.text, best, claim.date)
            return _range(best, "claim")
        dated = _range(best, "explicit" if best.kind == "explicit" else "published")
        return _told_apart(dated, candidate, best, clauses, document.text)
    if claim.date is not None:
        start, end, precision = on_or_before(claim.date)
        return DateRange(start=start, end=end, precision=precision,  # type: ignore[arg-type]
                         anchor="claim")
    paragraph = mentions.paragraph_of(sentence.start_char)
    for back in range(index - 1, max(-1, index - 1 - DATE_LOOKBACK), -1):
        if mentions.paragraph_of(mentions.sentences[back].start_char) != paragraph:
            break  # a date governs only its own paragraph
        earlier = [m for m in mentions.dates if mentions.sentence_of(m.start_char) == back
                   and m.start_char not in claim_starts
                   and _governs(m, mentions, back)]
        if earlier:
            return _range(earlier[-1], "context")
    if document.published is not None:
        warnings.append(f"{candidate.sub_event_type} ({candidate.trigger.text!r}): "
                        "no date found; used the week up to the publication date")
        start, end, precision = on_or_before(document.published)
        return DateRange(start=start, end=end, precision=precision,  # type: ignore[arg-type]
                         anchor="published")
    warnings.append(f"{candidate.sub_event_type} ({candidate.trigger.text!r}): "
                    "no date found and no publication date")
    return None


def _told_apart(dated: DateRange, candidate: Candidate, mention: DateMention,
                clauses: TimeClauses | None, text: str) -> DateRange:
    """``dated`` moved by the distance of the clause of time that holds the event word and
    not the date ("arrested them on Tuesday, a day after they led a rally": the rally was on
    Monday); the evidence span then covers both the date and the distance."""
    clause = candidate.time_clause
    day_units = clauses.day_units if clauses is not None else {}
    earlier_marks = clauses.earlier_marks if clauses is not None else ()
    if not day_units or clause is None or \
            clause.start_char <= mention.start_char < clause.end_char:
        return dated
    away = distance(clause, day_units, earlier_marks)
    if away is None:
        return dated
    if away.sign < 0:
        start, end = dated.start - dt.timedelta(away.high), dated.end - dt.timedelta(away.low)
    else:
        start, end = dated.start + dt.timedelta(away.low), dated.end + dt.timedelta(away.high)
    precision = dated.precision if (end - start).days == (dated.end - dated.start).days \
        else max(dated.precision, 2 if (end - start).days <= 7 else 3)
    first = min(mention.start_char, away.start_char)
    last = max(mention.end_char, away.end_char)
    return dated.model_copy(update={
        "start": start, "end": end, "precision": precision, "text": text[first:last],
        "char_span": (first, last)})


def _dates_another_clause(mention: DateMention, trigger: Span) -> bool:
    """Whether a long period ("in 2004", "since 2013") sits in a relative clause about
    another noun than the event word: "the attack damaged the Opera House, which was
    inaugurated in 2004" dates the inauguration. Only long periods: the parser of comma-less
    scrapes often hangs a trailing "on Sunday" on a relative clause ("withdrew from areas it
    controlled outside Homs on Sunday"), and a clause about the event word itself dates it
    ("fighting that erupted on Thursday", "the ceasefire which was brokered in February")."""
    if not names_a_long_period(mention):
        return False
    span = trigger.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    if span is None:
        return False
    for token in [span.root, *span.root.ancestors]:
        if token.dep_ in RELATIVE_CLAUSE_DEPS:
            about_the_event = trigger.start <= token.head.i < trigger.end
            holds_the_event = token.left_edge.i <= trigger.start and \
                trigger.end <= token.right_edge.i + 1
            return not (about_the_event or holds_the_event)
    return False


def _governs(mention: DateMention, mentions: Mentions, index: int) -> bool:
    """Whether a date of sentence ``index`` dates the undated events after it: not a date
    that opens a period or spans more than a month, nor the start of the war ("The conflict
    began as a peaceful uprising in March 2011")."""
    sentence = mentions.sentences[index]
    clause = _CLAUSE_BREAK_RE.split(mentions.text[sentence.start_char:mention.start_char])[-1]
    return governs_later_sentences(mention, clause) and not war_background_spans(clause)


def _aggregate_period(own: list[DateMention], claim: Claim, document: Document) -> DateRange | None:
    """An aggregate toll covers a period: from the earliest date named to the claim date."""
    end = claim.date or document.published
    if not own or end is None:
        return None
    start = min(m.start for m in own)
    if start > end:
        return None
    precision = 2 if (end - start).days <= 7 else 3
    first = min(own, key=lambda m: m.start)
    return DateRange(start=start, end=end, precision=precision, text=first.text,  # type: ignore[arg-type]
                     char_span=(first.start_char, first.end_char), anchor="explicit")


def _range(mention: DateMention, anchor: str) -> DateRange:
    return DateRange(start=mention.start, end=mention.end,
                     precision=min(max(mention.precision, 1), 3),  # type: ignore[arg-type]
                     text=mention.text, char_span=(mention.start_char, mention.end_char),
                     anchor=anchor)  # type: ignore[arg-type]
