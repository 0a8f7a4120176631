"""Sentence alignment with a multilingual encoder: embedding similarity in the default aligner's DP.

The method is Vecalign's (Thompson & Koehn 2019, "Vecalign: Improved sentence alignment in linear time
and space", EMNLP), as Bertalign (Liu & Zhu 2023) uses it with transformer encoders:

* every sentence, and every concatenation of up to ``max_sentences`` consecutive sentences, is embedded
  (one call to the encoder, batched and cached by it);
* the cost of a bead is ``1 - cos(x, y)`` of its two sides' vectors divided by how far each side is,
  on average, from randomly chosen sentences of the other side (Vecalign's normalisation: a sentence
  that is close to everything, a short title or a list of numbers, earns nothing for being close to
  its candidate);
* Bertalign's length agreement is added (the log ratio of character lengths against the pair's ratio),
  and the bead-type priors, null-bead run discount, paragraph cost and band come from the default
  aligner's :class:`~mtcheck.align.length.AlignParams`;
* the search is the default aligner's banded DP (:mod:`mtcheck.align.length`): a full DP for articles,
  and for long documents Vecalign's coarse-to-fine search, the coarse levels using sums of sentence
  vectors (Vecalign's downsampling).

Bead types are the default aligner's (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-0, 0-1) up to
``max_sentences`` on a side. ``Bead.score`` is ``1 - r`` clipped to [0, 1], where ``r`` is the
normalised cost (0 for identical vectors, about 1 for a random pair); null beads are scored by length
as in the default aligner.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np

from ..models.base import Encoder, normalise_rows
from ..types import Bead, Document
from .anchors import char_length
from .length import AlignParams, _Band, _dp, _full_band, _project, band_moves, bead_priors, bead_types

ALIGNER_NAME = "embedding"
ALIGNER_VERSION = 1

__all__ = [
    "ALIGNER_NAME", "ALIGNER_VERSION", "BeadSimilarity", "EmbeddingAlignParams", "align_documents",
    "align_sentences", "bead_similarities",
]


@dataclass(frozen=True)
class EmbeddingAlignParams:
    """Costs in nats, as in :class:`AlignParams` (whose priors, band and null-run settings are used)."""

    # Most sentences on one side of a bead; concatenations up to this size are embedded.
    max_sentences: int = 3
    # Weight of the normalised embedding cost r (about 0 for a translation, about 1 for a random pair),
    # per sentence of the bead: a bead of a source and b target sentences pays (a + b) / 2 times it, so
    # that merging sentences into large beads earns nothing by itself (Vecalign scales by a * b;
    # size_mode="product" does that).
    similarity_weight: float = 4.0
    size_mode: str = "mean"
    # A null bead costs this much r (plus its prior): a pair of null beads beats a 1-1 bead whose r is
    # above about twice this.
    null_cost: float = 0.5
    # Length agreement (Bertalign): weight * min(cap, (log ratio / sigma)^2 / 2), the log ratio of the
    # bead's target and source characters (plus smoothing) against the pair's ratio. The weights were
    # chosen on the Text+Berg development document with the fake encoder (bench/models.py).
    length_weight: float = 3.0
    length_sigma: float = 0.4
    length_smoothing: float = 10.0
    length_cap: float = 12.0
    # Sentences of the other side each vector is compared with for the normalisation, and the seed.
    random_samples: int = 32
    seed: int = 0
    base: AlignParams = field(default_factory=AlignParams)


@dataclass
class _Side:
    """One side at one level: vectors of runs of 1..K consecutive units, their normalisers, lengths."""

    n: int
    runs: list[np.ndarray]  # runs[k-1][i]: unit vector of units i..i+k-1, shape (n-k+1, dim)
    lengths: np.ndarray  # prefix sums of characters, (n+1)
    paragraphs: Optional[np.ndarray] = None  # per unit (finest level only)
    norms: list[np.ndarray] = field(default_factory=list)

    def downsample(self) -> "_Side":
        """Merge consecutive pairs of units (Vecalign: the coarse vector is the sum of the fine ones)."""
        singles = self.runs[0]
        pairs = singles[0::2].copy()
        pairs[: len(singles[1::2])] += singles[1::2]
        coarse = normalise_rows(pairs)
        lengths = np.append(self.lengths[0::2], self.lengths[-1]) if self.n % 2 else self.lengths[0::2]
        return _Side(len(coarse), _runs_from_singles(coarse, len(self.runs)), lengths)


def _runs_from_singles(singles: np.ndarray, k_max: int) -> list[np.ndarray]:
    """Vectors of runs of 1..k_max consecutive units as normalised sums (coarse levels only)."""
    runs = [singles]
    prefix = np.zeros((len(singles) + 1, singles.shape[1]), dtype=np.float64)
    np.cumsum(singles, axis=0, out=prefix[1:])
    for k in range(2, k_max + 1):
        if len(singles) >= k:
            runs.append(normalise_rows((prefix[k:] - prefix[:-k]).astype(np.float32)))
        else:
            runs.append(np.zeros((0, singles.shape[1]), dtype=np.float32))
    return runs


def _set_norms(side: _Side, other: _Side, p: EmbeddingAlignParams, rng: np.random.Generator) -> None:
    """Vecalign's normaliser: the mean of ``1 - cos`` of each run vector with random units of the other
    side."""
    m = other.n
    take = min(p.random_samples, m)
    sample = other.runs[0][np.sort(rng.choice(m, size=take, replace=False))] if take else other.runs[0][:0]
    side.norms = []
    for vecs in side.runs:
        if len(vecs) == 0 or take == 0:
            side.norms.append(np.ones(len(vecs), dtype=np.float32))
            continue
        side.norms.append(np.maximum((1.0 - vecs @ sample.T).mean(axis=1), 1e-3).astype(np.float32))


def _rowdot(a: np.ndarray, ia: np.ndarray, b: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """cos(a[ia[k]], b[ib[k]]) for every k: through the full matrix when it is small and mostly needed,
    else row by row in chunks."""
    if len(ia) == 0:
        return np.zeros(0, dtype=np.float32)
    if len(a) * len(b) <= min(4_000_000, 8 * len(ia)):
        return (a @ b.T)[ia, ib]  # most of the matrix is needed: one product is cheaper than a gather
    out = np.empty(len(ia), dtype=np.float32)
    step = 4096
    for s in range(0, len(ia), step):
        out[s : s + step] = np.einsum("ij,ij->i", a[ia[s : s + step]], b[ib[s : s + step]])
    return out


def _bead_r(src: _Side, tgt: _Side, a: int, b: int, i0: np.ndarray, j0: np.ndarray) -> np.ndarray:
    """Normalised cost r of beads with a source and b target units starting at i0, j0."""
    cos = _rowdot(src.runs[a - 1], i0, tgt.runs[b - 1], j0)
    norm = (src.norms[a - 1][i0] + tgt.norms[b - 1][j0]) / 2.0
    return (1.0 - cos) / np.maximum(norm, 1e-3)


def _size_factor(a: int, b: int, p: "EmbeddingAlignParams") -> float:
    return float(a * b) if p.size_mode == "product" else (a + b) / 2.0


def _costs(src: _Side, tgt: _Side, band: _Band, ratio: float, p: EmbeddingAlignParams,
           types: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Cost of every bead type ending in every band cell and its predecessor cell, in the layout of
    :func:`mtcheck.align.length._dp`."""
    priors = bead_priors(p.base)
    costs = np.full((len(types), band.total), np.inf, dtype=np.float32)
    preds = np.full((len(types), band.total), band.total, dtype=np.int32)
    sq = math.sqrt(ratio)
    k = p.length_smoothing
    for t, (a, b), idx, pred, (i, j, i0, j0) in band_moves(band, types):
        cost = np.full(len(idx), -math.log(priors[(a, b)]))
        if a and b:
            cost += p.similarity_weight * _size_factor(a, b, p) * _bead_r(src, tgt, a, b, i0, j0)
            x = (src.lengths[i] - src.lengths[i0]) * sq
            y = (tgt.lengths[j] - tgt.lengths[j0]) / sq
            delta = np.log((y + k) / (x + k)) / p.length_sigma
            cost += p.length_weight * np.minimum(0.5 * delta * delta, p.length_cap)
            if src.paragraphs is not None and tgt.paragraphs is not None:
                straddle = (src.paragraphs[i - 1] != src.paragraphs[i0]) | (tgt.paragraphs[j - 1] != tgt.paragraphs[j0])
                cost += p.base.paragraph_straddle * straddle
        else:
            cost += p.similarity_weight * p.null_cost
        costs[t, idx] = cost
        preds[t, idx] = pred
    return costs, preds


def _search(src: _Side, tgt: _Side, ratio: float, p: EmbeddingAlignParams,
            types: Sequence[tuple[int, int]], rng: np.random.Generator) -> list[tuple[int, int]]:
    """The best path (lattice points from (0, 0) to (n, m)); coarse-to-fine beyond max_full_cells."""
    n, m = src.n, tgt.n
    base = p.base
    if (n + 1) * (m + 1) <= base.max_full_cells or min(n, m) <= 2:
        band = _full_band(n, m)
    else:
        coarse_src, coarse_tgt = src.downsample(), tgt.downsample()
        _set_norms(coarse_src, coarse_tgt, p, rng)
        _set_norms(coarse_tgt, coarse_src, p, rng)
        coarse_path = _search(coarse_src, coarse_tgt, ratio, p, types, rng)
        band = _project(coarse_path, n, m, base.band, base.band_rows)
    costs, preds = _costs(src, tgt, band, ratio, p, types)
    discount = max(0.0, -math.log(base.p10 / 2) - base.null_run)
    path, _total = _dp(costs, preds, band, n, m, types, discount)
    return path


def _types(p: EmbeddingAlignParams) -> tuple[tuple[int, int], ...]:
    return tuple(t for t in bead_types(p.base) if max(t) <= p.max_sentences)


def _run_texts(texts: Sequence[str], k_max: int) -> list[list[str]]:
    """Texts of runs of 1..k_max consecutive sentences, joined by a space (as the checks join a bead)."""
    return [[" ".join(texts[i : i + k]) for i in range(len(texts) - k + 1)] for k in range(1, k_max + 1)]


def _embed_side(texts: Sequence[str], encoder: Encoder, k_max: int) -> list[np.ndarray]:
    groups = _run_texts(texts, k_max)
    flat = [t for g in groups for t in g]
    vectors = normalise_rows(encoder.embed(flat)) if flat else np.zeros((0, 1), dtype=np.float32)
    runs, start = [], 0
    for g in groups:
        runs.append(vectors[start : start + len(g)])
        start += len(g)
    return runs


def _prefix_lengths(texts: Sequence[str]) -> np.ndarray:
    out = np.zeros(len(texts) + 1)
    np.cumsum([char_length(t) for t in texts], out=out[1:])
    return out


def _null_score(length: float, mean: float) -> float:
    """As the default aligner: a long unmatched sentence is a surer omission or addition."""
    if length <= 0:
        return 0.0
    return round(length / (length + max(mean, 1.0) / 2.0), 4)


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    encoder: Encoder,
    *,
    src_paragraphs: Optional[Sequence[int]] = None,
    tgt_paragraphs: Optional[Sequence[int]] = None,
    params: Optional[EmbeddingAlignParams] = None,
) -> tuple[Bead, ...]:
    """Align two lists of sentences with ``encoder``; beads in document order, each sentence in exactly
    one bead (the contract of :func:`mtcheck.align.align_sentences`)."""
    p = params or EmbeddingAlignParams()
    n, m = len(src), len(tgt)
    src_len = [float(char_length(t)) for t in src]
    tgt_len = [float(char_length(t)) for t in tgt]
    if n == 0 or m == 0:
        return tuple([Bead((i,), (), _null_score(src_len[i], float(np.mean(src_len)))) for i in range(n)]
                     + [Bead((), (j,), _null_score(tgt_len[j], float(np.mean(tgt_len)))) for j in range(m)])
    k_max = max(1, p.max_sentences)
    s_side = _Side(n, _embed_side(src, encoder, k_max), _prefix_lengths(src))
    t_side = _Side(m, _embed_side(tgt, encoder, k_max), _prefix_lengths(tgt))
    if src_paragraphs is not None and tgt_paragraphs is not None:
        s_side.paragraphs = np.asarray(src_paragraphs, dtype=np.int64)
        t_side.paragraphs = np.asarray(tgt_paragraphs, dtype=np.int64)
    rng = np.random.default_rng(p.seed)
    _set_norms(s_side, t_side, p, rng)
    _set_norms(t_side, s_side, p, rng)
    total_s, total_t = float(s_side.lengths[-1]), float(t_side.lengths[-1])
    ratio = total_t / total_s if total_s > 0 and total_t > 0 else 1.0
    path = _search(s_side, t_side, ratio, p, _types(p), rng)
    mean_s, mean_t = float(np.mean(src_len)), float(np.mean(tgt_len))
    steps = list(zip(path, path[1:]))
    by_type: dict[tuple[int, int], list[int]] = {}
    for k, ((i0, j0), (i1, j1)) in enumerate(steps):
        if i1 > i0 and j1 > j0:
            by_type.setdefault((i1 - i0, j1 - j0), []).append(k)
    r_of: dict[int, float] = {}
    for (a, b), ks in by_type.items():
        rs = _bead_r(s_side, t_side, a, b, np.array([steps[k][0][0] for k in ks]), np.array([steps[k][0][1] for k in ks]))
        r_of.update(zip(ks, map(float, rs)))
    beads = []
    for k, ((i0, j0), (i1, j1)) in enumerate(steps):
        a, b = i1 - i0, j1 - j0
        if a and b:
            score = round(min(1.0, max(0.0, 1.0 - r_of[k])), 4)
        elif a:
            score = _null_score(src_len[i0], mean_s)
        else:
            score = _null_score(tgt_len[j0], mean_t)
        beads.append(Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), score))
    return tuple(beads)


def align_documents(source: Document, target: Document, encoder: Encoder,
                    params: Optional[EmbeddingAlignParams] = None) -> tuple[Bead, ...]:
    """Align the sentences of two segmented documents with ``encoder``."""
    return align_sentences(
        [s.text for s in source.sentences],
        [s.text for s in target.sentences],
        encoder,
        src_paragraphs=[s.paragraph for s in source.sentences],
        tgt_paragraphs=[s.paragraph for s in target.sentences],
        params=params,
    )


@dataclass(frozen=True)
class BeadSimilarity:
    """How close a bead's two sides are: their cosine, and the normalised cost r (cosine distance over
    the mean distance of each side to random sentences of the other; about 1 for unrelated text)."""

    cosine: float
    r: float


def bead_similarities(src: Sequence[str], tgt: Sequence[str], beads: Sequence[Bead], encoder: Encoder,
                      params: Optional[EmbeddingAlignParams] = None) -> list[Optional[BeadSimilarity]]:
    """The similarity of every bead with both sides (None for null beads), normalised as the aligner
    does. Bead texts are the sentences joined by a space, so the encoder's cache serves what the
    embedding aligner already computed."""
    p = params or EmbeddingAlignParams()
    if not src or not tgt:
        return [None] * len(beads)
    src_texts = [" ".join(src[i] for i in b.source) for b in beads if b.source and b.target]
    tgt_texts = [" ".join(tgt[j] for j in b.target) for b in beads if b.source and b.target]
    singles_s = normalise_rows(encoder.embed(list(src)))
    singles_t = normalise_rows(encoder.embed(list(tgt)))
    xs = normalise_rows(encoder.embed(src_texts)) if src_texts else singles_s[:0]
    ys = normalise_rows(encoder.embed(tgt_texts)) if tgt_texts else singles_t[:0]
    rng = np.random.default_rng(p.seed)
    take_t = min(p.random_samples, len(tgt))
    take_s = min(p.random_samples, len(src))
    sample_t = singles_t[np.sort(rng.choice(len(tgt), size=take_t, replace=False))]
    sample_s = singles_s[np.sort(rng.choice(len(src), size=take_s, replace=False))]
    out: list[Optional[BeadSimilarity]] = []
    k = 0
    for b in beads:
        if not (b.source and b.target):
            out.append(None)
            continue
        x, y = xs[k], ys[k]
        k += 1
        cos = float(x @ y)
        norm = (float((1.0 - sample_t @ x).mean()) + float((1.0 - sample_s @ y).mean())) / 2.0
        out.append(BeadSimilarity(round(cos, 6), round((1.0 - cos) / max(norm, 1e-3), 6)))
    return out
