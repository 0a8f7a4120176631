"""The HTML report: one self-contained page (no scripts, no external resources), aligned sentences side
by side with flagged substrings in <mark>. Every user string goes through ``html.escape``."""
from __future__ import annotations

from html import escape

from ..langid import dir_attr
from ..types import Document, Issue, Report
from .report import counted, issues_by_bead, marked_pieces, marked_source_span, summary

_CSS = """
body{font-family:system-ui,-apple-system,"Noto Sans","Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.3rem} table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border-top:1px solid #ddd;padding:.4rem .5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f4f4f4} .n{width:3.5rem;color:#777;font-size:.8rem}
tr.flagged td{background:#fffdf5} .issues{font-size:.85rem;margin:.3rem 0 0 0;padding-left:1.1rem}
mark{padding:0 .1rem;border-radius:2px} mark.critical{background:#f5a3a3} mark.major{background:#ffc48a}
mark.minor{background:#fff08a} mark.info{background:#c9e7ff}
.sev{font-weight:600;text-transform:uppercase;font-size:.75rem} .sev.critical,.sev.major{color:#b00}
.sev.minor{color:#8a6d00} .meta{color:#555;font-size:.9rem} .pass{color:#070} .fail{color:#b00}
"""

_RANK = {"critical": 3, "major": 2, "minor": 1, "info": 0}


def _marked_sentence(doc: Document, index: int, spans: list[tuple[int, int, Issue]]) -> str:
    sent = doc.sentences[index]
    out = []
    for piece, covering in marked_pieces(sent.text, sent.start, spans):
        if covering:
            worst = max(covering, key=lambda i: _RANK[i.severity.value])
            title = "; ".join(f"{i.severity.value}: {i.message}" for i in covering)
            out.append(f'<mark class="{worst.severity.value}" title="{escape(title)}">{escape(piece)}</mark>')
        else:
            out.append(escape(piece))
    return "".join(out)


def _side(doc: Document, idx: tuple[int, ...], issues: list[Issue], side: str) -> str:
    spans = []
    for issue in issues:
        sp = issue.target_span if side == "target" else marked_source_span(issue, doc)
        if sp is not None:
            spans.append((sp.start, sp.end, issue))
    return " ".join(_marked_sentence(doc, i, spans) for i in idx) or '<span class="meta">—</span>'


def _rtl_block(lang: str, html: str) -> str:
    """``html`` in a block of its own direction when ``lang`` is written right to left (the issues listed
    after it stay left to right)."""
    attr = dir_attr(lang)
    return f"<div{attr}>{html}</div>" if attr else html


def _issue_item(issue: Issue) -> str:
    sugg = f" Suggestion: <q><bdi>{escape(issue.suggestion)}</bdi></q>" if issue.suggestion else ""
    return (f'<li><span class="sev {issue.severity.value}">{escape(issue.severity.value)}</span> '
            f'{escape(issue.category.value)} <code>{escape(issue.check)}</code>: {escape(issue.message)}{sugg}</li>')


def to_html(report: Report) -> str:
    src, tgt = report.source, report.target
    m = report.scores.mqm
    grouped, loose = issues_by_bead(report)
    counts = summary(report.issues)["by_severity"]
    qe = report.bead_qe
    rows = []
    for k, bead in enumerate(report.alignment):
        issues = grouped.get(k, [])
        cls = ' class="flagged"' if issues else ""
        listing = f'<ul class="issues">{"".join(_issue_item(i) for i in issues)}</ul>' if issues else ""
        qe_cell = ""
        if qe is not None:
            value = qe.beads[k]
            qe_cell = f'<br><small class="qe">QE {value:.3f}</small>' if value is not None else ""
        rows.append(
            f'<tr{cls} id="bead-{k}"><td class="n">{k}{qe_cell}</td>'
            f'<td lang="{escape(src.lang)}"{dir_attr(src.lang)}>{_side(src, bead.source, issues, "source")}</td>'
            f'<td lang="{escape(tgt.lang)}">{_rtl_block(tgt.lang, _side(tgt, bead.target, issues, "target"))}'
            f'{listing}</td></tr>'
        )
    metrics = ""
    s = report.scores
    if s.bleu and s.chrf and s.ter:
        metrics = (f"<p class=\"meta\">BLEU {s.bleu.score:.2f} · chrF {s.chrf.score:.2f} · TER {s.ter.score:.2f}"
                   f" <small>({escape(s.bleu.signature)})</small></p>")
    if qe is not None and qe.mean is not None:
        metrics += (f'<p class="meta">QE mean {qe.mean:.3f}, min {qe.min:.3f} '
                    f"<small>({escape(qe.model)})</small></p>")
    loose_html = ""
    if loose:
        loose_html = f'<h2>Other issues</h2><ul class="issues">{"".join(_issue_item(i) for i in loose)}</ul>'
    errors_html = ""
    if report.check_errors:
        errors_html = "<h2>Check errors</h2><ul>" + "".join(
            f"<li><code>{escape(e.check)}</code>: {escape(e.message)}</li>" for e in report.check_errors) + "</ul>"
    verdict = '<span class="pass">pass</span>' if m.passed else '<span class="fail">fail</span>'
    sev_text = ", ".join(f"{v} {escape(k)}" for k, v in counts.items()) or "none"
    title = escape(f"mtcheck: {tgt.path or 'translation'}")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title><style>{_CSS}</style></head>
<body>
<h1>mtcheck report: {escape(src.lang)} → {escape(tgt.lang)}</h1>
<p class="meta">Source: {escape(src.path or "text")} ({escape(src.encoding or "text")}) · Target: {escape(tgt.path or "text")} ({escape(tgt.encoding or "text")})</p>
<p>MQM score <strong>{m.score:.2f}</strong> (penalty {m.penalty:g} over {m.words} words): {verdict} · {counted(len(report.issues), 'issue')} ({sev_text})</p>
{metrics}
<table><thead><tr><th class="n">#</th><th>Source</th><th>Target</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
{loose_html}{errors_html}
<p class="meta"><small>{escape(report.signature)}</small></p>
</body></html>
"""
