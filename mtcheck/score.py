"""Scores: the MQM-style penalty score of the contract, and sacreBLEU metrics when a reference exists.

MQM weights follow the WMT 2021 MQM scheme (Freitag et al. 2021, "Experts, Errors, and Context"):
minor 1, major 5, critical 25, a minor fluency/punctuation issue 0.1; ``info`` never counts.
"""
from __future__ import annotations

from typing import Optional, Sequence

from .config import Config
from .segment import count_words
from .types import Category, Document, Issue, MetricScore, MqmScore, Severity


def issue_weight(issue: Issue, config: Config) -> float:
    if issue.severity is Severity.MINOR and issue.category is Category.FLUENCY_PUNCTUATION:
        return config.minor_punctuation_weight
    return config.weight(issue.severity.value)


def mqm_score(issues: Sequence[Issue], source: Document, config: Config, words: Optional[int] = None) -> MqmScore:
    """penalty = Σ weight(severity); score = max(0, 100 × (1 − penalty / words)), words = source words
    (counted unless given: rescoring a report with more issues reuses its count)."""
    penalty = round(sum(issue_weight(i, config) for i in issues), 4)
    if words is None:
        words = count_words(source.text, source.lang)
    score = max(0.0, 100.0 * (1.0 - penalty / words)) if words else 0.0
    score = round(score, 2)
    return MqmScore(penalty=round(penalty, 2), words=words, score=score, passed=score >= config.mqm_threshold)


def _bleu_tokenizer(lang: str) -> str:
    if lang == "zh":
        return "zh"
    if lang in ("ja", "ko", "th"):
        return "char"
    return "13a"


def reference_metrics(
    hypotheses: Sequence[str], references: Sequence[str], tgt_lang: str
) -> tuple[MetricScore, MetricScore, MetricScore]:
    """Corpus BLEU, chrF and TER over paired segments, each with its sacreBLEU signature."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    cjk = tgt_lang in ("zh", "ja", "ko", "th")
    bleu = BLEU(tokenize=_bleu_tokenizer(tgt_lang))
    chrf = CHRF()
    ter = TER(asian_support=cjk)
    refs = [list(references)]
    out = []
    for name, metric in (("bleu", bleu), ("chrf", chrf), ("ter", ter)):
        result = metric.corpus_score(list(hypotheses), refs)
        out.append(MetricScore(name, round(float(result.score), 2), str(metric.get_signature())))
    return out[0], out[1], out[2]


def reference_segments(target: Document, reference: Document) -> tuple[list[str], list[str]]:
    """Pair the MT with the reference by aligning their sentences (same language), one segment per bead."""
    from .align import align_documents

    beads = align_documents(target, reference)
    hyps: list[str] = []
    refs: list[str] = []
    for bead in beads:
        hyps.append(" ".join(target.sentences[i].text for i in bead.source))
        refs.append(" ".join(reference.sentences[j].text for j in bead.target))
    return hyps, refs


def score_against_reference(target: Document, reference: Optional[Document]):  # type: ignore[no-untyped-def]
    if reference is None:
        return None, None, None
    hyps, refs = reference_segments(target, reference)
    return reference_metrics(hyps, refs, target.lang)
