"""Casing checks: sentence starts and names lower-cased in a language that capitalises them."""
from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter
from typing import AbstractSet as Set, Callable, Iterator, NamedTuple, Optional, Union

from ..segment import text_cache
from ..types import Bead, Category, Document, Issue, Sentence, Severity, Span
from .data import (
    AT_WORD_START,
    NOUN_CAPITALISING_LANGS,
    URL_RE,
    WORD_RE,
    ascii_case_counts,
    base_lang,
    bead_of_target,
    bead_sides,
    document_joined,
    is_brand_like,
    is_cased_lang,
    noise_targets,
    source_span,
    url_spans,
)
from .punctuation import find_stray_breaks, is_abbreviation_stop
from .registry import CheckContext, register

CHECK_ID = "casing.lost"

# Looked through before the first word: spaces and opening quotes (« "Nous… » starts a sentence too).
_OPENING = " \t\u00a0\u202f«\"“‘„‹'"
# The previous segment ending with one of these makes a lower-case start a continuation (lists, « … »).
_CONTINUING_ENDS = (",", ";", ":", "…", "...", "-", "–", "—")
# A lower-case document: at least this many lower-case sentence starts, and this share of them.
_LOST_MIN_SENTENCES = 3
_LOST_SHARE = 0.8
# Words that target languages commonly write in lower case although English capitalises them.
_LOWERCASE_CONVENTIONAL = frozenset({"internet", "web", "euro", "euros", "dollar", "dollars", "yuan"})
# Characters that make the next word a sentence-like start in the source (not evidence of a name).
_START_MARKERS = ".!?:;«\"“‘„(—–-•*"


class _Start(NamedTuple):
    sentence: int
    start: int  # offsets into the target text
    end: int
    word: str


def _sentence_start(sent: Sentence) -> Optional[tuple[int, int]]:
    """Offsets (into the sentence) of the word that opens it, or None when the sentence opens with a
    digit, punctuation other than an opening quote, a URL, a brand written « iPhone », a list marker
    « a) », or a letter of a script without case."""
    text = sent.text
    pos = 0
    while pos < len(text) and text[pos] in _OPENING:
        pos += 1
    if pos >= len(text) or not text[pos].isalpha():
        return None
    if URL_RE.match(text, pos):
        return None
    m = WORD_RE.match(text, pos)
    if not m:
        return None
    word = m.group()
    if is_brand_like(word):
        return None
    if len(word) == 1 and text[m.end() : m.end() + 1] in (")", "."):
        return None
    if not (word[0].isupper() or word[0].islower()):
        return None
    return m.span()


def _is_continuation(doc: Document, j: int, noise: set[int]) -> bool:
    """The segment continues the previous one: a list item after « : », text after « … » or « , », or
    a split after an abbreviation or an initial (« M. | de Villepin »)."""
    if j == 0 or (j - 1) in noise:
        return False
    prev, cur = doc.sentences[j - 1], doc.sentences[j]
    if prev.paragraph != cur.paragraph:
        return False
    if prev.line == cur.line and prev.text.endswith(".") and is_abbreviation_stop(prev.text, numbers=False):
        return True
    return prev.text.rstrip(" \"”»’)").endswith(_CONTINUING_ENDS)


def _sentence_starts(ctx: CheckContext, noise: set[int]) -> list[_Start]:
    stray_openers = {b.next_sentence for b in find_stray_breaks(ctx) if b.next_sentence is not None}
    starts: list[_Start] = []
    for j, sent in enumerate(ctx.target.sentences):
        if j in noise or j in stray_openers or _is_continuation(ctx.target, j, noise):
            continue
        span = _sentence_start(sent)
        if span is None:
            continue
        starts.append(_Start(j, sent.start + span[0], sent.start + span[1], sent.text[span[0] : span[1]]))
    return starts


def _may_start_lower(doc: Document, noise: set[int]) -> bool:
    """False only when no sentence of ``doc`` (but noise) starts in lower case: one that does has a lower-case
    letter first after its opening quotes and spaces (``_sentence_start``)."""
    return any(sent.text.lstrip(_OPENING)[:1].islower() for j, sent in enumerate(doc.sentences) if j not in noise)


def _capital_share(doc: Document, noise: set[int]) -> tuple[int, int]:
    upper = letters = 0
    for j, sent in enumerate(doc.sentences):
        if j in noise:
            continue
        for ch in sent.text:
            if ch.isupper() or ch.islower():
                letters += 1
                upper += ch.isupper()
    return upper, letters


_NO_WORDS: frozenset[str] = frozenset()


def _source_names(ctx: CheckContext, source_indices: tuple[int, ...], common: Set[str]) -> dict[str, str]:
    """Capitalised source words that look like names, keyed by their lower-case form.

    A name here is capitalised, not at a sentence start (nor after a colon or an opening quote), never
    written in lower case elsewhere in the source, and the last word of a run of capitalised words:
    "General Smith", "Central Committee" then give only "Smith" and "Committee", because titles and
    the first words of institutional names are lower-cased by convention in many target languages.
    """
    names: dict[str, str] = {}
    for i in source_indices:
        if not (0 <= i < len(ctx.source.sentences)):
            continue
        for lower, word in _name_candidates(ctx.source.sentences[i].text):
            if lower in common or lower in _LOWERCASE_CONVENTIONAL:
                continue
            names.setdefault(lower, word)
    return names


# Where a word of WORD_RE.finditer starts with a letter other than a-z: a letter that neither follows a
# letter nor follows a joiner (- ' ’) that follows a letter (WORD_RE would have read on through both).
# (The letter is matched first and the lookbehinds read the two characters before it: most positions
# fail on the letter test at once.)
_TOKEN_START_RE = re.compile(r"[^\W\d_a-z]" + AT_WORD_START)


# The words of WORD_RE.finditer that open with a letter other than a-z (_TOKEN_START_RE, then the rest of WORD_RE).
_TOKEN_RE = re.compile(_TOKEN_START_RE.pattern + r"[^\W\d_]*(?:[-'’][^\W\d_]+)*")


@text_cache()
def _capitalised_words(text: str) -> tuple[str, ...]:
    """The lower case of the capitalised words of ``text`` after its first word: every name candidate of
    ``_name_candidates`` is one of them (read by one ``findall`` instead of word by word)."""
    first = WORD_RE.search(text)
    if first is None:
        return ()
    return tuple(word.lower() for word in _TOKEN_RE.findall(text, first.end()) if word[0].isupper())


@text_cache()
def _name_candidates(text: str) -> tuple[tuple[str, str], ...]:
    """(lower-case form, word) of the words of one source sentence that may be names, in order, before
    the document's own lower-case words are set aside (a function of the sentence alone)."""
    first = WORD_RE.search(text)
    if first is None:
        return ()
    out = []
    # The words of WORD_RE.finditer(text) that may open with a capital, in order, found without walking
    # through the others (see _TOKEN_START_RE); the first word is never a candidate.
    for start in _TOKEN_START_RE.finditer(text, first.end()):
        if not text[start.start()].isupper():
            continue
        m = WORD_RE.match(text, start.start())
        word = m.group()
        if len(word) < 2:
            continue
        # The last character before the word that is not white space (what ``rstrip`` would leave last).
        i = m.start() - 1
        while i >= 0 and text[i].isspace():
            i -= 1
        if i < 0 or text[i] in _START_MARKERS:
            continue
        following = WORD_RE.search(text, m.end())  # the next word of finditer (WORD_RE looks behind nothing)
        if following is not None and following.group()[0].isupper() and not text[m.end() : following.start()].strip():
            continue
        out.append((word.lower(), word))
    if out:
        capitals, letters = _capitals_and_letters(text)
        if letters and capitals / letters > 0.5:
            return ()  # a headline in capitals
    return tuple(out)


def _capitals_and_letters(text: str) -> tuple[int, int]:
    """How many letters of ``text`` are capitals, and how many letters it has (``str.isalpha``,
    ``str.isupper``): counted in C when the text is ASCII (its letters are A-Z and a-z)."""
    if text.isascii():
        return ascii_case_counts(text.encode())
    letters = list(filter(str.isalpha, text))
    return sum(map(str.isupper, letters)), len(letters)


def _source_opens_lower(ctx: CheckContext, bead: Optional[Bead], j: int) -> bool:
    """Whether target sentence ``j`` opens its bead and the bead's first source sentence opens with a
    lower-case letter (a letter of a cased script: a Chinese source never does)."""
    if bead is None or not bead.source or not bead.target or bead.target[0] != j:
        return False
    i = bead.source[0]
    if not 0 <= i < len(ctx.source.sentences):
        return False
    first = next((ch for ch in ctx.source.sentences[i].text if ch.isalpha()), "")
    return first.islower()


# A word in camel case: a lower-case letter followed by a capital inside it (TikTok, YouTube, iPhone, WeChat,
# BioNTech, McDonald, DeSantis), the word of Latin letters around it (``_camel_words``).
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN_LETTER_RE = re.compile(f"[{_LATIN_LETTER}]")
# Each ASCII lower-case letter as "a", each capital as "A", every other byte a space: a text encoded one byte a
# character ("?" for the others) holds "aA" where it has a camel-case point, found in C.
_CASE_BYTES = bytes(97 if 97 <= b <= 122 else 65 if 65 <= b <= 90 else 32 for b in range(256))


def _camel_words(text: str) -> list[str]:
    """The words of Latin letters of ``text`` that hold an ASCII lower-case letter followed by a capital,
    four letters or more, in order (once each)."""
    data = text.encode("ascii", "replace").translate(_CASE_BYTES)
    out: dict[str, None] = {}
    i = data.find(b"aA")
    while i >= 0:
        a, b = i, i + 2
        while a and _LATIN_LETTER_RE.match(text, a - 1):
            a -= 1
        while b < len(text) and _LATIN_LETTER_RE.match(text, b):
            b += 1
        if b - a >= 4:
            out[text[a:b]] = None
        i = data.find(b"aA", b)
    return list(out)


def _camel_case_lost(ctx: CheckContext, noise: Set[int]) -> Iterator[Issue]:
    """A camel-case word of the source (four letters or more) that the aligned target writes with other
    capitals ("Tiktok", "Youtube", "IPHONE" aside: all in capitals, a headline's) or split at its inner capital
    ("Tik Tok", "You-Tube"), where the target does not also write it as the source does. A word whose first
    letter alone changed case ("IPhone" opening a sentence) is left alone. The words are looked for in the
    whole target first: most documents write them all as their source does, and no bead is read."""
    words = _camel_words(ctx.source.text)
    suspects = {w for w in words if any(_camel_changed(m.group(), w) for m in _loose_camel_re(w).finditer(ctx.target.text))}
    if not suspects:
        return
    for _, bead, src, tgt in bead_sides(ctx):
        if any(j in noise for j in bead.target):
            continue
        for word in (w for w in _camel_words(src.text) if w in suspects):
            if _exact_camel_re(word).search(tgt.text):
                continue  # written as the source writes it
            for m in _loose_camel_re(word).finditer(tgt.text):
                found = m.group()
                if not _camel_changed(found, word):
                    continue
                yield Issue(
                    check=CHECK_ID,
                    category=Category.FLUENCY_CAPITALIZATION,
                    severity=Severity.MINOR,
                    message=(f"'{found}' splits the source's '{word}'" if len(found) != len(word) else
                             f"'{found}' is written '{word}' in the source: its inner capitals are lost"),
                    source_span=src.whole(),
                    target_span=tgt.span(m.start(), m.end()),
                    suggestion=word,
                )


def _camel_changed(found: str, word: str) -> bool:
    """``found`` (a match of ``_loose_camel_re(word)``) writes ``word`` otherwise, not all in capitals and not
    only its first letter."""
    return found != word and not found.isupper() and found[1:] != word[1:]


@lru_cache(maxsize=1024)
def _exact_camel_re(word: str) -> re.Pattern:
    return re.compile(f"(?<![{_LATIN_LETTER}]){re.escape(word)}(?![{_LATIN_LETTER}])")


@lru_cache(maxsize=1024)
def _loose_camel_re(word: str) -> re.Pattern:
    """``word`` in any case, a space or a hyphen allowed at each inner capital ("Tik Tok", "You-Tube")."""
    loose = r"[ -]?".join(map(re.escape, re.split(r"(?<=[a-z])(?=[A-Z])", word)))
    return re.compile(f"(?<![{_LATIN_LETTER}]){loose}(?![{_LATIN_LETTER}])", re.IGNORECASE)


@register(CHECK_ID, Category.FLUENCY_CAPITALIZATION, version=4, order=50)
def lost_casing(ctx: CheckContext) -> Iterator[Issue]:
    """Lost casing: sentence starts and names in lower case in a language that capitalises them.

    For targets written in a cased script (Latin, Cyrillic, Greek, Armenian). Each sentence that opens
    with a lower-case word is a minor issue on that word. When most of the document has lost its casing
    (at least 3 lower-case starts and 80 % of them), one major document-level issue on the first
    lower-cased word says so with the counts, beside the minor ones. When the source is cased too (and
    is not German, which capitalises every noun), a capitalised source word that looks like a name and
    appears in lower case in the aligned target bead is a minor issue on that target word. Skipped:
    noise sentences, sentences opening with a digit, punctuation other than an opening quote, a URL, a
    handle, a brand written « iPhone », « eBay », a list marker; list and ellipsis continuations (the
    previous segment ends with « : », « , », « … »); the word after a stray full stop (reported by
    ``punctuation.stray_break``); a sentence whose aligned source opens in lower case too ("i think so").
    A camel-case word of the source (TikTok, YouTube, iPhone, WeChat, McDonald) written in the aligned
    target with its inner capitals lost ("Tiktok", "Youtube") or split ("Tik Tok") is minor, with the source's
    spelling as suggestion (Xbench's CamelCase mismatch); all in capitals (a headline) or only the first letter
    changed ("IPhone" opening a sentence) is left alone.

    False positives: styles that open headlines, captions or list items in lower case on purpose; a
    name that happens to be a common word of the target language in the same bead (« Paris » and
    « les paris »); words that the target language writes in lower case but the source capitalises and
    that are spelt the same (job titles like en "Doctor" → es "doctor" when no name follows; days and
    months when spelt alike, except those of the calendar tables of ``numbers``, which are known: « april »,
    « sept. »); a brand that the target language's press writes otherwise (German „Biontech“ for BioNTech).
    Not checked: languages written without case (zh, ja, ko, th, ar, he…).
    """
    tgt = base_lang(ctx.target.lang)
    if not is_cased_lang(tgt):
        return
    noise = noise_targets(ctx)
    yield from _camel_case_lost(ctx, noise)
    if not _may_start_lower(ctx.target, noise):
        # No lower-case start (most targets): the sentence starts are read only if the name test needs them.
        yield from _lower_cased_names(ctx, noise, lambda: {s.start for s in _sentence_starts(ctx, noise)})
        return
    starts = _sentence_starts(ctx, noise)
    beads = bead_of_target(ctx)
    # A sentence whose source opens in lower case too ("i think so", a headline written so) keeps the
    # source's casing: no casing lost (pofilter's startcaps reads it so too).
    lower = [s for s in starts if s.word[0].islower() and not _source_opens_lower(ctx, beads.get(s.sentence), s.sentence)]
    if len(lower) >= _LOST_MIN_SENTENCES and len(lower) >= _LOST_SHARE * len(starts):
        upper, letters = _capital_share(ctx.target, noise)
        first = lower[0]
        yield Issue(
            check=CHECK_ID,
            category=Category.FLUENCY_CAPITALIZATION,
            severity=Severity.MAJOR,
            message=(
                f"The translation has lost its casing: {len(lower)} of {len(starts)} sentences start in "
                f"lower case, and only {upper} of {letters} letters are capitals"
            ),
            target_span=Span(first.start, first.end),
        )
    for s in lower:
        yield Issue(
            check=CHECK_ID,
            category=Category.FLUENCY_CAPITALIZATION,
            severity=Severity.MINOR,
            message=f"Sentence starts in lower case: '{s.word}'",
            source_span=source_span(ctx, beads.get(s.sentence)),
            target_span=Span(s.start, s.end),
            suggestion=s.word[0].upper() + s.word[1:],
        )
    yield from _lower_cased_names(ctx, noise, {s.start for s in starts})


# A word of WORD_RE's shape that stands at a place is read there by WORD_RE.finditer as a whole word, and
# only there, unless a letter, or a joiner after a letter, comes before it, or a letter, or a joiner
# before a letter, after it.
_GLUED_BEFORE_RE = re.compile(r"[^\W\d_][-'’]?\Z")
_GLUED_AFTER_RE = re.compile(r"[-'’]?[^\W\d_]")


def _has_word(word: str, text: str) -> bool:
    """Whether ``word`` is one of the words of ``WORD_RE.finditer(text)`` (for a word of WORD_RE's shape;
    for another string, True where it stands unglued: never False where it is one)."""
    n = len(word)
    p = text.find(word)
    while p >= 0:
        if not _GLUED_BEFORE_RE.search(text, max(0, p - 2), p) and not _GLUED_AFTER_RE.match(text, p + n, p + n + 2):
            return True
        p = text.find(word, p + 1)
    return False


# _TOKEN_RE's capitalised words in an ASCII text (where its letters are A-Z and a-z, and ’ is none), read to
# their end, that are not followed by white space and a capital: a word that is may be no candidate.
_ASCII_LAST_CAPITAL_RE = re.compile(
    r"[A-Z](?<![A-Za-z].)(?<![A-Za-z][-'].)[A-Za-z]*(?:[-'][A-Za-z]+)*(?![A-Za-z]|[-'][A-Za-z])(?!\s+[A-Z])")
_SPACE_CAPITAL_RE = re.compile(r"\s+[A-Z]")


def _lowered_name_possible(source: Document, target: Document) -> bool:
    """False only when no target sentence holds, as a word, the lower case of a capitalised source word
    that is not the first word of its sentence (every name candidate is one, and a lower-cased name is
    a word of the target): read once for the document (the capitalised words of the source by one
    ``findall`` over its sentences joined by NUL, less the first word of each sentence)."""
    joined, _ = document_joined(source)
    ascii_source = joined.isascii()
    if ascii_source:
        # In ASCII: the same words, less those followed by white space and a capital (a candidate is the
        # last word of a run of capitalised words).
        caps = Counter(w.lower() for w in _ASCII_LAST_CAPITAL_RE.findall(joined) if len(w) >= 2)
    else:
        caps = Counter(w.lower() for w in _TOKEN_RE.findall(joined) if len(w) >= 2 and w[0].isupper())
    if not caps:
        return False
    for sent in source.sentences:
        first = WORD_RE.search(sent.text)
        if first is not None and len(first.group()) >= 2 and first.group()[0].isupper() and not (
                ascii_source and _SPACE_CAPITAL_RE.match(sent.text, first.end())):
            caps[first.group().lower()] -= 1
    target, _ = document_joined(target)
    return any(_has_word(word, target) for word, count in caps.items() if count > 0)


@lru_cache(maxsize=64)
def _lower_case_calendar(lang: Optional[str]) -> frozenset[str]:
    """The month and day names of a language that writes them in lower case (April → Swedish, Danish,
    Norwegian and Dutch « april », September → « september »), and their abbreviations (Sept. → French
    « sept. »): spelt like the source's capitalised English name, they are no lowered name."""
    from ..numbers import _MONTH_ABBR_BY_LANG, _MONTHS_BY_LANG
    from .numbers import _LOWER_CASE_DAYS, _WEEKDAYS

    if lang not in _LOWER_CASE_DAYS:
        return frozenset()
    days = (form.lower() for forms in _WEEKDAYS.get(lang, ()) for form in forms)
    return frozenset(_MONTHS_BY_LANG.get(lang, {})) | frozenset(_MONTH_ABBR_BY_LANG.get(lang, {})) | frozenset(days)


def _lower_cased_names(ctx: CheckContext, noise: set[int],
                       start_offsets: Union[set[int], Callable[[], set[int]]]) -> Iterator[Issue]:
    """Names of the source in lower case in the target; ``start_offsets``: where the target's sentence
    starts are (or what reads them, asked only when a name may be there)."""
    src = base_lang(ctx.source.lang)
    if not is_cased_lang(src) or src in NOUN_CAPITALISING_LANGS:
        return
    if not _lowered_name_possible(ctx.source, ctx.target):
        return
    if callable(start_offsets):
        start_offsets = start_offsets()
    # The source's lower-case words (which set a candidate aside) are read only once a target sentence
    # holds a candidate as it would be written in lower case: without them, no issue (most documents).
    common: Optional[set[str]] = None
    reported: set[int] = set()
    sources = ctx.source.sentences
    targets = ctx.target.sentences
    for bead in ctx.alignment:
        if not bead.source or not bead.target:
            continue
        # A target sentence that holds no capitalised source word of the bead as it would be written in
        # lower case holds no name candidate so written either (they are among those words): the
        # candidates are read only for a bead with such a sentence.
        words = [w for i in bead.source if 0 <= i < len(sources) for w in _capitalised_words(sources[i].text)]
        if not any(w in targets[j].text for w in words for j in bead.target
                   if j not in noise and 0 <= j < len(targets)):
            continue
        candidates = _source_names(ctx, bead.source, _NO_WORDS)  # the names before that
        if not candidates:
            continue
        names: Optional[dict[str, str]] = None
        for j in bead.target:
            if j in noise or not (0 <= j < len(ctx.target.sentences)):
                continue
            sent = ctx.target.sentences[j]
            if not any(name in sent.text for name in candidates):
                continue  # a name in lower case would be one of these, as it is written
            if names is None:
                if common is None:
                    common = {w for w in WORD_RE.findall(ctx.source.text) if w[0].islower()}
                calendar = _lower_case_calendar(base_lang(ctx.target.lang))
                names = {lower: word for lower, word in candidates.items()
                         if lower not in common and lower not in calendar}
            if not any(name in sent.text for name in names):
                continue
            urls = url_spans(sent.text)
            for k, m in enumerate(WORD_RE.finditer(sent.text)):
                word = m.group()
                start = sent.start + m.start()
                if k == 0 or start in start_offsets or start in reported:
                    continue
                if word not in names or word != word.lower():
                    continue
                if any(a <= m.start() < b for a, b in urls):
                    continue
                reported.add(start)
                yield Issue(
                    check=CHECK_ID,
                    category=Category.FLUENCY_CAPITALIZATION,
                    severity=Severity.MINOR,
                    message=f"Name in lower case: '{word}' (the source writes '{names[word]}')",
                    source_span=source_span(ctx, bead),
                    target_span=Span(start, start + len(word)),
                    suggestion=names[word],
                )

