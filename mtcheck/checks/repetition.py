"""Repetition checks (``fluency/repetition``): a word or phrase written twice in a row, a sentence repeated."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from operator import eq
from typing import Iterator, Optional

import numpy as np

from ..segment import text_cache
from ..types import Category, Document, Issue, Severity
from .data import (LETTER_BEYOND_LATIN1_RE, base_lang, bead_of_target, bead_side_list, is_cased_lang, joined_sentences,
                   noise_targets, source_span)
from .registry import CheckContext, register

# A word (letters, inner apostrophes and hyphens) or a phrase of up to six words, written again at once.
_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_REPEAT_RE = re.compile(
    rf"(?<![\w'’-])({_WORD}(?:[ \u00a0]+{_WORD}){{0,5}}?)((?:[ \u00a0]+\1)+)(?![\w'’-])", re.IGNORECASE
)

# The words as _REPEAT_RE reads them (same pattern and flags): what a repetition repeats.
_WORD_TOKEN_RE = re.compile(_WORD, re.IGNORECASE)


def may_repeat(text: str) -> bool:
    """False only when ``_REPEAT_RE`` cannot match ``text``: no run of one to six words is followed at once
    by the same words, case aside. The unit and its copies are whole consecutive words of the text,
    and ``re`` compares them by each letter's lower case, as ``str.lower`` does but for İ (whose lower
    case is two letters there) and a final Σ (ς there): a text holding either is left to the pattern."""
    if "İ" in text or "Σ" in text:
        return True
    return next(_repeats(list(map(str.lower, _WORD_TOKEN_RE.findall(text)))), None) is not None


def _repeats(words: list) -> Iterator[tuple[int, int]]:
    """(p, k) for each run of ``k`` words (one to six) at ``p`` followed at once by the same words."""
    positions = range(len(words))
    for k in range(1, 7):  # a unit of k words repeated starts with a word that comes again k words on
        for p in compress(positions, map(eq, words, words[k:])):
            if words[p : p + k] == words[p + k : p + 2 * k]:
                yield p, k


# Latin-1 letters (the characters of [^\W\d_]: ª, µ, ², ½ too) lower-cased (each one's lower case is one
# Latin-1 letter), the joiners ' and - kept, every other byte a space; then a joiner without a letter on
# both sides made a space: what is left between spaces are the words of _WORD_TOKEN_RE, lower-cased.
_LETTER_RE = re.compile(r"[^\W\d_]")
_LATIN1_LETTERS = bytes(b for b in range(256) if _LETTER_RE.match(chr(b)))
assert all(len(chr(b).lower()) == 1 and ord(chr(b).lower()) in _LATIN1_LETTERS for b in _LATIN1_LETTERS)
_LATIN1_WORD_BYTES = bytes(ord(chr(b).lower()) if b in _LATIN1_LETTERS else b if b in b"'-" else 32 for b in range(256))
_LETTER_CLASS = b"[" + b"".join(re.escape(bytes([b])) for b in _LATIN1_LETTERS) + b"]"
_LOOSE_JOINER_RE = re.compile(b"['-](?:(?<!" + _LETTER_CLASS + b"['-])|(?!" + _LETTER_CLASS + b"))")


def _latin1_words(text: str) -> Optional[list[bytes]]:
    """The words of ``_WORD_TOKEN_RE.findall(text)`` lower-cased, as Latin-1 bytes, with ’ read as ' (both
    join words: the same words, some of them made equal), found in C without a string per word made by
    the regex engine; None for a text with a letter beyond Latin-1. Any other character beyond Latin-1
    is no letter nor joiner: it becomes ``?``, which splits words as it does."""
    if LETTER_BEYOND_LATIN1_RE.search(text):
        return None
    data = text.replace("’", "'").encode("latin-1", "replace").translate(_LATIN1_WORD_BYTES)
    return _LOOSE_JOINER_RE.sub(b" ", data).split()


def _repeats_by_hash(words: list) -> list[tuple[int, int]]:
    """``list(_repeats(words))`` for a document's words: the words k apart compared by their hashes in
    numpy (equal words have equal hashes), each candidate then compared word by word."""
    n = len(words)
    out: list[tuple[int, int]] = []
    if n < 2:
        return out
    hashes = np.fromiter(map(hash, words), np.int64, n)
    for k in range(1, min(6, n - 1) + 1):
        for p in np.flatnonzero(hashes[:-k] == hashes[k:]).tolist():
            if words[p : p + k] == words[p + k : p + 2 * k]:
                out.append((p, k))
    return out


def _sentences_that_may_repeat(doc: Document) -> Optional[set[int]]:
    """The sentences of ``doc`` that hold a word of a repetition ``may_repeat`` would see, read in one pass
    over the whole document (None: every sentence may, the text holds İ or Σ).

    The words of a bead side (its sentences joined by a space) are the words of its sentences in order
    (read in Latin-1 where they can be, ``_latin1_words``: words equal case aside stay equal):
    where its sentences follow each other in the document, a run of the document's words (the sentences
    joined by NUL, which no word holds). A side for which ``may_repeat`` is true holds a repeated unit,
    which is then one of the document's, and the sentences of its words are among the side's: a side
    with none of these sentences cannot repeat (``repeated_word`` reads sides of other beads anyway)."""
    joined, starts = joined_sentences([s.text for s in doc.sentences])
    if "İ" in joined or "Σ" in joined:
        return None
    words = _latin1_words(joined)
    if words is None:
        words = list(map(str.lower, _WORD_TOKEN_RE.findall(joined)))
    windows = _repeats_by_hash(words)
    if not windows:
        return set()
    wanted = {i for p, k in windows for i in (p, p + 2 * k - 1)}  # first and last word of each window
    sentence_of_word: dict[int, int] = {}
    last = max(wanted)
    for i, m in enumerate(_WORD_TOKEN_RE.finditer(joined)):
        if i in wanted:
            sentence_of_word[i] = bisect_right(starts, m.start()) - 1
        if i == last:
            break
    found: set[int] = set()
    for p, k in windows:
        found.update(range(sentence_of_word[p], sentence_of_word[p + 2 * k - 1] + 1))
    return found


def _in_order(indices: tuple[int, ...], count: int) -> bool:
    """Sentences that follow each other in the document, all of them in it."""
    if len(indices) == 1:
        return 0 <= indices[0] < count
    return all(0 <= i < count for i in indices) and all(b == a + 1 for a, b in zip(indices, indices[1:]))


# Doubles that the language writes on purpose (lower case). Reflexive « vous vous », « nous nous »;
# pluperfect "had had"; "that that"; relative German « die die », « der der », « das das ».
LEGITIMATE_DOUBLES: dict[str, frozenset[str]] = {
    "fr": frozenset({"vous", "nous", "si", "non", "très", "bye", "toc", "ni"}),
    "en": frozenset({"had", "that", "is", "do", "bye", "very", "so", "no", "yes", "knock", "chop", "ha",
                     "bla", "blah", "far"}),
    "de": frozenset({"die", "der", "das", "den", "dem", "des", "sie", "ja", "nein", "sehr", "bla", "ganz"}),
    "es": frozenset({"no", "sí", "muy", "que", "bla", "ja"}),
    "it": frozenset({"no", "sì", "molto", "piano", "bla"}),
    "nl": frozenset({"die", "dat", "heel", "bla"}),
}


@register("repetition.word", Category.FLUENCY_REPETITION, version=1, order=50)
def repeated_word(ctx: CheckContext) -> Iterator[Issue]:
    """Word or phrase repeated at once: "the the", « de de », "in the city in the city".

    A word, or a phrase of up to six words, written twice or more in a row inside a target sentence
    (case aside; only spaces between: "it. It" is two sentences) is minor; three times or more, or a
    phrase of three words or more repeated, is major (a machine-translation loop). Skipped: the
    language's legitimate doubles (« vous vous », « nous nous », "had had", "that that", German
    « die die » in a relative clause, "very very"), a repetition the aligned source has too (Baden-Baden,
    "Sirhan Sirhan", "bye bye"), and languages written without spaces (Chinese, Japanese), where
    doubling is grammar (看看, 常常).

    False positives: names made of a repeated word that the source writes otherwise; emphatic
    repetition in quoted speech ("no, no, no" without commas).
    """
    tgt = base_lang(ctx.target.lang)
    if tgt in ("zh", "ja", "ko", "th"):
        return
    legit = LEGITIMATE_DOUBLES.get(tgt, frozenset())
    noise = noise_targets(ctx)
    may = _sentences_that_may_repeat(ctx.target)
    count = len(ctx.target.sentences)
    sides = bead_side_list(ctx)
    # The beads to read: those with a sentence of ``may`` or with sentences out of document order (a side
    # of another bead holds no repetition, see _sentences_that_may_repeat); all of them when ``may`` is None.
    chosen = range(len(sides)) if may is None else [
        k for k, bead in enumerate(ctx.alignment)
        if bead.target and ((may and not may.isdisjoint(bead.target))
                            or not (len(bead.target) == 1 and 0 <= bead.target[0] < count)
                            and not _in_order(bead.target, count))]
    for k in chosen:
        _, bead, src, side = sides[k]
        if not bead.target or any(j in noise for j in bead.target):
            continue
        if not may_repeat(side.text) or not _REPEAT_RE.search(side.text):
            continue
        source_lower = src.text.lower()
        for m in _REPEAT_RE.finditer(side.text):
            unit = m.group(1)
            words = unit.split()
            times = 1 + len(m.group(2).split()) // len(words)
            if len(words) == 1 and unit.lower() in legit and times == 2:
                continue
            if source_lower and re.sub(r"\s+", " ", m.group().lower()) in source_lower:
                continue
            severe = times >= 3 or len(words) >= 3
            yield Issue("repetition.word", Category.FLUENCY_REPETITION, Severity.MAJOR if severe else Severity.MINOR,
                        f"'{unit}' is written {times} times in a row",
                        source_span=src.whole(), target_span=side.span(m.start(), m.end()), suggestion=unit)


@text_cache()
def normalise_sentence(text: str) -> str:
    """Case, spaces and the final punctuation aside: what makes two sentences "the same". (Runs of white
    space become one space: ``str.split`` splits at the characters of ``str.isspace``, those of ``\\s``;
    a space left at either end by ``re.sub`` would be stripped with the punctuation anyway.)"""
    return " ".join(text.casefold().split()).strip(" .。!?！？…\"'“”«»„")


_NON_WORD_RE = re.compile(r"\W")


def long_enough(text: str, lang: str) -> bool:
    """At least four words (eight characters in Chinese or Japanese): short lines repeat legitimately."""
    if base_lang(lang) in ("zh", "ja", "ko", "th") or not is_cased_lang(lang) and " " not in text:
        return len(_NON_WORD_RE.sub("", text)) >= 8
    return len(text.split()) >= 4


@register("repetition.sentence", Category.FLUENCY_REPETITION, version=1, order=50)
def repeated_sentence(ctx: CheckContext) -> Iterator[Issue]:
    """Sentence written twice in a row in the translation where the source does not repeat it.

    A target sentence equal to the one before it (case, spaces and end punctuation aside; four words or
    more, eight characters in Chinese or Japanese) is major when their sources differ: the mark of a
    machine translation that stuttered or hallucinated. Same sentences further apart are
    ``consistency.target``'s business. False positives: a refrain or slogan the translator repeats for
    emphasis where the source varies it.
    """
    sents = ctx.target.sentences
    noise = noise_targets(ctx)
    beads = bead_of_target(ctx)
    src = ctx.source.sentences
    norms = [normalise_sentence(s.text) for s in sents]
    for j in range(1, len(sents)):
        if j in noise or j - 1 in noise:
            continue
        cur = norms[j]
        if cur != norms[j - 1] or not long_enough(cur, ctx.target.lang):
            continue
        a, b = beads.get(j - 1), beads.get(j)
        if a is not None and b is not None:
            if a is b:
                texts = [normalise_sentence(src[i].text) for i in a.source]
                if len(texts) != len(set(texts)):
                    continue
            elif " ".join(normalise_sentence(src[i].text) for i in a.source) == \
                    " ".join(normalise_sentence(src[i].text) for i in b.source):
                continue
        yield Issue("repetition.sentence", Category.FLUENCY_REPETITION, Severity.MAJOR,
                    "The translation repeats the previous sentence; the source does not",
                    source_span=source_span(ctx, b), target_span=sents[j].span)
