"""Word alignment inside a bead from contextual token embeddings (SimAlign).

Jalili Sabet, Dufter, Yvon & Schütze (2020), "SimAlign: High quality word alignments without parallel
training data using static and contextualized embeddings" (Findings of EMNLP): a word's vector is the
mean of its subword vectors from a middle layer of a multilingual encoder; with the cosine matrix of
the two sides' words,

* **argmax** links the pairs that are each other's best match (mutual argmax: high precision);
* **itermax** repeats argmax on the words still unlinked, with the similarities of pairs where one side
  is already linked damped by ``alpha`` (0.9 in the paper) and pairs where both are excluded, so that
  a word may take a second partner (recall for 1-to-many).

Words are mtcheck's word tokens (:func:`mtcheck.segment.word_tokens`: jieba for Chinese; a number with
separators such as ``4,5`` is one word), so spans are exact substrings of the text. The results give the
exact target rendering of a source term
(:meth:`WordAlignment.target_span_of`) and the exact source words with no counterpart in the target
(:meth:`WordAlignment.unaligned_source`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from ..models.base import Encoder, TokenEmbeddings, normalise_rows
from ..segment import word_tokens
from ..types import Bead, Document

METHODS = ("argmax", "itermax")


@dataclass(frozen=True)
class WordAlignment:
    """Links between the words of a source and a target text. Spans are ``[start, end)`` offsets into
    the texts given (or into the documents, for :func:`align_bead_words`)."""

    source_words: tuple[tuple[int, int], ...]
    target_words: tuple[tuple[int, int], ...]
    links: tuple[tuple[int, int], ...]  # (source word index, target word index), sorted
    similarities: tuple[float, ...] = ()  # cosine of each link's word vectors

    def target_span_of(self, start: int, end: int, max_gap: int = 1) -> Optional[tuple[int, int]]:
        """The target span of the source words inside ``[start, end)`` (a term's rendering): the run of
        linked target words, at most ``max_gap`` unlinked words apart, that holds the most similar link
        (a stray second link elsewhere in the sentence does not stretch the span). None when none of the
        source words is linked."""
        inside = {k for k, (s, e) in enumerate(self.source_words) if s < end and e > start}
        sims = self.similarities or (0.0,) * len(self.links)
        linked: dict[int, float] = {}
        for (s, t), sim in zip(self.links, sims):
            if s in inside:
                linked[t] = max(sim, linked.get(t, -np.inf))
        if not linked:
            return None
        order = sorted(linked)
        runs, current = [], [order[0]]
        for t in order[1:]:
            if t - current[-1] <= max_gap + 1:
                current.append(t)
            else:
                runs.append(current)
                current = [t]
        runs.append(current)
        best = max(runs, key=lambda run: max(linked[t] for t in run))
        return self.target_words[best[0]][0], self.target_words[best[-1]][1]

    def unaligned_source(self) -> list[tuple[int, int]]:
        """Source words linked to no target word (candidates for an omission)."""
        linked = {s for s, _ in self.links}
        return [w for k, w in enumerate(self.source_words) if k not in linked]

    def unaligned_target(self) -> list[tuple[int, int]]:
        """Target words linked to no source word (candidates for an addition)."""
        linked = {t for _, t in self.links}
        return [w for k, w in enumerate(self.target_words) if k not in linked]


def _words(text: str, lang: Optional[str]) -> list[tuple[int, int]]:
    """mtcheck's word tokens, with a number written with separators (``4,5``, ``311.000``) one word."""
    words: list[tuple[int, int]] = []
    for start, end in word_tokens(text, lang):
        if (words and start - words[-1][1] == 1 and text[start - 1] in ".," and text[words[-1][1] - 1].isdigit()
                and text[start].isdigit()):
            words[-1] = (words[-1][0], end)
        else:
            words.append((start, end))
    return words


def _word_vectors(tokens: TokenEmbeddings, words: Sequence[tuple[int, int]]) -> tuple[np.ndarray, list[int]]:
    """Mean of the token vectors overlapping each word; words with no token (cut off by the model's
    length limit) are left out. Returns the vectors and the indices of the words kept."""
    if not words or not tokens.spans:
        return np.zeros((0, tokens.vectors.shape[1] if tokens.vectors.ndim == 2 else 0), dtype=np.float32), []
    starts = np.array([s for s, _ in tokens.spans])
    ends = np.array([e for _, e in tokens.spans])
    rows, kept = [], []
    for k, (ws, we) in enumerate(words):
        hit = np.nonzero((starts < we) & (ends > ws))[0]
        if len(hit):
            rows.append(tokens.vectors[hit].mean(axis=0))
            kept.append(k)
    if not rows:
        return np.zeros((0, tokens.vectors.shape[1]), dtype=np.float32), []
    return normalise_rows(np.stack(rows)), kept


def _argmax(sim: np.ndarray) -> np.ndarray:
    """Mutual argmax: a boolean matrix of pairs that are each other's best match."""
    out = np.zeros(sim.shape, dtype=bool)
    if sim.size == 0:
        return out
    fwd = sim.argmax(axis=1)
    bwd = sim.argmax(axis=0)
    rows = np.arange(sim.shape[0])
    mutual = bwd[fwd] == rows
    out[rows[mutual], fwd[mutual]] = True
    return out


def _itermax(sim: np.ndarray, iterations: int = 2, alpha: float = 0.9) -> np.ndarray:
    """SimAlign's itermax: argmax, then argmax again on words left unlinked (see the module docstring)."""
    links = _argmax(sim)
    if min(sim.shape, default=0) <= 2:
        return links
    for _ in range(iterations - 1):
        src_free = np.asarray(~links.any(axis=1), dtype=bool)
        tgt_free = np.asarray(~links.any(axis=0), dtype=bool)
        if not src_free.any() and not tgt_free.any():
            break
        # 1 where both words are free, alpha where one is, 0 where both are linked already.
        weight = np.where(src_free[:, None] & tgt_free[None, :], 1.0,
                          np.where(src_free[:, None] | tgt_free[None, :], alpha, 0.0))
        damped = np.where(weight > 0, (sim + 1.0) * weight, -np.inf)  # cosines shifted to be positive
        extra = _argmax(damped) & (weight > 0)
        if not (extra & ~links).any():
            break
        links |= extra
    return links


def align_words(src_text: str, tgt_text: str, encoder: Encoder, *, src_lang: Optional[str] = None,
                tgt_lang: Optional[str] = None, method: str = "itermax", min_similarity: float = 0.0
                ) -> WordAlignment:
    """Align the words of two texts (one bead's source and target). Links need a cosine above
    ``min_similarity`` (a word orthogonal to every word of the other side is its own argmax by accident
    of ties, not a translation)."""
    if method not in METHODS:
        raise ValueError(f"unknown word alignment method {method!r} (use {' or '.join(METHODS)})")
    src_words = _words(src_text, src_lang)
    tgt_words = _words(tgt_text, tgt_lang)
    src_tokens, tgt_tokens = encoder.embed_tokens([src_text, tgt_text])
    xs, src_kept = _word_vectors(src_tokens, src_words)
    ys, tgt_kept = _word_vectors(tgt_tokens, tgt_words)
    links: list[tuple[int, int, float]] = []
    if len(src_kept) and len(tgt_kept):
        sim = xs @ ys.T
        chosen = _argmax(sim) if method == "argmax" else _itermax(sim)
        for a, b in zip(*np.nonzero(chosen)):
            if sim[a, b] > min_similarity:
                links.append((src_kept[a], tgt_kept[b], round(float(sim[a, b]), 6)))
    links.sort()
    return WordAlignment(tuple(src_words), tuple(tgt_words), tuple((s, t) for s, t, _ in links),
                         tuple(x for _, _, x in links))


def pair_similarities(src_text: str, other_text: str, encoder: Encoder, *, src_lang: Optional[str] = None,
                      tgt_lang: Optional[str] = None) -> np.ndarray:
    """The cosines of every (source word, word of ``other_text``) pair, flattened. Against a text that is
    *not* the translation, their upper tail is what a link reaches by chance with this encoder."""
    src_tokens, other_tokens = encoder.embed_tokens([src_text, other_text])
    xs, _ = _word_vectors(src_tokens, _words(src_text, src_lang))
    ys, _ = _word_vectors(other_tokens, _words(other_text, tgt_lang))
    if not len(xs) or not len(ys):
        return np.zeros(0, dtype=np.float32)
    return (xs @ ys.T).ravel()


def bead_extent(source: Document, target: Document, bead: Bead) -> tuple[tuple[int, int], tuple[int, int]]:
    """A bead's text on each side, as ``[start, end)`` in the documents: from its first sentence's start to
    its last one's end (what the word aligner reads, so that token vectors are computed once)."""
    s0, s1 = source.sentences[bead.source[0]].start, source.sentences[bead.source[-1]].end
    t0, t1 = target.sentences[bead.target[0]].start, target.sentences[bead.target[-1]].end
    return (s0, s1), (t0, t1)


def align_bead_words(source: Document, target: Document, bead: Bead, encoder: Encoder,
                     method: str = "itermax") -> Optional[WordAlignment]:
    """Word alignment of one bead, with spans as offsets into the documents' texts; None for a null
    bead. The bead's text on each side runs from its first sentence's start to its last one's end."""
    if not bead.source or not bead.target:
        return None
    (s0, s1), (t0, t1) = bead_extent(source, target, bead)
    local = align_words(source.text[s0:s1], target.text[t0:t1], encoder, src_lang=source.lang,
                        tgt_lang=target.lang, method=method)
    return WordAlignment(
        tuple((s + s0, e + s0) for s, e in local.source_words),
        tuple((s + t0, e + t0) for s, e in local.target_words),
        local.links,
        local.similarities,
    )
