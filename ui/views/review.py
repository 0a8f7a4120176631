"""Review: one article, its aligned sentences side by side with the flagged passages highlighted."""
from __future__ import annotations

import time
from typing import Optional

import pandas as pd
import streamlit as st

from ui import facade, render, state
from ui.checking import (clear_inputs, current_inputs, ignore_issue, inputs_signature, load_example, restore_issue,
                         run_check, upload_glossary, upload_into, use_rendering)
from ui.facade import MtcheckError
from ui.render import md
from ui.uploads import MAX_FILE_BYTES

ss = st.session_state
TEXT_UPLOAD_MB = max(1, MAX_FILE_BYTES // (1024 * 1024))
THRESHOLD = facade.Config().mqm_threshold
REFERENCE_TIMEOUT = 300  # seconds

st.title("Review a machine translation")

report: Optional[facade.Report] = ss.get("report")
lang_hint_src = f"auto ({report.source.lang})" if report is not None else "auto-detect"
lang_hint_tgt = f"auto ({report.target.lang})" if report is not None else "auto-detect"

with st.expander("Source and translation", expanded=report is None, icon=":material/edit_note:"):
    left, right = st.columns(2, gap="medium")
    with left:
        st.text_area("Source article", key="src_text", height=200, persist_state="session",
                     placeholder="Paste the source article here, or upload it below.")
        st.file_uploader("Upload the source", type=["txt", "md"], key="src_file", max_upload_size=TEXT_UPLOAD_MB,
                         on_change=upload_into, args=("src_file", "src_text"), label_visibility="collapsed")
    with right:
        st.text_area("Machine translation", key="tgt_text", height=200, persist_state="session",
                     placeholder="Paste the translation here, or upload it below.")
        st.file_uploader("Upload the translation", type=["txt", "md"], key="tgt_file", max_upload_size=TEXT_UPLOAD_MB,
                         on_change=upload_into, args=("tgt_file", "tgt_text"), label_visibility="collapsed")
    c1, c2, c3, c4 = st.columns([1, 1, 2.2, 2.2], gap="medium")
    c1.text_input("Source language", key="src_lang", placeholder=lang_hint_src, persist_state="session",
                  help="ISO 639-1 code (zh, fr, en…). Leave empty to detect it.")
    c2.text_input("Translation language", key="tgt_lang", placeholder=lang_hint_tgt, persist_state="session",
                  help="ISO 639-1 code. Leave empty to detect it.")
    with c3:
        st.text_area("Reference translation (optional)", key="ref_text", height=68, persist_state="session",
                     placeholder="A human translation: adds BLEU, chrF and TER.")
        st.file_uploader("Upload the reference", type=["txt", "md"], key="ref_file", max_upload_size=TEXT_UPLOAD_MB,
                         on_change=upload_into, args=("ref_file", "ref_text"), label_visibility="collapsed")
    with c4:
        n_entries = len(state.session_glossary())
        st.toggle(f"Use the session glossary ({n_entries} entr{'y' if n_entries == 1 else 'ies'})", key="use_glossary",
                  persist_state="session", help="Edit it on the Glossary page.")
        st.file_uploader("Add a glossary (CSV, TSV or TBX)", type=["csv", "tsv", "txt", "tbx"], key="review_glossary_file",
                         max_upload_size=2, on_change=upload_glossary)

b1, b2, b3, note = st.columns([1, 1.2, 0.8, 6], vertical_alignment="center")
b1.button("Check", type="primary", on_click=run_check, key="check", icon=":material/play_arrow:", width="stretch")
b2.button("Load example", on_click=load_example, key="load_example", icon=":material/newspaper:", width="stretch",
          help="The sample of samples/ai-plan: a Chinese news article and its French machine translation.")
b3.button("Clear", on_click=clear_inputs, key="clear", width="stretch")

if ss.get("check_error"):
    st.error(md(ss["check_error"]), icon=":material/error:")

report = ss.get("report")
if report is None:
    note.caption("Paste an article and its translation, then Check — or load the example.")
    st.stop()

if ss.get("report_sig") != inputs_signature(current_inputs()):
    note.info("The texts, languages or glossary changed since this report: press **Check** to update it.", icon=":material/edit:")
ref_status = note.empty()
if ss.get("pending_ref"):
    ref_status.caption(":material/hourglass_top: Scoring against the reference (BLEU, chrF, TER)…")
if ss.get("ref_error"):
    st.warning(md(ss["ref_error"]), icon=":material/error:")

suppressed = set(state.session_suppressed())
shown, hidden = facade.apply_suppressions(report, suppressed)
seq = ss.get("report_seq", 0)

# ---- score, downloads
top_left, top_right = st.columns([3.2, 1], vertical_alignment="center")
top_left.html(render.score_banner(shown, THRESHOLD, hidden))
with top_right:
    st.download_button("JSON report", facade.report_json(shown), file_name="mtcheck-report.json", mime="application/json",
                       on_click="ignore", icon=":material/download:", width="stretch", key="dl_json")
    st.download_button("HTML report", facade.report_html(shown), file_name="mtcheck-report.html", mime="text/html",
                       on_click="ignore", icon=":material/download:", width="stretch", key="dl_html")
    st.download_button("CSV of issues", facade.report_csv(shown), file_name="mtcheck-issues.csv", mime="text/csv",
                       on_click="ignore", icon=":material/download:", width="stretch", key="dl_csv")
for err in report.check_errors:
    st.warning(md(f"Check {err.check} failed: {err.message}"), icon=":material/bug_report:")

# ---- filters
visible = [(k, i) for k, i in enumerate(report.issues) if facade.fingerprint(i, report) not in suppressed]
sev_counts: dict[str, int] = {}
cat_counts: dict[str, int] = {}
for _, i in visible:
    sev_counts[i.severity.value] = sev_counts.get(i.severity.value, 0) + 1
    cat_counts[i.category.value] = cat_counts.get(i.category.value, 0) + 1
sev_options = [s for s in render.SEVERITIES if any(i.severity.value == s for i in report.issues)]
cat_options = sorted({i.category.value for i in report.issues})
f1, f2 = st.columns([1, 3.2], vertical_alignment="top", gap="medium")
with f1:
    sel_sev = st.pills("Severity", sev_options, selection_mode="multi", default=sev_options, key=f"flt_sev_{seq}", width="stretch",
                       format_func=lambda s: f"{s} · {sev_counts.get(s, 0)}")
with f2:
    sel_cat = st.pills("Categories", cat_options, selection_mode="multi", default=cat_options, key=f"flt_cat_{seq}", width="stretch",
                       format_func=lambda c: f"{c} · {cat_counts.get(c, 0)}")

numbered_all = [(n, k, i) for n, (k, i) in enumerate(visible, start=1)]
filtered = [(n, k, i) for n, k, i in numbered_all
            if i.severity.value in (sel_sev or []) and i.category.value in (sel_cat or [])]

tab_view, tab_terms, tab_table = st.tabs(["Side by side", "Terminology", "Issue list"])

# ---- side by side + detail panel
with tab_view:
    main, panel = st.columns([1.8, 1], gap="medium")
    with main:
        l1, l2 = st.columns([3, 1.2], vertical_alignment="center")
        l1.html(render.legend())
        only_flagged = l2.toggle("Only sentences with issues", key="only_flagged", persist_state="session")
        with st.container(height=760, border=False, key="aligned_pane"):
            st.html(render.aligned_table(report, [(n, i) for n, _, i in filtered], only_flagged=only_flagged))
    with panel:
        st.markdown(f"**Issues** · {len(filtered)} shown of {len(visible)}")
        with st.container(height=730, border=True, key="issue_pane"):
            if not filtered:
                st.caption("Nothing to show: every issue is filtered out or ignored.")
            for n, k, issue in filtered:
                fp = facade.fingerprint(issue, report)
                # One block per card (no columns): the panel holds dozens of cards and stays quick to draw.
                st.html(render.issue_card(n, issue, report))
                st.button("Ignore", key=state.ignore_key(k, fp), on_click=ignore_issue, args=(fp,), type="tertiary",
                          icon=":material/visibility_off:",
                          help="Hide every issue of this check on this same text, in this session (not counted in "
                               "the score).")
        if suppressed:
            with st.expander(f"Ignored in this session ({len(suppressed)})"):
                for j, fp in enumerate(state.session_suppressed()):
                    r1, r2 = st.columns([4, 1], vertical_alignment="center")
                    r1.html(f'<code>{render.esc(fp[0])}</code> <span>{render.esc(render.short(fp[1], 90))}</span>')
                    r2.button("Restore", key=f"restore-{j}", on_click=restore_issue, args=(fp,), type="tertiary")
                st.download_button("Download the ignore list", state.suppressions_to_json(state.session_suppressed()),
                                   file_name="mtcheck-ignore.json", mime="application/json", on_click="ignore",
                                   key="dl_ignore_review")

# ---- terminology panel
with tab_terms:
    if ss.get("terms") is None or ss.get("terms_seq") != seq:
        # Terms rendered several ways first: they are the ones that ask for a decision.
        ss["terms"] = sorted(facade.term_table(report), key=lambda t: (not t.variants, -len(t.occurrences)))
        ss["terms_seq"] = seq
    terms = ss["terms"]
    if not terms:
        st.info("No source term recurs in this article.")
    else:
        glossary_sources = {e.source: e for e in state.session_glossary()}
        overview = []
        for t in terms:
            variants: dict[str, int] = {}
            for v in t.variants:
                variants[v.text] = variants.get(v.text, 0) + 1
            g = glossary_sources.get(t.source)
            overview.append({
                "source term": t.source,
                "dominant rendering": t.dominant.text,
                "uses": len(t.dominant.occurrences),
                "other renderings": " · ".join(f"{k} ×{c}" for k, c in variants.items()),
                "glossary": " | ".join(g.targets) if g else "",
            })
        st.dataframe(pd.DataFrame(overview), hide_index=True, width="stretch",
                     column_config={"uses": st.column_config.NumberColumn(width="small"),
                                    "source term": st.column_config.TextColumn(width="medium"),
                                    "dominant rendering": st.column_config.TextColumn(width="large"),
                                    "other renderings": st.column_config.TextColumn(width="large")})
        term_idx = st.selectbox("Term", list(range(len(terms))), key=f"term_pick_{seq}",
                                format_func=lambda k: f"{terms[k].source} → {terms[k].dominant.text}"
                                + (f"  ({len(terms[k].variants)} other use{'s' if len(terms[k].variants) > 1 else ''})"
                                   if terms[k].variants else ""))
        term = terms[term_idx]
        # The renderings of the term: the dominant one, then each variant text with its occurrences.
        renderings: list[dict] = [{
            "text": term.dominant.text, "dominant": True,
            "tgt": [(o.unit, o.start, o.end) for o in term.dominant.occurrences],
        }]
        for v in term.variants:
            for r in renderings:
                if r["text"] == v.text and not r["dominant"]:
                    r["tgt"].append((v.unit, v.start, v.end))
                    break
            else:
                renderings.append({"text": v.text, "dominant": False, "tgt": [(v.unit, v.start, v.end)]})

        def _rendering_label(k: int) -> str:
            r = renderings[k]
            label = ("✓ " if r["dominant"] else "") + f"{r['text']} ×{len(r['tgt'])}"
            if ("terms.drift", r["text"]) in suppressed:
                label += " (ignored)"
            return md(label)

        rend_idx = st.radio("Renderings", list(range(len(renderings))), key=f"rend_pick_{seq}_{term_idx}",
                            horizontal=True, format_func=_rendering_label,
                            help="The dominant rendering is marked ✓. Choose one to see where it occurs.")
        chosen = renderings[rend_idx]
        others = [r["text"] for r in renderings if r["text"] != chosen["text"]]
        total = sum(len(r["tgt"]) for r in renderings)
        a1, a2, _ = st.columns([1.3, 1.3, 4])
        a1.button("Use this rendering", type="primary", key="use_rendering", icon=":material/push_pin:",
                  on_click=use_rendering, width="stretch",
                  args=(term.source, chosen["text"], others, f"chosen in review ({len(chosen['tgt'])} of {total} uses)"),
                  help="Records a glossary entry: this rendering, the others forbidden. The next check uses it.")
        a2.button("Ignore this rendering", key="ignore_rendering", icon=":material/visibility_off:", width="stretch",
                  disabled=chosen["dominant"], on_click=ignore_issue, args=(("terms.drift", chosen["text"]),),
                  help="Hides the drift issues on this rendering in this session.")
        units = sorted({u for u, _, _ in chosen["tgt"]})
        src_spans = [(o.start, o.end) for o in term.occurrences]
        rows = [(u, src_spans, [(a, b) for uu, a, b in chosen["tgt"] if uu == u]) for u in units]
        st.caption(f"Where “{md(chosen['text'])}” renders {md(term.source)}: {len(units)} sentence"
                   f"{'s' if len(units) != 1 else ''}")
        st.html(render.occurrences_table(report, rows))

# ---- issue list (sortable)
with tab_table:
    def _flag(i: facade.Issue) -> str:
        return render.short(facade.flagged_text(i, report), 120)

    table = pd.DataFrame([{
        "#": n, "severity": i.severity.value, "category": i.category.value, "check": i.check,
        "flagged text": _flag(i), "message": i.message, "suggestion": i.suggestion or "",
    } for n, _, i in filtered])
    st.dataframe(table, hide_index=True, width="stretch", height=min(760, 38 + 35 * max(1, len(filtered))))

# ---- the reference metrics, after the highlighted view is on screen
if ss.get("pending_ref"):
    args = ss.get("report_args") or {}
    future = ss.get("ref_future")
    if future is None or ss.get("ref_future_sig") != ss.get("report_sig"):
        future = facade.submit_check(args["source"], args["target"], src_lang=args["src_lang"],
                                     tgt_lang=args["tgt_lang"], reference_text=args["reference"],
                                     glossary=args["glossary"], model=args.get("model"),
                                     qe_model=args.get("qe_model"))
        ss["ref_future"], ss["ref_future_sig"] = future, ss.get("report_sig")
    started = time.monotonic()
    while not future.done():
        # Writing the status lets Streamlit stop this run when the user does something meanwhile;
        # the future lives on in the session and the next run waits for it again.
        ref_status.caption(f":material/hourglass_top: Scoring against the reference (BLEU, chrF, TER)… "
                           f"{time.monotonic() - started:.0f} s")
        if time.monotonic() - started > REFERENCE_TIMEOUT:
            break
        time.sleep(0.2)
    ss.pop("ref_future", None)
    ss["pending_ref"] = False
    try:
        full = future.result(timeout=0)
    except MtcheckError as exc:
        ss["ref_error"] = f"Reference not used: {exc}"
    except Exception as exc:  # noqa: BLE001 - a timeout or a dead worker: say so, keep the report
        ss["ref_error"] = f"Reference metrics unavailable: {type(exc).__name__} {exc}"
    else:
        if ss.get("report_args") is args:  # no newer check started meanwhile
            ss["report"] = full
    st.rerun()
