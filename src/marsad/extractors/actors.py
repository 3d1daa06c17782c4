"""Actor mentions: dictionary matches -> canonical ACLED actor names with inter codes.

Why a dictionary, not NER labels: ACLED actor names are canonical ("Military Forces of Syria
(2000-)") and news names them in dozens of ways ("regime forces", "Assad's army", "SAA");
an analyst extends ``actors.yaml``, no retraining needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from marsad.context import Context
from marsad.lexicon import ActorEntry
from marsad.model import Actor


@dataclass(frozen=True)
class ActorMention:
    """One mention of a known actor, with its token span for syntax checks."""

    entry: ActorEntry
    span: Span

    def to_actor(self, country: str | None) -> Actor:
        """The contract's ``Actor``; ``{country}`` in the name becomes the event's country."""
        name = self.entry.name.replace("{country}", country or "International")
        return Actor(name=name, inter=self.entry.inter, text=self.span.text,
                     char_span=(self.span.start_char, self.span.end_char))


def find_actors(doc: Doc, ctx: Context) -> list[ActorMention]:
    """Every actor mention in ``doc`` (longest match wins, no overlaps)."""
    return [ActorMention(ctx.lexicon.actor(key), doc[start:end])
            for key, start, end in ctx.matchers.actors(doc)]


def actor_for_side(side_text: str, mentions: list[ActorMention]) -> ActorMention | None:
    """The mention whose alias text contains ``side_text`` ("regime" in "regime's soldiers")."""
    wanted = side_text.casefold()
    for mention in mentions:
        if wanted and (wanted in mention.span.text.casefold()
                       or mention.span.text.casefold() in wanted):
            return mention
    return None
