"""The frozen run configuration shared by every stage, and its hash for report signatures."""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from .errors import ConfigError

DEFAULT_WEIGHTS: dict[str, float] = {"critical": 25.0, "major": 5.0, "minor": 1.0, "info": 0.0}
# A minor fluency/punctuation issue weighs 0.1, as in the WMT MQM scheme (Freitag et al. 2021).
DEFAULT_MINOR_PUNCTUATION_WEIGHT = 0.1
# The file ``mtcheck check`` and ``mtcheck batch`` read from the working directory when no --config is given.
CONFIG_FILE_NAME = "mtcheck.toml"
SEVERITIES = ("critical", "major", "minor", "info")


@dataclass(frozen=True)
class Rule:
    """A custom regex rule (``[[rules]]`` in mtcheck.toml), run by the ``custom.rules`` check.

    Where ``source`` matches in a source sentence (or anywhere, when ``source`` is empty), the aligned
    target must contain ``required`` (as many times as the source matched) or must not contain
    ``forbidden``. Patterns are Python regular expressions; they are compiled when the rule is made, so
    a bad pattern is a configuration error, never a check error."""

    name: str
    required: Optional[str] = None
    forbidden: Optional[str] = None
    source: Optional[str] = None
    severity: str = "major"
    category: str = "terminology/glossary"
    message: Optional[str] = None
    suggestion: Optional[str] = None
    ignore_case: bool = False

    def __post_init__(self) -> None:
        from .types import Category

        where = f"rule '{self.name}'"
        if not isinstance(self.name, str) or not self.name.strip():
            raise ConfigError("every rule needs a non-empty 'name'")
        if (self.required is None) == (self.forbidden is None):
            raise ConfigError(f"{where}: give exactly one of 'required' or 'forbidden'")
        if self.required is not None and not self.source:
            raise ConfigError(f"{where}: a 'required' target pattern needs a 'source' pattern")
        if self.severity not in SEVERITIES:
            raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, not '{self.severity}'")
        if self.category not in {c.value for c in Category}:
            raise ConfigError(f"{where}: '{self.category}' is not a category of the issue taxonomy")
        for key in ("source", "required", "forbidden"):
            pattern = getattr(self, key)
            if pattern is None:
                continue
            if not isinstance(pattern, str) or not pattern:
                raise ConfigError(f"{where}: '{key}' must be a non-empty regular expression")
            try:
                self.compiled(key)
            except re.error as exc:
                raise ConfigError(f"{where}: bad regular expression in '{key}' ({exc}): {pattern!r}") from None

    def compiled(self, key: str) -> "re.Pattern[str]":
        """The compiled pattern of ``key`` (source, required or forbidden); compiled once per process."""
        return _compile(getattr(self, key), self.ignore_case)


@functools.lru_cache(maxsize=1024)
def _compile(pattern: str, ignore_case: bool) -> "re.Pattern[str]":
    return re.compile(pattern, re.IGNORECASE if ignore_case else 0)


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
    # Check selectors: a check id (``casing.lost``), a check family (``casing``), a taxonomy category
    # (``fluency/punctuation``) or its top level (``fluency``), or ``*``. The most specific selector
    # matching a check decides whether it runs (``registry.is_enabled``).
    disabled_checks: tuple[str, ...] = ()
    enabled_checks: tuple[str, ...] = ()
    # (selector, severity) pairs: every issue of a matching check gets that severity (most specific wins).
    severity: tuple[tuple[str, str], ...] = ()
    rules: tuple[Rule, ...] = ()
    # The suppression file (mtcheck.suppress): issues whose fingerprint is listed there are left out.
    suppress: Optional[str] = None
    # An extra file of acronym/entity equivalents, in the shape of mtcheck/checks/entities.tsv.
    entity_equivalents: Optional[str] = None
    # A crashing check stops the run (CheckCrashed) instead of being recorded in check_errors.
    strict: bool = False
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


def find_config(directory: str | Path = ".") -> Optional[Path]:
    """``mtcheck.toml`` in ``directory`` when there is one (what the CLI reads without --config)."""
    path = Path(directory) / CONFIG_FILE_NAME
    return path if path.is_file() else None


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{what} must be a list of check ids, families or categories")
    return tuple(value)


def load_config(path: str | Path) -> Config:
    """Load a Config from a TOML file with keys matching the Config fields (``[mtcheck]`` table or top level),
    plus a ``[checks]`` table (``enable``, ``disable``, ``[checks.severity]``) and ``[[rules]]``.

    Every problem is a ConfigError (exit 2) naming the file: unreadable TOML, unknown keys, unknown check
    selectors, bad severities, a rule with a bad regular expression."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", str(path)) from None
    try:
        return _from_dict(data, Path(path))
    except ConfigError as exc:
        if exc.path is None:
            exc.path = str(path)
        raise
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"bad configuration value: {exc}", str(path)) from None


def _from_dict(data: dict, path: Path) -> Config:
    data = dict(data.get("mtcheck", data))
    checks = data.pop("checks", {})
    rules = data.pop("rules", [])
    known = set(Config.__dataclass_fields__) - {"enabled_checks", "severity", "rules"}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"unknown configuration keys: {', '.join(sorted(unknown))}")
    if "weights" in data:
        merged = dict(DEFAULT_WEIGHTS)
        merged.update({k: float(v) for k, v in data["weights"].items()})
        data["weights"] = tuple(sorted(merged.items()))
    disabled = _strings(data.pop("disabled_checks", []), "disabled_checks")
    if not isinstance(checks, dict):
        raise ConfigError("[checks] must be a table with 'enable', 'disable' and [checks.severity]")
    bad = set(checks) - {"enable", "disable", "severity"}
    if bad:
        raise ConfigError(f"unknown keys in [checks]: {', '.join(sorted(bad))}")
    disabled += _strings(checks.get("disable", []), "[checks] disable")
    enabled = _strings(checks.get("enable", []), "[checks] enable")
    both = set(disabled) & set(enabled)
    if both:
        raise ConfigError(f"checks both enabled and disabled: {', '.join(sorted(both))}")
    sev = checks.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError("[checks.severity] must be a table: selector = \"minor\"")
    for selector, value in sev.items():
        if value not in SEVERITIES:
            raise ConfigError(f"[checks.severity] {selector}: severity must be one of {', '.join(SEVERITIES)}, not '{value}'")
    from .checks.registry import validate_selectors

    validate_selectors(list(disabled) + list(enabled) + list(sev))
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise ConfigError("[[rules]] must be an array of tables")
    built: list[Rule] = []
    names: set[str] = set()
    rule_keys = set(Rule.__dataclass_fields__)
    for k, r in enumerate(rules, 1):
        name = r.get("name", f"#{k}")
        extra = set(r) - rule_keys
        if extra:
            raise ConfigError(f"rule '{name}': unknown keys {', '.join(sorted(extra))}")
        if "name" not in r:
            raise ConfigError(f"rule #{k} has no 'name'")
        if name in names:
            raise ConfigError(f"rule '{name}' defined twice")
        names.add(name)
        built.append(Rule(**r))
    # File settings are relative to the configuration file, so that a project's mtcheck.toml works from
    # anywhere. A missing suppression file is an empty list (mtcheck ignore creates it).
    for key, what, must_exist in (("suppress", "a suppression file", False),
                                  ("entity_equivalents", "an equivalents file (TSV)", True)):
        if data.get(key) is None:
            continue
        if not isinstance(data[key], str) or not data[key]:
            raise ConfigError(f"{key} must be the path of {what}")
        data[key] = os.path.normpath(path.parent / data[key])
        if must_exist and not os.path.isfile(data[key]):
            raise ConfigError(f"{key}: no such file: {data[key]}")
    return Config(disabled_checks=disabled, enabled_checks=enabled, severity=tuple(sorted(sev.items())),
                  rules=tuple(built), **data)
