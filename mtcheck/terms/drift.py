"""Terminology drift without a glossary: one source term rendered in different ways in one article.

The method follows the leads of terminology.md, in two passes over the aligned units (beads).

Pass 1, the dominant rendering of every recurring source term:

1. Term candidates are source n-grams (jieba words and tags for Chinese, Sudachi's words and Kiwi's
   morphemes with the same tags for Japanese and Korean, lemmas elsewhere) that recur
   in at least ``min_units`` units and look specific: several words with only noun-phrase function words
   inside, a long word, a name (a proper-noun tag; in a cased language a word written with a capital
   inside a sentence and never in lower case), an acronym. A short Chinese noun that is rare in the
   language (jieba's dictionary counts: 士官, 高温, 中共) is a candidate too, kept only if its dominant
   rendering is specific (several words, a name, an acronym), and then only respellings, spacings and
   reorderings of that rendering are its variants (a common noun's translation may vary with the
   sentence: flood prevention / flood control). They are pruned to closed n-grams: one whose every
   occurrence lies inside occurrences of one longer candidate goes (普惠 inside 普惠计划). The pruning
   looks only at the n-grams covering each occurrence, so it is linear.
2. Target words associated with the term: found in at least two of its units with a Dice coefficient
   over units of 0.4 or more, on lemmas (Smadja, McKeown & Hatzivassiloglou 1996, "Translating
   collocations for bilingual lexicons"). Competitive linking (Melamed 2000) removes a word that another
   source word of the units explains better and more surely (hypergeometric tail, as in Fisher's exact
   test: two shared units of a short article prove little); a word another source word explains as
   well, significantly or from right next to the term (State in "Islamic State"), is ambiguous and may
   make a rendering only when nothing else does. A name term keeps the target words written as names
   against rivals that are not names, unless the rival stands next to it and explains the word better
   (Chengtou for 城投 in 上海城投: ambiguous, so it does not lengthen "Shanghai"), and any term keeps a copy of its own words (Pilot for "Mr
   Pilot"). The spellings of a name count as one word here (lemmas, not forms): the more frequent form
   is credited with the units of its rarer spellings (Moula / Moulla), which pass 2 still reports.
3. Candidate renderings are n-grams of associated words with noun-phrase function words inside (« plan
   inclusif », « renforcement des capacités en matière d'intelligence artificielle »), grouped by their
   *skeleton*, the multiset of their content lemmas (articles, prepositions and complex prepositions
   such as « en matière de » or „im Bereich“ are not content). The dominant group has the best Dice
   (plus a bonus when it copies the source words: names, cognates); ties go to a rendering written as a
   name for a name, then to unambiguous words, then to the larger skeleton. It grows to a larger
   skeleton of unambiguous words while its Dice stays within 80 % (« plan inclusif » rather than
   « plan »); a rendering written as a name grows only by capitalised words ("Lukaku", not "Lukaku
   scored"), except an organisation's. A word that competitive linking took away but that stands right
   beside the rendering wherever it occurs, once per occurrence of the term and in two of its units at
   least, is part of it after all ("medical" of "medical observation" when one of three was changed
   and 解除, next to 医学观察 in the other two, explains "medical" better by the count alone), when the
   source word that took it stands beside the term too (not 飘扬 "fly", three words after 鲜艳的党旗) or both
   stand in a title quoted on both sides ("Going" of « Going Live in the Village », 《走村直播看脱贫》); not a
   copy of a source word outside the term ("Nancy" beside "Pelosi"). Its most frequent form is the suggestion; another form of the
   same skeleton (other linking words, word order, hyphens or accents: « … en intelligence
   artificielle » / « … en matière d'intelligence artificielle », "County of Wesel" / "Wesel County",
   Bei-jing / Beijing) is a *near-variant*, reported as minor; but a common-noun phrase in another word
   order ("industrial park clusters" / "cluster of industrial parks"), where only names take capitals,
   is a paraphrase, not drift (its two halves swapped, "X of Y" / "Y X": words shuffled otherwise, "cyber
   staunch defender security", are a near-variant); so is a name described in common nouns in another
   order ("alliance of exhibitors" for "Exhibitor Alliance"). A target word that copies a source word
   outside the term ("Chendu" / "Chengdu") is that word's, not the term's.
4. Terms found in exactly the same units (中国政府 and 网络安全的坚定维护者) tie on every word: their
   renderings are given out jointly, the longest skeletons in source order (_joint_dominants). A Chinese
   term's rendering that stops before a head noun the whole article uses ("Graduates' Art" before
   "Exhibition") grows by it where most occurrences have it (_head_added). A term found inside a longer
   term in most of its units, with the longer term's rendering ("Islamic" in "Islamic State" three times
   and in "Islamic holiday" once, both „Islamischer Staat“), is rendered again without the words its other
   units lack („Islamischer“: „Staat“ is State's; _nested_shrunk).

Pass 2, variants in the units of the term; where the unit already has as many renderings as the source
has occurrences, only spellings of the dominant rendering's words are looked for:

- Anchors: a word the unit shares with the dominant rendering (same lemma, or one word family by an
  inflection or derivation ending: Russia / Russian, Belgium / Belgian), a spelling variant of a name
  in it (Wesel / Wessel, by edit distance, same initial; a short one, four letters, only beside a word of
  the name kept as it is: "Raul Gandhi" for "Rahul Gandhi"), a part or a sibling of a German compound
  (Klimafonds / Klimakasse), its words glued, split or reordered (Xiangguo / Xiang Guo, US-Konsulat /
  Konsulat der US), an acronym of its words (OTAN / Organisation du traité de l'Atlantique nord). A
  shared word that another source word of the unit explains is no evidence ("scored" is 进球's); where
  only a tie makes it so, a name stays evidence unless the rival is a name too (团队 "team", in the
  same units as 天津大学, does not take "Tianjin"; 梅根 takes "Meghan").
- The slot grows from the anchors towards the side where the dominant rendering has the words the unit
  lacks, over words no other source word of the unit accounts for (part of another term's rendering,
  a copy or cognate of a source word, or associated with a source word outside the term); going left
  it does not cross a preposition the dominant rendering lacks ("Stimmen von ⟦Biden⟧") nor an article
  unless the dominant rendering has one inside ("reading the ⟦Individual Number health insurance card⟧");
  going right in Chinese, Japanese and Korean, where a modifier comes before its head, it does not cross
  的, の or 의 ("⟦数字部⟧的负责人", "⟦デジタル省⟧の長官": the head is another phrase's); and for a name
  it takes only capitalised words, unless several of the name's words are written in lower case in the
  unit ("⟦state health and pandemic prevention⟧" for "Public Health and Pandemic Prevention"). The slot is a *variant* only when it is a substitution: some content
  of the dominant rendering missing *and* some unaccounted content present (« plan d'avantages
  universels » for « plan inclusif »). A subset is a shortened mention (« le plan » after « le plan
  inclusif », « l'Initiative » after « l'Initiative la Ceinture et la Route »); a superset a fuller one.
- Context: a 2-4 word context that goes with the term (found mostly in its units) next to the dominant
  rendering elsewhere predicts the slot here (« la mise en œuvre du ⟦plan inclusif⟧ » → « la mise en
  œuvre du ⟦régime de prestations universelles⟧ »); both sides matching pin the slot exactly.
- A lone name: a name term whose dominant name is missing from a unit, with nothing of it left (no
  shared word, spelling or word of its family), in a unit whose source names nothing else (and not a
  one-word place name modifying a noun, 菲律宾劳工 "Filipino workers": an adjective): the one
  capitalised sequence of the target that nothing else accounts for and no other unit has ("Lau Ching
  Wan" for "Liu Qingyun") is pointed at, a guess by elimination (minor). Where the unit's source names
  others too, the names are counted in order on both sides (_in_order), and the term's place points at
  the sequence in the same place ("Dong Zhuowen (played by ⟦Lau Ching Wan⟧)").
- Quotes: a term that is the whole of a quoted span in the source (《普惠计划》) and the unit's target quote
  in the same place among as many quotes, lacking the dominant rendering, point at that span; alone a guess, unless the
  translation quotes the dominant rendering whole wherever it has it (a title). A short noun quoted
  whole wherever it occurs (《胜算》) is a title, not a common noun: its variants are not limited.

Where a term and a term nested in it, found more often, disagree on a unit (the outer term's variant
holds the nested term's dominant rendering, and the nested term flags a variant inside the outer term's
usual rendering), the nested term says: the outer term's variant is dropped (_contested), for the check,
the term table and the batch memory alike.

Confidence follows the signals: two agreeing signals raise it, words found nowhere else in the article
(what is left over) raise it, and so do two variants of one term sharing a word the dominant rendering
lacks (« universels » / « universelles »). In a language whose noun phrases end with their head, one
modifier replaced in its place ("health observation" for "medical observation") is drift even when the
new word is common elsewhere; a replaced head ("trade talks" for "trade agreement") stays a guess. The check turns it into a severity.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple, Optional, Sequence

from ..langid import HAN_CORE_RE
from ..numbers import _month_number
from ..segment import per_sentence_cache, register_cache, remember
from ..types import Bead, Document
from .matching import normalise_token
from .stopwords import (articles, complex_prepositions, coordinators, function_canon, inflection_suffixes, links, stopwords,
                        time_words)
from .ja import pos_words as ja_pos_words
from .ko import pos_words as ko_pos_words
from .zh import pos_words

# Languages read with a tagger (jieba, Sudachi, Kiwi) whose words are keys as they are, and whose noun phrases
# put the modifier first: Chinese and Japanese, written without spaces, and Korean, whose spaced words carry
# their particles (제도를, 제도가: one noun).
_UNSPACED = {"zh", "ja", "ko"}
# Their words and tags: jieba.posseg's (computed faster), Sudachi's and Kiwi's (mapped to jieba's tags).
_TAGGERS = {"zh": pos_words, "ja": ja_pos_words, "ko": ko_pos_words}
_NOUN_CAPITALISING = {"de", "lb"}  # as checks.data.NOUN_CAPITALISING_LANGS (not imported: it imports drift)
_COMPOUNDING = {"de", "nl", "sv", "da", "no", "nb", "nn", "fi", "is"}
# Languages whose noun phrases end with their head ("medical observation", „Gesundheitsbehörde“).
_HEAD_FINAL = _COMPOUNDING | {"en", "zh", "ja", "ko", "tr", "hu"}
_WORD_RE = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
# Characters that may sit between two tokens of one phrase: spaces, apostrophes (l'…, d'…), hyphens.
_JOINERS = set(" \u00a0\u202f'’-")
_OPEN_QUOTES = "《“«„「『\"‘"
_CLOSE_QUOTES = "》”»“」』\"’"
_QUOTED_RE = re.compile(r"《[^《》\n]{1,80}》|“[^“”\n]{1,80}”|«[^«»\n]{1,100}»|„[^„“\n]{1,100}“|「[^「」\n]{1,80}」|\"[^\"\n]{1,100}\"")

# Which evidence wins when one unit has several candidates: the letters of the dominant rendering, then
# words shared with it (or quotes), then context alone.
_PRIORITY = {"spacing": 3, "orthography": 3, "spelling": 3, "context": 1}

MAX_SOURCE_N = 5
MAX_TARGET_N = 14
TOKEN_DICE = 0.4  # a target word this associated with a term may be part of its rendering
MIN_DICE = 0.5  # a dominant rendering at least this associated with the term
GROW_RATIO = 0.8  # a larger skeleton is preferred while its Dice stays within this ratio of the best
EXPLAIN_DICE = 0.5  # a target word this associated with another source word is accounted for
COPY_BONUS = 0.1  # added to the Dice of a rendering that copies the source words (names, cognates)
CHANCE = 0.02  # ... provided that their co-occurrences are this unlikely by chance


class Token(NamedTuple):
    """A word of a unit (a tuple: cached tokens are shifted to other offsets by the hundred thousand)."""

    start: int  # offset in the document
    end: int
    text: str
    key: str  # comparison key (lemma, lower-cased)
    stop: bool  # a function word
    brk: bool  # a phrase boundary sits between the previous token and this one
    pos: str = ""  # part of speech where known (jieba's tags for Chinese)
    func: bool = False  # a function word, or a word of a complex preposition (« en matière de »)
    norm: str = ""  # canonical form for comparing two renderings ("" for an article)
    link: bool = True  # may sit inside a phrase (content words, articles, prepositions, conjunctions)
    initial: bool = False  # the first word of its sentence (its capital says nothing)
    content: bool = False  # a content word: no function word, two letters or more (or a CJK word)


class Occurrence(NamedTuple):
    unit: int  # bead index
    start: int
    end: int


@dataclass
class Rendering:
    """The dominant rendering of a term: its key (lemmas), its usual surface text, its occurrences."""

    key: tuple[str, ...]
    text: str
    occurrences: list[Occurrence] = field(default_factory=list)
    dice: float = 0.0  # association with the term over units

    @property
    def units(self) -> set[int]:
        return {o.unit for o in self.occurrences}


@dataclass
class Variant:
    """A minority rendering of a term in one unit.

    ``kind`` is ``variant`` (another rendering: « régime de prestations universelles » for « plan
    inclusif ») or ``near`` (the same words with other linking words, word order, spacing or accents).
    ``how`` names the signals that found it.
    """

    unit: int
    start: int
    end: int
    text: str
    confidence: float
    how: str
    kind: str = "variant"
    source_start: int = -1  # the term's occurrence in this unit
    source_end: int = -1


@dataclass
class TermRenderings:
    """A source term, its occurrences, its dominant rendering and the variants found."""

    source: str
    key: tuple[str, ...]
    occurrences: list[Occurrence]
    dominant: Optional[Rendering]
    variants: list[Variant]

    @property
    def units(self) -> set[int]:
        return {o.unit for o in self.occurrences}


# --- tokens ----------------------------------------------------------------------------------------------


@per_sentence_cache  # tokens of a sentence depend on its text alone: analysed once per process
def tokenize(doc: Document, sentence_ids: Sequence[int]) -> list[Token]:
    """Tokens of the given sentences of ``doc`` with document offsets; sentence ends are boundaries."""
    lang = doc.lang
    stops = stopwords(lang)
    canon = function_canon(lang)
    arts = articles(lang)
    linking = links(lang)
    raw: list[tuple[int, int, str, str, str, bool, bool, bool]] = []
    for sid in sentence_ids:
        sent = doc.sentences[sid]
        if lang in _UNSPACED:
            pieces = []
            pos = 0
            for word, flag in _TAGGERS[lang](sent.text):
                pieces.append((pos, pos + len(word), word, flag))
                pos += len(word)
            if lang == "zh" and "令" in sent.text:
                pieces = _zh_decrees(pieces)
        else:
            pieces = _spaced_pieces(sent.text)
        prev_end: Optional[int] = None
        first_word = True
        text = sent.text
        for s, e, word, flag in pieces:
            if lang == "ko" and word.isspace():
                continue  # Korean spaces its words: a space is no boundary (육아 지원 제도), as in spaced languages
            if not word.isalnum() and not any(ch.isalnum() for ch in word):
                prev_end = None  # punctuation token: boundary
                continue
            if prev_end is None:
                brk = True
            elif prev_end == s or (s - prev_end == 1 and text[prev_end] == " "):
                brk = False  # nothing or one space between: the usual case
            else:
                brk = any(ch not in _JOINERS for ch in text[prev_end:s])
            if lang in _UNSPACED:
                key = word
            elif word.isupper() and len(word) >= 2 and word.isalpha():
                key = word.lower()  # an acronym is no inflected word: US is not a form of "u"
            else:
                key = normalise_token(word, lang)
            stop = key in stops or word.lower() in stops or (lang == "ko" and flag == "u")  # Korean: by its tag
            if stop and word[:1].isupper() and not first_word and lang != "de":
                # Inside a sentence a capital makes a name or an acronym of a function word: "US",
                # "Na" of "Han Na". (German capitalises nouns, never function words: no change there.)
                stop = False
            raw.append((sent.start + s, sent.start + e, word, key, flag, stop, brk, first_word))
            first_word = False
            prev_end = e
    lows = [r[2].lower() for r in raw]
    in_prep = [False] * len(raw)  # a word of a complex preposition (« en matière de »)
    by_first = _prepositions_by_first(lang)
    for i, low in enumerate(lows):
        for pattern in by_first.get(low, ()):
            n = len(pattern)
            if tuple(lows[i:i + n]) == pattern and not any(raw[i + j][6] for j in range(1, n)):
                for j in range(n):
                    in_prep[i + j] = True
    out = []
    for i, (s, e, word, key, flag, stop, brk, initial) in enumerate(raw):
        if in_prep[i] and not stop:
            # A word of a function phrase is no form of a content word: "According" (to) is not
            # "accord", "means" (by means of) not "mean".
            key = lows[i]
        norm = canon.get(lows[i], key if not stop else lows[i])
        if " " in norm:
            norm = " ".join(w for w in norm.split() if w not in arts)
        elif norm in arts:
            norm = ""
        link = not stop or in_prep[i] or lows[i] in linking or key in linking
        func = in_prep[i] or stop
        out.append(Token(s, e, word, key, stop, brk, flag, func, norm, link, initial,
                         not func and (len(key) >= 2 or not key.isascii())))
    return out


_ZH_NOT_AFTER_DECREE = {"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "r", "m", "eng", "j", "vn", "an"}


def _zh_decrees(pieces: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """令 ("order", "decree") after a word of two characters, which jieba cuts off and tags as a verb
    (行政|令 "executive order", 隔离|令 "quarantine order", 移民|令, 限购|令), made one noun with it, so
    that the decree is a term candidate as 逮捕令 (one word in jieba's dictionary) is. Not the causative
    verb 令 ("to make"), which takes an object: 疫情令经济受挫 ("the epidemic made the economy falter"),
    政府令其…: before a noun, a pronoun or a numeral 令 stays a verb."""
    out: list[tuple[int, int, str, str]] = []
    for k, (s, e, word, flag) in enumerate(pieces):
        if word == "令" and flag == "v" and out and out[-1][1] == s and len(out[-1][2]) == 2 \
                and out[-1][3] in ("n", "vn", "v") and HAN_CORE_RE.fullmatch(out[-1][2]) \
                and (k + 1 == len(pieces) or pieces[k + 1][3] not in _ZH_NOT_AFTER_DECREE):
            ps, _, pword, _ = out.pop()
            out.append((ps, e, pword + word, "n"))
            continue
        out.append((s, e, word, flag))
    return out


_APOSTROPHE_WORD_RE = re.compile(r"\w+(?:-\w+)*(?:['’]\w+(?:-\w+)*)*", re.UNICODE)
_CLITICS = {"s", "t", "d", "m", "re", "ve", "ll", "nt"}
_APOSTROPHE_RE = re.compile(r"['’]")


class _Piece:
    """A word match, possibly a part of a regex match (the same ``start``, ``end``, ``group`` API)."""

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start:self._end]


def _hyphen_split(matches: Iterable[re.Match]) -> Iterable[_Piece]:
    """A hyphen between a lower-case part and a capitalised one joins two words, not a compound: a
    headline's source line ("high-risk areas-Chinanews"). Compounds are lower-lower ("high-risk") or
    capitalised ("Shen-zhen", "US-Konsulat", "Social-Media-Konten"). Nor is a last part that opens a
    domain name: the site of a headline in title case ("Cyber Security-Ecns.cn")."""
    for m in matches:
        word, base = m.group(), m.start()
        start = 0
        for k in range(1, len(word) - 1):
            if word[k] == "-" and word[start].islower() and word[k + 1].isupper():
                yield _Piece(m.string, base + start, base + k)
                start = k + 1
        end = m.end()
        k = word.rfind("-")
        if k > start and m.string[end:end + 1] == "." and m.string[end + 1:end + 2].isalpha():
            yield _Piece(m.string, base + start, base + k)
            start = k + 1
        yield _Piece(m.string, base + start, end)


# Elided words that end in an apostrophe (French, Italian): « Qu'il », « Jusqu'ici », "Dell'arte".
_ELIDED = {"qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu", "dell", "nell", "sull", "dall",
           "all", "coll", "quest", "quell", "un", "sant", "gl"}


def _spaced_pieces(text: str) -> list[tuple[int, int, str, str]]:
    """Word tokens of a spaced language. An apostrophe splits a word (« l'amarrage », « L'Initiative »,
    "Meghan's"), except inside a name written with one (Yan'an, Xi'an): a capitalised first part of two
    letters or more that is no elided word, and a lower-case second part of two letters or more that is
    no clitic."""
    out = []
    for m in _APOSTROPHE_WORD_RE.finditer(text):
        word = m.group()
        if "-" not in word and "'" not in word and "’" not in word:
            out.append((m.start(), m.end(), word, ""))  # most words: nothing to split
            continue
        out.extend(_split_piece(m))
    return out


def _split_piece(match: re.Match) -> list[tuple[int, int, str, str]]:
    """The tokens of one word match with a hyphen or an apostrophe (see _spaced_pieces)."""
    out = []
    for m in _hyphen_split((match,)):
        word = m.group()
        parts = _APOSTROPHE_RE.split(word)
        if len(parts) == 2 and parts[0][:1].isupper() and len(parts[0]) >= 2 and parts[0].lower() not in _ELIDED \
                and len(parts[1]) >= 2 and parts[1].lower() not in _CLITICS and parts[1][:1].islower():
            out.append((m.start(), m.end(), word, ""))
            continue
        pos = m.start()
        for part in parts:
            out.append((pos, pos + len(part), part, ""))
            pos += len(part) + 1
    return out


@lru_cache(maxsize=None)
def _prepositions_by_first(lang: str) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for pattern in complex_prepositions(lang):
        out[pattern[0]].append(pattern)
    return dict(out)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents, hyphens or apostrophes: for comparing spellings."""
    low = word.lower().replace("ß", "ss")
    low = "".join(ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch))
    return re.sub(r"[-'’\s]", "", low)


# jieba tags: a Chinese term ends in a noun (or a verbal noun, abbreviation, foreign word) and does not
# start with a verb, adverb, preposition, conjunction, particle, pronoun or numeral.
_ZH_TERM_END = {"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "vn", "j", "eng", "an", "nw"}
_ZH_BAD_START = {"v", "vd", "d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "f", "q", "ad", "t"}
_ZH_PROPER = {"nr", "ns", "nt", "nz", "nrt", "nrfg", "eng", "nw"}


def _ngrams(tokens: list[Token], max_n: int) -> Iterable[tuple[int, int]]:
    """(i, n) for every n-gram that crosses no boundary, neither starts nor ends with a function word and
    has inside only function words that may link the words of a noun phrase."""
    for i in range(len(tokens)):
        if tokens[i].func:
            continue
        for n in range(1, max_n + 1):
            j = i + n - 1
            if j >= len(tokens) or (n > 1 and tokens[j].brk) or not tokens[j].link:
                break
            if tokens[j].func:
                continue
            yield i, n


def _nominal_compound(toks: list[Token], i: int, n: int) -> bool:
    """Nouns and a two-character verb used as one noun (推动⟦经济复苏⟧的, "economic recovery"): after a
    verb, a preposition or a noun, and before 的 or a boundary; not a subject and its verb (数据显示,
    "data shows", at the start of a clause; 全新的故事展开, "the story unfolds", after 的), nor a clause
    with an object after the verb or a verb inside (文化助推文旅升温)."""
    last = toks[i + n - 1]
    if n < 2 or last.pos != "v" or len(last.text) != 2 or toks[i + n - 2].pos not in ("n", "vn") \
            or len(toks[i + n - 2].text) != 2 or i == 0 \
            or not all(t.pos in _ZH_NAME_PARTS and not t.brk for t in toks[i:i + n - 1]):
        return False
    before = toks[i - 1]
    nxt = toks[i + n] if i + n < len(toks) else None
    return before.pos in ("v", "p", "n") and (nxt is None or nxt.brk or nxt.text == "的")


def _title_edge(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` lie inside a book title (《…》 on one line) and open or close it?"""
    before, after = text[start - 1:start], text[end:end + 1]
    if before != "《" and after != "》":
        return False
    opening = text.rfind("《", 0, start)
    closing = text.find("》", end)
    return opening >= 0 and closing >= 0 and "》" not in text[opening + 1:start] and "《" not in text[end:closing] \
        and "\n" not in text[opening:closing]


def _specific_source(toks: list[Token], lang: str, text: str) -> bool:
    if all(t.text.isdigit() for t in toks):
        return False
    if lang in _UNSPACED and toks[0].pos:  # Chinese, and Japanese and Korean with the same tags
        if toks[-1].pos not in _ZH_TERM_END or toks[0].pos in _ZH_BAD_START:
            # The part of a title that opens or closes it (老师好 of 《叮咚上线!老师好》) names the work.
            return len(toks) >= 2 and _title_edge(text, toks[0].start, toks[-1].end)
        return len(toks) >= 2 or len(toks[0].text) >= 4 or (toks[0].pos in _ZH_PROPER and len(toks[0].text) >= 2)
    if lang in _UNSPACED:
        return len(toks) >= 2 or len(toks[0].text) >= 3
    if len(toks) >= 2:
        # A time expression ("last week", « l'année dernière ») is a date, not a term.
        time = time_words(lang)
        if time and all(t.func or t.key in time or t.text.lower() in time for t in toks):
            return False
        if lang == "en" and _opens_with_adverb(toks):
            return False
        return any(len(t.text) >= 4 and not t.func for t in toks)
    word = toks[0].text
    # A single word must be a name or an acronym, not a common noun such as « pays ».
    return (word.isupper() and len(word) >= 2) or (word[:1].isupper() and not _sentence_initial(text, toks[0]))


_ADJECTIVE_ENDINGS = ("ic", "ous", "ive", "al", "ful", "less", "able", "ible", "ish", "ant", "ent", "ed")


# Endings of English adverbs that no noun or adjective of the length given has ("compulsorily", "allegedly",
# "reportedly", "fully", "dangerously", "probably"; not "family", "rally", "daily", "elderly", "friendly").
_ADVERB_ENDINGS = (("ily", 8), ("ally", 7), ("ously", 7), ("ively", 7), ("ently", 7), ("antly", 7), ("fully", 5),
                   ("lessly", 8), ("edly", 7), ("ably", 6), ("ibly", 6))


def _opens_with_adverb(toks: list[Token]) -> bool:
    """An English candidate opened by an adverb in -ly: a term is a noun phrase, which no adverb opens. The
    adverb is one by its ending ("compulsorily question" of "to compulsorily question suspects", WMT 2021
    en-de), or any word in -ly before an adjective ("frankly shambolic", "highly contagious", "deeply
    concerned"; nouns in -ly, "family", "supply", "assembly", end no such pair)."""
    first, last = toks[0].text, toks[-1].text
    if not first.islower() or not first.endswith("ly"):
        return False
    return any(first.endswith(end) and len(first) >= n for end, n in _ADVERB_ENDINGS) or (
        len(first) >= 5 and last.islower() and last.endswith(_ADJECTIVE_ENDINGS))


# Short Chinese nouns (高温, 士官, 疫情; abbreviations such as 中共, 央视) are too common to be terms by
# their form alone; one is a term when the translation renders it by something specific (below).
_ZH_SHORT_NOUN = {"n", "vn", "j", "nz"}


RARE_PER_MILLION = 60.0  # a short noun rarer than this in jieba's dictionary is a technical noun


def _short_noun(tok: Token) -> bool:
    """A short noun that is rare in the language (jieba's dictionary counts: 士官, 高温, 舰队, 央视, not
    经济, 群众, 双方): a technical noun, a term candidate."""
    return tok.pos in _ZH_SHORT_NOUN and 2 <= len(tok.text) <= 3 and _per_million(tok.text) < RARE_PER_MILLION


@lru_cache(maxsize=100_000)
def _per_million(word: str) -> float:
    from ..segment import _jieba

    dictionary = _jieba().dt
    return dictionary.FREQ.get(word, 0) / max(1, dictionary.total) * 1e6


def _specific_rendering(term: "_Term") -> bool:
    """Is the dominant rendering specific enough to make a term of a short common noun: a multi-word
    expression ("high temperature", "COVID-19 epidemic", "Communist Party of China"), a name or an
    acronym ("CCTV")? A single common word ("epidemic", "economy") is not."""
    words = [t for t in term.dom_tokens if t.content]
    if len(words) >= 2:
        return True
    return len(words) == 1 and _marked(words[0])


def _specific_skeleton(skel: tuple[str, ...], term: "_Term", tgt: "_Side") -> bool:
    """Could a rendering of this skeleton be specific (_specific_rendering): several words, or one
    written with a capital inside a sentence or as an acronym in one of the term's units?"""
    if len(skel) >= 2:
        return True
    return any(t.key == skel[0] and _marked(t) for u in term.units for t in tgt.tokens[u])


def _sentence_initial(text: str, tok: Token) -> bool:
    before = text[max(0, tok.start - 3): tok.start].strip(" \"'«“„(《「")
    return before == "" or before[-1:] in ".!?:\n"


# --- the document index ----------------------------------------------------------------------------------


class _Side:
    """The tokens of one side per unit and the units where each key occurs."""

    def __init__(self, tokens: dict[int, list[Token]], text: str):
        self.tokens = tokens
        self.text = text
        self.units: dict[str, set[int]] = defaultdict(set)
        for k, toks in tokens.items():
            for t in toks:
                self.units[t.key].add(k)
        self._ngram_units: dict[tuple[str, ...], frozenset[int]] = {}
        self._named: Optional[dict[str, bool]] = None
        self._windows: dict[int, list[tuple[int, int, tuple[str, ...]]]] = {}
        self._content_keys: dict[int, frozenset[str]] = {}
        self._capitalised: dict[int, list[tuple[str, str]]] = {}
        self._starts: dict[int, tuple[dict[int, int], dict[int, int]]] = {}
        self._units_like: dict[tuple[str, str], set[int]] = {}
        self._copy_index: Optional[dict[str, list[tuple[str, str]]]] = None
        self._copied_by: dict[str, list[str]] = {}
        self._quotes: Optional[list[tuple[int, int]]] = None

    def quotes(self) -> list[tuple[int, int]]:
        """The quoted spans of the side's text (``_quote_spans``), found once."""
        if self._quotes is None:
            self._quotes = _quote_spans(self.text)
        return self._quotes

    def units_like(self, t: Token) -> set[int]:
        """The units where ``t``'s key occurs in a form with the same beginning as ``t``'s: "drive" (the
        noun) is not found where only "drove" (of the verb) is, though the lemma is one."""
        units = self.units[t.key]
        if len(units) < 2:
            return units
        head = fold(t.text)[:3]
        got = self._units_like.get((t.key, head))
        if got is None:
            got = self._units_like[(t.key, head)] = {u for u in units if any(
                x.key == t.key and fold(x.text)[:3] == head for x in self.tokens[u])}
        return got

    def copied_by(self, fk: str) -> list[str]:
        """The keys of this side's words that the folded word ``fk`` (of four letters or more) copies
        (``_copy_of``), worked out once per word."""
        got = self._copied_by.get(fk)
        if got is None:
            index = self.copy_index()
            got = [s for f, s in index.get(fk[:3], ()) if _copy_of(fk, f)]
            if len(fk) >= 5:  # one letter off in the first three: the last two kept, the length within one
                tail = fk[-2:].upper()
                got += [s for n in (len(fk) - 1, len(fk), len(fk) + 1) for f, s in index.get(f"{tail}{n}", ())
                        if f[:3] != fk[:3] and _one_edit(fk, f)]
            self._copied_by[fk] = got
        return got

    def copy_index(self) -> dict[str, list[tuple[str, str]]]:
        """(folded word, key) of the side's words of four Latin letters or more, by their first three
        letters (a cognate shares four; a word one letter off from the fourth on shares three) and by
        their last two, in capitals, with their length (a word of five or more one letter off in its
        first three keeps them, its length within one): what a copy may copy."""
        if self._copy_index is None:
            index: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for key in self.units:
                f = fold(key)
                if len(f) >= 4 and f.isascii() and f.isalpha():
                    index[f[:3]].append((f, key))
                    if len(f) >= 5:
                        index[f"{f[-2:].upper()}{len(f)}"].append((f, key))
            self._copy_index = dict(index)
        return self._copy_index

    def content_keys(self, u: int) -> frozenset[str]:
        """The keys of the content words of unit ``u``."""
        got = self._content_keys.get(u)
        if got is None:
            got = self._content_keys[u] = frozenset(t.key for t in self.tokens[u] if t.content)
        return got

    def capitalised(self, u: int) -> list[tuple[str, str]]:
        """(key, text) of the content words of unit ``u`` written with a capital, three letters or more."""
        got = self._capitalised.get(u)
        if got is None:
            got = self._capitalised[u] = [(t.key, t.text) for t in self.tokens[u]
                                          if t.content and t.text[:1].isupper() and len(fold(t.text)) >= 3]
        return got

    def index_at(self, u: int, start: int = -1, end: int = -1) -> Optional[int]:
        """The index of the token of unit ``u`` that starts at ``start`` (or ends at ``end``)."""
        got = self._starts.get(u)
        if got is None:
            toks = self.tokens[u]
            starts: dict[int, int] = {}
            ends: dict[int, int] = {}
            for i, t in enumerate(toks):
                starts.setdefault(t.start, i)
                ends.setdefault(t.end, i)
            got = self._starts[u] = (starts, ends)
        return got[0].get(start) if start >= 0 else got[1].get(end)

    def windows(self, u: int) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, width, keys) of every 2-4 token window of unit ``u`` that crosses no boundary."""
        got = self._windows.get(u)
        if got is None:
            toks = self.tokens[u]
            keys = [t.key for t in toks]
            got = []
            for i in range(len(toks)):
                for width in (2, 3, 4):
                    if i + width > len(toks) or toks[i + width - 1].brk:
                        break
                    got.append((i, width, tuple(keys[i:i + width])))
            self._windows[u] = got
        return got

    def named(self, key: str) -> bool:
        """Is this word written as a name: a proper-noun tag, or a capital in most of its occurrences
        that do not open a sentence?"""
        if self._named is None:
            # Every word's counts in one pass over the units (per word, a pass over its units each time
            # costs more than this as soon as a few hundred words are asked about).
            inside: Counter = Counter()
            caps: Counter = Counter()
            for toks in self.tokens.values():
                for i, t in enumerate(toks):
                    if t.pos:
                        inside[t.key] += 1
                        caps[t.key] += t.pos in _ZH_PROPER
                    elif i > 0 and not _sentence_initial(self.text, t):
                        inside[t.key] += 1
                        caps[t.key] += t.text[:1].isupper()
            self._named = {k: caps[k] > n / 2 for k, n in inside.items()}
        return self._named.get(key, False)

    def surface(self, tokens: Sequence[Token]) -> str:
        return self.text[tokens[0].start: tokens[-1].end]

    def ngram_units(self, key: tuple[str, ...]) -> frozenset[int]:
        """Units where the lemma sequence ``key`` occurs (crossing no boundary)."""
        got = self._ngram_units.get(key)
        if got is not None:
            return got
        if len(key) == 1:  # a word: its units
            got = self._ngram_units[key] = frozenset(self.units.get(key[0], ()))
            return got
        cands: Optional[set[int]] = None
        for k in sorted(set(key), key=lambda x: len(self.units.get(x, ()))):
            us = self.units.get(k, set())
            cands = set(us) if cands is None else cands & us
            if not cands:
                break
        found = frozenset(u for u in (cands or ()) if _find(self.tokens[u], key))
        self._ngram_units[key] = found
        return found


def _find(tokens: list[Token], key: Sequence[str]) -> list[int]:
    n = len(key)
    first = key[0]
    return [i for i in range(len(tokens) - n + 1)
            if tokens[i].key == first and all(tokens[i + j].key == key[j] for j in range(1, n))
            and not any(tokens[i + j].brk for j in range(1, n))]


def _dice(inter: int, a: int, b: int) -> float:
    return 2 * inter / (a + b) if a + b else 0.0


@lru_cache(maxsize=100_000)
def _chance(inter: int, a: int, b: int, n: int) -> float:
    """Probability that two words found in ``a`` and ``b`` of ``n`` units share ``inter`` or more units
    by chance (hypergeometric tail, as in Fisher's exact test): in a short article, two co-occurrences
    of frequent words prove little."""
    if inter <= 0:
        return 1.0
    total = math.comb(n, b)
    if total == 0:
        return 1.0
    tail = sum(math.comb(a, k) * math.comb(n - a, b - k) for k in range(inter, min(a, b) + 1))
    return tail / total


# --- pass 1: terms and their dominant renderings ---------------------------------------------------------


@dataclass
class _Term:
    key: tuple[str, ...]
    text: str
    occurrences: list[Occurrence]
    units: set[int]
    name: bool = False  # a proper name in the source (jieba tags, or capitalised words)
    assoc: dict[str, float] = field(default_factory=dict)
    dominant: Optional[Rendering] = None
    dom_tokens: list[Token] = field(default_factory=list)  # the tokens of one dominant occurrence
    dom_norm: tuple[str, ...] = ()
    dom_skeleton: tuple[str, ...] = ()
    class_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # unit -> token ranges
    variants: list[Variant] = field(default_factory=list)
    contexts: Optional[tuple[dict, dict]] = None  # see _contexts_of
    ctx_specific: dict = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # what pass 2 derives from the dominant rendering, per term
    short: bool = False  # a short common noun: a term only if its rendering is specific (_specific_rendering)


class _UnitGrams:
    """The n-grams of one unit's source tokens (``_ngrams``), with what is judged per occurrence (a
    specific n-gram, a name) worked out when first asked. They depend on the unit's sentences alone, so
    they are kept per process like the tokens: the batch term memory pools articles whose units the
    drift check of each article has just analysed."""

    __slots__ = ("grams", "_specific", "_name")

    def __init__(self, toks: list[Token], cased: bool):
        grams = []
        for i, n in _ngrams(toks, MAX_SOURCE_N):
            if cased and n == 1:
                word = toks[i].text
                if word[:1].isalpha():
                    grams.append((i, n, (toks[i].key,)))
            else:
                grams.append((i, n, tuple(t.key for t in toks[i: i + n])))
        self.grams = grams
        self._specific: dict[int, bool] = {}
        self._name: dict[int, bool] = {}

    def specific(self, g: int, toks: list[Token], lang: str, text: str) -> bool:
        got = self._specific.get(g)
        if got is None:
            i, n, _ = self.grams[g]
            got = self._specific[g] = _specific_source(toks[i: i + n], lang, text) or (
                lang == "zh" and _nominal_compound(toks, i, n))
        return got

    def name(self, g: int, toks: list[Token]) -> bool:
        got = self._name.get(g)
        if got is None:
            i, n, _ = self.grams[g]
            got = self._name[g] = _is_name(toks[i: i + n])
        return got


_UNIT_GRAMS: dict[tuple[str, tuple[str, ...]], _UnitGrams] = {}
register_cache(_UNIT_GRAMS.clear)


def _unit_grams(lang: str, texts: tuple[str, ...], toks: list[Token], cased: bool) -> _UnitGrams:
    got = _UNIT_GRAMS.get((lang, texts))
    return got if got is not None else remember(_UNIT_GRAMS, (lang, texts), _UnitGrams(toks, cased))


def _source_terms(src: _Side, source: Document, min_units: int, sentences: dict[int, tuple[int, ...]],
                  short_nouns: bool = True) -> list[_Term]:
    """Recurring source n-grams that look like terms. ``sentences``: the source sentence ids of each unit
    (the units' n-grams are kept per process, keyed by the sentences' texts); ``short_nouns``: whether
    rare short Chinese nouns are candidates too."""
    occ_pos: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    pos_key: dict[tuple[int, int, int], tuple[str, ...]] = {}
    text_of: dict[tuple[str, ...], str] = {}
    name_of: dict[tuple[str, ...], bool] = {}
    # A single word of a cased language is a name when it is written with a capital inside a sentence
    # and never in lower case; its sentence-initial occurrences then count too ("Seattle police...").
    cased = source.lang not in _UNSPACED
    capitalised: dict[str, list[Token]] = defaultdict(list)
    lower_seen: set[str] = set()
    short: set[tuple[str, ...]] = set()  # short common nouns: terms only if rendered specifically
    # Every n-gram by key first: most occur in one unit only and cannot become terms, so what is judged
    # per occurrence (a specific n-gram, a name) is judged only for keys found in enough units.
    every: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    grams_of: dict[int, _UnitGrams] = {}
    for k, toks in src.tokens.items():
        ug = grams_of[k] = _unit_grams(source.lang, tuple(source.sentences[i].text for i in sentences[k]), toks, cased)
        for g, (i, n, key) in enumerate(ug.grams):
            if cased and n == 1:
                if toks[i].text[:1].islower():
                    lower_seen.add(key[0])
                elif toks[i].text[:1].isupper() or not toks[i].text[:1].isalpha():
                    capitalised[key[0]].append(toks[i])  # (a word of a script without case is no name by it)
            every[key].append((k, g, n))
    for key, occ in every.items():
        if len(occ) < min_units or len({k for k, _, _ in occ}) < min_units:
            continue
        single = cased and len(key) == 1
        for k, g, n in occ:
            ug = grams_of[k]
            toks = src.tokens[k]
            i = ug.grams[g][0]
            if not single and not ug.specific(g, toks, source.lang, source.text):
                if n != 1 or not short_nouns or not _short_noun(toks[i]):
                    continue
                short.add(key)
            occ_pos[key].append((k, i, n))
            pos_key[(k, i, n)] = key
            if key not in text_of or (single and text_of[key][:1].islower()):
                text_of[key] = source.text[toks[i].start: toks[i + n - 1].end]
            if key not in name_of:
                name_of[key] = ug.name(g, toks)
    capital_inside = {key for key, toks in capitalised.items() if key not in lower_seen and any(
        (t.text.isupper() and len(t.text) >= 2) or not _sentence_initial(source.text, t) for t in toks)}
    candidates = {key for key, occ in occ_pos.items() if len({k for k, _, _ in occ}) >= min_units
                  and (not cased or len(key) > 1 or (key[0] in capital_inside and key[0] not in lower_seen))
                  and not _verb_phrase(occ, src, source.lang)}
    terms = []
    kept: list[tuple[str, ...]] = []
    for key in candidates:
        # Closed n-grams: drop a candidate whose every occurrence lies inside an occurrence of one longer
        # candidate. Only the n-grams covering each occurrence are looked at: linear in the document.
        common: Optional[set[tuple[str, ...]]] = None
        for k, i, n in occ_pos[key]:
            covering = set()
            for i2 in range(max(0, i - MAX_SOURCE_N + 1), i + 1):
                for n2 in range(i + n - i2, MAX_SOURCE_N + 1):
                    if (i2, n2) == (i, n):
                        continue
                    other = pos_key.get((k, i2, n2))
                    if other is not None and other in candidates:
                        covering.add(other)
            common = covering if common is None else common & covering
            if not common:
                break
        if common:
            continue
        kept.append(key)
    if not cased:
        kept = _chains(kept, occ_pos, text_of, name_of, src, source, min_units)
    by_unit = src.tokens
    for key in kept:
        occs = [Occurrence(k, by_unit[k][i].start, by_unit[k][i + n - 1].end) for k, i, n in occ_pos[key]]
        terms.append(_Term(key, text_of[key], occs, {o.unit for o in occs}, name_of[key], short=key in short))
    terms.sort(key=lambda t: (t.occurrences[0].start, t.key))
    return terms


# Parts of speech of the words of a long Chinese name (nouns, names, abbreviations, set phrases: 可可西里 is
# tagged l): a run of candidates with a verb, a number or a particle in it is a repeated clause, not a name.
_ZH_NAME_PARTS = _ZH_PROPER | {"n", "ng", "nl", "vn", "l", "j"}


def _chains(kept: list[tuple[str, ...]], occ_pos: dict, text_of: dict, name_of: dict, src: _Side,
            source: Document, min_units: int) -> list[tuple[str, ...]]:
    """A name longer than MAX_SOURCE_N words (三江源国家公园管理局长江源园区可可西里管理处) comes out as
    overlapping n-grams, each a candidate, none containing the others: where such overlapping candidates
    always occur together, as one run of the same words in every unit, the run is the term."""
    runs: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)  # run key -> (unit, i, n)
    member_of: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)  # candidate -> run keys
    by_unit: dict[int, list[tuple[int, int, tuple[str, ...]]]] = defaultdict(list)
    for key in kept:
        for k, i, n in occ_pos[key]:
            by_unit[k].append((i, i + n, key))
    for k, spans in by_unit.items():
        spans.sort()
        group: list[tuple[int, int, tuple[str, ...]]] = []
        end = -1

        def close() -> None:
            a, b = (group[0][0], max(e for _, e, _ in group)) if group else (0, 0)
            if len(group) >= 2 and b - a > MAX_SOURCE_N \
                    and all(t.pos in _ZH_NAME_PARTS for t in src.tokens[k][a:b]):  # a name: nouns only
                rkey = tuple(t.key for t in src.tokens[k][a:b])
                runs[rkey].append((k, a, b - a))
                for _, _, key in group:
                    member_of[key].add(rkey)
            else:
                for _, _, key in group:
                    member_of[key].add(())  # found outside a long run

        for a, b, key in spans:
            if group and a < end:  # overlaps the run (sharing words, not just touching)
                group.append((a, b, key))
                end = max(end, b)
            else:
                close()
                group = [(a, b, key)]
                end = b
        close()
    good = {r for r, occ in runs.items() if r and len({k for k, _, _ in occ}) >= min_units
            and len({k for k, _, _ in occ}) == len(occ)}
    if not good:
        return kept
    out = []
    for key in kept:
        rk = member_of[key]
        if len(rk) == 1 and next(iter(rk)) in good:
            continue  # inside the run wherever it occurs
        out.append(key)
    for r in sorted(good):
        if r in occ_pos:
            continue
        occ = runs[r]
        k, i, n = occ[0]
        toks = src.tokens[k]
        occ_pos[r] = occ
        text_of[r] = source.text[toks[i].start: toks[i + n - 1].end]
        name_of[r] = _is_name(toks[i:i + n])
        out.append(r)
    return out



# Endings a verb takes in its tenses and a noun phrase's words do not vary by ("offering help" /
# "offered help").
_VERB_ENDINGS = {"en": ("ing", "ed")}


def _verb_phrase(occ: Sequence[tuple[int, int, int]], src: _Side, lang: str) -> bool:
    """A recurring n-gram whose word appears in several tenses (offering / offered) is a verb phrase, not
    a term: a noun phrase's words keep their form ("armed forces", "training programme")."""
    endings = _VERB_ENDINGS.get(lang.split("-")[0])
    if not endings or occ[0][2] < 2:
        return False
    seen: dict[int, set[str]] = defaultdict(set)
    for k, i, n in occ:
        for p, t in enumerate(src.tokens[k][i:i + n]):
            low = t.text.lower()
            for e in endings:
                if low.endswith(e) and low != t.key:
                    seen[p].add(e)
    return any(len(v) >= 2 for v in seen.values())


# One-character nouns that follow a name as its kind (北江省, 韦瑟尔县, 上海市): the name of a place or a
# body, not a foreign name split by the segmenter.
_ZH_KIND_SUFFIXES = set("省市县区州镇乡村国党局部厅委会院所馆团队")


def _other_kinds(term: _Term, src: _Side) -> tuple[dict[int, int], set[int]]:
    """Mentions of a Chinese name followed by another kind of place or body than the one that usually
    follows it (北江市, the city, where the others are 北江省, the province): another thing, rendered
    otherwise ("Bac Giang City"), not a variant of "Bac Giang Province". The term may be the name (北江)
    or the name with its kind (北江省). Returns, per unit, how many of the term's own occurrences are of
    another kind (the name alone as the term), and the units with a mention of another kind."""
    text = src.text
    if term.text[-1:] in _ZH_KIND_SUFFIXES and len(term.text) >= 3:
        # The name with its kind: the units whose source also names the place with another kind word.
        stem, usual = term.text[:-1], term.text[-1]
        units = set()
        for u in term.units:
            toks = src.tokens[u]
            unit_text = text[toks[0].start:toks[-1].end + 1] if toks else ""
            if any(unit_text[m.end():m.end() + 1] in _ZH_KIND_SUFFIXES - {usual}
                   for m in re.finditer(re.escape(stem), unit_text)):
                units.add(u)
        return {}, units
    kinds = [text[o.end:o.end + 1] for o in term.occurrences]
    named = [k for k in kinds if k in _ZH_KIND_SUFFIXES]
    if not named or len(set(named)) < 2:
        return {}, set()
    (usual, n), = Counter(named).most_common(1)
    if 3 * n < 2 * len(kinds):
        return {}, set()
    counts = Counter(o.unit for o, k in zip(term.occurrences, kinds) if k in _ZH_KIND_SUFFIXES and k != usual)
    return dict(counts), set(counts)


def _is_name(span: Sequence[Token]) -> bool:
    """A proper name: every word a proper noun (jieba's tags) or, where there are no tags, written with a
    capital. A one-character common noun after a proper noun that is not a kind of place or body is
    the tail of a foreign name the segmenter split (卢卡|库 for 卢卡库)."""
    words = [t for t in span if not t.func]
    out = True
    for k, t in enumerate(words):
        if not t.pos:
            out = out and t.text[:1].isupper()
        elif t.pos not in _ZH_PROPER:
            out = out and k > 0 and len(t.text) == 1 and t.pos == "n" and t.text not in _ZH_KIND_SUFFIXES \
                and words[k - 1].pos in _ZH_PROPER
    return out


def _neighbours(term: _Term, src: _Side) -> set[str]:
    """Source content words right before or after an occurrence of the term (function words between)."""
    out: set[str] = set()
    for o in term.occurrences:
        toks = src.tokens[o.unit]
        first = src.index_at(o.unit, start=o.start)
        last = src.index_at(o.unit, end=o.end)
        if first is None or last is None:
            continue
        for i, step in ((first - 1, -1), (last + 1, 1)):
            while 0 <= i < len(toks) and toks[i].func and not toks[i].brk:
                i += step
            if 0 <= i < len(toks) and toks[i].content:
                out.add(toks[i].key)
    return out


def _skeleton(tokens: Sequence[Token]) -> tuple[str, ...]:
    return tuple(sorted(t.key for t in tokens if t.content))


def _norm(tokens: Sequence[Token]) -> tuple[str, ...]:
    return tuple(w for t in tokens for w in t.norm.split())


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    cb, cs = Counter(big), Counter(small)
    return all(cb[k] >= v for k, v in cs.items())


def _respelt_units(term: _Term, tgt: _Side, tgt_lang: str, src_folds: Sequence[str]) -> dict[str, set[int]]:
    """Units of the term where a name word of its rendering is spelt otherwise, by word key.

    With three occurrences and one of them misspelt (Moula / Moulla, Lukaku / Lucaku, Shenzhen /
    Shen-zhen), the name is left in two units and a common word of all three wins the association. A
    spelling of a name is the same word for association (lemmas, not forms): the more frequent form
    (in more of the term's units) is credited with the units of the rarer one. The rarer form stays a
    word of its own, so that pass 2 still finds it as a variant. Names are words written with a capital
    inside sentences; where every noun has one (German), only copies of the source term's words."""
    cased_nouns = tgt_lang.split("-")[0] in _NOUN_CAPITALISING
    names: dict[str, tuple[str, set[int]]] = {}
    for u in term.units:
        for key, text in tgt.capitalised(u):
            names.setdefault(key, (text, set()))[1].add(u)
    out: dict[str, set[int]] = {}
    keys = sorted(names, key=lambda k: (-len(names[k][1]), k))
    order = {k: i for i, k in enumerate(keys)}
    initials: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        initials[fold(names[k][0])[:1]].append(k)
    for i, k in enumerate(keys):
        text, where = names[k]
        # A spelling or an accent apart starts with the same letter (see _relation): only those compared,
        # and only rarer forms found where this one is not.
        rarer = [k2 for k2 in initials[fold(text)[:1]] if order[k2] > i
                 and len(names[k2][1]) < len(where) and names[k2][1] - where]
        if not rarer or not (any(_cognate(fold(text), f) for f in src_folds) if cased_nouns else tgt.named(k)):
            continue
        for k2 in rarer:
            text2, where2 = names[k2]
            if _relation(text2, text, tgt_lang) in ("spelling", "orthography"):
                out.setdefault(k, set()).update(where2 - where)
    return out


# Titles before a name (lower-cased token keys): on a tie, a name renders a name, not its title.
_HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady herr frau m mme mlle sr sra srta don doña".split())


def _dominant(term: _Term, src: _Side, tgt: _Side, src_lang: str, tgt_lang: str,
              exclude: frozenset[str] = frozenset()) -> None:
    """The term's dominant rendering (pass 1); ``exclude``: target keys that may not be part of it."""
    units = term.units
    src_folds = [fold(w) for w in term.text.split() if len(fold(w)) >= 3] if term.key[0].isascii() else []
    respelt = _respelt_units(term, tgt, tgt_lang, src_folds)

    def units_of(key: str) -> set[int]:
        extra = respelt.get(key)
        return tgt.units[key] | extra if extra else tgt.units[key]

    counts: Counter = Counter()
    for u in units:
        counts.update(tgt.content_keys(u))
    for key, extra in respelt.items():
        counts[key] += len(extra)
    assoc = {}
    for key, inter in counts.items():
        if inter >= 2:
            d = _dice(inter, len(units), len(units_of(key)))
            if d >= TOKEN_DICE and key not in exclude:
                assoc[key] = d
    # Competitive linking (Melamed 2000, "Models of translational equivalence"): a target word that
    # another source word of these units explains better (a higher Dice, and as high a share of its units)
    # is that word's translation, not part of this term's rendering (« renforcement » goes with 建设, not
    # with 人工智能). A target word another source word explains exactly as well is ambiguous ("Staat"
    # for "Islamic" in "Islamic State"): it stays only if nothing else is left.
    tied: set[str] = set()
    first_assoc = dict(assoc)

    def pick(assoc: dict[str, float]) -> Optional[tuple[float, tuple[str, ...], dict, dict]]:
        """The dominant skeleton from these associated words: (Dice, skeleton, classes, members)."""
        # Candidate renderings: n-grams of associated content words (function words inside).
        members: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
        for u in units:
            toks = tgt.tokens[u]
            for i, t in enumerate(toks):
                if t.key not in assoc or not t.content:
                    continue
                for n in range(1, MAX_TARGET_N + 1):
                    j = i + n - 1
                    if j >= len(toks) or (n > 1 and toks[j].brk):
                        break
                    tj = toks[j]
                    if not tj.link:
                        break
                    if not tj.content:
                        continue
                    if tj.key not in assoc:
                        break
                    members[tuple(x.key for x in toks[i: j + 1])].append((u, i, n))
        copied_keys: dict[str, bool] = {}

        def copies(key: str) -> bool:
            got = copied_keys.get(key)
            if got is None:
                got = copied_keys[key] = any(_cognate(fold(key), f) or _shares_stem(fold(key), f) for f in src_folds)
            return got

        classes: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        for mkey, occ in members.items():
            classes[_skeleton(tgt.tokens[occ[0][0]][occ[0][1]: occ[0][1] + occ[0][2]])].append(mkey)
        scored = []
        for skel, mkeys in classes.items():
            inside = {u for m in mkeys for u, _, _ in members[m]}
            if len(inside) < 2:
                continue
            everywhere: set[int] = set()
            for m in mkeys:
                everywhere |= tgt.ngram_units(m)
            # Units where the group's words are all there, some of them spelt otherwise (see _respelt_units).
            if respelt and any(k in respelt for k in skel):
                for u in units - inside:
                    keys_u = {t.key for t in tgt.tokens[u]}
                    if all(k in keys_u or u in respelt.get(k, ()) for k in skel):
                        inside.add(u)
                        everywhere.add(u)
            # Written as a name in most of its occurrences (a headline in title case is one of them).
            found = [o for m in mkeys for o in members[m]]
            named = sum(all(t.text[:1].isupper() or not t.text[:1].isalpha()
                            for t in tgt.tokens[u][i: i + n] if t.content) for u, i, n in found)
            looks_named = named > len(found) / 2
            # A copy of the source words (a name kept as it is, a cognate) is very likely the rendering.
            copy = bool(src_folds) and any(copies(t.key) for t in tgt.tokens[found[0][0]][found[0][1]: found[0][1] + found[0][2]]
                                           if t.content)
            dice = _dice(len(inside), len(units), len(everywhere))
            scored.append((round(dice + (COPY_BONUS if copy else 0.0), 6), len(skel), skel, term.name and looks_named,
                           len(found), all(k in _HONORIFICS for k in skel)))
        if not scored:
            return None
        term.memo["scored"] = scored
        # Best Dice; on a tie, a name is rendered by a name (上海: "Shanghai", not "state-owned assets"),
        # then by words the term alone accounts for ("Tianjin University", not "… Task Force at Tianjin
        # University"), then the larger skeleton, then the one written more often (four
        # „Rekonvaleszenzplasma“ in three units beat three „Genesungsplasma“ in three), then not a title alone
        # ("Cheung", not "Mr", in "Mr. Matthew Cheung" and "Mr. Cheung"), then by the words (a fixed order).
        scored.sort(key=lambda x: (-x[0], not x[3], sum(k in tied for k in x[2]), -x[1], -x[4], x[5], x[2]))
        # Names render names: for a name term, in a language where only names take a capital, a phrase
        # written as a name beats a common word that happens to share more units ("year" for 马来西亚 when
        # one of three "Malaysia" is misspelt), provided it is itself well associated.
        if term.name and not scored[0][3] and tgt_lang.split("-")[0] not in _NOUN_CAPITALISING | _UNSPACED:
            named = [x for x in scored if x[3] and x[0] >= max(MIN_DICE, 0.5 * scored[0][0])]
            if named:
                scored.remove(named[0])
                scored.insert(0, named[0])
        if term.name and src_folds and len(scored) > 1 and len(scored[0][2]) == 1:
            # A name the source spells and the translation keeps: its exact copy ("Chengdu" twice) beats a
            # respelling the target language does not know ("Chendu" three times), however often written.
            exact = [x for x in scored if len(x[2]) == 1 and fold(x[2][0]) in src_folds and x[0] >= MIN_DICE]
            if exact and fold(scored[0][2][0]) not in src_folds and _unknown_respelling(scored[0][2][0], src_folds, tgt_lang):
                scored.remove(exact[0])
                scored.insert(0, exact[0])
        best_dice, _, best, best_named, *_ = scored[0]
        if best_dice < MIN_DICE:
            return None
        top = best_dice
        # A name written as a name does not grow by words written in lower case ("Lukaku", not "Lukaku
        # scored"). In German, where every noun takes a capital too, a word in lower case is no noun either:
        # a name grows by nouns („Flughafen Sydney“), never by a verb („Cruz sagte“).
        # (Names of persons and places: an organisation's name has common words, "Shanghai state assets
        # commission" for 上海国资委, tagged nt.)
        o = term.occurrences[0]
        organisation = any(t.pos in ("nt", "nz", "j") for t in src.tokens[o.unit] if o.start <= t.start < o.end)
        names_only = best_named and not organisation and tgt_lang.split("-")[0] not in _UNSPACED
        while True:
            # Grow only by words the term alone accounts for: an ambiguous word (another source word explains
            # it as well) may make a rendering when nothing else does, never lengthen one.
            bigger = [(size, d, skel) for d, size, skel, named, *_ in scored
                      if size > len(best) and d >= GROW_RATIO * top and _contains(skel, best)
                      and not (set(skel) - set(best)) & tied and (named or not names_only)]
            if not bigger:
                break
            _, best_dice, best = max(bigger)
        return best_dice, best, classes, members

    if term.short:
        # A short noun is a term only if its rendering is specific (_specific_rendering): the rendering
        # picked before competitive linking tells, at a fraction of its cost.
        pre = pick(assoc) if assoc else None
        if pre is None or not _specific_skeleton(pre[1], term, tgt):
            return
    if assoc:
        own = set(term.key)
        rivals = set().union(*(src.content_keys(u) for u in units)) - own
        # By their unit counts: a rival whose count is too far from a target word's cannot reach the Dice
        # the loop below asks for (at least own_best - 0.05), whatever the units they share.
        by_count = sorted((len(src.units[s]), s) for s in rivals)
        counts_sorted = [c for c, _ in by_count]
        own_words = [k for k in own if k in src.units and k not in stopwords(src_lang)]
        n_units = len(tgt.tokens)
        neighbours = _neighbours(term, src)
        # Names translate names: a target word written as a name, for a name term, can only be taken
        # by a source word that is a name too (not by 多 "many", which shares its three units with
        # "Alipay"). German writes every noun with a capital, so there the rule says nothing.
        names_protected = term.name and tgt_lang.split("-")[0] != "de"
        own_folds = [fold(k) for k in own]
        for key in list(assoc):
            t_units = units_of(key)
            fk = fold(key)
            # Source words outside the term that the target word may copy (a name kept as it is or respelt).
            if len(fk) >= 4 and any(s in rivals and len(src.units[s] & t_units & units) >= 2 for s in src.copied_by(fk)) \
                    and not any(_copy_of(fk, f) for f in own_folds):
                # "Chendu" copies the source's "Chengdu", not a word of "US consulate".
                del assoc[key]
                continue
            own_inter = len(units & t_units)
            # A word of the term may explain the target word better than the whole term does
            # ("president" → „Präsident“ in "President of the Republic").
            own_best = max([assoc[key]] + [_dice(len(src.units[k] & t_units), len(src.units[k]), len(t_units))
                                           for k in own_words])
            own_chance = _chance(own_inter, len(units), len(t_units), n_units)
            # A copy of the term's own words (a name kept as it is, a cognate) is its rendering, whatever
            # else shares its units ("Mr" with "Pilot" in "Mr Pilot").
            copied = any(_cognate(fold(key), f) for f in src_folds)
            protect = (names_protected and tgt.named(key)) or copied
            lt = len(t_units)
            floor = own_best - 0.05
            if floor > 0:
                # 2 min(ls, lt) / (ls + lt) >= floor  <=>  floor lt / (2 - floor) <= ls <= (2 - floor) lt / floor;
                # one more on each side for rounding, the exact test below.
                lo = bisect.bisect_left(counts_sorted, max(2, floor * lt / (2 - floor) - 1))
                hi = bisect.bisect_right(counts_sorted, (2 - floor) * lt / floor + 1)
            else:
                lo, hi = bisect.bisect_left(counts_sorted, 2), len(by_count)  # two shared units at least
            for ls, s in by_count[lo:hi]:
                if 2 * min(ls, lt) / (ls + lt) < floor:
                    continue
                s_units = src.units[s]
                inter = len(s_units & t_units)
                if inter < 2 or inter / len(s_units) < own_inter / len(units) - 0.1:
                    continue
                d = _dice(inter, len(s_units), len(t_units))
                # The rival must also be surely associated: in a short article, two shared units make a
                # perfect Dice by chance (条例 and "Shenzhen" in the headline and the dateline).
                rival_chance = _chance(inter, len(s_units), len(t_units), n_units)
                if d > own_best + 0.05 and rival_chance * 4 <= own_chance:
                    if protect and not (src.named(s) and not (copied and not _cognate(fold(s), fold(key)))):
                        tied.add(key)  # kept, as an ambiguous word
                        continue
                    del assoc[key]
                    tied.discard(key)
                    break
                if d >= own_best - 0.05 and (rival_chance <= CHANCE or s in neighbours) \
                        and not (protect and not src.named(s) and not (s in neighbours and d > own_best + 0.05)) \
                        and not (copied and not _cognate(fold(s), fold(key))):
                    # A tie by chance (中方 and « inclusif » in three of six units) is none; a word
                    # next to the term (State of "Islamic State", 国资 of 上海国资) ties at once.
                    tied.add(key)
        if tied and set(assoc) - tied:
            for key in tied:
                del assoc[key]
            tied = set()
    term.assoc = assoc
    if not assoc:
        return
    linked_away = {k: d for k, d in first_assoc.items() if k not in assoc}


    got = pick(assoc)
    if got is None:
        return
    # A word linked away that stands right next to the rendering wherever it occurs, in two of the
    # term's units at least, is part of it: where a term is found three times and one rendering was
    # changed, a source word next to it in the other two (解除 of 解除医学观察) explains "medical" of
    # "medical observation" better by the count alone.
    beside = _beside(got[1], got[2], got[3], linked_away, term, src, tgt)
    if beside:
        again = pick({**assoc, **{k: linked_away[k] for k in beside}})
        if again is not None and set(got[1]) | beside <= set(again[1]):
            got = again
    _apply_dominant(term, *got, tgt, tgt_lang)


def _apply_dominant(term: _Term, best_dice: float, best: tuple[str, ...], classes: dict, members: dict,
                    tgt: _Side, tgt_lang: str) -> None:
    """Make the skeleton ``best`` the term's dominant rendering: its occurrences, usual text, and the
    near-variants among its other forms."""
    term.memo["pool"] = (classes, members)
    # Occurrences of the group in the term's units: minimal, non-overlapping.
    occs: list[tuple[int, int, int]] = sorted({o for m in classes[best] for o in members[m]}, key=lambda o: (o[2], o[0], o[1]))
    kept: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for u, i, n in occs:
        if any(not (i + n <= a or b <= i) for a, b in kept[u]):
            continue
        kept[u].append((i, i + n))
    term.class_spans = dict(kept)
    by_form: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    for u, spans in kept.items():
        for a, b in spans:
            by_form[_norm(tgt.tokens[u][a:b])].append((u, a, b))
    form, where = max(by_form.items(), key=lambda kv: (len(kv[1]), -min(tgt.tokens[u][a].start for u, a, _ in kv[1])))
    where.sort(key=lambda x: tgt.tokens[x[0]][x[1]].start)
    surfaces: Counter = Counter()
    first_at: dict[str, int] = {}
    for u, a, b in where:
        toks = tgt.tokens[u]
        text = tgt.surface(toks[a:b])
        surfaces[text] += 1
        first_at.setdefault(text, toks[a].start)
    text = max(surfaces, key=lambda s: (surfaces[s], -first_at[s]))
    u0, a0, b0 = next((u, a, b) for u, a, b in where if tgt.surface(tgt.tokens[u][a:b]) == text)
    term.dominant = Rendering(tuple(t.key for t in tgt.tokens[u0][a0:b0]), text,
                              [Occurrence(u, tgt.tokens[u][a].start, tgt.tokens[u][b - 1].end) for u, a, b in where],
                              round(best_dice, 3))
    term.dom_tokens = tgt.tokens[u0][a0:b0]
    term.dom_norm = form
    term.dom_skeleton = best
    # The same lemmas written otherwise (Bei-jing / Beijing): a near-variant, unless only the case differs.
    dom_fold = fold(text)
    for u, a, b in where:
        s = tgt.surface(tgt.tokens[u][a:b])
        if s.lower() != text.lower() and fold(s) == dom_fold and surfaces[s] < surfaces[text] \
                and not _same_lemmas(s, text, tgt_lang):
            toks = tgt.tokens[u]
            term.variants.append(Variant(u, toks[a].start, toks[b - 1].end, s, 0.6, "orthography", "near"))
    # Near-variants: the same skeleton in another form, when the dominant form is clearly the usual one.
    paraphrase_ok = _common_phrase(term.dom_tokens, tgt_lang)
    coords = coordinators(tgt_lang)
    dom_words = {t.text.lower() for t in term.dom_tokens}
    dom_order = [t.key for t in term.dom_tokens if t.content]
    for other, owhere in by_form.items():
        if other == form or len(where) < 2 or len(owhere) >= len(where):
            continue
        for u, a, b in owhere:
            toks = tgt.tokens[u]
            # "cluster of industrial parks" / "industrial park clusters": one term. So too where the
            # dominant rendering is written as a name and this one, in another order, as common nouns
            # ("alliance of exhibitors" for "Exhibitor Alliance"): a description, not the name respelt.
            order = [t.key for t in toks[a:b] if t.content]
            if (paraphrase_ok or _common_phrase(toks[a:b], tgt_lang)) and order != dom_order \
                    and _swapped(order, dom_order):
                continue
            if any(t.text.lower() in coords and t.text.lower() not in dom_words for t in toks[a:b]):
                continue  # "parks and industrial clusters": two things, not "industrial park clusters"
            how = "word order" if sorted(other) == sorted(form) else "linking words"
            term.variants.append(Variant(u, toks[a].start, toks[b - 1].end, tgt.surface(toks[a:b]), 0.6,
                                         how, "near"))


def _inside_key(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _nested_shrunk(terms: list[_Term], src: _Side, tgt: _Side, src_lang: str, tgt_lang: str) -> None:
    """A term found inside a longer term in most of its units, with the longer term's dominant rendering
    ("Islamic" in "Islamic State" ×3 and "Islamic holiday" ×1, both rendered „Islamischer Staat“): the words
    of that rendering its other units lack render the longer term's other words („Staat“ is State's), so its
    rendering is picked again without them („Islamischer“; then „islamischen Feiertag“ is no drift)."""
    by_skeleton: dict[tuple[str, ...], list[_Term]] = defaultdict(list)
    for t in terms:
        if t.dominant is not None and t.dom_skeleton:
            by_skeleton[t.dom_skeleton].append(t)
    for group in by_skeleton.values():
        if len(group) < 2:
            continue
        for short in group:
            for long in group:
                if long is short or len(long.key) <= len(short.key) or not _inside_key(short.key, long.key):
                    continue
                outside = short.units - long.units
                if not outside or 2 * len(outside) > len(short.units):
                    continue
                have = {t.key for u in outside for t in tgt.tokens[u]}
                extra = frozenset(short.dom_skeleton) - have
                if not extra or extra == frozenset(short.dom_skeleton):
                    continue
                before, assoc = short.dom_skeleton, short.assoc
                _dominant(short, src, tgt, src_lang, tgt_lang, exclude=extra)
                if short.dom_skeleton == before:
                    short.assoc = assoc  # nothing else to pick: the rendering stays as it was
                break


def _joint_dominants(terms: list[_Term], src: _Side, tgt: _Side, tgt_lang: str) -> None:
    """Renderings of terms found in exactly the same units, assigned jointly.

    Two terms always seen together (中国政府 and 网络安全的坚定维护者 in three units of "中国政府是网络安全的
    坚定维护者") share every associated target word: each word ties between them, nothing may grow a
    rendering, and each term is left with one word of the pair's phrases ("Chinese", "defender"). When
    the longest skeletons associated with them (no larger one contains them, within GROW_RATIO of the
    best Dice, each mostly a skeleton with the best Dice) are exactly as many as the terms and the other
    source words found in those units alone, and in every unit that holds them all their order in the
    target is the order of the terms and words in the source, the k-th term takes the k-th skeleton ("Chinese
    government", "staunch defender of cyber security")."""
    groups: dict[frozenset[int], list[_Term]] = defaultdict(list)
    for t in terms:
        if t.dominant is not None and "scored" in t.memo and "pool" in t.memo:
            groups[frozenset(t.units)].append(t)
    for units, group in groups.items():
        if len(group) < 2:
            continue
        scored = {skel: dice for t in group for dice, _, skel, *_ in t.memo["scored"]}
        top = max(scored.values())
        # Within GROW_RATIO of the best, most of it a core found with the best Dice ("firm defender of
        # cyber security" around "defender of cyber security" where one unit has "company defender"; not
        # "always opposed any form of cyber", which the source's 一贯反对 explains in two of three units).
        cores = [sk for sk, d in scored.items() if d >= top - 1e-9]
        cands = [sk for sk, d in scored.items() if d >= GROW_RATIO * top
                 and any(2 * len(c) > len(sk) and _contains(sk, c) for c in cores)]
        maximal = [sk for sk in cands if not any(o != sk and _contains(o, sk) for o in cands)]
        # Source words of the same units outside the terms (发言人, "spokesperson") take a skeleton too.
        inside_terms = _spans_by_unit(o for t in group for o in t.occurrences)
        extra_keys = sorted({tok.key for u in units for tok in src.tokens[u]
                             if tok.content and src.units.get(tok.key) == units
                             and not _inside(tok.start, inside_terms.get(u, ()))})
        if len(maximal) != len(group) + len(extra_keys) or any(
                not all(sk in t.memo["pool"][0] for sk in maximal) for t in group):
            continue
        classes, members = group[0].memo["pool"]
        first_at = {sk: {} for sk in maximal}  # skeleton -> unit -> first token index
        for sk in maximal:
            for m in classes[sk]:
                for u, i, _ in members[m]:
                    first_at[sk][u] = min(i, first_at[sk].get(u, i))
        source_order = None
        target_order = None
        agree = 0
        for u in units:
            if not all(u in first_at[sk] for sk in maximal):
                continue
            starts = [min(o.start for o in t.occurrences if o.unit == u) for t in group] + [
                min(tok.start for tok in src.tokens[u] if tok.key == key) for key in extra_keys]
            if len(set(starts)) < len(starts):
                break
            by_source = sorted(range(len(starts)), key=lambda k: starts[k])
            by_target = sorted(maximal, key=lambda sk: first_at[sk][u])
            if source_order is None:
                source_order, target_order = by_source, by_target
            elif (by_source, by_target) != (source_order, target_order):
                break
            agree += 1
        else:
            if agree < 2 or source_order is None or target_order is None:
                continue
            for k, sk in zip(source_order, target_order):
                if k >= len(group):
                    continue  # a source word's
                term = group[k]
                term.memo["joint"] = True
                if term.dom_skeleton == sk:
                    continue
                term.variants = []
                _apply_dominant(term, scored[sk], sk, *term.memo["pool"], tgt, tgt_lang)


def _head_added(term: _Term, terms: list[_Term], tgt: _Side) -> None:
    """The head noun a rendering stops before, when it is a word of the whole document ("exhibition" in
    an article about an exhibition is associated with no term): the same word right after the
    rendering, written alike, in two of its occurrences at least and most of them ("Graduates' Art
    ⟦Exhibition⟧"), and no word of another term's rendering. The occurrences followed by another word
    are then no longer the dominant rendering: the head changed there ("graduate art expo")."""
    spans = [(u, a, b) for u, sp in term.class_spans.items() for a, b in sp]
    if len(spans) < 3 or (term.name and not all(t.text[:1].isupper() for t in term.dom_tokens if t.content)):
        return  # a name rendered by common words is no rendering to grow ("anti-subsidy" for 美国)
    follow: Counter = Counter()
    after: dict[tuple[int, int, int], Optional[str]] = {}
    for u, a, b in spans:
        toks = tgt.tokens[u]
        t = toks[b] if b < len(toks) else None
        ok = t is not None and not t.brk and t.content and t.text[:1].isupper() == toks[b - 1].text[:1].isupper()
        after[(u, a, b)] = t.key if ok else None
        if ok:
            follow[t.key] += 1
    if not follow:
        return
    w, n = follow.most_common(1)[0]
    if n < 2 or 2 * n <= len(spans) or any(k is None for k in after.values()) or w in term.dom_skeleton:
        return
    for other in terms:
        if other is not term and other.dominant is not None and w in other.dom_skeleton:
            return
    _grown(term, [(u, a, b + 1) for (u, a, b), k in after.items() if k == w], tgt)


def _grown(term: _Term, where: list[tuple[int, int, int]], tgt: _Side) -> None:
    """Make the token spans ``where`` (unit, first, end) the term's dominant rendering, the text written most
    often the usual text; variants found so far stay only in units that keep the rendering."""
    kept: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for u, a, b in where:
        kept[u].append((a, b))
    where.sort(key=lambda x: tgt.tokens[x[0]][x[1]].start)
    # Its usual text: the surface written most often (the first written on a tie), as _apply_dominant says.
    surfaces = Counter(tgt.surface(tgt.tokens[u][a:b]) for u, a, b in where)
    usual = max(surfaces, key=lambda t: surfaces[t])  # max keeps the first of equals: the first written
    u0, a0, b0 = next((u, a, b) for u, a, b in where if tgt.surface(tgt.tokens[u][a:b]) == usual)
    toks0 = tgt.tokens[u0][a0:b0]
    term.class_spans = dict(kept)
    assert term.dominant is not None
    term.dominant = Rendering(tuple(t.key for t in toks0), tgt.surface(toks0),
                              [Occurrence(u, tgt.tokens[u][a].start, tgt.tokens[u][b - 1].end) for u, a, b in where],
                              term.dominant.dice)
    term.dom_tokens = toks0
    term.dom_norm = _norm(toks0)
    term.dom_skeleton = _skeleton(toks0)
    term.variants = [v for v in term.variants if v.unit in kept]


def _given_name_added(term: _Term, terms: list[_Term], tgt: _Side) -> None:
    """The given name a name's rendering stops after: the same capitalised word right before the rendering
    in two of its occurrences at least and most of them, and a respelling of it before all the others
    ("⟦Tony⟧ Blair" where the source says "Mr Blair" or "Blair", and "Toni Blair" once). The rendering
    grows by it, so the respelt given name is a variant. Any other word before one occurrence (a title,
    a shorter mention, the same word inflected) leaves the rendering as it is."""
    spans = [(u, a, b) for u, sp in term.class_spans.items() for a, b in sp]
    if len(spans) < 3 or not all(t.text[:1].isupper() for t in term.dom_tokens if t.content):
        return
    before: dict[tuple[int, int, int], Token] = {}
    for u, a, b in spans:
        toks = tgt.tokens[u]
        if a == 0 or toks[a].brk:
            return
        p = toks[a - 1]
        if not (p.content and p.text[:1].isupper() and p.text.isalpha()):
            return
        before[(u, a, b)] = p
    count = Counter(p.key for p in before.values())
    w, n = count.most_common(1)[0]
    if n < 2 or 2 * n <= len(spans) or w in term.dom_skeleton:
        return
    w_fold = fold(next(p.text for p in before.values() if p.key == w))
    for p in before.values():
        f = fold(p.text)
        if p.key != w and (len(f) < 4 or not _one_edit(f, w_fold) or f.startswith(w_fold) or w_fold.startswith(f)):
            return  # another word, or the same one inflected („Kanzlers Scholz“): no given name
    if len(count) == 1:
        return  # the given name is there every time: nothing to find
    for other in terms:  # the word is another term's rendering, unless that term renders the same name
        if other is not term and other.dominant is not None and w in other.dom_skeleton \
                and not set(term.dom_skeleton) <= set(other.dom_skeleton):
            return
    _grown(term, [(u, a - 1, b) for (u, a, b), p in before.items() if p.key == w], tgt)
    for (u, a, b), p in before.items():
        if p.key != w:
            toks = tgt.tokens[u]
            term.variants.append(Variant(u, p.start, toks[b - 1].end, tgt.text[p.start:toks[b - 1].end], 0.75,
                                         "spelling"))


def _neighbour_added(term: _Term, v: Variant, src: _Side) -> bool:
    """Whether ``v`` is the dominant rendering plus copies of the source words right next to the term in
    its unit: "US consulate in Chengdu" rendered „⟦US-⟧Konsulat in Chengdu“ where the usual rendering of
    "consulate in Chengdu" is „Konsulat in Chengdu“ renders the neighbour "US" too, it does not vary."""
    assert term.dominant is not None
    dom = Counter(fold(w) for w in _PIECE_RE.findall(term.dominant.text))
    have = Counter(fold(w) for w in _PIECE_RE.findall(v.text))
    extra = have - dom
    if not extra or dom - have:
        return False
    toks = src.tokens[v.unit]
    at = [k for k, t in enumerate(toks) if v.source_start <= t.start < v.source_end]  # the term's occurrence
    if not at:
        return False
    beside = {fold(toks[k].text) for k in (at[0] - 1, at[-1] + 1) if 0 <= k < len(toks)}
    return all(w in beside for w in extra)


_PIECE_RE = re.compile(r"[^\W_]+")


def _factored(term: _Term, v: Variant, src: _Side, target_text: str, tgt_lang: str) -> bool:
    """Whether the near-variant ``v`` heads a list the translation factored: the source repeats the term's
    last word after another name in the unit ("outside Sydney airport, Adelaide Airport, Darwin Airport") and
    the variant goes on with the others („außerhalb der ⟦Flughäfen von Sydney⟧, Adelaide und Darwin“). One
    head for several names is the grammar of the list, not another rendering of the term."""
    last = term.key[-1]
    occs = [o for o in term.occurrences if o.unit == v.unit]
    if len(occs) != 1:
        return False
    occ, toks = occs[0], src.tokens[v.unit]
    if not any(t.key == last and not occ.start <= t.start < occ.end and k and toks[k - 1].text[:1].isupper()
                              for k, t in enumerate(toks)):
        return False  # the source has no other name with the same last word in the unit
    m = _LIST_GOES_ON.match(target_text, v.end)
    return m is not None and m.group(3).isupper() and (m.group(1) is not None or m.group(2).lower() in coordinators(tgt_lang))


# After a phrase: a comma (group 1) or a word and a space (group 2), then the first letter of the next word.
_LIST_GOES_ON = re.compile(r"\s*(?:(,)\s*|([^\W\d_]+)\s+)([^\W\d_])")


def _spans_by_unit(occurrences: Iterable[Occurrence]) -> dict[int, list[tuple[int, int]]]:
    """Unit → the (start, end) of the occurrences there: document offsets, so that a token of a unit can only
    lie in a span of its own unit, and asking that unit's spans alone gives what asking all of them gives."""
    out: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for o in occurrences:
        out[o.unit].append((o.start, o.end))
    return out


def _inside(offset: int, spans) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``offset`` lies in one of the (start, end) ``spans``."""
    return any(a <= offset < b for a, b in spans)


def _beside(best: tuple[str, ...], classes: dict, members: dict, candidates: dict[str, float],
            term: _Term, src: _Side, tgt: _Side) -> set[str]:
    """Words of ``candidates`` found only right next to an occurrence of the skeleton ``best`` in the
    term's units, on one side and in two units at least, and no copy of a source word outside the term
    ("Nancy" beside "Pelosi" is the source's Nancy)."""
    found: set[str] = set()
    neighbours = _neighbours(term, src)
    # Words found only in the term's units first: most words linked away are found elsewhere too.
    only_here = [key for key in candidates if key not in best and 2 <= len(tgt.units.get(key, ())) <= len(term.units)
                 and tgt.units[key] <= term.units]
    if not only_here:
        return found
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in classes[best]:
        for u, i, n in members[m]:
            spans[u].append((i, i + n))
    per_unit = Counter(o.unit for o in term.occurrences)
    occurrence_spans = _spans_by_unit(term.occurrences)
    for key in only_here:
        where = tgt.units[key]
        sides = set()
        ok = True
        for u in where:
            toks = tgt.tokens[u]
            # Beside each occurrence of the term in the unit: "Chengtou" beside one "Shanghai" of
            # three (上海城投 among 上海地产, 上海国资) is the translation of its own source word.
            if sum(t.key == key for t in toks) != per_unit[u]:
                ok = False
                break
            for j, t in enumerate(toks):
                if t.key != key:
                    continue
                side = next((s for a, b in spans.get(u, ()) for s, at in ((-1, a - 1), (1, b)) if at == j), None)
                if side is None or not t.content or (side == 1 and toks[j].brk) or (side == -1 and toks[j + 1].brk):
                    ok = False
                    break
                sides.add(side)
            if not ok:
                break
        if not ok or len(sides) != 1:
            continue
        if not _rival_beside(where, term, src, neighbours) and not _quoted_title_word(key, where, term, src, tgt):
            # What linked it away is no source word beside the term (飘扬 "fly", three words after
            # 鲜艳的党旗 and 在抗洪大堤上): the target word order alone put it there. Inside a quoted
            # title on both sides, the word is the title's ("Going" of « Going Live in the Village »).
            continue
        word = fold(key)
        if len(word) >= 3 and any(_cognate(fold(s.text), word) for u in where for s in src.tokens[u]
                                  if not _inside(s.start, occurrence_spans.get(u, ()))):
            continue
        found.add(key)
    return found


def _quoted_title_word(key: str, where: set[int], term: _Term, src: _Side, tgt: _Side) -> bool:
    """Whether, in every unit of ``where``, the term stands inside a quoted span of the source (《走村直播看脱贫》)
    and each target word of ``key`` inside a quoted span of the target."""
    src_quotes, tgt_quotes = src.quotes(), tgt.quotes()
    for u in where:
        if not any(_quote_around(src_quotes, o.start, o.end) for o in term.occurrences if o.unit == u):
            return False
        if not all(_quote_around(tgt_quotes, t.start, t.end) for t in tgt.tokens[u] if t.key == key):
            return False
    return True


def _rival_beside(where: set[int], term: _Term, src: _Side, neighbours: set[str]) -> bool:
    """Whether a source word that explains best (Dice over units, ties included) a target word found in the
    units ``where`` stands beside the term (``_neighbours``: 解除 of 解除医学观察), as competitive linking's rival."""
    own = set(term.key)
    best, rivals = 0.0, set()
    for s in set().union(*(src.content_keys(u) for u in where)) - own:
        s_units = src.units[s]
        d = _dice(len(s_units & where), len(s_units), len(where))
        if d > best + 1e-9:
            best, rivals = d, {s}
        elif abs(d - best) <= 1e-9:
            rivals.add(s)
    return bool(rivals & neighbours)


# --- pass 2: variants ------------------------------------------------------------------------------------


def _overlap(spans: Sequence[tuple[int, int]], others: Sequence[tuple[int, int]]) -> bool:
    """Does any of ``spans`` overlap any of ``others`` (offsets, end exclusive)?"""
    return any(s < e2 and s2 < e for s, e in spans for s2, e2 in others)


class _Explainer:
    """Which target words of a unit other source words account for (see the module docstring)."""

    def __init__(self, src: _Side, tgt: _Side, terms: list[_Term], src_lang: str, tgt_lang: str):
        self.src, self.tgt = src, tgt
        self.tgt_lang = tgt_lang
        self.nouns_capitalised = tgt_lang.split("-")[0] in _NOUN_CAPITALISING  # a capital makes no name there
        self.n_units = len(tgt.tokens)
        self.unspaced = src_lang in _UNSPACED
        # Target token ranges of every term's dominant group, per unit, with the term's source spans.
        self.covered: dict[int, list[tuple[int, int, list[tuple[int, int]]]]] = defaultdict(list)
        # The source spans and units of terms whose rendering was assigned jointly with another term
        # found in the same units (_joint_dominants), per unit.
        self.twins: dict[int, list[tuple[list[tuple[int, int]], set[int]]]] = defaultdict(list)
        for term in terms:
            if term.dominant is None:
                continue
            for u, spans in term.class_spans.items():
                src_spans = [(o.start, o.end) for o in term.occurrences if o.unit == u]
                for a, b in spans:
                    self.covered[u].append((a, b, src_spans))
                if term.memo.get("joint"):
                    self.twins[u].append((src_spans, term.units))

    def explained(self, u: int, i: int, term_spans: list[tuple[int, int]], term_keys: frozenset[str],
                  term_units: set[int], margin: float = 0.05) -> bool:
        """Is target token ``i`` of unit ``u`` accounted for by source words outside ``term_spans`` that
        are not words of the term itself (``term_keys``), better than by the term (``term_units``) by
        ``margin`` (a negative margin also counts a tie)?"""
        t = self.tgt.tokens[u][i]
        for a, b, spans in self.covered.get(u, ()):
            if a <= i < b and not _overlap(spans, term_spans):
                return True
        # A term found in exactly the term's units, whose rendering was assigned jointly with the term's and
        # is found elsewhere in the unit (中国政府, "Chinese government"), explains none of the term's
        # words: it would tie with every one ("defender").
        twins = self.twins.get(u)
        pinned = [sp for spans, units in twins if units == term_units and not _overlap(spans, term_spans)
                  for sp in spans] if twins else []
        tf = fold(t.text)
        t_units = self.tgt.units_like(t)
        own_inter = len(t_units & term_units)
        own = _dice(own_inter, len(t_units), len(term_units))
        for s in self.src.tokens[u]:
            if s.func or s.key in term_keys or any(ts <= s.start < te for ts, te in term_spans):
                continue
            if any(ps <= s.start < pe for ps, pe in pinned):
                continue
            if self.unspaced and any(s.key in k for k in term_keys):
                continue  # 计划 is a word of 普惠计划
            sf = fold(s.text)
            if (tf.isdigit() and tf == sf) or (len(tf) >= 3 and _cognate(sf, tf)):
                return True
            s_units = self.src.units[s.key]
            inter = len(s_units & t_units)
            if inter >= 2:
                d = _dice(inter, len(s_units), len(t_units))
                if d >= EXPLAIN_DICE and d > own + margin and _chance(inter, len(s_units), len(t_units), self.n_units) <= CHANCE \
                        and (margin >= 0 or inter / len(s_units) >= own_inter / len(term_units)):
                    # A tie leaves a name ("Tianjin") to the term unless the rival is a name too (梅根 for
                    # "Meghan" of "Harry and Meghan"): a common noun (团队) does not translate as a name.
                    if d <= own + 0.05 and _capital(t) and not self.nouns_capitalised and not self.src.named(s.key):
                        continue
                    return True
        return False


def _copy_of(a: str, b: str) -> bool:
    """Is folded word ``a`` a copy of folded word ``b``: a cognate, or one letter off in a word of five
    letters or more ("Chendu" / "Chengdu", "Kongress" / "Congress")?"""
    return _cognate(a, b) or (min(len(a), len(b)) >= 5 and _one_edit(a, b))


def _one_edit(a: str, b: str) -> bool:
    """``_edit_distance(a, b, 1) <= 1`` (equal, or one letter replaced, added, dropped, or two
    neighbours swapped), without the table."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or (min(la, lb) >= 3 and a[0] != b[0] and a[-1] != b[-1]):
        return False
    i, m = 0, min(la, lb)
    while i < m and a[i] == b[i]:
        i += 1
    if la > lb:
        return a[i + 1:] == b[i:]
    if la < lb:
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])


def _cognate(a: str, b: str) -> bool:
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 5 or (n >= 4 and n >= 0.8 * min(len(a), len(b)))


def _shares_stem(a: str, b: str) -> bool:
    """A long common substring: a cognate inside a compound ("ministry" in „Außenministerium“)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    need = max(5, int(0.6 * len(short) + 0.999))
    if len(short) < need:
        return False
    return any(short[i:i + need] in long_ for i in range(len(short) - need + 1))


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _same_lemmas(a: str, b: str, lang: str) -> bool:
    """Whether two texts that fold alike are one inflection apart, word by word („Flughäfen“ is the plural
    of „Flughafen“, an umlaut no accent dropped); „Muller“ for „Müller“, Bei-jing for Beijing, "Exhibitors
    Union" for "Exhibitors' Union" are not."""
    if _LETTERS_RE.sub("", a) != _LETTERS_RE.sub("", b):
        return False  # a hyphen, an apostrophe, a space more or less: orthography
    wa, wb = _WORD_RE.findall(a), _WORD_RE.findall(b)
    return len(wa) == len(wb) and all(normalise_token(x, lang) == normalise_token(y, lang) for x, y in zip(wa, wb))


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _undouble(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


# British spellings and their American counterparts, as endings (or letters) rewritten the American way:
# centre / center, colour / color, organisation / organization, analyse / analyze, catalogue / catalog,
# defence / defense, travelled / traveled, paediatric / pediatric, programme / program.
_EN_SPELLINGS = [(re.compile(p), r) for p, r in (
    (r"(?<=[bcdfghklmnpstvz])re(s|d)?$", r"er\1"),
    (r"(?<=\w{3})our(s|ed|ing|ful|ite|ites|able|ably|less)?$", r"or\1"),
    (r"(?<=\w{2})is(e|es|ed|ing|er|ers|ation|ations)$", r"iz\1"),
    (r"ys(e|es|ed|ing)$", r"yz\1"),
    (r"(?<=\w{3})ogue(s)?$", r"og\1"),
    (r"(?<=\w{3})ence(s)?$", r"ense\1"),
    (r"(?<=[aeiou])ll(ed|ing|er|ers)$", r"l\1"),
    (r"(?<=\w)(ae|oe)(?=\w)", "e"),
    (r"^programme(s)?$", r"program\1"),
)]


def _american(word: str) -> str:
    for pattern, repl in _EN_SPELLINGS:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=500_000)
def _relation(word: str, dom_word: str, lang: str) -> Optional[str]:
    """How a word of the unit relates to a word of the dominant rendering (both surface forms)."""
    a, b = fold(word), fold(dom_word)
    if a == b:
        return "same" if word.lower() == dom_word.lower() or _same_lemmas(word, dom_word, lang) else "orthography"
    if lang.split("-")[0] == "en" and min(len(a), len(b)) >= 4 and _american(a) == _american(b):
        return "orthography"  # British and American spelling: quarantine centres / quarantine centers
    # A doubled letter is a common spelling variant of a short name too (Hana / Hanna, Bona / Bonna).
    if word[:1].isupper() and dom_word[:1].isupper() and min(len(a), len(b)) >= 3 \
            and _undouble(a) == _undouble(b):
        return "spelling"
    if min(len(a), len(b)) < 4:
        return None
    p = 0
    for x, y in zip(a, b):
        if x != y:
            break
        p += 1
    suffixes = inflection_suffixes(lang)
    # The stem may end before the longest common prefix: randomisiert-er / randomisiert-en share an "e"
    # that belongs to both endings.
    for q in range(p, max(p - 2, 3), -1):
        ta, tb = a[q:], b[q:]
        if q >= 0.6 * min(len(a), len(b)) and ta in suffixes and tb in suffixes \
                and not (len(ta) == 1 and len(tb) == 1 and ta in "aeiouy" and tb in "aeiouy"):
            return "same"  # one word family: inflection or derivation (Russia / Russian, Belgium / Belgian)
    # A spelling variant of a name (Wesel / Wessel, Grivory / Grivori, Lucas / Lukas); two common words
    # one letter apart (status / states) are usually two words, and so are two names that do not even
    # start alike (Fight / Night).
    if word[:1].isupper() and dom_word[:1].isupper() and min(len(a), len(b)) >= 5 and a[0] == b[0]:
        limit = 1 if min(len(a), len(b)) < 8 else 2
        if _edit_distance(a, b, limit) <= limit:
            return "spelling"
        # A doubled letter is not counted as an edit (Katerry / Kateri), where a capital marks a name
        # (in German every noun has one: Wiley / Willen).
        if lang.split("-")[0] != "de" and _edit_distance(_undouble(a), _undouble(b), limit) <= limit:
            return "spelling"
    # Compounds are nouns: in German they are written with a capital (terroristischen / Terrorismus, or
    # spanischen / kanarischen, are adjectives of one family, not compounds).
    base = lang.split("-")[0]
    if base in _COMPOUNDING and (base != "de" or (word[:1].isupper() and dom_word[:1].isupper())):
        if len(b) - len(a) >= 3 and (b.startswith(a) or b.endswith(a)):
            return "compound part"
        if p >= 5 and len(a) - p >= 3 and len(b) - p >= 3:
            return "compound"  # same modifier, another head: Innenminister / Innenressortchef
        s = 0
        for x, y in zip(reversed(a), reversed(b)):
            if x != y:
                break
            s += 1
        if s >= 6 and len(a) - s >= 3 and len(b) - s >= 3:
            return "compound"  # same head, another modifier: Außenministerium / Innenministerium
    return None


def _copy_part(a: str, b: str, src: str) -> bool:
    """Do two compounds share, as modifier or head, a copy of the whole source term? Then the parts
    that differ are the words around the term (Social-Media-Konten / Social-Media-Plattformen for
    "social media"), not two renderings of it."""
    return (a.startswith(src) and b.startswith(src)) or (a.endswith(src) and b.endswith(src))


def _cap(key: str, like: str) -> str:
    return key[:1].upper() + key[1:] if like[:1].isupper() else key


def _acronym_of(acronym: str, words: Sequence[Token]) -> bool:
    letters = "".join(t.text[0] for t in words if t.content or t.text[:1].isupper()).upper()
    return len(acronym) >= 2 and letters == acronym.upper()


def _dom_named(term: _Term, tgt: _Side) -> bool:
    """Is the dominant rendering written as a name wherever it occurs (every content word capitalised)?"""
    got = term.memo.get("dom_named")
    if got is None:
        got = term.memo["dom_named"] = all(tgt.tokens[u2][k].text[:1].isupper()
                                           for u2, spans in term.class_spans.items() for a2, b2 in spans
                                           for k in range(a2, b2) if tgt.tokens[u2][k].content)
    return got


LONE_NAME_CONFIDENCE = 0.5  # a name put in place of the dominant name, pointed at by elimination: minor


def _loose_names(u: int, src: _Side, expl: _Explainer, term_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names of unit ``u``'s source besides the term that no other term's rendering in the unit
    accounts for (a proper-noun tag, or a capital inside a sentence), in order; a run of capitalised
    words is one name (not Chinese tags: 美国纽约 is two). Each one's rendering is as good a candidate for a new name in the target as the
    term's."""
    accounted = [s for _, _, spans in expl.covered.get(u, ()) for s in spans] + list(term_spans)
    names: list[tuple[int, int]] = []
    last = None
    for t in src.tokens[u]:
        if any(a <= t.start < b for a, b in accounted):
            last = None
            continue
        if (t.pos in _ZH_PROPER and len(t.text) >= 2) if t.pos else (t.content and _capital(t)):
            if last is not None and not t.pos and not t.brk:
                names[-1] = (names[-1][0], t.end)
            else:
                names.append((t.start, t.end))
            last = t
        else:
            last = None
    return names


def _place_modifier(u: int, src: _Side, term_spans: list[tuple[int, int]]) -> bool:
    """Is the term a place name (jieba's tag) right before a common noun it modifies in unit ``u``?"""
    toks = src.tokens[u]
    for k in range(len(toks) - 1):
        if any(toks[k].end == e for _, e in term_spans) and toks[k].pos == "ns" and not toks[k + 1].brk \
                and toks[k + 1].pos in ("n", "vn", "ng", "nl"):
            return True
    return False


def _initial_name(word: str, text: str, lang: str) -> Optional[bool]:
    """Is a capitalised word that opens a sentence a name? None when the text writes it in lower case
    too (no name); True when, besides, the language's lemma dictionary does not know it; False (may be)
    when it does: "Meanwhile", but also "Brunet"."""
    lower = word.lower()
    if lower == word or re.search(r"(?<!\w)" + re.escape(lower) + r"(?!\w)", text) is not None:
        return None
    return _known_word(lower, lang) is not True


def _unknown_respelling(key: str, src_folds: Sequence[str], lang: str) -> bool:
    """Whether target word ``key`` is one edit off a source word (``src_folds``) and no word the target
    language's lemma dictionary knows: a misspelt copy ("Chendu"), not an exonym („Kiew“, „Moskau“)."""
    f = fold(key)
    if len(f) < 5 or not any(_one_edit(f, s) for s in src_folds):
        return False
    return _known_word(key.lower(), lang) is False


def _known_word(lower: str, lang: str) -> Optional[bool]:
    """Whether simplemma's dictionary of ``lang`` knows the lower-case word; None for a language it has no
    dictionary of."""
    import simplemma

    try:
        return simplemma.is_known(lower, lang=lang.split("-")[0])
    except (ValueError, KeyError):  # a language simplemma does not know
        return None


def _guessed_name(word: str) -> bool:
    """A Chinese word tagged as a name that jieba's dictionary does not hold: its HMM's guess, which
    may be a common word (张力, "tension")."""
    return bool(word) and not word.isascii() and _per_million(word) == 0.0


def _in_order(term_at: int, sure_src: list[int], maybe_src: list[int], sure_tgt: list[tuple[int, int]],
              maybe_tgt: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The target sequence in the term's place when the source names (offsets, the term's ``term_at``) and
    the target sequences (token ranges) are counted in order. Items that may or may not be names (a
    dictionary word opening a sentence, a word jieba alone calls a name) are taken or left in every way;
    the answer is the one every way that counts up gives, None if none does or they disagree."""
    got = None
    for k in range(len(maybe_src) + 1):
        for src_in in itertools.combinations(maybe_src, k):
            order = sorted(sure_src + list(src_in) + [term_at])
            for m in range(len(maybe_tgt) + 1):
                for tgt_in in itertools.combinations(maybe_tgt, m):
                    named = sorted(sure_tgt + list(tgt_in))
                    if len(named) != len(order):
                        continue
                    pick = named[order.index(term_at)]
                    if got is not None and got != pick:
                        return None
                    got = pick
    return got


def _lone_name(term: _Term, u: int, src: _Side, tgt: _Side, expl: _Explainer, term_spans: list[tuple[int, int]],
               lang: str, loose_ok: bool = False) -> list[tuple[float, int, int, str, str]]:
    """A name rendered by another name that shares nothing with it ("Lau Ching Wan" for "Liu Qingyun"):
    in a unit with the term but without its dominant rendering or any word of its family, the one
    capitalised sequence that nothing else explains is the best candidate. Strict, as it is a guess by
    elimination: the term is a name and the only one of the unit's source that no other term accounts
    for; its dominant rendering is a name found in two other units at least; the candidate is a
    capitalised sequence (a sentence-initial capital alone makes none; no function word, month or
    day) that no other source word or term of the unit accounts for, whose words are found in no
    other unit, with about as many words as the dominant rendering, and the unit's only one, or the only one with a
    word seen right beside the dominant rendering elsewhere ("Beijiang ⟦Province⟧" where the others
    have "Bac Giang Province"). Not where nouns take capitals (German)."""
    if not term.name or expl.nouns_capitalised or len(set(term.class_spans) - {u}) < 2 or not _dom_named(term, tgt):
        return []
    loose = [] if loose_ok else _loose_names(u, src, expl, term_spans)
    if loose and len(term_spans) != 1:
        return []
    toks = tgt.tokens[u]
    dom = [t for t in term.dom_tokens if t.content]
    if (len(dom) == 1 or loose) and _place_modifier(u, src, term_spans):
        return []  # 菲律宾劳工 "Filipino workers": a country's adjective need share nothing with its name
    if any(t.content and any(t.key == d.key or _relation(t.text, d.text, lang) for d in dom) for t in toks):
        return []  # a shortened mention or another form of the rendering ("Chinese" for "China")
    term_keys = frozenset(term.key)
    times = time_words(lang)
    stops = stopwords(lang)
    beside = term.memo.get("beside")
    if beside is None:  # content words right next to the dominant rendering ("Province")
        beside = term.memo["beside"] = {tgt.tokens[u2][k].key for u2, spans in term.class_spans.items()
                                        for a2, b2 in spans for k in (a2 - 1, b2)
                                        if 0 <= k < len(tgt.tokens[u2]) and tgt.tokens[u2][k].content}

    def no_name(k: int) -> bool:  # a function word, a month or a time word
        return toks[k].key in times or toks[k].text.lower() in stops or _month_number(toks[k].text) is not None

    runs: list[tuple[int, int]] = []
    maybe_runs: list[tuple[int, int]] = []  # a dictionary word opening a sentence, alone
    i = 0
    while i < len(toks):
        if not (toks[i].content and toks[i].text[:1].isupper()):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and not toks[j].brk and toks[j].content and _capital(toks[j]):
            j += 1
        if any(_capital(toks[k]) for k in range(i, j)):
            runs.append((i, j))  # not a sentence-initial capital alone, unless it looks like a name
        elif loose:
            kind = _initial_name(toks[i].text, tgt.text, lang)
            if kind is not None:
                (runs if kind else maybe_runs).append((i, j))
        i = j
    if loose:
        # Other names of the source that nothing accounts for ("(刘青云饰)" beside 董卓文): names keep
        # their order in news text, so when the unit's loose names and the term, in source order, are
        # exactly as many as the target's capitalised sequences that nothing explains, the term's place
        # in the one order points at its rendering in the other ("Dong Zhuowen (played by ⟦Lau Ching
        # Wan⟧)"). A guess by counting: the candidate must pass the same tests as a lone name. What may
        # or may not be a name (张力 "tension", a word jieba alone tags as a name; "Brunet" opening a
        # sentence) is counted both ways, and all the ways that count up must agree.
        words = [t for t in toks if t.content and not t.initial]
        if len(words) >= 3 and 5 * sum(1 for t in words if t.text[:1].isupper()) >= 4 * len(words):
            return []  # a headline in title case: every word looks like a name

        pinned = {k for a, b, spans in expl.covered.get(u, ())
                  if not _overlap(spans, term_spans) for k in range(a, b)}

        def plain(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
            # A sequence that ends in another term's rendering found in the unit counts without it: "the
            # ⟦South⟧ Cathedral", where "Cathedral" renders 大教堂.
            out = []
            for a, b in runs:
                while b > a + 1 and b - 1 in pinned:
                    b -= 1
                if not any(no_name(k) or expl.explained(u, k, term_spans, term_keys, term.units) for k in range(a, b)):
                    out.append((a, b))
            return out

        maybe_src = [a for a, b in loose if _guessed_name(src.text[a:b])]
        sure_src = [a for a, _ in loose if a not in maybe_src]
        maybe_named = plain(maybe_runs)
        pick = _in_order(term_spans[0][0], sure_src, maybe_src, plain(runs), maybe_named)
        if pick is None or pick in maybe_named:
            return []  # a dictionary word is counted, never pointed at
        runs = [pick]
    found = []
    for a, b in runs:
        own = [k for k in range(a, b) if toks[k].key not in beside]
        # Counting in order is evidence of its own: there, one word of the name may recur ("Andy Lau" and
        # "Lau Ching Wan"), as long as most are the unit's own.
        elsewhere = sum(1 for k in own if tgt.units[toks[k].key] != {u})
        if not own or abs((b - a) - len(dom)) > (2 if loose else 1) or (2 * elsewhere >= len(own) if loose else elsewhere) \
                or any(no_name(k) for k in range(a, b)):
            continue
        if any(expl.explained(u, k, term_spans, term_keys, term.units) for k in own):
            continue
        # The words seen beside the dominant rendering are context, not the variant: "⟦Beijiang⟧ Province".
        found.append(((b - a) > len(own), own[0], own[-1] + 1))
    if len(found) > 1:
        found = [f for f in found if f[0]]
    return [(LONE_NAME_CONFIDENCE, a, b, "lone name", "variant") for _, a, b in found] if len(found) == 1 else []


def _slot_variant(term: _Term, u: int, tgt: _Side, expl: _Explainer, lang: str,
                  term_spans: list[tuple[int, int]], blocked: set[int], strict: bool
                  ) -> list[tuple[float, int, int, str, str]]:
    """Candidate variants (confidence, first token, end token, how, kind) in unit ``u``.

    ``blocked`` are the tokens of the dominant group's occurrences in the unit; with ``strict`` (the
    unit already has as many renderings as the source has occurrences) only a spelling of the dominant
    rendering's words counts, since a word shared with it may belong to another phrase.
    """
    toks = tgt.tokens[u]
    dom = term.dom_tokens
    dom_content = [j for j, t in enumerate(dom) if t.content]
    dom_funcs = frozenset(t.norm for t in dom if t.func and t.norm)
    dom_article = any(t.func and not t.norm for t in dom[1:])  # an article inside the rendering
    dom_keys = frozenset(t.key for t in dom)
    # A name or title keeps its capitals in a variant ("Ministerio de Salud", not "… Salud pidió").
    # Every occurrence counts: a title-case headline alone does not make a name of "Large-Scale Media
    # Convergence Campaign" when the body writes "large-scale media convergence campaign".
    dom_named = _dom_named(term, tgt)
    out: list[tuple[float, int, int, str, str]] = []
    cache: dict[int, bool] = {}
    term_keys = frozenset(term.key)
    src_fold = fold(term.text) if term.key[0].isascii() and len(fold(term.text)) >= 4 else ""

    def explained(i: int) -> bool:
        if i not in cache:
            cache[i] = i in blocked or expl.explained(u, i, term_spans, term_keys, term.units)
        return cache[i]

    def shared_elsewhere(i: int) -> bool:
        # A word of the dominant rendering that another source word of the unit explains as well as
        # the term ("Meghan" of "Harry and Meghan" where 梅根 is in the unit) is no evidence.
        return expl.explained(u, i, term_spans, term_keys, term.units, margin=-0.05)

    # Units where the term occurs without its dominant rendering: a word that recurs only there is the
    # term's alternative vocabulary (« universels » / « universelles » for 普惠计划), not the
    # translation of something else.
    no_dominant = set(term.units) - set(term.class_spans) | {u}

    def unique(idx: Iterable[int]) -> bool:
        return all(tgt.units_like(toks[i]) <= no_dominant for i in idx)

    # --- anchors -----------------------------------------------------------------------------------
    anchors: dict[int, tuple[int, str]] = {}  # token index -> (dominant word index, relation)
    rel_memo = term.memo.setdefault("relations", {})  # (text, key) -> best (dominant word, relation)
    weak: set[int] = set()  # anchors that are no evidence by themselves
    for i, t in enumerate(toks):
        if not t.content or i in blocked:
            continue
        if strict and not t.text[:1].isupper() and t.key not in dom_keys:
            continue  # beside the renderings, only a name's spelling is looked for
        best = rel_memo.get((t.text, t.key), False)
        if best is False:
            best = None
            for j in dom_content:
                rel = "same" if t.key == dom[j].key else (_relation(t.text, dom[j].text, lang)
                                                           or _relation(_cap(t.key, t.text), _cap(dom[j].key, dom[j].text), lang))
                if rel == "compound" and src_fold and _copy_part(fold(t.text), fold(dom[j].text), src_fold):
                    rel = None  # Social-Media-Konten / Social-Media-Plattformen: the term is the shared part
                if rel and (best is None or rel == "same"):
                    best = (j, rel)
            rel_memo[(t.text, t.key)] = best
        if best and (not strict or best[1] in ("spelling", "orthography")):
            # A shared word that another source word of the unit accounts for belongs to that word's
            # translation ("scored" in "penalty area and scored" is 进球's, not 卢卡库's).
            if best[1] == "same" and (explained(i) or shared_elsewhere(i)):
                weak.add(i)
            anchors[i] = best
    if not strict and len(dom_content) >= 2:
        # A short name one letter off beside a word of the name kept as it is ("Raul Gandhi" for "Rahul
        # Gandhi"): a spelling of the name's word in that place, although four letters are too few to
        # call two words alone one another's spelling (Paul / Raul).
        for i, (j, rel) in list(anchors.items()):
            if rel != "same" or not _capital(toks[i]):
                continue
            for k, jk in ((i - 1, j - 1), (i + 1, j + 1)):
                if 0 <= k < len(toks) and k not in anchors and k not in blocked and jk in dom_content \
                        and _capital(toks[k]) and _capital(dom[jk]) and not toks[k].brk and not toks[max(i, k)].brk:
                    a, b = fold(toks[k].text), fold(dom[jk].text)
                    if min(len(a), len(b)) >= 4 and a[0] == b[0] and a != b and _one_edit(a, b):
                        anchors[k] = (jk, "spelling")
    # The same letters spaced, hyphenated, glued or ordered otherwise: Xiang Guo / Xiangguo, heat stroke
    # / heatstroke, US-Konsulat / Konsulat der US, Konföderiertenflagge / Flagge der Konföderierten.
    recombine = term.memo.get("recombine", False)
    if recombine is False:
        recombine = term.memo["recombine"] = _Recombination.of(dom, tgt, lang.split("-")[0] in _COMPOUNDING,
                                                               _common_phrase(dom, lang) and not dom_named)
    if recombine is not None:
        out.extend(recombine.find(toks, blocked, tgt))
    if strict:
        return out + [_anchor_candidate(i, anchors[i][1]) for i in anchors]
    # Acronym and expansion.
    if len(dom) == 1 and dom[0].text.isupper() and 2 <= len(dom[0].text) <= 8:
        for i in range(len(toks)):
            for j in range(i + 1, min(len(toks), i + 2 * len(dom[0].text) + 2)):
                if toks[j].brk or toks[i].func or j in blocked:
                    break
                if toks[j].content and _acronym_of(dom[0].text, toks[i:j + 1]):
                    out.append((0.65, i, j + 1, "expansion of the acronym", "variant"))
    elif len(dom_content) >= 2:
        for i, t in enumerate(toks):
            if i not in blocked and t.text.isupper() and 2 <= len(t.text) <= 8 and _acronym_of(t.text, dom):
                out.append((0.65, i, i + 1, "acronym", "variant"))

    # Clusters of anchors within a window, split at boundaries and at words that cannot sit inside a
    # phrase ("Press ⟦hat⟧ die Pressesprecherin": a verb between two anchors separates two phrases).
    idx = sorted(anchors)
    clusters: list[list[int]] = []
    for i in idx:
        if clusters and i - clusters[-1][-1] <= len(dom) + 2 and not any(
                toks[x].brk or x in blocked or not toks[x].link for x in range(clusters[-1][-1] + 1, i + 1)):
            clusters[-1].append(i)
        else:
            clusters.append([i])
    for cl in clusters:
        if all(i in weak for i in cl):
            continue
        rels = {anchors[i][1] for i in cl}
        matched = {anchors[i][0] for i in cl if anchors[i][1] == "same"}
        changed = {anchors[i][0] for i in cl if anchors[i][1] != "same"}
        missing = [j for j in dom_content if j not in matched and j not in changed]
        if "compound part" in rels and rels <= {"compound part", "same"}:
            # Parts of a compound of the dominant rendering: the compound spelt out (a near-variant)
            # when the parts rebuild it, a shortened mention otherwise.
            parts = sum(len(fold(toks[i].text)) for i in cl if anchors[i][1] == "compound part")
            whole = [len(fold(dom[j].text)) for j in {anchors[i][0] for i in cl if anchors[i][1] == "compound part"}]
            if len(cl) >= 2 and any(parts >= w - 3 for w in whole):
                out.append((0.65, cl[0], cl[-1] + 1, "compound spelt out", "near"))
            continue
        a, b = cl[0], cl[-1] + 1
        if missing:
            known = matched | changed
            lo, hi = (min(known), max(known)) if known else (0, len(dom) - 1)
            budget = len(missing) + 1
            # A name keeps its capitals, unless several of the name's own words are written in lower
            # case here ("special zone of ⟦state health and pandemic⟧" for "Public Health and
            # Pandemic"; one word is not enough: "patrolling ⟦the river⟧" for "Longxi River").
            capitals = dom_named and (len(cl) < 2 or any(_capital(toks[i]) or toks[i].initial for i in cl))
            if any(j > hi for j in missing) or not matched:
                b = _grow(toks, b, +1, budget, explained, anchors, dom_funcs, capitals=capitals,
                          linked_heads=lang.split("-")[0] in _UNSPACED)
            if (any(j < lo for j in missing) or not matched) and a > 0:
                a = _grow(toks, a - 1, -1, budget, explained, anchors, dom_funcs, capitals=capitals,
                          cross_articles=dom_article) + 1
        extra = [i for i in range(a, b) if toks[i].content and i not in anchors and not explained(i)]
        if changed:
            kinds = {anchors[i][1] for i in cl if anchors[i][1] != "same"}
            if kinds <= {"orthography"} and not missing and not extra:
                out.append((0.6, a, b, "orthography", "near"))
            else:
                out.append((0.75 if "spelling" in kinds else 0.65, a, b, "/".join(sorted(kinds)), "variant"))
        elif missing and extra:
            # What is left over: the new words of a variant belong to this unit alone. New words that
            # recur in other units are more likely the translation of something else, a guess (advice).
            conf = 0.8 if unique(extra) else 0.45
            # A modifier of the dominant rendering replaced by one other word in its place, the rest
            # in order ("health observation" for "medical observation"): the same thing named
            # otherwise, even if the new word is common elsewhere. Not the head ("all times" for "all
            # levels", "Serie A game" for "Serie A match"): another noun is most often another thing.
            if conf < 0.5 and len(missing) == 1 and len(extra) == 1 and lang.split("-")[0] in _HEAD_FINAL \
                    and missing[0] != dom_content[-1]:
                order = [anchors[i][0] if i in anchors else missing[0] if i in extra else None
                         for i in range(a, b) if toks[i].content]
                if order == dom_content:
                    conf = 0.55
            # Names render names: when the source term is a name and the words shared with the
            # dominant rendering are the name itself (copied from the source, or all the capitalised
            # words), the dominant rendering's other words are context it swallowed ("Lukaku scored",
            # "Konsulat in Houston"), and the words that replace them are context too: a guess.
            shared = [dom[j] for j in sorted(matched)]
            if term.name and shared and (
                    fold("".join(t.text for t in shared)) == fold(term.text.replace(" ", ""))
                    or all(not _capital(dom[j]) for j in missing)):
                conf = min(conf, 0.45)
            out.append((conf, a, b, "shared word", "variant"))

    # --- context: the words around the dominant rendering elsewhere --------------------------------------
    # Only a context that goes with the term (found mostly in the term's units) predicts its slot: « la
    # mise en œuvre du » does in the founding article, "in the city of" does not.
    def specific(ctx: list[Token]) -> bool:
        key = tuple(t.key for t in ctx)
        if key not in ctx_ok:
            cu = tgt.ngram_units(key)
            inter = len(cu & term.units)
            ctx_ok[key] = inter >= 2 and _dice(inter, len(cu), len(term.units)) >= 0.5
        return ctx_ok[key]

    ctx_ok = term.ctx_specific
    related = {i for i in anchors} | {i for i, t in enumerate(toks) if t.content and any(
        _relation(t.text, dom[j].text, lang) == "same" for j in dom_content)}
    lefts, rights = _contexts_of(term, tgt)
    budget = len(dom_content) + 1
    # One pass over the unit: every 2-4 word window that is a context seen next to the rendering in
    # another unit opens or closes a slot. Linear in the unit, whatever the term's frequency.
    right_at: set[int] = set()
    left_end: list[int] = []
    for i, width, key in tgt.windows(u):
        r_units = rights.get(key)
        if r_units and (r_units - {u}) and specific(toks[i:i + width]):
            right_at.add(i)
        l_units = lefts.get(key)
        if l_units and (l_units - {u}) and specific(toks[i:i + width]):
            left_end.append(i + width)
    for start in left_end:
        if start >= len(toks) or toks[start].brk:
            continue
        end = next((r for r in range(start + 1, min(len(toks), start + len(dom) + 4))
                    if r in right_at and not toks[r].brk), None)
        both = end is not None
        if end is None:
            end = max(_grow(toks, start, +1, budget, explained, {}), start + 1)
        # A context on one side only says where the slot starts, not where it ends: a guess (advice)
        # unless another signal agrees.
        out.extend(_context_slot(toks, start, end, term, explained, unique, related, 0.8 if both else 0.35))
    for r in right_at:
        if r == 0 or toks[r].brk:
            continue
        start = _grow(toks, r - 1, -1, budget, explained, {}) + 1
        out.extend(_context_slot(toks, min(start, r - 1), r, term, explained, unique, related, 0.35))
    return out


def _contexts_of(term: _Term, tgt: _Side) -> tuple[dict[tuple[str, ...], set[int]], dict[tuple[str, ...], set[int]]]:
    """The 2-4 word contexts left and right of the dominant group's occurrences, with their units;
    computed once per term."""
    if term.contexts is None:
        lefts: dict[tuple[str, ...], set[int]] = defaultdict(set)
        rights: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for occ_u, spans in term.class_spans.items():
            otoks = tgt.tokens[occ_u]
            for s, e in spans:
                for c in _context(otoks, s, -1):
                    lefts[tuple(t.key for t in c)].add(occ_u)
                for c in _context(otoks, e - 1, +1):
                    rights[tuple(t.key for t in c)].add(occ_u)
        term.contexts = (dict(lefts), dict(rights))
    return term.contexts


def _swapped(order: Sequence[str], dom_order: Sequence[str]) -> bool:
    """Are these words the dominant rendering's in two blocks swapped, each block in its own order: the
    paraphrase "X of Y" / "Y X" ("capture of carbon dioxide" / "carbon dioxide capture", "staunch
    defender of cyber security" / "cyber security staunch defender")? Words shuffled otherwise ("cyber
    staunch defender security") are no paraphrase."""
    order, dom_order = list(order), list(dom_order)
    return len(order) == len(dom_order) and any(order == dom_order[k:] + dom_order[:k] for k in range(1, len(order)))


def _common_phrase(dom: Sequence[Token], lang: str) -> bool:
    """Is the rendering a common-noun phrase in a language where only names take a capital? Its words
    may then come in another order ("carbon dioxide capture" / "capture of carbon dioxide", see
    _swapped): a paraphrase the syntax of the sentence asks for, not drift. A phrase with a name in it keeps its form
    ("Wesel County" / "County of Wesel", "Bac Giang province" / "province of Bac Giang" are near-variants)."""
    base = lang.split("-")[0]
    if base in _NOUN_CAPITALISING | _UNSPACED:
        return False
    return not any(_marked(t) for t in dom if t.content)


class _Recombination:
    """The dominant rendering's words spaced, hyphenated, glued or ordered otherwise, looked for in a unit;
    what depends on the rendering alone is prepared once per term."""

    def __init__(self, d_words: list[str], joined: str, d_parts: list[str], dom_len: int, dom_text: str,
                 lang_compounds: bool, reorder_ok: bool):
        self.d_words, self.joined, self.dom_len, self.dom_text = d_words, joined, dom_len, dom_text
        self.lang_compounds, self.reorder_ok = lang_compounds, reorder_ok
        self.prefixes = [d for d in d_words + d_parts if len(d) >= 4]
        # ``part``'s test by lookups: f starts one of them (is one of their beginnings), or one of them
        # starts f (f cut to one of their lengths is one of them).
        self._beginnings = {d[:k] for d in self.prefixes for k in range(1, len(d) + 1)}
        self._lengths = sorted({len(d) for d in self.prefixes})
        self._prefix_set = set(self.prefixes)
        # The dominant rendering's words in any order (Präsident der Republik / Republik-Präsident).
        self.orders = {"".join(p) for p in itertools.permutations(d_parts)}
        self.sorted_words = sorted(d_words)
        self._part: dict[str, bool] = {}

    @classmethod
    def of(cls, dom: list[Token], tgt: _Side, lang_compounds: bool, reorder_ok: bool = False
           ) -> Optional["_Recombination"]:
        d_words = [fold(t.text) for t in dom if t.content]
        joined = "".join(d_words)
        if len(joined) < 4 or len(d_words) > 4:
            return None
        # The parts of a hyphenated compound may be glued in another order too: US-Konsulat / Konsulat der US.
        d_parts = [fold(p) for t in dom if t.content for p in t.text.split("-") if p]
        if len(d_parts) > 4:
            d_parts = d_words
        return cls(d_words, joined, d_parts, len(dom), tgt.surface(dom).lower(), lang_compounds, reorder_ok)

    def part(self, f: str) -> bool:
        """Can this folded word be a piece of the rendering?"""
        got = self._part.get(f)
        if got is None:
            got = self._part[f] = f in self.joined or f in self._beginnings or any(
                f[:n] in self._prefix_set for n in self._lengths if n <= len(f))
        return got

    def find(self, toks: list[Token], blocked: set[int], tgt: _Side) -> list[tuple[float, int, int, str, str]]:
        joined, d_words = self.joined, self.d_words
        out = []
        for i in range(len(toks)):
            if i in blocked or not toks[i].content:
                continue
            parts: list[str] = []
            for j in range(i, min(len(toks), i + self.dom_len + 3)):
                if (j > i and toks[j].brk) or j in blocked or not toks[j].link:
                    break
                if not toks[j].content:
                    continue
                f = fold(toks[j].text)
                if not self.part(f):
                    break
                parts.append(f)
                if len(parts) > 4 or sum(map(len, parts)) > len(joined) + 3:
                    break
                if tgt.surface(toks[i:j + 1]).lower() == self.dom_text or len(parts) == len(d_words) == 1 and parts[0] == joined:
                    continue
                if len(parts) == len(d_words):
                    # Word by word, only the order can differ here (spellings are judged word by word).
                    if sorted(parts) == self.sorted_words and parts != d_words \
                            and not (self.reorder_ok and _swapped(parts, d_words)):
                        out.append((0.7, i, j + 1, "word order", "near"))
                    continue
                glued = "".join(parts)
                # Linking letters (Arbeitsmarkt / Markt der Arbeit) change a letter or two; a glued form
                # shorter than that has dropped a word: a shortened mention ("census" after "US Census").
                limit = 0 if len(joined) < 8 else 2
                if len(glued) < len(joined) - 1:
                    continue
                if any(glued == order or (limit and _edit_distance(glued, order, limit) <= limit) for order in self.orders):
                    if self.lang_compounds:
                        how = "compound"
                    elif glued == joined or (limit and _edit_distance(glued, joined, limit) <= limit):
                        how = "spacing"
                    else:  # the words of the dominant rendering in another order ("seats in the House")
                        how = "word order"
                    out.append((0.7, i, j + 1, how, "near"))
        return out


def _anchor_candidate(i: int, rel: str) -> tuple[float, int, int, str, str]:
    return (0.75, i, i + 1, rel, "variant") if rel == "spelling" else (0.6, i, i + 1, rel, "near")


def _context(toks: list[Token], edge: int, direction: int) -> list[list[Token]]:
    """Contexts of 2 to 4 tokens next to ``edge`` (no boundary between) with two content words: a
    single word next to a term ("in", "visit to") predicts nothing."""
    out = []
    for width in (4, 3, 2):
        if direction < 0:
            lo = edge - width
            if lo < 0 or any(toks[x].brk for x in range(lo + 1, edge + 1)):
                continue
            ctx = toks[lo:edge]
        else:
            hi = edge + 1 + width
            if hi > len(toks) or any(toks[x].brk for x in range(edge + 1, hi)):
                continue
            ctx = toks[edge + 1:hi]
        if sum(1 for t in ctx if t.content and len(t.key) >= 3) >= 2 and ctx[0].content and ctx[-1].content \
                or (direction < 0 and sum(1 for t in ctx if t.content and len(t.key) >= 3) >= 2 and ctx[0].content) \
                or (direction > 0 and sum(1 for t in ctx if t.content and len(t.key) >= 3) >= 2 and ctx[-1].content):
            out.append(ctx)
    return out


def _context_slot(toks: list[Token], a: int, b: int, term: _Term, explained, unique,  # type: ignore[no-untyped-def]
                  related: set[int], conf: float) -> list[tuple[float, int, int, str, str]]:
    while a < b and not toks[a].content:
        a += 1
    while b > a and not toks[b - 1].content:
        b -= 1
    if a >= b:
        return []
    content = [i for i in range(a, b) if toks[i].content]
    keys = {toks[i].key for i in content}
    if keys <= set(term.dom_skeleton) or any(i in related for i in content):
        return []  # a shortened or inflected mention (« le plan », "des Pressesprechers")
    if any(explained(i) for i in content) or any(toks[i].brk for i in range(a + 1, b)):
        return []
    # What is left over: words found nowhere else in the article make the slot more likely a variant.
    return [(conf + (0.1 if unique(content) else 0.0), a, b, "context", "variant")]


def _in_longer_name(occ: Occurrence, src: _Side, loose: bool = False) -> bool:
    """The source occurrence of a one-word name sits next to another word written as a name, joined by
    a space (Macquarie ⟦Australia⟧). ``loose``: the other word may open the sentence and stand in
    brackets ("Ice ⟦Scotland⟧ director", "Civil Engineers (Ice) ⟦Scotland⟧")."""
    toks = src.tokens[occ.unit]
    i = next((k for k, t in enumerate(toks) if t.start == occ.start), None)
    if i is None:
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(toks) or toks[j].func:
            continue
        gap = src.text[min(toks[i].end, toks[j].end): max(toks[i].start, toks[j].start)]
        if loose:
            if toks[j].text[:1].isupper() and gap.strip(" ()") == "" and len(gap) <= 2:
                return True
        elif not toks[max(i, j)].brk and _capital(toks[j]) and gap == " ":
            return True
    return False


def _name_around(occ: Occurrence, src: _Side) -> tuple[str, ...]:
    """The longer name a one-word source occurrence sits in, lower-cased: the capitalised words joined to it
    by spaces, and by one function word between two of them ("Ministry of Defence"); the word alone when
    it stands alone (or in a script without capitals)."""
    toks = src.tokens[occ.unit]
    i = next((k for k, t in enumerate(toks) if t.start == occ.start), None)
    if i is None:
        return (fold(src.text[occ.start:occ.end]),)

    def joined(a: int, b: int) -> bool:  # tokens a < b next to each other, one space apart
        return not toks[b].brk and src.text[toks[a].end:toks[b].start] == " "

    lo = hi = i
    while True:
        if lo >= 1 and _capital(toks[lo - 1]) and joined(lo - 1, lo):
            lo -= 1
        elif lo >= 2 and toks[lo - 1].func and _capital(toks[lo - 2]) and joined(lo - 2, lo - 1) and joined(lo - 1, lo):
            lo -= 2
        else:
            break
    while True:
        if hi + 1 < len(toks) and _capital(toks[hi + 1]) and joined(hi, hi + 1):
            hi += 1
        elif hi + 2 < len(toks) and toks[hi + 1].func and _capital(toks[hi + 2]) and joined(hi, hi + 1) \
                and joined(hi + 1, hi + 2):
            hi += 2
        else:
            break
    return tuple(fold(t.text) for t in toks[lo:hi + 1])


def _other_body(name: tuple[str, ...], dominant_names: set[tuple[str, ...]]) -> bool:
    """Whether ``name`` (``_name_around`` of a variant's source word) is a longer name that none of the
    dominant rendering's occurrences sits in."""
    return len(name) > 1 and name not in dominant_names


def _kept_in_longer_names(term: _Term, src: _Side) -> set[tuple[str, ...]]:
    """The longer names (``_name_around``) that keep a one-word name whose dominant rendering is a copy of
    it, when each unit of that rendering has the name inside a longer name: the word kept inside the names
    of companies and bodies ("British Airways") says nothing of how the translation renders the name alone
    or inside other names. Empty otherwise."""
    dom = term.dominant
    if dom is None or len(term.key) != 1 or not term.name or fold(dom.text) != fold(term.text):
        return set()
    names: set[tuple[str, ...]] = set()
    for u in {o.unit for o in dom.occurrences}:
        here = {_name_around(o, src) for o in term.occurrences if o.unit == u and _in_longer_name(o, src)}
        if not here:
            return set()
        names |= here
    return names


def _capital(t: Token) -> bool:
    return t.text[:1].isupper() and not t.initial


def _marked(t: Token) -> bool:
    """A name's word or an acronym: capitalised inside a sentence, or in capitals (two letters or more)."""
    return _capital(t) or (t.text.isupper() and len(t.text) >= 2)


def _grow(toks: list[Token], i: int, direction: int, budget: int, explained, anchors,  # type: ignore[no-untyped-def]
          keep_funcs: frozenset[str] = frozenset(), capitals: bool = False, cross_articles: bool = True,
          linked_heads: bool = False) -> int:
    """Extend from token ``i`` (exclusive end when going right, inclusive start when going left) over
    linking function words and unaccounted content words, at most ``budget`` content words; returns the
    new exclusive end (right) or the new start (left). Going left, only articles and the function words
    of the dominant rendering (``keep_funcs``: "Law ⟦and⟧ Justice") are crossed, articles only where the
    dominant rendering has one inside (``cross_articles``; "reading the ⟦Individual Number health
    insurance card⟧": an article opens the noun phrase, the word before it is another's); with
    ``capitals`` only capitalised content words are taken. Going right with ``linked_heads`` (Chinese,
    Japanese, Korean: a modifier comes before its head, joined by 的, の or 의), no function word is crossed but those of
    the dominant rendering: "⟦デジタル省⟧の長官" is the ministry's head, not the ministry."""
    if direction > 0:
        j = i
        last = i
        used = 0
        while j < len(toks) and not toks[j].brk and j not in anchors and toks[j].link:
            if linked_heads and toks[j].func and toks[j].norm and toks[j].norm not in keep_funcs:
                break
            if toks[j].content:
                if explained(j) or used >= budget or (capitals and not _capital(toks[j])):
                    break
                used += 1
                last = j + 1
            j += 1
        return last
    if i + 1 < len(toks) and toks[i + 1].brk:
        return i  # a boundary right there
    j = i
    first = i + 1
    used = 0
    while j >= 0 and j not in anchors and toks[j].link:
        if toks[j].func and toks[j].norm and toks[j].norm not in keep_funcs:
            break  # "Stimmen von ⟦Biden⟧": the word before a preposition heads another phrase
        if toks[j].func and not toks[j].norm and not cross_articles:
            break  # an article: the start of the noun phrase
        if toks[j].content:
            if explained(j) or used >= budget or (capitals and not _capital(toks[j])):
                break
            used += 1
            first = j
        if toks[j].brk:
            break
        j -= 1
    return first - 1


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]


def _quote_around(spans: list[tuple[int, int]], start: int, end: int) -> Optional[tuple[int, int]]:
    """The quoted span (of ``spans``, sorted) that holds ``[start, end)`` inside its marks, or None."""
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    return spans[i] if i >= 0 and spans[i][0] < start and end <= spans[i][1] else None


def _quoted_whole(text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is ``text[start:end]`` the whole content of a quoted span (《普惠计划》, not 《…普惠计划》)?"""
    around = _quote_around(spans, start, end)
    if around is None:
        return False
    qs, qe = around
    return text[qs + 1: qe - 1].strip() == text[start:end]


def _quotes_within(quotes: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The quoted spans (sorted) that open between offsets ``lo`` and ``hi``."""
    out = []
    for qs, qe in quotes[bisect.bisect_left(quotes, (lo, 0)):]:
        if qs > hi:
            break
        out.append((qs, qe))
    return out


def _quoted_variant(term: _Term, u: int, src: _Side, src_quotes: list[tuple[int, int]],
                    tgt_quotes: list[tuple[int, int]], tgt: _Side, term_spans: list[tuple[int, int]]
                    ) -> list[tuple[float, int, int, str, str]]:
    """A term quoted in the source and the quoted span of the unit's target in the same place among the
    unit's quoted spans (as many on both sides: else one may render another source quote), lacking
    the dominant."""
    quoted = [(s, e) for s, e in term_spans if _quoted_whole(src.text, src_quotes, s, e)]
    if not quoted:
        return []
    toks = tgt.tokens[u]
    if not toks or not src.tokens[u]:
        return []
    spans = _quotes_within(tgt_quotes, toks[0].start, toks[-1].end)
    src_spans = _quotes_within(src_quotes, src.tokens[u][0].start, src.tokens[u][-1].end)
    place = next((k for k, (qs, qe) in enumerate(src_spans) if qs < quoted[0][0] and quoted[0][1] < qe), None)
    if not spans or len(spans) != len(src_spans) or place is None:
        return []
    qs, qe = spans[place]
    inner = [i for i, t in enumerate(toks) if qs < t.start and t.end < qe]
    if not inner:
        return []
    keys = {toks[i].key for i in inner if toks[i].content}
    if not keys or keys <= set(term.dom_skeleton):
        return []
    # The only quoted span of the unit is a pointer, not evidence: alone it is advice. Where the
    # translation quotes the dominant rendering whole wherever it has it (a title: 《胜算》, "Winning
    # Odds"), the quotes are a convention of the article and the one quoted span here is the title.
    assert term.dominant is not None
    titled = all(_quoted_whole(tgt.text, tgt_quotes, o.start, o.end) for o in term.dominant.occurrences)
    return [(0.6 if titled else 0.45, inner[0], inner[-1] + 1, "quotes", "variant")]


def _support(term: _Term, tgt: _Side) -> None:
    """Variants in different units that share a word the dominant rendering lacks (« plan d'avantages
    universels », « régime de prestations universelles ») are one alternative vocabulary for the term:
    each makes the other more likely."""
    words = []
    for v in term.variants:
        toks = [t for t in tgt.tokens[v.unit] if v.start <= t.start and t.end <= v.end and t.content]
        words.append({t.key for t in toks} - set(term.dom_skeleton))
    for k, v in enumerate(term.variants):
        if v.kind != "variant":
            continue
        if any(words[k] & words[m] for m, w in enumerate(term.variants) if w.unit != v.unit and w.kind == "variant"):
            v.confidence = round(min(0.95, v.confidence + 0.1), 2)
            v.how += "+shared with another variant"


# A word aligner's answer for a term occurrence: (bead index, source start, source end) -> the target span
# its words are linked to, or None (mtcheck.align.words over a model; see checks/terms.py).
WordSpan = Callable[[int, int, int], Optional[tuple[int, int]]]
WORD_ALIGNMENT_CONFIDENCE = 0.55  # a variant only the word aligner points at: minor, major with one more signal


def _aligned_variant(word_span: WordSpan, u: int, term_spans: Sequence[tuple[int, int]], toks: Sequence[Token],
                     blocked: set[int]) -> list[tuple[float, int, int, str, str]]:
    """Candidates from a word aligner: the target words a term occurrence is linked to, when they are not
    the dominant rendering's words (those are the rendering, not a variant)."""
    out = []
    for start, end in term_spans:
        span = word_span(u, start, end)
        if span is None:
            continue
        idx = [k for k, t in enumerate(toks) if t.start < span[1] and span[0] < t.end]
        while idx and not toks[idx[0]].content:
            idx.pop(0)  # an article or elision the word aligner took with the word ("l'institut")
        while idx and not toks[idx[-1]].content:
            idx.pop()
        if not idx or any(k in blocked for k in idx):
            continue
        out.append((WORD_ALIGNMENT_CONFIDENCE, idx[0], idx[-1] + 1, "word alignment", "variant"))
    return out


_DomIndex = dict[int, list[tuple[int, TermRenderings, Occurrence]]]


def _dominants_by_unit(terms: Sequence[TermRenderings]) -> _DomIndex:
    """Each unit's dominant-rendering occurrences: (the term's number of occurrences, the term, the
    occurrence)."""
    out: _DomIndex = defaultdict(list)
    for t in terms:
        if t.dominant is not None:
            for o in t.dominant.occurrences:
                out[o.unit].append((len(t.occurrences), t, o))
    return out


def _contested(term: TermRenderings, v: Variant, dominants: _DomIndex) -> bool:
    """Whether a nested term found more often disagrees with ``term`` on ``v``: ``v`` holds the nested term's
    dominant rendering, and the nested term flags a variant inside ``term``'s usual rendering. The one with
    more occurrences says. ("White House press secretary" is rendered „Pressesprecherin des Weißen Hauses“
    twice and „Pressesekretärs des Weißen Hauses“ once, but "press secretary", found five times, is
    „Pressesekretär“ three times: „Pressesprecherin“ is flagged, „Pressesekretärs des Weißen Hauses“ not
    the other way; "consulate in Chengdu", usually „US-Konsulat in Chendu“, does not flag „Konsulat in
    Chengdu“ where "Chengdu" itself is usually „Chengdu“ and „Chendu“ its variant.) Where the nested term
    flags nothing inside the usual rendering there is no disagreement: "Province of Bac Giang" for "Bac
    Giang Province", « … en intelligence artificielle » for « … en matière d'intelligence artificielle »,
    „Quarantine Center“ / „Quarantine Centre“ tied inside 竹篙湾检疫中心 stay flagged."""
    n = len(term.occurrences)
    usual = term.dominant.occurrences if term.dominant is not None else []
    for n_other, other, o in dominants.get(v.unit, ()):
        if n_other <= n or other is term or not (v.start <= o.start and o.end <= v.end):
            continue
        if not any(d.unit == w.unit and d.start <= w.start and w.end <= d.end for w in other.variants for d in usual):
            continue  # the nested term flags none of this term's usual renderings: no disagreement to settle
        if any(s.unit == v.unit and v.source_start <= s.start and s.end <= v.source_end for s in other.occurrences):
            return True
    return False


def find_renderings(source: Document, target: Document, alignment: Sequence[Bead],
                    min_units: int = 3, word_span: Optional[WordSpan] = None,
                    wanted: Optional[Callable[[set[int], set[int]], bool]] = None) -> list[TermRenderings]:
    """Every recurring source term with its dominant rendering and the variants found in other units.

    With ``word_span`` (a word aligner over a multilingual encoder), a unit where the term occurs without
    its dominant rendering also gets the target words the aligner links the term to as a candidate: alone
    a minor variant, with another signal on the same words a major one.

    ``wanted(term units, dominant rendering units)``: whether a term's variants are looked for at all (the
    batch term memory wants only terms spread over several articles); the others come back without
    variants. Every term's dominant rendering is still found, as it tells which target words other
    terms account for, so the variants of the terms wanted are exactly what they would be without it.
    With ``wanted`` (a pooled batch), rare short nouns are no candidates."""
    from ..checks.entities import name_and_adjective, two_names  # lazily: the checks package imports this module

    units = [k for k, b in enumerate(alignment) if b.source and b.target]
    src = _Side({k: tokenize(source, alignment[k].source) for k in units}, source.text)
    tgt = _Side({k: tokenize(target, alignment[k].target) for k in units}, target.text)
    # Short nouns are terms of one article: across a batch their renderings follow each article's topic
    # (and they would cost the pooled memory a fifth of its time).
    # Short nouns are told by jieba's dictionary counts: Chinese only.
    terms = _source_terms(src, source, min_units, {k: alignment[k].source for k in units},
                          short_nouns=wanted is None and source.lang == "zh")
    for term in terms:
        _dominant(term, src, tgt, source.lang, target.lang)
    _joint_dominants(terms, src, tgt, target.lang)
    _nested_shrunk(terms, src, tgt, source.lang, target.lang)
    if source.lang in _UNSPACED:
        for term in terms:
            if term.dominant is not None:
                _head_added(term, terms, tgt)
    for term in terms:
        if term.name and term.dominant is not None:
            _given_name_added(term, terms, tgt)
    # A short noun rendered by a single common word ("epidemic") is no term after all.
    terms = [t for t in terms if not t.short or (t.dominant is not None and _specific_rendering(t))]
    expl = _Explainer(src, tgt, terms, source.lang, target.lang)
    src_quotes, tgt_quotes = src.quotes(), tgt.quotes()
    for term in terms:
        if term.dominant is None or (wanted is not None and not wanted(term.units, term.dominant.units)):
            continue
        # Units where the source writes in lower case a term it mostly writes with a capital.
        lower = {o.unit for o in term.occurrences if source.text[o.start:o.start + 1].islower()}
        if 2 * len(lower) >= len(term.units):
            lower = set()
        other_kind, other_units = _other_kinds(term, src) if source.lang in _UNSPACED else ({}, set())
        for u in sorted(term.units):
            term_spans = [(o.start, o.end) for o in term.occurrences if o.unit == u]
            if u in lower or other_kind.get(u, 0) >= len(term_spans):
                # Not this term here: a common noun where the source writes the name in lower case ("the
                # mujahed Mahmoud Guemama" where the others have "Mujahed Mahmoud Guemama"), which the
                # translation may well translate („Mudschahed“); or the name of another kind of place
                # (北江市 where the others are 北江省).
                continue
            spans = term.class_spans.get(u, [])
            blocked = {i for a, b in spans for i in range(a, b)}
            strict = len(spans) >= len(term_spans)
            cands = _slot_variant(term, u, tgt, expl, target.lang, term_spans, blocked, strict)
            if not spans:
                cands += _quoted_variant(term, u, src, src_quotes, tgt_quotes, tgt, term_spans)
                if not cands:
                    cands = _lone_name(term, u, src, tgt, expl, term_spans, target.lang)
                elif max(c[0] for c in cands) < 0.5:
                    # Where the other signals are only a guess, a lone replacing name on the same words
                    # backs it, even beside another name of the source: two signals agree.
                    cands += [c for c in _lone_name(term, u, src, tgt, expl, term_spans, target.lang, loose_ok=True)
                              if any(c[1] < b and a < c[2] for _, a, b, _, _ in cands)]
            if word_span is not None and len(spans) < len(term_spans):
                cands += _aligned_variant(word_span, u, term_spans, tgt.tokens[u], blocked)
            toks = tgt.tokens[u]
            if u in other_units and cands:
                # The name with another kind word ("Bac Giang City" beside "Bac Giang Province") renders
                # the occurrence of the other kind.
                head = [t.key for t in term.dom_tokens if t.content][:-1]
                cands = [c for c in cands if not head or [t.key for t in toks[c[1]:c[2]] if t.content][:-1] != head]
            if not cands:
                continue
            n_dom = sum(1 for t in term.dom_tokens if t.content)
            ranked = []
            for conf, a, b, how, kind in cands:
                # Two signals pointing at overlapping words strengthen each other.
                agree = {h for c, a2, b2, h, k in cands if h != how and a2 < b and a < b2}
                c = min(0.95, conf + 0.15 * len(agree)) if kind == "variant" else conf
                label = "+".join(sorted({how} | agree))
                # "An n-gram of similar length": among equal signals, the slot shaped like the dominant
                # rendering ("trade accord" for "trade agreement", not "trade negotiation team").
                shape = -abs(sum(1 for t in toks[a:b] if t.content) - n_dom)
                ranked.append(((_PRIORITY.get(how, 2), shape, c, kind == "variant", -(b - a), -a), a, b, label, kind, c))
            ranked.sort(key=lambda r: r[0], reverse=True)
            # As many variants as the source has occurrences without a rendering (all spellings when
            # the renderings are all there: they sit beside them).
            room = len(term_spans) - len(spans)
            taken: list[tuple[int, int]] = []
            for _, a, b, label, kind, c in ranked:
                if any(a < b2 and a2 < b for a2, b2 in taken):
                    continue
                if not strict and len(taken) >= room:
                    break
                taken.append((a, b))
                term.variants.append(Variant(u, toks[a].start, toks[b - 1].end,
                                             target.text[toks[a].start:toks[b - 1].end], round(c, 2), label, kind))
        if term.short and not all(_quoted_whole(source.text, src_quotes, o.start, o.end) for o in term.occurrences):
            # A common noun's translation may vary with the sentence (flood prevention / flood control):
            # only a respelling, spacing or reordering of its specific rendering is drift. Not a title
            # quoted whole wherever it occurs (《胜算》): a name.
            term.variants = [v for v in term.variants if v.kind == "near" or "spelling" in re.split(r"[+/]", v.how)]
        _support(term, tgt)
        for v in term.variants:
            occ = next(o for o in term.occurrences if o.unit == v.unit)
            v.source_start, v.source_end = occ.start, occ.end
        if any(v.kind == "near" for v in term.variants):
            term.variants = [v for v in term.variants
                             if v.kind != "near" or not _factored(term, v, src, target.text, target.lang)]
        if term.variants and term.dominant is not None:
            term.variants = [v for v in term.variants if not _neighbour_added(term, v, src)]
        if term.variants and term.name and term.dominant is not None \
                and fold(term.dominant.text) == fold(term.text):
            # A name kept as it is varies by another name (a spelling, an expansion), never by words all
            # in lower case: „immer noch einen syrischen“ is no rendering of "IS".
            term.variants = [v for v in term.variants if v.kind == "near"
                             or any(t.text[:1].isupper() for t in tgt.tokens[v.unit]
                                    if v.start <= t.start < v.end and t.content)]
        if wanted is not None and term.variants and term.name and len(term.key) == 1 and term.dominant is not None:
            # Across a batch, "Ministry of Transport", "Ministry of Defence", "Foreign Ministry": the word
            # heads the names of several bodies; where it sits in a name no dominant occurrence sits in,
            # the other rendering („Verkehrsministerium“) is that body's name, not drift of
            # „Außenministerium“ (a respelling is drift wherever it sits). In one article the word mostly
            # names one body ("the Ministry of Foreign Affairs" after "the Foreign Ministry").
            dom_units = {o.unit for o in term.dominant.occurrences}
            names = {_name_around(o, src) for o in term.occurrences if o.unit in dom_units}
            term.variants = [v for v in term.variants if v.kind == "near" or "spelling" in v.how or not _other_body(
                _name_around(Occurrence(v.unit, v.source_start, v.source_end), src), names)]
        kept_in = _kept_in_longer_names(term, src) if term.variants else None
        if kept_in:
            # "Macquarie Australia", "JC Decaux Australia" keep the word; "in Australia" translates it
            # („Australien“), and so may another body's name ("Association of British Travel Agents",
            # „Verband der Britischen Reiseveranstalter“, beside "British Airways"): other names, not
            # one term rendered two ways. Drift is in the same names; a misspelling („Brittish“, no word of the
            # language, unlike „Australien“) is drift wherever it sits.
            term.variants = [v for v in term.variants if v.kind == "near" or (
                "spelling" in v.how and not any(_known_word(w, target.lang) for w in v.text.lower().split())) or (
                _in_longer_name(o := Occurrence(v.unit, v.source_start, v.source_end), src)
                and _name_around(o, src) in kept_in)]
        if term.variants and term.name and len(term.key) == 1 and term.dominant is not None \
                and fold(term.dominant.text) != fold(term.text):
            # The other way round: the name translated („Schottland“) and kept as it is inside the name
            # of a body ("Ice ⟦Scotland⟧"): the body's name, not a rendering of the word.
            term.variants = [v for v in term.variants if fold(v.text) != fold(term.text) or not any(
                _in_longer_name(o, src, loose=True) for o in term.occurrences if o.unit == v.unit)]
        if term.variants and term.dominant is not None:
            # "British" beside "UK", "American" beside "US" (英国, 美国): a country's adjective or people and its
            # name are one term in two parts of speech (the equivalents file of entities.acronym says which).
            term.variants = [v for v in term.variants if not name_and_adjective(term.dominant.text, v.text, target.lang)]
            # "United States" beside "US", "renminbi" beside "RMB": two names of one thing (the equivalents
            # file, or an acronym and the words that spell it) are a near-variant, as two spellings are.
            for v in term.variants:
                if v.kind != "near" and two_names(term.dominant.text, v.text, target.lang):
                    v.kind, v.how = "near", "another name of the same thing"
        term.variants.sort(key=lambda v: v.start)
    out = [TermRenderings(t.text, t.key, t.occurrences, t.dominant, t.variants) for t in terms]
    # A nested term found more often settles a disagreement with the term around it (_contested), judged on
    # the variants as found, then dropped from all at once.
    dominants = _dominants_by_unit(out)
    kept = [[v for v in t.variants if not _contested(t, v, dominants)] for t in out]
    for t, variants in zip(out, kept):
        t.variants = variants
    return out
