"""The frozen run configuration shared by every stage, and its hash for report signatures."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from .errors import ConfigError

DEFAULT_WEIGHTS: dict[str, float] = {"critical": 25.0, "major": 5.0, "minor": 1.0, "info": 0.0}
# A minor fluency/punctuation issue weighs 0.1, as in the WMT MQM scheme (Freitag et al. 2021).
DEFAULT_MINOR_PUNCTUATION_WEIGHT = 0.1


@dataclass(frozen=True)
class Config:
    src_lang: Optional[str] = None
    tgt_lang: Optional[str] = None
    presegmented: bool = False
    glossary: Optional[str] = None
    fail_on: str = "major"
    mqm_threshold: float = 90.0
    weights: tuple[tuple[str, float], ...] = tuple(sorted(DEFAULT_WEIGHTS.items()))
    minor_punctuation_weight: float = DEFAULT_MINOR_PUNCTUATION_WEIGHT
    disabled_checks: tuple[str, ...] = ()
    # Inputs larger than this many characters are refused with an input error (100 MB of text on one
    # line is not a news article).
    max_chars: int = 5_000_000
    max_line_chars: int = 200_000
    # The model layer (mtcheck.models): a local folder or a Hugging Face model name, its revision, whether
    # it may be downloaded (never by default), and the sentence aligner: auto (embedding when a model is
    # given, else length), length or embedding.
    model: Optional[str] = None
    model_revision: Optional[str] = None
    allow_download: bool = False
    aligner: str = "auto"
    # Quality estimation (mtcheck.models.qe): a sequence-regression model (one output) scoring each bead.
    qe_model: Optional[str] = None
    qe_model_revision: Optional[str] = None

    def weight(self, severity: str) -> float:
        return dict(self.weights)[severity]

    def with_(self, **changes: Any) -> "Config":
        return replace(self, **changes)

    def hash(self) -> str:
        payload = json.dumps(asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()[:10]


def load_config(path: str | Path) -> Config:
    """Load a Config from a TOML file with keys matching the Config fields (``[mtcheck]`` table or top level)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", str(path)) from None
    data = data.get("mtcheck", data)
    known = set(Config.__dataclass_fields__)
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"unknown configuration keys: {', '.join(sorted(unknown))}", str(path))
    if "weights" in data:
        merged = dict(DEFAULT_WEIGHTS)
        merged.update({k: float(v) for k, v in data["weights"].items()})
        data["weights"] = tuple(sorted(merged.items()))
    if "disabled_checks" in data:
        data["disabled_checks"] = tuple(data["disabled_checks"])
    return Config(**data)
