"""Sentence alignment without a model: lengths plus anchors, banded dynamic programming.

``align_sentences`` returns beads (``Bead``) in document order; every sentence of both sides is in
exactly one bead. Bead types are 1-1, 1-2, 2-1, 2-2, 1-3, 3-1 (and, with small priors, 2-3, 3-2, 1-4,
4-1, 1-5, 5-1) and the null beads 1-0 (a source sentence with no counterpart: a possible omission) and
0-1 (a possible addition). The method is described in :mod:`mtcheck.align.length` (Gale & Church 1993
lengths, Simard et al. 1992 cognates, affine null runs after Gotoh 1982, Vecalign's coarse-to-fine band
of Thompson & Koehn 2019) and, for the second pass of documents of 100 sentences or more, in
:mod:`mtcheck.align.lexicon` (Moore 2002: IBM Model 1 learnt on the document's own confident beads).
No model is loaded; numbers are read by :mod:`mtcheck.numbers`.
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Optional, Sequence, Union

import numpy as np

from ..errors import InputError
from ..types import Bead, Document
from .anchors import (
    N_FEATURES,
    anchor_pairs,
    char_length,
    clause_marks,
    end_class,
    is_debris,
    sentence_anchor_keys,
    starts_lowercase,
    structure_features,
)
from .length import AlignParams, SideData, align_lengths, second_pass_applies
from .lexicon import lexical_tokens

ALIGNER_NAME = "length"
ALIGNER_VERSION = 4  # 2: lexical second pass (Moore 2002), 1-5 and 5-1 beads; 3: debris segments stand alone; 4: URL anchors end at a domain of mtcheck.domains

__all__ = [
    "ALIGNER_NAME",
    "ALIGNER_VERSION",
    "AlignParams",
    "align_documents",
    "align_sentences",
    "format_vecalign",
    "length_ratio",
    "parse_vecalign",
]


# One instance for every call without params: the aligner's per-params caches then find it at once.
_DEFAULT_PARAMS = AlignParams()


def length_ratio(src: Sequence[str], tgt: Sequence[str]) -> float:
    """Target characters per source character for this pair (white space not counted); 1.0 when either
    side is empty. Chinese to French is about 2.5-3, German to French about 1.1."""
    s = sum(char_length(x) for x in src)
    t = sum(char_length(x) for x in tgt)
    if s == 0 or t == 0:
        return 1.0
    return t / s


def _side(texts: Sequence[str], lang: Optional[str], paragraphs: Optional[Sequence[int]]) -> tuple[SideData, list]:
    n = len(texts)
    lengths = np.fromiter((char_length(t) for t in texts), dtype=np.float64, count=n)
    feats = np.array([structure_features(t) for t in texts], dtype=np.float64).reshape(n, N_FEATURES)
    ends = np.fromiter((end_class(t) for t in texts), dtype=np.int64, count=n)
    keys = [sentence_anchor_keys(t, lang) for t in texts]
    paras = None
    if paragraphs is not None:
        if len(paragraphs) != n:
            raise ValueError(f"{len(paragraphs)} paragraph numbers for {n} sentences")
        paras = np.asarray(paragraphs, dtype=np.int64)
    clauses = np.fromiter((clause_marks(t) for t in texts), dtype=np.float64, count=n)
    lower = np.fromiter((starts_lowercase(t) for t in texts), dtype=bool, count=n)
    if n and lower.mean() > 0.5:
        lower[:] = False  # a text that lost its casing: a lower-case start tells nothing here
    debris = np.fromiter((is_debris(t) for t in texts), dtype=bool, count=n)
    return SideData(lengths, feats, np.zeros(n), clauses, ends, lower, paras, debris), keys


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    src_paragraphs: Sequence[int] | None = None,
    tgt_paragraphs: Sequence[int] | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    params: AlignParams | None = None,
) -> tuple[Bead, ...]:
    """Align two lists of sentences; beads in document order, each sentence in exactly one bead.

    ``src_paragraphs``/``tgt_paragraphs`` give each sentence's paragraph number; a bead then avoids
    straddling a paragraph break. ``Bead.score`` is a confidence in [0, 1], rounded to 4 decimals: for a
    bead with both sides it is high when lengths agree and anchors are shared; for a null bead it grows
    with the length of the unmatched sentence relative to the side's mean (a long sentence cannot hide
    inside a neighbouring bead, so its absence is more certain).
    """
    params = params or _DEFAULT_PARAMS
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        # Nothing to align against: every sentence is a null bead (a long one is a surer omission).
        return tuple(
            [Bead((i,), (), _null_score(char_length(src[i]), src)) for i in range(n)]
            + [Bead((), (j,), _null_score(char_length(tgt[j]), tgt)) for j in range(m)]
        )
    src_data, src_keys = _side(src, src_lang, src_paragraphs)
    tgt_data, tgt_keys = _side(tgt, tgt_lang, tgt_paragraphs)
    if (src_data.paragraphs is None) != (tgt_data.paragraphs is None):
        # Paragraphs known on one side only: the other side is one paragraph.
        if src_data.paragraphs is None:
            src_data.paragraphs = np.zeros(n, dtype=np.int64)
        else:
            tgt_data.paragraphs = np.zeros(m, dtype=np.int64)
    pairs, src_tot, tgt_tot = anchor_pairs(
        src_keys, tgt_keys, number_weight=params.number_weight, word_weight=params.word_weight
    )
    src_data.anchor_totals = np.asarray(src_tot, dtype=np.float64)
    tgt_data.anchor_totals = np.asarray(tgt_tot, dtype=np.float64)
    ratio = _ratio(src_data.lengths, tgt_data.lengths)
    tokens = None
    if second_pass_applies(n, m, params):
        tokens = ([lexical_tokens(t) for t in src], [lexical_tokens(t) for t in tgt])
    raw = align_lengths(src_data, tgt_data, pairs, ratio, params, tokens)
    beads = []
    for i0, i1, j0, j1, evidence in raw:
        a, b = i1 - i0, j1 - j0
        if a and b:
            score = 1.0 / (1.0 + math.exp(min(50.0, evidence - 2.0)))
        elif a:
            score = _null_score(float(src_data.lengths[i0]), src, mean=float(src_data.lengths.mean()))
        else:
            score = _null_score(float(tgt_data.lengths[j0]), tgt, mean=float(tgt_data.lengths.mean()))
        beads.append(Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), round(score, 4)))
    return tuple(beads)


def _ratio(src_lengths: np.ndarray, tgt_lengths: np.ndarray) -> float:
    s, t = float(src_lengths.sum()), float(tgt_lengths.sum())
    return t / s if s > 0 and t > 0 else 1.0


def _null_score(length: float, side: Sequence[str], mean: float | None = None) -> float:
    if mean is None:
        mean = sum(char_length(x) for x in side) / max(1, len(side))
    if length <= 0:
        return 0.0
    return round(length / (length + max(mean, 1.0) / 2.0), 4)


def align_documents(source: Document, target: Document) -> tuple[Bead, ...]:
    """Align the sentences of two segmented documents (their text, paragraph numbers and languages)."""
    return align_sentences(
        [s.text for s in source.sentences],
        [s.text for s in target.sentences],
        src_paragraphs=[s.paragraph for s in source.sentences],
        tgt_paragraphs=[s.paragraph for s in target.sentences],
        src_lang=source.lang,
        tgt_lang=target.lang,
    )


BeadLike = Union[Bead, tuple[Sequence[int], Sequence[int]]]


def format_vecalign(beads: Iterable[BeadLike]) -> str:
    """Vecalign's format: one bead per line, ``[0]:[0, 1]``, ``[]`` for an empty side, trailing newline."""
    lines = []
    for bead in beads:
        if isinstance(bead, Bead):
            lines.append(bead.to_vecalign())
        else:
            s, t = bead
            lines.append(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]")
    return "".join(line + "\n" for line in lines)


_BEAD_RE = re.compile(r"^\s*\[\s*([\d\s,]*?)\s*\]\s*:\s*\[\s*([\d\s,]*?)\s*\]\s*$")


def _ids(field: str, line_no: int) -> tuple[int, ...]:
    if not field:
        return ()
    parts = [p.strip() for p in field.split(",")]
    if any(not p.isdigit() for p in parts):
        raise InputError(f"line {line_no}: malformed sentence ids {field!r} in a vecalign alignment")
    return tuple(int(p) for p in parts)


def parse_vecalign(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Parse Vecalign's format (blank lines ignored) into ``(source ids, target ids)`` tuples."""
    out = []
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _BEAD_RE.match(line)
        if not m:
            raise InputError(f"line {line_no}: not a vecalign bead: {line.strip()[:60]!r}")
        out.append((_ids(m.group(1), line_no), _ids(m.group(2), line_no)))
    return out
