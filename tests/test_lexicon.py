"""The actor dictionary: alliances read both ways and checked at load; acronyms; one state's
entries made from a ``{country}`` entry."""

from __future__ import annotations

import pytest

from marsad.errors import MarsadError
from marsad.lexicon import ActorEntry, _checked_actors, is_acronym, load_lexicon, same_entry


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


@pytest.mark.parametrize(("alias", "acronym"), [
    ("IS", True), ("SAA", True), ("LeT", True), ("JeM", True),  # "let" is a verb
    ("Daesh", False), ("Hamas", False), ("Wagner Group", False), ("LeT fighters", False)])
def test_short_names_with_capitals_match_only_as_written(alias: str, acronym: bool) -> None:
    assert is_acronym(alias) is acronym


def test_a_state_filled_into_a_country_entry_is_that_entry() -> None:
    lexicon = load_lexicon()
    kenya = lexicon.actor("Military Forces of Kenya")  # no entry of its own
    template = lexicon.actor("Military Forces of {country}")
    assert kenya.inter == template.inter and kenya.state_of == template.state_of
    assert lexicon.template_of("Military Forces of Kenya") == template
    assert lexicon.template_of("Hezbollah") is None
    assert same_entry(kenya, template) and same_entry(template, kenya)
    assert not same_entry(kenya, lexicon.actor("Police Forces of {country}"))
    assert not same_entry(kenya, lexicon.actor("Hezbollah"))
    with pytest.raises(KeyError):
        lexicon.actor("Brigade of Nobody")


def test_a_verb_rule_needs_objects_results_or_purposes() -> None:
    import pydantic

    from marsad.lexicon import VerbObjectRule

    with pytest.raises(pydantic.ValidationError, match="a verb alone names no event"):
        VerbObjectRule.model_validate({"becomes": "Attack", "verbs": ["beat"]})
    rule = VerbObjectRule.model_validate({"becomes": "Attack", "verbs": ["beat"],
                                          "results": ["death"]})
    assert rule.results == ("death",) and rule.objects == ()


def test_crowd_retypes_name_known_types_only() -> None:
    """A typo in ``context_typing.crowd_retypes`` fails at load, naming the key."""
    from marsad.lexicon import _context_typing

    known = {"Attack", "Mob violence"}
    assert _context_typing({"crowd_retypes": {"Attack": "Mob violence"}}, known) \
        .crowd_retypes == {"Attack": "Mob violence"}
    with pytest.raises(MarsadError, match="context_typing: unknown sub_event_type 'Mob riot'"):
        _context_typing({"crowd_retypes": {"Attack": "Mob riot"}}, known)


def test_shipped_lexicon_reads_the_session_25_rules() -> None:
    lexicon = load_lexicon()
    assert lexicon.context_typing.crowd_retypes["Attack"] == "Mob violence"
    assert "Government regains territory" in lexicon.subsumes_same_act["Disrupted weapons use"]
    assert "Peaceful protest" in lexicon.subsumed_per_place_and_day
    assert "fall" in lexicon.initiators.yielding_verbs
    assert "march" in lexicon.lowercase_only_words
    assert "condemn" in lexicon.reacted_to.judging_lemmas
