"""Registration and running of checks. A crashing check becomes a CheckError, never stops the run."""
from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Optional

from ..config import Config
from ..errors import CheckCrashed, ConfigError
from ..segment import remember
from ..types import Bead, Category, CheckError, Document, Issue, Severity


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
    # For a bilingual file (XLIFF, TMX), each bead's inline tags, source and target (``io.bilingual.inline_tags``),
    # in the order of ``alignment``; empty otherwise.
    inline_tags: tuple = ()

    def shared(self, key: str, make):  # type: ignore[no-untyped-def]
        """``make(self)``, made once per run and kept in ``notes`` under ``key``: an analysis several checks
        read (it must not change once made)."""
        found = self.notes.get(key)
        if found is None:
            found = self.notes[key] = make(self)
        return found

    def word_alignment(self, bead: Bead):  # type: ignore[no-untyped-def]
        """The model's word alignment of ``bead`` (``mtcheck.align.words``), made once per article and
        shared by the checks that read it (meaning.*, terms.drift); None without a model or for a null
        bead."""
        if not self.config.model:
            return None
        from ..align.words import align_bead_words
        from ..models import encoder_for

        cache = self.notes.setdefault("word_alignments", {})
        key = (bead.source, bead.target)
        if key not in cache:
            encoder = encoder_for(self.config)
            cache[key] = align_bead_words(self.source, self.target, bead, encoder) if encoder else None
        return cache[key]

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


# Check ids of issues made outside the registry, which selectors may name too.
ISSUES_OUTSIDE_REGISTRY = {"terms.batch": Category.TERMINOLOGY_INCONSISTENT, "consistency.batch": Category.TERMINOLOGY_INCONSISTENT}
# Checks that only run when the configuration gives them something to do (custom.rules needs rules).
_NEEDS = {"custom.rules": lambda config: bool(config.rules)}


def selector_rank(selector: str, check_id: str, category: str) -> int:
    """How specifically ``selector`` names a check (0: it does not): ``*`` 1, a top-level category
    (``fluency``) 2, a check family (``casing``, or ``casing.*``) 3, a category (``fluency/punctuation``)
    4, the check id 5."""
    sel = selector.strip()
    if sel == check_id:
        return 5
    if sel == category:
        return 4
    family = check_id.split(".", 1)[0]
    if sel in (family, family + ".*"):
        return 3
    if sel in (category.split("/", 1)[0], category.split("/", 1)[0] + "/*"):
        return 2
    if sel == "*":
        return 1
    return 0


def validate_selectors(selectors: Iterable[str]) -> None:
    """ConfigError for a selector that names no registered check and no category of the taxonomy."""
    categories = {c.value for c in Category}
    tops = {c.split("/")[0] for c in categories}
    for sel in selectors:
        s = sel.strip()
        if s == "*" or s in categories or s in tops or s.rstrip("/*") in tops:
            continue
        if any(selector_rank(s, c.id, c.category.value) for c in REGISTRY.values()):
            continue
        if any(selector_rank(s, cid, cat.value) for cid, cat in ISSUES_OUTSIDE_REGISTRY.items()):
            continue
        raise ConfigError(f"'{sel}' names no check, check family or category (see mtcheck checks)")


@functools.lru_cache(maxsize=256)
def _decide(check_id: str, category: str, enabled: tuple[str, ...], disabled: tuple[str, ...]) -> bool:
    best_on = max((selector_rank(s, check_id, category) for s in enabled), default=0)
    best_off = max((selector_rank(s, check_id, category) for s in disabled), default=0)
    return best_off == 0 or best_on > best_off


def is_enabled(info: CheckInfo, config: Config) -> bool:
    """Whether ``info`` runs under ``config``: the most specific matching selector of
    ``enabled_checks``/``disabled_checks`` decides (enabled when none matches)."""
    need = _NEEDS.get(info.id)
    if need is not None and not need(config):
        return False
    return _decide(info.id, info.category.value, tuple(config.enabled_checks), tuple(config.disabled_checks))


@functools.lru_cache(maxsize=1024)
def _severity_for(check_id: str, category: str, overrides: tuple[tuple[str, str], ...]) -> Optional[Severity]:
    best, chosen = 0, None
    for sel, sev in overrides:
        rank = selector_rank(sel, check_id, category)
        if rank > best:
            best, chosen = rank, sev
    return Severity(chosen) if chosen else None


def issue_selected(issue: Issue, config: Config) -> bool:
    """Whether the selectors of ``config`` let issues of ``issue.check`` through: for issues made outside
    the registry (the batch block analysis: ``terms.batch``, ``consistency.batch``), by their check id and category."""
    return _decide(issue.check, issue.category.value, tuple(config.enabled_checks), tuple(config.disabled_checks))


def severity_override(issue: Issue, config: Config) -> Issue:
    """``issue`` with the severity ``config.severity`` gives its check (or its category), if any."""
    if not config.severity:
        return issue
    sev = _severity_for(issue.check, issue.category.value, tuple(config.severity))
    return issue if sev is None or sev is issue.severity else replace(issue, severity=sev)


def enabled_checks(config: Config) -> list[CheckInfo]:
    """The checks that run under ``config``, in run order (worked out once per config object and set of
    registered checks: every article of a run asks again)."""
    infos = tuple(REGISTRY.values())
    key = (id(config), tuple(map(id, infos)))
    hit = _ENABLED.get(key)
    if hit is None:
        # The config and the checks are kept with the answer, so that the ids of the key stay theirs.
        hit = remember(_ENABLED, key, (config, infos, [c for c in sorted(infos, key=lambda c: (c.order, c.id))
                                                       if is_enabled(c, config)]), 64)
    return list(hit[2])


_ENABLED: dict[tuple, tuple] = {}


def checks_signature(config: "Config | Iterable[str]" = ()) -> str:
    """``id@version`` of every check that runs, by id (a Config, or an iterable of disabled check ids)."""
    if not isinstance(config, Config):
        config = Config(disabled_checks=tuple(config))
    return ",".join(f"{c.id}@{c.version}" for c in sorted(enabled_checks(config), key=lambda c: c.id))


def run_checks(ctx: CheckContext, only: Optional[Iterable[str]] = None) -> tuple[list[Issue], list[CheckError]]:
    """Run the enabled checks (or those of ``only`` among them). A crashing check is recorded as a
    CheckError and the run goes on; with ``config.strict`` it raises CheckCrashed instead (exit 1)."""
    wanted = set(only) if only is not None else None
    issues: list[Issue] = []
    errors: list[CheckError] = []
    for info in enabled_checks(ctx.config):
        if wanted is not None and info.id not in wanted:
            continue
        try:
            found = list(info.fn(ctx))
        except Exception as exc:  # a failing check is recorded, never stops the run (design.md)
            if ctx.config.strict:
                raise CheckCrashed(f"check {info.id} crashed: {type(exc).__name__}: {exc}",
                                   ctx.target.path or ctx.source.path) from exc
            errors.append(CheckError(info.id, f"{type(exc).__name__}: {exc}"))
            continue
        if ctx.config.severity:
            found = [severity_override(i, ctx.config) for i in found]
        issues.extend(found)
    return issues, errors
