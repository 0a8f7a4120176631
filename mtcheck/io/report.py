"""Report writers: JSON (the contract), CSV (one row per issue), plain/ANSI text, and shared helpers.

HTML lives in ``report_html``. Writers only render a Report; they hold no checking logic.
"""
from __future__ import annotations

import bisect
import csv
import io
import json
import re
import shutil
import unicodedata
from collections import Counter
from typing import Iterable, Optional, Sequence

from ..suppress import fingerprint
from ..types import Document, Issue, Report, Severity, Span

SCHEMA_VERSION = 1


# ---------------------------------------------------------------- JSON

def _doc_dict(doc: Optional[Document]) -> Optional[dict]:
    if doc is None:
        return None
    return {
        "lang": doc.lang,
        "path": doc.path,
        "encoding": doc.encoding,
        "sentences": [{"start": s.start, "end": s.end} for s in doc.sentences],
    }


def counted(n: int, noun: str) -> str:
    """ "1 issue", "2 issues", "0 issues"."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def summary(issues: Sequence[Issue]) -> dict:
    sev = Counter(i.severity.value for i in issues)
    cat = Counter(i.category.value for i in issues)
    order = [s.value for s in Severity]
    return {
        "by_severity": {k: sev[k] for k in order if sev[k]},
        "by_category": dict(sorted(cat.items())),
    }


def report_to_dict(report: Report) -> dict:
    from .. import __version__

    s = report.scores
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mtcheck", "version": __version__},
        "signature": report.signature,
        "source": _doc_dict(report.source),
        "target": _doc_dict(report.target),
        "reference": _doc_dict(report.reference),
        "alignment": [{"source": list(b.source), "target": list(b.target), "score": b.score} for b in report.alignment],
        "issues": [i.to_dict() for i in report.issues],
        "scores": {
            "mqm": s.mqm.to_dict(),
            "bleu": s.bleu.to_dict() if s.bleu else None,
            "chrf": s.chrf.to_dict() if s.chrf else None,
            "ter": s.ter.to_dict() if s.ter else None,
            "qe": s.qe.to_dict() if s.qe else None,
        },
        "summary": summary(report.issues),
        "check_errors": [{"check": e.check, "message": e.message} for e in report.check_errors],
        # Additive, outside the contract's objects: each issue's fingerprint (parallel to "issues"), for
        # ignore lists (mtcheck ignore), and the issues an ignore list left out.
        "fingerprints": [fingerprint(i, report.source.text, report.target.text) for i in report.issues],
        "suppressed": [{"check": i.check, "severity": i.severity.value,
                        "fingerprint": fingerprint(i, report.source.text, report.target.text)}
                       for i in report.suppressed],
    }


def to_json(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- CSV

CSV_COLUMNS = [
    "check", "category", "severity", "message", "source_start", "source_end", "source_text",
    "target_start", "target_end", "target_text", "suggestion", "confidence",
]


def _cell(value: object) -> str:
    """Text for a spreadsheet cell; a leading = + - @ is neutralised so a cell is never a formula."""
    if value is None:
        return ""
    text = str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def to_csv(report: Report) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i in report.issues:
        ss, ts = i.source_span, i.target_span
        writer.writerow([
            i.check, i.category.value, i.severity.value, _cell(i.message),
            ss.start if ss else "", ss.end if ss else "", _cell(report.source.text[ss.start:ss.end]) if ss else "",
            ts.start if ts else "", ts.end if ts else "", _cell(report.target.text[ts.start:ts.end]) if ts else "",
            _cell(i.suggestion), "" if i.confidence is None else i.confidence,
        ])
    return buf.getvalue()


# ---------------------------------------------------------------- shared helpers

def sentence_at(doc: Document, offset: int) -> Optional[int]:
    """Index of the sentence containing ``offset`` (or the nearest one before it)."""
    if not doc.sentences:
        return None
    starts = [s.start for s in doc.sentences]
    i = bisect.bisect_right(starts, offset) - 1
    return max(0, i)


def bead_of_issue(report: Report, issue: Issue, src_bead: dict, tgt_bead: dict) -> Optional[int]:
    if issue.target_span is not None:
        j = sentence_at(report.target, issue.target_span.start)
        if j is not None and j in tgt_bead:
            return tgt_bead[j]
    if issue.source_span is not None:
        i = sentence_at(report.source, issue.source_span.start)
        if i is not None and i in src_bead:
            return src_bead[i]
    return None


def issues_by_bead(report: Report) -> tuple[dict[int, list[Issue]], list[Issue]]:
    """Issues grouped by the bead they point into; issues pointing nowhere go to the second list."""
    src_bead = {i: k for k, b in enumerate(report.alignment) for i in b.source}
    tgt_bead = {j: k for k, b in enumerate(report.alignment) for j in b.target}
    grouped: dict[int, list[Issue]] = {}
    loose: list[Issue] = []
    for issue in report.issues:
        k = bead_of_issue(report, issue, src_bead, tgt_bead)
        if k is None:
            loose.append(issue)
        else:
            grouped.setdefault(k, []).append(issue)
    return grouped, loose


def marked_source_span(issue: Issue, source: Document) -> Optional[Span]:
    """The source span worth highlighting: a precise one (a term, a number, an omitted sentence), not a
    whole aligned sentence given only as context for a target-side issue such as lost casing."""
    sp = issue.source_span
    if sp is None or issue.target_span is None:
        return sp
    covers_sentence = any(s.start >= sp.start and s.end <= sp.end for s in source.sentences)
    return None if covers_sentence else sp


def marked_pieces(text: str, base: int, spans: Iterable[tuple[int, int, object]]) -> list[tuple[str, list]]:
    """Cut ``text`` (which starts at document offset ``base``) into pieces, each with the list of
    span payloads covering it; overlapping spans are handled by a boundary sweep."""
    spans = [(max(s, base) - base, min(e, base + len(text)) - base, p) for s, e, p in spans]
    spans = [(s, e, p) for s, e, p in spans if s < e]
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [p for s, e, p in spans if s <= a and b <= e]
        pieces.append((text[a:b], covering))
    return pieces


# ---------------------------------------------------------------- text

_SEV_COLOUR = {"critical": "\033[1;31m", "major": "\033[31m", "minor": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"
_ANSI_RE = re.compile(r"\033\[[0-9;]*m")


def _width(s: str) -> int:
    s = _ANSI_RE.sub("", s)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)


def _wrap(s: str, width: int) -> list[str]:
    """Wrap by display width (CJK characters count two columns), breaking at spaces where possible."""
    lines: list[str] = []
    for para in s.split("\n"):
        cur = ""
        for word in _tokens_for_wrap(para):
            if _width(cur + word) <= width:
                cur += word
                continue
            if cur.strip():
                lines.append(cur.rstrip())
            cur = word.lstrip()
            while _width(cur) > width:
                cut = 0
                while cut < len(cur) and _width(cur[: cut + 1]) <= width:
                    cut += 1
                lines.append(cur[:cut])
                cur = cur[cut:]
        lines.append(cur.rstrip())
    return lines or [""]


def _tokens_for_wrap(s: str) -> list[str]:
    out: list[str] = []
    cur = ""
    for ch in s:
        cur += ch
        if ch == " " or _width(ch) == 2:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


def _mark_plain(text: str, base: int, spans: list[tuple[int, int]], open_m: str, close_m: str) -> str:
    out = []
    for piece, cover in marked_pieces(text, base, [(s, e, True) for s, e in spans]):
        out.append(f"{open_m}{piece}{close_m}" if cover else piece)
    return "".join(out)


def to_text(report: Report, colour: bool = False, width: Optional[int] = None) -> str:
    """A readable terminal report: the score, then each flagged bead with source and target side by
    side, the suspect substrings marked ⟦like this⟧ (reverse video with colour), and the issues."""
    width = width or min(160, shutil.get_terminal_size((120, 40)).columns)
    col = max(20, (width - 7) // 2)
    open_m, close_m = ("\033[7m", "\033[27m") if colour else ("⟦", "⟧")
    src, tgt = report.source, report.target
    m = report.scores.mqm
    out: list[str] = []
    out.append(f"mtcheck — {src.lang} → {tgt.lang}")
    out.append(f"  source: {src.path or '<text>'} ({src.encoding or 'text'}, {len(src.sentences)} sentences, {m.words} words)")
    out.append(f"  target: {tgt.path or '<text>'} ({tgt.encoding or 'text'}, {len(tgt.sentences)} sentences)")
    verdict = "PASS" if m.passed else "FAIL"
    out.append(f"  MQM score {m.score:.2f} (penalty {m.penalty:g} over {m.words} words): {verdict}")
    s = report.scores
    if s.bleu and s.chrf and s.ter:
        out.append(f"  BLEU {s.bleu.score:.2f}  chrF {s.chrf.score:.2f}  TER {s.ter.score:.2f}  (against {report.reference.path if report.reference else 'reference'})")
    qe = report.bead_qe
    if qe is not None and qe.mean is not None:
        lowest = sorted((v, k) for k, v in enumerate(qe.beads) if v is not None)[:3]
        out.append(f"  QE mean {qe.mean:.3f}, min {qe.min:.3f} ({qe.model}); lowest: "
                   + ", ".join(f"bead {k} {v:.3f}" for v, k in lowest))
    counts = summary(report.issues)["by_severity"]
    out.append(f"  {counted(len(report.issues), 'issue')}" + (": " + ", ".join(f"{v} {k}" for k, v in counts.items()) if counts else ""))
    if report.suppressed:
        out.append(f"  {counted(len(report.suppressed), 'issue')} suppressed by the ignore list")
    for e in report.check_errors:
        out.append(f"  check error in {e.check}: {e.message}")
    grouped, loose = issues_by_bead(report)
    n = 0
    for k in sorted(grouped):
        bead = report.alignment[k]
        issues = grouped[k]
        # Sentences of a bead are shown joined by one space; spans are marked sentence by sentence.
        src_marked = _mark_bead(src, bead.source, [marked_source_span(i, src) for i in issues], open_m, close_m)
        tgt_marked = _mark_bead(tgt, bead.target, [i.target_span for i in issues], open_m, close_m)
        out.append("")
        qe_note = f"  QE {qe.beads[k]:.3f}" if qe is not None and qe.beads[k] is not None else ""
        out.append(f"── bead {k}  source {list(bead.source)} ↔ target {list(bead.target)}{qe_note} " + "─" * 10)
        left = _wrap(src_marked or "(nothing)", col)
        right = _wrap(tgt_marked or "(nothing)", col)
        for a, b in zip(left + [""] * (len(right) - len(left)), right + [""] * (len(left) - len(right))):
            out.append(f"  {a}{' ' * (col - _width(_strip_ansi(a)))} │ {b}")
        for issue in issues:
            n += 1
            out.append(_issue_line(n, issue, report, colour))
    for issue in loose:
        n += 1
        out.append("")
        out.append(_issue_line(n, issue, report, colour))
    return "\n".join(out) + "\n"


def _strip_ansi(s: str) -> str:
    return _ANSI_RE.sub("", s)


def _mark_bead(doc: Document, idx: Sequence[int], spans: list, open_m: str, close_m: str) -> str:
    ranges = [(sp.start, sp.end) for sp in spans if sp is not None]
    parts = []
    for i in idx:
        sent = doc.sentences[i]
        parts.append(_mark_plain(sent.text, sent.start, ranges, open_m, close_m))
    return " ".join(parts)


def _issue_line(n: int, issue: Issue, report: Report, colour: bool) -> str:
    sev = issue.severity.value.upper()
    if colour:
        sev = f"{_SEV_COLOUR[issue.severity.value]}{sev}{_RESET}"
    where = ""
    if issue.target_span is not None:
        where = f"target[{issue.target_span.start}:{issue.target_span.end}] “{_short(report.target.text[issue.target_span.start:issue.target_span.end])}”"
    elif issue.source_span is not None:
        where = f"source[{issue.source_span.start}:{issue.source_span.end}] “{_short(report.source.text[issue.source_span.start:issue.source_span.end])}”"
    line = f"  #{n} {sev} {issue.category.value} ({issue.check}) {where}\n      {issue.message}"
    if issue.suggestion:
        line += f"\n      suggestion: {issue.suggestion}"
    return line


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
