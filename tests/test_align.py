"""The model-free sentence aligner: exact beads on small news fixtures, invariants, the vecalign format."""
from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.align import (
    ALIGNER_NAME,
    AlignParams,
    align_documents,
    align_sentences,
    format_vecalign,
    parse_vecalign,
)
from mtcheck.errors import InputError
from mtcheck.types import Bead, Document, Sentence


def pairs(beads):
    return [(b.source, b.target) for b in beads]


# --- exact beads -----------------------------------------------------------------------------------------

DE_ECB = [
    "Die Europäische Zentralbank hat den Leitzins am Donnerstag unverändert gelassen.",
    "Präsidentin Christine Lagarde sagte, die Inflation bleibe zu hoch.",
    "Die Märkte reagierten kaum auf die Entscheidung.",
    "Analysten erwarten eine Zinssenkung frühestens im Juni.",
]
EN_ECB = [
    "The European Central Bank left its key interest rate unchanged on Thursday.",
    "President Christine Lagarde said inflation remained too high.",
    "Markets barely reacted to the decision.",
    "Analysts expect a rate cut in June at the earliest.",
]


def test_one_to_one():
    beads = align_sentences(DE_ECB, EN_ECB, src_lang="de", tgt_lang="en")
    assert pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert all(0.0 <= b.score <= 1.0 and round(b.score, 4) == b.score for b in beads)
    assert all(b.score > 0.5 for b in beads)


def test_one_to_two_split():
    src = [
        "The storm hit the coast on Sunday night.",
        "More than 20,000 homes lost power, and the regional authorities opened emergency shelters in "
        "three towns while rescue teams searched for missing fishermen.",
        "Schools will remain closed on Monday.",
    ]
    tgt = [
        "La tempête a frappé la côte dimanche soir.",
        "Plus de 20 000 foyers ont été privés d'électricité.",
        "Les autorités régionales ont ouvert des abris d'urgence dans trois villes pendant que les secours "
        "recherchaient des pêcheurs disparus.",
        "Les écoles resteront fermées lundi.",
    ]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    assert pairs(beads) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def test_two_to_one_merge():
    src = [
        "Le gouvernement a présenté son budget mercredi.",
        "Il prévoit un déficit de 4,4 % du PIB.",
        "Les économies portent surtout sur les dépenses de santé.",
        "L'opposition a dénoncé un budget d'austérité.",
    ]
    tgt = [
        "The government presented its budget on Wednesday, forecasting a deficit of 4.4% of GDP.",
        "Savings mainly concern health spending.",
        "The opposition denounced an austerity budget.",
    ]
    beads = align_sentences(src, tgt, src_lang="fr", tgt_lang="en")
    assert pairs(beads) == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]


def test_dropped_sentence_is_a_null_bead():
    src = [
        "The city council approved the new tram line on Tuesday.",
        "Construction is due to start next spring.",
        "The project has been debated for more than ten years, with residents of the old town fearing "
        "noise and higher rents.",
        "The line will cost 450 million euros.",
        "It should open in 2028.",
    ]
    tgt = [
        "Der Stadtrat hat die neue Straßenbahnlinie am Dienstag genehmigt.",
        "Der Bau soll im nächsten Frühjahr beginnen.",
        "Die Linie wird 450 Millionen Euro kosten.",
        "Sie soll 2028 eröffnet werden.",
    ]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="de")
    assert pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,))]
    assert beads[2].kind == "1-0"


def test_added_sentence_is_a_null_bead():
    src = [
        "Apple reported record sales for the third quarter.",
        "Revenue rose 8% to 94.9 billion dollars.",
        "The company also announced a new buyback programme.",
    ]
    tgt = [
        "Apple a annoncé des ventes record pour le troisième trimestre.",
        "Le chiffre d'affaires a progressé de 8 % à 94,9 milliards de dollars.",
        "Cette hausse a surpris la plupart des analystes de Wall Street, qui tablaient sur un recul des "
        "ventes d'iPhone en Chine.",
        "Le groupe a également annoncé un nouveau programme de rachat d'actions.",
    ]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    assert pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,))]


@pytest.mark.parametrize("debris", [".....", "- _-", "* * *", ".:-- , ."])
def test_debris_line_stands_alone(debris):
    # An OCR or layout remnant between two sentences is its own 0-1 bead, not glued to a neighbour.
    tgt = [EN_ECB[0], EN_ECB[1], debris, EN_ECB[2], EN_ECB[3]]
    beads = align_sentences(DE_ECB, tgt, src_lang="de", tgt_lang="en")
    assert pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,))]
    # Without the debris rule the line is merged into a neighbour's bead.
    glued = align_sentences(DE_ECB, tgt, src_lang="de", tgt_lang="en", params=AlignParams(debris_null=100.0))
    assert ((), (2,)) not in pairs(glued)


@pytest.mark.parametrize(
    "text, debris",
    [(".....", True), ("- _-", True), ('h * "', True), ("§", True), ("24 a !", False), ("Ja.", False),
     ("中", True), ("中国", False), ("1", False)],
)
def test_is_debris(text, debris):
    from mtcheck.align.anchors import is_debris

    assert is_debris(text) is debris


ZH_STATS = [
    "国家统计局15日发布数据显示，一季度国内生产总值同比增长5.3%。",
    "据澎湃新闻（www.thepaper.cn）报道，消费市场持续回暖，多地出台促消费措施。",
    "3月份社会消费品零售总额为3.9万亿元。",
    "专家认为，全年经济有望保持稳定增长。",
]
FR_STATS = [
    "Selon les données publiées le 15 par le Bureau national des statistiques, le PIB a progressé de "
    "5,3 % sur un an au premier trimestre.",
    "Les ventes au détail ont atteint 3 900 milliards de yuans en mars.",
    "Selon les experts, l'économie devrait maintenir une croissance stable sur l'ensemble de l'année.",
]


def test_chinese_to_french_numbers_locate_an_omission():
    # Lengths alone (ratio about 2.5 characters of French per Chinese character) pair the second
    # Chinese sentence with the first French one; the numbers 15, 5.3 and 3.9万亿 = 3 900 milliards say
    # which sentence the translation left out.
    beads = align_sentences(ZH_STATS, FR_STATS, src_lang="zh", tgt_lang="fr")
    assert pairs(beads) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    blind = align_sentences(ZH_STATS, FR_STATS, src_lang="zh", tgt_lang="fr",
                            params=AlignParams(anchor_match=0.0, anchor_miss=0.0))
    assert pairs(blind) != pairs(beads)


def test_latin_tokens_in_a_chinese_source_are_anchors():
    zh = [
        "据澎湃新闻（www.thepaper.cn）报道，上海今日气温创新高。",
        "气象部门提醒市民注意防暑。",
        "OpenAI首席执行官Sam Altman周二在东京会见了日本首相。",
        "双方讨论了人工智能监管问题。",
    ]
    fr = [
        "Selon The Paper (www.thepaper.cn), Shanghai a enregistré aujourd'hui une température record.",
        "Le patron d'OpenAI, Sam Altman, a rencontré mardi à Tokyo le Premier ministre japonais.",
        "Les deux hommes ont discuté de la régulation de l'intelligence artificielle.",
    ]
    beads = align_sentences(zh, fr, src_lang="zh", tgt_lang="fr")
    assert pairs(beads) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


def test_paragraph_breaks_are_respected():
    src = [
        "Le président a inauguré lundi le nouveau pont sur la Loire.",
        "Les travaux ont duré quatre ans.",
        "Le pont relie désormais les deux rives du centre-ville.",
        "Il accueillera 20 000 véhicules par jour.",
    ]
    tgt = [
        "On Monday the president opened the new bridge over the Loire.",
        "The bridge now links the two banks of the historic city centre, across the river.",
        "It will carry 20,000 vehicles a day.",
    ]
    src_par, tgt_par = [0, 0, 1, 1], [0, 1, 1]
    beads = align_sentences(src, tgt, src_lang="fr", tgt_lang="en", src_paragraphs=src_par,
                            tgt_paragraphs=tgt_par)
    assert pairs(beads) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    for b in beads:
        assert len({src_par[i] for i in b.source}) <= 1 and len({tgt_par[j] for j in b.target}) <= 1


def test_empty_sides():
    assert align_sentences([], []) == ()
    assert pairs(align_sentences([], ["Un.", "Deux."])) == [((), (0,)), ((), (1,))]
    assert pairs(align_sentences(["One sentence."], [])) == [((0,), ())]
    assert all(0.0 <= b.score <= 1.0 for b in align_sentences(["One sentence.", "Two."], []))


def test_align_documents_uses_text_paragraphs_and_language():
    def doc(sentences, paragraphs, lang):
        text, out, pos = "", [], 0
        for k, (s, p) in enumerate(zip(sentences, paragraphs)):
            sep = "" if k == 0 else ("\n\n" if p != paragraphs[k - 1] else " ")
            text += sep + s
            start = len(text) - len(s)
            out.append(Sentence(start, len(text), s, p, 0))
        return Document(text=text, lang=lang, sentences=tuple(out))

    source = doc(DE_ECB, [0, 0, 1, 1], "de")
    target = doc(EN_ECB, [0, 0, 1, 1], "en")
    assert pairs(align_documents(source, target)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_aligner_name():
    assert ALIGNER_NAME == "length"


# --- invariants ----------------------------------------------------------------------------------------

WORDS = ["le", "pont", "the", "bridge", "Zürich", "2028", "4,5", "3.9万亿", "www.thepaper.cn", "政府", "报道",
         "«", "»", "(", ")", "?", "!", ";", ":", ",", "."]
sentence = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


def check_partition(beads, n, m):
    src = [i for b in beads for i in b.source]
    tgt = [j for b in beads for j in b.target]
    assert src == list(range(n)) and tgt == list(range(m))  # each sentence once, in order
    for b in beads:
        assert b.source or b.target
        assert list(b.source) == list(range(b.source[0], b.source[0] + len(b.source))) if b.source else True
        assert list(b.target) == list(range(b.target[0], b.target[0] + len(b.target))) if b.target else True
        assert 0.0 <= b.score <= 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence, max_size=25), st.lists(sentence, max_size=25), st.booleans())
def test_every_sentence_in_exactly_one_bead(src, tgt, with_paragraphs):
    kwargs = {}
    if with_paragraphs:
        kwargs = {"src_paragraphs": [i // 3 for i in range(len(src))],
                  "tgt_paragraphs": [j // 4 for j in range(len(tgt))]}
    beads = align_sentences(src, tgt, src_lang="fr", tgt_lang="zh", **kwargs)
    check_partition(beads, len(src), len(tgt))


def test_long_documents_use_the_band_and_stay_a_partition():
    src = [f"Sentence number {i} of the source, with {'some ' * (i % 7)}words." for i in range(700)]
    tgt = [f"Phrase numéro {i} de la cible, avec {'des ' * (i % 7)}mots." for i in range(700) if i % 50 != 7]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    check_partition(beads, len(src), len(tgt))
    nulls = [b.source for b in beads if not b.target]
    assert nulls == [(i,) for i in range(700) if i % 50 == 7]


# --- second pass: a lexicon learnt from the document (Moore 2002) ---------------------------------------


def synthetic_lexicon(rng, size=300):
    """Source and target words that share no letter in first position (no cognates, no anchors): a
    lexicon only a translation model can learn. A word and its translation have the same length."""
    src, tgt, seen = [], [], set()
    while len(src) < size:
        n = rng.randint(3, 9)
        s = "".join(rng.choice("bdfgklmnprst") + rng.choice("aeiou") for _ in range(n))[:n]
        t = "".join(rng.choice("cjqvwxzh") + rng.choice("aeiou") for _ in range(n))[:n]
        if s not in seen and t not in seen:
            seen.update((s, t))
            src.append(s)
            tgt.append(t)
    return src, tgt


def twin_document(seed, n=150, twins=(20, 50, 80, 110, 135)):
    """n parallel sentences, word for word; at each twin position k, source sentences k and k+1 are
    made of words of the same lengths (so they have the same length and punctuation), and the target
    leaves out the translation of k or of k+1, in turn: lengths cannot say which one is missing."""
    rng = random.Random(seed)
    sw, tw = synthetic_lexicon(rng)
    weights = [1.0 / (k + 1) ** 0.8 for k in range(len(sw))]
    by_len = {}
    for k, w in enumerate(sw):
        by_len.setdefault(len(w), []).append(k)
    sents = []
    for i in range(n):
        if i - 1 in twins:
            sents.append([rng.choice(by_len[len(sw[k])]) for k in sents[-1]])
        else:
            sents.append(rng.choices(range(len(sw)), weights, k=rng.randint(6, 14)))
    src = [" ".join(sw[k] for k in s).capitalize() + " ." for s in sents]
    dropped = {k if t % 2 == 0 else k + 1 for t, k in enumerate(twins)}
    tgt, gold = [], []
    for i, s in enumerate(sents):
        if i in dropped:
            gold.append(((i,), ()))
        else:
            tgt.append(" ".join(tw[k] for k in s).capitalize() + " .")
            gold.append(((i,), (len(tgt) - 1,)))
    return src, tgt, gold


@pytest.mark.parametrize("seed", [1, 2])
def test_second_pass_lexicon_tells_which_twin_was_dropped(seed):
    src, tgt, gold = twin_document(seed)
    assert pairs(align_sentences(src, tgt)) == gold
    # Lengths alone (the first pass) cannot: the same twin is taken as missing each time.
    blind = pairs(align_sentences(src, tgt, params=AlignParams(lexical_weight=0)))
    assert blind != gold
    assert sum(b not in gold for b in blind) >= 2


def test_second_pass_only_for_documents_of_moderate_size():
    src, tgt, _ = twin_document(3)
    off = pairs(align_sentences(src, tgt, params=AlignParams(lexical_weight=0)))
    assert pairs(align_sentences(src, tgt)) != off
    # Too short to learn from, or (for time) too long: the first pass is the answer.
    assert pairs(align_sentences(src, tgt, params=AlignParams(second_pass_min_sentences=200))) == off
    assert pairs(align_sentences(src, tgt, params=AlignParams(second_pass_max_sentences=250))) == off
    short = pairs(align_sentences(src[:99], tgt[:97]))
    assert short == pairs(align_sentences(src[:99], tgt[:97], params=AlignParams(lexical_weight=0)))


@pytest.mark.parametrize("src, tgt", [
    ([f"{i} ." for i in range(120)], [f"{i} ." for i in range(125)]),  # no letters: an empty lexicon
    ([""] * 120, [""] * 110),
    (["Word ."] * 130, ["Mot ."] * 128),
    ([f"W{i}x" * 3 for i in range(120)], [f"m{i}y" * 3 for i in range(120)]),  # every word seen once
    (["这是一个句子。"] * 50 + ["另一个句子在这里。"] * 60, ["This is a sentence."] * 55 + ["Another one."] * 60),
])
def test_second_pass_on_degenerate_long_documents_stays_a_partition(src, tgt):
    beads = align_sentences(src, tgt, src_lang="zh", tgt_lang="en",
                            src_paragraphs=[i // 7 for i in range(len(src))])
    check_partition(beads, len(src), len(tgt))


def test_second_pass_on_random_long_documents_stays_a_partition():
    rng = random.Random(0)
    for _ in range(4):
        src = [" ".join(rng.choices(WORDS, k=rng.randint(0, 12))) for _ in range(rng.randint(100, 160))]
        tgt = [" ".join(rng.choices(WORDS, k=rng.randint(0, 12))) for _ in range(rng.randint(100, 160))]
        check_partition(align_sentences(src, tgt, src_lang="fr", tgt_lang="zh"), len(src), len(tgt))


def test_lexical_costs_in_the_band_match_model1_computed_directly():
    from mtcheck.align.length import _project
    from mtcheck.align.lexicon import FREE_WORD, Lexicon, LexicalScorer, lexical_tokens

    src, tgt, gold = twin_document(4, n=120)
    s_tok = [lexical_tokens(x) for x in src]
    t_tok = [lexical_tokens(x) for x in tgt]
    train = [(s, t) for s, t in gold if s and t][::2]
    lex = Lexicon(s_tok, t_tok, train, folds=1)
    n, m = len(src), len(tgt)
    path = [(0, 0)]
    for s, t in gold:
        path.append((path[-1][0] + len(s), path[-1][1] + len(t)))
    band = _project(path, n, m, 2, 2, scale=1)
    scorer = LexicalScorer(lex, band.lo, band.hi, 3, 3, weight=1.0)

    def direct(expl_side, table, words_side, expl_rows, word_rows):
        # sum over the words of word_rows of log(FREE + (1 - FREE) * model1 / p(f))
        e_ids = [e for r in expl_rows for e in expl_side.ids[expl_side.starts[r]:expl_side.starts[r + 1]]]
        total = 0.0
        for r in word_rows:
            for f in words_side.ids[words_side.starts[r]:words_side.starts[r + 1]]:
                if table.null[f] <= 0:
                    continue
                t = table.null[f]
                for e in e_ids:
                    lo, hi = table.offsets[e], table.offsets[e + 1]
                    t += sum(p for ff, p in zip(table.f[lo:hi], table.prob[lo:hi]) if ff == f)
                model1 = t / (len(e_ids) + 1)
                total += math.log(FREE_WORD + (1 - FREE_WORD) * model1 / math.exp(words_side.logp[f]))
        return total

    rng = random.Random(0)
    for a, b in [(1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)]:
        cells = [(i, j) for i in range(a, n + 1) for j in range(max(b, band.lo[i]), band.hi[i] + 1)
                 if band.lo[i - a] <= j - b <= band.hi[i - a]]
        for i, j in rng.sample(cells, 15):
            got = scorer.cost(a, b, np.array([i]), np.array([j]))[0]
            want = -0.5 * (direct(lex.src, lex.st[0], lex.tgt, range(i - a, i), range(j - b, j))
                           + direct(lex.tgt, lex.ts[0], lex.src, range(j - b, j), range(i - a, i)))
            assert got == pytest.approx(want, rel=1e-6, abs=1e-6)


# --- vecalign format -------------------------------------------------------------------------------------


def test_format_and_parse_round_trip():
    beads = (Bead((0,), (0, 1), 0.9), Bead((1, 2), (2,), 0.8), Bead((3,), ()), Bead((), (3,)))
    text = format_vecalign(beads)
    assert text == "[0]:[0, 1]\n[1, 2]:[2]\n[3]:[]\n[]:[3]\n"
    assert parse_vecalign(text) == [((0,), (0, 1)), ((1, 2), (2,)), ((3,), ()), ((), (3,))]
    assert format_vecalign(parse_vecalign(text)) == text
    assert format_vecalign([]) == ""


def test_parse_tolerates_spacing_and_blank_lines():
    assert parse_vecalign("[0,1] : [ 2 ]\n\n[]:[3]") == [((0, 1), (2,)), ((), (3,))]


@pytest.mark.parametrize("bad", ["[0]:[a]", "0:1", "[0]:[1", "[0]:[1]:[2]"])
def test_parse_rejects_malformed_lines(bad):
    with pytest.raises(InputError):
        parse_vecalign(bad)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)).filter(lambda ab: ab != (0, 0)), max_size=30))
def test_round_trip_property(kinds):
    i = j = 0
    beads = []
    for a, b in kinds:
        beads.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    assert parse_vecalign(format_vecalign(beads)) == beads
