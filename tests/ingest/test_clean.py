"""Tests of marsad.ingest.clean: what cleaning drops, what it keeps, and the Document built."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import MarsadError
from marsad.ingest import clean_text, guess_language, prepare, read_inputs
from marsad.ingest.boilerplate import (
    BoilerplateEntry,
    RunInLists,
    TrailerEntry,
    load_line_patterns,
    load_trailer_patterns,
)
from marsad.model import Document, SourceDocument
from marsad.resources import validate_items, validate_section

DATA = Path(__file__).parent.parent / "data" / "ingest"
# seed_enab_baladi.txt: Enab Baladi (English edition), "Assad’s Forces Advance in Southern Damascus,
# Further Regime Troops Killed", 8 May 2018; the project's seed article.
SEED = DATA.parent / "seed_enab_baladi.txt"
PAGE = DATA / "news_page.html"
PROSE = "Regime forces shelled the town of Kafr Nabl on Tuesday, killing two civilians."


def read_one(path: Path, **options: object) -> SourceDocument:
    [item] = list(read_inputs([str(path)], **options))  # type: ignore[arg-type]
    assert isinstance(item, SourceDocument)
    return item


def kinds(document: Document) -> list[tuple[str, str]]:
    return [(dropped.kind, dropped.text) for dropped in document.dropped]


def test_seed_article() -> None:
    document, warnings = prepare(read_one(SEED))
    caption = ("Military troops under Assad’s forces at the gate of the Yarmouk Camp – "
               "May 6. 2018 (Damascus Now)")
    assert document.title == (
        "Assad’s Forces Advance in Southern Damascus, Further Regime Troops Killed")
    assert kinds(document) == [
        ("caption", caption),
        ("caption", caption),
        ("link", "النسخة العربية من المقال"),
        ("appeal", "Propaganda distorts the truth and prolongs the war.."),
        ("appeal", "Syria needs free media.. We need your support to stay independent.."),
        ("appeal", "Support Enab Baladi.."),
        ("appeal", "$1 a month makes a difference.."),
        ("appeal", "Click here to support"),
    ]
    assert all(dropped.char_count == len(dropped.text) for dropped in document.dropped)
    assert document.text.startswith("Assad’s forces continued their campaign on Monday")
    assert document.text.endswith(
        "ISIS also controls a section of the nearby al-Tadamun neighbourhood in southern Damascus.")
    assert "\n\n\n" not in document.text and document.title not in document.text
    assert (document.published, document.published_source) == (dt.date(2018, 5, 7), "inferred")
    assert document.language == "en"
    assert warnings == [f"publication date 2018-05-07 inferred from {caption!r}"]


@pytest.mark.parametrize(
    ("options", "published", "published_source"),
    [
        ({}, dt.date(2018, 5, 7), "inferred"),
        ({"published": dt.date(2018, 5, 8)}, dt.date(2018, 5, 8), "given"),
    ],
)
def test_given_publication_date_wins(
    options: dict[str, object], published: dt.date, published_source: str
) -> None:
    document, _ = prepare(read_one(SEED, **options))
    assert (document.published, document.published_source) == (published, published_source)


def test_html_page_is_cleaned_and_dated_from_metadata() -> None:
    document, warnings = prepare(read_one(PAGE))
    assert warnings == []
    assert document.title == "Shelling kills four civilians in southern Idlib countryside"
    assert (document.published, document.published_source) == (dt.date(2019, 3, 14), "metadata")
    assert document.outlet == "The Levant Monitor"
    assert document.text.startswith("Four civilians, including two children, were killed")
    assert document.text.endswith("since the beginning of the month.")
    assert document.text.count("\n\n") == 4
    for furniture in ("Facebook", "Share", "comment", "disgrace", "Copyright", "Subscribe",
                      "Related", "About us", "Shelling kills four"):
        assert furniture not in document.text


def test_html_given_date_beats_metadata() -> None:
    document, _ = prepare(read_one(PAGE, published=dt.date(2019, 3, 15)))
    assert (document.published, document.published_source) == (dt.date(2019, 3, 15), "given")


def test_identity() -> None:
    anonymous, _ = prepare(SourceDocument(text=f"  {PROSE}  \n"))
    digest = hashlib.sha256(PROSE.encode("utf-8")).hexdigest()
    assert anonymous.text == PROSE
    assert (anonymous.content_hash, anonymous.id) == (digest, f"doc-{digest[:16]}")
    named, _ = prepare(SourceDocument(id="enab-2018-05-08", text=PROSE))
    assert (named.id, named.content_hash) == ("enab-2018-05-08", digest)


def test_no_date_warns() -> None:
    document, warnings = prepare(SourceDocument(text=PROSE))
    assert (document.published, document.published_source) == (None, "unknown")
    assert warnings == ["no publication date given or found"]


@pytest.mark.parametrize(
    ("source", "language"),
    [
        (SourceDocument(text=PROSE), "en"),
        (SourceDocument(text="قصفت قوات النظام بلدة كفرنبل يوم الثلاثاء (Reuters report)"), "ar"),
        (SourceDocument(text=PROSE, language="fr"), "fr"),
    ],
)
def test_language(source: SourceDocument, language: str) -> None:
    assert prepare(source)[0].language == language


@pytest.mark.parametrize(
    ("text", "clean", "dropped"),
    [
        # whitespace: lines stripped, one blank line between paragraphs, NFC
        (" a   b \t\n\n\n\n c\u00a0d. ", "a b\n\nc d.", []),
        ("Line one.\nLine two.", "Line one.\n\nLine two.", []),
        ("Wrapped line\ncontinues.\n\nNext.", "Wrapped line\ncontinues.\n\nNext.", []),
        ("Cafe\u0301 bombed.", "Café bombed.", []),
        # captions
        (f"Fighters near Saraqib (Reuters)\n\n{PROSE}", PROSE,
         [("caption", "Fighters near Saraqib (Reuters)")]),
        (f"Photo: Smoke rises over Douma\n\n{PROSE}", PROSE,
         [("caption", "Photo: Smoke rises over Douma")]),
        (f"Rescue workers in Idlib – Enab Baladi archive (Enab Baladi)\n\n{PROSE}", PROSE,
         [("caption", "Rescue workers in Idlib – Enab Baladi archive (Enab Baladi)")]),
        (f"{PROSE}\n\nClashes continued with the Islamic State (ISIS)",
         f"{PROSE}\n\nClashes continued with the Islamic State (ISIS)", []),
        # links to other language versions
        (f"{PROSE}\n\nRead in Arabic", PROSE, [("link", "Read in Arabic")]),
        (f"{PROSE}\n\nArabic version", PROSE, [("link", "Arabic version")]),
        # share bars and footers
        (f"{PROSE}\n\nShare this:\n\nFacebook Twitter\n\nCopyright © 2019 Foo Media\n\n"
         "All rights reserved.", PROSE,
         [("boilerplate", "Share this:"), ("boilerplate", "Facebook Twitter"),
          ("boilerplate", "Copyright © 2019 Foo Media"), ("boilerplate", "All rights reserved.")]),
        (f"Related: Airstrikes hit Ariha\n\n{PROSE}\n\nRead more: Who controls Idlib?", PROSE,
         [("boilerplate", "Related: Airstrikes hit Ariha"),
          ("boilerplate", "Read more: Who controls Idlib?")]),
        # a cue inside a long prose line does not remove it
        (f"{PROSE} The agency said all rights reserved to its staff were respected, "
         f"which observers doubted, since {PROSE.lower()} Read more of this later.", None, []),
        # repeats: every copy of short furniture, later copies of prose
        (f"Breaking News\n\n{PROSE}\n\nBreaking News", PROSE,
         [("duplicate-line", "Breaking News"), ("duplicate-line", "Breaking News")]),
        (f"{PROSE}\n\nSecond paragraph.\n\n{PROSE}", f"{PROSE}\n\nSecond paragraph.",
         [("duplicate-line", PROSE)]),
        # appeals: the trailing block goes, slogans before the first cue included
        (f"{PROSE}\n\nIndependent journalism needs you\n\nSupport independent journalism\n\n"
         "Join our community\n\nDonate now", PROSE,
         [("appeal", "Independent journalism needs you"),
          ("appeal", "Support independent journalism"),
          ("appeal", "Join our community"), ("appeal", "Donate now")]),
        # an appeal cue mid-page drops only its own line
        (f"Subscribe to our newsletter\n\n{PROSE}\n\nShort final line",
         f"{PROSE}\n\nShort final line",
         [("appeal", "Subscribe to our newsletter")]),
        # furniture run into the last line of a scrape that lost its line breaks
        (f"{PROSE} ... 43 Topic Violence Erupts as Islamic State Rises (1881) Related Syrian "
         "Forces Deny Killing Dozens of Civilians in Airstrikes Tags Daesh airstrikes Syria "
         "Community standardsDiscussion Comment via Facebook", PROSE,
         [("boilerplate", "... 43 Topic Violence Erupts as Islamic State Rises (1881) Related "
           "Syrian Forces Deny Killing Dozens of Civilians in Airstrikes Tags Daesh airstrikes "
           "Syria Community standardsDiscussion Comment via Facebook")]),
        (f"{PROSE} Source AA Related News Turkish warplanes hit militants in Afrin Category "
         "News A picture is worth a thousand words. Follow us on Instagram.",
         f"{PROSE} Source AA",
         [("boilerplate", "Related News Turkish warplanes hit militants in Afrin Category "
           "News A picture is worth a thousand words. Follow us on Instagram.")]),
        # ... but not when the article goes on after the list, nor a sentence that starts
        # with the cue word, nor the word in lower case
        (f"{PROSE} Related Coverage U.N. urges access for aid Lavrov said Russia had seen "
         "reports of shelling.", None, []),
        (f"{PROSE} Related attacks hit Idlib.", None, []),
        ("Related attacks hit Idlib", None, []),
        (f"{PROSE} Two related raids hit Ariha on Sunday", None, []),
        # a tag list run into the line between a lead and the body (Al-Araby): the body starts
        # at a word that opens sentences, or at the capitalised word before the words that
        # lead to one that only sentences have; words of names ("for") do not end the tags
        ("Rebels clashed near Idlib as fighting continues. Tags Syria Free Syrian Army "
         "opposition groups Idlib The brigade announced on Monday that it killed six fighters.",
         "Rebels clashed near Idlib as fighting continues. The brigade announced on Monday "
         "that it killed six fighters.",
         [("boilerplate", "Tags Syria Free Syrian Army opposition groups Idlib")]),
        (f"{PROSE} Tags Syria Idlib al-Nusra Syrian rebels launched a huge offensive on Monday.",
         f"{PROSE} Syrian rebels launched a huge offensive on Monday.",
         [("boilerplate", "Tags Syria Idlib al-Nusra")]),
        (f"{PROSE} Tags Belgium coalition air raids Aleppo Russia has accused Belgium of a raid.",
         f"{PROSE} Russia has accused Belgium of a raid.",
         [("boilerplate", "Tags Belgium coalition air raids Aleppo")]),
        (f"{PROSE} Tags Syrian Observatory for Human Rights White Helmets At least 31 people "
         "were killed.", f"{PROSE} At least 31 people were killed.",
         [("boilerplate", "Tags Syrian Observatory for Human Rights White Helmets")]),
        (f"{PROSE} Tags Homs Regime Airstrikes Children Three children were killed on Saturday.",
         f"{PROSE} Three children were killed on Saturday.",
         [("boilerplate", "Tags Homs Regime Airstrikes Children")]),
        # a tag list that ends the line is a trailer; "tags" in prose is no cue
        (f"{PROSE} Tags Syria Idlib airstrikes", PROSE,
         [("boilerplate", "Tags Syria Idlib airstrikes")]),
        ("Militants removed the tags Syria had put on the trucks.", None, []),
        # a photo credit and a related article's title-case headline run into the body
        # (Sputnik): cut up to the body's sentence, found by its first lower-case word that
        # no headline has ("forces"), or by a sentence opener ("The"); a caption is left
        (f"{PROSE} REUTERS Murad Sezer Turkish Army Seizes Armed Insurgent at Turkish-Syrian "
         "Border Syrian forces regained the territory south of the city.",
         f"{PROSE} Syrian forces regained the territory south of the city.",
         [("boilerplate", "REUTERS Murad Sezer Turkish Army Seizes Armed Insurgent at "
                          "Turkish-Syrian Border")]),
        (f"{PROSE} Sputnik Dmitriy Vinogradov Russian Warplane Crashes in Syria All Crew "
         "Members Dead Earlier in the day the general said the strikes went on. AP Photo Bram "
         "Janssen Coalition Bombs School in Raqqa The coalition denied it.",
         f"{PROSE} Earlier in the day the general said the strikes went on. The coalition "
         "denied it.",
         [("boilerplate", "Sputnik Dmitriy Vinogradov Russian Warplane Crashes in Syria All "
                          "Crew Members Dead"),
          ("boilerplate", "AP Photo Bram Janssen Coalition Bombs School in Raqqa")]),
        (f"{PROSE} REUTERS Hosam Katan A rebel fighter attends a demonstration in Idlib.",
         None, []),
        (f"{PROSE} He told Sputnik Sunday that five were killed.", None, []),
        ("", "", []),
    ],
)
def test_clean_text(text: str, clean: str | None, dropped: list[tuple[str, str]]) -> None:
    result, removed = clean_text(text)
    assert result == (text if clean is None else clean)
    assert [(item.kind, item.text) for item in removed] == dropped


@pytest.mark.parametrize(
    ("text", "language"),
    [("", "en"), ("Shelling in Idlib", "en"), ("قصف في إدلب today", "ar"),
     ("Idlib إدلب was shelled again by the regime on Tuesday", "en")],
)
def test_guess_language(text: str, language: str) -> None:
    assert guess_language(text) == language


_LINES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["Share this:", "Support Enab Baladi..", "Click here to support",
                     "Fighters near Saraqib (Reuters)", "Read in Arabic", PROSE, "",
                     "A caption – May 6. 2018 (Damascus Now)", "Breaking News"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=12).map("\n".join))
def test_prepare_never_raises_and_drops_what_it_records(text: str) -> None:
    if not text.strip():
        return  # a SourceDocument needs a body; readers reject blank inputs earlier
    document, _ = prepare(SourceDocument(text=text))
    lines = document.text.split("\n")
    for dropped in document.dropped:
        assert dropped.char_count == len(dropped.text)
        # a repeated prose line keeps its first copy; everything else dropped is gone
        assert lines.count(dropped.text) <= (1 if dropped.kind == "duplicate-line" else 0)
    assert document.text == document.text.strip()
    assert "\n\n\n" not in document.text
    assert document.content_hash == hashlib.sha256(document.text.encode()).hexdigest()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<title>", "<meta property=og:title",
                                 "content='x'>", "<article>", PROSE, "Share this:", "\x00",
                                 "<script>var a = 1;</script>", "&amp;", "<!--", "-->"]),
                min_size=1, max_size=15).map("".join))
def test_prepare_never_raises_on_html(html: str) -> None:
    document, warnings = prepare(SourceDocument(html=html))
    assert document.text == document.text.strip()
    assert warnings  # no html here carries a date: at least that is said


@pytest.mark.parametrize(
    ("html", "title", "text", "dropped"),
    [
        ("<p>Shelling hit Ariha on 3 May 2019, killing two.</p>", None,
         "Shelling hit Ariha on 3 May 2019, killing two.", []),
        # the page's headline becomes the title and leaves the text
        ("<html><body><article><h2>Raid</h2><p>" + PROSE + "</p></article></body></html>",
         "Raid", PROSE, [("duplicate-line", "Raid")]),
    ],
)
def test_html_fragments_from_json_lines(
    html: str, title: str | None, text: str, dropped: list[tuple[str, str]]
) -> None:
    document, _ = prepare(SourceDocument(html=html))
    assert (document.title, document.text, kinds(document)) == (title, text, dropped)


def test_boilerplate_resource_loads_every_kind() -> None:
    assert {pattern.kind for pattern in load_line_patterns()} == {
        "appeal", "boilerplate", "link", "caption"}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "appeal", "pattern": "(unclosed"}, "entry 2: pattern: Value error, invalid "
                                                     "regular expression"),
        ({"kind": "advert", "pattern": "x"}, "entry 2: kind: Input should be"),
        ({"kind": "link", "pattern": "x", "max_chars": 0}, "entry 2: max_chars: Input should be"),
        ({"kind": "link", "pattern": "x", "ends_article": True},
         "entry 2: ends_article: Extra inputs are not permitted"),
    ],
)
def test_bad_boilerplate_entries_are_reported(entry: dict[str, object], message: str) -> None:
    good = {"kind": "link", "pattern": "^read in arabic$"}
    with pytest.raises(MarsadError, match=f"^boilerplate.yaml: {message}"):
        validate_items("boilerplate.yaml", [good, entry], BoilerplateEntry)


def test_run_in_trailers_load_with_an_ending_cue() -> None:
    assert any(ends for _, ends in load_trailer_patterns())
    assert not any(ends for _, ends in load_trailer_patterns()[:1])


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ({"cues": ["Tags ("], "max_words": 40, "sentence_words": ["a"]},
         "kinds.tags.cues: Value error, invalid regular expression"),
        ({"cues": ["Tags "], "max_words": 0, "sentence_words": ["a"]},
         "kinds.tags.max_words: Input should be greater than 0"),
        ({"cues": ["Tags "], "max_words": 40, "sentence_words": ["a", True]},
         "kinds.tags.sentence_words.1: Input should be a valid string"),
        ({"cues": ["Tags "], "max_words": 40},
         "kinds.tags: Value error, give either sentence_words"),
        ({"cues": ["Tags "], "max_words": 40, "sentence_words": ["a"], "title_words": ["of"]},
         "kinds.tags: Value error, give either sentence_words"),
    ],
)
def test_bad_run_in_lists_are_reported(kind: dict[str, object], message: str) -> None:
    section = {"sentence_openers": ["The"], "kinds": {"tags": kind}}
    with pytest.raises(MarsadError, match=f"^boilerplate.yaml: run_in_lists: {message}"):
        validate_section("boilerplate.yaml", "run_in_lists", section, RunInLists)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"pattern": "Related (News"}, "entry 1: pattern: Value error, invalid regular"),
        ({"pattern": "Tags", "kind": "link"}, "entry 1: kind: Extra inputs are not permitted"),
    ],
)
def test_bad_run_in_trailer_entries_are_reported(entry: dict[str, object], message: str) -> None:
    with pytest.raises(MarsadError, match=f"^boilerplate.yaml: {message}"):
        validate_items("boilerplate.yaml", [entry], TrailerEntry)
