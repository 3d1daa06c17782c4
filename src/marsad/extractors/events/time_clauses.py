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

import datetime as dt
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from marsad.extractors.casualties import load_casualty_terms
from marsad.extractors.numbers import parse_count
from marsad.extractors.time import calendar_names
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
    told_before = _past_perfect(word) or _dated_earlier(word, clauses)
    if told_before is not None:
        while told_before.dep_ == "conj" and told_before.head != told_before:
            told_before = told_before.head  # (verbs joined share the first one's subject:
            # "Over 25 civilians were killed and 100 wounded in July in US air strikes")
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


def _dated_earlier(word: Token, clauses: TimeClauses) -> Token | None:
    """The verb whose adverbial of time dates ``word``'s clause before the news (see
    :func:`dating`), or None."""
    dated = dating(word, clauses)
    return dated[0] if dated is not None and dated[1] != NEWS else None


NEWS, EARLIER, HISTORY = "news", "earlier", "history"
"""What an adverbial of time tells of its clause (:func:`dating`)."""
# a verb's clause that takes its time from the clause it hangs from when it has none of its own
# ("Solenzo was emptied once before, in 2023, when residents fled fighting")
_TIMED_BY_HEAD = frozenset({"advcl", "relcl", "acl", "conj", "xcomp", "pcomp", "csubj",
                            "csubjpass", "nsubj", "nsubjpass", "dobj", "pobj"})
_ADVERBIAL_DEPS = frozenset({"npadvmod", "advmod", "prep", "tmod", "obl"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_DATE_LABELS = frozenset({"DATE", "TIME"})  # ("this morning" is a TIME)


def dating(word: Token, clauses: TimeClauses) -> tuple[Token, str] | None:
    """The verb whose adverbial of time dates ``word``'s clause, and what it tells: ``NEWS``
    (the day of the news: "on Sunday", "today": ``clauses.news_adverbials`` and weekdays),
    ``EARLIER`` (before it: "last week", "in March", "two weeks ago":
    ``clauses.earlier_adverbials``, a month with no day) or ``HISTORY`` (a year or more before
    it: "in 2016", "in October 2019", "two years ago": a year's number or
    ``clauses.history_adverbials``). A clause with no adverbial of time of its own takes that
    of the clause it hangs from; None when no clause up to a sentence's main line is dated so
    (or the date, "on 3 May", tells neither). A sentence with no verb above the word (the
    parser read "was overrun" as a noun) is dated by its root's adverbials."""
    verb: Token | None = governing_verb(word) or word.sent.root
    while verb is not None:
        told = _time_told(verb, clauses)
        if told is not None:
            return (verb, told) if told else None
        if verb.dep_ not in _TIMED_BY_HEAD or verb.head == verb:
            return None
        verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else governing_verb(verb.head)
    return None


def told_as_history(word: Token, clauses: TimeClauses) -> bool:
    """``word``'s clause is dated a year or more before the news (:func:`dating`: "in 2016",
    "two years ago")."""
    dated = dating(word, clauses)
    return dated is not None and dated[1] == HISTORY


def news_days(doc: Doc, clauses: TimeClauses) -> list[Span]:
    """The words that date something to the news's own day ("on Sunday", "this morning",
    "now"), wherever the parser hung them ("ministers meeting in Vientiane on Thursday
    called for ..."): where a text with no publication date tells its news."""
    dates = [ent for ent in doc.ents if ent.label_ in _DATE_LABELS]
    dates += [doc[t.i:t.i + 1] for t in doc
              if t.lower_ in clauses.undated_words and not t.ent_type_]
    return [span for span in dates if _told_by(
        list(span), " " + " ".join(t.lower_ for t in span) + " ", clauses) == NEWS]


def _time_told(verb: Token, clauses: TimeClauses) -> str | None:
    """What the verb's own adverbials of time tell (:func:`dating`); "" when one dates it
    without telling news or earlier ("on 3 May"), None when it has none. A date the parser
    hung on one of its arguments stands in for its own ("The town was overrun by Islamic
    State in 2014")."""
    found: str | None = None
    for adverbial in _adverbials(verb):
        own = _own_words(adverbial)
        said = " " + " ".join(t.lower_ for t in own) + " "
        told = _told_by(_date_words(adverbial, own, clauses.undated_words), said, clauses)
        if told:
            return told
        if told is not None:
            found = ""
    return found


def _adverbials(verb: Token) -> Iterator[Token]:
    """The verb's adverbials (and its open complement's: "tried to advance on the front last
    week"), then the date phrases of its arguments."""
    yield from (c for c in verb.children if c.dep_ in _ADVERBIAL_DEPS)
    yield from (c for x in verb.children if x.dep_ == "xcomp"
                for c in x.children if c.dep_ in _ADVERBIAL_DEPS)
    for argument in verb.children:
        if argument.dep_ == "agent":
            argument = next((c for c in argument.children if c.dep_ == "pobj"), argument)
        elif argument.dep_ not in _ARGUMENT_DEPS:
            continue
        yield from (c for c in argument.children if c.dep_ == "prep" and any(
            o.dep_ == "pobj" and o.ent_type_ in _DATE_LABELS for o in c.children))


def _own_words(adverbial: Token) -> list[Token]:
    """The adverbial's words without the clauses inside it: "Following the ambush that killed
    four policemen last week, troops ... on Sunday stumbled upon a device" dates the killing
    last week, not the finding."""
    words = [adverbial]
    for child in adverbial.children:
        if child.pos_ not in ("VERB", "AUX"):
            words += _own_words(child)
    return sorted(words, key=lambda t: t.i)


def _date_words(adverbial: Token, own: list[Token], undated: Collection[str]) -> list[Token]:
    """The words of the date an adverbial is or governs (``own``: its words outside clauses;
    "in October 2019", "during the June 2019 protests", "two years ago", "today"), also where
    the parser hung the date elsewhere ("In October 2019 Baghdad's Tahrir Square became ...":
    October a modifier of the square). ``undated``: words of time the recogniser tags as no
    date ("now", "ago": ``time_clauses.undated_words``)."""
    words = [t for t in own if t.ent_type_ in _DATE_LABELS or t.lower_ in undated]
    doc = adverbial.doc
    after = adverbial.i + 1
    if adverbial.dep_ == "prep" and not words and after < len(doc) \
            and doc[after].ent_iob_ == "B" and doc[after].ent_type_ in _DATE_LABELS:
        entity = next(e for e in doc.ents if e.start == after)
        words = list(entity)
    return words


def _told_by(date: list[Token], said: str, clauses: TimeClauses) -> str | None:
    """What one adverbial tells (:func:`_time_told`). Where the text's date of publication
    is known (:func:`note_publication`), a year or month is read against it: "17 August 2016"
    heading a report of that day is its news, "in 2014" its history."""
    if any(f" {phrase} " in said for phrase in clauses.history_adverbials):
        return HISTORY
    if any(f" {phrase} " in said for phrase in clauses.earlier_adverbials):
        return EARLIER
    if not date:
        return None
    text = " " + " ".join(t.lower_ for t in date) + " "
    months, weekdays = _calendar()
    if any(t.lower_ in weekdays for t in date) or any(
            f" {phrase} " in text for phrase in clauses.news_adverbials):
        return NEWS
    if any(t.lower_ == "ago" for t in date):
        return EARLIER  # "three weeks ago" (years ago: history_adverbials)
    published = _published(date[0].doc)
    years = [int(t.text[:4]) for t in date if _is_year(t)]
    month = next((months[t.lower_] for t in date if t.lower_ in months and t.is_title), None)
    if not years and month is None and (
            not any(t.like_num for t in date) or any(t.lower_ in clauses.day_units for t in date)):
        return None  # a length of time, no date: "during their 14-month offensive"
    if published is None:
        if years:
            return HISTORY
        return EARLIER if month is not None and not any(t.like_num for t in date) else ""
    if years and max(years) < published.year:
        return HISTORY
    if month is not None and (not years or years[-1] == published.year) \
            and month < published.month:
        return EARLIER
    return ""


@cache
def _calendar() -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names (``time.calendar_names``), read once: every adverbial asks."""
    return calendar_names()


def _is_year(token: Token) -> bool:
    text = token.text.rstrip("s")  # ("the 1990s")
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


PUBLISHED_KEY = "marsad_published"
"""``Doc.user_data`` key: the text's date of publication (ISO), when known."""


def note_publication(doc: Doc, published: dt.date | None) -> None:
    """Tell the readers of this module the text's date of publication (the dates of its
    news are read against it), or that it has none."""
    doc.user_data[PUBLISHED_KEY] = published.isoformat() if published is not None else None


def _published(doc: Doc) -> dt.date | None:
    value = doc.user_data.get(PUBLISHED_KEY)
    return dt.date.fromisoformat(value) if value else None


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
