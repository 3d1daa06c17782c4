"""Cut page furniture that a scrape ran into a line of prose.

Why: texts that lost their line breaks carry furniture inside prose lines, where the line
cues of ``clean`` cannot see it: "Related" headline lists and comment footers at the end of
the last line (Sputnik, TRT World), tag lists between the lead and the body (Al-Araby's
"... continue. Tags Syria Free Syrian Army ... Idlib The Sawaiq al-Rahman brigade announced
..."). Their headlines and keywords ("suicide bombing", "cruise missiles", place names) read
as events and places to the extractors. The cues and word lists are in
``resources/boilerplate.yaml``; this module holds the rules that combine them.
"""

from __future__ import annotations

import re

from marsad.ingest.boilerplate import (
    OPENING_PUNCTUATION,
    RunInList,
    load_run_in_lists,
    load_trailer_patterns,
    run_in_cues,
)

SENTENCE_END_RE = re.compile(r"(?<!\.)[.?!\"”’]\s*$")
"""A line ending like a sentence; '..' and '…' are slogans, not sentences."""
_PROSE_SENTENCE_RE = re.compile(r"\b[a-z]{3,}[.][\"”’]?(?=\s|$)")
"""A lower-case word closed by a full stop: prose, which headlines and tag lists lack."""
_WORD_RE = re.compile(r"\S+")


def cut_run_in_trailer(line: str) -> tuple[str, str]:
    """Split a line into its prose and the page furniture run into its end, if any.

    The line is cut at the first ``run_in_trailers`` cue that ends the article, or after
    which no sentence of prose comes before the line's end or the next such cue.
    """
    cues = sorted((match.start(), ends) for pattern, ends in load_trailer_patterns()
                  for match in pattern.finditer(line) if not _starts_sentence(line, match))
    for index, (start, ends) in enumerate(cues):
        limit = next((later for later, later_ends in cues[index + 1:] if later_ends), len(line))
        if ends or not _PROSE_SENTENCE_RE.search(line, start, limit):
            return line[:start].rstrip(), line[start:]
    return line, ""


def cut_run_in_lists(line: str) -> tuple[str, list[str]]:
    """Take out the lists run into a line (``run_in_lists``); return the line without them
    and the lists, in text order of the line they were cut from.

    A list (tags, a photo credit and a related headline) has no sentence in it, so the
    article's sentence after it starts at the first word that opens sentences and is never in
    a list ("The", "At least", "Three": ``sentence_openers``), or, when a lower-case word the
    list cannot hold comes first (``RunInList.ends_run``: "launched *a*", "Russia *has*" after
    tags; "Syrian *forces*" after a title-case headline), at the capitalised word before the
    lower-case words that lead to it ("al-Nusra | Syrian rebels launched a"). No such word
    within ``max_words`` of the cue: the list is cut to the line's end where it ``may_end_line``
    and no sentence of prose follows, else the line is left as it is.
    """
    openers = load_run_in_lists().sentence_openers
    original = line
    cut: list[str] = []
    for kind, cue in run_in_cues():
        at = 0
        while (match := cue.search(line, at)) is not None:
            words = list(_WORD_RE.finditer(line, match.end()))[:kind.max_words]
            start = _sentence_start([word.group() for word in words], kind, openers)
            if start is not None:
                body = words[start].start()
            elif kind.may_end_line and not _PROSE_SENTENCE_RE.search(line, match.end()):
                body = len(line)  # the list ends the line ("... civilians. Tags Syria Idlib")
            else:
                at = match.end()
                continue
            cut.append(line[match.start():body].rstrip())
            line = (line[:match.start()] + line[body:]).rstrip()
            at = match.start()
    return line, sorted(cut, key=original.find)


def _sentence_start(words: list[str], kind: RunInList, openers: frozenset[str]) -> int | None:
    """Index of the word that starts the sentence after a run-in list (see the caller)."""
    for index, word in enumerate(words):
        if index <= kind.skip_words:
            continue  # the list's first word (a tag) or the credit's name
        if word in openers:
            return index
        if kind.ends_run(word):
            capitalised = [before for before in range(index - 1, kind.skip_words, -1)
                           if _capitalised(words[before])]
            return capitalised[0] if capitalised else None
    return None


def _capitalised(word: str) -> bool:
    bare = word.lstrip(OPENING_PUNCTUATION)
    return bool(bare) and (bare[0].isupper() or bare[0].isdigit())


def _starts_sentence(line: str, match: re.Match[str]) -> bool:
    """Whether a trailer cue's word opens the line or a sentence: then it is prose."""
    cue = match.start("cue") if "cue" in match.re.groupindex else match.start()
    before = line[:cue]
    return not before.strip() or SENTENCE_END_RE.search(before) is not None
