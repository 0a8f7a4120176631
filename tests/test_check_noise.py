"""Table-driven tests of noise.debris, and the founding example (seed article) through all four checks
of the noise / untranslated / casing / punctuation families."""
from __future__ import annotations

from collections import Counter
from typing import Optional, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.checks import REGISTRY, CheckContext, run_checks
from mtcheck.config import Config
from mtcheck.segment import split_sentences
from mtcheck.types import Bead, Category, Document, Issue, Sentence, Severity

from .check_helpers import assert_table, run

FAMILY = ("noise.debris", "untranslated.sentence", "casing.lost", "punctuation.stray_break")


def make_doc(text: str, lang: str, pieces: Optional[Sequence[str]] = None) -> Document:
    """A Document split by the project splitter, or by hand into ``pieces`` (found in order)."""
    if pieces is None:
        return Document(text=text, lang=lang, sentences=split_sentences(text, lang))
    sents, pos = [], 0
    for line_no, piece in enumerate(pieces):
        start = text.index(piece, pos)
        pos = start + len(piece)
        sents.append(Sentence(start, pos, piece, 0, text.count("\n", 0, start)))
    return Document(text=text, lang=lang, sentences=tuple(sents))


def run_family(
    src: str, src_lang: str, tgt: str, tgt_lang: str, alignment: Optional[tuple[Bead, ...]] = None
) -> tuple[list[Issue], Document, Document, CheckContext]:
    source, target = make_doc(src, src_lang), make_doc(tgt, tgt_lang)
    if alignment is None:  # one-to-one, the tail of the longer side in the last bead
        n, m = len(source.sentences), len(target.sentences)
        k = min(n, m)
        beads = [Bead((i,), (i,)) for i in range(k - 1)]
        if k:
            beads.append(Bead(tuple(range(k - 1, n)), tuple(range(k - 1, m))))
        alignment = tuple(beads)
    ctx = CheckContext(source, target, alignment, Config())
    issues, errors = run_checks(ctx, only=FAMILY)
    assert errors == []
    return issues, source, target, ctx


def flagged(issues: list[Issue], target: Document) -> list[tuple[str, str]]:
    return sorted((i.check, target.text[i.target_span.start : i.target_span.end]) for i in issues if i.target_span)


LANGUAGE_MENU = "한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguêsΕλληνικάespañolItalianoSuomalainenLatina"

# (id, source, source lang, target, target lang, alignment, expected (check, flagged substring) pairs)
NOISE_CASES = [
    (
        "zh-fr language menu with no source (seed)",
        "2024-09-26\n\n9月26日，外交部发言人林剑主持例行记者会。",
        "zh",
        f"2024-09-26\n\n{LANGUAGE_MENU}\n\nLe 26 septembre, le porte-parole Lin Jian a tenu une conférence de presse.",
        "fr",
        (Bead((0,), (0,)), Bead((), (1,)), Bead((1,), (2,))),
        [("noise.debris", LANGUAGE_MENU)],
    ),
    (
        "zh-fr language menu glued, even inside an aligned bead",
        "9月26日，外交部发言人林剑主持例行记者会。",
        "zh",
        f"{LANGUAGE_MENU}\nLe 26 septembre, le porte-parole Lin Jian a tenu une conférence de presse.",
        "fr",
        (Bead((0,), (0, 1)),),
        [("noise.debris", LANGUAGE_MENU)],
    ),
    (
        "zh-fr short nav label « nouvelles » (seed)",
        "外交部回应澎湃新闻",
        "zh",
        "Nouvelles\n\nLe ministère des Affaires étrangères répond à The Paper",
        "fr",
        (Bead((), (0,)), Bead((0,), (1,))),
        [("noise.debris", "Nouvelles")],
    ),
    (
        "zh-fr slash-joined nav labels « rapport/commentaires » (seed)",
        "（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）",
        "zh",
        "(Cet article provient de The Paper. Pour plus d'informations, téléchargez l'application.)\nrapport/commentaires",
        "fr",
        (Bead((0,), (0,)), Bead((), (1,))),
        [("noise.debris", "rapport/commentaires")],
    ),
    (
        "zh-fr nav label attached by the aligner to the previous bead, on its own line",
        "（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）",
        "zh",
        "(Cet article provient de The Paper. Pour plus d'informations, téléchargez l'application.)\nrapport/commentaires",
        "fr",
        (Bead((0,), (0, 1)),),
        [("noise.debris", "rapport/commentaires")],
    ),
    (
        "zh-fr a section title translated from the source is not debris",
        "世界\n中方提出了普惠计划。",
        "zh",
        "Monde\nLa Chine a proposé le plan inclusif.",
        "fr",
        None,
        [],
    ),
    (
        "zh-en pipe menu",
        "中方提出了普惠计划。",
        "zh",
        "Home | World | Sport\nChina proposed the inclusive plan.",
        "en",
        (Bead((), (0,)), Bead((0,), (1,))),
        [("noise.debris", "Home | World | Sport")],
    ),
    (
        "en-en share and read-more links",
        "The minister arrived on Monday.",
        "en",
        "Share this article\nThe minister arrived on Monday.\nRead more: How China plans to build AI capacity",
        "en",
        (Bead((), (0,)), Bead((0,), (1,)), Bead((), (2,))),
        [
            ("noise.debris", "Read more: How China plans to build AI capacity"),
            ("noise.debris", "Share this article"),
        ],
    ),
    (
        "en-fr cookie banner of two sentences is one issue",
        "The minister arrived on Monday.",
        "en",
        "Le ministre est arrivé lundi.\nNous utilisons des cookies pour améliorer votre expérience. "
        "En poursuivant votre navigation, vous acceptez leur utilisation.",
        "fr",
        (Bead((0,), (0,)), Bead((), (1, 2))),
        [
            (
                "noise.debris",
                "Nous utilisons des cookies pour améliorer votre expérience. "
                "En poursuivant votre navigation, vous acceptez leur utilisation.",
            )
        ],
    ),
    (
        # the aligner attached each sentence of the banner line to a neighbouring sentence's bead
        "en-fr cookie banner line split between two beads is one issue",
        "The minister resigned.\nThe vote failed.",
        "en",
        "Le ministre a démissionné.\nNous utilisons des cookies. En poursuivant votre navigation, vous acceptez leur "
        "utilisation.\nLe vote a échoué.",
        "fr",
        (Bead((0,), (0, 1)), Bead((1,), (2, 3))),
        [("noise.debris", "Nous utilisons des cookies. En poursuivant votre navigation, vous acceptez leur utilisation.")],
    ),
    (
        # a call to subscribe, follow or share: the site's promotion, not the article (major)
        "en-fr call to subscribe on a line attached to its neighbour's bead",
        "The minister arrived on Monday.\nHe met the president.",
        "en",
        "Le ministre est arrivé lundi.\nCliquez ici pour vous abonner à notre newsletter.\nIl a rencontré le président.",
        "fr",
        (Bead((0,), (0, 1)), Bead((1,), (2,))),
        [("noise.debris", "Cliquez ici pour vous abonner à notre newsletter.")],
    ),
    (
        "en-de call to follow, unaligned",
        "The talks went on.",
        "en",
        "Die Gespräche gingen weiter.\nFolgen Sie uns auf Twitter, um keine Nachricht zu verpassen.",
        "de",
        (Bead((0,), (0,)), Bead((), (1,))),
        [("noise.debris", "Folgen Sie uns auf Twitter, um keine Nachricht zu verpassen.")],
    ),
    (
        "en-zh call to scan and follow, unaligned",
        "The talks went on.",
        "en",
        "会谈继续进行。\n扫码关注我们的公众号。",
        "zh",
        (Bead((0,), (0,)), Bead((), (1,))),
        [("noise.debris", "扫码关注我们的公众号。")],
    ),
    (
        "en-fr newsletters of the article itself, aligned",
        "Readers can subscribe to the newsletter for free.",
        "en",
        "Les lecteurs peuvent s'abonner gratuitement à la newsletter.",
        "fr",
        (Bead((0,), (0,)),),
        [],
    ),
    (
        "en-fr cookies of the article itself, in beads of their own",
        "The site uses cookies. By continuing you accept them.\nThe vote failed.",
        "en",
        "Le site utilise des cookies. En continuant, vous les acceptez.\nLe vote a échoué.",
        "fr",
        (Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,))),
        [],
    ),
    (
        "en-fr two sentences of one line, the line a bead's whole translation",
        "The minister resigned and the vote failed.",
        "en",
        "Le ministre a démissionné. Nous utilisons des cookies, vous acceptez leur utilisation.",
        "fr",
        (Bead((0,), (0, 1)),),
        [],
    ),
    (
        "en-de breadcrumb menu of unknown labels",
        "The government presented a plan.",
        "en",
        "Startseite | Politik | Ausland\nDie Regierung hat einen Plan vorgestellt.",
        "de",
        (Bead((), (0,)), Bead((0,), (1,))),
        [("noise.debris", "Startseite | Politik | Ausland")],
    ),
    (
        "en-de camel-case glued menu",
        "The government presented a plan.",
        "en",
        "StartseitePolitikWirtschaftKultur\nDie Regierung hat einen Plan vorgestellt.",
        "de",
        (Bead((), (0,)), Bead((0,), (1,))),
        [("noise.debris", "StartseitePolitikWirtschaftKultur")],
    ),
    (
        "en-ja an unaligned sentence of kanji and kana is no glued menu",
        "The bank raised its rate.",
        "en",
        "銀行は金利を引き上げた。\n今年3回目の利上げとなる。",
        "ja",
        (Bead((0,), (0,)), Bead((), (1,))),
        [],
    ),
    (
        "en-es nav labels",
        "The president spoke to reporters.",
        "en",
        "Compartir\nEl presidente habló con los periodistas.\nLeer más",
        "es",
        (Bead((), (0,)), Bead((0,), (1,)), Bead((), (2,))),
        [("noise.debris", "Compartir"), ("noise.debris", "Leer más")],
    ),
    (
        "en-fr markup tags and entities anywhere",
        "The minister spoke to reporters.",
        "en",
        "<p>Le ministre&nbsp;a parlé aux journalistes.</p>",
        "fr",
        None,
        [("noise.debris", "&nbsp;"), ("noise.debris", "</p>"), ("noise.debris", "<p>")],
    ),
    (
        "zh-fr unaligned Chinese nav menu is noise only, not also untranslated",
        "中方提出了普惠计划。",
        "zh",
        "首页 | 新闻 | 国际\nLa Chine a proposé le plan inclusif.",
        "fr",
        (Bead((), (0,)), Bead((0,), (1,))),
        [("noise.debris", "首页 | 新闻 | 国际")],
    ),
    # true negatives
    (
        "en-en markup present in the source too",
        "Use the <b> tag for bold text in HTML.",
        "en",
        "Use the <b> tag for bold text in HTML.",
        "en",
        None,
        [],
    ),
    (
        "en-fr aligned sentence opening with a nav word",
        "New measures for the economy were announced.",
        "en",
        "Nouvelles mesures pour l'économie : le gouvernement a annoncé un plan.",
        "fr",
        None,
        [],
    ),
    (
        "en-fr unaligned real sentence is not debris (the addition check's business)",
        "The minister arrived.",
        "en",
        "Le ministre est arrivé. Il a également rencontré des représentants des entreprises.",
        "fr",
        (Bead((0,), (0,)), Bead((), (1,))),
        [],
    ),
    (
        "en-fr prose naming languages",
        "The site is available in English, French and German.",
        "en",
        "Le site est disponible en English, Français et Deutsch.",
        "fr",
        None,
        [],
    ),
    (
        "en-fr ampersand in a name is not an entity",
        "AT&T and Johnson & Johnson reported results.",
        "en",
        "AT&T et Johnson & Johnson ont publié leurs résultats.",
        "fr",
        None,
        [],
    ),
]


@pytest.mark.parametrize(
    "src, src_lang, tgt, tgt_lang, alignment, expected",
    [case[1:] for case in NOISE_CASES],
    ids=[case[0] for case in NOISE_CASES],
)
def test_noise_debris(src, src_lang, tgt, tgt_lang, alignment, expected):
    issues, _, target, _ = run_family(src, src_lang, tgt, tgt_lang, alignment)
    assert flagged(issues, target) == sorted(expected)
    for issue in issues:
        if issue.check == "noise.debris":
            assert issue.category is Category.OTHER_NOISE
            assert issue.source_span is None


def test_a_call_to_subscribe_is_major_and_noted():
    issues, _, target, ctx = run_family("The talks went on.", "en",
                                        "Die Gespräche gingen weiter.\nJetzt Newsletter abonnieren!", "de",
                                        (Bead((0,), (0,)), Bead((), (1,))))
    assert [(i.check, i.severity, target.text[i.target_span.start:i.target_span.end]) for i in issues] == [
        ("noise.debris", Severity.MAJOR, "Jetzt Newsletter abonnieren!")]
    assert ctx.notes["noise_target_sentences"] == {1}


def test_noise_severities_and_notes():
    src = "2024-09-26\n\n9月26日，外交部发言人林剑主持例行记者会。"
    tgt = f"nouvelles\n\n2024-09-26\n\n{LANGUAGE_MENU}\n\nle 26 septembre, lin jian a tenu une conférence de presse."
    alignment = (Bead((), (0,)), Bead((0,), (1,)), Bead((), (2,)), Bead((1,), (3,)))
    issues, _, target, ctx = run_family(src, "zh", tgt, "fr", alignment)
    debris = {target.text[i.target_span.start : i.target_span.end]: i.severity for i in issues if i.check == "noise.debris"}
    assert debris == {"nouvelles": Severity.MINOR, LANGUAGE_MENU: Severity.MAJOR}
    assert ctx.notes["noise_target_sentences"] == {0, 2}


def test_noise_check_is_registered_first_with_a_titled_docstring():
    info = REGISTRY["noise.debris"]
    assert info.order == 10
    assert info.category is Category.OTHER_NOISE
    assert info.title.startswith("Navigation, menu or markup debris")
    assert "False positives" in info.doc


# ---------------------------------------------------------------------------------------------------
# The founding example: Chinese source, French MT that lost its casing, with website debris.

SEED_SOURCE = """中方如何推动落实《人工智能能力建设普惠计划》？外交部回应澎湃新闻

2024-09-26

9月26日，外交部发言人林剑主持例行记者会。澎湃新闻（www.thepaper.cn）记者提问：我们注意到，中方在第79届联合国大会一般性辩论期间同赞比亚共同举办了加强人工智能能力建设国际合作高级别会议，并对外宣布了《人工智能能力建设普惠计划》。中方为什么提出这一计划？将采取哪些行动推动计划落实？
林剑介绍，当地时间9月25日，中国同赞比亚共同举办的加强人工智能能力建设国际合作高级别会议在纽约联合国总部举行，中共中央政治局委员、外交部长王毅出席会议并致辞。塞尔维亚总统武契奇、印度尼西亚统筹部长卢胡特以及80多个国家和国际组织的高级别代表与会。各方围绕加强人工智能能力建设国际合作深入交换意见，达成广泛共识。中方提出的《人工智能能力建设普惠计划》得到各方积极支持和响应。
澎湃新闻记者 陈沁涵 朱政勇
（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）
"""

SEED_MT = f"""nouvelles

comment la chine promeut-elle la mise en œuvre du « plan inclusif pour le renforcement des capacités en intelligence artificielle » ? le ministère des affaires étrangères a répondu à the paper

2024-09-26

{LANGUAGE_MENU}

le 26 septembre, le porte-parole du ministère des affaires étrangères, lin jian, a tenu une conférence de presse régulière. un journaliste de the paper (www.thepaper.cn) a demandé : nous avons remarqué que la chine a co-organisé une réunion de haut niveau sur la coopération internationale en matière de renforcement des capacités en matière d'intelligence artificielle avec la zambie lors du débat général de la 79e session de l'assemblée générale des nations unies. la chine a annoncé le plan d'avantages universels « renforcement des capacités en matière d'intelligence artificielle ». pourquoi la chine a-t-elle proposé ce plan ? quelles actions seront entreprises pour promouvoir la mise en œuvre du plan ?
lin jian a annoncé que le 25 septembre, heure locale, une réunion de haut niveau sur la coopération internationale en matière de renforcement des capacités en matière d'intelligence artificielle, co-organisée par la chine et la zambie, s'est tenue au siège des nations unies à new york, wang yi, membre du bureau politique. du comité central du pcc et ministre des affaires étrangères, y a assisté et a prononcé un discours. le président serbe vucic, le ministre indonésien de coordination luhut et de hauts représentants de plus de 80 pays et organisations internationales ont assisté à la réunion. toutes les parties ont échangé des points de vue approfondis sur le renforcement de la coopération internationale dans le renforcement des capacités en matière d'intelligence artificielle et sont parvenues à un large consensus. le « plan inclusif pour le renforcement des capacités en intelligence artificielle » proposé par la chine a reçu un soutien et une réponse actifs de toutes les parties.
le journaliste du paper chen qinhan et zhu zhengyong
(cet article provient de the paper. pour plus d'informations originales, veuillez télécharger l'application « the paper »)
rapport/commentaires
"""

# Written by hand. Source: 0-1 title, 2 date, 3-6 first paragraph, 7-10 second, 11 byline, 12 credit.
# Target: 0 nouvelles, 1 title, 2 date, 3 menu, 4-7 first paragraph, 8-12 second (9 opens at « du »),
# 13 byline, 14 credit, 15 rapport/commentaires.
SEED_ALIGNMENT = (
    Bead((), (0,)),
    Bead((0, 1), (1,)),
    Bead((2,), (2,)),
    Bead((), (3,)),
    Bead((3,), (4,)),
    Bead((4,), (5, 6)),
    Bead((5, 6), (7,)),
    Bead((7,), (8, 9)),
    Bead((8,), (10,)),
    Bead((9,), (11,)),
    Bead((10,), (12,)),
    Bead((11,), (13,)),
    Bead((12,), (14,)),
    Bead((), (15,)),
)


def test_seed_article_through_the_four_checks():
    issues, source, target, ctx = run_family(SEED_SOURCE, "zh", SEED_MT, "fr", SEED_ALIGNMENT)
    assert len(source.sentences) == 13 and len(target.sentences) == 16
    by_check = Counter(i.check for i in issues)
    text = target.text

    def sub(issue: Issue) -> str:
        return text[issue.target_span.start : issue.target_span.end]

    # noise: the language menu (major, the whole line), « nouvelles » and « rapport/commentaires » (minor)
    debris = sorted((sub(i), i.severity.value) for i in issues if i.check == "noise.debris")
    assert debris == [("nouvelles", "minor"), ("rapport/commentaires", "minor"), (LANGUAGE_MENU, "major")]

    # casing: exactly one major document-level issue, on the first lower-cased word, plus minors
    casing = [i for i in issues if i.check == "casing.lost"]
    majors = [i for i in casing if i.severity is Severity.MAJOR]
    assert len(majors) == 1
    assert sub(majors[0]) == "comment" and majors[0].target_span.start == text.index("comment")
    assert majors[0].message.startswith("The translation has lost its casing: 10 of 10 sentences start in lower case")
    # one minor per lower-cased sentence start, in document order; not « du » after the stray full stop
    # (the punctuation check's), not « (cet article… » which opens with a bracket
    minors = [sub(i) for i in sorted(casing, key=Issue.sort_key) if i.severity is Severity.MINOR]
    assert minors == ["comment", "le", "un", "la", "pourquoi", "lin", "le", "toutes", "le", "le"]

    # punctuation: the stray break « . du » only; « . pour » is a real boundary whose casing was lost
    breaks = [i for i in issues if i.check == "punctuation.stray_break"]
    assert [sub(i) for i in breaks] == [". du"]
    assert breaks[0].severity is Severity.MINOR and breaks[0].category is Category.FLUENCY_PUNCTUATION
    assert source.text[breaks[0].source_span.start : breaks[0].source_span.end].startswith("林剑介绍")
    assert all(". pour" not in sub(i) for i in issues)

    # untranslated: the lower-cased French is still French, the menu is noise
    assert by_check["untranslated.sentence"] == 0
    assert ctx.notes["noise_target_sentences"] == {0, 3, 15}


# ---------------------------------------------------------------------------------------------------
# Invariants: whatever the text, spans lie inside their texts and no check crashes.

_FRAGMENTS = st.sampled_from(
    [
        "le ministre est arrivé.", "Le ministre est arrivé.", " du comité central.", "nouvelles\n", "\n\n",
        LANGUAGE_MENU, "中方提出了普惠计划。", "iPhone", "&nbsp;", "<div>", "etc. et", "Read more", " | ",
        "2024-09-26", "The plan aims to close the gap between countries.", "(cet article. pour plus)", "…",
        "« ", " »", "www.thepaper.cn", "a", ".", " ",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_FRAGMENTS, max_size=12).map("".join),
    st.lists(_FRAGMENTS, max_size=12).map("".join),
    st.sampled_from(["fr", "en", "de", "zh"]),
)
def test_spans_stay_inside_their_texts(src, tgt, tgt_lang):
    source, target = make_doc(src, "en"), make_doc(tgt, tgt_lang)
    n, m = len(source.sentences), len(target.sentences)
    beads = tuple(Bead((i,) if i < n else (), (i,)) for i in range(m)) + tuple(
        Bead((i,), ()) for i in range(m, n)
    )
    ctx = CheckContext(source, target, beads, Config())
    issues, errors = run_checks(ctx, only=FAMILY)
    assert errors == []
    for issue in issues:
        assert issue.target_span is not None
        assert 0 <= issue.target_span.start < issue.target_span.end <= len(target.text)
        if issue.source_span is not None:
            assert 0 <= issue.source_span.start <= issue.source_span.end <= len(source.text)


# --- the folded language-name pattern -----------------------------------------------------------------

def test_name_folding_classes_are_those_of_re():
    """Every character the case-insensitive name pattern takes for a name letter maps to one
    representative per class, and the classes are exactly re's: the folded pattern matches where the
    original does (checked over every code point)."""
    import re
    import sys
    from array import array

    from mtcheck.checks import noise
    from mtcheck.checks.data import LANGUAGE_NAMES

    table, _ = noise._name_folding()
    every = (array("I", range(0xD800)).tobytes() + array("I", range(0xE000, 0x110000)).tobytes()).decode(
        "utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    for letter in sorted({ch for name in LANGUAGE_NAMES for ch in name}):
        matched = set(re.findall(re.escape(letter), every, re.IGNORECASE))
        folded = {chr(o) for o, rep in table.items() if rep == table[ord(letter)]}
        assert matched == folded, letter
    assert table[ord("İ")] == table[ord("i")] == table[ord("I")] == table[ord("ı")]
    assert table[ord("ſ")] == table[ord("s")] and table[ord("\u212a")] == table[ord("k")]


@pytest.mark.parametrize("text", [
    "한어Русский языкEnglishFrançais日本語",
    "ENGLISH | français | DEUTSCH | Español",
    "İtaliano İTALIANO italiano Latina Latin",
    "ſuomi Suomalainen SUOMI \u212aazakh Kazakh",
    "Bahasa Indonesia Bahasa Melayu简体中文繁體中文",
    "The talks were held in English, with French and German interpreters.",
    "",
])
def test_name_matches_are_those_of_the_case_insensitive_pattern(text):
    from mtcheck.checks import noise

    assert noise._name_matches(text) == [m.span() for m in noise._LANG_NAME_RE.finditer(text)]


def test_name_matches_exact_spans():
    from mtcheck.checks import noise

    text = "ENGLISH|русский язык|İtaliano"
    assert noise._name_matches(text) == [(0, 7), (8, 20), (21, 29)]
    assert noise._is_language_menu(text, unaligned=True)
    assert not noise._is_language_menu("We speak English and French at home.", unaligned=True)


_NAME_PIECES = st.sampled_from([
    "English", "ENGLISH", "english", "Français", "FRANÇAIS", "Deutsch", "Español", "Italiano", "Italian",
    "中文", "简体中文", "한어", "Русский язык", "РУССКИЙ", "Bahasa Indonesia", "Bahasa", "Thai", "Türkçe", "Ελληνικά",
    "the", " ", "  ", "|", "\n", "\x00", "Kel\u212avin", "\u212a", "\u0130", "\u0131", "\u017f", "s", "\u03a3", "x",
    "Englisch", "Latina", "Latin",
])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.lists(_NAME_PIECES, max_size=8).map("".join), max_size=6))
def test_name_matches_by_sentence_are_those_of_each_sentence(texts):
    """One pass over a document gives each sentence's language names, as _name_matches finds them alone
    (None only for a document with a character that makes the shortcut unsure)."""
    from mtcheck.checks.noise import _name_matches, _name_matches_by_sentence, _name_presence

    found = _name_matches_by_sentence(texts)
    if found is None:
        assert _name_presence()[0].search("".join(texts))
    else:
        assert found == [_name_matches(t) for t in texts]


def test_name_presence_is_sure_for_every_character():
    """Every character that case-insensitive matching takes for a letter of a language name has that
    letter's lower case, or is one of the unsure characters (whose documents are read sentence by
    sentence)."""
    import array
    import re
    import sys

    from mtcheck.checks.data import LANGUAGE_NAMES
    from mtcheck.checks.noise import _name_presence

    unsure, _ = _name_presence()
    codes = array.array("I", list(range(0xD800)) + list(range(0xE000, 0x110000)))
    every = codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    for x in {ch for name in LANGUAGE_NAMES for ch in name}:
        for c in re.findall("(?i)" + re.escape(x), every):
            assert unsure.match(c) or c.lower() == x.lower(), (x, c)


_LATIN1_NAME_TEXTS = st.lists(st.sampled_from([
    "english", "englis", "nglish", "français", "franç", "deutsch", "bahasa indonesia", "bahasa  indonesia", "thai",
    "tha", "hai", "latin", "latina", "türkçe", "t", "ürkçe", "the", " ", "x", "?", "“", "\x00", "suomi", "urdu",
    "eesti", "galego", "\u2013",
]), max_size=12).map("".join)


@settings(max_examples=800, deadline=None)
@given(_LATIN1_NAME_TEXTS)
def test_latin1_names_in_are_those_the_text_holds(low):
    """The three-character runs only pass over names the text cannot hold: the names found are those of
    ``in`` over every Latin-1 name."""
    from mtcheck.checks import noise

    names = noise._name_presence()[1]
    latin1 = noise._latin1_names()
    assert noise._latin1_names_in(low) == tuple(n for n, lowered in names if n in latin1 and lowered in low)


_DEBRIS_PIECES = ["English", "Français", "Deutsch", "中文", "Home", "|", " | ", "News", "World", "Cookies", "cookies",
                  "we use cookies", "accept", "<div>", "&nbsp;", "Read more:", "x", "The talks went on.", "HomeWorld",
                  "Sport", "·", "»"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_DEBRIS_PIECES), max_size=5).map("".join), min_size=1, max_size=6),
       st.data())
def test_debris_reads_only_sentences_that_may_be_debris(target, data):
    """noise.debris gives the same issues and notes reading only the sentences that may be debris as
    reading every one (beads of any shape, lines shared by sentences)."""
    from unittest import mock

    from mtcheck.checks import noise
    from mtcheck.checks.registry import CheckContext
    from mtcheck.segment import clear_text_caches
    from mtcheck.types import Bead, Document, Sentence

    lines = data.draw(st.lists(st.integers(0, 2), min_size=len(target), max_size=len(target)))
    text, sents = "", []
    for k, (t, line) in enumerate(zip(target, sorted(lines))):
        sents.append(Sentence(len(text), len(text) + len(t), t, 0, line))
        text += t + "\n"
    tgt = Document(text=text, lang="en", sentences=tuple(sents))
    src = Document(text="Source.\n", lang="fr", sentences=(Sentence(0, 7, "Source."),))
    index = st.integers(-1, len(target))
    beads = tuple(Bead(tuple(a), tuple(sorted(set(b)))) for a, b in data.draw(
        st.lists(st.tuples(st.lists(st.just(0), max_size=2), st.lists(index, max_size=3)), max_size=5)))

    def run():
        clear_text_caches()
        ctx = CheckContext(source=src, target=tgt, alignment=beads, config=Config())
        return noise.debris(ctx), ctx.notes.get("noise_target_sentences")

    picked = run()
    with mock.patch.object(noise, "_sentences_to_read", lambda ctx, beads, names, markup:
                           range(len(ctx.target.sentences))):
        assert run() == picked


@pytest.mark.parametrize("target, beads, lines", [
    (["EnglishFrançaisDeutsch中文"], [((0,), (0,))], [0]),  # a glued language menu in an aligned sentence
    (["we use cookies, accept them", "The talks went on.", "x"], [((0,), (1,))], [0, 1, 1]),  # no banner across
    (["we use cookies, accept them", "x"], [], [0, 0]),  # the rest of a banner on its line
])
def test_debris_reads_the_sentences_that_matter(target, beads, lines):
    from unittest import mock

    from mtcheck.checks import noise
    from mtcheck.checks.registry import CheckContext
    from mtcheck.types import Document, Sentence

    text, sents = "", []
    for t, line in zip(target, lines):
        sents.append(Sentence(len(text), len(text) + len(t), t, 0, line))
        text += t + "\n"
    tgt = Document(text=text, lang="en", sentences=tuple(sents))
    src = Document(text="Source.\n", lang="fr", sentences=(Sentence(0, 7, "Source."),))
    alignment = tuple(Bead(a, b) for a, b in beads)

    def run():
        ctx = CheckContext(source=src, target=tgt, alignment=alignment, config=Config())
        return noise.debris(ctx), ctx.notes.get("noise_target_sentences")

    picked = run()
    assert picked[0]
    with mock.patch.object(noise, "_sentences_to_read", lambda ctx, beads, names, markup:
                           range(len(ctx.target.sentences))):
        assert run() == picked


def test_no_ascii_character_makes_the_name_test_unsure():
    """An ASCII document skips the search for unsure characters: none of them is ASCII."""
    from mtcheck.checks.noise import _name_presence

    unsure, _ = _name_presence()
    assert not any(unsure.match(chr(c)) for c in range(128))


# noise.unknown_token: an MT system's mark for a piece it could not produce (WMT 2021 en-de, eTranslation)
UNKNOWN_TOKEN_CASES = [
    ("sentencepiece's ⁇ for a lost capital umlaut", "Passengers can transfer their flights without a change fee.", "en",
     "Passagiere können ihre Flüge ohne ⁇ nderungsgebühr übertragen.", "de",
     [("noise.unknown_token", "major", "⁇ nderungsgebühr")]),
    ("two marks, two words", "In Egypt, doctors warned.", "en", "In ⁇ gypten warnten ⁇ rzte.", "de",
     [("noise.unknown_token", "major", "⁇ gypten"), ("noise.unknown_token", "major", "⁇ rzte")]),
    ("a literal <unk> glued to the word", "The fee was waived.", "en", "Die <unk>gebühr wurde erlassen.", "de",
     [("noise.unknown_token", "major", "<unk>gebühr")]),
    ("<UNK> in capitals", "The fee was waived.", "en", "Die <UNK> wurde erlassen.", "de",
     [("noise.unknown_token", "major", "<UNK>")]),
    ("the replacement character of a broken decoding", "Changes were made.", "en", "\ufffdnderungen wurden vorgenommen.",
     "de", [("noise.unknown_token", "major", "\ufffdnderungen")]),
    ("a mark standing alone is only the mark", "He paused, then spoke.", "en", "Er hielt inne ⁇ , dann sprach er.", "de",
     [("noise.unknown_token", "major", "⁇")]),
    ("the source's own mark", "The chess move 23.Qh5⁇ lost the game.", "en", "Der Zug 23.Dh5⁇ verlor die Partie.", "de", []),
    ("two question marks are no mark", "What happened??", "en", "Was ist passiert??", "de", []),
]


@pytest.mark.parametrize("case_id,src,sl,tgt,tl,expected", UNKNOWN_TOKEN_CASES, ids=[c[0] for c in UNKNOWN_TOKEN_CASES])
def test_unknown_token_table(case_id, src, sl, tgt, tl, expected):
    assert_table(("noise.unknown_token",), src, sl, tgt, tl, expected)


def test_unknown_token_message_and_category():
    issues, _, _ = run("Passengers can transfer their flights without a change fee.", "en",
                       "Passagiere können ihre Flüge ohne ⁇ nderungsgebühr übertragen.", "de", ("noise.unknown_token",))
    assert [(i.category, i.message, i.suggestion) for i in issues] == [
        (Category.FLUENCY_SPELLING, "Unknown-token mark '⁇' in '⁇ nderungsgebühr': the MT system lost a character "
         "or a word here", None)]
