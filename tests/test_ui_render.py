"""The review app's pure parts: HTML rendering (exact output, escaping), uploads, session glossary and ignore list."""
import html
import io
import json
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hyp

from mtcheck.terms.glossary import GlossaryEntry, load_glossary
from mtcheck.types import (Bead, Category, Document, Issue, MqmScore, QeScores, Report, Scores, Sentence, Severity,
                           Span)
from ui import facade, render, state, uploads
from ui.uploads import Article, Problem

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def doc(text: str, lang: str, *sentences: tuple[int, int]) -> Document:
    spans = sentences or ((0, len(text)),)
    return Document(text, lang, sentences=tuple(Sentence(s, e, text[s:e]) for s, e in spans))


def small_report() -> tuple[Report, Issue, Issue]:
    src = doc("计划很好。没有翻译。", "zh", (0, 5), (5, 10))
    tgt = doc("Le régime est bon.", "fr")
    drift = Issue("terms.drift", Category.TERMINOLOGY_INCONSISTENT, Severity.MAJOR,
                  "计划 is rendered 'plan' 5 times but 'régime' here", Span(0, 2), Span(3, 9), "plan")
    omission = Issue("align.omission", Category.ACCURACY_OMISSION, Severity.MINOR, "no translation", Span(5, 10), None)
    report = Report("sig", src, tgt, None, (Bead((0,), (0,)), Bead((1,), ())), (drift, omission),
                    Scores(MqmScore(6.0, 5, 0.0, False)))
    return report, drift, omission


def test_aligned_table_exact_html():
    report, drift, omission = small_report()
    html = render.aligned_table(report, [(1, drift), (2, omission)])
    title1 = ("#1 MAJOR · terminology/inconsistent · terms.drift\n"
              "计划 is rendered &#x27;plan&#x27; 5 times but &#x27;régime&#x27; here\nSuggestion: plan")
    title2 = "#2 MINOR · accuracy/omission · align.omission\nno translation"
    assert html == (
        '<table class="mt-table"><colgroup><col class="mt-n"><col><col></colgroup>'
        '<thead><tr><th class="mt-n">#</th><th>Source · zh</th><th>Translation · fr</th></tr></thead><tbody>'
        '<tr id="mt-bead-0" class="mt-row mt-flag-major"><td class="mt-n">1</td>'
        f'<td class="mt-src" lang="zh"><mark class="mt-major" title="{title1}">计划</mark><sup class="mt-ref"><a href="#mt-issue-1">1</a></sup>很好。</td>'
        f'<td class="mt-tgt" lang="fr">Le <mark class="mt-major" title="{title1}">régime</mark><sup class="mt-ref"><a href="#mt-issue-1">1</a></sup> est bon.</td></tr>'
        '<tr id="mt-bead-1" class="mt-row mt-flag-minor"><td class="mt-n">2</td>'
        f'<td class="mt-src" lang="zh"><mark class="mt-minor" title="{title2}">没有翻译。</mark><sup class="mt-ref"><a href="#mt-issue-2">2</a></sup></td>'
        '<td class="mt-empty" lang="fr"></td></tr>'
        '</tbody></table>'
    )


def test_right_to_left_text_gets_its_direction():
    """An Arabic translation: its cells and its quotes are dir="rtl"; the English source's are not; the
    suggestion is isolated from the English sentence around it."""
    src = doc("Prices rose on Wednesday.", "en")
    tgt = doc("ارتفعت الأسعار يوم الثلاثاء.", "ar-EG")
    day = Issue("numbers.weekday", Category.ACCURACY_NUMBER, Severity.MAJOR, "Source names Wednesday",
                Span(15, 24), Span(15, 27), "الأربعاء")
    report = Report("sig", src, tgt, None, (Bead((0,), (0,)),), (day,), Scores(MqmScore(5.0, 4, 0.0, False)))
    table = render.aligned_table(report, [(1, day)])
    assert '<td class="mt-src" lang="en">' in table
    assert '<td class="mt-tgt" lang="ar-EG" dir="rtl">ارتفعت الأسعار <mark class="mt-major"' in table
    card = render.issue_card(1, day, report)
    assert '<mark class="mt-major" dir="rtl">يوم الثلاثاء</mark>' in card
    assert '<mark class="mt-major">Wednesday</mark>' in card
    assert "Suggestion: <strong><bdi>الأربعاء</bdi></strong>" in card


def test_only_flagged_rows_and_filtered_issues():
    report, drift, omission = small_report()
    html = render.aligned_table(report, [(1, drift)], only_flagged=True)
    assert 'id="mt-bead-0"' in html and 'id="mt-bead-1"' not in html
    assert "<mark" in html and "mt-minor" not in html
    empty = render.aligned_table(report, [], only_flagged=True)
    assert "No sentence has an issue" in empty and "<mark" not in empty


def test_overlapping_issues_take_the_worst_severity_and_both_titles():
    src, tgt = doc("计划", "zh"), doc("un plan inclusif", "fr")
    major = Issue("terms.glossary", Category.TERMINOLOGY_GLOSSARY, Severity.MAJOR, "forbidden", None, Span(3, 16))
    minor = Issue("casing.lost", Category.FLUENCY_CAPITALIZATION, Severity.MINOR, "lower case", None, Span(0, 7))
    html = render.mark_text(tgt.text, 0, [(0, 7, 1, minor), (3, 16, 2, major)])
    assert html == (
        '<mark class="mt-minor" title="#1 MINOR · fluency/capitalization · casing.lost\nlower case">un </mark>'
        '<mark class="mt-major" title="#1 MINOR · fluency/capitalization · casing.lost\nlower case\n\n'
        '#2 MAJOR · terminology/glossary · terms.glossary\nforbidden">plan</mark><sup class="mt-ref"><a href="#mt-issue-1">1</a></sup>'
        '<mark class="mt-major" title="#2 MAJOR · terminology/glossary · terms.glossary\nforbidden"> inclusif</mark>'
        '<sup class="mt-ref"><a href="#mt-issue-2">2</a></sup>'
    )


@pytest.mark.parametrize("payload", [XSS_SCRIPT, XSS_IMG, '" onmouseover="alert(1)', "'><svg onload=alert(1)>"])
def test_user_strings_are_escaped_everywhere(payload):
    src = doc(f"联合国{payload}大会", "zh")
    tgt = doc(f"L'Assemblée {payload} générale", "fr")
    flagged = Span(12, 12 + len(payload))
    issue = Issue("noise.debris", Category.OTHER_NOISE, Severity.MAJOR, f"debris {payload}", Span(3, 3 + len(payload)),
                  flagged, f"remove {payload}")
    report = Report(f"sig {payload}", src, tgt, None, (Bead((0,), (0,)),), (issue,), Scores(MqmScore(5, 3, 0, False)))
    pieces = [
        render.aligned_table(report, [(1, issue)]),
        render.issue_card(1, issue, report),
        render.score_banner(report, 90.0, 1),
        render.occurrences_table(report, [(0, [(3, 3 + len(payload))], [(flagged.start, flagged.end)])]),
    ]
    for html in pieces:
        assert payload not in html
        assert "<script" not in html and "<img" not in html and "<svg" not in html
    table = pieces[0]
    assert render.esc(payload) in table  # shown as text
    # An attribute value never ends early: every quote inside a title is escaped.
    assert 'title="#1 MAJOR' in table and '" onmouseover="' not in table


def test_language_codes_and_file_names_are_escaped():
    src = Document("计划", '"><script>', sentences=(Sentence(0, 2, "计划"),))
    tgt = Document("plan", "fr", path="<b>x</b>.txt", sentences=(Sentence(0, 4, "plan"),))
    report = Report("s", src, tgt, None, (Bead((0,), (0,)),), (), Scores(MqmScore(0, 1, 100, True)))
    for html in (render.aligned_table(report, []), render.score_banner(report, 90.0)):
        assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html


def test_score_banner_shows_score_verdict_and_counts():
    report, _, _ = small_report()
    html = render.score_banner(report, 90.0, hidden=2)
    assert '<span class="mt-score-num">0.0</span>' in html
    assert '<div class="mt-verdict mt-verdict-fail">FAIL</div>' in html
    assert '<span class="mt-chip mt-major">1 major</span><span class="mt-chip mt-minor">1 minor</span>' in html
    assert "2 ignored issues not counted" in html


def test_qe_scores_show_under_each_bead_number_and_in_the_banner():
    from dataclasses import replace

    report, drift, omission = small_report()
    qe = QeScores(model=f"models/{XSS_SCRIPT}@unpinned", beads=(0.8125, None), mean=0.8125, min=0.8125)
    report = replace(report, scores=replace(report.scores, qe=qe))
    html = render.aligned_table(report, [(1, drift), (2, omission)])
    model = "models/&lt;script&gt;alert(1)&lt;/script&gt;@unpinned"
    assert (f'<td class="mt-n">1<div class="mt-qe" title="QE score ({model})">0.81</div></td>') in html
    assert '<td class="mt-n">2</td>' in html  # an omission has no QE score
    banner = render.score_banner(report, 90.0)
    assert (f'<div class="mt-metrics" title="{model}">quality estimate: mean <b>0.81</b> · lowest <b>0.81</b></div>'
            in banner)
    assert XSS_SCRIPT not in html + banner


def test_config_for_passes_the_models_of_the_sidebar():
    cfg = facade.config_for((), "zh", "fr", model="  /models/labse ", qe_model="")
    assert (cfg.model, cfg.qe_model, cfg.src_lang, cfg.tgt_lang) == ("/models/labse", None, "zh", "fr")
    assert facade.config_for().model is None


def test_markdown_labels_are_inert():
    assert render.md("[x](http://evil) ![i](http://e/i.png) $x$ :red[y] <b>") == (
        r"\[x\]\(http\:\/\/evil\) \!\[i\]\(http\:\/\/e\/i\.png\) \$x\$ \:red\[y\] \<b\>")


# ---------------------------------------------------------------- uploads

def zip_of(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_pairs_by_role_words_folders_and_language_codes():
    entries = uploads.read_batch([
        ("a.src.txt", "计划".encode()), ("a.mt.txt", b"plan"),
        ("pack.zip", zip_of({"art1/source.zh.txt": "来源".encode(), "art1/mt.fr.txt": b"source",
                             "art1/ref.fr.txt": b"ref", "__MACOSX/art1/._mt.fr.txt": b"junk"})),
        ("b.zh.txt", "乙".encode()), ("b.fr.txt", b"b"),
    ], src_lang="zh")
    arts = {e.id: e for e in entries if isinstance(e, Article)}
    assert [e for e in entries if isinstance(e, Problem)] == []
    assert set(arts) == {"a", "art1", "b"}
    assert arts["art1"].source_name == "pack.zip:art1/source.zh.txt" and arts["art1"].reference == b"ref"
    assert (arts["art1"].src_lang, arts["art1"].tgt_lang) == ("zh", "fr")
    assert arts["b"].source == "乙".encode() and arts["b"].target == b"b"


def test_unpaired_and_unknown_files_are_problems_that_name_them():
    entries = uploads.read_batch([("lonely.src.txt", b"x"), ("what.txt", b"y"), ("image.png", b"\x89PNG")])
    problems = {e.name: e.message for e in entries if isinstance(e, Problem)}
    assert "no translation file" in problems["lonely.src.txt"]
    assert "cannot tell whether" in problems["what.txt"]
    assert "not a text file" in problems["image.png"]


def test_zip_names_are_labels_never_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = zip_of({"../../evil.src.txt": b"x", "/evil.mt.txt": b"y"})
    entries = uploads.read_batch([("z.zip", data)])
    assert list(tmp_path.iterdir()) == []  # nothing written anywhere
    arts = [e for e in entries if isinstance(e, Article)]
    assert len(arts) == 1 and arts[0].source_name == "z.zip:evil.src.txt" and arts[0].target_name == "z.zip:evil.mt.txt"


def test_zip_size_caps_hold_even_when_headers_lie(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1000)
    big = zip_of({"a.src.txt": b"x" * 5000, "a.mt.txt": b"y"})
    entries = uploads.read_batch([("z.zip", big)])
    assert any(isinstance(e, Problem) and "too large" in e.message for e in entries)
    assert not any(isinstance(e, Article) for e in entries)
    bad = uploads.read_batch([("broken.zip", b"PK\x03\x04 not really")])
    assert isinstance(bad[0], Problem) and "zip" in bad[0].message


def test_jsonl_manifest_with_inline_texts_and_bad_lines():
    manifest = "\n".join([
        json.dumps({"id": "one", "source": "计划", "target": "plan", "src_lang": "zh", "tgt_lang": "fr"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "two", "source": "x"}),
        "",
    ]).encode()
    entries = uploads.read_batch([("m.jsonl", manifest)])
    assert isinstance(entries[0], Article) and entries[0].id == "one" and entries[0].source == "计划".encode()
    assert (entries[0].src_lang, entries[0].tgt_lang) == ("zh", "fr")
    assert isinstance(entries[1], Problem) and entries[1].name == "m.jsonl line 2"
    assert isinstance(entries[2], Problem) and "target" in entries[2].message


# ---------------------------------------------------------------- session glossary and ignore list

def test_glossary_rows_round_trip_and_validation():
    entries = (GlossaryEntry("普惠计划", ("plan inclusif",), ("régime de prestations universelles",), "note"),)
    rows = state.rows_from_entries(entries)
    assert state.entries_from_rows(rows) == (entries, [])
    rows.append({"source": "", "target": "x", "forbidden": "", "note": ""})
    rows.append({"source": "术语", "target": "", "forbidden": "", "note": ""})
    rows.append({"source": "", "target": "", "forbidden": "", "note": ""})
    got, problems = state.entries_from_rows(rows)
    assert got == entries and len(problems) == 2


def test_choose_rendering_records_an_entry_with_the_others_forbidden():
    rows = state.choose_rendering([], "普惠计划", "plan inclusif", ["plan d'avantages universels", "régime"], "chosen")
    assert rows == [{"source": "普惠计划", "target": "plan inclusif",
                     "forbidden": "plan d'avantages universels|régime", "note": "chosen"}]
    again = state.choose_rendering(rows, "普惠计划", "régime", ["plan inclusif"], "changed my mind")
    assert again[0]["target"] == "régime" and again[0]["forbidden"] == "plan d'avantages universels|plan inclusif"


def test_editor_changes_apply_to_rows():
    rows = [{"source": "a", "target": "x", "forbidden": "", "note": ""},
            {"source": "b", "target": "y", "forbidden": "", "note": ""}]
    out = state.apply_editor_changes(rows, {"edited_rows": {0: {"target": "z"}}, "deleted_rows": [1],
                                            "added_rows": [{"source": "c", "target": "w"}]})
    assert out == [{"source": "a", "target": "z", "forbidden": "", "note": ""},
                   {"source": "c", "target": "w", "forbidden": "", "note": ""}]


def test_ignore_list_json_round_trip():
    fps = [("terms.drift", "régime de prestations universelles"), ("casing.lost", "le")]
    assert state.suppressions_from_json(state.suppressions_to_json(fps).encode()) == fps
    with pytest.raises(ValueError):
        state.suppressions_from_json(b'{"ignored": [{"check": 1}]}')


def test_glossary_csv_and_tbx_export_import_round_trip(tmp_path):
    entries = (GlossaryEntry("普惠计划", ("plan inclusif", "plan"), ("régime",), "keep it"),
               GlossaryEntry("全球南方", ("Sud global",)))
    csv_text = facade.glossary_to_csv(entries)
    assert facade.parse_glossary_upload(csv_text.encode(), "g.csv") == entries
    tbx = facade.glossary_to_tbx(entries, "zh", "fr")
    back = facade.parse_glossary_upload(tbx, "g.tbx")
    assert [(e.source, e.targets) for e in back] == [(e.source, e.targets) for e in entries]
    path = tmp_path / "g.csv"
    path.write_text(csv_text, encoding="utf-8")
    assert load_glossary(str(path)) == entries


def test_tbx_with_entities_is_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&b;</term></tig></langSet>'
            b'</termEntry></body></text></martif>')
    with pytest.raises(facade.MtcheckError, match="g.tbx"):
        facade.parse_glossary_upload(bomb, "g.tbx")


def test_suppressions_hide_issues_and_rescore():
    report, drift, omission = small_report()
    shown, hidden = facade.apply_suppressions(report, [("terms.drift", "régime")])
    assert hidden == 1 and shown.issues == (omission,)
    assert shown.scores.mqm.penalty == 1.0
    same, none = facade.apply_suppressions(report, [])
    assert same is report and none == 0


# ---------------------------------------------------------------- invariants

_PIECES = ["a", "b", " ", "<", ">", "&", '"', "'", "/", "=", "计划", "\n", "<script>", "&amp;", "<img src=x>"]
_OUR_TAG_RE = re.compile(r'<sup class="mt-ref">.*?</sup>|<[^>]*>')


@settings(max_examples=200, deadline=None)
@given(text=hyp.lists(hyp.sampled_from(_PIECES), max_size=15).map("".join),
       cuts=hyp.lists(hyp.tuples(hyp.integers(0, 60), hyp.integers(0, 60)), max_size=4),
       base=hyp.integers(0, 5))
def test_marked_text_shows_exactly_the_text_and_no_markup_of_its_own(text, cuts, base):
    issue = Issue("x.y", Category.OTHER_NOISE, Severity.MINOR, "m <b>")
    spans = [(base + min(a, b), base + max(a, b), n + 1, issue) for n, (a, b) in enumerate(cuts)]
    out = render.mark_text(text, base, spans)
    # Without our own tags (and the issue numbers), the HTML, unescaped, is the text itself...
    assert html.unescape(_OUR_TAG_RE.sub("", out)) == text
    # ...and every tag in it is one of ours.
    assert all(re.match(r"</?(mark|sup|a)\b", tag) for tag in re.findall(r"<[^>]*>", out))
