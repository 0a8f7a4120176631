"""Japanese words: Sudachi (``sudachipy`` with its core dictionary, ``sudachidict_core``), split mode A.

Japanese is written without spaces, so its words come from a morphological analyser, as Chinese ones come
from jieba. Mode A gives Sudachi's short units, the "short unit words" by which Japanese corpora count words
(子育て / 支援 / 制度, 出生 / 率, デジタル / 庁, 厚生 / 労働 / 省; mode B keeps 出生率 and デジタル庁 whole,
mode C joins 支援制度). The term engine builds Japanese terms from several words as it builds Chinese ones,
and a rendering that changes one part of a compound (デジタル省 for デジタル庁) shares the other part with the
usual rendering, as « plan d'avantages universels » shares « plan » with « plan inclusif ».

:func:`pos_words` gives each word with a tag of jieba's tag set (``n`` common noun, ``vn`` verbal noun, ``nr``
person, ``ns`` place, ``nz`` other proper noun, ``m`` numeral, ``v`` verb, ``a`` adjective, ``u`` particle or
auxiliary, ``x`` punctuation and spaces, ``eng`` a word of Latin letters...), mapped from Sudachi's parts of
speech, so that the term engine reads both languages with the same rules. :func:`word_spans` gives the words
that hold a letter or a digit, as ``segment.word_tokens`` does for Chinese.

Sudachi reads at most 49,149 bytes a call: a text is read line by line, and a longer line in pieces of at most
8,000 characters, cut after 。, ！ or ？ where one lies in the piece's last half, else at the end of the piece.
The dictionary is loaded once per process (about 0.1 s).
"""
from __future__ import annotations

from functools import lru_cache

from ..segment import text_cache
from .tagged import by_lines, cut_line

# Characters a call reads at most: 8,000 characters are at most 32,000 bytes in UTF-8.
_PIECE = 8000
_ENDS = "。！？!?"


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(mode=SplitMode.A)


# Sudachi's part of speech (first two levels, then the first level alone) → jieba's tag.
_TAGS_2 = {
    ("名詞", "数詞"): "m",
    ("接尾辞", "名詞的"): "n",  # 率, 者, 化: part of the noun before it (出生率 in mode A)
}
_TAGS_1 = {
    "名詞": "n", "代名詞": "r", "動詞": "v", "形容詞": "a", "形状詞": "a", "副詞": "d", "連体詞": "b",
    "接続詞": "c", "感動詞": "e", "助詞": "u", "助動詞": "u", "接頭辞": "h", "接尾辞": "k",
    "補助記号": "x", "記号": "x", "空白": "x",
}
_PROPER = {"人名": "nr", "地名": "ns"}


def _tag(pos: tuple[str, ...], word: str) -> str:
    if word.isascii() and any(ch.isalpha() for ch in word):
        return "eng"
    if pos[0] == "名詞":
        if pos[1] == "固有名詞":
            return _PROPER.get(pos[2], "nz")
        if pos[1] == "普通名詞" and pos[2] == "サ変可能":
            return "vn"
    return _TAGS_2.get((pos[0], pos[1])) or _TAGS_1.get(pos[0], "x")


@text_cache()  # a line's words depend on its text alone: analysed once per process
def _line_words(line: str) -> tuple[tuple[str, str], ...]:
    tok = _tokenizer()
    out: list[tuple[str, str]] = []
    for piece in cut_line(line, _PIECE, _ENDS):
        at = 0
        for m in tok.tokenize(piece):
            a, b = m.begin(), m.end()
            if a > at:  # nothing of the text is lost, whatever the analyser skips
                out.append((piece[at:a], "x"))
            word = piece[a:b]
            out.append((word, _tag(m.part_of_speech(), word)))
            at = b
        if at < len(piece):
            out.append((piece[at:], "x"))
    return tuple(out)


def pos_words(text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of ``text``, in order, their words joined giving ``text`` back."""
    return by_lines(text, _line_words)


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of ``text`` that holds a letter or a digit."""
    out = []
    at = 0
    for word, _tag_ in pos_words(text):
        if any(ch.isalnum() for ch in word):
            out.append((at, at + len(word)))
        at += len(word)
    return out
