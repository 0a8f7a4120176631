"""Length-and-anchor sentence alignment by dynamic programming in a band around the diagonal.

The cost of a bead follows Gale & Church (1993), "A program for aligning sentences in bilingual
corpora" (Computational Linguistics 19(1)): the target length of a bead is modelled as the source
length times a ratio ``c`` with a variance that grows with length, and the cost is ``-log`` of the
two-sided tail probability of the observed difference plus ``-log`` of a prior on the bead type. What
is changed or added, for machine-translated news across scripts:

* ``c`` is estimated from the pair itself (target characters / source characters, white space not
  counted), so Chinese against French (``c`` about 2.5-3) needs no language table. Because one omitted
  sentence biases that estimate in a short article, pairs of moderate size are aligned with a few
  ratios around it and the cheapest alignment wins (a maximum-likelihood choice of ``c``). Lengths are
  compared in units symmetric between the sides (source times ``sqrt(c)``, target over ``sqrt(c)``).
* The variance has a term in the squared length besides Gale & Church's linear one, so that a long
  merged bead is not judged as if translations became relatively more exact the longer they get.
* Anchors that survive translation (:mod:`mtcheck.align.anchors`: numbers, Latin-script names and
  URLs, cognates in the sense of Simard, Foster & Isabelle 1992) reward the bead whose two sides share
  them and penalise one that leaves them unmatched. Counts of clause punctuation act as a second
  length; quotes, brackets, ``?``/``!``, the kind of final punctuation, a lower-case start (a sentence
  continued, not begun) and paragraph breaks add small costs.
* Null beads (1-0, 0-1) are priced as in affine-gap alignment (Gotoh 1982): a run of them (a block of
  captions, a dropped paragraph) pays the full price once and less for each further sentence.
* Besides 1-1, 1-2, 2-1, 2-2, 1-3, 3-1 and the null beads, 2-3, 3-2, 1-4, 4-1, 1-5 and 5-1 are allowed
  with small priors (human translation has them; Vecalign allows all beads up to a total size).
* Documents long enough to learn from get a second pass after Moore (2002), "Fast and accurate sentence
  alignment of bilingual corpora": IBM Model 1, learnt on the first pass's confident 1-1 beads, scores
  the words of every bead in a narrow band around the first path, and the search is run again
  (:mod:`mtcheck.align.lexicon`).

Search follows Thompson & Koehn (2019), "Vecalign: Improved sentence alignment in linear time and
space" (EMNLP): the documents are recursively downsampled (here by merging pairs of consecutive
sentences), the coarsest version is aligned with a full DP, and each finer level searches only a band of
fixed width around the path found one level up, so time and memory grow linearly with the document.
The DP is vectorised with numpy per row of the band; 0-1 beads, the only move within a row, are
resolved with a running minimum.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Optional, Sequence

import numpy as np

from .anchors import END_COLON, END_SEMICOLON, END_TERMINAL, N_FEATURES
from .lexicon import Lexicon, LexicalScorer



@dataclass(frozen=True)
class AlignParams:
    """Costs in nats (negative log probabilities). Defaults were set on news-like data; see bench/."""

    # Bead-type probabilities: Gale & Church (1993, table 5) for 1-1 and 1-2/2-1, 2-2 a little rarer;
    # 1-3/3-1, 2-3/3-2 and 1-4/4-1 added; null beads eight times more likely than in their parliamentary
    # data, because finding omissions and additions in machine translation is the point here.
    p11: float = 0.89
    p12: float = 0.089  # 1-2 and 2-1 together
    p22: float = 0.007
    p13: float = 0.004  # 1-3 and 3-1 together
    p23: float = 0.002  # 2-3 and 3-2 together (0 leaves them out)
    p14: float = 0.002  # 1-4 and 4-1 together (0 leaves them out)
    p15: float = 0.001  # 1-5 and 5-1 together, half of 1-4 as 1-4 is half of 1-3 (0 leaves them out)
    p10: float = 0.08  # 1-0 and 0-1 together
    # Length model: variance = s2 * m + (rel * m)^2 for a bead of mean length m (symmetric units).
    s2: float = 6.8
    rel: float = 0.12
    # Anchors: reward per shared anchor weight, penalty per anchor weight left unmatched in a bead;
    # base weights of a number and of a word (cognate) key before the document-frequency discount.
    anchor_match: float = 2.5
    anchor_miss: float = 1.0
    number_weight: float = 1.0
    word_weight: float = 0.5
    # Clause punctuation counts: weight of their agreement cost and variance per mark.
    clause_weight: float = 0.5
    clause_var: float = 1.0
    # Quotes/brackets/?/!: reward when both sides have one (none by default: too common to tell much),
    # penalty when only one side has it.
    feature_match: float = 0.0
    feature_miss: float = 1.0
    # The punctuation each side of a bead ends with (anchors.END_*): agreement on a rare class (';', ':',
    # ',' or none, as in titles) is evidence; a full stop against ';' or ':' is a weak mismatch
    # (translators restructure), one side ending mid-sentence (',' or no mark) a strong one.
    end_rare_match: float = 1.0
    end_weak_mismatch: float = 1.0
    end_strong_mismatch: float = 4.0
    # A bead starts with a lower-case letter on one side only (a continuation, not a sentence start).
    lowercase_start: float = 1.5
    # A bead straddles a paragraph break; a bead starts a paragraph on one side only.
    paragraph_straddle: float = 4.0
    paragraph_mismatch: float = 1.0
    # A null bead continuing a run of null beads of the same kind (affine gap): its prior cost.
    null_run: float = 2.0
    # A null bead of a debris segment (anchors.is_debris: no word, no digit): its whole cost, in place
    # of a null bead's prior (3.2) and its feature penalties. Debris has nothing to translate: it stands
    # alone in either text about as often as it is kept with a neighbour, so a null bead of it costs
    # about -log(1/e), and absorbing it into a neighbour's bead (a 1-2 prior, 3 nats more than 1-1) is
    # dearer. On the Text+Berg dev document any value from 1 to 2 gives the same alignment.
    debris_null: float = 1.0
    # Ratios tried around the pair's total ratio, exp(k * step) times it, for pairs of up to so many
    # sentences (both sides together).
    ratio_step: float = 0.1
    ratio_steps: int = 2
    ratio_search_max_sentences: int = 3000
    # Band search (Vecalign): cells of a full DP before downsampling; the band around the projected
    # coarse path takes the path's columns within band_rows rows, widened by band columns each side.
    max_full_cells: int = 250_000
    band: int = 10
    band_rows: int = 3
    # Second pass, after Moore (2002), for documents with at least second_pass_min_sentences sentences
    # on each side and at most second_pass_max_sentences on both together (above, for time: the second
    # pass costs about as much again as the first). IBM Model 1 is learnt on the first pass's confident
    # 1-1 beads (bead score at least lexical_train_score, at least lexical_min_train of them; beyond
    # lexical_max_cooccurrences co-occurring word pairs, a sample evenly spread) by lexical_iterations EM
    # iterations, cross-fitted over lexical_folds folds; the search is run again within
    # second_pass_band sentences of the first path, each bead's cost lowered by lexical_weight times the
    # translation evidence of its words (lexicon.py; weight 0: no second pass).
    second_pass_min_sentences: int = 100
    second_pass_max_sentences: int = 6000
    second_pass_band: int = 2
    lexical_weight: float = 0.1
    lexical_train_score: float = 0.5
    lexical_min_train: int = 50
    lexical_max_cooccurrences: int = 1_000_000
    lexical_iterations: int = 5
    lexical_folds: int = 3


@dataclass
class SideData:
    """Per-sentence inputs of one side."""

    lengths: np.ndarray  # float, characters
    features: np.ndarray  # int (n, N_FEATURES)
    anchor_totals: np.ndarray  # float
    clauses: np.ndarray  # int, clause punctuation marks (commas, semicolons, colons)
    end_classes: Optional[np.ndarray] = None  # int
    lowercase: Optional[np.ndarray] = None  # bool: starts with a lower-case letter
    paragraphs: Optional[np.ndarray] = None  # int
    debris: Optional[np.ndarray] = None  # bool: anchors.is_debris


@dataclass
class _Level:
    n: int
    m: int
    ls: np.ndarray  # prefix sums (n+1)
    lt: np.ndarray
    fs: np.ndarray  # prefix sums of packed feature counts (n+1), see _packed_prefix
    ft: np.ndarray
    as_: np.ndarray  # prefix sums of anchor totals
    at: np.ndarray
    cs: np.ndarray  # prefix sums of clause punctuation counts
    ct: np.ndarray
    pairs_p: np.ndarray
    pairs_q: np.ndarray
    pairs_w: np.ndarray
    coarse: bool = False  # a downsampled level: lengths and anchors only, to find the band
    end_s: Optional[np.ndarray] = None
    end_t: Optional[np.ndarray] = None
    low_s: Optional[np.ndarray] = None
    low_t: Optional[np.ndarray] = None
    par_s: Optional[np.ndarray] = None
    par_t: Optional[np.ndarray] = None
    deb_s: Optional[np.ndarray] = None
    deb_t: Optional[np.ndarray] = None
    lex: Optional[LexicalScorer] = None  # the second pass: word-translation evidence (lexicon.py)

    def downsample(self) -> "_Level":
        """Merge consecutive pairs of sentences: block k covers sentences 2k and 2k+1."""
        si = np.append(np.arange(0, self.n, 2), self.n)
        ti = np.append(np.arange(0, self.m, 2), self.m)
        return _Level(
            n=len(si) - 1, m=len(ti) - 1,
            ls=self.ls[si], lt=self.lt[ti], fs=self.fs[si], ft=self.ft[ti],
            as_=self.as_[si], at=self.at[ti], cs=self.cs[si], ct=self.ct[ti],
            pairs_p=self.pairs_p // 2, pairs_q=self.pairs_q // 2, pairs_w=self.pairs_w, coarse=True,
        )


def _prefix(values: np.ndarray) -> np.ndarray:
    out = np.zeros((len(values) + 1,) + values.shape[1:], dtype=np.float64)
    np.cumsum(values, axis=0, out=out[1:])
    return out


def _packed_prefix(features: np.ndarray) -> np.ndarray:
    """Prefix sums of per-sentence feature counts packed 8 bits per feature into one int64: a bead's
    counts (a few sentences, so below 256) are then one subtraction away, and unpacked with shifts."""
    codes = np.zeros(len(features), dtype=np.int64)
    for k in range(features.shape[1]):
        codes += features[:, k].astype(np.int64) << (8 * k)
    out = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(codes, out=out[1:])
    return out


def _log_erfc(x: np.ndarray) -> np.ndarray:
    """log(erfc(x)) for x >= 0, accurate to ~1e-7 relative (Numerical Recipes' erfcc, Chebyshev fit);
    written as ``log t - x^2 + poly`` so that it stays finite far in the tail."""
    t = 1.0 / (1.0 + 0.5 * x)
    poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (
        0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    return np.log(t) - x * x + poly


# -log P(|Z| > z) for a standard normal Z (Gale & Church's two-sided tail), tabulated: the cost is
# needed for every band cell and bead type, and a lookup is several times cheaper than the series.
_TAIL_STEP = 0.005
_TAIL_MAX = 40.0
_TAIL = -_log_erfc(np.arange(0.0, _TAIL_MAX + _TAIL_STEP, _TAIL_STEP) / math.sqrt(2.0))


def _tail_cost(z: np.ndarray) -> np.ndarray:
    """-log(2 * (1 - Phi(z))) for z >= 0 (rounded down to a multiple of 0.005, capped at z = 40)."""
    k = np.minimum(z * (1.0 / _TAIL_STEP), len(_TAIL) - 1).astype(np.intp)
    return _TAIL[k]


class _Band:
    """Allowed lattice cells: row i (source sentences consumed) holds columns lo[i]..hi[i]."""

    def __init__(self, lo: np.ndarray, hi: np.ndarray) -> None:
        self.lo = lo.astype(np.int64)
        self.hi = hi.astype(np.int64)
        widths = self.hi - self.lo + 1
        self.offs = np.zeros(len(lo) + 1, dtype=np.int64)
        np.cumsum(widths, out=self.offs[1:])
        self.total = int(self.offs[-1])
        self.row = np.repeat(np.arange(len(lo), dtype=np.int64), widths)
        self.col = np.arange(self.total, dtype=np.int64) - self.offs[self.row] + self.lo[self.row]

    def flat(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Flat index of cells (i, j), or ``total`` (a sentinel) for cells outside the band."""
        n = len(self.lo) - 1
        ic = np.clip(i, 0, n)
        ok = (i >= 0) & (i <= n) & (j >= self.lo[ic]) & (j <= self.hi[ic])
        return np.where(ok, self.offs[ic] + j - self.lo[ic], self.total)


def _full_band(n: int, m: int) -> _Band:
    return _Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))


def _project(path: list[tuple[int, int]], n: int, m: int, buffer: int, row_buffer: int, scale: int = 2
             ) -> _Band:
    """The band at ``scale`` times the resolution of a path (a list of lattice points; by default a
    coarse path projected to double resolution): each row takes the columns of the path within
    ``row_buffer`` rows of it, widened by ``buffer`` columns on each side (Thompson & Koehn 2019, section
    3.2). With ``scale=1``, a band around a path of the same level."""
    lo = np.full(n + 1, m + 1, dtype=np.int64)
    hi = np.full(n + 1, -1, dtype=np.int64)
    for (i0, j0), (i1, j1) in zip(path, path[1:]):
        r0, r1 = min(scale * i0, n), min(scale * i1, n)
        c0, c1 = min(scale * j0, m), min(scale * j1, m)
        lo[r0 : r1 + 1] = np.minimum(lo[r0 : r1 + 1], c0)
        hi[r0 : r1 + 1] = np.maximum(hi[r0 : r1 + 1], c1)
    wlo, whi = lo.copy(), hi.copy()
    for d in range(1, row_buffer + 1):
        wlo[d:] = np.minimum(wlo[d:], lo[:-d])
        wlo[:-d] = np.minimum(wlo[:-d], lo[d:])
        whi[d:] = np.maximum(whi[d:], hi[:-d])
        whi[:-d] = np.maximum(whi[:-d], hi[d:])
    wlo = np.clip(wlo - buffer, 0, m)
    whi = np.clip(whi + buffer, 0, m)
    wlo[0], whi[n] = 0, m
    return _Band(wlo, whi)


@dataclass
class _CostParts:
    """What a band's bead costs are made of, computed once for the ratios the search tries: per bead
    type, its cells and predecessor cells, the cost without the length term, and the bead's source and
    target lengths (None for null beads, which have no length term)."""

    moves: list[tuple[int, np.ndarray, np.ndarray, np.ndarray, Optional[np.ndarray], Optional[np.ndarray]]]
    n_types: int
    total: int


def _costs(level: _Level, band: _Band, ratio: float, p: AlignParams, parts: Optional[_CostParts] = None
           ) -> tuple[np.ndarray, np.ndarray]:
    """Cost of every bead type ending in every band cell, and the predecessor cell of each:
    arrays of shape (len(bead_types(p)), band.total). ``parts`` (from :func:`_cost_parts` on the same
    level and band) saves recomputing what does not depend on the ratio."""
    n_types = len(bead_types(p))
    # Without parts to reuse, each bead type's parts are made and dropped in turn (the memory of one type
    # at a time, not of all: long documents are searched once).
    moves = parts.moves if parts is not None else _cost_moves(level, band, p)
    # float32 costs and int32 cell indices halve the memory of the two largest arrays; the DP itself
    # accumulates in float64.
    costs = np.full((n_types, band.total), np.inf, dtype=np.float32)
    preds = np.full((n_types, band.total), band.total, dtype=np.int32)
    sq = math.sqrt(ratio)
    for t, idx, pred, base, xs, ys in moves:
        if xs is not None and ys is not None:
            x = xs * sq
            y = ys / sq
            mean = np.maximum((x + y) / 2, 1.0)
            z = np.abs(y - x) / np.sqrt(p.s2 * mean + (p.rel * mean) ** 2)
            if parts is None:
                base += _tail_cost(z)  # made for this call only: added in place
                costs[t, idx] = base
            else:
                costs[t, idx] = base + _tail_cost(z)
        else:
            costs[t, idx] = base
        preds[t, idx] = pred
    return costs, preds


def _cost_parts(level: _Level, band: _Band, p: AlignParams) -> _CostParts:
    """Everything of the bead costs but the length term (see :func:`_costs`), kept for reuse."""
    return _CostParts(list(_cost_moves(level, band, p)), len(bead_types(p)), band.total)


def _cost_moves(level: _Level, band: _Band, p: AlignParams):  # type: ignore[no-untyped-def]
    """Per bead type: (type, cells, predecessor cells, cost without the length term, source lengths,
    target lengths), the lengths None for null beads."""
    total_cs, total_ct = float(level.cs[-1]), float(level.ct[-1])
    clause_ratio = total_ct / total_cs if total_cs > 0 and total_ct > 0 else 0.0
    csq = math.sqrt(clause_ratio)
    types = bead_types(p)
    priors = bead_priors(p)
    end_costs = _end_matrix(p)
    for t, (a, b), idx, pred, (i, j, i0, j0) in band_moves(band, types):
        fine = not level.coarse
        if fine:
            fs = level.fs[i] - level.fs[i0]  # packed counts, 8 bits per feature
            ft = level.ft[j] - level.ft[j0]
        sa = level.as_[i] - level.as_[i0]
        ta = level.at[j] - level.at[j0]
        cost = np.full(len(idx), -math.log(priors[(a, b)]))
        xs = ys = None
        if a and b:
            xs = level.ls[i] - level.ls[i0]
            ys = level.lt[j] - level.lt[j0]
            # Clause punctuation counts as a second, nearly independent length (commas survive
            # translation: zh-en counts correlate at 0.8 on true pairs, 0.05 on neighbours).
            if fine and clause_ratio > 0:
                cx = (level.cs[i] - level.cs[i0]) * csq
                cy = (level.ct[j] - level.ct[j0]) / csq
                cz = np.abs(cy - cx) / np.sqrt(p.clause_var * (cx + cy) / 2 + 1.0)
                # Centred: -log of a uniform p-value averages 1 on true beads, so true beads gain
                # nothing on average against null beads while wrong ones pay.
                cost += p.clause_weight * (_tail_cost(cz) - 1.0)
            # Anchors shared by the bead's two sides: sum of pairwise shared weights, capped by either
            # side's total (a key repeated in two merged sentences is one anchor, not two).
            shared = _shared_anchor_weight(level, band, a, b, idx)
            matched = np.minimum(shared, np.minimum(sa, ta))
            cost += -p.anchor_match * matched + p.anchor_miss * (sa + ta - 2 * matched)
            if fine:
                for k in range(N_FEATURES):
                    cs_k = (fs >> (8 * k)) & 255
                    ct_k = (ft >> (8 * k)) & 255
                    cost += -p.feature_match * np.minimum(cs_k, ct_k) + p.feature_miss * np.abs(cs_k - ct_k)
            if level.end_s is not None and level.end_t is not None:
                cost += end_costs[level.end_s[i - 1], level.end_t[j - 1]]
            if level.low_s is not None and level.low_t is not None:
                cost += p.lowercase_start * (level.low_s[i0] != level.low_t[j0])
            if level.par_s is not None and level.par_t is not None:
                ps, pt = level.par_s, level.par_t
                straddle = (ps[i - 1] != ps[i0]) | (pt[j - 1] != pt[j0])
                starts_s = (i0 == 0) | (ps[i0] != ps[np.maximum(i0 - 1, 0)])
                starts_t = (j0 == 0) | (pt[j0] != pt[np.maximum(j0 - 1, 0)])
                cost += p.paragraph_straddle * straddle + p.paragraph_mismatch * (starts_s != starts_t)
            if level.lex is not None:
                cost += level.lex.cost(a, b, i, j)
        else:
            cost += p.anchor_miss * (sa + ta)
            if fine:
                for k in range(N_FEATURES):
                    cost += p.feature_miss * (((fs >> (8 * k)) & 255) + ((ft >> (8 * k)) & 255))
            if level.low_s is not None and level.low_t is not None:
                cost += p.lowercase_start * (level.low_s[i0] if a else level.low_t[j0])
            debris = level.deb_s if a else level.deb_t
            if debris is not None:
                cost = np.where(debris[i0 if a else j0], p.debris_null, cost)
        yield t, idx, pred, cost, xs, ys


def band_moves(band: "_Band", types: Sequence[tuple[int, int]]):
    """For each bead type (a, b): the band cells where such a bead can end with its start inside the
    band, as ``(t, (a, b), idx, pred, (i, j, i0, j0))``: ``idx`` the flat cells, ``pred`` the flat
    start cells, (i, j) the end and (i0, j0) the start lattice points."""
    row, col = band.row, band.col
    for t, (a, b) in enumerate(types):
        pi, pj = row - a, col - b
        ok = (pi >= 0) & (pj >= 0)
        pred = band.flat(np.where(ok, pi, -1), pj)
        ok &= pred < band.total
        if not ok.any():
            continue
        idx = np.nonzero(ok)[0]
        yield t, (a, b), idx, pred[idx], (row[idx], col[idx], pi[idx], pj[idx])


def bead_priors(p: AlignParams) -> dict[tuple[int, int], float]:
    """Prior probability of each bead type in use (types with probability 0 are left out)."""
    pairs = {
        (1, 1): p.p11, (2, 1): p.p12 / 2, (1, 2): p.p12 / 2, (2, 2): p.p22, (1, 3): p.p13 / 2,
        (3, 1): p.p13 / 2, (2, 3): p.p23 / 2, (3, 2): p.p23 / 2, (1, 4): p.p14 / 2, (4, 1): p.p14 / 2,
        (1, 5): p.p15 / 2, (5, 1): p.p15 / 2,
        (1, 0): p.p10 / 2, (0, 1): p.p10 / 2,
    }
    return {k: v for k, v in pairs.items() if v > 0 or k in ((1, 0), (0, 1))}


def bead_types(p: AlignParams) -> tuple[tuple[int, int], ...]:
    """Bead types in DP order: non-null types first (1-1 first, so that on equal cost the simplest bead
    wins), then 1-0 and 0-1, which the DP treats specially (0-1 is the only move within a row)."""
    full = sorted((k for k in bead_priors(p) if k[0] and k[1]), key=lambda k: (k[0] + k[1], k))
    return tuple(full) + ((1, 0), (0, 1))


def _end_matrix(p: AlignParams) -> np.ndarray:
    """Cost of the pair (source end class, target end class), classes as in :mod:`.anchors`."""
    weak = {END_TERMINAL, END_SEMICOLON, END_COLON}
    mat = np.zeros((5, 5))
    for a in range(5):
        for b in range(5):
            if a == b:
                mat[a, b] = 0.0 if a == END_TERMINAL else -p.end_rare_match
            elif a in weak and b in weak:
                mat[a, b] = p.end_weak_mismatch
            else:
                mat[a, b] = p.end_strong_mismatch
    return mat


def _shared_anchor_weight(level: _Level, band: _Band, a: int, b: int, idx: np.ndarray) -> np.ndarray:
    """For bead type (a, b) at cells ``idx``: total weight of anchor pairs (p, q) with p among the
    bead's source sentences and q among its target sentences."""
    if len(level.pairs_w) == 0:
        return np.zeros(len(idx))
    acc = np.zeros(band.total + 1)
    for da in range(a):
        for db in range(b):
            cells = band.flat(level.pairs_p + 1 + da, level.pairs_q + 1 + db)
            acc += np.bincount(cells, weights=level.pairs_w, minlength=band.total + 1)
    return acc[idx]


def _dp(costs: np.ndarray, preds: np.ndarray, band: _Band, n: int, m: int, types: Sequence[tuple[int, int]],
        run_discount: float) -> tuple[list[tuple[int, int]], float]:
    """Best path through the band: the lattice points from (0, 0) to (n, m), and its total cost.

    Three states per cell, as in affine-gap alignment (Gotoh 1982): the last bead was a non-null bead
    (M), a 1-0 (D) or a 0-1 (I). A null bead that continues a run of the same kind costs
    ``run_discount`` less than one that opens a run: a block of captions or a dropped paragraph is one
    event, not many independent ones.
    """
    total = band.total
    inf = np.inf
    delete, insert = len(types) - 2, len(types) - 1  # (1, 0) and (0, 1)
    best = np.full(total + 1, inf)  # min over the three states; best[total] is the out-of-band sentinel
    dval = np.full(total + 1, inf)
    m_type = np.zeros(total, dtype=np.int8)
    b_state = np.zeros(total, dtype=np.int8)  # 0 M, 1 D, 2 I
    md_state = np.zeros(total, dtype=np.int8)
    d_open = np.zeros(total, dtype=bool)
    i_open = np.zeros(total, dtype=bool)
    offs = band.offs
    cp, pp = costs[:delete], preds[:delete]
    for i in range(n + 1):
        s, e = int(offs[i]), int(offs[i + 1])
        w = e - s
        if i == 0:
            mv = np.full(w, inf)
            mv[0] = 0.0  # cell (0, 0)
            mt = np.zeros(w, dtype=np.int8)
            dv = np.full(w, inf)
            dop = np.zeros(w, dtype=bool)
        else:
            cand = best[pp[:, s:e]] + cp[:, s:e]
            mt = cand.argmin(axis=0).astype(np.int8)
            mv = cand[mt, np.arange(w)]
            pd = preds[delete, s:e]
            cd = costs[delete, s:e]
            opened = best[pd] + cd
            extended = dval[pd] + (cd - run_discount)
            dop = opened <= extended
            dv = np.where(dop, opened, extended)
        mdv = np.minimum(mv, dv)
        mds = np.where(mv <= dv, 0, 1).astype(np.int8)
        # 0-1 beads move along the row: I[j] = min(MD[j-1] + o[j], I[j-1] + o[j] - discount), a running
        # minimum over where the run was opened.
        iv = np.full(w, inf)
        iop = np.zeros(w, dtype=bool)
        if w > 1:
            o = costs[insert, s + 1 : e]
            ext = np.concatenate(([0.0], np.cumsum(o - run_discount)))  # ext[j]: extending j cells
            x = mdv[:-1] + o - ext[1:]
            run = np.minimum.accumulate(x)
            iv[1:] = ext[1:] + run
            iop[1:] = x <= run
        bv = np.minimum(mdv, iv)
        best[s:e] = bv
        dval[s:e] = dv
        m_type[s:e] = mt
        b_state[s:e] = np.where(iv < mdv, 2, mds)
        md_state[s:e] = mds
        d_open[s:e] = dop
        i_open[s:e] = iop
    idx = int(offs[n] + m - band.lo[n])
    total_cost = float(best[idx])
    if not np.isfinite(total_cost):
        raise RuntimeError("no alignment path inside the band")  # cannot happen: the band is connected
    path = [(n, m)]
    kinds: list[int] = []
    i, j = n, m
    state = int(b_state[idx])
    while (i, j) != (0, 0):
        idx = int(offs[i] + j - band.lo[i])
        if state == 0:
            t = int(m_type[idx])
            a, b = types[t]
            i, j = i - a, j - b
            nidx = int(offs[i] + j - band.lo[i])
            state = int(b_state[nidx])
        elif state == 1:
            t = delete
            was_opened = bool(d_open[idx])
            i -= 1
            nidx = int(offs[i] + j - band.lo[i])
            state = int(b_state[nidx]) if was_opened else 1
        else:
            t = insert
            was_opened = bool(i_open[idx])
            j -= 1
            nidx = int(offs[i] + j - band.lo[i])
            state = int(md_state[nidx]) if was_opened else 2
        path.append((i, j))
        kinds.append(t)
    path.reverse()
    kinds.reverse()
    return path, total_cost


def _align_level(level: _Level, ratio: float, p: AlignParams, band: Optional[_Band] = None,
                 parts: Optional[_CostParts] = None, keep: Optional[list] = None
                 ) -> tuple[list[tuple[int, int]], _Band, np.ndarray, float]:
    """The best path at ``ratio``. ``band`` and ``parts``: the band and cost parts of an earlier search
    of the same level (another ratio), used again; the cost parts computed here are appended to
    ``keep`` when it is given."""
    n, m = level.n, level.m
    if band is not None:
        pass  # searched before (another ratio): the band found then is used again
    elif (n + 1) * (m + 1) <= p.max_full_cells or min(n, m) <= 2:
        band = _full_band(n, m)
    else:
        coarse_path = _align_level(level.downsample(), ratio, p)[0]
        band = _project(coarse_path, n, m, p.band, p.band_rows)
    if parts is None and keep is not None:
        parts = _cost_parts(level, band, p)
        keep.append(parts)
    costs, preds = _costs(level, band, ratio, p, parts)
    discount = max(0.0, -math.log(p.p10 / 2) - p.null_run)
    path, total = _dp(costs, preds, band, n, m, bead_types(p), discount)
    return path, band, costs, total


def align_lengths(
    src: SideData,
    tgt: SideData,
    pairs: Sequence[tuple[int, int, float]],
    ratio: float,
    params: AlignParams = AlignParams(),
    tokens: Optional[tuple[Sequence[Sequence[str]], Sequence[Sequence[str]]]] = None,
) -> list[tuple[int, int, int, int, float]]:
    """Align two sides; returns beads as ``(src_start, src_end, tgt_start, tgt_end, evidence)`` with
    half-open sentence ranges, in order, covering both sides exactly once; ``evidence`` is the bead's
    cost without its type's prior (0 for null beads' callers to ignore). With ``tokens`` (each
    sentence's :func:`.lexicon.lexical_tokens`) and both sides long enough, a second pass adds the
    word-translation evidence of a lexicon learnt on the first pass's confident beads (Moore 2002)."""
    n, m = len(src.lengths), len(tgt.lengths)
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0, 0.0) for i in range(n)] + [(0, 0, j, j + 1, 0.0) for j in range(m)]
    if pairs:
        arr = np.asarray(pairs, dtype=np.float64)
        pp, pq, pw = arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64), arr[:, 2]
    else:
        pp = pq = np.zeros(0, dtype=np.int64)
        pw = np.zeros(0)
    level = _Level(
        n=n, m=m,
        ls=_prefix(src.lengths.astype(np.float64)), lt=_prefix(tgt.lengths.astype(np.float64)),
        fs=_packed_prefix(src.features.reshape(n, N_FEATURES)), ft=_packed_prefix(tgt.features.reshape(m, N_FEATURES)),
        as_=_prefix(src.anchor_totals), at=_prefix(tgt.anchor_totals),
        cs=_prefix(src.clauses.astype(np.float64)), ct=_prefix(tgt.clauses.astype(np.float64)),
        pairs_p=pp, pairs_q=pq, pairs_w=pw,
        end_s=src.end_classes, end_t=tgt.end_classes, low_s=src.lowercase, low_t=tgt.lowercase,
        par_s=src.paragraphs, par_t=tgt.paragraphs, deb_s=src.debris, deb_t=tgt.debris,
    )
    # The length ratio of the whole pair is biased by what one side has and the other lacks: one long
    # omitted sentence in a ten-sentence article shifts it by 10 %. Pairs of moderate size are aligned
    # with a few ratios around it and the cheapest alignment wins (a maximum-likelihood estimate of the
    # ratio); in long pairs the total ratio is robust and one pass is enough.
    kept: list[_CostParts] = []
    search = n + m <= params.ratio_search_max_sentences
    best = _align_level(level, ratio, params, keep=kept if search else None)
    best_ratio = ratio
    if search:
        for k in range(-params.ratio_steps, params.ratio_steps + 1):
            if k:
                r = ratio * math.exp(params.ratio_step * k)
                # The same band and, but for the length term, the same costs for every ratio tried.
                result = _align_level(level, r, params, best[1], kept[0])
                if result[3] < best[3] - 1e-9:
                    best, best_ratio = result, r
    beads = _beads(best, params)
    if tokens is not None and second_pass_applies(n, m, params):
        second = _second_pass(level, beads, best[0], tokens, best_ratio, params)
        if second is not None:
            beads = second
    return beads


def second_pass_applies(n: int, m: int, p: AlignParams) -> bool:
    """Whether a pair of n and m sentences gets the lexical second pass."""
    return p.lexical_weight > 0 and min(n, m) >= p.second_pass_min_sentences and n + m <= p.second_pass_max_sentences


def _beads(result: tuple, params: AlignParams) -> list[tuple[int, int, int, int, float]]:
    """The beads of a DP result as ``(i0, i1, j0, j1, evidence)``: evidence is the bead's cost minus the
    cost of its type's prior (what the sentences themselves say)."""
    path, band, costs, _total = result
    types = bead_types(params)
    priors = bead_priors(params)
    beads = []
    for (i0, j0), (i1, j1) in zip(path, path[1:]):
        t = types.index((i1 - i0, j1 - j0))
        idx = int(band.offs[i1] + j1 - band.lo[i1])
        beads.append((i0, i1, j0, j1, float(costs[t, idx]) + math.log(priors[(i1 - i0, j1 - j0)])))
    return beads


def _second_pass(level: _Level, beads: list[tuple[int, int, int, int, float]], path: list[tuple[int, int]],
                 tokens: tuple[Sequence[Sequence[str]], Sequence[Sequence[str]]], ratio: float,
                 p: AlignParams) -> Optional[list[tuple[int, int, int, int, float]]]:
    """Moore's (2002) second pass: the search again, in a narrow band around the first path, with the
    lexical evidence of a Model 1 learnt on the first pass's confident beads. None if there are too
    few of them to learn from."""
    band = _project(path, level.n, level.m, p.second_pass_band, p.second_pass_band, scale=1)
    lex = _lexical_scorer(beads, band, tokens, p)
    if lex is None:
        return None
    return _beads(_align_level(replace(level, lex=lex), ratio, p, band), p)


def _lexical_scorer(beads: list[tuple[int, int, int, int, float]], band: _Band,
                    tokens: tuple[Sequence[Sequence[str]], Sequence[Sequence[str]]], p: AlignParams
                    ) -> Optional[LexicalScorer]:
    """Moore's (2002) lexical model: IBM Model 1 on the confident 1-1 beads of the first pass (bead
    score at least ``lexical_train_score``), as bead costs in ``band``. None if too few beads to learn
    from."""
    # align_sentences' bead score is 1 / (1 + exp(evidence - 2)).
    limit = 2.0 + math.log(1.0 / p.lexical_train_score - 1.0)
    confident = [((i0,), (j0,)) for i0, i1, j0, j1, ev in beads if i1 - i0 == 1 and j1 - j0 == 1 and ev <= limit]
    if len(confident) < p.lexical_min_train:
        return None
    # Model 1's time and memory go with the co-occurrences of the training pairs (a word of one side with
    # a word of the other): beyond the budget, pairs are taken evenly spread.
    cooc = sum(len(tokens[0][ii[0]]) * (len(tokens[1][jj[0]]) + 1) for ii, jj in confident)
    if cooc > p.lexical_max_cooccurrences:
        keep = max(p.lexical_min_train, int(len(confident) * p.lexical_max_cooccurrences / cooc))
        pick = np.linspace(0, len(confident) - 1, keep).round().astype(int)
        confident = [confident[k] for k in pick]
    lexicon = Lexicon(tokens[0], tokens[1], confident, iterations=p.lexical_iterations, folds=p.lexical_folds)
    types = bead_types(p)
    return LexicalScorer(lexicon, band.lo, band.hi, max(a for a, _ in types), max(b for _, b in types),
                         p.lexical_weight)
