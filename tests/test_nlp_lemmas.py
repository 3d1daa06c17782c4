"""The lemma fixes of resources/lemmas.yaml reach the parsed text."""

from __future__ import annotations

from marsad.context import Context
from marsad.resources import read_yaml


def test_listed_forms_get_their_lemma(ctx: Context) -> None:
    doc = ctx.nlp("The Iraqis retook the town. THE ARMY RETOOK THE HILL.")
    assert [t.lemma_ for t in doc if t.lower_ == "retook"] == ["retake", "retake"]


def test_other_words_keep_the_model_lemma(ctx: Context) -> None:
    doc = ctx.nlp("Regime forces recaptured the town and shelled the hills.")
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"] == ["recapture", "shell"]


def test_every_fix_is_lower_case_word_to_lemma() -> None:
    fixes = read_yaml("lemmas.yaml")["lemma_fixes"]
    assert fixes and all(form == form.lower() and " " not in form for form in fixes)
