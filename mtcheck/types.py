"""Values that flow between the stages: frozen dataclasses, no behaviour beyond small helpers."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Optional


class Severity(str, Enum):
    """MQM severities; ``info`` is advice and never counts in a score."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "minor": 1, "major": 2, "critical": 3}[self.value]


class Category(str, Enum):
    """The issue taxonomy of the contract (interfaces.md), aligned with MQM."""

    TERMINOLOGY_INCONSISTENT = "terminology/inconsistent"
    TERMINOLOGY_GLOSSARY = "terminology/glossary"
    ACCURACY_OMISSION = "accuracy/omission"
    ACCURACY_ADDITION = "accuracy/addition"
    ACCURACY_UNTRANSLATED = "accuracy/untranslated"
    ACCURACY_NUMBER = "accuracy/number"
    ACCURACY_ENTITY = "accuracy/entity"
    ACCURACY_MISTRANSLATION = "accuracy/mistranslation"
    FLUENCY_PUNCTUATION = "fluency/punctuation"
    FLUENCY_CAPITALIZATION = "fluency/capitalization"
    FLUENCY_REPETITION = "fluency/repetition"
    FLUENCY_SPELLING = "fluency/spelling"
    FLUENCY_GRAMMAR = "fluency/grammar"
    LOCALE_FORMAT = "locale/format"
    OTHER_NOISE = "other/noise"


@dataclass(frozen=True, order=True)
class Span:
    """Half-open ``[start, end)`` code-point offsets into a decoded text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Sentence:
    """One segment of a document: its span in the document text and the paragraph it belongs to.

    ``text`` is exactly ``document.text[start:end]`` with surrounding white space excluded from the span.
    ``paragraph`` counts blank-line separated blocks; ``line`` counts lines (a title or dateline on its
    own line is its own unit).
    """

    start: int
    end: int
    text: str
    paragraph: int = 0
    line: int = 0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class Document:
    """A decoded article: the text exactly as decoded (BOM removed), its language and its sentences."""

    text: str
    lang: str
    path: Optional[str] = None
    encoding: Optional[str] = None
    sentences: tuple[Sentence, ...] = ()
    lang_detected: bool = False


@dataclass(frozen=True)
class Bead:
    """One alignment bead: source sentence indices and target sentence indices (either may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float = 0.0

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"

    def to_vecalign(self) -> str:
        return f"[{', '.join(map(str, self.source))}]:[{', '.join(map(str, self.target))}]"


@dataclass(frozen=True)
class RelatedSpan:
    side: str  # "source" | "target"
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"side": self.side, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Issue:
    """One finding. A value, never an exception: a check returns these."""

    check: str
    category: Category
    severity: Severity
    message: str
    source_span: Optional[Span] = None
    target_span: Optional[Span] = None
    suggestion: Optional[str] = None
    related: tuple[RelatedSpan, ...] = ()
    confidence: Optional[float] = None

    def sort_key(self) -> tuple:
        t = self.target_span
        s = self.source_span
        # The contract's order: target position, then source position, then check id; the rest only
        # breaks ties so that the same input always gives the same report.
        return (
            t is None,
            t.start if t else 0,
            s is None,
            s.start if s else 0,
            self.check,
            t.end if t else 0,
            s.end if s else 0,
            self.message,
        )

    def to_dict(self) -> dict:
        return {
            "check": self.check,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "source_span": self.source_span.to_dict() if self.source_span else None,
            "target_span": self.target_span.to_dict() if self.target_span else None,
            "suggestion": self.suggestion,
            "related": [r.to_dict() for r in self.related],
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class CheckError:
    """A check that crashed: recorded in the report, never stops the run."""

    check: str
    message: str


@dataclass(frozen=True)
class MqmScore:
    penalty: float
    words: int
    score: float
    passed: bool

    def to_dict(self) -> dict:
        return {"penalty": self.penalty, "words": self.words, "score": self.score, "pass": self.passed}


@dataclass(frozen=True)
class MetricScore:
    name: str
    score: float
    signature: str

    def to_dict(self) -> dict:
        return {"score": self.score, "signature": self.signature}


@dataclass(frozen=True)
class QeScores:
    """Quality estimation by a sequence-regression model (``--qe-model``): one score per bead in
    alignment order (None for null beads), and the article's mean and minimum. Higher is better; the
    scale is the model's. In JSON: ``scores.qe = {model, mean, min, per_bead}``, ``per_bead`` parallel to
    ``alignment`` (the beads themselves keep the contract's three keys)."""

    model: str
    beads: tuple[Optional[float], ...]
    mean: Optional[float]
    min: Optional[float]

    def to_dict(self) -> dict:
        return {"model": self.model, "mean": self.mean, "min": self.min, "per_bead": list(self.beads)}


@dataclass(frozen=True)
class Scores:
    mqm: MqmScore
    bleu: Optional[MetricScore] = None
    chrf: Optional[MetricScore] = None
    ter: Optional[MetricScore] = None
    qe: Optional[QeScores] = None


@dataclass(frozen=True)
class Report:
    """Everything one check run produced; writers in ``mtcheck.io`` render it."""

    signature: str
    source: Document
    target: Document
    reference: Optional[Document]
    alignment: tuple[Bead, ...]
    issues: tuple[Issue, ...]
    scores: Scores
    check_errors: tuple[CheckError, ...] = field(default=())
    # Issues left out because a suppression file lists them (mtcheck.suppress); not scored, not gated.
    suppressed: tuple[Issue, ...] = field(default=())

    @property
    def bead_qe(self) -> Optional[QeScores]:
        """The QE scores when there is one per bead of ``alignment`` (what the writers show beside each
        bead), else None."""
        qe = self.scores.qe
        return qe if qe is not None and len(qe.beads) == len(self.alignment) else None
