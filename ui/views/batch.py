"""Batch: many articles at once, a table of their scores, charts, and any article opened in Review."""
from __future__ import annotations

import io
import json
import re
import zipfile

import pandas as pd
import streamlit as st

from ui import facade, render, state, uploads
from ui.checking import show_report
from ui.render import md

ss = st.session_state

st.title("Check a batch of articles")
st.caption(
    "Upload article pairs as text files or zip archives (read in memory), or a JSONL manifest with one "
    'article a line: `{"id", "source", "target", "src_lang", "tgt_lang"}` with the texts inline. Files pair by '
    "name: `a.src.txt` + `a.mt.txt` (also *source*, *target*, *tgt*, *ref*), one folder per article with "
    "`source.zh.txt` + `mt.fr.txt`, or `a.zh.txt` + `a.fr.txt` when the source language is set below."
)

c1, c2, c3 = st.columns([4, 1, 1], vertical_alignment="bottom")
with c1:
    files = st.file_uploader("Articles, zip archives or a JSONL manifest", type=["txt", "md", "zip", "jsonl", "ndjson"],
                             accept_multiple_files=True, key="batch_files", max_upload_size=uploads.MAX_UPLOAD_MB)
c2.text_input("Source language", key="batch_src_lang", placeholder="auto", persist_state="session",
              help="Pairs a.zh.txt with a.fr.txt, and is declared for every article without a language of its own.")
c3.text_input("Translation language", key="batch_tgt_lang", placeholder="auto", persist_state="session")
run = st.button("Check the batch", type="primary", icon=":material/play_arrow:", disabled=not files, key="run_batch")

if run and files:
    entries = uploads.read_batch([(f.name, f.getvalue()) for f in files], ss.get("batch_src_lang"), ss.get("batch_tgt_lang"))
    bar = st.progress(0.0, text="Reading the uploads…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"Checked {done} of {total} articles")

    rows = facade.run_batch(entries, state.session_glossary() if ss.get("use_glossary", True) else (), progress,
                            model=ss.get("model_name", ""), qe_model=ss.get("qe_model_name", ""))
    bar.empty()
    ss["batch_rows"] = rows
    ss["batch_seq"] = ss.get("batch_seq", 0) + 1

rows: list[facade.BatchRow] | None = ss.get("batch_rows")
if not rows:
    st.stop()

suppressed = set(state.session_suppressed())
shown: list[facade.Report | None] = []
for r in rows:
    shown.append(facade.apply_suppressions(r.report, suppressed)[0] if r.report is not None else None)

ok = [(r, rep) for r, rep in zip(rows, shown) if rep is not None]
errors = [r for r in rows if r.report is None]
scores = [rep.scores.mqm.score for _, rep in ok]
m1, m2, m3, m4 = st.columns(4)
m1.metric("Articles checked", len(ok), border=True)
m2.metric("Passed", f"{sum(rep.scores.mqm.passed for _, rep in ok)} of {len(ok)}", border=True)
m3.metric("Mean MQM score", f"{sum(scores) / len(scores):.1f}" if scores else "—", border=True)
m4.metric("Could not be checked", len(errors), border=True)

table = []
for r, rep in zip(rows, shown):
    if rep is None:
        table.append({"article": r.id, "status": "error", "score": None, "issues": None,
                      "critical": None, "major": None, "minor": None, "info": None, "error": r.error or ""})
        continue
    counts = {s: 0 for s in render.SEVERITIES}
    for i in rep.issues:
        counts[i.severity.value] += 1
    m = rep.scores.mqm
    table.append({"article": r.id, "status": "pass" if m.passed else "fail", "score": m.score,
                  "issues": len(rep.issues), **counts, "error": ""})
df = pd.DataFrame(table)
for col in ("issues", *render.SEVERITIES):
    df[col] = df[col].astype("Int64")  # an article that could not be checked has no counts, not zeros
st.dataframe(df, hide_index=True, width="stretch", key="batch_table",
             column_config={
                 "score": st.column_config.ProgressColumn("MQM score", min_value=0, max_value=100, format="%.1f"),
                 "error": st.column_config.TextColumn("error", width="large"),
             })

ch1, ch2 = st.columns(2, gap="large")
with ch1:
    st.markdown("**Score distribution**")
    bands = [f"{lo}–{lo + 10}" for lo in range(0, 100, 10)]
    hist = {b: 0 for b in bands}
    for s in scores:
        hist[bands[min(9, int(s // 10))]] += 1
    st.bar_chart(pd.DataFrame({"MQM score": bands, "articles": [hist[b] for b in bands]}), x="MQM score", y="articles",
                 color="#ea580c", height=260, sort=False)
with ch2:
    st.markdown("**Most frequent issue categories**")
    cats: dict[str, int] = {}
    for _, rep in ok:
        for i in rep.issues:
            cats[i.category.value] = cats.get(i.category.value, 0) + 1
    top = sorted(cats.items(), key=lambda kv: -kv[1])[:10]
    if top:
        st.bar_chart(pd.DataFrame({"category": [k for k, _ in top], "issues": [v for _, v in top]}), x="category",
                     y="issues", horizontal=True, color="#2563eb", height=260, sort="-issues")
    else:
        st.caption("No issue in this batch.")

o1, o2, o3 = st.columns([3, 1.2, 1.6], vertical_alignment="bottom")
ok_ids = [k for k, r in enumerate(rows) if r.report is not None]
with o1:
    pick = st.selectbox("Open an article in Review", ok_ids, format_func=lambda k: rows[k].id, key="batch_pick",
                        disabled=not ok_ids)
open_it = o2.button("Open in Review", icon=":material/rate_review:", disabled=pick is None, key="batch_open", width="stretch")


def _safe_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[^\w.-]+", "_", name).strip("._")[:80] or "article"
    out, n = base, 1
    while out in used:
        n += 1
        out = f"{base}-{n}"
    used.add(out)
    return out


def _zip_reports() -> bytes:
    buf = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        lines = []
        for r, rep in zip(rows, shown):
            if rep is not None:
                zf.writestr(f"{_safe_name(r.id, used)}.json", facade.report_json(rep))
            else:
                lines.append(json.dumps({"input": r.id, "error": {"kind": "input", "message": r.error}}, ensure_ascii=False))
        if lines:
            zf.writestr("errors.jsonl", "\n".join(lines) + "\n")
        zf.writestr("summary.csv", df.to_csv(index=False))
    return buf.getvalue()


zip_key = (ss.get("batch_seq"), tuple(sorted(suppressed)))
if ss.get("batch_zip_key") != zip_key:
    ss["batch_zip"] = _zip_reports()
    ss["batch_zip_key"] = zip_key
o3.download_button("Download all reports (zip of JSON)", ss["batch_zip"], file_name="mtcheck-batch.zip",
                   mime="application/zip", on_click="ignore", icon=":material/download:", key="dl_batch", width="stretch")

if open_it and pick is not None:
    rep = rows[pick].report
    assert rep is not None
    ss["src_text"], ss["tgt_text"] = rep.source.text, rep.target.text
    ss["ref_text"] = rep.reference.text if rep.reference is not None else ""
    ss["src_lang"], ss["tgt_lang"] = "", ""
    ss["check_error"] = None
    ss["ref_error"] = None
    show_report(rep)
    st.switch_page("views/review.py")

if errors:
    with st.expander(f"Articles that could not be checked ({len(errors)})", expanded=True):
        for r in errors:
            st.markdown(f"- **{md(r.id)}**: {md(r.error or '')}")
