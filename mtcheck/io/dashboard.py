"""Batch outputs besides the reports: the summary CSV, the corpus JSON and the HTML dashboard.

They render *digests*, one plain dict per article (``mtcheck.batch.article_digest``), and the corpus
summary (``mtcheck.batch.corpus_summary``); they hold no checking logic. The dashboard is one
self-contained page (inline CSS, no script, no external resource); every user string goes through
``html.escape``.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from html import escape
from typing import Any, Optional, Sequence

from ..types import Category, Severity

SEVERITIES = [s.value for s in Severity]
CATEGORIES = [c.value for c in Category]
SUMMARY_COLUMNS = (["input", "src_lang", "tgt_lang", "words", "score", "penalty", "pass", "gate", "issues"]
                   + SEVERITIES + CATEGORIES + ["bleu", "chrf", "ter", "error_kind", "error_message"])


def _cell(value: object) -> str:
    """Text for a spreadsheet cell; a leading = + - @ is neutralised so that a cell is never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    if isinstance(value, str) and text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def summary_csv(digests: Sequence[dict]) -> str:
    """One row per article: languages, words, MQM score and verdict, the gate, issues by severity and
    by category, BLEU/chrF/TER when a reference exists, or the error."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(SUMMARY_COLUMNS)
    for d in digests:
        if "error" in d:
            row: list[object] = [d["input"]] + [""] * 6 + ["error"] + [""] * (1 + len(SEVERITIES) + len(CATEGORIES) + 3)
            row += [d["error"]["kind"], d["error"]["message"]]
        else:
            row = [d["input"], d["src_lang"], d["tgt_lang"], d["words"], d["score"], d["penalty"], d["pass"], d["gate"],
                   d["issues"]]
            row += [d["by_severity"].get(s, 0) for s in SEVERITIES]
            row += [d["by_category"].get(c, 0) for c in CATEGORIES]
            row += [d["bleu"], d["chrf"], d["ter"], "", ""]
        writer.writerow([_cell(v) for v in row])
    return buf.getvalue()


def corpus_json(corpus: dict) -> str:
    return json.dumps(corpus, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# ---------------------------------------------------------------- dashboard

_CSS = """
body{font-family:system-ui,-apple-system,"Noto Sans","Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1b1b1b;max-width:80rem}
h1{font-size:1.35rem} h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%} td,th{border-top:1px solid #e3e3e3;padding:.3rem .5rem;text-align:left;
vertical-align:top;overflow-wrap:anywhere} th{background:#f4f4f4;font-weight:600} td.num,th.num{text-align:right;
white-space:nowrap} .bar{display:inline-block;height:.8rem;background:#6a8fd8;vertical-align:middle}
.bar.fail{background:#d86a6a} .cards{display:flex;flex-wrap:wrap;gap:.8rem} .card{border:1px solid #ddd;
border-radius:6px;padding:.6rem .9rem;min-width:9rem} .card b{display:block;font-size:1.4rem} .muted{color:#666;
font-size:.85rem} .sig{font-family:ui-monospace,monospace;font-size:.78rem;color:#444} .fail{color:#b00} .pass{color:#070}
.variants span{white-space:nowrap}
"""

_BINS = [(0, 50), (50, 60), (60, 70), (70, 80), (80, 85), (85, 90), (90, 95), (95, 100.01)]


def _bar(value: float, largest: float, cls: str = "") -> str:
    width = 0 if largest <= 0 else max(1, round(220 * value / largest)) if value else 0
    return f'<span class="bar {cls}" style="width:{width}px"></span>'


def _num(value: Optional[float], digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def drifting_terms(digests: Sequence[dict], limit: int = 30) -> list[dict]:
    """The source terms whose renderings drift most across the batch: by the number of articles with a
    drift issue on them (``terms.batch`` or ``terms.drift``), then by the number of issues."""
    groups: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(
        lambda: {"articles": set(), "issues": 0, "suggested": Counter(), "variants": Counter(), "batch": 0})
    for d in digests:
        for check, source, target, suggestion, _severity in d.get("terms", ()):
            key = (d["src_lang"], d["tgt_lang"], source.strip())
            g = groups[key]
            g["articles"].add(d["input"])
            g["issues"] += 1
            g["batch"] += check == "terms.batch"
            if suggestion:
                g["suggested"][suggestion] += 1
            g["variants"][target] += 1
    rows = []
    for (src, tgt, term), g in groups.items():
        rows.append({"src_lang": src, "tgt_lang": tgt, "term": term, "articles": len(g["articles"]),
                     "issues": g["issues"], "batch_issues": g["batch"],
                     "renderings": g["suggested"].most_common(3), "variants": g["variants"].most_common(5)})
    rows.sort(key=lambda r: (-r["articles"], -r["issues"], r["src_lang"], r["tgt_lang"], r["term"]))
    return rows[:limit]


def dashboard_html(digests: Sequence[dict], corpus: dict, title: str = "mtcheck batch", worst: int = 20) -> str:
    ok = [d for d in digests if "error" not in d]
    errors = [d for d in digests if "error" in d]
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    mqm = corpus.get("mqm", {})
    cards = [
        ("articles", str(corpus.get("articles", len(digests)))),
        ("checked", str(corpus.get("checked", len(ok)))),
        ("could not be checked", str(corpus.get("errors", len(errors)))),
        ("failed the gate", str(corpus.get("gate_failed", 0))),
        ("mean MQM score", _num(mqm.get("mean_score"))),
        ("passed the MQM threshold", f"{mqm.get('passed', 0)} of {len(ok)}"),
    ]
    out.append('<div class="cards">' + "".join(
        f'<div class="card"><b>{escape(v)}</b><span class="muted">{escape(k)}</span></div>' for k, v in cards) + "</div>")
    pairs = corpus.get("language_pairs", {})
    if pairs:
        out.append('<p class="muted">Language pairs: ' + ", ".join(
            f"{escape(k)} ({n})" for k, n in pairs.items()) + "</p>")

    # Score distribution
    out.append("<h2>MQM score distribution</h2>")
    counts = [sum(1 for d in ok if lo <= d["score"] < hi) for lo, hi in _BINS]
    largest = max(counts) if counts else 0
    out.append('<table><tr><th>score</th><th class="num">articles</th><th></th></tr>')
    for (lo, hi), n in zip(_BINS, counts):
        label = f"{lo:g}–{min(hi, 100):g}"
        out.append(f'<tr><td>{label}</td><td class="num">{n}</td><td>{_bar(n, largest, "fail" if hi <= 90 else "")}</td></tr>')
    out.append("</table>")

    # Worst articles
    out.append(f"<h2>Worst articles (lowest {min(worst, len(ok))} MQM scores)</h2>")
    ranked = sorted(range(len(ok)), key=lambda k: (ok[k]["score"], k))[:worst]
    out.append('<table><tr><th>article</th><th>languages</th><th class="num">words</th><th class="num">score</th>'
               "<th>gate</th><th>issues by severity</th><th>main categories</th></tr>")
    for k in ranked:
        d = ok[k]
        sev = ", ".join(f"{n} {escape(s)}" for s, n in d["by_severity"].items()) or "none"
        cats = ", ".join(f"{escape(c)} ({n})" for c, n in Counter(d["by_category"]).most_common(3)) or "–"
        gate = f'<span class="{"fail" if d["gate"] == "fail" else "pass"}">{escape(d["gate"])}</span>'
        out.append(f"<tr><td>{escape(d['input'])}</td><td>{escape(d['src_lang'])}→{escape(d['tgt_lang'])}</td>"
                   f'<td class="num">{d["words"]}</td><td class="num">{_num(d["score"])}</td><td>{gate}</td>'
                   f"<td>{sev}</td><td>{cats}</td></tr>")
    out.append("</table>")

    # Drifting terms
    out.append("<h2>Terms that drift most across the batch</h2>")
    terms = drifting_terms(digests)
    if terms:
        out.append('<table><tr><th>source term</th><th>languages</th><th class="num">articles</th>'
                   '<th class="num">issues</th><th>usual rendering</th><th>variants found</th></tr>')
        for t in terms:
            usual = ", ".join(f"{escape(r)} ({n})" for r, n in t["renderings"]) or "–"
            variants = ", ".join(f"<span>{escape(v)} ({n})</span>" for v, n in t["variants"])
            out.append(f"<tr><td>{escape(t['term'])}</td><td>{escape(t['src_lang'])}→{escape(t['tgt_lang'])}</td>"
                       f'<td class="num">{t["articles"]}</td><td class="num">{t["issues"]}</td><td>{usual}</td>'
                       f'<td class="variants">{variants}</td></tr>')
        out.append("</table>")
        out.append('<p class="muted">From the checks terms.batch (a rendering other than the one the batch uses) '
                   "and terms.drift (other than the one the article uses).</p>")
    else:
        out.append("<p>No terminology drift found.</p>")

    # Issue categories
    out.append("<h2>Issue categories over the batch</h2>")
    cat_total: Counter = Counter()
    cat_articles: Counter = Counter()
    sev_total: Counter = Counter()
    for d in ok:
        cat_total.update(d["by_category"])
        cat_articles.update(d["by_category"].keys())
        sev_total.update(d["by_severity"])
    if cat_total:
        largest = max(cat_total.values())
        out.append('<table><tr><th>category</th><th class="num">issues</th><th class="num">articles</th><th></th></tr>')
        for cat, n in sorted(cat_total.items(), key=lambda x: (-x[1], x[0])):
            out.append(f'<tr><td>{escape(cat)}</td><td class="num">{n}</td><td class="num">{cat_articles[cat]}</td>'
                       f"<td>{_bar(n, largest)}</td></tr>")
        out.append("</table>")
        out.append('<p class="muted">By severity: ' + ", ".join(
            f"{sev_total[s]} {escape(s)}" for s in SEVERITIES if sev_total[s]) + "</p>")
    else:
        out.append("<p>No issue found.</p>")

    # Reference metrics
    metrics = corpus.get("reference_metrics", {})
    out.append("<h2>Corpus BLEU, chrF and TER (articles with a reference)</h2>")
    if metrics:
        out.append('<table><tr><th>languages</th><th class="num">articles</th><th class="num">BLEU</th>'
                   '<th class="num">chrF</th><th class="num">TER</th><th>sacreBLEU signatures</th></tr>')
        for pair, m in metrics.items():
            sigs = "<br>".join(f'<span class="sig">{escape(m[name]["signature"])}</span>' for name in ("bleu", "chrf", "ter"))
            out.append(f'<tr><td>{escape(pair)}</td><td class="num">{m["articles"]}</td>'
                       f'<td class="num">{_num(m["bleu"]["score"])}</td><td class="num">{_num(m["chrf"]["score"])}</td>'
                       f'<td class="num">{_num(m["ter"]["score"])}</td><td>{sigs}</td></tr>')
        out.append("</table>")
    else:
        out.append("<p>No article came with a reference.</p>")

    # Errors
    out.append(f"<h2>Articles that could not be checked ({len(errors)})</h2>")
    if errors:
        out.append("<table><tr><th>article</th><th>kind</th><th>message</th></tr>")
        for d in errors:
            out.append(f"<tr><td>{escape(d['input'])}</td><td>{escape(d['error']['kind'])}</td>"
                       f"<td>{escape(d['error']['message'])}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>None.</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


__all__ = ["SUMMARY_COLUMNS", "corpus_json", "dashboard_html", "drifting_terms", "summary_csv"]
