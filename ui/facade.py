"""The app's one door into mtcheck: everything the pages need, in terms of ``mtcheck.api`` values.

The pages import mtcheck only through this module. Most of it is ``mtcheck.api``; the report writers
(``mtcheck.io.report``, ``report_html``) render reports as the CLI does. A few helpers reach below the
facade until ``mtcheck.api`` offers them (marked *pending api*): decoding uploaded bytes, re-scoring a
report without ignored issues, glossary entries to and from bytes. The session glossary reaches the
checks as a file (``Config(glossary=path)``), written under a private temporary folder and named by the
hash of its content, so the same glossary gives the same report signature within a run of the app.
"""
from __future__ import annotations

import atexit
import hashlib
import multiprocessing
import shutil
import tempfile
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from mtcheck import api
from mtcheck.config import Config
from mtcheck.errors import MtcheckError
from mtcheck.terms.glossary import GlossaryEntry, parse_glossary_table
from mtcheck.types import Issue, Report, Severity

from .uploads import Article, Entry, Problem

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = REPO / "samples" / "ai-plan"
SEVERITIES = tuple(s.value for s in Severity)  # critical, major, minor, info

Fingerprint = tuple[str, str]  # (check id, flagged text): what "ignore" records

__all__ = [
    "Article", "Fingerprint", "GlossaryEntry", "Issue", "MtcheckError", "Problem", "Report",
    "BatchRow", "Config", "apply_suppressions", "check_article", "decode_upload", "fingerprint", "flagged_text",
    "glossary_to_csv", "glossary_to_tbx", "load_example", "normalise_lang", "parse_glossary_upload", "report_csv",
    "report_html", "report_json", "run_batch", "submit_check", "term_table", "warm_up",
]


# ---------------------------------------------------------------- single articles

@dataclass(frozen=True)
class Example:
    source: str
    target: str
    reference: str
    glossary: tuple[GlossaryEntry, ...]
    src_lang: str = "zh"
    tgt_lang: str = "fr"


def load_example() -> Example:
    """The sample of samples/ai-plan: a Chinese news article, its machine translation, a reference, a glossary."""
    def read(name: str) -> str:
        return (EXAMPLE_DIR / name).read_text(encoding="utf-8")

    glossary = parse_glossary_table(read("glossary.csv"), str(EXAMPLE_DIR / "glossary.csv"))
    return Example(read("source.zh.txt"), read("mt.fr.txt"), read("ref.fr.txt"), glossary)


def decode_upload(data: bytes, name: str) -> str:
    """Text of an uploaded article, with the encoding detection of the CLI (pending api)."""
    from mtcheck.io.text import decode_bytes

    if len(data) > 20 * 1024 * 1024:
        raise MtcheckError("too large for one article (more than 20 MB)", name)
    return decode_bytes(data, name).text


def normalise_lang(code: Optional[str]) -> Optional[str]:
    return api.normalise_lang(code)


_TMP_LOCK = threading.Lock()
_TMP_DIR: list[Path] = []


def _private_dir() -> Path:
    """A temporary folder of this process (mode 700), removed at exit."""
    with _TMP_LOCK:
        if not _TMP_DIR:
            path = Path(tempfile.mkdtemp(prefix="mtcheck-ui-"))
            atexit.register(shutil.rmtree, path, True)
            _TMP_DIR.append(path)
        return _TMP_DIR[0]


def glossary_file(entries: Sequence[GlossaryEntry]) -> Optional[str]:
    """A CSV file holding ``entries`` for ``Config(glossary=...)``; None for an empty glossary."""
    if not entries:
        return None
    content = glossary_to_csv(entries)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    path = _private_dir() / f"glossary-{digest}.csv"
    if not path.exists():  # written once, atomically: sessions may ask for the same glossary at once
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with open(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        Path(tmp).replace(path)
    return str(path)


def config_for(glossary: Sequence[GlossaryEntry] = (), src_lang: Optional[str] = None,
               tgt_lang: Optional[str] = None, model: Optional[str] = None,
               qe_model: Optional[str] = None) -> Config:
    """The run configuration of the app: the session glossary, languages, and the optional models (an
    encoder as ``--model``, a QE model as ``--qe-model``; offline, as on the command line)."""
    return Config(glossary=glossary_file(glossary), src_lang=src_lang, tgt_lang=tgt_lang,
                  model=(model or "").strip() or None, qe_model=(qe_model or "").strip() or None)


def check_article(source_text: str, target_text: str, *, src_lang: Optional[str] = None,
                  tgt_lang: Optional[str] = None, reference_text: Optional[str] = None,
                  glossary: Sequence[GlossaryEntry] = (), model: Optional[str] = None,
                  qe_model: Optional[str] = None) -> Report:
    """Check one pair given as text (``api.check_texts``), with the session glossary and models."""
    return api.check_texts(source_text, target_text, src_lang=src_lang or None, tgt_lang=tgt_lang or None,
                           reference_text=reference_text or None,
                           config=config_for(glossary, model=model, qe_model=qe_model))


_POOL_LOCK = threading.Lock()
_POOL: list[ProcessPoolExecutor] = []


def _worker_pool() -> ProcessPoolExecutor:
    with _POOL_LOCK:
        if not _POOL:
            _POOL.append(ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")))
        return _POOL[0]


def submit_check(source_text: str, target_text: str, **options: object) -> Future:
    """``check_article`` in a worker process, as a future. The reference metrics (sacreBLEU's TER above
    all) are pure Python and take seconds on a long article; run in the app's process they would hold
    the interpreter lock and slow every session's page down. Runs here if no worker can be started."""
    try:
        return _worker_pool().submit(check_article, source_text, target_text, **options)
    except (RuntimeError, OSError, BrokenProcessPool):
        with _POOL_LOCK:
            _POOL.clear()
        done: Future = Future()
        try:
            done.set_result(check_article(source_text, target_text, **options))  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - handed to whoever reads the future
            done.set_exception(exc)
        return done


def warm_up() -> None:
    """Load the segmenters, language identifier and dictionaries once, so that the first check is quick."""
    try:
        api.check_texts("联合国大会今天通过了一项决议。共有120个国家投票赞成。",
                        "L'Assemblée générale a adopté une résolution. Au total, 120 pays ont voté pour.")
    except Exception:  # noqa: BLE001 - a warm-up never matters enough to fail
        pass


def report_json(report: Report) -> str:
    from mtcheck.io.report import to_json

    return to_json(report)


def report_html(report: Report) -> str:
    from mtcheck.io.report_html import to_html

    return to_html(report)


def report_csv(report: Report) -> str:
    from mtcheck.io.report import to_csv

    return to_csv(report)


def term_table(report: Report) -> list:
    """Every recurring source term with its renderings (``api.term_table``)."""
    return api.term_table(report.source, report.target, report.alignment)


# ---------------------------------------------------------------- ignoring issues

def flagged_text(issue: Issue, report: Report) -> str:
    """The text an issue flags: its target span, else its source span."""
    if issue.target_span is not None:
        return report.target.text[issue.target_span.start:issue.target_span.end]
    if issue.source_span is not None:
        return report.source.text[issue.source_span.start:issue.source_span.end]
    return ""


def fingerprint(issue: Issue, report: Report) -> Fingerprint:
    return (issue.check, flagged_text(issue, report))


def apply_suppressions(report: Report, suppressed: Iterable[Fingerprint]) -> tuple[Report, int]:
    """The report without the ignored issues, re-scored (pending api); and how many were hidden."""
    ignored = set(suppressed)
    if not ignored:
        return report, 0
    kept = tuple(i for i in report.issues if fingerprint(i, report) not in ignored)
    hidden = len(report.issues) - len(kept)
    if not hidden:
        return report, 0
    from mtcheck.score import mqm_score

    scores = replace(report.scores, mqm=mqm_score(kept, report.source, Config()))
    return replace(report, issues=kept, scores=scores), hidden


# ---------------------------------------------------------------- glossaries (pending api)

def glossary_to_csv(entries: Sequence[GlossaryEntry]) -> str:
    from mtcheck.io.glossary_export import entries_to_csv

    return entries_to_csv(entries)


def glossary_to_tbx(entries: Sequence[GlossaryEntry], src_lang: str, tgt_lang: str) -> bytes:
    from mtcheck.io.glossary_export import entries_to_tbx

    return entries_to_tbx(entries, src_lang, tgt_lang)


MAX_GLOSSARY_BYTES = 2 * 1024 * 1024


def parse_glossary_upload(data: bytes, name: str) -> tuple[GlossaryEntry, ...]:
    """Entries of an uploaded glossary: CSV/TSV, or TBX parsed with XML entities refused."""
    if len(data) > MAX_GLOSSARY_BYTES:
        raise MtcheckError(f"too large (more than {MAX_GLOSSARY_BYTES // (1024 * 1024)} MB)", name)
    if name.lower().endswith(".tbx"):
        from mtcheck.terms.glossary import load_glossary

        # load_glossary checks the XML with defusedxml before translate-toolkit parses it.
        path = _private_dir() / f"upload-{hashlib.sha256(data).hexdigest()[:16]}.tbx"
        path.write_bytes(data)
        try:
            return load_glossary(str(path))
        except MtcheckError as exc:
            raise MtcheckError(str(exc.args[0]) if exc.args else "unreadable glossary", name) from None
        finally:
            path.unlink(missing_ok=True)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MtcheckError("a glossary must be UTF-8", name) from None
    return parse_glossary_table(text, name)


# ---------------------------------------------------------------- batches

@dataclass(frozen=True)
class BatchRow:
    """One line of the batch table: an article's report, or why it could not be checked."""

    id: str
    report: Optional[Report] = None
    error: Optional[str] = None
    source_name: str = ""
    target_name: str = ""


def run_batch(entries: Sequence[Entry], glossary: Sequence[GlossaryEntry] = (),
              progress: Optional[Callable[[int, int], None]] = None, model: Optional[str] = None,
              qe_model: Optional[str] = None) -> list[BatchRow]:
    """Check the articles of a batch with ``api.check_batch`` (term memory included), in input order.

    ``api.check_batch`` reads files, so each article's bytes are written under a private temporary
    folder with names of our own (``0001.src``): an uploaded name never becomes a path. Articles are run
    in groups of one language pair (the languages given for them), and the report paths are set back to
    the uploaded names.
    """
    from mtcheck.batch import BatchInput

    rows: list[Optional[BatchRow]] = [None] * len(entries)
    groups: dict[tuple[Optional[str], Optional[str]], list[int]] = {}
    for k, e in enumerate(entries):
        if isinstance(e, Problem):
            rows[k] = BatchRow(e.name, error=e.message, source_name=e.name)
        else:
            try:
                key = (api.normalise_lang(e.src_lang), api.normalise_lang(e.tgt_lang))
            except MtcheckError as exc:
                rows[k] = BatchRow(e.id, error=str(exc), source_name=e.source_name, target_name=e.target_name)
                continue
            groups.setdefault(key, []).append(k)
    total = sum(len(v) for v in groups.values())
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if progress:
            progress(done[0], total)

    if progress:
        progress(0, total)
    workdir = Path(tempfile.mkdtemp(prefix="batch-", dir=_private_dir()))
    try:
        for (src_lang, tgt_lang), members in groups.items():
            items = []
            for k in members:
                art = entries[k]
                assert isinstance(art, Article)
                src, tgt = workdir / f"{k:05d}.src", workdir / f"{k:05d}.tgt"
                src.write_bytes(art.source)
                tgt.write_bytes(art.target)
                ref = None
                if art.reference is not None:
                    ref = workdir / f"{k:05d}.ref"
                    ref.write_bytes(art.reference)
                items.append(BatchInput(str(src), str(tgt), str(ref) if ref else None, id=art.id))
            results = api.check_batch(items, config=config_for(glossary, src_lang, tgt_lang, model, qe_model),
                                      progress=tick)
            for k, res in zip(members, results):
                art = entries[k]
                assert isinstance(art, Article)
                if res.ok:
                    rows[k] = BatchRow(art.id, report=_renamed(res.report, art), source_name=art.source_name,
                                       target_name=art.target_name)
                else:
                    message = (res.error_message or "error").replace(str(workdir) + "/", "")
                    for suffix, label in ((".src", art.source_name), (".tgt", art.target_name), (".ref", art.reference_name)):
                        message = message.replace(f"{k:05d}{suffix}", label or suffix.lstrip("."))
                    rows[k] = BatchRow(art.id, error=message, source_name=art.source_name, target_name=art.target_name)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return [r for r in rows if r is not None]


def _renamed(report: Report, art: Article) -> Report:
    """The report with the uploaded names as paths, not the temporary files."""
    ref = report.reference
    return replace(
        report,
        source=replace(report.source, path=art.source_name or art.id),
        target=replace(report.target, path=art.target_name or art.id),
        reference=replace(ref, path=art.reference_name or None) if ref is not None else None,
    )
