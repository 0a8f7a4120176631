"""HTML for the review app, built from reports. Pure functions: no Streamlit, no state.

Every string that comes from a user or a report (texts, messages, suggestions, file names, language
codes) goes through ``esc`` (``html.escape`` with quotes) before it is placed in HTML; the only tags are
the ones written here. The app passes these strings, and only these, to ``st.html``.
"""
from __future__ import annotations

import re
from html import escape
from typing import Iterable, Optional, Sequence

from mtcheck.io.report import bead_of_issue, marked_pieces, marked_source_span
from mtcheck.langid import dir_attr
from mtcheck.types import Document, Issue, Report

SEVERITIES = ("critical", "major", "minor", "info")
_RANK = {"critical": 3, "major": 2, "minor": 1, "info": 0}
QUOTE_CHARS = 160

Numbered = Sequence[tuple[int, Issue]]  # issues with the number shown for them (#1, #2, ...)


def esc(value: object) -> str:
    """Text made safe for HTML content and quoted attribute values."""
    return escape(str(value), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^%@,;?/'\"])")


def md(text: object) -> str:
    """Text made inert for Streamlit's Markdown (labels, alerts): every ASCII punctuation mark is
    backslash-escaped, so no link, image, HTML, LaTeX or colour directive can come from it."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def issue_title(n: int, issue: Issue) -> str:
    """The hover text of a highlight (plain text; escaped where it is used)."""
    lines = [f"#{n} {issue.severity.value.upper()} · {issue.category.value} · {issue.check}", issue.message]
    if issue.suggestion:
        lines.append(f"Suggestion: {issue.suggestion}")
    return "\n".join(lines)


def mark_text(text: str, base: int, spans: Iterable[tuple[int, int, int, Issue]]) -> str:
    """``text`` (at document offset ``base``) as HTML, each flagged piece in a ``<mark>`` of the class of
    its worst severity, with the hover text of every issue covering it, and after the last piece of each
    issue its number in a ``<sup>``, a link to the issue's card in the detail panel."""
    spans = list(spans)
    end_of_text = base + len(text)
    pieces = marked_pieces(text, base, [(s, e, (n, i)) for s, e, n, i in spans])
    out: list[str] = []
    pos = base
    for piece, covering in pieces:
        end = pos + len(piece)
        if covering:
            covering = sorted(covering, key=lambda c: c[0])
            worst = max(covering, key=lambda c: _RANK[c[1].severity.value])[1].severity.value
            title = "\n\n".join(issue_title(n, i) for n, i in covering)
            out.append(f'<mark class="mt-{worst}" title="{esc(title)}">{esc(piece)}</mark>')
            numbers = sorted(n for s, e, n, _ in spans if min(e, end_of_text) == end and max(s, base) < end)
            if numbers:
                links = ",".join(f'<a href="#mt-issue-{n}">{n}</a>' for n in numbers)
                out.append(f'<sup class="mt-ref">{links}</sup>')
        else:
            out.append(esc(piece))
        pos = end
    return "".join(out)


def _cell(doc: Document, idx: Sequence[int], spans: list[tuple[int, int, int, Issue]], side: str) -> str:
    lang = esc(doc.lang)
    direction = dir_attr(doc.lang)
    if not idx:
        return f'<td class="mt-empty" lang="{lang}"{direction}></td>'
    body = " ".join(mark_text(doc.sentences[i].text, doc.sentences[i].start, spans) for i in idx)
    return f'<td class="mt-{side}" lang="{lang}"{direction}>{body}</td>'


def _worst(issues: Iterable[Issue]) -> Optional[str]:
    sevs = [i.severity.value for i in issues]
    return max(sevs, key=_RANK.__getitem__) if sevs else None


def group_by_bead(report: Report, numbered: Numbered) -> tuple[dict[int, list[tuple[int, Issue]]], list[tuple[int, Issue]]]:
    src_bead = {i: k for k, b in enumerate(report.alignment) for i in b.source}
    tgt_bead = {j: k for k, b in enumerate(report.alignment) for j in b.target}
    grouped: dict[int, list[tuple[int, Issue]]] = {}
    loose: list[tuple[int, Issue]] = []
    for n, issue in numbered:
        k = bead_of_issue(report, issue, src_bead, tgt_bead)
        if k is None:
            loose.append((n, issue))
        else:
            grouped.setdefault(k, []).append((n, issue))
    return grouped, loose


def aligned_table(report: Report, numbered: Numbered, only_flagged: bool = False) -> str:
    """The aligned sentences side by side, one row per bead, flagged substrings marked.

    A source sentence with no counterpart (an omission) has an empty translation cell, a translation
    sentence with no source (an addition, website debris) an empty source cell.
    """
    src, tgt = report.source, report.target
    grouped, _ = group_by_bead(report, numbered)
    qe = report.bead_qe
    rows = []
    for k, bead in enumerate(report.alignment):
        issues = grouped.get(k, [])
        if only_flagged and not issues:
            continue
        src_spans, tgt_spans = [], []
        for n, issue in issues:
            sp = marked_source_span(issue, src)
            if sp is not None:
                src_spans.append((sp.start, sp.end, n, issue))
            if issue.target_span is not None:
                tgt_spans.append((issue.target_span.start, issue.target_span.end, n, issue))
        worst = _worst(i for _, i in issues)
        cls = f"mt-row mt-flag-{worst}" if worst else "mt-row"
        qe_note = ""
        if qe is not None and qe.beads[k] is not None:
            qe_note = f'<div class="mt-qe" title="QE score ({esc(qe.model)})">{qe.beads[k]:.2f}</div>'
        rows.append(
            f'<tr id="mt-bead-{k}" class="{cls}"><td class="mt-n">{k + 1}{qe_note}</td>'
            f'{_cell(src, bead.source, src_spans, "src")}{_cell(tgt, bead.target, tgt_spans, "tgt")}</tr>'
        )
    if not rows:
        rows.append('<tr><td class="mt-none" colspan="3">No sentence has an issue shown by the filters.</td></tr>')
    return (
        '<table class="mt-table"><colgroup><col class="mt-n"><col><col></colgroup>'
        f'<thead><tr><th class="mt-n">#</th><th>Source · {esc(src.lang)}</th><th>Translation · {esc(tgt.lang)}</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def issue_card(n: int, issue: Issue, report: Report) -> str:
    """One issue in the detail panel: severity, category, check, the flagged text, message, suggestion."""
    sev = issue.severity.value
    quotes = []
    if issue.target_span is not None:
        text = report.target.text[issue.target_span.start:issue.target_span.end]
        quotes.append(f'<div class="mt-quote"><span class="mt-side">translation</span>'
                      f'<mark class="mt-{sev}"{dir_attr(report.target.lang)}>{esc(short(text))}</mark></div>')
    sp = marked_source_span(issue, report.source) if issue.target_span is not None else issue.source_span
    if sp is not None:
        text = report.source.text[sp.start:sp.end]
        quotes.append(f'<div class="mt-quote"><span class="mt-side">source</span>'
                      f'<mark class="mt-{sev}"{dir_attr(report.source.lang)}>{esc(short(text))}</mark></div>')
    sugg = (f'<div class="mt-sugg">Suggestion: <strong><bdi>{esc(issue.suggestion)}</bdi></strong></div>'
            if issue.suggestion else "")
    conf = f' <span class="mt-conf">confidence {issue.confidence:.2f}</span>' if issue.confidence is not None else ""
    return (
        f'<div class="mt-card mt-card-{sev}" id="mt-issue-{n}">'
        f'<div class="mt-card-head"><span class="mt-num">#{n}</span><span class="mt-badge mt-{sev}">{esc(sev)}</span>'
        f'<span class="mt-cat">{esc(issue.category.value)}</span><code class="mt-check">{esc(issue.check)}</code>{conf}</div>'
        f'{"".join(quotes)}<div class="mt-msg">{esc(issue.message)}</div>{sugg}</div>'
    )


def severity_chips(counts: dict[str, int]) -> str:
    chips = [f'<span class="mt-chip mt-{s}">{counts[s]} {s}</span>' for s in SEVERITIES if counts.get(s)]
    return "".join(chips) or '<span class="mt-chip mt-clean">no issue</span>'


def score_banner(report: Report, threshold: float, hidden: int = 0) -> str:
    """The MQM score and the verdict, issue counts by severity, reference metrics when there are some."""
    m = report.scores.mqm
    verdict = "pass" if m.passed else "fail"
    counts: dict[str, int] = {}
    for i in report.issues:
        counts[i.severity.value] = counts.get(i.severity.value, 0) + 1
    s = report.scores
    metrics = ""
    if s.bleu and s.chrf and s.ter:
        metrics = (f'<div class="mt-metrics" title="{esc(s.bleu.signature)}">against the reference: '
                   f'BLEU <b>{s.bleu.score:.1f}</b> · chrF <b>{s.chrf.score:.1f}</b> · TER <b>{s.ter.score:.1f}</b></div>')
    if s.qe is not None and s.qe.mean is not None:
        metrics += (f'<div class="mt-metrics" title="{esc(s.qe.model)}">quality estimate: mean <b>{s.qe.mean:.2f}</b>'
                    f' · lowest <b>{s.qe.min:.2f}</b></div>')
    hidden_note = (f'<div class="mt-hidden">{hidden} ignored issue{"s" if hidden != 1 else ""} not counted</div>'
                   if hidden else "")
    return (
        f'<div class="mt-banner mt-{verdict}">'
        f'<div class="mt-score"><span class="mt-score-num">{m.score:.1f}</span><span class="mt-score-label">MQM score</span></div>'
        f'<div class="mt-verdict mt-verdict-{verdict}">{verdict.upper()}</div>'
        f'<div class="mt-facts"><div>{esc(report.source.lang)} → {esc(report.target.lang)} · {m.words} words · '
        f'penalty {m.penalty:g} · pass at {threshold:g}</div>'
        f'<div class="mt-chips">{severity_chips(counts)}</div>{metrics}{hidden_note}</div></div>'
    )


def occurrences_table(report: Report, units: Sequence[tuple[int, list[tuple[int, int]], list[tuple[int, int]]]]) -> str:
    """Where a term and one of its renderings occur: for each bead, the source with the term marked and
    the translation with the rendering marked."""
    rows = []
    src, tgt = report.source, report.target
    for k, src_spans, tgt_spans in units:
        bead = report.alignment[k]
        s = " ".join(_hits(src.sentences[i].text, src.sentences[i].start, src_spans) for i in bead.source)
        t = " ".join(_hits(tgt.sentences[j].text, tgt.sentences[j].start, tgt_spans) for j in bead.target)
        rows.append(f'<tr><td class="mt-n">{k + 1}</td><td lang="{esc(src.lang)}"{dir_attr(src.lang)}>{s}</td>'
                    f'<td lang="{esc(tgt.lang)}"{dir_attr(tgt.lang)}>{t}</td></tr>')
    return ('<table class="mt-table mt-occ"><colgroup><col class="mt-n"><col><col></colgroup>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _hits(text: str, base: int, spans: Sequence[tuple[int, int]]) -> str:
    return "".join(f'<mark class="mt-hit">{esc(p)}</mark>' if cov else esc(p)
                   for p, cov in marked_pieces(text, base, [(s, e, True) for s, e in spans]))


def legend() -> str:
    return ('<div class="mt-legend">' + "".join(f'<mark class="mt-{s}">{s}</mark>' for s in SEVERITIES)
            + '<span>hover a highlight for its message; click its number to find it in the issue list</span></div>')


CSS = """
<style>
:root{--mt-critical:#fecaca;--mt-critical-b:#dc2626;--mt-major:#fed7aa;--mt-major-b:#ea580c;
--mt-minor:#fef3a0;--mt-minor-b:#ca8a04;--mt-info:#dbeafe;--mt-info-b:#2563eb;--mt-line:rgba(127,127,127,.22)}
.mt-table,.mt-card,.mt-banner{font-family:"Source Sans 3","Source Sans Pro",system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
.mt-table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:.97rem;line-height:1.65}
.mt-table col.mt-n{width:2.6rem}
.mt-table th{position:sticky;top:0;z-index:1;background:var(--mt-th,#f5f6f8);color:#444;font-weight:600;font-size:.8rem;
 text-transform:uppercase;letter-spacing:.04em;text-align:left;padding:.45rem .7rem;border-bottom:2px solid var(--mt-line)}
.mt-table td{padding:.55rem .7rem;vertical-align:top;border-bottom:1px solid var(--mt-line);overflow-wrap:anywhere}
.mt-table td.mt-n{color:#8a8f98;font-size:.78rem;text-align:right;padding-right:.5rem;font-variant-numeric:tabular-nums}
.mt-table tr.mt-row td.mt-n{border-left:4px solid transparent}
.mt-table tr.mt-flag-critical td.mt-n{border-left-color:var(--mt-critical-b)}
.mt-table tr.mt-flag-major td.mt-n{border-left-color:var(--mt-major-b)}
.mt-table tr.mt-flag-minor td.mt-n{border-left-color:var(--mt-minor-b)}
.mt-table tr.mt-flag-info td.mt-n{border-left-color:var(--mt-info-b)}
.mt-table td.mt-empty{background:repeating-linear-gradient(135deg,transparent 0 7px,rgba(127,127,127,.09) 7px 14px)}
.mt-table td.mt-empty::before{content:"no counterpart";color:#9aa0a8;font-size:.78rem;font-style:italic}
.mt-table .mt-qe{font-size:.7rem;color:#4b5563;margin-top:.2rem}
.mt-table td.mt-none{color:#777;font-style:italic;text-align:center;padding:1.5rem}
mark.mt-critical,mark.mt-major,mark.mt-minor,mark.mt-info,mark.mt-hit{color:#1b1b1b;border-radius:3px;padding:.05rem .15rem;
 border-bottom:2px solid;cursor:help;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.mt-critical{background:var(--mt-critical);border-color:var(--mt-critical-b)}
mark.mt-major{background:var(--mt-major);border-color:var(--mt-major-b)}
mark.mt-minor{background:var(--mt-minor);border-color:var(--mt-minor-b)}
mark.mt-info{background:var(--mt-info);border-color:var(--mt-info-b)}
mark.mt-hit{background:#d9f99d;border-color:#65a30d;cursor:default}
sup.mt-ref{font-size:.64rem;margin-left:1px;font-weight:600}
sup.mt-ref a{color:#6b7280;text-decoration:none}sup.mt-ref a:hover{color:#1d4ed8;text-decoration:underline}
.mt-card:target{background:rgba(250,204,21,.16);border-radius:0 .4rem .4rem 0}
.mt-legend{display:flex;gap:.45rem;align-items:center;flex-wrap:wrap;font-size:.8rem;color:#6b7280;margin:.1rem 0 .5rem}
.mt-legend mark{cursor:default}
.mt-banner{display:flex;align-items:center;gap:1.4rem;padding:.9rem 1.2rem;border-radius:.7rem;border:1px solid var(--mt-line);
 border-left:6px solid #16a34a;background:rgba(22,163,74,.06)}
.mt-banner.mt-fail{border-left-color:#dc2626;background:rgba(220,38,38,.05)}
.mt-score{display:flex;flex-direction:column;align-items:center;min-width:6rem}
.mt-score-num{font-size:2.3rem;font-weight:700;line-height:1;font-variant-numeric:tabular-nums}
.mt-score-label{font-size:.72rem;color:#6b7280;text-transform:uppercase;letter-spacing:.06em;margin-top:.25rem}
.mt-verdict{font-weight:700;font-size:.95rem;padding:.3rem .8rem;border-radius:999px;letter-spacing:.08em}
.mt-verdict-pass{background:#dcfce7;color:#166534}.mt-verdict-fail{background:#fee2e2;color:#991b1b}
.mt-facts{display:flex;flex-direction:column;gap:.35rem;font-size:.9rem;color:#4b5563}
.mt-chips{display:flex;gap:.35rem;flex-wrap:wrap}
.mt-chip{font-size:.78rem;padding:.1rem .55rem;border-radius:999px;border:1px solid;color:#1b1b1b;font-weight:600}
.mt-chip.mt-critical,.mt-badge.mt-critical{background:var(--mt-critical);border-color:var(--mt-critical-b)}
.mt-chip.mt-major,.mt-badge.mt-major{background:var(--mt-major);border-color:var(--mt-major-b)}
.mt-chip.mt-minor,.mt-badge.mt-minor{background:var(--mt-minor);border-color:var(--mt-minor-b)}
.mt-chip.mt-info,.mt-badge.mt-info{background:var(--mt-info);border-color:var(--mt-info-b)}
.mt-chip.mt-clean{background:#dcfce7;border-color:#16a34a}
.mt-metrics,.mt-hidden{font-size:.82rem;color:#6b7280}
.mt-card{font-size:.88rem;line-height:1.45;padding:.1rem 0 .1rem .65rem;border-left:3px solid var(--mt-line)}
.mt-card-critical{border-left-color:var(--mt-critical-b)}.mt-card-major{border-left-color:var(--mt-major-b)}
.mt-card-minor{border-left-color:var(--mt-minor-b)}.mt-card-info{border-left-color:var(--mt-info-b)}
.mt-card-head{display:flex;gap:.4rem;align-items:center;flex-wrap:wrap;margin-bottom:.2rem}
.mt-num{font-weight:700;color:#6b7280;font-variant-numeric:tabular-nums}
.mt-badge{font-size:.68rem;text-transform:uppercase;letter-spacing:.05em;font-weight:700;padding:0 .4rem;border-radius:4px;border:1px solid;color:#1b1b1b}
.mt-cat{color:#4b5563;font-size:.8rem}.mt-check{font-size:.74rem;color:#6b7280}.mt-conf{font-size:.74rem;color:#9ca3af}
.mt-quote{margin:.15rem 0;overflow-wrap:anywhere}.mt-quote mark{cursor:default}
.mt-side{display:inline-block;min-width:5.6rem;margin-right:.35rem;font-size:.7rem;text-transform:uppercase;letter-spacing:.05em;color:#9ca3af}
.mt-msg{color:inherit}.mt-sugg{margin-top:.15rem;color:#166534}
.mt-occ td{font-size:.92rem}
</style>
"""
