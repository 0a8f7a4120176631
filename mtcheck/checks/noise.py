"""Noise checks: navigation, menu and markup debris that is not part of the article.

Runs first (order 10) and records the target sentences it judges to be debris in
``ctx.notes["noise_target_sentences"]`` so that later checks (untranslated, casing, punctuation, and the
addition check) skip them instead of reporting the same line again.
"""
from __future__ import annotations

import re
import sys
from array import array
from dataclasses import replace
from functools import lru_cache
from typing import Iterator, Optional

from ..langid import script_of
from ..types import Bead, Category, Issue, Severity, Span
from .data import (
    CONSENT_WORDS,
    COOKIE_WORDS,
    LANGUAGE_NAMES,
    MARKUP_RE,
    NAV_LABELS,
    NAV_PREFIXES,
    NOISE_NOTE,
    bead_of_target,
    literal_trie,
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


def _is_language_menu(text: str, unaligned: bool) -> bool:
    """Several language names making up most of the line, glued or as a menu (the seed's
    « 한어Русский языкEnglishFrançais… »). In an aligned sentence the names must also be glued
    together without spaces or span several scripts, so prose listing languages never counts."""
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


def _glue_transitions(token: str) -> int:
    """Places inside one token where a new word was glued on: a lower-case letter followed by a
    capital (HomeWorld) or a change of script (한어Русский)."""
    count = 0
    prev: Optional[str] = None
    for ch in token:
        if not ch.isalpha():
            prev = None
            continue
        if prev is not None:
            if prev.islower() and ch.isupper():
                count += 1
            elif script_of(prev) != script_of(ch):
                count += 1
        prev = ch
    return count


def _is_glued_menu(text: str) -> bool:
    tokens = text.split()
    letters = _letters(text)
    if not tokens or not letters:
        return False
    glued = [t for t in tokens if _glue_transitions(t) >= 2]
    total = sum(_glue_transitions(t) for t in glued)
    return total >= 3 and sum(_letters(t) for t in glued) / letters >= 0.6


def _nav_kind(text: str) -> Optional[str]:
    """'label', 'menu', 'link' or 'cookie' for an unaligned line that looks like site navigation."""
    line = text.strip().replace("’", "'").lower()
    if COOKIE_WORDS.search(line) and CONSENT_WORDS.search(line):
        return "cookie"
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


def _loosely_aligned(ctx: CheckContext, j: int, bead: Bead) -> bool:
    """A line of its own at the edge of a bead with more target than source sentences: the aligner
    may have attached a debris line (« rapport/commentaires ») to its neighbour's bead."""
    if len(bead.target) <= len(bead.source) or j not in (min(bead.target), max(bead.target)):
        return False
    sents = ctx.target.sentences
    line = sents[j].line
    return all(sents[k].line != line for k in (j - 1, j + 1) if 0 <= k < len(sents))


@register(CHECK_ID, Category.OTHER_NOISE, version=1, order=10)
def debris(ctx: CheckContext) -> list[Issue]:
    """Navigation, menu or markup debris that is not part of the article.

    Flags target sentences with no source counterpart (in a 0-n bead, in no bead, or a line of its own
    at the edge of a bead with more target than source sentences) that look like site navigation: a
    language menu (major), words or scripts glued into a menu (major), a cookie banner (major), short
    navigation labels such as « nouvelles », "Home | World | Sport", « rapport/commentaires »,
    "Read more: …" (minor). A language menu is flagged even inside an aligned
    bead, when its names are glued together. HTML tags and entities (``<div>``, ``&nbsp;``) are flagged
    anywhere in the target unless the same markup is in the source (minor). Flagged sentences are noted
    in ``ctx.notes["noise_target_sentences"]`` for the checks that run later.

    False positives: a genuine one-word line with no source counterpart that happens to be a navigation
    word (a section title « Monde » added by the translator); an unaligned line listing three or more
    items between "|" or "·"; an article about web cookies whose sentence the aligner failed to align;
    literal HTML quoted in a technology article when the source does not contain the same text. It
    relies on the alignment: a debris line the aligner merged into the middle of a bead, or into a
    bead with as many source as target sentences, is missed (glued language menus are found anyway).
    """
    noise: set[int] = ctx.notes.setdefault(NOISE_NOTE, set())
    beads = bead_of_target(ctx)
    source_text = ctx.source.text
    previous_kind: Optional[str] = None
    issues: list[Issue] = []
    for j, sent in enumerate(ctx.target.sentences):
        bead = beads.get(j)
        unaligned = bead is None or not bead.source or _loosely_aligned(ctx, j, bead)
        runs = [(a, b) for a, b in _markup_runs(sent.text) if sent.text[a:b] not in source_text]
        bare = MARKUP_RE.sub(lambda m: " " * len(m.group()), sent.text) if runs else sent.text
        kind: Optional[str] = None
        if _is_language_menu(bare, unaligned):
            kind = "language-menu"
        elif unaligned and _letters(bare):
            if _is_glued_menu(bare):
                kind = "glued-menu"
            else:
                kind = _nav_kind(bare)
            if (
                kind is None
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


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
