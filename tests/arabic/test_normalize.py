"""Arabic normalisation and tokens: folded forms match, offsets still index the original."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.normalize import fold, normalize
from marsad.arabic.tokens import token_keys, tokenize


@pytest.mark.parametrize(("text", "expected"), [
    ("إدلب", "ادلب"),
    ("آذار", "اذار"),
    ("مدينةٌ", "مدينه"),
    ("مدنيـــاً", "مدنيا"),
    ("قُتِلَ", "قتل"),
    ("مستشفى", "مستشفي"),
    ("٨ آذار ٢٠١٨", "8 اذار 2018"),
    ("مؤسسة", "موسسه"),
])
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@given(st.text(alphabet="اأإآةىيؤئقتلُِـًٌ٠١٢ ،.abc"))
def test_offsets_index_the_original(text: str) -> None:
    folded = normalize(text)
    for start in range(len(folded.text)):
        for end in range(start + 1, len(folded.text) + 1):
            first, last = folded.span(start, end)
            assert fold(text[first:last]) == folded.text[start:end]


@pytest.mark.parametrize(("word", "key"), [
    ("وبالقصف", "قصف"), ("بدمشق", "دمشق"), ("للجيش", "جيش"), ("وقال", "قال"),
])
def test_proclitics_are_stripped(word: str, key: str) -> None:
    assert key in token_keys(fold(word))


def test_short_words_keep_their_first_letter() -> None:
    assert token_keys(fold("بنش")) == {"بنش"}


def test_sentences_and_clauses() -> None:
    tokens = tokenize("قصف على دوما، واشتباكات في حرستا. وقال المرصد")
    assert [(t.text, t.sentence, t.clause) for t in tokens][2:5] == [
        ("دوما", 0, 0), ("،", 0, 0), ("واشتباكات", 0, 1)]
    assert tokens[-1].sentence == 1
    assert all(t.text == "قصف على دوما، واشتباكات في حرستا. وقال المرصد"[t.start:t.end]
               for t in tokens)
