"""Glossary: the session glossary (view, edit, import, export) and the session's ignore list."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import facade, render, state
from ui.render import md

ss = st.session_state


def _apply_edits(key: str) -> None:
    changes = ss.get(key) or {}
    state.set_glossary_rows(state.apply_editor_changes(ss.get("glossary_rows", []), changes))


def _import() -> None:
    f = ss.get("glossary_import_file")
    ss["glossary_import_error"] = None
    if f is None:
        ss["glossary_import_error"] = "Choose a glossary file first."
        return
    try:
        entries = facade.parse_glossary_upload(f.getvalue(), f.name)
    except facade.MtcheckError as exc:
        ss["glossary_import_error"] = str(exc)
        return
    replace_all = ss.get("glossary_import_mode") == "Replace the glossary"
    state.set_glossary_rows(state.merge_entries(ss.get("glossary_rows", []), entries, replace_all=replace_all))
    st.toast(f"Imported {len(entries)} entries.")


def _clear_glossary() -> None:
    state.set_glossary_rows([])


def _import_ignore_list() -> None:
    f = ss.get("ignore_import_file")
    ss["ignore_import_error"] = None
    if f is None:
        return
    try:
        fps = state.suppressions_from_json(f.getvalue())
    except ValueError as exc:
        ss["ignore_import_error"] = f"{f.name}: {exc}"
        return
    for fp in fps:
        state.add_suppression(fp)


def _restore_all() -> None:
    ss["suppressed"] = []


st.title("Glossary")
st.caption("The session glossary is the glossary of every check in this session (Review and Batch) while "
           "“Use the session glossary” is on. Several renderings in one cell are separated by `|`.")

rows = ss.get("glossary_rows", [])
entries, problems = state.entries_from_rows(rows)
editor_key = f"glossary_editor_{ss.get('glossary_version', 0)}"
frame = pd.DataFrame(rows, columns=list(state.COLUMNS), dtype="object").fillna("")
st.data_editor(
    frame, key=editor_key, num_rows="dynamic", hide_index=True, width="stretch", on_change=_apply_edits,
    args=(editor_key,),
    column_config={
        "source": st.column_config.TextColumn("source term", help="The term in the source language", width="medium"),
        "target": st.column_config.TextColumn("rendering(s)", help="Allowed renderings, separated by |", width="large"),
        "forbidden": st.column_config.TextColumn("forbidden", help="Renderings that must not be used, separated by |",
                                                 width="large"),
        "note": st.column_config.TextColumn("note", width="medium"),
    },
)
st.caption(f"{len(entries)} usable entr{'y' if len(entries) == 1 else 'ies'}.")
for p in problems:
    st.warning(md(p), icon=":material/edit:")

imp, exp = st.columns(2, gap="large")
with imp:
    st.subheader("Import")
    st.file_uploader("CSV or TSV (source,target,forbidden,note) or TBX", type=["csv", "tsv", "txt", "tbx"],
                     key="glossary_import_file", max_upload_size=2)
    st.radio("Mode", ["Add to the glossary", "Replace the glossary"], key="glossary_import_mode", horizontal=True,
             label_visibility="collapsed")
    i1, i2 = st.columns(2)
    i1.button("Import", type="primary", on_click=_import, key="glossary_import", icon=":material/upload:", width="stretch")
    i2.button("Clear the glossary", on_click=_clear_glossary, key="glossary_clear", width="stretch",
              disabled=not rows)
    if ss.get("glossary_import_error"):
        st.error(md(ss["glossary_import_error"]), icon=":material/error:")
with exp:
    st.subheader("Export")
    report = ss.get("report")
    l1, l2 = st.columns(2)
    src_lang = l1.text_input("Source language (TBX)", value=report.source.lang if report is not None else "zh",
                             key="tbx_src_lang")
    tgt_lang = l2.text_input("Target language (TBX)", value=report.target.lang if report is not None else "fr",
                             key="tbx_tgt_lang")
    d1, d2 = st.columns(2)
    d1.download_button("Glossary as CSV", facade.glossary_to_csv(entries), file_name="glossary.csv", mime="text/csv",
                       on_click="ignore", icon=":material/download:", key="dl_glossary_csv", disabled=not entries, width="stretch")
    try:
        tbx = facade.glossary_to_tbx(entries, facade.normalise_lang(src_lang) or "und",
                                     facade.normalise_lang(tgt_lang) or "und") if entries else b""
    except facade.MtcheckError as exc:
        tbx = b""
        st.error(md(str(exc)))
    d2.download_button("Glossary as TBX", tbx, file_name="glossary.tbx", mime="application/x-tbx+xml",
                       on_click="ignore", icon=":material/download:", key="dl_glossary_tbx", disabled=not tbx, width="stretch",
                       help="TBX keeps the source terms, their renderings and notes; forbidden renderings stay in the CSV.")

st.divider()
st.subheader("Ignored issues")
fps = state.session_suppressed()
if fps:
    st.dataframe(pd.DataFrame([{"check": c, "flagged text": render.short(t, 200)} for c, t in fps]), hide_index=True,
                 width="stretch")
else:
    st.caption("No issue is ignored in this session. “Ignore” on an issue in Review adds it here.")
g1, g2, g3 = st.columns([1.3, 1, 3], vertical_alignment="bottom")
g1.download_button("Download the ignore list", state.suppressions_to_json(fps), file_name="mtcheck-ignore.json",
                   mime="application/json", on_click="ignore", icon=":material/download:", key="dl_ignore", disabled=not fps,
                   width="stretch")
g2.button("Restore all", on_click=_restore_all, key="restore_all", disabled=not fps, width="stretch")
with g3:
    st.file_uploader("Load an ignore list (JSON)", type=["json"], key="ignore_import_file", max_upload_size=2,
                     on_change=_import_ignore_list)
if ss.get("ignore_import_error"):
    st.error(md(ss["ignore_import_error"]), icon=":material/error:")
