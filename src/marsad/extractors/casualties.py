"""Find casualty counts ("killed 30", "the wounding of X", "hundreds ... trapped") in a parsed Doc.

Why the dependency parse and not a window of words: the victim of "killed" is its object or
its passive subject, and "including three children" is a part of the count already given;
only the tree tells these apart reliably. A small adjacency fallback ("5 killed",
"killing 15") covers parser slips. Word lists live in ``resources/casualty_terms.yaml`` and
the reading of amounts in ``resources/quantifiers.yaml`` (via ``numbers.find_numbers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, PrivateAttr
from spacy.tokens import Doc, Span, Token

from marsad.errors import MarsadError
from marsad.extractors.numbers import Count, find_numbers
from marsad.gazetteer import load_settings
from marsad.nlp import first_conjunct, prepositional_objects, proper_name_words
from marsad.resources import read_yaml, validate_items

TERMS_FILE = "casualty_terms.yaml"

Kind = Literal["killed", "injured", "captured", "missing", "displaced", "trapped"]
VictimClass = Literal["civilians", "combatants", "unknown"]
Group = Literal["children", "women"]

FATAL_OR_HURT = ("killed", "injured")
"""The kinds a participle before the victims tells as done to them ("115 wounded persons");
the others ("two displaced villagers") may be only their state."""
_SUBJECT_OR_OBJECT = {"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "appos"}
_COUNT_MODIFIER = {"nummod", "quantmod", "amod", "compound", "nmod", "det", "npadvmod"}
_SIDE_ENTITIES = {"ORG", "NORP"}
_QUOTES = "\"'“”‘’ "


@dataclass(frozen=True)
class CasualtyMention:
    """One count of people harmed, with the span it was read from (``doc.text[start:end]``).

    ``names`` lists named individuals counted one each; ``toll`` marks a running toll
    ("the death toll rose to 45") of one incident, which is not an aggregate by itself;
    ``qualifier`` carries the count's modifier ("more-than", "range", "vague", ...);
    ``children`` and ``women`` say how many of the victims are children or women when the
    text says so ("killed 12 civilians, including three children"): parts of ``best``, never
    added to it; None when not stated.
    """

    start_char: int
    end_char: int
    text: str
    kind: Kind
    low: int
    best: int
    high: int
    victim_text: str | None
    victims: VictimClass
    victim_side_text: str | None
    aggregate: bool
    names: tuple[str, ...]
    sentence_index: int
    toll: bool = False
    vague: bool = False
    qualifier: str = ""
    children: int | None = None
    women: int | None = None
    additional: bool = False
    """The count adds to victims already reported ("nine rebels were *also* killed")."""

    def span_in(self, doc: Doc) -> Span | None:
        """The tokens of ``doc`` that cover the mention (None if they cannot be aligned)."""
        return doc.char_span(self.start_char, self.end_char, alignment_mode="expand")


class _KindTerms(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    verbs: list[str]
    nouns: list[str]
    adjectives: list[str]
    ends: list[str] = []
    """Lemmas of a "to" phrase that make any verb one of this kind ("hacked 22 civilians to
    death", "were beaten to death")."""


class _VerbObject(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    verb: str
    object: str
    kind: Kind


class CasualtyTerms(BaseModel):
    """The validated content of ``casualty_terms.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kinds: dict[Kind, _KindTerms]
    tolls: list[str]
    count_nouns: list[str]
    person_kind_nouns: list[str]
    verb_objects: list[_VerbObject]
    fatal_modifiers: list[str]
    victims: dict[VictimClass, list[str]]
    ambiguous_victims: list[str]
    sides: list[str]
    predicate_verbs: list[str]
    companion_words: list[str]
    additive_words: list[str] = []
    pronoun_counts: dict[str, int] = {}
    other_happening_marks: list[str] = []
    war_total_cues: list[str]
    war_total_min: int = 10000
    subcount_markers: list[str]
    aggregate_cues: list[str]
    victim_groups: dict[Group, list[str]]
    _first_kind: dict[str, dict[str, int]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: object) -> None:
        """Index each part's words by the first kind (in file order) that lists them, so
        :meth:`kind_of` is a lookup (59,000 calls per 150 MUC-4 texts, 2% of the pipeline,
        were a loop over the kinds)."""
        for part in ("verbs", "nouns", "adjectives"):
            index: dict[str, int] = {}
            for order, terms in enumerate(self.kinds.values()):
                for word in getattr(terms, part):
                    index.setdefault(word, order)
            self._first_kind[part] = index

    def kind_of(self, token: Token, part: Literal["verbs", "nouns", "adjectives"]) -> Kind | None:
        """Return the kind whose ``part`` list holds the token's lemma or lower form (the
        first such kind in the file's order)."""
        index = self._first_kind[part]
        found = [index[form] for form in _forms(token) if form in index]
        if found:
            return tuple(self.kinds)[min(found)]
        if part == "verbs" and token.pos_ == "VERB":
            ends = prepositional_objects(token, ("to",))
            for kind, terms in self.kinds.items():
                if not ends.isdisjoint(terms.ends):
                    return kind
        return None

    def group_of(self, token: Token | None) -> Group | None:
        """Return "children" or "women" when the token names such victims."""
        if token is None:
            return None
        forms = _forms(token)
        for group, words in self.victim_groups.items():
            if not forms.isdisjoint(words):
                return group
        return None

    def victim_class(self, token: Token) -> VictimClass | None:
        forms = _forms(token)
        for victim_class, words in self.victims.items():
            if not forms.isdisjoint(words):
                return victim_class
        return None


def _forms(token: Token) -> frozenset[str]:
    """The lower-cased lemma and form of a token, plus naive base forms when the lemmatiser
    left the word as it is.

    Why: title-case headlines ("Syrian Army Kills 10 Terrorists", "40 Civilians Killed") are
    tagged as proper nouns, whose lemma is the word itself, so "Kills" and "Terrorists" would
    match no word list. Only tokens whose lemma equals their text get the fallback, so a word
    the lemmatiser did read is never re-read.
    """
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    if token.lemma_ == token.text and len(lower) > 3:
        if lower.endswith("ies"):
            forms.add(lower[:-3] + "y")
        elif lower.endswith("s") and not lower.endswith("ss"):
            forms.add(lower[:-1])
        if lower.endswith("ed"):
            forms.update((lower[:-2], lower[:-1]))
    return frozenset(forms)


@dataclass(frozen=True)
class _Link:
    """How a victim phrase was tied to a casualty word."""

    kind: Kind
    trigger: Token
    toll: bool = False
    companions: bool = False
    """The count is of those hit *with* the verb's subject ("he was killed along with two
    other people"): one more when the subject is one person."""


@cache
def load_casualty_terms() -> CasualtyTerms:
    """Load and validate ``casualty_terms.yaml`` (cached)."""
    raw = read_yaml(TERMS_FILE)
    if not isinstance(raw, dict):
        raise MarsadError(f"{TERMS_FILE}: expected a mapping at the top level")
    (terms,) = validate_items(TERMS_FILE, [raw], CasualtyTerms)
    for cue in terms.aggregate_cues + terms.war_total_cues:
        try:
            re.compile(cue)
        except re.error as err:
            raise MarsadError(f"{TERMS_FILE}: aggregate cue {cue!r}: {err}") from err
    return terms


@cache
def _cue_pattern(name: Literal["aggregate_cues", "war_total_cues"]) -> re.Pattern[str]:
    """One case-insensitive pattern for a list of regular-expression cues of the terms file."""
    cues: list[str] = getattr(load_casualty_terms(), name)
    return re.compile("|".join(f"(?:{cue})" for cue in cues), re.IGNORECASE)


def names_war_total(text: str) -> bool:
    """The text counts a whole war's dead ("killed in Syria's civil war"): background."""
    return _cue_pattern("war_total_cues").search(text) is not None


def war_background_spans(text: str) -> list[tuple[int, int]]:
    """Where the text speaks of the whole war ("since the fighting began in 2011"): a trigger
    word inside such a phrase is the war itself, background, not a new event."""
    return [match.span() for cue in _war_total_patterns() for match in cue.finditer(text)]


@cache
def _war_total_patterns() -> tuple[re.Pattern[str], ...]:
    """Each war-total cue apart: their matches may overlap ("in a civil war since 2011 when
    ..."), which one alternation would not find."""
    return tuple(re.compile(cue, re.IGNORECASE) for cue in load_casualty_terms().war_total_cues)


def find_casualties(doc: Doc) -> list[CasualtyMention]:
    """Find every count of killed, injured, captured, missing, displaced or trapped people."""
    if not doc.has_annotation("DEP"):
        raise MarsadError("find_casualties needs a Doc parsed by a pipeline with a parser")
    terms = load_casualty_terms()
    mentions: list[CasualtyMention] = []
    for index, sentence in enumerate(doc.sents):
        mentions += _sentence_casualties(sentence, index, terms)
    return _classify_restated(mentions)


def _classify_restated(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """Give a count with no victim word the class of the same count stated with one elsewhere.

    A headline or lede gives the figure bare ("Suicide bomber kills 4", "22 dead", "the death
    toll at at least 70") and the body restates it with its victims ("A suicide bomber killed
    four people", "Six civilians were among at least 22 people killed"), or the other way
    round. The bare count is the same victims: it takes their class (and side when it has
    none), so that the event it lands on is not left with victims "unknown" (FA-KES dev, issue
    #8 follow-up: 60 rows whose civilian/non-civilian split was lost this way). Only when every
    restatement of the figure (same kind and scope, same best or within a bound of it) that
    names victims names the same class; named individuals are never reclassified.
    """
    out: list[CasualtyMention] = []
    for mention in mentions:
        if mention.victims != "unknown" or mention.names:
            out.append(mention)
            continue
        twins = [other for other in mentions if other is not mention
                 and other.victims != "unknown" and other.kind == mention.kind
                 and other.aggregate == mention.aggregate
                 and (other.best == mention.best or _bare_within_bound(other, mention))]
        classes = {twin.victims for twin in twins}
        if len(classes) != 1:
            out.append(mention)
            continue
        sides = {twin.victim_side_text for twin in twins} - {None}
        side = mention.victim_side_text or (sides.pop() if len(sides) == 1 else None)
        out.append(replace(mention, victims=classes.pop(), victim_side_text=side))
    return out


def _bare_within_bound(bound: CasualtyMention, bare: CasualtyMention) -> bool:
    """``_within_bound`` for a bare figure: "at least 20 civilians ... 22 killed"."""
    return bound.qualifier in ("more-than", "at-least") and not bound.vague \
        and bare.qualifier in ("", "sum") and bound.best < bare.best <= bound.best * _OPEN_BOUND


def _sentence_casualties(sentence: Span, index: int, terms: CasualtyTerms) -> list[CasualtyMention]:
    doc = sentence.doc
    found: list[_Candidate] = []
    parts: list[_SubCount] = []
    covered: set[int] = set()
    for start, end, count in find_numbers(sentence.text):
        span = doc.char_span(sentence.start_char + start, sentence.start_char + end,
                             alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if span.text.lower() == "one" and span.end < len(doc) and doc[span.end].lower_ == "another":
            continue  # "BUYERS OF WEAPONS TO KILL ONE ANOTHER": a reciprocal pronoun, no count
        candidate = _read_counted(span, count, terms)
        covered.update(range(span.start, span.end))
        if candidate is not None:
            found.append(candidate)
        else:
            part = _read_subcount(span, count, terms)
            if part is not None:
                parts.append(part)
    found += _singular_victims(sentence, covered, terms, parts)
    found += _named_victims(sentence, covered, terms)
    found += _pronoun_victims(sentence, covered, terms)
    mentions = _drop_details(_drop_restated([_to_mention(group, index, terms)
                                             for group in _merge_coordinated(found)]))
    return _attach_subcounts(mentions, parts)


@dataclass(frozen=True)
class _SubCount:
    """Children or women counted as a part of a casualty count ("including three children")."""

    group: Group
    number: int
    start_char: int


def _read_subcount(span: Span, count: Count, terms: CasualtyTerms) -> _SubCount | None:
    """Read a count of children or women that is a part of another count, not an addition:
    "including three children", "among them two women", "30 of them children", "of whom
    five were women", "three children were among the 19 civilians killed"."""
    doc = span.doc
    anchor = _anchor(span)
    noun, np_head = _counted_noun(anchor, span, terms)
    sentence = span.sent
    named_group = terms.group_of(noun)
    if named_group is not None and _of_them(anchor):
        return _SubCount(named_group, count.best, span.start_char)
    if noun is not None and noun.lower_ in ("them", "whom", "those"):
        # "30 of them children": the group word follows the pronoun
        after = doc[noun.i + 1:min(noun.i + 4, sentence.end)]
        group = next((g for g in map(terms.group_of, after) if g), None)
        return _SubCount(group, count.best, span.start_char) if group else None
    before = doc[max(sentence.start, span.start - 3):span.start]
    if noun is None and any(t.lower_ in ("whom", "them") for t in before):
        # "of whom five were women", "among them 3 children" with the noun after a verb
        after = doc[span.end:min(span.end + 3, sentence.end)]
        group = next((g for g in map(terms.group_of, after) if g), None)
        return _SubCount(group, count.best, span.start_char) if group else None
    group = terms.group_of(noun)
    if group is None:
        return None
    if _is_subcount(np_head, terms) or _follows_subcount_marker(np_head, terms) \
            or _among_predicate(np_head):
        return _SubCount(group, count.best, span.start_char)
    return None


def _of_them(anchor: Token) -> bool:
    """"4 of them children", "two of whom women": the count is a part of an earlier one."""
    return any(child.dep_ == "prep" and child.lower_ == "of" and any(
        obj.lower_ in ("them", "whom", "those") for obj in child.children)
        for child in anchor.children)


def _among_predicate(np_head: Token) -> bool:
    """"Three children were among the 19 civilians killed": a part named before its whole."""
    np_head = first_conjunct(np_head)  # "two girls and a boy were among ..."
    verb = np_head.head
    return np_head.dep_ == "nsubj" and verb.lemma_.lower() == "be" and any(
        child.dep_ == "prep" and child.lower_ in ("among", "amongst") for child in verb.children)


def _attach_subcounts(mentions: list[CasualtyMention],
                      parts: list[_SubCount]) -> list[CasualtyMention]:
    """Add each sub-count to the casualty count it is a part of: the nearest count before it
    in the sentence ("killed 12 civilians, including three children"), else the first after
    it ("three children were among 19 civilians killed"). A part never adds to ``best``."""
    if not mentions:
        return mentions
    attached = list(mentions)
    for part in parts:
        earlier = [i for i, m in enumerate(attached) if m.start_char <= part.start_char]
        index = max(earlier, key=lambda i: attached[i].start_char) if earlier else min(
            range(len(attached)), key=lambda i: attached[i].start_char)
        whole = attached[index]
        children, women = whole.children, whole.women
        if part.group == "children":
            children = (children or 0) + part.number
        else:
            women = (women or 0) + part.number
        if max(children or 0, women or 0) <= whole.high:  # a part is never more than the whole
            attached[index] = replace(whole, children=children, women=women)
    return attached


def _drop_restated(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """Keep one of the counts that a sentence states twice ("bombing kills 16 ... air strikes
    killed at least 16 civilians"): a headline run into its lede, or a summary then the detail.

    Two counts are one when they have the same kind, best figure and scope and compatible
    victims (the same class, or one of them unknown). Counts joined in one phrase ("5 soldiers
    and 5 civilians") were summed before this by ``_merge_coordinated``. Coordinated verbs are
    not kept apart: without commas (FA-KES) the parser joins a headline's verb to the lede's.
    The cost, "3 were killed in Idlib and 3 were killed in Hama" read as one count, is rarer
    than the restated headline. The most specific of the twins is kept.
    """
    kept: list[CasualtyMention] = []
    for mention in mentions:
        twin = next((i for i, other in enumerate(kept) if _same_count(other, mention)), None)
        if twin is None:
            kept.append(mention)
        elif _specificity(mention) > _specificity(kept[twin]):
            kept[twin] = _with_parts(mention, kept[twin])
        else:
            kept[twin] = _with_parts(kept[twin], mention)
    return kept


def _drop_details(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """Drop the parts of a count that the same sentence gave first as a whole.

    News gives the whole, then its breakdown: "Six civilians were killed ... two people were
    killed in a rocket attack on Salah Eddin", "killed at least 21 civilians ... 19 people
    including five children were killed in Hara", "Three people two of them children died".
    A later, smaller count of the same kind, scope, named victim class and side is such a
    part. Counts of different victims ("346 IS fighters ... 170 government forces") or of
    unknown victims ("20 killed in Idlib and 5 in Hama") stay apart; counts in one phrase
    ("5 soldiers and 3 civilians") were summed before by ``_merge_coordinated``.
    """
    kept: list[CasualtyMention] = []
    for mention in mentions:
        whole = next((i for i, other in enumerate(kept) if _is_whole_of(other, mention)), None)
        if whole is None:
            kept.append(mention)
        else:  # "killed 58 civilians ... 25 children were killed": the children stay known
            kept[whole] = _with_parts(kept[whole], mention)
    return kept


def _is_whole_of(whole: CasualtyMention, part: CasualtyMention) -> bool:
    return whole.start_char < part.start_char and whole.kind == part.kind \
        and whole.aggregate == part.aggregate and part.victims != "unknown" \
        and whole.victims == part.victims and whole.best > part.best \
        and (whole.victim_side_text is None or part.victim_side_text is None
             or whole.victim_side_text == part.victim_side_text)


# How far above a "more than N" / "at least N" figure an exact restatement may lie.
_OPEN_BOUND = 1.2


def _within_bound(bound: CasualtyMention, exact: CasualtyMention) -> bool:
    """Tell whether ``exact`` restates the bounded figure ``bound`` ("More than 60 soldiers
    were killed ... Sixty-two soldiers were killed", a headline and its lede in one sentence).

    Only for two counts of the same named victim class: "at least 20 killed in Idlib and 25
    in Hama" (no victim word on the second) stays two counts.
    """
    if exact.qualifier not in ("", "sum") or exact.victims == "unknown" \
            or bound.victims != exact.victims or bound.vague:
        return False
    if bound.qualifier in ("more-than", "at-least"):
        return bound.best < exact.best <= bound.best * _OPEN_BOUND
    if bound.qualifier in ("about", "nearly", "up-to", "less-than"):
        return bound.low <= exact.best <= bound.high and exact.best != bound.best
    return False


def _with_parts(kept: CasualtyMention, twin: CasualtyMention) -> CasualtyMention:
    """Keep the children and women that only the dropped twin states."""
    return replace(kept, children=kept.children if kept.children is not None else twin.children,
                   women=kept.women if kept.women is not None else twin.women)


def _same_count(one: CasualtyMention, other: CasualtyMention) -> bool:
    if (one.kind, one.aggregate) != (other.kind, other.aggregate):
        return False
    if one.best != other.best and not _within_bound(one, other) \
            and not _within_bound(other, one):
        return False
    if "unknown" not in (one.victims, other.victims) and one.victims != other.victims:
        return False
    # Sides are not compared: a headline's "Kurdish fighters" is the lede's "YPG".
    return not (one.names and other.names and one.names != other.names)


def _specificity(mention: CasualtyMention) -> tuple[int, int, int, int]:
    """Rank twins: a named victim class, a side, names, then an exact figure over a bound."""
    return (mention.victims != "unknown", mention.victim_side_text is not None,
            len(mention.names), mention.qualifier in ("", "sum") and not mention.vague)


@dataclass(frozen=True)
class _Candidate:
    """A count tied to a casualty word, before coordinated counts are merged."""

    count: Count
    count_span: Span
    link: _Link
    noun: Token | None
    np_head: Token
    names: tuple[str, ...] = ()
    victim_span: Span | None = None


def _anchor(span: Span) -> Token:
    """Return the token of ``span`` whose head lies outside it (the count's syntactic head)."""
    outside = [token for token in span
               if token.head.i < span.start or token.head.i >= span.end or token.head == token]
    # "Between 10 and 15 fighters": "Between" may hang on the verb; the number is the head.
    numeric = [token for token in outside if token.like_num or token.pos_ == "NUM"]
    return (numeric or outside or [span[-1]])[0]


def _counted_noun(anchor: Token, span: Span,
                  terms: CasualtyTerms) -> tuple[Token | None, Token]:
    """Return (the noun counted, the head of the whole noun phrase) for a count's anchor."""
    head = anchor.head
    misplaced = head.i < span.start and head.dep_ in ("compound", "nmod") \
        and head.head.i >= span.end  # "Daraa 15 civilians": "15" hung on "Daraa"
    if anchor.dep_ in _COUNT_MODIFIER and head.pos_ in ("NOUN", "PROPN", "ADJ") \
            and (head.i >= span.end or misplaced):
        noun = head
        # "Fifteen SARC volunteers", "Daraa 15 civilians": the parser hangs the number on a
        # name that only modifies the counted noun; the head of the chain is what is counted.
        while noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i \
                and noun.head.pos_ in ("NOUN", "PROPN") and terms.victim_class(noun) is None:
            noun = noun.head
        return noun, noun
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0], anchor
    return None, anchor


def _whose(kind_noun: Token, terms: CasualtyTerms) -> Token | None:
    """The people a casualty noun counts, named in its "of" phrase ("65 bodies of civilians",
    "12 dead of the army"): the victim noun the count itself lacks."""
    for child in kind_noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and terms.victim_class(obj) not in (None, "unknown"):
                    return obj
    return None


def _read_counted(span: Span, count: Count, terms: CasualtyTerms) -> _Candidate | None:
    anchor = _anchor(span)
    if anchor.dep_ == "compound" and anchor.head.i == span.end and anchor.head.like_num:
        # "risen to 86 30 of them children": a comma lost between two counts (FA-KES
        # strips them); the first count takes the place of the pair in the tree.
        noun, np_head = None, anchor.head
    elif any(child.dep_ == "compound" and child.like_num and child.i == span.start - 1
             for child in anchor.children):
        # The second of such a pair ("11 44 Injured"): only its own next word tells its kind.
        link = _adjacent_link(span, None, terms)
        return _Candidate(count, span, link, None, anchor) if link is not None else None
    else:
        noun, np_head = _counted_noun(anchor, span, terms)
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ not in ("of", "among") \
            and noun.head.head.i < anchor.i and terms.victim_class(noun.head.head) is not None:
        return None  # "six civilians from one family were killed": the six are counted
    if noun is not None and noun.i > anchor.i and noun.head.lower_ == "of" and (
            _noun_kind(noun, terms) is not None or noun.lemma_.lower() == "victim"):
        return None  # "two of the killed were medics", "5 of the victims": part of a count
    headline = _headline_link(span, terms)
    if headline is not None:  # "Kills 30 ISIL Terrorists Injured 100": the victims stay
        victims = noun if noun is not None and _noun_kind(noun, terms) is None \
            and terms.victim_class(noun) is not None else None
        return _Candidate(count, span, headline, victims, np_head)
    if noun is not None:
        noun_kind = _noun_kind(noun, terms)
        if noun_kind is not None:  # "45 deaths", "20 casualties", "5 dead"
            # "executed 15 prisoners": a person noun of a kind yields to the verb's kind.
            link = _link(np_head, terms) if _names_people(noun, terms) else None
            if link is not None:
                return _Candidate(count, span, link, noun, np_head)
            return _Candidate(count, span, _Link(noun_kind, noun), _whose(noun, terms), np_head)
        if terms.victim_class(noun) is None and noun.lemma_.lower() not in terms.sides:
            return None  # "10 tanks", "3 villages": not people
    if _is_subcount(np_head, terms) or _follows_subcount_marker(np_head, terms):
        return None
    link = _link(np_head, terms, span) or _adjacent_link(span, noun, terms)
    if link is None:
        return None
    if link.toll and np_head.dep_ == "conj":
        # "the toll rose to 32 and more than 115 wounded persons": the word right after a
        # coordinated count says what it counts, not the toll it is joined to.
        own = _adjacent_link(span, noun, terms)
        if own is not None and own.trigger.i >= span.end and own.kind != link.kind:
            link = own
    if noun is None and link.trigger.i < span.start:
        # "Two Killed Three Injured" (a headline without commas): the word right after a
        # bare count says what it counts, not the verb of the count before it.
        own = _adjacent_link(span, None, terms)
        if own is not None and own.trigger.i >= span.end:
            link = own
    if noun is None and link.toll:  # "the number of fighters killed has risen to 39"
        noun = _toll_victim(link.trigger, terms)
    if noun is None:  # "Two people were killed and five wounded": five of the same people
        noun = _parallel_victim(link.trigger, terms)
    if link.companions and _one_person_partner(link.trigger, terms):
        count = Count(count.low + 1, count.best + 1, count.high + 1)
    return _Candidate(count, span, link, noun, np_head)


def _toll_victim(toll: Token, terms: CasualtyTerms) -> Token | None:
    """The victim noun of a count noun's "of" phrase ("the number of civilians killed")."""
    for child in toll.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and terms.victim_class(obj) in ("civilians", "combatants"):
                    return obj
    return None


def _names_people(noun: Token, terms: CasualtyTerms) -> bool:
    """Tell whether a noun of a kind names people ("prisoners", "hostages"), whose kind the
    governing verb decides ("executed 15 prisoners"), rather than harm ("injuries", "deaths"),
    whose kind is its own ("several sustaining critical injuries")."""
    return terms.victim_class(noun) in ("civilians", "combatants") or bool(
        _forms(noun) & set(terms.person_kind_nouns))


def _parallel_victim(trigger: Token, terms: CasualtyTerms) -> Token | None:
    """Borrow the victim noun of the coordinated verb for a count without a noun."""
    if trigger.dep_ != "conj":
        return None
    for child in trigger.head.children:
        if child.dep_ in ("nsubjpass", "dobj") and terms.victim_class(child) is not None:
            return child
    return None


def _noun_kind(noun: Token, terms: CasualtyTerms) -> Kind | None:
    kind = terms.kind_of(noun, "nouns")
    if kind is None and noun.pos_ == "ADJ":
        kind = terms.kind_of(noun, "adjectives")
    if kind == "injured" and noun.lemma_.lower() == "casualty" and any(
            child.lower_ in terms.fatal_modifiers for child in noun.children):
        return "killed"
    if kind is not None and noun.lemma_.lower() in ("body", "corpse", "life") \
            and not _has_kind_nearby(noun, terms):
        return None  # "15 bodies were found" only counts with a death word around it
    return kind


def _has_kind_nearby(noun: Token, terms: CasualtyTerms) -> bool:
    head = noun.head
    return any(terms.kind_of(token, "verbs") or terms.kind_of(token, "adjectives")
               or token.lemma_.lower() in ("claim", "lose", "find", "recover", "retrieve")
               for token in (head, *head.children))


def _follows_subcount_marker(phrase: Token, terms: CasualtyTerms) -> bool:
    """Tell whether "among them", "including" or "of whom" comes right before a count.

    The parse of comma-less text often hangs "among them a child and two women" on the verb;
    the words before the count still say it is a part of the count already given.
    """
    first = first_conjunct(phrase)  # "among them a child and two women": look before "a child"
    start = min(first.left_edge.i, phrase.left_edge.i)
    doc = phrase.doc
    for token in doc[max(phrase.sent.start, start - 2):start]:
        marker = token.lower_ in terms.subcount_markers or \
            token.lemma_.lower() in terms.subcount_markers
        if marker and token.head.lemma_.lower() != "be":
            return True
    return False


def _is_subcount(token: Token, terms: CasualtyTerms) -> bool:
    """Tell whether ``token`` sits under "including"/"among them" (a part, not an addition)."""
    current = token
    for _ in range(6):
        if current.head == current:
            return False
        if current.dep_ == "pobj" and current.head.lower_ in terms.subcount_markers:
            # "Three children were among 19 civilians killed": the 19 is the whole.
            return current.head.head.lemma_.lower() != "be"
        if current.head.lower_ in terms.subcount_markers or current.lower_ in ("whom",):
            return True
        if current.dep_ not in ("pobj", "prep", "conj", "appos", "nummod"):
            return False
        current = current.head
    return False


def _link(np_head: Token, terms: CasualtyTerms, count_span: Span | None = None) -> _Link | None:
    """Tie a victim phrase to a casualty verb, noun, adjective or toll through the tree.

    ``count_span``: the count of the phrase; a kind adjective before the noun belongs to it
    only when no other number stands between them ("32 and 115 wounded persons": 115's).
    """
    head = np_head
    while head.dep_ == "conj" and head.head != head and head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        head = head.head  # "two women and three children were killed": use the first conjunct
    # "5 people killed in ...", "civilians who were killed"; a participle after the last of
    # joined nouns tells of all of them ("Five children and four medical staff killed by ...")
    after_all = [child for conj in np_head.conjuncts if conj.i > np_head.i
                 for child in conj.children if child.dep_ == "acl" and child.i > conj.i]
    for child in [*np_head.children, *after_all]:
        if child.dep_ in ("acl", "relcl", "amod") and child.i > np_head.i:
            kind = terms.kind_of(child, "verbs") or terms.kind_of(child, "adjectives")
            if kind is not None:
                return _Link(kind, child)
    if head.dep_ == "pobj" and head.head.lower_ == "of" and _is_quantity(head.head.head, terms):
        head = head.head.head  # "a total of 70 terrorists were eliminated"
    for child in np_head.children:  # "115 wounded persons", "shoot dead six bombers"
        if child.dep_ == "amod" and child.i < np_head.i and (count_span is None or not any(
                token.like_num for token in np_head.doc[count_span.end:child.i])):
            kind = terms.kind_of(child, "adjectives") or (
                terms.kind_of(child, "verbs") if child.tag_ == "VBN" else None)
            if kind in FATAL_OR_HURT:
                return _Link(kind, child)
            if kind is not None:
                # a state of the victims, not what was done to them: "killing two displaced
                # villagers" kills them
                done = _verb_link(head.head, head, terms) \
                    if head.dep_ in _SUBJECT_OR_OBJECT else None
                return done if done is not None else _Link(kind, child)
    governor = head.head
    if head.dep_ in _SUBJECT_OR_OBJECT or head.dep_ == "conj":
        link = _verb_link(governor, head, terms)
        if link is not None:
            return link
    if head.dep_ == "pobj" and _is_companion_preposition(head.head, terms):
        kind = terms.kind_of(head.head.head, "verbs")
        if kind is not None:
            return _Link(kind, head.head.head, companions=True)
    if head.dep_ == "pobj":
        return _prepositional_link(head.head, terms)
    return None


def _is_companion_preposition(preposition: Token, terms: CasualtyTerms) -> bool:
    """"along with", "together with" hanging from a verb (``companion_words``)."""
    return preposition.lower_ == "with" and any(
        child.lower_ in terms.companion_words and child.i == preposition.i - 1
        for child in preposition.head.children)


def _counts_companions(verb: Token, terms: CasualtyTerms) -> bool:
    """The verb counts its subject's companions ("... killed along with two others")."""
    return any(child.dep_ == "prep" and _is_companion_preposition(child, terms) and any(
        grand.dep_ == "pobj" and any(t.like_num for t in grand.subtree) for grand in child.children)
        for child in verb.children)


def _one_person_partner(verb: Token, terms: CasualtyTerms) -> bool:
    """Who the companions were hit with is one person: "he was killed along with ...", "killed
    a journalist along with ...", "Hassan died along with ..." (the object of an active verb,
    else its subject)."""
    roles = ("dobj",) if any(c.dep_ == "dobj" for c in verb.children) else ("nsubj", "nsubjpass")
    for child in verb.children:
        if child.dep_ in roles:
            return child.lower_ in ("he", "she", "him", "her") or child.ent_type_ == "PERSON" \
                or (child.tag_ == "NN" and terms.victim_class(child) is not None)
    return False


def _is_quantity(noun: Token, terms: CasualtyTerms) -> bool:
    """"a total of": a count noun with an indefinite article only restates the number."""
    return noun.lemma_.lower() in terms.count_nouns and any(
        child.dep_ == "det" and child.lower_ in ("a", "an") for child in noun.children)


def _verb_link(verb: Token, victim: Token, terms: CasualtyTerms) -> _Link | None:
    kind = terms.kind_of(verb, "verbs")
    if kind is None and verb.pos_ in ("ADJ", "VERB"):
        kind = terms.kind_of(verb, "adjectives")
    if kind is not None and not (victim.dep_ in ("nsubj",) and verb.lemma_.lower() in (
            "kill", "wound", "injure", "capture", "execute", "arrest", "abduct", "kidnap")
            and verb.tag_ not in ("VBN",)):
        return _Link(kind, verb)  # an active subject of "kill" is the perpetrator, not a victim
    if verb.lemma_.lower() in terms.predicate_verbs or verb.pos_ in ("VERB", "AUX"):
        for child in verb.children:
            if child.dep_ in ("acomp", "oprd", "attr", "xcomp", "ccomp", "advcl") \
                    and child.i > victim.i or child.dep_ == "oprd":
                kind = terms.kind_of(child, "adjectives") or (
                    terms.kind_of(child, "verbs") if child.tag_ == "VBN" else None)
                if kind is not None and child.dep_ != "ccomp":
                    return _Link(kind, child)
            if child.dep_ == "dobj":
                for pair in terms.verb_objects:
                    if pair.verb == verb.lemma_.lower() and pair.object == child.lemma_.lower():
                        return _Link(pair.kind, verb)
        if victim.dep_ in ("attr", "nsubj", "dobj"):
            return _toll_link(verb, terms)
    return None


def _prepositional_link(preposition: Token, terms: CasualtyTerms) -> _Link | None:
    """Handle "the killing of 5", "a death toll of 45", "the toll rose to 45"."""
    governor = preposition.head
    if preposition.lower_ == "of":
        if governor.lemma_.lower() in terms.tolls:
            return _Link("killed", governor, toll=True)
        kind = terms.kind_of(governor, "nouns")
        if kind is not None and governor.lemma_.lower() != "casualty":
            return _Link(kind, governor)
    if preposition.lower_ in ("to", "at", "reach"):
        return _toll_link(governor, terms)
    return None


def _toll_link(verb: Token, terms: CasualtyTerms) -> _Link | None:
    """Tie a number to a toll noun that is the verb's subject or object ("toll rose to 45",
    "the number of fighters killed has risen to 39", "bringing to 45 the number killed")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            kind = _toll_kind(child, terms)
            if kind is not None:
                return _Link(kind, child, toll=True)
            # "The death toll from the Daesh militants attack ... reached 51": parsed with
            # "toll" as the subject of "attack", the toll noun hangs under the verb's subject.
            for inner in (c for c in child.children if c.dep_ == "nsubj"):
                kind = _toll_kind(inner, terms)
                if kind is not None:
                    return _Link(kind, inner, toll=True)
    return None


def _toll_kind(noun: Token, terms: CasualtyTerms) -> Kind | None:
    """The kind a toll noun counts: "toll" counts the dead; a count noun ("number", "total")
    counts the kind its own words name ("the number killed", "the number of dead", "the
    number of civilians who have been martyred", "the number of wounded"); None otherwise
    ("the number of villages" is no toll)."""
    lemma = noun.lemma_.lower()
    if lemma in terms.tolls:
        return "killed"
    if lemma not in terms.count_nouns:
        return None
    for child in noun.children:
        kind = _modifier_kind(child, noun, terms)
        if kind is not None:
            return kind
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                kind = terms.kind_of(obj, "nouns") or terms.kind_of(obj, "adjectives")
                if kind is not None:
                    return kind
                for grand in obj.children:
                    kind = _modifier_kind(grand, obj, terms)
                    if kind is not None:
                        return kind
    return None


def _modifier_kind(child: Token, noun: Token, terms: CasualtyTerms) -> Kind | None:
    """The kind of a participle or clause after a noun ("people killed", "who were wounded")."""
    if child.dep_ not in ("acl", "relcl", "amod") or child.i < noun.i:
        return None
    return terms.kind_of(child, "verbs") or terms.kind_of(child, "adjectives")


def _headline_link(span: Span, terms: CasualtyTerms) -> _Link | None:
    """The casualty word of a count in a title-case headline that lost its commas, where the
    parser ties counts to the wrong word ("Kurds kill 83 Injured 100 ISIS Terrorists", "Twin
    Bomb Attacks Kill 50 Injure Dozens", "Kill 3 Injure 20", "Over 3 Killed 40 Injured"): a
    casualty verb right before the count that is no past form ("Kill", "Kills") takes it as
    its object; else a capitalised past form right after the count ("3 Killed", "40 Injured")
    takes it. Only where a capitalised casualty word touches the count (a headline); None
    elsewhere: the parse is trusted ("shelling kills two children")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > span.sent.start else None
    after = doc[span.end] if span.end < span.sent.end else None
    # a word that is also a casualty noun ("Martyrs 22 Injured", "Wounds") is no sure verb
    before_kind = terms.kind_of(before, "verbs") if before is not None and before.is_alpha \
        and terms.kind_of(before, "nouns") is None else None
    after_kind = (terms.kind_of(after, "verbs") or terms.kind_of(after, "adjectives")) \
        if after is not None and after.is_title and after.lower_.endswith("ed") else None
    if before is not None and before_kind is not None \
            and not before.lower_.endswith(("ed", "ing")) \
            and (before.is_title or after_kind is not None):
        return _Link(before_kind, before)
    if after is not None and after_kind is not None and (
            before_kind is None or (before is not None and before.is_title)):
        return _Link(after_kind, after)
    return None


def _adjacent_link(span: Span, noun: Token | None, terms: CasualtyTerms) -> _Link | None:
    """Fallback for parser slips: "killing 15", "5 killed", "left 5 dead"."""
    doc = span.doc
    end = max(span.end, noun.i + 1 if noun is not None else span.end)
    if noun is not None:  # "Daraa 15 civilians were killed": look past the auxiliaries
        while end + 1 < min(len(doc), span.sent.end) and end - noun.i <= 2 \
                and doc[end].pos_ == "AUX" and doc[end].lemma_ in ("be", "have"):
            end += 1
    if end < len(doc):
        after = doc[end]
        kind = terms.kind_of(after, "adjectives") or (
            terms.kind_of(after, "verbs") if after.tag_ in ("VBN", "VBD") else None)
        if kind is not None:
            return _Link(kind, after)
    if span.start > 0:
        before = doc[span.start - 1]
        if before.tag_ in ("VBG", "VBD", "VBN") and before.i >= span.sent.start:
            kind = terms.kind_of(before, "verbs")
            if kind is not None:
                return _Link(kind, before)
    return None


def _singular_victims(sentence: Span, covered: set[int], terms: CasualtyTerms,
                      parts: list[_SubCount]) -> list[_Candidate]:
    """Count "a child was killed", "a soldier died" as 1; "among them a child" is a part."""
    found = []
    for token in sentence:
        if token.i in covered or token.tag_ != "NN" or terms.victim_class(token) is None:
            continue
        if not any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in token.children):
            continue
        if any(child.dep_ == "prep" and child.lower_ == "of" and any(
                grand.like_num or grand.i in covered for grand in child.children)
                for child in token.children):
            continue  # "a family of six killed": the six is the count
        if _is_subcount(token, terms) or _follows_subcount_marker(token, terms) \
                or _among_predicate(token):
            group = terms.group_of(token)
            if group is not None:
                parts.append(_SubCount(group, 1, token.idx))
            continue
        link = _link(token, terms)
        if link is None or _counts_companions(link.trigger, terms):
            continue  # "a journalist was killed along with two others": counted with them
        start = min(child.i for child in token.children if child.dep_ == "det")
        span = sentence.doc[start:token.i + 1]
        found.append(_Candidate(Count(1, 1, 1), span, link, token, token))
    return found


def _pronoun_victims(sentence: Span, covered: set[int],
                     terms: CasualtyTerms) -> list[_Candidate]:
    """Count victims told by a pronoun whose person the sentence has named before: "opened fire
    on a teacher, killing him" (1 civilian), "shot a village headman and his wife, killing
    both" (2). A pronoun with no such person before it in the sentence counts nobody: who "he"
    was is another sentence's (``pronoun_counts`` in casualty_terms.yaml)."""
    found: list[_Candidate] = []
    if not any(t.lower_ in terms.pronoun_counts for t in sentence):
        return found  # (most sentences: no verb needs reading)
    for verb in sentence:
        kind = terms.kind_of(verb, "verbs") if verb.pos_ == "VERB" else None
        if kind is None or _counts_companions(verb, terms):
            continue
        # (the object, or the word right after the verb: the parser hangs "both" in
        # "killing both instantly" on the adverb)
        after = [verb.doc[verb.i + 1]] if verb.i + 1 < sentence.end else []
        for child in {*(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), *after}:
            number = terms.pronoun_counts.get(child.lower_)
            if child.i in covered or number is None:
                continue
            person = _antecedent(sentence, child, terms, pair=number == 2)
            if person is not None:
                found.append(_Candidate(Count(number, number, number),
                                        sentence.doc[child.i:child.i + 1],
                                        _Link(kind, verb), person, person))
    return found


def _antecedent(sentence: Span, pronoun: Token, terms: CasualtyTerms, *,
                pair: bool) -> Token | None:
    """The nearest singular victim noun before the pronoun, not itself counted; for "both",
    one joined to another ("a headman and his wife")."""
    for token in reversed(sentence[:pronoun.i - sentence.start]):
        if token.tag_ != "NN" or terms.victim_class(token) is None:
            continue
        if any(t.like_num for t in token.children):
            return None  # "two men ... killing both": counted by its number
        joined = [c for c in (*token.children, token.head) if c.dep_ == "conj" or
                  token.dep_ == "conj" and c == token.head]
        if pair == bool(joined):
            # (a pair is named by its first member: "a headman and his wife")
            return token.head if token.dep_ == "conj" else token
    return None


def _named_victims(sentence: Span, covered: set[int], terms: CasualtyTerms) -> list[_Candidate]:
    """Count named people killed or wounded: "the killing of Muhammad Ahmad Hourani"."""
    found = []
    for token in sentence:
        kind = terms.kind_of(token, "nouns") if token.pos_ == "NOUN" else None
        if kind is not None:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    found += _names_under(child, token, kind, covered)
        elif terms.kind_of(token, "verbs") is not None and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ not in ("nsubjpass", "dobj") or child.i in covered \
                        or _counts_companions(token, terms):
                    continue
                link = _Link(terms.kind_of(token, "verbs") or "killed", token)
                if child.ent_type_ == "PERSON":
                    found += _name_candidates(child, link, covered)
                else:
                    found += _titled_name(child, link, covered, terms) \
                        or _given_named(child, link, covered)
    return found


def _given_named(victim: Token, link: _Link, covered: set[int]) -> list[_Candidate]:
    """One person the recogniser missed (text in capitals), named with a given name the
    gazetteer knows first (``given_names``): "GUNMEN KILLED M-19 LEADER CARLOS PIZARRO"."""
    if victim.pos_ != "PROPN":
        return []
    words = proper_name_words(victim)
    if words[0].lower_ not in load_settings().name_words:
        return []
    return _named_phrase(victim, link, covered,
                         (victim.doc[words[0].i:victim.i + 1].text,))


def _titled_name(victim: Token, link: _Link, covered: set[int],
                 terms: CasualtyTerms) -> list[_Candidate]:
    """One person the text names and says what they are in apposition, where the recogniser
    found no person (text in capitals): "MARY STANISLAUS MAKEIL, A U.S. NUN, WAS SERIOUSLY
    WOUNDED" is one civilian wounded."""
    if victim.pos_ != "PROPN" or not any(
            c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and _names_people(c, terms)
            for c in victim.children):
        return []
    return _named_phrase(victim, link, covered,
                         (victim.doc[victim.left_edge.i:victim.i + 1].text,))


def _names_under(preposition: Token, trigger: Token, kind: Kind,
                 covered: set[int]) -> list[_Candidate]:
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if not objects or objects[0].i in covered:
        return []
    return _name_candidates(objects[0], _Link(kind, trigger), covered)


def _name_candidates(victim: Token, link: _Link, covered: set[int]) -> list[_Candidate]:
    """Collect PERSON entities in the victim phrase and its conjuncts, one count each."""
    doc = victim.doc
    phrase = doc[victim.left_edge.i:victim.right_edge.i + 1]
    names = tuple(dict.fromkeys(ent.text for ent in doc.ents if ent.label_ == "PERSON"
                                and ent.start >= phrase.start and ent.end <= phrase.end))
    return _named_phrase(victim, link, covered, names)


def _named_phrase(victim: Token, link: _Link, covered: set[int],
                  names: tuple[str, ...]) -> list[_Candidate]:
    """One count per name in the victim's phrase, unless the phrase was counted already ("the
    death of 35 civilians ... launched by Assad's air force")."""
    phrase = victim.doc[victim.left_edge.i:victim.right_edge.i + 1]
    if not names or any(token.i in covered for token in phrase):
        return []
    covered.update(range(phrase.start, phrase.end))
    size = len(names)
    return [_Candidate(Count(size, size, size), phrase, link, victim, victim, names, phrase)]


def _merge_coordinated(candidates: list[_Candidate]) -> list[list[_Candidate]]:
    """Group "two women and three children" (same kind, trigger and class) for summing."""
    terms = load_casualty_terms()
    groups: list[list[_Candidate]] = []
    for candidate in sorted(candidates, key=lambda c: c.count_span.start):
        if candidate.np_head.dep_ == "conj":
            for group in groups:
                first = group[0]
                if first.link.trigger == candidate.link.trigger and first.link.kind == \
                        candidate.link.kind and candidate.np_head.head in \
                        [member.np_head for member in group] and \
                        _victim_class(first, terms) == _victim_class(candidate, terms):
                    group.append(candidate)
                    break
            else:
                groups.append([candidate])
        else:
            groups.append([candidate])
    return groups


def _victim_class(candidate: _Candidate, terms: CasualtyTerms) -> VictimClass:
    noun = candidate.noun
    if noun is None:
        return "unknown"
    phrase = _victim_tokens(candidate)
    if candidate.names:
        classes = {terms.victim_class(token) for token in phrase}
        if "civilians" in classes:
            return "civilians"
        if "combatants" in classes or _side_text(candidate, terms):
            return "combatants"
        return "unknown"
    own = terms.victim_class(noun)
    if noun.lemma_.lower() in terms.ambiguous_victims:
        classes = {terms.victim_class(token) for token in phrase if token != noun}
        if "civilians" in classes:
            return "civilians"
        if "combatants" in classes or _side_text(candidate, terms):
            return "combatants"
    if own is None and noun.lemma_.lower() in terms.sides:
        return "combatants"
    return own or "unknown"


def _victim_tokens(candidate: _Candidate) -> list[Token]:
    """The words of the victim phrase: left modifiers, the noun, "of/from" phrases after it."""
    noun = candidate.noun
    if noun is None:
        return []
    doc = noun.doc
    if candidate.victim_span is not None:
        tokens = list(candidate.victim_span)
        trigger = candidate.link.trigger
        for child in trigger.children:  # "the killing of X from the Lebanese Hezbollah"
            if child.dep_ == "prep" and child.lower_ in ("from", "of") and child.i > noun.i:
                tokens += list(child.subtree)
        return tokens
    tokens = [t for t in doc[noun.left_edge.i:noun.i + 1]
              if t.i not in range(candidate.count_span.start, candidate.count_span.end)]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i > noun.i:
            tokens += list(child.subtree)
    return tokens


def _victim_text(candidate: _Candidate) -> str | None:
    noun = candidate.noun
    if noun is None:
        return None
    doc = noun.doc
    if candidate.victim_span is not None:
        first = candidate.victim_span.start
        words = [t for t in candidate.victim_span if t.dep_ != "det" or t.i > first]
    else:
        words = [t for t in doc[noun.left_edge.i:noun.i + 1]
                 if t.i >= candidate.count_span.end or t.i < candidate.count_span.start]
    while words and words[0] != noun and (
            words[0].dep_ in ("det", "prep", "punct", "cc", "advmod", "quantmod")
            or words[0].like_num):
        words = words[1:]
    if not words:
        return noun.text
    return doc[words[0].i:words[-1].i + 1].text


def _side_text(candidate: _Candidate, terms: CasualtyTerms) -> str | None:
    """Return the party named inside the victim phrase ("regime", "ISIS", "Hezbollah")."""
    doc = candidate.np_head.doc
    tokens = _victim_tokens(candidate)
    names = set(candidate.names)
    entities = [ent for ent in doc.ents if ent.text not in names
                and any(ent.start <= token.i < ent.end for token in tokens)]
    # An organisation ("Hezbollah") names a side better than a nationality ("Lebanese").
    for entity in entities:
        if entity.label_ == "ORG" and entity.text.strip(_QUOTES):
            return entity.text.strip(_QUOTES)
    for token in tokens:
        if token.lower_ in terms.sides or token.lemma_.lower() in terms.sides:
            return token.text
    for entity in entities:
        if entity.label_ in _SIDE_ENTITIES and entity.text.strip(_QUOTES):
            return entity.text.strip(_QUOTES)
    return None


def _to_mention(group: list[_Candidate], index: int, terms: CasualtyTerms) -> CasualtyMention:
    first = group[0]
    doc = first.np_head.doc
    link = first.link
    pieces = [_with_adjacent_noun(member) for member in group]
    start = min(min(span.start for span in pieces), link.trigger.i)
    end = max(max(span.end for span in pieces), link.trigger.i + 1)
    if link.toll:
        start = min(start, min(c.i for c in link.trigger.children if c.dep_ == "compound")
                    if any(c.dep_ == "compound" for c in link.trigger.children) else start)
    if first.names and link.trigger.i < start + 1:
        dets = [c.i for c in link.trigger.children if c.dep_ == "det" and c.i < link.trigger.i]
        start = min([start, *dets])
    span = doc[start:end]
    low = sum(member.count.low for member in group)
    best = sum(member.count.best for member in group)
    high = sum(member.count.high for member in group)
    victim_texts = [t for t in (_victim_text(member) for member in group) if t]
    groups: dict[Group, int] = {}
    for member in group:  # "killed three children", "two women and three children"
        kind = terms.group_of(member.noun) if not member.names else None
        if kind is not None:
            groups[kind] = groups.get(kind, 0) + member.count.best
    return CasualtyMention(
        start_char=span.start_char, end_char=span.end_char, text=span.text,
        kind=link.kind, low=low, best=best, high=high,
        victim_text=" and ".join(victim_texts) or None,
        victims=_victim_class(first, terms),
        victim_side_text=next((s for s in (_side_text(m, terms) for m in group) if s), None),
        aggregate=_is_aggregate(link.trigger),
        names=tuple(name for member in group for name in member.names),
        sentence_index=index, toll=link.toll,
        vague=any(member.count.vague for member in group),
        qualifier=first.count.qualifier if len(group) == 1 else "sum",
        children=groups.get("children"), women=groups.get("women"),
        additional=any(c.dep_ == "advmod" and c.lower_ in terms.additive_words
                       for c in link.trigger.children),
    )


def _with_adjacent_noun(candidate: _Candidate) -> Span:
    """Extend a count span over the noun right after it ("killed 6 civilians")."""
    span, noun = candidate.count_span, candidate.noun
    if noun is not None and candidate.victim_span is None and noun.i == span.end:
        return span.doc[span.start:noun.i + 1]
    return span


def _is_aggregate(trigger: Token) -> bool:
    """Tell whether the clause of ``trigger`` says the count covers a period or campaign."""
    clause = trigger
    while clause.head != clause and not (
            clause.pos_ in ("VERB", "AUX") and clause.dep_ in ("ROOT", "ccomp", "advcl",
                                                              "relcl", "parataxis")):
        # "conj" is not a clause boundary here: "since then 250,000 were killed and 10
        # million displaced" dates both counts.
        clause = clause.head
    text = clause.doc[clause.left_edge.i:clause.right_edge.i + 1].text
    if clause.dep_ == "relcl" and clause.head != clause:
        # "a brutal multi-front war that has killed more than 300000": the clause's noun
        # counts too
        text = f"{clause.head.text} {text}"
    return _cue_pattern("aggregate_cues").search(text) is not None
