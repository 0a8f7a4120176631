"""Table-driven tests of punctuation.stray_break."""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.checks import REGISTRY, CheckContext, run_checks
from mtcheck.config import Config
from mtcheck.segment import split_sentences
from mtcheck.types import Bead, Category, Document, Issue, Sentence, Severity, Span

FAMILY = ("noise.debris", "untranslated.sentence", "casing.lost", "punctuation.stray_break")


def make_doc(text: str, lang: str) -> Document:
    return Document(text=text, lang=lang, sentences=split_sentences(text, lang))


def one_to_one(source: Document, target: Document) -> tuple[Bead, ...]:
    n, m = len(source.sentences), len(target.sentences)
    k = min(n, m)
    beads = [Bead((i,), (i,)) for i in range(k - 1)]
    if k:
        beads.append(Bead(tuple(range(k - 1, n)), tuple(range(k - 1, m))))
    return tuple(beads)


def run_family(src, src_lang, tgt, tgt_lang, alignment=None) -> tuple[list[Issue], Document, Document]:
    source, target = make_doc(src, src_lang), make_doc(tgt, tgt_lang)
    ctx = CheckContext(source, target, alignment or one_to_one(source, target), Config())
    issues, errors = run_checks(ctx, only=FAMILY)
    assert errors == []
    return issues, source, target


def flagged(issues: list[Issue], target: Document) -> list[tuple[str, str]]:
    return sorted((i.check, target.text[i.target_span.start : i.target_span.end]) for i in issues if i.target_span)


# (id, source, source lang, target, target lang, alignment (None: one-to-one, tail in the last bead),
#  expected (check, flagged substring) pairs)
CASES = [
    # Abbreviations of magnitudes (Czech tis., Swedish mdr., Danish mia.) are no sentence end; a stray stop
    # before a lower-case word elsewhere still is.
    (
        "en-cs « 25 tis. lidí »",
        "About 25,000 people protested.",
        "en",
        "Přibližně 25 tis. lidí protestovalo.",
        "cs",
        (Bead((0,), (0, 1)),),
        [],
    ),
    (
        "en-sv « 3 mdr. kronor »",
        "The state spent 3 billion kronor on the new railway.",
        "en",
        "Staten spenderade 3 mdr. kronor på den nya järnvägen.",
        "sv",
        (Bead((0,), (0, 1)),),
        [],
    ),
    (
        "en-da « 3 mia. kroner »",
        "The state spent 3 billion kroner.",
        "en",
        "Staten brugte 3 mia. kroner.",
        "da",
        (Bead((0,), (0, 1)),),
        [],
    ),
    (
        "en-el « 3,5 δισ. ευρώ »",
        "The state spent 3.5 billion euros on housing.",
        "en",
        "Το κράτος δαπάνησε 3,5 δισ. ευρώ για στέγαση.",
        "el",
        (Bead((0,), (0, 1)),),
        [],
    ),
    (
        "en-uk « 25 тис. людей »",
        "About 25,000 people protested.",
        "en",
        "Близько 25 тис. людей протестували.",
        "uk",
        (Bead((0,), (0, 1)),),
        [],
    ),
    (
        "en-hu « stb. is »",
        "Banks, insurers and others also joined the programme.",
        "en",
        "A bankok, a biztosítók stb. is csatlakoztak a programhoz.",
        "hu",
        (Bead((0,), (0, 1)),),
        [],
    ),
    (
        "zh-fr seed: « bureau politique. du comité central » in a text without casing",
        "林剑介绍，中共中央政治局委员、外交部长王毅出席会议并致辞。",
        "zh",
        "lin jian a annoncé que wang yi, membre du bureau politique. du comité central du pcc et ministre "
        "des affaires étrangères, y a assisté et a prononcé un discours.",
        "fr",
        (Bead((0,), (0, 1)),),
        [("punctuation.stray_break", ". du"), ("casing.lost", "lin")],
    ),
    (
        "ru-en « Politburo. of the CPC Central Committee »",
        "Он является членом Политбюро ЦК КПК. Он выступил с речью.",
        "ru",
        "He is a member of the Politburo. of the CPC Central Committee. He delivered a speech.",
        "en",
        (Bead((0,), (0, 1)), Bead((1,), (2,))),
        [("punctuation.stray_break", ". of")],
    ),
    (
        "es-de stop inside one segment (the German splitter does not split there)",
        "Es miembro del Buró Político del Comité Central. Pronunció un discurso.",
        "es",
        "Er ist Mitglied des Politbüros. des Zentralkomitees der KPCh. Er hielt eine Rede.",
        "de",
        None,
        [("punctuation.stray_break", ". des")],
    ),
    (
        "en-es « Buró Político. del Comité Central »",
        "He is a member of the Political Bureau of the Central Committee.",
        "en",
        "Es miembro del Buró Político. del Comité Central del PCCh.",
        "es",
        (Bead((0,), (0, 1)),),
        [("punctuation.stray_break", ". del")],
    ),
    (
        "en-fr cased text: a lower-case start after a stop the source does not have",
        "Wang Yi, member of the Political Bureau, attended the meeting.",
        "en",
        "Wang Yi, membre du Bureau politique. il a assisté à la réunion.",
        "fr",
        (Bead((0,), (0, 1)),),
        [("punctuation.stray_break", ". il")],
    ),
    (
        "zh-fr « d' » continues a phrase",
        "中方提出了人工智能能力建设普惠计划。",
        "zh",
        "la chine a proposé le plan de renforcement des capacités. d'intelligence artificielle inclusif.",
        "fr",
        (Bead((0,), (0, 1)),),
        [("punctuation.stray_break", ". d'intelligence"), ("casing.lost", "la")],
    ),
    # true negatives
    (
        "zh-fr seed: « (cet article provient de the paper. pour plus… » is a real boundary",
        "（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）",
        "zh",
        "(cet article provient de the paper. pour plus d'informations originales, veuillez télécharger "
        "l'application « the paper »)",
        "fr",
        None,
        [],
    ),
    (
        "zh-fr text without casing: a split before « pour » is not evidence",
        "中方提出这一计划，为推动计划落实，还倡议成立之友小组。",
        "zh",
        "la chine a proposé ce plan. pour promouvoir sa mise en œuvre, elle a proposé un groupe d'amis.",
        "fr",
        (Bead((0,), (0, 1)),),
        [("casing.lost", "la"), ("casing.lost", "pour")],
    ),
    (
        "zh-fr the source has the break too (two source sentences)",
        "王毅抵达会场。来自80个国家的代表出席了会议。",
        "zh",
        "wang yi est arrivé. des représentants de 80 pays ont participé.",
        "fr",
        (Bead((0, 1), (0, 1)),),
        [("casing.lost", "des"), ("casing.lost", "wang")],
    ),
    (
        "en-fr one source sentence rendered as two cased sentences",
        "The minister arrived and spoke to reporters.",
        "en",
        "Le ministre est arrivé. Il a parlé aux journalistes.",
        "fr",
        (Bead((0,), (0, 1)),),
        [],
    ),
    (
        "fr-en abbreviation « etc. » inside brackets",
        "Les pays (France, Italie, etc. et Espagne) ont signé.",
        "fr",
        "The countries (France, Italy, etc. and Spain) signed.",
        "en",
        None,
        [],
    ),
    (
        "de-de German ordinals « am 3. und 4. Oktober »",
        "Die Gespräche finden am 3. und 4. Oktober statt.",
        "de",
        "Die Gespräche finden am 3. und 4. Oktober statt.",
        "de",
        None,
        [],
    ),
    (
        "en-fr initial « M. » before a name particle",
        "Mr. de Villepin spoke.",
        "en",
        "M. de Villepin a pris la parole. Puis il est parti.",
        "fr",
        (Bead((0,), (0, 1)),),
        [],
    ),
    (
        "en-zh Chinese full stops are not checked",
        "He is a member of the Political Bureau of the Central Committee.",
        "en",
        "他是中央政治局委员。中央委员会的。",
        "zh",
        (Bead((0,), (0, 1)),),
        [],
    ),
]


@pytest.mark.parametrize(
    "src, src_lang, tgt, tgt_lang, alignment, expected",
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_punctuation_stray_break(src, src_lang, tgt, tgt_lang, alignment, expected):
    issues, source, target = run_family(src, src_lang, tgt, tgt_lang, alignment)
    assert flagged(issues, target) == sorted(expected)
    for issue in issues:
        if issue.check == "punctuation.stray_break":
            assert issue.category is Category.FLUENCY_PUNCTUATION
            assert issue.severity is Severity.MINOR
            assert issue.source_span is not None
            assert source.text[issue.source_span.start : issue.source_span.end] == source.sentences[0].text


def test_suggestion_removes_the_full_stop():
    issues, _, target = run_family(
        "林剑介绍，中共中央政治局委员王毅出席会议。",
        "zh",
        "wang yi, membre du bureau politique. du comité central du pcc, y a assisté.",
        "fr",
        (Bead((0,), (0, 1)),),
    )
    (brk,) = [i for i in issues if i.check == "punctuation.stray_break"]
    assert target.text[brk.target_span.start : brk.target_span.end] == ". du"
    assert brk.suggestion == " du"


def test_registered_with_a_titled_docstring():
    info = REGISTRY["punctuation.stray_break"]
    assert info.category is Category.FLUENCY_PUNCTUATION and info.order == 50
    assert info.title.startswith("Stray full stop")
    assert "False positives" in info.doc


_SPACE_PIECES = ["a", "b", " ", "  ", "\u00a0", "\u00a0 ", "x  y", "“q”", "«q»", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_SPACE_PIECES), max_size=5).map("".join), min_size=1, max_size=4),
       st.lists(st.lists(st.sampled_from(_SPACE_PIECES), max_size=5).map("".join), min_size=1, max_size=4),
       st.data())
def test_double_space_skips_only_documents_without_one(source, target, data):
    """punctuation.double_space gives the same issues with its per-document test as when every bead is
    read (sentences starting or ending with spaces, empty ones, beads of several sentences)."""
    from unittest import mock

    from mtcheck.checks import punctuation
    from mtcheck.checks.registry import CheckContext
    from mtcheck.types import Bead, Document, Sentence

    def doc(lines, lang):
        text, sents, pos = "", [], 0
        for k, line in enumerate(lines):
            sents.append(Sentence(pos, pos + len(line), line, 0, k))
            text += line + "\n"
            pos += len(line) + 1
        return Document(text=text, lang=lang, sentences=tuple(sents))

    src, tgt = doc(source, "en"), doc(target, "fr")
    index = st.integers(0, 3)
    beads = tuple(Bead(tuple(sorted(set(a))), tuple(sorted(set(b)))) for a, b in data.draw(
        st.lists(st.tuples(st.lists(index, max_size=3), st.lists(index, max_size=3)), max_size=4)))

    def issues():
        ctx = CheckContext(source=src, target=tgt, alignment=beads, config=Config())
        return list(punctuation.double_space(ctx))

    gated = issues()
    with mock.patch.object(punctuation, "_may_double_space", lambda doc: True):
        assert issues() == gated


@pytest.mark.parametrize("first, second, span", [
    ("a ", "b", Span(1, 2)), ("a", " b", Span(1, 1)), ("a\u00a0", "b", Span(1, 2)), ("a", "\u00a0b", Span(1, 1)),
])
def test_double_space_at_a_joint_of_a_bead_side(first, second, span):
    """Two sentences of one bead, one with a space at the joint: the side has two spaces there."""
    from mtcheck.checks import punctuation
    from mtcheck.checks.registry import CheckContext

    src = Document(text="x\n", lang="en", sentences=(Sentence(0, 1, "x"),))
    tgt = Document(text=f"{first}\n{second}\n", lang="fr", sentences=(
        Sentence(0, len(first), first, 0, 0), Sentence(len(first) + 1, len(first) + 1 + len(second), second, 0, 1)))
    ctx = CheckContext(source=src, target=tgt, alignment=(Bead((0,), (0, 1)),), config=Config())
    assert [i.target_span for i in punctuation.double_space(ctx)] == [span]


_OLD_INNER_STOP_RE = __import__("re").compile(r"(?<=[^\W\d_])\.[ \u00a0\u202f]+(?=[^\W\d_])")


def _stray_breaks_reference(ctx):
    """The stray breaks inside segments as first found: the start cases read first, a loop over the
    sentences for the stops."""
    from mtcheck.checks import punctuation as p

    tgt = p.base_lang(ctx.target.lang)
    if not p.is_cased_lang(tgt):
        return []
    continuation = p.CONTINUATION_WORDS.get(tgt, frozenset())
    noise = p.noise_targets(ctx)
    sents = ctx.target.sentences
    cases = p._start_cases(ctx.target, noise)
    upper_starts = sum(cases.values())
    lower_starts = len(cases) - upper_starts
    found: list[p.StrayBreak] = []
    seen: set[int] = set()
    # 2. Inside one segment: a continuation word after the stop is evidence; in a document that has its
    # casing, so is any lower-case word (the splitter kept the stop inside because no capital followed).
    bead_of = {j: k for k, bead in enumerate(ctx.alignment) for j in bead.target}
    cased_document = upper_starts > lower_starts
    for j, sent in enumerate(sents):
        if j in noise or not (". " in sent.text or ".\u00a0" in sent.text or ".\u202f" in sent.text):
            continue
        for stop in _OLD_INNER_STOP_RE.finditer(sent.text):
            m = p.WORD_RE.match(sent.text, stop.end())
            if not m:
                continue
            word = m.group()
            dot = sent.start + stop.start()
            if dot in seen:
                continue
            if p._continuation_head(word) not in continuation and not (
                    cased_document and word[0].islower() and not p.is_brand_like(word)):
                continue
            if p.is_abbreviation_stop(sent.text[: stop.start() + 1]):
                continue
            found.append(p.StrayBreak(dot, sent.start + m.start(), sent.start + m.end(), word, None, bead_of.get(j)))
            seen.add(dot)
    return sorted(found, key=lambda f: f.dot)


_STOP_PIECES = ["le. du", "le. président", "etc. de", "M. Dupont", "of", " and", "x. y", "The. and", "A. B", ". ", "iPhone",
                "3. Oktober", "www.x.com. de", "Il", "il", "«", "»", " ", ".", "é. é", "\u00a0", "le.\u00a0du"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_STOP_PIECES), max_size=5).map("".join), min_size=1, max_size=5),
       st.sampled_from(["fr", "en", "de"]), st.data())
def test_stray_breaks_as_first_found(sentences, lang, data):
    """The stray breaks inside segments found with the stops of one pass over the sentences and the start
    cases read only when needed are those of the per-sentence loop with the start cases read first."""
    from mtcheck.checks import punctuation
    from mtcheck.checks.registry import CheckContext

    from .check_helpers import doc_of_lines

    tgt = doc_of_lines(sentences, lang)
    src = doc_of_lines(["Source."] * len(sentences), "en")
    beads = [Bead((k,), (k,)) for k in range(len(sentences))]  # one to one: no break between sentences
    noise = set(data.draw(st.lists(st.integers(0, len(sentences) - 1), max_size=2)))
    ctx = CheckContext(source=src, target=tgt, alignment=tuple(beads), config=Config())
    ctx.notes["noise_target_sentences"] = noise
    assert punctuation._find_stray_breaks(ctx) == _stray_breaks_reference(ctx)
