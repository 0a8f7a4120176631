"""Table-driven tests of untranslated.sentence."""
from __future__ import annotations

from typing import Optional

import pytest

from mtcheck.checks import REGISTRY, CheckContext, run_checks
from mtcheck.config import Config
from mtcheck.segment import split_sentences
from mtcheck.types import Bead, Category, Document, Issue, Severity

FAMILY = ("noise.debris", "untranslated.sentence", "casing.lost", "punctuation.stray_break")


def make_doc(text: str, lang: str) -> Document:
    return Document(text=text, lang=lang, sentences=split_sentences(text, lang))


def run_family(
    src: str, src_lang: str, tgt: str, tgt_lang: str, alignment: Optional[tuple[Bead, ...]] = None
) -> tuple[list[Issue], Document, Document]:
    source, target = make_doc(src, src_lang), make_doc(tgt, tgt_lang)
    if alignment is None:
        n, m = len(source.sentences), len(target.sentences)
        k = min(n, m)
        beads = [Bead((i,), (i,)) for i in range(k - 1)]
        if k:
            beads.append(Bead(tuple(range(k - 1, n)), tuple(range(k - 1, m))))
        alignment = tuple(beads)
    issues, errors = run_checks(CheckContext(source, target, alignment, Config()), only=FAMILY)
    assert errors == []
    return issues, source, target


def flagged(issues: list[Issue], target: Document) -> list[tuple[str, str]]:
    return sorted((i.check, target.text[i.target_span.start : i.target_span.end]) for i in issues if i.target_span)


# (id, source, source lang, target, target lang, alignment, expected (check, flagged substring) pairs)
CASES = [
    (
        "en-fr English sentence left in a French target",
        "The plan was announced on Monday. It aims to close the intelligence gap between countries.",
        "en",
        "Le plan a été annoncé lundi. It aims to close the intelligence gap between countries.",
        "fr",
        None,
        [("untranslated.sentence", "It aims to close the intelligence gap between countries.")],
    ),
    (
        "zh-fr Chinese sentence left in a French target (script evidence)",
        "中方提出了普惠计划。我们愿同国际社会一道，切实推进普惠计划落实。",
        "zh",
        "La Chine a proposé le plan inclusif. 我们愿同国际社会一道，切实推进普惠计划落实。",
        "fr",
        None,
        [("untranslated.sentence", "我们愿同国际社会一道，切实推进普惠计划落实。")],
    ),
    (
        "zh-fr Chinese passage inside a French sentence: the run is flagged",
        "中方提出了普惠计划。林剑表示，今年以来中方推动联合国大会通过了决议。",
        "zh",
        "La Chine a proposé le plan inclusif. Lin Jian a déclaré que 中方推动联合国大会通过了决议 cette année.",
        "fr",
        None,
        [("untranslated.sentence", "中方推动联合国大会通过了决议")],
    ),
    (
        "de-en German sentence left in an English target",
        "Die Regierung hat am Montag einen neuen Plan vorgestellt. Er soll die Lücke zwischen den Ländern schließen.",
        "de",
        "The government presented a new plan on Monday. Er soll die Lücke zwischen den Ländern schließen.",
        "en",
        None,
        [("untranslated.sentence", "Er soll die Lücke zwischen den Ländern schließen.")],
    ),
    (
        "ru-en Cyrillic sentence in an English target",
        "Путин встретился с Си Цзиньпином. Они обсудили торговлю между двумя странами.",
        "ru",
        "Putin met Xi Jinping. Они обсудили торговлю между двумя странами.",
        "en",
        None,
        [("untranslated.sentence", "Они обсудили торговлю между двумя странами.")],
    ),
    (
        "en-zh English sentence in a Chinese target",
        "The talks went well. The delegation visited the Great Hall of the People in Beijing.",
        "en",
        "会谈进展顺利。The delegation visited the Great Hall of the People in Beijing.",
        "zh",
        None,
        [("untranslated.sentence", "The delegation visited the Great Hall of the People in Beijing.")],
    ),
    (
        "en-fr Spanish sentence: another wrong language",
        "The president spoke to reporters. He said the economy was growing quickly this year.",
        "en",
        "Le président a parlé aux journalistes. Dijo que la economía está creciendo rápidamente este año.",
        "fr",
        None,
        [("untranslated.sentence", "Dijo que la economía está creciendo rápidamente este año.")],
    ),
    (
        "zh-ja Chinese sentence in a Japanese target (same Han script, no kana)",
        "东京举行了会议。首相发表了讲话，强调了加强国际合作的重要性和紧迫性。",
        "zh",
        "東京で会議が開かれた。首相发表了讲话，强调了加强国际合作的重要性和紧迫性。",
        "ja",
        None,
        [("untranslated.sentence", "首相发表了讲话，强调了加强国际合作的重要性和紧迫性。")],
    ),
    # true negatives
    (
        "en-zh correct Chinese translation",
        "The talks went well. Both sides agreed to strengthen cooperation in many fields.",
        "en",
        "会谈进展顺利。双方同意在多个领域加强合作。",
        "zh",
        None,
        [],
    ),
    (
        "en-fr byline of names",
        "By John Smith and Jane Doe\n\nThe minister spoke to reporters on Monday.",
        "en",
        "Par John Smith et Jane Doe\n\nLe ministre a parlé aux journalistes lundi.",
        "fr",
        None,
        [],
    ),
    (
        "zh-fr byline of names in pinyin",
        "澎湃新闻记者 陈沁涵 朱政勇",
        "zh",
        "Les journalistes de The Paper Chen Qinhan et Zhu Zhengyong",
        "fr",
        None,
        [],
    ),
    (
        "zh-fr date lines identical in both languages",
        "2024-09-26\n\n2024年9月26日",
        "zh",
        "2024-09-26\n\n2024年9月26日",
        "fr",
        None,
        [],
    ),
    (
        "zh-fr name in its original script in brackets",
        "林剑主持例行记者会。",
        "zh",
        "Lin Jian (林剑) a tenu une conférence de presse régulière au ministère.",
        "fr",
        None,
        [],
    ),
    (
        "en-fr short quoted English phrase",
        "The minister said: no comment.",
        "en",
        "Le ministre a répondu « no comment ».",
        "fr",
        None,
        [],
    ),
    (
        "zh-fr URL and site name",
        "更多资讯请访问www.thepaper.cn",
        "zh",
        "Pour plus d'informations, consultez www.thepaper.cn/newsDetail_forward_28845.",
        "fr",
        None,
        [],
    ),
    (
        "zh-fr lower-cased French is still French",
        "林剑表示，今年以来，中方推动联合国大会通过了决议。我们愿同国际社会一道推进落实。",
        "zh",
        "lin jian a déclaré que depuis cette année, la chine avait poussé l'assemblée générale à adopter une "
        "résolution. nous sommes disposés à travailler avec la communauté internationale.",
        "fr",
        None,
        [("casing.lost", "lin"), ("casing.lost", "nous")],
    ),
    (
        "en-de correct German translation",
        "The government presented a new plan in Berlin on Monday. It aims to reduce emissions.",
        "en",
        "Die Regierung hat am Montag in Berlin einen neuen Plan vorgestellt. Er soll die Emissionen senken.",
        "de",
        None,
        [],
    ),
]


@pytest.mark.parametrize(
    "src, src_lang, tgt, tgt_lang, alignment, expected",
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_untranslated_sentence(src, src_lang, tgt, tgt_lang, alignment, expected):
    issues, source, target = run_family(src, src_lang, tgt, tgt_lang, alignment)
    assert flagged(issues, target) == sorted(expected)
    for issue in issues:
        if issue.check == "untranslated.sentence":
            assert issue.category is Category.ACCURACY_UNTRANSLATED
            assert issue.severity is Severity.MAJOR
            # the aligned source sentence is pointed at
            assert issue.source_span is not None
            assert source.text[issue.source_span.start : issue.source_span.end] == source.sentences[1].text


def test_mostly_untranslated_document_is_critical():
    src = (
        "The plan was announced on Monday. It aims to close the intelligence gap between countries. "
        "Ten training projects will be organised for developing countries by the end of 2025."
    )
    tgt = (
        "Le plan a été annoncé lundi. It aims to close the intelligence gap between countries. "
        "Ten training projects will be organised for developing countries by the end of 2025."
    )
    issues, _, target = run_family(src, "en", tgt, "fr")
    found = [i for i in issues if i.check == "untranslated.sentence"]
    assert [target.text[i.target_span.start : i.target_span.end] for i in found] == [
        "It aims to close the intelligence gap between countries.",
        "Ten training projects will be organised for developing countries by the end of 2025.",
    ]
    assert {i.severity for i in found} == {Severity.CRITICAL}
    assert "2 of 3 sentences" in found[0].message


def test_unaligned_sentence_has_no_source_span():
    src = "The plan was announced on Monday."
    tgt = "Le plan a été annoncé lundi. The ministry declined to comment further on the matter."
    issues, _, target = run_family(src, "en", tgt, "fr", (Bead((0,), (0,)), Bead((), (1,))))
    found = [i for i in issues if i.check == "untranslated.sentence"]
    assert len(found) == 1 and found[0].source_span is None
    assert "left in the source language (en)" in found[0].message


def test_registered_with_a_titled_docstring():
    info = REGISTRY["untranslated.sentence"]
    assert info.order == 30 and info.category is Category.ACCURACY_UNTRANSLATED
    assert info.title == "Target sentence left in the source language or in another wrong language."
    assert "False positives" in info.doc
