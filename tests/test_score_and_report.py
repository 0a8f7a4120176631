"""MQM score arithmetic, report invariants (hypothesis) and the light import."""
import csv
import io
import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings, strategies as st

from mtcheck.api import check_texts, make_document
from mtcheck.config import Config
from mtcheck.io.report import report_to_dict, to_csv, to_json
from mtcheck.io.report_html import to_html
from mtcheck.score import mqm_score
from mtcheck.types import Category, Issue, Severity, Span

from .contract import validate_report


def _issue(sev, cat=Category.ACCURACY_NUMBER):
    return Issue("x", cat, sev, "m", target_span=Span(0, 1))


def test_mqm_weights_and_formula():
    src = make_document("The minister met twenty reporters in Paris on Monday morning.", path=None, lang="en",
                        encoding=None)
    assert mqm_score([], src, Config()).score == 100.0
    issues = [_issue(Severity.MAJOR), _issue(Severity.MINOR), _issue(Severity.MINOR, Category.FLUENCY_PUNCTUATION),
              _issue(Severity.INFO)]
    m = mqm_score(issues, src, Config())
    assert (m.penalty, m.words) == (6.1, 10)
    assert m.score == 39.0 and m.passed is False
    crit = mqm_score([_issue(Severity.CRITICAL)], src, Config())
    assert crit.score == 0.0 and crit.penalty == 25.0
    custom = Config(weights=(("critical", 10.0), ("info", 0.0), ("major", 2.0), ("minor", 0.5)), mqm_threshold=50)
    m2 = mqm_score([_issue(Severity.MAJOR)], src, custom)
    assert m2.score == 80.0 and m2.passed is True


def test_chinese_words_are_jieba_tokens():
    src = make_document("外交部发言人林剑主持例行记者会。", path=None, lang="zh", encoding=None)
    assert mqm_score([], src, Config()).words == 6


def test_import_mtcheck_stays_light():
    code = ("import sys, mtcheck, mtcheck.api, mtcheck.cli;"
            "heavy = [m for m in ('torch', 'transformers', 'streamlit') if m in sys.modules];"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


SENTENCES_EN = ["The minister met reporters on Monday.", "Prices rose by 4.5% in March.", "Read more",
                "He said the plan would cost $3 million.", "Talks will resume in Geneva next week?"]
SENTENCES_FR = ["Le ministre a rencontré la presse lundi.", "Les prix ont augmenté de 4,5 % en mars.",
                "accueil | monde", "il a dit que le plan coûterait 3 millions de dollars.",
                "Les pourparlers reprendront à Genève la semaine prochaine ?", "<b>Partager</b>"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCES_EN), min_size=1, max_size=6),
       st.lists(st.sampled_from(SENTENCES_FR), min_size=1, max_size=6),
       st.sampled_from([" ", "\n", "\n\n"]))
def test_reports_keep_their_invariants(src_sents, tgt_sents, sep):
    src, tgt = sep.join(src_sents), sep.join(tgt_sents)
    report = check_texts(src, tgt, src_lang="en", tgt_lang="fr")
    data = report_to_dict(report)
    validate_report(data, src, tgt)
    assert json.loads(to_json(report)) == data
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert len(rows) == len(report.issues) + 1 and all(len(r) == 12 for r in rows)
    page = to_html(report)
    assert "<b>" not in page


def test_html_report_writes_right_to_left_text_right_to_left():
    """An Arabic translation's sentences are in a dir="rtl" block (its issue list after it stays left to right);
    the English source's cells carry no direction; the Arabic suggestion is isolated in the English line."""
    report = check_texts("Prices rose on Wednesday.", "ارتفعت الأسعار يوم الثلاثاء.", src_lang="en", tgt_lang="ar")
    page = to_html(report)
    assert [i.check for i in report.issues] == ["numbers.weekday"]
    assert '<td lang="ar"><div dir="rtl">ارتفعت الأسعار يوم <mark class="major"' in page
    assert '<td lang="en">Prices rose on <mark' in page
    assert "Suggestion: <q><bdi>الأربعاء</bdi></q>" in page


def test_counts_are_singular_or_plural():
    from mtcheck.io.report import counted

    assert [counted(n, "issue") for n in (0, 1, 2)] == ["0 issues", "1 issue", "2 issues"]
