"""What the taggers of Japanese (``terms/ja.py``, Sudachi) and Korean (``terms/ko.py``, Kiwi) share: a text read
line by line, a long line in pieces the tagger reads in one call."""
from __future__ import annotations

from typing import Callable


def cut_line(line: str, size: int, after: str) -> list[str]:
    """``line`` in pieces of at most ``size`` characters, each cut after one of the characters ``after``
    where one lies in its last half, else at ``size``."""
    out = []
    while len(line) > size:
        cut = max(line.rfind(ch, size // 2, size) for ch in after)
        cut = cut + 1 if cut >= 0 else size
        out.append(line[:cut])
        line = line[cut:]
    out.append(line)
    return out


def by_lines(text: str, line_words: Callable[[str], tuple[tuple[str, str], ...]]) -> list[tuple[str, str]]:
    """(word, tag) pairs of ``text``, each line's from ``line_words``, a line break a piece of its own (``x``)."""
    out: list[tuple[str, str]] = []
    for k, line in enumerate(text.split("\n")):
        if k:
            out.append(("\n", "x"))
        if line:
            out.extend(line_words(line))
    return out
