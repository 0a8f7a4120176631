"""Chinese words with part-of-speech tags: exactly ``jieba.posseg.cut(text)`` (HMM on), computed faster.

jieba's posseg cuts a sentence along the dictionary's best route (its DAG and word frequencies) and tags a
dictionary word from the dictionary's tag table. A run of single characters that is no dictionary word goes
to a joint segmentation and tagging HMM: a Viterbi search over 256 states (B/M/E/S × tag) whose search is
nearly all of posseg's time (``jieba/posseg/viterbi.py`` builds a tuple for every pair of a state and a
previous state, transitions that do not exist included).

:func:`pos_words` runs the same steps on the same model and dictionary and returns the same words and tags:
the states are numbered in the order of their tuples, so that ties go to the same state, and each step of
the Viterbi search is one numpy sum of the previous scores, a block of the transition matrix and the
emissions (the same sums in the same order: the same floats) with an argmax per state; the dictionary's
route is found in one backward pass.

:func:`word_spans` and :func:`word_count` are jieba's default cut (``jieba.tokenize``, ``jieba.cut`` with
the HMM on: mtcheck's Chinese words, ``segment.word_tokens`` and the MQM score's ``count_words``), its tokens
that hold a letter or a digit, computed faster. jieba looks every fragment of a block up in its dictionary
(a dict of half a million strings) to build the DAG; here the entries of up to 3 characters that start at
every offset of a text are read at once from numpy tables, the best route is one backward pass in Python
over the words found (the same sums in the same order as jieba's ``calc``), and a run of single characters
that is no dictionary word goes through finalseg's 4-state Viterbi search, unrolled. The same tokens,
offset for offset; the tables are built once from jieba's dictionary (whose words mtcheck never changes).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from math import log
from typing import Optional

import numpy as np

# jieba's own expressions (jieba/posseg/__init__.py), so that runs are split the same way.
_RE_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_RE_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_RE_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_RE_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_RE_ENG = re.compile("[a-zA-Z0-9]+")
_RE_NUM = re.compile("[\\.0-9]+")
_MIN_FLOAT = -3.14e100


class _Model:
    """posseg's HMM with states numbered in tuple order (a dense transition matrix, -inf where there is no
    transition), and jieba's dictionary."""

    def __init__(self) -> None:
        from ..segment import _jieba

        jieba = _jieba()  # initialised quietly
        import jieba.posseg as posseg
        from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

        posseg.dt.makesure_userdict_loaded()
        self.dt = jieba.dt
        self.tags: dict[str, str] = posseg.dt.word_tag_tab
        states = sorted(trans_P)
        self.states: list[tuple[str, str]] = states
        num = {s: k for k, s in enumerate(states)}
        self.start = np.array([start_P[s] for s in states])
        self.emit = [emit_P[s] for s in states]
        self.trans = np.full((len(states), len(states)), -np.inf)
        for s in states:
            for y, p in trans_P[s].items():
                self.trans[num[s], num[y]] = p
        # A character's states in decreasing order: argmax takes the first of equal scores, the largest
        # state, as comparing (probability, state) tuples does.
        self.char_states = {ch: np.array(sorted((num[s] for s in ss), reverse=True))
                            for ch, ss in char_state_tab_P.items()}
        self.all = np.arange(len(states))[::-1].copy()
        self._emissions: dict[str, tuple[np.ndarray, np.ndarray, bool]] = {}

    def states_of(self, c: str) -> tuple[np.ndarray, np.ndarray, bool]:
        """The states ``c`` may take (every state for a character the table lacks), the log probabilities
        of ``c`` in them, and whether the table has ``c``."""
        got = self._emissions.get(c)
        if got is None:
            ys = self.char_states.get(c, self.all)
            got = self._emissions[c] = (ys, self._emit(c, ys), c in self.char_states)
        return got

    def _emit(self, c: str, ys: np.ndarray) -> np.ndarray:
        return np.array([self.emit[y].get(c, _MIN_FLOAT) for y in ys.tolist()])

    def viterbi(self, obs: str) -> list[tuple[str, str]]:
        """The state of every character, as ``jieba.posseg.viterbi.viterbi`` finds it: each state takes the
        best previous state (the same sums in the same order: score + transition + emission); a state no
        previous state reaches is dropped; where none of the character's states is reached, every reached
        state is (as posseg does)."""
        ys, e, _ = self.states_of(obs[0])
        vs, vv = ys, self.start[ys] + e
        back: list[tuple[np.ndarray, np.ndarray]] = []
        for c in obs[1:]:
            ys, e, known = self.states_of(c)
            step = self._step(vs, vv, ys, e) if known else None
            if step is None:
                step = self._step(vs, vv, self.all, self._emit(c, self.all))
                if step is None:  # nothing reachable: jieba's own search (which fails there)
                    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
                    from jieba.posseg.viterbi import viterbi

                    return list(viterbi(obs, char_state_tab_P, start_P, trans_P, emit_P)[1])
            came, vs, vv = step
            back.append((vs, came))
        state = int(vs[int(vv.argmax())])
        route = [state]
        for ys, came in reversed(back):
            state = int(came[int(np.flatnonzero(ys == state)[0])])
            route.append(state)
        route.reverse()
        return [self.states[y] for y in route]

    def _step(self, vs: np.ndarray, vv: np.ndarray, ys: np.ndarray,
              e: np.ndarray) -> Optional[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(best previous state, state, score) of the states of ``ys`` that a state of ``vs`` reaches, or
        None if none is reached."""
        total = (vv[:, None] + self.trans[vs[:, None], ys[None, :]]) + e[None, :]
        arg = total.argmax(axis=0)
        best = total[arg, np.arange(len(ys))]
        ok = best > -np.inf
        if not ok.any():
            return None
        return vs[arg[ok]], ys[ok], best[ok]


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model()


def pos_words(text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of ``text``, the same as ``list(jieba.posseg.cut(text))`` gives as pairs."""
    m = _model()
    out: list[tuple[str, str]] = []
    for blk in _RE_HAN_INTERNAL.split(text):
        if not blk:
            continue
        if _RE_HAN_INTERNAL.match(blk):
            _cut_dag(m, blk, out)
            continue
        for x in _RE_SKIP_INTERNAL.split(blk):
            if _RE_SKIP_INTERNAL.match(x):
                out.append((x, "x"))
            else:
                eng = _RE_ENG.match(x) is not None  # posseg tests the whole piece, not the character
                for xx in x:
                    out.append((xx, "m" if _RE_NUM.match(xx) else "eng" if eng else "x"))
    return out


def _best_ends(m: _Model, sentence: str) -> list[int]:
    """The last character of the word that starts at each character, along the dictionary's most probable
    route: jieba's ``get_DAG`` and ``calc`` in one backward pass (the same sums; on a tie the longer word,
    as comparing (probability, end) tuples does)."""
    freq = m.dt.FREQ
    logtotal = log(m.dt.total)
    n = len(sentence)
    score = [0.0] * (n + 1)
    ends = [0] * n
    for k in range(n - 1, -1, -1):
        best, arg = 0.0, -1
        i, frag = k, sentence[k]
        while frag in freq:  # every prefix of a dictionary word is in FREQ, with 0 if no word itself
            f = freq[frag]
            if f:
                p = log(f) - logtotal + score[i + 1]
                if arg < 0 or p >= best:
                    best, arg = p, i
            i += 1
            if i >= n:
                break
            frag = sentence[k:i + 1]
        if arg < 0:
            best, arg = log(freq.get(sentence[k]) or 1) - logtotal + score[k + 1], k
        score[k] = best
        ends[k] = arg
    return ends


def _cut_dag(m: _Model, sentence: str, out: list[tuple[str, str]]) -> None:
    """posseg's ``__cut_DAG``: dictionary words along the best route; a run of single characters that is no
    dictionary word goes to the HMM."""
    ends = _best_ends(m, sentence)
    tags = m.tags
    x, n, buf = 0, len(sentence), ""
    while x < n:
        y = ends[x] + 1
        word = sentence[x:y]
        if y - x == 1:
            buf += word
        else:
            if buf:
                _flush(m, buf, out)
                buf = ""
            out.append((word, tags.get(word, "x")))
        x = y
    if buf:
        _flush(m, buf, out)


def _flush(m: _Model, buf: str, out: list[tuple[str, str]]) -> None:
    tags = m.tags
    if len(buf) == 1:
        out.append((buf, tags.get(buf, "x")))
    elif not m.dt.FREQ.get(buf):
        _cut_detail(m, buf, out)
    else:
        out.extend((ch, tags.get(ch, "x")) for ch in buf)


def _cut_detail(m: _Model, text: str, out: list[tuple[str, str]]) -> None:
    """posseg's ``__cut_detail``: Han runs through the HMM, numbers and Latin words tagged as such."""
    for blk in _RE_HAN_DETAIL.split(text):
        if not blk:
            continue
        if _RE_HAN_DETAIL.match(blk):
            _cut_hmm(m, blk, out)
            continue
        for x in _RE_SKIP_DETAIL.split(blk):
            if x:
                out.append((x, "m" if _RE_NUM.match(x) else "eng" if _RE_ENG.match(x) else "x"))


def _cut_hmm(m: _Model, sentence: str, out: list[tuple[str, str]]) -> None:
    """posseg's ``__cut``: words from the B/M/E/S states of the Viterbi route, each with its tag."""
    states = m.viterbi(sentence)
    begin = nexti = 0
    for i, (pos, tag) in enumerate(states):
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append((sentence[begin:i + 1], tag))
            nexti = i + 1
        elif pos == "S":
            out.append((sentence[i], tag))
            nexti = i + 1
    if nexti < len(sentence):
        out.append((sentence[nexti:], states[nexti][1]))


# --- jieba's default cut ------------------------------------------------------------------------------------

# jieba's own expressions: its blocks (jieba/__init__.py's re_han_default) and its HMM's (jieba/finalseg).
_RE_HAN_FINAL = _RE_HAN_DETAIL  # finalseg's re_han is posseg's re_han_detail
_RE_SKIP_FINAL = re.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")
_RE_BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]+")  # jieba's re_han_default
_SHORT = 80  # texts shorter than this are looked up in Python: numpy costs more per call (equal near 70)
_BUCKET_BITS, _SLOTS = 17, 8  # the hash table: 2**17 buckets of 8 entries, a cache line each
_SHIFT = np.uint64(16)
_MULT = np.uint64(0x9E3779B97F4A7C15)
_VALUE = np.uint64(0xFFFF)
_NUMBER = np.uint64(0x3FFF)  # an entry's low 16 bits: 1 + the number of its weight, and _LONGER
_LONGER = 1 << 14  # longer entries extend this one


class _Cutter:
    """jieba's dictionary and finalseg's HMM, for :func:`_token_starts`.

    A word's weight is the log probability that jieba's ``calc`` gives it, ``log(freq) - log(total)`` (with
    math.log, as jieba), one of the few thousand distinct frequencies' (``weights[number]``; numbers 0 and
    1 are NaN: no entry, and an entry that is only the prefix of longer ones). A character's entry is read
    from tables of 65,536 code points (every block character is below U+FFFF). An entry of 2 or 3 characters
    is one integer, 16 bits a character (no block character is 0, so entries of 2 and 3 characters differ),
    kept with its number and whether longer entries extend it in the low 16 bits of one 64-bit entry of a
    hash table (buckets of 8 entries: one cache line); the few that a full bucket has no room for stay in a
    dict. Longer entries are looked up in jieba's dictionary, and so are all the fragments of a short text
    (with the words of 1 character and the characters that start longer entries in a dict and a set). The
    HMM keeps each character's 4 emissions (B, M, E, S) in one tuple.
    """

    def __init__(self) -> None:
        from ..segment import _jieba

        jieba = _jieba()
        from jieba.finalseg import emit_P, start_P, trans_P

        self.freq = freq = jieba.dt.FREQ
        self.logtotal = logtotal = log(jieba.dt.total)
        table = np.zeros(0x10001, dtype=bool)  # [0x10000]: every character beyond U+FFFF
        for lo, hi in (("\u4E00", "\u9FD5"), ("a", "z"), ("A", "Z"), ("0", "9")):
            table[ord(lo):ord(hi) + 1] = True
        table[[ord(c) for c in "+#&._%-"]] = True
        self.in_block = table[:0x10000]
        self.alnum = np.fromiter(map(str.isalnum, map(chr, range(0x10000))), dtype=bool, count=0x10000)
        words = list(freq)
        sizes = np.fromiter(map(len, words), dtype=np.intp, count=len(words))
        counts = np.fromiter(freq.values(), dtype=np.int64, count=len(words))
        distinct = np.unique(counts[counts > 0])
        self.weights = np.array([np.nan, np.nan] + [log(f) - logtotal for f in distinct.tolist()])
        numbers = np.where(counts > 0, np.searchsorted(distinct, counts) + 2, 1).astype(np.uint64)
        keys, number = {}, {}
        for size in range(1, 5):  # the entries of jieba's block characters, packed, and their numbers
            at = np.flatnonzero(sizes == size)
            joined = "".join([words[i] for i in at.tolist()]).encode("utf-32-le")
            codes = np.frombuffer(joined, dtype=np.uint32).reshape(-1, size)
            ok = table[np.minimum(codes, 0x10000)].all(axis=1)
            keys[size] = np.zeros(int(ok.sum()), dtype=np.uint64)
            for j in range(size):
                keys[size] = (keys[size] << _SHIFT) | codes[ok, j].astype(np.uint64)
            number[size] = numbers[at[ok]]
        self.word1 = np.full(0x10000, np.nan)
        self.word1[keys[1].astype(np.intp)] = self.weights[number[1].astype(np.intp)]
        self.entry1 = np.zeros(0x10000, dtype=bool)  # longer entries start with the character
        self.entry1[(keys[2] >> _SHIFT).astype(np.intp)] = True
        # For short texts: the words of 1 character and their weights, the characters that start longer ones.
        chars = keys[1].astype(np.intp)
        self.word1_of = {chr(c): w for c, w in zip(chars.tolist(), self.word1[chars].tolist()) if w == w}
        self.starts_longer = {chr(c) for c in np.flatnonzero(self.entry1).tolist()}
        # Every prefix of an entry is an entry: longer entries extend one of 2 (3) characters if it is the
        # prefix of one of 3 (4).
        self._build(np.concatenate([
            (keys[size] << _SHIFT) | number[size]
            | np.where(np.isin(keys[size], keys[size + 1] >> _SHIFT), np.uint64(_LONGER), np.uint64(0))
            for size in (2, 3)]))
        self.start = tuple(start_P[s] for s in "BMES")
        self.trans = tuple(trans_P[a][b] for a, b in ("BE", "BM", "EB", "ES", "ME", "MM", "SB", "SS"))
        hmm_chars = set().union(*(emit_P[s] for s in "BMES"))
        self.emit = {c: tuple(emit_P[s].get(c, _MIN_FLOAT) for s in "BMES") for c in hmm_chars}

    def _build(self, entries: np.ndarray) -> None:
        bucket = self._bucket(entries >> _SHIFT)
        order = np.argsort(bucket, kind="stable")
        bucket, entries = bucket[order], entries[order]
        rank = np.arange(len(entries)) - np.searchsorted(bucket, bucket)  # each entry's rank in its bucket
        fit = rank < _SLOTS
        self.table = np.zeros((1 << _BUCKET_BITS, _SLOTS), dtype=np.uint64)  # 0: no entry (no key is 0)
        self.table[bucket[fit], rank[fit]] = entries[fit]
        self.full = np.zeros(1 << _BUCKET_BITS, dtype=bool)
        self.full[bucket[~fit]] = True
        self.spilled = {int(e) >> 16: int(e) & 0xFFFF for e in entries[~fit].tolist()}

    @staticmethod
    def _bucket(keys: np.ndarray) -> np.ndarray:
        return ((keys * _MULT) >> np.uint64(64 - _BUCKET_BITS)).astype(np.intp)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """The low 16 bits of the entry of each key of 2 or 3 characters (0: none)."""
        bucket = self._bucket(keys)
        rows = self.table.take(bucket, axis=0)
        value = (rows & _VALUE).max(axis=1, where=(rows >> _SHIFT) == keys[:, None], initial=0)
        full = self.full[bucket]
        if full.any():
            for i in np.flatnonzero(full & (value == 0)).tolist():
                value[i] = self.spilled.get(int(keys[i]), 0)
        return value


@lru_cache(maxsize=1)
def _cutter() -> _Cutter:
    return _Cutter()


def _token_starts(text: str) -> list[int]:
    """Where jieba's default cut (``jieba.cut(text)``, HMM on; ``jieba.tokenize``) starts a token, in order.

    Exact for every token inside jieba's blocks (runs of Han letters, Latin letters, digits and ``+#&._%-``).
    Outside them every character starts a token: jieba makes each character a token there too, except
    ``\\r\\n``, one token for jieba, and neither of its characters is a letter or a digit.
    """
    if len(text) < _SHORT:
        return _short_starts(text)
    return _long_starts(text)[0].tolist()


def _alnum_tokens(text: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of the tokens of jieba's default cut that hold a letter or a digit."""
    n = len(text)
    if n < _SHORT:
        starts = _short_starts(text)
        running = list(accumulate(map(str.isalnum, text), initial=0))
        spans = [(s, e) for s, e in zip(starts, starts[1:] + [n]) if running[e] > running[s]]
        return [s for s, _ in spans], [e for _, e in spans]
    starts, ends = _long_alnum_tokens(text)
    return starts.tolist(), ends.tolist()


def _long_alnum_tokens(text: str) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_alnum_tokens` of a text of ``_SHORT`` characters or more, as arrays."""
    starts, running = _long_starts(text)
    ends = np.append(starts[1:], len(text))
    keep = running[ends] > running[starts]
    return starts[keep], ends[keep]


def _short_starts(text: str) -> list[int]:
    """:func:`_token_starts` of a short text: its words looked up in Python (numpy costs more per call)."""
    m = _cutter()
    blocks = [found.span() for found in _RE_BLOCK.finditer(text)]
    out = _route_starts(m, text, _entries_python(m, text, blocks), blocks)
    last = 0
    for a, b in blocks:
        out.extend(range(last, a))
        last = b
    out.extend(range(last, len(text)))
    out.sort()
    return out


def _long_starts(text: str) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_token_starts` as an array, and the running count of letters and digits (``str.isalnum``)
    before each offset, with the words of the text looked up in numpy."""
    m = _cutter()
    n = len(text)
    raw = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = np.where(raw < 0x10000, raw, 0).astype(np.intp)
    alnum = m.alnum[bmp]
    for k in np.flatnonzero(raw >= 0x10000).tolist():  # beyond the basic plane: no block character
        alnum[k] = text[k].isalnum()
    running = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(alnum, out=running[1:])
    in_block = m.in_block[bmp]
    is_start = ~in_block
    if in_block.any():
        bounds = np.flatnonzero(np.diff(np.concatenate(([0], in_block.view(np.int8), [0]))))
        blocks = bounds.reshape(-1, 2).tolist()
        is_start[_route_starts(m, text, _entries_numpy(m, text, bmp, in_block, bounds), blocks)] = True
    return np.flatnonzero(is_start), running


# The words that start at each offset: kinds (1: a word of 1 character, 2: of 2, 4: of 3, 8: longer ones;
# -1 outside the blocks), the weight of the word of 1 character (or jieba's fallback for a character that is
# none: log(1) - log(total)), the weights of the words of 2 and 3 characters at each offset (read where the
# kind says there is one), and the longer ones by offset ((length, weight) pairs).
_Longer = dict[int, list[tuple[int, float]]]
_Entries = tuple[list[int], list[float], list[float], list[float], _Longer]


def _longer_words(m: _Cutter, text: str, k: int, end: int) -> list[tuple[int, float]]:
    """The words of 4 characters or more that start at ``k`` (up to ``end``), from jieba's dictionary."""
    freq, logtotal = m.freq, m.logtotal
    j, words = 4, []
    while k + j <= end:
        f = freq.get(text[k:k + j])
        if f is None:
            break
        if f:
            words.append((j, log(f) - logtotal))  # as calc: (log(f) - log(total)) + score
        j += 1
    return words


def _entries_python(m: _Cutter, text: str, blocks: list[tuple[int, int]]) -> _Entries:
    """The words that start at each offset, as jieba's ``get_DAG`` finds them (every prefix of an entry is
    an entry: a fragment is looked up only if the one a character shorter is an entry)."""
    freq, logtotal, word1, starts = m.freq, m.logtotal, m.word1_of, m.starts_longer
    kinds, ws = [-1] * len(text), [-logtotal] * len(text)
    w2s, w3s = [0.0] * len(text), [0.0] * len(text)
    extra: _Longer = {}
    for a, b in blocks:
        for k in range(a, b):
            c = text[k]
            w = word1.get(c)
            kind = 0 if w is None else 1
            if kind:
                ws[k] = w
            if c in starts and k + 1 < b:
                f = freq.get(text[k:k + 2])
                if f is not None:
                    if f:
                        w2s[k] = log(f) - logtotal
                        kind |= 2
                    f = freq.get(text[k:k + 3]) if k + 2 < b else None
                    if f is not None:
                        if f:
                            w3s[k] = log(f) - logtotal
                            kind |= 4
                        words = _longer_words(m, text, k, b)
                        if words:
                            extra[k] = words
                            kind |= 8
            kinds[k] = kind
    return kinds, ws, w2s, w3s, extra


def _entries_numpy(m: _Cutter, text: str, bmp: np.ndarray, in_block: np.ndarray,
                   bounds: np.ndarray) -> _Entries:
    """The words that start at each offset: those of 2 and 3 characters from the hash table at every offset
    whose character starts longer entries, then longer ones (in jieba's dictionary) where longer entries
    extend those of 3."""
    n = len(text)
    codes = np.zeros(n + 3, dtype=np.uint64)  # a character outside the blocks is 0: in no key
    codes[:n] = np.where(in_block, bmp, 0)
    w1 = m.word1[bmp]
    at = np.flatnonzero(m.entry1[bmp] & (codes[1:n + 1] > 0))
    key2 = (codes[at] << _SHIFT) | codes[at + 1]
    key3 = (key2 << _SHIFT) | codes[at + 2]
    value = m.lookup(np.concatenate((key2, key3)))
    weight = m.weights[value & _NUMBER]
    w2, w3 = weight[:len(at)], weight[len(at):]
    longer = at[((value[len(at):] & _LONGER) > 0) & (codes[at + 3] > 0)]
    extra: _Longer = {}
    if len(longer):
        ends = bounds[1::2]
        for k, end in zip(longer.tolist(), ends[np.searchsorted(ends, longer, side="right")].tolist()):
            words = _longer_words(m, text, k, end)
            if words:
                extra[k] = words
    word1, word2, word3 = w1 == w1, w2 == w2, w3 == w3
    kinds = np.where(in_block, word1.view(np.int8), np.int8(-1))
    kinds[at] += word2.view(np.int8) * np.int8(2) + word3.view(np.int8) * np.int8(4)
    kinds[list(extra)] += 8
    w2s, w3s = np.zeros(n), np.zeros(n)
    w2s[at], w3s[at] = w2, w3
    return kinds.tolist(), np.where(word1, w1, -m.logtotal).tolist(), w2s.tolist(), w3s.tolist(), extra


def _route_starts(m: _Cutter, text: str, entries: _Entries, blocks: list[tuple[int, int]]) -> list[int]:
    """The token starts of jieba's blocks: the dictionary's best route (``calc``: the same sums in the same
    order, the longer word on a tie) and ``__cut_DAG`` (a run of single characters that is no dictionary
    word goes to finalseg's HMM)."""
    kinds, ws, w2s, w3s, extra = entries
    n = len(text)
    score = [0.0] * (n + 1)  # outside the blocks 0.0, as at the end of a block
    sizes = [1] * n
    fallback = -m.logtotal
    s1 = s2 = 0.0  # score[k + 1], score[k + 2]
    for k, kind, w in zip(range(n - 1, -1, -1), reversed(kinds), reversed(ws)):
        if kind == 1 or not kind:  # the character alone
            s = w + s1
        elif kind == 3:  # words of 1 and 2 characters
            s = w + s1
            p2 = w2s[k] + s2
            if p2 >= s:
                s, sizes[k] = p2, 2
        elif kind > 0:  # the words in order of length, the longer on a tie
            best, arg = (w + s1, 1) if kind & 1 else (0.0, 0)
            if kind & 2:
                p = w2s[k] + s2
                if not arg or p >= best:
                    best, arg = p, 2
            if kind & 4:
                p = w3s[k] + score[k + 3]
                if not arg or p >= best:
                    best, arg = p, 3
            if kind & 8:
                for j, wj in extra[k]:
                    p = wj + score[k + j]
                    if not arg or p >= best:
                        best, arg = p, j
            if not arg:
                best, arg = fallback + s1, 1
            s, sizes[k] = best, arg
        else:  # outside the blocks
            s = 0.0
        score[k] = s
        s1, s2 = s, s1
    out: list[int] = []
    for a, b in blocks:
        x, buf = a, -1
        while x < b:
            y = x + sizes[x]
            if y - x == 1:
                if buf < 0:
                    buf = x
            else:
                if buf >= 0:
                    if x - buf == 1:
                        out.append(buf)
                    else:
                        _flush_run(m, text, buf, x, out, kinds)
                    buf = -1
                out.append(x)
            x = y
        if buf >= 0:
            if b - buf == 1:
                out.append(buf)
            else:
                _flush_run(m, text, buf, b, out, kinds)
    return out


def _flush_run(m: _Cutter, text: str, a: int, b: int, out: list[int], kinds: list[int]) -> None:
    """``__cut_DAG``'s buffer, the run ``text[a:b]`` of 2 or more single-character words: a token a character
    if the run is a dictionary word (``kinds``: the kinds of word that start at each offset), else
    finalseg's cut (Han runs through its HMM, Latin words and numbers as tokens, what lies between them as
    tokens)."""
    run = text[a:b]
    if (kinds[a] & (2 if b - a == 2 else 4)) if b - a < 4 else m.freq.get(run):
        out.extend(range(a, b))
        return
    if _RE_HAN_FINAL.fullmatch(run):
        _hmm_starts(m, run, a, out)
        return
    for blk in _RE_HAN_FINAL.split(run):
        if not blk:
            continue
        if len(blk) == 1 or not _RE_HAN_FINAL.match(blk):  # the HMM makes one Han character one token
            x = a
            for piece in _RE_SKIP_FINAL.split(blk):
                if piece:
                    out.append(x)
                    x += len(piece)
        else:
            _hmm_starts(m, blk, a, out)
        a += len(blk)


def _hmm_starts(m: _Cutter, obs: str, at: int, out: list[int]) -> None:
    """Token starts of finalseg's ``__cut`` of the Han run ``obs`` (at offset ``at``): its Viterbi route over
    the states B, M, E, S (0..3), as ``jieba.finalseg.viterbi`` finds it (the same sums in the same order;
    on a tie the state that jieba's ``max`` over (score, state) tuples takes); a token ends at each E or S.
    (jieba.finalseg's Force_Split_Words, empty unless a caller adds words, is not read: mtcheck adds none.)"""
    emit = m.emit
    none = (_MIN_FLOAT,) * 4
    t_be, t_bm, t_eb, t_es, t_me, t_mm, t_sb, t_ss = m.trans
    e_b, e_m, e_e, e_s = emit.get(obs[0], none)
    s_b, s_m, s_e, s_s = m.start
    v_b, v_m, v_e, v_s = s_b + e_b, s_m + e_m, s_e + e_e, s_s + e_s
    back = []
    for c in obs[1:]:
        e_b, e_m, e_e, e_s = emit.get(c, none)
        x, y = v_e + t_eb + e_b, v_s + t_sb + e_b  # B after E or S: S on a tie
        n_b, p_b = (x, 2) if x > y else (y, 3)
        x, y = v_m + t_mm + e_m, v_b + t_bm + e_m  # M after M or B: M on a tie
        n_m, p_m = (y, 0) if y > x else (x, 1)
        x, y = v_s + t_ss + e_s, v_e + t_es + e_s  # S after S or E: S on a tie
        n_s, p_s = (y, 2) if y > x else (x, 3)
        x, y = v_b + t_be + e_e, v_m + t_me + e_e  # E after B or M: M on a tie
        n_e, p_e = (y, 1) if y >= x else (x, 0)
        back.append((p_b, p_m, p_e, p_s))
        v_b, v_m, v_e, v_s = n_b, n_m, n_e, n_s
    state = 3 if v_s >= v_e else 2
    out.append(at)
    for t in range(len(back), 0, -1):
        state = back[t - 1][state]
        if state >= 2:  # E or S ends a token
            out.append(at + t)


# Building the lookup tables costs about 0.25 s and 17 MiB once per process, more than jieba takes to cut
# one article: the first characters a process cuts are cut by jieba itself (the same tokens, by
# definition), and the tables are built once a process has cut more (a batch, a long document).
JIEBA_FIRST = 30_000
_jieba_chars = [0]


def _tables_ready(n: int) -> bool:
    """Whether to cut ``n`` more characters with the tables (built by now, or worth building)."""
    if _cutter.cache_info().currsize:
        return True
    _jieba_chars[0] += n
    return _jieba_chars[0] > JIEBA_FIRST


def _jieba_spans(text: str) -> list[tuple[int, int]]:
    from ..segment import _jieba

    return [(a, b) for word, a, b in _jieba().tokenize(text) if any(ch.isalnum() for ch in word)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token of ``jieba.tokenize(text)`` (HMM on) that holds a letter or a digit."""
    if not text:
        return []
    if not _tables_ready(len(text)):
        return _jieba_spans(text)
    return list(zip(*_alnum_tokens(text)))


def word_count(text: str) -> int:
    """How many tokens of ``jieba.tokenize(text)`` (HMM on) hold a letter or a digit."""
    if not text:
        return 0
    if not _tables_ready(len(text)):
        return len(_jieba_spans(text))
    return len(_alnum_tokens(text)[0])


def line_word_counts(lines: list[str]) -> list[int]:
    """:func:`word_count` of each line (none holds ``\\n``), from one cut of the lines joined by ``\\n``: no
    token of jieba's spans a line break (``\\n`` is no block character, and a token of its own). Counted by
    jieba-rs (:func:`_rust_line_word_counts`) where it is installed, the same counts."""
    counts = _rust_line_word_counts(lines)
    if counts is not None:
        return counts
    return _python_line_word_counts(lines)


def _python_line_word_counts(lines: list[str]) -> list[int]:
    """:func:`line_word_counts` from jieba's dictionary and model in Python (and numpy)."""
    if not _tables_ready(sum(map(len, lines))):
        return [len(_jieba_spans(line)) if line else 0 for line in lines]
    if len(lines) == 1:
        return [len(_alnum_tokens(lines[0])[0]) if lines[0] else 0]
    text = "\n".join(lines)
    starts = _long_alnum_tokens(text)[0] if len(text) >= _SHORT else np.array(_alnum_tokens(text)[0], dtype=np.intp)
    ends = np.fromiter(map(len, lines), dtype=np.intp, count=len(lines))  # where the line after each one starts
    ends += 1
    np.cumsum(ends, out=ends)
    return np.bincount(np.searchsorted(ends, starts, side="right"), minlength=len(lines)).tolist()


# jieba's default cut counted by jieba-rs (the ``rjieba`` wheel: jieba's dictionary and HMM in Rust; the MQM
# score's count over the zh-en articles of bench/checks.py 9.2 ms against the tables' 26.3 ms, bench/zh_words.py). jieba-rs cuts Han text as jieba does, but it differs in two ways,
# both made good here:
# - it keeps together what jieba's HMM stage splits outside Han text: "600606.SH", "08H00-7", "U.S",
#   "www.gfbzb.gov.cn" are one token of jieba-rs and 2, 2, 2 and 4 tokens holding a letter or a digit of
#   jieba's, which cuts a run of letters and digits as finalseg's ``re_skip`` finds it
#   (``[a-zA-Z0-9]+(?:\.\d+)?%?``: "416.62" and "15%" are one token each) and makes each character of
#   another script its own token ("Москва" is 6). So a token without a Han character counts as many
#   words as that expression and the letters and digits beyond ASCII in it find, save the dictionary's words
#   of ASCII characters alone (AT&T, C#, C++), one word each, and a token with a Han character is one word.
# - its Han blocks take more characters than jieba's (CJK extension A, U+9FD6-U+9FFF, the compatibility
#   ideographs, the supplementary planes), which changes the cut around them: a line holding one of them is
#   counted by the tables above.
# Checked against jieba on every Chinese line of the WMT 2021 MQM sources and the founding sample, and on
# 110,000 generated lines (dictionary words, rare characters, ASCII and other scripts mixed in): the same
# counts; tests/test_terms_zh.py keeps a table of such lines and property tests.
_RUST_RARE_HAN = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_RUST_WORDS = re.compile(
    "(?:^|\x00)(?:(?=[^\x00]*[\u4e00-\u9fd5])[^\x00]*|(?:AT&T|[cC](?:\\+\\+|#))(?=\x00|$))"  # one token
    "|[a-zA-Z0-9]+(?:\\.\\d+)?%?"  # in a token without Han: finalseg's runs of ASCII letters and digits
    "|[^\\W\x00-\x7f]"  # and each other letter or digit
)


@lru_cache(maxsize=1)
def _rust_cutter():  # type: ignore[no-untyped-def]
    """``rjieba.cut``, or None when rjieba is not installed (or ``MTCHECK_NO_RJIEBA`` is set)."""
    import os

    if os.environ.get("MTCHECK_NO_RJIEBA"):
        return None
    try:
        import rjieba
    except ImportError:
        return None
    return rjieba.cut


def _rust_line_word_counts(lines: list[str]) -> Optional[list[int]]:
    """:func:`line_word_counts` by jieba-rs, None where it cannot say (not installed; a NUL or \\x01 in the
    text, which the count marks tokens with; a lone surrogate). Each token becomes \\x01 per word it counts for, separated
    by NUL; a line's count is the number of \\x01 in its part."""
    cut = _rust_cutter()
    text = "\n".join(lines)
    if cut is None or "\x00" in text or "\x01" in text:
        return None
    try:
        tokens = cut(text, True)
    except UnicodeEncodeError:  # a lone surrogate (text read with surrogateescape): Rust strings hold none
        return None
    parts = _RUST_WORDS.sub("\x01", "\x00".join(tokens)).split("\n")
    if len(parts) != len(lines):  # no token of jieba-rs spans a line break either: never seen
        return None
    counts = [part.count("\x01") for part in parts]
    if _RUST_RARE_HAN.search(text):
        for k, line in enumerate(lines):
            if _RUST_RARE_HAN.search(line):
                counts[k] = _python_line_word_counts([line])[0]
    return counts
