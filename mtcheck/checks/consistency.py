"""Segment consistency (``terminology/inconsistent``): the same source sentence translated in different
ways, and the same translation given to different source sentences, within an article.

``batch_consistency_issues`` does the same across the articles of a batch (boilerplate such as
datelines and agency credits); it has the shape of ``mtcheck.batch.term_memory_issues`` so that the
batch reduce can call it beside the term memory.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from ..types import Category, Issue, RelatedSpan, Severity
from .data import BeadSide, bead_sides, noise_targets
from .registry import CheckContext, register
from .repetition import long_enough, normalise_sentence

BATCH_CHECK_ID = "consistency.batch"


def _units(ctx: CheckContext) -> list[tuple[str, str, BeadSide, BeadSide]]:
    """(normalised source, normalised target, sides) of the beads that are not noise: made once per run
    for both consistency checks (they run after ``noise.debris``, whose notes no later check changes)."""
    return ctx.shared("consistency_units", _make_units)


def _make_units(ctx: CheckContext) -> list[tuple[str, str, BeadSide, BeadSide]]:
    noise = noise_targets(ctx)
    return [(normalise_sentence(src.text), normalise_sentence(tgt.text), src, tgt)
            for _, bead, src, tgt in bead_sides(ctx) if not any(j in noise for j in bead.target)]


def _groups(units, key: int, lang: str) -> Iterator[list]:
    by: dict[str, list] = {}
    for u in units:
        if u[key]:
            by.setdefault(u[key], []).append(u)
    for text, members in by.items():  # long_enough is a function of the grouped text: tested once, if needed
        if len(members) >= 2 and len({m[1 - key] for m in members}) >= 2 and long_enough(text, lang):
            yield members


def _dominant(members, key: int):
    """The most frequent rendering (the first one on a tie) of a group: the one the others are measured by."""
    counts: dict[str, int] = {}
    for m in members:
        counts[m[key]] = counts.get(m[key], 0) + 1
    best = max(counts.values())
    return next(m for m in members if counts[m[key]] == best)


@register("consistency.source", Category.TERMINOLOGY_INCONSISTENT, version=1, order=60)
def same_source_different_target(ctx: CheckContext) -> Iterator[Issue]:
    """Same source sentence translated in different ways within the article.

    Beads whose source is the same sentence (case, spaces and end punctuation aside; four words or
    more, eight characters in Chinese or Japanese) should have the same translation. Each occurrence
    that differs from the most frequent rendering (the first on a tie) is minor, pointing at the
    rendering it differs from. False positives: a sentence whose context calls for two renderings (a
    refrain quoted once in direct and once in reported speech); a bead that the aligner merged with a
    neighbour on one occurrence only.
    """
    units = _units(ctx)
    for members in _groups(units, 0, ctx.source.lang):
        ref = _dominant(members, 1)
        w = ref[3].whole()
        for m in members:
            if m[1] == ref[1]:
                continue
            yield Issue("consistency.source", Category.TERMINOLOGY_INCONSISTENT, Severity.MINOR,
                        "The same source sentence is translated differently elsewhere in the article",
                        source_span=m[2].whole(), target_span=m[3].whole(), suggestion=ref[3].text,
                        related=(RelatedSpan("target", w.start, w.end),) if w else ())


@register("consistency.target", Category.TERMINOLOGY_INCONSISTENT, version=1, order=60)
def same_target_different_source(ctx: CheckContext) -> Iterator[Issue]:
    """Same translation given to different source sentences within the article.

    Two beads with the same target sentence (four words or more) but different sources: one of them
    probably does not say what its source says. Each occurrence after the first is minor; two
    consecutive ones are left to ``repetition.sentence``. False positives: sources that differ only
    in wording the target language cannot render (two Chinese phrasings of one formula).
    """
    units = _units(ctx)
    for members in _groups(units, 1, ctx.target.lang):
        first = members[0]
        w = first[3].whole()
        for prev, m in zip(members, members[1:]):
            if m[0] == first[0]:
                continue
            pw, mw = prev[3].whole(), m[3].whole()
            if pw and mw and not ctx.target.text[pw.end:mw.start].strip(" \n\t"):
                continue  # adjacent: a repetition
            yield Issue("consistency.target", Category.TERMINOLOGY_INCONSISTENT, Severity.MINOR,
                        "The same translation is given to a different source sentence elsewhere in the article",
                        source_span=m[2].whole(), target_span=m[3].whole(),
                        related=(RelatedSpan("target", w.start, w.end),) if w else ())


def batch_consistency_issues(reports: Sequence, min_articles: int = 2) -> list[list[Issue]]:
    """For each report of a batch (``mtcheck.types.Report``), the beads whose source sentence occurs in
    ``min_articles`` or more articles of the same language pair and is rendered otherwise than in
    most of them. Article-level differences are ``consistency.source``'s; offsets are the article's."""
    out: list[list[Issue]] = [[] for _ in reports]
    seen: dict[tuple[str, str, str], list[tuple[int, str, BeadSide, BeadSide]]] = {}
    for k, r in enumerate(reports):
        ctx = CheckContext(r.source, r.target, r.alignment, config=None)  # type: ignore[arg-type]
        done: set[str] = set()
        for s_norm, t_norm, src, tgt in _units(ctx):
            if s_norm in done or not long_enough(s_norm, r.source.lang):
                continue
            done.add(s_norm)
            seen.setdefault((r.source.lang, r.target.lang, s_norm), []).append((k, t_norm, src, tgt))
    for members in seen.values():
        if len(members) < min_articles or len({m[1] for m in members}) < 2:
            continue
        counts: dict[str, int] = {}
        for m in members:
            counts[m[1]] = counts.get(m[1], 0) + 1
        best = max(counts.values())
        if list(counts.values()).count(best) > 1:
            continue  # no majority: nothing to measure against
        dominant = next(m for m in members if counts[m[1]] == best)
        for k, t_norm, src, tgt in members:
            if t_norm == dominant[1]:
                continue
            out[k].append(Issue(BATCH_CHECK_ID, Category.TERMINOLOGY_INCONSISTENT, Severity.MINOR,
                                f"This source sentence is translated '{dominant[3].text}' in {best} articles "
                                f"of the batch, otherwise here",
                                source_span=src.whole(), target_span=tgt.whole(), suggestion=dominant[3].text))
    return out
