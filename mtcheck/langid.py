"""Language identification: script evidence first, then py3langid restricted to the languages in play."""
from __future__ import annotations

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

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=None)  # one entry per distinct character seen: a few thousand at most
def script_of(ch: str) -> Optional[str]:
    """The script of one letter: Han, Hiragana, Katakana, Hangul, Latin, Cyrillic, Greek, Arabic,
    Hebrew, Thai, Devanagari; None for digits, punctuation and spaces."""
    if not ch.isalpha():
        return None
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F or 0xF900 <= o <= 0xFAFF:
        return "Han"
    if 0x3040 <= o <= 0x309F:
        return "Hiragana"
    if 0x30A0 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
        return "Katakana"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "Hangul"
    if o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0xFF21 <= o <= 0xFF5A:
        return "Latin"
    if 0x0400 <= o <= 0x052F:
        return "Cyrillic"
    if 0x0370 <= o <= 0x03FF or 0x1F00 <= o <= 0x1FFF:
        return "Greek"
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F:
        return "Arabic"
    if 0x0590 <= o <= 0x05FF:
        return "Hebrew"
    if 0x0E00 <= o <= 0x0E7F:
        return "Thai"
    if 0x0900 <= o <= 0x097F:
        return "Devanagari"
    name = unicodedata.name(ch, "")
    return name.split(" ")[0].title() if name else None


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
    profile = script_profile(text)
    cands = tuple(sorted(set(candidates))) if candidates else COMMON_LANGS
    if not profile:
        return (cands[0] if cands else "und", 0.0)
    kana = profile.get("Hiragana", 0.0) + profile.get("Katakana", 0.0)
    if kana > 0.05 and "ja" in cands:
        return "ja", min(1.0, 0.5 + kana)
    if profile.get("Hangul", 0.0) > 0.3 and "ko" in cands:
        return "ko", profile["Hangul"]
    if profile.get("Han", 0.0) > 0.5 and "zh" in cands:
        return "zh", profile["Han"]
    # Script filter: keep candidates whose script accounts for most letters.
    dominant = max(profile, key=profile.get)  # type: ignore[arg-type]
    fitting = [c for c in cands if dominant in scripts_of_lang(c)]
    if len(fitting) == 1:
        return fitting[0], profile[dominant]
    pool = fitting or list(cands)
    known = _known_langs()
    pool = [c for c in pool if c in known]
    if not pool:
        return (fitting[0] if fitting else cands[0]), 0.0
    if len(pool) == 1:
        return pool[0], profile.get(dominant, 0.0)
    lang, prob = _restricted(tuple(sorted(pool))).classify(text)
    return str(lang), float(prob)


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


_MARKUP_RE = re.compile(r"<[^<>]{0,200}>|&[#\w]{1,10};|https?://\S+|www\.\S+|\S+@\S+\.\w+")


def detect_document_language(text: str) -> str:
    """Language of a whole document, from a bounded sample so that huge inputs stay fast; markup,
    URLs and e-mail addresses are left out (a Chinese page with <script> tags is still Chinese)."""
    sample = text if len(text) <= 20000 else text[:10000] + "\n" + text[len(text) // 2 : len(text) // 2 + 10000]
    cleaned = _MARKUP_RE.sub(" ", sample)
    return classify(cleaned if script_profile(cleaned) else sample)[0]
