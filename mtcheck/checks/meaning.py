"""Meaning checks with a multilingual encoder: a bead whose two sides are far apart for this article.

Runs only when a model is configured (``--model``); without one it yields nothing and loads nothing.
"""
from __future__ import annotations

import math
import statistics

import numpy as np
from typing import Iterator

from ..types import Bead, Category, Issue, RelatedSpan, Severity, Span
from .registry import CheckContext, register

NOISE_NOTE = "noise_target_sentences"  # set by noise.debris (order 10)

# A bead is reported when its normalised cost r (cosine distance over the distance to random sentences,
# mtcheck.align.embedding) lies this many robust standard deviations (1.4826 * MAD) above the article's
# median, and r itself is at least _MIN_R (a sentence that is merely less close than its neighbours is
# not a mistranslation). At _MAJOR_Z and beyond, major.
_MINOR_Z = 3.5
_MAJOR_Z = 6.0
_MIN_R = 0.6
_MIN_SCALE = 0.05  # floor of the robust deviation: an article whose beads are all alike flags nothing
_MIN_BEADS = 6  # fewer beads with both sides: no distribution to compare with
_MIN_CHARS = 12  # shorter sides (titles, datelines) have unstable embeddings
_MAX_RELATED = 8


def _words_left_out(ctx: CheckContext, bead: Bead) -> tuple[RelatedSpan, ...]:
    alignment = ctx.word_alignment(bead)
    if alignment is None:
        return ()
    text = ctx.source.text
    # Content words only: a number, a word of four letters or more, or two Chinese/Japanese characters.
    spans = [(s, e) for s, e in alignment.unaligned_source()
             if any(ch.isdigit() for ch in text[s:e]) or e - s >= 4 or (e - s >= 2 and ord(text[s]) >= 0x3000)]
    return tuple(RelatedSpan("source", s, e) for s, e in spans[:_MAX_RELATED])


@register("meaning.mistranslation", Category.ACCURACY_MISTRANSLATION, version=1, order=60)
def mistranslation(ctx: CheckContext) -> Iterator[Issue]:
    """Sentence whose meaning is far from its source (model-based)

    Needs a multilingual encoder (``--model``); does nothing without one. Compares each aligned bead's
    source and target embeddings, normalised by how close each side is to random sentences of the other
    side, with the other beads of the same article: a bead far outside the article's own distribution is
    reported, minor or major by how far, with ``confidence``; the related spans are the source words the
    word aligner (SimAlign itermax) found no counterpart for.
    False positives: a wrong alignment (the sentences are right but paired wrongly), very free or
    restructured translations, sentences dominated by names or numbers, and weak or unsuitable encoders
    (a model not trained for cross-lingual similarity makes every sentence look alike or unlike).
    """
    if not ctx.config.model:
        return
    from ..align.embedding import bead_similarities
    from ..models import encoder_for

    encoder = encoder_for(ctx.config)
    if encoder is None:
        return
    src_texts = [s.text for s in ctx.source.sentences]
    tgt_texts = [t.text for t in ctx.target.sentences]
    if any(i >= len(src_texts) for b in ctx.alignment for i in b.source) or any(
            j >= len(tgt_texts) for b in ctx.alignment for j in b.target):
        return  # an alignment that does not fit the documents: nothing to say
    noise = ctx.notes.get(NOISE_NOTE, set())
    eligible = []
    for bead in ctx.alignment:
        if not bead.source or not bead.target or all(j in noise for j in bead.target):
            continue
        src_text, tgt_text = ctx.bead_texts(bead)
        if len(src_text.strip()) < _MIN_CHARS or len(tgt_text.strip()) < _MIN_CHARS:
            continue
        eligible.append(bead)
    if len(eligible) < _MIN_BEADS:
        return
    sims = bead_similarities(src_texts, tgt_texts, eligible, encoder)
    rs = [s.r for s in sims if s is not None]
    median = statistics.median(rs)
    scale = max(_MIN_SCALE, 1.4826 * statistics.median(abs(r - median) for r in rs))
    for bead, sim in zip(eligible, sims):
        if sim is None:
            continue
        z = (sim.r - median) / scale
        if z < _MINOR_Z or sim.r < _MIN_R:
            continue
        severity = Severity.MAJOR if z >= _MAJOR_Z else Severity.MINOR
        sources = [ctx.source.sentences[i] for i in bead.source]
        targets = [ctx.target.sentences[j] for j in bead.target]
        yield Issue(
            check="meaning.mistranslation",
            category=Category.ACCURACY_MISTRANSLATION,
            severity=severity,
            message=(f"Translation looks far from its source: similarity {sim.cosine:.2f}, normalised distance "
                     f"{sim.r:.2f} against this article's median {median:.2f} ({z:.1f} deviations above it)"),
            source_span=Span(sources[0].start, sources[-1].end),
            target_span=Span(targets[0].start, targets[-1].end),
            related=_words_left_out(ctx, bead),
            confidence=round(1.0 / (1.0 + math.exp(-(z - _MINOR_Z))), 2),
        )


# A run of source words that the word aligner links to nothing is reported when it holds at least
# _RUN_CONTENT content words, in a bead where at least _MIN_COVERAGE of the source's content words are
# linked (below that the word alignment itself is not to be trusted: a mistranslation or a wrong bead).
# A link counts above the _CHANCE_QUANTILE of the similarities of word pairs from non-matching beads.
_RUN_CONTENT = 2
_MIN_COVERAGE = 1 / 3
_MIN_SOURCE_CONTENT = 4
_CHANCE_QUANTILE = 0.99


def _is_content(text: str) -> bool:
    """A number, a word of four letters or more, or two Chinese/Japanese characters."""
    return any(ch.isdigit() for ch in text) or len(text) >= 4 or (len(text) >= 2 and ord(text[0]) >= 0x3000)


@register("meaning.omission", Category.ACCURACY_OMISSION, version=1, order=60)
def omission_in_bead(ctx: CheckContext) -> Iterator[Issue]:
    """Words of an aligned sentence missing from its translation (model-based)

    Needs a multilingual encoder (``--model``); does nothing without one. Inside each aligned bead the
    words are aligned with SimAlign's itermax over the encoder's contextual token vectors. A link counts
    only above the chance level of this encoder on this article: the 99th percentile of the similarities
    of word pairs taken from a bead's source and a *different* bead's translation. A run of consecutive source words
    with no counting link that holds two content words or more (numbers, words of four letters or more,
    two Chinese or Japanese characters) is a minor omission, the run (from its first to its last content
    word) being the ``source_span``. Beads where fewer than a third of the source's content words are
    linked are left to ``meaning.mistranslation``: there the word alignment itself is not to be trusted.
    False positives: free translations that render a phrase by a word the encoder does not link to it
    (idioms, compounds such as German "Bundesverfassungsgericht" for a four-word English phrase),
    repeated words the translator rightly left out, and weak encoders (a model not trained for
    cross-lingual word similarity links little, and a bead then falls under the coverage floor or
    shows spurious runs).
    """
    if not ctx.config.model:
        return
    from ..align.words import bead_extent, pair_similarities
    from ..models import encoder_for

    encoder = encoder_for(ctx.config)
    if encoder is None:
        return
    n_src, n_tgt = len(ctx.source.sentences), len(ctx.target.sentences)
    noise = ctx.notes.get(NOISE_NOTE, set())
    beads = [b for b in ctx.alignment
             if b.source and b.target and not all(j in noise for j in b.target)
             and all(i < n_src for i in b.source) and all(j < n_tgt for j in b.target)]
    if len(beads) < 2:
        return  # no other bead to measure chance links against
    texts = []
    for b in beads:  # the texts the word aligner reads, so that their token vectors are computed once
        (s0, s1), (t0, t1) = bead_extent(ctx.source, ctx.target, b)
        texts.append((ctx.source.text[s0:s1], ctx.target.text[t0:t1]))
    chance = np.concatenate([
        pair_similarities(texts[k][0], texts[(k + len(beads) // 2) % len(beads)][1], encoder,
                          src_lang=ctx.source.lang, tgt_lang=ctx.target.lang)
        for k in range(len(beads))
    ])
    floor = float(np.quantile(chance, _CHANCE_QUANTILE)) if len(chance) else 0.0
    text = ctx.source.text
    for bead in beads:
        alignment = ctx.word_alignment(bead)
        if alignment is None:
            continue
        linked = {s for (s, _t), sim in zip(alignment.links, alignment.similarities) if sim > floor}
        content = [_is_content(text[s:e]) for s, e in alignment.source_words]
        n_content = sum(content)
        if n_content < _MIN_SOURCE_CONTENT:
            continue
        coverage = sum(1 for k, c in enumerate(content) if c and k in linked) / n_content
        if coverage < _MIN_COVERAGE:
            continue
        run: list[int] = []
        for k in list(range(len(alignment.source_words))) + [-1]:
            if k >= 0 and k not in linked:
                run.append(k)
                continue
            words = [w for w in run if content[w]]
            if len(words) >= _RUN_CONTENT:
                start, end = alignment.source_words[words[0]][0], alignment.source_words[words[-1]][1]
                yield Issue(
                    check="meaning.omission",
                    category=Category.ACCURACY_OMISSION,
                    severity=Severity.MINOR,
                    message=(f"{len(words)} source words with no counterpart in the translation "
                             f"(word alignment): '{text[start:end]}'"),
                    source_span=Span(start, end),
                    confidence=round(coverage, 2),
                )
            run = []
