"""Korean morphemes for the term engine (mtcheck.terms.ko: Kiwi, with jieba's tags)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.api import make_document
from mtcheck.segment import count_words
from mtcheck.terms import ko
from mtcheck.terms.drift import tokenize

SENTENCE = "총리는 육아 지원 제도가 출산율 하락을 막을 것이라고 말했다."


def test_pieces_and_tags_of_a_sentence():
    assert ko.pos_words(SENTENCE) == [
        ("총리", "n"), ("는", "u"), (" ", "x"), ("육아", "n"), (" ", "x"), ("지원", "n"), (" ", "x"), ("제도", "n"),
        ("가", "u"), (" ", "x"), ("출산", "n"), ("율", "n"), (" ", "x"), ("하락", "n"), ("을", "u"), (" ", "x"),
        ("막", "v"), ("을", "u"), (" ", "x"), ("것", "u"), ("이", "u"), ("라고", "u"), (" ", "x"), ("말", "n"),
        ("했", "u"), ("다", "u"), (".", "x"),
    ]


def test_morphemes_on_one_character_make_one_piece():
    # 밝혔다 is 밝히 + 었 + 다: 었 lies on the character of 히, joined to its piece.
    assert ko.pos_words("밝혔다") == [("밝혔", "v"), ("다", "u")]


def test_a_morpheme_of_no_character_makes_no_piece():
    # Kiwi restores a copula 이 of no character before 지 (found by hypothesis on CI).
    assert ko.pos_words("A 지") == [("A", "eng"), (" ", "x"), ("지", "u")]


def test_term_engine_tokens_leave_particles_out_of_the_words():
    doc = make_document(SENTENCE + "\n", path=None, lang="ko", encoding=None, presegmented=True)
    toks = tokenize(doc, (0,))
    content = [(t.text, t.brk) for t in toks if not t.func]
    # Spaces are no boundaries: 육아 지원 제도 is one phrase.
    assert content == [("총리", True), ("육아", False), ("지원", False), ("제도", False), ("출산", False),
                       ("율", False), ("하락", False), ("막", False), ("말", False)]
    assert [t.text for t in toks if t.func] == ["는", "가", "을", "을", "것", "이", "라고", "했", "다"]


def test_word_count_is_by_spaces():
    # Korean counts its words (어절) by spaces: nine here.
    assert count_words(SENTENCE, "ko") == 9


def test_a_huge_line_is_read_whole():
    text = (SENTENCE + " ") * 700  # 24,500 characters: cut after a space
    assert "".join(w for w, _ in ko.pos_words(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("총리는육아지원제도가했다밝혔 .,()AI3\n\t한국의🙂이지요")), max_size=120))
def test_pieces_give_the_text_back(text):
    words = ko.pos_words(text)
    assert "".join(w for w, _ in words) == text
    assert all(w and tag for w, tag in words)
