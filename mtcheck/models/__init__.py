"""The model layer: multilingual encoders, loaded lazily, offline by default, with a fake for tests.

``load_encoder(name_or_path)`` gives an :class:`Encoder`: a transformers model from a local folder or the
Hugging Face cache (``local_files_only`` unless ``allow_download``; ``HF_HUB_OFFLINE`` is honoured), or,
for names starting with ``fake:``, the deterministic :class:`FakeEncoder` (no torch needed; tests and
benchmarks). A missing model, missing files or a missing torch raise
:class:`~mtcheck.errors.ModelUnavailable` (exit 4). Loaded encoders are kept per process, so the aligner
and the checks share one model and one embedding cache.

Importing this package imports neither torch nor transformers.
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Callable, Optional

from .base import CachingEncoder, Encoder, TokenEmbeddings, normalise_rows
from .fake import FAKE_PREFIX, FakeEncoder

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config

__all__ = [
    "CachingEncoder", "Encoder", "FakeEncoder", "TokenEmbeddings", "FAKE_PREFIX", "clear_loaded",
    "describe_model", "encoder_for", "load_encoder", "model_signature", "normalise_rows",
]

_LOADED: dict[tuple, Any] = {}  # (kind, name, revision, allow_download, device) -> model
_LOCK = threading.Lock()


def load_once(kind: str, name: str, revision: Optional[str], allow_download: bool, device: Optional[str],
              build: Callable[[], Any]) -> Any:
    """The model of this kind ("encoder", "qe") and settings, built by ``build()`` once per process."""
    key = (kind, name, revision, bool(allow_download), device)
    with _LOCK:
        found = _LOADED.get(key)
        if found is None:
            found = _LOADED[key] = build()
        return found


def signature_of(kind: str, name: Optional[str], revision: Optional[str], allow_download: bool) -> Optional[str]:
    """``name@revision`` for the report signature: the pinned revision, else the commit the model was
    resolved to when it came from the Hugging Face cache, else ``unpinned`` (a local folder)."""
    if not name:
        return None
    if revision is None:
        loaded = _LOADED.get((kind, name, None, bool(allow_download), None))
        revision = getattr(loaded, "revision", None)
    return f"{name}@{revision or 'unpinned'}"


def load_encoder(name_or_path: str, revision: Optional[str] = None, allow_download: bool = False,
                 device: Optional[str] = None) -> Encoder:
    """The encoder named ``name_or_path`` (a local folder, a Hugging Face model name, or ``fake:...``),
    loaded once per process. ``device`` defaults to CUDA when present (float16 there), else CPU."""

    def build() -> Encoder:
        if name_or_path.startswith(FAKE_PREFIX):
            return FakeEncoder(name_or_path)
        from .hf import load_transformers_encoder

        return load_transformers_encoder(name_or_path, revision, allow_download, device)

    return load_once("encoder", name_or_path, revision, allow_download, device, build)


def encoder_for(config: "Config") -> Optional[Encoder]:
    """The encoder a run configuration asks for (``config.model``), or None when it asks for none."""
    if not config.model:
        return None
    return load_encoder(config.model, config.model_revision, config.allow_download)


def model_signature(config: "Config") -> Optional[str]:
    """``name@revision`` of the configured encoder, for the report signature (see :func:`signature_of`)."""
    return signature_of("encoder", config.model, config.model_revision, config.allow_download)


def describe_model(name_or_path: str, revision: Optional[str] = None, allow_download: bool = False) -> dict:
    """What a model supports (``mtcheck models check``): loads it and runs a two-sentence probe."""
    encoder = load_encoder(name_or_path, revision, allow_download)
    if isinstance(encoder, FakeEncoder):
        return {"model": encoder.name, "revision": None, "model_type": "fake", "hidden_size": encoder.dim,
                "sentence_embeddings": True, "word_alignment": True, "qe_regression_head": False}
    from .hf import describe

    return describe(encoder)  # type: ignore[arg-type]


def clear_loaded() -> None:
    """Forget the loaded encoders and QE models (tests; or to free memory between runs)."""
    with _LOCK:
        _LOADED.clear()
