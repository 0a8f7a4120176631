"""The review app's pages and their main interactions, through Streamlit's AppTest (no browser)."""
import html
import io
import re
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("streamlit", reason="the review app needs streamlit (requirements-dev.txt installs it)")
from streamlit.testing.v1 import AppTest  # noqa: E402

from mtcheck.cli import main  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "ui" / "app.py")
SAMPLE = REPO / "samples" / "ai-plan"
DRIFT_TEXT = "régime de prestations universelles"
MARK_RE = re.compile(r'<mark class="mt-(\w+)" title="([^"]*)">([^<]*)</mark>')


def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    return at


def aligned_table(at: AppTest) -> str:
    tables = [h.value for h in at.html if 'class="mt-table"' in h.value]
    assert len(tables) == 1, "one aligned table on the Review page"
    return tables[0]


def marks(at: AppTest) -> list[tuple[str, str, str]]:
    """(severity, hover text, marked text) of every highlight of the aligned table, unescaped."""
    return [(sev, html.unescape(title), html.unescape(text)) for sev, title, text in MARK_RE.findall(aligned_table(at))]


def cards(at: AppTest) -> list[str]:
    return [html.unescape(h.value) for h in at.html if 'class="mt-card ' in h.value]


def plain(markdown: str) -> str:
    """The text of a Markdown body whose punctuation the app escaped (``ui.render.md``)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def loaded() -> AppTest:
    at = app()
    at.button(key="load_example").click().run()
    assert not at.exception, at.exception
    return at


def report(at: AppTest):
    return at.session_state["report"]


# ---------------------------------------------------------------- Review

def test_review_page_starts_empty_with_inputs():
    at = app()
    assert [t.label for t in at.text_area] == ["Source article", "Machine translation", "Reference translation (optional)"]
    assert {b.key for b in at.button} >= {"check", "load_example", "clear"}
    assert not [h for h in at.html if 'class="mt-table' in h.value]


def test_load_example_shows_drift_and_noise_highlighted():
    at = loaded()
    found = marks(at)
    drift = [m for m in found if m[2] == DRIFT_TEXT and "terms.drift" in m[1]]
    assert drift, "the drift on « régime de prestations universelles » is highlighted"
    sev, title, _ = drift[0]
    assert sev in ("major", "critical") and "plan inclusif" in title and "Suggestion: plan inclusif" in title
    noise = [m for m in found if "noise.debris" in m[1] and "Русский" in m[2] and "Français" in m[2]]
    assert noise, "the language menu is highlighted as noise"
    # The detail panel lists both, the score and downloads are at the top, languages were detected.
    assert any("terms.drift" in c and DRIFT_TEXT in c for c in cards(at))
    assert any("noise.debris" in c and "Language menu" in c for c in cards(at))
    assert any('class="mt-banner' in h.value for h in at.html)
    assert {d.label for d in at.download_button} >= {"JSON report", "HTML report", "CSV of issues"}
    r = report(at)
    assert (r.source.lang, r.target.lang) == ("zh", "fr")
    assert r.scores.bleu is not None, "the reference metrics replace the first view once ready"


def test_models_in_the_sidebar_reach_the_check():
    at = app()
    at.sidebar.text_input(key="qe_model_name").input("fake:qe").run()
    at.button(key="load_example").click().run()
    assert not at.exception, at.exception
    rep = report(at)
    assert rep.scores.qe is not None and rep.scores.qe.model == "fake:qe@unpinned"
    assert "|qe:fake:qe@unpinned" in rep.signature
    n_scored = sum(1 for v in rep.scores.qe.beads if v is not None)
    assert aligned_table(at).count('<div class="mt-qe"') == n_scored > 10
    banners = [h.value for h in at.html if "quality estimate: mean" in h.value]
    assert len(banners) == 1 and f"mean <b>{rep.scores.qe.mean:.2f}</b>" in banners[0]
    # A model that is not there is said on the page, not raised.
    at.sidebar.text_input(key="model_name").input("/no/such/encoder").run()
    at.button(key="check").click().run()
    assert not at.exception
    assert any("model folder '/no/such/encoder' does not exist" in plain(e.value) for e in at.error)


def test_filters_by_severity_and_category_change_what_is_shown():
    at = loaded()
    everything = marks(at)
    assert {m[0] for m in everything} >= {"major", "minor"}
    sev = next(p for p in at.pills if p.label == "Severity")
    all_severities = list(sev.value)
    sev.set_value(["minor"]).run()
    only_minor = marks(at)
    assert only_minor and {m[0] for m in only_minor} == {"minor"}
    assert not any(c for c in cards(at) if "mt-card-major" in c)
    next(p for p in at.pills if p.label == "Severity").set_value(all_severities).run()
    cat = next(p for p in at.pills if p.label == "Categories")
    cat.set_value(["other/noise"]).run()
    noise_only = marks(at)
    assert noise_only and all("other/noise" in m[1] for m in noise_only)
    assert all("other/noise" in c for c in cards(at))


def test_ignore_an_issue_hides_it_and_rescores():
    at = loaded()
    r = report(at)
    k, issue = next((k, i) for k, i in enumerate(r.issues)
                    if i.check == "terms.drift" and r.target.text[i.target_span.start:i.target_span.end] == DRIFT_TEXT)
    from ui.state import ignore_key

    before = r.scores.mqm.penalty
    at.button(key=ignore_key(k, ("terms.drift", DRIFT_TEXT))).click().run()
    assert not at.exception, at.exception
    assert at.session_state["suppressed"] == [("terms.drift", DRIFT_TEXT)]
    assert not [m for m in marks(at) if m[2] == DRIFT_TEXT and "terms.drift" in m[1]]
    assert not [c for c in cards(at) if "terms.drift" in c and DRIFT_TEXT in c]
    banner = next(h.value for h in at.html if 'class="mt-banner' in h.value)
    assert "1 ignored issue not counted" in banner and f"penalty {before - issue_weight(issue):g}" in banner
    # Restoring brings it back.
    at.button(key="restore-0").click().run()
    assert [m for m in marks(at) if m[2] == DRIFT_TEXT and "terms.drift" in m[1]]


def issue_weight(issue) -> float:
    return {"critical": 25.0, "major": 5.0, "minor": 1.0, "info": 0.0}[issue.severity.value]


def test_use_a_rendering_records_a_glossary_entry_used_by_the_next_check():
    at = loaded()
    at.session_state["glossary_rows"] = []  # start from an empty glossary
    at.run()
    at.button(key="check").click().run()
    assert not [i for i in report(at).issues if i.check == "terms.glossary"]
    terms = at.session_state["terms"]
    k = next(k for k, t in enumerate(terms) if t.source == "普惠计划")
    seq = at.session_state["report_seq"]
    at.selectbox(key=f"term_pick_{seq}").set_value(k).run()
    radio = at.radio(key=f"rend_pick_{seq}_{k}")
    assert "plan inclusif" in radio.options[0] and any(DRIFT_TEXT in o for o in radio.options)
    radio.set_value(0).run()
    occ = next(h.value for h in at.html if "mt-occ" in h.value)
    assert '<mark class="mt-hit">plan inclusif</mark>' in occ and '<mark class="mt-hit">普惠计划</mark>' in occ
    at.button(key="use_rendering").click().run()
    rows = at.session_state["glossary_rows"]
    assert rows[0]["source"] == "普惠计划" and rows[0]["target"] == "plan inclusif"
    assert DRIFT_TEXT in rows[0]["forbidden"].split("|")
    # The report is now out of date; the next check uses the recorded entry.
    assert any("press **Check**" in i.value for i in at.info)
    at.button(key="check").click().run()
    r = report(at)
    flagged = [r.target.text[i.target_span.start:i.target_span.end] for i in r.issues if i.check == "terms.glossary"]
    assert DRIFT_TEXT in flagged


def test_ignore_a_rendering_from_the_terminology_panel():
    at = loaded()
    terms = at.session_state["terms"]
    k = next(k for k, t in enumerate(terms) if t.source == "普惠计划")
    seq = at.session_state["report_seq"]
    at.selectbox(key=f"term_pick_{seq}").set_value(k).run()
    radio = at.radio(key=f"rend_pick_{seq}_{k}")
    radio.set_value(next(j for j, o in enumerate(radio.options) if DRIFT_TEXT in o)).run()
    at.button(key="ignore_rendering").click().run()
    assert ("terms.drift", DRIFT_TEXT) in at.session_state["suppressed"]
    assert not [m for m in marks(at) if m[2] == DRIFT_TEXT and "terms.drift" in m[1]]


def test_script_in_the_source_is_shown_as_text():
    at = app()
    at.text_area(key="src_text").set_value("联合国大会今天通过了一项决议<script>alert(1)</script>。<img src=x onerror=alert(1)>共有120个国家投票赞成。")
    at.text_area(key="tgt_text").set_value("L'Assemblée générale a adopté une résolution. Au total, 120 pays ont voté pour.")
    at.button(key="check").click().run()
    assert not at.exception, at.exception
    table = aligned_table(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in table and "&lt;img src=x onerror=alert(1)&gt;" in table
    for h in at.html:
        assert "<script>alert" not in h.value and "<img src=x" not in h.value


def test_check_without_text_says_what_is_missing():
    at = app()
    at.button(key="check").click().run()
    assert any("both the source article and its translation" in plain(e.value) for e in at.error)


# ---------------------------------------------------------------- Batch

def zip_of(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_batch_with_one_bad_file_gives_an_error_row_and_good_rows():
    at = app()
    at.switch_page("views/batch.py").run()
    assert not at.exception, at.exception
    sample = {"ai-plan/source.zh.txt": (SAMPLE / "source.zh.txt").read_bytes(),
              "ai-plan/mt.fr.txt": (SAMPLE / "mt.fr.txt").read_bytes()}
    at.file_uploader(key="batch_files").set_value([
        ("articles.zip", zip_of(sample), "application/zip"),
        ("un.src.txt", "联合国大会今天通过了一项决议。共有120个国家投票赞成。".encode("gb18030"), "text/plain"),
        ("un.mt.txt", "L'Assemblée générale a adopté une résolution. Au total, 120 pays ont voté pour.".encode(), "text/plain"),
        ("broken.src.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "text/plain"),
        ("broken.mt.txt", b"Une phrase.", "text/plain"),
    ]).run()
    at.button(key="run_batch").click().run()
    assert not at.exception, at.exception
    rows = at.session_state["batch_rows"]
    by_id = {r.id: r for r in rows}
    assert set(by_id) == {"ai-plan", "un", "broken"}
    assert by_id["ai-plan"].report is not None and by_id["un"].report is not None
    assert by_id["broken"].report is None and "broken.src.txt" in by_id["broken"].error
    assert "/tmp" not in by_id["broken"].error, "temporary paths never leak into messages"
    table = at.dataframe[0].value
    assert list(table["article"]) == ["ai-plan", "un", "broken"]
    assert list(table["status"])[2] == "error" and table["score"].notna().sum() == 2
    assert {d.key for d in at.download_button} >= {"dl_batch"}
    # "Download all reports": a zip of contract JSON reports, the errors and the table.
    import json

    from .contract import validate_report

    with zipfile.ZipFile(io.BytesIO(at.session_state["batch_zip"])) as zf:
        assert sorted(zf.namelist()) == ["ai-plan.json", "errors.jsonl", "summary.csv", "un.json"]
        ai_plan = json.loads(zf.read("ai-plan.json"))
        validate_report(ai_plan, (SAMPLE / "source.zh.txt").read_text(encoding="utf-8"),
                        (SAMPLE / "mt.fr.txt").read_text(encoding="utf-8"))
        assert ai_plan["target"]["path"] == "articles.zip:ai-plan/mt.fr.txt"
        assert json.loads(zf.read("errors.jsonl"))["input"] == "broken"
    # Open an article in the review view.
    at.selectbox(key="batch_pick").set_value(0).run()
    at.button(key="batch_open").click().run()
    assert not at.exception, at.exception
    assert report(at).target.path == "articles.zip:ai-plan/mt.fr.txt"
    assert [m for m in marks(at) if m[2] == DRIFT_TEXT]


def test_batch_jsonl_manifest():
    import json

    at = app()
    at.switch_page("views/batch.py").run()
    lines = [json.dumps({"id": "inline", "source": (SAMPLE / "source.zh.txt").read_text(encoding="utf-8"),
                         "target": (SAMPLE / "mt.fr.txt").read_text(encoding="utf-8"), "src_lang": "zh",
                         "tgt_lang": "fr"}, ensure_ascii=False),
             json.dumps({"id": "same-lang", "source": "Une phrase.", "target": "Une phrase.", "src_lang": "fr",
                         "tgt_lang": "fr"})]
    at.file_uploader(key="batch_files").set_value(("m.jsonl", "\n".join(lines).encode(), "application/json")).run()
    at.button(key="run_batch").click().run()
    assert not at.exception, at.exception
    rows = {r.id: r for r in at.session_state["batch_rows"]}
    assert rows["inline"].report is not None and rows["same-lang"].report is None


# ---------------------------------------------------------------- Glossary

def test_glossary_page_import_and_export():
    at = app()
    at.switch_page("views/glossary.py").run()
    assert not at.exception, at.exception
    at.file_uploader(key="glossary_import_file").set_value(
        ("glossary.csv", (SAMPLE / "glossary.csv").read_bytes(), "text/csv")).run()
    at.button(key="glossary_import").click().run()
    assert not at.exception, at.exception
    rows = at.session_state["glossary_rows"]
    assert len(rows) == 8 and rows[0]["source"] == "普惠计划"
    labels = {d.key: d for d in at.download_button}
    assert not labels["dl_glossary_csv"].disabled and not labels["dl_glossary_tbx"].disabled
    # A TBX with XML entities is refused with a message, and the glossary is unchanged.
    bomb = (b'<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaa">]><martif><text><body><termEntry>'
            b'<langSet xml:lang="zh"><tig><term>&a;</term></tig></langSet></termEntry></body></text></martif>')
    at.file_uploader(key="glossary_import_file").set_value(("evil.tbx", bomb, "application/xml")).run()
    at.button(key="glossary_import").click().run()
    assert any("evil.tbx" in plain(e.value) and "XML" in plain(e.value) for e in at.error)
    assert len(at.session_state["glossary_rows"]) == 8
    # Replace with a TBX export of our own.
    from ui import facade, state

    entries, _ = state.entries_from_rows(rows)
    tbx = facade.glossary_to_tbx(entries[:2], "zh", "fr")
    at.file_uploader(key="glossary_import_file").set_value(("mine.tbx", tbx, "application/xml")).run()
    at.radio(key="glossary_import_mode").set_value("Replace the glossary").run()
    at.button(key="glossary_import").click().run()
    assert [r["source"] for r in at.session_state["glossary_rows"]] == ["普惠计划", "人工智能能力建设普惠计划"]


def test_glossary_page_ignore_list_import():
    at = app()
    at.switch_page("views/glossary.py").run()
    from ui.state import suppressions_to_json

    data = suppressions_to_json([("casing.lost", "le")]).encode()
    at.file_uploader(key="ignore_import_file").set_value(("ignore.json", data, "application/json")).run()
    assert at.session_state["suppressed"] == [("casing.lost", "le")]
    assert not at.exception, at.exception


# ---------------------------------------------------------------- the `mtcheck ui` command

def test_ui_command_without_streamlit_says_how_to_install(monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "streamlit" else real(name, *a))
    code = main(["ui"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "streamlit" in err
