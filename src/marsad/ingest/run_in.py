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
    TagListRules,
    load_tag_list_rules,
    load_trailer_patterns,
    tag_list_cue,
)

SENTENCE_END_RE = re.compile(r"(?<!\.)[.?!\"”’]\s*$")
"""A line ending like a sentence; '..' and '…' are slogans, not sentences."""
_PROSE_SENTENCE_RE = re.compile(r"\b[a-z]{3,}[.][\"”’]?(?=\s|$)")
"""A lower-case word closed by a full stop: prose, which headlines and tag lists lack."""
_WORD_RE = re.compile(r"\S+")
_OPENING_PUNCTUATION = "\"“‘'(["


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


def cut_run_in_tag_list(line: str) -> tuple[str, str]:
    """Take out a tag list run into a line; return the line without it and the tag list.

    A tag list is a run of names and keywords with no sentence in it, so the article's
    sentence after it starts at the first word that opens sentences and is never a tag
    ("The", "At least", "Three", ``sentence_openers``), or, when a word that only sentences
    have comes first ("launched *a*", "Russia *has*", ``sentence_words``), at the capitalised
    word before the lower-case words that lead to it ("al-Nusra | Syrian rebels launched a").
    No such word within ``max_words`` of the cue: the tag list ends the line, and is cut to
    its end, unless a sentence of prose follows (then the line is left as it is).
    """
    rules = load_tag_list_rules()
    cue = tag_list_cue()
    match = cue.search(line) if cue is not None else None
    if rules is None or match is None:
        return line, ""
    words = list(_WORD_RE.finditer(line, match.end()))[:rules.max_words]
    start = _sentence_start([word.group() for word in words], rules)
    if start is not None:
        body = words[start].start()
    elif not _PROSE_SENTENCE_RE.search(line, match.end()):
        body = len(line)  # the tag list ends the line ("... civilians. Tags Syria Idlib")
    else:
        return line, ""
    return (line[:match.start()] + line[body:]).rstrip(), line[match.start():body].rstrip()


def _sentence_start(words: list[str], rules: TagListRules) -> int | None:
    """Index of the word that starts the sentence after a tag list (see the caller)."""
    for index, word in enumerate(words):
        if index and word in rules.sentence_openers:
            return index
        if word in rules.sentence_words:
            capitalised = [before for before in range(index - 1, 0, -1)
                           if _capitalised(words[before])]
            return capitalised[0] if capitalised else None
    return None


def _capitalised(word: str) -> bool:
    bare = word.lstrip(_OPENING_PUNCTUATION)
    return bool(bare) and (bare[0].isupper() or bare[0].isdigit())


def _starts_sentence(line: str, match: re.Match[str]) -> bool:
    """Whether a trailer cue's word opens the line or a sentence: then it is prose."""
    cue = match.start("cue") if "cue" in match.re.groupindex else match.start()
    before = line[:cue]
    return not before.strip() or SENTENCE_END_RE.search(before) is not None
