"""Many articles: check each (map), then merge corpus-level term statistics (reduce).

The map step is ``api.check_documents`` per article, in this process or a process pool; one bad article
gives an error record and never stops the others. The reduce step builds a term memory over the whole
batch: the articles' aligned units are pooled into one corpus, the drift engine finds each source term's
dominant rendering across the desk's output, and an article that renders a term otherwise gets a
``terms.batch`` issue citing how often each rendering was used.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Optional, Sequence

from .config import Config
from .errors import MtcheckError
from .types import Bead, Category, Document, Issue, Report, Sentence, Severity, Span

BATCH_CHECK_ID = "terms.batch"


@dataclass(frozen=True)
class BatchInput:
    """One article of a batch: paths (``reference`` optional) and an id shown in outputs."""

    source: str
    target: str
    reference: Optional[str] = None
    id: Optional[str] = None

    @property
    def name(self) -> str:
        return self.id or self.target


@dataclass(frozen=True)
class BatchResult:
    input: BatchInput
    report: Optional[Report] = None
    error_kind: Optional[str] = None
    error_message: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.report is not None


def _check_one(item: BatchInput, config: Config) -> BatchResult:
    from . import api

    try:
        return BatchResult(item, api.check_pair(item.source, item.target, item.reference, config))
    except MtcheckError as exc:
        return BatchResult(item, error_kind=getattr(exc, "kind", type(exc).__name__), error_message=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article never stops the others
        return BatchResult(item, error_kind="internal", error_message=f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class _Slice:
    index: int  # result index
    src_offset: int
    tgt_offset: int
    src_sent_offset: int
    tgt_sent_offset: int


def _pool(docs: Sequence[tuple[Document, Document, Sequence[Bead]]]) -> tuple[Document, Document, tuple[Bead, ...], list[_Slice]]:
    """One corpus document pair from many articles: texts joined by blank lines, sentences and beads
    shifted, so that the drift engine sees every article's units at once."""
    src_parts: list[str] = []
    tgt_parts: list[str] = []
    src_sents: list[Sentence] = []
    tgt_sents: list[Sentence] = []
    beads: list[Bead] = []
    slices: list[_Slice] = []
    s_off = t_off = 0
    for k, (src, tgt, alignment) in enumerate(docs):
        sl = _Slice(k, s_off, t_off, len(src_sents), len(tgt_sents))
        slices.append(sl)
        src_sents.extend(Sentence(x.start + s_off, x.end + s_off, x.text, x.paragraph, x.line) for x in src.sentences)
        tgt_sents.extend(Sentence(x.start + t_off, x.end + t_off, x.text, x.paragraph, x.line) for x in tgt.sentences)
        beads.extend(Bead(tuple(i + sl.src_sent_offset for i in b.source), tuple(j + sl.tgt_sent_offset for j in b.target), b.score)
                     for b in alignment)
        src_parts.append(src.text)
        tgt_parts.append(tgt.text)
        s_off += len(src.text) + 2
        t_off += len(tgt.text) + 2
    first_src, first_tgt = docs[0][0], docs[0][1]
    src_doc = Document("\n\n".join(src_parts), first_src.lang, sentences=tuple(src_sents))
    tgt_doc = Document("\n\n".join(tgt_parts), first_tgt.lang, sentences=tuple(tgt_sents))
    return src_doc, tgt_doc, tuple(beads), slices


def term_memory_issues(reports: Sequence[Report], min_articles: int = 3) -> list[list[Issue]]:
    """For each report, the issues where it renders a source term otherwise than the batch does.

    A term counts when it occurs in at least ``min_articles`` articles of the same language pair; the
    articles that render it the dominant way must be the majority.
    """
    from .terms.drift import find_renderings

    out: list[list[Issue]] = [[] for _ in reports]
    by_pair: dict[tuple[str, str], list[int]] = {}
    for k, r in enumerate(reports):
        by_pair.setdefault((r.source.lang, r.target.lang), []).append(k)
    for (_, _), members in sorted(by_pair.items()):
        if len(members) < min_articles:
            continue
        docs = [(reports[k].source, reports[k].target, reports[k].alignment) for k in members]
        src_doc, tgt_doc, beads, slices = _pool(docs)
        bead_article = []
        for sl_pos, k in enumerate(members):
            bead_article.extend([sl_pos] * len(reports[k].alignment))
        for term in find_renderings(src_doc, tgt_doc, beads, min_units=min_articles):
            dom = term.dominant
            if dom is None or not term.variants:
                continue
            term_articles = {bead_article[o.unit] for o in term.occurrences}
            dom_articles = {bead_article[o.unit] for o in dom.occurrences}
            if len(term_articles) < min_articles or len(dom_articles) * 2 <= len(term_articles):
                continue
            for v in term.variants:
                a = bead_article[v.unit]
                if a in dom_articles:
                    continue  # drift inside one article is the article-level check's business
                sl = slices[a]
                k = members[a]
                src_occ = next(o for o in term.occurrences if o.unit == v.unit)
                others = sum(1 for x in term.variants if x.text.lower() == v.text.lower())
                out[k].append(Issue(
                    check=BATCH_CHECK_ID,
                    category=Category.TERMINOLOGY_INCONSISTENT,
                    severity=Severity.MAJOR if v.confidence >= 0.7 else Severity.MINOR,
                    message=(f"{term.source} is rendered '{dom.text}' {len(dom.occurrences)} times in "
                             f"{len(dom_articles)} articles of this batch, but '{v.text}' here "
                             f"({others} time{'s' if others > 1 else ''} in the batch)"),
                    source_span=Span(src_occ.start - sl.src_offset, src_occ.end - sl.src_offset),
                    target_span=Span(v.start - sl.tgt_offset, v.end - sl.tgt_offset),
                    suggestion=dom.text,
                    related=(),
                    confidence=v.confidence,
                ))
    return out


def _merge(report: Report, extra: list[Issue], config: Config) -> Report:
    if not extra:
        return report
    from .score import mqm_score

    kept = [i for i in extra if not any(
        j.target_span and i.target_span and j.target_span.start < i.target_span.end
        and i.target_span.start < j.target_span.end and j.category is i.category for j in report.issues)]
    issues = tuple(sorted(set(report.issues) | set(kept), key=Issue.sort_key))
    scores = replace(report.scores, mqm=mqm_score(issues, report.source, config))
    return replace(report, issues=issues, scores=scores)


def check_batch(items: Iterable[BatchInput], config: Config = Config(), jobs: int = 1,
                progress: Optional[Callable[[int], None]] = None, term_memory: bool = True) -> list[BatchResult]:
    """Check every article (in input order), then add batch terminology issues from the term memory."""
    todo = list(items)
    results: list[BatchResult] = []
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for res in pool.map(_check_one, todo, [config] * len(todo)):
                results.append(res)
                if progress:
                    progress(1)
    else:
        for item in todo:
            results.append(_check_one(item, config))
            if progress:
                progress(1)
    if term_memory:
        ok = [k for k, r in enumerate(results) if r.report is not None]
        extra = term_memory_issues([results[k].report for k in ok])  # type: ignore[misc]
        for k, issues in zip(ok, extra):
            results[k] = replace(results[k], report=_merge(results[k].report, issues, config))  # type: ignore[arg-type]
    return results


__all__ = ["BatchInput", "BatchResult", "check_batch", "term_memory_issues"]
