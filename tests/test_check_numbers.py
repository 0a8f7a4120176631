"""The accuracy/number check (``numbers.mismatch``): true positives, true negatives and the founding seed."""
from __future__ import annotations

from typing import Optional, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.checks.numbers import CHECK_ID, number_mismatch
from mtcheck.checks.registry import REGISTRY, CheckContext
from mtcheck.config import Config
from mtcheck.types import Bead, Category, Document, Issue, Sentence, Severity

MAJOR, MINOR = Severity.MAJOR, Severity.MINOR


def make_doc(lines: Sequence[str], lang: str) -> Document:
    """One sentence per non-empty line, with offsets into the joined text (like --presegmented)."""
    text = "\n".join(lines)
    sentences = []
    pos = 0
    for number, line in enumerate(lines):
        if line.strip():
            start = pos + len(line) - len(line.lstrip())
            end = pos + len(line.rstrip())
            sentences.append(Sentence(start, end, text[start:end], 0, number))
        pos += len(line) + 1
    return Document(text=text, lang=lang, sentences=tuple(sentences))


def run(source: Document, target: Document, beads: Optional[Sequence[Bead]] = None) -> list[Issue]:
    if beads is None:
        beads = [Bead((i,), (i,)) for i in range(len(source.sentences))]
    return list(number_mismatch(CheckContext(source, target, tuple(beads), Config())))


def flagged(source: Document, target: Document, issues: list[Issue]) -> set[tuple]:
    """(severity, flagged source substring, flagged target substring) of every issue."""
    out = set()
    for issue in issues:
        assert issue.check == CHECK_ID and issue.category is Category.ACCURACY_NUMBER
        src = source.text[issue.source_span.start:issue.source_span.end] if issue.source_span else None
        tgt = target.text[issue.target_span.start:issue.target_span.end] if issue.target_span else None
        out.add((issue.severity, src, tgt))
    return out


def check_pair(src: str, src_lang: str, tgt: str, tgt_lang: str) -> tuple[set[tuple], list[Issue]]:
    source, target = make_doc([src], src_lang), make_doc([tgt], tgt_lang)
    issues = run(source, target)
    return flagged(source, target, issues), issues


# The founding example, verbatim: the Chinese source and the French MT (with its menu and noise lines).
SEED_ZH = "\n".join([
    '中方如何推动落实《人工智能能力建设普惠计划》？外交部回应澎湃新闻',
    '',
    '2024-09-26',
    '',
    '9月26日，外交部发言人林剑主持例行记者会。澎湃新闻（www.thepaper.cn）记者提问：我们注意到，中方在第79届联合国大会一般性辩论期间同赞比亚共同举办了加强人工智能能力建设国际合作高级别会议，并对外宣布了《人工智能能力建设普惠计划》。中方为什么提出这一计划？将采取哪些行动推动计划落实？',
    '林剑介绍，当地时间9月25日，中国同赞比亚共同举办的加强人工智能能力建设国际合作高级别会议在纽约联合国总部举行，中共中央政治局委员、外交部长王毅出席会议并致辞。塞尔维亚总统武契奇、印度尼西亚统筹部长卢胡特以及80多个国家和国际组织的高级别代表与会。各方围绕加强人工智能能力建设国际合作深入交换意见，达成广泛共识。中方提出的《人工智能能力建设普惠计划》得到各方积极支持和响应。',
    '他强调，普惠计划旨在弥合智能鸿沟，推动落实联合国2030年可持续发展议程，围绕人工智能基础设施、产业赋能、人才培养、数据建设、安全治理等领域，提出各方特别是全球南方期待的五大愿景，明确中方将采取的十项行动，包括促进人工智能和数字基础设施互联互通，开展模型研发应用和语料建设合作，加强人工智能战略对接和政策交流，积极分享技术实践。中方将于2025年底前面向发展中国家举办10期人工智能领域研修研讨项目。为推动普惠计划落实，中方还倡议成立人工智能能力建设国际合作之友小组。',
    '林剑表示，今年以来，中方推动联合国大会通过了加强人工智能能力建设国际合作决议，举办了2024世界人工智能大会暨人工智能全球治理高级别会议，以及首期人工智能能力建设研讨班。此次提出的普惠计划与上述行动一脉相承，充分体现了中方在全球人工智能发展和治理中的引领作用。我们愿同国际社会一道，切实推进普惠计划落实，推动各国共享智能红利，携手走向更加美好的智能未来。',
    '澎湃新闻记者 陈沁涵 朱政勇',
    '（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）',
    '',
])
SEED_FR = "\n".join([
    'nouvelles',
    '',
    'comment la chine promeut-elle la mise en œuvre du « plan inclusif pour le renforcement des capacités en intelligence artificielle » ? le ministère des affaires étrangères a répondu à the paper',
    '',
    '2024-09-26',
    '',
    '한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguêsΕλληνικάespañolItalianoSuomalainenLatina',
    '',
    "le 26 septembre, le porte-parole du ministère des affaires étrangères, lin jian, a tenu une conférence de presse régulière. un journaliste de the paper (www.thepaper.cn) a demandé : nous avons remarqué que la chine a co-organisé une réunion de haut niveau sur la coopération internationale en matière de renforcement des capacités en matière d'intelligence artificielle avec la zambie lors du débat général de la 79e session de l'assemblée générale des nations unies. la chine a annoncé le plan d'avantages universels « renforcement des capacités en matière d'intelligence artificielle ». pourquoi la chine a-t-elle proposé ce plan ? quelles actions seront entreprises pour promouvoir la mise en œuvre du plan ?",
    "lin jian a annoncé que le 25 septembre, heure locale, une réunion de haut niveau sur la coopération internationale en matière de renforcement des capacités en matière d'intelligence artificielle, co-organisée par la chine et la zambie, s'est tenue au siège des nations unies à new york, wang yi, membre du bureau politique. du comité central du pcc et ministre des affaires étrangères, y a assisté et a prononcé un discours. le président serbe vucic, le ministre indonésien de coordination luhut et de hauts représentants de plus de 80 pays et organisations internationales ont assisté à la réunion. toutes les parties ont échangé des points de vue approfondis sur le renforcement de la coopération internationale dans le renforcement des capacités en matière d'intelligence artificielle et sont parvenues à un large consensus. le « plan inclusif pour le renforcement des capacités en intelligence artificielle » proposé par la chine a reçu un soutien et une réponse actifs de toutes les parties.",
    "il a souligné que le plan inclusif vise à combler le déficit de renseignement et à promouvoir la mise en œuvre du programme de développement durable des nations unies à l'horizon 2030, en se concentrant sur des domaines tels que l'infrastructure de l'intelligence artificielle, l'autonomisation industrielle, la formation des talents, la construction de données et la gouvernance de la sécurité. les parties prenantes, en particulier les pays du sud, s'attendent à ce que la coopération présente cinq visions majeures et clarifie 10 actions que la chine prendra, notamment la promotion de la connectivité de l'intelligence artificielle et de l'infrastructure numérique, la coopération dans la recherche et le développement de modèles et la construction de corpus d'applications, et le renforcement de la coopération entre les parties prenantes. l'amarrage stratégique et les échanges politiques de l'intelligence artificielle, et le partage actif de pratiques techniques. la chine organisera 10 projets de formation et de séminaires dans le domaine de l'intelligence artificielle pour les pays en développement d'ici fin 2025. afin de promouvoir la mise en œuvre du plan inclusif, la chine a également proposé la création d'un groupe d'amis pour la coopération internationale en matière de renforcement des capacités en matière d'intelligence artificielle.",
    "lin jian a déclaré que depuis cette année, la chine avait poussé l'assemblée générale des nations unies à adopter une résolution sur la coopération internationale en matière de renforcement des capacités en matière d'intelligence artificielle, avait organisé la conférence mondiale sur l'intelligence artificielle de 2024, une réunion de haut niveau sur la gouvernance mondiale de l'intelligence artificielle, et premier séminaire de renforcement des capacités en intelligence artificielle. le plan inclusif proposé cette fois-ci est conforme aux actions mentionnées ci-dessus et reflète pleinement le rôle de premier plan de la chine dans le développement et la gouvernance de l’intelligence artificielle à l’échelle mondiale. nous sommes disposés à travailler avec la communauté internationale pour promouvoir efficacement la mise en œuvre du régime de prestations universelles, promouvoir le partage des dividendes intelligents entre tous les pays et avancer ensemble vers un avenir meilleur et intelligent.",
    'le journaliste du paper chen qinhan et zhu zhengyong',
    "(cet article provient de the paper. pour plus d'informations originales, veuillez télécharger l'application « the paper »)",
    'rapport/commentaires',
])


# --- true positives: (source, lang, target, lang, {(severity, source substring, target substring)}) -------

TRUE_POSITIVES = [
    # a wrong value
    ("塞尔维亚总统武契奇以及80多个国家和国际组织的高级别代表与会。", "zh",
     "le président serbe vucic et de hauts représentants de plus de 8 pays ont assisté à la réunion.", "fr",
     {(MAJOR, "80多", "8")}),
    ("Die Wirtschaft wuchs im zweiten Quartal um 4,5 Prozent.", "de",
     "The economy grew by 45 percent in the second quarter.", "en",
     {(MAJOR, "4,5 Prozent", "45 percent")}),
    ("约3.5万人参加了周六的游行。", "zh",
     "Environ 3 500 personnes ont participé au défilé de samedi.", "fr",
     {(MAJOR, "3.5万", "3 500")}),
    ("9月26日，外交部发言人林剑主持例行记者会。", "zh",
     "le 27 septembre, le porte-parole lin jian a tenu une conférence de presse régulière.", "fr",
     {(MAJOR, "9月26日", "27 septembre")}),
    ("今年以来，出口增长了百分之三十。", "zh", "Depuis le début de l'année, les exportations ont augmenté de 13 %.", "fr",
     {(MAJOR, "百分之三十", "13 %")}),
    ("The consulate was given 72 hours to close.", "en", "Das Konsulat hatte 27 Stunden Zeit, um zu schließen.", "de",
     {(MAJOR, "72", "27")}),
    ("同时根据灾情变化情况，下达省级救灾资金2030万元。", "zh",
     "Meanwhile, the province allocated 203 million yuan of provincial disaster relief funding.", "en",
     {(MAJOR, "2030万元", "203 million yuan")}),
    ("明确中方将采取的十项行动。", "zh", "et clarifie 9 actions que la chine prendra.", "fr", {(MAJOR, "十", "9")}),
    ("The secretary backed a $3 trillion bill.", "en", "Der Minister unterstützte ein 3 Milliarden $ Gesetzespaket.", "de",
     {(MAJOR, "$3 trillion", "3 Milliarden $")}),
    # a number left out
    ("中方将于2025年底前面向发展中国家举办10期人工智能领域研修研讨项目。", "zh",
     "la chine organisera des projets de formation pour les pays en développement d'ici fin 2025.", "fr",
     {(MAJOR, "10", None)}),
    ("Spain has so far seen 28000 coronavirus deaths.", "en", "In Spanien gab es bislang viele Todesfälle.", "de",
     {(MAJOR, "28000", None)}),
    # a number added
    ("外交部发言人林剑主持例行记者会。", "zh",
     "le 25 septembre, le porte-parole lin jian a tenu une conférence de presse.", "fr",
     {(MAJOR, None, "25 septembre")}),
    # only the qualifier changed
    ("塞尔维亚总统武契奇以及80多个国家的高级别代表与会。", "zh",
     "le président serbe vucic et les représentants de 80 pays ont assisté à la réunion.", "fr",
     {(MINOR, "80多", "80")}),
    ("Spain has so far seen more than 28000 coronavirus deaths.", "en",
     "In Spanien gab es bislang 28.000 Todesfälle.", "de",
     {(MINOR, "28000", "28.000")}),
]


@pytest.mark.parametrize("src, src_lang, tgt, tgt_lang, expected", TRUE_POSITIVES,
                         ids=[f"tp{i}" for i in range(len(TRUE_POSITIVES))])
def test_true_positives(src: str, src_lang: str, tgt: str, tgt_lang: str, expected: set) -> None:
    got, _ = check_pair(src, src_lang, tgt, tgt_lang)
    assert got == expected


def test_message_says_what_was_expected() -> None:
    _, issues = check_pair("80多个国家和国际组织的高级别代表与会。", "zh", "des représentants de 8 pays ont assisté.", "fr")
    (issue,) = issues
    assert issue.message == "Source has 80 (more than 80); the translation has 8"
    _, issues = check_pair("举办10期研修项目。", "zh", "organisera des projets de formation.", "fr")
    (issue,) = issues
    assert issue.message == "Source has 10; the translation has no matching number"
    assert issue.target_span is None and issue.related and issue.related[0].side == "target"
    assert issue.suggestion is None
    _, issues = check_pair("The consulate was given 72 hours.", "en", "Das Konsulat hatte 27 Stunden.", "de")
    assert issues[0].suggestion == "72"


# --- true negatives ---------------------------------------------------------------------------------------

TRUE_NEGATIVES = [
    ("GDP grew 4.5% in the second quarter.", "en", "Le PIB a progressé de 4,5 % au deuxième trimestre.", "fr"),
    ("约3.5万人参加了游行。", "zh", "Environ 35 000 personnes ont participé au défilé.", "fr"),
    ("80多个国家和国际组织的高级别代表与会。", "zh", "de hauts représentants de plus de 80 pays ont assisté à la réunion.", "fr"),
    ("9月26日，外交部发言人林剑主持例行记者会。", "zh", "le 26 septembre, le porte-parole lin jian a tenu une conférence.", "fr"),
    ("中方在第79届联合国大会一般性辩论期间", "zh", "lors du débat général de la 79e session de l'assemblée générale", "fr"),
    ("推动落实联合国2030年可持续发展议程", "zh", "promouvoir le programme de développement durable à l'horizon 2030", "fr"),
    ("明确中方将采取的十项行动", "zh", "et clarifie 10 actions que la chine prendra", "fr"),
    ("提出各方期待的五大愿景", "zh", "la coopération présente cinq visions majeures", "fr"),
    ("La ville compte 1 000 000 d'habitants.", "fr", "The city has one million inhabitants.", "en"),
    ("该市有100万居民。", "zh", "The city has one million inhabitants.", "en"),
    ("该市有100万居民。", "zh", "La ville compte 1\u202f000\u202f000 d'habitants.", "fr"),
    ("2024-09-26", "zh", "26 septembre 2024", "fr"),
    ("2024年9月26日", "zh", "September 26, 2024", "en"),
    ("9月26日", "zh", "am 26. September", "de"),
    ("The clarity of the lake was about 80 feet.", "en", "Die Klarheit des Sees betrug etwa 25 Meter.", "de"),
    ("Scotland's events were hit by Covid-19 restrictions.", "en",
     "Schottlands Veranstaltungen litten unter den Covid 19-Beschränkungen.", "de"),
    ("大篷车将进行长达1小时的直播。", "zh", "The caravan will broadcast a one-hour live show.", "en"),
    ("配置三讯演播区。", "zh", "They are equipped with a 3-channel studio area.", "en"),
    ("他表示，千万不要一般化，十分重要。我们愿同国际社会一道。", "zh", "Il a dit que c'était très important.", "fr"),
    ("Visit www.thepaper.cn for the 2024 report.", "en", "Consultez le rapport 2024 sur www.thepaper.cn.", "fr"),
    ("今年53岁的李代国11岁起就跟着父亲打鱼。", "zh", "Li Daiguo, 53, has been fishing with his father since the age of 11.", "en"),
    ("截至7月25日24时，乌鲁木齐市现有确诊病例135例。", "zh", "As of 24:00 on July 25, 135 cases were confirmed in Urumqi.", "en"),
    ("根据气温高低，一般人员每天喝1.5升至2升水。", "zh", "The average person drinks 1.5-2L of water per day.", "en"),
    ("80个国家参加；这80个国家都签了字。", "zh", "80 pays ont participé et tous ont signé.", "fr"),
    ("Labour could pay between £3million and £8million.", "en", "Labour könnte 3 bis 8 Millionen Pfund zahlen.", "de"),
    ("It was 2-0 against Leicester.", "en", "Es war ein 2:0 gegen Leicester.", "de"),
    ("The fire grew from approximately 5-10 acres to roughly 250 acres.", "en",
     "Das Feuer hatte sich von rund 2 bis 4 Hektar auf ungefähr 100 Hektar ausgebreitet.", "de"),
    ("人均攒钱金额比2019年增长近四成。", "zh", "Per capita savings increased by nearly 40% compared with 2019.", "en"),
    ("中国有1.74亿“90后”。", "zh", "China has 174 million people born in the 1990s.", "en"),
    ("当地时间25日下午5时，飓风登陆。", "zh", "At 5 pm local time on the 25th, the hurricane landed.", "en"),
    ("They were born in the '60s.", "en", "Sie wurden in den sechziger Jahren geboren.", "de"),
]


@pytest.mark.parametrize("src, src_lang, tgt, tgt_lang", TRUE_NEGATIVES, ids=[f"tn{i}" for i in range(len(TRUE_NEGATIVES))])
def test_true_negatives(src: str, src_lang: str, tgt: str, tgt_lang: str) -> None:
    got, _ = check_pair(src, src_lang, tgt, tgt_lang)
    assert got == set()


def test_number_in_the_neighbouring_bead_is_an_alignment_slip() -> None:
    source = make_doc(["中方将举办10期研修项目。", "各方达成广泛共识。"], "zh")
    target = make_doc(["La chine organisera des projets de formation.", "Elle en organisera 10 ; toutes les parties sont d'accord."], "fr")
    assert run(source, target) == []
    far = make_doc(["中方将举办10期研修项目。", "各方达成广泛共识。", "会议结束。", "谢谢。"], "zh")
    far_target = make_doc(["La chine organisera des projets.", "Consensus.", "Fin.", "Il y en aura 10."], "fr")
    assert flagged(far, far_target, run(far, far_target)) == {(MAJOR, "10", None), (MAJOR, None, "10")}


def test_beads_with_an_empty_side_are_left_to_the_alignment_checks() -> None:
    source = make_doc(["中方将举办10期研修项目。"], "zh")
    target = make_doc(["nouvelles", "La chine organisera 10 projets."], "fr")
    assert run(source, target, [Bead((), (0,)), Bead((0,), (1,))]) == []
    assert run(source, target, [Bead((0,), ()), Bead((), (0, 1))]) == []


def test_spans_are_document_offsets() -> None:
    source = make_doc(["标题", "", "80多个国家与会。"], "zh")
    target = make_doc(["titre", "", "des représentants de 8 pays."], "fr")
    (issue,) = run(source, target)
    assert source.text[issue.source_span.start:issue.source_span.end] == "80多"
    assert target.text[issue.target_span.start:issue.target_span.end] == "8"


def test_registered() -> None:
    info = REGISTRY[CHECK_ID]
    assert info.category is Category.ACCURACY_NUMBER and info.order == 40
    assert info.title == "Numbers, amounts, dates or percentages that differ between source and translation."
    assert "False positives" in info.doc


# --- the founding example ---------------------------------------------------------------------------------

def _seed_docs() -> tuple[Document, Document]:
    return make_doc(SEED_ZH.split("\n"), "zh"), make_doc(SEED_FR.split("\n"), "fr")


def test_seed_paragraph_alignment_raises_nothing() -> None:
    source, target = _seed_docs()
    assert len(source.sentences) == 8 and len(target.sentences) == 11
    # source line i ↔ its translation; the MT's "nouvelles", language menu and "rapport/commentaires" alone
    beads = [Bead((), (0,)), Bead((0,), (1,)), Bead((1,), (2,)), Bead((), (3,))]
    beads += [Bead((i,), (i + 2,)) for i in range(2, 8)] + [Bead((), (10,))]
    assert run(source, target, beads) == []


def test_seed_as_one_bead_raises_nothing() -> None:
    source, target = _seed_docs()
    bead = Bead(tuple(range(len(source.sentences))), tuple(range(len(target.sentences))))
    assert run(source, target, [bead]) == []


def test_seed_with_a_wrong_number_is_caught() -> None:
    source, target = _seed_docs()
    broken = make_doc(SEED_FR.replace("plus de 80 pays", "plus de 8 pays").split("\n"), "fr")
    beads = [Bead((), (0,)), Bead((0,), (1,)), Bead((1,), (2,)), Bead((), (3,))]
    beads += [Bead((i,), (i + 2,)) for i in range(2, 8)] + [Bead((), (10,))]
    issues = run(source, broken, beads)
    assert flagged(source, broken, issues) == {(MAJOR, "80多", "8")}


# --- properties -------------------------------------------------------------------------------------------

_PIECES = st.sampled_from(["80", "多", "个国家", "plus de ", "8", " pays", "9月26日", "26 septembre", "3.5万", "35 000",
                           "第79届", "79e", "十项", "10 actions", "。", ". ", "2030年", "2030", "%", "４,５", "x"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=6).map("".join), min_size=1, max_size=4),
       st.lists(st.lists(_PIECES, max_size=6).map("".join), min_size=1, max_size=4))
def test_issue_spans_lie_inside_their_text(src_lines: list[str], tgt_lines: list[str]) -> None:
    source, target = make_doc(src_lines, "zh"), make_doc(tgt_lines, "fr")
    if not source.sentences or not target.sentences:
        return
    beads = [Bead(tuple(range(len(source.sentences))), tuple(range(len(target.sentences))))]
    for issue in run(source, target, beads):
        for span, doc in ((issue.source_span, source), (issue.target_span, target)):
            if span is not None:
                assert 0 <= span.start < span.end <= len(doc.text)


def test_mentions_moved_to_document_offsets_as_replace_would() -> None:
    from dataclasses import replace

    from mtcheck.numbers import find_numbers, shifted_mentions

    found = find_numbers("Il a reçu 4,5 millions le 26 septembre 2024 vers 14h30, soit 80 % de plus.", "fr")
    moved = shifted_mentions(found, 17)
    assert moved == [replace(m, start=m.start + 17, end=m.end + 17) for m in found]
    assert [hash(m) for m in moved] == [hash(replace(m, start=m.start + 17, end=m.end + 17)) for m in found]
    assert shifted_mentions(found, 0) is found  # frozen mentions serve as they are


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "0", "07", "１２", "０", "x", " ", "19", "-", "２０2４"]), max_size=8).map("".join))
def test_digit_runs_translate_only_what_needs_it(text: str) -> None:
    import re

    from mtcheck.checks.numbers import _FULLWIDTH_DIGITS, _digit_runs

    plain = {d.lstrip("0") or "0" for d in re.findall(r"[0-9０-９]+", text.translate(_FULLWIDTH_DIGITS))}
    assert _digit_runs(text) == plain


def test_raw_digits_of_full_width_and_plain_mentions() -> None:
    from mtcheck.checks.numbers import _raw_digits
    from mtcheck.numbers import find_numbers

    assert [_raw_digits(m) for m in find_numbers("Covid １９ et 007 cas, 3,5 millions", "fr")] == [
        {"19"}, {"7"}, set()]
