"""The actor dictionary's alliances: read both ways, and checked at load."""

from __future__ import annotations

import pytest

from marsad.errors import MarsadError
from marsad.lexicon import ActorEntry, _checked_actors, load_lexicon


def test_alliances_read_both_ways() -> None:
    lexicon = load_lexicon()
    assert lexicon.allied("Hezbollah", "Military Forces of Syria (2000-)")
    assert lexicon.allied("Military Forces of Syria (2000-)", "Hezbollah")
    assert not lexicon.allied("Islamic State ({country})", "Military Forces of Syria (2000-)")
    assert not lexicon.allied("Hezbollah", "Hezbollah ")


@pytest.mark.parametrize("ally", ["Nobody", "Civilians ({country})"])
def test_an_ally_that_is_no_fixed_actor_name_is_refused(ally: str) -> None:
    entries = [ActorEntry(name="X Brigade", inter=2, aliases=("X Brigade",), allies=(ally,)),
               ActorEntry(name="Civilians ({country})", inter=7, aliases=("civilians",))]
    with pytest.raises(MarsadError, match="^actors.yaml: entry 1: allies: "):
        _checked_actors(entries, set())


@pytest.mark.parametrize(("state_of", "elsewhere"), [
    ("SYR", "Nobody"),  # no such entry
    (None, "Military Forces of {country}"),  # no state whose texts tell home from elsewhere
])
def test_home_aliases_need_a_state_and_an_entry_elsewhere(state_of: str | None,
                                                          elsewhere: str) -> None:
    entries = [ActorEntry(name="Army of X", inter=1, aliases=("the regime",), state_of=state_of,
                          home_aliases=("the regime",), elsewhere=elsewhere),
               ActorEntry(name="Military Forces of {country}", inter=1, aliases=("army",),
                          state_of="*")]
    with pytest.raises(MarsadError, match="^actors.yaml: entry 1: elsewhere: "):
        _checked_actors(entries, set())


def test_acronym_adjectives_match_only_as_written() -> None:
    lexicon = load_lexicon()
    islamic_state = lexicon.adjective_actor("IS")
    assert islamic_state is not None and islamic_state.name == "Islamic State ({country})"
    assert lexicon.adjective_actor("is") is None  # "there is shelling": a verb
    assert lexicon.adjective_actor("IS", capitals=True) is None  # "THERE IS FIGHTING"
    assert lexicon.adjective_actor("ISIL", capitals=True) is islamic_state  # no English word
    for form in ("regime", "Regime", "REGIME"):
        regime = lexicon.adjective_actor(form, capitals=True)
        assert regime is not None and regime.name == "Military Forces of Syria (2000-)"
