"""Clauses of time ("after they led a rally", "a day after a rally", "two weeks before the
vote"): where in a sentence another happening than its main line is told, and how far apart.

Why a module: three readers need the same clause. A toll inside one is another event's
(sentences), an event word inside one is background to the main line's and, told a day or more
away, neither escalated by the main line's words (sentences) nor dated by its date (dates).
The other ways news tells its background live here too (:func:`background`: "in the wake of
the shelling", "from Friday's clash", "The insurgents had overrun the town in August", "last
week"), with :func:`same_line`, which says whether a place or a side is told in the same line
as an event word: the event passes weigh, place and give sides to background events by them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from marsad.extractors.casualties import load_casualty_terms
from marsad.extractors.numbers import parse_count
from marsad.lexicon import TimeClauses
from marsad.nlp import governing_verb


@dataclass(frozen=True)
class Distance:
    """How far a clause of time is from the main line: ``low``..``high`` days, earlier
    (``sign`` -1: "a day after the rally") or later (+1: "two days before the vote")."""

    sign: int
    low: int
    high: int
    start_char: int
    """Where the words of the distance ("a day after") start and end in the text."""
    end_char: int


@cache
def opening_marks() -> frozenset[str]:
    """The words that open a clause of time (casualty_terms.yaml ``other_happening_marks``)."""
    return frozenset(load_casualty_terms().other_happening_marks)


def time_clause(word: Token, marks: Collection[str], phrases: bool = False) -> Span | None:
    """The clause of time opened by one of ``marks`` ("after they led a rally") that holds
    ``word``, the innermost one; with ``phrases`` also a noun phrase so opened ("after a
    rally"); None when ``word`` is in the sentence's main line."""
    doc = word.doc
    # the parser may make the clause of time the head of the main line ("Days after he led a
    # sit-in, a student leader was bundled into a vehicle, his family said"): the clause ends
    # where the main line, hung on it after a comma, begins
    main = _main_line_under(word, marks)
    while True:
        opened = (word.dep_ == "advcl" and (_opened_by(word, marks) or _perfect_participle(word))) \
            or (word.dep_ == "pcomp" and word.head.lower_ in marks) \
            or (phrases and word.dep_ == "pobj" and word.head.lower_ in marks)
        if opened:
            return doc[word.left_edge.i:word.right_edge.i + 1]
        if main is not None:
            return doc[word.left_edge.i:main.left_edge.i]
        if word.head == word:
            return None
        main = _main_line_under(word.head, marks)
        if main == word:
            return None  # the main line itself
        word = word.head


def _opened_by(verb: Token, marks: Collection[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def _perfect_participle(verb: Token) -> bool:
    """ "Having ambushed a convoy days earlier, ...": what was done before the main line."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "having"
                                      for c in verb.children)


def _main_line_under(verb: Token, marks: Collection[str]) -> Token | None:
    """The main line a misparse hung on a clause of time opened by one of ``marks``, after a
    comma (the clause's own verb is no adverbial clause then, but the root or a ccomp)."""
    if verb.dep_ == "advcl" or not _opened_by(verb, marks):
        return None
    return next((c for c in verb.rights if c.dep_ in ("ccomp", "conj") and _after_comma(c)),
                None)


def _after_comma(clause_top: Token) -> bool:
    """A comma comes right before the clause's first word."""
    first = clause_top.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","


def background(word: Token, clauses: TimeClauses) -> Span | None:
    """The words that tell ``word``'s happening as the background of the news, not the news:
    a clause of time ("after they led a rally", "having ambushed a convoy"), a clause in the
    past perfect or dated before the news (``clauses.earlier_adverbials``: "last week"), a
    phrase of aftermath ("in the wake of the shelling": ``clauses.aftermath_nouns``), or a
    name dated by a possessive that is not what the sentence is about ("a convoy carrying
    soldiers from Friday's clash was hit"; "Friday's clash killed 12" is its news). None when
    ``word`` tells the sentence's own line. An event word told so weighs ``clauses.weight``
    when the text tells another as news; in a text that tells none it is the news, however
    told ("Twelve people were killed after four suicide bombers struck")."""
    clause = time_clause(word, opening_marks(), phrases=True)
    if clause is not None:
        return clause
    doc = word.doc
    told_before = _past_perfect(word) or _dated_earlier(word, clauses.earlier_adverbials)
    if told_before is not None:
        return doc[told_before.left_edge.i:told_before.right_edge.i + 1]
    for top in (word, *word.ancestors):
        if top.dep_ in ("pobj", "pcomp") and top.head.lower_ == "of" and \
                top.head.head.lower_ in clauses.aftermath_nouns:
            return doc[top.head.head.left_edge.i:top.right_edge.i + 1]
        if top.dep_ in ("compound", "conj", "appos"):
            continue  # read at the phrase's head noun
        if dated_by_possessive(top) and top.dep_ not in ("nsubj", "nsubjpass"):
            return doc[top.left_edge.i:top.right_edge.i + 1]
    return None


def _dated_earlier(word: Token, earlier: Collection[str]) -> Token | None:
    """The verb of ``word``'s clause when an adverbial of it dates it before the news
    (``earlier``: "last week", "the previous night": "Gunmen had killed three soldiers the
    week before. On Thursday, marines dismantled a laboratory")."""
    if not earlier:
        return None
    verb = governing_verb(word)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("npadvmod", "advmod", "prep", "tmod", "obl"):
            said = " " + " ".join(t.lower_ for t in child.subtree) + " "
            if any(f" {phrase} " in said for phrase in earlier):
                return verb
    return None


def _past_perfect(word: Token) -> Token | None:
    """The verb of ``word``'s clause when it is in the past perfect outside reported speech
    and relative clauses ("The insurgents had overrun Mocimboa da Praia in August. On Sunday,
    troops pushed back into the town"): what came before the news. A
    clause a verb of saying governs may tell the news itself in the past perfect ("police said
    militants had attacked a checkpoint"), and is left alone."""
    verb = governing_verb(word)
    if verb is None or verb.tag_ != "VBN":
        return None
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children):
        return None
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ in ("ccomp", "xcomp", "parataxis", "relcl", "acl"):
        return None  # (a relative clause tells what its noun is: "the offensive that
        # terrorists had launched" is the offensive the sentence reports)
    return verb


def same_line(line: Span | None, word: Token, clauses: TimeClauses, doer: bool = False) -> bool:
    """``word`` is told in the same line as an event word whose background clause is ``line``
    (:func:`background` of it, read once by the caller): inside that clause when there is one,
    else outside any ("Days after he led a sit-in in Turbat, a student leader was bundled into
    a vehicle in Karachi": Karachi is the abduction's, Turbat the sit-in's). With ``doer``
    (``word`` names a side), a clause of a verb with no subject of its own shares the main
    line's sides, as grammar makes its doer the main line's ("rebels will advance to al-Bab
    after seizing Dabiq"); a noun's ("after the capture of five villages") may be anyone's."""
    if line is not None:
        return line.start <= word.i < line.end or (doer and _subjectless(line))
    return background(word, clauses) is None


def _subjectless(clause: Span) -> bool:
    return clause.root.pos_ in ("VERB", "AUX") and not any(
        t.dep_ in ("nsubj", "nsubjpass", "agent", "poss") for t in clause)


def dated_by_possessive(noun: Token) -> bool:
    """The noun is dated by a possessive ("Thursday's wave of bombings", "last week's
    bombing"): a happening the reader is taken to know already."""
    return any(c.dep_ == "poss" and (c.ent_type_ == "DATE" or c.lower_ in ("week", "month", "year"))
               for c in noun.children)


def phrase_top(token: Token) -> Token:
    """The noun that stands for the word's phrase: "ceasefire" -> "deal" in "a ceasefire
    deal", the first of coordinated nouns, the noun an apposition renames."""
    while token.dep_ in ("compound", "conj", "appos") and token.head != token:
        token = token.head
    return token


def _opener(clause: Span) -> Token:
    """The word that opens the clause: its "after" mark, or the preposition it hangs from."""
    top = clause.root
    return next((c for c in top.children if c.dep_ == "mark"), top.head)


def distance(clause: Span, day_units: dict[str, int],
             earlier_marks: Collection[str] = ("after",)) -> Distance | None:
    """How far the clause is told from the main line when a time unit of ``day_units`` (days
    per unit) measures it beside its opening word ("a day after", "two weeks before", "days
    after"); None when it is not measured in days or more ("hours after", plain "after")."""
    opener = _opener(clause)
    # (the unit hangs from the clause, its opening word, or the main verb right before the
    # opening word: "arrested 20 activists two days following the march")
    near = [*clause.root.children, *opener.children, opener.head]
    if opener.i > 0:
        near.append(opener.doc[opener.i - 1])
    unit = next((t for t in near if t.dep_ == "npadvmod" and t.lower_ in day_units), None)
    if unit is None:
        return None
    days = day_units[unit.lower_]
    numbers = [c for c in unit.children if c.dep_ in ("nummod", "amod", "quantmod")]
    count = parse_count(" ".join(t.text for t in numbers)) if numbers else None
    if count is None and unit.tag_ == "NNS":
        count = parse_count("several")  # "days after": some, as quantifiers.yaml reads them
    low, high = (count.low, count.high) if count is not None else (1, 1)  # "a day after"
    sign = -1 if opener.lower_ in earlier_marks else 1
    first = min(unit.left_edge.i, opener.i)
    last = max(unit.i, opener.i)
    doc = clause.doc
    return Distance(sign=sign, low=low * days, high=high * days,
                    start_char=doc[first].idx, end_char=doc[last].idx + len(doc[last]))
