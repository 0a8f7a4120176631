"""Suppression ("ignore") lists: issues a reviewer marked as false alarms stay out of later runs.

An issue is identified by its *fingerprint*: the first 16 hex digits of the SHA-256 of its check id, the
text its source span and its target span flag (white space collapsed), and its message with every
number replaced by ``#``. Offsets are not part of it, so an ignored issue stays ignored when the
article is edited elsewhere, and in other articles with the same flagged text.

The file (``suppress = "mtcheck-ignore.json"`` in mtcheck.toml, or ``--suppress FILE``) is JSON::

    {"mtcheck_ignore": 1,
     "ignored": [{"check": "numbers.mismatch", "fingerprint": "8c0f...", "text": "12",
                  "source": "120", "message": "...", "added": "2026-11-27T15:40:00Z"}]}

An entry with a ``fingerprint`` matches that fingerprint. An entry with only ``check`` and ``text`` (the
ignore list the review app downloads) matches every issue of that check flagging exactly that text.
A missing file is an empty list (``mtcheck ignore`` creates it); an unreadable or malformed one is a
configuration error (exit 2).
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .errors import ConfigError
from .types import Issue, Span

FORMAT_VERSION = 1
DEFAULT_FILE = "mtcheck-ignore.json"
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_MAX_BYTES = 20 * 1024 * 1024


def _flat(text: str) -> str:
    return " ".join(text.split())


def message_template(message: str) -> str:
    """The message with numbers replaced by ``#`` (counts and positions change when an article is edited)."""
    return _NUMBER_RE.sub("#", message)


def _cut(text: str, span: Optional[Span]) -> str:
    return "" if span is None else text[span.start:span.end]


def fingerprint(issue: Issue, source_text: str, target_text: str) -> str:
    """The issue's fingerprint (see the module docstring): stable across edits elsewhere in the article."""
    payload = "\x1f".join((issue.check, _flat(_cut(source_text, issue.source_span)),
                           _flat(_cut(target_text, issue.target_span)), message_template(issue.message)))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def flagged_text(issue: Issue, source_text: str, target_text: str) -> str:
    """The text an issue flags: its target span, else its source span (as the review app records it)."""
    if issue.target_span is not None:
        return _cut(target_text, issue.target_span)
    return _cut(source_text, issue.source_span)


@dataclass(frozen=True)
class Suppressions:
    """A loaded suppression file."""

    path: Optional[str]
    entries: tuple[dict, ...] = ()

    @functools.cached_property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(e["fingerprint"] for e in self.entries if e.get("fingerprint"))

    @functools.cached_property
    def texts(self) -> frozenset[tuple[str, str]]:
        return frozenset((e["check"], e["text"]) for e in self.entries
                         if not e.get("fingerprint") and isinstance(e.get("text"), str))

    def digest(self) -> str:
        """A short hash of what the file ignores, for report signatures."""
        keys = sorted(self.fingerprints) + sorted(f"{c}\x1f{t}" for c, t in self.texts)
        return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()[:10]

    def __len__(self) -> int:
        return len(self.entries)

    def matches(self, issue: Issue, source_text: str, target_text: str) -> bool:
        if self.fingerprints and fingerprint(issue, source_text, target_text) in self.fingerprints:
            return True
        return bool(self.texts) and (issue.check, flagged_text(issue, source_text, target_text)) in self.texts

    def split(self, issues: Sequence[Issue], source_text: str, target_text: str) -> tuple[list[Issue], list[Issue]]:
        """(kept, suppressed)."""
        kept: list[Issue] = []
        dropped: list[Issue] = []
        for i in issues:
            (dropped if self.matches(i, source_text, target_text) else kept).append(i)
        return kept, dropped


def _validate(obj: object, path: str) -> tuple[dict, ...]:
    items = obj.get("ignored") if isinstance(obj, dict) else None
    if not isinstance(items, list):
        raise ConfigError("not an mtcheck ignore list (no 'ignored' list)", path)
    for k, item in enumerate(items, 1):
        if not (isinstance(item, dict) and isinstance(item.get("check"), str)):
            raise ConfigError(f"ignored entry {k} has no 'check'", path)
        fp = item.get("fingerprint")
        if fp is not None and not (isinstance(fp, str) and re.fullmatch(r"[0-9a-f]{16}", fp)):
            raise ConfigError(f"ignored entry {k}: 'fingerprint' must be 16 hex digits", path)
        if fp is None and not isinstance(item.get("text"), str):
            raise ConfigError(f"ignored entry {k} needs a 'fingerprint' or a 'text'", path)
    return tuple(items)


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime_ns: int, size: int) -> Suppressions:
    if size > _MAX_BYTES:
        raise ConfigError("too large for an ignore list", path)
    try:
        obj = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the ignore list: {exc}", path) from None
    return Suppressions(path, _validate(obj, path))


def load_suppressions(path: str | os.PathLike) -> Suppressions:
    """The suppression file at ``path`` (cached while the file is unchanged); missing → empty."""
    p = str(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        return Suppressions(p)
    except OSError as exc:
        raise ConfigError(f"cannot read the ignore list: {exc.strerror or exc}", p) from None
    return _load(p, st.st_mtime_ns, st.st_size)


def _write(path: str, entries: Iterable[dict]) -> None:
    data = {"mtcheck_ignore": FORMAT_VERSION, "ignored": list(entries)}
    tmp = f"{path}.tmp{os.getpid()}"
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(tmp).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise ConfigError(f"cannot write the ignore list: {exc.strerror or exc}", path) from None


def add_entries(path: str | os.PathLike, entries: Sequence[dict]) -> int:
    """Append ``entries`` (dicts with check, fingerprint, text...) not already listed; returns how many."""
    p = str(path)
    current = list(load_suppressions(p).entries)
    known = {e.get("fingerprint") for e in current if e.get("fingerprint")}
    now = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    added = 0
    for e in entries:
        if e.get("fingerprint") in known:
            continue
        known.add(e.get("fingerprint"))
        current.append({**e, "added": e.get("added") or now})
        added += 1
    if added:
        _write(p, current)
    return added


def remove_entries(path: str | os.PathLike, fingerprints: Iterable[str]) -> int:
    """Remove the entries whose fingerprint starts with one of ``fingerprints``; returns how many."""
    p = str(path)
    prefixes = tuple(fingerprints)
    current = list(load_suppressions(p).entries)
    kept = [e for e in current if not (e.get("fingerprint") or "").startswith(prefixes)]
    if len(kept) != len(current):
        _write(p, kept)
    return len(current) - len(kept)


def entry_for(issue: dict, source_text: Optional[str] = None, target_text: Optional[str] = None) -> dict:
    """The suppression entry of a JSON report issue (a dict with its ``fingerprint``)."""
    entry = {"check": issue["check"], "fingerprint": issue["fingerprint"], "message": issue["message"]}
    for key, span, text in (("text", issue.get("target_span"), target_text),
                            ("source", issue.get("source_span"), source_text)):
        if span is not None and text is not None:
            entry[key] = text[span["start"]:span["end"]]
    if "text" not in entry and "source" in entry:
        entry["text"] = entry["source"]
    return entry
