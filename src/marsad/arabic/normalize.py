"""Arabic orthographic normalisation with a character-offset map back to the original.

Why: Arabic news spells one word several ways (أ/إ/آ/ا, ة/ه, ى/ي, optional diacritics and
tatweel, Arabic-Indic or Latin digits). We match on one folded form, but every span we
emit must index the text as published, so each folded character remembers where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

_DROPPED = frozenset(chr(code) for code in [*range(0x064B, 0x0653), 0x0670, 0x0640])
"""Harakat (fathatan .. sukun, maddah), superscript alef, tatweel: dropped."""

_FOLD = {
    **{ch: "ا" for ch in "أإآٱ"},
    "ة": "ه",
    "ى": "ي",
    "ؤ": "و",
    "ئ": "ي",
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Eastern (Persian) digits
    "٫": ".",
    "٬": ",",
}


@dataclass(frozen=True)
class Normalized:
    """A folded text; ``origin[i]`` is the index in the original of folded character ``i``.

    ``origin`` has one extra entry (the original length) so an end offset maps too.
    """

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the folded text to the original text."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def fold_char(char: str) -> str:
    """The folded form of one character ("" when it is dropped)."""
    if char in _DROPPED:
        return ""
    return _FOLD.get(char, char)


def normalize(text: str) -> Normalized:
    """Fold ``text`` for matching, keeping the offset map (one folded char per kept char)."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        if folded:
            chars.append(folded)
            origin.append(index)
    origin.append(len(text))
    return Normalized(text="".join(chars), origin=tuple(origin))


def fold(text: str) -> str:
    """The folded form of a phrase (no offsets): for lexicon entries."""
    return "".join(fold_char(char) for char in text)
