"""Chinese words and tags for the terminology engine (``mtcheck.terms.zh.pos_words``): jieba.posseg's
exact output, computed faster. Exact (word, tag) tables on news sentences (a transliterated name that
jieba's HMM cuts, organisations, a dictionary-unknown name character, mixed Latin, numbers and white
space), and the same output as ``jieba.posseg.cut`` on the sample article and on generated text."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.segment import _jieba
from mtcheck.terms.zh import pos_words

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "ai-plan" / "source.zh.txt"

TABLE = [
    # 卢卡库 (Lukaku) is no dictionary word: the HMM cuts it as a name and a noun, which the engine's
    # _is_name takes for one name (a one-character noun after a proper noun).
    ("卢卡库在第30分钟打进一球。",
     [("卢卡", "nr"), ("库", "n"), ("在", "p"), ("第", "m"), ("30", "m"), ("分钟", "q"), ("打进", "v"),
      ("一球", "n"), ("。", "x")]),
    ("上海国资委和上海城投签署协议。",
     [("上海", "ns"), ("国资委", "nt"), ("和", "c"), ("上海", "ns"), ("城投", "j"), ("签署", "v"),
      ("协议", "n"), ("。", "x")]),
    ("外交部发言人林剑主持例行记者会。",
     [("外交部", "nt"), ("发言人", "l"), ("林剑", "nr"), ("主持", "v"), ("例行", "v"), ("记者会", "n"),
      ("。", "x")]),
    ("杜特尔特表示，3月新增病例25例。",
     [("杜特", "nr"), ("尔特", "nrt"), ("表示", "v"), ("，", "x"), ("3", "m"), ("月", "m"), ("新增", "v"),
      ("病例", "n"), ("25", "m"), ("例", "v"), ("。", "x")]),
    ("中方提出了普惠计划。",
     [("中方", "f"), ("提出", "v"), ("了", "ul"), ("普惠", "a"), ("计划", "n"), ("。", "x")]),
    # 喆 has no state in the HMM's character table: every state the previous character reaches is tried.
    ("李喆说：COVID-19疫苗 Pfizer 2.5%\r\n有效。",
     [("李", "nr"), ("喆", "zg"), ("说", "v"), ("：", "x"), ("COVID", "eng"), ("-", "x"), ("19", "m"),
      ("疫苗", "n"), (" ", "x"), ("Pfizer", "eng"), (" ", "x"), ("2.5", "m"), ("%", "x"), ("\r\n", "x"),
      ("有效", "a"), ("。", "x")]),
    ("", []),
]


def posseg(text: str) -> list[tuple[str, str]]:
    _jieba()
    import jieba.posseg

    return [(p.word, p.flag) for p in jieba.posseg.cut(text)]


@pytest.mark.parametrize("text,expected", TABLE)
def test_words_and_tags(text: str, expected: list[tuple[str, str]]) -> None:
    assert pos_words(text) == expected
    assert posseg(text) == expected


def test_sample_article_as_posseg() -> None:
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= 5
    for line in lines:
        assert pos_words(line) == posseg(line)


# Characters of news text (dictionary words, name characters, function words), characters without a
# state in the HMM's table (喆, 丂), Latin letters, digits and the punctuation jieba splits on.
_ALPHABET = "卢卡库上海国资委城投普惠计划中方的了在是和与表示记者会杜特尔疫苗新冠例月日喆丂阚毽铡栲暄蓄abCZ019.+#&_ ，。《》\r\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=24))
def test_generated_text_as_posseg(text: str) -> None:
    assert pos_words(text) == posseg(text)
