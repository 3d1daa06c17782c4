"""Validated, frozen views of the knowledge files: taxonomy, triggers, actors, outlets, cues.

Why a module of its own: extractors receive one ``Lexicon`` built once per process (inside
``Context``), so no extractor reads files and every file is checked against the taxonomy at
load time with a message naming the file and entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from marsad.errors import MarsadError
from marsad.recase import reads_as_word
from marsad.resources import lowered_words, read_yaml, validate_items

TERRITORY_GAIN = "territory gain"
"""Pseudo sub-type of triggers.yaml resolved by who gains the ground."""
DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
"""ACLED's sub-event type of seizures and finds: its verb-object rules name the weapons."""
AIR_STRIKE = "Air/drone strike"
ARRESTS = "Arrests"
AGREEMENT = "Agreement"
PEACEFUL_PROTEST = "Peaceful protest"


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


def possessive_variants(phrase: str) -> list[str]:
    """``phrase`` and, when it holds a possessive, its other spellings: "Assad's forces" is
    also "Assad’s forces" and "Assads forces" (feeds such as FA-KES strip apostrophes), so
    the lexicons list one form."""
    if not _POSSESSIVE.search(phrase):
        return [phrase]
    return list(dict.fromkeys([phrase, _POSSESSIVE.sub("'s", phrase),
                               _POSSESSIVE.sub("’s", phrase), _POSSESSIVE.sub("s", phrase)]))


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SubEventType(_Frozen):
    name: str
    code: str
    definition: str
    cameo: str
    plover: str


class EventType(_Frozen):
    name: str
    disorder_type: str
    sub_event_types: tuple[SubEventType, ...]


class TriggerEntry(_Frozen):
    sub_event_type: str
    weight: float = Field(default=0.7, ge=0, le=1)
    generic: bool = False
    phrases: tuple[str, ...]
    yields_to: tuple[str, ...] = ()
    """Types that, named in the same sentence, are what this event was a part of: weapons
    "destroyed" in a sentence of air sorties are the strike's targets, not disrupted use."""


class ObjectRule(_Frozen):
    trigger_type: str
    objects: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    """When given, the rule reads who does it instead of what it acts on: it applies when
    every doer (the trigger's subjects, with their conjuncts) is one of these words
    ("families began leaving the capital": people fleeing hand over no ground; "fighters and
    their families began leaving" do)."""
    becomes: str | None
    """None: what the trigger acts on makes it no event ("documents seized")."""
    if_state: str | None = None
    triggers: tuple[str, ...] = ()
    """Only for these trigger words (lower-cased), when given: fighters "captured" are
    people taken, fighters "expelled" lost ground."""
    unless_triggers: tuple[str, ...] = ()
    """Trigger words (lower-cased) the rule is not for: fighters "driven out" lost ground,
    they were not taken."""
    victim_classes: tuple[str, ...] = ()
    """Classes of ``victims`` in casualty_terms.yaml whose words are objects too: the people
    a casualty count knows ("10 UNIVERSITY GUARDS WERE CAPTURED") need no second list."""
    not_objects: tuple[str, ...] = ()
    """Words of those classes that are no person taken here ("army", "forces")."""
    unless_objects: tuple[str, ...] = ()
    """Words that, among what the trigger acts on, keep the rule from applying: a building
    set ablaze is what burned, whoever else the parse hangs on the verb."""


class ReactedTo(_Frozen):
    """Words that make an event word the object of a reaction to it (attribution.yaml
    ``not_happened.reacted_to``): the news is the reaction."""

    judging_lemmas: tuple[str, ...] = ()
    """Their object: "condemned the airstrike on the market"."""
    over_lemmas: tuple[str, ...] = ()
    """Their "over" or "for" object: "summoned the ambassador over the shelling",
    "claimed responsibility for the drone strike"."""
    to_lemmas: tuple[str, ...] = ()
    """Their "to" object: "vowing more operations in response to the occupation's raids"."""
    speech_nouns: tuple[str, ...] = ()
    """Nouns of saying whose date is the reaction's: "condemned the attacks in a statement on
    Wednesday"."""


class VerbObjectRule(_Frozen):
    """A verb and what it acts on, ends in or is for that name an event (triggers.yaml
    ``verb_object_rules``)."""

    becomes: str
    weight: float = Field(default=0.7, ge=0, le=1)
    verbs: tuple[str, ...]
    objects: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    """Lemmas of what the act ends in or leaves its object as, a "to" or "on" phrase or a
    complement of the verb ("beat a vendor to death", "set trucks on fire", "set the office
    ablaze"): with them the rule needs no object."""
    purposes: tuple[str, ...] = ()
    """Lemmas of the "to" infinitive the act is for ("residents gathered in front of the
    governorate to denounce unemployment"): with them the rule needs no object."""
    subjects: tuple[str, ...] = ()
    """Lemmas of who does the act, for verbs with no object ("troops arrived", "a contingent
    of police officers landed"): with them the rule needs no object."""
    not_on: tuple[str, ...] = ()
    """Lemmas of what the act falls "on" that make it no event of this type: "inflicting
    losses on private and public properties" is the damage a shelling did, not a clash."""
    not_objects: tuple[str, ...] = ()
    """Lemmas among what the verb acts on that make it no event of this type: "FOUND MANY
    SHELL CASINGS", "recovered fragments of the missile" are what was fired, not weapons."""
    yields_to: tuple[str, ...] = ()
    generic: bool = False
    """The act names no means ("destroyed ISIS positions"): like a generic trigger word,
    it takes the means of a nearby air strike or shelling of the article."""

    @model_validator(mode="after")
    def _says_what_it_needs(self) -> VerbObjectRule:
        if not (self.objects or self.results or self.purposes or self.subjects):
            raise ValueError("needs objects, results, purposes or subjects: a verb alone "
                             "names no event")
        return self


class ProtestEscalation(_Frozen):
    becomes: str
    words: tuple[str, ...]
    unless: tuple[str, ...] = ()
    """Phrases whose words do not count ("the demonstration dispersed peacefully")."""


def escalated_to(words: Iterable[str], rules: Iterable[ProtestEscalation]) -> str | None:
    """The stronger protest type the first rule with a word among ``words`` (a text's tokens)
    gives, once each rule's ``unless`` phrases are taken out; None when no rule's word is
    there."""
    padded = " " + re.sub(r"[^\w\s-]", " ", " ".join(words).casefold()) + " "
    padded = re.sub(r"\s+", " ", padded)
    for rule in rules:
        said = padded
        for phrase in rule.unless:
            said = said.replace(f" {phrase} ", " ")
        if any(f" {word} " in said for word in rule.words):
            return rule.becomes
    return None


class Accused(_Frozen):
    """Accusations ("France blamed regime forces for the attack"): the words that show an actor
    accused of an attack (``marsad.extractors.accusations``), and the events whose missing
    initiator the prevailing accused side fills (``initiators.accused`` in triggers.yaml)."""

    blame_verbs: tuple[str, ...] = ()
    charge_words: tuple[str, ...] = ()
    """Words of arresting or charging someone for an act ("arrested three ISIS members for
    bombing a market", "the arrest of 45 soldiers for killing 6 clergymen"): the act is an
    event of its own, and the one arrested or charged its alleged author."""
    attribute_verbs: tuple[str, ...] = ()
    """Verbs whose "to" names the accused: "attributed the attack to X"."""
    point_verbs: tuple[str, ...] = ()
    perpetrate_verbs: tuple[str, ...] = ()
    plan_verbs: tuple[str, ...] = ()
    """Verbs whose subject, of a known attack, is its author: "the cartel planned the
    attack"."""
    behind_words: tuple[str, ...] = ()
    denial_verbs: tuple[str, ...] = ()
    denied: tuple[str, ...] = ()
    blamed_for: tuple[str, ...] = ()
    """Words whose "for" / "of" phrase names an attack as a reference, not a report of one."""
    objects: tuple[str, ...] = ()
    """An accusing sentence names the attack with one of these words."""
    types: tuple[str, ...] = ()
    window: int = 0
    """Sentences between the event and the accusation, at most (either side)."""


class Responsibility(_Frozen):
    """Claims of responsibility ("ISIS claimed responsibility for the attack"): who to code
    as the initiator of an attack whose own sentence names none (triggers.yaml)."""

    verbs: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    speech_verbs: tuple[str, ...] = ()
    """"ISIS said it was responsible for the bombing", "a call from the Extraditables, who
    said they were responsible for the action": a group saying of itself that it did it."""
    own_words: tuple[str, ...] = ()
    """The words with which a group says it did it: "responsible (for)", "behind"."""


class StateBombing(_Frozen):
    """A bare "bombing" by a state's or a foreign force is an air raid, a "bombed" by a side
    that flies no aircraft a planted bomb, its "raids" a ground assault (triggers.yaml
    ``state_bombing``, ``ground_bombing``, ``ground_raids``)."""

    words: tuple[str, ...] = ()
    inter: tuple[int, ...] = ()
    becomes: str | None = None
    unnamed_doers: tuple[str, ...] = ()
    """Nouns (lemmas) of a subject no actor names that plants bombs: "UNIDENTIFIED
    INDIVIDUALS BOMBED A BANK" (``ground_bombing.unnamed_doers``)."""


class Inheritance(_Frozen):
    """Which events with no named initiator take the one of another event (triggers.yaml)."""

    anywhere: tuple[str, ...] = ()
    nearby: tuple[str, ...] = ()
    window: int = Field(default=2, ge=0)


class Initiators(_Frozen):
    allowed_inter: dict[str, tuple[int, ...]] = Field(default_factory=dict)
    hidden_initiator: tuple[str, ...] = ()
    two_sided: tuple[str, ...] = ()
    sole_actor: tuple[str, ...] = ()
    """Types coded with no target (a peaceful protest: protesters alone)."""
    taken_from: tuple[str, ...] = ()
    unnamed_state_gains: tuple[str, ...] = ()
    state_flag_words: frozenset[str] = frozenset()
    """Lemmas of territory words that, with no taker named, tell the state's gain: "declared
    Marawi City liberated from terrorist influence"."""
    yielding_verbs: tuple[str, ...] = ()
    control_phrases: tuple[str, ...] = ()
    """Territory phrases ending in "of" whose object took the place: "back under the control
    of the federal army"."""
    """Verbs (lemmas) whose "to" object took the subject: "Palma fell to the insurgents"."""
    acted_on_words: tuple[str, ...] = ()
    defending_verbs: tuple[str, ...] = ()
    """Verbs (lemmas) whose subject is the target of the attack they take as object: "FENDING
    OFF FIERCE SALVADORAN AIR AND ARTILLERY ATTACKS", "repelled a regime assault"."""
    provoked_by: tuple[str, ...] = ()
    """Nouns whose "for"/"to" names what another side did: "in retaliation for mortar fire"
    is not the retaliating side's own (a combatant's voice is not its author)."""
    holding_words: tuple[str, ...] = ()
    civilian_targets: tuple[str, ...] = ()
    military_modifiers: tuple[str, ...] = ()
    aimed_objects: tuple[str, ...] = ()
    """Objects of an attack verb that are what is aimed ("opened fire at a bus")."""
    site_nouns: tuple[str, ...] = ()
    """Nouns of a site an actor's name can modify ("a police station"): its owner acted not."""
    time_prepositions: tuple[str, ...] = ()
    """"began after the kidnapping": the subject of that other act did not initiate this one."""
    patient_nouns: tuple[str, ...] = ()
    """Event nouns whose possessor is who it happened to: "a carabinero's assassination"."""
    addressee_verbs: tuple[str, ...] = ()
    """Verbs whose object (or "on" / "to") is asked to act: "called on the police"."""
    adjective_gap_words: tuple[str, ...] = ()
    property_targets: tuple[str, ...] = ()
    state_bombing: StateBombing = Field(default_factory=StateBombing)
    ground_bombing: StateBombing = Field(default_factory=StateBombing)
    ground_raids: StateBombing = Field(default_factory=StateBombing)
    police_raids: tuple[str, ...] = ()
    """Raid words that, done by law enforcement with nobody killed or hurt, are a search: no
    event of their own ("the police raids began after the kidnapping")."""
    responsibility: Responsibility = Field(default_factory=Responsibility)
    accused: Accused = Field(default_factory=Accused)
    inherit: Inheritance = Field(default_factory=Inheritance)


class BorrowedMeans(_Frozen):
    """Words that name an attack but not its means, and the event types whose means they
    borrow from nearby (``context_typing.open_means`` / ``open_attack`` in triggers.yaml)."""

    words: tuple[str, ...] = ()
    donor_types: tuple[str, ...] = ()
    elliptic_subjects: tuple[str, ...] = ()
    """Words that stand for an attack word as a subject ("... and another hit a base")."""
    weaponless: tuple[str, ...] = ()
    """Words that name no weapon at all ("targeted", "hit"): their type is a default, lent
    to no other word unless they borrowed it themselves."""


class MeansByAgent(_Frozen):
    """The weapon that acts names the means: "jets destroyed depots", "jets fired missiles"."""

    becomes: str
    agents: tuple[str, ...]
    retypes: tuple[str, ...]
    patients: tuple[str, ...] = ()
    """Words of one person hit, as the object or passive subject of an event verb that names
    no doer at all: "HE WAS HIT FIVE TIMES DURING THE ATTACK" was shot, not shelled."""


class NeedsCrowd(_Frozen):
    """Riot words that are a demonstration's only where a crowd is named (triggers.yaml)."""

    sub_event_type: str
    words: tuple[str, ...]
    crowd: tuple[str, ...]
    otherwise: str


class Delivery(_Frozen):
    """A definite mention of one of ``types`` that refers back to an event of type
    ``becomes`` is how that event was delivered ("rockets with poisonous gas heads ... killed
    in the shelling")."""

    becomes: str
    types: tuple[str, ...]


class WorkStoppage(_Frozen):
    """A bare "strike" whose phrase names who stops work or why is a stoppage, not an air
    strike (triggers.yaml ``context_typing.work_stoppage``)."""

    sub_event_type: str
    words: tuple[str, ...]
    signals: tuple[str, ...]
    becomes: str
    shutdowns: tuple[str, ...] = ()
    """Modifiers of a strike a group orders ("an 'armed strike'"): no air strike either, and
    a definite "the strike" after one is that shutdown again."""


class GroundStrikes(_Frozen):
    """The verb "strike" done by a non-state armed group is an attack on the ground, not an
    air strike (triggers.yaml ``context_typing.ground_strikes``)."""

    sub_event_type: str
    words: tuple[str, ...]
    becomes: str


class ContextTyping(_Frozen):
    """Which vague mentions borrow their means from a nearby specific event (triggers.yaml)."""

    window: int = Field(default=3, ge=0)
    donor_types: tuple[str, ...] = ()
    anaphora_determiners: tuple[str, ...] = ()
    open_means: BorrowedMeans = BorrowedMeans()
    open_attack: BorrowedMeans = BorrowedMeans()
    means_by_agent: tuple[MeansByAgent, ...] = ()
    instrument_verbs: tuple[str, ...] = ()
    """Verbs (lemmas) whose object is the weapon of the "to" infinitive after them: "the air
    force used 15 aircraft to bomb civilians" (``means_by_agent`` reads the aircraft)."""
    non_striking_verbs: tuple[str, ...] = ()
    """Verbs (lemmas) whose subject or agent names no means (``means_by_agent``): it watches
    or stops a weapon ("THE SAM-7 MISSILES WERE DETECTED BY OBSERVER PLANES") or is what blew
    up ("AN AIRPLANE EXPLODED WHEN TAKING OFF")."""
    needs_crowd: tuple[NeedsCrowd, ...] = ()
    work_stoppage: WorkStoppage | None = None
    ground_strikes: GroundStrikes | None = None
    delivery: tuple[Delivery, ...] = ()
    from_afar_retypes: tuple[str, ...] = ()
    """Types an attack word that names no means gets by default (a clash, an attack on
    civilians, a bombing), which an actor's ``strikes_from_afar`` replaces."""
    mob_retypes: tuple[str, ...] = ()
    """Types that, done by rioters (inter 5), are Mob violence: "a mob tortured ... a
    factory manager" is a mob's violence, not an armed group's attack on a civilian."""
    crowd_retypes: dict[str, str] = Field(default_factory=dict)
    """What a type becomes when a crowd of civilians does it (no armed actor named): ACLED
    never codes civilians as the author of violence; "Residents ... beat two suspected
    informers to death" is Mob violence, "Youths ... overran the police division" a riot."""
    crowd_nouns: tuple[str, ...] = ()
    """Nouns (lemmas) of a crowd as such: as the subject, whoever is in it, the crowd did it
    ("A crowd of enraged men beat to death a woman")."""


class TimeClauses(_Frozen):
    """Events told in a clause of time, "after ..." or "before ..." (triggers.yaml
    ``time_clauses``; the opening words are casualty_terms.yaml ``other_happening_marks``)."""

    weight: float = 1.0
    """Factor on the confidence of such an event, or one told as background another way
    (``aftermath_nouns``, "from Friday's clash"), when the text tells another event as news:
    the background of the news, not its main event ("retook the town after air strikes")."""
    earlier_marks: tuple[str, ...] = ()
    """Opening words of a clause that tells what came before the main line ("after",
    "following"); the others ("before") tell what came after it."""
    aftermath_nouns: tuple[str, ...] = ()
    """Nouns of a phrase that tells what came before the main line ("in the aftermath of the
    shelling", "in the wake of", "on the heels of"): background, as a clause of time is."""
    earlier_adverbials: tuple[str, ...] = ()
    """Adverbials that date an event before the news ("last week", "the previous night"):
    background, as a clause of time is."""
    history_adverbials: tuple[str, ...] = ()
    """Adverbials that date an event a year or more before the news ("last year", "two years
    ago"), as a year's number does ("in 2016"): the history the news is told against."""
    news_adverbials: tuple[str, ...] = ()
    """Adverbials of the news's own day ("today", "this morning"), as a weekday is ("on
    Sunday"): a clause so dated is news, whatever else its sentence tells."""
    undated_words: tuple[str, ...] = ()
    """Words of time spaCy tags as no date ("now", "ago"): read as dates all the same."""
    shares_news_sides: tuple[str, ...] = ()
    """Sub-event types that, told as background, take their sides from the news as well:
    "Al Shabaab fighters took Marka after government forces withdrew from the city" (the
    withdrawal's initiator is who takes over). Other background events keep to their clause's
    sides."""
    day_units: dict[str, int] = Field(default_factory=dict)
    """Time units, with their length in days, that put the clause a day or more away ("a day
    after they led a rally"): a protest so told is another day's, and what the main line did
    is no intervention in it; an event so told is dated that far from the main line's date."""


class StateProtest(_Frozen):
    """A protest lodged by a state is diplomacy, not a demonstration (triggers.yaml
    ``non_conflict.state_protest``)."""

    types: tuple[str, ...] = ()
    doers: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    purpose_of: tuple[str, ...] = ()
    """Acts whose purpose "to protest" is no demonstration ("ISSUED A NOTE TO PROTEST", "THE
    OFFENSIVE HAS BEEN LAUNCHED TO PROTEST", "COMMITTED THIS CRIME TO PROTEST"); a crowd's
    act ("rallied to protest", "occupy the office to protest") is one."""
    lodging_verbs: tuple[str, ...] = ()
    """Verbs (lemmas) whose object "protest" is a formal complaint, not a crowd: "summoned
    the charge d'affaires to lodge a strong protest"."""


class ExistingAgreement(_Frozen):
    """An agreement broken or kept is an old one (triggers.yaml
    ``non_conflict.existing_agreement``)."""

    types: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    ended_by: tuple[str, ...] = ()
    prepositions: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    making_verbs: tuple[str, ...] = ()
    content_verbs: tuple[str, ...] = ()
    demonstratives: tuple[str, ...] = ()


class NonConflict(_Frozen):
    accident: tuple[str, ...] = ()
    not_accident: tuple[str, ...] = ()
    """Phrases with an accident word that tell no accident ("the collapse of the ceasefire"):
    taken out of a sentence before its accident words are read."""
    diplomatic: tuple[str, ...] = ()
    sanction_words: frozenset[str] = frozenset()
    hazard_subjects: frozenset[str] = frozenset()
    """Doers that make a hit or a toll of their clause a disaster's ("Lightning struck")."""
    hazard_verbs: frozenset[str] = frozenset()
    """Verbs (lemmas) of a disaster or an accident whose clause's toll is theirs."""
    """Nouns whose "on"/"against" object is what a sanction is laid on, no side acting."""
    crime: tuple[str, ...] = ()
    enforcement_types: tuple[str, ...] = ()
    diplomatic_types: tuple[str, ...] = ()
    """Types a diplomatic sentence may still tell: an agreement signed is diplomacy's event."""
    state_protest: StateProtest = Field(default_factory=StateProtest)
    existing_agreement: ExistingAgreement = Field(default_factory=ExistingAgreement)


def is_acronym(phrase: str) -> bool:
    """Short all-capital names (IS, SAA, AP, WHO) match only as written: 'is' is a verb; so
    do short one-word names with two capitals ("LeT", "JeM"): 'let' is a verb too."""
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and len(phrase) <= 6 and (phrase.upper() == phrase or (
        " " not in phrase and sum(c.isupper() for c in letters) >= 2))


class ActorEntry(_Frozen):
    name: str
    inter: int = Field(ge=1, le=8)
    state_of: str | None = None
    adjectives: tuple[str, ...] = ()
    aliases: tuple[str, ...]
    generic: bool = False
    """A label for an unnamed group ("gunmen", "militants"): a named group it is said to be
    from ("militants of the Islamic State", "IS militants") replaces it."""
    label: bool = False
    """A kind of fighter ("rebels", "guerrillas") that a named group it is said to be from
    replaces, as a generic label ("guerrillas of the FMLN", "FMLN guerrillas": the FMLN);
    alone it names that kind (ACLED's "Opposition Rebels"), not an unidentified group."""
    sole_group_aliases: tuple[str, ...] = ()
    """Aliases of a ``label`` that name the one group of its kind the text names, even where
    the text never ties them to it ("the FMLN ... the guerrillas attacked"): guerrillas are the
    guerrilla army the report is about; "opposition groups" in a text naming only ISIS are
    not ISIS, so "rebels" and "opposition" are not among them."""
    home_aliases: tuple[str, ...] = ()
    """Aliases that name this state's forces only in a text whose places are in that state
    (``state_of``): "the regime" is Syria's army in a Syrian report, the Salvadoran army in
    Salvadoran guerrilla radio. Elsewhere they name the ``elsewhere`` entry."""
    elsewhere: str | None = None
    """The entry (usually "Military Forces of {country}") that ``home_aliases`` name in a text
    about another country."""
    operates_in: str | None = None
    """ISO 3166 alpha-2 code of the one country this non-state group fights in: a text that
    names no place and no nationality, only the group, is placed there (precision 3)."""
    known_as: tuple[str, ...] = ()
    """Generic words (aliases of a ``generic`` entry) that name this group where the text names
    no other non-state armed group: "the terrorists" of Peruvian state media are the Shining
    Path. Not ISIS: Syrian state media's "terrorists" are every armed opponent."""
    unplaced: str | None = None
    """The name when ``{country}`` cannot be filled: ACLED's "Unidentified Military Forces",
    not "Military Forces of International"."""
    definite_aliases: tuple[str, ...] = ()
    """Common nouns that name this actor only as a known one: "the coalition" is the
    coalition against the Islamic State, "an Arab-Kurdish coalition" is a new one."""
    initiator_of: tuple[str, ...] = ()
    """Sub-event types whose initiator is this actor when the text names no group: ACLED
    codes a demonstration by people of no named group as by "Protesters (Syria)"."""
    strikes_from_afar: dict[str, str] = Field(default_factory=dict)
    """Country (ISO3) -> sub-event type: where this actor fights only from afar (the
    coalition's and Israel's aircraft over Syria), an attack word of theirs that names no means
    ("an Israeli attack on a training camp", "the coalition attacks on Manbij") is that."""
    law_enforcement: bool = False
    """Police: armed state forces in an armed event ("gunmen killed two policemen" is a
    clash), but present at every crime and accident, so naming them does not make a robbery
    or a factory blast a conflict (``non_conflict`` in triggers.yaml still applies)."""
    allies: tuple[str, ...] = ()
    """Names of actors (entries of actors.yaml, fixed names) that fight on this actor's side
    (Hezbollah with the Syrian army): never the other side of its battles. Read both ways."""

    @field_validator("sole_group_aliases", "known_as", "home_aliases", mode="before")
    @classmethod
    def _lower_aliases(cls, value: Any) -> Any:
        return lowered_words(value)

    def name_for(self, country: str | None) -> str:
        """The ACLED name in ``country``: ``{country}`` filled ("Civilians (Syria)"), else
        ``unplaced`` or "International" when no country is known."""
        if country is None and self.unplaced:
            return self.unplaced
        return self.name.replace("{country}", country or "International")


def national_entry(entry: ActorEntry, country: str, iso3: str | None = None) -> ActorEntry:
    """A ``{country}`` entry made one state's: "Ukrainian forces" are "Military Forces of
    Ukraine" wherever the event is (the event's country fills ``{country}`` otherwise). Its
    words stay the template's; it names no alias of its own."""
    return entry.model_copy(update={
        "name": entry.name_for(country), "aliases": (), "adjectives": (), "home_aliases": (),
        "elsewhere": None, "unplaced": None, "state_of": iso3 or entry.state_of})


def filled_country(template: str, name: str) -> str | None:
    """The country ``name`` fills into the ``{country}`` of ``template`` ("Military Forces of
    {country}", "Military Forces of Kenya" -> "Kenya"); None when it is no filling of it."""
    head, placeholder, tail = template.partition("{country}")
    if not placeholder or "{country}" in name or len(name) <= len(head) + len(tail) \
            or not (name.startswith(head) and name.endswith(tail)):
        return None
    return name[len(head):len(name) - len(tail)]


def same_entry(one: ActorEntry, other: ActorEntry) -> bool:
    """One entry, or a ``{country}`` entry and one state's (:func:`national_entry`): "THE
    SALVADORAN ARMY ... SHOT BY SOLDIERS" names the army twice, not two sides."""
    return one.name == other.name or filled_country(one.name, other.name) is not None \
        or filled_country(other.name, one.name) is not None


class OutletEntry(_Frozen):
    name: str
    kind: str
    affiliation: str | None = None
    aliases: tuple[str, ...]
    type: str = "unknown"
    """The registry's finer kind (state media, partisan, monitor...); ``kind`` is the contract's."""
    country: str | None = None
    language: str | None = None
    combatant_voice: bool = False
    """A fighting party's own voice (its news agency, military media, command, defence
    ministry): an attack it reports with no named author is its side's ("Amaaq claimed its
    fighters killed 30 soldiers"). Media that merely lean to a side (SANA, al-Mayadeen) also
    report the other side's attacks on theirs, so their affiliation names no one."""
    speaks_for: str | None = None
    """The actors.yaml name of the side a ``combatant_voice`` speaks for (the Russian
    Ministry of Defence: "Military Forces of Russia (2000-)"); required with it."""

    @model_validator(mode="after")
    def _voice_has_a_side(self) -> OutletEntry:
        if self.combatant_voice and not self.speaks_for:
            raise ValueError("combatant_voice needs speaks_for: the actors.yaml name of its side")
        return self


class GenericSource(_Frozen):
    phrase: str
    source: str
    kind: str
    affiliation: str | None = None
    same_as_type: str | None = None
    """"the monitor" is the one registered outlet of this ``type`` the article names
    ("... the Syrian Observatory said. The monitor added ..."), when there is exactly one."""


class CueEntry(_Frozen):
    cue: str
    forms: tuple[str, ...]
    hedged: bool = False
    denial: bool = False
    accusing: bool = False
    """The cue names who is blamed: its participle after a noun ("a man accused of spying")
    names the one blamed, and no speaker."""


@dataclass(frozen=True)
class RoleWords:
    """What :func:`marsad.extractors.events.roles.actor_roles` reads from the lexicon."""

    association: frozenset[str]
    """"alongside", "backed by": an actor tied to another's phrase is its associate."""
    members: frozenset[str]
    """"from", "members of": the group of a fighter named on the path to the event word."""
    acted_on: frozenset[str]
    """Words whose object, or passive subject, is the side acted on (``acted_on_words``)."""
    holding: frozenset[str]
    """Words that say who holds a place (``holding_words``): the holder never initiates."""
    times: frozenset[str]
    """Prepositions tying an event to another act by time only (``time_prepositions``)."""
    blaming: frozenset[str]
    """Blame verbs (``accused.blame_verbs``): "blamed the attack on X" names the accused."""
    charging: frozenset[str]
    """``accused.charge_words``: the one arrested "for" an act is its alleged author."""
    reacting: frozenset[str]
    """Verbs of reacting to an event or believing it (``reaction_lemmas``,
    ``cognition_lemmas``): their subject judges, never acts."""
    defending: frozenset[str] = frozenset()
    """``initiators.defending_verbs``: their subject is the target of the attack they take."""
    yielding: frozenset[str] = frozenset()
    """``initiators.yielding_verbs``: "fell to X": X is the side that took it."""
    controlling: frozenset[str] = frozenset()
    """``initiators.control_phrases``: "back under the control of X": X took it."""


class Lexicon(_Frozen):
    """Everything extractors know about the world, read from ``resources/``."""

    event_types: tuple[EventType, ...]
    triggers: tuple[TriggerEntry, ...]
    subsumes: dict[str, tuple[str, ...]]
    subsumes_per_clause: tuple[str, ...] = ()
    """Types that subsume only inside their own clause (triggers.yaml
    ``subsumes_per_clause``): "A BOMB EXPLODED ..., AND A SECOND DEVICE ... WAS DEACTIVATED"
    is an explosion and a bomb defused."""
    subsumed_per_place_and_day: tuple[str, ...] = ()
    """Types that an event of the same place and day whose type subsumes them absorbs anywhere
    in the article (triggers.yaml): one demonstration, coded by what it came to."""
    subsumes_same_act: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Pairs of ``subsumes`` that hold only when the weaker event's word is a verb of the
    stronger type's verb-object rules: one act read two ways, not two acts."""
    object_rules: tuple[ObjectRule, ...]
    verb_object_rules: tuple[VerbObjectRule, ...]
    protest_escalation: tuple[ProtestEscalation, ...]
    time_clauses: TimeClauses = Field(default_factory=TimeClauses)
    toll_takers: tuple[str, ...] = ()
    """Types outside political violence whose events take the dead of their sentence
    (triggers.yaml ``toll_takers``: protesters shot dead, a mob's victims)."""
    initiators: Initiators
    non_conflict: NonConflict
    context_typing: ContextTyping
    not_triggers: tuple[str, ...]
    intransitive_senses: tuple[str, ...] = ()
    """Event verbs that name no event with an object or an agent (triggers.yaml: "the
    courage demonstrated by")."""
    frame_phrases: tuple[str, ...] = ()
    """Words before an event noun that make it the frame of another act of the sentence, not
    an event of its own (triggers.yaml: "Under the agreement reached on Thursday, fighters
    pulled out of Darat Izza")."""
    actors: tuple[ActorEntry, ...]
    actor_anaphora: tuple[str, ...]
    not_actors: tuple[str, ...] = ()
    association_cues: tuple[str, ...]
    group_of_cues: tuple[str, ...]
    opposed_prefixes: tuple[str, ...] = ()
    """"anti", "counter": "anti-regime groups" name no mention of the regime."""
    national_nouns: tuple[str, ...] = ()
    """Nouns that name a state's military forces after its nationality word only ("Ukrainian
    forces", "Nigerian warplanes"); alone they name nobody."""
    striking_verbs: tuple[str, ...] = ()
    """Verbs (lemmas) of armed force whose subject or passive agent, a country's name, names
    its military forces ("Israel bombed a military airport")."""
    member_cues: tuple[str, ...]
    outlets: tuple[OutletEntry, ...]
    generic_sources: tuple[GenericSource, ...]
    cues: tuple[CueEntry, ...]
    hedges: tuple[str, ...]
    modal_words: tuple[str, ...]
    negation_words: tuple[str, ...]
    mission_words: tuple[str, ...] = ()
    state_participles: tuple[str, ...] = ()
    role_participles: tuple[str, ...] = ()
    modal_lemmas: tuple[str, ...] = ()
    agreement_lemmas: tuple[str, ...] = ()
    """Verbs of agreeing: what they govern is still to come, unless it is an agreement."""
    prospective_marks: tuple[str, ...] = ()
    blame_lemmas: tuple[str, ...] = ()
    liking_lemmas: tuple[str, ...] = ()
    """Verbs of liking: an act liked is a taste, not an event ("THOSE WHO LIKE THROWING
    BOMBS"); read as verbs only ("events like chemical weapons attacks" gives examples)."""
    demand_lemmas: tuple[str, ...] = ()
    gear_heads: tuple[str, ...] = ()
    gear_use_verbs: tuple[str, ...] = ()
    """"they used ... mortar systems": gear put to use is used, no gear named."""
    craft_heads: tuple[str, ...] = ()
    history_verbs: tuple[str, ...] = ()
    place_descriptions: tuple[str, ...] = ()
    """Nouns of ", the scene of ..." after a place: what follows describes the place."""
    hypothetical_marks: tuple[str, ...] = ()
    known_determiners: tuple[str, ...] = ()
    habitual_adverbs: tuple[str, ...] = ()
    collective_targets: tuple[str, ...] = ()
    """"the FMLN is attacking the civilian population": a charge, no event."""
    noun_only_words: tuple[str, ...] = ()
    """"combat" as a verb is a policy ("to combat such threats"); the noun is fighting."""
    reacted_to: ReactedTo = Field(default_factory=lambda: ReactedTo())
    """An event only reacted to ("condemned the airstrike"): news of the reaction."""
    keeping_lemmas: tuple[str, ...] = ()
    """"remained in control of the town": control kept, no territory gained."""
    lowercase_only_words: tuple[str, ...] = ()
    """Event words that are a name when capitalised: "the union march", not "in March"."""
    history_adverbials: tuple[str, ...] = ()
    """"in the past", "several times": with the present perfect, an undated past."""
    attempt_lemmas: tuple[str, ...] = ()
    reaction_lemmas: tuple[str, ...] = ()
    """Verbs of reacting to a done event: "to protest the assassination" is no purpose."""
    cognition_lemmas: tuple[str, ...] = ()
    """"believe", "suspect": their subject holds a view of the event, no side of it."""
    inventory_words: tuple[str, ...] = ()
    """Small arms and gear: a weapon word listed with one is an inventory, not a use."""
    firing_lemmas: tuple[str, ...] = ()
    """"opened fire with mortars and Grad launchers": a list fired with is used, no inventory."""
    transfer_verbs: tuple[str, ...] = ()
    transfer_nouns: tuple[str, ...] = ()
    """"supplied missiles": weapons handed over, not used."""
    prevention_lemmas: tuple[str, ...] = ()
    """"preventing sexual violence": kept from happening."""
    struck_verbs: tuple[str, ...] = ()
    """"a strike destroyed a VBIED": the weapon is what was hit, not what hit."""
    cargo_nouns: tuple[str, ...] = ()
    """"CARRYING THE FOLLOWING WEAPONS ...: 24 ... MISSILES": the list after the colon is the
    cargo's."""
    telling_lemmas: tuple[str, ...] = ()
    """"confirmed the attack": told by its source, not done by it."""
    inquiry_nouns: tuple[str, ...] = ()
    """"an investigation will be conducted into the murders": what an inquiry under a modal
    verb is into happened (``not_happened.inquiry_nouns``)."""
    reason_words: tuple[str, ...] = ()
    """"should be alert because of the rebels' attacks": the reason a modal statement gives
    happened (``not_happened.reason_words``)."""
    cessation_lemmas: tuple[str, ...] = ()
    """Verbs of ending: "stop the bombings" as an order or an aim reports no bombing."""
    simulation_words: tuple[str, ...] = ()
    """Words of an exercise: "exercises simulating air strikes" are played, not fought."""
    coming_about_verbs: tuple[str, ...] = ()
    """Verbs whose modal form makes their event subject a future: "an agreement will be
    reached"."""
    abstract_foes: tuple[str, ...] = ()
    """Nouns of an abstract foe: "the battle against terrorism" is a policy, not a battle."""
    fight_lemmas: tuple[str, ...] = ()
    """Words of fighting whose "for" complement may be an abstract foe ("battling for our
    ideas")."""
    verbal_manner: tuple[str, ...] = ()
    """Words of manner that make an attack word words: "HARSHLY ATTACKED THE PRESIDENT"."""

    def sub_event(self, name: str) -> tuple[EventType, SubEventType]:
        """Return the event type and sub-event type named ``name``."""
        for event_type in self.event_types:
            for sub in event_type.sub_event_types:
                if sub.name == name:
                    return event_type, sub
        raise KeyError(name)

    def sub_event_names(self) -> list[str]:
        return [sub.name for et in self.event_types for sub in et.sub_event_types]

    def sub_event_types_of(self, disorder_type: str) -> frozenset[str]:
        """The sub-event types of one disorder type ("Political violence")."""
        return self._sub_types_by_disorder.get(disorder_type, frozenset())

    @cached_property
    def role_words(self) -> RoleWords:
        """The words that decide who did an event to whom, as sets, built once: every event's
        reading of its sides asks them."""
        initiators = self.initiators
        return RoleWords(association=frozenset(self.association_cues),
                         members=frozenset(self.member_cues),
                         acted_on=frozenset(initiators.acted_on_words),
                         holding=frozenset(initiators.holding_words),
                         times=frozenset(initiators.time_prepositions),
                         blaming=frozenset(initiators.accused.blame_verbs),
                         charging=frozenset(initiators.accused.charge_words),
                         reacting=frozenset(self.reaction_lemmas + self.cognition_lemmas),
                         defending=frozenset(initiators.defending_verbs),
                         yielding=frozenset(initiators.yielding_verbs),
                         controlling=frozenset(initiators.control_phrases))

    @cached_property
    def weapon_nouns(self) -> frozenset[str]:
        """Words for weapons: the objects of the verb-object rules of Disrupted weapons use
        ("seized rockets, grenades, explosives")."""
        return frozenset(o for rule in self.verb_object_rules
                         if rule.becomes == DISRUPTED_WEAPONS_USE for o in rule.objects)

    @cached_property
    def aircraft_agents(self) -> frozenset[str]:
        """The agents that name an air strike as its means ("jets", "a warplane"): an aircraft
        named in an accident made no strike ("a Su-24 warplane crashed")."""
        return frozenset(a for rule in self.context_typing.means_by_agent
                         if rule.becomes == AIR_STRIKE for a in rule.agents)

    @cached_property
    def weapon_agents(self) -> frozenset[str]:
        """Every weapon that names its means as a doer (``context_typing.means_by_agent``
        agents: "jets", "warplanes")."""
        return frozenset(a for rule in self.context_typing.means_by_agent for a in rule.agents)

    @cached_property
    def _sub_types_by_disorder(self) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        for event_type in self.event_types:
            found.setdefault(event_type.disorder_type, set()).update(
                sub.name for sub in event_type.sub_event_types)
        return {k: frozenset(v) for k, v in found.items()}

    @cached_property
    def actor_adjectives(self) -> dict[str, ActorEntry]:
        """Actor adjectives to their entry, the first entry of actors.yaml winning: read at
        every event word, so looked up, not searched. Keys are case-folded ("russian",
        "regime"), except acronyms, kept as written ("IS": "is" is a verb); look up with
        :meth:`adjective_actor`."""
        index: dict[str, ActorEntry] = {}
        for entry in self.actors:
            for adjective in entry.adjectives:
                for form in possessive_variants(adjective):
                    index.setdefault(form if is_acronym(form) else form.casefold(), entry)
        return index

    def adjective_actor(self, words: str, *, capitals: bool = False) -> ActorEntry | None:
        """The actor an adjective names: acronyms match only as written, and not at all in a
        text written in capitals when they are also a word ("THERE IS FIGHTING")."""
        entry = self.actor_adjectives.get(words.casefold())
        if entry is not None or capitals and reads_as_word(words):
            return entry
        return self.actor_adjectives.get(words)

    @cached_property
    def unidentified_groups(self) -> tuple[str, ...]:
        """Name stems of the generic labels ("Unidentified Armed Group"): an actor so named is
        a group the report did not name."""
        return tuple(entry.name.replace(" ({country})", "") for entry in self.actors
                     if entry.generic)

    def is_unidentified(self, name: str) -> bool:
        """``name`` is a generic label's actor ("Unidentified Armed Group (Syria)")."""
        return _named_from(name, self.unidentified_groups)

    @cached_property
    def label_stems(self) -> tuple[str, ...]:
        """Name stems of the kinds of fighter (``label``: "Opposition Rebels")."""
        return tuple(entry.name.replace(" ({country})", "") for entry in self.actors
                     if entry.label)

    def is_label(self, name: str) -> bool:
        """``name`` is a kind of fighter's actor ("Opposition Rebels (El Salvador)")."""
        return _named_from(name, self.label_stems)

    @cached_property
    def distant_means(self) -> dict[str, dict[str, str]]:
        """Actor name -> (country -> sub-event type) of ``strikes_from_afar``."""
        return {entry.name: entry.strikes_from_afar for entry in self.actors
                if entry.strikes_from_afar}

    @cached_property
    def _alliances(self) -> frozenset[frozenset[str]]:
        return frozenset(frozenset((entry.name, ally)) for entry in self.actors
                         for ally in entry.allies)

    def allied(self, one: str, other: str) -> bool:
        """``one`` and ``other`` (actor names) fight on the same side (``allies``)."""
        return frozenset((one, other)) in self._alliances

    def actor(self, name: str) -> ActorEntry:
        """The entry named ``name``; a ``{country}`` entry's name filled with a country
        ("Military Forces of Ukraine", a nationality's forces: :func:`national_entry`) is that
        entry, named so."""
        for entry in self.actors:
            if entry.name == name:
                return entry
        for entry in self.actors:
            country = filled_country(entry.name, name)
            if country is not None:
                return national_entry(entry, country)
        raise KeyError(name)

    def template_of(self, name: str) -> ActorEntry | None:
        """The ``{country}`` entry whose name, filled with a country, is ``name``."""
        return next((e for e in self.actors if filled_country(e.name, name) is not None), None)

    def outlet(self, name: str) -> OutletEntry | None:
        """Find a registered outlet by canonical name or alias (case-insensitive)."""
        wanted = name.casefold()
        for entry in self.outlets:
            if entry.name.casefold() == wanted or wanted in (a.casefold() for a in entry.aliases):
                return entry
        return None


def _named_from(name: str, stems: Sequence[str]) -> bool:
    """``name`` is one of ``stems`` or one of them placed ("Opposition Rebels (Syria)")."""
    return any(name == stem or name.startswith(f"{stem} (") for stem in stems)


def _known_names(key: str, names: Sequence[str], known: set[str]) -> tuple[str, ...]:
    """``names`` as a tuple; a name that is no sub-event type fails with ``key`` named."""
    for name in names:
        if name not in known:
            raise MarsadError(f"triggers.yaml: {key}: unknown sub_event_type {name!r}")
    return tuple(names)


def _known_sides(outlets: list[OutletEntry], actor_names: set[str]) -> tuple[OutletEntry, ...]:
    for number, entry in enumerate(outlets, start=1):
        if entry.speaks_for is not None and entry.speaks_for not in actor_names:
            raise MarsadError(f"outlets.yaml: entry {number}: speaks_for: unknown actor "
                              f"{entry.speaks_for!r} (not a name in actors.yaml)")
    return tuple(outlets)


def _checked_actors(actors: list[ActorEntry], known: set[str]) -> tuple[ActorEntry, ...]:
    """Refuse what would silently never apply: allies, ``elsewhere`` and ``strikes_from_afar``
    are looked up by names, and the latter's types must be sub-event types (``known``)."""
    names = {entry.name for entry in actors}
    for number, entry in enumerate(actors, start=1):
        for ally in entry.allies:
            if ally not in names or "{country}" in ally or "{country}" in entry.name:
                raise MarsadError(f"actors.yaml: entry {number}: allies: {ally!r} is not the "
                                  "fixed name of an entry (one without {country})")
        if entry.elsewhere is not None and (entry.elsewhere not in names or not entry.state_of
                                            or entry.state_of == "*"):
            raise MarsadError(f"actors.yaml: entry {number}: elsewhere: {entry.elsewhere!r} "
                              "must name an entry, and the entry needs a fixed state_of")
        if entry.strikes_from_afar and "{country}" in entry.name:
            raise MarsadError(f"actors.yaml: entry {number}: strikes_from_afar needs a fixed "
                              "name (one without {country}): it is looked up by name")
        for sub_event_type in entry.strikes_from_afar.values():
            if sub_event_type not in known:
                raise MarsadError(f"actors.yaml: entry {number}: strikes_from_afar: unknown "
                                  f"sub_event_type {sub_event_type!r}")
    return tuple(actors)


def _with_victims(rule: ObjectRule, victims: dict[str, list[str]]) -> ObjectRule:
    """The rule with the words of its ``victim_classes`` added to its objects."""
    if not rule.victim_classes:
        return rule
    unknown = [name for name in rule.victim_classes if name not in victims]
    if unknown:
        raise MarsadError(f"triggers.yaml: object_rules: unknown victim class {unknown[0]!r} "
                          f"(casualty_terms.yaml victims has {', '.join(victims)})")
    added = [word for name in rule.victim_classes for word in victims[name]
             if word not in rule.not_objects]
    return rule.model_copy(update={"objects": tuple(dict.fromkeys((*rule.objects, *added)))})


def _known_types(rules: list[VerbObjectRule], known: set[str]) -> list[VerbObjectRule]:
    for number, rule in enumerate(rules, start=1):
        if rule.becomes not in known:
            raise MarsadError(
                f"triggers.yaml: verb_object_rules entry {number}: unknown type {rule.becomes!r}")
    return rules


def _initiators(raw: dict[str, object], known: set[str]) -> Initiators:
    rules = Initiators.model_validate(raw)
    for part, names in (("inherit", (*rules.inherit.anywhere, *rules.inherit.nearby)),
                        ("accused", rules.accused.types), ("sole_actor", rules.sole_actor)):
        _known_names(f"initiators.{part}", names, known)
    return rules


def _context_typing(raw: dict[str, object], known: set[str]) -> ContextTyping:
    rule = ContextTyping.model_validate(raw)
    named = [m.becomes for m in rule.means_by_agent] + [
        t for m in rule.means_by_agent for t in m.retypes] + [
        t for c in rule.needs_crowd for t in (c.sub_event_type, c.otherwise)] + [
        t for d in rule.delivery for t in (d.becomes, *d.types)] + [
        *rule.from_afar_retypes, *rule.mob_retypes,
        *(t for pair in rule.crowd_retypes.items() for t in pair)] + (
        [t for r in (rule.work_stoppage, rule.ground_strikes) if r is not None
         for t in (r.sub_event_type, r.becomes)])
    _known_names("context_typing", [*rule.donor_types, *rule.open_means.donor_types,
                                     *rule.open_attack.donor_types, *named], known)
    return rule


def _words(section: dict[str, Any], key: str) -> tuple[str, ...]:
    """The word list under ``key`` of a YAML section; none when the key is absent."""
    return tuple(section.get(key) or ())


@cache
def load_lexicon() -> Lexicon:
    """Read and cross-check the knowledge files (cached: they do not change at run time)."""
    taxonomy = read_yaml("taxonomy.yaml")
    event_types = validate_items("taxonomy.yaml", taxonomy["event_types"], EventType)
    known = {sub.name for et in event_types for sub in et.sub_event_types} | {TERRITORY_GAIN}
    actors_file = read_yaml("actors.yaml")
    actors = _checked_actors(validate_items("actors.yaml", actors_file["actors"],
                                         ActorEntry), known)
    actor_names = {entry.name for entry in actors}
    trigger_file = read_yaml("triggers.yaml")
    triggers = validate_items("triggers.yaml", trigger_file["triggers"], TriggerEntry)
    for number, trigger in enumerate(triggers, start=1):
        if trigger.sub_event_type not in known:
            raise MarsadError(
                f"triggers.yaml: entry {number}: unknown sub_event_type {trigger.sub_event_type!r}")
    subsumes = {k: tuple(v) for k, v in (trigger_file.get("subsumes") or {}).items()}
    _known_names("subsumes", [*subsumes, *(n for v in subsumes.values() for n in v)], known)
    object_rules = validate_items(
        "triggers.yaml", trigger_file.get("object_rules") or [], ObjectRule)
    for rule in object_rules:
        for name in (rule.trigger_type, rule.becomes, rule.if_state):
            if name is not None and name not in known:
                raise MarsadError(f"triggers.yaml: object_rules: unknown type {name!r}")
    object_rules = [_with_victims(rule, read_yaml("casualty_terms.yaml")["victims"])
                    for rule in object_rules]
    outlets_file = read_yaml("outlets.yaml")
    cues_file = read_yaml("attribution.yaml")
    not_happened = cues_file["not_happened"]
    return Lexicon(
        event_types=tuple(event_types),
        triggers=tuple(triggers),
        subsumes=subsumes,
        subsumes_per_clause=_known_names("subsumes_per_clause",
                                         trigger_file.get("subsumes_per_clause") or [], known),
        subsumes_same_act={_known_names("subsumes_same_act", [strong], known)[0]: _known_names(
            "subsumes_same_act", weak, known) for strong, weak in (
                trigger_file.get("subsumes_same_act") or {}).items()},
        subsumed_per_place_and_day=_known_names(
            "subsumed_per_place_and_day",
            trigger_file.get("subsumed_per_place_and_day") or [], known),
        toll_takers=_known_names("toll_takers", trigger_file.get("toll_takers") or [], known),
        object_rules=tuple(object_rules),
        verb_object_rules=tuple(_known_types(validate_items(
            "triggers.yaml", trigger_file.get("verb_object_rules") or [], VerbObjectRule), known)),
        initiators=_initiators(trigger_file.get("initiators") or {}, known),
        non_conflict=NonConflict.model_validate(trigger_file.get("non_conflict") or {}),
        context_typing=_context_typing(trigger_file.get("context_typing") or {}, known),
        not_triggers=tuple(trigger_file.get("not_triggers") or ()),
        intransitive_senses=_words(trigger_file, "intransitive_senses"),
        frame_phrases=_words(trigger_file, "frame_phrases"),
        protest_escalation=tuple(validate_items(
            "triggers.yaml", trigger_file.get("protest_escalation") or [], ProtestEscalation)),
        time_clauses=TimeClauses.model_validate(trigger_file.get("time_clauses") or {}),
        actors=actors,
        actor_anaphora=_words(actors_file, "anaphora"),
        not_actors=_words(actors_file, "not_actors"),
        association_cues=_words(actors_file, "association_cues"),
        group_of_cues=_words(actors_file, "group_of_cues"),
        opposed_prefixes=_words(actors_file, "opposed_prefixes"),
        national_nouns=_words(actors_file, "national_nouns"),
        striking_verbs=_words(actors_file, "striking_verbs"),
        member_cues=_words(actors_file, "member_cues"),
        outlets=_known_sides(validate_items("outlets.yaml", outlets_file["outlets"],
                                            OutletEntry), actor_names),
        generic_sources=tuple(validate_items(
            "outlets.yaml", outlets_file["generic_sources"], GenericSource)),
        cues=tuple(validate_items("attribution.yaml", cues_file["cues"], CueEntry)),
        hedges=tuple(cues_file["hedges"]),
        modal_words=tuple(not_happened["modal"]),
        negation_words=tuple(not_happened["negation"]),
        mission_words=_words(not_happened, "mission"),
        state_participles=_words(not_happened, "state_participles"),
        role_participles=_words(not_happened, "role_participles"),
        modal_lemmas=_words(not_happened, "modal_lemmas"),
        agreement_lemmas=_words(not_happened, "agreement_lemmas"),
        prospective_marks=_words(not_happened, "prospective_marks"),
        blame_lemmas=_words(not_happened, "blame_lemmas"),
        liking_lemmas=_words(not_happened, "liking_lemmas"),
        demand_lemmas=_words(not_happened, "demand_lemmas"),
        gear_heads=_words(not_happened, "gear_heads"),
        gear_use_verbs=_words(not_happened, "gear_use_verbs"),
        craft_heads=_words(not_happened, "craft_heads"),
        history_verbs=_words(not_happened, "history_verbs"),
        place_descriptions=_words(not_happened, "place_descriptions"),
        hypothetical_marks=_words(not_happened, "hypothetical_marks"),
        known_determiners=_words(not_happened, "known_determiners"),
        habitual_adverbs=_words(not_happened, "habitual_adverbs"),
        collective_targets=_words(not_happened, "collective_targets"),
        noun_only_words=_words(not_happened, "noun_only_words"),
        lowercase_only_words=_words(not_happened, "lowercase_only_words"),
        keeping_lemmas=_words(not_happened, "keeping_lemmas"),
        history_adverbials=_words(not_happened, "history_adverbials"),
        attempt_lemmas=_words(not_happened, "attempt_lemmas"),
        reaction_lemmas=_words(not_happened, "reaction_lemmas"),
        reacted_to=ReactedTo.model_validate(not_happened.get("reacted_to") or {}),
        cognition_lemmas=_words(not_happened, "cognition_lemmas"),
        inventory_words=_words(not_happened, "inventory_words"),
        firing_lemmas=_words(not_happened, "firing_lemmas"),
        transfer_verbs=_words(not_happened, "transfer_verbs"),
        transfer_nouns=_words(not_happened, "transfer_nouns"),
        struck_verbs=_words(not_happened, "struck_verbs"),
        prevention_lemmas=_words(not_happened, "prevention_lemmas"),
        cargo_nouns=_words(not_happened, "cargo_nouns"),
        telling_lemmas=_words(not_happened, "telling_lemmas"),
        inquiry_nouns=_words(not_happened, "inquiry_nouns"),
        reason_words=_words(not_happened, "reason_words"),
        cessation_lemmas=_words(not_happened, "cessation_lemmas"),
        simulation_words=_words(not_happened, "simulation_words"),
        coming_about_verbs=_words(not_happened, "coming_about_verbs"),
        abstract_foes=_words(not_happened, "abstract_foes"),
        fight_lemmas=_words(not_happened, "fight_lemmas"),
        verbal_manner=_words(not_happened, "verbal_manner"),
    )
