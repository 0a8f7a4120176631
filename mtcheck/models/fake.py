"""A deterministic encoder without a model, for tests and benchmarks (``--model fake:chars``).

A text's vector is the signed feature hashing (Weinberger et al. 2009, "Feature hashing for large scale
multitask learning") of what survives translation without any knowledge of the languages: numbers
(digits only, so ``4,5`` and ``4.5`` agree), and the character trigrams of words with their accents
removed (``Genève``/``Geneva``/``Genf`` share ``gen``). Chinese characters are features one by one. The
vectors are unit length, so cosines behave as with a real encoder; they know nothing of meaning: two
sentences with no shared number, name or cognate are as far apart as random ones.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from typing import Iterator

import numpy as np

from .base import CachingEncoder, TokenEmbeddings, normalise_rows

FAKE_PREFIX = "fake:"

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _features(token: str) -> Iterator[tuple[str, float]]:
    """Hashed features of one token and their weights (a number weighs 3, a word's trigrams 1 in all)."""
    if token[0].isdigit():
        digits = re.sub(r"\D", "", token).rstrip("0") or "0"
        yield "#" + digits, 3.0
        return
    if _CJK_RE.match(token):
        for ch in token:
            yield "c" + ch, 1.0
        return
    word = f"<{_fold(token)}>"
    grams = [word[k : k + 3] for k in range(max(1, len(word) - 2))]
    for gram in grams:
        yield "g" + gram, 1.0 / len(grams)


class FakeEncoder(CachingEncoder):
    """Deterministic vectors from shared numbers and characters (see the module docstring)."""

    def __init__(self, name: str = "fake:chars", dim: int = 2048) -> None:
        super().__init__()
        self.name = name
        self.revision = None
        self.dim = dim

    def _vector(self, tokens: list[str]) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for token in tokens:
            for feature, weight in _features(token):
                h = zlib.crc32(feature.encode("utf-8"))
                vec[h % self.dim] += weight if (h >> 31) & 1 else -weight
        return vec

    @staticmethod
    def _tokens(text: str) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for m in _TOKEN_RE.finditer(text):
            if _CJK_RE.match(m.group()):
                # Chinese: one token per character (there are no spaces to find words by).
                out.extend((m.start() + k, m.start() + k + 1, ch) for k, ch in enumerate(m.group()))
            else:
                out.append((m.start(), m.end(), m.group()))
        return out

    def _embed_texts(self, texts: list[str]) -> np.ndarray:
        rows = [self._vector([tok for _s, _e, tok in self._tokens(text)]) for text in texts]
        return normalise_rows(np.stack(rows) if rows else np.zeros((0, self.dim), dtype=np.float32))

    def _embed_token_texts(self, texts: list[str]) -> list[TokenEmbeddings]:
        out = []
        for text in texts:
            tokens = self._tokens(text)
            vectors = [self._vector([tok]) for _s, _e, tok in tokens]
            matrix = np.stack(vectors) if vectors else np.zeros((0, self.dim), dtype=np.float32)
            out.append(TokenEmbeddings(tuple((s, e) for s, e, _t in tokens), normalise_rows(matrix)))
        return out
