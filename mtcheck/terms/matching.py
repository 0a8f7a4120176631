"""Inflection-aware phrase matching with exact offsets.

Spaced languages compare lemmas (simplemma) token by token, case-insensitively, with elided articles
split off (« l'amarrage » contains « amarrage »); Chinese and Japanese, written without spaces, match
substrings.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

_UNSPACED = {"zh", "ja", "th"}
_TOKEN_RE = re.compile(r"\w+(?:-\w+)*", re.UNICODE)


@lru_cache(maxsize=200_000)
def normalise_token(token: str, lang: Optional[str]) -> str:
    """A comparison key for a word: its lemma, lower-cased, without a plural -s/-x."""
    import simplemma

    low = token.lower()
    key = low
    if lang:
        try:
            key = simplemma.lemmatize(low, lang=lang).lower()
        except (ValueError, KeyError):  # a language simplemma does not know
            key = low
    if len(key) > 3 and key[-1] in "sx" and not key.endswith("ss"):
        key = key[:-1]
    return key


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def find_phrase(text: str, phrase: str, lang: Optional[str]) -> list[tuple[int, int]]:
    """Every occurrence of ``phrase`` in ``text`` as (start, end) offsets into ``text``."""
    phrase = phrase.strip()
    if not phrase:
        return []
    if (lang or "") in _UNSPACED or not _TOKEN_RE.search(phrase):
        out = []
        start = text.find(phrase)
        while start >= 0:
            out.append((start, start + len(phrase)))
            start = text.find(phrase, start + len(phrase))
        return out
    phrase_tokens = [t for _, _, t in tokens(phrase)]
    want = [normalise_token(t, lang) for t in phrase_tokens]
    # Case-aware: an acronym in the phrase (« IA », "NATO") must keep its case in the text, so that the
    # pronoun « ia » or the word "us" never matches "US"; other words compare case-insensitively.
    exact = [t if (len(t) >= 2 and t.isupper()) else None for t in phrase_tokens]
    have = tokens(text)
    keys = [normalise_token(t, lang) for _, _, t in have]
    n = len(want)
    out = []
    i = 0
    while i + n <= len(keys):
        if keys[i : i + n] == want and all(e is None or have[i + j][2] == e for j, e in enumerate(exact)):
            out.append((have[i][0], have[i + n - 1][1]))
            i += n
        else:
            i += 1
    return out
