"""Wire copy in capitals is parsed from a copy in ordinary case (marsad.recase), and the
document handed back is the original, token for token."""

from __future__ import annotations

from marsad.context import Context
from marsad.recase import ORIGINAL_WORDS, _in_ordinary_case, doc_in_capitals, in_capitals

CAPITALS = ("IT WAS OFFICIALLY REPORTED THAT A POLICEMAN WAS WOUNDED TODAY WHEN URBAN GUERRILLAS "
            "ATTACKED THE GUARDS OF A SUBSTATION IN SOYAPANGO, SAN SALVADOR.")


def test_a_text_in_capitals_keeps_its_words_and_gets_an_ordinary_parse(ctx: Context) -> None:
    doc = ctx.nlp(CAPITALS)
    assert doc.text == CAPITALS
    assert ORIGINAL_WORDS not in doc.user_data
    assert doc_in_capitals(doc)
    by_word = {t.text: t for t in doc}
    # In capitals the model tags every word a proper noun and loses the clause's subject.
    assert by_word["ATTACKED"].pos_ == "VERB"
    assert by_word["GUERRILLAS"].dep_ == "nsubj" and by_word["GUERRILLAS"].head.text == "ATTACKED"
    assert by_word["POLICEMAN"].dep_ == "nsubjpass"
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
    assert {"SOYAPANGO", "SAN SALVADOR"} <= places
    assert all(doc[e.start:e.end].text == e.text for e in doc.ents)


def test_ordinary_text_passes_unchanged(ctx: Context) -> None:
    text = "Urban guerrillas attacked the guards of a substation in Soyapango."
    doc = ctx.nlp(text)
    assert doc.text == text and not doc_in_capitals(doc)


def test_pipe_keeps_each_documents_context(ctx: Context) -> None:
    texts = [(CAPITALS, "first"), ("Rebels shelled Aleppo on Monday.", "second")]
    got = [(doc.text, context) for doc, context in ctx.nlp.pipe(texts, as_tuples=True)]
    assert got == texts


def test_ordinary_case_capitalises_sentence_starts() -> None:
    words = ["THE", "ARMY", "ENTERED", "LIMA", ".", "IT", "IS", "QUIET", "\n\n", "US", "TROOPS"]
    assert _in_ordinary_case(words) == [
        "The", "army", "entered", "lima", ".", "It", "is", "quiet", "\n\n", "Us", "troops"]


def test_in_capitals_needs_most_letters_capital() -> None:
    assert in_capitals("GUERRILLAS ATTACKED THE GUARDS OF A SUBSTATION IN SOYAPANGO today")
    assert not in_capitals("Guerrillas attacked the guards in SOYAPANGO, EL SALVADOR")
