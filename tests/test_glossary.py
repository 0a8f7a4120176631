"""Glossaries: loading CSV/TSV/TBX, inflection- and case-aware matching, forbidden renderings."""
import pytest

from mtcheck.api import check_texts, make_document
from mtcheck.checks.glossary import glossary_compliance
from mtcheck.checks.registry import CheckContext
from mtcheck.config import Config
from mtcheck.errors import InputError, MalformedInput
from mtcheck.terms.glossary import GlossaryEntry, load_glossary
from mtcheck.terms.matching import find_phrase
from mtcheck.types import Bead

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1"><langSet xml:lang="en"><tig><term>climate fund</term></tig></langSet>
<langSet xml:lang="de"><tig><term>Klimafonds</term></tig></langSet></termEntry>
</body></text></martif>
"""
BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol2;</term></tig></langSet>
</termEntry></body></text></martif>
"""


def test_csv_tsv_and_tbx(tmp_path):
    csv_path = tmp_path / "g.csv"
    csv_path.write_text("source,target,forbidden,note\n普惠计划,plan inclusif,régime de prestations|plan d'avantages,\n",
                        encoding="utf-8")
    assert load_glossary(str(csv_path)) == (
        GlossaryEntry("普惠计划", ("plan inclusif",), ("régime de prestations", "plan d'avantages"), ""),)
    tsv_path = tmp_path / "g.tsv"
    tsv_path.write_text("source\ttarget\nclimate fund\tKlimafonds|Klimafond\n", encoding="utf-8")
    assert load_glossary(str(tsv_path)) == (GlossaryEntry("climate fund", ("Klimafonds", "Klimafond")),)
    tbx_path = tmp_path / "g.tbx"
    tbx_path.write_text(TBX, encoding="utf-8")
    assert load_glossary(str(tbx_path)) == (GlossaryEntry("climate fund", ("Klimafonds",)),)



@pytest.mark.parametrize("content", [
    "source;target;forbidden;note\n普惠计划;plan inclusif;régime de prestations|plan d'avantages;\n"
    "战略对接;alignement stratégique;;\"Le terme; tel quel\"\n",  # a European spreadsheet's CSV
    "普惠计划;plan inclusif;régime de prestations|plan d'avantages\n战略对接;alignement stratégique;;\"Le terme; tel quel\"\n",
    "source,target,forbidden,note\n普惠计划,plan inclusif,régime de prestations|plan d'avantages,\n"
    "战略对接,alignement stratégique,,\"Le terme; tel quel\"\n",  # semicolons inside a comma table
])
def test_comma_and_semicolon_glossaries_read_the_same(tmp_path, content):
    path = tmp_path / "g.csv"
    path.write_text(content, encoding="utf-8")
    assert load_glossary(str(path)) == (
        GlossaryEntry("普惠计划", ("plan inclusif",), ("régime de prestations", "plan d'avantages"), ""),
        GlossaryEntry("战略对接", ("alignement stratégique",), (), "Le terme; tel quel"))

@pytest.mark.parametrize("content,words", [
    ("source,target\n,plan\n", "no source term"),
    ("source,target,forbidden\nterme,,\n", "neither a target nor a forbidden"),
    ("", "empty glossary"),
])
def test_malformed_glossaries(tmp_path, content, words):
    path = tmp_path / "g.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MalformedInput, match=words):
        load_glossary(str(path))


def test_hostile_tbx_is_refused(tmp_path):
    path = tmp_path / "bomb.tbx"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(MalformedInput, match="unsafe or malformed XML"):
        load_glossary(str(path))
    with pytest.raises(InputError, match="glossary not found"):
        load_glossary(str(tmp_path / "none.csv"))


@pytest.mark.parametrize("text,phrase,lang,found", [
    ("Les plans inclusifs avancent.", "plan inclusif", "fr", ["plans inclusifs"]),
    ("Il vise l'amarrage stratégique.", "amarrage stratégique", "fr", ["amarrage stratégique"]),
    ("Die Mittel der Initiative fließen.", "die Initiative", "de", ["der Initiative"]),
    ("Le Sud global et le sud de la France.", "Sud global", "fr", ["Sud global"]),
    ("L'IA générative ; ia ne compte pas.", "IA", "fr", ["IA"]),
    ("推动普惠计划落实，普惠计划旨在", "普惠计划", "zh", ["普惠计划", "普惠计划"]),
    # Korean: the term with a particle after it (를, 는, 에서는), the match ending before the particle; not a
    # longer word (제도화, "institutionalisation").
    ("아동 지원 제도를 발표했다. 아동 지원 제도는 좋다. 아동 지원 제도에서는 아동 지원 제도화", "아동 지원 제도", "ko",
     ["아동 지원 제도", "아동 지원 제도", "아동 지원 제도"]),
    ("デジタル庁を担当する大臣", "デジタル庁", "ja", ["デジタル庁"]),
])
def test_inflection_and_case_aware_matching(text, phrase, lang, found):
    assert [text[s:e] for s, e in find_phrase(text, phrase, lang)] == found


def _ctx(src, tgt, src_lang, tgt_lang, glossary):
    s = make_document(src, path=None, lang=src_lang, encoding=None)
    t = make_document(tgt, path=None, lang=tgt_lang, encoding=None)
    beads = tuple(Bead((i,), (i,)) for i in range(len(s.sentences)))
    return t, CheckContext(s, t, beads, Config(), glossary=glossary)


def test_glossary_issues_point_at_the_exact_text():
    glossary = (GlossaryEntry("climate fund", ("Klimafonds",), ("Umweltkasse",)),
                GlossaryEntry("green bonds", ("grüne Anleihen",)))
    src = ("The climate fund will grow. Money from the climate fund goes to Africa. "
           "The climate fund issues green bonds.")
    tgt = ("Der Klimafonds wird wachsen. Geld aus der Umweltkasse geht nach Afrika. "
           "Der Klimafonds gibt Öko-Schuldscheine aus.")
    t, ctx = _ctx(src, tgt, "en", "de", glossary)
    issues = list(glossary_compliance(ctx))
    flagged = [(i.severity.value, t.text[i.target_span.start:i.target_span.end], i.suggestion) for i in issues]
    assert flagged == [
        ("major", "Umweltkasse", "Klimafonds"),
        ("major", "Der Klimafonds gibt Öko-Schuldscheine aus.", "grüne Anleihen"),
    ]
    assert issues[1].confidence == 0.5 and "green bonds should be rendered 'grüne Anleihen'" in issues[1].message


def test_inflected_renderings_satisfy_the_glossary():
    glossary = (GlossaryEntry("plan", ("plan inclusif",)),)
    src = "The plan starts today. Both plans cost little."
    tgt = "Le plan inclusif commence aujourd'hui. Les deux plans inclusifs coûtent peu."
    t, ctx = _ctx(src, tgt, "en", "fr", glossary)
    assert list(glossary_compliance(ctx)) == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, entry, flagged", [
    # The term in every sentence, one rendered otherwise: the neighbours' renderings are their own.
    ("The Digital Agency was set up in 2021. Critics say the Digital Agency is slow. "
     "The Digital Agency will hire more engineers.",
     "デジタル庁は2021年に設置された。批判派はデジタル省が遅いと言う。デジタル庁はエンジニアを増員する。", "en", "ja",
     GlossaryEntry("Digital Agency", ("デジタル庁",)), ["批判派はデジタル省が遅いと言う。"]),
    ("The Child Support System starts in April. The Child Support System costs little. "
     "The Child Support System is popular.",
     "아동 지원 제도는 4월에 시작된다. 아동 보조 제도는 비용이 적다. 아동 지원 제도는 인기가 있다.", "en", "ko",
     GlossaryEntry("Child Support System", ("아동 지원 제도",)), ["아동 보조 제도는 비용이 적다."]),
    ("육아 지원 제도는 4월에 시작된다. 육아 지원 제도가 인기다. 육아 지원 제도의 비용은 적다.",
     "The child support system starts in April. The childcare scheme is popular. "
     "The cost of the child support system is low.", "ko", "en",
     GlossaryEntry("육아 지원 제도", ("child support system",)), ["The childcare scheme is popular."]),
    # A rendering moved into the next sentence's translation, which needs none of its own, still counts.
    ("The climate fund will grow. It goes to Africa.", "Es wird wachsen. Der Klimafonds geht nach Afrika.", "en",
     "de", GlossaryEntry("climate fund", ("Klimafonds",)), []),
])
def test_each_sentence_needs_its_own_rendering(src, tgt, src_lang, tgt_lang, entry, flagged):
    t, ctx = _ctx(src, tgt, src_lang, tgt_lang, (entry,))
    assert [t.text[i.target_span.start:i.target_span.end] for i in glossary_compliance(ctx)] == flagged


def test_full_pipeline_with_glossary(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("source,target,forbidden\n战略对接,alignement stratégique,amarrage stratégique\n", encoding="utf-8")
    report = check_texts("加强人工智能战略对接和政策交流。", "Renforcer l'amarrage stratégique et les échanges politiques.",
                         src_lang="zh", tgt_lang="fr", config=Config(glossary=str(path)))
    found = [(i.check, report.target.text[i.target_span.start:i.target_span.end]) for i in report.issues]
    assert ("terms.glossary", "amarrage stratégique") in found


def test_glossary_entries_given_directly_and_signed():
    entries = (GlossaryEntry("战略对接", ("alignement stratégique",), ("amarrage stratégique",)),)
    report = check_texts("加强人工智能战略对接和政策交流。", "Renforcer l'amarrage stratégique et les échanges politiques.",
                         src_lang="zh", tgt_lang="fr", glossary=entries)
    found = [(i.check, report.target.text[i.target_span.start:i.target_span.end]) for i in report.issues]
    assert ("terms.glossary", "amarrage stratégique") in found
    assert "|glossary:" in report.signature
