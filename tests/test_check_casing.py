"""Table-driven tests of casing.lost."""
from __future__ import annotations

from typing import Optional, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.checks import REGISTRY, CheckContext, run_checks
from mtcheck.config import Config
from mtcheck.segment import split_sentences
from mtcheck.types import Bead, Category, Document, Issue, Sentence, Severity

FAMILY = ("noise.debris", "untranslated.sentence", "casing.lost", "punctuation.stray_break")


def make_doc(text: str, lang: str, pieces: Optional[Sequence[str]] = None) -> Document:
    """A Document split by the project splitter, or by hand into ``pieces`` (found in order)."""
    if pieces is None:
        return Document(text=text, lang=lang, sentences=split_sentences(text, lang))
    sents, pos = [], 0
    for piece in pieces:
        start = text.index(piece, pos)
        pos = start + len(piece)
        sents.append(Sentence(start, pos, piece, 0, text.count("\n", 0, start)))
    return Document(text=text, lang=lang, sentences=tuple(sents))


def one_to_one(source: Document, target: Document) -> tuple[Bead, ...]:
    n, m = len(source.sentences), len(target.sentences)
    k = min(n, m)
    beads = [Bead((i,), (i,)) for i in range(k - 1)]
    if k:
        beads.append(Bead(tuple(range(k - 1, n)), tuple(range(k - 1, m))))
    return tuple(beads)


def run_family(source: Document, target: Document, alignment=None) -> list[Issue]:
    ctx = CheckContext(source, target, alignment or one_to_one(source, target), Config())
    issues, errors = run_checks(ctx, only=FAMILY)
    assert errors == []
    return issues


def flagged(issues: list[Issue], target: Document) -> list[tuple[str, str, str]]:
    return sorted(
        (i.check, target.text[i.target_span.start : i.target_span.end], i.severity.value)
        for i in issues
        if i.target_span
    )


# (id, source, source lang, target, target lang, target pieces or None, expected (check, substring, severity))
CASES = [
    # Camel case (Xbench's CamelCase mismatch): inner capitals lost or the word split; all capitals and the
    # first letter alone aside.
    (
        "en-de camel-case brands lost their inner capitals",
        "The video went viral on TikTok and YouTube last week.",
        "en",
        "Das Video ging letzte Woche auf Tiktok und You Tube viral.",
        "de",
        None,
        [("casing.lost", "Tiktok", "minor"), ("casing.lost", "You Tube", "minor")],
    ),
    (
        "zh-en a Latin brand inside Chinese, and a name",
        "苹果iPhone销量大增，德桑蒂斯（DeSantis）表示欢迎。",
        "zh",
        "Apple's iphone sales soared, and Desantis welcomed it.",
        "en",
        None,
        [("casing.lost", "Desantis", "minor"), ("casing.lost", "iphone", "minor")],
    ),
    (
        "en-de camel case kept, opening a sentence, or in a headline's capitals",
        "iPhone sales rose. BREAKING: TikTok banned in McDonald's outlets",
        "en",
        "IPhone-Verkäufe stiegen. EILMELDUNG: TIKTOK IN MCDONALD'S-FILIALEN VERBOTEN",
        "de",
        None,
        [],
    ),
    (
        "en-fr names lower-cased in a cased translation",
        "President Joe Biden met Emmanuel Macron in Paris on Monday. They discussed the war.",
        "en",
        "Le président joe biden a rencontré emmanuel macron à paris lundi. Ils ont parlé de la guerre.",
        "fr",
        None,
        [
            ("casing.lost", "biden", "minor"),
            ("casing.lost", "macron", "minor"),
            ("casing.lost", "paris", "minor"),
        ],
    ),
    (
        "es-en names and start lower-cased in a one-sentence text (no document-level issue)",
        "El presidente Pedro Sánchez visitó Madrid el lunes.",
        "es",
        "president pedro sánchez visited madrid on monday.",
        "en",
        None,
        [
            ("casing.lost", "madrid", "minor"),
            ("casing.lost", "president", "minor"),
            ("casing.lost", "sánchez", "minor"),
        ],
    ),
    (
        "zh-fr one lower-cased sentence start in a cased text",
        "外交部长王毅出席会议。他发表了讲话。各方达成广泛共识。",
        "zh",
        "Le ministre Wang Yi a assisté à la réunion. il a prononcé un discours. Les parties sont parvenues à un consensus.",
        "fr",
        None,
        [("casing.lost", "il", "minor")],
    ),
    (
        "zh-fr a lower-cased start after an opening quote",
        "“我们已经准备好了，”他说。会议结束了。",
        "zh",
        "« nous sommes prêts », a-t-il dit. La réunion est terminée.",
        "fr",
        None,
        [("casing.lost", "nous", "minor")],
    ),
    (
        "zh-ru Cyrillic text that lost its casing",
        "普京会见了习近平。他们讨论了贸易问题。会谈持续了两个小时。",
        "zh",
        "путин встретился с си цзиньпином. они обсудили торговлю. встреча длилась два часа.",
        "ru",
        None,
        [
            ("casing.lost", "встреча", "minor"),
            ("casing.lost", "они", "minor"),
            ("casing.lost", "путин", "major"),
            ("casing.lost", "путин", "minor"),
        ],
    ),
    # true negatives
    (
        "zh-fr correctly cased human translation",
        "9月26日，外交部发言人林剑主持例行记者会。澎湃新闻（www.thepaper.cn）记者提问。",
        "zh",
        "Le 26 septembre, le porte-parole du ministère des Affaires étrangères, Lin Jian, a tenu une "
        "conférence de presse régulière. Un journaliste de The Paper (www.thepaper.cn) a demandé : "
        "Nous avons noté que la Chine a organisé avec la Zambie une réunion de haut niveau.",
        "fr",
        None,
        [],
    ),
    (
        "en-en sentence opening with iPhone",
        "Apple unveiled its new phone. iPhone sales rose 10% in the quarter.",
        "en",
        "Apple unveiled its new phone. iPhone sales rose 10% in the quarter.",
        "en",
        None,
        [],
    ),
    (
        "en-fr sentence opening with eBay",
        "The company was sold. eBay announced the deal on Monday.",
        "en",
        "L'entreprise a été vendue. eBay a annoncé l'accord lundi.",
        "fr",
        None,
        [],
    ),
    (
        "en-de German text capitalises nouns, names kept",
        "The government presented a new plan in Berlin on Monday. Chancellor Scholz spoke.",
        "en",
        "Die Regierung hat am Montag in Berlin einen neuen Plan vorgestellt. Bundeskanzler Scholz sprach.",
        "de",
        None,
        [],
    ),
    (
        "de-en German nouns are not names (Hotel → hotel)",
        "Die Stadt plant ein neues Hotel am Bahnhof.",
        "de",
        "The city is planning a new hotel at the station.",
        "en",
        None,
        [],
    ),
    (
        "en-es job title before a name is lower-cased by convention",
        "General Smith and Doctor Jones met President Milei.",
        "en",
        "El general Smith y el doctor Jones se reunieron con el presidente Milei.",
        "es",
        None,
        [],
    ),
    (
        "en-fr Internet is written in lower case in French",
        "He said that access to the Internet was cut.",
        "en",
        "Il a dit que l'accès à internet avait été coupé.",
        "fr",
        None,
        [],
    ),
    (
        "zh-fr byline, date line and a line opening with a digit",
        "澎湃新闻记者 陈沁涵 朱政勇\n2024-09-26\n80多个国家与会。",
        "zh",
        "Les journalistes de The Paper Chen Qinhan et Zhu Zhengyong\n2024-09-26\n80 pays ont participé.",
        "fr",
        None,
        [],
    ),
    (
        "zh-fr ellipsis and list continuations",
        "他犹豫了……然后离开了。措施如下：降低税收。",
        "zh",
        "Il a hésité… puis il est reparti. Les mesures sont les suivantes : réduire les impôts.",
        "fr",
        ["Il a hésité…", "puis il est reparti.", "Les mesures sont les suivantes :", "réduire les impôts."],
        [],
    ),
    (
        "en-zh uncased target language is not checked",
        "The plan was announced. It was welcomed.",
        "en",
        "该计划已宣布。它受到欢迎。",
        "zh",
        None,
        [],
    ),
    (
        "en-fr a source that opens in lower case keeps its casing in the translation",
        "i think so. the deal was signed on Monday.",
        "en",
        "je pense que oui. l'accord a été signé lundi.",
        "fr",
        None,
        [],
    ),
    (
        "en-fr only the sentence whose source opens in lower case is spared",
        "i think so. The deal was signed on Monday.",
        "en",
        "je pense que oui. l'accord a été signé lundi.",
        "fr",
        None,
        [("casing.lost", "l'accord", "minor")],
    ),
    # Months and days a language writes in lower case, spelt like the English name, are no lowered name;
    # a name beside them still is.
    (
        "en-sv april, september",
        "The summit opens on April 15 and ends in September, Lagarde said.",
        "en",
        "Toppmötet inleds den 15 april och avslutas i september, sade lagarde.",
        "sv",
        None,
        [("casing.lost", "lagarde", "minor")],
    ),
    (
        "en-da april",
        "The new rules apply from April, the government said on Monday.",
        "en",
        "De nye regler gælder fra april, sagde regeringen mandag.",
        "da",
        None,
        [],
    ),
    (
        "en-nl november",
        "The elections take place in November, Rutte said.",
        "en",
        "De verkiezingen vinden plaats in november, zei Rutte.",
        "nl",
        None,
        [],
    ),
    (
        "en-fr a month's abbreviation: Sept. -> sept.",
        "The vote is on Sept. 26, Macron said.",
        "en",
        "Le vote a lieu le 26 sept., a déclaré macron.",
        "fr",
        None,
        [("casing.lost", "macron", "minor")],
    ),
    (
        "en-de april is a lowered name in German",
        "The talks resume in April in Geneva, the ministry said.",
        "en",
        "Die Gespräche werden im april in Genf fortgesetzt, teilte das Ministerium mit.",
        "de",
        None,
        [("casing.lost", "april", "minor")],
    ),
    (
        "zh-fr URL at a sentence start",
        "详情请访问网站。",
        "zh",
        "www.thepaper.cn publie les détails.",
        "fr",
        None,
        [],
    ),
]


@pytest.mark.parametrize(
    "src, src_lang, tgt, tgt_lang, pieces, expected",
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_casing_lost(src, src_lang, tgt, tgt_lang, pieces, expected):
    source = make_doc(src, src_lang)
    target = make_doc(tgt, tgt_lang, pieces)
    issues = run_family(source, target)
    assert flagged(issues, target) == sorted(expected)
    for issue in issues:
        assert issue.category is Category.FLUENCY_CAPITALIZATION


LOST_CASING_FR = (
    "le 26 septembre, le porte-parole lin jian a tenu une conférence de presse régulière. "
    "un journaliste de the paper a posé une question sur le plan inclusif.\n"
    "lin jian a annoncé que la réunion s'est tenue au siège des nations unies à new york. "
    "toutes les parties ont échangé des points de vue approfondis.\n"
    "iPhone et eBay ne sont pas concernés.\n"
    "(cet article provient de the paper. pour plus d'informations, téléchargez l'application.)"
)
LOST_CASING_ZH = (
    "9月26日，外交部发言人林剑主持例行记者会。澎湃新闻记者就普惠计划提问。\n"
    "林剑介绍，会议在纽约联合国总部举行。各方深入交换意见。\n"
    "苹果和易贝不受影响。\n"
    "（本文来自澎湃新闻，更多原创资讯请下载APP）"
)


def test_lost_casing_is_one_major_plus_minors():
    source, target = make_doc(LOST_CASING_ZH, "zh"), make_doc(LOST_CASING_FR, "fr")
    issues = run_family(source, target)
    majors = [i for i in issues if i.severity is Severity.MAJOR]
    assert len(majors) == 1
    major = majors[0]
    assert target.text[major.target_span.start : major.target_span.end] == "le"
    assert major.target_span.start == 0
    assert major.message.startswith("The translation has lost its casing: 4 of 4 sentences start in lower case")
    minors = [target.text[i.target_span.start : i.target_span.end] for i in sorted(issues, key=Issue.sort_key)
              if i.severity is Severity.MINOR]
    assert minors == ["le", "un", "lin", "toutes"]
    assert {i.suggestion for i in issues if i.severity is Severity.MINOR} == {"Le", "Un", "Lin", "Toutes"}


def test_mostly_cased_text_gets_no_document_level_issue():
    tgt = (
        "Le ministre est arrivé lundi. il a prononcé un discours. Les parties ont discuté. "
        "La réunion a duré deux heures. un accord a été trouvé."
    )
    src = "部长周一抵达。他发表了讲话。各方进行了讨论。会议持续了两个小时。达成了协议。"
    issues = run_family(make_doc(src, "zh"), make_doc(tgt, "fr"))
    assert sorted((i.severity.value, tgt[i.target_span.start : i.target_span.end]) for i in issues) == [
        ("minor", "il"),
        ("minor", "un"),
    ]


def test_registered_with_a_titled_docstring():
    info = REGISTRY["casing.lost"]
    assert info.category is Category.FLUENCY_CAPITALIZATION and info.order == 50
    assert info.title.startswith("Lost casing")
    assert "False positives" in info.doc


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
def test_capitals_and_letters_counts_as_str_methods(text):
    from mtcheck.checks.casing import _capitals_and_letters

    letters = [c for c in text if c.isalpha()]
    assert _capitals_and_letters(text) == (sum(c.isupper() for c in letters), len(letters))


def _lower_cased_names_reference(ctx, noise, start_offsets):
    """The names part of casing.lost before the source's lower-case words were read lazily."""
    from mtcheck.checks import casing as c

    common = {w for w in c.WORD_RE.findall(ctx.source.text) if w[0].islower()}
    reported = set()
    for bead in ctx.alignment:
        if not bead.source or not bead.target:
            continue
        names = c._source_names(ctx, bead.source, common)
        for j in bead.target:
            if j in noise or not (0 <= j < len(ctx.target.sentences)):
                continue
            sent = ctx.target.sentences[j]
            urls = c.url_spans(sent.text)
            for k, m in enumerate(c.WORD_RE.finditer(sent.text)):
                word, start = m.group(), sent.start + m.start()
                if k == 0 or start in start_offsets or start in reported or word not in names or word != word.lower():
                    continue
                if any(a <= m.start() < b for a, b in urls):
                    continue
                reported.add(start)
                yield word, start, names[word]


_CASE_PIECES = ["Paris", "paris", "Smith", "smith", "said", "the", "The", "Le", "le", "de", "Morgan", "morgan",
                "www.smith.com", " ", " ", ". ", ", ", "internet", "Internet", "A", "«", "Jean-Paul", "jean-paul",
                "Élysée", "élysée", "O'Neil", "o'neil", "3Smith", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CASE_PIECES), max_size=8).map(" ".join), min_size=1, max_size=4),
       st.lists(st.lists(st.sampled_from(_CASE_PIECES), max_size=8).map(" ".join), min_size=1, max_size=4))
def test_lower_cased_names_as_with_the_lower_case_words_read_first(source, target):
    from mtcheck.checks import casing
    from mtcheck.segment import clear_text_caches

    from .check_helpers import doc_of_lines

    src, tgt = doc_of_lines(source, "en"), doc_of_lines(target, "fr")
    n = min(len(source), len(target))
    beads = tuple(Bead((k,), (k,)) for k in range(n - 1)) + (
        Bead(tuple(range(n - 1, len(source))), tuple(range(n - 1, len(target)))),)
    ctx = CheckContext(source=src, target=tgt, alignment=beads, config=Config())
    clear_text_caches()
    got = [(i.target_span.start, i.suggestion) for i in casing._lower_cased_names(ctx, set(), {0})]
    expected = [(start, word) for _, start, word in _lower_cased_names_reference(ctx, set(), {0})]
    assert got == expected


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["paris", "Paris", "jean-paul", "jean", "paul", "-", "'", "’", " ", "x", "é", "3",
                                 "_", "parisien", "o'neil"]), max_size=8).map("".join),
       st.sampled_from(["paris", "jean-paul", "jean", "paul", "o'neil", "x"]))
def test_has_word_is_a_word_of_the_pattern(text, word):
    from mtcheck.checks import casing

    assert casing._has_word(word, text) == (word in casing.WORD_RE.findall(text))


_START_PIECES = ["paris", "Paris", "the", "The", "«", "“", " ", "\u00a0", "iPhone", "a)", "3", "www.x.com", "é", "É",
                 ".", ",", ":", "…", "Smith", "smith", "x", "ß"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_START_PIECES), max_size=6).map("".join), min_size=1, max_size=6),
       st.lists(st.lists(st.sampled_from(_START_PIECES), max_size=6).map(" ".join), min_size=1, max_size=6),
       st.sets(st.integers(0, 5), max_size=2))
def test_lost_casing_as_with_every_sentence_start_read(target, source, noise):
    """casing.lost gives the same issues when its test for a lower-case start lets every target through."""
    from unittest import mock

    from mtcheck.checks import casing
    from mtcheck.segment import clear_text_caches

    from .check_helpers import doc_of_lines

    src, tgt = doc_of_lines(source, "en"), doc_of_lines(target, "fr")
    n = min(len(source), len(target))
    beads = tuple(Bead((k,), (k,)) for k in range(n))

    def issues():
        clear_text_caches()
        ctx = CheckContext(source=src, target=tgt, alignment=beads, config=Config())
        ctx.notes["noise_target_sentences"] = set(noise)
        return list(casing.lost_casing(ctx))

    gated = issues()
    with mock.patch.object(casing, "_may_start_lower", lambda doc, noise: True):
        assert issues() == gated


@pytest.mark.parametrize("source, target, names", [
    (["Paris Smith said.", "He saw Paris."], ["Il a parlé.", "Il a vu paris."], ["paris"]),  # first word of a run
    (["He met Li today."], ["Il a vu li hier."], ["li"]),  # a name of two letters
    (["He met Smith Jones."], ["Il a vu smith jones."], ["jones"]),  # only the last of a run is a name
])
def test_lower_cased_names_the_document_test_lets_through(source, target, names):
    from mtcheck.checks import casing
    from mtcheck.segment import clear_text_caches

    from .check_helpers import doc_of_lines

    src, tgt = doc_of_lines(source, "en"), doc_of_lines(target, "fr")
    ctx = CheckContext(source=src, target=tgt, alignment=tuple(Bead((k,), (k,)) for k in range(len(source))),
                       config=Config())
    clear_text_caches()
    assert [i.suggestion.lower() for i in casing._lower_cased_names(ctx, set(), set())] == names
    assert [w.lower() for _, _, w in _lower_cased_names_reference(ctx, set(), set())] == names


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("aTkYoU éÉß'-.中\u0130\u212a") + ["McEnany", "iPhone", "TikTok", "aA"]),
                max_size=30).map("".join))
def test_camel_words_are_those_of_the_plain_pattern(text):
    """``_camel_words`` (bytes translate in C) finds what the plain pattern finds: Latin words holding an ASCII
    lower-case letter followed by a capital, four letters or more, once each in order."""
    import re

    from mtcheck.checks.casing import _LATIN_LETTER, _camel_words

    plain = re.compile(f"(?<![{_LATIN_LETTER}])[{_LATIN_LETTER}]*[a-z][A-Z][{_LATIN_LETTER}]*(?![{_LATIN_LETTER}])")
    assert _camel_words(text) == [w for w in dict.fromkeys(plain.findall(text)) if len(w) >= 4]
