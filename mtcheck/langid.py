"""Language identification: script evidence first, then py3langid restricted to the languages in play."""
from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable, Optional

# Languages detected for whole documents when the user gives none: the news languages mtcheck
# supports well. Restricting py3langid to a plausible set removes its rare-language confusions.
COMMON_LANGS: tuple[str, ...] = (
    "ar", "cs", "da", "de", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "id", "it", "ja", "ko",
    "nl", "no", "pl", "pt", "ro", "ru", "sv", "th", "tr", "uk", "vi", "zh",
)

# The ISO 639-1 codes (the 183 of the standard, with "sh", Serbo-Croatian, which it withdrew and files still
# write), and the withdrawn or common aliases read as the code that replaced them.
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el
en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu
ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na
nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn
so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
_LANG_ALIASES = {"zh-cn": "zh", "zh-hans": "zh", "zh-tw": "zh", "zh-hant": "zh", "iw": "he", "jp": "ja", "in": "id",
                 "ji": "yi", "jw": "jv", "mo": "ro"}


# Codes of a language that mtcheck's per-language tables and py3langid know under another code: Norwegian
# Bokmål (nb) is their Norwegian (no). Applied where a check or the number reader takes a document's base
# language (``checks.data.base_lang``, ``numbers._lang_key``); the report keeps the code the user gave.
SAME_LANGUAGE = {"nb": "no"}

# Languages written right to left (Arabic, Hebrew, Persian, Urdu, Pashto, Yiddish, Dhivehi, Sindhi, Uyghur,
# Kurdish in Arabic script): HTML gives their text dir="rtl".
RTL_LANGS = frozenset("ar he fa ur ps yi dv sd ug ckb iw".split())


def dir_attr(lang: Optional[str]) -> str:
    """The HTML attribute for text of ``lang`` (its base code, any region or script tag aside): ``' dir="rtl"'``
    for a language written right to left, else nothing (the page's ltr)."""
    return ' dir="rtl"' if (lang or "").lower().replace("_", "-").split("-")[0] in RTL_LANGS else ""


def iso_639_1(tag: Optional[str]) -> Optional[str]:
    """The ISO 639-1 code of a language tag (``FR``, ``fr-FR``, ``zh_Hans``, ``iw`` → ``fr``, ``fr``, ``zh``,
    ``he``), or None when it names no language of ISO 639-1 (``*all*``, ``x-custom``, ``eng``, ``zz``)."""
    if tag is None:
        return None
    code = tag.strip().lower().replace("_", "-")
    code = _LANG_ALIASES.get(code, code.split("-")[0])
    code = _LANG_ALIASES.get(code, code)
    return code if code in ISO_639_1 else None


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# The code-point ranges of the scripts ``script_of`` knows by range (they do not overlap); other
# letters are named by the first word of their Unicode name.
SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x4E00, 0x9FFF, "Han"), (0x3400, 0x4DBF, "Han"), (0x20000, 0x2FA1F, "Han"), (0xF900, 0xFAFF, "Han"),
    (0x3040, 0x309F, "Hiragana"),
    (0x30A0, 0x30FF, "Katakana"), (0x31F0, 0x31FF, "Katakana"),
    (0xAC00, 0xD7AF, "Hangul"), (0x1100, 0x11FF, "Hangul"), (0x3130, 0x318F, "Hangul"),
    (0x0000, 0x024F, "Latin"), (0x1E00, 0x1EFF, "Latin"), (0xFF21, 0xFF5A, "Latin"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
    (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0900, 0x097F, "Devanagari"),
)


@lru_cache(maxsize=None)  # one entry per distinct character seen: a few thousand at most
def script_of(ch: str) -> Optional[str]:
    """The script of one letter: Han, Hiragana, Katakana, Hangul, Latin, Cyrillic, Greek, Arabic,
    Hebrew, Thai, Devanagari; None for digits, punctuation and spaces."""
    if not ch.isalpha():
        return None
    o = ord(ch)
    for low, high, script in SCRIPT_RANGES:
        if low <= o <= high:
            return script
    name = unicodedata.name(ch, "")
    return name.split(" ")[0].title() if name else None


# Every letter (``str.isalpha``) is a ``[^\W\d_]`` character; so are a few numeric characters ("²", "½").
_LETTERISH_RE = re.compile(r"[^\W\d_]")


def has_letter(text: str) -> bool:
    """True when a character of ``text`` has a script (``script_of``): a letter ``script_profile`` counts.
    Found by regex; a few matches are numbers, and a few letters (Tangut) have no Unicode name."""
    found = _LETTERISH_RE.search(text)
    while found is not None and script_of(found.group()) is None:
        found = _LETTERISH_RE.search(text, found.end())
    return found is not None


@lru_cache(maxsize=None)
def _outside_re(scripts: frozenset[str]) -> re.Pattern[str]:
    """The letter-like characters (``_LETTERISH_RE``) not in the ranges of ``scripts``: every letter that may
    be of another script (the letters in those ranges are of those scripts by ``script_of``'s definition)."""
    ranges = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high, s in SCRIPT_RANGES if s in scripts)
    return re.compile(f"[^\\W\\d_{ranges}]")


def only_scripts(text: str, scripts: frozenset[str]) -> bool:
    """True when every letter of ``text`` (a character with a script) is of one of ``scripts``; a regex
    finds the few characters outside their ranges, checked one by one. An ASCII text's letters are Latin
    (told in C: it has one when its upper and lower cases differ)."""
    if text.isascii():
        return "Latin" in scripts or text.upper() == text.lower()
    return all(script_of(ch) in scripts or script_of(ch) is None for ch in set(_outside_re(scripts).findall(text)))


# For a script, a range of code points that are all letters of it (``script_of``; tests/test_langid.py reads
# every one): a Chinese text with a few Latin letters is told to be Chinese without its profile.
HAN_CORE_RE = re.compile("[\u4e00-\u9fd5]+")
_CORE_RE: dict[str, re.Pattern[str]] = {"Han": HAN_CORE_RE}


def script_mismatch(text: str, scripts: tuple[str, ...], share: float) -> Optional[str]:
    """The script of most letters of ``text`` (the first such in the text on a tie) when the letters of
    ``scripts`` are less than ``share`` of them (``script_profile``'s shares), else None.

    A text whose letters are all of ``scripts`` (``only_scripts``: a regex scan, no counting) is settled
    without its profile when ``share`` is at most 0.5: its shares of ``scripts`` add up to 1 (to within
    a few units in the last place), or it has no letter (an empty profile: no mismatch). A text of one script's
    language (Chinese) whose characters are of that script's core range for ``share`` of them or more is
    settled too."""
    if share <= 0.5 and only_scripts(text, frozenset(scripts)):
        return None
    core = _CORE_RE.get(scripts[0]) if len(scripts) == 1 and text else None
    if core is not None and sum(map(len, core.findall(text))) / len(text) >= share:
        # A lower bound of the share: the letters of the script are at least the characters of its core
        # range, and the letters at most the characters (a division correctly rounded keeps the order).
        return None
    profile = script_profile(text)
    if profile and sum(v for k, v in profile.items() if k in scripts) < share:
        return max(profile, key=profile.get)  # type: ignore[arg-type]
    return None


def script_profile(text: str) -> dict[str, float]:
    """Share of each script among the letters of ``text`` (empty dict when it has no letters)."""
    counts: Counter[str] = Counter()
    # Each distinct character once (Counter keeps first-occurrence order, so the scripts come out in
    # the order of their first letter, as a scan of the text gives them).
    for ch, n in Counter(text).items():
        s = script_of(ch)
        if s:
            counts[s] += n
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()} if total else {}


# The script each language writes in; used as evidence alongside the statistical classifier.
LANG_SCRIPTS: dict[str, tuple[str, ...]] = {
    "zh": ("Han",), "ja": ("Han", "Hiragana", "Katakana"), "ko": ("Hangul", "Han"),
    "ru": ("Cyrillic",), "uk": ("Cyrillic",), "bg": ("Cyrillic",), "sr": ("Cyrillic", "Latin"),
    "el": ("Greek",), "ar": ("Arabic",), "fa": ("Arabic",), "he": ("Hebrew",), "th": ("Thai",),
    "hi": ("Devanagari",),
}


def scripts_of_lang(lang: str) -> tuple[str, ...]:
    return LANG_SCRIPTS.get(lang, ("Latin",))


def classify(text: str, candidates: Optional[Iterable[str]] = None) -> tuple[str, float]:
    """Most likely language of ``text`` among ``candidates`` (ISO 639-1) with its probability.

    Script evidence decides where it is unambiguous (kana means Japanese, Hangul Korean, Han alone
    Chinese); otherwise py3langid restricted to the candidates.
    """
    found, pool = script_verdict(script_profile(text), candidates)
    return found if found is not None else restricted_classify(text, pool)


def restricted_classify(text: str, langs: tuple[str, ...]) -> tuple[str, float]:
    """py3langid's language of ``text`` among ``langs`` (sorted) and its probability."""
    lang, prob = _restricted(langs).classify(text)
    return str(lang), float(prob)


def script_verdict(
    profile: dict[str, float], candidates: Optional[Iterable[str]] = None
) -> tuple[Optional[tuple[str, float]], tuple[str, ...]]:
    """``classify``'s decision from the script profile of the text alone: ((language, probability), ())
    when the scripts settle it, else (None, languages) for py3langid restricted to those languages
    (sorted, two or more)."""
    cands = tuple(sorted(set(candidates))) if candidates else COMMON_LANGS
    if not profile:
        return (cands[0] if cands else "und", 0.0), ()
    kana = profile.get("Hiragana", 0.0) + profile.get("Katakana", 0.0)
    if kana > 0.05 and "ja" in cands:
        return ("ja", min(1.0, 0.5 + kana)), ()
    if profile.get("Hangul", 0.0) > 0.3 and "ko" in cands:
        return ("ko", profile["Hangul"]), ()
    if profile.get("Han", 0.0) > 0.5 and "zh" in cands:
        return ("zh", profile["Han"]), ()
    # Script filter: keep candidates whose script accounts for most letters.
    dominant = max(profile, key=profile.get)  # type: ignore[arg-type]
    fitting = [c for c in cands if dominant in scripts_of_lang(c)]
    if len(fitting) == 1:
        return (fitting[0], profile[dominant]), ()
    pool = fitting or list(cands)
    known = _known_langs()
    pool = [c for c in pool if c in known]
    if not pool:
        return ((fitting[0] if fitting else cands[0]), 0.0), ()
    if len(pool) == 1:
        return (pool[0], profile.get(dominant, 0.0)), ()
    return None, tuple(sorted(pool))


@lru_cache(maxsize=1)
def _known_langs() -> frozenset[str]:
    return frozenset(_identifier().nb_classes)


@lru_cache(maxsize=16)
def _restricted(langs: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """An identifier restricted to ``langs`` (py3langid's set_languages subsets the model arrays, which
    is too slow to redo for every sentence), one per language set, made once from the loaded model."""
    from py3langid.langid import LanguageIdentifier

    full = _identifier()  # the model read once: a restricted copy shares its arrays
    with _LOCK:
        ident = LanguageIdentifier(full.nb_ptc, full.nb_pc, full.nb_classes, full.tk_nextmove, full.tk_output,
                                   norm_probs=True, tk_row=full.tk_row)
        ident.set_languages(list(langs))
    return ident


# --- py3langid's verdict bounded for many texts at once --------------------------------------------
#
# py3langid scores a text by walking its UTF-8 bytes through a byte automaton (one Python step a byte)
# and adding, for every feature met, log(1 + count) times the feature's log-probability per language
# (float32), then a softmax over the languages. ``rules_out`` computes the same features for a batch
# of texts with numpy and the same sums in float64, and says where py3langid's verdict cannot be "a
# language other than ``lang`` with probability >= threshold" whatever the float32 rounding: then the
# caller needs no py3langid call. It never decides the other way: a text not ruled out is classified
# by py3langid itself, so every probability reported is py3langid's own.
#
# Two facts about the model make the batch walk exact; the tests prove both for the installed model
# (tests/test_langid.py), and the fast path is taken only for a model they were proved for:
# - the automaton is 6-definite: the state after any byte string depends only on its last 6 bytes
#   (an Aho-Corasick automaton over features of at most 6 bytes), so the state at every position is
#   found by 6 vectorised steps from the start state over the 6 bytes ending there;
# - byte 0xFF (never found in UTF-8) leads every state to the start state, which has no feature: the
#   texts are joined with it, and no window reaches across a join.
_DEFINITE = 6
_RESET = 0xFF
_FEATURE_BITS = 20  # a (text, feature) pair as one integer: text << 20 | feature (100,054 features)


# The SHA-256 of the py3langid model files whose automaton the tests found 6-definite with the reset
# byte (tests/test_langid.py, test_model_automaton_is_definite_with_a_reset_byte); with another model,
# ``rules_out`` rules nothing out and py3langid classifies every text.
VERIFIED_MODELS = frozenset({"f4f4a2c3465ca1f081541037f9cac23021d68151c2f709c55ae5eedfca522963"})


def model_digest() -> str:
    import hashlib

    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return hashlib.sha256((MODEL_DIR / MODEL_FILE).read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def _automaton():  # type: ignore[no-untyped-def]
    """py3langid's byte automaton as arrays: the next-state table, the row offset of each state in it,
    and the row offset of the state reached from the start state by each pair of bytes (the first two
    steps of a walk in one look-up); and each state's feature, plus one (0: none). None for a model
    not verified."""
    import numpy as np

    if model_digest() not in VERIFIED_MODELS:
        return None
    ident = _identifier()
    nextmove = np.asarray(ident.tk_nextmove)
    rowbase = np.asarray(ident._rowbase, dtype=np.int32)  # small types: fewer cache lines to read
    first = nextmove[rowbase[0] + np.arange(256)]
    pairs = rowbase[nextmove[rowbase[first][:, None] + np.arange(256)[None, :]].reshape(-1)]
    feature = (np.asarray(ident.tk_output, dtype=np.int64) + 1).astype(np.int32)
    return nextmove, rowbase, pairs, feature


@lru_cache(maxsize=16)
def _tables(langs: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """The restricted identifier's feature log-probabilities (its float16 values, after a row of zeros
    for "no feature"), its priors (float64: exact copies of its float32 values), and whether a
    log-probability is positive."""
    import numpy as np

    ident = _restricted(langs)
    ptc = np.zeros((ident.nb_ptc.shape[0] + 1, ident.nb_ptc.shape[1]), dtype=ident.nb_ptc.dtype)
    ptc[1:] = ident.nb_ptc
    return ptc, np.asarray(ident.nb_pc, dtype=np.float64), bool((ptc > 0).any())


def rules_out(texts: list[str], langs: tuple[str, ...], lang: str, threshold: float) -> list[bool]:
    """For each text, True when ``_restricted(langs).classify(text)`` is certain not to return a language
    other than ``lang`` with a probability of ``threshold`` or more (False: classify it to know).

    Certain by an error bound. The float64 scores computed here from the same features differ from
    py3langid's float32 ones by less than ``(n + 8) * 2**-20 * (sum of |terms| + |prior|)`` for a sum of
    n terms (the worst case of any float32 summation order is n * 2**-24 of that sum; log1p's and the
    product's rounding add a few units in the last place); each score is moved by that bound against
    the verdict. The probability of another language L is at most 1 / (1 + exp(z_lang - z_L)) (the
    other languages only add to the denominator), which must stay below ``threshold`` by a relative
    margin of 1e-4 (more than the float32 rounding of the scaling, exp and division)."""
    import numpy as np

    ident = _restricted(langs)
    if (not texts or ident._alias_pairs or lang not in ident.nb_classes or not 1 / len(langs) < threshold
            or ident.nb_ptc.shape[0] >= 1 << _FEATURE_BITS):
        return [False] * len(texts)
    automaton = _automaton()
    if automaton is None:
        return [False] * len(texts)
    nextmove, rowbase, pairs, feature_of = automaton
    ptc, pc, signed = _tables(langs)
    encoded = [ident._encode(t) for t in texts]  # py3langid's bytes
    sizes = np.array([len(e) for e in encoded])
    # Each text followed by a reset byte (its feature-less position: every text has one), after a
    # padding of resets for the windows of the first bytes.
    reset = bytes([_RESET])
    data = np.frombuffer(reset * (_DEFINITE - 1) + reset.join(encoded) + reset, dtype=np.uint8).astype(np.int32)
    n = len(data) - (_DEFINITE - 1)
    # The state at each position: a walk from the start state over the window of 6 bytes ending there
    # (gathers by ``take``: the same values, read faster than by indexing with an array).
    row = pairs.take((data[:n] << 8) + data[1 : n + 1])
    for back in range(_DEFINITE - 3, 0, -1):
        row = rowbase.take(nextmove.take(row + data[_DEFINITE - 1 - back : _DEFINITE - 1 - back + n]))
    feature = feature_of.take(nextmove.take(row + data[_DEFINITE - 1 :]))
    # The distinct (text, feature) pairs, sorted, and their counts; each text's pairs begin with its
    # "no feature" (feature 0).
    keys = np.repeat(np.arange(len(texts), dtype=np.int64) << _FEATURE_BITS, sizes + 1)
    keys += feature
    keys.sort()
    new = np.empty(n + 1, dtype=bool)
    new[0] = new[n] = True
    np.not_equal(keys[1:], keys[:-1], out=new[1:n])
    bounds = np.flatnonzero(new)  # where each distinct pair starts, and the end
    starts = bounds[:-1]
    feat = keys.take(starts) & ((1 << _FEATURE_BITS) - 1)
    firsts = np.flatnonzero(feat == 0)
    terms = np.log1p(bounds[1:] - starts)[:, None] * ptc.take(feat, axis=0)
    score = np.add.reduceat(terms, firsts)
    # the sum of |terms| and |prior| (the terms are all negative unless the table has positive values)
    spread = np.add.reduceat(np.abs(terms), firsts) if signed else -score
    spread += np.abs(pc)
    score += pc
    # The float32 error bound; the scores moved by it against the verdict.
    nfeat = np.append(firsts[1:], len(starts)) - firsts - 1
    spread *= ((nfeat + 8) * 2.0**-20)[:, None]  # the error bound
    target = ident.nb_classes.index(lang)  # the columns are in the model's order
    low = score[:, target] - spread[:, target]
    score += spread
    score[:, target] = -math.inf
    # exp(low - high) above this, the bound holds (every probability does, from a threshold above 1)
    need = math.log((1 + 1e-4) / threshold - 1) if (1 + 1e-4) / threshold > 1 else -math.inf
    safe = low - score.max(axis=1) > need * np.sqrt(np.maximum(sizes, 1))  # the scores are scaled
    # no feature: py3langid gives every language the same probability, 1 / len(langs) < threshold
    safe |= nfeat == 0
    return safe.tolist()


_MARKUP_RE = re.compile(r"<[^<>]{0,200}>|&[#\w]{1,10};|https?://\S+|www\.\S+|\S+@\S+\.\w+")


def detect_document_language(text: str) -> str:
    """Language of a whole document, from a bounded sample so that huge inputs stay fast; markup,
    URLs and e-mail addresses are left out (a Chinese page with <script> tags is still Chinese)."""
    sample = text if len(text) <= 20000 else text[:10000] + "\n" + text[len(text) // 2 : len(text) // 2 + 10000]
    cleaned = _MARKUP_RE.sub(" ", sample)
    return classify(cleaned if script_profile(cleaned) else sample)[0]
