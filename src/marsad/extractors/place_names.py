"""Whether a name spaCy marked names a place at all, and which words it spans.

Why separate: a place's name is often something else's ("COLONEL ORLANDO MONTANO", "THE
PONCE BATTALION", "BARCELONA AVENUE", "THE NEW YORK TIMES", "(MONTENEGRO)" who speaks in a
transcript, 'OPERATIONS "VICTORIA"'), or only a part of a longer one ("SAN ANTONIO" of "SAN
ANTONIO ABAD", "SANTIAGO" of "SANTIAGO DE MARIA"). These checks read the words around the
entity only; which place a name is, and where, is ``places``' job.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from marsad.extractors.numbers import load_quantifiers
from marsad.gazetteer import REGION_KINDS, Gazetteer, GazetteerSettings, normalize_name
from marsad.nlp import first_conjunct
from marsad.recase import doc_in_capitals

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
HYPHENS = ("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014")
_TITLE_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "al", "el"})
_OPEN_QUOTES = "\"\u201c\u00ab"
_CLOSE_QUOTES = "\"\u201d\u00bb"
# What ends a turn of a transcript before the next speaker's bracketed name
_TURN_ENDS = frozenset({".", "?", "!", ")", ":", "\"", "\u201d"})


def read_as_place(ent: Span, gazetteer: Gazetteer) -> bool:
    """Whether the entity is one to look up as a place: a place label, or a town spaCy
    called a nationality, an organisation or a person (``_place_read_as_another_kind``)."""
    return ent.label_ in PLACE_LABELS or _place_read_as_another_kind(ent, gazetteer)


# The label of a span read as a place's name by grammar, not by the model: "the town of Hit"
# (places._named_after_a_place_word); an ordinary word there is still a name.
NAMED_BY_PLACE_WORD = "NAMED_BY_PLACE_WORD"


def place_name(doc: Doc, text: str, ent: Span, gazetteer: Gazetteer) -> Span | None:
    """The words of the place the entity names (itself, or a longer name the gazetteer
    knows), or None when it names something else or no place alone."""
    settings = gazetteer.settings
    named = ent
    if len(ent) > 1 and ent[0].is_lower and ent[0].lower_ in settings.directions:
        # "in south Lebanon": the province the gazetteer knows so, else Lebanon, south of it
        named = doc[ent.start + 1:ent.end]
        if not gazetteer.candidates(ent.text):
            ent = named
    if not _looks_like_name(named.text, settings.articles) or (
            gazetteer.is_ordinary_word(ent.text) and ent.label_ != NAMED_BY_PLACE_WORD):
        return None  # (but "the town of Hit" names it, whatever else "hit" is)
    if _inside_longer_quote(text, ent):
        return None  # an outlet or title in quotes ("Damascus Now"), not the place
    if _names_a_group(text, ent.end_char, settings.group_nouns):
        return None  # "the Sinaloa and Jalisco cartels": gangs, named after their home
    if _nationality_before_a_noun(ent, settings):
        return None  # "Somali National Army troops": Somalis' army, not Ethiopia's Somali
    if _month_before_a_day(doc, ent):
        return None  # "BEIRUT, Nov 4 (Reuters)": a date, not Nov, Israel
    if _names_an_operation(text, ent, settings.operation_words):
        return None  # 'OPERATIONS "VICTORIA" AND "MARTILLO"': an operation's name
    # spaCy may cut one name into two place entities with nothing between them ("SAN
    # ANTONIO" | "ABAD"): the whole is the place where the gazetteer knows it, and the head
    # is no place where it knows neither the whole nor the tail, a word or two of a name
    # ("THE TOWN OF SAN ANTONIO ABAD" is not San Antonio, Texas). Two places side by side
    # ("Douma Harasta") stay two, the tail being a place, and so does a place before another
    # name ("in Syria the Syrian Observatory for Human Rights says": FA-KES texts lose their
    # commas and full stops).
    tail = _adjacent_place_entity(doc, ent, after=True)
    if tail is not None and len(tail) <= 2 and all(
            w.is_alpha and (w.is_title or w.is_upper) and not w.is_stop for w in tail):
        if gazetteer.candidates(doc[ent.start:tail.end].text):
            ent = doc[ent.start:tail.end]
        elif not gazetteer.candidates(tail.text):
            return None
    head = _adjacent_place_entity(doc, ent, after=False)
    if head is not None and gazetteer.candidates(doc[head.start:ent.end].text):
        return None  # the tail of a name read whole from its head
    ent = _known_name_in_capitals(doc, ent, gazetteer)
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in settings.region_prefixes \
            and (before.is_title or before.is_upper) and ent.text.lower() in settings.region_names:
        return None  # "PEACE IN CENTRAL AMERICA", "LATIN AMERICA": a region, no country
    longer = _longer_name(doc, ent, settings)
    if longer is not None:
        if gazetteer.candidates(longer.text):
            ent = longer
        elif longer.start < ent.start or ent.text.lower() in settings.name_prefixes:
            return None  # "Safi" of "Aqareb es Safi", "Tal" of "Tal Samin": no place alone
    elif ent.text.lower() in settings.name_prefixes:
        return None  # "THE (SAN) SALVADOR VOLCANO": a name's first word is no place alone
    if _after_a_given_name(doc, ent, gazetteer):
        return None  # "Najib Ansari said": a surname, though al-Ansari is a district
    if ent.root.pos_ == "NOUN" and any(child.dep_ == "det" and child.lower_ in ("a", "an")
                                       for child in ent.root.children):
        return None  # "IN A PILMAIQUEN ALLEY": a common noun (Aley by spelling), no name
        # (but "a new Syria", "a democratic Syria" name the country)
    if _common_noun_in_capitals(doc, ent, gazetteer):
        return None  # "THE OWNER OF THE PLANTATION": Plantation, Florida, only by spelling
    if _before_a_surname(doc, ent, gazetteer):
        return None  # "COLONEL ORLANDO MONTANO": a first name, though Orlando is a city
    if _speaker_tag(doc, ent):
        return None  # "(MONTENEGRO) THE TRUTH IS THAT ...": who speaks in a transcript
    if _paired_with_a_nationality(doc, ent, settings):
        return None  # "THE CHILEAN-U.S. CULTURAL INSTITUTE", "U.S.-SOVIET TALKS": a relation
    if _listed_among_persons(doc, ent, settings):
        return None  # "ARRESTED JOSE VIDAL ENAMORADO DIAZ, ELBA RUTH ALFARO VALENCIA, ..."
    if len(ent) > 2 and all(word.lower_ in settings.given_names for word in ent[:2]):
        # "GUSTAVO ADOLFO MADERO": a person, though Gustavo A. Madero is a borough (one given
        # name begins places: "Tariq al-Bab", "Salah al-Din")
        return None
    if ent.end < len(doc) and doc[ent.end].lower_ in settings.unit_words:
        return None  # "THE PONCE BATTALION": a unit's name, not where it fights
    if _names_a_feature(doc, ent, gazetteer):
        return None  # "Lake Chad", "the Dnipro river": a lake or a river, not the country
    if _names_a_street(doc, ent, settings.street_words):
        return None  # "BARCELONA AVENUE", "BETWEEN SAN DIEGO AND ARTURO PRATTS STREETS"
    if _names_a_newspaper(doc, ent, settings.newspaper_words):
        return None  # "THE NEW YORK TIMES", "The Washington Post reported"
    return ent


def _common_noun_in_capitals(doc: Doc, ent: Span, gazetteer: Gazetteer) -> bool:
    """In text written in capitals, one word with an article that the tagger, reading the copy
    in lower case, takes for a singular common noun ("THE PLANTATION WHERE ...", "A GOOD
    OPPORTUNITY") is that noun, where the gazetteer knows the name only as a town: a
    province or a country keeps its article ("THE PETEN"), and so do names in a list."""
    word = ent.root
    if len(ent) != 1 or word.pos_ != "NOUN" or word.tag_ != "NN" or not doc_in_capitals(doc):
        return False
    articles = [c.lower_ for c in word.children if c.dep_ == "det"]
    listed = word.i + 1 < len(doc) and doc[word.i + 1].lower_ in (",", "and")
    if not ({"a", "an"} & set(articles) or ("the" in articles and not listed)):
        return False  # ("THE MEJICANOS, CUSCATANCINGO, ... NEIGHBORHOODS": names in a list)
    places = gazetteer.candidates(ent.text)
    return bool(places) and all(p.kind not in REGION_KINDS and p.kind != "country"
                                for p in places)


def _names_a_newspaper(doc: Doc, ent: Span, words: frozenset[str]) -> bool:
    """The entity ends with, or stands right before, a capitalised newspaper word
    (``newspaper_words``): "The Washington Post", "THE NEW YORK TIMES"."""
    for token in (ent[-1], doc[ent.end] if ent.end < len(doc) else None):
        if token is not None and token.lower_ in words and (token.is_title or token.is_upper):
            return True
    return False


def _longer_name(doc: Doc, ent: Span, settings: GazetteerSettings) -> Span | None:
    """The whole name when the entity is only a part of it: spaCy often cuts an Arabic
    name at its article ("Aqareb es" | "Safi", "Ras" | "al Ain"). A tail ("Safi") is then
    a word of a name the parser split, not a place of its own; a head ("Ras") that the
    gazetteer does not know with its tail stays itself (FA-KES texts lose commas: "Raqqa
    al-Thawra ..."), but a name's first word alone ("Tal" of "Tal Samin",
    ``name_prefixes``) does not."""
    articles = settings.name_joining_articles
    start, end = ent.start, ent.end
    if len(ent) == 1 and ent.text.lower() in settings.name_prefixes and end < len(doc):
        if doc[end].is_alpha and doc[end].text[:1].isupper():
            return doc[start:end + 1]  # "Tal" + "Samin": a name's first word is no place alone
        if doc[end].text in HYPHENS and end + 1 < len(doc) and doc[end + 1].is_alpha \
                and doc[end + 1].text[:1].isupper():
            return doc[start:end + 2]  # "Khan-Shaikhoun"
    at = start - 1
    if at >= 1 and doc[at].text in HYPHENS:
        at -= 1
    if at >= 1 and _joins_name(doc[at], doc[at - 1], articles) \
            and doc[at - 1].sent == ent.sent and not doc[at - 1].is_sent_start:
        start = at - 1
    elif at >= 0 and _joins_name(doc[start], doc[at], articles) \
            and doc[at].sent == ent.sent and not doc[at].is_sent_start:
        start = at  # "Aleppo" | "al Jadida"
    at = end
    if at < len(doc) - 1 and _joins_name(doc[at], doc[at + 1], articles):
        end = at + 2
    elif at < len(doc) - 2 and doc[at + 1].text in HYPHENS \
            and _joins_name(doc[at], doc[at + 2], articles):
        end = at + 3
    return doc[start:end] if (start, end) != (ent.start, ent.end) else None


def _joins_name(article: Token, word: Token, articles: frozenset[str]) -> bool:
    """A lower-case Arabic article next to a capitalised word: "es" and "Aqareb"."""
    return article.text in articles and word.is_alpha \
        and word.text[:1].isupper()


def _looks_like_name(text: str, articles: frozenset[str]) -> bool:
    """Tell whether a mention is written like a proper name (lower-case "hit" is a verb)."""
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in articles]
    if not words:
        return False
    first = words[0]
    return not first.isascii() or not first[:1].isalpha() or first[:1].isupper()


def _names_an_operation(text: str, ent: Span, words: tuple[str, ...]) -> bool:
    """The entity is a quoted name after an operation word, or one of a list of such names
    ('OPERATIONS "VICTORIA" AND "MARTILLO"', 'an offensive codenamed "Olive Branch"')."""
    if not words:
        return False
    return _operation_pattern(words).search(text[max(0, ent.start_char - 80):ent.start_char]) \
        is not None


@cache
def _operation_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    opening, closing = re.escape(_OPEN_QUOTES), re.escape(_CLOSE_QUOTES)
    quoted = rf"[{opening}][^{closing}]*[{closing}]"
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\s+"
                      rf"(?:{quoted}\s*(?:,|and)\s*)*[{opening}]\s*$", re.IGNORECASE)


def _inside_longer_quote(text: str, ent: Span) -> bool:
    """Tell whether the entity is part of a longer quoted name, like an outlet's."""
    before = text[max(0, ent.start_char - 60):ent.start_char]
    after = text[ent.end_char:ent.end_char + 60]
    opened = max(before.rfind(q) for q in _OPEN_QUOTES)
    if opened < 0 or any(q in before[opened + 1:] for q in _CLOSE_QUOTES if q != '"'):
        return False
    closing = [after.find(q) for q in _CLOSE_QUOTES if after.find(q) >= 0]
    if not closing:
        return False
    outside = f"{before[opened + 1:].strip()} {after[:min(closing)].strip()}".split()
    # A quoted name ("Damascus Now", "Voice of the Capital") is short and title-cased; a
    # quoted sentence ("... back in Homs.") names the place itself.
    return bool(outside) and len(outside) <= 4 and all(
        word[:1].isupper() or word.lower() in _TITLE_SMALL_WORDS for word in outside)


def _after_a_given_name(doc: Doc, ent: Span, gazetteer: Gazetteer) -> bool:
    """The name follows a capitalised given name ("Najib Ansari") or a first surname ("ADOLFO
    MESA MENESES"): a person's surname. Words that also begin place names ("Abu", "Umm",
    "Sheikh": ``name_prefixes``) do not count. A second surname counts too: "GENERAL OSCAR
    BOTERO RESTREPO" (a capitalised name between that is no English word)."""
    settings = gazetteer.settings
    if ent.start > 0 and _names_a_person(doc[ent.start - 1], settings):
        return True
    if ent.start > 1 and _initial(doc[ent.start - 1]) and doc[ent.start - 2].is_title:
        return True  # "Scott C. Dayton": a surname after a middle initial
    between = doc[ent.start - 1] if ent.start > 1 else None
    if between is None or not between.is_alpha or not (between.is_title or between.is_upper) \
            or between.is_stop or between.ent_type_ in ("GPE", "LOC", "FAC") \
            or gazetteer.is_ordinary_word(between.text):
        return False
    if between.pos_ in ("PROPN", "NOUN") and _names_a_person(doc[ent.start - 2], settings):
        return True
    # a nationality word, a name the gazetteer does not know and a surname that is a town
    # too: "GUATEMALAN GILDA FLORES" (the tagger reads a capitalised given name as anything)
    return doc[ent.start - 2].lower_ in settings.demonym_words \
        and ent.text.lower() in settings.surnames.every and not gazetteer.candidates(between.text)


def _place_read_as_another_kind(ent: Span, gazetteer: Gazetteer) -> bool:
    """spaCy called a town a nationality, an organisation or a person ("ONE PERSON WAS KILLED
    IN TULCAN": NORP; "the army base in Babanusa", "gunmen stormed Tibu": ORG; "in Datu
    Piang": PERSON): a name after a preposition of place (or "the neighbourhood of",
    "residents of": ``dwellers_of``) that is
    no nationality word nor anyone's name and is a place's own name. (Names of actors and
    sources are taken out by ``find_places``.)"""
    settings = gazetteer.settings
    if ent.label_ not in _MISREAD_LABELS or ent.text.lower() in settings.demonym_words \
            or any(t.lower_ in settings.people_words for t in ent):
        return False
    root = first_conjunct(ent.root)  # "BETWEEN TULCAN AND IPIALES"
    # ("Bokkos local government area", "the Al-Jamarik neighbourhood of El Geneina")
    generic = settings.generic_words
    named_as_place = (root.dep_ in ("compound", "nmod") and root.head.lower_ in generic) \
        or _object_of_a_place_noun(root, settings) or _described_as_place(ent.root, settings)
    if not named_as_place and not in_a_place_slot(root, settings):
        return False
    return names_a_known_place(ent.text, gazetteer, loosely=named_as_place)


def names_a_known_place(name: str, gazetteer: Gazetteer, *, loosely: bool) -> bool:
    """The gazetteer knows ``name`` as a place's own name or, ``loosely``, as another name
    of places of one country only ("El Geneina": Al-Junaynah; "Dinsoor": Diinsoor)."""
    key = normalize_name(name)
    places = gazetteer.candidates(name)
    return any(normalize_name(p.name) == key for p in places) or (
        loosely and len({p.iso2 for p in places}) == 1)


def in_a_place_slot(token: Token, settings: GazetteerSettings) -> bool:
    """Whether the grammar puts ``token`` where a place goes: the object of "of" after a
    place word, a dweller or part noun or a bearing ("the village of X", "residents of X",
    "the centre of X", "40 kilometres west of X"), of a preposition of place ("in X", "near
    X") or of an assault (``assault_verbs``: "attacked X")."""
    root = first_conjunct(token)
    if _object_of_a_place_noun(root, settings):
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() in settings.assault_verbs:
        return True  # "Boko Haram fighters attacked Bosso", "stormed Bokkos"
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS


def _object_of_a_place_noun(root: Token, settings: GazetteerSettings) -> bool:
    """ "of" X after a place word, a ``dwellers_of`` noun or a compass bearing."""
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    noun = root.head.head.lower_
    return noun in settings.generic_words or noun in settings.dwellers_of \
        or noun in settings.offsets.bearings


def _names_a_group(text: str, end: int, nouns: frozenset[str]) -> bool:
    """The name, alone or with other capitalised names joined to it, comes right before a
    noun of armed groups (``group_nouns``): "the Sinaloa and Jalisco cartels", "the Jalisco
    New Generation Cartel", "the Gulf Clan"."""
    return bool(nouns) and _group_after(nouns).match(text, end) is not None


@cache
def _group_after(nouns: frozenset[str]) -> re.Pattern[str]:
    """Capitalised names joined by "and", "or" or a comma, or up to three more capitalised
    words, then one of the nouns (in any case: "Cartel")."""
    alternatives = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    return re.compile(r"(?:\s*(?:,|and|or)\s*[A-Z][\w'-]*|\s+[A-Z][\w'-]*){0,3}\s+"
                      rf"(?i:{alternatives})\b")


def _nationality_before_a_noun(ent: Span, settings: GazetteerSettings) -> bool:
    """The name is a nationality word (``demonyms``) modifying a noun that is no place word:
    "Somali National Army troops", "Kurdish fighters" (but "the Somali region" is one)."""
    if ent.text.lower() not in settings.demonym_words or ent.root.dep_ not in ("compound", "amod"):
        return False
    head = ent.root.head
    while head.dep_ == "compound" and head.head != head:
        head = head.head  # "Somali National Army troops": up to "troops"
    return head.lower_ not in settings.generic_words and head.lower_ not in settings.admin1_words


def _month_before_a_day(doc: Doc, ent: Span) -> bool:
    """The name is a month's name or short form (quantifiers.yaml ``months``) before a day's
    number ("Nov 4", "Dec. 12")."""
    if len(ent) != 1 or ent.text.rstrip(".").lower() not in load_quantifiers().months:
        return False
    after = doc[ent.end:ent.end + 2]
    return any(t.like_num for t in after[:1]) or (
        len(after) == 2 and after[0].text == "." and after[1].like_num)


def _described_as_place(root: Token, settings: GazetteerSettings) -> bool:
    """The name is described as a place right after it: by an apposition whose noun is a
    place word ("Chasiv Yar, a hilltop town west of Bakhmut", "Sungai Kolok, the border
    town", "Khar, the headquarters of Bajaur district": ``place_appositions``), or as lying
    in a place ("Residents of Birnin Gwari in Kaduna State")."""
    for child in root.children:
        if child.dep_ == "appos" and (child.lower_ in settings.generic_words
                                      or child.lower_ in settings.place_appositions):
            return True
        if child.dep_ == "prep" and child.lower_ == "in" and child.i == root.i + 1:
            if any(c.dep_ == "pobj" and (c.ent_type_ in PLACE_LABELS
                                         or c.lower_ in settings.admin1_words)
                   for c in child.children):
                return True
    return False


_MISREAD_LABELS = frozenset({"NORP", "ORG", "PERSON"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "between", "outside", "around"})


def _known_name_in_capitals(doc: Doc, ent: Span, gazetteer: Gazetteer) -> Span:
    """In capitals a joining article is no sign of a name ("HOSPITAL DE SAN MIGUEL" is a
    hospital), but a longer name the gazetteer knows is read whole: "SANTIAGO DE MARIA" is
    Santiago de María, not Santiago, Chile."""
    articles = gazetteer.settings.name_joining_articles
    at = ent.end
    if not ent.text.isupper() or at >= len(doc) or not doc[at].is_upper \
            or doc[at].lower_ not in articles:
        return ent
    for end in range(at + 2, min(at + 4, len(doc)) + 1):
        longer = doc[ent.start:end]
        if doc[end - 1].is_alpha and gazetteer.candidates(longer.text):
            return longer
    return ent


def _adjacent_place_entity(doc: Doc, ent: Span, *, after: bool) -> Span | None:
    """The place entity right after (or before) ``ent`` in its sentence, only a space
    between them."""
    if after:
        if ent.end >= len(doc) or doc[ent.end].ent_iob_ != "B" \
                or not doc[ent.end - 1].whitespace_:
            return None
        other = next((e for e in doc.ents if e.start == ent.end), None)
    else:
        if ent.start == 0 or doc[ent.start - 1].ent_iob_ == "O" \
                or not doc[ent.start - 1].whitespace_:
            return None
        # (none ends there when ``ent`` is the tail of an entity: "south" of "south Lebanon")
        other = next((e for e in doc.ents if e.end == ent.start), None)
    return other if other is not None and other.label_ in PLACE_LABELS \
        and other.sent == ent.sent else None


def _before_a_surname(doc: Doc, ent: Span, gazetteer: Gazetteer) -> bool:
    """The name is a first name that is a place too (``given_name_places``) right before a
    surname, or a capitalised name the gazetteer does not know, maybe after "de" ("ORLANDO
    MONTANO", "ORLANDO DE SOLA", "NELSON MANDELA"): a person. "SANTIAGO DE CHILE" and
    "ORLANDO AIRPORT" stay places."""
    settings = gazetteer.settings
    if len(ent) != 1 or ent[0].lower_ not in settings.given_name_places or ent.end >= len(doc):
        return False
    word = doc[ent.end]
    if word.lower_ in settings.name_joining_articles and ent.end + 1 < len(doc):
        word = doc[ent.end + 1]  # "ORLANDO DE SOLA", but "SANTIAGO DE CHILE"
        if gazetteer.candidates(doc[ent.start:word.i + 1].text) or any(
                p.kind in REGION_KINDS for p in gazetteer.candidates(word.text)):
            return False
        return word.is_alpha and word.pos_ == "PROPN"
    if not (word.is_alpha and (word.is_title or word.is_upper)) or word.is_stop:
        return False
    # a noun after it ("SANTIAGO NEIGHBORHOOD", "ROSARIO ISLAND", "ORLANDO AIRPORT") is no
    # surname: in text written in capitals the tagger, which reads a copy in ordinary case,
    # tells a name from a noun
    return _names_a_person(word, settings) or (word.pos_ == "PROPN" and not (
        gazetteer.candidates(word.text) or gazetteer.is_ordinary_word(word.text)))


def _names_a_feature(doc: Doc, ent: Span, gazetteer: Gazetteer) -> bool:
    """A lake, mountain or river word stands right before or after the name
    (``feature_words_before`` / ``_after``), and the gazetteer does not know the whole."""
    settings = gazetteer.settings
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].lower_ in settings.feature_words_before:
        start -= 1
    elif end < len(doc) and doc[end].lower_ in settings.feature_words_after:
        end += 1
    else:
        return False
    return not gazetteer.candidates(doc[start:end].text)


def _names_a_street(doc: Doc, ent: Span, words: frozenset[str]) -> bool:
    """A street word, capitalised, follows the name ("BARCELONA AVENUE"), or ends a list of
    names it begins in the plural ("BETWEEN SAN DIEGO AND ARTURO PRATTS STREETS"): a
    street's name, not the city it is named after."""
    at = ent.end
    while at < len(doc) and at - ent.end < 8 and doc[at].lower_ not in words and (
            doc[at].text == "," or doc[at].lower_ == "and"
            or ((doc[at].pos_ == "PROPN" or doc[at].ent_type_) and not doc[at].is_stop)):
        at += 1
    if at >= len(doc) or doc[at].lower_ not in words or not doc[at].text[:1].isupper():
        return False
    return at == ent.end or doc[at].lower_.endswith("s")


def _speaker_tag(doc: Doc, ent: Span) -> bool:
    """The name alone in brackets at the start of a turn of a transcript ("? (MONTENEGRO) THE
    TRUTH IS ...", "(END RECORDING) (PIZARRO) WE ARE LIVING ..."): the speaker's name, not a
    place."""
    if ent.start < 1 or ent.end >= len(doc) or doc[ent.start - 1].text != "(" \
            or doc[ent.end].text != ")":
        return False
    before = ent.start - 2
    while before >= 0 and doc[before].is_space:
        before -= 1  # ("KIDNAPPINGS?\n   (PIZARRO)": a new line between)
    return before < 0 or doc[before].text in _TURN_ENDS


def _paired_with_a_nationality(doc: Doc, ent: Span, settings: GazetteerSettings) -> bool:
    """The name is joined by a hyphen to a nationality word ("CHILEAN-U.S.", "U.S.-SOVIET"):
    the pair names a relation or a joint body ("THE CHILEAN-U.S. CULTURAL INSTITUTE", "THE
    COLOMBIAN-U.S. TREATY"), not where something happened."""
    before = ent.start - 2
    if before >= 0 and doc[before + 1].text in HYPHENS and not doc[before].whitespace_ \
            and not doc[before + 1].whitespace_ \
            and doc[before].lower_ in settings.demonym_words:
        return True
    after = ent.end
    return after + 1 < len(doc) and doc[after].text in HYPHENS \
        and not doc[after - 1].whitespace_ and not doc[after].whitespace_ \
        and doc[after + 1].lower_ in settings.demonym_words


def _listed_among_persons(doc: Doc, ent: Span, settings: GazetteerSettings) -> bool:
    """The name ends a longer proper name (two capitalised words or more before it) in a list
    whose other items are persons' names, a given name first: "ARRESTED JOSE VIDAL ENAMORADO
    DIAZ, ELBA RUTH ALFARO VALENCIA, ..." (a surname, though Valencia is a city; the given
    names the list of ``given_names`` lacks are no sign, the list is)."""
    root = ent.root
    before = doc[root.left_edge.i:ent.start]
    if len(before) < 2 or not all(w.is_alpha and (w.is_title or w.is_upper) and w.dep_ == "compound"
                                  and w.lower_ not in settings.name_prefixes for w in before):
        return False
    return any(item.left_edge.i < item.i and item.left_edge.lower_ in settings.given_names
               for item in root.conjuncts)


def persons_origin(root: Token, settings: GazetteerSettings) -> bool:
    """The place is where a named person is from: "ROBERTO ROASCIO OF MILAN AND MARIO ACCURSO
    OF ROME ... WERE TAKEN HOSTAGE" (after "of", on a proper name a given name or a title
    opens, or that spaCy calls a person); "the city of Milan", "the port of Latakia" stay.
    The state after a town is the town's ("of Woodbridge, Virginia")."""
    while root.dep_ == "appos" and root.head.i < root.i:
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    head = root.head.head
    return head.ent_type_ == "PERSON" or (head.pos_ in ("PROPN", "NOUN") and any(
        (child.dep_ in ("compound", "amod") and (
            _names_a_person(child, settings) or _initial(child)))
        # "Scott C. Dayton, 42, of Woodbridge, Virginia": a name with its age
        or (child.dep_ == "appos" and child.like_num and child.i < root.i)
        for child in head.children))


def _initial(word: Token) -> bool:
    """A middle initial ("C." in "Scott C. Dayton")."""
    text = word.text
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _names_a_person(word: Token, settings: GazetteerSettings) -> bool:
    """A capitalised given name, title or surname: the name after it is a surname (in capitals
    in wire copy too: "JOSE ANTONIO RODRIGUEZ"), unless it is a verb ("SAID")."""
    lowered = word.lower_
    return ((word.is_title or word.is_upper) and word.pos_ not in ("VERB", "AUX")
            and lowered in settings.name_words
            and lowered not in settings.name_prefixes)


def surnames_in(doc: Doc, settings: GazetteerSettings) -> frozenset[str]:
    """The words the text writes after a given name, title or surname ("COLONEL PONCE",
    "ADOLFO MESA MENESES"): a person's name wherever the text names it alone ("MESA MENESES
    WAS ARRESTED")."""
    return frozenset(word.lower_ for word in doc[1:]
                     if (word.is_title or word.is_upper) and word.is_alpha and not word.is_stop
                     and (_names_a_person(doc[word.i - 1], settings) or (
                         word.i > 1 and _initial(doc[word.i - 1]) and doc[word.i - 2].is_title)))
