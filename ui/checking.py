"""The Review page's actions: what a check is made of, running it, and the callbacks of its buttons.

Callbacks run before the page script, so they may set the values of the page's widgets (the texts when
an example or a file is loaded). A check's inputs are kept with its report; the page compares them with
the current inputs to say when the report is out of date.
"""
from __future__ import annotations

import hashlib

import streamlit as st

from ui import facade, state
from ui.facade import MtcheckError

ss = st.session_state


def current_inputs() -> dict:
    """What a check is made of: the texts, the languages given, the glossary used."""
    glossary = state.session_glossary() if ss.get("use_glossary", True) else ()
    return {
        "source": ss.get("src_text", "") or "",
        "target": ss.get("tgt_text", "") or "",
        "reference": (ss.get("ref_text", "") or "").strip() and ss.get("ref_text", ""),
        "src_lang": (ss.get("src_lang", "") or "").strip(),
        "tgt_lang": (ss.get("tgt_lang", "") or "").strip(),
        "glossary": glossary,
        "model": (ss.get("model_name", "") or "").strip(),
        "qe_model": (ss.get("qe_model_name", "") or "").strip(),
    }


def inputs_signature(args: dict) -> str:
    parts = [args["source"], args["target"], args["reference"] or "", args["src_lang"], args["tgt_lang"],
             state.glossary_signature(args["glossary"]) or "", args.get("model", ""), args.get("qe_model", "")]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def run_check() -> None:
    args = current_inputs()
    ss["check_error"] = None
    ss["ref_error"] = None
    if not args["source"].strip() or not args["target"].strip():
        ss["check_error"] = "Paste or upload both the source article and its translation."
        return
    try:
        report = facade.check_article(args["source"], args["target"], src_lang=args["src_lang"],
                                      tgt_lang=args["tgt_lang"], glossary=args["glossary"],
                                      model=args["model"], qe_model=args["qe_model"])
    except MtcheckError as exc:
        ss["check_error"] = str(exc)
        return
    show_report(report, args)
    # The reference metrics (sacreBLEU, TER above all) take longer than the checks: the highlighted view
    # is shown first, and the report with the metrics replaces it when they are ready.
    ss["pending_ref"] = bool(args["reference"])


def show_report(report: facade.Report, args: dict | None = None) -> None:
    """Make ``report`` the page's report, made of ``args`` (the current inputs when not given)."""
    args = args if args is not None else current_inputs()
    ss["report"] = report
    ss["report_args"] = args
    ss["report_sig"] = inputs_signature(args)
    ss["report_seq"] = ss.get("report_seq", 0) + 1
    ss["pending_ref"] = False
    ss.pop("terms", None)


def load_example() -> None:
    ex = facade.load_example()
    ss["src_text"], ss["tgt_text"], ss["ref_text"] = ex.source, ex.target, ex.reference
    ss["src_lang"], ss["tgt_lang"] = "", ""
    ss["use_glossary"] = True
    state.set_glossary_rows(state.merge_entries(ss.get("glossary_rows", []), ex.glossary))
    run_check()


def clear_inputs() -> None:
    for key in ("src_text", "tgt_text", "ref_text", "src_lang", "tgt_lang"):
        ss[key] = ""
    for key in ("report", "report_args", "report_sig", "check_error", "ref_error", "terms", "ref_future"):
        ss.pop(key, None)
    ss["pending_ref"] = False


def upload_into(upload_key: str, text_key: str) -> None:
    f = ss.get(upload_key)
    if f is None:
        return
    try:
        ss[text_key] = facade.decode_upload(f.getvalue(), f.name)
        ss["check_error"] = None
    except MtcheckError as exc:
        ss["check_error"] = str(exc)


def upload_glossary() -> None:
    f = ss.get("review_glossary_file")
    if f is None:
        return
    try:
        entries = facade.parse_glossary_upload(f.getvalue(), f.name)
    except MtcheckError as exc:
        ss["check_error"] = f"Glossary not loaded: {exc}"
        return
    state.set_glossary_rows(state.merge_entries(ss.get("glossary_rows", []), entries))
    ss["use_glossary"] = True
    st.toast(f"Glossary: {len(entries)} entries added to the session glossary.")


def ignore_issue(fp: facade.Fingerprint) -> None:
    state.add_suppression(fp)


def restore_issue(fp: facade.Fingerprint) -> None:
    state.remove_suppression(fp)


def use_rendering(source: str, rendering: str, others: list[str], note: str) -> None:
    ss["glossary_rows"] = state.choose_rendering(ss.get("glossary_rows", []), source, rendering, others, note)
    ss["glossary_version"] = ss.get("glossary_version", 0) + 1
    ss["use_glossary"] = True
    st.toast("Recorded in the session glossary; the next check uses it.")
