"""Many articles: check each (map), then merge corpus-level statistics (reduce).

The map step checks one article (``api.check_documents``) in this process, a process pool or on a Dask
cluster and returns a *record*: a JSON-able dict holding the whole report (texts included) and the
article's sacreBLEU sufficient statistics when it has a reference, or the error that stopped it. One bad
article gives an error record and never stops the others; a worker that dies on an article is
restarted and the article is recorded as a crash.

The reduce has two levels:

- **term memory**, per *block*: the checked articles of one language pair, in input order, are cut into
  blocks of ``block_size`` (default 100); each block is pooled into one corpus and the drift engine finds
  each source term's dominant rendering across the block; an article that renders a term otherwise
  gets a ``terms.batch`` issue citing how often each rendering was used (and its MQM score is
  recomputed). A block is a pure function of its records, so blocks run as tasks on the same pool or
  cluster as the map, as soon as their articles are in. Blocks keep memory bounded and the work parallel
  and streaming: one pool of the whole batch would be a single task, on one core, after the last article
  (and the engine's cost per article grows with the pool).
- **corpus scores** and the summary, on the client: BLEU/chrF/TER statistics summed over every article
  with a reference (exactly ``corpus_score`` over all their segments), counts for the CSV and the dashboard.

Files with ``output_dir`` (and how ``--resume`` gives the same bytes as an uninterrupted run):

- ``.journal.jsonl``: a header line, then each article's map record as soon as it is its turn (records
  finishing out of order wait for the earlier ones), flushed; the source of truth for resuming.
- ``reports.jsonl``: the final reports (and error records), one line each, in input order, appended
  block by block as their term memory is done, flushed.
- ``summary.csv``, ``corpus.json``, ``dashboard.html``: written at the end, atomically.

Everything downstream of the map is computed from records *as parsed back from their journal line*,
so a resumed run (records read from the journal) and an uninterrupted one (records just written) feed
identical inputs to identical functions. Resuming drops a torn last line, checks that the journal was
made with the same settings and the same inputs (ids, in order; inputs appended since are fine), keeps
the complete lines of ``reports.jsonl`` that match the journal up to the first article of a block still
open at the journal's end (a finished run wrote those last, partial blocks; appended inputs may grow
them), replays the journal to rebuild the open blocks, checks only the articles missing from the
journal, and recomputes every block with an unwritten article. Records and blocks are deterministic,
so the final files are byte for byte those of an uninterrupted run.
"""
from __future__ import annotations

import concurrent.futures as cf
import itertools
import json
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence, TextIO

from .config import Config
from .errors import InputError, MtcheckError, UsageError
from .io.batch_inputs import BatchInput, discover_inputs
from .types import (Bead, Category, CheckError, Document, Issue, MetricScore, MqmScore, QeScores, RelatedSpan,
                    Report, Scores, Sentence, Severity, Span)

BATCH_CHECK_ID = "terms.batch"
DEFAULT_BLOCK_SIZE = 100
JOURNAL_NAME = ".journal.jsonl"
REPORTS_NAME = "reports.jsonl"
SUMMARY_NAME = "summary.csv"
CORPUS_NAME = "corpus.json"
DASHBOARD_NAME = "dashboard.html"
JOURNAL_VERSION = 1
TERM_CHECKS = ("terms.batch", "terms.drift")

# Test hooks (tests only; documented in tests/test_batch_cli.py): a per-article delay in the map, a
# worker that dies on one article id, and the parent killing itself after N journal or report lines.
ENV_DELAY = "MTCHECK_TEST_DELAY"
ENV_CRASH = "MTCHECK_TEST_CRASH"
ENV_KILL = "MTCHECK_TEST_KILL_AFTER"


@dataclass(frozen=True)
class BatchResult:
    input: BatchInput
    report: Optional[Report] = None
    error_kind: Optional[str] = None
    error_message: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.report is not None


# ---------------------------------------------------------------- records: reports as JSON-able dicts

def _doc_record(doc: Optional[Document]) -> Optional[dict]:
    if doc is None:
        return None
    sentences = []
    for s in doc.sentences:
        row: list = [s.start, s.end, s.paragraph, s.line]
        if doc.text[s.start:s.end] != s.text:
            row.append(s.text)
        sentences.append(row)
    return {"text": doc.text, "lang": doc.lang, "path": doc.path, "encoding": doc.encoding,
            "lang_detected": doc.lang_detected, "sentences": sentences}


def _doc_from(d: Optional[dict]) -> Optional[Document]:
    if d is None:
        return None
    text = d["text"]
    sentences = tuple(Sentence(r[0], r[1], r[4] if len(r) > 4 else text[r[0]:r[1]], r[2], r[3])
                      for r in d["sentences"])
    return Document(text=text, lang=d["lang"], path=d["path"], encoding=d["encoding"], sentences=sentences,
                    lang_detected=d["lang_detected"])


def _metric_record(m: Optional[MetricScore]) -> Optional[dict]:
    return None if m is None else {"name": m.name, "score": m.score, "signature": m.signature}


def _metric_from(d: Optional[dict]) -> Optional[MetricScore]:
    return None if d is None else MetricScore(d["name"], d["score"], d["signature"])


def _span_from(d: Optional[dict]) -> Optional[Span]:
    return None if d is None else Span(d["start"], d["end"])


def issue_from_dict(d: dict) -> Issue:
    return Issue(
        check=d["check"], category=Category(d["category"]), severity=Severity(d["severity"]),
        message=d["message"], source_span=_span_from(d["source_span"]), target_span=_span_from(d["target_span"]),
        suggestion=d["suggestion"], related=tuple(RelatedSpan(r["side"], r["start"], r["end"]) for r in d["related"]),
        confidence=d["confidence"],
    )


def report_to_record(report: Report) -> dict:
    """Everything needed to rebuild ``report`` exactly (``report_from_record``), as JSON-able values."""
    s = report.scores
    return {
        "signature": report.signature,
        "source": _doc_record(report.source),
        "target": _doc_record(report.target),
        "reference": _doc_record(report.reference),
        "alignment": [[list(b.source), list(b.target), b.score] for b in report.alignment],
        "issues": [i.to_dict() for i in report.issues],
        "scores": {"mqm": s.mqm.to_dict(), "bleu": _metric_record(s.bleu), "chrf": _metric_record(s.chrf),
                   "ter": _metric_record(s.ter), "qe": s.qe.to_dict() if s.qe else None},
        "check_errors": [[e.check, e.message] for e in report.check_errors],
        "suppressed": [i.to_dict() for i in report.suppressed],
    }


def _qe_from(d: Optional[dict]) -> Optional[QeScores]:
    if d is None:
        return None
    return QeScores(model=d["model"], beads=tuple(d["per_bead"]), mean=d["mean"], min=d["min"])


def report_from_record(d: dict) -> Report:
    m = d["scores"]["mqm"]
    source, target = _doc_from(d["source"]), _doc_from(d["target"])
    assert source is not None and target is not None
    return Report(
        signature=d["signature"],
        source=source,
        target=target,
        reference=_doc_from(d["reference"]),
        alignment=tuple(Bead(tuple(b[0]), tuple(b[1]), b[2]) for b in d["alignment"]),
        issues=tuple(issue_from_dict(i) for i in d["issues"]),
        scores=Scores(mqm=MqmScore(m["penalty"], m["words"], m["score"], m["pass"]),
                      bleu=_metric_from(d["scores"]["bleu"]), chrf=_metric_from(d["scores"]["chrf"]),
                      ter=_metric_from(d["scores"]["ter"]), qe=_qe_from(d["scores"].get("qe"))),
        check_errors=tuple(CheckError(c, msg) for c, msg in d["check_errors"]),
        suppressed=tuple(issue_from_dict(i) for i in d.get("suppressed", ())),
    )


# ---------------------------------------------------------------- reference metrics with their statistics

def _metrics_for(tgt_lang: str):  # type: ignore[no-untyped-def]
    """The sacreBLEU metric objects ``score.reference_metrics`` uses for this target language."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    from .score import _bleu_tokenizer

    return (("bleu", BLEU(tokenize=_bleu_tokenizer(tgt_lang))), ("chrf", CHRF()),
            ("ter", TER(asian_support=tgt_lang in ("zh", "ja", "ko", "th"))))


def _sum_stats(rows: Sequence[Sequence[float]]) -> list:
    total: list = [type(v)(0) for v in rows[0]]
    for row in rows:
        for k, v in enumerate(row):
            total[k] += v
    return total


def reference_scores(target: Document, reference: Document) -> tuple[dict[str, MetricScore], dict[str, list]]:
    """The article's BLEU/chrF/TER (as ``score.score_against_reference`` gives them) and their summed
    segment statistics, from which corpus scores are exact: each segment is scored once."""
    from .score import reference_segments

    hyps, refs = reference_segments(target, reference)
    scores: dict[str, MetricScore] = {}
    stats: dict[str, list] = {}
    for name, metric in _metrics_for(target.lang):
        seg_stats = metric._extract_corpus_statistics(list(hyps), [list(refs)])
        total = _sum_stats(seg_stats)
        result = metric._compute_score_from_stats(total)
        scores[name] = MetricScore(name, round(float(result.score), 2), str(metric.get_signature()))
        stats[name] = [float(v) if isinstance(v, float) else int(v) for v in total]
    return scores, stats


def corpus_scores(stats_by_pair: dict[tuple[str, str], list[dict]]) -> dict[str, dict]:
    """Corpus BLEU/chrF/TER per language pair from the articles' summed statistics."""
    out: dict[str, dict] = {}
    for (src, tgt), rows in sorted(stats_by_pair.items()):
        entry: dict[str, Any] = {"articles": len(rows)}
        for name, metric in _metrics_for(tgt):
            total = _sum_stats([r[name] for r in rows])
            metric.num_refs = 1
            result = metric._compute_score_from_stats(total)
            entry[name] = {"score": round(float(result.score), 2), "signature": str(metric.get_signature())}
        out[f"{src}-{tgt}"] = entry
    return out


# ---------------------------------------------------------------- the map: one article

def _error_record(item: BatchInput, kind: str, message: str) -> dict:
    return {"id": item.id, "error": {"kind": kind, "message": " ".join(str(message).split())}}


def _inline_document(text: str, lang: Optional[str], config: Config, what: str, ident: str) -> Document:
    from . import api
    from .errors import EmptyInput

    name = f"{ident} ({what})"
    if not text.strip():
        raise EmptyInput(f"empty {what} text", name)
    if len(text) > config.max_chars:
        raise InputError(f"too large: {len(text):,} characters, limit {config.max_chars:,}", name)
    return api.make_document(text, path=None, lang=lang, encoding=None, presegmented=config.presegmented)


def _check_item(item: BatchInput, config: Config) -> dict:
    from . import api

    if item.error_kind:
        return _error_record(item, item.error_kind, item.error_message or "cannot be checked")
    cfg = config
    if item.src_lang or item.tgt_lang:
        cfg = config.with_(src_lang=item.src_lang or config.src_lang, tgt_lang=item.tgt_lang or config.tgt_lang)
    stats = None
    if item.bilingual:
        report = api.check_bilingual(item.bilingual, cfg)
    else:
        ident = item.id or "article"

        def document(path: Optional[str], text: Optional[str], lang: Optional[str], what: str) -> Optional[Document]:
            if path is not None:
                return api.load_document(path, lang=lang, config=cfg)
            if text is not None:
                return _inline_document(text, lang, cfg, what, ident)
            if what != "reference":
                raise UsageError(f"no {what} given", ident)
            return None

        source = document(item.source, item.source_text, cfg.src_lang, "source")
        target = document(item.target, item.target_text, cfg.tgt_lang, "target")
        assert source is not None and target is not None
        reference = document(item.reference, item.reference_text, target.lang, "reference")
        report = api.check_documents(source, target, None, cfg)
        if reference is not None:
            scores, stats = reference_scores(target, reference)
            report = replace(report, reference=reference,
                             scores=replace(report.scores, bleu=scores["bleu"], chrf=scores["chrf"], ter=scores["ter"]))
    return {"id": item.id, "report": report_to_record(report), "stats": stats}


def check_item(item: BatchInput, config: Config) -> dict:
    """The map step: one article's record. Never raises for a bad article."""
    delay = os.environ.get(ENV_DELAY)
    if delay:
        time.sleep(float(delay))
    crash = os.environ.get(ENV_CRASH)
    if crash and crash == item.id:
        import multiprocessing

        if multiprocessing.parent_process() is not None:
            os._exit(70)  # a worker dying on this article (tests of crash isolation)
    try:
        return _check_item(item, config)
    except MtcheckError as exc:
        kind = getattr(exc, "kind", None) or ("usage" if isinstance(exc, UsageError) else "error")
        return _error_record(item, kind, str(exc))
    except MemoryError:
        return _error_record(item, "internal", "out of memory (input too large?)")
    except Exception as exc:  # noqa: BLE001 - one bad article never stops the others
        return _error_record(item, "internal", f"{type(exc).__name__}: {exc}")


# ---------------------------------------------------------------- the term memory

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
        # The source text of each unit: a term found only in sentences that recur word for word across
        # articles (a wire story and its update) is that sentence's business (consistency.batch), not the
        # batch's usage of a term ("good results" in the same sentence of three articles is no term).
        bead_source = [tuple(src_doc.sentences[i].text for i in b.source) for b in beads]

        def spread(units: Iterable[int], dom_units: Iterable[int]) -> Optional[tuple[set[int], set[int]]]:
            # The articles of a term and of its dominant rendering, for a term in min_articles articles,
            # and in as many different source sentences, with its dominant rendering in most of them; None
            # for any other term.
            units = list(units)
            term_articles = {bead_article[u] for u in units}
            dom_articles = {bead_article[u] for u in dom_units}
            ok = len(term_articles) >= min_articles and len(dom_articles) * 2 > len(term_articles) \
                and len({bead_source[u] for u in units}) >= min_articles
            return (term_articles, dom_articles) if ok else None

        def wanted(units: set[int], dom_units: set[int]) -> bool:
            # What the loop below can report: such a term with an article without the dominant rendering
            # (the variants of an article that has it are never reported).
            got = spread(units, dom_units)
            return got is not None and not got[0] <= got[1]

        for term in find_renderings(src_doc, tgt_doc, beads, min_units=min_articles, wanted=wanted):
            dom = term.dominant
            if dom is None or not term.variants:
                continue
            got = spread(term.units, dom.units)
            if got is None:
                continue
            term_articles, dom_articles = got
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
    from .checks.registry import issue_selected, severity_override
    from .score import mqm_score

    extra = [severity_override(i, config) for i in extra if issue_selected(i, config)]
    dropped: list[Issue] = []
    if config.suppress:  # the ignore list applies to the batch term memory's issues too
        from .suppress import load_suppressions

        extra, dropped = load_suppressions(config.suppress).split(extra, report.source.text, report.target.text)

    kept = [i for i in extra if not any(
        j.target_span and i.target_span and j.target_span.start < i.target_span.end
        and i.target_span.start < j.target_span.end and j.category is i.category for j in report.issues)]
    issues = tuple(sorted(set(report.issues) | set(kept), key=Issue.sort_key))
    scores = replace(report.scores, mqm=mqm_score(issues, report.source, config, words=report.scores.mqm.words))
    return replace(report, issues=issues, scores=scores, suppressed=report.suppressed + tuple(dropped))


def final_line(ident: str, report: Optional[Report], error: Optional[dict] = None) -> str:
    """One line of ``reports.jsonl``: the contract's report with the article's id as ``input``, or its
    error record."""
    if report is None:
        return json.dumps({"input": ident, "error": error}, ensure_ascii=False)
    from .io.report import report_to_dict

    return json.dumps({"input": ident, **report_to_dict(report)}, ensure_ascii=False)


def reduce_block(records: Sequence[dict], config: Config, term_memory: bool = True,
                 min_articles: int = 3, want_reports: bool = False) -> list[tuple[int, str, Optional[dict]]]:
    """The term memory of one block: (index, final line, merged report record if wanted) per record."""
    reports = [report_from_record(r["report"]) for r in records]
    extra: list[list[Issue]] = [[] for _ in reports]
    if term_memory and len(reports) >= min_articles:
        extra = term_memory_issues(reports, min_articles=min_articles)
    if term_memory and len(reports) >= 2:
        # Boilerplate sentences (datelines, credits) the block's other articles translate one way.
        from .checks.consistency import batch_consistency_issues

        extra = [a + b for a, b in zip(extra, batch_consistency_issues(reports))]
    out = []
    for rec, report, issues in zip(records, reports, extra):
        merged = _merge(report, issues, config)
        out.append((rec["index"], final_line(rec["id"], merged),
                    report_to_record(merged) if want_reports else None))
    return out


# ---------------------------------------------------------------- digests: what the summary needs

def _gate_fails(by_severity: dict, score: float, fail_on: str, min_score: Optional[float]) -> bool:
    if min_score is not None and score < min_score:
        return True
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(n and Severity(sev).rank >= threshold and sev != Severity.INFO.value for sev, n in by_severity.items())


def article_digest(record: dict, final: dict, fail_on: str = "major", min_score: Optional[float] = None) -> dict:
    """The summary row of one article, from its journal record and its final report (both as parsed
    from their lines), with its gate verdict."""
    if "error" in record:
        return {"input": record["id"], "error": record["error"], "gate": "error"}
    src_text = record["report"]["source"]["text"]
    tgt_text = record["report"]["target"]["text"]
    terms = []
    for issue in final["issues"]:
        ss, ts = issue["source_span"], issue["target_span"]
        if issue["check"] in TERM_CHECKS and ss and ts:
            terms.append([issue["check"], src_text[ss["start"]:ss["end"]], tgt_text[ts["start"]:ts["end"]],
                          issue["suggestion"], issue["severity"]])
    scores = final["scores"]
    mqm = scores["mqm"]
    by_severity = final["summary"]["by_severity"]
    digest: dict[str, Any] = {
        "input": final["input"],
        "src_lang": final["source"]["lang"], "tgt_lang": final["target"]["lang"],
        "words": mqm["words"], "penalty": mqm["penalty"], "score": mqm["score"], "pass": mqm["pass"],
        "issues": len(final["issues"]), "by_severity": by_severity,
        "by_category": final["summary"]["by_category"],
        "check_errors": len(final.get("check_errors", [])),
        "terms": terms,
        "gate": "fail" if _gate_fails(by_severity, mqm["score"], fail_on, min_score) else "pass",
    }
    for name in ("bleu", "chrf", "ter"):
        digest[name] = scores[name]["score"] if scores[name] else None
    digest["stats"] = record.get("stats")
    return digest


def corpus_summary(digests: Sequence[dict]) -> dict:
    """The batch in numbers: articles, errors, gate, MQM, corpus BLEU/chrF/TER per language pair."""
    ok = [d for d in digests if "error" not in d]
    stats_by_pair: dict[tuple[str, str], list[dict]] = {}
    for d in ok:
        if d.get("stats"):
            key = (d["src_lang"], d["tgt_lang"])
            stats_by_pair.setdefault(key, []).append(d["stats"])
    metrics = corpus_scores(stats_by_pair) if stats_by_pair else {}
    scores = [d["score"] for d in ok]
    words = sum(d["words"] for d in ok)
    penalty = sum(d["penalty"] for d in ok)
    pairs: dict[str, int] = {}
    for d in ok:
        k = f"{d['src_lang']}-{d['tgt_lang']}"
        pairs[k] = pairs.get(k, 0) + 1
    return {
        "articles": len(digests),
        "checked": len(ok),
        "errors": len(digests) - len(ok),
        "gate_failed": sum(1 for d in digests if d["gate"] == "fail"),
        "language_pairs": dict(sorted(pairs.items())),
        "mqm": {
            "mean_score": round(sum(scores) / len(scores), 2) if scores else None,
            "passed": sum(1 for d in ok if d["pass"]),
            # The batch as one text: penalty over all source words, the contract's formula.
            "pooled_score": round(max(0.0, 100.0 * (1.0 - penalty / words)), 2) if words else None,
            "words": words,
        },
        "reference_metrics": metrics,
    }


# ---------------------------------------------------------------- engines: where the tasks run

class _Engine:
    """Where tasks run. ``window`` tasks may be in flight; ``broken`` tells a dead worker (the engine
    then ``restart``s) from a task that failed."""

    window = 1
    workers = 1

    def broken(self, exc: BaseException) -> bool:
        return False

    def restart(self) -> None:
        pass

    def close(self, cancel: bool = False) -> None:
        pass


class _InlineEngine(_Engine):
    """Tasks run at once, in this process (``--jobs 1``)."""

    def submit(self, fn: Callable, *args: Any) -> cf.Future:
        fut: cf.Future = cf.Future()
        try:
            fut.set_result(fn(*args))
        except Exception as exc:  # noqa: BLE001
            fut.set_exception(exc)
        return fut

    def wait(self, futures: Iterable[Any]) -> set:
        return {f for f in futures if f.done()}


# Garbage collection thresholds while a batch runs. A checking process holds millions of long-lived
# objects (tokenizer and lemmatizer dictionaries, caches); with Python's default (700, 10, 10) a full
# collection scans them every ~70,000 allocations, about 10 % of the CPU time of a batch. With
# (10,000, 10, 10) the young collections alone still took ~8 % (the drift engine allocates a million
# small tuples per 400 articles, nearly all freed at once by reference counting); with (100,000, 20, 100)
# about 1 % (measured in one process over 400 bench articles: 39.8-40.6 against 36.8-37.0 ms per article,
# 35.9 with the collector off). The cyclic garbage of one article is small.
GC_THRESHOLDS = (100_000, 20, 100)


def _tune_gc() -> tuple[int, ...]:
    import gc

    previous = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    return previous


class _PoolEngine(_Engine):
    """A process pool; a worker that dies breaks the pool, which is then restarted."""

    def __init__(self, jobs: int) -> None:
        import multiprocessing

        self.workers = jobs
        self.window = 2 * jobs + 2
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._pool = self._new_pool()

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=self._context, initializer=_tune_gc)

    def submit(self, fn: Callable, *args: Any) -> cf.Future:
        return self._pool.submit(fn, *args)

    def wait(self, futures: Iterable[Any]) -> set:
        done, _ = cf.wait(list(futures), return_when=cf.FIRST_COMPLETED)
        return done

    def broken(self, exc: BaseException) -> bool:
        from concurrent.futures.process import BrokenProcessPool

        return isinstance(exc, BrokenProcessPool)

    def restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


class _DaskEngine(_Engine):
    """Tasks on a Dask cluster: an existing one (``scheduler`` address) or a local one."""

    def __init__(self, scheduler: Optional[str], jobs: int) -> None:
        try:
            import distributed
        except ImportError:
            raise UsageError('--engine dask needs Dask: pip install "mtcheck[dask]"') from None
        self._distributed = distributed
        self._cluster = None
        try:
            if scheduler:
                self.client = distributed.Client(scheduler, timeout="20s", set_as_default=False)
            else:
                self._cluster = distributed.LocalCluster(n_workers=max(1, jobs), threads_per_worker=1,
                                                         processes=True, dashboard_address=None)
                self.client = distributed.Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from None
        threads = sum(self.client.nthreads().values()) or 1
        self.workers = threads
        self.window = max(8, 2 * threads + 2)

    def submit(self, fn: Callable, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def wait(self, futures: Iterable[Any]) -> set:
        # distributed.wait() looks for a default client, and this one is not made the default (the caller
        # may have its own): wait on the futures' callbacks instead.
        import threading

        pending = list(futures)
        done = {f for f in pending if f.done()}
        if done:
            return done
        event = threading.Event()
        for f in pending:
            f.add_done_callback(lambda _f: event.set())
        event.wait()
        return {f for f in pending if f.done()}

    def close(self, cancel: bool = False) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(engine: str, jobs: int, scheduler: Optional[str]):  # type: ignore[no-untyped-def]
    if engine == "dask":
        return _DaskEngine(scheduler, jobs)
    if engine != "local":
        raise UsageError(f"unknown engine '{engine}' (local or dask)")
    if scheduler:
        raise UsageError("--scheduler goes with --engine dask")
    return _PoolEngine(jobs) if jobs > 1 else _InlineEngine()


# ---------------------------------------------------------------- files of a run

def _complete_lines(path: Path) -> Iterable[tuple[str, int]]:
    """The complete, well-formed JSON lines at the start of ``path``, each with the byte offset where it
    ends; a torn or corrupt line ends the iteration (it and everything after it do not count)."""
    if not path.exists():
        return
    end = 0
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                return  # torn: the run was killed while writing it
            try:
                text = raw[:-1].decode("utf-8")
                json.loads(text)
            except (UnicodeDecodeError, json.JSONDecodeError):
                return
            end += len(raw)
            yield text, end


def _open_truncated(path: Path, size: int, what: str) -> TextIO:
    """``path`` cut to its first ``size`` bytes (what is complete and kept), open for appending lines."""
    try:
        with path.open("ab") as fh:
            fh.truncate(size)
        return path.open("a", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(f"cannot write the {what}: {exc.strerror or exc}", str(path)) from None


def _write_atomic(path: Path, content: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"cannot write output: {exc.strerror or exc}", str(path)) from None


@dataclass
class BatchRun:
    """What a batch produced: one digest per input (in order), the corpus summary, and (for the API)
    the merged report records."""

    digests: list[dict]
    corpus: dict
    reports: Optional[list[Optional[dict]]] = None
    resumed: int = 0  # articles found done in the journal

    @property
    def failed(self) -> list[str]:
        return [d["input"] for d in self.digests if d["gate"] == "fail"]

    @property
    def errors(self) -> list[str]:
        return [d["input"] for d in self.digests if d["gate"] == "error"]


def _kill_hook() -> tuple[Optional[str], int]:
    spec = os.environ.get(ENV_KILL)
    if not spec or ":" not in spec:
        return None, 0
    what, n = spec.split(":", 1)
    return what, int(n)


class _Runner:
    """The state of one run: the map tasks to submit, records waiting for their turn in the journal, the
    open term-memory blocks per language pair, final lines waiting for their turn in the reports."""

    def __init__(self, items: Sequence[BatchInput], config: Config, engine: Any, *, output_dir: Optional[Path],
                 stream: Optional[TextIO], block_size: int, term_memory: bool,
                 fail_on: str, min_score: Optional[float], progress: Optional[Callable[[int], None]],
                 want_reports: bool) -> None:
        self.items = list(items)
        self.n = len(self.items)
        self.config = config
        self.engine = engine
        self.dir = output_dir
        self.stream = stream
        self.block_size = max(1, block_size)
        self.term_memory = term_memory and block_size > 0
        self.fail_on = fail_on
        self.min_score = min_score
        self.progress = progress
        self.want_reports = want_reports
        self.reports: Optional[list[Optional[dict]]] = [None] * self.n if want_reports else None
        self.digests: list[dict] = []
        self.journaled = 0  # records journaled: the next index to journal
        self.written = 0  # final lines written: the next index to write
        self.waiting: dict[int, dict] = {}  # map records that finished before their turn
        self.records: dict[int, dict] = {}  # journaled records whose final line is not written yet
        self.blocks: dict[tuple[str, str], list[int]] = {}
        self.finals: dict[int, tuple[str, Optional[dict]]] = {}
        self.inflight: dict[Any, tuple[str, Any]] = {}
        self.todo: deque[int] = deque()
        self.suspects: deque[tuple[str, Any]] = deque()  # tasks in flight when a worker died
        self.isolating = False
        self.journal: Optional[TextIO] = None
        self.report_file: Optional[TextIO] = None
        self.resumed = 0
        self.kill_what, self.kill_after = _kill_hook()

    # -- setup

    def header(self) -> dict:
        return {"mtcheck_batch_journal": JOURNAL_VERSION, "config": self.config.hash(),
                "block_size": self.block_size if self.term_memory else 0}

    def open_outputs(self, resume: bool) -> int:
        """Open the journal and the reports; on resume, check them against this run and keep what is
        complete. Returns the number of records the journal holds (to replay with ``replay``)."""
        if self.dir is None:
            return 0
        d = self.dir
        if d.exists() and not d.is_dir():
            raise UsageError(f"-o {d}: exists and is not a folder")
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot create the output folder: {exc.strerror or exc}", str(d)) from None
        journal_path, reports_path = d / JOURNAL_NAME, d / REPORTS_NAME
        kept = 0
        size = 0
        # Members of the blocks still open at the end of the journal: a finished run wrote them as its
        # last, partial blocks; with more inputs now those blocks grow, so their lines are redone.
        open_blocks: dict[tuple[str, str], list[int]] = {}
        if resume:
            for k, (line, end) in enumerate(_complete_lines(journal_path)):
                rec = json.loads(line)
                if k == 0:
                    if rec != self.header():
                        raise UsageError(f"{d} holds a batch run with other settings (configuration, "
                                         "languages, --fail-on or block size); use another -o folder or drop --resume")
                elif k - 1 >= self.n or rec.get("index") != k - 1 or rec.get("id") != self.items[k - 1].id:
                    raise UsageError(f"{d} holds a batch run of other inputs (article {k} there is "
                                     f"'{rec.get('id')}'); use another -o folder or drop --resume")
                else:
                    kept = k
                    if self.term_memory and "report" in rec:
                        pair = (rec["report"]["source"]["lang"], rec["report"]["target"]["lang"])
                        block = open_blocks.setdefault(pair, [])
                        block.append(k - 1)
                        if len(block) >= self.block_size:
                            block.clear()
                size = end
        first_open = min((b[0] for b in open_blocks.values() if b), default=kept)
        self.journal = _open_truncated(journal_path, size, "journal")
        if size == 0:
            self._journal_line(json.dumps(self.header()))
        written = 0
        size = 0
        if resume and kept:
            ids = (json.loads(line).get("id") for line, _ in itertools.islice(_complete_lines(journal_path), 1, None))
            for (line, end), ident in zip(_complete_lines(reports_path), itertools.islice(ids, first_open)):
                if json.loads(line).get("input") != ident:
                    break
                written += 1
                size = end
        self.report_file = _open_truncated(reports_path, size, "reports")
        self.written = written
        return kept

    def replay(self, kept: int) -> None:
        """Feed the journal's records back in, in order: the digests of the reports already written, and
        the open blocks."""
        if not kept or self.dir is None:
            return
        records = (json.loads(line) for line, _ in itertools.islice(_complete_lines(self.dir / JOURNAL_NAME), 1, None))
        finals = (json.loads(line) for line, _ in _complete_lines(self.dir / REPORTS_NAME))
        for rec in itertools.islice(records, kept):
            k = rec["index"]
            if k < self.written:
                self.digests.append(article_digest(rec, next(finals), self.fail_on, self.min_score))
            self.journaled += 1
            self.on_record(rec)
        self.flush_finals()

    def _journal_line(self, line: str) -> None:
        assert self.journal is not None
        self.journal.write(line + "\n")
        self.journal.flush()

    # -- the flow of records

    def on_record(self, rec: dict) -> None:
        """A record in its turn (just journaled, or replayed): route it to its block or its final line."""
        k = rec["index"]
        self.records[k] = rec
        if "error" in rec:
            if k >= self.written:
                self.finals[k] = (final_line(rec["id"], None, rec["error"]), None)
            else:
                self.records.pop(k)
            return
        if not self.term_memory:
            if k >= self.written:
                (i, line, merged), = reduce_block([rec], self.config, False, want_reports=self.want_reports)
                self.finals[k] = (line, merged)
            else:
                self.records.pop(k)
            return
        rep = rec["report"]
        pair = (rep["source"]["lang"], rep["target"]["lang"])
        block = self.blocks.setdefault(pair, [])
        block.append(k)
        if len(block) >= self.block_size:
            self.close_block(pair)

    def close_block(self, pair: tuple[str, str]) -> None:
        members = self.blocks.pop(pair)
        if all(k < self.written for k in members):
            for k in members:
                self.records.pop(k, None)
            return
        self.submit(("block", tuple(members)))

    def submit(self, task: tuple[str, Any]) -> None:
        kind, what = task
        try:
            if kind == "map":
                fut = self.engine.submit(check_item, self.items[what], self.config)
            else:
                fut = self.engine.submit(reduce_block, [self.records[k] for k in what], self.config, True, 3,
                                         self.want_reports)
        except Exception as exc:  # noqa: BLE001
            # A worker died since the last results were read: the pool refuses new tasks. The task fails
            # as those in flight will, and is handled with them (``on_broken``: restart, run them alone).
            if not self.engine.broken(exc):
                raise
            fut = cf.Future()
            fut.set_exception(exc)
        self.inflight[fut] = task

    def on_map_result(self, k: int, rec: dict) -> None:
        rec = {"index": k, **rec}
        self.waiting[k] = rec
        while self.journaled in self.waiting:
            rec = self.waiting.pop(self.journaled)
            line = json.dumps(rec, ensure_ascii=False)
            if self.journal is not None:
                self._journal_line(line)
            self.journaled += 1
            if self.kill_what == "journal" and self.journaled == self.kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
            if self.progress:
                self.progress(1)
            self.on_record(json.loads(line))
        self.flush_finals()

    def on_block_result(self, lines: list) -> None:
        for k, line, merged in lines:
            if k >= self.written:
                self.finals[k] = (line, merged)
            else:
                self.records.pop(k, None)  # written before a resume
        self.flush_finals()

    def flush_finals(self) -> None:
        wrote = False
        while self.written in self.finals:
            k = self.written
            line, merged = self.finals.pop(k)
            rec = self.records.pop(k)
            if self.report_file is not None:
                self.report_file.write(line + "\n")
            if self.stream is not None:
                self.stream.write(line + "\n")
            if self.reports is not None:
                self.reports[k] = merged
            self.digests.append(article_digest(rec, json.loads(line), self.fail_on, self.min_score))
            self.written += 1
            wrote = True
            if self.kill_what == "reports" and self.written == self.kill_after:
                self._flush_outputs()
                os.kill(os.getpid(), signal.SIGKILL)
        if wrote:
            self._flush_outputs()

    def _flush_outputs(self) -> None:
        if self.report_file is not None:
            self.report_file.flush()
        if self.stream is not None:
            self.stream.flush()

    # -- the loop

    def next_task(self) -> Optional[tuple[str, Any]]:
        if self.suspects:
            return self.suspects.popleft()
        if self.isolating:
            return None
        if self.todo:
            return ("map", self.todo.popleft())
        return None

    def run(self, kept: int) -> None:
        self.resumed = kept
        self.replay(kept)
        self.todo.extend(range(self.journaled, self.n))
        while True:
            while len(self.inflight) < (1 if self.isolating else self.engine.window):
                task = self.next_task()
                if task is None:
                    break
                self.submit(task)
            if not self.inflight:
                if self.isolating:
                    self.isolating = False
                    continue
                if self.todo or self.suspects:
                    continue
                if self.blocks:
                    # Every article is in: the last, partial blocks of each language pair.
                    for pair in sorted(self.blocks, key=lambda p: self.blocks[p][0]):
                        self.close_block(pair)
                    continue
                break
            for fut in self.engine.wait(self.inflight):
                task = self.inflight.pop(fut, None)
                if task is not None:  # None: dropped when the pool broke, resubmitted since
                    self.on_done(fut, task)
        assert self.written == self.n, (self.written, self.n)

    def on_done(self, fut: Any, task: tuple[str, Any]) -> None:
        kind, what = task
        failure: Optional[str] = None
        try:
            result = fut.result()
        except Exception as exc:  # noqa: BLE001 - infrastructure failures: a dead worker, a lost task
            if self.engine.broken(exc):
                self.on_broken(task)
                return
            result = None
            failure = f"{type(exc).__name__}: {exc}"
        if kind == "map":
            if result is None:
                result = _error_record(self.items[what], "crash", f"the worker checking it failed ({failure})")
            self.on_map_result(what, result)
        else:
            if result is None:
                result = reduce_block([self.records[k] for k in what], self.config, False,
                                      want_reports=self.want_reports)
            self.on_block_result(result)

    def on_broken(self, task: tuple[str, Any]) -> None:
        """A worker died: every task in flight failed with it. Restart the pool and run those tasks one
        at a time; a task that kills a worker when alone is the culprit."""
        alone = self.isolating and not self.inflight
        others = list(self.inflight.values())
        self.inflight.clear()
        self.engine.restart()
        if alone:
            kind, what = task
            if kind == "map":
                self.on_map_result(what, _error_record(self.items[what], "crash",
                                                       "the worker checking this article died"))
            else:
                self.on_block_result(reduce_block([self.records[k] for k in what], self.config, False,
                                                  want_reports=self.want_reports))
        else:
            self.suspects.extend([task] + others)
        self.suspects = deque(sorted(set(self.suspects), key=lambda t: (t[0] != "map", _first(t[1]))))
        self.isolating = True

    def finish(self) -> BatchRun:
        for fh in (self.journal, self.report_file):
            if fh is not None:
                fh.close()
        corpus = corpus_summary(self.digests)
        if self.dir is not None:
            from .io.dashboard import corpus_json, dashboard_html, summary_csv

            _write_atomic(self.dir / SUMMARY_NAME, summary_csv(self.digests))
            _write_atomic(self.dir / CORPUS_NAME, corpus_json(corpus))
            _write_atomic(self.dir / DASHBOARD_NAME, dashboard_html(self.digests, corpus))
        return BatchRun(self.digests, corpus, self.reports, self.resumed)


def _first(what: Any) -> int:
    return what if isinstance(what, int) else what[0]


def run_batch(items: Sequence[BatchInput], config: Config = Config(), *, jobs: int = 1, engine: str = "local",
              scheduler: Optional[str] = None, output_dir: Optional[str | Path] = None, resume: bool = False,
              stream: Optional[TextIO] = None, block_size: int = DEFAULT_BLOCK_SIZE, term_memory: bool = True,
              fail_on: Optional[str] = None, min_score: Optional[float] = None,
              progress: Optional[Callable[[int], None]] = None, want_reports: bool = False,
              on_start: Optional[Callable[[int, int], None]] = None) -> BatchRun:
    """Check every article of ``items`` and reduce; see the module docstring for the files written.

    ``stream`` receives the final report lines as they are written; ``on_start(total, done)`` is
    called once the journal is read (to size a progress bar); ``progress(n)`` as articles come in.
    """
    from .io.batch_inputs import unique_ids

    if resume and output_dir is None:
        raise UsageError("--resume needs -o DIR (the folder of the run to resume)")
    items = unique_ids(items)
    fail_on = fail_on or config.fail_on
    eng = make_engine(engine, jobs, scheduler)
    runner = _Runner(items, config, eng, output_dir=Path(output_dir) if output_dir is not None else None,
                     stream=stream, block_size=block_size, term_memory=term_memory,
                     fail_on=fail_on, min_score=min_score, progress=progress, want_reports=want_reports)
    ok = False
    # With --jobs 1 this process checks the articles; its collector settings come back afterwards.
    gc_before = _tune_gc() if engine == "local" else None
    try:
        kept = runner.open_outputs(resume)
        if on_start:
            on_start(runner.n, kept)
        runner.run(kept)
        ok = True
    finally:
        eng.close(cancel=not ok)
        if gc_before:
            import gc

            gc.set_threshold(*gc_before)
        if not ok:
            for fh in (runner.journal, runner.report_file):
                if fh is not None:
                    fh.close()
    return runner.finish()


def check_batch(items: Iterable[BatchInput], config: Config = Config(), jobs: int = 1,
                progress: Optional[Callable[[int], None]] = None, term_memory: bool = True,
                block_size: int = DEFAULT_BLOCK_SIZE) -> list[BatchResult]:
    """Check every article (in input order), then add batch terminology issues from the term memory."""
    todo = list(items)
    run = run_batch(todo, config, jobs=jobs, term_memory=term_memory, block_size=block_size,
                    progress=progress, want_reports=True)
    results = []
    assert run.reports is not None
    for item, digest, rec in zip(todo, run.digests, run.reports):
        if "error" in digest:
            results.append(BatchResult(item, error_kind=digest["error"]["kind"],
                                       error_message=digest["error"]["message"]))
        else:
            assert rec is not None
            results.append(BatchResult(item, report_from_record(rec)))
    return results


def check_paths(paths: Sequence[str], config: Config = Config(), **options: Any) -> BatchRun:
    """Discover the articles named by ``paths`` (folders, manifests, bilingual files) and run them."""
    return run_batch(discover_inputs(paths), config, **options)


__all__ = ["BatchInput", "BatchResult", "BatchRun", "check_batch", "check_item", "check_paths", "corpus_scores",
           "discover_inputs", "gate_line", "reduce_block", "report_from_record", "report_to_record", "run_batch",
           "term_memory_issues"]


def gate_line(run: BatchRun, fail_on: str, min_score: Optional[float], shown: int = 10) -> Optional[str]:
    """The one-line verdict when the gate fails: which articles failed it and which could not be
    checked; None when every article passed (the gate is off with ``--fail-on never`` and no
    ``--min-score``)."""
    gate_on = fail_on != "never" or min_score is not None
    failed, errors = run.failed, run.errors if gate_on else []
    if not failed and not errors:
        return None

    def names(ids: list[str]) -> str:
        more = len(ids) - shown
        return ", ".join(ids[:shown]) + (f" and {more} more" if more > 0 else "")

    rules = []
    if fail_on != "never":
        rules.append(f"an issue at or above {fail_on}")
    if min_score is not None:
        rules.append(f"an MQM score below {min_score:g}")
    parts = []
    if failed:
        parts.append(f"{len(failed)} of {len(run.digests)} articles failed the gate ({' or '.join(rules)}): {names(failed)}")
    if errors:
        parts.append(f"{len(errors)} could not be checked: {names(errors)}")
    return "; ".join(parts)
