"""Repetition checks (``fluency/repetition``): a word or phrase written twice in a row, a sentence repeated."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from operator import eq
from typing import Iterator, Optional

import numpy as np

from ..langid import HAN_CORE_RE
from ..segment import COMBINING_MARKS, MARK_RE, text_cache
from ..types import Category, Document, Issue, Severity, Span
from .data import (LETTER_BEYOND_LATIN1_RE, UNSPACED_LANGS, base_lang, bead_of_target, bead_side_list, document_joined,
                   is_cased_lang, noise_targets, source_span, target_source)
from .registry import CheckContext, register

def _repeat_re(word: str, marks: str = "") -> re.Pattern:
    """A ``word`` or a phrase of up to six, written again at once (case aside), between characters that are no
    word characters, ``marks`` or joiners."""
    return re.compile(rf"(?<![\w{marks}'’-])({word}(?:[ \u00a0]+{word}){{0,5}}?)((?:[ \u00a0]+\1)+)(?![\w{marks}'’-])",
                      re.IGNORECASE)


# A word (letters, inner apostrophes and hyphens) or a phrase of up to six words, written again at once.
_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_REPEAT_RE = _repeat_re(_WORD)

# The words as _REPEAT_RE reads them (same pattern and flags): what a repetition repeats.
_WORD_TOKEN_RE = re.compile(_WORD, re.IGNORECASE)
# The same for a text holding combining marks (Hindi, Thai, Hebrew points…): each letter with the marks after
# it, so that « की कीमतों » (ki kimaton) is no « क क ». Its words' letters are those of _WORD's (``may_repeat``
# still tells where it cannot match).
_REPEAT_WITH_MARKS_RE = _repeat_re(
    rf"(?:[^\W\d_][{COMBINING_MARKS}]*)+(?:['’-](?:[^\W\d_][{COMBINING_MARKS}]*)+)*", COMBINING_MARKS
)


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
assert min(set(_LATIN1_WORD_BYTES) - set(b" '-")) > ord("-")  # a letter's byte is above the joiners'


def _latin1_word_bounds(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Where the words of ``data`` (a text translated by ``_LATIN1_WORD_BYTES``) start and end: runs of letters
    joined by single joiners with a letter on both sides (``_WORD``), read in numpy: the offsets of
    ``_WORD_TOKEN_RE.finditer`` in the text (one byte a character)."""
    n = len(data)
    arr = np.frombuffer(data, np.uint8)
    inside = np.zeros(n + 2, bool)  # inside[i + 1]: byte i belongs to a word
    letter = inside[1:-1]
    np.greater(arr, 45, out=letter)
    inside[2:-2] |= ((arr[1:-1] == 39) | (arr[1:-1] == 45)) & letter[:-2] & letter[2:]
    bounds = np.flatnonzero(inside[1:] != inside[:-1])
    return bounds[0::2], bounds[1::2]


# Powers of an odd number modulo 2**64 and of its inverse (numpy's uint64 arithmetic wraps modulo 2**64):
# sum(byte[s + i] * B**i) is a word's hash wherever it stands, read off the prefix sums of byte[j] * B**j.
_HASH_BASE = 1099511628211
_HASH_POWERS: list = [np.ones(1, np.uint64), np.ones(1, np.uint64)]


def _hash_powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    if len(_HASH_POWERS[0]) < n:
        size = max(n, 2 * len(_HASH_POWERS[0]))
        for k, base in enumerate((_HASH_BASE, pow(_HASH_BASE, -1, 1 << 64))):
            steps = np.full(size, base, np.uint64)
            steps[0] = 1
            _HASH_POWERS[k] = np.cumprod(steps, dtype=np.uint64)
    return _HASH_POWERS[0], _HASH_POWERS[1]


def _latin1_repeats(data: bytes) -> tuple[list[tuple[int, int]], list[int]]:
    """``list(_repeats(words))`` of the words of ``data`` (``_latin1_word_bounds``), and where the words start.

    Found in numpy: each word's polynomial hash (equal words have equal hashes), the words k apart
    compared by them for k = 1..6 at once, a run of k equal pairs at p kept (prefix sums of the pairs'
    equality); each window left is then compared word by word (a hash shared by two different words
    passes nothing)."""
    starts, ends = _latin1_word_bounds(data)
    nw = len(starts)
    if nw < 2:
        return [], []
    powers, inverses = _hash_powers(len(data))
    prefix = np.zeros(len(data) + 1, np.uint64)
    np.cumsum(np.frombuffer(data, np.uint8) * powers[:len(data)], out=prefix[1:])
    padded = np.zeros(nw + 6, np.uint64)
    padded[:nw] = (prefix[ends] - prefix[starts]) * inverses[starts]
    rows = np.ndarray((nw, 7), np.uint64, padded, 0, (8, 8))  # rows[p] = hashes of words p .. p + 6
    alike = rows[:, 1:] == rows[:, :1]  # alike[p, k - 1]: words p and p + k have the same hash
    ps, ks = np.nonzero(alike)
    ks += 1
    within = ps + 2 * ks <= nw
    ps, ks = ps[within], ks[within]
    counts = np.zeros((nw + 1, 6), np.int64)
    np.cumsum(alike, axis=0, out=counts[1:])
    runs = counts[ps + ks, ks - 1] - counts[ps, ks - 1] == ks  # pairs p .. p + k - 1, k apart, all alike
    found = sorted(zip(ks[runs].tolist(), ps[runs].tolist()))
    if not found:
        return [], []
    first, last = starts.tolist(), ends.tolist()
    out = []
    for k, p in found:
        words = [data[first[i]:last[i]] for i in range(p, p + 2 * k)]
        if words[:k] == words[k:]:
            out.append((p, k))
    return out, first


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
    (read in Latin-1 where they can be, ``_latin1_repeats``: words equal case aside stay equal):
    where its sentences follow each other in the document, a run of the document's words (the sentences
    joined by NUL, which no word holds). A side for which ``may_repeat`` is true holds a repeated unit,
    which is then one of the document's, and the sentences of its words are among the side's: a side
    with none of these sentences cannot repeat (``repeated_word`` reads sides of other beads anyway)."""
    joined, starts = document_joined(doc)
    if "İ" in joined or "Σ" in joined:
        return None
    if joined.isascii() or not LETTER_BEYOND_LATIN1_RE.search(joined):
        # ’ read as ' (both join words: the same words, some of them made equal); any other character
        # beyond Latin-1 is no letter nor joiner: it becomes ``?``, which splits words as it does.
        windows, word_starts = _latin1_repeats(
            joined.replace("’", "'").encode("latin-1", "replace").translate(_LATIN1_WORD_BYTES))
        sentence_of_word = {i: bisect_right(starts, word_starts[i]) - 1 for p, k in windows for i in (p, p + 2 * k - 1)}
    else:
        windows = _repeats_by_hash(list(map(str.lower, _WORD_TOKEN_RE.findall(joined))))
        if not windows:
            return set()
        wanted = {i for p, k in windows for i in (p, p + 2 * k - 1)}  # first and last word of each window
        sentence_of_word = {}
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


# A particle of an English phrasal verb followed by the same word as a preposition: "was taken in in the church",
# "checked in in Paris", "logged on on Monday", "came in in second place". The verb: a form in -ed or one of these.
_EN_PARTICLES = frozenset("in on up off down over back by through around".split())
_EN_PARTICLE_VERBS = frozenset((
    "taken given broken driven written chosen beaten sworn shaken thrown drawn grown shown known woken frozen "
    "come came comes go goes went gone get gets got gotten take takes took give gives gave put puts set sets let "
    "lets keep keeps kept hold holds held bring brings brought send sends sent cut cuts shut shuts run runs ran "
    "stand stands stood sit sits sat fall falls fell break breaks broke grow grows grew throw throws threw draw "
    "draws drew make makes made pay pays paid lay lays laid lead leads led leave leaves left turn turns move moves "
    "step steps check checks log logs sign signs hand hands fill fills call calls pull pulls drop drops pitch "
    "pitches chip chips kick kicks").split())
_WORD_BEFORE_PAIR_RE = re.compile(r"([^\W\d_]+)\s+$")


def _particle_double(text: str, start: int, unit: str, lang: str) -> bool:
    """``unit`` written twice at ``start`` of ``text`` is an English particle after its verb and the same word as
    a preposition ("taken in in the church"): the word before is a verb of ``_EN_PARTICLE_VERBS`` or in -ed."""
    if lang != "en" or unit.lower() not in _EN_PARTICLES:
        return False
    before = _WORD_BEFORE_PAIR_RE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    verb = before.group(1).lower()
    return verb in _EN_PARTICLE_VERBS or len(verb) > 3 and verb.endswith("ed")


# "more and more", "bigger and bigger": a word doubled around "and" is idiomatic, and "and more and more"
# (or "bigger and bigger and") repeats "and more" without an error. The coordinator and the words so doubled.
_COORDINATED_DOUBLES: dict[str, tuple[str, frozenset[str]]] = {
    "en": ("and", frozenset("more less better worse further farther again over round on through".split())),
    "de": ("und", frozenset({"mehr", "immer"})),
    "fr": ("et", frozenset({"encore", "plus"})),
    "es": ("y", frozenset({"más", "menos"})),
    "it": ("e", frozenset({"più", "meno"})),
    "pt": ("e", frozenset({"mais", "menos"})),
    "nl": ("en", frozenset({"meer", "minder"})),
}


def _coordinator_re(coordinators: tuple[str, ...]) -> re.Pattern:
    """" and X" / " or X" where X, three letters or more, ends with the three letters before the coordinator (read
    by a fixed-width lookbehind in each branch, ``re`` skipping to the space that leads them): the word after,
    the last group, may be the word before (the caller compares them); most coordinators are passed over in C."""
    branches = "|".join(f"{c} (?<=(\\w\\w\\w) {c} )" for c in coordinators)
    ends = "|".join(f"\\{k + 1}" for k in range(len(coordinators)))
    return re.compile(f" (?:{branches})([^\\W\\d_]*?(?:{ends}))(?![\\w'’-])")


# A word written on both sides of a coordinator ("feel tired and tired" for 倦怠疲乏, „mit Engpässen und Engpässen“
# for "shortages and bottlenecks"): two words of the source rendered by one. The coordinators of each language,
# and the doubles it writes on purpose beside those of ``_COORDINATED_DOUBLES`` ("hours and hours", "so and so",
# „durch und durch“).
_COORDINATORS: dict[str, re.Pattern] = {
    lang: _coordinator_re(tuple(words.split()))
    for lang, words in {"en": "and or", "de": "und oder", "fr": "et ou", "es": "y o e u", "it": "e o ed",
                        "pt": "e ou", "nl": "en of"}.items()}
_IDIOMATIC_COORDINATED = {
    "en": frozenset("up out so such neck hours years days weeks months miles pages thousands millions billions "
                    "hundreds tons rows layers".split()),
    "de": frozenset({"durch", "über"}),
}


def _coordinated_repeats(ctx: CheckContext, tgt: str, noise: set[int]) -> Iterator[Issue]:
    """The words written on both sides of a coordinator in the target text (``_COORDINATORS``), not a double the
    language writes on purpose (``_COORDINATED_DOUBLES``, ``_IDIOMATIC_COORDINATED``, an English comparative in
    -er: "more and more", "bigger and bigger"), nor a name the source writes (Johnson & Johnson), nor a pair the
    source writes too."""
    rx = _COORDINATORS.get(tgt)
    if rx is None:
        return
    text = ctx.target.text
    idioms = _IDIOMATIC_COORDINATED.get(tgt, frozenset())
    for m in rx.finditer(text):
        word = m.group(m.lastindex)  # type: ignore[arg-type]
        a = m.start() - len(word)
        if a < 0 or not text.endswith(word, a, m.start()) and text[a:m.start()].casefold() != word.casefold():
            continue
        if a and (text[a - 1].isalnum() or text[a - 1] in "'’-_"):
            continue  # the end of a longer word
        coordinator = text[m.start() + 1:m.start(m.lastindex) - 1]
        if text.endswith(f" {coordinator} ", 0, a):
            continue  # "and its and its": a unit written twice, reported as such
        low = word.lower()
        if low in idioms or _doubled_on_purpose(low, tgt):
            continue
        place = target_source(ctx, a, noise)
        if place is None:
            continue
        src, src_text = place
        if word[0].isupper() and word in src_text or text[a:m.end()].casefold() in src_text.casefold():
            continue  # a name of the source (Johnson & Johnson), or the source's own pair
        yield Issue("repetition.word", Category.FLUENCY_REPETITION, Severity.MINOR,
                    f"'{text[a:m.end()]}': the same word on both sides of '{coordinator}' "
                    "(two words of the source rendered by one?)", source_span=src, target_span=Span(a, m.end()))


def _coordinated_double(words: list[str], lang: str) -> bool:
    """``words`` (the unit written twice) are a coordinator and a word doubled around it: "and more" of "and
    more and more", "bigger and" of "bigger and bigger and" (an English comparative in -er)."""
    rule = _COORDINATED_DOUBLES.get(lang)
    if rule is None or len(words) != 2:
        return False
    coordinator = rule[0]
    a, b = words[0].lower(), words[1].lower()
    word = b if a == coordinator else a if b == coordinator else None
    return word is not None and _doubled_on_purpose(word, lang)


def _doubled_on_purpose(word: str, lang: str) -> bool:
    """``word`` (lower case) is one ``lang`` doubles around its coordinator on purpose (``_COORDINATED_DOUBLES``),
    or an English comparative in -er ("bigger and bigger")."""
    rule = _COORDINATED_DOUBLES.get(lang)
    return rule is not None and word in rule[1] or lang == "en" and len(word) >= 5 and word.endswith("er")


_PY_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s".split()
_PY_FINALS = "a o e i u v ai ei ao ou an en ang eng ong ia ie iao iu ian in iang ing iong ua uo uai ui uan un uang ue".split()
# Syllables of Hanyu pinyin as names are written in Latin letters (a superset: every initial with every final).
PINYIN_SYLLABLES = frozenset({i + f for i in _PY_INITIALS for f in _PY_FINALS} | set(_PY_FINALS) | set(
    "er yi ya ye yao you yan yin yang ying yong yu yue yuan yun wu wa wo wai wei wan wen wang weng".split()))


def _doubled_pinyin_name(unit: str, source: str) -> bool:
    """A Chinese given name of one syllable written twice ("Ni Ni" for 倪妮, "Li Li" for 李丽): one capitalised
    pinyin syllable, from a source written in Han characters (which writes two characters, not a double)."""
    return unit[:1].isupper() and unit[1:].islower() and unit.lower() in PINYIN_SYLLABLES and HAN_CORE_RE.search(source) is not None


_SOURCE_REPEAT_RE = re.compile(r"\b(\w+)((?:,?\s+\1\b)+)", re.IGNORECASE)
_WORDS_ONLY_RE = re.compile(r"\w+")


# Doubles of grammar, not of emphasis ("had had", "that that", « vous vous », „die die“): a source that has
# one says nothing of a doubled word in its translation (« que que » for "that that" is a slip).
_GRAMMAR_DOUBLES = frozenset("had that is do vous nous die der das den dem que".split())


def _repeats_a_word(text: str) -> int:
    """How many times in a row, at most, ``text`` (a source side) writes a word for emphasis, commas between
    allowed ("Bye bye": 2, "No, no, no": 3; 1 when it repeats none; "had had" is grammar, not emphasis)."""
    return max((1 + len(_WORDS_ONLY_RE.findall(m.group(2))) for m in _SOURCE_REPEAT_RE.finditer(text)
                if m.group(1).lower() not in _GRAMMAR_DOUBLES), default=1)


# German relative doubles (« das Kind, das das Spiel gewann », „die die Regeln brechen“) follow a noun or a
# comma: at the start of a sentence („Das das Haus ist groß.“) the double is a slip.
_RELATIVE_DOUBLES_DE = frozenset({"die", "der", "das", "den", "dem", "des"})


def _opens_sentence(text: str, i: int) -> bool:
    """Whether ``text[i]`` opens a sentence: nothing but opening quotes, brackets and spaces before it, or
    a sentence's end (. ! ? :) just before those."""
    before = text[:i].rstrip(" \u00a0\"'„“”«»‹›‚‘’(")
    return not before or before[-1] in ".!?:"


@register("repetition.word", Category.FLUENCY_REPETITION, version=7, order=50)
def repeated_word(ctx: CheckContext) -> Iterator[Issue]:
    """Word or phrase repeated at once: "the the", « de de », "in the city in the city".

    A word, or a phrase of up to six words, written twice or more in a row inside a target sentence
    (case aside; only spaces between: "it. It" is two sentences) is minor; three times or more, or a
    phrase of three words or more repeated, is major (a machine-translation loop). Skipped: the
    language's legitimate doubles (« vous vous », « nous nous », "had had", "that that", German
    « die die » in a relative clause — not at the start of a sentence: „Das das Haus“ —, "very very"), a
    word doubled around "and" ("and more and more", "bigger and bigger and": "more and more", „mehr und
    mehr“), an English particle after its verb and the same word as a preposition ("was taken in in the
    church", "logged on on Monday"), a Chinese given name of one pinyin syllable written twice ("Ni Ni" for 倪妮, from a source in
    Han characters), a repetition the aligned source has too (Baden-Baden,
    "Sirhan Sirhan", "bye bye"), a word repeated where the aligned source repeats one as often for
    emphasis ("Bye bye!" → « ¡Adiós adiós! », "No, no, no!" → « Non non non ! »; not "that that" → « que
    que »), and languages written without spaces (Chinese, Japanese), where doubling is grammar (看看,
    常常). A letter's combining marks (Hindi vowel signs, Hebrew points) are part of its word: « की कीमतों »
    is no « क क ». A name or phrase repeated in brackets right after itself, "Grant Shapps (Grant Shapps)"
    (from 沙普斯（Grant Shapps）, the source's gloss of its transliteration), is minor too, unless the source
    writes it so; a punctuation mark written again and again in a row, a decoder's loop, is major: a full stop
    seven times or more, spaced alike (". . . . . . ."; "......" renders the Chinese ellipsis « …… »), "!", "?"
    or 。 five times, unless the source has such a run ("...", "!!!" and « … » are writing). A word written on
    both sides of a coordinator ("feel tired and tired" for 倦怠疲乏, „Engpässen und Engpässen“ for "shortages and
    bottlenecks", "Laos and Vietnam" become "Vietnam and Vietnam") is minor too: two words of the source rendered
    by one (en, de, fr, es, it, pt, nl); the doubles a language writes on purpose ("more and more", "bigger and
    bigger", "again and again", "hours and hours", „durch und durch“, « encore et encore »), a name the source
    writes ("Johnson and Johnson" for Johnson & Johnson) and a pair the source has too are left alone.

    False positives: names made of a repeated word that the source writes otherwise; emphatic
    repetition in quoted speech that the source does not repeat. Missed: a slip that doubles a word of a
    sentence whose source repeats one for emphasis elsewhere.
    """
    tgt = base_lang(ctx.target.lang)
    noise = noise_targets(ctx)
    if tgt not in UNSPACED_LANGS:
        yield from _word_repeats(ctx, tgt, noise)
        yield from _coordinated_repeats(ctx, tgt, noise)
    yield from _bracket_repeats(ctx, noise)
    yield from _punctuation_loops(ctx, noise)


def _word_repeats(ctx: CheckContext, tgt: str, noise: set[int]) -> Iterator[Issue]:
    """The words and phrases of ``repeated_word`` (a language written with spaces)."""
    legit = LEGITIMATE_DOUBLES.get(tgt, frozenset())
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
        if not may_repeat(side.text):
            continue
        repeat_re = _REPEAT_WITH_MARKS_RE if MARK_RE.search(side.text) else _REPEAT_RE
        if not repeat_re.search(side.text):
            continue
        source_lower = src.text.lower()
        for m in repeat_re.finditer(side.text):
            unit = m.group(1)
            words = unit.split()
            times = 1 + len(m.group(2).split()) // len(words)
            if times == 2 and (len(words) == 1 and unit.lower() in legit
                               and not (tgt == "de" and unit.lower() in _RELATIVE_DOUBLES_DE
                                        and _opens_sentence(side.text, m.start()))
                               or _coordinated_double(words, tgt)
                               or len(words) == 1 and _particle_double(side.text, m.start(), unit, tgt)
                               or len(words) == 1 and m.group(2).strip() == unit and _doubled_pinyin_name(unit, src.text)):
                continue
            if source_lower and re.sub(r"\s+", " ", m.group().lower()) in source_lower:
                continue
            if len(words) == 1 and _repeats_a_word(src.text) >= times:
                continue  # the source repeats a word as often ("Bye bye!" → « ¡Adiós adiós! », "No, no, no" → « Non non non »)
            severe = times >= 3 or len(words) >= 3
            yield Issue("repetition.word", Category.FLUENCY_REPETITION, Severity.MAJOR if severe else Severity.MINOR,
                        f"'{unit}' is written {times} times in a row",
                        source_span=src.whole(), target_span=side.span(m.start(), m.end()), suggestion=unit)


# A name or phrase repeated in brackets right after itself: "Grant Shapps (Grant Shapps)", from 沙普斯（Grant
# Shapps）, where the source glosses its transliteration with the original name that the translation has already
# written. Patterns led by the bracket, a literal that ``re`` looks for fast.
_BRACKETED_RES = (("(", re.compile(r"\(\s*([^()\n]{2,80}?)\s*\)")), ("（", re.compile(r"（\s*([^（）\n]{2,80}?)\s*）")))


def _bracketed_repeat_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each "phrase (phrase)" of ``text``: the words just before a bracket are those in
    it (case aside), from a word's start."""
    out = []
    for opener, rx in _BRACKETED_RES:
        if opener not in text:
            continue
        for m in rx.finditer(text):
            phrase = m.group(1)
            end = m.start()  # back over the spaces before the bracket (not a line break: "- CNN" / "(CNN) - …")
            while end and text[end - 1] in " \u00a0":
                end -= 1
            start = end - len(phrase)
            if start < 0 or text[start:end].casefold() != phrase.casefold() or not phrase[0].isalnum() or (
                    start and text[start - 1].isalnum()):
                continue
            out.append((start, m.end(), phrase))
    return out


def _bracket_repeats(ctx: CheckContext, noise: set[int]) -> Iterator[Issue]:
    text = ctx.target.text
    if "(" not in text and "（" not in text:
        return
    found = _bracketed_repeat_spans(text)
    if not found:
        return
    for start, end, phrase in found:
        place = target_source(ctx, start, noise)
        if place is None:
            continue
        src, src_text = place
        if any(p.casefold() == phrase.casefold() for _, _, p in _bracketed_repeat_spans(src_text)):
            continue  # the source writes it so too
        yield Issue("repetition.word", Category.FLUENCY_REPETITION, Severity.MINOR,
                    f"'{phrase}' is repeated in brackets right after it", source_span=src,
                    target_span=Span(start, end), suggestion=text[start:start + len(phrase)])


@text_cache()
def normalise_sentence(text: str) -> str:
    """Case, spaces and the final punctuation aside: what makes two sentences "the same". (Runs of white
    space become one space: ``str.split`` splits at the characters of ``str.isspace``, those of ``\\s``;
    a space left at either end by ``re.sub`` would be stripped with the punctuation anyway.)"""
    return " ".join(text.casefold().split()).strip(" .。!?！？…\"'“”«»„")


_NON_WORD_RE = re.compile(r"\W")


def long_enough(text: str, lang: str) -> bool:
    """At least four words (eight characters in Chinese or Japanese): short lines repeat legitimately."""
    if base_lang(lang) in UNSPACED_LANGS or not is_cased_lang(lang) and " " not in text:
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


# A punctuation mark repeated in a row, spaced or not (". . . . . . ." hundreds of times after a sentence: WMT
# 2021 en-de, metricsystem1 and 4): a decoder's loop. A full stop seven times, spaced alike ("......" renders the
# Chinese ellipsis « …… »; "..." and « … » are writing), "!", "?" or 。 five times ("!!!" is writing). Each
# alternative's shortest match is a hint, looked for in C: the pattern is read only where one is.
_PUNCT_LOOP_HINTS = (".......", ". . . . . . .", "!!!!!", "?????", "。。。。。")
_PUNCT_LOOP_RE = re.compile(r"\.{7,}|\.(?: \.){6,}|!{5,}|\?{5,}|。{5,}")


def _punctuation_loops(ctx: CheckContext, noise: set[int]) -> Iterator[Issue]:
    text = ctx.target.text
    if not any(hint in text for hint in _PUNCT_LOOP_HINTS):
        return
    for m in _PUNCT_LOOP_RE.finditer(text):
        place = target_source(ctx, m.start(), noise)
        if place is None:
            continue
        src, src_text = place
        run = m.group()
        if _PUNCT_LOOP_RE.search(src_text):
            continue  # the source has such a run too (a dot leader, a censored word)
        mark = run[0]
        times = run.count(mark)
        shown = run if len(run) <= 20 else run[:19] + "…"
        yield Issue("repetition.word", Category.FLUENCY_REPETITION, Severity.MAJOR,
                    f"'{mark}' is written {times} times in a row ('{shown}'): a loop of the MT system",
                    source_span=src, target_span=Span(m.start(), m.end()))

