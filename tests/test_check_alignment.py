"""align.omission and align.addition: exact issues on hand-built documents and alignments."""
from __future__ import annotations

from typing import Sequence

from mtcheck.align import align_documents
from mtcheck.checks import REGISTRY, CheckContext, run_checks
from mtcheck.config import Config
from mtcheck.types import Bead, Category, Document, Issue, Sentence, Severity

CHECKS = ("align.omission", "align.addition")


def doc(paragraphs: Sequence[Sequence[str]], lang: str) -> Document:
    """Sentences joined by a space, paragraphs by a blank line; spans consistent with the text."""
    text, sentences = "", []
    for p, paragraph in enumerate(paragraphs):
        for k, s in enumerate(paragraph):
            if text:
                text += "\n\n" if k == 0 else " "
            start = len(text)
            text += s
            sentences.append(Sentence(start, len(text), s, p, p * 2))
    return Document(text=text, lang=lang, sentences=tuple(sentences))


def run(source: Document, target: Document, beads: Sequence[Bead], notes: dict | None = None) -> list[Issue]:
    ctx = CheckContext(source, target, tuple(beads), Config(), notes=notes if notes is not None else {})
    issues, errors = run_checks(ctx, only=CHECKS)
    assert errors == []
    return issues


def one_to_one(n: int) -> list[Bead]:
    return [Bead((i,), (i,), 0.9) for i in range(n)]


def described(issues: list[Issue], source: Document, target: Document) -> list[tuple]:
    out = []
    for i in issues:
        s = source.text[i.source_span.start : i.source_span.end] if i.source_span else None
        t = target.text[i.target_span.start : i.target_span.end] if i.target_span else None
        out.append((i.check, i.category, i.severity, s, t))
    return sorted(out, key=repr)


EN = [
    "The city council approved the new tram line on Tuesday.",
    "Construction is due to start next spring.",
    "The project has been debated for more than ten years.",
    "The line will cost 450 million euros.",
    "It should open in 2028.",
]
FR = [
    "Le conseil municipal a approuvé mardi la nouvelle ligne de tramway.",
    "Les travaux doivent commencer au printemps prochain.",
    "Le projet est débattu depuis plus de dix ans.",
    "La ligne coûtera 450 millions d'euros.",
    "Elle devrait ouvrir en 2028.",
]


def test_faithful_translation_gives_no_issue():
    source, target = doc([EN], "en"), doc([FR], "fr")
    assert run(source, target, one_to_one(5)) == []


def test_null_source_bead_is_a_major_omission():
    source, target = doc([EN[:3], EN[3:]], "en"), doc([FR[:2], FR[3:]], "fr")
    beads = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (), 0.7), Bead((3,), (2,)), Bead((4,), (3,))]
    issues = run(source, target, beads)
    assert described(issues, source, target) == [
        ("align.omission", Category.ACCURACY_OMISSION, Severity.MAJOR,
         "The project has been debated for more than ten years.", None),
    ]
    assert issues[0].message == "Source sentence has no counterpart in the translation"
    assert issues[0].target_span is None and issues[0].confidence == 0.7


def test_null_target_bead_is_a_major_addition():
    extra = "Les riverains craignent le bruit et la hausse des loyers dans la vieille ville."
    source, target = doc([EN], "en"), doc([FR[:3] + [extra] + FR[3:]], "fr")
    beads = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,)), Bead((), (3,), 0.8),
             Bead((3,), (4,)), Bead((4,), (5,))]
    issues = run(source, target, beads)
    assert described(issues, source, target) == [
        ("align.addition", Category.ACCURACY_ADDITION, Severity.MAJOR, None, extra),
    ]
    assert issues[0].message == "Target sentence has no counterpart in the source"
    assert issues[0].source_span is None


def test_additions_marked_as_noise_are_skipped():
    menu = "Accueil | Monde | Économie | Sport | Culture"
    source, target = doc([EN], "en"), doc([[menu], FR], "fr")
    beads = [Bead((), (0,))] + [Bead((i,), (i + 1,)) for i in range(5)]
    assert run(source, target, beads, notes={"noise_target_sentences": {0}}) == []
    # Without the noise check's note the same line is an addition.
    issues = run(source, target, beads, notes={})
    assert described(issues, source, target) == [
        ("align.addition", Category.ACCURACY_ADDITION, Severity.MAJOR, None, menu),
    ]


def test_merged_bead_whose_translation_covers_one_source_is_a_minor_omission():
    en = EN[:2] + [
        "Residents of the old town have opposed the project for more than ten years, fearing noise, "
        "construction dust and higher rents.",
        "The line will cost 450 million euros.",
    ]
    fr = FR[:2] + ["La ligne coûtera 450 millions d'euros."]
    source, target = doc([en], "en"), doc([fr], "fr")
    beads = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2, 3), (2,))]
    issues = run(source, target, beads)
    assert described(issues, source, target) == [
        ("align.omission", Category.ACCURACY_OMISSION, Severity.MINOR, en[2],
         "La ligne coûtera 450 millions d'euros."),
    ]


def test_true_merge_is_not_reported():
    en = ["The government presented its budget on Wednesday.", "It forecasts a deficit of 4.4% of GDP.",
          "Savings mainly concern health spending.", "The opposition denounced an austerity budget."]
    fr = ["Le gouvernement a présenté mercredi son budget, qui prévoit un déficit de 4,4 % du PIB.",
          "Les économies portent surtout sur les dépenses de santé.",
          "L'opposition a dénoncé un budget d'austérité."]
    source, target = doc([en], "en"), doc([fr], "fr")
    beads = [Bead((0, 1), (0,)), Bead((2,), (1,)), Bead((3,), (2,))]
    assert run(source, target, beads) == []


def test_much_shorter_translation_is_a_minor_partial_omission():
    en = EN[:2] + [
        "The project has been debated for more than ten years, and residents of the old town, who fear "
        "noise and higher rents, have filed three lawsuits against it.",
    ] + EN[3:]
    fr = FR[:2] + ["Le projet est débattu."] + FR[3:]
    source, target = doc([en], "en"), doc([fr], "fr")
    issues = run(source, target, one_to_one(5))
    assert described(issues, source, target) == [
        ("align.omission", Category.ACCURACY_OMISSION, Severity.MINOR, en[2], "Le projet est débattu."),
    ]
    assert "shorter" in issues[0].message


LONG_EN = ("The minister arrived in Paris on Monday, where he met the president, the prime minister and several "
           "business leaders to discuss trade.")


def test_a_one_sentence_translation_cut_short_is_measured_by_the_pair_s_usual_ratio():
    """Fewer than three beads give no median: the ratio of the totals would be the article's own, and a
    translation cut short its own yardstick. en→fr: 1.25 characters per source character."""
    short = "Le ministre est arrivé à Paris lundi."
    source, target = doc([[LONG_EN]], "en"), doc([[short]], "fr")
    issues = run(source, target, one_to_one(1))
    assert described(issues, source, target) == [
        ("align.omission", Category.ACCURACY_OMISSION, Severity.MINOR, LONG_EN, short),
    ]
    assert "(31 characters where about 141 are expected)" in issues[0].message
    full = ("Le ministre est arrivé lundi à Paris, où il a rencontré le président, le Premier ministre et plusieurs "
            "chefs d'entreprise pour parler commerce.")
    assert run(doc([[LONG_EN]], "en"), doc([[full]], "fr"), one_to_one(1)) == []


def test_a_pair_without_a_usual_ratio_keeps_the_article_s_own():
    """Russian has no prior ratio: a one-sentence article is measured by itself (nothing to report)."""
    source, target = doc([[LONG_EN]], "en"), doc([["Министр прибыл в Париж в понедельник."]], "ru")
    assert run(source, target, one_to_one(1)) == []


def test_with_the_aligner_end_to_end():
    zh = [
        "国家统计局15日发布数据显示，一季度国内生产总值同比增长5.3%。",
        "据澎湃新闻（www.thepaper.cn）报道，消费市场持续回暖，多地出台促消费措施。",
        "3月份社会消费品零售总额为3.9万亿元。",
        "专家认为，全年经济有望保持稳定增长。",
    ]
    fr = [
        "Selon les données publiées le 15 par le Bureau national des statistiques, le PIB a progressé de "
        "5,3 % sur un an au premier trimestre.",
        "Les ventes au détail ont atteint 3 900 milliards de yuans en mars.",
        "Selon les experts, l'économie devrait maintenir une croissance stable sur l'ensemble de l'année.",
    ]
    source, target = doc([zh], "zh"), doc([fr], "fr")
    issues = run(source, target, align_documents(source, target))
    assert described(issues, source, target) == [
        ("align.omission", Category.ACCURACY_OMISSION, Severity.MAJOR, zh[1], None),
    ]


def test_alignment_that_does_not_fit_the_documents_is_ignored():
    source, target = doc([EN[:2]], "en"), doc([FR[:2]], "fr")
    assert run(source, target, [Bead((0,), (0,)), Bead((5,), ()), Bead((), (9,))]) == []


def test_registration_and_docstrings():
    for check_id, category in (("align.omission", Category.ACCURACY_OMISSION),
                               ("align.addition", Category.ACCURACY_ADDITION)):
        info = REGISTRY[check_id]
        assert info.category == category and info.order == 20
        assert info.title and "False positives" in info.doc
    assert REGISTRY["align.omission"].title == "Source sentence with no counterpart in the translation"
    assert REGISTRY["align.addition"].title == "Target sentence with no counterpart in the source"
