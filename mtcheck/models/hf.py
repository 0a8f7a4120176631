"""Encoders backed by transformers: loading offline by default, pooling, batched inference.

This is the only module that imports torch and transformers, and only inside functions. Loading
follows COMET's good habits (a model named by a string, pinned to a revision, ``local_files_only``
honoured all the way down) and avoids its fault: only the exceptions that mean "this model is not
there or cannot be read" become :class:`~mtcheck.errors.ModelUnavailable`, each chained to its real
cause; an operating-system error such as a full disk or a permission problem is reported as what it is.
"""
from __future__ import annotations

import errno
import json
import math
import os
from dataclasses import dataclass
from typing import Any, Optional, Sequence

import numpy as np

from ..errors import ModelUnavailable
from .base import CachingEncoder, TokenEmbeddings, normalise_rows

INSTALL_HINT = "pip install 'mtcheck[models]' torch (a CPU-only torch wheel is enough)"
# Tokens per padded batch: keeps memory flat when a few sentences are long.
_MAX_BATCH_TOKENS = 16_384


def _offline_env() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "on", "yes", "true")


def _looks_like_path(name: str) -> bool:
    return os.path.isabs(name) or name.startswith(("./", "../", "~", ".\\")) or os.path.exists(name)


def _where_hint(name: str, allow_download: bool) -> str:
    if _looks_like_path(name):
        return "give a folder saved with save_pretrained (config.json, weights, tokenizer files)"
    if not allow_download:
        return ("it is not in the Hugging Face cache; mtcheck does not download unless told to: "
                "add --allow-download, or give a local folder")
    if _offline_env():
        return "HF_HUB_OFFLINE is set, so it cannot be downloaded; unset it or give a local folder"
    return "check the name and your network, or give a local folder"


def _unavailable(name: str, what: str, exc: BaseException, allow_download: bool) -> ModelUnavailable:
    """The error for a model that cannot be loaded, saying why. An operating-system error other than a
    missing file (disk full, permission denied, I/O error) is reported as itself, without a hint that
    would send the user looking for a model that is there."""
    if isinstance(exc, OSError) and exc.errno is not None and exc.errno != errno.ENOENT:
        where = f" ({exc.filename})" if exc.filename else ""
        return ModelUnavailable(f"cannot read model '{name}': {exc.strerror or exc}{where}")
    reason = " ".join(str(exc).split())
    if len(reason) > 200:
        reason = reason[:197] + "..."
    return ModelUnavailable(f"model '{name}' is unavailable: {what}: {reason}; {_where_hint(name, allow_download)}")


def import_torch_transformers(name: str) -> tuple[Any, Any]:
    """torch and transformers, or ModelUnavailable with the install hint (chained to the ImportError)."""
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise ModelUnavailable(
            f"model '{name}' needs torch and transformers, which are not installed ({exc}): {INSTALL_HINT}"
        ) from exc
    return torch, transformers


def _check_path(name: str) -> None:
    if _looks_like_path(name):
        path = os.path.expanduser(name)
        try:
            os.stat(path)
        except FileNotFoundError as exc:
            raise ModelUnavailable(f"model folder '{name}' does not exist; give a folder saved with "
                                   "save_pretrained, or a Hugging Face model name") from exc


def _pooling_mode(transformers: Any, name: str, revision: Optional[str], local_only: bool) -> str:
    """'cls' when the model is a sentence-transformers model pooled on its first token (LaBSE), else
    'mean'. Read from modules.json and the pooling module's config.json, when present."""
    from transformers.utils import cached_file

    def read(filename: str) -> Any:
        try:
            path = cached_file(name, filename, revision=revision, local_files_only=local_only,
                               _raise_exceptions_for_missing_entries=False,
                               _raise_exceptions_for_connection_errors=False)
        except OSError:
            return None  # no sentence-transformers files: plain transformers model, mean pooling
        if not path:
            return None
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError):
            return None
        return data if isinstance(data, (dict, list)) else None

    modules = read("modules.json")
    if not isinstance(modules, list):
        return "mean"
    for module in modules:
        if isinstance(module, dict) and str(module.get("type", "")).endswith("Pooling"):
            conf = read(f"{module.get('path', '1_Pooling')}/config.json")
            if isinstance(conf, dict) and conf.get("pooling_mode_cls_token") and not conf.get("pooling_mode_mean_tokens"):
                return "cls"
    return "mean"


def length_batches(lengths: Sequence[int], batch_size: int, max_tokens: int = _MAX_BATCH_TOKENS) -> list[list[int]]:
    """Indices grouped into batches after sorting by length, at most ``batch_size`` texts and about
    ``max_tokens`` padded tokens each: a batch pads little and memory stays flat."""
    order = sorted(range(len(lengths)), key=lambda k: lengths[k])
    batches: list[list[int]] = []
    current: list[int] = []
    for k in order:
        longest = lengths[k]  # sorted: the last one added is the longest
        if current and (len(current) >= batch_size or longest * (len(current) + 1) > max_tokens):
            batches.append(current)
            current = []
        current.append(k)
    if current:
        batches.append(current)
    return batches


def padded_tensors(torch: Any, ids: Sequence[Sequence[int]], pad_id: int, device: str) -> tuple[Any, Any]:
    """Token ids right-padded into one tensor, and the attention mask."""
    width = max(len(x) for x in ids)
    input_ids = torch.full((len(ids), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(ids), width), dtype=torch.long)
    for row, seq in enumerate(ids):
        input_ids[row, : len(seq)] = torch.tensor(list(seq), dtype=torch.long)
        mask[row, : len(seq)] = 1
    return input_ids.to(device), mask.to(device)


def max_tokens_of(config: Any, tokenizer: Any) -> int:
    """The longest input the model takes: 512, or less when its positions or tokenizer say so."""
    limits = [512]
    positions = getattr(config, "max_position_embeddings", None)
    if positions:
        limits.append(int(positions) - 2)  # RoBERTa-style models reserve two positions
    model_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(model_max, int) and 0 < model_max < 1_000_000:
        limits.append(model_max)
    return max(8, min(limits))


class TransformersEncoder(CachingEncoder):
    """A transformers encoder: mean pooling of the last layer (or the first token for models pooled
    that way), unit-length vectors; token vectors from a middle layer for word alignment.

    Texts are batched by token count after sorting by length, so that a batch pads little; on CUDA the
    model runs in float16, on CPU in float32.
    """

    def __init__(self, tokenizer: Any, model: Any, *, name: str, revision: Optional[str], device: str,
                 pooling: str = "mean", batch_size: int = 32, token_layer: Optional[int] = None) -> None:
        super().__init__()
        import torch

        self.torch = torch
        self.tokenizer = tokenizer
        self.model = model
        self.name = name
        self.revision = revision
        self.device = device
        self.pooling = pooling
        self.batch_size = batch_size
        config = model.config
        self.dim = int(getattr(config, "hidden_size", 0) or getattr(config, "d_model", 0))
        layers = int(getattr(config, "num_hidden_layers", 0) or 0)
        # SimAlign (Jalili Sabet et al. 2020) aligns words best with a middle layer (8 of 12).
        self.token_layer = token_layer if token_layer is not None else max(1, round(layers * 2 / 3))
        self.max_length = max_tokens_of(config, tokenizer)
        pad = tokenizer.pad_token_id
        self.pad_id = int(pad) if pad is not None else 0

    # --- batching -------------------------------------------------------------------------------------

    def _batches(self, lengths: Sequence[int]) -> list[list[int]]:
        return length_batches(lengths, self.batch_size)

    def _tensors(self, ids: Sequence[Sequence[int]]) -> tuple[Any, Any]:
        return padded_tensors(self.torch, ids, self.pad_id, self.device)

    # --- sentence vectors -----------------------------------------------------------------------------

    def _embed_texts(self, texts: list[str]) -> np.ndarray:
        torch = self.torch
        encoded = self.tokenizer(texts, add_special_tokens=True, truncation=True, max_length=self.max_length)
        ids = encoded["input_ids"]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with torch.inference_mode():
            for batch in self._batches([len(x) for x in ids]):
                input_ids, mask = self._tensors([ids[k] for k in batch])
                hidden = self.model(input_ids=input_ids, attention_mask=mask).last_hidden_state.float()
                if self.pooling == "cls":
                    pooled = hidden[:, 0]
                else:
                    m = mask.unsqueeze(-1).to(hidden.dtype)
                    pooled = (hidden * m).sum(dim=1) / m.sum(dim=1).clamp(min=1.0)
                out[batch] = pooled.cpu().numpy()
        return normalise_rows(out)

    # --- token vectors --------------------------------------------------------------------------------

    def _embed_token_texts(self, texts: list[str]) -> list[TokenEmbeddings]:
        torch = self.torch
        try:
            encoded = self.tokenizer(texts, add_special_tokens=True, truncation=True, max_length=self.max_length,
                                     return_offsets_mapping=True)
        except NotImplementedError:
            # A tokenizer without character offsets (a Python "slow" tokenizer): no word alignment.
            return [TokenEmbeddings((), np.zeros((0, self.dim), dtype=np.float32)) for _ in texts]
        ids = encoded["input_ids"]
        offsets = encoded["offset_mapping"]
        out: list[Optional[TokenEmbeddings]] = [None] * len(texts)
        with torch.inference_mode():
            for batch in self._batches([len(x) for x in ids]):
                input_ids, mask = self._tensors([ids[k] for k in batch])
                result = self.model(input_ids=input_ids, attention_mask=mask, output_hidden_states=True)
                states = result.hidden_states
                layer = states[min(self.token_layer, len(states) - 1)].float().cpu().numpy()
                for row, k in enumerate(batch):
                    keep = [t for t, (s, e) in enumerate(offsets[k]) if e > s]
                    spans = tuple((int(offsets[k][t][0]), int(offsets[k][t][1])) for t in keep)
                    out[k] = TokenEmbeddings(spans, normalise_rows(layer[row, keep]))
        return out  # type: ignore[return-value]


def load_transformers_encoder(name: str, revision: Optional[str] = None, allow_download: bool = False,
                              device: Optional[str] = None, batch_size: int = 32) -> TransformersEncoder:
    """Load tokenizer and encoder with transformers; ``local_files_only`` unless ``allow_download``
    (and ``HF_HUB_OFFLINE``, read by huggingface_hub itself, forbids downloads in any case)."""
    torch, transformers = import_torch_transformers(name)
    parts = load_parts(torch, transformers, name, revision, allow_download, device, "AutoModel")
    pooling = _pooling_mode(transformers, parts.path, revision, parts.local_only)
    return TransformersEncoder(parts.tokenizer, parts.model, name=name, revision=parts.revision,
                               device=parts.device, pooling=pooling, batch_size=batch_size)


@dataclass
class LoadedParts:
    tokenizer: Any
    model: Any
    config: Any
    path: str
    revision: Optional[str]  # the pinned revision, else the cache commit, else None
    device: str
    local_only: bool


def load_parts(torch: Any, transformers: Any, name: str, revision: Optional[str], allow_download: bool,
               device: Optional[str], auto_class: str) -> LoadedParts:
    """Config, tokenizer and model (``transformers.<auto_class>``) of ``name``, offline unless
    ``allow_download``, in eval mode on ``device`` (CUDA in float16 when present, else CPU); every
    failure that means "the model is not there" is ModelUnavailable chained to its cause."""
    _check_path(name)
    # transformers draws progress bars and logs warnings on stderr while loading (unused pooler weights
    # and the like); mtcheck's stderr is for its own messages. Both are quietened while loading and
    # restored afterwards (they are the library user's settings).
    hf_logging = transformers.utils.logging
    had_bars = hf_logging.is_progress_bar_enabled()
    verbosity = hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        return _load(torch, transformers, name, revision, allow_download, device, auto_class)
    finally:
        hf_logging.set_verbosity(verbosity)
        if had_bars:
            hf_logging.enable_progress_bar()


def _load(torch: Any, transformers: Any, name: str, revision: Optional[str], allow_download: bool,
          device: Optional[str], auto_class: str) -> LoadedParts:
    local_only = not allow_download or _offline_env()
    path = os.path.expanduser(name) if _looks_like_path(name) else name
    kwargs = {"revision": revision, "local_files_only": local_only}
    try:
        config = transformers.AutoConfig.from_pretrained(path, **kwargs)
    except OSError as exc:
        raise _unavailable(name, "no usable config.json", exc, allow_download) from exc
    except ValueError as exc:  # transformers' word for "this config names no model it knows"
        raise _unavailable(name, "not a model transformers knows", exc, allow_download) from exc
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(path, **kwargs)
    except OSError as exc:
        raise _unavailable(name, "no usable tokenizer", exc, allow_download) from exc
    except ValueError as exc:  # raised when no tokenizer can be built from the files present
        raise _unavailable(name, "no usable tokenizer", exc, allow_download) from exc
    special = len(getattr(tokenizer, "all_special_tokens", ()) or ())
    if len(tokenizer) <= special + 1:
        # transformers builds an empty tokenizer (special tokens only) for a folder without tokenizer files.
        missing = FileNotFoundError(errno.ENOENT, "no tokenizer files (tokenizer.json, sentencepiece.bpe.model, vocab.txt...)", path)
        raise _unavailable(name, "no tokenizer files", missing, allow_download) from missing
    try:
        model = getattr(transformers, auto_class).from_pretrained(path, config=config, **kwargs)
    except OSError as exc:
        raise _unavailable(name, "no usable weights", exc, allow_download) from exc
    if device is None:
        device = "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda"):
        model = model.half()
    model = model.to(device)
    model.eval()
    resolved = revision or getattr(config, "_commit_hash", None)
    return LoadedParts(tokenizer, model, config, path, resolved, device, local_only)


def describe(encoder: TransformersEncoder) -> dict:
    """What a loaded model is and supports, for ``mtcheck models check``."""
    config = encoder.model.config
    architectures = list(getattr(config, "architectures", None) or [])
    probe = ["The central bank raised rates by 0.5 percent.", "La banque centrale a relevé ses taux de 0,5 %."]
    vectors = encoder.embed(probe)
    tokens = encoder.embed_tokens(probe[:1])[0]
    num_labels = int(getattr(config, "num_labels", 0) or 0)
    qe = any(a.endswith("ForSequenceClassification") for a in architectures) and num_labels == 1
    params = sum(p.numel() for p in encoder.model.parameters())
    return {
        "model": encoder.name,
        "revision": encoder.revision,
        "model_type": getattr(config, "model_type", None),
        "architectures": architectures,
        "layers": getattr(config, "num_hidden_layers", None),
        "hidden_size": encoder.dim,
        "parameters": int(params),
        "vocab_size": len(encoder.tokenizer),
        "tokenizer": type(encoder.tokenizer).__name__,
        "max_tokens": encoder.max_length,
        "device": encoder.device,
        "dtype": str(next(encoder.model.parameters()).dtype).replace("torch.", ""),
        "pooling": encoder.pooling,
        "sentence_embeddings": bool(np.isfinite(vectors).all() and vectors.shape == (2, encoder.dim)),
        "probe_similarity": round(float(vectors[0] @ vectors[1]), 4) if math.isfinite(float(vectors[0] @ vectors[1])) else None,
        "word_alignment": len(tokens.spans) > 0,
        "token_layer": encoder.token_layer,
        "qe_regression_head": qe,
    }
