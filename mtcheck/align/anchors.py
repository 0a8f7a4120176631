"""Per-sentence evidence for the length aligner that survives translation.

Besides length, a sentence carries clues that a translation keeps: numbers (normalised, so ``4,5`` in
German is ``4.5`` in English and ``3.5万`` in Chinese is ``35000``), Latin-script tokens (names,
acronyms, URLs such as ``www.thepaper.cn`` inside a Chinese source), quotes and brackets, ``?`` and
``!``, and the kind of punctuation a sentence ends with. Word tokens of Latin-script languages are
compared as cognates in the sense of Simard, Foster & Isabelle (1992), "Using cognates to align
sentences in bilingual corpora": identical, or sharing their first four letters.

Only tokens present in *both* documents count as anchors (:func:`anchor_pairs`); a token found on one
side only says nothing about where a sentence belongs.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Optional, Sequence

from ..domains import TLD, TLDS
from ..segment import register_cache, remember

# --- lengths -------------------------------------------------------------------------------------------

def char_length(text: str) -> int:
    """Characters without white space: tokenised input (``gekommen , was``) and scripts written without
    spaces (Chinese) are then measured alike (Gale & Church 1993 count characters). ``str.split``
    splits at exactly the characters of ``str.isspace``, which are those of the regular ``\\s``."""
    return len("".join(text.split()))


def char_lengths_joined(joined: str, count: int) -> Optional[list[int]]:
    """``char_length`` of each of ``count`` texts joined by NUL, from one pass over the joined text: NUL is no
    white space, so the texts without their white space, joined by NUL, are the joined text without its
    white space, and split at NUL again. None when a text holds NUL itself (more pieces than texts)."""
    try:  # one byte a character: its white space deleted in C
        pieces = joined.encode("latin-1").translate(None, _LATIN1_WHITE).split(b"\x00")
    except UnicodeEncodeError:
        pieces = "".join(joined.split()).split("\x00")
    return list(map(len, pieces)) if len(pieces) == count and count else None


# The Latin-1 characters of ``str.isspace`` (tests/test_align_search.py checks the list).
_LATIN1_WHITE = bytes(c for c in range(256) if chr(c).isspace())


# --- structural features: quotes, brackets, ? and ! ---------------------------------------------------

# The apostrophes ' and ’ are left out: French and English use them inside words.
_QUOTE_CHARS = frozenset("\"“”„‟«»‹›「」『』《》〈〉")
_BRACKET_CHARS = frozenset("()（）[]【】〔〕{}")
_QUESTION_CHARS = frozenset("?？¿")
_EXCLAIM_CHARS = frozenset("!！¡")
N_FEATURES = 4
_FEATURE_CHARS_RE = re.compile(
    "[" + "".join(sorted(re.escape(c) for c in _QUOTE_CHARS | _BRACKET_CHARS | _QUESTION_CHARS | _EXCLAIM_CHARS)) + "]"
)


def structure_features(text: str) -> tuple[int, int, int, int]:
    """Presence (0/1) of quotes, brackets, a question mark and an exclamation mark."""
    found = _FEATURE_CHARS_RE.findall(text)
    if not found:
        return (0, 0, 0, 0)
    chars = set(found)
    return (
        int(not chars.isdisjoint(_QUOTE_CHARS)),
        int(not chars.isdisjoint(_BRACKET_CHARS)),
        int(not chars.isdisjoint(_QUESTION_CHARS)),
        int(not chars.isdisjoint(_EXCLAIM_CHARS)),
    )


_CLAUSE_RE = re.compile("[,，、;；:：]")


def clause_marks(text: str) -> int:
    """Commas, enumeration commas, semicolons and colons: clause structure that translation keeps."""
    return len(_CLAUSE_RE.findall(text))


_WORDISH_RE = re.compile(r"[^\W\d_]{2}|\d")


def is_debris(text: str) -> bool:
    """No two letters in a row and no digit: a segment with nothing to translate (OCR debris such as
    ``.....`` or ``- _-``, a lone bullet or dash line). Such a segment is as likely to stand alone in
    either text as to be kept, so the aligner lets it stand alone cheaply."""
    return _WORDISH_RE.search(text) is None


def starts_lowercase(text: str) -> bool:
    """The first letter (after opening quotes, brackets, dashes and spaces) is lower case: the segment
    continues a sentence (a splitter break after ';' or ':', a split translation). Digits and scripts
    without case give False."""
    for ch in text:
        if ch.isalpha():
            return ch.islower() and ch != ch.upper()
        if ch.isdigit():
            return False
    return False


# Classes of the punctuation a sentence ends with. A news translation keeps a full stop a full stop; a
# segment ending with ';' or ':' usually continues in the next segment of the same bead.
END_TERMINAL, END_SEMICOLON, END_COLON, END_COMMA, END_NONE = range(5)
_END_CLASS = {
    ".": END_TERMINAL, "。": END_TERMINAL, "．": END_TERMINAL, "?": END_TERMINAL, "？": END_TERMINAL,
    "!": END_TERMINAL, "！": END_TERMINAL, "…": END_TERMINAL,
    ";": END_SEMICOLON, "；": END_SEMICOLON,
    ":": END_COLON, "：": END_COLON,
    ",": END_COMMA, "，": END_COMMA, "、": END_COMMA,
}
_CLOSERS = frozenset("\"“”«»‹›「」『』》〉)）]】'’ \t")


def end_class(text: str) -> int:
    """The class of the last punctuation mark, looking through closing quotes and brackets."""
    k = len(text) - 1
    while k >= 0 and text[k] in _CLOSERS:
        k -= 1
    return _END_CLASS.get(text[k], END_NONE) if k >= 0 else END_NONE


# --- numbers -------------------------------------------------------------------------------------------

FindNumbers = Callable[[str, Optional[str]], list]
_find_numbers: Optional[FindNumbers] = None
_find_numbers_loaded = False


def _shared_find_numbers() -> Optional[FindNumbers]:
    """``mtcheck.numbers.find_numbers``, imported lazily, once; None if it cannot be imported (the
    aligner then works without number anchors rather than with a second, diverging normaliser)."""
    global _find_numbers, _find_numbers_loaded
    if not _find_numbers_loaded:
        _find_numbers_loaded = True
        try:
            from ..numbers import find_numbers  # the project's number normaliser
        except ImportError:
            _find_numbers = None
        else:
            _find_numbers = find_numbers
    return _find_numbers


# Only sentences with a digit (ASCII or full width) are searched for numbers: numbers written only in
# words or Chinese numerals ("three", "hundert", 三) are rendered freely by translators and make weak
# anchors, and the search costs about a microsecond per character, most of the aligner's time.
# (Also the Arabic-Indic, Persian, Devanagari and Bengali digits the number finder reads: ۲۵, ٤٫٣, २५.)
_DIGITS = "0-9\uff10-\uff19\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef"
_MAY_HAVE_NUMBER_RE = re.compile(f"[{_DIGITS}]")
_DIGIT_RUN_RE = re.compile(f"[{_DIGITS}][{_DIGITS}.,:/\u00a0\u202f\u066b\u066c -]*")
# Context kept on each side of a run of digits when a long sentence is searched piecewise: enough for
# "July 26", "26 juillet", "3,5 Millionen", "2030万元", "第3000场", "more than 80 per cent".
_NUMBER_CONTEXT = 16


def _number_windows(text: str) -> list[str]:
    """The parts of ``text`` around its digits (overlapping windows merged). The number search is
    local and costs time per character, so searching these instead of a long sentence is much faster.
    A window ends at least 16 characters away from any digit, so it never cuts a number."""
    spans: list[list[int]] = []
    for m in _DIGIT_RUN_RE.finditer(text):
        start, end = max(0, m.start() - _NUMBER_CONTEXT), min(len(text), m.end() + _NUMBER_CONTEXT)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [text[a:b] for a, b in spans]


def number_keys(text: str, lang: Optional[str]) -> list[str]:
    """Normalised values of the numbers written with digits in ``text``, as anchor keys (``"#4.5"``;
    ``3.9万亿`` and ``3 900 milliards`` both give ``"#3900000000000"``)."""
    if not _MAY_HAVE_NUMBER_RE.search(text):
        return []
    find = _shared_find_numbers()
    if find is None:
        return []
    pieces = [text] if len(text) <= 4 * _NUMBER_CONTEXT else _number_windows(text)
    keys = []
    for piece in pieces:
        try:
            mentions = find(piece, lang)
        except Exception:  # noqa: BLE001 - an odd number must not stop the alignment; it is no anchor
            continue
        for m in mentions:
            v = m.value
            if v is None or math.isnan(v) or math.isinf(v):
                continue
            keys.append("#" + _format_value(float(v)))
    return keys


def _format_value(v: float) -> str:
    r = round(v, 6)
    return str(int(r)) if r == int(r) and abs(r) < 1e18 else repr(r)


# --- Latin-script tokens -------------------------------------------------------------------------------

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_WORD_RE = re.compile(f"[{_LATIN}]+")
_URL_RE = re.compile(
    rf"(?:https?://)?(?:[A-Za-z0-9-]+\.)+{TLD}\b(?:/[^\s,;)）]*)?"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.IGNORECASE,
)
COGNATE_PREFIX = 4


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower case without accents (Zürich = Zurich); words repeat, so results are cached."""
    if word.isascii():
        return word.lower()
    nfkd = unicodedata.normalize("NFKD", word)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower()


def word_keys(text: str) -> list[str]:
    """Latin-script word and URL anchors: URLs and e-mails whole; words of four letters or more by
    their first four letters (Simard et al. 1992 cognates); all-capital acronyms of two or three letters
    as they are. Shorter words are mostly function words and are left out."""
    keys = []
    if _may_have_url(text):
        for m in _URL_RE.finditer(text):
            keys.append("u:" + m.group().lower().removeprefix("https://").removeprefix("http://"))
    cache = _WORD_KEYS
    keys.extend([cache[w] if w in cache else _word_key(w) for w in _LONG_WORD_RE.findall(text)])
    keys.extend(["w:" + w.lower() for w in _ACRONYM_RE.findall(text)])
    return keys


_TLD_RE = re.compile("|".join(re.escape("." + t) for t in TLDS))  # any of them as a substring


def _may_have_url(text: str) -> bool:
    """A cheap test before the URL pattern: a scheme, "www.", "@" or a known top-level domain (in the
    text in lower case)."""
    if "://" in text or "www." in text or "@" in text:
        return True
    return _TLD_RE.search(text.lower()) is not None


_LONG_WORD_RE = re.compile(f"[{_LATIN}]{{{COGNATE_PREFIX},}}")
_ACRONYM_RE = re.compile(f"(?<![{_LATIN}])[A-Z]{{2,3}}(?![{_LATIN}])")


# Word -> its anchor key ("w:" and its folded first letters), looked up inline: most words of a text were
# seen. A registered per-process cache (``segment.clear_text_caches`` empties it).
_WORD_KEYS: dict[str, str] = {}
register_cache(_WORD_KEYS.clear)


def _word_key(word: str) -> str:
    return remember(_WORD_KEYS, word, "w:" + _fold(word)[:COGNATE_PREFIX], 65536)


def sentence_anchor_keys(text: str, lang: Optional[str]) -> dict[str, int]:
    """All anchor keys of one sentence, with their counts, in the order of their first occurrence."""
    keys = number_keys(text, lang)
    keys.extend(word_keys(text))
    counts = dict.fromkeys(keys, 1)
    return counts if len(counts) == len(keys) else Counter(keys)  # the common case: no key twice


# --- pairing -------------------------------------------------------------------------------------------

def anchor_pairs(
    src_keys: Sequence[dict[str, int]],
    tgt_keys: Sequence[dict[str, int]],
    *,
    number_weight: float = 1.0,
    word_weight: float = 0.5,
    max_pairs_per_key: int = 64,
) -> tuple[list[tuple[int, int, float]], list[float], list[float]]:
    """Sentence pairs sharing anchors, and each sentence's total anchor weight.

    A key counts only if it occurs in both documents. Its weight falls with how many sentences contain
    it (a name repeated in every paragraph locates nothing), ``1/sqrt(df_src * df_tgt)``, and keys in
    more than ``max_pairs_per_key`` sentence pairs are dropped so that the work stays linear.
    Returns ``(pairs, src_totals, tgt_totals)`` with ``pairs`` as ``(src index, tgt index, weight)``.
    """
    src_df: dict[str, list[int]] = defaultdict(list)
    tgt_df: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(src_keys):
        for k in keys:
            src_df[k].append(i)
    for j, keys in enumerate(tgt_keys):
        for k in keys:
            tgt_df[k].append(j)
    src_tot = [0.0] * len(src_keys)
    tgt_tot = [0.0] * len(tgt_keys)
    pairs: list[tuple[int, int, float]] = []
    for key, src_ids in src_df.items():
        tgt_ids = tgt_df.get(key)
        if not tgt_ids or len(src_ids) * len(tgt_ids) > max_pairs_per_key:
            continue
        base = number_weight if key.startswith("#") else word_weight
        w = base / math.sqrt(len(src_ids) * len(tgt_ids))
        for i in src_ids:
            ci = src_keys[i][key]
            src_tot[i] += w * ci
            for j in tgt_ids:
                pairs.append((i, j, w * min(ci, tgt_keys[j][key])))
        for j in tgt_ids:
            tgt_tot[j] += w * tgt_keys[j][key]
    return pairs, src_tot, tgt_tot
