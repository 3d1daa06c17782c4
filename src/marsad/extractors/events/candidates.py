"""What the event passes share: a ``Candidate`` event, the document's ``Mentions``.

Why a module of its own: every step of the package reads these two, and none of them reads
any other module of the package, so each step can import them without a cycle. The casualty
kinds that tell a death from an injury live here for the same reason.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Span

from marsad.extractors.actors import ActorMention, phrase_head
from marsad.extractors.attribution import ClaimMention
from marsad.extractors.casualties import CasualtyMention
from marsad.extractors.places import PlaceMention
from marsad.extractors.time import DateMention, dates_verb
from marsad.model import Claim

FATAL_KINDS = {"killed"}
INJURY_KINDS = {"injured"}


@dataclass
class Candidate:
    """An event before it is turned into the contract's ``Event``."""

    sub_event_type: str
    trigger: Span
    weight: float
    place: PlaceMention | None = None
    place_inherited: bool = False
    casualties: list[CasualtyMention] = field(default_factory=list)
    generic: bool = False
    vague: bool = False
    """A bare toll or "the attack": its means may come from a nearby event (context_typing)."""
    open_means: bool = False
    """"The bombing", "bombs hit": bombed, but not said how (context_typing.open_means)."""
    borrowed: bool = False
    """Its sub-event type came from a nearby event (context_typing), not its own word."""
    alternates: tuple[Span, ...] = ()
    """Later words of the same type in the sentence ("Missile kills 18 ... A missile fired by
    Syrian forces ..." run together): one event, but their parse may name its author."""
    time_clause: Span | None = None
    """The clause of time ("a day after they led a rally") its word is told in, if any: read
    for its date (days away)."""
    background: bool = False
    """Its word is told as the background of the news: in a clause of time, "in the wake
    of" it, "Friday's clash" beside what the sentence is about (time_clauses.background)."""
    history: bool = False
    """Its word's clause is dated a year or more before the news ("in 2016", "two years ago":
    time_clauses.told_as_history)."""
    arrested_for: bool = False
    """Its word tells what the sentence's arrest is for ("detained ... in connection with
    violence during the rally"): another happening, which takes no arrest into it."""

    @property
    def told_aside(self) -> bool:
        """Told beside the news, not as it: its background, or what an arrest is for."""
        return self.background or self.arrested_for


@dataclass(frozen=True)
class Mentions:
    """Everything found in one document, computed once and shared by all events."""

    text: str
    """The clean text (``Doc.text`` rebuilds it from the tokens on every access)."""
    sentences: list[Span]
    places: list[PlaceMention]
    dates: list[DateMention]
    actors: list[ActorMention]
    casualties: list[CasualtyMention]
    claims: list[ClaimMention]
    publisher: Claim
    nationality: PlaceMention | None = None
    """The country of the text's nationality words (:func:`marsad.extractors.places.
    nationality_place`), else of the groups it names that fight in one country
    (``operates_in``): an event's place when the text names none, and the document's country
    between two named as often."""
    nationality_words: int = 0
    """How many nationality words point at ``nationality``'s country (a group's country
    counts none)."""
    dateline: PlaceMention | None = None
    """The city the report was filed from ("NEW DELHI -", "MOGADISHU (AP) -"), which places
    nothing while the text names another place: the last resort of an event in a text that
    names none, or only the dateline's own country (precision 2: near the city)."""

    @cached_property
    def claim_date_starts(self) -> frozenset[int]:
        """Start offsets of date mentions that date a claim rather than an event (computed
        once per document, not once per event)."""
        starts = set()
        for claim in self.claims:
            if claim.claim.date is None:
                continue
            doc = claim.cue_span.doc
            for mention in self.dates:
                span = doc.char_span(mention.start_char, mention.end_char,
                                     alignment_mode="expand")
                if span is not None and span.sent == claim.cue_span.sent \
                        and dates_verb(span.root, claim.anchor_token):
                    starts.add(mention.start_char)
        return frozenset(starts)

    @cached_property
    def claimant_spans(self) -> list[tuple[int, int]]:
        """Where the text describes a claimant: its name and an appositive after it ("said
        Baba Kura, a member of a vigilante force set up to fight jihadists"); no trigger
        inside one is an event. Computed once per document."""
        spans = []
        for claim in self.claims:
            if not claim.claim.char_span:
                continue
            start, end = claim.claim.char_span
            spans.append((start, end))
            named = claim.cue_span.doc.char_span(start, end, alignment_mode="expand")
            if named is None:
                continue
            for appositive in (c for c in named.root.children if c.dep_ == "appos"):
                words = list(appositive.subtree)
                spans.append((words[0].idx, words[-1].idx + len(words[-1])))
        return spans

    def names_a_claimant(self, span: Span) -> bool:
        """Whether the words name a source of the text, not a side in what it tells: they lie
        inside a claimant's span, or modify its noun ("Taliban officials said", "police
        sources said": the claimant's span is the noun, the name modifies it)."""
        head = phrase_head(span.root)
        return any(start <= span.start_char and span.end_char <= end or start <= head.idx < end
                   for start, end in self.claimant_spans)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sent.start_char for sent in self.sentences]

    def paragraph_of(self, start_char: int) -> int:
        """Paragraphs are separated by blank lines in the clean text."""
        return self.text.count("\n\n", 0, start_char)

    def sentence_of(self, start_char: int) -> int:
        """Index of the sentence holding ``start_char`` (the last one when none does);
        a bisection: it is asked for every pair of events of a document."""
        index = bisect_right(self._sentence_starts, start_char) - 1
        if index >= 0 and start_char < self.sentences[index].end_char:
            return index
        return len(self.sentences) - 1
