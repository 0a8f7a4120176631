"""Untranslated checks: target text left in the source language or in another wrong language."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from ..langid import classify, script_of, scripts_of_lang
from ..types import Category, Issue, Sentence, Severity, Span
from .data import URL_RE, WORD_RE, base_lang, bead_of_target, noise_targets, source_span
from .registry import CheckContext, register

CHECK_ID = "untranslated.sentence"

# Besides the two languages in play, the languages most often found by mistake in news translations.
_EXTRA_CANDIDATES = ("en", "fr", "de", "es")
# Scripts written one word per character or so: one letter there weighs like three Latin letters.
_DENSE_SCRIPTS = {"Han", "Hiragana", "Katakana", "Hangul", "Thai"}
_DENSE_WEIGHT = 3
_MIN_WORDS = 4
_MIN_LETTERS = 20
# Statistical evidence: py3langid probability among the candidates (normalised) for a wrong language.
_MIN_PROBABILITY = 0.9
_OPEN_BRACKETS = "(（[【"
_CLOSE_BRACKETS = ")）]】"


@dataclass(frozen=True)
class _Finding:
    sentence: int
    start: int  # offsets into the sentence text
    end: int
    lang: str
    confidence: float
    reason: str


def _weight(text: str) -> int:
    """Letters, with letters of dense scripts (Han, kana, Hangul, Thai) counted three times."""
    total = 0
    for ch in text:
        s = script_of(ch)
        if s:
            total += _DENSE_WEIGHT if s in _DENSE_SCRIPTS else 1
    return total


def _mask_urls(text: str) -> str:
    return URL_RE.sub(lambda m: " " * len(m.group()), text)


def _foreign_runs(text: str, expected: set[str]) -> list[tuple[int, int]]:
    """Maximal runs of letters in scripts the target language does not write, allowing spaces, digits
    and punctuation inside a run; each run is trimmed to its first and last foreign letter."""
    runs: list[tuple[int, int]] = []
    start: Optional[int] = None
    last = -1
    for k, ch in enumerate(text):
        s = script_of(ch)
        if s is None:
            continue
        if s in expected:
            if start is not None:
                runs.append((start, last + 1))
                start = None
            continue
        if start is None:
            start = k
        last = k
    if start is not None:
        runs.append((start, last + 1))
    return runs


def _in_brackets(text: str, start: int, end: int) -> bool:
    """A run standing alone in brackets: a name given in its original script, « Lin Jian (林剑) »."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return bool(before) and before[-1] in _OPEN_BRACKETS and bool(after) and after[0] in _CLOSE_BRACKETS


def _names_removed(text: str) -> str:
    """The text with names, acronyms and words holding digits blanked out: capitalised words other than
    the first word. What is left (function words, verbs, common nouns) carries the language."""
    out = list(text)
    for k, m in enumerate(WORD_RE.finditer(text)):
        word = m.group()
        if k > 0 and (word[0].isupper() or word.isupper()):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    cleaned = "".join(out)
    return re.sub(r"\S*\d\S*", lambda m: " " * len(m.group()), cleaned)


def _normalise(text: str) -> str:
    return " ".join(WORD_RE.findall(text.casefold()))


def _judge(
    sent: Sentence, tgt: str, src: str, candidates: tuple[str, ...], source_text: Optional[str]
) -> Optional[_Finding]:
    text = _mask_urls(sent.text)
    expected = set(scripts_of_lang(tgt))
    letters = [ch for ch in text if script_of(ch)]
    if not letters:
        return None
    foreign = [ch for ch in letters if script_of(ch) not in expected]
    # 1. Script evidence: letters the target language does not write.
    if foreign:
        runs = _foreign_runs(text, expected)
        run_start, run_end = max(runs, key=lambda r: (_weight(text[r[0] : r[1]]), -r[0]))
        run_text = text[run_start:run_end]
        share = len(foreign) / len(letters)
        whole = share >= 0.9
        enough = _weight(run_text) >= (12 if whole else _MIN_LETTERS)
        if enough and not (not whole and _in_brackets(text, run_start, run_end)):
            scripts = {script_of(ch) for ch in run_text} - {None}
            pool = [c for c in candidates if any(s in scripts_of_lang(c) for s in scripts)]
            lang, _prob = classify(run_text, pool or None)
            if whole:
                return _Finding(-1, 0, len(sent.text), lang, round(share, 3), "script")
            return _Finding(-1, run_start, run_end, lang, round(share, 3), "script")
        if share >= 0.5:
            return None  # mostly foreign script but too short to judge: a name or a label
    # 2. Same script, wrong language: py3langid among the plausible languages, names removed.
    stripped = _names_removed(text)
    words = WORD_RE.findall(stripped)
    long_enough = len(words) >= _MIN_WORDS and sum(len(w) for w in words) >= _MIN_LETTERS
    if not long_enough and expected & _DENSE_SCRIPTS:
        # Chinese or Japanese targets write no spaces: count letter-equivalents, not words.
        long_enough = _weight(stripped) >= 30
    if not long_enough:
        return None
    same_script = [c for c in candidates if set(scripts_of_lang(c)) & expected]
    if len(same_script) < 2:
        return None
    lang, prob = classify(stripped, same_script)
    if lang != tgt and prob >= _MIN_PROBABILITY:
        return _Finding(-1, 0, len(sent.text), lang, round(prob, 3), "language")
    # 3. A copy of the aligned source, whatever the classifier says.
    if source_text and src != tgt and _normalise(source_text) == _normalise(sent.text):
        return _Finding(-1, 0, len(sent.text), src, 1.0, "copy")
    return None


@register(CHECK_ID, Category.ACCURACY_UNTRANSLATED, version=1, order=30)
def untranslated_sentence(ctx: CheckContext) -> Iterator[Issue]:
    """Target sentence left in the source language or in another wrong language.

    Evidence, in order: letters in a script the target language does not write (Han characters in a
    French target, Cyrillic in an English one), as a whole sentence or as a run of at least ~20
    letter-equivalents inside it (a Han character counts three); then py3langid restricted to the
    source, the target and a few common news languages (en, fr, de, es), on the sentence with its names,
    acronyms, numbers and URLs blanked out, at probability ≥ 0.9; then a sentence identical to its
    aligned source. Sentences shorter than 4 words or 20 letters after that blanking, number and date
    lines, bylines of names and the sentences ``noise.debris`` flagged are skipped. Severity is major,
    critical for every finding when more than half of the target sentences are untranslated.

    False positives: a quotation, a slogan or a title deliberately kept in the original language; a
    long name of an organisation given in its original script without brackets; very short or
    loan-word-heavy sentences in closely related languages (es/pt/it, da/no/sv) that py3langid confuses;
    a long Japanese sentence written only in kanji, without kana, in a Japanese target from a Chinese
    source (taken for Chinese).
    """
    tgt = base_lang(ctx.target.lang)
    src = base_lang(ctx.source.lang)
    if not tgt:
        return
    candidates = tuple(dict.fromkeys(c for c in (tgt, src, *_EXTRA_CANDIDATES) if c))
    noise = noise_targets(ctx)
    beads = bead_of_target(ctx)
    findings: list[_Finding] = []
    considered = 0
    for j, sent in enumerate(ctx.target.sentences):
        if j in noise or not any(ch.isalpha() for ch in sent.text):
            continue
        considered += 1
        bead = beads.get(j)
        source_text = None
        if bead is not None and len(bead.target) == 1:
            source_text = " ".join(
                ctx.source.sentences[i].text for i in bead.source if 0 <= i < len(ctx.source.sentences)
            )
        found = _judge(sent, tgt, src, candidates, source_text)
        if found is not None:
            findings.append(_Finding(j, found.start, found.end, found.lang, found.confidence, found.reason))
    if not findings:
        return
    severity = Severity.CRITICAL if 2 * len(findings) > considered else Severity.MAJOR
    for f in findings:
        sent = ctx.target.sentences[f.sentence]
        whole = f.start == 0 and f.end == len(sent.text)
        what = "Sentence" if whole else "Passage"
        if f.reason == "copy":
            message = f"{what} copied from the source, not translated"
        elif f.lang == src:
            message = f"{what} left in the source language ({f.lang}), not translated into {tgt}"
        else:
            message = f"{what} in the wrong language ({f.lang}), expected {tgt}"
        if severity is Severity.CRITICAL:
            message += f" ({len(findings)} of {considered} sentences are untranslated)"
        yield Issue(
            check=CHECK_ID,
            category=Category.ACCURACY_UNTRANSLATED,
            severity=severity,
            message=message,
            source_span=source_span(ctx, beads.get(f.sentence)),
            target_span=Span(sent.start + f.start, sent.start + f.end),
            confidence=f.confidence,
        )
