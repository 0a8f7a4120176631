"""Glossary compliance: a glossary term rendered otherwise, or a forbidden rendering used."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..terms.glossary import GlossaryEntry
from ..terms.matching import find_phrase
from ..types import Category, Issue, Severity, Span
from .registry import CheckContext, register


def _source_occurrences(ctx: CheckContext, sent_ids: Iterable[int], entries: list[GlossaryEntry]):
    """(start, end, entry) for each glossary term in the given source sentences, longest term first,
    a shorter term inside a longer one's occurrence not counted again."""
    found: list[tuple[int, int, GlossaryEntry]] = []
    for i in sent_ids:
        sent = ctx.source.sentences[i]
        for entry in entries:
            for s, e in find_phrase(sent.text, entry.source, ctx.source.lang):
                a, b = sent.start + s, sent.start + e
                if any(a < fe and fs < b for fs, fe, _ in found):
                    continue
                found.append((a, b, entry))
    return sorted(found, key=lambda x: (x[0], x[1]))


def _target_hits(ctx: CheckContext, sent_ids: Iterable[int], phrases: Iterable[str]) -> list[tuple[int, int, str]]:
    hits = []
    for j in sent_ids:
        sent = ctx.target.sentences[j]
        for phrase in phrases:
            for s, e in find_phrase(sent.text, phrase, ctx.target.lang):
                hits.append((sent.start + s, sent.start + e, phrase))
    return hits


@register("terms.glossary", Category.TERMINOLOGY_GLOSSARY, version=1, order=60)
def glossary_compliance(ctx: CheckContext) -> Iterator[Issue]:
    """Glossary term not rendered as the glossary says, or a forbidden rendering used.

    Matching is by lemma and case-insensitive in spaced languages, by substring in Chinese and Japanese;
    a Korean word may carry a particle after the term (제도를).
    A rendering found in a neighbouring bead's translation counts for the bead (the alignment may have
    moved it across a sentence boundary) only beyond the renderings that bead's own source occurrences
    need: in an article that names the term in every sentence, one sentence rendering it otherwise is
    still found.

    False positives: a legitimate paraphrase or pronoun in place of the term (« le plan », "it"); a
    rendering inflected beyond what the lemmatiser knows; a term whose translation was moved into a
    sentence more than one alignment bead away.
    """
    if not ctx.glossary:
        return
    entries = sorted(ctx.glossary, key=lambda e: -len(e.source))
    beads = ctx.alignment
    reported_forbidden: set[tuple[int, int]] = set()
    occurrences_of = [_source_occurrences(ctx, bead.source, entries) for bead in beads]
    hits_in: dict[tuple[int, str], int] = {}  # (bead, term): renderings of the term in the bead's translation

    def rendered(n: int, entry: GlossaryEntry) -> int:
        key = (n, entry.source)
        if key not in hits_in:
            hits_in[key] = len(_target_hits(ctx, beads[n].target, entry.targets))
        return hits_in[key]

    for k, bead in enumerate(beads):
        occurrences = occurrences_of[k]
        if not occurrences:
            continue
        per_entry: dict[str, list[tuple[int, int]]] = {}
        for a, b, entry in occurrences:
            per_entry.setdefault(entry.source, []).append((a, b))
        by_source = {e.source: e for e in entries}
        for term, spans in per_entry.items():
            entry = by_source[term]
            # Forbidden renderings of this term and of the terms it contains (普惠计划 inside the full title).
            nested = [e for e in entries if e.source in entry.source]
            forbidden = [f for e in nested for f in e.forbidden]
            forbidden_hits = _target_hits(ctx, bead.target, forbidden)
            for fs, fe, phrase in forbidden_hits:
                if (fs, fe) in reported_forbidden:
                    continue
                reported_forbidden.add((fs, fe))
                yield Issue(
                    check="terms.glossary",
                    category=Category.TERMINOLOGY_GLOSSARY,
                    severity=Severity.MAJOR,
                    message=f"Forbidden rendering '{phrase}' of {term}; the glossary says "
                            + " or ".join(f"'{t}'" for t in entry.targets) if entry.targets
                            else f"Forbidden rendering '{phrase}' of {term}",
                    source_span=Span(*spans[0]),
                    target_span=Span(fs, fe),
                    suggestion=entry.targets[0] if entry.targets else None,
                    confidence=1.0,
                )
            if forbidden_hits or not entry.targets:
                continue
            # The bead's own renderings, and those a neighbouring bead's translation holds beyond the
            # occurrences of its own source (a rendering moved across a sentence boundary).
            allowed = rendered(k, entry)
            for n in (k - 1, k + 1):
                if allowed < len(spans) and 0 <= n < len(beads):
                    theirs = sum(1 for _, _, e in occurrences_of[n] if e.source == term)
                    allowed += max(0, rendered(n, entry) - theirs)
            for a, b in spans[allowed:]:
                tgt_span = None
                if bead.target:
                    first, last = ctx.target.sentences[bead.target[0]], ctx.target.sentences[bead.target[-1]]
                    tgt_span = Span(first.start, last.end)
                yield Issue(
                    check="terms.glossary",
                    category=Category.TERMINOLOGY_GLOSSARY,
                    severity=Severity.MAJOR,
                    message=f"{term} should be rendered " + " or ".join(f"'{t}'" for t in entry.targets)
                            + "; not found in the translation of this sentence",
                    source_span=Span(a, b),
                    target_span=tgt_span,
                    suggestion=entry.targets[0],
                    confidence=0.5,
                )
