"""Terminology drift: one source term rendered in different ways across the article."""
from __future__ import annotations

import heapq
from collections import Counter
from typing import Iterator, Optional

from ..terms.drift import WordSpan, find_renderings
from ..types import Category, Issue, RelatedSpan, Severity, Span
from .registry import CheckContext, register

# The confidence at or above which a variant is a major issue, and below which it is only advice.
MAJOR_CONFIDENCE = 0.7
MINOR_CONFIDENCE = 0.5


def _word_spans(ctx: CheckContext) -> Optional[WordSpan]:
    """With a model (``--model``), where a term's words are linked in a bead (SimAlign itermax, the
    article's word alignment shared with the meaning checks); None without a model."""
    if not ctx.config.model:
        return None

    def span(u: int, start: int, end: int) -> Optional[tuple[int, int]]:
        alignment = ctx.word_alignment(ctx.alignment[u])
        return alignment.target_span_of(start, end) if alignment is not None else None

    return span


# At most this many dominant occurrences are cited in an issue's ``related`` (the message gives the count):
# the nearest to the variant. In an article of a few thousand sentences a term may be rendered the dominant
# way a thousand times, and citing every one in each of its variants' issues made the report grow with the
# square of the article (489 MB of JSON for 12,000 sentences).
MAX_RELATED = 20


def _nearest(occurrences, at: int) -> tuple[RelatedSpan, ...]:  # type: ignore[no-untyped-def]
    """The target spans of the ``MAX_RELATED`` dominant occurrences nearest to offset ``at``, in document order."""
    near = heapq.nsmallest(MAX_RELATED, occurrences, key=lambda o: (abs(o.start - at), o.start))
    return tuple(RelatedSpan("target", o.start, o.end) for o in sorted(near, key=lambda o: o.start))


@register("terms.drift", Category.TERMINOLOGY_INCONSISTENT, version=8, order=60)
def terminology_drift(ctx: CheckContext) -> Iterator[Issue]:
    """Terminology drift: a recurring source term rendered differently from its dominant rendering.

    Works without a glossary, from the alignment: the dominant rendering is the target phrase most
    associated with the term across sentences; where the term occurs, a phrase that substitutes words of
    the dominant rendering (sharing a word, a spelling, a compound part or the surrounding context with
    it) is a variant (major, or minor when the evidence is weaker, or info when a single weak signal
    points at it: new words that recur elsewhere in the article, a context on one side only, the only
    quoted span, a name kept with other context words); the same words with other linking words, word
    order, spacing, accents or British/American spelling are a near-variant (minor), and so are two names
    of one thing ("US" / "United States", "RMB" / "renminbi": forms of one concept of the equivalents file
    of ``entities.acronym``, or an acronym and the capitalised words that spell it). Shortened and fuller mentions
    (« le plan » after « le plan inclusif »), inflection and pronouns are not flagged. With a model
    (``--model``), where the term occurs without its dominant rendering, the target words the word aligner
    links it to are one more signal (minor alone, major with another signal on the same words).

    False positives: a deliberate stylistic variation (a synonym on second mention); a different sense
    of the same source word; a phrase in the slot that translates other source words the article gives
    no statistics for; alignment errors that put the term and its rendering in different units; a
    source n-gram that is not a term but happens to recur.
    """
    found: list[tuple[float, int, Issue]] = []
    for term in find_renderings(ctx.source, ctx.target, ctx.alignment, word_span=_word_spans(ctx)):
        dom = term.dominant
        if dom is None or not term.variants:
            continue
        n_dom = len(dom.occurrences)
        variant_counts = Counter(v.text.lower() for v in term.variants)
        every = tuple(RelatedSpan("target", o.start, o.end) for o in dom.occurrences) if n_dom <= MAX_RELATED else None
        for v in term.variants:
            times = variant_counts[v.text.lower()]
            related = every if every is not None else _nearest(dom.occurrences, v.start)
            if v.kind == "near":
                severity = Severity.MINOR
                note = f"; a near-variant ({v.how})"
            else:
                # The severity follows the confidence; a weak guess is advice that does not count.
                severity = (Severity.MAJOR if v.confidence >= MAJOR_CONFIDENCE
                            else Severity.MINOR if v.confidence >= MINOR_CONFIDENCE else Severity.INFO)
                note = ""
            issue = Issue(
                check="terms.drift",
                category=Category.TERMINOLOGY_INCONSISTENT,
                severity=severity,
                message=(f"{term.source} is rendered '{dom.text}' {n_dom} time{'s' if n_dom > 1 else ''} "
                         f"but '{v.text}' here" + (f" ({times} times in all)" if times > 1 else "") + note),
                source_span=Span(v.source_start, v.source_end),
                target_span=Span(v.start, v.end),
                suggestion=dom.text,
                related=related,
                confidence=v.confidence,
            )
            found.append((v.confidence, len(term.occurrences), issue))
    # One issue per target passage: several source n-grams (普惠计划, 人工智能能力建设普惠计划) may point
    # at the same variant; keep the most confident, then the most frequent term.
    kept: list[Issue] = []
    for _, _, issue in sorted(found, key=lambda x: (-x[0], -x[1], x[2].sort_key())):
        t = issue.target_span
        assert t is not None
        if any(k.target_span and k.target_span.start < t.end and t.start < k.target_span.end for k in kept):
            continue
        kept.append(issue)
    yield from sorted(kept, key=Issue.sort_key)
