"""Noise checks: navigation, menu and markup debris that is not part of the article.

Runs first (order 10) and records the target sentences it judges to be debris in
``ctx.notes["noise_target_sentences"]`` so that later checks (untranslated, casing, punctuation, and the
addition check) skip them instead of reporting the same line again.
"""
from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Iterator, Optional, Sequence

import numpy as np

from ..langid import script_of
from ..types import Bead, Category, Issue, Severity, Span
from .data import (
    CONSENT_WORDS,
    COOKIE_WORDS,
    LANGUAGE_NAMES,
    LETTER_BEYOND_LATIN1_RE,
    MARKUP_RE,
    NAV_LABELS,
    NAV_PREFIXES,
    NOISE_NOTE,
    PROMO_RE,
    bead_of_target,
    document_joined,
    joined_sentences,
    literal_trie,
    noise_targets,
    target_source,
)
from .registry import CheckContext, register

CHECK_ID = "noise.debris"

_LANG_NAMES = sorted(set(LANGUAGE_NAMES), key=len, reverse=True)  # longest first: the longest name wins
_LANG_NAME_RE = re.compile("|".join(re.escape(n) for n in _LANG_NAMES), re.IGNORECASE)
# Separators of navigation items: "Home | World | Sport", "rapport/commentaires", breadcrumbs "Home > Asia".
_ANY_SEP_RE = re.compile(r"\s*[|/·•»›>]\s*|\s+[-–—]\s+")
_MENU_SEP_RE = re.compile(r"[|·•»›>]")
_SENTENCE_PUNCT_RE = re.compile(r"[.!?;,]\s")


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


@lru_cache(maxsize=1)
def _name_folding() -> Optional[tuple[dict[int, str], re.Pattern]]:
    """``_LANG_NAME_RE`` made case-sensitive, once per process: a translation table mapping every
    character the case-insensitive pattern takes for a letter of a language name to one representative
    of its class (the classes are read from ``re`` itself: each character matching the same letters),
    and the pattern of the folded names (a trie: the same matches as their longest-first alternation). Folded, a text holds a folded name at a
    position exactly when ``_LANG_NAME_RE`` matches that name there, and a case-sensitive alternation
    of literals is scanned several times faster."""
    letters = sorted({ch for name in LANGUAGE_NAMES for ch in name})
    every = (array("I", range(0xD800)).tobytes() + array("I", range(0xE000, 0x110000)).tobytes()).decode(
        "utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    members = re.findall("[" + "".join(re.escape(ch) for ch in letters) + "]", every, re.IGNORECASE)
    singles = {ch: re.compile(re.escape(ch), re.IGNORECASE) for ch in letters}
    classes: dict[frozenset[str], list[str]] = {}
    for ch in members:
        classes.setdefault(frozenset(a for a in letters if singles[a].fullmatch(ch)), []).append(ch)
    if not all(a in cls for key, cls in classes.items() for a in key):
        return None  # not classes of one another (never so far): the case-insensitive pattern is used
    table = {ord(ch): min(cls) for cls in classes.values() for ch in cls}
    return table, re.compile(literal_trie(n.translate(table) for n in _LANG_NAMES))


def _name_matches(text: str) -> list[tuple[int, int]]:
    """The spans ``_LANG_NAME_RE.finditer(text)`` gives, found in the folded text (same offsets)."""
    folding = _name_folding()
    if folding is None:
        return [m.span() for m in _LANG_NAME_RE.finditer(text)]
    table, pattern = folding
    return [m.span() for m in pattern.finditer(text.translate(table))]


@lru_cache(maxsize=1)
def _name_presence() -> Optional[tuple[re.Pattern, tuple[tuple[str, str], ...]]]:
    """What tells cheaply which language names a text may hold: (the characters that make the test
    unsure, (name, its lower case) for each name of ``_LANG_NAMES``, in order).

    Where ``_LANG_NAME_RE`` matches a name, each character of the text matches the name's letter there
    case-insensitively, so it is of the letter's class in ``_name_folding``; when every member of that
    class that is a letter of a name has the one-character lower case of the text's character, the
    text's lower case holds the name's lower case (``str.lower`` maps character by character, but for a
    final Σ). A text without the other characters (nor Σ) that lacks a name's lower case cannot match
    that name."""
    folding = _name_folding()
    if folding is None:
        return None
    table, _ = folding
    classes: dict[str, list[str]] = {}
    for code, rep in table.items():
        classes.setdefault(rep, []).append(chr(code))
    letters = {ch for name in _LANG_NAMES for ch in name}
    unsure = {"\u03a3"}
    for members in classes.values():
        lowers = {ch.lower() for ch in members if ch in letters}  # the names' letters of the class
        if len(lowers) > 1:
            unsure.update(members)
        unsure.update(ch for ch in members if ch.lower() not in lowers or len(ch.lower()) != 1)
    # A name whose lower case is not its letters' one by one is looked for in every text ("" is in all).
    return (re.compile("[" + "".join(re.escape(ch) for ch in sorted(unsure)) + "]"),
            tuple((name, name.lower() if "".join(ch.lower() for ch in name) == name.lower()
                   and not unsure.intersection(name) else "") for name in _LANG_NAMES))


@lru_cache(maxsize=1)
def _latin1_names() -> frozenset[str]:
    """The names whose lower case has no letter beyond Latin-1: the only ones a lower-cased text without
    such a letter can hold (the others need one of theirs)."""
    presence = _name_presence()
    return frozenset(name for name, lowered in presence[1] if not LETTER_BEYOND_LATIN1_RE.search(lowered)) \
        if presence else frozenset()


def _triples(data: np.ndarray) -> np.ndarray:
    """Each run of three neighbouring bytes of ``data`` (uint8) as a number below 2**14: the three bytes
    read as one number, multiplied modulo 2**32 and cut (two runs may share a number; one run always has
    the same)."""
    wide = data.astype(np.uint32)
    code = (wide[:-2] << 16) | (wide[1:-1] << 8) | wide[2:]
    return (code * np.uint32(0x9E3779B1)) >> 18  # uint32 arithmetic wraps modulo 2**32


@lru_cache(maxsize=1)
def _latin1_name_triples() -> tuple[tuple[tuple[str, str], ...], np.ndarray, np.ndarray]:
    """The (name, lower case) of ``_name_presence`` whose name is in ``_latin1_names``, in order; the runs of
    three bytes (``_triples``) of their lower cases in Latin-1, name after name, and where each name's
    runs begin (a name shorter than three characters, or looked for in every text (""), has the run
    2**14, which every text passes: it is confirmed by ``in`` like the others)."""
    latin1 = _latin1_names()
    names = tuple((name, lowered) for name, lowered in _name_presence()[1] if name in latin1)  # type: ignore[index]
    runs: list[int] = []
    begins: list[int] = []
    for _, lowered in names:
        data = np.frombuffer(lowered.encode("latin-1"), np.uint8)
        begins.append(len(runs))
        runs.extend(_triples(data).tolist() if len(data) >= 3 else [1 << 14])
    return names, np.array(runs, np.int64), np.array(begins, np.int64)


def _latin1_names_in(low: str) -> tuple[str, ...]:
    """The names of ``_latin1_names`` whose lower case is in ``low`` (a lower-cased text without a letter
    beyond Latin-1), in the order of ``_name_presence``. A name is looked for with ``in`` only when every
    run of three characters of its lower case is in the text (``_triples`` of its Latin-1 bytes, every
    other character a ``?``, which no name holds): the others cannot be there."""
    names, runs, begins = _latin1_name_triples()
    seen = np.zeros((1 << 14) + 1, bool)
    seen[1 << 14] = True
    data = np.frombuffer(low.encode("latin-1", "replace"), np.uint8)
    if len(data) >= 3:
        seen[_triples(data)] = True
    possible = np.flatnonzero(np.logical_and.reduceat(seen[runs], begins)).tolist()
    return tuple(names[k][0] for k in possible if names[k][1] in low)


@lru_cache(maxsize=256)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern:
    """The folded trie of ``_name_folding`` for some of the names: at every position the same match as the
    whole trie in a text that holds none of the other names."""
    table, _ = _name_folding()  # type: ignore[misc]
    return re.compile(literal_trie(n.translate(table) for n in names))


def _name_matches_by_sentence(texts: list[str], joined: Optional[tuple[str, list[int]]] = None
                              ) -> Optional[list[list[tuple[int, int]]]]:
    """``_name_matches`` of each text, found in one pass over the texts joined by NUL (no name holds it,
    so no match crosses one and each text is read as on its own), with the trie of the names the
    document may hold (``_name_presence``): none in most documents. None when the test is unsure.
    ``joined``: ``joined_sentences(texts)`` when known."""
    presence = _name_presence()
    if presence is None:
        return None
    unsure, names = presence
    joined, starts = joined if joined is not None else joined_sentences(texts)
    if not joined.isascii() and unsure.search(joined):  # (none of them is ASCII)
        return None
    low = joined.lower()
    if low.isascii() or not LETTER_BEYOND_LATIN1_RE.search(low):  # most documents: only the Latin-1 names
        present = _latin1_names_in(low)
    else:
        present = tuple(name for name, lowered in names if lowered in low)
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    if not present:
        return out
    table, _ = _name_folding()  # type: ignore[misc]
    for m in _names_pattern(present).finditer(joined.translate(table)):
        k = bisect_right(starts, m.start()) - 1
        out[k].append((m.start() - starts[k], m.end() - starts[k]))
    return out


def _is_language_menu(text: str, unaligned: bool, spans: Optional[list[tuple[int, int]]] = None) -> bool:
    """Several language names making up most of the line, glued or as a menu (the seed's
    « 한어Русский языкEnglishFrançais… »). In an aligned sentence the names must also be glued
    together without spaces or span several scripts, so prose listing languages never counts.
    ``spans``: ``_name_matches(text)`` when known."""
    if spans is None:
        spans = _name_matches(text)
    if len(spans) < 3:
        return False
    found = [text[a:b] for a, b in spans]
    names = {name.casefold() for name in found}
    if len(names) < 3:
        return False
    letters = _letters(text)
    covered = sum(_letters(name) for name in found)
    if not letters or covered / letters < 0.7:
        return False
    if unaligned:
        return True
    glued = sum(1 for a, b in zip(spans, spans[1:]) if a[1] == b[0])
    scripts = {script_of(ch) for name in found for ch in name if ch.isalpha()}
    return glued >= 2 or len(scripts) >= 3


# Scripts one writing system mixes inside a word: Japanese writes kanji and kana together (今年3回目の利上げ),
# Korean may write Hangul with Hanja. A change between them glues nothing.
_SCRIPT_FAMILY = {"Hiragana": "Han", "Katakana": "Han", "Hangul": "Han", "Bopomofo": "Han"}


def _glue_transitions(token: str) -> int:
    """Places inside one token where a new word was glued on: a lower-case letter followed by a
    capital (HomeWorld) or a change of script (한어Русский; not between kanji and kana)."""
    count = 0
    prev: Optional[str] = None
    for ch in token:
        if not ch.isalpha():
            prev = None
            continue
        if prev is not None:
            if prev.islower() and ch.isupper():
                count += 1
            elif _family(prev) != _family(ch):
                count += 1
        prev = ch
    return count


def _family(ch: str) -> Optional[str]:
    script = script_of(ch)
    return _SCRIPT_FAMILY.get(script, script) if script else script


def _is_glued_menu(text: str) -> bool:
    tokens = text.split()
    letters = _letters(text)
    if not tokens or not letters:
        return False
    glued = [t for t in tokens if _glue_transitions(t) >= 2]
    total = sum(_glue_transitions(t) for t in glued)
    return total >= 3 and sum(_letters(t) for t in glued) / letters >= 0.6


def _nav_kind(text: str) -> Optional[str]:
    """'label', 'menu', 'link', 'cookie' or 'promo' for an unaligned line that looks like site navigation."""
    line = text.strip().replace("’", "'").lower()
    if COOKIE_WORDS.search(line) and CONSENT_WORDS.search(line):
        return "cookie"
    if len(line) <= 200 and PROMO_RE.search(line):
        return "promo"
    core = line.strip(" .:!…|›»>•·-–—")
    if not core:
        return None
    pieces = [p.strip(" .:!…") for p in _ANY_SEP_RE.split(core)]
    pieces = [p for p in pieces if p]
    if pieces and all(p in NAV_LABELS for p in pieces):
        return "label"
    if (
        len(pieces) >= 3
        and _MENU_SEP_RE.search(core)
        and all(len(p.split()) <= 3 for p in pieces)
        and not _SENTENCE_PUNCT_RE.search(core)
    ):
        return "menu"
    for prefix in NAV_PREFIXES:
        if core.startswith(prefix):
            rest = core[len(prefix) :].lstrip()
            if rest.startswith(":") or rest.startswith(">") or rest.startswith("»"):
                return "link"
    return None


_KIND_MESSAGES = {
    "language-menu": ("Language menu left in the translation (website debris, not part of the article)", Severity.MAJOR),
    "glued-menu": ("Navigation menu with words glued together (website debris, not part of the article)", Severity.MAJOR),
    "cookie": ("Cookie banner left in the translation (website debris, not part of the article)", Severity.MAJOR),
    "label": ("Navigation label with no source counterpart (website debris)", Severity.MINOR),
    "menu": ("Navigation menu with no source counterpart (website debris)", Severity.MINOR),
    "link": ("Link to another article with no source counterpart (website debris)", Severity.MINOR),
    "promo": ("Call to subscribe, follow or share left in the translation (website debris, not part of the article)",
              Severity.MAJOR),
}


def _markup_runs(text: str) -> Iterator[tuple[int, int]]:
    """Contiguous runs of tags and entities (white space between two of them joins them)."""
    if "<" not in text and "&" not in text:
        return  # every tag opens with "<", every entity with "&"
    run: Optional[list[int]] = None
    for m in MARKUP_RE.finditer(text):
        if run is not None and not text[run[1] : m.start()].strip():
            run[1] = m.end()
            continue
        if run is not None:
            yield run[0], run[1]
        run = [m.start(), m.end()]
    if run is not None:
        yield run[0], run[1]


def _line_of(ctx: CheckContext, j: int) -> range:
    """The target sentences on the line of sentence ``j`` (consecutive)."""
    sents = ctx.target.sentences
    line = sents[j].line
    lo = hi = j
    while lo > 0 and sents[lo - 1].line == line:
        lo -= 1
    while hi + 1 < len(sents) and sents[hi + 1].line == line:
        hi += 1
    return range(lo, hi + 1)


def _loosely_aligned(ctx: CheckContext, j: int, bead: Bead) -> bool:
    """A line at the edges of beads with more target than source sentences: the aligner may have attached
    a debris line (« rapport/commentaires ») to its neighbour's bead, or a line of two sentences (a cookie
    banner) one to each neighbour. Each sentence of the line is at an edge of its bead (or in none), and
    each such bead translates its source with sentences off the line too."""
    if len(bead.target) <= len(bead.source) or j not in (min(bead.target), max(bead.target)):
        return False
    line = _line_of(ctx, j)
    if len(line) == 1:
        return True
    on_line = set(line)
    beads = bead_of_target(ctx)
    for k in line:
        b = beads.get(k)
        if b is None or not b.source:
            continue
        if len(b.target) <= len(b.source):
            return False
        targets = sorted(b.target)
        inside = [t for t in targets if t in on_line]
        if len(inside) == len(targets) or (targets[:len(inside)] != inside and targets[-len(inside):] != inside):
            return False
    return True


@register(CHECK_ID, Category.OTHER_NOISE, version=3, order=10)
def debris(ctx: CheckContext) -> list[Issue]:
    """Navigation, menu or markup debris that is not part of the article.

    Flags target sentences with no source counterpart (in a 0-n bead, in no bead, or a line at the edges
    of beads with more target than source sentences: a line of its own attached to its neighbour's bead,
    or a line of two sentences attached one to each neighbour) that look like site navigation: a
    language menu (major), words or scripts glued into a menu (major), a cookie banner (major; read on its
    whole line when the line holds two sentences), a call to subscribe, follow, share or download
    ("Subscribe to our newsletter", « Cliquez ici pour vous abonner à notre newsletter », „Folgen Sie uns“,
    扫码关注; major), short navigation labels such as « nouvelles », "Home | World | Sport",
    « rapport/commentaires », "Read more: …" (minor). A language menu is flagged even inside an aligned
    bead, when its names are glued together. HTML tags and entities (``<div>``, ``&nbsp;``) are flagged
    anywhere in the target unless the same markup is in the source (minor). Flagged sentences are noted
    in ``ctx.notes["noise_target_sentences"]`` for the checks that run later.

    False positives: a genuine one-word line with no source counterpart that happens to be a navigation
    word (a section title « Monde » added by the translator); an unaligned line listing three or more
    items between "|" or "·"; an article about web cookies or newsletters whose sentence the aligner failed
    to align;
    literal HTML quoted in a technology article when the source does not contain the same text. It
    relies on the alignment: a debris line the aligner merged into the middle of a bead, or into a
    bead with as many source as target sentences, is missed (glued language menus are found anyway).
    """
    noise: set[int] = ctx.notes.setdefault(NOISE_NOTE, set())
    beads = bead_of_target(ctx)
    source_text = ctx.source.text
    previous_kind: Optional[str] = None
    issues: list[Issue] = []
    names = _name_matches_by_sentence([s.text for s in ctx.target.sentences], document_joined(ctx.target))
    markup = "<" in ctx.target.text or "&" in ctx.target.text  # every tag opens with "<", every entity with "&"
    sentences = ctx.target.sentences
    last = -2
    for j in _sentences_to_read(ctx, beads, names, markup):
        sent = sentences[j]
        if j != last + 1:
            previous_kind = None  # the sentence before was passed over: it was no debris (see below)
        last = j
        bead = beads.get(j)
        unaligned = bead is None or not bead.source or _loosely_aligned(ctx, j, bead)
        runs = [(a, b) for a, b in _markup_runs(sent.text) if sent.text[a:b] not in source_text] if markup else []
        bare = MARKUP_RE.sub(lambda m: " " * len(m.group()), sent.text) if runs else sent.text
        kind: Optional[str] = None
        if _is_language_menu(bare, unaligned, names[j] if names is not None and not runs else None):
            kind = "language-menu"
        elif unaligned and _letters(bare):
            if _is_glued_menu(bare):
                kind = "glued-menu"
            else:
                kind = _nav_kind(bare)
                if kind == "promo" and bead is not None and bead.source and PROMO_RE.search(
                        " ".join(ctx.source.sentences[i].text for i in bead.source
                                 if 0 <= i < len(ctx.source.sentences)).lower()):
                    kind = None  # the source's own call, translated (« … téléchargez l'application »)
                line = _line_of(ctx, j) if kind is None and bead is not None and bead.source else None
                if line is not None and len(line) > 1 and _nav_kind(
                        " ".join(sentences[k].text for k in line)) == "cookie":
                    kind = "cookie"  # « Nous utilisons des cookies. En poursuivant, vous acceptez… » on one line
            if (
                kind in (None, "cookie")
                and previous_kind == "cookie"
                and j > 0
                and ctx.target.sentences[j - 1].line == sent.line
            ):
                # The rest of a cookie banner (« En poursuivant, vous acceptez… »): one issue for both.
                noise.add(j)
                banner = issues[-1]
                start = banner.target_span.start if banner.target_span else sent.start
                issues[-1] = replace(banner, target_span=Span(start, sent.end))
                continue
        previous_kind = kind
        if kind is not None:
            noise.add(j)
            message, severity = _KIND_MESSAGES[kind]
            issues.append(
                Issue(
                    check=CHECK_ID,
                    category=Category.OTHER_NOISE,
                    severity=severity,
                    message=f"{message}: '{_shorten(sent.text)}'",
                    target_span=sent.span,
                )
            )
            continue
        for a, b in runs:
            issues.append(
                Issue(
                    check=CHECK_ID,
                    category=Category.OTHER_NOISE,
                    severity=Severity.MINOR,
                    message=f"Markup left in the text: '{_shorten(sent.text[a:b])}'",
                    target_span=Span(sent.start + a, sent.start + b),
                )
            )
        if runs and not _letters(bare):
            noise.add(j)
    return issues


def _sentences_to_read(ctx: CheckContext, beads: dict, names: Optional[list], markup: bool) -> Sequence[int]:
    """The target sentences ``debris`` reads, in order: every one in a target with markup or whose language
    names are not known (``names`` None); else those that hold three language names or that may be
    unaligned (in no bead, in a bead without source or with more target than source sentences, as
    ``_loosely_aligned`` wants). Any other is aligned, is no language menu (fewer than three names), has
    no markup: no issue, no note, and the sentence after it reads no cookie banner before it."""
    count = len(ctx.target.sentences)
    if markup or names is None:
        return range(count)
    wanted = {j for j, spans in enumerate(names) if len(spans) >= 3}
    wanted.update(j for bead in ctx.alignment if not bead.source or len(bead.target) > len(bead.source)
                  for j in bead.target)
    wanted.update(set(range(count)).difference(beads))
    return sorted(j for j in wanted if 0 <= j < count)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# What an MT system prints for a piece it could not produce: sentencepiece's unknown piece "⁇" (U+2047, as
# fairseq, Marian or CTranslate2 decode it), a literal <unk> token, and U+FFFD, the replacement character a
# broken decoding leaves. Each stands for a character or a word that is gone ("⁇ nderungen" for « Änderungen »).
_UNKNOWN_MARKS = ("\u2047", "\ufffd", "<unk>", "<UNK>")
_UNKNOWN_TOKEN_RE = re.compile("|".join(map(re.escape, _UNKNOWN_MARKS)))
_WORD_END_BEFORE_RE = re.compile(r"[^\W_]+$")
# After "⁇", one space and a letter go on with the word (sentencepiece prints the unknown piece so); after the
# other marks, only what is glued to it.
_WORD_AFTER_PIECE_RE = re.compile(r" ?(?=[^\W\d_])[^\W_]+|[^\W_]+")
_GLUED_AFTER_RE = re.compile(r"[^\W_]+")


@register("noise.unknown_token", Category.FLUENCY_SPELLING, version=1, order=50)
def unknown_token(ctx: CheckContext) -> Iterator[Issue]:
    """An MT system's unknown-token mark in the translation: "⁇", "<unk>" or the replacement character "�".

    Sentencepiece-based systems print "⁇" for a piece they cannot produce (WMT 2021 en-de, eTranslation:
    13 times, "ohne ⁇ nderungsgebühr" for "Änderungsgebühr", "⁇ gypten" for "Ägypten", all marked by the
    raters, none in the human references); older ones print <unk>; U+FFFD is what a broken decoding leaves. The
    word holding the mark is garbled: major (``fluency/spelling``), on the mark and the word it is glued to
    (one space after "⁇" is read as inside the word when a letter follows, as these systems write it; after
    <unk> or "�", only what is glued to the mark). Not reported when the aligned source holds the same mark (a
    copy of the source's own).

    False positives: a text about these marks; "⁇" used as a chess annotation ("a blunder ⁇").
    """
    text = ctx.target.text
    if "\u2047" not in text and "\ufffd" not in text and "<unk>" not in text and "<UNK>" not in text:
        return  # (_UNKNOWN_MARKS, each looked for in C: the pattern has no literal prefix to search by)
    noise = noise_targets(ctx)
    end = -1
    for m in _UNKNOWN_TOKEN_RE.finditer(text):
        if m.start() < end:
            continue  # inside the word of the mark before ("⁇⁇")
        place = target_source(ctx, m.start(), noise)
        if place is None:
            continue
        src, src_text = place
        if m.group() in src_text:
            continue
        before = _WORD_END_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        start = before.start() if before else m.start()
        after = (_WORD_AFTER_PIECE_RE if m.group() == "\u2047" else _GLUED_AFTER_RE).match(text, m.end())
        end = after.end() if after and "\n" not in after.group() else m.end()
        yield Issue("noise.unknown_token", Category.FLUENCY_SPELLING, Severity.MAJOR,
                    f"Unknown-token mark '{m.group()}' in '{text[start:end]}': the MT system lost a character or "
                    "a word here", source_span=src, target_span=Span(start, end))
