"""Sentence splitting with exact offsets (sentencex), and per-language word tokens (jieba for Chinese).

Lines are split separately, so a title, a dateline or a byline on its own line is its own unit; blank
lines separate paragraphs. Offsets index the decoded text exactly (code points, no normalisation).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .types import Sentence

SPLITTER_NAME = "sentencex"

_LINE_RE = re.compile(r"[^\r\n\u2028\u2029\x85]+")
_WS = " \t\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff"
# A segment ending in an initial or a title (« M. », "Dr.", "J.") before a name does not end a sentence.
# A title is followed by a name whatever its case (« M. de Villepin »);
# a single capital initial only by a capitalised word.
_TITLE_RE = re.compile(r"(?:^|[\s(«“\"'])(?:M|Mme|Mlle|Mgr|Me|Pr|Dr|Mr|Mrs|Ms|St|Ste|Sr|Jr|Hr|Fr|Prof|Gen|Sen|Rep|Gov|Sra|Sres"
                       r"|Atty|Sgt|Lt|Col|Capt|Cpl|Adm|Rev|Det|Supt|Insp|Maj|Brig"  # English ranks and offices (AP)
                       r"|Fa|Dhr|Mevr|mevr|dhr|Dott|dott|Sig|sig|prof|hab|inż|Ks|ks|płk"  # de nl it pl
                       r"|TP|Tp)\.$")  # Vietnamese « TP.HCM », « TP. Hà Nội » (thành phố, city)
# An initial (J. Smith, the U. of U.S.), also right after Chinese or Japanese text or punctuation (据报道，U.S.经济).
_INITIAL_RE = re.compile(r"(?:^|[\s(«“\"'，、：（\u3040-\u30ff\u4e00-\u9fff])[A-ZÀ-ÖØ-Þ]\.$")
_CJK_LANGS = {"zh", "ja", "ko"}


# --- per-text caching of analyses ----------------------------------------------------------------------

SENTENCE_CACHE_SIZE = 20_000  # sentences per process (a batch block of 100 articles has about 5,000)
_CLEARS: list = []  # how to empty each per-process cache of analyses
_TEXT_CACHES: list = []  # the text_cache functions


def register_cache(clear) -> None:  # type: ignore[no-untyped-def]
    """Register the function that empties a per-process cache, for ``clear_text_caches``."""
    _CLEARS.append(clear)


def remember(cache: dict, key, value, maxsize: int = SENTENCE_CACHE_SIZE):  # type: ignore[no-untyped-def]
    """Store ``value`` in a bounded cache dict (oldest entry out first when full); return ``value``."""
    if len(cache) >= maxsize:
        try:
            del cache[next(iter(cache))]
        except (KeyError, RuntimeError, StopIteration):  # another thread evicted it first
            pass
    cache[key] = value
    return value


def text_cache(maxsize: int = SENTENCE_CACHE_SIZE):  # type: ignore[no-untyped-def]
    """``functools.lru_cache`` for an analysis that is a function of its arguments alone (a sentence or a
    bead side, a language), with immutable results: the checks of an article read the same sentences
    many times, and a batch reads sources again in each translation of them. Registered, so that
    ``clear_text_caches`` can empty every such cache (benchmarks that must not profit from sentences
    seen before)."""

    def deco(fn):  # type: ignore[no-untyped-def]
        cached = lru_cache(maxsize=maxsize)(fn)
        _TEXT_CACHES.append(cached)
        register_cache(cached.cache_clear)
        return cached

    return deco


def clear_text_caches() -> None:
    """Empty every registered per-process cache (``text_cache``, ``per_sentence_cache``, the drift engine's
    units): for benchmarks that must not gain from sentences seen before."""
    for clear in _CLEARS:
        clear()


# What ``split_sentences`` takes for a blank line's content, and every character ``_strip`` removes: str.isspace's
# (none above U+3000: tests/test_segment.py checks every code point), those of _WS and U+200B.
_BLANK = _WS + "\u200b"
_STRIP_CHARS = "".join(sorted(set(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(map(chr, range(0x2000, 0x200B))) + _BLANK)))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]``'s span without the white space (``_STRIP_CHARS``) at either end."""
    piece = text[start:end]
    kept = piece.lstrip(_STRIP_CHARS)
    start += len(piece) - len(kept)
    return start, start + len(kept.rstrip(_STRIP_CHARS))


def _split_lang(lang: str | None) -> str:
    return (lang or "en").split("-")[0].lower() or "en"


def split_line(line: str, lang: str | None) -> list[tuple[int, int]]:
    """Sentence boundaries inside one line, as (start, end) offsets into ``line`` (a function of the line
    and the language: kept per process, as the lines of sources that several translations share)."""
    return list(_split_line(line, _split_lang(lang)))


@text_cache()
def _split_line(line: str, lang: str) -> tuple[tuple[int, int], ...]:
    return tuple(_split_line_uncached(line, lang))


# An ordinal with its dot (« 1. desember », „3. marts“, « 15. dubna ») that sentencex ends a sentence
# after in some languages (Norwegian, Swedish): a piece that then opens in lower case goes on the sentence.
_ORDINAL_DOT_RE = re.compile(r"(?<![\d.,])\d{1,3}\.$")
# Hungarian writes a year with a dot before its month (« 2024. április 15-én »): the same there.
_YEAR_DOT_RE = re.compile(r"(?<![\d.,])[12]\d{3}\.$")
_YEAR_DOT_LANGS = frozenset({"hu", "hr", "sr", "bs"})  # and Croatian, Serbian, Bosnian (« u 2024. godini »)
# A dateline's agency after a full stop that sentencex took for a sentence end (a date's ordinal dot,
# « STOCKHOLM, március 3. (Reuters) - Az Európai… »; an abbreviation, « COSTA MESA, Kalifornien. (AP) - Die… »):
# no sentence starts with "(Reuters) -".
_AGENCY_OPENING_RE = re.compile(r"\([^()]{1,30}\)[ \u00a0]*[-–—]")


# "9 a.m. Monday", "3:30 p.m. EDT", "10 a.m. Jan. 6" (AP style): a weekday, a month or a time zone after a.m.
# or p.m. goes on the sentence.
_AMPM_END_RE = re.compile(r"(?i:\b[ap]\.m\.)$")
_AMPM_NEXT_RE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|local|Eastern|Central|Mountain|Pacific"
    r"|EDT|EST|CDT|CST|MDT|MST|PDT|PST|ET|CT|MT|PT|GMT|UTC|BST|CET|CEST|IST|JST|HKT|AEST|AEDT)\b")
# A German magnitude abbreviation after a number before its currency („3 Tsd. Euro“, „4,5 Mio. Dollar“).
_DE_MAGNITUDE_END_RE = re.compile(r"\d[ \u00a0]?(?:Tsd|Mio|Mrd|Bio)\.$")
_DE_CURRENCY_NEXT_RE = re.compile(
    r"(?:Euro|US-Dollar|Dollar|Franken|Pfund|Yuan|Renminbi|Yen|Rubel|Kronen|Zloty|Złoty|Rupien|Won|Lira|Real"
    r"|Rand|Peso|Dirham|Schekel|Forint|Lei|Lew|Hrywnja|Griwna|Baht|Ringgit|Dinar|Riyal|Rial)\b")
# A quotation closed and continued by its quotative particle: Japanese 「勝つ。」と言った, Korean "이길 것이다."라고
# 말했다 (the sentence goes on after the quote).
_QUOTE_CLOSED_RE = re.compile(r"[」』\"”’]$")
_QUOTATIVE_NEXT = {
    "ja": re.compile(r"(?:と|って|との|とも)"),
    "ko": re.compile(r"(?:라고|이라고|라며|이라며|라는|이라는|고\s|며\s|란\s)"),
}
# German writes every noun with a capital, so an ordinal's dot before one (« in der 84. Minute », « aus dem
# 16. Jahrhundert », « zum 100. Mal ») looks like a sentence end to sentencex; after an article, a contraction
# of one or a possessive, a number is an ordinal, never the end of a sentence.
_DE_ORDINAL_AFTER_RE = re.compile(
    r"(?:^|[\s(„“\"'])(?i:der|die|das|den|dem|des|zum|zur|am|im|vom|beim|ins|ans|seine[mnrs]?|sein|ihre[mnrs]?|ihr"
    r"|unsere[mnrs]?|unser|deren|dessen|jede[mnrs]?|diese[mnrs]?)[ \u00a0]+\d{1,3}\.$")
# An abbreviation that sentencex takes for a sentence end in some languages (Polish « w 2023 r. inflacja »,
# « ok. 25 tys. osób, m.in. studenci », Spanish « aprox. 300 personas », Dutch « o.a. studenten »): one of
# these, or letters with inner dots (o.a., u.s.w.), followed by a piece that opens in lower case; or one
# written before a number, followed by a digit; or one of _NEVER_LAST, whatever follows. (Not any short
# word: in a text that lost its casing, every sentence opens in lower case.)
_ABBREVIATIONS = frozenset(
    "r. tys. mln. mld. ul. godz. tzw. wg. ur. zm. pkt. proc. zł. gr. ds. "  # Polish
    "aprox. núm. pág. ej. mill. vs. etc. "  # Spanish, Portuguese, and everywhere
    "bijv. ca. resp. enz. "  # Dutch
    "bzw. usw. ggf. evtl. inkl. zzgl. nr. "  # German
    "ecc. pag. "  # Italian
    "env. apr. av. "  # French
    "г. гг. тыс. млн. млрд. руб. др. ул. им. ок. стр. "  # Russian
    "tzv. apod. atd. např. cca. "  # Czech
    "osv. jf. "  # Swedish, Danish, Norwegian
    "approx. vol. pp. ".split())  # not "ok." nor "no.": English words that may end a sentence
_BEFORE_NUMBER_ABBREVIATIONS = frozenset(
    "ok. ca. cca. approx. aprox. env. nr. no. núm. tel. godz. ul. str. pp. vol. art. par. tys. mln. mld. bzw. "
    "ggf. zł. руб. тыс. млн. млрд. г. ок. стр. kl.".split())  # kl.: Scandinavian « kl. 15.30 » (klockan)
_INNER_DOTS_RE = re.compile(r"(?:[^\W\d_]{1,2}\.-?){1,2}[^\W\d_]{1,2}\.")  # m.in., o.a., z.B., é.-u.


# "For example", "that is", "among others": never the end of a sentence, whatever follows (« f.eks. Oslo »).
_NEVER_LAST = frozenset("e.g. i.e. f.eks. t.ex. bl.a. dvs. z.b. d.h. u.a. m.in. np. tj. p.ex. vgl. cf. pl. "
                        "т.е. напр.".split())


def _after_abbreviation(prev: str, nxt: str) -> bool:
    """Does ``prev`` end with an abbreviation that ``nxt`` continues (see ``_ABBREVIATIONS``)?"""
    if not prev.endswith("."):
        return False
    token = prev.rsplit(None, 1)[-1].lstrip("(„“\"'«").lower()
    token = token[max(token.rfind("'"), token.rfind("’")) + 1:]  # « l'art. 5 »
    if token in _NEVER_LAST:
        return True
    first = nxt[:1]
    if not (first.islower() or first.isdigit()):
        return False
    if first.isdigit():
        return token in _BEFORE_NUMBER_ABBREVIATIONS
    if not nxt.split(None, 1)[0].islower():
        return False  # iPhone, eBay: a name that may open a sentence
    return token in _ABBREVIATIONS or _INNER_DOTS_RE.fullmatch(token) is not None


_FIRST_WORD_RE = re.compile(r"[^\W\d_]+")


def _opens_with_month(piece: str, lang: str) -> bool:
    """Does ``piece`` open with a month name of ``lang``? After an ordinal dot it is the month of a date
    (sentencex ends a German sentence after „am 3.“ in „am 3. März, einem Sonntag“: the date was cut
    in two, and with it the number check's reading of it)."""
    first = _FIRST_WORD_RE.match(piece)
    if first is None:
        return False
    from .numbers import own_month  # lazily: numbers imports this module

    return own_month(first.group(), lang) is not None


def _continues(prev: str, nxt: str, lang: str) -> bool:
    """Does ``nxt``, a piece sentencex cut off, go on the sentence ``prev`` (both stripped)?"""
    first = nxt[:1]
    return bool(
        _TITLE_RE.search(prev)  # M. Lin, Dr. Smith, Atty. Gen.
        or (_INITIAL_RE.search(prev) and (first.isupper() or first == "-"))  # J. Smith, É.-U.
        or (first.islower() and (_ORDINAL_DOT_RE.search(prev)  # « 1. desember »
                                 or (lang in _YEAR_DOT_LANGS and _YEAR_DOT_RE.search(prev))))  # « 2024. április »
        or (_ORDINAL_DOT_RE.search(prev) and (_opens_with_month(nxt, lang)  # „am 15. Juli, nach“
                                              or (lang == "de" and _DE_ORDINAL_AFTER_RE.search(prev))))  # „der 84. Minute“
        or _after_abbreviation(prev, nxt)  # « ok. 25 tys. », « f.eks. Oslo »
        or (lang in _QUOTATIVE_NEXT and _QUOTE_CLOSED_RE.search(prev) and _QUOTATIVE_NEXT[lang].match(nxt))
        or (_AMPM_END_RE.search(prev) and _AMPM_NEXT_RE.match(nxt))  # 9 a.m. Monday
        or (lang == "de" and _DE_MAGNITUDE_END_RE.search(prev) and _DE_CURRENCY_NEXT_RE.match(nxt))  # 3 Tsd. Euro
        or (first == "(" and _AGENCY_OPENING_RE.match(nxt)))  # « március 3. (Reuters) - »


def _split_line_uncached(line: str, lang: str) -> list[tuple[int, int]]:
    from sentencex import get_sentence_boundaries

    bounds = [(b["start_index"], b["end_index"]) for b in get_sentence_boundaries(lang, line)]
    if not bounds:
        return [(0, len(line))]
    merged: list[tuple[int, int]] = []
    for start, end in bounds:
        prev = line[merged[-1][0] : merged[-1][1]].rstrip() if merged else ""
        nxt = line[start:end].lstrip()
        if merged and _continues(prev, nxt, lang):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def split_sentences(text: str, lang: str | None, presegmented: bool = False) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences with offsets into ``text``; each line is split on its own.

    With ``presegmented`` every non-empty line is one sentence. Lines blank but for ``_BLANK`` characters
    are skipped; ``paragraph`` counts the gaps between lines that hold two line breaks or a paragraph
    separator, ``line`` the lines not skipped.
    """
    if presegmented and "\r" not in text and "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return _presegmented_lines(text)
    return _split_lines(text, lang, presegmented)


def _presegmented_lines(text: str) -> tuple[Sentence, ...]:
    """``_split_lines(text, lang, presegmented=True)`` of a text whose only line break is ``\\n``: its lines are
    the pieces of ``text.split("\\n")`` (the empty ones are no line), found without a match object each. The gap
    between two lines kept holds two line breaks or more exactly when it is longer than one character (a
    line passed over, blank or empty, ends with a line break of its own)."""
    out: list[Sentence] = []
    append = out.append
    paragraph = line_no = 0
    prev_end = -1  # the end of the line before (none yet)
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line:
            continue
        kept = line.lstrip(_STRIP_CHARS)
        if not kept and not line.strip(_BLANK):
            continue
        if start - prev_end > 1 and prev_end >= 0:
            paragraph += 1
        prev_end = start + len(line)
        if kept:  # the line without the white space at either end (``_strip``)
            sentence = kept.rstrip(_STRIP_CHARS)
            s = prev_end - len(kept)
            append(Sentence(s, s + len(sentence), sentence, paragraph, line_no))
        line_no += 1
    return tuple(out)


def _split_lines(text: str, lang: str | None, presegmented: bool) -> tuple[Sentence, ...]:
    """``split_sentences`` read line by line with ``_LINE_RE`` (any line break)."""
    out: list[Sentence] = []
    append = out.append
    paragraph = line_no = 0
    prev_end = -1  # the end of the line before (none yet)
    for m in _LINE_RE.finditer(text):
        line = m.group()
        kept = line.lstrip(_STRIP_CHARS)  # _STRIP_CHARS holds _BLANK: a line it keeps nothing of may be blank
        if not kept and not line.strip(_BLANK):
            continue
        start, end = m.span()
        if prev_end >= 0:
            gap = text[prev_end:start]
            if gap != "\n":  # one line break: no paragraph break
                newlines = gap.count("\n") + gap.count("\u2029") + (gap.count("\r") if "\n" not in gap else 0)
                if newlines >= 2 or "\u2029" in gap:
                    paragraph += 1
        prev_end = end
        if presegmented:
            if kept:  # the line without the white space at either end (``_strip``)
                sentence = kept.rstrip(_STRIP_CHARS)
                s = end - len(kept)
                append(Sentence(s, s + len(sentence), sentence, paragraph, line_no))
        else:
            for pstart, pend in split_line(line, lang):
                s, e = _strip(text, start + pstart, start + pend)
                if s < e:
                    append(Sentence(s, e, text[s:e], paragraph, line_no))
        line_no += 1
    return tuple(out)


_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def _combining_marks() -> str:
    """A regex class body of the combining marks (Unicode categories Mn, Mc, Me) of the basic plane's blocks
    of scripts written with them (Devanagari and the other Indic scripts, Thai, Lao, Tibetan, Burmese, Khmer,
    Hebrew points, Arabic harakat, the Latin, Greek and Cyrillic combining marks of decomposed text). ``re``'s
    ``\\w`` leaves them out, so « की » (ki: the letter क and the vowel sign ी) would read as the word « क »."""
    import unicodedata

    out, start, prev = [], None, None
    for cp in [*range(0x0300, 0x1E00), *range(0x20D0, 0x2100), *range(0xA670, 0xAC00), *range(0xFE00, 0xFE30)]:
        if unicodedata.category(chr(cp))[0] == "M":
            if start is None:
                start = cp
            elif cp != prev + 1:
                out.append((start, prev))
                start = cp
            prev = cp
    out.append((start, prev))
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in out)


COMBINING_MARKS = _combining_marks()
MARK_RE = re.compile(f"[{COMBINING_MARKS}]")
# Words as _WORD_RE reads them, each letter with the combining marks after it (a text that holds a mark).
_WORD_WITH_MARKS_RE = re.compile(rf"(?:\w[{COMBINING_MARKS}]*)+(?:[-'’](?:\w[{COMBINING_MARKS}]*)+)*")


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def word_tokens(text: str, lang: str | None) -> list[tuple[int, int]]:
    """Word tokens as (start, end) offsets: for Chinese, the tokens of jieba's default cut
    (``jieba.tokenize``, HMM on) that hold a letter or a digit; for Japanese, Sudachi's words (split mode
    A, ``mtcheck.terms.ja``) that hold a letter or a digit; regex words elsewhere (Korean separates words
    by spaces).
    """
    base = _split_lang(lang)
    if base == "zh":
        from .terms.zh import word_spans

        return word_spans(text)
    if base == "ja":
        from .terms.ja import word_spans as ja_word_spans

        return ja_word_spans(text)
    return [m.span() for m in (_WORD_WITH_MARKS_RE if MARK_RE.search(text) else _WORD_RE).finditer(text)]


def count_words(text: str, lang: str | None) -> int:
    """Word count used by the MQM score: ``len(word_tokens(text, lang))``, for Chinese jieba's tokens that
    hold a letter or a digit, for Japanese Sudachi's.

    No jieba token spans a line break, so a Chinese text's count is the sum of its lines'. A line's count is
    kept per process (articles of a batch share source segments); the lines not yet counted are cut
    together, in one call. For Japanese, the count of Sudachi's words (``word_tokens``)."""
    base = _split_lang(lang)
    if base == "ja":
        return len(word_tokens(text, lang))
    if base != "zh":
        found = _latin1_word_count(text)
        if found is not None:
            return found
        return len((_WORD_WITH_MARKS_RE if MARK_RE.search(text) else _WORD_RE).findall(text))
    lines = text.split("\n")
    known = [_LINE_WORDS.get(line) for line in lines]
    new = list(dict.fromkeys(line for line, count in zip(lines, known) if count is None))
    counted: dict[str, int] = {}
    if new:
        from .terms.zh import line_word_counts

        counted = dict(zip(new, line_word_counts(new)))
        for line, count in counted.items():
            remember(_LINE_WORDS, line, count)
    return sum(counted[line] if count is None else count for line, count in zip(lines, known))


# Each Latin-1 character of ``\\w`` as "a", the joiners - and ' as "-", any other character a space.
_LATIN1_WORD_BYTES = bytes(97 if _WORD_RE.match(chr(b)) else 45 if chr(b) in "-'" else 32 for b in range(256))


def _latin1_word_count(text: str) -> int | None:
    """``len(_WORD_RE.findall(text))`` counted in C for a text that is Latin-1 once ’ is read as ' (both join
    words alike): a word is a run of ``\\w`` characters and the runs a single joiner ties to it, so the words
    are the runs that start after a space, after a joiner after a space or after two joiners (a run after a
    joiner after a letter goes on the word before). None for another text."""
    try:
        data = text.replace("’", "'").encode("latin-1")
    except UnicodeEncodeError:
        return None
    marks = b" " + data.translate(_LATIN1_WORD_BYTES)
    return marks.count(b" a") + marks.count(b" -a") + marks.count(b"--a")


_LINE_WORDS: dict[str, int] = {}  # a Chinese line -> its word count
register_cache(_LINE_WORDS.clear)


# --- per-sentence caching of word analyses ----------------------------------------------------------------


def per_sentence_cache(tokenize, maxsize: int = SENTENCE_CACHE_SIZE):  # type: ignore[no-untyped-def]
    """Cache a tokenizer ``tokenize(doc, sentence_ids) -> [token]`` sentence by sentence.

    For a tokenizer whose tokens of a sentence depend only on the document's language and that
    sentence's text (every sentence start a boundary), with ``start``/``end`` document offsets: each
    sentence is analysed once per process, keyed by (language, text), and its tokens are shifted to
    where the sentence sits in another document. An article's sentences are analysed by its drift
    check and again when its batch block pools them with other articles' (the batch term memory), and
    Chinese POS tagging is costly. At most ``maxsize`` sentences are kept (oldest out first).
    Tokens must be immutable: one cached token may be returned many times. They are NamedTuples whose
    first two fields are ``start`` and ``end`` (shifted by building the tuple: the cheapest copy, as a
    batch block shifts every token it pools) or frozen dataclasses with those fields.
    """
    import functools

    cache: dict[tuple[str, str], tuple[int, list]] = {}  # (lang, text) -> (sentence start, tokens)

    new_tuple = tuple.__new__
    register_cache(cache.clear)

    def shifted(tok, off: int):  # type: ignore[no-untyped-def]
        # A copy with its offsets moved, without the frozen dataclass's __init__ (3x slower).
        new = object.__new__(type(tok))
        d = tok.__dict__.copy()
        d["start"] += off
        d["end"] += off
        new.__dict__.update(d)
        return new

    @functools.wraps(tokenize)
    def cached(doc, sentence_ids):  # type: ignore[no-untyped-def]
        lang = doc.lang
        out: list = []
        for sid in sentence_ids:
            sent = doc.sentences[sid]
            key = (lang, sent.text)
            hit = cache.get(key)
            if hit is None:
                toks = tokenize(doc, (sid,))
                remember(cache, key, (sent.start, toks), maxsize)
                out.extend(toks)
                continue
            base, toks = hit
            off = sent.start - base
            if not off:
                out.extend(toks)
            elif toks and isinstance(toks[0], tuple):
                cls = type(toks[0])
                out.extend([new_tuple(cls, (t[0] + off, t[1] + off) + t[2:]) for t in toks])
            else:
                out.extend([shifted(t, off) for t in toks])
        return out

    cached.cache = cache  # type: ignore[attr-defined]
    cached.uncached = tokenize  # type: ignore[attr-defined]
    return cached
