"""Registration and running of checks. A crashing check becomes a CheckError, never stops the run."""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from ..config import Config
from ..types import Bead, Category, CheckError, Document, Issue


@dataclass(frozen=True)
class CheckContext:
    """What every check sees: both documents, the alignment, the config and shared analyses."""

    source: Document
    target: Document
    alignment: tuple[Bead, ...]
    config: Config
    # Glossary entries (mtcheck.terms.glossary.GlossaryEntry) loaded by the facade.
    glossary: tuple = ()
    # Per-sentence flags other checks may use (e.g. sentences judged to be noise), keyed by check id.
    notes: dict = field(default_factory=dict, compare=False)

    def bead_texts(self, bead: Bead) -> tuple[str, str]:
        src = " ".join(self.source.sentences[i].text for i in bead.source)
        tgt = " ".join(self.target.sentences[j].text for j in bead.target)
        return src, tgt


CheckFn = Callable[[CheckContext], Iterable[Issue]]


@dataclass(frozen=True)
class CheckInfo:
    id: str
    category: Category
    version: int
    fn: CheckFn
    order: int

    @property
    def title(self) -> str:
        doc = inspect.getdoc(self.fn) or ""
        return doc.splitlines()[0] if doc else self.id

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.fn) or ""


REGISTRY: dict[str, CheckInfo] = {}


def register(check_id: str, category: Category, version: int = 1, order: int = 50) -> Callable[[CheckFn], CheckFn]:
    """Register ``fn`` as check ``check_id``. ``order`` sets run order (lower first) for checks that
    read the notes of others (noise runs before casing and untranslated)."""

    def deco(fn: CheckFn) -> CheckFn:
        if check_id in REGISTRY:
            raise ValueError(f"check {check_id} registered twice")
        REGISTRY[check_id] = CheckInfo(check_id, category, version, fn, order)
        return fn

    return deco


def checks_signature(disabled: Iterable[str] = ()) -> str:
    skip = set(disabled)
    return ",".join(f"{c.id}@{c.version}" for c in sorted(REGISTRY.values(), key=lambda c: c.id) if c.id not in skip)


def run_checks(ctx: CheckContext, only: Optional[Iterable[str]] = None) -> tuple[list[Issue], list[CheckError]]:
    wanted = set(only) if only is not None else None
    issues: list[Issue] = []
    errors: list[CheckError] = []
    for info in sorted(REGISTRY.values(), key=lambda c: (c.order, c.id)):
        if info.id in ctx.config.disabled_checks or (wanted is not None and info.id not in wanted):
            continue
        try:
            found = list(info.fn(ctx))
        except Exception as exc:  # a failing check is recorded, never stops the run (design.md)
            errors.append(CheckError(info.id, f"{type(exc).__name__}: {exc}"))
            continue
        issues.extend(found)
    return issues, errors
