"""Japanese words (mtcheck.terms.ja: Sudachi's short units with jieba's tags) and what reads them: the MQM
score's word count, the term engine, the aligner's word tokens."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.api import check_texts, make_document
from mtcheck.segment import count_words, word_tokens
from mtcheck.terms import ja
from mtcheck.terms.drift import tokenize
from mtcheck.terms.tagged import cut_line

SENTENCE = "首相は、子育て支援制度が出生率の低下を食い止めると述べた。"


def test_words_and_tags_of_a_sentence():
    assert ja.pos_words(SENTENCE) == [
        ("首相", "n"), ("は", "u"), ("、", "x"), ("子育て", "vn"), ("支援", "vn"), ("制度", "n"), ("が", "u"),
        ("出生", "vn"), ("率", "n"), ("の", "u"), ("低下", "vn"), ("を", "u"), ("食い", "v"), ("止める", "v"),
        ("と", "u"), ("述べ", "v"), ("た", "u"), ("。", "x"),
    ]


def test_names_places_numbers_and_quotes_get_their_tags():
    assert ja.pos_words("河野太郎デジタル相は12日、東京で「AI」について語った。") == [
        ("河野", "nr"), ("太郎", "nr"), ("デジタル", "n"), ("相", "n"), ("は", "u"), ("12", "m"), ("日", "n"),
        ("、", "x"), ("東京", "ns"), ("で", "u"), ("「", "x"), ("AI", "eng"), ("」", "x"), ("に", "u"),
        ("つい", "v"), ("て", "u"), ("語っ", "v"), ("た", "u"), ("。", "x"),
    ]


def test_word_count_is_the_words_with_a_letter_or_a_digit():
    # 18 words, two of them punctuation.
    assert count_words(SENTENCE, "ja") == 16
    assert count_words(SENTENCE + "\n" + SENTENCE, "ja-JP") == 32
    assert word_tokens("デジタル庁は2021年に発足した。", "ja") == [(0, 4), (4, 5), (5, 6), (6, 10), (10, 11), (11, 12),
                                                            (12, 14), (14, 15), (15, 16)]


def test_mqm_score_counts_japanese_words():
    report = check_texts(SENTENCE, "The prime minister said the child-rearing support system would halt the decline "
                                   "in the birth rate.", src_lang="ja", tgt_lang="en")
    assert report.scores.mqm.words == 16


def test_a_line_longer_than_sudachi_reads_at_once_is_read_whole():
    # 20,000 characters, 60,000 bytes: more than the 49,149 bytes Sudachi reads in one call.
    text = SENTENCE * 690
    words = ja.pos_words(text)
    assert "".join(w for w, _ in words) == text
    assert count_words(text, "ja") == 16 * 690


def test_pieces_are_cut_after_a_full_stop():
    line = "あ" * 5000 + "。" + "い" * 5000
    assert cut_line(line, ja._PIECE, ja._ENDS) == ["あ" * 5000 + "。", "い" * 5000]
    assert cut_line("う" * 17000, ja._PIECE, ja._ENDS) == ["う" * 8000, "う" * 8000, "う" * 1000]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("子育て支援制度はが、。！？ 　\n\tAIＡ１2東京デジタル庁🙂\u200b「」")), max_size=200))
def test_words_give_the_text_back(text):
    words = ja.pos_words(text)
    assert "".join(w for w, _ in words) == text
    assert all(w and tag for w, tag in words)
    at = 0
    spans = []
    for w, _ in words:
        if any(ch.isalnum() for ch in w):
            spans.append((at, at + len(w)))
        at += len(w)
    assert ja.word_spans(text) == spans


def test_term_engine_tokens_of_a_japanese_sentence():
    doc = make_document(SENTENCE + "\n", path=None, lang="ja", encoding=None, presegmented=True)
    toks = tokenize(doc, (0,))
    assert [(t.text, t.pos, t.func) for t in toks] == [
        ("首相", "n", False), ("は", "u", True), ("子育て", "vn", False), ("支援", "vn", False), ("制度", "n", False),
        ("が", "u", True), ("出生", "vn", False), ("率", "n", False), ("の", "u", True), ("低下", "vn", False),
        ("を", "u", True), ("食い", "v", False), ("止める", "v", False), ("と", "u", True), ("述べ", "v", False),
        ("た", "u", True),
    ]
    # Punctuation is a boundary: the word after 、 starts a new phrase.
    assert [t.brk for t in toks][:4] == [True, False, True, False]


@pytest.mark.parametrize("src_lang, tgt_lang, source, target, flagged", [
    ("ja", "en",
     "子育て支援制度は来年始まる。\n首相は子育て支援制度を支持した。\n野党は子育て支援制度を批判した。\n子育て支援制度の財源は不明だ。",
     "The child support system starts next year.\nThe prime minister backed the child support system.\n"
     "The opposition criticised the child benefit system.\nThe funding of the child support system is unclear.",
     "child benefit system"),
    ("en", "ja",
     "The Digital Agency was set up in 2021.\nThe Digital Agency has 600 staff.\nThe head of the Digital Agency "
     "resigned.\nThe Digital Agency will hire more engineers.",
     "デジタル庁は2021年に設置された。\nデジタル庁の職員は600人だ。\nデジタル省の長官が辞任した。\nデジタル庁はエンジニアを増員する。",
     "デジタル省"),
])
def test_drift_into_and_out_of_japanese_through_the_api(src_lang, tgt_lang, source, target, flagged):
    report = check_texts(source, target, src_lang=src_lang, tgt_lang=tgt_lang)
    drift = [i for i in report.issues if i.check == "terms.drift"]
    assert [target[i.target_span.start:i.target_span.end] for i in drift] == [flagged]
