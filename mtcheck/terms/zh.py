"""Chinese words with part-of-speech tags: exactly ``jieba.posseg.cut(text)`` (HMM on), computed faster.

jieba's posseg cuts a sentence along the dictionary's best route (its DAG and word frequencies) and tags a
dictionary word from the dictionary's tag table. A run of single characters that is no dictionary word goes
to a joint segmentation and tagging HMM: a Viterbi search over 256 states (B/M/E/S × tag) whose search is
nearly all of posseg's time (``jieba/posseg/viterbi.py`` builds a tuple for every pair of a state and a
previous state, transitions that do not exist included).

:func:`pos_words` runs the same steps on the same model and dictionary and returns the same words and tags:
the states are numbered in the order of their tuples, so that ties go to the same state, and each state
looks only at the previous states that can reach it (a set intersection), adding the same probabilities in
the same order. Where the Viterbi search would fall back to states no previous state reaches, jieba's own
function runs instead.
"""
from __future__ import annotations

import re
from math import log
from functools import lru_cache
from typing import Any, Optional

# jieba's own expressions (jieba/posseg/__init__.py), so that runs are split the same way.
_RE_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_RE_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_RE_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_RE_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_RE_ENG = re.compile("[a-zA-Z0-9]+")
_RE_NUM = re.compile("[\\.0-9]+")
_MIN_FLOAT = -3.14e100


class _Model:
    """posseg's HMM with states numbered in tuple order, and jieba's dictionary."""

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
        self.all = tuple(range(len(states)))
        self.start = [start_P[s] for s in states]
        self.emit = [emit_P[s] for s in states]
        self.next_states = [frozenset(num[y] for y in trans_P[s]) for s in states]
        # into[y]: previous state → log probability of the transition to y
        self.into: list[dict[int, float]] = [{} for _ in states]
        for s in states:
            for y, p in trans_P[s].items():
                self.into[num[y]][num[s]] = p
        self.char_states = {ch: tuple(num[s] for s in ss) for ch, ss in char_state_tab_P.items()}
        self.sources = [frozenset(ways) for ways in self.into]
        self.dead = frozenset(y for y in self.all if not self.next_states[y])  # states that lead nowhere
        self._steps: dict[str, tuple[tuple[int, frozenset[int], dict[int, float], float], ...]] = {}

    def steps(self, c: str, states: Any = None) -> tuple[tuple[int, frozenset[int], dict[int, float], float], ...]:
        """(state, previous states that reach it, their transition log probabilities, emission log
        probability of ``c``) for the states ``c`` may take (all states without ``states``)."""
        if states is None:
            got = self._steps.get(c)
            if got is not None:
                return got
        emit, into, sources = self.emit, self.into, self.sources
        out = tuple((y, sources[y], into[y], emit[y].get(c, _MIN_FLOAT))
                    for y in (self.char_states.get(c, self.all) if states is None else states))
        if states is None:
            self._steps[c] = out
        return out

    def viterbi(self, obs: str) -> list[tuple[str, str]]:
        """The state of every character, as ``jieba.posseg.viterbi.viterbi`` finds it."""
        start = self.start
        v = {y: start[y] + e for y, _, _, e in self.steps(obs[0])}
        back: list[dict[int, int]] = []
        dead = self.dead
        for t in range(1, len(obs)):
            c = obs[t]
            live = v.keys() - dead  # previous states that lead somewhere
            nv: dict[int, float] = {}
            came: dict[int, int] = {}
            if c in self.char_states:
                self._step(self.steps(c), v, live, nv, came)
            if not nv:  # the character's states are unreachable: posseg takes every reachable state
                reach = set().union(*(self.next_states[y0] for y0 in live))
                if not reach:
                    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
                    from jieba.posseg.viterbi import viterbi

                    return list(viterbi(obs, char_state_tab_P, start_P, trans_P, emit_P)[1])
                self._step(self.steps(c, sorted(reach)), v, live, nv, came)
            v = nv
            back.append(came)
        state = max((p, y) for y, p in v.items())[1]
        route = [state]
        for came in reversed(back):
            state = came[state]
            route.append(state)
        route.reverse()
        return [self.states[y] for y in route]

    @staticmethod
    def _step(steps: tuple[tuple[int, frozenset[int], dict[int, float], float], ...], v: dict[int, float],
              live: set[int], nv: dict[int, float], came: dict[int, int]) -> None:
        """The best previous state of each reachable state of ``steps`` (the largest state number on a
        tie, as comparing (probability, state) tuples does)."""
        for y, sources, ways, e in steps:
            froms = live & sources
            if not froms:
                continue
            if len(froms) == 1:
                arg = next(iter(froms))
                nv[y] = v[arg] + ways[arg] + e
            else:
                nv[y], arg = max((v[y0] + ways[y0] + e, y0) for y0 in froms)
            came[y] = arg


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
