"""What an encoder is to the rest of mtcheck, and the cache every encoder shares.

An encoder turns texts into unit-length vectors (``embed``) and a text into contextual vectors of its
tokens with their character offsets (``embed_tokens``). Nothing here imports torch: the transformers
encoder lives in :mod:`mtcheck.models.hf` and is loaded only when a model is asked for.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Optional, Protocol, Sequence, runtime_checkable

import numpy as np


@dataclass(frozen=True)
class TokenEmbeddings:
    """Contextual vectors of one text's tokens: ``spans[k]`` is token k's ``[start, end)`` in the text
    (code points; tokens with no characters, such as special tokens, are left out) and ``vectors[k]``
    its unit-length vector."""

    spans: tuple[tuple[int, int], ...]
    vectors: np.ndarray  # (len(spans), dim) float32


@runtime_checkable
class Encoder(Protocol):
    """A multilingual sentence and token encoder (a transformers model, or a fake in tests)."""

    name: str
    revision: Optional[str]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length float32 vector per text, shape ``(len(texts), dim)``."""
        ...

    def embed_tokens(self, texts: Sequence[str]) -> list[TokenEmbeddings]:
        """Contextual token vectors of each text, for word alignment."""
        ...


class _LRU:
    """A small least-recently-used map: the embeddings of the article being checked (its sentences and
    the concatenations the aligner tries) stay while the aligner and the checks ask for them again."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict = OrderedDict()

    def get(self, key: str) -> Any:
        value = self.data.get(key)
        if value is not None:
            self.data.move_to_end(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self.data[key] = value
        self.data.move_to_end(key)
        while len(self.data) > self.size:
            self.data.popitem(last=False)

    def clear(self) -> None:
        self.data.clear()


class CachingEncoder:
    """Base of the encoders: deduplicates texts, serves what it has already computed, and asks
    ``_embed_texts``/``_embed_token_texts`` (implemented by subclasses) only for the rest.

    The cache holds the most recent ``cache_size`` sentence vectors (about the sentences and neighbour
    concatenations of a few long articles) and ``token_cache_size`` token analyses.
    """

    name: str = ""
    revision: Optional[str] = None
    dim: int = 0

    def __init__(self, cache_size: int = 20_000, token_cache_size: int = 2_000) -> None:
        self._cache = _LRU(cache_size)
        self._token_cache = _LRU(token_cache_size)
        self.texts_encoded = 0  # how many texts went through the model (the rest came from the cache)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        for k, text in enumerate(texts):
            vec = self._cache.get(text)
            if vec is None:
                missing.setdefault(text, []).append(k)
            else:
                out[k] = vec
        if missing:
            unique = list(missing)
            vectors = self._embed_texts(unique)
            self.texts_encoded += len(unique)
            for text, vec in zip(unique, vectors):
                vec = np.asarray(vec, dtype=np.float32)
                self._cache.put(text, vec)
                out[missing[text]] = vec
        return out

    def embed_tokens(self, texts: Sequence[str]) -> list[TokenEmbeddings]:
        out: list[Optional[TokenEmbeddings]] = [None] * len(texts)
        missing: dict[str, list[int]] = {}
        for k, text in enumerate(texts):
            got = self._token_cache.get(text)
            if got is None:
                missing.setdefault(text, []).append(k)
            else:
                out[k] = got
        if missing:
            unique = list(missing)
            for text, tokens in zip(unique, self._embed_token_texts(unique)):
                self._token_cache.put(text, tokens)
                for k in missing[text]:
                    out[k] = tokens
        return out  # type: ignore[return-value]

    def clear_cache(self) -> None:
        self._cache.clear()
        self._token_cache.clear()

    # Implemented by subclasses on distinct, uncached texts.
    def _embed_texts(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def _embed_token_texts(self, texts: list[str]) -> list[TokenEmbeddings]:  # pragma: no cover - abstract
        raise NotImplementedError


def normalise_rows(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero: their cosine with anything is 0)."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)
