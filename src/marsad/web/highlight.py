"""Spans of an event's fields, and the article text cut into highlightable segments.

Why segments and not HTML: the article text is untrusted (anyone can publish a page with
``<script>`` in it), so the server never builds markup from it. It cuts the text at every
span boundary into plain-text pieces, each with the names of the fields covering it, and the
template writes each piece through Jinja's autoescaping inside a ``<mark>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.model import Event


@dataclass(frozen=True)
class FieldSpan:
    """One extracted field's ``[start, end)`` in the clean text (``field`` e.g. ``actor1``)."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same fields (none: plain text)."""

    text: str
    start: int
    fields: tuple[str, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """Field kinds without event or claim numbers (``claim``, ``actor1``), for CSS."""
        return tuple(sorted({name.rsplit(".", 1)[-1].split("[")[0] for name in self.fields}))


def event_spans(event: Event, prefix: str = "") -> list[FieldSpan]:
    """Return the span of every field of ``event`` that has one, names prefixed."""
    found: list[tuple[str, str | None, tuple[int, int] | None]] = [
        ("trigger", event.trigger.text, event.trigger.char_span),
        ("evidence", event.evidence.text, event.evidence.char_span),
    ]
    if event.date:
        found.append(("date", event.date.text, event.date.char_span))
    if event.location:
        found.append(("location", event.location.text, event.location.char_span))
    for name, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
        if actor:
            found.append((name, actor.text, actor.char_span))
    for side, actors in (("assoc_actors1", event.assoc_actors1),
                         ("assoc_actors2", event.assoc_actors2)):
        found += [(f"{side}[{index}]", actor.text, actor.char_span)
                  for index, actor in enumerate(actors)]
    for name, count in (("fatalities", event.fatalities), ("injuries", event.injuries)):
        if count:
            found.append((name, count.text, count.char_span))
    found += [(f"claim[{index}]", claim.text, claim.char_span)
              for index, claim in enumerate(event.attribution)]
    return [FieldSpan(prefix + name, span[0], span[1], text or "")
            for name, text, span in found if span is not None and span[1] > span[0]]


def segments(text: str, spans: list[FieldSpan]) -> list[Segment]:
    """Cut ``text`` at every span boundary; spans outside the text are ignored."""
    usable = [span for span in spans if 0 <= span.start < span.end <= len(text)]
    cuts = sorted({0, len(text), *(span.start for span in usable),
                   *(span.end for span in usable)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(span.field for span in usable if span.start <= start and end <= span.end)
        pieces.append(Segment(text[start:end], start, covering))
    return pieces
