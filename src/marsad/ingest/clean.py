"""Turn a ``SourceDocument`` into the clean ``Document`` every extractor indexes.

Why here and why final: every ``char_span`` in marsad's output points into
``Document.text``, so all cleaning (HTML extraction, removal of captions, appeals and
page furniture, whitespace) happens once, before any extraction, and is recorded in
``Document.dropped`` so an analyst can see what was thrown away. The cues live in
``resources/boilerplate.yaml`` (read by ``ingest.boilerplate``); this module holds the rules
over whole lines, ``ingest.run_in`` those for furniture run into a line of prose.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter

import htmldate
import trafilatura
from lxml.html import HtmlElement

from marsad.errors import MarsadError
from marsad.ingest.boilerplate import load_line_patterns
from marsad.ingest.published import find_dates, infer_published, looks_like_credited_caption
from marsad.ingest.run_in import SENTENCE_END_RE, cut_run_in_lists, cut_run_in_trailer
from marsad.model import Document, Dropped, DroppedKind, PublishedSource, SourceDocument

SHORT_LINE_CHARS = 150
"""A repeated line this short that is not a sentence is page furniture: drop every copy."""

APPEAL_BLOCK_LINE_CHARS = 200
"""Lines of a trailing appeal block are short; a long line after a cue is article prose."""

APPEAL_BLOCK_MAX_LINES = 10
"""An appeal cue followed by more kept lines than this is not in the trailing block."""

SLOGAN_CHARS = 100
"""Short unpunctuated lines just before an appeal cue ('Propaganda distorts the truth..')."""

MAX_RAW_CHARS = 5_000_000
"""Longest html or text accepted before cleaning: trafilatura needs ~6 s per MB of html and
the batch must go on (a 20 MB page ran over 5 minutes). Readers and the feed fetcher cap
bytes before this; records in JSON lines are only checked here."""

MAX_TEXT_CHARS = 100_000
"""Longest clean text handed to spaCy (~12 times the longest dev-set article; spaCy itself
refuses 1,000,000 characters, with an error that would have stopped the whole batch)."""

ARABIC_SHARE = 0.3
"""Share of Arabic-script letters above which a text is taken to be Arabic."""

_CAPTION_SEPARATOR_RE = re.compile(r"\s[–—|-]\s")
_SPACE_RE = re.compile(r"\s+")
ARABIC_LETTER_RE = re.compile(
    r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"
)
"""Arabic-script letters (Arabic, supplement, extended-A, presentation forms)."""
_KEEP_FORMAT_CHARS = frozenset("\u200c\u200d")  # joiners shape Arabic and Persian words


def prepare(source: SourceDocument) -> tuple[Document, list[str]]:
    """Clean one input document into a ``Document``, with human-readable warnings.

    Raises ``MarsadError`` for a document over ``MAX_RAW_CHARS`` or ``MAX_TEXT_CHARS``
    (``process_many`` reports it by origin and goes on).

    HTML goes through trafilatura (precision first, no comments or tables); the text is
    then cleaned line by line. The publication date is the given one, else the page's
    metadata, else one inferred from the text; the warnings say which and why.
    """
    warnings: list[str] = []
    raw = len(source.text or source.html or "")
    if raw > MAX_RAW_CHARS:
        raise MarsadError(f"{'text' if source.text else 'html'} of {raw:,} characters is over "
                          f"the {MAX_RAW_CHARS:,}-character limit per document")
    body, extracted_title = _body(source, warnings)
    title = source.title or extracted_title
    text, dropped = clean_text(body)
    if len(text) > MAX_TEXT_CHARS:
        raise MarsadError(f"clean text of {len(text):,} characters is over the "
                          f"{MAX_TEXT_CHARS:,}-character limit per document")
    if source.html and not source.text:
        text, dropped = _drop_headline(text, dropped, {source.title, extracted_title})
    if not text:
        warnings.append("no article text left after cleaning")
    published, published_source = _publication(source, body, warnings)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = Document(
        id=source.id or f"doc-{content_hash[:16]}",
        url=source.url,
        title=title,
        outlet=source.outlet,
        published=published,
        published_source=published_source,
        language=source.language or guess_language(text),
        text=text,
        content_hash=content_hash,
        dropped=dropped,
    )
    return document, warnings


def clean_text(text: str) -> tuple[str, list[Dropped]]:
    """Remove captions, appeals, links, page furniture and repeats; normalise whitespace.

    Returns the final text (NFC, lines stripped, paragraphs separated by one blank line)
    and what was removed, in text order.
    """
    lines = split_paragraph_lines(text)
    kinds = classify_lines([line for line, _ in lines])
    dropped: list[Dropped] = []
    kept: list[tuple[str, int]] = []
    for (line, paragraph), kind in zip(lines, kinds, strict=True):
        if kind is not None:
            dropped.append(Dropped(kind=kind, char_count=len(line), text=line))
            continue
        prose, trailer = cut_run_in_trailer(line)
        prose, lists = cut_run_in_lists(prose)
        dropped += [Dropped(kind="boilerplate", char_count=len(cut), text=cut) for cut in lists]
        if prose:
            kept.append((prose, paragraph))
        if trailer:
            dropped.append(Dropped(kind="boilerplate", char_count=len(trailer), text=trailer))
    return join_paragraphs(kept), dropped


def classify_lines(lines: list[str]) -> list[DroppedKind | None]:
    """Say for each line why it is dropped, or None to keep it."""
    counts = Counter(lines)
    kinds: list[DroppedKind | None] = [
        match_line_pattern(line) or _caption_by_shape(line, counts[line]) for line in lines
    ]
    _mark_duplicates(lines, kinds, counts)
    _mark_appeal_block(lines, kinds)
    return kinds


def match_line_pattern(line: str) -> DroppedKind | None:
    """Return the kind of the first ``boilerplate.yaml`` cue matching ``line``, if any."""
    for pattern in load_line_patterns():
        if len(line) <= pattern.max_chars and pattern.regex.search(line):
            return pattern.kind
    return None


def guess_language(text: str) -> str:
    """Guess 'ar' or 'en' from the share of Arabic-script letters (cheap, no model)."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return "en"
    arabic = sum(1 for char in letters if ARABIC_LETTER_RE.match(char))
    return "ar" if arabic / len(letters) > ARABIC_SHARE else "en"


def split_paragraph_lines(text: str) -> list[tuple[str, int]]:
    """Split text into normalised non-empty lines, each with its paragraph number.

    Blank lines separate paragraphs; a text with no blank line at all (trafilatura's
    output, many scrapes) has one paragraph per line.
    """
    raw_lines = [normalise_line(line) for line in text.splitlines()]
    one_per_line = "" not in raw_lines
    lines: list[tuple[str, int]] = []
    paragraph = 0
    for line in raw_lines:
        if not line:
            paragraph += 1
            continue
        lines.append((line, paragraph))
        if one_per_line:
            paragraph += 1
    return lines


def normalise_line(line: str) -> str:
    """NFC-normalise a line, drop invisible format characters and collapse whitespace."""
    visible = "".join(
        " " if unicodedata.category(char) == "Cc" else char
        for char in unicodedata.normalize("NFC", line)
        if unicodedata.category(char) != "Cf" or char in _KEEP_FORMAT_CHARS
    )
    return _SPACE_RE.sub(" ", visible).strip()


def join_paragraphs(lines: list[tuple[str, int]]) -> str:
    """Join kept lines: one newline inside a paragraph, one blank line between paragraphs."""
    parts: list[str] = []
    previous: int | None = None
    for line, paragraph in lines:
        if previous is not None:
            parts.append("\n" if paragraph == previous else "\n\n")
        parts.append(line)
        previous = paragraph
    # NFC again: joining never un-normalises, but a line could start with a combining mark.
    return unicodedata.normalize("NFC", "".join(parts))


def _drop_headline(
    text: str, dropped: list[Dropped], titles: set[str | None]
) -> tuple[str, list[Dropped]]:
    """Drop the page's headline from the top of extracted text: it is the title, not prose.

    Recorded as a duplicate line (it duplicates ``title``), so nothing is lost silently.
    """
    first, _, rest = text.partition("\n")
    wanted = {normalise_line(title).casefold() for title in titles if title}
    if not first or first.casefold() not in wanted:
        return text, dropped
    headline = Dropped(kind="duplicate-line", char_count=len(first), text=first)
    return rest.lstrip("\n"), [headline, *dropped]


def _caption_by_shape(line: str, count: int) -> DroppedKind | None:
    """A line closed by '(Credit)' is a caption when dated, split by a dash, or repeated."""
    if not looks_like_credited_caption(line):
        return None
    if count > 1 or _CAPTION_SEPARATOR_RE.search(line) or find_dates(line):
        return "caption"
    return None


def _mark_duplicates(
    lines: list[str], kinds: list[DroppedKind | None], counts: Counter[str]
) -> None:
    """Drop repeated lines: every copy of short furniture, later copies of prose."""
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if kinds[index] is not None or counts[line] < 2:
            continue
        if line in seen or _is_furniture(line):
            kinds[index] = "duplicate-line"
        seen.add(line)


def _mark_appeal_block(lines: list[str], kinds: list[DroppedKind | None]) -> None:
    """Drop the trailing appeal block around the first appeal cue near the end.

    Appeals come as several short lines at the end ("Propaganda distorts the truth..",
    "Support Enab Baladi..", "Click here to support"), and only some carry a cue.
    """
    start = _appeal_block_start(lines, kinds)
    if start is None:
        return
    for index in range(start + 1, len(lines)):
        if kinds[index] is None:
            kinds[index] = "appeal"
    for index in range(start - 1, -1, -1):
        if kinds[index] is not None:
            continue
        if not _is_slogan(lines[index]):
            break
        kinds[index] = "appeal"


def _appeal_block_start(lines: list[str], kinds: list[DroppedKind | None]) -> int | None:
    for index, kind in enumerate(kinds):
        if kind != "appeal":
            continue
        after = [lines[later] for later in range(index + 1, len(lines)) if kinds[later] is None]
        before = sum(1 for earlier in range(index) if kinds[earlier] is None)
        # Near the end: more of the article precedes the cue than follows it.
        if before > len(after) and len(after) <= APPEAL_BLOCK_MAX_LINES and all(
            len(line) <= APPEAL_BLOCK_LINE_CHARS for line in after
        ):
            return index
    return None


def _is_furniture(line: str) -> bool:
    return len(line) <= SHORT_LINE_CHARS and not SENTENCE_END_RE.search(line)


def _is_slogan(line: str) -> bool:
    return len(line) <= SLOGAN_CHARS and not SENTENCE_END_RE.search(line)


def _body(source: SourceDocument, warnings: list[str]) -> tuple[str, str | None]:
    """Return the raw article text (given, or extracted from HTML) and a found title."""
    if source.text:
        return source.text, None
    tree = load_page(source.html or "")
    if tree is None:
        warnings.append("the html could not be parsed; no text extracted")
        return "", None
    extracted = trafilatura.bare_extraction(
        tree, url=source.url, include_comments=False, include_tables=False,
        favor_precision=True, with_metadata=True,
    )
    text = getattr(extracted, "text", None) or ""
    if not text:
        warnings.append("trafilatura found no article text in the html")
    return text, getattr(extracted, "title", None)


def _publication(
    source: SourceDocument, body: str, warnings: list[str]
) -> tuple[dt.date | None, PublishedSource]:
    if source.published is not None:
        return source.published, "given"
    if source.html:
        found = metadata_date(source.html, url=source.url)
        if found is not None:
            return found, "metadata"
    inferred = infer_published(body)
    if inferred is not None:
        published, evidence = inferred
        warnings.append(f"publication date {published.isoformat()} inferred from {evidence!r}")
        return published, "inferred"
    warnings.append("no publication date given or found")
    return None, "unknown"


def load_page(html: str) -> HtmlElement | None:
    """Parse html into a tree, wrapping a bare fragment ('<p>..</p>' in JSON lines).

    trafilatura rejects a single-block fragment as not-quite-HTML; wrapped, it is a page.
    """
    if not html.strip():
        return None
    tree = trafilatura.load_html(html)
    if tree is None:
        tree = trafilatura.load_html(f"<html><body><div>{html}</div></body></html>")
    return tree


def metadata_date(html: str, *, url: str | None = None) -> dt.date | None:
    """Read the publication date from the page's metadata (meta tags, JSON-LD, URL).

    The page is parsed here and handed to htmldate as a tree: htmldate downloads any
    string that looks like a URL, and ingest must never fetch anything.
    """
    tree = load_page(html)
    if tree is None:
        return None
    found = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found)
    except ValueError:
        return None
