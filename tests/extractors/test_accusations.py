"""Accusations read from the parse (marsad.extractors.accusations), on the real spaCy model."""

from __future__ import annotations

import pytest

from marsad.context import Context
from marsad.extractors.accusations import find_accusations, prevailing
from marsad.extractors.actors import find_actors


def _accused(text: str, ctx: Context) -> list[str]:
    doc = ctx.nlp(text)
    found = find_accusations(find_actors(doc, ctx), ctx.lexicon.initiators.accused,
                             ctx.lexicon.known_determiners)
    return [a.mention.entry.name for a in found]


@pytest.mark.parametrize("text", [
    "France blamed regime forces for the chemical attack on the town.",
    "The opposition blamed the attack on Assad's forces.",
    "Many pointed their fingers at the Syrian regime after the attack.",
    "The Syrian government has denied responsibility for the attack.",
    "The attack was believed to have been carried out by the Syrian regime.",
    "Diplomats say the Syrian regime was behind the attack.",
    # the parser hangs the name under "loyal": the name before a subjectless "were behind"
    "Washington and Paris say forces loyal to President Bashar al-Assad were behind the attack.",
])
def test_each_accusation_form_names_the_accused(text: str, ctx: Context) -> None:
    assert _accused(text, ctx) == ["Military Forces of Syria (2000-)"]


@pytest.mark.parametrize("text", [
    "Regime forces shelled the town on Monday, killing four people.",
    "France blamed the regime for the collapse of the peace talks.",  # no attack named
    "Regime forces denied entering the town.",
])
def test_no_accusation_without_blame_of_an_attack(text: str, ctx: Context) -> None:
    assert _accused(text, ctx) == []


def test_two_sides_blamed_as_often_is_contested(ctx: Context) -> None:
    doc = ctx.nlp("Rebels blamed the regime for the attack, "
                  "while the government blamed the rebels.")
    found = find_accusations(find_actors(doc, ctx), ctx.lexicon.initiators.accused,
                             ctx.lexicon.known_determiners)
    assert len(found) == 2
    names = [a.mention.entry.name for a in found]
    assert prevailing(names) is None
    assert prevailing(names[:1]) == names[0]
