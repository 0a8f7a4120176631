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
resolved with a running minimum. The ratios tried on a pair of moderate size share the band and all of
the bead costs but the length term, so their DPs run as layers of one (a row of every layer per step);
the bead costs of all bead types are computed together, a block of band cells at a time.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple, Optional, Sequence

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
    """Prefix sums of per-sentence feature counts packed 16 bits per feature into one int64: a bead's
    counts (a few sentences, so below 256) are then one subtraction away; adding the target side's
    counts shifted by 8 bits makes each 16-bit lane a (source count, target count) pair, a lookup
    index (see :func:`_feature_cost_table`)."""
    assert features.shape[1] * 16 <= 64
    codes = np.zeros(len(features), dtype=np.int64)
    for k in range(features.shape[1]):
        codes += features[:, k].astype(np.int64) << (16 * k)
    out = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(codes, out=out[1:])
    return out


def _feature_lanes(src_counts: np.ndarray, tgt_counts: np.ndarray) -> np.ndarray:
    """From the packed feature counts of beads' two sides (:func:`_packed_prefix` differences), an
    array of one more axis: per feature, its count in the source plus 256 times its count in the target
    (each below 256), an index into :func:`_feature_cost_table`."""
    pairs = src_counts + (tgt_counts << 8)
    return pairs.astype("<i8", copy=False).view("<u2").reshape(pairs.shape + (4,))


@lru_cache(maxsize=16)
def _feature_cost_table(match: float, miss: float) -> np.ndarray:
    """The cost of one feature of a bead with ``u`` occurrences in the source and ``v`` in the target,
    at index ``u + 256 * v``: ``-match * min(u, v) + miss * |u - v|``."""
    code = np.arange(1 << 16, dtype=np.int64)
    u, v = code & 255, code >> 8
    table = -match * np.minimum(u, v) + miss * np.abs(u - v)
    table.flags.writeable = False  # shared
    return table


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
    return _TAIL.take(k)


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
        ic = np.minimum(np.maximum(i, 0), n)
        lo = self.lo[ic]
        ok = (i >= 0) & (i <= n) & (j >= lo) & (j <= self.hi[ic])
        return np.where(ok, self.offs[ic] + j - lo, self.total)


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


# Cells of the band whose bead costs are computed together: a block's arrays (bead types x cells, a few
# of them alive at once) stay small however long the document.
_BLOCK_CELLS = 1024


def _costs(level: _Level, band: _Band, ratios: Sequence[float], p: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """Cost of every bead type ending in every band cell at each ratio, and the predecessor cell of
    each: arrays of shape (len(ratios), len(bead_types(p)), band.total) and (len(bead_types(p)),
    band.total). All but the length term is the same for every ratio and computed once; the cells are
    taken a block at a time, all bead types together."""
    types = bead_types(p)
    n_full = len(types) - 2  # the last two are 1-0 and 0-1, without a length term
    # float32 costs and int32 cell indices halve the memory of the two largest arrays; the DP itself
    # accumulates in float64.
    costs = np.empty((len(ratios), len(types), band.total), dtype=np.float32)
    preds = np.empty((len(types), band.total), dtype=np.int32)
    anchors = _anchor_cells(level, band, types)
    fixed = _fixed_terms(level, p, types)
    for c0 in range(0, band.total, _BLOCK_CELLS):
        c1 = min(band.total, c0 + _BLOCK_CELLS)
        shared = _shared_anchor_weights(level, anchors, types, c0, c1)
        base, xs, ys, pred = _cost_block(level, band, p, types, fixed, shared, c0, c1)
        preds[:, c0:c1] = pred
        costs[:, n_full:, c0:c1] = base[n_full:]
        for r, ratio in enumerate(ratios):
            # A ratio at a time: arrays of all ratios at once are slower to make than to fill.
            sq = math.sqrt(ratio)
            x = xs * sq
            y = ys / sq
            mean = np.maximum((x + y) / 2, 1.0)
            z = np.abs(y - x) / np.sqrt(p.s2 * mean + (p.rel * mean) ** 2)
            costs[r, :n_full, c0:c1] = base[:n_full] + _tail_cost(z)
    return costs, preds


class _Fixed(NamedTuple):
    """What every block of one ``_costs`` call reads alike: each bead type's source and target sentence
    counts (as columns), its prior cost, the pair's clause ratio, the paragraph starts of each side."""

    di: np.ndarray
    dj: np.ndarray
    prior: np.ndarray
    clause_ratio: float
    starts_s: Optional[np.ndarray]
    starts_t: Optional[np.ndarray]


def _fixed_terms(level: _Level, p: AlignParams, types: Sequence[tuple[int, int]]) -> _Fixed:
    priors = bead_priors(p)
    total_cs, total_ct = float(level.cs[-1]), float(level.ct[-1])
    paragraphs = level.par_s is not None and level.par_t is not None
    return _Fixed(
        np.array([a for a, _ in types])[:, None], np.array([b for _, b in types])[:, None],
        np.array([-math.log(priors[ab]) for ab in types])[:, None],
        total_ct / total_cs if total_cs > 0 and total_ct > 0 else 0.0,
        _paragraph_starts(level.par_s) if paragraphs else None,
        _paragraph_starts(level.par_t) if paragraphs else None,
    )


def _cost_block(level: _Level, band: _Band, p: AlignParams, types: Sequence[tuple[int, int]], fixed: _Fixed,
                shared: np.ndarray | float, c0: int, c1: int
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For the band cells ``c0:c1`` and every bead type ending there: the cost without the length term
    (inf where the bead would start outside the band), the bead's source and target lengths (non-null
    types only) and the start cell (``band.total`` outside the band); each of shape (types, cells).
    ``shared``: the anchor weight shared by each bead's sides (:func:`_shared_anchor_weights`).

    The terms are added in a fixed order, each to every bead type it concerns. A null bead has one side
    empty, so its counts and anchor totals on that side are 0 and the agreement terms of features and
    anchors reduce exactly to its penalties for what the other side has: they are added to all types."""
    n_full = len(types) - 2
    row, col = band.row[c0:c1], band.col[c0:c1]
    i0 = row - fixed.di
    j0 = col - fixed.dj
    pred = band.flat(i0, j0)
    ok = pred < band.total
    # Starts before the first sentence are out of the band; clipped, they index safely.
    np.maximum(i0, 0, out=i0)
    np.maximum(j0, 0, out=j0)
    cost = np.empty((len(types), c1 - c0))
    cost[:] = fixed.prior
    fine = not level.coarse
    i, j = row, col
    full = cost[:n_full]  # beads with both sides
    fi0, fj0 = i0[:n_full], j0[:n_full]
    xs = level.ls[i] - level.ls.take(fi0)
    ys = level.lt[j] - level.lt.take(fj0)
    clause_ratio = fixed.clause_ratio
    # Clause punctuation counts as a second, nearly independent length (commas survive translation:
    # zh-en counts correlate at 0.8 on true pairs, 0.05 on neighbours).
    if fine and clause_ratio > 0:
        csq = math.sqrt(clause_ratio)
        cx = (level.cs[i] - level.cs.take(fi0)) * csq
        cy = (level.ct[j] - level.ct.take(fj0)) / csq
        cz = np.abs(cy - cx) / np.sqrt(p.clause_var * (cx + cy) / 2 + 1.0)
        # Centred: -log of a uniform p-value averages 1 on true beads, so true beads gain nothing on
        # average against null beads while wrong ones pay.
        full += p.clause_weight * (_tail_cost(cz) - 1.0)
    # Anchors shared by the bead's two sides: sum of pairwise shared weights, capped by either side's
    # total (a key repeated in two merged sentences is one anchor, not two); what is not shared is missed.
    sa = level.as_[i] - level.as_.take(i0)
    ta = level.at[j] - level.at.take(j0)
    matched = np.minimum(shared, np.minimum(sa, ta))
    cost += -p.anchor_match * matched + p.anchor_miss * (sa + ta - 2 * matched)
    if fine:
        lanes = _feature_lanes(level.fs[i] - level.fs.take(i0), level.ft[j] - level.ft.take(j0))
        table = _feature_cost_table(p.feature_match, p.feature_miss)
        for k in range(N_FEATURES):
            cost += table.take(lanes[..., k])
    if level.end_s is not None and level.end_t is not None:
        full += _end_matrix(p)[level.end_s[i - 1], level.end_t[j - 1]]
    if level.low_s is not None and level.low_t is not None:
        full += p.lowercase_start * (level.low_s.take(fi0) != level.low_t.take(fj0))
        cost[n_full] += p.lowercase_start * level.low_s[i0[n_full]]
        cost[n_full + 1] += p.lowercase_start * level.low_t[j0[n_full + 1]]
    if level.par_s is not None and level.par_t is not None:
        ps, pt = level.par_s, level.par_t
        straddle = (ps[i - 1] != ps.take(fi0)) | (pt[j - 1] != pt.take(fj0))
        starts_s = fixed.starts_s.take(fi0)  # type: ignore[union-attr]
        starts_t = fixed.starts_t.take(fj0)  # type: ignore[union-attr]
        full += p.paragraph_straddle * straddle + p.paragraph_mismatch * (starts_s != starts_t)
    if level.lex is not None:
        for t, (a, b) in enumerate(types[:n_full]):
            cells = ok[t]
            full[t, cells] += level.lex.cost(a, b, i[cells], j[cells])
    # A null bead of debris costs debris_null, whatever else.
    if level.deb_s is not None:
        cost[n_full] = np.where(level.deb_s[i0[n_full]], p.debris_null, cost[n_full])
    if level.deb_t is not None:
        cost[n_full + 1] = np.where(level.deb_t[j0[n_full + 1]], p.debris_null, cost[n_full + 1])
    cost[~ok] = np.inf
    return cost, xs, ys, pred


def _paragraph_starts(paragraphs: np.ndarray) -> np.ndarray:
    """Per sentence: it starts a paragraph."""
    starts = np.ones(len(paragraphs), dtype=bool)
    starts[1:] = paragraphs[1:] != paragraphs[:-1]
    return starts


def _anchor_cells(level: _Level, band: _Band, types: Sequence[tuple[int, int]]
                  ) -> Optional[tuple[list[tuple[int, int]], np.ndarray]]:
    """Where the anchor pairs (p, q) count: a bead ending da rows and db columns after (p + 1, q + 1)
    has p among its source and q among its target sentences. Returns the offsets (da, db) the bead types
    need and, per offset and pair, the band cell (``band.total`` outside the band); None without anchor
    pairs."""
    if len(level.pairs_w) == 0:
        return None
    offsets = sorted({(da, db) for a, b in types for da in range(a) for db in range(b)})
    rows = np.array([da for da, _ in offsets])[:, None]
    cols = np.array([db for _, db in offsets])[:, None]
    return offsets, band.flat(level.pairs_p + 1 + rows, level.pairs_q + 1 + cols)


def _shared_anchor_weights(level: _Level, anchors: Optional[tuple[list[tuple[int, int]], np.ndarray]],
                           types: Sequence[tuple[int, int]], c0: int, c1: int) -> np.ndarray | float:
    """Per bead type and band cell of ``c0:c1`` (shape (types, cells)): the total weight of anchor pairs
    (p, q) with p among the source and q among the target sentences of the bead of that type ending
    there; 0 for null beads (0.0 for all without anchor pairs). ``anchors``: :func:`_anchor_cells`."""
    if anchors is None:
        return 0.0
    offsets, cells = anchors
    width = c1 - c0
    # The weights per offset and cell, in one count: pairs in the order given, as a bead type's own
    # counts would add them.
    inside = (cells >= c0) & (cells < c1)
    bins = (cells - c0 + width * np.arange(len(offsets))[:, None])[inside]
    weights = np.broadcast_to(level.pairs_w, cells.shape)[inside]
    by_offset = dict(zip(offsets, np.bincount(bins, weights=weights, minlength=width * len(offsets))
                         .reshape(len(offsets), width)))
    # A bead's sum adds its offsets in the order (0, 0), (0, 1), ..., (1, 0), ...; sums over the same
    # first offsets are shared between bead types.
    sums: dict[tuple[tuple[int, int], ...], np.ndarray] = {}
    out = np.zeros((len(types), width))
    for t, (a, b) in enumerate(types):
        if not (a and b):
            continue
        seq: tuple[tuple[int, int], ...] = ()
        acc = np.zeros(width)
        for offset in [(da, db) for da in range(a) for db in range(b)]:
            seq += (offset,)
            if seq in sums:
                acc = sums[seq]
            else:
                acc = sums[seq] = acc + by_offset[offset]
        out[t] = acc
    return out


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
    return dict(_bead_priors(p))


@lru_cache(maxsize=16)
def _bead_priors(p: AlignParams) -> tuple[tuple[tuple[int, int], float], ...]:
    pairs = {
        (1, 1): p.p11, (2, 1): p.p12 / 2, (1, 2): p.p12 / 2, (2, 2): p.p22, (1, 3): p.p13 / 2,
        (3, 1): p.p13 / 2, (2, 3): p.p23 / 2, (3, 2): p.p23 / 2, (1, 4): p.p14 / 2, (4, 1): p.p14 / 2,
        (1, 5): p.p15 / 2, (5, 1): p.p15 / 2,
        (1, 0): p.p10 / 2, (0, 1): p.p10 / 2,
    }
    return tuple((k, v) for k, v in pairs.items() if v > 0 or k in ((1, 0), (0, 1)))


@lru_cache(maxsize=16)
def bead_types(p: AlignParams) -> tuple[tuple[int, int], ...]:
    """Bead types in DP order: non-null types first (1-1 first, so that on equal cost the simplest bead
    wins), then 1-0 and 0-1, which the DP treats specially (0-1 is the only move within a row)."""
    full = sorted((k for k, _ in _bead_priors(p) if k[0] and k[1]), key=lambda k: (k[0] + k[1], k))
    return tuple(full) + ((1, 0), (0, 1))


def _end_matrix(p: AlignParams) -> np.ndarray:
    """Cost of the pair (source end class, target end class), classes as in :mod:`.anchors`."""
    return _end_costs(p.end_rare_match, p.end_weak_mismatch, p.end_strong_mismatch)


@lru_cache(maxsize=16)
def _end_costs(rare_match: float, weak_mismatch: float, strong_mismatch: float) -> np.ndarray:
    weak = {END_TERMINAL, END_SEMICOLON, END_COLON}
    mat = np.zeros((5, 5))
    for a in range(5):
        for b in range(5):
            if a == b:
                mat[a, b] = 0.0 if a == END_TERMINAL else -rare_match
            elif a in weak and b in weak:
                mat[a, b] = weak_mismatch
            else:
                mat[a, b] = strong_mismatch
    mat.flags.writeable = False  # shared
    return mat


@dataclass
class _DPTables:
    """What the DP of :func:`_dp_tables` leaves, one row per cost layer (ratio): each layer's total
    cost, and per cell the back pointers of its best path."""

    totals: np.ndarray  # (layers,) cost of the best path to (n, m)
    # (layers, cells) the best move into M or D here: a non-null bead type where M is the better of the
    # two, the index of 1-0 or beyond where D is strictly better
    m_type: np.ndarray
    i_best: np.ndarray  # I (2) is better still: the best state here
    d_open: np.ndarray  # the D state here opened its run (else extended one)
    i_open: np.ndarray  # the I state here opened its run


def _dp_tables(costs: np.ndarray, preds: np.ndarray, band: _Band, n: int, m: int,
               types: Sequence[tuple[int, int]], run_discount: float) -> _DPTables:
    """The DP over the band for each layer of ``costs`` (shape (layers, types, cells)) at once; the
    layers share ``preds`` (the band and bead types), so one pass over the rows serves them all.

    Three states per cell, as in affine-gap alignment (Gotoh 1982): the last bead was a non-null bead
    (M), a 1-0 (D) or a 0-1 (I). A null bead that continues a run of the same kind costs
    ``run_discount`` less than one that opens a run: a block of captions or a dropped paragraph is one
    event, not many independent ones.
    """
    layers = costs.shape[0]
    total = band.total
    inf = np.inf
    delete, insert = len(types) - 2, len(types) - 1  # (1, 0) and (0, 1)
    # Per layer, the best value over the three states (first half) and the value of D (second half) of
    # each cell; index ``total`` of each half is the out-of-band sentinel.
    vals = np.full((layers, 2 * (total + 1)), inf)
    best, dval = vals[:, : total + 1], vals[:, total + 1 :]
    m_type = np.zeros((layers, total), dtype=np.int8)
    i_best = np.zeros((layers, total), dtype=bool)
    d_open = np.zeros((layers, total), dtype=bool)
    i_open = np.zeros((layers, total), dtype=bool)
    offs = band.offs.tolist()
    d_cost, i_cost = costs[:, delete], costs[:, insert]
    # A null bead extending a run: its cost less the discount (float32, as the costs).
    d_ext, i_ext = d_cost - run_discount, i_cost - run_discount
    # The moves into a cell's M and D states as candidates of one minimum: the non-null bead types, a
    # 1-0 opening a run (from the best state) and a 1-0 extending one (from D). In this order a tie goes
    # to M, as it goes to the simplest bead among the types, and to opening a run over extending one.
    cp = np.concatenate((costs[:, :insert], d_ext[:, None]), axis=1)
    pp = np.concatenate((preds[:insert], preds[delete : delete + 1] + (total + 1)))
    widths = np.diff(band.offs)
    i_runs = None
    if widths.min() == widths.max() > 1:
        # Rows of one width (a full lattice): the running sums of extended 0-1 beads of every row at once.
        i_runs = np.cumsum(i_ext.reshape(layers, n + 1, -1)[:, :, 1:], axis=2)
    for i in range(n + 1):
        s, e = offs[i], offs[i + 1]
        w = e - s
        if i == 0:
            mdv = np.full((layers, w), inf)
            mdv[:, 0] = 0.0  # cell (0, 0)
            dv = np.full((layers, w), inf)
        else:
            cand = np.take(vals, pp[:, s:e], axis=1) + cp[:, :, s:e]
            move = cand.argmin(axis=1)
            mdv = cand.min(axis=1)
            opened, extended = cand[:, delete], cand[:, insert]
            dv = np.minimum(opened, extended)
            m_type[:, s:e] = move
            d_open[:, s:e] = opened <= extended
        best[:, s:e] = mdv
        if w > 1:
            # 0-1 beads move along the row: I[j] = min(MD[j-1] + o[j], I[j-1] + o[j] - discount), a
            # running minimum over where the run was opened (I is infinite in the row's first cell).
            o = i_cost[:, s + 1 : e]
            # ext[:, j-1]: extending j cells
            ext = np.cumsum(i_ext[:, s + 1 : e], axis=1) if i_runs is None else i_runs[:, i]
            x = mdv[:, :-1] + o - ext
            run = np.minimum.accumulate(x, axis=1)
            iv = ext + run
            after = mdv[:, 1:]
            np.less(iv, after, out=i_best[:, s + 1 : e])
            np.minimum(after, iv, out=best[:, s + 1 : e])
            i_open[:, s + 1 : e] = x <= run
        dval[:, s:e] = dv
    totals = best[:, offs[n] + m - int(band.lo[n])].copy()
    return _DPTables(totals, m_type, i_best, d_open, i_open)


def _trace(tables: _DPTables, layer: int, band: _Band, n: int, m: int, types: Sequence[tuple[int, int]]
           ) -> list[tuple[int, int]]:
    """The best path of one layer of :func:`_dp_tables`: the lattice points from (0, 0) to (n, m)."""
    if not np.isfinite(tables.totals[layer]):
        raise RuntimeError("no alignment path inside the band")  # cannot happen: the band is connected
    offs, lo = band.offs, band.lo
    m_type, i_best = tables.m_type[layer], tables.i_best[layer]
    d_open, i_open = tables.d_open[layer], tables.i_open[layer]
    delete = len(types) - 2

    def md_state(idx: int) -> int:  # 0 M, 1 D
        return int(m_type[idx] >= delete)

    def best_state(idx: int) -> int:
        return 2 if i_best[idx] else md_state(idx)

    path = [(n, m)]
    i, j = n, m
    state = best_state(int(offs[n] + m - lo[n]))
    while (i, j) != (0, 0):
        idx = int(offs[i] + j - lo[i])
        if state == 0:
            a, b = types[int(m_type[idx])]
            i, j = i - a, j - b
            state = best_state(int(offs[i] + j - lo[i]))
        elif state == 1:
            i -= 1
            state = best_state(int(offs[i] + j - lo[i])) if d_open[idx] else 1
        else:
            j -= 1
            state = md_state(int(offs[i] + j - lo[i])) if i_open[idx] else 2
        path.append((i, j))
    path.reverse()
    return path


def _dp(costs: np.ndarray, preds: np.ndarray, band: _Band, n: int, m: int, types: Sequence[tuple[int, int]],
        run_discount: float) -> tuple[list[tuple[int, int]], float]:
    """Best path through the band for one cost array (types, cells): the lattice points from (0, 0) to
    (n, m), and its total cost (see :func:`_dp_tables`)."""
    tables = _dp_tables(costs[None], preds, band, n, m, types, run_discount)
    return _trace(tables, 0, band, n, m, types), float(tables.totals[0])


@dataclass
class _Search:
    """The DP of one level at several ratios in one band: costs (ratios, types, cells) and tables."""

    n: int
    m: int
    band: _Band
    costs: np.ndarray
    tables: _DPTables

    def path(self, layer: int, p: AlignParams) -> list[tuple[int, int]]:
        """The best path at ratio number ``layer``."""
        return _trace(self.tables, layer, self.band, self.n, self.m, bead_types(p))


def _align_level(level: _Level, ratios: Sequence[float], p: AlignParams, band: Optional[_Band] = None) -> _Search:
    """The DP at each of ``ratios``, in ``band`` if given; else in the full lattice, or (beyond
    ``max_full_cells``) in the band around the best path at ``ratios[0]`` of the level downsampled."""
    n, m = level.n, level.m
    if band is None:
        if (n + 1) * (m + 1) <= p.max_full_cells or min(n, m) <= 2:
            band = _full_band(n, m)
        else:
            coarse_path = _align_level(level.downsample(), ratios[:1], p).path(0, p)
            band = _project(coarse_path, n, m, p.band, p.band_rows)
    costs, preds = _costs(level, band, ratios, p)
    discount = max(0.0, -math.log(p.p10 / 2) - p.null_run)
    return _Search(n, m, band, costs, _dp_tables(costs, preds, band, n, m, bead_types(p), discount))


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
    level = _make_level(src, tgt, pairs)
    # The length ratio of the whole pair is biased by what one side has and the other lacks: one long
    # omitted sentence in a ten-sentence article shifts it by 10 %. Pairs of moderate size are aligned
    # with a few ratios around it and the cheapest alignment wins (a maximum-likelihood estimate of the
    # ratio); in long pairs the total ratio is robust and one pass is enough.
    ratios = [ratio]
    if n + m <= params.ratio_search_max_sentences:
        # The same band and, but for the length term, the same costs for every ratio tried; the DP runs
        # for all of them at once.
        ratios += [ratio * math.exp(params.ratio_step * k)
                   for k in range(-params.ratio_steps, params.ratio_steps + 1) if k]
    search = _align_level(level, ratios, params)
    best = 0
    for k in range(1, len(ratios)):
        if search.tables.totals[k] < search.tables.totals[best] - 1e-9:
            best = k
    path = search.path(best, params)
    beads = _beads(search, best, path, params)
    if tokens is not None and second_pass_applies(n, m, params):
        second = _second_pass(level, beads, path, tokens, ratios[best], params)
        if second is not None:
            beads = second
    return beads


def _make_level(src: SideData, tgt: SideData, pairs: Sequence[tuple[int, int, float]]) -> _Level:
    """The finest level of a pair: prefix sums of each side's per-sentence inputs, and the anchor pairs."""
    n, m = len(src.lengths), len(tgt.lengths)
    if pairs:
        arr = np.asarray(pairs, dtype=np.float64)
        pp, pq, pw = arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64), arr[:, 2]
    else:
        pp = pq = np.zeros(0, dtype=np.int64)
        pw = np.zeros(0)
    return _Level(
        n=n, m=m,
        ls=_prefix(src.lengths.astype(np.float64)), lt=_prefix(tgt.lengths.astype(np.float64)),
        fs=_packed_prefix(src.features.reshape(n, N_FEATURES)), ft=_packed_prefix(tgt.features.reshape(m, N_FEATURES)),
        as_=_prefix(src.anchor_totals), at=_prefix(tgt.anchor_totals),
        cs=_prefix(src.clauses.astype(np.float64)), ct=_prefix(tgt.clauses.astype(np.float64)),
        pairs_p=pp, pairs_q=pq, pairs_w=pw,
        end_s=src.end_classes, end_t=tgt.end_classes, low_s=src.lowercase, low_t=tgt.lowercase,
        par_s=src.paragraphs, par_t=tgt.paragraphs, deb_s=src.debris, deb_t=tgt.debris,
    )


def second_pass_applies(n: int, m: int, p: AlignParams) -> bool:
    """Whether a pair of n and m sentences gets the lexical second pass."""
    return p.lexical_weight > 0 and min(n, m) >= p.second_pass_min_sentences and n + m <= p.second_pass_max_sentences


def _beads(search: _Search, layer: int, path: list[tuple[int, int]], params: AlignParams
           ) -> list[tuple[int, int, int, int, float]]:
    """The beads of the best path at ratio number ``layer`` as ``(i0, i1, j0, j1, evidence)``: evidence
    is the bead's cost minus the cost of its type's prior (what the sentences themselves say)."""
    band, costs = search.band, search.costs[layer]
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
    search = _align_level(replace(level, lex=lex), [ratio], p, band)
    return _beads(search, 0, search.path(0, p), p)


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
