"""Punctuation checks: sentence breaks the source does not have."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator, Optional

from ..domains import TLD
from ..types import Category, Document, Issue, Severity, Span
from .data import (
    ABBREVIATIONS,
    CONTINUATION_WORDS,
    UNSPACED_LANGS,
    URL_RE,
    WORD_RE,
    base_lang,
    bead_sides,
    document_joined,
    is_brand_like,
    is_cased_lang,
    noise_targets,
    sentences_matching,
    source_span,
    target_source,
    url_spans,
)
from .registry import CheckContext, register

CHECK_ID = "punctuation.stray_break"

# A full stop inside one segment followed by a word: the splitter declined to split there (inside
# brackets or quotes, or a language whose splitter wants a capital), but the stop may still be stray.
# (Written to begin with the full stop, a literal that ``re`` looks for fast, and to look behind it after.)
_INNER_STOP_RE = re.compile(r"\.(?<=[^\W\d_]\.)[ \u00a0\u202f]+(?=[^\W\d_])")
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


_BREAKS_NOTE = "stray_breaks"


def find_stray_breaks(ctx: CheckContext) -> list[StrayBreak]:
    """All stray full stops of the target; shared with ``casing.lost`` so that it does not report the
    lower-case word after a stray stop as a sentence start. Found once per run (both read them after
    ``noise.debris``, whose notes no later check changes)."""
    return ctx.shared(_BREAKS_NOTE, _find_stray_breaks)


class _StartCases:
    """``_start_cases`` of the target and its counts, read the first time they are asked for."""

    def __init__(self, doc: Document, noise: set[int]) -> None:
        self.doc, self.noise = doc, noise
        self._cases: Optional[dict[int, bool]] = None

    def get(self) -> tuple[dict[int, bool], int, int]:
        if self._cases is None:
            self._cases = _start_cases(self.doc, self.noise)
        upper = sum(self._cases.values())
        return self._cases, upper, len(self._cases) - upper


def _find_stray_breaks(ctx: CheckContext) -> list[StrayBreak]:
    tgt = base_lang(ctx.target.lang)
    if not is_cased_lang(tgt):
        return []
    continuation = CONTINUATION_WORDS.get(tgt, frozenset())
    noise = noise_targets(ctx)
    sents = ctx.target.sentences
    start_cases = _StartCases(ctx.target, noise)
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
            cases, upper_starts, lower_starts = start_cases.get()
            has_casing = upper_starts > lower_starts - (1 if cases.get(b) is False else 0)
            if _continuation_head(word) not in continuation and not has_casing:
                continue
            dot = first.end - 1
            found.append(StrayBreak(dot, second.start, second.start + m.end(), word, b, b_index))
            seen.add(dot)
    # 2. Inside one segment: a continuation word after the stop is evidence; in a document that has its
    # casing, so is any lower-case word (the splitter kept the stop inside because no capital followed).
    # The stops are found in one pass over the sentences joined by NUL (no stop's match reaches over one:
    # each sentence is read as on its own), in order.
    bead_of: Optional[dict[int, int]] = None
    joined, offsets = document_joined(ctx.target)
    for stop in _INNER_STOP_RE.finditer(joined):
        j = bisect_right(offsets, stop.start()) - 1
        if j in noise:
            continue
        sent, base = sents[j], offsets[j]
        m = WORD_RE.match(sent.text, stop.end() - base)
        if not m:
            continue
        word = m.group()
        dot = sent.start + stop.start() - base
        if dot in seen:
            continue
        if _continuation_head(word) not in continuation and not (
                word[0].islower() and not is_brand_like(word) and _cased(start_cases)):
            continue
        if is_abbreviation_stop(sent.text[: stop.start() - base + 1]):
            continue
        if bead_of is None:
            bead_of = {j: k for k, bead in enumerate(ctx.alignment) for j in bead.target}
        found.append(StrayBreak(dot, sent.start + m.start(), sent.start + m.end(), word, None, bead_of.get(j)))
        seen.add(dot)
    return sorted(found, key=lambda f: f.dot)


def _cased(start_cases: _StartCases) -> bool:
    """A document that has its casing: more sentences open with a capital than without."""
    _, upper_starts, lower_starts = start_cases.get()
    return upper_starts > lower_starts


@register(CHECK_ID, Category.FLUENCY_PUNCTUATION, version=1, order=50)
def stray_break(ctx: CheckContext) -> Iterator[Issue]:
    """Stray full stop: a sentence break the source does not have.

    Within one alignment bead whose target has more sentences than its source, a target sentence
    ends with "." and the next starts with a lower-case word. In a document that has its casing the
    lower-case start is enough; in one that has lost it (most starts lower-case, like the founding
    example) the word must be one that continues a phrase and rarely opens a sentence (fr du/des/de/et/
    ou, en of/and/or, de des/und/oder, es del/de/y/o...). A full stop inside one segment followed by
    such a word is flagged too (splitters do not split inside brackets, or before a lower-case word in
    some languages); in a document that has its casing, any lower-case word after a full stop inside
    one segment is (« il a rencontré le. président »). Abbreviations (« etc. », « M. »), initials, URLs
    and numbers before the stop are skipped. The flagged span is the full stop, the space and the next word (« . du »). Minor.

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


# ---------------------------------------------------------------------------------------------------
# Quote and bracket pairing, end punctuation, French spacing, doubled spaces, quote style.

_BRACKETS = {"(": ")", "[": "]", "{": "}", "（": "）", "【": "】", "〔": "〕", "［": "］"}
_QUOTES_BY_LANG = {
    # opener -> closers. German writes „…“ (and »…«); English “…”; French « … »; Chinese “…” 「…」 《…》.
    "de": {"„": "“”", "»": "«", "«": "»", "“": "”", "‹": "›"},
    "fr": {"«": "»", "“": "”", "‹": "›"},
    "en": {"“": "”", "«": "»"},
    "zh": {"“": "”", "「": "」", "『": "』", "《": "》", "〈": "〉"},
    "ja": {"「": "」", "『": "』", "《": "》", "“": "”", "〈": "〉"},
}
_DEFAULT_QUOTES = {"“": "”", "«": "»", "„": "“”", "「": "」", "『": "』", "《": "》"}
_PAIR_CHARS = "()[]{}（）【】〔〕［］“”„«»‹›「」『』《》〈〉\""


def _pairs_of(lang: str) -> dict[str, str]:
    return {**_BRACKETS, **_QUOTES_BY_LANG.get(lang, _DEFAULT_QUOTES)}


_PAIR_RE = re.compile("[" + re.escape(_PAIR_CHARS) + "]")


def unpaired(text: str, lang: str) -> list[tuple[int, str]]:
    """Offsets and characters of the quotes and brackets of ``text`` that have no partner, by the
    pairing rules of ``lang`` (« » in French, „ “ and » « in German, 「」 and 《》 in Chinese)."""
    pairs = _pairs_of(lang)
    closers = {c for cs in pairs.values() for c in cs}
    stack: list[tuple[int, str]] = []
    bad: list[tuple[int, str]] = []
    for m in _PAIR_RE.finditer(text):
        c, pos = m.group(), m.start()
        if c == '"':
            if stack and stack[-1][1] == '"':
                stack.pop()
            else:
                stack.append((pos, c))
            continue
        if stack and stack[-1][1] != '"' and c in pairs.get(stack[-1][1], ""):
            stack.pop()
            continue
        if c in pairs:
            stack.append((pos, c))
            continue
        if c in closers:
            # A closer of something deeper: what lies above it was never closed.
            depth = next((k for k in range(len(stack) - 1, -1, -1) if c in pairs.get(stack[k][1], "")), None)
            if depth is None:
                bad.append((pos, c))
            else:
                bad.extend(stack[depth + 1:])
                del stack[depth:]
    bad.extend(stack)
    return sorted(bad)


def _family(c: str) -> str:
    return "bracket" if c in _BRACKETS or c in _BRACKETS.values() else "quote"


# Marks that open a quotation in some language, and marks that close one in some language.
_MAY_OPEN = frozenset("\"“„«»‹「『《〈")
_MAY_CLOSE = frozenset("\"”“„»«›」』》〉")  # „ too: German « “Nein„ » closes with the opening mark


def pair_marks(text: str, lang: str) -> tuple[list[tuple[int, str]], list[tuple[int, str, int, str]]]:
    """The marks of ``text`` without a partner (``unpaired``), and the quotations opened and closed with
    marks of two styles, each as (opening offset, mark, closing offset, mark): „…", "…”, “…“ (the opening
    mark written again at the end). Of the marks ``unpaired`` leaves, two quotation marks next to each
    other in that list, the first one that opens a quotation in some language and the second one that
    closes one but not the first one's (two of one style left alone were cut apart by a bracket: "(a “b) c”"),
    make such a pair."""
    bad = unpaired(text, lang)
    pairs = _pairs_of(lang)
    alone: list[tuple[int, str]] = []
    mixed: list[tuple[int, str, int, str]] = []
    k = 0
    while k < len(bad):
        pos, c = bad[k]
        if k + 1 < len(bad):
            pos2, c2 = bad[k + 1]
            if c in _MAY_OPEN and c2 in _MAY_CLOSE and c2 not in pairs.get(c, '"') and "\n" not in text[pos:pos2]:
                mixed.append((pos, c, pos2, c2))
                k += 2
                continue
        alone.append((pos, c))
        k += 1
    return alone, mixed


def _openers_only(lang: str) -> frozenset[str]:
    """The quotation marks that open a quotation in ``lang`` and never close one there (German „, English “,
    French «): found where a closing mark goes, they were typed for it."""
    pairs = _QUOTES_BY_LANG.get(lang, _DEFAULT_QUOTES)
    closers = {c for cs in pairs.values() for c in cs}
    return frozenset(c for c in pairs if c not in closers and c != '"')


# Right after a mark: what only a closing mark has after it: punctuation (an ellipsis aside: « „... und dann »)
# or the end of the paragraph, with or without a space first.
_AFTER_CLOSER_RE = re.compile(r"[ \u00a0\u202f]*(?:[,;:!?)\]）]|\.(?!\.)|$)")


def _closing_position(text: str, pos: int) -> bool:
    """Whether the quotation mark at ``text[pos]`` stands where a quotation closes: punctuation or the end of
    the paragraph after it (not after a colon: « Er sagte: „ » may open a quotation of the next paragraph), or
    glued to the word or punctuation before it with a space after it (« …ist„ sagte er »)."""
    before = text[pos - 1:pos]
    if _AFTER_CLOSER_RE.match(text, pos + 1):
        k = pos  # the last character before the mark that is no white space
        while k and text[k - 1].isspace():
            k -= 1
        return text[k - 1:k] != ":"
    return bool(before) and (before.isalnum() or before in ".,!?…") and text[pos + 1:pos + 2].isspace()


def _paragraphs(doc: Document) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for j, s in enumerate(doc.sentences):
        out.setdefault(s.paragraph, []).append(j)
    return out


def _paragraph_text(doc: Document, ids: list[int]) -> tuple[str, int]:
    first, last = doc.sentences[ids[0]], doc.sentences[ids[-1]]
    return doc.text[first.start:last.end], first.start


def _sentence_at(doc: Document, ids: list[int], offset: int) -> int:
    """The sentence of ``ids`` (a paragraph's) that holds ``offset`` or ends just before it; the first one else."""
    return next((k for k in ids if doc.sentences[k].start <= offset < doc.sentences[k].end + 1), ids[0])


@register("punctuation.pairs", Category.FLUENCY_PUNCTUATION, version=4, order=50)
def unpaired_marks(ctx: CheckContext) -> Iterator[Issue]:
    """Quote or bracket without its partner, by the target language's pairing rules.

    Within each target paragraph, opening and closing marks are paired as the language writes them:
    « » in French, „ “ and » « in German, “ ” in English, 「」 『』 《》 in Chinese and Japanese, and
    ( ) [ ] （ ） 【 】 everywhere; straight " pair with each other. Each mark left alone is minor. A
    quotation opened and closed with marks of two styles („…", "…”, or “…“ with the opening mark written
    again at the end) is one finding on its closing mark, naming both, with the closing mark that goes
    with the opening one as the suggestion, not two marks "without partner". A
    quotation that runs over several paragraphs (no closing mark at the end of a paragraph, by
    typographic convention) is not reported when the aligned source paragraph leaves the same kind of
    mark open too. An opening mark typed where a quotation closes (a German „ before a comma or at the end of
    the paragraph, or glued to the word before it with a space after it: « …Vereinigten Staaten ablehnen„,
    heißt es »; an English “ ending a paragraph) is reported on that mark, with the closing mark as the
    suggestion, even where the source leaves a quotation open (WMT 2021 en-de: 34 in the MT output, none in
    the references). Unlike pofilter's ``brackets``, a translation that drops a pair of brackets (« la
    capitale (Paris) » → "Paris, the capital") is no finding: only a mark without partner is. In Spanish
    (and Galician, Asturian), sentence by sentence, a question or exclamation mark needs its opening ¿ or
    ¡ (« Es verdad? » → « ¿Es verdad? »; « Si llueve, ¿vendrás? », « ¡¿Qué dices?! » are right), and an
    opening one its closing mark; « (?) », « (!) » and a ? inside a URL are none.

    False positives: list items numbered « 1) », « a) »; smileys « :) »; a Spanish sentence quoting an
    English question or a brand with its exclamation mark (Yahoo!); a quotation split over
    paragraphs when the source was written otherwise; German texts mixing „ “ with ” closers.
    """
    tgt = base_lang(ctx.target.lang)
    src = base_lang(ctx.source.lang)
    noise = noise_targets(ctx)
    src_open_cache: dict[int, set[str]] = {}
    src_paragraphs = _paragraphs(ctx.source)
    beads = {j: bead for bead in ctx.alignment for j in bead.target}
    quote_pairs = _pairs_of(tgt)
    openers_only = _openers_only(tgt)
    for ids in _paragraphs(ctx.target).values():
        ids = [j for j in ids if j not in noise]
        if not ids:
            continue
        text, offset = _paragraph_text(ctx.target, ids)
        if not _PAIR_RE.search(text):
            continue
        alone, mixed = pair_marks(text, tgt)
        for pos, c, pos2, c2 in mixed:
            abs_pos = offset + pos2
            j = _sentence_at(ctx.target, ids, abs_pos)
            want = '"' if c == '"' else quote_pairs.get(c, _DEFAULT_QUOTES.get(c, ""))[:1] or None
            message = (f"Opening quotation mark '{c2}' closes the quotation" + (f": the closing mark is '{want}'" if want else "")
                       if c2 == c else f"Quotation mark '{c2}' closes the quotation opened with '{c}': the pair mixes two styles")
            yield Issue("punctuation.pairs", Category.FLUENCY_PUNCTUATION, Severity.MINOR, message,
                        source_span=source_span(ctx, beads.get(j)), target_span=Span(abs_pos, abs_pos + 1),
                        suggestion=want if want != c2 else None)
        for pos, c in alone:
            if c in ")）" and re.search(r"(?:^|\s)(?:\d{1,2}|[a-zA-Z])$", text[max(0, pos - 3):pos]):
                continue  # list marker 1) a)
            if c == ")" and text[max(0, pos - 1):pos] in (":", ";"):
                continue  # smiley
            abs_pos = offset + pos
            j = _sentence_at(ctx.target, ids, abs_pos)
            bead = beads.get(j)
            if c in openers_only and _closing_position(text, pos):
                # „ where the closing mark goes (« …Vereinigten Staaten ablehnen„, heißt es »): wrong whatever
                # the source leaves open, since a quotation is never opened there.
                want = quote_pairs[c][:1]
                yield Issue("punctuation.pairs", Category.FLUENCY_PUNCTUATION, Severity.MINOR,
                            f"Opening quotation mark '{c}' closes the quotation: the closing mark is '{want}'",
                            source_span=source_span(ctx, bead), target_span=Span(abs_pos, abs_pos + 1),
                            suggestion=want)
                continue
            fam = _family(c)
            if bead is not None and bead.source:
                p = ctx.source.sentences[bead.source[0]].paragraph
                if p not in src_open_cache:
                    s_text, _ = _paragraph_text(ctx.source, src_paragraphs[p])
                    src_open_cache[p] = {_family(x) for _, x in pair_marks(s_text, src)[0]}
                if fam in src_open_cache[p]:
                    continue
            what = "Bracket" if fam == "bracket" else "Quotation mark"
            yield Issue("punctuation.pairs", Category.FLUENCY_PUNCTUATION, Severity.MINOR,
                        f"{what} '{c}' has no partner",
                        source_span=source_span(ctx, bead), target_span=Span(abs_pos, abs_pos + 1))
    if tgt in _INVERTED_LANGS and _INVERTED_RE.search(ctx.target.text):
        for j, sent in enumerate(ctx.target.sentences):
            if j in noise:
                continue
            for a, b, message in inverted_marks(sent.text):
                yield Issue("punctuation.pairs", Category.FLUENCY_PUNCTUATION, Severity.MINOR, message,
                            source_span=source_span(ctx, beads.get(j)), target_span=Span(sent.start + a, sent.start + b))


# Spanish (and Galician, Asturian) open a question with ¿ and an exclamation with ¡: « ¿Es verdad? »,
# « Si llueve, ¿vendrás? », « ¡Viva! ». A run of closing marks closes one opening mark per kind of mark in it
# (« ¡Hola!! » one, « ¡¿Qué dices?! » two); a mark inside brackets alone « (?) », « (!) » or inside a word or
# URL (« Yahoo!Mail », « a?b=1 ») is none.
_INVERTED_LANGS = frozenset({"es", "gl", "ast"})
_INVERTED_RE = re.compile(r"[¿¡]|[?!]+")


def inverted_marks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, message) of the question and exclamation marks of a Spanish sentence ``text`` that
    lack their partner: a closing ? or ! without an opening ¿ or ¡ before it, an opening one never closed."""
    open_marks: list[int] = []
    out: list[tuple[int, int, str]] = []
    for m in _INVERTED_RE.finditer(text):
        c, a, b = m.group(), m.start(), m.end()
        if c in "¿¡":
            open_marks.append(a)
            continue
        if text[a - 1:a] == "(" and text[b:b + 1] == ")":
            continue  # (?) (!): doubt or surprise about the word before
        nxt = text[b:b + 1]
        if nxt and (nxt.isalnum() or nxt in "=&/_"):
            continue  # inside a word or a URL
        if open_marks:
            for _ in range(min(len(set(c)), len(open_marks))):  # « ¡¿Qué dices?! » closes both
                open_marks.pop()
            continue
        want = "¿" if c[0] == "?" else "¡"
        out.append((a, b, f"'{c}' closes no '{want}': Spanish opens the {'question' if want == '¿' else 'exclamation'} with '{want}'"))
    for a in open_marks:
        want = "?" if text[a] == "¿" else "!"
        out.append((a, a + 1, f"'{text[a]}' is never closed: no '{want}' after it in the sentence"))
    return sorted(out)


_END_CLOSERS = " \t\u00a0\u202f\"'“”‘’„‚»«」』）)]】›‹*"
_END_CLASS = {".": "stop", "。": "stop", "．": "stop", "…": "stop", "?": "question", "？": "question",
              "!": "exclamation", "！": "exclamation", ":": "colon", "：": "colon", ";": "semicolon",
              "；": "semicolon", ",": "comma", "，": "comma",
              # Arabic, Persian and Urdu (؟ ، ؛ ۔), the Greek question mark (U+037E; Greek writes it as ";", see
              # _end_class), Devanagari's danda, Ethiopic, Burmese and Khmer full stops and question mark
              "؟": "question", "،": "comma", "؛": "semicolon", "۔": "stop", "\u037e": "question", "।": "stop",
              "॥": "stop", "።": "stop", "፧": "question", "။": "stop", "។": "stop"}
_END_NAMES = {"stop": "a full stop", "question": "a question mark", "exclamation": "an exclamation mark",
              "colon": "a colon", "semicolon": "a semicolon", "comma": "a comma", None: "no end punctuation"}


def _end_class(text: str, lang: Optional[str] = None) -> tuple[Optional[str], int]:
    """The kind of punctuation ending ``text`` (closing quotes and brackets looked through) and where; in
    Greek (``lang`` "el") a final ";" is the question mark."""
    t = text.rstrip(_END_CLOSERS)
    if not t:
        return None, 0
    if t[-1] == ";" and lang == "el":
        return "question", len(t) - 1
    return _END_CLASS.get(t[-1]), len(t) - 1


def _ends_bracketed(text: str) -> bool:
    """Whether ``text`` ends with a closing bracket (white space and quotes aside)."""
    last = text.rstrip(" \t\u00a0\u202f\"'“”‘’»«」』")[-1:]
    return bool(last) and last in ")）]】"


@register("punctuation.end", Category.FLUENCY_PUNCTUATION, version=2, order=50)
def end_punctuation(ctx: CheckContext) -> Iterator[Issue]:
    """End punctuation that differs from the source: a question or exclamation lost, or no end mark.

    Bead by bead, the mark that ends the source (closing quotes and brackets looked through, full-width
    marks and those of other scripts (؟, ۔, ।) read as their ASCII kin, the Greek ";" as a question mark,
    « … » as a full stop) is compared with the one that ends the
    translation. Reported (minor): a source question or exclamation ending otherwise, and a source
    ending with a full stop, question or exclamation mark whose translation ends with none. Not
    reported, unlike pofilter's ``endpunc``: a translation that adds a full stop to an unpunctuated
    source (a headline, a dateline), a colon or semicolon of the source ending the translation with a full
    stop (sentences restructured), « … » against "." , a full stop inside a closing bracket that ends the
    source where the translation ends with the bracket and no stop (« （涉及：查询隔离酒店问题。） » → "(involving:
    quarantine hotels)": the stop inside a bracket is Chinese usage).

    False positives: a rhetorical question the translator turned into a statement; a headline the
    source punctuates and the newsroom's style does not.
    """
    noise = noise_targets(ctx)
    src_lang, tgt_lang = base_lang(ctx.source.lang), base_lang(ctx.target.lang)
    for _, bead, src, tgt in bead_sides(ctx):
        if any(j in noise for j in bead.target) or not src.text or not tgt.text:
            continue
        s_kind, _ = _end_class(src.text, src_lang)
        t_kind, t_pos = _end_class(tgt.text, tgt_lang)
        if s_kind == t_kind or s_kind not in ("stop", "question", "exclamation"):
            continue
        if s_kind == "stop" and t_kind is not None:
            continue
        if s_kind == "stop" and _ends_bracketed(src.text) and _ends_bracketed(tgt.text):
            continue  # « （涉及：查询隔离酒店问题。） » → "(involving: quarantine hotels)": no stop inside a bracket
        if t_kind is None:
            word = re.search(r"\S+$", tgt.text.rstrip(_END_CLOSERS))
            start = word.start() if word else max(0, t_pos)
            span = tgt.span(start, t_pos + 1)
        else:
            span = tgt.span(t_pos, t_pos + 1)
        yield Issue("punctuation.end", Category.FLUENCY_PUNCTUATION, Severity.MINOR,
                    f"The source ends with {_END_NAMES[s_kind]}, the translation with {_END_NAMES[t_kind]}",
                    source_span=src.whole(), target_span=span)


_FR_NEEDS_SPACE_BEFORE_RE = re.compile(r"(?<=[^\s\u00a0\u202f\u2009(«\[?!:;.…])[;:!?»]|(?<=\d)%")
_FR_NEEDS_SPACE_AFTER_RE = re.compile(r"«(?=[^\s\u00a0\u202f\u2009])")


@register("punctuation.french_spacing", Category.FLUENCY_PUNCTUATION, version=3, order=50)
def french_spacing(ctx: CheckContext) -> Iterator[Issue]:
    """French spacing: no space before « ; : ! ? » », before a percent sign (« 7,5% »), or after « « ».

    French puts a (narrow) no-break space before the two-part marks ; : ! ?, the closing guillemet and the
    percent sign after a figure (« 7,5 % », the Imprimerie nationale's and the OQLF's rule), and after the
    opening guillemet. Each mark glued to the preceding (or, for «, following) word or figure is minor.
    Skipped: times and ratios (« 12:30 », « 3:1 »), URLs, « ?! » and « !? » pairs.

    Regional usage is followed when the target language given (``--tgt-lang``) says the region:
    Canadian French (``fr-CA``, the Office québécois de la langue française) writes ; ! ? without a
    space, and Swiss French (``fr-CH``) ; : ! ?; the guillemets and the percent sign keep their spaces in both.

    False positives: Swiss or Canadian French declared as plain ``fr``; a quoted English phrase with its
    own punctuation.
    """
    if base_lang(ctx.target.lang) != "fr":
        return
    region = (ctx.config.tgt_lang or "").replace("_", "-").split("-")[1:2]  # as the user gave it: fr-CA
    glued_ok = {"CA": ";!?", "CH": ";:!?"}.get(region[0].upper() if region else "", "")
    noise = noise_targets(ctx)
    for j, sent in enumerate(ctx.target.sentences):
        if j in noise:
            continue
        text = sent.text
        if not any(c in text for c in ";:!?«»%"):
            continue
        urls = url_spans(text)
        for rx, side in ((_FR_NEEDS_SPACE_BEFORE_RE, "before"), (_FR_NEEDS_SPACE_AFTER_RE, "after")):
            for m in rx.finditer(text):
                p = m.start()
                if any(a <= p < b for a, b in urls):
                    continue
                if m.group() == ":" and p > 0 and text[p - 1].isdigit() and text[p + 1:p + 2].isdigit():
                    continue
                mark = m.group()
                if side == "before" and mark in glued_ok:
                    continue
                start = p - 1 if side == "before" else p
                yield Issue("punctuation.french_spacing", Category.FLUENCY_PUNCTUATION, Severity.MINOR,
                            f"French writes a space {side} '{mark}'",
                            target_span=Span(sent.start + start, sent.start + start + 2),
                            suggestion=(text[start] + "\u202f" + mark) if side == "before" else mark + "\u202f" + text[p + 1])


_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def _may_double_space(doc: Document) -> bool:
    """False only when no bead side of ``doc`` has two neighbouring spaces (``_two_spaces``). A side is its
    sentences joined by one space: two neighbouring spaces of a side are in one of its sentences or at a
    joint, where a sentence starts or ends with a space (or is empty). A document none of whose sentences
    has either (most) has none anywhere (its sentences joined by NUL, which no space is)."""
    if _two_spaces(document_joined(doc)[0]):
        return True
    return any(not s.text or s.text[0] in " \u00a0" or s.text[-1] in " \u00a0" for s in doc.sentences)


def _two_spaces(text: str) -> bool:
    """False only when ``_DOUBLE_SPACE_RE`` cannot match: no two of its spaces are neighbours."""
    return "  " in text or "\u00a0" in text and ("\u00a0 " in text or " \u00a0" in text or "\u00a0\u00a0" in text)


@register("punctuation.double_space", Category.FLUENCY_PUNCTUATION, version=1, order=50)
def double_space(ctx: CheckContext) -> Iterator[Issue]:
    """Doubled space inside a sentence of the translation that the source does not have.

    Two or more spaces between two words of a target sentence are minor, unless the aligned source has
    at least as many doubled spaces (a layout the translation keeps, as pofilter's ``doublespacing``
    allows). False positives: texts laid out with two spaces after a full stop on purpose.
    """
    if not _may_double_space(ctx.target):
        return
    noise = noise_targets(ctx)
    for _, bead, src, tgt in bead_sides(ctx):
        if any(j in noise for j in bead.target):
            continue
        found = list(_DOUBLE_SPACE_RE.finditer(tgt.text)) if _two_spaces(tgt.text) else ()
        if not found or len(_DOUBLE_SPACE_RE.findall(src.text)) >= len(found):
            continue
        for m in found:
            yield Issue("punctuation.double_space", Category.FLUENCY_PUNCTUATION, Severity.MINOR,
                        "Doubled space", source_span=src.whole(), target_span=tgt.span(m.start(), m.end()),
                        suggestion=" ")


# punctuation.inner_space: a quotation or a bracket with a space just inside both of its marks (" greenhouse
# effect ", ( text )): the spaces a tokeniser puts around every mark, left by a machine translation. Each
# pattern's group 1 is the text inside, without the spaces.
_INNER = "[ \u00a0]+([^{marks}\\s](?:[^{marks}\\n\\x00]{{0,298}}[^{marks}\\s])?)[ \u00a0]+"
# A quote opens after a space, a bracket or the start (not the inch mark of 5", not a German „ misused as a
# closing mark: “Kann ich?„ und …), and closes before no letter.
_OPENS = '(?<![^\\s(\\[{{\\x00]{mark})'
_CLOSES = "(?![^\\W\\d_])"
_INNER_SPACE_RES = (
    ("\"", re.compile('"' + _OPENS.format(mark='"') + _INNER.format(marks='"') + '"' + _CLOSES)),
    ("“", re.compile("“" + _OPENS.format(mark="“") + _INNER.format(marks="“”") + "”" + _CLOSES)),
    ("„", re.compile("„" + _OPENS.format(mark="„") + _INNER.format(marks="„“") + "“" + _CLOSES)),
    ("(", re.compile("\\(" + _INNER.format(marks="()") + "\\)" + _CLOSES)),
    ("[", re.compile("\\[" + _INNER.format(marks="\\[\\]") + "\\]" + _CLOSES)),
)
# French puts a space inside « » and, where straight quotes stand for them, inside " " too.
_SPACED_QUOTE_LANGS = frozenset({"fr"})


def _inner_patterns(lang: str) -> list[re.Pattern]:
    """The patterns of ``_INNER_SPACE_RES`` read in ``lang`` (straight quotes are left alone in French).
    Each begins with its mark, a literal ``re`` looks for fast: searching a text with them costs less than
    asking first whether the text holds a mark followed by a space."""
    return [rx for opening, rx in _INNER_SPACE_RES if not (opening == '"' and lang in _SPACED_QUOTE_LANGS)]


def _inner_spaces(text: str, lang: str) -> list[re.Match]:
    """The pairs of ``text`` spaced just inside both marks, in order."""
    found: list[re.Match] = []
    for rx in _inner_patterns(lang):
        found += rx.finditer(text)
    return sorted(found, key=lambda m: m.start())


@register("punctuation.inner_space", Category.FLUENCY_PUNCTUATION, version=1, order=50)
def inner_space(ctx: CheckContext) -> Iterator[Issue]:
    """Quotation or brackets with a space just inside both marks: " greenhouse effect ", ( text ).

    The spaces a tokeniser puts around every mark, which a machine translation leaves in its output
    (WMT 2021 zh-en: 402 quotations so written in the MT outputs of two systems, none in the human
    references). Straight quotes "…", English “…”, German „…“, round and square brackets, each spaced
    inside both of its marks, in a target sentence whose aligned source has no pair so spaced: minor,
    on the whole pair, with the pair unspaced as suggestion. French straight quotes are left alone
    (French spaces the inside of « », and of the straight quotes that stand for them); a quotation spaced
    on one side only is not reported (straight quotes do not say which side opens).

    False positives: a layout that spaces the inside of brackets on purpose (a table, a formula).
    """
    lang = base_lang(ctx.target.lang)
    # The sentences holding a pair, found in one pass per pattern over the document (the patterns read NUL,
    # which joins the sentences, as the start or end of a text): a bead of one sentence not among them holds
    # none; a bead of several is read whole (a pair may span its sentences).
    hits = sentences_matching(ctx.target, _inner_patterns(lang))
    if not hits and all(len(bead.target) <= 1 for bead in ctx.alignment):
        return
    noise = noise_targets(ctx)
    src_lang = base_lang(ctx.source.lang)
    for _, bead, src, tgt in bead_sides(ctx):
        if len(bead.target) == 1 and bead.target[0] not in hits or any(j in noise for j in bead.target):
            continue
        found = _inner_spaces(tgt.text, lang)
        if not found or _inner_spaces(src.text, src_lang):
            continue
        for m in found:
            pair = m.group()
            yield Issue("punctuation.inner_space", Category.FLUENCY_PUNCTUATION, Severity.MINOR,
                        f"Space inside the marks of {pair[0]}…{pair[-1]}", source_span=src.whole(),
                        target_span=tgt.span(m.start(), m.end()), suggestion=pair[0] + m.group(1) + pair[-1])


# punctuation.spaced_hyphen: a hyphen with a space on each side between two lower-case words of an English
# translation ("a multi - story building", "a two - year - old child"), the source holding no dash at all.
_SPACED_HYPHEN_RE = re.compile(r" - (?<=[^\W\d_] - )([^\W\d_]+)(?![\w]|\.\w)")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)$")
_DASHES = re.compile("[-\u2010-\u2015\u2212\uff0d\u2e3a\u2e3b]")
# English writes a compound without spaces and a dash as a dash (—, or – with spaces): a spaced hyphen is
# neither; languages that type a spaced hyphen for their spaced dash (German, French, Spanish…) are left alone.
_SPACED_HYPHEN_LANGS = frozenset({"en"})


def _spaced_hyphens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, compound) of each spaced hyphen of ``text`` between two lower-case words (a chain of them,
    "two - year - old", is one): the words and the hyphens, and the words joined by hyphens alone."""
    out: list[tuple[int, int, str]] = []
    for m in _SPACED_HYPHEN_RE.finditer(text):
        before = _WORD_BEFORE_RE.search(text, 0, m.start())
        if before is None or not before.group(1).islower() or not m.group(1).islower():
            continue
        if before.start() and (text[before.start() - 1].isalnum() or text[before.start() - 1] in "-_"):
            continue
        if out and out[-1][1] == before.end():  # "two - year - old": one compound of three words
            start, _, compound = out.pop()
            out.append((start, m.end(), f"{compound}-{m.group(1)}"))
        else:
            out.append((before.start(), m.end(), f"{before.group(1)}-{m.group(1)}"))
    return out


@register("punctuation.spaced_hyphen", Category.FLUENCY_PUNCTUATION, version=1, order=50)
def spaced_hyphen(ctx: CheckContext) -> Iterator[Issue]:
    """Hyphen with spaces around it between two lower-case words of an English translation.

    "a multi - story building", "a two - year - old child", "coal - fired plants": the spaces a tokeniser
    puts around a hyphen, left by a machine translation (WMT 2021 zh-en: 158 in the MT output of one
    system, none in the human references). English writes a compound without the spaces (suggested:
    "multi-story") and a dash as a dash (— or a spaced –). Minor; only in a target sentence whose aligned
    source holds no dash or hyphen at all (a source's own spaced hyphens are its layout), between two words
    in lower case (a headline's "… - China News" is a credit line), not before a domain ("- chinanews.com").

    False positives: an English writer's spaced hyphen used as a dash between two lower-case words ("the
    plan - which failed - was dropped"), which English typography writes as a dash, where the suggestion
    (a compound) is then wrong.
    """
    if base_lang(ctx.target.lang) not in _SPACED_HYPHEN_LANGS:
        return
    joined, _ = document_joined(ctx.target)
    if " - " not in joined:
        return
    noise = noise_targets(ctx)
    for _, bead, src, tgt in bead_sides(ctx):
        if any(j in noise for j in bead.target) or not any(
                " - " in ctx.target.sentences[j].text for j in bead.target if 0 <= j < len(ctx.target.sentences)):
            continue
        if _DASHES.search(src.text):
            continue
        for start, end, compound in _spaced_hyphens(tgt.text):
            yield Issue("punctuation.spaced_hyphen", Category.FLUENCY_PUNCTUATION, Severity.MINOR,
                        f"Spaced hyphen in '{tgt.text[start:end]}': a compound is written '{compound}', a dash as —",
                        source_span=src.whole(), target_span=tgt.span(start, end), suggestion=compound)


# punctuation.missing_space: a sentence's full stop glued to the next sentence ("in der Stadt.Nachdem Präsident
# Trump…"). Written to begin with the stop (a literal ``re`` looks for fast), then the letters around it.
_GLUED_STOP_RE = re.compile(r"\.(?<=[^\W\d_]{2}\.)([^\W\d_]{2,})(?![\w.@/])")


def _glued_stops(text: str) -> list[tuple[int, int]]:
    """(start, end) of each "word.Word" of ``text`` where a word ending in two lower-case letters, not an
    abbreviation (« Prof.Dr », "St.Paul"), is followed by a full stop and a capitalised word with no space:
    the two words and the stop. Not inside a URL, a domain or an e-mail address, nor after a dot or a
    character of one ("www.example.Com", "a.b.Cde")."""
    out: list[tuple[int, int]] = []
    urls: Optional[list[tuple[int, int]]] = None
    for m in _GLUED_STOP_RE.finditer(text):
        after = m.group(1)
        if not (after[0].isupper() and after[1:].islower()):
            continue
        # (in a window: the document's text is long; a word cut by the window has a letter before it, skipped)
        before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        if before is None or not before.group(1)[-2:].islower() or len(before.group(1)) < 3:
            continue
        a = before.start()
        if a and (text[a - 1].isalnum() or text[a - 1] in "./@-_'’"):
            continue
        if is_abbreviation_stop(text[a:m.start() + 1]):
            continue
        if urls is None:
            urls = url_spans(text)
        if any(u < m.end(1) and a < v for u, v in urls):
            continue
        out.append((a, m.end(1)))
    return out


# A credit glued to a headline's last word by a hyphen ("…learn from experience-chinanews.com", from 经验-中新网):
# a bare domain that ends its line right after a word and a hyphen (led by the hyphen, a literal ``re`` skips
# to; the domain's first label holds no hyphen, so that "anti-epidemic-chinanews.com" gives the last one).
_GLUED_CREDIT_RE = re.compile(
    rf"-(?<=[^\W\d_]{{2}}-)[A-Za-z0-9][a-z0-9]*(?:\.[a-z0-9-]+)*\.{TLD}(?=[ \t]*$)", re.MULTILINE)
# The same with an outlet's name for credit ("…rainfall mode-Xinhuanet", "…in Liaoning-Economic Observer
# Network"): the line's last dash, glued between a word and a capitalised word, with no dash after it; a
# credit only where the aligned source ends with one, set off by a dash (``_SOURCE_CREDIT_RE``: 降雨模式-新华网,
# "… - Reuters").
_CREDIT_WORD = r"[A-Z0-9][^\W_]*(?:['’]s)?(?:\.[^\W_]+)*"  # capitalised: "Xinhuanet", "English.news.cn", "Today's"
_GLUED_NAME_CREDIT_RE = re.compile(
    rf"-(?<=[^\W\d_]{{2}}-){_CREDIT_WORD}(?: {_CREDIT_WORD}){{0,4}}\.?(?=[ \t]*$)", re.MULTILINE)
# A source's credit: a Chinese name after a dash (降雨模式-新华网), group "han", which the translation renders
# (新华网 → Xinhuanet); or one to four words after a spaced dash, group "name", which it keeps (Reuters).
_SOURCE_CREDIT_RE = re.compile(
    r"(?:(?<=[^\s\-–—])[-–—]\s*(?=[\u3400-\u4dbf\u4e00-\u9fff])|\s[-–—]\s*)"
    r"(?:(?P<han>[\u3400-\u4dbf\u4e00-\u9fff]{2,10})|(?<=\s)(?P<name>[^\W_]+(?:[ .][^\W_]+){0,3}))\.?\s*$")
# Languages that capitalise every noun: the last part of a compound ("Corona-Maßnahmen") looks like a credit.
_NOUN_CAPITAL_LANGS = frozenset({"de", "lb"})


def _glued_credits(text: str, rx: re.Pattern = _GLUED_CREDIT_RE) -> list[tuple[int, int]]:
    """(start, end) of each "word-domain" of ``text`` where the domain ends its line (``_GLUED_CREDIT_RE``; or
    ``rx``): the word, the hyphen and the credit (without a full stop after it)."""
    out: list[tuple[int, int]] = []
    for m in rx.finditer(text):
        before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        if before is not None:
            out.append((before.start(), m.end() - m.group().endswith(".")))
    return out


@register("punctuation.missing_space", Category.FLUENCY_PUNCTUATION, version=3, order=50)
def missing_space(ctx: CheckContext) -> Iterator[Issue]:
    """No space after the full stop that ends a sentence ("in der Stadt.Nachdem Präsident Trump…") or around the
    dash before a credit ("experience-chinanews.com").

    A word ending in two lower-case letters, a full stop and a capitalised word, with no space between them:
    two sentences run together (WMT 2021 en-de: 21 in the MT output, mostly of one system, 19 on spans the
    MQM raters marked; none in the four human references). Minor, on the two words; the suggestion puts the space back. Not reported: an
    abbreviation before the stop (« Prof.Dr », "St.Paul", "etc.The"), a dot inside a URL, a domain (one of
    ``mtcheck.domains``, written in lower case or in capitals: "Stadt.Es" is no domain) or an e-mail address,
    words written in capitals or in camel case after the stop ("node.JS", "iOS"), the same two words in the
    aligned source in any case (its domain "spiegel.de" as „Spiegel.De“), and a bead whose source runs its
    sentences together the same way (the glitch is the source's).

    Also a credit glued to a headline by a hyphen, suggested with a spaced dash: a domain ending its line right
    after a word and a hyphen ("…learn from experience-chinanews.com" from 经验-中新网), or, where the aligned
    source ends with a credit set off by a dash (降雨模式-新华网, "… - Reuters"), the line's last dash glued
    between a word and one to five capitalised words ("…the rain mode-Xinhuanet", "…in Liaoning-Economic
    Observer Network"); a credit of words in the source must be the same words in the translation
    ("…am Montag-Reuters"), one in Chinese characters is not looked for in German, whose compounds end in a
    capitalised noun („…die Corona-Maßnahmen“). Not in Chinese, Japanese, Korean or Thai, which write no
    spaces, nor where the source has the same "word-credit". WMT 2021 zh-en: 140 in the MT output, 104 on spans
    the raters marked; 7 in the two human references (one of them glues its credits as its source does).
    False positives: a title-case headline ending in a compound ("China-US Trade Talks") whose Chinese source
    ends with a credit the translation dropped.

    False positives: a product or file name of a lower-case word, a dot and a capitalised word ("Bundesliga.Tv");
    a programming identifier ("window.Location").
    """
    text = ctx.target.text
    lang = base_lang(ctx.target.lang)
    # In the document's text: a splitter may have cut "Stadt.|Nachdem" in two.
    glued = [(a, b, "stop") for a, b in _glued_stops(text)]
    if "-" in text and lang not in UNSPACED_LANGS:
        domains = _glued_credits(text)
        glued += [(a, b, "domain") for a, b in domains]
        glued += [(a, b, "name") for a, b in _glued_credits(text, _GLUED_NAME_CREDIT_RE) if (a, b) not in domains]
    if not glued:
        return
    noise = noise_targets(ctx)
    for a, b, kind in glued:
        place = target_source(ctx, a, noise)
        if place is None:
            continue
        src_span, src_text = place
        words = text[a:b]
        if words.casefold() in src_text.casefold() or kind == "stop" and src_text and _glued_stops(src_text):
            continue  # the source writes it so (a domain; its sentences run together the same way)
        if kind == "name":  # an outlet's name is a credit where the source ends with one
            found = _SOURCE_CREDIT_RE.search(src_text)
            name = words.partition("-")[2].rstrip(".").casefold()
            if found is None or (found.group("han") is not None and lang in _NOUN_CAPITAL_LANGS
                                 or found.group("name") is not None and name not in found.group("name").casefold()):
                continue  # no credit in the source; a German compound's last part; not the source's credit words
        if kind == "stop":
            message = f"No space after the full stop in '{words}': two sentences run together"
            suggestion = words.replace(".", ". ")
        else:
            word, _, credit = words.partition("-")
            message = f"No space around the dash before the credit '{credit}' in '{words}'"
            suggestion = f"{word} - {credit}"
        yield Issue("punctuation.missing_space", Category.FLUENCY_PUNCTUATION, Severity.MINOR, message,
                    source_span=src_span, target_span=Span(a, b), suggestion=suggestion)


_QUOTE_STYLE = {
    # target language: (regex of a foreign quotation, what the locale writes)
    "fr": (re.compile(r"“[^“”«»\n]{1,300}”"), "« … »"),
    "de": (re.compile(r"“[^“”„\n]{1,300}”"), "„…“"),
    "en": (re.compile(r"«[^«»\n]{1,300}»"), "“…”"),
}


@register("punctuation.quote_style", Category.LOCALE_FORMAT, version=1, order=50)
def quote_style(ctx: CheckContext) -> Iterator[Issue]:
    """Quotation marks of another locale: English “…” in French or German, « » in English.

    Minor ``locale/format``, on the opening mark. Straight quotes "…" are the typewriter fallback of
    every language (and of markup and code) and are left alone. False positives: a house style that
    prefers English quotes (some Swiss and online German media write “…”); quotes inside a quoted English
    title.
    """
    rule = _QUOTE_STYLE.get(base_lang(ctx.target.lang))
    if rule is None:
        return
    rx, wanted = rule
    joined, _ = document_joined(ctx.target)
    if "“" not in joined and "«" not in joined:
        return  # no sentence holds an opening mark
    noise = noise_targets(ctx)
    for j, sent in enumerate(ctx.target.sentences):
        if j in noise or not any(c in sent.text for c in "“«"):
            continue
        for m in rx.finditer(sent.text):
            yield Issue("punctuation.quote_style", Category.LOCALE_FORMAT, Severity.MINOR,
                        f"Quotation marks {m.group()[0]}…{m.group()[-1]} are not this locale's; it writes {wanted}",
                        target_span=Span(sent.start + m.start(), sent.start + m.start() + 1))
