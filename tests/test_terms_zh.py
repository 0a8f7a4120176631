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


# --- jieba's default cut (word_spans, word_count) ------------------------------------------------------------

from mtcheck.terms import zh  # noqa: E402
from mtcheck.terms.zh import _long_starts, _short_starts, word_count, word_spans  # noqa: E402

zh._cutter()  # the tables built: the tests below compare them with jieba (not jieba with itself)


def test_first_characters_cut_by_jieba_then_the_tables() -> None:
    text = "普惠计划是人工智能领域的一项计划。AT&T和C++也在其中。"
    built, counted = zh._cutter.cache_info().currsize, zh._jieba_chars[0]
    zh._cutter.cache_clear()
    zh._jieba_chars[0] = 0
    try:
        assert word_spans(text) == jieba_words(text) and word_count(text) == len(jieba_words(text))
        assert zh.line_word_counts([text, "", text]) == [len(jieba_words(text)), 0, len(jieba_words(text))]
        assert zh._cutter.cache_info().currsize == 0  # under JIEBA_FIRST characters: no tables yet
        zh._jieba_chars[0] = zh.JIEBA_FIRST
        assert word_spans(text) == jieba_words(text)
        assert zh._cutter.cache_info().currsize == 1
    finally:
        zh._cutter()
        zh._jieba_chars[0] = counted if built else zh._jieba_chars[0]

_BLOCK_CHAR = "[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]"


def jieba_starts(text: str) -> list[int]:
    """Where jieba.tokenize starts a token, with every character outside jieba's blocks a token of its own
    (as mtcheck.terms.zh reads them: jieba's only token there of more than one character is \\r\\n)."""
    import re

    starts = []
    for word, start, _ in _jieba().tokenize(text):
        if re.match(_BLOCK_CHAR, word):
            starts.append(start)
        else:
            starts.extend(range(start, start + len(word)))
    return starts


def jieba_words(text: str) -> list[tuple[int, int]]:
    return [(start, end) for word, start, end in _jieba().tokenize(text) if any(ch.isalnum() for ch in word)]


def assert_as_jieba(text: str) -> None:
    """jieba's tokens, with the words looked up in Python (short texts) and in numpy (long ones)."""
    assert _short_starts(text) == jieba_starts(text)
    assert _long_starts(text)[0].tolist() == jieba_starts(text)
    assert word_spans(text) == jieba_words(text)
    assert word_count(text) == len(jieba_words(text))


CUTS = [
    # dictionary words along the best route, and a name the HMM cuts (卢卡 库: no dictionary word)
    ("外交部发言人林剑主持例行记者会。", ["外交部", "发言人", "林剑", "主持", "例行", "记者会", "。"]),
    ("卢卡库在第30分钟打进一球。", ["卢卡", "库", "在", "第", "30", "分钟", "打进", "一球", "。"]),
    # jieba's blocks hold % and - (posseg's do not): a buffer of single characters cut by finalseg's
    # expressions (a Latin word, a number with its decimals and %, what lies between)
    ("COVID-19疫苗 Pfizer 2.5%\r\n有效",
     ["COVID", "-", "19", "疫苗", " ", "Pfizer", " ", "2.5%", "\r\n", "有效"]),
    ("卡拉OK和T恤5G网络", ["卡拉", "OK", "和", "T恤", "5G", "网络"]),
    # entries of more than 4 characters, and dictionary entries with Latin letters and symbols
    ("中华人民共和国成立，AT&T和C++，IP地址", ["中华人民共和国", "成立", "，", "AT&T", "和", "C++", "，", "IP地址"]),
    # 喆 has no emission in the HMM; 㐀 and 鿖 lie outside jieba's Han range; 𠀀 beyond U+FFFF
    ("李喆说㐀鿖𠀀好", ["李喆", "说", "㐀", "鿖", "𠀀", "好"]),
    ("", []),
]


@pytest.mark.parametrize("text,words", CUTS)
def test_default_cut_tables(text: str, words: list[str]) -> None:
    assert [w for w, _, _ in _jieba().tokenize(text)] == words
    assert_as_jieba(text)


def test_default_cut_of_the_sample_article() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert word_count(text) == len(jieba_words(text)) > 100
    assert_as_jieba(text)
    for line in text.splitlines():
        assert_as_jieba(line)


# Dictionary words long and short (with Latin letters and symbols), name characters and function words, a
# character without emissions (喆), characters outside jieba's Han range (㐀 鿖 U+9FD6) and beyond U+FFFF,
# Latin letters, digits, the symbols inside jieba's blocks, white space, punctuation, full-width forms.
_PIECES = ["中华人民共和国", "外交部", "发言人", "记者会", "AT&T", "C++", "IP地址", "T恤", "卡拉OK", "3.5%",
           "卢卡库", "杜特尔特", "普惠", "的", "了", "是", "在", "和", "喆", "丂", "㐀", "鿖", "𠀀", "阚", "毽",
           "a", "Z", "B", "0", "1", "9", ".", "-", "+", "#", "&", "_", "%", " ", "\r\n", "\n", "\t", "\u3000",
           "，", "。", "《", "》", "Ａ", "１", "é", "あ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join))
def test_generated_pieces_as_jieba(text: str) -> None:
    assert_as_jieba(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "%-喆㐀鿖𠀀é１あ\t", max_size=30))
def test_generated_characters_as_jieba(text: str) -> None:
    assert_as_jieba(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_any_text_as_jieba(text: str) -> None:
    assert_as_jieba(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([p for p in _PIECES if "\n" not in p]), max_size=12).map("".join),
                min_size=1, max_size=8))
def test_line_counts_with_the_tables_as_jieba(lines: list[str]) -> None:
    """line_word_counts with the tables (lines joined short or long): each line's count of jieba's words."""
    zh._cutter()  # built: the tables count
    assert zh._python_line_word_counts(lines) == [len(jieba_words(line)) for line in lines]


# --- the same counts by jieba-rs (rjieba) ----------------------------------------------------------------

_RJIEBA = zh._rust_cutter() is not None
needs_rjieba = pytest.mark.skipif(not _RJIEBA, reason="rjieba is not installed")

# Where jieba-rs cuts otherwise than jieba: runs of ASCII letters, digits and symbols outside Han words (jieba's
# finalseg splits them, jieba-rs keeps them whole), and characters outside jieba's Han range (its blocks end
# there; jieba-rs's go on). Lines from the WMT 2021 zh sources (and variants of them).
RUST_LINES = [
    ("NEWS.GOV.MO: 新型冠状病毒感染应变协调中心查询热线统计数字(7月25日08H00-7月26日08H00)", 22),
    ("完成(首播时间：周一至周日12：00-13:00 )，", 10),
    ("应征青年可以通过全国征兵网（网址：http://www.gfbzb.gov.cn）查询", 14),
    ("绿地控股（600606.SH）发布公告", 5),
    ("以416.62亿元接手格力电器（000651.SZ）15%股权", 9),
    ("美国U.S.和AT&T、C++、C#、c++11的A股与T恤", 13),
    ("莫斯科Москва的γ射线，café与１２号", 16),
    # rare Han characters: the line is counted by the tables (jieba-rs takes 中高 and 送出 as words: 9 and 6)
    ("对于去过疫情中高𠀀风险地区的人员", 10),
    ("反击中鿖送出长距离直塞", 7),
    ("喜剧㐀片导演", 4),
    ("", 0),
    ("，。“”", 0),
]


@needs_rjieba
@pytest.mark.parametrize("line,count", RUST_LINES)
def test_rust_counts_as_jieba(line: str, count: int) -> None:
    assert len(jieba_words(line)) == count
    assert zh._rust_line_word_counts([line]) == [count]
    assert zh.line_word_counts([line, line]) == [count, count]


@needs_rjieba
def test_rust_counts_of_all_the_lines_at_once() -> None:
    lines = [line for line, _ in RUST_LINES]
    assert zh._rust_line_word_counts(lines) == [count for _, count in RUST_LINES]
    sample = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert zh._rust_line_word_counts(sample) == [len(jieba_words(line)) for line in sample]


@needs_rjieba
def test_rust_counts_leave_marked_text_to_the_tables() -> None:
    """The count marks tokens with NUL and \\x01, and Rust strings hold no lone surrogate: a text holding one
    of them is not counted by jieba-rs."""
    assert zh._rust_line_word_counts(["我们\x00他们"]) is None
    assert zh._rust_line_word_counts(["我们\x01他们"]) is None
    assert zh.line_word_counts(["我们\x01他们"]) == [len(jieba_words("我们\x01他们"))] == [2]
    assert zh._rust_line_word_counts(["我们\udc80他们"]) is None  # a byte kept by surrogateescape
    assert zh.line_word_counts(["我们\udc80他们"]) == [2]


def test_counts_without_rjieba(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without rjieba (or with MTCHECK_NO_RJIEBA set), the tables count, the same."""
    monkeypatch.setattr(zh, "_rust_cutter", lambda: None)
    lines = [line for line, _ in RUST_LINES]
    assert zh._rust_line_word_counts(lines) is None
    assert zh.line_word_counts(lines) == [count for _, count in RUST_LINES]


@needs_rjieba
@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from([p for p in _PIECES if "\n" not in p]), max_size=12).map("".join),
                min_size=1, max_size=8))
def test_rust_counts_of_generated_lines_as_jieba(lines: list[str]) -> None:
    assert zh._rust_line_word_counts(lines) == [len(jieba_words(line)) for line in lines]


@needs_rjieba
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\x00\x01"), max_size=25),
                min_size=1, max_size=4))
def test_rust_counts_of_any_lines_as_jieba(lines: list[str]) -> None:
    assert zh._rust_line_word_counts(lines) == [len(jieba_words(line)) for line in lines]
