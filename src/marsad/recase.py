"""Parse wire copy written in capitals from a copy in ordinary case.

Why: spaCy's English models learnt their tags and dependencies from text in ordinary case. On
MUC-4's wire copy ("URBAN GUERRILLAS ATTACKED THE GUARDS") every word is tagged a proper noun,
passives and subjects are lost, and an event's target reads as its author. The first
component here swaps a document in capitals for one of the same tokens in lower case (the
first word of each sentence capitalised), so the tagger, parser and recogniser see the kind of
text they were trained on; the last one puts the original words back under the annotations.
Token boundaries, character offsets and text are the original's: only the model's view changes.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

RECASE = "marsad_recase"
RESTORE_CASE = "marsad_restore_case"
CAPITALS_KEY = "marsad_capitals"
"""``Doc.user_data`` key: whether the document is written in capitals."""
ORIGINAL_WORDS = "marsad_original_words"
"""``Doc.user_data`` key: the words of a document in capitals, while the model reads its copy."""
CARRIED = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_ID, ENT_KB_ID]
"""What the model and the rulers set, carried back onto the original words."""
SENTENCE_ENDS = frozenset(".!?")


def in_capitals(text: str) -> bool:
    """Whether a text is written in capitals, as wire copy often is ("... WILL NOT PROVOKE US
    INTO VIOLENT ACTION"): it is then parsed from a copy in ordinary case, and a word that is a
    stop word in lower case ("US", "MAY", "IS", "WHO") is that word, not a name or a place."""
    letters = [ch for ch in text[:CAPITALS_SAMPLE] if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > CAPITALS_SHARE * len(letters)


def doc_in_capitals(doc: Doc) -> bool:
    """:func:`in_capitals` of the whole document, read once per document (the pipeline's first
    component records it; a document made without it is read here)."""
    known = doc.user_data.get(CAPITALS_KEY)
    if known is None:
        known = doc.user_data[CAPITALS_KEY] = in_capitals(doc.text)
    return bool(known)


def reads_as_word(text: str) -> bool:
    """In a text written in capitals, a name that is an English stop word in lower case is that
    word ("US", "MAY", "IS", "WHO"): no acronym of an actor, no place."""
    return text.lower() in STOP_WORDS


CAPITALS_SAMPLE = 2000
"""Characters read to tell whether a text is written in capitals."""
CAPITALS_SHARE = 0.8
"""Share of capital letters above which it is."""


@Language.component(RECASE)
def recase(doc: Doc) -> Doc:
    """A document in capitals becomes its copy in ordinary case; any other passes unchanged."""
    capitals = doc.user_data[CAPITALS_KEY] = in_capitals(doc.text)
    if not capitals:
        return doc
    words = [t.text for t in doc]
    copy = Doc(doc.vocab, words=_in_ordinary_case(words),
               spaces=[bool(t.whitespace_) for t in doc])
    _carry_over(doc, copy)
    copy.user_data[ORIGINAL_WORDS] = words
    return copy


@Language.component(RESTORE_CASE)
def restore_case(doc: Doc) -> Doc:
    """The original words again, with every annotation the pipeline made on the copy."""
    words = doc.user_data.get(ORIGINAL_WORDS)
    if words is None:
        return doc
    original = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    original.from_array(CARRIED, cast(Ints2d, doc.to_array(CARRIED)))
    _carry_over(doc, original)
    del original.user_data[ORIGINAL_WORDS]
    return original


def _carry_over(source: Doc, target: Doc) -> None:
    """What is not an annotation: user data and ``nlp.pipe``'s context of the document."""
    target.user_data.update(source.user_data)
    target._context = source._context


def _in_ordinary_case(words: list[str]) -> list[str]:
    """Lower case, with the first word after a full stop (or a line break) capitalised.

    Names stay in lower case: capitalising the gazetteer's one-word places and people's names
    too was measured: MUC-4 incident-type recall -0.007 for country precision +0.003
    (docs/benchmarks.md, session 12)."""
    cased = []
    starts_sentence = True
    for word in words:
        lower = word.lower()
        if len(lower) != len(word):  # a letter whose lower case is longer: keep the offsets
            lower = word
        if starts_sentence and any(ch.isalpha() for ch in word):
            cased.append(lower[:1].upper() + lower[1:])
            starts_sentence = False
        else:
            cased.append(lower)
        if word in SENTENCE_ENDS or "\n" in word:
            starts_sentence = True
    return cased


def add_recasing(nlp: Language) -> None:
    """Put the two components first and last in ``nlp``."""
    nlp.add_pipe(RECASE, first=True)
    nlp.add_pipe(RESTORE_CASE, last=True)
