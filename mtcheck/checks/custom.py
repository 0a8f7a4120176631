"""Your rules: custom regex rules from the configuration (``[[rules]]`` in mtcheck.toml).

Each rule is a ``mtcheck.config.Rule``: a source pattern and a required or forbidden target pattern,
checked bead by bead (the source and target sentences the aligner paired). Patterns are compiled once
per process (``Rule.compiled``); a bad pattern never gets here, it is a configuration error.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from ..config import Rule
from ..types import Category, Issue, Sentence, Severity, Span
from .registry import CheckContext, register


def _matches(rule: Rule, key: str, sentences: Sequence[Sentence]) -> list[Span]:
    """Non-empty matches of the rule's ``key`` pattern in ``sentences``, as document spans."""
    pattern = rule.compiled(key)
    out = []
    for s in sentences:
        for m in pattern.finditer(s.text):
            if m.end() > m.start():
                out.append(Span(s.start + m.start(), s.start + m.end()))
    return out


def _message(rule: Rule, default: str) -> str:
    return f"rule {rule.name}: {rule.message or default}"


def apply_rule(rule: Rule, src_sents: Sequence[Sentence], tgt_sents: Sequence[Sentence],
               source_text: str, target_text: str) -> Iterator[Issue]:
    """The issues of one rule on one bead (source and target sentences)."""
    severity, category = Severity(rule.severity), Category(rule.category)
    src_hits = _matches(rule, "source", src_sents) if rule.source else []
    if rule.source and not src_hits:
        return
    if rule.forbidden is not None:
        anchor = src_hits[0] if src_hits else None
        for hit in _matches(rule, "forbidden", tgt_sents):
            found = target_text[hit.start:hit.end]
            default = f"'{found}' is forbidden"
            if anchor is not None:
                default += f" where the source has '{source_text[anchor.start:anchor.end]}'"
            yield Issue(check="custom.rules", category=category, severity=severity,
                        message=_message(rule, default), source_span=anchor, target_span=hit,
                        suggestion=rule.suggestion)
        return
    if not tgt_sents:
        return  # nothing to look in: the omission is the alignment check's business
    tgt_hits = _matches(rule, "required", tgt_sents)
    if len(tgt_hits) >= len(src_hits):
        return
    missing = src_hits[len(tgt_hits)]
    where = Span(tgt_sents[0].start, tgt_sents[-1].end)
    seen = source_text[missing.start:missing.end]
    default = f"'{seen}' in the source needs /{rule.required}/ in the target"
    if len(src_hits) > 1:
        default += f" ({len(src_hits)} in the source, {len(tgt_hits)} in the target)"
    yield Issue(check="custom.rules", category=category, severity=severity, message=_message(rule, default),
                source_span=missing, target_span=where, suggestion=rule.suggestion)


@register("custom.rules", Category.TERMINOLOGY_GLOSSARY, version=1, order=90)
def custom_rules(ctx: CheckContext) -> Iterator[Issue]:
    """Your rules: custom regex rules of the configuration ([[rules]] in mtcheck.toml).

    A rule with ``source`` and ``required``: in each aligned bead where the source pattern matches N
    times, the target must match the required pattern at least N times; otherwise one issue points at
    the first unmatched source match and the bead's target sentences. A rule with ``forbidden``: each
    match in the target of a bead whose source matches (or of any bead, without ``source``) is an issue
    on exactly that match. Severity, category and message are the rule's; the message starts with
    ``rule NAME:``. Runs only when rules are configured.
    False positives: those of your patterns; a misaligned bead (an alignment issue is raised then) can
    make a required rendering look missing.
    """
    rules = ctx.config.rules
    if not rules:
        return
    src, tgt = ctx.source, ctx.target
    for bead in ctx.alignment:
        src_sents = [src.sentences[i] for i in bead.source]
        tgt_sents = [tgt.sentences[j] for j in bead.target]
        for rule in rules:
            yield from apply_rule(rule, src_sents, tgt_sents, src.text, tgt.text)
