"""Untranslated checks: target text left in the source language or in another wrong language."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional, Union

from ..langid import (
    HAN_CORE_RE,
    classify, has_letter, only_scripts, restricted_classify, rules_out, script_of, script_profile, script_verdict,
    scripts_of_lang,
)
from ..segment import register_cache, remember, text_cache
from ..types import Category, Issue, Severity, Span
from .data import (
    AT_WORD_START,
    URL_HINT,
    WORD_RE,
    base_lang,
    bead_of_target,
    bead_sides,
    blank_spans,
    document_joined,
    noise_targets,
    source_span,
    url_spans,
)
from .registry import CheckContext, register

CHECK_ID = "untranslated.sentence"
# Target sentences ``untranslated.sentence`` reported: the partial checks leave them alone.
SENTENCE_NOTE = "untranslated_target_sentences"

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
    return blank_spans(text, url_spans(text))


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


def _blank_name(m: re.Match) -> str:
    word = m.group()
    return " " * len(word) if word[0].isupper() or word.isupper() else word


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


# Whole whitespace-delimited tokens holding a digit (the possessive run and the look-behind keep the
# scan from retrying inside a token: a match can only start where a token starts).
_DIGIT_TOKEN_RE = re.compile(r"(?<!\S)[^\s\d]*+\d\S*")
_DIGIT_RE = re.compile(r"\d")
# The words WORD_RE finds, scanning a string from its start, that do not begin with a lower-case letter
# of Latin-1: the first character of such a word, with no letter-like character before it, nor one
# followed by an apostrophe or a hyphen (which would join it to the word before), then the rest of
# WORD_RE's pattern. The words it leaves out start with a lower-case letter and are never blanked
# (``_blank_name``), so a sub with it blanks what ``WORD_RE.sub(_blank_name, ...)`` blanks.
_NAME_FIRST = r"[^\W\d_a-zß-öø-ÿ]"
_NAME_WORD_RE = re.compile(_NAME_FIRST + AT_WORD_START + r"[^\W\d_]*(?:[-'’][^\W\d_]+)*")
# The same first character as ranges of code points, which ``re`` tests faster than Unicode categories: the
# Latin-1 characters of the class (read from it) and every character beyond Latin-1, of which a look-behind
# keeps the letter-like ones (as the class does: it leaves out Latin-1 characters only). For a split that
# keeps the matches, ``_names_removed``.
_NAME_FIRST_RANGES = ("[" + "".join(re.escape(chr(o)) for o in range(0x100) if re.fullmatch(_NAME_FIRST, chr(o)))
                      + r"\u0100-\U0010ffff](?<=[^\W\d_])")
_NAME_SPLIT_RE = re.compile(f"({_NAME_FIRST_RANGES}{_NAME_WORD_RE.pattern[len(_NAME_FIRST):]})")


def _names_removed(text: str) -> str:
    """The text with names, acronyms and words holding digits blanked out: capitalised words other than
    the first word. What is left (function words, verbs, common nouns) carries the language."""
    first = WORD_RE.search(text)
    if first is not None:  # the words after the first one (WORD_RE looks at no character before a word)
        # ``_NAME_WORD_RE.sub(_blank_name, rest)`` without a call per word: the split keeps the matches (odd
        # places, the same matches as sub's) and what lies between them.
        parts = _NAME_SPLIT_RE.split(text[first.end():])
        parts[1::2] = [" " * len(w) if w[0].isupper() or w.isupper() else w for w in parts[1::2]]
        text = text[: first.end()] + "".join(parts)
    return _DIGIT_TOKEN_RE.sub(_blank, text) if _DIGIT_RE.search(text) else text


def _han_only_in_source(ctx: CheckContext) -> bool:
    """Whether the source holds a Han letter of the core range (``HAN_CORE_RE``: letters that case folding keeps
    as they are) and the target none. Then no part of the target
    has the words of a part of the source with one (``_same_words`` compares case-folded words: each such
    letter is a word letter that case folding keeps, and makes of no other character; tested)."""
    return ctx.shared(_HAN_NOTE, lambda c: (not c.source.text.isascii() and HAN_CORE_RE.search(c.source.text) is not None
                                           and (c.target.text.isascii() or HAN_CORE_RE.search(c.target.text) is None)))


_HAN_NOTE = "untranslated_han_only_in_source"


def _normalise(text: str) -> str:
    return " ".join(WORD_RE.findall(text.casefold()))


@text_cache()
def _same_words(a: str, b: str) -> bool:
    """``_normalise(a) == _normalise(b)``: the same words, case aside. Texts whose first words differ
    are told apart without listing the others (the normalised texts are their word lists, joined)."""
    a, b = a.casefold(), b.casefold()
    first_a, first_b = WORD_RE.search(a), WORD_RE.search(b)
    if first_a is None or first_b is None or first_a.group() != first_b.group():
        return first_a is None and first_b is None
    return WORD_RE.findall(a) == WORD_RE.findall(b)


@lru_cache(maxsize=64)
def _same_script_langs(candidates: tuple[str, ...], tgt: str) -> tuple[str, ...]:
    expected = set(scripts_of_lang(tgt))
    return tuple(c for c in candidates if set(scripts_of_lang(c)) & expected)


# Function words that, among the languages py3langid is asked to choose from, only one of them uses as a
# function word ("die", "was", "will", "war", "hat" and "an" are English words as well as German ones, "or",
# "but", "on" and "son" French, "des" and "du" German, "la", "que" and "un" Spanish, "en" and "es" French or
# German: none is listed). The lists are disjoint. Stricter than ``FUNCTION_WORDS`` below, which lists each
# language's common function words for ``untranslated.partial`` and leaves the sharing to its caller: a word
# here must be no word of another candidate at all, since it alone settles a sentence.
_OWN_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to is that for with which from this they their been were would has have are be "
                    "by at it his not said after about than there could should who its".split()),
    "de": frozenset("der und ist nicht mit sich auch wurde werden wird dass das ein eine einen einem einer eines zu "
                    "auf für von vom zum zur im bei nach aus wie aber oder noch sind haben sie wir ihr den dem"
                    .split()),
    "fr": frozenset("le les et est dans pour qui sur avec pas au aux ce cette il elle ils sont été ont sa ses leur "
                    "mais nous vous une".split()),
    "es": frozenset("el los las del y por con para una fue está pero como más su sus lo".split()),
}
_LOWER_WORD_RE = re.compile(r"\w+")  # digits and "_" make no function word


@lru_cache(maxsize=64)
def _function_word_sets(tgt: str, langs: tuple[str, ...]) -> Optional[tuple[frozenset, frozenset, frozenset, frozenset]]:
    """The target language's own function words and those of the other languages of ``langs``, as text and
    as Latin-1 bytes (every listed word is Latin-1); None when one of them has no list."""
    if any(lang not in _OWN_FUNCTION_WORDS for lang in (tgt, *langs)):
        return None
    own = _OWN_FUNCTION_WORDS[tgt]
    others = frozenset().union(*(_OWN_FUNCTION_WORDS[c] for c in langs if c != tgt))
    return own, others, frozenset(w.encode("latin-1") for w in own), frozenset(w.encode("latin-1") for w in others)


# The Latin-1 characters ``_LOWER_WORD_RE`` reads as word characters, and a table that makes every other byte a
# space: a lower-cased Latin-1 text's words (runs of word characters) are then its bytes split on white space.
_LATIN1_WORD_BYTES = bytes(b for b in range(256) if _LOWER_WORD_RE.match(chr(b)))
_LATIN1_WORDS_TABLE = bytes(b if b in _LATIN1_WORD_BYTES else 32 for b in range(256))
assert "?" not in _LATIN1_WORD_BYTES.decode("latin-1")
# A word character beyond Latin-1 (ё, 中, ſ): a text holding one is read with the pattern.
_WORD_BEYOND_LATIN1_RE = re.compile(r"[^\W\x00-\xff]")


def _target_function_words(text: str, sets: tuple[frozenset, frozenset, frozenset, frozenset]) -> bool:
    """Whether ``text`` holds two different function words of the target language's own and none of
    another candidate's own: then it is written in the target language, whatever else it quotes. (A text
    whose word characters are Latin-1, most of them, is split into words in C: the same words as the
    pattern's.)"""
    own, others, own_bytes, others_bytes = sets
    low = text.lower()
    if low.isascii() or not _WORD_BEYOND_LATIN1_RE.search(low):
        # Characters beyond Latin-1 that are no word characters (’ “ ” –) separate words as "?" does.
        words = set(low.encode("latin-1", "replace").translate(_LATIN1_WORDS_TABLE).split())
        own, others = own_bytes, others_bytes
    else:
        words = set(_LOWER_WORD_RE.findall(low))
    return len(words & own) >= 2 and words.isdisjoint(others)


@lru_cache(maxsize=64)
def _one_script_verdict(script: Optional[str], langs: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """``script_verdict`` for a text whose letters are all of ``script`` (None: no letter)."""
    return script_verdict({script: 1.0} if script else {}, langs)


def _long_enough(stripped: str) -> bool:
    """At least 4 words and 20 letters in them (counted until both are reached)."""
    words = letters = 0
    for m in WORD_RE.finditer(stripped):
        words += 1
        letters += m.end() - m.start()
        if words >= _MIN_WORDS and letters >= _MIN_LETTERS:
            return True
    return False


_UNKNOWN = object()


class _Question(NamedTuple):
    """A sentence py3langid must judge: the sentence with its names blanked, the languages to choose
    among, and the finding when py3langid does not name a wrong language (a copy of the source or None).
    (A NamedTuple: made for nearly every target sentence, three times faster than a frozen dataclass.)"""

    text: str
    langs: tuple[str, ...]
    length: int  # of the sentence
    otherwise: Optional[_Finding]


def _script_finding(sentence: str, text: str, letters: int, foreign: int, expected: frozenset[str],
                    candidates: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """The finding (or None) from ``foreign`` letters of ``letters`` the target language does not write,
    in ``text`` (``sentence`` with its URLs masked); _UNKNOWN when they say nothing."""
    runs = _foreign_runs(text, expected)
    run_start, run_end = max(runs, key=lambda r: (_weight(text[r[0] : r[1]]), -r[0]))
    run_text = text[run_start:run_end]
    share = foreign / letters
    whole = share >= 0.9
    enough = _weight(run_text) >= (12 if whole else _MIN_LETTERS)
    if enough and not (not whole and _in_brackets(text, run_start, run_end)):
        scripts = {script_of(ch) for ch in run_text} - {None}
        pool = [c for c in candidates if any(s in scripts_of_lang(c) for s in scripts)]
        lang, _prob = classify(run_text, pool or None)
        if whole:
            return _Finding(-1, 0, len(sentence), lang, round(share, 3), "script")
        return _Finding(-1, run_start, run_end, lang, round(share, 3), "script")
    if share >= 0.5:
        return None  # mostly foreign script but too short to judge: a name or a label
    return _UNKNOWN


@lru_cache(maxsize=64)
def _expected_scripts(lang: str) -> frozenset[str]:
    return frozenset(scripts_of_lang(lang))


@text_cache()
def _prepare(
    sentence: str, tgt: str, src: str, candidates: tuple[str, ...], source_text: Optional[str],
    urls: bool = True, scripts: bool = True,
) -> Union[_Finding, _Question, None]:
    """The finding for one target sentence (``sentence`` -1; offsets into its text), or the question for
    py3langid that decides it (asked for all the sentences of a document at once, ``_answers``). A
    function of its first five arguments alone: kept per process for sentences a batch sees again.
    ``urls`` False says the sentence holds no URL, ``scripts`` False no letter of a script the target
    language does not write (both known of its whole document); they spare the scans, not change them."""
    text = _mask_urls(sentence) if urls else sentence
    expected = _expected_scripts(tgt)
    if not scripts or only_scripts(text, expected):  # the common case, without counting: no letter of another script
        letters, foreign = int(has_letter(text)), 0
    else:
        letters = foreign = 0
        for ch, n in Counter(text).items():  # each distinct character once
            script = script_of(ch)
            if script:
                letters += n
                if script not in expected:
                    foreign += n
    if not letters:
        return None
    # 1. Script evidence: letters the target language does not write.
    if foreign:
        found = _script_finding(sentence, text, letters, foreign, expected, candidates)
        if found is not _UNKNOWN:
            return found  # type: ignore[return-value]
    # 2. Same script, wrong language: py3langid among the plausible languages, names removed; not asked
    # about a sentence whose function words are the target language's alone (most sentences), unless it
    # may be a copy of its source.
    if not foreign:
        sets = _function_word_sets(tgt, _same_script_langs(candidates, tgt))
        if (sets is not None and _target_function_words(text, sets)
                and not (source_text and src != tgt and _same_words(source_text, sentence))):
            return None
    stripped = _names_removed(text)
    long_enough = _long_enough(stripped)
    if not long_enough and expected & _DENSE_SCRIPTS:
        # Chinese or Japanese targets write no spaces: count letter-equivalents, not words.
        long_enough = _weight(stripped) >= 30
    if not long_enough:
        return None
    same_script = _same_script_langs(candidates, tgt)
    if len(same_script) < 2:
        return None
    # 3. A copy of the aligned source, whatever the classifier says.
    copy = None
    if source_text and src != tgt and _same_words(source_text, sentence):
        copy = _Finding(-1, 0, len(sentence), src, 1.0, "copy")
    if not foreign and len(expected) == 1:
        # Every letter of ``stripped`` is of the one expected script: its profile, without counting.
        (script,) = expected
        found, langs = _one_script_verdict(script if has_letter(stripped) else None, same_script)
    else:
        found, langs = script_verdict(script_profile(stripped), same_script)
    if found is None:
        return _Question(stripped, langs, len(sentence), copy)
    return _verdict(found, tgt, len(sentence), copy)


def _verdict(found: tuple[str, float], tgt: str, length: int, otherwise: Optional[_Finding]) -> Optional[_Finding]:
    lang, prob = found
    if lang != tgt and prob >= _MIN_PROBABILITY:
        return _Finding(-1, 0, length, lang, round(prob, 3), "language")
    return otherwise


# The answers to questions asked before, per process (``clear_text_caches`` empties it).
_ANSWERS: dict[tuple[_Question, str], Optional[_Finding]] = {}
register_cache(_ANSWERS.clear)


def _answers(questions: list[_Question], tgt: str) -> list[Optional[_Finding]]:
    """The findings of ``questions``: by ``classify``'s py3langid stage, not asked where a bound on its
    probabilities for all of them at once rules out a wrong language (``langid.rules_out``)."""
    out = [_ANSWERS.get((q, tgt), _UNKNOWN) for q in questions]
    for langs in dict.fromkeys(q.langs for k, q in enumerate(questions) if out[k] is _UNKNOWN):
        ks = [k for k, q in enumerate(questions) if q.langs == langs and out[k] is _UNKNOWN]
        ruled_out = rules_out([questions[k].text for k in ks], langs, tgt, _MIN_PROBABILITY)
        for k, settled in zip(ks, ruled_out):
            q = questions[k]
            found = q.otherwise if settled else _verdict(restricted_classify(q.text, langs), tgt, q.length, q.otherwise)
            out[k] = remember(_ANSWERS, (q, tgt), found)
    return out  # type: ignore[return-value]


def _judge(
    sentence: str, tgt: str, src: str, candidates: tuple[str, ...], source_text: Optional[str]
) -> Optional[_Finding]:
    """The finding for one target sentence, judged alone."""
    found = _prepare(sentence, tgt, src, candidates, source_text)
    return _answers([found], tgt)[0] if isinstance(found, _Question) else found


@register(CHECK_ID, Category.ACCURACY_UNTRANSLATED, version=1, order=30)
def untranslated_sentence(ctx: CheckContext) -> Iterator[Issue]:
    """Target sentence left in the source language or in another wrong language.

    Evidence, in order: letters in a script the target language does not write (Han characters in a
    French target, Cyrillic in an English one), as a whole sentence or as a run of at least ~20
    letter-equivalents inside it (a Han character counts three); then py3langid restricted to the
    source, the target and a few common news languages (en, fr, de, es), on the sentence with its names,
    acronyms, numbers and URLs blanked out, at probability ≥ 0.9; then a sentence identical to its
    aligned source. py3langid is not asked about a sentence holding two different function words that,
    among the candidates, only the target language uses, and none that only another one uses (lists for
    en, fr, de and es): it is in the target language (on all 19,659 target sentences of the WMT 2021 MQM
    sets, zh-en and en-de, the verdicts are the same either way). Sentences shorter than 4 words or 20
    letters after that blanking, number and date lines, bylines of names and the sentences
    ``noise.debris`` flagged are skipped. Severity is major,
    critical for every finding when more than half of the target sentences are untranslated.

    False positives: a quotation, a slogan or a title deliberately kept in the original language; a
    long name of an organisation given in its original script without brackets; very short or
    loan-word-heavy sentences in closely related languages (es/pt/it, da/no/sv) that py3langid confuses;
    a long Japanese sentence written only in kanji, without kana, in a Japanese target from a Chinese
    source (taken for Chinese). Missed: a sentence of another language that holds two of the target
    language's own function words and none of another candidate's (a language without a list, such as
    Dutch or Italian, in a German target).
    """
    tgt = base_lang(ctx.target.lang)
    src = base_lang(ctx.source.lang)
    if not tgt:
        return
    candidates = tuple(dict.fromkeys(c for c in (tgt, src, *_EXTRA_CANDIDATES) if c))
    noise = noise_targets(ctx)
    beads = bead_of_target(ctx)
    # What the whole target text lacks its sentences lack (each is a part of it): a hint of a URL (every
    # string with a hint is part of one: "://", "@", "#", a dot with "www" before it or the letter of a
    # domain after it), a letter of another script.
    doc = ctx.target.text
    urls = URL_HINT(doc)
    scripts = not only_scripts(doc, frozenset(scripts_of_lang(tgt)))
    han_only_in_source = _han_only_in_source(ctx)  # then a sentence is no copy of a source with Han letters
    n_source = len(ctx.source.sentences)
    findings: list[_Finding] = []
    questions: list[tuple[int, _Question]] = []
    considered = 0
    for j, sent in enumerate(ctx.target.sentences):
        if j in noise or not (sent.text[:1].isalpha() or any(ch.isalpha() for ch in sent.text)):
            continue
        considered += 1
        bead = beads.get(j)
        source_text = None
        if bead is not None and len(bead.target) == 1:
            if len(bead.source) == 1 and 0 <= bead.source[0] < n_source:  # most beads: the sentence itself
                source_text = ctx.source.sentences[bead.source[0]].text
            else:
                source_text = " ".join(ctx.source.sentences[i].text for i in bead.source if 0 <= i < n_source)
            if han_only_in_source and HAN_CORE_RE.search(source_text):
                source_text = None
        found = _prepare(sent.text, tgt, src, candidates, source_text, urls, scripts)
        if isinstance(found, _Question):
            questions.append((j, found))
        elif found is not None:
            findings.append(_Finding(j, found.start, found.end, found.lang, found.confidence, found.reason))
    if questions:
        for (j, _), found in zip(questions, _answers([q for _, q in questions], tgt)):
            if found is not None:
                findings.append(_Finding(j, found.start, found.end, found.lang, found.confidence, found.reason))
        findings.sort(key=lambda f: f.sentence)
    ctx.notes[SENTENCE_NOTE] = {f.sentence for f in findings}
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


# ---------------------------------------------------------------------------------------------------
# In part: source words left in the target, a target identical to its source.

# Function words: a run of copied source words holding two of these (that the target language does not
# share) is source-language text, not a name or a title.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is was that for with on as by at from it this will would have has are were "
                    "be been which who their they he she his her not but or an a its said after about than there "
                    "we our can could should".split()),
    "fr": frozenset("le la les des du de un une et est dans pour que qui sur par avec pas au aux ce cette il elle ils "
                    "sont a été ont son sa ses leur mais ou plus se ne nous vous en".split()),
    "de": frozenset("der die das und ist nicht mit von zu den dem des ein eine einen auf für sich im in es sie er wir "
                    "auch hat wurde werden sind war bei nach aus wie aber oder noch dass".split()),
    "es": frozenset("el la los las de del y en que es un una por con para se no al lo su sus fue ha son está pero "
                    "como más".split()),
    # The languages below share many of these words with their neighbours (« de abril de » is Spanish and
    # Portuguese): what a source language does not share is only known where the target has its list.
    "it": frozenset("il lo la i gli le di del della dei delle degli da dal dalla in nel nella nei con su sul sulla "
                    "per tra fra e ed o che non è sono era ha hanno un una uno al alla ai agli come anche più ma "
                    "se si questo questa".split()),
    "pt": frozenset("o a os as de do da dos das em no na nos nas um uma uns umas e ou que não é são foi era com "
                    "por para pelo pela ao à aos às se mais mas como também seu sua".split()),
    "ca": frozenset("el la els les de del dels en a al als amb per i o que no és són va ha han un una uns unes es "
                    "se més però com també seu seva aquest aquesta".split()),
    "gl": frozenset("o a os as de do da dos das en no na nos nas un unha e ou que non é son foi con por para ao á "
                    "se máis pero como".split()),
    "ro": frozenset("și în la de pe cu din pentru este sunt a fost au nu că care un o al ale lui ei se mai dar sau "
                    "ca prin după".split()),
    "nl": frozenset("de het een en van in op met voor aan is was zijn werd worden niet dat die dit deze er te om ook "
                    "maar of naar bij uit door als dan heeft hebben".split()),
    "sv": frozenset("och i på av för med till som att det den en ett är var har inte om men från vid efter".split()),
    "da": frozenset("og i på af for med til som at det den en et er var har ikke om men fra ved efter".split()),
    "no": frozenset("og i på av for med til som at det den en et er var har ikke om men fra ved etter".split()),
}
FUNCTION_WORDS["nb"] = FUNCTION_WORDS["no"]
_WORD_SPAN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SCRIPT_RUNS = {
    "Han": r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff]",
    "Cyrillic": r"[\u0400-\u04ff]",
    "Greek": r"[\u0370-\u03ff]",
    "Arabic": r"[\u0600-\u06ff]",
    "Hangul": r"[\uac00-\ud7af]",
}


@lru_cache(maxsize=16)
def _words_re(words: frozenset[str]) -> re.Pattern[str]:
    """The occurrences of ``words`` among the words ``_WORD_SPAN_RE`` finds (the same case): a word's first
    letter with no letter-like character before it (nor one and an apostrophe or a hyphen), the rest
    of the word, and no letter-like character after it (nor an apostrophe or a hyphen and one). The
    words are grouped by first letter, which the regex engine looks for first."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    branches = "|".join(
        re.escape(first) + AT_WORD_START + "(?:"
        + "|".join(re.escape(r) for r in sorted(rest, key=lambda r: (-len(r), r))) + ")"
        for first, rest in sorted(rests.items())
    )
    return re.compile(rf"(?:{branches})(?![^\W\d_])(?!['’-][^\W\d_])")


def _copied_runs(src_words: list[str], tgt_words: list[re.Match]) -> Iterator[tuple[int, int]]:
    """Maximal runs (start, end word indices) of the target that repeat consecutive source words."""
    positions: dict[str, list[int]] = {}
    for k, w in enumerate(src_words):
        positions.setdefault(w, []).append(k)
    lowered = [m.group().lower() for m in tgt_words]
    i, n = 0, len(tgt_words)
    while i < n:
        best = 0
        for p in positions.get(lowered[i], ()):
            k = 1
            while i + k < n and p + k < len(src_words) and lowered[i + k] == src_words[p + k]:
                k += 1
            best = max(best, k)
        if best >= 3:
            yield i, i + best
            i += best
        else:
            i += 1


def _beads_with_two(ctx: CheckContext, own_re: re.Pattern[str]) -> list:
    """The beads (as ``bead_sides`` gives them) whose target side holds two matches of ``own_re`` or more:
    evidence is two target words among the source's own function words, and without two in the whole
    target side no copied run holds them.

    Counted in one pass over the target sentences joined by NUL, sentence by sentence: a match lies in one
    sentence (a function word holds no white space and no NUL), and what ``own_re`` reads around a match,
    a letter or a joiner, is neither a NUL, nor the space that joins the sentences of a side, nor the end
    of a text: a sentence is read in the joined text as in a side, where it is read as on its own."""
    joined, starts = document_joined(ctx.target)
    counts: Counter[int] = Counter(bisect_right(starts, m.start()) - 1 for m in own_re.finditer(joined))
    if not counts:
        return []
    return [found for found in bead_sides(ctx)
            if not counts.keys().isdisjoint(found[1].target) and sum(counts[j] for j in found[1].target) >= 2]


@register("untranslated.partial", Category.ACCURACY_UNTRANSLATED, version=1, order=35)
def untranslated_partial(ctx: CheckContext) -> Iterator[Issue]:
    """Source words left in the target: part of a sentence not translated.

    Two kinds of evidence, bead by bead, in sentences ``untranslated.sentence`` did not report: letters
    of the source's script that the target language does not write, copied from the source (two Han
    characters or more in an English or French translation of a Chinese source, not in brackets after
    their translation: « Lin Jian (林剑) » is fine), major; and, between languages written in the same
    script, a run of three or more consecutive source words copied into the translation that holds two
    or more function words of the source language the target language does not use ("the government will
    review" in a French sentence), major from four words, else minor (lists for en, fr, de, es, it, pt, ca,
    gl, ro, nl, sv, da, no: « de abril de » is Spanish and Portuguese alike).

    Runs whose other words are all capitalised are names and titles kept on purpose ("Centers for
    Disease Control and Prevention", „State of the Union“) and are skipped.

    False positives: a slogan or quotation deliberately left in the original language in lower case; a
    source that itself quotes target-language text.
    """
    tgt = base_lang(ctx.target.lang)
    src = base_lang(ctx.source.lang)
    if not tgt or not src or tgt == src:
        return
    done = ctx.notes.get(SENTENCE_NOTE, set())
    noise = noise_targets(ctx)
    expected = set(scripts_of_lang(tgt))
    foreign = [s for s in scripts_of_lang(src) if s not in expected and s in _SCRIPT_RUNS]
    run_re = re.compile(_SCRIPT_RUNS[foreign[0]] + "{2,}") if foreign else None
    src_fw = FUNCTION_WORDS.get(src, frozenset())
    tgt_fw = FUNCTION_WORDS.get(tgt, frozenset())
    same_script = not foreign and bool(set(scripts_of_lang(src)) & expected) and bool(src_fw)
    if run_re is None and not same_script:
        return
    own_fw = src_fw - tgt_fw
    own_re = _words_re(frozenset(own_fw)) if own_fw else None
    skip = done | noise
    if run_re is not None:
        # A run in a bead's target side lies in one of its sentences (no white space in a run), a part of
        # the target text: a text without one has no bead to read.
        if ctx.target.text.isascii() or run_re.search(ctx.target.text) is None:  # (no script run is ASCII)
            return
        beads = bead_sides(ctx)
    elif own_re is None:
        return  # no evidence to find: the source's function words are all the target language's
    else:
        beads = _beads_with_two(ctx, own_re)

    for _, bead, s_side, t_side in beads:
        if not skip.isdisjoint(bead.target):
            continue
        if run_re is not None:
            for m in run_re.finditer(t_side.text):
                if m.group() not in s_side.text or _in_brackets(t_side.text, m.start(), m.end()):
                    continue
                yield Issue("untranslated.partial", Category.ACCURACY_UNTRANSLATED, Severity.MAJOR,
                            f"'{m.group()}' is copied from the source, not translated",
                            source_span=s_side.whole(), target_span=t_side.span(m.start(), m.end()))
            continue
        src_words = [w.lower() for w in _WORD_SPAN_RE.findall(s_side.text)]
        tgt_words = list(_WORD_SPAN_RE.finditer(t_side.text))
        for a, b in _copied_runs(src_words, tgt_words):
            words = [w.group() for w in tgt_words[a:b]]
            evidence = [w for w in words if w in src_fw and w not in tgt_fw]
            if len(evidence) < 2:
                continue
            content = [w for w in words if w.lower() not in src_fw]
            if content and all(w[0].isupper() for w in content):
                continue  # a name or a title in title case: "Centers for Disease Control and Prevention"
            start, end = tgt_words[a].start(), tgt_words[b - 1].end()
            yield Issue("untranslated.partial", Category.ACCURACY_UNTRANSLATED,
                        Severity.MAJOR if b - a >= 4 else Severity.MINOR,
                        f"'{t_side.text[start:end]}' is left in the source language ({src})",
                        source_span=s_side.whole(), target_span=t_side.span(start, end))


@register("untranslated.unchanged", Category.ACCURACY_UNTRANSLATED, version=1, order=35)
def untranslated_unchanged(ctx: CheckContext) -> Iterator[Issue]:
    """Translation identical to its source.

    A bead whose translation equals its source (case and spaces aside), with three words or more of
    which one at least is a lower-case word (in Chinese or Japanese, four characters or more), is major
    unless ``untranslated.sentence`` already reported it. Shorter identical lines are names, datelines
    and labels ("Angela Merkel", "Photo: AFP") and are left alone, as pofilter's ``unchanged`` does not.

    False positives: a quotation kept in its original language on purpose; a line that is the same
    in both languages (« Stop » in a list of slogans).
    """
    if base_lang(ctx.source.lang) == base_lang(ctx.target.lang):
        return
    skip = ctx.notes.get(SENTENCE_NOTE, set()) | noise_targets(ctx)
    han_only_in_source = _han_only_in_source(ctx)
    for _, bead, s_side, t_side in bead_sides(ctx):
        if not skip.isdisjoint(bead.target):
            continue
        if han_only_in_source and HAN_CORE_RE.search(s_side.text) or not _same_words(s_side.text, t_side.text):
            continue
        b = _normalise(t_side.text)
        if not b:
            continue
        words = b.split()
        dense = sum(1 for ch in b if script_of(ch) in _DENSE_SCRIPTS)
        cased_words = [w for w in WORD_RE.findall(t_side.text) if len(w) >= 3 and w.islower()]
        if not (dense >= 4 or (len(words) >= 3 and cased_words)):
            continue
        yield Issue("untranslated.unchanged", Category.ACCURACY_UNTRANSLATED, Severity.MAJOR,
                    "The translation is identical to the source", source_span=s_side.whole(),
                    target_span=t_side.whole())
