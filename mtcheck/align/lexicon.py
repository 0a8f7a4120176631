"""Word-translation evidence learnt from the document pair itself: IBM Model 1 on the confident beads.

This is the second pass of Moore (2002), "Fast and accurate sentence alignment of bilingual corpora"
(AMTA): a first alignment by lengths (and here anchors) finds the 1-1 beads it is sure of; IBM Model 1
(Brown et al. 1993) is trained on them by a few EM iterations, in both directions; a second alignment,
restricted to a narrow band around the first path, adds to each bead the translation evidence of its
words. No model is loaded and nothing is kept between documents: the lexicon is the document's own, so
the pass runs only when the document is long enough to learn from (:class:`..length.AlignParams`).

Tokens are letter runs, lower-cased, accents removed and cut to their first five letters (a cheap stem:
``Expedition``/``Expeditionen`` and ``expédition``/``expéditions`` each become one type); a Chinese or
Japanese character is a token of its own. Digits are left out (numbers are anchors already).

The evidence of a bead is a log-likelihood ratio, word by word. A target word ``f`` of the bead is
either a translation of the bead's source words, with Model 1's probability
``(t(f|NULL) + sum_e t(f|e)) / (L + 1)``, or a free word drawn from the document's word frequencies
``p(f)``, each with probability one half; against the hypothesis that the sentences are unrelated (every
word free), the word contributes ``log(1/2 + 1/2 * model1 / p(f))``. The sum over the target words,
and the same over the source words the other way round, are averaged. A null bead gets 0. The ratio is
at least ``log(1/2)`` per word, so a word the model cannot explain (an unknown name, a free rendering)
costs little wherever it is, while a translated word gains much where its translation is; and it is
additive over the words of the document, so a 2-2 bead and two 1-1 beads over the same sentences, or a
merge and a null bead, are compared on the same words. (Without the free-word half, a diffuse lexicon
learnt from a few hundred pairs favours merged beads: every extra source sentence gives an unexplained
word some probability. Measured on Text+Berg with a lexicon learnt on the gold 1-1 beads: over two
adjacent gold 1-1 beads, the 2-2 bead is preferred in 53 % of the cases by pure Model 1, in 9 % with the
free-word half; both prefer 13 of the 16 gold 2-2 beads to the two 1-1 beads over the same sentences.)

Scoring a pair with a model trained on that very pair flatters it (on Text+Berg, 250 training pairs:
+2.0 nats per word on the training pairs, -1.1 on true pairs left out, -3.7 on wrong ones, in pure
Model 1), so the model is cross-fitted: the training beads are dealt, in runs of 16 consecutive beads,
into ``folds`` folds; one model is trained without each fold, and a sentence of a training bead is
scored by the model that did not see it (other sentences by the model that did not see the training
beads just before them).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .anchors import _fold

STEM = 5  # letters kept of each word
FREE_WORD = 0.5  # probability that a word of a true bead is free, not a translation
FOLD_RUN = 16  # consecutive training beads dealt to the same fold
MIN_COUNT = 2  # a type enters the vocabulary if seen so often in the training sentences
FLOOR = 0.01  # translations t(f|e) below this are dropped ...
TOP = 10  # ... and at most so many are kept per source type
_MAX_CELLS = 1 << 19  # size of the dense (sentences x types) block used to look translations up
_LOG_FREE = float(np.log(FREE_WORD))

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(f"[{_CJK}]|[^\\W\\d_{_CJK}]+")


def lexical_tokens(text: str, stem: int = STEM) -> list[str]:
    """Letter tokens of ``text`` for the lexical model: words folded and cut to ``stem`` letters, CJK
    characters one by one."""
    if text.isascii():
        return [w[:stem] for w in _TOKEN_RE.findall(text.lower())]
    return [_fold(w)[:stem] for w in _TOKEN_RE.findall(text)]


@dataclass
class _Table:
    """One direction of Model 1, t(f|e): for each source type its best translations (CSR by source
    type), and t(f|NULL) for every target type (0 for a type the model never saw)."""

    offsets: np.ndarray  # (v_src + 1,) into f / prob
    f: np.ndarray  # target type ids
    prob: np.ndarray
    null: np.ndarray  # (v_tgt,)


def _expand(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenated ranges ``starts[k] .. starts[k] + counts[k] - 1``."""
    total = int(counts.sum())
    first = np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(starts, counts) + (np.arange(total) - first)


def _model1(src: Sequence[np.ndarray], tgt: Sequence[np.ndarray], fold: np.ndarray, folds: int, v_src: int,
            v_tgt: int, iterations: int) -> list[_Table]:
    """EM for IBM Model 1, t(f|e) with f in ``tgt`` and e in ``src`` plus NULL (id ``v_src``), from
    uniform, once without each fold of training pairs (once on all if ``folds`` is 1). Every
    co-occurrence of a target and a source token of a pair is one array element."""
    null = v_src
    src = [np.append(s, null) for s in src]
    ls = np.array([len(s) for s in src], dtype=np.int64)
    lt = np.array([len(t) for t in tgt], dtype=np.int64)
    e_all = np.concatenate(src)
    f_all = np.concatenate(tgt) if len(tgt) else np.zeros(0, dtype=np.int64)
    e_start = np.concatenate(([0], np.cumsum(ls)[:-1]))
    pair_of_f = np.repeat(np.arange(len(tgt)), lt)
    reps = ls[pair_of_f]
    # One row per co-occurrence; 32-bit indices, and the 64-bit keys dropped as soon as they are numbered.
    occ = np.repeat(np.arange(len(f_all), dtype=np.int32), reps)  # the target occurrence of each row
    keys = e_all[_expand(e_start[pair_of_f], reps)]
    keys += f_all[occ] * (v_src + 1)
    uniq, inv = np.unique(keys, return_inverse=True)
    del keys
    inv = inv.astype(np.int32)
    pf, pe = uniq // (v_src + 1), uniq % (v_src + 1)
    row_fold = np.asarray(fold, dtype=np.int8)[pair_of_f][occ]
    tables = []
    for k in range(folds):
        if folds > 1:
            keep = row_fold != k
            o, i = occ[keep], inv[keep]
            del keep
        else:
            o, i = occ, inv
        t = np.full(len(uniq), 1.0 / max(v_tgt, 1))
        for _ in range(iterations):
            w = t[i]
            w /= np.bincount(o, weights=w, minlength=len(f_all))[o]
            counts = np.bincount(i, weights=w, minlength=len(uniq))
            del w
            totals = np.bincount(pe, weights=counts, minlength=v_src + 1)[pe]
            t = np.divide(counts, totals, out=np.zeros(len(uniq)), where=totals > 0)
        tables.append(_table(pf, pe, t, null, v_src, v_tgt))
    return tables


def _table(pf: np.ndarray, pe: np.ndarray, t: np.ndarray, null: int, v_src: int, v_tgt: int) -> _Table:
    null_t = np.zeros(v_tgt)
    is_null = pe == null
    null_t[pf[is_null]] = t[is_null]
    keep = (~is_null) & (t >= FLOOR)
    e, f, p = pe[keep], pf[keep], t[keep]
    order = np.lexsort((-p, e))  # by source type, best translation first
    e, f, p = e[order], f[order], p[order]
    per_e = np.bincount(e, minlength=v_src)
    rank = np.arange(len(e)) - np.repeat(np.cumsum(per_e) - per_e, per_e)
    top = rank < TOP
    offsets = np.zeros(v_src + 1, dtype=np.int64)
    np.cumsum(np.minimum(per_e, TOP), out=offsets[1:])
    return _Table(offsets, f[top], p[top], null_t)


@dataclass
class _Side:
    ids: np.ndarray  # token type ids, sentence after sentence (types outside the vocabulary left out)
    starts: np.ndarray  # (n + 1,) token offsets of the sentences
    logp: np.ndarray  # (vocabulary,) log document frequency of each type

    @property
    def counts(self) -> np.ndarray:
        return np.diff(self.starts)

    def subset(self, rows: np.ndarray) -> "_Side":
        counts = self.counts[rows]
        starts = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        return _Side(self.ids[_expand(self.starts[rows], counts)], starts, self.logp)


class Lexicon:
    """Model 1 in both directions, learnt on some beads of one document, cross-fitted (see the module
    docstring), and the document's sentences as token ids."""

    def __init__(self, src_tokens: Sequence[Sequence[str]], tgt_tokens: Sequence[Sequence[str]],
                 train: Sequence[tuple[Sequence[int], Sequence[int]]], *, iterations: int = 5,
                 folds: int = 3) -> None:
        self.src, src_train = self._side(src_tokens, [b[0] for b in train])
        self.tgt, tgt_train = self._side(tgt_tokens, [b[1] for b in train])
        vs, vt = len(self.src.logp), len(self.tgt.logp)
        self.folds = max(1, min(folds, len(train)))
        n, m = len(src_tokens), len(tgt_tokens)
        fold_of_bead = (np.arange(len(train)) // FOLD_RUN) % self.folds
        # Sentences outside the training beads: the fold of the nearest training bead before them.
        self.src_fold = np.zeros(n, dtype=np.int64)
        self.tgt_fold = np.zeros(m, dtype=np.int64)
        src_first = np.array([min(b[0]) for b in train], dtype=np.int64)
        tgt_first = np.array([min(b[1]) for b in train], dtype=np.int64)
        if len(train):
            self.src_fold = fold_of_bead[np.maximum(np.searchsorted(src_first, np.arange(n), side="right") - 1, 0)]
            self.tgt_fold = fold_of_bead[np.maximum(np.searchsorted(tgt_first, np.arange(m), side="right") - 1, 0)]
        for k, (ii, jj) in enumerate(train):
            self.src_fold[list(ii)] = fold_of_bead[k]
            self.tgt_fold[list(jj)] = fold_of_bead[k]
        self.st = _model1(src_train, tgt_train, fold_of_bead, self.folds, vs, vt, iterations)  # t(tgt | src)
        self.ts = _model1(tgt_train, src_train, fold_of_bead, self.folds, vt, vs, iterations)  # t(src | tgt)

    @staticmethod
    def _side(tokens: Sequence[Sequence[str]], train_ids: Sequence[Sequence[int]]) -> tuple[_Side, list[np.ndarray]]:
        # The vocabulary: types seen at least MIN_COUNT times in the training sentences (a type seen
        # once is learnt from one pair and would translate whatever happened to be next to it).
        seen: dict[str, int] = {}
        for ii in train_ids:
            for i in ii:
                for w in tokens[i]:
                    seen[w] = seen.get(w, 0) + 1
        vocab = {w: k for k, w in enumerate(w for w, c in seen.items() if c >= MIN_COUNT)}
        ids = [np.fromiter((vocab[w] for w in sent if w in vocab), dtype=np.int64) for sent in tokens]
        flat = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        starts = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum([len(x) for x in ids], out=starts[1:])
        freq = np.bincount(flat, minlength=len(vocab)) + 0.5
        logp = np.log(freq / freq.sum()) if len(vocab) else np.zeros(0)
        train = [np.concatenate([ids[i] for i in ii]) if len(ii) else np.zeros(0, dtype=np.int64)
                 for ii in train_ids]
        return _Side(flat, starts, logp), train


def _evidence(expl: _Side, tables: Sequence[_Table], words: _Side, fold: np.ndarray, base: np.ndarray,
              width: int, max_a: int) -> np.ndarray:
    """:func:`_evidence_table` for every sentence of ``words``, each with the model of its fold."""
    if len(tables) == 1:
        return _evidence_table(expl, tables[0], words, base, width, max_a)
    out = np.zeros((len(words.starts) - 1, width, max_a))
    for k, table in enumerate(tables):
        rows = np.nonzero(fold == k)[0]
        if len(rows):
            out[rows] = _evidence_table(expl, table, words.subset(rows), base[rows], width, max_a)
    return out


def _evidence_table(expl: _Side, table: _Table, words: _Side, base: np.ndarray, width: int,
                    max_a: int) -> np.ndarray:
    """Q[w, r, a-1]: the log-likelihood ratio of the words of sentence w (of ``words``) given the
    explaining sentences base[w]+r .. base[w]+r+a-1 (of ``expl``); ``base`` is non-decreasing."""
    n_expl, n_words = len(expl.starts) - 1, len(words.starts) - 1
    v = len(table.null)
    out = np.zeros((n_words, width, max_a))
    if n_words == 0 or n_expl == 0 or v == 0:
        return out
    span = width + max_a - 1
    lp = np.concatenate(([0], np.cumsum(expl.counts)))  # token prefix counts of the explaining side
    n_entries = table.offsets[expl.ids + 1] - table.offsets[expl.ids]
    rows_per_block = max(span + 1, _MAX_CELLS // v)
    w0 = 0
    while w0 < n_words:
        # A block of word sentences whose windows fit in rows_per_block explaining sentences: sum_e
        # t(f|e) of each explaining sentence of the block, as a dense (sentences x types) matrix.
        r_lo = int(base[w0])
        w1 = int(np.searchsorted(base, r_lo + rows_per_block - span, side="right"))
        w1 = min(n_words, max(w1, w0 + 1))
        r_hi = min(n_expl, int(base[w1 - 1]) + span)
        t0, t1 = int(expl.starts[r_lo]), int(expl.starts[r_hi])
        cnt = n_entries[t0:t1]
        pos = _expand(table.offsets[expl.ids[t0:t1]], cnt)
        row = np.repeat(np.repeat(np.arange(r_hi - r_lo), expl.counts[r_lo:r_hi]), cnt)
        bag = np.bincount(row * v + table.f[pos], weights=table.prob[pos], minlength=(r_hi - r_lo) * v)
        bag = bag.reshape(r_hi - r_lo, v)
        k0, k1 = int(words.starts[w0]), int(words.starts[w1])
        if k1 > k0:
            f = words.ids[k0:k1]
            sw = np.repeat(np.arange(w0, w1), words.counts[w0:w1])
            rows = base[sw][:, None] + np.arange(span)[None, :]  # explaining sentences of each word
            vals = bag[np.minimum(rows, r_hi - 1) - r_lo, f[:, None]]
            vals[rows >= n_expl] = 0.0
            pref = np.zeros((len(f), span + 1))
            np.cumsum(vals, axis=1, out=pref[:, 1:])
            tok = lp[np.minimum(np.concatenate((rows, rows[:, -1:] + 1), axis=1), n_expl)]
            # log(FREE_WORD + (1 - FREE_WORD) * model1 / p(f)) with model1 = (t(f|NULL) + s) / (L + 1); a
            # word this model never saw in training (the held-out fold had all its occurrences) has no
            # probability under it: no evidence either way (scale 0).
            null = table.null[f][:, None]
            scale = np.where(null > 0, (1.0 - FREE_WORD) / FREE_WORD * np.exp(-words.logp[f])[:, None], 0.0)
            known = np.bincount(sw - w0, weights=(null[:, 0] > 0), minlength=w1 - w0)[:, None] * _LOG_FREE
            # Sums over each sentence's words: sentences without words get 0.
            filled = np.nonzero(words.counts[w0:w1])[0]
            firsts = words.starts[w0:w1][filled] - k0
            for a in range(1, max_a + 1):
                sources = pref[:, a : a + width] - pref[:, :width]
                lengths = tok[:, a : a + width] - tok[:, :width]
                model1 = (null + sources) / (lengths + 1.0)
                out[w0 + filled, :, a - 1] = np.add.reduceat(np.log1p(model1 * scale), firsts, axis=0)
                out[w0:w1, :, a - 1] += known
        w0 = w1
    return out


class LexicalScorer:
    """Bead costs from a :class:`Lexicon` inside a band of the lattice (rows ``lo``/``hi`` as in the
    aligner's band), for beads of up to ``max_a`` source and ``max_b`` target sentences: ``weight``
    times minus the average of the two directions' log-likelihood ratios."""

    def __init__(self, lexicon: Lexicon, lo: np.ndarray, hi: np.ndarray, max_a: int, max_b: int,
                 weight: float) -> None:
        n, m = len(lexicon.src.starts) - 1, len(lexicon.tgt.starts) - 1
        # Monotone envelopes of the band (only widens it), so that the rows reaching a column are a range.
        lo = np.minimum.accumulate(np.asarray(lo)[::-1])[::-1]
        hi = np.maximum.accumulate(np.asarray(hi))
        self.weight = weight
        # Target sentence j is in beads ending in rows i with lo[i] <= j + max_b and hi[i] >= j + 1;
        # their source sentences start at i - max_a at the earliest.
        j = np.arange(m)
        i_min = np.searchsorted(hi, j + 1, side="left")
        i_max = np.searchsorted(lo, j + max_b, side="right") - 1
        self.base_s = np.maximum(0, i_min - max_a)
        self.width_s = int(max(1, (i_max - self.base_s).max(initial=1)))
        # Source sentence i is in beads ending in rows i+1 .. i+max_a, whose columns run lo..hi.
        i = np.arange(n)
        self.base_t = np.maximum(0, lo[np.minimum(i + 1, n)] - max_b)
        self.width_t = int(max(1, (hi[np.minimum(i + max_a, n)] - self.base_t).max(initial=1)))
        self.q_st = _evidence(lexicon.src, lexicon.st, lexicon.tgt, lexicon.tgt_fold, self.base_s, self.width_s,
                              max_a)
        self.q_ts = _evidence(lexicon.tgt, lexicon.ts, lexicon.src, lexicon.src_fold, self.base_t, self.width_t,
                              max_b)

    def cost(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Cost of the lexical evidence of the beads of type (a, b) ending at lattice cells (i, j)."""
        llr = np.zeros(len(i))
        for db in range(b):
            jj = j - b + db
            r = np.clip(i - a - self.base_s[jj], 0, self.width_s - 1)
            llr += self.q_st[jj, r, a - 1]
        for da in range(a):
            ii = i - a + da
            r = np.clip(j - b - self.base_t[ii], 0, self.width_t - 1)
            llr += self.q_ts[ii, r, b - 1]
        return -self.weight * 0.5 * llr
