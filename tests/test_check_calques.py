"""terms.calque: the known literal mistranslations of calques.tsv, on sentences of Chinese news."""
from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.checks.calques import _DATA_FILE, calques_for, read_calques
from mtcheck.types import Severity

from .check_helpers import assert_table, run

CHECKS = ("terms.calque",)

CASES = [
    ("new crown", "美国新冠确诊病例已达417.6万。", "zh",
     "The number of confirmed new crown cases in the United States has reached 4.176 million.", "en",
     [("terms.calque", "major", "new crown")]),
    ("COVID-19", "美国新冠确诊病例已达417.6万。", "zh",
     "The number of confirmed COVID-19 cases in the United States has reached 4.176 million.", "en", []),
    ("crown virus", "新冠病毒仍在传播。", "zh", "The crown virus is still spreading.", "en",
     [("terms.calque", "major", "crown")]),
    ("new coronary pneumonia", "新冠肺炎疫情仍在蔓延。", "zh", "The new coronary pneumonia epidemic is still spreading.",
     "en", [("terms.calque", "major", "new coronary")]),
    ("a coronary disease beside 冠心病", "新冠患者中冠心病人风险更高。", "zh",
     "Among COVID-19 patients, those with coronary heart disease are at higher risk.", "en", []),
    ("新冠军 is a new champion", "他成为新冠军。", "zh", "He is the new crown holder.", "en", []),
    ("a crown prince beside 新冠", "英国王储查尔斯感染新冠。", "zh", "Britain's Crown Prince Charles has COVID-19.", "en", []),
    ("crown without 新冠 in the source", "女王戴上了王冠。", "zh", "The queen put on the crown.", "en", []),
    ("Huang Moumou", "黄某某被警方带走。", "zh", "Huang Moumou was taken away by the police.", "en",
     [("terms.calque", "major", "Huang Moumou")]),
    ("Huang Mou", "黄某某被警方带走。", "zh", "Police took Huang Mou away.", "en", [("terms.calque", "major", "Huang Mou")]),
    ("a man surnamed Huang", "黄某某被警方带走。", "zh", "A man surnamed Huang was taken away by the police.", "en", []),
    ("Huang XX", "黄某某被警方带走。", "zh", "Huang XX was taken away by the police.", "en", []),
    ("the real surname Mou", "牟某某被警方带走。", "zh", "Mou Moumou was taken away by the police.", "en", []),
    ("Huang Moumou in French", "黄某某被警方带走。", "zh", "Huang Moumou a été emmené par la police.", "fr",
     [("terms.calque", "major", "Huang Moumou")]),
    ("nouvelle couronne", "美国新冠确诊病例已达417.6万。", "zh",
     "Le nombre de cas de la nouvelle couronne aux États-Unis a atteint 4,176 millions.", "fr",
     [("terms.calque", "major", "nouvelle couronne")]),
    ("neue Krone", "美国新冠确诊病例已达417.6万。", "zh",
     "Die Zahl der Fälle der neuen Krone in den USA hat 4,176 Millionen erreicht.", "de",
     [("terms.calque", "major", "neuen Krone")]),
    ("Corona in German is no calque", "美国新冠确诊病例已达417.6万。", "zh",
     "Die Zahl der Corona-Fälle in den USA hat 4,176 Millionen erreicht.", "de", []),
    ("an English source says nothing", "The new crown jewels were shown.", "en",
     "Die neuen Kronjuwelen wurden gezeigt.", "de", []),
]


@pytest.mark.parametrize("case_id,src,sl,tgt,tl,expected", CASES, ids=[c[0] for c in CASES])
def test_calque_table(case_id, src, sl, tgt, tl, expected):
    assert_table(CHECKS, src, sl, tgt, tl, expected)


def test_issue_points_at_the_source_and_suggests():
    issues, source, target = run("黄某某被警方带走。美国新冠确诊病例增加。", "zh",
                                 "Huang Moumou was taken away by the police. New crown cases in the US rose.", "en", CHECKS)
    got = [(source.text[i.source_span.start:i.source_span.end], target.text[i.target_span.start:i.target_span.end],
            i.suggestion, i.category.value) for i in sorted(issues, key=lambda i: i.target_span.start)]
    assert got == [("黄某某", "Huang Moumou", "Huang", "terminology/glossary"),
                   ("新冠", "New crown", "COVID-19", "terminology/glossary")]
    assert [i.message for i in issues if i.suggestion == "COVID-19"] == [
        "'New crown' is a literal rendering of '新冠': 新冠 is COVID-19 (新型冠状病毒, the novel coronavirus): \"new crown\" "
        "is its characters read one by one."]


def test_shipped_file_reads_and_pairs():
    lines = read_calques(_DATA_FILE)
    assert [c.id for c in lines] == ["covid_crown", "covid_crown_fr", "covid_crown_de", "covid_coronary",
                                     "withheld_name"]
    assert all(c.severity is Severity.MAJOR and c.meaning for c in lines)
    assert [c.id for c in calques_for("zh", "en")] == ["covid_crown", "covid_coronary", "withheld_name"]
    assert [c.id for c in calques_for("zh", "ja")] == ["withheld_name"]
    assert calques_for("en", "de") == ()


def test_malformed_file_names_the_line(tmp_path: Path):
    bad = tmp_path / "c.tsv"
    bad.write_text("# comment\nid\tsrc\nx\tzh\ten\t新冠\t\t(unclosed\tS\tmajor\tm\te\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.tsv:3: missing \), unterminated subpattern"):
        read_calques(bad)
    bad.write_text("x\tzh\ten\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.tsv:1: 3 columns, expected 10"):
        read_calques(bad)


def test_the_withheld_name_is_quoted_not_another_mou():
    # 南京某大学 ("a university in Nanjing") holds 京某 before 黄某某: the message and the source span are 黄某某's
    issues, source, _ = run("南京某大学学生黄某某目前仍处于失联状态。", "zh",
                            "Huang Moumou, a student at a university in Nanjing, is still missing.", "en", ("terms.calque",))
    assert [(i.message.split(":")[0], source.text[i.source_span.start:i.source_span.end]) for i in issues] == [
        ("'Huang Moumou' is a literal rendering of '黄某某'", "黄某某")]
