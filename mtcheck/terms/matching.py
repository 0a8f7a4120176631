"""Inflection-aware phrase matching with exact offsets.

Spaced languages compare lemmas (simplemma) token by token, case-insensitively, with elided articles
split off (« l'amarrage » contains « amarrage »); Chinese and Japanese, written without spaces, match
substrings. Korean words carry their particles: the phrase's last word matches a word that goes on with a
particle (아동 지원 제도 in 아동 지원 제도를, 제도의, 제도에서는), the match ending before it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

_UNSPACED = {"zh", "ja", "th"}
_TOKEN_RE = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
# Korean particles (and the copula's common forms) that follow a noun in the same word.
_KO_PARTICLE_SET = frozenset("""은 는 이 가 을 를 의 에 에서 에게 에게서 께 께서 으로 로 으로서 로서 으로써 로써 와 과 도 만 부터 까지
    처럼 보다 이나 나 이란 란 이라는 라는 이며 며 이고 고 이다 다 였다 이었다 입니다 에는 에서는 에서도 으로는 로는 과의 와의
    에도 에의 으로의 로의 까지의 부터의 만의 마저 조차 밖에 대로 씩 들 들이 들을 들은 들의 들에""".split())


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
    korean = (lang or "").split("-")[0] == "ko"
    out = []
    i = 0
    while i + n <= len(keys):
        end = _korean_end(keys[i + n - 1], want[-1], have[i + n - 1]) if korean else None
        if (keys[i : i + n] == want or (end is not None and keys[i : i + n - 1] == want[:-1])) \
                and all(e is None or have[i + j][2] == e for j, e in enumerate(exact)):
            out.append((have[i][0], end if end is not None else have[i + n - 1][1]))
            i += n
        else:
            i += 1
    return out


def _korean_end(key: str, wanted: str, token: tuple[int, int, str]) -> Optional[int]:
    """Where a Korean word that is ``wanted`` with a particle after it (제도를 for 제도) ends its noun."""
    if len(key) > len(wanted) and key.startswith(wanted) and key[len(wanted):] in _KO_PARTICLE_SET:
        return token[0] + len(wanted)
    return None
