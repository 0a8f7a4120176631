"""Terminology drift: one source term rendered in different ways across the article."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..terms.drift import find_renderings
from ..types import Category, Issue, RelatedSpan, Severity, Span
from .registry import CheckContext, register


@register("terms.drift", Category.TERMINOLOGY_INCONSISTENT, version=1, order=60)
def terminology_drift(ctx: CheckContext) -> Iterator[Issue]:
    """Terminology drift: a recurring source term rendered differently from its dominant rendering.

    Works without a glossary, from the alignment: the dominant rendering is the target phrase most
    associated with the term across sentences; a unit lacking it is searched for a variant sharing a word
    or a context with it. False positives: a deliberate stylistic variation (a synonym on second mention);
    a different sense of the same source word; a shared word that belongs to another phrase (« plan » of
    another plan in the same sentence); alignment errors that put the term and its rendering in different
    units. Shortened mentions (« le plan » after « le plan inclusif ») are not flagged.
    """
    found: list[tuple[float, int, Issue]] = []
    for term in find_renderings(ctx.source, ctx.target, ctx.alignment):
        dom = term.dominant
        if dom is None or not term.variants:
            continue
        dom_units = dom.units
        n_dom = len(dom_units)
        variant_counts = Counter(v.text.lower() for v in term.variants)
        related = tuple(RelatedSpan("target", o.start, o.end) for o in dom.occurrences if o.unit in dom_units)
        for v in term.variants:
            src_occ = next(o for o in term.occurrences if o.unit == v.unit)
            times = variant_counts[v.text.lower()]
            # The severity follows the confidence; a weak guess is advice that does not count in the score.
            severity = (Severity.MAJOR if v.confidence >= 0.7 else Severity.MINOR if v.confidence >= 0.6
                        else Severity.INFO)
            issue = Issue(
                check="terms.drift",
                category=Category.TERMINOLOGY_INCONSISTENT,
                severity=severity,
                message=(f"{term.source} is rendered '{dom.text}' {n_dom} times but '{v.text}' here"
                         + (f" ({times} times)" if times > 1 else "")),
                source_span=Span(src_occ.start, src_occ.end),
                target_span=Span(v.start, v.end),
                suggestion=dom.text,
                related=related,
                confidence=v.confidence,
            )
            found.append((v.confidence, len(term.occurrences), issue))
    # One issue per target passage: several source n-grams (普惠计划, 人工智能能力建设普惠计划) may point
    # at the same variant; keep the most confident, then the most frequent term.
    kept: list[Issue] = []
    for conf, count, issue in sorted(found, key=lambda x: (-x[0], -x[1], x[2].sort_key())):
        t = issue.target_span
        assert t is not None
        if any(k.target_span and k.target_span.start < t.end and t.start < k.target_span.end for k in kept):
            continue
        kept.append(issue)
    yield from kept
