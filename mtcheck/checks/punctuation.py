"""Punctuation checks: sentence breaks the source does not have."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from ..types import Category, Document, Issue, Severity, Span
from .data import (
    ABBREVIATIONS,
    CONTINUATION_WORDS,
    URL_RE,
    WORD_RE,
    base_lang,
    is_brand_like,
    is_cased_lang,
    noise_targets,
    source_span,
)
from .registry import CheckContext, register

CHECK_ID = "punctuation.stray_break"

# A full stop inside one segment followed by a word: the splitter declined to split there (inside
# brackets or quotes, or a language whose splitter wants a capital), but the stop may still be stray.
_INNER_STOP_RE = re.compile(r"(?<=[^\W\d_])\.[ \u00a0\u202f]+(?=[^\W\d_])")
_TOKEN_BEFORE_RE = re.compile(r"(\S+)\.$")


@dataclass(frozen=True)
class StrayBreak:
    """A full stop at ``dot`` (offset into the target text) followed by the word ``[start, end)``."""

    dot: int
    word_start: int
    word_end: int
    word: str
    next_sentence: Optional[int]  # the target sentence the break opened, when the splitter split there
    bead_index: Optional[int]


def _continuation_head(word: str) -> str:
    """« d'intelligence » → « d »: the part that decides whether the word continues a phrase."""
    return re.split(r"['’]", word, maxsplit=1)[0]


def is_abbreviation_stop(before: str, numbers: bool = True) -> bool:
    """True when the full stop ending ``before`` belongs to an abbreviation, an initial, a URL or, with
    ``numbers``, a number (« etc. », « M. », « J.-C. », « www.example.com. », German ordinals « 3. »)."""
    m = _TOKEN_BEFORE_RE.search(before)
    if not m:
        return True
    token = m.group(1).lstrip("([«\"“‘'")
    letters = [ch for ch in token if ch.isalpha()]
    if any(ch.isdigit() for ch in token):
        return numbers
    if not letters:
        return False  # a closing quote or bracket: « … intelligence artificielle ». »
    if len(letters) == 1 or "." in token or URL_RE.search(token):
        return True
    return token.lower() in ABBREVIATIONS


def _start_cases(doc: Document, noise: set[int]) -> dict[int, bool]:
    """For each sentence opening directly with a cased letter: True when that letter is a capital."""
    cases: dict[int, bool] = {}
    for j, sent in enumerate(doc.sentences):
        if j in noise:
            continue
        m = WORD_RE.match(sent.text)
        if m and (m.group()[0].isupper() or m.group()[0].islower()):
            cases[j] = m.group()[0].isupper()
    return cases


def find_stray_breaks(ctx: CheckContext) -> list[StrayBreak]:
    """All stray full stops of the target; shared with ``casing.lost`` so that it does not report the
    lower-case word after a stray stop as a sentence start."""
    tgt = base_lang(ctx.target.lang)
    if not is_cased_lang(tgt):
        return []
    continuation = CONTINUATION_WORDS.get(tgt, frozenset())
    noise = noise_targets(ctx)
    sents = ctx.target.sentences
    cases = _start_cases(ctx.target, noise)
    upper_starts = sum(cases.values())
    lower_starts = len(cases) - upper_starts
    found: list[StrayBreak] = []
    seen: set[int] = set()
    # 1. Between two target sentences of one bead that has more target sentences than source ones.
    for b_index, bead in enumerate(ctx.alignment):
        if not bead.source or len(bead.target) <= len(bead.source):
            continue
        targets = sorted(bead.target)
        for a, b in zip(targets, targets[1:]):
            if b != a + 1 or a in noise or b in noise or not (0 <= b < len(sents)):
                continue
            first, second = sents[a], sents[b]
            if first.line != second.line or not first.text.endswith(".") or first.text.endswith(".."):
                continue
            if is_abbreviation_stop(first.text):
                continue
            m = WORD_RE.match(second.text)
            if not m:
                continue
            word = m.group()
            if not word[0].islower() or is_brand_like(word) or URL_RE.match(second.text):
                continue
            # A document has its casing when more sentences open with a capital than without, not
            # counting this one; where it has lost it, a lower-case start is no evidence.
            has_casing = upper_starts > lower_starts - (1 if cases.get(b) is False else 0)
            if _continuation_head(word) not in continuation and not has_casing:
                continue
            dot = first.end - 1
            found.append(StrayBreak(dot, second.start, second.start + m.end(), word, b, b_index))
            seen.add(dot)
    # 2. Inside one segment: only a continuation word after the stop is evidence here.
    bead_of = {j: k for k, bead in enumerate(ctx.alignment) for j in bead.target}
    for j, sent in enumerate(sents):
        if j in noise:
            continue
        for stop in _INNER_STOP_RE.finditer(sent.text):
            m = WORD_RE.match(sent.text, stop.end())
            if not m:
                continue
            word = m.group()
            dot = sent.start + stop.start()
            if dot in seen or _continuation_head(word) not in continuation:
                continue
            if is_abbreviation_stop(sent.text[: stop.start() + 1]):
                continue
            found.append(StrayBreak(dot, sent.start + m.start(), sent.start + m.end(), word, None, bead_of.get(j)))
            seen.add(dot)
    return sorted(found, key=lambda f: f.dot)


@register(CHECK_ID, Category.FLUENCY_PUNCTUATION, version=1, order=50)
def stray_break(ctx: CheckContext) -> Iterator[Issue]:
    """Stray full stop: a sentence break the source does not have.

    Within one alignment bead whose target has more sentences than its source, a target sentence
    ends with "." and the next starts with a lower-case word. In a document that has its casing the
    lower-case start is enough; in one that has lost it (most starts lower-case, like the founding
    example) the word must be one that continues a phrase and rarely opens a sentence (fr du/des/de/et/
    ou, en of/and/or, de des/und/oder, es del/de/y/o...). A full stop inside one segment followed by
    such a word is flagged too (splitters do not split inside brackets, or before a lower-case word in
    some languages). Abbreviations (« etc. », « M. »), initials, URLs and numbers before the stop are
    skipped. The flagged span is the full stop, the space and the next word (« . du »). Minor.

    False positives: a real sentence that opens with a continuation word in a document without casing
    (« de nombreux pays… », "and yet…") where the aligner also paired two target sentences with one
    source sentence; an abbreviation missing from the list; a cased document whose sentences often
    start in lower case on purpose (brand names are skipped).
    """
    for brk in find_stray_breaks(ctx):
        bead = ctx.alignment[brk.bead_index] if brk.bead_index is not None else None
        yield Issue(
            check=CHECK_ID,
            category=Category.FLUENCY_PUNCTUATION,
            severity=Severity.MINOR,
            message=f"Stray full stop before '{brk.word}': the sentence continues, the source has no break here",
            source_span=source_span(ctx, bead),
            target_span=Span(brk.dot, brk.word_end),
            suggestion=ctx.target.text[brk.dot + 1 : brk.word_end],
        )
