"""Terminology drift without a glossary: one source term rendered in different ways in one article.

The method follows the leads of terminology.md, in two passes over the aligned units (beads).

Pass 1, the dominant rendering of every recurring source term:

1. Term candidates are source n-grams (jieba words for Chinese, lemmas elsewhere) that recur in at least
   ``min_units`` units and look specific (several words, a long word, a name, an acronym), pruned to
   closed n-grams: one whose every occurrence lies inside occurrences of one longer candidate goes (普惠
   inside 普惠计划). The pruning looks only at the n-grams covering each occurrence, so it is linear.
2. Target words associated with the term are those found in at least two of its units with a Dice
   coefficient over units of 0.4 or more, on lemmas (Smadja, McKeown & Hatzivassiloglou 1996,
   "Translating collocations for bilingual lexicons"). Candidate renderings are the target n-grams of the
   term's units built from associated content words, with function words inside (« plan inclusif »,
   « renforcement des capacités en matière d'intelligence artificielle »); a context word such as a
   verb of saying is not associated and does not enter a rendering.
3. Renderings are grouped by their *skeleton*, the multiset of their content lemmas; articles,
   prepositions and complex prepositions (« en matière de », „im Bereich“) are not content. The
   dominant group is the one with the best Dice over units, grown to a larger skeleton while its Dice stays
   within 80 % (« plan inclusif » rather than « plan »). Inside the dominant group, the most frequent form
   is the suggestion; another form of the same skeleton that differs by linking words or word order
   (« … en intelligence artificielle » / « … en matière d'intelligence artificielle », "Wesel County" /
   "County of Wesel") is a *near-variant* (reported as minor).

Pass 2, variants in the units where the term occurs and its dominant group does not:

- Anchors: a word the unit shares with the dominant rendering (same lemma, or one word family by an
  inflection or derivation ending: Russia / Russian), a spelling variant of one of its words (Wesel /
  Wessel, by edit distance), the same letters spaced or hyphenated otherwise (Xiangguo / Xiang Guo), a
  part or a sibling of a German compound (Konföderiertenflagge / Flagge der Konföderierten,
  Innenminister / Innenressortchef), an acronym of its words (OTAN / Organisation du traité de
  l'Atlantique nord).
- The slot grows from the anchors towards the side where the dominant rendering has the words the unit
  lacks, over words that no other source word of the unit accounts for; a word is accounted for when it
  is part of another term's rendering, a cognate or copy of a source word (numbers, names), or
  associated (Dice over units) with a source word outside the term. The slot is a *variant* only when
  it is a substitution: some content of the dominant rendering is missing *and* some unaccounted content
  is present (« plan d'avantages universels » for « plan inclusif »). A subset is a shortened mention
  (« le plan » after « le plan inclusif »: not drift); a superset is a fuller mention (not drift).
- Context: the words around the dominant rendering elsewhere predict the slot here (« la mise en œuvre
  du ⟦plan inclusif⟧ » → « la mise en œuvre du ⟦régime de prestations universelles⟧ »); both sides
  matching pin the slot exactly and give more confidence.
- Quotes: a term quoted in the source (《》 “” « » „“ 「」) whose unit has one quoted span in the target
  lacking the dominant rendering points at that span.

Confidence follows the signals: two agreeing signals raise it; the check turns it into a severity.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from ..types import Bead, Document
from .matching import normalise_token
from .stopwords import articles, complex_prepositions, function_canon, inflection_suffixes, stopwords

_UNSPACED = {"zh", "ja"}
_COMPOUNDING = {"de", "nl", "sv", "da", "no", "nb", "nn", "fi", "is"}
_WORD_RE = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
# Characters that may sit between two tokens of one phrase: spaces, apostrophes (l'…, d'…), hyphens.
_JOINERS = set(" \u00a0\u202f'’-")
_OPEN_QUOTES = "《“«„「『\"‘"
_CLOSE_QUOTES = "》”»“」』\"’"
_QUOTED_RE = re.compile(r"《[^《》\n]{1,80}》|“[^“”\n]{1,80}”|«[^«»\n]{1,100}»|„[^„“\n]{1,100}“|「[^「」\n]{1,80}」|\"[^\"\n]{1,100}\"")

MAX_SOURCE_N = 5
MAX_TARGET_N = 10
TOKEN_DICE = 0.4  # a target word this associated with a term may be part of its rendering
MIN_DICE = 0.5  # a dominant rendering at least this associated with the term
GROW_RATIO = 0.8  # a larger skeleton is preferred while its Dice stays within this ratio of the best
EXPLAIN_DICE = 0.5  # a target word this associated with another source word is accounted for


@dataclass(frozen=True)
class Token:
    start: int  # offset in the document
    end: int
    text: str
    key: str  # comparison key (lemma, lower-cased)
    stop: bool  # a function word
    brk: bool  # a phrase boundary sits between the previous token and this one
    pos: str = ""  # part of speech where known (jieba's tags for Chinese)
    func: bool = False  # a function word, or a word of a complex preposition (« en matière de »)
    norm: str = ""  # canonical form for comparing two renderings ("" for an article)


@dataclass
class Occurrence:
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


def tokenize(doc: Document, sentence_ids: Sequence[int]) -> list[Token]:
    """Tokens of the given sentences of ``doc`` with document offsets; sentence ends are boundaries."""
    lang = doc.lang
    stops = stopwords(lang)
    canon = function_canon(lang)
    arts = articles(lang)
    raw: list[tuple[int, int, str, str, str, bool, bool]] = []
    for sid in sentence_ids:
        sent = doc.sentences[sid]
        if lang == "zh":
            pieces = []
            pos = 0
            for word, flag in _posseg().cut(sent.text):
                pieces.append((pos, pos + len(word), word, flag))
                pos += len(word)
        else:
            pieces = [(m.start(), m.end(), m.group(), "") for m in _WORD_RE.finditer(sent.text)]
        prev_end: Optional[int] = None
        for s, e, word, flag in pieces:
            if not any(ch.isalnum() for ch in word):
                prev_end = None  # punctuation token: boundary
                continue
            gap = sent.text[prev_end:s] if prev_end is not None else None
            brk = gap is None or any(ch not in _JOINERS for ch in gap)
            key = word if lang in _UNSPACED else normalise_token(word, lang)
            stop = key in stops or word.lower() in stops
            raw.append((sent.start + s, sent.start + e, word, key, flag, stop, brk))
            prev_end = e
    lows = [r[2].lower() for r in raw]
    func = [r[5] for r in raw]
    for pattern in complex_prepositions(lang):
        n = len(pattern)
        for i in range(len(raw) - n + 1):
            if tuple(lows[i:i + n]) == pattern and not any(raw[i + j][6] for j in range(1, n)):
                for j in range(n):
                    func[i + j] = True
    out = []
    for i, (s, e, word, key, flag, stop, brk) in enumerate(raw):
        norm = canon.get(lows[i], key if not stop else lows[i])
        norm = " ".join(w for w in norm.split() if w not in arts)
        out.append(Token(s, e, word, key, stop, brk, flag, func[i] or stop, norm))
    return out


@lru_cache(maxsize=1)
def _posseg():  # type: ignore[no-untyped-def]
    from ..segment import _jieba

    _jieba()  # initialised quietly
    import jieba.posseg

    return jieba.posseg


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Lower case without accents, hyphens or apostrophes: for comparing spellings."""
    low = word.lower().replace("ß", "ss")
    low = "".join(ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch))
    return re.sub(r"[-'’\s]", "", low)


# jieba tags: a Chinese term ends in a noun (or a verbal noun, abbreviation, foreign word) and does not
# start with a verb, adverb, preposition, conjunction, particle, pronoun or numeral.
_ZH_TERM_END = {"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "vn", "j", "eng", "an", "nw"}
_ZH_BAD_START = {"v", "vd", "d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "f", "q", "a", "ad", "t"}
_ZH_PROPER = {"nr", "ns", "nt", "nz", "nrt", "nrfg", "eng", "nw"}


def _ngrams(tokens: list[Token], max_n: int) -> Iterable[tuple[int, int]]:
    """(i, n) for every n-gram that crosses no boundary and neither starts nor ends with a stop word."""
    for i in range(len(tokens)):
        if tokens[i].stop:
            continue
        for n in range(1, max_n + 1):
            j = i + n - 1
            if j >= len(tokens) or (n > 1 and tokens[j].brk):
                break
            if tokens[j].stop:
                continue
            yield i, n


def _specific_source(toks: list[Token], lang: str, text: str) -> bool:
    if all(t.text.isdigit() for t in toks):
        return False
    if lang == "zh" and toks[0].pos:
        if toks[-1].pos not in _ZH_TERM_END or toks[0].pos in _ZH_BAD_START:
            return False
        return len(toks) >= 2 or len(toks[0].text) >= 4 or (toks[0].pos in _ZH_PROPER and len(toks[0].text) >= 2)
    if lang in _UNSPACED:
        return len(toks) >= 2 or len(toks[0].text) >= 3
    if len(toks) >= 2:
        return any(len(t.text) >= 4 and not t.func for t in toks)
    word = toks[0].text
    # A single word must be a name or an acronym, not a common noun such as « pays ».
    return (word.isupper() and len(word) >= 2) or (word[:1].isupper() and not _sentence_initial(text, toks[0]))


def _sentence_initial(text: str, tok: Token) -> bool:
    before = text[max(0, tok.start - 3): tok.start].strip(" \"'«“„(《「")
    return before == "" or before[-1:] in ".!?:\n"


def _content(t: Token) -> bool:
    return not t.func and (len(t.key) >= 2 or not t.key.isascii())


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

    def surface(self, tokens: Sequence[Token]) -> str:
        return self.text[tokens[0].start: tokens[-1].end]

    def ngram_units(self, key: tuple[str, ...]) -> frozenset[int]:
        """Units where the lemma sequence ``key`` occurs (crossing no boundary)."""
        got = self._ngram_units.get(key)
        if got is not None:
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


# --- pass 1: terms and their dominant renderings ---------------------------------------------------------


@dataclass
class _Term:
    key: tuple[str, ...]
    text: str
    occurrences: list[Occurrence]
    units: set[int]
    assoc: dict[str, float] = field(default_factory=dict)
    dominant: Optional[Rendering] = None
    dom_tokens: list[Token] = field(default_factory=list)  # the tokens of one dominant occurrence
    dom_norm: tuple[str, ...] = ()
    dom_skeleton: tuple[str, ...] = ()
    class_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # unit -> token ranges
    variants: list[Variant] = field(default_factory=list)


def _source_terms(src: _Side, source: Document, min_units: int) -> list[_Term]:
    occ_pos: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    pos_key: dict[tuple[int, int, int], tuple[str, ...]] = {}
    text_of: dict[tuple[str, ...], str] = {}
    for k, toks in src.tokens.items():
        for i, n in _ngrams(toks, MAX_SOURCE_N):
            span = toks[i: i + n]
            if not _specific_source(span, source.lang, source.text):
                continue
            key = tuple(t.key for t in span)
            occ_pos[key].append((k, i, n))
            pos_key[(k, i, n)] = key
            text_of.setdefault(key, source.text[span[0].start: span[-1].end])
    candidates = {key for key, occ in occ_pos.items() if len({k for k, _, _ in occ}) >= min_units}
    terms = []
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
        toks = src.tokens
        occs = [Occurrence(k, toks[k][i].start, toks[k][i + n - 1].end) for k, i, n in occ_pos[key]]
        terms.append(_Term(key, text_of[key], occs, {o.unit for o in occs}))
    terms.sort(key=lambda t: (t.occurrences[0].start, t.key))
    return terms


def _skeleton(tokens: Sequence[Token]) -> tuple[str, ...]:
    return tuple(sorted(t.key for t in tokens if _content(t)))


def _norm(tokens: Sequence[Token]) -> tuple[str, ...]:
    return tuple(w for t in tokens for w in t.norm.split())


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    cb, cs = Counter(big), Counter(small)
    return all(cb[k] >= v for k, v in cs.items())


def _dominant(term: _Term, src: _Side, tgt: _Side) -> None:
    units = term.units
    counts: Counter = Counter()
    for u in units:
        counts.update({t.key for t in tgt.tokens[u] if _content(t)})
    assoc = {}
    for key, inter in counts.items():
        if inter >= 2:
            d = _dice(inter, len(units), len(tgt.units[key]))
            if d >= TOKEN_DICE:
                assoc[key] = d
    # Competitive linking (Melamed 2000, "Models of translational equivalence"): a target word that
    # another source word of these units explains better is that word's translation, not part of this
    # term's rendering (« renforcement » goes with 建设, not with 人工智能).
    if assoc:
        own = set(term.key)
        rivals = {s.key for u in units for s in src.tokens[u] if _content(s) and s.key not in own}
        for key in list(assoc):
            t_units = tgt.units[key]
            for s in rivals:
                s_units = src.units[s]
                inter = len(s_units & t_units)
                if inter >= 2 and _dice(inter, len(s_units), len(t_units)) > assoc[key] + 0.05:
                    del assoc[key]
                    break
    term.assoc = assoc
    if not assoc:
        return
    # Candidate renderings: n-grams of associated content words (function words inside).
    members: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    for u in units:
        toks = tgt.tokens[u]
        for i, t in enumerate(toks):
            if t.key not in assoc or not _content(t):
                continue
            for n in range(1, MAX_TARGET_N + 1):
                j = i + n - 1
                if j >= len(toks) or (n > 1 and toks[j].brk):
                    break
                tj = toks[j]
                if not _content(tj):
                    continue
                if tj.key not in assoc:
                    break
                members[tuple(x.key for x in toks[i: j + 1])].append((u, i, n))
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
        scored.append((_dice(len(inside), len(units), len(everywhere)), len(skel), skel))
    if not scored:
        return
    scored.sort(key=lambda x: (-x[0], -x[1], x[2]))
    best_dice, _, best = scored[0]
    if best_dice < MIN_DICE:
        return
    top = best_dice
    while True:
        bigger = [(size, d, skel) for d, size, skel in scored
                  if size > len(best) and d >= GROW_RATIO * top and _contains(skel, best)]
        if not bigger:
            break
        _, best_dice, best = max(bigger)
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
    u0, a0, b0 = where[0]
    surfaces = Counter()
    first_at: dict[str, int] = {}
    for u, a, b in where:
        toks = tgt.tokens[u]
        text = tgt.surface(toks[a:b])
        surfaces[text] += 1
        first_at.setdefault(text, toks[a].start)
    text = max(surfaces, key=lambda s: (surfaces[s], -first_at[s]))
    term.dominant = Rendering(tuple(t.key for t in tgt.tokens[u0][a0:b0]), text,
                              [Occurrence(u, tgt.tokens[u][a].start, tgt.tokens[u][b - 1].end) for u, a, b in where],
                              round(best_dice, 3))
    term.dom_tokens = tgt.tokens[u0][a0:b0]
    term.dom_norm = form
    term.dom_skeleton = best
    # Near-variants: the same skeleton in another form, when the dominant form is clearly the usual one.
    for other, owhere in by_form.items():
        if other == form or len(where) < 2 or len(owhere) >= len(where):
            continue
        for u, a, b in owhere:
            toks = tgt.tokens[u]
            how = "word order" if sorted(other) == sorted(form) else "linking words"
            term.variants.append(Variant(u, toks[a].start, toks[b - 1].end, tgt.surface(toks[a:b]), 0.6,
                                         how, "near"))


# --- pass 2: variants ------------------------------------------------------------------------------------


class _Explainer:
    """Which target words of a unit other source words account for (see the module docstring)."""

    def __init__(self, src: _Side, tgt: _Side, terms: list[_Term], tgt_lang: str):
        self.src, self.tgt = src, tgt
        self.tgt_lang = tgt_lang
        # Target token ranges of every term's dominant group, per unit, with the term's source spans.
        self.covered: dict[int, list[tuple[int, int, list[tuple[int, int]]]]] = defaultdict(list)
        for term in terms:
            if term.dominant is None:
                continue
            for u, spans in term.class_spans.items():
                src_spans = [(o.start, o.end) for o in term.occurrences if o.unit == u]
                for a, b in spans:
                    self.covered[u].append((a, b, src_spans))

    def explained(self, u: int, i: int, term_spans: list[tuple[int, int]]) -> bool:
        """Is target token ``i`` of unit ``u`` accounted for by source words outside ``term_spans``?"""
        t = self.tgt.tokens[u][i]
        for a, b, spans in self.covered.get(u, ()):
            if a <= i < b and not any(s < te and ts < e for s, e in spans for ts, te in term_spans):
                return True
        tf = fold(t.text)
        t_units = self.tgt.units[t.key]
        for s in self.src.tokens[u]:
            if s.func or any(ts <= s.start < te for ts, te in term_spans):
                continue
            sf = fold(s.text)
            if (tf.isdigit() and tf == sf) or (len(tf) >= 3 and _cognate(sf, tf)):
                return True
            s_units = self.src.units[s.key]
            inter = len(s_units & t_units)
            if inter >= 2 and _dice(inter, len(s_units), len(t_units)) >= EXPLAIN_DICE:
                return True
        return False


def _cognate(a: str, b: str) -> bool:
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 5 or (n >= 4 and n >= 0.8 * min(len(a), len(b)))


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


def _relation(word: str, dom_word: str, lang: str) -> Optional[str]:
    """How a word of the unit relates to a word of the dominant rendering (both surface forms)."""
    a, b = fold(word), fold(dom_word)
    if len(a) < 2 or len(b) < 2:
        return "same" if a == b else None
    if a == b:
        return "same" if word.lower() == dom_word.lower() else "orthography"
    p = 0
    for x, y in zip(a, b):
        if x != y:
            break
        p += 1
    suffixes = inflection_suffixes(lang)
    if p >= 4 and p >= 0.6 * min(len(a), len(b)) and a[p:] in suffixes and b[p:] in suffixes:
        return "same"  # one word family: inflection or derivation (Russia / Russian)
    if min(len(a), len(b)) >= 4:
        limit = 1 if min(len(a), len(b)) < 7 else 2
        if _edit_distance(a, b, limit) <= limit:
            return "spelling"
    if lang.split("-")[0] in _COMPOUNDING and min(len(a), len(b)) >= 4:
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


def _acronym_of(acronym: str, words: Sequence[Token]) -> bool:
    letters = "".join(t.text[0] for t in words if _content(t) or t.text[:1].isupper()).upper()
    return len(acronym) >= 2 and letters == acronym.upper()


def _slot_variant(term: _Term, u: int, tgt: _Side, expl: _Explainer, lang: str,
                  term_spans: list[tuple[int, int]]) -> list[tuple[float, int, int, str, str]]:
    """Candidate variants (confidence, first token, end token, how, kind) in unit ``u``."""
    toks = tgt.tokens[u]
    dom = term.dom_tokens
    dom_content = [j for j, t in enumerate(dom) if _content(t)]
    out: list[tuple[float, int, int, str, str]] = []
    cache: dict[int, bool] = {}

    def explained(i: int) -> bool:
        if i not in cache:
            cache[i] = expl.explained(u, i, term_spans)
        return cache[i]

    # --- anchors -----------------------------------------------------------------------------------
    anchors: dict[int, tuple[int, str]] = {}  # token index -> (dominant word index, relation)
    for i, t in enumerate(toks):
        if not _content(t):
            continue
        best: Optional[tuple[int, str]] = None
        for j in dom_content:
            rel = "same" if t.key == dom[j].key else _relation(t.text, dom[j].text, lang)
            if rel and (best is None or rel == "same"):
                best = (j, rel)
        if best:
            anchors[i] = best
    # The same letters spaced otherwise: Xiang Guo / Xiangguo, heat stroke / heatstroke.
    dom_fold = "".join(fold(t.text) for t in dom if _content(t))
    for i in range(len(toks)):
        acc = ""
        for j in range(i, min(len(toks), i + len(dom) + 3)):
            if j > i and toks[j].brk:
                break
            acc += fold(toks[j].text)
            if len(acc) > len(dom_fold):
                break
            if acc == dom_fold and tgt.surface(toks[i:j + 1]).lower() != tgt.surface(dom).lower():
                if any(_content(x) for x in toks[i:j + 1]):
                    out.append((0.7, i, j + 1, "spacing", "near"))
    # Acronym and expansion.
    if len(dom) == 1 and dom[0].text.isupper() and 2 <= len(dom[0].text) <= 8:
        for i in range(len(toks)):
            for j in range(i + 1, min(len(toks), i + 2 * len(dom[0].text) + 2)):
                if toks[j].brk or toks[i].func:
                    break
                if _content(toks[j]) and _acronym_of(dom[0].text, toks[i:j + 1]):
                    out.append((0.65, i, j + 1, "expansion of the acronym", "variant"))
    elif len(dom_content) >= 2:
        for i, t in enumerate(toks):
            if t.text.isupper() and 2 <= len(t.text) <= 8 and _acronym_of(t.text, dom):
                out.append((0.65, i, i + 1, "acronym", "variant"))

    # Clusters of anchors within a window, split at boundaries.
    idx = sorted(anchors)
    clusters: list[list[int]] = []
    for i in idx:
        if clusters and i - clusters[-1][-1] <= len(dom) + 2 and not any(toks[x].brk for x in range(clusters[-1][-1] + 1, i + 1)):
            clusters[-1].append(i)
        else:
            clusters.append([i])
    for cl in clusters:
        rels = {anchors[i][1] for i in cl}
        matched = {anchors[i][0] for i in cl if anchors[i][1] == "same"}
        changed = {anchors[i][0] for i in cl if anchors[i][1] != "same"}
        missing = [j for j in dom_content if j not in matched and j not in changed]
        if rels == {"compound part"} or (rels <= {"compound part", "same"} and "compound part" in rels):
            # Parts of a compound of the dominant rendering: the compound spelt out (near-variant) when
            # the parts rebuild it, a shortened mention otherwise.
            parts = "".join(sorted(fold(toks[i].text) for i in cl if anchors[i][1] == "compound part"))
            whole = [fold(dom[j].text) for j in {anchors[i][0] for i in cl if anchors[i][1] == "compound part"}]
            if any(len(parts) >= len(w) - 3 for w in whole) and len(cl) >= 2:
                out.append((0.65, cl[0], cl[-1] + 1, "compound spelt out", "near"))
            continue
        a, b = cl[0], cl[-1] + 1
        if missing:
            lo = min(matched | changed) if matched | changed else 0
            hi = max(matched | changed) if matched | changed else len(dom) - 1
            left_needed = any(j < lo for j in missing)
            right_needed = any(j > hi for j in missing)
            budget = len(missing) + 1
            if right_needed or not matched:
                b = _grow(toks, b, +1, budget, explained, anchors)
            if left_needed or not matched:
                a = _grow(toks, a - 1, -1, budget, explained, anchors) + 1 if a > 0 else a
        extra = [i for i in range(a, b) if _content(toks[i]) and i not in anchors and not explained(i)]
        if changed:
            kinds = {anchors[i][1] for i in cl if anchors[i][1] != "same"}
            conf = 0.75 if "spelling" in kinds else 0.65
            kind = "near" if kinds <= {"orthography"} and not missing and not extra else "variant"
            out.append((conf if kind == "variant" else 0.6, a, b, "/".join(sorted(kinds)), kind))
        elif missing and extra:
            unique = all(len(tgt.units[toks[i].key]) == 1 for i in extra)
            out.append((0.7 + (0.1 if unique else 0.0), a, b, "shared word", "variant"))

    # --- context: the words around the dominant rendering elsewhere --------------------------------------
    anchored = [(a, b) for _, a, b, _, _ in out]
    for occ_u, spans in term.class_spans.items():
        if occ_u == u:
            continue
        otoks = tgt.tokens[occ_u]
        for s, e in spans:
            lefts = _context(otoks, s, -1)
            rights = _context(otoks, e - 1, +1)
            for left in lefts:
                for i in _find(toks, [t.key for t in left]):
                    start = i + len(left)
                    if start >= len(toks) or toks[start].brk:
                        continue
                    end = None
                    for right in rights:
                        for r in _find(toks, [t.key for t in right]):
                            if start < r <= start + len(dom) + 3 and not toks[r].brk:
                                end = r if end is None else min(end, r)
                    both = end is not None
                    if end is None:
                        end = _grow(toks, start, +1, len(dom_content) + 2, explained, {})
                        end = max(end, start + 1)
                    out.extend(_context_slot(toks, start, end, term, explained, 0.8 if both else 0.6))
            for right in rights:
                for r in _find(toks, [t.key for t in right]):
                    if r == 0 or toks[r].brk:
                        continue
                    start = _grow(toks, r - 1, -1, len(dom_content) + 2, explained, {}) + 1
                    out.extend(_context_slot(toks, min(start, r - 1), r, term, explained, 0.6))
    del anchored
    return out


def _context(toks: list[Token], edge: int, direction: int) -> list[list[Token]]:
    """Contexts of 3 and 2 tokens next to ``edge`` (no boundary between), each with a content word."""
    out = []
    for width in (3, 2):
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
        if any(_content(t) and len(t.key) >= 3 for t in ctx):
            out.append(ctx)
    return out


def _context_slot(toks: list[Token], a: int, b: int, term: _Term, explained, conf: float  # type: ignore[no-untyped-def]
                  ) -> list[tuple[float, int, int, str, str]]:
    while a < b and not _content(toks[a]):
        a += 1
    while b > a and not _content(toks[b - 1]):
        b -= 1
    if a >= b:
        return []
    content = [i for i in range(a, b) if _content(toks[i])]
    keys = {toks[i].key for i in content}
    if keys <= set(term.dom_skeleton):
        return []  # a shortened mention
    if any(explained(i) for i in content) or any(toks[i].brk for i in range(a + 1, b)):
        return []
    return [(conf, a, b, "context", "variant")]


def _grow(toks: list[Token], i: int, direction: int, budget: int, explained, anchors) -> int:  # type: ignore[no-untyped-def]
    """Extend from token ``i`` (exclusive end when going right, inclusive start when going left) over
    function words and unaccounted content words, at most ``budget`` content words; returns the new
    exclusive end (right) or the new start (left)."""
    if direction > 0:
        j = i
        last = i
        used = 0
        while j < len(toks) and not toks[j].brk and j not in anchors:
            if _content(toks[j]):
                if explained(j) or used >= budget:
                    break
                used += 1
                last = j + 1
            j += 1
        return last
    j = i
    first = i + 1
    used = 0
    while j >= 0 and j not in anchors:
        if _content(toks[j]):
            if explained(j) or used >= budget:
                break
            used += 1
            first = j
        if toks[j].brk:
            break
        j -= 1
    return first - 1


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]


def _inside_quotes(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, len_max())) - 1
    return i >= 0 and spans[i][0] < start and end <= spans[i][1]


def len_max() -> int:
    return 1 << 62


def _quoted_variant(term: _Term, u: int, src_quotes: list[tuple[int, int]], tgt_quotes: list[tuple[int, int]],
                    tgt: _Side, term_spans: list[tuple[int, int]]) -> list[tuple[float, int, int, str, str]]:
    """A term quoted in the source and one quoted span in the unit's target that lacks the dominant."""
    if not any(_inside_quotes(src_quotes, s, e) for s, e in term_spans):
        return []
    toks = tgt.tokens[u]
    if not toks:
        return []
    lo, hi = toks[0].start, toks[-1].end
    first = bisect.bisect_left(tgt_quotes, (lo, 0))
    spans = []
    for qs, qe in tgt_quotes[first:]:
        if qs > hi:
            break
        spans.append((qs, qe))
    if len(spans) != 1:
        return []
    qs, qe = spans[0]
    inner = [i for i, t in enumerate(toks) if qs < t.start and t.end < qe]
    if not inner:
        return []
    keys = {toks[i].key for i in inner if _content(toks[i])}
    if not keys or keys <= set(term.dom_skeleton):
        return []
    return [(0.7, inner[0], inner[-1] + 1, "quotes", "variant")]


def find_renderings(source: Document, target: Document, alignment: Sequence[Bead],
                    min_units: int = 3) -> list[TermRenderings]:
    """Every recurring source term with its dominant rendering and the variants found in other units."""
    units = [k for k, b in enumerate(alignment) if b.source and b.target]
    src = _Side({k: tokenize(source, alignment[k].source) for k in units}, source.text)
    tgt = _Side({k: tokenize(target, alignment[k].target) for k in units}, target.text)
    terms = _source_terms(src, source, min_units)
    for term in terms:
        _dominant(term, src, tgt)
    expl = _Explainer(src, tgt, terms, target.lang)
    src_quotes, tgt_quotes = _quote_spans(source.text), _quote_spans(target.text)
    for term in terms:
        if term.dominant is None:
            continue
        missing = sorted(term.units - set(term.class_spans))
        for u in missing:
            term_spans = [(o.start, o.end) for o in term.occurrences if o.unit == u]
            cands = _slot_variant(term, u, tgt, expl, target.lang, term_spans)
            cands += _quoted_variant(term, u, src_quotes, tgt_quotes, tgt, term_spans)
            if not cands:
                continue
            toks = tgt.tokens[u]
            best = None
            for conf, a, b, how, kind in cands:
                # Two signals pointing at overlapping words strengthen each other.
                agree = {h for c, a2, b2, h, k in cands if h != how and a2 < b and a < b2}
                c = min(0.95, conf + 0.15 * len(agree)) if kind == "variant" else conf
                label = "+".join(sorted({how} | agree))
                key = (c, kind == "variant", -(b - a), -a)
                if best is None or key > best[0]:
                    best = (key, a, b, label, kind, c)
            assert best is not None
            _, a, b, label, kind, c = best
            term.variants.append(Variant(u, toks[a].start, toks[b - 1].end, target.text[toks[a].start:toks[b - 1].end],
                                         round(c, 2), label, kind))
        for v in term.variants:
            occ = next(o for o in term.occurrences if o.unit == v.unit)
            v.source_start, v.source_end = occ.start, occ.end
        term.variants.sort(key=lambda v: v.start)
    return [TermRenderings(t.text, t.key, t.occurrences, t.dominant, t.variants) for t in terms]
