"""Build the spaCy pipeline and the phrase matchers once per process.

Why here and not in the extractors: loading the model and compiling ~tens of thousands of
gazetteer patterns takes seconds, so it happens once (in ``Context``) and every extractor
gets the ready objects. The model name comes from ``Settings`` (``MARSAD_SPACY_MODEL``), so
users can point marsad at any installed English pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import spacy
from pydantic import BaseModel, ConfigDict
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from marsad.errors import MarsadError
from marsad.gazetteer import Gazetteer
from marsad.lexicon import Lexicon, is_acronym, possessive_variants
from marsad.recase import add_recasing, doc_in_capitals, reads_as_word
from marsad.resources import read_yaml, validate_section
from marsad.sentence_breaks import DATELINE_BREAKS

GAZETTEER_RULER = "gazetteer_ruler"


def first_conjunct(token: Token) -> Token:
    """The first of the conjuncts ``token`` is one of ("rifles, pistols and grenades":
    rifles; "strafing and bombing": strafing), whose role in the sentence a list shares:
    the parser hangs each later conjunct on the first, not on the list's head."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def governing_verb(token: Token) -> Token | None:
    """The verb an event word belongs to: itself, or the first verb above it ("the strikes
    were carried out" -> "carried"); None when the sentence has none above it."""
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def prepositional_objects(word: Token, prepositions: tuple[str, ...]) -> set[str]:
    """Lemmas of the objects of the word's ``prepositions`` ("beat him to death": death),
    what an act ends in, for the casualty and the event rules alike."""
    return {obj.lemma_.lower() for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ in prepositions
            for obj in prep.children if obj.dep_ == "pobj"}


def proper_name_words(head: Token) -> list[Token]:
    """The words of a proper name ending in ``head``: its capitalised modifiers before it and
    itself ("ROBERTO MENA", "CARLOS PIZARRO"; the parse of text in capitals makes a first
    name an adjective)."""
    return [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i
            and c.pos_ in ("PROPN", "ADJ") and (c.is_title or c.is_upper)] + [head]


def load_model(model_name: str) -> Language:
    """Load an installed spaCy pipeline by package name, failing with a fix to try."""
    try:
        return spacy.load(model_name)
    except OSError as err:
        raise MarsadError(
            f"spaCy model {model_name!r} is not installed; run 'make install' or set "
            "MARSAD_SPACY_MODEL to an installed English pipeline") from err


def build_nlp(model_name: str, gazetteer: Gazetteer) -> Language:
    """Model + a gazetteer entity ruler, placed before NER so gazetteer names win."""
    nlp = load_model(model_name)
    ruler = nlp.add_pipe(GAZETTEER_FACTORY, name=GAZETTEER_RULER,
                         before="ner" if "ner" in nlp.pipe_names else None)
    # The index's pattern table, queried on demand: loading 72k patterns took ~0.15 s.
    ruler.patterns = gazetteer.ruler_patterns()  # type: ignore[attr-defined]
    add_recasing(nlp)
    _fix_lemmas(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(DATELINE_BREAKS, before="parser")
    return nlp


class LemmaFixes(BaseModel):
    """``lemmas.yaml``: word forms the model lemmatises wrong, with their right lemma."""

    model_config = ConfigDict(extra="forbid")

    version: int
    lemma_fixes: dict[str, str]


def _fix_lemmas(nlp: Language) -> None:
    """Set the lemma of the forms ``lemmas.yaml`` lists, through the model's attribute ruler:
    its lemmatizer does not overwrite a lemma already set. A pipeline without an attribute
    ruler keeps its own lemmas."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    fixes = validate_section("lemmas.yaml", "lemma_fixes", read_yaml("lemmas.yaml"), LemmaFixes)
    nlp.get_pipe("attribute_ruler").add_patterns(  # type: ignore[attr-defined]
        [{"patterns": [[{"LOWER": form.lower()}]], "attrs": {"LEMMA": lemma}}
         for form, lemma in fixes.lemma_fixes.items()])


GAZETTEER_FACTORY = "marsad_gazetteer_ruler_v1"


class GazetteerRuler:
    """An entity ruler for tens of thousands of place names that builds in under a second.

    Why not spaCy's ``entity_ruler``: it tokenises every pattern into a ``PhraseMatcher``;
    with the ~80,000 gazetteer names that took 75 s per process on our 2-core machines
    (docs/benchmarks.md). Place names only need case-insensitive, token-aligned matching, so
    this component looks up the lower-cased text of token n-grams in a dict (longest match
    first) and sets them as entities, overwriting overlapping model entities, like
    ``entity_ruler`` with ``phrase_matcher_attr="LOWER"`` and ``overwrite_ents=True``.
    """

    def __init__(self, nlp: Language, name: str, max_tokens: int = 8) -> None:
        self.name = name
        self.max_tokens = max_tokens
        self.patterns: dict[str, tuple[str, str]] = {}
        self._dict_first_words: tuple[int, frozenset[str]] = (0, frozenset())
        self._nlp = nlp
        self._english: frozenset[str] | None = None
        self._capitals_starts: tuple[frozenset[str], frozenset[str]] | None = None

    def _starts_in_capitals(self, starts: frozenset[str]) -> frozenset[str]:
        """``starts`` and the first words of the capitals-only names, built once per set."""
        cached = self._capitals_starts
        if cached is None or cached[0] is not starts:
            extra: frozenset[str] = getattr(self.patterns, "capitals_first_words", frozenset())
            cached = self._capitals_starts = (starts, starts | extra)
        return cached[1]

    def _word_or_surname(self, doc: Doc, at: int, lowers: list[str]) -> bool:
        """One word of text in capitals that, without accents, is an English word ("BEGUN",
        "COME") or follows another word that is neither a stop word nor punctuation, as a
        surname follows a name ("ANGELINO GARZON", "MARISCAL CACERES PROVINCE"): no name of
        the capitals-only table, where the accents that told the place apart are gone."""
        english = self._english_words()
        if lowers[at] in english or doc[at].lemma_ in english:
            return True
        before = lowers[at - 1] if at > 0 else ""
        return before.isalpha() and before not in STOP_WORDS

    def _english_words(self) -> frozenset[str]:
        """English words the pipeline's lemmatizer knows (its ``lemma_index`` base forms and
        ``lemma_exc`` irregular forms, ~89,000): a name matched without its accents that
        reads as one of them ("BEGUN": Begūn, India; "COME": Comé, Benin) is that word. Empty
        when the pipeline has no such tables (another model: no word is filtered)."""
        if self._english is None:
            words: set[str] = set()
            if "lemmatizer" in self._nlp.pipe_names:
                lookups = getattr(self._nlp.get_pipe("lemmatizer"), "lookups", None)
                for table, base in (("lemma_index", True), ("lemma_exc", False)):
                    if lookups is None or not lookups.has_table(table):
                        continue
                    for forms in lookups.get_table(table).values():
                        words.update(forms if base else forms.keys())
            self._english = frozenset(words)
        return self._english

    def add_patterns(self, patterns: Iterable[dict[str, str]]) -> None:
        """Add EntityRuler-style phrase patterns ``{"label", "pattern", "id"}``."""
        for pattern in patterns:
            key = " ".join(pattern["pattern"].lower().split())
            self.patterns.setdefault(key, (pattern["label"], pattern.get("id", "")))

    def __len__(self) -> int:
        return len(self.patterns)

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        starts = self._first_words()
        # Read each token's attributes once: indexing a Doc builds a Token object each time,
        # and the scan below looks at every token several times (a tenth of the pipeline).
        lowers, spaces, skipped = [], [], []
        for token in doc:  # one pass: each iteration builds a Token object
            lowers.append(token.lower_)
            spaces.append(token.whitespace_)
            skipped.append(token.is_punct or token.is_space)
        tokens = _Tokens(lowers, spaces, skipped, doc_in_capitals(doc))
        if tokens.capitals:  # (names without their accents start words of their own)
            starts = self._starts_in_capitals(starts)
        position = 0
        while position < len(doc):
            match = self._longest_at(doc, position, starts, tokens)
            if match is None:
                position += 1
                continue
            found.append(match)
            position = match.end
        if found:
            kept = [ent for ent in doc.ents
                    if not any(ent.start < m.end and m.start < ent.end for m in found)]
            doc.ents = filter_spans(kept + found)
        return doc

    def _first_words(self) -> frozenset[str]:
        """First words of the patterns: a position whose first word starts no name is skipped
        before any n-gram is built (measured: a third of the ruler's time went there)."""
        words = getattr(self.patterns, "first_words", None)  # the gazetteer index's table
        if isinstance(words, frozenset):
            return words
        # A plain dict (add_patterns): computed once per size, not once per document.
        size, cached = self._dict_first_words
        if size != len(self.patterns):
            cached = frozenset(key.split(" ", 1)[0] for key in self.patterns)
            self._dict_first_words = (len(self.patterns), cached)
        return cached

    def _longest_at(self, doc: Doc, start: int, starts: frozenset[str],
                    tokens: _Tokens) -> Span | None:
        lowers, spaces = tokens.lowers, tokens.spaces
        if tokens.skipped[start]:
            return None
        # A key's first word is the n-gram's text up to its first space: some token-prefix of
        # the run of tokens not separated by whitespace ("al-Hajar", "Sinjar" in "Sinjar),").
        word = ""
        position = start
        while True:
            word += lowers[position]
            if word in starts:
                break
            if spaces[position] or position + 1 >= len(lowers):
                return None
            position += 1
        last = min(len(lowers), start + self.max_tokens)
        texts = {end: " ".join("".join(lowers[k] + spaces[k] for k in range(start, end)).split())
                 for end in range(last, start, -1) if not lowers[end - 1].isspace()}
        lookup: Callable[[str], tuple[str, str] | None] = self.patterns.get
        in_capitals: Callable[[str], tuple[str, str] | None] = getattr(
            self.patterns, "in_capitals", _no_pattern)
        get_many = getattr(self.patterns, "get_many", None)
        capitals_many = getattr(self.patterns, "in_capitals_many", None)
        if get_many is not None:  # the gazetteer index: one query per table, not one per
            keys = list(texts.values())  # n-gram (up to eight per position)
            lookup = get_many(keys).get
            if tokens.capitals and capitals_many is not None:
                in_capitals = capitals_many(keys).get
        for end, text in texts.items():
            hit = lookup(text)
            if hit is None and tokens.capitals and not (
                    end - start == 1 and self._word_or_surname(doc, start, lowers)):
                hit = in_capitals(text)
            if hit is not None:
                return Span(doc, start, end, label=hit[0], span_id=hit[1])
        return None


def _no_pattern(_key: str) -> tuple[str, str] | None:
    return None


@dataclass(frozen=True)
class _Tokens:
    """A document's tokens as plain lists: lower-case text, trailing space, punct/space."""

    lowers: list[str]
    spaces: list[str]
    skipped: list[bool]
    capitals: bool = False
    """The document is written in capitals: names without their accents count too."""


@Language.factory(GAZETTEER_FACTORY)
def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    return GazetteerRuler(nlp, name)


@dataclass(frozen=True)
class KeyedMatcher:
    """A case-insensitive and a case-sensitive phrase matcher sharing one key space."""

    lower: PhraseMatcher
    exact: PhraseMatcher

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Return ``(key, start_token, end_token)`` for every match, longest first, no overlaps.

        In a text written in capitals an acronym that is a word ("THERE IS FIGHTING": "IS")
        is the word."""
        found = [(doc.vocab.strings[k], s, e) for k, s, e in self.lower(doc)]
        exact = [(doc.vocab.strings[k], s, e) for k, s, e in self.exact(doc)]
        if any(reads_as_word(doc[s:e].text) for _k, s, e in exact) and doc_in_capitals(doc):
            exact = [(k, s, e) for k, s, e in exact if not reads_as_word(doc[s:e].text)]
        found += exact
        found.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set()
        kept = []
        for key, start, end in found:
            if taken.isdisjoint(range(start, end)):
                kept.append((key, start, end))
                taken.update(range(start, end))
        return sorted(kept, key=lambda m: m[1])


def build_keyed_matcher(nlp: Language,
                        entries: Iterable[tuple[str, Iterable[str]]]) -> KeyedMatcher:
    """Compile ``(key, phrases)`` pairs; acronyms go to the case-sensitive matcher."""
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for key, phrases in entries:
        phrases = list(dict.fromkeys(form for p in phrases for form in possessive_variants(p)))
        lower.add(key, [nlp.make_doc(p) for p in phrases if not is_acronym(p)])
        exact.add(key, [nlp.make_doc(p) for p in phrases if is_acronym(p)])
    return KeyedMatcher(lower=lower, exact=exact)


NOT_TRIGGER = "not-trigger"
"""Matcher key of ``triggers.yaml: not_triggers`` (names that contain a trigger word)."""

NOT_ACTOR = "not-actor"
"""Matcher key of ``actors.yaml: not_actors`` (names that contain an actor's alias)."""


@dataclass(frozen=True)
class Matchers:
    """Compiled matchers for every lexicon: triggers, actors, sources, reporting cues."""

    triggers: KeyedMatcher
    actors: KeyedMatcher
    sources: KeyedMatcher
    cues: KeyedMatcher


def build_matchers(nlp: Language, lexicon: Lexicon) -> Matchers:
    """Compile the lexicon's phrases; keys are indexes (triggers) or canonical names."""
    return Matchers(
        # Blocking phrases share the trigger matcher so that longest-match-wins lets them
        # swallow the trigger inside them ("Government of National Accord" is no agreement).
        triggers=build_keyed_matcher(
            nlp, [(f"trigger:{i}", t.phrases) for i, t in enumerate(lexicon.triggers)]
            + [(NOT_TRIGGER, lexicon.not_triggers)]),
        actors=build_keyed_matcher(
            nlp, [(a.name, a.aliases) for a in lexicon.actors]
            + [(NOT_ACTOR, lexicon.not_actors)]),
        sources=build_keyed_matcher(
            nlp,
            [(f"outlet:{o.name}", o.aliases + (o.name,)) for o in lexicon.outlets]
            + [(f"generic:{g.phrase}", (g.phrase,)) for g in lexicon.generic_sources]),
        cues=build_keyed_matcher(nlp, ((c.cue, c.forms) for c in lexicon.cues)),
    )
