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
"""
from __future__ import annotations

import re
from functools import lru_cache
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
