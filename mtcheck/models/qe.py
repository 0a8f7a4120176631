"""Quality estimation (QE): a sequence-regression model scores each aligned bead, no reference needed.

A QE model is any transformers model with a sequence-classification head of one output
(``num_labels == 1``), fed the source and the translation as a sentence pair, as COMET-QE, TransQuest
("MonoTransQuest") and the WMT QE baselines are: the output is the predicted quality of the translation
(higher is better; its scale is the model's, e.g. a z-score or a 0-1 DA score). mtcheck reports it per
bead and as the article's mean and minimum; it does not turn it into issues, because the model's scale and
threshold are the model's.

Loaded like the encoders: a local folder or a cached Hugging Face name, offline unless the user allows a
download, CPU or CUDA (float16 there), one load per process. ``fake:qe`` is a deterministic stand-in for
tests (no torch).
"""
from __future__ import annotations

import math
import zlib
from typing import TYPE_CHECKING, Any, Optional, Sequence

import numpy as np

from ..errors import ModelUnavailable
from ..types import QeScores

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from ..types import Bead, Document

FAKE_QE_PREFIX = "fake:"


class QeModel:
    """A sentence-pair regression model: ``score(pairs)`` gives one float per (source, translation)."""

    name: str = ""
    revision: Optional[str] = None

    def score(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError


class FakeQe(QeModel):
    """Deterministic QE for tests: the share of the source's digits and Latin/CJK word characters found
    in the translation (a translation that keeps the numbers and names scores higher), minus a small
    length-mismatch term. No torch."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.revision = None

    def score(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        out = np.zeros(len(pairs), dtype=np.float32)
        for k, (src, tgt) in enumerate(pairs):
            keep = [ch for ch in src if ch.isdigit()]
            kept = sum(1 for ch in keep if ch in tgt) / len(keep) if keep else 1.0
            ratio = (len(tgt) + 1) / (len(src) + 1)
            out[k] = round(kept - 0.1 * abs(math.log(ratio)) + (zlib.crc32(tgt.encode()) % 7) / 1000, 4)
        return out


class TransformersQe(QeModel):
    """A transformers sequence-regression model over (source, translation) pairs, batched by length."""

    def __init__(self, parts: Any, name: str, batch_size: int = 32) -> None:
        import torch

        from .hf import max_tokens_of

        self.torch = torch
        self.tokenizer = parts.tokenizer
        self.model = parts.model
        self.device = parts.device
        self.name = name
        self.revision = parts.revision
        self.batch_size = batch_size
        self.max_length = max_tokens_of(parts.config, parts.tokenizer)
        pad = parts.tokenizer.pad_token_id
        self.pad_id = int(pad) if pad is not None else 0

    def score(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        from .hf import length_batches, padded_tensors

        out = np.zeros(len(pairs), dtype=np.float32)
        if not pairs:
            return out
        encoded = self.tokenizer([p[0] for p in pairs], [p[1] for p in pairs], truncation=True,
                                 max_length=self.max_length)
        ids = encoded["input_ids"]
        torch = self.torch
        with torch.inference_mode():
            for batch in length_batches([len(x) for x in ids], self.batch_size):
                input_ids, mask = padded_tensors(torch, [ids[k] for k in batch], self.pad_id, self.device)
                logits = self.model(input_ids=input_ids, attention_mask=mask).logits.float()
                out[batch] = logits[:, 0].cpu().numpy()
        return out


def load_qe_model(name: str, revision: Optional[str] = None, allow_download: bool = False,
                  device: Optional[str] = None) -> QeModel:
    """The QE model ``name`` (a local folder, a cached Hugging Face name, or ``fake:...``), loaded once per
    process. A model without a one-output sequence-classification head is ModelUnavailable (exit 4)."""
    from . import load_once

    def build() -> QeModel:
        if name.startswith(FAKE_QE_PREFIX):
            return FakeQe(name)
        from .hf import import_torch_transformers, load_parts

        torch, transformers = import_torch_transformers(name)
        parts = load_parts(torch, transformers, name, revision, allow_download, device,
                           "AutoModelForSequenceClassification")
        labels = int(getattr(parts.config, "num_labels", 0) or 0)
        if labels != 1:
            raise ModelUnavailable(
                f"model '{name}' is not a QE model: --qe-model needs a sequence-regression head with one "
                f"output (num_labels = 1), this one has {labels} outputs")
        return TransformersQe(parts, name)

    return load_once("qe", name, revision, allow_download, device, build)


def qe_model_for(config: "Config") -> Optional[QeModel]:
    """The QE model a run configuration asks for (``config.qe_model``), or None."""
    if not config.qe_model:
        return None
    return load_qe_model(config.qe_model, config.qe_model_revision, config.allow_download)


def qe_signature(config: "Config") -> Optional[str]:
    """``name@revision`` of the configured QE model (``unpinned`` for a local folder), for the signature."""
    from . import signature_of

    return signature_of("qe", config.qe_model, config.qe_model_revision, config.allow_download)


def score_beads(source: "Document", target: "Document", alignment: Sequence["Bead"], config: "Config"
                ) -> Optional[QeScores]:
    """QE of every bead with both sides (its source and target sentences joined), or None without a QE
    model. Scores are rounded to 4 decimals so that reports are stable."""
    model = qe_model_for(config)
    if model is None:
        return None
    src_sents, tgt_sents = source.sentences, target.sentences
    pairs: list[tuple[str, str]] = []
    where: list[int] = []
    for k, bead in enumerate(alignment):
        if not bead.source or not bead.target:
            continue
        s = " ".join(src_sents[i].text for i in bead.source if i < len(src_sents))
        t = " ".join(tgt_sents[j].text for j in bead.target if j < len(tgt_sents))
        if s.strip() and t.strip():
            pairs.append((s, t))
            where.append(k)
    values = model.score(pairs) if pairs else np.zeros(0)
    per_bead: list[Optional[float]] = [None] * len(alignment)
    for k, v in zip(where, values):
        per_bead[k] = round(float(v), 4) if math.isfinite(float(v)) else None
    got = [v for v in per_bead if v is not None]
    return QeScores(
        model=qe_signature(config) or config.qe_model or "",
        beads=tuple(per_bead),
        mean=round(sum(got) / len(got), 4) if got else None,
        min=min(got) if got else None,
    )
