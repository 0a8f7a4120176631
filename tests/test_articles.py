"""Whole news articles, end to end (``api.check_texts``, default configuration, no model).

Four articles written for these tests in English (``en.txt``, a Reuters-style economy brief: a rate
decision, inflation 4.3%, about 25,000 protesters, 3.5 billion euros, a summit on April 15, 2024, more than
300 homes, days of the week; ``en2.txt``, an AP-style brief: $4.5 billion, a vote of 68 to 31, the 79th
bill, 3:30 p.m. (1930 GMT), the 1990s, a 2-1 score, £45, 74,000 seats, 10 km; ``en3.txt``, a politics brief:
names, quotations, the BBC, a URL and a handle, the UNHCR, 41%, January 22; ``en4.txt``, a company brief:
4.3 trillion yen, 35 °C, a third, between 5 and 7 billion euros, noon, the next decade, the fourth year),
each translated by hand,
correctly, into other languages (``tests/fixtures/articles``). A correct translation, in either direction
and between two of its translations, gives no issue at all; a copy with errors put in (``*_bad.txt``: a
wrong magnitude, number, date, time, day, unit or qualifier) gives exactly those errors.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.api import check_texts

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def _check(src: str, sl: str, tgt: str, tl: str):  # type: ignore[no-untyped-def]
    return check_texts((ARTICLES / f"{src}.txt").read_text(encoding="utf-8"),
                       (ARTICLES / f"{tgt}.txt").read_text(encoding="utf-8"), src_lang=sl, tgt_lang=tl)


CORRECT = [
    *[("en", "en", lang, lang) for lang in
      "fr de es it pt nl pl ru zh ja ko sv tr el ar he hi fa id vi".split()],
    *[("en2", "en", f"{lang}2", lang) for lang in "fr de es zh ja ko ru".split()],
    *[("en3", "en", f"{lang}3", lang) for lang in "fr de es zh ru".split()],
    *[(f"{lang}3", lang, "en3", "en") for lang in "fr de es zh ru".split()],
    *[("en4", "en", f"{lang}4", lang) for lang in "fr de es zh ja".split()],
    *[(f"{lang}4", lang, "en4", "en") for lang in "fr de es zh ja".split()],
    *[(lang, lang, "en", "en") for lang in "zh ja ko ar he de".split()],
    # between two translations: Arabic and Persian, Hindi and Persian (their digits), Spanish and Portuguese
    # (« de abril de » is both). (Korean to Japanese is not here: the aligner leaves the short second
    # sentence of the Japanese first line, 今年3回目の利上げとなる。, alone, an addition: the documented limit of
    # ``align.addition``.)
    ("ar", "ar", "fa", "fa"), ("fa", "fa", "ar", "ar"), ("hi", "hi", "fa", "fa"), ("fa", "fa", "hi", "hi"),
    ("es", "es", "pt", "pt"), ("zh", "zh", "ja", "ja"), ("de2", "de", "fr2", "fr"),
]


@pytest.mark.parametrize("src, sl, tgt, tl", CORRECT, ids=[f"{c[1]}:{c[0]}->{c[3]}:{c[2]}" for c in CORRECT])
def test_a_correct_translation_gives_no_issue(src, sl, tgt, tl):
    report = _check(src, sl, tgt, tl)
    assert [(i.check, i.message) for i in report.issues] == []


def _found(report) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(check, severity, the flagged target text, or "src:" and the source text where the target has none)."""
    return sorted((i.check, i.severity.value, report.target.text[i.target_span.start:i.target_span.end]
                   if i.target_span else "src:" + report.source.text[i.source_span.start:i.source_span.end])
                  for i in report.issues)


BAD = [
    ("en", "it_bad", "it", [("numbers.mismatch", "major", "15 maggio 2024"), ("numbers.mismatch", "major", "3,5 milioni di euro"),
                            ("numbers.mismatch", "major", "52.000"), ("numbers.mismatch", "minor", "1,2%"),
                            ("numbers.mismatch", "minor", "300"), ("numbers.weekday", "major", "martedì")]),
    ("en", "es_bad", "es", [("numbers.mismatch", "major", "15 de mayo de 2024"),
                            ("numbers.mismatch", "major", "3,5 millones de euros"), ("numbers.mismatch", "major", "52.000"),
                            ("numbers.mismatch", "minor", "1,2 %"), ("numbers.mismatch", "minor", "300"),
                            ("numbers.weekday", "major", "martes")]),
    ("en", "ja_bad", "ja", [("numbers.mismatch", "major", "2024年5月15日"), ("numbers.mismatch", "major", "35万ユーロ"),
                            ("numbers.mismatch", "major", "5万2000"), ("numbers.mismatch", "minor", "1.2%"),
                            ("numbers.mismatch", "minor", "300"), ("numbers.weekday", "major", "火曜日")]),
    ("en", "ko_bad", "ko", [("numbers.mismatch", "major", "2024년 5월 15일"), ("numbers.mismatch", "major", "35만 유로"),
                            ("numbers.mismatch", "major", "5만 2천"), ("numbers.mismatch", "minor", "1.2%"),
                            ("numbers.mismatch", "minor", "300"), ("numbers.weekday", "major", "화요일")]),
    ("en2", "ja2_bad", "ja", [("numbers.mismatch", "major", "10"), ("numbers.mismatch", "major", "13"),
                              ("numbers.mismatch", "major", "1980年代"), ("numbers.mismatch", "major", "210"),
                              ("numbers.mismatch", "major", "45万ドル"), ("numbers.mismatch", "major", "4万7000"),
                              ("numbers.mismatch", "major", "4時30分"), ("numbers.mismatch", "major", "54"),
                              ("numbers.mismatch", "major", "97")]),
    ("en2", "ko2_bad", "ko", [("numbers.mismatch", "major", "10"), ("numbers.mismatch", "major", "13"),
                              ("numbers.mismatch", "major", "1980년"), ("numbers.mismatch", "major", "210"),
                              ("numbers.mismatch", "major", "45만 달러"), ("numbers.mismatch", "major", "4만 7천"),
                              ("numbers.mismatch", "major", "4시 30분"), ("numbers.mismatch", "major", "54"),
                              ("numbers.mismatch", "major", "97")]),
    ("en2", "de2_bad", "de", [("numbers.mismatch", "major", "10"), ("numbers.mismatch", "major", "13"),
                              ("numbers.mismatch", "major", "16.30 Uhr"), ("numbers.mismatch", "major", "1980er"),
                              ("numbers.mismatch", "major", "210"), ("numbers.mismatch", "major", "4,5 Millionen Dollar"),
                              ("numbers.mismatch", "major", "47.000"), ("numbers.mismatch", "major", "54 Pfund"),
                              ("numbers.mismatch", "major", "97.")]),
    # a URL changed, a handle and an acronym dropped, a name misspelt and one in lower case, a quotation mark
    # left alone, a wrong percentage and date
    ("en3", "fr3_bad", "fr", [("casing.lost", "minor", "badenoch"), ("entities.acronym", "minor", "src:BBC"),
                              ("entities.handle", "minor", "src:@10DowningStreet"), ("entities.name", "minor", "Stramer"),
                              ("entities.url", "major", "www.gov.uk/speech"), ("numbers.mismatch", "major", "12 janvier"),
                              ("numbers.mismatch", "major", "14 %"), ("punctuation.pairs", "minor", "«")]),
    # a wrong percentage, magnitude (Billionen / Milliarden: 10¹² / 10⁹), range end, age and hour for "noon";
    # 5年連続 and „zum fünften Mal“ for "the fourth consecutive year" (two ordinals in words, each the only one
    # left on its side: compared since numbers.mismatch v12)
    ("en4", "de4_bad", "de", [("numbers.mismatch", "major", "14 Uhr"), ("numbers.mismatch", "major", "2,4 %"),
                              ("numbers.mismatch", "major", "2,6 Milliarden"), ("numbers.mismatch", "major", "4,3 Milliarden Yen"),
                              ("numbers.mismatch", "major", "78"), ("numbers.mismatch", "major", "9 Milliarden Euro"),
                              ("numbers.mismatch", "major", "fünften")]),
    ("en4", "ja4_bad", "ja", [("numbers.mismatch", "major", "2.4%"), ("numbers.mismatch", "major", "260億"),
                              ("numbers.mismatch", "major", "2時"), ("numbers.mismatch", "major", "4300億円"),
                              ("numbers.mismatch", "major", "5年"), ("numbers.mismatch", "major", "78年"),
                              ("numbers.mismatch", "major", "90億ユーロ")]),
    ("en3", "zh3_bad", "zh", [("entities.acronym", "minor", "src:BBC"), ("entities.handle", "minor", "src:@10DowningStreet"),
                              ("entities.url", "major", "www.gov.uk/speech"), ("numbers.mismatch", "major", "14%"),
                              ("numbers.mismatch", "major", "1月12日"), ("punctuation.pairs", "minor", "“")]),
]


@pytest.mark.parametrize("src, tgt, tl, expected", BAD, ids=[c[1] for c in BAD])
def test_injected_errors_are_each_found(src, tgt, tl, expected):
    assert _found(_check(src, "en", tgt, tl)) == sorted(expected)


def test_a_unit_changed_is_named_in_the_message():
    report = _check("en2", "en", "ko2_bad", "ko")
    assert [i.message for i in report.issues if "unit" in i.message] == [
        "Source has 10 km; the translation has 10 마일: the unit changed (metric to imperial), the number was not converted"]
